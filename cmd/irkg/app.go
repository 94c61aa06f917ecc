package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// newApp builds the irkg command. Each subcommand lives in its own cmd_<name>.go
// file and is registered here, in one list.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:  "irkg",
		Usage: "build an international-relations knowledge graph from French and English news",
		Description: "irkg reads articles, extracts typed facts (who signed what with whom, treaty clauses,\n" +
			"sanctions, visits, attacks, deployments) with negation, modality and attribution,\n" +
			"and loads them into Neo4j.\n\n" + exitCodesHelp,
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors go back to main, which alone maps them to exit codes.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return withCode(exitUsage, err)
		},
		Commands: commands(),
	}
	return app
}

// commands lists the subcommands, sorted by name.
func commands() []*cli.Command {
	cmds := []*cli.Command{
		// one line per subcommand, kept sorted
		evalCommand(),
		extractCommand(),
		loadCommand(),
		queryCommand(),
		schemaCommand(),
	}
	for _, c := range cmds {
		if c.OnUsageError == nil {
			c.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
				return withCode(exitUsage, err)
			}
		}
	}
	return cmds
}

// usageErr reports a usage problem with exit code 2.
func usageErr(format string, args ...any) error {
	return withCode(exitUsage, fmt.Errorf(format, args...))
}
