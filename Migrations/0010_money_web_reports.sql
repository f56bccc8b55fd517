-- How the money goes round, for the whole ecosystem: every flow of money between two
-- companies in the direction it moves (money_flows), the loops of 2 to 5 groups it
-- makes (money_loops, money_loop_legs), any investor's portfolio, any hub's circular
-- financing, customer concentration, commitments, and the search index behind
-- `aikb find`. The reports the seed article needs are rebuilt on the generic views,
-- filtered to NVIDIA's group: nothing is computed twice.
--
-- Derived data, kept current in the same transaction as every write:
--   * company_groups: every company's top parent, by triggers on companies (so
--     sqlite3, Datasette and undo keep it right too);
--   * search_index: the FTS5 trigram index of names, aliases, deal labels and notes,
--     by triggers;
--   * money_loop_index*: the loops, computed by aikb (MoneyWeb.refresh) at the end of
--     every run that writes. A change made outside aikb reaches money_loops at the
--     next aikb write or `aikb report refresh`; `aikb report run money_loops` says
--     when the index is behind.

-- 1. The catalog: which report columns name companies ------------------------------

-- 'company': the column holds a company's name as the fact names it (a unit stays the
-- unit); 'group': the name of a group's top parent (a unit's name means its group).
-- Filters on these columns resolve names (case, aliases, groups, typos) before they run.
ALTER TABLE report_columns ADD COLUMN refers_to TEXT CHECK (refers_to IN ('company', 'group'));

-- 2. Groups --------------------------------------------------------------------------

-- One row per company: the top of its parent_id chain (itself when it has no parent)
-- and how many steps up that is. Money loops count the top; reports filter by it
-- through company_groups_by_group.
CREATE TABLE company_groups (
    company_id INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL,
    depth      INTEGER NOT NULL CHECK (depth >= 0)
) STRICT;

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

CREATE INDEX company_groups_by_group ON company_groups(group_id);
-- The groups that have units (most companies are groups of one).
CREATE INDEX company_groups_units ON company_groups(group_id) WHERE depth > 0;

CREATE TRIGGER companies_group_insert AFTER INSERT ON companies
BEGIN
    INSERT INTO company_groups (company_id, group_id, depth)
    VALUES (NEW.id,
            coalesce((SELECT group_id FROM company_groups WHERE company_id = NEW.parent_id), NEW.parent_id, NEW.id),
            CASE WHEN NEW.parent_id IS NULL THEN 0
                 ELSE coalesce((SELECT depth + 1 FROM company_groups WHERE company_id = NEW.parent_id), 1) END);
END;

-- A new parent (or id) moves the company and everything under it.
CREATE TRIGGER companies_group_update AFTER UPDATE OF id, parent_id ON companies
WHEN OLD.id IS NOT NEW.id OR OLD.parent_id IS NOT NEW.parent_id
BEGIN
    DELETE FROM company_groups WHERE company_id = OLD.id AND OLD.id IS NOT NEW.id;
    INSERT OR REPLACE INTO company_groups (company_id, group_id, depth)
    WITH RECURSIVE below(company_id, steps) AS (
        SELECT NEW.id, 0
        UNION ALL
        SELECT c.id, below.steps + 1 FROM below JOIN companies c ON c.parent_id = below.company_id
        WHERE below.steps < 64
    ),
    top(group_id, depth) AS (
        SELECT coalesce((SELECT group_id FROM company_groups WHERE company_id = NEW.parent_id), NEW.parent_id, NEW.id),
               CASE WHEN NEW.parent_id IS NULL THEN 0
                    ELSE coalesce((SELECT depth + 1 FROM company_groups WHERE company_id = NEW.parent_id), 1) END
    )
    SELECT below.company_id, top.group_id, top.depth + below.steps FROM below, top;
END;

CREATE TRIGGER companies_group_delete AFTER DELETE ON companies
BEGIN
    DELETE FROM company_groups WHERE company_id = OLD.id;
END;

-- 3. The search index (aikb find) ---------------------------------------------------

-- One document per company (rowid 2 * id: name, aliases, notes) and per deal with a
-- label or notes (rowid 2 * id + 1). The trigram tokenizer matches any substring of
-- three characters or more.
CREATE VIRTUAL TABLE search_index USING fts5(name, aliases, notes, tokenize = 'trigram');

INSERT INTO search_index (rowid, name, aliases, notes)
SELECT 2 * c.id, c.name, (SELECT group_concat(alias, '; ') FROM company_aliases a WHERE a.company_id = c.id), c.notes
FROM companies c;
INSERT INTO search_index (rowid, name, aliases, notes)
SELECT 2 * id + 1, deal_label, NULL, notes FROM supply_deals WHERE deal_label IS NOT NULL OR notes IS NOT NULL;

CREATE TRIGGER companies_search_insert AFTER INSERT ON companies
BEGIN
    INSERT INTO search_index (rowid, name, notes) VALUES (2 * NEW.id, NEW.name, NEW.notes);
END;

CREATE TRIGGER companies_search_update AFTER UPDATE OF id, name, notes ON companies
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.notes IS NOT NEW.notes
BEGIN
    DELETE FROM search_index WHERE rowid = 2 * OLD.id;
    INSERT INTO search_index (rowid, name, aliases, notes)
    VALUES (2 * NEW.id, NEW.name, (SELECT group_concat(alias, '; ') FROM company_aliases WHERE company_id = NEW.id), NEW.notes);
END;

CREATE TRIGGER companies_search_delete AFTER DELETE ON companies
BEGIN
    DELETE FROM search_index WHERE rowid = 2 * OLD.id;
END;

CREATE TRIGGER company_aliases_search_insert AFTER INSERT ON company_aliases
BEGIN
    UPDATE search_index SET aliases = (SELECT group_concat(alias, '; ') FROM company_aliases WHERE company_id = NEW.company_id)
    WHERE rowid = 2 * NEW.company_id;
END;

CREATE TRIGGER company_aliases_search_update AFTER UPDATE OF alias, company_id ON company_aliases
BEGIN
    UPDATE search_index SET aliases = (SELECT group_concat(alias, '; ') FROM company_aliases WHERE company_id = OLD.company_id)
    WHERE rowid = 2 * OLD.company_id;
    UPDATE search_index SET aliases = (SELECT group_concat(alias, '; ') FROM company_aliases WHERE company_id = NEW.company_id)
    WHERE rowid = 2 * NEW.company_id;
END;

CREATE TRIGGER company_aliases_search_delete AFTER DELETE ON company_aliases
BEGIN
    UPDATE search_index SET aliases = (SELECT group_concat(alias, '; ') FROM company_aliases WHERE company_id = OLD.company_id)
    WHERE rowid = 2 * OLD.company_id;
END;

CREATE TRIGGER supply_deals_search_insert AFTER INSERT ON supply_deals
WHEN NEW.deal_label IS NOT NULL OR NEW.notes IS NOT NULL
BEGIN
    INSERT INTO search_index (rowid, name, notes) VALUES (2 * NEW.id + 1, NEW.deal_label, NEW.notes);
END;

CREATE TRIGGER supply_deals_search_update AFTER UPDATE OF id, deal_label, notes ON supply_deals
WHEN OLD.id IS NOT NEW.id OR OLD.deal_label IS NOT NEW.deal_label OR OLD.notes IS NOT NEW.notes
BEGIN
    DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1;
    INSERT INTO search_index (rowid, name, notes)
    SELECT 2 * NEW.id + 1, NEW.deal_label, NEW.notes WHERE NEW.deal_label IS NOT NULL OR NEW.notes IS NOT NULL;
END;

CREATE TRIGGER supply_deals_search_delete AFTER DELETE ON supply_deals
BEGIN
    DELETE FROM search_index WHERE rowid = 2 * OLD.id + 1;
END;

-- 4. Money flows ----------------------------------------------------------------------

-- The flows money_flows names, with what they are: `category` sorts them for the
-- reports (equity put in, financing lent, supply paid for, equity given in kind, a
-- company bought).
CREATE TABLE money_flow_kinds (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('equity', 'financing', 'supply', 'in_kind', 'acquisition')),
    description TEXT NOT NULL
) STRICT;

INSERT INTO money_flow_kinds (id, label, category, description) VALUES
    ('equity', 'Equity', 'equity', 'The investor pays the company for shares (a round, a stake, a joint venture''s capital)'),
    ('financing', 'Financing', 'financing', 'A lender or financier provides the company with money (debt, a facility)'),
    ('purchase', 'Purchase', 'supply', 'The customer pays for GPUs, systems or other supply'),
    ('lease', 'Lease', 'supply', 'The customer pays rent for GPUs, servers or data-centre infrastructure'),
    ('cloud_capacity', 'Cloud capacity', 'supply', 'The customer pays for compute capacity in the provider''s cloud'),
    ('capacity_backstop', 'Capacity backstop', 'supply', 'The backstopper pays for capacity the provider cannot sell'),
    ('leaseback', 'Leaseback', 'supply', 'The original seller pays to rent back what it sold'),
    ('prepayment', 'Prepayment', 'supply', 'The customer pays ahead for future supply'),
    ('revenue_share', 'Revenue share', 'supply', 'The customer pays the provider a share of its revenue'),
    ('warrant', 'Warrant', 'in_kind', 'The issuer gives the holder rights to its shares: equity in kind, often tied to a supply deal'),
    ('acquisition', 'Acquisition', 'acquisition', 'The acquirer pays the price of the company it buys');

