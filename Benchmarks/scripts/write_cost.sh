#!/usr/bin/env bash
# What a small write costs at the close of its run: the loop index and the report
# indexes are recomputed only when what they are made of changed (SourceSignature).
# On a copy of a knowledge base (the scale one of money_web_benchmark.sh, or any):
#   Benchmarks/scripts/write_cost.sh KB.sqlite [AIKB]
# Brings the copy level first (a refresh), then times each write once, whole process.
set -euo pipefail
db=${1:?usage: write_cost.sh KB.sqlite [AIKB]}
aikb=${2:-.build/release/aikb}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$db" "$work/kb.sqlite"
kb=$work/kb.sqlite
# The copy's pages on disk first: else the first write's fsync pays for writing them all.
sync

# time_it LABEL COMMAND...: one run's wall time in seconds; stops the script if it fails.
time_it() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/stderr" || { echo "$label failed: $(cat "$work/stderr")" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" 'BEGIN { printf "%-58s %8.3f s\n", l, e - s }'
}

"$aikb" --db "$kb" report refresh >/dev/null 2>&1
time_it "report refresh, nothing changed" "$aikb" --db "$kb" report refresh
printf 'name,kind,notes\nWrite Cost Labs,startup,a company no fact names\n' >"$work/company.csv"
time_it "import of one new company" "$aikb" --db "$kb" import --kind companies "$work/company.csv"
time_it "sql --write of a company's notes" \
  "$aikb" --db "$kb" sql --write "UPDATE companies SET notes = 'edited' WHERE name = 'CoreWeave'"
sqlite3 "$kb" "UPDATE supply_deals SET notes = 'edited' WHERE id = (SELECT max(id) FROM supply_deals)"
time_it "a deal's notes changed by sqlite3, then report refresh" "$aikb" --db "$kb" report refresh
printf 'deal_id,supplier,customer,kind,value_usd,status,source_id\nwrite-cost-deal,CoreWeave,OpenAI,cloud_capacity,7000000,signed,S00\n' \
  >"$work/deal.csv"
time_it "import of one deal" "$aikb" --db "$kb" import "$work/deal.csv"
time_it "sql --write of a deal's status" \
  "$aikb" --db "$kb" sql --write "UPDATE supply_deals SET status = 'delivered' WHERE external_id = 'write-cost-deal'"
time_it "sql --write of a company's name (one with facts)" \
  "$aikb" --db "$kb" sql --write "UPDATE companies SET name = 'Lambda Labs' WHERE name = 'Lambda'"
run=$(sqlite3 "$kb" "SELECT max(id) FROM runs WHERE command LIKE 'import%' AND detail LIKE '%company.csv'")
time_it "undo of the one-company import" "$aikb" --db "$kb" undo "$run"
