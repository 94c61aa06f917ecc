package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/irkg/irkg/kg"
	"github.com/mmcdole/gofeed"
)

// feed reads an RSS or Atom feed: each item is an article, its origin
// "name#N" counting items from 1.
func (r *reader) feed(name string, data []byte) error {
	f, err := parseFeed(data)
	if err != nil {
		return r.problem(name, ReasonMalformed, err)
	}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		if err := r.article(feedItem(name, i+1, f, it)); err != nil {
			return err
		}
	}
	return nil
}

// parseFeed parses a feed; gofeed must not stop a run by panicking.
func parseFeed(data []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("feed parser: %v", p)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	return f, nil
}

// feedItem turns the n-th item of feed f into an article (not yet finished):
// its title, its content (else its description) reduced to text, its link as
// URL and Source, its date, and the item's or else the feed's language.
func feedItem(name string, n int, f *gofeed.Feed, it *gofeed.Item) kg.Article {
	a := kg.Article{Origin: name + "#" + strconv.Itoa(n)}
	title := it.Title
	if strings.ContainsAny(title, "<&") {
		title = htmlFragmentText(title)
	}
	title = oneLine(title)
	body := htmlFragmentText(it.Content)
	if body == "" {
		body = htmlFragmentText(it.Description)
	}
	if first, rest, _ := strings.Cut(body, "\n\n"); title != "" && oneLine(first) == title {
		body = rest
	}
	a.Text = strings.TrimSpace(title + "\n\n" + body)
	a.URL = itemLink(name, f, it)
	a.Source = firstOf(a.URL, a.Origin)
	switch {
	case it.PublishedParsed != nil:
		a.Published = formatDate(*it.PublishedParsed)
	case it.UpdatedParsed != nil:
		a.Published = formatDate(*it.UpdatedParsed)
	default:
		a.Published = firstOf(it.Published, it.Updated)
	}
	if dc := it.DublinCoreExt; dc != nil && len(dc.Language) > 0 {
		a.Lang = dc.Language[0]
	}
	if a.Lang == "" {
		a.Lang = f.Language
	}
	if dc := f.DublinCoreExt; a.Lang == "" && dc != nil && len(dc.Language) > 0 {
		a.Lang = dc.Language[0]
	}
	return a
}

// itemLink is the item's link, resolved against the feed's own link or the
// address it was fetched from when it is relative.
func itemLink(name string, f *gofeed.Feed, it *gofeed.Item) string {
	link := strings.TrimSpace(it.Link)
	if link == "" || isURL(link) {
		return link
	}
	for _, b := range []string{f.Link, f.FeedLink, name} {
		if base, err := url.Parse(strings.TrimSpace(b)); err == nil && isURL(b) {
			if abs := absURL(base, link); abs != "" {
				return abs
			}
		}
	}
	return link
}

// url fetches an http(s) input and reads it: a feed unless its Content-Type
// or its first bytes say HTML or JSONL (or Options.Format says otherwise).
func (r *reader) url(u string) error {
	body, contentType, err := r.fetch(u)
	if err != nil {
		if cerr := r.ctx.Err(); cerr != nil {
			return cerr
		}
		if errors.Is(err, errTooLarge) {
			return r.problem(u, ReasonTooLarge, err)
		}
		return r.problem(u, ReasonUnreadable, err)
	}
	format := r.opts.Format
	if format == FormatDetect {
		format = formatByContentType(contentType)
	}
	if format == FormatDetect && !isGzip(body) {
		format = sniffFormat(body[:min(len(body), sniffLen)])
		if format == FormatText {
			format = FormatFeed
		}
	}
	return r.stream(u, u, format, bytes.NewReader(body), int64(len(body)), contentType)
}

var errTooLarge = errors.New("response over the size limit")

// fetch gets u with Options.Retries retries, backing off exponentially from
// Options.RetryDelay (or as long as a Retry-After asks, up to 30s). Network
// errors, 408, 425, 429 and 5xx are retried; other statuses are final.
func (r *reader) fetch(u string) (body []byte, contentType string, err error) {
	delay := r.opts.RetryDelay
	tries := 0
	for {
		tries++
		var retry bool
		var after time.Duration
		body, contentType, after, retry, err = r.fetchOnce(u)
		if err == nil || !retry || tries > r.opts.Retries || r.ctx.Err() != nil {
			break
		}
		wait := max(delay, min(after, maxRetryDelay))
		t := time.NewTimer(wait)
		select {
		case <-r.ctx.Done():
			t.Stop()
			return nil, "", r.ctx.Err()
		case <-t.C:
		}
		delay = min(2*delay, maxRetryDelay)
	}
	if err != nil && tries > 1 {
		err = fmt.Errorf("after %d tries: %w", tries, err)
	}
	return body, contentType, err
}

// fetchOnce makes one GET. retry says whether a failure is worth another
// try, after says how long the server asked to wait.
func (r *reader) fetchOnce(u string) (body []byte, contentType string, after time.Duration, retry bool, err error) {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", 0, false, err
	}
	req.Header.Set("User-Agent", "irkg-ingest/1")
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	resp, err := r.opts.HTTPClient.Do(req)
	if err != nil {
		return nil, "", 0, true, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
		switch c := resp.StatusCode; {
		case c == http.StatusRequestTimeout, c == http.StatusTooEarly, c == http.StatusTooManyRequests, c >= 500:
			retry = true
		}
		return nil, "", retryAfter(resp.Header.Get("Retry-After")), retry, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, r.opts.MaxBytes+1))
	if err != nil {
		return nil, "", 0, true, fmt.Errorf("GET %s: %w", u, err)
	}
	if int64(len(body)) > r.opts.MaxBytes {
		return nil, "", 0, false, fmt.Errorf("GET %s: %w of %d bytes", u, errTooLarge, r.opts.MaxBytes)
	}
	return body, resp.Header.Get("Content-Type"), 0, false, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s > 0 {
		return time.Duration(min(s, 3600)) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 30 * time.Second
	return &http.Client{Timeout: defaultHTTPTimeout, Transport: t}
}
