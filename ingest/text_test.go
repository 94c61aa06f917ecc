package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    frontMatter
		body    string
		errLine int    // >0: a malformed front matter on that file line
		errText string // a part of the message
	}{
		{name: "none", in: "Titre\n\nCorps.\n", body: "Titre\n\nCorps.\n"},
		{name: "empty file", in: "", body: ""},
		{
			name: "all keys",
			in:   "---\ntitle: Un titre\ndate: \"2012-11-02\"\nsource: \"https://fr.wikinews.org/wiki/X\"\nlang: fr\nlicense: CC BY 2.5\n---\nUn titre\n\nCorps.\n",
			want: frontMatter{title: "Un titre", date: "2012-11-02", url: "https://fr.wikinews.org/wiki/X", lang: "fr"},
			body: "Un titre\n\nCorps.\n",
		},
		{
			name: "unquoted date is a YAML timestamp",
			in:   "---\ndate: 2012-11-02\n---\nT\n",
			want: frontMatter{date: "2012-11-02"},
			body: "T\n",
		},
		{
			name: "timestamp with a time",
			in:   "---\npublished: 2022-08-01T20:34:39Z\n---\nT\n",
			want: frontMatter{date: "2022-08-01T20:34:39Z"},
			body: "T\n",
		},
		{
			name: "published when no date, url before source",
			in:   "---\npublished: \"2021\"\nurl: https://a.example/x\nsource: https://b.example/y\n---\nT\n",
			want: frontMatter{date: "2021", url: "https://a.example/x"},
			body: "T\n",
		},
		{
			name: "a source that is a credit line is not a URL",
			in:   "---\nsource: \"fr.wikinews.org (CC BY 2.5)\"\n---\nT\n",
			body: "T\n",
		},
		{
			name: "unknown keys, lists and maps are ignored",
			in:   "---\nauthor: [a, b]\nextra: {k: v}\ntitle: [not, a, scalar]\n---\nT\n",
			body: "T\n",
		},
		{
			name: "a numeric title",
			in:   "---\ntitle: 1984\n---\n1984\n",
			want: frontMatter{title: "1984"},
			body: "1984\n",
		},
		{name: "empty front matter", in: "---\n---\nT\n", body: "T\n"},
		{name: "YAML end marker", in: "---\nlang: en\n...\nT\n", want: frontMatter{lang: "en"}, body: "T\n"},
		{
			name: "CRLF",
			in:   "---\r\ntitle: T\r\nlang: fr\r\n---\r\nT\r\n\r\nCorps.\r\n",
			want: frontMatter{title: "T", lang: "fr"},
			body: "T\n\nCorps.\n",
		},
		{
			name: "BOM",
			in:   "\uFEFF---\nlang: fr\n---\nT\n",
			want: frontMatter{lang: "fr"},
			body: "T\n",
		},
		{name: "BOM without front matter", in: "\uFEFFT\n", body: "T\n"},
		{name: "trailing spaces on the fences", in: "--- \nlang: en\n---\t\nT\n", want: frontMatter{lang: "en"}, body: "T\n"},
		{name: "a rule that is not a fence", in: "----\nT\n", body: "----\nT\n"},
		{name: "not closed", in: "---\ntitle: T\nT\n", errLine: 1, errText: "no closing"},
		// yaml.v3 puts an unclosed flow sequence on the line of the mapping
		// that holds it: its first line, the file's second.
		{name: "malformed YAML", in: "---\ntitle: T\nlang: [fr\n---\nT\n", errLine: 2, errText: "expected ',' or ']'"},
		{name: "unclosed quote", in: "---\ntitle: T\nlang: \"fr\n---\nT\n", errLine: 3, errText: "end of stream"},
		{name: "bad indentation", in: "---\ntitle: a\n  b: c\n---\nT\n", errLine: 3, errText: "mapping values"},
		{name: "duplicate key", in: "---\nlang: fr\nlang: en\n---\nT\n", errLine: 3, errText: "already defined"},
		{name: "a list, not a mapping", in: "---\n- a\n- b\n---\nT\n", errLine: 2, errText: "not a mapping"},
		{name: "tab indentation", in: "---\ntitle:\n\t- x\n---\nT\n", errText: "front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, err := parseFrontMatter(tt.in)
			if tt.errText != "" {
				var fe *frontMatterError
				if !errors.As(err, &fe) {
					t.Fatalf("err = %v, want a frontMatterError", err)
				}
				if !strings.Contains(err.Error(), tt.errText) {
					t.Errorf("err = %q, want it to contain %q", err, tt.errText)
				}
				if tt.errLine > 0 && fe.line != tt.errLine {
					t.Errorf("error line = %d, want %d (%v)", fe.line, tt.errLine, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if fm != tt.want {
				t.Errorf("front matter = %+v, want %+v", fm, tt.want)
			}
			if body != tt.body {
				t.Errorf("body = %q, want %q", body, tt.body)
			}
		})
	}
}

func TestReadTextFiles(t *testing.T) {
	tests := []struct {
		file, title, lang, published, url string
		paragraphs                        int // blank-line separated blocks, title included
	}{
		{
			file:       "02-fr-wikinews-iran-manifestation-anti-americaine-sanctions.txt",
			title:      "Iran : manifestation anti-américaine dans la capitale",
			lang:       "fr",
			published:  "2012-11-02",
			url:        "https://fr.wikinews.org/wiki/Iran_:_manifestation_anti-américaine_dans_la_capitale",
			paragraphs: 7,
		},
		{
			file:       "20-en-wikinews-south-american-community-of-nations.txt",
			title:      "South American Community of Nations announced at Third South American Summit",
			lang:       "en",
			url:        "https://en.wikinews.org/wiki/South_American_Community_of_Nations_announced_at_Third_South_American_Summit",
			paragraphs: 13,
		},
		{
			file:       "43-en-state-south-china-sea-arbitral-ruling-mutual-defense.txt",
			title:      "Fifth Anniversary of the Arbitral Tribunal Ruling on the South China Sea",
			lang:       "en",
			published:  "2021-07-12",
			paragraphs: 7,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			res := readAll(t, []string{path}, Options{})
			if res.err != nil || len(res.articles) != 1 {
				t.Fatalf("err = %v, %d articles, problems %v", res.err, len(res.articles), res.problems)
			}
			a := res.articles[0]
			if a.Title != tt.title || a.Lang != tt.lang || a.Published != tt.published || a.URL != tt.url {
				t.Errorf("got title %q lang %q published %q url %q\nwant title %q lang %q published %q url %q",
					a.Title, a.Lang, a.Published, a.URL, tt.title, tt.lang, tt.published, tt.url)
			}
			if a.Source != path || a.Origin != path {
				t.Errorf("Source %q, Origin %q, want %q", a.Source, a.Origin, path)
			}
			if n := len(strings.Split(a.Text, "\n\n")); n != tt.paragraphs {
				t.Errorf("%d blank-line separated blocks, want %d", n, tt.paragraphs)
			}
			// Text is the file after its front matter, as it is.
			data, _ := os.ReadFile(path)
			_, body, _ := parseFrontMatter(string(data))
			if a.Text != strings.TrimSpace(body) {
				t.Errorf("Text is not the body of the file:\n%q\nwant\n%q", a.Text, strings.TrimSpace(body))
			}
		})
	}
}

