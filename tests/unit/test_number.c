/*
 * test_number: the intervals, spans and counted nouns of
 * src/recognize/number.c, one property per test, plus the negatives (dates,
 * times, units, years), invalid UTF-8 and a large input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recognize/number.h"

static cr_numbers *ctx;

static int setup(void **state)
{
	(void)state;
	ctx = cr_numbers_new();
	return ctx ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	cr_numbers_free(ctx);
	return 0;
}

/* The expression whose text (start..end) equals want, or fails. */
static cr_number get(const char *text, const char *want)
{
	cr_number *r = NULL, out;
	memset(&out, 0, sizeof out);
	size_t n = 0;
	assert_int_equal(cr_numbers_find(&r, &n, ctx, text, strlen(text)), 0);
	for (size_t i = 0; i < n; i++) {
		if (r[i].end - r[i].start == strlen(want) && !memcmp(text + r[i].start, want, strlen(want))) {
			out = r[i];
			free(r);
			return out;
		}
	}
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "  found: %.*s\n", (int)(r[i].end - r[i].start), text + r[i].start);
	free(r);
	fail_msg("no expression '%s' in '%s'", want, text);
	return out;
}

/* Number of expressions whose figure text equals fig. */
static int count_fig(const char *text, const char *fig)
{
	cr_number *r = NULL;
	size_t n = 0;
	int c = 0;
	assert_int_equal(cr_numbers_find(&r, &n, ctx, text, strlen(text)), 0);
	for (size_t i = 0; i < n; i++)
		c += r[i].num_end - r[i].num_start == strlen(fig) && !memcmp(text + r[i].num_start, fig, strlen(fig));
	free(r);
	return c;
}

static void assert_iv(cr_number x, bool hl, double lo, bool hh, double hi)
{
	assert_int_equal(x.has_low, hl);
	assert_int_equal(x.has_high, hh);
	if (hl)
		assert_true(fabs(x.low - lo) < 1e-6);
	if (hh)
		assert_true(fabs(x.high - hi) < 1e-6);
}

static void noun_is(const char *text, cr_number x, const char *noun)
{
	assert_int_equal(x.noun_end - x.noun_start, strlen(noun));
	assert_memory_equal(text + x.noun_start, noun, strlen(noun));
}

static void test_number_exact_is_a_point(void **s)
{
	(void)s;
	const char *t = "The strike killed 1,640 civilians.";
	cr_number x = get(t, "1,640");
	assert_int_equal(x.kind, CR_NUM_CARDINAL);
	assert_int_equal(x.mod, CR_MOD_NONE);
	assert_iv(x, true, 1640, true, 1640);
	noun_is(t, x, "civilians");
}

static void test_number_at_least_is_open_above(void **s)
{
	(void)s;
	cr_number x = get("killing at least three and injuring 17", "at least three");
	assert_int_equal(x.mod, CR_MOD_AT_LEAST);
	assert_int_equal(x.value, 3);
	assert_iv(x, true, 3, false, 0);
}

static void test_number_more_than_integer_starts_above(void **s)
{
	(void)s;
	cr_number x = get("more than 1,000 civilians", "more than 1,000");
	assert_int_equal(x.mod, CR_MOD_MORE_THAN);
	assert_iv(x, true, 1001, false, 0);
}

static void test_number_over_is_more_than(void **s)
{
	(void)s;
	cr_number x = get("Over 40 tanks were lost", "Over 40");
	assert_int_equal(x.mod, CR_MOD_MORE_THAN);
	assert_iv(x, true, 41, false, 0);
}

static void test_number_more_than_half_is_open_above_half(void **s)
{
	(void)s;
	cr_number x = get("more than half of its residents", "more than half");
	assert_int_equal(x.kind, CR_NUM_FRACTION);
	assert_iv(x, true, 0.5, false, 0);
}

