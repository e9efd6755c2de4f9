/*
 * recognizers_datetime: scores src/recognize/timex.c against the Microsoft
 * Recognizers-Text English DateTimeModel spec (docs/timex.md).
 *
 *   recognizers_datetime [-v] FILE
 *
 * Each case's Input is read with Context.ReferenceDateTime (its day) as the
 * publication date, 2016-11-07 when the case gives none (the spec's default
 * reference). A case passes when the spans found equal the expected spans
 * (Start/End: inclusive code-point offsets) and each found value equals one
 * of the expected resolution's "timex" values, or, since corrob resolves
 * what the spec leaves open ("XXXX-10-02", "XXXX-WXX-5"), one of its
 * resolved "value" dates or the timex with the year filled in; a bare time
 * ("T18") matches the same time on the anchor day ("2016-11-07T18:00"). Every case counts, the ones
 * marked NotSupported too. Prints `BENCH recognizers-datetime pass=N
 * total=M`; -v lists the failures by the expected type on stdout.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recognize/timex.h"

static long cp_index(const char *t, size_t byte)
{
	long n = 0;
	for (size_t i = 0; i < byte; i++)
		n += ((unsigned char)t[i] & 0xC0) != 0x80;
	return n;
}

static bool value_ok(json_t *res, const char *v)
{
	json_t *vals = json_object_get(json_object_get(res, "Resolution"), "values");
	size_t k;
	json_t *it;
	json_array_foreach(vals, k, it)
	{
		const char *tx = json_string_value(json_object_get(it, "timex"));
		const char *rv = json_string_value(json_object_get(it, "value"));
		if (tx && strcmp(tx, v) == 0)
			return true;
		/* the spec leaves a yearless date's year open ("XXXX-10-02") and gives
		   its readings in "value"; corrob resolves it against the anchor */
		if (tx && strncmp(tx, "XXXX-", 5) == 0 && strlen(v) == strlen(tx) && strcmp(tx + 4, v + 4) == 0)
			return true;
		if (rv && strcmp(rv, v) == 0)
			return true;
		/* a bare time ("T18", "T18:30") that corrob dates to the anchor day */
		const char *tv = strchr(v, 'T');
		if (tx && tx[0] == 'T' && tv && tv - v == 10) {
			char a[16];
			snprintf(a, sizeof a, "%s", tv);
			if (strlen(a) == 6 && strcmp(a + 3, ":00") == 0)
				a[3] = 0;
			if (strcmp(a, tx) == 0)
				return true;
		}
	}
	return false;
}

int main(int argc, char **argv)
{
	int a = 1;
	bool verbose = false;
	if (a < argc && strcmp(argv[a], "-v") == 0) {
		verbose = true;
		a++;
	}
	if (a >= argc) {
		fprintf(stderr, "usage: recognizers_datetime [-v] FILE\n");
		return 2;
	}
	char *raw;
	size_t len;
	if (cr_read_file(argv[a], &raw, &len) != 0) {
		fprintf(stderr, "recognizers_datetime: cannot read %s\n", argv[a]);
		return 0;
	}
	size_t skip = len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	json_error_t err;
	json_t *root = json_loadb(raw + skip, len - skip, 0, &err);
	free(raw);
	if (!json_is_array(root)) {
		fprintf(stderr, "recognizers_datetime: %s: %s\n", argv[a], err.text);
		json_decref(root);
		return 0;
	}
	cr_timex_ctx *ctx = cr_timex_new();
	if (!ctx)
		return 1;
	long pass = 0, total = 0;
	size_t ci;
	json_t *c;
	json_array_foreach(root, ci, c)
	{
		const char *in = json_string_value(json_object_get(c, "Input"));
		if (!in)
			continue;
		total++;
		const char *ref = json_string_value(json_object_get(json_object_get(c, "Context"), "ReferenceDateTime"));
		int32_t z;
		if (!ref || !cr_day_parse(ref, &z))
			cr_day_parse("2016-11-07", &z);
		cr_timex *x;
		size_t n;
		cr_timex_find(&x, &n, ctx, in, strlen(in), (cr_dayrange){z, z});
		json_t *res = json_object_get(c, "Results");
		bool ok = json_array_size(res) == n;
		for (size_t i = 0; ok && i < n; i++) {
			json_t *r = json_array_get(res, i);
			long s = (long)json_integer_value(json_object_get(r, "Start"));
			long e = (long)json_integer_value(json_object_get(r, "End"));
			if (cp_index(in, x[i].start) != s || cp_index(in, x[i].end) - 1 != e || !value_ok(r, x[i].value))
				ok = false;
		}
		if (ok) {
			pass++;
		} else if (verbose) {
			const char *ty = json_string_value(json_object_get(json_array_get(res, 0), "TypeName"));
			printf("FAIL %s | %s |", ty ? ty : "none", in);
			for (size_t i = 0; i < json_array_size(res); i++) {
				json_t *r = json_array_get(res, i);
				json_t *v0 = json_array_get(json_object_get(json_object_get(r, "Resolution"), "values"), 0);
				printf(" want[%s]=%s", json_string_value(json_object_get(r, "Text")),
				       json_string_value(json_object_get(v0, "timex")));
			}
			printf(" |");
			for (size_t i = 0; i < n; i++)
				printf(" got[%.*s]=%s", (int)(x[i].end - x[i].start), in + x[i].start, x[i].value);
			printf("\n");
		}
		free(x);
	}
	cr_timex_free(ctx);
	json_decref(root);
	printf("BENCH recognizers-datetime pass=%ld total=%ld\n", pass, total);
	return 0;
}