func TestReadTextProblems(t *testing.T) {
	dir := t.TempDir()
	long := "The long article about the treaty and the war.\n\n" + strings.Repeat("The parties to the treaty agreed on the text. ", 40)
	tests := []struct {
		name, file, data string
		opts             Options
		reason, origin   string // origin relative to dir
		title, text      string // for an article read
	}{
		{name: "invalid UTF-8", file: "latin1.txt", data: "Le pr\xe9sident de la R\xe9publique a sign\xe9 le trait\xe9.\n", reason: ReasonInvalidUTF8, origin: "latin1.txt"},
		{name: "empty", file: "empty.txt", data: "", reason: ReasonEmpty, origin: "empty.txt"},
		{name: "blank", file: "blank.md", data: " \n\r\n\t\n", reason: ReasonEmpty, origin: "blank.md"},
		{name: "front matter only", file: "fm.txt", data: "---\nlang: fr\n---\n\n", reason: ReasonEmpty, origin: "fm.txt"},
		{name: "malformed front matter", file: "bad.txt", data: "---\ntitle: T\nlang: en\n  x: y\n---\nT\n", reason: ReasonMalformed, origin: "bad.txt:4"},
		{name: "binary", file: "image.txt", data: "GIF89a\x00\x01\x02", reason: ReasonBinary, origin: "image.txt"},
		{name: "too large", file: "big.txt", data: long, opts: Options{MaxBytes: 100}, reason: ReasonTooLarge, origin: "big.txt"},
		{name: "Spanish", file: "es.txt", data: "Rusia e Irán firman un acuerdo\n\nRusia e Irán firmaron el viernes una asociación estratégica de veinte años que profundiza los lazos militares entre los dos países.\n", reason: ReasonLanguage, origin: "es.txt"},
		{name: "declared German", file: "de.txt", data: "---\nlang: de-DE\n---\nT\n\nThe body is English but the front matter says otherwise, and it wins.\n", reason: ReasonLanguage, origin: "de.txt"},
		{name: "too short to tell", file: "short.txt", data: "Bonjour\n", reason: ReasonLanguage, origin: "short.txt"},
		{
			name:  "front-matter title put first",
			file:  "titled.txt",
			data:  "---\ntitle: \"Un accord\n  signé\"\nlang: fr\n---\n\n\nLe corps commence ici.\n",
			title: "Un accord signé", text: "Un accord signé\n\nLe corps commence ici.",
		},
		{
			name:  "CRLF, BOM, leading blank lines and a no-extension name",
			file:  "noext",
			data:  "\uFEFF\r\n  \r\nLe titre  \r\n\r\nLe président a déclaré que la France et l'Allemagne signeront le traité.\r\n\r\n",
			title: "Le titre", text: "Le titre\n\nLe président a déclaré que la France et l'Allemagne signeront le traité.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, dir, tt.file, tt.data)
			res := readAll(t, []string{path}, tt.opts)
			if res.err != nil {
				t.Fatalf("err = %v", res.err)
			}
			if tt.reason == "" {
				if len(res.articles) != 1 {
					t.Fatalf("%d articles, problems %v", len(res.articles), res.problems)
				}
				if a := res.articles[0]; a.Title != tt.title || a.Text != tt.text {
					t.Errorf("title %q text %q\nwant %q %q", a.Title, a.Text, tt.title, tt.text)
				}
				return
			}
			if len(res.problems) != 1 || len(res.articles) != 0 {
				t.Fatalf("problems %v, %d articles; want one %s", res.problems, len(res.articles), tt.reason)
			}
			p := res.problems[0]
			if p.Reason != tt.reason || p.Origin != filepath.Join(dir, tt.origin) {
				t.Errorf("problem %v, want %s at %s", p, tt.reason, tt.origin)
			}
			if res.stats.Skipped != 1 || res.stats.SkippedBy[tt.reason] != 1 {
				t.Errorf("stats %+v", res.stats)
			}
		})
	}
}
