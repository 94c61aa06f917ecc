package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/irkg/irkg/kg"
)

const stateRSS = "state-department-press-releases-2022-08.rss"

func TestReadRSSSample(t *testing.T) {
	path := filepath.Join("testdata", stateRSS)
	res := readAll(t, []string{path}, Options{})
	if res.err != nil || len(res.articles) != 10 || len(res.problems) != 0 {
		t.Fatalf("err %v, %d articles, problems %v", res.err, len(res.articles), res.problems)
	}
	a := res.articles[1]
	if a.Title != "Biden-Harris Administration Announces $550 Million in New U.S. Military Assistance for Ukraine" {
		t.Errorf("Title = %q", a.Title)
	}
	wantURL := "https://www.state.gov/biden-harris-administration-announces-550-million-in-new-u-s-military-assistance-for-ukraine/"
	if a.URL != wantURL || a.Source != wantURL || a.Origin != path+"#2" || a.Published != "2022-08-01" || a.Lang != "en" {
		t.Errorf("URL %q Source %q Origin %q Published %q Lang %q", a.URL, a.Source, a.Origin, a.Published, a.Lang)
	}
	wantText := "Biden-Harris Administration Announces $550 Million in New U.S. Military Assistance for Ukraine\n\n" +
		"Antony J. Blinken, Secretary of State\n\n" +
		"More than five months into Russia’s brutal and unprovoked assault"
	if !strings.HasPrefix(a.Text, wantText) || !strings.HasSuffix(a.Text, "\n\nOur commitment to the people of Ukraine will not waver. We stand united with Ukraine.") {
		t.Errorf("Text:\n%s", a.Text)
	}
	for _, a := range res.articles {
		for _, junk := range []string{"jQuery", "<p", "</", "&#", "&amp;", "DOMContentLoaded"} {
			if strings.Contains(a.Text, junk) {
				t.Errorf("%s: %q left in the text", a.Origin, junk)
			}
		}
	}
}

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Actualités</title>
  <id>urn:x:feed</id>
  <updated>2016-10-30T10:00:00Z</updated>
  <entry>
    <title>Signature de l&#39;accord de libre-échange Canada-UE</title>
    <link rel="alternate" href="https://news.example/aecg"/>
    <id>urn:x:1</id>
    <published>2016-10-30T10:00:00+01:00</published>
    <updated>2016-10-31T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Après 7 ans de négociations, le Canada et l'Union européenne ont signé dimanche une entente globale de libre-échange.&lt;/p&gt;&lt;p&gt;Le traité doit encore être ratifié par les parlements.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="html">&lt;b&gt;Sans date&lt;/b&gt; ni lien</title>
    <id>urn:x:2</id>
    <updated>2017-01-21</updated>
    <summary>Le Premier ministre de Pologne a dirigé samedi une cérémonie pour accueillir les troupes américaines dans le cadre de l'OTAN.</summary>
  </entry>
  <entry>
    <title>Tratado firmado</title>
    <id>urn:x:3</id>
    <summary>Rusia e Irán firmaron el viernes una asociación estratégica de veinte años que profundiza los lazos militares entre los dos países.</summary>
  </entry>
  <entry><id>urn:x:4</id></entry>
