package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/irkg/irkg/kg"
	"github.com/irkg/irkg/schemas"
)

var (
	once    sync.Once
	testX   *Extractor
	loadErr error
)

func extractor(t testing.TB) *Extractor {
	once.Do(func() {
		s, err := schemas.Load()
		if err != nil {
			loadErr = err
			return
		}
		testX = New(s)
	})
	if loadErr != nil {
		t.Fatalf("load schema: %v", loadErr)
	}
	return testX
}

// fact renders a fact for comparison: "SUBJ PRED OBJ" plus flags.
func fact(f kg.Fact) string {
	s := f.Subject + " " + f.Predicate + " " + f.Object
	if f.Negated {
		s += " NOT"
	}
	if f.Modality != kg.ModAsserted {
		s += " " + f.Modality
	}
	if f.AttributedTo != nil {
		s += " per " + *f.AttributedTo
	}
	return s
}

func run(t testing.TB, lang, date, body string) []string {
	res, err := extractor(t).Extract(kg.Article{Text: "Titre\n\n" + body, Lang: lang, Published: date})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Facts {
		out = append(out, fact(f))
	}
	return out
}

// TestRules checks the lexicon rules in both languages: each case lists facts
// that must come out (want) and facts that must not (not).
func TestRules(t *testing.T) {
	cases := []struct {
		name, lang, date, text string
		want, not              []string
	}{
		{name: "fr sanctions with demonym subject", lang: "fr",
			text: "Les sanctions occidentales contre la Russie se durcissent.",
			want: []string{"group:WEST SANCTIONS country:RUS"}},
		{name: "fr verb sanctions", lang: "fr",
			text: "Les États-Unis ont décrété des sanctions contre l'Iran.",
			want: []string{"country:USA SANCTIONS country:IRN"}},
		{name: "fr negated attack", lang: "fr",
			text: "La Turquie n'a pas attaqué la Syrie.",
			want: []string{"country:TUR ATTACKS country:SYR NOT"}},
		{name: "fr future visit", lang: "fr", date: "2024-05-02",
			text: "Le président chinois Xi Jinping se rendra en France la semaine prochaine.",
			want: []string{"person:xi-jinping LEADS country:CHN", "person:xi-jinping VISITS country:FRA future"}},
		{name: "fr alleged deployment credited to a source", lang: "fr",
			text: "Selon l'Occident, des troupes nord-coréennes ont été déployées en Ukraine.",
			want: []string{"country:PRK DEPLOYS_FORCES_TO country:UKR alleged per group:WEST"}},
		{name: "fr agreement with parties, clause and stated absence", lang: "fr",
			text: "La Russie et l'Iran signent un traité. Le traité prévoit des exercices militaires conjoints mais ne contient pas de clause de défense mutuelle.",
			want: []string{"country:IRN PARTY_TO agreement:IRN-RUS:treaty", "country:RUS PARTY_TO agreement:IRN-RUS:treaty",
				"agreement:IRN-RUS:treaty HAS_CLAUSE clause:military_exercises", "agreement:IRN-RUS:treaty LACKS_CLAUSE clause:mutual_defense"},
			not: []string{"agreement:IRN-RUS:treaty HAS_CLAUSE clause:mutual_defense"}},
		{name: "fr negative commitment is a clause, not a negation", lang: "fr",
			text: "La Chine et le Pakistan ont signé un traité. Les deux pays ne permettront pas que leur territoire soit utilisé contre l'autre.",
			want: []string{"agreement:CHN-PAK:treaty HAS_CLAUSE clause:non_aggression"}},
		{name: "fr speaker attribution", lang: "fr",
			text: "Emmanuel Macron a déclaré que la France soutient l'Ukraine.",
			want: []string{"country:FRA SUPPORTS country:UKR per person:emmanuel-macron"}},
		{name: "fr office by name after role", lang: "fr", date: "2012-07-05",
			text: "Le président algérien Abdelaziz Bouteflika a reçu des artistes.",
			want: []string{"person:abdelaziz-bouteflika LEADS country:DZA"}},
		{name: "fr deputy minister does not lead", lang: "fr",
			text: "Le vice-ministre russe des Affaires étrangères, Sergueï Riabkov, a parlé.",
			not:  []string{"person:sergei-ryabkov LEADS country:RUS", "person:serguei-riabkov LEADS country:RUS"}},
		{name: "en invasion", lang: "en",
			text: "Russia invaded Ukraine in February.",
			want: []string{"country:RUS ATTACKS country:UKR"}},
		{name: "en talks between", lang: "en",
			text: "The talks between Washington and Tehran resumed on Monday.",
			want: []string{"country:IRN CONSULTS country:USA"}},
		{name: "en hypothetical", lang: "en",
			text: "Officials said China could attack Taiwan.",
			want: []string{"country:CHN ATTACKS country:TWN hypothetical"}},
		{name: "en according to", lang: "en",
			text: "According to Ukraine, Russian forces were deployed to Belarus.",
			want: []string{"country:RUS DEPLOYS_FORCES_TO country:BLR alleged per country:UKR"}},
		{name: "en treaty name carries its clause", lang: "en",
			text: "Manila invoked the 1951 U.S.-Philippines Mutual Defense Treaty.",
			want: []string{"country:PHL PARTY_TO agreement:PHL-USA:defense_pact:1951", "country:USA PARTY_TO agreement:PHL-USA:defense_pact:1951",
				"agreement:PHL-USA:defense_pact:1951 HAS_CLAUSE clause:mutual_defense"}},
		{name: "en membership negated and future", lang: "en",
			text: "Serbia will not join NATO.",
			want: []string{"country:SRB MEMBER_OF org:NATO NOT future"}},
		{name: "en role before name", lang: "en", date: "2004-11-16",
			text: "Brazilian President Luiz Inácio Lula da Silva met Chilean President Ricardo Lagos.",
			want: []string{"person:luiz-inacio-lula-da-silva LEADS country:BRA", "country:BRA CONSULTS country:CHL"}},
		{name: "en body of an organisation resolves to it", lang: "en",
			text: "The European Parliament condemned Belarus.",
			want: []string{"org:EU ACCUSES country:BLR"}},
		// regressions
		{name: "fr host of troops", lang: "fr", date: "2017-01-21",
			text: "La Pologne accueille les troupes américaines.",
			want: []string{"country:USA DEPLOYS_FORCES_TO country:POL"}},
		{name: "fr title inside a name (l'ayatollah Khomeini)", lang: "fr", date: "2012-11-02",
			text: "Des partisans du guide religieux d'alors, l'ayatollah Khomeini, manifestaient.",
			want: []string{"person:ruhollah-khomeini LEADS country:IRN"}},
		{name: "en continent demonym is not the United States", lang: "en",
			text: "South American nations signed a declaration with Spain.",
			not:  []string{"country:USA PARTY_TO agreement:ESP-USA:declaration"}},
		{name: "en join X from Y", lang: "en",
			text: "Bolivia and Peru join SACN from the Andean Community.",
			want: []string{"country:BOL MEMBER_OF org:SACN", "country:PER MEMBER_OF org:ANDEAN_COMMUNITY"}},
		{name: "fr unnamed official acts for the state, source with a complement", lang: "fr",
			text: "Selon le ministère ukrainien de la Défense, des militaires russes ont pris d'assaut une base ukrainienne.",
			want: []string{"country:RUS ATTACKS country:UKR alleged per country:UKR"}},
		{name: "fr coordination reaches past the light-verb window", lang: "fr",
			text: "Les États-Unis et l'Union européenne ont annoncé des sanctions contre des responsables russes.",
			want: []string{"country:USA SANCTIONS country:RUS", "org:EU SANCTIONS country:RUS"}},
		{name: "en pronoun and meeting with a titled person", lang: "en", date: "2022-08-15",
			text: "Secretary of State Antony J. Blinken met today with Japanese Foreign Minister Yoshimasa Hayashi. They condemned North Korea's missile launches.",
			want: []string{"country:JPN CONSULTS country:USA", "country:USA ACCUSES country:PRK", "country:JPN ACCUSES country:PRK"}},
		{name: "en place after a preposition is no partner", lang: "en",
			text: "NATO leaders met in Washington on Tuesday.",
			not:  []string{"country:USA CONSULTS org:NATO"}},
		{name: "en a possessor that is no actor leaves no subject", lang: "en", date: "2022-08-01",
			text: "Did you talk to Prime Minister Kishida about Nancy Pelosi's visit to Taiwan?",
			not:  []string{"person:fumio-kishida VISITS country:TWN"}},
		{name: "en an unresolved pronoun blocks a farther subject", lang: "en",
			text: "France welcomed the assurances that it provided to Ukraine.",
			not:  []string{"country:FRA AIDS country:UKR"}},
		{name: "en in response to is no place", lang: "en",
			text: "We did not raise the alert status of our nuclear forces in response to Russian saber-rattling.",
			not:  []string{"country:USA DEPLOYS_FORCES_TO country:RUS"}},
		{name: "en a shared surname is settled by the office", lang: "en", date: "2022-08-01",
			text: "Secretary-General Guterres spoke.",
			want: []string{"person:antonio-guterres LEADS org:UN"}},
		{name: "fr counterparts are one group; support reaches a regime's leader", lang: "fr", date: "2016-02-12",
			text: "Le secrétaire d'État américain John Kerry et son homologue russe Sergueï Lavrov ont tenu une conférence de presse commune. La Russie poursuit ses frappes en soutien au régime de Bachar el-Assad.",
			want: []string{"country:RUS CONSULTS country:USA", "country:RUS SUPPORTS country:SYR"}},
		{name: "fr troops sent through two prepositions", lang: "fr",
			text: "L'Arabie saoudite a proposé d'envoyer des troupes au sol en Syrie.",
			want: []string{"country:SAU DEPLOYS_FORCES_TO country:SYR hypothetical"}},
		{name: "fr passive signing names the parties", lang: "fr",
			text: "Le plan de paix a été accepté par la Russie et la Géorgie.",
			want: []string{"country:GEO PARTY_TO agreement:GEO-RUS:peace_agreement", "country:RUS PARTY_TO agreement:GEO-RUS:peace_agreement"}},
		{name: "en host nations receive the forces in focus", lang: "en",
			text: "British troops were deployed to Estonia. The other host nations will be Latvia and Lithuania.",
			want: []string{"country:GBR DEPLOYS_FORCES_TO country:EST", "country:GBR DEPLOYS_FORCES_TO country:LVA future", "country:GBR DEPLOYS_FORCES_TO country:LTU future"}},
		{name: "en a generic leader takes the gazetteer's office; a family name refers back", lang: "en", date: "2019-06-30",
			text: "U.S. President Donald Trump met North Korean leader Kim Jong-un. Trump said he had invited Kim to visit the White House. The United States threatened military action against Iran.",
			want: []string{"person:kim-jong-un LEADS country:PRK", "country:PRK CONSULTS country:USA", "person:kim-jong-un VISITS country:USA hypothetical per person:donald-trump", "country:USA THREATENS country:IRN"}},
		{name: "en a possessor is a target, not a partner", lang: "en", date: "2023-05-10",
			text: "Secretary Blinken spoke today with Turkish Foreign Minister Mevlut Cavusoglu to discuss Sweden's accession to NATO. We strongly condemn the Russian Federation's continued attacks on Ukraine's energy infrastructure.",
			want: []string{"country:TUR CONSULTS country:USA", "country:SWE MEMBER_OF org:NATO", "country:RUS ATTACKS country:UKR"},
			not:  []string{"country:SWE CONSULTS country:TUR", "country:TUR MEMBER_OF org:NATO", "country:USA ATTACKS country:UKR"}},
		{name: "fr membership as a noun", lang: "fr",
			text: "L'adhésion de la Finlande à l'OTAN a été approuvée.",
			want: []string{"country:FIN MEMBER_OF org:NATO"}},
		{name: "en withdrawal is a negated PARTY_TO; not ruling out is no negation", lang: "en", date: "2018-05-08",
			text: "The United States will withdraw from the Iran nuclear deal and reimpose sanctions on Iran. Russia did not rule out new talks with Iran.",
			want: []string{"country:USA PARTY_TO agreement:IRN-USA:agreement NOT future", "country:IRN PARTY_TO agreement:IRN-USA:agreement", "country:USA SANCTIONS country:IRN future", "country:IRN CONSULTS country:RUS hypothetical"},
			not:  []string{"country:IRN CONSULTS country:RUS NOT hypothetical", "country:IRN COOPERATES_WITH country:USA"}},
		{name: "fr withdrawal with adverbs; an adverbial before the object", lang: "fr",
			text: "Les États-Unis se sont officiellement retirés vendredi du traité sur les forces nucléaires intermédiaires, signé en 1987. La Russie accuse à son tour les États-Unis.",
			want: []string{"country:USA PARTY_TO agreement:USA:treaty:1987 NOT", "country:RUS ACCUSES country:USA"}},
		{name: "fr a partitive article is no preposition", lang: "fr",
			text: "Des avions français ont frappé samedi des véhicules militaires libyens.",
			want: []string{"country:FRA ATTACKS country:LBY"}},
		{name: "en sea named after a country is not the country", lang: "en",
			text: "Philippine vessels were deployed in the South China Sea.",
			not:  []string{"country:PHL DEPLOYS_FORCES_TO country:CHN"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := run(t, c.lang, c.date, c.text)
			have := map[string]bool{}
			for _, g := range got {
				have[g] = true
			}
			for _, w := range c.want {
				if !have[w] {
					t.Errorf("missing %q\n  got: %s", w, strings.Join(got, "\n       "))
				}
			}
			for _, n := range c.not {
				if have[n] {
					t.Errorf("unexpected %q", n)
				}
			}
		})
	}
}

