/*
 * analyze.c: every stage after ingest, over the whole store — each stored
 * document through segment → recognize → extract (the map step), then
 * resolve (the reduce step), then the results written back as tables in one
 * transaction, replacing the previous run's. Also loads a ledger for the
 * report commands.
 */
#include "cli/analyze.h"
#include "report/report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? cr_xstrdup((const char *)s) : NULL;
}

static int32_t day_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	int32_t d;
	return s && strlen((const char *)s) >= 10 && cr_day_parse((const char *)s, &d) ? d : CR_DAY_NONE;
}

void cli_corpus_free(cli_corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		cr_docinfo *d = &c->docs[i];
		free((char *)d->path);
		free((char *)d->url);
		free((char *)d->title);
		free((char *)d->outlet);
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

static json_t *id_array(char prefix, const size_t *xs, size_t n, const cr_ledger *l, bool docs)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		char s[32];
		snprintf(s, sizeof s, "%c%lld", prefix, docs ? (long long)l->docs[xs[i]].id : (long long)xs[i] + 1);
		json_array_append_new(a, json_string(s));
	}
	return a;
}

static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_json(sqlite3_stmt *st, int i, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT);
	sqlite3_bind_text(st, i, s, -1, free);
	json_decref(j);
}

static void bind_day(sqlite3_stmt *st, int i, int32_t d)
{
	char s[11];
	if (d == CR_DAY_NONE) {
		sqlite3_bind_null(st, i);
		return;
	}
	cr_day_format(d, s);
	sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static int step_reset(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int store_ledger(cr_db *db, const cli_corpus *c)
{
	sqlite3 *h = cr_db_sqlite(db);
	const cr_ledger *l = &c->ledger;
	if (cr_db_begin(db) < 0)
		return -1;
	if (cr_db_exec(db, "DELETE FROM entities; DELETE FROM events; DELETE FROM claims; DELETE FROM findings;") < 0)
		goto fail;
	for (size_t i = 0; i < c->n; i++)
		if (c->docs[i].inferred && cr_db_set_published(db, c->docs[i].id, c->docs[i].published, true) < 0)
			goto fail;
	sqlite3_stmt *se = NULL, *sv = NULL, *sc = NULL, *sf = NULL;
	int rc = 0;
	rc |= sqlite3_prepare_v2(h, "INSERT INTO entities(id, type, name, aliases, documents, mentions) VALUES (?,?,?,?,?,?)", -1, &se, NULL);
	rc |= sqlite3_prepare_v2(h, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?)", -1, &sv, NULL);
	rc |= sqlite3_prepare_v2(h, "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &sc, NULL);
	rc |= sqlite3_prepare_v2(h, "INSERT INTO findings VALUES (?,?,?,?,?,?,?,?)", -1, &sf, NULL);
	char id[32];
	for (size_t i = 0; !rc && i < l->nentities; i++) {
		const cr_gentity *e = &l->entities[i];
		snprintf(id, sizeof id, "e%zu", i + 1);
		bind_str(se, 1, id);
		bind_str(se, 2, cr_etype_names[e->type]);
		bind_str(se, 3, e->name);
		json_t *al = json_array();
		for (size_t k = 0; k < e->naliases; k++)
			json_array_append_new(al, json_string(e->aliases[k]));
		bind_json(se, 4, al);
		bind_json(se, 5, id_array('d', e->docs, e->ndocs, l, true));
		sqlite3_bind_int64(se, 6, (sqlite3_int64)e->mentions);
		rc |= step_reset(se);
	}
	for (size_t i = 0; !rc && i < l->nevents; i++) {
		const cr_gevent *v = &l->events[i];
		char place[32];
		snprintf(id, sizeof id, "v%zu", i + 1);
		snprintf(place, sizeof place, "e%d", v->place + 1);
		bind_str(sv, 1, id);
		bind_str(sv, 2, v->type);
		bind_str(sv, 3, v->label);
		bind_str(sv, 4, v->place >= 0 ? place : NULL);
		if (cr_range_known(v->time) && v->time.earliest == v->time.latest)
			bind_day(sv, 5, v->time.earliest);
		bind_day(sv, 6, v->time.earliest);
		bind_day(sv, 7, v->time.latest);
		bind_json(sv, 8, id_array('d', v->docs, v->ndocs, l, true));
		rc |= step_reset(sv);
	}
	for (size_t i = 0; !rc && i < l->nclaims; i++) {
		const cr_gclaim *cl = &l->claims[i];
		const cr_docinfo *d = &l->docs[cl->doc];
		char subj[32], val[32], src[32];
		snprintf(id, sizeof id, "c%zu", i + 1);
		snprintf(subj, sizeof subj, "%c%d", cl->subject_kind == CR_SUBJ_EVENT ? 'v' : 'e', cl->subject + 1);
		bind_str(sc, 1, id);
		sqlite3_bind_int64(sc, 2, d->id);
		bind_str(sc, 3, subj);
		bind_str(sc, 4, cl->subject_kind == CR_SUBJ_EVENT ? l->events[cl->subject].label : l->entities[cl->subject].name);
		bind_str(sc, 5, cl->predicate);
		bind_str(sc, 6, cl->value_text);
		if (cl->has_number && cl->has_low)
			sqlite3_bind_double(sc, 7, cl->low);
		if (cl->has_number && cl->has_high)
			sqlite3_bind_double(sc, 8, cl->high);
		if (cl->value_event >= 0)
			snprintf(val, sizeof val, "v%d", cl->value_event + 1);
		else
			snprintf(val, sizeof val, "e%d", cl->value_entity + 1);
		bind_str(sc, 9, cl->value_event >= 0 || cl->value_entity >= 0 ? val : NULL);
		bind_str(sc, 10, cl->time_value);
		bind_day(sc, 11, cl->value_time.earliest);
		bind_day(sc, 12, cl->value_time.latest);
		snprintf(src, sizeof src, "e%d", cl->source + 1);
		bind_str(sc, 13, cl->source >= 0 ? src : NULL);
		bind_str(sc, 14, cl->attribution);
		bind_str(sc, 15, cr_modality_names[cl->modality]);
		sqlite3_bind_int64(sc, 16, cl->start);
		sqlite3_bind_int64(sc, 17, cl->end);
		sqlite3_bind_text(sc, 18, d->text + cl->start, (int)(cl->end - cl->start), SQLITE_TRANSIENT);
		rc |= step_reset(sc);
	}
	for (size_t i = 0; !rc && i < l->nfindings; i++) {
		const cr_finding *f = &l->findings[i];
		char subj[32];
		snprintf(id, sizeof id, "f%zu", i + 1);
		snprintf(subj, sizeof subj, "%c%d", f->subject_kind == CR_SUBJ_EVENT ? 'v' : 'e', f->subject + 1);
		bind_str(sf, 1, id);
		bind_str(sf, 2, cr_finding_kind_names[f->kind]);
		bind_str(sf, 3, subj);
		bind_str(sf, 4, f->predicate);
		bind_json(sf, 5, id_array('c', f->claims, f->nclaims, l, false));
		sqlite3_bind_int64(sf, 6, (sqlite3_int64)f->outlets);
		sqlite3_bind_int64(sf, 7, (sqlite3_int64)f->originators);
		bind_str(sf, 8, f->explanation);
		rc |= step_reset(sf);
	}
	sqlite3_finalize(se);
	sqlite3_finalize(sv);
	sqlite3_finalize(sc);
	sqlite3_finalize(sf);
	if (rc)
		goto fail;
	return cr_db_commit(db);
fail:
	cli_error("storing results: %s", cr_db_errmsg(db));
	cr_db_rollback(db);
	return -1;
}

int cli_build_ledger(cr_db *db, cli_corpus *c, bool store)
{
	memset(c, 0, sizeof *c);
	cr_extractor *x = cr_extractor_new();
	if (!x)
		return -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(cr_db_sqlite(db),
	                       "SELECT id, path, url, title, outlet, published_earliest, published_latest,"
	                       " published_inferred, text FROM documents ORDER BY id", -1, &st, NULL) != SQLITE_OK) {
		cli_error("reading documents: %s", cr_db_errmsg(db));
		cr_extractor_free(x);
		return -1;
	}
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->n == cap) {
			cap = cap ? cap * 2 : 64;
			c->docs = cr_xrealloc(c->docs, cap * sizeof *c->docs);
			c->an = cr_xrealloc(c->an, cap * sizeof *c->an);
		}
		cr_docinfo *d = &c->docs[c->n];
		memset(d, 0, sizeof *d);
		d->id = sqlite3_column_int64(st, 0);
		d->path = dup_col(st, 1);
		d->url = dup_col(st, 2);
		d->title = dup_col(st, 3);
		d->outlet = dup_col(st, 4);
		/* an article with a URL but no outlet is its site's */
		if ((!d->outlet || !*d->outlet) && d->url) {
			free((char *)d->outlet);
			d->outlet = cr_outlet_of_url(d->url);
		}
		bool inferred = sqlite3_column_int(st, 7) != 0;
		d->published.earliest = inferred ? CR_DAY_NONE : day_col(st, 5);
		d->published.latest = inferred ? CR_DAY_NONE : day_col(st, 6);
		d->len = (size_t)sqlite3_column_bytes(st, 8);
		d->text = cr_xstrndup((const char *)sqlite3_column_text(st, 8), d->len);
		cr_analysis *a = &c->an[c->n];
		if (cr_analyze(a, x, d->text, d->len, d->published) < 0)
			memset(a, 0, sizeof *a);
		d->published = a->published;
		d->inferred = a->published_inferred;
		c->n++;
	}
	sqlite3_finalize(st);
	cr_extractor_free(x);
	/* the sources of each document (an article several outlets printed) */
	if (step == SQLITE_DONE && c->n &&
	    sqlite3_prepare_v2(cr_db_sqlite(db),
	                       "SELECT doc_id, nullif(outlet, ''), url, path FROM document_sources ORDER BY doc_id, rowid", -1,
	                       &st, NULL) == SQLITE_OK) {
		size_t di = 0;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			while (di < c->n && c->docs[di].id < id)
				di++;
			if (di == c->n || c->docs[di].id != id)
				continue;
			cr_docinfo *d = &c->docs[di];
			/* its outlet, its site's, or "#" and its path: its own */
			char *src = dup_col(st, 1);
			if (!src) {
				const unsigned char *url = sqlite3_column_text(st, 2), *path = sqlite3_column_text(st, 3);
				src = cr_outlet_of_url((const char *)url);
				if (!src) {
					cr_buf b = {0};
					cr_buf_printf(&b, "#%s", url ? (const char *)url : path ? (const char *)path : "");
					src = cr_buf_detach(&b);
				}
			}
			d->sources = cr_xrealloc((void *)d->sources, (d->nsources + 1) * sizeof(char *));
			((const char **)d->sources)[d->nsources++] = src;
		}
		sqlite3_finalize(st);
	}
	if (step != SQLITE_DONE) {
		/* a partial read must not replace the stored results */
		cli_error("reading documents: %s", cr_db_errmsg(db));
		return -1;
	}
	cr_resolve(&c->ledger, c->docs, c->an, c->n);
	if (store && store_ledger(db, c) < 0)
		return -1;
	return 0;
}

int cli_analyze(cr_db *db, const cli_opts *o)
{
	cli_corpus c;
	int rc = cli_build_ledger(db, &c, true);
	if (rc == 0 && !o->quiet) {
		cr_buf b = {0};
		cr_report_summary(&b, &c.ledger);
		fputs(b.data, stderr);
		cr_buf_free(&b);
	}
	cli_corpus_free(&c);
	return rc;
}
