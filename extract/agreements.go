package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/irkg/irkg/extract/text"
	"github.com/irkg/irkg/kg"
)

// agreement is one treaty or accord of the document; its id is made at the end
// from its parties, kind and year (ONTOLOGY §1).
type agreement struct {
	ref       string // placeholder id used in facts until the end
	parties   []string
	kind      string
	year      string
	name      string
	nameKey   string
	acronym   string
	duration  int
	mentions  int
	firstSent int
	partySent *sent
	signed    bool // a signing word names it in the text
}

type agMention struct {
	start, end int
	a          *agreement
}

// kindRank orders kinds from the most specific.
var kindRank = map[string]int{
	"comprehensive_strategic_partnership": 10, "free_trade_agreement": 9, "defense_pact": 9,
	"non_aggression_pact": 9, "security_pact": 8, "peace_agreement": 8, "ceasefire": 8,
	"strategic_partnership": 7, "trade_agreement": 6, "memorandum": 5, "declaration": 5,
	"accession": 5, "treaty": 2, "agreement": 1,
}

// cooperative kinds say their parties cooperate (COOPERATES_WITH); so does any
// other bilateral agreement signed in the text but for those that end a conflict.
var cooperative = map[string]bool{
	"strategic_partnership": true, "comprehensive_strategic_partnership": true,
	"defense_pact": true, "security_pact": true, "free_trade_agreement": true, "trade_agreement": true,
}

var endsConflict = map[string]bool{"peace_agreement": true, "ceasefire": true, "non_aggression_pact": true}

func (a *agreement) impliesCooperation() bool {
	return cooperative[a.kind] || (a.signed && len(a.parties) == 2 && !endsConflict[a.kind])
}

func partyCode(id string) string {
	return strings.ToUpper(id[strings.IndexByte(id, ':')+1:])
}

func (a *agreement) finalID() string {
	if len(a.parties) == 0 {
		return ""
	}
	codes := make([]string, len(a.parties))
	for i, p := range a.parties {
		codes[i] = partyCode(p)
	}
	sort.Strings(codes)
	id := "agreement:" + strings.Join(codes, "-") + ":" + a.kind
	if a.year != "" {
		id += ":" + a.year
	}
	return id
}

func (a *agreement) entity(id string) kg.Entity {
	props := map[string]any{"kind": a.kind, "parties": append([]string(nil), a.parties...)}
	sort.Strings(props["parties"].([]string))
	if a.name != "" {
		props["name"] = a.name
	}
	if a.year != "" {
		props["signed"] = a.year
	}
	if a.duration > 0 {
		props["duration_years"] = a.duration
	}
	name := a.name
	if name == "" {
		codes := make([]string, len(a.parties))
		for i, p := range a.parties {
			codes[i] = partyCode(p)
		}
		sort.Strings(codes)
		name = strings.ReplaceAll(a.kind, "_", " ") + " " + strings.Join(codes, "–")
		if a.year != "" {
			name += " (" + a.year + ")"
		}
	}
	return kg.Entity{ID: id, Label: kg.LabelAgreement, Name: name, Props: props}
}

