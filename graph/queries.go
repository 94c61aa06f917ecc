package graph

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/irkg/irkg/kg/neo"
)

// ParamKind says how a query parameter's text is turned into a value.
type ParamKind int

const (
	ParamString  ParamKind = iota // passed as given
	ParamInt                      // a decimal integer
	ParamCountry                  // a Country id (country:RUS), ISO3 code (RUS) or name (Russia, Russie), resolved to its id
	ParamEntity                   // any entity id, or a name resolved to one
	ParamClause                   // a clause type, with or without "clause:" (mutual_defense)
)

// Param is one $parameter of a named query.
type Param struct {
	Name     string
	Kind     ParamKind
	Default  string // "" with Required false: the empty string, meaning "any"
	Required bool
	Help     string
}

// Query is a named, parameterised Cypher query.
type Query struct {
	Name        string
	Description string // one line
	Params      []Param
	Cypher      string // a constant; values come only through $parameters
}

// Registry holds the named queries.
type Registry struct {
	queries map[string]Query
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{queries: map[string]Query{}} }

// Register adds q; a second query of the same name is an error.
func (r *Registry) Register(q Query) error {
	if q.Name == "" || q.Cypher == "" {
		return fmt.Errorf("query %q: name and Cypher are required", q.Name)
	}
	if _, dup := r.queries[q.Name]; dup {
		return fmt.Errorf("query %q registered twice", q.Name)
	}
	seen := map[string]bool{}
	for _, p := range q.Params {
		if seen[p.Name] {
			return fmt.Errorf("query %q: parameter %q declared twice", q.Name, p.Name)
		}
		seen[p.Name] = true
		if !strings.Contains(q.Cypher, "$"+p.Name) {
			return fmt.Errorf("query %q: parameter %q is not used in its Cypher", q.Name, p.Name)
		}
	}
	r.queries[q.Name] = q
	return nil
}

// Lookup returns the query called name.
func (r *Registry) Lookup(name string) (Query, bool) {
	q, ok := r.queries[name]
	return q, ok
}

// List returns the queries sorted by name.
func (r *Registry) List() []Query {
	out := make([]Query, 0, len(r.queries))
	for _, name := range neo.SortedKeys(r.queries) {
		out = append(out, r.queries[name])
	}
	return out
}

// Names lists the query names, sorted.
func (r *Registry) Names() []string { return neo.SortedKeys(r.queries) }

// Usage is the one-line summary of q: name, parameters with defaults, description.
func (q Query) Usage() string {
	var b strings.Builder
	b.WriteString(q.Name)
	for _, p := range q.Params {
		switch {
		case p.Required:
			fmt.Fprintf(&b, " %s=…", p.Name)
		default:
			fmt.Fprintf(&b, " [%s=%s]", p.Name, p.Default)
		}
	}
	return b.String()
}

