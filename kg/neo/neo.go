// Package neo is the graph model of the contract in Neo4j's terms, shared by
// the loader (graph) and the script and CSV writers (export) so that every
// way in builds the same graph: how props become property values, how lists
// of sources and evidence grow, and the MERGE statements themselves.
//
// It imports only kg; labels and types given to the statement builders must
// come from an allow-list (Vocabulary).
package neo

import (
	"encoding/json"
	"fmt"
	"sort"
)

// MaxEvidence bounds the evidence sentences kept on one relationship.
const MaxEvidence = 10

// ConstraintCypher is the uniqueness constraint of one label.
func ConstraintCypher(label string) string {
	return "CREATE CONSTRAINT IF NOT EXISTS FOR (n:" + label + ") REQUIRE n.id IS UNIQUE"
}

// NodeMerge merges the nodes of one label from rows {id, props}.
func NodeMerge(label string) string {
	return "MERGE (n:" + label + " {id: row.id})\nSET n += row.props"
}

// RelMerge merges fact relationships of one type from rows {s, o, negated,
// props, modality, attributed_to, confidence, sources, evidence, plover,
// cameo}. Identity is (start, type, end, negated); lists are deduplicated in
// Cypher, so that the same rows again change nothing and a new document
// appends its id. maxEvidence is "$maxEvidence" or a literal number.
func RelMerge(typ, from, to, maxEvidence string) string {
	return "MATCH (s:" + from + " {id: row.s})\n" +
		"MATCH (o:" + to + " {id: row.o})\n" +
		"MERGE (s)-[r:" + typ + " {negated: row.negated}]->(o)\n" +
		`WITH r, row, coalesce(r.sources, []) AS oldSources, coalesce(r.evidence, []) AS oldEvidence
SET r += row.props,
    r.modality = CASE WHEN r.modality = 'asserted' OR row.modality = 'asserted' THEN 'asserted'
                      ELSE coalesce(r.modality, row.modality) END,
    r.attributed_to = coalesce(r.attributed_to, row.attributed_to),
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence
                        THEN row.confidence ELSE r.confidence END,
    r.sources = oldSources + [x IN row.sources WHERE NOT x IN oldSources],
    r.evidence = (oldEvidence + [x IN row.evidence WHERE NOT x IN oldEvidence])[0..` + maxEvidence + `],
    r.plover = row.plover,
    r.cameo = row.cameo`
}

// MentionMerge links documents to the entities of one label from rows {doc, id}.
func MentionMerge(label string) string {
	return "MATCH (d:Document {id: row.doc})\n" +
		"MATCH (e:" + label + " {id: row.id})\n" +
		"MERGE (d)-[:MENTIONS]->(e)"
}

// AppendNew appends s unless it is empty or already there.
func AppendNew(list []string, s string) []string {
	if list == nil {
		list = []string{}
	}
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// Nullable is nil for "" (a null property is no property).
func Nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// SortedKeys returns the keys of m, sorted.
func SortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// FlattenProps turns JSON-decoded props into values Neo4j can store as
// properties: strings, numbers, booleans and homogeneous lists of them. Nested
// maps and mixed lists become JSON text; null values are dropped (setting a
// property to null would delete it). Keys in skip are left out.
func FlattenProps(props map[string]any, skip map[string]bool) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		if skip[k] {
			continue
		}
		if fv, ok := FlattenValue(v); ok {
			out[k] = fv
		}
	}
	return out
}

// FlattenValue converts one value; ok is false for null.
func FlattenValue(v any) (any, bool) {
	switch x := v.(type) {
	case nil:
		return nil, false
	case string, bool, int64, float64:
		return x, true
	case int:
		return int64(x), true
	case int32:
		return int64(x), true
	case float32:
		return float64(x), true
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i, true
		}
		if f, err := x.Float64(); err == nil {
			return f, true
		}
		return x.String(), true
	case []string:
		return append([]string{}, x...), true
	case []any:
		return FlattenList(x), true
	case map[string]any:
		return JSONText(x), true
	}
	return fmt.Sprint(v), true
}

// FlattenList keeps a list of one scalar kind as a typed list (ints and floats
// together become floats) and turns anything else into a list of strings.
func FlattenList(xs []any) any {
	kinds := map[string]bool{}
	vals := make([]any, 0, len(xs))
	for _, x := range xs {
		v, ok := FlattenValue(x)
		if !ok {
			continue // a null inside a list: Neo4j lists cannot hold it
		}
		switch v.(type) {
		case string:
			kinds["string"] = true
		case bool:
			kinds["bool"] = true
		case int64, float64:
			kinds["number"] = true
		default:
			kinds["other"] = true
		}
		vals = append(vals, v)
	}
	switch {
	case len(vals) == 0:
		return []string{}
	case len(kinds) == 1 && kinds["string"]:
		out := make([]string, len(vals))
		for i, v := range vals {
			out[i] = v.(string)
		}
		return out
	case len(kinds) == 1 && kinds["bool"]:
		out := make([]bool, len(vals))
		for i, v := range vals {
			out[i] = v.(bool)
		}
		return out
	case len(kinds) == 1 && kinds["number"]:
		allInt := true
		for _, v := range vals {
			if _, ok := v.(int64); !ok {
				allInt = false
			}
		}
		if allInt {
			out := make([]int64, len(vals))
			for i, v := range vals {
				out[i] = v.(int64)
			}
			return out
		}
		out := make([]float64, len(vals))
		for i, v := range vals {
			switch n := v.(type) {
			case int64:
				out[i] = float64(n)
			case float64:
				out[i] = n
			}
		}
		return out
	}
	out := make([]string, len(vals))
	for i, v := range vals {
		if s, ok := v.(string); ok {
			out[i] = s
		} else {
			out[i] = JSONText(v)
		}
	}
	return out
}

// JSONText encodes v with sorted keys (encoding/json sorts map keys), so the
// same value always gives the same text.
func JSONText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// MergeInto copies src over dst (later values win) and returns dst.
func MergeInto(dst, src map[string]any) map[string]any {
	if dst == nil {
		dst = map[string]any{}
	}
	keys := make([]string, 0, len(src))
	for k := range src {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dst[k] = src[k]
	}
	return dst
}
