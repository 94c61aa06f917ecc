// The Cypher writer: a script for cypher-shell that builds the graph irkg load
// builds.

package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/kg/neo"
)

// DefaultCypherBatch is the number of rows in one statement of the script.
const DefaultCypherBatch = 500

// Cypher writes results as a Cypher script that `cypher-shell -f` runs:
// uniqueness constraints first (as irkg load creates them), then, in batches,
// `UNWIND [ {…}, … ] AS row` statements that MERGE nodes on their ids and
// relationships on (start, type, end, negated) with the loader's Cypher, then
// MENTIONS. Running the script gives the graph irkg load gives for the same
// results; running it again changes nothing.
//
// Every value is a literal written by [CypherString] and its kin: the script
// is ASCII, each statement ends with ";" at the end of a line, and no ";"
// occurs anywhere else (it is escaped inside strings), so the script can also
// be cut into statements without a Cypher parser. Labels and relationship
// types come only from the [Ontology].
//
// The writer streams: rows are buffered until a batch is full, then written
// nodes first (a relationship's ends are always written before it); it keeps
// only the label of each entity id. Output is deterministic for the same
// results in the same order.
type Cypher struct {
	w     *bufio.Writer
	m     *mapper
	Batch int // rows per statement; 0: DefaultCypherBatch

	started bool
	nodes   map[string][]*nodeRow // by label, in first-appearance order
	nodeIdx map[string]*nodeRow   // label+id → buffered row
	rels    map[string][]*relRow  // by "TYPE from to"
	relIdx  map[relKey]*relRow
	mens    map[string][]mentionRow // by entity label
	menIdx  map[mentionRow]bool
	pending int
}

// NewCypher returns a writer on w for the given ontology; call Flush at the end.
func NewCypher(w io.Writer, ont Ontology) (*Cypher, error) {
	m, err := newMapper(ont)
	if err != nil {
		return nil, err
	}
	c := &Cypher{w: bufio.NewWriterSize(w, 64<<10), m: m}
	c.reset()
	return c, nil
}

func (c *Cypher) reset() {
	c.nodes, c.nodeIdx = map[string][]*nodeRow{}, map[string]*nodeRow{}
	c.rels, c.relIdx = map[string][]*relRow{}, map[relKey]*relRow{}
	c.mens, c.menIdx = map[string][]mentionRow{}, map[mentionRow]bool{}
	c.pending = 0
}

func (c *Cypher) batch() int {
	if c.Batch > 0 {
		return c.Batch
	}
	return DefaultCypherBatch
}

// start writes the header and the constraints, once.
func (c *Cypher) start() error {
	if c.started {
		return nil
	}
	c.started = true
	fmt.Fprintf(c.w, "// irkg extract --format cypher: the graph irkg load builds, as a script.\n")
	fmt.Fprintf(c.w, "// Run it with: cypher-shell -a bolt://HOST:7687 -u neo4j -p PASSWORD -f FILE\n")
	for _, l := range c.m.ont.sortedLabels() {
		fmt.Fprintf(c.w, "%s;\n", neo.ConstraintCypher(l))
	}
	_, err := c.w.WriteString("CALL db.awaitIndexes(300);\n")
	return err
}

// Write adds one result; full batches are written at once.
func (c *Cypher) Write(r kg.Result) error {
	if err := c.start(); err != nil {
		return err
	}
	rows, err := c.m.result(r)
	if err != nil {
		return err
	}
	for _, n := range rows.nodes {
		k := n.Label + "\x00" + n.ID
		if old, ok := c.nodeIdx[k]; ok {
			neo.MergeInto(old.Props, n.Props)
			continue
		}
		c.nodeIdx[k] = n
		c.nodes[n.Label] = append(c.nodes[n.Label], n)
		c.pending++
	}
	for _, rel := range rows.rels {
		if old, ok := c.relIdx[rel.RelKey]; ok {
			old.Merge(rel)
			continue
		}
		c.relIdx[rel.RelKey] = rel
		g := rel.Type + " " + rel.From + " " + rel.To
		c.rels[g] = append(c.rels[g], rel)
		c.pending++
	}
	for _, mr := range rows.mentions {
		if c.menIdx[mr] {
			continue
		}
		c.menIdx[mr] = true
		c.mens[mr.Label] = append(c.mens[mr.Label], mr)
		c.pending++
	}
	if c.pending >= c.batch() {
		return c.flushRows()
	}
	return nil
}

