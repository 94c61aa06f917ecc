package ingest

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/irkg/irkg/kg"
)

// sharedCorpus returns the shared development corpus (articles with gold
// annotations beside them), which sits beside the repository. Tests that need
// it skip without it, except in CI, where it is always laid out.
func sharedCorpus(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("IRKG_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	dev := filepath.Join(dir, "corpus", "dev")
	if _, err := os.Stat(dev); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared corpus missing in CI: %v", err)
		}
		t.Skipf("no shared corpus at %s (set IRKG_SHARED)", dev)
	}
	return dev
}

// result is everything one Read produced.
type result struct {
	articles []kg.Article
	problems []Problem
	stats    Stats
	err      error
}

// readAll runs Read over inputs and collects what it gives.
func readAll(t testing.TB, inputs []string, opts Options) result {
	t.Helper()
	var res result
	collect := opts.Warn == nil
	if collect {
		opts.Warn = func(p Problem) { res.problems = append(res.problems, p) }
	}
	res.stats, res.err = Read(context.Background(), inputs, opts, func(a kg.Article) error {
		checkArticle(t, a)
		res.articles = append(res.articles, a)
		return nil
	})
	if res.stats.Read != len(res.articles) {
		t.Errorf("Stats.Read = %d, emitted %d", res.stats.Read, len(res.articles))
	}
	sum := 0
	for _, n := range res.stats.SkippedBy {
		sum += n
	}
	if sum != res.stats.Skipped {
		t.Errorf("Stats.SkippedBy adds up to %d, Skipped = %d", sum, res.stats.Skipped)
	}
	if collect && !opts.Strict && res.stats.Skipped != len(res.problems) {
		t.Errorf("Stats.Skipped = %d, warned %d", res.stats.Skipped, len(res.problems))
	}
	return res
}

var isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// checkArticle checks what Read promises of every article it emits.
func checkArticle(t testing.TB, a kg.Article) {
	t.Helper()
	for field, s := range map[string]string{"Title": a.Title, "Text": a.Text, "Source": a.Source, "URL": a.URL, "Origin": a.Origin} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: %s is not valid UTF-8", a.Origin, field)
		}
	}
	if a.Text == "" || a.Title == "" {
		t.Errorf("%s: empty title or text", a.Origin)
	}
	first, _, _ := strings.Cut(a.Text, "\n")
	if first != a.Title {
		t.Errorf("%s: Title %q is not the first line %q", a.Origin, a.Title, first)
	}
	if strings.ContainsRune(a.Text, '\r') {
		t.Errorf("%s: \\r in Text", a.Origin)
	}
	if a.Text != strings.TrimSpace(a.Text) || a.Title != strings.TrimSpace(a.Title) {
		t.Errorf("%s: Text has leading or trailing white space", a.Origin)
	}
	if a.Lang != "fr" && a.Lang != "en" {
		t.Errorf("%s: Lang = %q", a.Origin, a.Lang)
	}
	if a.Published != "" && !isoDate.MatchString(a.Published) {
		t.Errorf("%s: Published = %q, not an ISO date", a.Origin, a.Published)
	}
	if a.Source == "" || a.Origin == "" {
		t.Errorf("%s: empty Source or Origin (%q)", a.Origin, a.Source)
	}
}

// dumpRecord is one line of a test dump.
type dumpRecord struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Lang      string `json:"lang,omitempty"`
	License   string `json:"license,omitempty"` // ignored by the reader
}

// devRecords turns the development articles of the shared corpus into dump
// records: id = file name, title = first line, text = the rest.
func devRecords(t testing.TB) []dumpRecord {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedCorpus(t), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in the shared corpus: %v", err)
	}
	var recs []dumpRecord
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fm, body, err := parseFrontMatter(string(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		title, text, _ := strings.Cut(strings.TrimLeft(body, "\n"), "\n")
		recs = append(recs, dumpRecord{
			ID:        strings.TrimSuffix(filepath.Base(f), ".txt"),
			Title:     title,
			Text:      strings.TrimSpace(text),
			URL:       fm.url,
			Published: fm.date,
			Lang:      fm.lang,
			License:   "see the shared corpus",
		})
	}
	return recs
}

// writeDump writes lines (records, or raw strings for bad lines) as a JSONL
// dump in dir, gzipped when the name ends in .gz, and returns its path.
func writeDump(t testing.TB, dir, name string, lines []any) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(name, ".gz") {
		zw = gzip.NewWriter(f)
		w = zw
	}
	for _, l := range lines {
		var b []byte
		switch l := l.(type) {
		case string:
			b = []byte(l)
		case []byte:
			b = l
		default:
			if b, err = json.Marshal(l); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := w.Write(append(b, '\n')); err != nil {
			t.Fatal(err)
		}
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeFile writes data under dir and returns the path.
func writeFile(t testing.TB, dir, name string, data string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// reasons lists the reasons of problems, in order.
func reasons(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Reason)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func readBytes(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
