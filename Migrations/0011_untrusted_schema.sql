-- aikb opens every file with `PRAGMA trusted_schema = OFF` (SQLite's advice for files
-- that may come from someone else): views and triggers may then only call functions
-- and virtual tables marked innocuous. SQLite 3.40 marks neither FTS5 nor its JSON
-- functions so, and 0010's triggers wrote the FTS5 search index directly.
--
-- 1. The search index is kept by aikb, not by triggers: the triggers only note which
--    documents changed (search_pending, a plain table), and every aikb run that
--    writes brings those documents up to date before it commits (SearchIndex.update).
--    A client that writes the tables itself (sqlite3, Datasette) leaves its changes
--    noted; aikb find reads the noted documents from the tables themselves until
--    the next aikb run indexes them.
-- 2. No view reads JSON (portfolio, commitments), and investor_activity is fast again.
-- 3. circular_financing_flows finds the circular pairs before it reads their facts.

-- 1. The search index ------------------------------------------------------------------

-- Documents whose index entry is out of date: 2 × a company's id, 2 × a deal's id + 1
-- (the rowids of search_index).
CREATE TABLE search_pending (
    doc INTEGER PRIMARY KEY
) STRICT;

-- What the index should hold for each noted document that still exists: the one
-- definition of a document, read by the update and by aikb find.
CREATE VIEW search_pending_documents AS
SELECT p.doc, c.name,
       (SELECT group_concat(a.alias, '; ') FROM company_aliases a WHERE a.company_id = c.id) AS aliases,
       c.notes
FROM search_pending p
JOIN companies c ON c.id = p.doc / 2
WHERE p.doc % 2 = 0
UNION ALL
SELECT p.doc, d.deal_label, NULL, d.notes
FROM search_pending p
JOIN supply_deals d ON d.id = p.doc / 2
WHERE p.doc % 2 = 1 AND (d.deal_label IS NOT NULL OR d.notes IS NOT NULL);

DROP TRIGGER companies_search_insert;
DROP TRIGGER companies_search_update;
DROP TRIGGER companies_search_delete;
DROP TRIGGER company_aliases_search_insert;
DROP TRIGGER company_aliases_search_update;
DROP TRIGGER company_aliases_search_delete;
DROP TRIGGER supply_deals_search_insert;
DROP TRIGGER supply_deals_search_update;
DROP TRIGGER supply_deals_search_delete;

-- Each trigger notes the documents a change touches, once (DISTINCT, NOT IN: a
-- document noted twice in one run, or by an old and a new id that are the same,
-- is one row, whatever conflict clause the statement that fired it carries).
CREATE TRIGGER companies_search_insert AFTER INSERT ON companies
BEGIN
    INSERT INTO search_pending (doc) SELECT 2 * NEW.id WHERE 2 * NEW.id NOT IN (SELECT doc FROM search_pending);
END;

CREATE TRIGGER companies_search_update AFTER UPDATE OF id, name, notes ON companies
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO search_pending (doc)
    SELECT DISTINCT column1 FROM (VALUES (2 * OLD.id), (2 * NEW.id)) WHERE column1 NOT IN (SELECT doc FROM search_pending);
END;

CREATE TRIGGER companies_search_delete AFTER DELETE ON companies
BEGIN
    INSERT INTO search_pending (doc) SELECT 2 * OLD.id WHERE 2 * OLD.id NOT IN (SELECT doc FROM search_pending);
END;

CREATE TRIGGER company_aliases_search_insert AFTER INSERT ON company_aliases
BEGIN
    INSERT INTO search_pending (doc)
    SELECT 2 * NEW.company_id WHERE 2 * NEW.company_id NOT IN (SELECT doc FROM search_pending);
END;

CREATE TRIGGER company_aliases_search_update AFTER UPDATE OF alias, company_id ON company_aliases
BEGIN
    INSERT INTO search_pending (doc)
    SELECT DISTINCT column1 FROM (VALUES (2 * OLD.company_id), (2 * NEW.company_id))
    WHERE column1 NOT IN (SELECT doc FROM search_pending);
