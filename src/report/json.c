/*
 * json.c: the JSON report (schema_version 1). Built with jansson, keys in
 * insertion order, integers printed as integers, so the same ledger always
 * gives the same bytes.
 */
#include "report/report.h"
#include "report/json_parts.h"
#include "ingest/lang.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static json_t *id(char prefix, long long n)
{
	char s[32];
	snprintf(s, sizeof s, "%c%lld", prefix, n);
	return json_string(s);
}

static json_t *doc_ids(const cr_ledger *l, const size_t *docs, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, id('d', (long long)l->docs[docs[i]].id));
	return a;
}

static json_t *subject_id(uint8_t kind, int subject)
{
	return id(kind == CR_SUBJ_EVENT ? 'v' : 'e', subject + 1);
}

/* The mentions of one entity or event: l->mentions is sorted by kind and id,
 * so they are one run, found from *at onwards. */
static json_t *spans_of(const cr_ledger *l, uint8_t kind, int which, size_t *at)
{
	json_t *a = json_array();
	size_t i = *at;
	while (i < l->nmentions && (l->mentions[i].kind < kind || (l->mentions[i].kind == kind && l->mentions[i].id < which)))
		i++;
	for (; i < l->nmentions && l->mentions[i].kind == kind && l->mentions[i].id == which; i++) {
		const cr_gmention *m = &l->mentions[i];
		json_t *o = json_object();
		json_object_set_new(o, "document", id('d', (long long)l->docs[m->doc].id));
		json_object_set_new(o, "start", json_integer(m->start));
		json_object_set_new(o, "end", json_integer(m->end));
		json_array_append_new(a, o);
	}
	*at = i;
	return a;
}

/* A document's path is the file it was read from, unless several documents
 * came from that one file (a JSONL stream, a WARC crawl): then its URL. */
static const char *doc_path(const cr_ledger *l, size_t i)
{
	const cr_docinfo *d = &l->docs[i];
	if (!d->url || !d->path)
		return d->path ? d->path : d->url;
	for (size_t k = 0; k < l->ndocs; k++)
		if (k != i && l->docs[k].path && strcmp(l->docs[k].path, d->path) == 0)
			return d->url;
	return d->path;
}

