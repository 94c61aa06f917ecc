package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// sharedDir is shared/ beside the repository (as CI lays it out), or
// $IRKG_SHARED. Without it the generator cannot run: the test fails in CI
// and is skipped elsewhere.
func sharedDir(t *testing.T) string {
	t.Helper()
	d := os.Getenv("IRKG_SHARED")
	if d == "" {
		d = filepath.Join("..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(d, "data", "mledoze-countries", "countries.json")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared data not found at %s (set IRKG_SHARED): %v", d, err)
		}
		t.Skipf("shared data not found at %s (set IRKG_SHARED)", d)
	}
	return d
}

func generate(t *testing.T, shared string) string {
	t.Helper()
	out := t.TempDir()
	if err := run(options{shared: shared, out: out}, io.Discard); err != nil {
		t.Fatalf("run: %v", err)
	}
	return out
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// decodeStrict reads a gazetteer file the way the loader does: unknown keys
// are errors.
func decodeStrict(t *testing.T, path string) gazFile {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	var f gazFile
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	if f.Source == "" || f.License == "" {
		t.Errorf("%s: source and license must be set", path)
	}
	return f
}

// merged is every entity of the generated files in dir and of the committed
// hand files, merged by id as the loader does.
func merged(t *testing.T, genDir string) map[string]*entity {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(genDir, "*.gen.yaml"))
	hand, _ := filepath.Glob(filepath.Join("..", "gazetteer", "*.hand.yaml"))
	if len(files) != 3 || len(hand) < 4 {
		t.Fatalf("want 3 generated and at least 4 hand files, have %v and %v", files, hand)
	}
	files = append(files, hand...)
	sort.Slice(files, func(i, j int) bool { return filepath.Base(files[i]) < filepath.Base(files[j]) })
	m := map[string]*entity{}
	for _, p := range files {
		for _, e := range decodeStrict(t, p).Entities {
			cur, ok := m[e.ID]
			if !ok {
				cp := e
				m[e.ID] = &cp
				continue
			}
			if cur.Name == "" {
				cur.Name = e.Name
			}
			if cur.PartOf == "" {
				cur.PartOf = e.PartOf
			}
			for _, p := range []struct {
				to   *map[string][]string
				from map[string][]string
			}{
				{&cur.Names, e.Names}, {&cur.Demonyms, e.Demonyms}, {&cur.Seats, e.Seats},
			} {
				if *p.to == nil {
					*p.to = map[string][]string{}
				}
				for l, v := range p.from {
					(*p.to)[l] = append((*p.to)[l], v...)
				}
			}
			cur.Offices = append(cur.Offices, e.Offices...)
		}
	}
	return m
}

