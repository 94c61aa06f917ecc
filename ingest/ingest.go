package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/irkg/irkg/kg"
)

// Formats accepted by Options.Format.
const (
	FormatDetect = ""
	FormatText   = "text"
	FormatHTML   = "html"
	FormatFeed   = "feed"
	FormatJSONL  = "jsonl"
)

// Reasons a Problem gives: short stable words, for counting in Stats.SkippedBy.
const (
	ReasonUnreadable   = "unreadable"           // the item could not be read (I/O, corrupt gzip, HTTP failure after retries)
	ReasonEmpty        = "empty"                // no text once reduced
	ReasonInvalidUTF8  = "invalid-utf8"         // text or JSONL bytes are not UTF-8
	ReasonMalformed    = "malformed"            // bad front matter, JSON line, feed or page
	ReasonLanguage     = "unsupported-language" // neither French nor English, or cannot tell
	ReasonBinary       = "binary"               // NUL bytes in the first 8 KiB
	ReasonTooLarge     = "too-large"            // over Options.MaxBytes or Options.MaxLineBytes
	ReasonUnsupported  = "unsupported-format"   // an XML file that is not a feed, and the like
	defaultMaxBytes    = 64 << 20
	defaultMaxLine     = 16 << 20
	defaultRetries     = 3
	maxRetries         = 10
	defaultRetryDelay  = 500 * time.Millisecond
	maxRetryDelay      = 30 * time.Second
	sniffLen           = 8 << 10
	defaultHTTPTimeout = 60 * time.Second
)

// Options control reading. The zero value reads with format detection, the
// default limits and a private HTTP client.
type Options struct {
	Format string // "" (detect), "text", "html", "feed", "jsonl"; applies to every input
	Strict bool   // the first problem is fatal: Read returns it as its error

	Stdin io.Reader // what "-" reads; Read fails on "-" when it is nil

	HTTPClient *http.Client  // for feed URLs; nil = a client with timeouts
	Retries    int           // feed URL retries after the first try (0 = 3, negative = none, at most 10)
	RetryDelay time.Duration // first backoff between tries, doubling each time (0 = 500ms, at most 30s)

	MaxBytes     int64 // largest text, HTML or feed document (0 = 64 MiB); JSONL dumps stream and are not limited
	MaxLineBytes int   // largest JSONL line (0 = 16 MiB)

	Warn func(Problem) // called for each skipped item (may be nil); not called in Strict mode

	Lang string // when set ("fr", "en"), every article is taken to be in this language
}

// Problem is one item that was skipped. It is an error so that Strict mode can
// return it as is.
type Problem struct {
	Origin string // where: "dir/a.jsonl:12", "feed.rss#3", "page.html"
	Reason string // a short stable word: see the Reason constants
	Err    error  // the detail, may be nil
}

// Error reads "origin: reason: detail".
func (p Problem) Error() string {
	if p.Err == nil {
		return p.Origin + ": " + p.Reason
	}
	return p.Origin + ": " + p.Reason + ": " + p.Err.Error()
}

// Unwrap returns the detail.
func (p Problem) Unwrap() error { return p.Err }

// Stats counts what a Read saw: Read articles were emitted and Skipped items
// were reported as problems, so Read+Skipped is the number of items seen.
type Stats struct {
	Read      int
	Skipped   int
	SkippedBy map[string]int // Problem.Reason → count
}

// Read streams the articles of inputs in input order, calling emit for each.
//
// An input is a file, a directory (walked recursively in lexical order,
// skipping hidden names and *.gold.yaml), "-" for Options.Stdin, or an http(s)
// URL (fetched with bounded retries; normally a feed). A problem with one item
// is reported through Options.Warn, counted in Stats and the run goes on,
// unless Options.Strict, where it is returned. An input that cannot be opened
// at all (a missing file) is an error naming it. emit's error stops the run and
// is returned as is; so is the context's.
//
// Every emitted article has valid UTF-8 Text with \n line endings, no leading
// or trailing blank lines, Title equal to its first line (trimmed), and Lang
// "fr" or "en". Read holds at most one document (or one JSONL line) in memory.
func Read(ctx context.Context, inputs []string, opts Options, emit func(kg.Article) error) (Stats, error) {
	r := &reader{ctx: ctx, opts: opts, emit: emit, stats: Stats{SkippedBy: map[string]int{}}}
	if err := r.setDefaults(); err != nil {
		return r.stats, err
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return r.stats, err
		}
		if err := r.input(in); err != nil {
			return r.stats, err
		}
	}
	return r.stats, nil
}

// reader is the state of one Read call.
type reader struct {
	ctx   context.Context
	opts  Options
	emit  func(kg.Article) error
	stats Stats
}

