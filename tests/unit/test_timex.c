/* test_timex: each form of time expression, each anchoring rule, the year of a yearless date around New Year. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "time/timex.h"
#include "timex_fixture.h"

static cr_dayrange nopub(void)
{
	return (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
}

/* Finds expressions in text read on pub; the k-th one's text, value and range must match. */
static void expect(const char *text, cr_dayrange pub, size_t k, const char *span, const char *value, const char *from,
                   const char *to)
{
	cr_timex *x;
	size_t n;
	assert_int_equal(cr_timex_find(&x, &n, ctx, text, strlen(text), pub), 0);
	if (k >= n)
		fail_msg("'%s': %zu expressions, wanted #%zu '%s'", text, n, k, span);
	char got[128];
	snprintf(got, sizeof got, "%.*s", (int)(x[k].end - x[k].start), text + x[k].start);
	assert_string_equal(got, span);
	if (value)
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

static size_t count(const char *text, cr_dayrange pub)
{
	cr_timex *x;
	size_t n;
	assert_int_equal(cr_timex_find(&x, &n, ctx, text, strlen(text), pub), 0);
	free(x);
	return n;
}

static void test_day_month_without_year_takes_the_anchor_year(void **state)
{
	(void)state;
	expect("The hospital was bombed on 9 March.", day("2022-03-20"), 0, "9 March", "2022-03-09", "2022-03-09",
	       "2022-03-09");
}

static void test_month_day_year_is_absolute(void **state)
{
	(void)state;
	expect("On March 9, 2022, the hospital was hit.", nopub(), 0, "March 9, 2022", "2022-03-09", "2022-03-09",
	       "2022-03-09");
}

static void test_on_is_left_out_of_the_span(void **state)
{
	(void)state;
	expect("The theatre was struck on 16 March 2022.", nopub(), 0, "16 March 2022", "2022-03-16", NULL, NULL);
}

static void test_ordinal_day_after_month(void **state)
{
	(void)state;
	expect("It happened on March 16th.", day("2022-04-01"), 0, "March 16th", "2022-03-16", NULL, NULL);
}

static void test_year_in_date_context_is_a_year(void **state)
{
	(void)state;
	expect("He took command in 2014.", nopub(), 0, "2014", "2014", "2014-01-01", "2014-12-31");
}

static void test_counts_that_look_like_years_are_not_dates(void **state)
{
	(void)state;
	assert_int_equal(count("The NGO counted 1,640 dead.", nopub()), 0);
	assert_int_equal(count("There were 2014 people there.", nopub()), 0);
}

static void test_late_year_is_september_to_december(void **state)
{
	(void)state;
	expect("He was sent to Syria in late 2016.", nopub(), 0, "late 2016", "2016", "2016-09-01", "2016-12-31");
	expect("He was sent there by mid-2016.", nopub(), 0, "mid-2016", "2016", "2016-05-01", "2016-08-31");
	expect("It fell in mid-November.", day("2023-01-10"), 0, "mid-November", "2022-11", "2022-11-11", "2022-11-20");
}

static void test_late_decade_is_its_last_years(void **state)
{
	(void)state;
	/* "the" stays out as "on" does (a determiner, as TimeML's signals) */
	expect("He served in the late 1990s.", nopub(), 0, "late 1990s", "199", "1997-01-01", "1999-12-31");
}

static void test_between_two_years_is_two_dates(void **state)
{
	(void)state;
	/* TimeML marks each year; "between" is a signal word, left out like "on" */
	expect("He was in Syria between 2015 and 2016.", nopub(), 0, "2015", "2015", "2015-01-01", "2015-12-31");
	expect("He was in Syria between 2015 and 2016.", nopub(), 1, "2016", "2016", "2016-01-01", "2016-12-31");
	expect("He served from 1991 to 1997.", nopub(), 1, "1997", "1997", NULL, NULL);
}

static void test_month_alone_takes_the_nearest_past_year(void **state)
{
	(void)state;
	expect("He was appointed in September.", day("2023-04-20"), 0, "September", "2022-09", "2022-09-01",
	       "2022-09-30");
}

static void test_last_months_possessive_is_last_month(void **state)
{
	(void)state;
	expect("Last month's strike killed 20.", day("2023-04-20"), 0, "Last month's", "2023-03", "2023-03-01",
	       "2023-03-31");
}

static void test_weekday_is_on_or_before_the_anchor_in_past_tense(void **state)
{
	(void)state;
	/* 2023-04-26 is a Wednesday: "on Friday" is the 21st */
	expect("He was dismissed on Friday.", day("2023-04-26"), 0, "Friday", "2023-04-21", "2023-04-21", "2023-04-21");
	/* the anchor's own weekday is the anchor day */
	expect("He was dismissed on Wednesday.", day("2023-04-26"), 0, "Wednesday", "2023-04-26", NULL, NULL);
}

static void test_weekday_in_future_sentence_is_ahead(void **state)
{
	(void)state;
	expect("The talks will resume on Friday.", day("2023-04-26"), 0, "Friday", "2023-04-28", NULL, NULL);
}

static void test_weekday_with_full_date_takes_the_date(void **state)
{
	(void)state;
	expect("It was signed on Monday, Oct. 26, 1998.", nopub(), 0, "Monday, Oct. 26, 1998", "1998-10-26", NULL, NULL);
}

static void test_december_30_read_early_january_is_last_year(void **state)
{
	(void)state;
	expect("The strike came on December 30.", day("2023-01-02"), 0, "December 30", "2022-12-30", NULL, NULL);
}

static void test_january_3_read_late_december_is_next_year(void **state)
{
	(void)state;
	expect("The vote is on January 3.", day("2022-12-30"), 0, "January 3", "2023-01-03", NULL, NULL);
}

static void test_date_ahead_after_a_past_verb_is_last_year(void **state)
{
	(void)state;
	expect("The hospital was bombed on March 9.", day("2023-02-20"), 0, "March 9", "2022-03-09", NULL, NULL);
}

static void test_weekday_takes_the_tense_of_the_nearest_verb(void **state)
{
	(void)state;
	/* 2000-01-07 is a Friday: "said Wednesday" is two days before, though "will" follows */
	expect("Castro said Wednesday that he will go.", day("2000-01-07"), 0, "Wednesday", "2000-01-05", NULL, NULL);
	/* "will meet" is nearer than the reporting verb after the comma */
	expect("He will meet them on Thursday, aides said.", day("2000-01-07"), 0, "Thursday", "2000-01-13", NULL, NULL);
	expect("The talks are set to resume Monday in Belfast.", day("1998-03-22"), 0, "Monday", "1998-03-23", NULL,
	       NULL);
	/* a possessive weekday names news, not a plan */
	expect("They would look for ways to get around Wednesday's ruling.", day("2000-01-07"), 0, "Wednesday's",
	       "2000-01-05", NULL, NULL);
}

static void test_yearless_date_without_tense_cue_may_lie_two_months_ahead(void **state)
{
	(void)state;
	expect("The record date is Nov. 9.", day("1989-10-27"), 0, "Nov. 9", "1989-11-09", NULL, NULL);
	expect("The record date is Nov. 9.", day("1990-02-27"), 0, "Nov. 9", "1989-11-09", NULL, NULL);
	expect("He joined under a June agreement.", day("1989-10-30"), 0, "June", "1989-06", NULL, NULL);
}

static void test_half_units_compound_counts_and_decades(void **state)
{
	(void)state;
	expect("She spent 5 1/2 hours on the ground.", nopub(), 0, "5 1/2 hours", "PT5H30M", NULL, NULL);
	expect("It took a minute and a half.", nopub(), 0, "a minute and a half", "PT1M30S", NULL, NULL);
	expect("He served two and a half years.", nopub(), 0, "two and a half years", "P2Y6M", NULL, NULL);
	expect("It lasted twenty-four hours.", nopub(), 0, "twenty-four hours", "PT24H", NULL, NULL);
	expect("In the last twenty four hours.", nopub(), 0, "the last twenty four hours", "PT24H", NULL, NULL);
	expect("It lasted two decades.", nopub(), 0, "two decades", "P20Y", NULL, NULL);
	/* an age is no duration */
	assert_int_equal(count("Mr. Reupke, 52 years old, resigned.", nopub()), 0);
}

static void test_quarter_named_with_its_year_first(void **state)
{
	(void)state;
	expect("Net rose in the 1988 third quarter.", nopub(), 0, "the 1988 third quarter", "1988-Q3", NULL, NULL);
	expect("Sales for this year's third quarter rose.", day("1989-10-26"), 0, "this year's third quarter",
	       "1989-Q3", NULL, NULL);
	expect("Net rose in the third quarter of 1989 from the 1988 period.", nopub(), 1, "the 1988 period", "1988-Q3",
	       NULL, NULL);
}

static void test_discourse_now_current_and_year_ended(void **state)
{
	(void)state;
	assert_int_equal(count("Now, he says, it looks different.", day("1990-08-15")), 0);
	expect("Iraq now controls 20 percent.", day("1990-08-15"), 0, "now", "PRESENT_REF", NULL, NULL);
	expect("It reflects current realities.", day("1998-04-24"), 0, "current", "PRESENT_REF", NULL, NULL);
	expect("For the year ended Sept. 30, Ralston earned more.", day("1989-11-02"), 0, "the year", "P1Y", NULL,
	       NULL);
}

static void test_deictic_year_month_and_day(void **state)
{
	(void)state;
	cr_dayrange pub = day("2023-04-26");
	expect("It began last year.", pub, 0, "last year", "2022", "2022-01-01", "2022-12-31");
	expect("It began earlier this month.", pub, 0, "earlier this month", "2023-04", "2023-04-01", "2023-04-26");
	expect("It began yesterday.", pub, 0, "yesterday", "2023-04-25", "2023-04-25", "2023-04-25");
	expect("It began today.", pub, 0, "today", "2023-04-26", NULL, NULL);
	expect("It began this week.", pub, 0, "this week", "2023-W17", "2023-04-24", "2023-04-30");
}

static void test_units_ago_take_the_units_grain(void **state)
{
	(void)state;
	expect("He was appointed three months ago.", day("2023-04-26"), 0, "three months ago", "2023-01", "2023-01-01",
	       "2023-01-31");
	expect("He left two days ago.", day("2023-04-26"), 0, "two days ago", "2023-04-24", NULL, NULL);
}

static void test_narrative_anchor_is_the_last_date_the_text_gave(void **state)
{
	(void)state;
	const char *t = "The theatre was hit on March 16, 2022. A week later the city fell.";
	expect(t, day("2023-04-26"), 1, "A week later", "2022-03-23", "2022-03-23", "2022-03-23");
	cr_timex *x;
	size_t n;
	assert_int_equal(cr_timex_find(&x, &n, ctx, t, strlen(t), day("2023-04-26")), 0);
	assert_int_equal(x[1].anchor, CR_ANCHOR_NARRATIVE);
	assert_int_equal(x[0].anchor, CR_ANCHOR_NONE);
	free(x);
	expect("He fought in Chechnya in 2000. Six years earlier he had graduated.", nopub(), 1, "Six years earlier",
	       "1994", "1994-01-01", "1994-12-31");
}

static void test_months_after_an_event_is_not_narrative(void **state)
{
	(void)state;
	/* "months after he was put in charge" is anchored to an event: no date, at most a duration */
	cr_timex *x;
	size_t n;
	const char *t = "He was fired months after he was put in charge.";
	assert_int_equal(cr_timex_find(&x, &n, ctx, t, strlen(t), day("2023-04-26")), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(x[i].anchor, CR_ANCHOR_NARRATIVE);
	free(x);
}

static void test_deictic_without_publication_date_stays_open(void **state)
{
	(void)state;
	expect("It began last year.", nopub(), 0, "last year", "PAST_REF", NULL, NULL);
	expect("The hospital was bombed on March 9.", nopub(), 0, "March 9", "XXXX-03-09", NULL, NULL);
	cr_timex *x;
	size_t n;
	const char *t = "on March 9";
	assert_int_equal(cr_timex_find(&x, &n, ctx, t, strlen(t), nopub()), 0);
	assert_int_equal(n, 1);
	assert_false(cr_range_known(x[0].range));
	free(x);
}

static void test_interval_publication_date_widens_deictic_results(void **state)
{
	(void)state;
	cr_dayrange pub = {day("2023-01-01").earliest, day("2023-12-31").earliest};
	expect("It began last year.", pub, 0, "last year", "2022", "2022-01-01", "2022-12-31");
	expect("It began yesterday.", pub, 0, "yesterday", NULL, "2022-12-31", "2023-12-30");
}

static void test_durations_quarters_and_sets(void **state)
{
	(void)state;
	expect("He held the post for six years.", nopub(), 0, "six years", "P6Y", NULL, NULL);
	expect("a three-month campaign", nopub(), 0, "three-month", "P3M", NULL, NULL);
	expect("Profit rose in the third quarter.", day("1989-10-20"), 0, "the third quarter", "1989-Q3", "1989-07-01",
	       "1989-09-30");
	expect("Shelling was reported daily.", nopub(), 0, "daily", "P1D", NULL, NULL);
	cr_timex *x;
	size_t n;
	const char *t = "reported daily";
	assert_int_equal(cr_timex_find(&x, &n, ctx, t, strlen(t), nopub()), 0);
	assert_int_equal(x[0].type, CR_TIMEX_SET);
	free(x);
}

static void test_present_and_past_references(void **state)
{
	(void)state;
	expect("He is now in Moscow.", day("2023-04-26"), 0, "now", "PRESENT_REF", "2023-04-26", "2023-04-26");
	expect("He was recently fired.", day("2023-04-26"), 0, "recently", "PAST_REF", NULL, NULL);
}

static void test_seasons_weekends_and_modifier_years(void **state)
{
	(void)state;
	cr_dayrange pub = day("2023-01-10");
	expect("He was appointed last fall.", pub, 0, "last fall", "2022-FA", "2022-09-01", "2022-11-30");
	expect("It was cold in winter.", pub, 0, "winter", "2022-WI", "2022-12-01", "2023-02-28");
	expect("It happened in the summer of 2016.", nopub(), 0, "the summer of 2016", "2016-SU", NULL, NULL);
	assert_int_equal(count("After the fall of Mariupol he left.", pub), 0);
	expect("Talks broke down last weekend.", pub, 0, "last weekend", "2023-W01-WE", "2023-01-07", "2023-01-08");
	expect("It repealed the 1996 law.", nopub(), 0, "1996", "1996", NULL, NULL);
}

static void test_numeric_dates_hours_and_the_day_before(void **state)
{
	(void)state;
	expect("The order was signed on 3/9/2022.", nopub(), 0, "3/9/2022", "2022-03-09", NULL, NULL);
	expect("It was signed on 25/12/2021.", nopub(), 0, "25/12/2021", "2021-12-25", NULL, NULL);
	assert_int_equal(count("Half the city, 1/2 of it, fell.", day("2023-01-10")), 0);
	expect("a 16-hour siege", nopub(), 0, "16-hour", "PT16H", NULL, NULL);
	expect("Two hours later the lights went out.", day("2023-01-10"), 0, "Two hours", "PT2H", NULL, NULL);
	expect("The city fell on March 16, 2022. He had left the day before.", nopub(), 1, "the day before",
	       "2022-03-15", "2022-03-15", "2022-03-15");
	expect("Profit rose in the third quarter, from $4 million a year earlier.", day("1989-10-20"), 1, "a year earlier",
	       "1988-Q3", "1988-07-01", "1988-09-30");
}

static void test_recurrences_are_sets(void **state)
{
	(void)state;
	expect("Shelling came every day.", nopub(), 0, "every day", "P1D", NULL, NULL);
	expect("Convoys left every other Friday.", nopub(), 0, "every other Friday", "XXXX-WXX-5", NULL, NULL);
	expect("Protests are held on Mondays.", nopub(), 0, "Mondays", "XXXX-WXX-1", NULL, NULL);
	expect("They met once a week.", nopub(), 0, "once a week", "P1W", NULL, NULL);
}

static void test_in_n_units_is_a_date_only_in_future_sentences(void **state)
{
	(void)state;
	expect("Elections will be held in two weeks.", day("2023-01-31"), 0, "in two weeks", "2023-02-14", "2023-02-14",
	       "2023-02-14");
	expect("In two years he rose to colonel.", day("2023-01-31"), 0, "two years", "P2Y", NULL, NULL);
}

static void test_may_the_verb_is_no_month(void **state)
{
	(void)state;
	assert_int_equal(count("Officials may resign. He will march on.", day("2023-04-26")), 0);
}

static void test_invalid_utf8_and_every_byte_value(void **state)
{
	(void)state;
	char buf[512];
	for (int i = 0; i < 256; i++)
		buf[i] = (char)i;
	memcpy(buf + 256, "\xC3\x28 on March 9, 2022 \xE2\x80 \xF0\x9F", 22);
	size_t len = 278;
	cr_timex *x;
	size_t n;
	assert_int_equal(cr_timex_find(&x, &n, ctx, buf, len, day("2023-01-01")), 0);
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		assert_true(x[i].end <= len && x[i].start < x[i].end);
		found |= strcmp(x[i].value, "2022-03-09") == 0;
	}
	assert_true(found);
	free(x);
	/* a text cut inside a date never reads past its end */
	const char *t = "on March 9, 20";
	assert_int_equal(cr_timex_find(&x, &n, ctx, t, 11, nopub()), 0);
	free(x);
}

static void test_long_input_is_linear(void **state)
{
	(void)state;
	const char *unit = "On March 9, 2022 the city was shelled; a week later, last year, in 2014, 1,640 people. ";
	size_t ul = strlen(unit), reps = 20000;
	char *big = malloc(ul * reps + 1);
	for (size_t i = 0; i < reps; i++)
		memcpy(big + i * ul, unit, ul);
	big[ul * reps] = 0;
	clock_t c0 = clock();
	cr_timex *x;
	size_t n;
	assert_int_equal(cr_timex_find(&x, &n, ctx, big, ul * reps, day("2023-01-05")), 0);
	double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
	assert_int_equal(n, 4 * reps);
	assert_true(secs < 10.0);
	free(x);
	free(big);
}

static void test_soon_in_a_future_clause_is_future_ref(void **state)
{
	(void)state;
	expect("Prosecutors may soon seek an indictment, and the firm will soon begin talks.", day("1998-03-01"), 0, "soon",
	       "FUTURE_REF", NULL, NULL);
	cr_timex *x;
	size_t n;
	const char *t = "He was soon released. Come as soon as you can.";
	cr_timex_find(&x, &n, ctx, t, strlen(t), day("1998-03-01"));
	assert_int_equal(n, 0);
	free(x);
}

static void test_a_period_and_its_shift_are_one_expression(void **state)
{
	(void)state;
	/* "the quarter a year ago": the shifted quarter, one span */
	expect("Profit rose in the third quarter. For the quarter a year ago, it earned less.", day("1989-11-01"), 1,
	       "the quarter a year ago", "1988-Q3", NULL, NULL);
	/* "the day before last Tuesday", "the day after Christmas" */
	expect("He was seen the day before last Tuesday's hearing.", day("2000-02-24"), 0, "the day before last Tuesday's",
	       "2000-02-21", "2000-02-21", "2000-02-21");
	expect("They left the day after Christmas.", day("2000-02-24"), 0, "the day after Christmas", "1999-12-26", NULL,
	       NULL);
}

static void test_the_previous_weekday_in_a_story_is_before_its_day(void **state)
{
	(void)state;
	/* read on a Monday; the story is on Friday Oct. 27, so "the previous Friday" is Oct. 20 */
	expect("On Oct. 27, 1989, the index fell; the previous Friday it had risen.", day("1989-10-30"), 1,
	       "previous Friday", "1989-10-20", NULL, NULL);
}

static void test_following_a_weekday_in_the_possessive_is_no_next(void **state)
{
	(void)state;
	/* read on Wednesday 25 March 1987: "Following Sunday's battle" is the
	 * Sunday before; "the following Sunday" still the one after */
	expect("Following Sunday's battle, the base was lost.", day("1987-03-25"), 0, "Sunday's", NULL, "1987-03-22",
	       "1987-03-22");
	expect("Following Sunday, he left.", day("1987-03-25"), 0, "Following Sunday", NULL, "1987-04-05", "1987-04-05");
}

static void test_vague_and_half_durations(void **state)
{
	(void)state;
	expect("a several-year plan", nopub(), 0, "several-year", "PXY", NULL, NULL);
	expect("a decades-long feud", nopub(), 0, "decades-long", "PXDE", NULL, NULL);
	expect("a month-long strike", nopub(), 0, "month-long", "P1M", NULL, NULL);
	expect("It took half an hour.", nopub(), 0, "half an hour", "PT30M", NULL, NULL);
	expect("They waited half a day.", nopub(), 0, "half a day", "PT12H", NULL, NULL);
	expect("the promise to halve it by the year two thousand has faded", nopub(), 0, "the year two thousand", "2000",
	       NULL, NULL);
}

/* The k-th joined expression of text read on pub must have this span, value and interval. */
static void expect_joined(const char *text, const char *pub, size_t k, const char *span, const char *value,
                          const char *from, const char *to)
{
	cr_timex *x;
	size_t n;
	assert_int_equal(cr_timex_find(&x, &n, ctx, text, strlen(text), day(pub)), 0);
	cr_timex_join_ranges(x, &n, text, strlen(text));
	if (k >= n)
		fail_msg("'%s': %zu expressions, wanted #%zu '%s'", text, n, k, span);
	char got[128], a[11], b[11];
	snprintf(got, sizeof got, "%.*s", (int)(x[k].end - x[k].start), text + x[k].start);
	assert_string_equal(got, span);
	assert_string_equal(x[k].value, value);
	cr_day_format(x[k].range.earliest, a);
	cr_day_format(x[k].range.latest, b);
	assert_string_equal(a, from);
	assert_string_equal(b, to);
	free(x);
}

static void test_ranges_joined_for_claims(void **state)
{
	(void)state;
	/* the first date takes the year the second gives */
	expect_joined("The siege lasted from March 1 to March 20, 2022.", "2023-05-01", 0, "March 1 to March 20, 2022",
	              "2022-03-01/2022-03-20", "2022-03-01", "2022-03-20");
	/* across New Year: December of the year before */
	expect_joined("Talks ran from December 28 until January 3, 2020.", "2023-05-01", 0,
	              "December 28 until January 3, 2020", "2019-12-28/2020-01-03", "2019-12-28", "2020-01-03");
	expect_joined("Shelling went on between 2015 and 2016.", "2023-05-01", 0, "2015 and 2016", "2015/2016",
	              "2015-01-01", "2016-12-31");
	expect_joined("It ran from 1994 through 1997, officials said.", "2023-05-01", 0, "1994 through 1997", "1994/1997",
	              "1994-01-01", "1997-12-31");
	/* two dates that do not make a range stay two: no "from"/"between", or backwards */
	expect_joined("He came on March 1 and left on March 20, 2022.", "2023-05-01", 1, "March 20, 2022", "2022-03-20",
	              "2022-03-20", "2022-03-20");
	expect_joined("Output went back from 2019 to 2015, they said.", "2023-05-01", 1, "2015", "2015", "2015-01-01",
	              "2015-12-31");
}

static void test_a_yearless_date_takes_the_tense_of_the_verb_after_it(void **state)
{
	(void)state;
	/* read on 2023-02-20: the past verb after the date puts it last year, not three weeks ahead */
	expect("On March 9, Russian forces bombed the hospital.", day("2023-02-20"), 0, "March 9", "2022-03-09", NULL, NULL);
	/* a passive after a modal is no past: the rights expire ahead */
	expect("The rights, which expire Nov. 21, can be exercised for $100 each.", day("1989-11-02"), 0, "Nov. 21",
	       "1989-11-21", NULL, NULL);
	/* a participle after "unless" or "if" is a condition, no past */
	expect("The offer and withdrawal rights expire April 29 unless extended.", day("1987-04-02"), 0, "April 29",
	       "1987-04-29", NULL, NULL);
	/* what was scheduled, set or due for a day lies ahead of the report, though the verb is past */
	expect("The board postponed a meeting that had been scheduled for April 2.", day("1987-03-15"), 0, "April 2",
	       "1987-04-02", NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_month_without_year_takes_the_anchor_year),
		cmocka_unit_test(test_month_day_year_is_absolute),
		cmocka_unit_test(test_on_is_left_out_of_the_span),
		cmocka_unit_test(test_ordinal_day_after_month),
		cmocka_unit_test(test_year_in_date_context_is_a_year),
		cmocka_unit_test(test_counts_that_look_like_years_are_not_dates),
		cmocka_unit_test(test_late_year_is_september_to_december),
		cmocka_unit_test(test_late_decade_is_its_last_years),
		cmocka_unit_test(test_between_two_years_is_two_dates),
		cmocka_unit_test(test_month_alone_takes_the_nearest_past_year),
		cmocka_unit_test(test_last_months_possessive_is_last_month),
		cmocka_unit_test(test_weekday_is_on_or_before_the_anchor_in_past_tense),
		cmocka_unit_test(test_weekday_in_future_sentence_is_ahead),
		cmocka_unit_test(test_weekday_with_full_date_takes_the_date),
		cmocka_unit_test(test_december_30_read_early_january_is_last_year),
		cmocka_unit_test(test_january_3_read_late_december_is_next_year),
		cmocka_unit_test(test_date_ahead_after_a_past_verb_is_last_year),
		cmocka_unit_test(test_weekday_takes_the_tense_of_the_nearest_verb),
		cmocka_unit_test(test_yearless_date_without_tense_cue_may_lie_two_months_ahead),
		cmocka_unit_test(test_half_units_compound_counts_and_decades),
		cmocka_unit_test(test_quarter_named_with_its_year_first),
		cmocka_unit_test(test_discourse_now_current_and_year_ended),
		cmocka_unit_test(test_deictic_year_month_and_day),
		cmocka_unit_test(test_units_ago_take_the_units_grain),
		cmocka_unit_test(test_narrative_anchor_is_the_last_date_the_text_gave),
		cmocka_unit_test(test_months_after_an_event_is_not_narrative),
		cmocka_unit_test(test_deictic_without_publication_date_stays_open),
		cmocka_unit_test(test_interval_publication_date_widens_deictic_results),
		cmocka_unit_test(test_durations_quarters_and_sets),
		cmocka_unit_test(test_present_and_past_references),
		cmocka_unit_test(test_seasons_weekends_and_modifier_years),
		cmocka_unit_test(test_numeric_dates_hours_and_the_day_before),
		cmocka_unit_test(test_recurrences_are_sets),
		cmocka_unit_test(test_in_n_units_is_a_date_only_in_future_sentences),
		cmocka_unit_test(test_may_the_verb_is_no_month),
		cmocka_unit_test(test_invalid_utf8_and_every_byte_value),
		cmocka_unit_test(test_long_input_is_linear),
		cmocka_unit_test(test_soon_in_a_future_clause_is_future_ref),
		cmocka_unit_test(test_a_period_and_its_shift_are_one_expression),
		cmocka_unit_test(test_the_previous_weekday_in_a_story_is_before_its_day),
		cmocka_unit_test(test_following_a_weekday_in_the_possessive_is_no_next),
		cmocka_unit_test(test_vague_and_half_durations),
		cmocka_unit_test(test_ranges_joined_for_claims),
		cmocka_unit_test(test_a_yearless_date_takes_the_tense_of_the_verb_after_it),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
