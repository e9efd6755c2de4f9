/*
 * datetime.c: composes the single time expressions of cr_timex_find into
 * the larger ones of the Recognizers-Text DateTimeModel.
 *
 * cr_timex_find reports single expressions ("tomorrow", "6pm", "2014",
 * "3 days") with TempEval spans. A scheduling reader wants what they say
 * together: "from 5 to 6pm of April 22" is one range on one day, "each
 * monday at 4pm" one set, "2018 or later" one open range. This layer reads
 * the expressions left to right with the text between them, in passes that
 * each turn a list of items into a shorter (or better) one:
 *
 *   0. values: a bare clock time becomes "T18"; a quarter, decade or
 *      century the "(start,end,duration)" the spec writes; a year span
 *      "2014 to 2018" a range, "2007 and 2009" two years; adjacent
 *      durations ("3 hours 30 minutes") one.
 *   1. text the single rules left, read only where the context makes it a
 *      time: date ranges ("from March to May", "Nov 18-19", "between 3 and
 *      12 of Sept", "2014-2018", "10/1/2018-10/7/2018"); a month with its
 *      year ("june of 1992"); a numeric date before a clock or after "on"
 *      or a weekday ("5/3/18 @ 17:49", "Friday 7/6"); clock ranges ("5 to
 *      6pm", "between 4pm and 5pm", "1-3 pm"); clock times with a meridiem
 *      or minutes ("8.30pm", "0730"); parts of the day ("in the morning",
 *      "every evening"); counts from now ("the 5 upcoming years").
 *      A clock range of bare numbers ("3-8") stands only beside a plain
 *      day ("Monday 3-8"), never with a 0 or an hour past 12 or after a
 *      possessive (scores: "Sunday's 24-18", "4-0 on Wednesday"); "5 to 6
 *      people", "between 2 and 3 percent" stay numbers. A later end
 *      without a meridiem shares the earlier one's ("5 to 6pm" is 17-18;
 *      "2:30 to 2:15 pm" is not).
 *   2. points: a day and a clock ("tomorrow 8:00am", "Sat at 5", "today
 *      before 4pm", "8am this morning"), a day and a part of it ("Tuesday
 *      in the morning"), a weekday in a week ("next week on Tuesday"), a
 *      set and a clock ("each monday at 4pm", "3pm each day"), a duration
 *      shifting a day ("two days after today") or read from now ("in 5
 *      minutes", "3 minutes from now").
 *   3. ranges: two points joined by "to", "till", "through", "-" (or by
 *      "and" after "between"), with "from"/"between" kept in the span; a
 *      clock range beside a day; a time with a duration ("from 2pm for 2
 *      hours"); a duration from a point ("3 days starting from next
 *      Monday"); "next 3 days", "last 3 months", "within 2h" from the
 *      reference. The duration is counted in the finer grain of the ends
 *      (years, months, weeks or days; hours and minutes), in months when an
 *      end is a part of a period ("from 2007 to the end of 2008": the end
 *      of 2008 is 2009-01-01). A yearless end takes the other end's year
 *      and follows the start.
 *   4. open ranges: "since X", "before X", "no later than X", "X or later"
 *      keep X's value and widen the span (the modifier is in .mod); "around
 *      1pm" is approximate; a post-modifier must end the clause ("1/1/2016
 *      and after my work is done" is no range).
 *   5. dating: a day beside a clock or clock range the earlier passes left
 *      apart ("14th Feb from 9:30am for 7 hours").
 *
 * A bare weekday inside a composition is written as the spec does,
 * "XXXX-WXX-1T16"; alone it keeps cr_timex_find's resolved date.
 * Connectives and signal words are data: data/lexicon/datetime-links.tsv;
 * month names and units come from time-words.tsv, number words from
 * num-words.tsv.
 *
 * Limits: one composition level per pass (a range of ranges is not built);
 * word clocks ("five to seven") and holidays are left to the single rules;
 * idioms are guessed by rule ("at the last minute" is not a range, but
 * "last hour" is). Linear in the text: every pass is one scan.
 */
