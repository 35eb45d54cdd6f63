#!/usr/bin/env bash
# A private PostgreSQL server for the tests: its own data folder, a Unix
# socket in DIR and a private port, trust authentication, no TCP listener.
# initdb refuses to run as root, so as root the server runs as the
# `postgres` user that Debian's package creates.
#   tests/pg/server.sh start DIR   prints: export AMENDS_TEST_PG=postgres://…
#   tests/pg/server.sh stop DIR
set -euo pipefail
cmd=$1
dir=$(realpath -m "$2")

bin=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bin=$d; done
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 3; }

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
start)
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "No postgres user to run the test server as" >&2; exit 3
  fi
  # A server left over from an earlier run on this folder goes first.
  [ -f "$dir/data/postmaster.pid" ] && as_server "$bin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  chmod 0755 "$dir"
  # A port nobody listens on; the socket's name carries it.
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_server "$bin/initdb" -D "$dir/data" -A trust -U amends -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { tail -5 "$dir/initdb.log" >&2; exit 1; }
  # TLS on, with a self-signed certificate (as Debian's own server has), for the
  # tests that check TLS is used and its certificate checked; TCP on 127.0.0.1 only.
  as_server openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -keyout "$dir/server.key" -out "$dir/server.crt" >"$dir/openssl.log" 2>&1 \
    || { tail -5 "$dir/openssl.log" >&2; exit 1; }
  chmod 600 "$dir/server.key"
  as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=$dir/server.crt \
        -c ssl_key_file=$dir/server.key -c fsync=off -c max_connections=40" start >/dev/null \
    || { tail -5 "$dir/server.log" >&2; exit 1; }
  echo "export AMENDS_TEST_PG='postgres://amends@localhost:$port/postgres?host=$dir'"
  echo "export AMENDS_TEST_PG_TCP='postgres://amends@127.0.0.1:$port/postgres'"
  ;;
stop)
  [ -d "$dir/data" ] && as_server "$bin/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2; exit 2
  ;;
esac
