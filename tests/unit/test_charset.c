/* Tests for src/ingest/charset.c: where the charset is read from and in
 * which order (byte-order mark, <meta>, the HTTP header, the detector),
 * what is left as it is (UTF-8 under any label, ASCII, binary), and a byte
 * that does not convert repaired with its offset. The legacy bytes are
 * written out here: KOI8-R 0xF0 and windows-1251 0xCF are both "П". */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ingest/charset.h"

#include <stdlib.h>
#include <string.h>

#define PE "\xD0\x9F"   /* П in UTF-8 */

/* Decodes s; returns the UTF-8 (NULL when left as it is) and fills *rep. The caller frees it. */
static char *decode(const char *s, bool html, const char *http, cr_charset_report *rep)
{
	char *out;
	size_t n;
	int rc = cr_charset_decode(&out, &n, s, strlen(s), html, http, rep);
	assert_int_equal(rc, out != NULL);
	if (out)
		assert_int_equal(strlen(out), n);
	return out;
}

static void test_meta_charset_is_read(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<html><head><meta charset='koi8-r'></head><body>\xF0</body>", true, NULL, &rep);
	assert_non_null(strstr(out, "<body>" PE "</body>"));
	assert_string_equal(rep.charset, "KOI8-R");
	assert_string_equal(rep.from, "<meta>");
	free(out);
}

static void test_http_equiv_content_type_is_read(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xCF", true,
	                   NULL, &rep);
	assert_non_null(strstr(out, "<p>" PE));
	assert_string_equal(rep.charset, "WINDOWS-1251");
	free(out);
}

static void test_a_commented_meta_is_not_read(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<!-- <meta charset=koi8-r> --><meta charset=windows-1251><p>\xCF", true, NULL, &rep);
	assert_string_equal(rep.charset, "WINDOWS-1251");
	free(out);
}

static void test_meta_goes_before_the_http_header(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<meta charset=windows-1251><p>\xCF", true, "text/html; charset=koi8-r", &rep);
	assert_string_equal(rep.charset, "WINDOWS-1251");
	free(out);
	out = decode("<p>\xF0 and more words</p>", true, "text/html; charset=\"KOI8-R\"", &rep);
	assert_string_equal(rep.from, "HTTP Content-Type");
	assert_non_null(strstr(out, PE));
	free(out);
}

static void test_meta_is_not_read_in_plain_text(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<meta charset=koi8-r> \xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0", false, NULL, &rep);
	assert_non_null(out);
	assert_string_equal(rep.from, "detector");
	free(out);
}

static void test_iso_8859_1_label_reads_as_windows_1252(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<meta charset=ISO-8859-1><p>\x93quoted\x94 caf\xE9", true, NULL, &rep);
	assert_non_null(strstr(out, "\xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9"));
	free(out);
}

static void test_utf8_is_left_as_it_is_under_any_label(void **state)
{
	(void)state;
	cr_charset_report rep;
	assert_null(decode("<meta charset=windows-1251><p>" PE "</p>", true, "text/html; charset=koi8-r", &rep));
	assert_null(decode("<meta charset=windows-1251><p>plain ASCII</p>", true, NULL, &rep));
	assert_null(decode("Already " PE " UTF-8", false, NULL, &rep));
	/* a UTF-8 byte-order mark is believed: a broken byte after it is repaired later, not reread */
	assert_null(decode("\xEF\xBB\xBF" "caf\xE9 cr\xE8" "me br\xFB" "l\xE9" "e", false, NULL, &rep));
}

static void test_seven_bit_iso_2022_jp_is_converted(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<meta charset=iso-2022-jp><p>\x1b$B$3$s\x1b(B</p>", true, NULL, &rep);
	assert_non_null(strstr(out, "<p>\xE3\x81\x93\xE3\x82\x93</p>"));
	free(out);
}

static void test_utf16_byte_order_marks(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out;
	size_t n;
	assert_int_equal(cr_charset_decode(&out, &n, "\xFF\xFEH\0i\0\x1F\x04", 8, false, NULL, &rep), 1);
	assert_string_equal(out, "Hi" PE);
	free(out);
	assert_int_equal(cr_charset_decode(&out, &n, "\xFE\xFF\0H\x04\x1F", 6, false, NULL, &rep), 1);
	assert_string_equal(out, "H" PE);
	free(out);
	/* a UTF-16 label with no mark is passed over, as browsers do */
	assert_null(decode("<meta charset=utf-16><p>ASCII</p>", true, NULL, &rep));
}

static void test_unconvertible_byte_is_repaired_with_its_offset(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<meta charset=windows-1251>\xCF\x98\xCF", true, NULL, &rep);
	assert_non_null(strstr(out, PE "\xEF\xBF\xBD" PE));
	assert_int_equal(rep.bad, 1);
	assert_int_equal(rep.first_bad, 28);
	free(out);
	/* an incomplete Shift-JIS pair at the end */
	out = decode("\x82\xA0\x82\xA2\x82", false, "text/plain; charset=shift_jis", &rep);
	assert_non_null(out);
	assert_int_equal(rep.bad, 1);
	assert_int_equal(rep.first_bad, 4);
	free(out);
}

static void test_binary_and_mostly_utf8_are_left_as_they_are(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out;
	size_t n;
	assert_int_equal(cr_charset_decode(&out, &n, "\xCF\0\xF0\0", 4, false, NULL, &rep), 0);
	assert_null(out);
	/* a UTF-8 text with one broken byte is repaired later, not reread as a legacy charset */
	assert_null(decode("Mizintsev " PE PE " said \xA3 " PE, false, NULL, &rep));
}

static void test_unknown_label_is_named_and_passed_over(void **state)
{
	(void)state;
	cr_charset_report rep;
	char *out = decode("<meta charset=x-nothing><p>\xF0", true, "text/html; charset=koi8-r", &rep);
	assert_string_equal(rep.ignored, "x-nothing");
	assert_string_equal(rep.charset, "KOI8-R");
	free(out);
}

static void test_iconv_output_is_checked_not_trusted(void **state)
{
	(void)state;
	cr_charset_report rep;
	/* glibc reads "internal" (UCS-4) into six-byte sequences past U+10FFFF: passed over */
	char *out = decode("<meta charset=internal><p>\xA0\xA1\xA2 x", true, NULL, &rep);
	assert_string_equal(rep.ignored, "internal");
	assert_string_equal(rep.from, "detector");
	free(out);
	/* and a UCS-4 label without a mark is never tried (found by fuzz_charset) */
	out = decode("<p>\xA0\xA1\xA2 x", true, "text/html; charset='ucs-4'", &rep);
	assert_string_equal(rep.ignored, "");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meta_charset_is_read),
		cmocka_unit_test(test_http_equiv_content_type_is_read),
		cmocka_unit_test(test_a_commented_meta_is_not_read),
		cmocka_unit_test(test_meta_goes_before_the_http_header),
		cmocka_unit_test(test_meta_is_not_read_in_plain_text),
		cmocka_unit_test(test_iso_8859_1_label_reads_as_windows_1252),
		cmocka_unit_test(test_utf8_is_left_as_it_is_under_any_label),
		cmocka_unit_test(test_seven_bit_iso_2022_jp_is_converted),
		cmocka_unit_test(test_utf16_byte_order_marks),
		cmocka_unit_test(test_unconvertible_byte_is_repaired_with_its_offset),
		cmocka_unit_test(test_binary_and_mostly_utf8_are_left_as_they_are),
		cmocka_unit_test(test_unknown_label_is_named_and_passed_over),
		cmocka_unit_test(test_iconv_output_is_checked_not_trusted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
