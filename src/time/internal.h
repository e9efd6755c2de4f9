/*
 * internal.h: what the files of the time engine share: the words of a text,
 * the scan the rules read and write, word tests, and each file's functions
 * the others call. Not a public interface: time/timex.h is. The files call
 * one way: engine.c the rule files; calendar.c and clock.c the date rules of
 * dates.c for the day beside their forms; every rule file anchor.c and
 * words.c; words.c none.
 */
#ifndef CR_TIME_INTERNAL_H
#define CR_TIME_INTERNAL_H

#include "time/timex.h"
#include "util/map.h"

#include <string.h>

struct cr_timex_ctx {
	cr_lexicon *words;
	cr_lexicon *tense;   /* data/lexicon/tense-words.tsv: past-tense verbs */
};

enum { K_NONE, K_MONTH, K_WEEKDAY, K_UNIT, K_SEASON, K_PART, K_COUNT, K_ORD, K_DAYPART, K_SET, K_FUTURE, K_REF };
enum { G_DAY, G_WEEK, G_MONTH, G_SEASON, G_YEAR, G_DECADE, G_SPAN };

typedef struct word {
	uint32_t start, end;
	char low[24];       /* lower case, truncated */
	uint8_t kind;       /* calendar kind, K_* */
	int val, val2;      /* calendar value (part: first..last twelfth) */
	int num;            /* digits value, or -1 */
	uint8_t ndigits;
	bool cap, punct, ordinal;
} word;

typedef struct scan {
	const cr_timex_ctx *ctx;
	const char *text;
	word *w;
	size_t n;
	cr_dayrange pub;
	cr_dayrange narrative;   /* the last date the text established */
	char nar_value[40];      /* and its TIMEX3 value, whose grain "a year earlier" keeps */
	size_t cur;              /* the word the rules are tried at */
	int8_t fut_cache;        /* -1 unknown, else whether the words around cur speak of the future */
	CR_VEC(cr_timex) out;
} scan;

/* ---- word tests -------------------------------------------------------------- */

static inline bool is(const scan *s, size_t i, const char *w)
{
	/* the first two bytes settle most comparisons without a call */
	if (i >= s->n || s->w[i].low[0] != w[0])
		return false;
	if (w[0] == 0)
		return true;
	return s->w[i].low[1] == w[1] && (w[1] == 0 || strcmp(s->w[i].low + 2, w + 2) == 0);
}

static inline bool is_year(const scan *s, size_t i)
{
	return i < s->n && s->w[i].ndigits == 4 && !s->w[i].ordinal && s->w[i].num >= 1000 && s->w[i].num <= 2100 &&
	       s->w[i].low[4] == 0;
}

static inline bool is_day(const scan *s, size_t i)
{
	return i < s->n && s->w[i].num >= 1 && s->w[i].num <= 31 && s->w[i].ndigits <= 2 &&
	       (s->w[i].low[s->w[i].ndigits] == 0 || s->w[i].ordinal);
}

/* A month name counts when capitalised, or written out in full and not "may"/"march". */
static inline bool is_month(const scan *s, size_t i)
{
	if (i >= s->n || s->w[i].kind != K_MONTH)
		return false;
	if (s->w[i].cap)
		return true;
	return false;
}

static inline bool is_weekday(const scan *s, size_t i)
{
	return i < s->n && s->w[i].kind == K_WEEKDAY && s->w[i].cap;
}

/* ---- resolution -------------------------------------------------------------- */

static inline bool known(cr_dayrange r) { return cr_range_known(r); }

static inline cr_dayrange none(void) { return (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE}; }

static inline cr_dayrange day_range(int y, int m, int d)
{
	int32_t z = cr_days_from_civil(y, m, d);
	return (cr_dayrange){z, z};
}

static inline int year_of(int32_t z)
{
	int y, m, d;
	cr_civil_from_days(z, &y, &m, &d);
	return y;
}

