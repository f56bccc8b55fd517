-- The knowledge base: where every fact comes from, the companies, and the facts
-- that link them (funding rounds, who invested, GPU supply deals, relationships,
-- and the aggregate claims sources make).
--
-- Conventions, so that users' own SQL can rely on them:
--   * Money is whole units as INTEGER: `*_usd` columns in US dollars, `amount` in the
--     original `currency` (ISO 4217). NULL means no source states the figure.
--   * Dates are ISO 8601 text with the precision the source gives: YYYY-MM-DD,
--     YYYY-MM or YYYY. `*_precision` columns derive day / month / year from it.
--   * Every fact table (funding_rounds, round_investors, supply_deals, relationships,
--     claims) has a NOT NULL source_id.
--   * Closed vocabularies live in tables (sectors, round_types, deal_kinds,
--     relationship_kinds) so that `SELECT * FROM deal_kinds` documents them.

-- Sources ---------------------------------------------------------------------

CREATE TABLE sources (
    id             TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200 AND id = trim(id)),
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    publisher      TEXT,
    author         TEXT,
    url            TEXT,
    published_on   TEXT CHECK (published_on IS NULL
                       OR (length(published_on) = 10 AND date(published_on, '+0 days') IS published_on)
                       OR (length(published_on) = 7 AND date(published_on || '-01', '+0 days') IS published_on || '-01')
                       OR (length(published_on) = 4 AND date(published_on || '-01-01', '+0 days') IS published_on || '-01-01')),
    language       TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 12),
    kind           TEXT NOT NULL DEFAULT 'article' CHECK (kind IN (
                       'article', 'press_release', 'filing', 'dataset', 'report', 'reprint',
                       'aggregator', 'database', 'social_post', 'other')),
    reliability    TEXT CHECK (reliability IN ('high', 'medium', 'low')),
    content_sha256 TEXT CHECK (content_sha256 IS NULL OR length(content_sha256) = 64),
    notes          TEXT
) STRICT;

-- Vocabularies ----------------------------------------------------------------

CREATE TABLE sectors (
    id          TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND id NOT GLOB '*[^a-z0-9_]*'),
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL
) STRICT;

INSERT INTO sectors (id, name, description) VALUES
    ('large_models', 'Large models', 'Developers of foundation and large language models'),
    ('ai_infrastructure', 'AI infrastructure', 'GPU clouds (neoclouds), AI data centres and compute platforms'),
    ('autonomous_driving', 'Autonomous driving', 'Self-driving software and vehicles'),
    ('humanoid_robots', 'Humanoid robots', 'General-purpose humanoid and embodied-AI robots'),
    ('vertical_ai', 'Vertical AI', 'AI applications for one industry: legal, health care, finance, voice'),
    ('multimodal', 'Multimodal', 'Video, image, 3D and world-model generation'),
    ('developer_tools', 'Developer tools', 'AI for writing software, and tools for building AI'),
    ('data_infrastructure', 'Data infrastructure', 'Training data, labelling and evaluation'),
    ('semiconductors', 'Semiconductors', 'Chips and chip-making equipment'),
    ('cloud_software', 'Cloud and software', 'Cloud platforms and software giants'),
    ('quantum', 'Quantum computing', 'Quantum computers and their software'),
    ('fusion', 'Nuclear fusion', 'Fusion energy'),
    ('energy', 'Energy', 'Power generation and supply for data centres'),
    ('telecommunications', 'Telecommunications', 'Networks and network equipment'),
    ('financial_services', 'Financial services', 'Banks, asset managers and other financial companies'),
    ('other', 'Other', 'Anything the other sectors do not cover');