-- The direction rule of every fact table, written once: the views below read who pays
-- from the vocabularies (deal_kinds.payer, relationship_kinds.payer; equity flows from
-- the investor to the company). Ids, for joins; money_flows adds the names.
--
-- The status of a flow: a deal's own status (rumored, announced, signed, delivered,
-- stalled, cancelled); a round's status with closed read as delivered (announced,
-- committed, stalled, cancelled as they are); a relationship states none (NULL).
-- `counted` is 0 for a deal that repeats another's value (overlaps_deal_id): listed,
-- never summed. party_a and party_b (supplier and customer, from and to) are the
-- columns with indexes: a query for one company's flows says
-- `(party_a = :id OR party_b = :id) AND payer_id = :id`, which SQLite answers from them.
CREATE VIEW equity_flows AS
SELECT ri.investor_id AS payer_id, r.company_id AS payee_id, 'equity' AS flow, r.round_type AS kind,
       ri.amount_usd, NULL AS amount_min_usd, ri.amount_status, r.amount_usd AS round_amount_usd,
       CASE r.status WHEN 'closed' THEN 'delivered' ELSE r.status END AS status, r.announced_on,
       NULL AS gpu_model, NULL AS gpu_count, NULL AS power_mw, 1 AS counted,
       'round_investors' AS fact_table, r.id AS fact_rowid, coalesce(r.external_id, 'round ' || r.id) AS fact_id, ri.source_id
FROM round_investors ri
JOIN funding_rounds r ON r.id = ri.round_id;

CREATE VIEW deal_flows AS
SELECT CASE k.payer WHEN 'customer' THEN d.customer_id ELSE d.supplier_id END AS payer_id,
       CASE k.payer WHEN 'customer' THEN d.supplier_id ELSE d.customer_id END AS payee_id,
       k.flow, d.kind, d.value_usd AS amount_usd, d.value_min_usd AS amount_min_usd, d.value_status AS amount_status,
       NULL AS round_amount_usd, d.status, d.announced_on, d.gpu_model, d.gpu_count, d.power_mw,
       CASE WHEN d.overlaps_deal_id IS NULL THEN 1 ELSE 0 END AS counted,
       'supply_deals' AS fact_table, d.id AS fact_rowid, coalesce(d.external_id, 'deal ' || d.id) AS fact_id, d.source_id,
       d.supplier_id AS party_a, d.customer_id AS party_b
FROM supply_deals d
JOIN deal_kinds k ON k.id = d.kind
WHERE k.payer IS NOT NULL;

CREATE VIEW relationship_flows AS
SELECT CASE k.payer WHEN 'from' THEN rel.from_id ELSE rel.to_id END AS payer_id,
       CASE k.payer WHEN 'from' THEN rel.to_id ELSE rel.from_id END AS payee_id,
       k.flow, rel.kind, rel.amount_usd, NULL AS amount_min_usd, NULL AS amount_status, NULL AS round_amount_usd,
       NULL AS status, rel.since AS announced_on, NULL AS gpu_model, NULL AS gpu_count, NULL AS power_mw, 1 AS counted,
       'relationships' AS fact_table, rel.id AS fact_rowid, 'relationship ' || rel.id AS fact_id, rel.source_id,
       rel.from_id AS party_a, rel.to_id AS party_b
FROM relationships rel
JOIN relationship_kinds k ON k.id = rel.kind
WHERE k.payer IS NOT NULL;

-- One row per flow, with names and groups. A filter on any name column starts from
-- that company (or group, through company_groups_by_group) and its indexes.
CREATE VIEW money_flows AS
SELECT p.name AS payer, q.name AS payee, f.flow, f.amount_usd, f.amount_min_usd, f.amount_status, f.round_amount_usd,
       f.status, f.announced_on, f.counted, f.gpu_model, f.gpu_count, f.power_mw, pg.name AS payer_group,
       qg.name AS payee_group, f.kind, f.fact_table, f.fact_id, f.source_id
FROM equity_flows f
JOIN companies p ON p.id = f.payer_id
JOIN companies q ON q.id = f.payee_id
JOIN company_groups gp ON gp.company_id = f.payer_id
JOIN companies pg ON pg.id = gp.group_id
JOIN company_groups gq ON gq.company_id = f.payee_id
JOIN companies qg ON qg.id = gq.group_id
UNION ALL
SELECT p.name, q.name, f.flow, f.amount_usd, f.amount_min_usd, f.amount_status, f.round_amount_usd,
       f.status, f.announced_on, f.counted, f.gpu_model, f.gpu_count, f.power_mw, pg.name, qg.name, f.kind,
       f.fact_table, f.fact_id, f.source_id
FROM deal_flows f
JOIN companies p ON p.id = f.payer_id
JOIN companies q ON q.id = f.payee_id
JOIN company_groups gp ON gp.company_id = f.payer_id
JOIN companies pg ON pg.id = gp.group_id
JOIN company_groups gq ON gq.company_id = f.payee_id
JOIN companies qg ON qg.id = gq.group_id
UNION ALL
SELECT p.name, q.name, f.flow, f.amount_usd, f.amount_min_usd, f.amount_status, f.round_amount_usd,
       f.status, f.announced_on, f.counted, f.gpu_model, f.gpu_count, f.power_mw, pg.name, qg.name, f.kind,
       f.fact_table, f.fact_id, f.source_id
FROM relationship_flows f
JOIN companies p ON p.id = f.payer_id
JOIN companies q ON q.id = f.payee_id
JOIN company_groups gp ON gp.company_id = f.payer_id
JOIN companies pg ON pg.id = gp.group_id
JOIN company_groups gq ON gq.company_id = f.payee_id
JOIN companies qg ON qg.id = gq.group_id;

-- 5. Money loops ----------------------------------------------------------------------

-- The loop index, computed by aikb (Sources/KnowledgeBase/MoneyWeb): every simple
-- cycle of 2 to 5 distinct groups in money_flows, cancelled flows and flows inside a
-- group left out, each cycle once, from its smallest group id (loop_id: the group ids
-- in that order, joined by '-', stable while the ids are).
CREATE TABLE money_loop_index (
    loop_id TEXT PRIMARY KEY,
    length  INTEGER NOT NULL CHECK (length BETWEEN 2 AND 5)
) STRICT, WITHOUT ROWID;

-- Leg n of a loop: the group that pays and the group that is paid.
CREATE TABLE money_loop_index_legs (
    loop_id     TEXT NOT NULL,
    leg         INTEGER NOT NULL CHECK (leg >= 1),
    payer_group INTEGER NOT NULL,
    payee_group INTEGER NOT NULL,
    PRIMARY KEY (loop_id, leg)
) STRICT, WITHOUT ROWID;
-- A leg's flows are found by its pair of groups; a group's loops by its payer_group.
CREATE INDEX money_loop_index_legs_by_pair ON money_loop_index_legs(payer_group, payee_group);

-- The flows behind each leg (between payer_group and payee_group), by their facts.
CREATE TABLE money_loop_index_flows (
    payer_group INTEGER NOT NULL,
    payee_group INTEGER NOT NULL,
    fact_table  TEXT NOT NULL,
    fact_rowid  INTEGER NOT NULL,
    payer_id    INTEGER NOT NULL,
    PRIMARY KEY (payer_group, payee_group, fact_table, fact_rowid, payer_id)
) STRICT, WITHOUT ROWID;

-- What the knowledge tables looked like when the index was computed.
CREATE TABLE money_loop_index_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    -- Row counts and highest ids of the tables loops are made of, and the newest
    -- history row then (an update or delete since shows in history).
    signature    TEXT NOT NULL,
    history_id   INTEGER NOT NULL,
    loops        INTEGER NOT NULL,
    -- 0 when the search stopped at its limit of loops (see MoneyWeb.maximumLoops).
    complete     INTEGER NOT NULL CHECK (complete IN (0, 1))
) STRICT;

CREATE VIEW money_loop_legs AS
SELECT l.loop_id, l.leg, pg.name AS payer, qg.name AS payee,
       CASE WHEN f.payer_id <> l.payer_group THEN pu.name END AS payer_unit,
       CASE WHEN f.payee_id <> l.payee_group THEN qu.name END AS payee_unit,
       f.flow, f.amount_usd, f.status, f.source_id, f.counted, f.announced_on, f.fact_table, f.fact_id
FROM money_loop_index_legs l
JOIN money_loop_index_flows e ON e.payer_group = l.payer_group AND e.payee_group = l.payee_group
    AND e.fact_table = 'round_investors'
JOIN equity_flows f ON f.fact_rowid = e.fact_rowid AND f.payer_id = e.payer_id
JOIN companies pg ON pg.id = l.payer_group
JOIN companies qg ON qg.id = l.payee_group
JOIN companies pu ON pu.id = f.payer_id
JOIN companies qu ON qu.id = f.payee_id
UNION ALL
SELECT l.loop_id, l.leg, pg.name, qg.name,
       CASE WHEN f.payer_id <> l.payer_group THEN pu.name END,
       CASE WHEN f.payee_id <> l.payee_group THEN qu.name END,
       f.flow, f.amount_usd, f.status, f.source_id, f.counted, f.announced_on, f.fact_table, f.fact_id
FROM money_loop_index_legs l
JOIN money_loop_index_flows e ON e.payer_group = l.payer_group AND e.payee_group = l.payee_group
    AND e.fact_table = 'supply_deals'
JOIN deal_flows f ON f.fact_rowid = e.fact_rowid
JOIN companies pg ON pg.id = l.payer_group
JOIN companies qg ON qg.id = l.payee_group
JOIN companies pu ON pu.id = f.payer_id
JOIN companies qu ON qu.id = f.payee_id
UNION ALL
SELECT l.loop_id, l.leg, pg.name, qg.name,
       CASE WHEN f.payer_id <> l.payer_group THEN pu.name END,
       CASE WHEN f.payee_id <> l.payee_group THEN qu.name END,
       f.flow, f.amount_usd, f.status, f.source_id, f.counted, f.announced_on, f.fact_table, f.fact_id
FROM money_loop_index_legs l
JOIN money_loop_index_flows e ON e.payer_group = l.payer_group AND e.payee_group = l.payee_group
    AND e.fact_table = 'relationships'
JOIN relationship_flows f ON f.fact_rowid = e.fact_rowid
JOIN companies pg ON pg.id = l.payer_group
JOIN companies qg ON qg.id = l.payee_group
JOIN companies pu ON pu.id = f.payer_id
JOIN companies qu ON qu.id = f.payee_id
ORDER BY 1, 2, 12, 14;

