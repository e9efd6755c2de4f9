/*
 * db.c: open, migrate and write the store (see db.h): the connection and
 * its pragmas, schema migrations, transactions, and what ingest stores —
 * documents, their sources, paragraphs and sentences, files already read.
 */
#include "store/internal.h"

#include <stdlib.h>
#include <unistd.h>

const char *cr_db_errmsg(const cr_db *db) { return db->err; }

int cr_db_exec(cr_db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : db_fail(db);
}

int cr_db_begin(cr_db *db) { return cr_db_exec(db, "BEGIN IMMEDIATE"); }
int cr_db_commit(cr_db *db) { return cr_db_exec(db, "COMMIT"); }
void cr_db_rollback(cr_db *db) { sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL); }

static int migrate(cr_db *db, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int version = 0;
	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		goto fail;
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version > CR_SCHEMA_VERSION) {
		snprintf(err, errlen, "database schema version %d is newer than this corrob (%d); upgrade corrob",
		         version, CR_SCHEMA_VERSION);
		return -1;
	}
	for (int v = version + 1; v <= CR_SCHEMA_VERSION; v++) {
		char name[64];
		snprintf(name, sizeof name, "store/migrate-%03d.sql", v);
		const char *sql = cr_data_file(name, NULL);
		if (!sql) {
			snprintf(err, errlen, "migration %s is not built in", name);
			return -1;
		}
		char setv[64];
		snprintf(setv, sizeof setv, "PRAGMA user_version = %d", v);
		if (cr_db_exec(db, "BEGIN IMMEDIATE") < 0 || cr_db_exec(db, sql) < 0 || cr_db_exec(db, setv) < 0 ||
		    cr_db_exec(db, "COMMIT") < 0) {
			snprintf(err, errlen, "migrating to schema %d: %s", v, sqlite3_errmsg(db->h));
			cr_db_rollback(db);
			return -1;
		}
	}
	return 0;
fail:
	snprintf(err, errlen, "%s", sqlite3_errmsg(db->h));
	return -1;
}

static int prep(cr_db *db, sqlite3_stmt **st, const char *sql)
{
	return sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) == SQLITE_OK ? 0 : db_fail(db);
}

int cr_db_open(cr_db **out, const char *path, bool readonly, char *err, size_t errlen)
{
	/* a write-ahead log without its database belongs to a database that was
	 * deleted: replaying it into a new file would corrupt that file */
	char wal[4096];
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (access(path, F_OK) != 0 && access(wal, F_OK) == 0) {
		snprintf(err, errlen, "%s does not exist but %s does (left from a deleted database); remove %s-wal and %s-shm",
		         path, wal, path, path);
		return -1;
	}
	cr_db *db = cr_xcalloc(1, sizeof *db);
	int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", path, db->h ? sqlite3_errmsg(db->h) : "out of memory");
		cr_db_close(db);
		return -1;
	}
	sqlite3_busy_timeout(db->h, 10000);
	sqlite3_extended_result_codes(db->h, 1);
	if (!readonly) {
		if (cr_db_exec(db, "PRAGMA journal_mode=WAL") < 0 || cr_db_exec(db, "PRAGMA synchronous=NORMAL") < 0 ||
		    cr_db_exec(db, "PRAGMA foreign_keys=ON") < 0) {
			snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db->h));
			cr_db_close(db);
			return -1;
		}
		if (migrate(db, err, errlen) < 0) {
			cr_db_close(db);
			return -1;
		}
	} else {
		sqlite3_stmt *st;
		int version = -1;
		if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW)
				version = sqlite3_column_int(st, 0);
			sqlite3_finalize(st);
		}
		if (version != CR_SCHEMA_VERSION) {
			snprintf(err, errlen, "%s is not a corrob database of schema %d (found %d)", path,
			         CR_SCHEMA_VERSION, version);
			cr_db_close(db);
			return -1;
		}
	}
	*out = db;
	return 0;
}

void cr_db_close(cr_db *db)
{
	if (!db)
		return;
	sqlite3_stmt *all[] = {db->put_doc, db->find_doc, db->put_para, db->put_sent,
	                       db->del_para, db->del_sent, db->put_src, db->get_src, db->put_docsrc};
	for (size_t i = 0; i < CR_ARRAY_LEN(all); i++)
		sqlite3_finalize(all[i]);
	sqlite3_close(db->h);
	free(db);
}

static int note_doc_source(cr_db *db, int64_t id, const cr_document *d)
{
	if (!db->put_docsrc && prep(db, &db->put_docsrc,
	                            "INSERT OR IGNORE INTO document_sources(doc_id, path, url, outlet, title)"
	                            " VALUES (?,?,?,?,?)") < 0)
		return -1;
	sqlite3_stmt *st = db->put_docsrc;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, d->path);
	bind_text(st, 3, d->url);
	bind_text(st, 4, d->outlet);
	bind_text(st, 5, d->title);
	return step_done(db, st);
}

