/*
 * pubdate.c: the publication date read off the document itself.
 *
 * Date lines. Each of the first CR_PUBDATE_LINES lines of the body (kept or
 * dropped as furniture: "THURSDAY, DECEMBER 3, 2009" is all capitals) is cut
 * into words, numbers and punctuation. Dates are read in three forms:
 * numeric ("2012.08.08", "05/02/07", "16/08/2011"), month first ("May 5,
 * 2010", "Fri., May. 3, 2013", "Dec-19-05", "November 27-2005", "March
 * 2013") and day first ("28 November 2005", "8:56am Monday 10th June
 * 2013"); clock times ("5: 03pm", "02. 16PM", "23:37:00") are skipped so
 * that their digits are never a day or a year. The words of
 * data/lexicon/pubdate-words.tsv label the dates after them: published
 * ("Published", "Posted", "First Posted", "Release"), updated ("Updated",
 * "Last updated", "Edited"), or other ("downloaded on", "born"), which dates
 * something else and is never taken. A line is a date line only when,
 * besides its dates, clock times, weekdays, zones and glue words ("at",
 * "on", "a.m."), it holds at most two other words and all of them
 * capitalised (an outlet, "WASHINGTON, DC"), none on the first line (a
 * headline that names a date: "Royal Wedding April 29, 2011"); a byline
 * ("By ...") may hold six of any case. So a sentence of the story ("Vincent Gigante died in
 * prison on December 19, 2005.") or a headline that names a date is no
 * date line: the date an event happened does not become the publication
 * date.
 *
 * URL. The path gives a day as /YYYY/MM/DD, /YYYY/mon/DD, /YYYY/MMDD,
 * YYYY-MM-DD or an eight-digit run YYYYMMDD (1990-2049, as in
 * "/20130308/" or "?ymd=20081216"); a month as /YYYY/MM/ or a trailing
 * "-YYYY-M". The first day in the URL wins over later ones (a print date in
 * the slug).
 *
 * Ambiguous numeric dates. "05/02/07" may be 2 May or 5 February; two-digit
 * years are 1969-2068 (POSIX's pivot). The reading is chosen only on
 * evidence from the document: a weekday written beside it ("Mon
 * 04/03/2006"), a day in the URL within ten days of one reading, the URL's
 * month, or a day of another date line within ten days. Without any, both
 * stand: the date becomes the interval that holds both readings and a
 * warning says so. A weekday that fits neither reading is reported and
 * ignored.
 *
 * A capitalised word one letter away from a month name of six letters or
 * more (one dropped, changed or swapped: "Novemer 27, 2005") is that month;
 * datelines are typed by hand. A longer word ("Augusta") is not.
 *
 * A date without a year ("Jul. 7 5:59 PM EDT", "PUBLISHED March 13, UPDATED
 * March 14, 2013") takes the year of a full date on its line, else the year
 * of the URL's date that puts it nearest to that date; else it is not used.
 *
 * Precedence: a date labelled published; then an unlabelled date line
 * (the date printed under a headline is the publication date); then the
 * URL's day; then a date labelled updated (the text as read is no later
 * than its last update, and news is updated within hours); then an
 * unresolved ambiguous date, as its interval; then a month (the URL's or a
 * line's), as the month. Where a line and the URL disagree the line is
 * taken: the URL of a moved page keeps the date of the move. Published
 * beats updated because the field is the publication date; the text may
 * have been revised since, but the relative words it was written with ("on
 * Sunday") were written for it first.
 *
 * Limits: English month and weekday names only; "Posted 3 hours ago" and
 * other relative stamps are not read; a two-digit year before 1969 or
 * after 2068 is misread.
 */
#include "ingest/pubdate.h"
#include "util/map.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_UNKNOWN, K_MONTH, K_WEEKDAY, K_ZONE, K_GLUE, K_PUBLISHED, K_UPDATED, K_OTHER };

