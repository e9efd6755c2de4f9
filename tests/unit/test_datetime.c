/* test_datetime: each composition of src/recognize/datetime.c, and the ones that must not compose. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recognize/datetime.h"
#include "timex_fixture.h"

/* Reads text on 2016-11-07 at ref_sec; the k-th expression's span, value and type must match. */
static void expect_at(const char *text, int32_t ref_sec, size_t k, const char *span, const char *value, cr_dt_type type)
{
	int32_t z;
	assert_true(cr_day_parse("2016-11-07", &z));
	cr_datetime *x;
	size_t n;
	assert_int_equal(cr_datetime_find_at(&x, &n, ctx, text, strlen(text), (cr_dayrange){z, z}, ref_sec), 0);
	if (k >= n)
		fail_msg("'%s': %zu expressions, wanted #%zu '%s'", text, n, k, span);
	char got[128];
	snprintf(got, sizeof got, "%.*s", (int)(x[k].end - x[k].start), text + x[k].start);
	assert_string_equal(got, span);
	assert_string_equal(x[k].value, value);
	assert_string_equal(cr_dt_type_name(x[k].type), cr_dt_type_name(type));
	free(x);
}

static void expect(const char *text, size_t k, const char *span, const char *value, cr_dt_type type)
{
	expect_at(text, -1, k, span, value, type);
}

/* The same, but each X in value may also be a digit (the month left open or resolved). */
static void expect_x(const char *text, size_t k, const char *span, const char *value, cr_dt_type type)
{
	int32_t z;
	assert_true(cr_day_parse("2016-11-07", &z));
	cr_datetime *x;
	size_t n;
	assert_int_equal(cr_datetime_find(&x, &n, ctx, text, strlen(text), (cr_dayrange){z, z}), 0);
	if (k >= n)
		fail_msg("'%s': %zu expressions, wanted #%zu '%s'", text, n, k, span);
	char got[128];
	snprintf(got, sizeof got, "%.*s", (int)(x[k].end - x[k].start), text + x[k].start);
	assert_string_equal(got, span);
	assert_int_equal(strlen(x[k].value), strlen(value));
	for (size_t i = 0; value[i]; i++)
		if (!(x[k].value[i] == value[i] || (value[i] == 'X' && x[k].value[i] >= '0' && x[k].value[i] <= '9')))
			fail_msg("'%s': value %s, wanted %s", text, x[k].value, value);
	assert_string_equal(cr_dt_type_name(x[k].type), cr_dt_type_name(type));
	free(x);
}

/* No expression in text covers the given substring. */
static void expect_none_over(const char *text, const char *sub)
{
	int32_t z;
	assert_true(cr_day_parse("2016-11-07", &z));
	cr_datetime *x;
	size_t n;
	assert_int_equal(cr_datetime_find(&x, &n, ctx, text, strlen(text), (cr_dayrange){z, z}), 0);
	const char *p = strstr(text, sub);
	assert_non_null(p);
	uint32_t a = (uint32_t)(p - text), b = a + (uint32_t)strlen(sub);
	for (size_t i = 0; i < n; i++)
		if (x[i].start < b && x[i].end > a)
			fail_msg("'%s': '%.*s' covers '%s'", text, (int)(x[i].end - x[i].start), text + x[i].start, sub);
	free(x);
}

static void test_clock_range_shares_the_meridiem(void **state)
{
	(void)state;
	expect("I'll be out 5 to 6pm", 0, "5 to 6pm", "(T17,T18,PT1H)", CR_DT_TIMERANGE);
	expect("I'll be out between 4pm and 5pm", 0, "between 4pm and 5pm", "(T16,T17,PT1H)", CR_DT_TIMERANGE);
	/* a start later than the end keeps its own reading */
	expect("I'll be out from 2:30 to 2:15 pm", 0, "from 2:30 to 2:15 pm", "(T02:30,T14:15,PT11H45M)",
	       CR_DT_TIMERANGE);
}

static void test_clock_range_of_bare_numbers_needs_a_day(void **state)
{
	(void)state;
	expect("It will happen between 3 and 5 on 1/1/2015", 0, "between 3 and 5 on 1/1/2015",
	       "(2015-01-01T03,2015-01-01T05,PT2H)", CR_DT_DATETIMERANGE);
	expect("Where were you Monday 3-8", 0, "Monday 3-8", "(XXXX-WXX-1T03,XXXX-WXX-1T08,PT5H)", CR_DT_DATETIMERANGE);
	expect_none_over("We hired 5 to 6 people last year", "5 to 6");
	expect_none_over("Rates rose between 2 and 3 percent in 2015", "2 and 3");
}

