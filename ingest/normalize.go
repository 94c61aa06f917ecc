package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/irkg/irkg/kg"
	"github.com/itlightning/dateparse"
)

// finish brings an article read by any reader to the contract of Read: clean
// text, title = first line, an ISO date, a supported language. It returns a
// Problem reason (and detail) when the article must be skipped.
func finish(a *kg.Article) (string, error) {
	a.Text = cleanText(a.Text)
	if a.Text == "" {
		return ReasonEmpty, errors.New("no text")
	}
	first, rest, found := strings.Cut(a.Text, "\n")
	a.Title = strings.TrimSpace(first)
	a.Text = a.Title
	if found {
		a.Text += "\n" + rest
	}
	a.Published = normalizeDate(a.Published)
	a.Lang = normalizeLang(a.Lang)
	if a.Lang == "" {
		lang := detectLang(a.Text)
		switch lang {
		case "":
			return ReasonLanguage, errors.New("cannot tell the language (too short, or neither French nor English)")
		case "fr", "en":
			a.Lang = lang
		default:
			return ReasonLanguage, fmt.Errorf("detected language %q", lang)
		}
	}
	if a.Lang != "fr" && a.Lang != "en" {
		return ReasonLanguage, fmt.Errorf("declared language %q", a.Lang)
	}
	return "", nil
}

// cleanText makes s valid UTF-8 with \n line endings and no control
// characters other than \n and \t, drops leading blank lines and trailing
// white space.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.ContainsRune(s, '\r') {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	if strings.IndexFunc(s, isBadControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isBadControl(r) {
				return ' '
			}
			return r
		}, s)
	}
	for {
		line, rest, found := strings.Cut(s, "\n")
		if !found || strings.TrimSpace(line) != "" {
			break
		}
		s = rest
	}
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

func isBadControl(r rune) bool {
	return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// oneLine collapses the white space of s, line breaks included, to single
// spaces: what a title must be.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// normalizeLang reduces a language tag ("fr-FR", "en_US", "French") to its
// primary subtag, lower case; "" stays "".
func normalizeLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "fra", "fre", "french", "français", "francais":
		return "fr"
	case "eng", "english", "anglais":
		return "en"
	}
	return s
}

var (
	partialDate = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	isoPrefix   = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[T ]`)
)

// normalizeDate returns s as an ISO date "2006-01-02", or a partial one
// ("2006", "2006-01") when that is all s says, or "" when s is not a date.
// A date with a time keeps the calendar day of its own time zone.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	if m := partialDate.FindStringSubmatch(s); m != nil {
		if validDate(m[1], m[2], m[3]) {
			return s
		}
		return ""
	}
	if m := isoPrefix.FindStringSubmatch(s); m != nil {
		if validDate(m[1][:4], m[1][5:7], m[1][8:]) {
			return m[1]
		}
		return ""
	}
	if t, ok := parseDate(s); ok {
		return formatDate(t)
	}
	return ""
}

// parseDate tries the many formats of dates found in feeds and pages.
func parseDate(s string) (t time.Time, ok bool) {
	defer func() {
		if recover() != nil { // a date library must not stop a run
			ok = false
		}
	}()
	t, err := dateparse.ParseStrict(s)
	return t, err == nil
}

func formatDate(t time.Time) string {
	if t.IsZero() || t.Year() < 1 || t.Year() > 9999 {
		return ""
	}
	return t.Format("2006-01-02")
}

func validDate(y, m, d string) bool {
	if m == "" {
		return true
	}
	if d == "" {
		d = "01"
	}
	_, err := time.Parse("2006-01-02", y+"-"+m+"-"+d)
	return err == nil
}
