/*
 * anchor.c: how an expression is anchored, and how it is written.
 *
 * Anchoring: deictic expressions read the publication date (an interval is
 * read at both ends, see engine.c); narrative ones the last date the text
 * established (scan.narrative, which cr_tx_emit moves), or the publication
 * date before any. The tense of the clause decides which way a yearless
 * date or a weekday is read: future cues (future rows of time-words.tsv,
 * "'ll", "set to resume", "as soon as"), past verbs (tense-words.tsv, and
 * lower-case words in -ed; not after "unless" or "if"; "scheduled for" a
 * day reads it ahead). A date without a year takes the year that puts
 * it within two months ahead of the anchor or ten months back; after a past
 * verb within a week ahead; in a future sentence up to half a year ahead
 * (cr_tx_nearest_year; docs/timex.md, anchoring rule 4). A weekday takes
 * the tense of the nearest cue in its clause (cr_tx_future_near).
 *
 * Writing: TIMEX3 values at a grain (cr_tx_fmt_value: "2022-03-09",
 * "2022-03", "199", "2023-W17"), durations ("P6Y", "PT5H30M"), shifts by
 * units ("a month later" from a day is a day, from a month a month), and
 * cr_tx_emit, which adds an expression to the scan's output.
 */
#include "time/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cr_tx_daypart_sfx[5] = {"", "MO", "AF", "EV", "NI"};

static bool future_cue(const scan *s, size_t i);

/* Whether the sentence around the current word speaks of the future; computed once per word, when asked. */
bool cr_tx_fut(scan *s)
{
	if (s->fut_cache < 0)
		s->fut_cache = future_cue(s, s->cur);
	return s->fut_cache > 0;
}

/*
 * The tense word k gives its clause: 1 future ("will", "'ll", "scheduled":
 * future rows of time-words.tsv), -1 past ("said", "met": tense-words.tsv;
 * or a lower-case word in "-ed"), 0 none. Past verbs have a lexicon of
 * their own so that they do not make every "said" a place to try rules. A future word after "had" or
 * "been" is a plan in the past ("had been due to expire Friday").
 */
static int tense_at(const scan *s, size_t k)
{
	const word *w = &s->w[k];
	size_t l = strlen(w->low);
	int c = 0;
	if (w->kind == K_FUTURE)
		c = 1;
	else if (!w->punct && cr_lexicon_find(s->ctx->tense, w->low, l) >= 0)
		c = -1;   /* "said", "met": tense-words.tsv */
	else if (l > 3 && strcmp(w->low + l - 3, "'ll") == 0)
		c = 1;
	else if (l > 4 && !w->cap && w->low[l - 2] == 'e' && w->low[l - 1] == 'd' && w->low[l - 3] != 'e' &&
	         strcmp(w->low, "hundred") != 0)
		c = -1;   /* "ruled", "announced"; not "proceed", "hundred" */
	else if (is(s, k, "as") && k > 0 && (is(s, k - 1, "soon") || is(s, k - 1, "early")) && k > 1 && is(s, k - 2, "as"))
		c = 1;    /* "as soon as Tuesday", "as early as Tuesday" */
	else if ((is(s, k, "set") || is(s, k, "is") || is(s, k, "are")) && is(s, k + 1, "to") && k + 2 < s->n &&
	         !s->w[k + 2].punct && !s->w[k + 2].cap && s->w[k + 2].num < 0 && !is(s, k + 2, "the") &&
	         !is(s, k + 2, "a") && !is(s, k + 2, "be"))
		c = 1;    /* "set to resume Monday", "is to resume trading Tuesday" */
	if (c > 0 && k > 0 && (is(s, k - 1, "had") || is(s, k - 1, "been")))
		c = -1;
	return c;
}

/*
 * Dates without a year. News reports the past but announces the near
 * future ("payable Dec. 7", "the rights expire Nov. 21"): with no tense
 * cue the year puts the date within two months ahead of the anchor or ten
 * months back; after a past verb ("was bombed on March 9") within a week
 * ahead or a year back; in a future sentence ("will meet on March 12")
 * from three days back to half a year ahead. tense: 1 future, 0 none, -1
 * past (a bool future flag is 1 or 0).
 */
#define AHEAD_NO_CUE 60
#define PAST_WINDOW 3   /* words before a yearless date searched for its verb */
#define PAST_AFTER 6    /* and after it, within the clause */

