/*
 * fuzz_datetime: cr_datetime_find_at (the composition layer over the time
 * expressions: ranges, open ranges, date with time) on arbitrary bytes, read
 * with no publication date, an exact day at noon and a year-long interval.
 * Checks that every span lies inside the input, is not empty, comes in
 * document order, that resolved ranges are ordered, and that values are
 * NUL-terminated with a known type. The input is copied to an exact-size
 * heap buffer so AddressSanitizer catches overreads.
 */
#include "recognize/datetime.h"

#include <stdlib.h>
#include <string.h>

static cr_timex_ctx *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ctx)
		ctx = cr_timex_new();
	char *t = malloc(size ? size : 1);
	if (size)
		memcpy(t, data, size);
	cr_dayrange pubs[3] = {{CR_DAY_NONE, CR_DAY_NONE},
	                       {cr_days_from_civil(2016, 11, 7), cr_days_from_civil(2016, 11, 7)},
	                       cr_range_year(2023)};
	for (int p = 0; p < 3; p++) {
		cr_datetime *x;
		size_t n;
		if (cr_datetime_find_at(&x, &n, ctx, t, size, pubs[p], p == 1 ? 12 * 3600 : -1) != 0)
			abort();
		for (size_t i = 0; i < n; i++) {
			if (x[i].start >= x[i].end || x[i].end > size || (i && x[i - 1].start > x[i].start))
				abort();
			if (cr_range_known(x[i].range) && x[i].range.earliest > x[i].range.latest)
				abort();
			if (memchr(x[i].value, 0, sizeof x[i].value) == NULL || x[i].type > CR_DT_SET)
				abort();
		}
		free(x);
	}
	free(t);
	return 0;
}
