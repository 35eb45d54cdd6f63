#!/usr/bin/env bash
# Letters benchmark (`make bench`): 1,000 personalised one-page letters into one
# PDF, Amends beside LibreOffice and reportlab in the same run, using the shared
# peer harness (../shared/bench-peers). Needs: libreoffice-writer-nogui,
# reportlab in /tmp/rl (pip install --target /tmp/rl reportlab), poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
PEERS=${PEERS:-../shared/bench-peers}
TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo build --release --example letters_bench
RESULTS="" REPS=${REPS:-3} LO_VARIANTS=${LO_VARIANTS:-inline} PEER_NAME=amends \
  PEER_CMD="$TARGET_DIR/release/examples/letters_bench --json {json} -o {pdf}" \
  "$PEERS/run-peers.sh" "$N"
