/*
 * calendar.c: the calendar rules of the time engine, the forms the date
 * rules of dates.c leave out: holidays, weeks of a month or year, dates
 * written in words or in compact numeric forms, weekday-and-date pairs,
 * day arithmetic ("three weeks from tomorrow"), and compact or fractional
 * durations and the rarer recurrences.
 *
 *   holidays      Christmas, easter 2018, last easter, Easter Monday,
 *                 black friday 2010, the weekend of halloween, labor day
 *                 weekend (data/lexicon/holidays.tsv: fixed days, the nth
 *                 weekday of a month, or days from Easter, which is
 *                 computed: anonymous Gregorian algorithm)
 *   week of       the last week of July, the first week of 2016, the 3rd
 *                 week of this month ("2016-07-W05", "2016-W01")
 *   words         May twenty nine, second of Aug, the twenty third day of
 *                 September, fifteen August nineteen hundred ninety three
 *   compact       Oct/2, 22/04, 2015-3, Dec-2018, 05-Aug-2016, 2019/aug/01,
 *                 Dec31, 20161016, on 5.12
 *   weekday+date  Tue May 9, Friday 7/6, Mon 13th, tuesday the eleventh,
 *                 next week Monday, tuesday of last week
 *   arithmetic    two days after today, 3 weeks from Tuesday, 2 weeks
 *                 before Christmas, the day after tomorrow
 *   durations     3h, 3.5years, one and a half hours, two nights; sets:
 *   and sets      each quarter, semi-annually, the 19th of every month,
 *                 tuesday afternoons (the duration and set rules are
 *                 durations.c's, tried from the tables here)
 *
 * Every rule is tried at a word before the others (first in engine.c's
 * table) and declines (returns 0) unless its own form is present, so the
 * date rules keep the plain forms ("March 9", "Friday"). A yearless date takes the year the core
 * rules would give it (cr_tx_nearest_year); a day of week and month
 * ("Monday 21") the nearest month where the two agree.
 *
 * Limits: lunar holidays (Eid, Hanukkah, Lunar New Year) are not in the
 * list; two-digit years only after "of" ("April of 87"); a numeric day and
 * month with no year ("7/6") needs a cue before it ("on", a weekday,
 * "this", "next") since news prints fractions and scores the same way.
 */
#include "time/internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the holidays lexicon ------------------------------------------------------ */

static cr_lexicon *hol_lx;
static cr_map *hol_heads;     /* first word of each holiday name */
static uint32_t head_mask[26][27]; /* [first][second letter or 26 for other]: bit min(len,31) of a head word */
static pthread_once_t lx_once = PTHREAD_ONCE_INIT;

static void lx_load(void)
{
	hol_lx = cr_lexicon_load(CR_DATA(lexicon_holidays_tsv), true);
	hol_heads = cr_map_new();
	if (!hol_lx)
		return;
	for (size_t r = 0; r < hol_lx->nrows; r++) {
		const char *k = hol_lx->cols[r][0];
		size_t l = strcspn(k, " '.");
		/* every prefix that ends a word ("new", "new year", "new year's"), so a lookup can stop early */
		for (size_t p = 1; k[p - 1]; p++)
			if (k[p] == 0 || k[p] == ' ' || k[p] == '\'')
				cr_map_put(hol_heads, k, p, 1);
		if (k[0] >= 'a' && k[0] <= 'z' && l >= 2)
			head_mask[k[0] - 'a'][k[1] >= 'a' && k[1] <= 'z' ? k[1] - 'a' : 26] |= 1u << (l < 31 ? l : 31);
	}
}

static atomic_bool lx_ready;

static void lx_init(void)
{
	if (!atomic_load_explicit(&lx_ready, memory_order_acquire)) {
		pthread_once(&lx_once, lx_load);
		atomic_store_explicit(&lx_ready, true, memory_order_release);
	}
}

/* A day of the month at i: "9", "9th", "ninth", "twenty-third", "twenty nine". */
static int day_at(const scan *s, size_t i, size_t *end, bool *words)
{
	if (i >= s->n)
		return -1;
	if (is_day(s, i)) {
		*end = i + 1;
		*words = false;
		return s->w[i].num;
	}
	bool ord = false;
	int v = cr_tx_spelled(s, i, end, true, &ord);
	if (v < 1 || v > 31)
		return -1;
	*words = true;
	return v;
}

/* A month name at i in any case ("aug", "Sept.", "july"). */
static bool month_any(const scan *s, size_t i)
{
	return i < s->n && s->w[i].kind == K_MONTH && !s->w[i].punct;
}

static bool anchor_of(const scan *s, int32_t *a)
{
	int32_t width;
	return cr_tx_doc_anchor(s, a, &width);
}

/* Emits a day, its value resolved ("2016-10-02") or, without an anchor, "XXXX-10-02". */
static void emit_day(scan *s, size_t i, size_t j, int y, int m, int d, uint8_t anchor)
{
	char value[40];
	cr_dayrange r = none();
	if (y > 0 && d <= cr_days_in_month(y, m)) {
		r = day_range(y, m, d);
		cr_tx_fmt_value(value, sizeof value, r, G_DAY);
	} else if (y > 0) {
		/* 29 February in a common year: a said year stays, an inferred one is dropped */
		if (anchor == CR_ANCHOR_NONE)
			snprintf(value, sizeof value, "%04d-%02d-%02d", y, m, d);
		else
			snprintf(value, sizeof value, "XXXX-%02d-%02d", m, d);
	} else {
		snprintf(value, sizeof value, "XXXX-%02d-%02d", m, d);
	}
	cr_tx_emit(s, i, j, CR_TIMEX_DATE, anchor, r, G_DAY, value);
}

/* The year for a yearless month/day: the core rules' choice, or -1 without an anchor. */
static int year_for(scan *s, int m, int d)
{
	int32_t a;
	if (!anchor_of(s, &a))
		return -1;
	return cr_tx_nearest_year(a, m, d, cr_tx_fut(s));
}

static int32_t monday_of(int32_t z) { return z - cr_weekday(z); }

/* ---- holidays ---------------------------------------------------------------- */

static int32_t easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
	return cr_days_from_civil(y, month, day);
}

/* The day of holiday row r in year y. Rows: name, fixed "MM-DD" | easter "N" | nth "M WD N" (WD 0=Monday, N -1 last), [offset]. */
static int32_t holiday_day(long r, int y)
{
	const char *kind = hol_lx->cols[r][1], *v = hol_lx->cols[r][2];
	int off = hol_lx->ncols[r] > 3 ? atoi(hol_lx->cols[r][3]) : 0;
	if (strcmp(kind, "fixed") == 0)
		return cr_days_from_civil(y, atoi(v), atoi(v + 3)) + off;
	if (strcmp(kind, "easter") == 0)
		return easter(y) + atoi(v) + off;
	int m = 0, wd = 0, n = 0;
	if (sscanf(v, "%d %d %d", &m, &wd, &n) != 3)
		return CR_DAY_NONE;
	if (n > 0) {
		int32_t first = cr_days_from_civil(y, m, 1);
		return first + (wd - cr_weekday(first) + 7) % 7 + 7 * (n - 1) + off;
	}
	int32_t lastd = cr_days_from_civil(y, m, cr_days_in_month(y, m));
	return lastd - (cr_weekday(lastd) - wd + 7) % 7 + off;
}

/* A holiday name at i (the longest listed); its row, and *end the word after it. */
static long holiday_at(const scan *s, size_t i, size_t *end)
{
	if (!hol_lx || i >= s->n || s->w[i].punct)
		return -1;
	const char *h = s->w[i].low;
	if (h[0] < 'a' || h[0] > 'z' || h[1] == 0)
		return -1;
	size_t hl = strcspn(h, ".'");
	if (!(head_mask[h[0] - 'a'][h[1] >= 'a' && h[1] <= 'z' ? h[1] - 'a' : 26] & (1u << (hl < 31 ? hl : 31))))
		return -1;
	intptr_t dummy;
	if (!cr_map_get(hol_heads, h, strcspn(h, "."), &dummy))
		return -1;
	char key[96];
	size_t kl = 0;
	long best = -1;
	for (size_t k = i; k < s->n && k < i + 6; k++) {
		const char *w = s->w[k].low;
		size_t l = strlen(w);
		if (l && w[l - 1] == '.')
			l--;
		if (s->w[k].punct && w[0] != '\'')
			break;
		bool glue = k > i && (w[0] == '\'' || (kl && key[kl - 1] == '\'' && strcmp(w, "s") == 0));
		if (k > i && !glue)
			key[kl++] = ' ';
		if (kl + l + 1 >= sizeof key)
			break;
		memcpy(key + kl, w, l);
		kl += l;
		if (k > i && !cr_map_get(hol_heads, key, kl, &dummy))
			break;   /* no holiday starts so */
		long r = cr_lexicon_find(hol_lx, key, kl);
		if (r >= 0) {
			best = r;
			*end = k + 1;
		}
	}
	return best;
}

/* Whether word k may begin a holiday name: a table test, no hashing. */
static inline bool head_maybe(const scan *s, size_t k)
{
	if (k >= s->n)
		return false;
	const char *h = s->w[k].low;
	if (h[0] < 'a' || h[0] > 'z' || h[1] == 0)
		return false;
	uint32_t m = head_mask[h[0] - 'a'][h[1] >= 'a' && h[1] <= 'z' ? h[1] - 'a' : 26];
	if (!m)
		return false;
	size_t hl = 2;
	while (hl < 31 && h[hl] && h[hl] != '.' && h[hl] != '\'')
		hl++;
	return m & (1u << hl);
}

/* The Saturday of the weekend nearest a day (Monday to Wednesday: the one before). */
static int32_t weekend_near(int32_t z)
{
	int wd = cr_weekday(z);
	return wd <= 2 ? z - wd - 2 : z + 5 - wd;
}

