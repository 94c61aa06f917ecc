// Package schemas holds the ontology, the per-language lexicons and the
// gazetteers as embedded YAML, loads them strictly (unknown keys are errors)
// and validates them, reporting every problem at once as file:line: message.
//
// Users extend the embedded schema with their own YAML files (see UserFile):
// extensions add predicates, clause types, lexicon forms and entities; they
// never replace the embedded definitions.
package schemas

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed ontology.yaml lexicon/*.yaml gazetteer/*.yaml
var embedded embed.FS

// Ontology is the vocabulary of ONTOLOGY.md.
type Ontology struct {
	Version        int         `yaml:"version"`
	Labels         []string    `yaml:"labels"`
	Predicates     []Predicate `yaml:"predicates"`
	Clauses        []Clause    `yaml:"clauses"`
	AgreementKinds []string    `yaml:"agreement_kinds"`
	Roles          []string    `yaml:"roles"`
	Modalities     []string    `yaml:"modalities"`
}

// Predicate is a relationship type. Subject and Object list the allowed
// labels; empty means any actor (Country, Organization, Group, Person).
type Predicate struct {
	Name        string   `yaml:"name"`
	Subject     []string `yaml:"subject,omitempty"`
	Object      []string `yaml:"object,omitempty"`
	Symmetric   bool     `yaml:"symmetric,omitempty"`
	Plover      string   `yaml:"plover,omitempty"`
	Cameo       string   `yaml:"cameo,omitempty"`
	Description string   `yaml:"description,omitempty"`
}

// Clause is a treaty provision type (ATOP-aligned).
type Clause struct {
	Type        string   `yaml:"type"`
	Atop        []string `yaml:"atop,omitempty"`
	Description string   `yaml:"description,omitempty"`
}

// Lexicon holds the surface forms of one language.
type Lexicon struct {
	Lang       string              `yaml:"lang"`
	Relations  []RelationRule      `yaml:"relations"`
	Agreements []AgreementForm     `yaml:"agreements"`
	Clauses    []ClauseForm        `yaml:"clauses"`
	Roles      []RoleForm          `yaml:"roles"`
	Cues       map[string][]string `yaml:"cues"`
}

// RelationRule says which forms trigger a predicate. Forms are matched on
// folded tokens; a final "*" matches any ending (sanction*).
type RelationRule struct {
	Predicate string   `yaml:"predicate"`
	Forms     []string `yaml:"forms"`
	// Preps, when set, are the words that introduce the object ("contre",
	// "against"); without them the object is the next actor.
	Preps []string `yaml:"preps,omitempty"`
	// Noun marks nominal triggers ("sanctions", "troupes"): their subject may be
	// an adjacent demonym ("sanctions occidentales", "Western sanctions").
	Noun bool `yaml:"noun,omitempty"`
	// Passive marks forms whose grammatical subject is the object ("was
	// attacked by"): the actor after the form is the subject.
	Passive  bool   `yaml:"passive,omitempty"`
	Domain   string `yaml:"domain,omitempty"`
	Modality string `yaml:"modality,omitempty"`
}

// AgreementForm names an agreement noun or a modifier that sets its kind.
// Head forms introduce an agreement ("traité", "treaty"); the others only
// refine the kind of a nearby head ("libre-échange", "mutual defense").
type AgreementForm struct {
	Kind  string   `yaml:"kind"`
	Forms []string `yaml:"forms"`
	Head  bool     `yaml:"head,omitempty"`
}

// ClauseForm lists the forms that name a clause type.
type ClauseForm struct {
	Clause string   `yaml:"clause"`
	Forms  []string `yaml:"forms"`
}

// RoleForm lists the forms of an office. Kind is "leads" (the default),
// "counterpart" (takes the role of the person it is compared with), "office"
// (a generic word, "leader": the role is the one the gazetteer knows for the
// person) or "none" (a title that does not LEAD: ambassador, spokesperson, deputy).
type RoleForm struct {
	Role  string   `yaml:"role,omitempty"`
	Kind  string   `yaml:"kind,omitempty"`
	Forms []string `yaml:"forms"`
	Of    string   `yaml:"of,omitempty"` // default country or organisation ("Secretary of State" → country:USA)
}

// CueClasses are the cue lists a lexicon may define, with what they mean.
var CueClasses = map[string]string{
	"negation":     "words that negate the fact they precede",
	"future":       "future modality",
	"hypothetical": "hypothetical modality",
	"alleged":      "alleged modality without a named source",
	"according":    "introduces a credited source: selon X, according to X (alleged)",
	"speech":       "speech verbs: X said that…, a déclaré X",
	"absence":      "a stated absence of a provision: ne contient pas, no mention of",
	"anaphor":      "phrases that refer back to the current agreement: cet accord, the treaty",
	"pair":         "phrases that refer to the two parties in focus: les deux pays, both sides",
	"conjunction":  "coordinating words: et, and",
	"filler":       "words that may sit between coordinated actors: determiners, possessives",
	"title":        "titles before a person's name: M., Mr., Dr., ayatollah",
	"forces":       "troops, soldiers: a nominal actor for deployments and attacks",
	"signing":      "verbs of signing or concluding an agreement",
	"clause_link":  "links a clause to another agreement that has it: like the one in",
	"obligation":   "links actors to an agreement that binds them: under, pursuant to",
	"we":           "first-person plural: the document's speaker",
	"between":      "introduces the parties: entre, between",
	"with":         "introduces a partner: avec, with",
	"of":           "introduces a complement: de, of",
	"bilateral":    "adjectives that refer to the two parties in focus: bilatéral",
	"host":         "verbs of hosting troops: accueille les troupes américaines",
	"blocker":      "names that contain a country name but are not one: South China Sea",
	"org_anaphor":  "phrases that refer back to the last organisation: the community, l'organisation",
	"passive":      "passive participles whose left actor is the object: accusés de, accused of",
	"hosts":        "nouns naming the countries that host the forces in focus: pays d'accueil, host nations",
	"withdrawal":   "leaving an agreement: withdraw from, se retirer de (a negated PARTY_TO)",
	"adverb":       "adverbial phrases that may stand between a verb and its object: à son tour, in turn",
}

// Schema is everything extraction needs, merged and validated.
type Schema struct {
	Ontology  Ontology
	predAt    []string // file:line of each predicate, for messages
	clauseAt  []string
	Lexicons  map[string]*Lexicon // by language
	Entities  []GazEntity         // merged gazetteer, sorted by id
	byID      map[string]*GazEntity
	predicate map[string]*Predicate
}

// UserFile is the shape of a --schema file: every key is optional.
type UserFile struct {
	Predicates     []Predicate         `yaml:"predicates"`
	Clauses        []Clause            `yaml:"clauses"`
	AgreementKinds []string            `yaml:"agreement_kinds"`
	Roles          []string            `yaml:"roles"`
	Lexicons       map[string]*Lexicon `yaml:"lexicons"`
	Entities       []GazEntity         `yaml:"entities"`
}

// ErrorList collects problems as "file:line: message".
type ErrorList []string

func (e ErrorList) Error() string {
	if len(e) == 1 {
		return e[0]
	}
	return fmt.Sprintf("%d problems:\n  %s", len(e), strings.Join(e, "\n  "))
}

// Load reads the embedded schema and then the user files, in order, and
// validates the result.
func Load(userFiles ...string) (*Schema, error) {
	s := &Schema{Lexicons: map[string]*Lexicon{}}
	var errs ErrorList
	lines := &lineIndex{}
	if err := decodeStrict(embedded, "ontology.yaml", &s.Ontology, lines); err != nil {
		return nil, err
	}
	for i := range s.Ontology.Predicates {
		s.predAt = append(s.predAt, lines.item("ontology.yaml", "predicates", i))
	}
	for i := range s.Ontology.Clauses {
		s.clauseAt = append(s.clauseAt, lines.item("ontology.yaml", "clauses", i))
	}
	var userFilesParsed []UserFile
	for _, uf := range userFiles {
		var u UserFile
		if err := decodeStrict(osFS{}, uf, &u, lines); err != nil {
			return nil, err
		}
		userFilesParsed = append(userFilesParsed, u)
		s.Ontology.Predicates = append(s.Ontology.Predicates, u.Predicates...)
		for i := range u.Predicates {
			s.predAt = append(s.predAt, lines.item(uf, "predicates", i))
		}
		s.Ontology.Clauses = append(s.Ontology.Clauses, u.Clauses...)
		for i := range u.Clauses {
			s.clauseAt = append(s.clauseAt, lines.item(uf, "clauses", i))
		}
		s.Ontology.AgreementKinds = append(s.Ontology.AgreementKinds, u.AgreementKinds...)
		s.Ontology.Roles = append(s.Ontology.Roles, u.Roles...)
	}
	errs = append(errs, s.validateOntology()...)
	lexFiles, _ := fs.Glob(embedded, "lexicon/*.yaml")
	for _, f := range lexFiles {
		var lx Lexicon
		if err := decodeStrict(embedded, f, &lx, lines); err != nil {
			return nil, err
		}
		s.addLexicon(f, &lx, &errs, lines)
	}
	gazFiles, _ := fs.Glob(embedded, "gazetteer/*.yaml")
	sort.Strings(gazFiles)
	var ents []entityAt
	for _, f := range gazFiles {
		var g GazetteerFile
		if err := decodeStrict(embedded, f, &g, lines); err != nil {
			return nil, err
		}
		for i, e := range g.Entities {
			ents = append(ents, entityAt{e, lines.item(f, "entities", i)})
		}
	}
	for ui, uf := range userFiles {
		u := userFilesParsed[ui]
		langs := make([]string, 0, len(u.Lexicons))
		for l := range u.Lexicons {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			lx := u.Lexicons[l]
			if lx.Lang == "" {
				lx.Lang = l
			}
			s.addLexicon(uf+" (lexicons."+l+")", lx, &errs, lines)
		}
		for i, e := range u.Entities {
			ents = append(ents, entityAt{e, lines.item(uf, "entities", i)})
		}
	}
	s.mergeEntities(ents, &errs)
	errs = append(errs, s.validate(lines)...)
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

type entityAt struct {
	GazEntity
	at string
}

func (s *Schema) addLexicon(file string, lx *Lexicon, errs *ErrorList, lines *lineIndex) {
	if lx.Lang == "" {
		*errs = append(*errs, file+": lexicon without lang")
		return
	}
	key, prefix := file, ""
	if i := strings.Index(file, " (lexicons."); i >= 0 {
		key, prefix = file[:i], "lexicons."+lx.Lang+"." // a user file: lexicons.<lang>.relations…
	}
	*errs = append(*errs, s.validateLexicon(key, prefix, lx, lines)...)
	cur, ok := s.Lexicons[lx.Lang]
	if !ok {
		cp := *lx
		if cp.Cues == nil {
			cp.Cues = map[string][]string{}
		}
		s.Lexicons[lx.Lang] = &cp
		return
	}
	cur.Relations = append(cur.Relations, lx.Relations...)
	cur.Agreements = append(cur.Agreements, lx.Agreements...)
	cur.Clauses = append(cur.Clauses, lx.Clauses...)
	cur.Roles = append(cur.Roles, lx.Roles...)
	for k, v := range lx.Cues {
		cur.Cues[k] = append(cur.Cues[k], v...)
	}
}

var idRE = regexp.MustCompile(`^(country:[A-Z]{3}|org:[A-Z0-9_]+|group:[A-Z0-9_]+|person:[a-z0-9]+(-[a-z0-9]+)*)$`)

var labelPrefix = map[string]string{"Country": "country:", "Organization": "org:", "Group": "group:", "Person": "person:"}

func (s *Schema) mergeEntities(ents []entityAt, errs *ErrorList) {
	s.byID = map[string]*GazEntity{}
	var order []string
	for _, e := range ents {
		if !idRE.MatchString(e.ID) {
			*errs = append(*errs, fmt.Sprintf("%s: entity id %q is not of the form country:ISO3, org:ACRONYM, group:NAME or person:slug", e.at, e.ID))
			continue
		}
		cur, ok := s.byID[e.ID]
		if !ok {
			cp := e.GazEntity
			if cp.Label == "" {
				for l, p := range labelPrefix {
					if strings.HasPrefix(cp.ID, p) {
						cp.Label = l
					}
				}
			}
			if p, ok := labelPrefix[cp.Label]; !ok || !strings.HasPrefix(cp.ID, p) {
				*errs = append(*errs, fmt.Sprintf("%s: entity %s has label %q, which does not fit its id", e.at, e.ID, cp.Label))
				continue
			}
			s.byID[e.ID] = &cp
			order = append(order, e.ID)
			continue
		}
		if cur.Name == "" {
			cur.Name = e.Name
		}
		if cur.Props == nil && e.Props != nil {
			cur.Props = e.Props
		}
		if cur.PartOf == "" {
			cur.PartOf = e.PartOf
		}
		cur.Names = mergeForms(cur.Names, e.Names)
		cur.Demonyms = mergeForms(cur.Demonyms, e.Demonyms)
		cur.Seats = mergeForms(cur.Seats, e.Seats)
		cur.Offices = append(cur.Offices, e.Offices...)
	}
	sort.Strings(order)
	for _, id := range order {
		s.Entities = append(s.Entities, *s.byID[id])
	}
	for i := range s.Entities {
		s.byID[s.Entities[i].ID] = &s.Entities[i]
	}
}

func mergeForms(a, b map[string][]string) map[string][]string {
	if len(b) == 0 {
		return a
	}
	if a == nil {
		a = map[string][]string{}
	}
	for k, v := range b {
		a[k] = append(a[k], v...)
	}
	return a
}

// Entity returns the gazetteer entry for id.
func (s *Schema) Entity(id string) (*GazEntity, bool) {
	e, ok := s.byID[id]
	return e, ok
}

// Predicate returns the definition of a predicate.
func (s *Schema) Predicate(name string) (*Predicate, bool) {
	p, ok := s.predicate[name]
	return p, ok
}

// HasClause reports whether t is a clause type.
func (s *Schema) HasClause(t string) bool {
	for _, c := range s.Ontology.Clauses {
		if c.Type == t {
			return true
		}
	}
	return false
}

// validateOntology checks predicates and clause types, with their origins.
func (s *Schema) validateOntology() ErrorList {
	var errs ErrorList
	add := func(at, format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	s.predicate = map[string]*Predicate{}
	labels := set(s.Ontology.Labels)
	nameRE := regexp.MustCompile(`^[A-Z][A-Z_]*$`)
	for i := range s.Ontology.Predicates {
		p := &s.Ontology.Predicates[i]
		at := s.predAt[i]
		if !nameRE.MatchString(p.Name) {
			add(at, "predicate %q must be upper case with underscores", p.Name)
		}
		if _, dup := s.predicate[p.Name]; dup {
			add(at, "predicate %s is defined twice", p.Name)
		}
		for _, l := range append(append([]string{}, p.Subject...), p.Object...) {
			if !labels[l] {
				add(at, "predicate %s names unknown label %q", p.Name, l)
			}
		}
		s.predicate[p.Name] = p
	}
	clauses := map[string]bool{}
	for i, c := range s.Ontology.Clauses {
		if clauses[c.Type] {
			add(s.clauseAt[i], "clause type %s is defined twice", c.Type)
		}
		clauses[c.Type] = true
	}
	return errs
}

// validateLexicon checks one lexicon's entries against the ontology.
func (s *Schema) validateLexicon(file, prefix string, lx *Lexicon, lines *lineIndex) ErrorList {
	var errs ErrorList
	add := func(at, format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	kinds := set(s.Ontology.AgreementKinds)
	roles := set(s.Ontology.Roles)
	item := func(key string, i int) string { return lines.item(file, prefix+key, i) }
	for i, r := range lx.Relations {
		if _, ok := s.predicate[r.Predicate]; !ok {
			add(item("relations", i), "unknown predicate %q", r.Predicate)
		}
		if r.Modality != "" && !contains(s.Ontology.Modalities, r.Modality) {
			add(item("relations", i), "unknown modality %q", r.Modality)
		}
		if len(r.Forms) == 0 {
			add(item("relations", i), "relation rule without forms")
		}
	}
	for i, a := range lx.Agreements {
		if !kinds[a.Kind] {
			add(item("agreements", i), "unknown agreement kind %q", a.Kind)
		}
	}
	for i, c := range lx.Clauses {
		if !s.HasClause(c.Clause) {
			add(item("clauses", i), "unknown clause type %q", c.Clause)
		}
	}
	for i, r := range lx.Roles {
		switch r.Kind {
		case "", "leads":
			if !roles[r.Role] {
				add(item("roles", i), "unknown role %q", r.Role)
			}
		case "counterpart", "office", "none":
		default:
			add(item("roles", i), "unknown role kind %q (leads, counterpart, office, none)", r.Kind)
		}
	}
	cues := make([]string, 0, len(lx.Cues))
	for k := range lx.Cues {
		cues = append(cues, k)
	}
	sort.Strings(cues)
	for _, k := range cues {
		if _, ok := CueClasses[k]; !ok {
			add(file, "unknown cue class %q", k)
		}
	}
	return errs
}

// validate checks what needs everything merged: the gazetteer's offices and bodies.
func (s *Schema) validate(_ *lineIndex) ErrorList {
	var errs ErrorList
	add := func(at, format string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(format, args...)) }
	roles := set(s.Ontology.Roles)
	for _, e := range s.Entities {
		for _, o := range e.Offices {
			if !roles[o.Role] {
				add(e.ID, "office role %q is not a role of the ontology", o.Role)
			}
			if _, ok := s.byID[o.Of]; !ok {
				add(e.ID, "office of unknown entity %q", o.Of)
			}
		}
		if e.PartOf != "" {
			if _, ok := s.byID[e.PartOf]; !ok {
				add(e.ID, "part_of unknown entity %q", e.PartOf)
			}
		}
	}
	return errs
}

func set(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// lineIndex remembers the line of each list item of each decoded file, so
// that semantic problems can be reported as file:line.
type lineIndex struct {
	m map[string]int
}

func (l *lineIndex) item(file, key string, i int) string {
	if n, ok := l.m[fmt.Sprintf("%s\x00%s\x00%d", file, key, i)]; ok {
		return fmt.Sprintf("%s:%d", file, n)
	}
	return file
}

func (l *lineIndex) record(file string, root *yaml.Node) {
	if l.m == nil {
		l.m = map[string]int{}
	}
	if root == nil || len(root.Content) == 0 {
		return
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := k.Value
			if path != "" {
				key = path + "." + k.Value
			}
			switch v.Kind {
			case yaml.SequenceNode:
				for j, it := range v.Content {
					l.m[fmt.Sprintf("%s\x00%s\x00%d", file, key, j)] = it.Line
				}
			case yaml.MappingNode:
				walk(v, key)
			}
		}
	}
	walk(root.Content[0], "")
}

// decodeStrict decodes one YAML file into v, refusing unknown keys.
func decodeStrict(fsys fs.FS, name string, v any, lines *lineIndex) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("schema %s: %w", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("schema %s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		var te *yaml.TypeError
		if errors.As(err, &te) {
			var list ErrorList
			for _, e := range te.Errors {
				list = append(list, name+":"+strings.TrimPrefix(e, "line "))
			}
			return list
		}
		return fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err == nil {
		lines.record(name, &root)
	}
	return nil
}
