// Package match finds every gazetteer and lexicon form in a token stream with
// one automaton: a trie over folded tokens, walked once from each token.
//
// Contract: a Matcher is immutable after Build and safe for concurrent use;
// Find returns matches ordered by start token, then by length (longest first),
// then by payload index, which makes it deterministic.
package match

import (
	"sort"
	"strings"

	"github.com/irkg/irkg/extract/text"
)

// Form is one surface form to find. Pattern is tokenised like text; a word
// followed by "*" matches any word with that prefix, anywhere in the pattern
// ("sanction*", "livr* d'armes").
// With Case set, the text must match the pattern's letters exactly (acronyms:
// "US" must not match "us"); with Capital set, the first text token must start
// with an upper-case letter (proper names: "Turkey", not "turkey").
type Form struct {
	Pattern string
	Case    bool
	Capital bool
	Payload int // the caller's index of what the form means
}

type node struct {
	next     map[string]*node
	prefixes []prefixEdge
	forms    []int // indices into Matcher.forms
}

type prefixEdge struct {
	prefix string
	to     *node
}

// Matcher is the compiled automaton.
type Matcher struct {
	root  *node
	forms []compiled
}

type compiled struct {
	Form
	exact []string // pattern tokens as written (for Case)
}

// Build compiles forms. Empty patterns are ignored.
func Build(forms []Form) *Matcher {
	m := &Matcher{root: &node{}}
	for _, f := range forms {
		toks := text.Tokens(f.Pattern, text.Span{Start: 0, End: len(f.Pattern)})
		if len(toks) == 0 {
			continue
		}
		idx := len(m.forms)
		c := compiled{Form: f}
		n := m.root
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			// "livr*": a "*" glued to a word makes that word a prefix
			if i+1 < len(toks) && toks[i+1].Text == "*" && !t.SpaceAfter && t.Word {
				c.exact = append(c.exact, t.Text)
				n = n.prefixChild(t.Fold)
				i++
				continue
			}
			c.exact = append(c.exact, t.Text)
			n = n.child(t.Fold)
		}
		n.forms = append(n.forms, idx)
		m.forms = append(m.forms, c)
	}
	return m
}

func (n *node) child(k string) *node {
	if n.next == nil {
		n.next = map[string]*node{}
	}
	c, ok := n.next[k]
	if !ok {
		c = &node{}
		n.next[k] = c
	}
	return c
}

func (n *node) prefixChild(p string) *node {
	for _, e := range n.prefixes {
		if e.prefix == p {
			return e.to
		}
	}
	c := &node{}
	n.prefixes = append(n.prefixes, prefixEdge{p, c})
	return c
}

// Match is one form found: tokens [Start, End) of the input.
type Match struct {
	Start, End int
	Payload    int
}

// Find returns every match of every form in toks.
func (m *Matcher) Find(toks []text.Token) []Match {
	out := make([]Match, 0, len(toks)/2+4)
	var walk func(n *node, start, i int)
	walk = func(n *node, start, i int) {
		for _, fi := range n.forms {
			f := &m.forms[fi]
			if m.accept(f, toks[start:i]) {
				out = append(out, Match{Start: start, End: i, Payload: f.Payload})
			}
		}
		if i >= len(toks) {
			return
		}
		t := toks[i].Fold
		if c, ok := n.next[t]; ok {
			walk(c, start, i+1)
		}
		for _, e := range n.prefixes {
			if strings.HasPrefix(t, e.prefix) && toks[i].Word {
				walk(e.to, start, i+1)
			}
		}
	}
	for i := range toks {
		walk(m.root, i, i)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Start != out[b].Start {
			return out[a].Start < out[b].Start
		}
		if out[a].End != out[b].End {
			return out[a].End > out[b].End
		}
		return out[a].Payload < out[b].Payload
	})
	return out
}

func (m *Matcher) accept(f *compiled, toks []text.Token) bool {
	if len(toks) == 0 {
		return false
	}
	if f.Capital && !toks[0].Upper {
		return false
	}
	if f.Case {
		for i, t := range toks {
			if i < len(f.exact) && t.Text != f.exact[i] && !strings.HasPrefix(t.Text, f.exact[i]) {
				return false
			}
		}
	}
	return true
}