static cr_map *words;   /* lower-case word -> kind << 8 | value */
static struct { char name[16]; int month; } long_months[16];   /* month names of six letters or more */
static size_t nlong;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void add_rows(enum cr_data_id file, bool calendar)
{
	static const struct { const char *name; int kind; } kinds[] = {
		{"month", K_MONTH}, {"weekday", K_WEEKDAY}, {"zone", K_ZONE}, {"glue", K_GLUE},
		{"published", K_PUBLISHED}, {"updated", K_UPDATED}, {"other", K_OTHER}};
	cr_lexicon *lx = cr_lexicon_load(file, true);
	if (!lx)
		return;
	for (size_t r = 0; r < lx->nrows; r++) {
		if (lx->ncols[r] < 3)
			continue;
		for (size_t k = 0; k < CR_ARRAY_LEN(kinds); k++) {
			/* time-words.tsv lends only its months, weekdays and zones */
			if (strcmp(lx->cols[r][1], kinds[k].name) != 0 || (calendar && kinds[k].kind > K_ZONE))
				continue;
			int v = atoi(lx->cols[r][2]);
			size_t l = strlen(lx->cols[r][0]);
			cr_map_put(words, lx->cols[r][0], l, kinds[k].kind << 8 | (v & 0xff));
			if (kinds[k].kind == K_MONTH && l >= 6 && l < sizeof long_months[0].name && nlong < CR_ARRAY_LEN(long_months)) {
				memcpy(long_months[nlong].name, lx->cols[r][0], l + 1);
				long_months[nlong++].month = v;
			}
		}
	}
	cr_lexicon_free(lx);
}

static void load(void)
{
	words = cr_map_new();
	add_rows(CR_DATA(lexicon_time_words_tsv), true);
	add_rows(CR_DATA(lexicon_pubdate_words_tsv), false);
}


/* ---- words of a line ---------------------------------------------------------- */

enum { T_WORD, T_NUM, T_PUNCT };
#define MAX_TOKS 64
#define EVIDENCE_LINES 20   /* lines whose month-name dates may settle an ambiguous date line */
#define MAX_LINE 160

typedef struct tok {
	uint8_t type;
	char ch;        /* T_PUNCT: the ASCII character, 0 for a non-ASCII one */
	bool cap;       /* T_WORD: starts with a capital */
	uint8_t nd;     /* T_NUM: digits */
	int num;        /* T_NUM: their value */
	char suf[4];    /* T_NUM: letters right after the digits, lower case ("th", "pm") */
	char low[16];   /* T_WORD: lower case ("" when longer) */
	int kind, val;  /* T_WORD: from the lexicons */
} tok;

static void read_number(tok *x, const char *s, size_t n, size_t *i)
{
	size_t a = *i;
	while (*i < n && cr_is_digit((unsigned char)s[*i]))
		(*i)++;
	x->type = T_NUM;
	x->nd = (uint8_t)CR_MIN(*i - a, 9);
	for (size_t q = a; q < a + x->nd; q++)
		x->num = x->num * 10 + (s[q] - '0');
	size_t l = 0;
	while (*i < n && cr_is_alpha((unsigned char)s[*i])) {
		if (l < sizeof x->suf - 1)
			x->suf[l] = (char)cr_lower((unsigned char)s[*i]);
		l++;
		(*i)++;
	}
	if (l >= sizeof x->suf || *i - a - l > 9)
		x->type = T_WORD;   /* "4x4", an id: a word of no kind */
}

/* Whether a is b with one letter dropped or changed, or two neighbours swapped ("Novemer", "Febraury"). */
static bool one_slip(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i = 0;
	while (i < la && a[i] == b[i])
		i++;
	if (la + 1 == lb)
		return strcmp(a + i, b + i + 1) == 0;
	if (la != lb || i == la)
		return false;
	return strcmp(a + i + 1, b + i + 1) == 0 ||
	       (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp(a + i + 2, b + i + 2) == 0);
}

/* A capitalised word one slip from a long month name is that month: datelines are typed by hand. */
static int misspelt_month(const tok *x)
{
	if (!x->cap || strlen(x->low) < 5)
		return 0;
	for (size_t k = 0; k < nlong; k++)
		if (long_months[k].name[0] == x->low[0] && one_slip(x->low, long_months[k].name))
			return long_months[k].month;
	return 0;
}

