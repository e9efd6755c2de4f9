/*
 * corrob.c: the public C interface (include/corrob.h): the per-document
 * stages behind one call, for programs that link the library. Like the CLI,
 * it only wires stages together.
 */
#include "corrob.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

const char *corrob_status_name(corrob_status s)
{
	switch (s) {
	case CORROB_OK:
		return "ok";
	case CORROB_ERR_ARGUMENT:
		return "bad argument";
	case CORROB_ERR_OPTION:
		return "bad option";
	case CORROB_ERR_INPUT:
		return "unreadable input";
	case CORROB_ERR_ANALYSIS:
		return "analysis failed";
	}
	return "unknown status";
}

static corrob_status fail(corrob_status st, char *err, size_t errlen, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", msg);
	return st;
}

corrob_status corrob_extract(char **json, const corrob_extractor *x, const char *text, size_t len,
                             const corrob_options *opt, char *err, size_t errlen)
{
	if (err && errlen)
		err[0] = 0;
	if (!json)
		return fail(CORROB_ERR_ARGUMENT, err, errlen, "no place for the result");
	*json = NULL;
	if (!x || !text)
		return fail(CORROB_ERR_ARGUMENT, err, errlen, "no extractor or no text");
	if (opt && (opt->version < 1 || opt->version > CORROB_OPTIONS_VERSION))
		return fail(CORROB_ERR_ARGUMENT, err, errlen, "options of an unknown version");
	cr_dayrange day;
	if (opt && opt->published && *opt->published && !cr_parse_published(opt->published, &day))
		return fail(CORROB_ERR_OPTION, err, errlen, "the publication date is not YYYY-MM-DD");

	first_error fe = {err, errlen, 0};
	cr_diag dg = {keep_first_error, &fe};
	cr_document d;
	int rc;
	if (opt) {
		char *site = opt->outlet || !opt->url ? NULL : cr_outlet_of_url(opt->url);
		rc = cr_ingest_parts(&d, text, len, NULL, opt->url, opt->title, site ? site : opt->outlet, opt->published,
		                     &dg);
		free(site);
	} else {
		rc = cr_ingest_text(&d, text, len, NULL, &dg);
	}
	if (rc < 0)
		return CORROB_ERR_INPUT;
	cr_analysis a;
	if (!cr_language_is_english(d.lang)) {
		/* not English: the result names its language and holds no names or claims */
		memset(&a, 0, sizeof a);
		a.published = d.published;
		a.published_inferred = d.published_inferred;
	} else if (cr_analyze(&a, x->x, d.text, d.len, d.published) < 0) {
		cr_document_free(&d);
		return fail(CORROB_ERR_ANALYSIS, err, errlen, "the text could not be segmented");
	}
	cr_buf b = {0};
	cr_report_analysis_json(&b, &d, &a);
	*json = cr_buf_detach(&b);
	cr_analysis_free(&a);
	cr_document_free(&d);
	return CORROB_OK;
}
