/*
 * test_dates.c: publication dates read off the document (date lines,
 * bylines, URLs; ambiguous numeric dates; dates that date something else),
 * the time-expression values that dated events wrongly (a clock time read as
 * a year, "since 1991", "six years earlier"), and the chain from a date line
 * to the date of an event told with a weekday.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/analysis.h"
#include "ingest/document.h"
#include "ingest/pubdate.h"
#include "timex_fixture.h"

typedef struct seen {
	int warnings;
	char last[512];
} seen;

static void record(void *ud, int severity, const char *file, const char *where, const char *msg)
{
	(void)file;
	(void)where;
	seen *s = ud;
	if (severity == CR_DIAG_WARNING)
		s->warnings++;
	snprintf(s->last, sizeof s->last, "%s", msg);
}

/* Ingests text and writes its publication date as "FROM..TO", "-" when unknown. */
static void published(const char *text, char out[32], seen *s)
{
	cr_diag dg = {record, s};
	cr_document d;
	assert_int_equal(cr_ingest_text(&d, text, strlen(text), "t.txt", &dg), 0);
	if (!cr_range_known(d.published)) {
		snprintf(out, 32, "-");
	} else {
		char a[11], b[11];
		cr_day_format(d.published.earliest, a);
		cr_day_format(d.published.latest, b);
		snprintf(out, 32, "%s..%s", a, b);
	}
	assert_false(d.published_inferred);
	cr_document_free(&d);
}

static void expect_pub(const char *text, const char *want)
{
	char got[32];
	seen s = {0};
	published(text, got, &s);
	if (strcmp(got, want) != 0)
		print_error("text: %s\n", text);
	assert_string_equal(got, want);
	assert_int_equal(s.warnings, 0);
}

/* ---- date lines -------------------------------------------------------------- */

static void test_dateline_under_the_headline_is_the_publication_date(void **state)
{
	(void)state;
	expect_pub("Three killed as rioters set fire to a bank\nMay 5, 2010\nA firebomb attack on a bank killed three people today.",
	           "2010-05-05..2010-05-05");
	expect_pub("Ten dead in southern quake\nLast Updated: Monday, 28 November 2005, 02:24 GMT\nA quake hit the island.",
	           "2005-11-28..2005-11-28");
	expect_pub("A headline here\n8: 56am Monday 10th June 2013\nA man was charged.", "2013-06-10..2013-06-10");
	expect_pub("A headline here\n12: 48PM BST 09 Sep 2013\nThieves took jewels.", "2013-09-09..2013-09-09");
	expect_pub("THURSDAY, DECEMBER 3, 2009, 9:36 AM\nRewards are offered for the escapee.", "2009-12-03..2009-12-03");
	expect_pub("A headline here\nPublished: 2012.08.08 09:01 AM\nA fire destroyed the dairy.", "2012-08-08..2012-08-08");
	expect_pub("A headline here\npublished: 2013-03-12T17:54:00Z\nA fire destroyed the dairy.", "2013-03-12..2013-03-12");
	expect_pub("A headline here\nSunday, November 27-2005 at 16:12\nTremors were felt today.", "2005-11-27..2005-11-27");
	expect_pub("A headline here\nEdited on Mon Dec-19-05 03:49 PM\nThe mob boss died.", "2005-12-19..2005-12-19");
	expect_pub("A headline here\nWASHINGTON, DC, April 28, 2009\nThe rule was revoked today.", "2009-04-28..2009-04-28");
}

static void test_a_month_name_typed_with_one_slip_is_still_the_month(void **state)
{
	(void)state;
	expect_pub("Several die in quake\nNovemer 27, 2005\nA powerful earthquake hit the south.", "2005-11-27..2005-11-27");
	/* a longer word is no slip: the town of Augusta is not August */
	expect_pub("Storm hits the coast\nAUGUSTA, Ga., May 5, 2010\nWater rose overnight.", "2010-05-05..2010-05-05");
	expect_pub("Storm hits the coast\nAugusta 5, 2010\nWater rose overnight.", "-");
}