static void read_word(tok *x, const char *s, size_t n, size_t *i)
{
	size_t a = *i;
	while (*i < n && cr_is_alpha((unsigned char)s[*i]))
		(*i)++;
	x->type = T_WORD;
	x->cap = cr_is_upper((unsigned char)s[a]);
	size_t l = *i - a;
	if (l >= sizeof x->low)
		return;
	for (size_t q = 0; q < l; q++)
		x->low[q] = (char)cr_lower((unsigned char)s[a + q]);
	intptr_t v;
	if (cr_map_get(words, x->low, l, &v)) {
		x->kind = (int)(v >> 8);
		x->val = (int)(v & 0xff);
	} else if ((x->val = misspelt_month(x)) != 0) {
		x->kind = K_MONTH;
	}
}

/* Words, numbers (with the letters fused to them) and punctuation, at most MAX_TOKS; *used: the bytes read.
 * A few dozen tokens of a dateline or a page's date field, read before the
 * article is a document at all: no segmenter has run yet. */
static size_t tokenize(tok *t, const char *s, size_t n, size_t *used)
{
	size_t k = 0, i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (cr_is_space(c)) {
			i++;
			continue;
		}
		if (k == MAX_TOKS)
			break;
		tok *x = &t[k++];
		memset(x, 0, sizeof *x);
		if (cr_is_digit(c)) {
			read_number(x, s, n, &i);
		} else if (cr_is_alpha(c)) {
			read_word(x, s, n, &i);
		} else {
			x->type = T_PUNCT;
			x->ch = c < 0x80 ? (char)c : 0;
			i++;
			while (c >= 0x80 && i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
				i++;   /* one UTF-8 character: a dash, a bullet */
		}
	}
	*used = i;
	return k;
}

/* ---- dates and clock times ---------------------------------------------------- */

/* Which reading of an ambiguous numeric date ("05/03/2013") the line's
 * convention favours: a time zone of the Americas beside it is month first,
 * one of Europe day first (time-words.tsv's zone values); dots ("08.07.2012")
 * are day first, the European way, unless a zone says otherwise. */
enum { ORDER_NONE, ORDER_MONTH_FIRST, ORDER_DAY_FIRST };

typedef struct pdate {
	int y, m, d;     /* y 0: no year written; d 0: a month alone */
	int m2, d2;      /* the other reading of an ambiguous numeric date, m2 0 when none */
	int order;       /* the order the line's convention gives it: ORDER_* */
	int wday;        /* a weekday written before it, -1 none */
	int label;       /* K_UNKNOWN (none), K_PUBLISHED, K_UPDATED, K_OTHER */
	int line;
	int32_t day;     /* once resolved: the day, or the first day of the interval */
	int32_t last;    /* the interval's last day (== day for a day) */
} pdate;

static bool punct(const tok *t, size_t n, size_t i, char c)
{
	return i < n && t[i].type == T_PUNCT && t[i].ch == c;
}

static bool word_is(const tok *t, size_t n, size_t i, const char *w)
{
	return i < n && t[i].type == T_WORD && strcmp(t[i].low, w) == 0;
}

static bool plain_num(const tok *t, size_t n, size_t i, int maxdigits)
{
	return i < n && t[i].type == T_NUM && !t[i].suf[0] && t[i].nd <= maxdigits;
}

/* A day of the month, maybe ordinal ("10th"), not the hour of a clock. */
static bool day_num(const tok *t, size_t n, size_t i)
{
	static const char *const ord[] = {"", "st", "nd", "rd", "th"};
	if (i >= n || t[i].type != T_NUM || t[i].nd > 2 || t[i].num < 1 || t[i].num > 31 || punct(t, n, i + 1, ':'))
		return false;
	for (size_t k = 0; k < CR_ARRAY_LEN(ord); k++)
		if (strcmp(t[i].suf, ord[k]) == 0)
			return true;
	return false;
}

/* A four-digit year, not the hour of a clock ("2012 15:14" is fine, "2012:" is not). */
static int year4(const tok *t, size_t n, size_t i)
{
	if (!plain_num(t, n, i, 4) || t[i].nd != 4 || t[i].num < 1900 || t[i].num > 2099 || punct(t, n, i + 1, ':'))
		return 0;
	return t[i].num;
}

static int pivot(int yy)
{
	return yy < 69 ? 2000 + yy : 1900 + yy;
}

static bool valid(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= cr_days_in_month(y ? y : 2000, m);
}

static pdate blank(void)
{
	return (pdate){.wday = -1};
}

