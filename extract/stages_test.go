package extract

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irkg/irkg/extract/text"
	"github.com/irkg/irkg/internal/golden"
	"github.com/irkg/irkg/kg"
)

var update = flag.Bool("update", false, "rewrite the golden files of the stages")

// stages renders what each stage saw in an article: sentences, the actors
// found in them (after offices and coreference) and the triggers.
func stages(t testing.TB, a kg.Article) string {
	x := extractor(t)
	tx := text.Normalize(a.Text)
	d := newDoc(x, x.models[a.Lang], a.Lang, tx, a.Published)
	d.keep = true
	d.run(text.Sentences(tx))
	var b strings.Builder
	for _, s := range d.sents {
		fmt.Fprintf(&b, "S%d %d-%d %s\n", s.idx, s.span.Start, s.span.End, tx[s.span.Start:s.span.End])
		for _, m := range s.ments {
			id := m.id
			if m.kind == mkGroup {
				id = strings.Join(m.ids, "+")
			}
			fmt.Fprintf(&b, "  actor %q %s\n", tx[s.toks[m.start].Start:s.toks[m.end-1].End], id)
		}
		for _, r := range s.rels {
			fmt.Fprintf(&b, "  trigger %q %s\n", tx[s.toks[r.start].Start:s.toks[r.end-1].End], r.p.rel.Predicate)
		}
		for _, c := range s.clauses {
			fmt.Fprintf(&b, "  clause %q %s\n", tx[s.toks[c.start].Start:s.toks[c.end-1].End], c.p.clause)
		}
		for _, m := range s.agMents {
			fmt.Fprintf(&b, "  agreement %q %s\n", tx[s.toks[m.start].Start:s.toks[m.end-1].End], m.a.finalID())
		}
	}
	return b.String()
}

// TestStagesGolden keeps the intermediate stages of every dev article under
// review: a change in sentence splitting, mention detection or coreference
// shows here before it shows in the facts. Rewrite with -update.
func TestStagesGolden(t *testing.T) {
	for _, a := range corpus(t) {
		name := strings.TrimSuffix(filepath.Base(a.Source), ".txt")
		t.Run(name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", "stages", name+".txt"), stages(t, a), *update)
		})
	}
}
