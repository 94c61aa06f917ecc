package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/schemas"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/urfave/cli/v2"
)

type queryOptions struct {
	neo4jOptions
	Name   string
	Params []string // k=v
	Cypher string   // raw Cypher instead of a named query
	Format string   // table, json, csv
	List   bool
	Show   bool // print the named query's Cypher instead of running it
}

func queryCommand() *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a named query (or raw Cypher) against the graph",
		ArgsUsage: "NAME",
		Description: `Runs one of irkg's named queries with --param name=value (see --list), or any
Cypher with --cypher. Countries may be given as ids (country:RUS), ISO3 codes
(RUS) or names (Russia, Russie), matched case-insensitively.

Examples:
   irkg query --list
   irkg query defense-clauses --param country=Russie
   irkg query evidence -p subject=country:USA -p type=SANCTIONS -p object=country:RUS
   irkg query --format json sanctions
   irkg query --show mutual-defense-network      (print its Cypher, for Neo4j Browser)
   irkg query --cypher 'MATCH (c:Country) RETURN c.id, c.name ORDER BY c.id' --format csv`,
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Usage: "a parameter of the named query, name=value (repeatable)"},
			&cli.StringFlag{Name: "cypher", Usage: "run this Cypher instead of a named query (parameters from --param, as strings)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "table, json (an array of row objects) or csv"},
			&cli.BoolFlag{Name: "list", Usage: "list the named queries, one a line"},
			&cli.BoolFlag{Name: "show", Usage: "print the named query's Cypher and parameters instead of running it"},
		}, neo4jFlags()...),
		Action: func(c *cli.Context) error {
			opts := queryOptions{neo4jOptions: readNeo4jOptions(c), Name: c.Args().First(),
				Params: c.StringSlice("param"), Cypher: c.String("cypher"), Format: c.String("format"),
				List: c.Bool("list"), Show: c.Bool("show")}
			if err := parseQueryTail(c.Args().Tail(), &opts); err != nil {
				return err
			}
			return runQuery(c.Context, opts, c.App.Writer, c.App.ErrWriter)
		},
	}
}

// parseQueryTail reads what follows the query name. urfave/cli stops parsing
// flags at the first argument, so "irkg query NAME --param k=v" would leave
// the flag unparsed: accept --param/-p, --format/-f and --show there, and bare
// name=value parameters.
func parseQueryTail(args []string, opts *queryOptions) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		flag, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			if !strings.Contains(a, "=") {
				return usageErr("query: one query name at a time; parameters are name=value (got %q)", a)
			}
			opts.Params = append(opts.Params, a)
			continue
		}
		switch flag {
		case "show":
			opts.Show = true
			continue
		case "param", "p", "format", "f":
		default:
			return usageErr("query: flag %s after the query name: put it before the name", a)
		}
		if !hasValue {
			if i+1 >= len(args) {
				return usageErr("query: flag %s needs a value", a)
			}
			i++
			value = args[i]
		}
		if flag == "param" || flag == "p" {
			opts.Params = append(opts.Params, value)
		} else {
			opts.Format = value
		}
	}
	return nil
}

