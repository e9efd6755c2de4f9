/*
 * test_ingest.c: plain text, JSONL and the boilerplate rules, and the
 * refusals: empty, binary, oversized; invalid UTF-8 repaired with a warning
 * that names the byte offset; the input every reader shares: a line over
 * the limit skipped without being kept, the format told from a pipe's first
 * line, the sniffed bytes handed on, the content hashed as it is read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/document.h"
#include "ingest/input.h"
#include "ingest/read.h"

#include <unistd.h>

typedef struct seen {
	int errors, warnings;
	char last[512];
} seen;

static void record(void *ud, int severity, const char *file, const char *where, const char *msg)
{
	seen *s = ud;
	if (severity == CR_DIAG_ERROR)
		s->errors++;
	else
		s->warnings++;
	snprintf(s->last, sizeof s->last, "%s:%s: %s", file ? file : "", where ? where : "", msg);
}

static int ingest(cr_document *d, const char *text, seen *s)
{
	cr_diag dg = {record, s};
	return cr_ingest_text(d, text, strlen(text), "t.txt", &dg);
}

static void test_date_header_is_read_and_kept_out_of_the_text(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, " date 2022-03-25 A general was dubbed a name.\n\nSecond paragraph here.", &s), 0);
	char day[11];
	cr_day_format(d.published.earliest, day);
	assert_string_equal(day, "2022-03-25");
	assert_int_equal(d.published.earliest, d.published.latest);
	assert_string_equal(d.text, "A general was dubbed a name.\n\nSecond paragraph here.");
	cr_document_free(&d);
}

static void test_promo_lines_in_capitals_are_dropped(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "The minister spoke on Monday.\nWORLD NEWS: LIVE COVERAGE HERE\nShe left later.", &s), 0);
	assert_null(strstr(d.text, "LIVE COVERAGE"));
	assert_non_null(strstr(d.text, "She left later."));
	assert_int_equal(d.dropped_lines, 1);
	cr_document_free(&d);
}

static void test_furniture_phrases_are_dropped(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "The vote passed.\n\nYou may also like\n\nLeave a Comment\n\nRead more: other things", &s), 0);
	assert_string_equal(d.text, "The vote passed.");
	cr_document_free(&d);
}

static void test_lines_in_scripts_without_case_are_kept(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	/* Arabic: letters without case are not shouting capitals */
	assert_int_equal(ingest(&d, "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD8\xB3\xD8\xA4\xD9\x88\xD9\x84", &s), 0);
	assert_true(d.len > 0);
	cr_document_free(&d);
}

static void test_labels_of_site_furniture_are_dropped_but_sentences_kept(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "Image caption The bridge at dawn\nPublished 3 hours ago\n"
	                            "Published reports say the bridge will reopen.\nThe council agreed.", &s), 0);
	assert_null(strstr(d.text, "Image caption"));
	assert_null(strstr(d.text, "3 hours ago"));
	assert_non_null(strstr(d.text, "Published reports say the bridge will reopen."));
	cr_document_free(&d);
}

static void test_video_caption_opening_with_a_pictograph_is_dropped(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "Talks resumed.\n\xE2\x9C\x95 Video shows the harbour at night\nThey ended.", &s), 0);
	assert_null(strstr(d.text, "Video shows"));
	cr_document_free(&d);
}

static void test_caption_printed_twice_is_kept_once(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	const char *cap = "Firefighters work at the site of a fire in the old town on Tuesday evening";
	char buf[512];
	snprintf(buf, sizeof buf, "Story starts.\n\n%s\n\n%s\n\nStory ends.", cap, cap);
	assert_int_equal(ingest(&d, buf, &s), 0);
	const char *first = strstr(d.text, cap);
	assert_non_null(first);
	assert_null(strstr(first + 1, cap));
	cr_document_free(&d);
}

static void test_cut_off_caption_before_its_full_copy_is_dropped(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "Start.\n\nTroops again fired on the old market in the city, which housed\n\n"
	                            "Troops again fired on the old market in the city, which housed many stalls.", &s), 0);
	assert_string_equal(d.text, "Start.\n\nTroops again fired on the old market in the city, which housed many stalls.");
	cr_document_free(&d);
}

static void test_photo_credit_caption_is_dropped(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "The bridge reopened.\nPeople walk over the bridge in 2017 (AP)\nTraffic resumed.", &s), 0);
	assert_null(strstr(d.text, "(AP)"));
	cr_document_free(&d);
}

