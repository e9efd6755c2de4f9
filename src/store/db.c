/*
 * db.c: open, migrate and write the store (see db.h): the connection and
 * its pragmas, schema migrations, transactions, and what ingest stores —
 * documents, their sources, paragraphs and sentences, files already read.
 */
#include "store/internal.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

const char *cr_db_errmsg(const cr_db *db) { return db->err; }

/* The reason a write failed when SQLite lost the system's (a short write
 * leaves no errno): the file system full, or the file at its size limit. */
static int write_failure_reason(cr_db *db)
{
	const char *file = sqlite3_db_filename(db->h, "main");
	if (!file || !*file)
		return 0;
	cr_buf dir = {0};
	const char *slash = strrchr(file, '/');
	cr_buf_append(&dir, slash ? file : ".", slash ? (size_t)(slash - file) + 1 : 1);
	struct statvfs vfs;
	int why = 0;
	if (statvfs(dir.data, &vfs) == 0 && (uint64_t)vfs.f_bavail * vfs.f_frsize < ((uint64_t)1 << 20))
		why = ENOSPC;
	struct rlimit rl;
	struct stat sb;
	if (!why && getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
		cr_buf wal = {0};
		cr_buf_printf(&wal, "%s-wal", file);
		if ((stat(wal.data, &sb) == 0 && (uint64_t)sb.st_size + (1 << 16) >= rl.rlim_cur) ||
		    (stat(file, &sb) == 0 && (uint64_t)sb.st_size + (1 << 16) >= rl.rlim_cur))
			why = EFBIG;
		cr_buf_free(&wal);
	}
	cr_buf_free(&dir);
	return why;
}

int cr_db_fail(cr_db *db)
{
	int code = sqlite3_extended_errcode(db->h), primary = code & 0xff;
	int sys = sqlite3_system_errno(db->h);
	if (!sys && (primary == SQLITE_IOERR || primary == SQLITE_FULL))
		sys = write_failure_reason(db);
	if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
		snprintf(db->err, sizeof db->err,
		         "the store is locked by another process writing to it; waited %d s for it to finish",
		         CR_DB_BUSY_MS / 1000);
	else if ((primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN ||
	          primary == SQLITE_READONLY) && sys)
		snprintf(db->err, sizeof db->err, "%s (%s)", sqlite3_errmsg(db->h), strerror(sys));
	else
		snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
	return CR_DB_ERROR;
}