#include "recognize/datetime.h"
#include "recognize/calendar_words.h"
#include "util/map.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* snprintf that truncates quietly: values are short and bounded by design. */
static int fmtv(char *o, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fmtv(char *o, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(o, n, fmt, ap);
	va_end(ap);
	return k < 0 ? 0 : (size_t)k >= n ? (int)n - 1 : k;
}

/* ---------------------------------------------------------------- links */

enum { R_OPEN, R_BETWEEN, R_TO, R_AND, R_PRE, R_POST, R_AT, R_APPROX, R_NROLES };

typedef struct link {
	const char *p;
	uint32_t len;
	uint8_t role, mod;
} link;

/* Loaded once per process and read-only afterwards. */
static pthread_once_t links_once = PTHREAD_ONCE_INIT;
static link *links;
static size_t nlinks;
static const cr_lexicon *calwords; /* time-words.tsv: month names, units (shared, calendar_words.h) */
static const cr_lexicon *numwords; /* num-words.tsv: "five", "forty" (shared) */

static void links_load(void)
{
	calwords = tx_time_words();
	numwords = tx_number_words();
	cr_lexicon *lx = cr_lexicon_load("lexicon/datetime-links.tsv", false);
	if (!lx)
		return;
	static const char *roles[R_NROLES] = {"open", "between", "to", "and", "pre", "post", "at", "approx"};
	static const char *mods[] = {"none", "since", "after", "before", "until", "approx"};
	links = cr_xcalloc(lx->nrows + 1, sizeof *links);
	for (size_t r = 0; r < lx->nrows; r++) {
		if (lx->ncols[r] < 2)
			continue;
		link l = {cr_xstrdup(lx->cols[r][0]), (uint32_t)strlen(lx->cols[r][0]), R_NROLES, CR_DT_MOD_NONE};
		for (int k = 0; k < R_NROLES; k++)
			if (strcmp(lx->cols[r][1], roles[k]) == 0)
				l.role = (uint8_t)k;
		if (lx->ncols[r] >= 3)
			for (int k = 0; k < 6; k++)
				if (strcmp(lx->cols[r][2], mods[k]) == 0)
					l.mod = (uint8_t)k;
		if (l.role == R_NROLES || l.len == 0) {
			free((char *)l.p);
			continue;
		}
		links[nlinks++] = l;
	}
	cr_lexicon_free(lx);
}

static bool wordch(int c)
{
	return cr_is_alpha(c) || cr_is_digit(c) || c == '\'' || c >= 0x80;
}

/* The longest link of role ending where the spaces before pos begin (not
   before lo). Sets *start; returns the link or NULL. */
static const link *link_before(const char *t, uint32_t lo, uint32_t pos, int role, uint32_t *start)
{
	uint32_t e = pos;
	while (e > lo && cr_is_space(t[e - 1]))
		e--;
	const link *best = NULL;
	for (size_t i = 0; i < nlinks; i++) {
		const link *l = &links[i];
		if (l->role != role || e - lo < l->len || (best && l->len <= best->len))
			continue;
		uint32_t s = e - l->len;
		if (!cr_ieq(t + s, l->p, l->len))
			continue;
		if (wordch((unsigned char)l->p[0]) && s > lo && wordch((unsigned char)t[s - 1]))
			continue;
		if (wordch((unsigned char)l->p[l->len - 1]) && e == pos && wordch((unsigned char)t[pos]))
			continue;
		best = l;
		*start = s;
	}
	return best;
}

/* The longest link of role starting after the spaces at pos (ending by hi). */
static const link *link_after(const char *t, uint32_t pos, uint32_t hi, int role, uint32_t *end)
{
	uint32_t s = pos;
	while (s < hi && cr_is_space(t[s]))
		s++;
	const link *best = NULL;
	for (size_t i = 0; i < nlinks; i++) {
		const link *l = &links[i];
		if (l->role != role || hi - s < l->len || (best && l->len <= best->len))
			continue;
		if (!cr_ieq(t + s, l->p, l->len))
			continue;
		if (wordch((unsigned char)l->p[l->len - 1]) && s + l->len < hi && wordch((unsigned char)t[s + l->len]))
			continue;
		if (wordch((unsigned char)l->p[0]) && s == pos && pos > 0 && wordch((unsigned char)t[pos - 1]))
			continue;
		best = l;
		*end = s + l->len;
	}
	return best;
}

static bool only_space(const char *t, uint32_t a, uint32_t b)
{
	for (uint32_t i = a; i < b; i++)
		if (!cr_is_space(t[i]))
			return false;
	return true;
}

/* The phrase w ends where the spaces before pos begin (not before lo). */
static bool phrase_before(const char *t, uint32_t lo, uint32_t pos, const char *w, uint32_t *start)
{
	uint32_t e = pos;
	while (e > lo && cr_is_space(t[e - 1]))
		e--;
	uint32_t n = (uint32_t)strlen(w);
	if (e - lo < n || !cr_ieq(t + e - n, w, n) || (e - n > lo && wordch((unsigned char)t[e - n - 1])))
		return false;
	*start = e - n;
	return true;
}

static bool has_word(const char *t, uint32_t a, uint32_t b, const char *const *words);
static bool clause_end(const char *t, uint32_t pos, uint32_t len);
static int hour_in_part(int h, int mer, const char *part);
static bool is_year4(const char *t, uint32_t p, uint32_t len);

static bool has_meridiem(const char *t, uint32_t a, uint32_t b)
{
	static const char *const m[] = {"am", "pm", "a", "p", "noon", "midnight", NULL};
	return has_word(t, a, b, m);
}

/* The word at [a, b) after skipping spaces equals w (case-insensitively). */
static bool word_is(const char *t, uint32_t a, uint32_t b, const char *w, uint32_t *after)
{
	while (a < b && cr_is_space(t[a]))
		a++;
	size_t n = strlen(w);
	if (b - a < n || !cr_ieq(t + a, w, n) || (a + n < b && wordch((unsigned char)t[a + n])))
		return false;
	*after = (uint32_t)(a + n);
	return true;
}

/* ---------------------------------------------------------------- items */

enum { K_DATE, K_TIME, K_DT, K_DUR, K_SET, K_REF, K_TRANGE, K_PART, K_DONE };

typedef struct item {
	uint32_t start, end;
	uint8_t kind, type, mod;
	char grain;          /* dates: Y M D W Q E(weekend) S(season) X(decade) C(century), 0 other */
	bool yearw;          /* the text fixed the year (a year written, or "this", "next") */
	bool weak;           /* a clock range of bare numbers: kept only beside a day */
	bool dated;          /* K_TRANGE: its end came with a day ("9:30 last night") */
	int y, mo, d;        /* date parts; mo, d 0 when none */
	int wd;              /* 1..7 when the day is a bare weekday ("Monday"): written XXXX-WXX-1 */
	int h, mi, s;        /* clock, h -1 when none */
	bool wmin, wsec;
	int mer;             /* 0 none, 1 am, 2 pm */
	char part[3];        /* part of day: MO AF EV NI, or "" */
	int h2, mi2, mer2;   /* K_TRANGE: the end */
	bool wmin2;
	cr_dayrange range;
	char value[64];
} item;

typedef CR_VEC(item) itemvec;

typedef struct scan {
	const char *t;
	uint32_t len;
	int32_t ref;       /* reference day, CR_DAY_NONE when unknown */
	int32_t refsec;    /* reference second of the day, -1 when unknown */
} scan;

static bool has_year_digits(const char *t, uint32_t a, uint32_t b)
{
	uint32_t run = 0;
	for (uint32_t i = a; i < b; i++) {
		run = cr_is_digit(t[i]) ? run + 1 : 0;
		if (run == 4)
			return true;
	}
	return false;
}

static bool has_word(const char *t, uint32_t a, uint32_t b, const char *const *words)
{
	for (uint32_t i = a; i < b; i++) {
		if (!cr_is_alpha(t[i]) || (i > a && wordch((unsigned char)t[i - 1])))
			continue;
		uint32_t j = i;
		while (j < b && cr_is_alpha(t[j]))
			j++;
		for (const char *const *w = words; *w; w++)
			if (strlen(*w) == j - i && cr_ieq(t + i, *w, j - i))
				return true;
		i = j;
	}
	return false;
}

static const char *const DEICTIC[] = {"this", "next", "last", "previous", "coming", "following", "today", "tomorrow",
                                      "yesterday", "tonight", "current", "past", "upcoming", NULL};

/* A clock time with no date words: digits, meridiems, "noon", a time zone,
   a part of the day ("7 in the evening" is T19 on any day). */
static bool bare_clock(const char *t, uint32_t a, uint32_t b)
{
	static const char *const ok[] = {"am", "pm", "a", "p", "m", "oclock", "o'clock", "noon", "midnight", "h", "hrs",
	                                 "at", "in", "the", "morning", "afternoon", "evening", "night", "early", "late",
	                                 NULL};
	for (uint32_t i = a; i < b; i++) {
		if (t[i] == '/' && i > a && cr_is_digit(t[i - 1]))
			return false; /* "5/3/18 @ 17:49" carries a date */
		if (!cr_is_alpha(t[i]))
			continue;
		uint32_t j = i;
		while (j < b && (cr_is_alpha(t[j]) || t[j] == '\''))
			j++;
		bool fine = false, upper = j - i >= 2 && j - i <= 4;
		for (uint32_t k = i; k < j; k++)
			upper = upper && cr_is_upper(t[k]);
		for (const char *const *w = ok; *w && !fine; w++)
			fine = strlen(*w) == j - i && cr_ieq(t + i, *w, j - i);
		if (!fine && !upper)
			return false;
		i = j;
	}
	return true;
}

static int num2(const char *p)
{
	return cr_is_digit(p[0]) && cr_is_digit(p[1]) ? (p[0] - '0') * 10 + (p[1] - '0') : -1;
}

/* Reads a timex value's date and clock parts ("2016-11-07T18:00", "2016-W45"). */
static void parse_value(item *it, const char *v)
{
	it->grain = 0;
	it->h = -1;
	if (cr_is_digit(v[0]) && cr_is_digit(v[1]) && cr_is_digit(v[2]) && v[3] == 'X' && v[4] == 0) {
		it->grain = 'X'; /* "199X": a decade */
		it->y = ((v[0] - '0') * 100 + (v[1] - '0') * 10 + (v[2] - '0')) * 10;
		return;
	}
	if (!(cr_is_digit(v[0]) && cr_is_digit(v[1]) && cr_is_digit(v[2]) && cr_is_digit(v[3]))) {
		if (cr_is_digit(v[0]) && cr_is_digit(v[1]) && v[2] == 0) {
			it->grain = 'C';
			it->y = (v[0] - '0') * 10 + (v[1] - '0');
		}
		return;
	}
	it->y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	const char *p = v + 4;
	it->grain = 'Y';
	if (*p == 'X') {
		it->grain = 'X';
		return;
	}
	if (p[0] != '-')
		goto clock;
	p++;
	if (p[0] == 'W' && cr_is_digit(p[1])) {
		it->grain = strstr(p, "-WE") ? 'E' : 'W';
		return;
	}
	if (p[0] == 'Q' && cr_is_digit(p[1])) {
		it->grain = 'Q';
		it->mo = (p[1] - '0') * 3 - 2;
		return;
	}
	if (cr_is_alpha(p[0])) {
		it->grain = 'S';
		return;
	}
	if (num2(p) < 1)
		return;
	it->mo = num2(p);
	it->grain = 'M';
	p += 2;
	if (p[0] == '-' && num2(p + 1) >= 1) {
		it->d = num2(p + 1);
		it->grain = 'D';
		p += 3;
	}
clock:
	if (p[0] != 'T')
		return;
	p++;
	if (num2(p) >= 0) {
		it->h = num2(p) % 24; /* "T24:00" is midnight, written T00 */
		it->mi = p[2] == ':' ? num2(p + 3) : 0;
		it->s = p[2] == ':' && p[5] == ':' ? num2(p + 6) : 0;
	} else if (cr_is_alpha(p[0]) && cr_is_alpha(p[1])) {
		it->part[0] = p[0];
		it->part[1] = p[1];
	}
}

/* Minutes / seconds written in the clock text at [a, b): "8:00", "2.30". */
static void clock_written(item *it, const char *t, uint32_t a, uint32_t b)
{
	int seps = 0;
	for (uint32_t i = a; i + 2 < b + 1 && i + 1 < b; i++)
		if ((t[i] == ':' || (t[i] == '.' && i + 2 < b && cr_is_digit(t[i + 2]))) && i > a &&
		    cr_is_digit(t[i - 1]) && cr_is_digit(t[i + 1]))
			seps++;
	it->wmin = seps >= 1 || it->mi != 0;
	it->wsec = seps >= 2 || it->s != 0;
}

static int fmt_clock(char *o, size_t n, int h, int mi, int s, bool wmin, bool wsec)
{
	if (wsec)
		return fmtv(o, n, "T%02d:%02d:%02d", h, mi, s);
	if (wmin)
		return fmtv(o, n, "T%02d:%02d", h, mi);
	return fmtv(o, n, "T%02d", h);
}

static void day_str(int32_t z, char out[11])
{
	cr_day_format(z, out);
}

/* The date of a point: "2016-11-08", or "XXXX-WXX-1" for a bare weekday. */
static const char *date_part(const item *it, char out[16])
{
	if (it->wd)
		fmtv(out, 16, "XXXX-WXX-%d", it->wd);
	else
		fmtv(out, 16, "%04d-%02d-%02d", it->y, it->mo, it->d);
	return out;
}

/* Writes the value of a point with a clock: "T18", "2016-11-08T08:00". */
static void point_value(item *it)
{
	char c[24], dp[16];
	fmt_clock(c, sizeof c, it->h, it->mi, it->s, it->wmin, it->wsec);
	if (it->kind == K_TIME)
		fmtv(it->value, sizeof it->value, "%s", c);
	else
		fmtv(it->value, sizeof it->value, "%s%s", date_part(it, dp), c);
}

static int months_between(int32_t a, int32_t b)
{
	int y1, m1, d1, y2, m2, d2;
	cr_civil_from_days(a, &y1, &m1, &d1);
	cr_civil_from_days(b, &y2, &m2, &d2);
	return (y2 * 12 + m2) - (y1 * 12 + m1);
}

static void range_value(char *o, size_t n, int32_t a, int32_t b, char grain)
{
	char s[11], e[11];
	day_str(a, s);
	day_str(b, e);
	if (grain == 'Y' && months_between(a, b) % 12 == 0)
		fmtv(o, n, "(%s,%s,P%dY)", s, e, months_between(a, b) / 12);
	else if (grain == 'M')
		fmtv(o, n, "(%s,%s,P%dM)", s, e, months_between(a, b));
	else if (grain == 'W' && (b - a) % 7 == 0)
		fmtv(o, n, "(%s,%s,P%dW)", s, e, (b - a) / 7);
	else
		fmtv(o, n, "(%s,%s,P%dD)", s, e, b - a);
}

/* A clock duration "PT2H30M" of m minutes (s seconds when not whole). */
static void clock_dur(char *o, size_t n, long secs)
{
	long h = secs / 3600, m = secs % 3600 / 60, s = secs % 60;
	int k = fmtv(o, n, "PT");
	if (h)
		k += fmtv(o + k, n - (size_t)k, "%ldH", h);
	if (m)
		k += fmtv(o + k, n - (size_t)k, "%ldM", m);
	if (s || (!h && !m))
		fmtv(o + k, n - (size_t)k, "%ldS", s);
}

/* ---------------------------------------------------------------- durations */

/* Parses "P3D", "PT5M", "P1DT5H", "P2.5Y" into months, days and seconds. */
static bool dur_parse(const char *v, double *months, double *days, double *secs)
{
	*months = *days = *secs = 0;
	if (v[0] != 'P')
		return false;
	bool tpart = false;
	const char *p = v + 1;
	while (*p) {
		if (*p == 'T') {
			tpart = true;
			p++;
			continue;
		}
		char *e;
		double x = strtod(p, &e);
		if (e == p || !*e)
			return false;
		switch (*e) {
		case 'Y': *months += 12 * x; break;
		case 'M': if (tpart) *secs += 60 * x; else *months += x; break;
		case 'W': *days += 7 * x; break;
		case 'D': *days += x; break;
		case 'H': *secs += 3600 * x; break;
		case 'S': *secs += x; break;
		default: return false;
		}
		p = e + 1;
	}
	return true;
}

static int32_t add_months(int32_t z, int k)
{
	int y, m, d;
	cr_civil_from_days(z, &y, &m, &d);
	int t = y * 12 + (m - 1) + k;
	y = t / 12;
	m = t % 12 + 1;
	int dim = cr_days_in_month(y, m);
	return cr_days_from_civil(y, m, d > dim ? dim : d);
}

/* The span is one weekday name, perhaps with its part of day ("Monday
   morning"), and nothing that places it ("next", a date). */
static bool bare_weekday(const char *t, uint32_t a, uint32_t b)
{
	static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	                                   "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL};
	static const char *const parts[] = {"morning", "afternoon", "evening", "night", "on", "at", "am", "pm", "a",
	                                    "p", "m", "noon", "midnight", "in", "the", NULL};
	bool day = false;
	for (uint32_t i = a; i < b; i++) {
		if (cr_is_space(t[i]) || t[i] == '.' || t[i] == ':' || t[i] == ',' || cr_is_digit(t[i]))
			continue;
		if (!cr_is_alpha(t[i]))
			return false;
		uint32_t j = i;
		while (j < b && cr_is_alpha(t[j]))
			j++;
		if (has_word(t, i, j, days) && !day)
			day = true;
		else if (!has_word(t, i, j, parts))
			return false;
		i = j;
	}
	return day;
}

/* ---------------------------------------------------------------- pass 0: items */

static void from_timex(scan *sc, itemvec *v, const cr_timex *x)
{
	const char *t = sc->t;
	item it = {0};
	it.start = x->start;
	it.end = x->end;
	it.range = x->range;
	fmtv(it.value, sizeof it.value, "%s", x->value);
	it.h = -1;
	parse_value(&it, x->value);
	it.yearw = has_year_digits(t, x->start, x->end) || has_word(t, x->start, x->end, DEICTIC);
	if (it.grain == 'D' && bare_weekday(t, x->start, x->end))
		it.wd = cr_weekday(cr_days_from_civil(it.y, it.mo, it.d)) + 1;
	if (it.wd && it.part[0] && it.h < 0) /* "Tuesday in the morning": any Tuesday's */
		fmtv(it.value, sizeof it.value, "XXXX-WXX-%dT%.2s", it.wd, it.part);
	switch (x->type) {
	case CR_TIMEX_DURATION: it.kind = K_DUR; it.type = CR_DT_DURATION; break;
	case CR_TIMEX_SET:
		it.kind = K_SET;
		it.type = CR_DT_SET;
		if (strcmp(x->value, "XXXX-WXX-WE") == 0)
			fmtv(it.value, sizeof it.value, "P1WE"); /* the spec writes a weekly weekend so */
		{
			/* minutes only when the text wrote them: "each monday at 4pm" is T16 */
			char *tp = strchr(it.value, 'T');
			item tmp = it;
			clock_written(&tmp, t, x->start, x->end);
			if (tp && cr_is_digit(tp[1]) && cr_is_digit(tp[2]) && strcmp(tp + 3, ":00") == 0 && !tmp.wmin)
				tp[3] = 0;
		}
		break;
	case CR_TIMEX_TIME:
		if (it.h >= 0) {
			clock_written(&it, t, x->start, x->end);
			it.kind = bare_clock(t, x->start, x->end) ? K_TIME : K_DT;
			it.type = it.kind == K_TIME ? CR_DT_TIME : CR_DT_DATETIME;
			point_value(&it);
		} else {
			it.kind = K_DATE;
			it.type = CR_DT_DATETIMERANGE;
			/* "in the evening" with no day: a part of any day, "TEV" */
			static const char *const plain[] = {"the", "in", "early", "late", "later", "earlier", "morning", "afternoon",
			                                    "evening", "night", "daytime", "mornings", "evenings", NULL};
			bool only = it.part[0] != 0;
			for (uint32_t i = x->start; i < x->end && only; i++) {
				if (!cr_is_alpha(t[i]) || (i > x->start && wordch((unsigned char)t[i - 1])))
					continue;
				uint32_t j = i;
				while (j < x->end && cr_is_alpha(t[j]))
					j++;
				only = has_word(t, i, j, plain);
				i = j;
			}
			uint32_t in0, th0;
			if (only) {
				it.kind = K_PART;
				it.type = CR_DT_TIMERANGE;
				if (word_is(t, x->start, x->end, "the", &th0) && phrase_before(t, 0, x->start, "in", &in0))
					it.start = in0; /* "in the morning", but "in early morning" is "early morning" */
				it.h = -1;
				fmtv(it.value, sizeof it.value, "T%.2s", it.part);
			}
		}
		break;
	default:
		if (strcmp(x->value, "PRESENT_REF") == 0 && sc->ref != CR_DAY_NONE) {
			it.kind = K_REF;
			it.type = CR_DT_DATETIME;
			cr_civil_from_days(sc->ref, &it.y, &it.mo, &it.d);
			it.range = (cr_dayrange){sc->ref, sc->ref};
			break;
		}
		it.kind = it.grain ? K_DATE : K_REF;
		it.type = it.grain == 'D' ? CR_DT_DATE : CR_DT_DATERANGE;
		break;
	}
	/* a year span "2014 to 2018" / "2007 and 2009" from the single rules */
	const char *sl = strchr(x->value, '/');
	if (it.kind == K_DATE && sl && it.grain == 'Y' && cr_is_digit(sl[1])) {
		uint32_t mid = x->start;
		while (mid < x->end && cr_is_digit(t[mid]))
			mid++;
		uint32_t s2 = x->end;
		while (s2 > mid && cr_is_digit(t[s2 - 1]))
			s2--;
		uint32_t bs;
		bool between = link_before(t, 0, x->start, R_BETWEEN, &bs) != NULL;
		uint32_t ae;
		if (word_is(t, mid, s2, "and", &ae) && !between) {
			item a = it, b = it;
			a.end = mid;
			fmtv(a.value, sizeof a.value, "%.4s", x->value);
			a.range = cr_range_year(a.y);
			b.start = s2;
			fmtv(b.value, sizeof b.value, "%.4s", sl + 1);
			b.y = atoi(b.value);
			b.range = cr_range_year(b.y);
			cr_vec_push(v, a);
			cr_vec_push(v, b);
			return;
		}
		int y2 = atoi(sl + 1);
		uint32_t os;
		if (link_before(t, 0, x->start, R_OPEN, &os) || between)
			it.start = between ? bs : os;
		range_value(it.value, sizeof it.value, cr_range_year(it.y).earliest, cr_range_year(y2).earliest, 'Y');
		it.kind = K_DONE;
		it.type = CR_DT_DATERANGE;
		cr_vec_push(v, it);
		return;
	}
	/* the spec writes quarters, decades and centuries as ranges */
	if (it.kind == K_DATE && cr_range_known(it.range) &&
	    (it.grain == 'Q' || it.grain == 'X' || (it.grain == 'C' && x->type == CR_TIMEX_DATE))) {
		int32_t a = it.range.earliest, b = it.range.latest + 1;
		if (it.grain == 'X' && !has_word(sc->t, x->start, x->end, (const char *const[]){"early", "mid", "late", NULL})) {
			a = cr_days_from_civil(it.y, 1, 1);
			b = cr_days_from_civil(it.y + 10, 1, 1);
		}
		if (it.grain == 'C') {
			a = cr_days_from_civil(it.y * 100, 1, 1);
			b = cr_days_from_civil(it.y * 100 + 100, 1, 1);
		}
		range_value(it.value, sizeof it.value, a, b, it.grain == 'Q' ? 'M' : 'Y');
	}
	cr_vec_push(v, it);
}

/* Adjacent durations "3 hours 30 minutes", "1 hour and 30 minutes" become one. */
/* The ranks of the largest and smallest units of a duration value (Y 7,
   M 6, W 5, D 4, H 3, minutes 2, S 1); false when it is no plain duration. */
static bool dur_ranks(const char *v, int *hi, int *lo)
{
	if (v[0] != 'P')
		return false;
	*hi = 0;
	*lo = 8;
	bool tp = false;
	for (const char *p = v + 1; *p; p++) {
		if (*p == 'T') {
			tp = true;
			continue;
		}
		if (cr_is_digit(*p) || *p == '.')
			continue;
		int r = *p == 'Y' ? 7 : *p == 'M' ? (tp ? 2 : 6) : *p == 'W' ? 5 : *p == 'D' ? 4 : *p == 'H' ? 3 : *p == 'S' ? 1 : -1;
		if (r < 0)
			return false;
		if (r > *hi)
			*hi = r;
		if (r < *lo)
			*lo = r;
	}
	return *hi > 0;
}

static bool dur_joined(const char *t, uint32_t a, uint32_t b)
{
	uint32_t e;
	if (only_space(t, a, b))
		return true;
	if (a < b && t[a] == ',')
		a++;
	return word_is(t, a, b, "and", &e) && only_space(t, e, b);
}

/* Ends a pass that rebuilt the expressions into out: the ones from k on are
 * kept as they were, and out replaces v. */
static void end_pass(itemvec *v, itemvec *out, size_t k)
{
	while (k < v->len)
		cr_vec_push(out, v->items[k++]);
	free(v->items);
	*v = *out;
}

/* Adjacent durations "3 hours 30 minutes", "2 years 1 month 21 days", "1
   hour and 30 minutes" become one, largest unit first; not when the last
   one leads into a date ("3 months and 2 weeks and 2 days ago"). */
static void merge_durations(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	size_t w = 0;
	for (size_t i = 0; i < v->len; i++) {
		item *a = w ? &v->items[w - 1] : NULL, *b = &v->items[i];
		const item *c = i + 1 < v->len ? &v->items[i + 1] : NULL;
		int h1, l1, h2, l2;
		static const char *const rel[] = {"next", "last", "past", "the", "previous", "coming", NULL};
		if (a && a->kind == K_DUR && b->kind == K_DUR && dur_joined(t, a->end, b->start) &&
		    !has_word(t, b->start, b->end, rel) && dur_ranks(a->value, &h1, &l1) && dur_ranks(b->value, &h2, &l2) &&
		    l1 > h2 && !(c && c->kind != K_DUR && dur_joined(t, b->end, c->start))) {
			char tb[64];
			const char *bt = strchr(b->value, 'T');
			if (bt && strchr(a->value, 'T'))
				fmtv(tb, sizeof tb, "%s%s", a->value, bt + 1);
			else
				fmtv(tb, sizeof tb, "%s%s", a->value, b->value + 1);
			fmtv(a->value, sizeof a->value, "%s", tb);
			a->end = b->end;
			continue;
		}
		v->items[w++] = *b;
	}
	v->len = w;
}

/* "one hour and a half", "one year and a quarter": a fraction of the unit,
   written as the spec does (PT1.5H, P1.25Y), also when the single rules
   wrote it in smaller units (PT1H30M, P1Y3M). */
static void fraction_durations(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	for (size_t i = 0; i < v->len; i++) {
		item *a = &v->items[i];
		static const char *const fw[] = {"half", "quarter", NULL};
		int whole, part;
		char u1, u2, tail;
		if (a->kind == K_DUR && has_word(t, a->start, a->end, fw)) {
			const char *v0 = a->value;
			bool tp = v0[1] == 'T';
			if (sscanf(v0 + (tp ? 2 : 1), "%d%c%d%c%c", &whole, &u1, &part, &u2, &tail) == 4) {
				int base = tp && u1 == 'H' && u2 == 'M' ? 60 : !tp && u1 == 'Y' && u2 == 'M' ? 12 : 0;
				if (base && (part * 4) % base == 0) {
					char o[64];
					int frac = part * 100 / base;
					fmtv(o, sizeof o, "P%s%d.%d%c", tp ? "T" : "", whole, frac % 10 ? frac : frac / 10, u1);
					fmtv(a->value, sizeof a->value, "%s", o);
				}
			}
			continue;
		}
		uint32_t hi = i + 1 < v->len ? v->items[i + 1].start : sc->len, e, e2;
		if (a->kind != K_DUR || !word_is(t, a->end, hi, "and", &e))
			continue;
		if (word_is(t, e, hi, "a", &e2))
			e = e2;
		const char *frac = word_is(t, e, hi, "half", &e2) ? "5" : word_is(t, e, hi, "quarter", &e2) ? "25" : NULL;
		/* one number and one unit: "PT1H", "P1Y" */
		const char *v0 = a->value;
		size_t n = strlen(v0);
		size_t d = v0[1] == 'T' ? 2 : 1, k = d;
		while (k < n && cr_is_digit(v0[k]))
			k++;
		if (!frac || k == d || k + 1 != n || !cr_is_alpha(v0[k]) || (e2 < hi && wordch((unsigned char)t[e2])))
			continue;
		char o[64];
		fmtv(o, sizeof o, "%.*s.%s%c", (int)k, v0, frac, v0[k]);
		fmtv(a->value, sizeof a->value, "%s", o);
		a->end = e2;
	}
}

typedef struct clockv {
	int h, mi, s, mer;
	bool wmin, wsec, mer1; /* mer1: a one-letter meridiem ("7p"), which may be pence */
	bool oclock;
	uint32_t start, end;
} clockv;

/* Reads "5", "6pm", "4:30 p.m.", "9.30" at pos. */
static bool parse_clock(const char *t, uint32_t pos, uint32_t hi, clockv *c)
{
	if (pos >= hi || !cr_is_digit(t[pos]) || (pos > 0 && (wordch((unsigned char)t[pos - 1]) || t[pos - 1] == '/' ||
	                                                       t[pos - 1] == '.' || t[pos - 1] == ':' ||
	                                                       t[pos - 1] == '$' || t[pos - 1] == ',')))
		return false;
	uint32_t i = pos;
	int h = 0;
	while (i < hi && cr_is_digit(t[i]) && i - pos < 5)
		h = h * 10 + (t[i++] - '0');
	c->mi = c->s = 0;
	c->wmin = c->wsec = c->mer1 = c->oclock = false;
	c->mer = 0;
	if (i - pos == 4 && t[pos] == '0' && h % 100 < 60) {
		/* "0730": a 24-hour clock; a leading zero tells it from a year */
		c->mi = h % 100;
		h /= 100;
		c->wmin = true;
	} else if (i - pos > 2 || h > 24) {
		return false;
	}
	c->h = h;
	if (i + 2 < hi && (t[i] == ':' || t[i] == '.') && num2(t + i + 1) >= 0 && num2(t + i + 1) < 60 &&
	    !(i + 3 < hi && cr_is_digit(t[i + 3]))) {
		c->mi = num2(t + i + 1);
		c->wmin = true;
		i += 3;
		if (i + 2 < hi && t[i] == ':' && num2(t + i + 1) >= 0 && num2(t + i + 1) < 60) {
			c->s = num2(t + i + 1);
			c->wsec = true;
			i += 3;
		}
	}
	uint32_t j = i;
	while (j < hi && t[j] == ' ')
		j++;
	static const char *const mers[] = {"a.m.", "p.m.", "a.m", "p.m", "am", "pm", "a", "p", "oclock", "o'clock", NULL};
	for (const char *const *m = mers; *m; m++) {
		size_t n = strlen(*m);
		if (j + n <= hi && cr_ieq(t + j, *m, n) && !(j + n < hi && cr_is_alpha(t[j + n]))) {
			if (n == 1 && j > i)
				continue; /* "5 a" is an article */
			if ((*m)[0] == 'a' || (*m)[0] == 'p')
				c->mer = (*m)[0] == 'a' ? 1 : 2;
			c->mer1 = n == 1;
			c->oclock = (*m)[0] == 'o';
			i = (uint32_t)(j + n);
			break;
		}
	}
	if (i < hi && (cr_is_alpha(t[i]) || cr_is_digit(t[i]) || t[i] == '%' ||
	               ((t[i] == '/' || t[i] == '.' || t[i] == ':') && i + 1 < hi &&
	                cr_is_digit(t[i + 1]) && !c->mer)))
		return false;
	if (c->mer && h > 12)
		return false;
	c->start = pos;
	c->end = i;
	return true;
}

/* ---------------------------------------------------------------- pass 0b: date ranges in the text */

/* The month named by the word at [a, b), or 0. */
static int month_word(const char *t, uint32_t a, uint32_t b)
{
	if (!calwords || b - a < 3)
		return 0;
	long r = cr_lexicon_find(calwords, t + a, b - a);
	if (r < 0 || calwords->ncols[r] < 3 || strcmp(calwords->cols[r][1], "month") != 0)
		return 0;
	return atoi(calwords->cols[r][2]);
}

typedef struct mdend {
	int mo, d, y;
	bool cap, glued; /* glued: "Dec/2018", "Dec-2018" */
	uint32_t end;
} mdend;

static uint32_t skip_sp(const char *t, uint32_t p, uint32_t len)
{
	while (p < len && cr_is_space(t[p]))
		p++;
	return p;
}

/* The number-word class and value of the word at [a, b): "ninth" is ord 9. */
static const char *numword(const char *t, uint32_t a, uint32_t b, int *val)
{
	if (!numwords || b <= a)
		return NULL;
	long r = cr_lexicon_find(numwords, t + a, b - a);
	if (r < 0 || numwords->ncols[r] < 3)
		return NULL;
	*val = atoi(numwords->cols[r][2]);
	return numwords->cols[r][1];
}

/* A day written as an ordinal word: "ninth", "twenty-seventh", "thirty first". */
static int day_word(const char *t, uint32_t p, uint32_t len, uint32_t *end)
{
	uint32_t e = p;
	while (e < len && cr_is_alpha(t[e]))
		e++;
	int v = 0, u = 0;
	const char *cl = numword(t, p, e, &v);
	if (cl && strcmp(cl, "ord") == 0 && v >= 1 && v <= 31) {
		*end = e;
		return v;
	}
	if (!cl || strcmp(cl, "tens") != 0 || (v != 20 && v != 30) || e >= len || (t[e] != '-' && t[e] != ' '))
		return 0;
	uint32_t q = e + 1, qe = q;
	while (qe < len && cr_is_alpha(t[qe]))
		qe++;
	cl = numword(t, q, qe, &u);
	if (!cl || strcmp(cl, "ord") != 0 || u < 1 || u > 9 || v + u > 31)
		return 0;
	*end = qe;
	return v + u;
}

/* A day number "18", "9th", "ninth" at p: its value (1..31) and end, or 0. */
static int day_number(const char *t, uint32_t p, uint32_t len, uint32_t *end)
{
	if (p < len && cr_is_alpha(t[p]) && !(p > 0 && wordch((unsigned char)t[p - 1])))
		return day_word(t, p, len, end);
	if (p >= len || !cr_is_digit(t[p]) || (p > 0 && (wordch((unsigned char)t[p - 1]) || t[p - 1] == '/')))
		return 0;
	uint32_t i = p;
	int d = 0;
	while (i < len && cr_is_digit(t[i]) && i - p < 3)
		d = d * 10 + (t[i++] - '0');
	if (i - p > 2 || d < 1 || d > 31)
		return 0;
	if (i + 1 < len && (cr_ieq(t + i, "st", 2) || cr_ieq(t + i, "nd", 2) || cr_ieq(t + i, "rd", 2) ||
	                    cr_ieq(t + i, "th", 2)))
		i += 2;
	if (i < len && (cr_is_alpha(t[i]) || cr_is_digit(t[i]) || t[i] == '/' || t[i] == ':' || t[i] == '%' ||
	                (t[i] == '.' && i + 1 < len && cr_is_digit(t[i + 1]))))
		return 0;
	*end = i;
	return d;
}

/* One end of a date range: "Nov 18", "November", "12 of Sept", "19",
   then perhaps a year ("Nov 18, 2015", "June in 2017"). */
/* A numeric date "10/1", "5/7/2020", "10-7-2018" (month first unless the
   first number cannot be a month); '-' needs the year, so "18-19" stays a
   day range. */
/* The number in the digits at t[p..len), after any spaces (the text has no NUL at its end). */
static int num_at(const char *t, uint32_t p, uint32_t len)
{
	while (p < len && t[p] == ' ')
		p++;
	return cr_digits_val(t, p, len);
}

static bool numeric_date(const char *t, uint32_t p, uint32_t len, mdend *e)
{
	if (p > 0 && (wordch((unsigned char)t[p - 1]) || t[p - 1] == '/' || t[p - 1] == '.'))
		return false;
	uint32_t i = p;
	int a = 0, b = 0, y = 0, na = 0, nb = 0, ny = 0;
	/* "2018-7-6" */
	if (p + 7 < len && cr_is_digit(t[p]) && cr_is_digit(t[p + 1]) && cr_is_digit(t[p + 2]) && cr_is_digit(t[p + 3]) &&
	    t[p + 4] == '-' && cr_is_digit(t[p + 5])) {
		int yy = num_at(t, p, len), mm = 0, dd = 0;
		uint32_t j = p + 5;
		while (j < len && cr_is_digit(t[j]) && j - p < 7)
			mm = mm * 10 + (t[j++] - '0');
		if (j + 1 < len && t[j] == '-' && cr_is_digit(t[j + 1])) {
			uint32_t k = ++j;
			while (j < len && cr_is_digit(t[j]) && j - k < 2)
				dd = dd * 10 + (t[j++] - '0');
			if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31 && !(j < len && wordch((unsigned char)t[j]))) {
				e->y = yy, e->mo = mm, e->d = dd, e->cap = true, e->end = j;
				return true;
			}
		}
		return false;
	}
	while (i < len && cr_is_digit(t[i]) && na < 3)
		a = a * 10 + (t[i++] - '0'), na++;
	if (na == 0 || na > 2 || i >= len || (t[i] != '/' && t[i] != '-'))
		return false;
	char sep = t[i++];
	while (i < len && cr_is_digit(t[i]) && nb < 3)
		b = b * 10 + (t[i++] - '0'), nb++;
	if (nb == 0 || nb > 2)
		return false;
	if (i + 1 < len && t[i] == sep && cr_is_digit(t[i + 1])) {
		uint32_t j = i + 1;
		while (j < len && cr_is_digit(t[j]) && ny < 5)
			y = y * 10 + (t[j++] - '0'), ny++;
		if (ny == 2 || ny == 4) {
			i = j;
			if (ny == 2)
				y += 2000;
		} else {
			y = 0;
		}
	}
	if (sep == '-' && !y)
		return false;
	if (i < len && (cr_is_alpha(t[i]) || cr_is_digit(t[i]) || t[i] == '%' || t[i] == '/' ||
	                (t[i] == '.' && i + 1 < len && cr_is_digit(t[i + 1]))))
		return false;
	int mo = a, d = b;
	if (a > 12 && b <= 12)
		mo = b, d = a;
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return false;
	e->mo = mo;
	e->d = d;
	e->y = y;
	e->cap = true;
	e->end = i;
	return true;
}

