#!/usr/bin/env bash
# Runs inside xvfb-run: see smoke.sh.
set -uo pipefail
bin=$1 data=$2 shot=$3
OMS_DATA="$data" "$bin" >"$data/stdout.log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
trap stop EXIT
wid=""
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || { echo "smoke: the app exited early:"; cat "$data/stdout.log"; exit 1; }
  wid=$(xdotool search --onlyvisible --name '^OMS$' 2>/dev/null | head -n1)
  [ -n "$wid" ] && break
  sleep 1
done
[ -n "$wid" ] || { echo "smoke: no visible window named OMS after 60 s"; cat "$data/stdout.log"; exit 1; }
# Wait for the frontend to paint: a blank window has one or two colours,
# the first-run screen with its text has hundreds.
colours=0
for _ in $(seq 1 30); do
  sleep 1
  import -window "$wid" "$shot" 2>/dev/null || continue
  colours=$(convert "$shot" -format '%k' info: 2>/dev/null || echo 0)
  [ "$colours" -gt 50 ] && break
done
geometry=$(xdotool getwindowgeometry "$wid" | tr '\n' ' ')
echo "smoke: window $wid ($geometry), $colours colours, screenshot $shot"
[ "$colours" -gt 50 ] || { echo "smoke: the window looks blank"; cat "$data/stdout.log"; exit 1; }
[ -s "$data/oms.db" ] || { echo "smoke: no database created in $data"; exit 1; }
echo "smoke: database created at $data/oms.db"
