/* fuzz_jsonl.c: the JSONL reader, one article per line. */
#include <stdint.h>
#include <stdio.h>

#include "ingest/document.h"

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
	FILE *f = fmemopen((void *)data, size, "r");
	if (!f)
		return 0;
	cr_ingest_jsonl(f, "fuzz", NULL, take, NULL);
	fclose(f);
	return 0;
}