static void test_number_fewer_than_is_open_below(void **s)
{
	(void)s;
	cr_number x = get("fewer than 10 children", "fewer than 10");
	assert_int_equal(x.mod, CR_MOD_LESS_THAN);
	assert_iv(x, false, 0, true, 9);
}

static void test_number_at_most_is_open_below(void **s)
{
	(void)s;
	cr_number x = get("at most 100 apples", "at most 100");
	assert_int_equal(x.mod, CR_MOD_AT_MOST);
	assert_iv(x, false, 0, true, 100);
}

static void test_number_up_to_and_as_many_as_cap_above(void **s)
{
	(void)s;
	cr_number x = get("to cut up to 700 contract workers", "up to 700");
	assert_int_equal(x.mod, CR_MOD_UP_TO);
	assert_iv(x, false, 0, true, 700);
	x = get("as many as 50 soldiers", "as many as 50");
	assert_int_equal(x.mod, CR_MOD_UP_TO);
	assert_iv(x, false, 0, true, 50);
}

static void test_number_about_depends_on_roundness(void **s)
{
	(void)s;
	/* 300: the unit of the last significant digit is 100, so +-50 */
	cr_number x = get("Around 300 people", "Around 300");
	assert_int_equal(x.mod, CR_MOD_ABOUT);
	assert_iv(x, true, 250, true, 350);
	/* 1,640: +-10% (164) is wider than half of 10 */
	x = get("about 1,640 dead", "about 1,640");
	assert_iv(x, true, 1476, true, 1804);
	x = get("roughly 300 people", "roughly 300");
	assert_iv(x, true, 250, true, 350);
	x = get("some 400 miles", "some 400");
	assert_iv(x, true, 350, true, 450);
	x = get("approximately 1,500 wounded", "approximately 1,500");
	assert_iv(x, true, 1350, true, 1650);
	x = get("about 1,000 homes", "about 1,000");
	assert_iv(x, true, 750, true, 1250);
	x = get("an estimated 2.5 million refugees", "an estimated 2.5 million");
	assert_iv(x, true, 2250000, true, 2750000);
}

static void test_number_nearly_is_ninety_percent_to_n(void **s)
{
	(void)s;
	cr_number x = get("nearly 100,000 residents", "nearly 100,000");
	assert_int_equal(x.mod, CR_MOD_NEARLY);
	assert_iv(x, true, 90000, true, 100000);
	x = get("Almost 300 were killed", "Almost 300");
	assert_iv(x, true, 270, true, 300);
}

static void test_number_or_more_is_at_least(void **s)
{
	(void)s;
	cr_number x = get("five hundred or more products", "five hundred or more");
	assert_int_equal(x.mod, CR_MOD_AT_LEAST);
	assert_iv(x, true, 500, false, 0);
}

static void test_number_post_hedges(void **s)
{
	(void)s;
	assert_iv(get("300-odd soldiers", "300-odd"), true, 250, true, 350);
	assert_iv(get("a dozen or so people", "a dozen or so"), true, 11, true, 13);
	assert_iv(get("40-plus years", "40-plus"), true, 40, false, 0);
}

static void test_number_vague_words_have_fixed_intervals(void **s)
{
	(void)s;
	const char *t = "hundreds of civilians";
	cr_number x = get(t, "hundreds");
	assert_int_equal(x.kind, CR_NUM_VAGUE);
	assert_iv(x, true, 200, true, 999);
	noun_is(t, x, "civilians");
	assert_iv(get("dozens of bodies", "dozens"), true, 24, true, 144);
	assert_iv(get("thousands fled", "thousands"), true, 2000, true, 9999);
	assert_iv(get("tens of thousands of people", "tens of thousands"), true, 20000, true, 99999);
	assert_iv(get("several hundred homes", "several hundred"), true, 300, true, 900);
}

