/*
 * timex.c: time expressions as day intervals.
 *
 * The text is cut into words (letters, digits, apostrophes, hyphens inside a
 * word; the dot of "Sept." but not of "year.") and punctuation; at each word
 * the rules below are tried in order and the first that matches consumes its
 * words. Calendar words, future cues and reference words come from
 * data/lexicon/time-words.tsv. docs/timex.md lists the rules with examples.
 *
 *   ISO, numeric     2022-03-09, 3/9/2022 (month first unless the first is over 12)
 *   day month [year] 9 March, 9th March 2022, the 9th of March
 *   month day [year] March 9, March 16th, March 9, 2022, March 9 last year
 *   month year       March 2022
 *   part of a period early/mid/late 2016, late March, the end of 2016
 *   decade, century  the 1990s, the late 1990s, mid-1990s, the 20th century
 *   year pair        between 2015 and 2016, from 2015 to 2016 (two dates);
 *                    2015-2016 (one span)
 *   quarter          the third quarter [of 1989], third-quarter, the quarter,
 *                    the 1988 third quarter, this year's third quarter
 *   deictic          today, yesterday, tonight, this morning, last night,
 *                    last/this/next week|month|year, earlier this month,
 *                    N units ago, last weekend
 *   narrative        a week later, six years earlier, the next day
 *   weekday          Friday, on Friday, last Friday, Friday morning,
 *                    Monday, Oct. 26 (the full date wins)
 *   month alone      in September, last March, since May (capitalised)
 *   year             1962 after in/since/by/of/... or a determiner ("the
 *                    1996 law"), never before a noun ("2014 people")
 *   season           this summer, last fall, the summer of 2016
 *   reference        now, currently (PRESENT_REF), recently, the past
 *                    (PAST_REF), the future (FUTURE_REF)
 *   set              daily, every day, every other Friday, Mondays, once a week
 *   duration         three-month, for six years, the past two weeks, 13 years,
 *                    two hours (PT2H), recent years (PXY), for the year,
 *                    5 1/2 hours (PT5H30M), twenty-four hours, two decades
 *                    (P20Y), for years (PXY); not ages ("52 years old")
 *   clock            10 p.m., 10:35 a.m., 5pm, noon Thursday, 9 a.m. EST Tuesday
 *
 * Anchoring: deictic expressions use the publication date (an interval is
 * read at both ends, see cr_timex_find); narrative ones use the last date
 * the text itself established, or the publication date before any. A date
 * without a year takes the year that puts it within two months ahead of
 * the anchor or ten months back (news reports the past and announces the
 * near future): "December 30" read on 2023-01-02 is 2022-12-30, "January
 * 3" read on 2022-12-30 is 2023-01-03; after a past verb ("was bombed on
 * March 9") only a week ahead. In a sentence that speaks of the future
 * ("will", "would", "deadline", "payable": future rows of the lexicon) it
 * is read forward instead, up to half a year ahead. A weekday takes the
 * tense of the nearest cue in its clause (past: "said", -ed verbs,
 * tense-words.tsv): "said Friday" is behind, "will meet Friday" ahead.
 * With no anchor a date stays unresolved ("XXXX-03-09", "PAST_REF").
 *
 * Limits: holidays, centuries, spelled-out years ("nineteen ninety-six"),
 * date ranges inside a month ("3-12 September") and time ranges are not
 * recognised; "may", "march" and "fall" need capitals or date context; the
 * weekday of an older story ("Tuesday" a week before the anchor) cannot be
 * told from the text's tense alone.
 */
#include "time/internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


cr_timex_ctx *cr_timex_new(void)
{
	cr_timex_ctx *c = cr_xcalloc(1, sizeof *c);
	c->words = cr_lexicon_load("lexicon/time-words.tsv", true);
	c->tense = cr_lexicon_load("lexicon/tense-words.tsv", true);
	if (!c->words || !c->tense) {
		cr_lexicon_free(c->words);
		cr_lexicon_free(c->tense);
		free(c);
		return NULL;
	}
	return c;
}

void cr_timex_free(cr_timex_ctx *ctx)
{
	if (!ctx)
		return;
	cr_lexicon_free(ctx->words);
	cr_lexicon_free(ctx->tense);
	free(ctx);
}

/* Whether the sentence around the current word speaks of the future; computed once per word, when asked. */
bool tx_fut(scan *s)
{
	if (s->fut_cache < 0)
		s->fut_cache = tx_future_cue(s, s->cur);
	return s->fut_cache > 0;
}

/*
 * The word index: a speed filter in front of the calendar lexicon and the
 * plain rule starters of may_start. Most words of a text are neither, and
 * one hash of the word against a sparse open-addressed table of hashes (one
 * key in eight slots) says so at once, where a lookup in the lexicon's map
 * or a binary search of the starters costs several string calls. Built once
 * per process from the same built-in lexicon cr_timex_new loads, read-only
 * after; a calendar word still reads its row from ctx->words, so the index
 * only ever skips words the lexicon does not hold.
 */
enum { IX_CAL = 1, IX_START = 2 };

typedef struct ixent {
	const char *key;     /* lower case, in ix_lex or ix_starters */
	uint8_t len, flags;  /* IX_* */
} ixent;

static pthread_once_t ix_once = PTHREAD_ONCE_INIT;
static uint32_t *ix_h;       /* hash per slot, 0 when empty */
static ixent *ix_ent;        /* the key of each slot */
static size_t ix_mask;       /* slots - 1 */
static cr_lexicon *ix_lex;   /* kept for the keys */
static uint8_t ix_alnum[256]; /* ASCII letters and digits, for tokenize's inner loop */

/* Plain (lower-case, non-calendar) words a rule can start at; see may_start. */
static const char *const ix_starters[] = {
	"after", "before", "beginning", "between", "black", "christmas", "coming", "current", "each", "earlier",
	"early", "earth", "easter", "end", "every", "everyday", "final", "first", "following", "for", "from",
	"half", "halloween", "in", "independence", "juneteenth", "labor", "labour", "last", "late", "later",
	"latest", "midday", "middle", "midnight", "mlk", "next", "noon", "noonish", "once", "past", "previous",
	"quarter", "quarterly", "recent", "soon", "saint", "start", "thanksgiving", "the", "this", "today", "tomorrow",
	"tonight", "twice", "weekend", "xmas", "yesterday"};

/* FNV-1a over ASCII-lower-cased bytes, a step at a time so tokenize can
 * hash a word while it copies it; a finished hash of 0 is stored as 1
 * (0 marks an empty slot). */
#define IX_BASIS 2166136261u

static inline uint32_t ix_step(uint32_t h, unsigned char c)
{
	return (h ^ (uint32_t)cr_lower(c)) * 16777619u;
}

static inline uint32_t ix_hash(const char *s, size_t n)
{
	uint32_t h = IX_BASIS;
	for (size_t i = 0; i < n; i++)
		h = ix_step(h, (unsigned char)s[i]);
	return h;
}

static void ix_add(const char *key, uint8_t flag)
{
	size_t n = strlen(key);
	if (n >= sizeof ((word *)0)->low)
		return;   /* longer than any word can be */
	uint32_t h = ix_hash(key, n);
	h = h ? h : 1;
	size_t i = h & ix_mask;
	while (ix_h[i] && !(ix_h[i] == h && ix_ent[i].len == n && cr_ieq(ix_ent[i].key, key, n)))
		i = (i + 1) & ix_mask;
	if (!ix_h[i]) {
		ix_h[i] = h;
		ix_ent[i].key = key;
		ix_ent[i].len = (uint8_t)n;
	}
	ix_ent[i].flags |= flag;
}

static void ix_build(void)
{
	ix_lex = cr_lexicon_load("lexicon/time-words.tsv", true);
	size_t rows = ix_lex ? ix_lex->nrows : 0, cap = 64;
	while (cap < 8 * (rows + CR_ARRAY_LEN(ix_starters)))
		cap *= 2;
	ix_h = cr_xcalloc(cap, sizeof *ix_h);
	ix_ent = cr_xcalloc(cap, sizeof *ix_ent);
	ix_mask = cap - 1;
	for (size_t r = 0; r < rows; r++)
		ix_add(ix_lex->cols[r][0], IX_CAL);
	for (size_t i = 0; i < CR_ARRAY_LEN(ix_starters); i++)
		ix_add(ix_starters[i], IX_START);
	for (int c = 0; c < 256; c++)
		ix_alnum[c] = cr_is_alpha(c) || cr_is_digit(c);
}

/* The IX_* flags of s[0..n) read case-insensitively, 0 when it is neither;
 * h is ix_hash(s, n). The index must be built (ix_once). */
static inline uint8_t ix_find(const char *s, size_t n, uint32_t h)
{
	h = h ? h : 1;
	for (size_t i = h & ix_mask; ix_h[i]; i = (i + 1) & ix_mask) {
		if (ix_h[i] != h || ix_ent[i].len != n)
			continue;
		size_t q = 0;
		while (q < n && (unsigned char)ix_ent[i].key[q] == cr_lower((unsigned char)s[q]))
			q++;   /* keys are lower case */
		if (q == n)
			return ix_ent[i].flags;
	}
	return 0;
}

/*
 * Number and calendar reading of a word of l bytes whose prefix hashes
 * (ix_hash of its first i bytes, i = 0..l) are in hs. Returns the index
 * flags of the lexicon key (the word less a final dot or "'s") and its
 * length in *keylen.
 */
static uint8_t classify_at(const cr_timex_ctx *ctx, word *w, size_t l, const uint32_t *hs, size_t *keylen)
{
	w->kind = K_NONE;
	w->num = -1;
	size_t digits = 0;
	while (digits < l && cr_is_digit((unsigned char)w->low[digits]))
		digits++;
	if (digits > 0 && digits <= 4) {
		const char *suf = w->low + digits;
		if (!*suf || strcmp(suf, "st") == 0 || strcmp(suf, "nd") == 0 || strcmp(suf, "rd") == 0 ||
		    strcmp(suf, "th") == 0 || strcmp(suf, "s") == 0) {
			w->num = atoi(w->low);
			w->ndigits = (uint8_t)digits;
			w->ordinal = *suf && strcmp(suf, "s") != 0;
		}
	}
	size_t kl = l;
	if (kl && w->low[kl - 1] == '.')
		kl--;
	if (kl > 2 && w->low[kl - 2] == '\'' && w->low[kl - 1] == 's')
		kl -= 2;   /* "month's" */
	*keylen = kl;
	uint8_t flags = ix_find(w->low, kl, hs[kl]);
	if (!(flags & IX_CAL))
		return flags;
	long r = cr_lexicon_find(ctx->words, w->low, kl);
	if (r < 0 || ctx->words->ncols[r] < 3)
		return flags;
	const char *k = ctx->words->cols[r][1], *v = ctx->words->cols[r][2];
	/* one compare, picked by the first letter, instead of a chain of them */
	static const struct { const char *name; uint8_t kind; } kinds[] = {
		{"month", K_MONTH}, {"weekday", K_WEEKDAY}, {"unit", K_UNIT}, {"season", K_SEASON}, {"part", K_PART},
		{"count", K_COUNT}, {"ordinal", K_ORD}, {"daypart", K_DAYPART}, {"set", K_SET}, {"future", K_FUTURE},
		{"ref", K_REF}};
	w->kind = K_NONE;
	for (size_t q = 0; q < CR_ARRAY_LEN(kinds); q++)
		if (kinds[q].name[0] == k[0] && strcmp(kinds[q].name, k) == 0) {
			w->kind = kinds[q].kind;
			break;
		}
	w->val = atoi(v);
	const char *dash = strchr(v, '-');
	w->val2 = dash ? atoi(dash + 1) : w->val;
	return flags;
}

