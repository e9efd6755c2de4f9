/*
 * utf8.h: validation and repair of UTF-8 input (utf8proc decides what is
 * valid), and the few character tests the rules need beyond ASCII.
 */
#ifndef CR_UTF8_H
#define CR_UTF8_H

#include "util/util.h"

typedef struct cr_utf8_report {
	size_t invalid;        /* number of invalid sequences replaced */
	size_t first_invalid;  /* byte offset of the first one in the input */
	size_t nul_bytes, control_bytes;
} cr_utf8_report;

/*
 * Copies src to *dst with every invalid sequence replaced by U+FFFD and a
 * leading BOM dropped. The caller frees *dst with free().
 */
void cr_utf8_repair(char **dst, size_t *dstlen, const char *src, size_t len, cr_utf8_report *rep);
/* Decodes one code point at s (at most n bytes); returns its length (>= 1), *cp = -1 if invalid. */
int cr_utf8_decode(const char *s, size_t n, int32_t *cp);
/* True when the code point is a letter / uppercase letter (utf8proc categories). */
bool cr_cp_is_letter(int32_t cp);
bool cr_cp_is_upper(int32_t cp);
bool cr_cp_is_lower(int32_t cp);

#endif