static void test_a_byline_may_carry_the_date(void **state)
{
	(void)state;
	expect_pub("Storm floods the valley\nBy Jane Q. Doe, staff writer | May 5, 2010\nWater rose overnight.",
	           "2010-05-05..2010-05-05");
}

static void test_published_beats_updated_and_the_url_beats_updated(void **state)
{
	(void)state;
	expect_pub("A headline here\nPUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 13 March 2013\nText.",
	           "2013-03-12..2013-03-12");
	expect_pub("A headline here\nFirst Posted: 10/25/11 06:44 PM ET Updated: 12/25/11 05:12 AM ET\nText.",
	           "2011-10-25..2011-10-25");
	/* an update only: the URL, minted when the page first went up, comes first */
	expect_pub("url: http://example.org/news/2010-05-05/3-dead-after-fire/423816\n\nA headline here\n"
	           "Updated Thu 6 May 2010, 9: 03am AEST\nThree people died.",
	           "2010-05-05..2010-05-05");
	/* an update and nothing else: the text is no later than it */
	expect_pub("A headline here\nUpdated Saturday, December 05, 2009 8:28 PM\nThe escapee is still at large.",
	           "2009-12-05..2009-12-05");
}

static void test_a_year_comes_from_the_line_or_the_url(void **state)
{
	(void)state;
	expect_pub("A headline here\nPUBLISHED March 13, UPDATED March 14, 2013\nText.", "2013-03-13..2013-03-13");
	expect_pub("url: http://example.org/2012/07/fight-report/\n\nA headline here\nJul. 7 5:59 PM EDT\nText.",
	           "2012-07-07..2012-07-07");
	/* and from nowhere else: a month and a day alone date nothing */
	expect_pub("A headline here\nJul. 7 5:59 PM EDT\nThe champion won on Saturday night.", "-");
}

static void test_the_line_beats_a_url_that_disagrees(void **state)
{
	(void)state;
	/* a page moved in 2012 keeps the date of the move in its URL */
	expect_pub("url: http://example.org/politics/aide-dies/2012/05/31/abc_story.html\n\nAide dies at 75\n"
	           "Published: July 29, 2004\nThe aide died on Saturday.",
	           "2004-07-29..2004-07-29");
}

/* ---- dates that date something else ------------------------------------------ */

static void test_a_date_in_a_sentence_of_the_story_is_no_publication_date(void **state)
{
	(void)state;
	expect_pub("Mob boss dies\nThe mob boss died while in prison custody on December 19, 2005.\nHe was 77.", "-");
	expect_pub("Seacom operations fully restored: 4 November 2011\nThe cable was repaired.", "-");
	expect_pub("Royal Wedding April 29, 2011\nThe couple will marry at the abbey.", "-");
	/* the same words under the headline are an outlet's dateline */
	expect_pub("Couple to marry at the abbey\nRoyal Gazette April 2, 2011\nThe couple will marry at the abbey.",
	           "2011-04-02..2011-04-02");
	expect_pub("Parliamentary elections in the republic which are planned for December 15, 2013, will be held.", "-");
}

static void test_a_field_that_dates_something_else_is_not_taken(void **state)
{
	(void)state;
	expect_pub("Deputy Sheriff\nEnd of Watch: Friday, June 24, 2005\nThe deputy was shot.", "-");
	expect_pub("A headline here\nPosted 1 year, 160 days ago [downloaded on 2 October 2013]\nText.", "-");
	expect_pub("A profile\nBorn: March 29, 1928\nHe grew up in the city.", "-");
	/* the field ends at a bar: what follows is a date line of its own */
	expect_pub("A headline here\nSource: AP | May 5, 2010\nThe storm hit the coast.", "2010-05-05..2010-05-05");
	expect_pub("A headline here\nDateline: May 5, 2010\nThe storm hit the coast.", "2010-05-05..2010-05-05");
}

