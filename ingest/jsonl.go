package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/irkg/irkg/kg"
)

// jsonl streams a JSONL dump line by line: each non-blank line is one
// article, its origin "name:LINE". A line over Options.MaxLineBytes is skipped
// without being held in memory.
func (r *reader) jsonl(name string, rd io.Reader) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	limit := r.opts.MaxLineBytes
	var line []byte
	for n := 1; ; n++ {
		var tooLong bool
		line = line[:0]
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if len(line)+len(bytes.TrimRight(chunk, "\r\n")) > limit {
					tooLong = true
					line = line[:0]
				} else {
					line = append(line, chunk...)
				}
			}
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if err != nil && err != io.EOF {
			return r.problem(name+":"+strconv.Itoa(n), ReasonUnreadable, err)
		}
		origin := name + ":" + strconv.Itoa(n)
		if tooLong {
			if perr := r.problem(origin, ReasonTooLarge, fmt.Errorf("line over %d bytes", limit)); perr != nil {
				return perr
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			a, p := parseJSONLine(name, n, line)
			var perr error
			if p != nil {
				perr = r.problem(p.Origin, p.Reason, p.Err)
			} else {
				perr = r.article(a)
			}
			if perr != nil {
				return perr
			}
		}
		if err == io.EOF {
			return nil
		}
		if n%256 == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		if cap(line) > 1<<20 { // do not keep a large buffer for the lines after a long one
			line = nil
		}
	}
}

// jsonRecord is the line of a dump; other fields are ignored.
type jsonRecord struct {
	ID        flexString `json:"id"`
	Title     flexString `json:"title"`
	Text      flexString `json:"text"`
	URL       flexString `json:"url"`
	Published flexString `json:"published"`
	Date      flexString `json:"date"`
	Lang      flexString `json:"lang"`
}

// flexString takes a JSON string, number or null.
type flexString string

func (s *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		*s = ""
	case len(b) > 0 && b[0] == '"':
		var v string
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		*s = flexString(v)
	case len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')):
		*s = flexString(b)
	default:
		return fmt.Errorf("want a string or a number, not %.20s", b)
	}
	return nil
}

// parseJSONLine reads line n of dump name: Text is title + blank line + text,
// Source the url, else "name#id", else "name:n".
func parseJSONLine(name string, n int, line []byte) (kg.Article, *Problem) {
	origin := name + ":" + strconv.Itoa(n)
	if !utf8.Valid(line) {
		return kg.Article{}, &Problem{Origin: origin, Reason: ReasonInvalidUTF8, Err: invalidAt(line)}
	}
	line = bytes.TrimSpace(bytes.TrimPrefix(line, utf8BOM))
	if len(line) == 0 || line[0] != '{' {
		return kg.Article{}, &Problem{Origin: origin, Reason: ReasonMalformed, Err: errors.New("not a JSON object")}
	}
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return kg.Article{}, &Problem{Origin: origin, Reason: ReasonMalformed, Err: jsonError(err)}
	}
	title := oneLine(string(rec.Title))
	text := strings.TrimSpace(string(rec.Text))
	a := kg.Article{
		Text:      strings.TrimSpace(title + "\n\n" + text),
		Lang:      string(rec.Lang),
		Published: firstOf(string(rec.Published), string(rec.Date)),
		URL:       strings.TrimSpace(string(rec.URL)),
		Origin:    origin,
	}
	switch id := strings.TrimSpace(string(rec.ID)); {
	case a.URL != "":
		a.Source = a.URL
	case id != "":
		a.Source = name + "#" + id
	default:
		a.Source = origin
	}
	return a, nil
}

// jsonError shortens encoding/json's messages.
func jsonError(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("JSON syntax at byte %d: %w", se.Offset, err)
	}
	return err
}
