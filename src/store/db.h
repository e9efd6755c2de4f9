/*
 * db.h: the SQLite store — one file, WAL mode, schema versioned with
 * PRAGMA user_version and migrated forward from data/store/migrate-NNN.sql.
 *
 * Every SQL statement corrob runs is behind this header: db.c opens and
 * migrates the store and writes what ingest reads; docs.c reads documents
 * back and searches their sentences (query.c reads a query as typed into
 * FTS5's syntax); ledger.c writes the results of a run and reads them
 * back. No other layer sees a sqlite3 handle, and the store renders
 * nothing: it hands back rows, the CLI prints them.
 *
 * Writers batch their work in transactions (cr_db_begin/commit): a batch
 * that was committed survives a crash; one that was not leaves no trace.
 * A writer waits up to a minute for another to finish (busy timeout), then
 * fails saying so. Readers (search, show, report) never take the write
 * lock: they keep working while an ingest writes (WAL), and on a store in a
 * folder they cannot write. A file that is not a corrob store (another
 * program's database) is refused, never added to.
 *
 * Errors: a fallible function returns 0 (or the positive result it names)
 * or a negative CR_DB_* code; cr_db_errmsg then says what went wrong.
 * Readers hand each row to a callback: the row's strings belong to the
 * store and last until the callback returns. A callback returning non-zero
 * stops the walk, and the walk returns that value.
 */
#ifndef CR_DB_H
#define CR_DB_H

#include "ingest/document.h"
#include "resolve/resolve.h"

typedef struct cr_db cr_db;

#define CR_SCHEMA_VERSION 8

enum {
	CR_DB_ERROR = -1,     /* SQLite failed; cr_db_errmsg has its message */
	CR_DB_NOTFOUND = -2,  /* no such document */
	CR_DB_EQUERY = -3,    /* a search query was refused as it ran (FTS5 syntax) */
	CR_DB_AMBIGUOUS = -4, /* a reference names several documents; cr_db_errmsg lists them */
};

/* Opens (creating and migrating when writable) the store at path. 0, or -1
 * with a message in err: not a corrob store, a schema newer than this
 * corrob, a path that keeps nothing ("", ":memory:"). Creating and
 * migrating the schema is one immediate transaction. The caller closes
 * with cr_db_close. */
int cr_db_open(cr_db **out, const char *path, bool readonly, char *err, size_t errlen);
void cr_db_close(cr_db *db);
/* The message of the last failure ("" when none); owned by the store, valid
 * until its next failure or cr_db_close. */
const char *cr_db_errmsg(const cr_db *db);

int cr_db_begin(cr_db *db);
int cr_db_commit(cr_db *db);
void cr_db_rollback(cr_db *db);
/* A read transaction: every read until cr_db_read_end sees the store as it
 * was at cr_db_read_begin, whatever a writer commits meanwhile. */
int cr_db_read_begin(cr_db *db);
void cr_db_read_end(cr_db *db);

/* ---- what ingest writes (db.c) ------------------------------------------ */

/*
 * Stores a document unless one with the same clean text exists (found by its
 * hash, then compared byte for byte: a different text that shares the hash is
 * stored as a document of its own). Sets *id to its row
 * id. Either way its source (path, URL, outlet) is recorded, so an article
 * printed by several outlets counts each. Returns 1 when stored, 0 when it was
 * already there, -1 on error.
 */
int cr_db_put_document(cr_db *db, const cr_document *d, int64_t *id);
/* Stores paragraph and sentence spans of a document (replacing any). The
 * sentences are indexed for search at the batch's commit, or before a
 * search inside the batch (cr_db_search finds them either way); outside a
 * batch, this is a transaction of its own. */
int cr_db_put_segments(cr_db *db, int64_t doc_id, const char *text, const cr_span *paras, size_t npara,
                       const cr_span *sents, const uint32_t *sent_para, size_t nsent);
/* Records that a file with this content (hash, size) was read whole, every
 * record of it stored: call it in the transaction of its last document. */
int cr_db_note_file(cr_db *db, const char *hash, int64_t size, const char *path);
/* 1 when a file with this content was read whole before, 0 when not, or CR_DB_ERROR. */
int cr_db_file_seen(cr_db *db, const char *hash, int64_t size);
/* 1 when some file of this size was read before (only then is a file's
 * hash needed before reading it), 0 when none, or CR_DB_ERROR. */
