package schemas

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEmbeddedSchemaIsTheContract(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	// ONTOLOGY §2 and §3
	for _, p := range []string{"LEADS", "MEMBER_OF", "PARTY_TO", "SIGNED", "HAS_CLAUSE", "LACKS_CLAUSE", "CONSULTS", "VISITS",
		"COOPERATES_WITH", "SUPPORTS", "AIDS", "SANCTIONS", "THREATENS", "ACCUSES", "ATTACKS", "DEPLOYS_FORCES_TO"} {
		if _, ok := s.Predicate(p); !ok {
			t.Errorf("predicate %s missing", p)
		}
	}
	if len(s.Ontology.Predicates) != 16 || len(s.Ontology.Clauses) != 17 || len(s.Ontology.AgreementKinds) != 14 {
		t.Errorf("got %d predicates, %d clauses, %d kinds; the contract has 16, 17, 14",
			len(s.Ontology.Predicates), len(s.Ontology.Clauses), len(s.Ontology.AgreementKinds))
	}
	for _, p := range []string{"CONSULTS", "COOPERATES_WITH"} {
		if pr, _ := s.Predicate(p); !pr.Symmetric {
			t.Errorf("%s must be symmetric", p)
		}
	}
	for _, l := range []string{"fr", "en"} {
		if s.Lexicons[l] == nil || len(s.Lexicons[l].Relations) == 0 {
			t.Errorf("no %s lexicon", l)
		}
	}
	for _, id := range []string{"country:RUS", "country:XKX", "org:NATO", "org:UNSC", "group:WEST", "person:vladimir-putin"} {
		if _, ok := s.Entity(id); !ok {
			t.Errorf("gazetteer lacks %s", id)
		}
	}
}

func TestUserSchemaExtends(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mine.yaml")
	os.WriteFile(p, []byte(`predicates:
  - {name: NEGOTIATES_WITH, symmetric: true, description: talks about a deal}
clauses:
  - {type: cyber_cooperation, description: cyber defence}
lexicons:
  en:
    clauses:
      - {clause: cyber_cooperation, forms: ["cyber defence", "cyber defense"]}
entities:
  - {id: group:BRICS_PLUS, label: Group, name: BRICS+, names: {en: ["BRICS+"]}}
`), 0o644)
	s, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Predicate("NEGOTIATES_WITH"); !ok || !s.HasClause("cyber_cooperation") {
		t.Fatal("extension not applied")
	}
	if _, ok := s.Predicate("LEADS"); !ok {
		t.Fatal("extension replaced the contract")
	}
	if _, ok := s.Entity("group:BRICS_PLUS"); !ok {
		t.Fatal("entity not added")
	}
}

func TestUserSchemaErrorsNameFileAndLine(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string
	}{
		{"unknown key", "predicates:\n  - {name: X_Y, colour: red}\n", []string{"bad.yaml:2", "colour"}},
		{"duplicate predicate and bad label", "predicates:\n  - {name: LEADS}\n  - {name: FOO, subject: [Planet]}\n", []string{"bad.yaml:2: predicate LEADS is defined twice", "bad.yaml:3: predicate FOO names unknown label \"Planet\""}},
		{"unknown clause in a lexicon", "lexicons:\n  fr:\n    clauses:\n      - {clause: teleportation, forms: [téléportation]}\n", []string{"bad.yaml:4", "unknown clause type \"teleportation\""}},
		{"bad entity id", "entities:\n  - {id: country:russia, label: Country}\n", []string{"bad.yaml:2", "country:russia"}},
		{"unknown cue class", "lexicons:\n  en:\n    cues:\n      sarcasm: [yeah right]\n", []string{"unknown cue class \"sarcasm\""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "bad.yaml")
			os.WriteFile(p, []byte(c.yaml), 0o644)
			_, err := Load(p)
			if err == nil {
				t.Fatal("want an error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestMissingUserFile(t *testing.T) {
	if _, err := Load("/nonexistent/mine.yaml"); err == nil || !strings.Contains(err.Error(), "mine.yaml") {
		t.Fatalf("want an error naming the file, got %v", err)
	}
}
