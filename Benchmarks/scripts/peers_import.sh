#!/usr/bin/env bash
# aikb's import beside the tools its users would otherwise reach for, on the same
# Crunchbase-style files, one after the other in one run: `sqlite3 .import --csv` and
# `sqlite-utils insert --csv` (each loading the three files into plain tables, unchecked,
# sqlite-utils guessing column types, its default), and aikb importing
# them with every check into a freshly seeded knowledge base. Prints wall time and peak
# memory of each, and aikb's ratio to each.
# Usage: Benchmarks/scripts/peers_import.sh [ROUNDS_OF_DATA]   (default 200000;
# AIKB_BIN: the binary, DATA_DIR: the files)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-200000}
data=${DATA_DIR:-/tmp/aikb-import-bench-$rounds}
[ -f "$data/investments.csv" ] || python3 "$here/generate_crunchbase.py" "$data" "$rounds"
aikb=${AIKB_BIN:-$root/.build/release/aikb}
[ -x "$aikb" ] || (cd "$root" && swift build -c release --static-swift-stdlib --product aikb >/dev/null)
# sqlite-utils as a command, or as a module where pip put it in the user's site.
if command -v sqlite-utils >/dev/null; then sqlite_utils="sqlite-utils"
elif python3 -c 'import sqlite_utils' 2>/dev/null; then sqlite_utils="python3 -m sqlite_utils"
else echo "peers_import.sh: sqlite-utils is not installed (python3 -m pip install sqlite-utils)" >&2; exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=("$data/organizations.csv" "$data/funding_rounds.csv" "$data/investments.csv")
"$aikb" --db "$work/seeded.sqlite" init 2>/dev/null

# measure LABEL COMMAND...: wall seconds and peak KiB into $work/LABEL.
measure() {
  local label=$1; shift
  sync
  /usr/bin/time -f "%e %M" -o "$work/$label.time" "$@" > /dev/null 2> "$work/$label.err" || { cat "$work/$label.err" >&2; exit 1; }
  read -r seconds peak < <(tail -1 "$work/$label.time")
  printf '%-28s %8.2f s  peak %6d KiB\n' "$label" "$seconds" "$peak"
  echo "$seconds" > "$work/$label.seconds"
}
measure "sqlite3 .import" sqlite3 "$work/plain.sqlite" \
  ".import --csv ${files[0]} organizations" ".import --csv ${files[1]} funding_rounds" ".import --csv ${files[2]} investments"
# One process per file, as its users run it: the time and peak cover all three.
measure "sqlite-utils insert --csv" bash -c \
  'set -e; tool=$1 db=$2; shift 2; for table in organizations funding_rounds investments; do $tool insert "$db" "$table" "$1" --csv; shift; done' \
  _ "$sqlite_utils" "$work/utils.sqlite" "${files[@]}"
# The same rows in both, or the comparison is not of the same work.
for table in organizations funding_rounds investments; do
  plain=$(sqlite3 "$work/plain.sqlite" "SELECT count(*) FROM $table")
  utils=$(sqlite3 "$work/utils.sqlite" "SELECT count(*) FROM $table")
  [ "$plain" = "$utils" ] || { echo "peers_import.sh: $table: sqlite3 loaded $plain rows, sqlite-utils $utils" >&2; exit 1; }
done
cp "$work/seeded.sqlite" "$work/kb.sqlite"
measure "aikb import" "$aikb" --db "$work/kb.sqlite" import --format tsv "${files[@]}"
ratio() { awk -v a="$(cat "$work/$1.seconds")" -v b="$(cat "$work/$2.seconds")" 'BEGIN { printf "%.2f\n", a / b }'; }
echo "aikb / sqlite3 .import:           $(ratio "aikb import" "sqlite3 .import")"
echo "sqlite-utils insert --csv / aikb: $(ratio "sqlite-utils insert --csv" "aikb import")"
