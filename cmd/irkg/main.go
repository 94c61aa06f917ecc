// Command irkg builds an international-relations knowledge graph from news.
package main

import (
	"context"
	"fmt"
	"os"
)

func main() {
	app := newApp(os.Stdin, os.Stdout, os.Stderr)
	err := app.RunContext(context.Background(), os.Args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "irkg: %v\n", err)
	}
	os.Exit(exitCode(err))
}
