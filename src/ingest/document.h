/*
 * document.h: what ingest produces — one news article as clean text plus
 * what is known about it (path or URL, title, outlet, publication date) and
 * a map from the clean text back to the raw source.
 *
 * Clean text is the article body with site furniture removed (boilerplate.c),
 * paragraphs separated by a blank line, valid UTF-8. A document's identity is
 * its clean text, found by its SHA-256 and compared byte for byte by the store,
 * so the same article ingested twice is stored once.
 */
#ifndef CR_DOCUMENT_H
#define CR_DOCUMENT_H

#include "util/util.h"
#include "util/date.h"
#include "ingest/lang.h"

#include <stdio.h>

/* One retained piece of the source: clean[clean_start, +len) == raw[raw_start, +len). */
typedef struct cr_srcmap {
	uint32_t clean_start, raw_start, len;
} cr_srcmap;

typedef struct cr_document {
	char *path;        /* file path, "-" for stdin, or NULL */
	char *url;         /* NULL when unknown */
	char *title, *outlet, *byline;
	char *warc_record_id, *warc_date;   /* the WARC record it came from (WARC-Record-ID, WARC-Date), or NULL */
	char *text;        /* clean text, NUL-terminated */
	size_t len;
	cr_dayrange published;   /* CR_DAY_NONE when unknown */
	bool published_inferred;
	char hash[CR_SHA256_HEX];   /* hex SHA-256 of the clean text */
	char lang[CR_LANG_LEN];     /* its language (lang.h): "en", "ru", "und" */
	cr_srcmap *map;
	size_t nmap;
	size_t dropped_lines;    /* boilerplate lines removed */
} cr_document;

void cr_document_free(cr_document *d);

/* The outlet a URL names: its registered domain ("http://news.bbc.co.uk/..."
 * is "bbc.co.uk"), or NULL when it has no host. The caller frees it. */
char *cr_outlet_of_url(const char *url);

/* A publication date: "YYYY-MM-DD", optionally followed by a time
 * ("T12:00:00Z", " 12:00"), which is ignored. */
bool cr_parse_published(const char *s, cr_dayrange *out);

/* Limits every reader applies; inputs over them are refused with a message. */
#define CR_MAX_DOC_BYTES ((size_t)64 << 20)

/* A message about one input: file, place (line or byte offset) and text. */
typedef struct cr_diag {
	void (*emit)(void *ud, int severity, const char *file, const char *where, const char *msg);
	void *ud;
} cr_diag;
/* A note says what was left out on purpose (shown unless quiet). */
enum { CR_DIAG_WARNING, CR_DIAG_ERROR, CR_DIAG_NOTE };
void cr_diag_emit(const cr_diag *dg, int severity, const char *file, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/*
 * Reads one plain-text article from raw bytes. `name` is used in messages and
 * as the path. Optional header lines at the top ("date 2022-03-25",
 * "title: ...", "url: ...", "outlet: ...") fill the metadata. Invalid UTF-8 is
 * repaired to U+FFFD with a warning naming the byte offset; empty, binary or
 * oversized input is refused. Returns 0 and fills *out (free with
 * cr_document_free), or -1 after emitting an error.
 */
int cr_ingest_text(cr_document *out, const char *raw, size_t len, const char *name, const cr_diag *dg);

/*
 * Builds a document from already separated parts (JSONL, HTML, WARC readers):
 * body text plus metadata. `published` may be NULL or an ISO date/date-time.
 * Same checks and boilerplate removal as cr_ingest_text.
 */
int cr_ingest_parts(cr_document *out, const char *body, size_t len, const char *name, const char *url,
                    const char *title, const char *outlet, const char *published, const cr_diag *dg);

/*
 * Reads a JSONL stream, one article object per line with fields url, title,
 * outlet, published, text. For each good line calls cb (which takes ownership
 * of the document's contents by moving them, or leaves them to be freed).
 * A bad line (not JSON, no text, over the size limit) is reported with its
 * line number and skipped; a read error is reported and ends the stream.
 * Returns the number of failures (bad lines, and one for a read error), or
 * cb's negative value when cb stopped the reading.
 */
typedef int (*cr_doc_cb)(void *ud, cr_document *doc);
struct cr_input;
int cr_ingest_jsonl(struct cr_input *in, const char *name, const cr_diag *dg, cr_doc_cb cb, void *ud);

#endif
