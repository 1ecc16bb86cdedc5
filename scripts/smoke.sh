#!/usr/bin/env bash
# smoke.sh [BINARY]: start the production desktop binary under Xvfb on a fresh
# data directory, find its window, screenshot it and fail if the window is
# blank or the database was not created. Keeps build/artifacts/smoke.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/bin/oms}
[ -x "$bin" ] || { echo "smoke: $bin not built (make build)"; exit 1; }
mkdir -p build/artifacts
data=$(mktemp -d /tmp/oms-smoke.XXXXXX)
exec xvfb-run -a -s "-screen 0 1280x800x24" bash scripts/smoke-inner.sh "$bin" "$data" build/artifacts/smoke.png
