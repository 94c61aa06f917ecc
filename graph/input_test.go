package graph

import (
	"strings"
	"testing"

	"github.com/irkg/irkg/kg/neo"
)

func TestReadJSONL(t *testing.T) {
	src := `{"record":"document","id":"doc:0123456789abcdef","title":"T","lang":"fr","published":"2025-01-17","source":"a.txt"}

{"record":"entity","id":"agreement:IRN-RUS:treaty:2025","label":"Agreement","name":"A","props":{"duration_years":20,"share":0.5,"parties":["country:IRN","country:RUS"],"meta":{"b":1,"a":"x"}}}
{"record":"fact","subject":"country:RUS","predicate":"PARTY_TO","object":"agreement:IRN-RUS:treaty:2025","negated":true,"modality":"future","attributed_to":"group:WEST","props":{"role":"x"},"evidence":{"doc":"doc:0123456789abcdef","sentence":2,"start":10,"end":20,"text":"S"},"confidence":0.75}
`
	var in Input
	if err := in.ReadJSONL(strings.NewReader(src), "x.jsonl", DefaultAllow()); err != nil {
		t.Fatal(err)
	}
	if len(in.Documents) != 1 || len(in.Entities) != 1 || len(in.Facts) != 1 {
		t.Fatalf("got %d documents, %d entities, %d facts", len(in.Documents), len(in.Entities), len(in.Facts))
	}
	d := in.Documents[0]
	if d.ID != "doc:0123456789abcdef" || d.Title != "T" || d.Lang != "fr" || d.Published != "2025-01-17" || d.Source != "a.txt" {
		t.Errorf("document = %+v", d)
	}
	f := in.Facts[0]
	if f.Subject != "country:RUS" || f.Predicate != "PARTY_TO" || !f.Negated || f.Modality != "future" ||
		f.AttributedTo == nil || *f.AttributedTo != "group:WEST" || f.Confidence != 0.75 ||
		f.Evidence.Doc != "doc:0123456789abcdef" || f.Evidence.Sentence != 2 || f.Evidence.Start != 10 ||
		f.Evidence.End != 20 || f.Evidence.Text != "S" {
		t.Errorf("fact = %+v", f)
	}
	props := neo.FlattenProps(in.Entities[0].Props, nil)
	if v, ok := props["duration_years"].(int64); !ok || v != 20 {
		t.Errorf("duration_years = %#v, want int64 20", props["duration_years"])
	}
	if v, ok := props["share"].(float64); !ok || v != 0.5 {
		t.Errorf("share = %#v, want 0.5", props["share"])
	}
	if v, ok := props["parties"].([]string); !ok || len(v) != 2 {
		t.Errorf("parties = %#v, want a list of strings", props["parties"])
	}
	if v := props["meta"]; v != `{"a":"x","b":1}` {
		t.Errorf("meta = %#v, want JSON text with sorted keys", v)
	}
}

func TestReadJSONLErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"bad json", `{"record":"document",`, "x.jsonl:1: invalid JSON"},
		{"line number counts blank lines", "\n\n{\"record\":\"nope\"}", `x.jsonl:3: unknown record "nope"`},
		{"no record field", `{"id":"doc:1"}`, `x.jsonl:1: no "record" field`},
		{"unknown predicate", `{"record":"fact","subject":"country:A","predicate":"SIGNED_SOMETHING","object":"country:B"}`, "x.jsonl:1: fact country:A SIGNED_SOMETHING country:B: predicate \"SIGNED_SOMETHING\" is not in the ontology"},
		{"unknown label", `{"record":"entity","id":"ship:x","label":"Ship"}`, `x.jsonl:1: entity ship:x: label "Ship" is not in the ontology`},
		{"fact without object", `{"record":"fact","subject":"country:A","predicate":"SANCTIONS"}`, "x.jsonl:1: fact: subject, predicate and object are required"},
		{"document id", `{"record":"document","id":"x"}`, `x.jsonl:1: document: id "x" does not start with doc:`},
		{"two values", `{"record":"document","id":"doc:1"} {}`, "x.jsonl:1: more than one JSON value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var in Input
			err := in.ReadJSONL(strings.NewReader(tc.src), "x.jsonl", DefaultAllow())
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("err = %v, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestFlattenList(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []any
		want string
	}{
		{"strings", []any{"a", "b"}, "[]string{\"a\", \"b\"}"},
		{"ints", []any{int64(1), int64(2)}, "[]int64{1, 2}"},
		{"ints and floats", []any{int64(1), 2.5}, "[]float64{1, 2.5}"},
		{"bools", []any{true}, "[]bool{true}"},
		{"mixed", []any{"a", int64(1)}, "[]string{\"a\", \"1\"}"},
		{"nulls dropped", []any{nil, "a"}, "[]string{\"a\"}"},
		{"empty", []any{}, "[]string{}"},
		{"maps", []any{map[string]any{"k": "v"}}, "[]string{\"{\\\"k\\\":\\\"v\\\"}\"}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sprintGo(neo.FlattenList(tc.in)); got != tc.want {
				t.Errorf("neo.FlattenList(%v) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}
