// Package text normalises article text and splits it into sentences and
// tokens with byte offsets into the normalised text.
//
// Contract: Normalize is idempotent; Sentences and Tokens return spans in
// order, non-overlapping, within bounds and on UTF-8 boundaries, and are
// deterministic.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the document text the offsets refer to: valid UTF-8 (bad
// bytes replaced), NFC, \n line endings, no BOM, no trailing spaces at line
// ends, no leading or trailing blank lines.
func Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = norm.NFC.String(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// Span is a half-open byte range [Start, End) of the document text.
type Span struct {
	Start, End int
}

// abbreviations never end a sentence when followed by a period (compared
// case-sensitively, without the period).
var abbreviations = map[string]bool{
	"M": true, "MM": true, "Mme": true, "Mmes": true, "Mlle": true, "Mr": true, "Mrs": true, "Ms": true,
	"Dr": true, "Pr": true, "Prof": true, "St": true, "Ste": true, "Sen": true, "Rep": true, "Gen": true,
	"Gén": true, "Col": true, "Lt": true, "Capt": true, "Gov": true, "Pres": true, "Jr": true, "Sr": true,
	"U.S": true, "U.K": true, "U.N": true, "E.U": true, "etc": true, "vs": true, "cf": true, "p": true,
	"No": true, "art": true, "Art": true, "av": true, "env": true, "min": true, "éd": true, "Inc": true,
	"Ltd": true, "Co": true, "Corp": true, "Jan": true, "Feb": true, "Aug": true, "Sept": true, "Oct": true,
	"Nov": true, "Dec": true, "janv": true, "févr": true, "oct": true, "nov": true, "déc": true,
}

// Sentences splits text into sentences. Every line is its own sentence or
// sentences (the title is the first); within a line a sentence ends at . ! ?
// or … (with any closing quotes or brackets) followed by a space and an
// upper-case letter, a digit or an opening quote, unless the word before the
// period is an abbreviation or a single capital (an initial).
func Sentences(s string) []Span {
	var out []Span
	lineStart := 0
	for lineStart <= len(s) {
		nl := strings.IndexByte(s[lineStart:], '\n')
		lineEnd := len(s)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		out = splitLine(s, lineStart, lineEnd, out)
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	return out
}

func splitLine(s string, start, end int, out []Span) []Span {
	emit := func(a, b int) {
		for a < b {
			r, n := utf8.DecodeRuneInString(s[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			a += n
		}
		for b > a {
			r, n := utf8.DecodeLastRuneInString(s[a:b])
			if !unicode.IsSpace(r) {
				break
			}
			b -= n
		}
		if b > a {
			out = append(out, Span{a, b})
		}
	}
	sentStart := start
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(s[i:end])
		if r == '.' || r == '!' || r == '?' || r == '…' {
			j := i + n
			// absorb repeated terminators and closing quotes/brackets
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(s[j:end])
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '»' || r2 == '"' || r2 == '”' || r2 == ')' || r2 == '’' || r2 == '\'' {
					j += n2
					continue
				}
				break
			}
			// French typography: "paix. »" closes the quote after a space
			k := j
			for k < end {
				r2, n2 := utf8.DecodeRuneInString(s[k:end])
				if r2 == ' ' || r2 == '\u00a0' || r2 == '\u202f' {
					k += n2
					continue
				}
				if r2 == '»' {
					j = k + n2
				}
				break
			}
			if j < end && isBreakAfter(s, sentStart, i, j, end, r) {
				emit(sentStart, j)
				sentStart = j
			}
			i = j
			continue
		}
		i += n
	}
	emit(sentStart, end)
	return out
}

// isBreakAfter reports whether the terminator at s[i] (ending at j) ends a sentence.
func isBreakAfter(s string, sentStart, i, j, end int, term rune) bool {
	r, n := utf8.DecodeRuneInString(s[j:end])
	if !unicode.IsSpace(r) {
		return false
	}
	k := j + n
	for k < end {
		r2, n2 := utf8.DecodeRuneInString(s[k:end])
		if !unicode.IsSpace(r2) {
			break
		}
		k += n2
	}
	if k >= end {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[k:end])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '«' || next == '"' || next == '“' || next == '(' || next == '[' || next == '—' || next == '–' || next == '-') {
		return false
	}
	if term != '.' {
		return true
	}
	// the word before the period
	w := i
	for w > sentStart {
		r2, n2 := utf8.DecodeLastRuneInString(s[sentStart:w])
		if unicode.IsLetter(r2) || r2 == '.' {
			w -= n2
			continue
		}
		break
	}
	word := s[w:i]
	if abbreviations[word] {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r2, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r2) {
			return false // an initial: "Antony J. Blinken"
		}
	}
	// an acronym written with periods (U.S., U.N.) followed by a capital is
	// usually "the U.S. President": keep together.
	if strings.Count(word, ".") >= 1 && len(word) <= 6 {
		return false
	}
	return true
}

// Token is a word or a punctuation mark with its byte span. Words are runs of
// letters, digits and combining marks; every other non-space rune is a token
// of its own. Fold is the lower-case, accent-free form used for matching, with
// typographic apostrophes and dashes folded to ASCII.
type Token struct {
	Start, End int
	Text       string
	Fold       string
	Word       bool // letters/digits
	Upper      bool // starts with an upper-case letter
	SpaceAfter bool
}

// Tokens splits s[span] into tokens.
func Tokens(s string, span Span) []Token {
	toks := make([]Token, 0, (span.End-span.Start)/4+4) // about one token per five bytes
	i := span.Start
	for i < span.End {
		r, n := utf8.DecodeRuneInString(s[i:span.End])
		if unicode.IsSpace(r) {
			if len(toks) > 0 {
				toks[len(toks)-1].SpaceAfter = true
			}
			i += n
			continue
		}
		if isWordRune(r) {
			j := i + n
			for j < span.End {
				r2, n2 := utf8.DecodeRuneInString(s[j:span.End])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			t := s[i:j]
			toks = append(toks, Token{Start: i, End: j, Text: t, Fold: Fold(t), Word: true, Upper: unicode.IsUpper(r)})
			i = j
			continue
		}
		t := s[i : i+n]
		toks = append(toks, Token{Start: i, End: i + n, Text: t, Fold: Fold(t)})
		i += n
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

var foldMap = map[rune]string{
	'’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'",
	'–': "-", '—': "-", '‑': "-", '‐': "-", '−': "-",
	'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss",
	'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ı': "i", 'ð': "d", 'þ': "th",
	'“': "\"", '”': "\"", '„': "\"",
}

// foldTable maps the Latin letters with diacritics to their folded form,
// computed once from their canonical decomposition.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	for r := rune(0xC0); r < 0x250; r++ {
		var b strings.Builder
		for _, c := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, c) {
				b.WriteRune(unicode.ToLower(c))
			}
		}
		m[r] = b.String()
	}
	for r, v := range foldMap {
		m[r] = v
	}
	return m
}()

// Fold lower-cases s and removes diacritics: "Élysée" → "elysee", "’" → "'".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '`' {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			if r == '`' {
				b.WriteByte('\'')
				continue
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if m, ok := foldTable[r]; ok {
			b.WriteString(m)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		dec := norm.NFD.String(string(r))
		for _, c := range dec {
			if !unicode.Is(unicode.Mn, c) {
				if m, ok := foldMap[c]; ok {
					b.WriteString(m)
				} else {
					b.WriteRune(unicode.ToLower(c))
				}
			}
		}
	}
	return b.String()
}