func (r *reader) setDefaults() error {
	o := &r.opts
	switch o.Format {
	case FormatDetect, FormatText, FormatHTML, FormatFeed, FormatJSONL:
	default:
		return fmt.Errorf("ingest: unknown format %q (want text, html, feed or jsonl)", o.Format)
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = defaultMaxBytes
	}
	if o.MaxLineBytes <= 0 {
		o.MaxLineBytes = defaultMaxLine
	}
	switch {
	case o.Retries == 0:
		o.Retries = defaultRetries
	case o.Retries < 0:
		o.Retries = 0
	case o.Retries > maxRetries:
		o.Retries = maxRetries
	}
	if o.RetryDelay <= 0 {
		o.RetryDelay = defaultRetryDelay
	}
	if o.RetryDelay > maxRetryDelay {
		o.RetryDelay = maxRetryDelay
	}
	if o.HTTPClient == nil {
		o.HTTPClient = defaultHTTPClient()
	}
	return nil
}

// problem reports a skipped item. It returns nil to go on, or the problem
// itself in Strict mode.
func (r *reader) problem(origin, reason string, err error) error {
	r.stats.Skipped++
	r.stats.SkippedBy[reason]++
	p := Problem{Origin: origin, Reason: reason, Err: err}
	if r.opts.Strict {
		return p
	}
	if r.opts.Warn != nil {
		r.opts.Warn(p)
	}
	return nil
}

// article finishes a and emits it, or reports why it cannot.
func (r *reader) article(a kg.Article) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if r.opts.Lang != "" {
		a.Lang = r.opts.Lang // the caller knows the language: no detection
	}
	if reason, err := finish(&a); reason != "" {
		return r.problem(a.Origin, reason, err)
	}
	if err := r.emit(a); err != nil {
		return err
	}
	r.stats.Read++
	return nil
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// input reads one command-line input.
func (r *reader) input(in string) error {
	switch {
	case in == "-":
		if r.opts.Stdin == nil {
			return errors.New("read stdin: no standard input given")
		}
		return r.stream("stdin", "stdin", "", r.opts.Stdin, -1, "")
	case isURL(in):
		return r.url(in)
	}
	fi, err := os.Stat(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", in, err)
	}
	if fi.IsDir() {
		return r.walk(in)
	}
	return r.file(in, fi)
}

// walk reads the files under dir in lexical order.
func (r *reader) walk(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return fmt.Errorf("read %s: %w", dir, err)
			}
			if perr := r.problem(path, ReasonUnreadable, err); perr != nil {
				return perr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != dir && skipName(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return r.ctx.Err()
		}
		fi, err := os.Stat(path) // follows a symbolic link to a file
		if err != nil {
			return r.problem(path, ReasonUnreadable, err)
		}
		if !fi.Mode().IsRegular() {
			return nil // a device, a socket, or a link to a directory (never followed)
		}
		return r.file(path, fi)
	})
}

// skipName reports whether a directory walk passes over a name: hidden files
// and directories, and gold annotations that sit beside articles.
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".gold.yaml")
}

// file reads one regular file.
func (r *reader) file(path string, fi os.FileInfo) error {
	name := path
	format := r.opts.Format
	if format == FormatDetect {
		format = formatByName(strings.TrimSuffix(strings.ToLower(path), ".gz"))
	}
	f, err := os.Open(path)
	if err != nil {
		return r.problem(name, ReasonUnreadable, err)
	}
	defer f.Close()
	return r.stream(name, path, format, f, fi.Size(), "")
}

// stream reads one input from rd: name is for messages, source for
// Article.Source, format may be "" (detect), size is -1 when unknown and
// contentType is an HTTP Content-Type or "".
func (r *reader) stream(name, source, format string, rd io.Reader, size int64, contentType string) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return r.problem(name, ReasonUnreadable, err)
	}
	if isGzip(head) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.problem(name, ReasonUnreadable, fmt.Errorf("gzip: %w", err))
		}
		defer zr.Close()
		if format == FormatDetect {
			format = formatByName(strings.TrimSuffix(strings.ToLower(name), ".gz"))
		}
		return r.stream(name, source, format, zr, -1, contentType)
	}
	if format == FormatDetect {
		format = formatByContentType(contentType)
	}
	if format == FormatDetect {
		format = sniffFormat(head)
	}
	if format == FormatJSONL {
		return r.jsonl(name, br)
	}
	if size > r.opts.MaxBytes { // known from the file system: do not read it
		return r.problem(name, ReasonTooLarge, fmt.Errorf("%d bytes, over the limit of %d", size, r.opts.MaxBytes))
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return r.problem(name, ReasonBinary, errors.New("NUL bytes in the first 8 KiB"))
	}
	data, err := io.ReadAll(io.LimitReader(br, r.opts.MaxBytes+1))
	if err != nil {
		return r.problem(name, ReasonUnreadable, err)
	}
	if int64(len(data)) > r.opts.MaxBytes {
		return r.problem(name, ReasonTooLarge, fmt.Errorf("over the limit of %d bytes", r.opts.MaxBytes))
	}
	switch format {
	case FormatHTML:
		pageURL := ""
		if isURL(source) {
			pageURL = source
		}
		return r.html(name, source, data, contentType, pageURL)
	case FormatFeed:
		return r.feed(name, data)
	case formatXML:
		return r.problem(name, ReasonUnsupported, errors.New("XML that is neither RSS nor Atom"))
	default:
		return r.text(name, source, data)
	}
}
