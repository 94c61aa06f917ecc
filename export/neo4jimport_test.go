package export

import (
	"bufio"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/kg/neo"
)

func TestCSVQuote(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"empty", "", `""`},
		{"plain", "Russia", `"Russia"`},
		{"quotes doubled", `say "no"`, `"say ""no"""`},
		{"comma", "a,b", `"a,b"`},
		{"backslash kept", `a\"b\`, `"a\""b\"`},
		{"line breaks kept", "a\nb\r\nc", "\"a\nb\r\nc\""},
		{"injection", `"}) DETACH DELETE n //`, `"""}) DETACH DELETE n //"`},
		{"unicode", "l’Iran 😀", `"l’Iran 😀"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := CSVQuote(c.in)
			if got != c.want {
				t.Errorf("CSVQuote(%q) = %s, want %s", c.in, got, c.want)
			}
			// An RFC 4180 reader gives the string back (Go's drops \r before \n).
			rec, err := csv.NewReader(strings.NewReader(got + "\n")).Read()
			if err != nil || len(rec) != 1 || rec[0] != strings.ReplaceAll(c.in, "\r\n", "\n") {
				t.Errorf("%s reads back as %q (%v)", got, rec, err)
			}
		})
	}
}

func TestCSVValues(t *testing.T) {
	for _, c := range []struct {
		in   any
		typ  string
		want string
	}{
		{"x", "string", `"x"`},
		{true, "boolean", "true"},
		{int64(-3), "long", "-3"},
		{0.9, "double", "0.9"},
		{1.0, "double", "1"},
		{math.Inf(-1), "double", "-Infinity"},
		{[]string{"a;b", `c"d`}, "string[]", "\"a;b\x1fc\"\"d\""},
		{[]int64{1, 2}, "long[]", "1\x1f2"},
		{[]float64{0.5}, "double[]", "0.5"},
		{[]bool{true, false}, "boolean[]", "true\x1ffalse"},
	} {
		typ, ok := csvType(c.in)
		if !ok || typ != c.typ {
			t.Errorf("csvType(%#v) = %s %v, want %s", c.in, typ, ok, c.typ)
		}
		var b strings.Builder
		f := &csvFile{}
		f.w = bufio.NewWriter(&b)
		if err := f.value(c.in); err != nil {
			t.Fatal(err)
		}
		f.w.Flush()
		if b.String() != c.want {
			t.Errorf("value %#v written as %q, want %q", c.in, b.String(), c.want)
		}
	}
	for _, v := range []any{[]string{}, []string{""}, []int64{}} {
		if _, ok := csvType(v); ok {
			t.Errorf("csvType(%#v): the importer cannot store it, yet it is written", v)
		}
	}
	f := &csvFile{w: bufio.NewWriter(&strings.Builder{})}
	if err := f.value([]string{"a\x1fb"}); err == nil {
		t.Error("a list element holding the array delimiter was written")
	}
}

