-- aikb: schema edit
-- Checks a statement run once per row pays for once per row.
--
-- 1. A CHECK of the form `x IN ('a', 'b', 'c')` with more than two values makes SQLite
--    build an ephemeral index of the list each time the statement runs: about 5 us per
--    list per row when the statement is executed once per row, as every import's is
--    (Benchmarks/scripts/check_lists.py: 300,000 single-row inserts under four such
--    lists 7.4 s, under the same checks written as comparisons 1.5 s, under none 1.4 s).
--    The import of 1M rounds ran seven of them per round, its company and its
--    participation. Written as `x = 'a' OR x = 'b' OR x = 'c'`, each accepts and refuses
--    exactly what the list did (NULL too: the comparison is NULL, and a NULL CHECK
--    passes), and the error names the same values.
--
--    Every stored row already satisfies the new form, so this is SQLite's procedure
--    for changing a table's constraints in place (lang_altertable.html, "making other
--    kinds of table schema changes": the SQL text in sqlite_schema is edited, not the
--    table rebuilt), run by aikb's migrator because of the first line: it allows the
--    edit for this migration only, bumps the schema version, and runs quick_check on
--    every table whose text changed before it commits.
--
-- 2. The search triggers of 0011 noted a document with `INSERT INTO search_pending
--    SELECT ... WHERE doc NOT IN (SELECT doc FROM search_pending)`. An INSERT whose
--    SELECT reads its own target goes through a temporary table, per row (1.3-2.6 s
--    per 300,000 companies over an upsert). `INSERT ... VALUES ... ON CONFLICT DO
--    NOTHING` notes the same documents, and an upsert keeps its DO NOTHING whatever
--    conflict clause the statement that fired the trigger had.

-- 1. The CHECK lists ---------------------------------------------------------------

-- sources.kind
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (kind IN (
                       ''article'', ''press_release'', ''filing'', ''dataset'', ''report'', ''reprint'',
                       ''aggregator'', ''database'', ''social_post'', ''other''))',
    'CHECK (kind = ''article'' OR kind = ''press_release'' OR
                       kind = ''filing'' OR kind = ''dataset'' OR kind = ''report'' OR kind = ''reprint'' OR
                       kind = ''aggregator'' OR kind = ''database'' OR kind = ''social_post'' OR kind = ''other'')')
WHERE type = 'table' AND name = 'sources';

-- sources.reliability
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (reliability IN (''high'', ''medium'', ''low''))',
    'CHECK (reliability = ''high'' OR reliability = ''medium'' OR reliability = ''low'')')
WHERE type = 'table' AND name = 'sources';

-- funding_rounds.amount_status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (amount_status IN (''confirmed'', ''reported'', ''estimated'', ''up_to'', ''disputed''))',
    'CHECK (amount_status = ''confirmed'' OR amount_status = ''reported'' OR
                                 amount_status = ''estimated'' OR amount_status = ''up_to'' OR
                                 amount_status = ''disputed'')')
WHERE type = 'table' AND name = 'funding_rounds';

-- funding_rounds.valuation_status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (valuation_status IN (''confirmed'', ''reported'', ''estimated'', ''up_to'', ''disputed''))',
    'CHECK (valuation_status = ''confirmed'' OR valuation_status = ''reported'' OR
                                 valuation_status = ''estimated'' OR valuation_status = ''up_to'' OR
                                 valuation_status = ''disputed'')')
WHERE type = 'table' AND name = 'funding_rounds';

-- funding_rounds.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''closed'', ''announced'', ''committed'', ''stalled'', ''cancelled''))',
    'CHECK (status = ''closed'' OR status = ''announced'' OR status = ''committed'' OR status = ''stalled'' OR
        status = ''cancelled'')')
WHERE type = 'table' AND name = 'funding_rounds';

-- funding_rounds.confidence
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (confidence IN (''confident'', ''likely'', ''uncertain''))',
    'CHECK (confidence = ''confident'' OR
        confidence = ''likely'' OR confidence = ''uncertain'')')
WHERE type = 'table' AND name = 'funding_rounds';

-- round_investors.amount_status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (amount_status IN (''confirmed'', ''reported'', ''estimated'', ''up_to'', ''disputed''))',
    'CHECK (amount_status = ''confirmed'' OR amount_status = ''reported'' OR
                      amount_status = ''estimated'' OR amount_status = ''up_to'' OR amount_status = ''disputed'')')
