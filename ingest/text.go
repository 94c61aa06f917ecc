package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/irkg/irkg/kg"
	"gopkg.in/yaml.v3"
)

// text reads a plain-text (or Markdown) article.
func (r *reader) text(name, source string, data []byte) error {
	a, p := parseText(name, data)
	if p != nil {
		return r.problem(p.Origin, p.Reason, p.Err)
	}
	a.Source = source
	a.Origin = name
	return r.article(a)
}

// parseText reads a text document: optional YAML front matter between "---"
// lines, then the title line, then paragraphs. A front-matter title that the
// body does not start with is put before it, as the title line.
func parseText(name string, data []byte) (kg.Article, *Problem) {
	if !utf8.Valid(data) {
		return kg.Article{}, &Problem{Origin: name, Reason: ReasonInvalidUTF8, Err: invalidAt(data)}
	}
	fm, body, err := parseFrontMatter(string(data))
	if err != nil {
		var fe *frontMatterError
		origin := name
		if errors.As(err, &fe) && fe.line > 0 {
			origin = name + ":" + strconv.Itoa(fe.line)
		}
		return kg.Article{}, &Problem{Origin: origin, Reason: ReasonMalformed, Err: err}
	}
	a := kg.Article{Lang: fm.lang, Published: fm.date, URL: fm.url}
	body = cleanText(body)
	if fm.title != "" {
		first, _, _ := strings.Cut(body, "\n")
		if oneLine(first) != fm.title {
			body = fm.title + "\n\n" + body
		}
	}
	a.Text = body
	return a, nil
}

// invalidAt says where the first invalid UTF-8 byte of data is.
func invalidAt(data []byte) error {
	line := 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Errorf("invalid UTF-8 byte 0x%02x on line %d", data[i], line)
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return errors.New("invalid UTF-8")
}

// frontMatter is what irkg takes from a text file's YAML front matter. Other
// keys (license, author, ...) are allowed and ignored.
type frontMatter struct {
	title string
	date  string // as written; normalised later
	url   string
	lang  string
}

// frontMatterError is a malformed front matter; line counts in the file, from
// 1, and is 0 when unknown.
type frontMatterError struct {
	line int
	msg  string
}

func (e *frontMatterError) Error() string { return "front matter: " + e.msg }

var yamlLine = regexp.MustCompile(`line (\d+): `)

// parseFrontMatter splits s (valid UTF-8) into its front matter and the body
// after it. Without front matter, body is s with line endings normalised.
func parseFrontMatter(s string) (fm frontMatter, body string, err error) {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	first, rest, found := strings.Cut(s, "\n")
	if !found || strings.TrimRight(first, " \t") != "---" {
		return fm, s, nil
	}
	// Find the closing "---" (or YAML's "...") line.
	var head string
	end := -1
	for off := 0; off <= len(rest); {
		line, _, _ := strings.Cut(rest[off:], "\n")
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			head = rest[:off]
			end = off + len(line)
			break
		}
		off += len(line) + 1
	}
	if end < 0 {
		return fm, "", &frontMatterError{line: 1, msg: "no closing --- line"}
	}
	body = strings.TrimPrefix(rest[end:], "\n")

	var m map[string]any
	if err := yaml.Unmarshal([]byte(head), &m); err != nil {
		return fm, "", yamlError(err)
	}
	fm.title = oneLine(scalar(m, "title"))
	fm.date = firstOf(scalar(m, "date"), scalar(m, "published"))
	fm.lang = scalar(m, "lang")
	fm.url = scalar(m, "url")
	if src := scalar(m, "source"); fm.url == "" && isURL(src) {
		fm.url = src // "source" is often a credit line; only a URL is kept
	}
	return fm, body, nil
}

// yamlError turns a yaml.v3 error into a frontMatterError with the file line
// (the YAML starts on the file's second line).
func yamlError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	msg, _, _ = strings.Cut(strings.TrimSpace(msg), "\n")
	fe := &frontMatterError{msg: msg}
	if loc := yamlLine.FindStringSubmatchIndex(msg); loc != nil {
		if n, err := strconv.Atoi(msg[loc[2]:loc[3]]); err == nil {
			fe.line = n + 1
		}
		fe.msg = msg[:loc[0]] + msg[loc[1]:]
	}
	if strings.Contains(fe.msg, "cannot unmarshal") {
		fe.msg = "not a mapping of keys to values"
	}
	return fe
}

// scalar returns the value of key as a string when it is a scalar, else "".
func scalar(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case string:
		if !utf8.ValidString(v) { // a !!binary value
			return ""
		}
		return strings.TrimSpace(v)
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return v.Format("2006-01-02")
		}
		return v.Format(time.RFC3339)
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v)
	}
	return ""
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
