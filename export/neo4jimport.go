// The neo4j-admin writer: CSV files for `neo4j-admin database import full`,
// the fast path for a first load of a big corpus.

package export

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/kg/neo"
)

// ArrayDelimiter separates the elements of a list property in the CSV files
// (--array-delimiter=U+001F): the information separator, which text does not
// hold, where the default ";" is common in sentences.
const ArrayDelimiter = '\x1f'

// Id spaces of the files' ID columns: entity ids and document ids.
const (
	entitySpace   = "Entity"
	documentSpace = "Document"
)

// Neo4jImport writes results as the node and relationship CSV files of
// `neo4j-admin database import full` (header syntax id:ID(Entity), :LABEL,
// :START_ID(Entity), :END_ID(Entity), :TYPE, typed columns such as
// confidence:double and evidence:string[]), in a directory, for the graph
// irkg load builds: one file per label and one per relationship type (more
// when a property has values of different types under one label), and
// schema.cypher with the constraints, which the importer cannot create on
// Neo4j Community.
//
// The importer cannot MERGE, so the writer deduplicates in memory: one row
// per node id (later properties over earlier ones) and one per relationship
// (start, type, end, negated) gathering sources and evidence as irkg load
// does; both are written by Flush. MENTIONS rows are written as results come,
// remembering each (document, entity) pair. This suits a first load into an
// empty database: memory grows with the distinct entities, relationships and
// mentions, not with the text. Relationships whose ends are not nodes are
// dropped, as the loader drops them.
//
// The importer cannot store an empty list, nor a list of one empty string:
// such properties are left out and counted. Output is deterministic for the
// same results in the same order.
type Neo4jImport struct {
	dir string
	m   *mapper

	nodes    map[string]*nodeRow // space+id → row
	order    []*nodeRow          // first appearance
	rels     map[relKey]*relRow
	relOrder []*relRow

	men     *csvFile // rels-MENTIONS.csv, opened at the first mention
	menSeen map[[2]string]bool

	nodeFiles []string // written, in command order
	relFiles  []string
	multiline bool // some field holds a line break: --multiline-fields=true
	stats     ImportStats
	flushed   bool
}

// ImportStats counts what a Neo4jImport wrote.
type ImportStats struct {
	Documents, Entities int
	Relationships       int // fact relationships
	Mentions            int
	Dropped             int // relationships whose ends are not nodes
	EmptyLists          int // list properties left out: empty, or one empty string
	NodeFiles, RelFiles int
	MultilineFields     bool // some value holds a line break
}

// NewNeo4jImport returns a writer into dir, which it creates; dir must not
// hold anything yet (the files of an older export would mix with these).
// Call Flush at the end.
func NewNeo4jImport(dir string, ont Ontology) (*Neo4jImport, error) {
	m, err := newMapper(ont)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	if len(ents) > 0 {
		return nil, fmt.Errorf("%s: directory is not empty (the importer would read older files with the new ones)", dir)
	}
	return &Neo4jImport{dir: dir, m: m, nodes: map[string]*nodeRow{}, rels: map[relKey]*relRow{},
		menSeen: map[[2]string]bool{}}, nil
}

func nodeKey(n *nodeRow) string {
	if n.Label == kg.LabelDocument {
		return documentSpace + "\x00" + n.ID
	}
	return entitySpace + "\x00" + n.ID
}

