-- History of every change to the knowledge: every update and delete of a source,
-- company, alias, external id or fact, by any import, `aikb sql --write`, undo or
-- migration, is recorded here by triggers with the run that made it, the time, and
-- the row's values before (and, for updates, after) as JSON. Inserts cost nothing
-- extra: each row says which run created it (`created_run`), and its values are the
-- row itself until a later change records them. So a bulk import of millions of new
-- rows writes no history at all, and `aikb undo` can still remove exactly its rows.
-- For the same reason a change to a row made by the run that created it is not
-- recorded: before that run the row did not exist, and undoing the run removes it.
--
-- Each table has an index on created_run: `aikb changes` and `aikb undo` find a
-- run's rows by it (a bulk import builds it once at the end, like the report indexes).
--
-- A run is one aikb command that writes: its row is open (is_open = 1) only inside
-- that command's transaction, which is where the triggers look for it. A change made
-- outside aikb (the sqlite3 shell, Datasette) is recorded with no run.

CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    -- import, import --table, sql --write, migrate, undo
    command     TEXT NOT NULL CHECK (length(command) > 0),
    -- The files, the migration, or the SQL's first line.
    detail      TEXT,
    started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at TEXT,
    is_open     INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
    -- For an undo: the run it reverted. For a reverted run: the undo that did it.
    undoes      INTEGER REFERENCES runs(id),
    undone_by   INTEGER REFERENCES runs(id)
) STRICT;

-- At most one run is open at a time (there is one writer at a time).
CREATE UNIQUE INDEX runs_open ON runs(is_open) WHERE is_open = 1;

-- The import runs recorded before this migration.
INSERT INTO runs (id, command, detail, started_at, finished_at, is_open)
SELECT run_id, 'import', group_concat(file, ' '), min(imported_at), max(imported_at), 0
FROM import_log GROUP BY run_id;

CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER REFERENCES runs(id),
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    table_name TEXT NOT NULL,
    -- The row's identity: its id, or its key columns joined (`alias`,
    -- `scheme:external_id`, `round_id/investor_id`).
    row_key    TEXT NOT NULL,
    operation  TEXT NOT NULL CHECK (operation IN ('update', 'delete')),
    -- Every stored column before the change (created_run included), as a JSON object.
    -- For tables whose key is not their rowid (sources, claims) `_rowid` keeps the
    -- rowid too, so a row undone back into place sits where it was.
    -- aikb's json_object writes a REAL with the digits that read back as the same
    -- double (SQLite's own keeps 15), so that undo restores it bit for bit.
    old_values TEXT NOT NULL,
    -- For updates, every stored column after it.
    new_values TEXT
) STRICT;

CREATE INDEX history_by_row ON history(table_name, row_key);
CREATE INDEX history_by_run ON history(run_id);

-- The tables whose changes are recorded, with the SQL that gives a row's key.
CREATE TABLE history_tables (
    name    TEXT PRIMARY KEY,
    row_key TEXT NOT NULL
) STRICT;

-- sources -------------------------------------------------------------------------
ALTER TABLE sources ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX sources_by_created_run ON sources(created_run);

CREATE TRIGGER sources_history_update AFTER UPDATE OF id, title, publisher, author, url, published_on, language, kind, reliability, content_sha256, notes ON sources
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title OR OLD.publisher IS NOT NEW.publisher OR
    OLD.author IS NOT NEW.author OR OLD.url IS NOT NEW.url OR
    OLD.published_on IS NOT NEW.published_on OR OLD.language IS NOT NEW.language OR
    OLD.kind IS NOT NEW.kind OR OLD.reliability IS NOT NEW.reliability OR
    OLD.content_sha256 IS NOT NEW.content_sha256 OR OLD.notes IS NOT NEW.notes)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'sources', OLD.id, 'update',
        json_object('_rowid', OLD.rowid, 'id', OLD.id, 'title', OLD.title, 'publisher', OLD.publisher, 'author', OLD.author,
        'url', OLD.url, 'published_on', OLD.published_on, 'language', OLD.language,
        'kind', OLD.kind, 'reliability', OLD.reliability, 'content_sha256', OLD.content_sha256,
        'notes', OLD.notes, 'created_run', OLD.created_run),
        json_object('_rowid', NEW.rowid, 'id', NEW.id, 'title', NEW.title, 'publisher', NEW.publisher, 'author', NEW.author,
        'url', NEW.url, 'published_on', NEW.published_on, 'language', NEW.language,
        'kind', NEW.kind, 'reliability', NEW.reliability, 'content_sha256', NEW.content_sha256,
        'notes', NEW.notes, 'created_run', NEW.created_run));