/* Sets the number and calendar fields of a word from its low. */
static void classify(const cr_timex_ctx *ctx, word *w)
{
	pthread_once(&ix_once, ix_build);
	uint32_t hs[sizeof w->low];
	size_t l = 0;
	hs[0] = IX_BASIS;
	while (l < sizeof w->low - 1 && w->low[l]) {
		hs[l + 1] = ix_step(hs[l], (unsigned char)w->low[l]);
		l++;
	}
	size_t kl;
	classify_at(ctx, w, l, hs, &kl);
}

/*
 * Words and punctuation of the text; a word keeps inner hyphens, apostrophes,
 * dots of abbreviations. starter[i] is set when word i is one of the plain
 * rule starters (see may_start); the caller frees it and s->w with free().
 */
static void tokenize(scan *s, const char *t, size_t len, uint8_t **starter)
{
	pthread_once(&ix_once, ix_build);
	/* about one word in five bytes of news: one allocation for most texts */
	size_t cap = len / 5 + 64;
	s->w = cr_xmalloc(cap * sizeof *s->w);
	uint8_t *st = cr_xmalloc(cap);
	uint32_t hs[sizeof s->w->low];
	hs[0] = IX_BASIS;
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)t[i];
		if (cr_is_space(c)) {
			i++;
			continue;
		}
		if (s->n == cap) {
			cap *= 2;
			s->w = cr_xrealloc(s->w, cap * sizeof *s->w);
			st = cr_xrealloc(st, cap);
		}
		word *w = &s->w[s->n];
		memset(w, 0, sizeof *w);
		st[s->n++] = 0;
		w->start = (uint32_t)i;
		if (cr_is_alpha(c) || cr_is_digit(c)) {
			size_t j = i;
			while (j < len) {
				unsigned char d = (unsigned char)t[j];
				if (ix_alnum[d]) {
					j++;
				} else if ((d == '-' || d == '\'') && j + 1 < len && ix_alnum[(unsigned char)t[j + 1]]) {
					j++;
				} else if (d == '.' && j - i <= 4 && j + 1 < len && !cr_is_alpha((unsigned char)t[j + 1]) &&
				           !cr_is_digit((unsigned char)t[j + 1]) && cr_is_alpha((unsigned char)t[i])) {
					/* "Sept." "Jan." keep the dot so the sentence end is not read as one */
					j++;
					break;
				} else {
					break;
				}
			}
			w->end = (uint32_t)j;
			w->cap = cr_is_upper(c);
			size_t k = 0;
			for (size_t p = i; p < j && k + 1 < sizeof w->low; p++) {
				unsigned char lc = (unsigned char)cr_lower((unsigned char)t[p]);
				w->low[k++] = (char)lc;
				hs[k] = ix_step(hs[k - 1], lc);
			}
			w->low[k] = 0;
			size_t kl;
			uint8_t f = classify_at(s->ctx, w, k, hs, &kl);
			/* a word ending in a dot that is not an abbreviated month or weekday gives the dot
			   back: "Sept." keeps it, "year." and "May." at a sentence end do not */
			if (j > i && t[j - 1] == '.' &&
			    ((w->kind != K_MONTH && w->kind != K_WEEKDAY) || strcmp(w->low, "may.") == 0 ||
			     strcmp(w->low, "june.") == 0 || strcmp(w->low, "july.") == 0)) {
				w->end--;
				if (k)
					w->low[--k] = 0;
				f = classify_at(s->ctx, w, k, hs, &kl);
				j--;
			}
			if (kl != k)
				f = ix_find(w->low, k, hs[k]);
			st[s->n - 1] = (f & IX_START) != 0;
			i = j;
		} else {
			size_t k = 1;
			if (c >= 0x80)
				while (i + k < len && ((unsigned char)t[i + k] & 0xC0) == 0x80)
					k++;
			w->end = (uint32_t)(i + k);
			w->punct = true;
			w->low[0] = (char)c;
			w->low[1] = 0;
			if (c == 0xE2 && k == 3 && (unsigned char)t[i + 2] == 0x99) {
				w->low[0] = '\'';   /* ’ */
				w->punct = false;
			}
			i += k;
		}
	}
	*starter = st;
}

/* ---- resolution -------------------------------------------------------------- */

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

int tx_nearest_year(int32_t anchor, int m, int d, int tense)
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

int tx_nearest_year_month(int32_t anchor, int m, int tense)
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
 * 1 when a future word stands in it (tx_fut) or the date is an end point
 * ("by February", "extended to Nov. 20", "through January"), -1 when a
 * past verb stands just before the expression ("was bombed on March 9",
 * "said in May"), 0 otherwise.
 */
int tx_tense(scan *s)
{
	if (tx_fut(s))
		return 1;
	size_t i = s->cur;
	/* "extended to Nov. 20", "pay it down by February": an end point or deadline, read forward */
	if (i > 0 && (is(s, i - 1, "to") || is(s, i - 1, "until") || is(s, i - 1, "through") || is(s, i - 1, "till") ||
	              is(s, i - 1, "by")))
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
		if (c)
			return c < 0 ? -1 : 0;
	}
	return 0;
}

void tx_fmt_value(char *out, size_t cap, cr_dayrange r, int gran)
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

void tx_emit(scan *s, size_t i, size_t j, uint8_t type, uint8_t anchor, cr_dayrange r, int gran, const char *value)
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
		tx_fmt_value(x.value, sizeof x.value, r, gran);
	cr_vec_push(&s->out, x);
	if (type == CR_TIMEX_DATE && known(r) && r.latest - r.earliest <= 366) {
		s->narrative = r;
		snprintf(s->nar_value, sizeof s->nar_value, "%s", x.value);
	}
}

/* Deictic anchor: the publication date's earliest day and its width. */
bool tx_doc_anchor(const scan *s, int32_t *a, int32_t *width)
{
	if (!known(s->pub))
		return false;
	*a = s->pub.earliest;
	*width = 0;   /* an interval is read at both ends: see cr_timex_find */
	return true;
}

cr_dayrange tx_widen(cr_dayrange r, int32_t width)
{
	if (known(r))
		r.latest += width;
	return r;
}

static cr_dayrange shift_years(cr_dayrange r, int n)
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

static cr_dayrange shift_months(cr_dayrange r, int n)
{
	int y, m, d;
	cr_civil_from_days(r.earliest, &y, &m, &d);
	int mm = y * 12 + (m - 1) + n;
	y = mm / 12;
	m = mm % 12 + 1;
	return cr_range_month(y, m);
}

static cr_dayrange quarter_range(int y, int q)
{
	return (cr_dayrange){cr_days_from_civil(y, 3 * q - 2, 1),
	                     cr_days_from_civil(y, 3 * q, cr_days_in_month(y, 3 * q))};
}

/* The range of a part of a year ("late 2016": September to December). */
static cr_dayrange part_of_year(int y, int first12, int last12)
{
	return (cr_dayrange){cr_days_from_civil(y, first12, 1), cr_days_from_civil(y, last12, cr_days_in_month(y, last12))};
}

/* ---- rules ----------------------------------------------------------------------- */

bool tx_year_context(const scan *s, size_t i)
{
	static const char *before[] = {"in", "since", "by", "until", "till", "from", "of", "during", "before", "after",
	                               "around", "between", "and", "to", "through", "throughout", "early", "late", "mid",
	                               "year", "summer", "winter", "spring", "autumn", "fall", "the", "circa", "as", "for",
	                               "than", "into", "'s", "due", "both", "fiscal"};
	if (i == 0)
		return false;
	for (size_t k = 0; k < CR_ARRAY_LEN(before); k++)
		if (is(s, i - 1, before[k]))
			return true;
	return s->w[i - 1].punct && (s->w[i - 1].low[0] == '(' || s->w[i - 1].low[0] == ',');
}

/* "a few", "several", "many": counts that give no figure */
static bool vague_count(const scan *s, size_t i)
{
	return is(s, i, "few") || is(s, i, "several") || is(s, i, "many") ||
	       ((is(s, i, "a") || is(s, i, "the")) && (is(s, i + 1, "few") || is(s, i + 1, "couple")));
}

/* The value of a count word of the lexicon ("twenty"), or 0. */
static int count_word(const cr_timex_ctx *ctx, const char *w, size_t len)
{
	long r = cr_lexicon_find(ctx->words, w, len);
	if (r < 0 || ctx->words->ncols[r] < 3 || strcmp(ctx->words->cols[r][1], "count") != 0)
		return 0;
	return atoi(ctx->words->cols[r][2]);
}

/* "a week later": returns the count at i (and the words it took), or 0. */
/* "twenty four", "twenty-four": a tens word and a digit word; 0 when word i starts none. */
static int compound_count(const scan *s, size_t i, size_t *used)
{
	const word *w = &s->w[i];
	if (w->kind == K_COUNT) {
		if (w->val >= 20 && w->val % 10 == 0 && i + 1 < s->n && s->w[i + 1].kind == K_COUNT &&
		    s->w[i + 1].val >= 1 && s->w[i + 1].val <= 9 && !is(s, i + 1, "a") && !is(s, i + 1, "an") &&
		    !vague_count(s, i + 1)) {
			*used = 2;
			return w->val + s->w[i + 1].val;
		}
		return 0;
	}
	const char *dash = NULL;
	for (size_t k = 5; k < 8 && !dash; k++) {
		if (!w->low[k - 1])
			return 0;   /* shorter than a tens word */
		if (w->low[k] == '-')
			dash = w->low + k;
	}
	if (!dash)
		return 0;
	int tens = count_word(s->ctx, w->low, (size_t)(dash - w->low));
	int ones = count_word(s->ctx, dash + 1, strlen(dash + 1));
	if (tens >= 20 && tens % 10 == 0 && ones >= 1 && ones <= 9 && dash[1] != 'a') {
		*used = 1;
		return tens + ones;
	}
	return 0;
}

int tx_count_at(const scan *s, size_t i, size_t *used)
{
	if (i >= s->n)
		return 0;
	const word *w = &s->w[i];
	if (w->num > 0 && w->ndigits <= 3 && !w->ordinal) {
		*used = 1;
		return w->num;
	}
	if (w->kind == K_NONE) {
		/* only a tens word ("twenty-", "forty-", "sixty-", "eighty-", "ninety-") can start a count here */
		char c0 = w->low[0], c1 = w->low[1];
		if ((c0 == 't' && (c1 == 'w' || c1 == 'h')) || (c0 == 'f' && (c1 == 'o' || c1 == 'i')) ||
		    (c0 == 's' && (c1 == 'i' || c1 == 'e')) || (c0 == 'e' && c1 == 'i') || (c0 == 'n' && c1 == 'i'))
			return compound_count(s, i, used);
		return 0;
	}
	if (w->kind == K_COUNT) {
		if (w->val >= 20) {
			int c = compound_count(s, i, used);
			if (c)
				return c;
		}
		*used = 1;
		if ((is(s, i, "a") || is(s, i, "the")) && i + 1 < s->n && (is(s, i + 1, "few") || is(s, i + 1, "couple"))) {
			*used = 2 + is(s, i + 2, "of");
			return s->w[i + 1].val;
		}
		return w->val;
	}
	return 0;
}

