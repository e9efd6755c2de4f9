/*
 * jsonl.c: a stream of articles, one JSON object per line (url, title,
 * outlet, published, text). jansson parses each line; a bad line is reported
 * with its number and skipped, the rest go on. Lines are read with getline,
 * so a line is bounded only by the document size limit, checked before parsing.
 */
#include "ingest/document.h"

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

int cr_ingest_jsonl(FILE *f, const char *name, const cr_diag *dg, cr_doc_cb cb, void *ud)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	size_t lineno = 0;
	int bad = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		char where[32];
		snprintf(where, sizeof where, "line %zu", lineno);
		size_t len = (size_t)n;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len == 0)
			continue;
		if (len > CR_MAX_DOC_BYTES + 4096) {
			cr_diag_emit(dg, CR_DIAG_ERROR, name, where, "line of %zu bytes is over the %zu MB limit; skipped",
			             len, CR_MAX_DOC_BYTES >> 20);
			bad++;
			continue;
		}
		json_error_t err;
		json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err);
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
		int rc = cb(ud, &d);
		cr_document_free(&d);
		if (rc < 0)
			break;
	}
	int rerr = ferror(f);
	free(line);
	if (rerr) {
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "read error");
		return -1;
	}
	return bad;
}
