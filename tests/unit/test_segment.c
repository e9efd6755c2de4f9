/*
 * test_segment: paragraphs, sentences and tokens (src/text/segment.c).
 * Every segmentation made here is also checked against the invariants of the
 * API: spans inside the text, tokens ordered and never overlapping or holding
 * surrounding whitespace, sentences made of consecutive tokens, within one
 * paragraph, in order.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/segment.h"

static void check_invariants(const cr_segmentation *s, const char *t, size_t len)
{
	for (size_t i = 0; i < s->ntokens; i++) {
		const cr_token *k = &s->tokens[i];
		assert_true(k->start < k->end);
		assert_true(k->end <= len);
		assert_true(k->kind <= CR_TOK_SYMBOL);
		if (i)
			assert_true(s->tokens[i - 1].end <= k->start);
		assert_false(t[k->start] == ' ' || t[k->start] == '\n');
		assert_false(t[k->end - 1] == ' ' || t[k->end - 1] == '\n');
	}
	size_t next = 0;
	for (size_t i = 0; i < s->nsentences; i++) {
		const cr_sentence *x = &s->sentences[i];
		assert_int_equal(x->first_token, next);
		assert_true(x->ntokens > 0);
		next += x->ntokens;
		assert_int_equal(x->start, s->tokens[x->first_token].start);
		assert_int_equal(x->end, s->tokens[x->first_token + x->ntokens - 1].end);
		assert_true(x->paragraph < s->nparagraphs);
		if (i)
			assert_true(s->sentences[i - 1].paragraph <= x->paragraph);
		const cr_span *p = &s->paragraphs[x->paragraph];
		assert_true(p->start <= x->start && x->end <= p->end);
	}
	assert_int_equal(next, s->ntokens);
	for (size_t i = 1; i < s->nparagraphs; i++)
		assert_true(s->paragraphs[i - 1].end < s->paragraphs[i].start);
}

static cr_segmentation seg_opts(const char *t, cr_wrap_mode mode)
{
	cr_segmentation s;
	cr_segment_opts o = { .wrap = mode };
	assert_int_equal(cr_segment_ex(&s, t, strlen(t), &o), 0);
	check_invariants(&s, t, strlen(t));
	return s;
}

static cr_segmentation seg(const char *t)
{
	return seg_opts(t, CR_WRAP_AUTO);
}

static bool span_is(const char *t, uint32_t a, uint32_t b, const char *want)
{
	return strlen(want) == b - a && memcmp(t + a, want, b - a) == 0;
}

/* Asserts the sentences of t are exactly the NULL-terminated list. */
static void expect_sentences(const char *t, ...)
{
	cr_segmentation s = seg(t);
	va_list ap;
	va_start(ap, t);
	size_t i = 0;
	const char *w;
	while ((w = va_arg(ap, const char *)) != NULL) {
		if (i >= s.nsentences)
			fail_msg("too few sentences in [%s]: wanted [%s]", t, w);
		const cr_sentence *x = &s.sentences[i];
		if (!span_is(t, x->start, x->end, w))
			fail_msg("sentence %zu is [%.*s], wanted [%s]", i, (int)(x->end - x->start), t + x->start, w);
		i++;
	}
	va_end(ap);
	if (i != s.nsentences)
		fail_msg("%zu sentences in [%s], wanted %zu", s.nsentences, t, i);
	cr_segmentation_free(&s);
}

/* Asserts the tokens of t are exactly the NULL-terminated list. */
static void expect_tokens(const char *t, ...)
{
	cr_segmentation s = seg(t);
	va_list ap;
	va_start(ap, t);
	size_t i = 0;
	const char *w;
	while ((w = va_arg(ap, const char *)) != NULL) {
		if (i >= s.ntokens)
			fail_msg("too few tokens in [%s]: wanted [%s]", t, w);
		if (!span_is(t, s.tokens[i].start, s.tokens[i].end, w))
			fail_msg("token %zu is [%.*s], wanted [%s]", i, (int)(s.tokens[i].end - s.tokens[i].start),
			         t + s.tokens[i].start, w);
		i++;
	}
	va_end(ap);
	if (i != s.ntokens)
		fail_msg("%zu tokens in [%s], wanted %zu", s.ntokens, t, i);
	cr_segmentation_free(&s);
}

static int kind_of(const char *t, const char *tok)
{
	cr_segmentation s = seg(t);
	int k = -1;
	for (size_t i = 0; i < s.ntokens; i++)
		if (span_is(t, s.tokens[i].start, s.tokens[i].end, tok))
			k = s.tokens[i].kind;
	cr_segmentation_free(&s);
	return k;
}

