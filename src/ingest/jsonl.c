/*
 * jsonl.c: a stream of articles, one JSON object per line (url, title,
 * outlet, published, text). jansson parses each line; a bad line is reported
 * with its number and skipped, the rest go on. Lines are read through the
 * input's buffer with the size limit checked while reading: a line over it
 * is skipped through to its end without being kept, so memory stays flat
 * whatever the line.
 */
#include "ingest/document.h"
#include "ingest/input.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *field(json_t *o, const char *a, const char *b)
{
	json_t *v = json_object_get(o, a);
	if (!v && b)
		v = json_object_get(o, b);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

int cr_ingest_jsonl(cr_input *in, const char *name, const cr_diag *dg, cr_doc_cb cb, void *ud)
{
	cr_buf line = {0};
	size_t lineno = 0, over;
	int bad = 0, rc, stop = 0;
	while ((rc = cr_input_line(in, &line, CR_MAX_DOC_BYTES + 4096, &over)) > 0) {
		lineno++;
		char where[32];
		snprintf(where, sizeof where, "line %zu", lineno);
		if (over) {
			cr_diag_emit(dg, CR_DIAG_ERROR, name, where, "line of %zu bytes is over the %zu MB limit; skipped",
			             over, CR_MAX_DOC_BYTES >> 20);
			bad++;
			continue;
		}
		size_t len = line.len;
		while (len && (line.data[len - 1] == '\n' || line.data[len - 1] == '\r'))
			len--;
		if (len == 0)
			continue;
		json_error_t err;
		json_t *o = json_loadb(line.data, len, JSON_REJECT_DUPLICATES, &err);
		if (!o || !json_is_object(o)) {
			cr_diag_emit(dg, CR_DIAG_ERROR, name, where, "not a JSON object: %s (column %d)",
			             o ? "a JSON value of another type" : err.text, o ? 1 : err.column);
			json_decref(o);
			bad++;
			continue;
		}
		const char *text = field(o, "text", "body");
		if (!text) {
			cr_diag_emit(dg, CR_DIAG_ERROR, name, where, "no \"text\" string field");
			json_decref(o);
			bad++;
			continue;
		}
		size_t tl = json_string_length(json_object_get(o, "text") ? json_object_get(o, "text")
		                                                           : json_object_get(o, "body"));
		char docname[600];
		snprintf(docname, sizeof docname, "%s:%zu", name, lineno);
		const char *url = field(o, "url", NULL);
		cr_document d;
		if (cr_ingest_parts(&d, text, tl, docname, url, field(o, "title", NULL),
		                    field(o, "outlet", "source"), field(o, "published", "date"), dg) < 0) {
			json_decref(o);
			bad++;
			continue;
		}
		json_decref(o);
		stop = cb(ud, &d);
		cr_document_free(&d);
		if (stop < 0)
			break;
	}
	cr_buf_free(&line);
	if (stop < 0)
		return stop;
	if (rc < 0) {
		char msg[256];
		cr_input_error(in, msg, sizeof msg);
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "%s", msg);
		bad++;
	}
	return bad;
}
