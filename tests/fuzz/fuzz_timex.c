/*
 * fuzz_timex: cr_timex_find (then cr_timex_join_ranges) and cr_docdate_infer
 * on arbitrary bytes, read with no publication date, an exact day and a
 * year-long interval. Checks
 * that every span lies inside the input, is not empty, comes in document
 * order, and that resolved ranges are ordered and values NUL-terminated.
 * The input is copied to an exact-size heap buffer so AddressSanitizer
 * catches overreads.
 */
#include "time/timex.h"

#include <stdlib.h>
#include <string.h>

static cr_timex_ctx *ctx;

static void check(const cr_timex *x, size_t n, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		if (x[i].start >= x[i].end || x[i].end > len || (i && x[i - 1].start > x[i].start))
			abort();
		if (cr_range_known(x[i].range) && x[i].range.earliest > x[i].range.latest)
			abort();
		if (memchr(x[i].value, 0, sizeof x[i].value) == NULL)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ctx)
		ctx = cr_timex_new();
	char *t = malloc(size ? size : 1);
	if (size)
		memcpy(t, data, size);
	cr_dayrange pubs[3] = {{CR_DAY_NONE, CR_DAY_NONE},
	                       {cr_days_from_civil(2023, 1, 2), cr_days_from_civil(2023, 1, 2)},
	                       cr_range_year(2023)};
	for (int p = 0; p < 3; p++) {
		cr_timex *x;
		size_t n;
		if (cr_timex_find(&x, &n, ctx, t, size, pubs[p]) != 0)
			abort();
		check(x, n, size);
		cr_timex_join_ranges(x, &n, t, size);
		check(x, n, size);
		free(x);
	}
	cr_dayrange r;
	if (cr_docdate_infer(&r, ctx, t, size) == 1 && (!cr_range_known(r) || r.earliest > r.latest))
		abort();
	free(t);
	return 0;
}
