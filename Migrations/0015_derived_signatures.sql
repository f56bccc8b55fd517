-- The loop index and the report indexes record what the tables they are made of
-- looked like when they were filled (SourceSignature). That record changed form: new
-- companies count through history alone, each table's newest created_run is read,
-- edits of notes and labels are left out. A record of the old form, compared with a
-- reading of the new, would say an index is behind when it is not. Clearing them has
-- this migration's closing refresh fill each once and record it in the new form.
UPDATE report_indexes SET signature = NULL;
DELETE FROM money_loop_index_state;
