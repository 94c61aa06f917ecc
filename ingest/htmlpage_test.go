package ingest

import (
	"path/filepath"

	"golang.org/x/text/encoding/charmap"
	"strings"
	"testing"
)

func TestReadHTMLSample(t *testing.T) {
	path := filepath.Join("testdata", "fr-wikinews-syrie-2012-11-02.html")
	res := readAll(t, []string{path}, Options{})
	if res.err != nil || len(res.articles) != 1 {
		t.Fatalf("err %v, %d articles, problems %v", res.err, len(res.articles), res.problems)
	}
	a := res.articles[0]
	if a.Title != "Syrie : nouvelle avancée des rebelles" {
		t.Errorf("Title = %q", a.Title)
	}
	if a.Lang != "fr" { // the page has no lang: detected
		t.Errorf("Lang = %q", a.Lang)
	}
	if a.Source != path || a.Origin != path || a.URL != "" || a.Published != "" {
		t.Errorf("Source %q Origin %q URL %q Published %q", a.Source, a.Origin, a.URL, a.Published)
	}
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) != 9 { // the title, then the page's 8 paragraphs; the <h1> is not repeated
		t.Fatalf("%d paragraphs, want 9:\n%s", len(paras), a.Text)
	}
	if !strings.HasPrefix(paras[1], "2 novembre 2012. - L’armée syrienne et les rebelles") {
		t.Errorf("first paragraph %q", paras[1])
	}
	if !strings.HasSuffix(paras[8], "a déclaré Abdel Basset Sayda.") {
		t.Errorf("last paragraph %q", paras[8])
	}
	for _, p := range paras {
		if strings.Contains(p, "\n") || strings.Contains(p, "  ") {
			t.Errorf("paragraph not reduced to one line: %q", p)
		}
	}
}

func TestParseHTMLMetadata(t *testing.T) {
	body := `<article><h1>Accord signé</h1>` + strings.Repeat(`<p>La France et l'Allemagne ont signé un accord de coopération militaire qui renforce les liens entre les deux pays, selon le texte publié par les deux gouvernements.</p>`, 4) + `</article>`
	tests := []struct {
		name, head, bodyHTML, pageURL, contentType string
		title, lang, published, url                string
	}{
		{
			name:      "Open Graph and canonical",
			head:      `<meta property="article:published_time" content="2025-01-17T09:30:00+03:00"><link rel="canonical" href="https://news.example/a/1"><meta property="og:url" content="https://news.example/og">`,
			title:     "Accord signé",
			lang:      "fr",
			published: "2025-01-17", url: "https://news.example/a/1",
		},
		{
			name:      "JSON-LD in a graph",
			head:      `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2016-10-30T12:00:00Z"}]}</script>`,
			title:     "Accord signé",
			lang:      "fr",
			published: "2016-10-30",
		},
		{
			name:      "JSON-LD beats other meta tags, og:url without canonical",
			head:      `<meta name="date" content="2001-01-01"><script type="application/ld+json">[{"datePublished":"2017-01-21"}]</script><meta property="og:url" content="https://news.example/og">`,
			title:     "Accord signé",
			lang:      "fr",
			published: "2017-01-21", url: "https://news.example/og",
		},
		{
			name:      "time element with pubdate",
			bodyHTML:  `<p><time datetime="2010-05-05">hier</time></p><p><time pubdate datetime="2012-11-02T08:00">2 novembre</time></p>`,
			title:     "Accord signé",
			lang:      "fr",
			published: "2012-11-02",
		},
		{
			name:    "relative canonical against the page URL",
			head:    `<link rel="canonical" href="/wiki/Accord">`,
			pageURL: "https://fr.wikinews.org/wiki/Accord?x=1",
			title:   "Accord signé",
			lang:    "fr",
			url:     "https://fr.wikinews.org/wiki/Accord",
		},
		{
			name:  "relative canonical in a file is dropped",
			head:  `<link rel="canonical" href="/wiki/Accord">`,
			title: "Accord signé",
			lang:  "fr",
		},
		{
			name:  "html lang and a title with the site name",
			head:  `<title>Accord signé - Les Nouvelles</title>`,
			title: "Accord signé",
			lang:  "fr-FR",
		},
		{
			name:     "windows-1252 page",
			head:     `<meta charset="windows-1252">`,
			bodyHTML: "<p>Le président a déclaré que l’accord était signé.</p>",
			title:    "Accord signé",
			lang:     "fr",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			htmlAttr := ""
			if tt.lang == "fr-FR" {
				htmlAttr = ` lang="fr-FR"`
			}
			page := "<!DOCTYPE html><html" + htmlAttr + "><head>" + tt.head + "</head><body>" + body + tt.bodyHTML + "</body></html>"
			if strings.Contains(tt.head, "windows-1252") {
				var err error
				if page, err = charmap.Windows1252.NewEncoder().String(page); err != nil {
					t.Fatal(err)
				}
			}
			a, err := parseHTML([]byte(page), tt.contentType, tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if reason, err := finish(&a); reason != "" {
				t.Fatalf("finish: %s: %v", reason, err)
			}
			lang := normalizeLang(tt.lang)
			if a.Title != tt.title || a.Lang != lang || a.Published != tt.published || a.URL != tt.url {
				t.Errorf("got title %q lang %q published %q url %q\nwant title %q lang %q published %q url %q",
					a.Title, a.Lang, a.Published, a.URL, tt.title, lang, tt.published, tt.url)
			}
			if strings.Count(a.Text, "Accord signé") != 1 {
				t.Errorf("the title is repeated:\n%s", a.Text)
			}
			if tt.name == "windows-1252 page" && !strings.Contains(a.Text, "Le président a déclaré que l’accord était signé.") {
				t.Errorf("windows-1252 not decoded:\n%s", a.Text)
			}
		})
	}
}

