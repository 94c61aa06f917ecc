package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/irkg/irkg/kg"
)

var cfg = Config{
	Predicates: map[string]bool{"PARTY_TO": true, "HAS_CLAUSE": true, "LACKS_CLAUSE": true, "CONSULTS": true, "LEADS": true, "SANCTIONS": true, "DEPLOYS_FORCES_TO": true},
	Symmetric:  map[string]bool{"CONSULTS": true},
}

func gold(t *testing.T, y string) *Gold {
	t.Helper()
	p := filepath.Join(t.TempDir(), "a.gold.yaml")
	if err := os.WriteFile(p, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := LoadGold(p)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func fact(s, p, o string, neg bool, mod string, attr string) kg.Fact {
	return kg.Fact{Subject: s, Predicate: p, Object: o, Negated: neg, Modality: mod, AttributedTo: kg.Attr(attr)}
}

func TestScore(t *testing.T) {
	g := gold(t, `
doc: a.txt
agreements:
  A1: {parties: [IRN, RUS], kind: strategic_partnership}
persons:
  vladimir-putin: [poutine]
facts:
  - [country:RUS, PARTY_TO, A1]
  - [country:IRN, PARTY_TO, A1]
  - [A1, LACKS_CLAUSE, clause:mutual_defense]
  - [person:vladimir-putin, LEADS, country:RUS]
  - {fact: [country:IRN, CONSULTS, country:RUS], attributed_to: person:vladimir-putin}
  - {fact: [country:PRK, DEPLOYS_FORCES_TO, country:UKR], attributed_to: group:WEST, modality: alleged}
optional:
  - [country:USA, SANCTIONS, country:RUS]
`)
	ag := "agreement:IRN-RUS:treaty"
	res := kg.Result{
		Entities: []kg.Entity{{ID: ag, Label: kg.LabelAgreement, Props: map[string]any{"kind": "treaty"}}},
		Facts: []kg.Fact{
			fact("country:RUS", "PARTY_TO", ag, false, "asserted", ""),
			fact("country:IRN", "PARTY_TO", ag, false, "asserted", ""),
			fact(ag, "LACKS_CLAUSE", "clause:mutual_defense", false, "asserted", ""),
			fact("person:poutine", "LEADS", "country:RUS", false, "asserted", ""),               // alias → canonical
			fact("country:RUS", "CONSULTS", "country:IRN", false, "asserted", "person:poutine"), // symmetric, attribution via alias
			fact("country:PRK", "DEPLOYS_FORCES_TO", "country:UKR", false, "future", "group:WEST"),
			fact("country:USA", "SANCTIONS", "country:RUS", false, "asserted", ""), // optional: neither counted
			fact("country:USA", "SANCTIONS", "country:IRN", false, "asserted", ""), // extra
			fact("country:RUS", "NOT_A_PREDICATE", "country:IRN", false, "asserted", ""),
		},
	}
	ds := Score("a", res, g, cfg)
	if ds.Required != 6 || ds.Matched != 6 || ds.Predicted != 7 || ds.Optional != 1 {
		t.Fatalf("required %d matched %d predicted %d optional %d, want 6 6 7 1", ds.Required, ds.Matched, ds.Predicted, ds.Optional)
	}
	if len(ds.Extra) != 1 || ds.Extra[0].Object != "country:IRN" {
		t.Fatalf("extra %v", ds.Extra)
	}
	if ds.AttrTotal != 2 || ds.AttrRight != 2 {
		t.Fatalf("attribution %d/%d, want 2/2", ds.AttrRight, ds.AttrTotal)
	}
	if ds.ModTotal != 1 || ds.ModRight != 0 {
		t.Fatalf("modality %d/%d, want 0/1", ds.ModRight, ds.ModTotal)
	}
	if ds.KindTotal != 1 || ds.KindRight != 0 {
		t.Fatalf("kind %d/%d, want 0/1", ds.KindRight, ds.KindTotal)
	}
	p, r, f := PRF(ds.Matched, ds.Predicted, ds.Required)
	if p != 6.0/7 || r != 1 || f <= 0.92 || f >= 0.93 {
		t.Fatalf("P %.3f R %.3f F %.3f", p, r, f)
	}
}

func TestScoreNegationAndPartySets(t *testing.T) {
	g := gold(t, `
doc: b.txt
agreements:
  A1: {parties: [UKR]}
facts:
  - [country:UKR, PARTY_TO, A1]
  - {fact: [country:GUY, PARTY_TO, A1], negated: true}
`)
	ag := "agreement:UKR:peace_agreement"
	res := kg.Result{Facts: []kg.Fact{
		fact("country:UKR", "PARTY_TO", ag, false, "asserted", ""),
		fact("country:GUY", "PARTY_TO", ag, true, "asserted", ""), // negated: not a party, matches the negated gold
		fact("country:RUS", "PARTY_TO", "agreement:RUS-UKR:treaty", false, "asserted", ""),
	}}
	ds := Score("b", res, g, cfg)
	if ds.Matched != 2 || ds.Predicted != 3 {
		t.Fatalf("matched %d predicted %d, want 2 3; missed %v extra %v", ds.Matched, ds.Predicted, ds.Missed, ds.Extra)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bad.gold.yaml")
	os.WriteFile(p, []byte("doc: x\nfacts:\n  - [a, b]\n  - {fact: [a, b, c], colour: red}\n"), 0o644)
	_, err := LoadGold(p)
	if err == nil {
		t.Fatal("want an error")
	}
	for _, want := range []string{"bad.gold.yaml:3", "bad.gold.yaml:4"} {
		if !contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
