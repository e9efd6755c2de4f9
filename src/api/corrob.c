/*
 * corrob.c: the public C interface (include/corrob.h): the per-document
 * stages behind one call, for programs that link the library. Like the CLI,
 * it only wires stages together.
 */
#include "corrob.h"

#include <stdio.h>
#include <stdlib.h>

#include "extract/analysis.h"
#include "ingest/document.h"
#include "report/report.h"

struct corrob_extractor {
	cr_extractor *x;
};

const char *corrob_version(void)
{
	return "corrob " CORROB_VERSION;
}

corrob_extractor *corrob_extractor_new(void)
{
	cr_extractor *x;
	char err[256];
	if (cr_extractor_new(&x, err, sizeof err) < 0)
		return NULL;
	corrob_extractor *e = cr_xcalloc(1, sizeof *e);
	e->x = x;
	return e;
}

void corrob_extractor_free(corrob_extractor *x)
{
	if (!x)
		return;
	cr_extractor_free(x->x);
	free(x);
}

typedef struct first_error {
	char *buf;
	size_t cap;
	int errors;
} first_error;

static void keep_first_error(void *ud, int severity, const char *file, const char *where, const char *msg)
{
	first_error *fe = ud;
	(void)file, (void)where;
	if (severity != CR_DIAG_ERROR || fe->errors++ || !fe->buf || !fe->cap)
		return;
	snprintf(fe->buf, fe->cap, "%s", msg);
}

int corrob_extract(char **json, const corrob_extractor *x, const char *text, size_t len, char *err, size_t errlen)
{
	*json = NULL;
	if (err && errlen)
		err[0] = 0;
	if (!x || !text) {
		if (err && errlen)
			snprintf(err, errlen, "no extractor or no text");
		return -1;
	}
	first_error fe = {err, errlen, 0};
	cr_diag dg = {keep_first_error, &fe};
	cr_document d;
	if (cr_ingest_text(&d, text, len, NULL, &dg) < 0)
		return -1;
	cr_analysis a;
	if (cr_analyze(&a, x->x, d.text, d.len, d.published) < 0) {
		if (err && errlen)
			snprintf(err, errlen, "the text could not be segmented");
		cr_document_free(&d);
		return -1;
	}
	cr_buf b = {0};
	cr_report_analysis_json(&b, &d, &a);
	*json = cr_buf_detach(&b);
	cr_analysis_free(&a);
	cr_document_free(&d);
	return 0;
}
