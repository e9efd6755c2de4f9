-- corrob store, schema version 4.
-- Files already read are remembered by their content (hash and size), not by
-- path, size and modification time, which a rewritten file can keep. The old
-- rows cannot be turned into hashes: they are dropped, so the next ingest
-- reads those files once more (their documents are found stored, by the hash
-- of their clean text, and not stored twice).
DROP TABLE sources;
CREATE TABLE files_read(
	hash TEXT NOT NULL,                   -- FNV-1a of the file's bytes, hex
	size INTEGER NOT NULL,
	path TEXT NOT NULL,                   -- where it was read, for people
	PRIMARY KEY(hash, size)
) WITHOUT ROWID;
CREATE INDEX files_read_size ON files_read(size);
-- A source with no outlet (or no URL, or no path) is one source: NULLs are
-- distinct in a UNIQUE constraint, so the same article read again without
-- an outlet added a row each time. Those copies are removed, the first kept.
DELETE FROM document_sources WHERE rowid NOT IN (
	SELECT min(rowid) FROM document_sources
	GROUP BY doc_id, ifnull(path, ''), ifnull(url, ''), ifnull(outlet, ''));
CREATE UNIQUE INDEX document_sources_one ON document_sources(
	doc_id, ifnull(path, ''), ifnull(url, ''), ifnull(outlet, ''));
-- Which documents the stored results (entities ... findings) were made from,
-- so that 'claims' and 'entities' can say when they are older than the store.
CREATE TABLE results_of(
	id INTEGER PRIMARY KEY CHECK (id = 1),
	documents INTEGER NOT NULL,           -- how many documents were analysed
	last_document INTEGER NOT NULL        -- the highest document id among them
);
