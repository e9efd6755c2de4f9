/* fuzz_analyze.c: the whole per-document pipeline on arbitrary text, and
 * resolution of the result: every claim's evidence lies inside the text.
 * The extractor (tagger model, lexicons) is made once per process; inputs
 * are kept to 1 KB (fuzz_analyze.options), a few sentences, where the
 * pipeline's rules act: at the 5 KB of the largest seed a run cost four
 * times as much. */
#include <stdint.h>
#include <stdlib.h>

#include "extract/analysis.h"
#include "ingest/document.h"
#include "resolve/resolve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cr_extractor *X;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	if (!X && cr_extractor_new(&X, err, sizeof err) < 0) {
		fprintf(stderr, "fuzz_analyze: %s\n", err);
		abort();
	}
	cr_document d;
	if (!X || cr_ingest_text(&d, (const char *)data, size, "fuzz", NULL) < 0)
		return 0;
	cr_analysis a;
	cr_dayrange none = {CR_DAY_NONE, CR_DAY_NONE};
	if (cr_analyze(&a, X, d.text, d.len, none) == 0) {
		for (size_t i = 0; i < a.nclaims; i++)
			if (a.claims[i].start > a.claims[i].end || a.claims[i].end > d.len)
				abort();
		cr_docinfo info = {.id = 1, .text = d.text, .len = d.len, .published = a.published};
		cr_ledger l;
		cr_resolve(&l, &info, &a, 1);
		cr_ledger_free(&l);
		cr_analysis_free(&a);
	}
	cr_document_free(&d);
	return 0;
}