/* 2012.08.08, 2013-09-26; 05/02/07, 11/28/05, 16/08/2011-13:42 */
static size_t numeric(const tok *t, size_t n, size_t i, pdate *p)
{
	if (!plain_num(t, n, i, 4) || i + 4 >= n || t[i + 1].type != T_PUNCT)
		return 0;
	char sep = t[i + 1].ch;
	if ((sep != '/' && sep != '.' && sep != '-') || !plain_num(t, n, i + 2, 2) || !punct(t, n, i + 3, sep) ||
	    t[i + 4].type != T_NUM || (t[i + 4].suf[0] && !(t[i].nd == 4 && !strcmp(t[i + 4].suf, "t"))))
		return 0;   /* the day may carry ISO 8601's T: 2013-03-12T17:54:00Z */
	if (punct(t, n, i + 5, sep) && i + 6 < n && t[i + 6].type == T_NUM)
		return 0;   /* a version or an address: 1.2.3.4 */
	int a = t[i].num, b = t[i + 2].num, c = t[i + 4].num;
	*p = blank();
	if (t[i].nd == 4) {
		if (t[i + 4].nd > 2 || a < 1900 || a > 2099 || !valid(a, b, c))
			return 0;
		p->y = a, p->m = b, p->d = c;
		return 5;
	}
	if (t[i].nd > 2 || (t[i + 4].nd != 2 && t[i + 4].nd != 4) || punct(t, n, i + 5, ':'))
		return 0;
	int y = t[i + 4].nd == 2 ? pivot(c) : c;
	if (y < 1900 || y > 2099)
		return 0;
	bool md = valid(y, a, b), dm = valid(y, b, a);
	if (!md && !dm)
		return 0;
	p->y = y;
	p->m = md ? a : b;
	p->d = md ? b : a;
	if (md && dm && a != b)
		p->m2 = b, p->d2 = a, p->order = sep == '.' ? ORDER_DAY_FIRST : ORDER_NONE;
	return 5;
}

/* May 5, 2010; Fri., May. 3, 2013; Dec-19-05; November 27-2005; March 2013; Jul. 7 */
static size_t month_first(const tok *t, size_t n, size_t i, pdate *p)
{
	if (i >= n || t[i].type != T_WORD || t[i].kind != K_MONTH)
		return 0;
	*p = blank();
	p->m = t[i].val;
	size_t j = i + 1 + punct(t, n, i + 1, '.');
	bool dashed = punct(t, n, j, '-');
	j += dashed;
	if (day_num(t, n, j)) {
		p->d = t[j].num;
		j++;
		size_t after_day = j;
		if (dashed && punct(t, n, j, '-') && plain_num(t, n, j + 1, 2) && t[j + 1].nd == 2 && !punct(t, n, j + 2, ':')) {
			p->y = pivot(t[j + 1].num);   /* Dec-19-05 */
			j += 2;
		} else {
			j += punct(t, n, j, ',');
			j += punct(t, n, j, '-');
			if ((p->y = year4(t, n, j)) != 0)
				j++;
			else
				j = after_day;
		}
		return valid(p->y, p->m, p->d) ? j - i : 0;
	}
	j += punct(t, n, j, ',');
	if ((p->y = year4(t, n, j)) != 0)
		return j + 1 - i;   /* a month alone */
	return 0;
}

/* 28 November 2005; 10th June 2013; 27 NOVEMBER, 2005; 9th of June 2013; 22 Jul */
static size_t day_first(const tok *t, size_t n, size_t i, pdate *p)
{
	if (!day_num(t, n, i))
		return 0;
	size_t j = i + 1;
	j += punct(t, n, j, '-');
	j += word_is(t, n, j, "of");
	if (j >= n || t[j].type != T_WORD || t[j].kind != K_MONTH)
		return 0;
	*p = blank();
	p->d = t[i].num;
	p->m = t[j].val;
	j++;
	j += punct(t, n, j, '.');
	size_t after_month = j;
	j += punct(t, n, j, ',');
	j += punct(t, n, j, '-');
	if ((p->y = year4(t, n, j)) != 0)
		j++;
	else
		j = after_month;
	return valid(p->y, p->m, p->d) ? j - i : 0;
}

static bool meridiem(const char *s)
{
	return !strcmp(s, "am") || !strcmp(s, "pm") || !strcmp(s, "a") || !strcmp(s, "p");
}

