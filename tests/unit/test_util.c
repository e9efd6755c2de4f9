/*
 * test_util.c: the pieces every stage leans on — buffers, the string map,
 * TSV lexicons built into the binary, the arena, calendar arithmetic and
 * UTF-8 repair.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/map.h"
#include "util/utf8.h"
#include "util/util.h"

static void test_buffer_grows_and_stays_terminated(void **state)
{
	(void)state;
	cr_buf b = {0};
	for (int i = 0; i < 1000; i++)
		cr_buf_printf(&b, "%d,", i);
	assert_int_equal(b.len, strlen(b.data));
	assert_memory_equal(b.data, "0,1,2,", 6);
	char *s = cr_buf_detach(&b);
	assert_null(b.data);
	free(s);
}

static void test_map_keeps_every_key_through_growth(void **state)
{
	(void)state;
	cr_map *m = cr_map_new();
	char k[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(k, sizeof k, "key%d", i);
		assert_true(cr_map_put(m, k, strlen(k), i));
	}
	assert_false(cr_map_put(m, "key7", 4, 77));
	assert_int_equal(cr_map_count(m), 5000);
	intptr_t v;
	assert_true(cr_map_get(m, "key7", 4, &v));
	assert_int_equal(v, 77);
	assert_true(cr_map_get(m, "key4999", 7, &v));
	assert_false(cr_map_get(m, "key5000", 7, NULL));
	size_t it = 0, n = 0;
	while (cr_map_next(m, &it, NULL, NULL, NULL))
		n++;
	assert_int_equal(n, 5000);
	cr_map_free(m);
}

static void test_lexicon_is_built_in_and_folded(void **state)
{
	(void)state;
	cr_lexicon *lx = cr_lexicon_load(CR_DATA(lexicon_casualty_tsv), true);
	assert_non_null(lx);
	long r = cr_lexicon_find(lx, "KILLED", 6);
	assert_true(r >= 0);
	assert_string_equal(lx->cols[r][1], "killed");
	assert_int_equal(cr_lexicon_find(lx, "banana", 6), -1);
	cr_lexicon_free(lx);
	/* a file's id and its name are one table: every id names its file, and
	 * the name finds the same bytes */
	for (int id = 0; id < CR_DATA_COUNT; id++) {
		size_t n1, n2;
		const char *by_id = cr_data((enum cr_data_id)id, &n1);
		const char *by_name = cr_data_file(cr_data_name((enum cr_data_id)id), &n2);
		assert_ptr_equal(by_id, by_name);
		assert_int_equal(n1, n2);
		assert_int_equal(by_id[n1], 0);
	}
	assert_string_equal(cr_data_name(CR_DATA(lexicon_casualty_tsv)), "lexicon/casualty.tsv");
	/* names made at run time can miss */
	assert_null(cr_data_file("lexicon/no-such-file.tsv", NULL));
}

static void test_grouping_keeps_first_seen_order(void **state)
{
	(void)state;
	cr_grouping g = {0};
	const char *keys[] = {"b", "a", "b", "c", "a", "b"};
	for (size_t i = 0; i < 6; i++)
		cr_grouping_add(&g, keys[i], 1, i);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.groups[0].len, 3);   /* "b": 0, 2, 5 */
	assert_int_equal(g.groups[0].items[2], 5);
	assert_int_equal(g.groups[1].items[1], 4);   /* "a": 1, 4 */
	assert_int_equal(g.groups[2].items[0], 3);
	cr_grouping_free(&g);
	assert_int_equal(g.n, 0);
}

static void test_arena_blocks_are_zeroed_and_aligned(void **state)
{
	(void)state;
	cr_arena *a = cr_arena_new();
	for (int i = 0; i < 10000; i++) {
		unsigned char *p = cr_arena_alloc(a, (size_t)(i % 97) + 1);
		assert_int_equal((uintptr_t)p % 16, 0);
		for (int k = 0; k < i % 97 + 1; k++)
			assert_int_equal(p[k], 0);
		p[0] = 1;
	}
	char *big = cr_arena_alloc(a, 1 << 20);
	assert_int_equal(big[(1 << 20) - 1], 0);
	cr_arena_free(a);
}

static void test_days_round_trip_and_leap_years(void **state)
{
	(void)state;
	for (int32_t z = -800000; z < 800000; z += 997) {
		int y, m, d;
		cr_civil_from_days(z, &y, &m, &d);
		assert_int_equal(cr_days_from_civil(y, m, d), z);
	}
	assert_int_equal(cr_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(cr_days_in_month(2024, 2), 29);
	assert_int_equal(cr_days_in_month(1900, 2), 28);
	assert_int_equal(cr_days_in_month(2000, 2), 29);
	assert_int_equal(cr_weekday(cr_days_from_civil(2022, 3, 25)), 4);   /* a Friday */
	int32_t z;
	assert_true(cr_day_parse("2022-03-09", &z));
	char s[11];
	cr_day_format(z, s);
	assert_string_equal(s, "2022-03-09");
	assert_false(cr_day_parse("2022-02-30", &z));
	assert_false(cr_day_parse("2022-3-09x", &z));
}

static void test_invalid_utf8_becomes_replacement_characters(void **state)
{
	(void)state;
	char *out;
	size_t n;
	cr_utf8_report rep;
	const char in[] = "\xEF\xBB\xBF" "ok \xC3\xA9 \xFF \xE2\x82 end";
	cr_utf8_repair(&out, &n, in, sizeof in - 1, &rep);
	assert_int_equal(rep.invalid, 2);
	assert_int_equal(rep.first_invalid, 9);
	assert_string_equal(out, "ok \xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD end");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffer_grows_and_stays_terminated),
		cmocka_unit_test(test_map_keeps_every_key_through_growth),
		cmocka_unit_test(test_lexicon_is_built_in_and_folded),
		cmocka_unit_test(test_grouping_keeps_first_seen_order),
		cmocka_unit_test(test_arena_blocks_are_zeroed_and_aligned),
		cmocka_unit_test(test_days_round_trip_and_leap_years),
		cmocka_unit_test(test_invalid_utf8_becomes_replacement_characters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
