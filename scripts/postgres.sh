#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for development and tests (Debian's `postgresql` package).
#
#   scripts/postgres.sh start [DIR]   make (first time) and start a cluster in DIR on a free local port;
#                                     prints the line to run: export FACT_REVIEW_PG_URL=postgresql+psycopg://...
#   scripts/postgres.sh stop [DIR]    stop it (the data stays in DIR until you delete the folder)
#   scripts/postgres.sh url [DIR]     print the URL of a running cluster
#
# DIR defaults to ${TMPDIR:-/tmp}/fact-review-pg. The cluster trusts local connections and listens on
# 127.0.0.1 only: it is for tests, never for a desk's real data. As root the server runs as the
# `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

action=${1:-}
dir=${2:-${TMPDIR:-/tmp}/fact-review-pg}

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    echo "postgres.sh: PostgreSQL is not installed; run: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "$found"
}

as_owner() {  # run a server command as the cluster's owner
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

url() {
  echo "postgresql+psycopg://postgres@127.0.0.1:$(cat "$dir/port")/postgres"
}

case "$action" in
  start)
    bin=$(pg_bin)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      url
      exit 0
    fi
    free_port >"$dir/port"
    # fsync stays on: the crash tests rely on what PostgreSQL promises after a commit
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $(cat "$dir/port") -k $dir -c max_connections=200" >/dev/null \
      || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    echo "export FACT_REVIEW_PG_URL=$(url)"
    ;;
  stop)
    bin=$(pg_bin)
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  url)
    url
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop|url [DIR]" >&2
    exit 2
    ;;
esac
