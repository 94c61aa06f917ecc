#!/usr/bin/env bash
# Benchmark the graph loader: batched (UNWIND) against per-fact (one transaction each), in one
# run, on synthetic facts with realistic ids (graph/bench_test.go, BenchmarkLoaders).
#
#   bash bench/load_bench.sh                 # 100,000 facts batched, 5,000 per fact
#   IRKG_BENCH_FACTS=200000 IRKG_BENCH_PERFACT=10000 IRKG_BENCH_BATCH=5000 bash bench/load_bench.sh
#
# It runs against a separate Neo4j instance (.neo4j/instances/bench, Bolt 7688, HTTP 7475) so
# that it neither wipes nor competes with the development graph; it starts that instance if
# needed and stops it afterwards if it started it. Results go to stdout and bench/out/.
# The machine's load average is printed with the figures: other work on the 2 cores skews them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NEO4J_INSTANCE=bench NEO4J_BOLT_PORT=7688 NEO4J_HTTP_PORT=7475 # the benchmark reads the server CPU of this instance
export NEO4J_URI="bolt://127.0.0.1:7688"
started=0
if [[ ! -f "$root/.neo4j/instances/bench/server.pid" ]] || ! kill -0 "$(cat "$root/.neo4j/instances/bench/server.pid")" 2>/dev/null; then
	started=1
fi
bash "$root/scripts/neo4j-up.sh"
stop() { if [[ $started == 1 ]]; then bash "$root/scripts/neo4j-down.sh"; fi; }
trap stop EXIT

mkdir -p "$root/bench/out"
out="$root/bench/out/load_bench-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
	echo "# $(date -u +%FT%TZ) $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "# facts=${IRKG_BENCH_FACTS:-100000} per-fact=${IRKG_BENCH_PERFACT:-5000} batch=${IRKG_BENCH_BATCH:-2000} rounds=${IRKG_BENCH_ROUNDS:-2}"
	cd "$root" && go test -run '^$' -bench '^BenchmarkLoaders$' -benchtime 1x -timeout 60m ./graph/
	echo "# after: load average: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$out"
echo "written to ${out#"$root"/}"
