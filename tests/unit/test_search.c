/*
 * test_search.c: `corrob search` as people type it. Each form of query —
 * punctuation inside words, a lone operator, an exclusion, an unbalanced
 * quote or bracket, a lone "*", "NEAR(" — is run against a small store and
 * must find the sentences it names, never an FTS5 syntax error; phrases, OR,
 * AND, prefix* and brackets keep their meaning; a word finds its other
 * spellings (theatre/theater, defence/defense) through
 * data/lexicon/name-variants.tsv; a query with no word is refused by name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"

static char path[64];

/* The sentences of the store, one a line, in index order. */
static const char *const sentences[] = {
	"The children's hospital was hit, Col. Ivanov said.",
	"The drama theater in Mariupol was bombed.",
	"The drama theatre was a shelter.",
	"Mizintsev rehearsed the siege in Aleppo.",
	"Mizintsev was dismissed as deputy defense minister.",
	"Ships and bridges and harbours.",
	"The Ministry of Defence said the bombing was near the port.",
};
#define NSENT (sizeof sentences / sizeof *sentences)

static cr_db *db;

static int setup(void **state)
{
	(void)state;
	snprintf(path, sizeof path, "/tmp/corrob-test-search-%d.db", (int)getpid());
	unlink(path);
	char err[256];
	if (cr_db_open(&db, path, false, err, sizeof err) < 0)
		return -1;
	cr_buf t = {0};
	cr_span sents[NSENT], paras[1];
	uint32_t sp[NSENT] = {0};
	for (size_t i = 0; i < NSENT; i++) {
		if (i)
			cr_buf_putc(&t, ' ');
		sents[i].start = (uint32_t)t.len;
		cr_buf_puts(&t, sentences[i]);
		sents[i].end = (uint32_t)t.len;
	}
	paras[0] = (cr_span){0, (uint32_t)t.len};
	cr_document d;
	memset(&d, 0, sizeof d);
	d.text = t.data;
	d.len = t.len;
	d.path = (char *)"a.txt";
	d.published.earliest = d.published.latest = CR_DAY_NONE;
	cr_sha256_hex(d.text, d.len, d.hash);
	int64_t id;
	int rc = cr_db_put_document(db, &d, &id) == 1 && cr_db_put_segments(db, id, t.data, paras, 1, sents, sp, NSENT) == 0
	         ? 0 : -1;
	cr_buf_free(&t);
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	cr_db_close(db);
	char p[80];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return 0;
}

static int note_hit(void *ud, const cr_db_hit *h)
{
	unsigned *found = ud;
	*found |= 1u << h->sentence;
	return 0;
}

/* The sentences query finds, as a bit set of their indexes; asserts the
 * search did not fail. */
static unsigned found_by(const char *query)
{
	unsigned found = 0;
	int rc = cr_db_search(db, query, "[", "]", 100, note_hit, &found);
	if (rc != 0)
		fail_msg("search '%s' failed (%d): %s", query, rc, cr_db_errmsg(db));
	return found;
}

#define S(i) (1u << (i))

static void test_punctuation_inside_a_word_is_read_as_its_words(void **state)
{
	(void)state;
	assert_int_equal(found_by("children's"), S(0));
	assert_int_equal(found_by("col."), S(0));
	assert_int_equal(found_by("Ivanov,"), S(0));
	assert_int_equal(found_by("NEAR("), S(6));
	assert_int_equal(found_by("text:port"), 0u);   /* no column filter: the words "text" and "port" */
	assert_int_equal(found_by("^drama"), S(1) | S(2));
}

static void test_an_operator_with_nothing_on_one_side_is_a_word(void **state)
{
	(void)state;
	assert_int_equal(found_by("AND"), S(5));
	assert_int_equal(found_by("Ships AND"), S(5));
	assert_int_equal(found_by("OR"), 0u);
	assert_int_equal(found_by("NOT"), 0u);
	assert_int_equal(found_by("AND harbours"), S(5));
}

static void test_a_leading_hyphen_or_not_excludes(void **state)
{
	(void)state;
	assert_int_equal(found_by("Mizintsev"), S(3) | S(4));
	assert_int_equal(found_by("Mizintsev -Aleppo"), S(4));
	assert_int_equal(found_by("Mizintsev NOT Aleppo"), S(4));
	assert_int_equal(found_by("Mizintsev AND NOT Aleppo"), S(4));
	assert_int_equal(found_by("drama -(Mariupol OR shelter)"), 0u);
	assert_int_equal(found_by("drama -\"in Mariupol\""), S(2));
	/* a hyphen inside a word joins its parts */
	assert_int_equal(found_by("Mizintsev-Aleppo"), 0u);
}

