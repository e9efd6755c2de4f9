/*
 * findings.c: claims grouped by subject and predicate, and judged.
 *
 * Figures (killed, injured, trapped ...) are compared as intervals. A bare
 * "at least N" has no upper end, so on its own it can never disagree with a
 * larger figure; but reports that say "at least 23,000" and "at least
 * 1,640" of the same deaths do disagree. For comparison, then, a lower
 * bound N is read as [N, 3N] and an upper bound N as [N/3, N]: a count
 * stated as "at least" is seldom exceeded threefold. Intervals that chain
 * into one overlapping run agree; two or more separate runs conflict —
 * unless, ordered by publication date, every later report is higher than
 * every earlier one: a running count that grew, reported as consistent.
 *
 * Ages are compared as birth intervals: aged A on a publication date that
 * lies in [p1, p2] means born between p1 - (A+1) years and p2 - A years;
 * different ages whose birth intervals meet are consistent, and the
 * explanation says how. Dates (born, occurred_on) conflict when their day
 * intervals do not meet. Other predicates (positions, accusations,
 * nicknames) are grouped by their value and never conflict: a person can
 * hold several posts.
 *
 * outlets counts the distinct outlets behind a finding (a document with no
 * outlet counts as its own); originators counts distinct sources, where the
 * same named source, the same attribution words, or the same sentence
 * printed in several documents (word-trigram Jaccard >= 0.7) is one.
 */
#include "resolve/resolve.h"
#include "util/map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool number_predicate(const char *p)
{
	static const char *np[] = {"killed", "injured", "trapped", "displaced", "missing", "sheltering", "population",
	                           "magnitude", "age"};
	for (size_t i = 0; i < CR_ARRAY_LEN(np); i++)
		if (strcmp(p, np[i]) == 0)
			return true;
	return false;
}

static bool time_predicate(const char *p)
{
	return strcmp(p, "born") == 0 || strcmp(p, "occurred_on") == 0 || strcmp(p, "founded") == 0;
}

typedef CR_VEC(cr_finding) finding_vec;

typedef struct group {
	uint8_t subject_kind;
	int subject;
	const char *predicate;
	CR_VEC(size_t) claims;
} group;

static void fmt_day(char out[11], int32_t d) { cr_day_format(d, out); }

static void fmt_range(cr_buf *b, cr_dayrange r)
{
	char e[11], l[11];
	if (!cr_range_known(r)) {
		cr_buf_puts(b, "undated");
		return;
	}
	fmt_day(e, r.earliest);
	fmt_day(l, r.latest);
	if (r.earliest == r.latest)
		cr_buf_puts(b, e);
	else
		cr_buf_printf(b, "%s..%s", e, l);
}

static void doc_id(cr_buf *b, const cr_ledger *l, size_t doc)
{
	cr_buf_printf(b, "d%lld", (long long)l->docs[doc].id);
}

/* "23,000 (d2) vs 1,640 (d4, d5)": claims listed by value text, with their documents. */
static void list_values(cr_buf *b, const cr_ledger *l, const size_t *cl, size_t n, const char *sep)
{
	/* group the claims by their words, groups in order of first appearance */
	cr_map *groups = cr_map_new();
	size_t *gid = cr_xcalloc(n + 1, sizeof *gid), ng = 0;
	for (size_t i = 0; i < n; i++) {
		const char *v = l->claims[cl[i]].value_text ? l->claims[cl[i]].value_text : "?";
		intptr_t g;
		if (!cr_map_get(groups, v, strlen(v), &g)) {
			g = (intptr_t)ng++;
			cr_map_put(groups, v, strlen(v), g);
		}
		gid[i] = (size_t)g;
	}
	size_t *start = cr_xcalloc(ng + 2, sizeof *start), *order = cr_xcalloc(n + 1, sizeof *order);
	for (size_t i = 0; i < n; i++)
		start[gid[i] + 1]++;
	for (size_t g = 0; g < ng; g++)
		start[g + 1] += start[g];
	size_t *fill = cr_xcalloc(ng + 1, sizeof *fill);
	for (size_t i = 0; i < n; i++)
		order[start[gid[i]] + fill[gid[i]]++] = i;
	for (size_t g = 0; g < ng; g++) {
		const cr_claim *c = &l->claims[cl[order[start[g]]]];
		if (g)
			cr_buf_puts(b, sep);
		cr_buf_printf(b, "%s (", c->value_text ? c->value_text : "?");
		size_t lastdoc = SIZE_MAX;
		for (size_t k = start[g]; k < start[g + 1]; k++) {
			const cr_claim *o = &l->claims[cl[order[k]]];
			if (o->doc == lastdoc)
				continue;
			if (lastdoc != SIZE_MAX)
				cr_buf_puts(b, ", ");
			doc_id(b, l, o->doc);
			lastdoc = o->doc;
		}
		cr_buf_putc(b, ')');
	}
	cr_map_free(groups);
	free(gid);
	free(start);
	free(order);
	free(fill);
}

