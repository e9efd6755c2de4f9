/*
 * durations.c: durations (TIMEX3 DURATION), recurrences (SET) and the
 * reference words (PRESENT_REF, PAST_REF, FUTURE_REF).
 *
 *   duration   three-month, month-long, for six years, the past two weeks,
 *              13 years, two hours (PT2H), recent years (PXY), 5 1/2 hours
 *              (PT5H30M), a minute and a half, twenty-four hours, two
 *              decades (P20Y), for years (PXY); not ages ("52 years old")
 *   set        daily, every day, every other Friday, Mondays, Tuesday
 *              nights, once a week, twice a year, quarterly
 *   reference  now, currently (PRESENT_REF), recently, the past
 *              (PAST_REF), the future, will soon (FUTURE_REF)
 *
 * The rarer forms (3h, 3.5years, one and a half hours, semi-annually,
 * every weekday) are calendar.c's. Durations have no interval.
 */
#include "time/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* three-month, month-long, for six years: durations, no interval */
size_t cr_tx_rule_duration(scan *s, size_t i)
{
	const char *w = s->w[i].low;
	const char *dash = strchr(w, '-');
	if (dash) {
		char head[24];
		snprintf(head, sizeof head, "%.*s", (int)(dash - w), w);
		const char *tail = dash + 1;
		word hw = {0}, tw = {0};
		snprintf(hw.low, sizeof hw.low, "%s", head);
		snprintf(tw.low, sizeof tw.low, "%s", tail);
		cr_tx_classify(s->ctx, &hw);
		cr_tx_classify(s->ctx, &tw);
		int n = hw.kind == K_COUNT ? hw.val : hw.num > 0 ? hw.num : 0;
		if (n && (strcmp(head, "several") == 0 || strcmp(head, "few") == 0 || strcmp(head, "many") == 0))
			n = -1;   /* "several-year": how many is not said (PXY) */
		int unit = 0;
		size_t hl = strlen(head);
		if (n && tw.kind == K_UNIT)
			unit = tw.val;
		else if (hw.kind == K_UNIT && strcmp(tail, "long") == 0)
			n = hl > 1 && head[hl - 1] == 's' ? -1 : 1, unit = hw.val;   /* "month-long"; "decades-long" is vague */
		if (!unit)
			return 0;
		char value[40];
		cr_tx_fmt_duration(value, sizeof value, n, unit);
		cr_tx_emit(s, i, i + 1, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 1;
	}
	if ((is(s, i, "for") || is(s, i, "within")) && i + 1 < s->n && s->w[i + 1].kind == K_UNIT &&
	    s->w[i + 1].val != 0 && strlen(s->w[i + 1].low) > 1 && s->w[i + 1].low[strlen(s->w[i + 1].low) - 1] == 's') {
		/* "for years", "within weeks": a vague duration, "for" left out */
		char value[40];
		cr_tx_fmt_duration(value, sizeof value, -1, s->w[i + 1].val);
		cr_tx_emit(s, i + 1, i + 2, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 2;
	}
	if (is(s, i, "for")) {
		size_t used;
		int n = cr_tx_count_at(s, i + 1, &used);
		if (n && i + 1 + used < s->n && s->w[i + 1 + used].kind == K_UNIT) {
			int unit = s->w[i + 1 + used].val;
			char value[40];
			cr_tx_fmt_duration(value, sizeof value, n, unit);
			cr_tx_emit(s, i + 1, i + 2 + used, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
			return 2 + used;
		}
	}
	return 0;
}

/* now, currently (PRESENT_REF), recently (PAST_REF), the future, the past */
size_t cr_tx_rule_ref(scan *s, size_t i)
{
	int v;
	size_t j = i;
	if (s->w[i].kind == K_REF) {
		if (is(s, i, "now") && is(s, i + 1, ",") &&
		    (i == 0 || (s->w[i - 1].punct && strchr(".!?\"'`", s->w[i - 1].low[0]))))
			return 0;   /* "Now, he says, ...": a discourse marker opening the sentence */
		v = s->w[i].val;
		j = i + 1;
	} else if (is(s, i, "the") && (is(s, i + 1, "future") || is(s, i + 1, "past")) &&
	           !(i + 2 < s->n && (s->w[i + 2].kind == K_UNIT || s->w[i + 2].kind == K_COUNT ||
	                              s->w[i + 2].num > 0))) {
		v = is(s, i + 1, "future") ? 1 : -1;
		j = i + 2;
	} else if (is(s, i, "soon") && !(i > 0 && is(s, i - 1, "as")) && !is(s, i + 1, "after") &&
	           !is(s, i + 1, "afterwards") && cr_tx_fut(s)) {
		/* "will soon begin", "may soon seek"; not "as soon as", "soon after" */
		v = 1;
		j = i + 1;
	} else {
		return 0;
	}
	cr_dayrange r = none();
	if (v == 0 && known(s->pub))
		r = s->pub;
	cr_tx_emit(s, i, j, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_DAY, v == 0 ? "PRESENT_REF" : v < 0 ? "PAST_REF" : "FUTURE_REF");
	return j - i;
}

/* daily, weekly, monthly, annually: TIMEX3 sets */
size_t cr_tx_rule_set(scan *s, size_t i)
{
	if (s->w[i].kind != K_SET)
		return 0;
	int d = s->w[i].val;
	cr_tx_emit(s, i, i + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY,
	     d == 365 ? "P1Y" : d == 30 ? "P1M" : d == 7 ? "P1W" : "P1D");
	return 1;
}

/*
 * Durations: [the] [past|last|next|first|coming] two weeks, a year, 13
 * years, the nine months. Tried after the anchored rules, so "two weeks
 * ago" and "a year later" never get here.
 */
size_t cr_tx_rule_bare_duration(scan *s, size_t i)
{
	size_t j = i;
	if (is(s, j, "the"))
		j++;
	if (is(s, j, "past") || is(s, j, "last") || is(s, j, "next") || is(s, j, "first") || is(s, j, "coming") ||
	    is(s, j, "previous") || is(s, j, "final"))
		j++;
	size_t used = 0;
	int n = cr_tx_count_at(s, j, &used);
	if (!n)
		return 0;
	size_t h = cr_tx_half_at(s, j + used);   /* "5 1/2 hours", "two and a half years" */
	j += used + h;
	if (j >= s->n || s->w[j].kind != K_UNIT)
		return 0;
	if (h) {
		if (is(s, j + 1, "old"))
			return 0;
		char hv[40];
		cr_tx_fmt_duration_half(hv, sizeof hv, n, s->w[j].val);
		cr_tx_emit(s, i, j + 1, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, hv);
		return j + 1 - i;
	}
	/* "a day" after "once" is a frequency, not a span; "one year" is fine */
	if (i > 0 && is(s, i - 1, "once"))
		return 0;
	int unit = s->w[j].val;
	if (is(s, j + 1, "old") || (is(s, j + 1, "of") && is(s, j + 2, "age")))
		return 0;   /* "52 years old" is an age, which TimeBank does not mark */
	char value[40];
	cr_tx_fmt_duration(value, sizeof value, cr_tx_vague_count(s, j - used - h) ? -1 : n, unit);
	size_t end = j + 1, h2 = cr_tx_half_at(s, end);
	if (h2 && !cr_tx_vague_count(s, j - used - h)) {
		cr_tx_fmt_duration_half(value, sizeof value, n, unit);   /* "a minute and a half" */
		end += h2;
	}
	cr_tx_emit(s, i, end, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
	return end - i;
}

/* The weekday of a capitalised plural ("Mondays"), or -1. */
static int plural_weekday(const scan *s, size_t i)
{
	if (i >= s->n || !s->w[i].cap)
		return -1;
	size_t l = strlen(s->w[i].low);
	if (l < 7 || s->w[i].low[l - 1] != 's')
		return -1;
	word w = {0};
	snprintf(w.low, sizeof w.low, "%.*s", (int)(l - 1), s->w[i].low);
	cr_tx_classify(s->ctx, &w);
	return w.kind == K_WEEKDAY ? w.val : -1;
}

/*
 * Recurrences: every day, everyday, each week, every other Friday, every
 * three weeks, every Monday, Mondays, once a week, twice a year,
 * quarterly. TIMEX3 sets ("P1W", "XXXX-WXX-1"), no interval.
 */
size_t cr_tx_rule_every(scan *s, size_t i)
{
	char value[40];
	size_t j = i;
	int wd = plural_weekday(s, i);
	if (wd >= 0) {
		size_t end = i + 1;
		snprintf(value, sizeof value, "XXXX-WXX-%d", wd + 1);
		if (end < s->n && (s->w[end].kind == K_DAYPART || (strlen(s->w[end].low) > 1 &&
		                                                  s->w[end].low[strlen(s->w[end].low) - 1] == 's'))) {
			word w = {0};
			snprintf(w.low, sizeof w.low, "%s", s->w[end].low);
			if (s->w[end].kind != K_DAYPART)
				w.low[strlen(w.low) - 1] = 0;
			cr_tx_classify(s->ctx, &w);
			if (w.kind == K_DAYPART && w.val >= 1 && w.val <= 4) {
				snprintf(value + strlen(value), sizeof value - strlen(value), "T%s", cr_tx_daypart_sfx[w.val]);
				end++;
			}
		}
		cr_tx_emit(s, i, end, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
		return end - i;
	}
	if (is(s, i, "quarterly") && i > 0 && i + 1 < s->n && !s->w[i + 1].punct && !s->w[i + 1].cap &&
	    s->w[i + 1].num < 0 && !is(s, i + 1, "of") &&
	    (is(s, i - 1, "its") || is(s, i - 1, "their") || is(s, i - 1, "the") || is(s, i - 1, "his") ||
	     is(s, i - 1, "her") || is(s, i - 1, "our") || is(s, i - 1, "first") ||
	     is(s, i - 1, "initial") || is(s, i - 1, "regular") || is(s, i - 1, "latest")))
		return 0;   /* "its quarterly dividend", "its first quarterly loss" (but "a quarterly meeting" recurs):
		               one payment or result, named by the period it covers */
	if (is(s, i, "everyday") || is(s, i, "quarterly")) {
		cr_tx_emit(s, i, i + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, is(s, i, "everyday") ? "P1D" : "P3M");
		return 1;
	}
	int n = 1;
	if (is(s, i, "once") || is(s, i, "twice")) {
		/* "once a week": the frequency stays in the span, the period is the value */
		if (!(is(s, i + 1, "a") || is(s, i + 1, "per") || is(s, i + 1, "every")) || i + 2 >= s->n ||
		    s->w[i + 2].kind != K_UNIT || s->w[i + 2].val <= 0)
			return 0;
		int unit = s->w[i + 2].val;
		cr_tx_fmt_duration(value, sizeof value, 1, unit);
		cr_tx_emit(s, i, i + 3, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 3;
	}
	if (!(is(s, j, "every") || is(s, j, "each")))
		return 0;
	j++;
	bool other = is(s, j, "other");
	if (other)
		j++, n = 2;
	size_t used = 0;
	int c = cr_tx_count_at(s, j, &used);
	if (c && !is(s, j, "a") && !is(s, j, "an")) {
		n = c * (other ? 2 : 1);
		j += used;
	}
	if (is_weekday(s, j) || (j < s->n && s->w[j].kind == K_WEEKDAY)) {
		snprintf(value, sizeof value, "XXXX-WXX-%d", s->w[j].val + 1);
		cr_tx_emit(s, i, j + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
		return j + 1 - i;
	}
	if (is(s, j, "weekend")) {
		cr_tx_emit(s, i, j + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, "XXXX-WXX-WE");
		return j + 1 - i;
	}
	if (j >= s->n || s->w[j].kind != K_UNIT || s->w[j].val == 0)
		return 0;
	cr_tx_fmt_duration(value, sizeof value, n, s->w[j].val);
	cr_tx_emit(s, i, j + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
	return j + 1 - i;
}