END;

CREATE TRIGGER sources_history_delete AFTER DELETE ON sources
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'sources', OLD.id, 'delete',
        json_object('_rowid', OLD.rowid, 'id', OLD.id, 'title', OLD.title, 'publisher', OLD.publisher, 'author', OLD.author,
        'url', OLD.url, 'published_on', OLD.published_on, 'language', OLD.language,
        'kind', OLD.kind, 'reliability', OLD.reliability, 'content_sha256', OLD.content_sha256,
        'notes', OLD.notes, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER sources_created_run AFTER INSERT ON sources WHEN NEW.created_run IS NULL
BEGIN
    UPDATE sources SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- companies -----------------------------------------------------------------------
ALTER TABLE companies ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX companies_by_created_run ON companies(created_run);

CREATE TRIGGER companies_history_update AFTER UPDATE OF id, name, kind, sector_id, country_code, founded_on, origin, status, ipo_on, homepage_url, description, categories, parent_id, source_id, notes ON companies
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.kind IS NOT NEW.kind OR
    OLD.sector_id IS NOT NEW.sector_id OR OLD.country_code IS NOT NEW.country_code OR
    OLD.founded_on IS NOT NEW.founded_on OR OLD.origin IS NOT NEW.origin OR
    OLD.status IS NOT NEW.status OR OLD.ipo_on IS NOT NEW.ipo_on OR
    OLD.homepage_url IS NOT NEW.homepage_url OR OLD.description IS NOT NEW.description OR
    OLD.categories IS NOT NEW.categories OR OLD.parent_id IS NOT NEW.parent_id OR
    OLD.source_id IS NOT NEW.source_id OR OLD.notes IS NOT NEW.notes)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'companies', CAST(OLD.id AS TEXT), 'update',
        json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'sector_id', OLD.sector_id,
        'country_code', OLD.country_code, 'founded_on', OLD.founded_on, 'origin', OLD.origin,
        'status', OLD.status, 'ipo_on', OLD.ipo_on, 'homepage_url', OLD.homepage_url,
        'description', OLD.description, 'categories', OLD.categories, 'parent_id', OLD.parent_id,
        'source_id', OLD.source_id, 'notes', OLD.notes, 'created_run', OLD.created_run),
        json_object('id', NEW.id, 'name', NEW.name, 'kind', NEW.kind, 'sector_id', NEW.sector_id,
        'country_code', NEW.country_code, 'founded_on', NEW.founded_on, 'origin', NEW.origin,
        'status', NEW.status, 'ipo_on', NEW.ipo_on, 'homepage_url', NEW.homepage_url,
        'description', NEW.description, 'categories', NEW.categories, 'parent_id', NEW.parent_id,
        'source_id', NEW.source_id, 'notes', NEW.notes, 'created_run', NEW.created_run));
END;

CREATE TRIGGER companies_history_delete AFTER DELETE ON companies
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'companies', CAST(OLD.id AS TEXT), 'delete',
        json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'sector_id', OLD.sector_id,
        'country_code', OLD.country_code, 'founded_on', OLD.founded_on, 'origin', OLD.origin,
        'status', OLD.status, 'ipo_on', OLD.ipo_on, 'homepage_url', OLD.homepage_url,
        'description', OLD.description, 'categories', OLD.categories, 'parent_id', OLD.parent_id,
        'source_id', OLD.source_id, 'notes', OLD.notes, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER companies_created_run AFTER INSERT ON companies WHEN NEW.created_run IS NULL
BEGIN
    UPDATE companies SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- company_aliases -----------------------------------------------------------------
