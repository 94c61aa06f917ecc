package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/irkg/irkg/extract/match"
	"github.com/irkg/irkg/schemas"
)

// payload kinds: what a matched form means.
type pkind int

const (
	pName      pkind = iota // a proper name or acronym of an entity
	pDemonym                // russe, Russian
	pSeat                   // Moscou, the Kremlin
	pRelation               // a relation trigger
	pAgreement              // an agreement noun or kind modifier
	pClause                 // a clause form
	pRole                   // an office
	pCue                    // a cue of some class
)

type payload struct {
	kind   pkind
	id     string // entity id (pName, pDemonym, pSeat)
	rel    *schemas.RelationRule
	agr    *schemas.AgreementForm
	clause string
	role   *schemas.RoleForm
	cue    string
	form   string
	alts   []string // a one-word name several people share: chosen by the article's date
}

// langModel is the compiled automaton of one language.
type langModel struct {
	m        *match.Matcher
	payloads []payload
}

// isAcronym reports whether a form is written in capitals (NATO, UE, U.S.):
// such forms must match case-sensitively.
func isAcronym(f string) bool {
	letters := 0
	for _, r := range f {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0 && letters <= 6
}

func startsUpper(f string) bool {
	for _, r := range f {
		return unicode.IsUpper(r)
	}
	return false
}

func buildModel(s *schemas.Schema, lang string) *langModel {
	lm := &langModel{}
	var forms []match.Form
	seen := map[string]bool{}
	add := func(pattern string, p payload, cased, capital bool) {
		pattern = strings.TrimSpace(pattern)
		if pattern == "" {
			return
		}
		key := pattern + "\x00" + p.id + "\x00" + string(rune('0'+p.kind))
		if p.kind == pName || p.kind == pDemonym || p.kind == pSeat {
			if seen[key] {
				return
			}
			seen[key] = true
		}
		p.form = pattern
		forms = append(forms, match.Form{Pattern: pattern, Case: cased, Capital: capital, Payload: len(lm.payloads)})
		lm.payloads = append(lm.payloads, p)
	}
	langsOf := func(m map[string][]string, all bool) []string {
		var out []string
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if all || k == lang {
				out = append(out, m[k]...)
			}
		}
		return out
	}
	// a one-word name shared by several people (Silva, Kim) names none of them
	oneWord := map[string]int{}
	for i := range s.Entities {
		e := &s.Entities[i]
		if e.Label != "Person" {
			continue
		}
		seenHere := map[string]bool{}
		for _, n := range langsOf(e.Names, true) {
			if !strings.Contains(strings.TrimSpace(n), " ") && !seenHere[n] {
				seenHere[n] = true
				oneWord[n]++
			}
		}
	}
	ambiguous := map[string][]string{} // one-word name → the people it may name
	for i := range s.Entities {
		e := &s.Entities[i]
		for _, n := range langsOf(e.Names, true) {
			if e.Label == "Person" && oneWord[n] > 1 {
				if len(ambiguous[n]) == 0 || ambiguous[n][len(ambiguous[n])-1] != e.ID {
					ambiguous[n] = append(ambiguous[n], e.ID)
				}
				continue
			}
			add(n, payload{kind: pName, id: e.ID}, isAcronym(n), startsUpper(n))
		}
		for _, n := range langsOf(e.Seats, true) {
			add(n, payload{kind: pSeat, id: e.ID}, isAcronym(n), startsUpper(n))
		}
		for _, n := range langsOf(e.Demonyms, false) {
			// English demonyms are capitalised ("Western", not "western Ukraine")
			add(n, payload{kind: pDemonym, id: e.ID}, false, lang == "en" && startsUpper(n))
		}
	}
	names := make([]string, 0, len(ambiguous))
	for n := range ambiguous {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		add(n, payload{kind: pName, id: ambiguous[n][0], alts: ambiguous[n]}, isAcronym(n), startsUpper(n))
	}
	lx := s.Lexicons[lang]
	if lx != nil {
		for i := range lx.Relations {
			r := &lx.Relations[i]
			for _, f := range r.Forms {
				add(f, payload{kind: pRelation, rel: r}, false, false)
			}
		}
		for i := range lx.Agreements {
			a := &lx.Agreements[i]
			for _, f := range a.Forms {
				add(f, payload{kind: pAgreement, agr: a}, false, false)
			}
		}
		for i := range lx.Clauses {
			c := &lx.Clauses[i]
			for _, f := range c.Forms {
				add(f, payload{kind: pClause, clause: c.Clause}, false, false)
			}
		}
		for i := range lx.Roles {
			r := &lx.Roles[i]
			for _, f := range r.Forms {
				add(f, payload{kind: pRole, role: r}, false, false)
			}
		}
		classes := make([]string, 0, len(lx.Cues))
		for k := range lx.Cues {
			classes = append(classes, k)
		}
		sort.Strings(classes)
		for _, c := range classes {
			for _, f := range lx.Cues[c] {
				add(f, payload{kind: pCue, cue: c}, false, c == "blocker" && startsUpper(f))
			}
		}
	}
	lm.m = match.Build(forms)
	return lm
}