/*
 * [last|previous|next|following|this] HOLIDAY [YEAR | of this year]
 * [weekend [YEAR]]; [the] weekend of HOLIDAY [YEAR]. *upcoming: read a
 * yearless holiday forward (the base of "2 weeks before Christmas").
 * With emit false only the day is computed (for day arithmetic).
 */
static size_t holiday_phrase(scan *s, size_t i, bool emit, bool upcoming, int32_t *out)
{
	size_t j = i;
	int rel = 2;   /* 2: none */
	bool weekend = false;
	if (is(s, j, "last") || is(s, j, "previous") || is(s, j, "past"))
		rel = -1, j++;
	else if (is(s, j, "next") || is(s, j, "following") || is(s, j, "coming"))
		rel = 1, j++;
	else if (is(s, j, "this"))
		rel = 0, j++;
	size_t span_start = i;
	if (rel == 2 && (is(s, j, "weekend") || (is(s, j, "the") && is(s, j + 1, "weekend")))) {
		size_t k = j + is(s, j, "the");
		if (!is(s, k + 1, "of"))
			return 0;
		weekend = true;
		j = k + 2;
	}
	size_t k = j;
	long r = holiday_at(s, j, &k);
	if (r < 0)
		return 0;
	/* a capitalised word or a lower-case one that can be nothing else */
	int year = -1;
	int yoff = 9;
	if (is_year(s, k)) {
		year = s->w[k].num;
		k++;
	} else if (is(s, k, "of") && is_year(s, k + 1)) {
		year = s->w[k + 1].num;
		k += 2;
	} else if ((is(s, k, "of") || is(s, k, "in")) && (is(s, k + 1, "this") || is(s, k + 1, "last") || is(s, k + 1, "next")) &&
	           is(s, k + 2, "year")) {
		yoff = is(s, k + 1, "last") ? -1 : is(s, k + 1, "next") ? 1 : 0;
		k += 3;
	}
	bool week = false;
	if (!weekend && is(s, k, "week") && rel == 2 && year < 0 && yoff == 9) {
		week = true;
		k++;
	}
	if (!weekend && !week && is(s, k, "weekend")) {
		weekend = true;
		k++;
		if (year < 0 && is_year(s, k))
			year = s->w[k].num, k++;
	}
	int32_t a = 0;
	bool have = anchor_of(s, &a);
	uint8_t anchor = CR_ANCHOR_NONE;
	if (year < 0) {
		anchor = CR_ANCHOR_DOCUMENT;
		if (!have) {
			if (!emit)
				return 0;
			year = 0;
		} else {
			int ay = year_of(a);
			if (yoff != 9) {
				year = ay + yoff;
			} else if (rel == -1) {
				year = holiday_day(r, ay) < a ? ay : ay - 1;
			} else if (rel == 1) {
				year = holiday_day(r, ay) > a ? ay : ay + 1;
			} else if (rel == 0) {
				year = ay;
			} else if (upcoming || cr_tx_fut(s)) {
				year = holiday_day(r, ay) >= a - 3 ? ay : ay + 1;
			} else {
				year = holiday_day(r, ay) <= a + 7 ? ay : ay - 1;
			}
		}
	}
	int32_t z = year > 0 ? holiday_day(r, year) : CR_DAY_NONE;
	if (!emit) {
		if (weekend || week || z == CR_DAY_NONE)
			return 0;
		*out = z;
		return k - i;
	}
	char value[40];
	if (z == CR_DAY_NONE) {
		snprintf(value, sizeof value, "XXXX-XX-XX");
		cr_tx_emit(s, span_start, k, CR_TIMEX_DATE, anchor, none(), G_DAY, value);
	} else if (week) {
		int32_t mon = monday_of(z);
		cr_tx_emit(s, span_start, k, CR_TIMEX_DATE, anchor, (cr_dayrange){mon, mon + 6}, G_WEEK, NULL);
	} else if (weekend) {
		int32_t sat = weekend_near(z);
		cr_tx_fmt_value(value, sizeof value, (cr_dayrange){sat - 5, sat + 1}, G_WEEK);
		snprintf(value + strlen(value), sizeof value - strlen(value), "-WE");
		cr_tx_emit(s, span_start, k, CR_TIMEX_DATE, anchor, (cr_dayrange){sat, sat + 1}, G_SPAN, value);
	} else {
		cr_tx_emit(s, span_start, k, CR_TIMEX_DATE, anchor, (cr_dayrange){z, z}, G_DAY, NULL);
	}
	return k - i;
}

/* ---- weeks of a month or a year ---------------------------------------------- */

