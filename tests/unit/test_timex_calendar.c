/* test_timex_calendar: the calendar rules of src/time/calendar.c (and the durations and sets it tries from durations.c), one family per test, and the news words they must leave alone. */
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

/* The k-th expression found in text read on pub must have this span and value (and range, when from is given). */
static void expect(const char *text, const char *pub, size_t k, const char *span, const char *value, const char *from,
                   const char *to)
{
	cr_timex *x;
	size_t n;
	assert_int_equal(cr_timex_find(&x, &n, ctx, text, strlen(text), day(pub)), 0);
	if (k >= n)
		fail_msg("'%s': %zu expressions, wanted #%zu '%s'", text, n, k, span);
	char got[128];
	snprintf(got, sizeof got, "%.*s", (int)(x[k].end - x[k].start), text + x[k].start);
	assert_string_equal(got, span);
	assert_string_equal(x[k].value, value);
	if (from) {
		char a[11], b[11];
		assert_true(cr_range_known(x[k].range));
		cr_day_format(x[k].range.earliest, a);
		cr_day_format(x[k].range.latest, b);
		assert_string_equal(a, from);
		assert_string_equal(b, to);
	}
	free(x);
}

/* No expression of text (read on pub) may cover the byte range of needle. */
static void expect_none_over(const char *text, const char *pub, const char *needle)
{
	cr_timex *x;
	size_t n;
	assert_int_equal(cr_timex_find(&x, &n, ctx, text, strlen(text), day(pub)), 0);
	const char *p = strstr(text, needle);
	assert_non_null(p);
	uint32_t s = (uint32_t)(p - text), e = s + (uint32_t)strlen(needle);
	for (size_t k = 0; k < n; k++)
		if (x[k].start < e && x[k].end > s)
			fail_msg("'%s': '%.*s' (%s) covers '%s'", text, (int)(x[k].end - x[k].start), text + x[k].start,
			         x[k].value, needle);
	free(x);
}

static void test_easter_is_computed_for_each_year(void **state)
{
	(void)state;
	expect("I'll go back on easter 2018", "2016-11-07", 0, "easter 2018", "2018-04-01", "2018-04-01", "2018-04-01");
	expect("When was the last easter?", "2019-06-12", 0, "last easter", "2019-04-21", NULL, NULL);
	expect("When was the following easter?", "2019-06-12", 0, "following easter", "2020-04-12", NULL, NULL);
	expect("What happened on Easter Monday at noon?", "2019-08-05", 0, "Easter Monday at noon", "2019-04-22T12:00", NULL, NULL);
	expect("Good Friday 2005 fell early.", "2005-06-01", 0, "Good Friday 2005", "2005-03-25", NULL, NULL);
}

static void test_holidays_fixed_and_nth_weekday(void **state)
{
	(void)state;
	/* read in March: the Christmas just past */
	expect("Sales fell after Christmas.", "2005-03-01", 0, "Christmas", "2004-12-25", NULL, NULL);
	expect("Shoppers crowded stores on Black Friday 2010.", "2016-11-07", 0, "Black Friday 2010", "2010-11-26", NULL,
	       NULL);
	expect("He spoke on Thanksgiving Day.", "2000-01-07", 0, "Thanksgiving Day", "1999-11-25", NULL, NULL);
	expect("Let's celebrate International Workers' Day!", "2020-05-14", 0, "International Workers' Day", "2020-05-01",
	       NULL, NULL);
	expect("There is an event on independence day of this year.", "2018-07-17", 0, "independence day of this year",
	       "2018-07-04", NULL, NULL);
}

static void test_holiday_weekend_is_the_nearest_weekend(void **state)
{
	(void)state;
	/* Labor Day 2021 is Monday 6 September: the weekend before it */
	expect("I need to prepare for labor day weekend", "2021-11-09", 0, "labor day weekend", "2021-W35-WE",
	       "2021-09-04", "2021-09-05");
	expect("We'll take the weekend of thanksgiving 2023 off", "2021-11-09", 0, "the weekend of thanksgiving 2023",
	       "2023-W47-WE", NULL, NULL);
}