WHERE type = 'table' AND name = 'round_investors';

-- supply_deals.value_status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (value_status IN (''confirmed'', ''reported'', ''estimated'', ''up_to'', ''disputed''))',
    'CHECK (value_status = ''confirmed'' OR value_status = ''reported'' OR
                            value_status = ''estimated'' OR value_status = ''up_to'' OR value_status = ''disputed'')')
WHERE type = 'table' AND name = 'supply_deals';

-- supply_deals.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (
                            ''rumored'', ''announced'', ''signed'', ''delivered'', ''stalled'', ''cancelled''))',
    'CHECK (status = ''rumored'' OR status = ''announced'' OR
                            status = ''signed'' OR status = ''delivered'' OR status = ''stalled'' OR
                            status = ''cancelled'')')
WHERE type = 'table' AND name = 'supply_deals';

-- claims.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''stated'', ''disputed'', ''contradicted''))',
    'CHECK (status = ''stated'' OR status = ''disputed'' OR
                     status = ''contradicted'')')
WHERE type = 'table' AND name = 'claims';

-- report_columns.unit
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (unit IN (''usd'', ''percent'', ''share'', ''count'', ''date'', ''mw'', ''h100e'', ''ratio'', ''text''))',
    'CHECK (unit = ''usd'' OR unit = ''percent'' OR unit = ''share'' OR unit = ''count'' OR unit = ''date'' OR
        unit = ''mw'' OR unit = ''h100e'' OR unit = ''ratio'' OR unit = ''text'')')
WHERE type = 'table' AND name = 'report_columns';

-- companies.kind
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (kind IN (
                     ''startup'', ''public_company'', ''big_tech'', ''investment_firm'', ''corporate_venture'',
                     ''government'', ''sovereign_fund'', ''person'', ''spv'', ''nonprofit'', ''other''))',
    'CHECK (kind = ''startup'' OR kind = ''public_company'' OR
                     kind = ''big_tech'' OR kind = ''investment_firm'' OR kind = ''corporate_venture'' OR
                     kind = ''government'' OR kind = ''sovereign_fund'' OR kind = ''person'' OR kind = ''spv'' OR
                     kind = ''nonprofit'' OR kind = ''other'')')
WHERE type = 'table' AND name = 'companies';

-- companies.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''private'', ''public'', ''acquired'', ''closed''))',
    'CHECK (status = ''private'' OR status = ''public'' OR
                     status = ''acquired'' OR status = ''closed'')')
WHERE type = 'table' AND name = 'companies';

-- table_columns.unit
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (unit IN (''usd'', ''percent'', ''share'', ''count'', ''date'', ''mw'', ''h100e'', ''ratio'', ''text''))',
    'CHECK (unit = ''usd'' OR unit = ''percent'' OR unit = ''share'' OR unit = ''count'' OR
                    unit = ''date'' OR unit = ''mw'' OR unit = ''h100e'' OR unit = ''ratio'' OR unit = ''text'')')
WHERE type = 'table' AND name = 'table_columns';

-- gpu_clusters.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''existing'', ''planned'', ''decommissioned''))',
    'CHECK (status = ''existing'' OR status = ''planned'' OR
                                       status = ''decommissioned'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- gpu_clusters.certainty
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (certainty IN (''confirmed'', ''likely'', ''unlikely''))',
    'CHECK (certainty = ''confirmed'' OR certainty = ''likely'' OR
                                       certainty = ''unlikely'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- gpu_clusters.single_cluster
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (single_cluster IN (''yes'', ''no'', ''unclear''))',
    'CHECK (single_cluster = ''yes'' OR single_cluster = ''no'' OR
                                       single_cluster = ''unclear'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- gpu_clusters.sector
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (sector IN (''private'', ''public'', ''public_private''))',
    'CHECK (sector = ''private'' OR sector = ''public'' OR
                                       sector = ''public_private'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- gpu_clusters.first_operational_precision
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (first_operational_precision IN (''day'', ''month'', ''quarter'', ''half'', ''year''))',
    'CHECK (first_operational_precision = ''day'' OR
                                       first_operational_precision = ''month'' OR
                                       first_operational_precision = ''quarter'' OR
                                       first_operational_precision = ''half'' OR
                                       first_operational_precision = ''year'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- data_center_parties.role
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (role IN (''owner'', ''user'', ''investor'', ''construction'', ''energy''))',
    'CHECK (role = ''owner'' OR role = ''user'' OR role = ''investor'' OR
                       role = ''construction'' OR role = ''energy'')')
