-- Dates held as a month or a year ('2024-01', '2024') count from their period's first
-- day. Compared as text with a full date they sorted before it, so every start-of-period
-- test (announced_on >= from) left out the rounds dated by the month or year the period
-- opens with: claim W32 (NVIDIA's investments 2024-01-01 to 2025-12-01) derived 51
-- rounds instead of 54, and investor_activity's window dropped a round of its first
-- month. The claim's own period_start is padded the same way. Also:
-- - claim_derivations' nvidia_share_of_round_pct took NVIDIA's share in the subject's
--   latest round whatever its date; it now keeps to the claim's period the way
--   round_amount_usd does (the period's year on, an undated round when no dated one is;
--   a claim without a period, or an open end, is not bounded there).
-- - neoclouds added cancelled deals into gpu_deals_usd and gpus (CoreWeave's cancelled
--   $9B Core Scientific acquisition); every other money report leaves them out.
-- - Reports that sum NVIDIA's rounds counted a round twice when two of its group's
--   companies took part (NVIDIA and NVentures: one row each in nvidia_rounds), and
--   merged namesakes (companies are grouped by id, names are not unique):
--   billion_dollar_rounds listed such a round twice, round_size_bands and stage_and_lead
--   counted it twice, portfolio_by_sector added its amount twice, neoclouds gave both of
--   two companies named alike the stakes of both. They now read nvidia_group_rounds, one
--   row per round NVIDIA's group took part in. The seeds' figures do not change.
-- investor_activity's report index is filled again by this migration's closing refresh.

-- Not a report: what the reports on NVIDIA's rounds add up (nvidia_rounds, its
-- drill-down, keeps a row per participation and names the unit).
CREATE VIEW nvidia_group_rounds AS
SELECT r.id AS round_rowid, c.id AS company_id, c.name AS company, c.sector_id AS sector,
       r.external_id AS round_id, r.round_type, r.round_label, r.announced_on,
       CAST(substr(r.announced_on, 1, 4) AS INTEGER) AS year,
       r.amount_usd AS round_amount_usd, r.amount_status AS round_amount_status,
       sum(ri.amount_usd) AS nvidia_amount_usd,
       CASE WHEN max(ri.is_lead = 1 AND ri.lead_disputed = 0) = 1 THEN 'yes'
            WHEN max(ri.lead_disputed) = 1 THEN 'disputed' ELSE 'no' END AS nvidia_led,
       rt.late_stage,
       CASE WHEN r.round_type = 'investment_commitment' THEN 1 ELSE 0 END AS is_commitment,
       r.source_id AS round_source_id,
       group_concat(DISTINCT ri.source_id) AS nvidia_source_id
FROM companies g
JOIN company_groups m ON m.group_id = g.id
JOIN round_investors ri ON ri.investor_id = m.company_id
JOIN funding_rounds r ON r.id = ri.round_id
JOIN companies c ON c.id = r.company_id
LEFT JOIN round_types rt ON rt.id = r.round_type
WHERE g.name = 'NVIDIA'
GROUP BY r.id;

DROP VIEW billion_dollar_rounds;

CREATE VIEW billion_dollar_rounds AS
SELECT
    year, company, sector, round_id, round_type, round_label, announced_on, round_amount_usd, round_amount_status,
    nvidia_amount_usd, nvidia_led, is_commitment, round_source_id, nvidia_source_id
FROM nvidia_group_rounds
WHERE round_amount_usd >= 1000000000
ORDER BY year IS NULL, year, announced_on, company;

DROP VIEW round_size_bands;

