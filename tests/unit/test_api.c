/*
 * test_api.c: the public interface (include/corrob.h) — one article in, its
 * claims out as JSON; bad input refused with a message.
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
	assert_int_equal(corrob_extract(&json, x, text, strlen(text), err, sizeof err), 0);
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

static void test_empty_text_is_refused_with_a_message(void **state)
{
	(void)state;
	corrob_extractor *x = corrob_extractor_new();
	char *json = (char *)"untouched", err[128];
	assert_int_equal(corrob_extract(&json, x, "   ", 3, err, sizeof err), -1);
	assert_null(json);
	assert_non_null(strstr(err, "empty"));
	corrob_extractor_free(x);
	assert_non_null(strstr(corrob_version(), "corrob "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_an_article_gives_its_claims_as_json),
		cmocka_unit_test(test_empty_text_is_refused_with_a_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
