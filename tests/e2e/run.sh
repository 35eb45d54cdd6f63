#!/usr/bin/env bash
# End-to-end tests: the real Amends binary in a real WebKitGTK window under
# Xvfb, driven through tauri-driver. Each run gets a fresh XDG_DATA_HOME, so a
# fresh database. Screenshots go to tests/e2e/artifacts/.
#
# Needs: the self-contained app (`make app`), the CLI (`cargo build --bin amends`),
# Xvfb, WebKitWebDriver (webkit2gtk-driver), tauri-driver, Node 20+; for the
# two-computer test, a private PostgreSQL server (run under tests/pg/with-postgres.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
APP="${E2E_APP:-$TARGET_DIR/debug/amends-app}"
CLI="${E2E_CLI:-$TARGET_DIR/debug/amends}"
ARTIFACTS="$ROOT/tests/e2e/artifacts"
export PATH="$HOME/.cargo/bin:$PATH"

for need in "$APP" "$CLI"; do
  [[ -x "$need" ]] || { echo "e2e: $need is missing; run 'make app' and 'cargo build --bin amends'" >&2; exit 1; }
done
for cmd in Xvfb tauri-driver WebKitWebDriver node; do
  command -v "$cmd" >/dev/null || { echo "e2e: $cmd is not installed (make deps-test)" >&2; exit 1; }
done

# shellcheck source=display.sh
source "$ROOT/tests/e2e/display.sh"
start_work e2e
mkdir -p "$ARTIFACTS"
start_xvfb e2e
# Free ports, so a second run is not disturbed.
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Start tauri-driver with its own data folder (and extra environment) and wait for it to answer.
# Sets DRIVER_PID and DRIVER_PORT.
start_driver() {
  local name="$1"; shift
  DRIVER_PORT="$(free_port)"
  local native; native="$(free_port)"
  # Two free ports asked for one after the other can be the same one; a driver whose
  # native port is its own port forwards to itself without end.
  while [ "$native" = "$DRIVER_PORT" ]; do native="$(free_port)"; done
  # AMENDS_E2E_TYPED_PATHS: the debug build takes typed paths, as WebDriver cannot click a
  # native file dialog; release builds ignore it (only dialog-picked paths).
  env DISPLAY=":$DISPLAY_NUM" XDG_DATA_HOME="$WORK/$name/data" XDG_CONFIG_HOME="$WORK/$name/config" \
    XDG_CACHE_HOME="$WORK/$name/cache" AMENDS_E2E_TYPED_PATHS=1 "$@" \
    tauri-driver --port "$DRIVER_PORT" --native-port "$native" >"$WORK/$name-driver.log" 2>&1 &
  DRIVER_PID=$!
  PIDS+=("$DRIVER_PID")
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$DRIVER_PORT/status" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  tail -n 40 "$WORK/$name-driver.log" >&2
  echo "e2e: tauri-driver did not start" >&2
  return 1
}

