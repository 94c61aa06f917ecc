package ingest

import (
	"errors"
	"testing"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"2012", "2012"},
		{"2012-11", "2012-11"},
		{"2012-11-02", "2012-11-02"},
		{" 2012-11-02 ", "2012-11-02"},
		{"2012-13", ""},
		{"2012-02-30", ""},
		{"2022-08-01T20:34:39Z", "2022-08-01"},
		{"2022-08-01T23:30:00-05:00", "2022-08-01"}, // the day where it was written, not UTC's
		{"2022-08-01 20:34:39", "2022-08-01"},
		{"Mon, 01 Aug 2022 20:34:39 +0000", "2022-08-01"},
		{"01 Aug 2022", "2022-08-01"},
		{"August 1, 2022", "2022-08-01"},
		{"03/04/2022", ""}, // day or month first? not guessed
		{"yesterday", ""},
		{"0000-00-00", ""},
		{"2 novembre 2012", ""},
	}
	for _, tt := range tests {
		if got := normalizeDate(tt.in); got != tt.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""}, {"fr", "fr"}, {"FR", "fr"}, {"fr-FR", "fr"}, {"fr_CA", "fr"}, {"en-US", "en"},
		{"fra", "fr"}, {"French", "fr"}, {"français", "fr"}, {"eng", "en"}, {" English ", "en"},
		{"es-ES", "es"}, {"de", "de"},
	}
	for _, tt := range tests {
		if got := normalizeLang(tt.in); got != tt.want {
			t.Errorf("normalizeLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProblemError(t *testing.T) {
	p := Problem{Origin: "dir/a.jsonl:12", Reason: ReasonMalformed, Err: errBoom}
	if got := p.Error(); got != "dir/a.jsonl:12: malformed: boom" {
		t.Errorf("Error() = %q", got)
	}
	if p.Unwrap() != errBoom {
		t.Error("Unwrap")
	}
	if got := (Problem{Origin: "page.html", Reason: ReasonEmpty}).Error(); got != "page.html: empty" {
		t.Errorf("Error() = %q", got)
	}
}

var errBoom = errors.New("boom")
