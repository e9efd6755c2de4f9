/* Tests for src/ingest/html.c: body extraction on the saved pages in
 * tests/data/html, metadata sources, offsets and the input limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ingest/html.h"
#include "util/util.h"
#include "util/map.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *page_path(const char *name, const char *ext)
{
	const char *root = getenv("CORROB_SOURCE_DIR");
	cr_buf b = {0};
	cr_buf_printf(&b, "%s/tests/data/html/%s%s", root ? root : ".", name, ext);
	return cr_buf_detach(&b);
}

static char *slurp(const char *name, const char *ext, size_t *len)
{
	char *p = page_path(name, ext), *data = NULL;
	if (cr_read_file(p, &data, len) != 0)
		fail_msg("cannot read %s", p);
	free(p);
	return data;
}

static void extract_page(const char *name, cr_html_doc *d)
{
	size_t len;
	char *html = slurp(name, ".html", &len);
	char err[256] = "";
	int rc = cr_html_extract(d, html, len, err, sizeof err);
	if (rc != 0)
		fail_msg("%s: %s", name, err);
	free(html);
}

/* Token-bag F1 between two texts. */
static double token_f1(const char *a, const char *b)
{
	cr_map *m = cr_map_new();
	size_t na = 0, nb = 0, match = 0;
	for (int pass = 0; pass < 2; pass++) {
		const char *s = pass ? b : a;
		while (*s) {
			while (*s && cr_is_space((unsigned char)*s))
				s++;
			const char *t = s;
			while (*s && !cr_is_space((unsigned char)*s))
				s++;
			if (s == t)
				break;
			intptr_t c = 0;
			cr_map_get(m, t, (size_t)(s - t), &c);
			if (pass == 0) {
				na++;
				cr_map_put(m, t, (size_t)(s - t), c + 1);
			} else {
				nb++;
				if (c > 0) {
					match++;
					cr_map_put(m, t, (size_t)(s - t), c - 1);
				}
			}
		}
	}
	cr_map_free(m);
	if (!na || !nb || !match)
		return 0;
	double p = (double)match / nb, r = (double)match / na;
	return 2 * p * r / (p + r);
}

static void test_html_every_saved_page_body_matches_expected(void **state)
{
	(void)state;
	char *dir = page_path("", "");
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	int pages = 0;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n <= 5 || strcmp(de->d_name + n - 5, ".html") != 0)
			continue;
		char *name = cr_xstrndup(de->d_name, n - 5);
		size_t wlen;
		char *want = slurp(name, ".expected.txt", &wlen);
		cr_html_doc doc;
		extract_page(name, &doc);
		double f1 = token_f1(want, doc.text);
		if (f1 < 0.85)
			fail_msg("%s: token F1 %.3f < 0.85\n--- got:\n%s", name, f1, doc.text);
		/* paragraphs are separated by exactly one blank line, no edges */
		assert_null(strstr(doc.text, "\n\n\n"));
		assert_true(doc.len > 0 && doc.text[0] != '\n' && doc.text[doc.len - 1] != '\n');
		cr_html_doc_free(&doc);
		free(want);
		free(name);
		pages++;
	}
	closedir(d);
	free(dir);
	assert_true(pages >= 8);
}

static void test_html_comments_related_and_nav_are_dropped(void **state)
{
	(void)state;
	cr_html_doc d;
	extract_page("nav_article_comments", &d);
	assert_null(strstr(d.text, "riverwatcher"));
	assert_null(strstr(d.text, "Related stories"));
	assert_null(strstr(d.text, "How to check if your home"));
	assert_null(strstr(d.text, "Sport"));
	assert_null(strstr(d.text, "Share on"));
	assert_null(strstr(d.text, "All rights reserved"));
	assert_non_null(strstr(d.text, "gave way early on Tuesday"));
	cr_html_doc_free(&d);
}

static void test_html_promo_blocks_inside_body_are_dropped(void **state)
{
	(void)state;
	cr_html_doc d;
	extract_page("promo_in_body", &d);
	assert_null(strstr(d.text, "Read more"));
	assert_null(strstr(d.text, "Advertisement"));
	assert_null(strstr(d.text, "newsletter"));
	assert_null(strstr(d.text, "You may also like"));
	assert_null(strstr(d.text, "holiday deals"));
	assert_non_null(strstr(d.text, "surgical hubs"));
	cr_html_doc_free(&d);
}

