package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/irkg/irkg/extract/text"
)

// TestDebug prints the mentions and triggers of IRKG_DEBUG_TEXT (a developer aid).
func TestDebug(t *testing.T) {
	in := os.Getenv("IRKG_DEBUG_TEXT")
	if f := os.Getenv("IRKG_DEBUG_FILE"); f != "" {
		for _, a := range corpus(t) {
			if strings.Contains(a.Source, f) {
				in, _ = strings.CutPrefix(a.Text, "")
			}
		}
	}
	if in == "" {
		t.Skip("set IRKG_DEBUG_TEXT to print the analysis of a text")
	}
	lang := os.Getenv("IRKG_DEBUG_LANG")
	if lang == "" {
		lang = "en"
	}
	x := extractor(t)
	tx := text.Normalize("Titre\n\n" + in)
	d := newDoc(x, x.models[lang], lang, tx, os.Getenv("IRKG_DEBUG_DATE"))
	d.keep = true
	d.run(text.Sentences(tx))
	for _, s := range d.sents {
		fmt.Printf("S%d: %s\n", s.idx, tx[s.span.Start:s.span.End])
		for _, m := range s.ments {
			fmt.Printf("  mention %d-%d %q %s %v kind=%d consumed=%v\n", m.start, m.end, tx[s.toks[m.start].Start:s.toks[m.end-1].End], m.id, m.ids, m.kind, m.consumed)
		}
		for _, r := range s.roles {
			fmt.Printf("  role %d-%d %s %s %v\n", r.start, r.end, r.p.role.Role, r.p.role.Kind, r.p.form)
		}
		for _, r := range s.rels {
			fmt.Printf("  rel %d-%d %s %v\n", r.start, r.end, r.p.rel.Predicate, r.p.form)
		}
		for c, spans := range s.cues {
			for _, sp := range spans {
				fmt.Printf("  cue %s %d-%d %q\n", c, sp.start, sp.end, tx[s.toks[sp.start].Start:s.toks[sp.end-1].End])
			}
		}
	}
	for _, f := range d.facts {
		fmt.Println("  fact", fact(f))
	}
}
