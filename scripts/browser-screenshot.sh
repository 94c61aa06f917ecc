#!/usr/bin/env bash
# Screenshot of irkg's graph in Neo4j Browser, styled with neo4j/browser/irkg.grass, taken in a
# headless Chromium driven by scripts/browser-screenshot.js (playwright-core). docs/seed-graph.png
# was made with it (see docs/browser.md).
#
#   bash scripts/browser-screenshot.sh                      (writes docs/seed-graph.png)
#
# Needs: a running Neo4j (scripts/neo4j-up.sh) holding the graph to draw, the asset server
# (scripts/browser-assets.sh, started here if it is not running), Debian's chromium
# (apt-get install -y chromium) and node/npm. playwright-core is installed once, outside the
# repository, with
#     npm install --prefix "$IRKG_BROWSER_TOOLS" playwright-core@1.65.1
# (IRKG_BROWSER_TOOLS defaults to ~/.cache/irkg-browser-tools). It drives the system Chromium:
# never run `npx playwright install`, which would download a browser build of its own.
#
# The tests of the repository empty the shared graph: load and screenshot under their lock, e.g.
#   flock /tmp/irkg-neo4j-tests.lock bash -c 'bin/irkg query --cypher "MATCH (n) DETACH DELETE n" &&
#     bin/irkg load testdata/corpus/00-fr-russie-iran-partenariat.txt && bash scripts/browser-screenshot.sh'
#
# The settings are environment variables, listed in scripts/browser-screenshot.js (Browser URL,
# NEO4J_URI, credentials, IRKG_QUERY, IRKG_SCREENSHOT, IRKG_STYLE_URL, CHROMIUM).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${IRKG_BROWSER_TOOLS:-$HOME/.cache/irkg-browser-tools}"
say() { echo "browser-screenshot: $*" >&2; }
die() { say "$*"; exit 1; }

command -v node >/dev/null || die "node not found (apt-get install -y nodejs npm)"
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || die "no chromium at ${CHROMIUM:-/usr/bin/chromium} (apt-get install -y chromium)"
if [[ ! -d "$tools/node_modules/playwright-core" ]]; then
	command -v npm >/dev/null || die "npm not found"
	say "installing playwright-core into $tools (once)"
	mkdir -p "$tools"
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$tools" --no-audit --no-fund --silent \
		playwright-core@1.65.1 >&2
fi
bash "$root/scripts/browser-assets.sh" >&2

cd "$root"
NODE_PATH="$tools/node_modules" exec node "$root/scripts/browser-screenshot.js"