-- Crunchbase's investment_type vocabulary, plus `ipo` and `investment_commitment`
-- (an announced, not yet closed investment such as NVIDIA's "up to $100B" for OpenAI).
-- `stage` orders priced venture rounds; `late_stage` is 1 for Series B and later
-- (and private equity, IPO and post-IPO rounds), 0 for earlier, NULL when unknown.
CREATE TABLE round_types (
    id         TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    stage      INTEGER,
    late_stage INTEGER CHECK (late_stage IN (0, 1))
) STRICT;

INSERT INTO round_types (id, label, stage, late_stage) VALUES
    ('pre_seed', 'Pre-seed', 0, 0),
    ('angel', 'Angel', 1, 0),
    ('seed', 'Seed', 2, 0),
    ('series_a', 'Series A', 3, 0),
    ('series_b', 'Series B', 4, 1),
    ('series_c', 'Series C', 5, 1),
    ('series_d', 'Series D', 6, 1),
    ('series_e', 'Series E', 7, 1),
    ('series_f', 'Series F', 8, 1),
    ('series_g', 'Series G', 9, 1),
    ('series_h', 'Series H', 10, 1),
    ('series_i', 'Series I', 11, 1),
    ('series_j', 'Series J', 12, 1),
    ('series_unknown', 'Series unknown', NULL, NULL),
    ('venture', 'Venture round', NULL, NULL),
    ('private_equity', 'Private equity', 20, 1),
    ('debt_financing', 'Debt financing', NULL, NULL),
    ('convertible_note', 'Convertible note', NULL, NULL),
    ('grant', 'Grant', NULL, NULL),
    ('corporate_round', 'Corporate round', NULL, NULL),
    ('investment_commitment', 'Investment commitment (not yet closed)', NULL, NULL),
    ('secondary_market', 'Secondary market', 30, 1),
    ('ipo', 'Initial public offering', 40, 1),
    ('post_ipo_equity', 'Post-IPO equity', 50, 1),
    ('post_ipo_debt', 'Post-IPO debt', 50, 1),
    ('post_ipo_secondary', 'Post-IPO secondary', 50, 1),
    ('equity_crowdfunding', 'Equity crowdfunding', NULL, NULL),
    ('product_crowdfunding', 'Product crowdfunding', NULL, NULL),
    ('initial_coin_offering', 'Initial coin offering', NULL, NULL),
    ('non_equity_assistance', 'Non-equity assistance', NULL, NULL),
    ('undisclosed', 'Undisclosed', NULL, NULL);

-- Supply-deal kinds. In every kind the customer pays the supplier: NVIDIA
-- backstopping CoreWeave's unsold capacity is CoreWeave (supplier) selling
-- capacity to NVIDIA (customer); a leaseback is NVIDIA (customer) renting GPUs
-- back from Lambda (supplier).
CREATE TABLE deal_kinds (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    description TEXT NOT NULL
) STRICT;

INSERT INTO deal_kinds (id, label, description) VALUES
    ('purchase', 'Purchase', 'The customer buys GPUs or systems from the supplier'),
    ('lease', 'Lease', 'The customer rents GPUs or servers from the supplier for a term'),
    ('cloud_capacity', 'Cloud capacity', 'The customer buys compute capacity in the supplier''s cloud'),
    ('capacity_backstop', 'Capacity backstop', 'The customer commits to buy whatever capacity the supplier cannot sell'),
    ('leaseback', 'Leaseback', 'The chip maker rents back GPU servers built with its own chips'),
    ('prepayment', 'Prepayment', 'The customer pays ahead for future supply'),
    ('letter_of_intent', 'Letter of intent', 'A non-binding plan for supply, often paired with an investment'),
    ('revenue_share', 'Revenue share', 'Supply paid from the customer''s revenue'),
    ('financing_lease', 'Financing lease', 'A vehicle buys GPUs and leases them to the customer'),
    ('infrastructure_lease', 'Infrastructure lease', 'Data-centre infrastructure leased to the customer'),
    ('supply_commitment', 'Supply commitment', 'The supplier commits GPUs or capacity to the customer, terms open'),
    ('buildout_support', 'Buildout support', 'The supplier helps the customer secure land, power and buildings'),
    ('co_development', 'Co-development', 'Joint product development tied to supply');

CREATE TABLE relationship_kinds (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    description TEXT NOT NULL
) STRICT;

INSERT INTO relationship_kinds (id, label, description) VALUES
    ('investor_in', 'Investor in', 'Holds equity, outside any recorded round'),
    ('supplier_of', 'Supplier of', 'Supplies goods or services, outside any recorded deal'),
    ('customer_of', 'Customer of', 'Buys goods or services, outside any recorded deal'),
    ('partner_of', 'Partner of', 'Strategic or technical partnership'),
    ('backstops', 'Backstops', 'Guarantees demand or financing for the other'),
    ('leases_to', 'Leases to', 'Leases assets to the other'),
    ('spun_out_of', 'Spun out of', 'Was founded from the other'),
    ('acquired', 'Acquired', 'Bought the other'),
    ('acquisition_talks', 'In acquisition talks with', 'Reported to be negotiating to buy the other'),
    ('divested', 'Divested', 'Sold its stake in the other');

-- Companies -------------------------------------------------------------------

-- Investors are companies too (funds, banks, governments, people who invest).
CREATE TABLE companies (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0 AND name = trim(name)),
    kind         TEXT NOT NULL DEFAULT 'startup' CHECK (kind IN (
                     'startup', 'public_company', 'big_tech', 'investment_firm', 'corporate_venture',
                     'government', 'sovereign_fund', 'person', 'spv', 'nonprofit', 'other')),
    sector_id    TEXT REFERENCES sectors(id),
    country_code TEXT CHECK (country_code IS NULL OR (length(country_code) = 3 AND country_code = upper(country_code))),
    founded_on   TEXT CHECK (founded_on IS NULL
                     OR (length(founded_on) = 10 AND date(founded_on, '+0 days') IS founded_on)
                     OR (length(founded_on) = 7 AND date(founded_on || '-01', '+0 days') IS founded_on || '-01')
                     OR (length(founded_on) = 4 AND date(founded_on || '-01-01', '+0 days') IS founded_on || '-01-01')),
    origin       TEXT,
    status       TEXT NOT NULL DEFAULT 'private' CHECK (status IN ('private', 'public', 'acquired', 'closed')),
    ipo_on       TEXT CHECK (ipo_on IS NULL
                     OR (length(ipo_on) = 10 AND date(ipo_on, '+0 days') IS ipo_on)
                     OR (length(ipo_on) = 7 AND date(ipo_on || '-01', '+0 days') IS ipo_on || '-01')
                     OR (length(ipo_on) = 4 AND date(ipo_on || '-01-01', '+0 days') IS ipo_on || '-01-01')),
    homepage_url TEXT,
    description  TEXT,
    categories   TEXT,
    source_id    TEXT REFERENCES sources(id),
    notes        TEXT,
    CHECK (ipo_on IS NULL OR status <> 'private')
) STRICT;