-- A leg's amount is the sum of its counted flows' stated amounts (NULL: none stated);
-- a loop's smallest leg is NULL when any leg has no stated amount. A leg is
-- unconfirmed when every flow of it is only rumored, announced, committed or stalled.
-- The legs are summed once for all loops (the index is small), then joined per loop
-- in leg order.
CREATE VIEW money_loops AS
WITH legs AS MATERIALIZED (
    SELECT loop_id, leg, min(payer) AS payer,
           replace(group_concat(DISTINCT flow), ',', '+') AS flows,
           sum(CASE WHEN counted = 1 THEN amount_usd END) AS amount_usd,
           count(*) AS facts,
           min(coalesce(status, '') IN ('rumored', 'announced', 'committed', 'stalled')) AS unconfirmed
    FROM money_loop_legs
    GROUP BY loop_id, leg
),
loops AS MATERIALIZED (
    SELECT loop_id, CASE WHEN count(amount_usd) = count(*) THEN min(amount_usd) END AS smallest_usd,
           sum(unconfirmed) AS unconfirmed, count(*) - count(amount_usd) AS unstated, sum(facts) AS facts
    FROM legs GROUP BY loop_id
)
SELECT i.loop_id,
       l1.payer || ' → ' || l2.payer || coalesce(' → ' || l3.payer, '') || coalesce(' → ' || l4.payer, '')
           || coalesce(' → ' || l5.payer, '') AS companies,
       i.length,
       l1.flows || ' | ' || l2.flows || coalesce(' | ' || l3.flows, '') || coalesce(' | ' || l4.flows, '')
           || coalesce(' | ' || l5.flows, '') AS legs,
       s.smallest_usd AS smallest_leg_usd,
       s.unconfirmed AS unconfirmed_legs,
       s.unstated AS legs_without_amount,
       s.facts AS flows,
       'money_loop_legs' AS drill_down
FROM money_loop_index i
JOIN loops s ON s.loop_id = i.loop_id
JOIN legs l1 ON l1.loop_id = i.loop_id AND l1.leg = 1
JOIN legs l2 ON l2.loop_id = i.loop_id AND l2.leg = 2
LEFT JOIN legs l3 ON l3.loop_id = i.loop_id AND l3.leg = 3
LEFT JOIN legs l4 ON l4.loop_id = i.loop_id AND l4.leg = 4
LEFT JOIN legs l5 ON l5.loop_id = i.loop_id AND l5.leg = 5
ORDER BY i.length, i.loop_id;

-- 6. Portfolios: any investor, rolled up to its group ------------------------------------

-- One row per participation: the investor's group, the unit that invested where it
-- is not the group itself, the round and both amounts. Starting from the group's
-- name it reads the group's members (company_groups_by_group) and their investor index.
CREATE VIEW portfolio_rounds AS
SELECT g.name AS investor,
       CASE WHEN i.id <> g.id THEN i.name END AS investor_unit,
       c.name AS company,
       c.sector_id AS sector,
       r.external_id AS round_id,
       r.round_type,
       r.round_label,
       r.announced_on,
       CAST(substr(r.announced_on, 1, 4) AS INTEGER) AS year,
       r.amount_usd AS round_amount_usd,
       r.amount_status AS round_amount_status,
       ri.amount_usd AS investor_amount_usd,
       ri.amount_status AS investor_amount_status,
       ri.share_pct AS investor_share_pct,
       CASE WHEN ri.lead_disputed = 1 THEN 'disputed' WHEN ri.is_lead = 1 THEN 'yes' ELSE 'no' END AS investor_led,
       r.post_money_valuation_usd,
       rt.late_stage,
       CASE WHEN r.round_type = 'investment_commitment' THEN 1 ELSE 0 END AS is_commitment,
       r.status AS round_status,
       r.source_id AS round_source_id,
       ri.source_id AS investor_source_id
FROM companies g
JOIN company_groups m ON m.group_id = g.id
JOIN companies i ON i.id = m.company_id
JOIN round_investors ri ON ri.investor_id = m.company_id
JOIN funding_rounds r ON r.id = ri.round_id
JOIN companies c ON c.id = r.company_id
LEFT JOIN round_types rt ON rt.id = r.round_type;

-- Per investor group and company. One row per pair: the pair's first participation
-- stands for it, and its figures are computed from the company's rounds that a
-- member of the group joined (a round two units joined counts once). Written
-- without GROUP BY so that a filter on investor or company reaches the indexes
-- (SQLite does not push a WHERE into an aggregate view).
CREATE VIEW portfolio AS
SELECT investor, company, sector,
       json_extract(a, '$.units') AS units,
       json_extract(a, '$.joined') AS rounds_joined,
       json_extract(a, '$.rounds') AS rounds,
       json_extract(a, '$.total') AS rounds_total_usd,
       json_extract(a, '$.own') AS investor_known_usd,
       json_extract(a, '$.with_own') AS rounds_with_investor_amount,
       json_extract(a, '$.led') AS rounds_led,
       json_extract(a, '$.disputed') AS rounds_lead_disputed,
       (SELECT r2.post_money_valuation_usd FROM funding_rounds r2
        WHERE r2.company_id = pair.company_id AND r2.post_money_valuation_usd IS NOT NULL
        ORDER BY r2.announced_on IS NULL, r2.announced_on DESC LIMIT 1) AS latest_valuation_usd,
       (SELECT r2.announced_on FROM funding_rounds r2
        WHERE r2.company_id = pair.company_id AND r2.post_money_valuation_usd IS NOT NULL
        ORDER BY r2.announced_on IS NULL, r2.announced_on DESC LIMIT 1) AS latest_valuation_on,
       json_extract(a, '$.first') AS first_round_on,
       json_extract(a, '$.last') AS last_round_on,
       'portfolio_rounds' AS drill_down
