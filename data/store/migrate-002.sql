-- corrob store, schema version 2: every source that printed a stored
-- document. The same article from several outlets (wire copy) is stored
-- once, and each outlet that printed it is kept here, so findings count it.
CREATE TABLE document_sources(
	doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	path TEXT, url TEXT, outlet TEXT, title TEXT,
	UNIQUE(doc_id, path, url, outlet)
);
INSERT INTO document_sources(doc_id, path, url, outlet, title)
	SELECT id, path, url, outlet, title FROM documents;
