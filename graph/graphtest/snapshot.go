package graphtest

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/irkg/irkg/graph"
)

// Snapshot is the whole graph as canonical, sorted text: one line per node
// (labels, properties) and per relationship (ends, type, properties). Values
// carry their type, so a float that became an integer, or a list that became a
// string, shows.
func Snapshot(t testing.TB, c *graph.Client) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	nodes, err := c.Run(ctx, "MATCH (n) RETURN labels(n), properties(n)", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range nodes.Rows {
		out = append(out, "N "+canon(r[0])+" "+canon(r[1]))
	}
	rels, err := c.Run(ctx, "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels.Rows {
		out = append(out, fmt.Sprintf("R %s -%s-> %s %s", canon(r[0]), r[1], canon(r[2]), canon(r[3])))
	}
	sort.Strings(out)
	return out
}

func canon(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case int64:
		return "int:" + strconv.FormatInt(x, 10)
	case float64:
		return "float:" + strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = canon(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + canon(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprintf("%T:%v", v, v)
}

// Compare reports the lines one snapshot has and the other lacks (at most 20
// of each) and a difference in length.
func Compare(t testing.TB, what string, got, want []string) {
	t.Helper()
	g, w := map[string]bool{}, map[string]bool{}
	for _, x := range got {
		g[x] = true
	}
	for _, x := range want {
		w[x] = true
	}
	n := 0
	for _, x := range want {
		if !g[x] && n < 20 {
			t.Errorf("%s: missing %s", what, x)
			n++
		}
	}
	n = 0
	for _, x := range got {
		if !w[x] && n < 20 {
			t.Errorf("%s: extra %s", what, x)
			n++
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d lines, want %d", what, len(got), len(want))
	}
}
