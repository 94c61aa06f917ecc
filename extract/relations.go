package extract

import (
	"strings"

	"github.com/irkg/irkg/extract/text"
	"github.com/irkg/irkg/schemas"
)

// forcesRule makes "troupes américaines en Pologne", "U.S. forces in Iraq" a deployment.
var forcesRule = schemas.RelationRule{Predicate: "DEPLOYS_FORCES_TO", Noun: true, Preps: []string{"in", "into", "to", "en", "au", "aux", "dans", "vers"}}

// clausesIn attaches clause forms to the agreement they speak of: HAS_CLAUSE,
// or LACKS_CLAUSE after a stated absence ("ne contient pas de clause de …").
func (d *doc) clausesIn(s *sent) {
	context := len(s.agMents) > 0 || len(s.cues["anaphor"]) > 0
	if d.prevAgreement {
		context = true
	}
	if !context || len(d.agreements) == 0 {
		return
	}
	for _, c := range longestOnly(s.clauses) {
		if s.covered(c.start) {
			continue // inside a name: the International Atomic Energy Agency
		}
		if len(s.agMents) == 0 && !strings.Contains(strings.TrimSpace(c.p.form), " ") {
			continue // a one-word form ("trade", "énergie") counts only beside a named agreement
		}
		a0, _ := s.segment(c.start)
		lacks := false
		for _, ab := range s.cues["absence"] {
			if ab.start < c.start && ab.start >= max(a0, c.start-14) {
				lacks = true
			}
		}
		for _, ng := range s.cues["negation"] {
			if ng.start < c.start && ng.start >= c.start-2 && (s.toks[ng.start].Fold == "no" || s.toks[ng.start].Fold == "aucun" || s.toks[ng.start].Fold == "aucune") {
				lacks = true
			}
		}
		// "du type de celle qui figure dans un traité …": that other agreement has it
		var linked *agreement
		for _, l := range s.cues["clause_link"] {
			if l.start >= c.end && l.start <= c.end+8 {
				for _, m := range s.agMents {
					if m.start >= l.end && m.start <= l.end+10 {
						linked = m.a
						break
					}
				}
			}
		}
		// the clause named inside an agreement's name (Mutual Defense Treaty)
		var target *agreement
		for _, m := range s.agMents {
			if c.start >= m.start && c.end <= m.end {
				target = m.a
			}
		}
		if target == nil {
			for _, m := range s.agMents {
				if m.a != linked && m.start <= c.start {
					target = m.a
				}
			}
		}
		if target == nil {
			for _, m := range s.agMents {
				if m.a != linked && m.start > c.start {
					target = m.a
					break
				}
			}
		}
		if target == nil {
			target = d.mainAgreement()
			if target == linked {
				target = nil
			}
		}
		sc := d.scopeOf(s, c.start, c.end)
		sc.negated = false
		obj := "clause:" + c.p.clause
		if linked != nil {
			d.addFact(s, linked.ref, "HAS_CLAUSE", obj, scope{modality: "asserted"}, nil, 0.75)
		}
		if target == nil || (linked != nil && !lacks) {
			continue // without a stated absence, the linked agreement alone has it
		}
		pred := "HAS_CLAUSE"
		if lacks {
			pred = "LACKS_CLAUSE"
			sc.modality = "asserted"
		}
		d.addFact(s, target.ref, pred, obj, sc, nil, 0.8)
	}
}

