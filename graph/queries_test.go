package graph

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestRegistry(t *testing.T) {
	r := DefaultQueries()
	want := []string{"agreements-lacking-clause", "agreements-with-clause", "clause-matrix", "defense-clauses",
		"evidence", "mutual-defense-network", "partners", "sanctions", "shortest-path"}
	if got := r.Names(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("names = %v, want %v", got, want)
	}
	if !sort.StringsAreSorted(r.Names()) {
		t.Error("names not sorted")
	}
	if err := r.Register(Query{Name: "partners", Cypher: "RETURN 1"}); err == nil {
		t.Error("a duplicate name was accepted")
	}
	if err := r.Register(Query{Name: "x", Cypher: "RETURN 1", Params: []Param{{Name: "p"}}}); err == nil {
		t.Error("a parameter missing from the Cypher was accepted")
	}
	q, _ := r.Lookup("defense-clauses")
	if q.Params[0].Default != "country:RUS" {
		t.Errorf("defense-clauses country default = %q", q.Params[0].Default)
	}
	q, _ = r.Lookup("agreements-with-clause")
	if q.Params[0].Default != "mutual_defense" {
		t.Errorf("agreements-with-clause clause default = %q", q.Params[0].Default)
	}
	param := regexp.MustCompile(`\$([a-zA-Z_]+)`)
	for _, q := range r.List() {
		if q.Description == "" || strings.Contains(q.Description, "\n") {
			t.Errorf("%s: description must be one line", q.Name)
		}
		declared := map[string]bool{}
		for _, p := range q.Params {
			declared[p.Name] = true
		}
		for _, m := range param.FindAllStringSubmatch(q.Cypher, -1) {
			if !declared[m[1]] {
				t.Errorf("%s: $%s used but not declared", q.Name, m[1])
			}
		}
	}
}

func TestBind(t *testing.T) {
	q := Query{Name: "q", Cypher: "RETURN $a, $b, $n", Params: []Param{
		{Name: "a", Default: "x"}, {Name: "b", Required: true}, {Name: "n", Kind: ParamInt, Default: "3"}}}
	got, err := q.Bind(map[string]string{"b": "y"})
	if err != nil || got["a"] != "x" || got["b"] != "y" || got["n"] != "3" {
		t.Fatalf("Bind = %v, %v", got, err)
	}
	for _, tc := range []struct {
		given map[string]string
		want  string
	}{
		{map[string]string{}, "parameter b is required"},
		{map[string]string{"b": "y", "zz": "1"}, "unknown parameter zz"},
		{map[string]string{"b": "y", "n": "three"}, `parameter n: "three" is not an integer`},
	} {
		if _, err := q.Bind(tc.given); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Bind(%v) err = %v, want %q", tc.given, err, tc.want)
		}
	}
}
