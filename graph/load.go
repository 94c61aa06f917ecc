package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/irkg/irkg/kg/neo"
)

// DefaultBatchSize is the number of rows sent in one UNWIND statement.
const DefaultBatchSize = 2000

// MaxEvidence bounds the evidence sentences kept on one relationship.
const MaxEvidence = neo.MaxEvidence

// Loader writes an [Input] into the graph. It is not safe for concurrent use;
// use one Loader per load (its Load may be called for successive chunks) (relationships are written by one writer, which
// avoids lock contention and deadlocks between batches).
type Loader struct {
	Client    *Client
	Allow     *Allow // nil: DefaultAllow()
	BatchSize int    // rows per statement; 0: DefaultBatchSize
	// PerFact writes every fact in a transaction of its own, without merging
	// facts in Go first (same Cypher, same resulting graph). It exists to
	// measure what batching gains; nodes are still batched.
	PerFact bool
	// Progress, when set, is called after each statement with the rows
	// written so far and the total.
	Progress func(done, total int)

	constraints bool // ensured by an earlier Load of this Loader
}

// Summary reports what a load did.
type Summary struct {
	Documents int // distinct documents in the input
	Entities  int // distinct entities in the input
	Facts     int // facts in the input
	Relations int // distinct relationships they make: (subject, type, object, negated)

	NodesCreated    int // entity and document nodes created
	NodesUpdated    int // existing nodes merged into
	RelsCreated     int // fact relationships created
	RelsUpdated     int // existing fact relationships merged into
	MentionsCreated int // Document-[:MENTIONS]->entity created
	MentionsUpdated int
	// Unmatched counts relationship rows dropped because an end node was not
	// in the graph (a fact whose entity has no record, a document missing).
	Unmatched int

	Statements   int
	Elapsed      time.Duration
	RelsElapsed  time.Duration // time spent writing fact relationships
	NodesElapsed time.Duration
}

// RelsPerSecond is the rate at which fact rows were written.
func (s Summary) RelsPerSecond(rows int) float64 {
	if s.RelsElapsed <= 0 {
		return 0
	}
	return float64(rows) / s.RelsElapsed.Seconds()
}

