/* test_docdate: publication dates inferred from the text alone, and "no clue" when there is none. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "time/timex.h"
#include "timex_fixture.h"

static int infer(const char *text, char from[11], char to[11])
{
	cr_dayrange r = {CR_DAY_NONE, CR_DAY_NONE};
	int k = cr_docdate_infer(&r, ctx, text, strlen(text));
	if (k == 1) {
		assert_true(cr_range_known(r));
		assert_true(r.earliest <= r.latest);
		cr_day_format(r.earliest, from);
		cr_day_format(r.latest, to);
	}
	return k;
}

static void test_deictic_date_given_in_full_pins_the_year(void **state)
{
	(void)state;
	char a[11], b[11];
	const char *t = "The hospital was bombed on March 9, 2022. He ordered the strike on March 9 last year, "
	                "officials say.";
	assert_int_equal(infer(t, a, b), 1);
	assert_string_equal(a, "2023-01-01");
	assert_string_equal(b, "2023-12-31");
}

static void test_this_year_pins_the_same_year(void **state)
{
	(void)state;
	char a[11], b[11];
	const char *t = "The talks opened on May 4 this year. On May 4, 2019, the delegations met in Geneva.";
	assert_int_equal(infer(t, a, b), 1);
	assert_string_equal(a, "2019-05-04");   /* not before the dated event it reports */
	assert_string_equal(b, "2019-12-31");
}

static void test_month_with_last_year_pins_the_year(void **state)
{
	(void)state;
	char a[11], b[11];
	const char *t = "The siege began in March last year. By March 2022 the city was encircled.";
	assert_int_equal(infer(t, a, b), 1);
	assert_string_equal(a, "2023-01-01");
	assert_string_equal(b, "2023-12-31");
}

static void test_latest_explicit_date_inside_the_year_is_a_lower_bound(void **state)
{
	(void)state;
	char a[11], b[11];
	const char *t = "The siege began on February 24 last year (February 24, 2022). On April 3, 2023, the "
	                "general was dismissed.";
	assert_int_equal(infer(t, a, b), 1);
	assert_string_equal(a, "2023-04-03");
	assert_string_equal(b, "2023-12-31");
}

static void test_text_without_dates_gives_no_clue(void **state)
{
	(void)state;
	char a[11], b[11];
	assert_int_equal(infer("The general was dismissed, state television said.", a, b), 0);
	assert_int_equal(infer("", a, b), 0);
}

static void test_explicit_dates_alone_give_no_clue(void **state)
{
	(void)state;
	char a[11], b[11];
	assert_int_equal(infer("On March 9, 2022, the hospital was bombed. He was born in 1962.", a, b), 0);
}

static void test_deictic_dates_without_full_form_give_no_clue(void **state)
{
	(void)state;
	char a[11], b[11];
	assert_int_equal(infer("He was appointed last year and fired on Friday.", a, b), 0);
}

static void test_undated_example_article_lands_in_2023(void **state)
{
	(void)state;
	const char *src = getenv("CORROB_SOURCE_DIR");
	if (!src)
		skip();
	char path[1024];
	snprintf(path, sizeof path, "%s/examples/mizintsev/003_278c3c0740fd46d5.txt", src);
	char *text;
	size_t len;
	if (cr_read_file(path, &text, &len) != 0)
		skip();
	cr_dayrange r;
	assert_int_equal(cr_docdate_infer(&r, ctx, text, len), 1);
	int32_t y0 = cr_days_from_civil(2023, 1, 1), y1 = cr_days_from_civil(2023, 12, 31);
	assert_true(r.earliest >= y0 && r.latest <= y1);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deictic_date_given_in_full_pins_the_year),
		cmocka_unit_test(test_this_year_pins_the_same_year),
		cmocka_unit_test(test_month_with_last_year_pins_the_year),
		cmocka_unit_test(test_latest_explicit_date_inside_the_year_is_a_lower_bound),
		cmocka_unit_test(test_text_without_dates_gives_no_clue),
		cmocka_unit_test(test_explicit_dates_alone_give_no_clue),
		cmocka_unit_test(test_deictic_dates_without_full_form_give_no_clue),
		cmocka_unit_test(test_undated_example_article_lands_in_2023),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