// corpus returns the dev articles' texts (front matter removed) with their lang and date.
func corpus(t testing.TB) []kg.Article {
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	if len(files) == 0 {
		t.Fatal("no articles in ../testdata/corpus")
	}
	var out []kg.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		a := kg.Article{Source: f, Lang: "fr"}
		if strings.HasPrefix(s, "---\n") {
			end := strings.Index(s[4:], "\n---\n")
			for _, line := range strings.Split(s[4:4+end], "\n") {
				k, v, _ := strings.Cut(line, ":")
				v = strings.Trim(strings.TrimSpace(v), `"`)
				switch k {
				case "lang":
					a.Lang = v
				case "date":
					a.Published = v
				}
			}
			s = s[4+end+5:]
		}
		if strings.Contains(f, "-en-") {
			a.Lang = "en"
		}
		a.Text = s
		out = append(out, a)
	}
	return out
}

func TestInvariantsOnCorpus(t *testing.T) {
	for _, a := range corpus(t) {
		checkInvariants(t, a)
	}
}

// checkInvariants: offsets in bounds and on UTF-8 boundaries, evidence text
// equal to the span, every id of a fact has an entity, output deterministic.
func checkInvariants(t *testing.T, a kg.Article) {
	x := extractor(t)
	r1, err := x.Extract(a)
	if err != nil {
		t.Fatalf("%s: %v", a.Source, err)
	}
	r2, _ := x.Extract(a)
	if !reflect.DeepEqual(r1, r2) {
		t.Fatalf("%s: extraction is not deterministic", a.Source)
	}
	ents := map[string]bool{}
	for _, e := range r1.Entities {
		if ents[e.ID] {
			t.Fatalf("%s: entity %s twice", a.Source, e.ID)
		}
		ents[e.ID] = true
	}
	for _, f := range r1.Facts {
		ev := f.Evidence
		if ev.Start < 0 || ev.End > len(r1.Text) || ev.Start > ev.End {
			t.Fatalf("%s: evidence %d-%d out of bounds (%d)", a.Source, ev.Start, ev.End, len(r1.Text))
		}
		if !utf8.RuneStart(r1.Text[ev.Start]) || (ev.End < len(r1.Text) && !utf8.RuneStart(r1.Text[ev.End])) {
			t.Fatalf("%s: evidence %d-%d not on rune boundaries", a.Source, ev.Start, ev.End)
		}
		if r1.Text[ev.Start:ev.End] != ev.Text {
			t.Fatalf("%s: evidence text differs from its span", a.Source)
		}
		for _, id := range []string{f.Subject, f.Object} {
			if !ents[id] {
				t.Fatalf("%s: fact uses %s with no entity record", a.Source, id)
			}
		}
		if f.AttributedTo != nil && !ents[*f.AttributedTo] {
			t.Fatalf("%s: attributed_to %s has no entity record", a.Source, *f.AttributedTo)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, a := range corpus(f) {
		// short seeds: the fuzzer minimises every new input, and long ones take minutes
		seed := a.Text
		for len(seed) > 600 {
			seed = seed[:len(seed)-1]
		}
		f.Add(strings.ToValidUTF8(seed, ""), a.Lang == "en")
	}
	f.Add("« »\n\n;;: M. . U.S.- -", false)
	f.Add("\xff\xfe invalid \x00 bytes", true)
	f.Fuzz(func(t *testing.T, text string, en bool) {
		lang := "fr"
		if en {
			lang = "en"
		}
		checkInvariants(t, kg.Article{Text: text, Lang: lang, Published: "2020-01-01"})
	})
}

func TestUnsupportedLanguage(t *testing.T) {
	if _, err := extractor(t).Extract(kg.Article{Text: "Hola", Lang: "es"}); err == nil {
		t.Fatal("want an error for an unsupported language")
	}
}

// BenchmarkExtract measures single-goroutine throughput over the dev corpus.
func BenchmarkExtract(b *testing.B) {
	arts := corpus(b)
	x := extractor(b)
	total := 0
	for _, a := range arts {
		total += len(a.Text)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := x.Extract(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}
