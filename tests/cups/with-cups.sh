#!/usr/bin/env bash
# Run a command with a private CUPS server and its cups-pdf printer
# (tests/cups/server.sh), stopped again afterwards whatever the result. Where
# the server cannot start (not root, CUPS missing), the command runs without
# it and the printing tests record themselves as skipped.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${CUPS_TEST_DIR:-${TMPDIR:-/tmp}/amends-cups-$$}
if env_lines=$("$here/server.sh" start "$dir" 2>"$dir.log"); then
  eval "$env_lines"
  trap '"$here/server.sh" stop "$dir"; rm -f "$dir.log"' EXIT
else
  echo "(No private CUPS server for the printing tests: $(tail -1 "$dir.log"))" >&2
  rm -f "$dir.log"
fi
"$@"