CREATE INDEX companies_by_sector ON companies(sector_id);

-- Other names an import may use ("Lambda Labs" for Lambda, "X.AI" for xAI).
CREATE TABLE company_aliases (
    alias      TEXT NOT NULL PRIMARY KEY COLLATE NOCASE CHECK (length(alias) > 0 AND alias = trim(alias)),
    company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX company_aliases_by_company ON company_aliases(company_id);

-- Ids in other systems: a Crunchbase uuid, a stock ticker. Several Crunchbase
-- organizations with one name map to one company, so this is a table, not a column.
CREATE TABLE company_external_ids (
    scheme      TEXT NOT NULL CHECK (scheme GLOB '[a-z]*' AND scheme NOT GLOB '*[^a-z0-9_]*'),
    external_id TEXT NOT NULL CHECK (length(external_id) > 0),
    company_id  INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
    PRIMARY KEY (scheme, external_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX company_external_ids_by_company ON company_external_ids(company_id);

-- Funding rounds --------------------------------------------------------------

CREATE TABLE funding_rounds (
    id                       INTEGER PRIMARY KEY,
    company_id               INTEGER NOT NULL REFERENCES companies(id),
    round_type               TEXT NOT NULL REFERENCES round_types(id),
    round_label              TEXT,
    announced_on             TEXT CHECK (announced_on IS NULL
                                 OR (length(announced_on) = 10 AND date(announced_on, '+0 days') IS announced_on)
                                 OR (length(announced_on) = 7 AND date(announced_on || '-01', '+0 days') IS announced_on || '-01')
                                 OR (length(announced_on) = 4 AND date(announced_on || '-01-01', '+0 days') IS announced_on || '-01-01')),
    announced_precision      TEXT GENERATED ALWAYS AS (
                                 CASE length(announced_on) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' END
                             ) VIRTUAL,
    amount                   INTEGER CHECK (amount >= 0),
    currency                 TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency = upper(currency))),
    amount_usd               INTEGER CHECK (amount_usd >= 0),
    amount_status            TEXT CHECK (amount_status IN ('confirmed', 'reported', 'estimated', 'up_to', 'disputed')),
    amount_min_usd           INTEGER CHECK (amount_min_usd >= 0),
    amount_max_usd           INTEGER CHECK (amount_max_usd >= amount_min_usd),
    post_money_valuation_usd INTEGER CHECK (post_money_valuation_usd >= 0),
    valuation_status         TEXT CHECK (valuation_status IN ('confirmed', 'reported', 'estimated', 'up_to', 'disputed')),
    external_id              TEXT UNIQUE CHECK (length(external_id) > 0),
    source_id                TEXT NOT NULL REFERENCES sources(id),
    notes                    TEXT,
    CHECK (amount IS NULL OR currency IS NOT NULL)
) STRICT;

-- The natural key of a round without an external id: company, type and date.
CREATE UNIQUE INDEX funding_rounds_natural_key
    ON funding_rounds(company_id, round_type, ifnull(announced_on, ''))
    WHERE external_id IS NULL;
CREATE INDEX funding_rounds_by_company ON funding_rounds(company_id, announced_on);
CREATE INDEX funding_rounds_by_date ON funding_rounds(announced_on);

-- Who invested in a round: is_lead, the investor's own amount where a source
-- states it (Crunchbase has none), and its reported share of the round.
CREATE TABLE round_investors (
    round_id      INTEGER NOT NULL REFERENCES funding_rounds(id) ON DELETE CASCADE,
    investor_id   INTEGER NOT NULL REFERENCES companies(id),
    is_lead       INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
    lead_disputed INTEGER NOT NULL DEFAULT 0 CHECK (lead_disputed IN (0, 1)),
    amount_usd    INTEGER CHECK (amount_usd >= 0),
    amount_status TEXT CHECK (amount_status IN ('confirmed', 'reported', 'estimated', 'up_to', 'disputed')),
    share_pct     REAL CHECK (share_pct > 0 AND share_pct <= 100),
    source_id     TEXT NOT NULL REFERENCES sources(id),
    notes         TEXT,
    PRIMARY KEY (round_id, investor_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX round_investors_by_investor ON round_investors(investor_id, round_id);

-- GPU supply deals --------------------------------------------------------------

CREATE TABLE supply_deals (
    id                  INTEGER PRIMARY KEY,
    supplier_id         INTEGER NOT NULL REFERENCES companies(id),
    customer_id         INTEGER NOT NULL REFERENCES companies(id),
    kind                TEXT NOT NULL REFERENCES deal_kinds(id),
    deal_label          TEXT,
    gpu_model           TEXT,
    gpu_count           INTEGER CHECK (gpu_count > 0),
    power_mw            REAL CHECK (power_mw > 0),
    value_usd           INTEGER CHECK (value_usd >= 0),
    value_status        TEXT CHECK (value_status IN ('confirmed', 'reported', 'estimated', 'up_to', 'disputed')),
    value_min_usd       INTEGER CHECK (value_min_usd >= 0),
    value_max_usd       INTEGER CHECK (value_max_usd >= value_min_usd),
    term_months         INTEGER CHECK (term_months > 0),
    announced_on        TEXT CHECK (announced_on IS NULL
                            OR (length(announced_on) = 10 AND date(announced_on, '+0 days') IS announced_on)
                            OR (length(announced_on) = 7 AND date(announced_on || '-01', '+0 days') IS announced_on || '-01')
                            OR (length(announced_on) = 4 AND date(announced_on || '-01-01', '+0 days') IS announced_on || '-01-01')),
    announced_precision TEXT GENERATED ALWAYS AS (
                            CASE length(announced_on) WHEN 10 THEN 'day' WHEN 7 THEN 'month' WHEN 4 THEN 'year' END
                        ) VIRTUAL,
    terms               TEXT,
    status              TEXT NOT NULL DEFAULT 'announced' CHECK (status IN (
                            'rumored', 'announced', 'signed', 'delivered', 'stalled', 'cancelled')),
    external_id         TEXT UNIQUE CHECK (length(external_id) > 0),
    source_id           TEXT NOT NULL REFERENCES sources(id),
    notes               TEXT,
    CHECK (supplier_id <> customer_id)
) STRICT;

CREATE UNIQUE INDEX supply_deals_natural_key
    ON supply_deals(supplier_id, customer_id, kind, ifnull(announced_on, ''))
    WHERE external_id IS NULL;
CREATE INDEX supply_deals_by_supplier ON supply_deals(supplier_id);
CREATE INDEX supply_deals_by_customer ON supply_deals(customer_id);

-- Relationships: what is neither a round nor a supply deal -----------------------

CREATE TABLE relationships (
    id         INTEGER PRIMARY KEY,
    from_id    INTEGER NOT NULL REFERENCES companies(id),
    to_id      INTEGER NOT NULL REFERENCES companies(id),
    kind       TEXT NOT NULL REFERENCES relationship_kinds(id),
    since      TEXT CHECK (since IS NULL
                   OR (length(since) = 10 AND date(since, '+0 days') IS since)
                   OR (length(since) = 7 AND date(since || '-01', '+0 days') IS since || '-01')
                   OR (length(since) = 4 AND date(since || '-01-01', '+0 days') IS since || '-01-01')),
    until      TEXT CHECK (until IS NULL
                   OR (length(until) = 10 AND date(until, '+0 days') IS until)
                   OR (length(until) = 7 AND date(until || '-01', '+0 days') IS until || '-01')
                   OR (length(until) = 4 AND date(until || '-01-01', '+0 days') IS until || '-01-01')),
    amount_usd INTEGER CHECK (amount_usd >= 0),
    note       TEXT,
    source_id  TEXT NOT NULL REFERENCES sources(id),
    CHECK (from_id <> to_id),
    CHECK (until IS NULL OR since IS NULL OR until >= since)
) STRICT;

CREATE UNIQUE INDEX relationships_natural_key ON relationships(from_id, to_id, kind, ifnull(since, ''));
CREATE INDEX relationships_by_to ON relationships(to_id);

-- Claims: aggregate figures a source states, held against what the data derives --

CREATE TABLE claims (
    id           TEXT PRIMARY KEY CHECK (length(id) > 0),
    subject_id   INTEGER REFERENCES companies(id),
    metric       TEXT NOT NULL CHECK (length(metric) > 0),
    value        REAL,
    value_text   TEXT NOT NULL,
    unit         TEXT,
    period_start TEXT CHECK (period_start IS NULL
                     OR (length(period_start) = 10 AND date(period_start, '+0 days') IS period_start)
                     OR (length(period_start) = 7 AND date(period_start || '-01', '+0 days') IS period_start || '-01')
                     OR (length(period_start) = 4 AND date(period_start || '-01-01', '+0 days') IS period_start || '-01-01')),
    period_end   TEXT CHECK (period_end IS NULL
                     OR (length(period_end) = 10 AND date(period_end, '+0 days') IS period_end)
                     OR (length(period_end) = 7 AND date(period_end || '-01', '+0 days') IS period_end || '-01')
                     OR (length(period_end) = 4 AND date(period_end || '-01-01', '+0 days') IS period_end || '-01-01')),
    scope        TEXT,
    statement    TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'stated' CHECK (status IN ('stated', 'disputed', 'contradicted')),
    source_id    TEXT NOT NULL REFERENCES sources(id),
    notes        TEXT
) STRICT;

CREATE INDEX claims_by_subject ON claims(subject_id);

-- Imports ---------------------------------------------------------------------

-- One row per file per `aikb import` run that committed.
CREATE TABLE import_log (
    id             INTEGER PRIMARY KEY,
    run_id         INTEGER NOT NULL,
    imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    file           TEXT NOT NULL,
    content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
    kind           TEXT NOT NULL,
    format         TEXT NOT NULL,
    source_id      TEXT REFERENCES sources(id),
    rows_read      INTEGER NOT NULL CHECK (rows_read >= 0),
    inserted       INTEGER NOT NULL CHECK (inserted >= 0),
    updated        INTEGER NOT NULL CHECK (updated >= 0),
    unchanged      INTEGER NOT NULL CHECK (unchanged >= 0),
    duration_ms    INTEGER NOT NULL CHECK (duration_ms >= 0)
) STRICT;

CREATE INDEX import_log_by_run ON import_log(run_id);
