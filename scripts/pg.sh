#!/usr/bin/env bash
# pg.sh start DIR | stop DIR: a throwaway PostgreSQL server for the tests.
#   start: initdb in DIR/data (trust auth, local socket and 127.0.0.1 only,
#          UTF8), start it on a free port of 127.0.0.1 with its socket in
#          DIR/sock and its log in DIR/log, wait until it answers, and print
#          one line: its DSN.
#   stop:  stop it (fast); does nothing if it is not running.
# initdb and postgres refuse to run as root: as root they run as the
# `postgres` user (made by Debian's postgresql package), who then owns DIR.
set -euo pipefail

say() { echo "pg.sh: $*" >&2; }
usage() { say "usage: pg.sh start|stop DIR"; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$2

# The newest installed server; pg_ctl and initdb are not on PATH on Debian.
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
  if command -v pg_ctl >/dev/null; then bindir=$(dirname "$(command -v pg_ctl)")
  else say "no PostgreSQL server found (apt-get install postgresql)"; exit 1; fi
fi

# as CMD...: run as the server's user, from a folder that user can enter.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || { say "running as root and there is no 'postgres' user"; exit 1; }
  as() { (cd / && runuser -u postgres -- "$@"); }
else
  as() { (cd / && "$@"); }
fi

case $cmd in
stop)
  [ -d "$dir" ] || exit 0
  data=$(cd "$dir" && pwd)/data
  [ -f "$data/postmaster.pid" ] || exit 0
  as "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null 2>&1 || true
  exit 0
  ;;
start) ;;
*) usage ;;
esac

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
data=$dir/data log=$dir/log sock=$dir/sock
mkdir -p "$log" "$sock"
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres: "$dir"
  as test -x "$dir" || { say "the postgres user cannot enter $dir: chmod 755 it and its parents"; exit 1; }
fi

if [ ! -f "$data/PG_VERSION" ]; then
  as "$bindir/initdb" -D "$data" -U postgres -E UTF8 --locale=C -A trust >"$log/initdb.log" 2>&1 ||
    { cat "$log/initdb.log" >&2; say "initdb failed"; exit 1; }
  # Trust the local socket and 127.0.0.1, nothing else.
  as tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
EOF
  q=${sock//\'/\'\'}
  as tee -a "$data/postgresql.conf" >/dev/null <<EOF

# pg.sh: a throwaway server for the tests.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$q'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 200
include_if_exists = 'pg-port.conf'
EOF
fi

# free_port N: is TCP port N on 127.0.0.1 free? (a bind test with node or
# python3; without either, say yes and let the server's own bind decide).
free_port() {
  if command -v node >/dev/null; then
    node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close(()=>process.exit(0)))' "$1" 2>/dev/null
  elif command -v python3 >/dev/null; then
    python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.close()' "$1" 2>/dev/null
  else
    return 0
  fi
}

if [ -f "$data/postmaster.pid" ] && as "$bindir/pg_ctl" status -D "$data" >/dev/null 2>&1; then
  say "a server is already running in $data (pg.sh stop $dir first)"; exit 1
fi

# Try ports from a random start; if the server still cannot bind one (another
# process took it meanwhile), move on to the next.
port=$(( 20000 + RANDOM % 30000 ))
for try in $(seq 1 50); do
  port=$(( port + 1 ))
  free_port "$port" || continue
  echo "port = $port" | as tee "$data/pg-port.conf" >/dev/null
  if as "$bindir/pg_ctl" start -D "$data" -l "$log/postgres.log" -w -t 60 >>"$log/pg_ctl.log" 2>&1; then
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 30 ||
      { say "server started but does not answer on 127.0.0.1:$port; see $log/postgres.log"; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
    exit 0
  fi
  if ! grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets' "$log/postgres.log" 2>/dev/null; then
    tail -20 "$log/postgres.log" >&2 2>/dev/null || true
    say "PostgreSQL did not start; see $log"
    exit 1
  fi
  : >"$log/postgres.log"
done
say "no free port found for PostgreSQL"
exit 1