// relationsIn applies the relation rules of the sentence's triggers.
func (d *doc) relationsIn(s *sent) {
	trigs := append([]trig(nil), s.rels...)
	for _, f := range s.cues["forces"] {
		trigs = append(trigs, trig{f.start, f.end, &payload{kind: pRelation, rel: &forcesRule}})
	}
	for i, t := range trigs {
		inside := false
		for _, m := range s.agMents {
			if t.start >= m.start && t.end <= m.end {
				inside = true
			}
		}
		for j, o := range trigs {
			if o.p.rel.Predicate == t.p.rel.Predicate && o.start <= t.start && o.end >= t.end && o.end-o.start > t.end-t.start {
				inside = true // a longer form of the same predicate covers it
			}
			if j != i && o.p.rel.Predicate == t.p.rel.Predicate && o.start == t.start && o.end == t.end && o.p.rel.Noun != t.p.rel.Noun {
				// the same form as a noun and as a verb: the context decides
				if t.p.rel.Noun != d.nounContext(s, t.start) {
					inside = true
				}
			} else if j < i && o.p.rel.Predicate == t.p.rel.Predicate && o.start == t.start && o.end == t.end {
				inside = true // the same form in two rules: the first rule wins
			}
		}
		// a trigger inside an actor's name (Asia-Pacific Economic Cooperation) is no event
		if s.covered(t.start) {
			inside = true
		}
		// a capitalised trigger inside a name (UN Assistance Mission, Security Council) is no event
		if t.start > 0 && s.toks[t.start].Upper && t.end < len(s.toks) && s.toks[t.end].Upper && s.toks[t.end].Word {
			inside = true
		}
		if inside {
			continue
		}
		d.relation(s, t)
	}
}

// hostsIn reads "les autres pays d'accueil prévus sont l'Estonie, la
// Lettonie…", "the host nations are…": the forces last deployed in the text go
// to those countries too.
func (d *doc) hostsIn(s *sent) {
	if d.lastDeployer == "" {
		return
	}
	for _, c := range s.cues["hosts"] {
		_, b := s.segment(c.start)
		g := s.rightGroup(c.end, b, 4)
		if len(g) == 0 {
			continue
		}
		sc := d.scopeOf(s, c.start, c.end)
		for _, id := range d.states(g, true) {
			if strings.HasPrefix(id, "country:") {
				d.addFact(s, d.lastDeployer, "DEPLOYS_FORCES_TO", id, sc, nil, 0.6)
			}
		}
	}
}

func (d *doc) relation(s *sent, t trig) {
	r := t.p.rel
	pred, ok := d.x.s.Predicate(r.Predicate)
	if !ok {
		return
	}
	a, b := s.segment(t.start)
	sc := d.scopeOf(s, t.start, t.end)
	props := map[string]any{}
	if r.Domain != "" {
		props["domain"] = r.Domain
	}
	if r.Modality != "" && sc.modality == "asserted" {
		sc.modality = r.Modality
	}
	if pred.Symmetric {
		d.symmetric(s, t, pred.Name, a, b, sc, props)
		return
	}
	var subj, obj []*mention
	passive := r.Passive
	for _, p := range s.cues["passive"] {
		if p.start <= t.start && p.end >= t.end || p.start == t.start {
			passive = true
		}
	}
	if passive {
		obj = s.leftGroup(t.start, max(a, t.start-4))
		if len(obj) == 0 {
			return
		}
		// the actor of the sentence: its first group
		for _, m := range s.ments {
			if m.start >= a && m.end <= obj[0].start && !m.consumed {
				subj = s.rightGroup(m.start, obj[0].start, 0)
				break
			}
		}
	} else if host := d.hostOf(s, t, a); host != nil && pred.Name == "DEPLOYS_FORCES_TO" {
		// "Szydło accueille les troupes américaines": the host receives them
		subj = d.subjectOf(s, t, a)
		obj = host
	} else {
		subj = d.subjectOf(s, t, a)
		obj = d.objectOf(s, t, b)
		if pred.Name == "MEMBER_OF" {
			obj = d.membershipObject(s, t, b, obj)
		}
	}
	if len(subj) == 0 || len(obj) == 0 {
		return
	}
	if len(subj) == 1 && len(obj) == 1 && subj[0].kind == mkGroup && obj[0].kind == mkGroup {
		return // "les deux pays … l'un ou l'autre pays": the parties among themselves
	}
	mapSubj := pred.Name != "VISITS"
	conf := 0.75
	for _, sm := range subj {
		for _, sid := range sm.actorIDs() {
			if mapSubj || !strings.HasPrefix(sid, "person:") {
				sid = d.stateOf(sid)
			}
			for _, om := range obj {
				for _, oid := range om.actorIDs() {
					oid = d.stateOf(oid)
					if !d.fits(pred, sid, oid) {
						continue
					}
					d.addFact(s, sid, pred.Name, oid, sc, props, conf)
				}
			}
		}
	}
}