WHERE type = 'table' AND name = 'data_center_parties';

-- data_center_parties.confidence
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (confidence IN (''confident'', ''likely'', ''speculative''))',
    'CHECK (confidence = ''confident'' OR confidence = ''likely'' OR
                       confidence = ''speculative'')')
WHERE type = 'table' AND name = 'data_center_parties';

-- epoch_rounds.link
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (link IN (''created'', ''corroborates'', ''disputes'', ''repeats''))',
    'CHECK (link = ''created'' OR link = ''corroborates'' OR link = ''disputes'' OR
                           link = ''repeats'')')
WHERE type = 'table' AND name = 'epoch_rounds';

-- epoch_rounds.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''closed'', ''announced'', ''committed''))',
    'CHECK (status = ''closed'' OR status = ''announced'' OR status = ''committed'')')
WHERE type = 'table' AND name = 'epoch_rounds';

-- epoch_rounds.confidence
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (confidence IN (''confident'', ''likely'', ''uncertain''))',
    'CHECK (confidence = ''confident'' OR confidence = ''likely'' OR
                           confidence = ''uncertain'')')
WHERE type = 'table' AND name = 'epoch_rounds';

-- money_flow_kinds.category
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (category IN (''equity'', ''financing'', ''supply'', ''in_kind'', ''acquisition''))',
    'CHECK (category = ''equity'' OR category = ''financing'' OR category = ''supply'' OR
                    category = ''in_kind'' OR category = ''acquisition'')')
WHERE type = 'table' AND name = 'money_flow_kinds';

-- 2. The search triggers of 0011 noted a document with `INSERT INTO search_pending
--    SELECT ... WHERE doc NOT IN (SELECT doc FROM search_pending)`. An INSERT whose
--    SELECT reads its own target goes through a temporary table, per row (1.3-2.6 s
--    per 300,000 companies over an upsert). `INSERT ... VALUES ... ON CONFLICT DO
--    NOTHING` notes the same documents, and an upsert keeps its DO NOTHING whatever
--    conflict clause the statement that fired the trigger had.

-- 1. The CHECK lists ---------------------------------------------------------------

-- sources.kind
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (kind IN (
                       ''article'', ''press_release'', ''filing'', ''dataset'', ''report'', ''reprint'',
                       ''aggregator'', ''database'', ''social_post'', ''other''))',
    'CHECK (kind = ''article'' OR
            kind = ''press_release'' OR kind = ''filing'' OR kind = ''dataset'' OR kind = ''report'' OR
            kind = ''reprint'' OR kind = ''aggregator'' OR kind = ''database'' OR kind = ''social_post'' OR
            kind = ''other'')')
WHERE type = 'table' AND name = 'sources';

-- sources.reliability
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (reliability IN (''high'', ''medium'', ''low''))',
    'CHECK (reliability = ''high'' OR reliability = ''medium'' OR
            reliability = ''low'')')
WHERE type = 'table' AND name = 'sources';

-- funding_rounds.amount_status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (amount_status IN (''confirmed'', ''reported'', ''estimated'', ''up_to'', ''disputed''))',
    'CHECK (amount_status = ''confirmed'' OR amount_status = ''reported'' OR
            amount_status = ''estimated'' OR amount_status = ''up_to'' OR amount_status = ''disputed'')')
WHERE type = 'table' AND name = 'funding_rounds';

-- funding_rounds.valuation_status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (valuation_status IN (''confirmed'', ''reported'', ''estimated'', ''up_to'', ''disputed''))',
    'CHECK (valuation_status = ''confirmed'' OR
            valuation_status = ''reported'' OR valuation_status = ''estimated'' OR
            valuation_status = ''up_to'' OR valuation_status = ''disputed'')')
WHERE type = 'table' AND name = 'funding_rounds';

-- funding_rounds.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''closed'', ''announced'', ''committed'', ''stalled'', ''cancelled''))',
    'CHECK (status = ''closed'' OR status = ''announced'' OR status = ''committed'' OR status = ''stalled'' OR
            status = ''cancelled'')')
