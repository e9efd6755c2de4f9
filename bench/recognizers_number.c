/*
 * recognizers_number: scores src/recognize/number.c against the Microsoft
 * Recognizers-Text English specs (see docs/numbers.md).
 *
 *   recognizers_number [-v] MODE FILE     MODE = number | range | age
 *
 * Prints one line `BENCH recognizers-MODE pass=N total=M`. A case passes
 * when the set of spans found equals the expected set (Start/End are
 * inclusive code-point offsets) and each span's resolved value matches:
 * number: Resolution.value numerically (relative 1e-9); range: the interval
 * notation "(10,20]" bound by bound; age: value and unit. Every case counts,
 * NotSupported ones too. -v lists the failures on stdout.
 *
 * One recognizer serves all three specs; this file only maps its output to
 * what each spec counts: number = every figure that is not an ordinal or a
 * vague word (a range gives both its figures, the modifier is left out);
 * range = the comparisons and ranges, with the spec's bracket conventions;
 * age = the ages with their unit words.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recognize/number.h"

typedef struct item {
	long s, e;         /* code points, inclusive end */
	char val[64];
	double v;
	char unit[16];
} item;

static long cp_index(const char *t, size_t byte)
{
	long n = 0;
	for (size_t i = 0; i < byte; i++)
		n += ((unsigned char)t[i] & 0xC0) != 0x80;
	return n;
}

static void fmt_num(char *out, size_t cap, double v)
{
	snprintf(out, cap, "%.15g", v);
}

static void range_str(char *out, size_t cap, const cr_number *r)
{
	char a[32] = "", b[32] = "";
	char lb = '[', rb = ')';
	if (r->kind == CR_NUM_RANGE) {
		fmt_num(a, sizeof a, r->value);
		fmt_num(b, sizeof b, r->value2);
		if (r->mod == CR_MOD_MORE_THAN)
			lb = '(';
		if (r->mod2 == CR_MOD_AT_MOST || r->mod2 == CR_MOD_UP_TO)
			rb = ']';
		if (r->mod == CR_MOD_NONE)
			rb = ')';
	} else {
		switch (r->mod) {
		case CR_MOD_MORE_THAN: lb = '('; fmt_num(a, sizeof a, r->value); rb = ')'; break;
		case CR_MOD_AT_LEAST: lb = '['; fmt_num(a, sizeof a, r->value); rb = ')'; break;
		case CR_MOD_LESS_THAN: lb = '('; fmt_num(b, sizeof b, r->value); rb = ')'; break;
		case CR_MOD_AT_MOST:
		case CR_MOD_UP_TO: lb = '('; fmt_num(b, sizeof b, r->value); rb = ']'; break;
		case CR_MOD_EXACTLY: lb = '['; fmt_num(a, sizeof a, r->value); fmt_num(b, sizeof b, r->value); rb = ']'; break;
		default: break;
		}
	}
	snprintf(out, cap, "%c%s,%s%c", lb, a, b, rb);
}

static bool num_eq(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1, fmax(fabs(a), fabs(b)));
}

/* "(20,35]" vs "(20,35]" bound by bound, numerically. */
static bool range_eq(const char *x, const char *y)
{
	size_t lx = strlen(x), ly = strlen(y);
	if (lx < 3 || ly < 3 || x[0] != y[0] || x[lx - 1] != y[ly - 1])
		return false;
	const char *cx = strchr(x, ','), *cy = strchr(y, ',');
	if (!cx || !cy)
		return false;
	bool ex1 = cx == x + 1, ey1 = cy == y + 1, ex2 = cx[1] == x[lx - 1], ey2 = cy[1] == y[ly - 1];
	if (ex1 != ey1 || ex2 != ey2)
		return false;
	if (!ex1 && !num_eq(strtod(x + 1, NULL), strtod(y + 1, NULL)))
		return false;
	if (!ex2 && !num_eq(strtod(cx + 1, NULL), strtod(cy + 1, NULL)))
		return false;
	return true;
}

static const char *age_unit_name(int u)
{
	static const char *n[] = { "Year", "Month", "Week", "Day", "Age" };
	return u >= 0 && u < 5 ? n[u] : "?";
}

static int push(item *it, int n, int cap, item x)
{
	if (n < cap)
		it[n++] = x;
	return n;
}