// fits checks the predicate's subject and object labels.
func (d *doc) fits(p *schemas.Predicate, subj, obj string) bool {
	return labelOK(p.Subject, subj) && labelOK(p.Object, obj)
}

func labelOK(labels []string, id string) bool {
	prefix := id[:strings.IndexByte(id, ':')+1]
	if len(labels) == 0 {
		return prefix == "country:" || prefix == "org:" || prefix == "group:" || prefix == "person:"
	}
	for _, l := range labels {
		if labelPrefix(l) == prefix {
			return true
		}
	}
	return false
}

func labelPrefix(l string) string {
	switch l {
	case "Country":
		return "country:"
	case "Organization":
		return "org:"
	case "Group":
		return "group:"
	case "Person":
		return "person:"
	case "Agreement":
		return "agreement:"
	case "Clause":
		return "clause:"
	}
	return "?"
}

// subjectOf finds who acts: for a noun, an adjacent demonym (sanctions
// occidentales, Western sanctions), a possessive, "by X"/"de X"; for a verb,
// or a noun after a light verb, the nearest actors to the left.
func (d *doc) subjectOf(s *sent, t trig, a int) []*mention {
	r := t.p.rel
	if r.Noun {
		if d.lang == "fr" {
			// sanctions occidentales, troupes nord-coréennes, intervention russe
			for k := t.end; k < len(s.toks) && k <= t.end+2; k++ {
				if m := s.mentionAt(k); m != nil {
					if m.kind == mkDemonym && !m.consumed {
						return []*mention{m}
					}
					break
				}
				if !s.toks[k].Word {
					break
				}
			}
		} else {
			// Western sanctions, U.S. forces, Russia's invasion
			j := t.start
			for n := 0; j > 0 && n < 2; n++ {
				if m := s.mentionEndingAt(j); m != nil && !m.consumed && m.kind != mkPerson {
					return []*mention{m}
				}
				if j >= 2 && s.toks[j-1].Fold == "s" && s.toks[j-2].Fold == "'" {
					if m := s.mentionEndingAt(j - 2); m != nil {
						return []*mention{m}
					}
				}
				if !s.toks[j-1].Word || s.toks[j-1].Upper {
					break
				}
				j--
			}
		}
		// de X / by X after the noun, when "de" does not introduce the object
		for k := t.end; k < len(s.toks) && k <= t.end+3; k++ {
			f := s.toks[k].Fold
			if f == "by" || f == "par" || ((f == "de" || f == "d" || f == "du") && !contains(r.Preps, "de")) {
				if g := s.rightGroup(k+1, len(s.toks), 2); len(g) > 0 {
					return g
				}
			}
		}
		// a possessive: "sa visite au Kremlin", "his visit to" → the last person or actor before
		for k := t.start - 1; k >= 0 && k >= t.start-3; k-- {
			if possessives[s.toks[k].Fold] {
				for i := len(s.ments) - 1; i >= 0; i-- {
					m := s.ments[i]
					if m.end <= k && !m.consumed && (m.kind == mkPerson || m.kind == mkName) {
						return []*mention{m}
					}
				}
				break
			}
		}
		// "Nancy Pelosi's visit": a possessor that is no actor leaves no subject
		if t.start >= 2 && s.toks[t.start-1].Fold == "s" && s.toks[t.start-2].Fold == "'" {
			return nil
		}
		// a light verb: "les Etats-Unis ont décrété des sanctions"
		g := s.leftGroup(t.start, max(a, t.start-8))
		if len(g) > 0 && s.pronounBetween(g[len(g)-1].end, t.start) {
			return nil
		}
		if len(g) > 0 {
			for k := g[len(g)-1].end; k < t.start; k++ {
				if s.toks[k].Text == "," || s.toks[k].Fold == "que" || s.toks[k].Fold == "that" || s.toks[k].Fold == "qui" || s.toks[k].Fold == "which" {
					return nil
				}
			}
		}
		return g
	}
	// a verb: the nearest actors before it that are not a prepositional
	// complement or a possessive ("respect for Iraq's sovereignty")
	k := t.start
	for k > a {
		g := s.leftGroup(k, a)
		if len(g) == 0 {
			return nil
		}
		first, last := g[0], g[len(g)-1]
		if s.pronounBetween(last.end, t.start) {
			return nil // "the assurances that it provided": the subject is an unresolved pronoun
		}
		if !s.complement(first.start, last.end) {
			return g
		}
		k = first.start
	}
	return nil
}