static void test_parenthesis_that_is_no_credit_is_kept(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "The agency (WHO) said so.\nPrices rose by a third (from a low base)", &s), 0);
	assert_non_null(strstr(d.text, "(from a low base)"));
	cr_document_free(&d);
}

static void test_byline_is_dropped_and_recorded(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "Headline about a thing\n\nby Jane Smith\n\nThe thing happened.", &s), 0);
	assert_null(strstr(d.text, "Jane"));
	assert_string_equal(d.byline, "Jane Smith");
	assert_string_equal(d.title, "Headline about a thing");
	cr_document_free(&d);
}

static void test_invalid_utf8_is_repaired_with_the_offset(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "Price: 5 \xA3 today.", &s), 0);
	assert_int_equal(s.warnings, 1);
	assert_non_null(strstr(s.last, "byte 9"));
	assert_non_null(strstr(d.text, "\xEF\xBF\xBD"));
	cr_document_free(&d);
}

static void test_empty_input_is_refused(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	assert_int_equal(ingest(&d, "  \n\n ", &s), -1);
	assert_int_equal(s.errors, 1);
	assert_non_null(strstr(s.last, "empty"));
}

static void test_binary_input_is_refused(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	char bin[64];
	for (int i = 0; i < 64; i++)
		bin[i] = (char)(i * 7);
	cr_diag dg = {record, &s};
	assert_int_equal(cr_ingest_text(&d, bin, sizeof bin, "x.bin", &dg), -1);
	assert_non_null(strstr(s.last, "binary"));
}

static void test_same_clean_text_has_the_same_identity(void **state)
{
	(void)state;
	seen s = {0};
	cr_document a, b;
	assert_int_equal(ingest(&a, "One fact.\nYou may also like\n", &s), 0);
	assert_int_equal(ingest(&b, "One fact.\n\n\nLeave a comment", &s), 0);
	assert_string_equal(a.hash, b.hash);
	cr_document_free(&a);
	cr_document_free(&b);
}

static void test_source_map_points_back_to_the_raw_text(void **state)
{
	(void)state;
	seen s = {0};
	cr_document d;
	const char *raw = "title: T\nFirst line here.\nCLICK HERE NOW\n  Second line here.  ";
	assert_int_equal(ingest(&d, raw, &s), 0);
	assert_int_equal(d.nmap, 2);
	for (size_t i = 0; i < d.nmap; i++)
		assert_memory_equal(d.text + d.map[i].clean_start, raw + d.map[i].raw_start, d.map[i].len);
	assert_string_equal(d.title, "T");
	cr_document_free(&d);
}

typedef struct collected {
	int docs;
	char titles[4][64];
} collected;

static int collect(void *ud, cr_document *d)
{
	collected *c = ud;
	if (c->docs < 4)
		snprintf(c->titles[c->docs], 64, "%s", d->title ? d->title : "");
	c->docs++;
	return 0;
}

static void test_jsonl_bad_line_is_reported_and_the_rest_kept(void **state)
{
	(void)state;
	const char *in = "{\"title\":\"A\",\"text\":\"First article.\",\"published\":\"2022-01-02T10:00:00Z\"}\n"
	                 "{not json}\n"
	                 "[1,2]\n"
	                 "{\"title\":\"B\",\"text\":\"Second article.\"}\n";
	cr_input src;
	cr_input_mem(&src, (void *)in, strlen(in));
	seen s = {0};
	cr_diag dg = {record, &s};
	collected c = {0};
	assert_int_equal(cr_ingest_jsonl(&src, "in.jsonl", &dg, collect, &c), 2);
	cr_input_free(&src);
	assert_int_equal(c.docs, 2);
	assert_string_equal(c.titles[1], "B");
	assert_int_equal(s.errors, 2);
	assert_non_null(strstr(s.last, "line 3"));
}