WHERE type = 'table' AND name = 'funding_rounds';

-- funding_rounds.confidence
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (confidence IN (''confident'', ''likely'', ''uncertain''))',
    'CHECK (confidence = ''confident'' OR
            confidence = ''likely'' OR confidence = ''uncertain'')')
WHERE type = 'table' AND name = 'funding_rounds';

-- round_investors.amount_status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (amount_status IN (''confirmed'', ''reported'', ''estimated'', ''up_to'', ''disputed''))',
    'CHECK (amount_status = ''confirmed'' OR amount_status = ''reported'' OR
            amount_status = ''estimated'' OR amount_status = ''up_to'' OR amount_status = ''disputed'')')
WHERE type = 'table' AND name = 'round_investors';

-- supply_deals.value_status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (value_status IN (''confirmed'', ''reported'', ''estimated'', ''up_to'', ''disputed''))',
    'CHECK (value_status = ''confirmed'' OR value_status = ''reported'' OR
            value_status = ''estimated'' OR value_status = ''up_to'' OR value_status = ''disputed'')')
WHERE type = 'table' AND name = 'supply_deals';

-- supply_deals.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (
                            ''rumored'', ''announced'', ''signed'', ''delivered'', ''stalled'', ''cancelled''))',
    'CHECK (status = ''rumored'' OR
            status = ''announced'' OR status = ''signed'' OR status = ''delivered'' OR status = ''stalled'' OR
            status = ''cancelled'')')
WHERE type = 'table' AND name = 'supply_deals';

-- claims.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''stated'', ''disputed'', ''contradicted''))',
    'CHECK (status = ''stated'' OR status = ''disputed'' OR
            status = ''contradicted'')')
WHERE type = 'table' AND name = 'claims';

-- report_columns.unit
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (unit IN (''usd'', ''percent'', ''share'', ''count'', ''date'', ''mw'', ''h100e'', ''ratio'', ''text''))',
    'CHECK (unit = ''usd'' OR unit = ''percent'' OR unit = ''share'' OR unit = ''count'' OR unit = ''date'' OR
            unit = ''mw'' OR unit = ''h100e'' OR unit = ''ratio'' OR unit = ''text'')')
WHERE type = 'table' AND name = 'report_columns';

-- companies.kind
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (kind IN (
                     ''startup'', ''public_company'', ''big_tech'', ''investment_firm'', ''corporate_venture'',
                     ''government'', ''sovereign_fund'', ''person'', ''spv'', ''nonprofit'', ''other''))',
    'CHECK (kind = ''startup'' OR kind = ''public_company'' OR
            kind = ''big_tech'' OR kind = ''investment_firm'' OR kind = ''corporate_venture'' OR
            kind = ''government'' OR kind = ''sovereign_fund'' OR kind = ''person'' OR kind = ''spv'' OR
            kind = ''nonprofit'' OR kind = ''other'')')
WHERE type = 'table' AND name = 'companies';

-- companies.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''private'', ''public'', ''acquired'', ''closed''))',
    'CHECK (status = ''private'' OR status = ''public'' OR
            status = ''acquired'' OR status = ''closed'')')
WHERE type = 'table' AND name = 'companies';

-- table_columns.unit
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (unit IN (''usd'', ''percent'', ''share'', ''count'', ''date'', ''mw'', ''h100e'', ''ratio'', ''text''))',
    'CHECK (unit = ''usd'' OR unit = ''percent'' OR unit = ''share'' OR unit = ''count'' OR
            unit = ''date'' OR unit = ''mw'' OR unit = ''h100e'' OR unit = ''ratio'' OR unit = ''text'')')
WHERE type = 'table' AND name = 'table_columns';

-- gpu_clusters.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''existing'', ''planned'', ''decommissioned''))',
    'CHECK (status = ''existing'' OR status = ''planned'' OR
            status = ''decommissioned'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- gpu_clusters.certainty
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (certainty IN (''confirmed'', ''likely'', ''unlikely''))',
    'CHECK (certainty = ''confirmed'' OR certainty = ''likely'' OR
            certainty = ''unlikely'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- gpu_clusters.single_cluster
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (single_cluster IN (''yes'', ''no'', ''unclear''))',
    'CHECK (single_cluster = ''yes'' OR single_cluster = ''no'' OR
            single_cluster = ''unclear'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- gpu_clusters.sector
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (sector IN (''private'', ''public'', ''public_private''))',
    'CHECK (sector = ''private'' OR sector = ''public'' OR
            sector = ''public_private'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- gpu_clusters.first_operational_precision
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (first_operational_precision IN (''day'', ''month'', ''quarter'', ''half'', ''year''))',
    'CHECK (first_operational_precision = ''day'' OR
            first_operational_precision = ''month'' OR first_operational_precision = ''quarter'' OR
            first_operational_precision = ''half'' OR first_operational_precision = ''year'')')
