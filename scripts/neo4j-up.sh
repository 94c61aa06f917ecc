#!/usr/bin/env bash
# Start irkg's local Neo4j 5.26 Community server in the background and wait until Bolt answers.
#
#   bash scripts/neo4j-up.sh          (or: make neo4j-up)
#
# Idempotent: resolves the jars from Maven Central into .neo4j/lib on the first run only (then
# it works offline), sets the initial password of user neo4j before the very first start, and
# exits 0 at once when the server is already up.
#
# Environment:
#   NEO4J_PASSWORD   password of user neo4j (default for local use: irkg-local-pw; at least
#                    8 characters). It takes effect only before the first start: to change it
#                    later, run scripts/neo4j-down.sh and delete .neo4j/data.
#   NEO4J_HEAP       JVM heap (default 1g)
#   NEO4J_WAIT       seconds to wait for Bolt (default 180)
#   JAVA_HOME        a Java 17 (or 21) runtime; default: java on PATH
#   NEO4J_INSTANCE   run a second, separate server (own data, logs and pid file) under
#                    .neo4j/instances/NAME, e.g. for a benchmark that must not wipe or share
#                    the development graph; give it other ports:
#   NEO4J_BOLT_PORT, NEO4J_HTTP_PORT   (default 7687 and 7474)
#   e.g. NEO4J_INSTANCE=bench NEO4J_BOLT_PORT=7688 NEO4J_HTTP_PORT=7475 bash scripts/neo4j-up.sh
#
# Layout (all under the git-ignored .neo4j/ at the repository root):
#   lib/  jars   conf/neo4j.conf  (copied from neo4j/neo4j.conf on every start)
#   data/ databases   logs/ neo4j.log, debug.log, console.log   server.pid
#   instances/NAME/   the same for each NEO4J_INSTANCE (jars shared)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$root/.neo4j/lib"
home="$root/.neo4j${NEO4J_INSTANCE:+/instances/$NEO4J_INSTANCE}"
pidfile="$home/server.pid"
bolt_port="${NEO4J_BOLT_PORT:-7687}"
http_port="${NEO4J_HTTP_PORT:-7474}"
export NEO4J_USERNAME="neo4j"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-irkg-local-pw}"
export NEO4J_URI="bolt://127.0.0.1:$bolt_port"
[[ "${NEO4J_INSTANCE:-}" =~ ^[A-Za-z0-9_-]*$ ]] || { echo "neo4j-up: NEO4J_INSTANCE: letters, digits, - and _ only" >&2; exit 1; }
heap="${NEO4J_HEAP:-1g}"
wait_s="${NEO4J_WAIT:-180}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

say() { echo "neo4j-up: $*"; }
die() { echo "neo4j-up: $*" >&2; exit 1; }

# Neo4j Browser's style and guide (neo4j/browser/), fetched on connect: see docs/browser.md.
bash "$root/scripts/browser-assets.sh" || echo "neo4j-up: warning: Browser asset server not started; apply style and guide by hand (docs/browser.md)" >&2