static void test_html_open_graph_canonical_and_meta_author(void **state)
{
	(void)state;
	cr_html_doc d;
	extract_page("nav_article_comments", &d);
	assert_string_equal(d.title, "Flood barrier fails in Dunmore as river peaks");
	assert_string_equal(d.outlet, "The Northern Courier");
	assert_string_equal(d.url, "https://northerncourier.example/news/dunmore-flood-barrier");
	assert_string_equal(d.published, "2023-02-14");
	assert_string_equal(d.byline, "Helen Gatward");
	cr_html_doc_free(&d);
}

static void test_html_jsonld_graph_gives_authors_publisher_and_date(void **state)
{
	(void)state;
	cr_html_doc d;
	extract_page("jsonld_newsarticle", &d);
	assert_string_equal(d.title, "Port strike enters second week as talks stall");
	assert_string_equal(d.byline, "Tomas Ferreira, Ana Lund");
	assert_string_equal(d.outlet, "Harbour Daily");
	assert_string_equal(d.published, "2024-06-03");
	assert_string_equal(d.url, "https://harbourdaily.example/economy/port-strike-second-week");
	cr_html_doc_free(&d);
}

static void test_html_jsonld_type_array_and_url_author_ignored(void **state)
{
	(void)state;
	cr_html_doc d;
	extract_page("blockquote_lists", &d);
	/* article:author is a URL, so the JSON-LD name is used */
	assert_string_equal(d.byline, "Rita Okafor");
	assert_string_equal(d.outlet, "Signal Weekly");
	assert_null(strstr(d.text, "Photograph"));
	assert_non_null(strstr(d.text, "We are deeply sorry."));
	cr_html_doc_free(&d);
}

static void test_html_meta_name_date_only(void **state)
{
	(void)state;
	cr_html_doc d;
	extract_page("meta_dates_only", &d);
	assert_string_equal(d.published, "2021-11-09");
	assert_string_equal(d.byline, "Priya Raman");
	assert_null(d.outlet);
	assert_null(d.url);
	cr_html_doc_free(&d);
	extract_page("table_layout", &d);
	assert_string_equal(d.published, "2009-04-07");   /* DC.date.issued 2009/4/7 */
	cr_html_doc_free(&d);
}

static void test_html_time_datetime_and_rel_author(void **state)
{
	(void)state;
	cr_html_doc d;
	extract_page("time_rel_author", &d);
	assert_string_equal(d.published, "2020-08-30");
	assert_string_equal(d.byline, "Julia Morales");
	assert_string_equal(d.url, "https://sierrapost.example/2020/08/30/wildfire-evacuation/");
	assert_null(strstr(d.text, "Stay safe"));
	cr_html_doc_free(&d);
}

static void test_html_hidden_and_cookie_text_is_dropped(void **state)
{
	(void)state;
	cr_html_doc d;
	extract_page("cookie_paywall", &d);
	assert_null(strstr(d.text, "cookies"));
	assert_null(strstr(d.text, "Subscriber-only"));
	assert_null(strstr(d.text, "unlimited access"));
	assert_null(strstr(d.text, "JavaScript"));
	assert_string_equal(d.title, "Central bank raises rates to 4.75%");   /* " | Ledger Financial" stripped */
	assert_string_equal(d.published, "2023-09-20");
	cr_html_doc_free(&d);
}

static void test_html_src_offsets_point_at_each_paragraph(void **state)
{
	(void)state;
	const char *names[] = {"nav_article_comments", "meta_dates_only", "broken_tags", "liveblog"};
	for (size_t k = 0; k < CR_ARRAY_LEN(names); k++) {
		size_t len;
		char *html = slurp(names[k], ".html", &len);
		cr_html_doc d;
		char err[128];
		assert_int_equal(cr_html_extract(&d, html, len, err, sizeof err), 0);
		size_t paras = 1;
		for (const char *p = d.text; (p = strstr(p, "\n\n")); p += 2)
			paras++;
		assert_int_equal(d.nsrc, paras);
		const char *para = d.text;
		for (size_t i = 0; i < d.nsrc; i++) {
			assert_true(d.src_offsets[i] < len);
			/* the first bytes agree unless the paragraph opens with an entity */
			const char *pend = strstr(para, "\n\n");
			size_t cmp = CR_MIN((size_t)6, pend ? (size_t)(pend - para) : strlen(para));
			if (html[d.src_offsets[i]] != '&' && memcmp(html + d.src_offsets[i], para, cmp) != 0)
				fail_msg("%s paragraph %zu: offset %u has \"%.12s\", text \"%.12s\"", names[k], i, d.src_offsets[i],
					 html + d.src_offsets[i], para);
			if (i > 0)
				assert_true(d.src_offsets[i] > d.src_offsets[i - 1]);
			const char *next = strstr(para, "\n\n");
			para = next ? next + 2 : para;
		}
		cr_html_doc_free(&d);
		free(html);
	}
}

