/*
 * clock.c: clock times and times of day.
 *
 * cr_tx_rule_clock is tried at a word after every rule of engine.c's table
 * has failed there; cr_tx_clock_after is tried right after one of them has
 * found a day, to carry a clock time that follows it ("tomorrow at 8:45
 * a.m."). The day beside a clock is read with the date rules of dates.c.
 *
 * A clock time is read in three steps:
 *
 *   core    10:35, 7:56:30, 8.30 (with a meridiem), 1140 (with a meridiem),
 *           1023 (with a zone after it: "1023 GMT" is 10:23, never a year; in
 *           brackets it restates a time just given and is left out),
 *           5pm, 9a, 11ish, noon, noonish, midnight, 12 noon, "half past
 *           seven", "quarter to eight", "20 min past eight", "ten past 9",
 *           "seven thirty", "five-thirty", a bare hour (7, seven)
 *   tail    a meridiem (a.m., pm, p . m ., p m, or a/p fused to the
 *           digits), o'clock, a part of the day ("in the evening", "at
 *           night"), a time zone (data/lexicon/time-words.tsv, kind zone)
 *   day     a day after it ("9 a.m. Tuesday", "5 p.m. EST, Nov. 6", "8am
 *           this morning", "10, tonight") or before it ("tomorrow
 *           8:00am", "last night at 8", "today at 9a"), else the anchor
 *
 * A part of the day moves a bare hour into it: "7 in the evening" and
 * "last night at 8" are 19:00 and 20:00, "tonight around 3" stays 03:00
 * (the small hours belong to the night). The value is the day's TIMEX3
 * with "THH:MM" (":SS" when written), as TimeBank writes it.
 *
 * A bare hour is a time only where the words make it one: a tail, a day
 * next to it joined by "at"/"around" ("on Friday at 5"), "in the morning
 * at 7", or a day with a part after it ("10, tonight"); never before a
 * percent sign, a decimal, a capitalised word ("at 10 Downing Street") or
 * an ordinary word. "10:30" alone needs "at", "by", "until", "around" or
 * "about" before it (a score, a verse, a ratio otherwise).
 *
 * "9p" alone may be nine pence: a one-letter meridiem needs a day or a
 * colon ("today at 9p", "8:45a"); "1.28p" is always a price.
 *
 * Parts of the day without a clock: "later this afternoon", "late
 * morning", "mid-afternoon yesterday", "[in] the morning [of March 9]"
 * (the morning of the day the story is on), "Tuesday in the morning"
 * (TMO, TAF, TEV, TNI after the day); "Tuesday nights" is a set,
 * XXXX-WXX-2TNI.
 *
 * Also here: "around"/"circa" before a time belong to it (TimeBank's
 * "around 7:15 p.m."), "right now" is one PRESENT_REF, and "the end of
 * the day" / "end of tomorrow" is that day at T23:59:59 ("at the end of
 * the day" is an idiom, not a time).
 *
 * Limits: time ranges ("5 to 6pm", "between 4 and 5") are left to the
 * range layer; "seven thirty" needs a tail or "at"; a lower-case weekday
 * is not a day here; "in the morning" may be habitual ("people wake up in
 * the morning") and is still dated; the value keeps minutes ("T08:00")
 * where the Recognizers spec writes "T08".
 */
#include "time/internal.h"

#include <stdio.h>
#include <stdlib.h>

/* A clock time read from the words. */
typedef struct tclock {
	int h, mi, sec;   /* sec < 0: not written */
	int mer;          /* 0 none, 1 a.m., 2 p.m. */
	int part;         /* part of the day of a tail ("in the evening"): 1..4, 0 none */
	bool strong;      /* a time by its form alone (a meridiem, o'clock, "past", a part of the day) */
	bool bare;        /* just an hour number, no minutes */
	bool weak;        /* the meridiem is one letter fused to the digits ("9a", "8:45p") */
	bool colon;       /* written with a colon ("10:35") */
	size_t next;      /* the word after it */
	uint32_t end;     /* its byte end */
} tclock;

/* A spelled number word ("seven", "twenty", "forty-three"), 1..59, or -1. */
static int spelled(const scan *s, const char *p, size_t l)
{
	const char *dash = memchr(p, '-', l);
	if (dash) {
		int a = spelled(s, p, (size_t)(dash - p)), b = spelled(s, dash + 1, l - (size_t)(dash - p) - 1);
		if (a >= 20 && a % 10 == 0 && b >= 1 && b <= 9)
			return a + b;
		return -1;
	}
	/* count words that are not numbers ("a", "few", "several", "couple") are no clock digits */
	if (l < 3 || (l == 3 && memcmp(p, "few", 3) == 0) || (l == 4 && memcmp(p, "many", 4) == 0) ||
	    (l == 7 && memcmp(p, "several", 7) == 0) || (l == 6 && memcmp(p, "couple", 6) == 0))
		return -1;
	long r = cr_tx_word_row(s, p, l, "count");
	if (r < 0)
		return -1;
	int v = atoi(s->ctx->words->cols[r][2]);
	return v >= 1 && v <= 59 ? v : -1;
}