static void test_number_ranges_are_closed_intervals(void **s)
{
	(void)s;
	const char *forms[] = { "between 15 and 20", "15-20", "15 to 20", "from 15 to 20", "15 – 20" };
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		char t[64];
		snprintf(t, sizeof t, "There were %s people.", forms[i]);
		cr_number x = get(t, forms[i]);
		assert_int_equal(x.kind, CR_NUM_RANGE);
		assert_iv(x, true, 15, true, 20);
		noun_is(t, x, "people");
	}
}

static void test_number_percent_range_shares_the_sign(void **s)
{
	(void)s;
	cr_number x = get("between 15 and 20 per cent of voters", "between 15 and 20 per cent");
	assert_int_equal(x.kind, CR_NUM_RANGE);
	assert_true(x.percent);
	assert_iv(x, true, 15, true, 20);
	x = get("a 15-20% rise", "15-20%");
	assert_true(x.percent);
	assert_false(get("15 people and 20% of", "15").percent);
}

static void test_number_range_shares_the_scale(void **s)
{
	(void)s;
	assert_iv(get("a 32 to 33 mln dlr loan", "32 to 33 mln"), true, 32e6, true, 33e6);
	assert_iv(get("between five and six million people", "between five and six million"), true, 5e6, true, 6e6);
	assert_iv(get("from 500 to 2 million", "from 500 to 2 million"), true, 500, true, 2e6);
}

static void test_number_comparisons_join_into_a_range(void **s)
{
	(void)s;
	cr_number x = get("x is larger than 10 and smaller than 20.", "larger than 10 and smaller than 20");
	assert_int_equal(x.kind, CR_NUM_RANGE);
	assert_iv(x, true, 11, true, 19);
	/* an empty intersection stays two expressions */
	assert_int_equal(count_fig("More than 40 and less than 10", "40"), 1);
	assert_int_equal(count_fig("More than 40 and less than 10", "10"), 1);
}

static void test_number_year_span_is_not_a_count_range(void **s)
{
	(void)s;
	cr_number x = get("in 1994-2014 there", "1994");
	assert_int_equal(x.kind, CR_NUM_CARDINAL);
	assert_true(x.year_like);
}

static void test_number_age_after_name_between_commas(void **s)
{
	(void)s;
	cr_number x = get("Mikhail Mizintsev, 59, was", "59");
	assert_int_equal(x.kind, CR_NUM_AGE);
	assert_iv(x, true, 59, true, 59);
	/* a list of figures is not an age */
	assert_int_equal(get("codes 12, 59, 60", "59").kind, CR_NUM_CARDINAL);
}

static void test_number_age_year_old_and_aged(void **s)
{
	(void)s;
	const char *t = "the 59-year-old general";
	cr_number x = get(t, "59");
	assert_int_equal(x.kind, CR_NUM_AGE);
	assert_int_equal(x.age_unit, CR_AGE_YEAR);
	noun_is(t, x, "year-old");
	x = get("Mizintsev, aged 60, was", "aged 60");
	assert_int_equal(x.kind, CR_NUM_AGE);
	assert_int_equal(x.value, 60);
	x = get("He died at 61 in Moscow", "61");
	assert_int_equal(x.kind, CR_NUM_AGE);
	x = get("He is five years old.", "five");
	assert_int_equal(x.kind, CR_NUM_AGE);
	assert_int_equal(x.value, 5);
	x = get("a baby ten months old", "ten");
	assert_int_equal(x.age_unit, CR_AGE_MONTH);
	/* "at 60" without an age cue is not an age */
	assert_int_equal(get("arrived at 60 miles per hour", "60").kind, CR_NUM_CARDINAL);
}

static void test_number_age_range_after_aged(void **s)
{
	(void)s;
	cr_number x = get("those aged 18 to 25 were", "aged 18 to 25");
	assert_int_equal(x.kind, CR_NUM_AGE);
	assert_iv(x, true, 18, true, 25);
	x = get("those aged between 30 and 40 were", "aged between 30 and 40");
	assert_int_equal(x.kind, CR_NUM_AGE);
	assert_iv(x, true, 30, true, 40);
}

