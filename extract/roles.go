package extract

import (
	"strings"

	"github.com/irkg/irkg/extract/text"
	"github.com/irkg/irkg/kg"
)

// particles may sit inside a person's name (Lula da Silva, Ursula von der Leyen).
var particles = map[string]bool{"da": true, "de": true, "do": true, "dos": true, "das": true, "du": true, "van": true, "von": true, "der": true, "den": true, "bin": true, "ben": true, "al": true, "el": true, "di": true, "del": true, "la": true, "ibn": true}

// notNames are capitalised words that start sentences or titles and are not names.
var notNames = map[string]bool{"le": true, "la": true, "les": true, "l": true, "the": true, "a": true, "an": true, "un": true, "une": true, "des": true, "ce": true, "cette": true, "il": true, "elle": true, "he": true, "she": true, "we": true, "nous": true, "in": true, "at": true, "on": true, "mais": true, "but": true, "selon": true, "according": true, "president": true, "president-elect": true, "minister": true, "secretary": true}

// nameRun returns the end of a person's name starting at token k, or k when
// there is none. A name is a run of capitalised words, with particles,
// hyphenated parts (Moo-hyun) and initials (J.).
func nameRun(toks []text.Token, k int) int {
	if k >= len(toks) || !toks[k].Word || !toks[k].Upper || notNames[toks[k].Fold] || isDigitTok(toks[k]) {
		return k
	}
	i := k + 1
	for i < len(toks) {
		t := toks[i]
		prev := toks[i-1]
		switch {
		case t.Word && t.Upper && prev.SpaceAfter && !notNames[t.Fold]:
			i++
		case t.Word && particles[t.Fold] && prev.SpaceAfter && i+1 < len(toks) && toks[i+1].Word && toks[i+1].Upper:
			i++
		case t.Text == "-" && !prev.SpaceAfter && !t.SpaceAfter && i+1 < len(toks) && toks[i+1].Word:
			i += 2
		case t.Text == "." && !prev.SpaceAfter && len([]rune(prev.Text)) == 1 && prev.Upper:
			i++
		default:
			return i
		}
	}
	return i
}

func isDigitTok(t text.Token) bool {
	return t.Text != "" && t.Text[0] >= '0' && t.Text[0] <= '9'
}