var subjectPronouns = map[string]bool{"it": true, "they": true, "he": true, "she": true, "il": true, "elle": true, "ils": true, "elles": true}

// pronounBetween reports whether an unresolved subject pronoun stands in [a, b).
func (s *sent) pronounBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if s.toks[k].Word && subjectPronouns[s.toks[k].Fold] && !s.covered(k) {
			return true
		}
	}
	return false
}

// partitives are articles, not prepositions, before a direct object
// ("ont frappé des véhicules libyens", "a livré du matériel russe").
var partitives = map[string]bool{"des": true, "du": true, "de": true, "d": true, "of": true}

var nounDeterminers = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true, "its": true, "their": true, "his": true, "her": true, "our": true, "any": true, "no": true, "le": true, "la": true, "les": true, "l": true, "un": true, "une": true, "des": true, "sa": true, "son": true, "ses": true, "leur": true, "leurs": true, "cette": true, "ce": true, "cet": true, "du": true, "notre": true, "nos": true, "aucune": true, "aucun": true}

// nounContext reports whether the word at k reads as a noun: after a
// determiner, or after a determiner and an adjective ("a clear attack").
func (d *doc) nounContext(s *sent, k int) bool {
	det := func(i int) bool {
		f := s.toks[i].Fold
		if f == "a" && d.lang == "fr" {
			return false // "n'a", "il a": the verb avoir
		}
		return nounDeterminers[f]
	}
	// skip up to two adjectives: "a clear attack", "Russia's continued attacks"
	j := k
	for n := 0; n < 2 && j > 0 && s.toks[j-1].Word && !s.toks[j-1].Upper && !det(j-1) && s.toks[j-1].Fold != "s"; n++ {
		j--
	}
	for _, i := range []int{k, j} {
		if i > 0 && det(i-1) {
			return true
		}
		if i >= 2 && s.toks[i-1].Fold == "s" && s.toks[i-2].Fold == "'" {
			return true // "Pelosi's visit"
		}
	}
	if k > 0 && s.toks[k-1].Fold == "'" && k > 1 && (s.toks[k-2].Fold == "l" || s.toks[k-2].Fold == "d") {
		return true
	}
	if k > 1 && s.toks[k-1].Word && !s.toks[k-1].Upper && det(k-2) {
		return true
	}
	return false
}

var prepositions = map[string]bool{"under": true, "after": true, "before": true, "during": true, "through": true, "via": true, "than": true, "like": true, "sous": true, "après": true, "apres": true, "avant": true, "pendant": true, "selon": true, "comme": true, "chez": true, "for": true, "of": true, "to": true, "with": true, "in": true, "on": true, "at": true, "from": true, "by": true, "against": true, "into": true, "de": true, "du": true, "des": true, "d": true, "au": true, "aux": true, "avec": true, "en": true, "contre": true, "pour": true, "sur": true, "par": true, "entre": true, "between": true, "vers": true, "dans": true}