/* [the] first|2nd|last week of MONTH [YEAR] | YEAR | this/next/last month | the month | this/next/last year */
static size_t rule_week_of(scan *s, size_t i)
{
	size_t j = i + is(s, i, "the");
	int n = 0;
	size_t k = j + 3, end = 0;
	if (is(s, j, "last") || is(s, j, "final"))
		n = -1;
	else if (j < s->n && s->w[j].ordinal && s->w[j].num >= 1 && s->w[j].num <= 5)
		n = s->w[j].num;
	else if (j < s->n && s->w[j].kind == K_ORD)
		n = s->w[j].val;
	else if (is(s, j, "fifth"))
		n = 5;
	if (!n || !is(s, j + 1, "week") || !is(s, j + 2, "of"))
		return 0;
	int32_t a = 0;
	bool have = anchor_of(s, &a);
	int y = -1, m = 0;
	uint8_t anchor = CR_ANCHOR_NONE;
	if (month_any(s, k) && (s->w[k].cap || !is(s, k, "may"))) {
		m = s->w[k].val;
		end = k + 1;
		if (is_year(s, end)) {
			y = s->w[end].num;
			end++;
		} else {
			anchor = CR_ANCHOR_DOCUMENT;
			if (have)
				y = cr_tx_nearest_year_month(a, m, cr_tx_fut(s));
		}
	} else if (is_year(s, k)) {
		y = s->w[k].num;
		end = k + 1;
	} else if ((is(s, k, "this") || is(s, k, "next") || is(s, k, "last") || is(s, k, "the")) &&
	           (is(s, k + 1, "month") || is(s, k + 1, "year"))) {
		if (!have)
			return 0;
		anchor = CR_ANCHOR_DOCUMENT;
		int off = is(s, k, "last") ? -1 : is(s, k, "next") ? 1 : 0;
		int ay, am, ad;
		cr_civil_from_days(a, &ay, &am, &ad);
		if (is(s, k + 1, "month")) {
			int mm = ay * 12 + am - 1 + off;
			y = mm / 12;
			m = mm % 12 + 1;
		} else {
			y = ay + off;
		}
		end = k + 2;
	} else {
		return 0;
	}
	char value[40];
	cr_dayrange r = none();
	if (m) {
		if (y < 0) {
			snprintf(value, sizeof value, "XXXX-%02d-W%02d", m, n > 0 ? n : 5);
		} else {
			int32_t first = monday_of(cr_days_from_civil(y, m, 1));
			int32_t lastw = monday_of(cr_days_from_civil(y, m, cr_days_in_month(y, m)));
			int count = (int)((lastw - first) / 7) + 1;
			if (n > count)
				return 0;
			int idx = n > 0 ? n : count;
			int32_t mon = first + 7 * (idx - 1);
			r = (cr_dayrange){mon, mon + 6};
			snprintf(value, sizeof value, "%04d-%02d-W%02d", y, m, idx);
		}
	} else {
		/* ISO weeks: week 1 holds 4 January, the last holds 28 December */
		int32_t w1 = monday_of(cr_days_from_civil(y, 1, 4));
		int32_t wl = monday_of(cr_days_from_civil(y, 12, 28));
		int count = (int)((wl - w1) / 7) + 1;
		if (n > count)
			return 0;
		int idx = n > 0 ? n : count;
		int32_t mon = w1 + 7 * (idx - 1);
		r = (cr_dayrange){mon, mon + 6};
		snprintf(value, sizeof value, "%04d-W%02d", y, idx);
	}
	cr_tx_emit(s, i, end, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
	return end - i;
}

static int week_offset(const scan *s, size_t k, size_t *used);
static size_t rule_the_nth_any(scan *s, size_t i);

/*
 * the third month of 2021, the 9th month of next year; week 31, the week 3
 * of 2027, week 27 of last year (ISO weeks); the week after next; this
 * working week, next workweek.
 */
static size_t rule_week_month_n(scan *s, size_t i)
{
	size_t j = i + is(s, i, "the");
	int32_t a = 0;
	bool have = anchor_of(s, &a);
	/* this/next/last working week, workweek, work week */
	size_t used;
	int off = week_offset(s, i, &used);
	if (off != 9 && have) {
		size_t k = i + used;
		size_t e = is(s, k, "workweek") ? k + 1 : (is(s, k, "working") || is(s, k, "work")) && is(s, k + 1, "week") ? k + 2 : 0;
		if (e) {
			int32_t mon = monday_of(a) + 7 * off;
			cr_tx_emit(s, i, e, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, (cr_dayrange){mon, mon + 6}, G_WEEK, NULL);
			return e - i;
		}
	}
	/* the week beginning|starting|commencing [on] DATE, the week of DATE: the date names the week */
	if (is(s, j, "week") && (is(s, j + 1, "beginning") || is(s, j + 1, "starting") || is(s, j + 1, "commencing") ||
	                         is(s, j + 1, "of"))) {
		size_t k = j + 2 + (is(s, j + 2, "on") && !is(s, j + 1, "of"));
		size_t before = s->out.len;
		size_t took = k < s->n && !s->w[k].punct ? cr_tx_rule_day_month(s, k) : 0;
		if (!took && k < s->n && !s->w[k].punct && is(s, k, "the") && s->w[k + 1 < s->n ? k + 1 : k].ordinal)
			took = rule_the_nth_any(s, k);
		if (took && s->out.len == before + 1 && s->out.items[before].type == CR_TIMEX_DATE) {
			cr_timex *x = &s->out.items[before];
			x->start = s->w[i].start;
			if (known(x->range) && x->range.earliest == x->range.latest)
				x->range.latest = x->range.earliest + 6;
			return k + took - i;
		}
		s->out.len = before;
	}
	if (is(s, i, "the") && is(s, i + 1, "week") && is(s, i + 2, "after") && is(s, i + 3, "next") && have) {
		int32_t mon = monday_of(a) + 14;
		cr_tx_emit(s, i, i + 4, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, (cr_dayrange){mon, mon + 6}, G_WEEK, NULL);
		return 4;
	}
	/* the ORD month of YEAR | this/next/last year */
	int n = j < s->n && s->w[j].ordinal && s->w[j].num >= 1 && s->w[j].num <= 12 ? s->w[j].num : -1;
	if (n < 0 && j < s->n) {
		size_t e;
		bool ord = false;
		int v = cr_tx_spelled(s, j, &e, true, &ord);
		if (ord && e == j + 1 && v >= 1 && v <= 12)
			n = v;
	}
	size_t k = j + 2;
	int y = -1;
	uint8_t anchor = CR_ANCHOR_NONE;
	if (is(s, k, "of") && is_year(s, k + 1)) {
		y = s->w[k + 1].num;
		k += 2;
	} else if (is(s, k, "of") && (is(s, k + 1, "this") || is(s, k + 1, "next") || is(s, k + 1, "last")) &&
	           is(s, k + 2, "year") && have) {
		y = year_of(a) + (is(s, k + 1, "next") ? 1 : is(s, k + 1, "last") ? -1 : 0);
		anchor = CR_ANCHOR_DOCUMENT;
		k += 3;
	}
	if (n > 0 && is(s, j + 1, "month") && y > 0) {
		cr_tx_emit(s, i, k, CR_TIMEX_DATE, anchor, cr_range_month(y, n), G_MONTH, NULL);
		return k - i;
	}
	/* [the] week N [of YEAR | of this/next/last year] */
	if (!is(s, j, "week") || j + 1 >= s->n || s->w[j + 1].num < 1 || s->w[j + 1].num > 53 || s->w[j + 1].ordinal ||
	    strlen(s->w[j + 1].low) != s->w[j + 1].ndigits)
		return 0;
	n = s->w[j + 1].num;
	k = j + 2;
	y = -1;
	anchor = CR_ANCHOR_NONE;
	if (is(s, k, "of") && is_year(s, k + 1)) {
		y = s->w[k + 1].num;
		k += 2;
	} else if (is(s, k, "of") && (is(s, k + 1, "this") || is(s, k + 1, "next") || is(s, k + 1, "last")) &&
	           is(s, k + 2, "year") && have) {
		y = year_of(a) + (is(s, k + 1, "next") ? 1 : is(s, k + 1, "last") ? -1 : 0);
		anchor = CR_ANCHOR_DOCUMENT;
		k += 3;
	} else if (have && (k >= s->n || (s->w[k].punct && s->w[k].low[0] != ':' && s->w[k].low[0] != '-')) && j > 0 &&
	           (is(s, j - 1, "the") || is(s, j - 1, ",") || is(s, j - 1, "in"))) {
		y = year_of(a);
		anchor = CR_ANCHOR_DOCUMENT;
	} else {
		return 0;
	}
	int32_t w1 = monday_of(cr_days_from_civil(y, 1, 4));
	int32_t wl = monday_of(cr_days_from_civil(y, 12, 28));
	if (n > (int)((wl - w1) / 7) + 1)
		return 0;
	int32_t mon = w1 + 7 * (n - 1);
	char value[40];
	snprintf(value, sizeof value, "%04d-W%02d", y, n);
	cr_tx_emit(s, j, k, CR_TIMEX_DATE, anchor, (cr_dayrange){mon, mon + 6}, G_SPAN, value);
	return k - i;
}

/* ---- compact and numeric dates ----------------------------------------------- */

/* The month named by letters t[0..l) ("aug", "Sept", "september"), or 0. */
static int month_name(const scan *s, const char *t, size_t l)
{
	char k[16];
	if (l < 3 || l >= sizeof k)
		return 0;
	for (size_t p = 0; p < l; p++)
		k[p] = (char)cr_lower((unsigned char)t[p]);
	long r = cr_lexicon_find(s->ctx->words, k, l);
	if (r < 0 || s->ctx->words->ncols[r] < 3 || strcmp(s->ctx->words->cols[r][1], "month") != 0)
		return 0;
	return atoi(s->ctx->words->cols[r][2]);
}

enum { C_NUM, C_YEAR, C_MONTH };
typedef struct comp {
	uint8_t type;
	int val;
	uint8_t digits;
	bool pad;   /* a leading zero */
} comp;

/*
 * A compact date at word i read from the text: up to three parts joined by
 * '/', '-' or '.' with no space ("Oct/2", "05-Aug-2016", "2015-3",
 * "Dec31"). Returns the number of parts and the separator; *e is the byte
 * after the last part.
 */
static int read_compact(const scan *s, size_t i, comp *c, char *sep, uint32_t *e, size_t limit)
{
	const char *t = s->text;
	uint32_t p = s->w[i].start;
	int n = 0;
	*sep = 0;
	while (n < 3) {
		uint32_t q = p;
		while (q < limit && cr_is_digit((unsigned char)t[q]))
			q++;
		if (q > p) {
			if (q - p > 4)
				return 0;
			c[n].val = cr_digits_val(t, p, q);
			c[n].digits = (uint8_t)(q - p);
			c[n].pad = t[p] == '0';
			c[n].type = q - p == 4 ? C_YEAR : C_NUM;
			if (q - p == 3)
				return 0;
			n++;
		} else {
			while (q < limit && cr_is_alpha((unsigned char)t[q]))
				q++;
			if (q == p)
				return 0;
			int m = month_name(s, t + p, q - p);
			if (!m)
				return 0;
			c[n].type = C_MONTH;
			c[n].val = m;
			c[n].digits = 0;
			c[n].pad = false;
			n++;
			/* "Dec31": digits straight after the name */
			if (n < 3 && q < limit && cr_is_digit((unsigned char)t[q]) && !*sep && n == 1) {
				uint32_t r = q;
				while (r < limit && cr_is_digit((unsigned char)t[r]))
					r++;
				if (r - q > 2 && r - q != 4)
					return 0;
				c[n].val = cr_digits_val(t, q, r);
				c[n].digits = (uint8_t)(r - q);
				c[n].pad = t[q] == '0';
				c[n].type = r - q == 4 ? C_YEAR : C_NUM;
				n++;
				q = r;
				*sep = ' ';
			}
		}
		p = q;
		if (p + 1 < limit && (t[p] == '/' || t[p] == '-' || t[p] == '.') && cr_is_alpha((unsigned char)t[p + 1]) + cr_is_digit((unsigned char)t[p + 1]) &&
		    (!*sep || *sep == t[p]) && n < 3) {
			*sep = t[p];
			p++;
			continue;
		}
		break;
	}
	/* the token must end here: not "2015-3-more" or "12/5ths" */
	if (p < limit && (cr_is_alpha((unsigned char)t[p]) || cr_is_digit((unsigned char)t[p]) ||
	                  ((t[p] == '/' || t[p] == '-') && p + 1 < limit && cr_is_digit((unsigned char)t[p + 1]))))
		return 0;
	*e = p;
	return n;
}

/* Words before i that make a bare "7/6" a date: on, a weekday, this/next, by, until. */
static bool numeric_cue(const scan *s, size_t i)
{
	if (i == 0)
		return false;
	size_t k = i - 1;
	if (is(s, k, "on") || is(s, k, "this") || is(s, k, "next") || is(s, k, "until") || is(s, k, "till") ||
	    s->w[k].kind == K_WEEKDAY)
		return true;
	return false;
}

static bool valid_md(int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= 31 && d <= cr_days_in_month(2000, m); }

/* Compact and numeric dates (see read_compact); weekday: a weekday or this/next stands before, a cue. */
static size_t compact_date(scan *s, size_t i, size_t span_start, bool cue)
{
	if (i >= s->n || s->w[i].punct)
		return 0;
	comp c[3];
	char sep = 0;
	uint32_t e;
	size_t limit = s->w[s->n - 1].end;
	int n;
	if (s->w[i].end - s->w[i].start == 8 && s->w[i].num < 0 && cr_is_digit((unsigned char)s->text[s->w[i].start]) &&
	    strspn(s->w[i].low, "0123456789") == 8) {
		n = 1;   /* 20161016 */
		e = s->w[i].end;
	} else {
		n = read_compact(s, i, c, &sep, &e, limit);
	}
	if (n < 1)
		return 0;
	/* "Sep." closing the date: the dot is the sentence's */
	bool dot = false;
	size_t j0 = cr_tx_word_ending_at(s, i, e);
	if (j0 >= s->n && e < limit && s->text[e] == '.') {
		j0 = cr_tx_word_ending_at(s, i, e + 1);
		dot = true;
	}
	size_t j = j0;
	if (j >= s->n)
		return 0;
	int y = -1, m = 0, d = 0;
	int months = 0, years = 0, nums = 0;
	for (int k = 0; k < n; k++)
		months += c[k].type == C_MONTH, years += c[k].type == C_YEAR, nums += c[k].type == C_NUM;
	uint8_t anchor = CR_ANCHOR_NONE;
	bool gran_month = false;
	if (n == 1) {
		/* 20161016 */
		if (s->w[i].end - s->w[i].start != 8 || j != i)
			return 0;
		const char *t = s->text + s->w[i].start;
		for (int k = 0; k < 8; k++)
			if (!cr_is_digit((unsigned char)t[k]))
				return 0;
		y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
		m = (t[4] - '0') * 10 + (t[5] - '0');
		d = (t[6] - '0') * 10 + (t[7] - '0');
		if (y < 1950 || y > 2050)
			return 0;
	} else if (n == 3 && months == 1 && years == 1 && nums == 1) {
		for (int k = 0; k < 3; k++) {
			if (c[k].type == C_MONTH)
				m = c[k].val;
			else if (c[k].type == C_YEAR)
				y = c[k].val;
			else
				d = c[k].val;
		}
	} else if (n == 3 && nums == 3 && sep == '/' && c[2].digits == 2 && c[0].digits <= 2 && c[1].digits <= 2) {
		/* 12/12/30, 23/08/39: a two-digit year, 1940-2039 */
		m = c[0].val, d = c[1].val;
		if (m > 12)
			m = c[1].val, d = c[0].val;
		y = c[2].val + (c[2].val >= 40 ? 1900 : 2000);
	} else if (n == 3 && years == 1 && nums == 2 && sep != '.') {
		if (c[0].type == C_YEAR) {
			/* 2018-7-6; the plain ISO form is rule_iso's */
			if (sep == '-' && c[1].pad && c[2].pad && c[1].digits == 2 && c[2].digits == 2)
				return 0;
			m = c[1].val, d = c[2].val;
			y = c[0].val;
		} else if (c[2].type == C_YEAR) {
			if (sep == '/' && !cue)
				return 0;   /* rule_numeric's */
			m = c[0].val, d = c[1].val, y = c[2].val;
			if (m > 12)
				m = c[1].val, d = c[0].val;
		} else {
			return 0;
		}
	} else if (n == 2 && months == 1 && years == 1 && sep != '.') {
		m = c[0].type == C_MONTH ? c[0].val : c[1].val;
		y = c[0].type == C_YEAR ? c[0].val : c[1].val;
		gran_month = true;
	} else if (n == 2 && months == 1 && nums == 1 && c[0].type == C_MONTH && sep != '.') {
		/* Oct/2, Dec31, mar3 */
		if (!(sep == '/' || sep == ' ' || sep == '-'))
			return 0;
		m = c[0].val, d = c[1].val;
	} else if (n == 2 && months == 1 && nums == 1 && sep == '/') {
		m = c[1].val, d = c[0].val;
	} else if (n == 2 && years == 1 && nums == 1 && c[0].type == C_YEAR && sep == '-') {
		/* 2015-3, 2015-03 (not the span 2010-11) */
		if (!(c[1].digits == 1 || c[1].pad || c[1].val < c[0].val % 100) || c[1].val < 1 || c[1].val > 12)
			return 0;
		if (c[1].val == (c[0].val + 1) % 10 || c[1].val == (c[0].val + 1) % 100)
			return 0;   /* 2005-6, 2003-04: a season or fiscal year, two years */
		y = c[0].val, m = c[1].val;
		gran_month = true;
	} else if (n == 2 && years == 1 && nums == 1 && c[1].type == C_YEAR && sep == '-') {
		/* 12-2015 */
		if (c[0].val < 1 || c[0].val > 12)
			return 0;
		y = c[1].val, m = c[0].val;
		gran_month = true;
	} else if (n == 2 && nums == 2 && (sep == '/' || sep == '.')) {
		/* 7/6, 22/04, 5.12: only after a cue, never a fraction or a score */
		if (!cue && !numeric_cue(s, span_start))
			return 0;
		if (j + 1 < s->n && (is(s, j + 1, "%") || is(s, j + 1, "percent") || is(s, j + 1, "of")))
			return 0;
		m = c[0].val, d = c[1].val;
		if (m > 12)
			m = c[1].val, d = c[0].val;
	} else {
		return 0;
	}
	if (gran_month) {
		if (m < 1 || m > 12 || y < 1000)
			return 0;
		cr_tx_emit(s, span_start, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_month(y, m), G_MONTH, NULL);
		if (dot)
			s->out.items[s->out.len - 1].end = e;
		return j + 1 - span_start;
	}
	if (!valid_md(m, d))
		return 0;
	if (y < 0 && !dot && is(s, j + 1, ",") && is_year(s, j + 2)) {
		y = s->w[j + 2].num;   /* Dec31, 1994 */
		j += 2;
	}
	if (y < 0) {
		anchor = CR_ANCHOR_DOCUMENT;
		y = year_for(s, m, d);
	}
	emit_day(s, span_start, j + 1, y, m, d, anchor);
	if (dot)
		s->out.items[s->out.len - 1].end = e;
	return j + 1 - span_start;
}

/* ---- dates in words, lower-case month names ---------------------------------- */

/* What may follow a date written with a day in words ("January first ..."). */
static bool date_end_ok(const scan *s, size_t k)
{
	if (k >= s->n || s->w[k].punct || s->w[k].cap || s->w[k].kind != K_NONE || s->w[k].num >= 0)
		return true;
	static const char *const ok[] = {"at", "and", "or", "to", "on", "in", "from", "until", "till", "when", "was",
	                                 "is", "will", "we", "i", "he", "she", "they", "the"};
	for (size_t q = 0; q < CR_ARRAY_LEN(ok); q++)
		if (is(s, k, ok[q]))
			return true;
	return false;
}

/* A year after a date at k: ", 2022", "of 1995", "in 2020", "2022", "nineteen eighty six". */
static int year_after(const scan *s, size_t k, size_t *end, bool *words)
{
	size_t q = k;
	if (is(s, q, ",") || ((is(s, q, "of") || is(s, q, "in")) && (is_year(s, q + 1) || cr_tx_spelled_year(s, q + 1, end) > 0)))
		q++;
	*words = false;
	if (is_year(s, q)) {
		*end = q + 1;
		return s->w[q].num;
	}
	int y = cr_tx_spelled_year(s, q, end);
	if (y > 0) {
		*words = true;
		return y;
	}
	/* 15 April of 87 */
	if (is(s, k, "of") && k + 1 < s->n && s->w[k + 1].ndigits == 2 && strlen(s->w[k + 1].low) == 2 &&
	    (k + 2 >= s->n || s->w[k + 2].punct)) {
		*end = k + 2;
		*words = true;
		return s->w[k + 1].num + (s->w[k + 1].num < 50 ? 2000 : 1900);
	}
	return -1;
}

/*
 * MONTH DAY [YEAR], [the] DAY [day] of MONTH [YEAR], DAY MONTH [YEAR] with
 * a day or a year in words or a lower-case month: the forms
 * cr_tx_rule_day_month does not read. Also "MONTH of YEAR", "april 2017",
 * "in 2017 april".
 */
static size_t rule_word_date(scan *s, size_t i)
{
	size_t j = i, k, e;
	int m = 0, d = -1;
	bool dwords = false, novel = false;
	bool the = is(s, j, "the");
	bool cardinal_words = false, dayof = false;
	if (month_any(s, j)) {
		m = s->w[j].val;
		novel = !s->w[j].cap;
		bool mayish = is(s, j, "may") || is(s, j, "march") || is(s, j, "mar");
		/* MONTH of YEAR, MONTH of 87 */
		if (is(s, j + 1, "of") && (is_year(s, j + 2) || (s->w[j + 2 < s->n ? j + 2 : j].ndigits == 2 && j + 2 < s->n &&
		                                                  !s->w[j + 2].ordinal && strlen(s->w[j + 2].low) == 2)) &&
		    (s->w[j].cap || !mayish)) {
			int y = s->w[j + 2].num;
			if (y < 100)
				y += y < 50 ? 2000 : 1900;
			if (is_day(s, j + 3) || month_any(s, j + 3))
				return 0;
			cr_tx_emit(s, i, j + 3, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_month(y, m), G_MONTH, NULL);
			return 3;
		}
		/* lower-case month and year: april 2017 */
		if (novel && !mayish && is_year(s, j + 1) && !is_day(s, j + 2)) {
			cr_tx_emit(s, i, j + 2, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_month(s->w[j + 1].num, m), G_MONTH, NULL);
			return 2;
		}
		/* Dec, 2018 */
		if (is(s, j + 1, ",") && is_year(s, j + 2) && (j + 3 >= s->n || s->w[j + 3].punct) && (s->w[j].cap || !mayish)) {
			cr_tx_emit(s, i, j + 3, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_month(s->w[j + 2].num, m), G_MONTH, NULL);
			return 3;
		}
		/* October two thousand and five */
		{
			size_t ye;
			int y = cr_tx_spelled_year(s, j + 1, &ye);
			if (y > 0 && date_end_ok(s, ye) && (s->w[j].cap || !mayish)) {
				cr_tx_emit(s, i, ye, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_month(y, m), G_MONTH, NULL);
				return ye - i;
			}
		}
		if (is(s, j + 1, "the"))
			j++;   /* june the 28th */
		d = day_at(s, j + 1, &k, &dwords);
		if (d < 0)
			return 0;
		if (dwords && mayish && s->w[j + 1].kind == K_COUNT && s->w[j + 1].val < 10)
			return 0;   /* "may one day" */
		/* lower-case "march 5", "may 10" are verbs and counts unless a date word leads or a year follows */
		if (mayish && !s->w[j].cap && !dwords && !(i > 0 && (is(s, i - 1, "on") || is(s, i - 1, "by") ||
		                                                     is(s, i - 1, "until") || is(s, i - 1, "since"))) &&
		    !is_year(s, k) && !(is(s, k, ",") && is_year(s, k + 1)))
			return 0;
		if (!dwords && (is(s, k, ":") || is(s, k, ".")))
			return 0;
		if (!dwords && s->w[j].cap)
			novel = novel || false;
	} else {
		if (the)
			j++;
		d = day_at(s, j, &k, &dwords);
		if (d < 0)
			return 0;
		size_t tmp;
		/* "three November" is a count unless a year follows: "fifteen August nineteen ninety three" */
		cardinal_words = dwords && !is(s, k, "of") && cr_tx_spelled(s, j, &tmp, false, NULL) == d;
		if (is(s, k, "day") && is(s, k + 1, "of")) {
			k += 2;
			novel = true;
			dayof = true;
			/* the 15th day of next month, the twenty-sixth day of the month */
			if ((is(s, k, "this") || is(s, k, "next") || is(s, k, "last") || is(s, k, "the")) && is(s, k + 1, "month")) {
				int32_t a;
				if (!anchor_of(s, &a))
					return 0;
				int off = is(s, k, "next") ? 1 : is(s, k, "last") ? -1 : 0;
				int ay, am, ad;
				cr_civil_from_days(a, &ay, &am, &ad);
				int mm = ay * 12 + am - 1 + off;
				if (d > cr_days_in_month(mm / 12, mm % 12 + 1))
					return 0;
				emit_day(s, the ? i : j, k + 2, mm / 12, mm % 12 + 1, d, CR_ANCHOR_DOCUMENT);
				return k + 2 - i;
			}
		} else if (is(s, k, "of")) {
			k++;
		}
		if (!month_any(s, k))
			return 0;
		if (!s->w[k].cap && (is(s, k, "may") || is(s, k, "march")) && !is(s, k - 1, "of"))
			return 0;
		novel = novel || !s->w[k].cap;
		m = s->w[k].val;
		k++;
	}
	novel = novel || dwords;
	bool ywords;
	int y = year_after(s, k, &e, &ywords);
	if (y > 0) {
		novel = novel || ywords;
		k = e;
	}
	if (cardinal_words && y < 0)
		return 0;
	if (!novel && y < 0 && m == 2 && d == 29)
		novel = true;   /* the core rule reads no 29 February in a common year */
	if (!novel)
		return 0;
	if (dwords && !date_end_ok(s, k))
		return 0;
	if (d > 31)
		return 0;
	uint8_t anchor = CR_ANCHOR_NONE;
	if (y < 0) {
		anchor = CR_ANCHOR_DOCUMENT;
		y = year_for(s, m, d);
	}
	size_t start = the && !month_any(s, i) && dwords ? i + 1 : i;
	if (the && !dwords)
		start = i + 1;
	if (the && dayof && !dwords)
		start = i;   /* "the 15th day of June" */
	emit_day(s, start, k, y, m, d, anchor);
	return k - i;
}

/*
 * Years in words, as broadcast transcripts write them: "nineteen
 * ninety-six" (two pairs of digits), "the year two thousand", "in two
 * thousand and five" (after a word that takes a year).
 */
static size_t rule_spelled_year(scan *s, size_t i)
{
	size_t j = i, e;
	bool the_year = is(s, i, "the") && is(s, i + 1, "year");
	if (the_year)
		j = i + 2;
	int y = cr_tx_spelled_year(s, j, &e);
	if (y < 1000 || e < j + 2 || (!the_year && !date_end_ok(s, e)))
		return 0;   /* "the year two thousand has": "the year" settles it */
	size_t e1;
	int first = cr_tx_spelled(s, j, &e1, false, NULL);
	bool pairs = first >= 11 && first <= 20 && e1 == j + 1;   /* nineteen | ninety-six */
	bool cue = the_year || (i > 0 && (is(s, i - 1, "in") || is(s, i - 1, "since") || is(s, i - 1, "of") ||
	                                  is(s, i - 1, "until") || is(s, i - 1, "by") || is(s, i - 1, "year")));
	if (!pairs && !cue)
		return 0;
	cr_tx_emit(s, i, e, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_year(y), G_YEAR, NULL);
	return e - i;
}

/* ---- weekdays with a date or a week ------------------------------------------ */

static int weekday_abbr(const scan *s, size_t i)
{
	static const char *const ab[] = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"};
	static const int val[] = {0, 1, 1, 2, 3, 3, 3, 4, 5, 6};
	if (i >= s->n)
		return -1;
	char c = s->w[i].low[0];
	if (!(c == 'm' || c == 't' || c == 'w' || c == 'f' || c == 's') || s->w[i].low[2] == 0 ||
	    (s->w[i].low[3] && s->w[i].low[4] && s->w[i].low[5]))
		return -1;   /* "thurs." is the longest */
	char k[8];
	size_t l = strlen(s->w[i].low);
	if (l >= sizeof k)
		return -1;
	memcpy(k, s->w[i].low, l + 1);
	if (l && k[l - 1] == '.')
		k[l - 1] = 0;
	for (size_t q = 0; q < CR_ARRAY_LEN(ab); q++)
		if (strcmp(k, ab[q]) == 0)
			return val[q];
	return -1;
}

/* The nearest day d of a month that falls on weekday wd (back, or forward in a future sentence). */
static int32_t weekday_day(scan *s, int wd, int d)
{
	int32_t a;
	if (!anchor_of(s, &a))
		return CR_DAY_NONE;
	int y, m, dd;
	cr_civil_from_days(a, &y, &m, &dd);
	bool fut = cr_tx_fut(s);
	for (int step = 0; step < 40; step++) {
		int mm = y * 12 + m - 1 + (fut ? step - 1 : 1 - step);
		int yy = mm / 12, mo = mm % 12 + 1;
		if (d > cr_days_in_month(yy, mo))
			continue;
		int32_t z = cr_days_from_civil(yy, mo, d);
		if (cr_weekday(z) != wd)
			continue;
		if (fut ? z >= a - 3 : z <= a + 7)
			return z;
	}
	return CR_DAY_NONE;
}

/* The weekday at i: a name in any case, or an abbreviation when abbr. */
static int weekday_at(const scan *s, size_t i, bool abbr)
{
	if (i < s->n && s->w[i].kind == K_WEEKDAY)
		return s->w[i].val;
	return abbr ? weekday_abbr(s, i) : -1;
}

static int week_offset(const scan *s, size_t k, size_t *used)
{
	*used = 1;
	if (is(s, k, "this"))
		return 0;
	if (is(s, k, "next") || is(s, k, "following"))
		return 1;
	if (is(s, k, "last") || is(s, k, "previous"))
		return -1;
	if (is(s, k, "the") && (is(s, k + 1, "following") || is(s, k + 1, "next") || is(s, k + 1, "previous"))) {
		*used = 2;
		return is(s, k + 1, "previous") ? -1 : 1;
	}
	return 9;
}

static size_t emit_week_day(scan *s, size_t i, size_t end, int off, int wd)
{
	int32_t a;
	if (!anchor_of(s, &a)) {
		char value[40];
		snprintf(value, sizeof value, "XXXX-WXX-%d", wd + 1);
		cr_tx_emit(s, i, end, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, none(), G_DAY, value);
		return end - i;
	}
	int32_t z = monday_of(a) + 7 * off + wd;
	cr_tx_emit(s, i, end, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, (cr_dayrange){z, z}, G_DAY, NULL);
	return end - i;
}

/* "Following Sunday's battle": a weekday in the possessive after
 * "following" is the day of what follows; "following" is no "next". */
static bool possessive_after(const scan *s, size_t k)
{
	if (k >= s->n)
		return false;
	size_t l = strlen(s->w[k].low);
	return (l > 2 && strcmp(s->w[k].low + l - 2, "'s") == 0) || (k + 1 < s->n && (is(s, k + 1, "'s") || is(s, k + 1, "'")));
}

/*
 * WEEKDAY [,] DATE where the core weekday rule reads no date (Friday 7/6,
 * Tue May 9, Mon 13th, tuesday the eleventh); [this|next] [WEEKDAY] 5/12;
 * WEEKDAY of next week; next week [on] WEEKDAY; WEEKDAY mornings (a set).
 */
static size_t weekday_date_forms(scan *s, size_t i)
{
	size_t j = i;
	bool rel = false;
	{
		/* this past Wednesday: the latest before; (this) coming Thursday: the first after;
		   previous / following Friday: that day of the week before / after */
		size_t q = i + is(s, i, "this");
		int mode = is(s, q, "past") ? 1 : (is(s, q, "coming") || is(s, q, "upcoming")) ? 2
		         : q == i && is(s, q, "previous") ? 3
		         : q == i && is(s, q, "following") && !(i > 0 && is(s, i - 1, "the")) && !possessive_after(s, q + 1) ? 4 : 0;
		int32_t a;
		if (mode && q + 1 < s->n && s->w[q + 1].kind == K_WEEKDAY && anchor_of(s, &a)) {
			int wd = s->w[q + 1].val, awd = cr_weekday(a);
			int32_t z = mode == 1 ? a - ((awd - wd + 6) % 7 + 1) : mode == 2 ? a + ((wd - awd + 6) % 7 + 1)
			          : monday_of(a) + (mode == 3 ? -7 : 7) + wd;
			uint8_t anchor = CR_ANCHOR_DOCUMENT;
			if (mode == 3 && i > 0 && is(s, i - 1, "the") && known(s->narrative) &&
			    s->narrative.earliest == s->narrative.latest) {
				/* "the previous Friday" in a story: the one before the day it is telling */
				int nwd = cr_weekday(s->narrative.earliest);
				z = s->narrative.earliest - ((nwd - wd + 6) % 7 + 1);
				anchor = CR_ANCHOR_NARRATIVE;
			}
			/* "this coming Sunday, March eighth": the date says it all */
			size_t k = q + 2 + is(s, q + 2, ","), before = s->out.len;
			size_t took = k < s->n && !s->w[k].punct ? cr_tx_rule_day_month(s, k) : 0;
			if (!took && k < s->n && !s->w[k].punct)
				took = rule_word_date(s, k);
			if (took && s->out.len == before + 1) {
				s->out.items[before].start = s->w[i].start;
				return k + took - i;
			}
			s->out.len = before;
			cr_tx_emit(s, i, q + 2, CR_TIMEX_DATE, anchor, (cr_dayrange){z, z}, G_DAY, NULL);
			return q + 2 - i;
		}
	}
	if (is(s, j, "this") || is(s, j, "next")) {
		/* this 5/12, this friday 5/12 */
		rel = true;
		j++;
	}
	/* next week [on|-|,] Monday */
	size_t used;
	int woff = week_offset(s, i, &used);
	if (woff != 9 && is(s, i + used, "week")) {
		size_t k = i + used + 1;
		if (is(s, k, "on") || is(s, k, "-") || is(s, k, ","))
			k++;
		int wd = weekday_at(s, k, true);
		if (wd >= 0 && (s->w[k].kind == K_WEEKDAY || is(s, k + 1, "or") || k + 1 >= s->n || s->w[k + 1].punct))
			return emit_week_day(s, i, k + 1, woff, wd);
	}
	int wd = weekday_at(s, j, true);
	bool full = wd >= 0 && s->w[j].kind == K_WEEKDAY;
	size_t wl = wd >= 0 ? strlen(s->w[j].low) : 0;
	if (wl > 2 && s->w[j].low[wl - 2] == '\'' && s->w[j].low[wl - 1] == 's')
		return 0;   /* "Monday's 4%", "Sunday's 2-2": what follows is the day's, not a date */
	if (wd < 0) {
		if (rel)
			return compact_date(s, j, i, true);
		return 0;
	}
	size_t k = j + 1;
	/* Monday of next week, tuesday of the following week */
	if (full && is(s, k, "of")) {
		int off = week_offset(s, k + 1, &used);
		if (off != 9 && is(s, k + 1 + used, "week"))
			return emit_week_day(s, i, k + 2 + used, off, wd);
	}
	/* Friday mornings, tuesday afternoons: a set */
	if (full && !rel && k < s->n) {
		size_t l = strlen(s->w[k].low);
		if (l > 2 && s->w[k].low[l - 1] == 's') {
			word w = {0};
			snprintf(w.low, sizeof w.low, "%.*s", (int)(l - 1), s->w[k].low);
			static const char *const parts[] = {"", "morning", "afternoon", "evening", "night"};
			static const char *const code[] = {"", "MO", "AF", "EV", "NI"};
			for (int p = 1; p <= 4; p++)
				if (strcmp(w.low, parts[p]) == 0) {
					char value[40];
					snprintf(value, sizeof value, "XXXX-WXX-%dT%s", wd + 1, code[p]);
					cr_tx_emit(s, i, k + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
					return k + 1 - i;
				}
		}
	}
	if (is(s, k, ",") || is(s, k, "-"))
		k++;
	if (k >= s->n)
		return 0;
	size_t before = s->out.len;
	/* a compact date */
	size_t took = compact_date(s, k, k, true);
	if (!took && (!full || !s->w[j].cap || rel) && !s->w[k].punct)
		took = cr_tx_rule_day_month(s, k);
	if (!took && !s->w[k].punct)
		took = rule_word_date(s, k);
	if (took && s->out.len == before + 1) {
		s->out.items[before].start = s->w[i].start;
		return k + took - i;
	}
	s->out.len = before;
	if (rel)
		return 0;
	/* the eleventh, the 13th; 13th; 21 at the end of a clause */
	size_t e;
	bool words;
	int d = -1;
	if (is(s, k, "the") && k == j + 1) {
		d = day_at(s, k + 1, &e, &words);
		if (d > 0 && ((!s->w[k + 1].ordinal && !words) || !date_end_ok(s, e)))
			d = -1;
	} else if (k == j + 1 && is_day(s, k) && (s->w[k].ordinal || k + 1 >= s->n || s->w[k + 1].punct) &&
	           !(k + 1 < s->n && s->w[k + 1].start == s->w[k].end && (is(s, k + 1, ":") || is(s, k + 1, ".") || is(s, k + 1, "-")) &&
	             k + 2 < s->n && s->w[k + 2].num >= 0)) {
		d = s->w[k].num;
		e = k + 1;
	}
	if (d < 1 || (e < s->n && (month_any(s, e) || is(s, e, "of"))))
		return 0;
	if (!full && !s->w[k].ordinal && !is(s, k, "the"))
		return 0;
	int32_t z = weekday_day(s, wd, d);
	if (z == CR_DAY_NONE) {
		char value[40];
		snprintf(value, sizeof value, "XXXX-WXX-%d", wd + 1);
		cr_tx_emit(s, i, e, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, none(), G_DAY, value);
	} else {
		cr_tx_emit(s, i, e, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, (cr_dayrange){z, z}, G_DAY, NULL);
	}
	return e - i;
}

static size_t rule_weekday_date(scan *s, size_t i)
{
	size_t took = weekday_date_forms(s, i);
	if (took)
		return took;
	/* "on monday" in lower case: the core rule wants a capital */
	if (i < s->n && s->w[i].kind == K_WEEKDAY && !s->w[i].cap && i > 0 && is(s, i - 1, "on") &&
	    (i + 1 >= s->n || s->w[i + 1].punct)) {
		int32_t a;
		if (!anchor_of(s, &a))
			return 0;
		int wd = s->w[i].val;
		int32_t z = cr_tx_fut(s) ? a + (wd - cr_weekday(a) + 7) % 7 : a - (cr_weekday(a) - wd + 7) % 7;
		cr_tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, (cr_dayrange){z, z}, G_DAY, NULL);
		return 1;
	}
	return 0;
}

/* "on the 18th": a day of the nearest month (back, or forward in a future sentence) */
static size_t rule_the_nth(scan *s, size_t i)
{
	if (is_day(s, i) && s->w[i].ordinal && i > 0 && is(s, i - 1, "on") && i + 1 < s->n && s->w[i + 1].punct &&
	    s->w[i + 1].low[0] != '/') {
		/* on 29th - */
		int32_t a;
		int d = s->w[i].num;
		if (!anchor_of(s, &a))
			return 0;
		int y, m, dd;
		cr_civil_from_days(a, &y, &m, &dd);
		int mm = y * 12 + m - 1;
		if (cr_tx_fut(s) ? d < dd - 3 : d > dd + 7)
			mm += cr_tx_fut(s) ? 1 : -1;
		if (d > cr_days_in_month(mm / 12, mm % 12 + 1))
			return 0;
		emit_day(s, i, i + 1, mm / 12, mm % 12 + 1, d, CR_ANCHOR_DOCUMENT);
		return 1;
	}
	if (!is(s, i, "the") || i == 0 || !(is(s, i - 1, "on") || is(s, i - 1, "of")))
		return 0;
	return rule_the_nth_any(s, i);
}

/* the 18th [this|next|last month], at the end of a clause */
static size_t rule_the_nth_any(scan *s, size_t i)
{
	if (!is(s, i, "the") || !is_day(s, i + 1) || !s->w[i + 1].ordinal)
		return 0;
	size_t e = i + 2;
	int off = 9;
	if ((is(s, e, "this") || is(s, e, "next") || is(s, e, "last")) && is(s, e + 1, "month"))
		off = is(s, e, "this") ? 0 : is(s, e, "next") ? 1 : -1;
	else if (!(e >= s->n || (s->w[e].punct && s->w[e].low[0] != '-' && s->w[e].low[0] != '/')))
		return 0;
	int d = s->w[i + 1].num;
	int32_t a;
	if (!anchor_of(s, &a)) {
		char value[40];
		snprintf(value, sizeof value, "XXXX-XX-%02d", d);
		cr_tx_emit(s, i, e, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, none(), G_DAY, value);
		return e - i;
	}
	int y, m, dd;
	cr_civil_from_days(a, &y, &m, &dd);
	int mm = y * 12 + m - 1;
	if (off != 9) {
		mm += off;
		e += 2;
	} else if (cr_tx_fut(s) ? d < dd - 3 : d > dd + 7) {
		mm += cr_tx_fut(s) ? 1 : -1;
	}
	if (d > cr_days_in_month(mm / 12, mm % 12 + 1))
		return 0;
	emit_day(s, i, e, mm / 12, mm % 12 + 1, d, CR_ANCHOR_DOCUMENT);
	return e - i;
}

/* ---- day arithmetic ------------------------------------------------------------ */

/* The day a base expression at k names, or CR_DAY_NONE; *end after it. */
static int32_t base_day(scan *s, size_t k, size_t *end)
{
	int32_t a;
	bool have = anchor_of(s, &a);
	if (k >= s->n)
		return CR_DAY_NONE;
	if (have && (is(s, k, "today") || is(s, k, "now") || is(s, k, "tomorrow") || is(s, k, "tmrw") ||
	             is(s, k, "yesterday"))) {
		*end = k + 1;
		return a + (is(s, k, "tomorrow") || is(s, k, "tmrw") ? 1 : is(s, k, "yesterday") ? -1 : 0);
	}
	int32_t z;
	size_t took = holiday_phrase(s, k, false, true, &z);
	if (took) {
		*end = k + took;
		return z;
	}
	size_t before = s->out.len;
	cr_dayrange keep = s->narrative;
	char kv[40];
	snprintf(kv, sizeof kv, "%s", s->nar_value);
	int8_t fc = s->fut_cache;
	s->fut_cache = 1;   /* "3 days from Tuesday": the base is ahead */
	took = compact_date(s, k, k, true);
	if (!took)
		took = cr_tx_rule_day_month(s, k);
	if (!took)
		took = cr_tx_rule_weekday(s, k);
	s->fut_cache = fc;
	z = CR_DAY_NONE;
	if (took && s->out.len == before + 1) {
		cr_timex *x = &s->out.items[before];
		if (known(x->range) && x->range.earliest == x->range.latest && x->type == CR_TIMEX_DATE) {
			z = x->range.earliest;
			*end = k + took;
		}
	}
	s->out.len = before;
	s->narrative = keep;
	snprintf(s->nar_value, sizeof s->nar_value, "%s", kv);
	return z;
}

/* N units from|after|before BASE; the day after tomorrow, the day before yesterday */
static size_t rule_offset(scan *s, size_t i)
{
	size_t j = i, e;
	int n;
	if (is(s, i, "the") && is(s, i + 1, "day") && (is(s, i + 2, "after") || is(s, i + 2, "before"))) {
		n = 1;
		j = i + 1;
	} else {
		n = cr_tx_count_words(s, i, &e);
		if (n <= 0)
			return 0;
		for (size_t q = i; q < e; q++)
			if (is(s, q, "few") || is(s, q, "several") || is(s, q, "couple") || is(s, q, "many"))
				return 0;
		j = e;
	}
	if (j >= s->n || s->w[j].kind != K_UNIT || s->w[j].val <= 0 || s->w[j].val == 3650)
		return 0;
	int unit = s->w[j].val;
	size_t k = j + 1;
	int dir;
	if (is(s, k, "from") || is(s, k, "after"))
		dir = 1;
	else if (is(s, k, "before"))
		dir = -1;
	else
		return 0;
	if (is(s, k, "from") && i > 0 && is(s, i - 1, "in"))
		return 0;
	size_t be = 0;
	int32_t base = base_day(s, k + 1, &be);
	if (base == CR_DAY_NONE)
		return 0;
	if (is(s, i, "the") && !(is(s, k + 1, "tomorrow") || is(s, k + 1, "yesterday") || is(s, k + 1, "today")))
		return 0;
	int gran;
	cr_dayrange r;
	if (unit == 365)
		r = cr_tx_shift_unit((cr_dayrange){base, base}, 30, 12 * n * dir, &gran);
	else
		r = cr_tx_shift_unit((cr_dayrange){base, base}, unit, n * dir, &gran);
	cr_tx_emit(s, i, be, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_DAY, NULL);
	return be - i;
}

/* ---- the entry point: rule tables by the word that leads ------------------------ */

/*
 * cr_tx_rule_calendar runs at every word that may start a rule, so it
 * first tells what kind of word leads (a number, a calendar kind, one of a
 * few lead words, anything else: one test each) and then walks that kind's
 * table: each row a guard on the words around i and the rule it lets try.
 * The first rule that takes words wins; a row marked FINAL answers for the
 * table once its guard holds, and a row with no rule stops the table.
 */

/* What the entry point reads of the word at i once, before any row. */
typedef struct lead {
	const word *w, *nx;   /* word i, and the next or NULL */
	char after;           /* the byte after its digits (a number) or after it (a month) */
	bool unitish;         /* the next word can be a unit ("3 hours", "two and a half", "three weeks") */
	bool dateish;         /* the next word can continue a date in words ("third of", "twenty-third day") */
	bool article;         /* the word is "a" or "an" */
	bool more;            /* a word, not punctuation, follows */
	bool hyphen, digit_last, numword;
} lead;

typedef size_t (*cal_rule)(scan *s, size_t i);
typedef struct row {
	uint8_t when;         /* enum when, below: W_ALWAYS or a test of the words around i */
	cal_rule rule;        /* NULL: stop, no calendar rule applies */
	bool final;           /* once the guard holds, the rule's answer is the table's, 0 too */
} row;
enum { FINAL = 1 };

/* the rules as the tables call them */
static size_t holiday_emit(scan *s, size_t i) { return holiday_phrase(s, i, true, false, NULL); }
static size_t compact_date_at(scan *s, size_t i) { return compact_date(s, i, i, false); }

/* "18 and 19 June": the first day takes the month of the second */
static size_t rule_day_and_day(scan *s, size_t i)
{
	const word *w = &s->w[i];
	if (!(i + 1 < s->n && is_day(s, i) && !w->ordinal == !s->w[i + 2 < s->n ? i + 2 : i].ordinal &&
	      (is(s, i + 1, "and") || is(s, i + 1, "or")) && is_day(s, i + 2) && i + 3 < s->n &&
	      s->w[i + 3].kind == K_MONTH && s->w[i + 3].cap && s->w[i].num < s->w[i + 2].num))
		return 0;
	int m = s->w[i + 3].val, d = s->w[i].num;
	int y = is_year(s, i + 4) ? s->w[i + 4].num : -1;
	uint8_t anchor = CR_ANCHOR_NONE;
	if (y < 0) {
		anchor = CR_ANCHOR_DOCUMENT;
		y = year_for(s, m, d);
	}
	emit_day(s, i, i + 1, y, m, d, anchor);
	return 1;
}

/* Whether the word after a deictic word (this, next, last, ...) can continue one of these rules. */
static bool deictic_follow(const scan *s, size_t k)
{
	if (k >= s->n)
		return false;
	const word *w = &s->w[k];
	return w->kind == K_WEEKDAY || w->kind == K_UNIT || w->num >= 0 || w->cap || is(s, k, "past") ||
	       is(s, k, "coming") || is(s, k, "upcoming") || is(s, k, "working") || is(s, k, "work") ||
	       is(s, k, "workweek") || is(s, k, "easter") || is(s, k, "christmas") || is(s, k, "new") ||
	       is(s, k, "thanksgiving") || is(s, k, "halloween") || weekday_abbr(s, k) >= 0;
}

static bool ordinal_word(const scan *s, size_t k)
{
	return k < s->n && ((s->w[k].ordinal && s->w[k].num > 0) || s->w[k].kind == K_ORD || is(s, k, "last") ||
	                    is(s, k, "final") || cr_tx_maybe_numword(s, k));
}

/* ---- guards: when a row's rule may be tried ---- */

/* The guards of the rows, as holds() reads them. */
enum when {
	W_ALWAYS, W_ORDINAL, W_ORDINAL_WEEK, W_UNIT_NEXT, W_GLUED_OR_WORD_NEXT, W_COMPACT_DIGITS,
	W_DATE_WORD_NEXT, W_HOLIDAY_HEAD, W_HOLIDAY_HEAD_NEXT, W_COMPACT_MONTH, W_WEEK_NUMBER_NEXT,
	W_COUNT_NOT_ARTICLE, W_ARTICLE_ALONE, W_ORDINAL_WEEK_NEXT, W_DATE_NOT_ARTICLE, W_NO_WORD_NEXT,
	W_THE_YEAR_WORDS, W_THE_WEEKEND, W_THE_WEEK, W_THE_DAY, W_THE_NTH_WEEK, W_THE_NTH_MONTH,
	W_ORDINAL_NEXT, W_NUMBER_NEXT, W_NO_DEICTIC_FOLLOW, W_DEICTIC_FOLLOWS, W_WEEK_NEAR, W_PLAIN_WORD,
	W_WEEKDAY_ABBREVIATION, W_NUMBER_WORD, W_GLUED_WORD
};

/* Whether the guard g of a row holds at word i. */
static inline bool holds(enum when g, const scan *s, size_t i, const lead *l)
{
	const word *w = l->w, *nx = l->nx;
	char c = l->after;
	switch (g) {
	case W_ALWAYS: return true;
	case W_ORDINAL: return w->ordinal;
	case W_ORDINAL_WEEK: return w->ordinal && nx && is(s, i + 1, "week");
	case W_UNIT_NEXT: return l->unitish;
	case W_GLUED_OR_WORD_NEXT:   /* "3h", "2015-3", "3.5years", "3 hrs" */
		return c == '/' || c == '-' || c == '.' || cr_is_alpha((unsigned char)c) ||
		       (c == ' ' && nx && cr_is_alpha((unsigned char)nx->low[0]));
	case W_COMPACT_DIGITS:       /* "10/2", "2015-3", "on 5.12", "20161016" */
		return c == '/' || c == '-' || (c == '.' && numeric_cue(s, i)) || w->end - w->start == 8;
	case W_DATE_WORD_NEXT:
		return nx && (nx->kind == K_MONTH || is(s, i + 1, "of") || is(s, i + 1, "day") || is(s, i + 1, "the"));
	case W_HOLIDAY_HEAD: return head_maybe(s, i);
	case W_HOLIDAY_HEAD_NEXT: return head_maybe(s, i + 1);
	case W_COMPACT_MONTH:        /* "Dec/2018", "Dec-2018", "Dec31" */
		return c == '/' || c == '-' || cr_is_digit((unsigned char)w->low[strlen(w->low) - 1]) ||
		       cr_is_digit((unsigned char)c);
	case W_WEEK_NUMBER_NEXT: return nx && nx->num >= 0 && is(s, i, "week");
	case W_COUNT_NOT_ARTICLE: return !l->article && w->kind == K_COUNT;
	case W_ARTICLE_ALONE:        /* "a" not before a unit, "few" or "couple" */
		return l->article &&
		       !(i + 1 < s->n && (s->w[i + 1].kind == K_UNIT || is(s, i + 1, "few") || is(s, i + 1, "couple")));
	case W_ORDINAL_WEEK_NEXT: return w->kind == K_ORD && l->more && is(s, i + 1, "week");
	case W_DATE_NOT_ARTICLE: return !l->article && l->dateish;
	case W_NO_WORD_NEXT: return !nx || nx->punct;
	case W_THE_YEAR_WORDS: return is(s, i + 1, "year") && cr_tx_maybe_numword(s, i + 2);
	case W_THE_WEEKEND: return is(s, i + 1, "weekend");
	case W_THE_WEEK: return is(s, i + 1, "week");
	case W_THE_DAY: return is(s, i + 1, "day");
	case W_THE_NTH_WEEK: return is(s, i + 2, "week") && ordinal_word(s, i + 1);
	case W_THE_NTH_MONTH: return is(s, i + 2, "month") && ordinal_word(s, i + 1);
	case W_ORDINAL_NEXT: return nx->ordinal;
	case W_NUMBER_NEXT: return nx->num >= 0 || cr_tx_maybe_numword(s, i + 1);
	case W_NO_DEICTIC_FOLLOW: return !deictic_follow(s, i + 1);
	case W_DEICTIC_FOLLOWS: return deictic_follow(s, i + 1);
	case W_WEEK_NEAR: return is(s, i + 1, "week") || is(s, i + 2, "week");
	case W_PLAIN_WORD: return !w->cap && !l->hyphen;
	case W_WEEKDAY_ABBREVIATION: /* "Tue", "Thurs." capitalised */
		return w->cap && strchr("mtwfs", w->low[0]) && w->low[0] && w->low[2] && !w->low[5] &&
		       weekday_abbr(s, i) >= 0;
	case W_NUMBER_WORD: return l->numword;
	case W_GLUED_WORD: return l->hyphen || l->digit_last;
	}
	return false;
}

/* ---- tables ---- */

static const row by_number[] = {        /* 3h, 2015-3, 18th of every month, 3 weeks from today */
	{W_ORDINAL, cr_tx_rule_cal_set, 0},
	{W_GLUED_OR_WORD_NEXT, cr_tx_rule_compact_duration, 0},
	{W_UNIT_NEXT, rule_offset, 0},
	{W_ORDINAL, rule_the_nth, 0},
	{W_ORDINAL_WEEK, rule_week_of, 0},
	{W_COMPACT_DIGITS, compact_date_at, 0},
	{W_DATE_WORD_NEXT, rule_word_date, 0},
	{W_ALWAYS, rule_day_and_day, 0},
	{W_UNIT_NEXT, cr_tx_rule_word_duration, 0},
};
static const row by_set[] = {{W_ALWAYS, cr_tx_rule_cal_set, FINAL}};
static const row by_month[] = {         /* Easter Monday, Dec31, aug 5 */
	{W_HOLIDAY_HEAD, holiday_emit, 0},
	{W_COMPACT_MONTH, compact_date_at, 0},
	{W_ALWAYS, rule_word_date, 0},
};
static const row by_weekday[] = {{W_ALWAYS, rule_weekday_date, FINAL}};
static const row by_unit[] = {{W_WEEK_NUMBER_NEXT, rule_week_month_n, FINAL}};
static const row by_count[] = {         /* nineteen ninety-six, the third week of, two days after, twenty third of */
	{W_COUNT_NOT_ARTICLE, rule_spelled_year, 0},
	{W_ARTICLE_ALONE, NULL, 0},
	{W_ORDINAL_WEEK_NEXT, rule_week_of, 0},
	{W_UNIT_NEXT, rule_offset, 0},
	{W_DATE_NOT_ARTICLE, rule_word_date, 0},
	{W_UNIT_NEXT, cr_tx_rule_word_duration, 0},
};
static const row by_half[] = {{W_ALWAYS, cr_tx_rule_half_duration, FINAL}};
static const row by_every[] = {{W_ALWAYS, cr_tx_rule_cal_set, FINAL}};
static const row by_the[] = {           /* the year two thousand, the weekend of, the week of, the 18th */
	{W_NO_WORD_NEXT, NULL, 0},
	{W_THE_YEAR_WORDS, rule_spelled_year, FINAL},
	{W_THE_WEEKEND, holiday_emit, FINAL},
	{W_THE_WEEK, rule_week_month_n, FINAL},
	{W_THE_DAY, rule_offset, FINAL},
	{W_THE_NTH_WEEK, rule_week_of, FINAL},
	{W_THE_NTH_MONTH, rule_week_month_n, FINAL},
	{W_ORDINAL_NEXT, rule_the_nth, 0},
	{W_NUMBER_NEXT, rule_word_date, FINAL},
};
static const row by_deictic[] = {       /* last easter, next week Monday, this past Wednesday */
	{W_NO_DEICTIC_FOLLOW, NULL, 0},
	{W_HOLIDAY_HEAD_NEXT, holiday_emit, 0},
	{W_WEEK_NEAR, rule_week_of, 0},
	{W_ALWAYS, rule_week_month_n, 0},
	{W_ALWAYS, rule_weekday_date, 0},
};
static const row by_upcoming[] = {{W_DEICTIC_FOLLOWS, rule_weekday_date, FINAL}};
static const row by_weekend[] = {{W_ALWAYS, holiday_emit, FINAL}};
static const row by_other[] = {         /* Christmas, Tue May 9, twenty-four hours, 05-Aug-2016 */
	{W_HOLIDAY_HEAD, holiday_emit, 0},
	{W_PLAIN_WORD, NULL, 0},
	{W_WEEKDAY_ABBREVIATION, rule_weekday_date, 0},
	{W_NUMBER_WORD, rule_offset, 0},
	{W_NUMBER_WORD, rule_word_date, 0},
	{W_NUMBER_WORD, cr_tx_rule_word_duration, 0},
	{W_GLUED_WORD, compact_date_at, 0},
};

typedef struct table {
	const row *rows;
	size_t n;
} table;
#define TABLE(r) ((table){r, CR_ARRAY_LEN(r)})
#define NO_TABLE ((table){NULL, 0})

/* The lead words of these rules, told by their first letter and one comparison. */
static table lead_word(const char *w)
{
	switch (w[0]) {
	case 't': return strcmp(w, "the") == 0 ? TABLE(by_the) : strcmp(w, "this") == 0 ? TABLE(by_deictic) : NO_TABLE;
	case 'n': return strcmp(w, "next") == 0 ? TABLE(by_deictic) : NO_TABLE;
	case 'l': return strcmp(w, "last") == 0 ? TABLE(by_deictic) : NO_TABLE;
	case 'p': return strcmp(w, "previous") == 0 || strcmp(w, "past") == 0 ? TABLE(by_deictic) : NO_TABLE;
	case 'f': return strcmp(w, "following") == 0 || strcmp(w, "final") == 0 ? TABLE(by_deictic) : NO_TABLE;
	case 'c': return strcmp(w, "coming") == 0 ? TABLE(by_deictic) : NO_TABLE;
	case 'u': return strcmp(w, "upcoming") == 0 ? TABLE(by_upcoming) : NO_TABLE;
	case 'e': return strcmp(w, "every") == 0 || strcmp(w, "each") == 0 ? TABLE(by_every) : NO_TABLE;
	case 'w': return strcmp(w, "weekend") == 0 ? TABLE(by_weekend) : NO_TABLE;
	default: return NO_TABLE;
	}
}

/* The table for the word at i, and what its guards read of the words around it in *l. */
static table table_for(const scan *s, size_t i, lead *l)
{
	const word *w = &s->w[i];
	memset(l, 0, sizeof *l);
	l->w = w;
	l->nx = i + 1 < s->n ? &s->w[i + 1] : NULL;
	if (cr_is_digit((unsigned char)w->low[0])) {
		/* the byte after the digits and the next word settle which rules can apply */
		uint32_t e = w->start;
		while (e < w->end && cr_is_digit((unsigned char)s->text[e]))
			e++;
		l->after = e < s->w[s->n - 1].end ? s->text[e] : 0;
		l->unitish = l->nx && !l->nx->punct && (l->nx->kind == K_UNIT || cr_tx_unit_word(s, i + 1));
		return TABLE(by_number);
	}
	switch (w->kind) {
	case K_SET: return TABLE(by_set);
	case K_MONTH:
		l->after = w->end < s->w[s->n - 1].end ? s->text[w->end] : 0;
		return TABLE(by_month);
	case K_WEEKDAY: return TABLE(by_weekday);
	case K_PART: case K_SEASON: case K_DAYPART: case K_REF: return NO_TABLE;
	case K_FUTURE:
		if (!(w->low[0] == 'n' || w->low[0] == 'u'))
			return NO_TABLE;   /* "will", "would": only "next" and "upcoming" lead these rules */
		break;
	case K_UNIT: return TABLE(by_unit);
	case K_COUNT:
	case K_ORD: {
		size_t k = i + 1;
		l->article = w->low[0] == 'a' && (w->low[1] == 0 || (w->low[1] == 'n' && w->low[2] == 0));
		l->more = k < s->n && !s->w[k].punct;
		l->unitish = l->more && (s->w[k].kind == K_UNIT || cr_tx_unit_word(s, k) || is(s, k, "and") ||
		                         cr_tx_maybe_numword(s, k));
		l->dateish = l->more && (s->w[k].kind == K_MONTH || is(s, k, "of") || is(s, k, "day") ||
		                         cr_tx_maybe_numword(s, k));
		return TABLE(by_count);
	}
	default: break;
	}
	if (w->low[0] == 'h' && is(s, i, "half"))
		return TABLE(by_half);
	table t = lead_word(w->low);
	if (t.rows)
		return t;
	char last = 0;
	for (const char *p = w->low; *p; p++) {
		l->hyphen |= *p == '-';
		last = *p;
	}
	l->digit_last = cr_is_digit((unsigned char)last);
	l->numword = (w->cap || l->hyphen) && cr_tx_maybe_numword(s, i);
	return TABLE(by_other);
}

/* Tried at each word before the other rules (engine.c's table); see the tables above. */
size_t cr_tx_rule_calendar(scan *s, size_t i)
{
	lx_init();
	lead l;
	table t = table_for(s, i, &l);
	for (size_t r = 0; r < t.n; r++) {
		const row *x = &t.rows[r];
		if (!holds((enum when)x->when, s, i, &l))
			continue;
		if (!x->rule)
			return 0;
		size_t took = x->rule(s, i);
		if (took || x->final)
			return took;
	}
	return 0;
}