int cr_db_put_document(cr_db *db, const cr_document *d, int64_t *id)
{
	if (!db->find_doc && (prep(db, &db->find_doc, "SELECT id FROM documents WHERE hash = ?") < 0 ||
	                      prep(db, &db->put_doc,
	                           "INSERT INTO documents(hash, path, url, title, outlet, byline, published_earliest,"
	                           " published_latest, published_inferred, text, srcmap)"
	                           " VALUES (?,?,?,?,?,?,?,?,?,?,?)") < 0))
		return -1;
	sqlite3_reset(db->find_doc);
	sqlite3_bind_text(db->find_doc, 1, d->hash, -1, SQLITE_STATIC);
	if (sqlite3_step(db->find_doc) == SQLITE_ROW) {
		*id = sqlite3_column_int64(db->find_doc, 0);
		sqlite3_reset(db->find_doc);
		return note_doc_source(db, *id, d) < 0 ? -1 : 0;
	}
	sqlite3_reset(db->find_doc);
	sqlite3_stmt *st = db->put_doc;
	sqlite3_reset(st);
	bind_text(st, 1, d->hash);
	bind_text(st, 2, d->path);
	bind_text(st, 3, d->url);
	bind_text(st, 4, d->title);
	bind_text(st, 5, d->outlet);
	bind_text(st, 6, d->byline);
	bind_day(st, 7, d->published.earliest);
	bind_day(st, 8, d->published.latest);
	sqlite3_bind_int(st, 9, d->published_inferred);
	sqlite3_bind_text(st, 10, d->text, (int)d->len, SQLITE_STATIC);
	size_t mb = d->nmap * 12;
	unsigned char *blob = cr_xmalloc(mb ? mb : 1);
	for (size_t i = 0; i < d->nmap; i++) {
		uint32_t v[3] = {d->map[i].clean_start, d->map[i].raw_start, d->map[i].len};
		for (int k = 0; k < 3; k++)
			for (int b = 0; b < 4; b++)
				blob[i * 12 + (size_t)k * 4 + (size_t)b] = (unsigned char)(v[k] >> (8 * b));
	}
	sqlite3_bind_blob(st, 11, blob, (int)mb, SQLITE_TRANSIENT);
	free(blob);
	if (step_done(db, st) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return note_doc_source(db, *id, d) < 0 ? -1 : 1;
}

int cr_db_put_segments(cr_db *db, int64_t doc_id, const char *text, const cr_span *paras, size_t npara,
                       const cr_span *sents, const uint32_t *sent_para, size_t nsent)
{
	if (!db->put_para && (prep(db, &db->del_para, "DELETE FROM paragraphs WHERE doc_id = ?") < 0 ||
	                      prep(db, &db->del_sent, "DELETE FROM sentences WHERE doc_id = ?") < 0 ||
	                      prep(db, &db->put_para, "INSERT INTO paragraphs VALUES (?,?,?,?)") < 0 ||
	                      prep(db, &db->put_sent,
	                           "INSERT INTO sentences(doc_id, idx, paragraph, start, \"end\", text)"
	                           " VALUES (?,?,?,?,?,?)") < 0))
		return -1;
	sqlite3_stmt *dels[] = {db->del_para, db->del_sent};
	for (int k = 0; k < 2; k++) {
		sqlite3_reset(dels[k]);
		sqlite3_bind_int64(dels[k], 1, doc_id);
		if (sqlite3_step(dels[k]) != SQLITE_DONE)
			return db_fail(db);
		sqlite3_reset(dels[k]);
	}
	for (size_t i = 0; i < npara; i++) {
		sqlite3_stmt *st = db->put_para;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, doc_id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		sqlite3_bind_int64(st, 3, paras[i].start);
		sqlite3_bind_int64(st, 4, paras[i].end);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(db);
	}
	for (size_t i = 0; i < nsent; i++) {
		sqlite3_stmt *st = db->put_sent;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, doc_id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		sqlite3_bind_int64(st, 3, sent_para[i]);
		sqlite3_bind_int64(st, 4, sents[i].start);
		sqlite3_bind_int64(st, 5, sents[i].end);
		sqlite3_bind_text(st, 6, text + sents[i].start, (int)(sents[i].end - sents[i].start), SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(db);
	}
	return 0;
}

int cr_db_note_source(cr_db *db, const char *path, int64_t size, int64_t mtime, int64_t doc_id)
{
	if (!db->put_src && prep(db, &db->put_src, "INSERT OR REPLACE INTO sources VALUES (?,?,?,?)") < 0)
		return -1;
	sqlite3_stmt *st = db->put_src;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, size);
	sqlite3_bind_int64(st, 3, mtime);
	sqlite3_bind_int64(st, 4, doc_id);
	return step_done(db, st);
}

bool cr_db_source_seen(cr_db *db, const char *path, int64_t size, int64_t mtime)
{
	if (!db->get_src && prep(db, &db->get_src, "SELECT 1 FROM sources WHERE path=? AND size=? AND mtime=?") < 0)
		return false;
	sqlite3_stmt *st = db->get_src;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, size);
	sqlite3_bind_int64(st, 3, mtime);
	bool seen = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return seen;
}

int cr_db_set_published(cr_db *db, int64_t doc_id, cr_dayrange r, bool inferred)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st,
	               "UPDATE documents SET published_earliest=?, published_latest=?, published_inferred=?"
	               " WHERE id=?") < 0)
		return -1;
	bind_day(st, 1, r.earliest);
	bind_day(st, 2, r.latest);
	sqlite3_bind_int(st, 3, inferred);
	sqlite3_bind_int64(st, 4, doc_id);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db);
	sqlite3_finalize(st);
	return rc;
}