END;

CREATE TRIGGER company_aliases_search_delete AFTER DELETE ON company_aliases
BEGIN
    INSERT INTO search_pending (doc)
    SELECT 2 * OLD.company_id WHERE 2 * OLD.company_id NOT IN (SELECT doc FROM search_pending);
END;

CREATE TRIGGER supply_deals_search_insert AFTER INSERT ON supply_deals
WHEN NEW.deal_label IS NOT NULL OR NEW.notes IS NOT NULL
BEGIN
    INSERT INTO search_pending (doc) SELECT 2 * NEW.id + 1 WHERE 2 * NEW.id + 1 NOT IN (SELECT doc FROM search_pending);
END;

CREATE TRIGGER supply_deals_search_update AFTER UPDATE OF id, deal_label, notes ON supply_deals
WHEN OLD.id IS NOT NEW.id OR OLD.deal_label IS NOT NEW.deal_label OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO search_pending (doc)
    SELECT DISTINCT column1 FROM (VALUES (2 * OLD.id + 1), (2 * NEW.id + 1)) WHERE column1 NOT IN (SELECT doc FROM search_pending);
END;

CREATE TRIGGER supply_deals_search_delete AFTER DELETE ON supply_deals
BEGIN
    INSERT INTO search_pending (doc) SELECT 2 * OLD.id + 1 WHERE 2 * OLD.id + 1 NOT IN (SELECT doc FROM search_pending);
END;

INSERT INTO table_docs (name, title, description) VALUES
    ('search_pending', 'Search index: pending documents', 'The search_index documents (2 × company id, 2 × deal id + 1) changed since aikb last indexed them: noted by triggers, indexed and cleared by every aikb run that writes. Derived.');

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('search_pending', 'doc', 'The document''s rowid in search_index: 2 × a company''s id, or 2 × a deal''s id + 1', NULL);

UPDATE table_docs SET description = 'The FTS5 trigram index behind aikb find: company names, aliases and notes (rowid 2 × company id), deal labels and notes (2 × deal id + 1). Derived: kept by aikb at the end of each run that writes (see search_pending).'
WHERE name = 'search_index';

-- 2. Reports without JSON functions ---------------------------------------------------

-- portfolio and commitments computed several aggregates in one correlated subquery
-- and returned them as a JSON object, which a view may not read with trusted_schema
-- OFF in SQLite 3.40. They now return one text of fixed-width fields (integers
-- right-aligned in 20 characters, blank for NULL; dates in 10), read back with
-- substr and CAST. The plans are the same, so a filter on investor or company still
-- starts from companies_by_name. (A GROUP BY form cannot be filtered that way in
-- 3.40: SQLite moves a HAVING term into WHERE only for a BINARY group term, and
-- companies.name is NOCASE, so the name filter would never reach the index.)
-- investor_activity reads the window's participations once (51 s -> 1.1-1.7 s at
-- 2M rounds).

-- Portfolios (0010, section 6) ---------------------------------------------------------

-- nvidia_portfolio reads portfolio: dropped first, re-created as it was.
DROP VIEW nvidia_portfolio;
DROP VIEW portfolio;