/* ---- words.c: words and counts ---------------------------------------------- */

/* Cuts text into s->w and s->n; starter[i] is set when word i is a plain rule
 * starter of the word index. The caller frees s->w and *starter with free(). */
void cr_tx_tokenize(scan *s, const char *t, size_t len, uint8_t **starter);
/* Sets the number and calendar fields of a word from its low. */
void cr_tx_classify(const cr_timex_ctx *ctx, word *w);
/* The row of time-words.tsv for p[0..l) when its kind is `kind`, or -1. */
long cr_tx_word_row(const scan *s, const char *p, size_t l, const char *kind);
/* Whether word i is a 24-hour clock time in digits that a time zone follows ("1023 GMT", "0800 UTC"). */
bool cr_tx_zoned_clock(const scan *s, size_t i);
/* "a few", "several", "many": counts that give no figure. */
bool cr_tx_vague_count(const scan *s, size_t i);
/* The count at i ("3", "a", "twenty-four", "a couple of") and the words it took, or 0. */
int cr_tx_count_at(const scan *s, size_t i, size_t *used);
/* "1/2" or "and a half" at i: the words it takes, or 0. */
size_t cr_tx_half_at(const scan *s, size_t i);
/* A number in words at i ("twenty four", "nineteen hundred ninety three"; with ord_ok
 * ending in an ordinal, *ord set): its value and *end past it, or -1. */
int cr_tx_spelled(const scan *s, size_t i, size_t *end, bool ord_ok, bool *ord);
/* A year in words at i ("nineteen eighty six", "two thousand and twenty"), or -1. */
int cr_tx_spelled_year(const scan *s, size_t i, size_t *end);
/* Whether h[0..l) is a number word; cr_tx_maybe_numword asks it last. */
bool cr_tx_is_numword(const char *h, size_t l);
extern uint32_t cr_tx_num_pair[26][26];   /* words.c: the shapes of the number words */
/* Whether word k could be a number word ("twenty", "third", "twenty-four"): inline, since
 * most words fail the kind, letter and shape tests before the lexicon is asked. */
static inline bool cr_tx_maybe_numword(const scan *s, size_t k)
{
	if (k >= s->n)
		return false;
	const word *w = &s->w[k];
	if (w->kind == K_COUNT || w->kind == K_ORD)
		return true;
	const char *h = w->low;
	if (h[0] < 'a' || h[0] > 'z' || h[1] < 'a' || h[1] > 'z')
		return false;
	uint32_t m = cr_tx_num_pair[h[0] - 'a'][h[1] - 'a'];
	size_t l = 2;
	while (l < 31 && h[l] && h[l] != '-')
		l++;
	if (!(m & (1u << l)))
		return false;
	return cr_tx_is_numword(w->low, l);
}
/* A count at i in digits or words ("3", "a", "two", "twenty four") and *end past it, or 0. */
int cr_tx_count_words(const scan *s, size_t i, size_t *end);
/* The word that ends at byte e, counting from i; s->n when none does. */
size_t cr_tx_word_ending_at(const scan *s, size_t i, uint32_t e);

/* ---- anchor.c: anchoring, tense, values -------------------------------------- */