func TestGenerateIsDeterministic(t *testing.T) {
	shared := sharedDir(t)
	a, b := readTree(t, generate(t, shared)), readTree(t, generate(t, shared))
	if len(a) == 0 {
		t.Fatal("no file written")
	}
	for name, ba := range a {
		if !bytes.Equal(ba, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	for _, want := range []string{"countries.gen.yaml", "orgs.gen.yaml", "leaders.gen.yaml",
		"LICENSES/README.md", "LICENSES/mledoze-countries-LICENSE-ODbL-1.0.md", "LICENSES/supraverden-LICENSE-CC-BY-SA-4.0.md"} {
		if _, ok := a[filepath.FromSlash(want)]; !ok {
			t.Errorf("%s not written", want)
		}
	}
}

// TestCommittedFilesAreCurrent fails when schemas/gazetteer was edited by
// hand or the generator changed without `go generate ./schemas`.
func TestCommittedFilesAreCurrent(t *testing.T) {
	fresh := readTree(t, generate(t, sharedDir(t)))
	for name, b := range fresh {
		old, err := os.ReadFile(filepath.Join("..", "gazetteer", name))
		if err != nil || !bytes.Equal(old, b) {
			t.Errorf("schemas/gazetteer/%s is not what the generator writes: run go generate ./schemas", filepath.ToSlash(name))
		}
	}
}

var idRE = regexp.MustCompile(`^(country:[A-Z]{3}|org:[A-Z0-9_]+|group:[A-Z_]+|person:[a-z0-9-]+)$`)

var labelOf = map[string]string{"country": "Country", "org": "Organization", "group": "Group", "person": "Person"}

var roles = map[string]bool{
	"president": true, "prime_minister": true, "king": true, "supreme_leader": true, "chancellor": true,
	"foreign_minister": true, "defense_minister": true, "secretary_general": true, "minister": true,
}

var dateRE = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

func TestEntitiesAreWellFormed(t *testing.T) {
	ents := merged(t, generate(t, sharedDir(t)))
	for id, e := range ents {
		if !idRE.MatchString(id) {
			t.Errorf("%s: id not of the ONTOLOGY form", id)
		}
		if want := labelOf[id[:strings.Index(id, ":")]]; e.Label != want {
			t.Errorf("%s: label %q, want %q", id, e.Label, want)
		}
		if e.Name == "" {
			t.Errorf("%s: no name", id)
		}
		if e.PartOf != "" && ents[e.PartOf] == nil {
			t.Errorf("%s: part_of %s is no entity", id, e.PartOf)
		}
		for _, o := range e.Offices {
			if ents[o.Of] == nil {
				t.Errorf("%s: office of %s, which is no entity", id, o.Of)
			}
			if !roles[o.Role] {
				t.Errorf("%s: role %q is not a LEADS role", id, o.Role)
			}
			for _, d := range []string{o.Start, o.End} {
				if d != "" && !dateRE.MatchString(d) {
					t.Errorf("%s: date %q is not YYYY[-MM[-DD]]", id, d)
				}
			}
			if o.Start != "" && o.End != "" && o.End < o.Start {
				t.Errorf("%s: office %s %s ends (%s) before it starts (%s)", id, o.Of, o.Role, o.End, o.Start)
			}
		}
		for _, t2 := range []map[string][]string{e.Names, e.Demonyms, e.Seats} {
			for l, forms := range t2 {
				if l != "en" && l != "fr" {
					t.Errorf("%s: language %q", id, l)
				}
				for _, f := range forms {
					if strings.TrimSpace(f) != f || f == "" {
						t.Errorf("%s: form %q has stray spaces", id, f)
					}
				}
			}
		}
	}
}

func has(forms map[string][]string, lang, form string) bool {
	for _, f := range forms[lang] {
		if f == form {
			return true
		}
	}
	return false
}

func TestFacts(t *testing.T) {
	ents := merged(t, generate(t, sharedDir(t)))
	get := func(id string) *entity {
		e := ents[id]
		if e == nil {
			t.Fatalf("%s missing", id)
		}
		return e
	}
	tests := []struct {
		name string
		ok   func() bool
	}{
		{"RUS has Russie", func() bool { return has(get("country:RUS").Names, "fr", "Russie") }},
		{"RUS has russes", func() bool { return has(get("country:RUS").Demonyms, "fr", "russes") }},
		{"RUS seat le Kremlin", func() bool { return has(get("country:RUS").Seats, "fr", "le Kremlin") }},
		{"PRK has nord-coréennes", func() bool { return has(get("country:PRK").Demonyms, "fr", "nord-coréennes") }},
		{"IRN has iraniennes", func() bool { return has(get("country:IRN").Demonyms, "fr", "iraniennes") }},
		{"USA has Americans", func() bool { return has(get("country:USA").Demonyms, "en", "Americans") }},
		{"CHN has no plural of Chinese", func() bool { return !has(get("country:CHN").Demonyms, "en", "Chineses") }},
		{"USA seat la Maison-Blanche", func() bool { return has(get("country:USA").Seats, "fr", "la Maison-Blanche") }},
		{"Kosovo is XKX", func() bool { return get("country:XKX").Name == "Kosovo" && ents["country:UNK"] == nil }},
		{"FRA keeps français, not the French Southern Territories", func() bool {
			return has(get("country:FRA").Demonyms, "fr", "français") && !has(get("country:ATF").Demonyms, "fr", "français")
		}},
		{"org:EU has UE", func() bool { return has(get("org:EU").Names, "fr", "UE") }},
		{"org:NATO has OTAN", func() bool { return has(get("org:NATO").Names, "fr", "OTAN") }},
		{"org:UNSC is its own actor", func() bool { return get("org:UNSC").PartOf == "" }},
		{"UN General Assembly is part of org:UN", func() bool { return get("org:UNGA").PartOf == "org:UN" }},
		{"European Parliament is part of org:EU", func() bool { return get("org:EP").PartOf == "org:EU" }},
		{"European Commission is part of org:EU", func() bool { return get("org:EUROPEAN_COMMISSION").PartOf == "org:EU" }},
		{"org:MERCOSUR and org:ANDEAN_COMMUNITY exist", func() bool { return get("org:MERCOSUR") != nil && get("org:ANDEAN_COMMUNITY") != nil }},
		{"org:SCO from the override", func() bool { return has(get("org:SCO").Names, "fr", "OCS") }},
		{"group:WEST", func() bool { return has(get("group:WEST").Names, "fr", "l'Occident") }},
		{"Putin is Poutine", func() bool { return has(get("person:vladimir-putin").Names, "fr", "Poutine") }},
		{"Trump has two terms", func() bool { return len(get("person:donald-trump").Offices) == 2 }},
		{"Tebboune's vandalised label fixed", func() bool {
			return get("person:abdelmadjid-tebboune").Name == "Abdelmadjid Tebboune" && ents["person:amin-berrabahgay"] == nil
		}},
		{"Scholz left office", func() bool { return get("person:olaf-scholz").Offices[0].End == "2025-05-06" }},
	}
	for _, tc := range tests {
		if !tc.ok() {
			t.Errorf("%s: false", tc.name)
		}
	}
}

func TestHelpers(t *testing.T) {
	tests := []struct{ name, got, want string }{
		{"fr plural", frPlural("russe"), "russes"},
		{"fr plural -s", frPlural("français"), "français"},
		{"fr plural -al", frPlural("occidental"), "occidentaux"},
		{"fr plural compound", frPlural("nord-coréenne"), "nord-coréennes"},
		{"en plural", enPlural("Russian", "Russia"), "Russians"},
		{"en plural -ese", enPlural("Chinese", "China"), ""},
		{"en plural -ish", enPlural("British", "United Kingdom"), ""},
		{"en plural -ch", enPlural("French", "France"), ""},
		{"en plural irregular", enPlural("Czech", "Czechia"), "Czechs"},
		{"unterm article", unterm("France (la)"), "France"},
		{"unterm qualifier", unterm("Bolivie (État plurinational de)"), "Bolivie"},
		{"unterm formal", unterm("la République française"), "République française"},
		{"unterm l'", unterm("l'État de Palestine *"), "État de Palestine"},
		{"unterm the", unterm("the Holy See *"), "Holy See"},
		{"slug", slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan"},
		{"slug apostrophe", slug("Va'aletoa Sualauvi II"), "vaaletoa-sualauvi-ii"},
		{"slug vietnamese", slug("Lương Cường"), "luong-cuong"},
		{"upperID", upperID("TÜRKSOY"), "TURKSOY"},
		{"upperID name", upperID("Andean Community"), "ANDEAN_COMMUNITY"},
		{"role president", roleOf("President of the United Arab Emirates"), "president"},
		{"role emir", roleOf("emir of Kuwait"), "king"},
		{"role supreme leader", roleOf("Supreme Leader of Iran"), "supreme_leader"},
		{"role chancellor", roleOf("Federal Chancellor of Germany"), "chancellor"},
		{"role taoiseach", roleOf("Taoiseach"), "prime_minister"},
		{"role governor-general", roleOf("Governor-General of Jamaica"), ""},
		{"surname", surnameOf("Vladimir Putin", []string{"RUS"}), "Putin"},
		{"surname particles", surnameOf("Alexander Van der Bellen", []string{"AUT"}), "Van der Bellen"},
		{"surname family first", surnameOf("Li Qiang", []string{"CHN"}), ""},
		{"surname dynasty", surnameOf("Tamim bin Hamad Al Thani", []string{"QAT"}), ""},
		{"surname common word", surnameOf("Sandra Mason", []string{"BRB"}), ""},
		{"surname short", surnameOf("Edi Rama", []string{"ALB"}), "Rama"},
		{"surname royal", surnameOf("Felipe VI of Spain", []string{"ESP"}), ""},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
	if ok, _ := keepAlias("🇫🇷"); ok {
		t.Error("flag emoji kept")
	}
	for _, s := range []string{"fr", "l'hexagone", "GBR", "Island"} {
		if ok, _ := keepAlias(s); ok {
			t.Errorf("alias %q kept", s)
		}
	}
	for _, s := range []string{"U.S.", "USA", "the States", "Oncle Sam", "US"} {
		if ok, why := keepAlias(s); !ok {
			t.Errorf("alias %q dropped: %s", s, why)
		}
	}
}