// Write adds one result: its nodes and relationships to the maps, its
// mentions to rels-MENTIONS.csv.
func (w *Neo4jImport) Write(r kg.Result) error {
	if w.flushed {
		return errors.New("neo4j-admin export: Write after Flush")
	}
	rows, err := w.m.result(r)
	if err != nil {
		return err
	}
	for _, n := range rows.nodes {
		k := nodeKey(n)
		if old, ok := w.nodes[k]; ok {
			neo.MergeInto(old.Props, n.Props)
			continue
		}
		w.nodes[k] = n
		w.order = append(w.order, n)
	}
	for _, rel := range rows.rels {
		if old, ok := w.rels[rel.RelKey]; ok {
			old.Merge(rel)
			continue
		}
		w.rels[rel.RelKey] = rel
		w.relOrder = append(w.relOrder, rel)
	}
	for _, mr := range rows.mentions {
		pair := [2]string{mr.Doc, mr.ID}
		if w.menSeen[pair] {
			continue
		}
		w.menSeen[pair] = true
		if w.nodes[documentSpace+"\x00"+mr.Doc] == nil || w.nodes[entitySpace+"\x00"+mr.ID] == nil {
			w.stats.Dropped++
			continue
		}
		if w.men == nil {
			f, err := w.create("rels-" + mentions + ".csv")
			if err != nil {
				return err
			}
			w.men = f
			w.relFiles = append(w.relFiles, f.path)
			f.header([]string{":START_ID(" + documentSpace + ")", ":END_ID(" + entitySpace + ")", ":TYPE"})
		}
		w.men.str(mr.Doc)
		w.men.str(mr.ID)
		w.men.raw(mentions)
		if err := w.men.end(); err != nil {
			return err
		}
		w.stats.Mentions++
	}
	return nil
}

// Flush writes the node and relationship files and schema.cypher.
func (w *Neo4jImport) Flush() error {
	if w.flushed {
		return nil
	}
	w.flushed = true
	if w.men != nil {
		if err := w.men.close(); err != nil {
			return err
		}
		w.multiline = w.multiline || w.men.multiline
	}

	// Nodes, by label.
	byLabel := map[string][]*nodeRow{}
	for _, n := range w.order {
		byLabel[n.Label] = append(byLabel[n.Label], n)
		if n.Label == kg.LabelDocument {
			w.stats.Documents++
		} else {
			w.stats.Entities++
		}
	}
	for _, label := range neo.SortedKeys(byLabel) {
		space := entitySpace
		if label == kg.LabelDocument {
			space = documentSpace
		}
		var items []item
		for _, n := range byLabel[label] {
			items = append(items, item{ids: []string{n.ID}, tag: label, props: n.Props})
		}
		err := w.writeTables("nodes-"+label, []string{"id:ID(" + space + ")", ":LABEL"}, items, &w.nodeFiles)
		if err != nil {
			return err
		}
	}

	// Fact relationships, by type; those whose ends are not nodes are dropped.
	byType := map[string][]item{}
	for _, r := range w.relOrder {
		if w.nodes[entitySpace+"\x00"+r.S] == nil || w.nodes[entitySpace+"\x00"+r.O] == nil {
			w.stats.Dropped++
			continue
		}
		props := make(map[string]any, len(r.Props)+8)
		neo.MergeInto(props, r.Props)
		props["negated"] = r.Negated
		props["modality"] = r.Modality
		props["confidence"] = r.Confidence
		props["sources"] = r.Sources
		props["evidence"] = r.Evidence
		for k, v := range map[string]any{"attributed_to": r.AttributedTo, "plover": r.Plover, "cameo": r.Cameo} {
			if v != nil {
				props[k] = v
			}
		}
		byType[r.Type] = append(byType[r.Type], item{ids: []string{r.S, r.O}, tag: r.Type, props: props})
		w.stats.Relationships++
	}
	for _, typ := range neo.SortedKeys(byType) {
		head := []string{":START_ID(" + entitySpace + ")", ":END_ID(" + entitySpace + ")", ":TYPE"}
		if err := w.writeTables("rels-"+typ, head, byType[typ], &w.relFiles); err != nil {
			return err
		}
	}
	sort.Strings(w.relFiles) // rels-MENTIONS.csv among the others

	// The constraints irkg load creates.
	var schema strings.Builder
	schema.WriteString("// Constraints of irkg load: run with cypher-shell -f once the imported database is started.\n")
	for _, l := range w.m.ont.sortedLabels() {
		fmt.Fprintf(&schema, "%s;\n", neo.ConstraintCypher(l))
	}
	schema.WriteString("CALL db.awaitIndexes(300);\n")
	if err := os.WriteFile(w.SchemaFile(), []byte(schema.String()), 0o644); err != nil {
		return err
	}
	w.stats.NodeFiles, w.stats.RelFiles = len(w.nodeFiles), len(w.relFiles)
	w.stats.MultilineFields = w.multiline
	return nil
}