</feed>`

func TestReadAtom(t *testing.T) {
	path := writeFile(t, t.TempDir(), "news.xml", atomFeed) // .xml: the root says feed
	res := readAll(t, []string{path}, Options{})
	if res.err != nil || len(res.articles) != 3 {
		t.Fatalf("err %v, %d articles, problems %v", res.err, len(res.articles), res.problems)
	}
	a, b, c := res.articles[0], res.articles[1], res.articles[2]
	if a.Title != "Signature de l'accord de libre-échange Canada-UE" || a.URL != "https://news.example/aecg" || a.Published != "2016-10-30" || a.Lang != "fr" {
		t.Errorf("first: %+v", a)
	}
	if !strings.HasSuffix(a.Text, "libre-échange.\n\nLe traité doit encore être ratifié par les parlements.") {
		t.Errorf("first text: %q", a.Text)
	}
	if b.Title != "Sans date ni lien" || b.URL != "" || b.Source != path+"#2" || b.Published != "2017-01-21" {
		t.Errorf("second: %+v", b)
	}
	// The third entry is declared French by the feed (xml:lang), which wins
	// over its text; the fourth has no text at all.
	if c.Title != "Tratado firmado" || c.Lang != "fr" {
		t.Errorf("third: %+v", c)
	}
	if got := reasons(res.problems); strings.Join(got, ",") != ReasonEmpty {
		t.Errorf("problems %v", res.problems)
	}
	if len(res.problems) == 1 && res.problems[0].Origin != path+"#4" {
		t.Errorf("problem origin %q", res.problems[0].Origin)
	}
}

func TestFeedRelativeLinks(t *testing.T) {
	rss := `<rss version="2.0"><channel><title>N</title><link>https://news.example/fr/</link><language>fr</language>
