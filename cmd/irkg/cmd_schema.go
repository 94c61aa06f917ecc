package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/irkg/irkg/schemas"
	"github.com/urfave/cli/v2"
	"gopkg.in/yaml.v3"
)

func schemaCommand() *cli.Command {
	return &cli.Command{
		Name:  "schema",
		Usage: "validate and print the ontology in use (embedded, plus --schema files)",
		Description: `Loads the embedded ontology, lexicons and gazetteers and any --schema files,
reports every problem as file:line: message (exit 4), and prints a summary, or
the merged ontology as YAML with --format yaml.

Examples:
   irkg schema
   irkg schema --schema my-predicates.yaml --format yaml`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "schema", Usage: "a YAML file that extends the schema (repeatable)"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "text or yaml"},
		},
		Action: func(c *cli.Context) error {
			return runSchema(c.StringSlice("schema"), c.String("format"), c.App.Writer)
		},
	}
}

func runSchema(files []string, format string, stdout io.Writer) error {
	if format != "text" && format != "yaml" {
		return usageErr("--format: %q is not one of text, yaml", format)
	}
	s, err := schemas.Load(files...)
	if err != nil {
		return withCode(exitSchema, fmt.Errorf("schema: %w", err))
	}
	if format == "yaml" {
		enc := yaml.NewEncoder(stdout)
		enc.SetIndent(2)
		if err := enc.Encode(s.Ontology); err != nil {
			return err
		}
		return enc.Close()
	}
	o := s.Ontology
	fmt.Fprintf(stdout, "ontology v%d: %d labels, %d predicates, %d clause types, %d agreement kinds, %d roles\n\n",
		o.Version, len(o.Labels), len(o.Predicates), len(o.Clauses), len(o.AgreementKinds), len(o.Roles))
	fmt.Fprintln(stdout, "predicates:")
	for _, p := range o.Predicates {
		sym := ""
		if p.Symmetric {
			sym = " (symmetric)"
		}
		code := ""
		if p.Plover != "" {
			code = fmt.Sprintf(" [%s/%s]", p.Plover, p.Cameo)
		}
		fmt.Fprintf(stdout, "  %-18s %s%s%s\n", p.Name, p.Description, sym, code)
	}
	fmt.Fprintln(stdout, "\nclause types:")
	for _, c := range o.Clauses {
		fmt.Fprintf(stdout, "  %-31s %s\n", c.Type, c.Description)
	}
	fmt.Fprintf(stdout, "\nagreement kinds: %s\nroles: %s\n", strings.Join(o.AgreementKinds, ", "), strings.Join(o.Roles, ", "))
	langs := make([]string, 0, len(s.Lexicons))
	for l := range s.Lexicons {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		lx := s.Lexicons[l]
		n := 0
		for _, c := range lx.Cues {
			n += len(c)
		}
		fmt.Fprintf(stdout, "lexicon %s: %d relation rules, %d agreement forms, %d clause forms, %d role forms, %d cues\n",
			l, len(lx.Relations), len(lx.Agreements), len(lx.Clauses), len(lx.Roles), n)
	}
	count := map[string]int{}
	for _, e := range s.Entities {
		count[e.Label]++
	}
	fmt.Fprintf(stdout, "gazetteer: %d countries, %d organisations, %d groups, %d people\n",
		count["Country"], count["Organization"], count["Group"], count["Person"])
	return nil
}
