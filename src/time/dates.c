/*
 * dates.c: the date rules (TIMEX3 DATE), tried at a word in the order of
 * engine.c's rule table; each returns the words it took, 0 when its form is
 * not there.
 *
 *   ISO, numeric     2022-03-09, 3/9/2022 (month first unless the first is over 12)
 *   day month [year] 9 March, 9th March 2022, the 9th of March
 *   month day [year] March 9, March 16th, March 9, 2022, March 9 last year
 *   month year       March 2022
 *   part of a period early/mid/late 2016, late March, the end of 2016, mid-1990s
 *   decade, century  the 1990s, the late 1990s, the 20th century, this century
 *   year pair        between 2015 and 2016, from 2015 to 2016 (two dates);
 *                    2015-2016 (one span)
 *   quarter          the third quarter [of 1989], third-quarter, the quarter,
 *                    the 1988 third quarter, this year's third quarter
 *   deictic          today, yesterday, tonight, this morning, last night,
 *                    last/this/next week|month|year, earlier this month,
 *                    N units ago, last weekend, the full year
 *   narrative        a week later, six years earlier, the next day, later
 *                    that year, the year-earlier quarter
 *   weekday          Friday, on Friday, last Friday, Friday morning,
 *                    Monday, Oct. 26 (the full date wins)
 *   month alone      in September, last March, since May (capitalised)
 *   year             1962 after in/since/by/of/... or a determiner ("the
 *                    1996 law"), never before a noun ("2014 people")
 *   season           this summer, last fall, the summer of 2016
 *   in N units       will leave in two weeks (a future sentence only)
 *
 * Anchors and tenses: anchor.c. Limits: spelled-out years, holidays and
 * weeks of a month are calendar.c's; date ranges inside a month ("3-12
 * September") are not read; "may", "march" and "fall" need capitals or date
 * context.
 */
#include "time/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool year_context(const scan *s, size_t i)
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

/* Each rule returns the number of words it took at i (0 = no match). */

size_t cr_tx_rule_iso(scan *s, size_t i)
{
	const char *t = s->text + s->w[i].start;
	size_t l = s->w[i].end - s->w[i].start;
	int32_t z;
	if (l != 10 || !cr_day_parse(t, &z))
		return 0;
	cr_tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, (cr_dayrange){z, z}, G_DAY, NULL);
	return 1;
}

/*
 * Numeric dates with a four-digit year, month first as American wires
 * write them: 3/9/2022, 03/09/2022. A day over 12 in the first place makes
 * it day first (9/3 is ambiguous and read month first).
 */
size_t cr_tx_rule_numeric(scan *s, size_t i)
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
	cr_tx_emit(s, i, i + 5, CR_TIMEX_DATE, CR_ANCHOR_NONE, day_range(y, m, d), G_DAY, NULL);
	return 5;
}

/* month day / day month, with an optional year and "last year"/"this year" */
size_t cr_tx_rule_day_month(scan *s, size_t i)
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
		if (cr_tx_doc_anchor(s, &a, &width))
			year = year_of(a) + off;
	} else if (year < 0) {
		anchor = CR_ANCHOR_DOCUMENT;
		if (cr_tx_doc_anchor(s, &a, &width))
			year = cr_tx_nearest_year(a, m, d, cr_tx_tense(s));
	}
	char value[40];
	if (year >= 0) {
		if (d > cr_days_in_month(year, m))
			return 0;
		r = cr_tx_widen(day_range(year, m, d), width);
		cr_tx_fmt_value(value, sizeof value, day_range(year, m, d), G_DAY);
	} else {
		snprintf(value, sizeof value, "XXXX-%02d-%02d", m, d);
	}
	cr_tx_emit(s, i, j, CR_TIMEX_DATE, anchor, r, G_DAY, value);
	return j - i;
}

size_t cr_tx_rule_month_year(scan *s, size_t i)
{
	if (!is_month(s, i) || !is_year(s, i + 1))
		return 0;
	int m = s->w[i].val, y = s->w[i + 1].num;
	cr_tx_emit(s, i, i + 2, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_month(y, m), G_MONTH, NULL);
	return 2;
}

