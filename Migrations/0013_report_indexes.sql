-- aikb: schema edit
-- Report indexes: the three reports over every group that no view answers in under a
-- second at Crunchbase scale (1M companies, 2M rounds, 5M participations, 100,000
-- deals: circular_financing_flows 2.5 s, investor_activity 1.6 s, concentration
-- 1.5 s) read a table that aikb fills from their SQL at the end of every run that
-- changes the tables they are made of, as it does the loop index (MoneyWeb.refresh).
-- circular_financing, which sums circular_financing_flows, reads the index through it.
--
-- Each report's SQL stays, under the name NAME_computed: the same rows, computed on
-- reading (`SELECT * FROM investor_activity_computed` is what investor_activity held
-- at the last refresh). A change made outside aikb (sqlite3, Datasette) reaches the
-- reports at the next aikb write or `aikb report refresh`, and `aikb report run`
-- says on stderr when they are behind.
--
-- SQLite cannot rename a view (ALTER TABLE refuses views), and dropping and creating
-- each again would copy some 250 lines of SQL that 0010 and 0011 hold. So, by the
-- procedure of 0012 (the first line above), the view's row in sqlite_schema is copied
-- under the new name and the old row's text replaced by a view of the index table.
-- Nothing stored changes: a view has no rows. A view replaced by hand is not copied
-- when its text does not begin as aikb wrote it, and the refresh at the end of this
-- migration then fails on the missing NAME_computed (or, copied, on columns other than
-- the index table's) and rolls the migration back.

-- 1. The index tables, their catalog, their documentation -----------------------------

-- Which table is filled from which view, in the order the refresh fills them; the
-- knowledge tables the view reads (those with history: a test compares the list with
-- what SQLite's authorizer sees the view read); and what they looked like when it was
-- last filled (MoneyWeb's signature: highest rowids, row counts of tables without one,
-- the newest history row), so that a write refills only the indexes it concerns. The
-- catalogs (deal_kinds, money_flow_kinds, ...) are not watched, as for the loop index:
-- a migration that changes one sets signature to NULL.
CREATE TABLE report_indexes (
    index_table   TEXT PRIMARY KEY CHECK (length(index_table) > 0),
    report        TEXT NOT NULL UNIQUE REFERENCES reports(name),
    computed_from TEXT NOT NULL UNIQUE CHECK (length(computed_from) > 0),
    reads         TEXT NOT NULL CHECK (length(reads) > 0),
    signature     TEXT,
    history_id    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The columns of each report, in its order, declared as the view declares them (a
-- column it reads from a table has that table's type, an expression none), so that
-- values compare as they did in the view: not STRICT, which has no column without a
-- type. Company names compare ignoring case, as companies.name does. The report's
-- order is its view's ORDER BY, as the computed view has it.
CREATE TABLE circular_financing_flows_index (
    hub TEXT COLLATE NOCASE, company TEXT COLLATE NOCASE, flow, kind, amount_usd INTEGER, amount_status, status,
    counted, announced_on TEXT, fact, source_id TEXT
);
-- circular_financing groups by hub and company; --where hub=... reads one hub's rows.
CREATE INDEX circular_financing_flows_index_by_hub ON circular_financing_flows_index(hub, company);

CREATE TABLE investor_activity_index (
    investor TEXT COLLATE NOCASE, investor_kind TEXT, rounds_in_window, led_in_window, window_start, window_end
);
CREATE INDEX investor_activity_index_by_investor ON investor_activity_index(investor);

CREATE TABLE concentration_index (
    provider TEXT COLLATE NOCASE, customer TEXT COLLATE NOCASE, contracted_usd, provider_contracted_usd, share, deals,
    deals_without_value, customer_is_investee, customer_is_investor, claims, drill_down
);
CREATE INDEX concentration_index_by_provider ON concentration_index(provider);
CREATE INDEX concentration_index_by_customer ON concentration_index(customer);

INSERT INTO report_indexes (index_table, report, computed_from, reads) VALUES
    ('circular_financing_flows_index', 'circular_financing_flows', 'circular_financing_flows_computed',
     'companies funding_rounds round_investors supply_deals relationships'),
    ('investor_activity_index', 'investor_activity', 'investor_activity_computed', 'companies funding_rounds round_investors'),
    ('concentration_index', 'concentration', 'concentration_computed', 'companies funding_rounds round_investors supply_deals claims');

INSERT INTO table_docs (name, title, description) VALUES
    ('report_indexes', 'Report indexes', 'Tables that hold a report''s rows, filled by aikb from the view named in computed_from at the end of every run that changes what the report is made of. Derived.'),
    ('circular_financing_flows_index', 'Circular financing flows (index)', 'The rows of circular_financing_flows_computed as of the last refresh; circular_financing_flows reads it. Derived.'),
    ('investor_activity_index', 'Investor activity (index)', 'The rows of investor_activity_computed as of the last refresh; investor_activity reads it. Derived.'),
    ('concentration_index', 'Supplier concentration (index)', 'The rows of concentration_computed as of the last refresh; concentration reads it. Derived.');

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('report_indexes', 'index_table', 'The table that holds the rows', NULL),
    ('report_indexes', 'report', 'The report whose rows it holds', NULL),
    ('report_indexes', 'computed_from', 'The view that computes them', NULL),
    ('report_indexes', 'reads', 'The knowledge tables the view reads, separated by spaces', 'text'),
    ('report_indexes', 'signature', 'What those tables looked like when the index was last filled (NULL: never)', 'text'),
    ('report_indexes', 'history_id', 'The newest history row then', NULL);

-- Each index column is documented as the report's column is.
INSERT INTO table_columns (table_name, column_name, description, unit)
SELECT i.index_table, c.name, c.description, c.unit
FROM report_indexes i
JOIN report_columns c ON c.report = i.report;

-- 2. The views -------------------------------------------------------------------------

-- The SQL under its new name.
INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql)
SELECT 'view', v.computed, v.computed, 0, 'CREATE VIEW ' || v.computed || ' AS' || substr(s.sql, length(v.header) + 1)
FROM (SELECT name, name || '_computed' AS computed, 'CREATE VIEW ' || name || ' AS' AS header FROM sqlite_schema
      WHERE type = 'view' AND name IN ('circular_financing_flows', 'investor_activity', 'concentration')) v
JOIN sqlite_schema s ON s.type = 'view' AND s.name = v.name AND substr(s.sql, 1, length(v.header)) = v.header;

-- The report names read the index tables.
UPDATE sqlite_schema
SET sql = 'CREATE VIEW circular_financing_flows AS
SELECT hub, company, flow, kind, amount_usd, amount_status, status, counted, announced_on, fact, source_id
FROM circular_financing_flows_index'
WHERE type = 'view' AND name = 'circular_financing_flows';

UPDATE sqlite_schema
SET sql = 'CREATE VIEW investor_activity AS
SELECT investor, investor_kind, rounds_in_window, led_in_window, window_start, window_end
FROM investor_activity_index
ORDER BY rounds_in_window DESC, investor'
WHERE type = 'view' AND name = 'investor_activity';

UPDATE sqlite_schema
SET sql = 'CREATE VIEW concentration AS
SELECT provider, customer, contracted_usd, provider_contracted_usd, share, deals, deals_without_value,
       customer_is_investee, customer_is_investor, claims, drill_down
FROM concentration_index
ORDER BY provider, contracted_usd IS NULL, contracted_usd DESC, customer'
WHERE type = 'view' AND name = 'concentration';

-- Readers elsewhere (Datasette, sqlite3) are told where the rows come from.
UPDATE reports
SET description = description || ' Kept by aikb in ' || name || '_index as of its last write (aikb report refresh after changes made elsewhere); '
                  || name || '_computed computes it on reading.'
WHERE name IN ('circular_financing_flows', 'investor_activity', 'concentration');

-- 3. The indexes are filled by the refresh at the end of this migration's run (their
-- signature is NULL).
