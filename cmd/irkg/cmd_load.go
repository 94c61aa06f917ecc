package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/irkg/irkg/extract"
	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/schemas"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// localPassword is the password scripts/neo4j-up.sh gives the local server.
const localPassword = "irkg-local-pw"

// neo4jOptions are the connection flags shared by load and query.
type neo4jOptions struct {
	URI, Username, Password, Database string
}

func neo4jFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "uri", Value: graph.DefaultURI, EnvVars: []string{"NEO4J_URI"},
			Usage: "Neo4j URI: bolt://, neo4j://, or their +s / +ssc TLS forms"},
		&cli.StringFlag{Name: "username", Value: graph.DefaultUsername, EnvVars: []string{"NEO4J_USERNAME"}, Usage: "Neo4j user"},
		&cli.StringFlag{Name: "password", EnvVars: []string{"NEO4J_PASSWORD"},
			Usage: "Neo4j password (default on 127.0.0.1/localhost: " + localPassword + ", the one scripts/neo4j-up.sh sets)"},
		&cli.StringFlag{Name: "database", Value: graph.DefaultDatabase, EnvVars: []string{"NEO4J_DATABASE"}, Usage: "Neo4j database"},
	}
}

func readNeo4jOptions(c *cli.Context) neo4jOptions {
	return neo4jOptions{URI: c.String("uri"), Username: c.String("username"),
		Password: c.String("password"), Database: c.String("database")}
}

// connect opens the graph; its errors carry exit codes 5, 6 or 7.
func (o neo4jOptions) connect(ctx context.Context) (*graph.Client, error) {
	cfg := graph.Config{URI: o.URI, Username: o.Username, Password: o.Password, Database: o.Database}
	if cfg.Password == "" && isLoopback(cfg.URI) {
		cfg.Password = localPassword
	}
	c, err := graph.Connect(ctx, cfg)
	return c, graphErr(err)
}

func isLoopback(uri string) bool {
	u, err := url.Parse(uri)
	if err != nil {
		return false
	}
	h := u.Hostname()
	return h == "localhost" || h == "::1" || strings.HasPrefix(h, "127.")
}

// graphErr gives an error of package graph its exit code.
func graphErr(err error) error {
	if err == nil {
		return nil
	}
	switch graph.KindOf(err) {
	case graph.KindAuth:
		return withCode(exitAuth, err)
	case graph.KindDatabase:
		return withCode(exitDatabase, err)
	case graph.KindInput:
		return withCode(exitInput, err)
	case graph.KindConfig:
		return withCode(exitUsage, err)
	}
	return withCode(exitNeo4j, err)
}

type loadOptions struct {
	neo4jOptions
	inputOptions
	Input           string   // auto or jsonl
	BatchSize       int      // rows per statement
	AllowPredicates []string // extra relationship types
	Progress        string   // auto, always, never
}

