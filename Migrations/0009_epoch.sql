-- Epoch AI's open data on AI compute, imported as Epoch publishes it (CC BY 4.0):
-- GPU clusters with their owners, users, chips, H100 equivalents, power and cost;
-- the funding rounds of the frontier AI companies; frontier data centers with the
-- companies around them and their dated timeline. Every row keeps its source (one of
-- the three Epoch AI data sets, created by the importer with title, URL and licence)
-- and every source URL Epoch gives for it.
--
-- Epoch's files have no ids: clusters are their name plus, among clusters of one
-- name, which one (`occurrence`, matched by content on a later import); data
-- centers their Handle; timeline entries their data center and date; rounds their
-- company and Epoch's Id. docs/import-formats.md says how a newer snapshot updates
-- rows in place.
--
-- Names in Epoch's cells are not always companies: `placeholder_names` lists those
-- that never are (Anonymized, Unknown, Cloud, ...). A party row keeps every name as
-- written, with the company it names where it names one.

CREATE TABLE placeholder_names (
    name    TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(name) > 0 AND name = trim(name)),
    meaning TEXT NOT NULL
) STRICT;

INSERT INTO placeholder_names (name, meaning) VALUES
    ('Anonymized', 'The data set withholds the name'),
    ('Anonymous', 'The data set withholds the name'),
    ('Undisclosed', 'The name is not disclosed'),
    ('Undisclosed Client', 'A customer whose name is not disclosed'),
    ('Unknown', 'The data set does not know'),
    ('Unclear', 'The data set does not know'),
    ('N/A', 'Not applicable'),
    ('None', 'Nobody'),
    ('TBD', 'Not decided yet'),
    ('Various', 'Several parties, not named'),
    ('Other', 'Others, not named'),
    ('Others', 'Others, not named'),
    ('Cloud', 'Cloud customers in general'),
    ('US Companies', 'American companies in general'),
    ('Academia', 'Academic users in general'),
    ('Researchers', 'Researchers in general'),
    ('Industry', 'Industrial users in general'),
    ('Government', 'Government users in general'),
    ('Private Sector', 'Private companies in general');

-- gpu_clusters ------------------------------------------------------------------------
-- GPU clusters and AI supercomputers (Epoch AI, Data on GPU Clusters). Numbers as
-- Epoch states them; counts and dollars whole. A later phase's figures include the
-- phases it builds upon, so reports add up only clusters no later one of the same
-- status builds upon, and never Epoch's possible duplicates (compute_shares).
CREATE TABLE gpu_clusters (
    id                             INTEGER PRIMARY KEY,
    name                           TEXT NOT NULL CHECK (length(name) > 0),
    occurrence                     INTEGER NOT NULL DEFAULT 1 CHECK (occurrence >= 1),
    status                         TEXT NOT NULL CHECK (status IN ('existing', 'planned', 'decommissioned')),
    certainty                      TEXT CHECK (certainty IN ('confirmed', 'likely', 'unlikely')),
    single_cluster                 TEXT CHECK (single_cluster IN ('yes', 'no', 'unclear')),
    sector                         TEXT CHECK (sector IN ('private', 'public', 'public_private')),
    country                        TEXT,
    location                       TEXT,
    owners                         TEXT,
    users                          TEXT,
    h100_equivalents               REAL CHECK (h100_equivalents >= 0),
    max_ops                        REAL CHECK (max_ops >= 0),
    ops_8bit                       REAL CHECK (ops_8bit >= 0),
    ops_16bit                      REAL CHECK (ops_16bit >= 0),
    ops_32bit                      REAL CHECK (ops_32bit >= 0),
    primary_chip_type              TEXT,
    primary_chip_count             INTEGER CHECK (primary_chip_count >= 0),
    primary_supplier               TEXT,
    primary_supplier_id            INTEGER REFERENCES companies(id),
    secondary_chip_type            TEXT,
    secondary_chip_count           INTEGER CHECK (secondary_chip_count >= 0),
    secondary_supplier             TEXT,
    secondary_supplier_id          INTEGER REFERENCES companies(id),
    total_chips                    INTEGER CHECK (total_chips >= 0),
    power_mw                       REAL CHECK (power_mw >= 0),
    calculated_power_mw            REAL CHECK (calculated_power_mw >= 0),
    reported_power_mw              REAL CHECK (reported_power_mw >= 0),
    hardware_cost_usd              INTEGER CHECK (hardware_cost_usd >= 0),
    calculated_cost_usd            INTEGER CHECK (calculated_cost_usd >= 0),
    reported_cost_usd              INTEGER CHECK (reported_cost_usd >= 0),
    reported_cost_adjusted_usd     INTEGER CHECK (reported_cost_adjusted_usd >= 0),
    energy_efficiency              REAL CHECK (energy_efficiency >= 0),
    first_operational_on           TEXT CHECK (first_operational_on IS NULL
        OR (length(first_operational_on) = 10 AND date(first_operational_on, '+0 days') IS first_operational_on)
        OR (length(first_operational_on) = 7 AND date(first_operational_on || '-01', '+0 days') IS first_operational_on || '-01')
        OR (length(first_operational_on) = 4 AND date(first_operational_on || '-01-01', '+0 days') IS first_operational_on || '-01-01')),
    first_operational_precision    TEXT CHECK (first_operational_precision IN ('day', 'month', 'quarter', 'half', 'year')),
    first_operational_note         TEXT,
    decommissioned_on              TEXT CHECK (decommissioned_on IS NULL
        OR (length(decommissioned_on) = 10 AND date(decommissioned_on, '+0 days') IS decommissioned_on)
        OR (length(decommissioned_on) = 7 AND date(decommissioned_on || '-01', '+0 days') IS decommissioned_on || '-01')
        OR (length(decommissioned_on) = 4 AND date(decommissioned_on || '-01-01', '+0 days') IS decommissioned_on || '-01-01')),
    builds_upon                    TEXT,
    builds_upon_id                 INTEGER REFERENCES gpu_clusters(id) ON DELETE SET NULL,
    superseded_by                  TEXT,
    superseded_by_id               INTEGER REFERENCES gpu_clusters(id) ON DELETE SET NULL,
    possible_duplicate             INTEGER NOT NULL DEFAULT 0 CHECK (possible_duplicate IN (0, 1)),
    possible_duplicate_of          TEXT,
    in_standard_analysis           INTEGER NOT NULL DEFAULT 0 CHECK (in_standard_analysis IN (0, 1)),
    excluded                       INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
    noteworthy                     INTEGER NOT NULL DEFAULT 0 CHECK (noteworthy IN (0, 1)),
    rank_when_first_operational    INTEGER CHECK (rank_when_first_operational >= 1),
    largest_when_first_operational TEXT,
    share_of_largest               REAL CHECK (share_of_largest >= 0),
    note                           TEXT,
    hardware_note                  TEXT,
    quote                          TEXT,
    certainty_note                 TEXT,
    cost_quote                     TEXT,
    source_id                      TEXT NOT NULL REFERENCES sources(id),
    created_run                    INTEGER REFERENCES runs(id),
    UNIQUE (name, occurrence)
) STRICT;

CREATE INDEX gpu_clusters_by_source ON gpu_clusters(source_id);
CREATE INDEX gpu_clusters_by_builds_upon ON gpu_clusters(builds_upon_id) WHERE builds_upon_id IS NOT NULL;
CREATE INDEX gpu_clusters_by_superseded_by ON gpu_clusters(superseded_by_id) WHERE superseded_by_id IS NOT NULL;

