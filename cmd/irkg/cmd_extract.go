package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/irkg/irkg/export"
	"github.com/irkg/irkg/kg"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

type extractOptions struct {
	inputOptions
	Format string
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
		Usage:     "extract facts from articles and write them as JSONL (the contract) or a table",
		ArgsUsage: "FILE|DIR|URL|- ...",
		Description: `Reads articles (text with optional YAML front matter, HTML pages, RSS/Atom feeds,
JSONL dumps; directories recursively; - for stdin) and writes one JSON record per
line: a document record, the entities its facts use, then its facts.

Examples:
   irkg extract testdata/articles/
   irkg extract --format table article.txt
   cat article.txt | irkg extract --lang fr -`,
		Flags: append(inputFlags(),
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "jsonl", Usage: "jsonl or table"},
		),
		Action: func(c *cli.Context) error {
			in, err := readInputOptions(c)
			if err != nil {
				return err
			}
			opts := extractOptions{inputOptions: in, Format: c.String("format")}
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

func runExtract(ctx context.Context, opts extractOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	var w resultWriter
	switch opts.Format {
	case "jsonl":
		w = export.NewJSONL(stdout)
	case "table":
		w = export.NewTable(stdout)
	default:
		return usageErr("--format: %q is not one of jsonl, table", opts.Format)
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
	return nil
}
