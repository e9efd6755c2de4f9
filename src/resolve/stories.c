/*
 * stories.c: which documents report one story.
 *
 * A cluster handed to corrob may hold reports of several incidents of one
 * kind (two earthquakes on one island years apart, two office shootings):
 * their events must not merge just because a report leaves its date out.
 * Documents are grouped into stories by the people, organisations and
 * places they name: each document is a vector of its entities (after
 * resolution) weighted by their inverse document frequency, log((n+1)/df)
 * (a name every report gives, the island, tells little), and stories are formed by
 * average-link agglomerative clustering on the cosine similarity, merging
 * while the closest two stories' average similarity is at least
 * STORY_THRESHOLD. The threshold was chosen on the ECB+ train topics, whose
 * two sub-clusters are two stories (pairwise F1 0.88 there at 0.03). A
 * story of one document is no evidence (a report may share too little with
 * the others to join them): only two stories of several documents each are
 * told apart (cr_stories_apart).
 *
 * Average link costs O(n^3) on n documents; beyond STORY_MAX_DOCS the
 * documents are grouped by single link on pairs of at least twice the
 * threshold, found through the entities they share.
 */
#include "resolve/resolve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define STORY_THRESHOLD 0.03
#define STORY_MAX_DOCS 400

typedef CR_VEC(int) int_vec;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Cosine similarity of two documents' entity sets, weighted by idf. */
static double similarity(const int_vec *a, const int_vec *b, const double *idf, double na, double nb)
{
	double s = 0;
	size_t i = 0, k = 0;
	while (i < a->len && k < b->len) {
		if (a->items[i] < b->items[k])
			i++;
		else if (a->items[i] > b->items[k])
			k++;
		else {
			s += idf[a->items[i]] * idf[a->items[i]];
			i++, k++;
		}
	}
	return na > 0 && nb > 0 ? s / (na * nb) : 0;
}

void cr_resolve_stories(cr_ledger *l, const cr_analysis *an, int *const *emap)
{
	size_t n = l->ndocs;
	l->story = cr_xcalloc(n + 1, sizeof *l->story);
	if (n == 0)
		return;
	/* each document's entities (people, organisations, places), sorted, once each */
	int_vec *ents = cr_xcalloc(n, sizeof *ents);
	size_t *df = cr_xcalloc(l->nentities + 1, sizeof *df);
	for (size_t d = 0; d < n; d++) {
		for (size_t e = 0; e < an[d].nentities; e++) {
			int g = emap[d][e];
			if (g >= 0 && l->entities[g].type != CR_E_OTHER)
				cr_vec_push(&ents[d], g);
		}
		if (ents[d].len > 1)
			qsort(ents[d].items, ents[d].len, sizeof(int), cmp_int);
		size_t w = 0;
		for (size_t i = 0; i < ents[d].len; i++)
			if (!w || ents[d].items[w - 1] != ents[d].items[i])
				ents[d].items[w++] = ents[d].items[i];
		ents[d].len = w;
		for (size_t i = 0; i < w; i++)
			df[ents[d].items[i]]++;
	}
	double *idf = cr_xcalloc(l->nentities + 1, sizeof *idf), *norm = cr_xcalloc(n, sizeof *norm);
	for (size_t e = 0; e < l->nentities; e++)
		idf[e] = df[e] ? log((double)(n + 1) / (double)df[e]) : 0;
	for (size_t d = 0; d < n; d++) {
		double s = 0;
		for (size_t i = 0; i < ents[d].len; i++)
			s += idf[ents[d].items[i]] * idf[ents[d].items[i]];
		norm[d] = sqrt(s);
	}
	int *root = cr_xcalloc(n, sizeof *root);
	for (size_t d = 0; d < n; d++)
		root[d] = (int)d;
	if (n <= STORY_MAX_DOCS) {
		/* average link: sums of pairwise similarity between clusters, merged greedily */
		double *sum = cr_xcalloc(n * n, sizeof *sum);
		size_t *size = cr_xcalloc(n, sizeof *size);
		bool *alive = cr_xcalloc(n, sizeof *alive);
		for (size_t a = 0; a < n; a++) {
			size[a] = 1;
			alive[a] = true;
			for (size_t b = a + 1; b < n; b++)
				sum[a * n + b] = sum[b * n + a] = similarity(&ents[a], &ents[b], idf, norm[a], norm[b]);
		}
		for (;;) {
			double best = -1;
			size_t ba = 0, bb = 0;
			for (size_t a = 0; a < n; a++)
				for (size_t b = a + 1; alive[a] && b < n; b++) {
					if (!alive[b])
						continue;
					double avg = sum[a * n + b] / (double)(size[a] * size[b]);
					if (avg > best) {
						best = avg;
						ba = a;
						bb = b;
					}
				}
			if (best < STORY_THRESHOLD)
				break;
			/* bb joins ba */
			alive[bb] = false;
			size[ba] += size[bb];
			root[bb] = (int)ba;
			for (size_t c = 0; c < n; c++)
				if (alive[c] && c != ba) {
					sum[ba * n + c] += sum[bb * n + c];
					sum[c * n + ba] = sum[ba * n + c];
				}
		}
		free(sum);
		free(size);
		free(alive);
	} else {
		/* single link over strong pairs, found through shared entities */
		int_vec *post = cr_xcalloc(l->nentities + 1, sizeof *post);
		for (size_t d = 0; d < n; d++)
			for (size_t i = 0; i < ents[d].len; i++)
				if (df[ents[d].items[i]] * 2 <= n)
					cr_vec_push(&post[ents[d].items[i]], (int)d);
		for (size_t d = 0; d < n; d++)
			for (size_t i = 0; i < ents[d].len; i++) {
				const int_vec *p = &post[ents[d].items[i]];
				for (size_t k = 0; k < p->len; k++) {
					size_t o = (size_t)p->items[k];
					if (o <= d || cr_uf_find(root, (int)o) == cr_uf_find(root, (int)d))
						continue;
					if (similarity(&ents[d], &ents[o], idf, norm[d], norm[o]) >= 2 * STORY_THRESHOLD)
						root[cr_uf_find(root, (int)o)] = cr_uf_find(root, (int)d);
				}
			}
		for (size_t e = 0; e < l->nentities; e++)
			cr_vec_free(&post[e]);
		free(post);
	}
	/* stories numbered in order of their first document */
	int *num = cr_xcalloc(n, sizeof *num);
	for (size_t d = 0; d < n; d++)
		num[d] = -1;
	int next = 0;
	for (size_t d = 0; d < n; d++) {
		int r = cr_uf_find(root, (int)d);
		if (num[r] < 0)
			num[r] = next++;
		l->story[d] = num[r];
	}
	l->nstories = (size_t)next;
	free(num);
	free(root);
	for (size_t d = 0; d < n; d++)
		cr_vec_free(&ents[d]);
	free(ents);
	free(df);
	free(idf);
	free(norm);
}

bool cr_stories_apart(const cr_ledger *l, size_t a, size_t b)
{
	if (!l->story || l->story[a] == l->story[b])
		return false;
	size_t na = 0, nb = 0;
	for (size_t d = 0; d < l->ndocs && (na < 2 || nb < 2); d++) {
		na += l->story[d] == l->story[a];
		nb += l->story[d] == l->story[b];
	}
	return na >= 2 && nb >= 2;
}
