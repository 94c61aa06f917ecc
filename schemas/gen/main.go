// Command gen writes the generated gazetteers of schemas/gazetteer from the
// data copied under shared/data, deterministically: the same data gives
// byte-identical files. It is run by `go generate ./schemas` (see
// schemas/generate.go) or, from the repository root, by `go run ./schemas/gen`.
//
// It writes countries.gen.yaml (mledoze/countries, datasets/country-codes and
// Wikidata aliases), orgs.gen.yaml (SupraVerden) and leaders.gen.yaml (Wikidata
// heads of state and government), and copies the upstream licence notes and
// licence texts into gazetteer/LICENSES. Hand-written additions live in the
// *.hand.yaml files beside them and are never touched.
//
// What the generator drops or cannot decide (ambiguous forms, id collisions,
// rows it cannot map) is reported on standard error, sorted; -v lists every
// dropped form as well.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

func main() {
	var o options
	flag.StringVar(&o.shared, "shared", "", "the shared folder holding data/ (default: ../../shared from schemas/, ../shared from the repository root)")
	flag.StringVar(&o.out, "out", "", "the output folder (default: gazetteer from schemas/, schemas/gazetteer from the repository root)")
	flag.BoolVar(&o.verbose, "v", false, "also list every form dropped as ambiguous or junk")
	flag.Parse()
	if err := defaults(&o); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	if err := run(o, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type options struct {
	shared  string // folder with data/
	out     string // folder the YAML files are written to
	verbose bool
}

// defaults fills the folders left empty from where the command runs: in
// schemas/ (go generate) or at the repository root (go run ./schemas/gen).
func defaults(o *options) error {
	schemasDir := ""
	for _, d := range []string{".", "schemas"} {
		if _, err := os.Stat(filepath.Join(d, "gazetteer.go")); err == nil {
			schemasDir = d
			break
		}
	}
	if schemasDir == "" && (o.shared == "" || o.out == "") {
		return errors.New("run from schemas/ or the repository root, or give -shared and -out")
	}
	if o.out == "" {
		o.out = filepath.Join(schemasDir, "gazetteer")
	}
	if o.shared == "" {
		o.shared = filepath.Join(schemasDir, "..", "..", "shared")
	}
	return nil
}

// gazFile mirrors schemas.GazetteerFile (not imported: the schemas package
// embeds the files this command writes, so it cannot be a dependency of it).
type gazFile struct {
	Source   string   `yaml:"source"`
	License  string   `yaml:"license"`
	Entities []entity `yaml:"entities"`
}

type entity struct {
	ID       string              `yaml:"id"`
	Label    string              `yaml:"label"`
	Name     string              `yaml:"name"`
	Props    map[string]string   `yaml:"props,omitempty"`
	Names    map[string][]string `yaml:"names,omitempty"`
	Demonyms map[string][]string `yaml:"demonyms,omitempty"`
	Seats    map[string][]string `yaml:"seats,omitempty"`
	PartOf   string              `yaml:"part_of,omitempty"`
	Offices  []office            `yaml:"offices,omitempty"`
}

type office struct {
	Of    string `yaml:"of"`
	Role  string `yaml:"role"`
	Start string `yaml:"start,omitempty"`
	End   string `yaml:"end,omitempty"`
}

// report collects what the generator dropped or could not decide.
type report struct {
	notes   []string // always printed
	dropped []string // printed with -v
}

func (r *report) notef(format string, a ...any) { r.notes = append(r.notes, fmt.Sprintf(format, a...)) }
func (r *report) dropf(format string, a ...any) {
	r.dropped = append(r.dropped, fmt.Sprintf(format, a...))
}

func (r *report) print(w io.Writer, verbose bool) {
	sort.Strings(r.notes)
	for i, n := range r.notes {
		if i == 0 || n != r.notes[i-1] {
			fmt.Fprintln(w, "gen: note:", n)
		}
	}
	if verbose {
		sort.Strings(r.dropped)
		for _, n := range r.dropped {
			fmt.Fprintln(w, "gen: dropped:", n)
		}
	} else if len(r.dropped) > 0 {
		fmt.Fprintf(w, "gen: %d forms dropped as junk or ambiguous (-v lists them)\n", len(r.dropped))
	}
}

func run(o options, log io.Writer) error {
	data := filepath.Join(o.shared, "data")
	if _, err := os.Stat(data); err != nil {
		return fmt.Errorf("shared data: %w", err)
	}
	rep := &report{}
	src, err := readSources(data)
	if err != nil {
		return err
	}
	countries, err := buildCountries(data, src, rep)
	if err != nil {
		return err
	}
	taken := countryForms(countries)
	orgs, err := buildOrgs(data, src, countries, taken, rep)
	if err != nil {
		return err
	}
	leaders, err := buildLeaders(data, src, countries, taken, rep)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(o.out, "LICENSES"), 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		file gazFile
	}{
		{"countries.gen.yaml", countries},
		{"orgs.gen.yaml", orgs},
		{"leaders.gen.yaml", leaders},
	} {
		if err := writeYAML(filepath.Join(o.out, f.name), f.file); err != nil {
			return err
		}
	}
	if err := copyLicences(data, filepath.Join(o.out, "LICENSES"), src); err != nil {
		return err
	}
	rep.print(log, o.verbose)
	fmt.Fprintf(log, "gen: wrote %d countries, %d organisations, %d persons to %s\n",
		len(countries.Entities), len(orgs.Entities), len(leaders.Entities), o.out)
	return nil
}

// source is one upstream folder of shared/data, as its LICENSE-NOTE.md names it.
type source struct {
	dir, url, commit string
}

func (s source) String() string {
	c := s.commit
	if len(c) > 12 {
		c = c[:12]
	}
	return fmt.Sprintf("%s @ %s", s.url, c)
}

var (
	noteURL    = regexp.MustCompile(`Source:\s*(https://\S+?)[,\s]`)
	noteCommit = regexp.MustCompile(`commit ([0-9a-f]{40})`)
)

var sourceDirs = []string{"mledoze-countries", "country-codes", "wikidata-country-aliases", "supraverden", "wikidata-world-leaders"}

func readSources(data string) (map[string]source, error) {
	m := map[string]source{}
	for _, d := range sourceDirs {
		b, err := os.ReadFile(filepath.Join(data, d, "LICENSE-NOTE.md"))
		if err != nil {
			return nil, fmt.Errorf("licence note: %w", err)
		}
		s := source{dir: d, url: "unknown source", commit: "unknown commit"}
		if u := noteURL.FindSubmatch(b); u != nil {
			s.url = strings.TrimPrefix(string(u[1]), "https://")
		}
		if c := noteCommit.FindSubmatch(b); c != nil {
			s.commit = string(c[1])
		}
		m[d] = s
	}
	return m, nil
}

const header = "# Code generated by schemas/gen from shared/data; DO NOT EDIT.\n" +
	"# Regenerate with `go generate ./schemas` (or `go run ./schemas/gen` from the repository root).\n" +
	"# Hand-written additions go in the *.hand.yaml files beside this one.\n" +
	"# Licences: see the license field below and LICENSES/ in this folder.\n"

func writeYAML(path string, f gazFile) error {
	sort.Slice(f.Entities, func(i, j int) bool { return f.Entities[i].ID < f.Entities[j].ID })
	var buf bytes.Buffer
	buf.WriteString(header)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// copyLicences copies every upstream licence note and licence text next to
// the generated files, so the embedded data keeps them, and writes an index.
func copyLicences(data, dst string, src map[string]source) error {
	files := []struct{ from, to string }{
		{"LICENSE-NOTE.md", "shared-data-LICENSE-NOTE.md"},
		{"mledoze-countries/LICENSE-NOTE.md", "mledoze-countries-LICENSE-NOTE.md"},
		{"mledoze-countries/LICENSE-ODbL-1.0.md", "mledoze-countries-LICENSE-ODbL-1.0.md"},
		{"country-codes/LICENSE-NOTE.md", "country-codes-LICENSE-NOTE.md"},
		{"wikidata-country-aliases/LICENSE-NOTE.md", "wikidata-country-aliases-LICENSE-NOTE.md"},
		{"wikidata-country-aliases/LICENSE-MIT.txt", "wikidata-country-aliases-LICENSE-MIT.txt"},
		{"supraverden/LICENSE-NOTE.md", "supraverden-LICENSE-NOTE.md"},
		{"supraverden/LICENSE-CC-BY-SA-4.0.md", "supraverden-LICENSE-CC-BY-SA-4.0.md"},
		{"wikidata-world-leaders/LICENSE-NOTE.md", "wikidata-world-leaders-LICENSE-NOTE.md"},
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(data, f.from))
		if err != nil {
			return fmt.Errorf("copy licence: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dst, f.to), b, 0o644); err != nil {
			return fmt.Errorf("copy licence: %w", err)
		}
	}
	var b strings.Builder
	b.WriteString("# Licences of the gazetteer data\n\n")
	b.WriteString("Generated by schemas/gen; DO NOT EDIT. The upstream notes and licence texts are copied unchanged beside this file.\n\n")
	b.WriteString("| file | derived from | licence |\n| --- | --- | --- |\n")
	fmt.Fprintf(&b, "| countries.gen.yaml | %s; %s; %s | %s |\n", src["mledoze-countries"], src["country-codes"], src["wikidata-country-aliases"], countriesLicense)
	fmt.Fprintf(&b, "| orgs.gen.yaml | %s | %s |\n", src["supraverden"], orgsLicense)
	fmt.Fprintf(&b, "| leaders.gen.yaml | %s | %s |\n", src["wikidata-world-leaders"], leadersLicense)
	b.WriteString("| *.hand.yaml | written by the project | the project's licence |\n\n")
	b.WriteString("The hand tables inside schemas/gen (French capital names, filters, id overrides, corrections of\n" +
		"the leaders snapshot) are the project's own work, under the project's licence.\n")
	return os.WriteFile(filepath.Join(dst, "README.md"), []byte(b.String()), 0o644)
}
