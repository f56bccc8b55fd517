#!/usr/bin/env bash
# The import benchmark of issue 3: a Crunchbase-style export (organizations,
# funding_rounds, investments; 1,000,000 rounds by default) imported by aikb into a
# freshly seeded knowledge base, against `sqlite3 .import --csv` of the same files
# into plain tables. Rounds are interleaved; prints wall time and peak memory.
# Usage: Benchmarks/scripts/import_benchmark.sh [ROUNDS_OF_DATA] [REPEATS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-1000000}
repeats=${2:-3}
data=${DATA_DIR:-/tmp/aikb-import-bench-$rounds}
[ -f "$data/investments.csv" ] || python3 "$here/generate_crunchbase.py" "$data" "$rounds"
# AIKB_BIN: an aikb binary to measure instead of building one (e.g. an older build to
# compare with); SCRATCH_PATH: the build folder (default .build).
scratch=${SCRATCH_PATH:-.build}
if [ -n "${AIKB_BIN:-}" ]; then
  aikb=$AIKB_BIN
else
  (cd "$root" && swift build -c release --product aikb --scratch-path "$scratch" >/dev/null)
  aikb="$root/$scratch/release/aikb"
fi
work=$(mktemp -d)
"$aikb" --db "$work/seeded.sqlite" init 2>/dev/null
du -sh "$data"/*.csv
for i in $(seq 1 "$repeats"); do
  rm -f "$work"/plain.sqlite* "$work"/kb.sqlite*
  sync
  /usr/bin/time -f "sqlite3 .import  %e s  peak %M KiB" sqlite3 "$work/plain.sqlite" \
    ".import --csv $data/organizations.csv organizations" \
    ".import --csv $data/funding_rounds.csv funding_rounds" \
    ".import --csv $data/investments.csv investments"
  cp "$work/seeded.sqlite" "$work/kb.sqlite"
  sync
  /usr/bin/time -f "aikb import      %e s  peak %M KiB" "$aikb" --db "$work/kb.sqlite" import --format tsv \
    "$data/organizations.csv" "$data/funding_rounds.csv" "$data/investments.csv" >/dev/null
done
rm -rf "$work"
