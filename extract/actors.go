package extract

import "strings"

// groupMentions adds mentions for phrases that stand for actors: "les deux
// pays" and "they" (the states in focus), "we" (the speaker), "the
// community" (the last organisation).
func (d *doc) groupMentions(s *sent) {
	s.glue = make([]bool, len(s.toks))
	for _, cls := range []string{"conjunction", "filler", "title"} {
		for _, c := range s.cues[cls] {
			for k := c.start; k < c.end; k++ {
				s.glue[k] = true
			}
		}
	}
	for k, t := range s.toks {
		if t.Text == "," {
			s.glue[k] = true
		}
	}
	// an office phrase between two people glues them: "Kerry et son homologue russe Lavrov"
	for _, r := range s.roles {
		for k := r.start; k < r.end; k++ {
			s.glue[k] = true
		}
	}
	for _, m := range s.ments {
		if m.consumed {
			for k := m.start; k < m.end; k++ {
				s.glue[k] = true
			}
		}
	}
	for _, c := range s.cues["pair"] {
		ids := d.focus
		// "The United States and Iraq confirmed that they…": a subject pair earlier in the sentence
		if g := d.subjectGroup(s, c.start); len(g) >= 2 {
			ids = g
		}
		if len(ids) >= 2 {
			s.ments = insertMention(s.ments, &mention{start: c.start, end: c.end, ids: append([]string(nil), ids...), kind: mkGroup})
		}
	}
	for _, c := range s.cues["we"] {
		id := ""
		if s.quoted[c.start] {
			if sp := d.speechSource(s, c.start); sp != "" {
				id = d.stateOf(sp)
			} else {
				for _, a := range s.cues["according"] {
					if m := s.mentionAt(s.skipFillers(a.end, 2)); m != nil {
						id = d.stateOf(m.id)
					}
				}
			}
		} else {
			id = d.speaker
		}
		if id != "" {
			s.ments = insertMention(s.ments, &mention{start: c.start, end: c.end, id: id, kind: mkWe})
		}
	}
	// il, elle, he, she: the last person mentioned (not "il y a", "il faut")
	for k, t := range s.toks {
		if !t.Word || (t.Fold != "il" && t.Fold != "elle" && t.Fold != "he" && t.Fold != "she") || d.lastPerson == "" {
			continue
		}
		if k > 0 && s.toks[k-1].Text == "-" {
			continue // a-t-il
		}
		if k+1 < len(s.toks) && (s.toks[k+1].Fold == "y" || s.toks[k+1].Fold == "faut" || s.toks[k+1].Fold == "s") {
			continue
		}
		who := d.lastPerson
		for _, m := range s.ments {
			if m.kind == mkPerson && m.end <= k {
				who = m.id // the last person named earlier in the same sentence
			}
		}
		s.ments = insertMention(s.ments, &mention{start: k, end: k + 1, id: who, kind: mkPerson})
	}
	for _, c := range s.cues["org_anaphor"] {
		if org := d.topicOrg(); org != "" {
			s.ments = insertMention(s.ments, &mention{start: c.start, end: c.end, id: org, kind: mkName})
		}
	}
}

// topicOrg is the organisation the document speaks of most (the most
// recent one on a tie): what "the community", "l'organisation" refer to.
func (d *doc) topicOrg() string {
	best, n := d.lastOrg, d.orgCount[d.lastOrg]
	for id, c := range d.orgCount {
		if c > n || (c == n && id < best && best != d.lastOrg) {
			best, n = id, c
		}
	}
	return best
}

// stateOf maps a person to the state they act for; other actors are themselves.
func (d *doc) stateOf(id string) string {
	if strings.HasPrefix(id, "person:") {
		if st, ok := d.personState[id]; ok {
			return st
		}
	}
	return id
}

// ids returns the actor ids of a mention.
func (m *mention) actorIDs() []string {
	if m.kind == mkGroup {
		return m.ids
	}
	return []string{m.id}
}

// leftGroup returns the coordinated actors ending nearest before token k,
// within [from, k): "la Russie et l'Iran", "Bolivia, Colombia, and Peru".
func (s *sent) leftGroup(k, from int) []*mention {
	var first *mention
	for i := len(s.ments) - 1; i >= 0; i-- {
		m := s.ments[i]
		if m.end <= k && m.end > from && !m.consumed {
			first = m
			break
		}
	}
	if first == nil {
		return nil
	}
	group := []*mention{first}
	cur := first
	for {
		var prev *mention
		for i := len(s.ments) - 1; i >= 0; i-- {
			m := s.ments[i]
			if m.end <= cur.start {
				prev = m // coordination may reach back past the window: glue is short
				break
			}
		}
		if prev == nil || !s.glued(prev.end, cur.start) {
			break
		}
		if !prev.consumed {
			group = append([]*mention{prev}, group...)
		}
		cur = prev
	}
	return group
}

