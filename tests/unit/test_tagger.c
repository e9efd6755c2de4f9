/* test_tagger: word shapes, features, Viterbi, the model file and the built-in model. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "recognize/tagger.h"

#define NL CR_TAGGER_NLABELS

/* Splits s on spaces into spans (at most max). */
static size_t split(cr_span *sp, size_t max, const char *s)
{
	size_t n = 0, i = 0, len = strlen(s);
	while (i < len && n < max) {
		while (i < len && s[i] == ' ')
			i++;
		if (i == len)
			break;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		sp[n].start = (uint32_t)st;
		sp[n].end = (uint32_t)i;
		n++;
	}
	return n;
}

static void test_shape_keeps_initials_and_cuts_long_runs(void **state)
{
	(void)state;
	char sh[32];
	cr_tagger_shape(sh, sizeof sh, "U.S.", 4);
	assert_string_equal(sh, "X.X.");
	cr_tagger_shape(sh, sizeof sh, "Kyiv", 4);
	assert_string_equal(sh, "Xxxx");
	cr_tagger_shape(sh, sizeof sh, "Washington", 10);
	assert_string_equal(sh, "Xxxxx");
	cr_tagger_shape(sh, sizeof sh, "12-15", 5);
	assert_string_equal(sh, "dd-dd");
	cr_tagger_shape(sh, sizeof sh, "Zürich", strlen("Zürich"));
	assert_string_equal(sh, "Xxxxx");
	cr_tagger_shape(sh, sizeof sh, "ÖBB", strlen("ÖBB"));
	assert_string_equal(sh, "XXX");
	cr_tagger_short_shape(sh, sizeof sh, "Washington", 10);
	assert_string_equal(sh, "Xx");
	cr_tagger_short_shape(sh, sizeof sh, "1,500", 5);
	assert_string_equal(sh, "d,d");
}

static void features_of(uint32_t *f, const char *s)
{
	cr_span sp[16];
	const char *w[16];
	size_t l[16];
	size_t n = split(sp, 16, s);
	for (size_t i = 0; i < n; i++)
		w[i] = s + sp[i].start, l[i] = sp[i].end - sp[i].start;
	cr_tagger_features(f, w, l, n);
}

static void test_features_fold_case_digits_and_curly_quotes(void **state)
{
	(void)state;
	uint32_t a[3 * CR_TAGGER_NFEAT], b[3 * CR_TAGGER_NFEAT];
	/* Case changes the word feature but not the lower-case one. */
	features_of(a, "he met Paris");
	features_of(b, "he met paris");
	int same = 0, diff = 0;
	for (int k = 0; k < CR_TAGGER_NFEAT; k++) {
		same += a[2 * CR_TAGGER_NFEAT + k] == b[2 * CR_TAGGER_NFEAT + k];
		diff += a[2 * CR_TAGGER_NFEAT + k] != b[2 * CR_TAGGER_NFEAT + k];
	}
	assert_true(same > 0);
	assert_true(diff > 0);
	/* Digits map to 0 and a curly apostrophe to ASCII: identical features. */
	features_of(a, "in 1996 O\xe2\x80\x99" "Brien");
	features_of(b, "in 2023 O'Brien");
	assert_memory_equal(a, b, sizeof a);
}

static void test_title_word_before_adds_a_feature(void **state)
{
	(void)state;
	uint32_t a[2 * CR_TAGGER_NFEAT], b[2 * CR_TAGGER_NFEAT];
	features_of(a, "General Smith");
	features_of(b, "Garden Smith");
	int nofeat_a = 0, nofeat_b = 0;
	for (int k = 0; k < CR_TAGGER_NFEAT; k++) {
		nofeat_a += a[CR_TAGGER_NFEAT + k] == CR_TAGGER_NOFEAT;
		nofeat_b += b[CR_TAGGER_NFEAT + k] == CR_TAGGER_NOFEAT;
	}
	assert_true(nofeat_a < nofeat_b);
}

static void test_viterbi_never_starts_a_name_with_I(void **state)
{
	(void)state;
	float emit[2 * NL] = {0}, trans[(NL + 1) * NL] = {0};
	emit[2] = 5;            /* word 0: I-PER scores best alone */
	emit[1] = 1;            /* ... B-PER second */
	emit[NL + 2] = 5;       /* word 1: I-PER */
	uint8_t tags[2];
	cr_tagger_viterbi(tags, emit, trans, 2);
	assert_int_equal(tags[0], 1);
	assert_int_equal(tags[1], 2);
	/* I-ORG may not follow B-PER even when it scores best. */
	memset(emit, 0, sizeof emit);
	emit[1] = 3;
	emit[3] = -10;          /* B-ORG I-ORG scores -5 */
	emit[NL + 4] = 5;
	emit[NL + 0] = 1;
	cr_tagger_viterbi(tags, emit, trans, 2);
	assert_int_equal(tags[0], 1);
	assert_int_equal(tags[1], 0);
}

