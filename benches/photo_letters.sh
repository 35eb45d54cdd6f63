#!/usr/bin/env bash
# Photo letters benchmark (`make bench`): 1,000 "what we changed" letters with
# one photo each, side by side in one run, REPS times, medians reported:
#   amends-none      the Amends renderer, no photo (the letters benchmark's job)
#   amends-shared    the same letters, one shared photo under the first change
#                    (a cause's photo: every letter shows the same one)
#   amends-distinct  a different photo in every letter (the worst case)
#   reportlab-shared reportlab rendering the same letters with the same photo
#   amends-cli       the real path: `amends letter follow-up --cause ID` for a
#                    cause with 1,000 linked incidents and a photo on its change
# The photo is a 3000 x 2000 phone-sized JPEG of noise and gradients (hard to
# compress). Needs poppler-utils; installs reportlab (with Pillow) into /tmp/rl.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
REPS=${REPS:-3}
PEERS=${PEERS:-../shared/bench-peers}
RL_PATH=${RL_PATH:-/tmp/rl}
TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
OUT=${OUT:-/tmp/amends-photo-bench}
mkdir -p "$OUT"
PYTHONPATH=$RL_PATH python3 -c 'import reportlab, PIL' 2>/dev/null ||
  python3 -m pip install --quiet --target "$RL_PATH" reportlab
cargo build --release --example letters_bench --bin amends
BENCH=$TARGET_DIR/release/examples/letters_bench
AMENDS=$TARGET_DIR/release/amends

python3 "$PEERS/letters.py" json --n "$N" --out "$OUT/letters.json" >/dev/null
PYTHONPATH=$RL_PATH python3 - "$OUT/photo.jpg" <<'PY'
import random, sys
from PIL import Image
random.seed(7)
w, h = 3000, 2000
img = Image.effect_noise((w, h), 48).convert("RGB")
grad = Image.linear_gradient("L").resize((w, h)).convert("RGB")
Image.blend(img, grad, 0.5).save(sys.argv[1], quality=90)
PY

# The real path's database: N customers, one cause touching all of them, a change with the photo.
DB=$OUT/cause.sqlite3
rm -f "$DB"*
"$AMENDS" --db "$DB" demo --customers "$N" --incidents 0 >/dev/null
CAUSE=$("$AMENDS" --db "$DB" causes add --title "Kiln 7 ran hot" --category quality)
"$AMENDS" --db "$DB" customers list --json | python3 -c 'import json,sys; [print(c["email"]) for c in json.load(sys.stdin) if c.get("email")]' >"$OUT/who.txt"
"$AMENDS" --db "$DB" causes affect "$CAUSE" --customers-file "$OUT/who.txt" >/dev/null
"$AMENDS" --db "$DB" causes change "$CAUSE" --text "Kiln 7 now has a controller that switches it off above 1240 degrees" --photo "$OUT/photo.jpg" >/dev/null

run() { # name, pdf, command...
  local name=$1 pdf=$2; shift 2
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$OUT/stdout.txt" 2>&1
  t1=$(date +%s.%N)
  local letters pages
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  # The CLI says how many letters it wrote (customers without an address are left out).
  letters=$(sed -n 's/^Wrote \([0-9]*\) letter.*/\1/p' "$OUT/stdout.txt")
  echo "$name $(echo "$t1 - $t0" | bc) $(stat -c %s "$pdf") $pages ${letters:-$N}" >>"$OUT/runs.txt"
}
: >"$OUT/runs.txt"
for rep in $(seq "$REPS"); do
  run amends-none "$OUT/none.pdf" "$BENCH" --json "$OUT/letters.json" -o "$OUT/none.pdf"
  run amends-shared "$OUT/shared.pdf" "$BENCH" --json "$OUT/letters.json" -o "$OUT/shared.pdf" --photo "$OUT/photo.jpg"
  run amends-distinct "$OUT/distinct.pdf" "$BENCH" --json "$OUT/letters.json" -o "$OUT/distinct.pdf" --photo "$OUT/photo.jpg" --distinct-photos
  run reportlab-shared "$OUT/reportlab.pdf" env PYTHONPATH="$RL_PATH" python3 benches/photo_peer.py "$OUT/letters.json" "$OUT/photo.jpg" "$OUT/reportlab.pdf"
  run amends-cli "$OUT/cli.pdf" "$AMENDS" --db "$DB" letter follow-up --cause "$CAUSE" -o "$OUT/cli.pdf"
done
for f in none shared distinct reportlab cli; do
  echo "$f.pdf: $(pdfimages -list "$OUT/$f.pdf" | tail -n +3 | awk '{print $11}' | sort -u | wc -l) image object(s), $(pdfimages -list "$OUT/$f.pdf" | awk 'NR==3 {print $4"x"$5, $13" ppi"}')"
done
echo "letters: $N, reps: $REPS, host: $(nproc) CPUs, loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT/runs.txt" "$N" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
n = int(sys.argv[2])
names = list(dict.fromkeys(r[0] for r in rows))
med = {}
print(f"{'run':18} {'letters':>8} {'median s':>9} {'KiB/letter':>11} {'pages':>6}")
for name in names:
    rs = [r for r in rows if r[0] == name]
    s = statistics.median(float(r[1]) for r in rs)
    letters = int(rs[-1][4])
    kib = int(rs[-1][2]) / 1024 / letters
    med[name] = (s, kib)
    print(f"{name:18} {letters:8} {s:9.2f} {kib:11.1f} {rs[-1][3]:>6}")
rl = med.get("reportlab-shared")
if rl:
    for name in names:
        if name != "reportlab-shared":
            print(f"{name} / reportlab-shared: time {med[name][0] / rl[0]:.2f}x, size {med[name][1] / rl[1]:.2f}x")
PY
