/*
 * fuzz_number: libFuzzer target for cr_numbers_find. Checks that every
 * expression lies inside the input, that they come in order without
 * overlapping, and that each interval is ordered.
 */
#include <stdint.h>
#include <stdlib.h>

#include "recognize/number.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cr_numbers *ctx;
	if (!ctx)
		ctx = cr_numbers_new();
	if (!ctx)
		abort();
	cr_number *r = NULL;
	size_t n = 0;
	if (cr_numbers_find(&r, &n, ctx, (const char *)data, size) != 0)
		abort();
	for (size_t i = 0; i < n; i++) {
		const cr_number *x = &r[i];
		if (x->start > x->end || x->end > size || x->num_start < x->start || x->num_end > x->end ||
		    x->num_start >= x->num_end || x->noun_end > size)
			abort();
		if (i && x->start < r[i - 1].end)
			abort();
		if (x->has_low && x->has_high && x->low > x->high)
			abort();
	}
	free(r);
	return 0;
}
