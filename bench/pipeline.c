/*
 * pipeline.c: throughput of the per-document pipeline and of resolution.
 *
 *   pipeline extract FILE...   ingest + segment + recognize + extract every
 *                              file; prints BENCH extract-speed mb_per_s=...
 *   pipeline resolve N FILE... analyses the files, then resolves N documents
 *                              (the analyses repeated to reach N; each copy is
 *                              its own document): BENCH resolve-speed docs=N seconds=...
 *   pipeline recognize FILE... numbers and time expressions only:
 *                              BENCH recognize-speed mb_per_s=...
 * Wall-clock, one thread, best of three runs for the speeds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/analysis.h"
#include "ingest/document.h"
#include "recognize/number.h"
#include "time/timex.h"
#include "resolve/resolve.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct input {
	cr_document *docs;
	size_t n, bytes;
} input;

static void quiet(void *ud, int sev, const char *f, const char *w, const char *m)
{
	(void)ud, (void)sev, (void)f, (void)w, (void)m;
}

static void load(input *in, char **files, int nfiles)
{
	cr_diag dg = {quiet, NULL};
	in->docs = cr_xcalloc((size_t)nfiles + 1, sizeof *in->docs);
	for (int i = 0; i < nfiles; i++) {
		char *raw;
		size_t len;
		if (cr_read_file(files[i], &raw, &len) < 0)
			continue;
		if (cr_ingest_text(&in->docs[in->n], raw, len, files[i], &dg) == 0) {
			in->bytes += in->docs[in->n].len;
			in->n++;
		}
		free(raw);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: pipeline extract|recognize FILE... | pipeline resolve N FILE...\n");
		return 2;
	}
	const char *mode = argv[1];
	int first = strcmp(mode, "resolve") == 0 ? 3 : 2;
	if (argc <= first)
		return 2;
	input in = {0};
	load(&in, argv + first, argc - first);
	if (in.n == 0) {
		fprintf(stderr, "pipeline: no readable input\n");
		return 1;
	}
	cr_dayrange none = {CR_DAY_NONE, CR_DAY_NONE};
	if (strcmp(mode, "recognize") == 0) {
		cr_numbers *nc = cr_numbers_new();
		cr_timex_ctx *tc = cr_timex_new();
		double best = 1e9;
		size_t found = 0;
		for (int run = 0; run < 3; run++) {
			double t0 = now();
			found = 0;
			for (size_t i = 0; i < in.n; i++) {
				cr_number *nums;
				cr_timex *tx;
				size_t nn, nt;
				cr_numbers_find(&nums, &nn, nc, in.docs[i].text, in.docs[i].len);
				cr_timex_find(&tx, &nt, tc, in.docs[i].text, in.docs[i].len, none);
				found += nn + nt;
				free(nums);
				free(tx);
			}
			double t = now() - t0;
			if (t < best)
				best = t;
		}
		printf("BENCH recognize-speed mb_per_s=%.1f bytes=%zu docs=%zu mentions=%zu\n", in.bytes / best / 1e6,
		       in.bytes, in.n, found);
		cr_numbers_free(nc);
		cr_timex_free(tc);
	} else {
		cr_extractor *x;
		char err[256];
		if (cr_extractor_new(&x, err, sizeof err) < 0) {
			fprintf(stderr, "pipeline: %s\n", err);
			return 1;
		}
		cr_analysis *an = cr_xcalloc(in.n, sizeof *an);
		double best = 1e9;
		size_t claims = 0;
		for (int run = 0; run < (strcmp(mode, "extract") == 0 ? 3 : 1); run++) {
			double t0 = now();
			claims = 0;
			for (size_t i = 0; i < in.n; i++) {
				if (run)
					cr_analysis_free(&an[i]);
				cr_analyze(&an[i], x, in.docs[i].text, in.docs[i].len, in.docs[i].published);
				claims += an[i].nclaims;
			}
			double t = now() - t0;
			if (t < best)
				best = t;
		}
		if (strcmp(mode, "extract") == 0) {
			printf("BENCH extract-speed mb_per_s=%.2f bytes=%zu docs=%zu claims=%zu\n", in.bytes / best / 1e6, in.bytes,
			       in.n, claims);
		} else {
			size_t n = (size_t)atol(argv[2]);
			cr_docinfo *docs = cr_xcalloc(n + 1, sizeof *docs);
			cr_analysis *rep = cr_xcalloc(n + 1, sizeof *rep);
			for (size_t i = 0; i < n; i++) {
				const cr_document *d = &in.docs[i % in.n];
				docs[i].id = (int64_t)i + 1;
				docs[i].path = d->path;
				docs[i].text = d->text;
				docs[i].len = d->len;
				docs[i].published = an[i % in.n].published;
				rep[i] = an[i % in.n];   /* shallow: resolve only reads */
			}
			cr_ledger l;
			double t0 = now();
			cr_resolve(&l, docs, rep, n);
			double t = now() - t0;
			printf("BENCH resolve-speed docs=%zu seconds=%.2f entities=%zu events=%zu claims=%zu findings=%zu copies=%zu\n",
			       n, t, l.nentities, l.nevents, l.nclaims, l.nfindings, l.ncopies);
			cr_ledger_free(&l);
			free(docs);
			free(rep);
		}
		for (size_t i = 0; i < in.n; i++)
			cr_analysis_free(&an[i]);
		free(an);
		cr_extractor_free(x);
	}
	for (size_t i = 0; i < in.n; i++)
		cr_document_free(&in.docs[i]);
	free(in.docs);
	return 0;
}
