/*
 * pubdate.h: the publication date a reader reads off the document itself,
 * for an article that comes without one in its metadata: a date line near
 * the top ("May 5, 2010", "Last Updated: Monday, 28 November 2005, 02:24
 * GMT", "POSTED: 05/02/07, 9:00 PM PDT", a byline with a date) or a date in
 * the URL (/2013/05/03/, /2013/may/03/, /20130308/, -2010-05-05-). The rules
 * and their precedence are in pubdate.c.
 */
#ifndef CR_INGEST_PUBDATE_H
#define CR_INGEST_PUBDATE_H

#include "ingest/document.h"

/* How many lines from the top of the body may hold the date line. */
#define CR_PUBDATE_LINES 8

/* Where the date was read. */
typedef enum cr_pubdate_from {
	CR_PUBDATE_NONE,   /* nothing read: *out untouched */
	CR_PUBDATE_LINE,   /* a date line of the body */
	CR_PUBDATE_URL     /* the URL's path */
} cr_pubdate_from;

/*
 * Reads the publication date from the first lines of a body (spans into
 * text, in order; every line, kept or dropped as furniture) and from url
 * (may be NULL). Sets *out to a day, or to an interval when only the month
 * is known or a numeric date reads two ways that nothing in the document
 * tells apart (then a warning names both readings). Returns where it was
 * read. `name` is for messages; dg may be NULL. Deterministic; thread-safe.
 */
cr_pubdate_from cr_pubdate_read(cr_dayrange *out, const char *text, const cr_span *lines, size_t nlines,
                                const char *url, const cr_diag *dg, const char *name);

#endif