// flushRows writes what is buffered: nodes by label, relationships by type
// and end labels, then mentions, each in statements of at most Batch rows.
func (c *Cypher) flushRows() error {
	size := c.batch()
	var b strings.Builder
	for _, label := range neo.SortedKeys(c.nodes) {
		rows := c.nodes[label]
		for i := 0; i < len(rows); i += size {
			b.Reset()
			b.WriteString("UNWIND [\n")
			for j, n := range rows[i:min(i+size, len(rows))] {
				if j > 0 {
					b.WriteString(",\n")
				}
				b.WriteString("{id: ")
				b.WriteString(CypherString(n.ID))
				b.WriteString(", props: ")
				if err := writeCypherMap(&b, n.Props); err != nil {
					return fmt.Errorf("node %s: %w", n.ID, err)
				}
				b.WriteString("}")
			}
			b.WriteString("\n] AS row\n" + neo.NodeMerge(label) + ";\n")
			if _, err := c.w.WriteString(b.String()); err != nil {
				return err
			}
		}
	}
	for _, g := range neo.SortedKeys(c.rels) {
		rows := c.rels[g]
		for i := 0; i < len(rows); i += size {
			b.Reset()
			b.WriteString("UNWIND [\n")
			for j, r := range rows[i:min(i+size, len(rows))] {
				if j > 0 {
					b.WriteString(",\n")
				}
				if err := writeRelRow(&b, r); err != nil {
					return fmt.Errorf("relationship %s %s %s: %w", r.S, r.Type, r.O, err)
				}
			}
			b.WriteString("\n] AS row\n")
			b.WriteString(neo.RelMerge(rows[0].Type, rows[0].From, rows[0].To, strconv.Itoa(neo.MaxEvidence)) + ";\n")
			if _, err := c.w.WriteString(b.String()); err != nil {
				return err
			}
		}
	}
	for _, label := range neo.SortedKeys(c.mens) {
		rows := c.mens[label]
		for i := 0; i < len(rows); i += size {
			b.Reset()
			b.WriteString("UNWIND [\n")
			for j, mr := range rows[i:min(i+size, len(rows))] {
				if j > 0 {
					b.WriteString(",\n")
				}
				b.WriteString("{doc: " + CypherString(mr.Doc) + ", id: " + CypherString(mr.ID) + "}")
			}
			b.WriteString("\n] AS row\n" + neo.MentionMerge(label) + ";\n")
			if _, err := c.w.WriteString(b.String()); err != nil {
				return err
			}
		}
	}
	c.reset()
	return nil
}

func writeRelRow(b *strings.Builder, r *relRow) error {
	b.WriteString("{s: " + CypherString(r.S) + ", o: " + CypherString(r.O))
	b.WriteString(", negated: " + strconv.FormatBool(r.Negated))
	b.WriteString(", modality: " + CypherString(r.Modality))
	b.WriteString(", attributed_to: ")
	if s, ok := r.AttributedTo.(string); ok {
		b.WriteString(CypherString(s))
	} else {
		b.WriteString("null")
	}
	b.WriteString(", confidence: ")
	if err := writeCypherValue(b, r.Confidence); err != nil {
		return err
	}
	b.WriteString(", sources: ")
	writeCypherValue(b, r.Sources)
	b.WriteString(", evidence: ")
	writeCypherValue(b, r.Evidence)
	b.WriteString(", props: ")
	if err := writeCypherMap(b, r.Props); err != nil {
		return err
	}
	for _, kv := range []struct {
		k string
		v any
	}{{"plover", r.Plover}, {"cameo", r.Cameo}} {
		b.WriteString(", " + kv.k + ": ")
		if s, ok := kv.v.(string); ok {
			b.WriteString(CypherString(s))
		} else {
			b.WriteString("null")
		}
	}
	b.WriteString("}")
	return nil
}

