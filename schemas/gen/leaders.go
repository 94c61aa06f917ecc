package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

const leadersLicense = "CC0 1.0: Wikidata content (heads of state and government, via every-politician-scrapers/world-leaders-2021, " +
	"whose repository has no licence of its own; only its Wikidata output is used). Corrections are the project's own. Texts in LICENSES/."

type person struct {
	qid, name string
	iso3s     []string // countries of its offices, for the name-order rule
	offices   []office
	names     forms
	surname   string
}

// roleOf maps a Wikidata position label to an ONTOLOGY LEADS role; "" means
// the position is not a leading office (a governor-general represents the
// monarch; members of a junta council are not its head).
func roleOf(label string) string {
	l := strings.ToLower(label)
	has := func(ss ...string) bool {
		for _, s := range ss {
			if strings.Contains(l, s) {
				return true
			}
		}
		return false
	}
	switch {
	case has("governor-general", "state administration council", "military leader"):
		return ""
	case has("supreme leader"):
		return "supreme_leader"
	case has("chancellor"):
		return "chancellor"
	case has("prime minister", "premier", "taoiseach", "minister of state of monaco", "chairman of the council of ministers"):
		return "prime_minister"
	case has("member of the swiss federal council"):
		return "minister"
	case strings.HasPrefix(l, "president"), has("captain regent", "o le ao o le malo", "chairman of the presidential council"):
		return "president" // before the monarchs: "President of the United Arab Emirates" holds "emir"
	case has("king", "queen", "monarch", "emir", "sultan", "emperor", "druk gyalpo", "prince", "yang di-pertuan agong", "pope"):
		return "king"
	}
	return ""
}

var (
	romanRE    = regexp.MustCompile(`^[IVXL]+$`)
	nicknameRE = regexp.MustCompile(`\s*"[^"]*"`)
	ofSuffix   = regexp.MustCompile(`\s+of\s+(the\s+)?[A-Z][\pL ]+$`)
)

// nameParticles join the word after them into a surname: "bin Salman",
// "Van der Bellen", "Al Thani".
var nameParticles = map[string]bool{
	"al": true, "bin": true, "ibn": true, "bint": true, "ben": true, "el": true, "abu": true,
	"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true, "della": true, "di": true,
	"van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "du": true,
}

// nameVariants are the other full forms of a Wikidata label: without the
// title after a comma ("Albert II, Prince of Monaco" → "Albert II"), without
// "of <country>" ("Abdullah II of Jordan" → "Abdullah II"), without a
// nickname or a final regnal number ("Hassanal Bolkiah I" → "Hassanal Bolkiah").
func nameVariants(name string) []string {
	var out []string
	base := name
	if i := strings.Index(base, ","); i > 0 {
		base = strings.TrimSpace(base[:i])
	}
	base = ofSuffix.ReplaceAllString(base, "")
	base = strings.TrimSpace(strings.TrimSuffix(nicknameRE.ReplaceAllString(base, ""), " Jr."))
	words := strings.Fields(base)
	if len(words) >= 2 || strings.Contains(base, "-") {
		out = append(out, base)
	}
	if len(words) >= 3 && romanRE.MatchString(words[len(words)-1]) {
		out = append(out, strings.Join(words[:len(words)-1], " "))
	}
	return out
}

// surnameOf is the surname alone, when it is safe to match on its own: at
// least 4 letters, not a regnal number, not a dynasty, not in commonSurnames.
// None is given where the name order makes the last word unsafe: family name
// first (Chinese, Korean…: "Chen" alone is anyone), two Iberian surnames or
// two given names ("José Raúl Mulino", "Carlos Alvarado Quesada"), or no
// surname in the Western sense (Vietnamese, Burmese, Ethiopian, Icelandic…).
func surnameOf(name string, iso3s []string) string {
	for _, c := range iso3s {
		if noSurname[c] {
			return ""
		}
	}
	if strings.Contains(name, ",") || ofSuffix.MatchString(name) {
		return "" // royal style: "Albert II, Prince of Monaco", "Felipe VI of Spain"
	}
	words := strings.Fields(strings.TrimSpace(strings.TrimSuffix(nicknameRE.ReplaceAllString(name, ""), " Jr.")))
	if len(words) < 2 || romanRE.MatchString(words[len(words)-1]) {
		return ""
	}
	for _, c := range iso3s {
		if familyNameFirst[c] || (iberianNames[c] && len(words) >= 3) {
			return ""
		}
	}
	i := len(words) - 1
	for i > 1 && nameParticles[strings.ToLower(words[i-1])] {
		i--
	}
	s := strings.Join(words[i:], " ")
	if strings.HasPrefix(s, "Al ") {
		return "" // a dynasty, not a person: "Al Thani", "Al Saud"
	}
	letters := 0
	for _, r := range s {
		if r != ' ' && r != '-' && r != '\'' {
			letters++
		}
	}
	if letters < 4 || commonSurnames[fold(s)] {
		return ""
	}
	return s
}

