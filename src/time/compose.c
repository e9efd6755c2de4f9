/*
 * compose.c: expressions joined after the rules have read them one by one.
 *
 * Inside cr_timex_find, three passes over the scan's output: a period and
 * the shift that moves it ("the quarter a year ago"), a day a day away
 * from another ("the day before last Tuesday"), and "since X", whose
 * interval runs on to the time of writing (the value stays X's, as TimeML
 * writes it).
 *
 * cr_timex_join_ranges, the range composer the pipeline dates claims with:
 * "from X to/until/till/through Y", "between X and Y" and "X - Y" become
 * one DATE from X's first day to Y's last ("from March 1 to March 20,
 * 2022": the first takes the second's year). cr_timex_find itself keeps
 * TimeML's two expressions, as TempEval scores them.
 */
#include "time/internal.h"

#include <stdio.h>
#include <string.h>

/*
 * "the quarter a year ago", "the month a year earlier": a period followed by
 * the shift that moves it is one expression, the shifted period (the rules
 * read the shift alone as that period already).
 */
void cr_tx_join_period_shift(scan *s)
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
void cr_tx_join_day_offset(scan *s)
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
void cr_tx_open_since(scan *s)
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