running_pid() {
	[[ -f "$pidfile" ]] || return 1
	local pid
	pid="$(cat "$pidfile")"
	[[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && \
		tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "CommunityEntryPoint" && { echo "$pid"; return 0; }
	return 1
}

if pid="$(running_pid)"; then
	say "already running (pid $pid): $NEO4J_URI, http://127.0.0.1:$http_port/browser/"
	exit 0
fi
rm -f "$pidfile"

command -v "$java" >/dev/null || die "no java found (install a Java 17 runtime or set JAVA_HOME)"
jv="$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
[[ "${jv:-0}" -ge 17 ]] || die "Neo4j 5.26 needs Java 17 or newer; $java is version ${jv:-unknown}"


# 1. Jars: resolved once; the stamp holds the pom's hash so a version change re-resolves.
mkdir -p "$lib" "$home/logs" "$home/conf" "$root/.neo4j/bin"
stamp="$lib/.resolved"
want="$(sha256sum "$root/neo4j/pom.xml" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
	command -v mvn >/dev/null || die "mvn not found: it is needed once to fetch the Neo4j jars"
	say "resolving Neo4j jars with Maven into .neo4j/lib (first run only)"
	rm -rf "$lib" && mkdir -p "$lib"
	mvn -B -Dstyle.color=never -f "$root/neo4j/pom.xml" dependency:copy-dependencies \
		>"$home/logs/mvn.log" 2>&1 || { tail -30 "$home/logs/mvn.log" >&2; die "mvn dependency:copy-dependencies failed (see .neo4j/logs/mvn.log)"; }
	echo "$want" >"$stamp"
fi

# 2. The readiness probe (the Go driver's VerifyConnectivity), built once into .neo4j/bin.
waitbolt="$root/.neo4j/bin/waitbolt"
if [[ ! -x "$waitbolt" || "$root/scripts/waitbolt/main.go" -nt "$waitbolt" ]]; then
	(cd "$root" && go build -o "$waitbolt" ./scripts/waitbolt) || die "cannot build scripts/waitbolt"
fi

# Something else on our port (a Neo4j started by hand or from another checkout) would make the
# start fail: use it if it is a Neo4j that takes our credentials, else stop here.
if (exec 3<>"/dev/tcp/127.0.0.1/$bolt_port") 2>/dev/null; then
	if "$waitbolt" -q -timeout 10s; then
		say "a Neo4j not started by this script already answers on $NEO4J_URI: using it"
		exit 0
	fi
	die "port $bolt_port is in use by a process this script did not start; stop it first"
fi

sed -e "s/:7687\$/:$bolt_port/" -e "s/:7474\$/:$http_port/" "$root/neo4j/neo4j.conf" >"$home/conf/neo4j.conf"
export NEO4J_HOME="$home" NEO4J_CONF="$home/conf"
cp_="$lib/*"

# 3. Initial password, before the first start only (the system database does not exist yet).
if [[ ! -d "$home/data/databases/system" ]]; then
	[[ ${#NEO4J_PASSWORD} -ge 8 ]] || die "NEO4J_PASSWORD must have at least 8 characters"
	say "setting the initial password of user neo4j"
	"$java" -cp "$cp_" org.neo4j.cli.AdminTool dbms set-initial-password "$NEO4J_PASSWORD" \
		>"$home/logs/admin.log" 2>&1 || { tail -20 "$home/logs/admin.log" >&2; die "set-initial-password failed"; }
fi

# 4. Start. bin/neo4j would read server.jvm.additional from neo4j.conf; started directly, the
# JVM options are ours: those of Neo4j's default neo4j.conf that matter on Java 17.
jvm_opts=(
	-Xms"$heap" -Xmx"$heap"
	-XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC
	-XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields
	-Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
	-Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8
	--add-opens=java.base/java.nio=ALL-UNNAMED
	--add-opens=java.base/java.io=ALL-UNNAMED
	--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
	--add-opens=java.base/java.util.concurrent=ALL-UNNAMED
	--enable-native-access=ALL-UNNAMED
)
say "starting Neo4j (logs in ${home#"$root"/}/logs/)"
cd "$home"
# setsid: a session of its own, so that the server outlives the caller's process group (a test
# run, a CI step or a terminal that is killed as a whole would otherwise take it down uncleanly).
setsid nohup "$java" "${jvm_opts[@]}" -cp "$cp_" org.neo4j.server.CommunityEntryPoint \
	--home-dir="$home" --config-dir="$home/conf" \
	>"$home/logs/console.log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pidfile"

# 5. Wait for Bolt, or report why not.
rc=0
"$waitbolt" -q -timeout "${wait_s}s" -pid "$pid" || rc=$?
if [[ $rc -eq 2 ]]; then
	die "Neo4j is up (pid $pid) but refused the password in NEO4J_PASSWORD: the password is the one set
before the first start (default irkg-local-pw); to reset it, run scripts/neo4j-down.sh and delete .neo4j/data"
fi
if [[ $rc -ne 0 ]]; then
	echo "---- tail of ${home#"$root"/}/logs/neo4j.log ----" >&2
	tail -25 "$home/logs/neo4j.log" >&2 2>/dev/null || true
	echo "---- tail of ${home#"$root"/}/logs/console.log ----" >&2
	tail -15 "$home/logs/console.log" >&2 2>/dev/null || true
	if kill -0 "$pid" 2>/dev/null; then
		echo "neo4j-up: the server (pid $pid) is still running; stop it with scripts/neo4j-down.sh" >&2
	else
		rm -f "$pidfile"
	fi
	die "Neo4j did not come up"
fi
say "up (pid $pid): $NEO4J_URI (user neo4j), http://127.0.0.1:$http_port/browser/"
