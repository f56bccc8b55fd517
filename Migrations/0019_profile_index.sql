-- The profile index: the rows of the three costliest sections of `aikb company`
-- (investments, flows, sources), kept for the companies with most flows. A hub's
-- profile read them from the knowledge tables on every run: at a million companies
-- NVIDIA's 50,014 deals into 37,079 counterparty groups took 0.2-0.5 s for the flows
-- alone, and its sources 0.1 s, each fact on a page of its own. aikb fills these
-- tables (ProfileIndex) from the very statements the profile runs, at the close of
-- every run that changes what they are made of, as it does the report indexes; a
-- profile reads them only while they are current, and computes the sections itself
-- otherwise, so that a change made outside aikb shows at once.

-- Which companies are kept: every company with at least least_flows flows of its own
-- (participations as an investor, deals as supplier or customer, relationships on
-- either side), and every company above one of those (a parent speaks for its units).
-- members: the ids of the company and the units under it when kept; a unit added or
-- deleted since, which no signature sees (a new company, or a deleted one that nothing
-- names, counts for nothing), differs from it.
CREATE TABLE profile_index (
    company_id INTEGER PRIMARY KEY,
    flows      INTEGER NOT NULL CHECK (flows >= 0),
    members    TEXT NOT NULL CHECK (length(members) > 0)
) STRICT;

-- The sections' rows in their order, under the sections' own column names, as the
-- statements give them: not STRICT, so that each value keeps its type.
CREATE TABLE profile_index_investments (
    company_id INTEGER NOT NULL, position INTEGER NOT NULL,
    company, unit, round_id, round_type, announced_on, status, round_amount_usd, own_amount_usd, led, source_id,
    PRIMARY KEY (company_id, position)
) WITHOUT ROWID;

CREATE TABLE profile_index_flows (
    company_id INTEGER NOT NULL, position INTEGER NOT NULL,
    direction, counterparty, flows, facts, amount_usd, statuses,
    PRIMARY KEY (company_id, position)
) WITHOUT ROWID;

CREATE TABLE profile_index_sources (
    company_id INTEGER NOT NULL, position INTEGER NOT NULL,
    source_id, facts, title, publisher, published_on, reliability, url,
    PRIMARY KEY (company_id, position)
) WITHOUT ROWID;

-- What the knowledge tables looked like when the index was filled (SourceSignature;
-- NULL: never, so the refresh at the end of this migration fills it), and the
-- threshold: a company with fewer flows reads its sections in a few milliseconds.
CREATE TABLE profile_index_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    least_flows INTEGER NOT NULL CHECK (least_flows >= 1),
    signature   TEXT,
    history_id  INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO profile_index_state (id, least_flows) VALUES (1, 1000);

INSERT INTO table_docs (name, title, description) VALUES
    ('profile_index', 'Kept profiles (index)', 'The companies whose profile sections investments, flows and sources aikb keeps: those with at least profile_index_state.least_flows flows of their own, and the companies above them. Derived.'),
    ('profile_index_investments', 'Kept profiles: investments (index)', 'The rows of the investments section of each kept company''s profile, in order, as of the last refresh. Derived.'),
    ('profile_index_flows', 'Kept profiles: flows (index)', 'The rows of the flows section of each kept company''s profile, in order, as of the last refresh. Derived.'),
    ('profile_index_sources', 'Kept profiles: sources (index)', 'The rows of the sources section of each kept company''s profile, in order, as of the last refresh. Derived.'),
    ('profile_index_state', 'Kept profiles state', 'What the knowledge tables looked like when the kept profiles were last filled, and how many flows make a company''s profile kept.');

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('profile_index', 'company_id', 'The company (companies.id)', NULL),
    ('profile_index', 'flows', 'Its own flows when it was kept: participations as an investor, deals and relationships on either side', 'count'),
    ('profile_index', 'members', 'The ids of the company and its units when it was kept, in order, joined by commas', 'text'),
    ('profile_index_state', 'id', 'Always 1: the index has one state', NULL),
    ('profile_index_state', 'least_flows', 'The flows of its own that make a company''s profile kept (default 1000)', 'count'),
    ('profile_index_state', 'signature', 'What the knowledge tables looked like when the profiles were last filled (NULL: never)', 'text'),
    ('profile_index_state', 'history_id', 'The newest history row then', NULL);

-- The section columns of each table, with the key columns.
INSERT INTO table_columns (table_name, column_name, description, unit)
SELECT t.name, 'company_id', 'The kept company (profile_index)', NULL
FROM (SELECT 'profile_index_investments' AS name UNION ALL SELECT 'profile_index_flows' UNION ALL SELECT 'profile_index_sources') t
UNION ALL
SELECT t.name, 'position', 'The row''s place in the section, from 1', 'count'
FROM (SELECT 'profile_index_investments' AS name UNION ALL SELECT 'profile_index_flows' UNION ALL SELECT 'profile_index_sources') t;

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('profile_index_investments', 'company', 'The company invested in', 'text'),
    ('profile_index_investments', 'unit', 'The unit that invested, when not the company itself', 'text'),
    ('profile_index_investments', 'round_id', 'The round (its external id, or ''round'' and its id)', 'text'),
    ('profile_index_investments', 'round_type', 'The round''s type', 'text'),
    ('profile_index_investments', 'announced_on', 'When the round was announced', 'date'),
    ('profile_index_investments', 'status', 'The round''s status', 'text'),
    ('profile_index_investments', 'round_amount_usd', 'The whole round', 'usd'),
    ('profile_index_investments', 'own_amount_usd', 'The investor''s own part, where reported', 'usd'),
    ('profile_index_investments', 'led', 'yes, no or disputed', 'text'),
    ('profile_index_investments', 'source_id', 'The participation''s source', 'text'),
    ('profile_index_flows', 'direction', 'out: the company pays; in: it is paid', 'text'),
    ('profile_index_flows', 'counterparty', 'The counterparty''s group', 'text'),
    ('profile_index_flows', 'flows', 'The kinds of flow between them', 'text'),
    ('profile_index_flows', 'facts', 'The facts behind them', 'count'),
    ('profile_index_flows', 'amount_usd', 'Their sum, counted flows not cancelled', 'usd'),
    ('profile_index_flows', 'statuses', 'The facts'' statuses', 'text'),
    ('profile_index_sources', 'source_id', 'The source', 'text'),
    ('profile_index_sources', 'facts', 'The company''s facts that cite it', 'count'),
    ('profile_index_sources', 'title', 'Its title', 'text'),
    ('profile_index_sources', 'publisher', 'Its publisher', 'text'),
    ('profile_index_sources', 'published_on', 'When it was published', 'date'),
    ('profile_index_sources', 'reliability', 'How reliable it is taken to be', 'text'),
    ('profile_index_sources', 'url', 'Where it is', 'text');
