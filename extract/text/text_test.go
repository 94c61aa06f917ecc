package text

import (
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"title then body", "Titre\n\nUne phrase. Une autre.", []string{"Titre", "Une phrase.", "Une autre."}},
		{"french abbreviation", "M. Poutine est arrivé. Il a parlé.", []string{"M. Poutine est arrivé.", "Il a parlé."}},
		{"english initials", "Antony J. Blinken spoke. Then he left.", []string{"Antony J. Blinken spoke.", "Then he left."}},
		{"U.S. is not an end", "The U.S. Secretary of State met him. He agreed.", []string{"The U.S. Secretary of State met him.", "He agreed."}},
		{"french quotes", "« Nous avons besoin de paix. » Il a ajouté autre chose.", []string{"« Nous avons besoin de paix. »", "Il a ajouté autre chose."}},
		{"english quotes", "He said “this is done.” Then he left.", []string{"He said “this is done.”", "Then he left."}},
		{"lower case after period", "Voir p. 12 du rapport. Fin.", []string{"Voir p. 12 du rapport.", "Fin."}},
		{"question and exclamation", "Pourquoi? Parce que! Voilà.", []string{"Pourquoi?", "Parce que!", "Voilà."}},
		{"decimal numbers", "Le PIB a crû de 2.5 pour cent. Bien.", []string{"Le PIB a crû de 2.5 pour cent.", "Bien."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Sentences(c.in)
			var texts []string
			for _, s := range got {
				texts = append(texts, c.in[s.Start:s.End])
			}
			if len(texts) != len(c.want) {
				t.Fatalf("got %q, want %q", texts, c.want)
			}
			for i := range texts {
				if texts[i] != c.want[i] {
					t.Fatalf("sentence %d: got %q, want %q", i, texts[i], c.want[i])
				}
			}
		})
	}
}

func TestTokensOffsets(t *testing.T) {
	s := "L’Iran et la Corée du Nord‑Sud: « ça » U.S.-Philippines"
	toks := Tokens(s, Span{0, len(s)})
	for _, tk := range toks {
		if s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %q at %d-%d does not match text %q", tk.Text, tk.Start, tk.End, s[tk.Start:tk.End])
		}
	}
	want := []string{"l", "'", "iran", "et", "la", "coree", "du", "nord", "-", "sud", ":", "«", "ca", "»", "u", ".", "s", ".", "-", "philippines"}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, w := range want {
		if toks[i].Fold != w {
			t.Errorf("token %d: fold %q, want %q", i, toks[i].Fold, w)
		}
	}
}

func TestNormalize(t *testing.T) {
	in := "\uFEFFTitre  \r\n\r\nCorps\xff du texte.\r\n\n"
	got := Normalize(in)
	if got != "Titre\n\nCorps\uFFFD du texte." {
		t.Fatalf("got %q", got)
	}
	if Normalize(got) != got {
		t.Fatal("Normalize is not idempotent")
	}
	if !utf8.ValidString(got) {
		t.Fatal("invalid UTF-8")
	}
}
