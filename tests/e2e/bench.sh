#!/usr/bin/env bash
# The desktop app's benchmark (`make bench-app`): a script that reports numbers,
# not a test; it never fails on a slow result. It measures, under Xvfb:
#
#  1. Launch -> Today drawn, cold and warm, for Amends over a database with
#     100,000 customers and 300,000 incidents, and launch -> "hello" drawn for a
#     bare Tauri 2 page (benches/bare-tauri, same tauri version), both launched
#     the same way in the same run, alternating. "Launch" is the WebDriver
#     new-session request to tauri-driver (which starts WebKitWebDriver, which
#     starts the binary); "drawn" is an in-page probe: the screen's content is
#     in the DOM (Today: heading, the queue and the charts, so the database was
#     opened and queried; bare: the "hello" heading), then one animation frame
#     and a task. Both apps pay the same driver overhead, so the ratio is fair;
#     "process start -> drawn" (from /proc/PID/stat, 10 ms resolution) leaves
#     the driver out.
#     Cold = the first launch of a fresh process with brand-new XDG_DATA_HOME,
#     XDG_CACHE_HOME and XDG_CONFIG_HOME (WebKit's caches and Tauri's webview
#     data empty). Warm = repeated launches reusing one such home, primed by one
#     uncounted launch. The OS page cache is NOT dropped (that needs root
#     tricks): the binaries, WebKit's libraries and the database file are in
#     memory for both.
#  2. PSS (Pss in /proc/PID/smaps_rollup) of the app process plus all its
#     descendants (WebKitWebProcess, WebKitNetworkProcess), 1.5 s after drawn;
#     and for Amends again after the Customers screen: search "a", then scroll
#     the (virtualised) list to the end until 850 rows are loaded.
#  3. Search-as-you-type on the Customers screen: each key is sent through
#     WebDriver, the latency is measured in the page with performance.now():
#     from the search box's input event to the list updated (a task after the
#     search_customers IPC response, whose fetch is followed in the page) and
#     to the next animation frame. Words typed one key at a time, each cleared
#     with Ctrl+A, Backspace (also timed), in every warm Amends launch.
#
# The database is made once with the release CLI (`amends demo`) and cached in
# $BENCH_CACHE (default $CARGO_TARGET_DIR/bench-cache) per day, since the demo
# data is built around today; each run works on a copy. The copy gets today's
# backup first, so the app's once-a-day automatic backup (a background copy of
# the whole file) does not run during the measured launches.
#
# Output: a markdown table on stdout; raw numbers in $BENCH_TSV
# (default /tmp/amends-bench-app-<time>.tsv), one row per measurement.
#
# Needs: the self-contained app, release by default:
#   npm --prefix ui run build && cargo build --release -p amends-app --features custom-protocol
#   cargo build --release --manifest-path benches/bare-tauri/Cargo.toml --target-dir <same target dir> --features custom-protocol
#   cargo build --release --bin amends
# (make bench-app does all three), Xvfb, WebKitWebDriver, tauri-driver, Node 20+.
# Knobs: BENCH_PROFILE=release|debug, BENCH_RUNS (5), BENCH_CUSTOMERS (100000),
# BENCH_INCIDENTS (300000), BENCH_APP/BENCH_BARE/BENCH_CLI (binaries),
# BENCH_WORDS ('marta|okaf|...'), BENCH_SETTLE_MS (1500).
# BENCH_SMAPS=DIR: also write where each process's PSS lives (per mapping) at each memory reading.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
PROFILE="${BENCH_PROFILE:-release}"
APP="${BENCH_APP:-$TARGET_DIR/$PROFILE/amends-app}"
BARE="${BENCH_BARE:-$TARGET_DIR/$PROFILE/bare-tauri}"
CLI="${BENCH_CLI:-$TARGET_DIR/release/amends}"
CUSTOMERS="${BENCH_CUSTOMERS:-100000}"
INCIDENTS="${BENCH_INCIDENTS:-300000}"
CACHE="${BENCH_CACHE:-$TARGET_DIR/bench-cache}"
TSV="${BENCH_TSV:-/tmp/amends-bench-app-$(date +%Y%m%d-%H%M%S).tsv}"
export PATH="$HOME/.cargo/bin:$PATH"

for need in "$APP" "$BARE" "$CLI"; do
  [[ -x "$need" ]] || { echo "bench: $need is missing (see the build commands at the top of $0)" >&2; exit 1; }
done
for cmd in Xvfb tauri-driver WebKitWebDriver node; do
  command -v "$cmd" >/dev/null || { echo "bench: $cmd is not installed (make deps-test)" >&2; exit 1; }
done

# Same tauri in both, or the comparison means little.
lock_version() { awk -v n="$2" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$1"; }
APP_TAURI="$(lock_version "$ROOT/Cargo.lock" tauri)"
BARE_TAURI="$(lock_version "$ROOT/benches/bare-tauri/Cargo.lock" tauri)"
if [[ "$APP_TAURI" != "$BARE_TAURI" ]]; then
  echo "bench: warning: Amends uses tauri $APP_TAURI, the bare page $BARE_TAURI (copy Cargo.lock into benches/bare-tauri/)" >&2
fi

# shellcheck source=display.sh
source "$ROOT/tests/e2e/display.sh"
start_work bench-app

# The database: cached per day and size, copied for this run.
mkdir -p "$CACHE"
CACHED="$CACHE/demo-c$CUSTOMERS-i$INCIDENTS-$(date +%F).sqlite3"
if [[ ! -s "$CACHED" ]]; then
  echo "bench: making $CACHED (takes a while)..." >&2
  rm -f "$CACHED.tmp"
  "$CLI" --db "$CACHED.tmp" demo --customers "$CUSTOMERS" --incidents "$INCIDENTS" >&2
  mv "$CACHED.tmp" "$CACHED"
fi
DB="$WORK/db/amends.sqlite3"
mkdir -p "$WORK/db"
cp "$CACHED" "$DB"
"$CLI" --db "$DB" backup >/dev/null

start_xvfb bench

echo "bench: $PROFILE build; app $APP (tauri $APP_TAURI), bare $BARE (tauri $BARE_TAURI); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
status=0
BENCH_APP="$APP" BENCH_BARE="$BARE" BENCH_DB="$DB" BENCH_WORK="$WORK" BENCH_DISPLAY=":$DISPLAY_NUM" \
  BENCH_TSV="$TSV" BENCH_LABEL="($PROFILE builds, Xvfb, $CUSTOMERS customers / $INCIDENTS incidents)" \
  node "$ROOT/tests/e2e/bench.mjs" || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- tauri-driver log ---" >&2
  tail -n 40 "$WORK/driver.log" >&2 || true
fi
echo
echo "Cold = first launch with fresh XDG_DATA_HOME/XDG_CACHE_HOME (empty WebKit caches); warm = relaunch reusing them. The OS page cache was not dropped."
echo "Raw numbers: $TSV"
exit $status