/* The comparison interval of a figure (see the essay above). */
static void plausible(const cr_claim *c, double *lo, double *hi)
{
	if (c->has_low && c->has_high) {
		*lo = c->low;
		*hi = c->high;
	} else if (c->has_low) {
		*lo = c->low;
		*hi = c->low * 3;
	} else if (c->has_high) {
		*lo = c->high / 3;
		*hi = c->high;
	} else {
		*lo = -INFINITY;
		*hi = INFINITY;
	}
}

typedef struct ival {
	double lo, hi;
	size_t claim;
} ival;

static int cmp_ival(const void *a, const void *b)
{
	const ival *x = a, *y = b;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return x->claim < y->claim ? -1 : x->claim > y->claim;
}

/* Splits intervals sorted by their low end into runs whose members all
 * overlap one another (a new run starts where an interval begins above the
 * lowest high end of the run so far), so that a wide figure ("more than
 * 100,000") cannot chain two that exclude each other (120,000 and 200,000)
 * into one agreement. Returns the number of runs, run[i] per interval. */
static size_t runs(const ival *iv, size_t n, size_t *run)
{
	size_t r = 0;
	double minhi = INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && iv[i].lo > minhi) {
			r++;
			minhi = INFINITY;
		}
		run[i] = r;
		if (iv[i].hi < minhi)
			minhi = iv[i].hi;
	}
	return n ? r + 1 : 0;
}

static size_t distinct_docs(const cr_ledger *l, const size_t *cl, size_t n)
{
	cr_map *m = cr_map_new();
	for (size_t i = 0; i < n; i++)
		cr_map_put(m, (const char *)&l->claims[cl[i]].doc, sizeof(size_t), 1);
	size_t c = cr_map_count(m);
	cr_map_free(m);
	return c;
}

static size_t count_outlets(const cr_ledger *l, const size_t *cl, size_t n)
{
	cr_map *m = cr_map_new();
	for (size_t i = 0; i < n; i++) {
		const cr_docinfo *d = &l->docs[l->claims[cl[i]].doc];
		char key[64];
		if (d->nsources > 0) {
			/* the same text printed by several outlets: each counts */
			for (size_t k = 0; k < d->nsources; k++) {
				char *lk = cr_xstrdup(d->sources[k]);
				for (char *p = lk; *p; p++)
					*p = (char)cr_lower((unsigned char)*p);
				cr_map_put(m, lk, strlen(lk), 1);
				free(lk);
			}
		} else if (d->outlet && *d->outlet) {
			char *k = cr_xstrdup(d->outlet);
			for (char *p = k; *p; p++)
				*p = (char)cr_lower((unsigned char)*p);
			cr_map_put(m, k, strlen(k), 1);
			free(k);
		} else {
			snprintf(key, sizeof key, "#%zu", l->claims[cl[i]].doc);
			cr_map_put(m, key, strlen(key), 1);
		}
	}
	size_t c = cr_map_count(m);
	cr_map_free(m);
	return c;
}

