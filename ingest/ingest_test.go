package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irkg/irkg/kg"
)

const enBody = "The two countries agreed to resume the talks on the treaty next month, the ministers said after the meeting."

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.txt", "B\n\n"+enBody)
	writeFile(t, dir, "a.txt", "A\n\n"+enBody)
	writeFile(t, dir, "a.gold.yaml", "facts: []\n")
	writeFile(t, dir, ".hidden.txt", "H\n\n"+enBody)
	writeFile(t, dir, ".git/config.txt", "G\n\n"+enBody)
	writeFile(t, dir, "sub/c.md", "C\n\n"+enBody)
	writeFile(t, dir, "sub/z/d.txt", "D\n\n"+enBody)
	writeFile(t, dir, "sub/bad.txt", "\x00\x01binary")
	writeDump(t, filepath.Join(dir, "sub"), "e.jsonl", []any{map[string]string{"title": "E1", "text": enBody}, map[string]string{"title": "E2", "text": enBody}})
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "sub", "z", "loop")); err != nil {
		t.Fatal(err)
	}

	res := readAll(t, []string{dir}, Options{})
	if res.err != nil {
		t.Fatal(res.err)
	}
	var titles []string
	for _, a := range res.articles {
		titles = append(titles, a.Title)
	}
	// Lexical order of paths: a.txt, b.txt, sub/bad.txt, sub/c.md, sub/e.jsonl, sub/z/d.txt.
	if got := strings.Join(titles, " "); got != "A B C E1 E2 D" {
		t.Errorf("titles %q", got)
	}
	if len(res.problems) != 1 || res.problems[0].Reason != ReasonBinary || res.problems[0].Origin != filepath.Join(dir, "sub", "bad.txt") {
		t.Errorf("problems %v", res.problems)
	}
	if res.stats.Read != 6 || res.stats.Skipped != 1 {
		t.Errorf("stats %+v", res.stats)
	}
}

func TestReadDevCorpusDirectory(t *testing.T) {
	dev := sharedCorpus(t)
	files, _ := filepath.Glob(filepath.Join(dev, "*.txt"))
	res := readAll(t, []string{dev}, Options{Strict: true})
	if res.err != nil || len(res.articles) != len(files) {
		t.Fatalf("err %v, %d articles of %d files", res.err, len(res.articles), len(files))
	}
	for i, a := range res.articles {
		if a.Source != files[i] {
			t.Errorf("article %d from %s, want %s", i, a.Source, files[i])
		}
	}
}

func TestReadInputs(t *testing.T) {
	dir := t.TempDir()
	txt := writeFile(t, dir, "a.txt", "A\n\n"+enBody)
	t.Run("missing file", func(t *testing.T) {
		missing := filepath.Join(dir, "nope.txt")
		res := readAll(t, []string{txt, missing, txt}, Options{})
		if res.err == nil || !strings.Contains(res.err.Error(), missing) || !errors.Is(res.err, fs.ErrNotExist) {
			t.Errorf("err %v, want one naming %s", res.err, missing)
		}
		if len(res.articles) != 1 {
			t.Errorf("%d articles before the error", len(res.articles))
		}
	})
	t.Run("stdin", func(t *testing.T) {
		res := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader("Title\r\n\r\n" + enBody)})
		if len(res.articles) != 1 || res.articles[0].Source != "stdin" || res.articles[0].Title != "Title" {
			t.Errorf("articles %+v, problems %v", res.articles, res.problems)
		}
	})
	t.Run("stdin as JSONL by content", func(t *testing.T) {
		in := `{"title":"T1","text":"` + enBody + `"}` + "\n" + `{"title":"T2","text":"` + enBody + `"}` + "\n"
		res := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(in)})
		if len(res.articles) != 2 || res.articles[1].Origin != "stdin:2" {
			t.Errorf("articles %+v, problems %v", res.articles, res.problems)
		}
	})
	t.Run("stdin gzipped feed", func(t *testing.T) {
		gz := writeDump(t, dir, "feed.rss.gz", []any{readBytes(t, filepath.Join("testdata", stateRSS))})
		f, err := os.Open(gz)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		res := readAll(t, []string{"-"}, Options{Stdin: f})
		if len(res.articles) != 10 {
			t.Errorf("%d articles, problems %v", len(res.articles), res.problems)
		}
	})
	t.Run("a large dump without extension streams", func(t *testing.T) {
		var lines []any
		for range 5 {
			lines = append(lines, map[string]string{"title": "T", "text": enBody})
		}
		dump := writeDump(t, dir, "dump", lines)
		res := readAll(t, []string{dump}, Options{MaxBytes: 200})
		if len(res.articles) != 5 || len(res.problems) != 0 {
			t.Errorf("%d articles, problems %v", len(res.articles), res.problems)
		}
	})
	t.Run("no stdin", func(t *testing.T) {
		if res := readAll(t, []string{"-"}, Options{}); res.err == nil {
			t.Error("no error")
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		if res := readAll(t, []string{txt}, Options{Format: "pdf"}); res.err == nil || len(res.articles) != 0 {
			t.Errorf("err %v", res.err)
		}
	})
	t.Run("format forced", func(t *testing.T) {
		page := writeFile(t, dir, "page.txt", "<p>Talks</p><p>"+enBody+"</p>")
		res := readAll(t, []string{page}, Options{Format: FormatHTML})
		if len(res.articles) != 1 || res.articles[0].Title != "Talks" {
			t.Errorf("articles %+v, problems %v", res.articles, res.problems)
		}
		res = readAll(t, []string{page}, Options{})
		if len(res.articles) != 1 || res.articles[0].Title != "<p>Talks</p><p>"+enBody+"</p>" {
			t.Errorf("as text: articles %+v, problems %v", res.articles, res.problems)
		}
	})
}

