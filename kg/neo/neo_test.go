package neo

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
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
