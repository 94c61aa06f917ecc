package ingest

import (
	"bytes"
	"encoding/xml"
	"io"
	"mime"
	"path/filepath"
	"strings"
)

// formatXML is an XML document whose root is not a feed: reported, not read.
const formatXML = "xml"

var utf8BOM = []byte("\xef\xbb\xbf")

// formatByName returns the format a (lower-case, .gz stripped) file name
// implies, or "" when the name does not tell.
func formatByName(name string) string {
	switch filepath.Ext(name) {
	case ".txt", ".md", ".markdown":
		return FormatText
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".rss", ".atom":
		return FormatFeed
	case ".jsonl", ".ndjson":
		return FormatJSONL
	}
	return FormatDetect // .xml and the rest: look at the content
}

// formatByContentType returns the format an HTTP Content-Type implies, or "".
func formatByContentType(ct string) string {
	if ct == "" {
		return FormatDetect
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return FormatDetect
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return FormatHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
		return FormatFeed
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
		return FormatJSONL
	}
	return FormatDetect
}

func isGzip(head []byte) bool {
	return len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b
}

// sniffFormat guesses the format from the first bytes of a document: an HTML
// page, an XML feed (or other XML), a JSONL dump, or else text.
func sniffFormat(head []byte) string {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	lower := bytes.ToLower(h[:min(len(h), 64)])
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return FormatHTML
	case bytes.HasPrefix(lower, []byte("<?xml")), bytes.HasPrefix(lower, []byte("<rss")),
		bytes.HasPrefix(lower, []byte("<feed")), bytes.HasPrefix(lower, []byte("<rdf:rdf")):
		switch xmlRoot(h) {
		case "rss", "feed", "rdf":
			return FormatFeed
		case "html":
			return FormatHTML
		}
		return formatXML
	case bytes.HasPrefix(h, []byte("{")):
		return FormatJSONL
	}
	return FormatText
}

// xmlRoot returns the lower-case local name of the first element of an XML
// prefix, or "" when there is none in it.
func xmlRoot(head []byte) string {
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return strings.ToLower(se.Name.Local)
		}
	}
	return ""
}
