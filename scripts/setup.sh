#!/usr/bin/env bash
# setup.sh [run|test]: install what OMS needs on Debian 12, and nothing that is
# already there. "run" installs the build and desktop dependencies; "test"
# also what the tests need (Xvfb, xdotool, ImageMagick, Chromium, poppler,
# PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh

want=${1:-run}
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    say "not root and no sudo: install as root: ${APT_RUN[*]} ${APT_TEST[*]}"; exit 1; fi
fi

pkgs=("${APT_RUN[@]}")
[ "$want" = test ] && pkgs+=("${APT_TEST[@]}")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go and Node come with the machine; check their versions rather than guess.
command -v go >/dev/null || { say "Go $GO_MIN or newer is required (https://go.dev/dl)"; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { say "Node.js $NODE_MIN or newer with npm is required"; exit 1; }
node -e "const [a,b]=process.versions.node.split('.').map(Number);const [x,y]='$NODE_MIN'.split('.').map(Number);process.exit(a>x||(a===x&&b>=y)?0:1)" ||
  { say "Node.js $(node --version) is too old: $NODE_MIN or newer is required"; exit 1; }

# The wails CLI, pinned.
WAILS="$(go env GOPATH)/bin/wails"
if ! "$WAILS" version 2>/dev/null | grep -q "$WAILS_VERSION"; then
  say "go install wails $WAILS_VERSION"
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

# Frontend packages, from the lock file; redone only when the lock file changes.
stamp=frontend/node_modules/.oms-lock-sha
sum=$(sha256sum frontend/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
  say "npm ci"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
  echo "$sum" > "$stamp"
fi
say "ready ($want)"
