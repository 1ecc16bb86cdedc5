#!/usr/bin/env bash
# test.sh: everything `make test` runs after setup. Fails if any part fails or
# runs no test; ends with one "N passed, N failed" line over all parts.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
export PATH="$(go env GOPATH)/bin:$PATH"
res=build/test-results
rm -rf "$res"; mkdir -p "$res" build/artifacts
start=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

step "gofmt, pinned versions"
grep -q "github.com/wailsapp/wails/v2 $WAILS_VERSION\$" go.mod ||
  { echo "go.mod must require github.com/wailsapp/wails/v2 $WAILS_VERSION, the version of the pinned CLI"; exit 1; }
unformatted=$(gofmt -l app internal *.go)
[ -z "$unformatted" ] || { echo "not gofmt-ed: $unformatted"; exit 1; }

step "frontend: typecheck, lint, unit tests, build"
(cd frontend && npm run --silent typecheck && npm run --silent lint)
(cd frontend && npx vitest run --reporter=default --reporter=json --outputFile="../$res/vitest.json")
(cd frontend && npm run --silent build)
[ -f frontend/dist/index.html ] || { echo "frontend build produced no dist/index.html"; exit 1; }

step "go vet (desktop and headless)"
go vet -tags "$GO_TAGS" ./...
go vet -tags "headless sqlite_fts5" ./...

step "PostgreSQL for the server tests"
# A throwaway server (scripts/pg.sh) for every test that asks internal/pgtest
# for a database; stopped, its log kept, however this script ends.
pgdir=$(mktemp -d /tmp/oms-pg.XXXXXX)
chmod 755 "$pgdir"
trap 'bash scripts/pg.sh stop "$pgdir"; cp "$pgdir/log/postgres.log" "$res/" 2>/dev/null || true; rm -rf "$pgdir"' EXIT
OMS_TEST_PG=$(bash scripts/pg.sh start "$pgdir")
export OMS_TEST_PG
echo "$OMS_TEST_PG"

step "go test -race"
set +e
go test -race -count=1 -tags "$GO_TAGS" -json ./... | node scripts/gotest-summary.mjs "$res/go.json"
rc=${PIPESTATUS[1]}
set -e
[ "$rc" -eq 0 ] || exit 1

step "sync simulation: ${OMS_SIM_CHECKS:=200} runs on SQLite, a quarter on PostgreSQL behind 3 servers, each planted bug caught"
set +e
OMS_SIM_CHECKS=$OMS_SIM_CHECKS go test -count=1 -timeout 60m -tags "$GO_TAGS" -json -run '^TestSimulation' ./internal/server/ |
  node scripts/gotest-summary.mjs "$res/sim.json"
rc=${PIPESTATUS[1]}
set -e
[ "$rc" -eq 0 ] || exit 1

step "headless build: every command, no GUI libraries"
go build -tags "headless sqlite_fts5" -o build/bin/oms-headless .
if ldd build/bin/oms-headless | grep -Ei 'gtk|webkit'; then echo "headless binary links GUI libraries"; exit 1; fi
hdata=$(mktemp -d)
build/bin/oms-headless version
printf 'long-enough-pw\n' | build/bin/oms-headless --data "$hdata" user add --name ci-admin --role admin
[ -s "$hdata/oms.db" ] || { echo "headless user add created no database"; exit 1; }
set +e; build/bin/oms-headless --data "$hdata" nonsense 2>/dev/null; code=$?; set -e
[ "$code" -eq 2 ] || { echo "unknown command exited $code, want 2"; exit 1; }

step "desktop build (wails) and bindings in sync"
wails build -s -tags "$GO_TAGS" -ldflags "-X oms/internal/buildinfo.Version=$(git describe --always --dirty 2>/dev/null || echo dev)" >"$res/wails-build.log" 2>&1 ||
  { tail -40 "$res/wails-build.log"; exit 1; }
if git rev-parse --git-dir >/dev/null 2>&1 && [ -n "$(git -c core.fileMode=false status --porcelain -- frontend/wailsjs)" ]; then
  git -c core.fileMode=false status --short -- frontend/wailsjs
  echo "frontend/wailsjs is out of date: run 'make bindings' and commit it"; exit 1
fi

step "end-to-end (Chromium against the real Go backend)"
(cd frontend && PLAYWRIGHT_JSON_OUTPUT_NAME="../$res/e2e.json" npx playwright test --reporter=list,json)

step "desktop smoke test (Xvfb)"
bash scripts/smoke.sh build/bin/oms

node -e '
const fs = require("fs"); const r = "'"$res"'";
const go = JSON.parse(fs.readFileSync(r + "/go.json"));
const sim = JSON.parse(fs.readFileSync(r + "/sim.json"));
const vt = JSON.parse(fs.readFileSync(r + "/vitest.json"));
const e2e = JSON.parse(fs.readFileSync(r + "/e2e.json")).stats;
const passed = go.passed + sim.passed + vt.numPassedTests + e2e.expected + 1;
const failed = go.failed + sim.failed + vt.numFailedTests + e2e.unexpected;
if (vt.numPassedTests === 0 || e2e.expected === 0) { console.log("a suite ran no test"); process.exit(1); }
console.log(`go ${go.passed}, simulation ${sim.passed}, vitest ${vt.numPassedTests}, e2e ${e2e.expected}, smoke 1`);
console.log(`all: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);'
echo "test.sh: done in $(( $(date +%s) - start )) s; artifacts in build/artifacts and frontend/e2e-artifacts"
