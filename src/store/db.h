/*
 * db.h: the SQLite store — one file, WAL mode, schema versioned with
 * PRAGMA user_version and migrated forward from data/store/migrate-NNN.sql.
 *
 * Writers batch their work in transactions (cr_db_begin/commit): a batch
 * that was committed survives a crash; one that was not leaves no trace.
 * Readers (search, show) keep working while an ingest writes (WAL).
 */
#ifndef CR_DB_H
#define CR_DB_H

#include <sqlite3.h>

#include "ingest/document.h"

typedef struct cr_db cr_db;

#define CR_SCHEMA_VERSION 3

/* Opens (creating and migrating when writable) the store at path. 0, or -1
 * with a message in err. The caller closes with cr_db_close. */
int cr_db_open(cr_db **out, const char *path, bool readonly, char *err, size_t errlen);
void cr_db_close(cr_db *db);
sqlite3 *cr_db_sqlite(cr_db *db);
const char *cr_db_errmsg(cr_db *db);

int cr_db_begin(cr_db *db);
int cr_db_commit(cr_db *db);
void cr_db_rollback(cr_db *db);
/* Runs SQL with no results; 0 or -1. */
int cr_db_exec(cr_db *db, const char *sql);

/*
 * Stores a document unless one with the same hash exists. Sets *id to its row
 * id. Either way its source (path, URL, outlet) is recorded, so an article
 * printed by several outlets counts each. Returns 1 when stored, 0 when it was
 * already there, -1 on error.
 */
int cr_db_put_document(cr_db *db, const cr_document *d, int64_t *id);
/* Stores paragraph and sentence spans of a document (replacing any). */
int cr_db_put_segments(cr_db *db, int64_t doc_id, const char *text, const cr_span *paras, size_t npara,
                       const cr_span *sents, const uint32_t *sent_para, size_t nsent);
/* Records that a source file was read (for resuming). */
int cr_db_note_source(cr_db *db, const char *path, int64_t size, int64_t mtime, int64_t doc_id);
/* True when path with this size and mtime was read before. */
bool cr_db_source_seen(cr_db *db, const char *path, int64_t size, int64_t mtime);
/* Sets a document's publication interval (inferred or not). */
int cr_db_set_published(cr_db *db, int64_t doc_id, cr_dayrange r, bool inferred);

#endif