/* ------------------------------------------------------------ edge inputs */

static void test_empty_input_gives_nothing(void **st)
{
	(void)st;
	cr_segmentation s;
	assert_int_equal(cr_segment(&s, "", 0), 0);
	assert_int_equal(s.nparagraphs + s.nsentences + s.ntokens, 0);
	cr_segmentation_free(&s);
	assert_int_equal(cr_segment(&s, NULL, 0), 0);
	cr_segmentation_free(&s);
}

static void test_text_too_long_for_32_bit_offsets_is_refused(void **st)
{
	(void)st;
	cr_segmentation s;
	/* refused before any byte is read */
	assert_int_equal(cr_segment(&s, "x", (size_t)UINT32_MAX + 1), -1);
	assert_int_equal(s.nparagraphs + s.nsentences + s.ntokens, 0);
	cr_segmentation_free(&s);
}

static void test_only_whitespace_gives_nothing(void **st)
{
	(void)st;
	cr_segmentation s = seg(" \n\n\t \r\n  \xC2\xA0 \n");
	assert_int_equal(s.nparagraphs + s.nsentences + s.ntokens, 0);
	cr_segmentation_free(&s);
}

static void test_invalid_utf8_bytes_are_symbols_inside_the_text(void **st)
{
	(void)st;
	/* a lone continuation byte, an overlong NUL, 0xFF, U+FFFD, and a
	   sequence cut off by the end of the buffer (heap copy: ASan sees overreads) */
	const char src[] = "Bad \x80 bytes \xC0\x80 here\xFF. Next \xEF\xBF\xBD sentence \xE2\x80";
	size_t len = sizeof src - 1;
	char *t = malloc(len);
	memcpy(t, src, len);
	cr_segmentation s;
	assert_int_equal(cr_segment(&s, t, len), 0);
	check_invariants(&s, t, len);
	assert_int_equal(s.nsentences, 2);
	bool sym80 = false;
	for (size_t i = 0; i < s.ntokens; i++)
		if (s.tokens[i].end - s.tokens[i].start == 1 && (unsigned char)t[s.tokens[i].start] == 0x80)
			sym80 = s.tokens[i].kind == CR_TOK_SYMBOL;
	assert_true(sym80);
	assert_int_equal(s.tokens[s.ntokens - 1].end, len);
	cr_segmentation_free(&s);
	free(t);
}

static void test_every_byte_value_is_segmented_without_overread(void **st)
{
	(void)st;
	char *t = malloc(256 * 3);
	for (int i = 0; i < 256 * 3; i++)
		t[i] = (char)(i % 256);
	cr_segmentation s;
	assert_int_equal(cr_segment(&s, t, 256 * 3), 0);
	check_invariants(&s, t, 256 * 3);
	assert_true(s.ntokens > 0);
	cr_segmentation_free(&s);
	free(t);
}

