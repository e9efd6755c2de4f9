/* test_translit.c: Russian and Ukrainian names in Cyrillic have the keys of
 * their Latin spellings (recognize/translit.h, namekey.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "recognize/namekey.h"
#include "recognize/translit.h"

static void key_is(const char *name, const char *want)
{
	char *k = cr_name_key(name, strlen(name), false);
	if (strcmp(k, want) != 0)
		fail_msg("key of '%s' is '%s', want '%s'", name, k, want);
	free(k);
}

static void test_russian_names_take_the_press_spelling_over_bgn(void **state)
{
	(void)state;
	key_is("Михаил Мизинцев", "mikhail mizintsev");
	key_is("МИХАИЛ МИЗИНЦЕВ", "mikhail mizintsev");
	key_is("Сергей Шойгу", "sergei shoigu");
	key_is("Алексей Навальный", "alexei navalny");   /* aleksei, then the first-name variants */
	key_is("Дмитрий Песков", "dmitry peskov");
	key_is("Евгений Пригожин", "yevgeny prigozhin");
	key_is("Юлия Навальная", "yulia navalnaya");
	key_is("Пётр Толстой", "pyotr tolstoy");
	key_is("Михаил Горбачёв", "mikhail gorbachev");
}

static void test_ukrainian_names_take_the_official_spelling(void **state)
{
	(void)state;
	key_is("Олександра Матвійчук", "oleksandra matviichuk");
	key_is("Володимир Зеленський", "volodymyr zelenskyy");
	key_is("Андрій Єрмак", "andrii yermak");
	key_is("Георгій Ґонґадзе", "heorhii gongadze");
	key_is("Юлія Тимошенко", "yuliia tymoshenko");
	key_is("Згурський", "zghurskyy");
}

static void test_latin_names_and_other_scripts_are_left_alone(void **state)
{
	(void)state;
	assert_null(cr_translit_name("Mikhail Mizintsev", 17));
	assert_false(cr_has_cyrillic("Erdoğan", strlen("Erdoğan")));
	assert_true(cr_has_cyrillic("Col Мизинцев", strlen("Col Мизинцев")));
	key_is("Mikhail Mizintsev", "mikhail mizintsev");
	key_is("Erdoğan", "erdogan");
	char *l = cr_translit_name("Мизинцев (Mizintsev)", strlen("Мизинцев (Mizintsev)"));
	assert_string_equal(l, "mizintsev (mizintsev)");
	free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_russian_names_take_the_press_spelling_over_bgn),
		cmocka_unit_test(test_ukrainian_names_take_the_official_spelling),
		cmocka_unit_test(test_latin_names_and_other_scripts_are_left_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
