-- corrob store, schema version 6: a document is known by the SHA-256 of its
-- clean text (hex), no longer by a 64-bit FNV-1a hash that an article can be
-- made to collide with. The hash is no longer UNIQUE: a stored text is
-- compared byte for byte on a hit (db.c), and a different text that shares
-- the hash is a document of its own. SQLite cannot drop a constraint, so the
-- table is rebuilt (its ids kept, so every row that refers to a document
-- still does); the runner turns foreign keys off around it, as SQLite's
-- recipe for schema changes says, and checks them before committing.
-- sha256() is the store's SQL function (db.c).
CREATE TABLE documents_new(
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL,                   -- hex SHA-256 of the clean text
	path TEXT, url TEXT, title TEXT, outlet TEXT, byline TEXT,
	published_earliest TEXT, published_latest TEXT,
	published_inferred INTEGER NOT NULL DEFAULT 0,
	text TEXT NOT NULL,                   -- clean text; every offset points into it
	-- srcmap: (clean_start, raw_start, len) triples, little-endian u32;
	-- warc_*: the WARC record it was read from (schema 5). No comment after
	-- them: SQLite's DROP COLUMN (older stores faked in tests) edits this text
	srcmap BLOB, warc_record_id TEXT, warc_date TEXT
);
INSERT INTO documents_new(id, hash, path, url, title, outlet, byline, published_earliest, published_latest,
                          published_inferred, text, srcmap, warc_record_id, warc_date)
	SELECT id, sha256(text), path, url, title, outlet, byline, published_earliest, published_latest,
	       published_inferred, text, srcmap, warc_record_id, warc_date FROM documents;
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE INDEX documents_hash ON documents(hash);