func buildLeaders(data string, src map[string]source, countries gazFile, taken map[string]string, rep *report) (gazFile, error) {
	rows, err := readCSV(filepath.Join(data, "wikidata-world-leaders", "wikidata.csv"))
	if err != nil {
		return gazFile{}, err
	}
	byQID := map[string]string{}
	for _, e := range countries.Entities {
		if q := e.Props["wikidata"]; q != "" {
			byQID[q] = strings.TrimPrefix(e.ID, "country:")
		}
	}
	for q, c := range leaderCountryQIDs {
		byQID[q] = c
	}
	ps := map[string]*person{}
	for _, r := range rows {
		key := r["position"] + "/" + r["officeholder"]
		fix := leaderFixes[key]
		where := fmt.Sprintf("wikidata-world-leaders %s (%s, %s, %s)", key, r["country"], r["positionLabel"], r["officeholderLabel"])
		if fix.Skip != "" {
			rep.notef("%s: skipped: %s", where, fix.Skip)
			continue
		}
		name := r["officeholderLabel"]
		if fix.Name != "" {
			name = fix.Name
		}
		if qidRE.MatchString(name) {
			rep.notef("%s: skipped: no label", where)
			continue
		}
		iso3, ok := byQID[r["countryid"]]
		if !ok {
			rep.notef("%s: skipped: unknown country item", where)
			continue
		}
		role := fix.Role
		if role == "" {
			role = roleOf(r["positionLabel"])
		}
		if role == "" {
			rep.notef("%s: skipped: not a leading office", where)
			continue
		}
		start, end := r["start_year"], r["end_year"]
		if fix.Start != "" {
			start = fix.Start
		}
		if fix.End != "" {
			end = fix.End
		}
		p, ok := ps[r["officeholder"]]
		if !ok {
			p = &person{qid: r["officeholder"], name: name}
			ps[p.qid] = p
		}
		p.iso3s = append(p.iso3s, iso3)
		p.offices = append(p.offices, office{Of: "country:" + iso3, Role: role, Start: start, End: end})
	}

	// Names and surnames; a surname two persons share goes to neither.
	surnames := map[string][]*person{}
	for _, q := range sortedKeys(ps) {
		p := ps[q]
		p.names.add(p.name)
		p.names.add(nameVariants(p.name)...)
		if s := surnameOf(p.name, p.iso3s); s != "" {
			if c, ok := taken[formKey(s)]; ok {
				rep.dropf("person %s surname %q: a name of %s", p.name, s, c)
			} else {
				p.surname = s
				surnames[fold(s)] = append(surnames[fold(s)], p)
			}
		}
	}
	for _, q := range sortedKeys(ps) {
		p := ps[q]
		if p.surname == "" {
			continue
		}
		if same := surnames[fold(p.surname)]; len(same) > 1 {
			rep.dropf("person %s surname %q: shared by %d persons", p.name, p.surname, len(same))
			continue
		}
		p.names.add(p.surname)
		for _, pre := range []string{"al-", "el-", "Al-", "El-"} { // "al-Assad" → also "Assad"
			if t := strings.TrimPrefix(p.surname, pre); t != p.surname && len(t) >= 4 {
				p.names.add(t)
			}
		}
	}

	// Ids: the slug of the English name; two items with one slug (two
	// persons of the same name) keep it for the smaller QID, the other gets
	// the QID appended.
	ids := map[string]*person{}
	f := gazFile{
		Source:  fmt.Sprintf("%s (wikidata.csv: heads of state and government as of 2024-10-23); names, roles and dates corrected or made precise by hand tables in schemas/gen", src["wikidata-world-leaders"]),
		License: leadersLicense,
	}
	qids := sortedKeys(ps)
	sort.Slice(qids, func(i, j int) bool { return qidLess(qids[i], qids[j]) })
	for _, q := range qids {
		p := ps[q]
		id := slug(p.name)
		if o, ok := ids[id]; ok {
			rep.notef("person id collision: person:%s is %s (%s) and %s (%s); the second gets its QID", id, o.name, o.qid, p.name, p.qid)
			id += "-" + strings.ToLower(p.qid)
		}
		ids[id] = p
		sort.SliceStable(p.offices, func(i, j int) bool {
			a, b := p.offices[i], p.offices[j]
			if a.Start != b.Start {
				return a.Start < b.Start
			}
			return a.Of+a.Role < b.Of+b.Role
		})
		f.Entities = append(f.Entities, entity{
			ID: "person:" + id, Label: "Person", Name: p.name,
			Props:   map[string]string{"wikidata": p.qid},
			Names:   map[string][]string{"en": p.names.list},
			Offices: p.offices,
		})
	}
	return f, nil
}

func qidLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}