CREATE TRIGGER gpu_clusters_history_update AFTER UPDATE OF id, name, occurrence, status, certainty, single_cluster, sector, country, location, owners, users, h100_equivalents, max_ops, ops_8bit, ops_16bit, ops_32bit, primary_chip_type, primary_chip_count, primary_supplier, primary_supplier_id, secondary_chip_type, secondary_chip_count, secondary_supplier, secondary_supplier_id, total_chips, power_mw, calculated_power_mw, reported_power_mw, hardware_cost_usd, calculated_cost_usd, reported_cost_usd, reported_cost_adjusted_usd, energy_efficiency, first_operational_on, first_operational_precision, first_operational_note, decommissioned_on, builds_upon, builds_upon_id, superseded_by, superseded_by_id, possible_duplicate, possible_duplicate_of, in_standard_analysis, excluded, noteworthy, rank_when_first_operational, largest_when_first_operational, share_of_largest, note, hardware_note, quote, certainty_note, cost_quote, source_id ON gpu_clusters
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.occurrence IS NOT NEW.occurrence OR
    OLD.status IS NOT NEW.status OR OLD.certainty IS NOT NEW.certainty OR
    OLD.single_cluster IS NOT NEW.single_cluster OR OLD.sector IS NOT NEW.sector OR
    OLD.country IS NOT NEW.country OR OLD.location IS NOT NEW.location OR
    OLD.owners IS NOT NEW.owners OR OLD.users IS NOT NEW.users OR
    OLD.h100_equivalents IS NOT NEW.h100_equivalents OR OLD.max_ops IS NOT NEW.max_ops OR
    OLD.ops_8bit IS NOT NEW.ops_8bit OR OLD.ops_16bit IS NOT NEW.ops_16bit OR
    OLD.ops_32bit IS NOT NEW.ops_32bit OR OLD.primary_chip_type IS NOT NEW.primary_chip_type OR
    OLD.primary_chip_count IS NOT NEW.primary_chip_count OR
    OLD.primary_supplier IS NOT NEW.primary_supplier OR
    OLD.primary_supplier_id IS NOT NEW.primary_supplier_id OR
    OLD.secondary_chip_type IS NOT NEW.secondary_chip_type OR
    OLD.secondary_chip_count IS NOT NEW.secondary_chip_count OR
    OLD.secondary_supplier IS NOT NEW.secondary_supplier OR
    OLD.secondary_supplier_id IS NOT NEW.secondary_supplier_id OR
    OLD.total_chips IS NOT NEW.total_chips OR OLD.power_mw IS NOT NEW.power_mw OR
    OLD.calculated_power_mw IS NOT NEW.calculated_power_mw OR
    OLD.reported_power_mw IS NOT NEW.reported_power_mw OR
    OLD.hardware_cost_usd IS NOT NEW.hardware_cost_usd OR
    OLD.calculated_cost_usd IS NOT NEW.calculated_cost_usd OR
    OLD.reported_cost_usd IS NOT NEW.reported_cost_usd OR
    OLD.reported_cost_adjusted_usd IS NOT NEW.reported_cost_adjusted_usd OR
    OLD.energy_efficiency IS NOT NEW.energy_efficiency OR
    OLD.first_operational_on IS NOT NEW.first_operational_on OR
    OLD.first_operational_precision IS NOT NEW.first_operational_precision OR
    OLD.first_operational_note IS NOT NEW.first_operational_note OR
    OLD.decommissioned_on IS NOT NEW.decommissioned_on OR OLD.builds_upon IS NOT NEW.builds_upon OR
    OLD.builds_upon_id IS NOT NEW.builds_upon_id OR OLD.superseded_by IS NOT NEW.superseded_by OR
    OLD.superseded_by_id IS NOT NEW.superseded_by_id OR
    OLD.possible_duplicate IS NOT NEW.possible_duplicate OR
    OLD.possible_duplicate_of IS NOT NEW.possible_duplicate_of OR
    OLD.in_standard_analysis IS NOT NEW.in_standard_analysis OR OLD.excluded IS NOT NEW.excluded OR
    OLD.noteworthy IS NOT NEW.noteworthy OR
    OLD.rank_when_first_operational IS NOT NEW.rank_when_first_operational OR
    OLD.largest_when_first_operational IS NOT NEW.largest_when_first_operational OR
    OLD.share_of_largest IS NOT NEW.share_of_largest OR OLD.note IS NOT NEW.note OR
    OLD.hardware_note IS NOT NEW.hardware_note OR OLD.quote IS NOT NEW.quote OR
    OLD.certainty_note IS NOT NEW.certainty_note OR OLD.cost_quote IS NOT NEW.cost_quote OR
    OLD.source_id IS NOT NEW.source_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'gpu_clusters', CAST(OLD.id AS TEXT), 'update',
        json_object('id', OLD.id, 'name', OLD.name, 'occurrence', OLD.occurrence, 'status', OLD.status,
        'certainty', OLD.certainty, 'single_cluster', OLD.single_cluster, 'sector', OLD.sector,
        'country', OLD.country, 'location', OLD.location, 'owners', OLD.owners, 'users', OLD.users,
        'h100_equivalents', OLD.h100_equivalents, 'max_ops', OLD.max_ops, 'ops_8bit', OLD.ops_8bit,
        'ops_16bit', OLD.ops_16bit, 'ops_32bit', OLD.ops_32bit,
        'primary_chip_type', OLD.primary_chip_type, 'primary_chip_count', OLD.primary_chip_count,
        'primary_supplier', OLD.primary_supplier, 'primary_supplier_id', OLD.primary_supplier_id,
        'secondary_chip_type', OLD.secondary_chip_type,
        'secondary_chip_count', OLD.secondary_chip_count,
        'secondary_supplier', OLD.secondary_supplier,
        'secondary_supplier_id', OLD.secondary_supplier_id, 'total_chips', OLD.total_chips,
        'power_mw', OLD.power_mw, 'calculated_power_mw', OLD.calculated_power_mw,
        'reported_power_mw', OLD.reported_power_mw, 'hardware_cost_usd', OLD.hardware_cost_usd,
        'calculated_cost_usd', OLD.calculated_cost_usd, 'reported_cost_usd', OLD.reported_cost_usd,
        'reported_cost_adjusted_usd', OLD.reported_cost_adjusted_usd,
        'energy_efficiency', OLD.energy_efficiency,
        'first_operational_on', OLD.first_operational_on,
        'first_operational_precision', OLD.first_operational_precision,
        'first_operational_note', OLD.first_operational_note,
        'decommissioned_on', OLD.decommissioned_on, 'builds_upon', OLD.builds_upon,
        'builds_upon_id', OLD.builds_upon_id, 'superseded_by', OLD.superseded_by,
        'superseded_by_id', OLD.superseded_by_id, 'possible_duplicate', OLD.possible_duplicate,
        'possible_duplicate_of', OLD.possible_duplicate_of,
        'in_standard_analysis', OLD.in_standard_analysis, 'excluded', OLD.excluded,
        'noteworthy', OLD.noteworthy,
        'rank_when_first_operational', OLD.rank_when_first_operational,
        'largest_when_first_operational', OLD.largest_when_first_operational,
        'share_of_largest', OLD.share_of_largest, 'note', OLD.note,
        'hardware_note', OLD.hardware_note, 'quote', OLD.quote,
        'certainty_note', OLD.certainty_note, 'cost_quote', OLD.cost_quote,
        'source_id', OLD.source_id, 'created_run', OLD.created_run),
        json_object('id', NEW.id, 'name', NEW.name, 'occurrence', NEW.occurrence, 'status', NEW.status,
        'certainty', NEW.certainty, 'single_cluster', NEW.single_cluster, 'sector', NEW.sector,
        'country', NEW.country, 'location', NEW.location, 'owners', NEW.owners, 'users', NEW.users,
        'h100_equivalents', NEW.h100_equivalents, 'max_ops', NEW.max_ops, 'ops_8bit', NEW.ops_8bit,
        'ops_16bit', NEW.ops_16bit, 'ops_32bit', NEW.ops_32bit,
        'primary_chip_type', NEW.primary_chip_type, 'primary_chip_count', NEW.primary_chip_count,
        'primary_supplier', NEW.primary_supplier, 'primary_supplier_id', NEW.primary_supplier_id,
        'secondary_chip_type', NEW.secondary_chip_type,
        'secondary_chip_count', NEW.secondary_chip_count,
        'secondary_supplier', NEW.secondary_supplier,
        'secondary_supplier_id', NEW.secondary_supplier_id, 'total_chips', NEW.total_chips,
        'power_mw', NEW.power_mw, 'calculated_power_mw', NEW.calculated_power_mw,
        'reported_power_mw', NEW.reported_power_mw, 'hardware_cost_usd', NEW.hardware_cost_usd,
        'calculated_cost_usd', NEW.calculated_cost_usd, 'reported_cost_usd', NEW.reported_cost_usd,
        'reported_cost_adjusted_usd', NEW.reported_cost_adjusted_usd,
        'energy_efficiency', NEW.energy_efficiency,
        'first_operational_on', NEW.first_operational_on,
        'first_operational_precision', NEW.first_operational_precision,
        'first_operational_note', NEW.first_operational_note,
        'decommissioned_on', NEW.decommissioned_on, 'builds_upon', NEW.builds_upon,
        'builds_upon_id', NEW.builds_upon_id, 'superseded_by', NEW.superseded_by,
        'superseded_by_id', NEW.superseded_by_id, 'possible_duplicate', NEW.possible_duplicate,
        'possible_duplicate_of', NEW.possible_duplicate_of,
        'in_standard_analysis', NEW.in_standard_analysis, 'excluded', NEW.excluded,
        'noteworthy', NEW.noteworthy,
        'rank_when_first_operational', NEW.rank_when_first_operational,
        'largest_when_first_operational', NEW.largest_when_first_operational,
        'share_of_largest', NEW.share_of_largest, 'note', NEW.note,
        'hardware_note', NEW.hardware_note, 'quote', NEW.quote,
        'certainty_note', NEW.certainty_note, 'cost_quote', NEW.cost_quote,
        'source_id', NEW.source_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER gpu_clusters_history_delete AFTER DELETE ON gpu_clusters
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'gpu_clusters', CAST(OLD.id AS TEXT), 'delete',
        json_object('id', OLD.id, 'name', OLD.name, 'occurrence', OLD.occurrence, 'status', OLD.status,
        'certainty', OLD.certainty, 'single_cluster', OLD.single_cluster, 'sector', OLD.sector,
        'country', OLD.country, 'location', OLD.location, 'owners', OLD.owners, 'users', OLD.users,
        'h100_equivalents', OLD.h100_equivalents, 'max_ops', OLD.max_ops, 'ops_8bit', OLD.ops_8bit,
        'ops_16bit', OLD.ops_16bit, 'ops_32bit', OLD.ops_32bit,
        'primary_chip_type', OLD.primary_chip_type, 'primary_chip_count', OLD.primary_chip_count,
        'primary_supplier', OLD.primary_supplier, 'primary_supplier_id', OLD.primary_supplier_id,
        'secondary_chip_type', OLD.secondary_chip_type,
        'secondary_chip_count', OLD.secondary_chip_count,
        'secondary_supplier', OLD.secondary_supplier,
        'secondary_supplier_id', OLD.secondary_supplier_id, 'total_chips', OLD.total_chips,
        'power_mw', OLD.power_mw, 'calculated_power_mw', OLD.calculated_power_mw,
        'reported_power_mw', OLD.reported_power_mw, 'hardware_cost_usd', OLD.hardware_cost_usd,
        'calculated_cost_usd', OLD.calculated_cost_usd, 'reported_cost_usd', OLD.reported_cost_usd,
        'reported_cost_adjusted_usd', OLD.reported_cost_adjusted_usd,
        'energy_efficiency', OLD.energy_efficiency,
        'first_operational_on', OLD.first_operational_on,
        'first_operational_precision', OLD.first_operational_precision,
        'first_operational_note', OLD.first_operational_note,
        'decommissioned_on', OLD.decommissioned_on, 'builds_upon', OLD.builds_upon,
        'builds_upon_id', OLD.builds_upon_id, 'superseded_by', OLD.superseded_by,
        'superseded_by_id', OLD.superseded_by_id, 'possible_duplicate', OLD.possible_duplicate,
        'possible_duplicate_of', OLD.possible_duplicate_of,
        'in_standard_analysis', OLD.in_standard_analysis, 'excluded', OLD.excluded,
        'noteworthy', OLD.noteworthy,
        'rank_when_first_operational', OLD.rank_when_first_operational,
        'largest_when_first_operational', OLD.largest_when_first_operational,
        'share_of_largest', OLD.share_of_largest, 'note', OLD.note,
        'hardware_note', OLD.hardware_note, 'quote', OLD.quote,
        'certainty_note', OLD.certainty_note, 'cost_quote', OLD.cost_quote,
        'source_id', OLD.source_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER gpu_clusters_created_run AFTER INSERT ON gpu_clusters WHEN NEW.created_run IS NULL
BEGIN
    UPDATE gpu_clusters SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- gpu_cluster_parties -----------------------------------------------------------------
-- Every name of a cluster's Owner and Users cells, in order, as written, with the
-- company it names. New owners become companies; users are only linked to companies
-- that exist (Epoch's users are often descriptions: 'Researchers in Poland').
CREATE TABLE gpu_cluster_parties (
    cluster_id  INTEGER NOT NULL REFERENCES gpu_clusters(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('owner', 'user')),
    position    INTEGER NOT NULL CHECK (position >= 1),
    name        TEXT NOT NULL CHECK (length(name) > 0),
    company_id  INTEGER REFERENCES companies(id),
    source_id   TEXT NOT NULL REFERENCES sources(id),
    created_run INTEGER REFERENCES runs(id),
    PRIMARY KEY (cluster_id, role, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX gpu_cluster_parties_by_company ON gpu_cluster_parties(company_id, role, cluster_id) WHERE company_id IS NOT NULL;

CREATE TRIGGER gpu_cluster_parties_history_update AFTER UPDATE OF cluster_id, role, position, name, company_id, source_id ON gpu_cluster_parties
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.cluster_id IS NOT NEW.cluster_id OR OLD.role IS NOT NEW.role OR
    OLD.position IS NOT NEW.position OR OLD.name IS NOT NEW.name OR
    OLD.company_id IS NOT NEW.company_id OR OLD.source_id IS NOT NEW.source_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'gpu_cluster_parties', OLD.cluster_id || '/' || OLD.role || '/' || OLD.position, 'update',
        json_object('cluster_id', OLD.cluster_id, 'role', OLD.role, 'position', OLD.position, 'name', OLD.name,
        'company_id', OLD.company_id, 'source_id', OLD.source_id, 'created_run', OLD.created_run),
        json_object('cluster_id', NEW.cluster_id, 'role', NEW.role, 'position', NEW.position, 'name', NEW.name,
        'company_id', NEW.company_id, 'source_id', NEW.source_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER gpu_cluster_parties_history_delete AFTER DELETE ON gpu_cluster_parties
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'gpu_cluster_parties', OLD.cluster_id || '/' || OLD.role || '/' || OLD.position, 'delete',
        json_object('cluster_id', OLD.cluster_id, 'role', OLD.role, 'position', OLD.position, 'name', OLD.name,
        'company_id', OLD.company_id, 'source_id', OLD.source_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER gpu_cluster_parties_created_run AFTER INSERT ON gpu_cluster_parties WHEN NEW.created_run IS NULL
BEGIN
    UPDATE gpu_cluster_parties SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE cluster_id = NEW.cluster_id AND role = NEW.role AND position = NEW.position;
END;

-- gpu_cluster_urls --------------------------------------------------------------------
-- The source URLs Epoch gives for a cluster (Source 1 ... Source 5), in order.
CREATE TABLE gpu_cluster_urls (
    cluster_id  INTEGER NOT NULL REFERENCES gpu_clusters(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    url         TEXT NOT NULL CHECK (length(url) > 0),
    created_run INTEGER REFERENCES runs(id),
    PRIMARY KEY (cluster_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER gpu_cluster_urls_history_update AFTER UPDATE OF cluster_id, position, url ON gpu_cluster_urls
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.cluster_id IS NOT NEW.cluster_id OR OLD.position IS NOT NEW.position OR
    OLD.url IS NOT NEW.url)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'gpu_cluster_urls', OLD.cluster_id || '/' || OLD.position, 'update',
        json_object('cluster_id', OLD.cluster_id, 'position', OLD.position, 'url', OLD.url,
        'created_run', OLD.created_run),
        json_object('cluster_id', NEW.cluster_id, 'position', NEW.position, 'url', NEW.url,
        'created_run', NEW.created_run));
END;

CREATE TRIGGER gpu_cluster_urls_history_delete AFTER DELETE ON gpu_cluster_urls
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'gpu_cluster_urls', OLD.cluster_id || '/' || OLD.position, 'delete',
        json_object('cluster_id', OLD.cluster_id, 'position', OLD.position, 'url', OLD.url,
        'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER gpu_cluster_urls_created_run AFTER INSERT ON gpu_cluster_urls WHEN NEW.created_run IS NULL
BEGIN
    UPDATE gpu_cluster_urls SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE cluster_id = NEW.cluster_id AND position = NEW.position;
END;

-- data_centers ------------------------------------------------------------------------
-- Frontier data centers (Epoch AI, Frontier Data Centers): the current figures.
CREATE TABLE data_centers (
    id                     INTEGER PRIMARY KEY,
    handle                 TEXT NOT NULL UNIQUE CHECK (length(handle) > 0),
    title                  TEXT,
    project                TEXT,
    address                TEXT,
    latitude               TEXT,
    longitude              TEXT,
    latitude_deg           REAL CHECK (latitude_deg BETWEEN -90 AND 90),
    longitude_deg          REAL CHECK (longitude_deg BETWEEN -180 AND 180),
    owners                 TEXT,
    users                  TEXT,
    investors              TEXT,
    construction_companies TEXT,
    energy_companies       TEXT,
    h100_equivalents       REAL CHECK (h100_equivalents >= 0),
    power_mw               REAL CHECK (power_mw >= 0),
    capital_cost_usd       INTEGER CHECK (capital_cost_usd >= 0),
    source_id              TEXT NOT NULL REFERENCES sources(id),
    created_run            INTEGER REFERENCES runs(id)
) STRICT;

CREATE INDEX data_centers_by_source ON data_centers(source_id);

CREATE TRIGGER data_centers_history_update AFTER UPDATE OF id, handle, title, project, address, latitude, longitude, latitude_deg, longitude_deg, owners, users, investors, construction_companies, energy_companies, h100_equivalents, power_mw, capital_cost_usd, source_id ON data_centers
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.handle IS NOT NEW.handle OR OLD.title IS NOT NEW.title OR
    OLD.project IS NOT NEW.project OR OLD.address IS NOT NEW.address OR
    OLD.latitude IS NOT NEW.latitude OR OLD.longitude IS NOT NEW.longitude OR
    OLD.latitude_deg IS NOT NEW.latitude_deg OR OLD.longitude_deg IS NOT NEW.longitude_deg OR
    OLD.owners IS NOT NEW.owners OR OLD.users IS NOT NEW.users OR
    OLD.investors IS NOT NEW.investors OR
    OLD.construction_companies IS NOT NEW.construction_companies OR
    OLD.energy_companies IS NOT NEW.energy_companies OR
    OLD.h100_equivalents IS NOT NEW.h100_equivalents OR OLD.power_mw IS NOT NEW.power_mw OR
    OLD.capital_cost_usd IS NOT NEW.capital_cost_usd OR OLD.source_id IS NOT NEW.source_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'data_centers', CAST(OLD.id AS TEXT), 'update',
        json_object('id', OLD.id, 'handle', OLD.handle, 'title', OLD.title, 'project', OLD.project,
        'address', OLD.address, 'latitude', OLD.latitude, 'longitude', OLD.longitude,
        'latitude_deg', OLD.latitude_deg, 'longitude_deg', OLD.longitude_deg, 'owners', OLD.owners,
        'users', OLD.users, 'investors', OLD.investors,
        'construction_companies', OLD.construction_companies,
        'energy_companies', OLD.energy_companies, 'h100_equivalents', OLD.h100_equivalents,
        'power_mw', OLD.power_mw, 'capital_cost_usd', OLD.capital_cost_usd,
        'source_id', OLD.source_id, 'created_run', OLD.created_run),
        json_object('id', NEW.id, 'handle', NEW.handle, 'title', NEW.title, 'project', NEW.project,
        'address', NEW.address, 'latitude', NEW.latitude, 'longitude', NEW.longitude,
        'latitude_deg', NEW.latitude_deg, 'longitude_deg', NEW.longitude_deg, 'owners', NEW.owners,
        'users', NEW.users, 'investors', NEW.investors,
        'construction_companies', NEW.construction_companies,
        'energy_companies', NEW.energy_companies, 'h100_equivalents', NEW.h100_equivalents,
        'power_mw', NEW.power_mw, 'capital_cost_usd', NEW.capital_cost_usd,
        'source_id', NEW.source_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER data_centers_history_delete AFTER DELETE ON data_centers
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'data_centers', CAST(OLD.id AS TEXT), 'delete',
        json_object('id', OLD.id, 'handle', OLD.handle, 'title', OLD.title, 'project', OLD.project,
        'address', OLD.address, 'latitude', OLD.latitude, 'longitude', OLD.longitude,
        'latitude_deg', OLD.latitude_deg, 'longitude_deg', OLD.longitude_deg, 'owners', OLD.owners,
        'users', OLD.users, 'investors', OLD.investors,
        'construction_companies', OLD.construction_companies,
        'energy_companies', OLD.energy_companies, 'h100_equivalents', OLD.h100_equivalents,
        'power_mw', OLD.power_mw, 'capital_cost_usd', OLD.capital_cost_usd,
        'source_id', OLD.source_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER data_centers_created_run AFTER INSERT ON data_centers WHEN NEW.created_run IS NULL
BEGIN
    UPDATE data_centers SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- data_center_parties -----------------------------------------------------------------
-- The companies of a data center by role, with Epoch's confidence tag.
CREATE TABLE data_center_parties (
    data_center_id INTEGER NOT NULL REFERENCES data_centers(id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('owner', 'user', 'investor', 'construction', 'energy')),
    position       INTEGER NOT NULL CHECK (position >= 1),
    name           TEXT NOT NULL CHECK (length(name) > 0),
    company_id     INTEGER REFERENCES companies(id),
    confidence     TEXT CHECK (confidence IN ('confident', 'likely', 'speculative')),
    source_id      TEXT NOT NULL REFERENCES sources(id),
    created_run    INTEGER REFERENCES runs(id),
    PRIMARY KEY (data_center_id, role, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX data_center_parties_by_company ON data_center_parties(company_id, role) WHERE company_id IS NOT NULL;

CREATE TRIGGER data_center_parties_history_update AFTER UPDATE OF data_center_id, role, position, name, company_id, confidence, source_id ON data_center_parties
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.data_center_id IS NOT NEW.data_center_id OR OLD.role IS NOT NEW.role OR
    OLD.position IS NOT NEW.position OR OLD.name IS NOT NEW.name OR
    OLD.company_id IS NOT NEW.company_id OR OLD.confidence IS NOT NEW.confidence OR
    OLD.source_id IS NOT NEW.source_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'data_center_parties', OLD.data_center_id || '/' || OLD.role || '/' || OLD.position, 'update',
        json_object('data_center_id', OLD.data_center_id, 'role', OLD.role, 'position', OLD.position,
        'name', OLD.name, 'company_id', OLD.company_id, 'confidence', OLD.confidence,
        'source_id', OLD.source_id, 'created_run', OLD.created_run),
        json_object('data_center_id', NEW.data_center_id, 'role', NEW.role, 'position', NEW.position,
        'name', NEW.name, 'company_id', NEW.company_id, 'confidence', NEW.confidence,
        'source_id', NEW.source_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER data_center_parties_history_delete AFTER DELETE ON data_center_parties
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'data_center_parties', OLD.data_center_id || '/' || OLD.role || '/' || OLD.position, 'delete',
        json_object('data_center_id', OLD.data_center_id, 'role', OLD.role, 'position', OLD.position,
        'name', OLD.name, 'company_id', OLD.company_id, 'confidence', OLD.confidence,
        'source_id', OLD.source_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER data_center_parties_created_run AFTER INSERT ON data_center_parties WHEN NEW.created_run IS NULL
BEGIN
    UPDATE data_center_parties SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE data_center_id = NEW.data_center_id AND role = NEW.role AND position = NEW.position;
END;

-- data_center_timeline ----------------------------------------------------------------
-- The dated milestones of a data center (data_center_timelines.csv): what happened and
-- the figures from then on. Costs in 2025 US dollars.
CREATE TABLE data_center_timeline (
    data_center_id         INTEGER NOT NULL REFERENCES data_centers(id) ON DELETE CASCADE,
    milestone_on           TEXT NOT NULL CHECK (milestone_on IS NULL
        OR (length(milestone_on) = 10 AND date(milestone_on, '+0 days') IS milestone_on)
        OR (length(milestone_on) = 7 AND date(milestone_on || '-01', '+0 days') IS milestone_on || '-01')
        OR (length(milestone_on) = 4 AND date(milestone_on || '-01-01', '+0 days') IS milestone_on || '-01-01')),
    construction_status    TEXT,
    power_mw               REAL CHECK (power_mw >= 0),
    h100_equivalents       REAL CHECK (h100_equivalents >= 0),
    buildings_operational  INTEGER CHECK (buildings_operational >= 0),
    total_capital_cost_usd INTEGER CHECK (total_capital_cost_usd >= 0),
    compute_cost_usd       INTEGER CHECK (compute_cost_usd >= 0),
    construction_cost_usd  INTEGER CHECK (construction_cost_usd >= 0),
    building_area_sqft     REAL CHECK (building_area_sqft >= 0),
    site_area_sqft         REAL CHECK (site_area_sqft >= 0),
    water_use_mgd          REAL CHECK (water_use_mgd >= 0),
    ops_8bit               REAL CHECK (ops_8bit >= 0),
    source_id              TEXT NOT NULL REFERENCES sources(id),
    created_run            INTEGER REFERENCES runs(id),
    PRIMARY KEY (data_center_id, milestone_on)
) STRICT, WITHOUT ROWID;

CREATE INDEX data_center_timeline_by_source ON data_center_timeline(source_id);

CREATE TRIGGER data_center_timeline_history_update AFTER UPDATE OF data_center_id, milestone_on, construction_status, power_mw, h100_equivalents, buildings_operational, total_capital_cost_usd, compute_cost_usd, construction_cost_usd, building_area_sqft, site_area_sqft, water_use_mgd, ops_8bit, source_id ON data_center_timeline
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.data_center_id IS NOT NEW.data_center_id OR OLD.milestone_on IS NOT NEW.milestone_on OR
    OLD.construction_status IS NOT NEW.construction_status OR OLD.power_mw IS NOT NEW.power_mw OR
    OLD.h100_equivalents IS NOT NEW.h100_equivalents OR
    OLD.buildings_operational IS NOT NEW.buildings_operational OR
    OLD.total_capital_cost_usd IS NOT NEW.total_capital_cost_usd OR
    OLD.compute_cost_usd IS NOT NEW.compute_cost_usd OR
    OLD.construction_cost_usd IS NOT NEW.construction_cost_usd OR
    OLD.building_area_sqft IS NOT NEW.building_area_sqft OR
    OLD.site_area_sqft IS NOT NEW.site_area_sqft OR OLD.water_use_mgd IS NOT NEW.water_use_mgd OR
    OLD.ops_8bit IS NOT NEW.ops_8bit OR OLD.source_id IS NOT NEW.source_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'data_center_timeline', OLD.data_center_id || '/' || OLD.milestone_on, 'update',
        json_object('data_center_id', OLD.data_center_id, 'milestone_on', OLD.milestone_on,
        'construction_status', OLD.construction_status, 'power_mw', OLD.power_mw,
        'h100_equivalents', OLD.h100_equivalents,
        'buildings_operational', OLD.buildings_operational,
        'total_capital_cost_usd', OLD.total_capital_cost_usd,
        'compute_cost_usd', OLD.compute_cost_usd,
        'construction_cost_usd', OLD.construction_cost_usd,
        'building_area_sqft', OLD.building_area_sqft, 'site_area_sqft', OLD.site_area_sqft,
        'water_use_mgd', OLD.water_use_mgd, 'ops_8bit', OLD.ops_8bit, 'source_id', OLD.source_id,
        'created_run', OLD.created_run),
        json_object('data_center_id', NEW.data_center_id, 'milestone_on', NEW.milestone_on,
        'construction_status', NEW.construction_status, 'power_mw', NEW.power_mw,
        'h100_equivalents', NEW.h100_equivalents,
        'buildings_operational', NEW.buildings_operational,
        'total_capital_cost_usd', NEW.total_capital_cost_usd,
        'compute_cost_usd', NEW.compute_cost_usd,
        'construction_cost_usd', NEW.construction_cost_usd,
        'building_area_sqft', NEW.building_area_sqft, 'site_area_sqft', NEW.site_area_sqft,
        'water_use_mgd', NEW.water_use_mgd, 'ops_8bit', NEW.ops_8bit, 'source_id', NEW.source_id,
        'created_run', NEW.created_run));
END;

CREATE TRIGGER data_center_timeline_history_delete AFTER DELETE ON data_center_timeline
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'data_center_timeline', OLD.data_center_id || '/' || OLD.milestone_on, 'delete',
        json_object('data_center_id', OLD.data_center_id, 'milestone_on', OLD.milestone_on,
        'construction_status', OLD.construction_status, 'power_mw', OLD.power_mw,
        'h100_equivalents', OLD.h100_equivalents,
        'buildings_operational', OLD.buildings_operational,
        'total_capital_cost_usd', OLD.total_capital_cost_usd,
        'compute_cost_usd', OLD.compute_cost_usd,
        'construction_cost_usd', OLD.construction_cost_usd,
        'building_area_sqft', OLD.building_area_sqft, 'site_area_sqft', OLD.site_area_sqft,
        'water_use_mgd', OLD.water_use_mgd, 'ops_8bit', OLD.ops_8bit, 'source_id', OLD.source_id,
        'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER data_center_timeline_created_run AFTER INSERT ON data_center_timeline WHEN NEW.created_run IS NULL
BEGIN
    UPDATE data_center_timeline SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE data_center_id = NEW.data_center_id AND milestone_on = NEW.milestone_on;
END;

-- epoch_companies ---------------------------------------------------------------------
-- Epoch AI's AI companies (ai_companies.csv): which company each is, and what Epoch
-- says of it. The company itself gets its founding date where it had none.
CREATE TABLE epoch_companies (
    name            TEXT PRIMARY KEY CHECK (length(name) > 0),
    company_id      INTEGER NOT NULL REFERENCES companies(id),
    organization    TEXT,
    company_type    TEXT,
    product_domains TEXT,
    founded_on      TEXT CHECK (founded_on IS NULL
        OR (length(founded_on) = 10 AND date(founded_on, '+0 days') IS founded_on)
        OR (length(founded_on) = 7 AND date(founded_on || '-01', '+0 days') IS founded_on || '-01')
        OR (length(founded_on) = 4 AND date(founded_on || '-01-01', '+0 days') IS founded_on || '-01-01')),
    founding_source TEXT,
    source_id       TEXT NOT NULL REFERENCES sources(id),
    created_run     INTEGER REFERENCES runs(id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER epoch_companies_history_update AFTER UPDATE OF name, company_id, organization, company_type, product_domains, founded_on, founding_source, source_id ON epoch_companies
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.name IS NOT NEW.name OR OLD.company_id IS NOT NEW.company_id OR
    OLD.organization IS NOT NEW.organization OR OLD.company_type IS NOT NEW.company_type OR
    OLD.product_domains IS NOT NEW.product_domains OR OLD.founded_on IS NOT NEW.founded_on OR
    OLD.founding_source IS NOT NEW.founding_source OR OLD.source_id IS NOT NEW.source_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'epoch_companies', OLD.name, 'update',
        json_object('name', OLD.name, 'company_id', OLD.company_id, 'organization', OLD.organization,
        'company_type', OLD.company_type, 'product_domains', OLD.product_domains,
        'founded_on', OLD.founded_on, 'founding_source', OLD.founding_source,
        'source_id', OLD.source_id, 'created_run', OLD.created_run),
        json_object('name', NEW.name, 'company_id', NEW.company_id, 'organization', NEW.organization,
        'company_type', NEW.company_type, 'product_domains', NEW.product_domains,
        'founded_on', NEW.founded_on, 'founding_source', NEW.founding_source,
        'source_id', NEW.source_id, 'created_run', NEW.created_run));
END;

CREATE TRIGGER epoch_companies_history_delete AFTER DELETE ON epoch_companies
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'epoch_companies', OLD.name, 'delete',
        json_object('name', OLD.name, 'company_id', OLD.company_id, 'organization', OLD.organization,
        'company_type', OLD.company_type, 'product_domains', OLD.product_domains,
        'founded_on', OLD.founded_on, 'founding_source', OLD.founding_source,
        'source_id', OLD.source_id, 'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER epoch_companies_created_run AFTER INSERT ON epoch_companies WHEN NEW.created_run IS NULL
BEGIN
    UPDATE epoch_companies SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE name = NEW.name;
END;

-- epoch_rounds ------------------------------------------------------------------------
-- Epoch AI's funding rounds (ai_companies_funding_rounds.csv), as stated, and the
-- round of the knowledge base each one is: one it created, or one already held from
-- another source (then a second source of it in round_sources, never a second round).
CREATE TABLE epoch_rounds (
    id                 INTEGER PRIMARY KEY,
    company_id         INTEGER NOT NULL REFERENCES companies(id),
    epoch_id           TEXT NOT NULL CHECK (length(epoch_id) > 0 AND epoch_id = trim(epoch_id)),
    company            TEXT NOT NULL,
    round_id           INTEGER REFERENCES funding_rounds(id) ON DELETE SET NULL,
    link               TEXT NOT NULL CHECK (link IN ('created', 'corroborates', 'disputes', 'repeats')),
    status             TEXT NOT NULL CHECK (status IN ('closed', 'announced', 'committed')),
    status_as_written  TEXT,
    closed_on          TEXT CHECK (closed_on IS NULL
        OR (length(closed_on) = 10 AND date(closed_on, '+0 days') IS closed_on)
        OR (length(closed_on) = 7 AND date(closed_on || '-01', '+0 days') IS closed_on || '-01')
        OR (length(closed_on) = 4 AND date(closed_on || '-01-01', '+0 days') IS closed_on || '-01-01')),
    reported_on        TEXT CHECK (reported_on IS NULL
        OR (length(reported_on) = 10 AND date(reported_on, '+0 days') IS reported_on)
        OR (length(reported_on) = 7 AND date(reported_on || '-01', '+0 days') IS reported_on || '-01')
        OR (length(reported_on) = 4 AND date(reported_on || '-01-01', '+0 days') IS reported_on || '-01-01')),
    equity_usd         INTEGER CHECK (equity_usd >= 0),
    debt_usd           INTEGER CHECK (debt_usd >= 0),
    valuation_usd      INTEGER CHECK (valuation_usd >= 0),
    funding_types      TEXT,
    confidence         TEXT CHECK (confidence IN ('confident', 'likely', 'uncertain')),
    exclude_from_graph INTEGER NOT NULL DEFAULT 0 CHECK (exclude_from_graph IN (0, 1)),
    graph_note         TEXT,
    notes              TEXT,
    source_id          TEXT NOT NULL REFERENCES sources(id),
    created_run        INTEGER REFERENCES runs(id),
    UNIQUE (company_id, epoch_id)
) STRICT;

CREATE INDEX epoch_rounds_by_round ON epoch_rounds(round_id) WHERE round_id IS NOT NULL;
CREATE INDEX epoch_rounds_by_source ON epoch_rounds(source_id);

CREATE TRIGGER epoch_rounds_history_update AFTER UPDATE OF id, company_id, epoch_id, company, round_id, link, status, status_as_written, closed_on, reported_on, equity_usd, debt_usd, valuation_usd, funding_types, confidence, exclude_from_graph, graph_note, notes, source_id ON epoch_rounds
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.id IS NOT NEW.id OR OLD.company_id IS NOT NEW.company_id OR
    OLD.epoch_id IS NOT NEW.epoch_id OR OLD.company IS NOT NEW.company OR
    OLD.round_id IS NOT NEW.round_id OR OLD.link IS NOT NEW.link OR OLD.status IS NOT NEW.status OR
    OLD.status_as_written IS NOT NEW.status_as_written OR OLD.closed_on IS NOT NEW.closed_on OR
    OLD.reported_on IS NOT NEW.reported_on OR OLD.equity_usd IS NOT NEW.equity_usd OR
    OLD.debt_usd IS NOT NEW.debt_usd OR OLD.valuation_usd IS NOT NEW.valuation_usd OR
    OLD.funding_types IS NOT NEW.funding_types OR OLD.confidence IS NOT NEW.confidence OR
    OLD.exclude_from_graph IS NOT NEW.exclude_from_graph OR OLD.graph_note IS NOT NEW.graph_note OR
    OLD.notes IS NOT NEW.notes OR OLD.source_id IS NOT NEW.source_id)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'epoch_rounds', CAST(OLD.id AS TEXT), 'update',
        json_object('id', OLD.id, 'company_id', OLD.company_id, 'epoch_id', OLD.epoch_id,
        'company', OLD.company, 'round_id', OLD.round_id, 'link', OLD.link, 'status', OLD.status,
        'status_as_written', OLD.status_as_written, 'closed_on', OLD.closed_on,
        'reported_on', OLD.reported_on, 'equity_usd', OLD.equity_usd, 'debt_usd', OLD.debt_usd,
        'valuation_usd', OLD.valuation_usd, 'funding_types', OLD.funding_types,
        'confidence', OLD.confidence, 'exclude_from_graph', OLD.exclude_from_graph,
        'graph_note', OLD.graph_note, 'notes', OLD.notes, 'source_id', OLD.source_id,
        'created_run', OLD.created_run),
        json_object('id', NEW.id, 'company_id', NEW.company_id, 'epoch_id', NEW.epoch_id,
        'company', NEW.company, 'round_id', NEW.round_id, 'link', NEW.link, 'status', NEW.status,
        'status_as_written', NEW.status_as_written, 'closed_on', NEW.closed_on,
        'reported_on', NEW.reported_on, 'equity_usd', NEW.equity_usd, 'debt_usd', NEW.debt_usd,
        'valuation_usd', NEW.valuation_usd, 'funding_types', NEW.funding_types,
        'confidence', NEW.confidence, 'exclude_from_graph', NEW.exclude_from_graph,
        'graph_note', NEW.graph_note, 'notes', NEW.notes, 'source_id', NEW.source_id,
        'created_run', NEW.created_run));
END;

CREATE TRIGGER epoch_rounds_history_delete AFTER DELETE ON epoch_rounds
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'epoch_rounds', CAST(OLD.id AS TEXT), 'delete',
        json_object('id', OLD.id, 'company_id', OLD.company_id, 'epoch_id', OLD.epoch_id,
        'company', OLD.company, 'round_id', OLD.round_id, 'link', OLD.link, 'status', OLD.status,
        'status_as_written', OLD.status_as_written, 'closed_on', OLD.closed_on,
        'reported_on', OLD.reported_on, 'equity_usd', OLD.equity_usd, 'debt_usd', OLD.debt_usd,
        'valuation_usd', OLD.valuation_usd, 'funding_types', OLD.funding_types,
        'confidence', OLD.confidence, 'exclude_from_graph', OLD.exclude_from_graph,
        'graph_note', OLD.graph_note, 'notes', OLD.notes, 'source_id', OLD.source_id,
        'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER epoch_rounds_created_run AFTER INSERT ON epoch_rounds WHEN NEW.created_run IS NULL
BEGIN
    UPDATE epoch_rounds SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE rowid = NEW.rowid;
END;

-- epoch_round_urls --------------------------------------------------------------------
-- The source URLs Epoch gives for a round (Source 1 ... Source 3), in order.
CREATE TABLE epoch_round_urls (
    epoch_round_id INTEGER NOT NULL REFERENCES epoch_rounds(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 1),
    url            TEXT NOT NULL CHECK (length(url) > 0),
    created_run    INTEGER REFERENCES runs(id),
    PRIMARY KEY (epoch_round_id, position)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER epoch_round_urls_history_update AFTER UPDATE OF epoch_round_id, position, url ON epoch_round_urls
WHEN (OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1))
    AND (OLD.epoch_round_id IS NOT NEW.epoch_round_id OR OLD.position IS NOT NEW.position OR
    OLD.url IS NOT NEW.url)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values, new_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'epoch_round_urls', OLD.epoch_round_id || '/' || OLD.position, 'update',
        json_object('epoch_round_id', OLD.epoch_round_id, 'position', OLD.position, 'url', OLD.url,
        'created_run', OLD.created_run),
        json_object('epoch_round_id', NEW.epoch_round_id, 'position', NEW.position, 'url', NEW.url,
        'created_run', NEW.created_run));
END;

CREATE TRIGGER epoch_round_urls_history_delete AFTER DELETE ON epoch_round_urls
WHEN OLD.created_run IS NULL OR OLD.created_run IS NOT (SELECT id FROM runs WHERE is_open = 1)
BEGIN
    INSERT INTO history (run_id, table_name, row_key, operation, old_values)
    VALUES ((SELECT id FROM runs WHERE is_open = 1), 'epoch_round_urls', OLD.epoch_round_id || '/' || OLD.position, 'delete',
        json_object('epoch_round_id', OLD.epoch_round_id, 'position', OLD.position, 'url', OLD.url,
        'created_run', OLD.created_run));
END;

-- Rows inserted by other means than aikb's importers (which set it) get the open run.
CREATE TRIGGER epoch_round_urls_created_run AFTER INSERT ON epoch_round_urls WHEN NEW.created_run IS NULL
BEGIN
    UPDATE epoch_round_urls SET created_run = (SELECT id FROM runs WHERE is_open = 1) WHERE epoch_round_id = NEW.epoch_round_id AND position = NEW.position;
END;

INSERT INTO history_tables (name, row_key) VALUES
    ('gpu_clusters', 'CAST(id AS TEXT)'),
    ('gpu_cluster_parties', 'cluster_id || ''/'' || role || ''/'' || position'),
    ('gpu_cluster_urls', 'cluster_id || ''/'' || position'),
    ('data_centers', 'CAST(id AS TEXT)'),
    ('data_center_parties', 'data_center_id || ''/'' || role || ''/'' || position'),
    ('data_center_timeline', 'data_center_id || ''/'' || milestone_on'),
    ('epoch_companies', 'name'),
    ('epoch_rounds', 'CAST(id AS TEXT)'),
    ('epoch_round_urls', 'epoch_round_id || ''/'' || position');

-- What the columns of these tables mean, with their units (aikb schema, Datasette).
INSERT INTO table_docs (name, title, description) VALUES
    ('placeholder_names', 'Placeholder names', 'Names in third-party cells that never name a company (Anonymized, Unknown, Cloud, US Companies, ...): never matched, never created.'),
    ('gpu_clusters', 'GPU clusters', 'GPU clusters and AI supercomputers from Epoch AI''s Data on GPU Clusters (CC BY 4.0), as Epoch states them: status, certainty, chips, H100 equivalents, power, cost, location, first operational date, builds-upon and superseded-by links.'),
    ('gpu_cluster_parties', 'GPU cluster owners and users', 'Every name of a cluster''s Owner and Users cells, in order, as written, with the company it names where it names one.'),
    ('gpu_cluster_urls', 'GPU cluster source URLs', 'The source URLs Epoch AI gives for a cluster (up to five), in order.'),
    ('data_centers', 'Data centers', 'Frontier data centers from Epoch AI''s Frontier Data Centers (CC BY 4.0): location, current power, H100 equivalents and capital cost.'),
    ('data_center_parties', 'Data center companies', 'The companies of a data center by role (owner, user, investor, construction, energy), with Epoch AI''s confidence tag.'),
    ('data_center_timeline', 'Data center timelines', 'The dated milestones of a data center: what happened, and the figures from then on.'),
    ('epoch_companies', 'Epoch AI''s AI companies', 'The AI companies of Epoch AI''s Data on AI Companies, and which company of the knowledge base each one is.'),
    ('epoch_rounds', 'Epoch AI''s funding rounds', 'The funding rounds of Epoch AI''s Data on AI Companies as stated, and the round of the knowledge base each one is (one it created, or one held from another source that it corroborates or disputes).'),
    ('epoch_round_urls', 'Epoch AI round source URLs', 'The source URLs Epoch AI gives for a round (up to three), in order.');

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('placeholder_names', 'name', 'A name that never names a company (case-insensitive)', 'text'),
    ('placeholder_names', 'meaning', 'What the name stands for', 'text');

INSERT INTO table_columns (table_name, column_name, description, unit) VALUES
    ('gpu_clusters', 'id', 'aikb''s id of the cluster', NULL),
    ('gpu_clusters', 'name', 'Epoch AI''s name of the cluster (Name), as written', 'text'),
    ('gpu_clusters', 'occurrence', 'Which cluster of that name this is (names repeat: 257 rows are ''Anonymized Chinese System''); 1 for the first the knowledge base saw', 'count'),
    ('gpu_clusters', 'status', 'Status: existing, planned or decommissioned', 'text'),
    ('gpu_clusters', 'certainty', 'How sure Epoch AI is of the cluster (Certainty): confirmed, likely, unlikely', 'text'),
    ('gpu_clusters', 'single_cluster', 'Whether it is one cluster (Single cluster?): yes, no, unclear', 'text'),
    ('gpu_clusters', 'sector', 'Sector: private, public or public_private', 'text'),
    ('gpu_clusters', 'country', 'Country as Epoch AI names it', 'text'),
    ('gpu_clusters', 'location', 'Location as written', 'text'),
    ('gpu_clusters', 'owners', 'The Owner cell as written; the companies are in gpu_cluster_parties', 'text'),
    ('gpu_clusters', 'users', 'The Users cell as written; the companies among them are in gpu_cluster_parties', 'text'),
    ('gpu_clusters', 'h100_equivalents', 'Performance in H100 equivalents', 'h100e'),
    ('gpu_clusters', 'max_ops', 'Peak operations per second at the best precision the chips support (Max OP/s)', NULL),
    ('gpu_clusters', 'ops_8bit', 'Peak 8-bit operations per second', NULL),
    ('gpu_clusters', 'ops_16bit', 'Peak 16-bit operations per second', NULL),
    ('gpu_clusters', 'ops_32bit', 'Peak 32-bit operations per second', NULL),
    ('gpu_clusters', 'primary_chip_type', 'Chip type (primary), as written', 'text'),
    ('gpu_clusters', 'primary_chip_count', 'Chip quantity (primary)', 'count'),
    ('gpu_clusters', 'primary_supplier', 'GPU Supplier (primary), as written', 'text'),
    ('gpu_clusters', 'primary_supplier_id', 'The company of the primary supplier (NULL for a placeholder such as Anonymized or Unknown)', NULL),
    ('gpu_clusters', 'secondary_chip_type', 'Chip type (secondary), as written', 'text'),
    ('gpu_clusters', 'secondary_chip_count', 'Chip quantity (secondary)', 'count'),
    ('gpu_clusters', 'secondary_supplier', 'GPU supplier (secondary), as written', 'text'),
    ('gpu_clusters', 'secondary_supplier_id', 'The company of the secondary supplier', NULL),
    ('gpu_clusters', 'total_chips', 'Total number of AI chips', 'count'),
    ('gpu_clusters', 'power_mw', 'Power capacity, megawatts (Power Capacity (MW))', 'mw'),
    ('gpu_clusters', 'calculated_power_mw', 'Power capacity Epoch AI calculates from the chips, megawatts', 'mw'),
    ('gpu_clusters', 'reported_power_mw', 'Power capacity a source reports, megawatts', 'mw'),
    ('gpu_clusters', 'hardware_cost_usd', 'Hardware cost, US dollars (Hardware Cost)', 'usd'),
    ('gpu_clusters', 'calculated_cost_usd', 'Hardware cost Epoch AI calculates, US dollars', 'usd'),
    ('gpu_clusters', 'reported_cost_usd', 'Cost a source reports, US dollars', 'usd'),
    ('gpu_clusters', 'reported_cost_adjusted_usd', 'Reported cost adjusted for inflation, US dollars', 'usd'),
    ('gpu_clusters', 'energy_efficiency', 'Operations per second per watt (Energy Efficiency)', NULL),
    ('gpu_clusters', 'first_operational_on', 'First operational date (First Operational Date; when blank, the date its note states, e.g. 2026 for ''Planned 2026'')', 'date'),
    ('gpu_clusters', 'first_operational_precision', 'How precise that date is: the precision its note states (Planned H2 2026: half), else the date''s own (day, month, year)', 'text'),
    ('gpu_clusters', 'first_operational_note', 'First Operational Date Note, as written', 'text'),
    ('gpu_clusters', 'decommissioned_on', 'Decommissioned Date (if applicable)', 'date'),
    ('gpu_clusters', 'builds_upon', 'Builds Upon: the name of the cluster this one extends, as written', 'text'),
    ('gpu_clusters', 'builds_upon_id', 'That cluster, when its name names exactly one cluster', NULL),
    ('gpu_clusters', 'superseded_by', 'Superseded by: the name of the cluster that replaces this one, as written', 'text'),
    ('gpu_clusters', 'superseded_by_id', 'That cluster, when its name names exactly one cluster', NULL),
    ('gpu_clusters', 'possible_duplicate', '1 when Epoch AI flags the row as a possible duplicate of another (never added up in compute_by_owner)', NULL),
    ('gpu_clusters', 'possible_duplicate_of', 'Possible Duplicate Of, as written', 'text'),
    ('gpu_clusters', 'in_standard_analysis', '1 when Epoch AI includes the cluster in its standard analysis', NULL),
    ('gpu_clusters', 'excluded', 'Epoch AI''s Exclude flag', NULL),
    ('gpu_clusters', 'noteworthy', 'Epoch AI''s Noteworthy flag', NULL),
    ('gpu_clusters', 'rank_when_first_operational', 'Its rank by performance when it first operated', 'count'),
    ('gpu_clusters', 'largest_when_first_operational', 'The largest existing cluster when it first operated, as written', 'text'),
    ('gpu_clusters', 'share_of_largest', 'Its performance as a share of that largest cluster (% of largest cluster when first operational, a fraction)', 'share'),
    ('gpu_clusters', 'note', 'Note', 'text'),
    ('gpu_clusters', 'hardware_note', 'Hardware note', 'text'),
    ('gpu_clusters', 'quote', 'Quote', 'text'),
    ('gpu_clusters', 'certainty_note', 'Certainty Note', 'text'),
    ('gpu_clusters', 'cost_quote', 'Cost Quote', 'text'),
    ('gpu_clusters', 'source_id', 'The source: Epoch AI''s Data on GPU Clusters (epoch-gpu-clusters); its own source URLs are in gpu_cluster_urls', NULL),
    ('gpu_clusters', 'created_run', 'The run that created the row (runs)', NULL),
    ('gpu_cluster_parties', 'cluster_id', 'The cluster', NULL),
    ('gpu_cluster_parties', 'role', 'owner or user', 'text'),
    ('gpu_cluster_parties', 'position', 'Its place in the cell (1 for the first name)', 'count'),
    ('gpu_cluster_parties', 'name', 'The name as Epoch AI writes it', 'text'),
    ('gpu_cluster_parties', 'company_id', 'The company it names; NULL for a placeholder (Cloud, Anonymized) or a description that names no company (Academia, Researchers in Poland)', NULL),
    ('gpu_cluster_parties', 'source_id', 'The source (the cluster''s)', NULL),
    ('gpu_cluster_parties', 'created_run', 'The run that created the row (runs)', NULL),
    ('gpu_cluster_urls', 'cluster_id', 'The cluster', NULL),
    ('gpu_cluster_urls', 'position', 'Which source column: 1 for Source 1 ...', 'count'),
    ('gpu_cluster_urls', 'url', 'The URL Epoch AI gives as a source of the cluster', 'text'),
    ('gpu_cluster_urls', 'created_run', 'The run that created the row (runs)', NULL),
    ('data_centers', 'id', 'aikb''s id of the data center', NULL),
    ('data_centers', 'handle', 'Epoch AI''s Handle, the data center''s key', 'text'),
    ('data_centers', 'title', 'Title', 'text'),
    ('data_centers', 'project', 'Project, as written (with Epoch AI''s confidence tag)', 'text'),
    ('data_centers', 'address', 'Address', 'text'),
    ('data_centers', 'latitude', 'Latitude as written (degrees, minutes, seconds)', 'text'),
    ('data_centers', 'longitude', 'Longitude as written', 'text'),
    ('data_centers', 'latitude_deg', 'Latitude in decimal degrees (north positive)', NULL),
    ('data_centers', 'longitude_deg', 'Longitude in decimal degrees (east positive)', NULL),
    ('data_centers', 'owners', 'Owner, as written; the companies are in data_center_parties', 'text'),
    ('data_centers', 'users', 'Users, as written', 'text'),
    ('data_centers', 'investors', 'Investors, as written', 'text'),
    ('data_centers', 'construction_companies', 'Construction companies, as written', 'text'),
    ('data_centers', 'energy_companies', 'Energy companies, as written', 'text'),
    ('data_centers', 'h100_equivalents', 'Current H100 equivalents', 'h100e'),
    ('data_centers', 'power_mw', 'Current power, megawatts', 'mw'),
    ('data_centers', 'capital_cost_usd', 'Current total capital cost, 2025 US dollars', 'usd'),
    ('data_centers', 'source_id', 'The source: Epoch AI''s Frontier Data Centers (epoch-data-centers)', NULL),
    ('data_centers', 'created_run', 'The run that created the row (runs)', NULL),
    ('data_center_parties', 'data_center_id', 'The data center', NULL),
    ('data_center_parties', 'role', 'owner, user, investor, construction (builds it) or energy (supplies its power)', 'text'),
    ('data_center_parties', 'position', 'Its place in the cell', 'count'),
    ('data_center_parties', 'name', 'The name as written, without its confidence tag', 'text'),
    ('data_center_parties', 'company_id', 'The company it names (NULL for a placeholder)', NULL),
    ('data_center_parties', 'confidence', 'Epoch AI''s tag on the name (#confident, #likely, #speculative)', 'text'),
    ('data_center_parties', 'source_id', 'The source (the data center''s)', NULL),
    ('data_center_parties', 'created_run', 'The run that created the row (runs)', NULL),
    ('data_center_timeline', 'data_center_id', 'The data center', NULL),
    ('data_center_timeline', 'milestone_on', 'Date of the milestone', 'date'),
    ('data_center_timeline', 'construction_status', 'Construction status: what happened, as written', 'text'),
    ('data_center_timeline', 'power_mw', 'Power from then on, megawatts', 'mw'),
    ('data_center_timeline', 'h100_equivalents', 'H100 equivalents from then on', 'h100e'),
    ('data_center_timeline', 'buildings_operational', 'Buildings operational', 'count'),
    ('data_center_timeline', 'total_capital_cost_usd', 'Total capital cost, 2025 US dollars', 'usd'),
    ('data_center_timeline', 'compute_cost_usd', 'Compute cost, 2025 US dollars', 'usd'),
    ('data_center_timeline', 'construction_cost_usd', 'Construction cost, 2025 US dollars', 'usd'),
    ('data_center_timeline', 'building_area_sqft', 'Building area, square feet', NULL),
    ('data_center_timeline', 'site_area_sqft', 'Site area, square feet', NULL),
    ('data_center_timeline', 'water_use_mgd', 'Water use, million gallons per day', NULL),
    ('data_center_timeline', 'ops_8bit', 'Performance, 8-bit operations per second', NULL),
    ('data_center_timeline', 'source_id', 'The source (epoch-data-centers)', NULL),
    ('data_center_timeline', 'created_run', 'The run that created the row (runs)', NULL),
    ('epoch_companies', 'name', 'Epoch AI''s Name of the company, its key', 'text'),
    ('epoch_companies', 'company_id', 'The company', NULL),
    ('epoch_companies', 'organization', 'Organization (from Organizations), as written', 'text'),
    ('epoch_companies', 'company_type', 'Company type, as written (Foundation)', 'text'),
    ('epoch_companies', 'product_domains', 'Product Domain(s), as written', 'text'),
    ('epoch_companies', 'founded_on', 'Founding date as Epoch AI states it', 'date'),
    ('epoch_companies', 'founding_source', 'Founding source/notes, as written', 'text'),
    ('epoch_companies', 'source_id', 'The source: Epoch AI''s Data on AI Companies (epoch-ai-companies)', NULL),
    ('epoch_companies', 'created_run', 'The run that created the row (runs)', NULL),
    ('epoch_rounds', 'id', 'aikb''s id of the record', NULL),
    ('epoch_rounds', 'company_id', 'The company that raised', NULL),
    ('epoch_rounds', 'epoch_id', 'Epoch AI''s Id of the round (unique per company), trimmed', 'text'),
    ('epoch_rounds', 'company', 'Company, as written', 'text'),
    ('epoch_rounds', 'round_id', 'The round this record is: one it created, or one the knowledge base already held from another source', NULL),
    ('epoch_rounds', 'link', 'created (a round of its own), corroborates (a second source of a held round, amounts agreeing), disputes (a held round whose amount it contradicts) or repeats (another Epoch AI row of a round it already made)', 'text'),
    ('epoch_rounds', 'status', 'closed, announced, or committed (Late discussions)', 'text'),
    ('epoch_rounds', 'status_as_written', 'Status, as written', 'text'),
    ('epoch_rounds', 'closed_on', 'Close date', 'date'),
    ('epoch_rounds', 'reported_on', 'Report date', 'date'),
    ('epoch_rounds', 'equity_usd', 'Funding (equity), US dollars', 'usd'),
    ('epoch_rounds', 'debt_usd', 'Funding (debt), US dollars', 'usd'),
    ('epoch_rounds', 'valuation_usd', 'Valuation (post-money), US dollars', 'usd'),
    ('epoch_rounds', 'funding_types', 'Type, as written (Primary, Debt, Secondary, Other)', 'text'),
    ('epoch_rounds', 'confidence', 'Confidence: confident, likely, uncertain', 'text'),
    ('epoch_rounds', 'exclude_from_graph', 'Epoch AI''s Exclude from graph view flag', NULL),
    ('epoch_rounds', 'graph_note', 'Graph note', 'text'),
    ('epoch_rounds', 'notes', 'Notes', 'text'),
    ('epoch_rounds', 'source_id', 'The source: Epoch AI''s Data on AI Companies (epoch-ai-companies)', NULL),
    ('epoch_rounds', 'created_run', 'The run that created the row (runs)', NULL),
    ('epoch_round_urls', 'epoch_round_id', 'The Epoch AI round record', NULL),
    ('epoch_round_urls', 'position', 'Which source column: 1 for Source 1 ...', 'count'),
    ('epoch_round_urls', 'url', 'The URL Epoch AI gives as a source of the round', 'text'),
    ('epoch_round_urls', 'created_run', 'The run that created the row (runs)', NULL);

-- Reports -----------------------------------------------------------------------------

-- Drill-down: each cluster's figures by chip supplier, and whether they may be added
-- up. H100 equivalents and power go with the primary supplier; chips with the
-- supplier of each chip type. `counted` is 0 for a possible duplicate, a
-- decommissioned cluster, and a phase that a later cluster of the same status builds
-- upon (Epoch's later phases state the whole cluster, earlier phases included).
CREATE VIEW compute_shares AS
WITH clusters AS (
    SELECT c.id, c.name, c.status, c.source_id, c.h100_equivalents, c.power_mw, c.primary_supplier, c.primary_supplier_id,
        c.secondary_supplier, c.secondary_supplier_id, c.secondary_chip_count,
        (c.status IN ('existing', 'planned') AND c.possible_duplicate = 0
         AND NOT EXISTS (SELECT 1 FROM gpu_clusters n
                         WHERE n.builds_upon_id = c.id AND n.status = c.status AND n.possible_duplicate = 0)
         AND NOT EXISTS (SELECT 1 FROM gpu_clusters n
                         WHERE n.id = c.superseded_by_id AND n.status = c.status AND n.possible_duplicate = 0)) AS counted,
        -- Both chip types from one supplier (or both unnamed): one row.
        (c.secondary_supplier IS NOT NULL OR c.secondary_chip_count IS NOT NULL)
            AND coalesce('#' || c.secondary_supplier_id, c.secondary_supplier)
                IS coalesce('#' || c.primary_supplier_id, c.primary_supplier) AS same_supplier,
        coalesce(c.primary_chip_count, CASE WHEN c.secondary_chip_count IS NULL THEN c.total_chips END) AS primary_chips
    FROM gpu_clusters c
)
SELECT
    c.id AS cluster_id,
    c.name AS cluster,
    c.status,
    c.counted,
    coalesce(k.name, c.primary_supplier) AS gpu_supplier,
    c.primary_supplier_id AS gpu_supplier_id,
    CASE WHEN NOT c.same_supplier OR c.secondary_chip_count IS NULL THEN c.primary_chips
         WHEN c.primary_chips IS NULL THEN c.secondary_chip_count
         ELSE c.primary_chips + c.secondary_chip_count END AS chips,
    c.h100_equivalents,
    c.power_mw,
    c.source_id
FROM clusters c
LEFT JOIN companies k ON k.id = c.primary_supplier_id
UNION ALL
SELECT c.id, c.name, c.status, c.counted, coalesce(k.name, c.secondary_supplier), c.secondary_supplier_id,
    c.secondary_chip_count, NULL, NULL, c.source_id
FROM clusters c
LEFT JOIN companies k ON k.id = c.secondary_supplier_id
WHERE (c.secondary_supplier IS NOT NULL OR c.secondary_chip_count IS NOT NULL) AND NOT c.same_supplier;

CREATE VIEW compute_clusters AS
SELECT
    c.name,
    c.status,
    c.certainty,
    (SELECT group_concat(name, '; ') FROM (
        SELECT coalesce(k.name, p.name) AS name FROM gpu_cluster_parties p LEFT JOIN companies k ON k.id = p.company_id
        WHERE p.cluster_id = c.id AND p.role = 'owner' ORDER BY p.position)) AS owners,
    (SELECT group_concat(name, '; ') FROM (
        SELECT coalesce(k.name, p.name) AS name FROM gpu_cluster_parties p LEFT JOIN companies k ON k.id = p.company_id
        WHERE p.cluster_id = c.id AND p.role = 'user' ORDER BY p.position)) AS users,
    CASE
        WHEN c.secondary_supplier IS NULL
            OR coalesce('#' || c.secondary_supplier_id, c.secondary_supplier)
               IS coalesce('#' || c.primary_supplier_id, c.primary_supplier)
            THEN coalesce(ps.name, c.primary_supplier)
        WHEN c.primary_supplier IS NULL THEN coalesce(ss.name, c.secondary_supplier)
        ELSE coalesce(ps.name, c.primary_supplier) || '; ' || coalesce(ss.name, c.secondary_supplier)
    END AS gpu_supplier,
    coalesce(c.total_chips, c.primary_chip_count + coalesce(c.secondary_chip_count, 0), c.secondary_chip_count) AS chips,
    c.h100_equivalents,
    c.power_mw,
    c.hardware_cost_usd,
    c.first_operational_on,
    c.country,
    c.source_id AS source_ids
FROM gpu_clusters c
LEFT JOIN companies ps ON ps.id = c.primary_supplier_id
LEFT JOIN companies ss ON ss.id = c.secondary_supplier_id
ORDER BY c.h100_equivalents DESC NULLS LAST, c.name, c.occurrence;

-- One row per owner, cluster and supplier (owners once per cluster), so counting
-- rows counts clusters.
CREATE VIEW compute_by_owner AS
WITH owners AS (
    SELECT DISTINCT cluster_id, company_id FROM gpu_cluster_parties WHERE role = 'owner' AND company_id IS NOT NULL
),
owned AS (
    SELECT o.company_id AS owner_id, s.*
    FROM compute_shares s LEFT JOIN owners o ON o.cluster_id = s.cluster_id
)
SELECT
    k.name AS owner,
    o.gpu_supplier,
    count(*) AS clusters,
    sum(o.counted AND o.status = 'existing') AS existing_clusters,
    sum(o.counted AND o.status = 'planned') AS planned_clusters,
    sum(CASE WHEN o.counted AND o.status = 'existing' THEN o.chips END) AS existing_chips,
    sum(CASE WHEN o.counted AND o.status = 'planned' THEN o.chips END) AS planned_chips,
    sum(CASE WHEN o.counted AND o.status = 'existing' THEN o.h100_equivalents END) AS existing_h100_equivalents,
    sum(CASE WHEN o.counted AND o.status = 'planned' THEN o.h100_equivalents END) AS planned_h100_equivalents,
    sum(CASE WHEN o.counted AND o.status = 'existing' THEN o.power_mw END) AS existing_power_mw,
    sum(CASE WHEN o.counted AND o.status = 'planned' THEN o.power_mw END) AS planned_power_mw,
    replace(group_concat(DISTINCT o.source_id), ',', '; ') AS source_ids
FROM owned o
LEFT JOIN companies k ON k.id = o.owner_id
GROUP BY o.owner_id, coalesce('#' || o.gpu_supplier_id, o.gpu_supplier)
ORDER BY existing_h100_equivalents DESC NULLS LAST, planned_h100_equivalents DESC NULLS LAST, owner, gpu_supplier;

-- The seed article's thesis in one table: NVIDIA's money in each company it invested
-- in (NVIDIA's group: NVIDIA and every unit whose parent chain reaches it, such as
-- NVentures), beside the GPUs that company (or a unit of it) owns or uses, by supplier.
CREATE VIEW investee_compute AS
WITH RECURSIVE nvidia(id) AS (
    SELECT id FROM companies WHERE name = 'NVIDIA'
    UNION SELECT c.id FROM companies c JOIN nvidia n ON c.parent_id = n.id
),
stakes AS (
    SELECT r.company_id, r.id AS round_id, r.round_type, r.status, ri.amount_usd, ri.source_id
    FROM nvidia n
    JOIN round_investors ri ON ri.investor_id = n.id
    JOIN funding_rounds r ON r.id = ri.round_id
    WHERE r.company_id NOT IN (SELECT id FROM nvidia)
),
investees AS (
    SELECT
        company_id,
        count(DISTINCT round_id) AS rounds,
        sum(CASE WHEN status = 'closed' AND round_type <> 'investment_commitment' THEN amount_usd END) AS invested,
        sum(CASE WHEN status IN ('announced', 'committed') OR (status = 'closed' AND round_type = 'investment_commitment')
                 THEN amount_usd END) AS committed,
        group_concat(DISTINCT source_id) AS sources
    FROM stakes
    GROUP BY company_id
),
units(investee, id) AS (
    SELECT company_id, company_id FROM investees
    UNION SELECT u.investee, c.id FROM units u JOIN companies c ON c.parent_id = u.id
),
used AS (
    SELECT DISTINCT u.investee, p.cluster_id
    FROM units u JOIN gpu_cluster_parties p ON p.company_id = u.id
),
by_supplier AS (
    SELECT
        u.investee,
        s.gpu_supplier,
        count(*) AS clusters,
        sum(s.counted AND s.status = 'existing') AS existing_clusters,
        sum(s.counted AND s.status = 'planned') AS planned_clusters,
        sum(CASE WHEN s.counted AND s.status = 'existing' THEN s.chips END) AS existing_chips,
        sum(CASE WHEN s.counted AND s.status = 'planned' THEN s.chips END) AS planned_chips,
        sum(CASE WHEN s.counted AND s.status = 'existing' THEN s.h100_equivalents END) AS existing_h100_equivalents,
        sum(CASE WHEN s.counted AND s.status = 'planned' THEN s.h100_equivalents END) AS planned_h100_equivalents,
        sum(CASE WHEN s.counted AND s.status = 'existing' THEN s.power_mw END) AS existing_power_mw,
        sum(CASE WHEN s.counted AND s.status = 'planned' THEN s.power_mw END) AS planned_power_mw,
        group_concat(DISTINCT s.source_id) AS sources
    FROM used u JOIN compute_shares s ON s.cluster_id = u.cluster_id
    GROUP BY u.investee, coalesce('#' || s.gpu_supplier_id, s.gpu_supplier)
)
SELECT
    c.name AS company,
    i.rounds AS nvidia_rounds,
    i.invested AS nvidia_invested_usd,
    i.committed AS nvidia_committed_usd,
    b.gpu_supplier,
    coalesce(b.clusters, 0) AS clusters,
    coalesce(b.existing_clusters, 0) AS existing_clusters,
    coalesce(b.planned_clusters, 0) AS planned_clusters,
    b.existing_chips,
    b.planned_chips,
    b.existing_h100_equivalents,
    b.planned_h100_equivalents,
    b.existing_power_mw,
    b.planned_power_mw,
    replace(i.sources || coalesce(',' || b.sources, ''), ',', '; ') AS source_ids
FROM investees i
JOIN companies c ON c.id = i.company_id
LEFT JOIN by_supplier b ON b.investee = i.company_id
ORDER BY nvidia_invested_usd DESC NULLS LAST, company, existing_h100_equivalents DESC NULLS LAST, gpu_supplier;

INSERT INTO reports (name, title, description, builtin) VALUES
    ('compute_clusters', 'GPU clusters', 'One row per GPU cluster or AI supercomputer of Epoch AI''s Data on GPU Clusters: status, certainty, owners and users (the knowledge base''s companies where the names are companies), GPU supplier, chips, H100 equivalents, power, hardware cost, first operational date, country, source. Source URLs: gpu_cluster_urls.', 1),
    ('compute_by_owner', 'Compute by owner and supplier', 'Per owner and GPU supplier: clusters, chips, H100 equivalents and power, existing and planned apart. Only figures that may be added up are summed (compute_shares: no possible duplicates, no phase a later one of the same status includes); a cluster with several owners counts for each, so do not add rows of different owners. Clusters without a known owner are the row with no owner.', 1),
    ('investee_compute', 'NVIDIA''s investees and their GPUs', 'Each company NVIDIA (or a unit of its group, such as NVentures) invested in: NVIDIA''s rounds and money in it, beside the GPU clusters the company or its units own or use, by supplier (the seed article''s thesis: whose GPUs the companies NVIDIA funds are running). NVIDIA''s figures repeat on each supplier row of a company.', 1),
    ('compute_shares', 'Cluster figures by supplier', 'Drill-down of compute_by_owner and investee_compute: each cluster''s chips, H100 equivalents and power by chip supplier, and whether they are added up (counted).', 1);

INSERT INTO report_columns (report, position, name, description, unit) VALUES
    ('compute_clusters', 1, 'name', 'The cluster''s name (Epoch AI''s; names repeat, e.g. Anonymized Chinese System)', 'text'),
    ('compute_clusters', 2, 'status', 'existing, planned or decommissioned', 'text'),
    ('compute_clusters', 3, 'certainty', 'confirmed, likely or unlikely', 'text'),
    ('compute_clusters', 4, 'owners', 'The owners, in Epoch AI''s order: the company''s name where the name is a company, else as written', 'text'),
    ('compute_clusters', 5, 'users', 'The users, likewise (descriptions such as Academia as written)', 'text'),
    ('compute_clusters', 6, 'gpu_supplier', 'The primary GPU supplier, and the secondary one where it differs', 'text'),
    ('compute_clusters', 7, 'chips', 'Total number of AI chips', 'count'),
    ('compute_clusters', 8, 'h100_equivalents', 'Performance in H100 equivalents', 'h100e'),
    ('compute_clusters', 9, 'power_mw', 'Power capacity, megawatts', 'mw'),
    ('compute_clusters', 10, 'hardware_cost_usd', 'Hardware cost, US dollars', 'usd'),
    ('compute_clusters', 11, 'first_operational_on', 'First operational date (its precision: gpu_clusters.first_operational_precision)', 'date'),
    ('compute_clusters', 12, 'country', 'Country, as Epoch AI names it', 'text'),
    ('compute_clusters', 13, 'source_ids', 'The sources of the row (Epoch AI''s data set); the URLs Epoch gives are in gpu_cluster_urls', 'text'),
    ('compute_by_owner', 1, 'owner', 'The owning company (none: clusters whose owner is unknown or withheld)', 'text'),
    ('compute_by_owner', 2, 'gpu_supplier', 'The chip supplier (a company, or as written: Anonymized, Unknown)', 'text'),
    ('compute_by_owner', 3, 'clusters', 'Clusters of this owner with chips of this supplier, all statuses, duplicates and earlier phases included', 'count'),
    ('compute_by_owner', 4, 'existing_clusters', 'Existing clusters counted (no duplicate, no phase a later existing one includes)', 'count'),
    ('compute_by_owner', 5, 'planned_clusters', 'Planned clusters counted', 'count'),
    ('compute_by_owner', 6, 'existing_chips', 'Chips of this supplier in the existing clusters counted', 'count'),
    ('compute_by_owner', 7, 'planned_chips', 'Chips of this supplier in the planned clusters counted', 'count'),
    ('compute_by_owner', 8, 'existing_h100_equivalents', 'H100 equivalents of the existing clusters counted (with their primary supplier)', 'h100e'),
    ('compute_by_owner', 9, 'planned_h100_equivalents', 'H100 equivalents of the planned clusters counted (a planned phase includes the existing ones it builds upon)', 'h100e'),
    ('compute_by_owner', 10, 'existing_power_mw', 'Power of the existing clusters counted, megawatts', 'mw'),
    ('compute_by_owner', 11, 'planned_power_mw', 'Power of the planned clusters counted, megawatts', 'mw'),
    ('compute_by_owner', 12, 'source_ids', 'The sources of these clusters; drill down in compute_shares', 'text'),
    ('investee_compute', 1, 'company', 'A company NVIDIA''s group invested in', 'text'),
    ('investee_compute', 2, 'nvidia_rounds', 'Its rounds NVIDIA''s group took part in, commitments included', 'count'),
    ('investee_compute', 3, 'nvidia_invested_usd', 'NVIDIA''s group''s own stated amounts in its closed rounds, US dollars (unstated amounts count as nothing; the same on each supplier row)', 'usd'),
    ('investee_compute', 4, 'nvidia_committed_usd', 'NVIDIA''s group''s stated amounts in announced or committed rounds and commitments, US dollars (stalled and cancelled ones left out)', 'usd'),
    ('investee_compute', 5, 'gpu_supplier', 'The chip supplier of the clusters the company owns or uses (none: no cluster known)', 'text'),
    ('investee_compute', 6, 'clusters', 'Clusters the company or a unit of it owns or uses with chips of this supplier, all statuses', 'count'),
    ('investee_compute', 7, 'existing_clusters', 'Existing clusters counted (as in compute_by_owner)', 'count'),
    ('investee_compute', 8, 'planned_clusters', 'Planned clusters counted', 'count'),
    ('investee_compute', 9, 'existing_chips', 'Chips of this supplier in the existing clusters counted', 'count'),
    ('investee_compute', 10, 'planned_chips', 'Chips of this supplier in the planned clusters counted', 'count'),
    ('investee_compute', 11, 'existing_h100_equivalents', 'H100 equivalents of the existing clusters counted', 'h100e'),
    ('investee_compute', 12, 'planned_h100_equivalents', 'H100 equivalents of the planned clusters counted', 'h100e'),
    ('investee_compute', 13, 'existing_power_mw', 'Power of the existing clusters counted, megawatts', 'mw'),
    ('investee_compute', 14, 'planned_power_mw', 'Power of the planned clusters counted, megawatts', 'mw'),
    ('investee_compute', 15, 'source_ids', 'The sources of NVIDIA''s participations and of the clusters; drill down in nvidia_rounds and compute_shares', 'text'),
    ('compute_shares', 1, 'cluster_id', 'The cluster (gpu_clusters.id)', NULL),
    ('compute_shares', 2, 'cluster', 'Its name', 'text'),
    ('compute_shares', 3, 'status', 'existing, planned or decommissioned', 'text'),
    ('compute_shares', 4, 'counted', '1 when reports add these figures up; 0 for a possible duplicate, a decommissioned cluster or a phase a later one of the same status includes', NULL),
    ('compute_shares', 5, 'gpu_supplier', 'The chip supplier', 'text'),
    ('compute_shares', 6, 'gpu_supplier_id', 'Its company id (none for a placeholder)', NULL),
    ('compute_shares', 7, 'chips', 'The cluster''s chips of this supplier', 'count'),
    ('compute_shares', 8, 'h100_equivalents', 'The cluster''s H100 equivalents (on its primary supplier''s row)', 'h100e'),
    ('compute_shares', 9, 'power_mw', 'The cluster''s power, megawatts (on its primary supplier''s row)', 'mw'),
    ('compute_shares', 10, 'source_id', 'The source', 'text');
