# Sourced by run.sh and bench.sh: a work folder and every background process
# this script starts are cleaned up on exit, and Xvfb runs on a display no
# one else is using, so a second run or a desktop session is not disturbed.

# Make $WORK (mktemp under /tmp/amends-$1.*) and the exit trap; append the pid
# of each background process to PIDS.
start_work() {
  WORK="$(mktemp -d "/tmp/amends-$1.XXXXXX")"
  PIDS=()
  trap cleanup EXIT INT TERM
}

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}

# Start Xvfb on the first free display from :90 and wait for it; sets DISPLAY_NUM.
# $1 names the caller in the error message.
start_xvfb() {
  DISPLAY_NUM=90
  while [[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" || -e "/tmp/.X$DISPLAY_NUM-lock" ]]; do DISPLAY_NUM=$((DISPLAY_NUM + 1)); done
  Xvfb ":$DISPLAY_NUM" -screen 0 1280x860x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 50); do [[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ]] && break; sleep 0.1; done
  [[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ]] || { cat "$WORK/xvfb.log" >&2; echo "$1: Xvfb did not start" >&2; exit 1; }
}
