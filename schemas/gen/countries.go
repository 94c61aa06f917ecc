package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

const countriesLicense = "ODbL 1.0: this file is a derived database of \"World countries data by Mohammed Le Doze (mledoze/countries), ODbL 1.0\" " +
	"and is offered under the ODbL 1.0 (share-alike on the database). It also holds UNTERM and Wikidata names from " +
	"datasets/country-codes (ODC-PDDL 1.0) and Wikidata aliases via econandrew/sparql_queries (data CC0 1.0, repository MIT). " +
	"Texts in LICENSES/."

type mledoze struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	Capital      []string `json:"capital"`
	AltSpellings []string `json:"altSpellings"`
	Translations map[string]struct {
		Official string `json:"official"`
		Common   string `json:"common"`
	} `json:"translations"`
	Demonyms map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// country is the working record of one ISO 3166-1 entity.
type country struct {
	iso3, iso2, qid, name string
	sovereign             bool
	names, demonyms       byLang
	seats                 byLang
	aliases               map[string]bool // fold keys of forms that came from alias lists only
}

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("read %s: empty", path)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			if i < len(rec) {
				row[h] = strings.TrimSpace(rec[i])
			}
		}
		rows = append(rows, row)
	}
	return rows, nil
}

var (
	trailingParen = regexp.MustCompile(`\s*\([^()]*\)\s*$`)
	leadingFrArt  = regexp.MustCompile(`^(?i:(le|la|les)\s+|l['’])`)
	leadingEnArt  = regexp.MustCompile(`^(?i:the)\s+`)
	qidRE         = regexp.MustCompile(`^Q[0-9]+$`)
)

// unterm turns a UNTERM or official name into a plain name: "France (la)" →
// "France", "Bolivie (État plurinational de)" → "Bolivie", "the Holy See *" →
// "Holy See", "la République française" → "République française".
func unterm(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "*"))
	for {
		t := trailingParen.ReplaceAllString(s, "")
		if t == s || t == "" {
			break
		}
		s = t
	}
	s = leadingEnArt.ReplaceAllString(s, "")
	if t := leadingFrArt.ReplaceAllString(s, ""); t != s {
		s = upperFirst(t)
	}
	return clean(s)
}

// frDemonyms gives the four forms of a French demonym from mledoze's
// capitalised masculine and feminine nouns: "Nord-coréen", "Nord-coréenne" →
// nord-coréen, nord-coréenne, nord-coréens, nord-coréennes.
func frDemonyms(m, f string) []string {
	split := func(s string) []string {
		var out []string
		for _, p := range strings.Split(s, ", ") {
			for _, q := range strings.Split(p, " et ") {
				if q = strings.ToLower(clean(q)); q != "" {
					out = append(out, q)
				}
			}
		}
		return out
	}
	var out []string
	for _, s := range append(split(m), split(f)...) {
		out = append(out, s, frPlural(s))
	}
	return out
}

func frPlural(s string) string {
	switch {
	case strings.HasSuffix(s, "s"), strings.HasSuffix(s, "x"), strings.HasSuffix(s, "z"):
		return s
	case strings.HasSuffix(s, "eau"):
		return s + "x"
	case strings.HasSuffix(s, "al"):
		return strings.TrimSuffix(s, "al") + "aux"
	}
	return s + "s"
}

// enDemonyms gives the adjective and, where English has one, the plural noun:
// Russian → Russians; Chinese, British, French, Swiss stay as they are.
func enDemonyms(m, f, countryName string) []string {
	var out []string
	for _, s := range []string{m, f} {
		for _, p := range strings.Split(s, ", ") {
			for _, q := range strings.Split(p, " or ") {
				q = clean(q)
				if q == "" {
					continue
				}
				out = append(out, q)
				if pl := enPlural(q, countryName); pl != "" {
					out = append(out, pl)
				}
			}
		}
	}
	return out
}

func enPlural(s, countryName string) string {
	if p, ok := enPluralIrregular[s]; ok {
		return p
	}
	if s == countryName || enInvariant[s] {
		return ""
	}
	for _, suf := range []string{"ese", "ish", "ch", "sh", "ss", "s", "x", "z"} {
		if strings.HasSuffix(s, suf) {
			return ""
		}
	}
	return s + "s"
}

// keepAlias filters the Wikidata aliases and mledoze altSpellings: no flags
// or other symbols, no other scripts, no lower-case codes and ordinary words,
// no ISO and sports codes, no entries in the junk list.
func keepAlias(s string) (bool, string) {
	switch {
	case !latinOnly(s):
		return false, "not Latin text"
	case strings.ContainsAny(s, "()"):
		return false, "parenthesised"
	case !hasUpper(s):
		return false, "all lower case"
	case len([]rune(s)) <= 2 && !shortAliases[s]:
		return false, "two-letter code"
	case isAllUpper(s) && !strings.Contains(s, ".") && len([]rune(s)) <= 4 && !acronymAliases[s] && !shortAliases[s]:
		return false, "code, not a name in use"
	case junkForms[fold(s)]:
		return false, "ordinary word, person's name or wrong"
	}
	return true, ""
}

