package ingest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/irkg/irkg/ingest"
	"github.com/irkg/irkg/kg"
)

func ExampleRead() {
	inputs := []string{
		"testdata/02-fr-wikinews-iran-manifestation-anti-americaine-sanctions.txt",
		"testdata/state-department-press-releases-2022-08.rss",
		"-", // standard input: a JSONL dump here
	}
	stdin := strings.NewReader(`{"id":"es-1","title":"Tratado","text":"Rusia e Irán firmaron el viernes una asociación estratégica de veinte años entre los dos países.","lang":"es"}` + "\n")
	opts := ingest.Options{
		Stdin: stdin,
		Warn:  func(p ingest.Problem) { fmt.Println("skipped:", p) },
	}
	stats, err := ingest.Read(context.Background(), inputs, opts, func(a kg.Article) error {
		if strings.HasSuffix(a.Origin, "#2") || strings.HasSuffix(a.Origin, ".txt") {
			fmt.Printf("%s [%s, %s]\n  %s\n", a.Title, a.Lang, a.Published, a.URL)
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Printf("read %d, skipped %d %v\n", stats.Read, stats.Skipped, stats.SkippedBy)
	// Output:
	// Iran : manifestation anti-américaine dans la capitale [fr, 2012-11-02]
	//   https://fr.wikinews.org/wiki/Iran_:_manifestation_anti-américaine_dans_la_capitale
	// Biden-Harris Administration Announces $550 Million in New U.S. Military Assistance for Ukraine [en, 2022-08-01]
	//   https://www.state.gov/biden-harris-administration-announces-550-million-in-new-u-s-military-assistance-for-ukraine/
	// skipped: stdin:1: unsupported-language: declared language "es"
	// read 11, skipped 1 map[unsupported-language:1]
}

func ExampleDetectLang() {
	fmt.Printf("%q\n", ingest.DetectLang("Le président a déclaré que les deux pays signeront le traité."))
	fmt.Printf("%q\n", ingest.DetectLang("The president said that the two countries will sign the treaty."))
	fmt.Printf("%q\n", ingest.DetectLang("El presidente dijo que los dos países firmarán el tratado."))
	fmt.Printf("%q\n", ingest.DetectLang("Traité"))
	// Output:
	// "fr"
	// "en"
	// ""
	// ""
}