static void test_week_of_a_month_or_a_year(void **state)
{
	(void)state;
	expect("How about last week of Dec 2016", "2018-11-20", 0, "last week of Dec 2016", "2016-12-W05", "2016-12-26",
	       "2017-01-01");
	expect("How about first week of 2015", "2018-11-20", 0, "first week of 2015", "2015-W01", "2014-12-29",
	       "2015-01-04");
	expect("How about last week of 2019", "2018-11-20", 0, "last week of 2019", "2019-W52", NULL, NULL);
	expect("Show statistics from the last week of last month", "2021-10-15", 0, "the last week of last month",
	       "2021-09-W05", NULL, NULL);
	expect("Show sales in the week 3 of 2027", "2018-11-20", 0, "week 3 of 2027", "2027-W03", NULL, NULL);
	expect("They will leave the third month of 2021", "2018-11-20", 0, "the third month of 2021", "2021-03", NULL, NULL);
}

static void test_dates_written_in_words(void **state)
{
	(void)state;
	expect("She was born on January twenty five nineteen eighty six", "2016-11-07", 0,
	       "January twenty five nineteen eighty six", "1986-01-25", NULL, NULL);
	expect("On fifteen August nineteen hundred ninety three, the plant opened.", "2016-11-07", 0,
	       "fifteen August nineteen hundred ninety three", "1993-08-15", NULL, NULL);
	expect("I'll go back second of Aug.", "2016-11-07", 0, "second of Aug", "2016-08-02", NULL, NULL);
	expect("We will come back on the twenty third day of September", "2016-11-07", 0,
	       "twenty third day of September", "2016-09-23", NULL, NULL);
	expect("The conference was in October two thousand and five", "2016-11-07", 0, "October two thousand and five",
	       "2005-10", NULL, NULL);
}

static void test_compact_numeric_dates(void **state)
{
	(void)state;
	expect("I'll go back Oct/2", "2016-11-07", 0, "Oct/2", "2016-10-02", NULL, NULL);
	expect("The date should be 05-Aug-2016", "2016-11-07", 0, "05-Aug-2016", "2016-08-05", NULL, NULL);
	expect("How about 2019/aug/01", "2019-10-14", 0, "2019/aug/01", "2019-08-01", NULL, NULL);
	expect("I'll be out 2015-3", "2016-11-07", 0, "2015-3", "2015-03", "2015-03-01", "2015-03-31");
	expect("I'll go back 20161016.", "2016-11-07", 0, "20161016", "2016-10-16", NULL, NULL);
	expect("Eli Lilly sold IVAC on Dec31, 1994", "2016-11-07", 0, "Dec31, 1994", "1994-12-31", NULL, NULL);
}

static void test_year_spans_and_scores_are_not_months(void **state)
{
	(void)state;
	expect_none_over("Profits for 2005-6 rose.", "2005-03-01", "2005-6");
	expect_none_over("Chelsea won the 2003-04 title.", "2005-03-01", "2003-04");
	expect_none_over("After Sunday's 2-2 draw they led.", "2005-03-01", "2-2");
	expect_none_over("Shares rose after Monday's 4% gain.", "2005-03-01", "4%");
	expect_none_over("Three quarters, or 3/4 of them, left.", "2005-03-01", "3/4");
}

static void test_weekday_with_a_date(void **state)
{
	(void)state;
	expect("Cortana, set up a call sometime Friday 7/6 with Jim.", "2018-07-06", 0, "Friday 7/6", "2018-07-06", NULL,
	       NULL);
	expect("Book this lunch on Tue May 9.", "2017-05-05", 0, "Tue May 9", "2017-05-09", NULL, NULL);
	/* the nearest 13th that is a Monday, ahead in a future sentence */
	expect("I'll go back Mon 13th", "2022-05-01", 0, "Mon 13th", "2022-06-13", NULL, NULL);
	expect("Let's go for coffee on tuesday the eleventh.", "2019-06-10", 0, "tuesday the eleventh", "2019-06-11", NULL,
	       NULL);
	expect("Women's Day is this coming Sunday, March eighth.", "1998-03-05", 0, "this coming Sunday, March eighth",
	       "1998-03-08", NULL, NULL);
}

static void test_weekday_of_a_named_week(void **state)
{
	(void)state;
	expect("What's your plan for next week Wednesday?", "2018-11-28", 0, "next week Wednesday", "2018-12-05", NULL,
	       NULL);
	expect("We met on tuesday of last week", "2019-07-31", 0, "tuesday of last week", "2019-07-23", NULL, NULL);
	expect("Where were you on previous Wednesday?", "2019-01-31", 0, "previous Wednesday", "2019-01-23", NULL, NULL);
	expect("Where were you on this past Wednesday?", "2019-01-31", 0, "this past Wednesday", "2019-01-30", NULL, NULL);
	expect("Do you have any plan on coming Thursday?", "2019-01-31", 0, "coming Thursday", "2019-02-07", NULL, NULL);
}