static void test_a_date_line_far_down_the_body_is_not_read(void **state)
{
	(void)state;
	char t[1024] = "A headline here\n";
	for (int i = 0; i < CR_PUBDATE_LINES; i++)
		strcat(t, "A sentence of the story that goes on for a while.\n");
	strcat(t, "May 5, 2010\n");
	expect_pub(t, "-");
}

static void test_a_header_date_wins_over_every_date_line(void **state)
{
	(void)state;
	expect_pub(" date 2022-03-25 A general was dubbed a name.\n\nMay 5, 2010\nMore.", "2022-03-25..2022-03-25");
}

static void test_a_clock_after_a_header_date_is_no_body_text(void **state)
{
	(void)state;
	const char *t = "published: 2012-04-04 11:47:35\nThe director is negotiating.";
	cr_document d;
	assert_int_equal(cr_ingest_text(&d, t, strlen(t), "t.txt", NULL), 0);
	assert_string_equal(d.text, "The director is negotiating.");
	cr_document_free(&d);
	/* a number that is no clock stays the body's */
	t = "date 2022-03-25 12 people died.";
	assert_int_equal(cr_ingest_text(&d, t, strlen(t), "t.txt", NULL), 0);
	assert_string_equal(d.text, "12 people died.");
	cr_document_free(&d);
}

/* ---- ambiguous numeric dates ------------------------------------------------- */

static void test_ambiguous_numeric_date_is_settled_by_the_url(void **state)
{
	(void)state;
	expect_pub("url: http://example.org/technology/20070503/judge-sentences/\n\nJudge sentences killer\n"
	           "POSTED: 05/02/07, 9:00 PM PDT |\nA judge on Thursday upheld the verdict.",
	           "2007-05-02..2007-05-02");
	/* the URL's month alone: day first */
	expect_pub("url: http://example.blogspot.com/2010/09/shooting-charged.html\n\n11/09/2010\nA headline here\n"
	           "A worker was charged.",
	           "2010-09-11..2010-09-11");
}

static void test_ambiguous_numeric_date_is_settled_by_its_weekday(void **state)
{
	(void)state;
	/* 2 May 2007 was a Wednesday, 5 February a Monday */
	expect_pub("A headline here\nWed 05/02/07 9:00 PM\nA judge upheld the verdict.", "2007-05-02..2007-05-02");
}

static void test_ambiguous_numeric_date_is_settled_by_a_named_date_in_the_text(void **state)
{
	(void)state;
	expect_pub("A headline here\n05/02/2013\nThe actress checked in, her lawyer said on May 2.", "2013-05-02..2013-05-02");
}

static void test_ambiguous_numeric_date_without_evidence_is_both_readings_and_a_warning(void **state)
{
	(void)state;
	char got[32];
	seen s = {0};
	published("A headline here\nRelease: 03/08/2013\nThe team won its first game of the tournament.", got, &s);
	assert_string_equal(got, "2013-03-08..2013-08-03");
	assert_int_equal(s.warnings, 1);
	assert_non_null(strstr(s.last, "2013-03-08 or 2013-08-03"));
}

static void test_ambiguous_numeric_date_is_settled_by_the_line_convention(void **state)
{
	(void)state;
	/* a zone of the Americas: month first; one of Europe: day first; dots: day first */
	expect_pub("A headline here\nOriginally published 05/03/2013 at 10:20 AM EDT\nThe actress checked in.",
	           "2013-05-03..2013-05-03");
	expect_pub("A headline here\nPosted 05/03/2013 10:20 BST\nThe actress checked in.", "2013-03-05..2013-03-05");
	expect_pub("A headline here\nArticle posted on 08.07.2012\nThe champion won.", "2012-07-08..2012-07-08");
	/* the weekday written beside it outranks the convention: 3 May 2013 was a Friday */
	expect_pub("A headline here\nFri 05.03.2013\nThe actress checked in.", "2013-05-03..2013-05-03");
}

