#!/usr/bin/env bash
# Stop the local Neo4j started by scripts/neo4j-up.sh, and wait until it has exited.
# Idempotent: exits 0 when no server is running. NEO4J_INSTANCE=NAME stops that instance.
#
#   bash scripts/neo4j-down.sh        (or: make neo4j-down)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$root/.neo4j${NEO4J_INSTANCE:+/instances/$NEO4J_INSTANCE}" # as in neo4j-up.sh
pidfile="$home/server.pid"
say() { echo "neo4j-down: $*"; }

# the Browser asset server goes with the default instance
[[ -n "${NEO4J_INSTANCE:-}" ]] || bash "$root/scripts/browser-assets.sh" stop >/dev/null 2>&1 || true

pid=""
if [[ -f "$pidfile" ]]; then
	pid="$(cat "$pidfile")"
	if ! { [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null &&
		tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "CommunityEntryPoint"; }; then
		pid=""
	fi
fi
if [[ -z "$pid" ]]; then
	rm -f "$pidfile"
	say "not running"
	exit 0
fi

say "stopping Neo4j (pid $pid)"
kill -TERM "$pid"
for _ in $(seq 1 240); do # a clean shutdown takes about 10 s; give it 2 minutes
	kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; say "stopped"; exit 0; }
	sleep 0.5
done
say "still running after 120 s: killing it" >&2
kill -KILL "$pid" 2>/dev/null || true
sleep 1
rm -f "$pidfile"
say "killed"