/* 10:35, 5: 03pm, 23:37:00, 02. 16PM, 08.23 BST, 5pm, 9 a. m.: the words it takes, 0 none */
static size_t clock_at(const tok *t, size_t n, size_t i)
{
	if (i >= n || t[i].type != T_NUM || t[i].nd > 2)
		return 0;
	if (meridiem(t[i].suf))
		return 1;
	if (t[i].suf[0])
		return 0;
	if ((punct(t, n, i + 1, ':') || punct(t, n, i + 1, '.')) && i + 2 < n && t[i + 2].type == T_NUM &&
	    t[i + 2].nd == 2 && (!t[i + 2].suf[0] || meridiem(t[i + 2].suf))) {
		size_t k = i + 3;
		if (!t[i + 2].suf[0] && punct(t, n, k, ':') && k + 1 < n && t[k + 1].type == T_NUM && t[k + 1].nd == 2 &&
		    (!t[k + 1].suf[0] || !strcmp(t[k + 1].suf, "z")))
			k += 2;   /* seconds, maybe with ISO 8601's Z */
		return k - i;
	}
	return i + 1 < n && t[i + 1].type == T_WORD && meridiem(t[i + 1].low) ? 1 : 0;
}

/*
 * The dates of one line (at most cap), or 0 when it is no date line: more
 * than two words that are neither date, clock, weekday, zone, label nor
 * glue (any, on the first line), or any such word in lower case (a byline,
 * "By ...", may hold six of either case).
 */
static size_t parse_line(const char *s, size_t len, int line, pdate *out, size_t cap)
{
	tok t[MAX_TOKS];
	size_t used = 0, n = len <= MAX_LINE ? tokenize(t, s, len, &used) : 0;
	if (n == 0 || used < len)
		return 0;
	bool byline = word_is(t, n, 0, "by"), lower = false;
	int label = K_UNKNOWN, wday = -1, zone_order = ORDER_NONE;
	size_t unknown = 0, nd = 0, unlabelled = 0;
	for (size_t i = byline; i < n;) {
		pdate p;
		used = numeric(t, n, i, &p);
		if (!used)
			used = month_first(t, n, i, &p);
		if (!used)
			used = day_first(t, n, i, &p);
		if (used) {
			p.label = label;
			p.line = line;
			p.wday = wday;
			wday = -1;
			unlabelled = 0;
			if (nd < cap)
				out[nd++] = p;
			i += used;
			continue;
		}
		if ((used = clock_at(t, n, i)) != 0) {
			i += used;
			continue;
		}
		const tok *x = &t[i++];
		if (x->type == T_PUNCT) {
			/* "End of Watch: Friday, June 24, 2005": a field this file does not know dates something else;
			   a bar or a bracket starts a new field ("Source: AP | May 5, 2010") */
			if (x->ch == ':' && unlabelled)
				label = K_OTHER;
			else if (x->ch == '|' || x->ch == '[' || x->ch == '(' || x->ch == ']' || x->ch == ')')
				label = K_UNKNOWN, unlabelled = 0;
			continue;
		}
		if (x->type == T_WORD && x->kind == K_WEEKDAY) {
			wday = x->val;
		} else if (x->type == T_WORD && x->kind == K_ZONE) {
			if (x->val == ORDER_MONTH_FIRST || x->val == ORDER_DAY_FIRST)
				zone_order = x->val;
		} else if (x->type == T_WORD && (x->kind == K_PUBLISHED || x->kind == K_UPDATED || x->kind == K_OTHER)) {
			label = x->kind;
			unlabelled = 0;
		} else if (x->type != T_WORD || (x->kind != K_GLUE && x->kind != K_ZONE)) {
			unknown++;
			unlabelled++;
			lower |= x->type == T_WORD && !x->cap;
		}
	}
	/* the first line is the headline when it holds any other word ("Royal Wedding April 29, 2011") */
	if (nd == 0 || unknown > (byline ? 6u : line == 0 ? 0u : 2u) || (lower && !byline))
		return 0;
	for (size_t k = 0; k < nd && zone_order; k++)
		if (out[k].m2)
			out[k].order = zone_order;
	return nd;
}