static void test_html_deep_nesting_is_refused_with_offset(void **state)
{
	(void)state;
	cr_buf b = {0};
	cr_buf_puts(&b, "<html><body>");
	for (int i = 0; i < 100000; i++)
		cr_buf_puts(&b, "<div>");
	cr_buf_puts(&b, "<p>text, text, text, text, text, text, text</p>");
	cr_html_doc d;
	char err[128] = "";
	assert_true(cr_html_extract(&d, b.data, b.len, err, sizeof err) < 0);
	assert_non_null(strstr(err, "nested deeper"));
	assert_non_null(strstr(err, "byte "));
	assert_null(d.text);
	cr_html_doc_free(&d);
	cr_buf_free(&b);
}

static void test_html_self_closing_and_stray_end_tags_do_not_hide_nesting(void **state)
{
	(void)state;
	/* "<div/>" opens a div; "</span>" closes nothing it cannot reach; both
	 * nest as deep as the tree builder will make them */
	const char *units[] = {"<div/>", "<div></span>", "<span><div></span>", "<b><div></b>"};
	for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
		cr_buf b = {0};
		cr_buf_puts(&b, "<html><body>");
		for (int i = 0; i < 5000; i++)
			cr_buf_puts(&b, units[u]);
		cr_buf_puts(&b, "<p>text, text, text, text, text, text, text</p>");
		cr_html_doc d;
		char err[128] = "";
		if (cr_html_extract(&d, b.data, b.len, err, sizeof err) == 0)
			fail_msg("%s x 5000 was read", units[u]);
		assert_non_null(strstr(err, "nested deeper"));
		cr_buf_free(&b);
	}
	/* what does close: an end tag of an open element, self-closing inside svg */
	const char *fine[] = {"<div><span></div>", "<svg><path/></svg>", "<section><div></section>"};
	for (size_t u = 0; u < sizeof fine / sizeof *fine; u++) {
		cr_buf b = {0};
		cr_buf_puts(&b, "<html><body>");
		for (int i = 0; i < 5000; i++)
			cr_buf_puts(&b, fine[u]);
		cr_buf_puts(&b, "<p>The paragraph after them, long enough, with commas, to count as text.</p>");
		cr_html_doc d;
		char err[128] = "";
		if (cr_html_extract(&d, b.data, b.len, err, sizeof err) != 0)
			fail_msg("%s x 5000: %s", fine[u], err);
		cr_html_doc_free(&d);
		cr_buf_free(&b);
	}
}

static void test_html_nesting_under_the_limit_is_read(void **state)
{
	(void)state;
	cr_buf b = {0};
	cr_buf_puts(&b, "<html><body>");
	for (int i = 0; i < CR_HTML_MAX_DEPTH - 10; i++)
		cr_buf_puts(&b, i % 2 ? "<span>" : "<div>");
	cr_buf_puts(&b, "<p>The deeply nested paragraph still counts, as a paragraph should, in the end.</p>");
	cr_html_doc d;
	char err[128] = "";
	int rc = cr_html_extract(&d, b.data, b.len, err, sizeof err);
	if (rc != 0)
		fail_msg("%s", err);
	assert_string_equal(d.text, "The deeply nested paragraph still counts, as a paragraph should, in the end.");
	cr_html_doc_free(&d);
	cr_buf_free(&b);
}

