/* map.c: open-addressing string map, groupings by key, and TSV lexicons. */
#include "util/map.h"

#include <stdlib.h>
#include <string.h>

struct slot {
	const char *key;
	size_t klen;
	uint64_t hash;
	intptr_t value;
};

struct cr_map {
	struct slot *slots;
	size_t cap, count;
	cr_arena *keys;
};

cr_map *cr_map_new(void)
{
	cr_map *m = cr_xcalloc(1, sizeof *m);
	m->cap = 16;
	m->slots = cr_xcalloc(m->cap, sizeof *m->slots);
	m->keys = cr_arena_new();
	return m;
}

void cr_map_free(cr_map *m)
{
	if (!m)
		return;
	free(m->slots);
	cr_arena_free(m->keys);
	free(m);
}

void cr_grouping_add(cr_grouping *g, const char *key, size_t klen, size_t item)
{
	if (!g->index)
		g->index = cr_map_new();
	intptr_t k;
	if (!cr_map_get(g->index, key, klen, &k)) {
		g->groups = cr_xrealloc(g->groups, (g->n + 1) * sizeof *g->groups);
		memset(&g->groups[g->n], 0, sizeof *g->groups);
		k = (intptr_t)++g->n;
		cr_map_put(g->index, key, klen, k);
	}
	cr_vec_push(&g->groups[k - 1], item);
}

void cr_grouping_free(cr_grouping *g)
{
	for (size_t k = 0; k < g->n; k++)
		cr_vec_free(&g->groups[k]);
	free(g->groups);
	cr_map_free(g->index);
	memset(g, 0, sizeof *g);
}

/* The map's hash: 8 bytes a step (FNV-1a, the document identity hash, goes a
 * byte a step and is kept for that). */
static uint64_t map_hash(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL);
	while (n >= 8) {
		uint64_t v;
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
		h ^= h >> 29;
		s += 8;
		n -= 8;
	}
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)s[i] << (8 * i);
	h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 32;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 29;
	return h;
}

static struct slot *find(const cr_map *m, const char *key, size_t klen, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	for (;;) {
		struct slot *s = &m->slots[i];
		if (!s->key || (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0))
			return s;
		i = (i + 1) & (m->cap - 1);
	}
}

static void grow(cr_map *m)
{
	struct slot *old = m->slots;
	size_t oldcap = m->cap;
	m->cap *= 2;
	m->slots = cr_xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(m, old[i].key, old[i].klen, old[i].hash) = old[i];
	free(old);
}

bool cr_map_put(cr_map *m, const char *key, size_t klen, intptr_t value)
{
	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	uint64_t h = map_hash(key, klen);
	struct slot *s = find(m, key, klen, h);
	if (s->key) {
		s->value = value;
		return false;
	}
	s->key = cr_arena_strndup(m->keys, key, klen);
	s->klen = klen;
	s->hash = h;
	s->value = value;
	m->count++;
	return true;
}

bool cr_map_get(const cr_map *m, const char *key, size_t klen, intptr_t *value)
{
	struct slot *s = find(m, key, klen, map_hash(key, klen));
	if (!s->key)
		return false;
	if (value)
		*value = s->value;
	return true;
}

size_t cr_map_count(const cr_map *m) { return m->count; }

bool cr_map_next(const cr_map *m, size_t *i, const char **key, size_t *klen, intptr_t *value)
{
	while (*i < m->cap) {
		struct slot *s = &m->slots[(*i)++];
		if (s->key) {
			if (key)
				*key = s->key;
			if (klen)
				*klen = s->klen;
			if (value)
				*value = s->value;
			return true;
		}
	}
	return false;
}

cr_lexicon *cr_lexicon_load(enum cr_data_id file, bool fold_key)
{
	size_t len;
	const char *p = cr_data(file, &len);
	cr_lexicon *lx = cr_xcalloc(1, sizeof *lx);
	lx->folded = fold_key;
	lx->arena = cr_arena_new();
	lx->index = cr_map_new();
	size_t cap = 0;
	const char *end = p + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *q = eol;
		if (q > p && q[-1] == '\r')
			q--;
		if (q > p && *p != '#') {
			if (lx->nrows == cap) {
				cap = cap ? cap * 2 : 64;
				lx->cols = cr_xrealloc(lx->cols, cap * sizeof *lx->cols);
				lx->ncols = cr_xrealloc(lx->ncols, cap * sizeof *lx->ncols);
			}
			size_t nc = 1;
			for (const char *t = p; t < q; t++)
				nc += *t == '\t';
			char **cols = cr_arena_alloc(lx->arena, nc * sizeof *cols);
			const char *f = p;
			for (size_t c = 0; c < nc; c++) {
				const char *t = memchr(f, '\t', (size_t)(q - f));
				if (!t)
					t = q;
				cols[c] = cr_arena_strndup(lx->arena, f, (size_t)(t - f));
				f = t + 1;
			}
			if (fold_key)
				for (char *k = cols[0]; *k; k++)
					*k = (char)cr_lower((unsigned char)*k);
			lx->cols[lx->nrows] = cols;
			lx->ncols[lx->nrows] = nc;
			intptr_t prev;
			if (!cr_map_get(lx->index, cols[0], strlen(cols[0]), &prev))
				cr_map_put(lx->index, cols[0], strlen(cols[0]), (intptr_t)lx->nrows);
			lx->nrows++;
		}
		p = eol + 1;
	}
	return lx;
}

void cr_lexicon_free(cr_lexicon *lx)
{
	if (!lx)
		return;
	free(lx->cols);
	free(lx->ncols);
	cr_map_free(lx->index);
	cr_arena_free(lx->arena);
	free(lx);
}

long cr_lexicon_find(const cr_lexicon *lx, const char *key, size_t klen)
{
	char small[256];
	if (klen >= sizeof small)
		return -1;
	for (size_t i = 0; i < klen; i++)
		small[i] = (char)cr_lower((unsigned char)key[i]);
	intptr_t v;
	if (cr_map_get(lx->index, small, klen, &v))
		return (long)v;
	/* exact (unfolded) keys, for lexicons loaded without folding */
	if (!lx->folded && cr_map_get(lx->index, key, klen, &v))
		return (long)v;
	return -1;
}
