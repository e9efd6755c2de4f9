/*
 * fuzz_resolve.c: the cross-document stage. The input is cut at form feeds
 * into up to four articles (each may open with header lines: a date, an
 * outlet, a URL), each analysed (the model loaded once per process), then
 * all resolved into one ledger: every index the ledger holds must point at
 * something it holds, every claim's evidence must lie in its document, and
 * the JSON report of it must parse.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/analysis.h"
#include "ingest/document.h"
#include "report/report.h"
#include "resolve/resolve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cr_extractor *X;

#define MAX_DOCS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256];
	if (!X && cr_extractor_new(&X, err, sizeof err) < 0) {
		fprintf(stderr, "fuzz_resolve: %s\n", err);
		abort();
	}
	cr_document d[MAX_DOCS];
	cr_docinfo info[MAX_DOCS];
	cr_analysis an[MAX_DOCS];
	size_t n = 0;
	const char *p = (const char *)data, *end = p + size;
	while (p < end && n < MAX_DOCS) {
		const char *ff = memchr(p, '\f', (size_t)(end - p));
		const char *e = ff ? ff : end;
		if (cr_ingest_text(&d[n], p, (size_t)(e - p), "fuzz", NULL) == 0) {
			if (cr_analyze(&an[n], X, d[n].text, d[n].len, d[n].published) == 0) {
				info[n] = (cr_docinfo){.id = (int64_t)n + 1, .path = d[n].path, .url = d[n].url,
				                       .title = d[n].title, .outlet = d[n].outlet,
				                       .published = an[n].published, .inferred = an[n].published_inferred,
				                       .text = d[n].text, .len = d[n].len};
				n++;
			} else {
				cr_document_free(&d[n]);
			}
		}
		p = e + (ff ? 1 : 0);
	}
	cr_ledger l;
	cr_resolve(&l, info, an, n);
	if (l.ndocs != n)
		abort();
	for (size_t i = 0; i < l.nentities; i++)
		for (size_t k = 0; k < l.entities[i].ndocs; k++)
			if (l.entities[i].docs[k] >= n)
				abort();
	for (size_t i = 0; i < l.nevents; i++) {
		if (l.events[i].place >= (int)l.nentities)
			abort();
		for (size_t k = 0; k < l.events[i].ndocs; k++)
			if (l.events[i].docs[k] >= n)
				abort();
	}
	for (size_t i = 0; i < l.nclaims; i++) {
		const cr_claim *c = &l.claims[i];
		if (c->doc >= n || c->start > c->end || c->end > l.docs[c->doc].len)
			abort();
		size_t lim = c->subject_kind == CR_SUBJ_EVENT ? l.nevents : l.nentities;
		if (c->subject < 0 || (size_t)c->subject >= lim || c->value_entity >= (int)l.nentities ||
		    c->value_event >= (int)l.nevents || c->source >= (int)l.nentities)
			abort();
	}
	for (size_t i = 0; i < l.nfindings; i++)
		for (size_t k = 0; k < l.findings[i].nclaims; k++)
			if (l.findings[i].claims[k] >= l.nclaims)
				abort();
	for (size_t i = 0; i < l.ncopies; i++)
		if (l.copies[i].a >= l.copies[i].b || l.copies[i].b >= n)
			abort();
	cr_buf js = {0};
	cr_report_json(&js, &l);
	json_error_t jerr;
	json_t *root = json_loadb(js.data, js.len, 0, &jerr);
	if (!root)
		abort();
	json_decref(root);
	cr_buf_free(&js);
	cr_ledger_free(&l);
	for (size_t i = 0; i < n; i++) {
		cr_analysis_free(&an[i]);
		cr_document_free(&d[i]);
	}
	return 0;
}
