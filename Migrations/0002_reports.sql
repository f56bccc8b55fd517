-- Named reports. A report is a view: its name is the view's name, so `sqlite3`,
-- Datasette and every SQLite client see exactly what `aikb report run` shows.
-- The catalog (`reports`, `report_columns`) gives each a title, a description and
-- documented columns; `aikb report save` adds users' own reports to it.
--
-- Conventions: money in whole US dollars; a row that states a figure carries the id
-- of its source (`*source_id` columns) or names a drill-down report that does.
-- NVIDIA is found by name, so the reports work on any knowledge base that has it.

CREATE TABLE reports (
    name        TEXT PRIMARY KEY CHECK (name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9_]*'),
    title       TEXT NOT NULL CHECK (length(title) > 0),
    description TEXT NOT NULL,
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE TABLE report_columns (
    report      TEXT NOT NULL REFERENCES reports(name) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    name        TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (report, position)
) STRICT, WITHOUT ROWID;

-- Access paths of the reports: facts by source (source_usage), NVIDIA's rounds by
-- date, edges by kind.
CREATE INDEX funding_rounds_by_source ON funding_rounds(source_id);
CREATE INDEX round_investors_by_source ON round_investors(source_id);
CREATE INDEX supply_deals_by_source ON supply_deals(source_id);
CREATE INDEX relationships_by_source ON relationships(source_id);
CREATE INDEX claims_by_source ON claims(source_id);
CREATE INDEX companies_by_source ON companies(source_id);

-- 1. NVIDIA's rounds (drill-down) and portfolio ------------------------------------

CREATE VIEW nvidia_rounds AS
SELECT
    c.name AS company,
    c.sector_id AS sector,
    r.external_id AS round_id,
    r.round_type,
    r.round_label,
    r.announced_on,
    CAST(substr(r.announced_on, 1, 4) AS INTEGER) AS year,
    r.amount_usd AS round_amount_usd,
    r.amount_status AS round_amount_status,
    ri.amount_usd AS nvidia_amount_usd,
    ri.amount_status AS nvidia_amount_status,
    ri.share_pct AS nvidia_share_pct,
    CASE WHEN ri.lead_disputed = 1 THEN 'disputed' WHEN ri.is_lead = 1 THEN 'yes' ELSE 'no' END AS nvidia_led,
    r.post_money_valuation_usd,
    rt.late_stage,
    CASE WHEN r.round_type = 'investment_commitment' THEN 1 ELSE 0 END AS is_commitment,
    r.source_id AS round_source_id,
    ri.source_id AS nvidia_source_id
FROM companies n
JOIN round_investors ri ON ri.investor_id = n.id
JOIN funding_rounds r ON r.id = ri.round_id
JOIN companies c ON c.id = r.company_id
LEFT JOIN round_types rt ON rt.id = r.round_type
WHERE n.name = 'NVIDIA';

CREATE VIEW nvidia_portfolio AS
SELECT
    company,
    sector,
    count(*) AS rounds_joined,
    group_concat(round_type || coalesce(' ' || announced_on, ''), '; ') AS rounds,
    sum(round_amount_usd) AS rounds_total_usd,
    sum(nvidia_amount_usd) AS nvidia_known_usd,
    sum(nvidia_amount_usd IS NOT NULL) AS rounds_with_nvidia_amount,
    sum(nvidia_led = 'yes') AS rounds_led,
    sum(nvidia_led = 'disputed') AS rounds_lead_disputed,
    (SELECT r2.post_money_valuation_usd FROM funding_rounds r2 JOIN companies c2 ON c2.id = r2.company_id
     WHERE c2.name = nr.company AND r2.post_money_valuation_usd IS NOT NULL
     ORDER BY r2.announced_on IS NULL, r2.announced_on DESC LIMIT 1) AS latest_valuation_usd,
    (SELECT r2.announced_on FROM funding_rounds r2 JOIN companies c2 ON c2.id = r2.company_id
     WHERE c2.name = nr.company AND r2.post_money_valuation_usd IS NOT NULL
     ORDER BY r2.announced_on IS NULL, r2.announced_on DESC LIMIT 1) AS latest_valuation_on,
    min(announced_on) AS first_round_on,
    max(announced_on) AS last_round_on,
    'nvidia_rounds' AS drill_down
FROM nvidia_rounds nr
GROUP BY company, sector;

-- 2. Billion-dollar rounds with NVIDIA ------------------------------------------------

CREATE VIEW billion_dollar_rounds AS
SELECT
    year, company, sector, round_id, round_type, round_label, announced_on, round_amount_usd, round_amount_status,
    nvidia_amount_usd, nvidia_led, is_commitment, round_source_id, nvidia_source_id
FROM nvidia_rounds
WHERE round_amount_usd >= 1000000000;

-- 3. Round-size bands by year --------------------------------------------------------

-- Each company counts once a year, in the band of its largest round with NVIDIA that year.
CREATE VIEW round_size_bands AS
WITH largest AS (
    SELECT year, company, max(round_amount_usd) AS amount_usd, count(*) AS rounds
    FROM nvidia_rounds
    WHERE year IS NOT NULL AND round_amount_usd IS NOT NULL
    GROUP BY year, company
),
banded AS (
    SELECT year, company, amount_usd, rounds,
        CASE WHEN amount_usd >= 1000000000 THEN '1: $1B or more'
             WHEN amount_usd >= 100000000 THEN '2: $100M to $1B'
             ELSE '3: under $100M' END AS band
    FROM largest
)
SELECT year, band, count(*) AS companies, group_concat(company, '; ') AS company_names,
       sum(rounds) AS rounds, sum(amount_usd) AS largest_rounds_total_usd, 'nvidia_rounds' AS drill_down
FROM banded
GROUP BY year, band;

-- 4. Portfolio by sector -------------------------------------------------------------

CREATE VIEW portfolio_by_sector AS
WITH per_company AS (
    SELECT coalesce(sector, 'unknown') AS sector, company, sum(round_amount_usd) AS rounds_usd,
           sum(nvidia_amount_usd) AS nvidia_usd
    FROM nvidia_rounds GROUP BY 1, 2
),
totals AS (SELECT count(*) AS companies, sum(rounds_usd) AS rounds_usd FROM per_company)
SELECT
    p.sector,
    count(*) AS companies,
    round(100.0 * count(*) / t.companies, 1) AS companies_pct,
    sum(p.rounds_usd) AS rounds_usd,
    round(100.0 * sum(p.rounds_usd) / t.rounds_usd, 1) AS rounds_usd_pct,
    sum(p.nvidia_usd) AS nvidia_known_usd,
    group_concat(p.company, '; ') AS company_names,
    'nvidia_rounds' AS drill_down
FROM per_company p, totals t
GROUP BY p.sector;

-- 5. Investor activity in a trailing window --------------------------------------------

-- The window is the 24 months up to the newest round date in the knowledge base,
-- so the report reads the same tomorrow as today. It is driven by the rounds in the
-- window (funding_rounds_by_date), never by all participations.
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
    -- any name is looked up. Left to itself the planner scans every participation to
    -- avoid a sort (30 times slower at Crunchbase size).
    SELECT ri.investor_id, count(*) AS rounds_in_window, sum(ri.is_lead) AS led_in_window
    FROM in_window w
    CROSS JOIN round_investors ri ON ri.round_id = w.id
    GROUP BY ri.investor_id
)
SELECT
    c.name AS investor,
    c.kind AS investor_kind,
    g.rounds_in_window,
    g.led_in_window,
    b.window_start,
    b.window_end
