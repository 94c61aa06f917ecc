package export

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/irkg/irkg/kg"
)

// testOntology is a small allow-list in the shape of graph.DefaultAllow.
func testOntology() Ontology {
	return Ontology{
		Labels: []string{kg.LabelCountry, kg.LabelPerson, kg.LabelAgreement, kg.LabelDocument},
		Predicates: map[string]Predicate{
			"SANCTIONS": {Plover: "SANCTION", Cameo: "16"},
			"CONSULTS":  {Symmetric: true, Plover: "CONSULT", Cameo: "04"},
			"LEADS":     {},
		},
		LabelOfID: func(id string) string {
			switch {
			case strings.HasPrefix(id, "country:"):
				return kg.LabelCountry
			case strings.HasPrefix(id, "person:"):
				return kg.LabelPerson
			case strings.HasPrefix(id, "doc:"):
				return kg.LabelDocument
			}
			return ""
		},
	}
}

func TestCypherString(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"empty", "", `''`},
		{"plain", "Russia", `'Russia'`},
		{"single quote", "l'Iran", `'l\'Iran'`},
		{"double quote", `say "no"`, `'say "no"'`},
		{"backslash", `a\b`, `'a\\b'`},
		{"backslash before quote", `\'`, `'\\\''`},
		{"backtick", "`x`", "'`x`'"},
		{"injection", "'}) DETACH DELETE n //", `'\'}) DETACH DELETE n //'`},
		{"semicolon", "a; b", `'a\u003B b'`},
		{"newlines", "a\nb\r\nc\td", `'a\nb\r\nc\td'`},
		{"control", "\x00\x1f\x7f\b\f", `'\u0000\u001F\u007F\b\f'`},
		{"latin", "é", `'\u00E9'`},
		{"typographic apostrophe", "l’Iran", `'l\u2019Iran'`},
		{"astral", "😀", `'\uD83D\uDE00'`},
		{"invalid UTF-8", "a\xffb", `'a\uFFFDb'`},
		{"unicode escape text", `\u0041`, `'\\u0041'`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := CypherString(c.in); got != c.want {
				t.Errorf("CypherString(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestCypherNumbers(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{
		{0.9, "0.9"}, {1, "1.0"}, {0, "0.0"}, {-2, "-2.0"}, {1e21, "1e+21"}, {1e-7, "1e-07"},
		{math.MaxFloat64, "1.7976931348623157e+308"}, {math.SmallestNonzeroFloat64, "5e-324"},
		{math.NaN(), "(0.0 / 0.0)"}, {math.Inf(1), "(1.0 / 0.0)"}, {math.Inf(-1), "(-1.0 / 0.0)"},
	} {
		if got := CypherFloat(c.in); got != c.want {
			t.Errorf("CypherFloat(%v) = %s, want %s", c.in, got, c.want)
		}
	}
	for _, c := range []struct {
		in   int64
		want string
	}{{0, "0"}, {-5, "-5"}, {math.MaxInt64, "9223372036854775807"}, {math.MinInt64, "(-9223372036854775807 - 1)"}} {
		if got := CypherInt(c.in); got != c.want {
			t.Errorf("CypherInt(%d) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestCypherName(t *testing.T) {
	for in, want := range map[string]string{
		"role": "role", "duration_years": "duration_years", "_x1": "_x1",
		"1st": "`1st`", "a b": "`a b`", "a`b": "`a``b`", "a-b": "`a-b`",
	} {
		if got := cypherName(in); got != want {
			t.Errorf("cypherName(%q) = %s, want %s", in, got, want)
		}
	}
}

// parseCypherString reads a Cypher string literal as Neo4j does for the
// escapes CypherString writes, and reports anything it does not expect.
func parseCypherString(lit string) (string, error) {
	if len(lit) < 2 || lit[0] != '\'' || lit[len(lit)-1] != '\'' {
		return "", fmt.Errorf("not in single quotes: %s", lit)
	}
	body := lit[1 : len(lit)-1]
	var units []uint16
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\'':
			return "", fmt.Errorf("unescaped quote at %d", i)
		case c >= 0x80 || c < 0x20 || c == 0x7f:
			return "", fmt.Errorf("byte %#x at %d is not printable ASCII", c, i)
		case c == ';':
			return "", fmt.Errorf("raw ';' at %d", i)
		case c != '\\':
			units = append(units, uint16(c))
			continue
		}
		i++
		if i == len(body) {
			return "", fmt.Errorf("trailing backslash")
		}
		switch body[i] {
		case '\\', '\'', '"':
			units = append(units, uint16(body[i]))
		case 'n':
			units = append(units, '\n')
		case 'r':
			units = append(units, '\r')
		case 't':
			units = append(units, '\t')
		case 'b':
			units = append(units, '\b')
		case 'f':
			units = append(units, '\f')
		case 'u':
			if i+4 >= len(body) {
				return "", fmt.Errorf("short \\u escape")
			}
			u, err := strconv.ParseUint(body[i+1:i+5], 16, 16)
			if err != nil {
				return "", err
			}
			units = append(units, uint16(u))
			i += 4
		default:
			return "", fmt.Errorf("unknown escape \\%c", body[i])
		}
	}
	return string(utf16.Decode(units)), nil
}

// FuzzCypherString: any string comes back from its literal (invalid UTF-8
// as U+FFFD, as a driver would store it), and the literal is printable ASCII
// with no raw quote or ';' inside.
func FuzzCypherString(f *testing.F) {
	for _, s := range []string{"", "l'Iran", `"}) DETACH DELETE n //`, "a;b\n", "😀é’", "\xff\xfe", `\u0041\`, "`"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lit := CypherString(s)
		got, err := parseCypherString(lit)
		if err != nil {
			t.Fatalf("CypherString(%q) = %s: %v", s, lit, err)
		}
		if want := string([]rune(s)); got != want {
			t.Fatalf("CypherString(%q) = %s reads back as %q, want %q", s, lit, got, want)
		}
	})
}

// ExampleCypherString shows a hostile text as a literal.
func ExampleCypherString() {
	fmt.Println(CypherString(`l'Iran "dit" }) DETACH DELETE n // ; fin`))
	// Output: 'l\'Iran "dit" }) DETACH DELETE n // \u003B fin'
}

// results is a small stream: two documents, one entity in both with
// different props, the same relationship from both, a symmetric predicate
// given in both orders.
func results() []kg.Result {
	ev := func(doc, text string) kg.Evidence { return kg.Evidence{Doc: doc, Text: text} }
	return []kg.Result{
		{
			Document: kg.Document{ID: "doc:1", Title: `Title "one"; it's`, Lang: "fr", Source: "a.txt"},
			Entities: []kg.Entity{
				{ID: "country:RUS", Label: kg.LabelCountry, Name: "Russia", Props: map[string]any{"iso3": "RUS"}},
				{ID: "country:FRA", Label: kg.LabelCountry, Name: "France", Props: map[string]any{"rank": 1}},
				{ID: "person:x", Label: kg.LabelPerson, Name: "X"},
			},
			Facts: []kg.Fact{
				{Subject: "country:FRA", Predicate: "SANCTIONS", Object: "country:RUS", Modality: kg.ModFuture,
					Confidence: 0.7, Evidence: ev("doc:1", "La France sanctionne; \"x\" `y` }) DETACH DELETE n //")},
				{Subject: "country:RUS", Predicate: "CONSULTS", Object: "country:FRA", Confidence: 0.5,
					AttributedTo: kg.Attr("person:x"), Evidence: ev("doc:1", "s2")},
			},
		},
		{
			Document: kg.Document{ID: "doc:2", Title: "Two", Lang: "en"},
			Entities: []kg.Entity{
				{ID: "country:RUS", Label: kg.LabelCountry, Name: "Russia", Props: map[string]any{"iso3": "RUS", "iso2": "RU"}},
				{ID: "country:FRA", Label: kg.LabelCountry, Name: "France", Props: map[string]any{"rank": "first"}},
			},
			Facts: []kg.Fact{
				{Subject: "country:FRA", Predicate: "SANCTIONS", Object: "country:RUS", Modality: kg.ModAsserted,
					Confidence: 0.9, Props: map[string]any{"tags": []any{}}, Evidence: ev("doc:2", "France sanctions Russia\nagain")},
				{Subject: "country:FRA", Predicate: "CONSULTS", Object: "country:RUS", Confidence: 0.6, Evidence: ev("doc:2", "s4")},
			},
		},
	}
}

func writeCypher(t *testing.T, batch int, rs []kg.Result) string {
	t.Helper()
	var buf bytes.Buffer
	c, err := NewCypher(&buf, testOntology())
	if err != nil {
		t.Fatal(err)
	}
	c.Batch = batch
	for _, r := range rs {
		if err := c.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestCypherScript(t *testing.T) {
	out := writeCypher(t, 0, results())
	if again := writeCypher(t, 0, results()); again != out {
		t.Error("output is not deterministic")
	}
	for i, b := range []byte(out) {
		if b >= 0x80 || b < 0x20 && b != '\n' {
			t.Fatalf("byte %#x at %d: the script is not printable ASCII", b, i)
		}
	}
	stmts := strings.Split(strings.TrimSuffix(out, ";\n"), ";\n")
	if strings.Contains(strings.Join(stmts, ""), ";") {
		t.Error("a ';' occurs elsewhere than at the end of a statement")
	}
	var constraints, others []string
	for _, s := range stmts {
		s = strings.TrimSpace(stripComments(s))
		if strings.HasPrefix(s, "CREATE CONSTRAINT") {
			if len(others) > 0 {
				t.Errorf("constraint after data: %s", s)
			}
			constraints = append(constraints, s)
		} else {
			others = append(others, s)
		}
	}
	if len(constraints) != 4 {
		t.Errorf("%d constraints, want one per label (4)", len(constraints))
	}
	for _, want := range []string{
		// Nodes are buffered: the later props of country:FRA win, in one row.
		"{id: 'country:FRA', props: {name: 'France', rank: 'first'}}",
		"{id: 'country:RUS', props: {iso2: 'RU', iso3: 'RUS', name: 'Russia'}}",
		`{id: 'doc:1', props: {lang: 'fr', source: 'a.txt', title: 'Title "one"\u003B it\'s'}}`,
		"MERGE (n:Country {id: row.id})",
		// One row per relationship key, gathered as the loader does.
		"{s: 'country:FRA', o: 'country:RUS', negated: false, modality: 'asserted', attributed_to: null, confidence: 0.9, " +
			"sources: ['doc:1', 'doc:2'], evidence: ['La France sanctionne\\u003B \"x\" `y` }) DETACH DELETE n //', 'France sanctions Russia\\nagain'], " +
			"props: {tags: []}, plover: 'SANCTION', cameo: '16'}",
		// Symmetric: one row, ends sorted.
		"{s: 'country:FRA', o: 'country:RUS', negated: false, modality: 'asserted', attributed_to: 'person:x', confidence: 0.6, sources: ['doc:1', 'doc:2'], evidence: ['s2', 's4']",
		"MERGE (s)-[r:SANCTIONS {negated: row.negated}]->(o)",
		"[0..10]",
		"{doc: 'doc:1', id: 'person:x'}",
		"MERGE (d)-[:MENTIONS]->(e)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("script lacks %s\n%s", want, out)
		}
	}

	// Small batches: more statements, every relationship after its ends.
	small := writeCypher(t, 1, results())
	if n, m := strings.Count(small, "UNWIND"), strings.Count(out, "UNWIND"); n <= m {
		t.Errorf("batch 1: %d statements, batch 500: %d", n, m)
	}
	if i, j := strings.Index(small, "{id: 'person:x'"), strings.Index(small, "attributed_to: 'person:x'"); i < 0 || j < i {
		t.Error("with batch 1, a relationship row comes before a node row it needs")
	}
}

func stripComments(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "//") {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func TestCypherRefuses(t *testing.T) {
	for _, c := range []struct {
		name string
		r    kg.Result
		want string
	}{
		{"predicate", kg.Result{Document: kg.Document{ID: "doc:1"},
			Facts: []kg.Fact{{Subject: "country:A", Predicate: "DROPS TABLE", Object: "country:B"}}}, `predicate "DROPS TABLE"`},
		{"label", kg.Result{Document: kg.Document{ID: "doc:1"},
			Entities: []kg.Entity{{ID: "x:1", Label: "Country:Evil"}}}, `label "Country:Evil"`},
		{"document id", kg.Result{Document: kg.Document{ID: "1"}}, "does not start with doc:"},
		{"end without label", kg.Result{Document: kg.Document{ID: "doc:1"},
			Facts: []kg.Fact{{Subject: "country:A", Predicate: "LEADS", Object: "planet:Mars"}}}, `no entity record for "planet:Mars"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			c2, _ := NewCypher(&bytes.Buffer{}, testOntology())
			err := c2.Write(c.r)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one with %q", err, c.want)
			}
		})
	}
	bad := testOntology()
	bad.Labels = append(bad.Labels, "Bad) DETACH DELETE n //")
	if _, err := NewCypher(&bytes.Buffer{}, bad); err == nil {
		t.Error("an ontology label that is not an identifier was accepted")
	}
}
