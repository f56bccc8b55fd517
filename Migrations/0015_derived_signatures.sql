-- The loop index and the report indexes record what the tables they are made of
-- looked like when they were filled (SourceSignature). That record changed form: new
-- companies are probed for references instead of counted, each table's newest
-- created_run and a digest of the vocabularies are read, edits of notes and labels
-- are left out. A record of the old form, compared with a reading of the new, would
-- make every reader say an index is behind when it is not. This migration makes
-- readers wait for `aikb migrate`, whose closing refresh fills each index once and
-- records it in the new form (clearing the records says so explicitly).
UPDATE report_indexes SET signature = NULL;
DELETE FROM money_loop_index_state;
