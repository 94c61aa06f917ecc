package neo

import (
	"fmt"
	"sort"
	"strings"

	"github.com/irkg/irkg/kg"
)

// Predicate is what the graph model knows of a relationship type.
type Predicate struct {
	Symmetric     bool   // stored once, its ends in sorted order
	Plover, Cameo string // event codes, "" when none
}

// Vocabulary is the allow-list the rows are checked against.
type Vocabulary interface {
	// HasLabel reports whether an entity label may be written.
	HasLabel(label string) bool
	// Predicate returns a relationship type that may be written.
	Predicate(name string) (Predicate, bool)
	// LabelOfID is the label an id's prefix implies (country:RUS → Country),
	// "" when none: the label of a fact's end that has no entity record.
	LabelOfID(id string) string
}

// Node is a node to merge on its id: an entity or a document.
type Node struct {
	Label, ID string
	Props     map[string]any // id excluded
}

// RelKey is the identity of a relationship: (start, type, end, negated).
type RelKey struct {
	S, Type, O string
	Negated    bool
}

// Rel is a fact relationship with the properties the graph gives it.
type Rel struct {
	RelKey
	From, To     string // labels of the ends
	Modality     string
	AttributedTo any // string or nil
	Confidence   float64
	Sources      []string
	Evidence     []string
	Props        map[string]any
	Plover       any // string or nil
	Cameo        any
}

// Mention is Document-[:MENTIONS]->entity.
type Mention struct {
	Doc, ID, Label string
}

// Rows is the graph of some documents, entities and facts.
type Rows struct {
	Nodes     []*Node // entities in input order, then documents
	Rels      []*Rel  // in fact order
	Mentions  []Mention
	Entities  int // distinct entities
	Documents int // distinct documents
	Relations int // distinct relationship keys
}

// EntityReserved and FactReserved are the keys the model owns: props with
// these names are left out.
var (
	EntityReserved = map[string]bool{"id": true}
	FactReserved   = map[string]bool{"negated": true, "modality": true, "attributed_to": true,
		"confidence": true, "sources": true, "evidence": true, "plover": true, "cameo": true}
)

// Builder turns documents, entities and facts into rows. It remembers the
// label of every entity id it has seen, across calls, so that a stream of
// results can be checked for an id given two labels.
type Builder struct {
	Voc Vocabulary
	// Merge folds facts with the same key into one row (sources and evidence
	// gathered in input order, the highest confidence, the first
	// attribution); without it each fact is a row of its own and Cypher
	// merges them the same way (RelMerge).
	Merge   bool
	labelOf map[string]string
}

