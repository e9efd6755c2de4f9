/*
 * escape.c: what each output format does with text from the articles, one
 * function per format, so that nothing an article holds can act on the
 * program or the person reading the output:
 *
 *  - a terminal (listings, the summary, `show`): control characters — C0,
 *    DEL, the C1 range that terminals read as escape sequences, and the
 *    bidirectional overrides and isolates that reorder what is shown — are
 *    written as visible escapes (\x1B, \u202E);
 *  - Markdown: the same escapes, a line break as a space, and the
 *    characters Markdown would read as markup behind a backslash;
 *  - HTML: & < > " ' as character references, so that nothing becomes
 *    markup or leaves an attribute, and the terminal's control escapes;
 *  - CSV: every cell quoted, and a cell a spreadsheet would run as a
 *    formula (starting with = + - @, a tab or a carriage return) opened
 *    with an apostrophe, the neutralising OWASP recommends.
 *
 * JSON needs none of this: jansson escapes every control character.
 */
#include "report/report.h"

/* The length of the control character at s[0, n), its code point in *cp;
 * 0 when s starts none. */
static size_t control_at(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (s[0] < 0x20 || s[0] == 0x7f) {
		*cp = s[0];
		return 1;
	}
	if (s[0] == 0xc2 && n >= 2 && s[1] >= 0x80 && s[1] <= 0x9f) {
		*cp = s[1];
		return 2;
	}
	if (s[0] == 0xe2 && n >= 3) {
		if (s[1] == 0x80 && s[2] >= 0xaa && s[2] <= 0xae) {   /* U+202A..U+202E */
			*cp = 0x2000u + (uint32_t)(s[2] - 0x80);
			return 3;
		}
		if (s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9) {   /* U+2066..U+2069 */
			*cp = 0x2040u + (uint32_t)(s[2] - 0x80);
			return 3;
		}
	}
	return 0;
}

static void put_control(cr_buf *b, uint32_t cp)
{
	if (cp < 0x80)
		cr_buf_printf(b, "\\x%02X", (unsigned)cp);
	else
		cr_buf_printf(b, "\\u%04X", (unsigned)cp);
}

void cr_escape_term(cr_buf *b, const char *s, size_t n, bool keep_lines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = control_at(p + i, n - i, &cp);
		if (k == 0 || (keep_lines && (cp == '\n' || cp == '\t'))) {
			i++;
			continue;
		}
		cr_buf_append(b, s + run, i - run);
		put_control(b, cp);
		i += k;
		run = i;
	}
	cr_buf_append(b, s + run, n - run);
}

void cr_escape_markdown(cr_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		char c = s[i];
		uint32_t cp;
		size_t k = control_at(p + i, n - i, &cp);
		if (c == '\n') {
			cr_buf_putc(b, ' ');
		} else if (c == '\t') {
			cr_buf_putc(b, c);
		} else if (k) {
			put_control(b, cp);
			i += k;
			continue;
		} else {
			if (c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<')
				cr_buf_putc(b, '\\');
			cr_buf_putc(b, c);
		}
		i++;
	}
}

void cr_escape_csv(cr_buf *b, const char *s, size_t n)
{
	cr_buf_putc(b, '"');
	if (n && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
		cr_buf_putc(b, '\'');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			cr_buf_putc(b, '"');
		cr_buf_putc(b, s[i]);
	}
	cr_buf_putc(b, '"');
}

void cr_escape_html(cr_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = control_at(p + i, n - i, &cp);
		const char *ref = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
		                : s[i] == '"' ? "&quot;" : s[i] == '\'' ? "&#39;" : NULL;
		if (ref)
			cr_buf_puts(b, ref);
		else if (k && cp != '\n' && cp != '\t')
			put_control(b, cp);
		else
			cr_buf_putc(b, s[i]);
		i += ref || !k ? 1 : k;
	}
}