func (a *agreement) addParties(ids []string) {
	for _, id := range ids {
		if !(strings.HasPrefix(id, "country:") || strings.HasPrefix(id, "org:") || strings.HasPrefix(id, "group:")) {
			continue
		}
		dup := false
		for _, p := range a.parties {
			if p == id {
				dup = true
			}
		}
		if !dup {
			a.parties = append(a.parties, id)
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

// main returns the agreement most mentioned so far (the earliest on a tie).
func (d *doc) mainAgreement() *agreement {
	var best *agreement
	for _, a := range d.agreements {
		if best == nil || a.mentions > best.mentions {
			best = a
		}
	}
	return best
}

var definite = map[string]bool{"le": true, "la": true, "l": true, "les": true, "ce": true, "cet": true, "cette": true, "ces": true, "the": true, "this": true, "these": true, "that": true}

var obligationNouns = map[string]bool{"obligations": true, "obligation": true, "commitments": true, "commitment": true, "engagements": true, "engagement": true}

// agreementsIn finds agreement mentions, their kind, parties, year and name,
// and emits PARTY_TO and SIGNED.
func (d *doc) agreementsIn(s *sent) {
	var heads []trig
	for _, t := range longestOnly(s.agrs) {
		if t.p.agr.Head {
			heads = append(heads, t)
		}
	}
	for hi, h := range heads {
		if h.end < len(s.toks) && obligationNouns[s.toks[h.end].Fold] {
			continue
		}
		a0, b0 := s.segment(h.start)
		limit := b0
		if hi+1 < len(heads) && heads[hi+1].start < limit {
			limit = heads[hi+1].start
		}
		// kind: the most specific form near the head
		kind := h.p.agr.Kind
		for _, t := range s.agrs {
			if t.start >= max(a0, h.start-3) && t.start < min(limit, h.end+12) {
				if kindRank[t.p.agr.Kind] > kindRank[kind] {
					kind = t.p.agr.Kind
				}
			}
		}
		var parties []string
		// entre A et B / between A and B
		var betweenGroup []*mention
		for _, c := range s.cues["between"] {
			if c.start >= h.end && c.start < min(limit, h.end+20) {
				betweenGroup = s.betweenGroup(c.end, limit)
				parties = append(parties, d.states(betweenGroup, true)...)
				break
			}
		}
		// A-B compounds: Canada-UE, U.S.-Philippines
		for _, m := range s.ments {
			if m.start >= max(a0, h.start-8) && m.end <= min(limit, h.end+4) && m.end < len(s.toks) && s.toks[m.end].Text == "-" && !s.toks[m.end-1].SpaceAfter && !s.toks[m.end].SpaceAfter {
				if n := s.mentionAt(m.end + 1); n != nil {
					parties = append(parties, d.stateOf(m.id), d.stateOf(n.id))
				}
			}
		}
		// avec X / with X
		for _, c := range s.cues["with"] {
			if c.start >= h.end && c.start <= h.end+2 {
				parties = append(parties, d.states(s.rightGroup(c.end, limit, 3), true)...)
			}
		}
		// under / pursuant to: the actors bound
		obl := false
		for _, c := range s.cues["obligation"] {
			if c.end <= h.start && c.end >= h.start-5 && c.start >= a0 {
				g := s.leftGroup(c.start, a0)
				if len(g) == 0 {
					// "Under the 2015 Joint Comprehensive Plan of Action, Iran agreed…"
					for k := h.end; k < limit && k < h.end+12; k++ {
						if s.toks[k].Text == "," {
							g = s.rightGroup(k+1, limit, 1)
							break
						}
					}
				}
				parties = append(parties, d.states(g, true)...)
				obl = len(g) > 0
			}
		}
		// signing: the subject of the signing verb before the head, or the
		// agent of a passive after it ("accepté par la Russie et la Géorgie")
		var signers []string
		var signTrig *span
		for _, c := range s.cues["signing"] {
			if c.start >= h.end && c.start < min(limit, h.end+8) && c.end < len(s.toks) {
				if f := s.toks[c.end].Fold; f == "par" || f == "by" {
					cc := c
					signTrig = &cc
					parties = append(parties, d.states(s.betweenGroup(c.end+1, limit), true)...)
				}
			}
		}
		for _, c := range s.cues["signing"] {
			if c.end <= h.start && c.start >= max(a0, h.start-20) && (hi == 0 || c.start >= heads[hi-1].end) {
				cc := c
				signTrig = &cc
				g := s.leftGroup(c.start, a0)
				parties = append(parties, d.states(g, true)...)
				for _, m := range s.ments {
					if m.kind == mkPerson && m.end <= c.start && m.start >= a0 {
						signers = append(signers, m.id)
					}
					if m.kind == mkName && m.end <= c.start && m.start >= a0 && m.end-m.start > 1 && s.roleAt(m.start) {
						parties = append(parties, m.id) // an unnamed official signs for the state
					}
				}
			}
		}
		for _, p := range signers {
			if st := d.stateOf(p); st != p {
				parties = append(parties, st)
			}
		}
		// the year: before the head (the 1951 … Treaty), or after it behind a
		// signing word (les accords d'Évian, signés le 18 mars 1962)
		// leaving it: "the United States would withdraw from the Iran nuclear deal"
		var withdrawn []string
		var withdrawTrig *span
		for _, c := range s.cues["withdrawal"] {
			if c.end <= h.start && c.start >= max(a0, h.start-8) {
				withdrawn = append(withdrawn, d.states(s.leftGroup(c.start, a0), true)...)
				cc := c
				withdrawTrig = &cc
			}
		}
		parties = append(parties, withdrawn...)
		// "the Iran nuclear deal": a country named right before the head is a party
		for k := h.start; k > max(a0, h.start-3); k-- {
			if m := s.mentionEndingAt(k); m != nil {
				if (m.kind == mkName || m.kind == mkDemonym) && strings.HasPrefix(m.id, "country:") {
					parties = append(parties, m.id)
				}
				break
			}
			if !s.toks[k-1].Word || s.toks[k-1].Upper {
				break
			}
		}
		year := ""
		signedAfter := false
		for k := max(a0, h.start-8); k < min(limit, h.end+14); k++ {
			if k >= h.end && s.hasCue("signing", k, k+1) {
				signedAfter = true
			}
			if len(s.toks[k].Text) != 4 || !isDigitTok(s.toks[k]) {
				continue
			}
			if y, err := strconv.Atoi(s.toks[k].Text); err == nil && y >= 1800 && y <= 2100 && (k < h.start || signedAfter) {
				year = s.toks[k].Text
				break
			}
		}
		// "our new partnership with…", "Russia's treaty with…": the possessor is a party
		for k := h.start; k > max(a0, h.start-3); k-- {
			if m := s.mentionEndingAt(k); m != nil && (m.kind == mkWe || (k+1 < len(s.toks) && k < h.start && s.toks[k].Fold == "'")) {
				parties = append(parties, d.states([]*mention{m}, true)...)
				break
			}
			if k-1 >= 0 && !s.toks[k-1].Word && s.toks[k-1].Text != "'" {
				break
			}
		}
		duration := 0
		for k := max(a0, h.end); k+1 < min(limit, h.end+5); k++ {
			if !isDigitTok(s.toks[k]) {
				continue
			}
			if n, err := strconv.Atoi(s.toks[k].Text); err == nil && n > 0 && n < 200 {
				nx := s.toks[k+1].Fold
				if nx == "ans" || nx == "years" || (nx == "-" && k+2 < len(s.toks) && s.toks[k+2].Fold == "year") {
					duration = n
				}
			}
		}
		name, ns, ne := d.agreementName(s, h)
		for _, m := range s.ments {
			if m.start >= ns && m.end <= ne && m.kind == mkSeat {
				m.consumed = true // "the Minsk agreements": a place in a name is no actor
			}
		}
		acr := ""
		for k := h.end; k+2 < min(limit, h.end+14); k++ {
			if s.toks[k].Text == "(" && s.toks[k+2].Text == ")" && isAcronym(s.toks[k+1].Text) && len(s.toks[k+1].Text) >= 2 {
				acr = s.toks[k+1].Text
				break
			}
		}
		anaphoric := s.hasCue("anaphor", max(0, h.start-3), h.end) || (h.start > 0 && definite[s.toks[h.start-1].Fold])
		a := d.resolveAgreement(s, dedupe(parties), kind, year, name, acr, anaphoric || obl)
		if a == nil {
			continue
		}
		if duration > 0 && a.duration == 0 {
			a.duration = duration
		}
		if signTrig != nil {
			a.signed = true
		}
		s.agMents = append(s.agMents, agMention{h.start, h.end, a})
		if a != d.mainAgreement() {
			for _, m := range betweenGroup {
				m.noFocus = true // the parties of a side agreement are not the pair in focus
			}
		}
		ts, te := h.start, h.end
		if signTrig != nil {
			ts, te = signTrig.start, signTrig.end
		}
		sc := d.scopeOf(s, ts, te)
		if signTrig == nil && !s.hasCue("future", max(0, h.start-3), h.end) && !s.hasCue("hypothetical", max(0, h.start-3), h.end) {
			sc.modality = kg.ModAsserted // a named agreement binds its parties whatever the verb of the sentence
		}
		for _, p := range dedupe(parties) {
			if !(strings.HasPrefix(p, "country:") || strings.HasPrefix(p, "org:") || strings.HasPrefix(p, "group:")) {
				continue
			}
			if contains(withdrawn, p) {
				wsc := d.scopeOf(s, withdrawTrig.start, withdrawTrig.end)
				wsc.negated = !wsc.negated // withdrawing: no longer a party
				d.addFact(s, p, "PARTY_TO", a.ref, wsc, nil, 0.8)
				continue
			}
			d.addFact(s, p, "PARTY_TO", a.ref, sc, nil, 0.85)
		}
		for _, p := range dedupe(signers) {
			st := d.stateOf(p)
			if st == p {
				continue // a signer whose state is unknown is not said to sign for anyone
			}
			a.addParties([]string{st})
			d.addFact(s, st, "PARTY_TO", a.ref, sc, nil, 0.8)
			d.addFact(s, p, "SIGNED", a.ref, sc, nil, 0.8)
		}
		if len(a.parties) >= 2 && a == d.mainAgreement() {
			d.focus = append([]string(nil), a.parties...)
		}
	}
	// acronyms of agreements seen before (the SFA, l'AECG)
	for k, t := range s.toks {
		if !t.Word || !isAcronym(t.Text) {
			continue
		}
		for _, a := range d.agreements {
			if a.acronym == t.Text {
				inHead := false
				for _, m := range s.agMents {
					if k >= m.start && k < m.end+14 && m.a == a {
						inHead = true
					}
				}
				if !inHead {
					a.mentions++
					s.agMents = append(s.agMents, agMention{k, k + 1, a})
				}
			}
		}
	}
}

func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

var nameConnectors = map[string]bool{"of": true, "for": true, "in": true, "the": true, "on": true, "and": true, "de": true, "du": true, "des": true, "d": true, "'": true, "la": true, "le": true, "sur": true, "et": true}

// agreementName returns a name written in capitals around the head ("the
// Broad Relationship of Cooperation … agreement", "les accords d'Évian").
func (d *doc) agreementName(s *sent, h trig) (string, int, int) {
	start, end := h.start, h.end
	k := h.start
	for k > 0 {
		t := s.toks[k-1]
		if m := s.mentionEndingAt(k); m != nil && m.kind == mkSeat && m.start == k-1 {
			k--
			continue
		}
		if t.Word && t.Upper && !isDigitTok(t) && s.mentionEndingAt(k) == nil {
			k--
			continue
		}
		if t.Word && nameConnectors[t.Fold] && k-1 > 0 && s.toks[k-2].Upper {
			k--
			continue
		}
		break
	}
	for k < h.start && !s.toks[k].Upper {
		k++
	}
	if k < h.start && h.start-k >= 1 {
		start = k
	}
	// Treaty of Mutual Cooperation and Security, Treaty on the Prohibition of Nuclear Weapons
	if s.toks[h.end-1].Upper && h.end+1 < len(s.toks) && (s.toks[h.end].Fold == "of" || s.toks[h.end].Fold == "on" || s.toks[h.end].Fold == "for") {
		j := h.end + 1
		if j < len(s.toks) && s.toks[j].Fold == "the" {
			j++
		}
		e := j
		for e < len(s.toks) && (s.toks[e].Upper && s.toks[e].Word || (nameConnectors[s.toks[e].Fold] && e+1 < len(s.toks) && s.toks[e+1].Upper)) {
			e++
		}
		if e > j && s.mentionAt(j) == nil {
			end = e
		}
	}
	// French: accords d'Évian, traité de Lisbonne
	if end == h.end && start == h.start && h.end+2 < len(s.toks) && (s.toks[h.end].Fold == "de" || s.toks[h.end].Fold == "d") {
		j := h.end + 1
		if s.toks[j].Text == "'" || s.toks[j].Text == "’" {
			j++
		}
		if j < len(s.toks) && s.toks[j].Upper {
			if m := s.mentionAt(j); m == nil {
				end = j + 1
			} else if m.kind == mkSeat {
				end = m.end
			}
		}
	}
	if start == h.start && end == h.end && (!s.toks[h.start].Upper || h.start == 0) {
		return "", start, end // a lower-case head, or a capitalised one opening the sentence
	}
	return strings.TrimSpace(d.text[s.toks[start].Start:s.toks[end-1].End]), start, end
}

// resolveAgreement finds or creates the agreement a mention refers to.
func (d *doc) resolveAgreement(s *sent, parties []string, kind, year, name, acr string, anaphoric bool) *agreement {
	key := ""
	if name != "" {
		key = text.Fold(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))
		key = strings.TrimPrefix(key, "un ")
	}
	var a *agreement
	if key != "" {
		for _, x := range d.agreements {
			if x.nameKey == key {
				a = x
				break
			}
		}
	}
	if a == nil && len(parties) > 0 {
		for _, x := range d.agreements {
			if sameSet(x.parties, parties) && (x.kind == kind || kindRank[x.kind] <= 2 || kindRank[kind] <= 2) {
				a = x
				break
			}
		}
		if a == nil {
			if m := d.mainAgreement(); m != nil && len(m.parties) == 0 && anaphoric {
				a = m
			}
		}
	}
	if a == nil && len(parties) == 0 && (anaphoric || name == "") {
		a = d.mainAgreement()
		if a != nil && !anaphoric && name == "" {
			// an indefinite mention without parties: a new, unnamed agreement
			a = nil
		}
	}
	if a == nil {
		a = &agreement{ref: fmt.Sprintf("agreement#%d", len(d.agreements)), kind: kind, firstSent: s.idx}
		d.agreements = append(d.agreements, a)
	}
	a.mentions++
	if kindRank[kind] > kindRank[a.kind] {
		a.kind = kind
	}
	if a.year == "" {
		a.year = year
	}
	if a.name == "" && name != "" {
		a.name, a.nameKey = name, key
	}
	if a.acronym == "" {
		a.acronym = acr
	}
	before := len(a.parties)
	a.addParties(parties)
	if before == 0 && len(a.parties) > 0 {
		a.partySent = s
	}
	return a
}
