#!/usr/bin/env bash
# e2e-server.sh PORT: the real Go backend in Wails dev mode, serving the built
# frontend (frontend/dist) with the bindings injected on 127.0.0.1:PORT, over
# a fresh empty data directory. The end-to-end tests drive it with Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
port=${1:?usage: e2e-server.sh PORT}
[ -f frontend/dist/index.html ] || (cd frontend && npm run build)
mkdir -p build/e2e
go build -tags "dev $GO_TAGS" -o build/e2e/oms-dev .
data=${OMS_E2E_DATA:-$(mktemp -d /tmp/oms-e2e.XXXXXX)}
echo "e2e-server: data $data, port $port" >&2
exec xvfb-run -a -s "-screen 0 1280x800x24" \
  env OMS_DATA="$data" assetdir="$PWD/frontend/dist" devserver="127.0.0.1:$port" loglevel=Warning \
  ./build/e2e/oms-dev
