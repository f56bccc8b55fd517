#!/usr/bin/env bash
# How cost grows (issue 15): at each size, a Crunchbase-style export (ROUNDS rounds,
# ROUNDS/2 organizations, 2.5 x ROUNDS investments) imported by aikb into a freshly
# seeded knowledge base (wall time, peak memory) beside `sqlite3 .import` of the same
# files, then every built-in report run on the result (aikb report run NAME --format
# csv > /dev/null, whole process). Appends one line per measurement to OUT (TSV:
# rounds, what, seconds, peak KiB); growth_chart.py draws the chart from it.
# Usage: Benchmarks/scripts/growth.sh OUT.tsv ROUNDS...   (AIKB_BIN: the binary;
# GROWTH_REPORTS: the reports to run at each size, default every built-in one, "none"
# for the import alone; GROWTH_FLOOR=1: also the set-based floor of sql_floor.sh, its
# SQL step alone, as "set-based floor"). Sizes may repeat: `250000 500000 250000 500000`
# measures each twice, round-robin, and growth_chart.py takes each size's median.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?usage: growth.sh OUT.tsv ROUNDS...}; shift
aikb=${AIKB_BIN:-$root/.build/release/aikb}
[ -x "$aikb" ] || (cd "$root" && swift build -c release --static-swift-stdlib --product aikb >/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$aikb" --db "$work/seeded.sqlite" init 2>/dev/null
reports=${GROWTH_REPORTS:-$(sqlite3 "$work/seeded.sqlite" "SELECT name FROM reports WHERE builtin = 1 ORDER BY name")}
[ "$reports" != none ] || reports=
# measure ROUNDS WHAT COMMAND...: one run, wall seconds and peak KiB appended to OUT.
measure() {
  local rounds=$1 what=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r seconds peak < <(tail -1 "$work/time")
  printf '%s\t%s\t%s\t%s\n' "$rounds" "$what" "$seconds" "$peak" | tee -a "$out"
}
for rounds in "$@"; do
  data=${DATA_ROOT:-/tmp}/aikb-import-bench-$rounds
  [ -f "$data/investments.csv" ] || python3 "$here/generate_crunchbase.py" "$data" "$rounds"
  files=("$data/organizations.csv" "$data/funding_rounds.csv" "$data/investments.csv")
  rm -f "$work"/plain.sqlite*; sync
  measure "$rounds" "sqlite3 .import" sqlite3 "$work/plain.sqlite" \
    ".import --csv ${files[0]} organizations" ".import --csv ${files[1]} funding_rounds" ".import --csv ${files[2]} investments"
  rm -f "$work"/plain.sqlite* "$work"/kb.sqlite*
  cp "$work/seeded.sqlite" "$work/kb.sqlite"; sync
  measure "$rounds" "aikb import" "$aikb" --db "$work/kb.sqlite" import --format tsv "${files[@]}"
  if [ "${GROWTH_FLOOR:-}" = 1 ]; then
    floor=$(AIKB_BIN=$aikb "$here/sql_floor.sh" "$data" | sed -n 's/^set-based SQL floor: \([0-9]*\) ms, peak \([0-9]*\) KiB$/\1 \2/p')
    [ -n "$floor" ] || { echo "sql_floor.sh gave no figure" >&2; exit 1; }
    read -r ms peak <<<"$floor"
    printf '%s\t%s\t%s\t%s\n' "$rounds" "set-based floor" "$(awk -v m="$ms" 'BEGIN { printf "%.2f", m / 1000 }')" "$peak" | tee -a "$out"
  fi
  for report in $reports; do
    measure "$rounds" "report $report" "$aikb" --db "$work/kb.sqlite" report run "$report" --format csv
  done
done
