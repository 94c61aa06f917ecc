package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/irkg/irkg/export"
	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/kg"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

type extractOptions struct {
	inputOptions
	Format string
	Out    string // directory of --format neo4j-import
}

// inputFlags are shared by extract and load.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "input-format", Usage: "force the input format: text, html, feed, jsonl (default: detect)"},
		&cli.StringSliceFlag{Name: "schema", Usage: "a YAML file that extends the ontology, lexicons and gazetteers (repeatable)"},
		&cli.IntFlag{Name: "workers", Usage: "extraction workers (default: all cores)"},
		&cli.BoolFlag{Name: "strict", Usage: "stop at the first bad article instead of reporting and skipping it"},
		&cli.StringFlag{Name: "lang", Usage: "force the language of every article (fr or en)"},
	}
}

func readInputOptions(c *cli.Context) (inputOptions, error) {
	o := inputOptions{
		Inputs: c.Args().Slice(), InputFormat: c.String("input-format"), Strict: c.Bool("strict"),
		Workers: c.Int("workers"), SchemaFiles: c.StringSlice("schema"), Lang: c.String("lang"),
	}
	if len(o.Inputs) == 0 {
		return o, usageErr("%s: no input: give files, directories, URLs or - for stdin", c.Command.Name)
	}
	switch o.Lang {
	case "", "fr", "en":
	default:
		return o, usageErr("--lang: %q is not supported (fr or en)", o.Lang)
	}
	return o, nil
}

func extractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "extract facts from articles and write them as JSONL (the contract), a table, a Cypher script or neo4j-admin import files",
		ArgsUsage: "FILE|DIR|URL|- ...",
		Description: `Reads articles (text with optional YAML front matter, HTML pages, RSS/Atom feeds,
JSONL dumps; directories recursively; - for stdin) and writes one JSON record per
line: a document record, the entities its facts use, then its facts.

Formats for big loads, building the graph 'irkg load' builds:
   cypher        a script for cypher-shell: constraints, then UNWIND batches of
                 literal rows that MERGE nodes and relationships on their ids
                 (every value escaped; running it twice changes nothing);
                 written as articles come.
   neo4j-import  node and relationship CSV files for 'neo4j-admin database
                 import full' (the fast path into an empty database), in the
                 directory --out, with schema.cypher for the constraints; the
                 command to run is printed at the end. The importer cannot
                 MERGE, so nodes (by id) and relationships (by subject, type,
                 object, negated, with their sources and evidence) are
                 deduplicated in memory, keyed by id, and written at the end
                 (MENTIONS as articles come): fit for a one-shot first load;
                 memory grows with the distinct entities, relationships and
                 mentions, not with the text. Empty list properties cannot be
                 imported and are left out.

Examples:
   irkg extract testdata/articles/
   irkg extract --format table article.txt
   cat article.txt | irkg extract --lang fr -
   irkg extract --format cypher corpus/ > corpus.cypher
   cypher-shell -u neo4j -p PASSWORD -f corpus.cypher
   irkg extract --format neo4j-import --out import/ corpus/`,
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "jsonl", Usage: "jsonl, table, cypher or neo4j-import"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "the directory of --format neo4j-import (created; must be empty)"},
		),
		Action: func(c *cli.Context) error {
			in, err := readInputOptions(c)
			if err != nil {
				return err
			}
			opts := extractOptions{inputOptions: in, Format: c.String("format"), Out: c.String("out")}
			return runExtract(c.Context, opts, c.App.Reader, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// articleProgress returns a bar counting articles on stderr when stderr is a
// terminal, nil otherwise (logs and pipes get only the summary line).
func articleProgress(stderr io.Writer) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

type resultWriter interface {
	Write(kg.Result) error
	Flush() error
}

// exportOntology is the loader's allow-list as the graph writers take it.
func exportOntology(allow *graph.Allow) export.Ontology {
	o := export.Ontology{Labels: allow.Labels(), Predicates: map[string]export.Predicate{}, LabelOfID: graph.LabelOfID}
	for _, p := range allow.Predicates() {
		info, _ := allow.Predicate(p)
		o.Predicates[p] = export.Predicate{Symmetric: info.Symmetric, Plover: info.Codes.Plover, Cameo: info.Codes.Cameo}
	}
	return o
}

func runExtract(ctx context.Context, opts extractOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if opts.Out != "" && opts.Format != "neo4j-import" {
		return usageErr("--out: only for --format neo4j-import (the other formats write to stdout)")
	}
	var w resultWriter
	var imp *export.Neo4jImport
	switch opts.Format {
	case "jsonl":
		w = export.NewJSONL(stdout)
	case "table":
		w = export.NewTable(stdout)
	case "cypher":
		c, err := export.NewCypher(stdout, exportOntology(graph.DefaultAllow()))
		if err != nil {
			return err
		}
		w = c
	case "neo4j-import":
		if opts.Out == "" {
			return usageErr("--format neo4j-import: --out DIR is required (the files go there, not to stdout)")
		}
		var err error
		if imp, err = export.NewNeo4jImport(opts.Out, exportOntology(graph.DefaultAllow())); err != nil {
			return withCode(exitUsage, fmt.Errorf("--out: %w", err))
		}
		w = imp
	default:
		return usageErr("--format: %q is not one of jsonl, table, cypher, neo4j-import", opts.Format)
	}
	x, err := loadExtractor(opts.SchemaFiles)
	if err != nil {
		return err
	}
	start := time.Now()
	sink := w.Write
	if bar := articleProgress(stderr); bar != nil {
		facts := 0
		sink = func(r kg.Result) error {
			facts += len(r.Facts)
			bar.Describe(fmt.Sprintf("%d facts (%.0f/s)", facts, float64(facts)/time.Since(start).Seconds()))
			bar.Add(1)
			return w.Write(r)
		}
		defer bar.Finish()
	}
	sum, err := extractAll(ctx, x, opts.inputOptions, stdin, stderr, sink)
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	if err != nil {
		return err
	}
	if sum.Read == 0 && sum.Skipped > 0 {
		return withCode(exitInput, fmt.Errorf("no article could be read (%d skipped)", sum.Skipped))
	}
	fmt.Fprintf(stderr, "irkg: %s\n", sum.line(time.Since(start)))
	if imp != nil {
		printImport(stderr, imp)
	}
	return nil
}

// printImport tells what a neo4j-import export wrote and how to import it.
func printImport(stderr io.Writer, imp *export.Neo4jImport) {
	st := imp.Stats()
	fmt.Fprintf(stderr, "irkg: wrote %d node and %d relationship files: %d documents, %d entities, %d relationships, %d mentions\n",
		st.NodeFiles, st.RelFiles, st.Documents, st.Entities, st.Relationships, st.Mentions)
	if st.Dropped > 0 {
		fmt.Fprintf(stderr, "irkg: %d relationships left out: an end is not a node (irkg load skips them too)\n", st.Dropped)
	}
	if st.EmptyLists > 0 {
		fmt.Fprintf(stderr, "irkg: %d empty list properties left out: the importer cannot store them\n", st.EmptyLists)
	}
	fmt.Fprintf(stderr, "irkg: with Neo4j stopped, import into a database that does not exist or is empty (add --overwrite-destination=true to replace one):\n")
	fmt.Fprintf(stderr, "%s\n", export.ShellQuote(imp.Command("neo4j")))
	fmt.Fprintf(stderr, "irkg: then start Neo4j and create the constraints irkg load would:\n")
	fmt.Fprintf(stderr, "%s\n", export.ShellQuote([]string{"cypher-shell", "-u", "neo4j", "-p", "PASSWORD", "-f", imp.SchemaFile()}))
}