static void test_unambiguous_numeric_dates_need_no_evidence(void **state)
{
	(void)state;
	expect_pub("A headline here\n11/28/05\nAftershocks jolted the island.", "2005-11-28..2005-11-28");
	expect_pub("A headline here\nOn Tue, 16/08/2011-13:42\nA cable cut blocked the internet.", "2011-08-16..2011-08-16");
	expect_pub("A headline here\n04/04/2012\nThe director is negotiating.", "2012-04-04..2012-04-04");
}

static void test_a_weekday_that_fits_no_reading_is_reported_and_the_date_kept(void **state)
{
	(void)state;
	char got[32];
	seen s = {0};
	published("A headline here\nWednesday, Sep 19 2012 at 11:47 AM\nA patch is coming.", got, &s);
	assert_string_equal(got, "2012-09-19..2012-09-19");
	assert_int_equal(s.warnings, 0);   /* 19 September 2012 was a Wednesday */
	published("A headline here\nMonday, Sep 19 2012 at 11:47 AM\nA patch is coming.", got, &s);
	assert_string_equal(got, "2012-09-19..2012-09-19");
	assert_int_equal(s.warnings, 1);
}

/* ---- URLs -------------------------------------------------------------------- */

static void expect_url(const char *url, const char *want)
{
	char text[512];
	snprintf(text, sizeof text, "url: %s\n\nA headline with no date\nA sentence of the story.", url);
	expect_pub(text, want);
}

static void test_dates_in_url_paths(void **state)
{
	(void)state;
	expect_url("http://www.example.com/2013/05/03/lohan-rehab/", "2013-05-03..2013-05-03");
	expect_url("http://articles.example.com/2013/may/03/local/la-me-0504-lohan-20130504", "2013-05-03..2013-05-03");
	expect_url("http://www.example.com/article/20130308/SPORTS/703089893", "2013-03-08..2013-03-08");
	expect_url("http://www.example.com/news/world/2010-05-05-greece-strike_N.htm", "2010-05-05..2010-05-05");
	expect_url("http://www.example.com/story?id=quake-2009-07-13", "2009-07-13..2009-07-13");
	expect_url("http://mlb.example.com/news/article.jsp?ymd=20081216&content_id=3718580", "2008-12-16..2008-12-16");
	expect_url("http://news.example.com/2009/0428-hance_esa.html", "2009-04-28..2009-04-28");
	expect_url("http://www.example.com/college/2013/3/8/4081296/results", "2013-03-08..2013-03-08");
	/* a month alone is the month */
	expect_url("http://example.blogspot.com/2013/08/appointee-indicted.html", "2013-08-01..2013-08-31");
	expect_url("http://www.example.com/riots-after-teen-shot-by-police-2013-3", "2013-03-01..2013-03-31");
}

static void test_numbers_in_urls_that_are_no_dates(void **state)
{
	(void)state;
	expect_url("http://www.example.com/people/article/0,,20697025,00.html", "-");   /* 2069 */
	expect_url("http://news.example.co.uk/2/hi/middle_east/4475546.stm", "-");
	expect_url("http://www.example.com/news/uk-england-somerset-23395104", "-");
	expect_url("http://www.example.com/story/e6frfkyi-1225862790476", "-");
	expect_url("http://www2013.example.com/news/item.html", "-");   /* the host is not the path */
}

