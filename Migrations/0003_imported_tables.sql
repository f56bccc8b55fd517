-- Tables loaded by `aikb import --table NAME`: the user's own data, which
-- `--append` and `--replace` may change. Every other table and view belongs to
-- the knowledge base and is refused as a target, so an import can never replace
-- `companies`. Kept here rather than learnt by migrating a scratch database on
-- every `--table` run.
CREATE TABLE imported_tables (
    name       TEXT PRIMARY KEY COLLATE NOCASE,
    file       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- Tables loaded before this catalog existed: every table that no migration made.
INSERT INTO imported_tables (name, file)
SELECT name, '(loaded before migration 0003)' FROM sqlite_schema
WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND name NOT IN (
      'schema_migrations', 'sources', 'sectors', 'round_types', 'deal_kinds', 'relationship_kinds', 'companies',
      'company_aliases', 'company_external_ids', 'funding_rounds', 'round_investors', 'supply_deals',
      'relationships', 'claims', 'import_log', 'reports', 'report_columns', 'imported_tables');