static bool md_end(const char *t, uint32_t p, uint32_t len, mdend *e)
{
	memset(e, 0, sizeof *e);
	uint32_t q = p, w;
	if (numeric_date(t, p, len, e)) {
		if (e->y)
			return true;
		goto year;
	}
	if (word_is(t, q, len, "the", &w))
		q = skip_sp(t, w, len);
	uint32_t we = q;
	while (we < len && cr_is_alpha(t[we]))
		we++;
	if ((e->mo = month_word(t, q, we)) != 0) {
		e->cap = cr_is_upper(t[q]);
		e->end = we;
		if (we + 5 <= len && (t[we] == '/' || t[we] == '-') && is_year4(t, we + 1, len) &&
		    !(we + 5 < len && wordch((unsigned char)t[we + 5]))) {
			e->y = num_at(t, we + 1, len);
			e->end = we + 5;
			e->glued = true;
			return true;
		}
		if (we < len && t[we] == '.')
			we++;
		uint32_t r = skip_sp(t, we, len), de;
		if (word_is(t, r, len, "the", &w))
			r = skip_sp(t, w, len);
		if ((e->d = day_number(t, r, len, &de)) != 0)
			e->end = de;
	} else if ((e->d = day_number(t, q, len, &e->end)) != 0) {
		uint32_t r = skip_sp(t, e->end, len);
		if (word_is(t, r, len, "of", &w))
			r = skip_sp(t, w, len);
		uint32_t me = r;
		while (me < len && cr_is_alpha(t[me]))
			me++;
		if ((e->mo = month_word(t, r, me)) != 0) {
			e->cap = cr_is_upper(t[r]);
			e->end = me;
		}
	} else {
		return false;
	}
year:;
	/* a year: ", 2015", " 2017", " in 2017", " of 2020" */
	uint32_t r = e->end;
	if (r < len && t[r] == ',')
		r++;
	r = skip_sp(t, r, len);
	if (e->mo && (word_is(t, r, len, "in", &w) || word_is(t, r, len, "of", &w)))
		r = skip_sp(t, w, len);
	if (e->mo && r + 4 <= len && cr_is_digit(t[r]) && cr_is_digit(t[r + 1]) && cr_is_digit(t[r + 2]) &&
	    cr_is_digit(t[r + 3]) && !(r + 4 < len && wordch((unsigned char)t[r + 4])) && (t[r] == '1' || t[r] == '2')) {
		e->y = num_at(t, r, len);
		e->end = r + 4;
	}
	return true;
}

static bool year_range(scan *sc, uint32_t p, uint32_t os, bool between, item *it)
{
	const char *t = sc->t;
	uint32_t ce;
	/* "2014-2018", "from 2014 till 2018", "between 2014 and 2018" */
	if (p + 4 > sc->len || !(t[p] == '1' || t[p] == '2') ||
	    (p > 0 && (t[p - 1] == '-' || t[p - 1] == '/' || t[p - 1] == '.' || t[p - 1] == '+')))
		return false;
	for (int k = 0; k < 4; k++)
		if (!cr_is_digit(t[p + k]))
			return false;
	if (p + 4 < sc->len && wordch((unsigned char)t[p + 4]))
		return false;
	if (!link_after(t, p + 4, sc->len, R_TO, &ce) && !(between && link_after(t, p + 4, sc->len, R_AND, &ce)))
		return false;
	uint32_t q = skip_sp(t, ce, sc->len);
	if (q + 4 > sc->len || !(t[q] == '1' || t[q] == '2'))
		return false;
	for (int k = 0; k < 4; k++)
		if (!cr_is_digit(t[q + k]))
			return false;
	if (q + 4 < sc->len && (wordch((unsigned char)t[q + 4]) || t[q + 4] == '-' || t[q + 4] == '/'))
		return false;
	int y1 = num_at(t, p, sc->len), y2 = num_at(t, q, sc->len);
	if (y2 <= y1)
		return false;
	range_value(it->value, sizeof it->value, cr_range_year(y1).earliest, cr_range_year(y2).earliest, 'Y');
	it->start = os;
	it->end = q + 4;
	it->range = (cr_dayrange){cr_range_year(y1).earliest, cr_range_year(y2).earliest};
	return true;
}

/* Reads "[from|between] END conn END" at p; fills *it. */
static bool md_range(scan *sc, uint32_t lo, uint32_t p, item *it)
{
	const char *t = sc->t;
	uint32_t os = p, ce;
	bool between = link_before(t, lo, p, R_BETWEEN, &os) != NULL;
	bool opener = between || link_before(t, lo, p, R_OPEN, &os) != NULL;
	if (!opener)
		os = p;
	mdend a, b;
	if (!md_end(t, p, sc->len, &a))
		return year_range(sc, p, os, between, it);
	if (!link_after(t, a.end, sc->len, R_TO, &ce) && !(between && link_after(t, a.end, sc->len, R_AND, &ce)))
		return false;
	if (!md_end(t, skip_sp(t, ce, sc->len), sc->len, &b))
		return false;
	if (!a.mo && !b.mo)
		return false;
	/* a lower-case month ("may", "march") needs a day number or an opener */
	if ((a.mo && !a.cap && !opener && !a.d) || (b.mo && !b.cap && !opener && !b.d))
		return false;
	if (!a.mo && !(b.d && !a.d == !b.d))
		return false; /* "3 to 12 of Sept": both days */
	if (!a.mo)
		a.mo = b.mo;
	if (!b.mo && !(a.d && b.d))
		return false; /* "Nov 18-19": both days */
	if (!b.mo) {
		b.mo = a.mo; /* "april 27th to the third": the next month's third */
		if (b.d < a.d)
			b.mo = a.mo % 12 + 1, b.y = b.y ? b.y : (a.y && a.mo == 12 ? a.y + 1 : 0);
	}
	if (!a.d != !b.d && (!a.mo || !b.mo || b.d == 0))
		return false; /* "Nov-Feb 5th, 2017" starts on the 1st */
	int y2 = b.y ? b.y : a.y;
	if (!y2) {
		if (sc->ref == CR_DAY_NONE)
			return false;
		int rm, rd;
		cr_civil_from_days(sc->ref, &y2, &rm, &rd);
	}
	int y1 = a.y ? a.y : y2;
	if (a.d > cr_days_in_month(y1, a.mo) || b.d > cr_days_in_month(y2, b.mo))
		return false; /* "2/29" in a common year */
	int32_t s = cr_days_from_civil(y1, a.mo, a.d ? a.d : 1), e = cr_days_from_civil(y2, b.mo, b.d ? b.d : 1);
	if (e < s && !b.y)
		e = cr_days_from_civil(++y2, b.mo, b.d ? b.d : 1);
	else if (e < s && !a.y)
		s = cr_days_from_civil(--y1, a.mo, a.d ? a.d : 1);
	if (e < s)
		return false;
	range_value(it->value, sizeof it->value, s, e, a.d || b.d ? 'D' : 'M');
	it->start = os;
	it->end = b.end;
	it->range = (cr_dayrange){s, e};
	return true;
}

/* Finds date ranges in the text ("from March to May", "Nov 18-19",
   "between 3 and 12 of Sept", "2014-2018") and puts them in place of the
   expressions they cover. */
