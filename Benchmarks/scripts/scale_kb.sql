-- Grows a seeded knowledge base to Crunchbase size for the report benchmark:
-- 1,000,000 companies (100,000 of them investors, 2,000 of those units of 1,000
-- investor groups), 2,000,000 rounds and about 5,000,000 round_investors rows,
-- NVIDIA's group in one round of every thousand (every other one through NVentures),
-- plus 100,000 supply deals of every kind: NVIDIA selling to startups (a tenth of them
-- companies it invested in) and buying back from them, startups trading with each
-- other (one in fifty of those deals between two of NVIDIA's investees), and investors
-- paid by startups (so that equity can close loops). Deterministic. Run on a file made by `aikb init`:
--   sqlite3 kb.sqlite < Benchmarks/scripts/scale_kb.sql
-- then `aikb --db kb.sqlite report refresh` for the money loops.
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
BEGIN;
INSERT INTO sources (id, title, kind) VALUES ('SYN', 'Synthetic benchmark data', 'dataset');

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
INSERT INTO companies (name, kind, sector_id, country_code, source_id)
SELECT 'Company ' || i,
       CASE WHEN i <= 100000 THEN 'investment_firm' ELSE 'startup' END,
       CASE WHEN i <= 100000 THEN NULL ELSE
           CASE i % 8 WHEN 0 THEN 'large_models' WHEN 1 THEN 'ai_infrastructure' WHEN 2 THEN 'vertical_ai'
           WHEN 3 THEN 'autonomous_driving' WHEN 4 THEN 'humanoid_robots' WHEN 5 THEN 'multimodal'
           WHEN 6 THEN 'developer_tools' ELSE 'other' END END,
       'USA', 'SYN'
FROM n;

CREATE TEMP TABLE firsts AS SELECT min(id) AS first FROM companies WHERE name LIKE 'Company %';

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000)
INSERT INTO funding_rounds (company_id, round_type, announced_on, amount, currency, amount_usd, post_money_valuation_usd, external_id, source_id)
SELECT (SELECT first FROM firsts) + 100000 + (i * 7919) % 900000,
       CASE i % 9 WHEN 0 THEN 'seed' WHEN 1 THEN 'series_a' WHEN 2 THEN 'series_b' WHEN 3 THEN 'series_c'
       WHEN 4 THEN 'venture' WHEN 5 THEN 'series_d' WHEN 6 THEN 'debt_financing' WHEN 7 THEN 'pre_seed' ELSE 'series_e' END,
       printf('%04d-%02d-%02d', 2005 + (i % 21), 1 + (i % 12), 1 + (i % 28)),
       (i % 997) * 1000000 + 100000, 'USD', (i % 997) * 1000000 + 100000,
       CASE WHEN i % 4 = 0 THEN (i % 997) * 8000000 END,
       'gen-round-' || i, 'SYN'
FROM n;

CREATE TEMP TABLE round_range AS SELECT min(id) AS first FROM funding_rounds WHERE external_id LIKE 'gen-round-%';

-- 2 or 3 investors per round: 5,000,000 rows.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000),
k(j) AS (VALUES (0), (1), (2))
INSERT OR IGNORE INTO round_investors (round_id, investor_id, is_lead, source_id)
SELECT (SELECT first FROM round_range) + i - 1, (SELECT first FROM firsts) + ((i * 31 + j * 7877) % 100000), j = 0, 'SYN'
FROM n, k
WHERE j < 2 OR i % 2 = 0;

-- NVIDIA's group in one round of every thousand: NVIDIA itself, or NVentures in every other one.
INSERT OR IGNORE INTO round_investors (round_id, investor_id, is_lead, amount_usd, source_id)
SELECT r.id, (SELECT id FROM companies WHERE name = CASE WHEN r.id % 2000 = 0 THEN 'NVentures' ELSE 'NVIDIA' END),
       r.id % 7 = 0, CASE WHEN r.id % 3 = 0 THEN r.amount_usd / 10 END, 'SYN'
FROM funding_rounds r WHERE r.external_id LIKE 'gen-round-%' AND r.id % 1000 = 0;

-- Groups: investors 1 to 2,000 are units of investors 2,001 to 3,000.
UPDATE companies SET parent_id = (SELECT first FROM firsts) + 2000 + (id - (SELECT first FROM firsts)) % 1000
WHERE id BETWEEN (SELECT first FROM firsts) AND (SELECT first FROM firsts) + 1999;

-- 100,000 supply deals, the kinds in turn (their direction of money is deal_kinds'),
-- statuses in turn, one in twenty repeating the deal before it (overlaps).
CREATE TEMP TABLE kinds AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM deal_kinds;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000),
-- The company of one of the rounds NVIDIA's group joined (ids divisible by 1,000).
investee(k, id) AS (
    SELECT k, (SELECT company_id FROM funding_rounds
               WHERE id = ((SELECT first FROM round_range) / 1000 + 1 + k % 1999) * 1000)
    FROM (SELECT i AS k FROM n)
),
parties AS (
    SELECT i,
           CASE WHEN i % 10 < 2 THEN (SELECT id FROM companies WHERE name = 'NVIDIA')
                WHEN i % 10 = 2 THEN (SELECT id FROM companies WHERE name = 'NVIDIA')
                WHEN i % 10 < 5 THEN (SELECT first FROM firsts) + 100000 + (i * 7) % 900000
                WHEN i % 50 = 5 THEN (SELECT id FROM investee WHERE k = i * 3)
                WHEN i % 10 < 9 THEN (SELECT first FROM firsts) + 100000 + (i * 31) % 200000
                ELSE (SELECT first FROM firsts) + (i % 100000) END AS supplier,
           CASE WHEN i % 10 < 2 THEN (SELECT first FROM firsts) + 100000 + (i * 13) % 900000
                WHEN i % 10 = 2 THEN (SELECT id FROM investee WHERE k = i)
                WHEN i % 10 < 5 THEN (SELECT id FROM companies WHERE name = 'NVIDIA')
                WHEN i % 50 = 5 THEN (SELECT id FROM investee WHERE k = i * 7)
                WHEN i % 10 < 9 THEN (SELECT first FROM firsts) + 100000 + (i * 17 + 1) % 200000
                ELSE (SELECT first FROM firsts) + 100000 + (i * 11) % 900000 END AS customer
    FROM n
)
INSERT INTO supply_deals (supplier_id, customer_id, kind, value_usd, gpu_count, announced_on, status, external_id, source_id)
SELECT supplier, customer, (SELECT id FROM kinds WHERE k = i % (SELECT count(*) FROM kinds)),
       i * 1000000, i * 10, printf('%04d-%02d', 2015 + (i % 11), 1 + (i % 12)),
       CASE i % 6 WHEN 0 THEN 'rumored' WHEN 1 THEN 'announced' WHEN 2 THEN 'signed' WHEN 3 THEN 'delivered'
            WHEN 4 THEN 'stalled' ELSE 'cancelled' END,
       'gen-deal-' || i, 'SYN'
FROM parties WHERE supplier <> customer;
UPDATE supply_deals SET overlaps_deal_id = id - 1
WHERE external_id LIKE 'gen-deal-%' AND CAST(substr(external_id, 10) AS INTEGER) % 20 = 0
  AND EXISTS (SELECT 1 FROM supply_deals p WHERE p.id = supply_deals.id - 1);
COMMIT;
ANALYZE;
