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
	} else if (err[0] == 0 || strncmp(err, "byte ", 5) != 0) {
		abort();
	}
	cr_html_doc_free(&d);
	return 0;
}
