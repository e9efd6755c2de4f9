/*
 * test_report.c: what each output format does with hostile article text —
 * control characters visible on a terminal and in Markdown, bidirectional
 * overrides too, markup and attribute quotes as character references in
 * HTML, spreadsheet formulas neutralised in CSV (the findings' table
 * too), ordinary text
 * (accents, quotes, tabs where kept) left as it is.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "report/report.h"

static void check(void (*esc)(cr_buf *, const char *, size_t), const char *in, const char *want)
{
	cr_buf b = {0};
	esc(&b, in, strlen(in));
	assert_string_equal(b.data ? b.data : "", want);
	cr_buf_free(&b);
}

static void term(cr_buf *b, const char *s, size_t n) { cr_escape_term(b, s, n, false); }
static void term_lines(cr_buf *b, const char *s, size_t n) { cr_escape_term(b, s, n, true); }

static void test_terminal_sees_no_control_character(void **state)
{
	(void)state;
	check(term, "red \033[31mtext\007", "red \\x1B[31mtext\\x07");
	check(term, "a\tb\nc\rd\x7f", "a\\x09b\\x0Ac\\x0Dd\\x7F");
	check(term_lines, "a\tb\nc\rd", "a\tb\nc\\x0Dd");
	check(term, "csi \xc2\x9b" "2J", "csi \\u009B2J");                    /* C1 CSI */
	check(term, "abc \xe2\x80\xae" "cba", "abc \\u202Ecba");               /* right-to-left override */
	check(term, "\xe2\x81\xa6x\xe2\x81\xa9", "\\u2066x\\u2069");          /* isolates */
	check(term, "Łódź — “quoted” é", "Łódź — “quoted” é");
}

static void test_markdown_escapes_markup_and_control_characters(void **state)
{
	(void)state;
	check(cr_escape_markdown, "a|b*c_d`e[f]g<h", "a\\|b\\*c\\_d\\`e\\[f\\]g\\<h");
	check(cr_escape_markdown, "line\nbreak\there\033]0;x\007", "line break\there\\x1B\\]0;x\\x07");
	check(cr_escape_markdown, "Mariupol's theatre", "Mariupol's theatre");
}

static void test_html_shows_markup_as_text(void **state)
{
	(void)state;
	check(cr_escape_html, "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
	check(cr_escape_html, "\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
	check(cr_escape_html, "Mariupol's A&E", "Mariupol&#39;s A&amp;E");
	check(cr_escape_html, "a\tb\nc\033[31m\xe2\x80\xae", "a\tb\nc\\x1B[31m\\u202E");
	check(cr_escape_html, "Łódź — “quoted”", "Łódź — “quoted”");
}

static void test_csv_cells_never_run_as_formulas(void **state)
{
	(void)state;
	check(cr_escape_csv, "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"");
	check(cr_escape_csv, "+1", "\"'+1\"");
	check(cr_escape_csv, "-2+3", "\"'-2+3\"");
	check(cr_escape_csv, "@SUM(A1)", "\"'@SUM(A1)\"");
	check(cr_escape_csv, "\tx", "\"'\tx\"");
	check(cr_escape_csv, "at least 300", "\"at least 300\"");
	check(cr_escape_csv, "", "\"\"");
}

/* The findings' table: every cell of article text (a subject's name or
 * label, an explanation quoting a value) that opens with = + - @ opens with
 * an apostrophe; ids, counts and predicates are written as they are. */
static void test_findings_csv_neutralises_every_text_cell(void **state)
{
	(void)state;
	char text[] = "Ivan Petrov, dubbed \"=HYPERLINK(\"\"http://evil.example\"\")\", ordered it.";
	cr_docinfo docs[1] = {{.id = 4, .text = text, .len = sizeof text - 1}};
	char name[] = "=HYPERLINK(\"http://evil.example\")", label[] = "@SUM(A1) attack", pred[] = "nickname";
	cr_gentity ents[1] = {{.name = name}};
	cr_gevent evs[1] = {{.label = label, .place = -1, .who = -1}};
	cr_claim claims[2] = {{.doc = 0, .subject_kind = CR_SUBJ_ENTITY, .subject = 0, .predicate = pred},
	                      {.doc = 0, .subject_kind = CR_SUBJ_EVENT, .subject = 0, .predicate = "killed"}};
	size_t both[2] = {0, 1}, one[1] = {1};
	char ex1[] = "=HYPERLINK(\"http://evil.example\") (d4)", ex2[] = "-5 (d4) vs +7 (d4)";
	cr_finding fs[2] = {{CR_F_SINGLE, CR_SUBJ_ENTITY, 0, pred, both, 2, 1, 1, ex1},
	                    {CR_F_CONFLICT, CR_SUBJ_EVENT, 0, "killed", one, 1, 1, 2, ex2}};
	cr_ledger l = {.docs = docs, .ndocs = 1, .entities = ents, .nentities = 1, .events = evs, .nevents = 1,
	               .claims = claims, .nclaims = 2, .findings = fs, .nfindings = 2};
	cr_buf b = {0};
	cr_report_findings_csv(&b, &l);
	assert_string_equal(b.data,
	                    "finding,kind,subject,subject_name,predicate,claims,documents,outlets,originators,explanation\n"
	                    "f1,single_source,e1,\"'=HYPERLINK(\"\"http://evil.example\"\")\",nickname,c1 c2,d4,1,1,"
	                    "\"'=HYPERLINK(\"\"http://evil.example\"\") (d4)\"\n"
	                    "f2,conflict,v1,\"'@SUM(A1) attack\",killed,c2,d4,1,2,\"'-5 (d4) vs +7 (d4)\"\n");
	cr_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terminal_sees_no_control_character),
		cmocka_unit_test(test_markdown_escapes_markup_and_control_characters),
		cmocka_unit_test(test_html_shows_markup_as_text),
		cmocka_unit_test(test_csv_cells_never_run_as_formulas),
		cmocka_unit_test(test_findings_csv_neutralises_every_text_cell),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