static double seconds_for(const char *t, size_t len)
{
	struct timespec a, b;
	cr_segmentation s;
	clock_gettime(CLOCK_MONOTONIC, &a);
	assert_int_equal(cr_segment(&s, t, len), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	check_invariants(&s, t, len);
	cr_segmentation_free(&s);
	return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
}

/* 10 MB on one line: time grows linearly. A quadratic pass would take 100x
   for 10x the input (hours at this size); allow 40x, or 10 s, for the noise
   of page faults on a loaded machine and the sanitizers. */
static void check_linear(const char *unit)
{
	size_t ul = strlen(unit), big = 10u << 20, small = big / 10;
	char *t = malloc(big);
	for (size_t i = 0; i < big; i++)
		t[i] = unit[i % ul];
	double ts = 1e9, tb = 1e9;
	for (int r = 0; r < 2; r++) {
		ts = CR_MIN(ts, seconds_for(t, small));
		tb = CR_MIN(tb, seconds_for(t, big));
	}
	if (ts < 2e-3)
		ts = 2e-3;
	if (tb > 40 * ts && tb > 10.0)
		fail_msg("1 MB in %.3fs but 10 MB in %.3fs (unit [%s])", ts, tb, unit);
	free(t);
}

static void test_ten_megabyte_single_line_is_linear(void **st)
{
	(void)st;
	check_linear("Mr. Smith paid $1,640.50 to the U.S. firm... He left! ");
}

static void test_ten_megabytes_without_spaces_is_linear(void **st)
{
	(void)st;
	check_linear("a.b.");
	check_linear("x@y.");
	check_linear("!\"");
}

static void test_ten_thousand_quotes_are_one_sentence(void **st)
{
	(void)st;
	size_t n = 10000;
	char *t = malloc(n + 1);
	memset(t, '"', n);
	t[n] = 0;
	cr_segmentation s = seg(t);
	assert_int_equal(s.ntokens, n);
	assert_int_equal(s.nsentences, 1);
	cr_segmentation_free(&s);
	/* and quotes after sentence ends */
	cr_buf b = { 0 };
	for (int i = 0; i < 10000; i++)
		cr_buf_puts(&b, "\"Go.\" ");
	s = seg(b.data);
	assert_int_equal(s.nsentences, 10000);   /* "Go." then an opening quote before a capital */
	cr_segmentation_free(&s);
	cr_buf_free(&b);
	free(t);
}

/* -------------------------------------------------------------- paragraphs */

static void test_blank_line_separates_paragraphs(void **st)
{
	(void)st;
	const char *t = "First paragraph here. Still first.\n\n\nSecond paragraph.";
	cr_segmentation s = seg(t);
	assert_int_equal(s.nparagraphs, 2);
	assert_true(span_is(t, s.paragraphs[0].start, s.paragraphs[0].end, "First paragraph here. Still first."));
	assert_true(span_is(t, s.paragraphs[1].start, s.paragraphs[1].end, "Second paragraph."));
	assert_int_equal(s.sentences[2].paragraph, 1);
	cr_segmentation_free(&s);
}

static void test_single_newline_ends_paragraph_in_news_text(void **st)
{
	(void)st;
	const char *t = "Russian Col. Gen. Mikhail Mizintsev has earned a nickname for the attack on the city.\n"
	                "Ukrainian officials claim that he orchestrated a similar attack in Syria.\n"
	                "RUSSIA INVADES UKRAINE: LIVE UPDATES\n"
	                "Mizintsev, 59, serves as the head of the National Centre for Defense Management.\n";
	cr_segmentation s = seg(t);
	assert_false(s.hard_wrapped);
	assert_int_equal(s.nparagraphs, 4);
	assert_int_equal(s.nsentences, 4);
	cr_segmentation_free(&s);
}

static const char *wrapped =
	"    The harbour authority said on Tuesday that traffic through\n"
	"the northern channel would stay closed until engineers had\n"
	"checked the damaged lock gates and cleared the approaches.\n"
	"    Shipping agents said the delay was expected to last weeks.\n"
	"    Cargo handled at the port fell 3.5 pct to 12.4 mln tonnes\n"
	"in the year to March, from 12.85 mln a year earlier. Agents\n"
	"said grain and coal accounted for most of the decline.\n";

static void test_hard_wrapped_text_reads_newline_as_space(void **st)
{
	(void)st;
	cr_segmentation s = seg(wrapped);
	assert_true(s.hard_wrapped);
	assert_int_equal(s.nparagraphs, 3);
	assert_int_equal(s.nsentences, 4);
	assert_int_equal(s.sentences[3].paragraph, 2);
	cr_segmentation_free(&s);
}

static void test_hard_wrapped_short_line_is_a_heading(void **st)
{
	(void)st;
	const char *t = "HARBOUR REVIEW\n"
	                "The harbour authority said on Tuesday that traffic through\n"
	                "the northern channel would stay closed until engineers had\n"
	                "checked the damaged lock gates and cleared the approaches\n"
	                "to the inner basin, where two dredgers were already at work.\n";
	cr_segmentation s = seg(t);
	assert_true(s.hard_wrapped);
	assert_int_equal(s.nparagraphs, 2);
	assert_true(span_is(t, s.sentences[0].start, s.sentences[0].end, "HARBOUR REVIEW"));
	cr_segmentation_free(&s);
}

static void test_forced_hard_wrap_joins_lines(void **st)
{
	(void)st;
	const char *t = "This is a sentence\ncut off in the middle because pdf.";
	cr_segmentation s = seg_opts(t, CR_WRAP_HARD);
	assert_int_equal(s.nsentences, 1);
	cr_segmentation_free(&s);
	s = seg_opts(t, CR_WRAP_LINES);
	assert_int_equal(s.nsentences, 2);
	cr_segmentation_free(&s);
}

static void test_errant_newline_after_space_is_inside_sentence(void **st)
{
	(void)st;
	expect_sentences("It was a cold \nnight in the city.", "It was a cold \nnight in the city.", NULL);
	expect_sentences("features\ncontact manager\nevents, activities\n", "features", "contact manager",
	                 "events, activities", NULL);
}

static void test_sentences_never_cross_paragraphs(void **st)
{
	(void)st;
	expect_sentences("He said it was Mr.\nSmith who left", "He said it was Mr.", "Smith who left", NULL);
}

static void test_headline_without_punctuation_is_its_own_sentence(void **st)
{
	(void)st;
	expect_sentences("Putin fires general\n\nVladimir Putin has fired the general.", "Putin fires general",
	                 "Vladimir Putin has fired the general.", NULL);
}

/* --------------------------------------------------------------- sentences */

static void test_titles_do_not_end_sentences(void **st)
{
	(void)st;
	expect_sentences("Russian Col. Gen. Mikhail Mizintsev spoke. Mr. Smith and Dr. Jones left.",
	                 "Russian Col. Gen. Mikhail Mizintsev spoke.", "Mr. Smith and Dr. Jones left.", NULL);
}

static void test_us_ends_sentence_only_before_a_sentence_starter(void **st)
{
	(void)st;
	expect_sentences("I live in the U.S. How about you?", "I live in the U.S.", "How about you?", NULL);
	expect_sentences("I work for the U.S. Government in Virginia.",
	                 "I work for the U.S. Government in Virginia.", NULL);
	expect_sentences("I have lived in the U.S. for 20 years.", "I have lived in the U.S. for 20 years.", NULL);
}

static void test_number_abbreviations_hold_before_numbers(void **st)
{
	(void)st;
	expect_sentences("He lives at No. 5 Downing Street. It was Jan. 5 when he came.",
	                 "He lives at No. 5 Downing Street.", "It was Jan. 5 when he came.", NULL);
	expect_sentences("The answer was no. Then he left.", "The answer was no.", "Then he left.", NULL);
}

static void test_initials_do_not_end_sentences(void **st)
{
	(void)st;
	expect_sentences("The book by J. R. R. Tolkien sold well. We make a good team, you and I. Did you see it?",
	                 "The book by J. R. R. Tolkien sold well.", "We make a good team, you and I.",
	                 "Did you see it?", NULL);
}

static void test_company_abbreviation_ends_sentence_before_capital(void **st)
{
	(void)st;
	expect_sentences("They closed the deal with Pitt, Briggs & Co. It closed yesterday.",
	                 "They closed the deal with Pitt, Briggs & Co.", "It closed yesterday.", NULL);
	expect_sentences("They closed the deal with Pitt, Briggs & Co. at noon.",
	                 "They closed the deal with Pitt, Briggs & Co. at noon.", NULL);
}

static void test_time_phrase_before_name_is_not_a_sentence(void **st)
{
	(void)st;
	expect_sentences("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went home.",
	                 "At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.",
	                 "Mr. Smith then went home.", NULL);
}

static void test_time_zone_after_pm_continues_sentence(void **st)
{
	(void)st;
	expect_sentences("The vote closes at 10 p.m. ET on Monday. Results follow.",
	                 "The vote closes at 10 p.m. ET on Monday.", "Results follow.", NULL);
}

static void test_decimals_are_not_boundaries(void **st)
{
	(void)st;
	expect_sentences("Profits jumped 76% to $1.13bn. Sales rose 2.5 times in 2004.",
	                 "Profits jumped 76% to $1.13bn.", "Sales rose 2.5 times in 2004.", NULL);
}

static void test_quotes_closing_after_full_stop_stay_with_sentence(void **st)
{
	(void)st;
	expect_sentences("He said: \"Remember him.\" She agreed.", "He said: \"Remember him.\"", "She agreed.", NULL);
	expect_sentences("“Why is he still serving?” he asked. Nobody knew.",
	                 "“Why is he still serving?” he asked.", "Nobody knew.", NULL);
	expect_sentences("They called it ‘savagery.’ The city fell.", "They called it ‘savagery.’", "The city fell.",
	                 NULL);
	expect_sentences("“Why is he still serving?” Nobody knew.", "“Why is he still serving?”", "Nobody knew.", NULL);
}

static void test_sentence_after_closing_quote_may_open_with_quote(void **st)
{
	(void)st;
	expect_sentences("It was over. \"We lost,\" he said.", "It was over.", "\"We lost,\" he said.", NULL);
}

static void test_exclamation_and_question_runs(void **st)
{
	(void)st;
	expect_sentences("Hello!? Is that you?", "Hello!?", "Is that you?", NULL);
	expect_sentences("She works at Yahoo! in the accounting department.",
	                 "She works at Yahoo! in the accounting department.", NULL);
}

static void test_ellipses(void **st)
{
	(void)st;
	expect_sentences("I never meant that.... She left the store.", "I never meant that....", "She left the store.",
	                 NULL);
	expect_sentences("I wasn’t really ... well, what I mean...see . . . what I mean.",
	                 "I wasn’t really ... well, what I mean...see . . . what I mean.", NULL);
	expect_sentences("\"Bohr [...] used the analogy [...]\" (Smith 55).",
	                 "\"Bohr [...] used the analogy [...]\" (Smith 55).", NULL);
	expect_sentences("It was over … Then it began.", "It was over …", "Then it began.", NULL);
}

static void test_list_items_are_sentences(void **st)
{
	(void)st;
	expect_sentences("1. The first item 2. The second item", "1. The first item", "2. The second item", NULL);
	expect_sentences("1) The first item. 2) The second item.", "1) The first item.", "2) The second item.", NULL);
	expect_sentences("a. The first item b. The second item c. The third", "a. The first item",
	                 "b. The second item", "c. The third", NULL);
	expect_sentences("• 9. The first item • 10. The second item", "• 9. The first item", "• 10. The second item",
	                 NULL);
}

static void test_list_number_out_of_sequence_does_not_split(void **st)
{
	(void)st;
	expect_sentences("1. We saw 3) options", "1. We saw 3) options", NULL);
}

static void test_parenthesis_inside_sentence(void **st)
{
	(void)st;
	expect_sentences("He teaches science (He worked as an engineer.) at the local University.",
	                 "He teaches science (He worked as an engineer.) at the local University.", NULL);
}

static void test_emails_and_urls_do_not_split(void **st)
{
	(void)st;
	expect_sentences("Her email is Jane.Doe@example.com. I sent her an email.",
	                 "Her email is Jane.Doe@example.com.", "I sent her an email.", NULL);
	expect_sentences("See https://www.example.50.com/new-site/a.html. Please check it out.",
	                 "See https://www.example.50.com/new-site/a.html.", "Please check it out.", NULL);
}

static void test_missing_space_between_sentences(void **st)
{
	(void)st;
	expect_sentences("Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.", "Hello world.",
	                 "Today is Tuesday.", "Mr. Smith bought 1,000.", "That is a lot.", NULL);
}

/* ------------------------------------------------------------------ tokens */

static void test_words_keep_internal_hyphens_and_apostrophes(void **st)
{
	(void)st;
	expect_tokens("The 59-year-old al-Assad ally O'Brien rock'n'roll", "The", "59-year-old", "al-Assad", "ally",
	              "O'Brien", "rock'n'roll", NULL);
	assert_int_equal(kind_of("a 59-year-old man", "59-year-old"), CR_TOK_WORD);
}

static void test_possessive_is_its_own_token(void **st)
{
	(void)st;
	expect_tokens("Russia’s war and JFK Jr.'s book, analysts' views", "Russia", "’s", "war", "and", "JFK", "Jr.",
	              "'s", "book", ",", "analysts", "'", "views", NULL);
}

static void test_clitics_split_as_in_conll(void **st)
{
	(void)st;
	expect_tokens("I'm sure they're fine, we've seen it and didn't know you'd come; can’t",
	              "I", "'m", "sure", "they", "'re", "fine", ",", "we", "'ve", "seen", "it", "and", "did", "n't",
	              "know", "you", "'d", "come", ";", "ca", "n’t", NULL);
}

static void test_numbers_keep_separators_but_not_spaces(void **st)
{
	(void)st;
	expect_tokens("1,640 and 2.5 or 23 000 at 10:30 on 2022-03-25 the 5th $1.13bn", "1,640", "and", "2.5", "or",
	              "23", "000", "at", "10:30", "on", "2022-03-25", "the", "5th", "$", "1.13bn", NULL);
	assert_int_equal(kind_of("about 1,640 people", "1,640"), CR_TOK_NUMBER);
	assert_int_equal(kind_of("bought 1,000.", "1,000"), CR_TOK_NUMBER);
}

static void test_abbreviations_keep_their_period(void **st)
{
	(void)st;
	expect_tokens("Col. Gen. Smith of the U.S. left at 5 p.m. today.", "Col.", "Gen.", "Smith", "of", "the", "U.S.",
	              "left", "at", "5", "p.m.", "today", ".", NULL);
	expect_tokens("He said no. The SEC. See No. 5", "He", "said", "no", ".", "The", "SEC", ".", "See", "No.", "5",
	              NULL);
}

static void test_punctuation_is_one_token_per_char_except_ellipsis(void **st)
{
	(void)st;
	expect_tokens("Wait...!? (\"no\") . . . end", "Wait", "...", "!", "?", "(", "\"", "no", "\"", ")", ". . .", "end",
	              NULL);
	assert_int_equal(kind_of("a ... b", "..."), CR_TOK_PUNCT);
	assert_int_equal(kind_of("cost $5", "$"), CR_TOK_SYMBOL);
	assert_int_equal(kind_of("it’s 5°", "°"), CR_TOK_SYMBOL);
}

static void test_url_and_email_are_one_token(void **st)
{
	(void)st;
	expect_tokens("(see https://example.com/a_b.html, or mail jane.doe@example.co.uk.)", "(", "see",
	              "https://example.com/a_b.html", ",", "or", "mail", "jane.doe@example.co.uk", ".", ")", NULL);
}

static void test_non_ascii_letters_make_words(void **st)
{
	(void)st;
	expect_tokens("Zürich’s café — naïve Київ", "Zürich", "’s", "café", "—", "naïve", "Київ", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_input_gives_nothing),
		cmocka_unit_test(test_text_too_long_for_32_bit_offsets_is_refused),
		cmocka_unit_test(test_only_whitespace_gives_nothing),
		cmocka_unit_test(test_invalid_utf8_bytes_are_symbols_inside_the_text),
		cmocka_unit_test(test_every_byte_value_is_segmented_without_overread),
		cmocka_unit_test(test_ten_megabyte_single_line_is_linear),
		cmocka_unit_test(test_ten_megabytes_without_spaces_is_linear),
		cmocka_unit_test(test_ten_thousand_quotes_are_one_sentence),
		cmocka_unit_test(test_blank_line_separates_paragraphs),
		cmocka_unit_test(test_single_newline_ends_paragraph_in_news_text),
		cmocka_unit_test(test_hard_wrapped_text_reads_newline_as_space),
		cmocka_unit_test(test_hard_wrapped_short_line_is_a_heading),
		cmocka_unit_test(test_forced_hard_wrap_joins_lines),
		cmocka_unit_test(test_errant_newline_after_space_is_inside_sentence),
		cmocka_unit_test(test_sentences_never_cross_paragraphs),
		cmocka_unit_test(test_headline_without_punctuation_is_its_own_sentence),
		cmocka_unit_test(test_titles_do_not_end_sentences),
		cmocka_unit_test(test_us_ends_sentence_only_before_a_sentence_starter),
		cmocka_unit_test(test_number_abbreviations_hold_before_numbers),
		cmocka_unit_test(test_initials_do_not_end_sentences),
		cmocka_unit_test(test_company_abbreviation_ends_sentence_before_capital),
		cmocka_unit_test(test_time_phrase_before_name_is_not_a_sentence),
		cmocka_unit_test(test_time_zone_after_pm_continues_sentence),
		cmocka_unit_test(test_decimals_are_not_boundaries),
		cmocka_unit_test(test_quotes_closing_after_full_stop_stay_with_sentence),
		cmocka_unit_test(test_sentence_after_closing_quote_may_open_with_quote),
		cmocka_unit_test(test_exclamation_and_question_runs),
		cmocka_unit_test(test_ellipses),
		cmocka_unit_test(test_list_items_are_sentences),
		cmocka_unit_test(test_list_number_out_of_sequence_does_not_split),
		cmocka_unit_test(test_parenthesis_inside_sentence),
		cmocka_unit_test(test_emails_and_urls_do_not_split),
		cmocka_unit_test(test_missing_space_between_sentences),
		cmocka_unit_test(test_words_keep_internal_hyphens_and_apostrophes),
		cmocka_unit_test(test_possessive_is_its_own_token),
		cmocka_unit_test(test_clitics_split_as_in_conll),
		cmocka_unit_test(test_numbers_keep_separators_but_not_spaces),
		cmocka_unit_test(test_abbreviations_keep_their_period),
		cmocka_unit_test(test_punctuation_is_one_token_per_char_except_ellipsis),
		cmocka_unit_test(test_url_and_email_are_one_token),
		cmocka_unit_test(test_non_ascii_letters_make_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
