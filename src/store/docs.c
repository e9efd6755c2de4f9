/*
 * docs.c: stored documents read back (every one for a run or a listing, one
 * named by id, path, URL or hash prefix for `show`), the sources that
 * printed them, and full-text search over their sentences (FTS5, ranked by
 * bm25; the query as typed is read by query.c). See db.h.
 */
#include "store/internal.h"

#include <stdlib.h>

/* The columns of a cr_db_document, in row_document's order. */
#define DOCUMENT_COLUMNS                                                                                            \
	"d.id, d.hash, d.path, d.url, d.title, d.outlet, d.byline, d.published_earliest, d.published_latest,"        \
	" d.published_inferred, d.text, length(d.text), (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id),"   \
	" d.warc_record_id, d.warc_date, d.lang"

static void row_document(sqlite3_stmt *st, cr_db_document *d)
{
	d->id = sqlite3_column_int64(st, 0);
	d->hash = col_text(st, 1);
	d->path = col_text(st, 2);
	d->url = col_text(st, 3);
	d->title = col_text(st, 4);
	d->outlet = col_text(st, 5);
	d->byline = col_text(st, 6);
	d->published = (cr_dayrange){col_day(st, 7), col_day(st, 8)};
	d->published_inferred = sqlite3_column_int(st, 9) != 0;
	d->text = col_text(st, 10);
	d->len = (size_t)sqlite3_column_bytes(st, 10);
	if (!d->text)
		d->text = "", d->len = 0;
	d->nchars = (size_t)sqlite3_column_int64(st, 11);
	d->nsentences = (size_t)sqlite3_column_int64(st, 12);
	d->warc_record_id = col_text(st, 13);
	d->warc_date = col_text(st, 14);
	d->lang = col_text(st, 15);
}

int cr_db_each_document(cr_db *db, cr_db_document_cb cb, void *ud)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "SELECT " DOCUMENT_COLUMNS " FROM documents d ORDER BY d.id") < 0)
		return CR_DB_ERROR;
	int step = SQLITE_DONE, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		cr_db_document d;
		row_document(st, &d);
		rc = cb(ud, &d);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}

/* A document with this id is stored: 0, CR_DB_NOTFOUND or CR_DB_ERROR. */
static int document_exists(cr_db *db, int64_t id)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "SELECT 1 FROM documents WHERE id = ?") < 0)
		return CR_DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	int rc = step == SQLITE_ROW ? 0 : step == SQLITE_DONE ? CR_DB_NOTFOUND : cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}

/* The documents st names (bound by the caller): one into *id, else
 * CR_DB_NOTFOUND, or CR_DB_AMBIGUOUS naming the first few. Finalizes st. */