func runQuery(ctx context.Context, opts queryOptions, stdout, stderr io.Writer) error {
	reg := graph.DefaultQueries()
	if opts.List {
		return listQueries(reg, stdout)
	}
	switch opts.Format {
	case "table", "json", "csv":
	default:
		return usageErr("--format: %q is not one of table, json, csv", opts.Format)
	}
	params := map[string]string{}
	for _, p := range opts.Params {
		k, v, ok := strings.Cut(p, "=")
		if !ok || k == "" {
			return usageErr("--param %q: want name=value", p)
		}
		if _, dup := params[k]; dup {
			return usageErr("--param %s given twice", k)
		}
		params[k] = v
	}
	var q graph.Query
	switch {
	case opts.Cypher != "" && opts.Name != "":
		return usageErr("query: give a query name or --cypher, not both")
	case opts.Cypher != "":
		if opts.Show {
			return usageErr("--show goes with a named query")
		}
	case opts.Name == "":
		return usageErr("query: no query name (irkg query --list shows them)")
	default:
		var ok bool
		if q, ok = reg.Lookup(opts.Name); !ok {
			return usageErr("query: no query named %q (known: %s)", opts.Name, strings.Join(reg.Names(), ", "))
		}
		if opts.Show {
			return showQuery(q, stdout)
		}
		if _, err := q.Bind(params); err != nil {
			return usageErr("query %s: %v", q.Name, err)
		}
	}

	client, err := opts.connect(ctx)
	if err != nil {
		return err
	}
	defer client.Close(context.Background())
	if opts.Cypher == "" {
		aliases, err := gazetteerAliases()
		if err != nil {
			return err
		}
		client.SetAliases(aliases)
	}
	var tab *graph.Table
	if opts.Cypher != "" {
		args := map[string]any{}
		for k, v := range params {
			args[k] = v
		}
		tab, err = client.Run(ctx, opts.Cypher, args)
	} else {
		tab, err = client.RunNamed(ctx, q, params)
	}
	if err != nil {
		return graphErr(err)
	}
	switch opts.Format {
	case "json":
		err = writeJSON(stdout, tab)
	case "csv":
		err = writeCSV(stdout, tab)
	default:
		err = writeTable(stdout, tab)
		if err == nil && len(tab.Rows) == 0 {
			fmt.Fprintln(stderr, "(no rows)")
		}
	}
	if err != nil {
		return fmt.Errorf("write result: %w", err)
	}
	return nil
}

// gazetteerAliases lets named queries take an entity by any of its gazetteer
// names in either language (Russie, Corée du Nord, OTAN), not only by the
// English name the graph holds.
func gazetteerAliases() (graph.Aliases, error) {
	s, err := schemas.Load()
	if err != nil {
		return nil, withCode(exitSchema, fmt.Errorf("schema: %w", err))
	}
	a := graph.Aliases{}
	for _, e := range s.Entities {
		a.Add(e.Name, e.ID)
		for _, names := range e.Names {
			for _, n := range names {
				a.Add(n, e.ID)
			}
		}
	}
	return a, nil
}

func listQueries(reg *graph.Registry, w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, q := range reg.List() {
		fmt.Fprintf(tw, "%s\t%s\n", q.Usage(), q.Description)
	}
	return tw.Flush()
}

func showQuery(q graph.Query, w io.Writer) error {
	fmt.Fprintf(w, "// %s: %s\n", q.Name, q.Description)
	for _, p := range q.Params {
		def := p.Default
		if p.Required {
			def = "(required)"
		}
		fmt.Fprintf(w, "// $%s = %s  (%s)\n", p.Name, strconv.Quote(def), p.Help)
	}
	_, err := fmt.Fprintln(w, q.Cypher)
	return err
}

// plain converts a driver value into JSON-friendly Go values.
func plain(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int64, float64:
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = plain(e)
		}
		return out
	case dbtype.Node:
		return map[string]any{"labels": x.Labels, "properties": plain(x.Props)}
	case dbtype.Relationship:
		return map[string]any{"type": x.Type, "properties": plain(x.Props)}
	case dbtype.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = plain(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = plain(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// cell renders a value for a table or CSV cell: scalars as text, the rest as JSON.
func cell(v any, listSep string) string {
	switch x := plain(v).(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []any:
		if listSep != "" {
			parts := make([]string, len(x))
			for i, e := range x {
				parts[i] = cell(e, listSep)
			}
			return strings.Join(parts, listSep)
		}
		b, _ := json.Marshal(x)
		return string(b)
	case map[string]any:
		b, _ := json.Marshal(x)
		return string(b)
	default:
		return fmt.Sprint(x)
	}
}

func writeTable(w io.Writer, t *graph.Table) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Columns, "\t"))
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			// Keep one row on one line.
			cells[i] = strings.NewReplacer("\n", " ", "\t", " ").Replace(cell(v, ", "))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func writeCSV(w io.Writer, t *graph.Table) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = cell(v, "")
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeJSON writes the rows as an array of objects, keys in column order.
func writeJSON(w io.Writer, t *graph.Table) error {
	var b strings.Builder
	b.WriteString("[")
	for i, r := range t.Rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, col := range t.Columns {
			if j > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(col)
			v, err := json.Marshal(plain(r[j]))
			if err != nil {
				return err
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
	}
	if len(t.Rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}
