/*
 * test_coref.c: the coreference metrics (tools/eval/coref.c) against the
 * test cases of the CoNLL reference scorer (conll/reference-coreference-
 * scorers, test/TestCases.README and CorefMetricTestConfig.pm: key
 * {a} {bc} {def} and responses TC-A-1 to TC-A-11), whose expected values
 * are written there as fractions.
 *
 * A partition is written as the test cases write it: each {...} a cluster,
 * each letter a mention. A capital letter is another mention than its small
 * one (an overlapping span), except in the de-duplication cases, which list
 * the same mention twice.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "eval/coref.h"

#define EPS 1e-9

/* "{a} {bc}" -> items; `dup` lists the letters that stand for an earlier
 * mention ("B" for "b"). */
static size_t parse(coref_item *out, const char *s, const char *dup)
{
	size_t n = 0, cluster = 0;
	for (const char *p = s; *p; p++) {
		if (*p == '{')
			cluster++;
		else if (*p != '}' && *p != ' ') {
			char m = *p;
			if (dup && strchr(dup, m))
				m = (char)(m - 'A' + 'a');
			out[n++] = (coref_item){(uint64_t)(unsigned char)m, cluster};
		}
	}
	return n;
}

static coref_result score(const char *key, const char *rsp, const char *dup)
{
	coref_item k[64], r[64];
	size_t nk = parse(k, key, NULL), nr = parse(r, rsp, dup);
	coref_result out;
	coref_evaluate(&out, k, nk, r, nr);
	return out;
}

#define KEY_A "{a} {bc} {def}"

static void expect(coref_score s, double recall, double precision)
{
	assert_float_equal(coref_recall(s), recall, EPS);
	assert_float_equal(coref_precision(s), precision, EPS);
}

static void test_coref_perfect_response_scores_one(void **state)
{
	(void)state;
	coref_result r = score(KEY_A, "{a} {bc} {def}", NULL);
	expect(r.muc, 1, 1);
	expect(r.b3, 1, 1);
	expect(r.ceafe, 1, 1);
	assert_float_equal(r.conll, 1, EPS);
}

static void test_coref_missing_mentions_lower_recall_only(void **state)
{
	(void)state;
	coref_result r = score(KEY_A, "{a} {de}", NULL);   /* TC-A-2 */
	expect(r.muc, 1.0 / 3, 1);
	expect(r.b3, 7.0 / 18, 1);
	expect(r.ceafe, 0.6, 0.9);
	assert_float_equal(coref_f1(r.b3), 14.0 / 25, EPS);
	assert_int_equal(r.matched_mentions, 3);
}

static void test_coref_false_alarms_lower_precision_only(void **state)
{
	(void)state;
	coref_result r = score(KEY_A, "{a} {bcx} {defy} {z}", NULL);   /* TC-A-3 */
	expect(r.muc, 1, 3.0 / 5);
	expect(r.b3, 1, (4 + 7.0 / 12) / 9);
	double phi = 1 + 4.0 / 5 + 6.0 / 7;
	expect(r.ceafe, phi / 3, phi / 4);
}

static void test_coref_missing_and_false_alarm_mentions(void **state)
{
	(void)state;
	coref_result r = score(KEY_A, "{a} {bcx} {dy} {z}", NULL);   /* TC-A-4 */
	expect(r.muc, 1.0 / 3, 1.0 / 3);
	expect(r.b3, (3 + 1.0 / 3) / 6, (1 + 4.0 / 3 + 1.0 / 2) / 7);
	double phi = 1 + 4.0 / 5 + 2.0 / 5;
	expect(r.ceafe, phi / 3, phi / 4);
}

static void test_coref_overlapping_mention_is_another_mention(void **state)
{
	(void)state;
	coref_result r = score(KEY_A, "{a} {bcxB} {dy} {z}", NULL);   /* TC-A-5 */
	expect(r.muc, 1.0 / 3, 1.0 / 4);
	expect(r.b3, (3 + 1.0 / 3) / 6, 2.5 / 8);
	double phi = 1 + 4.0 / 6 + 2.0 / 5;
	expect(r.ceafe, phi / 3, phi / 4);
}

static void test_coref_duplicate_mention_counts_once(void **state)
{
	(void)state;
	/* TC-A-7 (the duplicate in the same cluster) and TC-A-8 (in another):
	 * both score as TC-A-4, the first listing counting */
	const char *cases[] = {"{a} {bcxB} {dy} {z}", "{a} {bcx} {dy} {Bz}"};
	for (int i = 0; i < 2; i++) {
		coref_result r = score(KEY_A, cases[i], "B");
		expect(r.muc, 1.0 / 3, 1.0 / 3);
		expect(r.b3, (10.0 / 3) / 6, (1 + 4.0 / 3 + 1.0 / 2) / 7);
		expect(r.ceafe, 11.0 / 15, 11.0 / 20);
	}
}

static void test_coref_all_singletons_and_one_cluster(void **state)
{
	(void)state;
	coref_result r = score(KEY_A, "{a} {b} {c} {d} {e} {f}", NULL);   /* TC-A-10 */
	expect(r.muc, 0, 0);
	expect(r.b3, 3.0 / 6, 1);
	assert_float_equal(coref_f1(r.b3), 2.0 / 3, EPS);
	r = score(KEY_A, "{abcdef}", NULL);   /* TC-A-11 */
	expect(r.muc, 1, 3.0 / 5);
	expect(r.b3, 1, (1.0 / 6 + 2 * 2.0 / 6 + 3 * 3.0 / 6) / 6);
	assert_float_equal(coref_f1(r.b3), 14.0 / 25, EPS);
}

static void test_coref_alignment_is_one_to_one_and_optimal(void **state)
{
	(void)state;
	/* phi4: {abcd}-{abce} 6/8, {abcd}-{d} 2/5, {e}-{abce} 2/5, {e}-{d} 0.
	 * Taking the best pair first gives 0.75; the optimum, 0.8, pairs across. */
	coref_result r = score("{abcd} {e}", "{abce} {d}", NULL);
	expect(r.ceafe, 0.8 / 2, 0.8 / 2);
}

static void test_coref_empty_partitions_score_zero(void **state)
{
	(void)state;
	coref_result r;
	coref_evaluate(&r, NULL, 0, NULL, 0);
	assert_float_equal(r.conll, 0, EPS);
	coref_item k[] = {{1, 1}, {2, 1}};
	coref_evaluate(&r, k, 2, NULL, 0);
	expect(r.muc, 0, 0);
	expect(r.b3, 0, 0);
	assert_int_equal(r.key_mentions, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coref_perfect_response_scores_one),
		cmocka_unit_test(test_coref_missing_mentions_lower_recall_only),
		cmocka_unit_test(test_coref_false_alarms_lower_precision_only),
		cmocka_unit_test(test_coref_missing_and_false_alarm_mentions),
		cmocka_unit_test(test_coref_overlapping_mention_is_another_mention),
		cmocka_unit_test(test_coref_duplicate_mention_counts_once),
		cmocka_unit_test(test_coref_all_singletons_and_one_cluster),
		cmocka_unit_test(test_coref_alignment_is_one_to_one_and_optimal),
		cmocka_unit_test(test_coref_empty_partitions_score_zero),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