FROM (
    -- DISTINCT, as in commitments: each pair's JSON computed once (flattened, the
    -- subquery ran once per json_extract: 247 s for the whole report at 250,000
    -- rounds, 62 s like this), and a filter on investor or company still pushed down.
    SELECT DISTINCT g.name AS investor, c.name AS company, c.sector_id AS sector, c.id AS company_id,
           (SELECT json_object(
                'units', group_concat(units, ', '), 'joined', count(*),
                'rounds', group_concat(round_type || coalesce(' ' || announced_on, ''), '; '),
                'total', sum(amount_usd), 'own', sum(own), 'with_own', sum(own IS NOT NULL),
                'led', sum(led), 'disputed', sum(disputed), 'first', min(announced_on), 'last', max(announced_on))
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

-- NVIDIA's, as the seed article reads them: the generic views filtered to NVIDIA's
-- group (NVIDIA and NVentures). Column names as before; nvidia_unit is new.
DROP VIEW nvidia_rounds;
CREATE VIEW nvidia_rounds AS
SELECT company, sector, round_id, round_type, round_label, announced_on, year, round_amount_usd, round_amount_status,
       investor_amount_usd AS nvidia_amount_usd, investor_amount_status AS nvidia_amount_status,
       investor_share_pct AS nvidia_share_pct, investor_led AS nvidia_led, post_money_valuation_usd, late_stage,
       is_commitment, round_source_id, investor_source_id AS nvidia_source_id, investor_unit AS nvidia_unit
FROM portfolio_rounds
WHERE investor = 'NVIDIA';

DROP VIEW nvidia_portfolio;
CREATE VIEW nvidia_portfolio AS
SELECT company, sector, rounds_joined, rounds, rounds_total_usd, investor_known_usd AS nvidia_known_usd,
       rounds_with_investor_amount AS rounds_with_nvidia_amount, rounds_led, rounds_lead_disputed,
       latest_valuation_usd, latest_valuation_on, first_round_on, last_round_on, 'nvidia_rounds' AS drill_down
FROM portfolio
WHERE investor = 'NVIDIA';

-- billion_dollar_rounds, round_size_bands, portfolio_by_sector and stage_and_lead read
-- nvidia_rounds by name and stay as they are.

-- 7. Investor activity, by group, most rounds first ------------------------------------

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
grouped AS MATERIALIZED (
    -- CROSS JOIN fixes the order: rounds first, then their investors, grouped before
    -- any name is looked up.
    SELECT ri.investor_id, count(*) AS rounds_in_window, sum(ri.is_lead) AS led_in_window
    FROM in_window w
    CROSS JOIN round_investors ri ON ri.round_id = w.id
    GROUP BY ri.investor_id
),
-- The members of groups that have units: their rounds are counted once per group.
grouped_members AS MATERIALIZED (
    SELECT m.company_id, m.group_id FROM company_groups m
    WHERE m.group_id IN (SELECT group_id FROM company_groups WHERE depth > 0)
),
rolled AS (
    SELECT g.investor_id AS group_id, g.rounds_in_window, g.led_in_window
    FROM grouped g
    WHERE g.investor_id NOT IN (SELECT company_id FROM grouped_members)
    UNION ALL
    -- In the window by the rounds' ids (an ephemeral index on in_window), not by
    -- reading each round.
    SELECT m.group_id, count(DISTINCT ri.round_id), count(DISTINCT CASE WHEN ri.is_lead = 1 THEN ri.round_id END)
    FROM grouped_members m
    CROSS JOIN round_investors ri ON ri.investor_id = m.company_id
    WHERE ri.round_id IN (SELECT id FROM in_window)
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

-- 8. Circular financing, for any hub ----------------------------------------------------

-- Every flow between a hub (a group) and a counterparty (a group) the hub put money
-- into, where the two are also linked by a deal or relationship (a stake both ways
-- alone is a money loop: see money_loops). One row per fact, with its source:
--   hub_equity        equity the hub put in (closed rounds, stakes held, joint-venture capital);
--   hub_commitment    equity promised, not delivered (announced, committed, stalled);
--   hub_financing     money the hub lent (debt, facilities);
--   bought_from_hub   what the counterparty pays the hub (purchases, leases, cloud
--                     capacity, ...; equity or warrants it gives the hub);
--   via_hub_vehicle   what it pays a vehicle (kind spv) the hub holds equity in;
--   hub_pays          what the hub pays the counterparty otherwise (backstops,
--                     leasebacks, capacity it buys, warrants it issues).
-- The pairs are found from the deals and relationships (few), never by reading
-- every participation.
DROP VIEW circular_financing_flows;
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
candidates AS MATERIALIZED (
    SELECT payer_group AS hub, payee_group AS company FROM linked
    UNION
    SELECT payee_group, payer_group FROM linked
    UNION
    SELECT o.owner_group, l.payer_group FROM vehicle_owners o JOIN linked l ON l.payee_id = o.vehicle_id
    WHERE l.flow <> 'equity' AND l.payer_group <> o.owner_group
),
-- The groups of candidate pairs that invest at all (one index probe each): only they
-- can have put equity in, or have paid back with it.
investing AS MATERIALIZED (
    SELECT g.hub AS group_id FROM (SELECT DISTINCT hub FROM candidates) g
    WHERE EXISTS (SELECT 1 FROM company_groups m CROSS JOIN round_investors ri ON ri.investor_id = m.company_id
                  WHERE m.group_id = g.hub)
),
-- Equity the hubs of candidate pairs put into the counterparties: read from the
-- counterparties' rounds (few per company).
equity_in AS MATERIALIZED (
    SELECT p.hub, p.company, e.*
    FROM investing i
    CROSS JOIN candidates p ON p.hub = i.group_id
    CROSS JOIN company_groups mc ON mc.group_id = p.company
    CROSS JOIN equity_flows e ON e.payee_id = mc.company_id
    CROSS JOIN company_groups mh ON mh.company_id = e.payer_id AND mh.group_id = p.hub
),
equity_back AS MATERIALIZED (
    SELECT p.hub, p.company, e.*
    FROM investing i
    CROSS JOIN candidates p ON p.company = i.group_id
    CROSS JOIN company_groups mh ON mh.group_id = p.hub
    CROSS JOIN equity_flows e ON e.payee_id = mh.company_id
    CROSS JOIN company_groups mc ON mc.company_id = e.payer_id AND mc.group_id = p.company
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
    UNION ALL
    SELECT l.payee_group, l.payer_group, 'bought_from_hub',
           CASE l.fact_table WHEN 'supply_deals' THEN 'deal: ' ELSE 'relationship: ' END || l.kind,
           l.amount_usd, l.amount_status, l.status, l.counted, l.announced_on, l.fact_table, l.fact_id, l.source_id
    FROM linked l
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
),
-- Pairs in which the hub put money in.
circular AS MATERIALIZED (
    SELECT DISTINCT hub, company FROM facts WHERE flow IN ('hub_equity', 'hub_commitment', 'hub_financing')
)
SELECT h.name AS hub, c.name AS company, f.flow, f.kind, f.amount_usd, f.amount_status, f.status, f.counted,
       f.announced_on, f.fact_id AS fact, f.source_id
FROM facts f
JOIN circular p ON p.hub = f.hub AND p.company = f.company
JOIN companies h ON h.id = f.hub
JOIN companies c ON c.id = f.company;

-- The ratio is money back over money in: (bought from the hub + paid to the hub's
-- vehicles) / (the hub's equity + commitments + financing), stated amounts only,
-- overlapping and cancelled facts left out; NULL when either side states no amount.
-- What the hub pays the counterparty (backstops, leasebacks) is its own column and
-- is not in the ratio: it is money going out, not coming back.
DROP VIEW circular_financing;
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

-- 9. Concentration ---------------------------------------------------------------------

-- Per provider (a group paid for supply), each customer's share of the provider's
-- stated contracted value in supply deals (counted, not cancelled), and whether the
-- customer is also the provider's investee (the provider put equity into it) or its
-- investor. `claims`: what sources say about the pair (subject provider, counterparty
-- customer), to hold against the share.
CREATE VIEW concentration AS
WITH supply AS MATERIALIZED (
    SELECT gq.group_id AS provider, gp.group_id AS customer, f.amount_usd, f.counted
    FROM deal_flows f
    JOIN money_flow_kinds k ON k.id = f.flow AND k.category = 'supply'
    JOIN company_groups gp ON gp.company_id = f.payer_id
    JOIN company_groups gq ON gq.company_id = f.payee_id
    WHERE gp.group_id <> gq.group_id AND f.status IS NOT 'cancelled'
),
pairs AS MATERIALIZED (
    SELECT provider, customer, sum(CASE WHEN counted = 1 THEN amount_usd END) AS contracted_usd, count(*) AS deals,
           sum(counted = 1 AND amount_usd IS NULL) AS deals_without_value
    FROM supply GROUP BY provider, customer
),
totals AS MATERIALIZED (
    SELECT provider, sum(contracted_usd) AS total_usd, count(*) AS customers FROM pairs GROUP BY provider
)
SELECT
    pv.name AS provider,
    cu.name AS customer,
    p.contracted_usd,
    t.total_usd AS provider_contracted_usd,
    round(1.0 * p.contracted_usd / nullif(t.total_usd, 0), 4) AS share,
    p.deals,
    p.deals_without_value,
    EXISTS (SELECT 1 FROM company_groups mc JOIN equity_flows e ON e.payee_id = mc.company_id
            JOIN company_groups mp ON mp.company_id = e.payer_id
            WHERE mc.group_id = p.customer AND mp.group_id = p.provider) AS customer_is_investee,
    EXISTS (SELECT 1 FROM company_groups mp JOIN equity_flows e ON e.payee_id = mp.company_id
            JOIN company_groups mc ON mc.company_id = e.payer_id
            WHERE mp.group_id = p.provider AND mc.group_id = p.customer) AS customer_is_investor,
    (SELECT group_concat(cl.id, '; ') FROM claims cl
     JOIN company_groups s ON s.company_id = cl.subject_id JOIN company_groups o ON o.company_id = cl.counterparty_id
     WHERE s.group_id = p.provider AND o.group_id = p.customer) AS claims,
    'money_flows' AS drill_down
FROM pairs p
JOIN totals t ON t.provider = p.provider
JOIN companies pv ON pv.id = p.provider
JOIN companies cu ON cu.id = p.customer
ORDER BY pv.name, p.contracted_usd IS NULL, p.contracted_usd DESC, cu.name;

-- 10. Commitments ----------------------------------------------------------------------

-- Per company (group): money promised (rumored, announced, committed, stalled) vs
-- signed vs delivered, going out and coming in. Counted flows with a stated amount;
-- flows inside a group and cancelled ones left out; relationships state no status
-- and are counted in flows only. Each company's flows are read from its members'
-- indexes (one JSON object per side), so a filter on company costs that company.
CREATE VIEW commitments AS
SELECT company,
       json_extract(o, '$.promised') AS out_promised_usd,
       json_extract(o, '$.signed') AS out_signed_usd,
       json_extract(o, '$.delivered') AS out_delivered_usd,
       json_extract(i, '$.promised') AS in_promised_usd,
       json_extract(i, '$.signed') AS in_signed_usd,
       json_extract(i, '$.delivered') AS in_delivered_usd,
       json_extract(o, '$.flows') AS flows_out,
       json_extract(i, '$.flows') AS flows_in,
       json_extract(o, '$.unstated') + json_extract(i, '$.unstated') AS flows_without_amount,
       'money_flows' AS drill_down
FROM (
    -- DISTINCT (the rows are distinct anyway) keeps SQLite from flattening this
    -- subquery into the outer one, which would copy each JSON subquery into every
    -- json_extract that reads it (12 evaluations per company instead of 2, 47 s at
    -- 250,000 rounds); a filter on company is still pushed down into it.
    SELECT DISTINCT c.id, c.name AS company,
           (SELECT json_object(
                'promised', sum(CASE WHEN counted = 1 AND status IN ('rumored', 'announced', 'committed', 'stalled') THEN amount_usd END),
                'signed', sum(CASE WHEN counted = 1 AND status = 'signed' THEN amount_usd END),
                'delivered', sum(CASE WHEN counted = 1 AND status = 'delivered' THEN amount_usd END),
                'flows', coalesce(sum(status IS NOT 'cancelled'), 0),
                'unstated', coalesce(sum(status IS NOT 'cancelled' AND counted = 1 AND amount_usd IS NULL), 0))
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
           (SELECT json_object(
                'promised', sum(CASE WHEN counted = 1 AND status IN ('rumored', 'announced', 'committed', 'stalled') THEN amount_usd END),
                'signed', sum(CASE WHEN counted = 1 AND status = 'signed' THEN amount_usd END),
                'delivered', sum(CASE WHEN counted = 1 AND status = 'delivered' THEN amount_usd END),
                'flows', coalesce(sum(status IS NOT 'cancelled'), 0),
                'unstated', coalesce(sum(status IS NOT 'cancelled' AND counted = 1 AND amount_usd IS NULL), 0))
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
WHERE json_extract(o, '$.flows') + json_extract(i, '$.flows') > 0;

-- 11. Neoclouds, with NVIDIA's stake from nvidia_rounds ----------------------------------

DROP VIEW neoclouds;
CREATE VIEW neoclouds AS
WITH nvidia AS MATERIALIZED (
    SELECT m.company_id AS id FROM companies n JOIN company_groups m ON m.group_id = n.id WHERE n.name = 'NVIDIA'
),
stakes AS MATERIALIZED (
    SELECT company, count(*) AS rounds, sum(nvidia_amount_usd) AS known_usd FROM nvidia_rounds GROUP BY company
),
candidates AS (
    SELECT c.* FROM companies c
    WHERE c.sector_id = 'ai_infrastructure' AND (
        EXISTS (SELECT 1 FROM supply_deals d WHERE d.supplier_id = c.id)
        OR EXISTS (SELECT 1 FROM supply_deals d WHERE d.customer_id = c.id)
        OR EXISTS (SELECT 1 FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
                   WHERE r.company_id = c.id AND ri.investor_id IN (SELECT id FROM nvidia))
        OR EXISTS (SELECT 1 FROM relationships rel
                   WHERE rel.to_id = c.id AND rel.from_id IN (SELECT id FROM nvidia) AND rel.kind = 'investor_in'))
)
SELECT
    c.name AS company,
    c.origin,
    c.country_code,
    c.status,
    coalesce((SELECT rounds FROM stakes s WHERE s.company = c.name), 0) AS nvidia_rounds,
    (SELECT known_usd FROM stakes s WHERE s.company = c.name) AS nvidia_known_usd,
    (SELECT count(*) FROM supply_deals d WHERE d.supplier_id = c.id)
        + (SELECT count(*) FROM supply_deals d WHERE d.customer_id = c.id) AS gpu_deals,
    -- Overlapping deals (overlaps_deal_id) are counted above but never added up.
    (SELECT sum(d.value_usd) FROM supply_deals d
     WHERE (d.supplier_id = c.id OR d.customer_id = c.id) AND d.overlaps_deal_id IS NULL) AS gpu_deals_usd,
    (SELECT sum(d.gpu_count) FROM supply_deals d
     WHERE (d.supplier_id = c.id OR d.customer_id = c.id) AND d.overlaps_deal_id IS NULL) AS gpus,
    (SELECT group_concat(DISTINCT cu.name) FROM supply_deals d JOIN companies cu ON cu.id = d.customer_id
     WHERE d.supplier_id = c.id) AS customers,
    c.source_id AS company_source_id,
    'circular_financing_flows' AS drill_down
FROM candidates c;

-- 12. Claims versus data, by group -----------------------------------------------------

-- A claim about a group's top (NVIDIA) counts what all its units did (NVentures too);
-- a claim about a unit counts that unit.
DROP VIEW claims_vs_data;
DROP VIEW claim_derivations;
CREATE VIEW claim_derivations AS
WITH claim AS (
    SELECT cl.*,
           cl.period_start AS from_on,
           CASE length(cl.period_end)
               WHEN 4 THEN cl.period_end || '-12-31'
               WHEN 7 THEN date(cl.period_end || '-01', '+1 month', '-1 day')
               ELSE cl.period_end END AS to_on,
           CASE WHEN instr(cl.scope, ' ') > 0 THEN substr(cl.scope, 1, instr(cl.scope, ' ') - 1) END AS scope_word
    FROM claims cl
),
-- The companies whose investments a claim about its subject counts.
members AS MATERIALIZED (
    SELECT cl.id AS claim_id, m.company_id FROM claim cl JOIN company_groups m ON m.group_id = cl.subject_id
    UNION
    SELECT cl.id, cl.subject_id FROM claim cl WHERE cl.subject_id IS NOT NULL
),
nvidia AS MATERIALIZED (
    SELECT m.company_id AS id FROM companies n JOIN company_groups m ON m.group_id = n.id WHERE n.name = 'NVIDIA'
)
-- Each derivation starts from the claim's subject and its investor index, so the
-- view costs the subject's rounds, not the whole knowledge base.
SELECT cl.id AS claim_id,
    CASE cl.metric
        WHEN 'investment_count' THEN
            (SELECT count(DISTINCT ri.round_id) FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'major_investment_count' THEN
            (SELECT count(DISTINCT ri.round_id) FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'major_investment_total_usd' THEN
            (SELECT sum(ri.amount_usd) FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'companies_with_round_over_1b' THEN
            (SELECT count(*) FROM (SELECT r.company_id, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
              WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
                AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 1000000000)
        WHEN 'companies_with_round_several_hundred_million' THEN
            (SELECT count(*) FROM (SELECT r.company_id, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
              WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
                AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 200000000 AND largest < 1000000000)
        WHEN 'companies_with_round_just_over_100m' THEN
            (SELECT count(*) FROM (SELECT r.company_id, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
              WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
                AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 100000000 AND largest < 200000000)
        WHEN 'big_round_companies_in_sector' THEN
            (SELECT count(*) FROM (SELECT r.company_id, c.sector_id AS sector, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
              WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
                AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 1000000000
             AND (sector = cl.scope_word
                  OR (cl.scope_word = 'other' AND coalesce(sector, '') NOT IN
                      ('large_models', 'ai_infrastructure', 'autonomous_driving', 'humanoid_robots'))))
        WHEN 'investment_share_pct' THEN
            (SELECT round(100.0 * sum(CASE WHEN c.sector_id = cl.scope_word THEN ri.amount_usd END) / nullif(sum(ri.amount_usd), 0), 1)
             FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'round_amount_usd' THEN
            (SELECT r.amount_usd FROM funding_rounds r WHERE r.company_id = cl.subject_id
             AND (r.announced_on IS NULL OR (r.announced_on >= substr(cl.from_on, 1, 4) AND r.announced_on <= cl.to_on))
             ORDER BY r.announced_on IS NULL, r.announced_on DESC LIMIT 1)
        WHEN 'nvidia_share_of_round_pct' THEN
            (SELECT coalesce(ri.share_pct, round(100.0 * ri.amount_usd / r.amount_usd, 1))
             FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
             WHERE r.company_id = cl.subject_id AND ri.investor_id IN (SELECT id FROM nvidia)
             ORDER BY r.announced_on DESC LIMIT 1)
        WHEN 'nvidia_investment_usd' THEN
            (SELECT sum(ri.amount_usd) FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
             WHERE r.company_id = cl.subject_id AND ri.investor_id IN (SELECT id FROM nvidia)
               AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'valuation_usd' THEN
            (SELECT r.post_money_valuation_usd FROM funding_rounds r WHERE r.company_id = cl.subject_id
             AND r.post_money_valuation_usd IS NOT NULL AND r.announced_on <= cl.to_on
             ORDER BY r.announced_on DESC LIMIT 1)
        WHEN 'share_of_portfolio_rounds_after_series_b' THEN
            (SELECT round(100.0 * sum(rt.late_stage = 1) / nullif(sum(rt.late_stage IS NOT NULL), 0), 1)
             FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN round_types rt ON rt.id = r.round_type
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
    END AS derived_value,
    CASE cl.metric
        WHEN 'investment_count' THEN 'rounds ' || (SELECT name FROM companies WHERE id = cl.subject_id)
            || (CASE WHEN EXISTS (SELECT 1 FROM company_groups WHERE group_id = cl.subject_id AND depth > 0) THEN ' and its units' ELSE '' END)
            || ' joined from ' || cl.from_on || ' to ' || cl.to_on
            || ' in this knowledge base, which holds a sourced sample of rounds, not a full deal database'
        WHEN 'major_investment_count' THEN 'all rounds NVIDIA joined in the claim''s period (the source does not define "major"'
            || ' and the data has no week-level grouping)'
        WHEN 'major_investment_total_usd' THEN 'the sum of NVIDIA''s own stated amounts in those rounds (unstated amounts count as nothing)'
        WHEN 'companies_with_round_over_1b' THEN 'companies with a round of at least $1B that NVIDIA joined in the period'
        WHEN 'companies_with_round_several_hundred_million' THEN 'companies whose largest NVIDIA round in the period was $200M to $1B'
        WHEN 'companies_with_round_just_over_100m' THEN 'companies whose largest NVIDIA round in the period was $100M to $200M'
        WHEN 'big_round_companies_in_sector' THEN 'companies in the sector with a round of at least $1B that NVIDIA joined in the period'
        WHEN 'investment_share_pct' THEN 'the sector''s share of NVIDIA''s stated own amounts in the period'
        WHEN 'round_amount_usd' THEN 'the amount of the subject''s round that matches the claim''s period'
        WHEN 'nvidia_share_of_round_pct' THEN 'NVIDIA''s stated share, or its stated amount over the round''s amount'
        WHEN 'nvidia_investment_usd' THEN 'NVIDIA''s stated amounts in the subject''s rounds in the period'
        WHEN 'valuation_usd' THEN 'the latest post-money valuation stated up to the end of the period'
        WHEN 'share_of_portfolio_rounds_after_series_b' THEN 'percent of NVIDIA''s rounds of known stage that were Series B or later'
        WHEN 'projected_cash_burn_usd' THEN 'cannot be derived: the knowledge base holds no cash-flow projections'
        WHEN 'stock_multiple_since_ipo' THEN 'cannot be derived: the knowledge base holds no share prices'
        ELSE 'cannot be derived: no derivation is defined for the metric ' || cl.metric
    END AS basis
FROM claim cl;

-- The main view keeps what scans in a terminal; the claim in words and how the
-- figure is derived are in claim_details.
CREATE VIEW claims_vs_data AS
-- Materialized: every derivation runs once, not once per mention below.
WITH derivations AS MATERIALIZED (SELECT claim_id, derived_value, basis FROM claim_derivations)
SELECT
    cl.id AS claim_id,
    s.name AS subject,
    cl.metric,
    cl.period_start,
    cl.period_end,
    cl.value_text AS claimed,
    cl.unit,
    d.derived_value AS derived,
    CASE WHEN cl.value IS NOT NULL AND d.derived_value IS NOT NULL THEN d.derived_value - cl.value END AS gap,
    CASE
        WHEN d.derived_value IS NULL AND d.basis LIKE 'cannot be derived%' THEN 'cannot derive'
        WHEN d.derived_value IS NULL THEN 'no data'
        WHEN cl.value IS NULL AND cl.value_text = 'majority' THEN
            CASE WHEN d.derived_value > 50 THEN 'consistent' ELSE 'differs' END
        WHEN cl.value IS NULL THEN 'not comparable'
        WHEN abs(d.derived_value - cl.value) <= 0.05 * abs(cl.value) THEN 'matches'
        WHEN d.derived_value < cl.value THEN 'below claim'
        ELSE 'above claim'
    END AS verdict,
    cl.status AS claim_status,
    cl.source_id,
    'claim_details' AS drill_down
FROM claims cl
LEFT JOIN companies s ON s.id = cl.subject_id
LEFT JOIN derivations d ON d.claim_id = cl.id;

CREATE VIEW claim_details AS
SELECT cl.id AS claim_id, s.name AS subject, o.name AS counterparty, cl.statement, d.basis, cl.scope, cl.notes, cl.source_id
FROM claims cl
LEFT JOIN companies s ON s.id = cl.subject_id
LEFT JOIN companies o ON o.id = cl.counterparty_id
LEFT JOIN claim_derivations d ON d.claim_id = cl.id;

-- 13. The catalog -------------------------------------------------------------------------

INSERT INTO reports (name, title, description, builtin) VALUES
    ('money_flows', 'Money flows', 'One row per flow of money between two companies, in the direction the money moves: equity from the investor to the company, supply paid by the customer, backstops by the backstopper, leasebacks by the original seller, warrants given by the issuer (in kind). With the amount as stated, its status, what it pays for, both groups, and the fact and source behind it. Rows with counted = 0 repeat another fact and are never summed.', 1),
    ('money_loops', 'Money loops', 'Every loop of 2 to 5 distinct groups in money_flows (units rolled up to their top parent; cancelled flows and flows inside a group left out), each listed once: the companies in order, the flows of each leg, the smallest leg and how many legs are only promised. Drill-down: money_loop_legs.', 1),
    ('money_loop_legs', 'Money loops: the legs', 'Each leg of each money loop with every flow behind it: payer and payee as the loop counts them (top parents), the unit the fact names where it differs, the flow, amount, status and source.', 1),
    ('portfolio', 'Portfolio of any investor', 'Per investor (rolled up to its group, with the units it invested through) and company: the rounds joined, their amounts, the investor''s own stated amounts, leads and the latest valuation. Drill-down: portfolio_rounds.', 1),
    ('portfolio_rounds', 'Portfolio rounds', 'One sourced row per participation of an investor''s group in a round: the unit that invested, the round''s and the investor''s own amounts, lead, valuation, status and both sources.', 1),
    ('concentration', 'Customer concentration', 'Per provider, each customer''s share of the provider''s stated contracted value in supply deals, and whether the customer is also the provider''s investee or its investor, with the claims sources make about the pair.', 1),
    ('commitments', 'Commitments', 'Per company (group), money promised (rumored, announced, committed, stalled) against signed and delivered, going out and coming in.', 1),
    ('claim_details', 'Claims: the details', 'Each claim in words, how the knowledge base derives the figure it is held against (or why it cannot), its scope and notes.', 1);

UPDATE reports SET description = 'Rounds per investor group (a group''s units counted with it, each round once) in the 24 months up to the newest round in the knowledge base, most rounds first (the seed article: NVIDIA 83, Alphabet 73, Microsoft 40).'
WHERE name = 'investor_activity';
UPDATE reports SET description = 'Per hub (any group) and company it put money into: the hub''s equity, commitments and financing against what the company pays back to the hub (directly or through a vehicle the hub holds equity in), the ratio of the two, and what the hub pays the company (backstops, leasebacks), kept apart. Drill-down: circular_financing_flows.'
WHERE name = 'circular_financing';
UPDATE reports SET description = 'Every money flow between a hub and a company it put money into, one row each with its source: the hub''s equity, commitments and financing, what the company pays the hub or its vehicles, and what the hub pays the company.'
WHERE name = 'circular_financing_flows';
UPDATE reports SET description = 'Each company NVIDIA''s group (NVIDIA, NVentures) invested in: its sector, the rounds joined and their amounts, NVIDIA''s own stated amount, how often it led, and the latest valuation: the portfolio report filtered to NVIDIA. Drill down in nvidia_rounds for the sources.'
WHERE name = 'nvidia_portfolio';
UPDATE reports SET description = 'One row per participation of NVIDIA''s group (NVIDIA, NVentures) in a funding round or commitment, with the round''s and NVIDIA''s own amounts, the lead, the valuation and the sources of both: portfolio_rounds filtered to NVIDIA.'
WHERE name = 'nvidia_rounds';
UPDATE reports SET description = 'Each aggregate figure a source states, the value the knowledge base derives for the same question, the gap and a verdict; where the data cannot derive it, the reason is in claim_details. How complete the knowledge base is, at a glance.'
WHERE name = 'claims_vs_data';

-- The rebuilt reports get their columns anew.
DELETE FROM report_columns WHERE report IN ('nvidia_rounds', 'investor_activity', 'circular_financing', 'circular_financing_flows', 'claims_vs_data');

INSERT INTO report_columns (report, position, name, description, unit, refers_to) VALUES
    ('money_flows', 1, 'payer', 'The company whose money moves (as the fact names it: a unit stays the unit)', 'text', 'company'),
    ('money_flows', 2, 'payee', 'The company that receives it', 'text', 'company'),
    ('money_flows', 3, 'flow', 'What the money is: equity, purchase, lease, cloud_capacity, capacity_backstop, leaseback, prepayment, revenue_share, warrant, financing, acquisition (see money_flow_kinds)', 'text', NULL),
    ('money_flows', 4, 'amount_usd', 'The amount as stated, USD: the investor''s own for equity (NULL when only the round''s total is known), the deal''s value', 'usd', NULL),
    ('money_flows', 5, 'amount_min_usd', 'A stated lower bound ("more than $10B"), USD', 'usd', NULL),
    ('money_flows', 6, 'amount_status', 'confirmed, reported, estimated, up_to or disputed', 'text', NULL),
    ('money_flows', 7, 'round_amount_usd', 'For equity: the whole round''s amount, USD, never the investor''s share of it', 'usd', NULL),
    ('money_flows', 8, 'status', 'rumored, announced, committed, signed, delivered, stalled or cancelled (a closed round is delivered; a relationship states none)', 'text', NULL),
    ('money_flows', 9, 'announced_on', 'Date', 'date', NULL),
    ('money_flows', 10, 'counted', '1: summed by the reports; 0: repeats another fact (overlaps), listed but never summed', 'count', NULL),
    ('money_flows', 11, 'gpu_model', 'What a deal pays for: the GPU or system', 'text', NULL),
    ('money_flows', 12, 'gpu_count', 'How many GPUs', 'count', NULL),
    ('money_flows', 13, 'power_mw', 'Data-centre power, MW', 'mw', NULL),
    ('money_flows', 14, 'payer_group', 'The payer''s top parent (itself when it has none)', 'text', 'group'),
    ('money_flows', 15, 'payee_group', 'The payee''s top parent', 'text', 'group'),
    ('money_flows', 16, 'kind', 'The round type, deal kind or relationship kind of the fact', 'text', NULL),
    ('money_flows', 17, 'fact_table', 'round_investors, supply_deals or relationships', 'text', NULL),
    ('money_flows', 18, 'fact_id', 'The round''s or deal''s id (round_id, deal_id), or "deal N" / "relationship N"', 'text', NULL),
    ('money_flows', 19, 'source_id', 'Its source', 'text', NULL),
    ('money_loops', 1, 'loop_id', 'The loop: its groups'' ids from the smallest, joined by -; stable while the ids are', 'text', NULL),
    ('money_loops', 2, 'companies', 'The groups in the order money moves, from the one with the smallest id; the last pays the first', 'text', NULL),
    ('money_loops', 3, 'length', 'Companies in the loop (2 to 5)', 'count', NULL),
    ('money_loops', 4, 'legs', 'The flows of each leg in order (+ between flows of one leg, | between legs)', 'text', NULL),
    ('money_loops', 5, 'smallest_leg_usd', 'The smallest leg''s stated amount (the sum of its counted flows), USD; NULL when a leg states none', 'usd', NULL),
    ('money_loops', 6, 'unconfirmed_legs', 'Legs whose every flow is only rumored, announced, committed or stalled', 'count', NULL),
    ('money_loops', 7, 'legs_without_amount', 'Legs with no stated amount', 'count', NULL),
    ('money_loops', 8, 'flows', 'Facts behind the legs', 'count', NULL),
    ('money_loops', 9, 'drill_down', 'The report with every leg''s flows and sources', 'text', NULL),
    ('money_loop_legs', 1, 'loop_id', 'The loop (money_loops.loop_id)', 'text', NULL),
    ('money_loop_legs', 2, 'leg', 'The leg''s place in the loop, from 1', 'count', NULL),
    ('money_loop_legs', 3, 'payer', 'The group that pays, as the loop counts it (top parent)', 'text', 'group'),
    ('money_loop_legs', 4, 'payee', 'The group that is paid', 'text', 'group'),
    ('money_loop_legs', 5, 'payer_unit', 'The unit the fact names, where it is not the group itself (NVentures for NVIDIA)', 'text', 'company'),
    ('money_loop_legs', 6, 'payee_unit', 'The unit paid, where it is not the group itself (Microsoft Azure for Microsoft)', 'text', 'company'),
    ('money_loop_legs', 7, 'flow', 'What the money is (see money_flow_kinds)', 'text', NULL),
    ('money_loop_legs', 8, 'amount_usd', 'The amount as stated, USD', 'usd', NULL),
    ('money_loop_legs', 9, 'status', 'rumored, announced, committed, signed, delivered or stalled (NULL for a relationship)', 'text', NULL),
    ('money_loop_legs', 10, 'source_id', 'The source of the fact', 'text', NULL),
    ('money_loop_legs', 11, 'counted', '1: in the leg''s amount; 0: repeats another fact', 'count', NULL),
    ('money_loop_legs', 12, 'announced_on', 'Date', 'date', NULL),
    ('money_loop_legs', 13, 'fact_table', 'round_investors, supply_deals or relationships', 'text', NULL),
    ('money_loop_legs', 14, 'fact_id', 'The round''s or deal''s id', 'text', NULL),
    ('portfolio', 1, 'investor', 'The investor''s group (top parent)', 'text', 'group'),
    ('portfolio', 2, 'company', 'The company invested in', 'text', 'company'),
    ('portfolio', 3, 'sector', 'Its sector (a row of sectors)', 'text', NULL),
    ('portfolio', 4, 'units', 'The units of the group that invested, where not the group itself (NVentures)', 'text', NULL),
    ('portfolio', 5, 'rounds_joined', 'Rounds the group took part in, commitments included', 'count', NULL),
    ('portfolio', 6, 'rounds', 'Those rounds: type and date', 'text', NULL),
    ('portfolio', 7, 'rounds_total_usd', 'Sum of those rounds'' amounts, USD', 'usd', NULL),
    ('portfolio', 8, 'investor_known_usd', 'Sum of the group''s own stated amounts, USD (unstated ones count as nothing)', 'usd', NULL),
    ('portfolio', 9, 'rounds_with_investor_amount', 'Rounds where a source states the group''s own amount', 'count', NULL),
    ('portfolio', 10, 'rounds_led', 'Rounds it led', 'count', NULL),
    ('portfolio', 11, 'rounds_lead_disputed', 'Rounds where sources disagree whether it led', 'count', NULL),
    ('portfolio', 12, 'latest_valuation_usd', 'The company''s latest stated post-money valuation, USD', 'usd', NULL),
    ('portfolio', 13, 'latest_valuation_on', 'Date of that valuation''s round', 'date', NULL),
    ('portfolio', 14, 'first_round_on', 'First round joined', 'date', NULL),
    ('portfolio', 15, 'last_round_on', 'Latest round joined', 'date', NULL),
    ('portfolio', 16, 'drill_down', 'The report with one sourced row per participation', 'text', NULL),
    ('portfolio_rounds', 1, 'investor', 'The investor''s group (top parent)', 'text', 'group'),
    ('portfolio_rounds', 2, 'investor_unit', 'The unit that invested, where it is not the group itself', 'text', 'company'),
    ('portfolio_rounds', 3, 'company', 'The company that raised', 'text', 'company'),
    ('portfolio_rounds', 4, 'sector', 'Its sector', 'text', NULL),
    ('portfolio_rounds', 5, 'round_id', 'The round''s id (external_id)', 'text', NULL),
    ('portfolio_rounds', 6, 'round_type', 'Crunchbase round type (see round_types)', 'text', NULL),
    ('portfolio_rounds', 7, 'round_label', 'The round as the source names it', 'text', NULL),
    ('portfolio_rounds', 8, 'announced_on', 'Announcement date, ISO, day, month or year precision', 'date', NULL),
    ('portfolio_rounds', 9, 'year', 'Year of announcement', 'date', NULL),
    ('portfolio_rounds', 10, 'round_amount_usd', 'The whole round, USD', 'usd', NULL),
    ('portfolio_rounds', 11, 'round_amount_status', 'confirmed, reported, estimated, up_to or disputed', 'text', NULL),
    ('portfolio_rounds', 12, 'investor_amount_usd', 'The investor''s own stated amount, USD', 'usd', NULL),
    ('portfolio_rounds', 13, 'investor_amount_status', 'Status of that amount', 'text', NULL),
    ('portfolio_rounds', 14, 'investor_share_pct', 'The investor''s stated share of the round, percent', 'percent', NULL),
    ('portfolio_rounds', 15, 'investor_led', 'yes, no or disputed', 'text', NULL),
    ('portfolio_rounds', 16, 'post_money_valuation_usd', 'Post-money valuation of the round, USD', 'usd', NULL),
    ('portfolio_rounds', 17, 'late_stage', '1 for Series B or later, 0 earlier, NULL unknown', 'count', NULL),
    ('portfolio_rounds', 18, 'is_commitment', '1 for an investment commitment (announced, not closed)', 'count', NULL),
    ('portfolio_rounds', 19, 'round_status', 'closed, announced, committed, stalled or cancelled', 'text', NULL),
    ('portfolio_rounds', 20, 'round_source_id', 'Source of the round', 'text', NULL),
    ('portfolio_rounds', 21, 'investor_source_id', 'Source of the participation', 'text', NULL),
    ('nvidia_rounds', 1, 'company', 'The company that raised', 'text', 'company'),
    ('nvidia_rounds', 2, 'sector', 'Its sector', 'text', NULL),
    ('nvidia_rounds', 3, 'round_id', 'The round''s id (external_id)', 'text', NULL),
    ('nvidia_rounds', 4, 'round_type', 'Crunchbase round type (see round_types)', 'text', NULL),
    ('nvidia_rounds', 5, 'round_label', 'The round as the source names it', 'text', NULL),
    ('nvidia_rounds', 6, 'announced_on', 'Announcement date, ISO, day, month or year precision', 'date', NULL),
    ('nvidia_rounds', 7, 'year', 'Year of announcement', 'date', NULL),
    ('nvidia_rounds', 8, 'round_amount_usd', 'The whole round, USD', 'usd', NULL),
    ('nvidia_rounds', 9, 'round_amount_status', 'confirmed, reported, estimated, up_to or disputed', 'text', NULL),
    ('nvidia_rounds', 10, 'nvidia_amount_usd', 'NVIDIA''s own stated amount, USD', 'usd', NULL),
    ('nvidia_rounds', 11, 'nvidia_amount_status', 'Status of that amount', 'text', NULL),
    ('nvidia_rounds', 12, 'nvidia_share_pct', 'NVIDIA''s stated share of the round, percent', 'percent', NULL),
    ('nvidia_rounds', 13, 'nvidia_led', 'yes, no or disputed', 'text', NULL),
    ('nvidia_rounds', 14, 'post_money_valuation_usd', 'Post-money valuation of the round, USD', 'usd', NULL),
    ('nvidia_rounds', 15, 'late_stage', '1 for Series B or later, 0 earlier, NULL unknown', 'count', NULL),
    ('nvidia_rounds', 16, 'is_commitment', '1 for an announced, not closed investment', 'count', NULL),
    ('nvidia_rounds', 17, 'round_source_id', 'Source of the round', 'text', NULL),
    ('nvidia_rounds', 18, 'nvidia_source_id', 'Source of NVIDIA''s participation', 'text', NULL),
    ('nvidia_rounds', 19, 'nvidia_unit', 'NVentures where NVIDIA''s venture arm invested (empty: NVIDIA itself)', 'text', 'company'),
    ('investor_activity', 1, 'investor', 'The investor''s group (its units counted with it)', 'text', 'group'),
    ('investor_activity', 2, 'investor_kind', 'Its kind (startup, big_tech, investment_firm, ...)', 'text', NULL),
    ('investor_activity', 3, 'rounds_in_window', 'Rounds it took part in during the trailing 24-month window', 'count', NULL),
    ('investor_activity', 4, 'led_in_window', 'Rounds it led in the window', 'count', NULL),
    ('investor_activity', 5, 'window_start', 'First day of the window', 'date', NULL),
    ('investor_activity', 6, 'window_end', 'The newest round date in the knowledge base', 'date', NULL),
    ('circular_financing', 1, 'hub', 'The group that put money in', 'text', 'group'),
    ('circular_financing', 2, 'company', 'The counterparty (a group)', 'text', 'group'),
    ('circular_financing', 3, 'hub_in_usd', 'Equity plus commitments plus financing: the money the hub put in, USD', 'usd', NULL),
    ('circular_financing', 4, 'back_to_hub_usd', 'Bought from the hub plus via its vehicles: the money that came back, USD', 'usd', NULL),
    ('circular_financing', 5, 'circular_ratio', 'back_to_hub_usd / hub_in_usd: dollars that came back to the hub per dollar it put in (stated amounts only, overlapping and cancelled facts left out); NULL when either side states no amount', 'ratio', NULL),
    ('circular_financing', 6, 'hub_pays_usd', 'What the hub pays the company besides investing (backstops, leasebacks, capacity it buys, warrants it issues), USD; not in the ratio', 'usd', NULL),
    ('circular_financing', 7, 'hub_equity_usd', 'The hub''s stated own amounts in delivered equity (closed rounds, stakes, joint-venture capital), USD', 'usd', NULL),
    ('circular_financing', 8, 'hub_commitments_usd', 'Equity the hub promised but has not delivered (announced, committed, stalled), USD', 'usd', NULL),
    ('circular_financing', 9, 'hub_financing_usd', 'Money the hub lent (debt, facilities), USD', 'usd', NULL),
    ('circular_financing', 10, 'bought_from_hub_usd', 'What the company pays the hub directly (purchases, leases, cloud capacity; equity or warrants it gives the hub), USD', 'usd', NULL),
    ('circular_financing', 11, 'via_hub_vehicles_usd', 'What the company pays a vehicle (kind spv) the hub holds equity in, USD', 'usd', NULL),
    ('circular_financing', 12, 'flows', 'Facts between the two', 'count', NULL),
    ('circular_financing', 13, 'flows_without_amount', 'Facts with no stated amount (counted as nothing above)', 'count', NULL),
    ('circular_financing', 14, 'drill_down', 'The report with one sourced row per flow', 'text', NULL),
    ('circular_financing_flows', 1, 'hub', 'The group that put money in', 'text', 'group'),
    ('circular_financing_flows', 2, 'company', 'The counterparty (a group)', 'text', 'group'),
    ('circular_financing_flows', 3, 'flow', 'hub_equity, hub_commitment, hub_financing, bought_from_hub, via_hub_vehicle or hub_pays', 'text', NULL),
    ('circular_financing_flows', 4, 'kind', 'The round type, deal kind or relationship kind', 'text', NULL),
    ('circular_financing_flows', 5, 'amount_usd', 'The stated amount, USD (NULL when no source states it)', 'usd', NULL),
    ('circular_financing_flows', 6, 'amount_status', 'Status of the amount', 'text', NULL),
    ('circular_financing_flows', 7, 'status', 'Status of the flow (see money_flows)', 'text', NULL),
    ('circular_financing_flows', 8, 'counted', '1: summed; 0: repeats another fact', 'count', NULL),
    ('circular_financing_flows', 9, 'announced_on', 'Date', 'date', NULL),
    ('circular_financing_flows', 10, 'fact', 'The round or deal id', 'text', NULL),
    ('circular_financing_flows', 11, 'source_id', 'Its source', 'text', NULL),
    ('concentration', 1, 'provider', 'The group paid for supply', 'text', 'group'),
    ('concentration', 2, 'customer', 'The group paying it', 'text', 'group'),
    ('concentration', 3, 'contracted_usd', 'The customer''s stated contracted value with the provider, USD (counted deals, not cancelled)', 'usd', NULL),
    ('concentration', 4, 'provider_contracted_usd', 'All the provider''s stated contracted value, USD', 'usd', NULL),
    ('concentration', 5, 'share', 'contracted_usd / provider_contracted_usd', 'share', NULL),
    ('concentration', 6, 'deals', 'Supply deals between the two', 'count', NULL),
    ('concentration', 7, 'deals_without_value', 'Counted deals with no stated value (not in the share)', 'count', NULL),
    ('concentration', 8, 'customer_is_investee', '1 when the provider put equity into the customer', 'count', NULL),
    ('concentration', 9, 'customer_is_investor', '1 when the customer put equity into the provider', 'count', NULL),
    ('concentration', 10, 'claims', 'Claims about the pair (subject the provider, counterparty the customer)', 'text', NULL),
    ('concentration', 11, 'drill_down', 'The report with the sourced flows', 'text', NULL),
    ('commitments', 1, 'company', 'The company (group)', 'text', 'group'),
    ('commitments', 2, 'out_promised_usd', 'Money it promised to pay: rumored, announced, committed or stalled, USD', 'usd', NULL),
    ('commitments', 3, 'out_signed_usd', 'Money it signed to pay, USD', 'usd', NULL),
    ('commitments', 4, 'out_delivered_usd', 'Money it paid (closed rounds, delivered deals), USD', 'usd', NULL),
    ('commitments', 5, 'in_promised_usd', 'Money promised to it, USD', 'usd', NULL),
    ('commitments', 6, 'in_signed_usd', 'Money signed to it, USD', 'usd', NULL),
    ('commitments', 7, 'in_delivered_usd', 'Money it received, USD', 'usd', NULL),
    ('commitments', 8, 'flows_out', 'Flows out (cancelled left out)', 'count', NULL),
    ('commitments', 9, 'flows_in', 'Flows in (cancelled left out)', 'count', NULL),
    ('commitments', 10, 'flows_without_amount', 'Counted flows with no stated amount', 'count', NULL),
    ('commitments', 11, 'drill_down', 'The report with the sourced flows', 'text', NULL),
    ('claims_vs_data', 1, 'claim_id', 'The claim (claims.id)', 'text', NULL),
    ('claims_vs_data', 2, 'subject', 'The company the claim is about', 'text', 'company'),
    ('claims_vs_data', 3, 'metric', 'What is counted or measured', 'text', NULL),
    ('claims_vs_data', 4, 'period_start', 'Start of the claim''s period', 'date', NULL),
    ('claims_vs_data', 5, 'period_end', 'End of the claim''s period', 'date', NULL),
    ('claims_vs_data', 6, 'claimed', 'The value as stated', 'text', NULL),
    ('claims_vs_data', 7, 'unit', 'Its unit', 'text', NULL),
    ('claims_vs_data', 8, 'derived', 'The value derived from the knowledge base', 'count', NULL),
    ('claims_vs_data', 9, 'gap', 'derived minus claimed, where both are numbers', 'count', NULL),
    ('claims_vs_data', 10, 'verdict', 'matches (within 5%), below claim, above claim, consistent, not comparable, no data or cannot derive', 'text', NULL),
    ('claims_vs_data', 11, 'claim_status', 'stated, disputed or contradicted', 'text', NULL),
    ('claims_vs_data', 12, 'source_id', 'The source making the claim', 'text', NULL),
    ('claims_vs_data', 13, 'drill_down', 'The report with the claim in words and how the figure is derived', 'text', NULL),
    ('claim_details', 1, 'claim_id', 'The claim (claims.id)', 'text', NULL),
    ('claim_details', 2, 'subject', 'The company the claim is about', 'text', 'company'),
    ('claim_details', 3, 'counterparty', 'The other company of the figure (the customer of a concentration share)', 'text', 'company'),
    ('claim_details', 4, 'statement', 'The claim in words', 'text', NULL),
    ('claim_details', 5, 'basis', 'How the derived value is computed, or why it cannot be', 'text', NULL),
    ('claim_details', 6, 'scope', 'What the figure covers', 'text', NULL),
    ('claim_details', 7, 'notes', 'Notes', 'text', NULL),
    ('claim_details', 8, 'source_id', 'The source making the claim', 'text', NULL);

-- The columns of the reports kept as they were: units where 0007 gave none, and the
-- company-valued ones.
UPDATE report_columns SET unit = 'text' WHERE unit IS NULL AND name IN (
    'company', 'sector', 'round_id', 'round_type', 'round_label', 'round_amount_status', 'nvidia_led', 'band',
    'company_names', 'drill_down', 'rounds', 'period', 'origin', 'country_code', 'status', 'customers',
    'company_source_id', 'from_company', 'to_company', 'edge', 'kind', 'amount_is', 'source_id', 'fact_table', 'fact',
    'title', 'publisher', 'reliability', 'url', 'round_source_id', 'nvidia_source_id', 'nvidia_amount_status');
UPDATE report_columns SET unit = 'date' WHERE unit IS NULL AND name = 'year';
UPDATE report_columns SET unit = 'count' WHERE unit IS NULL AND name IN ('late_stage', 'is_commitment', 'is_lead');
UPDATE report_columns SET refers_to = 'company'
WHERE (report, name) IN (('nvidia_portfolio', 'company'), ('billion_dollar_rounds', 'company'), ('neoclouds', 'company'),
                         ('ecosystem_edges', 'from_company'), ('ecosystem_edges', 'to_company'));

-- 14. Table documentation ------------------------------------------------------------------

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('company_groups', 'company_id', 'Every company (kept by triggers on companies)', NULL),
    ('company_groups', 'group_id', 'The top of its parent_id chain: itself when it has no parent', NULL),
    ('company_groups', 'depth', 'Steps from the company up to that top (0: it is the top)', 'count'),
    ('money_flow_kinds', 'id', 'A flow of money_flows (deal_kinds.flow, relationship_kinds.flow, equity)', 'text'),
    ('money_flow_kinds', 'label', 'Its name for people', 'text'),
    ('money_flow_kinds', 'category', 'equity, financing, supply, in_kind or acquisition: how the reports sort it', 'text'),
    ('money_flow_kinds', 'description', 'Who pays whom for what', 'text'),
    ('money_loop_index', 'loop_id', 'A loop found by aikb (derived: rebuilt at every aikb write)', 'text'),
    ('money_loop_index', 'length', 'Its groups', 'count'),
    ('money_loop_index_legs', 'loop_id', 'The loop', 'text'),
    ('money_loop_index_legs', 'leg', 'The leg, from 1', 'count'),
    ('money_loop_index_legs', 'payer_group', 'The group that pays (companies.id)', NULL),
    ('money_loop_index_legs', 'payee_group', 'The group paid (companies.id)', NULL),
    ('money_loop_index_flows', 'payer_group', 'The group that pays', NULL),
    ('money_loop_index_flows', 'payee_group', 'The group paid', NULL),
    ('money_loop_index_flows', 'fact_table', 'round_investors, supply_deals or relationships', 'text'),
    ('money_loop_index_flows', 'fact_rowid', 'The round''s, deal''s or relationship''s id', NULL),
    ('money_loop_index_flows', 'payer_id', 'The paying company as the fact names it (the investor of a participation)', NULL),
    ('money_loop_index_state', 'signature', 'What the knowledge tables looked like when the loops were computed', 'text'),
    ('money_loop_index_state', 'history_id', 'The newest history row when the loops were computed', NULL),
    ('money_loop_index_state', 'loops', 'Loops found', 'count'),
    ('money_loop_index_state', 'complete', '0 when the search stopped at its limit', 'count');

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('money_loop_index_state', 'id', 'Always 1: the index has one state', NULL),
    ('report_columns', 'refers_to', 'company or group where the column holds company names (a --where filter on it resolves names, see CompanyNames)', 'text');

INSERT INTO table_docs (name, title, description) VALUES
    ('company_groups', 'Company groups', 'Each company and the top of its parent_id chain (NVentures in NVIDIA, Azure in Microsoft): the party money loops and group reports count. Derived, kept by triggers on companies.'),
    ('search_index', 'Search index', 'The FTS5 trigram index behind aikb find: company names, aliases and notes (rowid 2 × company id), deal labels and notes (2 × deal id + 1). Derived, kept by triggers.'),
    ('money_flow_kinds', 'Money flow kinds', 'The kinds of money_flows (equity, purchase, lease, cloud capacity, backstop, leaseback, warrant, ...), who pays whom in each, and the category the reports sort them into.'),
    ('money_loop_index', 'Money loops (index)', 'Every simple cycle of 2 to 5 groups in money_flows, found by aikb at the end of each run that writes; money_loops and money_loop_legs read it. Derived.'),
    ('money_loop_index_legs', 'Money loop legs (index)', 'The legs of each indexed loop, in order: which group pays which. Derived.'),
    ('money_loop_index_flows', 'Money loop flows (index)', 'The facts behind each pair of groups that pay one another, for the loops'' legs. Derived.'),
    ('money_loop_index_state', 'Money loop index state', 'What the knowledge tables looked like when the loops were last computed, so that a run that changed nothing loops are made of costs a few lookups.');

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('search_index', 'name', 'A company''s name, or a deal''s label', 'text'),
    ('search_index', 'aliases', 'A company''s aliases, joined by "; "', 'text'),
    ('search_index', 'notes', 'The company''s or the deal''s notes', 'text');