static void test_number_noun_after_capitalised_adjective(void **s)
{
	(void)s;
	const char *t = "killed 300 Ukrainian civilians";
	noun_is(t, get(t, "300"), "civilians");
	assert_int_equal(get("3 Reuters said", "3").noun_end, 0);
}

static void test_number_codes_and_dates_are_no_ranges(void **s)
{
	(void)s;
	assert_int_equal(get("dated 03-04 here", "03").kind, CR_NUM_CARDINAL);
	assert_int_equal(count_fig("call +1-222-2222 now", "1"), 1);
	assert_int_equal(get("the 9/11 attacks", "9").kind, CR_NUM_CARDINAL);
}

static void test_number_paragraph_start_and_wrapped_lines(void **s)
{
	(void)s;
	assert_int_equal(get("End.\n\nTwenty-six people died", "Twenty-six").value, 26);
	assert_true(fabs(get("laid off one\nthird of staff", "one\nthird").value - 1.0 / 3) < 1e-9);
	/* a blank line separates */
	assert_int_equal(count_fig("Two\n\nthirds", "Two"), 1);
}

static void test_number_counted_noun_miles(void **s)
{
	(void)s;
	const char *t = "some 400 miles from Kyiv";
	noun_is(t, get(t, "some 400"), "miles");
}

static void test_number_year_is_year_like(void **s)
{
	(void)s;
	assert_true(get("annexed in 2014 by Russia", "2014").year_like);
	assert_true(get("on August 10, 2014 shows debris", "2014").year_like);
	assert_false(get("2014 people marched", "2014").year_like);
	assert_false(get("more than 2014", "more than 2014").year_like);
}

static void test_number_day_of_month_is_not_a_count(void **s)
{
	(void)s;
	assert_int_equal(count_fig("On March 9, a strike", "9"), 0);
	assert_int_equal(count_fig("On 9 March, a strike", "9"), 0);
	assert_int_equal(count_fig("dated 2022-03-25 here", "03"), 0);
	assert_int_equal(count_fig("dated 2022-03-25 here", "2022"), 0);
}

static void test_number_clock_time_is_not_a_count(void **s)
{
	(void)s;
	assert_int_equal(count_fig("at 10:30 the sirens", "10"), 0);
	assert_int_equal(count_fig("at 10:30 the sirens", "30"), 0);
	assert_int_equal(count_fig("at 9pm the sirens", "9"), 0);
	assert_int_equal(count_fig("at 10.30 am the sirens", "10.30"), 0);
	assert_int_equal(count_fig("at 7 a.m. the sirens", "7"), 0);
	assert_int_equal(count_fig("at 1430 GMT the sirens", "1430"), 0);
}

static void test_number_half_after_ordinal_is_no_fraction(void **s)
{
	(void)s;
	assert_int_equal(count_fig("in the first half of 2022", "half"), 0);
	assert_int_equal(get("half of them fled", "half").kind, CR_NUM_FRACTION);
}

static void test_number_a_ordinal_before_noun_is_no_fraction(void **s)
{
	(void)s;
	assert_int_equal(get("adding a sixth promise", "sixth").kind, CR_NUM_ORDINAL);
	assert_int_equal(get("a third of homes", "a third").kind, CR_NUM_FRACTION);
	assert_int_equal(count_fig("Leinster fly-half Contepomi at half-time", "half"), 0);
}

static void test_number_hyphenated_name_takes_no_noun(void **s)
{
	(void)s;
	assert_int_equal(get("Covid-19 cases rose", "19").noun_end, 0);
	assert_int_equal(get("SCP-173", "173").value, 173);
}