/* early/mid/late YEAR|MONTH|DECADE, "the end of 2016", "the beginning of March" */
/* "mid-November", "mid-2016", "early-1990s" written as one word */
size_t cr_tx_rule_part_hyphen(scan *s, size_t i)
{
	const char *w = s->w[i].low, *dash = strchr(w, '-');
	if (!dash || dash == w)
		return 0;
	word head = {0}, tail = {0};
	snprintf(head.low, sizeof head.low, "%.*s", (int)(dash - w), w);
	snprintf(tail.low, sizeof tail.low, "%s", dash + 1);
	cr_tx_classify(s->ctx, &head);
	cr_tx_classify(s->ctx, &tail);
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
			if (cr_tx_doc_anchor(s, &a, &width))
				y = cr_tx_nearest_year_month(a, m, cr_tx_tense(s));
		}
		if (y >= 0) {
			int d2 = p1 <= 4 ? 10 : p1 <= 8 ? 20 : cr_days_in_month(y, m);
			r = cr_tx_widen((cr_dayrange){cr_days_from_civil(y, m, d1), cr_days_from_civil(y, m, d2)}, width);
			snprintf(value, sizeof value, "%04d-%02d", y, m);
		} else {
			snprintf(value, sizeof value, "XXXX-%02d", m);
		}
		cr_tx_emit(s, i, end, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
		return end - i;
	}
	if (tail.ndigits == 4 && tail.num >= 1000 && tail.num <= 2100 && !tail.ordinal) {
		int y = tail.num;
		if (strlen(tail.low) == 5) {   /* "mid-1990s" */
			int dec = y - y % 10;
			int a = dec + (p1 <= 4 ? 0 : p1 <= 8 ? 4 : 7), b = dec + (p1 <= 4 ? 3 : p1 <= 8 ? 6 : 9);
			cr_tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE,
			     (cr_dayrange){cr_days_from_civil(a, 1, 1), cr_days_from_civil(b, 12, 31)}, G_DECADE, NULL);
			return 1;
		}
		if (strlen(tail.low) != 4)
			return 0;
		snprintf(value, sizeof value, "%04d", y);
		cr_tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, part_of_year(y, p1, p2), G_SPAN, value);
		return 1;
	}
	return 0;
}

size_t cr_tx_rule_part(scan *s, size_t i)
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
		cr_tx_emit(s, start, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, part_of_year(y, p1, p2), G_SPAN, NULL);
		snprintf(s->out.items[s->out.len - 1].value, 40, "%04d", y);
		return j + 1 - i;
	}
	if (j < s->n && s->w[j].num >= 1000 && s->w[j].ndigits == 4 && strcmp(s->w[j].low + 4, "s") == 0) {
		int dec = s->w[j].num - s->w[j].num % 10;
		int a = dec + (p1 <= 4 ? 0 : p1 <= 8 ? 4 : 7), b = dec + (p1 <= 4 ? 3 : p1 <= 8 ? 6 : 9);
		cr_dayrange r = {cr_days_from_civil(a, 1, 1), cr_days_from_civil(b, 12, 31)};
		cr_tx_emit(s, start, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, r, G_DECADE, NULL);
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
			if (cr_tx_doc_anchor(s, &a, &width))
				y = cr_tx_nearest_year_month(a, m, cr_tx_tense(s));
		}
		cr_dayrange r = none();
		char value[40];
		if (y >= 0) {
			int dim = cr_days_in_month(y, m);
			int d1 = p1 <= 4 ? 1 : p1 <= 8 ? 11 : 21, d2 = p1 <= 4 ? 10 : p1 <= 8 ? 20 : dim;
			r = cr_tx_widen((cr_dayrange){cr_days_from_civil(y, m, d1), cr_days_from_civil(y, m, d2)}, width);
			snprintf(value, sizeof value, "%04d-%02d", y, m);
		} else {
			snprintf(value, sizeof value, "XXXX-%02d", m);
		}
		cr_tx_emit(s, start, k, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
		return k - i;
	}
	return 0;
}

size_t cr_tx_rule_decade(scan *s, size_t i)
{
	size_t j = i;
	if (is(s, j, "the"))
		j++;
	if (j >= s->n || s->w[j].ndigits != 4 || strcmp(s->w[j].low + 4, "s") != 0 || s->w[j].num % 10 != 0)
		return 0;
	int dec = s->w[j].num;
	cr_tx_emit(s, j, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, (cr_dayrange){cr_days_from_civil(dec, 1, 1),
	                                                               cr_days_from_civil(dec + 9, 12, 31)}, G_DECADE, NULL);
	return j + 1 - i;
}