void cr_report_json(cr_buf *out, const cr_ledger *l)
{
	json_t *root = json_object();
	json_object_set_new(root, "schema_version", json_integer(CR_REPORT_SCHEMA_VERSION));
	json_object_set_new(root, "generator", json_string("corrob " CORROB_VERSION));

	json_t *docs = json_array();
	for (size_t i = 0; i < l->ndocs; i++) {
		const cr_docinfo *d = &l->docs[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", id('d', (long long)d->id));
		json_object_set_new(o, "path", cr_json_str(doc_path(l, i)));
		json_object_set_new(o, "url", cr_json_str(d->url));
		json_object_set_new(o, "title", cr_json_str(d->title));
		json_object_set_new(o, "outlet", cr_json_str(d->outlet));
		if (l->story)
			json_object_set_new(o, "story", json_integer(l->story[i] + 1));
		json_t *p = json_object();
		bool exact = cr_range_known(d->published) && d->published.earliest == d->published.latest;
		json_object_set_new(p, "value", exact ? cr_json_day(d->published.earliest) : json_null());
		json_object_set_new(p, "earliest", cr_json_day(d->published.earliest));
		json_object_set_new(p, "latest", cr_json_day(d->published.latest));
		json_object_set_new(p, "inferred", json_boolean(d->inferred));
		json_object_set_new(o, "published", p);
		/* only when not English (or undetermined), so that the reports of
		 * English documents read as before */
		if (!cr_language_is_english(d->lang))
			json_object_set_new(o, "language", json_string(d->lang));
		json_array_append_new(docs, o);
	}
	json_object_set_new(root, "documents", docs);

	json_t *ents = json_array();
	size_t at = 0;
	for (size_t i = 0; i < l->nentities; i++) {
		const cr_gentity *e = &l->entities[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", id('e', (long long)i + 1));
		json_object_set_new(o, "type", json_string(cr_etype_names[e->type]));
		json_object_set_new(o, "name", json_string(e->name));
		json_t *al = json_array();
		for (size_t k = 0; k < e->naliases; k++)
			json_array_append_new(al, json_string(e->aliases[k]));
		json_object_set_new(o, "aliases", al);
		json_object_set_new(o, "documents", doc_ids(l, e->docs, e->ndocs));
		json_object_set_new(o, "mentions", json_integer(e->mentions));
		json_object_set_new(o, "spans", spans_of(l, CR_SUBJ_ENTITY, (int)i, &at));
		json_array_append_new(ents, o);
	}
	json_object_set_new(root, "entities", ents);

	json_t *evs = json_array();
	for (size_t i = 0; i < l->nevents; i++) {
		const cr_gevent *v = &l->events[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", id('v', (long long)i + 1));
		json_object_set_new(o, "type", json_string(v->type));
		json_object_set_new(o, "label", json_string(v->label));
		json_object_set_new(o, "target", cr_json_str(v->target));
		json_object_set_new(o, "place", v->place >= 0 ? id('e', v->place + 1) : json_null());
		json_t *t = cr_json_range(v->time);
		/* as for a publication date: true when the year was estimated, not stated */
		if (json_is_object(t))
			json_object_set_new(t, "inferred", json_boolean(v->time_inferred));
		json_object_set_new(o, "time", t);
		json_object_set_new(o, "documents", doc_ids(l, v->docs, v->ndocs));
		json_object_set_new(o, "spans", spans_of(l, CR_SUBJ_EVENT, (int)i, &at));
		json_array_append_new(evs, o);
	}
	json_object_set_new(root, "events", evs);

	json_t *claims = json_array();
	for (size_t i = 0; i < l->nclaims; i++) {
		const cr_claim *c = &l->claims[i];
		const cr_docinfo *d = &l->docs[c->doc];
		json_array_append_new(claims, cr_json_claim(c, i, d->text, (long long)d->id));
	}
	json_object_set_new(root, "claims", claims);

	json_t *fs = json_array();
	for (size_t i = 0; i < l->nfindings; i++) {
		const cr_finding *f = &l->findings[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", id('f', (long long)i + 1));
		json_object_set_new(o, "kind", json_string(cr_finding_kind_names[f->kind]));
		json_object_set_new(o, "subject", subject_id(f->subject_kind, f->subject));
		json_object_set_new(o, "predicate", json_string(f->predicate));
		json_t *cl = json_array();
		for (size_t k = 0; k < f->nclaims; k++)
			json_array_append_new(cl, id('c', (long long)f->claims[k] + 1));
		json_object_set_new(o, "claims", cl);
		json_object_set_new(o, "outlets", json_integer((json_int_t)f->outlets));
		json_object_set_new(o, "originators", json_integer((json_int_t)f->originators));
		json_object_set_new(o, "explanation", json_string(f->explanation));
		json_array_append_new(fs, o);
	}
	json_object_set_new(root, "findings", fs);

	json_t *cp = json_array();
	for (size_t i = 0; i < l->ncopies; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "documents", json_pack("[oo]", id('d', (long long)l->docs[l->copies[i].a].id),
		                                                id('d', (long long)l->docs[l->copies[i].b].id)));
		json_object_set_new(o, "similarity", json_real(floor(l->copies[i].similarity * 1000 + 0.5) / 1000));
		json_array_append_new(cp, o);
	}
	json_object_set_new(root, "copies", cp);

	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0 | JSON_REAL_PRECISION(10));
	if (!s)
		cr_oom();
	cr_buf_puts(out, s);
	cr_buf_putc(out, '\n');
	free(s);
	json_decref(root);
}