static void test_metadata_date_wins_and_the_url_serves_parts(void **state)
{
	(void)state;
	cr_document d;
	const char *body = "A headline here\nMay 5, 2010\nText of the story.";
	assert_int_equal(cr_ingest_parts(&d, body, strlen(body), "p", "http://example.org/2011/01/02/x", NULL, NULL,
	                                 "2022-03-25", NULL),
	                 0);
	char a[11];
	cr_day_format(d.published.earliest, a);
	assert_string_equal(a, "2022-03-25");
	cr_document_free(&d);
	const char *plain = "A headline here\nText of the story.";
	assert_int_equal(cr_ingest_parts(&d, plain, strlen(plain), "p", "http://example.org/2011/01/02/x", NULL, NULL,
	                                 NULL, NULL),
	                 0);
	cr_day_format(d.published.earliest, a);
	assert_string_equal(a, "2011-01-02");
	cr_document_free(&d);
}

static void test_where_the_date_was_read(void **state)
{
	(void)state;
	const char *t = "A headline\nMay 5, 2010\nText.";
	cr_span lines[3] = {{0, 10}, {11, 22}, {23, 28}};
	cr_dayrange r = {CR_DAY_NONE, CR_DAY_NONE};
	assert_int_equal(cr_pubdate_read(&r, t, lines, 3, "http://example.org/2011/01/02/x", NULL, NULL), CR_PUBDATE_LINE);
	assert_int_equal(cr_pubdate_read(&r, t, lines + 2, 1, "http://example.org/2011/01/02/x", NULL, NULL), CR_PUBDATE_URL);
	r.earliest = r.latest = CR_DAY_NONE;
	assert_int_equal(cr_pubdate_read(&r, t, lines + 2, 1, NULL, NULL, NULL), CR_PUBDATE_NONE);
	assert_false(cr_range_known(r));
}

/* ---- time-expression values -------------------------------------------------- */