// Bind checks the given parameter texts against q's declaration: unknown
// names and missing required ones are errors, defaults fill the rest.
// Country and entity names are not resolved here (see [Client.RunNamed]).
func (q Query) Bind(given map[string]string) (map[string]string, error) {
	out := map[string]string{}
	declared := map[string]bool{}
	var errs []string
	for _, p := range q.Params {
		declared[p.Name] = true
		v, ok := given[p.Name]
		if !ok {
			if p.Required {
				errs = append(errs, fmt.Sprintf("parameter %s is required (%s)", p.Name, p.Help))
				continue
			}
			v = p.Default
		}
		if p.Kind == ParamInt {
			if _, err := strconv.Atoi(v); err != nil {
				errs = append(errs, fmt.Sprintf("parameter %s: %q is not an integer", p.Name, v))
				continue
			}
		}
		out[p.Name] = v
	}
	for _, k := range neo.SortedKeys(given) {
		if !declared[k] {
			names := make([]string, 0, len(q.Params))
			for _, p := range q.Params {
				names = append(names, p.Name)
			}
			errs = append(errs, fmt.Sprintf("unknown parameter %s (query %s takes: %s)", k, q.Name, strings.Join(names, ", ")))
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return out, nil
}

// DefaultQueries returns the named queries of irkg, registered in one place.
func DefaultQueries() *Registry {
	r := NewRegistry()
	for _, q := range []Query{
		{
			Name:        "partners",
			Description: "a country's partners: the other parties to its agreements, and who cooperates with, supports, aids or consults it",
			Params:      []Param{{Name: "country", Kind: ParamCountry, Default: "country:RUS", Help: "id, ISO3 code or name"}},
			Cypher:      partnersCypher,
		},
		{
			Name:        "agreements-with-clause",
			Description: "agreements that contain a clause, with their parties",
			Params:      []Param{{Name: "clause", Kind: ParamClause, Default: "mutual_defense", Help: "clause type (ONTOLOGY §3)"}},
			Cypher:      agreementsWithClauseCypher,
		},
		{
			Name:        "agreements-lacking-clause",
			Description: "agreements stated NOT to contain a clause (LACKS_CLAUSE), with their parties",
			Params:      []Param{{Name: "clause", Kind: ParamClause, Default: "mutual_defense", Help: "clause type (ONTOLOGY §3)"}},
			Cypher:      agreementsLackingClauseCypher,
		},
		{
			Name:        "clause-matrix",
			Description: "every clause type for one agreement: has it, explicitly lacks it, or not stated",
			Params:      []Param{{Name: "agreement", Kind: ParamEntity, Required: true, Help: "agreement id or name"}},
			Cypher:      clauseMatrixCypher,
		},
		{
			Name:        "mutual-defense-network",
			Description: "countries bound to a country by a mutual-defence clause, directly or in two steps",
			Params:      []Param{{Name: "country", Kind: ParamCountry, Default: "country:RUS", Help: "id, ISO3 code or name"}},
			Cypher:      mutualDefenseNetworkCypher,
		},
		{
			Name:        "sanctions",
			Description: "who sanctions whom (optionally only where a country is sanctioner or target)",
			Params:      []Param{{Name: "country", Kind: ParamCountry, Default: "", Help: "id, ISO3 code or name; empty: all"}},
			Cypher:      sanctionsCypher,
		},
		{
			Name:        "evidence",
			Description: "the sentences, sources, modality and attribution behind a relationship",
			Params: []Param{
				{Name: "subject", Kind: ParamEntity, Required: true, Help: "entity id or name"},
				{Name: "type", Kind: ParamString, Required: true, Help: "relationship type, e.g. SANCTIONS"},
				{Name: "object", Kind: ParamEntity, Required: true, Help: "entity id or name"},
			},
			Cypher: evidenceCypher,
		},
		{
			Name:        "shortest-path",
			Description: "the shortest chain of facts (at most 6 hops, documents and clauses left out) between two countries",
			Params: []Param{
				{Name: "from", Kind: ParamCountry, Required: true, Help: "id, ISO3 code or name"},
				{Name: "to", Kind: ParamCountry, Required: true, Help: "id, ISO3 code or name"},
			},
			Cypher: shortestPathCypher,
		},
		{
			Name:        "defense-clauses",
			Description: "a country's agreements: which have a mutual-defence clause and which explicitly lack one",
			Params:      []Param{{Name: "country", Kind: ParamCountry, Default: "country:RUS", Help: "id, ISO3 code or name"}},
			Cypher:      defenseClausesCypher,
		},
	} {
		if err := r.Register(q); err != nil {
			panic(err) // a programming error, caught by the tests
		}
	}
	return r
}

// The queries. Facts that are negated ("did not sign") never count as links.

const partnersCypher = `MATCH (c:Country {id: $country})
CALL (c) {
  MATCH (c)-[:PARTY_TO {negated: false}]->(a:Agreement)
  OPTIONAL MATCH (p)-[:PARTY_TO {negated: false}]->(a) WHERE p <> c
  RETURN p, 'PARTY_TO' AS via, a
  UNION
  MATCH (c)-[r:COOPERATES_WITH|SUPPORTS|AIDS|CONSULTS {negated: false}]-(p)
  WHERE NOT p:Document
  RETURN p, type(r) AS via, null AS a
}
RETURN p.id AS partner, p.name AS name, via, a.id AS agreement, a.kind AS kind, a.signed AS signed
ORDER BY partner IS NULL, partner, via, agreement`

const agreementsWithClauseCypher = `MATCH (a:Agreement)-[r:HAS_CLAUSE {negated: false}]->(:Clause {id: $clause})
OPTIONAL MATCH (p)-[:PARTY_TO {negated: false}]->(a)
WITH a, r, p ORDER BY p.id
RETURN a.id AS agreement, a.name AS name, a.kind AS kind, a.signed AS signed,
       collect(p.id) AS parties, r.sources AS sources
ORDER BY agreement`

const agreementsLackingClauseCypher = `MATCH (a:Agreement)-[r:LACKS_CLAUSE {negated: false}]->(:Clause {id: $clause})
OPTIONAL MATCH (p)-[:PARTY_TO {negated: false}]->(a)
WITH a, r, p ORDER BY p.id
RETURN a.id AS agreement, a.name AS name, a.kind AS kind, a.signed AS signed,
       collect(p.id) AS parties, r.sources AS sources
ORDER BY agreement`

// clauseTypes of ONTOLOGY §3, in its order; the matrix adds any other type found.
const clauseMatrixCypher = `MATCH (a:Agreement {id: $agreement})
WITH a, ['mutual_defense', 'offense', 'neutrality', 'non_aggression', 'consultation',
         'military_exercises', 'military_training', 'port_visits', 'security_cooperation',
         'military_technical_cooperation', 'arms_transfer', 'military_bases', 'integrated_command',
         'economic_cooperation', 'energy_cooperation', 'nuclear_cooperation',
         'technology_cooperation'] AS known
OPTIONAL MATCH (a)-[:HAS_CLAUSE|LACKS_CLAUSE]->(x:Clause)
WITH a, known, collect(DISTINCT substring(x.id, 7)) AS seen
UNWIND known + [t IN seen WHERE NOT t IN known] AS clause
OPTIONAL MATCH (a)-[h:HAS_CLAUSE {negated: false}]->(:Clause {id: 'clause:' + clause})
OPTIONAL MATCH (a)-[l:LACKS_CLAUSE {negated: false}]->(:Clause {id: 'clause:' + clause})
RETURN clause,
       CASE WHEN h IS NOT NULL AND l IS NOT NULL THEN 'conflicting'
            WHEN h IS NOT NULL THEN 'has'
            WHEN l IS NOT NULL THEN 'lacks'
            ELSE '' END AS status,
       coalesce(h.evidence, l.evidence, [])[0] AS evidence`

const mutualDefenseNetworkCypher = `MATCH (c:Country {id: $country})
CALL (c) {
  MATCH (c)-[:PARTY_TO {negated: false}]->(a:Agreement)<-[:PARTY_TO {negated: false}]-(p:Country)
  WHERE p <> c AND EXISTS { (a)-[:HAS_CLAUSE {negated: false}]->(:Clause {id: 'clause:mutual_defense'}) }
  RETURN p, 1 AS steps, [a.id] AS via
  UNION
  MATCH (c)-[:PARTY_TO {negated: false}]->(a:Agreement)<-[:PARTY_TO {negated: false}]-(m:Country)
        -[:PARTY_TO {negated: false}]->(b:Agreement)<-[:PARTY_TO {negated: false}]-(p:Country)
  WHERE m <> c AND p <> c AND p <> m AND a <> b
    AND EXISTS { (a)-[:HAS_CLAUSE {negated: false}]->(:Clause {id: 'clause:mutual_defense'}) }
    AND EXISTS { (b)-[:HAS_CLAUSE {negated: false}]->(:Clause {id: 'clause:mutual_defense'}) }
    AND NOT EXISTS {
      MATCH (c)-[:PARTY_TO {negated: false}]->(d:Agreement)<-[:PARTY_TO {negated: false}]-(p)
      WHERE EXISTS { (d)-[:HAS_CLAUSE {negated: false}]->(:Clause {id: 'clause:mutual_defense'}) }
    }
  RETURN p, 2 AS steps, [a.id, m.id, b.id] AS via
}
RETURN p.id AS country, p.name AS name, steps, via
ORDER BY steps, country, via`

const sanctionsCypher = `MATCH (s)-[r:SANCTIONS]->(t)
WHERE $country = '' OR s.id = $country OR t.id = $country
RETURN s.id AS sanctioner, s.name AS sanctioner_name, t.id AS target, t.name AS target_name,
       r.negated AS negated, r.modality AS modality, r.attributed_to AS attributed_to,
       r.confidence AS confidence, size(r.sources) AS sources
ORDER BY sanctioner, target, negated`

// Symmetric types are stored once in sorted order: match them either way round.
const evidenceCypher = `MATCH (s:Country|Organization|Group|Person|Agreement|Clause {id: $subject})
MATCH (o:Country|Organization|Group|Person|Agreement|Clause {id: $object})
MATCH (s)-[r]-(o)
WHERE type(r) = $type AND (startNode(r) = s OR type(r) IN ['CONSULTS', 'COOPERATES_WITH'])
UNWIND CASE WHEN size(coalesce(r.evidence, [])) = 0 THEN [null] ELSE r.evidence END AS sentence
RETURN startNode(r).id AS subject, type(r) AS type, endNode(r).id AS object, r.negated AS negated,
       r.modality AS modality, r.attributed_to AS attributed_to, r.confidence AS confidence,
       r.sources AS sources, sentence
ORDER BY negated`

const shortestPathCypher = `MATCH (a:Country {id: $from}), (b:Country {id: $to})
MATCH p = shortestPath((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE NOT type(r) IN ['MENTIONS', 'HAS_CLAUSE', 'LACKS_CLAUSE']
                                    AND NOT coalesce(r.negated, false))
UNWIND range(0, length(p) - 1) AS i
WITH i, nodes(p)[i] AS x, relationships(p)[i] AS r, nodes(p)[i + 1] AS y
RETURN i + 1 AS step, x.id AS from, CASE WHEN startNode(r) = x THEN '->' ELSE '<-' END AS dir,
       type(r) AS type, y.id AS to, r.evidence[0] AS evidence
ORDER BY step`

const defenseClausesCypher = `MATCH (c:Country {id: $country})-[:PARTY_TO {negated: false}]->(a:Agreement)
OPTIONAL MATCH (a)-[h:HAS_CLAUSE {negated: false}]->(:Clause {id: 'clause:mutual_defense'})
OPTIONAL MATCH (a)-[l:LACKS_CLAUSE {negated: false}]->(:Clause {id: 'clause:mutual_defense'})
OPTIONAL MATCH (o)-[:PARTY_TO {negated: false}]->(a) WHERE o <> c
WITH a, h, l, o ORDER BY o.id
WITH a, h, l, collect(o.id) AS partners
RETURN a.id AS agreement, a.name AS name, a.kind AS kind, a.signed AS signed, partners,
       CASE WHEN h IS NOT NULL AND l IS NOT NULL THEN 'conflicting'
            WHEN h IS NOT NULL THEN 'has mutual defence'
            WHEN l IS NOT NULL THEN 'lacks mutual defence'
            ELSE 'not stated' END AS mutual_defense,
       coalesce(h.evidence, l.evidence, [])[0] AS evidence
ORDER BY mutual_defense, agreement`
