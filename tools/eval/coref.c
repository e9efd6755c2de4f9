/*
 * coref.c: MUC, B-cubed and CEAF-e over predicted mentions (coref.h has the
 * definitions). Clusters are renumbered densely, the mentions of key and
 * response are joined by id, and every metric is read off the counts of
 * the (key cluster, response cluster) pairs that share mentions.
 */
#include "eval/coref.h"
#include "util/util.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

double coref_recall(coref_score s) { return s.rd > 0 ? s.rn / s.rd : 0; }
double coref_precision(coref_score s) { return s.pd > 0 ? s.pn / s.pd : 0; }

double coref_f1(coref_score s)
{
	double r = coref_recall(s), p = coref_precision(s);
	return r + p > 0 ? 2 * r * p / (r + p) : 0;
}

/* One partition with dense cluster numbers: mention ids sorted, each once. */
typedef struct part {
	uint64_t *mention;
	size_t *cluster;   /* dense 0..nclusters) */
	size_t n, nclusters;
	size_t *size;      /* cluster -> number of mentions */
} part;

typedef struct listed {
	uint64_t mention, cluster;
	size_t pos;
} listed;

static int cmp_listed(const void *a, const void *b)
{
	const listed *x = a, *y = b;
	if (x->mention != y->mention)
		return x->mention < y->mention ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static size_t find_u64(const uint64_t *v, size_t n, uint64_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == x ? lo : SIZE_MAX;
}

static void part_build(part *p, const coref_item *items, size_t n)
{
	/* sorted by mention, a mention's first listing first: that one counts */
	listed *s = cr_xmalloc((n + 1) * sizeof *s);
	for (size_t i = 0; i < n; i++)
		s[i] = (listed){items[i].mention, items[i].cluster, i};
	qsort(s, n, sizeof *s, cmp_listed);
	p->mention = cr_xmalloc((n + 1) * sizeof *p->mention);
	p->cluster = cr_xmalloc((n + 1) * sizeof *p->cluster);
	uint64_t *cl = cr_xmalloc((n + 1) * sizeof *cl);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && p->mention[m - 1] == s[i].mention)
			continue;
		p->mention[m] = s[i].mention;
		cl[m++] = s[i].cluster;
	}
	p->n = m;
	/* dense cluster numbers */
	uint64_t *ids = cr_xmalloc((m + 1) * sizeof *ids);
	memcpy(ids, cl, m * sizeof *ids);
	qsort(ids, m, sizeof *ids, cmp_u64);
	size_t k = 0;
	for (size_t i = 0; i < m; i++)
		if (!k || ids[k - 1] != ids[i])
			ids[k++] = ids[i];
	p->nclusters = k;
	p->size = cr_xcalloc(k + 1, sizeof *p->size);
	for (size_t i = 0; i < m; i++) {
		p->cluster[i] = find_u64(ids, k, cl[i]);
		p->size[p->cluster[i]]++;
	}
	free(ids);
	free(cl);
	free(s);
}

static void part_free(part *p)
{
	free(p->mention);
	free(p->cluster);
	free(p->size);
}

/* A (key cluster, response cluster) pair and the mentions they share. */
typedef struct link {
	size_t k, r, common;
} link;

static int cmp_link(const void *a, const void *b)
{
	const link *x = a, *y = b;
	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	return 0;
}

/* The pairs of clusters sharing mentions, each once with its count. */
static link *links_of(const part *K, const part *R, size_t *nl)
{
	link *l = cr_xmalloc((K->n + 1) * sizeof *l);
	size_t n = 0;
	for (size_t i = 0; i < K->n; i++) {
		size_t j = find_u64(R->mention, R->n, K->mention[i]);
		if (j != SIZE_MAX)
			l[n++] = (link){K->cluster[i], R->cluster[j], 1};
	}
	qsort(l, n, sizeof *l, cmp_link);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && l[m - 1].k == l[i].k && l[m - 1].r == l[i].r)
			l[m - 1].common++;
		else
			l[m++] = l[i];
	}
	*nl = m;
	return l;
}

/* MUC for one direction: clusters of A cut by B. parts[a] = clusters of B
 * met plus A's mentions B lacks. */
static void muc_side(const part *A, const link *l, size_t nl, bool a_is_key, double *num, double *den)
{
	size_t *parts = cr_xcalloc(A->nclusters + 1, sizeof *parts), *shared = cr_xcalloc(A->nclusters + 1, sizeof *shared);
	for (size_t i = 0; i < nl; i++) {
		size_t a = a_is_key ? l[i].k : l[i].r;
		parts[a]++;
		shared[a] += l[i].common;
	}
	*num = *den = 0;
	for (size_t a = 0; a < A->nclusters; a++) {
		size_t missing = A->size[a] - shared[a];
		*num += (double)A->size[a] - (double)(parts[a] + missing);
		*den += (double)A->size[a] - 1;
	}
	free(parts);
	free(shared);
}

/* Maximum-weight assignment on an n x n matrix (Kuhn-Munkres, O(n^3), the
 * shortest augmenting path form on costs = -weight). Returns the weight. */
