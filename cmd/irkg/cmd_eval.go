package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/irkg/irkg/eval"
	"github.com/irkg/irkg/extract"
	"github.com/irkg/irkg/ingest"
	"github.com/irkg/irkg/kg"
	"github.com/urfave/cli/v2"
)

type evalOptions struct {
	Dir         string
	GoldDir     string
	Show        bool
	SchemaFiles []string
	MinF1       float64
}

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score extraction against gold annotations (ONTOLOGY §6)",
		ArgsUsage: "DIR",
		Description: `Extracts every NAME.txt of DIR that has a NAME.gold.yaml (beside it, or in --gold-dir)
and prints per-document and micro-averaged precision, recall and F1, with attribution,
modality and agreement-kind accuracy.

Examples:
   irkg eval ../shared/corpus/dev
   irkg eval --show testdata/corpus
   irkg eval --min-f1 0.75 testdata/corpus   # exit 1 below the threshold`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold-dir", Usage: "where the NAME.gold.yaml files are (default: DIR)"},
			&cli.BoolFlag{Name: "show", Usage: "list missed and extra facts per document"},
			&cli.StringSliceFlag{Name: "schema", Usage: "a YAML file that extends the schema (repeatable)"},
			&cli.Float64Flag{Name: "min-f1", Usage: "fail (exit 1) when the micro F1 is below this"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("eval: give one directory")
			}
			o := evalOptions{Dir: c.Args().First(), GoldDir: c.String("gold-dir"), Show: c.Bool("show"),
				SchemaFiles: c.StringSlice("schema"), MinF1: c.Float64("min-f1")}
			return runEval(c.Context, o, c.App.Writer, c.App.ErrWriter)
		},
	}
}

func evalConfig(x *extract.Extractor) eval.Config {
	cfg := eval.Config{Predicates: map[string]bool{}, Symmetric: map[string]bool{}}
	for _, p := range []string{"LEADS", "MEMBER_OF", "PARTY_TO", "SIGNED", "HAS_CLAUSE", "LACKS_CLAUSE", "CONSULTS", "VISITS", "COOPERATES_WITH", "SUPPORTS", "AIDS", "SANCTIONS", "THREATENS", "ACCUSES", "ATTACKS", "DEPLOYS_FORCES_TO"} {
		cfg.Predicates[p] = true
	}
	cfg.Symmetric["CONSULTS"] = true
	cfg.Symmetric["COOPERATES_WITH"] = true
	return cfg
}

func runEval(ctx context.Context, o evalOptions, stdout, stderr io.Writer) error {
	if o.GoldDir == "" {
		o.GoldDir = o.Dir
	}
	entries, err := os.ReadDir(o.Dir)
	if err != nil {
		return withCode(exitInput, fmt.Errorf("eval: %w", err))
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			name := strings.TrimSuffix(e.Name(), ".txt")
			if _, err := os.Stat(filepath.Join(o.GoldDir, name+".gold.yaml")); err == nil {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return withCode(exitInput, fmt.Errorf("eval: no NAME.txt with a NAME.gold.yaml in %s", o.Dir))
	}
	x, err := loadExtractor(o.SchemaFiles)
	if err != nil {
		return err
	}
	cfg := evalConfig(x)
	var total eval.Total
	fmt.Fprintf(stdout, "%-58s %5s %5s %5s %6s %6s %6s\n", "document", "pred", "gold", "match", "P", "R", "F1")
	var details strings.Builder
	for _, name := range names {
		g, err := eval.LoadGold(filepath.Join(o.GoldDir, name+".gold.yaml"))
		if err != nil {
			return withCode(exitInput, err)
		}
		path := filepath.Join(o.Dir, name+".txt")
		var art *kg.Article
		// the gold's language settles what detection cannot (a very short article)
		_, err = ingest.Read(ctx, []string{path}, ingest.Options{Format: "text", Strict: true, Lang: g.Lang}, func(a kg.Article) error {
			art = &a
			return nil
		})
		if err != nil {
			return withCode(exitInput, fmt.Errorf("eval: %w", err))
		}
		if art == nil {
			return withCode(exitInput, fmt.Errorf("eval: %s: no article", path))
		}
		if art.Lang == "" {
			art.Lang = g.Lang
		}
		res, err := x.Extract(*art)
		if err != nil {
			return withCode(exitInput, fmt.Errorf("eval: %s: %w", path, err))
		}
		ds := eval.Score(name, res, g, cfg)
		total.Add(ds)
		p, r, f := eval.PRF(ds.Matched, ds.Predicted, ds.Required)
		fmt.Fprintf(stdout, "%-58s %5d %5d %5d %6.3f %6.3f %6.3f\n", trunc(name, 58), ds.Predicted, ds.Required, ds.Matched, p, r, f)
		if o.Show {
			fmt.Fprintf(&details, "\n%s\n", name)
			for _, k := range ds.Missed {
				fmt.Fprintf(&details, "  missed %s\n", k)
			}
			for _, k := range ds.Extra {
				fmt.Fprintf(&details, "  extra  %s\n", k)
			}
		}
	}
	p, r, f := eval.PRF(total.Matched, total.Predicted, total.Required)
	fmt.Fprintf(stdout, "%-58s %5d %5d %5d %6.3f %6.3f %6.3f\n", fmt.Sprintf("micro (%d documents)", total.Docs), total.Predicted, total.Required, total.Matched, p, r, f)
	fmt.Fprintf(stdout, "attribution accuracy %s, modality accuracy %s, agreement kind accuracy %s\n",
		pct(total.AttrRight, total.AttrTotal), pct(total.ModRight, total.ModTotal), pct(total.KindRight, total.KindTotal))
	fmt.Fprint(stdout, details.String())
	if o.MinF1 > 0 && f < o.MinF1 {
		return fmt.Errorf("micro F1 %.3f is below --min-f1 %.3f", f, o.MinF1)
	}
	return nil
}

func pct(right, total int) string {
	if total == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%d/%d (%.0f%%)", right, total, 100*float64(right)/float64(total))
}

func trunc(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
