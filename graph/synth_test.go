package graph_test

import (
	"fmt"
	"math/rand"

	"github.com/irkg/irkg/graph"
	"github.com/irkg/irkg/kg"
)

// Synthetic but realistic input for the benchmark and the stop/restart test:
// real ISO3 codes and organisations, person slugs, agreement ids of the
// ONTOLOGY §1 form, every predicate of §2, ~10 facts per document.

var iso3 = []string{"AFG", "ARE", "ARG", "ARM", "AUS", "AUT", "AZE", "BEL", "BGD", "BLR", "BRA", "CAN",
	"CHE", "CHL", "CHN", "COL", "CUB", "CZE", "DEU", "DNK", "DZA", "EGY", "ESP", "EST", "ETH", "FIN",
	"FRA", "GBR", "GEO", "GRC", "HUN", "IDN", "IND", "IRL", "IRN", "IRQ", "ISR", "ITA", "JOR", "JPN",
	"KAZ", "KEN", "KGZ", "KOR", "KWT", "LBN", "LBY", "LTU", "LVA", "MAR", "MDA", "MEX", "MLI", "MMR",
	"MNG", "MYS", "NER", "NGA", "NLD", "NOR", "NZL", "OMN", "PAK", "PER", "PHL", "POL", "PRK", "PRT",
	"QAT", "ROU", "RUS", "SAU", "SDN", "SGP", "SRB", "SWE", "SYR", "THA", "TJK", "TKM", "TUN", "TUR",
	"TWN", "UKR", "USA", "UZB", "VEN", "VNM", "XKX", "YEM", "ZAF"}

var orgs = []string{"UN", "UNSC", "NATO", "EU", "AU", "ASEAN", "BRICS", "SCO", "CSTO", "EAEU", "OPEC",
	"G7", "G20", "IAEA", "WTO", "OSCE", "ARAB_LEAGUE", "GCC", "ECOWAS", "IMF", "ICC"}

var clauses = []string{"mutual_defense", "offense", "neutrality", "non_aggression", "consultation",
	"military_exercises", "military_training", "port_visits", "security_cooperation",
	"military_technical_cooperation", "arms_transfer", "military_bases", "integrated_command",
	"economic_cooperation", "energy_cooperation", "nuclear_cooperation", "technology_cooperation"}

var kinds = []string{"treaty", "strategic_partnership", "comprehensive_strategic_partnership",
	"defense_pact", "security_pact", "trade_agreement", "memorandum", "declaration"}

var firstNames = []string{"anna", "boris", "carlos", "dmitri", "elena", "farid", "giulia", "hassan",
	"ingrid", "jean", "kim", "li", "maria", "nikolai", "olga", "pierre", "qasim", "rosa", "sergei", "tariq"}
var lastNames = []string{"ivanov", "martin", "garcia", "nguyen", "smith", "rossi", "kowalski", "haddad",
	"tanaka", "okafor", "silva", "mueller", "dubois", "petrov", "yilmaz", "kim", "chen", "singh", "ali", "novak"}

var actorPredicates = []string{"CONSULTS", "VISITS", "COOPERATES_WITH", "SUPPORTS", "AIDS", "SANCTIONS",
	"THREATENS", "ACCUSES", "ATTACKS", "DEPLOYS_FORCES_TO"}