/* Word-trigram Jaccard similarity of two evidence sentences. */
static double sentence_similarity(const cr_ledger *l, const cr_claim *a, const cr_claim *b)
{
	cr_map *sa = cr_map_new(), *sb = cr_map_new();
	const cr_claim *cs[2] = {a, b};
	cr_map *ms[2] = {sa, sb};
	for (int w = 0; w < 2; w++) {
		const char *t = l->docs[cs[w]->doc].text + cs[w]->start;
		size_t n = cs[w]->end - cs[w]->start, i = 0;
		uint64_t win[3] = {0};
		size_t nw = 0;
		while (i < n) {
			while (i < n && !cr_is_alpha((unsigned char)t[i]) && !cr_is_digit((unsigned char)t[i]))
				i++;
			size_t j = i;
			uint64_t h = 1469598103934665603ULL;
			while (j < n && (cr_is_alpha((unsigned char)t[j]) || cr_is_digit((unsigned char)t[j]))) {
				h = (h ^ (uint64_t)cr_lower((unsigned char)t[j])) * 1099511628211ULL;
				j++;
			}
			if (j == i)
				break;
			win[nw++ % 3] = h;
			i = j;
			if (nw >= 3) {
				uint64_t sh = win[(nw) % 3] * 1000003ULL ^ win[(nw + 1) % 3] * 7919ULL ^ win[(nw + 2) % 3];
				cr_map_put(ms[w], (const char *)&sh, sizeof sh, 1);
			}
		}
	}
	size_t inter = 0, it = 0;
	const char *k;
	size_t kl;
	while (cr_map_next(sa, &it, &k, &kl, NULL))
		inter += cr_map_get(sb, k, kl, NULL);
	size_t uni = cr_map_count(sa) + cr_map_count(sb) - inter;
	cr_map_free(sa);
	cr_map_free(sb);
	return uni ? (double)inter / (double)uni : 0;
}

static size_t count_originators(const cr_ledger *l, const size_t *cl, size_t n)
{
	int *root = cr_xcalloc(n + 1, sizeof *root);
	for (size_t i = 0; i < n; i++)
		root[i] = (int)i;
	/* the same named source, the same attribution words, or (unattributed)
	 * the same outlet's document: one key each */
	cr_map *keys = cr_map_new();
	for (size_t i = 0; i < n; i++) {
		const cr_claim *a = &l->claims[cl[i]];
		char key[300];
		if (a->source >= 0)
			snprintf(key, sizeof key, "s:%d", a->source);
		else if (a->attribution) {
			size_t k = (size_t)snprintf(key, sizeof key, "a:%s", a->attribution);
			for (size_t q = 2; q < k && q < sizeof key; q++)
				key[q] = (char)cr_lower((unsigned char)key[q]);
		} else
			snprintf(key, sizeof key, "d:%zu", a->doc);
		size_t kl = strlen(key);
		intptr_t other;
		if (cr_map_get(keys, key, kl, &other))
			root[cr_uf_find(root, (int)i)] = cr_uf_find(root, (int)other);
		else
			cr_map_put(keys, key, kl, (intptr_t)i);
	}
	cr_map_free(keys);
	/* the same sentence printed in several documents (pairs: small groups only) */
	for (size_t i = 0; n <= 64 && i < n; i++)
		for (size_t k = 0; k < i; k++) {
			const cr_claim *a = &l->claims[cl[i]], *b = &l->claims[cl[k]];
			if (a->doc != b->doc && cr_uf_find(root, (int)i) != cr_uf_find(root, (int)k) &&
			    sentence_similarity(l, a, b) >= 0.7)
				root[cr_uf_find(root, (int)i)] = cr_uf_find(root, (int)k);
		}
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += cr_uf_find(root, (int)i) == (int)i;
	free(root);
	return c;
}

