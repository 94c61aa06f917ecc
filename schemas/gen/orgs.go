package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

const orgsLicense = "CC BY-SA 4.0: adapted from SupraVerden general_list.yaml, Copyright © Confirmordeny 2025–2026, " +
	"CC BY-SA 4.0 (Wikidata Q-codes in it are CC0); this adapted file is shared under CC BY-SA 4.0. Texts in LICENSES/."

// org is the working record of one SupraVerden entry.
type org struct {
	key           string
	name, qid, id string
	sprvd, family string
	typ           string
	acronym       string // valid English abbreviation, if any
	names         byLang
	partOf        string
	overridden    bool
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return clean(s)
	}
	return ""
}

// validAcronym rejects abbreviation fields that hold a name ("Organization of
// the Petroleum Exporting Countries" as the OPEC Fund's abbreviation).
func validAcronym(s string) bool {
	return len([]rune(s)) >= 2 && len([]rune(s)) <= 16 && strings.Count(s, " ") <= 1
}

var wordRE = func(w string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^\pL\pN])` + regexp.QuoteMeta(w) + `($|[^\pL\pN])`)
}

func buildOrgs(data string, src map[string]source, countries gazFile, taken map[string]string, rep *report) (gazFile, error) {
	b, err := os.ReadFile(filepath.Join(data, "supraverden", "general_list.yaml"))
	if err != nil {
		return gazFile{}, err
	}
	var raw map[string]map[string]any
	if err := yaml.Unmarshal(b, &raw); err != nil {
		return gazFile{}, fmt.Errorf("read general_list.yaml: %w", err)
	}
	iso3 := map[string]bool{}
	for _, e := range countries.Entities {
		iso3[strings.TrimPrefix(e.ID, "country:")] = true
	}

	var orgs []*org
	byKey := map[string]*org{}
	for _, k := range sortedKeys(raw) {
		f := raw[k]
		o := &org{key: k, name: str(f["Name_en"]), sprvd: str(f["SPRVD_id"]), family: str(f["Org_family"]), typ: str(f["Type"]), names: byLang{}}
		if o.name == "" {
			o.name = clean(k)
		}
		if q := str(f["Wikidata_code"]); qidRE.MatchString(q) {
			o.qid = q
		}
		drop := map[string]bool{}
		for _, d := range orgDropNames[k] {
			drop[d] = true
			rep.dropf("org %q: form %q: wrong in the data", k, d)
		}
		if a := str(f["Abbreviation_en"]); a != "" && !drop[a] {
			if validAcronym(a) {
				o.acronym = a
			} else {
				rep.notef("org %q: abbreviation %q is a name, not used for the id", k, a)
			}
		}
		add := func(lang string, keys ...string) {
			for _, fk := range keys {
				s := str(f[fk])
				if s == "" || drop[s] {
					continue
				}
				if lang == "fr" {
					s = upperFirst(s)
				}
				o.names.add(lang, s)
			}
		}
		o.names.add("en", o.name, clean(k))
		add("en", "Abbreviation_en", "Abbreviation_other_en", "Abbreviation_other_2_en", "Abbreviation_former_en",
			"Name_other_en", "Name_other_1_en", "Name_other_2_en", "Name_other_3_en", "Name_other_4_en", "Name_former_en")
		add("fr", "Name_fr", "Abbreviation_fr")
		orgs = append(orgs, o)
		byKey[k] = o
	}

	// Ids: the override, else the English acronym, else the English name.
	// An acronym that is a country code or that two entries share goes to
	// none of them (unless an override claims it): each falls back to its
	// name; an entry whose name id is taken too is skipped.
	for _, o := range orgs {
		if id, ok := orgIDOverrides[o.key]; ok {
			o.id, o.overridden = id, true
		} else if o.acronym != "" {
			o.id = upperID(o.acronym)
		} else {
			o.id = upperID(o.name)
		}
	}
	count := map[string][]*org{}
	for _, o := range orgs {
		count[o.id] = append(count[o.id], o)
	}
	for _, o := range orgs {
		if o.overridden {
			continue
		}
		same := count[o.id]
		claimed := false
		for _, p := range same {
			claimed = claimed || p.overridden
		}
		switch {
		case iso3[o.id]:
			rep.notef("org id collision: org:%s (%q) is a country code; using its name", o.id, o.key)
		case len(same) > 1:
			var ks []string
			for _, p := range same {
				ks = append(ks, fmt.Sprintf("%q", p.key))
			}
			if claimed {
				rep.notef("org id collision: org:%s is claimed by an override; %q uses its name", o.id, o.key)
			} else {
				rep.notef("org id collision: org:%s shared by %s; each uses its name", o.id, strings.Join(ks, ", "))
			}
		default:
			continue
		}
		o.id = upperID(o.name)
	}
	final := map[string]*org{}
	var kept []*org
	for _, o := range orgs {
		if o.id == "" {
			rep.notef("org %q: no usable id; skipped", o.key)
			continue
		}
		if p, ok := final[o.id]; ok || iso3[o.id] {
			other := "a country"
			if ok {
				other = fmt.Sprintf("%q", p.key)
			}
			rep.notef("org id collision: org:%s of %q already taken by %s; skipped", o.id, o.key, other)
			continue
		}
		final[o.id] = o
		kept = append(kept, o)
	}

	assignPartOf(kept, byKey, rep)

	// Forms: none that is a country's, none shared by two organisations
	// (unless it is the acronym of one of them's id, or one is a body of the
	// other: the parent keeps it).
	owners := map[string][]*org{}
	for _, o := range kept {
		for _, l := range sortedKeys(o.names) {
			for _, s := range o.names[l].list {
				k := formKey(s)
				if n := len(owners[k]); n == 0 || owners[k][n-1] != o {
					owners[k] = append(owners[k], o)
				}
			}
		}
	}
	for _, o := range kept {
		for _, l := range sortedKeys(o.names) {
			o.names[l].remove(func(s string) bool {
				k := formKey(s)
				if c, ok := taken[k]; ok {
					rep.dropf("org:%s names.%s %q: a name of %s", o.id, l, s, c)
					return true
				}
				os := owners[k]
				if len(os) < 2 {
					return false
				}
				for _, p := range os { // the entry whose id the form is keeps it
					if p.id == upperID(s) && isAllUpper(s) {
						if p == o {
							return false
						}
						rep.dropf("org:%s names.%s %q: the id of org:%s", o.id, l, s, p.id)
						return true
					}
				}
				for _, p := range os {
					if p != o && p.partOf != "org:"+o.id {
						rep.dropf("org:%s names.%s %q: shared with org:%s", o.id, l, s, p.id)
						return true
					}
				}
				return false
			})
		}
	}

	f := gazFile{
		Source:  fmt.Sprintf("%s (general_list.yaml: English and French names, abbreviations, other and former names, Wikidata QIDs, Org_family and Type); ids, bodies and corrections: hand tables in schemas/gen", src["supraverden"]),
		License: orgsLicense,
	}
	for _, o := range kept {
		props := map[string]string{"supraverden": o.sprvd}
		if o.qid != "" {
			props["wikidata"] = o.qid
		}
		if o.sprvd == "" {
			delete(props, "supraverden")
		}
		f.Entities = append(f.Entities, entity{
			ID: "org:" + o.id, Label: "Organization", Name: o.name, Props: props,
			Names: o.names.out(), PartOf: o.partOf,
		})
	}
	return f, nil
}

// euBodyTypes are the SupraVerden Types of the EU's own institutions, bodies
// and agencies: they act for the EU. Joint undertakings, research
// infrastructure consortia and treaty-made bodies (EIB, ESM, Euratom…) do not.
var euBodyTypes = map[string]bool{
	"EU institution": true, "EU body": true, "EU advisory body": true, "EU decentralised agency": true,
	"EU executive agency": true, "EU common foreign and security policy agency": true, "Euratom agencies and bodies": true,
}

// assignPartOf links bodies to their organisation:
//   - EU family entries of an EU body Type → org:EU;
//   - UN family entries named "United Nations …"/"UN …" that are not
//     specialized agencies → org:UN, except the Security Council (its own actor);
//   - in another family, an entry whose name contains the family head's name
//     or acronym ("ECOWAS Parliament", "Court of Justice of the Andean
//     Community") → the head;
//   - the hand table orgPartOf, and orgNotPartOf for exceptions.
func assignPartOf(orgs []*org, byKey map[string]*org, rep *report) {
	idOf := func(k string) string {
		if o, ok := byKey[k]; ok && o.id != "" {
			return "org:" + o.id
		}
		return ""
	}
	heads := map[string]*org{}
	for _, o := range orgs {
		if h, ok := familyHeads[o.family]; ok {
			if p, ok := byKey[h]; ok {
				heads[o.family] = p
			}
		} else if p, ok := byKey[strings.TrimSuffix(o.family, " entities")]; ok {
			heads[o.family] = p
		}
	}
	for _, o := range orgs {
		if orgNotPartOf[o.key] {
			continue
		}
		if k, ok := orgPartOf[o.key]; ok {
			o.partOf = idOf(k)
			if o.partOf == "" {
				rep.notef("org %q: part_of target %q not found", o.key, k)
			}
			continue
		}
		switch {
		case o.family == "EU institutions and bodies":
			if euBodyTypes[o.typ] {
				o.partOf = idOf("European Union")
			}
		case o.family == "UN and affiliates":
			if o.typ == "" && (strings.HasPrefix(o.name, "United Nations ") || strings.HasPrefix(o.name, "UN ") ||
				strings.Contains(o.name, " of the United Nations")) {
				o.partOf = idOf("United Nations")
			}
		default:
			h := heads[o.family]
			if h == nil || h == o {
				continue
			}
			if wordRE(h.name).MatchString(o.name) || (h.acronym != "" && wordRE(h.acronym).MatchString(o.name)) {
				o.partOf = "org:" + h.id
			}
		}
		if o.partOf == "org:"+o.id {
			o.partOf = ""
		}
	}
}
