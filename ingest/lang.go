package ingest

import (
	"bufio"
	"embed"
	"math/bits"
	"path"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The detector counts the function words (and frequent news words) of each
// language it knows in the first words of a text. It knows French and English, which irkg reads, and a
// few neighbours (German, Spanish, Italian, Portuguese, Dutch) so that their
// texts are recognised as not French or English instead of being guessed.

//go:embed stopwords/*.txt
var stopwordFiles embed.FS

const (
	langMaxWords = 2000 // words looked at; an article's start tells its language
	langMinHits  = 3    // function words the winner needs, else too short to tell
	langMinShare = 0.10 // share of the words the winner's function words must be
	langMargin   = 1.25 // the winner must beat the runner-up by this factor
)

// langModel maps each function word to the set (a bit mask) of the
// languages, in langs order, that have it.
type langModel struct {
	langs []string
	words map[string]uint16
}

var loadLangModel = sync.OnceValue(func() *langModel {
	entries, err := stopwordFiles.ReadDir("stopwords")
	if err != nil {
		panic("ingest: embedded stop words: " + err.Error())
	}
	m := &langModel{words: map[string]uint16{}}
	for _, e := range entries {
		lang := strings.TrimSuffix(e.Name(), ".txt")
		bit := uint16(1) << len(m.langs)
		m.langs = append(m.langs, lang)
		f, err := stopwordFiles.Open(path.Join("stopwords", e.Name()))
		if err != nil {
			panic("ingest: embedded stop words: " + err.Error())
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			m.words[w] |= bit
		}
		f.Close()
	}
	return m
})

// DetectLang returns "fr", "en", or "" when the text is neither (or too short
// to tell).
func DetectLang(text string) string {
	switch l := detectLang(text); l {
	case "fr", "en":
		return l
	}
	return ""
}

// detectLang returns the code of the language of text among those the model
// knows, or "" when it cannot tell. A word found in k languages' lists counts
// 1/k for each, so that the words that tell languages apart weigh most.
func detectLang(text string) string {
	m := loadLangModel()
	n := len(m.langs)
	hits := make([]int, n)
	scores := make([]float64, n)
	total := 0
	forEachWord(text, langMaxWords, func(w string) {
		total++
		mask := m.words[w]
		if mask == 0 {
			return
		}
		weight := 1 / float64(bits.OnesCount16(mask))
		for i := range n {
			if mask&(1<<i) != 0 {
				hits[i]++
				scores[i] += weight
			}
		}
	})
	best, second := -1, -1
	for i := range n {
		switch {
		case best < 0 || scores[i] > scores[best]:
			best, second = i, best
		case second < 0 || scores[i] > scores[second]:
			second = i
		}
	}
	if hits[best] < langMinHits || float64(hits[best]) < langMinShare*float64(total) ||
		scores[best] < langMargin*scores[second] {
		return ""
	}
	return m.langs[best]
}

// forEachWord calls fn with the first max lower-case words of text; a word
// is a run of letters (and marks), so "l’Iran" is "l" and "iran".
func forEachWord(text string, max int, fn func(string)) {
	n, start, marks := 0, -1, false
	emit := func(w string) {
		w = strings.ToLower(w) // no copy when already lower case
		if marks {             // decomposed accents: compose them as the lists are
			w = norm.NFC.String(w)
		}
		fn(w)
		n++
	}
	for i, r := range text {
		if n >= max {
			return
		}
		if unicode.IsLetter(r) {
			if start < 0 {
				start, marks = i, false
			}
			continue
		}
		if start >= 0 && unicode.Is(unicode.Mn, r) {
			marks = true
			continue
		}
		if start >= 0 {
			emit(text[start:i])
			start = -1
		}
	}
	if start >= 0 && n < max {
		emit(text[start:])
	}
}
