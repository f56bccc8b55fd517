-- aikb: foreign_keys off
-- Companies are not their names. Two organizations may share a name (Crunchbase's
-- own documentation says names are not unique; real exports have thousands of such
-- pairs), so a company is its id, and its ids in other systems
-- (company_external_ids), never its name: the UNIQUE on companies.name goes. Where a
-- file names a company only by a name several companies share, the importer reports
-- the ambiguity instead of choosing.
--
-- Groups: a business unit rolls up to its parent (NVentures to NVIDIA, Amazon Web
-- Services to Amazon, Google Cloud to Alphabet, Microsoft Azure to Microsoft), so
-- that money loops count a group once while each leg still names the unit.
--
-- SQLite cannot drop a UNIQUE constraint: the table is rebuilt by SQLite's
-- documented procedure (new table, copy, drop, rename), with foreign keys off for
-- this migration and checked before it commits. legacy_alter_table lets the rename
-- leave the views that read companies as they are: they refer to it by name.

CREATE TABLE companies_rebuilt (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL COLLATE NOCASE CHECK (length(name) > 0 AND name = trim(name)),
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
    -- The group this company is a unit of (NULL: it is its own top). Money loops
    -- count the top of the chain.
    parent_id    INTEGER REFERENCES companies(id),
    source_id    TEXT REFERENCES sources(id),
    notes        TEXT,
    CHECK (ipo_on IS NULL OR status <> 'private'),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

INSERT INTO companies_rebuilt (id, name, kind, sector_id, country_code, founded_on, origin, status, ipo_on,
                               homepage_url, description, categories, source_id, notes)
SELECT id, name, kind, sector_id, country_code, founded_on, origin, status, ipo_on,
       homepage_url, description, categories, source_id, notes
FROM companies;

DROP TABLE companies;
PRAGMA legacy_alter_table = ON;
ALTER TABLE companies_rebuilt RENAME TO companies;
PRAGMA legacy_alter_table = OFF;

-- Lookups by name (no longer unique), and the indexes the old table had.
CREATE INDEX companies_by_name ON companies(name);
CREATE INDEX companies_by_sector ON companies(sector_id);
CREATE INDEX companies_by_source ON companies(source_id);
CREATE INDEX companies_by_parent ON companies(parent_id) WHERE parent_id IS NOT NULL;
