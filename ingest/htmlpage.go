package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/irkg/irkg/kg"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// html reads an HTML page: the article's title and body as readability finds
// them, and the page's metadata. pageURL is the address it was fetched from, or
// "" for a file.
func (r *reader) html(name, source string, data []byte, contentType, pageURL string) error {
	a, err := parseHTML(data, contentType, pageURL)
	if err != nil {
		return r.problem(name, ReasonMalformed, err)
	}
	a.Source = source
	a.Origin = name
	return r.article(a)
}

// parseHTML reduces an HTML page to an article (not yet finished).
func parseHTML(data []byte, contentType, pageURL string) (a kg.Article, err error) {
	in, err := charset.NewReader(bytes.NewReader(data), contentType)
	if err != nil {
		in = bytes.NewReader(data) // an unknown charset: read the bytes as they are
	}
	doc, err := html.Parse(in)
	if err != nil {
		return a, fmt.Errorf("parse html: %w", err)
	}
	meta := pageMetadata(doc)

	base, _ := url.Parse(pageURL)
	if pageURL == "" {
		base = nil
	}
	var title, body string
	art, rerr := readArticle(doc, base)
	if rerr == nil {
		title = oneLine(art.Title())
		if art.Node != nil {
			body = htmlText(art.Node)
		}
		if meta.lang == "" {
			meta.lang = art.Language()
		}
		if meta.published == "" {
			if t, err := art.PublishedTime(); err == nil {
				meta.published = formatDate(t)
			}
		}
	}
	if body == "" { // readability found nothing: take the whole body
		body = htmlText(findBody(doc))
	}
	title = firstOf(title, meta.ogTitle, meta.title, meta.h1)
	if meta.h1 != "" && len(meta.h1) < len(title) && strings.Contains(title, meta.h1) {
		title = meta.h1 // "Headline - Site name": the page's own headline is cleaner
	}
	if first, rest, _ := strings.Cut(body, "\n\n"); title != "" && oneLine(first) == title {
		body = rest
	}
	if meta.published == "" {
		meta.published = meta.timeTag
	}
	a.Text = body
	if title != "" {
		a.Text = title + "\n\n" + body
	}
	a.Lang = meta.lang
	a.Published = meta.published
	a.URL = firstOf(absURL(base, meta.canonical), absURL(base, meta.ogURL), pageURL)
	return a, nil
}

// readArticle runs readability, which must not stop a run by panicking.
func readArticle(doc *html.Node, base *url.URL) (art readability.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("readability: %v", p)
		}
	}()
	parser := readability.NewParser()
	return parser.ParseDocument(doc, base)
}

// absURL resolves ref against base; it returns "" for what is not, in the
// end, an absolute http(s) URL.
func absURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// pageMeta is the metadata of a page that irkg keeps.
type pageMeta struct {
	lang      string // <html lang>, else Content-Language, else og:locale
	canonical string // <link rel=canonical>
	ogURL     string
	published string // best of meta tags and JSON-LD, as an ISO date
	timeTag   string // the first <time datetime>, the last resort for published
	title     string // <title>
	ogTitle   string
	h1        string
}

// publishedKeys are the meta names and properties that give a publication
// date, best first.
var publishedKeys = []string{
	"article:published_time", "og:published_time", "datepublished",
	"dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "date",
	"pubdate", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date",
}

func pageMetadata(doc *html.Node) pageMeta {
	var m pageMeta
	var contentLang, jsonLD, timeFirst, timePub string
	metas := map[string]string{}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 600 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = firstOf(attr(n, "lang"), attr(n, "xml:lang"))
			case atom.Meta:
				key := strings.ToLower(firstOf(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				content := strings.TrimSpace(attr(n, "content"))
				if strings.EqualFold(attr(n, "http-equiv"), "content-language") {
					contentLang = content
				}
				if key != "" && content != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = content
					}
				}
			case atom.Link:
				for _, rel := range strings.Fields(strings.ToLower(attr(n, "rel"))) {
					if rel == "canonical" && m.canonical == "" {
						m.canonical = attr(n, "href")
					}
				}
			case atom.Script:
				if jsonLD == "" && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					jsonLD = datePublished(n.FirstChild.Data)
				}
			case atom.Time:
				dt := firstOf(attr(n, "datetime"), textOf(n))
				if timeFirst == "" {
					timeFirst = normalizeDate(dt)
				}
				if timePub == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					timePub = normalizeDate(dt)
				}
			case atom.Title:
				if m.title == "" {
					m.title = oneLine(textOf(n))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = oneLine(textOf(n))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)

	// The Open Graph article tag first, then JSON-LD, then the other tags.
	m.published = normalizeDate(metas[publishedKeys[0]])
	if m.published == "" {
		m.published = jsonLD
	}
	for _, k := range publishedKeys[1:] {
		if m.published != "" {
			break
		}
		m.published = normalizeDate(metas[k])
	}
	m.lang = firstOf(m.lang, contentLang, metas["og:locale"])
	m.ogURL = metas["og:url"]
	m.ogTitle = oneLine(metas["og:title"])
	m.timeTag = firstOf(timePub, timeFirst)
	return m
}

// datePublished finds the first datePublished of a JSON-LD script, in an
// object, an array or an @graph, as an ISO date.
func datePublished(script string) string {
	var v any
	if err := json.Unmarshal([]byte(script), &v); err != nil {
		return ""
	}
	var find func(v any, depth int) string
	find = func(v any, depth int) string {
		if depth > 32 {
			return ""
		}
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["datePublished"].(string); ok {
				if d := normalizeDate(s); d != "" {
					return d
				}
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				if d := find(v[k], depth+1); d != "" {
					return d
				}
			}
		case []any:
			for _, e := range v {
				if d := find(e, depth+1); d != "" {
					return d
				}
			}
		}
		return ""
	}
	return find(v, 0)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf is the text content of n, white space unchanged.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 600 {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// findBody returns the <body> of doc, or doc itself.
func findBody(doc *html.Node) *html.Node {
	var found *html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if found != nil || depth > 8 {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if found == nil {
		return doc
	}
	return found
}