func loadCommand() *cli.Command {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "input", Value: "auto",
			Usage: "jsonl: every input holds `irkg extract --format jsonl` records; auto: *.jsonl, *.ndjson and - are records, other files articles"},
		&cli.IntFlag{Name: "batch-size", Value: graph.DefaultBatchSize, Usage: "rows per UNWIND statement"},
		&cli.StringSliceFlag{Name: "allow-predicate", Usage: "also allow this relationship type (repeatable; upper-case identifier)"},
		&cli.StringFlag{Name: "progress", Value: "auto", Usage: "progress bar on stderr: auto (when stderr is a terminal), always, never"},
	}
	flags = append(flags, neo4jFlags()...)
	flags = append(flags, inputFlags()...)
	return &cli.Command{
		Name:      "load",
		Usage:     "load extracted documents, entities and facts into Neo4j",
		ArgsUsage: "FILE|DIR|- ...",
		Description: `Reads the JSONL records of 'irkg extract --format jsonl' (document, entity and fact
records, ONTOLOGY §5) and merges them into Neo4j: a uniqueness constraint on id
per label, nodes by label, then relationships by type, in UNWIND batches. One
relationship per (subject, predicate, object, negated) gathers its sources,
evidence, highest confidence, modality and attribution. Loading the same input
again changes nothing; a new document adds to what is there.

Directories are read recursively (*.jsonl, *.ndjson). Labels and predicates must
be those of the ontology (or --allow-predicate). Connection settings come from
the flags or NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.

Examples:
   bash scripts/neo4j-up.sh
   irkg extract testdata/articles/ > out/facts.jsonl && irkg load out/facts.jsonl
   irkg extract article.txt | irkg load -
   NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io NEO4J_PASSWORD=… irkg load out/`,
		Flags: flags,
		Action: func(c *cli.Context) error {
			opts := loadOptions{
				neo4jOptions: readNeo4jOptions(c),
				inputOptions: inputOptions{Inputs: c.Args().Slice(), InputFormat: c.String("input-format"),
					Strict: c.Bool("strict"), Workers: c.Int("workers"), SchemaFiles: c.StringSlice("schema"), Lang: c.String("lang")},
				Input: c.String("input"), BatchSize: c.Int("batch-size"),
				AllowPredicates: c.StringSlice("allow-predicate"), Progress: c.String("progress"),
			}
			return runLoad(c.Context, opts, c.App.Reader, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func runLoad(ctx context.Context, opts loadOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(opts.Inputs) == 0 {
		return usageErr("load: no input: give JSONL files, directories or - for stdin")
	}
	if opts.Input != "auto" && opts.Input != "jsonl" {
		return usageErr("--input: %q is not one of auto, jsonl", opts.Input)
	}
	if opts.BatchSize < 1 || opts.BatchSize > 100000 {
		return usageErr("--batch-size: %d is not between 1 and 100000", opts.BatchSize)
	}
	switch opts.Progress {
	case "auto", "always", "never":
	default:
		return usageErr("--progress: %q is not one of auto, always, never", opts.Progress)
	}
	allow := graph.DefaultAllow()
	if len(opts.SchemaFiles) > 0 {
		// Predicates that --schema files add are allowed with their settings.
		s, err := schemas.Load(opts.SchemaFiles...)
		if err != nil {
			return withCode(exitSchema, fmt.Errorf("schema: %w", err))
		}
		for _, p := range s.Ontology.Predicates {
			if _, err := allow.Predicate(p.Name); err == nil {
				continue // the ontology's own
			}
			info := graph.PredicateInfo{Symmetric: p.Symmetric, Codes: graph.Codes{Plover: p.Plover, Cameo: p.Cameo}}
			if err := allow.AddPredicate(p.Name, info); err != nil {
				return withCode(exitSchema, fmt.Errorf("schema: %w", err))
			}
		}
	}
	for _, p := range opts.AllowPredicates {
		if err := allow.AddPredicate(p, graph.PredicateInfo{}); err != nil {
			return usageErr("--allow-predicate: %v", err)
		}
	}

	// Records are read whole first: a bad line stops the load before anything is written.
	in := &graph.Input{}
	records, articles, err := splitInputs(opts.Inputs, opts.Input == "jsonl")
	if err != nil {
		return withCode(exitInput, err)
	}
	for _, name := range records {
		if err := readRecords(name, stdin, in, allow); err != nil {
			return withCode(exitInput, err)
		}
	}
	var x *extract.Extractor
	if len(articles) > 0 {
		if x, err = loadExtractor(opts.SchemaFiles); err != nil {
			return err
		}
	}

	client, err := opts.connect(ctx)
	if err != nil {
		return err
	}
	defer client.Close(context.Background())

	l := &graph.Loader{Client: client, Allow: allow, BatchSize: opts.BatchSize}
	var bar *progressbar.ProgressBar
	var total graph.Summary
	if bar = newProgressBar(opts.Progress, stderr); bar != nil {
		defer bar.Finish()
		// Within a chunk, the loader reports the rows (nodes, relationships) written.
		l.Progress = func(done, all int) {
			bar.Describe(fmt.Sprintf("loaded %d documents, %d facts; writing rows %d/%d", total.Documents, total.Facts, done, all))
		}
	}
	start := time.Now()
	flush := func(chunk *graph.Input) error {
		if len(chunk.Facts) == 0 && len(chunk.Entities) == 0 && len(chunk.Documents) == 0 {
			return nil
		}
		sum, err := l.Load(ctx, chunk)
		if err != nil {
			return graphErr(err)
		}
		addSummary(&total, sum)
		if bar != nil {
			bar.Describe(fmt.Sprintf("loaded %d documents, %d facts", total.Documents, total.Facts))
			bar.Add(len(chunk.Documents))
		}
		*chunk = graph.Input{}
		return nil
	}
	if err := flush(in); err != nil {
		return err
	}
	if len(articles) > 0 {
		// Articles stream: extracted on the worker pool, written in chunks, never held whole.
		chunk := &graph.Input{}
		inOpts := opts.inputOptions
		inOpts.Inputs = articles
		sum, err := extractAll(ctx, x, inOpts, stdin, stderr, func(r kg.Result) error {
			chunk.AddResult(r)
			if len(chunk.Facts) >= loadChunkFacts || len(chunk.Documents) >= loadChunkDocs {
				return flush(chunk)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := flush(chunk); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "irkg: %s\n", sum.line(time.Since(start)))
	}
	if total.Documents == 0 && total.Entities == 0 && total.Facts == 0 {
		return withCode(exitInput, errors.New("load: the input holds no records"))
	}
	fmt.Fprintf(stdout, "loaded %d documents, %d entities, %d facts into %s (database %s) in %s\n",
		total.Documents, total.Entities, total.Facts, client.Config().URI, client.Config().Database, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "nodes: %d created, %d updated; relationships: %d created, %d updated; mentions: %d created, %d updated\n",
		total.NodesCreated, total.NodesUpdated, total.RelsCreated, total.RelsUpdated, total.MentionsCreated, total.MentionsUpdated)
	if total.Unmatched > 0 {
		fmt.Fprintf(stderr, "irkg: %d relationships skipped: an end node is not in the graph (an id without an entity record?)\n", total.Unmatched)
	}
	return nil
}

// Articles are written to Neo4j in chunks of this many facts or documents.
const (
	loadChunkFacts = 20000
	loadChunkDocs  = 2000
)

func addSummary(t *graph.Summary, s graph.Summary) {
	t.Documents += s.Documents
	t.Entities += s.Entities
	t.Facts += s.Facts
	t.Relations += s.Relations
	t.NodesCreated += s.NodesCreated
	t.NodesUpdated += s.NodesUpdated
	t.RelsCreated += s.RelsCreated
	t.RelsUpdated += s.RelsUpdated
	t.MentionsCreated += s.MentionsCreated
	t.MentionsUpdated += s.MentionsUpdated
	t.Unmatched += s.Unmatched
	t.Statements += s.Statements
}

// splitInputs expands directories (recursively, sorted) and sorts the inputs
// into JSONL record files and article inputs.
func splitInputs(inputs []string, allRecords bool) (records, articles []string, err error) {
	for _, in := range inputs {
		if in == "-" {
			records = append(records, in)
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			return nil, nil, fmt.Errorf("load: %w", err)
		}
		if !st.IsDir() {
			if allRecords || isRecordFile(in) {
				records = append(records, in)
			} else {
				articles = append(articles, in)
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != in && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("load: %w", err)
		}
		sort.Strings(found)
		for _, p := range found {
			switch {
			case isRecordFile(p):
				records = append(records, p)
			case !allRecords && !strings.HasPrefix(filepath.Base(p), ".") && !strings.HasSuffix(p, ".gold.yaml"):
				articles = append(articles, p) // gold annotations sit beside articles: not articles
			}
		}
	}
	return records, articles, nil
}

// isRecordFile: *.jsonl and *.ndjson files whose first line is an extractor
// record (article dumps in JSONL are articles, not records).
func isRecordFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".jsonl" && ext != ".ndjson" {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return true // let the reader report it
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), graph.MaxLine)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var probe struct {
			Record *string `json:"record"`
		}
		if json.Unmarshal(line, &probe) != nil {
			return true // not JSON: let the reader say where
		}
		return probe.Record != nil
	}
	return true // empty: nothing to load either way
}

func readRecords(name string, stdin io.Reader, in *graph.Input, allow *graph.Allow) error {
	if name == "-" {
		return in.ReadJSONL(stdin, "stdin", allow)
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer f.Close()
	return in.ReadJSONL(f, name, allow)
}

// newProgressBar returns a bar on stderr, or nil when stderr is not a
// terminal (logs and pipes get only the final summary) or --progress=never.
func newProgressBar(mode string, stderr io.Writer) *progressbar.ProgressBar {
	if mode == "never" {
		return nil
	}
	if mode == "auto" {
		f, ok := stderr.(*os.File)
		if !ok || !term.IsTerminal(int(f.Fd())) {
			return nil
		}
	}
	// The number of documents is not known in advance (articles stream): a
	// counter with a spinner, not a bar with a maximum.
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("loading"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("documents"),
		progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}