static void date_ranges(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	itemvec out = {0};
	size_t k = 0;
	uint32_t done = 0;
	for (uint32_t p = 0; p < sc->len; p++) {
		if (!wordch((unsigned char)t[p]) || (p > 0 && wordch((unsigned char)t[p - 1])) || p < done)
			continue;
		if (!cr_is_digit(t[p]) && !cr_is_alpha(t[p]))
			continue;
		uint32_t lo = out.len ? out.items[out.len - 1].end : 0;
		while (k < v->len && v->items[k].end <= p) {
			cr_vec_push(&out, v->items[k]);
			lo = v->items[k++].end;
		}
		if (k < v->len && v->items[k].start < p)
			continue;
		item it = {0};
		it.h = -1;
		mdend one;
		if (!md_range(sc, lo < done ? done : lo, p, &it)) {
			/* a numeric date the single rules left, where the context makes it
			   one: "on 22/04", "5/3/18 @ 17:49:19", "23/12 before 5pm" */
			uint32_t on, ce;
			clockv c;
			if (cr_is_digit(t[p]) && numeric_date(t, p, sc->len, &one) && (k >= v->len || v->items[k].start >= one.end) &&
			    sc->ref != CR_DAY_NONE) {
				uint32_t q = skip_sp(t, one.end, sc->len);
				if (q < sc->len && t[q] == '@')
					q = skip_sp(t, q + 1, sc->len);
				else if (link_after(t, q, sc->len, R_PRE, &ce) || link_after(t, q, sc->len, R_BETWEEN, &ce) ||
				         word_is(t, q, sc->len, "at", &ce))
					q = skip_sp(t, ce, sc->len);
				bool clock = parse_clock(t, q, sc->len, &c) && (c.mer || c.wmin) && !c.mer1;
				bool wday = out.len && out.items[out.len - 1].wd && only_space(t, out.items[out.len - 1].end, p);
				if (clock || wday || phrase_before(t, lo, p, "on", &on)) {
					int ry, rm, rd;
					cr_civil_from_days(sc->ref, &ry, &rm, &rd);
					it.y = one.y ? one.y : ry;
					it.mo = one.mo;
					it.d = one.d;
					if (it.d > cr_days_in_month(it.y, it.mo))
						continue;
					it.start = p;
					it.end = one.end;
					it.grain = 'D';
					it.yearw = one.y != 0;
					int32_t z = cr_days_from_civil(it.y, it.mo, it.d);
					it.range = (cr_dayrange){z, z};
					day_str(z, it.value);
					it.kind = K_DATE;
					it.type = CR_DT_DATE;
					cr_vec_push(&out, it);
					done = one.end;
					continue;
				}
			}
			/* a month and day the single rules left, beside a clock: "february
			   22nd 3:30", "12:30 december 27th" */
			if (cr_is_alpha(t[p]) && md_end(t, p, sc->len, &one) && one.mo && one.d && !one.y &&
			    (k >= v->len || v->items[k].start >= one.end) && sc->ref != CR_DAY_NONE) {
				uint32_t q = skip_sp(t, one.end, sc->len), ae2;
				if (word_is(t, q, sc->len, "at", &ae2))
					q = skip_sp(t, ae2, sc->len);
				bool after = parse_clock(t, q, sc->len, &c) && (c.mer || c.wmin) && !c.mer1;
				bool before = false;
				if (!after) {
					uint32_t e = p;
					while (e > lo && cr_is_space(t[e - 1]))
						e--;
					uint32_t cs = e;
					while (cs > lo && (cr_is_digit(t[cs - 1]) || t[cs - 1] == ':' || cr_is_alpha(t[cs - 1]) || t[cs - 1] == '.'))
						cs--;
					while (cs < e && !cr_is_digit(t[cs]))
						cs++;
					before = cs < e && parse_clock(t, cs, sc->len, &c) && c.end == e && (c.mer || c.wmin);
				}
				if (after || before) {
					int ry, rm, rd;
					cr_civil_from_days(sc->ref, &ry, &rm, &rd);
					if (one.d > cr_days_in_month(ry, one.mo))
						continue;
					it.start = p;
					it.end = one.end;
					it.y = ry, it.mo = one.mo, it.d = one.d;
					it.grain = 'D';
					int32_t z = cr_days_from_civil(ry, one.mo, one.d);
					it.range = (cr_dayrange){z, z};
					day_str(z, it.value);
					it.kind = K_DATE;
					it.type = CR_DT_DATE;
					cr_vec_push(&out, it);
					done = one.end;
					continue;
				}
			}
			/* "on the 18th": a day of an unnamed month */
			uint32_t de2, th2, on2;
			int dn;
			if (cr_is_digit(t[p]) && (dn = day_number(t, p, sc->len, &de2)) != 0 && de2 >= p + 3 &&
			    cr_is_alpha(t[de2 - 1]) && (k >= v->len || v->items[k].start >= de2) &&
			    phrase_before(t, lo, phrase_before(t, lo, p, "the", &th2) ? th2 : p, "on", &on2)) {
				uint32_t nx = skip_sp(t, de2, sc->len), nw = nx;
				while (nw < sc->len && cr_is_alpha(t[nw]))
					nw++;
				if (!month_word(t, nx, nw) &&
				    !has_word(t, nx, nw, (const char *const[]){"of", "century", "floor", "day", NULL})) {
					it.start = phrase_before(t, lo, p, "the", &th2) ? th2 : p;
					it.end = de2;
					it.grain = 0;
					it.range = (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
					fmtv(it.value, sizeof it.value, "XXXX-XX-%02d", dn);
					it.kind = K_REF;
					it.type = CR_DT_DATE;
					cr_vec_push(&out, it);
					done = de2;
					continue;
				}
			}
			/* "june of 1992", "Dec, 2018" where the single rules saw the year only */
			if (!md_end(t, p, sc->len, &one) || !one.mo || !one.y || (k >= v->len && !one.glued))
				continue;
			/* the items it covers: dates, the last ending with its year */
			size_t j = k;
			if (one.glued && !one.d && (k >= v->len || v->items[k].start >= one.end)) {
				it.start = p;
				it.end = one.end;
				it.y = one.y;
				it.mo = one.mo;
				it.yearw = true;
				it.grain = 'M';
				it.range = cr_range_month(one.y, one.mo);
				fmtv(it.value, sizeof it.value, "%04d-%02d", one.y, one.mo);
				it.kind = K_DATE;
				it.type = CR_DT_DATERANGE;
				cr_vec_push(&out, it);
				done = one.end;
				continue;
			}
			while (j < v->len && v->items[j].start < one.end && v->items[j].kind == K_DATE && v->items[j].end <= one.end)
				j++;
			if (j == k || v->items[j - 1].end != one.end || (j < v->len && v->items[j].start < one.end) ||
			    (j - k == 1 && v->items[k].start == p))
				continue;
			memmove(v->items + k + 1, v->items + j, (v->len - j) * sizeof *v->items);
			v->len -= j - k - 1;
			it.start = p;
			it.end = one.end;
			it.y = one.y;
			it.mo = one.mo;
			it.d = one.d;
			it.yearw = true;
			it.grain = one.d ? 'D' : 'M';
			it.range = one.d ? (cr_dayrange){cr_days_from_civil(one.y, one.mo, one.d), cr_days_from_civil(one.y, one.mo, one.d)}
			                 : cr_range_month(one.y, one.mo);
			if (one.d)
				fmtv(it.value, sizeof it.value, "%04d-%02d-%02d", one.y, one.mo, one.d);
			else
				fmtv(it.value, sizeof it.value, "%04d-%02d", one.y, one.mo);
			it.kind = K_DATE;
			it.type = one.d ? CR_DT_DATE : CR_DT_DATERANGE;
			v->items[k++] = it;
			k--;
			continue;
		}
		/* it may not cut through something else */
		bool bad = false;
		for (size_t i = k; i < v->len && v->items[i].start < it.end; i++)
			if (v->items[i].end > it.end || (v->items[i].kind != K_DATE && v->items[i].kind != K_TIME))
				bad = true;
		if (bad)
			continue;
		it.kind = K_DONE;
		it.type = CR_DT_DATERANGE;
		while (k < v->len && v->items[k].start < it.end)
			k++;
		while (out.len && out.items[out.len - 1].end > it.start)
			out.len--;
		cr_vec_push(&out, it);
		done = it.end;
	}
	end_pass(v, &out, k);
}

/* ---------------------------------------------------------------- pass 1: clock ranges */

static int to24(int h, int mer)
{
	if (mer == 1)
		return h == 12 ? 0 : h;
	if (mer == 2)
		return h == 12 ? 12 : h + 12;
	return h;
}

/* Finds clock ranges in the text and puts them among the items, in place
   of the clock times they cover. */
static void clock_ranges(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	itemvec out = {0};
	size_t k = 0;
	uint32_t done = 0;
	for (uint32_t p = 0; p < sc->len; p++) {
		if (!cr_is_digit(t[p]) || (p > 0 && cr_is_digit(t[p - 1])) || p < done)
			continue;
		clockv a, b;
		if (!parse_clock(t, p, sc->len, &a))
			continue;
		uint32_t bs;
		bool between = link_before(t, done, p, R_BETWEEN, &bs) != NULL;
		uint32_t ce, os = p;
		if (!link_after(t, a.end, sc->len, R_TO, &ce) && !(between && link_after(t, a.end, sc->len, R_AND, &ce)))
			continue;
		while (ce < sc->len && t[ce] == ' ')
			ce++;
		if (!parse_clock(t, ce, sc->len, &b))
			continue;
		/* "10-1-2018", "5/1-5/7" are dates */
		if (b.end + 1 < sc->len && (t[b.end] == '-' || t[b.end] == '/') && cr_is_digit(t[b.end + 1]))
			continue;
		if (between)
			os = bs;
		else if (!link_before(t, done, p, R_OPEN, &os))
			os = p;
		/* the range may not cut through a date the single rules found; an end
		   found with its day ("9:30 last night") dates the range */
		bool bad = false;
		const item *tail = NULL;
		for (size_t i = k; i < v->len && v->items[i].start < b.end; i++) {
			const item *x = &v->items[i];
			if (x->end <= os)
				continue;
			if (x->kind == K_DT && x->h >= 0 && x->start == b.start && x->end >= b.end)
				tail = x;
			else if (x->kind != K_TIME)
				bad = true;
		}
		if (bad)
			continue;
		if (tail) {
			b.end = tail->end;
			if (!b.mer)
				b.mer = tail->h >= 12 ? 2 : 1, b.h = tail->h >= 12 ? tail->h - 12 : tail->h;
		}
		item it = {0};
		it.kind = K_TRANGE;
		it.type = CR_DT_TIMERANGE;
		it.start = os;
		it.end = b.end;
		it.h = a.h;
		it.mi = a.mi;
		it.wmin = a.wmin;
		it.mer = a.mer;
		it.h2 = b.h;
		it.mi2 = b.mi;
		it.wmin2 = b.wmin;
		it.mer2 = b.mer;
		it.weak = !a.mer && !b.mer && !a.wmin && !b.wmin;
		it.range = (cr_dayrange){sc->ref, sc->ref};
		if (tail) {
			it.dated = true;
			it.y = tail->y, it.mo = tail->mo, it.d = tail->d, it.wd = tail->wd;
			it.range = tail->range;
		}
		while (k < v->len && v->items[k].end <= os)
			cr_vec_push(&out, v->items[k++]);
		while (k < v->len && v->items[k].start < b.end)
			k++;
		cr_vec_push(&out, it);
		done = b.end;
	}
	end_pass(v, &out, k);
}

/* Settles a clock range's hours: a shared meridiem, the part of day. */
static void trange_hours(item *r, const char *part)
{
	int h1 = r->h, h2 = r->h2;
	if (r->mer2 && !r->mer) {
		int e = to24(h2, r->mer2) * 60 + r->mi2;
		h1 = to24(h1, r->mer2) * 60 + r->mi <= e ? to24(h1, r->mer2) : h1;
	} else {
		h1 = to24(h1, r->mer);
	}
	if (r->mer && !r->mer2)
		h2 = h2 < 12 && h2 + 12 > h1 && h2 <= h1 ? h2 + 12 : h2;
	else
		h2 = to24(h2, r->mer2);
	if (!r->mer && !r->mer2) {
		bool late = part && (strcmp(part, "AF") == 0 || strcmp(part, "EV") == 0 || strcmp(part, "NI") == 0);
		if (late) {
			h1 += h1 < 12 ? 12 : 0;
			h2 += h2 < 12 ? 12 : 0;
		} else if (h2 < h1 && h2 < 12) {
			h2 += 12;
		}
	}
	r->h = h1 % 24;
	r->h2 = h2 % 24;
	r->mer = r->mer2 = 3; /* settled */
}

static void trange_value(item *r, bool dated)
{
	char a[24], b[24], d[24], da[16] = "", db[16] = "";
	fmt_clock(a, sizeof a, r->h, r->mi, 0, r->wmin, false);
	fmt_clock(b, sizeof b, r->h2, r->mi2, 0, r->wmin2, false);
	long m = (long)(r->h2 * 60 + r->mi2) - (r->h * 60 + r->mi);
	if (m < 0)
		m += 24 * 60;
	clock_dur(d, sizeof d, m * 60);
	if (dated) {
		char dp[16];
		fmtv(da, sizeof da, "%s", date_part(r, dp));
		fmtv(db, sizeof db, "%s", da);
	}
	fmtv(r->value, sizeof r->value, "(%s%s,%s%s,%s)", da, a, db, b, d);
}

/* ---------------------------------------------------------------- pass 2: points */

static bool dayish(const item *x)
{
	return x->kind == K_DATE && (x->grain == 'D' || x->part[0]);
}

static const char *part_of(const char *t, const item *d)
{
	static const char *const night[] = {"tonight", NULL};
	if (d->part[0])
		return d->part;
	if (has_word(t, d->start, d->end, night))
		return "NI";
	return NULL;
}

/* Sets a clock's hour from the part of day it is read in ("last night at 8"). */
static int hour_in_part(int h, int mer, const char *part)
{
	if (!mer && part && h < 12 && (strcmp(part, "AF") == 0 || strcmp(part, "EV") == 0 || strcmp(part, "NI") == 0))
		return h + 12;
	return h;
}

/* A clock after a day: "tomorrow 8:00am", "Sat at 5", "today before 4pm",
   "October 14 for 8:00:31am". A bare number needs "at" or "around" before
   it. Returns the clock's end or 0; *mod is the open-range modifier. */
static uint32_t clock_after_day(const char *t, uint32_t pos, uint32_t hi, clockv *c, int *mod)
{
	uint32_t ae = pos;
	bool at = false;
	const link *l;
	*mod = CR_DT_MOD_NONE;
	if ((l = link_after(t, pos, hi, R_PRE, &ae)) != NULL)
		*mod = l->mod;
	else if (link_after(t, pos, hi, R_APPROX, &ae) != NULL)
		at = true;
	else if ((l = link_after(t, pos, hi, R_AT, &ae)) != NULL)
		at = l->p[0] == 'a' || l->p[0] == '@';
	while (ae < hi && cr_is_space(t[ae]))
		ae++;
	if (!parse_clock(t, ae, hi, c))
		return 0;
	if (!c->mer && !c->wmin && !at)
		return 0;
	return c->end;
}

/* Clock times the single rules left ("8.30pm", "17.30" after "at"): a
   meridiem, or minutes after a colon, or after a dot behind "at". */
static void clock_points(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	itemvec out = {0};
	size_t k = 0;
	for (uint32_t p = 0; p < sc->len; p++) {
		if (!cr_is_digit(t[p]) || (p > 0 && cr_is_digit(t[p - 1])))
			continue;
		while (k < v->len && v->items[k].end <= p)
			cr_vec_push(&out, v->items[k++]);
		if (k < v->len && v->items[k].start <= p)
			continue;
		clockv c;
		if (!parse_clock(t, p, sc->len, &c) || (k < v->len && v->items[k].start < c.end))
			continue;
		uint32_t as;
		bool colon = c.wmin && p + 1 < sc->len && (t[p + 1] == ':' || (p + 2 < sc->len && t[p + 2] == ':'));
		if (!c.mer && !colon && !c.oclock && !(c.wmin && phrase_before(t, 0, p, "at", &as)))
			continue;
		if (c.mer1 && !phrase_before(t, 0, p, "at", &as))
			continue; /* "4p" is four pence unless "at 4p" */
		if (c.mer && c.h > 12)
			continue;
		/* "at 6.45 percent" is a number: without a meridiem, only the end of
		   a clause or a time word may follow */
		static const char *const follow[] = {"on", "in", "and", "or", "to", "at", "every", "each", NULL};
		uint32_t nx = skip_sp(t, c.end, sc->len), nw = nx;
		while (nw < sc->len && cr_is_alpha(t[nw]))
			nw++;
		if (!c.mer && !c.oclock && !colon && !(nw > nx && cr_is_upper(t[nx])) && !clause_end(t, c.end, sc->len) &&
		    !has_word(t, nx, nw, follow) &&
		    !has_word(t, nx, nw, DEICTIC) && !month_word(t, nx, nw) && !bare_weekday(t, nx, nw))
			continue;
		item it = {0};
		it.kind = K_TIME;
		it.type = CR_DT_TIME;
		it.start = p;
		it.end = c.end;
		it.h = to24(c.h, c.mer);
		it.mi = c.mi;
		it.s = c.s;
		it.wmin = c.wmin;
		it.wsec = c.wsec;
		it.range = (cr_dayrange){sc->ref, sc->ref};
		if (sc->ref != CR_DAY_NONE)
			cr_civil_from_days(sc->ref, &it.y, &it.mo, &it.d);
		point_value(&it);
		cr_vec_push(&out, it);
		p = c.end;
	}
	end_pass(v, &out, k);
}

/* Parts of the day the single rules left: "in the morning", "later in
   the afternoon", "in the evenings" (the spec keeps "in"). */
static void day_parts(scan *sc, itemvec *v)
{
	static const char *const words[] = {"night-time", "nighttime", "morning", "afternoon", "evening", "night",
	                                    "daytime", NULL};
	static const char *const codes[] = {"NT", "NT", "MO", "AF", "EV", "NI", "DT"};
	const char *t = sc->t;
	itemvec out = {0};
	size_t k = 0;
	for (uint32_t p = 0; p + 2 < sc->len; p++) {
		if (!cr_is_alpha(t[p]) || (p > 0 && wordch((unsigned char)t[p - 1])))
			continue;
		uint32_t ie, te, we = 0;
		bool set = false;
		if (word_is(t, p, sc->len, "every", &te) || word_is(t, p, sc->len, "each", &te))
			set = true; /* "every morning" */
		else if (word_is(t, p, sc->len, "early", &te) || word_is(t, p, sc->len, "late", &te))
			; /* "early morning", "late evening" */
		else if (!word_is(t, p, sc->len, "in", &ie) || !word_is(t, ie, sc->len, "the", &te))
			continue;
		int code = -1;
		for (int w = 0; words[w] && code < 0; w++) {
			uint32_t ws = skip_sp(t, te, sc->len);
			size_t n = strlen(words[w]);
			if (ws + n <= sc->len && cr_ieq(t + ws, words[w], n)) {
				we = (uint32_t)(ws + n);
				if (we < sc->len && (t[we] == 's' || t[we] == 'S'))
					we++;
				if (we < sc->len && wordch((unsigned char)t[we]))
					continue;
				code = w;
			}
		}
		if (code < 0)
			continue;
		while (k < v->len && v->items[k].end <= p)
			cr_vec_push(&out, v->items[k++]);
		if (k < v->len && v->items[k].start < we)
			continue;
		uint32_t s = p, ms;
		static const char *const mods[] = {"later", "earlier", "early", "late", NULL};
		for (int m = 0; mods[m] && !set; m++)
			if (phrase_before(t, out.len ? out.items[out.len - 1].end : 0, p, mods[m], &ms))
				s = ms;
		if (set) {
			item it = {0};
			it.kind = K_SET;
			it.type = CR_DT_SET;
			it.h = -1;
			it.start = p;
			it.end = we;
			fmtv(it.value, sizeof it.value, "T%s", codes[code]);
			cr_vec_push(&out, it);
			p = we;
			continue;
		}
		item it = {0};
		it.kind = K_PART;
		it.type = CR_DT_TIMERANGE;
		it.h = -1;
		/* "5 in the morning": a bare clock before the part */
		uint32_t e = p;
		while (e > 0 && cr_is_space(t[e - 1]))
			e--;
		uint32_t cs = e;
		while (cs > 0 && (cr_is_digit(t[cs - 1]) || t[cs - 1] == ':'))
			cs--;
		clockv c;
		if (cs < e && (!out.len || out.items[out.len - 1].end <= cs) && parse_clock(t, cs, sc->len, &c) &&
		    c.end == e && !c.mer) {
			it.kind = K_TIME;
			it.type = CR_DT_TIME;
			it.h = hour_in_part(c.h, 0, codes[code]);
			it.mi = c.mi;
			it.wmin = c.wmin;
			s = cs;
			if (sc->ref != CR_DAY_NONE)
				cr_civil_from_days(sc->ref, &it.y, &it.mo, &it.d);
		}
		it.start = s;
		it.end = we;
		it.part[0] = codes[code][0];
		it.part[1] = codes[code][1];
		it.range = (cr_dayrange){sc->ref, sc->ref};
		if (it.kind == K_TIME)
			point_value(&it);
		else
			fmtv(it.value, sizeof it.value, "T%s", codes[code]);
		cr_vec_push(&out, it);
		p = we;
	}
	end_pass(v, &out, k);
}

/* A count written as digits or one number word ("5", "forty") at [a, b), or -1. */
static int count_at(const char *t, uint32_t a, uint32_t b)
{
	if (a < b && cr_is_digit(t[a])) {
		int n = 0;
		for (uint32_t i = a; i < b; i++) {
			if (!cr_is_digit(t[i]) || i - a > 2)
				return -1;
			n = n * 10 + (t[i] - '0');
		}
		return n;
	}
	if (!numwords)
		return -1;
	long r = cr_lexicon_find(numwords, t + a, b - a);
	if (r < 0 || numwords->ncols[r] < 3)
		return -1;
	const char *cl = numwords->cols[r][1];
	if (strcmp(cl, "unit") && strcmp(cl, "teen") && strcmp(cl, "tens"))
		return -1;
	return atoi(numwords->cols[r][2]);
}

/* The duration value of n calendar units named at [a, b) ("days", "hour"), or false. */
static bool unit_value(const char *t, uint32_t a, uint32_t b, int n, char *o, size_t on)
{
	if (!calwords)
		return false;
	long r = cr_lexicon_find(calwords, t + a, b - a);
	if (r < 0 || calwords->ncols[r] < 3 || strcmp(calwords->cols[r][1], "unit") != 0)
		return false;
	switch (atoi(calwords->cols[r][2])) {
	case 1: fmtv(o, on, "P%dD", n); return true;
	case 7: fmtv(o, on, "P%dW", n); return true;
	case 14: fmtv(o, on, "P%dW", 2 * n); return true;
	case 30: fmtv(o, on, "P%dM", n); return true;
	case 365: fmtv(o, on, "P%dY", n); return true;
	case 3650: fmtv(o, on, "P%dY", 10 * n); return true;
	case -1: fmtv(o, on, "PT%dH", n); return true;
	case -2: fmtv(o, on, "PT%dM", n); return true;
	default: return false;
	}
}

/* "the 5 upcoming years", "13 last minutes", "next hour": counts read
   from the reference that the single rules left. */
static void count_ranges(scan *sc, itemvec *v)
{
	static const char *const dirs[] = {"next", "upcoming", "coming", "following", "past", "previous", "last", NULL};
	const char *t = sc->t;
	itemvec out = {0};
	size_t k = 0;
	for (uint32_t p = 0; p < sc->len; p++) {
		if (!cr_is_alpha(t[p]) && !cr_is_digit(t[p]))
			continue;
		if (p > 0 && wordch((unsigned char)t[p - 1]))
			continue;
		uint32_t e1 = p;
		while (e1 < sc->len && wordch((unsigned char)t[e1]))
			e1++;
		while (k < v->len && v->items[k].end <= p)
			cr_vec_push(&out, v->items[k++]);
		uint32_t s2 = skip_sp(t, e1, sc->len), e2 = s2;
		while (e2 < sc->len && cr_is_alpha(t[e2]))
			e2++;
		int n = count_at(t, p, e1);
		uint32_t us = 0, ue = 0;
		if (n > 0 && has_word(t, s2, e2, dirs)) {
			us = skip_sp(t, e2, sc->len);
		} else if (has_word(t, p, e1, dirs)) {
			int n2 = count_at(t, s2, e2 > s2 ? e2 : s2);
			if (n2 < 0 && s2 < sc->len && cr_is_digit(t[s2])) {
				uint32_t d2 = s2;
				while (d2 < sc->len && cr_is_digit(t[d2]))
					d2++;
				n2 = count_at(t, s2, d2);
				e2 = d2;
			}
			if (n2 > 1) {
				n = n2; /* "the next 7 quarters" */
				us = skip_sp(t, e2, sc->len);
			} else {
				n = 1; /* "next hour", "last minute" */
				us = s2;
			}
		} else {
			continue;
		}
		ue = us;
		while (ue < sc->len && cr_is_alpha(t[ue]))
			ue++;
		/* business days skip weekends: "the next 4 business days" */
		uint32_t be;
		if (n > 1 && sc->ref != CR_DAY_NONE &&
		    (word_is(t, us, sc->len, "business", &be) || word_is(t, us, sc->len, "working", &be)) &&
		    word_is(t, be, sc->len, "days", &be) && !(k < v->len && v->items[k].start < be)) {
			static const char *const back[] = {"past", "previous", "last", NULL};
			bool bk = has_word(t, p, us, back);
			int32_t a0, b0, z = sc->ref;
			int left = n;
			if (bk) {
				b0 = sc->ref;
				while (left > 0)
					if (cr_weekday(--z) < 5)
						left--;
				a0 = z;
			} else {
				while (cr_weekday(++z) >= 5)
					;
				a0 = z;
				for (left = n - 1; left > 0;)
					if (cr_weekday(++z) < 5)
						left--;
				b0 = z + 1;
			}
			item it = {0};
			it.kind = K_DONE;
			it.type = CR_DT_DATERANGE;
			it.h = -1;
			it.start = p;
			it.end = be;
			it.range = (cr_dayrange){a0, b0};
			char x[11], y[11];
			day_str(a0, x);
			day_str(b0, y);
			fmtv(it.value, sizeof it.value, "(%s,%s,P%dBD)", x, y, n);
			cr_vec_push(&out, it);
			p = be;
			continue;
		}
		/* quarters count from the quarter's edge: "the next 7 quarters", "past quarter" */
		if (((ue - us == 7 && cr_ieq(t + us, "quarter", 7)) || (ue - us == 8 && cr_ieq(t + us, "quarters", 8))) &&
		    sc->ref != CR_DAY_NONE && !(ue < sc->len && wordch((unsigned char)t[ue])) &&
		    (n == 1 || ue - us == 8) && !(k < v->len && v->items[k].start < ue)) {
			static const char *const back[] = {"past", "previous", "last", NULL};
			int ry, rm, rd;
			cr_civil_from_days(sc->ref, &ry, &rm, &rd);
			int32_t q0 = cr_days_from_civil(ry, (rm - 1) / 3 * 3 + 1, 1), a0, b0;
			bool bk = has_word(t, p, ue, back);
			if (bk) {
				b0 = q0;
				a0 = add_months(q0, -3 * n);
			} else {
				a0 = add_months(q0, 3);
				b0 = add_months(a0, 3 * n);
			}
			item it = {0};
			it.kind = K_DONE;
			it.type = CR_DT_DATERANGE;
			it.h = -1;
			it.start = p;
			it.end = ue;
			it.range = (cr_dayrange){a0, b0};
			range_value(it.value, sizeof it.value, a0, b0, 'M');
			cr_vec_push(&out, it);
			p = ue;
			continue;
		}
		char val[24];
		if (ue == us || (ue < sc->len && wordch((unsigned char)t[ue])) || !unit_value(t, us, ue, n, val, sizeof val))
			continue;
		if (n == 1 && (val[1] != 'T' || val[strlen(val) - 1] != 'H' || cr_lower(t[ue - 1]) == 's'))
			continue; /* "next week" is the single rules'; "at the last minute" an idiom */
		if (n > 1 && cr_lower(t[ue - 1]) != 's')
			continue; /* "13 last minute": a count of something else */
		if (k < v->len && v->items[k].start < ue)
			continue;
		item it = {0};
		it.kind = K_DUR;
		it.type = CR_DT_DURATION;
		it.h = -1;
		it.start = p;
		it.end = ue;
		fmtv(it.value, sizeof it.value, "%s", val);
		cr_vec_push(&out, it);
		p = ue;
	}
	end_pass(v, &out, k);
}

/* "[the] first|3rd|last week of" ending where the spaces before pos begin:
   the week's number (-1 for last) and the phrase's start, or 0. */
static int week_of(const char *t, uint32_t lo, uint32_t pos, uint32_t *start)
{
	uint32_t s, ws, os;
	if (!phrase_before(t, lo, pos, "of", &os) || !phrase_before(t, lo, os, "week", &ws))
		return 0;
	uint32_t e = ws;
	while (e > lo && cr_is_space(t[e - 1]))
		e--;
	s = e;
	while (s > lo && (cr_is_alpha(t[s - 1]) || cr_is_digit(t[s - 1])))
		s--;
	int n = 0;
	if (e - s == 4 && cr_ieq(t + s, "last", 4))
		n = -1;
	else if (e - s == 3 && cr_is_digit(t[s]) && cr_is_alpha(t[s + 1]))
		n = t[s] - '0';
	else {
		int val;
		const char *cl = numword(t, s, e, &val);
		if (cl && strcmp(cl, "ord") == 0)
			n = val;
	}
	if (n == 0 || n > 5 || (s > lo && wordch((unsigned char)t[s - 1])))
		return 0;
	uint32_t th;
	*start = phrase_before(t, lo, s, "the", &th) ? th : s;
	return n;
}

/* Makes m the n-th (or last, n -1) week of the year or month p. */
static void week_in(item *m, const item *p, int n)
{
	if (p->grain == 'Y') {
		int32_t jan4 = cr_days_from_civil(p->y, 1, 4), w1 = jan4 - cr_weekday(jan4);
		int jan1 = cr_weekday(cr_days_from_civil(p->y, 1, 1));
		bool leap = cr_days_in_month(p->y, 2) == 29;
		int last = (jan1 == 3 || (leap && jan1 == 2)) ? 53 : 52;
		int k = n < 0 ? last : n;
		fmtv(m->value, sizeof m->value, "%04d-W%02d", p->y, k);
		m->range = (cr_dayrange){w1 + 7 * (k - 1), w1 + 7 * (k - 1) + 6};
	} else {
		int dim = cr_days_in_month(p->y, p->mo), k = n < 0 ? 5 : n;
		int first = n < 0 ? dim - 6 : 1 + 7 * (n - 1), lastd = n < 0 ? dim : (7 * n < dim ? 7 * n : dim);
		fmtv(m->value, sizeof m->value, "%04d-%02d-W%02d", p->y, p->mo, k);
		m->range = (cr_dayrange){cr_days_from_civil(p->y, p->mo, first), cr_days_from_civil(p->y, p->mo, lastd)};
	}
	m->kind = K_DONE;
	m->type = CR_DT_DATERANGE;
	m->grain = 'W';
}

static bool is_year4(const char *t, uint32_t p, uint32_t len)
{
	return p + 4 <= len && (t[p] == '1' || t[p] == '2') && cr_is_digit(t[p + 1]) && cr_is_digit(t[p + 2]) &&
	       cr_is_digit(t[p + 3]) && !(p + 4 < len && cr_is_digit(t[p + 4])) && !(p > 0 && wordch((unsigned char)t[p - 1]));
}

/* "q1", "H2": a quarter or half number at p (its end in *e), or 0. */
static int qh_at(const char *t, uint32_t p, uint32_t len, char *kind, uint32_t *e)
{
	if (p + 2 > len || (p > 0 && wordch((unsigned char)t[p - 1])))
		return 0;
	char k = (char)cr_lower(t[p]);
	int n = t[p + 1] - '0';
	if (!((k == 'q' && n >= 1 && n <= 4) || (k == 'h' && n >= 1 && n <= 2)) ||
	    (p + 2 < len && wordch((unsigned char)t[p + 2])))
		return 0;
	*kind = k;
	*e = p + 2;
	return n;
}

/* Quarters, halves and week numbers the single rules left: "2017-q1", "q3
   2019", "q1 of 2017", "2019 H2", "week 31", "week 3 of 2027". A bare "q1"
   takes the reference year. */
static void numbered_periods(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	itemvec out = {0};
	size_t k = 0;
	int ry = 0, rm, rd;
	if (sc->ref != CR_DAY_NONE)
		cr_civil_from_days(sc->ref, &ry, &rm, &rd);
	for (uint32_t p = 0; p < sc->len; p++) {
		if (!wordch((unsigned char)t[p]) || (p > 0 && wordch((unsigned char)t[p - 1])))
			continue;
		while (k < v->len && v->items[k].end <= p)
			cr_vec_push(&out, v->items[k++]);
		char kind = 0;
		int n = 0, y = 0;
		uint32_t e = 0, w;
		/* fiscal, school and calendar years: "fiscal year 2008", "last fiscal
		   year", "sy18", "cy 2008" (FY2008, SY2008, 2008) */
		{
			static const char *const adj[] = {"fiscal", "school", "calendar", "fy", "sy", "cy", NULL};
			static const char *const pre[] = {"FY", "SY", "", "FY", "SY", ""};
			uint32_t q = p, we = p, dw = 0;
			int shift = 0;
			bool deictic = false;
			if (word_is(t, q, sc->len, "this", &dw) || word_is(t, q, sc->len, "current", &dw))
				deictic = true;
			else if (word_is(t, q, sc->len, "last", &dw) || word_is(t, q, sc->len, "previous", &dw))
				deictic = true, shift = -1;
			else if (word_is(t, q, sc->len, "next", &dw))
				deictic = true, shift = 1;
			if (deictic)
				q = skip_sp(t, dw, sc->len);
			we = q;
			while (we < sc->len && cr_is_alpha(t[we]))
				we++;
			int ai = -1;
			for (int j = 0; adj[j] && ai < 0; j++)
				if (we - q == strlen(adj[j]) && cr_ieq(t + q, adj[j], we - q))
					ai = j;
			if (ai >= 0) {
				uint32_t r = we, ye = 0;
				int yy = 0;
				bool word = ai < 3;
				if (word && word_is(t, r, sc->len, "year", &w))
					r = w;
				else if (word)
					ai = -1;
				if (ai >= 0) {
					uint32_t r2 = r < sc->len && t[r] == ' ' ? r + 1 : r;
					if (!deictic && is_year4(t, r2, sc->len)) {
						yy = num_at(t, r2, sc->len);
						ye = r2 + 4;
					} else if (!deictic && !word && r2 + 2 <= sc->len && cr_is_digit(t[r2]) && cr_is_digit(t[r2 + 1]) &&
					           !(r2 + 2 < sc->len && wordch((unsigned char)t[r2 + 2]))) {
						yy = 2000 + (t[r2] - '0') * 10 + (t[r2 + 1] - '0');
						ye = r2 + 2;
					} else if (deictic && word && ry) {
						yy = ry + shift;
						ye = r;
					} else if (!deictic && word && ai == 0) {
						ye = r; /* "fiscal year": which one is open */
					}
				}
				if (ai >= 0 && ye && (k >= v->len || v->items[k].start >= ye ||
				                      (v->items[k].grain == 'Y' && v->items[k].end <= ye))) {
					size_t j = k;
					while (j < v->len && v->items[j].start < ye && v->items[j].end <= ye)
						j++;
					item it = {0};
					it.kind = K_DONE;
					it.type = CR_DT_DATERANGE;
					it.h = -1;
					it.start = p;
					it.end = ye;
					it.y = yy;
					it.range = yy ? cr_range_year(yy) : (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
					if (yy)
						fmtv(it.value, sizeof it.value, "%s%04d", pre[ai], yy);
					else
						fmtv(it.value, sizeof it.value, "%sXXXX", pre[ai]);
					k = j;
					cr_vec_push(&out, it);
					p = ye;
					continue;
				}
			}
		}
		if (is_year4(t, p, sc->len)) {
			uint32_t q = p + 4;
			if (q < sc->len && (t[q] == '-' || t[q] == ' '))
				q++;
			if ((n = qh_at(t, q, sc->len, &kind, &e)) != 0)
				y = num_at(t, p, sc->len);
		} else if ((n = qh_at(t, p, sc->len, &kind, &e)) != 0) {
			uint32_t q = e;
			if (q < sc->len && (t[q] == '-' || t[q] == ' '))
				q++;
			if (word_is(t, q, sc->len, "of", &w))
				q = skip_sp(t, w, sc->len);
			if (is_year4(t, q, sc->len))
				y = num_at(t, q, sc->len), e = q + 4;
			else if (kind == 'q')
				y = ry;
			else
				continue; /* a bare "H2" is hydrogen more often than a half-year */
		} else if (word_is(t, p, sc->len, "week", &w)) {
			uint32_t q = skip_sp(t, w, sc->len), qe = q;
			while (qe < sc->len && cr_is_digit(t[qe]) && qe - q < 3)
				n = n * 10 + (t[qe++] - '0');
			if (qe == q || n < 1 || n > 53 || (qe < sc->len && wordch((unsigned char)t[qe])))
				continue;
			kind = 'w';
			e = qe;
			y = ry;
			uint32_t of;
			if (word_is(t, qe, sc->len, "of", &of)) {
				uint32_t q2 = skip_sp(t, of, sc->len);
				if (is_year4(t, q2, sc->len)) {
					y = num_at(t, q2, sc->len);
					e = q2 + 4;
				} else if (k < v->len && v->items[k].start == q2 && v->items[k].grain == 'Y') {
					y = v->items[k].y; /* "week 27 of last year" */
					e = v->items[k].end;
				}
			}
		}
		if (!n || !y)
			continue;
		/* it may only swallow years the single rules found */
		size_t j = k;
		while (j < v->len && v->items[j].start < e && v->items[j].grain == 'Y' && v->items[j].end <= e)
			j++;
		if (j < v->len && v->items[j].start < e)
			continue;
		item it = {0};
		it.kind = K_DATE;
		it.type = CR_DT_DATERANGE;
		it.h = -1;
		it.start = p;
		it.end = e;
		it.y = y;
		it.yearw = true;
		if (kind == 'w') {
			int32_t j4 = cr_days_from_civil(y, 1, 4), w1 = j4 - cr_weekday(j4);
			it.grain = 'W';
			it.range = (cr_dayrange){w1 + 7 * (n - 1), w1 + 7 * (n - 1) + 6};
			fmtv(it.value, sizeof it.value, "%04d-W%02d", y, n);
		} else {
			int months = kind == 'q' ? 3 : 6;
			it.mo = (n - 1) * months + 1;
			it.grain = 'Q';
			int32_t s0 = cr_days_from_civil(y, it.mo, 1), e0 = add_months(s0, months);
			it.range = (cr_dayrange){s0, e0 - 1};
			range_value(it.value, sizeof it.value, s0, e0, 'M');
		}
		k = j;
		cr_vec_push(&out, it);
		p = e;
	}
	end_pass(v, &out, k);
}

/* Weekends counted or repeated: "three weekends" (P3WE), "every two
   weekends" (P2WE), "any weekend", "all weekends", "weekends" (P1WE). */
static void weekends(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	itemvec out = {0};
	size_t k = 0;
	for (uint32_t p = 0; p + 7 <= sc->len; p++) {
		if (!(t[p] == 'w' || t[p] == 'W') || (p > 0 && wordch((unsigned char)t[p - 1])) || !cr_ieq(t + p, "weekend", 7))
			continue;
		uint32_t e = p + 7;
		bool plural = e < sc->len && (t[e] == 's' || t[e] == 'S');
		if (plural)
			e++;
		if (e < sc->len && wordch((unsigned char)t[e]))
			continue;
		while (k < v->len && v->items[k].end <= p)
			cr_vec_push(&out, v->items[k++]);
		if (k < v->len && v->items[k].start < e)
			continue;
		uint32_t lo = out.len ? out.items[out.len - 1].end : 0, s0 = p, w;
		int n = 1;
		bool set = false;
		uint32_t ns = p;
		while (ns > lo && cr_is_space(t[ns - 1]))
			ns--;
		uint32_t nb = ns;
		while (nb > lo && (cr_is_alpha(t[nb - 1]) || cr_is_digit(t[nb - 1])))
			nb--;
		int c = nb < ns ? count_at(t, nb, ns) : -1;
		if (c > 1 && plural) {
			n = c;
			s0 = nb;
			if (phrase_before(t, lo, nb, "every", &w) || phrase_before(t, lo, nb, "each", &w))
				s0 = w, set = true;
		} else if (phrase_before(t, lo, p, "any", &w) || phrase_before(t, lo, p, "all", &w)) {
			s0 = w;
			set = true;
		} else if (plural && !(nb < ns && (cr_is_digit(t[nb]) || c == 1))) {
			set = true; /* "weekends" */
		} else {
			continue;
		}
		item it = {0};
		it.kind = set ? K_SET : K_DUR;
		it.type = set ? CR_DT_SET : CR_DT_DURATION;
		it.h = -1;
		it.start = s0;
		it.end = e;
		it.range = (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
		fmtv(it.value, sizeof it.value, "P%dWE", n);
		cr_vec_push(&out, it);
		p = e;
	}
	end_pass(v, &out, k);
}

/* The index past the clock items (from k on) that a clock ending at ce
 * covers, or 0 when another expression starts inside it. */
static size_t items_under(const itemvec *v, size_t k, uint32_t ce)
{
	while (k < v->len && v->items[k].start < ce && v->items[k].kind == K_TIME)
		k++;
	return k == v->len || v->items[k].start >= ce ? k : 0;
}

/* m takes clock c, read in the part of the day part ("7" in the evening is
 * 19), and ends at ce; the caller writes its value. */
static void take_clock(item *m, const clockv *c, const char *part, uint32_t ce, uint8_t kind, uint8_t type)
{
	m->end = ce;
	m->kind = kind;
	m->type = type;
	m->h = hour_in_part(to24(c->h, c->mer), c->mer, part);
	m->mi = c->mi;
	m->s = c->s;
	m->wmin = c->wmin;
	m->wsec = c->wsec;
	m->part[0] = 0;
}

static void points(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	itemvec out = {0};
	for (size_t i = 0; i < v->len; i++) {
		item a = v->items[i];
		item *b = i + 1 < v->len ? &v->items[i + 1] : NULL;
		uint32_t je = 0;
		bool joined = b && (only_space(t, a.end, b->start) ||
		                    (link_after(t, a.end, b->start, R_AT, &je) && only_space(t, je, b->start)));
		/* a day found with its part, then a clock: "Sunday early morning at 8:00" */
		if (dayish(&a) && a.part[0] && a.kind == K_DATE) {
			clockv pc;
			int pmod;
			uint32_t pce = clock_after_day(t, a.end, sc->len, &pc, &pmod);
			size_t k = pce && !pmod ? items_under(v, i + 1, pce) : 0;
			if (k) {
				item m = a;
				take_clock(&m, &pc, a.part, pce, K_DT, CR_DT_DATETIME);
				point_value(&m);
				cr_vec_push(&out, m);
				i = k - 1;
				continue;
			}
		}
		/* a day and a part of it: "tuesday in the morning" */
		if (dayish(&a) && !a.part[0] && b && b->kind == K_PART && only_space(t, a.end, b->start)) {
			item m = a;
			m.end = b->end;
			m.part[0] = b->part[0];
			m.part[1] = b->part[1];
			char dp[16];
			fmtv(m.value, sizeof m.value, "%sT%.2s", date_part(&m, dp), m.part);
			m.type = CR_DT_DATETIMERANGE;
			/* "Sunday early morning at 8:00" */
			clockv pc;
			int pmod;
			uint32_t pce = clock_after_day(t, b->end, sc->len, &pc, &pmod);
			size_t k = pce && !pmod ? items_under(v, i + 2, pce) : 0;
			if (k) {
				take_clock(&m, &pc, b->part, pce, K_DT, CR_DT_DATETIME);
				point_value(&m);
				cr_vec_push(&out, m);
				i = k - 1;
				continue;
			}
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		/* a part of the day and a clock: "in the afternoon at 7" */
		if (a.kind == K_PART) {
			clockv c;
			int mod;
			uint32_t ce = clock_after_day(t, a.end, sc->len, &c, &mod);
			if (!ce) {
				uint32_t q = skip_sp(t, a.end, sc->len), oe;
				if (parse_clock(t, q, sc->len, &c) && c.end > q && has_word(t, q, c.end, (const char *const[]){"oclock", "o'clock", NULL}) &&
				    (oe = c.end) != 0)
					ce = oe, mod = 0;
			}
			size_t k = i + 1;
			while (ce && k < v->len && v->items[k].start < ce && v->items[k].kind == K_TIME)
				k++;
			if (ce && !mod && (k == v->len || v->items[k].start >= ce)) {
				item m = a;
				m.end = ce;
				m.kind = K_TIME;
				m.type = CR_DT_TIME;
				m.h = hour_in_part(to24(c.h, c.mer), c.mer, a.part);
				m.mi = c.mi;
				m.wmin = c.wmin;
				m.part[0] = 0;
				if (sc->ref != CR_DAY_NONE)
					cr_civil_from_days(sc->ref, &m.y, &m.mo, &m.d);
				point_value(&m);
				cr_vec_push(&out, m);
				i = k - 1;
				continue;
			}
		}
		/* "previous Wednesday", "this past Wednesday", "coming Thursday" */
		uint32_t pw, lo0 = out.len ? out.items[out.len - 1].end : 0;
		static const char *const wmods[] = {"previous", "past", "coming", "following", "upcoming", NULL};
		if (!a.wd && a.kind == K_DATE && a.grain == 'D' && !a.part[0] && cr_range_known(a.range)) {
			/* the single rules may have taken the modifier in: "coming Thursday" */
			uint32_t w1 = a.start, w1e = w1, w2;
			while (w1e < a.end && cr_is_alpha(t[w1e]))
				w1e++;
			w2 = skip_sp(t, w1e, a.end);
			if (has_word(t, w1, w1e, wmods) && w2 < a.end && bare_weekday(t, w2, a.end)) {
				a.wd = cr_weekday(a.range.earliest) + 1;
				a.start = w2; /* read below as "<modifier> <weekday>" */
			}
		}
		if (a.wd && a.kind == K_DATE && !a.part[0] && sc->ref != CR_DAY_NONE) {
			const char *const *mods = wmods;
			int which = -1;
			for (int k = 0; mods[k] && which < 0; k++)
				if (phrase_before(t, lo0, a.start, mods[k], &pw))
					which = k;
			if (which >= 0) {
				int32_t mon = sc->ref - cr_weekday(sc->ref), z;
				int wd0 = a.wd - 1;
				if (which == 0)
					z = mon - 7 + wd0; /* the week before's */
				else if (which == 1)
					z = sc->ref - 1 - ((cr_weekday(sc->ref - 1) - wd0 + 7) % 7); /* the latest before today */
				else if (which == 4)
					z = sc->ref + 1 + ((wd0 - cr_weekday(sc->ref + 1) + 7) % 7); /* the first after today */
				else
					z = mon + 7 + wd0; /* next week's */
				uint32_t th2;
				item m = a;
				m.start = phrase_before(t, lo0, pw, "this", &th2) ? th2 : pw;
				cr_civil_from_days(z, &m.y, &m.mo, &m.d);
				m.wd = 0;
				m.range = (cr_dayrange){z, z};
				day_str(z, m.value);
				a = m;
			}
		}
		/* "the first 2 weeks of 2021", "the last four months of 2021" */
		uint32_t of0, fw;
		double fmo, fdd, fss;
		if (a.kind == K_DUR && b && b->kind == K_DATE && b->h < 0 && !b->part[0] && (b->grain == 'Y' || b->grain == 'M') &&
		    word_is(t, a.end, b->start, "of", &of0) && only_space(t, of0, b->start) &&
		    dur_parse(a.value, &fmo, &fdd, &fss) && fss == 0 && fmo == (int)fmo && fdd == (int)fdd) {
			uint32_t q = a.start;
			if (word_is(t, q, a.end, "the", &fw))
				q = skip_sp(t, fw, a.end);
			bool first = word_is(t, q, a.end, "first", &fw), last = word_is(t, q, a.end, "last", &fw);
			if (first || last) {
				cr_dayrange pr = b->grain == 'Y' ? cr_range_year(b->y) : cr_range_month(b->y, b->mo);
				bool weeks = strchr(a.value, 'W') != NULL && b->grain == 'Y';
				if (weeks) { /* ISO weeks: week 1 holds 4 January */
					int32_t j4 = cr_days_from_civil(b->y, 1, 4), n4 = cr_days_from_civil(b->y + 1, 1, 4);
					pr = (cr_dayrange){j4 - cr_weekday(j4), n4 - cr_weekday(n4) - 1};
				}
				int32_t s0, e0;
				if (first) {
					s0 = pr.earliest;
					e0 = add_months(s0, (int)fmo) + (int32_t)fdd;
				} else {
					e0 = pr.latest + 1;
					s0 = add_months(e0, -(int)fmo) - (int32_t)fdd;
				}
				item m = *b;
				m.start = a.start;
				char x[11], y[11];
				day_str(s0, x);
				day_str(e0, y);
				fmtv(m.value, sizeof m.value, "(%s,%s,%s)", x, y, a.value);
				m.range = (cr_dayrange){s0, e0};
				m.kind = K_DONE;
				m.type = CR_DT_DATERANGE;
				cr_vec_push(&out, m);
				i++;
				continue;
			}
		}
		/* "the first quarter of the year", "1st quarter of 2013" */
		if (a.kind == K_DATE && a.grain == 'Q' && b && b->kind == K_DATE && b->grain == 'Y' && b->h < 0 &&
		    !has_word(t, a.start, a.end, DEICTIC) &&
		    word_is(t, a.end, b->start, "of", &of0) && only_space(t, of0, b->start)) {
			item m = a;
			m.end = b->end;
			int32_t s0 = cr_days_from_civil(b->y, a.mo, 1), e0 = add_months(s0, 3);
			range_value(m.value, sizeof m.value, s0, e0, 'M');
			m.range = (cr_dayrange){s0, e0 - 1};
			m.kind = K_DONE;
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		/* "the 15th day of next month", "the thirty-first day of the month" */
		if (a.kind == K_DATE && a.grain == 'M' && a.h < 0 && !a.part[0] && a.y > 0) {
			uint32_t o1, d1, ds1, de1, th1;
			if (phrase_before(t, lo0, a.start, "of", &o1) && phrase_before(t, lo0, o1, "day", &d1)) {
				uint32_t e = d1;
				while (e > lo0 && cr_is_space(t[e - 1]))
					e--;
				ds1 = e;
				while (ds1 > lo0 && (cr_is_alpha(t[ds1 - 1]) || cr_is_digit(t[ds1 - 1]) || t[ds1 - 1] == '-'))
					ds1--;
				int dn = day_number(t, ds1, sc->len, &de1);
				if (ds1 < e && cr_is_alpha(t[ds1])) { /* "twenty third" */
					uint32_t p2 = ds1, de3;
					while (p2 > lo0 && cr_is_space(t[p2 - 1]))
						p2--;
					uint32_t p3 = p2;
					while (p3 > lo0 && cr_is_alpha(t[p3 - 1]))
						p3--;
					int d3 = p3 < p2 ? day_number(t, p3, sc->len, &de3) : 0;
					if (d3 && de3 == e)
						dn = d3, de1 = de3, ds1 = p3;
				}
				if (dn && de1 == e && dn <= cr_days_in_month(a.y, a.mo)) {
					item m = a;
					m.start = phrase_before(t, lo0, ds1, "the", &th1) ? th1 : ds1;
					m.d = dn;
					m.grain = 'D';
					int32_t z = cr_days_from_civil(a.y, a.mo, dn);
					m.range = (cr_dayrange){z, z};
					day_str(z, m.value);
					m.type = CR_DT_DATE;
					a = m;
				}
			}
		}
		/* "the first week of 2015", "the last week of July" */
		uint32_t wk0;
		const item *per = NULL;
		int wn = 0;
		if (a.kind == K_DATE && a.h < 0 && !a.part[0] && (a.grain == 'Y' || a.grain == 'M') && a.end - a.start >= 3 &&
		    (wn = week_of(t, lo0, a.start, &wk0)) != 0)
			per = &a;
		else if (a.kind == K_DATE && a.grain == 'W' && b && b->kind == K_DATE && b->h < 0 && !b->part[0] &&
		         (b->grain == 'Y' || b->grain == 'M') && (wn = week_of(t, lo0, b->start, &wk0)) != 0 && wk0 <= a.start)
			per = b;
		if (per) {
			item m = *per;
			m.start = wk0;
			m.end = per->end;
			week_in(&m, per, wn);
			cr_vec_push(&out, m);
			if (per == b)
				i++;
			continue;
		}
		/* "Friday mornings": a weekly part of a day */
		if (a.wd && a.kind == K_DATE && !a.part[0]) {
			static const char *const pl[] = {"mornings", "afternoons", "evenings", "nights", NULL};
			static const char *const pc[] = {"MO", "AF", "EV", "NI"};
			uint32_t q = skip_sp(t, a.end, sc->len), qe = q;
			while (qe < sc->len && cr_is_alpha(t[qe]))
				qe++;
			int k = -1;
			for (int j = 0; pl[j] && k < 0; j++)
				if (qe - q == strlen(pl[j]) && cr_ieq(t + q, pl[j], qe - q))
					k = j;
			if (k >= 0 && q > a.end && (!b || b->start >= qe)) {
				item m = a;
				m.end = qe;
				m.kind = K_SET;
				m.type = CR_DT_SET;
				fmtv(m.value, sizeof m.value, "XXXX-WXX-%dT%s", a.wd, pc[k]);
				cr_vec_push(&out, m);
				continue;
			}
		}
		/* "19th of every month": a monthly day */
		if (a.kind == K_SET && strcmp(a.value, "P1M") == 0) {
			uint32_t o0, ds;
			if (phrase_before(t, lo0, a.start, "of", &o0)) {
				uint32_t e = o0;
				while (e > lo0 && cr_is_space(t[e - 1]))
					e--;
				ds = e;
				while (ds > lo0 && (cr_is_alpha(t[ds - 1]) || cr_is_digit(t[ds - 1])))
					ds--;
				uint32_t de;
				int d = ds < e ? day_number(t, ds, sc->len, &de) : 0;
				if (d && de == e && cr_is_digit(t[ds])) {
					item m = a;
					m.start = ds;
					fmtv(m.value, sizeof m.value, "XXXX-XX-%02d", d);
					cr_vec_push(&out, m);
					continue;
				}
			}
		}
		/* a weekday naming a date: "Friday 7/6" */
		if (a.wd && !a.part[0] && a.kind == K_DATE && b && b->kind == K_DATE && b->grain == 'D' && !b->wd &&
		    only_space(t, a.end, b->start)) {
			item m = *b;
			m.start = a.start;
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		/* a weekday in a given week: "next week on Tuesday", "Wednesday evening next week" */
		if (b && ((a.kind == K_DATE && a.grain == 'W' && b->wd && b->kind == K_DATE &&
		           (joined || (word_is(t, a.end, b->start, "-", &je) && only_space(t, je, b->start)))) ||
		          (a.wd && a.kind == K_DATE && b->kind == K_DATE && b->grain == 'W' && only_space(t, a.end, b->start))) &&
		    cr_range_known(a.range) && cr_range_known(b->range)) {
			const item *w = a.grain == 'W' ? &a : b, *d = a.grain == 'W' ? b : &a;
			item m = *d;
			m.start = a.start;
			m.end = b->end;
			int32_t z = w->range.earliest + (d->wd - 1);
			cr_civil_from_days(z, &m.y, &m.mo, &m.d);
			m.wd = 0;
			m.range = (cr_dayrange){z, z};
			char ds[11];
			day_str(z, ds);
			fmtv(m.value, sizeof m.value, "%s%s%.2s", ds, m.part[0] ? "T" : "", m.part);
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		/* a day and a clock time */
		clockv c;
		uint32_t ce;
		int mod;
		if (dayish(&a) && (ce = clock_after_day(t, a.end, sc->len, &c, &mod)) != 0) {
			size_t k = items_under(v, i + 1, ce);
			if (k) {
				item m = a;
				take_clock(&m, &c, part_of(t, &a), ce > v->items[k - 1].end ? ce : v->items[k - 1].end, K_DT,
				           mod ? CR_DT_DATETIMERANGE : CR_DT_DATETIME);
				m.mod = (uint8_t)mod;
				point_value(&m);
				cr_vec_push(&out, m);
				i = k - 1;
				continue;
			}
		}
		if (dayish(&a) && joined && b->kind == K_TIME) {
			item m = *b;
			m.start = a.start;
			m.kind = K_DT;
			m.type = CR_DT_DATETIME;
			m.y = a.y, m.mo = a.mo, m.d = a.d, m.wd = a.wd;
			m.h = hour_in_part(b->h, has_meridiem(t, b->start, b->end) || b->h >= 12, part_of(t, &a));
			m.range = a.range;
			point_value(&m);
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		if (a.kind == K_TIME && b && dayish(b) && !b->part[0] && !has_word(t, b->start, b->end, (const char *const[]){"tonight", NULL}) &&
		    (only_space(t, a.end, b->start) ||
		     (link_after(t, a.end, b->start, R_AT, &je) && only_space(t, je, b->start)))) {
			item m = a;
			m.end = b->end;
			m.kind = K_DT;
			m.type = CR_DT_DATETIME;
			m.y = b->y, m.mo = b->mo, m.d = b->d, m.wd = b->wd;
			m.range = b->range;
			point_value(&m);
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		if (a.kind == K_TIME && b && dayish(b) && b->part[0] && only_space(t, a.end, b->start)) {
			item m = a;
			m.end = b->end;
			m.kind = K_DT;
			m.type = CR_DT_DATETIME;
			m.y = b->y, m.mo = b->mo, m.d = b->d, m.wd = b->wd;
			m.range = b->range;
			m.h = hour_in_part(a.h, has_meridiem(t, a.start, a.end) || a.h >= 12, b->part);
			point_value(&m);
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		/* "Sat at 5", "last night at 8" */
		/* a set and a clock time */
		if (a.kind == K_SET && b && b->kind == K_TIME && joined) {
			item m = a;
			m.end = b->end;
			const char *tp = b->value;
			if (strncmp(a.value, "XXXX-WXX-", 9) == 0)
				fmtv(m.value, sizeof m.value, "%.10s%s", a.value, tp);
			else
				fmtv(m.value, sizeof m.value, "%s", tp);
			if (a.value[0] == 'T' && cr_is_alpha(a.value[1]) && b->h >= 0 && b->h < 12 &&
			    !has_meridiem(t, b->start, b->end)) {
				char pm[24];
				fmtv(pm, sizeof pm, "%s", b->value);
				pm[1] = (char)('0' + (b->h + 12) / 10);
				pm[2] = (char)('0' + (b->h + 12) % 10);
				if (strcmp(a.value, "TAF") == 0 || strcmp(a.value, "TEV") == 0 || strcmp(a.value, "TNI") == 0)
					fmtv(m.value, sizeof m.value, "%s", pm);
			}
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		if (a.kind == K_TIME && b && b->kind == K_SET && only_space(t, a.end, b->start) &&
		    (strcmp(b->value, "P1D") == 0 || strncmp(b->value, "XXXX-WXX-", 9) == 0)) {
			item m = *b;
			m.start = a.start;
			if (b->value[0] == 'X')
				fmtv(m.value, sizeof m.value, "%.10s%s", b->value, a.value);
			else
				fmtv(m.value, sizeof m.value, "%s", a.value);
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		double mo, dd, ss;
		/* "two days after today", "three weeks from tomorrow", "two days before yesterday" */
		uint32_t le2, fs2;
		if (a.kind == K_DUR && b && dayish(b) && !phrase_before(t, 0, a.start, "for", &fs2) && !b->part[0] && cr_range_known(b->range) &&
		    (word_is(t, a.end, b->start, "after", &le2) || word_is(t, a.end, b->start, "from", &le2) ||
		     word_is(t, a.end, b->start, "before", &le2)) &&
		    only_space(t, le2, b->start) && dur_parse(a.value, &mo, &dd, &ss) && ss == 0 && mo == (int)mo &&
		    dd == (int)dd) {
			bool back = cr_lower(t[skip_sp(t, a.end, sc->len)]) == 'b';
			int32_t z = b->range.earliest;
			z = back ? add_months(z, -(int)mo) - (int32_t)dd : add_months(z, (int)mo) + (int32_t)dd;
			item m = *b;
			m.start = a.start;
			uint32_t ms;
			bool vague = phrase_before(t, 0, a.start, "more than", &ms) || phrase_before(t, 0, a.start, "less than", &ms);
			if (vague)
				m.start = ms;
			char ds[11];
			day_str(z, ds);
			fmtv(m.value, sizeof m.value, "%s", ds);
			m.range = (cr_dayrange){z, z};
			if (vague && cr_lower(t[ms]) == 'l') {
				/* "less than 3 days after tomorrow": the days between */
				int32_t x0 = back ? z : b->range.earliest, x1 = back ? b->range.earliest : z;
				char xa[11], xb[11];
				day_str(x0, xa);
				day_str(x1, xb);
				fmtv(m.value, sizeof m.value, "(%s,%s,%s)", xa, xb, a.value);
				m.range = (cr_dayrange){x0, x1};
			}
			m.kind = K_DONE;
			m.type = vague ? CR_DT_DATERANGE : CR_DT_DATE;
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		/* "in 5 minutes", "3 minutes from now", "3 min later" */
		uint32_t is;
		bool in = a.kind == K_DUR && phrase_before(t, 0, a.start, "in", &is) &&
		          (cr_is_digit(t[a.start]) || has_word(t, a.start, a.start + 4 < a.end ? a.start + 4 : a.end,
		                                               (const char *const[]){"a", "an", "half", NULL}));
		bool later = false;
		uint32_t le = 0;
		if (a.kind == K_DUR && b && b->kind == K_REF && strcmp(b->value, "PRESENT_REF") == 0 &&
		    word_is(t, a.end, b->start, "from", &le) && only_space(t, le, b->start)) {
			later = true;
			le = b->end;
		} else if (a.kind == K_DUR && (word_is(t, a.end, sc->len, "later", &le) || word_is(t, a.end, sc->len, "from now", &le)) &&
		           !(b && only_space(t, le, b->start))) {
			later = true;
		}
		if (a.kind == K_DUR && (in || later) && sc->ref != CR_DAY_NONE && dur_parse(a.value, &mo, &dd, &ss)) {
			item m = a;
			if (in) {
				m.start = is;
			} else {
				m.end = le;
				if (b && le == b->end)
					i++;
			}
			m.type = ss > 0 ? CR_DT_DATETIME : CR_DT_DATE;
			int32_t z = add_months(sc->ref, (int)mo) + (int32_t)dd;
			long sec = (sc->refsec >= 0 ? sc->refsec : 0) + (long)ss;
			z += (int32_t)(sec / 86400);
			sec %= 86400;
			char ds[11];
			day_str(z, ds);
			if (ss > 0 && sc->refsec >= 0)
				fmtv(m.value, sizeof m.value, "%sT%02ld:%02ld:%02ld", ds, sec / 3600, sec % 3600 / 60, sec % 60);
			else
				fmtv(m.value, sizeof m.value, "%s", ds);
			m.range = (cr_dayrange){z, z};
			m.kind = K_DONE;
			cr_vec_push(&out, m);
			continue;
		}
		cr_vec_push(&out, a);
	}
	free(v->items);
	*v = out;
}

/* ---------------------------------------------------------------- pass 3: ranges */

static bool point(const item *x)
{
	return x->kind == K_DATE || x->kind == K_TIME || x->kind == K_DT;
}

/* The two ends of a range of dates: the year of a yearless end, the order. */
/* "the end of 2008" as a range end: 0 none, 1 start, 2 middle, 3 end. */
static int part_word(const char *t, const item *x)
{
	static const char *const st[] = {"start", "beginning", NULL}, *const mid[] = {"middle", "mid", NULL},
	                         *const end[] = {"end", NULL};
	if (x->grain != 'Y' && x->grain != 'M')
		return 0;
	return has_word(t, x->start, x->end, end) ? 3 : has_word(t, x->start, x->end, mid) ? 2
	       : has_word(t, x->start, x->end, st)  ? 1
	                                            : 0;
}

/* The day a part of a period points at: its first, middle or exclusive last day. */
static int32_t period_point(const item *x, int part)
{
	cr_dayrange r = x->grain == 'Y' ? cr_range_year(x->y) : cr_range_month(x->y, x->mo);
	if (part == 3)
		return r.latest + 1;
	if (part == 2)
		return x->grain == 'Y' ? cr_days_from_civil(x->y, 7, 2) : cr_days_from_civil(x->y, x->mo, 16);
	return r.earliest;
}

static bool date_range(const char *t, item *a, item *b)
{
	if (!cr_range_known(a->range) || !cr_range_known(b->range) || a->part[0] || b->part[0])
		return false;
	static const char ok[] = "YMDWQ";
	if (!a->grain || !b->grain || !strchr(ok, a->grain) || !strchr(ok, b->grain))
		return false;
	int32_t s = a->range.earliest, e = b->range.earliest;
	int pa = part_word(t, a), pb = part_word(t, b);
	if (pa)
		s = period_point(a, pa);
	if (pb)
		e = period_point(b, pb);
	if (!a->yearw && b->yearw && (a->grain == 'M' || a->grain == 'D')) {
		s = cr_days_from_civil(b->y, a->mo, a->grain == 'D' ? a->d : 1);
		if (s > e)
			s = cr_days_from_civil(b->y - 1, a->mo, a->grain == 'D' ? a->d : 1);
	} else if (e < s && !b->yearw && (b->grain == 'M' || b->grain == 'D')) {
		while (e < s)
			e = add_months(e, 12);
	} else if (e < s && !a->yearw && (a->grain == 'M' || a->grain == 'D')) {
		while (e < s)
			s = add_months(s, -12);
	}
	if (e < s)
		return false;
	char g = 'D';
	if (a->grain == 'Y' && b->grain == 'Y')
		g = 'Y';
	else if (a->grain == 'W' && b->grain == 'W')
		g = 'W';
	else if (a->grain != 'D' && b->grain != 'D' && a->grain != 'W' && b->grain != 'W')
		g = 'M';
	if (pa || pb)
		g = 'M';
	range_value(a->value, sizeof a->value, s, e, g);
	a->range = (cr_dayrange){s, e};
	return true;
}

/* The clock of a point as seconds of its day and its date. */
static void dt_end(const item *x, char *o, size_t n)
{
	char c[24];
	fmt_clock(c, sizeof c, x->h, x->mi, x->s, x->wmin, x->wsec);
	if (x->kind == K_TIME)
		fmtv(o, n, "%s", c);
	else
	{
		char dp[16];
		fmtv(o, n, "%s%s", date_part(x, dp), c);
	}
}

static bool clock_range(const char *t, item *a, const item *b)
{
	if (a->h < 0 || b->h < 0)
		return false;
	item x = *a, y = *b;
	/* "2:00 - 2:30 pm": the start shares the end's meridiem */
	if (!has_meridiem(t, x.start, x.end) && x.h < 12 && has_meridiem(t, y.start, y.end) && y.h >= 12 &&
	    (x.h + 12) * 60 + x.mi <= y.h * 60 + y.mi)
		x.h += 12;
	if (x.kind == K_DT && y.kind == K_TIME)
		y.kind = K_DT, y.y = x.y, y.mo = x.mo, y.d = x.d, y.wd = x.wd;
	else if (x.kind == K_TIME && y.kind == K_DT && (cr_is_digit(t[y.start]) || !x.y))
		x.kind = K_DT, x.y = y.y, x.mo = y.mo, x.d = y.d, x.wd = y.wd; /* "2:00 - 2:30 pm on Tuesday" */
	else if (x.kind == K_TIME && y.kind == K_DT)
		x.kind = K_DT; /* "from 2pm till tomorrow 4:30pm": the start keeps its day */
	long s1 = x.h * 3600L + x.mi * 60 + x.s, s2 = y.h * 3600L + y.mi * 60 + y.s;
	if (x.kind == K_DT)
		s1 += 86400L * cr_days_from_civil(x.y, x.mo, x.d), s2 += 86400L * cr_days_from_civil(y.y, y.mo, y.d);
	else if (s2 < s1)
		s2 += 86400;
	if (s2 < s1)
		return false;
	char p[32], q[32], d[24];
	dt_end(&x, p, sizeof p);
	dt_end(&y, q, sizeof q);
	clock_dur(d, sizeof d, s2 - s1);
	fmtv(a->value, sizeof a->value, "(%s,%s,%s)", p, q, d);
	a->type = x.kind == K_DT ? CR_DT_DATETIMERANGE : CR_DT_TIMERANGE;
	return true;
}

/* "from 2pm for 2 hours", "for 2 hours from 2pm": the end is the start plus. */
static bool time_for(scan *sc, item *m, const item *tm, const item *du, uint32_t s, uint32_t e)
{
	double mo, dd, ss;
	if (!dur_parse(du->value, &mo, &dd, &ss) || mo || dd || ss <= 0)
		return false;
	char p[32], q[32], dp[16];
	dt_end(tm, p, sizeof p);
	long a = tm->h * 3600L + tm->mi * 60, b = a + (long)ss;
	if (tm->kind == K_DT)
		fmtv(q, sizeof q, "%sT%02ld:%02ld:%02ld", date_part(tm, dp), b / 3600 % 24, b % 3600 / 60,
		         b % 60);
	else
		fmtv(q, sizeof q, "T%02ld:%02ld:%02ld", b / 3600 % 24, b % 3600 / 60, b % 60);
	*m = *tm;
	m->start = s;
	m->end = e;
	char dv[24];
	clock_dur(dv, sizeof dv, (long)ss); /* "2.5 hours" is PT2H30M in a range */
	fmtv(m->value, sizeof m->value, "(%s,%s,%s)", p, q, dv);
	m->kind = K_DONE;
	m->type = tm->kind == K_DT ? CR_DT_DATETIMERANGE : CR_DT_TIMERANGE;
	(void)sc;
	return true;
}

/* "next 3 days", "last 3 months", "within 2h": a duration read from the reference. */
static bool dur_range(scan *sc, item *m)
{
	const char *t = sc->t;
	uint32_t s = m->start, ws;
	static const char *const fwd[] = {"next", "coming", "upcoming", "following", NULL};
	static const char *const back[] = {"last", "past", "previous", "recent", NULL};
	bool within = phrase_before(t, 0, s, "within", &ws);
	uint32_t w1 = s, w1e;
	if (word_is(t, s, m->end, "the", &w1e))
		for (w1 = w1e; w1 < m->end && cr_is_space(t[w1]);)
			w1++;
	bool f = has_word(t, w1, m->end, fwd), bk = has_word(t, w1, m->end, back);
	if (!within && !f && !bk)
		return false;
	double mo, dd, ss;
	size_t vl = strlen(m->value);
	if (sc->ref != CR_DAY_NONE && vl > 3 && strcmp(m->value + vl - 2, "DE") == 0 && cr_is_digit(m->value[1])) {
		/* "the next two decades": whole decades from the next one */
		int n = atoi(m->value + 1), ry, rm, rd;
		cr_civil_from_days(sc->ref, &ry, &rm, &rd);
		int d0 = ry / 10 * 10, y0 = bk ? d0 - 10 * n : d0 + 10, y1 = y0 + 10 * n;
		int32_t a = cr_days_from_civil(y0, 1, 1), b = cr_days_from_civil(y1, 1, 1);
		range_value(m->value, sizeof m->value, a, b, 'Y');
		m->range = (cr_dayrange){a, b};
		m->type = CR_DT_DATERANGE;
		m->kind = K_DONE;
		return true;
	}
	if (sc->ref == CR_DAY_NONE || !dur_parse(m->value, &mo, &dd, &ss))
		return false;
	if (ss > 0) {
		if (sc->refsec < 0 || mo || dd)
			return false;
		long r = sc->refsec, a = bk ? r - (long)ss : r, b = bk ? r : r + (long)ss;
		char da[11], dv[40];
		day_str(sc->ref, da);
		if (a < 0 || b >= 86400)
			return false;
		fmtv(dv, sizeof dv, "%s", m->value);
		fmtv(m->value, sizeof m->value, "(%sT%02ld:%02ld:%02ld,%sT%02ld:%02ld:%02ld,%s)", da, a / 3600,
		         a % 3600 / 60, a % 60, da, b / 3600, b % 3600 / 60, b % 60, dv);
		m->type = CR_DT_DATETIMERANGE;
	} else {
		if (mo != (int)mo || dd != (int)dd)
			return false;
		int32_t a, b;
		if (bk) {
			b = sc->ref;
			a = add_months(b, -(int)mo) - (int32_t)dd;
		} else {
			a = within ? sc->ref : sc->ref + 1;
			b = add_months(a, (int)mo) + (int32_t)dd;
		}
		char x[11], y[11], dv[40];
		day_str(a, x);
		day_str(b, y);
		fmtv(dv, sizeof dv, "%s", m->value);
		fmtv(m->value, sizeof m->value, "(%s,%s,%s)", x, y, dv);
		m->range = (cr_dayrange){a, b};
		m->type = CR_DT_DATERANGE;
	}
	if (within)
		m->start = ws;
	else
		m->start = w1;
	m->kind = K_DONE;
	return true;
}

static void ranges(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	itemvec out = {0};
	for (size_t i = 0; i < v->len; i++) {
		item a = v->items[i];
		item *b = i + 1 < v->len ? &v->items[i + 1] : NULL;
		uint32_t lo = out.len ? out.items[out.len - 1].end : 0;
		/* a clock range beside a day */
		if (a.kind == K_TRANGE || (b && b->kind == K_TRANGE && dayish(&a))) {
			item *r = a.kind == K_TRANGE ? &a : b;
			item *d = NULL;
			uint32_t je;
			if (r == b && (only_space(t, a.end, b->start) ||
			               (link_after(t, a.end, b->start, R_AT, &je) && only_space(t, je, b->start))))
				d = &a;
			else if (r == &a && b && dayish(b) &&
			         (only_space(t, a.end, b->start) ||
			          ((link_after(t, a.end, b->start, R_AT, &je) || word_is(t, a.end, b->start, "of", &je)) &&
			           only_space(t, je, b->start))))
				d = b;
			/* bare numbers are a clock range only as a plain day's hours:
			   "Monday 3-8", "between 3 and 5 on 1/1/2015", never a score
			   ("Sunday's 24-18", "4-0 on Wednesday") */
			if (d && r->weak) {
				bool opened = !cr_is_digit(t[r->start]);
				bool poss = d->end >= 2 && (t[d->end - 1] == 's' || t[d->end - 1] == 'S') &&
				            (t[d->end - 2] == '\'' || (unsigned char)t[d->end - 2] == 0x99);
				if (r->h == 0 || r->h2 == 0 || r->h > 12 || r->h2 > 12 || r->h == r->h2 || poss ||
				    (d == b && !opened && !only_space(t, r->end, b->start)) ||
				    (d == &a && !opened && !only_space(t, a.end, r->start)))
					d = NULL;
			}
			if (d) {
				item m = *r;
				m.start = d == &a ? a.start : r->start;
				m.end = d == &a ? r->end : d->end;
				m.y = d->y, m.mo = d->mo, m.d = d->d, m.wd = d->wd;
				m.range = d->range;
				trange_hours(&m, part_of(t, d));
				trange_value(&m, true);
				m.kind = K_DONE;
				m.type = CR_DT_DATETIMERANGE;
				cr_vec_push(&out, m);
				i++;
				continue;
			}
			if (a.kind == K_TRANGE) {
				/* "between 5 and 6 in the afternoon" */
				static const char *const pw[] = {"morning", "afternoon", "evening", "night", NULL};
				static const char *const pc[] = {"MO", "AF", "EV", "NI"};
				uint32_t ie, te, pe = 0;
				const char *part = NULL;
				if (b && b->kind == K_PART && only_space(t, a.end, b->start)) {
					part = b->part;
					pe = b->end;
					i++;
				} else if (word_is(t, a.end, b ? b->start : sc->len, "in", &ie) &&
				           word_is(t, ie, b ? b->start : sc->len, "the", &te)) {
					for (int k = 0; pw[k] && !part; k++)
						if (word_is(t, te, b ? b->start : sc->len, pw[k], &pe))
							part = pc[k];
				}
				if (part) {
					a.end = pe;
					a.weak = false;
				}
				if (!a.weak) {
					trange_hours(&a, part);
					trange_value(&a, a.dated);
					if (a.dated)
						a.type = CR_DT_DATETIMERANGE;
					a.kind = K_DONE;
					cr_vec_push(&out, a);
				}
				continue;
			}
		}
		/* two points: "from X to Y", "between X and Y", "X - Y" */
		uint32_t ce, bs = 0, os = 0, th1;
		bool between = link_before(t, lo, a.start, R_BETWEEN, &bs) != NULL ||
		               (phrase_before(t, lo, a.start, "the", &th1) && link_before(t, lo, th1, R_BETWEEN, &bs) != NULL);
		uint32_t the;
		if (b && point(&a) && point(b) &&
		    ((link_after(t, a.end, b->start, R_TO, &ce) &&
		      (only_space(t, ce, b->start) || (word_is(t, ce, b->start, "the", &the) && only_space(t, the, b->start)))) ||
		     (between && link_after(t, a.end, b->start, R_AND, &ce) &&
		      (only_space(t, ce, b->start) || (word_is(t, ce, b->start, "the", &the) && only_space(t, the, b->start)))))) {
			item m = a;
			bool ok = false;
			if (a.h < 0 && b->h < 0 && a.kind == K_DATE && b->kind == K_DATE)
				ok = date_range(t, &m, b);
			else
				ok = clock_range(t, &m, b);
			uint32_t th0;
			if (ok && !between && phrase_before(t, lo, a.start, "the", &th0) && link_before(t, lo, th0, R_OPEN, &os))
				a.start = th0, m.start = th0; /* "from the middle of 2007" */
			if (ok) {
				if (between)
					m.start = bs;
				else if (link_before(t, lo, a.start, R_OPEN, &os))
					m.start = os;
				m.end = b->end;
				m.kind = K_DONE;
				if (m.type != CR_DT_TIMERANGE && m.type != CR_DT_DATETIMERANGE)
					m.type = CR_DT_DATERANGE;
				cr_vec_push(&out, m);
				i++;
				continue;
			}
		}
		/* "from March to date", "from 2010-01-01 till current date" */
		uint32_t de, ce2;
		if (a.kind == K_DATE && a.h < 0 && !a.part[0] && sc->ref != CR_DAY_NONE && cr_range_known(a.range) &&
		    a.range.earliest <= sc->ref && link_after(t, a.end, b ? b->start : sc->len, R_TO, &ce2) &&
		    (word_is(t, ce2, b ? b->start : sc->len, "date", &de) ||
		     (word_is(t, ce2, b ? b->start : sc->len, "current", &de) && word_is(t, de, b ? b->start : sc->len, "date", &de)))) {
			item m = a;
			int32_t s0 = a.range.earliest;
			range_value(m.value, sizeof m.value, s0, sc->ref, 'D');
			m.range = (cr_dayrange){s0, sc->ref};
			if (link_before(t, lo, a.start, R_OPEN, &os))
				m.start = os;
			m.end = de;
			m.kind = K_DONE;
			m.type = CR_DT_DATERANGE;
			cr_vec_push(&out, m);
			continue;
		}
		/* "from 2010-01-01 till current date": the single rules found the end as now */
		if (b && a.kind == K_DATE && a.h < 0 && !a.part[0] && b->kind == K_REF && strcmp(b->value, "PRESENT_REF") == 0 &&
		    sc->ref != CR_DAY_NONE && cr_range_known(a.range) && a.range.earliest <= sc->ref &&
		    link_after(t, a.end, b->start, R_TO, &ce2) && only_space(t, ce2, b->start)) {
			item m = a;
			range_value(m.value, sizeof m.value, a.range.earliest, sc->ref, 'D');
			m.range = (cr_dayrange){a.range.earliest, sc->ref};
			if (link_before(t, lo, a.start, R_OPEN, &os))
				m.start = os;
			m.end = b->end;
			m.kind = K_DONE;
			m.type = CR_DT_DATERANGE;
			cr_vec_push(&out, m);
			i++;
			continue;
		}
		/* "now" as an end: "between Jan 2019 and now" */
		if (b && between && ((a.kind == K_REF && a.y && b->kind == K_DATE) || (b->kind == K_REF && b->y && a.kind == K_DATE)) &&
		    link_after(t, a.end, b->start, R_AND, &ce) && only_space(t, ce, b->start)) {
			item x = a, y = *b;
			x.grain = x.kind == K_REF ? 'D' : x.grain;
			y.grain = y.kind == K_REF ? 'D' : y.grain;
			if (x.kind == K_REF)
				x.yearw = true;
			else
				y.yearw = true;
			x.kind = y.kind = K_DATE;
			if (date_range(t, &x, &y)) {
				x.start = bs;
				x.end = b->end;
				x.kind = K_DONE;
				x.type = CR_DT_DATERANGE;
				cr_vec_push(&out, x);
				i++;
				continue;
			}
		}
		/* a time and a duration */
		uint32_t fe;
		if (b && (a.kind == K_TIME || a.kind == K_DT) && b->kind == K_DUR && link_before(t, lo, a.start, R_OPEN, &os) &&
		    word_is(t, a.end, b->start, "for", &fe) && only_space(t, fe, b->start)) {
			item m;
			if (time_for(sc, &m, &a, b, os, b->end)) {
				cr_vec_push(&out, m);
				i++;
				continue;
			}
		}
		if (b && a.kind == K_DUR && (b->kind == K_TIME || b->kind == K_DT) && word_is(t, a.end, b->start, "from", &fe) &&
		    only_space(t, fe, b->start) && phrase_before(t, lo, a.start, "for", &os)) {
			item m;
			if (time_for(sc, &m, b, &a, os, b->end)) {
				cr_vec_push(&out, m);
				i++;
				continue;
			}
		}
		/* "3 days starting from next Monday", "a week starting tomorrow", "for 3 days from today" */
		uint32_t se;
		double mo, dd, ss;
		if (b && a.kind == K_DUR && (b->kind == K_DATE || b->kind == K_DT) && cr_range_known(b->range) &&
		    !b->part[0] && (b->grain == 'D' || b->kind == K_DT) && dur_parse(a.value, &mo, &dd, &ss) &&
		    mo == (int)mo && dd == (int)dd && (ss == 0 || b->kind == K_DT)) {
			bool from = false;
			se = a.end;
			if (se < b->start && t[se] == ',')
				se++;
			const link *l = link_after(t, se, b->start, R_PRE, &se);
			if (!l || strncmp(l->p, "starting", 8) != 0 || !only_space(t, se, b->start)) {
				se = a.end < b->start && t[a.end] == ',' ? a.end + 1 : a.end;
				from = word_is(t, se, b->start, "from", &se) && only_space(t, se, b->start);
				l = NULL;
			}
			uint32_t fs;
			if ((l || from) && (!from || phrase_before(t, lo, a.start, "for", &fs))) {
				item m = *b;
				m.start = from ? fs : a.start;
				m.end = b->end;
				int32_t z0 = b->kind == K_DT ? cr_days_from_civil(b->y, b->mo, b->d) : b->range.earliest;
				long s0 = b->kind == K_DT ? b->h * 3600L + b->mi * 60 + b->s : 0;
				long s1 = s0 + (long)ss;
				int32_t z1 = add_months(z0, (int)mo) + (int32_t)dd + (int32_t)(s1 / 86400);
				s1 %= 86400;
				char x[11], y[11];
				day_str(z0, x);
				day_str(z1, y);
				if (b->kind == K_DT)
					fmtv(m.value, sizeof m.value, "(%sT%02ld:%02ld:%02ld,%sT%02ld:%02ld:%02ld,%s)", x, s0 / 3600,
					     s0 % 3600 / 60, s0 % 60, y, s1 / 3600, s1 % 3600 / 60, s1 % 60, a.value);
				else
					fmtv(m.value, sizeof m.value, "(%s,%s,%s)", x, y, a.value);
				m.range = (cr_dayrange){z0, z1};
				m.kind = K_DONE;
				m.mod = CR_DT_MOD_NONE;
				m.type = b->kind == K_DT ? CR_DT_DATETIMERANGE : CR_DT_DATERANGE;
				cr_vec_push(&out, m);
				i++;
				continue;
			}
		}
		/* "from 9 for 2.5 hrs", "for 2.5 hours from 9": a bare hour with a duration */
		{
			clockv bc;
			uint32_t f1, f2, f3;
			item tm = {0};
			bool got = false;
			uint32_t s1 = 0, e1 = 0;
			if (a.kind == K_DUR && phrase_before(t, lo, a.start, "for", &f1)) {
				/* "from 9 for ...": the clock before "for" */
				uint32_t ce0 = f1;
				while (ce0 > lo && cr_is_space(t[ce0 - 1]))
					ce0--;
				uint32_t cs0 = ce0;
				while (cs0 > lo && (cr_is_digit(t[cs0 - 1]) || t[cs0 - 1] == ':'))
					cs0--;
				if (cs0 < ce0 && parse_clock(t, cs0, sc->len, &bc) && bc.end == ce0 && phrase_before(t, lo, cs0, "from", &f3)) {
					got = true;
					s1 = f3;
					e1 = a.end;
				}
			}
			if (!got && a.kind == K_DUR && phrase_before(t, lo, a.start, "for", &f1) &&
			    word_is(t, a.end, b ? b->start : sc->len, "from", &f2)) {
				uint32_t cs0 = skip_sp(t, f2, sc->len);
				if (parse_clock(t, cs0, sc->len, &bc) && (!b || b->start >= bc.end)) {
					got = true;
					s1 = f1;
					e1 = bc.end;
				}
			}
			if (got && !bc.mer1) {
				tm.kind = K_TIME;
				tm.h = to24(bc.h, bc.mer);
				tm.mi = bc.mi;
				tm.wmin = bc.wmin;
				tm.range = (cr_dayrange){sc->ref, sc->ref};
				item m;
				if (time_for(sc, &m, &tm, &a, s1, e1)) {
					while (out.len && out.items[out.len - 1].end > s1)
						out.len--;
					cr_vec_push(&out, m);
					continue;
				}
			}
		}
		if (a.kind == K_DUR && dur_range(sc, &a)) {
			cr_vec_push(&out, a);
			continue;
		}
		cr_vec_push(&out, a);
	}
	free(v->items);
	*v = out;
}

/* ---------------------------------------------------------------- pass 4: open ranges */

/* Nothing but punctuation or the end follows: "2018 or later, ok?" but
   not "1/1/2016 and after my work is done". */
static bool clause_end(const char *t, uint32_t pos, uint32_t len)
{
	while (pos < len && cr_is_space(t[pos]))
		pos++;
	return pos >= len || !wordch((unsigned char)t[pos]);
}

static void open_ranges(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	for (size_t i = 0; i < v->len; i++) {
		item *a = &v->items[i];
		uint32_t lo = i ? v->items[i - 1].end : 0, hi = i + 1 < v->len ? v->items[i + 1].start : sc->len;
		uint32_t s, e;
		const link *l;
		if (a->kind == K_SET || a->kind == K_TRANGE)
			continue;
		bool dur = a->kind == K_DUR;
		uint32_t ys, ts;
		if (a->grain == 'Y' && a->end - a->start == 4 && phrase_before(t, lo, a->start, "year", &ys)) {
			a->start = ys; /* "year 2012 or later", "before the year 2019" */
			if (phrase_before(t, lo, ys, "the", &ts) && link_before(t, lo, ts, R_PRE, &s))
				a->start = ts;
		}
		uint32_t th, on, po, pe;
		/* "end of this year", "earlier in the week": the period keeps its value */
		if (a->kind == K_DATE && a->h < 0 && (a->grain == 'W' || a->grain == 'M' || a->grain == 'Y') &&
		    has_word(t, a->start, a->end, (const char *const[]){"this", "the", "next", "last", NULL})) {
			if (phrase_before(t, lo, a->start, "of", &po) && phrase_before(t, lo, po, "end", &pe))
				a->start = pe;
			else if (phrase_before(t, lo, a->start, "in", &po) &&
			         (phrase_before(t, lo, po, "earlier", &pe) || phrase_before(t, lo, po, "later", &pe)))
				a->start = pe;
		}
		/* "the week of April 10th", "the week commencing February 4", "w/c Feb 4" */
		if (a->kind == K_DATE && a->grain == 'D' && !a->part[0] && a->h < 0) {
			static const char *const heads[] = {"of", "beginning", "commencing", "starting", "starting on",
			                                    "beginning on", NULL};
			uint32_t hs, ws2, ts2;
			bool hit = false;
			for (int k = 0; heads[k] && !hit; k++)
				if (phrase_before(t, lo, a->start, heads[k], &hs) && phrase_before(t, lo, hs, "week", &ws2)) {
					a->start = phrase_before(t, lo, ws2, "the", &ts2) ? ts2 : ws2;
					hit = true;
				}
			if (!hit && phrase_before(t, lo, a->start, "w/c", &hs)) {
				a->start = hs;
				hit = true;
			}
			if (hit) {
				a->type = CR_DT_DATERANGE;
				continue;
			}
		}
		/* "later this afternoon", "early this evening": a part of a part */
		if (a->kind == K_DATE && a->part[0] && a->h < 0) {
			static const char *const md[] = {"later", "earlier", "early", "late", NULL};
			for (int k = 0; md[k]; k++)
				if (phrase_before(t, lo, a->start, md[k], &pe)) {
					a->start = pe;
					break;
				}
		}
		/* "the end of today": its last second; "later in today", "mid today": a part of it */
		if (a->kind == K_DATE && a->grain == 'D' && !a->part[0] && a->h < 0) {
			uint32_t tt;
			if (phrase_before(t, lo, a->start, "of", &po) && phrase_before(t, lo, po, "end", &pe)) {
				char dp[16];
				a->start = phrase_before(t, lo, pe, "the", &tt) ? tt : pe;
				fmtv(a->value, sizeof a->value, "%sT23:59:59", date_part(a, dp));
				a->type = CR_DT_DATETIME;
			} else if ((phrase_before(t, lo, a->start, "in", &po) && phrase_before(t, lo, po, "later", &pe)) ||
			           phrase_before(t, lo, a->start, "mid", &pe)) {
				a->start = pe;
				a->type = CR_DT_DATETIMERANGE;
			}
		}
		if (!dur && phrase_before(t, lo, a->start, "the", &th) && link_before(t, lo, th, R_PRE, &s))
			a->start = th; /* "since the end of 1989" */
		uint32_t hw;
		if (!dur && a->value[0] != '(' && link_before(t, lo, a->start, R_APPROX, &s) != NULL &&
		    !phrase_before(t, lo, s, "how", &hw) && !phrase_before(t, lo, s, "what", &hw)) {
			a->start = s; /* "around 1pm", "after around 3:30pm" */
			a->mod = CR_DT_MOD_APPROX;
		}
		if ((l = link_before(t, lo, a->start, R_PRE, &s)) != NULL && (!dur || strstr(l->p, "than"))) {
			a->start = s;
			a->mod = l->mod;
		} else if (!dur && (l = link_after(t, a->end, hi, R_POST, &e)) != NULL &&
		           (clause_end(t, e, sc->len) ||
		            (i + 1 < v->len && dayish(&v->items[i + 1]) && word_is(t, e, hi, "on", &on) && only_space(t, on, hi)))) {
			a->end = e;
			a->mod = l->mod;
		} else {
			continue;
		}
		if (dur)
			continue;
		if (a->type == CR_DT_DATE)
			a->type = CR_DT_DATERANGE;
		else if (a->type == CR_DT_TIME)
			a->type = CR_DT_TIMERANGE;
		else if (a->type == CR_DT_DATETIME)
			a->type = CR_DT_DATETIMERANGE;
	}
}

/* ---------------------------------------------------------------- pass 5: dating */

/* Puts the date d before each clock of a time value: "T14" or
   "(T09:30,T16:30:00,PT7H)" on 2018-02-14. */
static bool date_clocks(char *v, size_t n, const char *d)
{
	char a[40], b[40], du[40], o[64];
	if (v[0] == 'T' && cr_is_digit(v[1])) {
		fmtv(o, sizeof o, "%s%s", d, v);
	} else if (v[0] == '(' && v[1] == 'T' && sscanf(v, "(%39[^,],%39[^,],%39[^)])", a, b, du) == 3 && b[0] == 'T') {
		fmtv(o, sizeof o, "(%s%s,%s%s,%s)", d, a, d, b, du);
	} else {
		return false;
	}
	fmtv(v, n, "%s", o);
	return true;
}

/* A day beside a clock or clock range the earlier passes left apart:
   "14th Feb from 9:30am for 7 hours", "next Wednesday later than 10 in the
   morning", "3 pm or later on Monday". */
static void dating(scan *sc, itemvec *v)
{
	const char *t = sc->t;
	size_t w = 0;
	for (size_t i = 0; i < v->len; i++) {
		item *a = w ? &v->items[w - 1] : NULL, *b = &v->items[i];
		uint32_t je;
		char dp[16];
		bool timeish_b = b->value[0] == 'T' || (b->value[0] == '(' && b->value[1] == 'T');
		bool timeish_a = a && (a->value[0] == 'T' || (a->value[0] == '(' && a->value[1] == 'T'));
		if (a && dayish(a) && !a->part[0] && timeish_b && b->h >= 0 &&
		    (only_space(t, a->end, b->start) ||
		     (link_after(t, a->end, b->start, R_AT, &je) && only_space(t, je, b->start))) &&
		    date_clocks(b->value, sizeof b->value, date_part(a, dp))) {
			b->start = a->start;
			b->range = a->range;
			b->type = b->type == CR_DT_TIME ? CR_DT_DATETIME : CR_DT_DATETIMERANGE;
			*a = *b;
			continue;
		}
		if (a && timeish_a && a->h >= 0 && dayish(b) && !b->part[0] &&
		    (only_space(t, a->end, b->start) ||
		     ((word_is(t, a->end, b->start, "on", &je) || word_is(t, a->end, b->start, ",", &je)) &&
		      only_space(t, je, b->start))) &&
		    date_clocks(a->value, sizeof a->value, date_part(b, dp))) {
			a->end = b->end;
			a->range = b->range;
			a->type = a->type == CR_DT_TIME ? CR_DT_DATETIME : CR_DT_DATETIMERANGE;
			continue;
		}
		v->items[w++] = *b;
	}
	v->len = w;
}

/* ---------------------------------------------------------------- API */

const char *cr_dt_type_name(cr_dt_type t)
{
	static const char *const names[] = {"date", "daterange", "time", "timerange", "datetime", "datetimerange",
	                                    "duration", "set"};
	return (unsigned)t < sizeof names / sizeof *names ? names[t] : "?";
}

int cr_datetime_find_at(cr_datetime **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                        cr_dayrange pubdate, int32_t ref_second)
{
	pthread_once(&links_once, links_load);
	*out = NULL;
	*n = 0;
	cr_timex *x;
	size_t nx;
	int rc = cr_timex_find(&x, &nx, ctx, text, len, pubdate);
	if (rc != 0)
		return rc;
	scan sc = {text, (uint32_t)len, pubdate.earliest, ref_second};
	itemvec v = {0};
	for (size_t i = 0; i < nx; i++)
		from_timex(&sc, &v, &x[i]);
	free(x);
	merge_durations(&sc, &v);
	fraction_durations(&sc, &v);
	date_ranges(&sc, &v);
	clock_ranges(&sc, &v);
	clock_points(&sc, &v);
	day_parts(&sc, &v);
	count_ranges(&sc, &v);
	numbered_periods(&sc, &v);
	weekends(&sc, &v);
	points(&sc, &v);
	ranges(&sc, &v);
	open_ranges(&sc, &v);
	dating(&sc, &v);
	cr_datetime *o = cr_xcalloc(v.len ? v.len : 1, sizeof *o);
	for (size_t i = 0; i < v.len; i++) {
		const item *it = &v.items[i];
		o[i].start = it->start;
		o[i].end = it->end;
		o[i].type = it->type;
		o[i].mod = it->mod;
		o[i].range = it->range;
		fmtv(o[i].value, sizeof o[i].value, "%s", it->value);
	}
	*out = o;
	*n = v.len;
	free(v.items);
	return 0;
}

int cr_datetime_find(cr_datetime **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                     cr_dayrange pubdate)
{
	return cr_datetime_find_at(out, n, ctx, text, len, pubdate, -1);
}