/* Word i as a number: plain digits (1-2 of them) or a spelled number; -1 otherwise. */
static int number_at(const scan *s, size_t i, bool *is_spelled)
{
	*is_spelled = false;
	if (i >= s->n || s->w[i].punct)
		return -1;
	const word *w = &s->w[i];
	size_t l = strlen(w->low);
	if (w->num >= 0 && !w->ordinal && w->ndigits >= 1 && w->ndigits <= 2 && l == w->ndigits)
		return w->num;
	if (!cr_is_alpha((unsigned char)w->low[0]) || strchr(w->low, '\''))
		return -1;   /* "Radio Four's PM" */
	*is_spelled = true;
	if (w->kind == K_COUNT)
		return w->val >= 1 && w->val <= 59 && l >= 3 && strcmp(w->low, "few") != 0 && strcmp(w->low, "many") != 0 &&
		               strcmp(w->low, "several") != 0 && strcmp(w->low, "couple") != 0
		           ? w->val
		           : -1;
	return strchr(w->low, '-') ? spelled(s, w->low, l) : -1;
}

/* Case-insensitive meridiem at text[p..len): 1 am, 2 pm, 0 none; *end past it. `fused`: right after the digits. */
static int meridiem(const char *t, size_t p, size_t len, bool fused, size_t *end)
{
	static const char *const forms[] = {"a . m .", "p . m .", "a.m.", "p.m.", "a.m", "p.m", "a m", "p m", "am", "pm", "a", "p"};
	if (p >= len || (cr_lower((unsigned char)t[p]) != 'a' && cr_lower((unsigned char)t[p]) != 'p'))
		return 0;
	for (size_t f = 0; f < CR_ARRAY_LEN(forms); f++) {
		size_t l = strlen(forms[f]);
		if (p + l > len || (l == 1 && !fused))
			continue;
		size_t q = 0;
		while (q < l && cr_lower((unsigned char)t[p + q]) == forms[f][q])
			q++;
		if (q < l || (p + l < len && (cr_is_alpha((unsigned char)t[p + l]) || cr_is_digit((unsigned char)t[p + l]))))
			continue;
		*end = p + l;   /* "a man" was excluded above: a letter may not follow */
		return forms[f][0] == 'a' ? 1 : 2;   /* one letter: the caller marks it weak */
	}
	return 0;
}

/* The first word at or after byte b. */
static size_t word_from(const scan *s, size_t k, uint32_t b)
{
	while (k < s->n && s->w[k].start < b)
		k++;
	return k;
}

/* "in the morning|afternoon|evening", "at night" at k: the part (1..4) and *next past it; 0 none. */
static int part_phrase(const scan *s, size_t k, size_t *next)
{
	if (is(s, k, "in") && is(s, k + 1, "the") && k + 2 < s->n && s->w[k + 2].kind == K_DAYPART &&
	    s->w[k + 2].val >= 1 && s->w[k + 2].val <= 3) {
		*next = k + 3;
		return s->w[k + 2].val;
	}
	if (is(s, k, "at") && is(s, k + 1, "night")) {
		*next = k + 2;
		return 4;
	}
	return 0;
}

/* Moves an hour without meridiem into a part of the day. */
static int hour_in_part(int h, int part)
{
	if ((part == 2 || part == 3) && h >= 1 && h < 12)
		return h + 12;
	if (part == 4 && h >= 5 && h < 12)
		return h + 12;
	if ((part == 1 || part == 4) && h == 12)
		return 0;
	return h;
}

/* Minutes after an hour: "thirty", "forty-five", "twenty-seven minutes"; -1 none. */
static int spelled_minutes(const scan *s, size_t k, size_t *next)
{
	bool sp;
	int m = number_at(s, k, &sp);
	if (!sp || m < 10 || m > 59)
		return -1;
	*next = k + 1 + (is(s, k + 1, "minutes") || is(s, k + 1, "minute"));
	return m;
}

/* Whether word i, with words joined by no space, reads "d:dd" / "d.dd". */
static bool joined(const scan *s, size_t i, const char *sep)
{
	return is(s, i + 1, sep) && i + 2 < s->n && s->w[i + 1].start == s->w[i].end &&
	       s->w[i + 2].start == s->w[i + 1].end;
}

/* Two digits at the start of word i (minutes, seconds) and what follows them in the word; -1 none. */
static int two_digits(const scan *s, size_t i, const char **rest)
{
	if (i >= s->n)
		return -1;
	const char *l = s->w[i].low;
	if (!cr_is_digit((unsigned char)l[0]) || !cr_is_digit((unsigned char)l[1]) || cr_is_digit((unsigned char)l[2]))
		return -1;
	int v = (l[0] - '0') * 10 + (l[1] - '0');
	*rest = l + 2;
	return v < 60 ? v : -1;
}

/*
 * The core forms of a clock time, each read by one function of the table
 * below, tried in order at word i. A reader answers NOT_THIS when its form
 * does not start there (the next is tried), CLOCK when it has read one
 * into c, NO_CLOCK when the word starts its form but makes no time of it
 * (no later form may take it: "37.1", "1140" without a meridiem).
 */
enum { NOT_THIS, CLOCK, NO_CLOCK };
typedef int (*clock_form)(const scan *s, size_t i, size_t len, tclock *c);

/* noon, midday, noonish */
static int form_noon(const scan *s, size_t i, size_t len, tclock *c)
{
	if (!(is(s, i, "noon") || is(s, i, "midday") || is(s, i, "noonish")))
		return NOT_THIS;
	c->h = 12;
	c->strong = is(s, i, "noonish");
	return CLOCK;
}

