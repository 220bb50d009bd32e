#!/bin/sh
# A throw-away PostgreSQL for benchmarks and local experiments.
#
#   scripts/pg-temp.sh start DATADIR PORT   initdb into DATADIR (must not exist or be empty), start on
#                                           127.0.0.1:PORT (trust auth, user postgres, fsync off);
#                                           prints the connection URL on stdout
#   scripts/pg-temp.sh stop  DATADIR        stop the server (fast) and remove DATADIR
#
# Runs the server as the "postgres" OS user (via su when invoked as root). Uses the newest
# /usr/lib/postgresql/*/bin unless PG_BIN is set. Not for data you want to keep: fsync=off.
set -eu

cmd=${1:-}
dir=${2:-}
port=${3:-54331}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DATADIR [PORT]" >&2
  exit 2
fi

if [ -z "${PG_BIN:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "pg-temp: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb); apt-get install postgresql" >&2
  exit 3
fi

# run a command as the postgres user (we may already be that user)
as_pg() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/sh -c "$1"
  else
    sh -c "$1"
  fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
    chmod 700 "$dir"
    as_pg "'$PG_BIN/initdb' -D '$dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" || {
      cat "$dir/initdb.log" >&2
      exit 1
    }
    # fsync etc. off: a disposable cluster; sockets inside DATADIR so nothing else is touched
    as_pg "'$PG_BIN/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
      -o \"-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50\" \
      start >/dev/null" || {
      cat "$dir/server.log" >&2
      exit 1
    }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_pg "'$PG_BIN/pg_ctl' -D '$dir/data' -m fast -w -t 60 stop >/dev/null" || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DATADIR [PORT]" >&2
    exit 2
    ;;
esac
