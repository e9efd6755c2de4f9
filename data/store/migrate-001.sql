-- corrob store, schema version 1. Applied once, in one transaction, when
-- PRAGMA user_version is below 1. Later versions add migrate-NNN.sql files.
CREATE TABLE documents(
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE,            -- hash of the clean text: one row per article
	path TEXT, url TEXT, title TEXT, outlet TEXT, byline TEXT,
	published_earliest TEXT, published_latest TEXT,
	published_inferred INTEGER NOT NULL DEFAULT 0,
	text TEXT NOT NULL,                   -- clean text; every offset points into it
	srcmap BLOB                           -- (clean_start, raw_start, len) triples, little-endian u32
);
CREATE TABLE sources(                     -- files already read, so a resumed ingest skips them
	path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, doc_id INTEGER
);
CREATE TABLE paragraphs(
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	PRIMARY KEY(doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE sentences(
	id INTEGER PRIMARY KEY,
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx INTEGER NOT NULL, paragraph INTEGER NOT NULL,
	start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	text TEXT NOT NULL,
	UNIQUE(doc_id, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
	text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
	INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TABLE mentions(                    -- recognized spans: numbers, times, names, roles
	id INTEGER PRIMARY KEY,
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	kind TEXT NOT NULL, type TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
	text TEXT NOT NULL, value TEXT
);
CREATE INDEX mentions_doc ON mentions(doc_id, start);
-- The outputs of resolve; rewritten whole by each run, in one transaction.
CREATE TABLE entities(
	id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL,
	aliases TEXT NOT NULL, documents TEXT NOT NULL     -- JSON arrays
);
CREATE TABLE events(
	id TEXT PRIMARY KEY, type TEXT NOT NULL, label TEXT NOT NULL, place TEXT,
	time_value TEXT, time_earliest TEXT, time_latest TEXT, documents TEXT NOT NULL
);
CREATE TABLE claims(
	id TEXT PRIMARY KEY,
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	subject TEXT NOT NULL, subject_name TEXT, predicate TEXT NOT NULL,
	value_text TEXT, num_low REAL, num_high REAL, value_entity TEXT,
	time_value TEXT, time_earliest TEXT, time_latest TEXT,
	attribution_source TEXT, attribution_text TEXT, modality TEXT NOT NULL,
	ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, quote TEXT NOT NULL
);
CREATE INDEX claims_pred ON claims(predicate);
CREATE TABLE findings(
	id TEXT PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL, predicate TEXT NOT NULL,
	claims TEXT NOT NULL, outlets INTEGER NOT NULL, originators INTEGER NOT NULL,
	explanation TEXT NOT NULL
);
CREATE TABLE report(                      -- the last JSON report, as written
	id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL
);
