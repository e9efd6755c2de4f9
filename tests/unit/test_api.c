/*
 * test_api.c: the public interface (include/corrob.h) — one article in, its
 * claims out as JSON; its metadata from header lines or from options; bad
 * input and bad options refused with a status and a message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "corrob.h"

static void test_an_article_gives_its_claims_as_json(void **state)
{
	(void)state;
	corrob_extractor *x = corrob_extractor_new();
	assert_non_null(x);
	const char *text = "date 2021-06-02\nOn 1 June, an airstrike hit a school in Idlib, killing at least five people.";
	char *json, err[128];
	assert_int_equal(corrob_extract(&json, x, text, strlen(text), NULL, err, sizeof err), CORROB_OK);
	json_error_t je;
	json_t *root = json_loads(json, 0, &je);
	assert_non_null(root);
	json_t *claims = json_object_get(root, "claims");
	bool killed = false;
	size_t i;
	json_t *c;
	json_array_foreach(claims, i, c) {
		if (strcmp(json_string_value(json_object_get(c, "predicate")), "killed") == 0) {
			json_t *num = json_object_get(json_object_get(c, "value"), "number");
			killed = json_integer_value(json_object_get(num, "low")) == 5 && json_is_null(json_object_get(num, "high"));
		}
	}
	assert_true(killed);
	json_t *pub = json_object_get(json_object_get(root, "document"), "published");
	assert_string_equal(json_string_value(json_object_get(pub, "value")), "2021-06-02");
	json_decref(root);
	free(json);
	corrob_extractor_free(x);
}

/* A Russian article: its language named, nothing read by the English stages. */
static void test_an_article_not_in_english_names_its_language_and_no_claims(void **state)
{
	(void)state;
	corrob_extractor *x = corrob_extractor_new();
	assert_non_null(x);
	const char *text = "date 2022-03-17\nАвиаудар по драматическому театру в Мариуполе 16 марта убил около 300 человек, "
	                   "сообщили городские власти. В театре укрывались сотни мирных жителей, в том числе дети.";
	char *json, err[128];
	assert_int_equal(corrob_extract(&json, x, text, strlen(text), NULL, err, sizeof err), CORROB_OK);
	json_error_t je;
	json_t *root = json_loads(json, 0, &je);
	assert_non_null(root);
	json_t *doc = json_object_get(root, "document");
	assert_string_equal(json_string_value(json_object_get(doc, "language")), "ru");
	assert_int_equal(json_array_size(json_object_get(root, "claims")), 0);
	assert_int_equal(json_array_size(json_object_get(root, "entities")), 0);
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "published"), "value")), "2022-03-17");
	json_decref(root);
	free(json);
	corrob_extractor_free(x);
}

static void test_empty_text_is_refused_with_a_message(void **state)
{
	(void)state;
	corrob_extractor *x = corrob_extractor_new();
	char *json = (char *)"untouched", err[128];
	assert_int_equal(corrob_extract(&json, x, "   ", 3, NULL, err, sizeof err), CORROB_ERR_INPUT);
	assert_null(json);
	assert_non_null(strstr(err, "empty"));
	corrob_options opt = CORROB_OPTIONS_INIT;
	json = (char *)"untouched";
	assert_int_equal(corrob_extract(&json, x, "", 0, &opt, err, sizeof err), CORROB_ERR_INPUT);
	assert_null(json);
	assert_string_equal(corrob_status_name(CORROB_ERR_INPUT), "unreadable input");
	corrob_extractor_free(x);
	assert_non_null(strstr(corrob_version(), "corrob "));
}

static json_t *document_of(const corrob_extractor *x, const char *text, const corrob_options *opt)
{
	char *json, err[128];
	assert_int_equal(corrob_extract(&json, x, text, strlen(text), opt, err, sizeof err), CORROB_OK);
	json_error_t je;
	json_t *root = json_loads(json, 0, &je);
	free(json);
	assert_non_null(root);
	json_t *doc = json_incref(json_object_get(root, "document"));
	json_decref(root);
	return doc;
}

static void test_options_give_the_metadata_and_the_text_is_the_body(void **state)
{
	(void)state;
	corrob_extractor *x = corrob_extractor_new();
	corrob_options opt = CORROB_OPTIONS_INIT;
	opt.published = "2021-06-02T09:30:00Z";
	opt.url = "https://news.example.co.uk/world/1";
	opt.title = "Strike on a school";
	const char *text = "date 2019-01-01\nOn 1 June, an airstrike hit a school in Idlib.";
	json_t *doc = document_of(x, text, &opt);
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "published"), "value")), "2021-06-02");
	assert_string_equal(json_string_value(json_object_get(doc, "path")), opt.url);
	assert_string_equal(json_string_value(json_object_get(doc, "title")), opt.title);
	/* no outlet given: the URL's site */
	assert_string_equal(json_string_value(json_object_get(doc, "outlet")), "example.co.uk");
	json_decref(doc);
	/* an outlet given is kept */
	opt.outlet = "Example News";
	doc = document_of(x, text, &opt);
	assert_string_equal(json_string_value(json_object_get(doc, "outlet")), "Example News");
	json_decref(doc);
	/* without options the header line is the date */
	doc = document_of(x, text, NULL);
	assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "published"), "value")), "2019-01-01");
	json_decref(doc);
	corrob_extractor_free(x);
}

static void test_bad_options_are_refused(void **state)
{
	(void)state;
	corrob_extractor *x = corrob_extractor_new();
	const char *text = "An airstrike hit a school in Idlib.";
	char *json = (char *)"untouched", err[128];
	corrob_options opt = CORROB_OPTIONS_INIT;
	opt.published = "June 2, 2021";
	assert_int_equal(corrob_extract(&json, x, text, strlen(text), &opt, err, sizeof err), CORROB_ERR_OPTION);
	assert_null(json);
	assert_non_null(strstr(err, "YYYY-MM-DD"));
	opt.published = NULL;
	opt.version = CORROB_OPTIONS_VERSION + 1;
	assert_int_equal(corrob_extract(&json, x, text, strlen(text), &opt, err, sizeof err), CORROB_ERR_ARGUMENT);
	assert_non_null(strstr(err, "version"));
	assert_int_equal(corrob_extract(&json, NULL, text, strlen(text), NULL, err, sizeof err), CORROB_ERR_ARGUMENT);
	/* a small message buffer is cut, not overrun */
	char small[4];
	assert_int_equal(corrob_extract(&json, x, "", 0, NULL, small, sizeof small), CORROB_ERR_INPUT);
	assert_int_equal(strlen(small), 3);
	corrob_extractor_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_article_gives_its_claims_as_json),
		cmocka_unit_test(test_an_article_not_in_english_names_its_language_and_no_claims),
		cmocka_unit_test(test_empty_text_is_refused_with_a_message),
		cmocka_unit_test(test_options_give_the_metadata_and_the_text_is_the_body),
		cmocka_unit_test(test_bad_options_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