static void test_clock_range_in_the_evening_is_pm(void **state)
{
	(void)state;
	expect("I'll be out between 7 and 9 last night", 0, "between 7 and 9 last night",
	       "(2016-11-06T19,2016-11-06T21,PT2H)", CR_DT_DATETIMERANGE);
}

static void test_date_range_counts_in_the_finer_grain(void **state)
{
	(void)state;
	expect("I'll be out January 12, 2016 - 01/22/2016", 0, "January 12, 2016 - 01/22/2016",
	       "(2016-01-12,2016-01-22,P10D)", CR_DT_DATERANGE);
	expect("The range is from 2014 to 2018.", 0, "from 2014 to 2018", "(2014-01-01,2018-01-01,P4Y)",
	       CR_DT_DATERANGE);
	expect("The range is 2014-2018.", 0, "2014-2018", "(2014-01-01,2018-01-01,P4Y)", CR_DT_DATERANGE);
	expect("I will leave from May to Oct 2020", 0, "from May to Oct 2020", "(2020-05-01,2020-10-01,P5M)",
	       CR_DT_DATERANGE);
}

static void test_yearless_end_follows_the_start(void **state)
{
	(void)state;
	expect("What will happen from Nov to March", 0, "from Nov to March", "(2016-11-01,2017-03-01,P4M)",
	       CR_DT_DATERANGE);
	expect("APEC will happen in Korea Nov-Feb 2017", 0, "Nov-Feb 2017", "(2016-11-01,2017-02-01,P3M)",
	       CR_DT_DATERANGE);
}

static void test_day_range_within_a_month(void **state)
{
	(void)state;
	expect("I'll be out between 3 and 12 of Sept", 0, "between 3 and 12 of Sept", "(2016-09-03,2016-09-12,P9D)",
	       CR_DT_DATERANGE);
	expect("APEC will happen in Korea on November 18-19", 0, "November 18-19", "(2016-11-18,2016-11-19,P1D)",
	       CR_DT_DATERANGE);
}

static void test_and_without_between_is_two_dates(void **state)
{
	(void)state;
	expect("Show sales in 2007 and 2009", 0, "2007", "2007", CR_DT_DATERANGE);
	expect("Show sales in 2007 and 2009", 1, "2009", "2009", CR_DT_DATERANGE);
	expect("Show sales between 2007 and 2009", 0, "between 2007 and 2009", "(2007-01-01,2009-01-01,P2Y)",
	       CR_DT_DATERANGE);
}

static void test_open_range_keeps_the_point(void **state)
{
	(void)state;
	expect("I'll be out since tomorrow", 0, "since tomorrow", "2016-11-08", CR_DT_DATERANGE);
	expect("I want sales for 2012 or later", 0, "2012 or later", "2012", CR_DT_DATERANGE);
	/* "and after" opening a clause is a conjunction, not an open range */
	expect("I can only leave on 1/1/2016 and after my work item is done", 0, "1/1/2016", "2016-01-01",
	       CR_DT_DATE);
}

static void test_day_and_clock_make_a_datetime(void **state)
{
	(void)state;
	expect("I'll go back tomorrow 8:00am", 0, "tomorrow 8:00am", "2016-11-08T08:00", CR_DT_DATETIME);
	expect("Surprise office party for Ted on Saturday at 5.", 0, "Saturday at 5", "XXXX-WXX-6T05", CR_DT_DATETIME);
	expect("It will happen today before 4pm", 0, "today before 4pm", "2016-11-07T16", CR_DT_DATETIMERANGE);
}

static void test_set_and_clock_make_a_set(void **state)
{
	(void)state;
	expect("I'll leave each monday at 4pm", 0, "each monday at 4pm", "XXXX-WXX-1T16", CR_DT_SET);
	expect("I'll leave 3pm each day", 0, "3pm each day", "T15", CR_DT_SET);
}

