/*
 * timex_internal.h: what the rule files of the time-expression recognizer
 * share (timex.c: words, dates, periods; timex_clock.c: clock times).
 * Not a public interface: src/recognize/timex.h is.
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

/* ---- shared by the rule files (timex.c unless noted) -------------------------- */

bool tx_fut(scan *s);
bool tx_future_cue(const scan *s, size_t i);
int tx_nearest_year(int32_t anchor, int m, int d, int tense);
int tx_nearest_year_month(int32_t anchor, int m, int tense);
int tx_tense(scan *s);
void tx_fmt_value(char *out, size_t cap, cr_dayrange r, int gran);
void tx_emit(scan *s, size_t i, size_t j, uint8_t type, uint8_t anchor, cr_dayrange r, int gran, const char *value);
bool tx_doc_anchor(const scan *s, int32_t *a, int32_t *width);
cr_dayrange tx_widen(cr_dayrange r, int32_t width);
bool tx_year_context(const scan *s, size_t i);
int tx_count_at(const scan *s, size_t i, size_t *used);
cr_dayrange tx_shift_unit(cr_dayrange base, int unit_days, int n, int *gran);
void tx_fmt_duration(char *out, size_t cap, int n, int unit);
size_t tx_rule_day_month(scan *s, size_t i);
size_t tx_rule_weekday(scan *s, size_t i);
size_t tx_rule_deictic(scan *s, size_t i);
/* timex_clock.c */
size_t tx_rule_clock(scan *s, size_t i, size_t len);
/* Whether word i is a 24-hour clock time in digits that a time zone follows ("1023 GMT", "0800 UTC"). */
bool tx_zoned_clock(const scan *s, size_t i);
size_t tx_clock_after(scan *s, size_t i, size_t k, size_t len);
/* timex_calendar.c: holidays, weeks of a month, dates in words or compact forms, day arithmetic,
   compact durations, rarer sets; tried before the core rules */
size_t tx_rule_calendar(scan *s, size_t i);

#endif