extern const char *const cr_tx_daypart_sfx[5];   /* "", "MO", "AF", "EV", "NI" by daypart value */
bool cr_tx_fut(scan *s);
bool cr_tx_future_near(const scan *s, size_t i);
int cr_tx_tense(scan *s);
int cr_tx_nearest_year(int32_t anchor, int m, int d, int tense);
int cr_tx_nearest_year_month(int32_t anchor, int m, int tense);
/* Deictic anchor: the publication date's earliest day and its width. */
static inline bool cr_tx_doc_anchor(const scan *s, int32_t *a, int32_t *width)
{
	if (!known(s->pub))
		return false;
	*a = s->pub.earliest;
	*width = 0;   /* an interval is read at both ends: see cr_timex_find */
	return true;
}
static inline cr_dayrange cr_tx_widen(cr_dayrange r, int32_t width)
{
	if (known(r))
		r.latest += width;
	return r;
}
cr_dayrange cr_tx_shift_years(cr_dayrange r, int n);
cr_dayrange cr_tx_shift_months(cr_dayrange r, int n);
cr_dayrange cr_tx_shift_unit(cr_dayrange base, int unit_days, int n, int *gran);
void cr_tx_fmt_value(char *out, size_t cap, cr_dayrange r, int gran);
void cr_tx_fmt_duration(char *out, size_t cap, int n, int unit);
void cr_tx_fmt_duration_half(char *out, size_t cap, int n, int unit);
void cr_tx_emit(scan *s, size_t i, size_t j, uint8_t type, uint8_t anchor, cr_dayrange r, int gran, const char *value);

/* ---- the rules: each returns the words it took at i, 0 when it does not apply -- */

/* dates.c */
size_t cr_tx_rule_iso(scan *s, size_t i);
size_t cr_tx_rule_numeric(scan *s, size_t i);
size_t cr_tx_rule_year_span(scan *s, size_t i);
size_t cr_tx_rule_part_hyphen(scan *s, size_t i);
size_t cr_tx_rule_part(scan *s, size_t i);
size_t cr_tx_rule_decade(scan *s, size_t i);
size_t cr_tx_rule_day_month(scan *s, size_t i);
size_t cr_tx_rule_month_year(scan *s, size_t i);
size_t cr_tx_rule_quarter(scan *s, size_t i);
size_t cr_tx_rule_deictic(scan *s, size_t i);
size_t cr_tx_rule_relative(scan *s, size_t i);
size_t cr_tx_rule_weekday(scan *s, size_t i);
size_t cr_tx_rule_month(scan *s, size_t i);
size_t cr_tx_rule_year(scan *s, size_t i);
size_t cr_tx_rule_season(scan *s, size_t i);
size_t cr_tx_rule_weekend(scan *s, size_t i);
size_t cr_tx_rule_the_period(scan *s, size_t i);
size_t cr_tx_rule_recent_century(scan *s, size_t i);
size_t cr_tx_rule_in_future(scan *s, size_t i);
/* durations.c */
size_t cr_tx_rule_ref(scan *s, size_t i);
size_t cr_tx_rule_set(scan *s, size_t i);
size_t cr_tx_rule_duration(scan *s, size_t i);
size_t cr_tx_rule_bare_duration(scan *s, size_t i);
size_t cr_tx_rule_every(scan *s, size_t i);
/* durations.c, tried by calendar.c's entry point: 3h, 3.5years; half an hour; one and a half
   hours, two nights; semi-annually, every weekday, the 19th of every month */
size_t cr_tx_rule_compact_duration(scan *s, size_t i);
size_t cr_tx_rule_half_duration(scan *s, size_t i);
size_t cr_tx_rule_word_duration(scan *s, size_t i);
size_t cr_tx_rule_cal_set(scan *s, size_t i);
/* The unit letter of the word at k for a spelled duration (Y M W D E h m s), 0 none. */
char cr_tx_unit_word(const scan *s, size_t k);
/* calendar.c: holidays, weeks of a month, dates in words or compact forms, day arithmetic,
   compact durations, rarer sets; tried before the others */
size_t cr_tx_rule_calendar(scan *s, size_t i);
/* clock.c: a clock time or a part of the day at i (tried where no other rule matched),
   and one after the day a rule just found from word i to before word k */
size_t cr_tx_rule_clock(scan *s, size_t i, size_t len);
size_t cr_tx_clock_after(scan *s, size_t i, size_t k, size_t len);

/* ---- compose.c: joins over the scan's output ---------------------------------- */

void cr_tx_join_period_shift(scan *s);
void cr_tx_join_day_offset(scan *s);
void cr_tx_open_since(scan *s);

#endif
