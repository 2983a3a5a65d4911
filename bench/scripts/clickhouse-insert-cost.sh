#!/usr/bin/env bash
# ClickHouse's CPU per stored observation row, alone: ROWS rows of this stack's observations
# (today's, read back as JSONEachRow the way the sink writes them) inserted into a scratch copy of
# the table in BATCH-row INSERTs; the server's /proc ticks during the inserts (merges meanwhile
# included) and in the 90 s after (the merges that follow), against a 20 s idle baseline.
# With COPY=1 the scratch table also feeds a copy of observations_by_time through a materialized
# view, as observations does. Needs ./sightline up; the stack should be idle.
#   bench/scripts/clickhouse-insert-cost.sh [COPY=0|1] [ROWS=200000] [BATCH=5000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CH="http://127.0.0.1:${CLICKHOUSE_HTTP_PORT:-8123}/"; DB=sightline
COPY=${1:-0}; ROWS=${2:-200000}; BATCH=${3:-5000}
pid=$(cat "$ROOT/.sightline/pids/clickhouse.pid")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
q() { curl -sS -f "$CH?database=$DB" --data-binary "$1"; }
ticks() { awk '{print $14+$15}' "/proc/$pid/stat"; }
drop() { q "DROP TABLE IF EXISTS bench_cost_copy_mv"; q "DROP TABLE IF EXISTS bench_cost_observations"; q "DROP TABLE IF EXISTS bench_cost_by_time"; }
curl -sS -f "$CH?database=$DB&output_format_json_quote_64bit_integers=0" \
  --data-binary "SELECT * FROM observations WHERE event_date = today() LIMIT $ROWS FORMAT JSONEachRow" > "$work/rows.jsonl"
rows=$(wc -l < "$work/rows.jsonl")
drop; q "CREATE TABLE bench_cost_observations AS observations"
if [[ $COPY == 1 ]]; then
  q "CREATE TABLE bench_cost_by_time AS observations_by_time"
  # The server's own definition of observations_by_time_copy (migration 0006), renamed to the
  # scratch tables, so the copy measured is the one the migrations created.
  view=$(curl -sS -f "$CH?database=$DB" --data-binary "SHOW CREATE TABLE observations_by_time_copy FORMAT TSVRaw")
  view=${view/"$DB.observations_by_time_copy"/bench_cost_copy_mv}
  view=${view/"TO $DB.observations_by_time"/TO bench_cost_by_time}
  [[ $view == *"FROM $DB.observations"* ]] || { echo "unexpected view definition: $view" >&2; exit 1; }
  q "${view/"FROM $DB.observations"/FROM bench_cost_observations}"
fi
a=$(ticks); sleep 20; b=$(ticks); idle=$((b - a))
split -l "$BATCH" "$work/rows.jsonl" "$work/part."
start=$(date +%s%N); a=$(ticks)
for f in "$work"/part.*; do
  curl -sS -f "$CH?database=$DB&query=INSERT%20INTO%20bench_cost_observations%20FORMAT%20JSONEachRow" --data-binary "@$f"
done
b=$(ticks); end=$(date +%s%N)
sleep 90; c=$(ticks)
[[ $COPY == 1 ]] && echo "rows in the scratch copy: $(q "SELECT count() FROM bench_cost_by_time")"
drop
awk -v rows="$rows" -v batch="$BATCH" -v copy="$COPY" -v idle="$idle" -v ins=$((b - a)) -v after=$((c - b)) \
    -v wall=$(((end - start) / 1000000)) 'BEGIN {
  printf "%d rows in %d-row INSERTs (time-ordered copy: %s): %.1f s wall\n", rows, batch, copy ? "yes" : "no", wall / 1000
  printf "server CPU: %d ticks during the inserts (%.1f microseconds per row), %d in the 90 s after (idle baseline %d per 20 s)\n", ins, ins * 1e4 / rows, after, idle
  printf "inserts and merges: %.1f microseconds per row\n", (ins + after) * 1e4 / rows }'
