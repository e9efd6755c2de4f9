/* fuzz_feed.c: src/ingest/feed.c. The input is read as an RSS or Atom
 * feed from memory; every document that comes out must be valid UTF-8 of
 * its stated length, and every failure must have been reported with the
 * file's name. */
#include "ingest/feed.h"
#include "ingest/input.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int take(void *ud, cr_document *d)
{
	(void)ud;
	if (strlen(d->text) != d->len)
		abort();
	for (size_t i = 0; i < d->len;) {
		int32_t cp;
		i += (size_t)cr_utf8_decode(d->text + i, d->len - i, &cp);
		if (cp < 0)
			abort();
	}
	return 0;
}

static void count(void *ud, int severity, const char *file, const char *where, const char *msg)
{
	if (severity == CR_DIAG_ERROR) {
		if (!file || strncmp(file, "fuzz.xml", 8) != 0 || !msg || !*msg)
			abort();
		++*(int *)ud;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int errors = 0;
	cr_diag dg = {count, &errors};
	cr_input in;
	cr_input_mem(&in, data, size);
	size_t skipped = 0;
	int bad = cr_ingest_feed(&in, "fuzz.xml", &dg, take, NULL, &skipped);
	if (bad < 0 || bad > errors)
		abort();
	cr_input_free(&in);
	return 0;
}