cr_dayrange tx_shift_unit(cr_dayrange base, int unit_days, int n, int *gran)
{
	if (unit_days == 365) {
		*gran = G_YEAR;
		cr_dayrange r = shift_years(base, n);
		return cr_range_year(year_of(r.earliest));
	}
	if (unit_days == 3650) {
		*gran = G_DECADE;
		return shift_years(base, n * 10);
	}
	if (unit_days == 30) {
		*gran = base.latest - base.earliest <= 1 ? G_DAY : G_MONTH;
		if (*gran == G_MONTH)
			return shift_months(base, n);
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
void tx_fmt_duration(char *out, size_t cap, int n, int unit)
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
static void fmt_duration_half(char *out, size_t cap, int n, int unit)
{
	switch (unit) {
	case -1: snprintf(out, cap, "PT%dH30M", n); break;
	case -2: snprintf(out, cap, "PT%dM30S", n); break;
	case 1: snprintf(out, cap, "P%dDT12H", n); break;
	case 30: snprintf(out, cap, "P%dM15D", n); break;
	case 365: snprintf(out, cap, "P%dY6M", n); break;
	case 3650: snprintf(out, cap, "P%dY", 10 * n + 5); break;
	default: tx_fmt_duration(out, cap, n, unit);   /* half a week: no clean TIMEX3 */
	}
}

/* "1/2" or "and a half" at i: the words it takes, or 0. */
static size_t half_at(const scan *s, size_t i)
{
	if (i + 2 < s->n && s->w[i].num == 1 && is(s, i + 1, "/") && s->w[i + 2].num == 2 &&
	    s->w[i + 1].start == s->w[i].end && s->w[i + 2].start == s->w[i + 1].end)
		return 3;
	if (is(s, i, "and") && is(s, i + 1, "a") && is(s, i + 2, "half"))
		return 3;
	return 0;
}

/* Each rule returns the number of words it took at i (0 = no match). */

static size_t rule_iso(scan *s, size_t i)
{
	const char *t = s->text + s->w[i].start;
	size_t l = s->w[i].end - s->w[i].start;
	int32_t z;
	if (l != 10 || !cr_day_parse(t, &z))
		return 0;
	tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, (cr_dayrange){z, z}, G_DAY, NULL);
	return 1;
}

/*
 * Numeric dates with a four-digit year, month first as American wires
 * write them: 3/9/2022, 03/09/2022. A day over 12 in the first place makes
 * it day first (9/3 is ambiguous and read month first).
 */
static size_t rule_numeric(scan *s, size_t i)
{
	if (!(i + 4 < s->n && s->w[i].ndigits && s->w[i].ndigits <= 2 && is(s, i + 1, "/") && s->w[i + 2].ndigits &&
	      s->w[i + 2].ndigits <= 2 && is(s, i + 3, "/") && is_year(s, i + 4)))
		return 0;
	for (size_t k = i; k < i + 4; k++)
		if (s->w[k].end != s->w[k + 1].start || s->w[k].ordinal)
			return 0;
	int a = s->w[i].num, b = s->w[i + 2].num, y = s->w[i + 4].num;
	int m = a, d = b;
	if (a > 12)
		m = b, d = a;
	if (m < 1 || m > 12 || d < 1 || d > cr_days_in_month(y, m))
		return 0;
	tx_emit(s, i, i + 5, CR_TIMEX_DATE, CR_ANCHOR_NONE, day_range(y, m, d), G_DAY, NULL);
	return 5;
}

/* month day / day month, with an optional year and "last year"/"this year" */
size_t tx_rule_day_month(scan *s, size_t i)
{
	size_t j;
	int m, d;
	if (is_day(s, i) && (is_month(s, i + 1) || (is(s, i + 1, "of") && is_month(s, i + 2)))) {
		d = s->w[i].num;
		j = i + 1 + is(s, i + 1, "of");
		m = s->w[j].val;
		j++;
	} else if (is_month(s, i) && is_day(s, i + 1) &&
	           !(i + 3 < s->n && is(s, i + 2, ":") && s->w[i + 3].start == s->w[i + 2].end && s->w[i + 3].ndigits)) {
		/* "May 9:30" is a clock time; "Oct. 26: The debate" is a date */
		m = s->w[i].val;
		d = s->w[i + 1].num;
		j = i + 2;
		/* "March 9 2,000 troops": a number after is not a year unless it looks like one */
	} else {
		return 0;
	}
	if (d > 31 || m < 1)
		return 0;
	int year = -1;
	size_t k = j;
	if (is(s, k, ",") || ((is(s, k, "of") || is(s, k, "in")) && is_year(s, k + 1)))
		k++;   /* "March 9, 2022", "July 4th of 1995" */
	if (is_year(s, k)) {
		year = s->w[k].num;
		j = k + 1;
	}
	uint8_t anchor = CR_ANCHOR_NONE;
	cr_dayrange r = none();
	int32_t a = 0, width = 0;
	if (year < 0 && (is(s, j, "last") || is(s, j, "this") || is(s, j, "next")) && is(s, j + 1, "year")) {
		int off = is(s, j, "last") ? -1 : is(s, j, "next") ? 1 : 0;
		j += 2;
		anchor = CR_ANCHOR_DOCUMENT;
		if (tx_doc_anchor(s, &a, &width))
			year = year_of(a) + off;
	} else if (year < 0) {
		anchor = CR_ANCHOR_DOCUMENT;
		if (tx_doc_anchor(s, &a, &width))
			year = tx_nearest_year(a, m, d, tx_tense(s));
	}
	char value[40];
	if (year >= 0) {
		if (d > cr_days_in_month(year, m))
			return 0;
		r = tx_widen(day_range(year, m, d), width);
		tx_fmt_value(value, sizeof value, day_range(year, m, d), G_DAY);
	} else {
		snprintf(value, sizeof value, "XXXX-%02d-%02d", m, d);
	}
	tx_emit(s, i, j, CR_TIMEX_DATE, anchor, r, G_DAY, value);
	return j - i;
}

static size_t rule_month_year(scan *s, size_t i)
{
	if (!is_month(s, i) || !is_year(s, i + 1))
		return 0;
	int m = s->w[i].val, y = s->w[i + 1].num;
	tx_emit(s, i, i + 2, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_month(y, m), G_MONTH, NULL);
	return 2;
}

/* early/mid/late YEAR|MONTH|DECADE, "the end of 2016", "the beginning of March" */
/* "mid-November", "mid-2016", "early-1990s" written as one word */
static size_t rule_part_hyphen(scan *s, size_t i)
{
	const char *w = s->w[i].low, *dash = strchr(w, '-');
	if (!dash || dash == w)
		return 0;
	word head = {0}, tail = {0};
	snprintf(head.low, sizeof head.low, "%.*s", (int)(dash - w), w);
	snprintf(tail.low, sizeof tail.low, "%s", dash + 1);
	classify(s->ctx, &head);
	classify(s->ctx, &tail);
	if (head.kind != K_PART || strncmp(w, "end-", 4) == 0 || strncmp(w, "start-", 6) == 0)
		return 0;
	int p1 = head.val, p2 = head.val2;
	int d1 = p1 <= 4 ? 1 : p1 <= 8 ? 11 : 21;
	cr_dayrange r = none();
	char value[40];
	uint8_t anchor = CR_ANCHOR_NONE;
	if (tail.kind == K_MONTH) {
		int m = tail.val, y = -1;
		size_t end = i + 1;
		if (is_year(s, end))
			y = s->w[end++].num;
		int32_t a, width = 0;
		if (y < 0) {
			anchor = CR_ANCHOR_DOCUMENT;
			if (tx_doc_anchor(s, &a, &width))
				y = tx_nearest_year_month(a, m, tx_tense(s));
		}
		if (y >= 0) {
			int d2 = p1 <= 4 ? 10 : p1 <= 8 ? 20 : cr_days_in_month(y, m);
			r = tx_widen((cr_dayrange){cr_days_from_civil(y, m, d1), cr_days_from_civil(y, m, d2)}, width);
			snprintf(value, sizeof value, "%04d-%02d", y, m);
		} else {
			snprintf(value, sizeof value, "XXXX-%02d", m);
		}
		tx_emit(s, i, end, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
		return end - i;
	}
	if (tail.ndigits == 4 && tail.num >= 1000 && tail.num <= 2100 && !tail.ordinal) {
		int y = tail.num;
		if (strlen(tail.low) == 5) {   /* "mid-1990s" */
			int dec = y - y % 10;
			int a = dec + (p1 <= 4 ? 0 : p1 <= 8 ? 4 : 7), b = dec + (p1 <= 4 ? 3 : p1 <= 8 ? 6 : 9);
			tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE,
			     (cr_dayrange){cr_days_from_civil(a, 1, 1), cr_days_from_civil(b, 12, 31)}, G_DECADE, NULL);
			return 1;
		}
		if (strlen(tail.low) != 4)
			return 0;
		snprintf(value, sizeof value, "%04d", y);
		tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, part_of_year(y, p1, p2), G_SPAN, value);
		return 1;
	}
	return 0;
}