// Build maps one batch. Problems (a label, type or id not allowed) are
// returned all together, and no rows with them.
func (b *Builder) Build(docs []kg.Document, ents []kg.Entity, facts []kg.Fact) (*Rows, []string) {
	if b.labelOf == nil {
		b.labelOf = map[string]string{}
	}
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	out := &Rows{}

	// Entities: one row per id, later records' props over earlier ones.
	index := map[string]*Node{}
	for _, e := range ents {
		if e.ID == "" {
			fail("entity with no id (name %q)", e.Name)
			continue
		}
		if e.Label == kg.LabelDocument {
			fail("entity %s: label Document is for document records", e.ID)
			continue
		}
		if !b.Voc.HasLabel(e.Label) {
			fail("entity %s: label %q is not in the ontology", e.ID, e.Label)
			continue
		}
		if old, ok := b.labelOf[e.ID]; ok && old != e.Label {
			fail("entity %s: label %s, but %s elsewhere in the input", e.ID, e.Label, old)
			continue
		}
		props := EntityProps(e)
		if n, ok := index[e.ID]; ok {
			MergeInto(n.Props, props)
			continue
		}
		b.labelOf[e.ID] = e.Label
		n := &Node{Label: e.Label, ID: e.ID, Props: props}
		index[e.ID] = n
		out.Nodes = append(out.Nodes, n)
	}
	out.Entities = len(index)

	// Documents.
	docIndex := map[string]*Node{}
	for _, d := range docs {
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
		if n, ok := docIndex[d.ID]; ok {
			MergeInto(n.Props, props)
			continue
		}
		n := &Node{Label: kg.LabelDocument, ID: d.ID, Props: props}
		docIndex[d.ID] = n
		out.Nodes = append(out.Nodes, n)
	}
	out.Documents = len(docIndex)

	// Facts, with the mentions of their ends and attributions.
	rels := map[RelKey]*Rel{}
	mentioned := map[string]map[string]bool{} // doc → entity ids
	var docOrder []string
	mention := func(doc, id string) {
		if doc == "" || id == "" {
			return
		}
		if mentioned[doc] == nil {
			mentioned[doc] = map[string]bool{}
			docOrder = append(docOrder, doc)
		}
		mentioned[doc][id] = true
	}
	for _, f := range facts {
		info, ok := b.Voc.Predicate(f.Predicate)
		if !ok {
			fail("fact %s %s %s: predicate %q is not in the ontology", f.Subject, f.Predicate, f.Object, f.Predicate)
			continue
		}
		s, o := f.Subject, f.Object
		if info.Symmetric && o < s {
			s, o = o, s
		}
		from, err1 := b.endpoint(s)
		to, err2 := b.endpoint(o)
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
			if _, err := b.endpoint(attr.(string)); err == nil {
				mention(f.Evidence.Doc, attr.(string))
			}
		}
		r := &Rel{
			RelKey: RelKey{s, f.Predicate, o, f.Negated}, From: from, To: to,
			Modality: mod, AttributedTo: attr, Confidence: f.Confidence,
			Sources:  AppendNew(nil, f.Evidence.Doc),
			Evidence: AppendNew(nil, f.Evidence.Text),
			Props:    FlattenProps(f.Props, FactReserved),
			Plover:   Nullable(info.Plover), Cameo: Nullable(info.Cameo),
		}
		if old, ok := rels[r.RelKey]; ok && b.Merge {
			old.Merge(r)
			continue
		} else if !ok {
			rels[r.RelKey] = r
		}
		out.Rels = append(out.Rels, r)
	}
	out.Relations = len(rels)

	for _, doc := range docOrder {
		for _, id := range SortedKeys(mentioned[doc]) {
			if l, err := b.endpoint(id); err == nil {
				out.Mentions = append(out.Mentions, Mention{Doc: doc, ID: id, Label: l})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// endpoint is the label of a fact's end: its entity record's, else its prefix's.
func (b *Builder) endpoint(id string) (string, error) {
	if l, ok := b.labelOf[id]; ok {
		return l, nil
	}
	l := b.Voc.LabelOfID(id)
	if l == "" || l == kg.LabelDocument {
		return "", fmt.Errorf("no entity record for %q and its prefix names no entity label", id)
	}
	if !b.Voc.HasLabel(l) {
		return "", fmt.Errorf("label %q is not in the ontology", l)
	}
	return l, nil
}

// EntityProps are an entity's node properties: its props (flattened), its
// name as name, a different name in its props as official_name.
func EntityProps(e kg.Entity) map[string]any {
	props := FlattenProps(e.Props, EntityReserved)
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

// Merge folds src, a later row with the same key, into r as RelMerge's
// Cypher does: asserted wins, the first attribution, the highest confidence,
// sources and evidence appended without repeats (evidence up to
// MaxEvidence), later props over earlier ones.
func (r *Rel) Merge(src *Rel) {
	if src.Modality == kg.ModAsserted {
		r.Modality = kg.ModAsserted
	}
	if r.AttributedTo == nil {
		r.AttributedTo = src.AttributedTo
	}
	if src.Confidence > r.Confidence {
		r.Confidence = src.Confidence
	}
	for _, s := range src.Sources {
		r.Sources = AppendNew(r.Sources, s)
	}
	for _, e := range src.Evidence {
		if len(r.Evidence) >= MaxEvidence {
			break
		}
		r.Evidence = AppendNew(r.Evidence, e)
	}
	MergeInto(r.Props, src.Props)
	r.Plover, r.Cameo = src.Plover, src.Cameo
}

// Params is the row RelMerge's Cypher reads.
func (r *Rel) Params() map[string]any {
	return map[string]any{
		"s": r.S, "o": r.O, "negated": r.Negated, "modality": r.Modality, "attributed_to": r.AttributedTo,
		"confidence": r.Confidence, "sources": r.Sources, "evidence": r.Evidence,
		"props": r.Props, "plover": r.Plover, "cameo": r.Cameo,
	}
}

// SortRels orders relationship groups' keys: by type, then start and end labels.
func SortRels(keys [][3]string) {
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		for k := 0; k < 3; k++ {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
}