static void test_html_unclosed_paragraphs_do_not_count_as_nesting(void **state)
{
	(void)state;
	cr_buf b = {0};
	cr_buf_puts(&b, "<body><div class=content>");
	for (int i = 0; i < 5000; i++)
		cr_buf_printf(&b, "<p>Paragraph %d, which is long enough to count as text, has no end tag.\n", i);
	cr_html_doc d;
	char err[128] = "";
	int rc = cr_html_extract(&d, b.data, b.len, err, sizeof err);
	if (rc != 0)
		fail_msg("%s", err);
	assert_int_equal(d.nsrc, 5000);
	cr_html_doc_free(&d);
	cr_buf_free(&b);
}

static void test_html_tag_with_too_many_attributes_is_refused_fast(void **state)
{
	(void)state;
	cr_buf b = {0};
	cr_buf_puts(&b, "<body><p>Ordinary text, with commas, before the bad tag.</p><div ");
	for (int i = 0; i < 100000; i++)
		cr_buf_printf(&b, "a%d=\"x>y\" ", i);
	cr_buf_puts(&b, "><p>text, text, text, text, text, text, text</p></div>");
	cr_html_doc d;
	char err[128] = "";
	assert_true(cr_html_extract(&d, b.data, b.len, err, sizeof err) < 0);
	assert_non_null(strstr(err, "too many attributes"));
	assert_non_null(strstr(err, "byte 60:"));   /* the <div */
	cr_buf_free(&b);
	/* quoted '>' and many attributes under the limit are fine */
	const char *ok = "<body><div data-a=\"1>2\" data-b='3>4' hidden=hidden></div><p class=x id=y title=\"a, b\">Quoted brackets, in values, are not the end of a tag.</p>";
	assert_int_equal(cr_html_extract(&d, ok, strlen(ok), err, sizeof err), 0);
	assert_string_equal(d.text, "Quoted brackets, in values, are not the end of a tag.");
	cr_html_doc_free(&d);
}

static void test_html_oversized_input_is_refused(void **state)
{
	(void)state;
	size_t n = CR_HTML_MAX_BYTES + 1;
	char *big = calloc(n, 1);   /* zero pages: never touched */
	assert_non_null(big);
	cr_html_doc d;
	char err[128] = "";
	assert_true(cr_html_extract(&d, big, n, err, sizeof err) < 0);
	assert_non_null(strstr(err, "16 MB"));
	free(big);
}

static void test_html_page_without_body_text_is_an_error(void **state)
{
	(void)state;
	const char *html = "<html><head><title>Only a title</title></head><body><nav><a href=/>Home</a></nav>"
			   "<footer>Copyright</footer><script>var x = 'lots of script text, with commas, here';</script></body></html>";
	cr_html_doc d;
	char err[128] = "";
	assert_true(cr_html_extract(&d, html, strlen(html), err, sizeof err) < 0);
	assert_non_null(strstr(err, "no article body"));
	assert_true(cr_html_extract(&d, "", 0, err, sizeof err) < 0);
}

static void test_html_entities_and_nbsp_are_decoded(void **state)
{
	(void)state;
	const char *html = "<p>Caf&eacute; owners said&nbsp;prices rose &gt; 10&#37; &amp; more, &#8220;sharply&#8221;.</p>";
	cr_html_doc d;
	char err[128];
	assert_int_equal(cr_html_extract(&d, html, strlen(html), err, sizeof err), 0);
	assert_string_equal(d.text, "Caf\xC3\xA9 owners said prices rose > 10% & more, \xE2\x80\x9Csharply\xE2\x80\x9D.");
	cr_html_doc_free(&d);
}

static void test_html_commentary_class_is_not_a_comment_section(void **state)
{
	(void)state;
	const char *html = "<body><div class=\"commentary-body\"><p>The minister's plan, announced on Monday, is a gamble, and it may not pay off for years.</p>"
			   "<p>Voters, for their part, have heard such promises before, and they will judge the results.</p></div>"
			   "<div class=\"postfooter\"><p>Filed by staff, with reporting, editing, and more, from the desk.</p></div></body>";
	cr_html_doc d;
	char err[128];
	assert_int_equal(cr_html_extract(&d, html, strlen(html), err, sizeof err), 0);
	assert_non_null(strstr(d.text, "a gamble"));
	assert_non_null(strstr(d.text, "judge the results"));
	assert_null(strstr(d.text, "Filed by staff"));   /* "footer" inside "postfooter" */
	cr_html_doc_free(&d);
}