// betweenGroup reads "entre A et B", "between A and B" from token k: the
// group after k, and when it is a single actor, the actor after the next
// conjunction ("entre les indépendantistes algériens et l'armée française").
func (s *sent) betweenGroup(k, to int) []*mention {
	g := s.rightGroup(k, to, 3)
	if len(g) != 1 {
		return g
	}
	for _, c := range s.cues["conjunction"] {
		if c.start >= g[0].end && c.start <= g[0].end+3 && c.start < to {
			if h := s.rightGroup(c.end, to, 3); len(h) > 0 {
				return append(g, h...)
			}
		}
	}
	return g
}

// rightGroup returns the coordinated actors starting within maxGap tokens
// after k and before to.
func (s *sent) rightGroup(k, to, maxGap int) []*mention {
	var first *mention
	for _, m := range s.ments {
		if m.start >= k && m.start < to && !m.consumed {
			if m.start-k > maxGap {
				return nil
			}
			// only words may stand between
			for j := k; j < m.start; j++ {
				if !s.toks[j].Word && s.toks[j].Text != "'" && s.toks[j].Text != "’" && s.toks[j].Text != "-" {
					return nil
				}
			}
			first = m
			break
		}
	}
	if first == nil {
		return nil
	}
	group := []*mention{first}
	cur := first
	for {
		var next *mention
		for _, m := range s.ments {
			if m.start >= cur.end && m.start < to {
				next = m
				break
			}
		}
		if next == nil || !s.glued(cur.end, next.start) {
			break
		}
		if !next.consumed {
			group = append(group, next)
		}
		cur = next
	}
	return group
}

// glued reports whether tokens [a, b) only coordinate (commas, et, and,
// determiners, titles), with at least one coordinating token or comma.
func (s *sent) glued(a, b int) bool {
	if b-a > 4 {
		return false
	}
	coord := false
	for k := a; k < b; k++ {
		if !s.glue[k] {
			return false
		}
		if s.toks[k].Text == "," || s.hasCue("conjunction", k, k+1) {
			coord = true
		}
	}
	return coord || a == b
}

// states maps the mentions to distinct actor ids, people to their states
// when mapState is set.
func (d *doc) states(ms []*mention, mapState bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range ms {
		for _, id := range m.actorIDs() {
			if mapState {
				id = d.stateOf(id)
			}
			if id != "" && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// updateFocus remembers the states a sentence puts in focus.
func (d *doc) updateFocus(s *sent) {
	for _, m := range s.ments {
		if strings.HasPrefix(m.id, "org:") && m.kind != mkGroup {
			d.lastOrg = m.id
			d.orgCount[m.id]++
		}
	}
	for _, m := range s.ments {
		if m.kind == mkPerson && m.end-m.start >= 1 && s.toks[m.start].Upper {
			d.lastPerson = m.id
		}
	}
	if g := d.subjectGroup(s, len(s.toks)); len(g) >= 2 {
		d.focus = g
		return
	}
	// otherwise the two states of the sentence's last fact between states
	// ("Xi Jinping en visite à Moscou": China and Russia)
	for i := len(d.facts) - 1; i >= 0 && d.facts[i].Evidence.Sentence == s.idx; i-- {
		f := d.facts[i]
		if f.Predicate != "CONSULTS" && f.Predicate != "COOPERATES_WITH" && f.Predicate != "VISITS" {
			continue // a meeting or a visit pairs two states; an attack or a deployment does not
		}
		if isState(f.Subject) && isState(f.Object) {
			d.focus = []string{f.Subject, f.Object}
			return
		}
		if strings.HasPrefix(f.Subject, "person:") && isState(f.Object) && isState(d.stateOf(f.Subject)) && d.stateOf(f.Subject) != f.Object {
			d.focus = []string{d.stateOf(f.Subject), f.Object}
			return
		}
	}
}

func isState(id string) bool {
	return strings.HasPrefix(id, "country:") || strings.HasPrefix(id, "org:")
}

// subjectGroup returns the states of the first coordinated group of two or
// three states before token k that is not a prepositional complement
// ("La Russie et l'Iran signent", not "avec la Jordanie et le CCG").
func (d *doc) subjectGroup(s *sent, k int) []string {
	for i := 0; i < len(s.ments) && s.ments[i].start < k; i++ {
		m := s.ments[i]
		if m.kind == mkGroup || m.consumed {
			continue
		}
		g := s.rightGroup(m.start, k, 0)
		if len(g) < 2 {
			continue
		}
		skip := s.complement(g[0].start, g[0].end)
		for _, x := range g {
			skip = skip || x.noFocus
		}
		if skip {
			i += len(g) - 1
			continue
		}
		var states []string
		for _, id := range d.states(g, true) {
			if strings.HasPrefix(id, "country:") || strings.HasPrefix(id, "org:") {
				states = append(states, id)
			}
		}
		if len(states) >= 2 && len(states) <= 3 {
			return states
		}
	}
	return nil
}