static int32_t ahead_limit(int tense)
{
	return tense < 0 ? 7 : AHEAD_NO_CUE;
}

int cr_tx_nearest_year(int32_t anchor, int m, int d, int tense)
{
	int ay = year_of(anchor);
	if (tense > 0) {
		/* ahead, but not more than half a year: beyond that a past reading is likelier */
		for (int y = ay - 1; y <= ay + 1; y++) {
			int dd = d > cr_days_in_month(y, m) ? cr_days_in_month(y, m) : d;
			int32_t z = cr_days_from_civil(y, m, dd);
			if (z >= anchor - 3 && z <= anchor + 183)
				return y;
		}
	}
	for (int y = ay + 1; y >= ay - 1; y--) {
		int dd = d > cr_days_in_month(y, m) ? cr_days_in_month(y, m) : d;
		if (cr_days_from_civil(y, m, dd) <= anchor + ahead_limit(tense))
			return y;
	}
	return ay - 1;
}

int cr_tx_nearest_year_month(int32_t anchor, int m, int tense)
{
	int ay = year_of(anchor);
	if (tense > 0) {
		for (int y = ay - 1; y <= ay + 1; y++)
			if (cr_days_from_civil(y, m, cr_days_in_month(y, m)) >= anchor &&
			    cr_days_from_civil(y, m, 1) <= anchor + 183)
				return y;
	}
	for (int y = ay + 1; y >= ay - 1; y--)
		if (cr_days_from_civil(y, m, 1) <= anchor + ahead_limit(tense))
			return y;
	return ay - 1;
}

/*
 * The tense of the sentence around the current word for a yearless date:
 * 1 when a future word stands in it (cr_tx_fut) or the date is an end point
 * ("by February", "extended to Nov. 20", "through January"), -1 when a
 * past verb stands just before the expression ("was bombed on March 9",
 * "said in May"), 0 otherwise.
 */
int cr_tx_tense(scan *s)
{
	if (cr_tx_fut(s))
		return 1;
	size_t i = s->cur;
	/* "extended to Nov. 20", "pay it down by February": an end point or deadline, read forward */
	if (i > 0 && (is(s, i - 1, "to") || is(s, i - 1, "until") || is(s, i - 1, "through") || is(s, i - 1, "till") ||
	              is(s, i - 1, "by")))
		return 1;
	/* "a meeting that had been scheduled for April 2": a day fixed ahead, whatever the tense */
	if (i > 1 && (is(s, i - 1, "for") || is(s, i - 1, "on")) &&
	    (is(s, i - 2, "scheduled") || is(s, i - 2, "rescheduled") || is(s, i - 2, "slated") ||
	     is(s, i - 2, "planned") || is(s, i - 2, "due")))   /* not "a record set on Aug. 6" */
		return 1;
	for (size_t k = i; k > 0 && i - k < PAST_WINDOW; k--) {
		const word *w = &s->w[k - 1];
		if (w->punct)
			break;
		int c = tense_at(s, k - 1);
		if (c)
			return c < 0 ? -1 : 0;
	}
	/* "On March 9, Russian forces bombed the hospital": the clause's verb after it */
	for (size_t k = i + 1; k < s->n && k - i <= PAST_AFTER; k++) {
		const word *w = &s->w[k];
		if (w->punct && (w->low[0] == '.' || w->low[0] == '!' || w->low[0] == '?' || w->low[0] == ';' ||
		                 w->low[0] == '"' || w->low[0] == '('))
			break;
		int c = w->punct ? 0 : tense_at(s, k);
		if (c < 0 && (is(s, k - 1, "be") || is(s, k - 1, "being")))
			c = 0;   /* "can be exercised": a passive, not a past */
		if (c < 0 && (is(s, k - 1, "unless") || is(s, k - 1, "if") || is(s, k - 1, "once")))
			c = 0;   /* "expire April 29 unless extended": a condition, not a past */
		if (c)
			return c < 0 ? -1 : 0;
	}
	return 0;
}

