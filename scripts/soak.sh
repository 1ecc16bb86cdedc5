#!/usr/bin/env bash
# soak.sh: the sync simulation at length (make soak): OMS_SIM_CHECKS runs
# (default 10,000) on SQLite and a quarter of that on PostgreSQL behind 3
# server instances, then the planted bugs. Hours; not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
pgdir=$(mktemp -d /tmp/oms-pg.XXXXXX)
chmod 755 "$pgdir"
trap 'bash scripts/pg.sh stop "$pgdir" || true; rm -rf "$pgdir"' EXIT
OMS_TEST_PG=$(bash scripts/pg.sh start "$pgdir")
export OMS_TEST_PG
OMS_SIM_CHECKS=${OMS_SIM_CHECKS:-10000} go test -count=1 -timeout 0 -tags "$GO_TAGS" -v -run '^TestSimulation' ./internal/server/ |
  grep -v '\[rapid\] draw'
