/*
 * docdate.c: a publication date from the text alone, for articles that come
 * without one.
 *
 * The clue that pins a year is a deictic date that the text also gives in
 * full: "the hospital was bombed on March 9 last year" beside "on March 9,
 * 2022" makes last year 2022, so the article is from 2023; "this year" the
 * same way, and a month the same way ("in March last year" beside "in
 * March 2022"). The article then lies in that year, and not before the latest
 * fully dated event it mentions when that falls inside the year. Explicit
 * dates alone bound the date from below only, which is no answer: such an
 * article, and one with no dates, is reported as undated rather than
 * guessed.
 */
#include "time/timex.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool ends_with(const char *t, const cr_timex *x, const char *suffix)
{
	size_t n = x->end - x->start, k = strlen(suffix);
	return n >= k && strncasecmp(t + x->end - k, suffix, k) == 0;
}

int cr_docdate_infer(cr_dayrange *out, const cr_timex_ctx *ctx, const char *text, size_t len)
{
	cr_timex *tx;
	size_t n;
	cr_dayrange unknown = {CR_DAY_NONE, CR_DAY_NONE};
	if (cr_timex_find(&tx, &n, ctx, text, len, unknown) < 0)
		return 0;
	int rc = cr_docdate_from_timexes(out, tx, n, text);
	free(tx);
	return rc;
}

int cr_docdate_from_timexes(cr_dayrange *out, const cr_timex *tx, size_t n, const char *text)
{
	int pinned = -1;
	int32_t latest = CR_DAY_NONE;
	for (size_t i = 0; i < n; i++) {
		const cr_timex *x = &tx[i];
		if (x->anchor == CR_ANCHOR_NONE && x->type == CR_TIMEX_DATE && cr_range_known(x->range) &&
		    x->range.latest - x->range.earliest <= 31 && (latest == CR_DAY_NONE || x->range.earliest > latest))
			latest = x->range.earliest;
		/* "XXXX-MM-DD" or "XXXX-MM" read with "last year" / "this year" */
		size_t vl = strlen(x->value);
		if (x->anchor != CR_ANCHOR_DOCUMENT || strncmp(x->value, "XXXX-", 5) != 0 || (vl != 10 && vl != 7))
			continue;
		int off = ends_with(text, x, "last year") ? 1 : ends_with(text, x, "this year") ? 0 : -1;
		if (off < 0)
			continue;
		for (size_t k = 0; k < n; k++) {
			const cr_timex *y = &tx[k];
			if (y->anchor == CR_ANCHOR_NONE && strlen(y->value) == vl && strcmp(y->value + 4, x->value + 4) == 0) {
				int year = atoi(y->value) + off;
				if (pinned < 0 || year > pinned)
					pinned = year;
			}
		}
	}
	if (pinned < 0)
		return 0;
	*out = cr_range_year(pinned);
	if (latest != CR_DAY_NONE && latest > out->earliest && latest <= out->latest)
		out->earliest = latest;
	return 1;
}
