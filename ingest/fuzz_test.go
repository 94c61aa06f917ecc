package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/irkg/irkg/kg"
)

// The fuzz tests check invariants, not outputs: no panic, and every article
// that comes out keeps the promises of Read (valid UTF-8, title = first line,
// a supported language, an ISO date); see checkArticle.

func seedFiles(f *testing.F, names ...string) {
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// readFuzz reads data as one stdin input of the given format.
func readFuzz(t *testing.T, format string, data []byte) {
	opts := Options{Format: format, Stdin: bytes.NewReader(data), MaxLineBytes: 4096, Warn: func(p Problem) {
		if !utf8.ValidString(p.Error()) && utf8.Valid(data) {
			t.Errorf("problem message not UTF-8: %q", p.Error())
		}
	}}
	_, err := Read(context.Background(), []string{"-"}, opts, func(a kg.Article) error {
		checkArticle(t, a)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
}

func FuzzFrontMatter(f *testing.F) {
	seedFiles(f, "02-fr-wikinews-iran-manifestation-anti-americaine-sanctions.txt", "43-en-state-south-china-sea-arbitral-ruling-mutual-defense.txt")
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "---\n...\nT\n", "\uFEFF---\r\ntitle: T\r\n---\r\nT\r\n",
		"---\ntitle: [a\n---\n", "---\n- a\n---\n", "---\ntitle: !!binary aGVsbG8=\n---\nT\n",
		"---\ndate: 2012-13-45\n---\nT\n", "---\na: &x [*x]\n---\n", "---\ntitle: \"\\ud800\"\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if utf8.Valid(data) {
			fm, body, err := parseFrontMatter(string(data))
			if err == nil {
				for _, s := range []string{fm.title, fm.date, fm.url, fm.lang, body} {
					if !utf8.ValidString(s) {
						t.Errorf("invalid UTF-8 out of valid input: %q", s)
					}
				}
			}
		}
		readFuzz(t, FormatText, data)
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":1,"title":"Un accord","text":"Le président a signé le traité avec ses homologues.","lang":"fr","date":"2025-01-17"}` + "\n"))
	f.Add([]byte("{\"title\":\"a\\u0000b\\r\\nc\",\"text\":\"\\ud800 x\"}\n{\n\n[1]\nnull\n{\"title\":1e999}"))
	f.Add([]byte("\xef\xbb\xbf{\"title\":\"T\",\"text\":\"The talks resume next month, the ministers said after the meeting.\",\"url\":\"https://x\"}\r\n"))
	f.Add(bytes.Repeat([]byte("x"), 5000))
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzz(t, FormatJSONL, data)
	})
}

func FuzzHTML(f *testing.F) {
	seedFiles(f, "fr-wikinews-syrie-2012-11-02.html")
	for _, s := range []string{
		"", "<", "<html lang=fr><title>T</title><p>x", "<table><tr><td><pre>a\n b</pre>",
		`<script type="application/ld+json">{"datePublished":[{"@graph":null}]}</script><time datetime="0000-00-00">`,
		`<meta charset="koi8-r"><p>\xc1\xc2</p>`, "<svg><p>inside</p></svg><math><mi>x</mi></math>",
		`<link rel=canonical href="http://[::1">`, "<p>\x00\x01\x7f\u0085</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzz(t, FormatHTML, data)
		if !utf8.ValidString(htmlFragmentText(string(data))) {
			t.Errorf("htmlFragmentText gives invalid UTF-8")
		}
	})
}

func FuzzFeed(f *testing.F) {
	seedFiles(f, stateRSS)
	f.Add([]byte(atomFeed))
	for _, s := range []string{
		"", "<rss>", `<rss version="2.0"><channel><item><title>a&amp;b</title><description>&lt;p&gt;x</description><pubDate>31 Feb 2022</pubDate></item></channel></rss>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><language>fr</language><item><title>caf` + "\xe9" + `</title></item></channel></rss>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>T</title></item></rdf:RDF>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml"><div>x</div></title></entry></feed>`,
		`{"version":"https://jsonfeed.org/version/1","items":[{"title":"x"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readFuzz(t, FormatFeed, data)
	})
}