# Stop a tauri-driver (the one started last, or the one whose pid is given) and its app.
stop_driver() {
  local pid="${1:-$DRIVER_PID}"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

run_tests() {
  local file="$1" db="$2"
  E2E_PORT="$DRIVER_PORT" E2E_APP="$APP" E2E_CLI="$CLI" E2E_DB="$db" E2E_ARTIFACTS="$ARTIFACTS" \
    node --test --test-reporter=spec "$ROOT/tests/e2e/$file"
}

status=0

# 1. The main flows, from an empty database.
mkdir -p "$WORK/flows/data"
start_driver flows
run_tests flows.test.mjs "$WORK/flows/data/dev.amends.desktop/amends.sqlite3" || status=1
stop_driver

# 2. The same records with the desktop asking for dark colours.
start_driver flows GTK_THEME=Adwaita:dark
run_tests dark.test.mjs "$WORK/flows/data/dev.amends.desktop/amends.sqlite3" || status=1
stop_driver

# 3. A database that cannot be opened.
mkdir -p "$WORK/broken"
printf 'These are my notes, not a database.\n' >"$WORK/broken/amends.sqlite3"
start_driver broken AMENDS_DB="$WORK/broken/amends.sqlite3"
run_tests open-failure.test.mjs "$WORK/broken/amends.sqlite3" || status=1
stop_driver

# 4. A new owner's first week, from "Start fresh" on an empty database.
mkdir -p "$WORK/week/data"
start_driver week
run_tests first-week.test.mjs "$WORK/week/data/dev.amends.desktop/amends.sqlite3" || status=1
stop_driver

# 5. Reminders: a promise already late at launch reaches the notification
# server on a private session bus (dunst on the test display), recorded by
# dbus-monitor.
if command -v dbus-daemon >/dev/null && command -v dunst >/dev/null; then
  mkdir -p "$WORK/remind"
  RDB="$WORK/remind/amends.sqlite3"
  "$CLI" --db "$RDB" profile set --name "Kiln & Co" --signer "Sam Potter" >/dev/null
  cid="$("$CLI" --db "$RDB" customers add --name "Ada Reminder")"
  found="$(date -d '3 days ago' '+%Y-%m-%d %H:%M')"
  "$CLI" --db "$RDB" incidents add --customer "$cid" --title "Kiln cracked the glaze" --discovered-by us \
    --occurred "$found" --discovered "$found" >/dev/null
  BUS="$(dbus-daemon --session --fork --print-address=1 --print-pid=3 3>"$WORK/dbus.pid")"
  PIDS+=("$(cat "$WORK/dbus.pid")")
  DISPLAY=":$DISPLAY_NUM" DBUS_SESSION_BUS_ADDRESS="$BUS" dunst >"$WORK/dunst.log" 2>&1 &
  PIDS+=($!)
  DBUS_SESSION_BUS_ADDRESS="$BUS" dbus-monitor "interface='org.freedesktop.Notifications',member='Notify'" \
    >"$WORK/dbus-monitor.log" 2>&1 &
  PIDS+=($!)
  start_driver remind AMENDS_DB="$RDB" DBUS_SESSION_BUS_ADDRESS="$BUS"
  E2E_DBUS_LOG="$WORK/dbus-monitor.log" run_tests reminders.test.mjs "$RDB" || status=1
  stop_driver
else
  echo "e2e: dbus-daemon or dunst missing: the reminder test did not run" >&2
  status=1
fi

# 6. Two people on one shared database: Sam's computer and Priya's computer, two
# copies of the app at once, each with its own data and settings folders, both
# started on one database of the private PostgreSQL server that
# tests/pg/with-postgres.sh runs (AMENDS_TEST_PG). Without that server the test
# cannot run: in CI that is a failure (scripts/deps.sh installs PostgreSQL),
# elsewhere a note.
# An empty database NAME on the private PostgreSQL server (dropped first if a run left it).
new_database() {
  psql "$AMENDS_TEST_PG" -qX -v ON_ERROR_STOP=1 -c 'SET client_min_messages = warning' \
    -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
}

if [[ -n "${AMENDS_TEST_PG:-}" ]]; then
  # A password in the address, which the server (trust authentication) ignores:
  # the test checks that neither window ever shows it.
  SECRET=never-shown-e2e
  SHARED="$(sed -e 's#/postgres?#/e2e_shared?#' -e "s#^postgres://\([^:@/]*\)@#postgres://\1:$SECRET@#" <<<"$AMENDS_TEST_PG")"
  # A new database with a small sample from the CLI, loaded by nobody in particular
  # (whatever name this machine's own settings hold).
  if [[ "$SHARED" == *":$SECRET@"*"/e2e_shared?"* ]] \
    && new_database e2e_shared \
    && env -u AMENDS_PERSON XDG_CONFIG_HOME="$WORK/loader/config" \
      "$CLI" --db "$SHARED" demo --customers 30 --incidents 40 --seed 7 --as-of 2026-11-02 >/dev/null; then
    # Each computer is its own desktop session. The single-instance plugin looks for a
    # running Amends on the session bus, so two copies sharing one bus (a developer's
    # desktop bus, or $XDG_RUNTIME_DIR/bus) would end the second one at start. An
    # address with no bus behind it: each launches on its own, as in phases 1-4.
    start_driver sam AMENDS_DB="$SHARED" DBUS_SESSION_BUS_ADDRESS="unix:path=$WORK/sam/no-bus"
    sam_pid=$DRIVER_PID sam_port=$DRIVER_PORT
    start_driver priya AMENDS_DB="$SHARED" DBUS_SESSION_BUS_ADDRESS="unix:path=$WORK/priya/no-bus"
    priya_pid=$DRIVER_PID priya_port=$DRIVER_PORT
    # run_tests hands node $DRIVER_PORT as E2E_PORT: Sam's; Priya's is E2E_PORT_B.
    DRIVER_PORT=$sam_port
    E2E_PORT_B="$priya_port" E2E_CONFIG="$WORK/sam/config" E2E_CONFIG_B="$WORK/priya/config" \
      E2E_SHARED_SECRET="$SECRET" run_tests shared.test.mjs "$SHARED" || status=1
    stop_driver "$priya_pid"
    stop_driver "$sam_pid"
  else
    echo "e2e: the shared database for the two-computer test could not be made" >&2
    status=1
  fi
fi

# 7. Moving a laptop's records to a shared database from Settings: the app on a file
# with a sample large enough for the move to take a moment, and an empty database.
if [[ -n "${AMENDS_TEST_PG:-}" ]]; then
  MOVE_TO="$(sed -e 's#/postgres?#/e2e_move?#' <<<"$AMENDS_TEST_PG")"
  mkdir -p "$WORK/move"
  MDB="$WORK/move/amends.sqlite3"
  if [[ "$MOVE_TO" == *"/e2e_move?"* ]] \
    && new_database e2e_move \
    && "$CLI" --db "$MDB" demo --customers 5000 --incidents 8000 --seed 11 --as-of 2026-11-02 >/dev/null; then
    # AMENDS_DB names the file only at launch; the switch in Settings is the app's own.
    start_driver move AMENDS_DB="$MDB" DBUS_SESSION_BUS_ADDRESS="unix:path=$WORK/move/no-bus"
    E2E_MOVE_TO="$MOVE_TO" run_tests move.test.mjs "$MDB" || status=1
    stop_driver
  else
    echo "e2e: the file and the empty database for the move could not be made" >&2
    status=1
  fi
fi

# 8. A shared database out of reach at start: this computer's settings name a database
# the server does not have (no AMENDS_DB); Try again once it is made, or this computer's file.
if [[ -n "${AMENDS_TEST_PG:-}" ]]; then
  start_driver reach DBUS_SESSION_BUS_ADDRESS="unix:path=$WORK/reach/no-bus"
  E2E_CONFIG="$WORK/reach/config" E2E_DATA="$WORK/reach/data" AMENDS_TEST_PG="$AMENDS_TEST_PG" \
    run_tests out-of-reach.test.mjs "" || status=1
  stop_driver
elif [[ "${CI:-}" == true ]]; then
  echo "e2e: no PostgreSQL test server (AMENDS_TEST_PG is not set): the two-computer, move and out-of-reach tests did not run" >&2
  status=1
else
  echo "e2e: no PostgreSQL test server (run under tests/pg/with-postgres.sh): the two-computer, move and out-of-reach tests did not run" >&2
fi

if [[ $status -ne 0 ]]; then
  echo "--- tauri-driver logs ---" >&2
  tail -n 40 "$WORK"/*-driver.log >&2 || true
fi
echo "Screenshots: $ARTIFACTS"
exit $status
