// Package golden checks test output against a golden file, rewritten with
// -update, and prints the lines missing and extra on failure (STYLE §10).
package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Check compares got with the file at path; with update it writes the file instead.
func Check(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (rerun the test with -update to write it)", err)
	}
	if got == string(want) {
		return
	}
	missing, extra := Diff(string(want), got)
	t.Errorf("%s differs\nmissing:\n  %s\nextra:\n  %s", path, strings.Join(missing, "\n  "), strings.Join(extra, "\n  "))
}

// Diff returns the lines of want that got lacks, and the lines of got that want lacks.
func Diff(want, got string) (missing, extra []string) {
	w, g := map[string]bool{}, map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		w[l] = true
	}
	for _, l := range strings.Split(got, "\n") {
		g[l] = true
		if !w[l] {
			extra = append(extra, l)
		}
	}
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			missing = append(missing, l)
		}
	}
	return missing, extra
}
