package graph_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/graph/graphtest"
)

// readInput reads testdata JSONL files into one Input.
func readInput(t testing.TB, names ...string) *graph.Input {
	t.Helper()
	in := &graph.Input{}
	for _, n := range names {
		path := filepath.Join("testdata", n)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		err = in.ReadJSONL(f, path, graph.DefaultAllow())
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return in
}

func load(t testing.TB, c *graph.Client, in *graph.Input) graph.Summary {
	t.Helper()
	l := &graph.Loader{Client: c}
	s, err := l.Load(context.Background(), in)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return s
}

var allFixtures = []string{"doc-a.jsonl", "doc-b.jsonl", "doc-c.jsonl", "inject.jsonl"}

func TestLoadIsIdempotent(t *testing.T) {
	c := graphtest.Client(t)
	first := load(t, c, readInput(t, allFixtures...))
	if first.NodesCreated != first.Entities+first.Documents || first.NodesUpdated != 0 {
		t.Errorf("first load: %d nodes created, %d updated; want %d created", first.NodesCreated, first.NodesUpdated, first.Entities+first.Documents)
	}
	if first.RelsCreated != first.Relations || first.Unmatched != 0 {
		t.Errorf("first load: %d relationships created (want %d), %d unmatched", first.RelsCreated, first.Relations, first.Unmatched)
	}
	before := graphtest.Snapshot(t, c)

	second := load(t, c, readInput(t, allFixtures...))
	if second.NodesCreated != 0 || second.NodesUpdated != first.NodesCreated ||
		second.RelsCreated != 0 || second.RelsUpdated != first.RelsCreated ||
		second.MentionsCreated != 0 || second.MentionsUpdated != first.MentionsCreated {
		t.Errorf("reload: %+v\nwant nothing created and everything of %+v updated", second, first)
	}
	graphtest.Compare(t, "graph after reload", graphtest.Snapshot(t, c), before)
}

func TestLoadIsIncremental(t *testing.T) {
	c := graphtest.Client(t)
	a := load(t, c, readInput(t, "doc-a.jsonl"))
	b := load(t, c, readInput(t, "doc-b.jsonl"))
	// doc-b shares Russia, Iran, North Korea and the mutual-defence clause with doc-a.
	if b.NodesUpdated != 4 || b.NodesCreated != b.Entities+b.Documents-4 {
		t.Errorf("second document: %d nodes created, %d updated; want 4 shared", b.NodesCreated, b.NodesUpdated)
	}
	// CONSULTS Iran–Russia is in both: one relationship, two sources, two sentences.
	if b.RelsUpdated != 1 {
		t.Errorf("second document updated %d relationships, want 1 (CONSULTS)", b.RelsUpdated)
	}
	tab, err := c.Run(context.Background(), `MATCH (:Country {id: 'country:IRN'})-[r:CONSULTS]->(:Country {id: 'country:RUS'})
		RETURN r.sources, r.evidence, r.confidence`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 1 {
		t.Fatalf("%d CONSULTS relationships, want 1", len(tab.Rows))
	}
	got := fmt.Sprint(tab.Rows[0])
	want := "[[doc:aaaa000000000001 doc:bbbb000000000002] [Moscou et Téhéran se consulteront régulièrement. Tehran and Moscow held talks on the treaty.] 0.7]"
	if got != want {
		t.Errorf("CONSULTS = %s\nwant       %s", got, want)
	}
	// Loading the first document again changes nothing.
	before := graphtest.Snapshot(t, c)
	again := load(t, c, readInput(t, "doc-a.jsonl"))
	if again.NodesCreated != 0 || again.RelsCreated != 0 || again.RelsUpdated != a.RelsCreated {
		t.Errorf("reloading doc-a: %+v", again)
	}
	graphtest.Compare(t, "graph after reloading doc-a", graphtest.Snapshot(t, c), before)
}

func TestInjectionIsStoredAsText(t *testing.T) {
	c := graphtest.Client(t)
	load(t, c, readInput(t, "doc-a.jsonl"))
	before := len(graphtest.Snapshot(t, c))
	load(t, c, readInput(t, "inject.jsonl"))
	ctx := context.Background()
	tab, err := c.Run(ctx, `MATCH (d:Document {id: 'doc:dddd000000000004'})
		MATCH (f:Country {id: 'country:FRA'})-[r:ACCUSES]->(g:Country {id: 'country:DEU'})
		RETURN d.title, d.source, f.name, f.note, f[$key], g.name, r.domain, r.evidence[0]`,
		map[string]any{"key": "weird key `x`"})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 1 {
		t.Fatalf("%d rows, want the injected document and its fact", len(tab.Rows))
	}
	want := []any{
		"Quote ' and \" and `backtick` }) DETACH DELETE n //",
		"testdata/inject.txt'); MATCH (n) DETACH DELETE n //",
		"France`) DETACH DELETE n //",
		"'}) MATCH (m) DETACH DELETE m RETURN 1 //",
		`value with \ backslash`,
		"Germany\"}) DETACH DELETE n //",
		"` }) DETACH DELETE n //",
		"He said: \"'}) DETACH DELETE n // and `x` ${rows} $rows\"",
	}
	for i, w := range want {
		if tab.Rows[0][i] != w {
			t.Errorf("column %s = %q, want %q", tab.Columns[i], tab.Rows[0][i], w)
		}
	}
	// Nothing was deleted: doc-a's graph is all there, plus 3 nodes, 1 fact, 2 mentions.
	if after := len(graphtest.Snapshot(t, c)); after != before+6 {
		t.Errorf("graph has %d nodes and relationships, want %d", after, before+6)
	}
}

func TestPerFactLoaderGivesTheSameGraph(t *testing.T) {
	c := graphtest.Client(t)
	in := readInput(t, allFixtures...)
	load(t, c, in)
	batched := graphtest.Snapshot(t, c)
	graphtest.Clean(t, c)
	l := &graph.Loader{Client: c, PerFact: true}
	s, err := l.Load(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if s.Statements < len(in.Facts) {
		t.Errorf("per-fact load ran %d statements for %d facts", s.Statements, len(in.Facts))
	}
	graphtest.Compare(t, "per-fact graph", graphtest.Snapshot(t, c), batched)
}

func TestNamedQueries(t *testing.T) {
	c := graphtest.Client(t)
	load(t, c, readInput(t, allFixtures...))
	reg := graph.DefaultQueries()
	const (
		irn = "agreement:IRN-RUS:comprehensive_strategic_partnership:2025"
		prk = "agreement:PRK-RUS:comprehensive_strategic_partnership:2024"
		blr = "agreement:BLR-RUS:security_pact:2024"
	)
	for _, tc := range []struct {
		name  string
		query string
		given map[string]string
		cols  []int // the columns compared, in order
		want  []string
	}{
		{"partners of Russia by default", "partners", nil, []int{0, 2, 3}, []string{
			"[country:BLR PARTY_TO " + blr + "]",
			"[country:IRN CONSULTS <nil>]",
			"[country:IRN PARTY_TO " + irn + "]",
			"[country:PRK PARTY_TO " + prk + "]",
			// China's negated PARTY_TO does not make it a partner.
		}},
		{"partners by French name", "partners", map[string]string{"country": "Corée du Nord"}, []int{0, 2, 3}, []string{
			"[country:RUS PARTY_TO " + prk + "]",
		}},
		{"agreements with mutual defence", "agreements-with-clause", nil, []int{0, 4}, []string{
			"[" + blr + " [country:BLR country:RUS]]",
			"[" + prk + " [country:PRK country:RUS]]",
		}},
		{"agreements with a clause given with prefix", "agreements-with-clause", map[string]string{"clause": "clause:military_technical_cooperation"}, []int{0}, []string{
			"[" + irn + "]",
		}},
		{"agreements lacking mutual defence", "agreements-lacking-clause", nil, []int{0, 4}, []string{
			"[" + irn + " [country:IRN country:RUS]]",
		}},
		{"clause matrix", "clause-matrix", map[string]string{"agreement": irn}, []int{0, 1}, []string{
			"[mutual_defense lacks]", "[offense ]", "[neutrality ]", "[non_aggression ]", "[consultation ]",
			"[military_exercises ]", "[military_training ]", "[port_visits ]", "[security_cooperation ]",
			"[military_technical_cooperation has]", "[arms_transfer ]", "[military_bases ]", "[integrated_command ]",
			"[economic_cooperation ]", "[energy_cooperation ]", "[nuclear_cooperation ]", "[technology_cooperation ]",
		}},
		{"mutual defence network of Belarus", "mutual-defense-network", map[string]string{"country": "belarus"}, []int{0, 2, 3}, []string{
			"[country:RUS 1 [" + blr + "]]",
			"[country:PRK 2 [" + blr + " country:RUS " + prk + "]]",
		}},
		{"mutual defence network of Russia", "mutual-defense-network", map[string]string{"country": "RUS"}, []int{0, 2}, []string{
			"[country:BLR 1]", "[country:PRK 1]", // not Iran: its treaty lacks the clause
		}},
		{"all sanctions", "sanctions", nil, []int{0, 2, 4, 5}, []string{
			"[country:USA country:RUS false asserted]",
			"[org:EU country:PRK false future]",
		}},
		{"sanctions on North Korea", "sanctions", map[string]string{"country": "country:PRK"}, []int{0, 2}, []string{
			"[org:EU country:PRK]",
		}},
		{"evidence, symmetric, by names", "evidence", map[string]string{"subject": "Russie", "type": "CONSULTS", "object": "iran"}, []int{0, 1, 2, 8}, []string{
			"[country:IRN CONSULTS country:RUS Moscou et Téhéran se consulteront régulièrement.]",
			"[country:IRN CONSULTS country:RUS Tehran and Moscow held talks on the treaty.]",
		}},
		{"evidence of an attribution", "evidence", map[string]string{"subject": "country:PRK", "type": "DEPLOYS_FORCES_TO", "object": "country:UKR"}, []int{4, 5, 8}, []string{
			"[alleged group:WEST Selon les Occidentaux, la Corée du Nord a envoyé des troupes en Ukraine.]",
		}},
		{"evidence of a negated fact", "evidence", map[string]string{"subject": "China", "type": "PARTY_TO", "object": prk}, []int{3, 8}, []string{
			"[true China did not sign the treaty.]",
		}},
		{"shortest path", "shortest-path", map[string]string{"from": "country:BLR", "to": "country:PRK"}, []int{0, 1, 2, 3, 4}, []string{
			"[1 country:BLR -> PARTY_TO " + blr + "]",
			"[2 " + blr + " <- PARTY_TO country:RUS]",
			"[3 country:RUS -> PARTY_TO " + prk + "]",
			"[4 " + prk + " <- PARTY_TO country:PRK]",
		}},
		{"shortest path ignores negated facts", "shortest-path", map[string]string{"from": "China", "to": "Russia"}, []int{0}, nil},
		{"defence clauses of Russia (the demo)", "defense-clauses", nil, []int{0, 4, 5}, []string{
			"[" + blr + " [country:BLR] has mutual defence]",
			"[" + prk + " [country:PRK] has mutual defence]",
			"[" + irn + " [country:IRN] lacks mutual defence]",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, ok := reg.Lookup(tc.query)
			if !ok {
				t.Fatalf("no query %s", tc.query)
			}
			tab, err := c.RunNamed(context.Background(), q, tc.given)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range tab.Rows {
				var cells []any
				for _, i := range tc.cols {
					cells = append(cells, r[i])
				}
				got = append(got, fmt.Sprint(cells))
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("rows (columns %v of %v):\n got %q\nwant %q", tc.cols, tab.Columns, got, tc.want)
			}
		})
	}
}

func TestResolveErrors(t *testing.T) {
	c := graphtest.Client(t)
	load(t, c, readInput(t, "doc-a.jsonl"))
	_, err := c.Resolve(context.Background(), "Country", "Atlantis")
	if err == nil || graph.KindOf(err) != graph.KindInput {
		t.Errorf("Resolve(Atlantis) = %v, want an input error", err)
	}
	id, err := c.Resolve(context.Background(), "Country", "country:ZZZ")
	if err != nil || id != "country:ZZZ" {
		t.Errorf("an id not in the graph resolves to itself: %q, %v", id, err)
	}
}

func TestConnectErrors(t *testing.T) {
	graphtest.Client(t) // the server must be there for the other cases to mean anything
	ctx := context.Background()
	base := graphtest.Config()

	closed := base
	closed.URI = "bolt://127.0.0.1:1" // nothing listens on port 1
	if _, err := graph.Connect(ctx, closed); graph.KindOf(err) != graph.KindUnreachable {
		t.Errorf("closed port: kind %v (%v), want unreachable", graph.KindOf(err), err)
	}
	bad := base
	bad.Password = "not-the-password"
	if _, err := graph.Connect(ctx, bad); graph.KindOf(err) != graph.KindAuth {
		t.Errorf("wrong password: kind %v (%v), want authentication failed", graph.KindOf(err), err)
	}
	missing := base
	missing.Database = "nosuchdb"
	if _, err := graph.Connect(ctx, missing); graph.KindOf(err) != graph.KindDatabase {
		t.Errorf("missing database: kind %v (%v), want database missing", graph.KindOf(err), err)
	}
	scheme := base
	scheme.URI = "http://127.0.0.1:7474"
	if _, err := graph.Connect(ctx, scheme); graph.KindOf(err) != graph.KindConfig {
		t.Errorf("http scheme: kind %v (%v), want bad configuration", graph.KindOf(err), err)
	}
}

func TestResolveAliases(t *testing.T) {
	c := graphtest.Client(t)
	load(t, c, readInput(t, "doc-b.jsonl"))
	a := graph.Aliases{}
	a.Add("Moscou", "country:RUS")
	a.Add("Pyongyang", "country:PRK")
	a.Add("Corée", "country:PRK")
	a.Add("Corée", "country:KOR")
	c.SetAliases(a)
	ctx := context.Background()
	if id, err := c.Resolve(ctx, "Country", "moscou"); err != nil || id != "country:RUS" {
		t.Errorf("Resolve(moscou) = %q, %v", id, err)
	}
	if id, err := c.Resolve(ctx, "Country", "Russia"); err != nil || id != "country:RUS" {
		t.Errorf("the graph's own name first: %q, %v", id, err)
	}
	if _, err := c.Resolve(ctx, "Country", "Corée"); err == nil || !strings.Contains(err.Error(), "ambiguous: country:PRK, country:KOR") {
		t.Errorf("Resolve(Corée) = %v, want ambiguous", err)
	}
	if _, err := c.Resolve(ctx, "Organization", "Pyongyang"); err == nil {
		t.Error("an alias of another label was used")
	}
}