int cr_db_file_size_known(cr_db *db, int64_t size);
/* Sets a document's publication interval (inferred or not). */
int cr_db_set_published(cr_db *db, int64_t doc_id, cr_dayrange r, bool inferred);

/* ---- documents and search (docs.c) -------------------------------------- */

/* A stored document. Strings are NULL when not stored (text is never NULL). */
typedef struct cr_db_document {
	int64_t id;             /* "d<id>" */
	const char *hash, *path, *url, *title, *outlet, *byline;
	const char *warc_record_id, *warc_date;   /* the WARC record it was read from, or NULL */
	const char *lang;       /* its language (ingest/lang.h): "en", "ru", "und"; NULL only if unknown */
	cr_dayrange published;  /* CR_DAY_NONE ends when undated */
	bool published_inferred;
	const char *text;       /* the clean text, len bytes and a NUL */
	size_t len;
	size_t nchars;          /* the text's length in characters (SQLite's length()) */
	size_t nsentences;      /* sentences stored for it */
} cr_db_document;

typedef int (*cr_db_document_cb)(void *ud, const cr_db_document *d);

/* Hands every stored document to cb, in id order. 0, cb's non-zero value,
 * or CR_DB_ERROR. */
int cr_db_each_document(cr_db *db, cr_db_document_cb cb, void *ud);

/*
 * The id of the document ref names: "d3" or "3", else a path or a URL, else
 * a prefix of its hash (hex digits). 0, CR_DB_NOTFOUND (also for an empty
 * ref), CR_DB_AMBIGUOUS when it names several (cr_db_errmsg lists them) or
 * CR_DB_ERROR.
 */
int cr_db_find_document(int64_t *id, cr_db *db, const char *ref);

/* Reads document id into *out, whose strings the caller frees with
 * cr_db_document_clear. 0, CR_DB_NOTFOUND or CR_DB_ERROR. */
int cr_db_read_document(cr_db_document *out, cr_db *db, int64_t id);
void cr_db_document_clear(cr_db_document *d);

/* A source that printed a stored document (an article several outlets
 * printed has several). */
typedef struct cr_db_document_source {
	int64_t doc_id;
	const char *outlet;     /* NULL when unknown or empty */
	const char *url, *path; /* NULL when unknown */
} cr_db_document_source;

typedef int (*cr_db_document_source_cb)(void *ud, const cr_db_document_source *s);

/* Hands every document source to cb, by document id, then in the order they
 * were recorded. 0, cb's non-zero value, or CR_DB_ERROR. */
int cr_db_each_document_source(cr_db *db, cr_db_document_source_cb cb, void *ud);

/* A sentence that matches a search. */
typedef struct cr_db_hit {
	int64_t doc_id;
	size_t sentence;        /* its index in the document */
	int32_t published;      /* the document's earliest publication day, or CR_DAY_NONE */
	const char *source;     /* the document's outlet, else its path; NULL when neither */
	const char *snippet;    /* the words around the matches, each match between mark_open and mark_close */
} cr_db_hit;

typedef int (*cr_db_hit_cb)(void *ud, const cr_db_hit *h);

/*
 * Full-text search of the stored sentences for a query as people type it
 * (cr_db_search_expression): the best limit hits, by rank, handed to cb.
 * 0, cb's non-zero value, CR_DB_EQUERY when the query holds no word to
 * search for (cr_db_errmsg says so), or CR_DB_ERROR.
 */
int cr_db_search(cr_db *db, const char *query, const char *mark_open, const char *mark_close, int limit,
                 cr_db_hit_cb cb, void *ud);
/*
 * A query as people type it — words, "phrases", prefix*, OR, AND, -word or
 * NOT word, brackets, anything else as plain text — appended to out as an
 * FTS5 expression that parses, every word quoted and each also looked for
 * in its other spellings (data/lexicon/name-variants.tsv: theatre,
 * theater). 0, or CR_DB_EQUERY when it holds no word ("*", "-"). query.c
 * says how each form is read.
 */
int cr_db_search_expression(cr_buf *out, const char *query);

/* ---- the results of a run (ledger.c) ------------------------------------ */

