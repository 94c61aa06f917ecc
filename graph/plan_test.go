package graph

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/irkg/irkg/kg"
)

func sprintGo(v any) string { return fmt.Sprintf("%#v", v) }

func TestBatches(t *testing.T) {
	for _, tc := range []struct {
		n, size int
		want    []int
	}{
		{0, 3, []int{}},
		{1, 3, []int{1}},
		{3, 3, []int{3}},
		{7, 3, []int{3, 3, 1}},
		{5, 0, []int{5}}, // 0: the default size
	} {
		rows := make([]int, tc.n)
		for i := range rows {
			rows[i] = i
		}
		got := []int{}
		next := 0
		for _, b := range batches(rows, tc.size) {
			got = append(got, len(b))
			for _, x := range b {
				if x != next {
					t.Fatalf("batches(%d, %d): rows out of order", tc.n, tc.size)
				}
				next++
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("batches(%d, %d) sizes = %v, want %v", tc.n, tc.size, got, tc.want)
		}
	}
}

func fact(s, p, o, doc, text string, conf float64) kg.Fact {
	return kg.Fact{Subject: s, Predicate: p, Object: o, Modality: kg.ModAsserted, Confidence: conf,
		Evidence: kg.Evidence{Doc: doc, Text: text}}
}

func testInput() *Input {
	return &Input{
		Documents: []kg.Document{{ID: "doc:1", Title: "one"}, {ID: "doc:2", Title: "two"}},
		Entities: []kg.Entity{
			{ID: "country:RUS", Label: "Country", Name: "Russia"},
			{ID: "country:IRN", Label: "Country", Name: "Iran"},
			{ID: "person:vladimir-putin", Label: "Person", Name: "Vladimir Putin"},
			{ID: "country:RUS", Label: "Country", Name: "Russia", Props: map[string]any{"iso3": "RUS"}},
		},
		Facts: []kg.Fact{
			fact("country:RUS", "CONSULTS", "country:IRN", "doc:1", "a", 0.5),
			fact("country:IRN", "CONSULTS", "country:RUS", "doc:2", "b", 0.9), // symmetric: same relationship
			fact("country:RUS", "CONSULTS", "country:IRN", "doc:2", "b", 0.7), // same sentence again
			fact("person:vladimir-putin", "LEADS", "country:RUS", "doc:1", "c", 0.8),
			{Subject: "country:RUS", Predicate: "SANCTIONS", Object: "country:IRN", Negated: true, Evidence: kg.Evidence{Doc: "doc:1", Text: "d"}},
			fact("country:RUS", "SANCTIONS", "country:IRN", "doc:1", "e", 0.4),
			fact("country:USA", "SANCTIONS", "country:IRN", "doc:2", "f", 0.4), // no entity record: label from the prefix
		},
	}
}

func TestPlanGroupsAndMerges(t *testing.T) {
	p, err := buildPlan(testInput(), DefaultAllow(), true)
	if err != nil {
		t.Fatal(err)
	}
	var nodes []string
	for _, g := range p.nodes {
		nodes = append(nodes, fmt.Sprintf("%s:%d", g.name, len(g.rows)))
	}
	if want := []string{"Country:2", "Document:2", "Person:1"}; !reflect.DeepEqual(nodes, want) {
		t.Errorf("node groups = %v, want %v", nodes, want)
	}
	var rels []string
	for _, g := range p.rels {
		rels = append(rels, fmt.Sprintf("%s:%d", g.name, len(g.rows)))
	}
	if want := []string{"CONSULTS Country->Country:1", "LEADS Person->Country:1", "SANCTIONS Country->Country:3"}; !reflect.DeepEqual(rels, want) {
		t.Errorf("relationship groups = %v, want %v", rels, want)
	}
	if p.relations != 5 {
		t.Errorf("relations = %d, want 5 (negated and asserted SANCTIONS are two)", p.relations)
	}
	c := p.rels[0].rows[0]
	if c["s"] != "country:IRN" || c["o"] != "country:RUS" {
		t.Errorf("symmetric CONSULTS stored as %v→%v, want sorted ids", c["s"], c["o"])
	}
	if !reflect.DeepEqual(c["sources"], []string{"doc:1", "doc:2"}) || !reflect.DeepEqual(c["evidence"], []string{"a", "b"}) {
		t.Errorf("sources %v evidence %v: want deduplicated in input order", c["sources"], c["evidence"])
	}
	if c["confidence"] != 0.9 || c["plover"] != "CONSULT" || c["cameo"] != "04" {
		t.Errorf("confidence %v plover %v cameo %v", c["confidence"], c["plover"], c["cameo"])
	}
	rus := p.nodes[0].rows[0]
	if !reflect.DeepEqual(rus["props"], map[string]any{"name": "Russia", "iso3": "RUS"}) {
		t.Errorf("merged entity props = %v", rus["props"])
	}
	// MENTIONS: doc:1 → IRN, RUS, putin; doc:2 → IRN, RUS, USA.
	n := 0
	for _, g := range p.mentions {
		n += len(g.rows)
	}
	if n != 6 {
		t.Errorf("%d mention rows, want 6", n)
	}
}

func TestPlanPerFactKeepsEveryFact(t *testing.T) {
	p, err := buildPlan(testInput(), DefaultAllow(), false)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range p.rels {
		n += len(g.rows)
	}
	if n != 7 || p.relations != 5 {
		t.Errorf("per-fact rows = %d (want 7), relations = %d (want 5)", n, p.relations)
	}
}

func TestPlanRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Input)
		want string
	}{
		{"unknown predicate", func(in *Input) {
			in.Facts = append(in.Facts, fact("country:RUS", "SIGNED_SOMETHING", "country:IRN", "doc:1", "x", 1))
		}, `predicate "SIGNED_SOMETHING" is not in the ontology`},
		{"unknown label", func(in *Input) {
			in.Entities = append(in.Entities, kg.Entity{ID: "ship:x", Label: "Ship"})
		}, `label "Ship" is not in the ontology`},
		{"label injection", func(in *Input) {
			in.Entities = append(in.Entities, kg.Entity{ID: "country:X", Label: "Country) DETACH DELETE n //"})
		}, "is not in the ontology"},
		{"type injection", func(in *Input) {
			in.Facts = append(in.Facts, fact("country:RUS", "SANCTIONS]->() DETACH DELETE n //", "country:IRN", "doc:1", "x", 1))
		}, "is not in the ontology"},
		{"unknown endpoint", func(in *Input) {
			in.Facts = append(in.Facts, fact("ship:x", "ATTACKS", "country:IRN", "doc:1", "x", 1))
		}, `no entity record for "ship:x"`},
		{"two labels", func(in *Input) {
			in.Entities = append(in.Entities, kg.Entity{ID: "country:RUS", Label: "Organization"})
		}, "label Organization, but Country elsewhere"},
		{"document entity", func(in *Input) {
			in.Entities = append(in.Entities, kg.Entity{ID: "doc:9", Label: "Document"})
		}, "label Document is for document records"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput()
			tc.edit(in)
			_, err := buildPlan(in, DefaultAllow(), true)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestPlanIsDeterministic(t *testing.T) {
	a, err := buildPlan(testInput(), DefaultAllow(), true)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		b, _ := buildPlan(testInput(), DefaultAllow(), true)
		if !reflect.DeepEqual(a, b) {
			t.Fatal("two plans of the same input differ")
		}
	}
}
