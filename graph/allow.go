package graph

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/kg/neo"
)

// Codes are the event codes a predicate maps to (ONTOLOGY §2).
type Codes struct {
	Plover string // PLOVER event type, e.g. CONSULT
	Cameo  string // CAMEO code, e.g. 04
}

// PredicateInfo describes an allowed relationship type.
type PredicateInfo struct {
	Symmetric bool  // stored once, subject and object in sorted order
	Codes     Codes // zero when the predicate has no event code
}

// Allow is the allow-list of node labels and relationship types the loader
// may write. Labels and types reach Cypher text only through it.
type Allow struct {
	labels     map[string]bool
	predicates map[string]PredicateInfo
}

// identifier is what an allowed label or type must look like, whatever list it
// comes from: a defence in depth, since it is spliced into Cypher text.
var identifier = regexp.MustCompile(`^[A-Z][A-Za-z0-9_]{0,62}$`)

// DefaultAllow returns the ontology's labels and predicates (ONTOLOGY §1, §2).
func DefaultAllow() *Allow {
	a := &Allow{labels: map[string]bool{}, predicates: map[string]PredicateInfo{}}
	for _, l := range []string{kg.LabelCountry, kg.LabelOrganization, kg.LabelGroup,
		kg.LabelPerson, kg.LabelAgreement, kg.LabelClause, kg.LabelDocument} {
		a.labels[l] = true
	}
	support := Codes{"SUPPORT", "057"}
	for name, info := range map[string]PredicateInfo{
		"LEADS":             {},
		"MEMBER_OF":         {},
		"PARTY_TO":          {Codes: support},
		"SIGNED":            {Codes: support},
		"HAS_CLAUSE":        {},
		"LACKS_CLAUSE":      {},
		"CONSULTS":          {Symmetric: true, Codes: Codes{"CONSULT", "04"}},
		"VISITS":            {Codes: Codes{"CONSULT", "042"}},
		"COOPERATES_WITH":   {Symmetric: true, Codes: Codes{"COOPERATE", "06"}},
		"SUPPORTS":          {Codes: Codes{"SUPPORT", "05"}},
		"AIDS":              {Codes: Codes{"AID", "07"}},
		"SANCTIONS":         {Codes: Codes{"SANCTION", "16"}},
		"THREATENS":         {Codes: Codes{"THREATEN", "13"}},
		"ACCUSES":           {Codes: Codes{"ACCUSE", "11"}},
		"ATTACKS":           {Codes: Codes{"ASSAULT", "18"}},
		"DEPLOYS_FORCES_TO": {Codes: Codes{"MOBILIZE", "15"}},
	} {
		a.predicates[name] = info
	}
	return a
}

// reserved names the loader itself writes; user predicates and labels may not take them.
var reserved = map[string]bool{"MENTIONS": true}

// AddPredicate allows a user-declared relationship type (from a --schema
// file). The name must be an upper-case identifier (LETTERS, digits, _).
func (a *Allow) AddPredicate(name string, info PredicateInfo) error {
	if !identifier.MatchString(name) || strings.ToUpper(name) != name {
		return fmt.Errorf("predicate %q: not an upper-case identifier (A-Z, 0-9, _)", name)
	}
	if reserved[name] {
		return fmt.Errorf("predicate %q: reserved by the loader", name)
	}
	if old, ok := a.predicates[name]; ok && old != info {
		return fmt.Errorf("predicate %q: already allowed with other settings", name)
	}
	a.predicates[name] = info
	return nil
}

// AddLabel allows a user-declared node label (an identifier starting with an
// upper-case letter).
func (a *Allow) AddLabel(name string) error {
	if !identifier.MatchString(name) {
		return fmt.Errorf("label %q: not an identifier starting with an upper-case letter", name)
	}
	a.labels[name] = true
	return nil
}

// Label returns name and nil when it is an allowed label.
func (a *Allow) Label(name string) (string, error) {
	if !a.labels[name] || !identifier.MatchString(name) {
		return "", fmt.Errorf("label %q is not in the ontology (allowed: %s)", name, strings.Join(a.Labels(), ", "))
	}
	return name, nil
}

// Predicate returns the information of an allowed relationship type.
func (a *Allow) Predicate(name string) (PredicateInfo, error) {
	info, ok := a.predicates[name]
	if !ok || !identifier.MatchString(name) {
		return PredicateInfo{}, fmt.Errorf("predicate %q is not in the ontology (allowed: %s)", name, strings.Join(a.Predicates(), ", "))
	}
	return info, nil
}

// Labels lists the allowed labels, sorted.
func (a *Allow) Labels() []string { return neo.SortedKeys(a.labels) }

// Predicates lists the allowed relationship types, sorted.
func (a *Allow) Predicates() []string { return neo.SortedKeys(a.predicates) }

// idPrefixes maps the id prefixes of ONTOLOGY §1 to their labels.
var idPrefixes = map[string]string{
	"country":   kg.LabelCountry,
	"org":       kg.LabelOrganization,
	"group":     kg.LabelGroup,
	"person":    kg.LabelPerson,
	"agreement": kg.LabelAgreement,
	"clause":    kg.LabelClause,
	"doc":       kg.LabelDocument,
}

// LabelOfID returns the label an id's prefix implies (country:RUS → Country),
// or "" when the prefix is not one of the ontology's.
func LabelOfID(id string) string {
	p, _, ok := strings.Cut(id, ":")
	if !ok {
		return ""
	}
	return idPrefixes[p]
}
