-- Units, so that people read money as $130.1B and shares as 40% while CSV and JSON
-- stay exact: every documented report column may say what its numbers are, and
-- table columns get the same documentation in `table_columns` (what `aikb schema`
-- and Datasette show).
--
-- Units: usd (whole US dollars), percent (0-100), share (a fraction 0-1), count,
-- date (ISO text), mw (megawatts), h100e (H100 equivalents), ratio, text.

ALTER TABLE report_columns ADD COLUMN unit TEXT
    CHECK (unit IN ('usd', 'percent', 'share', 'count', 'date', 'mw', 'h100e', 'ratio', 'text'));

CREATE TABLE table_columns (
    table_name  TEXT NOT NULL,
    column_name TEXT NOT NULL,
    description TEXT NOT NULL,
    unit        TEXT CHECK (unit IN ('usd', 'percent', 'share', 'count', 'date', 'mw', 'h100e', 'ratio', 'text')),
    PRIMARY KEY (table_name, column_name)
) STRICT, WITHOUT ROWID;

-- The built-in reports so far, by the naming conventions they follow.
UPDATE report_columns SET unit = 'usd' WHERE name LIKE '%\_usd' ESCAPE '\';
UPDATE report_columns SET unit = 'percent' WHERE name LIKE '%\_pct' ESCAPE '\';
UPDATE report_columns SET unit = 'date'
WHERE name LIKE '%\_on' ESCAPE '\' OR name IN ('window_start', 'window_end', 'period_start', 'period_end');
UPDATE report_columns SET unit = 'ratio' WHERE name = 'circular_ratio';
UPDATE report_columns SET unit = 'count'
WHERE (report, name) IN (
    ('nvidia_portfolio', 'rounds_joined'), ('nvidia_portfolio', 'rounds_with_nvidia_amount'),
    ('nvidia_portfolio', 'rounds_led'), ('nvidia_portfolio', 'rounds_lead_disputed'),
    ('round_size_bands', 'companies'), ('round_size_bands', 'rounds'), ('portfolio_by_sector', 'companies'),
    ('investor_activity', 'rounds_in_window'), ('investor_activity', 'led_in_window'),
    ('stage_and_lead', 'participations'), ('stage_and_lead', 'with_known_stage'),
    ('stage_and_lead', 'series_b_or_later'), ('stage_and_lead', 'led'), ('stage_and_lead', 'lead_disputed'),
    ('circular_financing', 'flows_without_amount'), ('neoclouds', 'nvidia_rounds'), ('neoclouds', 'gpu_deals'),
    ('neoclouds', 'gpus'), ('source_usage', 'rounds'), ('source_usage', 'investor_rows'), ('source_usage', 'deals'),
    ('source_usage', 'relationships'), ('source_usage', 'claims'), ('source_usage', 'companies'),
    ('source_usage', 'facts'));