var determiners = map[string]bool{"the": true, "le": true, "la": true, "les": true, "l": true, "'": true, "its": true, "their": true, "son": true, "sa": true, "ses": true, "leur": true, "leurs": true}

// complement reports whether the mention at [start, end) follows a
// preposition or carries a possessive 's.
func (s *sent) complement(start, end int) bool {
	if end+1 < len(s.toks) && s.toks[end].Fold == "'" && s.toks[end+1].Fold == "s" {
		return true
	}
	k := start - 1
	for k >= 0 && determiners[s.toks[k].Fold] {
		k--
	}
	return k >= 0 && (prepositions[s.toks[k].Fold] || s.toks[k].Text == "à" || s.toks[k].Text == "À")
}

// objectOf finds the target: after one of the rule's prepositions, or the
// direct object right after the trigger.
func (d *doc) objectOf(s *sent, t trig, b int) []*mention {
	r := t.p.rel
	// skip the noun's own demonym (sanctions occidentales contre …)
	k := t.end
	for n := 0; k < b && n < 5; n++ {
		f := s.toks[k].Fold
		if containsFolded(r.Preps, f) || (k+1 < b && containsFolded(r.Preps, f+" "+s.toks[k+1].Fold)) {
			j := s.skipFillers(k+1, 2)
			if g := s.rightGroup(j, b, 2); len(g) > 0 {
				ok := true
				for i := j; i < g[0].start; i++ {
					f := s.toks[i].Fold
					if (prepositions[f] || s.toks[i].Text == "à") && f != "de" && f != "d" && f != "of" {
						ok = false // "in response to Russian…": no place or target
					}
				}
				if ok {
					return g // "au régime de Bachar el-Assad" reaches the regime's leader
				}
			}
			k++ // "des troupes au sol en Syrie": try the next preposition
			continue
		}
		if m := s.mentionAt(k); m != nil && !(r.Noun && m.kind == mkDemonym && k <= t.end+2 && d.lang == "fr") {
			if r.Noun && !containsFolded(r.Preps, "de") && s.complement(m.start, m.end) {
				k = m.end // the noun's agent: "l'adhésion de la Finlande à l'OTAN"
				continue
			}
			break
		}
		if !s.toks[k].Word && s.toks[k].Text != "'" {
			break
		}
		k++
	}
	if r.Noun && len(r.Preps) > 0 {
		return nil
	}
	if r.Noun {
		return nil
	}
	return s.directObject(t.end, b, 5, false)
}

// directObject returns the actors right after a verb, unless a preposition
// introduces them ("met in Washington" names a place, not a partner). With
// partnersOnly, a possessor is no partner either ("discuss Sweden's
// accession"), while "condemn Putin's decision" does target Putin.
func (s *sent) directObject(k, b, maxGap int, partnersOnly bool) []*mention {
	g := s.rightGroup(k, b, maxGap)
	for j := k; len(g) > 0 && j < g[0].start; j++ {
		if c, ok := s.cueAt("adverb", j); ok {
			j = c.end - 1 // "accuse à son tour les États-Unis"
			continue
		}
		f := s.toks[j].Fold
		if (prepositions[f] || s.toks[j].Text == "à") && !partitives[f] {
			return nil
		}
	}
	if len(g) > 0 && partnersOnly {
		if e := g[len(g)-1].end; e+1 < len(s.toks) && s.toks[e].Fold == "'" && s.toks[e+1].Fold == "s" {
			return nil
		}
	}
	return g
}

// hostOf returns the actors hosting the forces of trigger t ("X accueille
// les troupes américaines", "X hosts U.S. troops"): the subject of a host
// verb just before the forces noun.
func (d *doc) hostOf(s *sent, t trig, a int) []*mention {
	for _, h := range s.cues["host"] {
		if h.end <= t.start && h.end >= t.start-4 && h.start >= a {
			g := s.leftGroup(h.start, a)
			if len(g) == 0 || len(d.objectOf(s, t, len(s.toks))) > 0 {
				return nil
			}
			return g
		}
	}
	return nil
}