<item><title>Un</title><link>/a/1</link><description>Texte.</description></item>
<item><title>Deux</title><link>b/2</link><description>Texte.</description></item>
<item><title>Trois</title><link>https://other.example/3</link><description>Texte.</description></item>
</channel></rss>`
	res := readAll(t, []string{writeFile(t, t.TempDir(), "n.rss", rss)}, Options{})
	var got []string
	for _, a := range res.articles {
		got = append(got, a.URL)
	}
	want := "https://news.example/a/1 https://news.example/fr/b/2 https://other.example/3"
	if strings.Join(got, " ") != want {
		t.Errorf("links %q, want %q; problems %v", got, want, res.problems)
	}
}

func TestReadFeedProblems(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, file, data, reason string }{
		{"broken XML", "broken.rss", "<rss><channel><item><title>x", ReasonMalformed},
		{"not a feed", "page.rss", "hello, not a feed at all", ReasonMalformed},
		{"XML that is not a feed", "data.xml", `<?xml version="1.0"?><catalog><book/></catalog>`, ReasonUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readAll(t, []string{writeFile(t, dir, tt.file, tt.data)}, Options{})
			if res.err != nil || len(res.articles) != 0 || strings.Join(reasons(res.problems), ",") != tt.reason {
				t.Errorf("err %v, %d articles, problems %v; want one %s", res.err, len(res.articles), res.problems, tt.reason)
			}
		})
	}
}

// feedServer serves the State Department sample on 127.0.0.1, failing the
// first `fail` requests (all of them when fail < 0) with status.
func feedServer(t *testing.T, fail, status int) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", stateRSS))
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := hits.Add(1)
		if fail < 0 || int(n) <= fail {
			http.Error(w, "try later", status)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=UTF-8")
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("test server at %s, not on the loopback", srv.URL)
	}
	return srv, &hits
}

func TestReadFeedURL(t *testing.T) {
	fast := Options{RetryDelay: time.Millisecond}
	tests := []struct {
		name     string
		fail     int // failing requests before success; -1: all
		status   int
		retries  int
		articles int
		hits     int32
		reason   string
	}{
		{name: "first try", fail: 0, articles: 10, hits: 1},
		{name: "fails twice then succeeds", fail: 2, status: http.StatusServiceUnavailable, articles: 10, hits: 3},
		{name: "429 is retried", fail: 1, status: http.StatusTooManyRequests, articles: 10, hits: 2},
		{name: "always fails", fail: -1, status: http.StatusInternalServerError, hits: 4, reason: ReasonUnreadable},
		{name: "no retries", fail: -1, status: http.StatusBadGateway, retries: -1, hits: 1, reason: ReasonUnreadable},
		{name: "retries are bounded", fail: -1, status: http.StatusBadGateway, retries: 1000, hits: 11, reason: ReasonUnreadable},
		{name: "404 is not retried", fail: -1, status: http.StatusNotFound, hits: 1, reason: ReasonUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, hits := feedServer(t, tt.fail, tt.status)
			opts := fast
			opts.Retries = tt.retries
			u := srv.URL + "/rss-feed/press-releases/feed/"
			res := readAll(t, []string{u}, opts)
			if res.err != nil {
				t.Fatalf("err %v", res.err)
			}
			if len(res.articles) != tt.articles || hits.Load() != tt.hits {
				t.Errorf("%d articles after %d requests, want %d after %d; problems %v", len(res.articles), hits.Load(), tt.articles, tt.hits, res.problems)
			}
			if tt.reason != "" {
				if len(res.problems) != 1 || res.problems[0].Reason != tt.reason || res.problems[0].Origin != u {
					t.Errorf("problems %v, want one %s at %s", res.problems, tt.reason, u)
				}
				return
			}
			if len(res.problems) != 0 {
				t.Errorf("problems %v", res.problems)
			}
			if a := res.articles[0]; a.Origin != u+"#1" || !strings.HasPrefix(a.Source, "https://www.state.gov/") {
				t.Errorf("Origin %q Source %q", a.Origin, a.Source)
			}
		})
	}
}

func TestReadFeedURLEdges(t *testing.T) {
	t.Run("too large", func(t *testing.T) {
		srv, _ := feedServer(t, 0, 0)
		res := readAll(t, []string{srv.URL}, Options{MaxBytes: 1000})
		if strings.Join(reasons(res.problems), ",") != ReasonTooLarge {
			t.Errorf("problems %v", res.problems)
		}
	})
	t.Run("no server", func(t *testing.T) {
		srv, _ := feedServer(t, 0, 0)
		u := srv.URL
		srv.Close()
		res := readAll(t, []string{u}, Options{RetryDelay: time.Millisecond, Retries: 1})
		if res.err != nil || strings.Join(reasons(res.problems), ",") != ReasonUnreadable {
			t.Errorf("err %v, problems %v", res.err, res.problems)
		}
	})
	t.Run("cancelled while backing off", func(t *testing.T) {
		srv, hits := feedServer(t, -1, http.StatusServiceUnavailable)
		ctx, cancel := context.WithCancel(context.Background())
		opts := Options{RetryDelay: time.Hour, Warn: func(p Problem) { t.Errorf("problem %v", p) }}
		time.AfterFunc(50*time.Millisecond, cancel)
		start := time.Now()
		_, err := Read(ctx, []string{srv.URL}, opts, func(kg.Article) error { return nil })
		if !errors.Is(err, context.Canceled) || time.Since(start) > 10*time.Second || hits.Load() != 1 {
			t.Errorf("err %v after %v and %d requests", err, time.Since(start), hits.Load())
		}
	})
	t.Run("Retry-After is honoured", func(t *testing.T) {
		var hits atomic.Int32
		var first time.Time
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if hits.Add(1) == 1 {
				first = time.Now()
				w.Header().Set("Retry-After", "1")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			if time.Since(first) < 900*time.Millisecond {
				t.Errorf("retried after %v, before Retry-After", time.Since(first))
			}
			fmt.Fprint(w, atomFeed)
		}))
		defer srv.Close()
		res := readAll(t, []string{srv.URL}, Options{RetryDelay: time.Millisecond})
		if len(res.articles) != 3 || hits.Load() != 2 {
			t.Errorf("%d articles after %d requests", len(res.articles), hits.Load())
		}
	})
	t.Run("an HTML page by content type", func(t *testing.T) {
		page, err := os.ReadFile(filepath.Join("testdata", "fr-wikinews-syrie-2012-11-02.html"))
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		}))
		defer srv.Close()
		u := srv.URL + "/wiki/Syrie"
		res := readAll(t, []string{u}, Options{})
		if len(res.articles) != 1 || res.articles[0].URL != u || res.articles[0].Source != u {
			t.Errorf("articles %+v, problems %v", res.articles, res.problems)
		}
	})
}