func TestReadHTMLDetection(t *testing.T) {
	dir := t.TempDir()
	page := `<!doctype html><html lang="en"><head><title>Talks</title></head><body><p>The two countries agreed to resume talks on the treaty next month, the ministers said after the meeting.</p></body></html>`
	in := []string{writeFile(t, dir, "a.htm", page), writeFile(t, dir, "b", page), writeFile(t, dir, "c.dat", "\n  "+page)}
	res := readAll(t, in, Options{})
	if res.err != nil || len(res.articles) != 3 {
		t.Fatalf("err %v, %d articles, problems %v", res.err, len(res.articles), res.problems)
	}
	for _, a := range res.articles {
		if a.Title != "Talks" || a.Lang != "en" || !strings.HasSuffix(a.Text, "after the meeting.") {
			t.Errorf("%s: %q %q %q", a.Origin, a.Title, a.Lang, a.Text)
		}
	}
}

func TestHTMLFragmentText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Hello world", "Hello world"},
		{"entities", "Caf&eacute; &amp; th&eacute;&nbsp;: oui", "Café & thé\u00a0: oui"},
		{"paragraphs", "<p>One\n two</p><p>Three</p>", "One two\n\nThree"},
		{"text after a block", "<div><p>A</p>B</div>", "A\n\nB"},
		{"br", "line one<br>line two<br/><br>line three", "line one\nline two\nline three"},
		{"script and style dropped", "<script>var x = 1;</script><style>p{}</style><p>Text</p><noscript>enable JS</noscript>", "Text"},
		{"hidden dropped", `<p hidden>no</p><p aria-hidden="true">no</p><p style="display: none">no</p><p>yes</p>`, "yes"},
		{"inline elements keep spaces", "<p>The <b>United</b> <i>States</i> and<a href=x> France</a>.</p>", "The United States and France."},
		{"lists", "<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"pre keeps lines and inner spaces", "<pre>a  b\n  c</pre>", "a  b\nc"},
		{"empty paragraphs", "<p>&nbsp;</p><p> </p><p>x</p>", "x"},
		{"nested blocks", "<div><div><div>deep</div></div></div>", "deep"},
		{"unclosed tags", "<p>one<p>two<div>three", "one\n\ntwo\n\nthree"},
		{"comment", "a<!-- b -->c", "ac"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlFragmentText(tt.in); got != tt.want {
				t.Errorf("htmlFragmentText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
