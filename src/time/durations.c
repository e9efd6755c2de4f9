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
 * and the rarer forms, which calendar.c's entry point tries among its own
 * rules (its tables say where):
 *
 *   compact    3h, 10D, 3.5years, 123.45 sec, 1.5 weeks (one-letter units
 *              only after "for", "lasted", "over", "within")
 *   spelled    one and a half hours, one hour and a half, twenty and four
 *              hours, two nights, three weekends, half an hour
 *   sets       each quarter, semi-annually, bi-monthly, every weekday,
 *              every night, every two weekends, the 19th of every month
 *
 * Durations and sets have no interval.
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

/* ---- the rarer forms, tried by calendar.c's entry point --------------------- */

/* Unit letters of a duration: 'Y' 'M' 'W' 'D' 'E' (weekend), time 'h' 'm' 's'; 0 when unknown. */
static char unit_code(const char *u, size_t l, bool *short_form)
{
	static const struct { const char *w; char c; bool letter; } units[] = {
		{"h", 'h', true},      {"hr", 'h', false},     {"hrs", 'h', false},   {"hour", 'h', false},
		{"hours", 'h', false}, {"min", 'm', false},    {"mins", 'm', false},  {"minute", 'm', false},
		{"minutes", 'm', false}, {"sec", 's', false},  {"secs", 's', false},  {"second", 's', false},
		{"seconds", 's', false}, {"d", 'D', true},     {"day", 'D', false},   {"days", 'D', false},
		{"night", 'D', false}, {"nights", 'D', false}, {"w", 'W', true},      {"wk", 'W', false},
		{"wks", 'W', false},   {"week", 'W', false},   {"weeks", 'W', false}, {"weekend", 'E', false},
		{"weekends", 'E', false}, {"mo", 'M', false},  {"mos", 'M', false},   {"month", 'M', false},
		{"months", 'M', false}, {"y", 'Y', true},      {"yr", 'Y', false},    {"yrs", 'Y', false},
		{"year", 'Y', false},  {"years", 'Y', false},
	};
	char k[12];
	if (l == 0 || l > 8)
		return 0;
	char c0 = (char)cr_lower((unsigned char)u[0]);
	if (!(c0 == 'h' || c0 == 'm' || c0 == 's' || c0 == 'd' || c0 == 'n' || c0 == 'w' || c0 == 'y'))
		return 0;
	for (size_t p = 0; p < l; p++)
		k[p] = (char)cr_lower((unsigned char)u[p]);
	k[l] = 0;
	for (size_t q = 0; q < CR_ARRAY_LEN(units); q++)
		if (units[q].w[0] == c0 && strcmp(k, units[q].w) == 0) {
			*short_form = units[q].letter;
			return units[q].c;
		}
	return 0;
}

static void fmt_dur(char *out, size_t cap, double n, char unit)
{
	char num[24];
	snprintf(num, sizeof num, "%.6g", n);
	switch (unit) {
	case 'h': snprintf(out, cap, "PT%sH", num); break;
	case 'm': snprintf(out, cap, "PT%sM", num); break;
	case 's': snprintf(out, cap, "PT%sS", num); break;
	case 'E': snprintf(out, cap, "P%sWE", num); break;
	default: snprintf(out, cap, "P%s%c", num, unit); break;
	}
}

/* "123.45" in t[a..b) */
static double number_val(const char *t, uint32_t a, uint32_t b)
{
	double v = 0, scale = 0;
	for (uint32_t p = a; p < b; p++) {
		if (t[p] == '.') {
			scale = 1;
			continue;
		}
		v = v * 10 + (t[p] - '0');
		scale *= 10;
	}
	return scale > 0 ? v / scale : v;
}