/* midnight, mid night */
static int form_midnight(const scan *s, size_t i, size_t len, tclock *c)
{
	if (!(is(s, i, "midnight") || (is(s, i, "mid") && is(s, i + 1, "night"))))
		return NOT_THIS;
	c->h = 24;
	c->next = i + 1 + is(s, i, "mid");
	c->end = s->w[c->next - 1].end;
	return CLOCK;
}

/* half past seven, quarter to eight, 20 min past eight, ten past 9 */
static int form_past_to(const scan *s, size_t i, size_t len, tclock *c)
{
	size_t k = i;
	int m = -1;
	bool sp, sure = false;   /* "to" needs a word that can only be minutes */
	if (is(s, k, "a") && is(s, k + 1, "quarter"))
		k++;
	if (is(s, k, "half"))
		m = 30, k++;   /* "half past"; "half to 10%" is no time */
	else if (is(s, k, "quarter"))
		m = 15, sure = true, k++;
	else if ((m = number_at(s, k, &sp)) >= 1 && m <= 59) {
		k++;
		if (is(s, k, "min") || is(s, k, "mins") || is(s, k, "minutes") || is(s, k, "minute"))
			k++, sure = true;
	} else {
		m = -1;
	}
	if (!(m > 0 && (is(s, k, "past") || (sure && (is(s, k, "to") || is(s, k, "till"))))))
		return NOT_THIS;
	bool to = !is(s, k, "past");
	int h = number_at(s, k + 1, &sp);
	if (!(h >= 1 && h <= 12 && !(k + 2 < s->n && (s->w[k + 2].kind == K_UNIT || is(s, k + 2, "%") ||
	                                               is(s, k + 2, "percent") || is(s, k + 2, "per")))))
		return NOT_THIS;
	if (to) {
		h = h == 1 ? 12 : h - 1;
		m = 60 - m;
	}
	c->h = h;
	c->mi = m;
	c->strong = true;
	c->next = k + 2;
	c->end = s->w[k + 1].end;
	return CLOCK;
}

/* An hour of one or two digits alone in its word: 7, 10:35, 7:56:30, 10:35am, 8.30 pm, 12 noon */
static int digits_hour(const scan *s, size_t i, size_t len, tclock *c)
{
	const word *w = &s->w[i];
	c->h = w->num;
	c->bare = true;
	const char *rest;
	int mm;
	/* 10:35, 7:56:30, 10:35am */
	if (joined(s, i, ":") && (mm = two_digits(s, i + 2, &rest)) >= 0) {
		c->mi = mm;
		c->bare = false;
		c->colon = true;
		c->next = i + 3;
		c->end = s->w[i + 2].end;
		int ss;
		const char *rest2 = rest;
		if (!*rest && joined(s, i + 2, ":") && (ss = two_digits(s, i + 4, &rest2)) >= 0) {
			c->sec = ss;
			c->next = i + 5;
			c->end = s->w[i + 4].end;
			rest = rest2;
		}
		if (*rest) {
			/* 10:35am, 10:35a.m., 8:45a */
			size_t me, from = s->w[c->next - 1].start + 2;
			int mer = meridiem(s->text, from, len, true, &me);
			if (!mer || me < s->w[c->next - 1].end)
				return NO_CLOCK;
			c->mer = mer;
			c->weak = me - from == 1;
			c->end = (uint32_t)me;
			c->next = word_from(s, c->next, c->end);
		}
	} else if (joined(s, i, ".") && (mm = two_digits(s, i + 2, &rest)) >= 0) {
		/* 8.30 pm, 8.30pm: a decimal without a meridiem */
		size_t me, from = *rest ? s->w[i + 2].start + 2
		                        : s->w[i + 2].end + (s->w[i + 2].end < len && s->text[s->w[i + 2].end] == ' ');
		int mer = meridiem(s->text, from, len, *rest != 0, &me);
		if (!mer || me < s->w[i + 2].end || me - from == 1)
			return NO_CLOCK;   /* and "1.28p" is a price in pence */
		c->mi = mm;
		c->bare = false;
		c->mer = mer;
		c->end = (uint32_t)me;
		c->next = word_from(s, i + 3, c->end);
	}
	if (c->bare && c->h == 12 && (is(s, i + 1, "noon") || is(s, i + 1, "midnight"))) {
		c->h = is(s, i + 1, "noon") ? 12 : 24;
		c->strong = true;
		c->end = s->w[i + 1].end;
		c->next = i + 2;
	}
	return c->h <= 24 ? CLOCK : NO_CLOCK;
}

/*
 * Three or four digits alone in their word: 1140 a.m. needs the meridiem;
 * 1023 GMT: a zone makes it the 24-hour clock, except in brackets, where
 * it restates the time just given in another zone ("at 1353 (1023 GMT)"),
 * as TimeBank reads it.
 */
static int digits_hhmm(const scan *s, size_t i, size_t len, tclock *c)
{
	const word *w = &s->w[i];
	int v = atoi(w->low);
	if (cr_tx_zoned_clock(s, i)) {
		if (i > 0 && is(s, i - 1, "("))
			return NO_CLOCK;
		c->h = v / 100;
		c->mi = v % 100;
		c->strong = true;
		return CLOCK;
	}
	size_t p = w->end + (w->end < len && s->text[w->end] == ' '), me;
	int mer = meridiem(s->text, p, len, false, &me);
	if (!mer || v % 100 >= 60 || v / 100 < 1 || v / 100 > 12)
		return NO_CLOCK;
	c->h = v / 100;
	c->mi = v % 100;
	c->mer = mer;
	c->end = (uint32_t)me;
	c->next = word_from(s, i + 1, c->end);
	return CLOCK;
}

