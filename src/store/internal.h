/*
 * internal.h: what the store's files (db.c, docs.c, ledger.c) share and no
 * other layer sees — the handle with its SQLite connection, the recorded
 * error, and the helpers that bind and read columns.
 */
#ifndef CR_STORE_INTERNAL_H
#define CR_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "store/db.h"

struct cr_db {
	sqlite3 *h;
	sqlite3_stmt *put_doc, *find_doc, *put_para, *put_sent, *del_para, *del_sent;
	sqlite3_stmt *put_file, *get_file, *get_size, *put_docsrc, *set_pub;
	sqlite3_stmt *fts_index, *fts_pending;  /* batched indexing (cr_db_fts_flush) */
	int64_t fts_first;      /* the first sentence id not yet indexed, 0 when none */
	int version;            /* the schema version of the file */
	char err[512];          /* the last failure's message: cr_db_errmsg */
};

/* Runs SQL with no results; 0, or CR_DB_ERROR with the message recorded. */
int cr_db_exec(cr_db *db, const char *sql);

/* Indexes for full-text search the sentences stored since the last flush
 * (schema 8 has no insert trigger: a batch is indexed once, at its commit,
 * or before a search or a delete that must see it); 0 or db_fail. */
int cr_db_fts_flush(cr_db *db);

/* "crrb": the application id corrob sets in the stores it makes. */
#define CR_DB_APPLICATION_ID 0x63727262
/* How long a writer waits for another to finish (the busy timeout). */
#define CR_DB_BUSY_MS 60000
/* The oldest schema the readers can read (document sources, mention counts). */
#define CR_SCHEMA_MIN_READ 3

/* Records the message for the failure just seen (with the system's reason
 * for an I/O failure, and what a lock waited for); returns CR_DB_ERROR. */
int cr_db_fail(cr_db *db);

/* Prepares a statement used once (finalized by the caller); 0 or db_fail. */
static inline int db_prepare(cr_db *db, sqlite3_stmt **st, const char *sql)
{
	*st = NULL;
	return sqlite3_prepare_v2(db->h, sql, -1, st, NULL) == SQLITE_OK ? 0 : cr_db_fail(db);
}

/* Steps a statement that returns no rows and resets it; 0 or db_fail. */
static inline int step_done(cr_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : cr_db_fail(db);
	sqlite3_reset(st);
	return rc;
}

/* Binds s, or NULL when s is. */
static inline void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Binds a day as "YYYY-MM-DD", or NULL for CR_DAY_NONE. */
static inline void bind_day(sqlite3_stmt *st, int i, int32_t day)
{
	if (day == CR_DAY_NONE) {
		sqlite3_bind_null(st, i);
		return;
	}
	char s[11];
	cr_day_format(day, s);
	sqlite3_bind_text(st, i, s, 10, SQLITE_TRANSIENT);
}

/* A text column, NULL when SQL NULL; valid until the next step or reset. */
static inline const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* A "YYYY-MM-DD" column as a day; CR_DAY_NONE when NULL or not a date. */
static inline int32_t col_day(sqlite3_stmt *st, int i)
{
	const char *s = col_text(st, i);
	int32_t d;
	return s && strlen(s) >= 10 && cr_day_parse(s, &d) ? d : CR_DAY_NONE;
}

#endif
