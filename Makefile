# irkg: build, test and demo. `make demo` and `make test` are the two set-up commands of
# the README; both start the local Neo4j (jars from Maven Central into .neo4j/).
GO      ?= go
BIN     := bin/irkg
SAMPLES := testdata/corpus
NEO4J_PASSWORD ?= irkg-local-pw
export NEO4J_PASSWORD

.PHONY: build test test-unit demo eval bench fuzz neo4j-up neo4j-down generate

build:
	$(GO) build -o $(BIN) ./cmd/irkg

# Unit and integration tests against the real local Neo4j, which a missing server cannot skip.
test: neo4j-up
	IRKG_REQUIRE_NEO4J=1 $(GO) test -count=1 ./...

# Tests that need no server (integration tests skip when none answers).
test-unit:
	$(GO) test -short ./...

# Start Neo4j, load the bundled sample articles, answer the demo question.
# The local database is a scratch one that the tests also use: the demo starts it empty.
demo: build neo4j-up
	@$(BIN) query --format csv --cypher 'MATCH (n) DETACH DELETE n' >/dev/null
	$(BIN) load --progress never $(SAMPLES)
	@echo
	@echo "Which of Russia's agreements have a mutual-defence clause, and which explicitly lack one:"
	$(BIN) query defense-clauses --param country=country:RUS
	@echo
	@echo "Neo4j Browser: http://127.0.0.1:7474/browser/  (user neo4j, password $(NEO4J_PASSWORD)); the irkg style and guide load on connect (or :play http://localhost:7490/guide.html; see docs/browser.md)"

# Score the extractor on the development corpus (ONTOLOGY §6).
eval: build
	$(BIN) eval --show $(SAMPLES)

# Extraction throughput and memory (bench/run.sh), then the Neo4j loader (bench/load_bench.sh,
# on a second Neo4j instance so the development graph is left alone).
bench:
	$(GO) test -run XXX -bench . -benchtime 300x ./extract/
	bash bench/run.sh
	bash bench/load_bench.sh

fuzz:
	$(GO) test -run XXX -fuzz FuzzExtract -fuzztime 60s -fuzzminimizetime 5s ./extract/

# Regenerate the gazetteers from ../shared/data.
generate:
	$(GO) generate ./schemas

# A local Neo4j 5.26 (jars from Maven Central into .neo4j/); NEO4J_PASSWORD defaults to irkg-local-pw.
neo4j-up:
	bash scripts/neo4j-up.sh

neo4j-down:
	bash scripts/neo4j-down.sh
