-- corrob store, schema version 8: sentences are no longer indexed for
-- full-text search one by one as they are inserted. The insert trigger made
-- FTS5 write its pending terms out after every sentence (each statement's
-- savepoint flushes them), about 42% of a run; the store now indexes a
-- batch's sentences in one statement at its commit, or before a search or a
-- delete inside the batch needs them (cr_db_fts_flush, db.c). The sentences
-- already stored are indexed already; the delete trigger stays.
DROP TRIGGER IF EXISTS sentences_ai;
