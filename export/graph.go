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

// nodeRow is a node as the loader writes it: a label, an id and properties
// (id excluded).
type nodeRow struct {
	label, id string
	props     map[string]any
}

// relKey is the identity of a relationship: (start, type, end, negated).
type relKey struct {
	s, typ, o string
	negated   bool
}

// relRow is a fact relationship with the properties the loader gives it.
type relRow struct {
	relKey
	from, to     string // labels of the ends
	modality     string
	attributedTo any // string or nil
	confidence   float64
	sources      []string
	evidence     []string
	props        map[string]any
	plover       any // string or nil
	cameo        any
}

// mentionRow is Document-[:MENTIONS]->entity.
type mentionRow struct {
	doc, id, label string
}

// rows is the graph of one result.
type rows struct {
	nodes    []*nodeRow // entities sorted by id, then the document
	rels     []*relRow  // in fact order, one per key
	mentions []mentionRow
}

// mapper turns results into rows, as the loader's plan does, remembering the
// label of every entity id it has seen (a small map: one entry per entity,
// none per fact or document).
type mapper struct {
	ont     Ontology
	labels  map[string]bool
	labelOf map[string]string
}

func newMapper(ont Ontology) (*mapper, error) {
	labels, err := ont.check()
	if err != nil {
		return nil, err
	}
	return &mapper{ont: ont, labels: labels, labelOf: map[string]string{}}, nil
}

// entityReserved and factReserved are the keys the loader owns (graph/load.go).
var (
	entityReserved = map[string]bool{"id": true}
	factReserved   = map[string]bool{"negated": true, "modality": true, "attributed_to": true,
		"confidence": true, "sources": true, "evidence": true, "plover": true, "cameo": true}
)

// endpoint is the label of a fact's end: its entity record's, else its prefix's.
func (m *mapper) endpoint(id string) (string, error) {
	if l, ok := m.labelOf[id]; ok {
		return l, nil
	}
	l := ""
	if m.ont.LabelOfID != nil {
		l = m.ont.LabelOfID(id)
	}
	if l == "" || l == kg.LabelDocument {
		return "", fmt.Errorf("no entity record for %q and its prefix names no entity label", id)
	}
	if !m.labels[l] {
		return "", fmt.Errorf("label %q is not in the ontology", l)
	}
	return l, nil
}

// result maps one result. Like the loader, it refuses the whole result when
// a label, type or document id is not allowed.
func (m *mapper) result(r kg.Result) (*rows, error) {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	out := &rows{}

	// Entities: one row per id, later records' props over earlier ones.
	ents := append([]kg.Entity(nil), r.Entities...)
	sort.SliceStable(ents, func(a, b int) bool { return ents[a].ID < ents[b].ID })
	index := map[string]*nodeRow{}
	for _, e := range ents {
		if e.ID == "" {
			fail("entity with no id (name %q)", e.Name)
			continue
		}
		if !m.labels[e.Label] || e.Label == kg.LabelDocument {
			fail("entity %s: label %q is not an entity label of the ontology", e.ID, e.Label)
			continue
		}
		if old, ok := m.labelOf[e.ID]; ok && old != e.Label {
			fail("entity %s: label %s, but %s earlier", e.ID, e.Label, old)
			continue
		}
		props := entityProps(e)
		if row, ok := index[e.ID]; ok {
			neo.MergeInto(row.props, props)
			continue
		}
		m.labelOf[e.ID] = e.Label
		row := &nodeRow{label: e.Label, id: e.ID, props: props}
		index[e.ID] = row
		out.nodes = append(out.nodes, row)
	}

	// The document.
	d := r.Document
	if !strings.HasPrefix(d.ID, "doc:") {
		fail("document %q: id does not start with doc:", d.ID)
	} else {
		props := map[string]any{}
		for k, v := range map[string]string{"title": d.Title, "lang": d.Lang, "published": d.Published, "source": d.Source} {
			if v != "" {
				props[k] = v
			}
		}
		out.nodes = append(out.nodes, &nodeRow{label: kg.LabelDocument, id: d.ID, props: props})
	}

	// Facts, merged by key; mentions of their ends and attributions.
	rels := map[relKey]*relRow{}
	mentioned := map[string]map[string]bool{} // doc → entity ids
	var docs []string
	mention := func(doc, id string) {
		if doc == "" || id == "" {
			return
		}
		if mentioned[doc] == nil {
			mentioned[doc] = map[string]bool{}
			docs = append(docs, doc)
		}
		mentioned[doc][id] = true
	}
	for _, f := range r.Facts {
		info, ok := m.ont.Predicates[f.Predicate]
		if !ok {
			fail("fact %s %s %s: predicate %q is not in the ontology", f.Subject, f.Predicate, f.Object, f.Predicate)
			continue
		}
		s, o := f.Subject, f.Object
		if info.Symmetric && o < s {
			s, o = o, s
		}
		from, err1 := m.endpoint(s)
		to, err2 := m.endpoint(o)
		if err1 != nil || err2 != nil {
			err := err1
			if err == nil {
				err = err2
			}
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
			if _, err := m.endpoint(attr.(string)); err == nil {
				mention(f.Evidence.Doc, attr.(string))
			}
		}
		row := &relRow{
			relKey: relKey{s, f.Predicate, o, f.Negated}, from: from, to: to,
			modality: mod, attributedTo: attr, confidence: f.Confidence,
			sources:  neo.AppendNew(nil, f.Evidence.Doc),
			evidence: neo.AppendNew(nil, f.Evidence.Text),
			props:    neo.FlattenProps(f.Props, factReserved),
			plover:   neo.Nullable(info.Plover), cameo: neo.Nullable(info.Cameo),
		}
		if old, ok := rels[row.relKey]; ok {
			old.merge(row)
			continue
		}
		rels[row.relKey] = row
		out.rels = append(out.rels, row)
	}
	for _, doc := range docs {
		ids := make([]string, 0, len(mentioned[doc]))
		for id := range mentioned[doc] {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if l, err := m.endpoint(id); err == nil {
				out.mentions = append(out.mentions, mentionRow{doc: doc, id: id, label: l})
			}
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("document %s: %s", d.ID, strings.Join(errs, "; "))
	}
	return out, nil
}

// entityProps are an entity's node properties: its props (flattened), its
// name as name, a different name in its props as official_name.
func entityProps(e kg.Entity) map[string]any {
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
	return props
}

// merge folds src, a later row with the same key, into r as the loader's
// Cypher does: asserted wins, the first attribution, the highest confidence,
// sources and evidence appended without repeats (evidence up to MaxEvidence),
// later props over earlier ones.
func (r *relRow) merge(src *relRow) {
	if src.modality == kg.ModAsserted {
		r.modality = kg.ModAsserted
	}
	if r.attributedTo == nil {
		r.attributedTo = src.attributedTo
	}
	if src.confidence > r.confidence {
		r.confidence = src.confidence
	}
	for _, s := range src.sources {
		r.sources = neo.AppendNew(r.sources, s)
	}
	for _, e := range src.evidence {
		if len(r.evidence) >= MaxEvidence {
			break
		}
		r.evidence = neo.AppendNew(r.evidence, e)
	}
	neo.MergeInto(r.props, src.props)
	r.plover, r.cameo = src.plover, src.cameo
}
