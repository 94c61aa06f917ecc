package neo

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/irkg/irkg/kg"
)

func TestFlattenProps(t *testing.T) {
	var in map[string]any
	dec := json.NewDecoder(strings.NewReader(`{"iso3":"RUS","n":3,"x":1.5,"ok":true,"none":null,
		"ints":[1,2],"mixed":[1,2.5],"strs":["a","b"],"odd":[1,"a"],"nested":{"b":1,"a":2},"skip":"me"}`))
	dec.UseNumber()
	if err := dec.Decode(&in); err != nil {
		t.Fatal(err)
	}
	got := FlattenProps(in, map[string]bool{"skip": true})
	want := map[string]any{
		"iso3": "RUS", "n": int64(3), "x": 1.5, "ok": true,
		"ints": []int64{1, 2}, "mixed": []float64{1, 2.5}, "strs": []string{"a", "b"},
		"odd": []string{"1", "a"}, "nested": `{"a":2,"b":1}`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v\nwant %#v", got, want)
	}
}

func TestAppendNewAndNullable(t *testing.T) {
	l := AppendNew(nil, "doc:1")
	l = AppendNew(l, "doc:1")
	l = AppendNew(l, "")
	l = AppendNew(l, "doc:2")
	if !reflect.DeepEqual(l, []string{"doc:1", "doc:2"}) {
		t.Fatalf("got %v", l)
	}
	if Nullable("") != nil || Nullable("x") != "x" {
		t.Fatal("Nullable")
	}
}

func TestStatementsUseOnlyTheGivenNames(t *testing.T) {
	for _, s := range []string{ConstraintCypher("Country"), NodeMerge("Country"), RelMerge("SANCTIONS", "Country", "Country", "$maxEvidence"), MentionMerge("Country")} {
		if strings.Contains(s, "$rows") {
			t.Errorf("the UNWIND source belongs to the caller: %s", s)
		}
		if !strings.Contains(s, "Country") {
			t.Errorf("label missing: %s", s)
		}
	}
}

type voc struct{}

func (voc) HasLabel(l string) bool { return l == "Country" || l == "Person" }
func (voc) Predicate(n string) (Predicate, bool) {
	switch n {
	case "CONSULTS":
		return Predicate{Symmetric: true, Plover: "CONSULT", Cameo: "04"}, true
	case "LEADS":
		return Predicate{}, true
	}
	return Predicate{}, false
}
func (voc) LabelOfID(id string) string {
	if strings.HasPrefix(id, "country:") {
		return "Country"
	}
	return ""
}

func TestBuilderMergesLikeTheCypher(t *testing.T) {
	attr := "person:x"
	f := func(s, o, doc, text string, mod string, conf float64, a *string) kg.Fact {
		return kg.Fact{Subject: s, Predicate: "CONSULTS", Object: o, Modality: mod, Confidence: conf, AttributedTo: a,
			Evidence: kg.Evidence{Doc: doc, Text: text}, Props: map[string]any{}}
	}
	b := &Builder{Voc: voc{}, Merge: true}
	rows, errs := b.Build(
		[]kg.Document{{ID: "doc:1", Title: "T"}, {ID: "doc:1", Lang: "fr"}},
		[]kg.Entity{{ID: "country:RUS", Label: "Country", Name: "Russia"}},
		[]kg.Fact{
			f("country:RUS", "country:IRN", "doc:1", "a", "future", 0.5, nil),
			f("country:IRN", "country:RUS", "doc:2", "b", "asserted", 0.9, &attr), // symmetric: same key
		})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if rows.Entities != 1 || rows.Documents != 1 || rows.Relations != 1 || len(rows.Rels) != 1 {
		t.Fatalf("rows %+v", rows)
	}
	r := rows.Rels[0]
	if r.S != "country:IRN" || r.Modality != "asserted" || r.Confidence != 0.9 || r.AttributedTo != "person:x" ||
		!reflect.DeepEqual(r.Sources, []string{"doc:1", "doc:2"}) || !reflect.DeepEqual(r.Evidence, []string{"a", "b"}) || r.Plover != "CONSULT" {
		t.Fatalf("merged row %+v", r)
	}
	doc := rows.Nodes[1]
	if doc.Props["title"] != "T" || doc.Props["lang"] != "fr" {
		t.Fatalf("document props %v", doc.Props)
	}
	if _, errs := b.Build(nil, []kg.Entity{{ID: "country:RUS", Label: "Person"}}, []kg.Fact{{Subject: "a", Predicate: "NOPE", Object: "b"}}); len(errs) != 2 {
		t.Fatalf("want 2 problems (a second label for an id, an unknown predicate), got %v", errs)
	}
}