static void test_a_line_over_the_limit_is_skipped_not_kept(void **state)
{
	(void)state;
	cr_buf big = {0};
	cr_buf_puts(&big, "short\n");
	for (int i = 0; i < 1000; i++)
		cr_buf_puts(&big, "0123456789");
	cr_buf_puts(&big, "\nafter\nlast");
	cr_input in;
	cr_input_mem(&in, big.data, big.len);
	cr_buf line = {0};
	size_t over;
	assert_int_equal(cr_input_line(&in, &line, 100, &over), 1);
	assert_int_equal(over, 0);
	assert_int_equal(line.len, 5);
	assert_int_equal(cr_input_line(&in, &line, 100, &over), 1);
	assert_int_equal(over, 10000);
	assert_int_equal(line.len, 0);
	assert_true(line.cap <= 128);   /* never held the long line */
	assert_int_equal(cr_input_line(&in, &line, 100, &over), 1);
	assert_memory_equal(line.data, "after", 5);
	assert_int_equal(cr_input_line(&in, &line, 100, &over), 1);
	assert_memory_equal(line.data, "last", 4);
	assert_int_equal(cr_input_line(&in, &line, 100, &over), 0);
	cr_buf_free(&line);
	cr_input_free(&in);
	cr_buf_free(&big);
}

static void test_jsonl_is_told_from_its_first_line(void **state)
{
	(void)state;
	const unsigned char *j = (const unsigned char *)"{\"text\":\"a\"}";
	assert_null(cr_sniff_format("-", j, 12, false));            /* the line is not over yet */
	assert_string_equal(cr_sniff_format("-", (const unsigned char *)"{\"text\":\"a\"}\n", 13, false), "jsonl");
	assert_null(cr_sniff_format("-", (const unsigned char *)"WAR", 3, false));
	assert_string_equal(cr_sniff_format("-", (const unsigned char *)"WARC/1.0\r\n", 10, false), "warc");
	assert_null(cr_sniff_format("-", (const unsigned char *)"<p>Hi</p>", 9, false));   /* html needs more */
	assert_string_equal(cr_sniff_format("-", (const unsigned char *)"<p>Hi</p>", 9, true), "html");
	assert_string_equal(cr_sniff_format("-", (const unsigned char *)"Plain words.", 12, true), "text");
	assert_string_equal(cr_sniff_format("-", (const unsigned char *)"{\0\n", 3, false), "text");   /* binary */
}

/* The format cr_sniff_format tells from a whole input s named name. */
static const char *sniffed(const char *name, const char *s)
{
	return cr_sniff_format(name, (const unsigned char *)s, strlen(s), true);
}