-- Per investor group and company. One row per pair: the pair's first participation
-- stands for it, and its figures are computed from the company's rounds that a
-- member of the group joined (a round two units joined counts once). Written
-- without GROUP BY so that a filter on investor or company reaches the indexes.
-- The pair's figures, in `a`: joined, total, own, with_own, led, disputed (20
-- characters each, 1-120), first and last round dates (10 each, 121-140), then the
-- units: '1' and their length in 9 digits, or '0000000000' for none (141-150), the
-- units, and the rounds to the end.
CREATE VIEW portfolio AS
SELECT investor, company, sector,
       CASE substr(a, 141, 1) WHEN '1' THEN substr(a, 151, CAST(substr(a, 142, 9) AS INTEGER)) END AS units,
       CAST(nullif(ltrim(substr(a, 1, 20)), '') AS INTEGER) AS rounds_joined,
       substr(a, 151 + CAST(substr(a, 142, 9) AS INTEGER)) AS rounds,
       CAST(nullif(ltrim(substr(a, 21, 20)), '') AS INTEGER) AS rounds_total_usd,
       CAST(nullif(ltrim(substr(a, 41, 20)), '') AS INTEGER) AS investor_known_usd,
       CAST(nullif(ltrim(substr(a, 61, 20)), '') AS INTEGER) AS rounds_with_investor_amount,
       CAST(nullif(ltrim(substr(a, 81, 20)), '') AS INTEGER) AS rounds_led,
       CAST(nullif(ltrim(substr(a, 101, 20)), '') AS INTEGER) AS rounds_lead_disputed,
       (SELECT r2.post_money_valuation_usd FROM funding_rounds r2
        WHERE r2.company_id = pair.company_id AND r2.post_money_valuation_usd IS NOT NULL
        ORDER BY r2.announced_on IS NULL, r2.announced_on DESC LIMIT 1) AS latest_valuation_usd,
       (SELECT r2.announced_on FROM funding_rounds r2
        WHERE r2.company_id = pair.company_id AND r2.post_money_valuation_usd IS NOT NULL
        ORDER BY r2.announced_on IS NULL, r2.announced_on DESC LIMIT 1) AS latest_valuation_on,
       nullif(rtrim(substr(a, 121, 10)), '') AS first_round_on,
       nullif(rtrim(substr(a, 131, 10)), '') AS last_round_on,
       'portfolio_rounds' AS drill_down
FROM (
    -- DISTINCT, as in commitments: each pair's figures computed once (flattened, the
    -- subquery ran once per column that reads it), and a filter on investor or
    -- company still pushed down (NVIDIA: 0.14 s at 5M participations).
    SELECT DISTINCT g.name AS investor, c.name AS company, c.sector_id AS sector, c.id AS company_id,
           (SELECT substr('                    ' || coalesce(count(*), ''), -20)
                   || substr('                    ' || coalesce(sum(amount_usd), ''), -20)
                   || substr('                    ' || coalesce(sum(own), ''), -20)
                   || substr('                    ' || coalesce(sum(own IS NOT NULL), ''), -20)
                   || substr('                    ' || coalesce(sum(led), ''), -20)
                   || substr('                    ' || coalesce(sum(disputed), ''), -20)
                   || substr(coalesce(min(announced_on), '') || '          ', 1, 10)
                   || substr(coalesce(max(announced_on), '') || '          ', 1, 10)
                   || CASE WHEN group_concat(units, ', ') IS NULL THEN '0000000000' ELSE '1' || substr('000000000' || length(group_concat(units, ', ')), -9) END
                   || coalesce(group_concat(units, ', '), '')
                   || coalesce(group_concat(round_type || coalesce(' ' || announced_on, ''), '; '), '')
            FROM (SELECT r2.round_type, r2.announced_on, r2.amount_usd, sum(ri2.amount_usd) AS own,
                         max(ri2.is_lead) AS led, max(ri2.lead_disputed) AS disputed,
                         group_concat(CASE WHEN ri2.investor_id <> g.id THEN u.name END, ', ') AS units
                  FROM funding_rounds r2
                  JOIN round_investors ri2 ON ri2.round_id = r2.id
                  JOIN company_groups m2 ON m2.company_id = ri2.investor_id
                  JOIN companies u ON u.id = ri2.investor_id
                  WHERE r2.company_id = c.id AND m2.group_id = g.id
                  GROUP BY r2.id
                  ORDER BY r2.announced_on IS NULL, r2.announced_on, r2.id)) AS a
    FROM companies g
    JOIN company_groups m ON m.group_id = g.id
    JOIN round_investors ri ON ri.investor_id = m.company_id
    JOIN funding_rounds r ON r.id = ri.round_id
    JOIN companies c ON c.id = r.company_id
    WHERE NOT EXISTS (
        SELECT 1 FROM funding_rounds r0
        JOIN round_investors ri0 ON ri0.round_id = r0.id
        JOIN company_groups m0 ON m0.company_id = ri0.investor_id
        WHERE r0.company_id = r.company_id AND m0.group_id = g.id
          AND (r0.id < r.id OR (r0.id = r.id AND ri0.investor_id < ri.investor_id)))
) pair;

