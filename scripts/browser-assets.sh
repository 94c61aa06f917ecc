#!/usr/bin/env bash
# Serve irkg's Neo4j Browser assets (neo4j/browser/: irkg.grass, guide.html) over HTTP on
# http://127.0.0.1:7490/ in the background, so that Neo4j Browser can fetch them with
# `:style URL` / `:play URL` and on connect (browser.post_connect_cmd; see docs/browser.md).
#
#   bash scripts/browser-assets.sh          start (idempotent: returns at once when running)
#   bash scripts/browser-assets.sh stop     stop the server this script started
#   bash scripts/browser-assets.sh status   exit 0 when it answers
#
# The server is scripts/browserassets (Go, standard library only), built once into
# .neo4j/bin/browserassets; its log is .neo4j/logs/browser-assets.log.
#
# Environment:
#   IRKG_BROWSER_ASSETS_ADDR   listen address (default 127.0.0.1:7490). neo4j/browser/browser.conf
#                              names this address: change both together.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$root/.neo4j"
addr="${IRKG_BROWSER_ASSETS_ADDR:-127.0.0.1:7490}"
host="${addr%:*}"
port="${addr##*:}"
pidfile="$home/browser-assets.pid"
bin="$home/bin/browserassets"
log="$home/logs/browser-assets.log"

say() { echo "browser-assets: $*"; }
die() { echo "browser-assets: $*" >&2; exit 1; }

running_pid() {
	[[ -f "$pidfile" ]] || return 1
	local pid
	pid="$(cat "$pidfile")"
	[[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null &&
		tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "browserassets" && { echo "$pid"; return 0; }
	return 1
}

port_open() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

# answers: our server answers on the address (it sets the X-Irkg-Browser-Assets header).
answers() {
	if command -v curl >/dev/null; then
		curl -fsS -m 3 -o /dev/null -D - "http://$addr/irkg.grass" 2>/dev/null | grep -qi '^x-irkg-browser-assets:'
	else
		port_open
	fi
}

case "${1:-start}" in
status)
	if answers; then say "serving on http://$addr/"; exit 0; fi
	say "not answering on http://$addr/"; exit 1
	;;
stop)
	if pid="$(running_pid)"; then
		kill -TERM "$pid"
		for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		rm -f "$pidfile"
		say "stopped (pid $pid)"
	else
		rm -f "$pidfile"
		say "not running"
	fi
	exit 0
	;;
start) ;;
*) die "usage: $0 [start|stop|status]" ;;
esac

if pid="$(running_pid)"; then
	say "already running (pid $pid): http://$addr/irkg.grass, http://$addr/guide.html"
	exit 0
fi
rm -f "$pidfile"
if port_open; then
	if answers; then
		say "a browserassets server not started from this checkout already serves http://$addr/: using it"
		exit 0
	fi
	die "port $port is in use by another program; set IRKG_BROWSER_ASSETS_ADDR (and the URLs in neo4j/browser/browser.conf)"
fi

mkdir -p "$home/bin" "$home/logs"
if [[ ! -x "$bin" || "$root/scripts/browserassets/main.go" -nt "$bin" ]]; then
	command -v go >/dev/null || die "go not found: it is needed once to build scripts/browserassets"
	(cd "$root" && go build -o "$bin" ./scripts/browserassets) || die "cannot build scripts/browserassets"
fi

# setsid: a session of its own, so that the server outlives the caller's process group.
setsid nohup "$bin" -addr "$addr" -dir "$root/neo4j/browser" >>"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pidfile"
for _ in $(seq 1 50); do
	if port_open; then
		say "serving neo4j/browser/ (pid $pid): http://$addr/irkg.grass, http://$addr/guide.html"
		exit 0
	fi
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
tail -5 "$log" >&2 || true
kill -TERM "$pid" 2>/dev/null || true
rm -f "$pidfile"
die "the server did not start (see .neo4j/logs/browser-assets.log)"