/* An hour with letters fused to it: 5pm, 9a, 7p, 8p.m., 11ish */
static int digits_suffixed(const scan *s, size_t i, size_t len, tclock *c, size_t dg)
{
	const word *w = &s->w[i];
	const char *suf = w->low + dg;
	c->h = atoi(w->low);
	if (strcmp(suf, "ish") == 0) {
		c->strong = c->h >= 1 && c->h <= 12;
		return c->strong ? CLOCK : NO_CLOCK;
	}
	size_t me;
	int mer = meridiem(s->text, w->start + dg, len, true, &me);   /* 5pm, 8p.m. */
	if (!mer || me < w->end)
		return NO_CLOCK;
	c->mer = mer;
	c->weak = me - (w->start + dg) == 1;
	c->end = (uint32_t)me;
	c->next = word_from(s, i + 1, c->end);
	return CLOCK;
}

/* The forms in digits, by how many digits lead the word; never the fraction of a decimal ("37.1 in the morning"). */
static int form_digits(const scan *s, size_t i, size_t len, tclock *c)
{
	const word *w = &s->w[i];
	if (!cr_is_digit((unsigned char)w->low[0]))
		return NOT_THIS;
	if (i >= 2 && s->w[i - 1].punct && s->w[i - 1].end == w->start && s->w[i - 2].end == s->w[i - 1].start &&
	    cr_is_digit((unsigned char)s->w[i - 2].low[0]))
		return NO_CLOCK;
	size_t l = strlen(w->low), dg = 0;
	while (dg < l && cr_is_digit((unsigned char)w->low[dg]))
		dg++;
	if (dg <= 2 && w->num >= 0 && !w->ordinal && l == dg)
		return digits_hour(s, i, len, c);
	if ((dg == 3 || dg == 4) && l == dg)
		return digits_hhmm(s, i, len, c);
	if (dg <= 2 && w->low[dg])
		return digits_suffixed(s, i, len, c, dg);
	return NO_CLOCK;
}

/* A spelled hour, perhaps with spelled minutes: seven, seven thirty, seven thirty-five minutes */
static int form_spelled(const scan *s, size_t i, size_t len, tclock *c)
{
	bool sp;
	int h = number_at(s, i, &sp);
	if (!(h >= 1 && h <= 12))
		return NOT_THIS;
	c->h = h;
	c->bare = true;
	size_t nx;
	int m = spelled_minutes(s, i + 1, &nx);
	if (m >= 0) {
		c->mi = m;
		c->bare = false;
		c->next = nx;
		c->end = s->w[nx - 1].end;
	}
	return CLOCK;
}

/* An hour and its minutes in one hyphenated word: five-thirty */
static int form_spelled_hyphen(const scan *s, size_t i, size_t len, tclock *c)
{
	const word *w = &s->w[i];
	const char *dash = strchr(w->low, '-');
	if (!dash || !cr_is_alpha((unsigned char)w->low[0]))
		return NOT_THIS;
	int a = spelled(s, w->low, (size_t)(dash - w->low)), b = spelled(s, dash + 1, strlen(dash + 1));
	if (!(a >= 1 && a <= 12 && b >= 10 && b <= 59 && spelled(s, w->low, strlen(w->low)) < 0))
		return NOT_THIS;
	c->h = a;
	c->mi = b;
	return CLOCK;
}

static const clock_form clock_forms[] = {form_noon, form_midnight, form_past_to, form_digits, form_spelled,
                                         form_spelled_hyphen};

/* The core of a clock time at word i (see the essay); false when there is none. */
static bool clock_core(const scan *s, size_t i, size_t len, tclock *c)
{
	memset(c, 0, sizeof *c);
	if (i >= s->n)
		return false;   /* "each monday at" at the end of the text */
	c->sec = -1;
	c->h = -1;
	c->next = i + 1;
	c->end = s->w[i].end;
	for (size_t f = 0; f < CR_ARRAY_LEN(clock_forms); f++) {
		int r = clock_forms[f](s, i, len, c);
		if (r != NOT_THIS)
			return r == CLOCK;
	}
	return false;
}

/* The tail of a clock time: a meridiem, o'clock, a part of the day, a time zone. */
static void clock_tail(const scan *s, size_t len, tclock *c)
{
	size_t k = c->next;
	if ((is(s, k, "o'clock") || is(s, k, "oclock")) && !(s->w[k].cap && k + 1 < s->n && s->w[k + 1].cap)) {
		/* "the 10 O'clock News" is a name */
		c->strong = true;
		c->end = s->w[k].end;
		k++;
	}
	if (!c->mer && c->h >= 0) {
		size_t p = c->end, me;
		if (p < len && s->text[p] == '.' && p + 1 < len && cr_is_alpha((unsigned char)s->text[p + 1]))
			p++;   /* 9.am */
		else if (p < len && s->text[p] == ' ')
			p++;
		int mer = meridiem(s->text, p, len, false, &me);
		if (mer) {
			c->mer = mer;
			c->end = (uint32_t)me;
			k = word_from(s, k, c->end);
		}
	}
	if (c->mer) {
		c->strong = !c->weak;
	} else {
		size_t nx;
		int part = part_phrase(s, k, &nx);
		if (part) {
			c->part = part;
			c->strong = true;
			c->end = s->w[nx - 1].end;
			k = nx;
		}
	}
	/* a zone: "EST" (capitalised), "mountain time", "Eastern Standard Time" */
	if (k < s->n && !s->w[k].punct && cr_is_alpha((unsigned char)s->w[k].low[0])) {
		const word *z = &s->w[k];
		size_t zl = strlen(z->low), t = k + 1 + is(s, k + 1, "standard");
		bool named = is(s, t, "time") || is(s, t, "timezone");
		if (((zl <= 4 && z->cap) || named) && cr_tx_word_row(s, z->low, zl, "zone") >= 0) {
			k = named ? t + 1 : k + 1;
			c->end = s->w[k - 1].end;
		}
	}
	c->next = k;
}