static int only_match(cr_db *db, sqlite3_stmt *st, int64_t *id, const char *ref)
{
	int64_t ids[6];
	size_t n = 0;
	int step;
	while (n < CR_ARRAY_LEN(ids) && (step = sqlite3_step(st)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	int rc = n == 1 ? 0 : n == 0 ? CR_DB_NOTFOUND : CR_DB_AMBIGUOUS;
	if (n < CR_ARRAY_LEN(ids) && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	if (rc == 0)
		*id = ids[0];
	if (rc == CR_DB_AMBIGUOUS) {
		int k = snprintf(db->err, sizeof db->err, "'%.100s' is ambiguous: it names", ref);
		for (size_t i = 0; i < n && i < 5 && k > 0 && (size_t)k < sizeof db->err; i++)
			k += snprintf(db->err + k, sizeof db->err - (size_t)k, "%s d%lld", i ? "," : "", (long long)ids[i]);
		if (n > 5 && k > 0 && (size_t)k < sizeof db->err)
			snprintf(db->err + k, sizeof db->err - (size_t)k, " and more");
	}
	return rc;
}

int cr_db_find_document(int64_t *id, cr_db *db, const char *ref)
{
	if (!*ref)
		return CR_DB_NOTFOUND;
	const char *p = ref[0] == 'd' ? ref + 1 : ref;
	if (*p && strspn(p, "0123456789") == strlen(p)) {
		/* an id, "d3" or "3" */
		long long v = strlen(p) < 19 ? strtoll(p, NULL, 10) : 0;
		if (v <= 0)
			return CR_DB_NOTFOUND;
		*id = v;
		return document_exists(db, v);
	}
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "SELECT id FROM documents WHERE path = ?1 OR url = ?1 ORDER BY id") < 0)
		return CR_DB_ERROR;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	int rc = only_match(db, st, id, ref);
	if (rc != CR_DB_NOTFOUND)
		return rc;
	/* a prefix of the hash: hex digits only, so no pattern character reaches SQL */
	char hex[CR_SHA256_HEX];
	size_t n = strlen(ref);
	if (n >= sizeof hex)
		return CR_DB_NOTFOUND;
	for (size_t i = 0; i < n; i++) {
		int c = cr_lower((unsigned char)ref[i]);
		if (!cr_is_digit(c) && (c < 'a' || c > 'f'))
			return CR_DB_NOTFOUND;
		hex[i] = (char)c;
	}
	hex[n] = 0;
	if (db_prepare(db, &st, "SELECT id FROM documents WHERE hash >= ?1 AND hash < ?1 || 'g' ORDER BY id") < 0)
		return CR_DB_ERROR;
	sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
	return only_match(db, st, id, ref);
}

static const char *dup_or_null(const char *s)
{
	return s ? cr_xstrdup(s) : NULL;
}

int cr_db_read_document(cr_db_document *out, cr_db *db, int64_t id)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "SELECT " DOCUMENT_COLUMNS " FROM documents d WHERE d.id = ?") < 0)
		return CR_DB_ERROR;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st), rc = CR_DB_NOTFOUND;
	if (step == SQLITE_ROW) {
		cr_db_document d;
		row_document(st, &d);
		*out = d;
		out->hash = dup_or_null(d.hash);
		out->path = dup_or_null(d.path);
		out->url = dup_or_null(d.url);
		out->title = dup_or_null(d.title);
		out->outlet = dup_or_null(d.outlet);
		out->byline = dup_or_null(d.byline);
		out->warc_record_id = dup_or_null(d.warc_record_id);
		out->warc_date = dup_or_null(d.warc_date);
		out->lang = dup_or_null(d.lang);
		out->text = cr_xstrndup(d.text, d.len);
		rc = 0;
	} else if (step != SQLITE_DONE) {
		rc = cr_db_fail(db);
	}
	sqlite3_finalize(st);
	return rc;
}

void cr_db_document_clear(cr_db_document *d)
{
	const char *owned[] = {d->hash, d->path, d->url, d->title, d->outlet, d->byline, d->warc_record_id, d->warc_date,
	                       d->lang, d->text};
	for (size_t i = 0; i < CR_ARRAY_LEN(owned); i++)
		free((char *)owned[i]);
	memset(d, 0, sizeof *d);
}

int cr_db_each_document_source(cr_db *db, cr_db_document_source_cb cb, void *ud)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st,
	               "SELECT doc_id, nullif(outlet, ''), url, path FROM document_sources ORDER BY doc_id, rowid") < 0)
		return CR_DB_ERROR;
	int step = SQLITE_DONE, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		cr_db_document_source s = {sqlite3_column_int64(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3)};
		rc = cb(ud, &s);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}

int cr_db_search(cr_db *db, const char *query, const char *mark_open, const char *mark_close, int limit,
                 cr_db_hit_cb cb, void *ud)
{
	cr_buf expr = {0};
	if (cr_db_search_expression(&expr, query) < 0) {
		snprintf(db->err, sizeof db->err,
		         "'%.200s' holds no word to search for (a word, a \"phrase\" or a prefix*; -word only leaves one out)",
		         query);
		cr_buf_free(&expr);
		return CR_DB_EQUERY;
	}
	sqlite3_stmt *st;
	/* inside a batch, its sentences are indexed before they are searched */
	if (cr_db_fts_flush(db) < 0 ||
	    db_prepare(db, &st,
	               "SELECT s.doc_id, s.idx, d.published_earliest, coalesce(d.outlet, d.path),"
	               " snippet(sentences_fts, 0, ?2, ?3, '…', 40)"
	               " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
	               " JOIN documents d ON d.id = s.doc_id"
	               " WHERE sentences_fts MATCH ?1 ORDER BY bm25(sentences_fts), s.id LIMIT ?4") < 0) {
		cr_buf_free(&expr);
		return CR_DB_ERROR;
	}
	sqlite3_bind_text(st, 1, expr.data, (int)expr.len, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, mark_open, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, mark_close, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, limit);
	int step = SQLITE_DONE, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		cr_db_hit h = {sqlite3_column_int64(st, 0), (size_t)sqlite3_column_int64(st, 1), col_day(st, 2),
		               col_text(st, 3), col_text(st, 4)};
		rc = cb(ud, &h);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	cr_buf_free(&expr);
	return rc;
}