static void test_duration_read_from_now(void **state)
{
	(void)state;
	expect_at("I'll be back in 5 minutes", 0, 0, "in 5 minutes", "2016-11-07T00:05:00", CR_DT_DATETIME);
	expect("I'll be out next 3 days", 0, "next 3 days", "(2016-11-08,2016-11-11,P3D)", CR_DT_DATERANGE);
	expect("They worked for the last 3 months", 0, "last 3 months", "(2016-08-07,2016-11-07,P3M)",
	       CR_DT_DATERANGE);
}

static void test_time_with_duration_is_a_range(void **state)
{
	(void)state;
	expect("The meeting is start from 2pm for 2 hours", 0, "from 2pm for 2 hours", "(T14,T16:00:00,PT2H)",
	       CR_DT_TIMERANGE);
	expect("The meeting will last for 3 hours from 10 am", 0, "for 3 hours from 10 am", "(T10,T13:00:00,PT3H)",
	       CR_DT_TIMERANGE);
}

static void test_part_of_day_keeps_in_and_sets_the_hour(void **state)
{
	(void)state;
	expect("let's meet in the evening", 0, "in the evening", "TEV", CR_DT_TIMERANGE);
	expect("I'll be back in the afternoon at 7", 0, "in the afternoon at 7", "T19", CR_DT_TIME);
	expect("I'll go back Tuesday in the morning", 0, "Tuesday in the morning", "XXXX-WXX-2TMO",
	       CR_DT_DATETIMERANGE);
}

static void test_weekday_in_a_named_week(void **state)
{
	(void)state;
	expect("Call me next week on Tuesday", 0, "next week on Tuesday", "2016-11-15", CR_DT_DATE);
}

static void test_duration_shifts_a_day(void **state)
{
	(void)state;
	expect("Are you available three weeks from tomorrow?", 0, "three weeks from tomorrow", "2016-11-29", CR_DT_DATE);
	expect("Where were you two days before yesterday?", 0, "two days before yesterday", "2016-11-04", CR_DT_DATE);
}

static void test_month_with_year_the_single_rules_left(void **state)
{
	(void)state;
	expect("june of 1992", 0, "june of 1992", "1992-06", CR_DT_DATERANGE);
	expect("I will travel on 26 june to 28 june in 2020.", 0, "26 june to 28 june in 2020",
	       "(2020-06-26,2020-06-28,P2D)", CR_DT_DATERANGE);
}

static void test_day_dates_a_clock_range_beside_it(void **state)
{
	(void)state;
	expect("Book meeting room on 14th Feb from 9:30am for 7 hours", 0, "14th Feb from 9:30am for 7 hours",
	       "(2016-02-14T09:30,2016-02-14T16:30:00,PT7H)", CR_DT_DATETIMERANGE);
	/* a start with its own day keeps it */
	expect("I'll be away from 2pm till tomorrow 4:30pm", 0, "from 2pm till tomorrow 4:30pm",
	       "(2016-11-07T14,2016-11-08T16:30,PT26H30M)", CR_DT_DATETIMERANGE);
}

static void test_clock_needs_a_time_word_after_it(void **state)
{
	(void)state;
	expect_none_over("Mortgages were at 6.45 percent", "6.45");
}

static void test_scores_and_idioms_are_not_times(void **state)
{
	(void)state;
	expect_none_over("Arsenal lost Sunday's 24-18 game", "24-18");
	expect_none_over("They won 4-0 on Wednesday", "4-0");
	expect_none_over("He scored at the last minute", "last minute");
	expect("Are you available 6-8 next Monday", 0, "6-8 next Monday", "(2016-11-14T06,2016-11-14T08,PT2H)",
	       CR_DT_DATETIMERANGE);
}

static void test_numeric_dates_make_a_range(void **state)
{
	(void)state;
	expect("My vacation is from 10/1/2018-10/7/2018", 0, "from 10/1/2018-10/7/2018", "(2018-10-01,2018-10-07,P6D)",
	       CR_DT_DATERANGE);
	expect("from 10/25 to 01/25", 0, "from 10/25 to 01/25", "(2016-10-25,2017-01-25,P92D)", CR_DT_DATERANGE);
}

