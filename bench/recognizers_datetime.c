/*
 * recognizers_datetime: scores the time expressions the pipeline reads
 * (cr_timex_find, then cr_timex_join_ranges: what cr_analyze dates claims
 * with) against the Microsoft Recognizers-Text English DateTimeModel spec
 * (docs/timex.md).
 *
 *   recognizers_datetime [-v] FILE
 *
 * Each case's Input is read with Context.ReferenceDateTime's day as the
 * publication date, 2016-11-07 when the case gives none (the spec's
 * default). A case passes when the expressions found are exactly the
 * expected ones: as many, the same spans (Start/End: inclusive code-point
 * offsets), and each found value equal to one of the expected resolution's
 * "timex" values or its "value". Four writing differences are forgiven,
 * never more: (1) corrob resolves what the spec leaves open, so found
 * digits fill an expected X ("2016-10-02" for "XXXX-10-02", "2016-10-18"
 * for "XXXX-XX-18"; "XXXX-WXX-1" is never matched by a date); (2) corrob
 * may write minutes the spec leaves out ("T18:00" for "T18"); (3) a bare
 * time ("T18") matches the same time on a date ("2016-11-07T18:00"); (4) a
 * range joined as TIMEX3 writes it, "FIRST/SECOND", is read as the spec
 * writes one, "(first day of FIRST,first day of SECOND,duration)", the
 * duration in years when both ends are years, in months when neither is a
 * day, else in days. A range "(start,end,duration)" is compared part by
 * part: the points by these rules, the duration exactly. Every case
 * counts, the ones marked NotSupported too. Prints `BENCH
 * recognizers-datetime pass=N total=M typed=K` (K: passing cases whose
 * types also all equal the spec's TypeName: a DATE of one day is "date",
 * any other DATE "daterange", a TIME "datetime", or "time" when its value
 * has no day); -v lists the failures on stdout.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/timex.h"
#include "util/date.h"

static long cp_index(const char *t, size_t byte)
{
	long n = 0;
	for (size_t i = 0; i < byte; i++)
		n += ((unsigned char)t[i] & 0xC0) != 0x80;
	return n;
}

/* One point of a value: a date, a time, a datetime or a duration. */
static bool point_ok(const char *tx, const char *v)
{
	if (strcmp(tx, v) == 0)
		return true;
	/* the spec leaves a year or month open ("XXXX-10-02", "XXXX-XX-18") and
	   corrob resolves it against the anchor: a digit fills each X, all else equal */
	size_t n = strlen(tx);
	if (strchr(tx, 'X') && strlen(v) == n) {
		size_t i = 0;
		while (i < n && (tx[i] == v[i] || (tx[i] == 'X' && v[i] >= '0' && v[i] <= '9')))
			i++;
		if (i == n)
			return true;
	}
	/* corrob writes every clock with minutes ("T18:00") where the spec leaves
	   them out when the text did ("T18") */
	size_t lt = strlen(tx), lv = strlen(v);
	if (lv == lt + 3 && strncmp(v, tx, lt) == 0 && strcmp(v + lt, ":00") == 0 && lt >= 3 && tx[lt - 3] == 'T')
		return true;
	/* a bare time ("T18", "T18:30") that corrob dates to the anchor day */
	const char *tv = strchr(v, 'T');
	if (tx[0] == 'T' && tv && tv - v == 10) {
		char a[16];
		snprintf(a, sizeof a, "%s", tv);
		if (strlen(a) == 6 && strcmp(a + 3, ":00") == 0)
			a[3] = 0;
		if (strcmp(a, tx) == 0)
			return true;
	}
	return false;
}

/* A range "(start,end,duration)" matches part by part, a point as above. */
static bool timex_ok(const char *tx, const char *v)
{
	if (tx[0] != '(' || v[0] != '(')
		return point_ok(tx, v);
	char a[3][64], b[3][64];
	if (sscanf(tx, "(%63[^,],%63[^,],%63[^)])", a[0], a[1], a[2]) != 3 ||
	    sscanf(v, "(%63[^,],%63[^,],%63[^)])", b[0], b[1], b[2]) != 3)
		return false;
	return point_ok(a[0], b[0]) && point_ok(a[1], b[1]) && strcmp(a[2], b[2]) == 0;
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
		if (tx && timex_ok(tx, v))
			return true;
		if (rv && strcmp(rv, v) == 0)
			return true;
	}
	return false;
}

