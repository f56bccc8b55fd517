#!/usr/bin/env bash
# The money-web benchmark of issue 10, on a knowledge base grown by scale_kb.sql
# (1M companies, 2M rounds, 5M participations, 100,000 supply deals):
#   aikb --db /tmp/scale.sqlite init
#   sqlite3 /tmp/scale.sqlite < Benchmarks/scripts/scale_kb.sql
#   Benchmarks/scripts/money_web_benchmark.sh /tmp/scale.sqlite [AIKB] [REPEATS]
# Prints the median wall time of REPEATS runs (whole process) of each command.
set -euo pipefail
db=${1:?usage: money_web_benchmark.sh KB.sqlite [AIKB] [REPEATS]}
aikb=${2:-.build/release/aikb}
repeats=${3:-5}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_it LABEL COMMAND...: the median of the runs' wall times, in seconds.
time_it() {
  local label=$1; shift
  local times=()
  for _ in $(seq 1 "$repeats"); do
    local start end
    start=$(date +%s.%N)
    # At most LIMIT seconds (default 120) a run: a command that takes longer is reported so.
    local status=0
    if declare -F "$1" > /dev/null; then "$@" > /dev/null 2>&1 || status=$?
    else timeout "${LIMIT:-120}" "$@" > /dev/null 2>&1 || status=$?; fi
    if [ "$status" = 124 ]; then printf '%-58s   over %s s (stopped)\n' "$label" "${LIMIT:-120}"; return; fi
    [ "$status" = 0 ] || { echo "$label: FAILED: $*" >&2; exit 1; }
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%-58s %8.3f s\n' "$label" "$(printf '%s\n' "${times[@]}" | median)"
}

# Only on a knowledge base grown by scale_kb.sql (its synthetic companies).
scaled() { [ "$(sqlite3 "$db" "SELECT count(*) FROM companies WHERE name = 'Company 500000'")" != 0 ]; }
forced_refresh() { sqlite3 "$db" "DELETE FROM money_loop_index_state" && "$aikb" --db "$db" report refresh; }

"$aikb" --db "$db" report refresh
sqlite3 "$db" "SELECT 'loops', count(*) FROM money_loop_index; SELECT 'flows', count(*) FROM money_flows;"
time_it "refresh, nothing changed" "$aikb" --db "$db" report refresh
time_it "refresh, recomputed" forced_refresh
time_it "money_flows, aikb --format csv" "$aikb" --db "$db" report run money_flows --format csv
time_it "money_flows, sqlite3 -csv" sqlite3 -csv -header "$db" "SELECT * FROM money_flows"
time_it "ecosystem_edges, aikb --format csv" "$aikb" --db "$db" report run ecosystem_edges --format csv
time_it "ecosystem_edges, sqlite3 -csv" sqlite3 -csv -header "$db" "SELECT * FROM ecosystem_edges"
time_it "money_loops, aikb --format csv" "$aikb" --db "$db" report run money_loops --format csv
time_it "money_loops, sqlite3 -csv" sqlite3 -csv -header "$db" "SELECT * FROM money_loops"
time_it "money_loop_legs, aikb --format csv" "$aikb" --db "$db" report run money_loop_legs --format csv
time_it "company NVIDIA (hub), csv" "$aikb" --db "$db" company NVIDIA --format csv
time_it "company NVIDIA (hub), --section flows" "$aikb" --db "$db" company NVIDIA --section flows --format csv
time_it "company CoreWeave, csv" "$aikb" --db "$db" company CoreWeave --format csv
scaled && time_it "company 'Company 500000', csv" "$aikb" --db "$db" company "Company 500000" --format csv
scaled && time_it "company 'Company 1500' (a unit), csv" "$aikb" --db "$db" company "Company 1500" --format csv
time_it "find corewave (misspelt)" "$aikb" --db "$db" find corewave --format csv
time_it "find stargate (names, deals, notes)" "$aikb" --db "$db" find stargate --format csv
scaled && time_it "find 'Company 12345' (exact, prefix, substring)" "$aikb" --db "$db" find "Company 12345" --format csv
scaled && time_it "find 'ompany 99' (substring)" "$aikb" --db "$db" find "ompany 99" --format csv
scaled && time_it "find 'compnay 4242' (misspelt, 1M names)" "$aikb" --db "$db" find "compnay 4242" --format csv
round=$(sqlite3 "$db" "SELECT external_id FROM funding_rounds WHERE external_id IS NOT NULL ORDER BY id DESC LIMIT 1")
time_it "history funding_rounds (newest round)" "$aikb" --db "$db" history funding_rounds "$round"
time_it "history companies NVIDIA" "$aikb" --db "$db" history companies NVIDIA
time_it "changes" "$aikb" --db "$db" changes
for report in $(sqlite3 "$db" "SELECT name FROM reports WHERE builtin = 1 ORDER BY name"); do
  time_it "report $report" "$aikb" --db "$db" report run "$report" --format csv
done
time_it "report portfolio --where investor=NVIDIA" "$aikb" --db "$db" report run portfolio --where investor=NVIDIA --format csv
time_it "report commitments --where company=NVIDIA" "$aikb" --db "$db" report run commitments --where company=NVIDIA --format csv
time_it "report commitments --where company=CoreWeave" "$aikb" --db "$db" report run commitments --where company=CoreWeave --format csv
time_it "report money_flows --where payer_group=NVIDIA" "$aikb" --db "$db" report run money_flows --where payer_group=NVIDIA --format csv
