// Package export writes extraction results: the JSONL records of the contract
// (ONTOLOGY §5), a readable table for people, a Cypher script for cypher-shell
// and the CSV files of neo4j-admin's bulk importer, the last two building the
// same graph as irkg load.
package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/irkg/irkg/kg"
)

type docRecord struct {
	Record    string `json:"record"`
	ID        string `json:"id"`
	Title     string `json:"title"`
	Lang      string `json:"lang"`
	Published string `json:"published"`
	Source    string `json:"source"`
}

type entityRecord struct {
	Record string         `json:"record"`
	ID     string         `json:"id"`
	Label  string         `json:"label"`
	Name   string         `json:"name"`
	Props  map[string]any `json:"props"`
}

type factRecord struct {
	Record       string         `json:"record"`
	Subject      string         `json:"subject"`
	Predicate    string         `json:"predicate"`
	Object       string         `json:"object"`
	Negated      bool           `json:"negated"`
	Modality     string         `json:"modality"`
	AttributedTo *string        `json:"attributed_to"`
	Props        map[string]any `json:"props"`
	Evidence     kg.Evidence    `json:"evidence"`
	Confidence   float64        `json:"confidence"`
}

// JSONL writes results as contract records: for each document its document
// record, then each entity its facts use (once per stream, sorted by id), then
// its facts. Output is deterministic for the same results in the same order.
type JSONL struct {
	w    *bufio.Writer
	seen map[string]bool
}

// NewJSONL returns a writer on w; call Flush at the end.
func NewJSONL(w io.Writer) *JSONL {
	return &JSONL{w: bufio.NewWriterSize(w, 64<<10), seen: map[string]bool{}}
}

func (j *JSONL) line(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = j.w.Write(b)
	return err
}

// Write writes one result.
func (j *JSONL) Write(r kg.Result) error {
	d := r.Document
	if err := j.line(docRecord{"document", d.ID, d.Title, d.Lang, d.Published, d.Source}); err != nil {
		return err
	}
	ents := append([]kg.Entity(nil), r.Entities...)
	sort.Slice(ents, func(a, b int) bool { return ents[a].ID < ents[b].ID })
	for _, e := range ents {
		if j.seen[e.ID] {
			continue
		}
		j.seen[e.ID] = true
		props := e.Props
		if props == nil {
			props = map[string]any{}
		}
		if err := j.line(entityRecord{"entity", e.ID, e.Label, e.Name, props}); err != nil {
			return err
		}
	}
	for _, f := range r.Facts {
		props := f.Props
		if props == nil {
			props = map[string]any{}
		}
		if err := j.line(factRecord{"fact", f.Subject, f.Predicate, f.Object, f.Negated, f.Modality, f.AttributedTo, props, f.Evidence, f.Confidence}); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes what is buffered.
func (j *JSONL) Flush() error { return j.w.Flush() }

// Table writes results for people: one block per document, one line per fact.
type Table struct {
	w *bufio.Writer
}

// NewTable returns a table writer on w; call Flush at the end.
func NewTable(w io.Writer) *Table { return &Table{w: bufio.NewWriter(w)} }

// Write writes one result.
func (t *Table) Write(r kg.Result) error {
	d := r.Document
	fmt.Fprintf(t.w, "# %s  [%s %s] %s\n", d.Title, d.Lang, d.Published, d.Source)
	if len(r.Facts) == 0 {
		fmt.Fprintln(t.w, "  (no facts)")
	}
	for _, f := range r.Facts {
		var flags []string
		if f.Negated {
			flags = append(flags, "NOT")
		}
		if f.Modality != kg.ModAsserted {
			flags = append(flags, f.Modality)
		}
		if f.AttributedTo != nil {
			flags = append(flags, "per "+*f.AttributedTo)
		}
		extra := ""
		if len(flags) > 0 {
			extra = " (" + strings.Join(flags, ", ") + ")"
		}
		ev := f.Evidence.Text
		if len(ev) > 90 {
			cut := 90
			for cut > 0 && (ev[cut]&0xC0) == 0x80 {
				cut--
			}
			ev = ev[:cut] + "…"
		}
		fmt.Fprintf(t.w, "  %-34s %-18s %-40s%s\n      s%d: %s\n", f.Subject, f.Predicate, f.Object, extra, f.Evidence.Sentence, ev)
	}
	fmt.Fprintln(t.w)
	return nil
}

// Flush writes what is buffered.
func (t *Table) Flush() error { return t.w.Flush() }
