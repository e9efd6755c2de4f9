-- corrob store, schema version 5: where in a crawl a document was found.
-- A document read from a WARC record keeps that record's WARC-Record-ID and
-- WARC-Date, with the document (its first source) and with each source that
-- printed it. NULL for every other input and for documents stored before.
ALTER TABLE documents ADD COLUMN warc_record_id TEXT;
ALTER TABLE documents ADD COLUMN warc_date TEXT;
ALTER TABLE document_sources ADD COLUMN warc_record_id TEXT;
ALTER TABLE document_sources ADD COLUMN warc_date TEXT;