/* The first day a TIMEX3 date value names ("2016", "2016-03", "2016-03-09"),
 * and its grain in *g (Y, M or D); CR_DAY_NONE for any other value. */
static int32_t first_day(const char *v, char *g)
{
	int y = 0, m = 1, d = 1;
	*g = 'Y';
	if (strlen(v) < 4 || sscanf(v, "%4d", &y) != 1)
		return CR_DAY_NONE;
	if (v[4] == '-' && v[5] != 'W' && v[5] != 'Q' && sscanf(v + 5, "%2d", &m) == 1) {
		*g = 'M';
		if (v[7] == '-' && sscanf(v + 8, "%2d", &d) == 1)
			*g = 'D';
	}
	return cr_days_from_civil(y, m, d);
}

/* A found value in the spec's writing: a joined range "A/B" as "(A,B,duration)" (difference 4). */
static const char *spec_value(const cr_timex *x, char *o, size_t n)
{
	const char *sl = strchr(x->value, '/');
	char a[40], ga, gb;
	int32_t s = CR_DAY_NONE, e = CR_DAY_NONE;
	if (x->type == CR_TIMEX_DATE && sl) {
		snprintf(a, sizeof a, "%.*s", (int)(sl - x->value), x->value);
		s = first_day(a, &ga);
		e = first_day(sl + 1, &gb);
	}
	if (s == CR_DAY_NONE || e == CR_DAY_NONE) {
		snprintf(o, n, "%s", x->value);
		return o;
	}
	char sa[11], sb[11];
	cr_day_format(s, sa);
	cr_day_format(e, sb);
	int y1, m1, d1, y2, m2, d2;
	cr_civil_from_days(s, &y1, &m1, &d1);
	cr_civil_from_days(e, &y2, &m2, &d2);
	int months = (y2 * 12 + m2) - (y1 * 12 + m1);
	if (ga == 'Y' && gb == 'Y')
		snprintf(o, n, "(%s,%s,P%dY)", sa, sb, months / 12);
	else if (ga != 'D' && gb != 'D')
		snprintf(o, n, "(%s,%s,P%dM)", sa, sb, months);
	else
		snprintf(o, n, "(%s,%s,P%dD)", sa, sb, (int)(e - s));
	return o;
}

/* The Recognizers type name of a found expression (see the essay). */
static const char *type_name(const cr_timex *x)
{
	switch (x->type) {
	case CR_TIMEX_DATE:
		return strlen(x->value) == 10 && x->value[4] == '-' && x->value[7] == '-' ? "date" : "daterange";
	case CR_TIMEX_TIME: return x->value[0] == 'T' ? "time" : "datetime";
	case CR_TIMEX_DURATION: return "duration";
	default: return "set";
	}
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
	long pass = 0, total = 0, typed = 0;
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
		cr_timex_join_ranges(x, &n, in, strlen(in));
		char sv[80];
		json_t *res = json_object_get(c, "Results");
		bool ok = json_array_size(res) == n, typed_ok = true;
		for (size_t i = 0; ok && i < n; i++) {
			json_t *r = json_array_get(res, i);
			long s = (long)json_integer_value(json_object_get(r, "Start"));
			long e = (long)json_integer_value(json_object_get(r, "End"));
			if (cp_index(in, x[i].start) != s || cp_index(in, x[i].end) - 1 != e || !value_ok(r, spec_value(&x[i], sv, sizeof sv)))
				ok = false;
			const char *tn = json_string_value(json_object_get(r, "TypeName"));
			if (tn && strncmp(tn, "datetimeV2.", 11) == 0 && strcmp(tn + 11, type_name(&x[i])) != 0)
				typed_ok = false;
		}
		if (ok) {
			pass++;
			typed += typed_ok;
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
				printf(" got[%.*s]=%s", (int)(x[i].end - x[i].start), in + x[i].start, spec_value(&x[i], sv, sizeof sv));
			printf("\n");
		}
		free(x);
	}
	cr_timex_free(ctx);
	json_decref(root);
	printf("BENCH recognizers-datetime pass=%ld total=%ld typed=%ld\n", pass, total, typed);
	return 0;
}