static void add_finding(cr_ledger *l, finding_vec *out, const group *g, const size_t *cl, size_t n,
                        uint8_t kind, char *explanation)
{
	cr_finding f = {0};
	f.kind = kind;
	f.subject_kind = g->subject_kind;
	f.subject = g->subject;
	f.predicate = g->predicate;
	f.claims = cr_xmalloc((n + 1) * sizeof *f.claims);
	memcpy(f.claims, cl, n * sizeof *cl);
	f.nclaims = n;
	f.outlets = count_outlets(l, cl, n);
	f.originators = count_originators(l, cl, n);
	f.explanation = explanation;
	cr_vec_push(out, f);
}

static uint8_t agreement(const cr_ledger *l, const size_t *cl, size_t n)
{
	return distinct_docs(l, cl, n) >= 2 ? CR_F_CORROBORATED : CR_F_SINGLE;
}

/* Whether two figures overlap as written ("at least 23,000" and "at least
 * 1,640" do; "23,000" and "1,640" do not). */
static bool overlap_as_written(const cr_claim *x, const cr_claim *y)
{
	double xl = x->has_low ? x->low : -INFINITY, xh = x->has_high ? x->high : INFINITY;
	double yl = y->has_low ? y->low : -INFINITY, yh = y->has_high ? y->high : INFINITY;
	return xl <= yh && yl <= xh;
}

/* Whether two figures overlap within what their approximations allow (plausible). */
bool cr_figures_fit(const cr_claim *x, const cr_claim *y)
{
	double xl, xh, yl, yh;
	plausible(x, &xl, &xh);
	plausible(y, &yl, &yh);
	return xl <= yh && yl <= xh;
}

/* Why two neighbouring runs of figures cannot both hold. When no figure of
 * one fits any of the other, the reason is theirs as a whole; when some do
 * (a wide figure, "about 6.0", fits both "5.4" and "5.6"), it names the pair
 * that excludes each other. */
static void explain_runs(cr_buf *b, const cr_ledger *l, const size_t *ra, size_t na, const size_t *rb, size_t nb)
{
	bool some_fit = false, as_written = false;
	const cr_claim *wx = NULL, *wy = NULL;
	for (size_t i = 0; i < na; i++)
		for (size_t k = 0; k < nb; k++) {
			const cr_claim *x = &l->claims[ra[i]], *y = &l->claims[rb[k]];
			if (cr_figures_fit(x, y)) {
				some_fit = true;
				continue;
			}
			as_written |= overlap_as_written(x, y);
			/* the witness: a pair apart even as written when there is one */
			if (!wx || (overlap_as_written(wx, wy) && !overlap_as_written(x, y)))
				wx = x, wy = y;
		}
	if (!some_fit || !wx) {
		cr_buf_puts(b, as_written ? ": open-ended figures more than three times apart, which no approximation explains"
		                          : ": the ranges do not overlap");
		return;
	}
	cr_buf_printf(b, ": %s and %s %s", wx->value_text ? wx->value_text : "?", wy->value_text ? wy->value_text : "?",
	              overlap_as_written(wx, wy) ? "are open-ended figures more than three times apart"
	                                         : "do not overlap");
}