/* Dates with a month name anywhere in a line ("quoting her lawyer as saying on May 2"): evidence, never the date. */
static size_t named_dates(const char *s, size_t len, int line, pdate *out, size_t cap)
{
	tok t[MAX_TOKS];
	size_t off = 0, nd = 0;
	while (off < len && nd < cap) {
		size_t used, n = tokenize(t, s + off, len - off, &used);
		if (!n || !used)
			break;
		for (size_t i = 0; i < n && nd < cap;) {
			pdate p;
			size_t k = month_first(t, n, i, &p);
			if (!k)
				k = day_first(t, n, i, &p);
			if (k && p.d) {
				p.line = line;
				out[nd++] = p;
			}
			i += k ? k : 1;
		}
		off += used;
	}
	return nd;
}

/* ---- the URL ------------------------------------------------------------------ */

typedef struct udate {
	int y, m, d;   /* y 0 none; d 0 a month alone */
} udate;

static size_t digits(const char *s, int *v)
{
	size_t k = 0;
	*v = 0;
	while (cr_is_digit((unsigned char)s[k]) && k < 9)
		*v = *v * 10 + (s[k++] - '0');
	return cr_is_digit((unsigned char)s[k]) ? 0 : k;
}

/* The month named by the letters at s, ending at '/', or 0. */
static int url_month(const char *s, size_t *len)
{
	char low[16];
	size_t k = 0;
	while (cr_is_alpha((unsigned char)s[k]) && k < sizeof low - 1) {
		low[k] = (char)cr_lower((unsigned char)s[k]);
		k++;
	}
	intptr_t v;
	if (k < 3 || s[k] != '/' || !cr_map_get(words, low, k, &v) || (v >> 8) != K_MONTH)
		return 0;
	*len = k;
	return (int)(v & 0xff);
}

static bool path_end(char c)
{
	return c == 0 || c == '?' || c == '#';
}

/* The date the URL gives at the digit run s (year y, 4 digits), if any. */
static udate url_at_year(const char *s, int y)
{
	udate u = {0, 0, 0};
	const char *q = s + 5;
	int a, b;
	size_t ka, kb, ml;
	if (s[4] == '/') {
		if ((ka = digits(q, &a)) == 4 && !cr_is_alpha((unsigned char)q[4]) && valid(y, a / 100, a % 100))
			return (udate){y, a / 100, a % 100};   /* /2009/0428-hance */
		if (ka >= 1 && ka <= 2 && q[ka] == '/' && (kb = digits(q + ka + 1, &b)) >= 1 && kb <= 2 &&
		    !cr_is_alpha((unsigned char)q[ka + 1 + kb]) && valid(y, a, b))
			return (udate){y, a, b};   /* /2013/05/03/, /2013/3/8/ */
		if (ka >= 1 && ka <= 2 && (q[ka] == '/' || path_end(q[ka])) && a >= 1 && a <= 12)
			return (udate){y, a, 0};   /* /2013/05/slug */
		if ((a = url_month(q, &ml)) != 0) {
			if ((kb = digits(q + ml + 1, &b)) >= 1 && kb <= 2 && !cr_is_alpha((unsigned char)q[ml + 1 + kb]) &&
			    valid(y, a, b))
				return (udate){y, a, b};   /* /2013/may/03/ */
			return (udate){y, a, 0};
		}
	} else if (s[4] == '-') {
		if (digits(q, &a) == 2 && q[2] == '-' && digits(q + 3, &b) == 2 && !cr_is_alpha((unsigned char)q[5]) &&
		    valid(y, a, b))
			return (udate){y, a, b};   /* 2010-05-05, ?id=x-2009-07-13 */
		if ((ka = digits(q, &a)) >= 1 && ka <= 2 && a >= 1 && a <= 12 &&
		    (path_end(q[ka]) || (q[ka] == '/' && path_end(q[ka + 1]))))
			return (udate){y, a, 0};   /* a slug ending in -2013-3 */
	}
	return u;
}

/* The first day the URL's path gives; else its first month; else y = 0. */
static udate url_date(const char *url)
{
	udate month = {0, 0, 0};
	if (!url)
		return month;
	const char *p = strstr(url, "://");
	p = strchr(p ? p + 3 : url, '/');
	for (; p && *p; p++) {
		if (!cr_is_digit((unsigned char)*p) || cr_is_digit((unsigned char)p[-1]))
			continue;
		int v;
		size_t k = digits(p, &v);
		udate u = {0, 0, 0};
		if (k == 8 && v / 10000 >= 1990 && v / 10000 <= 2049 && valid(v / 10000, v / 100 % 100, v % 100))
			u = (udate){v / 10000, v / 100 % 100, v % 100};   /* /20130308/, ymd=20081216 */
		else if (k == 4 && v >= 1900 && v <= 2099)
			u = url_at_year(p, v);
		if (u.y && u.d)
			return u;
		if (u.y && !month.y)
			month = u;
	}
	return month;
}