// Stats reports what was written; complete after Flush.
func (w *Neo4jImport) Stats() ImportStats { return w.stats }

// SchemaFile is the path of schema.cypher.
func (w *Neo4jImport) SchemaFile() string { return abs(filepath.Join(w.dir, "schema.cypher")) }

// Command is the neo4j-admin command line that imports the files into
// database (Neo4j stopped; the database absent or empty), valid after Flush.
// Paths are absolute.
func (w *Neo4jImport) Command(database string) []string {
	args := []string{"neo4j-admin", "database", "import", "full", database,
		"--array-delimiter=U+" + fmt.Sprintf("%04X", ArrayDelimiter)}
	if w.multiline {
		args = append(args, "--multiline-fields=true")
	}
	for _, f := range w.nodeFiles {
		args = append(args, "--nodes="+abs(f))
	}
	for _, f := range w.relFiles {
		args = append(args, "--relationships="+abs(f))
	}
	return args
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// ShellQuote joins args into a line for a POSIX shell, quoting what needs it.
func ShellQuote(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if a != "" && safeShell.MatchString(a) {
			out[i] = a
		} else {
			out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(out, " ")
}

var safeShell = regexp.MustCompile(`^[A-Za-z0-9_@%+=:,./-]+$`)

// item is one row of a node or relationship file: its ids (a node's, or a
// relationship's start and end), its label or type, and its properties.
type item struct {
	ids   []string
	tag   string
	props map[string]any
}

// table is one file: a type per property column, and the rows whose
// properties fit those types.
type table struct {
	types map[string]string
	items []item
}

// csvKey is what a property key must look like in a header, where ':' would
// start a type.
var csvKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// writeTables writes items to base.csv (and base-2.csv, … when a property has
// values of different types), appending the paths to files.
func (w *Neo4jImport) writeTables(base string, head []string, items []item, files *[]string) error {
	var tables []*table
	for _, it := range items {
		types := map[string]string{}
		for k, v := range it.props {
			t, ok := csvType(v)
			if !ok {
				w.stats.EmptyLists++
				continue
			}
			if !csvKey.MatchString(k) {
				return fmt.Errorf("%s: property key %q cannot be a CSV header column (letters, digits, _)", base+".csv", k)
			}
			types[k] = t
		}
		var fit *table
		for _, tb := range tables {
			ok := true
			for k, t := range types {
				if old, seen := tb.types[k]; seen && old != t {
					ok = false
					break
				}
			}
			if ok {
				fit = tb
				break
			}
		}
		if fit == nil {
			fit = &table{types: map[string]string{}}
			tables = append(tables, fit)
		}
		for k, t := range types {
			fit.types[k] = t
		}
		fit.items = append(fit.items, it)
	}
	for i, tb := range tables {
		name := base + ".csv"
		if i > 0 {
			name = fmt.Sprintf("%s-%d.csv", base, i+1)
		}
		if err := w.writeTable(name, head, tb); err != nil {
			return err
		}
		*files = append(*files, filepath.Join(w.dir, name))
	}
	return nil
}

func (w *Neo4jImport) writeTable(name string, head []string, tb *table) error {
	f, err := w.create(name)
	if err != nil {
		return err
	}
	cols := neo.SortedKeys(tb.types)
	header := append([]string(nil), head...)
	for _, k := range cols {
		if t := tb.types[k]; t == "string" {
			header = append(header, k)
		} else {
			header = append(header, k+":"+t)
		}
	}
	f.header(header)
	for _, it := range tb.items {
		for _, id := range it.ids {
			f.str(id)
		}
		f.raw(it.tag) // an allow-listed identifier
		for _, k := range cols {
			v, ok := it.props[k]
			if _, typed := csvType(v); !ok || !typed {
				f.raw("") // absent: no property
				continue
			}
			if err := f.value(v); err != nil {
				f.close()
				return fmt.Errorf("%s: %s property %s: %w", f.path, strings.Join(it.ids, " "), k, err)
			}
		}
		if err := f.end(); err != nil {
			f.close()
			return err
		}
	}
	if err := f.close(); err != nil {
		return err
	}
	w.multiline = w.multiline || f.multiline
	return nil
}

// csvType is the header type of a flattened value; ok is false for a list
// the importer cannot store (empty, or one empty string).
func csvType(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return "string", true
	case bool:
		return "boolean", true
	case int64:
		return "long", true
	case float64:
		return "double", true
	case []string:
		return "string[]", len(x) > 1 || len(x) == 1 && x[0] != ""
	case []bool:
		return "boolean[]", len(x) > 0
	case []int64:
		return "long[]", len(x) > 0
	case []float64:
		return "double[]", len(x) > 0
	}
	return "", false
}

// csvFile writes one CSV file of the importer: fields separated by commas,
// strings always in double quotes with quotes doubled (RFC 4180; the importer
// takes backslashes literally), lines ending in \n.
type csvFile struct {
	path      string
	f         *os.File
	w         *bufio.Writer
	n         int // fields on the current line
	multiline bool
	err       error
}

func (w *Neo4jImport) create(name string) (*csvFile, error) {
	path := filepath.Join(w.dir, name)
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &csvFile{path: path, f: f, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

func (c *csvFile) sep() {
	if c.n > 0 {
		c.w.WriteByte(',')
	}
	c.n++
}

func (c *csvFile) header(fields []string) {
	for _, h := range fields {
		c.raw(h)
	}
	c.end()
}

// raw writes a field as it is (numbers, booleans, identifiers, empty).
func (c *csvFile) raw(s string) {
	c.sep()
	c.w.WriteString(s)
}

// str writes a quoted string field.
func (c *csvFile) str(s string) {
	c.sep()
	c.w.WriteString(CSVQuote(s))
	if strings.ContainsAny(s, "\n\r") {
		c.multiline = true
	}
}

// value writes a typed property value.
func (c *csvFile) value(v any) error {
	switch x := v.(type) {
	case string:
		c.str(x)
	case bool:
		c.raw(strconv.FormatBool(x))
	case int64:
		c.raw(strconv.FormatInt(x, 10))
	case float64:
		c.raw(csvFloat(x))
	case []string:
		for _, s := range x {
			if strings.ContainsRune(s, ArrayDelimiter) {
				return fmt.Errorf("a list element holds the array delimiter U+%04X", ArrayDelimiter)
			}
		}
		c.str(strings.Join(x, string(ArrayDelimiter)))
	case []bool:
		c.raw(joinList(x, strconv.FormatBool))
	case []int64:
		c.raw(joinList(x, func(i int64) string { return strconv.FormatInt(i, 10) }))
	case []float64:
		c.raw(joinList(x, csvFloat))
	default:
		return fmt.Errorf("value of type %T cannot be written", v)
	}
	return nil
}

func (c *csvFile) end() error {
	c.n = 0
	if _, err := c.w.WriteString("\n"); err != nil && c.err == nil {
		c.err = fmt.Errorf("write %s: %w", c.path, err)
	}
	return c.err
}

func (c *csvFile) close() error {
	err := c.w.Flush()
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	if c.err != nil {
		return c.err
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", c.path, err)
	}
	return nil
}

// CSVQuote returns s as a quoted CSV field for the importer: in double
// quotes, a double quote doubled; everything else, backslashes and line
// breaks included, as it is.
func CSVQuote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// csvFloat writes a double the importer (Java's Double.parseDouble) reads
// back exactly.
func csvFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func joinList[T any](xs []T, format func(T) string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = format(x)
	}
	return strings.Join(parts, string(ArrayDelimiter))
}