void cr_tx_fmt_value(char *out, size_t cap, cr_dayrange r, int gran)
{
	int y, m, d;
	if (!known(r)) {
		snprintf(out, cap, "XXXX-XX-XX");
		return;
	}
	cr_civil_from_days(r.earliest, &y, &m, &d);
	switch (gran) {
	case G_DAY: snprintf(out, cap, "%04d-%02d-%02d", y, m, d); break;
	case G_MONTH: snprintf(out, cap, "%04d-%02d", y, m); break;
	case G_YEAR: snprintf(out, cap, "%04d", y); break;
	case G_DECADE: snprintf(out, cap, "%03d", y / 10); break;
	case G_WEEK: {
		/* ISO week of the interval's Monday */
		int32_t thursday = r.earliest + 3;
		int iy = year_of(thursday);
		int week = (int)((thursday - cr_days_from_civil(iy, 1, 1)) / 7) + 1;
		snprintf(out, cap, "%04d-W%02d", iy, week);
		break;
	}
	default: {
		char a[11], b[11];
		cr_day_format(r.earliest, a);
		cr_day_format(r.latest, b);
		snprintf(out, cap, "%s/%s", a, b);
	}
	}
}

void cr_tx_emit(scan *s, size_t i, size_t j, uint8_t type, uint8_t anchor, cr_dayrange r, int gran, const char *value)
{
	cr_timex x = {0};
	x.start = s->w[i].start;
	x.end = s->w[j - 1].end;
	x.type = type;
	x.anchor = anchor;
	x.range = r;
	if (value)
		snprintf(x.value, sizeof x.value, "%s", value);
	else
		cr_tx_fmt_value(x.value, sizeof x.value, r, gran);
	cr_vec_push(&s->out, x);
	if (type == CR_TIMEX_DATE && known(r) && r.latest - r.earliest <= 366) {
		s->narrative = r;
		snprintf(s->nar_value, sizeof s->nar_value, "%s", x.value);
	}
}

cr_dayrange cr_tx_shift_years(cr_dayrange r, int n)
{
	int y, m, d, y2, m2, d2;
	cr_civil_from_days(r.earliest, &y, &m, &d);
	cr_civil_from_days(r.latest, &y2, &m2, &d2);
	y += n;
	y2 += n;
	if (d > cr_days_in_month(y, m))
		d = cr_days_in_month(y, m);
	if (d2 > cr_days_in_month(y2, m2))
		d2 = cr_days_in_month(y2, m2);
	return (cr_dayrange){cr_days_from_civil(y, m, d), cr_days_from_civil(y2, m2, d2)};
}

cr_dayrange cr_tx_shift_months(cr_dayrange r, int n)
{
	int y, m, d;
	cr_civil_from_days(r.earliest, &y, &m, &d);
	int mm = y * 12 + (m - 1) + n;
	y = mm / 12;
	m = mm % 12 + 1;
	return cr_range_month(y, m);
}

cr_dayrange cr_tx_shift_unit(cr_dayrange base, int unit_days, int n, int *gran)
{
	if (unit_days == 365) {
		*gran = G_YEAR;
		cr_dayrange r = cr_tx_shift_years(base, n);
		return cr_range_year(year_of(r.earliest));
	}
	if (unit_days == 3650) {
		*gran = G_DECADE;
		return cr_tx_shift_years(base, n * 10);
	}
	if (unit_days == 30) {
		*gran = base.latest - base.earliest <= 1 ? G_DAY : G_MONTH;
		if (*gran == G_MONTH)
			return cr_tx_shift_months(base, n);
		int y, m, d;
		cr_civil_from_days(base.earliest, &y, &m, &d);
		int mm = y * 12 + (m - 1) + n;
		y = mm / 12;
		m = mm % 12 + 1;
		if (d > cr_days_in_month(y, m))
			d = cr_days_in_month(y, m);
		return day_range(y, m, d);
	}
	*gran = base.latest - base.earliest <= 1 ? G_DAY : G_SPAN;
	return (cr_dayrange){base.earliest + n * unit_days, base.latest + n * unit_days};
}

static char unit_letter(int days)
{
	return days == 365 ? 'Y' : days == 30 ? 'M' : days == 7 ? 'W' : 'D';
}

