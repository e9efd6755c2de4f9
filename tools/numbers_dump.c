/*
 * numbers_dump: prints every number expression cr_numbers_find sees in the
 * files named (or stdin), one per line: kind, modifier, interval, the text,
 * and the counted noun. For eyeballing the recognizer on news text.
 */
#include <stdio.h>
#include <stdlib.h>

#include "recognize/number.h"
#include "util/util.h"

static void dump(const cr_numbers *ctx, const char *name, const char *t, size_t len)
{
	cr_number *r;
	size_t n;
	if (cr_numbers_find(&r, &n, ctx, t, len) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		const cr_number *x = &r[i];
		printf("%s\t%s\t%s\t", name, cr_num_kind_name(x->kind), cr_num_mod_name(x->mod));
		if (x->has_low)
			printf("[%.10g", x->low);
		else
			printf("(-inf");
		if (x->has_high)
			printf(",%.10g]", x->high);
		else
			printf(",inf)");
		printf("\t%.*s", (int)(x->end - x->start), t + x->start);
		if (x->noun_end)
			printf("\tnoun=%.*s", (int)(x->noun_end - x->noun_start), t + x->noun_start);
		if (x->year_like)
			printf("\tyear_like");
		printf("\n");
	}
	free(r);
}

int main(int argc, char **argv)
{
	cr_numbers *ctx = cr_numbers_new();
	if (!ctx)
		return 1;
	if (argc < 2) {
		cr_buf b = { 0 };
		char chunk[65536];
		size_t k;
		while ((k = fread(chunk, 1, sizeof chunk, stdin)) > 0)
			cr_buf_append(&b, chunk, k);
		dump(ctx, "-", b.data ? b.data : "", b.len);
		cr_buf_free(&b);
	}
	for (int i = 1; i < argc; i++) {
		char *t;
		size_t len;
		if (cr_read_file(argv[i], &t, &len) < 0) {
			perror(argv[i]);
			continue;
		}
		dump(ctx, argv[i], t, len);
		free(t);
	}
	cr_numbers_free(ctx);
	return 0;
}