CREATE VIEW nvidia_portfolio AS
SELECT company, sector, rounds_joined, rounds, rounds_total_usd, investor_known_usd AS nvidia_known_usd,
       rounds_with_investor_amount AS rounds_with_nvidia_amount, rounds_led, rounds_lead_disputed,
       latest_valuation_usd, latest_valuation_on, first_round_on, last_round_on, 'nvidia_rounds' AS drill_down
FROM portfolio
WHERE investor = 'NVIDIA';

-- Investor activity (0010, section 7) --------------------------------------------------

DROP VIEW investor_activity;
CREATE VIEW investor_activity AS
WITH bounds AS MATERIALIZED (
    SELECT max(announced_on) AS window_end,
           date(substr(max(announced_on) || '-01-01', 1, 10), '-24 months') AS window_start
    FROM funding_rounds
),
-- The rounds in the window, in id order, so that their participations are read
-- walking round_investors' primary key forwards rather than jumping around it.
in_window AS MATERIALIZED (
    SELECT r.id FROM bounds b CROSS JOIN funding_rounds r
    WHERE r.announced_on >= b.window_start AND r.announced_on <= b.window_end
    ORDER BY r.id
),
-- The window's participations, read once, walking round_investors' primary key.
parts AS MATERIALIZED (
    -- CROSS JOIN fixes the order: rounds first, then their investors.
    SELECT ri.investor_id, ri.round_id, ri.is_lead
    FROM in_window w
    CROSS JOIN round_investors ri ON ri.round_id = w.id
),
-- The members of groups that have units: their rounds are counted once per group.
grouped_members AS MATERIALIZED (
    SELECT m.company_id, m.group_id FROM company_groups m
    WHERE m.group_id IN (SELECT group_id FROM company_groups WHERE depth > 0)
),
-- Grouped by investor before any name is looked up; members' participations
-- rolled up from the same rows (not from each member's index: 152,000 lookups of
-- is_lead, and one probe per round in the window before that, 51 s at 2M rounds).
rolled AS (
    SELECT p.investor_id AS group_id, count(*) AS rounds_in_window, sum(p.is_lead) AS led_in_window
    FROM parts p
    WHERE p.investor_id NOT IN (SELECT company_id FROM grouped_members)
    GROUP BY p.investor_id
    UNION ALL
    SELECT m.group_id, count(DISTINCT p.round_id), count(DISTINCT CASE WHEN p.is_lead = 1 THEN p.round_id END)
    FROM parts p
    JOIN grouped_members m ON m.company_id = p.investor_id
    GROUP BY m.group_id
)
SELECT
    c.name AS investor,
    c.kind AS investor_kind,
    r.rounds_in_window,
    r.led_in_window,
    b.window_start,
    b.window_end
FROM rolled r
CROSS JOIN companies c ON c.id = r.group_id
CROSS JOIN bounds b
ORDER BY r.rounds_in_window DESC, c.name;

-- Commitments (0010, section 10) -------------------------------------------------------