static int found(const char *mode, const char *text, const cr_number *r, size_t nr, item *it, int cap)
{
	int n = 0;
	for (size_t i = 0; i < nr; i++) {
		const cr_number *x = &r[i];
		item a;
		memset(&a, 0, sizeof a);
		if (!strcmp(mode, "number")) {
			if (x->kind == CR_NUM_ORDINAL || x->kind == CR_NUM_VAGUE)
				continue;
			a.s = cp_index(text, x->num_start);
			a.e = cp_index(text, x->num_end) - 1;
			a.v = x->value;
			n = push(it, n, cap, a);
			if (x->kind == CR_NUM_RANGE || x->num2_end) {
				a.s = cp_index(text, x->num2_start);
				a.e = cp_index(text, x->num2_end) - 1;
				a.v = x->value2;
				n = push(it, n, cap, a);
			}
		} else if (!strcmp(mode, "range")) {
			if (!(x->kind == CR_NUM_RANGE || (x->mod != CR_MOD_NONE && x->comparative)))
				continue;
			a.s = cp_index(text, x->start);
			a.e = cp_index(text, x->end) - 1;
			range_str(a.val, sizeof a.val, x);
			n = push(it, n, cap, a);
		} else {
			if (x->kind != CR_NUM_AGE)
				continue;
			bool second = x->num2_end != 0;
			size_t s = second ? x->num2_start : x->mod == CR_MOD_NONE ? x->start : x->num_start;
			size_t e = x->noun_end ? x->noun_end : second ? x->num2_end : x->num_end;
			a.s = cp_index(text, s);
			a.e = cp_index(text, e) - 1;
			a.v = second ? x->value2 : x->value;
			snprintf(a.unit, sizeof a.unit, "%s", age_unit_name(x->age_unit));
			n = push(it, n, cap, a);
		}
	}
	return n;
}

int main(int argc, char **argv)
{
	int ai = 1;
	bool verbose = false;
	if (ai < argc && !strcmp(argv[ai], "-v")) {
		verbose = true;
		ai++;
	}
	if (argc - ai != 2) {
		fprintf(stderr, "usage: recognizers_number [-v] number|range|age FILE\n");
		return 2;
	}
	const char *mode = argv[ai], *path = argv[ai + 1];
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	if (!root || !json_is_array(root)) {
		fprintf(stderr, "recognizers_number: %s: %s\n", path, err.text);
		return 1;
	}
	cr_numbers *ctx = cr_numbers_new();
	if (!ctx) {
		fprintf(stderr, "recognizers_number: lexicons missing\n");
		return 1;
	}
	size_t total = json_array_size(root), pass = 0;
	for (size_t ci = 0; ci < total; ci++) {
		json_t *c = json_array_get(root, ci);
		const char *input = json_string_value(json_object_get(c, "Input"));
		json_t *res = json_object_get(c, "Results");
		if (!input)
			continue;
		item want[64], got[64];
		int nw = 0;
		for (size_t j = 0; j < json_array_size(res) && nw < 64; j++) {
			json_t *r = json_array_get(res, j);
			item x;
			memset(&x, 0, sizeof x);
			x.s = (long)json_integer_value(json_object_get(r, "Start"));
			x.e = (long)json_integer_value(json_object_get(r, "End"));
			json_t *rs = json_object_get(r, "Resolution");
			const char *val = json_string_value(json_object_get(rs, "value"));
			const char *unit = json_string_value(json_object_get(rs, "unit"));
			if (val) {
				snprintf(x.val, sizeof x.val, "%s", val);
				x.v = strtod(val, NULL);
			}
			if (unit)
				snprintf(x.unit, sizeof x.unit, "%s", unit);
			want[nw++] = x;
		}
		cr_number *r = NULL;
		size_t nr = 0;
		cr_numbers_find(&r, &nr, ctx, input, strlen(input));
		int ng = found(mode, input, r, nr, got, 64);
		bool ok = ng == nw;
		for (int a = 0; ok && a < nw; a++) {
			bool m = false;
			for (int b = 0; b < ng && !m; b++) {
				if (got[b].s != want[a].s || got[b].e != want[a].e)
					continue;
				if (!strcmp(mode, "number"))
					m = num_eq(got[b].v, want[a].v);
				else if (!strcmp(mode, "range"))
					m = range_eq(got[b].val, want[a].val);
				else
					m = num_eq(got[b].v, want[a].v) && !strcmp(got[b].unit, want[a].unit);
			}
			ok = m;
		}
		pass += ok;
		if (!ok && verbose) {
			printf("FAIL %zu %s\n  want:", ci, input);
			for (int a = 0; a < nw; a++)
				printf(" [%ld,%ld %s %s]", want[a].s, want[a].e, want[a].val, want[a].unit);
			printf("\n  got: ");
			for (int b = 0; b < ng; b++)
				printf(" [%ld,%ld %.15g %s %s]", got[b].s, got[b].e, got[b].v, got[b].val, got[b].unit);
			printf("\n");
		}
		free(r);
	}
	printf("BENCH recognizers-%s pass=%zu total=%zu\n", mode, pass, total);
	cr_numbers_free(ctx);
	json_decref(root);
	return 0;
}