// synthInput returns nFacts facts over nFacts/10 documents, with their entities.
func synthInput(nFacts int, seed int64) *graph.Input {
	rng := rand.New(rand.NewSource(seed))
	in := &graph.Input{}
	ents := map[string]bool{}
	entity := func(id, label, name string, props map[string]any) string {
		if !ents[id] {
			ents[id] = true
			in.Entities = append(in.Entities, kg.Entity{ID: id, Label: label, Name: name, Props: props})
		}
		return id
	}
	country := func() string {
		c := iso3[rng.Intn(len(iso3))]
		return entity("country:"+c, "Country", c, map[string]any{"iso3": c})
	}
	actor := func() string {
		if rng.Intn(6) == 0 {
			o := orgs[rng.Intn(len(orgs))]
			return entity("org:"+o, "Organization", o, map[string]any{})
		}
		return country()
	}
	person := func() string {
		slug := fmt.Sprintf("%s-%s", firstNames[rng.Intn(len(firstNames))], lastNames[rng.Intn(len(lastNames))])
		if n := rng.Intn(5); n > 0 {
			slug = fmt.Sprintf("%s-%d", slug, n)
		}
		return entity("person:"+slug, "Person", slug, map[string]any{})
	}
	nAgreements := max(nFacts/20, 10)
	agreement := func() (string, string, string) {
		k := rng.Intn(nAgreements)
		a, b := iso3[k%len(iso3)], iso3[(k/len(iso3)+k+1)%len(iso3)]
		if b < a {
			a, b = b, a
		}
		kind := kinds[k%len(kinds)]
		year := 1990 + k%36
		id := fmt.Sprintf("agreement:%s-%s:%s:%d", a, b, kind, year)
		entity(id, "Agreement", fmt.Sprintf("%s–%s %s (%d)", a, b, kind, year),
			map[string]any{"kind": kind, "signed": fmt.Sprint(year), "parties": []any{"country:" + a, "country:" + b}})
		return id, "country:" + a, "country:" + b
	}
	nDocs := max(nFacts/10, 1)
	for i := 0; i < nFacts; i++ {
		d := i % nDocs
		docID := fmt.Sprintf("doc:%016x", uint64(d)*0x9e3779b97f4a7c15)
		if i < nDocs {
			in.Documents = append(in.Documents, kg.Document{ID: docID, Title: fmt.Sprintf("Synthetic article %d", d),
				Lang: []string{"en", "fr"}[d%2], Published: fmt.Sprintf("2025-%02d-%02d", 1+d%12, 1+d%28), Source: fmt.Sprintf("synthetic/%d.txt", d)})
		}
		f := kg.Fact{Modality: kg.ModAsserted, Confidence: 0.5 + float64(rng.Intn(50))/100, Props: map[string]any{}}
		switch r := rng.Intn(20); {
		case r < 4:
			a, p1, p2 := agreement()
			f.Subject, f.Predicate, f.Object = []string{p1, p2}[rng.Intn(2)], "PARTY_TO", a
			entity(f.Subject, "Country", f.Subject[8:], map[string]any{"iso3": f.Subject[8:]})
		case r < 6:
			a, _, _ := agreement()
			f.Subject, f.Predicate, f.Object = a, []string{"HAS_CLAUSE", "HAS_CLAUSE", "LACKS_CLAUSE"}[rng.Intn(3)], "clause:"+clauses[rng.Intn(len(clauses))]
			entity(f.Object, "Clause", f.Object[7:], map[string]any{})
		case r < 7:
			a, _, _ := agreement()
			f.Subject, f.Predicate, f.Object = person(), "SIGNED", a
		case r < 8:
			f.Subject, f.Predicate, f.Object = person(), "LEADS", country()
			f.Props["role"] = []string{"president", "prime_minister", "foreign_minister"}[rng.Intn(3)]
		case r < 9:
			o := orgs[rng.Intn(len(orgs))]
			f.Subject, f.Predicate, f.Object = country(), "MEMBER_OF", entity("org:"+o, "Organization", o, map[string]any{})
		default:
			p := actorPredicates[rng.Intn(len(actorPredicates))]
			f.Subject, f.Predicate = actor(), p
			if p == "VISITS" || p == "DEPLOYS_FORCES_TO" {
				f.Object = country()
			} else {
				f.Object = actor()
			}
			if p == "COOPERATES_WITH" {
				f.Props["domain"] = []string{"military", "economic", "energy"}[rng.Intn(3)]
			}
			if f.Subject == f.Object {
				f.Object = "country:UKR"
				entity(f.Object, "Country", "UKR", map[string]any{"iso3": "UKR"})
			}
		}
		switch rng.Intn(10) {
		case 0:
			f.Negated = true
		case 1:
			f.Modality = kg.ModAlleged
			f.AttributedTo = kg.Attr("group:WEST")
			entity("group:WEST", "Group", "the West", map[string]any{})
		case 2:
			f.Modality = kg.ModFuture
		}
		f.Evidence = kg.Evidence{Doc: docID, Sentence: i % 17, Start: 100 * (i % 17), End: 100*(i%17) + 90,
			Text: fmt.Sprintf("Sentence %d of article %d: %s %s %s.", i%17, d, f.Subject, f.Predicate, f.Object)}
		in.Facts = append(in.Facts, f)
	}
	return in
}