-- Per company (group): money promised (rumored, announced, committed, stalled) vs
-- signed vs delivered, going out and coming in. Counted flows with a stated amount;
-- flows inside a group and cancelled ones left out; relationships state no status
-- and are counted in flows only. Each company's flows are read from its members'
-- indexes (one text per side: promised, signed, delivered, flows, unstated, 20
-- characters each), so a filter on company costs that company (NVIDIA 0.44 s,
-- CoreWeave 0.02 s at 5M participations).
DROP VIEW commitments;
CREATE VIEW commitments AS
SELECT company,
       CAST(nullif(ltrim(substr(o, 1, 20)), '') AS INTEGER) AS out_promised_usd,
       CAST(nullif(ltrim(substr(o, 21, 20)), '') AS INTEGER) AS out_signed_usd,
       CAST(nullif(ltrim(substr(o, 41, 20)), '') AS INTEGER) AS out_delivered_usd,
       CAST(nullif(ltrim(substr(i, 1, 20)), '') AS INTEGER) AS in_promised_usd,
       CAST(nullif(ltrim(substr(i, 21, 20)), '') AS INTEGER) AS in_signed_usd,
       CAST(nullif(ltrim(substr(i, 41, 20)), '') AS INTEGER) AS in_delivered_usd,
       coalesce(CAST(nullif(ltrim(substr(o, 61, 20)), '') AS INTEGER), 0) AS flows_out,
       coalesce(CAST(nullif(ltrim(substr(i, 61, 20)), '') AS INTEGER), 0) AS flows_in,
       coalesce(CAST(nullif(ltrim(substr(o, 81, 20)), '') AS INTEGER), 0) + coalesce(CAST(nullif(ltrim(substr(i, 81, 20)), '') AS INTEGER), 0) AS flows_without_amount,
       'money_flows' AS drill_down
FROM (
    -- DISTINCT (the rows are distinct anyway) keeps SQLite from flattening this
    -- subquery into the outer one, which would copy each subquery into every column
    -- that reads it (10 evaluations per company instead of 2); a filter on company
    -- is still pushed down into it.
    SELECT DISTINCT c.id, c.name AS company,
           (SELECT substr('                    ' || coalesce(sum(CASE WHEN counted = 1 AND status IN ('rumored', 'announced', 'committed', 'stalled') THEN amount_usd END), ''), -20)
                   || substr('                    ' || coalesce(sum(CASE WHEN counted = 1 AND status = 'signed' THEN amount_usd END), ''), -20)
                   || substr('                    ' || coalesce(sum(CASE WHEN counted = 1 AND status = 'delivered' THEN amount_usd END), ''), -20)
                   || substr('                    ' || coalesce(sum(status IS NOT 'cancelled'), ''), -20)
                   || substr('                    ' || coalesce(sum(status IS NOT 'cancelled' AND counted = 1 AND amount_usd IS NULL), ''), -20)
            FROM (SELECT f.amount_usd, f.counted, f.status FROM company_groups m
                  JOIN equity_flows f ON f.payer_id = m.company_id
                  JOIN company_groups q ON q.company_id = f.payee_id
                  WHERE m.group_id = c.id AND q.group_id <> c.id
                  UNION ALL
                  SELECT f.amount_usd, f.counted, f.status FROM company_groups m
                  JOIN deal_flows f ON (f.party_a = m.company_id OR f.party_b = m.company_id) AND f.payer_id = m.company_id
                  JOIN company_groups q ON q.company_id = f.payee_id
                  WHERE m.group_id = c.id AND q.group_id <> c.id
                  UNION ALL
                  SELECT f.amount_usd, f.counted, f.status FROM company_groups m
                  JOIN relationship_flows f ON (f.party_a = m.company_id OR f.party_b = m.company_id) AND f.payer_id = m.company_id
                  JOIN company_groups q ON q.company_id = f.payee_id
                  WHERE m.group_id = c.id AND q.group_id <> c.id)) AS o,
           (SELECT substr('                    ' || coalesce(sum(CASE WHEN counted = 1 AND status IN ('rumored', 'announced', 'committed', 'stalled') THEN amount_usd END), ''), -20)
                   || substr('                    ' || coalesce(sum(CASE WHEN counted = 1 AND status = 'signed' THEN amount_usd END), ''), -20)
                   || substr('                    ' || coalesce(sum(CASE WHEN counted = 1 AND status = 'delivered' THEN amount_usd END), ''), -20)
                   || substr('                    ' || coalesce(sum(status IS NOT 'cancelled'), ''), -20)
                   || substr('                    ' || coalesce(sum(status IS NOT 'cancelled' AND counted = 1 AND amount_usd IS NULL), ''), -20)
            FROM (SELECT f.amount_usd, f.counted, f.status FROM company_groups m
                  JOIN equity_flows f ON f.payee_id = m.company_id
                  JOIN company_groups q ON q.company_id = f.payer_id
                  WHERE m.group_id = c.id AND q.group_id <> c.id
                  UNION ALL
                  SELECT f.amount_usd, f.counted, f.status FROM company_groups m
                  JOIN deal_flows f ON (f.party_a = m.company_id OR f.party_b = m.company_id) AND f.payee_id = m.company_id
                  JOIN company_groups q ON q.company_id = f.payer_id
                  WHERE m.group_id = c.id AND q.group_id <> c.id
                  UNION ALL
                  SELECT f.amount_usd, f.counted, f.status FROM company_groups m
                  JOIN relationship_flows f ON (f.party_a = m.company_id OR f.party_b = m.company_id) AND f.payee_id = m.company_id
                  JOIN company_groups q ON q.company_id = f.payer_id
                  WHERE m.group_id = c.id AND q.group_id <> c.id)) AS i
    FROM companies c
    WHERE c.parent_id IS NULL
)
WHERE coalesce(CAST(nullif(ltrim(substr(o, 61, 20)), '') AS INTEGER), 0) + coalesce(CAST(nullif(ltrim(substr(i, 61, 20)), '') AS INTEGER), 0) > 0;

