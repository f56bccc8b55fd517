-- portfolio's latest valuation, read from the end of funding_rounds_by_company.
-- Both of its valuation subqueries ordered a company's valued rounds by
-- "announced_on IS NULL, announced_on DESC": the same order as "announced_on DESC"
-- (NULL sorts first, so last when descending), but one the index cannot give, so each
-- pair sorted its company's rounds in a temporary b-tree, twice. Read backwards through
-- (company_id, announced_on, rowid) there is no sort, and two valued rounds on one date
-- now give the later-recorded one (higher id), where the sort's choice was arbitrary.
-- Measured at 1M companies, 2M rounds (callgrind, sqlite3, the first 2,000 pairs): 429M
-- instructions -> 397M. The rows on the seeds are the same.
-- The same release writes the vocabularies' digest in report indexes' signatures by
-- hand (SourceSignature), not through Swift's reflection: every stored signature
-- changes, and this migration's closing refresh stores the new ones (a reader of a file
-- at 0016 is told to migrate first, so none sees the old ones as out of date).

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
        ORDER BY r2.announced_on DESC, r2.id DESC LIMIT 1) AS latest_valuation_usd,
       (SELECT r2.announced_on FROM funding_rounds r2
        WHERE r2.company_id = pair.company_id AND r2.post_money_valuation_usd IS NOT NULL
        ORDER BY r2.announced_on DESC, r2.id DESC LIMIT 1) AS latest_valuation_on,
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