static void test_feeds_and_gzip_are_told_from_their_first_bytes(void **state)
{
	(void)state;
	assert_string_equal(sniffed("-", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"), "feed");
	assert_string_equal(sniffed("-", "\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">"), "feed");
	assert_string_equal(sniffed("-", "<?xml version=\"1.0\"?><!DOCTYPE rss [ <!ENTITY e \"x\"> ]><rss>"), "feed");
	assert_string_equal(sniffed("-", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"), "feed");
	/* XHTML, a page quoting a feed, and an element that only starts like one are not feeds */
	assert_string_equal(sniffed("-", "<?xml version=\"1.0\"?><html><body><p>Hi</p></body></html>"), "html");
	assert_string_equal(sniffed("-", "<html><body><p>&lt;rss&gt;</p></body></html>"), "html");
	assert_string_equal(sniffed("-", "<rssfoo>words</rssfoo>"), "text");
	/* the suffix breaks the tie, through a .gz */
	assert_string_equal(sniffed("x.rss", "<?xml version=\"1.0\"?>"), "feed");
	assert_string_equal(sniffed("x.xml.gz", "<?xml version=\"1.0\"?>"), "feed");
	assert_string_equal(sniffed("x.jsonl.gz", "plain words"), "jsonl");
	assert_string_equal(cr_sniff_format("x.warc", (const unsigned char *)"\x1f\x8b\x08", 3, true), "gzip");
}

static int count_docs(void *ud, cr_document *d)
{
	collected *c = ud;
	if (c->docs < 4)
		snprintf(c->titles[c->docs], 64, "%.60s", d->text);
	c->docs++;
	return 0;
}

static void test_a_pipe_loses_nothing_to_the_sniffer(void **state)
{
	(void)state;
	/* a text longer than the sniffing window, through a pipe that cannot rewind */
	cr_buf t = {0};
	cr_buf_puts(&t, "The first sentence is the one a rewind would lose. ");
	while (t.len < 3 * CR_SNIFF_BYTES)
		cr_buf_puts(&t, "Then more words about the weather and the harbour. ");
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], t.data, t.len), (ssize_t)t.len);
	close(fds[1]);
	cr_input in;
	cr_input_fd(&in, fds[0]);
	collected c = {0};
	seen s = {0};
	cr_diag dg = {record, &s};
	size_t skipped = 0;
	assert_int_equal(cr_read_input(&in, "-", NULL, &dg, count_docs, &c, &skipped), 0);
	assert_int_equal(c.docs, 1);
	assert_string_equal(c.titles[0], "The first sentence is the one a rewind would lose. Then more");
	assert_true(in.hash == cr_hash64(t.data, t.len));   /* every byte hashed, once */
	assert_int_equal(in.taken, t.len);
	cr_input_free(&in);
	close(fds[0]);
	cr_buf_free(&t);
}

/* A document's language (ingest/lang.h): five languages told apart; too
 * little text to tell is "und", which the English stages read. */
static void test_a_language_is_told_and_a_short_text_is_undetermined(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"en", "Colonel General Mikhail Mizintsev has been dismissed as Russia's deputy defence minister, several "
		       "media outlets reported on Friday."},
		{"ru", "Генерал-полковник Михаил Мизинцев освобождён от должности заместителя министра обороны России, "
		       "сообщили источники."},
		{"uk", "Олександра Матвійчук, голова Центру громадянських свобод, отримала Нобелівську премію миру разом з "
		       "іншими правозахисниками."},
		{"de", "Der russische Generaloberst ist als stellvertretender Verteidigungsminister entlassen worden, "
		       "berichteten mehrere Medien."},
		{"fr", "Le général russe a été limogé de son poste de vice-ministre de la Défense, ont rapporté plusieurs "
		       "médias vendredi soir à Paris."},
		/* a headline, a name, a one-line quote: too short to tell */
		{"und", "Putin meets Xi in Moscow for talks on Ukraine"},
		{"und", "Die Welt"},
		{"und", "Ранее Мизинцев"},
		{"und", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char code[CR_LANG_LEN];
		cr_language_of(cases[i][1], strlen(cases[i][1]), code);
		assert_string_equal(code, cases[i][0]);
	}
	assert_true(cr_language_is_english("und") && cr_language_is_english("en") && cr_language_is_english(NULL));
	assert_false(cr_language_is_english("ru"));
	char name[32];
	cr_language_name("uk", name, sizeof name);
	assert_string_equal(name, "Ukrainian");
	/* and ingest gives each document its language */
	cr_document d;
	assert_int_equal(cr_ingest_text(&d, cases[1][1], strlen(cases[1][1]), "ru.txt", NULL), 0);
	assert_string_equal(d.lang, "ru");
	cr_document_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_line_over_the_limit_is_skipped_not_kept),
		cmocka_unit_test(test_a_language_is_told_and_a_short_text_is_undetermined),
		cmocka_unit_test(test_jsonl_is_told_from_its_first_line),
		cmocka_unit_test(test_a_pipe_loses_nothing_to_the_sniffer),
		cmocka_unit_test(test_date_header_is_read_and_kept_out_of_the_text),
		cmocka_unit_test(test_promo_lines_in_capitals_are_dropped),
		cmocka_unit_test(test_furniture_phrases_are_dropped),
		cmocka_unit_test(test_lines_in_scripts_without_case_are_kept),
		cmocka_unit_test(test_labels_of_site_furniture_are_dropped_but_sentences_kept),
		cmocka_unit_test(test_video_caption_opening_with_a_pictograph_is_dropped),
		cmocka_unit_test(test_caption_printed_twice_is_kept_once),
		cmocka_unit_test(test_cut_off_caption_before_its_full_copy_is_dropped),
		cmocka_unit_test(test_photo_credit_caption_is_dropped),
		cmocka_unit_test(test_parenthesis_that_is_no_credit_is_kept),
		cmocka_unit_test(test_byline_is_dropped_and_recorded),
		cmocka_unit_test(test_invalid_utf8_is_repaired_with_the_offset),
		cmocka_unit_test(test_empty_input_is_refused),
		cmocka_unit_test(test_binary_input_is_refused),
		cmocka_unit_test(test_feeds_and_gzip_are_told_from_their_first_bytes),
		cmocka_unit_test(test_same_clean_text_has_the_same_identity),
		cmocka_unit_test(test_source_map_points_back_to_the_raw_text),
		cmocka_unit_test(test_jsonl_bad_line_is_reported_and_the_rest_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
