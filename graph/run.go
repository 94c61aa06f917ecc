package graph

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Table is the result of a query: column names and rows of driver values
// (strings, int64, float64, bool, lists, maps, dbtype.Node …).
type Table struct {
	Columns []string
	Rows    [][]any
}

// Run executes a Cypher statement with parameters and returns its rows.
func (c *Client) Run(ctx context.Context, cypher string, params map[string]any) (*Table, error) {
	res, err := c.execute(ctx, cypher, params)
	if err != nil {
		return nil, wrap("run query", err)
	}
	t := &Table{Columns: res.Keys}
	for _, rec := range res.Records {
		t.Rows = append(t.Rows, rec.Values)
	}
	return t, nil
}

// RunNamed binds the given parameter texts to q (defaults, required ones),
// resolves country and entity names to ids, and runs it.
func (c *Client) RunNamed(ctx context.Context, q Query, given map[string]string) (*Table, error) {
	texts, err := q.Bind(given)
	if err != nil {
		return nil, &Error{Kind: KindInput, Op: "query " + q.Name, Err: err}
	}
	params := map[string]any{}
	for _, p := range q.Params {
		v := texts[p.Name]
		switch p.Kind {
		case ParamInt:
			n, _ := strconv.Atoi(v) // checked by Bind
			params[p.Name] = int64(n)
		case ParamClause:
			if v != "" && !strings.HasPrefix(v, "clause:") {
				v = "clause:" + v
			}
			params[p.Name] = v
		case ParamCountry, ParamEntity:
			if v == "" {
				params[p.Name] = v
				continue
			}
			label := ""
			if p.Kind == ParamCountry {
				label = "Country"
			}
			id, err := c.Resolve(ctx, label, v)
			if err != nil {
				return nil, fmt.Errorf("query %s: parameter %s: %w", q.Name, p.Name, err)
			}
			params[p.Name] = id
		default:
			params[p.Name] = v
		}
	}
	t, err := c.Run(ctx, q.Cypher, params)
	if err != nil {
		return nil, fmt.Errorf("query %s: %w", q.Name, err)
	}
	return t, nil
}

// resolveCypher finds the nodes a user's text names: by id, by ISO3 code, or
// by name, case-insensitively (name, and any of the names, aliases, name_en and
// name_fr properties that the extractor or the gazetteer wrote).
const resolveCypher = `MATCH (n)
WHERE ($label = '' OR $label IN labels(n)) AND NOT n:Document AND (
      n.id = $text
   OR n.iso3 = toUpper($text)
   OR toLower(n.name) = toLower($text)
   OR toLower(n.name_en) = toLower($text)
   OR toLower(n.name_fr) = toLower($text)
   OR any(x IN CASE WHEN n.names IS :: LIST<STRING> THEN n.names ELSE [] END WHERE toLower(x) = toLower($text))
   OR any(x IN CASE WHEN n.aliases IS :: LIST<STRING> THEN n.aliases ELSE [] END WHERE toLower(x) = toLower($text)))
RETURN n.id AS id ORDER BY id LIMIT 5`

// resolveByIDCypher is the fast path for a text that looks like an id.
const resolveByIDCypher = `MATCH (n:Country|Organization|Group|Person|Agreement|Clause {id: $text})
RETURN n.id AS id LIMIT 1`

// Aliases maps lower-case names to entity ids, e.g. the gazetteer's names in
// every language ("russie" → country:RUS), for names the graph does not hold.
type Aliases map[string][]string

// Add records name as a name of id.
func (a Aliases) Add(name, id string) {
	k := strings.ToLower(strings.TrimSpace(name))
	if k == "" {
		return
	}
	for _, x := range a[k] {
		if x == id {
			return
		}
	}
	a[k] = append(a[k], id)
}

// SetAliases gives [Client.Resolve] names to fall back on when no node's name
// matches.
func (c *Client) SetAliases(a Aliases) { c.aliases = a }

// Resolve turns a user's text into a node id: an id as is (when the node
// exists), or a name matched case-insensitively against the nodes' names,
// then against the aliases. label restricts the search ("" for any entity).
// Several matches are an error that lists them.
func (c *Client) Resolve(ctx context.Context, label, text string) (string, error) {
	if LabelOfID(text) != "" && (label == "" || LabelOfID(text) == label) {
		t, err := c.Run(ctx, resolveByIDCypher, map[string]any{"text": text})
		if err != nil {
			return "", err
		}
		if len(t.Rows) == 1 {
			return text, nil
		}
	}
	t, err := c.Run(ctx, resolveCypher, map[string]any{"label": label, "text": text})
	if err != nil {
		return "", err
	}
	what := "entity"
	if label != "" {
		what = strings.ToLower(label)
	}
	if len(t.Rows) == 0 {
		var ids []string
		for _, id := range c.aliases[strings.ToLower(strings.TrimSpace(text))] {
			if label == "" || LabelOfID(id) == label {
				ids = append(ids, id)
			}
		}
		if len(ids) == 1 {
			return ids[0], nil
		}
		for _, id := range ids {
			t.Rows = append(t.Rows, []any{id})
		}
	}
	switch len(t.Rows) {
	case 0:
		if LabelOfID(text) != "" {
			// An id of a node not (yet) in the graph: let the query return nothing.
			return text, nil
		}
		return "", &Error{Kind: KindInput, Op: "resolve " + what + " " + strconv.Quote(text),
			Err: fmt.Errorf("no %s has this id or name in the graph", what)}
	case 1:
		return t.Rows[0][0].(string), nil
	}
	ids := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		ids[i] = fmt.Sprint(r[0])
	}
	return "", &Error{Kind: KindInput, Op: "resolve " + what + " " + strconv.Quote(text),
		Err: fmt.Errorf("ambiguous: %s; give an id", strings.Join(ids, ", "))}
}
