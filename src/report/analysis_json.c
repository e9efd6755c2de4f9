/*
 * analysis_json.c: one document's analysis as one JSON object — its
 * metadata, local entities, events and claims with evidence offsets and
 * quotes. What `corrob extract` writes a line of, and what corrob_extract()
 * returns to library users. Ids are local to the document (e1, v1, c1).
 */
#include "report/report.h"
#include "report/json_parts.h"
#include "ingest/lang.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* The publication date: the range with whether it was inferred, every key
 * present even when nothing is known. */
static json_t *published_json(cr_dayrange r, bool inferred)
{
	json_t *o = json_object();
	json_object_set_new(o, "value", cr_range_known(r) && r.earliest == r.latest ? cr_json_day(r.earliest) : json_null());
	json_object_set_new(o, "earliest", cr_json_day(r.earliest));
	json_object_set_new(o, "latest", cr_json_day(r.latest));
	json_object_set_new(o, "inferred", json_boolean(inferred));
	return o;
}

void cr_report_analysis_json(cr_buf *out, const cr_document *d, const cr_analysis *ap)
{
	const cr_analysis a = *ap;
	json_t *root = json_object(), *doc = json_object();
	json_object_set_new(doc, "path", cr_json_str(d->url ? d->url : d->path));
	json_object_set_new(doc, "title", cr_json_str(d->title));
	json_object_set_new(doc, "outlet", cr_json_str(d->outlet));
	json_object_set_new(doc, "hash", json_string(d->hash));
	json_object_set_new(doc, "published", published_json(a.published, a.published_inferred));
	if (!cr_language_is_english(d->lang))
		json_object_set_new(doc, "language", json_string(d->lang));
	json_object_set_new(root, "document", doc);
	json_t *ents = json_array();
	for (size_t i = 0; i < a.nentities; i++) {
		const cr_lentity *e = &a.entities[i];
		if (!e->mentions || !e->name)
			continue;
		json_t *o = json_object(), *al = json_array();
		json_object_set_new(o, "id", cr_json_ref('e', (int)i));
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
		json_object_set_new(o, "id", cr_json_ref('v', (int)i));
		json_object_set_new(o, "type", json_string(v->type));
		json_object_set_new(o, "label", json_string(v->label));
		json_object_set_new(o, "target", cr_json_str(v->target));
		json_object_set_new(o, "place", cr_json_ref('e', v->place));
		json_object_set_new(o, "country", v->country[0] ? json_string(v->country) : json_null());
		json_object_set_new(o, "time", cr_json_range(v->time));
		/* "Dec. 6" in an undated report: the day, its year left to the reduce step */
		if (v->month_day)
			json_object_set_new(o, "yearless", json_sprintf("XXXX-%02u-%02u", v->month_day / 100u, v->month_day % 100u));
		json_array_append_new(evs, o);
	}
	json_object_set_new(root, "events", evs);
	json_t *cls = json_array();
	for (size_t i = 0; i < a.nclaims; i++)
		json_array_append_new(cls, cr_json_claim(&a.claims[i], i, d->text, -1));
	json_object_set_new(root, "claims", cls);
	char *line = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!line)
		cr_oom();
	cr_buf_puts(out, line);
	free(line);
	json_decref(root);
}

