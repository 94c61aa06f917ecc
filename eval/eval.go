// Package eval scores extraction results against gold annotations exactly as
// ONTOLOGY §6 says: facts projected to (subject, predicate, object, negated),
// agreements replaced by the set of their non-negated PARTY_TO subjects,
// person slugs mapped to canonical ones, symmetric predicates sorted; micro
// precision, recall and F1; attribution, modality and agreement-kind accuracy.
package eval

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/irkg/irkg/kg"
	"gopkg.in/yaml.v3"
)

// Gold is one NAME.gold.yaml file.
type Gold struct {
	Doc        string                   `yaml:"doc"`
	Lang       string                   `yaml:"lang"`
	Agreements map[string]GoldAgreement `yaml:"agreements"`
	Persons    map[string][]string      `yaml:"persons"`
	RawFacts   []yaml.Node              `yaml:"facts"`
	RawOpt     []yaml.Node              `yaml:"optional"`

	Facts    []GoldFact `yaml:"-"`
	Optional []GoldFact `yaml:"-"`
}

// GoldAgreement is a local agreement name's party codes and kind.
type GoldAgreement struct {
	Parties []string `yaml:"parties"`
	Kind    string   `yaml:"kind"`
}

// GoldFact is one annotated fact; Attributed and Modality are "" when the gold
// does not say.
type GoldFact struct {
	Subject, Predicate, Object string
	Negated                    bool
	Attributed                 string
	Modality                   string
	Line                       int
}

type goldFactMap struct {
	Fact         []string `yaml:"fact"`
	Negated      bool     `yaml:"negated"`
	Modality     string   `yaml:"modality"`
	AttributedTo string   `yaml:"attributed_to"`
}

// LoadGold reads and checks a gold file; errors name the file and line.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gold %s: %w", path, err)
	}
	var g Gold
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&g); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("gold %s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var problems []string
	parse := func(nodes []yaml.Node) []GoldFact {
		var out []GoldFact
		for i := range nodes {
			n := &nodes[i]
			var gf GoldFact
			gf.Line = n.Line
			var triple []string
			switch n.Kind {
			case yaml.SequenceNode:
				if err := n.Decode(&triple); err != nil {
					problems = append(problems, fmt.Sprintf("%s:%d: %v", path, n.Line, err))
					continue
				}
			case yaml.MappingNode:
				bad := false
				for k := 0; k+1 < len(n.Content); k += 2 {
					switch key := n.Content[k]; key.Value {
					case "fact", "negated", "modality", "attributed_to":
					default:
						problems = append(problems, fmt.Sprintf("%s:%d: unknown key %q in a fact", path, key.Line, key.Value))
						bad = true
					}
				}
				if bad {
					continue
				}
				var m goldFactMap
				if err := n.Decode(&m); err != nil {
					problems = append(problems, fmt.Sprintf("%s:%d: %v", path, n.Line, err))
					continue
				}
				triple = m.Fact
				gf.Negated, gf.Modality, gf.Attributed = m.Negated, m.Modality, m.AttributedTo
			default:
				problems = append(problems, fmt.Sprintf("%s:%d: a fact is a [subject, predicate, object] list or a {fact: …} map", path, n.Line))
				continue
			}
			if len(triple) != 3 {
				problems = append(problems, fmt.Sprintf("%s:%d: a fact needs subject, predicate and object", path, n.Line))
				continue
			}
			gf.Subject, gf.Predicate, gf.Object = triple[0], triple[1], triple[2]
			out = append(out, gf)
		}
		return out
	}
	g.Facts = parse(g.RawFacts)
	g.Optional = parse(g.RawOpt)
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return &g, nil
}

// Key is a projected fact.
type Key struct {
	Subject, Predicate, Object string
	Negated                    bool
}

func (k Key) String() string {
	s := fmt.Sprintf("[%s, %s, %s]", k.Subject, k.Predicate, k.Object)
	if k.Negated {
		s += " (negated)"
	}
	return s
}

// Config says which predicates count and which are symmetric.
type Config struct {
	Predicates map[string]bool // the predicates of §2
	Symmetric  map[string]bool
}

// DocScore is the score of one document.
type DocScore struct {
	Name                         string
	Predicted, Required, Matched int // Predicted excludes optional-only facts
	Optional                     int // predicted facts found in optional
	AttrTotal, AttrRight         int
	ModTotal, ModRight           int
	KindTotal, KindRight         int
	Missed, Extra                []Key
}

