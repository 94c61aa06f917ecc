package graph

import (
	"encoding/json"
	"fmt"
	"sort"
)

// flattenProps turns JSON-decoded props into values Neo4j can store as
// properties: strings, numbers, booleans and homogeneous lists of them. Nested
// maps and mixed lists become JSON text; null values are dropped (setting a
// property to null would delete it). Keys in skip are left out.
func flattenProps(props map[string]any, skip map[string]bool) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		if skip[k] {
			continue
		}
		if fv, ok := flattenValue(v); ok {
			out[k] = fv
		}
	}
	return out
}

// flattenValue converts one value; ok is false for null.
func flattenValue(v any) (any, bool) {
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
		return flattenList(x), true
	case map[string]any:
		return jsonText(x), true
	}
	return fmt.Sprint(v), true
}

// flattenList keeps a list of one scalar kind as a typed list (ints and floats
// together become floats) and turns anything else into a list of strings.
func flattenList(xs []any) any {
	kinds := map[string]bool{}
	vals := make([]any, 0, len(xs))
	for _, x := range xs {
		v, ok := flattenValue(x)
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
			out[i] = jsonText(v)
		}
	}
	return out
}

// jsonText encodes v with sorted keys (encoding/json sorts map keys), so the
// same value always gives the same text.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// mergeInto copies src over dst (later values win) and returns dst.
func mergeInto(dst, src map[string]any) map[string]any {
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