// Load writes in: constraints first, then nodes grouped by label, then fact
// relationships grouped by type, then MENTIONS. Nothing is written when the
// input violates the allow-list. It is safe to run again after a failure.
func (l *Loader) Load(ctx context.Context, in *Input) (Summary, error) {
	start := time.Now()
	allow := l.Allow
	if allow == nil {
		allow = DefaultAllow()
	}
	p, err := buildPlan(in, allow, !l.PerFact)
	if err != nil {
		return Summary{}, &Error{Kind: KindInput, Op: "check input", Err: err}
	}
	sum := Summary{Documents: p.documents, Entities: p.entities, Facts: len(in.Facts), Relations: p.relations}
	if !l.constraints {
		if err := l.Client.EnsureConstraints(ctx, allow); err != nil {
			return sum, err
		}
		l.constraints = true // a Loader may be used for several chunks of one load
	}
	size := l.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	total, done := p.rows(), 0
	step := func(n int) {
		done += n
		if l.Progress != nil {
			l.Progress(done, total)
		}
	}

	t := time.Now()
	for _, g := range p.nodes {
		for i, b := range batches(g.rows, size) {
			res, err := l.Client.execute(ctx, g.cypher, map[string]any{"rows": b})
			if err != nil {
				return sum, wrap(fmt.Sprintf("load %s nodes (batch %d)", g.name, i+1), err)
			}
			c := res.Summary.Counters().NodesCreated()
			sum.NodesCreated += c
			sum.NodesUpdated += len(b) - c
			sum.Statements++
			step(len(b))
		}
	}
	sum.NodesElapsed = time.Since(t)

	t = time.Now()
	relSize := size
	if l.PerFact {
		relSize = 1
	}
	for _, g := range p.rels {
		for i, b := range batches(g.rows, relSize) {
			matched, created, err := l.writeRels(ctx, g.cypher, b)
			if err != nil {
				return sum, wrap(fmt.Sprintf("load %s relationships (batch %d)", g.name, i+1), err)
			}
			sum.RelsCreated += created
			sum.RelsUpdated += matched - created
			sum.Unmatched += len(b) - matched
			sum.Statements++
			step(len(b))
		}
	}
	sum.RelsElapsed = time.Since(t)
	if l.PerFact {
		// Rows were facts, not relationships: count relationships instead.
		sum.RelsUpdated = p.relations - sum.RelsCreated
		if sum.RelsUpdated < 0 {
			sum.RelsUpdated = 0
		}
	}

	for _, g := range p.mentions {
		for i, b := range batches(g.rows, size) {
			matched, created, err := l.writeRels(ctx, g.cypher, b)
			if err != nil {
				return sum, wrap(fmt.Sprintf("load %s (batch %d)", g.name, i+1), err)
			}
			sum.MentionsCreated += created
			sum.MentionsUpdated += matched - created
			sum.Unmatched += len(b) - matched
			sum.Statements++
			step(len(b))
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

func (l *Loader) writeRels(ctx context.Context, cypher string, rows []map[string]any) (matched, created int, err error) {
	res, err := l.Client.execute(ctx, cypher, map[string]any{"rows": rows, "maxEvidence": MaxEvidence})
	if err != nil {
		return 0, 0, err
	}
	if len(res.Records) == 1 {
		if n, ok := res.Records[0].Values[0].(int64); ok {
			matched = int(n)
		}
	}
	return matched, res.Summary.Counters().RelationshipsCreated(), nil
}

// EnsureConstraints creates a uniqueness constraint on id for every allowed
// label (IF NOT EXISTS: cheap when they exist) and waits for their indexes.
func (c *Client) EnsureConstraints(ctx context.Context, allow *Allow) error {
	if allow == nil {
		allow = DefaultAllow()
	}
	for _, label := range allow.Labels() {
		if _, err := c.execute(ctx, neo.ConstraintCypher(label), nil); err != nil {
			return wrap("create constraint on :"+label+"(id)", err)
		}
	}
	if _, err := c.execute(ctx, "CALL db.awaitIndexes(300)", nil); err != nil {
		return wrap("wait for indexes", err)
	}
	return nil
}

// group is a list of rows written by one static statement.
type group struct {
	name   string // "Country", "SANCTIONS Country->Country"
	cypher string
	rows   []map[string]any
}

// plan is an input checked against the allow-list and grouped for writing.
type plan struct {
	nodes, rels, mentions []group
	documents, entities   int
	relations             int // distinct relationship keys
}

func (p *plan) rows() int {
	n := 0
	for _, gs := range [][]group{p.nodes, p.rels, p.mentions} {
		for _, g := range gs {
			n += len(g.rows)
		}
	}
	return n
}

// buildPlan validates in against allow and groups its rows. With merge, facts
// with the same key become one row (sources and evidence gathered in input
// order, the highest confidence, the first attribution); without, each fact
// is a row of its own, and Cypher merges them the same way.
func buildPlan(in *Input, allow *Allow, merge bool) (*plan, error) {
	b := &neo.Builder{Voc: vocabulary{allow}, Merge: merge}
	rows, errs := b.Build(in.Documents, in.Entities, in.Facts)
	if len(errs) > 0 {
		if len(errs) > 20 {
			errs = append(errs[:20], "…")
		}
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	p := &plan{entities: rows.Entities, documents: rows.Documents, relations: rows.Relations}

	nodeRows := map[string][]map[string]any{} // by label
	for _, n := range rows.Nodes {
		nodeRows[n.Label] = append(nodeRows[n.Label], map[string]any{"id": n.ID, "props": n.Props})
	}
	for _, label := range neo.SortedKeys(nodeRows) {
		p.nodes = append(p.nodes, group{name: label, cypher: "UNWIND $rows AS row\n" + neo.NodeMerge(label), rows: nodeRows[label]})
	}

	relRows := map[[3]string][]map[string]any{} // by type, start label, end label
	for _, r := range rows.Rels {
		k := [3]string{r.Type, r.From, r.To}
		relRows[k] = append(relRows[k], r.Params())
	}
	keys := make([][3]string, 0, len(relRows))
	for k := range relRows {
		keys = append(keys, k)
	}
	neo.SortRels(keys)
	for _, k := range keys {
		p.rels = append(p.rels, group{name: k[0] + " " + k[1] + "->" + k[2],
			cypher: "UNWIND $rows AS row\n" + neo.RelMerge(k[0], k[1], k[2], "$maxEvidence") + "\nRETURN count(*) AS matched", rows: relRows[k]})
	}

	menRows := map[string][]map[string]any{} // MENTIONS, by the entity's label
	for _, m := range rows.Mentions {
		menRows[m.Label] = append(menRows[m.Label], map[string]any{"doc": m.Doc, "id": m.ID})
	}
	for _, label := range neo.SortedKeys(menRows) {
		p.mentions = append(p.mentions, group{name: "MENTIONS of " + label, cypher: "UNWIND $rows AS row\n" + neo.MentionMerge(label) + "\nRETURN count(*) AS matched", rows: menRows[label]})
	}
	return p, nil
}

// vocabulary lets the shared graph model (kg/neo) check against the allow-list.
type vocabulary struct{ a *Allow }

func (v vocabulary) HasLabel(l string) bool { _, err := v.a.Label(l); return err == nil }

func (v vocabulary) Predicate(name string) (neo.Predicate, bool) {
	info, err := v.a.Predicate(name)
	if err != nil {
		return neo.Predicate{}, false
	}
	return neo.Predicate{Symmetric: info.Symmetric, Plover: info.Codes.Plover, Cameo: info.Codes.Cameo}, true
}

func (v vocabulary) LabelOfID(id string) string { return LabelOfID(id) }

// batches cuts rows into slices of at most size rows.
func batches[T any](rows []T, size int) [][]T {
	if size <= 0 {
		size = DefaultBatchSize
	}
	out := make([][]T, 0, (len(rows)+size-1)/size)
	for i := 0; i < len(rows); i += size {
		j := min(i+size, len(rows))
		out = append(out, rows[i:j])
	}
	return out
}