/* between 2015 and 2016, from 2015 to 2016, 2015-2016, 2015 to 2016 */
size_t cr_tx_rule_year_span(scan *s, size_t i)
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
	if (!opener && !year_context(s, i))
		return 0;
	int y1 = s->w[j].num, y2 = s->w[k].num;
	if (!is(s, j + 1, "-") && !is(s, j + 1, "\xE2")) {
		/* "between 1994 and 1997", "from 1991 to 1997": two dates, as TimeML marks them
		 * (the span between them is a relation, not an expression) */
		cr_tx_emit(s, j, j + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_year(y1), G_YEAR, NULL);
		cr_tx_emit(s, k, k + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_year(y2), G_YEAR, NULL);
		return k + 1 - i;
	}
	char value[40];
	snprintf(value, sizeof value, "%04d/%04d", y1, y2);
	cr_tx_emit(s, j, k + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE,
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

size_t cr_tx_rule_year(scan *s, size_t i)
{
	if (!is_year(s, i) || cr_tx_zoned_clock(s, i))
		return 0;   /* "(1023 GMT)" is a clock time */
	bool modifier = is_modifier_year(s, i);
	if (!modifier && !year_context(s, i))
		return 0;
	/* "in 2014 people" is no date; a count with a noun after it is the number recognizer's */
	if (!modifier && i + 1 < s->n && !s->w[i + 1].punct && !s->w[i + 1].cap && s->w[i + 1].kind == K_NONE &&
	    !follows_year(s, i + 1))
		return 0;
	int y = s->w[i].num;
	/* "fiscal 1989": the word is part of the name (the fiscal year is the company's, its value the year) */
	size_t start = i > 0 && is(s, i - 1, "fiscal") ? i - 1 : i;
	cr_tx_emit(s, start, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NONE, cr_range_year(y), G_YEAR, NULL);
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
size_t cr_tx_rule_season(scan *s, size_t i)
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
	if (y < 0 && cr_tx_doc_anchor(s, &a, &width)) {
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
			if (cr_tx_fut(s))
				for (y = ay - 1; season_range(y, start).latest < a; y++)
					;
		}
	}
	if (y >= 0) {
		r = cr_tx_widen(season_range(y, start), width);
		snprintf(value, sizeof value, "%04d-%s", y, season_code[q]);
	} else {
		snprintf(value, sizeof value, "XXXX-%s", season_code[q]);
	}
	cr_tx_emit(s, i, end, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
	return end - i;
}

/* the weekend, this weekend, last weekend: TIMEX3 "YYYY-Www-WE" */
size_t cr_tx_rule_weekend(scan *s, size_t i)
{
	int off = is(s, i, "last") || is(s, i, "past") ? -1 : is(s, i, "next") ? 1 : is(s, i, "this") || is(s, i, "the") ? 0 : 9;
	if (off == 9 || !is(s, i + 1, "weekend"))
		return 0;
	int32_t a, width;
	cr_dayrange r = none();
	char value[40] = "XXXX-WXX-WE";
	if (cr_tx_doc_anchor(s, &a, &width)) {
		/* the Saturday of the anchor's week, or of the week before when it is still ahead */
		int32_t sat = a - cr_weekday(a) + 5;
		if (off < 0 || (off == 0 && sat > a && !cr_tx_fut(s)))
			sat -= 7;
		if (off > 0)
			sat += sat > a ? 0 : 7;
		r = cr_tx_widen((cr_dayrange){sat, sat + 1}, width);
		cr_tx_fmt_value(value, sizeof value, (cr_dayrange){sat - 5, sat + 1}, G_WEEK);
		snprintf(value + strlen(value), sizeof value - strlen(value), "-WE");
	}
	cr_tx_emit(s, i, i + 2, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_SPAN, value);
	return 2;
}

/* in September, last March, since May */
size_t cr_tx_rule_month(scan *s, size_t i)
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
	if (rel && is_day(s, j + 1) && !is(s, j + 2, ":") && cr_tx_doc_anchor(s, &a, &width)) {
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
		cr_tx_fmt_value(value, sizeof value, day_range(y, m, d), G_DAY);
		cr_tx_emit(s, i, j + 2, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, cr_tx_widen(day_range(y, m, d), width), G_DAY, value);
		return j + 2 - i;
	}
	snprintf(value, sizeof value, "XXXX-%02d", m);
	/* "in March last year": the year is said, relative to the publication date */
	if (!rel && (is(s, j + 1, "last") || is(s, j + 1, "this") || is(s, j + 1, "next")) && is(s, j + 2, "year")) {
		int yoff = is(s, j + 1, "last") ? -1 : is(s, j + 1, "next") ? 1 : 0;
		size_t end = j + 3;
		if (cr_tx_doc_anchor(s, &a, &width)) {
			int y = year_of(a) + yoff;
			r = cr_tx_widen(cr_range_month(y, m), width);
			snprintf(value, sizeof value, "%04d-%02d", y, m);
		}
		cr_tx_emit(s, i, end, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_MONTH, value);
		return end - i;
	}
	if (cr_tx_doc_anchor(s, &a, &width)) {
		int y;
		if (rel && off != 0) {
			int ay = year_of(a);
			y = off < 0 ? (cr_days_from_civil(ay, m, 1) < a ? ay : ay - 1) : (cr_days_from_civil(ay, m, 1) > a ? ay : ay + 1);
		} else if (rel) {
			y = year_of(a);
		} else {
			y = cr_tx_nearest_year_month(a, m, cr_tx_tense(s));
		}
		r = cr_tx_widen(cr_range_month(y, m), width);
		snprintf(value, sizeof value, "%04d-%02d", y, m);
	}
	cr_tx_emit(s, i, j + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_MONTH, value);
	return j + 1 - i;
}

