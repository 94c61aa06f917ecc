#!/usr/bin/env bash
# Extraction benchmark (issue 4): builds JSONL dumps of two sizes from the real
# articles of testdata/corpus, then measures `irkg extract` at 1 worker and at
# all cores: MB/s, articles/s and peak RSS (/usr/bin/time -v). Results go to
# stdout and bench/out/results.txt.
#
#   bash bench/run.sh            # 50 MB and 200 MB dumps
#   SIZES="20 100" bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${SIZES:-50 200}"
out=bench/out
mkdir -p "$out"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
go build -o bin/irkg ./cmd/irkg
cores="$(nproc)"
results="$out/results.txt"
: >"$results"
say() { echo "$*" | tee -a "$results"; }
say "irkg extract benchmark, $(date -u +%F), $(nproc) cores, $(go version | cut -d' ' -f3)"
for mb in $sizes; do
	dump="$out/dump-$mb.jsonl"
	[[ -s "$dump" ]] || go run ./bench/gen -corpus testdata/corpus -mb "$mb" -out "$dump"
	bytes=$(stat -c %s "$dump")
	articles=$(wc -l <"$dump")
	# one worker on one core (GOMAXPROCS=1: reading, writing and GC share it too), one
	# worker with the other cores free for reading, writing and GC, and a worker per core
	for run in "1 1" "1 $cores" "$cores $cores"; do
		read -r w procs <<<"$run"
		GOMAXPROCS="$procs" /usr/bin/time -v bin/irkg extract --workers "$w" --input-format jsonl "$dump" >/dev/null 2>"$out/time.txt" || { cat "$out/time.txt" >&2; exit 1; }
		secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$out/time.txt")
		rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$out/time.txt")
		say "$(awk -v mb="$mb" -v w="$w" -v p="$procs" -v b="$bytes" -v a="$articles" -v s="$secs" -v r="$rss" \
			'BEGIN {printf "dump %4d MB  workers %d  cores %d  %6.1f s  %6.2f MB/s  %7.0f articles/s  peak RSS %4d MB", mb, w, p, s, b/1048576/s, a/s, r}')"
	done
done