/* ---- choosing ----------------------------------------------------------------- */

static int32_t day_of(int y, int m, int d)
{
	return cr_days_from_civil(y, m, d);
}

/* A year for a date written without one: from a full date on its line, else from the URL's. */
static bool give_year(pdate *p, const pdate *all, size_t n, udate u)
{
	for (size_t k = 0; k < n; k++) {
		const pdate *o = &all[k];
		if (o->line == p->line && o->y && o->d && !o->m2) {
			p->y = (p->m > o->m || (p->m == o->m && p->d > o->d)) ? o->y - 1 : o->y;
			return valid(p->y, p->m, p->d);
		}
	}
	if (!u.y)
		return false;
	int32_t ref = day_of(u.y, u.m, u.d ? u.d : 15);
	int best = 0;
	int32_t gap = INT32_MAX;
	for (int y = u.y - 1; y <= u.y + 1; y++) {
		if (!valid(y, p->m, p->d))
			continue;
		int32_t g = day_of(y, p->m, p->d) - ref;
		g = g < 0 ? -g : g;
		if (g < gap)
			gap = g, best = y;
	}
	p->y = best;
	return best != 0;
}

static bool near(int32_t a, int32_t b)
{
	return a - b <= 10 && b - a <= 10;
}

/* Which of two readings the days ev[0..n) (one within ten days) speak for; a tie speaks for neither. */
static void near_either(bool ok[2], const int32_t r[2], const int32_t *ev, size_t n)
{
	bool a = false, b = false;
	for (size_t k = 0; k < n; k++)
		a |= near(r[0], ev[k]), b |= near(r[1], ev[k]);
	if (a != b)
		ok[0] = a, ok[1] = b;
}

/*
 * Picks one reading of an ambiguous numeric date on the document's own
 * evidence, strongest first: the weekday written beside it, the URL's day or
 * month, another date line's day, a date with a month name in the text, and
 * last the line's convention (ORDER_*).
 * True when one is left; else p keeps both and gets the interval between them.
 */
static bool pick_reading(pdate *p, const pdate *all, size_t n, const pdate *body, size_t nbody, udate u)
{
	int32_t r[2] = {day_of(p->y, p->m, p->d), day_of(p->y, p->m2, p->d2)};
	bool ok[2] = {true, true};
	if (p->wday >= 0 && (cr_weekday(r[0]) == p->wday) != (cr_weekday(r[1]) == p->wday))
		ok[0] = cr_weekday(r[0]) == p->wday, ok[1] = !ok[0];
	if (ok[0] && ok[1] && u.y && u.d) {
		int32_t ud = day_of(u.y, u.m, u.d);
		near_either(ok, r, &ud, 1);
	} else if (ok[0] && ok[1] && u.y && (p->m == u.m) != (p->m2 == u.m) && p->y == u.y) {
		ok[0] = p->m == u.m, ok[1] = !ok[0];
	}
	int32_t ev[32];
	size_t ne = 0;
	for (size_t k = 0; ok[0] && ok[1] && k < n && ne < CR_ARRAY_LEN(ev); k++)
		if (&all[k] != p && all[k].y && all[k].d && !all[k].m2)
			ev[ne++] = day_of(all[k].y, all[k].m, all[k].d);
	if (ok[0] && ok[1])
		near_either(ok, r, ev, ne);
	ne = 0;
	for (size_t k = 0; ok[0] && ok[1] && k < nbody && ne < CR_ARRAY_LEN(ev); k++) {
		int y = body[k].y ? body[k].y : p->y;
		if (valid(y, body[k].m, body[k].d))
			ev[ne++] = day_of(y, body[k].m, body[k].d);
	}
	if (ok[0] && ok[1])
		near_either(ok, r, ev, ne);
	if (ok[0] && ok[1] && p->order != ORDER_NONE)
		ok[0] = p->order == ORDER_MONTH_FIRST, ok[1] = !ok[0];
	if (ok[0] != ok[1]) {
		if (ok[1])
			p->m = p->m2, p->d = p->d2;
		p->m2 = p->d2 = 0;
		return true;
	}
	p->day = CR_MIN(r[0], r[1]);
	p->last = CR_MAX(r[0], r[1]);
	return false;
}

