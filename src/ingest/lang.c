/* lang.c: see lang.h. */
#include "ingest/lang.h"
#include "ingest/lang_cld2.h"
#include "util/util.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* The letters of the text (any script), counted up to limit; 0 when it is
 * not valid UTF-8 (CLD2 reads valid UTF-8 only; ingest repairs every text). */
static size_t letters(const char *text, size_t len, size_t limit)
{
	size_t n = 0, i = 0;
	while (i < len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
		if (k <= 0)
			return 0;
		utf8proc_category_t cat = utf8proc_category(c);
		n += n < limit && cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
		i += (size_t)k;
	}
	return n;
}

void cr_language_of(const char *text, size_t len, char code[CR_LANG_LEN])
{
	int pct = 0;
	bool reliable = false;
	strcpy(code, "und");
	if (letters(text, len, CR_LANG_MIN_LETTERS) < CR_LANG_MIN_LETTERS)
		return;
	if (cr_cld2_detect(text, len, code, CR_LANG_LEN, &pct, &reliable) < 0)
		cr_oom();
	if (!reliable || pct < 50 || strcmp(code, "un") == 0)
		strcpy(code, "und");
}

void cr_language_name(const char *code, char *name, size_t cap)
{
	if (!cap)
		return;
	if (!code || !*code || strcmp(code, "und") == 0) {
		snprintf(name, cap, "undetermined");
		return;
	}
	char n[64];
	cr_cld2_name(code, n, sizeof n);
	if (strcmp(n, "Unknown") == 0)
		snprintf(n, sizeof n, "%s", code);
	/* CLD2 names languages in capitals: "RUSSIAN" is "Russian" */
	for (size_t i = 1; n[i]; i++)
		n[i] = (char)cr_lower((unsigned char)n[i]);
	snprintf(name, cap, "%s", n);
}

bool cr_language_is_english(const char *code)
{
	return !code || !*code || strcmp(code, "en") == 0 || strcmp(code, "und") == 0;
}