static void test_counts_from_the_reference(void **state)
{
	(void)state;
	expect("What will happen in the 5 upcoming years?", 0, "5 upcoming years", "(2016-11-08,2021-11-08,P5Y)",
	       CR_DT_DATERANGE);
	expect_at("What happened in the 5 past minutes?", 36000, 0, "5 past minutes",
	          "(2016-11-07T09:55:00,2016-11-07T10:00:00,PT5M)", CR_DT_DATETIMERANGE);
}

static void test_ordinal_words_and_ranges_to_date(void **state)
{
	(void)state;
	expect("i am off between the ninth and the seventeenth of april", 0,
	       "between the ninth and the seventeenth of april", "(2016-04-09,2016-04-17,P8D)", CR_DT_DATERANGE);
	expect("i am off from april twenty-seventh to the third", 0, "from april twenty-seventh to the third",
	       "(2016-04-27,2016-05-03,P6D)", CR_DT_DATERANGE);
	expect("How many Azure clusters docked from March to date?", 0, "from March to date",
	       "(2016-03-01,2016-11-07,P251D)", CR_DT_DATERANGE);
}

static void test_part_of_a_period_as_a_range_end(void **state)
{
	(void)state;
	expect("The range is from 2007 to the end of 2008.", 0, "from 2007 to the end of 2008",
	       "(2007-01-01,2009-01-01,P24M)", CR_DT_DATERANGE);
	expect("The range is between the end of 2007 and the end of 2008.", 0,
	       "between the end of 2007 and the end of 2008", "(2008-01-01,2009-01-01,P12M)", CR_DT_DATERANGE);
}

static void test_fraction_of_a_duration(void **state)
{
	(void)state;
	expect("I suppose one hour and a half is sufficient", 0, "one hour and a half", "PT1.5H", CR_DT_DURATION);
}

static void test_nth_week_of_a_year_or_month(void **state)
{
	(void)state;
	expect("How about last week of 2016", 0, "last week of 2016", "2016-W52", CR_DT_DATERANGE);
	expect("Created On is in the first week of 2021", 0, "the first week of 2021", "2021-W01", CR_DT_DATERANGE);
	expect("How about last week of Dec 2016", 0, "last week of Dec 2016", "2016-12-W05", CR_DT_DATERANGE);
}

static void test_weekday_modifiers_pick_the_week(void **state)
{
	(void)state;
	/* read on Monday 2016-11-07 */
	expect("Where were you on previous Wednesday?", 0, "previous Wednesday", "2016-11-02", CR_DT_DATE);
	expect("Where were you on this past Wednesday?", 0, "this past Wednesday", "2016-11-02", CR_DT_DATE);
	expect("Any plan on coming Thursday?", 0, "coming Thursday", "2016-11-17", CR_DT_DATE);
}

static void test_end_of_a_period_keeps_its_value(void **state)
{
	(void)state;
	expect("I'll go back end of this year", 0, "end of this year", "2016", CR_DT_DATERANGE);
	expect("We've reached the end of today", 0, "the end of today", "2016-11-07T23:59:59", CR_DT_DATETIME);
	expect("We could have met earlier in the week.", 0, "earlier in the week", "2016-W45", CR_DT_DATERANGE);
}

static void test_numbered_quarters_halves_and_weeks(void **state)
{
	(void)state;
	expect("The sales went up during 2017-q1", 0, "2017-q1", "(2017-01-01,2017-04-01,P3M)", CR_DT_DATERANGE);
	expect("2019 H2 will bring challenges", 0, "2019 H2", "(2019-07-01,2020-01-01,P6M)", CR_DT_DATERANGE);
	expect("The sales went up during from 2017 q1 to 2018 q1", 0, "from 2017 q1 to 2018 q1",
	       "(2017-01-01,2018-01-01,P12M)", CR_DT_DATERANGE);
	expect("Show sales in the week 3 of 2027", 0, "week 3 of 2027", "2027-W03", CR_DT_DATERANGE);
	expect_none_over("Water is H2 and O", "H2");
}

static void test_weekly_and_monthly_sets(void **state)
{
	(void)state;
	expect("I'll be out Friday mornings", 0, "Friday mornings", "XXXX-WXX-5TMO", CR_DT_SET);
	expect("remind me to pay bill on 19th of every month.", 0, "19th of every month", "XXXX-XX-19", CR_DT_SET);
	expect("I'll leave every evening at 7:13", 0, "every evening at 7:13", "T19:13", CR_DT_SET);
}