static void test_phrases_or_prefixes_and_brackets_keep_their_meaning(void **state)
{
	(void)state;
	assert_int_equal(found_by("\"drama theatre\""), S(1) | S(2));
	assert_int_equal(found_by("\"theatre drama\""), 0u);
	assert_int_equal(found_by("\"drama theatre"), S(1) | S(2));   /* a quote left open runs to the end */
	assert_int_equal(found_by("Aleppo OR harbours"), S(3) | S(5));
	assert_int_equal(found_by("drama siege OR Ships"), S(5));      /* AND binds tighter */
	assert_int_equal(found_by("bomb*"), S(1) | S(6));
	assert_int_equal(found_by("\"drama th\"*"), S(1) | S(2));
	assert_int_equal(found_by("(siege OR shelter) drama"), S(2));
	assert_int_equal(found_by("(siege OR shelter drama"), S(2) | S(3));   /* closed at the end */
	assert_int_equal(found_by("siege) OR (Ships"), S(3) | S(5));
	assert_int_equal(found_by("Aleppo AND siege"), S(3));
}

static void test_british_and_american_spellings_find_each_other(void **state)
{
	(void)state;
	assert_int_equal(found_by("theatre"), S(1) | S(2));
	assert_int_equal(found_by("Theater"), S(1) | S(2));
	assert_int_equal(found_by("defence"), S(4) | S(6));
	assert_int_equal(found_by("defense"), S(4) | S(6));
	assert_int_equal(found_by("defense minister"), S(4));
	assert_int_equal(found_by("drama -theater"), 0u);
}

static void test_a_query_with_no_word_is_refused_by_name(void **state)
{
	(void)state;
	const char *none[] = {"*", "", "   ", "-", ")", "()", "\"\"", "-Aleppo", "\"", "***"};
	for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
		unsigned found = 0;
		assert_int_equal(cr_db_search(db, none[i], "[", "]", 10, note_hit, &found), CR_DB_EQUERY);
		assert_non_null(strstr(cr_db_errmsg(db), "no word"));
	}
}

/* Whatever the bytes, the expression parses: every query of a few
 * characters drawn from the ones FTS5 gives a meaning to. */
static void test_no_query_reaches_fts5_as_a_syntax_error(void **state)
{
	(void)state;
	const char alphabet[] = {'a', ' ', '"', '(', ')', '*', '-', ':', '^', '+', '.', '\'', 'O', 'R'};
	const size_t na = sizeof alphabet;
	char q[6];
	for (size_t code = 0; code < na * na * na * na * na; code += 7) {
		size_t c = code;
		for (size_t i = 0; i < 5; i++, c /= na)
			q[i] = alphabet[c % na];
		q[5] = 0;
		unsigned found = 0;
		int rc = cr_db_search(db, q, "[", "]", 10, note_hit, &found);
		if (rc != 0 && rc != CR_DB_EQUERY)
			fail_msg("'%s': %s", q, cr_db_errmsg(db));
	}
	/* deep brackets and long queries */
	cr_buf b = {0};
	for (int i = 0; i < 5000; i++)
		cr_buf_puts(&b, "(drama ");
	assert_int_equal(found_by(b.data), S(1) | S(2));
	cr_buf_reset(&b);
	for (int i = 0; i < 500; i++)
		cr_buf_puts(&b, "(drama -(theatre OR (b AND \"c d\"*)) ");
	found_by(b.data);   /* fails the test on an error */
	cr_buf_reset(&b);
	for (int i = 0; i < 5000; i++)
		cr_buf_puts(&b, i % 2 ? "OR " : "drama ");
	assert_int_equal(found_by(b.data), S(1) | S(2));
	cr_buf_free(&b);
}

static void test_the_expression_quotes_every_word(void **state)
{
	(void)state;
	cr_buf b = {0};
	assert_int_equal(cr_db_search_expression(&b, "Mizintsev -Aleppo"), 0);
	assert_string_equal(b.data, "(\"mizintsev\") NOT (\"aleppo\")");
	cr_buf_reset(&b);
	assert_int_equal(cr_db_search_expression(&b, "children's OR col.*"), 0);
	assert_string_equal(b.data, "(\"children s\") OR (\"col\"*)");
	cr_buf_reset(&b);
	assert_int_equal(cr_db_search_expression(&b, "theatre"), 0);
	assert_string_equal(b.data, "((\"theatre\" OR \"theater\"))");
	cr_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_punctuation_inside_a_word_is_read_as_its_words),
		cmocka_unit_test(test_an_operator_with_nothing_on_one_side_is_a_word),
		cmocka_unit_test(test_a_leading_hyphen_or_not_excludes),
		cmocka_unit_test(test_phrases_or_prefixes_and_brackets_keep_their_meaning),
		cmocka_unit_test(test_british_and_american_spellings_find_each_other),
		cmocka_unit_test(test_a_query_with_no_word_is_refused_by_name),
		cmocka_unit_test(test_no_query_reaches_fts5_as_a_syntax_error),
		cmocka_unit_test(test_the_expression_quotes_every_word),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
