/* fuzz_jsonl.c: the JSONL reader, one article per line. */
#include <stdint.h>
#include <stdio.h>

#include "ingest/document.h"
#include "ingest/input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int take(void *ud, cr_document *d)
{
	(void)ud;
	return d->len == 0 ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	cr_input src;
	cr_input_mem(&src, (void *)data, size);
	cr_ingest_jsonl(&src, "fuzz", NULL, take, NULL);
	cr_input_free(&src);
	return 0;
}