static double assignment(const double *w, size_t n)
{
	double *u = cr_xcalloc(n + 1, sizeof *u), *v = cr_xcalloc(n + 1, sizeof *v), *minv = cr_xmalloc((n + 1) * sizeof *minv);
	size_t *p = cr_xcalloc(n + 1, sizeof *p), *way = cr_xcalloc(n + 1, sizeof *way);
	bool *used = cr_xmalloc((n + 1) * sizeof *used);
	for (size_t i = 1; i <= n; i++) {
		p[0] = i;
		size_t j0 = 0;
		for (size_t j = 0; j <= n; j++) {
			minv[j] = DBL_MAX;
			used[j] = false;
		}
		do {
			used[j0] = true;
			size_t i0 = p[j0], j1 = 0;
			double delta = DBL_MAX;
			for (size_t j = 1; j <= n; j++) {
				if (used[j])
					continue;
				double cur = -w[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
				if (cur < minv[j]) {
					minv[j] = cur;
					way[j] = j0;
				}
				if (minv[j] < delta) {
					delta = minv[j];
					j1 = j;
				}
			}
			for (size_t j = 0; j <= n; j++) {
				if (used[j]) {
					u[p[j]] += delta;
					v[j] -= delta;
				} else {
					minv[j] -= delta;
				}
			}
			j0 = j1;
		} while (p[j0] != 0);
		do {
			size_t j1 = way[j0];
			p[j0] = p[j1];
			j0 = j1;
		} while (j0);
	}
	double total = 0;
	for (size_t j = 1; j <= n; j++)
		if (p[j])
			total += w[(p[j] - 1) * n + (j - 1)];
	free(u);
	free(v);
	free(minv);
	free(p);
	free(way);
	free(used);
	return total;
}

static size_t uf_find(size_t *root, size_t i)
{
	while (root[i] != i) {
		root[i] = root[root[i]];
		i = root[i];
	}
	return i;
}

/* The best alignment's total phi4, solved on each connected group of clusters. */
static double ceafe_total(const part *K, const part *R, const link *l, size_t nl)
{
	size_t nk = K->nclusters, n = nk + R->nclusters;
	size_t *root = cr_xmalloc((n + 1) * sizeof *root);
	for (size_t i = 0; i < n; i++)
		root[i] = i;
	for (size_t i = 0; i < nl; i++) {
		size_t a = uf_find(root, l[i].k), b = uf_find(root, nk + l[i].r);
		if (a != b)
			root[a < b ? b : a] = a < b ? a : b;
	}
	/* each group's clusters numbered within it, and its links */
	size_t *slot = cr_xmalloc((n + 1) * sizeof *slot), *nkg = cr_xcalloc(n + 1, sizeof *nkg),
	       *nrg = cr_xcalloc(n + 1, sizeof *nrg);
	for (size_t i = 0; i < n; i++) {
		size_t g = uf_find(root, i);
		slot[i] = i < nk ? nkg[g]++ : nrg[g]++;
	}
	size_t *first = cr_xcalloc(n + 2, sizeof *first), *order = cr_xmalloc((nl + 1) * sizeof *order);
	for (size_t i = 0; i < nl; i++)
		first[uf_find(root, l[i].k) + 1]++;
	for (size_t g = 0; g < n; g++)
		first[g + 1] += first[g];
	size_t *fill = cr_xmalloc((n + 1) * sizeof *fill);
	memcpy(fill, first, n * sizeof *fill);
	for (size_t i = 0; i < nl; i++)
		order[fill[uf_find(root, l[i].k)]++] = i;
	double total = 0;
	for (size_t g = 0; g < n; g++) {
		if (first[g] == first[g + 1])
			continue;
		size_t m = CR_MAX(nkg[g], nrg[g]);
		double *w = cr_xcalloc(m * m + 1, sizeof *w);
		for (size_t q = first[g]; q < first[g + 1]; q++) {
			const link *x = &l[order[q]];
			w[slot[x->k] * m + slot[nk + x->r]] = 2.0 * (double)x->common / (double)(K->size[x->k] + R->size[x->r]);
		}
		total += assignment(w, m);
		free(w);
	}
	free(fill);
	free(first);
	free(order);
	free(nkg);
	free(nrg);
	free(slot);
	free(root);
	return total;
}

void coref_evaluate(coref_result *out, const coref_item *key, size_t nkey, const coref_item *rsp, size_t nrsp)
{
	memset(out, 0, sizeof *out);
	part K = {0}, R = {0};
	part_build(&K, key, nkey);
	part_build(&R, rsp, nrsp);
	size_t nl;
	link *l = links_of(&K, &R, &nl);
	out->key_mentions = K.n;
	out->response_mentions = R.n;
	for (size_t i = 0; i < nl; i++)
		out->matched_mentions += l[i].common;

	muc_side(&K, l, nl, true, &out->muc.rn, &out->muc.rd);
	muc_side(&R, l, nl, false, &out->muc.pn, &out->muc.pd);

	for (size_t i = 0; i < nl; i++) {
		double c = (double)l[i].common;
		out->b3.rn += c * c / (double)K.size[l[i].k];
		out->b3.pn += c * c / (double)R.size[l[i].r];
	}
	out->b3.rd = (double)K.n;
	out->b3.pd = (double)R.n;

	double phi = ceafe_total(&K, &R, l, nl);
	out->ceafe.rn = out->ceafe.pn = phi;
	out->ceafe.rd = (double)K.nclusters;
	out->ceafe.pd = (double)R.nclusters;

	out->conll = (coref_f1(out->muc) + coref_f1(out->b3) + coref_f1(out->ceafe)) / 3;
	free(l);
	part_free(&K);
	part_free(&R);
}
