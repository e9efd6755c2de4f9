/* utf8.c: UTF-8 repair and character classes on top of utf8proc. */
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int cr_utf8_decode(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n > 4 ? 4 : n), &c);
	if (k <= 0) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (int)k;
}

void cr_utf8_repair(char **dst, size_t *dstlen, const char *src, size_t len, cr_utf8_report *rep)
{
	memset(rep, 0, sizeof *rep);
	cr_buf b = {0};
	cr_buf_grow(&b, len + 16);
	size_t i = 0;
	if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	size_t run = i;
	while (i < len) {
		unsigned char c = (unsigned char)src[i];
		if (c < 0x80) {
			if (c == 0)
				rep->nul_bytes++;
			else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
				rep->control_bytes++;
			i++;
			continue;
		}
		int32_t cp;
		int k = cr_utf8_decode(src + i, len - i, &cp);
		if (cp < 0) {
			/* a truncated sequence is one error: its lead byte and the
			 * continuation bytes that follow it become one U+FFFD */
			int want = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
			k = 1;
			while (k < want && i + (size_t)k < len && ((unsigned char)src[i + (size_t)k] & 0xC0) == 0x80)
				k++;
			cr_buf_append(&b, src + run, i - run);
			cr_buf_append(&b, "\xEF\xBF\xBD", 3);
			if (rep->invalid++ == 0)
				rep->first_invalid = i;
			i += (size_t)k;
			run = i;
			continue;
		}
		i += (size_t)k;
	}
	cr_buf_append(&b, src + run, len - run);
	*dstlen = b.len;
	*dst = cr_buf_detach(&b);
}

bool cr_cp_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return cr_is_alpha(cp);
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool cr_cp_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cr_is_upper(cp);
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

bool cr_cp_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cr_is_lower(cp);
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}