static void test_html_dateline_paragraph_dropped_but_clock_time_kept(void **state)
{
	(void)state;
	const char *html = "<body><div class=story><p>Saturday, 4 March 2017</p><p>Updated 12 Jan 2021, 10:04 GMT</p><p>23:55</p>"
			   "<p>On Monday, the council met, argued, and voted to close the bridge for repairs.</p>"
			   "<p>May 2022 was wetter than any month since records began, the office said.</p></div></body>";
	cr_html_doc d;
	char err[128];
	assert_int_equal(cr_html_extract(&d, html, strlen(html), err, sizeof err), 0);
	assert_string_equal(d.text, "23:55\n\nOn Monday, the council met, argued, and voted to close the bridge for repairs.\n\n"
				    "May 2022 was wetter than any month since records began, the office said.");
	cr_html_doc_free(&d);
}

static void test_html_invalid_utf8_becomes_replacement_characters(void **state)
{
	(void)state;
	const char *html = "<p>Bad \xff byte, a lone \xc3 lead, and \xed\xa0\x80 a surrogate, in the text here.</p>";
	cr_html_doc d;
	char err[128];
	assert_int_equal(cr_html_extract(&d, html, strlen(html), err, sizeof err), 0);
	assert_non_null(strstr(d.text, "Bad \xEF\xBF\xBD byte"));
	for (const unsigned char *p = (const unsigned char *)d.text; *p; p++)
		assert_true(*p != 0xff && !(*p == 0xc3 && (p[1] & 0xC0) != 0x80) && *p != 0xed);
	cr_html_doc_free(&d);
}

static void test_html_norm_date_accepts_page_formats(void **state)
{
	(void)state;
	char out[11];
	assert_int_equal(cr_html_norm_date(out, "2022-03-25T10:00:00Z"), 0);
	assert_string_equal(out, "2022-03-25");
	assert_int_equal(cr_html_norm_date(out, " 2009/4/7"), 0);
	assert_string_equal(out, "2009-04-07");
	assert_int_equal(cr_html_norm_date(out, "20200830"), 0);
	assert_string_equal(out, "2020-08-30");
	assert_int_equal(cr_html_norm_date(out, "2023-02-30"), -1);
	assert_int_equal(cr_html_norm_date(out, "March 5, 2022"), -1);
	assert_int_equal(cr_html_norm_date(out, "2022-13-01"), -1);
	assert_int_equal(cr_html_norm_date(out, "12345"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_every_saved_page_body_matches_expected),
		cmocka_unit_test(test_html_comments_related_and_nav_are_dropped),
		cmocka_unit_test(test_html_promo_blocks_inside_body_are_dropped),
		cmocka_unit_test(test_html_open_graph_canonical_and_meta_author),
		cmocka_unit_test(test_html_jsonld_graph_gives_authors_publisher_and_date),
		cmocka_unit_test(test_html_jsonld_type_array_and_url_author_ignored),
		cmocka_unit_test(test_html_meta_name_date_only),
		cmocka_unit_test(test_html_time_datetime_and_rel_author),
		cmocka_unit_test(test_html_hidden_and_cookie_text_is_dropped),
		cmocka_unit_test(test_html_src_offsets_point_at_each_paragraph),
		cmocka_unit_test(test_html_deep_nesting_is_refused_with_offset),
		cmocka_unit_test(test_html_nesting_under_the_limit_is_read),
		cmocka_unit_test(test_html_self_closing_and_stray_end_tags_do_not_hide_nesting),
		cmocka_unit_test(test_html_unclosed_paragraphs_do_not_count_as_nesting),
		cmocka_unit_test(test_html_tag_with_too_many_attributes_is_refused_fast),
		cmocka_unit_test(test_html_oversized_input_is_refused),
		cmocka_unit_test(test_html_page_without_body_text_is_an_error),
		cmocka_unit_test(test_html_entities_and_nbsp_are_decoded),
		cmocka_unit_test(test_html_commentary_class_is_not_a_comment_section),
		cmocka_unit_test(test_html_dateline_paragraph_dropped_but_clock_time_kept),
		cmocka_unit_test(test_html_invalid_utf8_becomes_replacement_characters),
		cmocka_unit_test(test_html_norm_date_accepts_page_formats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