/*
 * Friday, on Friday, last Friday, Friday morning, "Monday, Oct. 26" (the
 * full date wins). A capitalised weekday is a date wherever it stands; it
 * is the latest such day on or before the anchor, or in a future sentence
 * the first on or after it.
 */
size_t cr_tx_rule_weekday(scan *s, size_t i)
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
		size_t took = k < s->n && !s->w[k].punct ? cr_tx_rule_day_month(s, k) : 0;
		if (!took)
			took = k < s->n && !s->w[k].punct ? cr_tx_rule_iso(s, k) : 0;
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
	if (cr_tx_doc_anchor(s, &a, &width)) {
		int32_t z = a - ((cr_weekday(a) - wd + 7) % 7);   /* on or before the anchor */
		if (off < 0 && z == a)
			z -= 7;
		/* "Wednesday's ruling" is news, not a plan */
		size_t wl = strlen(s->w[j].low);
		bool poss = wl > 2 && strcmp(s->w[j].low + wl - 2, "'s") == 0;
		if (off > 0 || coming || (off == 0 && !poss && cr_tx_future_near(s, i)))
			z = a + ((wd - cr_weekday(a) + 7) % 7);
		if (off > 0 && z == a)
			z += 7;
		r = cr_tx_widen((cr_dayrange){z, z}, width);
		cr_tx_fmt_value(value, sizeof value, (cr_dayrange){z, z}, G_DAY);
	}
	uint8_t type = CR_TIMEX_DATE;
	size_t end = j + 1;
	if (end < s->n && s->w[end].kind == K_DAYPART) {
		size_t l = strlen(value);
		snprintf(value + l, sizeof value - l, "T%s", cr_tx_daypart_sfx[s->w[end].val >= 1 && s->w[end].val <= 4 ? s->w[end].val : 4]);
		type = CR_TIMEX_TIME;
		end++;
	}
	cr_tx_emit(s, i, end, type, CR_ANCHOR_DOCUMENT, r, G_DAY, value);
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
size_t cr_tx_rule_deictic(scan *s, size_t i)
{
	int32_t a = 0, width = 0;
	bool have = cr_tx_doc_anchor(s, &a, &width);
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
		cr_dayrange r = have ? cr_tx_widen((cr_dayrange){a + off, a + off}, width) : none();
		char value[40];
		if (have)
			cr_tx_fmt_value(value, sizeof value, (cr_dayrange){a + off, a + off}, G_DAY);
		else
			snprintf(value, sizeof value, "%s", off ? "XXXX-XX-XX" : "PRESENT_REF");
		if (part >= 1 && part <= 4 && have)
			snprintf(value + 10, sizeof value - 10, "T%s", cr_tx_daypart_sfx[part]);
		cr_tx_emit(s, i, i + took, part ? CR_TIMEX_TIME : CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, G_DAY, value);
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
		cr_tx_emit(s, j - 1, k, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, "P10Y");
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
			r = cr_tx_shift_months(cr_range_month(y, m), off);
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
		cr_tx_fmt_value(value, sizeof value, r, gran);
		r = cr_tx_widen(r, width);
	} else {
		snprintf(value, sizeof value, "%s", off < 0 ? "PAST_REF" : off > 0 ? "FUTURE_REF" : "PRESENT_REF");
	}
	cr_tx_emit(s, start, k, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, r, gran, value);
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
	cr_tx_emit(s, i, end, CR_TIMEX_DATE, anchor, quarter_range(y, q), G_SPAN, value);
	s->narrative = keep;   /* the comparison does not move the story */
	snprintf(s->nar_value, sizeof s->nar_value, "%s", kv);
	return true;
}

