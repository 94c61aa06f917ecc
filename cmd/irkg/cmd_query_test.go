package main

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/graph/graphtest"
)

func TestParseQueryTail(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		params []string
		format string
		err    string
	}{
		{"flags after the name", []string{"--param", "country=Russie", "-p=x=y", "--format", "json"}, []string{"country=Russie", "x=y"}, "json", ""},
		{"bare parameters", []string{"country=RUS", "-f=csv"}, []string{"country=RUS"}, "csv", ""},
		{"a second name", []string{"sanctions"}, nil, "table", "one query name at a time"},
		{"other flag", []string{"--uri", "bolt://x"}, nil, "table", "put it before the name"},
		{"missing value", []string{"--param"}, nil, "table", "needs a value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := queryOptions{Format: "table"}
			err := parseQueryTail(tc.args, &opts)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || exitCode(err) != exitUsage {
					t.Fatalf("err = %v, want usage error %q", err, tc.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(opts.Params, tc.params) || opts.Format != tc.format {
				t.Fatalf("params %v format %q err %v", opts.Params, opts.Format, err)
			}
		})
	}
}

func TestWriters(t *testing.T) {
	tab := &graph.Table{Columns: []string{"id", "parties", "n", "x", "text"},
		Rows: [][]any{{"agreement:A", []any{"country:IRN", "country:RUS"}, int64(2), nil, "a \"quoted\", text"}}}
	var b bytes.Buffer
	if err := writeJSON(&b, tab); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(b.Bytes(), &rows); err != nil {
		t.Fatalf("json output does not parse: %v\n%s", err, b.String())
	}
	if len(rows) != 1 || rows[0]["id"] != "agreement:A" || rows[0]["x"] != nil || rows[0]["n"] != 2.0 {
		t.Errorf("json rows = %v", rows)
	}
	b.Reset()
	writeCSV(&b, tab)
	if want := "id,parties,n,x,text\nagreement:A,\"[\"\"country:IRN\"\",\"\"country:RUS\"\"]\",2,,\"a \"\"quoted\"\", text\"\n"; b.String() != want {
		t.Errorf("csv = %q, want %q", b.String(), want)
	}
	b.Reset()
	writeTable(&b, tab)
	if !strings.Contains(b.String(), "country:IRN, country:RUS") {
		t.Errorf("table = %q", b.String())
	}
	b.Reset()
	if err := writeJSON(&b, &graph.Table{Columns: []string{"a"}}); err != nil || b.String() != "[]\n" {
		t.Errorf("empty json = %q, %v", b.String(), err)
	}
}

func TestQueryListAndShowNeedNoServer(t *testing.T) {
	var out, errOut bytes.Buffer
	opts := queryOptions{List: true, neo4jOptions: neo4jOptions{URI: "bolt://127.0.0.1:1"}}
	if err := runQuery(context.Background(), opts, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(graph.DefaultQueries().Names()) || !strings.HasPrefix(lines[0], "agreements-lacking-clause") {
		t.Errorf("--list:\n%s", out.String())
	}
	out.Reset()
	opts = queryOptions{Name: "defense-clauses", Show: true, Format: "table", neo4jOptions: neo4jOptions{URI: "bolt://127.0.0.1:1"}}
	if err := runQuery(context.Background(), opts, &out, &errOut); err != nil || !strings.Contains(out.String(), "MATCH (c:Country {id: $country})") {
		t.Errorf("--show: %v\n%s", err, out.String())
	}
}

func TestQueryUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		opts queryOptions
		want string
	}{
		{queryOptions{Format: "table"}, "no query name"},
		{queryOptions{Name: "nope", Format: "table"}, `no query named "nope"`},
		{queryOptions{Name: "partners", Format: "xml"}, "--format"},
		{queryOptions{Name: "partners", Format: "table", Params: []string{"nokey"}}, "want name=value"},
		{queryOptions{Name: "partners", Format: "table", Params: []string{"zz=1"}}, "unknown parameter zz"},
		{queryOptions{Name: "evidence", Format: "table"}, "parameter object is required"},
		{queryOptions{Name: "partners", Cypher: "RETURN 1", Format: "table"}, "not both"},
	} {
		err := runQuery(context.Background(), tc.opts, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || exitCode(err) != exitUsage || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err = %v (exit %d), want usage error %q", tc.opts, err, exitCode(err), tc.want)
		}
	}
}