func buildCountries(data string, src map[string]source, rep *report) (gazFile, error) {
	var ml []mledoze
	b, err := os.ReadFile(filepath.Join(data, "mledoze-countries", "countries.json"))
	if err != nil {
		return gazFile{}, err
	}
	if err := json.Unmarshal(b, &ml); err != nil {
		return gazFile{}, fmt.Errorf("read countries.json: %w", err)
	}
	codes, err := readCSV(filepath.Join(data, "country-codes", "country-codes.csv"))
	if err != nil {
		return gazFile{}, err
	}
	aliases, err := readCSV(filepath.Join(data, "wikidata-country-aliases", "country_aliases_en_fr.csv"))
	if err != nil {
		return gazFile{}, err
	}

	cs := map[string]*country{}
	get := func(iso3 string) *country {
		c, ok := cs[iso3]
		if !ok {
			c = &country{iso3: iso3, names: byLang{}, demonyms: byLang{}, seats: byLang{}, aliases: map[string]bool{}}
			cs[iso3] = c
		}
		return c
	}
	mlBy := map[string]*mledoze{}
	for i := range ml {
		m := &ml[i]
		iso3 := m.CCA3
		if fix, ok := iso3Fixes[iso3]; ok { // mledoze gives Kosovo the code UNK
			iso3 = fix
		}
		mlBy[iso3] = m
		c := get(iso3)
		c.iso2 = m.CCA2
		c.name = m.Name.Common
	}
	codeBy := map[string]map[string]string{}
	for _, r := range codes {
		iso3 := r["ISO3166-1-Alpha-3"]
		if iso3 == "" {
			continue
		}
		codeBy[iso3] = r
		c := get(iso3)
		if c.iso2 == "" {
			c.iso2 = r["ISO3166-1-Alpha-2"]
		}
		if q := r["wikidata_id"]; q != "" {
			c.qid = q[strings.LastIndex(q, "/")+1:]
		}
		c.sovereign = r["is_independent"] == "Yes"
		if c.name == "" {
			c.name = r["official_name_en"]
		}
	}
	for iso3, q := range extraQIDs {
		if c, ok := cs[iso3]; ok && c.qid == "" {
			c.qid = q
		}
	}
	for _, iso3 := range alsoSovereign {
		if c, ok := cs[iso3]; ok {
			c.sovereign = true
		}
	}

	// Names, in order of authority: mledoze, UNTERM / official names, CLDR,
	// then the alias lists, which are filtered.
	for _, iso3 := range sortedKeys(cs) {
		c := cs[iso3]
		m, r := mlBy[iso3], codeBy[iso3]
		if m != nil {
			c.names.add("en", m.Name.Common)
			if t, ok := m.Translations["fra"]; ok {
				c.names.add("fr", unterm(t.Common))
			}
		}
		if r != nil {
			c.names.add("en", unterm(r["UNTERM English Short"]), strings.ReplaceAll(r["CLDR display name"], " - ", "-"),
				unterm(r["official_name_en"]), unterm(r["UNTERM English Formal"]))
			c.names.add("fr", unterm(r["UNTERM French Short"]), unterm(r["official_name_fr"]), unterm(r["UNTERM French Formal"]))
		}
		if m != nil {
			c.names.add("en", unterm(m.Name.Official))
			if t, ok := m.Translations["fra"]; ok {
				c.names.add("fr", unterm(t.Official))
			}
			for _, a := range m.AltSpellings {
				c.addAlias("en", a, "mledoze altSpellings", rep)
			}
		}
	}
	for _, r := range aliases {
		c, ok := cs[r["iso3c"]]
		if !ok {
			rep.notef("wikidata-country-aliases: no country %q for %q", r["iso3c"], r["label"])
			continue
		}
		if l := r["language"]; l == "en" || l == "fr" {
			c.addAlias(l, r["label"], "wikidata alias", rep)
		}
	}
	for _, iso3 := range sortedKeys(cs) {
		c := cs[iso3]
		for _, l := range sortedKeys(c.names) {
			c.names[l].remove(func(s string) bool {
				if junkForms[fold(s)] {
					rep.dropf("%s names.%s %q: ordinary word, person's name or wrong", iso3, l, s)
					return true
				}
				return false
			})
		}
	}

	// Demonyms, with generated plurals.
	for _, iso3 := range sortedKeys(cs) {
		c := cs[iso3]
		m := mlBy[iso3]
		if m == nil {
			continue
		}
		if d, ok := m.Demonyms["eng"]; ok {
			c.demonyms.add("en", enDemonyms(d.M, d.F, m.Name.Common)...)
		}
		if d, ok := m.Demonyms["fra"]; ok {
			c.demonyms.add("fr", frDemonyms(d.M, d.F)...)
		}
		// An alias that is only a demonym ("Brésilienne") is not a name.
		for _, l := range sortedKeys(c.names) {
			c.names[l].remove(func(s string) bool {
				if !c.aliases[l+":"+formKey(s)] || s == "Vatican" {
					return false
				}
				for _, dl := range sortedKeys(c.demonyms) {
					if c.demonyms[dl].has(s) {
						rep.dropf("%s names.%s %q: a demonym", iso3, l, s)
						return true
					}
				}
				return false
			})
		}
	}

	// Seats: capitals of sovereign states only (a territory's capital is
	// not a metonym of anything in international news).
	for _, iso3 := range sortedKeys(cs) {
		c := cs[iso3]
		if !c.sovereign {
			continue
		}
		if m := mlBy[iso3]; m != nil {
			c.seats.add("en", m.Capital...)
		}
		if r := codeBy[iso3]; r != nil {
			c.seats.add("en", r["Capital"])
		}
		c.seats.add("en", enCapitals[iso3]...)
		c.seats.add("fr", frCapitals[iso3]...)
		for _, l := range sortedKeys(c.seats) {
			c.seats[l].remove(func(s string) bool {
				if junkSeats[fold(s)] || junkForms[fold(s)] {
					rep.dropf("%s seats.%s %q: ordinary word or name", iso3, l, s)
					return true
				}
				return false
			})
		}
	}

	resolveCountryAmbiguity(cs, rep)

	f := gazFile{
		Source: fmt.Sprintf("%s (countries.json); %s (country-codes.csv, UNTERM and official names); %s (country_aliases.csv filtered to en/fr, Wikidata labels and aliases); "+
			"French capital names, alias filters and plurals: hand tables in schemas/gen",
			src["mledoze-countries"], src["country-codes"], src["wikidata-country-aliases"]),
		License: countriesLicense,
	}
	for _, iso3 := range sortedKeys(cs) {
		c := cs[iso3]
		props := map[string]string{"iso3": iso3}
		if c.iso2 != "" {
			props["iso2"] = c.iso2
		}
		if c.qid != "" {
			props["wikidata"] = c.qid
		}
		f.Entities = append(f.Entities, entity{
			ID: "country:" + iso3, Label: "Country", Name: c.name, Props: props,
			Names: c.names.out(), Demonyms: c.demonyms.out(), Seats: c.seats.out(),
		})
	}
	return f, nil
}

