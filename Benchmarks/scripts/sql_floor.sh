#!/usr/bin/env bash
# The floor under any aikb import of the Crunchbase-style benchmark data: the SQL work
# alone, done set-based by SQLite from rows already loaded by `sqlite3 .import`, with
# the knowledge base's schema as it stands (unique keys; the triggers a bulk import keeps,
# search index and history, row by row, and those it defers as it does them; secondary
# indexes rebuilt and the search index built at the end, as a run's close does; the run
# recorded), foreign-key checks off, the import's 24 MiB page
# cache, no parsing, no validation, no hashing. Not in it: the loop index aikb computes
# in Swift at the end of a run (MoneyWeb). Prints the `.import` time beside it,
# measured in the same run.
# Usage: Benchmarks/scripts/sql_floor.sh [DATA_DIR]   (default /tmp/aikb-import-bench-1000000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${1:-/tmp/aikb-import-bench-1000000}
aikb=${AIKB_BIN:-$root/.build/release/aikb}
[ -n "${AIKB_BIN:-}" ] || (cd "$root" && swift build -c release --product aikb >/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s%N)
sqlite3 "$work/plain.sqlite" \
  ".import --csv $data/organizations.csv organizations" \
  ".import --csv $data/funding_rounds.csv funding_rounds" \
  ".import --csv $data/investments.csv investments"
echo "sqlite3 .import: $(( ($(date +%s%N) - start) / 1000000 )) ms"
"$aikb" --db "$work/kb.sqlite" init 2>/dev/null
indexes=$(sqlite3 "$work/kb.sqlite" "SELECT name || char(9) || sql FROM sqlite_schema WHERE type = 'index'
  AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
  AND tbl_name IN ('companies', 'company_aliases', 'company_external_ids', 'funding_rounds', 'round_investors')")
# The triggers a bulk import defers (DeferredTriggers: the company groups' and the
# created_run ones of the tables it writes), dropped and put back as it does them, with
# the same catch-up: a floor that ran them row by row would do work aikb does not.
deferred="companies_group_insert companies_created_run company_aliases_created_run company_external_ids_created_run funding_rounds_created_run round_investors_created_run"
for trigger in $deferred; do
  sqlite3 "$work/kb.sqlite" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'trigger' AND name = '$trigger'"
done >"$work/triggers.sql"
{
  echo "PRAGMA foreign_keys = OFF;"
  echo "PRAGMA cache_size = -24576;"
  echo "ATTACH '$work/plain.sqlite' AS p;"
  echo "BEGIN;"
  cut -f1 <<<"$indexes" | sed 's/.*/DROP INDEX &;/'
  for trigger in $deferred; do echo "DROP TRIGGER $trigger;"; done
  cat <<'SQL'
INSERT INTO runs (command, detail) VALUES ('floor', 'sql_floor.sh');
CREATE TEMP TABLE floor AS SELECT (SELECT max(id) FROM runs) AS run, coalesce((SELECT max(id) FROM companies), 0) AS base,
  coalesce((SELECT max(id) FROM funding_rounds), 0) AS rounds_base;
INSERT INTO sources (id, title, kind, created_run) SELECT column1, column2, 'dataset', (SELECT run FROM temp.floor)
  FROM (VALUES ('file:o', 'o'), ('file:f', 'f'), ('file:i', 'i'));
-- One company per organization (names are not unique: namesakes stay apart, as in aikb),
-- its id known from the organization's row, so that the uuid links need no name lookup.
INSERT INTO companies (id, name, kind, status, country_code, founded_on, homepage_url, description, categories, source_id, created_run)
  SELECT (SELECT base FROM temp.floor) + o.rowid, trim(name), CASE WHEN roles = 'investor' THEN 'investment_firm' ELSE 'startup' END, 'private',
         nullif(country_code, ''), nullif(founded_on, ''), nullif(homepage_url, ''), nullif(short_description, ''),
         nullif(category_list, ''), 'file:o', (SELECT run FROM temp.floor)
  FROM p.organizations o;
INSERT INTO company_external_ids (scheme, external_id, company_id, created_run)
  SELECT 'crunchbase', o.uuid, (SELECT base FROM temp.floor) + o.rowid, (SELECT run FROM temp.floor) FROM p.organizations o;
INSERT INTO funding_rounds (external_id, company_id, round_type, round_label, announced_on, amount, currency, amount_usd, source_id, created_run)
  SELECT f.uuid, e.company_id, f.investment_type, f.name, nullif(f.announced_on, ''), CAST(nullif(raised_amount, '') AS INT),
         CASE WHEN raised_amount <> '' THEN coalesce(nullif(raised_amount_currency_code, ''), 'USD') END,
         CAST(nullif(raised_amount_usd, '') AS INT), 'file:f', (SELECT run FROM temp.floor)
  FROM p.funding_rounds f JOIN company_external_ids e ON e.scheme = 'crunchbase' AND e.external_id = f.org_uuid;
INSERT INTO round_investors (round_id, investor_id, is_lead, source_id, created_run)
  SELECT r.id, e.company_id, i.is_lead_investor = 'True', 'file:i', (SELECT run FROM temp.floor)
  FROM p.investments i JOIN funding_rounds r ON r.external_id = i.funding_round_uuid
  JOIN company_external_ids e ON e.scheme = 'crunchbase' AND e.external_id = i.investor_uuid
  WHERE true ON CONFLICT DO NOTHING;
-- The deferred triggers' catch-up, as DeferredTriggers.restore runs it: the same
-- statements, copied (keep them in step; the groups' is migration 0010's fill).
DELETE FROM company_groups;
WITH RECURSIVE chain(company_id, top_id, depth) AS (
    SELECT id, id, 0 FROM companies
    UNION ALL
    SELECT chain.company_id, c.parent_id, chain.depth + 1
    FROM chain JOIN companies c ON c.id = chain.top_id
    WHERE c.parent_id IS NOT NULL AND chain.depth < 64
)
INSERT INTO company_groups (company_id, group_id, depth)
SELECT company_id, top_id, depth FROM chain
WHERE NOT EXISTS (SELECT 1 FROM companies p WHERE p.id = chain.top_id AND p.parent_id IS NOT NULL);
UPDATE companies SET created_run = (SELECT run FROM temp.floor) WHERE rowid > (SELECT base FROM temp.floor) AND created_run IS NULL;
UPDATE funding_rounds SET created_run = (SELECT run FROM temp.floor)
  WHERE rowid > (SELECT rounds_base FROM temp.floor) AND created_run IS NULL;
SQL
  cat "$work/triggers.sql"
  cut -f2 <<<"$indexes" | sed 's/$/;/'
  # The search index of the documents the triggers noted, as every run's close builds
  # it (SearchIndex.update): SQLite's FTS5 work, part of the schema since 0010.
  cat <<'SQL'
DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_pending);
INSERT INTO search_index (rowid, name, aliases, notes) SELECT doc, name, aliases, notes FROM search_pending_documents;
DELETE FROM search_pending;
SQL
  echo "UPDATE runs SET is_open = 0 WHERE id = (SELECT run FROM temp.floor);"
  echo "COMMIT;"
} > "$work/floor.sql"
start=$(date +%s%N)
[ -n "${FLOOR_TIMER:-}" ] && sed -i "1i .timer on" "$work/floor.sql"
/usr/bin/time -f "%M" -o "$work/peak" sqlite3 "$work/kb.sqlite" < "$work/floor.sql"
echo "set-based SQL floor: $(( ($(date +%s%N) - start) / 1000000 )) ms, peak $(tail -1 "$work/peak") KiB"
