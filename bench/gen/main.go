// Command gen builds a large JSONL article dump for benchmarks from the real
// articles of a corpus directory: each article is written again and again
// with a numbered title (so every copy is a distinct document) until the
// dump reaches the requested size.
//
//	go run ./bench/gen -corpus testdata/corpus -mb 200 -out bench/out/dump-200.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
}

func main() {
	corpus := flag.String("corpus", "testdata/corpus", "directory of NAME.txt articles")
	mb := flag.Int("mb", 200, "size of the dump in MB")
	out := flag.String("out", "bench/out/dump.jsonl", "the dump to write")
	flag.Parse()
	if err := run(*corpus, *mb, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(corpus string, mb int, out string) error {
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no articles in %s", corpus)
	}
	sort.Strings(files)
	var arts []article
	for _, f := range files {
		a, err := read(f)
		if err != nil {
			return err
		}
		arts = append(arts, a)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	limit := int64(mb) << 20
	var written int64
	for n := 0; written < limit; n++ {
		a := arts[n%len(arts)]
		a.ID = fmt.Sprintf("%s-%d", a.ID, n)
		a.Title = fmt.Sprintf("%s (#%d)", a.Title, n)
		a.URL = fmt.Sprintf("%s#%d", a.URL, n)
		b, err := json.Marshal(a)
		if err != nil {
			return err
		}
		if err := enc.Encode(a); err != nil {
			return err
		}
		written += int64(len(b)) + 1
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// read parses front matter (lang, date, source) and splits the title line from the body.
func read(path string) (article, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return article{}, err
	}
	s := string(b)
	a := article{ID: strings.TrimSuffix(filepath.Base(path), ".txt"), URL: "file://" + filepath.Base(path)}
	if strings.HasPrefix(s, "---\n") {
		if end := strings.Index(s[4:], "\n---\n"); end >= 0 {
			for _, line := range strings.Split(s[4:4+end], "\n") {
				k, v, _ := strings.Cut(line, ":")
				v = strings.Trim(strings.TrimSpace(v), `"`)
				switch strings.TrimSpace(k) {
				case "lang":
					a.Lang = v
				case "date":
					a.Published = v
				}
			}
			s = s[4+end+5:]
		}
	}
	s = strings.TrimLeft(s, "\n")
	title, body, _ := strings.Cut(s, "\n")
	a.Title, a.Text = strings.TrimSpace(title), strings.TrimSpace(body)
	if a.Lang == "" {
		a.Lang = "fr"
		if strings.Contains(filepath.Base(path), "-en-") {
			a.Lang = "en"
		}
	}
	return a, nil
}