static void judge_numbers(cr_ledger *l, void *outv, const group *g)
{
	finding_vec *out = outv;
	size_t n = g->claims.len;
	ival *iv = cr_xcalloc(n + 1, sizeof *iv);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const cr_claim *c = &l->claims[g->claims.items[i]];
		if (!c->has_number)
			continue;
		plausible(c, &iv[m].lo, &iv[m].hi);
		iv[m++].claim = g->claims.items[i];
	}
	qsort(iv, m, sizeof *iv, cmp_ival);
	size_t *run = cr_xcalloc(m + 1, sizeof *run);
	size_t nr = runs(iv, m, run);
	size_t *cl = cr_xcalloc(m + 1, sizeof *cl);
	for (size_t i = 0; i < m; i++)
		cl[i] = iv[i].claim;
	cr_buf b = {0};
	if (nr <= 1) {
		uint8_t kind = agreement(l, cl, m);
		bool differ = false;
		for (size_t i = 1; i < m; i++)
			differ |= l->claims[cl[i]].low != l->claims[cl[0]].low || l->claims[cl[i]].high != l->claims[cl[0]].high ||
			          l->claims[cl[i]].has_low != l->claims[cl[0]].has_low || l->claims[cl[i]].has_high != l->claims[cl[0]].has_high;
		if (kind == CR_F_SINGLE)
			cr_buf_puts(&b, "one document: ");
		else if (differ)
			cr_buf_puts(&b, "figures differ but their ranges overlap: ");
		else
			cr_buf_puts(&b, "the same figure: ");
		list_values(&b, l, cl, m, differ ? " and " : ", ");
		if (differ && kind != CR_F_SINGLE) {
			/* how far apart the figures as written are, against what their
			 * approximations ("about", "at least") allow */
			double lo = INFINITY, hi = -INFINITY;
			for (size_t i = 0; i < m; i++) {
				const cr_claim *c = &l->claims[cl[i]];
				double mid = c->has_low && c->has_high ? (c->low + c->high) / 2 : c->has_low ? c->low : c->high;
				lo = CR_MIN(lo, mid);
				hi = CR_MAX(hi, mid);
			}
			if (hi > 0 && hi > lo)
				cr_buf_printf(&b, "; a gap of %.0f%%, within what their approximations allow", 100 * (hi - lo) / hi);
		}
		add_finding(l, out, g, cl, m, kind, cr_buf_detach(&b));
	} else {
		/* a running count: every higher run from another report published no
		 * earlier than every lower one (reports of one day may come in any
		 * order: a toll grows within a day; other counts need a later day);
		 * a population or a magnitude does not grow between reports */
		bool grows = strcmp(g->predicate, "population") != 0 && strcmp(g->predicate, "magnitude") != 0;
		/* the missing, the trapped, the displaced are found, freed or go
		 * home as often as their count rises: only a later day tells which */
		bool toll = strcmp(g->predicate, "killed") == 0 || strcmp(g->predicate, "injured") == 0;
		for (size_t i = 0; i < m && grows; i++)
			for (size_t k = 0; k < m && grows; k++) {
				const cr_docinfo *di = &l->docs[l->claims[cl[i]].doc], *dk = &l->docs[l->claims[cl[k]].doc];
				if (run[i] >= run[k])
					continue;
				if (!cr_range_known(di->published) || !cr_range_known(dk->published) || di == dk ||
				    di->published.earliest > dk->published.latest ||
				    (!toll && di->published.latest >= dk->published.earliest))
					grows = false;
			}
		if (grows) {
			cr_buf_puts(&b, "a running count that grew between reports: ");
			for (size_t i = 0; i < m; i++) {
				if (i)
					cr_buf_puts(&b, i && run[i] != run[i - 1] ? ", then " : ", ");
				const cr_claim *c = &l->claims[cl[i]];
				cr_buf_printf(&b, "%s (", c->value_text ? c->value_text : "?");
				doc_id(&b, l, c->doc);
				cr_buf_puts(&b, ", ");
				fmt_range(&b, l->docs[c->doc].published);
				cr_buf_putc(&b, ')');
			}
			add_finding(l, out, g, cl, m, CR_F_CONSISTENT, cr_buf_detach(&b));
		} else {
			/* by run, highest first: figures that agree joined by "and", runs by
			 * "vs", each pair of neighbouring runs with why they cannot both hold */
			size_t *ord = cr_xcalloc(m + 1, sizeof *ord), *rstart = cr_xcalloc(nr + 2, sizeof *rstart), k = 0;
			for (size_t r = nr; r-- > 0;) {
				rstart[nr - 1 - r] = k;
				for (size_t i = 0; i < m; i++)
					if (run[i] == r)
						ord[k++] = cl[i];
			}
			rstart[nr] = k;
			for (size_t q = 0; q + 1 < nr; q++) {
				if (q)
					cr_buf_puts(&b, "; ");
				list_values(&b, l, ord + rstart[q], rstart[q + 1] - rstart[q], " and ");
				cr_buf_puts(&b, " vs ");
				list_values(&b, l, ord + rstart[q + 1], rstart[q + 2] - rstart[q + 1], " and ");
				explain_runs(&b, l, ord + rstart[q], rstart[q + 1] - rstart[q], ord + rstart[q + 1],
				             rstart[q + 2] - rstart[q + 1]);
			}
			free(rstart);
			if (g->subject_kind == CR_SUBJ_ENTITY)
				cr_buf_puts(&b, " (figures given for the place as a whole, with no event named: they may count "
				                "different events)");
			add_finding(l, out, g, ord, m, CR_F_CONFLICT, cr_buf_detach(&b));
			free(ord);
		}
	}
	free(iv);
	free(run);
	free(cl);
}