func TestReadStrict(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "A\n\n"+enBody)
	writeFile(t, dir, "b.txt", "")
	writeFile(t, dir, "c.txt", "C\n\n"+enBody)
	warned := 0
	var got []string
	st, err := Read(context.Background(), []string{dir}, Options{Strict: true, Warn: func(Problem) { warned++ }}, func(a kg.Article) error {
		got = append(got, a.Title)
		return nil
	})
	var p Problem
	if !errors.As(err, &p) || p.Reason != ReasonEmpty || p.Origin != filepath.Join(dir, "b.txt") {
		t.Fatalf("err %v, want the empty b.txt", err)
	}
	if want := filepath.Join(dir, "b.txt") + ": empty: no text"; err.Error() != want {
		t.Errorf("err %q, want %q", err, want)
	}
	if strings.Join(got, ",") != "A" || warned != 0 || st.Read != 1 || st.Skipped != 1 {
		t.Errorf("read %v, warned %d, stats %+v", got, warned, st)
	}
	// Strict on a dump stops at the bad line.
	dump := writeDump(t, dir, "d.jsonl", []any{map[string]string{"title": "1", "text": enBody}, "{", map[string]string{"title": "3", "text": enBody}})
	st, err = Read(context.Background(), []string{dump}, Options{Strict: true}, func(kg.Article) error { return nil })
	if !errors.As(err, &p) || p.Origin != dump+":2" || st.Read != 1 {
		t.Errorf("err %v, stats %+v", err, st)
	}
}

func TestReadEmitError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	st, err := Read(context.Background(), []string{filepath.Join("testdata", stateRSS)}, Options{}, func(kg.Article) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 || st.Read != 2 {
		t.Errorf("err %v after %d calls, stats %+v", err, n, st)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, []string{"testdata"}, Options{}, func(kg.Article) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err %v", err)
	}
}

// TestReadCounts reads every kind of input at once: what is read and what is
// skipped add up to the items seen.
func TestReadCounts(t *testing.T) {
	dir := t.TempDir()
	dump := writeDump(t, dir, "d.jsonl.gz", []any{map[string]string{"title": "1", "text": enBody}, "{", map[string]string{"title": "3", "text": enBody}})
	empty := writeFile(t, dir, "empty.txt", " ")
	inputs := []string{dump, empty}
	for _, f := range []string{
		"02-fr-wikinews-iran-manifestation-anti-americaine-sanctions.txt",
		"20-en-wikinews-south-american-community-of-nations.txt",
		"43-en-state-south-china-sea-arbitral-ruling-mutual-defense.txt",
		"fr-wikinews-syrie-2012-11-02.html", stateRSS, "README.md",
	} {
		inputs = append(inputs, filepath.Join("testdata", f))
	}
	res := readAll(t, inputs, Options{})
	if res.err != nil {
		t.Fatal(res.err)
	}
	// The dump: 3 lines; empty.txt: 1; testdata: 3 articles, 1 page, 10
	// feed items, and README.md (English text).
	const seen = 3 + 1 + 10 + 1 + 3 + 1
	if res.stats.Read+res.stats.Skipped != seen || res.stats.Skipped != 2 {
		t.Errorf("stats %+v, want %d items seen, 2 skipped; problems %v", res.stats, seen, res.problems)
	}
}

func TestLangOptionSkipsDetection(t *testing.T) {
	var got []kg.Article
	st, err := Read(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader("Titre\n\nOK."), Lang: "fr"}, func(a kg.Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil || st.Read != 1 || len(got) != 1 || got[0].Lang != "fr" {
		t.Fatalf("read %d, err %v, got %+v", st.Read, err, got)
	}
	// without it, a text too short to tell is skipped, not guessed
	st, _ = Read(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader("Titre\n\nOK.")}, func(kg.Article) error { return nil })
	if st.Read != 0 || st.SkippedBy[ReasonLanguage] != 1 {
		t.Fatalf("stats %+v", st)
	}
}
