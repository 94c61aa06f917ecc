.PHONY: neo4j-up neo4j-down

# A local Neo4j 5.26 (jars from Maven Central into .neo4j/); NEO4J_PASSWORD defaults to irkg-local-pw.
neo4j-up:
	bash scripts/neo4j-up.sh

neo4j-down:
	bash scripts/neo4j-down.sh
