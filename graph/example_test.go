package graph_test

import (
	"fmt"
	"strings"

	"github.com/irkg/irkg/graph"
)

// Reading the records of `irkg extract --format jsonl`; an unknown predicate
// is refused with its file and line.
func ExampleInput_ReadJSONL() {
	records := `{"record":"document","id":"doc:0123456789abcdef","title":"Sanctions","lang":"en"}
{"record":"entity","id":"country:USA","label":"Country","name":"United States"}
{"record":"entity","id":"country:RUS","label":"Country","name":"Russia"}
{"record":"fact","subject":"country:USA","predicate":"SANCTIONS","object":"country:RUS","evidence":{"doc":"doc:0123456789abcdef","text":"Washington imposed sanctions on Moscow."},"confidence":0.8}
`
	in := &graph.Input{}
	if err := in.ReadJSONL(strings.NewReader(records), "facts.jsonl", graph.DefaultAllow()); err != nil {
		fmt.Println(err)
	}
	fmt.Println(len(in.Documents), len(in.Entities), len(in.Facts))

	bad := `{"record":"fact","subject":"country:USA","predicate":"LIKES","object":"country:RUS"}`
	fmt.Println(in.ReadJSONL(strings.NewReader(bad), "bad.jsonl", graph.DefaultAllow()))
	// Output:
	// 1 2 1
	// bad.jsonl:1: fact country:USA LIKES country:RUS: predicate "LIKES" is not in the ontology (allowed: ACCUSES, AIDS, ATTACKS, CONSULTS, COOPERATES_WITH, DEPLOYS_FORCES_TO, HAS_CLAUSE, LACKS_CLAUSE, LEADS, MEMBER_OF, PARTY_TO, SANCTIONS, SIGNED, SUPPORTS, THREATENS, VISITS)
}

// The named queries, with their parameters and defaults.
func ExampleRegistry_List() {
	for _, q := range graph.DefaultQueries().List() {
		fmt.Println(q.Usage())
	}
	// Output:
	// agreements-lacking-clause [clause=mutual_defense]
	// agreements-with-clause [clause=mutual_defense]
	// clause-matrix agreement=…
	// defense-clauses [country=country:RUS]
	// evidence subject=… type=… object=…
	// mutual-defense-network [country=country:RUS]
	// partners [country=country:RUS]
	// sanctions [country=]
	// shortest-path from=… to=…
}
