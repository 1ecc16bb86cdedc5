#!/usr/bin/env bash
# bench-sync.sh [N]: OMS sync against PouchDB replication on the same workload,
# N new products (default 5000) made offline on one workstation, pushed to a
# server on loopback ("up") and pulled by a fresh workstation ("down").
#   OMS:     BenchmarkSyncUpDown (internal/server/bench_test.go), SQLite server.
#   PouchDB: bench/pouchdb/run.mjs, pouchdb-server in memory, local in-memory
#            PouchDBs (versions pinned in bench/pouchdb/package-lock.json).
# Each side runs 3 times; the table shows the medians and the ratio of the
# totals. Exits non-zero if either side fails.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-5000}
runs=3
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N]" >&2; exit 2; }
say() { printf '\033[1mbench-sync:\033[0m %s\n' "$*" >&2; }

command -v node >/dev/null && command -v npm >/dev/null || { say "Node.js with npm is required"; exit 1; }

# PouchDB packages, from the lock file; redone only when the lock file changes.
stamp=bench/pouchdb/node_modules/.oms-lock-sha
sum=$(sha256sum bench/pouchdb/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
  say "npm ci (bench/pouchdb)"
  (cd bench/pouchdb && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" > "$stamp"
fi

median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) exit 1; print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# OMS: one iteration per run, $runs runs, so both sides give a median.
out=$(mktemp)
trap 'rm -f "$out"' EXIT
say "OMS: BenchmarkSyncUpDown, N=$n, $runs runs"
if ! go test -tags sqlite_fts5 -run '^$' -bench 'BenchmarkSyncUpDown$' -benchtime 1x -count "$runs" -timeout 30m \
    ./internal/server/ -args -sync.n="$n" >"$out" 2>&1; then
  cat "$out" >&2; say "OMS benchmark failed"; exit 1
fi
metric() { awk -v m="$1" '/^BenchmarkSyncUpDown/ {for (i = 2; i < NF; i++) if ($(i+1) == m) print $i}' "$out"; }
ours_lines=$(metric total-ms | wc -l)
[ "$ours_lines" -eq "$runs" ] || { cat "$out" >&2; say "OMS benchmark: expected $runs results, got $ours_lines"; exit 1; }
ours_up=$(metric up-ms | median); ours_down=$(metric down-ms | median); ours_total=$(metric total-ms | median)
int() { printf "%.0f" "$1"; }
ours_up=$(int "$ours_up"); ours_down=$(int "$ours_down"); ours_total=$(int "$ours_total")

# PouchDB: run.mjs prints one JSON line per run.
say "PouchDB: bench/pouchdb/run.mjs $n, $runs runs"
pouch=()
for ((i = 1; i <= runs; i++)); do
  line=$(node bench/pouchdb/run.mjs "$n") || { say "PouchDB run $i failed"; exit 1; }
  say "  $line"
  pouch+=("$line")
done
field() { printf '%s\n' "${pouch[@]}" | node -e '
  const k = process.argv[1];
  for (const l of require("fs").readFileSync(0, "utf8").trim().split("\n")) console.log(JSON.parse(l)[k]);' "$1"; }
p_up=$(field up_ms | median); p_down=$(field down_ms | median); p_total=$(field total_ms | median)

verdict=$(awk -v p="$p_total" -v o="$ours_total" 'BEGIN {
  if (o <= 0 || p <= 0) { print "ratio undefined (a total of 0 ms)"; exit }
  r = p / o
  if (r >= 1) printf "OMS sync is %.1fx faster than PouchDB replication (PouchDB total / OMS total = %.2f)\n", r, r
  else printf "OMS sync is %.1fx slower than PouchDB replication (PouchDB total / OMS total = %.2f)\n", 1 / r, r }')

printf '\nSync of %d new products, median of %d runs per column (ms; loopback HTTP)\n' "$n" "$runs"
printf '%-28s %9s %9s %9s\n' "" "up" "down" "total"
printf '%-28s %9s %9s %9s\n' "OMS (SQLite server, HTTP)" "$ours_up" "$ours_down" "$ours_total"
printf '%-28s %9s %9s %9s\n' "PouchDB (pouchdb-server)" "$p_up" "$p_down" "$p_total"
printf '%s\n' "$verdict"
