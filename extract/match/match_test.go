package match

import (
	"testing"

	"github.com/irkg/irkg/extract/text"
)

func TestFind(t *testing.T) {
	m := Build([]Form{
		{Pattern: "Corée du Nord", Capital: true, Payload: 1},
		{Pattern: "Corée", Capital: true, Payload: 2},
		{Pattern: "US", Case: true, Payload: 3},
		{Pattern: "sanction*", Payload: 4},
		{Pattern: "nord-coréennes", Payload: 5},
		{Pattern: "Turkey", Capital: true, Payload: 6},
		{Pattern: "livr* d'armes", Payload: 7},
	})
	cases := []struct {
		name string
		in   string
		want []Match
	}{
		{"longest first", "la Corée du Nord", []Match{{1, 4, 1}, {1, 2, 2}}},
		{"accents folded", "la COREE du nord", []Match{{1, 4, 1}, {1, 2, 2}}},
		{"case-sensitive acronym", "us and US", []Match{{2, 3, 3}}},
		{"prefix", "ont sanctionné", []Match{{1, 2, 4}}},
		{"hyphenated demonym", "troupes nord‑coréennes", []Match{{1, 4, 5}}},
		{"proper name needs a capital", "turkey Turkey", []Match{{1, 2, 6}}},
		{"prefix inside a pattern", "n'a pas livré d'armes", []Match{{4, 8, 7}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := text.Tokens(c.in, text.Span{Start: 0, End: len(c.in)})
			got := m.Find(toks)
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
		})
	}
}
