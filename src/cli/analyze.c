/*
 * analyze.c: every stage after ingest, over the whole store — each stored
 * document, as the store hands it over, through segment → recognize →
 * extract (the map step), then resolve (the reduce step), then the results
 * handed back to the store (cr_db_store_ledger: one transaction, replacing
 * the previous run's). Also loads a ledger for the report commands.
 */
#include "cli/analyze.h"
#include "cli/workers.h"
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
	return s ? cr_xstrdup(s) : NULL;
}

void cli_corpus_free(cli_corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		cr_docinfo *d = &c->docs[i];
		free((char *)d->path);
		free((char *)d->url);
		free((char *)d->title);
		free((char *)d->outlet);
		free((char *)d->lang);
		free((char *)d->text);
		cr_analysis_free(&c->an[i]);
	}
	for (size_t i = 0; i < c->n; i++) {
		for (size_t k = 0; k < c->docs[i].nsources; k++)
			free((char *)c->docs[i].sources[k]);
		free((void *)c->docs[i].sources);
	}
	free(c->docs);
	free(c->an);
	cr_ledger_free(&c->ledger);
	memset(c, 0, sizeof *c);
}

/* Reading the store: each document handed to the workers as it is read,
 * its analysis put in place in read order, then the sources that printed
 * it. */
typedef struct load_ctx {
	cli_corpus *c;
	const cr_extractor *x;
	cli_workers *w;
	size_t cap;
	size_t di;              /* the document the sources read so far belong to */
} load_ctx;

/* One document's analysis on its way: the text stays in c->docs (which
 * the reader may move, but not the text), the result is the job's until
 * it is put in place. */
typedef struct analysis_job {
	size_t i;
	const char *text;
	size_t len;
	cr_dayrange published;
	cr_analysis a;
} analysis_job;

static void analyze_job(void *ud, void *item)
{
	const load_ctx *lc = ud;
	analysis_job *j = item;
	if (cr_analyze(&j->a, lc->x, j->text, j->len, j->published) < 0)
		memset(&j->a, 0, sizeof j->a);
}

static int place_job(void *ud, void *item, bool ran)
{
	load_ctx *lc = ud;
	analysis_job *j = item;
	cli_corpus *c = lc->c;
	cr_docinfo *d = &c->docs[j->i];
	c->an[j->i] = j->a;
	d->published = j->a.published;
	d->inferred = j->a.published_inferred;
	free(j);
	return 0;
}

static int load_document(void *ud, const cr_db_document *row)
{
	load_ctx *lc = ud;
	cli_corpus *c = lc->c;
	if (c->n == lc->cap) {
		lc->cap = lc->cap ? lc->cap * 2 : 64;
		c->docs = cr_xrealloc(c->docs, lc->cap * sizeof *c->docs);
		c->an = cr_xrealloc(c->an, lc->cap * sizeof *c->an);
	}
	cr_docinfo *d = &c->docs[c->n];
	memset(d, 0, sizeof *d);
	d->id = row->id;
	d->path = dup_or_null(row->path);
	d->url = dup_or_null(row->url);
	d->title = dup_or_null(row->title);
	d->outlet = dup_or_null(row->outlet);
	d->lang = dup_or_null(row->lang);
	/* an article with a URL but no outlet is its site's */
	if ((!d->outlet || !*d->outlet) && d->url) {
		free((char *)d->outlet);
		d->outlet = cr_outlet_of_url(d->url);
	}
	/* an inferred date is inferred again, by today's rules */
	d->published = row->published_inferred ? (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE} : row->published;
	d->len = row->len;
	d->text = cr_xstrndup(row->text, d->len);
	/* its analysis is put in place when a worker has made it (place_job) */
	memset(&c->an[c->n], 0, sizeof c->an[c->n]);
	/* a document in another language is stored and searchable, but the
	 * stages written for English are not run into garbage on it (ingest
	 * warned when it stored it): it has no names, events or claims, and its
	 * stored date stands */
	if (!cr_language_is_english(d->lang)) {
		d->published = row->published;
		d->inferred = row->published_inferred;
		c->n++;
		return 0;
	}
	analysis_job *j = cr_xmalloc(sizeof *j);
	*j = (analysis_job){.i = c->n, .text = d->text, .len = d->len, .published = d->published};
	c->n++;
	return cli_workers_submit(lc->w, j);
}

static int load_source(void *ud, const cr_db_document_source *s)
{
	load_ctx *lc = ud;
	cli_corpus *c = lc->c;
	while (lc->di < c->n && c->docs[lc->di].id < s->doc_id)
		lc->di++;
	if (lc->di == c->n || c->docs[lc->di].id != s->doc_id)
		return 0;
	cr_docinfo *d = &c->docs[lc->di];
	/* its outlet, its site's, or "#" and its path: its own */
	char *src = dup_or_null(s->outlet);
	if (!src) {
		src = cr_outlet_of_url(s->url);
		if (!src) {
			cr_buf b = {0};
			cr_buf_printf(&b, "#%s", s->url ? s->url : s->path ? s->path : "");
			src = cr_buf_detach(&b);
		}
	}
	d->sources = cr_xrealloc((void *)d->sources, (d->nsources + 1) * sizeof(char *));
	((const char **)d->sources)[d->nsources++] = src;
	return 0;
}

int cli_build_ledger(cr_db *db, cli_corpus *c, bool store, int nthreads)
{
	memset(c, 0, sizeof *c);
	cr_extractor *x;
	char err[256];
	if (cr_extractor_new(&x, err, sizeof err) < 0) {
		cli_error("%s", err);
		return -1;
	}
	load_ctx lc = {.c = c, .x = x};
	lc.w = cli_workers_start(nthreads, analyze_job, place_job, &lc);
	/* one snapshot: the documents and their sources as one writer's commit left them */
	int rc = cr_db_read_begin(db);
	if (rc == 0)
		rc = cr_db_each_document(db, load_document, &lc);
	cli_workers_finish(lc.w);
	cr_extractor_free(x);
	if (rc == 0 && c->n)
		rc = cr_db_each_document_source(db, load_source, &lc);
	cr_db_read_end(db);
	if (rc < 0) {
		/* a partial read must not replace the stored results */
		cli_error("reading documents: %s", cr_db_errmsg(db));
		return -1;
	}
	cr_resolve(&c->ledger, c->docs, c->an, c->n);
	if (store && cr_db_store_ledger(db, &c->ledger) < 0) {
		cli_error("storing results: %s", cr_db_errmsg(db));
		return -1;
	}
	return 0;
}
