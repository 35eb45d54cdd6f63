#!/usr/bin/env bash
# Spreadsheet speed, side by side (a benchmark, not a test).
#
#   benches/spreadsheets.sh [BIG_DB]
#
# BIG_DB (default /tmp/big.db) is copied, never modified; when missing it is
# made with `amends demo --customers 100000 --incidents 300000`. Each task
# runs 3 times; the table shows the median time and the largest peak RSS.
# Targets (issue 5): CSV export of incidents within 2x of the sqlite3 CLI's
# own `.mode csv` export of the same query; XLSX of everything under 10 s;
# import of 100,000 customers under 5 s; memory flat as rows grow.
set -euo pipefail

BIG=${1:-/tmp/big.db}
RUNS=3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
for tool in sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install sqlite3 time)" >&2; exit 1; }
done

(cd "$ROOT" && cargo build --release --quiet --bin amends)
AMENDS=$TARGET/release/amends
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [[ ! -f $BIG ]]; then
    echo "making $BIG (100,000 customers, 300,000 incidents)..." >&2
    "$AMENDS" --db "$BIG" demo --customers 100000 --incidents 300000 >&2
fi
cp "$BIG" "$WORK/big.db"
"$AMENDS" --db "$WORK/small.db" demo --customers 10000 --incidents 30000 >/dev/null

# The same text as amends::store::EXPORT_INCIDENTS_SQL (a test keeps them in step).
INCIDENTS_SQL="SELECT i.id, i.customer_id, i.title, i.what_happened, i.our_understanding, \
     i.category, i.severity, i.occurred_at, i.discovered_at, i.discovered_by, i.remedy_requested, \
     i.order_value_minor, i.fix_promised_by, i.makeup_description, i.makeup_value_minor, i.root_cause, \
     i.outcome_came_back, i.outcome_spend_minor, i.outcome_note, i.second_failure, i.status, i.created_at, \
     i.updated_at, c.name AS customer_name, c.email AS customer_email \
     FROM incidents i JOIN customers c ON c.id = i.customer_id WHERE 1 = 1 ORDER BY i.id"

# The customer file to import: the big database's own customers, exported.
"$AMENDS" --db "$WORK/big.db" export --format csv --table customers -o "$WORK/customers.csv" >/dev/null

# measure NAME SETUP_CMD CMD: runs SETUP (untimed) then CMD, RUNS times;
# records "NAME median_seconds max_rss_kb".
declare -A SECS RSS
measure() {
    local name=$1 setup=$2 cmd=$3 times=() rss=0
    for _ in $(seq "$RUNS"); do
        eval "$setup"
        /usr/bin/time -v -o "$WORK/time.txt" bash -c "$cmd" >/dev/null
        local wall kb
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$WORK/time.txt")
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
        times+=("$wall")
        ((kb > rss)) && rss=$kb
    done
    SECS[$name]=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
    RSS[$name]=$rss
}

measure sqlite3_csv "rm -f $WORK/s.csv" \
    "sqlite3 -csv -header '$WORK/big.db' \"$INCIDENTS_SQL\" > '$WORK/s.csv'"
measure amends_csv_incidents "rm -f $WORK/a.csv" \
    "'$AMENDS' --db '$WORK/big.db' export --format csv --table incidents -o '$WORK/a.csv'"
measure amends_csv_all "rm -rf $WORK/csv" \
    "'$AMENDS' --db '$WORK/big.db' export --format csv -o '$WORK/csv'"
measure amends_xlsx_all "rm -f $WORK/a.xlsx" \
    "'$AMENDS' --db '$WORK/big.db' export --format xlsx -o '$WORK/a.xlsx'"
measure amends_xlsx_small "rm -f $WORK/s.xlsx" \
    "'$AMENDS' --db '$WORK/small.db' export --format xlsx -o '$WORK/s.xlsx'"
measure amends_import_100k "rm -rf $WORK/imp.db* $WORK/backups; '$AMENDS' --db $WORK/imp.db profile show >/dev/null" \
    "'$AMENDS' --db '$WORK/imp.db' import customers '$WORK/customers.csv'"
# Its peer (issue 11): SQLite's own CSV import of the same file into a new table.
measure sqlite3_import_100k "rm -f $WORK/sq.db" "sqlite3 '$WORK/sq.db' '.mode csv' '.import $WORK/customers.csv t'"

rows() { sqlite3 "$1" "$2"; }
BIG_ROWS=$(($(rows "$WORK/big.db" "SELECT (SELECT COUNT(*) FROM customers) + (SELECT COUNT(*) FROM incidents) + (SELECT COUNT(*) FROM changes) + (SELECT COUNT(*) FROM timeline) + (SELECT COUNT(*) FROM letters)")))
SMALL_ROWS=$(($(rows "$WORK/small.db" "SELECT (SELECT COUNT(*) FROM customers) + (SELECT COUNT(*) FROM incidents) + (SELECT COUNT(*) FROM changes) + (SELECT COUNT(*) FROM timeline) + (SELECT COUNT(*) FROM letters)")))

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
row() { printf '%-44s %9s %9s  %s\n' "$1" "$2" "$3" "$4"; }

echo
echo "Medians of $RUNS runs; $(nproc) cores; $(basename "$BIG"): $BIG_ROWS rows in all tables."
row "task" "median s" "peak MB" "check"
row "sqlite3 CLI .mode csv, incidents query" "${SECS[sqlite3_csv]}" "$(mb "${RSS[sqlite3_csv]}")" "baseline"
row "amends export csv --table incidents" "${SECS[amends_csv_incidents]}" "$(mb "${RSS[amends_csv_incidents]}")" \
    "$(ratio "${SECS[amends_csv_incidents]}" "${SECS[sqlite3_csv]}")x sqlite3 (target <= 2x)"
row "amends export csv (all five tables)" "${SECS[amends_csv_all]}" "$(mb "${RSS[amends_csv_all]}")" ""
row "amends export xlsx (everything)" "${SECS[amends_xlsx_all]}" "$(mb "${RSS[amends_xlsx_all]}")" "target < 10 s"
row "amends export xlsx, small db ($SMALL_ROWS rows)" "${SECS[amends_xlsx_small]}" "$(mb "${RSS[amends_xlsx_small]}")" \
    "memory x$(ratio "${RSS[amends_xlsx_all]}" "${RSS[amends_xlsx_small]}") for x$(ratio "$BIG_ROWS" "$SMALL_ROWS") rows"
row "amends import customers (100,000 rows)" "${SECS[amends_import_100k]}" "$(mb "${RSS[amends_import_100k]}")" "$(ratio "${SECS[amends_import_100k]}" "${SECS[sqlite3_import_100k]}")x sqlite3 (target <= 4x)"
row "sqlite3 .import of the same file" "${SECS[sqlite3_import_100k]}" "$(mb "${RSS[sqlite3_import_100k]}")" ""
