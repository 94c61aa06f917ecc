package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/irkg/irkg/kg"
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

// entityReserved are keys entity props may not set: the loader owns them.
var entityReserved = map[string]bool{"id": true}

// factReserved are relationship properties the loader computes.
var factReserved = map[string]bool{"negated": true, "modality": true, "attributed_to": true,
	"confidence": true, "sources": true, "evidence": true, "plover": true, "cameo": true}

// relKey is the identity of a relationship.
type relKey struct {
	s, typ, o string
	negated   bool
}

// buildPlan validates in against allow and groups its rows. With merge, facts
// with the same key become one row (sources and evidence gathered in input
// order, the highest confidence, the first attribution); without, each fact
// is a row of its own, and Cypher merges them the same way.
func buildPlan(in *Input, allow *Allow, merge bool) (*plan, error) {
	var errs []string
	fail := func(format string, args ...any) {
		if len(errs) < 20 {
			errs = append(errs, fmt.Sprintf(format, args...))
		} else if len(errs) == 20 {
			errs = append(errs, "…")
		}
	}

	// Entities: one row per id, later records' props over earlier ones.
	labelOf := map[string]string{}
	nodeRows := map[string][]map[string]any{} // by label
	nodeIndex := map[string]map[string]any{}  // id → its row
	for _, e := range in.Entities {
		if e.ID == "" {
			fail("entity with no id (name %q)", e.Name)
			continue
		}
		if _, err := allow.Label(e.Label); err != nil || e.Label == kg.LabelDocument {
			if err == nil {
				err = fmt.Errorf("label Document is for document records")
			}
			fail("entity %s: %v", e.ID, err)
			continue
		}
		if old, ok := labelOf[e.ID]; ok && old != e.Label {
			fail("entity %s: label %s, but %s elsewhere in the input", e.ID, e.Label, old)
			continue
		}
		props := neo.FlattenProps(e.Props, entityReserved)
		if n, ok := props["name"]; ok {
			delete(props, "name")
			if s, _ := n.(string); s != e.Name || e.Name == "" {
				if e.Name == "" {
					e.Name = s
				} else {
					props["official_name"] = n
				}
			}
		}
		if e.Name != "" {
			props["name"] = e.Name
		}
		if row, ok := nodeIndex[e.ID]; ok {
			row["props"] = neo.MergeInto(row["props"].(map[string]any), props)
			continue
		}
		labelOf[e.ID] = e.Label
		row := map[string]any{"id": e.ID, "props": props}
		nodeIndex[e.ID] = row
		nodeRows[e.Label] = append(nodeRows[e.Label], row)
	}
	p := &plan{entities: len(nodeIndex)}

	// Documents.
	docSeen := map[string]map[string]any{}
	for _, d := range in.Documents {
		if !strings.HasPrefix(d.ID, "doc:") {
			fail("document %q: id does not start with doc:", d.ID)
			continue
		}
		props := map[string]any{}
		for k, v := range map[string]string{"title": d.Title, "lang": d.Lang, "published": d.Published, "source": d.Source} {
			if v != "" {
				props[k] = v
			}
		}
		if row, ok := docSeen[d.ID]; ok {
			row["props"] = neo.MergeInto(row["props"].(map[string]any), props)
			continue
		}
		row := map[string]any{"id": d.ID, "props": props}
		docSeen[d.ID] = row
		nodeRows[kg.LabelDocument] = append(nodeRows[kg.LabelDocument], row)
	}
	p.documents = len(docSeen)
	for _, label := range neo.SortedKeys(nodeRows) {
		p.nodes = append(p.nodes, group{name: label, cypher: "UNWIND $rows AS row\n" + neo.NodeMerge(label), rows: nodeRows[label]})
	}

	// endpoint resolves the label of a fact's end: its entity record, else its id prefix.
	endpoint := func(id string) (string, error) {
		if l, ok := labelOf[id]; ok {
			return l, nil
		}
		l := LabelOfID(id)
		if l == "" || l == kg.LabelDocument {
			return "", fmt.Errorf("no entity record for %q and its prefix names no entity label", id)
		}
		if _, err := allow.Label(l); err != nil {
			return "", err
		}
		return l, nil
	}

	// Facts.
	type relGroupKey struct{ typ, from, to string }
	relRows := map[relGroupKey][]map[string]any{}
	relIndex := map[relKey]map[string]any{}
	mentions := map[string]map[string]bool{} // doc → entity ids
	var mentionOrder []string
	mention := func(doc, id string) {
		if doc == "" || id == "" {
			return
		}
		m, ok := mentions[doc]
		if !ok {
			m = map[string]bool{}
			mentions[doc] = m
			mentionOrder = append(mentionOrder, doc)
		}
		m[id] = true
	}
	for _, f := range in.Facts {
		info, err := allow.Predicate(f.Predicate)
		if err != nil {
			fail("fact %s %s %s: %v", f.Subject, f.Predicate, f.Object, err)
			continue
		}
		s, o := f.Subject, f.Object
		if info.Symmetric && o < s {
			s, o = o, s
		}
		from, err1 := endpoint(s)
		to, err2 := endpoint(o)
		if err := errors.Join(err1, err2); err != nil {
			fail("fact %s %s %s: %v", f.Subject, f.Predicate, f.Object, err)
			continue
		}
		mod := f.Modality
		if mod == "" {
			mod = kg.ModAsserted
		}
		var attr any
		if f.AttributedTo != nil && *f.AttributedTo != "" {
			attr = *f.AttributedTo
		}
		mention(f.Evidence.Doc, f.Subject)
		mention(f.Evidence.Doc, f.Object)
		if attr != nil {
			if _, err := endpoint(attr.(string)); err == nil {
				mention(f.Evidence.Doc, attr.(string))
			}
		}
		k := relKey{s, f.Predicate, o, f.Negated}
		if row, ok := relIndex[k]; ok && merge {
			mergeFact(row, f, mod, attr)
			continue
		}
		row := map[string]any{
			"s": s, "o": o, "negated": f.Negated, "modality": mod, "attributed_to": attr,
			"confidence": f.Confidence, "sources": neo.AppendNew(nil, f.Evidence.Doc),
			"evidence": neo.AppendNew(nil, f.Evidence.Text),
			"props":    neo.FlattenProps(f.Props, factReserved),
			"plover":   neo.Nullable(info.Codes.Plover), "cameo": neo.Nullable(info.Codes.Cameo),
		}
		if _, ok := relIndex[k]; !ok {
			relIndex[k] = row
		}
		gk := relGroupKey{f.Predicate, from, to}
		relRows[gk] = append(relRows[gk], row)
	}
	p.relations = len(relIndex)
	gks := make([]relGroupKey, 0, len(relRows))
	for gk := range relRows {
		gks = append(gks, gk)
	}
	sort.Slice(gks, func(i, j int) bool {
		a, b := gks[i], gks[j]
		if a.typ != b.typ {
			return a.typ < b.typ
		}
		if a.from != b.from {
			return a.from < b.from
		}
		return a.to < b.to
	})
	for _, gk := range gks {
		p.rels = append(p.rels, group{name: gk.typ + " " + gk.from + "->" + gk.to,
			cypher: "UNWIND $rows AS row\n" + neo.RelMerge(gk.typ, gk.from, gk.to, "$maxEvidence") + "\nRETURN count(*) AS matched", rows: relRows[gk]})
	}

	// MENTIONS, grouped by the entity's label.
	menRows := map[string][]map[string]any{}
	for _, doc := range mentionOrder {
		for _, id := range neo.SortedKeys(mentions[doc]) {
			l, err := endpoint(id)
			if err != nil {
				continue // already reported with its fact
			}
			menRows[l] = append(menRows[l], map[string]any{"doc": doc, "id": id})
		}
	}
	for _, label := range neo.SortedKeys(menRows) {
		p.mentions = append(p.mentions, group{name: "MENTIONS of " + label, cypher: "UNWIND $rows AS row\n" + neo.MentionMerge(label) + "\nRETURN count(*) AS matched", rows: menRows[label]})
	}

	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "\n"))
	}
	return p, nil
}

// mergeFact folds another fact with the same key into row, as the Cypher does.
func mergeFact(row map[string]any, f kg.Fact, mod string, attr any) {
	if mod == kg.ModAsserted {
		row["modality"] = kg.ModAsserted
	}
	if row["attributed_to"] == nil {
		row["attributed_to"] = attr
	}
	if f.Confidence > row["confidence"].(float64) {
		row["confidence"] = f.Confidence
	}
	row["sources"] = neo.AppendNew(row["sources"].([]string), f.Evidence.Doc)
	ev := row["evidence"].([]string)
	if len(ev) < MaxEvidence {
		row["evidence"] = neo.AppendNew(ev, f.Evidence.Text)
	}
	row["props"] = neo.MergeInto(row["props"].(map[string]any), neo.FlattenProps(f.Props, factReserved))
}

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