/* Whether the word after a bare hour lets it be a time ("at 7." "at 7 tonight"), not "at 7 percent". */
static bool bare_end_ok(const scan *s, size_t k)
{
	if (k >= s->n)
		return true;
	const word *w = &s->w[k];
	if (w->punct) {
		char ch = w->low[0];
		if (ch == '%' || ch == '-' || ch == '/' || ch == ':' || (unsigned char)ch >= 0x80)
			return false;
		if ((ch == '.' || ch == ',') && k + 1 < s->n && s->w[k + 1].start == w->end &&
		    cr_is_digit((unsigned char)s->w[k + 1].low[0]))
			return false;   /* 7.5, 7,000 */
		return true;
	}
	static const char *const ok[] = {"and", "or", "to", "until", "till", "on", "for", "in", "then", "sharp",
	                                 "tonight", "today", "tomorrow", "yesterday", "this", "last", "next"};
	for (size_t q = 0; q < CR_ARRAY_LEN(ok); q++)
		if (is(s, k, ok[q]))
			return true;
	return w->kind == K_DAYPART || (w->kind == K_WEEKDAY && w->cap);
}

/* Fills the hour, minutes and seconds of a clock into value after its day ("" when none). */
static void clock_value(char *value, size_t cap, const char *day, const tclock *c, int h)
{
	/* hours 0..24, minutes and seconds 0..59: the casts only tell the compiler the width */
	if (c->sec >= 0)
		snprintf(value, cap, "%.10sT%02u:%02u:%02u", day, (unsigned char)h, (unsigned char)c->mi, (unsigned char)c->sec);
	else
		snprintf(value, cap, "%.10sT%02u:%02u", day, (unsigned char)h, (unsigned char)c->mi);
}

/* The hour of c on the 24-hour clock, the part of the day `part` moving a bare one; -1 when impossible. */
static int hour24(const tclock *c, int part)
{
	int h = c->h;
	if (c->mer) {
		if (h < 1 || h > 12)
			return h == 0 && c->mer == 1 ? 0 : -1;
		if (c->mer == 2 && h < 12)
			h += 12;
		if (c->mer == 1 && h == 12)
			h = 0;
		return h;
	}
	if (h > 24)
		return -1;
	return hour_in_part(h, part ? part : c->part);
}

/* The part of the day (1..4) a day value ends in ("2016-11-07TNI"), 0 none. */
static int value_part(const char *v)
{
	const char *t = strchr(v, 'T');
	if (!t)
		return 0;
	for (int p = 1; p <= 4; p++)
		if (strcmp(t + 1, cr_tx_daypart_sfx[p]) == 0)
			return p;
	return 0;
}

/* Whether a value names one day, maybe with a part ("2016-11-07", "XXXX-XX-XX", "2016-11-07TNI"). */
static bool day_value(const char *v)
{
	size_t l = strlen(v);
	if (l < 10 || v[4] != '-' || v[7] != '-' || (l > 10 && v[10] != 'T'))
		return false;
	return l == 10 || value_part(v) > 0;
}

/* Leading "around"/"circa" join the time when no expression holds them. */
static uint32_t lead_in(const scan *s, size_t i)
{
	uint32_t start = s->w[i].start;
	if (i > 0 && (is(s, i - 1, "around") || is(s, i - 1, "circa"))) {
		uint32_t prev_end = s->out.len ? s->out.items[s->out.len - 1].end : 0;
		if (s->w[i - 1].start >= prev_end)
			start = s->w[i - 1].start;
	}
	return start;
}

/* "[the] end of today|tomorrow|yesterday|the day|day" at i: that day at 23:59:59. */
static size_t rule_end_of_day(scan *s, size_t i)
{
	size_t k = i + is(s, i, "the");
	if (!is(s, k, "end") || !is(s, k + 1, "of"))
		return 0;
	size_t t = is(s, i, "the") ? i : i - (i > 0 && is(s, i - 1, "the"));
	if (t > 0 && is(s, t, "the") && is(s, t - 1, "at") && (is(s, k + 2, "the") && is(s, k + 3, "day")))
		return 0;   /* "at the end of the day": an idiom */
	k += 2;
	size_t before = s->out.len, took = 0;
	char day[16] = "";
	cr_dayrange r = none();
	uint8_t anchor = CR_ANCHOR_DOCUMENT;
	if ((is(s, k, "the") && is(s, k + 1, "day")) || is(s, k, "day")) {
		took = 1 + is(s, k, "the");
		int32_t a, width;
		if (cr_tx_doc_anchor(s, &a, &width)) {
			cr_day_format(a, day);
			r = cr_tx_widen((cr_dayrange){a, a}, width);
		}
	} else if (is(s, k, "today") || is(s, k, "tomorrow") || is(s, k, "yesterday")) {
		took = cr_tx_rule_deictic(s, k);
		if (!took || s->out.len != before + 1 || !day_value(s->out.items[before].value) ||
		    strlen(s->out.items[before].value) != 10) {
			s->out.len = before;
			return 0;
		}
		cr_timex d = s->out.items[--s->out.len];
		snprintf(day, sizeof day, "%.10s", d.value);
		r = d.range;
		anchor = d.anchor;
	} else {
		return 0;
	}
	if (!day[0])
		return 0;
	cr_timex x = {0};
	x.start = s->w[i].start;
	x.end = s->w[k + took - 1].end;
	x.type = CR_TIMEX_TIME;
	x.anchor = anchor;
	x.range = r;
	snprintf(x.value, sizeof x.value, "%sT23:59:59", day);
	cr_vec_push(&s->out, x);
	return k + took - i;
}