static size_t rule_part(scan *s, size_t i)
{
	size_t j = i;
	bool the = is(s, j, "the");
	if (the)
		j++;
	if (j >= s->n || s->w[j].kind != K_PART)
		return 0;
	int p1 = s->w[j].val, p2 = s->w[j].val2;
	bool needs_of = is(s, j, "end") || is(s, j, "beginning") || is(s, j, "start") || is(s, j, "middle");
	if (needs_of && !the)
		return 0;
	j++;
	if (needs_of) {
		if (!is(s, j, "of"))
			return 0;
		j++;
		if (is(s, j, "the"))
			j++;
	} else if (is(s, j, "-")) {
		j++;   /* "mid-2016" split by a tokenizer that kept the hyphen apart */
	}
	size_t start = the ? i + 1 : i;
	if (is_year(s, j)) {
		int y = s->w[j].num;
		tx_emit(s, start, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, part_of_year(y, p1, p2), G_SPAN, NULL);
		snprintf(s->out.items[s->out.len - 1].value, 40, "%04d", y);
		return j + 1 - i;
	}
	if (j < s->n && s->w[j].num >= 1000 && s->w[j].ndigits == 4 && strcmp(s->w[j].low + 4, "s") == 0) {
		int dec = s->w[j].num - s->w[j].num % 10;
		int a = dec + (p1 <= 4 ? 0 : p1 <= 8 ? 4 : 7), b = dec + (p1 <= 4 ? 3 : p1 <= 8 ? 6 : 9);
		cr_dayrange r = {cr_days_from_civil(a, 1, 1), cr_days_from_civil(b, 12, 31)};
		tx_emit(s, start, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, r, G_DECADE, NULL);
		return j + 1 - i;
	}
	if (is_month(s, j)) {
		int m = s->w[j].val;
		int y = -1;
		size_t k = j + 1;
		if (is_year(s, k))
			y = s->w[k++].num;
		int32_t a, width = 0;
		uint8_t anchor = CR_ANCHOR_NONE;
		if (y < 0) {
			anchor = CR_ANCHOR_DOCUMENT;
			if (tx_doc_anchor(s, &a, &width))
				y = tx_nearest_year_month(a, m, tx_tense(s));
		}
		cr_dayrange r = none();
		char value[40];
		if (y >= 0) {
			int dim = cr_days_in_month(y, m);
			int d1 = p1 <= 4 ? 1 : p1 <= 8 ? 11 : 21, d2 = p1 <= 4 ? 10 : p1 <= 8 ? 20 : dim;
			r = tx_widen((cr_dayrange){cr_days_from_civil(y, m, d1), cr_days_from_civil(y, m, d2)}, width);
			snprintf(value, sizeof value, "%04d-%02d", y, m);
		} else {
			snprintf(value, sizeof value, "XXXX-%02d", m);
		}
		tx_emit(s, start, k, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
		return k - i;
	}
	return 0;
}

static size_t rule_decade(scan *s, size_t i)
{
	size_t j = i;
	if (is(s, j, "the"))
		j++;
	if (j >= s->n || s->w[j].ndigits != 4 || strcmp(s->w[j].low + 4, "s") != 0 || s->w[j].num % 10 != 0)
		return 0;
	int dec = s->w[j].num;
	tx_emit(s, j, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, (cr_dayrange){cr_days_from_civil(dec, 1, 1),
	                                                               cr_days_from_civil(dec + 9, 12, 31)}, G_DECADE, NULL);
	return j + 1 - i;
}

/* between 2015 and 2016, from 2015 to 2016, 2015-2016, 2015 to 2016 */
static size_t rule_year_span(scan *s, size_t i)
{
	size_t j = i;
	bool opener = is(s, j, "between") || is(s, j, "from");
	if (opener)
		j++;
	if (!is_year(s, j))
		return 0;
	size_t k = j + 1;
	if (is(s, k, "and") || is(s, k, "to") || is(s, k, "-") || is(s, k, "\xE2"))
		k++;
	else
		return 0;
	if (!is_year(s, k) || s->w[k].num < s->w[j].num || s->w[k].num - s->w[j].num > 50)
		return 0;
	if (!opener && !tx_year_context(s, i))
		return 0;
	int y1 = s->w[j].num, y2 = s->w[k].num;
	if (!is(s, j + 1, "-") && !is(s, j + 1, "\xE2")) {
		/* "between 1994 and 1997", "from 1991 to 1997": two dates, as TimeML marks them
		 * (the span between them is a relation, not an expression) */
		tx_emit(s, j, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_year(y1), G_YEAR, NULL);
		tx_emit(s, k, k + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_year(y2), G_YEAR, NULL);
		return k + 1 - i;
	}
	char value[40];
	snprintf(value, sizeof value, "%04d/%04d", y1, y2);
	tx_emit(s, j, k + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE,
	     (cr_dayrange){cr_days_from_civil(y1, 1, 1), cr_days_from_civil(y2, 12, 31)}, G_SPAN, value);
	return k + 1 - i;
}

/* Words that may follow a year in date context: "in 2014 he ...", not "in 2014 people". */
static bool follows_year(const scan *s, size_t k)
{
	static const char *const ok[] = {
		"and", "when", "to", "as", "in", "after", "before", "until", "or", "but", "that", "he", "she", "it", "they",
		"we", "i", "you", "there", "his", "her", "its", "their", "our", "this", "the", "a", "an", "was", "were",
		"is", "are", "had", "has", "have", "will", "would", "could", "for", "at", "on", "with", "by", "from", "of",
		"while", "election", "elections", "season", "war", "through", "alone", "only", "where", "which", "who",
		"saw", "marked", "brought", "ended", "began"};
	for (size_t q = 0; q < CR_ARRAY_LEN(ok); q++)
		if (is(s, k, ok[q]))
			return true;
	return false;
}

static bool determiner(const scan *s, size_t k)
{
	static const char *const det[] = {"the", "its", "his", "her", "their", "our", "my", "your", "'s", "a", "an",
	                                  "that", "this", "these", "those"};
	for (size_t q = 0; q < CR_ARRAY_LEN(det); q++)
		if (is(s, k, det[q]))
			return true;
	return k < s->n && !s->w[k].punct && strlen(s->w[k].low) > 2 &&
	       strcmp(s->w[k].low + strlen(s->w[k].low) - 2, "'s") == 0;
}

static bool is_modifier_year(const scan *s, size_t i)
{
	/* "the 1996 law", "its 1989 operating profit", "Ukraine's 2014 revolution" */
	return i > 0 && determiner(s, i - 1) && s->w[i].num >= 1900 && s->w[i].num <= 2100;
}

static size_t rule_year(scan *s, size_t i)
{
	if (!is_year(s, i) || tx_zoned_clock(s, i))
		return 0;   /* "(1023 GMT)" is a clock time */
	bool modifier = is_modifier_year(s, i);
	if (!modifier && !tx_year_context(s, i))
		return 0;
	/* "in 2014 people" is no date; a count with a noun after it is the number recognizer's */
	if (!modifier && i + 1 < s->n && !s->w[i + 1].punct && !s->w[i + 1].cap && s->w[i + 1].kind == K_NONE &&
	    !follows_year(s, i + 1))
		return 0;
	int y = s->w[i].num;
	/* "fiscal 1989": the word is part of the name (the fiscal year is the company's, its value the year) */
	size_t start = i > 0 && is(s, i - 1, "fiscal") ? i - 1 : i;
	tx_emit(s, start, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_year(y), G_YEAR, NULL);
	return 1;
}

static const char *const season_code[] = {"SP", "SU", "FA", "WI"};

/* A season of year y as a range: spring March-May, summer June-August, autumn September-November,
   winter December to February of the next year. */
static cr_dayrange season_range(int y, int start)
{
	int y2 = start == 12 ? y + 1 : y, m2 = start == 12 ? 2 : start + 2;
	return (cr_dayrange){cr_days_from_civil(y, start, 1), cr_days_from_civil(y2, m2, cr_days_in_month(y2, m2))};
}

/* this summer, last fall, the summer of 2016, in winter, summer 2016 */
static size_t rule_season(scan *s, size_t i)
{
	size_t j = i;
	int off = 0;
	bool rel = false;
	if (is(s, j, "this") || is(s, j, "last") || is(s, j, "next") || is(s, j, "past")) {
		off = is(s, j, "last") ? -1 : is(s, j, "next") ? 1 : 0;
		rel = true;
		j++;
		if (is(s, j, "past"))   /* "this past spring" */
			off = -1, j++;
	} else if (is(s, j, "the") || is(s, j, "early") || is(s, j, "late")) {
		j++;
	}
	if (j >= s->n || s->w[j].kind != K_SEASON)
		return 0;
	int start = s->w[j].val;
	size_t end = j + 1;
	int y = -1;
	if (is(s, end, "of") && is_year(s, end + 1)) {
		y = s->w[end + 1].num;
		end += 2;
	} else if (is_year(s, end)) {
		y = s->w[end].num;
		end++;
	}
	/* "fall" and "spring" are verbs too: alone they need a determiner or "in" before them */
	if (!rel && j == i && y < 0 && !(i > 0 && (is(s, i - 1, "in") || is(s, i - 1, "during") || is(s, i - 1, "by"))))
		return 0;
	if (y < 0 && j == i + 1 && (is(s, i, "the") || is(s, i, "early") || is(s, i, "late")) &&
	    !(s->w[j].val != 9 || i == 0 || is(s, i - 1, "in") || is(s, i - 1, "by") || is(s, i - 1, "during")))
		return 0;   /* "the fall of Mariupol" is no season */
	if (y < 0 && is(s, end, "of"))
		return 0;
	int q = start == 3 ? 0 : start == 6 ? 1 : start == 9 ? 2 : 3;
	char value[40];
	cr_dayrange r = none();
	uint8_t anchor = y >= 0 ? CR_ANCHOR_NONE : CR_ANCHOR_DOCUMENT;
	int32_t a = 0, width = 0;
	if (y < 0 && tx_doc_anchor(s, &a, &width)) {
		int ay = year_of(a);
		/* winter is named by the year it begins in: January 2023 is in winter 2022 */
		int own = start == 12 && cr_days_from_civil(ay, 3, 1) > a ? ay - 1 : ay;
		if (off < 0) {          /* last: the latest season over by the anchor */
			for (y = ay; season_range(y, start).latest >= a; y--)
				;
		} else if (off > 0) {   /* next: the first not yet begun */
			for (y = ay - 1; season_range(y, start).earliest <= a; y++)
				;
		} else if (rel) {       /* this: the anchor's own year */
			y = own;
		} else {                /* bare: the latest begun, or in a future sentence the first not over */
			for (y = ay + 1; season_range(y, start).earliest > a; y--)
				;
			if (tx_fut(s))
				for (y = ay - 1; season_range(y, start).latest < a; y++)
					;
		}
	}
	if (y >= 0) {
		r = tx_widen(season_range(y, start), width);
		snprintf(value, sizeof value, "%04d-%s", y, season_code[q]);
	} else {
		snprintf(value, sizeof value, "XXXX-%s", season_code[q]);
	}
	tx_emit(s, i, end, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
	return end - i;
}

/* the weekend, this weekend, last weekend: TIMEX3 "YYYY-Www-WE" */
static size_t rule_weekend(scan *s, size_t i)
{
	int off = is(s, i, "last") || is(s, i, "past") ? -1 : is(s, i, "next") ? 1 : is(s, i, "this") || is(s, i, "the") ? 0 : 9;
	if (off == 9 || !is(s, i + 1, "weekend"))
		return 0;
	int32_t a, width;
	cr_dayrange r = none();
	char value[40] = "XXXX-WXX-WE";
	if (tx_doc_anchor(s, &a, &width)) {
		/* the Saturday of the anchor's week, or of the week before when it is still ahead */
		int32_t sat = a - cr_weekday(a) + 5;
		if (off < 0 || (off == 0 && sat > a && !tx_fut(s)))
			sat -= 7;
		if (off > 0)
			sat += sat > a ? 0 : 7;
		r = tx_widen((cr_dayrange){sat, sat + 1}, width);
		tx_fmt_value(value, sizeof value, (cr_dayrange){sat - 5, sat + 1}, G_WEEK);
		snprintf(value + strlen(value), sizeof value - strlen(value), "-WE");
	}
	tx_emit(s, i, i + 2, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_SPAN, value);
	return 2;
}

/* in September, last March, since May */
static size_t rule_month(scan *s, size_t i)
{
	size_t j = i;
	int off = 0;
	bool rel = false;
	if (is(s, j, "last") || is(s, j, "this") || is(s, j, "next")) {
		off = is(s, j, "last") ? -1 : is(s, j, "next") ? 1 : 0;
		rel = true;
		j++;
	}
	if (!is_month(s, j))
		return 0;
	size_t ml = strlen(s->w[j].low);
	bool poss = ml > 2 && strcmp(s->w[j].low + ml - 2, "'s") == 0;   /* "December's figures" */
	if (!rel && !poss &&
	    !(j > 0 && (is(s, j - 1, "in") || is(s, j - 1, "since") || is(s, j - 1, "by") || is(s, j - 1, "until") ||
	                is(s, j - 1, "during") || is(s, j - 1, "from") || is(s, j - 1, "of") || is(s, j - 1, "early") ||
	                is(s, j - 1, "through") || is(s, j - 1, "for") || determiner(s, j - 1))))
		return 0;   /* "for October", "a June agreement", "the October slaying" */
	if (is(s, j, "may") && !rel && j > 0 && !is(s, j - 1, "in") && !is(s, j - 1, "since"))
		return 0;
	int m = s->w[j].val;
	int32_t a = 0, width = 0;
	cr_dayrange r = none();
	char value[40];
	if (rel && is_day(s, j + 1) && !is(s, j + 2, ":") && tx_doc_anchor(s, &a, &width)) {
		/* "last Oct. 23": the latest such day before the anchor; "next June 4" the first after */
		int d = s->w[j + 1].num, ay = year_of(a), y = ay;
		if (d > cr_days_in_month(ay, m))
			return 0;
		if (off < 0 && cr_days_from_civil(ay, m, d) >= a)
			y = ay - 1;
		if (off > 0 && cr_days_from_civil(ay, m, d) <= a)
			y = ay + 1;
		if (d > cr_days_in_month(y, m))
			return 0;
		tx_fmt_value(value, sizeof value, day_range(y, m, d), G_DAY);
		tx_emit(s, i, j + 2, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, tx_widen(day_range(y, m, d), width), G_DAY, value);
		return j + 2 - i;
	}
	snprintf(value, sizeof value, "XXXX-%02d", m);
	/* "in March last year": the year is said, relative to the publication date */
	if (!rel && (is(s, j + 1, "last") || is(s, j + 1, "this") || is(s, j + 1, "next")) && is(s, j + 2, "year")) {
		int yoff = is(s, j + 1, "last") ? -1 : is(s, j + 1, "next") ? 1 : 0;
		size_t end = j + 3;
		if (tx_doc_anchor(s, &a, &width)) {
			int y = year_of(a) + yoff;
			r = tx_widen(cr_range_month(y, m), width);
			snprintf(value, sizeof value, "%04d-%02d", y, m);
		}
		tx_emit(s, i, end, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_MONTH, value);
		return end - i;
	}
	if (tx_doc_anchor(s, &a, &width)) {
		int y;
		if (rel && off != 0) {
			int ay = year_of(a);
			y = off < 0 ? (cr_days_from_civil(ay, m, 1) < a ? ay : ay - 1) : (cr_days_from_civil(ay, m, 1) > a ? ay : ay + 1);
		} else if (rel) {
			y = year_of(a);
		} else {
			y = tx_nearest_year_month(a, m, tx_tense(s));
		}
		r = tx_widen(cr_range_month(y, m), width);
		snprintf(value, sizeof value, "%04d-%02d", y, m);
	}
	tx_emit(s, i, j + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_MONTH, value);
	return j + 1 - i;
}

static const char *const daypart_suffix[] = {"", "MO", "AF", "EV", "NI"};

static bool future_near(const scan *s, size_t i);

/*
 * Friday, on Friday, last Friday, Friday morning, "Monday, Oct. 26" (the
 * full date wins). A capitalised weekday is a date wherever it stands; it
 * is the latest such day on or before the anchor, or in a future sentence
 * the first on or after it.
 */
size_t tx_rule_weekday(scan *s, size_t i)
{
	size_t j = i;
	int off = 0;
	bool coming = false;
	if (is(s, j, "last") || is(s, j, "next") || is(s, j, "this")) {
		off = is(s, j, "last") ? -1 : is(s, j, "next") ? 1 : 0;
		j++;
	}
	if (off == 0 && is(s, j, "coming") && is_weekday(s, j + 1)) {
		coming = true;   /* "this coming Sunday": the first one ahead */
		j++;
	}
	if (!is_weekday(s, j))
		return 0;
	/* "Monday, Oct. 26" / "Monday Oct. 26": the date says it all */
	if (off == 0) {
		size_t k = j + 1 + is(s, j + 1, ",");
		size_t before = s->out.len;
		size_t took = k < s->n && !s->w[k].punct ? tx_rule_day_month(s, k) : 0;
		if (!took)
			took = k < s->n && !s->w[k].punct ? rule_iso(s, k) : 0;
		if (took && s->out.len == before + 1) {
			s->out.items[before].start = s->w[i].start;
			return k + took - i;
		}
	}
	int wd = s->w[j].val;
	int32_t a = 0, width = 0;
	cr_dayrange r = none();
	char value[40];
	snprintf(value, sizeof value, "XXXX-WXX-%d", wd + 1);
	if (tx_doc_anchor(s, &a, &width)) {
		int32_t z = a - ((cr_weekday(a) - wd + 7) % 7);   /* on or before the anchor */
		if (off < 0 && z == a)
			z -= 7;
		/* "Wednesday's ruling" is news, not a plan */
		size_t wl = strlen(s->w[j].low);
		bool poss = wl > 2 && strcmp(s->w[j].low + wl - 2, "'s") == 0;
		if (off > 0 || coming || (off == 0 && !poss && future_near(s, i)))
			z = a + ((wd - cr_weekday(a) + 7) % 7);
		if (off > 0 && z == a)
			z += 7;
		r = tx_widen((cr_dayrange){z, z}, width);
		tx_fmt_value(value, sizeof value, (cr_dayrange){z, z}, G_DAY);
	}
	uint8_t type = CR_TIMEX_DATE;
	size_t end = j + 1;
	if (end < s->n && s->w[end].kind == K_DAYPART) {
		size_t l = strlen(value);
		snprintf(value + l, sizeof value - l, "T%s", daypart_suffix[s->w[end].val >= 1 && s->w[end].val <= 4 ? s->w[end].val : 4]);
		type = CR_TIMEX_TIME;
		end++;
	}
	tx_emit(s, i, end, type, CR_ANCHOR_DOCUMENT, r, G_DAY, value);
	return end - i;
}

/* today 1, yesterday 2, tomorrow 3, tonight 4, or their possessive ("today's"); 0 otherwise. */
static int deictic_day(const char *low)
{
	if (low[0] != 't' && low[0] != 'y')
		return 0;
	size_t l = strlen(low);
	if (l > 2 && low[l - 2] == '\'' && low[l - 1] == 's')
		l -= 2;
	static const char *const days[] = {"today", "yesterday", "tomorrow", "tonight"};
	for (int k = 0; k < 4; k++)
		if (strlen(days[k]) == l && strncmp(low, days[k], l) == 0)
			return k + 1;
	return 0;
}

/* today, yesterday, tomorrow; last/this/next week|month|year; earlier/later this month|year */
size_t tx_rule_deictic(scan *s, size_t i)
{
	int32_t a = 0, width = 0;
	bool have = tx_doc_anchor(s, &a, &width);
	int y = 0, m = 0, d = 0;
	if (have)
		cr_civil_from_days(a, &y, &m, &d);
	/* today, yesterday, tomorrow [morning]; tonight; this morning, last night */
	int part = 0;
	size_t took = 0;
	int off = 0;
	int dd = deictic_day(s->w[i].low);
	if (dd) {
		off = dd == 2 ? -1 : dd == 3 ? 1 : 0;
		took = 1;
		if (dd == 4)
			part = 4;
		else if (i + 1 < s->n && s->w[i + 1].kind == K_DAYPART)
			part = s->w[i + 1].val, took = 2;
	} else if ((is(s, i, "this") || is(s, i, "last")) && i + 1 < s->n && s->w[i + 1].kind == K_DAYPART &&
	           (is(s, i, "this") || is(s, i + 1, "night"))) {
		off = is(s, i, "last") ? -1 : 0;
		part = s->w[i + 1].val;
		took = 2;
	}
	if (took) {
		cr_dayrange r = have ? tx_widen((cr_dayrange){a + off, a + off}, width) : none();
		char value[40];
		if (have)
			tx_fmt_value(value, sizeof value, (cr_dayrange){a + off, a + off}, G_DAY);
		else
			snprintf(value, sizeof value, "%s", off ? "XXXX-XX-XX" : "PRESENT_REF");
		if (part >= 1 && part <= 4 && have)
			snprintf(value + 10, sizeof value - 10, "T%s", daypart_suffix[part]);
		tx_emit(s, i, i + took, part ? CR_TIMEX_TIME : CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_DAY, value);
		return took;
	}
	size_t j = i;
	int edge = 0;   /* -1 earlier this, +1 later this */
	if ((is(s, j, "earlier") || is(s, j, "later")) && is(s, j + 1, "this")) {
		edge = is(s, j, "earlier") ? -1 : 1;
		j++;
	}
	if (!(is(s, j, "last") || is(s, j, "this") || is(s, j, "next") || is(s, j, "past") ||
	      (is(s, j, "current") && edge == 0)))
		return 0;
	/* "the past year" is read as "last year", as TimeBank does; "the past decade" is a span */
	off = is(s, j, "last") || is(s, j, "past") ? -1 : is(s, j, "next") ? 1 : 0;
	bool past = is(s, j, "past");
	if (j + 1 >= s->n || s->w[j + 1].kind != K_UNIT || s->w[j + 1].val < 7)
		return 0;
	size_t ul = strlen(s->w[j + 1].low);
	if (ul > 1 && s->w[j + 1].low[ul - 1] == 's' && s->w[j + 1].low[ul - 2] != '\'')
		return 0;   /* "last weeks" is no date */
	if (past && !(j > 0 && is(s, j - 1, "the")))
		return 0;
	int unit = s->w[j + 1].val;
	size_t k = j + 2;
	if (is(s, k, "'s") || is(s, k, "'"))
		k++;
	if (past && unit == 3650) {
		/* "the past decade": ten years up to now, a duration */
		tx_emit(s, j - 1, k, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, "P10Y");
		return k - i;
	}
	/* "the past year", "the last week": the article is part of the expression */
	size_t start = i == j && (past || off < 0) && j > 0 && is(s, j - 1, "the") ? j - 1 : i;
	cr_dayrange r = none();
	int gran = G_SPAN;
	char value[40] = "";
	if (have) {
		if (unit == 365) {
			r = cr_range_year(y + off);
			gran = G_YEAR;
		} else if (unit == 3650) {
			/* "the last decade" read in 1998: the 1980s */
			int d0 = (y / 10 + off) * 10;
			r = (cr_dayrange){cr_days_from_civil(d0, 1, 1), cr_days_from_civil(d0 + 9, 12, 31)};
			gran = G_DECADE;
		} else if (unit == 30) {
			r = shift_months(cr_range_month(y, m), off);
			gran = G_MONTH;
		} else {
			int32_t monday = a - cr_weekday(a) + off * 7;
			r = (cr_dayrange){monday, monday + 6};
			gran = G_WEEK;
		}
		if (edge < 0)
			r.latest = CR_MIN(r.latest, a);
		if (edge > 0)
			r.earliest = CR_MAX(r.earliest, a);
		tx_fmt_value(value, sizeof value, r, gran);
		r = tx_widen(r, width);
	} else {
		snprintf(value, sizeof value, "%s", off < 0 ? "PAST_REF" : off > 0 ? "FUTURE_REF" : "PRESENT_REF");
	}
	tx_emit(s, start, k, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, gran, value);
	return k - i;
}

/* N units ago (deictic); N units later/earlier, the next day, the following week (narrative) */
/*
 * "a year earlier" after "the third quarter" is that quarter a year before
 * (an earnings story compares quarters): when the narrative's last date is a
 * quarter, a shift by whole years keeps it a quarter. Returns true and
 * emits when it applies.
 */
static bool year_shift_of_quarter(scan *s, size_t i, size_t end, int years, uint8_t anchor)
{
	const char *v = s->nar_value;
	if (strlen(v) != 7 || v[4] != '-' || v[5] != 'Q' || v[6] < '1' || v[6] > '4')
		return false;
	int y = atoi(v) + years, q = v[6] - '0';
	char value[40];
	snprintf(value, sizeof value, "%04d-Q%d", y, q);
	cr_dayrange keep = s->narrative;
	char kv[40];
	snprintf(kv, sizeof kv, "%s", s->nar_value);
	tx_emit(s, i, end, CR_TIMEX_DATE, anchor, quarter_range(y, q), G_SPAN, value);
	s->narrative = keep;   /* the comparison does not move the story */
	snprintf(s->nar_value, sizeof s->nar_value, "%s", kv);
	return true;
}

static size_t rule_relative(scan *s, size_t i)
{
	size_t used = 0, j = i;
	int n = 0;
	bool following = false;
	if ((is(s, j, "the") && (is(s, j + 1, "next") || is(s, j + 1, "following") || is(s, j + 1, "previous") ||
	                         is(s, j + 1, "preceding")))) {
		n = is(s, j + 1, "next") || is(s, j + 1, "following") ? 1 : -1;
		j += 2;
		following = true;
	} else if (is(s, j, "the") && j + 2 < s->n && s->w[j + 1].kind == K_UNIT && s->w[j + 1].val > 0 &&
	           (is(s, j + 2, "before") || is(s, j + 2, "after")) &&
	           (j + 3 >= s->n || s->w[j + 3].punct)) {
		/* "the day before." / "the week after," : a step from the narrative */
		n = 1;
		j += 1;
	} else {
		n = tx_count_at(s, j, &used);
		if (!n)
			return 0;
		j += used;
	}
	if (j >= s->n || s->w[j].kind != K_UNIT)
		return 0;
	int unit = s->w[j].val;
	if (unit <= 0)
		return 0;   /* "two hours later": a duration here, no day arithmetic */
	j++;
	int32_t a = 0, width = 0;
	int gran = G_DAY;
	if (!following && is(s, j, "ago")) {
		if (!tx_doc_anchor(s, &a, &width)) {
			tx_emit(s, i, j + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, none(), G_DAY, "PAST_REF");
			return j + 1 - i;
		}
		if (unit == 365 && !vague_count(s, i) && year_shift_of_quarter(s, i, j + 1, -n, CR_ANCHOR_DOCUMENT))
			return j + 1 - i;
		cr_dayrange r = tx_shift_unit((cr_dayrange){a, a}, unit, -n, &gran);
		/* "three months ago" is a month, not a day: the unit sets the grain */
		int y, m, d;
		cr_civil_from_days(r.earliest, &y, &m, &d);
		if (unit == 30) {
			r = cr_range_month(y, m);
			gran = G_MONTH;
		} else if (unit == 3650) {
			r = cr_range_year(y);   /* "a decade ago" read in 1999 is 1989, not the 1980s */
			gran = G_YEAR;
		} else if (unit == 7 || unit == 14) {
			int32_t monday = r.earliest - cr_weekday(r.earliest);
			r = (cr_dayrange){monday, monday + 6};
			gran = G_WEEK;
		}
		char value[40];
		tx_fmt_value(value, sizeof value, r, gran);
		if (vague_count(s, i))
			snprintf(value, sizeof value, "PAST_REF");
		tx_emit(s, i, j + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, tx_widen(r, width), gran, value);
		return j + 1 - i;
	}
	int dir = 0;
	if (following)
		dir = n;
	else if (is(s, j, "later") || is(s, j, "after") || is(s, j, "afterwards"))
		dir = n;
	else if (is(s, j, "earlier") || is(s, j, "before") || is(s, j, "previously"))
		dir = -n;
	else
		return 0;
	/* "months after he was put in charge" anchors to an event, not to the narrative */
	size_t end = following ? j : j + 1;
	if (!following && (is(s, j, "after") || is(s, j, "before")) && j + 1 < s->n && !s->w[j + 1].punct)
		return 0;
	cr_dayrange base = known(s->narrative) ? s->narrative : s->pub;
	if (!known(base)) {
		tx_emit(s, i, end, CR_TIMEX_DATE, CR_ANCHOR_NARRATIVE, none(), G_DAY, "XXXX-XX-XX");
		return end - i;
	}
	if (unit == 365 && known(s->narrative) && year_shift_of_quarter(s, i, end, dir, CR_ANCHOR_NARRATIVE))
		return end - i;
	cr_dayrange r;
	if (unit == 365 && !following && base.earliest == base.latest && n == 1) {
		/* "a year earlier" than a day is that day (TimeBank's comparisons); "six years earlier" is a year */
		r = shift_years(base, dir);
		gran = G_DAY;
	} else {
		r = tx_shift_unit(base, unit, dir, &gran);
	}
	tx_emit(s, i, end, CR_TIMEX_DATE, CR_ANCHOR_NARRATIVE, r, gran, NULL);
	return end - i;
}

/* three-month, month-long, for six years: durations, no interval */
static size_t rule_duration(scan *s, size_t i)
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
		classify(s->ctx, &hw);
		classify(s->ctx, &tw);
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
		tx_fmt_duration(value, sizeof value, n, unit);
		tx_emit(s, i, i + 1, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 1;
	}
	if ((is(s, i, "for") || is(s, i, "within")) && i + 1 < s->n && s->w[i + 1].kind == K_UNIT &&
	    s->w[i + 1].val != 0 && strlen(s->w[i + 1].low) > 1 && s->w[i + 1].low[strlen(s->w[i + 1].low) - 1] == 's') {
		/* "for years", "within weeks": a vague duration, "for" left out */
		char value[40];
		tx_fmt_duration(value, sizeof value, -1, s->w[i + 1].val);
		tx_emit(s, i + 1, i + 2, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 2;
	}
	if (is(s, i, "for")) {
		size_t used;
		int n = tx_count_at(s, i + 1, &used);
		if (n && i + 1 + used < s->n && s->w[i + 1 + used].kind == K_UNIT) {
			int unit = s->w[i + 1 + used].val;
			char value[40];
			tx_fmt_duration(value, sizeof value, n, unit);
			tx_emit(s, i + 1, i + 2 + used, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
			return 2 + used;
		}
	}
	return 0;
}

/* now, currently (PRESENT_REF), recently (PAST_REF), the future, the past */
static size_t rule_ref(scan *s, size_t i)
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
	           !is(s, i + 1, "afterwards") && tx_fut(s)) {
		/* "will soon begin", "may soon seek"; not "as soon as", "soon after" */
		v = 1;
		j = i + 1;
	} else {
		return 0;
	}
	cr_dayrange r = none();
	if (v == 0 && known(s->pub))
		r = s->pub;
	tx_emit(s, i, j, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_DAY, v == 0 ? "PRESENT_REF" : v < 0 ? "PAST_REF" : "FUTURE_REF");
	return j - i;
}

/* daily, weekly, monthly, annually: TIMEX3 sets */
static size_t rule_set(scan *s, size_t i)
{
	if (s->w[i].kind != K_SET)
		return 0;
	int d = s->w[i].val;
	tx_emit(s, i, i + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY,
	     d == 365 ? "P1Y" : d == 30 ? "P1M" : d == 7 ? "P1W" : "P1D");
	return 1;
}

/*
 * the third quarter [of 1989], third-quarter, the fourth quarter, the
 * quarter, the latest quarter, last quarter. An ordinal quarter without a
 * year is the last such quarter begun by the anchor; a quarter without an
 * ordinal is the one reported on: the quarter that held the day 45 days
 * before the anchor ("the quarter" in an October earnings story is Q3).
 */
/*
 * A quarter or half named with its year first: "the 1988 third quarter",
 * "this year's third quarter", "next year's first quarter"; without an
 * ordinal ("the 1988 quarter", "the 1989 period", "last year's quarter")
 * it is the quarter the story is about, the narrative's last quarter, in
 * that year. Returns the words taken, 0 when it does not apply.
 */
static size_t year_quarter(scan *s, size_t i)
{
	char c0 = s->w[i].low[0];
	if (c0 != 't' && c0 != 'l' && c0 != 'n' && !cr_is_digit((unsigned char)c0))
		return 0;   /* the, this, last, next or a year */
	size_t j = i + is(s, i, "the");
	int y = -1;
	uint8_t anchor = CR_ANCHOR_NONE;
	if (is_year(s, j) && (j > i || (i > 0 && !is_year(s, i - 1)))) {
		y = s->w[j].num;
		j++;
	} else if (j == i && (is(s, j, "this") || is(s, j, "last") || is(s, j, "next")) &&
	           (is(s, j + 1, "year's") || (is(s, j + 1, "year") && is(s, j + 2, "'s")))) {
		int32_t a, width;
		if (!tx_doc_anchor(s, &a, &width))
			return 0;
		y = year_of(a) + (is(s, j, "last") ? -1 : is(s, j, "next") ? 1 : 0);
		anchor = CR_ANCHOR_DOCUMENT;
		j += is(s, j + 1, "year's") ? 2 : 3;
	} else {
		return 0;
	}
	int q = 0;
	if (j < s->n && s->w[j].kind == K_ORD && s->w[j].val >= 1 && s->w[j].val <= 4 && is(s, j + 1, "quarter")) {
		q = s->w[j].val;
		j += 2;
	} else if (is(s, j, "quarter") || (is(s, j, "period") && j > i + 1)) {
		const char *v = s->nar_value;
		if (strlen(v) != 7 || v[4] != '-' || v[5] != 'Q' || v[6] < '1' || v[6] > '4')
			return 0;
		q = v[6] - '0';
		j++;
	} else {
		return 0;
	}
	char value[40];
	snprintf(value, sizeof value, "%04d-Q%d", y, q);
	tx_emit(s, i, j, CR_TIMEX_DATE, anchor, quarter_range(y, q), G_SPAN, value);
	return j - i;
}

static size_t rule_quarter(scan *s, size_t i)
{
	size_t yq = year_quarter(s, i);
	if (yq)
		return yq;
	size_t j = i;
	bool the = is(s, j, "the");
	if (the)
		j++;
	int q = 0, rel = 0;   /* rel: -1 last/previous, 0 latest/this */
	bool hyph = false;
	if (j < s->n && s->w[j].kind == K_ORD) {
		q = s->w[j].val;
		j++;
	} else if (j < s->n && strncmp(s->w[j].low, "first-", 6) == 0) {
		q = 1, hyph = true;
	} else if (j < s->n && strncmp(s->w[j].low, "second-", 7) == 0) {
		q = 2, hyph = true;
	} else if (j < s->n && strncmp(s->w[j].low, "third-", 6) == 0) {
		q = 3, hyph = true;
	} else if (j < s->n && strncmp(s->w[j].low, "fourth-", 7) == 0) {
		q = 4, hyph = true;
	} else if (is(s, j, "last") || is(s, j, "previous") || is(s, j, "latest") || is(s, j, "current") ||
	           is(s, j, "this")) {
		rel = is(s, j, "last") || is(s, j, "previous") ? -1 : 0;
		if (is(s, j, "current") || is(s, j, "this"))
			rel = 1;
		j++;
	} else if (!the) {
		return 0;
	}
	if (hyph) {
		const char *t = strchr(s->w[j].low, '-') + 1;
		if (strcmp(t, "quarter") != 0)
			return 0;
	} else if (!is(s, j, "quarter")) {
		return 0;
	} else if (q == 0 && rel == 0 && !the) {
		return 0;
	}
	size_t end = j + 1;
	int y = -1;
	if (is(s, end, "of") && is_year(s, end + 1)) {
		y = s->w[end + 1].num;
		end += 2;
	} else if (i > 0 && is_year(s, i - 1) && !the) {
		y = s->w[i - 1].num;   /* "1989 third-quarter" */
	}
	int32_t a = 0, width = 0;
	char value[40];
	cr_dayrange r = none();
	uint8_t anchor = y >= 0 ? CR_ANCHOR_NONE : CR_ANCHOR_DOCUMENT;
	if (y < 0 && tx_doc_anchor(s, &a, &width)) {
		int ay, am, ad;
		if (q) {
			cr_civil_from_days(a, &ay, &am, &ad);
			y = cr_days_from_civil(ay, 3 * q - 2, 1) <= a ? ay : ay - 1;
		} else {
			cr_civil_from_days(rel == 1 ? a : rel < 0 ? a - 92 : a - 45, &ay, &am, &ad);
			y = ay;
			q = (am + 2) / 3;
		}
	}
	if (y >= 0 && q) {
		r = tx_widen(quarter_range(y, q), width);
		snprintf(value, sizeof value, "%04d-Q%d", y, q);
	} else {
		snprintf(value, sizeof value, q ? "XXXX-Q%d" : "XXXX-QX", q);
	}
	tx_emit(s, i, end, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
	return end - i;
}


/*
 * Durations: [the] [past|last|next|first|coming] two weeks, a year, 13
 * years, the nine months. Tried after the anchored rules, so "two weeks
 * ago" and "a year later" never get here.
 */
static size_t rule_bare_duration(scan *s, size_t i)
{
	size_t j = i;
	if (is(s, j, "the"))
		j++;
	if (is(s, j, "past") || is(s, j, "last") || is(s, j, "next") || is(s, j, "first") || is(s, j, "coming") ||
	    is(s, j, "previous") || is(s, j, "final"))
		j++;
	size_t used = 0;
	int n = tx_count_at(s, j, &used);
	if (!n)
		return 0;
	size_t h = half_at(s, j + used);   /* "5 1/2 hours", "two and a half years" */
	j += used + h;
	if (j >= s->n || s->w[j].kind != K_UNIT)
		return 0;
	if (h) {
		if (is(s, j + 1, "old"))
			return 0;
		char hv[40];
		fmt_duration_half(hv, sizeof hv, n, s->w[j].val);
		tx_emit(s, i, j + 1, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, hv);
		return j + 1 - i;
	}
	/* "a day" after "once" is a frequency, not a span; "one year" is fine */
	if (i > 0 && is(s, i - 1, "once"))
		return 0;
	int unit = s->w[j].val;
	if (is(s, j + 1, "old") || (is(s, j + 1, "of") && is(s, j + 2, "age")))
		return 0;   /* "52 years old" is an age, which TimeBank does not mark */
	char value[40];
	tx_fmt_duration(value, sizeof value, vague_count(s, j - used - h) ? -1 : n, unit);
	size_t end = j + 1, h2 = half_at(s, end);
	if (h2 && !vague_count(s, j - used - h)) {
		fmt_duration_half(value, sizeof value, n, unit);   /* "a minute and a half" */
		end += h2;
	}
	tx_emit(s, i, end, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
	return end - i;
}

/*
 * "the year" / "the month" / "the week" as a time: after "for" a duration
 * ("for the year", P1Y); after "in", "during", "earlier in", "later in" the
 * anchor's own period. "year-earlier" / "year-ago" as adjectives: the
 * narrative's date a year before ("the year-earlier quarter").
 */
static size_t rule_the_period(scan *s, size_t i)
{
	if (is(s, i, "year-earlier") || is(s, i, "year-ago")) {
		if (known(s->narrative) && year_shift_of_quarter(s, i, i + 1, -1, CR_ANCHOR_NARRATIVE))
			return 1;
		cr_dayrange base = known(s->narrative) ? s->narrative : s->pub;
		if (!known(base))
			return 0;
		int y = year_of(base.earliest) - 1;
		cr_dayrange keep = s->narrative;
		char kv[40];
		snprintf(kv, sizeof kv, "%s", s->nar_value);
		tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NARRATIVE, cr_range_year(y), G_YEAR, NULL);
		s->narrative = keep;
		snprintf(s->nar_value, sizeof s->nar_value, "%s", kv);
		return 1;
	}
	if ((is(s, i, "later") || is(s, i, "earlier")) && is(s, i + 1, "that") &&
	    (is(s, i + 2, "year") || is(s, i + 2, "month") || is(s, i + 2, "day"))) {
		/* "later that year": the period of the narrative's last date */
		if (!known(s->narrative))
			return 0;
		int y, m, d;
		cr_civil_from_days(s->narrative.earliest, &y, &m, &d);
		cr_dayrange r = is(s, i + 2, "year") ? cr_range_year(y) : is(s, i + 2, "month") ? cr_range_month(y, m)
		                                                                                : day_range(y, m, d);
		if (is(s, i + 2, "day") && s->narrative.earliest != s->narrative.latest)
			return 0;
		tx_emit(s, i, i + 3, CR_TIMEX_DATE, CR_ANCHOR_NARRATIVE, r,
		        is(s, i + 2, "year") ? G_YEAR : is(s, i + 2, "month") ? G_MONTH : G_DAY, NULL);
		return 3;
	}
	if (is(s, i, "the") && (is(s, i + 1, "full") || is(s, i + 1, "fiscal") || is(s, i + 1, "whole")) &&
	    is(s, i + 2, "year")) {
		/* "for the full year" is the anchor's year; "the fiscal year ended Jan. 31" a year's duration */
		if (is(s, i + 3, "ended") || is(s, i + 3, "ending")) {
			tx_emit(s, i, i + 3, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, "P1Y");
			return 3;
		}
		int32_t a, width;
		if (!is(s, i + 1, "full") || !tx_doc_anchor(s, &a, &width))
			return 0;
		cr_dayrange r = cr_range_year(year_of(a));
		char value[40];
		tx_fmt_value(value, sizeof value, r, G_YEAR);
		tx_emit(s, i, i + 3, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, tx_widen(r, width), G_YEAR, value);
		return 3;
	}
	if (!is(s, i, "the") || i == 0 || !(is(s, i + 1, "year") || is(s, i + 1, "month") || is(s, i + 1, "week")))
		return 0;
	int unit = s->w[i + 1].val;
	if (is(s, i + 2, "ended") || is(s, i + 2, "ending")) {
		/* "for the year ended Sept. 30": a fiscal year, a duration */
		tx_emit(s, i, i + 2, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY,
		        unit == 365 ? "P1Y" : unit == 30 ? "P1M" : "P1W");
		return 2;
	}
	if (i + 2 < s->n && !s->w[i + 2].punct && !is(s, i + 2, "and") && !is(s, i + 2, "to") && !is(s, i + 2, "so"))
		return 0;   /* "the year before the war", "the week ahead" */
	if (is(s, i - 1, "for")) {
		tx_emit(s, i, i + 2, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY,
		     unit == 365 ? "P1Y" : unit == 30 ? "P1M" : "P1W");
		return 2;
	}
	if (!(is(s, i - 1, "in") || is(s, i - 1, "during") || is(s, i - 1, "of") || is(s, i - 1, "through") ||
	      is(s, i - 1, "throughout")))
		return 0;
	int32_t a, width;
	if (!tx_doc_anchor(s, &a, &width))
		return 0;
	int y, m, d;
	cr_civil_from_days(a, &y, &m, &d);
	cr_dayrange r;
	int gran;
	if (unit == 365)
		r = cr_range_year(y), gran = G_YEAR;
	else if (unit == 30)
		r = cr_range_month(y, m), gran = G_MONTH;
	else
		r = (cr_dayrange){a - cr_weekday(a), a - cr_weekday(a) + 6}, gran = G_WEEK;
	char value[40];
	tx_fmt_value(value, sizeof value, r, gran);
	tx_emit(s, i, i + 2, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, tx_widen(r, width), gran, value);
	return 2;
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
	classify(s->ctx, &w);
	return w.kind == K_WEEKDAY ? w.val : -1;
}

/*
 * Recurrences: every day, everyday, each week, every other Friday, every
 * three weeks, every Monday, Mondays, once a week, twice a year,
 * quarterly. TIMEX3 sets ("P1W", "XXXX-WXX-1"), no interval.
 */
static size_t rule_every(scan *s, size_t i)
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
			classify(s->ctx, &w);
			if (w.kind == K_DAYPART && w.val >= 1 && w.val <= 4) {
				snprintf(value + strlen(value), sizeof value - strlen(value), "T%s", daypart_suffix[w.val]);
				end++;
			}
		}
		tx_emit(s, i, end, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
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
		tx_emit(s, i, i + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, is(s, i, "everyday") ? "P1D" : "P3M");
		return 1;
	}
	int n = 1;
	if (is(s, i, "once") || is(s, i, "twice")) {
		/* "once a week": the frequency stays in the span, the period is the value */
		if (!(is(s, i + 1, "a") || is(s, i + 1, "per") || is(s, i + 1, "every")) || i + 2 >= s->n ||
		    s->w[i + 2].kind != K_UNIT || s->w[i + 2].val <= 0)
			return 0;
		int unit = s->w[i + 2].val;
		tx_fmt_duration(value, sizeof value, 1, unit);
		tx_emit(s, i, i + 3, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 3;
	}
	if (!(is(s, j, "every") || is(s, j, "each")))
		return 0;
	j++;
	bool other = is(s, j, "other");
	if (other)
		j++, n = 2;
	size_t used = 0;
	int c = tx_count_at(s, j, &used);
	if (c && !is(s, j, "a") && !is(s, j, "an")) {
		n = c * (other ? 2 : 1);
		j += used;
	}
	if (is_weekday(s, j) || (j < s->n && s->w[j].kind == K_WEEKDAY)) {
		snprintf(value, sizeof value, "XXXX-WXX-%d", s->w[j].val + 1);
		tx_emit(s, i, j + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
		return j + 1 - i;
	}
	if (is(s, j, "weekend")) {
		tx_emit(s, i, j + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, "XXXX-WXX-WE");
		return j + 1 - i;
	}
	if (j >= s->n || s->w[j].kind != K_UNIT || s->w[j].val == 0)
		return 0;
	tx_fmt_duration(value, sizeof value, n, s->w[j].val);
	tx_emit(s, i, j + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
	return j + 1 - i;
}

/*
 * recent years / recent weeks (vague durations, "PXY"); the 20th century,
 * this century, the last century ("19", "20": TIMEX3 centuries).
 */
static size_t rule_recent_century(scan *s, size_t i)
{
	if (is(s, i, "recent") && i + 1 < s->n && s->w[i + 1].kind == K_UNIT && s->w[i + 1].val != 0 &&
	    s->w[i + 1].low[strlen(s->w[i + 1].low) - 1] == 's') {
		char value[40];
		tx_fmt_duration(value, sizeof value, -1, s->w[i + 1].val);
		tx_emit(s, i, i + 2, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 2;
	}
	size_t j = i + is(s, i, "the");
	int c = -1;
	uint8_t anchor = CR_ANCHOR_NONE;
	if (j + 1 < s->n && is(s, j + 1, "century") && s->w[j].ordinal && s->w[j].num >= 1 && s->w[j].num <= 21) {
		c = s->w[j].num - 1;
	} else if ((is(s, i, "this") || is(s, i, "last") || is(s, i, "next")) && is(s, i + 1, "century")) {
		int32_t a, width;
		if (!tx_doc_anchor(s, &a, &width))
			return 0;
		c = year_of(a) / 100 + (is(s, i, "last") ? -1 : is(s, i, "next") ? 1 : 0);
		anchor = CR_ANCHOR_DOCUMENT;
		j = i;
	} else {
		return 0;
	}
	char value[40];
	snprintf(value, sizeof value, "%02d", c);
	cr_dayrange r = {cr_days_from_civil(c * 100, 1, 1), cr_days_from_civil(c * 100 + 99, 12, 31)};
	tx_emit(s, i, j + 2, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
	return j + 2 - i;
}

/*
 * "will leave in two weeks": in a future sentence, "in N units" is the day
 * N units after the publication date. Elsewhere ("in two years he rose to
 * colonel") it stays a duration, for rule_bare_duration.
 */
static size_t rule_in_future(scan *s, size_t i)
{
	if (!is(s, i, "in"))
		return 0;
	size_t used = 0;
	int n = tx_count_at(s, i + 1, &used);
	size_t j = i + 1 + used;
	if (!n || vague_count(s, i + 1) || j >= s->n || s->w[j].kind != K_UNIT || s->w[j].val <= 0 ||
	    s->w[j].val == 3650 || !tx_fut(s))
		return 0;
	if (is(s, j + 1, "time") || is(s, j + 1, "of"))
		return 0;   /* "in two weeks' time" is fine, "in two years of war" is not a date */
	int32_t a, width;
	if (!tx_doc_anchor(s, &a, &width))
		return 0;
	int unit = s->w[j].val, gran;
	cr_dayrange r = tx_shift_unit((cr_dayrange){a, a}, unit == 365 ? 30 : unit, unit == 365 ? 12 * n : n, &gran);
	char value[40];
	tx_fmt_value(value, sizeof value, r, G_DAY);
	tx_emit(s, i, j + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, tx_widen(r, width), G_DAY, value);
	return j + 1 - i;
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
bool tx_future_cue(const scan *s, size_t i)
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
static bool future_near(const scan *s, size_t i)
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

/*
 * Whether a rule can start at this word: a number, a calendar word, a
 * capitalised or hyphenated word, or one of the plain words of ix_starters
 * (starter, from tokenize). Most words are none of these and skip the
 * rules; a speed filter only.
 */
static bool may_start(const word *w, bool starter)
{
	if (starter || w->kind != K_NONE || w->num >= 0 || w->cap || cr_is_digit((unsigned char)w->low[0]))
		return true;
	for (const char *p = w->low; *p; p++)
		if (*p == '-')
			return true;
	return false;
}

/*
 * "the quarter a year ago", "the month a year earlier": a period followed by
 * the shift that moves it is one expression, the shifted period (the rules
 * read the shift alone as that period already).
 */
static void join_period_shift(scan *s)
{
	size_t w = 0;
	for (size_t k = 0; k < s->out.len; k++) {
		cr_timex *a = &s->out.items[k];
		if (w > 0) {
			cr_timex *p = &s->out.items[w - 1];
			const char *t = s->text;
			size_t gap = p->end;
			while (gap < a->start && t[gap] == ' ')
				gap++;
			bool shift = a->end - a->start > 6 && a->type == CR_TIMEX_DATE && p->type == CR_TIMEX_DATE &&
			             gap == a->start && a->start > p->end && strchr(p->value, 'Q') && strchr(a->value, 'Q') &&
			             (memcmp(t + a->end - 3, "ago", 3) == 0 || memcmp(t + a->end - 7, "earlier", 7) == 0) &&
			             (t[a->start] == 'a' || t[a->start] == 'A');
			if (shift) {
				uint32_t start = p->start;
				*p = *a;
				p->start = start;
				continue;
			}
		}
		s->out.items[w++] = *a;
	}
	s->out.len = w;
}

/* Whether text[..end) ends with word w (lower case) after a space or at the start. */
static bool ends_with_word(const char *t, size_t end, const char *w)
{
	size_t l = strlen(w);
	if (end < l)
		return false;
	for (size_t k = 0; k < l; k++)
		if (cr_lower((unsigned char)t[end - l + k]) != w[k])
			return false;
	return end == l || !cr_is_alpha((unsigned char)t[end - l - 1]);
}

/*
 * "the day before last Tuesday", "the day after Christmas": a day shifted by
 * one, as one expression (the rules read the day alone).
 */
static void join_day_offset(scan *s)
{
	const char *t = s->text;
	for (size_t k = 0; k < s->out.len; k++) {
		cr_timex *x = &s->out.items[k];
		if (x->type != CR_TIMEX_DATE || strlen(x->value) != 10 || !known(x->range) ||
		    x->range.earliest != x->range.latest || x->start < 2 || t[x->start - 1] != ' ')
			continue;
		size_t p = x->start - 1;
		int dir = ends_with_word(t, p, "before") ? -1 : ends_with_word(t, p, "after") ? 1 : 0;
		if (!dir)
			continue;
		p -= dir < 0 ? 6 : 5;
		if (p < 4 || t[p - 1] != ' ' || !ends_with_word(t, p - 1, "day"))
			continue;
		p -= 4;
		if (p >= 4 && t[p - 1] == ' ' && ends_with_word(t, p - 1, "the"))
			p -= 4;
		if (k > 0 && s->out.items[k - 1].end > p)
			continue;
		x->start = (uint32_t)p;
		x->range.earliest += dir;
		x->range.latest += dir;
		cr_day_format(x->range.earliest, x->value);
	}
}

/* Whether the word before byte p (after spaces) is "since". */
static bool after_since(const char *t, size_t p)
{
	while (p > 0 && t[p - 1] == ' ')
		p--;
	return p >= 5 && (p == 5 || !cr_is_alpha((unsigned char)t[p - 6])) && cr_ieq(t + p - 5, "since", 5);
}

/*
 * "since 1991" dates no event of its sentence ("the first deaths since
 * 1991"): what it gives is the interval from 1991 to the time of writing, so
 * that is its range (the value stays "1991", as TimeML writes it). Read
 * without a publication date the interval has no end and the range is
 * unknown.
 */
static void open_since(scan *s)
{
	for (size_t k = 0; k < s->out.len; k++) {
		cr_timex *x = &s->out.items[k];
		if (x->type != CR_TIMEX_DATE || !known(x->range) || !after_since(s->text, x->start))
			continue;
		if (!known(s->pub))
			x->range = none();
		else if (s->pub.latest > x->range.latest)
			x->range.latest = s->pub.latest;
	}
}

static void run(cr_timex **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                cr_dayrange pubdate)
{
	scan s = {0};
	s.ctx = ctx;
	s.text = text;
	s.pub = pubdate;
	s.narrative = none();
	uint8_t *starter;
	tokenize(&s, text, len, &starter);
	typedef size_t (*rule)(scan *, size_t);
	static const rule rules[] = {tx_rule_calendar, rule_iso,     rule_numeric,   rule_year_span, rule_part_hyphen, rule_part,    rule_decade,   tx_rule_day_month,
	                             rule_month_year, rule_quarter, tx_rule_deictic, rule_relative, tx_rule_weekday,
	                             rule_month,   rule_year,      rule_season,  rule_weekend,  rule_ref,
	                             rule_set,     rule_duration,  rule_in_future, rule_bare_duration, rule_the_period, rule_every,
	                             rule_recent_century};
	for (size_t i = 0; i < s.n;) {
		if (s.w[i].punct || !may_start(&s.w[i], starter[i])) {
			i++;
			continue;
		}
		size_t took = 0, before = s.out.len;
		s.cur = i;
		s.fut_cache = -1;
		for (size_t r = 0; r < CR_ARRAY_LEN(rules) && !took; r++)
			took = rules[r](&s, i);
		if (took && s.out.len == before + 1)
			took += tx_clock_after(&s, i, i + took, len);   /* "tomorrow at 8 a.m." */
		if (!took)
			took = tx_rule_clock(&s, i, len);
		i += took ? took : 1;
	}
	join_period_shift(&s);
	join_day_offset(&s);
	open_since(&s);
	free(s.w);
	free(starter);
	*out = s.out.items;
	*n = s.out.len;
}

/*
 * A publication date known only as an interval: read the text as of its
 * first day and as of its last, and keep for each expression the union of
 * the two readings ("last year" read anywhere in 2023 is 2022; "in
 * September" is September 2022 or 2023). Matching does not depend on the
 * anchor, so both readings find the same expressions.
 */
int cr_timex_find(cr_timex **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                  cr_dayrange pubdate)
{
	*out = NULL;
	*n = 0;
	if (!ctx || !text)
		return -1;
	if (!cr_range_known(pubdate) || pubdate.earliest == pubdate.latest) {
		run(out, n, ctx, text, len, pubdate);
		return 0;
	}
	cr_timex *b;
	size_t nb;
	run(out, n, ctx, text, len, (cr_dayrange){pubdate.earliest, pubdate.earliest});
	run(&b, &nb, ctx, text, len, (cr_dayrange){pubdate.latest, pubdate.latest});
	if (nb == *n) {
		for (size_t i = 0; i < nb; i++) {
			cr_timex *a = &(*out)[i];
			if (!cr_range_known(a->range) || !cr_range_known(b[i].range))
				continue;
			if (a->range.earliest != b[i].range.earliest || a->range.latest != b[i].range.latest) {
				a->range.earliest = CR_MIN(a->range.earliest, b[i].range.earliest);
				a->range.latest = CR_MAX(a->range.latest, b[i].range.latest);
				if (a->anchor != CR_ANCHOR_NONE && strcmp(a->value, b[i].value) != 0)
					snprintf(a->value, sizeof a->value, "%s", "XXXX-XX-XX");
			}
		}
	}
	free(b);
	return 0;
}

/* Whether text[a..b) holds only spaces and then word w (lower case) and spaces. */
static bool gap_is(const char *t, size_t a, size_t b, const char *w)
{
	while (a < b && t[a] == ' ')
		a++;
	while (b > a && t[b - 1] == ' ')
		b--;
	size_t l = strlen(w);
	if (b - a != l)
		return false;
	for (size_t k = 0; k < l; k++)
		if (cr_lower((unsigned char)t[a + k]) != w[k])
			return false;
	return true;
}

/* Whether the word just before byte p (after spaces) is w, in any case. */
static bool word_before(const char *t, size_t p, const char *w)
{
	while (p > 0 && t[p - 1] == ' ')
		p--;
	size_t l = strlen(w);
	if (p < l || (p > l && cr_is_alpha((unsigned char)t[p - l - 1])))
		return false;
	for (size_t k = 0; k < l; k++)
		if (cr_lower((unsigned char)t[p - l + k]) != w[k])
			return false;
	return true;
}

void cr_timex_join_ranges(cr_timex *x, size_t *n, const char *text, size_t len)
{
	size_t w = 0;
	for (size_t k = 0; k < *n; k++) {
		cr_timex b = x[k];
		if (w > 0) {
			cr_timex *a = &x[w - 1];
			bool dates = a->type == CR_TIMEX_DATE && b.type == CR_TIMEX_DATE && cr_range_known(a->range) &&
			             cr_range_known(b.range) && a->end <= b.start && b.end <= len;
			bool from = dates && word_before(text, a->start, "from") &&
			            (gap_is(text, a->end, b.start, "to") || gap_is(text, a->end, b.start, "until") ||
			             gap_is(text, a->end, b.start, "till") || gap_is(text, a->end, b.start, "through"));
			bool between = dates && word_before(text, a->start, "between") && gap_is(text, a->end, b.start, "and");
			bool dash = dates && (gap_is(text, a->end, b.start, "-") || gap_is(text, a->end, b.start, "\xe2\x80\x93"));
			if (from || between || dash) {
				cr_dayrange r = a->range;
				/* "from March 1 to March 20, 2022": the first takes the second's year */
				if (a->anchor != CR_ANCHOR_NONE && b.anchor == CR_ANCHOR_NONE && strlen(a->value) == 10 &&
				    strncmp(a->value, "XXXX", 4) != 0) {
					int y, m, d, by, bm, bd;
					cr_civil_from_days(a->range.earliest, &y, &m, &d);
					cr_civil_from_days(b.range.latest, &by, &bm, &bd);
					int yy = (m > bm || (m == bm && d > bd)) ? by - 1 : by;
					if (d <= cr_days_in_month(yy, m)) {
						r.earliest = r.latest = cr_days_from_civil(yy, m, d);
						snprintf(a->value, sizeof a->value, "%04d-%02d-%02d", yy, m, d);
					}
				}
				if (r.earliest <= b.range.latest) {
					char v[sizeof a->value];
					snprintf(v, sizeof v, "%.19s/%.19s", a->value, b.value);
					memcpy(a->value, v, sizeof v);
					a->end = b.end;
					a->range = (cr_dayrange){r.earliest, b.range.latest};
					if (b.anchor == CR_ANCHOR_NONE && a->anchor != CR_ANCHOR_NONE)
						a->anchor = CR_ANCHOR_NONE;
					continue;
				}
			}
		}
		x[w++] = b;
	}
	*n = w;
}
