package main

import (
	"errors"
)

// Exit codes: the one place they are defined. Documented in the app's help.
const (
	exitOK       = 0
	exitError    = 1 // unexpected failure
	exitUsage    = 2 // bad flags or arguments
	exitInput    = 3 // an input file is missing, unreadable or invalid
	exitSchema   = 4 // the ontology or a --schema file is invalid
	exitNeo4j    = 5 // Neo4j unreachable, or a query failed
	exitAuth     = 6 // Neo4j refused the credentials
	exitDatabase = 7 // the Neo4j database does not exist
)

const exitCodesHelp = `EXIT CODES:
   0  success
   1  unexpected failure
   2  bad flags or arguments
   3  an input file is missing, unreadable or invalid
   4  the ontology or a --schema file is invalid
   5  Neo4j unreachable, or a query failed
   6  Neo4j refused the credentials
   7  the Neo4j database does not exist`

// codedError carries an exit code with an error.
type codedError struct {
	code int
	err  error
}

func (e *codedError) Error() string { return e.err.Error() }
func (e *codedError) Unwrap() error { return e.err }

// withCode marks err with an exit code; nil stays nil.
func withCode(code int, err error) error {
	if err == nil {
		return nil
	}
	return &codedError{code: code, err: err}
}

func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ce *codedError
	if errors.As(err, &ce) {
		return ce.code
	}
	return exitError
}