/* A day phrase at q that a time can sit on: the emitted day is popped into *d. Returns its words, 0 none. */
static size_t day_after(scan *s, size_t q, cr_timex *d)
{
	if (q >= s->n || s->w[q].punct)
		return 0;
	size_t before = s->out.len, took = cr_tx_rule_day_month(s, q);
	if (!took) {
		if (is_weekday(s, q))
			took = cr_tx_rule_weekday(s, q);
		else if (is(s, q, "today") || is(s, q, "yesterday") || is(s, q, "tomorrow") || is(s, q, "tonight") ||
		         ((is(s, q, "this") || is(s, q, "last")) && q + 1 < s->n && s->w[q + 1].kind == K_DAYPART))
			took = cr_tx_rule_deictic(s, q);
	}
	if (took && s->out.len == before + 1 && day_value(s->out.items[before].value)) {
		*d = s->out.items[--s->out.len];
		return took;
	}
	s->out.len = before;
	return 0;
}

/* The part of the day (1..4) word k names, 0 none. */
static int part_word(const scan *s, size_t k)
{
	return k < s->n && s->w[k].kind == K_DAYPART && s->w[k].val >= 1 && s->w[k].val <= 4 ? s->w[k].val : 0;
}

/* Whether the word after a part of the day leaves it a time, not an adjective ("the evening news"). */
static bool part_end_ok(const scan *s, size_t k)
{
	if (k >= s->n || s->w[k].punct || s->w[k].cap || s->w[k].kind == K_WEEKDAY)
		return true;
	static const char *const ok[] = {"a", "after", "and", "are", "as", "at", "before", "but", "by", "for", "from",
	                                 "had", "has", "have", "he", "her", "his", "i", "in", "is", "it", "its", "of",
	                                 "on", "or", "she", "that", "the", "their", "then", "there", "they", "to",
	                                 "today", "tomorrow", "until", "was", "we", "were", "when", "while", "will",
	                                 "with", "would", "yesterday", "you"};
	for (size_t q = 0; q < CR_ARRAY_LEN(ok); q++)
		if (is(s, k, ok[q]))
			return true;
	return false;
}

/*
 * Parts of the day without a clock: "later this afternoon", "early this
 * morning" (the deictic with its modifier), "late afternoon", "mid-afternoon
 * yesterday", "later in the afternoon", "[in] the morning [of March 9]".
 * The day is the one after it, else the anchor; the value its TIMEX3 with
 * "TMO"/"TAF"/"TEV"/"TNI".
 */
static size_t rule_daypart(scan *s, size_t i)
{
	size_t k = i;
	bool mod = is(s, k, "early") || is(s, k, "late") || is(s, k, "later") || is(s, k, "mid");
	k += mod;
	if (is(s, i, "mid") && is(s, k, "night"))
		return 0;   /* "mid night" is midnight */
	if (mod && (is(s, k, "this") || is(s, k, "last") || is(s, k, "today") || is(s, k, "tomorrow") ||
	            is(s, k, "yesterday") || is(s, k, "tonight"))) {
		size_t before = s->out.len, took = cr_tx_rule_deictic(s, k);
		if (took && s->out.len == before + 1 && value_part(s->out.items[before].value)) {
			s->out.items[before].start = s->w[i].start;
			return k + took - i;
		}
		s->out.len = before;
		return 0;
	}
	int part = 0;
	size_t e = k;
	bool the = false;
	if (mod && is(s, k, "in") && is(s, k + 1, "the") && part_word(s, k + 2)) {
		part = part_word(s, k + 2);
		e = k + 3;
	} else if (mod && part_word(s, k)) {
		part = part_word(s, k);
		e = k + 1;
	} else if (!mod && is(s, i, "the") && i > 0 && (is(s, i - 1, "in") || is(s, i - 1, "during")) &&
	           part_word(s, i + 1)) {
		part = part_word(s, i + 1);
		e = i + 2;
		the = true;
		bool sp;
		if (is(s, e, "at") || number_at(s, e, &sp) >= 0)
			return 0;   /* "in the morning at 7": the clock rule's */
	} else if (!mod && strncmp(s->w[i].low, "mid-", 4) == 0) {
		const char *rest = s->w[i].low + 4;
		long r = cr_tx_word_row(s, rest, strlen(rest), "daypart");
		if (r < 0)
			return 0;
		part = atoi(s->ctx->words->cols[r][2]);
		e = i + 1;
	} else {
		return 0;
	}
	if (part < 1 || part > 4)
		return 0;
	size_t q = e + (the && is(s, e, "of"));
	cr_timex d = {0};
	size_t took = (!the || q > e) ? day_after(s, q, &d) : 0;
	if (!took && !part_end_ok(s, e))
		return 0;
	cr_timex x = {0};
	char day[16] = "";
	if (took) {
		snprintf(day, sizeof day, "%.10s", d.value);
		x.range = d.range;
		x.anchor = d.anchor;
		e = q + took;
	} else if (the && known(s->narrative) && s->narrative.earliest == s->narrative.latest) {
		/* "in the morning" is a morning of the day the story is on */
		cr_day_format(s->narrative.earliest, day);
		x.range = s->narrative;
		x.anchor = CR_ANCHOR_NARRATIVE;
	} else {
		int32_t a, width;
		x.anchor = CR_ANCHOR_DOCUMENT;
		if (cr_tx_doc_anchor(s, &a, &width)) {
			cr_day_format(a, day);
			x.range = cr_tx_widen((cr_dayrange){a, a}, width);
		} else {
			x.range = none();
		}
	}
	x.start = s->w[i].start;
	x.end = s->w[e - 1].end;
	x.type = CR_TIMEX_TIME;
	snprintf(x.value, sizeof x.value, "%sT%s", day, cr_tx_daypart_sfx[part]);
	cr_vec_push(&s->out, x);
	return e - i;
}