// Score compares one result with its gold.
func Score(name string, res kg.Result, g *Gold, cfg Config) DocScore {
	ds := DocScore{Name: name}
	canon := map[string]string{}
	for c, aliases := range g.Persons {
		for _, a := range aliases {
			canon["person:"+a] = "person:" + c
		}
	}
	person := func(id string) string {
		if c, ok := canon[id]; ok {
			return c
		}
		return id
	}
	// predicted agreements: id → party set; kinds
	parties := map[string][]string{}
	for _, f := range res.Facts {
		if f.Predicate == "PARTY_TO" && !f.Negated && strings.HasPrefix(f.Object, "agreement:") {
			parties[f.Object] = append(parties[f.Object], code(f.Subject))
		}
	}
	agKey := func(ps []string) string {
		ps = append([]string(nil), ps...)
		sort.Strings(ps)
		ps = uniq(ps)
		return "agreement{" + strings.Join(ps, ",") + "}"
	}
	predKind := map[string]string{}
	for _, e := range res.Entities {
		if e.Label == kg.LabelAgreement {
			if k, ok := e.Props["kind"].(string); ok {
				predKind[agKey(parties[e.ID])] = k
			}
		}
	}
	projID := func(id string) string {
		if strings.HasPrefix(id, "agreement:") {
			return agKey(parties[id])
		}
		return person(id)
	}
	project := func(s, p, o string, neg bool) Key {
		k := Key{projID(s), p, projID(o), neg}
		if cfg.Symmetric[p] && k.Object < k.Subject {
			k.Subject, k.Object = k.Object, k.Subject
		}
		return k
	}
	goldID := func(id string) string {
		if a, ok := g.Agreements[id]; ok {
			return agKey(a.Parties)
		}
		return person(id)
	}
	goldKey := func(f GoldFact) Key {
		k := Key{goldID(f.Subject), f.Predicate, goldID(f.Object), f.Negated}
		if cfg.Symmetric[k.Predicate] && k.Object < k.Subject {
			k.Subject, k.Object = k.Object, k.Subject
		}
		return k
	}
	required := map[Key]GoldFact{}
	var reqOrder []Key
	for _, f := range g.Facts {
		k := goldKey(f)
		if _, dup := required[k]; !dup {
			reqOrder = append(reqOrder, k)
		}
		required[k] = f
	}
	optional := map[Key]bool{}
	for _, f := range g.Optional {
		optional[goldKey(f)] = true
	}
	predicted := map[Key][]kg.Fact{}
	var predOrder []Key
	for _, f := range res.Facts {
		if !cfg.Predicates[f.Predicate] {
			continue
		}
		k := project(f.Subject, f.Predicate, f.Object, f.Negated)
		if _, ok := predicted[k]; !ok {
			predOrder = append(predOrder, k)
		}
		predicted[k] = append(predicted[k], f)
	}
	for _, k := range predOrder {
		if _, ok := required[k]; ok {
			ds.Predicted++
			ds.Matched++
			gf := required[k]
			if gf.Attributed != "" {
				ds.AttrTotal++
				for _, f := range predicted[k] {
					if f.AttributedTo != nil && person(*f.AttributedTo) == person(gf.Attributed) {
						ds.AttrRight++
						break
					}
				}
			}
			if gf.Modality != "" {
				ds.ModTotal++
				for _, f := range predicted[k] {
					if f.Modality == gf.Modality {
						ds.ModRight++
						break
					}
				}
			}
			continue
		}
		if optional[k] {
			ds.Optional++
			continue
		}
		ds.Predicted++
		ds.Extra = append(ds.Extra, k)
	}
	for _, k := range reqOrder {
		ds.Required++
		if _, ok := predicted[k]; !ok {
			ds.Missed = append(ds.Missed, k)
		}
	}
	// agreement kinds
	names := make([]string, 0, len(g.Agreements))
	for n := range g.Agreements {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := g.Agreements[n]
		if a.Kind == "" {
			continue
		}
		if k, ok := predKind[agKey(a.Parties)]; ok {
			ds.KindTotal++
			if k == a.Kind {
				ds.KindRight++
			}
		}
	}
	return ds
}

func code(id string) string {
	if i := strings.IndexByte(id, ':'); i >= 0 {
		return id[i+1:]
	}
	return id
}

func uniq(xs []string) []string {
	var out []string
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// Total sums document scores (micro-averaging).
type Total struct {
	DocScore
	Docs int
}

// Add adds a document's counts.
func (t *Total) Add(d DocScore) {
	t.Docs++
	t.Predicted += d.Predicted
	t.Required += d.Required
	t.Matched += d.Matched
	t.Optional += d.Optional
	t.AttrTotal += d.AttrTotal
	t.AttrRight += d.AttrRight
	t.ModTotal += d.ModTotal
	t.ModRight += d.ModRight
	t.KindTotal += d.KindTotal
	t.KindRight += d.KindRight
}

// PRF returns precision, recall and F1 of counts.
func PRF(matched, predicted, required int) (p, r, f float64) {
	if predicted > 0 {
		p = float64(matched) / float64(predicted)
	}
	if required > 0 {
		r = float64(matched) / float64(required)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Ratio returns right/total, or -1 when total is 0.
func Ratio(right, total int) float64 {
	if total == 0 {
		return -1
	}
	return float64(right) / float64(total)
}