WHERE type = 'table' AND name = 'gpu_clusters';

-- data_center_parties.role
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (role IN (''owner'', ''user'', ''investor'', ''construction'', ''energy''))',
    'CHECK (role = ''owner'' OR role = ''user'' OR role = ''investor'' OR
            role = ''construction'' OR role = ''energy'')')
WHERE type = 'table' AND name = 'data_center_parties';

-- data_center_parties.confidence
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (confidence IN (''confident'', ''likely'', ''speculative''))',
    'CHECK (confidence = ''confident'' OR confidence = ''likely'' OR
            confidence = ''speculative'')')
WHERE type = 'table' AND name = 'data_center_parties';

-- epoch_rounds.link
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (link IN (''created'', ''corroborates'', ''disputes'', ''repeats''))',
    'CHECK (link = ''created'' OR link = ''corroborates'' OR
            link = ''disputes'' OR link = ''repeats'')')
WHERE type = 'table' AND name = 'epoch_rounds';

-- epoch_rounds.status
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (status IN (''closed'', ''announced'', ''committed''))',
    'CHECK (status = ''closed'' OR status = ''announced'' OR
            status = ''committed'')')
WHERE type = 'table' AND name = 'epoch_rounds';

-- epoch_rounds.confidence
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (confidence IN (''confident'', ''likely'', ''uncertain''))',
    'CHECK (confidence = ''confident'' OR confidence = ''likely'' OR
            confidence = ''uncertain'')')
WHERE type = 'table' AND name = 'epoch_rounds';

-- money_flow_kinds.category
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (category IN (''equity'', ''financing'', ''supply'', ''in_kind'', ''acquisition''))',
    'CHECK (category = ''equity'' OR category = ''financing'' OR
            category = ''supply'' OR category = ''in_kind'' OR category = ''acquisition'')')
WHERE type = 'table' AND name = 'money_flow_kinds';

-- 2. The search triggers -----------------------------------------------------------

DROP TRIGGER companies_search_insert;
DROP TRIGGER companies_search_update;
DROP TRIGGER companies_search_delete;
DROP TRIGGER company_aliases_search_insert;
DROP TRIGGER company_aliases_search_update;
DROP TRIGGER company_aliases_search_delete;
DROP TRIGGER supply_deals_search_insert;
DROP TRIGGER supply_deals_search_update;
DROP TRIGGER supply_deals_search_delete;

CREATE TRIGGER companies_search_insert AFTER INSERT ON companies
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * NEW.id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER companies_search_update AFTER UPDATE OF id, name, notes ON companies
WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * OLD.id), (2 * NEW.id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER companies_search_delete AFTER DELETE ON companies
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * OLD.id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER company_aliases_search_insert AFTER INSERT ON company_aliases
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * NEW.company_id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER company_aliases_search_update AFTER UPDATE OF alias, company_id ON company_aliases
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * OLD.company_id), (2 * NEW.company_id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER company_aliases_search_delete AFTER DELETE ON company_aliases
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * OLD.company_id) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER supply_deals_search_insert AFTER INSERT ON supply_deals
WHEN NEW.deal_label IS NOT NULL OR NEW.notes IS NOT NULL
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * NEW.id + 1) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER supply_deals_search_update AFTER UPDATE OF id, deal_label, notes ON supply_deals
WHEN OLD.id IS NOT NEW.id OR OLD.deal_label IS NOT NEW.deal_label OR OLD.notes IS NOT NEW.notes
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * OLD.id + 1), (2 * NEW.id + 1) ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER supply_deals_search_delete AFTER DELETE ON supply_deals
BEGIN
    INSERT INTO search_pending (doc) VALUES (2 * OLD.id + 1) ON CONFLICT DO NOTHING;
END;
