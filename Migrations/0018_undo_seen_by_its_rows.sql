-- The loop index and the report indexes record what the tables they are made of
-- looked like when they were filled (SourceSignature). Until now that record held the
-- newest undo run, so that an undo's rows put back under their old rowids, which no
-- highest id shows, were seen: every undo recomputed every index, the undo of an
-- import of one company too (4.2 s at a million companies). Now an undo that puts
-- deleted rows back asks for the indexes made of those tables itself
-- (MoneyWeb.recomputeAtClose), and the record no longer holds the undo run; a deleted
-- company that nothing names counts for nothing, as a new one does.
-- A record of the old form, compared with a reading of the new, would make every
-- reader of a knowledge base with an undo in it say an index is behind when it is not.
-- As with 0015, this migration makes readers wait for `aikb migrate`, whose closing
-- refresh fills each index once and records it in the new form (it would for any record
-- that differs; clearing them says so explicitly).
UPDATE report_indexes SET signature = NULL;
DELETE FROM money_loop_index_state;
