package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/irkg/irkg/kg"
)

// Input is what one load writes: documents, entities and facts, in the order
// read. The same entity may appear more than once (once per document that uses
// it); the loader merges them.
type Input struct {
	Documents []kg.Document
	Entities  []kg.Entity
	Facts     []kg.Fact
}

// AddResult appends what extraction produced for one article.
func (in *Input) AddResult(r kg.Result) {
	in.Documents = append(in.Documents, r.Document)
	in.Entities = append(in.Entities, r.Entities...)
	in.Facts = append(in.Facts, r.Facts...)
}

// MaxLine is the longest JSONL line the reader accepts (a document record
// carries no text, so lines are short; this leaves room for long evidence).
const MaxLine = 16 << 20

// record is one line of `irkg extract --format jsonl` (ONTOLOGY §5): the union
// of the document, entity and fact records, told apart by Record.
type record struct {
	Record string `json:"record"`

	ID        string `json:"id"`        // document, entity
	Title     string `json:"title"`     // document
	Lang      string `json:"lang"`      // document
	Published string `json:"published"` // document
	Source    string `json:"source"`    // document

	Label string         `json:"label"` // entity
	Name  string         `json:"name"`  // entity
	Props map[string]any `json:"props"` // entity, fact

	Subject      string      `json:"subject"` // fact
	Predicate    string      `json:"predicate"`
	Object       string      `json:"object"`
	Negated      bool        `json:"negated"`
	Modality     string      `json:"modality"`
	AttributedTo *string     `json:"attributed_to"`
	Evidence     kg.Evidence `json:"evidence"`
	Confidence   float64     `json:"confidence"`
}

// ReadJSONL appends the records of one JSONL stream to in. name is used in
// errors, which read "name:line: message". Blank lines are skipped. When allow
// is not nil, entity labels and fact predicates must be in it.
func (in *Input) ReadJSONL(r io.Reader, name string, allow *Allow) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), MaxLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if err := in.decodeLine(b, allow); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			return fmt.Errorf("%s:%d: line longer than %d bytes", name, line+1, MaxLine)
		}
		return fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return nil
}

func (in *Input) decodeLine(b []byte, allow *Allow) error {
	var rec record
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // keep integers integers (duration_years: 20, not 20.0)
	if err := dec.Decode(&rec); err != nil {
		return fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("more than one JSON value on the line")
	}
	switch rec.Record {
	case "document":
		if !strings.HasPrefix(rec.ID, "doc:") {
			return fmt.Errorf("document: id %q does not start with doc:", rec.ID)
		}
		in.Documents = append(in.Documents, kg.Document{ID: rec.ID, Title: rec.Title,
			Lang: rec.Lang, Published: rec.Published, Source: rec.Source})
	case "entity":
		if rec.ID == "" {
			return fmt.Errorf("entity: no id")
		}
		if allow != nil {
			if _, err := allow.Label(rec.Label); err != nil {
				return fmt.Errorf("entity %s: %w", rec.ID, err)
			}
		}
		in.Entities = append(in.Entities, kg.Entity{ID: rec.ID, Label: rec.Label, Name: rec.Name, Props: rec.Props})
	case "fact":
		if rec.Subject == "" || rec.Predicate == "" || rec.Object == "" {
			return fmt.Errorf("fact: subject, predicate and object are required")
		}
		if allow != nil {
			if _, err := allow.Predicate(rec.Predicate); err != nil {
				return fmt.Errorf("fact %s %s %s: %w", rec.Subject, rec.Predicate, rec.Object, err)
			}
		}
		in.Facts = append(in.Facts, kg.Fact{Subject: rec.Subject, Predicate: rec.Predicate,
			Object: rec.Object, Negated: rec.Negated, Modality: rec.Modality,
			AttributedTo: rec.AttributedTo, Props: rec.Props, Evidence: rec.Evidence,
			Confidence: rec.Confidence})
	case "":
		return fmt.Errorf(`no "record" field (want document, entity or fact)`)
	default:
		return fmt.Errorf("unknown record %q (want document, entity or fact)", rec.Record)
	}
	return nil
}
