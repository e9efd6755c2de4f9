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
	sqlite3_stmt *put_src, *get_src, *put_docsrc;
	char err[512];          /* the last failure's message: cr_db_errmsg */
};

/* Runs SQL with no results; 0, or CR_DB_ERROR with the message recorded. */
int cr_db_exec(cr_db *db, const char *sql);

/* Records SQLite's message for the failure just seen; returns CR_DB_ERROR. */
static inline int db_fail(cr_db *db)
{
	snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(db->h));
	return CR_DB_ERROR;
}

/* Prepares a statement used once (finalized by the caller); 0 or db_fail. */
static inline int db_prepare(cr_db *db, sqlite3_stmt **st, const char *sql)
{
	*st = NULL;
	return sqlite3_prepare_v2(db->h, sql, -1, st, NULL) == SQLITE_OK ? 0 : db_fail(db);
}

/* Steps a statement that returns no rows and resets it; 0 or db_fail. */
static inline int step_done(cr_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db);
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