-- 3. Circular financing (0010, section 8) ------------------------------------------------

-- circular_financing reads circular_financing_flows: dropped first, re-created
-- unchanged after it.
DROP VIEW circular_financing;
DROP VIEW circular_financing_flows;
-- Was 3.2-4.4 s for the whole report at scale: every candidate pair's facts were
-- gathered (177,752) and then joined to the 11,860 circular pairs, and equity was read
-- per participation with its round's row. Now the circular pairs are found first from
-- keys, and only their facts are read.
CREATE VIEW circular_financing_flows AS
WITH linked AS MATERIALIZED (
    SELECT gp.group_id AS payer_group, gq.group_id AS payee_group, f.*
    FROM deal_flows f
    JOIN company_groups gp ON gp.company_id = f.payer_id
    JOIN company_groups gq ON gq.company_id = f.payee_id
    WHERE gp.group_id <> gq.group_id
    UNION ALL
    SELECT gp.group_id, gq.group_id, f.*
    FROM relationship_flows f
    JOIN company_groups gp ON gp.company_id = f.payer_id
    JOIN company_groups gq ON gq.company_id = f.payee_id
    WHERE gp.group_id <> gq.group_id
),
-- Vehicles: companies of kind spv that are paid in a linked flow, and the groups
-- holding equity in them (their rounds, stakes and joint-venture capital).
vehicles AS MATERIALIZED (
    SELECT DISTINCT l.payee_id AS vehicle_id FROM linked l JOIN companies v ON v.id = l.payee_id
    WHERE v.kind = 'spv' AND l.flow <> 'equity'
),
vehicle_owners AS MATERIALIZED (
    SELECT DISTINCT gp.group_id AS owner_group, v.vehicle_id
    FROM vehicles v
    CROSS JOIN equity_flows e ON e.payee_id = v.vehicle_id
    CROSS JOIN company_groups gp ON gp.company_id = e.payer_id
    UNION
    SELECT l.payer_group, v.vehicle_id FROM vehicles v JOIN linked l ON l.payee_id = v.vehicle_id AND l.flow = 'equity'
),
-- Both ways round every linked flow, and the payers of a hub's vehicles: the pairs in
-- which the hub may have put equity in. Not deduplicated (the keys below are): at
-- 98,000 deals, the UNION of 157,596 pairs, its automatic index and a DISTINCT of the
-- hubs cost about 0.9 s, more than the probes they saved.
pairs AS (
    SELECT payer_group AS hub, payee_group AS company FROM linked
    UNION ALL
    SELECT payee_group, payer_group FROM linked
    UNION ALL
    SELECT o.owner_group, l.payer_group FROM vehicle_owners o JOIN linked l ON l.payee_id = o.vehicle_id
    WHERE l.flow <> 'equity' AND l.payer_group <> o.owner_group
),
-- The participations by which a hub put equity into the counterparty, found by keys
-- alone: hubs that invest at all (one probe), the counterparty's rounds, then the
-- hub's members in round_investors_by_investor. Only the 2,032 kept read the round.
equity_in_keys AS MATERIALIZED (
    SELECT DISTINCT p.hub, p.company, ri.round_id, ri.investor_id
    FROM pairs p
    CROSS JOIN company_groups mh ON mh.group_id = p.hub
    CROSS JOIN company_groups mc ON mc.group_id = p.company
    CROSS JOIN funding_rounds r ON r.company_id = mc.company_id
    CROSS JOIN round_investors ri ON ri.investor_id = mh.company_id AND ri.round_id = r.id
    WHERE EXISTS (SELECT 1 FROM company_groups m CROSS JOIN round_investors ri ON ri.investor_id = m.company_id
                  WHERE m.group_id = p.hub)
),
-- Pairs in which the hub put money in: its equity, or a linked flow of equity or
-- financing from it. Found before the facts, so that only these pairs' facts are
-- gathered (11,860 of 157,596 candidate pairs at scale).
circular AS MATERIALIZED (
    SELECT hub, company FROM equity_in_keys
    UNION
    SELECT l.payer_group, l.payee_group FROM linked l
    JOIN money_flow_kinds k ON k.id = l.flow AND k.category IN ('equity', 'financing')
),
-- Equity the counterparties of those pairs put back into the hub, found the same
-- way (counterparties that invest: 3,479 of the 11,860 pairs). Reading every
-- participation in the hub's rounds for each pair cost 0.5 s.
equity_back_keys AS MATERIALIZED (
    SELECT p.hub, p.company, ri.round_id, ri.investor_id
    FROM circular p
    CROSS JOIN company_groups mc ON mc.group_id = p.company
    CROSS JOIN company_groups mh ON mh.group_id = p.hub
    CROSS JOIN funding_rounds r ON r.company_id = mh.company_id
    CROSS JOIN round_investors ri ON ri.investor_id = mc.company_id AND ri.round_id = r.id
    WHERE EXISTS (SELECT 1 FROM company_groups m CROSS JOIN round_investors ri ON ri.investor_id = m.company_id
                  WHERE m.group_id = p.company)
),
equity_in AS (
    SELECT k.hub, k.company, e.*
    FROM equity_in_keys k
    CROSS JOIN equity_flows e ON e.fact_rowid = k.round_id AND e.payer_id = k.investor_id
),
equity_back AS (
    SELECT k.hub, k.company, e.*
    FROM equity_back_keys k
    CROSS JOIN equity_flows e ON e.fact_rowid = k.round_id AND e.payer_id = k.investor_id
),
facts AS (
    SELECT hub, company,
           CASE WHEN status IN ('delivered') OR status IS NULL THEN 'hub_equity' ELSE 'hub_commitment' END AS flow,
           'round: ' || kind AS kind, amount_usd, amount_status, status, counted, announced_on, fact_table, fact_id, source_id
    FROM equity_in
    UNION ALL
    SELECT l.payer_group, l.payee_group,
           CASE k.category
               WHEN 'equity' THEN CASE WHEN l.status IN ('delivered') OR l.status IS NULL THEN 'hub_equity' ELSE 'hub_commitment' END
               WHEN 'financing' THEN 'hub_financing'
               ELSE 'hub_pays' END,
           CASE l.fact_table WHEN 'supply_deals' THEN 'deal: ' ELSE 'relationship: ' END || l.kind,
           l.amount_usd, l.amount_status, l.status, l.counted, l.announced_on, l.fact_table, l.fact_id, l.source_id
    FROM linked l
    JOIN money_flow_kinds k ON k.id = l.flow
    WHERE (l.payer_group, l.payee_group) IN (SELECT hub, company FROM circular)
    UNION ALL
    SELECT l.payee_group, l.payer_group, 'bought_from_hub',
           CASE l.fact_table WHEN 'supply_deals' THEN 'deal: ' ELSE 'relationship: ' END || l.kind,
           l.amount_usd, l.amount_status, l.status, l.counted, l.announced_on, l.fact_table, l.fact_id, l.source_id
    FROM linked l
    WHERE (l.payee_group, l.payer_group) IN (SELECT hub, company FROM circular)
    UNION ALL
    SELECT hub, company, 'bought_from_hub', 'round: ' || kind, amount_usd, amount_status, status, counted, announced_on,
           fact_table, fact_id, source_id
    FROM equity_back
    UNION ALL
    SELECT o.owner_group, l.payer_group, 'via_hub_vehicle',
           'deal: ' || l.kind || ' from ' || v.name,
           l.amount_usd, l.amount_status, l.status, l.counted, l.announced_on, l.fact_table, l.fact_id, l.source_id
    FROM vehicle_owners o
    JOIN linked l ON l.payee_id = o.vehicle_id AND l.flow <> 'equity' AND l.payer_group <> o.owner_group
    JOIN companies v ON v.id = o.vehicle_id
    WHERE (o.owner_group, l.payer_group) IN (SELECT hub, company FROM circular)
)
SELECT h.name AS hub, c.name AS company, f.flow, f.kind, f.amount_usd, f.amount_status, f.status, f.counted,
       f.announced_on, f.fact_id AS fact, f.source_id