/* 3h, 10D, 3.5years, 123.45 sec, 1.5 weeks, 45 mins: read from the text */
size_t cr_tx_rule_compact_duration(scan *s, size_t i)
{
	const char *t = s->text;
	uint32_t p = s->w[i].start, limit = s->w[s->n - 1].end;
	if (!cr_is_digit((unsigned char)t[p]))
		return 0;
	uint32_t q = p;
	while (q < limit && cr_is_digit((unsigned char)t[q]))
		q++;
	bool frac = false;
	if (q + 1 < limit && t[q] == '.' && cr_is_digit((unsigned char)t[q + 1])) {
		q++;
		while (q < limit && cr_is_digit((unsigned char)t[q]))
			q++;
		frac = true;
	}
	if (q - p > 7)
		return 0;
	bool fused = q < limit && cr_is_alpha((unsigned char)t[q]);
	uint32_t u = q;
	if (!fused && q + 1 < limit && t[q] == ' ' && cr_is_alpha((unsigned char)t[q + 1]))
		u = q + 1;
	else if (!fused)
		return 0;
	uint32_t ue = u;
	while (ue < limit && cr_is_alpha((unsigned char)t[ue]))
		ue++;
	if (ue < limit && (cr_is_digit((unsigned char)t[ue]) || t[ue] == '-'))
		return 0;
	bool letter = false;
	char unit = unit_code(t + u, ue - u, &letter);
	if (!unit || (!fused && ue - u > 1 && cr_is_upper((unsigned char)t[u]) && cr_is_upper((unsigned char)t[u + 1])))
		return 0;   /* "5 SEC filings" */
	double n = number_val(t, p, q);   /* the text is not NUL-terminated */
	if (letter && (!fused || !(i > 0 && (is(s, i - 1, "for") || is(s, i - 1, "lasted") || is(s, i - 1, "last") ||
	                                      is(s, i - 1, "lasts") || is(s, i - 1, "over") || is(s, i - 1, "within") ||
	                                      (unit == 'h' && !cr_is_upper((unsigned char)t[u]))))))
		return 0;
	if (!fused && !frac) {
		/* "3 years": the core rules' unless the unit is one they do not know */
		char k[12];
		size_t l = ue - u;
		if (l >= sizeof k)
			return 0;
		for (size_t c = 0; c < l; c++)
			k[c] = (char)cr_lower((unsigned char)t[u + c]);
		k[l] = 0;
		if (!(strcmp(k, "sec") == 0 || strcmp(k, "secs") == 0 || strcmp(k, "hr") == 0 || strcmp(k, "hrs") == 0 ||
		      strcmp(k, "mins") == 0 || strcmp(k, "min") == 0 || strcmp(k, "yrs") == 0 || strcmp(k, "seconds") == 0 ||
		      strcmp(k, "nights") == 0 || strcmp(k, "night") == 0 || strcmp(k, "weekends") == 0 ||
		      strcmp(k, "wks") == 0 || strcmp(k, "weekend") == 0))
			return 0;
		if ((unit == 'D' || unit == 'E') && i > 0 && !is(s, i - 1, "for") && !is(s, i - 1, "last") &&
		    !is(s, i - 1, "lasts") && !is(s, i - 1, "lasted"))
			return 0;
	}
	if (n <= 0)
		return 0;
	size_t j = cr_tx_word_ending_at(s, i, ue);
	if (j >= s->n)
		return 0;
	/* "20 min past eight", "10 mins to 5": a clock time (clock.c), not a duration */
	if (unit == 'm' && (is(s, j + 1, "past") || is(s, j + 1, "to") || is(s, j + 1, "till")) && j + 2 < s->n &&
	    (s->w[j + 2].num >= 0 || s->w[j + 2].kind == K_COUNT))
		return 0;
	char value[40];
	fmt_dur(value, sizeof value, n, unit);
	cr_tx_emit(s, i, j + 1, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
	return j + 1 - i;
}

/* The unit word at k for a spelled duration; also seconds, nights, weekends. */
char cr_tx_unit_word(const scan *s, size_t k)
{
	if (k >= s->n || s->w[k].punct)
		return 0;
	bool letter = false;
	const char *w = s->w[k].low;
	char c = unit_code(w, strlen(w), &letter);
	/* "SEC", "MIN" in capitals are names (the Securities and Exchange Commission), not units */
	if (c && s->w[k].cap && s->w[k].end - s->w[k].start > 1 && cr_is_upper((unsigned char)s->text[s->w[k].start + 1]))
		return 0;
	return letter ? 0 : c;
}

/* half an hour, half a day, half a year: the half in the next unit (PT30M, PT12H, P6M) */
size_t cr_tx_rule_half_duration(scan *s, size_t i)
{
	static const struct { const char *unit, *value; } halves[] = {
		{"hour", "PT30M"}, {"minute", "PT30S"}, {"day", "PT12H"}, {"year", "P6M"}, {"century", "P50Y"}, {"decade", "P5Y"}};
	if (!(is(s, i + 1, "a") || is(s, i + 1, "an")))
		return 0;
	for (size_t h = 0; h < CR_ARRAY_LEN(halves); h++)
		if (is(s, i + 2, halves[h].unit)) {
			cr_tx_emit(s, i, i + 3, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, halves[h].value);
			return 3;
		}
	return 0;
}

/*
 * one and a half hours, one hour and a half, one and a quarter year,
 * twenty and four hours, two nights, three weekends, one second.
 */
size_t cr_tx_rule_word_duration(scan *s, size_t i)
{
	size_t e = i + 1;
	int n = cr_tx_spelled(s, i, &e, false, NULL);
	bool article = is(s, i, "a") || is(s, i, "an");
	if (n <= 0 && s->w[i].num > 0 && s->w[i].ndigits <= 3 && !s->w[i].ordinal)
		n = s->w[i].num, e = i + 1;
	else if (n <= 0 && article)
		n = 1, e = i + 1;
	if (n <= 0)
		return 0;
	double frac = 0;
	size_t k = e;
	/* one and a half hours */
	if (is(s, k, "and")) {
		size_t q = k + 1 + (is(s, k + 1, "a") || is(s, k + 1, "an"));
		if (is(s, q, "half") || is(s, q, "quarter")) {
			frac = is(s, q, "half") ? 0.5 : 0.25;
			k = q + 1;
		}
	}
	char unit = cr_tx_unit_word(s, k);
	if (!unit)
		return 0;
	size_t end = k + 1;
	/* one hour and a half */
	if (frac == 0 && is(s, end, "and")) {
		size_t q = end + 1 + (is(s, end + 1, "a") || is(s, end + 1, "an"));
		if (is(s, q, "half") || is(s, q, "quarter")) {
			frac = is(s, q, "half") ? 0.5 : 0.25;
			end = q + 1;
		}
	}
	const char *u = s->w[k].low;
	bool new_unit = unit == 's' || unit == 'E' || strncmp(u, "night", 5) == 0 || strcmp(u, "hr") == 0 ||
	                strcmp(u, "hrs") == 0 || strcmp(u, "mins") == 0 || strcmp(u, "secs") == 0 || strcmp(u, "sec") == 0;
	if (frac == 0 && !new_unit && e == i + 1)
		return 0;   /* "two hours": the core rules' */
	if (article && (unit == 's' || unit == 'E'))
		return 0;   /* "a second term", "a weekend" */
	if (unit == 's' && strcmp(u, "second") == 0 && n != 1)
		return 0;
	if (new_unit && strncmp(u, "night", 5) == 0 && !(i > 0 && (is(s, i - 1, "for") || is(s, i - 1, "of"))))
		return 0;
	char value[40];
	/* "two and a half years": P2Y6M, "a minute and a half": PT1M30S, as TimeML
	 * writes them, when the fraction is a whole number of the next unit */
	static const struct { char unit; const char *fmt; int per; } split[] = {
		{'Y', "P%dY%dM", 12}, {'D', "P%dDT%dH", 24}, {'h', "PT%dH%dM", 60}, {'m', "PT%dM%dS", 60}};
	size_t q = 0;
	while (q < CR_ARRAY_LEN(split) && !(split[q].unit == unit && frac > 0 && frac * split[q].per == (int)(frac * split[q].per)))
		q++;
	if (q < CR_ARRAY_LEN(split))
		snprintf(value, sizeof value, split[q].fmt, (int)n, (int)(frac * split[q].per));
	else
		fmt_dur(value, sizeof value, n + frac, unit);
	cr_tx_emit(s, i, end, CR_TIMEX_DURATION, CR_ANCHOR_NONE, none(), G_DAY, value);
	return end - i;
}

/*
 * every|each quarter, every weekday, every two weekends, every night,
 * weekends, the 19th of every month, and set words whose period the core
 * rule cannot write (semi-annually: P0.5Y, bi-monthly: P2M).
 */
size_t cr_tx_rule_cal_set(scan *s, size_t i)
{
	char value[40];
	if (s->w[i].kind == K_SET) {
		int d = s->w[i].val;
		if (d == 1 || d == 7 || d == 30 || d == 365)
			return 0;
		if (d == 182 || d == 183)
			snprintf(value, sizeof value, "P0.5Y");
		else if (d % 365 == 0)
			snprintf(value, sizeof value, "P%dY", d / 365);
		else if (d % 30 == 0)
			snprintf(value, sizeof value, "P%dM", d / 30);
		else if (d % 7 == 0)
			snprintf(value, sizeof value, "P%dW", d / 7);
		else
			snprintf(value, sizeof value, "P%dD", d);
		cr_tx_emit(s, i, i + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 1;
	}
	/* the 19th of every month */
	if (is_day(s, i) && s->w[i].ordinal && is(s, i + 1, "of") && (is(s, i + 2, "every") || is(s, i + 2, "each")) &&
	    is(s, i + 3, "month")) {
		snprintf(value, sizeof value, "XXXX-XX-%02d", s->w[i].num);
		cr_tx_emit(s, i, i + 4, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
		return 4;
	}
	if (!(is(s, i, "every") || is(s, i, "each")))
		return 0;
	size_t j = i + 1;
	size_t e;
	int n = 1;
	if (j < s->n && s->w[j].num > 0 && !s->w[j].ordinal) {
		n = s->w[j].num;
		j++;
	} else if (j < s->n && s->w[j].kind == K_COUNT && !is(s, j, "a") && !is(s, j, "an") && cr_tx_count_words(s, j, &e) > 0) {
		n = cr_tx_count_words(s, j, &e);
		j = e;
	}
	if (is(s, j, "quarter") || is(s, j, "quarters")) {
		snprintf(value, sizeof value, "P%dM", 3 * n);
	} else if (is(s, j, "weekday") || is(s, j, "weekdays")) {
		snprintf(value, sizeof value, "P%dWD", n);
	} else if (n > 1 && (is(s, j, "weekends"))) {
		snprintf(value, sizeof value, "P%dWE", n);
	} else if (n == 1 && j == i + 1 && j < s->n && s->w[j].kind == K_DAYPART && s->w[j].val >= 1 && s->w[j].val <= 4) {
		static const char *const code[] = {"", "MO", "AF", "EV", "NI"};
		snprintf(value, sizeof value, "T%s", code[s->w[j].val]);
	} else {
		return 0;
	}
	cr_tx_emit(s, i, j + 1, CR_TIMEX_SET, CR_ANCHOR_NONE, none(), G_DAY, value);
	return j + 1 - i;
}
