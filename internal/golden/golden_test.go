package golden

import (
	"reflect"
	"testing"
)

func TestDiff(t *testing.T) {
	missing, extra := Diff("a\nb\nc", "a\nc\nd")
	if !reflect.DeepEqual(missing, []string{"b"}) || !reflect.DeepEqual(extra, []string{"d"}) {
		t.Fatalf("missing %v extra %v", missing, extra)
	}
}