/*
 * Replaces the stored results (entities, events, claims, findings) with the
 * ledger's, records the publication dates inferred for its documents and
 * which documents the results are of, in one transaction: on failure
 * nothing changes. 0 or CR_DB_ERROR.
 */
int cr_db_store_ledger(cr_db *db, const cr_ledger *l);

/* How many documents the stored results were made from and how many are
 * stored now (*of is -1 when that is not recorded: results from before
 * schema 4, or none). 0 or CR_DB_ERROR. */
int cr_db_results_age(cr_db *db, int64_t *of, int64_t *now);

/* A stored claim. Strings are NULL when not stored. */
typedef struct cr_db_claim {
	const char *id;         /* "c1" */
	int64_t doc_id;
	const char *subject_name, *predicate, *value_text, *modality;
	const char *attribution; /* "Ukrainian authorities said" */
	const char *quote;       /* the evidence */
} cr_db_claim;

/* Which claims: each field NULL for any. doc is "d3" or "3"; entity names
 * the subject or the value by its name or any alias, or a part of one: the
 * claims about (or naming) each entity with a name or alias of which a word
 * starts what entity holds ("Mizintsev", "mikhail miz", "Butcher"; ASCII case
 * ignored, a hyphen as a space). */
typedef struct cr_db_claim_filter {
	const char *doc, *predicate, *entity;
} cr_db_claim_filter;

typedef int (*cr_db_claim_cb)(void *ud, const cr_db_claim *c);

/* Hands the stored claims that pass f to cb, in id order. 0, cb's non-zero
 * value, or CR_DB_ERROR. */
int cr_db_each_claim(cr_db *db, const cr_db_claim_filter *f, cr_db_claim_cb cb, void *ud);

/* A name and how many rows have it. */
typedef struct cr_db_count {
	const char *name;
	int64_t n;
} cr_db_count;

typedef int (*cr_db_count_cb)(void *ud, const cr_db_count *c);

/* Hands each predicate of the stored claims that pass f to cb with the
 * number of them, the most frequent first (then by name). 0, cb's non-zero
 * value, or CR_DB_ERROR. */
int cr_db_each_claim_predicate(cr_db *db, const cr_db_claim_filter *f, cr_db_count_cb cb, void *ud);

/* A stored entity. */
typedef struct cr_db_entity {
	const char *id, *type, *name;
	const char *aliases_json;   /* a JSON array of strings, as stored */
	const char *documents_json; /* a JSON array of document ids ("d3"), as stored */
	int64_t mentions;
} cr_db_entity;

typedef int (*cr_db_entity_cb)(void *ud, const cr_db_entity *e);

/* Hands the stored entities to cb, in id order; with doc ("d3" or "3"), only
 * those of that document. 0, cb's non-zero value, or CR_DB_ERROR. */
int cr_db_each_entity(cr_db *db, const char *doc, cr_db_entity_cb cb, void *ud);

/* A stored event. */
typedef struct cr_db_event {
	const char *id, *type, *label;
	const char *place;          /* its place's name, NULL when none */
	cr_dayrange time;           /* CR_DAY_NONE ends when undated */
	const char *documents_json; /* a JSON array of document ids ("d3"), as stored */
} cr_db_event;

typedef int (*cr_db_event_cb)(void *ud, const cr_db_event *v);

/* Hands the stored events to cb, in id order. 0, cb's non-zero value, or
 * CR_DB_ERROR. */
int cr_db_each_event(cr_db *db, cr_db_event_cb cb, void *ud);

/* A stored finding (../shared/CONTRACT.md). */
typedef struct cr_db_finding {
	const char *id, *kind;
	const char *subject, *subject_name; /* "v2" and its label, or "e3" and its name */
	const char *predicate;
	const char *claims_json;            /* a JSON array of claim ids ("c4"), as stored */
	int64_t outlets, originators;
	const char *explanation;
} cr_db_finding;

typedef int (*cr_db_finding_cb)(void *ud, const cr_db_finding *f);

/* Hands the stored findings to cb, in id order; with kind ("conflict"),
 * only those of that kind. 0, cb's non-zero value, or CR_DB_ERROR. */
int cr_db_each_finding(cr_db *db, const char *kind, cr_db_finding_cb cb, void *ud);

#endif
