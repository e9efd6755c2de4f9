/*
 * recognize_dump: prints every number expression and every time expression
 * the recognizers find in the files named, one per line, with all their
 * fields. Two builds' dumps over a corpus diff clean when a change to the
 * recognizers (a speed-up, a refactor) leaves their output alone.
 *
 *   recognize_dump [--pub YYYY-MM-DD] FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recognize/number.h"
#include "time/timex.h"
#include "util/util.h"

static void dump_numbers(const cr_numbers *ctx, const char *name, const char *t, size_t len)
{
	cr_number *r;
	size_t n;
	if (cr_numbers_find(&r, &n, ctx, t, len) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		const cr_number *x = &r[i];
		printf("%s\tN\t%u-%u\t%s\t%s\t", name, x->start, x->end, cr_num_kind_name(x->kind),
		       cr_num_mod_name(x->mod));
		printf(x->has_low ? "[%.17g" : "(-inf", x->low);
		printf(x->has_high ? ",%.17g]" : ",inf)", x->high);
		printf("\t%.*s\tnoun=%u-%u\t%d\n", (int)(x->end - x->start), t + x->start, x->noun_start, x->noun_end,
		       (int)x->year_like);
	}
	free(r);
}

static void dump_timexes(const cr_timex_ctx *ctx, const char *name, const char *t, size_t len, cr_dayrange pub)
{
	cr_timex *r;
	size_t n;
	if (cr_timex_find(&r, &n, ctx, t, len, pub) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		const cr_timex *x = &r[i];
		printf("%s\tT\t%u-%u\t%d\t%d\t%d..%d\t%s\t%.*s\n", name, x->start, x->end, x->type, x->anchor,
		       (int)x->range.earliest, (int)x->range.latest, x->value, (int)(x->end - x->start), t + x->start);
	}
	free(r);
}

int main(int argc, char **argv)
{
	cr_numbers *nc = cr_numbers_new();
	cr_timex_ctx *tc = cr_timex_new();
	if (!nc || !tc)
		return 1;
	cr_dayrange pub = {CR_DAY_NONE, CR_DAY_NONE};
	int i = 1;
	if (argc > 2 && strcmp(argv[1], "--pub") == 0) {
		if (!cr_day_parse(argv[2], &pub.earliest)) {
			fprintf(stderr, "recognize_dump: bad date %s\n", argv[2]);
			return 2;
		}
		pub.latest = pub.earliest;
		i = 3;
	}
	for (; i < argc; i++) {
		char *t;
		size_t len;
		if (cr_read_file(argv[i], &t, &len) < 0) {
			perror(argv[i]);
			continue;
		}
		dump_numbers(nc, argv[i], t, len);
		dump_timexes(tc, argv[i], t, len, pub);
		free(t);
	}
	cr_numbers_free(nc);
	cr_timex_free(tc);
	return 0;
}
