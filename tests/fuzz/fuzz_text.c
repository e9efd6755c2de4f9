/* fuzz_text.c: plain-text ingest (header lines, UTF-8 repair, boilerplate). */
#include <stdint.h>
#include <stdlib.h>

#include "ingest/document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cr_document d;
	if (cr_ingest_text(&d, (const char *)data, size, "fuzz", NULL) == 0) {
		/* the source map must point inside both texts */
		for (size_t i = 0; i < d.nmap; i++)
			if ((size_t)d.map[i].clean_start + d.map[i].len > d.len)
				abort();
		cr_document_free(&d);
	}
	return 0;
}