// Flush writes the rows still buffered and flushes the output. An empty input
// still gives the constraints.
func (c *Cypher) Flush() error {
	if err := c.start(); err != nil {
		return err
	}
	if err := c.flushRows(); err != nil {
		return err
	}
	return c.w.Flush()
}

// CypherString returns s as a Cypher string literal that evaluates to s: in
// single quotes, ASCII only, with backslash, quotes and control characters
// escaped, ";" escaped as \u003B, and every non-ASCII character as \uXXXX (a
// surrogate pair beyond the BMP; Cypher has no \U escape). Bytes that are not
// UTF-8 become U+FFFD, as they would on their way through a driver.
func CypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s { // an invalid byte comes as utf8.RuneError, U+FFFD
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r == ';' || r < 0x20 || r == 0x7f:
				fmt.Fprintf(&b, `\u%04X`, r)
			case r < utf8.RuneSelf:
				b.WriteRune(r)
			case r > 0xFFFF:
				hi, lo := utf16.EncodeRune(r)
				fmt.Fprintf(&b, `\u%04X\u%04X`, hi, lo)
			default:
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		}
	}
	b.WriteByte('\'')
	return b.String()
}

// cypherName returns a property key as a Cypher name: as it is when it is a
// plain identifier, else in backticks, a backtick doubled (Cypher has no
// other escape there). Keys are checked by safeKey first, so the script stays
// ASCII without ';'.
func cypherName(name string) string {
	plain := name != ""
	for i, r := range name {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "`" + strings.ReplaceAll(name, "`", "``") + "`"
}

// writeCypherMap writes props as a map literal with sorted keys.
func writeCypherMap(b *strings.Builder, props map[string]any) error {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b.WriteByte('{')
	for i, k := range keys {
		if !safeKey(k) {
			return fmt.Errorf("property key %q: only printable ASCII without ';' can be written", k)
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(cypherName(k))
		b.WriteString(": ")
		if err := writeCypherValue(b, props[k]); err != nil {
			return fmt.Errorf("property %s: %w", k, err)
		}
	}
	b.WriteByte('}')
	return nil
}

// safeKey: a property key the script can carry (printable ASCII but ';').
func safeKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		if c := k[i]; c < 0x20 || c >= 0x7f || c == ';' {
			return false
		}
	}
	return true
}

// writeCypherValue writes one flattened value as a literal.
func writeCypherValue(b *strings.Builder, v any) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		b.WriteString(CypherString(x))
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int64:
		b.WriteString(CypherInt(x))
	case float64:
		b.WriteString(CypherFloat(x))
	case []string:
		b.WriteByte('[')
		for i, s := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(CypherString(s))
		}
		b.WriteByte(']')
	case []bool:
		writeList(b, x, strconv.FormatBool)
	case []int64:
		writeList(b, x, CypherInt)
	case []float64:
		writeList(b, x, CypherFloat)
	default:
		return fmt.Errorf("value of type %T cannot be written", v)
	}
	return nil
}

func writeList[T any](b *strings.Builder, xs []T, format func(T) string) {
	b.WriteByte('[')
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(format(x))
	}
	b.WriteByte(']')
}

// CypherInt returns i as an integer literal (the smallest int64 has none: it
// is written as an expression).
func CypherInt(i int64) string {
	if i == math.MinInt64 {
		return "(-9223372036854775807 - 1)"
	}
	return strconv.FormatInt(i, 10)
}

// CypherFloat returns f as a float literal that reads back as the same
// float64: the shortest decimal form, with ".0" when it would read as an
// integer; NaN and the infinities, which have no literal, as expressions.
func CypherFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "(0.0 / 0.0)"
	case math.IsInf(f, 1):
		return "(1.0 / 0.0)"
	case math.IsInf(f, -1):
		return "(-1.0 / 0.0)"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}
