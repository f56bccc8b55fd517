#!/usr/bin/env bash
# What the history costs a bulk import (issue 13: within 10%): the same aikb binary
# imports the same Crunchbase-style export into two copies of a seeded knowledge base,
# one as aikb makes it, one with the history's triggers and created_run indexes
# dropped. Interleaved runs; prints wall time and peak memory of each, then times
# `aikb changes` and `aikb history` on the imported knowledge base.
# Usage: Benchmarks/scripts/history_cost.sh [ROUNDS_OF_DATA] [REPEATS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-1000000}
repeats=${2:-3}
data=${DATA_DIR:-/tmp/aikb-import-bench-$rounds}
[ -f "$data/investments.csv" ] || python3 "$here/generate_crunchbase.py" "$data" "$rounds"
aikb=${AIKB_BIN:-$root/.build/release/aikb}
[ -n "${AIKB_BIN:-}" ] || (cd "$root" && swift build -c release --product aikb >/dev/null)
work=$(mktemp -d)
"$aikb" --db "$work/with.sqlite" init 2>/dev/null
cp "$work/with.sqlite" "$work/without.sqlite"
sqlite3 "$work/without.sqlite" "$(sqlite3 "$work/without.sqlite" \
  "SELECT group_concat('DROP ' || type || ' ' || name, '; ') FROM sqlite_schema
   WHERE (type = 'trigger' AND (name LIKE '%\_history\_%' ESCAPE '\' OR name LIKE '%\_created\_run' ESCAPE '\'))
      OR (type = 'index' AND name LIKE '%\_by\_created\_run' ESCAPE '\')")"
files=("$data/organizations.csv" "$data/funding_rounds.csv" "$data/investments.csv")
for i in $(seq 1 "$repeats"); do
  for variant in with without; do
    rm -f "$work"/kb.sqlite*
    cp "$work/$variant.sqlite" "$work/kb.sqlite"
    sync
    /usr/bin/time -f "$variant history  %e s  peak %M KiB" "$aikb" --db "$work/kb.sqlite" import --create-missing \
      --format tsv "${files[@]}" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
    grep -E "history" "$work/err" || true
  done
done
# The last import was without history; import once more with it, for the queries.
rm -f "$work"/kb.sqlite*
cp "$work/with.sqlite" "$work/kb.sqlite"
"$aikb" --db "$work/kb.sqlite" import --create-missing --format tsv "${files[@]}" >/dev/null 2>&1
round=$(sqlite3 "$work/kb.sqlite" "SELECT external_id FROM funding_rounds ORDER BY id DESC LIMIT 1")
for query in "changes" "changes --since 3" "history funding_rounds $round"; do
  # shellcheck disable=SC2086
  /usr/bin/time -f "aikb $query  %e s" "$aikb" --db "$work/kb.sqlite" $query --format csv >/dev/null
done
rm -rf "$work"
