package ingest

import (
	"strings"
	"testing"
)

func TestReadJSONLDump(t *testing.T) {
	recs := devRecords(t)
	var lines []any
	for _, r := range recs {
		lines = append(lines, r)
	}
	dir := t.TempDir()
	for _, name := range []string{"dev.jsonl", "dev.ndjson", "dev.jsonl.gz", "dev.ndjson.gz"} {
		t.Run(name, func(t *testing.T) {
			path := writeDump(t, dir, name, lines)
			res := readAll(t, []string{path}, Options{})
			if res.err != nil || len(res.articles) != len(recs) || len(res.problems) != 0 {
				t.Fatalf("err %v, %d articles of %d, problems %v", res.err, len(res.articles), len(recs), res.problems)
			}
			for i, a := range res.articles {
				r := recs[i]
				if a.Title != r.Title || a.Text != r.Title+"\n\n"+r.Text {
					t.Errorf("%s: title %q, text starts %.80q", a.Origin, a.Title, a.Text)
				}
				if want := path + ":" + itoa(i+1); a.Origin != want {
					t.Errorf("Origin %q, want %q", a.Origin, want)
				}
				wantSource := r.URL
				if wantSource == "" {
					wantSource = path + "#" + r.ID
				}
				if a.Source != wantSource || a.URL != r.URL || a.Published != normalizeDate(r.Published) {
					t.Errorf("%s: Source %q URL %q Published %q", a.Origin, a.Source, a.URL, a.Published)
				}
				if want := strings.Split(r.ID, "-")[1]; a.Lang != want { // "02-fr-..."
					t.Errorf("%s: Lang %q, want %q", a.Origin, a.Lang, want)
				}
			}
		})
	}
}

func TestReadJSONLProblems(t *testing.T) {
	fr := "Le président russe et son homologue iranien ont signé vendredi un partenariat stratégique de vingt ans."
	lines := []any{
		map[string]any{"id": 1, "title": "Un accord", "text": fr, "date": "2025-01-17", "extra": []int{1, 2}}, // 1: ok, numeric id, date
		"",                                   // 2: blank, not an item
		`{"id": "x", "title": "Un accord", `, // 3: malformed
		`["not", "an", "object"]`,            // 4: malformed
		"{\"title\": \"Caf\xe9\", \"text\": \"x\"}", // 5: invalid UTF-8
		map[string]any{"title": "", "text": " "},    // 6: empty
		map[string]any{"title": "Tratado", "text": "Rusia e Irán firmaron el viernes una asociación estratégica de veinte años entre los dos países.", "lang": "es"}, // 7: unsupported
		map[string]any{"title": "Long", "text": strings.Repeat("x", 3000)},                                                                                           // 8: too large
		map[string]any{"title": 12, "text": fr, "lang": "fr"},                                                                                                        // 9: ok, numeric title
		map[string]any{"title": true, "text": fr},                                                                                                                    // 10: malformed title
		"   \t", // 11: blank
		map[string]any{"title": "Multi\nline\r\n title", "text": "A\r\nB " + fr, "published": "Mon, 01 Aug 2022 20:34:39 +0000", "lang": "FR"}, // 12: ok
		`{"title": "Un accord", "text": "` + fr + `"} trailing`,                                                                                // 13: malformed
	}
	dir := t.TempDir()
	path := writeDump(t, dir, "mixed.jsonl", lines)
	res := readAll(t, []string{path}, Options{MaxLineBytes: 2000})
	if res.err != nil {
		t.Fatal(res.err)
	}
	wantReasons := []string{ReasonMalformed, ReasonMalformed, ReasonInvalidUTF8, ReasonEmpty, ReasonLanguage, ReasonTooLarge, ReasonMalformed, ReasonMalformed}
	wantOrigins := []int{3, 4, 5, 6, 7, 8, 10, 13}
	if got := reasons(res.problems); strings.Join(got, ",") != strings.Join(wantReasons, ",") {
		t.Fatalf("reasons %v, want %v\n%v", got, wantReasons, res.problems)
	}
	for i, p := range res.problems {
		if want := path + ":" + itoa(wantOrigins[i]); p.Origin != want {
			t.Errorf("problem %d at %q, want %q", i, p.Origin, want)
		}
	}
	if len(res.articles) != 3 {
		t.Fatalf("%d articles", len(res.articles))
	}
	// Items seen: 13 lines less 2 blank ones.
	if res.stats.Read+res.stats.Skipped != 11 || res.stats.SkippedBy[ReasonMalformed] != 4 {
		t.Errorf("stats %+v", res.stats)
	}
	a := res.articles[0]
	if a.Source != path+"#1" || a.Published != "2025-01-17" || a.Title != "Un accord" || a.Lang != "fr" {
		t.Errorf("line 1: %+v", a)
	}
	if a := res.articles[1]; a.Title != "12" || a.Source != path+":9" {
		t.Errorf("line 9: %+v", a)
	}
	if a := res.articles[2]; a.Title != "Multi line title" || a.Text != "Multi line title\n\nA\nB "+fr || a.Published != "2022-08-01" || a.Lang != "fr" {
		t.Errorf("line 12: %+v", a)
	}
}

// TestReadJSONLLongLines checks that a line far over the limit is skipped
// and the lines around it are read, however the buffer falls.
func TestReadJSONLLongLines(t *testing.T) {
	ok := map[string]any{"title": "Talks resume", "text": "The two countries agreed to resume the talks on the treaty next month, the ministers said."}
	for _, n := range []int{1000, 65535, 65536, 65537, 200000} {
		lines := []any{ok, `{"title": "x", "text": "` + strings.Repeat("y", n) + `"}`, ok}
		path := writeDump(t, t.TempDir(), "long.jsonl", lines)
		res := readAll(t, []string{path}, Options{MaxLineBytes: 1000})
		if len(res.articles) != 2 || strings.Join(reasons(res.problems), ",") != ReasonTooLarge || res.problems[0].Origin != path+":2" {
			t.Errorf("n=%d: %d articles, problems %v", n, len(res.articles), res.problems)
		}
	}
	// Without a final newline, and with CRLF.
	path := writeFile(t, t.TempDir(), "crlf.jsonl", "{\"title\":\"A\",\"text\":\"The talks resume next month, the ministers said after the meeting of the two countries.\"}\r\n{\"title\":\"B\",\"text\":\"The talks resume next month, the ministers said after the meeting of the two countries.\"}")
	res := readAll(t, []string{path}, Options{})
	if len(res.articles) != 2 || len(res.problems) != 0 {
		t.Errorf("%d articles, problems %v", len(res.articles), res.problems)
	}
}

func TestReadJSONLCorruptGzip(t *testing.T) {
	dir := t.TempDir()
	path := writeDump(t, dir, "dump.jsonl.gz", []any{map[string]any{"title": "x", "text": strings.Repeat("The talks resume. ", 2000)}})
	data := readBytes(t, path)
	writeFile(t, dir, "dump.jsonl.gz", string(data[:len(data)/2]))
	res := readAll(t, []string{path}, Options{})
	if res.err != nil || strings.Join(reasons(res.problems), ",") != ReasonUnreadable {
		t.Errorf("err %v, problems %v", res.err, res.problems)
	}
}
