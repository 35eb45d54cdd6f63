#!/usr/bin/env bash
# Run a command with a private PostgreSQL server (tests/pg/server.sh),
# stopped again afterwards whatever the result. Where it cannot start
# (PostgreSQL not installed), the command runs without it and the shared-
# database tests record themselves as skipped.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${PG_TEST_DIR:-${TMPDIR:-/tmp}/amends-pg-$$}
if env_lines=$("$here/server.sh" start "$dir" 2>"$dir.log"); then
  eval "$env_lines"
  trap '"$here/server.sh" stop "$dir"; rm -f "$dir.log"' EXIT
else
  echo "(No private PostgreSQL server for the shared-database tests: $(tail -1 "$dir.log"))" >&2
  rm -f "$dir.log"
fi
"$@"
