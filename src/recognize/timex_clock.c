/*
 * timex_clock.c: clock times ("10 p.m.", "10:35 a.m. EST Tuesday", "noon
 * Thursday"), tried at a word after the date rules of timex.c.
 */
#include "recognize/timex_internal.h"

#include <stdio.h>
#include <stdlib.h>

/* Case-insensitive "a.m." / "p.m." / "am" / "pm" at text[p..len): 1 am, 2 pm, 0 none; *end past it. */
static int meridiem(const char *t, size_t p, size_t len, size_t *end)
{
	static const char *const forms[] = {"a.m.", "p.m.", "a.m", "p.m", "am", "pm"};
	for (size_t f = 0; f < CR_ARRAY_LEN(forms); f++) {
		size_t l = strlen(forms[f]);
		if (p + l > len)
			continue;
		size_t q = 0;
		while (q < l && cr_lower((unsigned char)t[p + q]) == forms[f][q])
			q++;
		if (q < l || (p + l < len && (cr_is_alpha((unsigned char)t[p + l]) || cr_is_digit((unsigned char)t[p + l]))))
			continue;
		*end = p + l;
		return forms[f][0] == 'a' ? 1 : 2;
	}
	return 0;
}

/*
 * Clock times: 10 p.m., 10:35 a.m., 5pm, noon, midnight, optionally with a
 * time zone and a day after them ("9 a.m. EST Tuesday", "5 p.m. EST, Nov.
 * 6"). The value is the day's TIMEX3 with "THH:MM"; the day is the one
 * named, else the anchor.
 */
size_t tx_rule_clock(scan *s, size_t i, size_t len)
{
	const word *w = &s->w[i];
	int h = -1, mi = 0;
	size_t k = i + 1;          /* next word after the time */
	size_t endb = w->end;      /* byte end of the time */
	int mer = 0;
	if (is(s, i, "noon") || is(s, i, "midday") || is(s, i, "midnight")) {
		bool ctx = (i > 0 && (is(s, i - 1, "at") || is(s, i - 1, "by") || is(s, i - 1, "until") ||
		                      is(s, i - 1, "before") || is(s, i - 1, "after") || is(s, i - 1, "around"))) ||
		           is_weekday(s, i + 1) || is(s, i + 1, "today") || is(s, i + 1, "yesterday") ||
		           is(s, i + 1, "tomorrow");
		if (!ctx)
			return 0;
		h = is(s, i, "midnight") ? 24 : 12;
	} else if (w->ndigits >= 1 && w->ndigits <= 2 && !w->ordinal && w->num >= 0 && w->num <= 24 &&
	           strlen(w->low) == w->ndigits) {
		h = w->num;
		if (is(s, i + 1, ":") && i + 2 < s->n && s->w[i + 2].ndigits == 2 && s->w[i + 2].num < 60 &&
		    strlen(s->w[i + 2].low) == 2 && s->w[i + 2].start == s->w[i + 1].end &&
		    s->w[i + 1].start == w->end) {
			mi = s->w[i + 2].num;
			endb = s->w[i + 2].end;
			k = i + 3;
		}
		size_t p = endb;
		if (p < len && s->text[p] == ' ')
			p++;
		size_t me;
		mer = meridiem(s->text, p, len, &me);
		if (mer) {
			endb = me;
			while (k < s->n && s->w[k].start < endb)
				k++;
		} else if (k == i + 1 || !(i > 0 && (is(s, i - 1, "at") || is(s, i - 1, "by") || is(s, i - 1, "until") ||
		                                      is(s, i - 1, "around") || is(s, i - 1, "about")))) {
			return 0;   /* "10:30" alone may be a score or a verse; "at 10:30" is a time */
		}
		if (mer && (h < 1 || h > 12))
			return 0;
		if (mer == 2 && h < 12)
			h += 12;
		if (mer == 1 && h == 12)
			h = 0;
	} else {
		/* "5pm", "10am" in one word */
		size_t l = strlen(w->low), dg = 0;
		while (dg < l && cr_is_digit((unsigned char)w->low[dg]))
			dg++;
		if (dg < 1 || dg > 2 || l != dg + 2 || (strcmp(w->low + dg, "am") != 0 && strcmp(w->low + dg, "pm") != 0))
			return 0;
		h = atoi(w->low);
		if (h < 1 || h > 12)
			return 0;
		if (w->low[dg] == 'p' && h < 12)
			h += 12;
		if (w->low[dg] == 'a' && h == 12)
			h = 0;
	}
	/* a time zone */
	static const char *const zones[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet"};
	for (size_t z = 0; z < CR_ARRAY_LEN(zones); z++)
		if (k < s->n && is(s, k, zones[z]) && s->w[k].cap) {
			k++;
			break;
		}
	/* the day it falls on */
	size_t last = k;
	char day[16] = "";
	cr_dayrange r = none();
	uint8_t anchor = CR_ANCHOR_DOCUMENT;
	size_t q = k + is(s, k, ",") + is(s, k, "on");
	size_t before = s->out.len, took = 0;
	if (q < s->n && !s->w[q].punct) {
		took = tx_rule_day_month(s, q);
		if (!took && (is_weekday(s, q) || is(s, q, "today") || is(s, q, "yesterday") || is(s, q, "tomorrow")))
			took = is_weekday(s, q) ? tx_rule_weekday(s, q) : tx_rule_deictic(s, q);
	}
	if (took && s->out.len == before + 1) {
		cr_timex d = s->out.items[--s->out.len];
		snprintf(day, sizeof day, "%.10s", d.value);
		r = d.range;
		anchor = d.anchor;
		last = q + took;
	} else {
		s->out.len = before;
		int32_t a, width;
		if (tx_doc_anchor(s, &a, &width)) {
			cr_day_format(a, day);
			r = tx_widen((cr_dayrange){a, a}, width);
		}
	}
	char value[40];
	if (day[0])
		snprintf(value, sizeof value, "%sT%02d:%02d", day, h, mi);
	else
		snprintf(value, sizeof value, "T%02d:%02d", h, mi);
	cr_timex x = {0};
	x.start = w->start;
	x.end = last > k ? s->w[last - 1].end : (k > i + 1 ? CR_MAX((uint32_t)endb, s->w[k - 1].end) : (uint32_t)endb);
	x.type = CR_TIMEX_TIME;
	x.anchor = anchor;
	x.range = r;
	snprintf(x.value, sizeof x.value, "%s", value);
	cr_vec_push(&s->out, x);
	return (last > k ? last : k) - i;
}

