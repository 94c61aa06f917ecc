package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"fr", "La Russie et l’Iran signent un partenariat stratégique de 20 ans, un accord inquiétant pour l’Occident. Le président russe a déclaré que les deux pays travailleront ensemble.", "fr"},
		{"en", "Russia and Iran signed a strategic partnership on Friday, deepening military ties between the two countries, which are both under Western sanctions.", "en"},
		{"fr decomposed accents", "Le pre\u0301sident a de\u0301clare\u0301 que la Russie et l’Iran ont signe\u0301 un accord de coope\u0301ration pour vingt ans.", "fr"},
		{"es", "Rusia e Irán firmaron el viernes una asociación estratégica de veinte años que profundiza los lazos militares entre los dos países, según el texto del acuerdo.", ""},
		{"de", "Russland und Iran haben am Freitag eine strategische Partnerschaft unterzeichnet, die die militärischen Beziehungen zwischen den beiden Ländern vertieft.", ""},
		{"it", "La Russia e l’Iran hanno firmato venerdì un partenariato strategico di vent’anni che rafforza i legami militari tra i due paesi, secondo il testo.", ""},
		{"pt", "A Rússia e o Irã assinaram na sexta-feira uma parceria estratégica de vinte anos que aprofunda os laços militares entre os dois países, segundo o texto.", ""},
		{"nl", "Rusland en Iran hebben vrijdag een strategisch partnerschap van twintig jaar ondertekend dat de militaire banden tussen de twee landen versterkt.", ""},
		{"ru", "Россия и Иран подписали в пятницу договор о всеобъемлющем стратегическом партнёрстве сроком на двадцать лет.", ""},
		{"fr short sentence", "Le président a déclaré que les deux pays signeront le traité.", "fr"},
		{"en short sentence", "The minister said the two countries would sign the treaty.", "en"},
		{"es short sentence", "El presidente dijo que los dos países firmarán el tratado.", ""},
		{"pt short sentence", "O presidente disse que os dois países vão assinar o tratado.", ""},
		{"fr headline with a date", "Jeudi 12 janvier : le Canada et l’Union européenne signent l’accord", "fr"},
		{"too short", "Hola", ""},
		{"short title", "Syrie : nouvelle avancée des rebelles", ""},
		{"empty", "", ""},
		{"numbers", "2012 2013 2014 — 12,5 % ; 45 000", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DetectLang(tt.text); got != tt.want {
				t.Errorf("DetectLang(%.40q) = %q, want %q (detectLang: %q)", tt.text, got, tt.want, detectLang(tt.text))
			}
			// The neighbours are recognised, not just rejected.
			if code, _, _ := strings.Cut(tt.name, " "); len(code) == 2 && code != "fr" && code != "en" && code != "ru" {
				if got := detectLang(tt.text); got != code {
					t.Errorf("detectLang = %q, want %q", got, code)
				}
			}
		})
	}
}

// TestDetectLangCorpus checks every development article against the language
// its file name gives.
func TestDetectLangCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedCorpus(t), "*.txt"))
	if len(files) == 0 {
		t.Fatal("no articles in the shared corpus")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, body, err := parseFrontMatter(string(data))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Split(filepath.Base(f), "-")[1]
		if got := DetectLang(body); got != want {
			t.Errorf("%s: DetectLang = %q, want %q", filepath.Base(f), got, want)
		}
		// The first paragraph alone must do too.
		first := strings.SplitN(body, "\n", 4)
		if got := DetectLang(strings.Join(first, "\n")); got != want {
			t.Errorf("%s (title and first paragraph): DetectLang = %q, want %q", filepath.Base(f), got, want)
		}
	}
}