FROM facts f
JOIN companies h ON h.id = f.hub
JOIN companies c ON c.id = f.company;


CREATE VIEW circular_financing AS
WITH f AS (
    SELECT *, counted = 1 AND status IS NOT 'cancelled' AS summed FROM circular_financing_flows
)
-- The totals first, so that they fit a terminal; their parts after.
SELECT
    hub,
    company,
    sum(CASE WHEN summed AND flow IN ('hub_equity', 'hub_commitment', 'hub_financing') THEN amount_usd END) AS hub_in_usd,
    sum(CASE WHEN summed AND flow IN ('bought_from_hub', 'via_hub_vehicle') THEN amount_usd END) AS back_to_hub_usd,
    round(1.0 * sum(CASE WHEN summed AND flow IN ('bought_from_hub', 'via_hub_vehicle') THEN amount_usd END)
          / nullif(sum(CASE WHEN summed AND flow IN ('hub_equity', 'hub_commitment', 'hub_financing') THEN amount_usd END), 0), 2)
        AS circular_ratio,
    sum(CASE WHEN summed AND flow = 'hub_pays' THEN amount_usd END) AS hub_pays_usd,
    sum(CASE WHEN summed AND flow = 'hub_equity' THEN amount_usd END) AS hub_equity_usd,
    sum(CASE WHEN summed AND flow = 'hub_commitment' THEN amount_usd END) AS hub_commitments_usd,
    sum(CASE WHEN summed AND flow = 'hub_financing' THEN amount_usd END) AS hub_financing_usd,
    sum(CASE WHEN summed AND flow = 'bought_from_hub' THEN amount_usd END) AS bought_from_hub_usd,
    sum(CASE WHEN summed AND flow = 'via_hub_vehicle' THEN amount_usd END) AS via_hub_vehicles_usd,
    count(*) AS flows,
    sum(amount_usd IS NULL) AS flows_without_amount,
    'circular_financing_flows' AS drill_down
FROM f
GROUP BY hub, company
HAVING sum(flow IN ('bought_from_hub', 'via_hub_vehicle', 'hub_pays')) > 0
ORDER BY hub, company;