func (c *country) addAlias(lang, s, from string, rep *report) {
	s = clean(s)
	if s == "" {
		return
	}
	if ok, why := keepAlias(s); !ok {
		rep.dropf("%s names.%s %q (%s): %s", c.iso3, lang, s, from, why)
		return
	}
	if bad := wrongAliases[c.iso3]; bad[s] {
		rep.dropf("%s names.%s %q (%s): wrong for this country", c.iso3, lang, s, from)
		return
	}
	if !c.names[lang].hasSafe(s) {
		c.aliases[lang+":"+formKey(s)] = true
	}
	c.names.add(lang, s)
}

func (f *forms) hasSafe(s string) bool { return f != nil && f.has(s) }

// resolveCountryAmbiguity gives a form shared by several countries to the one
// sovereign state among them, or to none: "French" goes to France, not to the
// French Southern Territories; "Congo" and "Congolese" go to neither Congo.
func resolveCountryAmbiguity(cs map[string]*country, rep *report) {
	owners := map[string][]string{}
	for _, iso3 := range sortedKeys(cs) {
		c := cs[iso3]
		seen := map[string]bool{}
		for _, t := range []byLang{c.names, c.demonyms, c.seats} {
			for _, l := range sortedKeys(t) {
				for _, s := range t[l].list {
					k := formKey(s)
					if !seen[k] {
						seen[k] = true
						owners[k] = append(owners[k], iso3)
					}
				}
			}
		}
	}
	for _, iso3 := range sortedKeys(cs) {
		c := cs[iso3]
		for kind, t := range map[string]byLang{"names": c.names, "demonyms": c.demonyms, "seats": c.seats} {
			for _, l := range sortedKeys(t) {
				t[l].remove(func(s string) bool {
					os := owners[formKey(s)]
					if len(os) < 2 {
						return false
					}
					var sov []string
					for _, o := range os {
						if cs[o].sovereign {
							sov = append(sov, o)
						}
					}
					if len(sov) == 1 && sov[0] == iso3 {
						return false
					}
					rep.dropf("%s %s.%s %q: shared with %s", iso3, kind, l, s, strings.Join(os, ", "))
					return true
				})
			}
		}
	}
}

// countryForms maps the fold key of every country form to its country id, so
// that organisations and persons do not take a country's name.
func countryForms(f gazFile) map[string]string {
	m := map[string]string{}
	for _, e := range f.Entities {
		for _, t := range []map[string][]string{e.Names, e.Demonyms, e.Seats} {
			for _, l := range sortedKeys(t) {
				for _, s := range t[l] {
					m[formKey(s)] = e.ID
				}
			}
		}
	}
	return m
}