static void test_viterbi_uses_transitions(void **state)
{
	(void)state;
	float emit[2 * NL] = {0}, trans[(NL + 1) * NL] = {0};
	emit[0] = 1;                /* word 0: O slightly better than B-LOC */
	emit[5] = 0.5f;
	emit[NL + 6] = 3;           /* word 1: I-LOC strongly */
	emit[NL + 0] = 2.9f;
	uint8_t tags[2];
	cr_tagger_viterbi(tags, emit, trans, 2);   /* O O 3.9 beats B-LOC I-LOC 3.5 */
	assert_int_equal(tags[0], 0);
	assert_int_equal(tags[1], 0);
	trans[5 * NL + 6] = 1;                     /* now B-LOC I-LOC scores 4.5 */
	cr_tagger_viterbi(tags, emit, trans, 2);
	assert_int_equal(tags[0], 5);
	assert_int_equal(tags[1], 6);
}

/* A tiny hand-made model: every feature of "Zorblat" votes B-PER, of "said" O. */
static cr_buf tiny_model(void)
{
	unsigned bits = 10;
	size_t rows = (size_t)1 << bits;
	float *w = calloc(rows * NL, sizeof *w), trans[(NL + 1) * NL] = {0};
	uint32_t f[2 * CR_TAGGER_NFEAT];
	features_of(f, "Zorblat said");
	for (int k = 0; k < CR_TAGGER_NFEAT; k++) {
		if (f[k] != CR_TAGGER_NOFEAT)
			w[(f[k] & (rows - 1)) * NL + 1] += 1;
		if (f[CR_TAGGER_NFEAT + k] != CR_TAGGER_NOFEAT)
			w[(f[CR_TAGGER_NFEAT + k] & (rows - 1)) * NL + 0] += 1;
	}
	cr_buf b = {0};
	cr_tagger_write_model(&b, bits, 0, 1.0f, trans, w);
	free(w);
	return b;
}

static void test_tiny_model_round_trips_and_tags(void **state)
{
	(void)state;
	cr_buf b = tiny_model();
	void *mem = malloc(b.len);   /* malloc'd: aligned */
	memcpy(mem, b.data, b.len);
	cr_tagger *t;
	char err[200];
	assert_int_equal(cr_tagger_load(&t, mem, b.len, err, sizeof err), 0);
	const char *text = "Zorblat said";
	cr_span sp[2];
	size_t n = split(sp, 2, text);
	cr_name *names = NULL;
	size_t nn = 0;
	assert_int_equal(cr_tagger_names(&names, &nn, t, text, sp, n), 0);
	assert_int_equal(nn, 1);
	assert_int_equal(names[0].type, CR_ENT_PER);
	assert_int_equal(names[0].start, 0);
	assert_int_equal(names[0].end, 7);
	assert_true(names[0].score > 0.5f && names[0].score <= 1.0f);
	free(names);
	cr_tagger_free(t);
	free(mem);
	cr_buf_free(&b);
}

static void test_load_rejects_bad_magic_version_and_truncation(void **state)
{
	(void)state;
	cr_buf b = tiny_model();
	char *mem = malloc(b.len);
	cr_tagger *t = (cr_tagger *)&t;
	char err[200];
	memcpy(mem, b.data, b.len);
	mem[0] = 'X';
	assert_true(cr_tagger_load(&t, mem, b.len, err, sizeof err) < 0);
	assert_null(t);
	assert_non_null(strstr(err, "magic"));

	memcpy(mem, b.data, b.len);
	mem[8] = 99;
	assert_true(cr_tagger_load(&t, mem, b.len, err, sizeof err) < 0);
	assert_non_null(strstr(err, "version"));

	memcpy(mem, b.data, b.len);
	assert_true(cr_tagger_load(&t, mem, b.len - 2, err, sizeof err) < 0);
	assert_non_null(strstr(err, "truncated"));
	assert_true(cr_tagger_load(&t, mem, 100, err, sizeof err) < 0);

	assert_int_equal(cr_tagger_load(&t, mem, b.len, err, sizeof err), 0);
	cr_tagger_free(t);
	free(mem);
	cr_buf_free(&b);
}

static size_t names_of(cr_name **names, const char *text)
{
	const cr_tagger *t = cr_tagger_default();
	assert_non_null(t);
	cr_span sp[64];
	size_t n = split(sp, 64, text), nn = 0;
	*names = NULL;
	assert_int_equal(cr_tagger_names(names, &nn, t, text, sp, n), 0);
	return nn;
}

static bool has_name(const cr_name *names, size_t nn, const char *text, const char *want, cr_ent_type type)
{
	for (size_t i = 0; i < nn; i++)
		if (names[i].type == type && names[i].end - names[i].start == strlen(want) &&
		    memcmp(text + names[i].start, want, strlen(want)) == 0)
			return true;
	return false;
}