// slug makes a person id slug: lower-case ASCII words joined by "-".
func slug(name string) string {
	f := text.Fold(name)
	var b strings.Builder
	dash := false
	for _, r := range f {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if b.Len() > 0 && !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// registerPerson makes a person known for the rest of the document and
// returns its id (the gazetteer's when the name is known there).
func (d *doc) registerPerson(s *sent, start, end int) string {
	name := d.text[s.toks[start].Start:s.toks[end-1].End]
	name = strings.TrimSuffix(name, ".")
	f := text.Fold(name)
	if id, ok := d.dynNames[f]; ok {
		return id
	}
	id := "person:" + slug(name)
	if id == "person:" {
		return ""
	}
	// a known person inside the name ("Antony J. Blinken" holds "Blinken")
	for _, m := range s.ments {
		if m.kind == mkPerson && m.start >= start && m.end <= end {
			if _, known := d.x.s.Entity(m.id); known {
				id = m.id
			}
		}
	}
	d.dynNames[f] = id
	if _, ok := d.personName[id]; !ok {
		d.personName[id] = name
	}
	// a full name beats shorter gazetteer matches inside it ("Silva" in "Lula da Silva");
	// the words of the name become aliases at the end of offices()
	var kept []*mention
	for _, m := range s.ments {
		if !(m.start >= start && m.end <= end) {
			kept = append(kept, m)
		}
	}
	s.ments = insertMention(kept, &mention{start: start, end: end, id: id, kind: mkPerson})
	return id
}

// replaceMentions inserts m in place of the mentions it covers.
func replaceMentions(ms []*mention, m *mention) []*mention {
	var kept []*mention
	for _, o := range ms {
		if !(o.start >= m.start && o.end <= m.end) {
			kept = append(kept, o)
		}
	}
	return insertMention(kept, m)
}

func insertMention(ms []*mention, m *mention) []*mention {
	for _, o := range ms {
		if m.start < o.end && o.start < m.end {
			return ms
		}
	}
	i := 0
	for i < len(ms) && ms[i].start < m.start {
		i++
	}
	ms = append(ms, nil)
	copy(ms[i+1:], ms[i:])
	ms[i] = m
	return ms
}

func (s *sent) mentionAt(k int) *mention {
	for _, m := range s.ments {
		if m.start == k {
			return m
		}
	}
	return nil
}

// roleAt reports whether an office form starts at token k.
func (s *sent) roleAt(k int) bool {
	for _, r := range s.roles {
		if r.start == k {
			return true
		}
	}
	return false
}

// covered reports whether a mention covers token k.
func (s *sent) covered(k int) bool {
	for _, m := range s.ments {
		if k >= m.start && k < m.end {
			return true
		}
	}
	return false
}

func (s *sent) mentionEndingAt(k int) *mention {
	for _, m := range s.ments {
		if m.end == k {
			return m
		}
	}
	return nil
}

// skipFillers moves past determiners, commas and titles.
func (s *sent) skipFillers(k, max int) int {
	for n := 0; k < len(s.toks) && n < max; n++ {
		if s.mentionAt(k) != nil {
			break
		}
		c, ok := s.cueAt("title", k)
		if !ok {
			c, ok = s.cueAt("filler", k)
		}
		if !ok {
			break
		}
		// a mention starting inside the cue ("l'ayatollah Khomeini") stops the skip there
		for _, m := range s.ments {
			if m.start > k && m.start < c.end {
				return m.start
			}
		}
		k = c.end
	}
	return k
}

// offices finds office phrases (le président russe Vladimir Poutine; Brazilian
// President Lula; Fuad Hussein, Iraq's Minister of Foreign Affairs) and titles
// before names, records the people and their states, and emits LEADS.
func (d *doc) offices(s *sent) {
	roles := longestOnly(s.roles)
	lastRole := ""
	for _, r := range roles {
		// an office form must not swallow a name ("President of the Republic of Korea")
		for _, m := range s.ments {
			if m.start > r.start && m.start < r.end {
				r.end = m.start
			}
		}
		rf := r.p.role
		kind := rf.Kind
		role := rf.Role
		end := r.end
		if role == "minister" {
			for k := r.end; k < len(s.toks) && k < r.end+5; k++ {
				switch s.toks[k].Fold {
				case "etrangeres", "foreign", "exterieures", "external":
					role = "foreign_minister"
				case "defense", "defence", "armees":
					role = "defense_minister"
				}
			}
		}
		// the state or organisation of the office
		state := ""
		var stateM *mention
		// after the head: adjectives then a demonym, or "de/of [det] Name"
		k := end
		reach := 4
		if kind == "none" {
			reach = 2 // "le ministère ukrainien", not "les dirigeants au bâtiment du Conseil"
		}
		for n := 0; k < len(s.toks) && n < reach; n++ {
			if m := s.mentionAt(k); m != nil {
				if m.kind == mkDemonym {
					stateM = m
				}
				break
			}
			if _, ok := s.cueAt("of", k); ok {
				j := s.skipFillers(k+1, 2)
				if m := s.mentionAt(j); m != nil && m.kind != mkPerson {
					stateM = m
				}
				break
			}
			t := s.toks[k]
			if !t.Word || t.Upper {
				break
			}
			k++
		}
		if stateM == nil && r.start > 0 {
			// before the head: Brazilian President, Iraq's Minister, U.S. Secretary
			j := r.start
			if j >= 2 && s.toks[j-1].Fold == "s" && s.toks[j-2].Fold == "'" {
				j -= 2
			} else if j >= 1 && (s.toks[j-1].Fold == "'s") {
				j--
			}
			if m := s.mentionEndingAt(j); m != nil && m.kind != mkPerson {
				stateM = m
			}
		}
		if stateM != nil {
			state = stateM.id
			stateM.consumed = true
			if stateM.end > end && stateM.start >= end {
				end = stateM.end
			}
		}
		// the person: after the phrase, or before it ("Name, le président de…")
		person := ""
		j := end
		if _, ok := s.cueAt("of", j); !ok {
			j = s.skipFillers(end, 4)
		}
		// portfolio words after the head ("des Affaires étrangères") are skipped
		for n := 0; j < len(s.toks) && n < 4 && s.mentionAt(j) == nil; n++ {
			// a portfolio after the office: "de la Défense", "des Affaires étrangères", "of Foreign Affairs"
			if c, ok := s.cueAt("of", j); ok && n == 0 {
				k2 := s.skipFillers(c.end, 2)
				if e := nameRun(s.toks, k2); e > k2 && s.mentionAt(k2) == nil {
					j = e
					continue
				}
				j = s.skipFillers(j, 4)
				continue
			}
			if e := nameRun(s.toks, j); e > j && !(e-j == 1 && (s.toks[j].Fold == "affaires" || s.toks[j].Fold == "foreign")) {
				break
			}
			if s.toks[j].Text == "," {
				j = s.skipFillers(j+1, 3)
				break
			}
			if !s.toks[j].Word {
				break
			}
			j++
		}
		j = s.skipFillers(j, 3)
		d.chooseByRole(s, j, role)
		if r.start > 0 {
			if m := s.mentionEndingAt(r.start - 1); m != nil {
				d.chooseByRole(s, m.start, role)
			}
		}
		appositive := r.start > 0 && (s.toks[r.start-1].Text == "," || (stateM != nil && stateM.start > 0 && stateM.end <= r.start && s.toks[stateM.start-1].Text == ","))
		if !appositive {
			if m := s.mentionAt(j); m != nil && m.kind == mkPerson {
				person = m.id
			} else if e := nameRun(s.toks, j); e > j && !s.covered(j) {
				person = d.registerPerson(s, j, e)
			}
		}
		if person == "" {
			// before: "Name, [det] role"
			b := r.start
			b2 := b
			for b2 > 0 && s.toks[b2-1].Word && !s.toks[b2-1].Upper && b2 > b-2 {
				b2-- // le, la, the
			}
			if stateM != nil && stateM.end <= r.start {
				b2 = stateM.start
				for b2 > 0 && s.toks[b2-1].Word && !s.toks[b2-1].Upper && b2 > stateM.start-2 {
					b2--
				}
			}
			if b2 > 0 && s.toks[b2-1].Text == "," {
				if m := s.mentionEndingAt(b2 - 1); m != nil && m.kind == mkPerson {
					person = m.id
				} else {
					// find the start of the name run ending at b2-1
					for st := max(0, b2-7); st <= b2-2; st++ {
						if e := nameRun(s.toks, st); e == b2-1 {
							if !s.covered(st) {
								person = d.registerPerson(s, st, e)
							}
							break
						}
					}
				}
			}
		}
		if person == "" && appositive {
			if m := s.mentionAt(j); m != nil && m.kind == mkPerson {
				person = m.id
			} else if e := nameRun(s.toks, j); e > j && !s.covered(j) {
				person = d.registerPerson(s, j, e)
			}
		}
		if kind == "counterpart" {
			role = lastRole
		} else if kind != "none" {
			lastRole = role
		}
		if person == "" {
			if (kind == "" || kind == "leads") && state != "" {
				if h := d.holder(state, role); h != "" {
					s.ments = insertMention(s.ments, &mention{start: r.start, end: r.end, id: h, kind: mkPerson})
					d.personState[h] = state
					d.addFact(s, h, "LEADS", state, scope{}, map[string]any{"role": role}, 0.7)
					continue
				}
			}
			if state != "" && kind != "counterpart" {
				// an unnamed official acts for the state: "le ministre malien de la Défense a signé"
				s.ments = replaceMentions(s.ments, &mention{start: r.start, end: max(end, r.end), id: state, kind: mkName})
			}
			continue
		}
		if state == "" && rf.Of != "" {
			state = rf.Of
		}
		if kind == "office" {
			// "North Korean leader Kim Jong-un": the office the gazetteer knows
			role = d.roleOf(person, state)
		}
		if state == "" && kind != "none" {
			state = d.officeOf(person, role)
		}
		if state != "" {
			if _, ok := d.personState[person]; !ok || kind != "none" {
				d.personState[person] = state
			}
		}
		if kind == "none" || role == "" || state == "" {
			continue
		}
		if kind == "office" && d.officeOf(person, role) != state {
			continue
		}
		lastRole = role
		d.addFact(s, person, "LEADS", state, scope{}, map[string]any{"role": role}, 0.9)
	}
	// people sharing a name and named without an office: the one named in
	// full earlier in the text ("Kim Jong-un … Kim"), else the one in office on the date
	var kept []*mention
	for _, m := range s.ments {
		if len(m.alts) > 0 {
			if id, ok := d.dynNames[text.Fold(d.text[s.toks[m.start].Start:s.toks[m.end-1].End])]; ok {
				m.id = id
			} else if m.id = d.personOnDate(m.alts); m.id == "" {
				continue
			}
			m.alts = nil
		}
		kept = append(kept, m)
	}
	s.ments = kept
	// a person named in full may later be named by any word of the name but
	// a particle ("Lula", "Kim" for Kim Jong-un, "Szydło")
	for _, m := range s.ments {
		if m.kind != mkPerson || m.end-m.start < 2 {
			continue
		}
		for k := m.start; k < m.end; k++ {
			t := s.toks[k]
			if !t.Word || !t.Upper || particles[t.Fold] || len([]rune(t.Text)) < 3 {
				continue
			}
			if _, taken := d.dynNames[t.Fold]; !taken {
				d.dynNames[t.Fold] = m.id
			}
		}
	}
	// titles before names: M. Poutine, Dr. Fuad Hussein, l'ayatollah Khomeini
	for _, c := range s.cues["title"] {
		if m := s.mentionAt(c.end); m != nil {
			continue
		}
		if e := nameRun(s.toks, c.end); e > c.end {
			d.registerPerson(s, c.end, e)
		}
	}
	for _, m := range s.ments {
		if m.kind == mkPerson {
			if _, ok := d.personState[m.id]; !ok {
				if st := d.officeOf(m.id, ""); st != "" {
					d.personState[m.id] = st
				}
			}
		}
	}
}

// longestOnly drops triggers contained in a longer one.
func longestOnly(ts []trig) []trig {
	var out []trig
	for i, t := range ts {
		inner := false
		for j, o := range ts {
			if i != j && o.start <= t.start && o.end >= t.end && (o.end-o.start) > (t.end-t.start) {
				inner = true
				break
			}
		}
		if !inner {
			out = append(out, t)
		}
	}
	return out
}

// officeOf returns the state a person leads in the gazetteer, preferring an
// office with the given role held on the document's date.
func (d *doc) officeOf(person, role string) string {
	e, ok := d.x.s.Entity(person)
	if !ok || len(e.Offices) == 0 {
		return ""
	}
	best, bestScore := "", -1
	for _, o := range e.Offices {
		score := 0
		if role != "" && o.Role == role {
			score += 2
		}
		if d.date != "" && activeOn(o.Start, o.End, d.date) {
			score += 3
		}
		if score > bestScore {
			best, bestScore = o.Of, score
		}
	}
	return d.resolveBody(best)
}

// chooseByRole settles a shared one-word name at token k by the office next
// to it ("Secretary-General Guterres" is the one who was secretary-general).
func (d *doc) chooseByRole(s *sent, k int, role string) {
	m := s.mentionAt(k)
	if m == nil || len(m.alts) == 0 || role == "" {
		return
	}
	for _, id := range m.alts {
		if e, ok := d.x.s.Entity(id); ok {
			for _, o := range e.Offices {
				if o.Role == role {
					m.id, m.alts = id, nil
					return
				}
			}
		}
	}
}

// personOnDate picks, among people sharing a name, the one holding an office
// on the article's date; "" when none or several do.
func (d *doc) personOnDate(ids []string) string {
	if d.date == "" {
		return ""
	}
	found := ""
	for _, id := range ids {
		e, ok := d.x.s.Entity(id)
		if !ok {
			continue
		}
		for _, o := range e.Offices {
			if activeOn(o.Start, o.End, d.date) {
				if found != "" && found != id {
					return ""
				}
				found = id
			}
		}
	}
	return found
}

// roleOf returns the role the gazetteer gives a person in a state (the one
// held on the article's date first), or "".
func (d *doc) roleOf(person, state string) string {
	e, ok := d.x.s.Entity(person)
	if !ok {
		return ""
	}
	role := ""
	for _, o := range e.Offices {
		if state != "" && d.resolveBody(o.Of) != state {
			continue
		}
		if d.date != "" && activeOn(o.Start, o.End, d.date) {
			return o.Role
		}
		if role == "" {
			role = o.Role
		}
	}
	return role
}

// holder returns the one person holding role in state on the document's date.
func (d *doc) holder(state, role string) string {
	if d.date == "" || role == "" {
		return ""
	}
	found := ""
	for i := range d.x.s.Entities {
		e := &d.x.s.Entities[i]
		if e.Label != kg.LabelPerson {
			continue
		}
		for _, o := range e.Offices {
			if o.Of == state && o.Role == role && activeOn(o.Start, o.End, d.date) {
				if found != "" && found != e.ID {
					return ""
				}
				found = e.ID
			}
		}
	}
	return found
}

// activeOn compares ISO dates or years as strings, padded to a full date.
func activeOn(start, end, date string) bool {
	pad := func(s, fill string) string {
		if len(s) >= 10 {
			return s[:10]
		}
		if len(s) == 7 {
			return s + fill[7:]
		}
		if len(s) == 4 {
			return s + fill[4:]
		}
		return s
	}
	dt := pad(date, "0000-06-15")
	if start != "" && pad(start, "0000-01-01") > dt {
		return false
	}
	if end != "" && pad(end, "0000-12-31") < dt {
		return false
	}
	return true
}

// bylineSpeaker: a press release signed "Name, Secretary of State" speaks for
// that person's state; "we" then means that state.
func (d *doc) bylineSpeaker(block []*sent) {
	if len(block) < 2 {
		return
	}
	s := block[1]
	if len(s.toks) > 12 {
		return
	}
	for _, f := range d.facts {
		if f.Predicate == "LEADS" && f.Evidence.Sentence == 1 && strings.HasPrefix(f.Object, "country:") {
			d.speaker = f.Object
			return
		}
	}
}

// addDynamicPersons marks later mentions of people found by office or title
// (Szydło, Pezeshkian).
func (d *doc) addDynamicPersons(s *sent) {
	if len(d.dynNames) == 0 {
		return
	}
	for k := 0; k < len(s.toks); k++ {
		t := s.toks[k]
		if !t.Word || !t.Upper {
			continue
		}
		e := nameRun(s.toks, k)
		for e > k {
			f := text.Fold(d.text[s.toks[k].Start:s.toks[e-1].End])
			if id, ok := d.dynNames[f]; ok {
				s.ments = insertMention(s.ments, &mention{start: k, end: e, id: id, kind: mkPerson})
				break
			}
			e--
		}
		if e > k {
			k = e - 1
		}
	}
}