// membershipObject completes MEMBER_OF objects: "join SACN from the Andean
// Community" (a membership in both), "Chile will join." (the organisation
// the text is about).
func (d *doc) membershipObject(s *sent, t trig, b int, obj []*mention) []*mention {
	if len(obj) > 0 {
		last := obj[len(obj)-1]
		if last.end < b && (s.toks[last.end].Fold == "from" || s.toks[last.end].Fold == "de") {
			if g := s.rightGroup(last.end+1, b, 2); len(g) > 0 && strings.HasPrefix(g[0].id, "org:") {
				obj = append(obj, g[0])
			}
		}
		return obj
	}
	k := t.end
	for k < len(s.toks) && s.toks[k].Word && !s.toks[k].Upper && k < t.end+2 {
		k++ // adverbs: "join immediately"
	}
	if k >= len(s.toks) || s.toks[k].Text == ";" || s.toks[k].Text == "." || s.toks[k].Text == "," {
		if org := d.topicOrg(); org != "" {
			return []*mention{{start: t.end, end: t.end, id: org, kind: mkName}}
		}
	}
	return nil
}

var possessives = map[string]bool{"sa": true, "son": true, "ses": true, "his": true, "her": true, "its": true}

// containsFolded compares a folded token with forms written with accents ("à").
func containsFolded(xs []string, f string) bool {
	for _, y := range xs {
		if y == f || text.Fold(y) == f {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// symmetric handles CONSULTS and COOPERATES_WITH: "A et B ont discuté",
// "A met with B", "talks between A and B", "négociations" among the
// sentence's coordinated states.
func (d *doc) symmetric(s *sent, t trig, pred string, a, b int, sc scope, props map[string]any) {
	var left, right []*mention
	for _, c := range s.cues["between"] {
		if c.start >= t.end && c.start <= t.end+8 && c.start < b {
			right = s.betweenGroup(c.end, b)
			if len(right) > 0 {
				d.pairs(s, pred, d.states(right, true), nil, sc, props)
				return
			}
		}
	}
	for _, c := range s.cues["with"] {
		if c.start >= t.end && c.start <= t.end+4 && c.start < b {
			right = s.rightGroup(s.skipFillers(c.end, 3), b, 5) // "with Japanese Foreign Minister Hayashi"
		}
	}
	left = s.leftGroup(t.start, max(a, t.start-25))
	if len(right) == 0 && !t.p.rel.Noun {
		right = s.directObject(t.end, b, 3, true)
	}
	ls := d.states(left, true)
	rs := d.states(right, true)
	if len(rs) > 0 && len(ls) > 0 {
		d.pairs(s, pred, ls, rs, sc, props)
		return
	}
	if len(ls) >= 2 {
		d.pairs(s, pred, ls, nil, sc, props)
		return
	}
	if t.p.rel.Noun {
		// the coordinated states of the segment
		for _, m := range s.ments {
			if m.start < a || m.start >= b {
				continue
			}
			g := d.states(s.rightGroup(m.start, b, 0), true)
			if len(g) >= 2 {
				d.pairs(s, pred, g, nil, sc, props)
				return
			}
		}
	}
}

// pairs emits the symmetric fact for every pair within xs (ys nil) or across xs × ys.
func (d *doc) pairs(s *sent, pred string, xs, ys []string, sc scope, props map[string]any) {
	if len(xs) > 6 || len(ys) > 6 {
		return // a list of many states is a summit roll-call, not bilateral facts
	}
	emit := func(x, y string) {
		if x == y || !labelOK(nil, x) || !labelOK(nil, y) {
			return
		}
		d.addFact(s, x, pred, y, sc, props, 0.7)
	}
	if ys == nil {
		for i := range xs {
			for j := i + 1; j < len(xs); j++ {
				emit(xs[i], xs[j])
			}
		}
		return
	}
	for _, x := range xs {
		for _, y := range ys {
			emit(x, y)
		}
	}
}
