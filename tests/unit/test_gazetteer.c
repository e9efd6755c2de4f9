/* test_gazetteer: longest match, case sensitivity, TSV loading, the built-in lists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "recognize/gazetteer.h"

static size_t split(const char **w, size_t *l, size_t max, const char *s)
{
	size_t n = 0, i = 0, len = strlen(s);
	while (i < len && n < max) {
		while (i < len && s[i] == ' ')
			i++;
		if (i == len)
			break;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		w[n] = s + st;
		l[n++] = i - st;
	}
	return n;
}

static cr_gazetteer *small(void)
{
	cr_gazetteer *g = cr_gazetteer_new();
	assert_int_equal(cr_gazetteer_add(g, "York", 4, CR_ENT_LOC, NULL), 1);
	assert_int_equal(cr_gazetteer_add(g, "New York", 8, CR_ENT_LOC, "city"), 1);
	assert_int_equal(cr_gazetteer_add(g, "New York Times", 14, CR_ENT_ORG, "paper"), 1);
	assert_int_equal(cr_gazetteer_add(g, "New  York", 9, CR_ENT_ORG, NULL), 0);  /* same name: first kept */
	return g;
}

static void test_gazetteer_prefers_longest_match(void **state)
{
	(void)state;
	cr_gazetteer *g = small();
	const char *w[8];
	size_t l[8];
	size_t n = split(w, l, 8, "the New York Times said New York was cold");
	uint32_t e;
	assert_int_equal(cr_gazetteer_match(g, w, l, n, 1, &e), 3);
	assert_int_equal(cr_gazetteer_type(g, e), CR_ENT_ORG);
	assert_string_equal(cr_gazetteer_extra(g, e), "paper");
	assert_int_equal(cr_gazetteer_match(g, w, l, n, 5, &e), 2);
	assert_int_equal(cr_gazetteer_type(g, e), CR_ENT_LOC);
	assert_int_equal(cr_gazetteer_match(g, w, l, n, 0, &e), 0);
	/* A match cannot run past the end of the sentence. */
	assert_int_equal(cr_gazetteer_match(g, w, l, 3, 1, &e), 2);
	uint8_t tags[8];
	cr_gazetteer_tag(tags, g, w, l, n);
	const uint8_t want[8] = {0, 3, 4, 4, 0, 5, 6, 0};
	assert_memory_equal(tags, want, 8);
	cr_gazetteer_free(g);
}

static void test_gazetteer_is_case_sensitive(void **state)
{
	(void)state;
	cr_gazetteer *g = small();
	const char *w[4];
	size_t l[4];
	size_t n = split(w, l, 4, "new york times");
	assert_int_equal(cr_gazetteer_match(g, w, l, n, 0, NULL), 0);
	cr_gazetteer_free(g);
}

static void test_gazetteer_tsv_rejects_unknown_type(void **state)
{
	(void)state;
	cr_gazetteer *g = cr_gazetteer_new();
	char err[200];
	const char *ok = "# comment\n\nLake Chad\tLOC\tlake\nAcme Corp\tORG\n";
	assert_int_equal(cr_gazetteer_add_tsv(g, ok, strlen(ok), err, sizeof err), 2);
	const char *bad = "Somewhere\tPLACE\tx\n";
	assert_true(cr_gazetteer_add_tsv(g, bad, strlen(bad), err, sizeof err) < 0);
	assert_non_null(strstr(err, "PLACE"));
	cr_gazetteer_free(g);
}

static void test_default_gazetteer_holds_countries_cities_and_organisations(void **state)
{
	(void)state;
	const cr_gazetteer *g = cr_gazetteer_default();
	assert_non_null(g);
	assert_true(cr_gazetteer_count(g) > 10000);
	const char *w[16];
	size_t l[16];
	size_t n = split(w, l, 16, "France , Kyiv and the World Health Organization");
	uint32_t e;
	assert_int_equal(cr_gazetteer_match(g, w, l, n, 0, &e), 1);
	assert_int_equal(cr_gazetteer_type(g, e), CR_ENT_LOC);
	assert_int_equal(cr_gazetteer_match(g, w, l, n, 2, &e), 1);
	assert_int_equal(cr_gazetteer_type(g, e), CR_ENT_LOC);
	assert_int_equal(cr_gazetteer_match(g, w, l, n, 5, &e), 3);
	assert_int_equal(cr_gazetteer_type(g, e), CR_ENT_ORG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gazetteer_prefers_longest_match),
		cmocka_unit_test(test_gazetteer_is_case_sensitive),
		cmocka_unit_test(test_gazetteer_tsv_rejects_unknown_type),
		cmocka_unit_test(test_default_gazetteer_holds_countries_cities_and_organisations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
