/*
 * tempeval3: scores the time engine (src/time/, cr_timex_find) the TempEval-3 way (docs/timex.md).
 *
 *   tempeval3 [-v] DIR       every .tml file under DIR, recursively
 *
 * Each file's <TEXT> is stripped of its tags (entities decoded) to give the
 * raw text and the gold TIMEX3 spans and values; the <DCT> TIMEX3 gives the
 * publication day. cr_timex_find runs on the raw text with that day.
 * Strict extent: exact span; relaxed extent: any overlap (each gold and
 * each system expression matched at most once, in order); value: a relaxed
 * match whose value equals the gold value, with P = correct / system and
 * R = correct / gold, as TE3-evaluation.py computes it. Prints one line
 * `BENCH tempeval3-train timex-strict-f1=.. timex-relaxed-f1=.. value-f1=..`.
 * -v lists misses (gold not found), spurious (system not in gold) and wrong
 * values on stdout.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "time/timex.h"

typedef struct gold {
	uint32_t start, end;
	char value[64];
	char type[16];
} gold;

typedef struct counts {
	long gold, sys, strict, relaxed, value;
} counts;

static bool verbose;

static void attr(const char *tag, size_t taglen, const char *name, char *out, size_t cap)
{
	out[0] = 0;
	size_t nl = strlen(name);
	for (size_t i = 0; i + nl + 2 < taglen; i++) {
		if ((i == 0 || tag[i - 1] == ' ' || tag[i - 1] == '\n' || tag[i - 1] == '\t') &&
		    strncmp(tag + i, name, nl) == 0 && tag[i + nl] == '=' && tag[i + nl + 1] == '"') {
			const char *v = tag + i + nl + 2;
			const char *e = memchr(v, '"', taglen - (size_t)(v - tag));
			if (!e)
				return;
			size_t l = (size_t)(e - v);
			if (l >= cap)
				l = cap - 1;
			memcpy(out, v, l);
			out[l] = 0;
			return;
		}
	}
}

/* Strips the tags of body[0..n), decoding the five XML entities; gold TIMEX3 spans into g. */
static char *strip(const char *body, size_t n, size_t *outlen, gold **g, size_t *ng)
{
	char *t = malloc(n + 1);
	size_t k = 0, cap = 0;
	*g = NULL;
	*ng = 0;
	long open = -1;
	for (size_t i = 0; i < n;) {
		if (body[i] == '<') {
			const char *e = memchr(body + i, '>', n - i);
			if (!e)
				break;
			size_t tl = (size_t)(e - (body + i)) + 1;
			if (strncmp(body + i, "<TIMEX3", 7) == 0) {
				if (*ng == cap) {
					cap = cap ? cap * 2 : 32;
					*g = realloc(*g, cap * sizeof **g);
				}
				gold *x = &(*g)[(*ng)++];
				x->start = (uint32_t)k;
				x->end = (uint32_t)k;
				attr(body + i, tl, "value", x->value, sizeof x->value);
				attr(body + i, tl, "type", x->type, sizeof x->type);
				open = (long)*ng - 1;
			} else if (strncmp(body + i, "</TIMEX3", 8) == 0 && open >= 0) {
				(*g)[open].end = (uint32_t)k;
				open = -1;
			}
			i += tl;
		} else if (body[i] == '&') {
			static const char *ent[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
			static const char rep[] = "&<>\"'";
			size_t q;
			for (q = 0; q < 5; q++)
				if (strncmp(body + i, ent[q], strlen(ent[q])) == 0)
					break;
			if (q < 5) {
				t[k++] = rep[q];
				i += strlen(ent[q]);
			} else {
				t[k++] = body[i++];
			}
		} else if (body[i] == '\r') {
			i++;
		} else {
			t[k++] = body[i++];
		}
	}
	t[k] = 0;
	*outlen = k;
	return t;
}

static void score_file(const char *path, const cr_timex_ctx *ctx, counts *c)
{
	size_t len;
	char *raw;
	if (cr_read_file(path, &raw, &len) != 0)
		return;
	cr_dayrange pub = {CR_DAY_NONE, CR_DAY_NONE};
	const char *dct = strstr(raw, "<DCT>");
	if (dct) {
		const char *tx = strstr(dct, "<TIMEX3");
		const char *e = tx ? strchr(tx, '>') : NULL;
		char v[64];
		int32_t z;
		if (e) {
			attr(tx, (size_t)(e - tx) + 1, "value", v, sizeof v);
			if (strlen(v) >= 10 && cr_day_parse(v, &z))
				pub = (cr_dayrange){z, z};
		}
	}
	const char *b = strstr(raw, "<TEXT>"), *be = strstr(raw, "</TEXT>");
	if (!b || !be || be < b) {
		free(raw);
		return;
	}
	b += 6;
	gold *g;
	size_t ng, tl;
	char *text = strip(b, (size_t)(be - b), &tl, &g, &ng);
	cr_timex *sx;
	size_t ns;
	cr_timex_find(&sx, &ns, ctx, text, tl, pub);
	bool *gused = calloc(ng + 1, 1), *sused = calloc(ns + 1, 1);
	c->gold += (long)ng;
	c->sys += (long)ns;
	for (size_t i = 0; i < ng; i++)
		for (size_t j = 0; j < ns; j++)
			if (sx[j].start == g[i].start && sx[j].end == g[i].end)
				c->strict++;
	for (size_t i = 0; i < ng; i++) {
		for (size_t j = 0; j < ns; j++) {
			if (sused[j] || sx[j].start >= g[i].end || g[i].start >= sx[j].end)
				continue;
			sused[j] = gused[i] = true;
			c->relaxed++;
			if (strcmp(sx[j].value, g[i].value) == 0)
				c->value++;
			else if (verbose)
				printf("VALUE %s [%.*s] gold=%s sys=%s (%s)\n", path, (int)(g[i].end - g[i].start),
				       text + g[i].start, g[i].value, sx[j].value, g[i].type);
			break;
		}
	}
	if (verbose) {
		for (size_t i = 0; i < ng; i++)
			if (!gused[i])
				printf("MISS %s [%.*s] %s %s\n", path, (int)(g[i].end - g[i].start), text + g[i].start,
				       g[i].type, g[i].value);
		for (size_t j = 0; j < ns; j++)
			if (!sused[j])
				printf("SPURIOUS %s [%.*s] %s\n", path, (int)(sx[j].end - sx[j].start), text + sx[j].start,
				       sx[j].value);
	}
	free(gused);
	free(sused);
	free(sx);
	free(g);
	free(text);
	free(raw);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files in sorted order so -v output is deterministic. */
static void walk(const char *dir, const cr_timex_ctx *ctx, counts *c)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	CR_VEC(char *) names = {0};
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		size_t l = strlen(dir) + strlen(e->d_name) + 2;
		char *p = malloc(l);
		snprintf(p, l, "%s/%s", dir, e->d_name);
		cr_vec_push(&names, p);
	}
	closedir(d);
	if (names.len)
		qsort(names.items, names.len, sizeof *names.items, cmp_str);
	for (size_t i = 0; i < names.len; i++) {
		struct stat st;
		const char *p = names.items[i];
		size_t l = strlen(p);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			walk(p, ctx, c);
		else if (l > 4 && strcmp(p + l - 4, ".tml") == 0)
			score_file(p, ctx, c);
		free(names.items[i]);
	}
	free(names.items);
}

static double f1(long correct, long sys, long ngold)
{
	double p = sys ? (double)correct / (double)sys : 0, r = ngold ? (double)correct / (double)ngold : 0;
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

int main(int argc, char **argv)
{
	int a = 1;
	if (a < argc && strcmp(argv[a], "-v") == 0) {
		verbose = true;
		a++;
	}
	if (a >= argc) {
		fprintf(stderr, "usage: tempeval3 [-v] DIR\n");
		return 2;
	}
	cr_timex_ctx *ctx = cr_timex_new();
	if (!ctx)
		return 1;
	counts c = {0};
	walk(argv[a], ctx, &c);
	cr_timex_free(ctx);
	if (!c.gold) {
		fprintf(stderr, "tempeval3: no gold TIMEX3 under %s\n", argv[a]);
		return 0;
	}
	printf("BENCH tempeval3-train timex-strict-f1=%.3f timex-relaxed-f1=%.3f value-f1=%.3f gold=%ld system=%ld\n",
	       f1(c.strict, c.sys, c.gold), f1(c.relaxed, c.sys, c.gold), f1(c.value, c.sys, c.gold), c.gold, c.sys);
	return 0;
}