CREATE VIEW round_size_bands AS
WITH largest AS (
    SELECT year, company, max(round_amount_usd) AS amount_usd, count(*) AS rounds
    FROM nvidia_group_rounds
    WHERE year IS NOT NULL AND round_amount_usd IS NOT NULL
    GROUP BY year, company, company_id
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

DROP VIEW portfolio_by_sector;

CREATE VIEW portfolio_by_sector AS
WITH per_company AS (
    SELECT coalesce(sector, 'unknown') AS sector, company, sum(round_amount_usd) AS rounds_usd,
           sum(nvidia_amount_usd) AS nvidia_usd
    FROM nvidia_group_rounds GROUP BY 1, company, company_id
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

DROP VIEW stage_and_lead;

CREATE VIEW stage_and_lead AS
WITH p AS (
    SELECT coalesce(CAST(year AS TEXT), 'undated') AS period, late_stage, nvidia_led FROM nvidia_group_rounds
    WHERE is_commitment = 0
    UNION ALL
    SELECT 'all', late_stage, nvidia_led FROM nvidia_group_rounds WHERE is_commitment = 0
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

DROP VIEW claim_derivations;

CREATE VIEW claim_derivations AS
WITH claim AS (
    SELECT cl.*,
           substr(cl.period_start || '-01-01', 1, 10) AS from_on,
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
               AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'major_investment_count' THEN
            (SELECT count(DISTINCT ri.round_id) FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'major_investment_total_usd' THEN
            (SELECT sum(ri.amount_usd) FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'companies_with_round_over_1b' THEN
            (SELECT count(*) FROM (SELECT r.company_id, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
              WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
                AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 1000000000)
        WHEN 'companies_with_round_several_hundred_million' THEN
            (SELECT count(*) FROM (SELECT r.company_id, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
              WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
                AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 200000000 AND largest < 1000000000)
        WHEN 'companies_with_round_just_over_100m' THEN
            (SELECT count(*) FROM (SELECT r.company_id, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id
              WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
                AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 100000000 AND largest < 200000000)
        WHEN 'big_round_companies_in_sector' THEN
            (SELECT count(*) FROM (SELECT r.company_id, c.sector_id AS sector, max(r.amount_usd) AS largest
              FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
              WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
                AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on
              GROUP BY r.company_id) WHERE largest >= 1000000000
             AND (sector = cl.scope_word
                  OR (cl.scope_word = 'other' AND coalesce(sector, '') NOT IN
                      ('large_models', 'ai_infrastructure', 'autonomous_driving', 'humanoid_robots'))))
        WHEN 'investment_share_pct' THEN
            (SELECT round(100.0 * sum(CASE WHEN c.sector_id = cl.scope_word THEN ri.amount_usd END) / nullif(sum(ri.amount_usd), 0), 1)
             FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN companies c ON c.id = r.company_id
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'round_amount_usd' THEN
            (SELECT r.amount_usd FROM funding_rounds r WHERE r.company_id = cl.subject_id
             AND (r.announced_on IS NULL OR (r.announced_on >= substr(cl.from_on, 1, 4) AND r.announced_on <= cl.to_on))
             ORDER BY r.announced_on IS NULL, r.announced_on DESC LIMIT 1)
        WHEN 'nvidia_share_of_round_pct' THEN
            (SELECT coalesce(ri.share_pct, round(100.0 * ri.amount_usd / r.amount_usd, 1))
             FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
             WHERE r.company_id = cl.subject_id AND ri.investor_id IN (SELECT id FROM nvidia)
               AND (r.announced_on IS NULL OR ((cl.from_on IS NULL OR r.announced_on >= substr(cl.from_on, 1, 4))
                                             AND (cl.to_on IS NULL OR r.announced_on <= cl.to_on)))
             ORDER BY r.announced_on IS NULL, r.announced_on DESC LIMIT 1)
        WHEN 'nvidia_investment_usd' THEN
            (SELECT sum(ri.amount_usd) FROM funding_rounds r JOIN round_investors ri ON ri.round_id = r.id
             WHERE r.company_id = cl.subject_id AND ri.investor_id IN (SELECT id FROM nvidia)
               AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on)
        WHEN 'valuation_usd' THEN
            (SELECT r.post_money_valuation_usd FROM funding_rounds r WHERE r.company_id = cl.subject_id
             AND r.post_money_valuation_usd IS NOT NULL AND r.announced_on <= cl.to_on
             ORDER BY r.announced_on DESC LIMIT 1)
        WHEN 'share_of_portfolio_rounds_after_series_b' THEN
            (SELECT round(100.0 * sum(rt.late_stage = 1) / nullif(sum(rt.late_stage IS NOT NULL), 0), 1)
             FROM round_investors ri JOIN funding_rounds r ON r.id = ri.round_id JOIN round_types rt ON rt.id = r.round_type
             WHERE ri.investor_id IN (SELECT company_id FROM members WHERE claim_id = cl.id)
               AND substr(r.announced_on || '-01-01', 1, 10) >= cl.from_on AND r.announced_on <= cl.to_on)
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

DROP VIEW neoclouds;

CREATE VIEW neoclouds AS
WITH nvidia AS MATERIALIZED (
    SELECT m.company_id AS id FROM companies n JOIN company_groups m ON m.group_id = n.id WHERE n.name = 'NVIDIA'
),
stakes AS MATERIALIZED (
    SELECT company_id, count(*) AS rounds, sum(nvidia_amount_usd) AS known_usd FROM nvidia_group_rounds GROUP BY company_id
),
-- Every company NVIDIA's group put equity into, read once from its own participations.
investees AS MATERIALIZED (
    SELECT r.company_id AS id FROM nvidia n
    CROSS JOIN round_investors ri ON ri.investor_id = n.id
    CROSS JOIN funding_rounds r ON r.id = ri.round_id
    UNION
    SELECT rel.to_id FROM nvidia n CROSS JOIN relationships rel ON rel.from_id = n.id
    WHERE rel.kind = 'investor_in'
),
candidates AS (
    SELECT c.* FROM companies c
    WHERE c.sector_id = 'ai_infrastructure' AND (
        EXISTS (SELECT 1 FROM supply_deals d WHERE d.supplier_id = c.id)
        OR EXISTS (SELECT 1 FROM supply_deals d WHERE d.customer_id = c.id)
        OR c.id IN (SELECT id FROM investees))
)
SELECT
    c.name AS company,
    c.origin,
    c.country_code,
    c.status,
    coalesce((SELECT rounds FROM stakes s WHERE s.company_id = c.id), 0) AS nvidia_rounds,
    (SELECT known_usd FROM stakes s WHERE s.company_id = c.id) AS nvidia_known_usd,
    (SELECT count(*) FROM supply_deals d WHERE d.supplier_id = c.id)
        + (SELECT count(*) FROM supply_deals d WHERE d.customer_id = c.id) AS gpu_deals,
    -- Overlapping deals (overlaps_deal_id) are counted above but never added up, nor
    -- are cancelled ones, as in every other money report.
    (SELECT sum(d.value_usd) FROM supply_deals d
     WHERE (d.supplier_id = c.id OR d.customer_id = c.id) AND d.overlaps_deal_id IS NULL
       AND d.status IS NOT 'cancelled') AS gpu_deals_usd,
    (SELECT sum(d.gpu_count) FROM supply_deals d
     WHERE (d.supplier_id = c.id OR d.customer_id = c.id) AND d.overlaps_deal_id IS NULL
       AND d.status IS NOT 'cancelled') AS gpus,
    (SELECT group_concat(DISTINCT cu.name) FROM supply_deals d JOIN companies cu ON cu.id = d.customer_id
     WHERE d.supplier_id = c.id) AS customers,
    c.source_id AS company_source_id,
    'circular_financing_flows' AS drill_down
FROM candidates c;

DROP VIEW investor_activity_computed;

CREATE VIEW investor_activity_computed AS
WITH bounds AS MATERIALIZED (
    SELECT max(announced_on) AS window_end,
           date(substr(max(announced_on) || '-01-01', 1, 10), '-24 months') AS window_start
    FROM funding_rounds
),
-- The rounds in the window, in id order, so that their participations are read
-- walking round_investors' primary key forwards rather than jumping around it.
in_window AS MATERIALIZED (
    SELECT r.id FROM bounds b CROSS JOIN funding_rounds r
    -- A round dated by its month or year counts from the period's first day. The
    -- year's start bounds the index range; the padded date decides.
    WHERE r.announced_on >= substr(b.window_start, 1, 4) AND r.announced_on <= b.window_end
      AND substr(r.announced_on || '-01-01', 1, 10) >= b.window_start
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

UPDATE report_indexes SET signature = NULL WHERE index_table = 'investor_activity_index';

UPDATE report_columns SET description = 'Their stated values, USD (cancelled and overlapping deals left out)'
WHERE report = 'neoclouds' AND name = 'gpu_deals_usd';
UPDATE report_columns SET description = 'GPUs in those deals, where stated (cancelled and overlapping deals left out)'
WHERE report = 'neoclouds' AND name = 'gpus';
UPDATE report_columns SET description = 'First day of the window (a round dated by its month or year counts from that period''s first day)'
WHERE report = 'investor_activity' AND name = 'window_start';

-- source_usage counted the knowledge tables' facts only: Epoch AI's source, cited by
-- all 786 GPU clusters, showed 145 facts. other_facts counts the rest that cite a
-- source (a round's further sources, GPU clusters, data centers and their timelines,
-- Epoch AI's companies and rounds); a cluster's or data center's parties are part of
-- it and not counted apart.
DROP VIEW source_usage;

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
        (SELECT count(*) FROM round_sources x WHERE x.source_id = s.id)
            + (SELECT count(*) FROM gpu_clusters x WHERE x.source_id = s.id)
            + (SELECT count(*) FROM data_centers x WHERE x.source_id = s.id)
            + (SELECT count(*) FROM data_center_timeline x WHERE x.source_id = s.id)
            + (SELECT count(*) FROM epoch_companies x WHERE x.source_id = s.id)
            + (SELECT count(*) FROM epoch_rounds x WHERE x.source_id = s.id) AS other_facts,
        s.url
    FROM sources s
)
SELECT source_id, title, publisher, published_on, kind, reliability, rounds, investor_rows, deals, relationships,
       claims, companies, other_facts,
       rounds + investor_rows + deals + relationships + claims + companies + other_facts AS facts, url
FROM counted;

DELETE FROM report_columns WHERE report = 'source_usage' AND position >= 13;
INSERT INTO report_columns (report, position, name, description, unit) VALUES
    ('source_usage', 13, 'other_facts',
     'Other rows citing it: rounds citing it as a further source, GPU clusters, data centers and their timeline entries, Epoch AI''s companies and rounds',
     'count'),
    ('source_usage', 14, 'facts', 'All of those', 'count'),
    ('source_usage', 15, 'url', 'Where to read it', 'text');

-- The views that are not reports get a title and a description too (aikb schema,
-- Datasette): table_docs now documents them beside the tables.
INSERT INTO table_docs (name, title, description) VALUES
    ('nvidia_group_rounds', 'NVIDIA''s rounds, one row each',
     'Each round NVIDIA''s group (NVIDIA and its units) took part in, once, with the group''s stated amount and lead: what billion_dollar_rounds, round_size_bands, portfolio_by_sector, stage_and_lead and neoclouds add up. nvidia_rounds has a row per participation instead.'),
    ('equity_flows', 'Equity flows',
     'One money flow per participation in a round: from the investor to the company that raised, with the round''s kind, date, status and source. Part of money_flows.'),
    ('deal_flows', 'Deal flows',
     'One money flow per supply deal whose kind says who pays (deal_kinds.payer): from the paying party to the other, with the deal''s value, status and source. Part of money_flows.'),
    ('relationship_flows', 'Relationship flows',
     'One money flow per relationship whose kind says who pays (relationship_kinds.payer), from the paying party to the other. Part of money_flows.'),
    ('claim_derivations', 'Claims: the derived values',
     'For each claim, the value the knowledge base derives for its metric and period, and how (basis). claims_vs_data compares the two.'),
    ('search_pending_documents', 'Search documents to index',
     'The documents of companies and deals changed since the search index was last brought up to date, as find reads them until then.');
UPDATE table_docs SET description = 'A title and a description for each table of the knowledge base, and for each view that is not a report.'
WHERE name = 'table_docs';
UPDATE table_columns SET description = 'The table or view.' WHERE table_name = 'table_docs' AND column_name = 'name';
UPDATE report_columns SET description = 'Source of NVIDIA''s participation (several, comma-separated, when more than one of its group''s companies took part)'
WHERE report = 'billion_dollar_rounds' AND name = 'nvidia_source_id';