static void test_default_model_finds_person_after_military_title(void **state)
{
	(void)state;
	const char *text = "Colonel-General Ivan Petrov said on Monday that the offensive would continue .";
	cr_name *names;
	size_t nn = names_of(&names, text);
	assert_true(has_name(names, nn, text, "Ivan Petrov", CR_ENT_PER));
	free(names);
}

static void test_default_model_finds_world_health_organization(void **state)
{
	(void)state;
	const char *text = "The warning came from the World Health Organization , which said cases were rising .";
	cr_name *names;
	size_t nn = names_of(&names, text);
	assert_true(has_name(names, nn, text, "World Health Organization", CR_ENT_ORG));
	free(names);
}

static void test_default_model_finds_unlisted_person_and_place(void **state)
{
	(void)state;
	/* Neither name is in any gazetteer. */
	const char *text = "Mrs Okonkwo-Baranova travelled to Velikodnar on Tuesday , officials said .";
	cr_name *names;
	size_t nn = names_of(&names, text);
	assert_true(has_name(names, nn, text, "Okonkwo-Baranova", CR_ENT_PER));
	assert_false(has_name(names, nn, text, "Tuesday", CR_ENT_LOC));
	free(names);
}

static void test_title_is_left_out_of_person_and_possessive_out_of_name(void **state)
{
	(void)state;
	const char *text = "Critics said Mr Halvorsen ignored Norway's warnings .";
	cr_name *names;
	size_t nn = names_of(&names, text);
	assert_true(has_name(names, nn, text, "Halvorsen", CR_ENT_PER));
	assert_false(has_name(names, nn, text, "Mr Halvorsen", CR_ENT_PER));
	assert_true(has_name(names, nn, text, "Norway", CR_ENT_LOC));
	free(names);
}

static void test_title_case_headline_keeps_common_words_out(void **state)
{
	(void)state;
	const char *text = "Rebel Forces Seize Key Town Near Syrian Border";
	cr_name *names;
	size_t nn = names_of(&names, text);
	assert_true(has_name(names, nn, text, "Syrian", CR_ENT_MISC));
	/* No name covers the verb "Seize" or the common noun "Town". */
	size_t seize = (size_t)(strstr(text, "Seize") - text), town = (size_t)(strstr(text, "Town") - text);
	for (size_t i = 0; i < nn; i++) {
		assert_false(names[i].start <= seize && seize < names[i].end);
		assert_false(names[i].start <= town && town < names[i].end);
	}
	free(names);
}

static void test_doc_names_index_tokens_across_sentences(void **state)
{
	(void)state;
	const char *text = "Shares fell on Monday . Analysts at Kelderwick Capital in Toronto said the fall was brief .";
	cr_span sp[32];
	size_t n = split(sp, 32, text);
	cr_span sents[2] = {{0, 5}, {5, (uint32_t)n}};
	cr_name *names = NULL;
	size_t nn = 0;
	const cr_tagger *t = cr_tagger_default();
	assert_non_null(t);
	assert_int_equal(cr_tagger_doc_names(&names, &nn, t, text, sp, n, sents, 2), 0);
	assert_true(has_name(names, nn, text, "Toronto", CR_ENT_LOC));
	for (size_t i = 0; i < nn; i++) {
		/* first_token indexes the document's tokens; the bytes match the tokens */
		assert_int_equal(names[i].start, sp[names[i].first_token].start);
		assert_int_equal(names[i].end, sp[names[i].first_token + names[i].ntokens - 1].end);
		assert_true(names[i].first_token >= 5);
	}
	/* A sentence range past the tokens is refused. */
	cr_span bad[1] = {{0, (uint32_t)n + 1}};
	assert_int_equal(cr_tagger_doc_names(&names, &nn, t, text, sp, n, bad, 1), -1);
	free(names);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape_keeps_initials_and_cuts_long_runs),
		cmocka_unit_test(test_features_fold_case_digits_and_curly_quotes),
		cmocka_unit_test(test_title_word_before_adds_a_feature),
		cmocka_unit_test(test_viterbi_never_starts_a_name_with_I),
		cmocka_unit_test(test_viterbi_uses_transitions),
		cmocka_unit_test(test_tiny_model_round_trips_and_tags),
		cmocka_unit_test(test_load_rejects_bad_magic_version_and_truncation),
		cmocka_unit_test(test_default_model_finds_person_after_military_title),
		cmocka_unit_test(test_default_model_finds_world_health_organization),
		cmocka_unit_test(test_default_model_finds_unlisted_person_and_place),
		cmocka_unit_test(test_title_is_left_out_of_person_and_possessive_out_of_name),
		cmocka_unit_test(test_title_case_headline_keeps_common_words_out),
		cmocka_unit_test(test_doc_names_index_tokens_across_sentences),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