ALTER TABLE company_aliases ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX company_aliases_by_created_run ON company_aliases(created_run);

CREATE TRIGGER company_aliases_history_update AFTER UPDATE OF alias, company_id ON company_aliases
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.alias IS NOT NEW.alias OR OLD.company_id IS NOT NEW.company_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'company_aliases', OLD.alias, 'update',
        json_object('alias', OLD.alias, 'company_id', OLD.company_id, 'created_run', OLD.created_run),
        json_object('alias', NEW.alias, 'company_id', NEW.company_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER company_aliases_history_delete AFTER DELETE ON company_aliases
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'company_aliases', OLD.alias, 'delete',
        json_object('alias', OLD.alias, 'company_id', OLD.company_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER company_aliases_created_run AFTER INSERT ON company_aliases WHEN NEW.created_run IS NULL
BEGIN
    UPDATE company_aliases SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE alias = NEW.alias;
END;

-- company_external_ids ------------------------------------------------------------
ALTER TABLE company_external_ids ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX company_external_ids_by_created_run ON company_external_ids(created_run);

CREATE TRIGGER company_external_ids_history_update AFTER UPDATE OF scheme, external_id, company_id ON company_external_ids
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.scheme IS NOT NEW.scheme OR OLD.external_id IS NOT NEW.external_id OR
    OLD.company_id IS NOT NEW.company_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'company_external_ids', OLD.scheme || ':' || OLD.external_id, 'update',
        json_object('scheme', OLD.scheme, 'external_id', OLD.external_id, 'company_id', OLD.company_id, 'created_run', OLD.created_run),
        json_object('scheme', NEW.scheme, 'external_id', NEW.external_id, 'company_id', NEW.company_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER company_external_ids_history_delete AFTER DELETE ON company_external_ids
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'company_external_ids', OLD.scheme || ':' || OLD.external_id, 'delete',
        json_object('scheme', OLD.scheme, 'external_id', OLD.external_id, 'company_id', OLD.company_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER company_external_ids_created_run AFTER INSERT ON company_external_ids WHEN NEW.created_run IS NULL
BEGIN
    UPDATE company_external_ids SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE scheme = NEW.scheme AND external_id = NEW.external_id;
END;

-- funding_rounds ------------------------------------------------------------------
ALTER TABLE funding_rounds ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX funding_rounds_by_created_run ON funding_rounds(created_run);

CREATE TRIGGER funding_rounds_history_update AFTER UPDATE OF id, company_id, round_type, round_label, announced_on, amount, currency, amount_usd, amount_status, amount_min_usd, amount_max_usd, post_money_valuation_usd, valuation_status, external_id, source_id, notes, status, confidence ON funding_rounds
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.company_id IS NOT NEW.company_id OR
    OLD.round_type IS NOT NEW.round_type OR OLD.round_label IS NOT NEW.round_label OR
    OLD.announced_on IS NOT NEW.announced_on OR OLD.amount IS NOT NEW.amount OR
    OLD.currency IS NOT NEW.currency OR OLD.amount_usd IS NOT NEW.amount_usd OR
    OLD.amount_status IS NOT NEW.amount_status OR
    OLD.amount_min_usd IS NOT NEW.amount_min_usd OR
    OLD.amount_max_usd IS NOT NEW.amount_max_usd OR
    OLD.post_money_valuation_usd IS NOT NEW.post_money_valuation_usd OR
    OLD.valuation_status IS NOT NEW.valuation_status OR
    OLD.external_id IS NOT NEW.external_id OR OLD.source_id IS NOT NEW.source_id OR
    OLD.notes IS NOT NEW.notes OR OLD.status IS NOT NEW.status OR
    OLD.confidence IS NOT NEW.confidence)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'funding_rounds', CAST(OLD.id AS TEXT), 'update',
        json_object('id', OLD.id, 'company_id', OLD.company_id, 'round_type', OLD.round_type,
        'round_label', OLD.round_label, 'announced_on', OLD.announced_on, 'amount', OLD.amount,
        'currency', OLD.currency, 'amount_usd', OLD.amount_usd, 'amount_status', OLD.amount_status,
        'amount_min_usd', OLD.amount_min_usd, 'amount_max_usd', OLD.amount_max_usd,
        'post_money_valuation_usd', OLD.post_money_valuation_usd,
        'valuation_status', OLD.valuation_status, 'external_id', OLD.external_id,
        'source_id', OLD.source_id, 'notes', OLD.notes, 'status', OLD.status,
        'confidence', OLD.confidence, 'created_run', OLD.created_run),
        json_object('id', NEW.id, 'company_id', NEW.company_id, 'round_type', NEW.round_type,
        'round_label', NEW.round_label, 'announced_on', NEW.announced_on, 'amount', NEW.amount,
        'currency', NEW.currency, 'amount_usd', NEW.amount_usd, 'amount_status', NEW.amount_status,
        'amount_min_usd', NEW.amount_min_usd, 'amount_max_usd', NEW.amount_max_usd,
        'post_money_valuation_usd', NEW.post_money_valuation_usd,
        'valuation_status', NEW.valuation_status, 'external_id', NEW.external_id,
        'source_id', NEW.source_id, 'notes', NEW.notes, 'status', NEW.status,
        'confidence', NEW.confidence, 'created_run', NEW.created_run));
END;

CREATE TRIGGER funding_rounds_history_delete AFTER DELETE ON funding_rounds
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'funding_rounds', CAST(OLD.id AS TEXT), 'delete',
        json_object('id', OLD.id, 'company_id', OLD.company_id, 'round_type', OLD.round_type,
        'round_label', OLD.round_label, 'announced_on', OLD.announced_on, 'amount', OLD.amount,
        'currency', OLD.currency, 'amount_usd', OLD.amount_usd, 'amount_status', OLD.amount_status,
        'amount_min_usd', OLD.amount_min_usd, 'amount_max_usd', OLD.amount_max_usd,
        'post_money_valuation_usd', OLD.post_money_valuation_usd,
        'valuation_status', OLD.valuation_status, 'external_id', OLD.external_id,
        'source_id', OLD.source_id, 'notes', OLD.notes, 'status', OLD.status,
        'confidence', OLD.confidence, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER funding_rounds_created_run AFTER INSERT ON funding_rounds WHEN NEW.created_run IS NULL
BEGIN
    UPDATE funding_rounds SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- round_investors -----------------------------------------------------------------
ALTER TABLE round_investors ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX round_investors_by_created_run ON round_investors(created_run);

CREATE TRIGGER round_investors_history_update AFTER UPDATE OF round_id, investor_id, is_lead, lead_disputed, amount_usd, amount_status, share_pct, source_id, notes ON round_investors
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.round_id IS NOT NEW.round_id OR OLD.investor_id IS NOT NEW.investor_id OR
    OLD.is_lead IS NOT NEW.is_lead OR OLD.lead_disputed IS NOT NEW.lead_disputed OR
    OLD.amount_usd IS NOT NEW.amount_usd OR OLD.amount_status IS NOT NEW.amount_status OR
    OLD.share_pct IS NOT NEW.share_pct OR OLD.source_id IS NOT NEW.source_id OR
    OLD.notes IS NOT NEW.notes)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'round_investors', OLD.round_id || '/' || OLD.investor_id, 'update',
        json_object('round_id', OLD.round_id, 'investor_id', OLD.investor_id, 'is_lead', OLD.is_lead,
        'lead_disputed', OLD.lead_disputed, 'amount_usd', OLD.amount_usd,
        'amount_status', OLD.amount_status, 'share_pct', OLD.share_pct, 'source_id', OLD.source_id,
        'notes', OLD.notes, 'created_run', OLD.created_run),
        json_object('round_id', NEW.round_id, 'investor_id', NEW.investor_id, 'is_lead', NEW.is_lead,
        'lead_disputed', NEW.lead_disputed, 'amount_usd', NEW.amount_usd,
        'amount_status', NEW.amount_status, 'share_pct', NEW.share_pct, 'source_id', NEW.source_id,
        'notes', NEW.notes, 'created_run', NEW.created_run));
END;

CREATE TRIGGER round_investors_history_delete AFTER DELETE ON round_investors
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'round_investors', OLD.round_id || '/' || OLD.investor_id, 'delete',
        json_object('round_id', OLD.round_id, 'investor_id', OLD.investor_id, 'is_lead', OLD.is_lead,
        'lead_disputed', OLD.lead_disputed, 'amount_usd', OLD.amount_usd,
        'amount_status', OLD.amount_status, 'share_pct', OLD.share_pct, 'source_id', OLD.source_id,
        'notes', OLD.notes, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER round_investors_created_run AFTER INSERT ON round_investors WHEN NEW.created_run IS NULL
BEGIN
    UPDATE round_investors SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE round_id = NEW.round_id AND investor_id = NEW.investor_id;
END;

-- supply_deals --------------------------------------------------------------------
ALTER TABLE supply_deals ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX supply_deals_by_created_run ON supply_deals(created_run);

CREATE TRIGGER supply_deals_history_update AFTER UPDATE OF id, supplier_id, customer_id, kind, deal_label, gpu_model, gpu_count, power_mw, value_usd, value_status, value_min_usd, value_max_usd, term_months, announced_on, terms, status, external_id, source_id, notes, overlaps_deal_id ON supply_deals
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.supplier_id IS NOT NEW.supplier_id OR
    OLD.customer_id IS NOT NEW.customer_id OR OLD.kind IS NOT NEW.kind OR
    OLD.deal_label IS NOT NEW.deal_label OR OLD.gpu_model IS NOT NEW.gpu_model OR
    OLD.gpu_count IS NOT NEW.gpu_count OR OLD.power_mw IS NOT NEW.power_mw OR
    OLD.value_usd IS NOT NEW.value_usd OR OLD.value_status IS NOT NEW.value_status OR
    OLD.value_min_usd IS NOT NEW.value_min_usd OR OLD.value_max_usd IS NOT NEW.value_max_usd OR
    OLD.term_months IS NOT NEW.term_months OR OLD.announced_on IS NOT NEW.announced_on OR
    OLD.terms IS NOT NEW.terms OR OLD.status IS NOT NEW.status OR
    OLD.external_id IS NOT NEW.external_id OR OLD.source_id IS NOT NEW.source_id OR
    OLD.notes IS NOT NEW.notes OR OLD.overlaps_deal_id IS NOT NEW.overlaps_deal_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'supply_deals', CAST(OLD.id AS TEXT), 'update',
        json_object('id', OLD.id, 'supplier_id', OLD.supplier_id, 'customer_id', OLD.customer_id,
        'kind', OLD.kind, 'deal_label', OLD.deal_label, 'gpu_model', OLD.gpu_model,
        'gpu_count', OLD.gpu_count, 'power_mw', OLD.power_mw, 'value_usd', OLD.value_usd,
        'value_status', OLD.value_status, 'value_min_usd', OLD.value_min_usd,
        'value_max_usd', OLD.value_max_usd, 'term_months', OLD.term_months,
        'announced_on', OLD.announced_on, 'terms', OLD.terms, 'status', OLD.status,
        'external_id', OLD.external_id, 'source_id', OLD.source_id, 'notes', OLD.notes,
        'overlaps_deal_id', OLD.overlaps_deal_id, 'created_run', OLD.created_run),
        json_object('id', NEW.id, 'supplier_id', NEW.supplier_id, 'customer_id', NEW.customer_id,
        'kind', NEW.kind, 'deal_label', NEW.deal_label, 'gpu_model', NEW.gpu_model,
        'gpu_count', NEW.gpu_count, 'power_mw', NEW.power_mw, 'value_usd', NEW.value_usd,
        'value_status', NEW.value_status, 'value_min_usd', NEW.value_min_usd,
        'value_max_usd', NEW.value_max_usd, 'term_months', NEW.term_months,
        'announced_on', NEW.announced_on, 'terms', NEW.terms, 'status', NEW.status,
        'external_id', NEW.external_id, 'source_id', NEW.source_id, 'notes', NEW.notes,
        'overlaps_deal_id', NEW.overlaps_deal_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER supply_deals_history_delete AFTER DELETE ON supply_deals
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'supply_deals', CAST(OLD.id AS TEXT), 'delete',
        json_object('id', OLD.id, 'supplier_id', OLD.supplier_id, 'customer_id', OLD.customer_id,
        'kind', OLD.kind, 'deal_label', OLD.deal_label, 'gpu_model', OLD.gpu_model,
        'gpu_count', OLD.gpu_count, 'power_mw', OLD.power_mw, 'value_usd', OLD.value_usd,
        'value_status', OLD.value_status, 'value_min_usd', OLD.value_min_usd,
        'value_max_usd', OLD.value_max_usd, 'term_months', OLD.term_months,
        'announced_on', OLD.announced_on, 'terms', OLD.terms, 'status', OLD.status,
        'external_id', OLD.external_id, 'source_id', OLD.source_id, 'notes', OLD.notes,
        'overlaps_deal_id', OLD.overlaps_deal_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER supply_deals_created_run AFTER INSERT ON supply_deals WHEN NEW.created_run IS NULL
BEGIN
    UPDATE supply_deals SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- relationships -------------------------------------------------------------------
ALTER TABLE relationships ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX relationships_by_created_run ON relationships(created_run);

CREATE TRIGGER relationships_history_update AFTER UPDATE OF id, from_id, to_id, kind, since, until, amount_usd, note, source_id ON relationships
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.from_id IS NOT NEW.from_id OR OLD.to_id IS NOT NEW.to_id OR
    OLD.kind IS NOT NEW.kind OR OLD.since IS NOT NEW.since OR OLD.until IS NOT NEW.until OR
    OLD.amount_usd IS NOT NEW.amount_usd OR OLD.note IS NOT NEW.note OR
    OLD.source_id IS NOT NEW.source_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'relationships', CAST(OLD.id AS TEXT), 'update',
        json_object('id', OLD.id, 'from_id', OLD.from_id, 'to_id', OLD.to_id, 'kind', OLD.kind,
        'since', OLD.since, 'until', OLD.until, 'amount_usd', OLD.amount_usd, 'note', OLD.note,
        'source_id', OLD.source_id, 'created_run', OLD.created_run),
        json_object('id', NEW.id, 'from_id', NEW.from_id, 'to_id', NEW.to_id, 'kind', NEW.kind,
        'since', NEW.since, 'until', NEW.until, 'amount_usd', NEW.amount_usd, 'note', NEW.note,
        'source_id', NEW.source_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER relationships_history_delete AFTER DELETE ON relationships
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'relationships', CAST(OLD.id AS TEXT), 'delete',
        json_object('id', OLD.id, 'from_id', OLD.from_id, 'to_id', OLD.to_id, 'kind', OLD.kind,
        'since', OLD.since, 'until', OLD.until, 'amount_usd', OLD.amount_usd, 'note', OLD.note,
        'source_id', OLD.source_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER relationships_created_run AFTER INSERT ON relationships WHEN NEW.created_run IS NULL
BEGIN
    UPDATE relationships SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- claims --------------------------------------------------------------------------
ALTER TABLE claims ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX claims_by_created_run ON claims(created_run);

CREATE TRIGGER claims_history_update AFTER UPDATE OF id, subject_id, metric, value, value_text, unit, period_start, period_end, scope, statement, status, source_id, notes, counterparty_id ON claims
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.subject_id IS NOT NEW.subject_id OR OLD.metric IS NOT NEW.metric OR
    OLD.value IS NOT NEW.value OR OLD.value_text IS NOT NEW.value_text OR
    OLD.unit IS NOT NEW.unit OR OLD.period_start IS NOT NEW.period_start OR
    OLD.period_end IS NOT NEW.period_end OR OLD.scope IS NOT NEW.scope OR
    OLD.statement IS NOT NEW.statement OR OLD.status IS NOT NEW.status OR
    OLD.source_id IS NOT NEW.source_id OR OLD.notes IS NOT NEW.notes OR
    OLD.counterparty_id IS NOT NEW.counterparty_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'claims', OLD.id, 'update',
        json_object('_rowid', OLD.rowid, 'id', OLD.id, 'subject_id', OLD.subject_id, 'metric', OLD.metric, 'value', OLD.value,
        'value_text', OLD.value_text, 'unit', OLD.unit, 'period_start', OLD.period_start,
        'period_end', OLD.period_end, 'scope', OLD.scope, 'statement', OLD.statement,
        'status', OLD.status, 'source_id', OLD.source_id, 'notes', OLD.notes,
        'counterparty_id', OLD.counterparty_id, 'created_run', OLD.created_run),
        json_object('_rowid', NEW.rowid, 'id', NEW.id, 'subject_id', NEW.subject_id, 'metric', NEW.metric, 'value', NEW.value,
        'value_text', NEW.value_text, 'unit', NEW.unit, 'period_start', NEW.period_start,
        'period_end', NEW.period_end, 'scope', NEW.scope, 'statement', NEW.statement,
        'status', NEW.status, 'source_id', NEW.source_id, 'notes', NEW.notes,
        'counterparty_id', NEW.counterparty_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER claims_history_delete AFTER DELETE ON claims
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'claims', OLD.id, 'delete',
        json_object('_rowid', OLD.rowid, 'id', OLD.id, 'subject_id', OLD.subject_id, 'metric', OLD.metric, 'value', OLD.value,
        'value_text', OLD.value_text, 'unit', OLD.unit, 'period_start', OLD.period_start,
        'period_end', OLD.period_end, 'scope', OLD.scope, 'statement', OLD.statement,
        'status', OLD.status, 'source_id', OLD.source_id, 'notes', OLD.notes,
        'counterparty_id', OLD.counterparty_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER claims_created_run AFTER INSERT ON claims WHEN NEW.created_run IS NULL
BEGIN
    UPDATE claims SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- round_sources -------------------------------------------------------------------
ALTER TABLE round_sources ADD COLUMN created_run INTEGER REFERENCES runs(id);
CREATE INDEX round_sources_by_created_run ON round_sources(created_run);

CREATE TRIGGER round_sources_history_update AFTER UPDATE OF round_id, source_id, role, amount_usd, note ON round_sources
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.round_id IS NOT NEW.round_id OR OLD.source_id IS NOT NEW.source_id OR
    OLD.role IS NOT NEW.role OR OLD.amount_usd IS NOT NEW.amount_usd OR OLD.note IS NOT NEW.note)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'round_sources', OLD.round_id || '/' || OLD.source_id, 'update',
        json_object('round_id', OLD.round_id, 'source_id', OLD.source_id, 'role', OLD.role,
        'amount_usd', OLD.amount_usd, 'note', OLD.note, 'created_run', OLD.created_run),
        json_object('round_id', NEW.round_id, 'source_id', NEW.source_id, 'role', NEW.role,
        'amount_usd', NEW.amount_usd, 'note', NEW.note, 'created_run', NEW.created_run));
END;

CREATE TRIGGER round_sources_history_delete AFTER DELETE ON round_sources
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'round_sources', OLD.round_id || '/' || OLD.source_id, 'delete',
        json_object('round_id', OLD.round_id, 'source_id', OLD.source_id, 'role', OLD.role,
        'amount_usd', OLD.amount_usd, 'note', OLD.note, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER round_sources_created_run AFTER INSERT ON round_sources WHEN NEW.created_run IS NULL
BEGIN
    UPDATE round_sources SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE round_id = NEW.round_id AND source_id = NEW.source_id;
END;

INSERT INTO history_tables (name, row_key) VALUES
    ('sources', 'id'),
    ('companies', 'CAST(id AS TEXT)'),
    ('company_aliases', 'alias'),
    ('company_external_ids', 'scheme || '':'' || external_id'),
    ('funding_rounds', 'CAST(id AS TEXT)'),
    ('round_investors', 'round_id || ''/'' || investor_id'),
    ('supply_deals', 'CAST(id AS TEXT)'),
    ('relationships', 'CAST(id AS TEXT)'),
    ('claims', 'id'),
    ('round_sources', 'round_id || ''/'' || source_id');