size_t cr_tx_rule_relative(scan *s, size_t i)
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
		n = cr_tx_count_at(s, j, &used);
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
		if (!cr_tx_doc_anchor(s, &a, &width)) {
			cr_tx_emit(s, i, j + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, none(), G_DAY, "PAST_REF");
			return j + 1 - i;
		}
		if (unit == 365 && !cr_tx_vague_count(s, i) && year_shift_of_quarter(s, i, j + 1, -n, CR_ANCHOR_DOCUMENT))
			return j + 1 - i;
		cr_dayrange r = cr_tx_shift_unit((cr_dayrange){a, a}, unit, -n, &gran);
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
		cr_tx_fmt_value(value, sizeof value, r, gran);
		if (cr_tx_vague_count(s, i))
			snprintf(value, sizeof value, "PAST_REF");
		cr_tx_emit(s, i, j + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, cr_tx_widen(r, width), gran, value);
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
		cr_tx_emit(s, i, end, CR_TIMEX_DATE, CR_ANCHOR_NARRATIVE, none(), G_DAY, "XXXX-XX-XX");
		return end - i;
	}
	if (unit == 365 && known(s->narrative) && year_shift_of_quarter(s, i, end, dir, CR_ANCHOR_NARRATIVE))
		return end - i;
	cr_dayrange r;
	if (unit == 365 && !following && base.earliest == base.latest && n == 1) {
		/* "a year earlier" than a day is that day (TimeBank's comparisons); "six years earlier" is a year */
		r = cr_tx_shift_years(base, dir);
		gran = G_DAY;
	} else {
		r = cr_tx_shift_unit(base, unit, dir, &gran);
	}
	cr_tx_emit(s, i, end, CR_TIMEX_DATE, CR_ANCHOR_NARRATIVE, r, gran, NULL);
	return end - i;
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
		if (!cr_tx_doc_anchor(s, &a, &width))
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
	cr_tx_emit(s, i, j, CR_TIMEX_DATE, anchor, quarter_range(y, q), G_SPAN, value);
	return j - i;
}

size_t cr_tx_rule_quarter(scan *s, size_t i)
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
	if (y < 0 && cr_tx_doc_anchor(s, &a, &width)) {
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
		r = cr_tx_widen(quarter_range(y, q), width);
		snprintf(value, sizeof value, "%04d-Q%d", y, q);
	} else {
		snprintf(value, sizeof value, q ? "XXXX-Q%d" : "XXXX-QX", q);
	}
	cr_tx_emit(s, i, end, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
	return end - i;
}

/*
 * "the year" / "the month" / "the week" as a time: after "for" a duration
 * ("for the year", P1Y); after "in", "during", "earlier in", "later in" the
 * anchor's own period. "year-earlier" / "year-ago" as adjectives: the
 * narrative's date a year before ("the year-earlier quarter").
 */