static void test_number_figure_glued_to_unit_is_skipped(void **s)
{
	(void)s;
	assert_int_equal(count_fig("a 29km road", "29"), 0);
	assert_int_equal(count_fig("the 1990s", "1990"), 0);
	assert_int_equal(count_fig("its 3G phones", "3G"), 0);
	assert_int_equal(get("10G", "10G").value, 1e10);
}

static void test_number_digit_forms(void **s)
{
	(void)s;
	assert_int_equal(get("23 000 people", "23 000").value, 23000);
	assert_int_equal(get("1640 civilians", "1640").value, 1640);
	assert_true(fabs(get("2.5 million", "2.5 million").value - 2500000) < 1e-6);
	assert_int_equal(get("300,000 troops", "300,000").value, 300000);
	assert_int_equal(get("$10bn in aid", "10bn").value, 1e10);
	assert_int_equal(get("a budget of £10m", "10m").value, 1e7);
	assert_true(fabs(get("1,674,200.5 units", "1,674,200.5").value - 1674200.5) < 1e-6);
}

static void test_number_word_forms(void **s)
{
	(void)s;
	assert_int_equal(get("one hundred and twenty dead", "one hundred and twenty").value, 120);
	assert_int_equal(get("seventeen", "seventeen").value, 17);
	assert_int_equal(get("Twenty-six people", "Twenty-six").value, 26);
	assert_int_equal(get("two thousand and two hundred", "two thousand and two hundred").value, 2200);
	assert_int_equal(get("three dozen eggs", "three dozen").value, 36);
	/* the pronoun "one" is no number */
	assert_int_equal(count_fig("the one you mentioned", "one"), 0);
}

static void test_number_percent_and_fractions(void **s)
{
	(void)s;
	cr_number x = get("90% of hospitals", "90%");
	assert_int_equal(x.kind, CR_NUM_PERCENT);
	assert_int_equal(x.value, 90);
	x = get("five out of six hospitals", "five out of six");
	assert_int_equal(x.kind, CR_NUM_FRACTION);
	assert_true(fabs(x.value - 5.0 / 6) < 1e-9);
	x = get("a third of homes", "a third");
	assert_true(fabs(x.value - 1.0 / 3) < 1e-9);
	x = get("two thirds of a million", "two thirds of a million");
	assert_true(fabs(x.value - 2e6 / 3) < 1e-3);
	assert_int_equal(get("40 per cent of voters", "40 per cent").kind, CR_NUM_PERCENT);
	assert_int_equal(get("one and a half", "one and a half").value, 1.5);
}

static void test_number_invalid_utf8_is_skipped(void **s)
{
	(void)s;
	const char t[] = "\xff\xfe 12 \xc3\x28 \xe2\x82 killed 300\xf0\x9f people \xc0";
	cr_number *r = NULL;
	size_t n = 0;
	assert_int_equal(cr_numbers_find(&r, &n, ctx, t, sizeof t - 1), 0);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].value, 12);
	assert_int_equal(r[1].value, 300);
	free(r);
	/* every byte value, offsets inside the text */
	char all[512];
	for (int i = 0; i < 512; i++)
		all[i] = (char)(i * 7 + (i >> 3));
	assert_int_equal(cr_numbers_find(&r, &n, ctx, all, sizeof all), 0);
	for (size_t i = 0; i < n; i++)
		assert_true(r[i].start <= r[i].end && r[i].end <= sizeof all);
	free(r);
}