int cr_db_exec(cr_db *db, const char *sql)
{
	return sqlite3_exec(db->h, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : cr_db_fail(db);
}

int cr_db_begin(cr_db *db) { return cr_db_exec(db, "BEGIN IMMEDIATE"); }

/* A batch's sentences are indexed as it commits (cr_db_fts_flush): with the
 * index in the same transaction, a crash keeps both or neither. */
int cr_db_commit(cr_db *db)
{
	if (cr_db_fts_flush(db) < 0)
		return CR_DB_ERROR;
	return cr_db_exec(db, "COMMIT");
}

void cr_db_rollback(cr_db *db)
{
	db->fts_first = 0;   /* the sentences waiting for the index are gone with the batch */
	sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int cr_db_read_begin(cr_db *db)
{
	/* a deferred transaction's first read fixes the snapshot every later read sees */
	if (cr_db_exec(db, "BEGIN") < 0 || cr_db_exec(db, "SELECT count(*) FROM documents") < 0) {
		cr_db_rollback(db);
		return CR_DB_ERROR;
	}
	return 0;
}

void cr_db_read_end(cr_db *db) { cr_db_rollback(db); }

/* An integer a statement returns (a PRAGMA, a count): 0, or db_fail. */
static int query_int(cr_db *db, const char *sql, int *out)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return cr_db_fail(db);
	int step = sqlite3_step(st);
	*out = step == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	int rc = step == SQLITE_ROW || step == SQLITE_DONE ? 0 : cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}

/*
 * What the file holds: its schema version, after checking that it is a
 * corrob store or an empty file. 0, or -1 with the reason in err.
 */
static int check_store(cr_db *db, const char *path, int *version, char *err, size_t errlen)
{
	int app, ntables, docs;
	if (query_int(db, "PRAGMA user_version", version) < 0 || query_int(db, "PRAGMA application_id", &app) < 0 ||
	    query_int(db, "SELECT count(*) FROM sqlite_master", &ntables) < 0 ||
	    query_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents'", &docs) < 0) {
		snprintf(err, errlen, "cannot read %s: %s", path, db->err);
		return -1;
	}
	if ((app != 0 && app != CR_DB_APPLICATION_ID) || (*version == 0 && ntables > 0) || (*version > 0 && !docs)) {
		snprintf(err, errlen,
		         "%s is not a corrob database (it holds %d tables of another program); corrob adds its tables"
		         " only to a new file or to a store of its own", path, ntables);
		return -1;
	}
	if (*version > CR_SCHEMA_VERSION) {
		snprintf(err, errlen, "database schema version %d is newer than this corrob (%d); upgrade corrob",
		         *version, CR_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

/*
 * Brings the schema to CR_SCHEMA_VERSION. The version is read again and
 * every migration applied inside one immediate transaction, so of several
 * processes opening a new store at once one creates it and the others,
 * waiting on the lock (busy timeout), find it made; the first look is one
 * read transaction, so that it never sees half of another's commit.
 */
static int migrate_locked(cr_db *db, const char *path, char *err, size_t errlen);

static int migrate(cr_db *db, const char *path, char *err, size_t errlen)
{
	int version;
	/* one snapshot for the first look: read statement by statement, a store
	 * another process creates meanwhile would show tables and no version */
	if (cr_db_exec(db, "BEGIN") < 0) {
		snprintf(err, errlen, "%s: cannot read the store: %s", path, db->err);
		return -1;
	}
	int rc = check_store(db, path, &version, err, errlen);
	cr_db_rollback(db);
	if (rc < 0)
		return -1;
	if (version == CR_SCHEMA_VERSION)
		return 0;
	/* a migration may rebuild a table others refer to (migrate-006.sql):
	 * with foreign keys on, dropping the old one would cascade to its rows'
	 * sentences and sources; SQLite's own recipe turns them off around the
	 * transaction and checks them before the commit */
	if (cr_db_exec(db, "PRAGMA foreign_keys=OFF") < 0) {
		snprintf(err, errlen, "%s: cannot set up the store: %s", path, db->err);
		return -1;
	}
	rc = migrate_locked(db, path, err, errlen);
	if (cr_db_exec(db, "PRAGMA foreign_keys=ON") < 0 && rc == 0) {
		snprintf(err, errlen, "%s: %s", path, db->err);
		return -1;
	}
	return rc;
}

/* The migrations themselves, in one immediate transaction (see migrate). */
static int migrate_locked(cr_db *db, const char *path, char *err, size_t errlen)
{
	int version;
	if (cr_db_exec(db, "BEGIN IMMEDIATE") < 0) {
		snprintf(err, errlen, "%s: cannot set up the store: %s", path, db->err);
		return -1;
	}
	if (check_store(db, path, &version, err, errlen) < 0) {
		cr_db_rollback(db);
		return -1;
	}
	for (int v = version + 1; v <= CR_SCHEMA_VERSION; v++) {
		char name[64];
		snprintf(name, sizeof name, "store/migrate-%03d.sql", v);
		const char *sql = cr_data_file(name, NULL);
		if (!sql) {
			snprintf(err, errlen, "migration %s is not built in", name);
			cr_db_rollback(db);
			return -1;
		}
		if (cr_db_exec(db, sql) < 0) {
			snprintf(err, errlen, "%s: migrating to schema %d: %s", path, v, db->err);
			cr_db_rollback(db);
			return -1;
		}
	}
	int broken = 0;
	if (query_int(db, "SELECT count(*) FROM pragma_foreign_key_check", &broken) < 0 || broken) {
		snprintf(err, errlen, "%s: migrating to schema %d: %s", path, CR_SCHEMA_VERSION,
		         broken ? "a row refers to a document that is gone" : db->err);
		cr_db_rollback(db);
		return -1;
	}
	char setv[96];
	snprintf(setv, sizeof setv, "PRAGMA user_version = %d; PRAGMA application_id = %d", CR_SCHEMA_VERSION,
	         CR_DB_APPLICATION_ID);
	if (cr_db_exec(db, setv) < 0 || cr_db_exec(db, "COMMIT") < 0) {
		snprintf(err, errlen, "%s: migrating to schema %d: %s", path, CR_SCHEMA_VERSION, db->err);
		cr_db_rollback(db);
		return -1;
	}
	return 0;
}

/*
 * WAL mode, so readers work beside a writer. Switching a new file to it
 * needs the file to itself, and SQLite does not wait for that (two openers
 * waiting on each other would deadlock): it is retried here, for as long as
 * the busy timeout.
 */
static int set_wal(cr_db *db)
{
	for (int waited = 0;; waited += 10) {
		int rc = sqlite3_exec(db->h, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= CR_DB_BUSY_MS)
			return cr_db_fail(db);
		sqlite3_sleep(10);
	}
}

static int prep(cr_db *db, sqlite3_stmt **st, const char *sql)
{
	return sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) == SQLITE_OK ? 0 : cr_db_fail(db);
}

/*
 * Schema 8 dropped the trigger that indexed each sentence as it was
 * inserted: every insert made FTS5 write its pending terms out (the
 * statement's savepoint flushes them), which took about 42% of a run. The
 * sentences stored since fts_first are indexed here in one statement, at
 * the batch's commit, before a search on this connection, or before a
 * delete reaches them (the delete trigger takes from the index what the
 * insert put in, so a row must be in it first).
 */
int cr_db_fts_flush(cr_db *db)
{
	if (!db->fts_first)
		return 0;
	if (!db->fts_index && prep(db, &db->fts_index,
	                           "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id >= ?") < 0)
		return CR_DB_ERROR;
	sqlite3_bind_int64(db->fts_index, 1, db->fts_first);
	if (step_done(db, db->fts_index) < 0)
		return CR_DB_ERROR;
	db->fts_first = 0;
	return 0;
}

/* path as a "file:" URI that opens it immutable (for a read-only folder). */
static void immutable_uri(cr_buf *b, const char *path)
{
	cr_buf_puts(b, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20)
			cr_buf_printf(b, "%%%02X", *p);
		else
			cr_buf_putc(b, (char)*p);
	cr_buf_puts(b, "?immutable=1");
}

/* sha256(text): the hex SHA-256 of a value's bytes, as a document's hash is
 * made (cr_sha256_hex); migrate-006.sql rehashes the stored texts with it. */
static void sql_sha256(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	const void *p = sqlite3_value_blob(argv[0]);
	char hex[CR_SHA256_HEX];
	cr_sha256_hex(p ? p : "", (size_t)sqlite3_value_bytes(argv[0]), hex);
	sqlite3_result_text(cx, hex, -1, SQLITE_TRANSIENT);
}

/* language(text): a text's language code as ingest gives a document's
 * (ingest/lang.h); migrate-007.sql identifies the stored texts with it. */
static void sql_language(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	const char *p = (const char *)sqlite3_value_text(argv[0]);
	char code[CR_LANG_LEN];
	cr_language_of(p ? p : "", (size_t)sqlite3_value_bytes(argv[0]), code);
	sqlite3_result_text(cx, code, -1, SQLITE_TRANSIENT);
}

static int connect(cr_db *db, const char *name, int flags)
{
	if (db->h) {
		sqlite3_close(db->h);
		db->h = NULL;
	}
	int rc = sqlite3_open_v2(name, &db->h, flags, NULL);
	if (db->h) {
		sqlite3_busy_timeout(db->h, CR_DB_BUSY_MS);
		sqlite3_extended_result_codes(db->h, 1);
		if (rc == SQLITE_OK)
			rc = sqlite3_create_function(db->h, "sha256", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_sha256,
			                             NULL, NULL);
		if (rc == SQLITE_OK)
			rc = sqlite3_create_function(db->h, "language", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
			                             sql_language, NULL, NULL);
	}
	return rc;
}

int cr_db_open(cr_db **out, const char *path, bool readonly, char *err, size_t errlen)
{
	*out = NULL;
	if (!*path || strcmp(path, ":memory:") == 0) {
		snprintf(err, errlen, "the store must be a file: '%s' keeps nothing", path);
		return -1;
	}
	/* a write-ahead log without its database belongs to a database that was
	 * deleted: replaying it into a new file would corrupt that file */
	char wal[4096];
	snprintf(wal, sizeof wal, "%s-wal", path);
	struct stat wsb;
	bool has_wal = stat(wal, &wsb) == 0;
	if (access(path, F_OK) != 0 && has_wal) {
		snprintf(err, errlen, "%s does not exist but %s does (left from a deleted database); remove %s-wal and %s-shm",
		         path, wal, path, path);
		return -1;
	}
	cr_db *db = cr_xcalloc(1, sizeof *db);
	int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (connect(db, path, flags) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", path, db->h ? sqlite3_errmsg(db->h) : "out of memory");
		cr_db_close(db);
		return -1;
	}
	if (!readonly) {
		if (set_wal(db) < 0 || cr_db_exec(db, "PRAGMA synchronous=NORMAL") < 0 ||
		    cr_db_exec(db, "PRAGMA foreign_keys=ON") < 0) {
			snprintf(err, errlen, "%s: %s", path, db->err);
			cr_db_close(db);
			return -1;
		}
		if (migrate(db, path, err, errlen) < 0) {
			cr_db_close(db);
			return -1;
		}
		db->version = CR_SCHEMA_VERSION;
	} else {
		int v;
		int code = query_int(db, "PRAGMA user_version", &v) < 0 ? sqlite3_extended_errcode(db->h) & 0xff : SQLITE_OK;
		if (code == SQLITE_CANTOPEN || code == SQLITE_READONLY) {
			/* a reader that cannot make the shared-memory file (the folder is
			 * read-only) reads the file as it is, when no log holds more */
			if (has_wal && wsb.st_size > 0) {
				snprintf(err, errlen,
				         "cannot read %s: its folder cannot be written and its write-ahead log %s holds changes"
				         " that only a writer can fold in (run any corrob command that writes, once, where it can)",
				         path, wal);
				cr_db_close(db);
				return -1;
			}
			cr_buf uri = {0};
			immutable_uri(&uri, path);
			int rc = connect(db, uri.data, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
			cr_buf_free(&uri);
			if (rc != SQLITE_OK) {
				snprintf(err, errlen, "cannot open database %s: %s", path,
				         db->h ? sqlite3_errmsg(db->h) : "out of memory");
				cr_db_close(db);
				return -1;
			}
		}
		if (check_store(db, path, &db->version, err, errlen) < 0) {
			cr_db_close(db);
			return -1;
		}
		if (db->version < CR_SCHEMA_MIN_READ) {
			snprintf(err, errlen, "%s %s (schema %d); run a corrob command that writes (corrob ingest) on it once",
			         path, db->version ? "is an older store" : "is empty: not a corrob database", db->version);
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
	sqlite3_stmt *all[] = {db->put_doc, db->find_doc, db->put_para, db->put_sent, db->del_para, db->del_sent,
	                       db->put_file, db->get_file, db->get_size, db->put_docsrc, db->set_pub, db->fts_index,
	                       db->fts_pending};
	for (size_t i = 0; i < CR_ARRAY_LEN(all); i++)
		sqlite3_finalize(all[i]);
	sqlite3_close(db->h);
	free(db);
}

static int note_doc_source(cr_db *db, int64_t id, const cr_document *d)
{
	if (!db->put_docsrc && prep(db, &db->put_docsrc,
	                            "INSERT OR IGNORE INTO document_sources(doc_id, path, url, outlet, title,"
	                            " warc_record_id, warc_date) VALUES (?,?,?,?,?,?,?)") < 0)
		return -1;
	sqlite3_stmt *st = db->put_docsrc;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, d->path);
	bind_text(st, 3, d->url);
	bind_text(st, 4, d->outlet);
	bind_text(st, 5, d->title);
	bind_text(st, 6, d->warc_record_id);
	bind_text(st, 7, d->warc_date);
	return step_done(db, st);
}

/*
 * The stored document whose clean text is d's, found by its hash and then
 * compared byte for byte: a text that only shares the hash is another
 * document. 1 with *id set, 0 when there is none, or CR_DB_ERROR.
 */
static int find_same_text(cr_db *db, const cr_document *d, int64_t *id)
{
	sqlite3_stmt *st = db->find_doc;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, d->hash, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const void *text = sqlite3_column_blob(st, 1);
		size_t n = (size_t)sqlite3_column_bytes(st, 1);
		if (n == d->len && (n == 0 || memcmp(text, d->text, n) == 0)) {
			*id = sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			return 1;
		}
	}
	int ret = rc == SQLITE_DONE ? 0 : cr_db_fail(db);
	sqlite3_reset(st);
	return ret;
}

int cr_db_put_document(cr_db *db, const cr_document *d, int64_t *id)
{
	if (!db->find_doc && (prep(db, &db->find_doc, "SELECT id, text FROM documents WHERE hash = ? ORDER BY id") < 0 ||
	                      prep(db, &db->put_doc,
	                           "INSERT INTO documents(hash, path, url, title, outlet, byline, published_earliest,"
	                           " published_latest, published_inferred, text, srcmap, warc_record_id, warc_date, lang)"
	                           " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)") < 0))
		return -1;
	int found = find_same_text(db, d, id);
	if (found < 0)
		return -1;
	if (found)
		return note_doc_source(db, *id, d) < 0 ? -1 : 0;
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
	bind_text(st, 12, d->warc_record_id);
	bind_text(st, 13, d->warc_date);
	bind_text(st, 14, d->lang[0] ? d->lang : NULL);
	if (step_done(db, st) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db->h);
	return note_doc_source(db, *id, d) < 0 ? -1 : 1;
}

/* 1 when a sentence of doc_id waits to be indexed, 0 when none, or db_fail. */
static int has_pending_sentences(cr_db *db, int64_t doc_id)
{
	if (!db->fts_pending &&
	    prep(db, &db->fts_pending, "SELECT 1 FROM sentences WHERE doc_id = ? AND id >= ? LIMIT 1") < 0)
		return CR_DB_ERROR;
	sqlite3_stmt *st = db->fts_pending;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int64(st, 2, db->fts_first);
	int step = sqlite3_step(st);
	int rc = step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : cr_db_fail(db);
	sqlite3_reset(st);
	return rc;
}

static int put_segments(cr_db *db, int64_t doc_id, const char *text, const cr_span *paras, size_t npara,
                        const cr_span *sents, const uint32_t *sent_para, size_t nsent)
{
	if (!db->put_para && (prep(db, &db->del_para, "DELETE FROM paragraphs WHERE doc_id = ?") < 0 ||
	                      prep(db, &db->del_sent, "DELETE FROM sentences WHERE doc_id = ?") < 0 ||
	                      prep(db, &db->put_para, "INSERT INTO paragraphs VALUES (?,?,?,?)") < 0 ||
	                      prep(db, &db->put_sent,
	                           "INSERT INTO sentences(doc_id, idx, paragraph, start, \"end\", text)"
	                           " VALUES (?,?,?,?,?,?)") < 0))
		return -1;
	/* sentences of this document stored earlier in the batch are indexed
	 * before they are deleted (see cr_db_fts_flush) */
	if (db->fts_first) {
		int pending = has_pending_sentences(db, doc_id);
		if (pending < 0 || (pending && cr_db_fts_flush(db) < 0))
			return -1;
	}
	sqlite3_stmt *dels[] = {db->del_para, db->del_sent};
	for (int k = 0; k < 2; k++) {
		sqlite3_reset(dels[k]);
		sqlite3_bind_int64(dels[k], 1, doc_id);
		if (sqlite3_step(dels[k]) != SQLITE_DONE)
			return cr_db_fail(db);
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
			return cr_db_fail(db);
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
			return cr_db_fail(db);
		if (!db->fts_first)
			db->fts_first = sqlite3_last_insert_rowid(db->h);
	}
	return 0;
}

/* Outside a batch, the sentences and their index are one transaction of
 * their own, so that no committed sentence is ever missing from the index. */
int cr_db_put_segments(cr_db *db, int64_t doc_id, const char *text, const cr_span *paras, size_t npara,
                       const cr_span *sents, const uint32_t *sent_para, size_t nsent)
{
	bool own = sqlite3_get_autocommit(db->h) != 0;
	if (own && cr_db_begin(db) < 0)
		return -1;
	int rc = put_segments(db, doc_id, text, paras, npara, sents, sent_para, nsent);
	if (own && rc == 0)
		rc = cr_db_commit(db);
	if (own && rc < 0)
		cr_db_rollback(db);
	return rc < 0 ? -1 : 0;
}

int cr_db_note_file(cr_db *db, const char *hash, int64_t size, const char *path)
{
	if (!db->put_file && prep(db, &db->put_file, "INSERT OR REPLACE INTO files_read(hash, size, path) VALUES (?,?,?)") < 0)
		return -1;
	sqlite3_stmt *st = db->put_file;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, size);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_TRANSIENT);
	return step_done(db, st);
}

/* Steps a statement that yields a row or none: 1, 0, or db_fail. */
static int step_exists(cr_db *db, sqlite3_stmt *st)
{
	int step = sqlite3_step(st);
	int rc = step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : cr_db_fail(db);
	sqlite3_reset(st);
	return rc;
}

int cr_db_file_seen(cr_db *db, const char *hash, int64_t size)
{
	if (!db->get_file && prep(db, &db->get_file, "SELECT 1 FROM files_read WHERE hash = ? AND size = ?") < 0)
		return -1;
	sqlite3_reset(db->get_file);
	sqlite3_bind_text(db->get_file, 1, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(db->get_file, 2, size);
	return step_exists(db, db->get_file);
}

int cr_db_file_size_known(cr_db *db, int64_t size)
{
	if (!db->get_size && prep(db, &db->get_size, "SELECT 1 FROM files_read WHERE size = ? LIMIT 1") < 0)
		return -1;
	sqlite3_reset(db->get_size);
	sqlite3_bind_int64(db->get_size, 1, size);
	return step_exists(db, db->get_size);
}

int cr_db_set_published(cr_db *db, int64_t doc_id, cr_dayrange r, bool inferred)
{
	if (!db->set_pub && prep(db, &db->set_pub,
	                         "UPDATE documents SET published_earliest=?, published_latest=?, published_inferred=?"
	                         " WHERE id=?") < 0)
		return -1;
	sqlite3_stmt *st = db->set_pub;
	sqlite3_reset(st);
	bind_day(st, 1, r.earliest);
	bind_day(st, 2, r.latest);
	sqlite3_bind_int(st, 3, inferred);
	sqlite3_bind_int64(st, 4, doc_id);
	return step_done(db, st);
}
