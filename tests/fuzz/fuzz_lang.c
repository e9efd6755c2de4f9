/* fuzz_lang.c: src/ingest/lang.c (libcld2) and src/recognize/translit.c
 * (ICU). The input, repaired to valid UTF-8 as ingest leaves every text,
 * is identified; the first byte's low bit sends it, read as a name, through
 * the transliteration and the name key too. A language code must be "und"
 * or a short code; a transliteration must be valid UTF-8. */
#include "ingest/lang.h"
#include "recognize/namekey.h"
#include "recognize/translit.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	char *s;
	size_t n;
	cr_utf8_report rep;
	cr_utf8_repair(&s, &n, (const char *)data + 1, size - 1, &rep);
	char code[CR_LANG_LEN];
	cr_language_of(s, n, code);
	size_t cl = strnlen(code, CR_LANG_LEN);
	if (cl == 0 || cl >= CR_LANG_LEN)
		abort();
	if (data[0] & 1) {
		char *l = cr_translit_name(s, n);
		if (l) {
			size_t ln = strlen(l);
			for (size_t i = 0; i < ln;) {
				int32_t cp;
				int k = cr_utf8_decode(l + i, ln - i, &cp);
				if (k <= 0 || cp < 0)
					abort();
				i += (size_t)k;
			}
			free(l);
		}
		free(cr_name_key(s, n, data[0] & 2));
	}
	free(s);
	return 0;
}
