#!/usr/bin/env bash
# Run Neo4j's cypher-shell (5.26, the server's line) on the jars of Maven Central, resolved once
# into the git-ignored .neo4j/cypher-shell/lib by scripts/cypher-shell/pom.xml. Arguments go to
# cypher-shell unchanged, e.g. to run what `irkg extract --format cypher` wrote:
#
#   bash scripts/cypher-shell.sh -a bolt://127.0.0.1:7687 -u neo4j -p irkg-local-pw -f corpus.cypher
#
# Exit status: cypher-shell's; 3 when the jars cannot be resolved (no mvn, no network).
# JAVA_HOME: a Java 17 (or newer) runtime; default: java on PATH.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$root/.neo4j/cypher-shell/lib"
pom="$root/scripts/cypher-shell/pom.xml"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
die() { echo "cypher-shell.sh: $*" >&2; exit 3; }

# The stamp holds the pom's hash, so a version change resolves again.
stamp="$lib/.resolved"
want="$(sha256sum "$pom" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
	command -v mvn >/dev/null || die "mvn not found: it is needed once to fetch cypher-shell from Maven Central"
	rm -rf "$lib" && mkdir -p "$lib"
	log="$root/.neo4j/cypher-shell/mvn.log"
	mvn -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies >"$log" 2>&1 ||
		{ tail -30 "$log" >&2; die "mvn dependency:copy-dependencies failed (see ${log#"$root"/})"; }
	echo "$want" >"$stamp"
fi
command -v "$java" >/dev/null || die "no java found (install a Java 17 runtime or set JAVA_HOME)"
exec "$java" -Dfile.encoding=UTF-8 -cp "$lib/*" org.neo4j.shell.Main "$@"