/* Birth interval implied by an age on a publication interval. */
static cr_dayrange birth_range(double age_lo, double age_hi, cr_dayrange pub)
{
	int y, m, d;
	cr_dayrange r;
	cr_civil_from_days(pub.earliest, &y, &m, &d);
	int ay = y - (int)age_hi - 1;
	int dd = d > cr_days_in_month(ay, m) ? cr_days_in_month(ay, m) : d;
	r.earliest = cr_days_from_civil(ay, m, dd) + 1;
	cr_civil_from_days(pub.latest, &y, &m, &d);
	ay = y - (int)age_lo;
	dd = d > cr_days_in_month(ay, m) ? cr_days_in_month(ay, m) : d;
	r.latest = cr_days_from_civil(ay, m, dd);
	return r;
}

static void judge_ages(cr_ledger *l, void *outv, const group *g)
{
	finding_vec *out = outv;
	size_t n = g->claims.len;
	const size_t *cl = g->claims.items;
	bool differ = false, dated = true;
	cr_dayrange birth = {CR_DAY_NONE, CR_DAY_NONE};
	bool meet = true;
	for (size_t i = 0; i < n; i++) {
		const cr_claim *c = &l->claims[cl[i]];
		differ |= c->low != l->claims[cl[0]].low;
		/* an age as of a date the text gives ("in 2005, at the age of 91"), else as of the report */
		cr_dayrange pub = cr_range_known(c->value_time) ? c->value_time : l->docs[c->doc].published;
		if (!cr_range_known(pub) || !c->has_low || !c->has_high) {
			dated = false;
			continue;
		}
		cr_dayrange br = birth_range(c->low, c->high, pub);
		if (!cr_range_known(birth))
			birth = br;
		else {
			birth.earliest = CR_MAX(birth.earliest, br.earliest);
			birth.latest = CR_MIN(birth.latest, br.latest);
			meet &= birth.earliest <= birth.latest;
		}
	}
	cr_buf b = {0};
	if (!differ) {
		uint8_t kind = agreement(l, cl, n);
		cr_buf_puts(&b, kind == CR_F_SINGLE ? "one document: " : "the same age: ");
		list_values(&b, l, cl, n, ", ");
		add_finding(l, out, g, cl, n, kind, cr_buf_detach(&b));
		return;
	}
	bool firstv = true;
	for (size_t i = 0; i < n; i++) {
		const cr_claim *c = &l->claims[cl[i]];
		/* one mention per age and document (a caption may repeat the text) */
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = l->claims[cl[k]].doc == c->doc && l->claims[cl[k]].low == c->low;
		if (seen)
			continue;
		if (!firstv)
			cr_buf_puts(&b, " and ");
		firstv = false;
		cr_buf_printf(&b, "%s (", c->value_text ? c->value_text : "?");
		doc_id(&b, l, c->doc);
		if (cr_range_known(c->value_time)) {
			cr_buf_puts(&b, ", as of ");
			fmt_range(&b, c->value_time);
		} else {
			cr_buf_puts(&b, ", published ");
			fmt_range(&b, l->docs[c->doc].published);
		}
		cr_buf_putc(&b, ')');
	}
	uint8_t kind;
	if (meet && !cr_range_known(birth)) {
		/* no report is dated: ages a year apart may be the same person read a year apart */
		double lo = INFINITY, hi = -INFINITY;
		for (size_t i = 0; i < n; i++) {
			lo = CR_MIN(lo, l->claims[cl[i]].low);
			hi = CR_MAX(hi, l->claims[cl[i]].high);
		}
		kind = hi - lo <= 1 ? CR_F_CONSISTENT : CR_F_CONFLICT;
		cr_buf_puts(&b, kind == CR_F_CONSISTENT ? ": a year apart, which reports published a year apart explain; "
		                                          "the publication dates are unknown"
		                                        : ": the reports are undated, and no single year apart explains them");
	} else if (meet) {
		kind = CR_F_CONSISTENT;
		cr_buf_puts(&b, " are consistent with birth between ");
		fmt_range(&b, birth);
		/* a stated birth date that fits says so */
		for (size_t i = 0; i < l->nclaims; i++) {
			const cr_claim *c = &l->claims[i];
			if (c->subject_kind == g->subject_kind && c->subject == g->subject && strcmp(c->predicate, "born") == 0 &&
			    cr_range_known(c->value_time) && c->value_time.earliest <= birth.latest &&
			    birth.earliest <= c->value_time.latest) {
				cr_buf_printf(&b, ", which fits \"born %s\" (", c->value_text ? c->value_text : "");
				doc_id(&b, l, c->doc);
				cr_buf_putc(&b, ')');
				break;
			}
		}
		if (!dated)
			cr_buf_puts(&b, " (undated reports left out)");
	} else {
		kind = CR_F_CONFLICT;
		cr_buf_puts(&b, ": no birth date fits every report");
	}
	add_finding(l, out, g, cl, n, kind, cr_buf_detach(&b));
}

