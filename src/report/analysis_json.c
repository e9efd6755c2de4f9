/*
 * analysis_json.c: one document's analysis as one JSON object — its
 * metadata, local entities, events and claims with evidence offsets and
 * quotes. What `corrob extract` writes a line of, and what corrob_extract()
 * returns to library users. Ids are local to the document (e1, v1, c1).
 */
#include "report/report.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static json_t *day_or_null(int32_t d)
{
	if (d == CR_DAY_NONE)
		return json_null();
	char s[11];
	cr_day_format(d, s);
	return json_string(s);
}

static json_t *range_json(cr_dayrange r, bool inferred, bool with_inferred)
{
	json_t *o = json_object();
	json_object_set_new(o, "value", cr_range_known(r) && r.earliest == r.latest ? day_or_null(r.earliest) : json_null());
	json_object_set_new(o, "earliest", day_or_null(r.earliest));
	json_object_set_new(o, "latest", day_or_null(r.latest));
	if (with_inferred)
		json_object_set_new(o, "inferred", json_boolean(inferred));
	return o;
}

static json_t *ref(char prefix, int i)
{
	if (i < 0)
		return json_null();
	char s[24];
	snprintf(s, sizeof s, "%c%d", prefix, i + 1);
	return json_string(s);
}

static json_t *num(double v)
{
	return v == floor(v) && fabs(v) < 9e15 ? json_integer((json_int_t)v) : json_real(v);
}

static json_t *str(const char *s)
{
	return s ? json_string(s) : json_null();
}

void cr_report_analysis_json(cr_buf *out, const cr_document *d, const cr_analysis *ap)
{
	const cr_analysis a = *ap;
	json_t *root = json_object(), *doc = json_object();
	json_object_set_new(doc, "path", str(d->url ? d->url : d->path));
	json_object_set_new(doc, "title", str(d->title));
	json_object_set_new(doc, "outlet", str(d->outlet));
	json_object_set_new(doc, "hash", json_string(d->hash));
	json_object_set_new(doc, "published", range_json(a.published, a.published_inferred, true));
	json_object_set_new(root, "document", doc);
	json_t *ents = json_array();
	for (size_t i = 0; i < a.nentities; i++) {
		const cr_lentity *e = &a.entities[i];
		if (!e->mentions || !e->name)
			continue;
		json_t *o = json_object(), *al = json_array();
		json_object_set_new(o, "id", ref('e', (int)i));
		json_object_set_new(o, "type", json_string(cr_etype_names[e->type]));
		json_object_set_new(o, "name", json_string(e->name));
		for (size_t k = 0; k < e->naliases; k++)
			json_array_append_new(al, json_string(e->aliases[k].text));
		json_object_set_new(o, "aliases", al);
		json_object_set_new(o, "mentions", json_integer(e->mentions));
		json_array_append_new(ents, o);
	}
	json_object_set_new(root, "entities", ents);
	json_t *evs = json_array();
	for (size_t i = 0; i < a.nevents; i++) {
		const cr_levent *v = &a.events[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", ref('v', (int)i));
		json_object_set_new(o, "type", json_string(v->type));
		json_object_set_new(o, "label", json_string(v->label));
		json_object_set_new(o, "target", str(v->target));
		json_object_set_new(o, "place", ref('e', v->place));
		json_object_set_new(o, "country", v->country[0] ? json_string(v->country) : json_null());
		json_object_set_new(o, "time", cr_range_known(v->time) ? range_json(v->time, false, false) : json_null());
		/* "Dec. 6" in an undated report: the day, its year left to the reduce step */
		if (v->month_day)
			json_object_set_new(o, "yearless", json_sprintf("XXXX-%02u-%02u", v->month_day / 100u, v->month_day % 100u));
		json_array_append_new(evs, o);
	}
	json_object_set_new(root, "events", evs);
	json_t *cls = json_array();
	for (size_t i = 0; i < a.nclaims; i++) {
		const cr_lclaim *cl = &a.claims[i];
		json_t *o = json_object(), *v = json_object(), *at = json_object(), *ev = json_object();
		json_object_set_new(o, "id", ref('c', (int)i));
		json_object_set_new(o, "subject", ref(cl->subject_kind == CR_SUBJ_EVENT ? 'v' : 'e', cl->subject));
		json_object_set_new(o, "predicate", json_string(cl->predicate));
		json_object_set_new(v, "text", str(cl->value_text));
		if (cl->has_number) {
			json_t *n = json_object();
			json_object_set_new(n, "low", cl->has_low ? num(cl->low) : json_null());
			json_object_set_new(n, "high", cl->has_high ? num(cl->high) : json_null());
			json_object_set_new(v, "number", n);
		} else {
			json_object_set_new(v, "number", json_null());
		}
		json_object_set_new(v, "entity", ref('e', cl->value_entity));
		json_object_set_new(v, "event", ref('v', cl->value_event));
		json_object_set_new(v, "time", cr_range_known(cl->value_time) ? range_json(cl->value_time, false, false) : json_null());
		json_object_set_new(o, "value", v);
		json_object_set_new(at, "source", ref('e', cl->source));
		json_object_set_new(at, "text", str(cl->attribution));
		json_object_set_new(o, "attribution", at);
		json_object_set_new(o, "modality", json_string(cr_modality_names[cl->modality]));
		json_object_set_new(ev, "start", json_integer(cl->start));
		json_object_set_new(ev, "end", json_integer(cl->end));
		json_object_set_new(ev, "quote", json_stringn(d->text + cl->start, cl->end - cl->start));
		json_object_set_new(o, "evidence", ev);
		json_array_append_new(cls, o);
	}
	json_object_set_new(root, "claims", cls);
	char *line = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!line)
		cr_oom();
	cr_buf_puts(out, line);
	free(line);
	json_decref(root);
}