FROM grouped g
CROSS JOIN companies c ON c.id = g.investor_id
CROSS JOIN bounds b;

-- 6. Stage and lead ------------------------------------------------------------------

CREATE VIEW stage_and_lead AS
WITH p AS (
    SELECT coalesce(CAST(year AS TEXT), 'undated') AS period, late_stage, nvidia_led FROM nvidia_rounds
    WHERE is_commitment = 0
    UNION ALL
    SELECT 'all', late_stage, nvidia_led FROM nvidia_rounds WHERE is_commitment = 0
)
SELECT
    period,
    count(*) AS participations,
    sum(late_stage IS NOT NULL) AS with_known_stage,
    sum(late_stage = 1) AS series_b_or_later,
    round(100.0 * sum(late_stage = 1) / nullif(sum(late_stage IS NOT NULL), 0), 1) AS series_b_or_later_pct,
    sum(nvidia_led = 'yes') AS led,
    sum(nvidia_led = 'disputed') AS lead_disputed,
    round(100.0 * sum(nvidia_led = 'yes') / count(*), 1) AS led_pct,
    'nvidia_rounds' AS drill_down
FROM p
GROUP BY period;

-- 7. Circular financing ----------------------------------------------------------------

-- Every money flow between NVIDIA and a company, one row each, with its source:
--   nvidia_equity       NVIDIA's own stated amount in a closed round;
--   nvidia_commitment   NVIDIA's stated amount in an announced, not closed, investment;
--   bought_from_nvidia  what the company buys or leases from NVIDIA (supply deals, NVIDIA supplier);
--   via_nvidia_vehicle  what it buys or leases from a vehicle NVIDIA invested in (xAI's GPU SPV);
--   nvidia_buys_back    what NVIDIA buys back from the company (backstops, leasebacks, capacity).
-- Deals without a stated value appear with a NULL amount.
CREATE VIEW circular_financing_flows AS
SELECT c.name AS company, 'nvidia_equity' AS flow, 'round: ' || r.round_type AS kind,
       ri.amount_usd AS amount_usd, ri.amount_status AS amount_status, r.announced_on,
       coalesce(r.external_id, 'round ' || r.id) AS fact, ri.source_id
FROM companies n
JOIN round_investors ri ON ri.investor_id = n.id
JOIN funding_rounds r ON r.id = ri.round_id
JOIN companies c ON c.id = r.company_id
WHERE n.name = 'NVIDIA' AND r.round_type <> 'investment_commitment'
UNION ALL
SELECT c.name, 'nvidia_commitment', 'round: ' || r.round_type, ri.amount_usd, ri.amount_status, r.announced_on,
       coalesce(r.external_id, 'round ' || r.id), ri.source_id
FROM companies n
JOIN round_investors ri ON ri.investor_id = n.id
JOIN funding_rounds r ON r.id = ri.round_id
JOIN companies c ON c.id = r.company_id
WHERE n.name = 'NVIDIA' AND r.round_type = 'investment_commitment'
UNION ALL
SELECT c.name, 'bought_from_nvidia', 'deal: ' || d.kind, d.value_usd, d.value_status, d.announced_on,
       coalesce(d.external_id, 'deal ' || d.id), d.source_id
FROM companies n
JOIN supply_deals d ON d.supplier_id = n.id
JOIN companies c ON c.id = d.customer_id
WHERE n.name = 'NVIDIA'
UNION ALL
SELECT c.name, 'via_nvidia_vehicle', 'deal: ' || d.kind || ' from ' || v.name, d.value_usd, d.value_status,
       d.announced_on, coalesce(d.external_id, 'deal ' || d.id), d.source_id
FROM companies n
JOIN relationships rel ON rel.from_id = n.id AND rel.kind = 'investor_in'
JOIN companies v ON v.id = rel.to_id AND v.kind = 'spv'
JOIN supply_deals d ON d.supplier_id = v.id
JOIN companies c ON c.id = d.customer_id
WHERE n.name = 'NVIDIA'
UNION ALL
SELECT c.name, 'nvidia_buys_back', 'deal: ' || d.kind, d.value_usd, d.value_status, d.announced_on,
       coalesce(d.external_id, 'deal ' || d.id), d.source_id
FROM companies n
JOIN supply_deals d ON d.customer_id = n.id
JOIN companies c ON c.id = d.supplier_id
WHERE n.name = 'NVIDIA';

CREATE VIEW circular_financing AS
SELECT
    company,
    sum(CASE WHEN flow = 'nvidia_equity' THEN amount_usd END) AS nvidia_equity_usd,
    sum(CASE WHEN flow = 'nvidia_commitment' THEN amount_usd END) AS nvidia_commitments_usd,
    sum(CASE WHEN flow = 'bought_from_nvidia' THEN amount_usd END) AS bought_from_nvidia_usd,
    sum(CASE WHEN flow = 'via_nvidia_vehicle' THEN amount_usd END) AS via_nvidia_vehicles_usd,
    sum(CASE WHEN flow = 'nvidia_buys_back' THEN amount_usd END) AS nvidia_buys_back_usd,
    sum(CASE WHEN flow IN ('nvidia_equity', 'nvidia_commitment') THEN amount_usd END) AS nvidia_in_usd,
    sum(CASE WHEN flow IN ('bought_from_nvidia', 'via_nvidia_vehicle') THEN amount_usd END) AS back_to_nvidia_usd,
    -- (money back to NVIDIA + what NVIDIA buys back) / money NVIDIA put in; NULL when
    -- either side has no stated amount.
    round(
        1.0 * (sum(CASE WHEN flow IN ('bought_from_nvidia', 'via_nvidia_vehicle', 'nvidia_buys_back') THEN amount_usd END))
        / nullif(sum(CASE WHEN flow IN ('nvidia_equity', 'nvidia_commitment') THEN amount_usd END), 0), 2
    ) AS circular_ratio,
    sum(amount_usd IS NULL) AS flows_without_amount,
    group_concat(flow || ' ' || fact || ' [' || source_id || ']', '; ') AS facts,
    'circular_financing_flows' AS drill_down
FROM circular_financing_flows
GROUP BY company
HAVING sum(flow IN ('nvidia_equity', 'nvidia_commitment')) > 0
   AND sum(flow IN ('bought_from_nvidia', 'via_nvidia_vehicle', 'nvidia_buys_back')) > 0;

-- 8. Neoclouds -------------------------------------------------------------------------

-- AI-infrastructure companies that have a GPU supply deal or an NVIDIA stake.
CREATE VIEW neoclouds AS
WITH nvidia AS MATERIALIZED (SELECT id FROM companies WHERE name = 'NVIDIA'),
candidates AS (
    SELECT c.* FROM companies c
    WHERE c.sector_id = 'ai_infrastructure' AND (
        EXISTS (SELECT 1 FROM supply_deals d WHERE d.supplier_id = c.id)
        OR EXISTS (SELECT 1 FROM supply_deals d WHERE d.customer_id = c.id)
        OR EXISTS (SELECT 1 FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
                   WHERE r.company_id = c.id AND ri.investor_id = (SELECT id FROM nvidia))
        OR EXISTS (SELECT 1 FROM relationships rel
                   WHERE rel.to_id = c.id AND rel.from_id = (SELECT id FROM nvidia) AND rel.kind = 'investor_in'))
)
SELECT
    c.name AS company,
    c.origin,
    c.country_code,
    c.status,
    (SELECT count(*) FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
     WHERE r.company_id = c.id AND ri.investor_id = (SELECT id FROM nvidia)) AS nvidia_rounds,
    (SELECT sum(ri.amount_usd) FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
     WHERE r.company_id = c.id AND ri.investor_id = (SELECT id FROM nvidia)) AS nvidia_known_usd,
    (SELECT count(*) FROM supply_deals d WHERE d.supplier_id = c.id)
        + (SELECT count(*) FROM supply_deals d WHERE d.customer_id = c.id) AS gpu_deals,
    (SELECT sum(d.value_usd) FROM supply_deals d WHERE d.supplier_id = c.id OR d.customer_id = c.id) AS gpu_deals_usd,
    (SELECT sum(d.gpu_count) FROM supply_deals d WHERE d.supplier_id = c.id OR d.customer_id = c.id) AS gpus,
    (SELECT group_concat(DISTINCT cu.name) FROM supply_deals d JOIN companies cu ON cu.id = d.customer_id
     WHERE d.supplier_id = c.id) AS customers,
    c.source_id AS company_source_id,
    'circular_financing_flows' AS drill_down
FROM candidates c;

-- 9. Claims versus data ------------------------------------------------------------------

-- For each claim, the figure the data derives for the same question, by metric.
-- Dates compare as ISO text: a claim period YYYY-MM runs from that month's start
-- to the end of period_end's month.
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
)
-- Each derivation starts from the claim's subject and its investor index, so the
-- view costs the subject's rounds, not the whole knowledge base.
SELECT cl.id AS claim_id,
    CASE cl.metric
        WHEN 'investment_count' THEN
            (SELECT count(*) FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
             WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'major_investment_count' THEN
            (SELECT count(*) FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
             WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'major_investment_total_usd' THEN
            (SELECT sum(ri.amount_usd) FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
             WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'companies_with_round_over_1b' THEN
            (SELECT count(*) FROM (SELECT r.company_id, c.sector_id AS sector, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
              WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 1000000000)
        WHEN 'companies_with_round_several_hundred_million' THEN
            (SELECT count(*) FROM (SELECT r.company_id, c.sector_id AS sector, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
              WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 200000000 AND largest < 1000000000)
        WHEN 'companies_with_round_just_over_100m' THEN
            (SELECT count(*) FROM (SELECT r.company_id, c.sector_id AS sector, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
              WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 100000000 AND largest < 200000000)
        WHEN 'big_round_companies_in_sector' THEN
            (SELECT count(*) FROM (SELECT r.company_id, c.sector_id AS sector, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
              WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 1000000000
             AND (sector = cl.scope_word
                  OR (cl.scope_word = 'other' AND coalesce(sector, '') NOT IN
                      ('large_models', 'ai_infrastructure', 'autonomous_driving', 'humanoid_robots'))))
        WHEN 'investment_share_pct' THEN
            (SELECT round(100.0 * sum(CASE WHEN c.sector_id = cl.scope_word THEN ri.amount_usd END) / nullif(sum(ri.amount_usd), 0), 1)
             FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
             WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'round_amount_usd' THEN
            (SELECT r.amount_usd FROM funding_rounds r WHERE r.company_id = cl.subject_id
             AND (r.announced_on IS NULL OR (r.announced_on >= substr(cl.from_on, 1, 4) AND r.announced_on <= cl.to_on))
             ORDER BY r.announced_on IS NULL, r.announced_on DESC LIMIT 1)
        WHEN 'nvidia_share_of_round_pct' THEN
            (SELECT coalesce(ri.share_pct, round(100.0 * ri.amount_usd / r.amount_usd, 1))
             FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
             JOIN companies n ON n.id = ri.investor_id AND n.name = 'NVIDIA'
             WHERE r.company_id = cl.subject_id ORDER BY r.announced_on DESC LIMIT 1)
        WHEN 'nvidia_investment_usd' THEN
            (SELECT sum(ri.amount_usd) FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
             JOIN companies n ON n.id = ri.investor_id AND n.name = 'NVIDIA'
             WHERE r.company_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'valuation_usd' THEN
            (SELECT r.post_money_valuation_usd FROM funding_rounds r WHERE r.company_id = cl.subject_id
             AND r.post_money_valuation_usd IS NOT NULL AND r.announced_on <= cl.to_on
             ORDER BY r.announced_on DESC LIMIT 1)
        WHEN 'share_of_portfolio_rounds_after_series_b' THEN
            (SELECT round(100.0 * sum(rt.late_stage = 1) / nullif(sum(rt.late_stage IS NOT NULL), 0), 1)
             FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN round_types rt ON rt.id = r.round_type
             WHERE ri.investor_id = cl.subject_id AND r.announced_on >= cl.from_on AND r.announced_on <= cl.to_on)
    END AS derived_value,
    CASE cl.metric
        WHEN 'investment_count' THEN 'rounds ' || (SELECT name FROM companies WHERE id = cl.subject_id) || ' joined from ' || cl.from_on || ' to ' || cl.to_on
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
    d.basis,
    cl.statement,
    cl.source_id
FROM claims cl
LEFT JOIN companies s ON s.id = cl.subject_id
LEFT JOIN derivations d ON d.claim_id = cl.id;

-- 10. Ecosystem edges --------------------------------------------------------------------

-- One row per edge, the input for graphs. Investments point from investor to company
-- (money flows that way); supply deals from supplier to customer (goods flow that way,
-- money the other); relationships as recorded.
CREATE VIEW ecosystem_edges AS
SELECT inv.name AS from_company, c.name AS to_company, 'investment' AS edge, r.round_type AS kind,
       coalesce(ri.amount_usd, r.amount_usd) AS amount_usd,
       CASE WHEN ri.amount_usd IS NOT NULL THEN 'investor amount' WHEN r.amount_usd IS NOT NULL THEN 'round amount' END AS amount_is,
       r.announced_on, ri.is_lead, ri.source_id, 'round_investors' AS fact_table,
       coalesce(r.external_id, 'round ' || r.id) AS fact
FROM round_investors ri
JOIN funding_rounds r ON r.id = ri.round_id
JOIN companies inv ON inv.id = ri.investor_id
JOIN companies c ON c.id = r.company_id
UNION ALL
SELECT s.name, cu.name, 'supply', d.kind, d.value_usd, CASE WHEN d.value_usd IS NOT NULL THEN 'deal value' END,
       d.announced_on, NULL, d.source_id, 'supply_deals', coalesce(d.external_id, 'deal ' || d.id)
FROM supply_deals d
JOIN companies s ON s.id = d.supplier_id
JOIN companies cu ON cu.id = d.customer_id
UNION ALL
SELECT f.name, t.name, 'relationship', rel.kind, rel.amount_usd, CASE WHEN rel.amount_usd IS NOT NULL THEN 'stated amount' END,
       rel.since, NULL, rel.source_id, 'relationships', 'relationship ' || rel.id
FROM relationships rel
JOIN companies f ON f.id = rel.from_id
JOIN companies t ON t.id = rel.to_id;

-- 11. Sources --------------------------------------------------------------------------------

CREATE VIEW source_usage AS
WITH counted AS MATERIALIZED (
    SELECT
        s.id AS source_id,
        s.title,
        s.publisher,
        s.published_on,
        s.kind,
        s.reliability,
        (SELECT count(*) FROM funding_rounds x WHERE x.source_id = s.id) AS rounds,
        (SELECT count(*) FROM round_investors x WHERE x.source_id = s.id) AS investor_rows,
        (SELECT count(*) FROM supply_deals x WHERE x.source_id = s.id) AS deals,
        (SELECT count(*) FROM relationships x WHERE x.source_id = s.id) AS relationships,
        (SELECT count(*) FROM claims x WHERE x.source_id = s.id) AS claims,
        (SELECT count(*) FROM companies x WHERE x.source_id = s.id) AS companies,
        s.url
    FROM sources s
)
SELECT source_id, title, publisher, published_on, kind, reliability, rounds, investor_rows, deals, relationships,
       claims, companies, rounds + investor_rows + deals + relationships + claims + companies AS facts, url
FROM counted;

-- The catalog of the built-in reports.
INSERT INTO reports (name, title, description, builtin) VALUES
    ('nvidia_portfolio', 'NVIDIA''s portfolio', 'Each company NVIDIA invested in: its sector, the rounds NVIDIA joined and their amounts, NVIDIA''s own stated amount, how often it led, and the latest valuation. Drill down in nvidia_rounds for the sources.', 1),
    ('nvidia_rounds', 'NVIDIA''s rounds', 'One row per funding round NVIDIA took part in (or committed to), with the round''s and NVIDIA''s own amounts, the lead, the valuation and the sources of both.', 1),
    ('billion_dollar_rounds', 'Billion-dollar rounds with NVIDIA', 'Rounds of at least $1B that NVIDIA took part in, by year (the seed article: 31 companies since 2023, 7 in 2025).', 1),
    ('round_size_bands', 'Round-size bands by year', 'Companies by the size of their largest round with NVIDIA each year: $1B or more, $100M to $1B, under $100M (the seed article: 7 / 8 / 5 in 2025).', 1),
    ('portfolio_by_sector', 'NVIDIA''s portfolio by sector', 'Companies NVIDIA invested in and the dollars of their rounds, by sector, with shares (the seed article: 14 large models, 7 infrastructure, 3 autonomous driving, 2 humanoid robots, 5 other).', 1),
    ('investor_activity', 'Investor activity', 'Rounds per investor in the 24 months up to the newest round in the knowledge base (the seed article: NVIDIA 83, Alphabet 73, Microsoft 40 in two years).', 1),
    ('stage_and_lead', 'Stage and lead of NVIDIA''s participations', 'The share of NVIDIA''s participations at Series B or later, and how often it led, per year and in all (the seed article: late rounds, rarely the lead). Commitments are left out.', 1),
    ('circular_financing', 'Circular financing', 'Per company, the money NVIDIA put in (equity and commitments) against what the company buys from NVIDIA (directly or through a vehicle NVIDIA invested in) and what NVIDIA buys back from it (capacity backstops, leasebacks), with the ratio and the facts behind each figure.', 1),
    ('circular_financing_flows', 'Circular financing: the flows', 'Every money flow between NVIDIA and a company, one row each with its source: NVIDIA''s equity and commitments, purchases from NVIDIA or its vehicles, and NVIDIA''s buy-backs.', 1),
    ('neoclouds', 'Neoclouds', 'AI-infrastructure companies with a GPU supply deal or an NVIDIA stake: what they did before, NVIDIA''s stake, their GPU deals and their customers.', 1),
    ('claims_vs_data', 'Claims versus data', 'Each aggregate figure a source states, the value the knowledge base derives for the same question, the gap and a verdict; where the data cannot derive it, the reason. How complete the knowledge base is, at a glance.', 1),
    ('ecosystem_edges', 'Ecosystem edges', 'One row per edge between two companies: investments (investor to company), supply deals (supplier to customer) and other relationships, with kind, amount, date and source. The input for graphs.', 1),
    ('source_usage', 'Sources', 'Every source with the number of facts that cite it, by table.', 1);

INSERT INTO report_columns (report, position, name, description) VALUES
    ('nvidia_portfolio', 1, 'company', 'The company NVIDIA invested in'),
    ('nvidia_portfolio', 2, 'sector', 'Its sector (a row of sectors)'),
    ('nvidia_portfolio', 3, 'rounds_joined', 'Rounds NVIDIA took part in, commitments included'),
    ('nvidia_portfolio', 4, 'rounds', 'Those rounds: type and date'),
    ('nvidia_portfolio', 5, 'rounds_total_usd', 'Sum of those rounds'' amounts, USD'),
    ('nvidia_portfolio', 6, 'nvidia_known_usd', 'Sum of NVIDIA''s own stated amounts, USD (unstated ones count as nothing)'),
    ('nvidia_portfolio', 7, 'rounds_with_nvidia_amount', 'Rounds where a source states NVIDIA''s own amount'),
    ('nvidia_portfolio', 8, 'rounds_led', 'Rounds NVIDIA led'),
    ('nvidia_portfolio', 9, 'rounds_lead_disputed', 'Rounds where sources disagree whether NVIDIA led'),
    ('nvidia_portfolio', 10, 'latest_valuation_usd', 'The company''s latest stated post-money valuation, USD'),
    ('nvidia_portfolio', 11, 'latest_valuation_on', 'Date of that valuation''s round'),
    ('nvidia_portfolio', 12, 'first_round_on', 'First round NVIDIA joined'),
    ('nvidia_portfolio', 13, 'last_round_on', 'Latest round NVIDIA joined'),
    ('nvidia_portfolio', 14, 'drill_down', 'The report with one sourced row per round'),
    ('nvidia_rounds', 1, 'company', 'The company that raised'),
    ('nvidia_rounds', 2, 'sector', 'Its sector'),
    ('nvidia_rounds', 3, 'round_id', 'The round''s id (external_id)'),
    ('nvidia_rounds', 4, 'round_type', 'Crunchbase round type (see round_types)'),
    ('nvidia_rounds', 5, 'round_label', 'The round as the source names it'),
    ('nvidia_rounds', 6, 'announced_on', 'Announcement date, ISO, day, month or year precision'),
    ('nvidia_rounds', 7, 'year', 'Year of announcement'),
    ('nvidia_rounds', 8, 'round_amount_usd', 'The whole round, USD'),
    ('nvidia_rounds', 9, 'round_amount_status', 'confirmed, reported, estimated, up_to or disputed'),
    ('nvidia_rounds', 10, 'nvidia_amount_usd', 'NVIDIA''s own stated amount, USD'),
    ('nvidia_rounds', 11, 'nvidia_amount_status', 'Status of that amount'),
    ('nvidia_rounds', 12, 'nvidia_share_pct', 'NVIDIA''s stated share of the round, percent'),
    ('nvidia_rounds', 13, 'nvidia_led', 'yes, no or disputed'),
    ('nvidia_rounds', 14, 'post_money_valuation_usd', 'Post-money valuation of the round, USD'),
    ('nvidia_rounds', 15, 'late_stage', '1 for Series B or later, 0 earlier, NULL unknown'),
    ('nvidia_rounds', 16, 'is_commitment', '1 for an announced, not closed investment'),
    ('nvidia_rounds', 17, 'round_source_id', 'Source of the round'),
    ('nvidia_rounds', 18, 'nvidia_source_id', 'Source of NVIDIA''s participation'),
    ('billion_dollar_rounds', 1, 'year', 'Year of announcement'),
    ('billion_dollar_rounds', 2, 'company', 'The company that raised'),
    ('billion_dollar_rounds', 3, 'sector', 'Its sector'),
    ('billion_dollar_rounds', 4, 'round_id', 'The round''s id'),
    ('billion_dollar_rounds', 5, 'round_type', 'Round type'),
    ('billion_dollar_rounds', 6, 'round_label', 'The round as the source names it'),
    ('billion_dollar_rounds', 7, 'announced_on', 'Announcement date'),
    ('billion_dollar_rounds', 8, 'round_amount_usd', 'The whole round, USD'),
    ('billion_dollar_rounds', 9, 'round_amount_status', 'Status of the amount'),
    ('billion_dollar_rounds', 10, 'nvidia_amount_usd', 'NVIDIA''s own stated amount, USD'),
    ('billion_dollar_rounds', 11, 'nvidia_led', 'yes, no or disputed'),
    ('billion_dollar_rounds', 12, 'is_commitment', '1 for an announced, not closed investment'),
    ('billion_dollar_rounds', 13, 'round_source_id', 'Source of the round'),
    ('billion_dollar_rounds', 14, 'nvidia_source_id', 'Source of NVIDIA''s participation'),
    ('round_size_bands', 1, 'year', 'Year'),
    ('round_size_bands', 2, 'band', 'Size band of the company''s largest round with NVIDIA that year'),
    ('round_size_bands', 3, 'companies', 'Companies in the band'),
    ('round_size_bands', 4, 'company_names', 'Their names'),
    ('round_size_bands', 5, 'rounds', 'Rounds with NVIDIA those companies announced that year'),
    ('round_size_bands', 6, 'largest_rounds_total_usd', 'Sum of each company''s largest round, USD'),
    ('round_size_bands', 7, 'drill_down', 'The report with the sourced rounds'),
    ('portfolio_by_sector', 1, 'sector', 'Sector (unknown when not recorded)'),
    ('portfolio_by_sector', 2, 'companies', 'Companies'),
    ('portfolio_by_sector', 3, 'companies_pct', 'Share of all NVIDIA portfolio companies, percent'),
    ('portfolio_by_sector', 4, 'rounds_usd', 'Sum of the amounts of the rounds NVIDIA joined, USD'),
    ('portfolio_by_sector', 5, 'rounds_usd_pct', 'Share of that sum, percent'),
    ('portfolio_by_sector', 6, 'nvidia_known_usd', 'NVIDIA''s own stated amounts, USD'),
    ('portfolio_by_sector', 7, 'company_names', 'The companies'),
    ('portfolio_by_sector', 8, 'drill_down', 'The report with the sourced rounds'),
    ('investor_activity', 1, 'investor', 'The investor'),
    ('investor_activity', 2, 'investor_kind', 'Its kind (startup, big_tech, investment_firm, ...)'),
    ('investor_activity', 3, 'rounds_in_window', 'Rounds it took part in during the trailing 24-month window'),
    ('investor_activity', 4, 'led_in_window', 'Rounds it led in the window'),
    ('investor_activity', 5, 'window_start', 'First day of the window'),
    ('investor_activity', 6, 'window_end', 'The newest round date in the knowledge base'),
    ('stage_and_lead', 1, 'period', 'Year, undated, or all'),
    ('stage_and_lead', 2, 'participations', 'Rounds NVIDIA took part in'),
    ('stage_and_lead', 3, 'with_known_stage', 'Of those, rounds whose stage is known'),
    ('stage_and_lead', 4, 'series_b_or_later', 'Rounds at Series B or later (private equity, IPO and post-IPO included)'),
    ('stage_and_lead', 5, 'series_b_or_later_pct', 'Their share of rounds of known stage, percent'),
    ('stage_and_lead', 6, 'led', 'Rounds NVIDIA led'),
    ('stage_and_lead', 7, 'lead_disputed', 'Rounds where sources disagree whether NVIDIA led'),
    ('stage_and_lead', 8, 'led_pct', 'Share of rounds NVIDIA led, percent'),
    ('stage_and_lead', 9, 'drill_down', 'The report with the sourced rounds'),
    ('circular_financing', 1, 'company', 'The company'),
    ('circular_financing', 2, 'nvidia_equity_usd', 'NVIDIA''s stated own amounts in closed rounds, USD'),
    ('circular_financing', 3, 'nvidia_commitments_usd', 'NVIDIA''s stated announced, not closed investments, USD'),
    ('circular_financing', 4, 'bought_from_nvidia_usd', 'Supply deals with NVIDIA as supplier, USD'),
    ('circular_financing', 5, 'via_nvidia_vehicles_usd', 'Supply deals from a vehicle (kind spv) NVIDIA invested in, USD'),
    ('circular_financing', 6, 'nvidia_buys_back_usd', 'Supply deals with NVIDIA as customer: backstops, leasebacks, capacity, USD'),
    ('circular_financing', 7, 'nvidia_in_usd', 'Equity plus commitments, USD'),
    ('circular_financing', 8, 'back_to_nvidia_usd', 'Bought from NVIDIA plus via NVIDIA''s vehicles, USD'),
    ('circular_financing', 9, 'circular_ratio', '(back to NVIDIA + NVIDIA buys back) / NVIDIA in; NULL when a side has no stated amount'),
    ('circular_financing', 10, 'flows_without_amount', 'Facts with no stated amount (counted as nothing above)'),
    ('circular_financing', 11, 'facts', 'Every flow: kind, fact id and [source]'),
    ('circular_financing', 12, 'drill_down', 'The report with one sourced row per flow'),
    ('circular_financing_flows', 1, 'company', 'The company'),
    ('circular_financing_flows', 2, 'flow', 'nvidia_equity, nvidia_commitment, bought_from_nvidia, via_nvidia_vehicle or nvidia_buys_back'),
    ('circular_financing_flows', 3, 'kind', 'The round type or deal kind'),
    ('circular_financing_flows', 4, 'amount_usd', 'The stated amount, USD (NULL when no source states it)'),
    ('circular_financing_flows', 5, 'amount_status', 'Status of the amount'),
    ('circular_financing_flows', 6, 'announced_on', 'Date'),
    ('circular_financing_flows', 7, 'fact', 'The round or deal id'),
    ('circular_financing_flows', 8, 'source_id', 'Its source'),
    ('neoclouds', 1, 'company', 'The company'),
    ('neoclouds', 2, 'origin', 'What it did before (crypto mining, workstation sales, ...)'),
    ('neoclouds', 3, 'country_code', 'ISO alpha-3 country'),
    ('neoclouds', 4, 'status', 'private, public, acquired or closed'),
    ('neoclouds', 5, 'nvidia_rounds', 'Rounds NVIDIA joined'),
    ('neoclouds', 6, 'nvidia_known_usd', 'NVIDIA''s stated own amounts, USD'),
    ('neoclouds', 7, 'gpu_deals', 'Supply deals it is a party to'),
    ('neoclouds', 8, 'gpu_deals_usd', 'Their stated values, USD'),
    ('neoclouds', 9, 'gpus', 'GPUs in those deals, where stated'),
    ('neoclouds', 10, 'customers', 'Customers of its supply deals'),
    ('neoclouds', 11, 'company_source_id', 'Source of the company''s facts'),
    ('neoclouds', 12, 'drill_down', 'The report with the sourced flows'),
    ('claims_vs_data', 1, 'claim_id', 'The claim (claims.id)'),
    ('claims_vs_data', 2, 'subject', 'The company the claim is about'),
    ('claims_vs_data', 3, 'metric', 'What is counted or measured'),
    ('claims_vs_data', 4, 'period_start', 'Start of the claim''s period'),
    ('claims_vs_data', 5, 'period_end', 'End of the claim''s period'),
    ('claims_vs_data', 6, 'claimed', 'The value as stated'),
    ('claims_vs_data', 7, 'unit', 'Its unit'),
    ('claims_vs_data', 8, 'derived', 'The value derived from the knowledge base'),
    ('claims_vs_data', 9, 'gap', 'derived minus claimed, where both are numbers'),
    ('claims_vs_data', 10, 'verdict', 'matches (within 5%), below claim, above claim, consistent, not comparable, no data or cannot derive'),
    ('claims_vs_data', 11, 'claim_status', 'stated, disputed or contradicted'),
    ('claims_vs_data', 12, 'basis', 'How the derived value is computed, or why it cannot be'),
    ('claims_vs_data', 13, 'statement', 'The claim in words'),
    ('claims_vs_data', 14, 'source_id', 'The source making the claim'),
    ('ecosystem_edges', 1, 'from_company', 'Investor, supplier, or the relationship''s subject'),
    ('ecosystem_edges', 2, 'to_company', 'Company, customer, or the relationship''s object'),
    ('ecosystem_edges', 3, 'edge', 'investment, supply or relationship'),
    ('ecosystem_edges', 4, 'kind', 'Round type, deal kind or relationship kind'),
    ('ecosystem_edges', 5, 'amount_usd', 'Amount, USD'),
    ('ecosystem_edges', 6, 'amount_is', 'investor amount, round amount, deal value or stated amount'),
    ('ecosystem_edges', 7, 'announced_on', 'Date'),
    ('ecosystem_edges', 8, 'is_lead', 'For investments: 1 when the investor led'),
    ('ecosystem_edges', 9, 'source_id', 'Source'),
    ('ecosystem_edges', 10, 'fact_table', 'The table the edge comes from'),
    ('ecosystem_edges', 11, 'fact', 'The row''s id'),
    ('source_usage', 1, 'source_id', 'The source'),
    ('source_usage', 2, 'title', 'Title'),
    ('source_usage', 3, 'publisher', 'Publisher'),
    ('source_usage', 4, 'published_on', 'Publication date'),
    ('source_usage', 5, 'kind', 'article, press_release, filing, dataset, ...'),
    ('source_usage', 6, 'reliability', 'high, medium or low'),
    ('source_usage', 7, 'rounds', 'Funding rounds citing it'),
    ('source_usage', 8, 'investor_rows', 'Round participations citing it'),
    ('source_usage', 9, 'deals', 'Supply deals citing it'),
    ('source_usage', 10, 'relationships', 'Relationships citing it'),
    ('source_usage', 11, 'claims', 'Claims citing it'),
    ('source_usage', 12, 'companies', 'Companies citing it'),
    ('source_usage', 13, 'facts', 'All of those'),
    ('source_usage', 14, 'url', 'Where to read it');