static void test_number_huge_input_is_linear(void **s)
{
	(void)s;
	const char *unit = "At least 300, or about 1,640 of 2,000,000 people; 1,2,3,4 -5 one hundred and "
			   "twenty-one thousand five hundred and three quarters dozens 1.1.1.1 2014-2015 ";
	size_t ul = strlen(unit), reps = 15000, len = ul * reps;
	char *t = malloc(len + 1);
	assert_non_null(t);
	for (size_t i = 0; i < reps; i++)
		memcpy(t + i * ul, unit, ul);
	t[len] = 0;
	cr_number *r = NULL;
	size_t n = 0;
	clock_t c0 = clock();
	assert_int_equal(cr_numbers_find(&r, &n, ctx, t, len), 0);
	double sec = (double)(clock() - c0) / CLOCKS_PER_SEC;
	assert_true(n >= reps * 5);
	for (size_t i = 1; i < n; i++)
		assert_true(r[i].start >= r[i - 1].end);
	assert_true(sec < 20); /* about 2 MB; generous for sanitizer builds */
	free(r);
	/* one long digit run and one long run of separators */
	memset(t, '1', len);
	assert_int_equal(cr_numbers_find(&r, &n, ctx, t, len), 0);
	free(r);
	for (size_t i = 0; i < len; i++)
		t[i] = i % 2 ? ',' : '7';
	assert_int_equal(cr_numbers_find(&r, &n, ctx, t, len), 0);
	free(r);
	free(t);
}

static void test_number_empty_and_bad_arguments(void **s)
{
	(void)s;
	cr_number *r = (cr_number *)1;
	size_t n = 5;
	assert_int_equal(cr_numbers_find(&r, &n, ctx, "", 0), 0);
	assert_int_equal(n, 0);
	assert_null(r);
	assert_true(cr_numbers_find(NULL, &n, ctx, "1", 1) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_exact_is_a_point),
		cmocka_unit_test(test_number_at_least_is_open_above),
		cmocka_unit_test(test_number_more_than_integer_starts_above),
		cmocka_unit_test(test_number_over_is_more_than),
		cmocka_unit_test(test_number_more_than_half_is_open_above_half),
		cmocka_unit_test(test_number_fewer_than_is_open_below),
		cmocka_unit_test(test_number_at_most_is_open_below),
		cmocka_unit_test(test_number_up_to_and_as_many_as_cap_above),
		cmocka_unit_test(test_number_about_depends_on_roundness),
		cmocka_unit_test(test_number_nearly_is_ninety_percent_to_n),
		cmocka_unit_test(test_number_or_more_is_at_least),
		cmocka_unit_test(test_number_post_hedges),
		cmocka_unit_test(test_number_vague_words_have_fixed_intervals),
		cmocka_unit_test(test_number_ranges_are_closed_intervals),
		cmocka_unit_test(test_number_percent_range_shares_the_sign),
		cmocka_unit_test(test_number_range_shares_the_scale),
		cmocka_unit_test(test_number_comparisons_join_into_a_range),
		cmocka_unit_test(test_number_year_span_is_not_a_count_range),
		cmocka_unit_test(test_number_age_after_name_between_commas),
		cmocka_unit_test(test_number_age_year_old_and_aged),
		cmocka_unit_test(test_number_age_range_after_aged),
		cmocka_unit_test(test_number_noun_after_capitalised_adjective),
		cmocka_unit_test(test_number_codes_and_dates_are_no_ranges),
		cmocka_unit_test(test_number_paragraph_start_and_wrapped_lines),
		cmocka_unit_test(test_number_counted_noun_miles),
		cmocka_unit_test(test_number_year_is_year_like),
		cmocka_unit_test(test_number_day_of_month_is_not_a_count),
		cmocka_unit_test(test_number_clock_time_is_not_a_count),
		cmocka_unit_test(test_number_half_after_ordinal_is_no_fraction),
		cmocka_unit_test(test_number_a_ordinal_before_noun_is_no_fraction),
		cmocka_unit_test(test_number_hyphenated_name_takes_no_noun),
		cmocka_unit_test(test_number_figure_glued_to_unit_is_skipped),
		cmocka_unit_test(test_number_digit_forms),
		cmocka_unit_test(test_number_word_forms),
		cmocka_unit_test(test_number_percent_and_fractions),
		cmocka_unit_test(test_number_invalid_utf8_is_skipped),
		cmocka_unit_test(test_number_huge_input_is_linear),
		cmocka_unit_test(test_number_empty_and_bad_arguments),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