/* Whether a clock or a part of the day can start at w: a speed filter, most words are none. */
static bool may_start_clock(const scan *s, size_t i)
{
	const word *w = &s->w[i];
	unsigned char c = (unsigned char)w->low[0];
	if (cr_is_digit(c) || w->kind == K_PART)
		return true;   /* 7; early, late, mid, end */
	if (w->kind == K_COUNT)
		return c != 'a' || is(s, i + 1, "quarter");   /* seven; "a quarter to", not "a" */
	switch (c) {
	case 'h': return strcmp(w->low, "half") == 0;
	case 'l': return strcmp(w->low, "later") == 0;
	case 'm': return strncmp(w->low, "mid", 3) == 0;   /* midday, midnight, mid night, mid-afternoon */
	case 'q': return strcmp(w->low, "quarter") == 0;
	case 'n':
		if (strncmp(w->low, "noon", 4) == 0)
			return true;
		break;
	case 't':
		if (strcmp(w->low, "the") == 0)
			return is(s, i + 1, "end") || part_word(s, i + 1);
		break;
	case 'e': case 'f': case 'o': case 's': break;
	default: return false;
	}
	/* five-thirty, twenty-five past: a number word (eight, five, nine, one, six, two...) before the hyphen */
	const char *dash = strchr(w->low, '-');
	return dash && dash - w->low >= 3 && dash - w->low <= 6 &&
	       cr_tx_word_row(s, w->low, (size_t)(dash - w->low), "count") >= 0;
}

/*
 * A clock time starting at word i, with the day after it or the anchor's.
 */
size_t cr_tx_rule_clock(scan *s, size_t i, size_t len)
{
	if (!may_start_clock(s, i))
		return 0;
	size_t e = rule_end_of_day(s, i);
	if (!e)
		e = rule_daypart(s, i);
	if (e)
		return e;
	tclock c;
	if (!clock_core(s, i, len, &c))
		return 0;
	clock_tail(s, len, &c);
	size_t k = c.next;
	uint32_t start = lead_in(s, i);
	/* "in the morning at 7", "in the morning 9 oclock" */
	int lead_part = 0;
	{
		size_t b = i;
		if (b > 0 && is(s, b - 1, "at"))
			b--;
		size_t nx;
		if (b >= 3 && part_phrase(s, b - 3, &nx) && nx == b) {
			uint32_t prev_end = s->out.len ? s->out.items[s->out.len - 1].end : 0;
			if (s->w[b - 3].start >= prev_end) {
				lead_part = part_phrase(s, b - 3, &nx);
				start = s->w[b - 3].start;
			}
		}
	}
	bool after_at = i > 0 && (is(s, i - 1, "at") || is(s, i - 1, "by") || is(s, i - 1, "until") ||
	                          is(s, i - 1, "around") || is(s, i - 1, "about") || is(s, i - 1, "@") ||
	                          is(s, i - 1, "before") || is(s, i - 1, "after") || is(s, i - 1, "circa"));
	if (c.bare && !c.strong && !lead_part && !after_at && !is(s, k, ","))
		return 0;   /* a bare number with nothing that makes it a time: most numbers */
	/* the day it falls on */
	size_t q = k + is(s, k, ",");
	q += is(s, q, "on");
	cr_timex d = {0};
	size_t took = day_after(s, q, &d);
	int part = took ? value_part(d.value) : 0;
	bool noon = is(s, i, "noon") || is(s, i, "midday") || is(s, i, "midnight") || is(s, i, "mid");
	if (noon) {
		if (!c.strong && !after_at && !took && !lead_part)
			return 0;
	} else if (!c.strong && !lead_part) {
		if (c.bare) {
			/* a bare hour: "at 7 tonight", "10, tonight", "at 7 on Friday" */
			bool ok = took && (after_at || (part && is(s, k, ","))) && c.h <= 12;
			if (!ok)
				return 0;
		} else if (!after_at && !took) {
			return 0;   /* "10:30" alone may be a score or a verse; "at 10:30" is a time */
		}
	}
	if (c.bare && !c.strong && !took && !bare_end_ok(s, k))
		return 0;
	if (c.weak && !c.colon && !took)
		return 0;   /* "at 9p" may be nine pence; "9p Tuesday" and "today at 9p" are times */
	int h = hour24(&c, part ? part : lead_part);
	if (h < 0)
		return 0;
	char day[16] = "";
	cr_dayrange r = none();
	uint8_t anchor = CR_ANCHOR_DOCUMENT;
	size_t last = k;
	if (took) {
		snprintf(day, sizeof day, "%.10s", d.value);
		r = d.range;
		anchor = d.anchor;
		last = q + took;
	} else {
		int32_t a, width;
		if (cr_tx_doc_anchor(s, &a, &width)) {
			cr_day_format(a, day);
			r = cr_tx_widen((cr_dayrange){a, a}, width);
		}
	}
	cr_timex x = {0};
	x.start = start;
	x.end = took ? s->w[last - 1].end : c.end;
	x.type = CR_TIMEX_TIME;
	x.anchor = anchor;
	x.range = r;
	clock_value(x.value, sizeof x.value, day, &c, h);
	cr_vec_push(&s->out, x);
	return (took ? last : k) - i;
}