static void judge_times(cr_ledger *l, void *outv, const group *g)
{
	finding_vec *out = outv;
	size_t n = g->claims.len;
	ival *iv = cr_xcalloc(n + 1, sizeof *iv);
	size_t m = 0;
	/* a fire that broke out on Wednesday burned on Thursday: the days an
	 * event of its type may go on are its dates too */
	int days = g->subject_kind == CR_SUBJ_EVENT && strcmp(g->predicate, "occurred_on") == 0
	         ? cr_event_lasting(l->events[g->subject].type) : 0;
	for (size_t i = 0; i < n; i++) {
		const cr_claim *c = &l->claims[g->claims.items[i]];
		if (!cr_range_known(c->value_time))
			continue;
		iv[m].lo = c->value_time.earliest;
		iv[m].hi = c->value_time.latest + days;
		iv[m++].claim = g->claims.items[i];
	}
	qsort(iv, m, sizeof *iv, cmp_ival);
	size_t *run = cr_xcalloc(m + 1, sizeof *run), *cl = cr_xcalloc(m + 1, sizeof *cl);
	size_t nr = runs(iv, m, run);
	for (size_t i = 0; i < m; i++)
		cl[i] = iv[i].claim;
	cr_buf b = {0};
	if (m == 0) {
		free(iv);
		free(run);
		free(cl);
		return;
	}
	uint8_t kind = nr > 1 ? CR_F_CONFLICT : agreement(l, cl, m);
	list_values(&b, l, cl, m, nr > 1 ? " vs " : ", ");
	cr_buf_puts(&b, nr > 1 ? ": the dates do not meet" : kind == CR_F_SINGLE ? ": one document" : ": the dates agree");
	add_finding(l, out, g, cl, m, kind, cr_buf_detach(&b));
	free(iv);
	free(run);
	free(cl);
}

static void judge_values(cr_ledger *l, void *outv, const group *g)
{
	finding_vec *out = outv;
	uint8_t kind = agreement(l, g->claims.items, g->claims.len);
	cr_buf b = {0};
	cr_buf_puts(&b, kind == CR_F_SINGLE ? "one document: " : "stated in several documents: ");
	list_values(&b, l, g->claims.items, g->claims.len, "; ");
	add_finding(l, out, g, g->claims.items, g->claims.len, kind, cr_buf_detach(&b));
}

