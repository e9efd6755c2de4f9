-- corrob store, schema version 7: a document's language (ingest/lang.h):
-- "en", "ru", "uk", ..., or "und" when it cannot be told. Documents stored
-- before are identified now, from their stored text, with the store's SQL
-- function language() (db.c), the same identification ingest makes.
ALTER TABLE documents ADD COLUMN lang TEXT;
UPDATE documents SET lang = language(text);