/* TIMEX3 duration of n units (unit in days; -1 hour, -2 minute); n < 0: vague ("PXY"). */
void cr_tx_fmt_duration(char *out, size_t cap, int n, int unit)
{
	const char *t = unit == -1 ? "TH" : unit == -2 ? "TM" : NULL;
	if (unit == 14)
		n = n < 0 ? n : 2 * n, unit = 7;
	char u[4];
	if (t)
		snprintf(u, sizeof u, "%s", t + 1);
	else if (unit == 3650)
		snprintf(u, sizeof u, "DE");
	else
		snprintf(u, sizeof u, "%c", unit_letter(unit));
	if (unit == 3650 && n >= 0)
		n *= 10, snprintf(u, sizeof u, "Y");   /* "two decades": P20Y, as TimeBank writes it */
	if (n < 0)
		snprintf(out, cap, "P%sX%s", t ? "T" : "", u);
	else
		snprintf(out, cap, "P%s%d%s", t ? "T" : "", n, u);
}

/*
 * TIMEX3 duration of n and a half units: "5 1/2 hours" PT5H30M, "2 1/2
 * years" P2Y6M, "a minute and a half" PT1M30S, "a day and a half" P1DT12H.
 */
void cr_tx_fmt_duration_half(char *out, size_t cap, int n, int unit)
{
	switch (unit) {
	case -1: snprintf(out, cap, "PT%dH30M", n); break;
	case -2: snprintf(out, cap, "PT%dM30S", n); break;
	case 1: snprintf(out, cap, "P%dDT12H", n); break;
	case 30: snprintf(out, cap, "P%dM15D", n); break;
	case 365: snprintf(out, cap, "P%dY6M", n); break;
	case 3650: snprintf(out, cap, "P%dY", 10 * n + 5); break;
	default: cr_tx_fmt_duration(out, cap, n, unit);   /* half a week: no clean TIMEX3 */
	}
}

/* Whether punctuation word w ends a sentence; the dot after an initial ("Daniel P. Davison") does not. */
static bool sentence_end(const scan *s, const word *w)
{
	if (!w->punct || (w->low[0] != '.' && w->low[0] != '!' && w->low[0] != '?'))
		return false;
	if (w->low[0] == '.' && w > s->w) {
		const word *p = w - 1;
		if (p->cap && p->end - p->start == 1 && p->end == w->start)
			return false;
	}
	return true;
}

/*
 * Whether a future word stands within the sentence around word i (12
 * words before, 8 after; "next" after i is a date word, not a cue). A
 * yearless date is read forward on any such word: "payable Dec. 7 to
 * holders of record Nov. 22", "will be paid on a date in January".
 */
static bool future_cue(const scan *s, size_t i)
{
	for (size_t k = i; k > 0 && i - k < 12; k--) {
		const word *w = &s->w[k - 1];
		if (sentence_end(s, w))
			break;
		if (tense_at(s, k - 1) > 0)
			return true;
	}
	for (size_t k = i + 1; k < s->n && k - i < 8; k++) {
		const word *w = &s->w[k];
		if (sentence_end(s, w))
			break;
		if (!is(s, k, "next") && tense_at(s, k) > 0)
			return true;
	}
	return false;
}

/*
 * Whether the clause around word i speaks of the future, for a weekday:
 * the tense cue nearest to i within the sentence (12 words before, 8
 * after) decides, the earlier one on a tie. "said Friday" is past even
 * when "will" comes later in the sentence; "will meet on Thursday" is
 * future. A weekday is news of the last few days far more often than a
 * date is, so the nearest verb, not any future word, settles it.
 */
bool cr_tx_future_near(const scan *s, size_t i)
{
	int back = 0, fwd = 0;
	size_t db = 0, df = 0;
	for (size_t k = i; k > 0 && i - k < 12; k--) {
		const word *w = &s->w[k - 1];
		if (sentence_end(s, w) || (w->punct && w->low[0] == ';'))
			break;
		if ((back = tense_at(s, k - 1)) != 0) {
			db = i - k + 1;
			break;
		}
	}
	for (size_t k = i + 1; k < s->n && k - i < 8; k++) {
		const word *w = &s->w[k];
		/* the reporting verb after a comma, a quote or a bracket is not the clause's */
		if (w->punct && strchr(".!?;),'\"", w->low[0]))
			break;
		if (!is(s, k, "next") && (fwd = tense_at(s, k)) != 0) {
			df = k - i;
			break;
		}
	}
	if (back && (!fwd || db <= df))
		return back > 0;
	return fwd > 0;
}