static void test_day_of_an_unnamed_month_and_month_day_by_a_clock(void **state)
{
	(void)state;
	expect_x("set something up on the 18th.", 0, "the 18th", "XXXX-XX-18", CR_DT_DATE);
	expect("Let's meet on february 22nd 3:30.", 0, "february 22nd 3:30", "2016-02-22T03:30", CR_DT_DATETIME);
	expect_none_over("We met on the 18th floor", "18th");
	expect("born in the 18th century", 0, "the 18th century", "(1700-01-01,1800-01-01,P100Y)", CR_DT_DATERANGE);
}

static void test_quarters_count_from_the_quarter_edge(void **state)
{
	(void)state;
	/* read in the fourth quarter of 2016 */
	expect("What are the sales for the next 7 quarters", 0, "next 7 quarters", "(2017-01-01,2018-10-01,P21M)",
	       CR_DT_DATERANGE);
	expect("Sales for past quarter", 0, "past quarter", "(2016-07-01,2016-10-01,P3M)", CR_DT_DATERANGE);
}

static void test_weekends_counted_or_repeated(void **state)
{
	(void)state;
	expect("the course lasts three weekends", 0, "three weekends", "P3WE", CR_DT_DURATION);
	expect("every two weekends", 0, "every two weekends", "P2WE", CR_DT_SET);
	expect("dinner with mom any weekend.", 0, "any weekend", "P1WE", CR_DT_SET);
}

static void test_fiscal_school_and_calendar_years(void **state)
{
	(void)state;
	expect("Show sales in the fiscal year 2008", 0, "fiscal year 2008", "FY2008", CR_DT_DATERANGE);
	expect("I got a lot of gains in last fiscal year.", 0, "last fiscal year", "FY2015", CR_DT_DATERANGE);
	expect("Show sales in the sy18", 0, "sy18", "SY2018", CR_DT_DATERANGE);
	expect("Show sales in the cy 2008", 0, "cy 2008", "2008", CR_DT_DATERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clock_range_shares_the_meridiem),
		cmocka_unit_test(test_clock_range_of_bare_numbers_needs_a_day),
		cmocka_unit_test(test_clock_range_in_the_evening_is_pm),
		cmocka_unit_test(test_date_range_counts_in_the_finer_grain),
		cmocka_unit_test(test_yearless_end_follows_the_start),
		cmocka_unit_test(test_day_range_within_a_month),
		cmocka_unit_test(test_and_without_between_is_two_dates),
		cmocka_unit_test(test_open_range_keeps_the_point),
		cmocka_unit_test(test_day_and_clock_make_a_datetime),
		cmocka_unit_test(test_set_and_clock_make_a_set),
		cmocka_unit_test(test_duration_read_from_now),
		cmocka_unit_test(test_time_with_duration_is_a_range),
		cmocka_unit_test(test_part_of_day_keeps_in_and_sets_the_hour),
		cmocka_unit_test(test_weekday_in_a_named_week),
		cmocka_unit_test(test_duration_shifts_a_day),
		cmocka_unit_test(test_month_with_year_the_single_rules_left),
		cmocka_unit_test(test_day_dates_a_clock_range_beside_it),
		cmocka_unit_test(test_clock_needs_a_time_word_after_it),
		cmocka_unit_test(test_scores_and_idioms_are_not_times),
		cmocka_unit_test(test_numeric_dates_make_a_range),
		cmocka_unit_test(test_counts_from_the_reference),
		cmocka_unit_test(test_ordinal_words_and_ranges_to_date),
		cmocka_unit_test(test_part_of_a_period_as_a_range_end),
		cmocka_unit_test(test_fraction_of_a_duration),
		cmocka_unit_test(test_nth_week_of_a_year_or_month),
		cmocka_unit_test(test_weekday_modifiers_pick_the_week),
		cmocka_unit_test(test_end_of_a_period_keeps_its_value),
		cmocka_unit_test(test_numbered_quarters_halves_and_weeks),
		cmocka_unit_test(test_weekly_and_monthly_sets),
		cmocka_unit_test(test_day_of_an_unnamed_month_and_month_day_by_a_clock),
		cmocka_unit_test(test_quarters_count_from_the_quarter_edge),
		cmocka_unit_test(test_weekends_counted_or_repeated),
		cmocka_unit_test(test_fiscal_school_and_calendar_years),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
