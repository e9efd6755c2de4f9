/*
 * copies.c: documents that are copies of one another — syndicated wire
 * copy, or one outlet's text reprinted by another.
 *
 * Each document is reduced to a MinHash signature (64 hash functions) over
 * its word 5-shingles; signatures are banded (16 bands of 4) so that only
 * documents sharing a band are compared, and those pairs get their Jaccard
 * similarity estimated from the signatures. Pairs at or above 0.5 are
 * reported. Linear in the corpus apart from the candidate pairs.
 */
#include "resolve/resolve.h"
#include "util/map.h"

#include <stdlib.h>
#include <string.h>

#define NHASH 64
#define BANDS 16
#define ROWS (NHASH / BANDS)
#define SHINGLE 5

static uint64_t mix(uint64_t x, uint64_t seed)
{
	x ^= seed;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static void signature(uint64_t sig[NHASH], const char *t, size_t n)
{
	for (int k = 0; k < NHASH; k++)
		sig[k] = UINT64_MAX;
	uint64_t win[SHINGLE] = {0};
	size_t nw = 0, i = 0;
	while (i < n) {
		while (i < n && !cr_is_alpha((unsigned char)t[i]) && !cr_is_digit((unsigned char)t[i]) && (unsigned char)t[i] < 0x80)
			i++;
		size_t j = i;
		uint64_t h = 0xcbf29ce484222325ULL;
		while (j < n && (cr_is_alpha((unsigned char)t[j]) || cr_is_digit((unsigned char)t[j]) || (unsigned char)t[j] >= 0x80)) {
			h = (h ^ (uint64_t)cr_lower((unsigned char)t[j])) * 0x100000001b3ULL;
			j++;
		}
		if (j == i)
			break;
		win[nw % SHINGLE] = h;
		nw++;
		i = j;
		if (nw < SHINGLE)
			continue;
		uint64_t sh = 0;
		for (int k = 0; k < SHINGLE; k++)
			sh = sh * 31 + win[(nw + (size_t)k) % SHINGLE];
		for (int k = 0; k < NHASH; k++) {
			uint64_t v = mix(sh, (uint64_t)k * 0x9e3779b97f4a7c15ULL + 1);
			if (v < sig[k])
				sig[k] = v;
		}
	}
}

static int cmp_copy(const void *x, const void *y)
{
	const cr_copy *a = x, *b = y;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

void cr_resolve_copies(cr_ledger *l)
{
	size_t n = l->ndocs;
	uint64_t (*sig)[NHASH] = cr_xcalloc(n + 1, sizeof *sig);
	for (size_t d = 0; d < n; d++)
		signature(sig[d], l->docs[d].text, l->docs[d].len);
	CR_VEC(cr_copy) out = {0};
	cr_map *seen = cr_map_new();
	/* each band: documents whose rows agree share a bucket; a document is
	 * compared with the first MAX_BUCKET members of its bucket (a bucket of
	 * thousands is one story syndicated everywhere, and its first members
	 * already tie the copies together) */
	enum { MAX_BUCKET = 32 };
	size_t *next = cr_xcalloc(n + 1, sizeof *next);   /* bucket chains: doc -> next doc + 1 */
	for (int b = 0; b < BANDS; b++) {
		cr_map *bucket = cr_map_new();   /* key -> 1 + first doc of the chain */
		for (size_t d = 0; d < n; d++)
			next[d] = 0;
		for (size_t d = 0; d < n; d++) {
			if (sig[d][0] == UINT64_MAX)
				continue;   /* too short to shingle */
			uint64_t key[ROWS + 1];
			key[0] = (uint64_t)b;
			memcpy(key + 1, &sig[d][b * ROWS], ROWS * sizeof(uint64_t));
			intptr_t head;
			if (!cr_map_get(bucket, (const char *)key, sizeof key, &head)) {
				cr_map_put(bucket, (const char *)key, sizeof key, (intptr_t)d + 1);
				continue;
			}
			size_t last = 0, seen_members = 0;
			for (size_t a1 = (size_t)head; a1 && seen_members < MAX_BUCKET; a1 = next[a1 - 1], seen_members++) {
				size_t a = a1 - 1;
				last = a;
				size_t pair[2] = {a, d};
				if (!cr_map_put(seen, (const char *)pair, sizeof pair, 1))
					continue;
				int same = 0;
				for (int k = 0; k < NHASH; k++)
					same += sig[a][k] == sig[d][k];
				double j = (double)same / NHASH;
				if (j >= 0.5)
					cr_vec_push(&out, ((cr_copy){a, d, j}));
			}
			/* append d to the chain while it is short */
			if (seen_members < MAX_BUCKET) {
				while (next[last])
					last = next[last] - 1;
				next[last] = d + 1;
			}
		}
		cr_map_free(bucket);
	}
	free(next);
	cr_map_free(seen);
	free(sig);
	if (out.len > 1)
		qsort(out.items, out.len, sizeof *out.items, cmp_copy);
	l->copies = out.items;
	l->ncopies = out.len;
}
