package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/irkg/irkg/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runCLI runs the irkg app with args and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	app := newApp(strings.NewReader(stdin), &out, &errb)
	err := app.RunContext(context.Background(), append([]string{"irkg"}, args...))
	if err != nil {
		errb.WriteString("irkg: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), exitCode(err)
}

// TestExtractGolden: the JSONL of every dev article, byte for byte.
func TestExtractGolden(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	if len(files) == 0 {
		t.Fatal("no articles")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			out, errs, code := runCLI(t, "", "extract", "--workers", "1", f)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden.Check(t, filepath.Join("testdata", "golden", name+".jsonl"), out, *update)
		})
	}
}

// TestExtractDeterministic: a whole directory with several workers gives the
// same bytes twice, in input order.
func TestExtractDeterministic(t *testing.T) {
	a, _, code := runCLI(t, "", "extract", "--workers", "2", "../../testdata/corpus")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	b, _, _ := runCLI(t, "", "extract", "--workers", "2", "../../testdata/corpus")
	if a != b || a == "" {
		t.Fatal("output differs between runs")
	}
	one, _, _ := runCLI(t, "", "extract", "--workers", "1", "../../testdata/corpus")
	if one != a {
		t.Fatal("output depends on the number of workers")
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bin := filepath.Join(dir, "bins")
	os.Mkdir(bin, 0o755)
	os.WriteFile(filepath.Join(bin, "a.bin"), []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2}, 0o644)
	os.WriteFile(filepath.Join(bin, "b.bin"), bytes.Repeat([]byte{0, 1, 2, 3}, 100), 0o644)
	big := write("big.txt", append([]byte("Titre\n\n"), bytes.Repeat([]byte("La Russie et l'Iran signent un traité. "), 50<<20/39+1)...))
	cases := []struct {
		name     string
		args     []string
		code     int
		stderr   string // must appear in stderr
		emptyOut bool
	}{
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, exitInput, "nope.txt", true},
		{"directory of binaries", []string{"extract", bin}, exitInput, "a.bin", true},
		{"invalid utf-8", []string{"extract", write("bad.txt", []byte("Titre\n\nLa Russie \xff\xfe signe."))}, exitInput, "bad.txt", true},
		{"empty file", []string{"extract", write("empty.txt", nil)}, exitInput, "empty.txt", true},
		{"unknown format flag", []string{"extract", "--format", "xml", big}, exitUsage, "--format", true},
		{"no input", []string{"extract"}, exitUsage, "no input", true},
		{"bad schema", []string{"extract", "--schema", write("s.yaml", []byte("predicates:\n  - {name: lower_case, colour: red}\n")), big}, exitSchema, "s.yaml:2", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, "", c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, c.code, errs)
			}
			if !strings.Contains(errs, c.stderr) {
				t.Fatalf("stderr %q does not name %q", errs, c.stderr)
			}
			if c.emptyOut && out != "" {
				t.Fatalf("unexpected output: %.200s", out)
			}
		})
	}
}

func TestExtractStdinAndTable(t *testing.T) {
	out, errs, code := runCLI(t, "Titre\n\nLes États-Unis ont décrété des sanctions contre l'Iran.", "extract", "--lang", "fr", "--format", "table", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "country:USA") || !strings.Contains(out, "SANCTIONS") || !strings.Contains(out, "country:IRN") {
		t.Fatalf("table lacks the fact:\n%s", out)
	}
}

func TestEvalOnCorpus(t *testing.T) {
	out, errs, code := runCLI(t, "", "eval", "--min-f1", "0.75", "../../testdata/corpus")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	if !strings.Contains(out, "micro (11 documents)") {
		t.Fatalf("no micro line:\n%s", out)
	}
}

func TestSchemaCommand(t *testing.T) {
	out, _, code := runCLI(t, "", "schema")
	if code != 0 || !strings.Contains(out, "DEPLOYS_FORCES_TO") || !strings.Contains(out, "mutual_defense") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

// TestExtractLargeFile: a 50 MB article is read in blocks of sentences with
// bounded memory and gives its facts (the figure is in bench/, not asserted here).
func TestExtractLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input")
	}
	p := filepath.Join(t.TempDir(), "big.txt")
	line := strings.Repeat("La Russie et l'Iran signent un traité. Les États-Unis ont décrété des sanctions contre l'Iran. ", 10) + "\n"
	var b strings.Builder
	b.WriteString("Titre\n\n")
	for b.Len() < 50<<20 {
		b.WriteString(line)
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "extract", "--lang", "fr", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{`"record":"document"`, `"subject":"country:USA","predicate":"SANCTIONS","object":"country:IRN"`, `"predicate":"PARTY_TO"`} {
		if !strings.Contains(out, want) {
			t.Fatalf("output lacks %s", want)
		}
	}
}