/*
 * After a rule found a day at the end of the output, from word i to before word k:
 * a clock time that follows it ("tomorrow 8:00am", "today at 9a", "last
 * night at 8", "Friday around 4 in the afternoon") joins it; "right now" takes
 * its "right". Returns the words it took after k.
 */
size_t cr_tx_clock_after(scan *s, size_t i, size_t k, size_t len)
{
	cr_timex *x = &s->out.items[s->out.len - 1];
	/* "every day at 7:13 p.m." (T19:13), "each Monday at 4pm" (XXXX-WXX-1T16:00): sets at a time */
	bool set = x->type == CR_TIMEX_SET && (strcmp(x->value, "P1D") == 0 ||
	                                       (strncmp(x->value, "XXXX-WXX-", 9) == 0 && strlen(x->value) == 10));
	if (x->value[0] == 'P' && !set) {
		if (i > 0 && is(s, i, "now") && is(s, i - 1, "right") && x->start == s->w[i].start)
			x->start = s->w[i - 1].start;
		return 0;
	}
	if (k >= s->n || !(set || day_value(x->value)))
		return 0;
	if (set) {
		tclock c;
		if (!is(s, k, "at") || !clock_core(s, k + 1, len, &c))
			return 0;
		clock_tail(s, len, &c);
		int h = hour24(&c, c.part);
		if ((!c.strong && !c.colon) || h < 0)
			return 0;
		char day[16];
		snprintf(day, sizeof day, "%.10s", x->value[0] == 'P' ? "" : x->value);
		clock_value(x->value, sizeof x->value, day, &c, h);
		x->end = c.end;
		return c.next - k;
	}
	/* "Friday mornings", "Tuesday nights": a set */
	if (s->w[i].kind == K_WEEKDAY && k == i + 1 && k < s->n) {
		static const char *const plural[] = {"", "mornings", "afternoons", "evenings", "nights"};
		for (int p = 1; p <= 4; p++)
			if (is(s, k, plural[p])) {
				snprintf(x->value, sizeof x->value, "XXXX-WXX-%dT%s", s->w[i].val + 1, cr_tx_daypart_sfx[p]);
				x->type = CR_TIMEX_SET;
				x->range = none();
				x->end = s->w[k].end;
				return 1;
			}
	}
	size_t nx;
	int dp = part_phrase(s, k, &nx);
	if (dp && !value_part(x->value) && part_end_ok(s, nx)) {
		/* "Tuesday in the morning" */
		size_t l = strlen(x->value);
		snprintf(x->value + l, sizeof x->value - l, "T%s", cr_tx_daypart_sfx[dp]);
		x->type = CR_TIMEX_TIME;
		x->end = s->w[nx - 1].end;
		return nx - k;
	}
	size_t j = k + is(s, k, ",");
	bool link = false;
	if (is(s, j, "at") || is(s, j, "around") || is(s, j, "about") || is(s, j, "by") || is(s, j, "@")) {
		link = true;
		j++;
	}
	tclock c;
	if (j >= s->n || !clock_core(s, j, len, &c))
		return 0;
	clock_tail(s, len, &c);
	if (is(s, j, "noon") || is(s, j, "midday") || is(s, j, "midnight") || is(s, j, "mid")) {
		if (!link && !c.strong)
			return 0;
	} else if (!c.strong) {
		if (c.bare ? !link || c.h > 12 || !bare_end_ok(s, c.next) : !link && is(s, k, ","))
			return 0;
	}
	int part = value_part(x->value);
	int h = hour24(&c, c.part ? c.part : part);
	if (h < 0)
		return 0;
	char day[16];
	snprintf(day, sizeof day, "%.10s", x->value);
	clock_value(x->value, sizeof x->value, day, &c, h);
	x->type = CR_TIMEX_TIME;
	x->end = c.end;
	/* "around tomorrow 10am" */
	uint32_t prev_end = s->out.len > 1 ? s->out.items[s->out.len - 2].end : 0;
	if (i > 0 && x->start == s->w[i].start && (is(s, i - 1, "around") || is(s, i - 1, "circa")) &&
	    s->w[i - 1].start >= prev_end)
		x->start = s->w[i - 1].start;
	return c.next - k;
}
