/* fuzz_charset.c: src/ingest/charset.c. The first byte picks whether the
 * input is a page (its <meta> read) and whether an HTTP Content-Type comes
 * with it (taken from the input's first line); the rest is decoded. What
 * comes out must be valid UTF-8 of its stated length, and every repaired
 * byte's offset inside the input. */
#include "ingest/charset.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	bool html = data[0] & 1;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	char http[128] = {0};
	if (data[0] & 2) {
		const char *nl = memchr(s, '\n', n < sizeof http ? n : sizeof http - 1);
		size_t k = nl ? (size_t)(nl - s) : 0;
		memcpy(http, s, k);
		if (memchr(http, 0, k))
			http[0] = 0;
		s += nl ? k + 1 : 0;
		n -= nl ? k + 1 : 0;
	}
	char *out;
	size_t len;
	cr_charset_report rep;
	int rc = cr_charset_decode(&out, &len, s, n, html, (data[0] & 2) ? http : NULL, &rep);
	if (rc != (out != NULL) || (rep.bad && rep.first_bad >= n))
		abort();
	if (out) {
		for (size_t i = 0; i < len;) {
			int32_t cp;
			i += (size_t)cr_utf8_decode(out + i, len - i, &cp);
			if (cp < 0)
				abort();
		}
		if (out[len] != 0)
			abort();
		free(out);
	}
	return 0;
}
