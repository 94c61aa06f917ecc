// The graph writers (Cypher, neo4j-admin import) build what `irkg load` builds
// (package graph): this file maps results to the same nodes, relationships and
// properties. It repeats the loader's rules, which live in graph's unexported
// plan, rather than importing graph (export and graph are siblings); the
// round-trip tests in cmd/irkg compare the two graphs on a real server.

package export

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/kg/neo"
)

// MaxEvidence bounds the evidence sentences kept on one relationship, as
// graph.MaxEvidence does for irkg load.
const MaxEvidence = neo.MaxEvidence

// Ontology is what the graph writers may write: the labels and relationship
// types of the loader's allow-list (graph.DefaultAllow), with what the loader
// knows of each type. Labels and types reach Cypher text and file names only
// from here, and only when they are plain identifiers.
type Ontology struct {
	Labels     []string             // node labels, Document included
	Predicates map[string]Predicate // relationship types
	// LabelOfID gives the label an id's prefix implies (country:RUS →
	// Country), "" when none: the label of a fact's end that has no entity
	// record (graph.LabelOfID).
	LabelOfID func(id string) string
}

// Predicate is what the loader knows of a relationship type.
type Predicate struct {
	Symmetric     bool   // stored once, its ends in sorted order
	Plover, Cameo string // event codes, "" when none
}

// identifier is what a label, type or CSV property key must look like: it is
// spliced into Cypher text and file names (the loader's rule).
var identifier = regexp.MustCompile(`^[A-Z][A-Za-z0-9_]{0,62}$`)

// mentions is the loader's relationship from a document to its entities.
const mentions = "MENTIONS"

// check validates o and returns its labels as a set.
func (o Ontology) check() (map[string]bool, error) {
	labels := map[string]bool{}
	for _, l := range o.Labels {
		if !identifier.MatchString(l) {
			return nil, fmt.Errorf("ontology: label %q is not an identifier", l)
		}
		labels[l] = true
	}
	if !labels[kg.LabelDocument] {
		return nil, fmt.Errorf("ontology: no %s label", kg.LabelDocument)
	}
	for p := range o.Predicates {
		if !identifier.MatchString(p) || strings.ToUpper(p) != p || p == mentions {
			return nil, fmt.Errorf("ontology: relationship type %q is not an upper-case identifier", p)
		}
	}
	return labels, nil
}

// sortedLabels returns the labels of o, sorted.
func (o Ontology) sortedLabels() []string {
	out := append([]string(nil), o.Labels...)
	sort.Strings(out)
	return out
}

// The rows of the graph model (kg/neo), shared with the loader.
type (
	nodeRow    = neo.Node
	relRow     = neo.Rel
	relKey     = neo.RelKey
	mentionRow = neo.Mention
)

// rows is the graph of one result.
type rows struct {
	nodes    []*nodeRow // entities sorted by id, then the document
	rels     []*relRow  // in fact order, one per key
	mentions []mentionRow
}

// mapper turns results into rows with the loader's model (kg/neo),
// remembering the label of every entity id it has seen.
type mapper struct {
	ont Ontology
	b   *neo.Builder
}

func newMapper(ont Ontology) (*mapper, error) {
	labels, err := ont.check()
	if err != nil {
		return nil, err
	}
	return &mapper{ont: ont, b: &neo.Builder{Voc: vocabulary{ont, labels}, Merge: true}}, nil
}

// vocabulary checks rows against the ontology the writers were given.
type vocabulary struct {
	ont    Ontology
	labels map[string]bool
}

func (v vocabulary) HasLabel(l string) bool { return v.labels[l] }

func (v vocabulary) Predicate(name string) (neo.Predicate, bool) {
	p, ok := v.ont.Predicates[name]
	return neo.Predicate{Symmetric: p.Symmetric, Plover: p.Plover, Cameo: p.Cameo}, ok
}

func (v vocabulary) LabelOfID(id string) string {
	if v.ont.LabelOfID == nil {
		return ""
	}
	return v.ont.LabelOfID(id)
}

// result maps one result. Like the loader, it refuses the whole result when
// a label, type or document id is not allowed.
func (m *mapper) result(r kg.Result) (*rows, error) {
	ents := append([]kg.Entity(nil), r.Entities...)
	sort.SliceStable(ents, func(a, b int) bool { return ents[a].ID < ents[b].ID })
	nr, errs := m.b.Build([]kg.Document{r.Document}, ents, r.Facts)
	if len(errs) > 0 {
		return nil, fmt.Errorf("document %s: %s", r.Document.ID, strings.Join(errs, "; "))
	}
	return &rows{nodes: nr.Nodes, rels: nr.Rels, mentions: nr.Mentions}, nil
}
