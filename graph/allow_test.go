package graph

import (
	"strings"
	"testing"

	"github.com/irkg/irkg/kg/neo"
)

func TestAllowRejectsUnknown(t *testing.T) {
	a := DefaultAllow()
	for _, tc := range []struct {
		name, label string
		ok          bool
	}{
		{"ontology label", "Country", true},
		{"document", "Document", true},
		{"unknown", "Ship", false},
		{"lower case", "country", false},
		{"injection", "Country) DETACH DELETE n //", false},
		{"backtick", "Country`", false},
		{"empty", "", false},
	} {
		t.Run("label/"+tc.name, func(t *testing.T) {
			_, err := a.Label(tc.label)
			if (err == nil) != tc.ok {
				t.Fatalf("Label(%q) err = %v, want ok=%v", tc.label, err, tc.ok)
			}
		})
	}
	for _, tc := range []struct {
		name, pred string
		ok         bool
	}{
		{"ontology", "SANCTIONS", true},
		{"symmetric", "CONSULTS", true},
		{"unknown", "SIGNED_SOMETHING", false},
		{"mentions is the loader's", "MENTIONS", false},
		{"lower case", "sanctions", false},
		{"injection", "SANCTIONS]->(x) DETACH DELETE x //", false},
	} {
		t.Run("predicate/"+tc.name, func(t *testing.T) {
			_, err := a.Predicate(tc.pred)
			if (err == nil) != tc.ok {
				t.Fatalf("Predicate(%q) err = %v, want ok=%v", tc.pred, err, tc.ok)
			}
		})
	}
}

func TestAllowUserPredicates(t *testing.T) {
	a := DefaultAllow()
	if err := a.AddPredicate("MEDIATES", PredicateInfo{Symmetric: false}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Predicate("MEDIATES"); err != nil {
		t.Fatalf("an added predicate is allowed: %v", err)
	}
	for _, bad := range []string{"mediates", "MEDIATES`", "MEDIATES {x:1}", "MENTIONS", "1ABC", ""} {
		if err := a.AddPredicate(bad, PredicateInfo{}); err == nil {
			t.Errorf("AddPredicate(%q) accepted", bad)
		}
	}
	if err := a.AddPredicate("SANCTIONS", PredicateInfo{Symmetric: true}); err == nil {
		t.Error("redefining an ontology predicate was accepted")
	}
	if err := a.AddLabel("Ship"); err != nil {
		t.Fatal(err)
	}
	if err := a.AddLabel("Ship) DELETE"); err == nil {
		t.Error("AddLabel accepted a non-identifier")
	}
}

func TestCodes(t *testing.T) {
	a := DefaultAllow()
	want := map[string]Codes{
		"CONSULTS": {"CONSULT", "04"}, "VISITS": {"CONSULT", "042"}, "COOPERATES_WITH": {"COOPERATE", "06"},
		"SUPPORTS": {"SUPPORT", "05"}, "AIDS": {"AID", "07"}, "SANCTIONS": {"SANCTION", "16"},
		"THREATENS": {"THREATEN", "13"}, "ACCUSES": {"ACCUSE", "11"}, "ATTACKS": {"ASSAULT", "18"},
		"DEPLOYS_FORCES_TO": {"MOBILIZE", "15"}, "PARTY_TO": {"SUPPORT", "057"}, "SIGNED": {"SUPPORT", "057"},
		"LEADS": {}, "MEMBER_OF": {}, "HAS_CLAUSE": {}, "LACKS_CLAUSE": {},
	}
	if got := a.Predicates(); len(got) != len(want) {
		t.Fatalf("predicates = %v, want the 16 of ONTOLOGY §2", got)
	}
	for p, c := range want {
		info, err := a.Predicate(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Codes != c {
			t.Errorf("%s codes = %v, want %v", p, info.Codes, c)
		}
	}
}

func TestLabelOfID(t *testing.T) {
	for id, want := range map[string]string{
		"country:RUS": "Country", "org:NATO": "Organization", "group:WEST": "Group",
		"person:vladimir-putin": "Person", "agreement:IRN-RUS:treaty": "Agreement",
		"clause:mutual_defense": "Clause", "doc:3f2a": "Document", "ship:x": "", "RUS": "",
	} {
		if got := LabelOfID(id); got != want {
			t.Errorf("LabelOfID(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestStatementsUseOnlyAllowedIdentifiers(t *testing.T) {
	// Every statement the loader can build comes from allow-listed names; check
	// that building them from the allow-list gives text with no stray syntax.
	a := DefaultAllow()
	for _, l := range a.Labels() {
		for _, s := range []string{neo.ConstraintCypher(l), neo.NodeMerge(l), neo.MentionMerge(l)} {
			if strings.ContainsAny(s, "`;") {
				t.Errorf("statement for %s has quoting or ';': %s", l, s)
			}
		}
	}
}