/*
 * The key of a post at an organisation: the organisation (resolved across
 * spellings) and the role, where "head", "director", "chief", "chairman" and
 * "leader" of one organisation are one post and "deputy head" another:
 * "director of the Russian National Centre for Defence Management" and "head
 * of the National Center for Defense Management" corroborate each other, and
 * so does "the National Centre for Defence Management director".
 */
static void position_key(cr_buf *k, const cr_claim *c)
{
	static const char *const heads[] = {"head", "director", "chief", "chairman", "chairwoman", "chair", "leader"};
	const char *t = c->value_text ? c->value_text : "";
	const char *of = strstr(t, " of ");
	size_t rl = of ? (size_t)(of - t) : strlen(t);
	if (!of) {
		/* "the National Centre for Defence Management director": the role is the last word */
		const char *sp = strrchr(t, ' ');
		if (sp)
			t = sp + 1, rl = strlen(t);
	}
	char role[64];
	size_t n = 0;
	for (size_t i = 0; i < rl && n + 1 < sizeof role; i++)
		role[n++] = (char)cr_lower((unsigned char)t[i]);
	role[n] = 0;
	for (size_t h = 0; h < CR_ARRAY_LEN(heads); h++)
		if (strcmp(role, heads[h]) == 0 || (strncmp(role, "the ", 4) == 0 && strcmp(role + 4, heads[h]) == 0)) {
			snprintf(role, sizeof role, "head");
			break;
		}
	cr_buf_printf(k, " e%d as %s", c->value_entity, role);
}

void cr_resolve_findings(cr_ledger *l)
{
	cr_map *keys = cr_map_new();
	CR_VEC(group) groups = {0};
	for (size_t i = 0; i < l->nclaims; i++) {
		const cr_claim *c = &l->claims[i];
		cr_buf k = {0};
		cr_buf_printf(&k, "%c%d %s", c->subject_kind == CR_SUBJ_EVENT ? 'v' : 'e', c->subject, c->predicate);
		/* a figure for one place of the event is compared with figures for that place */
		if (number_predicate(c->predicate) && c->value_entity >= 0)
			cr_buf_printf(&k, " in e%d", c->value_entity);
		/* and a figure for one nationality with figures for that nationality */
		if (number_predicate(c->predicate) && c->scope[0])
			cr_buf_printf(&k, " among %s", c->scope);
		if (!number_predicate(c->predicate) && !time_predicate(c->predicate)) {
			if (c->value_event >= 0)
				cr_buf_printf(&k, " v%d", c->value_event);
			else if (c->value_entity >= 0 && strcmp(c->predicate, "position") == 0)
				position_key(&k, c);
			else if (c->value_entity >= 0)
				cr_buf_printf(&k, " e%d", c->value_entity);
			else if (c->value_text) {
				cr_buf_puts(&k, " ");
				for (const char *p = c->value_text; *p; p++)
					if (cr_is_alpha((unsigned char)*p) || cr_is_digit((unsigned char)*p) || (unsigned char)*p >= 0x80)
						cr_buf_putc(&k, (char)cr_lower((unsigned char)*p));
			}
		}
		intptr_t gi;
		if (!cr_map_get(keys, k.data, k.len, &gi)) {
			group g = {c->subject_kind, c->subject, c->predicate, {0}};
			gi = (intptr_t)groups.len;
			cr_vec_push(&groups, g);
			cr_map_put(keys, k.data, k.len, gi);
		}
		cr_vec_push(&groups.items[gi].claims, i);
		cr_buf_free(&k);
	}
	cr_map_free(keys);
	finding_vec out = {0};
	for (size_t gi = 0; gi < groups.len; gi++) {
		group *g = &groups.items[gi];
		if (strcmp(g->predicate, "age") == 0)
			judge_ages(l, &out, g);
		else if (number_predicate(g->predicate))
			judge_numbers(l, &out, g);
		else if (time_predicate(g->predicate))
			judge_times(l, &out, g);
		else
			judge_values(l, &out, g);
		cr_vec_free(&g->claims);
	}
	cr_vec_free(&groups);
	l->findings = out.items;
	l->nfindings = out.len;
}