func writeImport(t *testing.T, dir string, rs []kg.Result) *Neo4jImport {
	t.Helper()
	w, err := NewNeo4jImport(dir, testOntology())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return w
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

func TestNeo4jImportFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	w := writeImport(t, dir, results())
	files := readDir(t, dir)

	want := map[string]string{
		// rank is an integer in one record, a string in the next: the later
		// value wins, as with irkg load, so one column of strings.
		"nodes-Country.csv": "id:ID(Entity),:LABEL,iso2,iso3,name,rank\n" +
			`"country:FRA",Country,,,"France","first"` + "\n" +
			`"country:RUS",Country,"RU","RUS","Russia",` + "\n",
		"nodes-Person.csv": "id:ID(Entity),:LABEL,name\n" + `"person:x",Person,"X"` + "\n",
		"nodes-Document.csv": "id:ID(Document),:LABEL,lang,source,title\n" +
			`"doc:1",Document,"fr","a.txt","Title ""one""; it's"` + "\n" +
			`"doc:2",Document,"en",,"Two"` + "\n",
		// One row per (start, type, end, negated); the empty list props.tags is left out.
		"rels-SANCTIONS.csv": ":START_ID(Entity),:END_ID(Entity),:TYPE,cameo,confidence:double,evidence:string[],modality,negated:boolean,plover,sources:string[]\n" +
			`"country:FRA","country:RUS",SANCTIONS,"16",0.9,"La France sanctionne; ""x"" ` + "`y`" + ` }) DETACH DELETE n //` + "\x1f" + "France sanctions Russia\nagain\"," +
			`"asserted",false,"SANCTION","doc:1` + "\x1f" + `doc:2"` + "\n",
		"rels-CONSULTS.csv": ":START_ID(Entity),:END_ID(Entity),:TYPE,attributed_to,cameo,confidence:double,evidence:string[],modality,negated:boolean,plover,sources:string[]\n" +
			`"country:FRA","country:RUS",CONSULTS,"person:x","04",0.6,"s2` + "\x1f" + `s4","asserted",false,"CONSULT","doc:1` + "\x1f" + `doc:2"` + "\n",
		"rels-MENTIONS.csv": ":START_ID(Document),:END_ID(Entity),:TYPE\n" +
			`"doc:1","country:FRA",MENTIONS` + "\n" + `"doc:1","country:RUS",MENTIONS` + "\n" + `"doc:1","person:x",MENTIONS` + "\n" +
			`"doc:2","country:FRA",MENTIONS` + "\n" + `"doc:2","country:RUS",MENTIONS` + "\n",
	}
	for name, body := range want {
		if files[name] != body {
			t.Errorf("%s:\n%s\nwant:\n%s", name, files[name], body)
		}
	}
	if !strings.Contains(files["schema.cypher"], "CREATE CONSTRAINT IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;") {
		t.Errorf("schema.cypher:\n%s", files["schema.cypher"])
	}
	if len(files) != len(want)+1 {
		t.Errorf("files %v", neo.SortedKeys(files))
	}

	st := w.Stats()
	if st.Documents != 2 || st.Entities != 3 || st.Relationships != 2 || st.Mentions != 5 || st.EmptyLists != 1 || !st.MultilineFields {
		t.Errorf("stats %+v", st)
	}
	cmd := strings.Join(w.Command("neo4j"), " ")
	abs, _ := filepath.Abs(dir)
	for _, part := range []string{
		"neo4j-admin database import full neo4j --array-delimiter=U+001F --multiline-fields=true ",
		"--nodes=" + abs + "/nodes-Country.csv --nodes=" + abs + "/nodes-Document.csv --nodes=" + abs + "/nodes-Person.csv ",
		"--relationships=" + abs + "/rels-CONSULTS.csv --relationships=" + abs + "/rels-MENTIONS.csv --relationships=" + abs + "/rels-SANCTIONS.csv",
	} {
		if !strings.Contains(cmd, part) {
			t.Errorf("command %s\nlacks %s", cmd, part)
		}
	}

	// Deterministic.
	dir2 := filepath.Join(t.TempDir(), "out")
	writeImport(t, dir2, results())
	for name, body := range readDir(t, dir2) {
		if files[name] != body {
			t.Errorf("%s differs between two runs", name)
		}
	}

	// The directory must be empty.
	if _, err := NewNeo4jImport(dir, testOntology()); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("an export into a directory with files: %v", err)
	}
}

func TestNeo4jImportSplitsTypes(t *testing.T) {
	// Two entities whose prop has different types: one file each, so that
	// each keeps its type; a relationship whose end is no node is left out.
	rs := []kg.Result{{
		Document: kg.Document{ID: "doc:1"},
		Entities: []kg.Entity{
			{ID: "country:A", Label: kg.LabelCountry, Name: "A", Props: map[string]any{"since": 1991}},
			{ID: "country:B", Label: kg.LabelCountry, Name: "B", Props: map[string]any{"since": "1991"}},
			{ID: "country:C", Label: kg.LabelCountry, Name: "C", Props: map[string]any{"since": 2000, "tags": []any{"x", "y"}}},
		},
		Facts: []kg.Fact{
			{Subject: "country:A", Predicate: "LEADS", Object: "person:ghost", Evidence: kg.Evidence{Doc: "doc:1", Text: "t"}},
		},
	}}
	dir := t.TempDir()
	w := writeImport(t, dir, rs)
	files := readDir(t, dir)
	if got, want := files["nodes-Country.csv"], "id:ID(Entity),:LABEL,name,since:long,tags:string[]\n"+
		`"country:A",Country,"A",1991,`+"\n"+`"country:C",Country,"C",2000,"x`+"\x1f"+`y"`+"\n"; got != want {
		t.Errorf("nodes-Country.csv:\n%q\nwant\n%q", got, want)
	}
	if got, want := files["nodes-Country-2.csv"], "id:ID(Entity),:LABEL,name,since\n"+`"country:B",Country,"B","1991"`+"\n"; got != want {
		t.Errorf("nodes-Country-2.csv:\n%q\nwant\n%q", got, want)
	}
	if _, ok := files["rels-LEADS.csv"]; ok {
		t.Error("a relationship to a node that does not exist was written")
	}
	if st := w.Stats(); st.Dropped != 2 || st.MultilineFields { // the fact, and the mention of person:ghost
		t.Errorf("stats %+v", st)
	}
}
