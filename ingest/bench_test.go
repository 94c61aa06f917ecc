package ingest

import (
	"context"
	"os"
	"testing"

	"github.com/irkg/irkg/kg"
)

// BenchmarkReadJSONL reads a gzipped dump of the dev articles repeated 200
// times: throughput and allocations of the whole path (gzip, lines, JSON,
// finishing, language detection).
func BenchmarkReadJSONL(b *testing.B) {
	recs := devRecords(b)
	var lines []any
	for range 200 {
		for _, r := range recs {
			r.Lang = "" // detect every time
			lines = append(lines, r)
		}
	}
	path := writeDump(b, b.TempDir(), "dump.jsonl.gz", lines)
	var size int64
	for _, r := range recs {
		size += int64(len(r.Title) + len(r.Text))
	}
	b.SetBytes(size * 200)
	b.ResetTimer()
	for range b.N {
		st, err := Read(context.Background(), []string{path}, Options{}, func(kg.Article) error { return nil })
		if err != nil || st.Read != len(lines) {
			b.Fatalf("%v %+v", err, st)
		}
	}
	_ = os.Remove(path)
}

func BenchmarkReadRSS(b *testing.B) {
	for range b.N {
		if _, err := Read(context.Background(), []string{"testdata/" + stateRSS}, Options{}, func(kg.Article) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	for range b.N {
		if _, err := Read(context.Background(), []string{"testdata/fr-wikinews-syrie-2012-11-02.html"}, Options{}, func(kg.Article) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