/* The first expression of text read on pub: its value and interval, "-" when none. */
static void first_timex(const char *text, const char *pub, char value[40], char range[32])
{
	cr_timex *x;
	size_t n;
	cr_dayrange p = pub ? day(pub) : (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
	assert_int_equal(cr_timex_find(&x, &n, ctx, text, strlen(text), p), 0);
	snprintf(value, 40, "%s", n ? x[0].value : "-");
	if (!n || !cr_range_known(x[0].range)) {
		snprintf(range, 32, "-");
	} else {
		char a[11], b[11];
		cr_day_format(x[0].range.earliest, a);
		cr_day_format(x[0].range.latest, b);
		snprintf(range, 32, "%s..%s", a, b);
	}
	free(x);
}

static void test_a_clock_time_with_a_zone_is_never_a_year(void **state)
{
	(void)state;
	char v[40], r[32];
	first_timex("The quake, which struck at 1353 (1023 GMT), was felt in the Gulf.", "2005-11-27", v, r);
	assert_string_equal(v, "-");   /* the bracket restates the local time: no year 1023 */
	first_timex("The quake struck at 1023 GMT on Sunday.", "2005-11-28", v, r);
	assert_string_equal(v, "2005-11-27T10:23");
	/* a year in brackets is still a year */
	first_timex("The old bridge (1023) was rebuilt.", "2005-11-28", v, r);
	assert_string_equal(v, "1023");
	first_timex("It was first built in 1998 GMT", "2005-11-28", v, r);   /* not a clock: 98 minutes */
	assert_string_equal(v, "1998");
}

static void test_since_a_year_runs_to_the_time_of_writing(void **state)
{
	(void)state;
	char v[40], r[32];
	first_timex("They were the first deaths during a protest since 1991.", "2010-05-05", v, r);
	assert_string_equal(v, "1991");
	assert_string_equal(r, "1991-01-01..2010-05-05");
	first_timex("They were the first deaths during a protest since 1991.", NULL, v, r);
	assert_string_equal(v, "1991");
	assert_string_equal(r, "-");
	/* without "since" the year is the year */
	first_timex("The deaths came during a protest in 1991.", "2010-05-05", v, r);
	assert_string_equal(r, "1991-01-01..1991-12-31");
}

static void test_years_earlier_give_a_year(void **state)
{
	(void)state;
	char v[40], r[32];
	first_timex("Six years earlier, he had led the siege of the city.", "2022-03-25", v, r);
	assert_string_equal(v, "2016");
	assert_string_equal(r, "2016-01-01..2016-12-31");
	/* "a year earlier" than a day keeps the day, as TimeBank writes comparisons */
	first_timex("Profit rose from a year earlier.", "1989-10-26", v, r);
	assert_string_equal(v, "1988-10-26");
}

/* ---- from the date line to the date of an event ------------------------------ */

static void test_the_date_line_anchors_the_weekday_of_an_event(void **state)
{
	(void)state;
	const char *text = "Quake kills ten on island\nMonday, 28 November 2005\n"
	                   "A powerful earthquake struck the island on Sunday, killing ten people.";
	cr_document d;
	assert_int_equal(cr_ingest_text(&d, text, strlen(text), "t.txt", NULL), 0);
	cr_extractor *x;
	char err[256];
	assert_int_equal(cr_extractor_new(&x, err, sizeof err), 0);
	cr_analysis a;
	assert_int_equal(cr_analyze(&a, x, d.text, d.len, d.published), 0);
	bool dated = false;
	for (size_t i = 0; i < a.nevents; i++) {
		char s[11];
		if (!cr_range_known(a.events[i].time))
			continue;
		cr_day_format(a.events[i].time.earliest, s);
		dated |= strcmp(s, "2005-11-27") == 0 && a.events[i].time.latest == a.events[i].time.earliest;
	}
	assert_true(dated);
	cr_analysis_free(&a);
	cr_extractor_free(x);
	cr_document_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dateline_under_the_headline_is_the_publication_date),
		cmocka_unit_test(test_a_month_name_typed_with_one_slip_is_still_the_month),
		cmocka_unit_test(test_a_byline_may_carry_the_date),
		cmocka_unit_test(test_published_beats_updated_and_the_url_beats_updated),
		cmocka_unit_test(test_a_year_comes_from_the_line_or_the_url),
		cmocka_unit_test(test_the_line_beats_a_url_that_disagrees),
		cmocka_unit_test(test_a_date_in_a_sentence_of_the_story_is_no_publication_date),
		cmocka_unit_test(test_a_field_that_dates_something_else_is_not_taken),
		cmocka_unit_test(test_a_date_line_far_down_the_body_is_not_read),
		cmocka_unit_test(test_a_header_date_wins_over_every_date_line),
		cmocka_unit_test(test_a_clock_after_a_header_date_is_no_body_text),
		cmocka_unit_test(test_ambiguous_numeric_date_is_settled_by_the_url),
		cmocka_unit_test(test_ambiguous_numeric_date_is_settled_by_its_weekday),
		cmocka_unit_test(test_ambiguous_numeric_date_is_settled_by_a_named_date_in_the_text),
		cmocka_unit_test(test_ambiguous_numeric_date_without_evidence_is_both_readings_and_a_warning),
		cmocka_unit_test(test_ambiguous_numeric_date_is_settled_by_the_line_convention),
		cmocka_unit_test(test_unambiguous_numeric_dates_need_no_evidence),
		cmocka_unit_test(test_a_weekday_that_fits_no_reading_is_reported_and_the_date_kept),
		cmocka_unit_test(test_dates_in_url_paths),
		cmocka_unit_test(test_numbers_in_urls_that_are_no_dates),
		cmocka_unit_test(test_metadata_date_wins_and_the_url_serves_parts),
		cmocka_unit_test(test_where_the_date_was_read),
		cmocka_unit_test(test_a_clock_time_with_a_zone_is_never_a_year),
		cmocka_unit_test(test_since_a_year_runs_to_the_time_of_writing),
		cmocka_unit_test(test_years_earlier_give_a_year),
		cmocka_unit_test(test_the_date_line_anchors_the_weekday_of_an_event),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