static void test_units_from_a_day(void **state)
{
	(void)state;
	expect("Are you available three weeks from tomorrow?", "2018-05-31", 0, "three weeks from tomorrow", "2018-06-22",
	       NULL, NULL);
	expect("It will happen 4 months from tomorrow.", "2016-11-07", 0, "4 months from tomorrow", "2017-03-08", NULL,
	       NULL);
	expect("It happened 2 weeks before Christmas.", "2016-11-07", 0, "2 weeks before Christmas", "2016-12-11", NULL,
	       NULL);
	expect("Where were you the day before yesterday?", "2018-05-30", 0, "the day before yesterday", "2018-05-28", NULL,
	       NULL);
	/* an event is no base: the core rules keep the duration */
	expect("Two days after the vote he resigned.", "2018-05-30", 0, "Two days", "P2D", NULL, NULL);
}

static void test_compact_and_fractional_durations(void **state)
{
	(void)state;
	expect("I'll leave for 3.5years", "2016-11-07", 0, "3.5years", "P3.5Y", NULL, NULL);
	expect("I'll leave for 123.45 sec", "2016-11-07", 0, "123.45 sec", "PT123.45S", NULL, NULL);
	expect("I'll leave for 10D", "2016-11-07", 0, "10D", "P10D", NULL, NULL);
	expect("I suppose one and a half hours is enough.", "2016-11-07", 0, "one and a half hours", "PT1H30M", NULL, NULL);
	expect("He will take one year and a quarter off.", "2016-11-07", 0, "one year and a quarter", "P1Y3M", NULL, NULL);
	expect("I'll leave for twenty and four hours", "2016-11-07", 0, "twenty and four hours", "PT24H", NULL, NULL);
	expect("The course lasts three weekends", "2016-11-07", 0, "three weekends", "P3WE", NULL, NULL);
	expect("He ran it in 9.58 seconds.", "2016-11-07", 0, "9.58 seconds", "PT9.58S", NULL, NULL);
	/* "3D" is no duration, "a second term" no second, "a few years" stays vague */
	expect_none_over("They print in 3D now.", "2016-11-07", "3D");
	expect_none_over("He won a second term.", "2016-11-07", "second");
	expect("It happened a few years ago.", "2016-11-07", 0, "a few years ago", "PAST_REF", NULL, NULL);
}

static void test_rarer_recurrences(void **state)
{
	(void)state;
	expect("Please schedule a meeting semi-annually", "2016-11-07", 0, "semi-annually", "P0.5Y", NULL, NULL);
	expect("the bi-monthly drills", "2016-11-07", 0, "bi-monthly", "P2M", NULL, NULL);
	expect("laws require reporting financials each quarter", "2016-11-07", 0, "each quarter", "P3M", NULL, NULL);
	expect("Let's make sure that happens every weekday", "2016-11-07", 0, "every weekday", "P1WD", NULL, NULL);
	expect("dinner on me every night.", "2016-11-07", 0, "every night", "TNI", NULL, NULL);
	expect("I'll be out Friday mornings", "2016-11-07", 0, "Friday mornings", "XXXX-WXX-5TMO", NULL, NULL);
	expect("remind me to pay on 19th of every month.", "2016-11-07", 0, "19th of every month", "XXXX-XX-19", NULL,
	       NULL);
}

static void test_month_words_in_news_stay_words(void **state)
{
	(void)state;
	expect_none_over("It may one day become law.", "2016-11-07", "may");
	expect_none_over("Protesters march 5 miles each day.", "2016-11-07", "march 5");
	expect_none_over("The 18th hole was hard.", "2016-11-07", "18th");
	expect_none_over("Three November fixtures were moved.", "2016-11-07", "Three November");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_easter_is_computed_for_each_year),
		cmocka_unit_test(test_holidays_fixed_and_nth_weekday),
		cmocka_unit_test(test_holiday_weekend_is_the_nearest_weekend),
		cmocka_unit_test(test_week_of_a_month_or_a_year),
		cmocka_unit_test(test_dates_written_in_words),
		cmocka_unit_test(test_compact_numeric_dates),
		cmocka_unit_test(test_year_spans_and_scores_are_not_months),
		cmocka_unit_test(test_weekday_with_a_date),
		cmocka_unit_test(test_weekday_of_a_named_week),
		cmocka_unit_test(test_units_from_a_day),
		cmocka_unit_test(test_compact_and_fractional_durations),
		cmocka_unit_test(test_rarer_recurrences),
		cmocka_unit_test(test_month_words_in_news_stay_words),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
