-- Grows the GPU clusters of a knowledge base already grown by scale_kb.sql to a
-- hundred times Epoch AI's data set, for the compute reports' benchmark: 100,000
-- clusters (every tenth a later phase of the one before it, every fiftieth a
-- possible duplicate), each owned by one or two of the synthetic companies and used
-- by one, NVIDIA's chips in two of three. Deterministic. Run after scale_kb.sql:
--   sqlite3 kb.sqlite < Benchmarks/scripts/scale_compute.sql
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
BEGIN;
CREATE TEMP TABLE firsts AS SELECT min(id) AS first FROM companies WHERE name LIKE 'Company %';
CREATE TEMP TABLE suppliers AS
    SELECT (SELECT id FROM companies WHERE name = 'NVIDIA') AS nvidia, (SELECT id FROM companies WHERE name = 'AMD') AS amd;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO gpu_clusters (name, occurrence, status, certainty, h100_equivalents, primary_chip_count, primary_supplier,
                          primary_supplier_id, power_mw, hardware_cost_usd, first_operational_on, possible_duplicate, source_id)
SELECT 'Synthetic cluster ' || (i / 10), i % 10 + 1,
       CASE WHEN i % 3 = 0 THEN 'planned' WHEN i % 97 = 0 THEN 'decommissioned' ELSE 'existing' END,
       CASE i % 3 WHEN 0 THEN 'likely' ELSE 'confirmed' END,
       (i % 500) * 100.0 + 50, (i % 500) * 100 + 50,
       CASE WHEN i % 3 = 2 THEN 'AMD' ELSE 'NVIDIA' END,
       CASE WHEN i % 3 = 2 THEN (SELECT amd FROM suppliers) ELSE (SELECT nvidia FROM suppliers) END,
       (i % 500) * 0.14 + 0.1, (i % 500) * 3000000, printf('%04d-%02d-15', 2015 + (i % 12), 1 + (i % 12)),
       i % 50 = 0, 'SYN'
FROM n;

CREATE TEMP TABLE made AS SELECT min(id) AS first FROM gpu_clusters WHERE name LIKE 'Synthetic cluster %';
UPDATE gpu_clusters SET builds_upon_id = id - 1
WHERE name LIKE 'Synthetic cluster %' AND (id - (SELECT first FROM made)) % 10 = 9;

-- Owners: one company, a second for every fourth cluster; users: one company. Drawn
-- from the companies that raised, so NVIDIA's investees own clusters too.
INSERT INTO gpu_cluster_parties (cluster_id, role, position, name, company_id, source_id)
SELECT g.id, 'owner', 1, 'Company', (SELECT first FROM firsts) + 100000 + (g.id * 7919) % 900000, 'SYN'
FROM gpu_clusters g WHERE g.source_id = 'SYN';
INSERT INTO gpu_cluster_parties (cluster_id, role, position, name, company_id, source_id)
SELECT g.id, 'owner', 2, 'Company', (SELECT first FROM firsts) + 100000 + (g.id * 104729) % 900000, 'SYN'
FROM gpu_clusters g WHERE g.source_id = 'SYN' AND g.id % 4 = 0;
INSERT INTO gpu_cluster_parties (cluster_id, role, position, name, company_id, source_id)
SELECT g.id, 'user', 1, 'Company', (SELECT first FROM firsts) + 100000 + (g.id * 13) % 900000, 'SYN'
FROM gpu_clusters g WHERE g.source_id = 'SYN';
COMMIT;
ANALYZE;