size_t cr_tx_rule_the_period(scan *s, size_t i)
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
		cr_tx_emit(s, i, i + 1, CR_TIMEX_DATE, CR_ANCHOR_NARRATIVE, cr_range_year(y), G_YEAR, NULL);
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
		cr_tx_emit(s, i, i + 3, CR_TIMEX_DATE, CR_ANCHOR_NARRATIVE, r,
		        is(s, i + 2, "year") ? G_YEAR : is(s, i + 2, "month") ? G_MONTH : G_DAY, NULL);
		return 3;
	}
	if (is(s, i, "the") && (is(s, i + 1, "full") || is(s, i + 1, "fiscal") || is(s, i + 1, "whole")) &&
	    is(s, i + 2, "year")) {
		/* "for the full year" is the anchor's year; "the fiscal year ended Jan. 31" a year's duration */
		if (is(s, i + 3, "ended") || is(s, i + 3, "ending")) {
			cr_tx_emit(s, i, i + 3, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, "P1Y");
			return 3;
		}
		int32_t a, width;
		if (!is(s, i + 1, "full") || !cr_tx_doc_anchor(s, &a, &width))
			return 0;
		cr_dayrange r = cr_range_year(year_of(a));
		char value[40];
		cr_tx_fmt_value(value, sizeof value, r, G_YEAR);
		cr_tx_emit(s, i, i + 3, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, cr_tx_widen(r, width), G_YEAR, value);
		return 3;
	}
	if (!is(s, i, "the") || i == 0 || !(is(s, i + 1, "year") || is(s, i + 1, "month") || is(s, i + 1, "week")))
		return 0;
	int unit = s->w[i + 1].val;
	if (is(s, i + 2, "ended") || is(s, i + 2, "ending")) {
		/* "for the year ended Sept. 30": a fiscal year, a duration */
		cr_tx_emit(s, i, i + 2, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY,
		        unit == 365 ? "P1Y" : unit == 30 ? "P1M" : "P1W");
		return 2;
	}
	if (i + 2 < s->n && !s->w[i + 2].punct && !is(s, i + 2, "and") && !is(s, i + 2, "to") && !is(s, i + 2, "so"))
		return 0;   /* "the year before the war", "the week ahead" */
	if (is(s, i - 1, "for")) {
		cr_tx_emit(s, i, i + 2, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY,
		     unit == 365 ? "P1Y" : unit == 30 ? "P1M" : "P1W");
		return 2;
	}
	if (!(is(s, i - 1, "in") || is(s, i - 1, "during") || is(s, i - 1, "of") || is(s, i - 1, "through") ||
	      is(s, i - 1, "throughout")))
		return 0;
	int32_t a, width;
	if (!cr_tx_doc_anchor(s, &a, &width))
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
	cr_tx_fmt_value(value, sizeof value, r, gran);
	cr_tx_emit(s, i, i + 2, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, cr_tx_widen(r, width), gran, value);
	return 2;
}

/*
 * recent years / recent weeks (vague durations, "PXY"); the 20th century,
 * this century, the last century ("19", "20": TIMEX3 centuries).
 */
size_t cr_tx_rule_recent_century(scan *s, size_t i)
{
	if (is(s, i, "recent") && i + 1 < s->n && s->w[i + 1].kind == K_UNIT && s->w[i + 1].val != 0 &&
	    s->w[i + 1].low[strlen(s->w[i + 1].low) - 1] == 's') {
		char value[40];
		cr_tx_fmt_duration(value, sizeof value, -1, s->w[i + 1].val);
		cr_tx_emit(s, i, i + 2, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 2;
	}
	size_t j = i + is(s, i, "the");
	int c = -1;
	uint8_t anchor = CR_ANCHOR_NONE;
	if (j + 1 < s->n && is(s, j + 1, "century") && s->w[j].ordinal && s->w[j].num >= 1 && s->w[j].num <= 21) {
		c = s->w[j].num - 1;
	} else if ((is(s, i, "this") || is(s, i, "last") || is(s, i, "next")) && is(s, i + 1, "century")) {
		int32_t a, width;
		if (!cr_tx_doc_anchor(s, &a, &width))
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
	cr_tx_emit(s, i, j + 2, CR_TIMEX_DATE, anchor, r, G_SPAN, value);
	return j + 2 - i;
}

/*
 * "will leave in two weeks": in a future sentence, "in N units" is the day
 * N units after the publication date. Elsewhere ("in two years he rose to
 * colonel") it stays a duration, for rule_bare_duration.
 */
size_t cr_tx_rule_in_future(scan *s, size_t i)
{
	if (!is(s, i, "in"))
		return 0;
	size_t used = 0;
	int n = cr_tx_count_at(s, i + 1, &used);
	size_t j = i + 1 + used;
	if (!n || cr_tx_vague_count(s, i + 1) || j >= s->n || s->w[j].kind != K_UNIT || s->w[j].val <= 0 ||
	    s->w[j].val == 3650 || !cr_tx_fut(s))
		return 0;
	if (is(s, j + 1, "time") || is(s, j + 1, "of"))
		return 0;   /* "in two weeks' time" is fine, "in two years of war" is not a date */
	int32_t a, width;
	if (!cr_tx_doc_anchor(s, &a, &width))
		return 0;
	int unit = s->w[j].val, gran;
	cr_dayrange r = cr_tx_shift_unit((cr_dayrange){a, a}, unit == 365 ? 30 : unit, unit == 365 ? 12 * n : n, &gran);
	char value[40];
	cr_tx_fmt_value(value, sizeof value, r, G_DAY);
	cr_tx_emit(s, i, j + 1, CR_TIMEX_DATE, CR_ANCHOR_DOCUMENT, cr_tx_widen(r, width), G_DAY, value);
	return j + 1 - i;
}
