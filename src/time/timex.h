/*
 * time/timex.h: the time engine. Time expressions in English news text,
 * resolved to day intervals; the one header of src/time/.
 *
 * cr_timex_find reads a text and reports its time expressions in order:
 * absolute dates ("9 March", "March 9, 2022", "in late 2016", "the late
 * 1990s", "between 2015 and 2016", "on Friday"), deictic ones anchored to
 * the publication date ("last year", "earlier this month", "three months
 * ago", "yesterday") and narrative ones anchored to the last date the text
 * established ("A week later", "six years earlier"). Each becomes a day
 * interval and a TIMEX3-style value. The driver and its rule table:
 * engine.c; the rules with examples: docs/timex.md.
 */
#ifndef CR_TIME_TIMEX_H
#define CR_TIME_TIMEX_H

#include "util/util.h"
#include "util/date.h"

typedef enum cr_timex_type { CR_TIMEX_DATE, CR_TIMEX_TIME, CR_TIMEX_DURATION, CR_TIMEX_SET } cr_timex_type;
typedef enum cr_timex_anchor {
	CR_ANCHOR_NONE,        /* absolute: "March 9, 2022" */
	CR_ANCHOR_DOCUMENT,    /* deictic: "last year", read from the publication date */
	CR_ANCHOR_NARRATIVE    /* "A week later": from the last date the text established */
} cr_timex_anchor;

typedef struct cr_timex {
	uint32_t start, end;   /* byte range ("on" excluded, "late" included) */
	uint8_t type, anchor;  /* cr_timex_type, cr_timex_anchor */
	cr_dayrange range;     /* resolved interval; CR_DAY_NONE both when unresolved */
	char value[40];        /* TIMEX3 value: "2022-03-09", "2022-03", "2016", "199X",
	                          "P6Y", "PAST_REF", "XXXX-03-09" when no anchor was available */
} cr_timex;

typedef struct cr_timex_ctx cr_timex_ctx;

/* Loads the calendar words (data/lexicon/time-words.tsv); read-only after. */
cr_timex_ctx *cr_timex_new(void);
void cr_timex_free(cr_timex_ctx *ctx);

/*
 * Finds time expressions in document order. pubdate may be unknown
 * (CR_DAY_NONE); deictic expressions anchor to its earliest day and are
 * widened by its width. *out is malloc'd; the caller frees it with free().
 * Returns 0. Linear time; never reads past len.
 */
int cr_timex_find(cr_timex **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                  cr_dayrange pubdate);

/*
 * Joins the ranges TimeML writes as two expressions into one, for readers
 * that want the interval a sentence gives: "from March 1 to March 20, 2022",
 * "between 2015 and 2016", "March 1-20" written as two dates, "from 1994
 * through 1997". The pair becomes one DATE spanning both (the leading
 * "from"/"between" left out), its interval from the first's earliest day to
 * the second's latest, its value "FIRST/SECOND". A first date without a year
 * takes the second's year ("from March 1 to March 20, 2022": 2022-03-01),
 * a year earlier when that would put it after the second. Only dates with
 * known intervals that run forward are joined. Rewrites x in place and
 * sets *n. The TempEval scorer reads cr_timex_find's output unjoined.
 */
void cr_timex_join_ranges(cr_timex *x, size_t *n, const char *text, size_t len);

/*
 * Infers a publication-date interval from the text alone. Returns 1 and sets
 * *out when the text pins it ("on March 9 last year" beside "March 9, 2022"
 * puts the article in 2023), 0 when it gives no such clue.
 */
int cr_docdate_infer(cr_dayrange *out, const cr_timex_ctx *ctx, const char *text, size_t len);
/* The same, from the expressions cr_timex_find found in text with no
 * publication date (so a caller that needs them anyway reads the text once). */
int cr_docdate_from_timexes(cr_dayrange *out, const cr_timex *tx, size_t n, const char *text);

#endif
