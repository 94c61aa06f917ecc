package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText reduces an HTML tree to plain text: paragraphs (block elements)
// separated by blank lines, <br> as a line break, white space collapsed as a
// browser would, and scripts, styles, forms and hidden elements left out.
func htmlText(n *html.Node) string {
	var b textBuilder
	b.node(n, false)
	return b.String()
}

// htmlFragmentText reduces an HTML fragment (a feed item's description) to
// plain text as htmlText does.
func htmlFragmentText(s string) string {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return ""
	}
	var b textBuilder
	for _, n := range nodes {
		b.node(n, false)
	}
	return b.String()
}

// skipped elements never hold article text.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true,
	atom.Video: true, atom.Select: true, atom.Button: true, atom.Input: true,
	atom.Textarea: true, atom.Map: true, atom.Datalist: true, atom.Dialog: true,
}

// blocks start and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Html: true, atom.Legend: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Tfoot: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true, atom.Title: true,
}

// textBuilder collects lines into paragraphs.
type textBuilder struct {
	paras []string        // finished paragraphs
	lines []string        // finished lines of the current paragraph
	line  strings.Builder // the current line
	space bool            // a space is pending before the next word
	depth int
}

func (b *textBuilder) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			b.preText(n.Data)
		} else {
			b.text(n.Data)
		}
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || hidden(n) {
			return
		}
	case html.DocumentNode:
	default:
		return // comments, doctypes
	}
	b.depth++
	defer func() { b.depth-- }()
	if b.depth > 512 { // html.Parse nests at most 512 deep; fragments too
		return
	}
	switch n.DataAtom {
	case atom.Br:
		b.newline()
		return
	case atom.Td, atom.Th:
		b.space = true
	case atom.Pre:
		pre = true
	}
	block := blocks[n.DataAtom]
	if block {
		b.paragraph()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.node(c, pre)
	}
	if block {
		b.paragraph()
	} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		b.space = true
	}
}

// hidden reports elements a reader never sees.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// text adds text whose ASCII white space collapses (HTML's rule: a no-break
// space is kept).
func (b *textBuilder) text(s string) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			b.space = true
			continue
		}
		if b.space && b.line.Len() > 0 {
			b.line.WriteByte(' ')
		}
		b.space = false
		b.line.WriteRune(r)
	}
}

// preText adds preformatted text line by line.
func (b *textBuilder) preText(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for i, l := range strings.Split(s, "\n") {
		if i > 0 {
			b.newline()
		}
		if b.space && b.line.Len() > 0 {
			b.line.WriteByte(' ')
		}
		b.space = false
		b.line.WriteString(l)
	}
}

// String ends the text and returns it, valid UTF-8 whatever the input.
func (b *textBuilder) String() string {
	b.paragraph()
	return strings.ToValidUTF8(strings.Join(b.paras, "\n\n"), "\uFFFD")
}

// newline ends the current line.
func (b *textBuilder) newline() {
	if l := strings.TrimFunc(b.line.String(), unicode.IsSpace); l != "" {
		b.lines = append(b.lines, l)
	}
	b.line.Reset()
	b.space = false
}

// paragraph ends the current paragraph.
func (b *textBuilder) paragraph() {
	b.newline()
	if len(b.lines) > 0 {
		b.paras = append(b.paras, strings.Join(b.lines, "\n"))
		b.lines = b.lines[:0]
	}
}
