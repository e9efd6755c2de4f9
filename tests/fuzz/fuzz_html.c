/* libFuzzer target for src/ingest/html.c: any bytes in, no crash, no leak,
 * and the result's invariants hold (offsets inside the input, text length). */
#include "ingest/html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cr_html_doc d;
	char err[256];
	if (cr_html_extract(&d, (const char *)data, size, err, sizeof err) == 0) {
		if (!d.text || strlen(d.text) != d.len || d.len == 0 || d.nsrc == 0)
			abort();
		for (size_t i = 0; i < d.nsrc; i++)
			if (d.src_offsets[i] > size)
				abort();
		if (d.published && strlen(d.published) != 10)
			abort();
		/* the body is valid UTF-8: no stray continuation or lead bytes */
		const unsigned char *t = (const unsigned char *)d.text;
		for (size_t i = 0; i < d.len;) {
			unsigned c = t[i];
			size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
			if (n == 0 || c > 0xF4 || i + n > d.len)
				abort();
			for (size_t k = 1; k < n; k++)
				if ((t[i + k] & 0xC0) != 0x80)
					abort();
			i += n;
		}
	} else if (err[0] == 0 || strncmp(err, "byte ", 5) != 0) {
		abort();
	}
	cr_html_doc_free(&d);
	return 0;
}