/* Resolves every date to a day or an interval; a date that stays without a year gets day CR_DAY_NONE. */
static void resolve(pdate *all, size_t n, const pdate *body, size_t nbody, udate u, const cr_diag *dg,
                    const char *name)
{
	for (size_t k = 0; k < n; k++) {
		pdate *p = &all[k];
		p->day = p->last = CR_DAY_NONE;
		if (p->label == K_OTHER || (!p->y && !give_year(p, all, n, u)))
			continue;
		if (!p->d) {
			cr_dayrange r = cr_range_month(p->y, p->m);
			p->day = r.earliest, p->last = r.latest;
			continue;
		}
		if (p->m2 && !pick_reading(p, all, n, body, nbody, u))
			continue;
		p->day = p->last = day_of(p->y, p->m, p->d);
		if (p->wday >= 0 && cr_weekday(p->day) != p->wday) {
			char s[11];
			cr_day_format(p->day, s);
			cr_diag_emit(dg, CR_DIAG_WARNING, name, NULL, "date line %s is not on the weekday written beside it; the date is kept", s);
		}
	}
}

/* The first resolved date with this label that is a day (exact) or an interval (!exact), or -1. */
static long first(const pdate *all, size_t n, int label, bool exact)
{
	for (size_t k = 0; k < n; k++)
		if (all[k].label == label && all[k].day != CR_DAY_NONE && all[k].d &&
		    (all[k].day == all[k].last) == exact)
			return (long)k;
	return -1;
}

cr_pubdate_from cr_pubdate_read(cr_dayrange *out, const char *text, const cr_span *lines, size_t nlines,
                                const char *url, const cr_diag *dg, const char *name)
{
	pthread_once(&once, load);
	pdate all[16];
	size_t n = 0;
	for (size_t i = 0; i < nlines && i < CR_PUBDATE_LINES && n < CR_ARRAY_LEN(all); i++)
		n += parse_line(text + lines[i].start, lines[i].end - lines[i].start, (int)i, all + n,
		                CR_ARRAY_LEN(all) - n);
	pdate body[32];
	size_t nbody = 0;
	for (size_t i = 0; i < nlines && i < EVIDENCE_LINES && nbody < CR_ARRAY_LEN(body); i++)
		nbody += named_dates(text + lines[i].start, lines[i].end - lines[i].start, (int)i, body + nbody,
		                     CR_ARRAY_LEN(body) - nbody);
	udate u = url_date(url);
	resolve(all, n, body, nbody, u, dg, name);
	long k;
	if ((k = first(all, n, K_PUBLISHED, true)) >= 0 || (k = first(all, n, K_UNKNOWN, true)) >= 0)
		goto line;
	if (u.y && u.d) {
		out->earliest = out->latest = day_of(u.y, u.m, u.d);
		return CR_PUBDATE_URL;
	}
	if ((k = first(all, n, K_UPDATED, true)) >= 0 || (k = first(all, n, K_PUBLISHED, false)) >= 0 ||
	    (k = first(all, n, K_UNKNOWN, false)) >= 0 || (k = first(all, n, K_UPDATED, false)) >= 0)
		goto line;
	if (u.y) {
		*out = cr_range_month(u.y, u.m);
		return CR_PUBDATE_URL;
	}
	for (k = 0; k < (long)n; k++)
		if (all[k].day != CR_DAY_NONE && !all[k].d)
			goto line;   /* "Published March 2013" */
	return CR_PUBDATE_NONE;
line:
	out->earliest = all[k].day;
	out->latest = all[k].last;
	if (all[k].m2) {
		char a[11], b[11];
		cr_day_format(out->earliest, a);
		cr_day_format(out->latest, b);
		cr_diag_emit(dg, CR_DIAG_WARNING, name, NULL,
		             "the date line reads as %s or %s and nothing in the document tells which; published is the "
		             "interval between them",
		             a, b);
	}
	return CR_PUBDATE_LINE;
}
