package main

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func openFile(path string) (*os.File, error) { return os.Open(path) }

func TestSplitInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rec := write("b/facts.jsonl", "\n{\"record\":\"document\",\"id\":\"doc:1\"}\n")
	nd := write("a.ndjson", "{\"record\":\"fact\"}\n")
	dump := write("c/dump.jsonl", "{\"title\":\"an article\",\"text\":\"...\"}\n")
	txt := write("c/article.txt", "Title\n\nBody")
	write(".hidden/x.jsonl", "{\"record\":\"fact\"}\n")

	records, articles, err := splitInputs([]string{dir, "-"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{nd, rec, "-"}; !reflect.DeepEqual(records, want) {
		t.Errorf("records = %v, want %v", records, want)
	}
	if want := []string{txt, dump}; !reflect.DeepEqual(articles, want) {
		t.Errorf("articles = %v, want %v", articles, want)
	}
	records, articles, _ = splitInputs([]string{txt}, true)
	if len(records) != 1 || len(articles) != 0 {
		t.Errorf("--input jsonl: a named file is records whatever its name: %v %v", records, articles)
	}
	if _, _, err := splitInputs([]string{filepath.Join(dir, "missing.jsonl")}, false); err == nil {
		t.Error("a missing input was accepted")
	}
}

func TestIsLoopback(t *testing.T) {
	for uri, want := range map[string]bool{
		"bolt://127.0.0.1:7687": true, "neo4j://localhost": true, "bolt://[::1]:7687": true,
		"neo4j+s://abc.databases.neo4j.io": false, "bolt://10.0.0.1:7687": false,
	} {
		if got := isLoopback(uri); got != want {
			t.Errorf("isLoopback(%q) = %v", uri, got)
		}
	}
}