// localNeo4j is the test server's connection, from the environment.
func localNeo4j() neo4jOptions {
	cfg := graphtest.Config()
	return neo4jOptions{URI: cfg.URI, Username: cfg.Username, Password: cfg.Password, Database: cfg.Database}
}

func TestLoadThenQuery(t *testing.T) {
	graphtest.Client(t) // lock and empty the server, or skip without one
	ctx := context.Background()
	var out, errOut bytes.Buffer
	lopts := loadOptions{neo4jOptions: localNeo4j(), Input: "auto", BatchSize: 100, Progress: "auto",
		inputOptions: inputOptions{Inputs: []string{"../../graph/testdata"}}}
	if err := runLoad(ctx, lopts, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("load: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "loaded 4 documents, 18 entities, 20 facts") ||
		!strings.Contains(out.String(), "nodes: 22 created, 0 updated; relationships: 19 created, 0 updated") {
		t.Errorf("load summary:\n%s", out.String())
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr is not a terminal, yet: %q", errOut.String())
	}

	out.Reset()
	qopts := queryOptions{neo4jOptions: localNeo4j(), Name: "defense-clauses", Params: []string{"country=Russie"}, Format: "json"}
	if err := runQuery(ctx, qopts, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	var got []string
	for _, r := range rows {
		got = append(got, r["agreement"].(string)+" "+r["mutual_defense"].(string))
	}
	want := []string{
		"agreement:BLR-RUS:security_pact:2024 has mutual defence",
		"agreement:PRK-RUS:comprehensive_strategic_partnership:2024 has mutual defence",
		"agreement:IRN-RUS:comprehensive_strategic_partnership:2025 lacks mutual defence",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("defense-clauses = %q, want %q", got, want)
	}

	// A gazetteer name the graph does not hold (the fixture's North Korea has
	// no "DPRK"): resolved through the aliases.
	out.Reset()
	qopts = queryOptions{neo4jOptions: localNeo4j(), Name: "partners", Params: []string{"country=DPRK"}, Format: "csv"}
	if err := runQuery(ctx, qopts, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "country:RUS,Russia,PARTY_TO,agreement:PRK-RUS:comprehensive_strategic_partnership:2024") {
		t.Errorf("partners country=DPRK:\n%s", out.String())
	}

	// Loading from stdin ("-") the same records again: nothing new.
	out.Reset()
	lopts.Inputs = []string{"-"}
	stdin := readAll(t, "../../graph/testdata/doc-a.jsonl")
	if err := runLoad(ctx, lopts, strings.NewReader(stdin), &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "nodes: 0 created, 11 updated; relationships: 0 created, 9 updated") {
		t.Errorf("reload from stdin:\n%s", out.String())
	}
}

func TestExitCodes(t *testing.T) {
	graphtest.Client(t)
	ctx := context.Background()
	q := func(o neo4jOptions) int {
		err := runQuery(ctx, queryOptions{neo4jOptions: o, Name: "sanctions", Format: "table"}, &bytes.Buffer{}, &bytes.Buffer{})
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("error on several lines: %q", err)
		}
		return exitCode(err)
	}
	good := localNeo4j()
	if c := q(good); c != exitOK {
		t.Errorf("good settings: exit %d", c)
	}
	closed := good
	closed.URI = "bolt://127.0.0.1:1"
	if c := q(closed); c != exitNeo4j {
		t.Errorf("closed port: exit %d, want %d", c, exitNeo4j)
	}
	badPw := good
	badPw.Password = "wrong-password"
	if c := q(badPw); c != exitAuth {
		t.Errorf("wrong password: exit %d, want %d", c, exitAuth)
	}
	noDB := good
	noDB.Database = "nosuchdb"
	if c := q(noDB); c != exitDatabase {
		t.Errorf("missing database: exit %d, want %d", c, exitDatabase)
	}
	err := runLoad(ctx, loadOptions{neo4jOptions: good, Input: "jsonl", BatchSize: 10, Progress: "never",
		inputOptions: inputOptions{Inputs: []string{"-"}}},
		strings.NewReader(`{"record":"fact","subject":"country:A","predicate":"SIGNED_SOMETHING","object":"country:B"}`), &bytes.Buffer{}, &bytes.Buffer{})
	if exitCode(err) != exitInput || !strings.Contains(err.Error(), "stdin:1:") {
		t.Errorf("unknown predicate: %v (exit %d), want exit %d naming stdin:1", err, exitCode(err), exitInput)
	}
}

func readAll(t *testing.T, path string) string {
	t.Helper()
	var b bytes.Buffer
	f, err := openFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b.ReadFrom(f)
	return b.String()
}
