/*
 * cmd_extract.c: `corrob extract` — the per-document stages (ingest,
 * segment, recognize, extract) as a stream filter with no store:
 *
 *     corrob extract < articles.jsonl > claims.jsonl
 *
 * Each article becomes one JSON line: the document (path or URL, title,
 * outlet, the hash that identifies it, its publication interval), its local
 * entities, events and claims with evidence offsets and quotes. This is the
 * map step a cluster engine runs in parallel; resolution across documents
 * is the reduce step (`corrob run` / `corrob report`).
 */
#include "cli/cli.h"
#include "extract/analysis.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct sink_ctx {
	const cr_extractor *x;
	size_t written;
} sink_ctx;

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

static int emit(void *ud, cr_document *d)
{
	sink_ctx *c = ud;
	cr_analysis a;
	if (cr_analyze(&a, c->x, d->text, d->len, d->published) < 0)
		return 0;
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
		json_object_set_new(o, "time", cr_range_known(v->time) ? range_json(v->time, false, false) : json_null());
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
	fputs(line, stdout);
	fputc('\n', stdout);
	free(line);
	json_decref(root);
	cr_analysis_free(&a);
	c->written++;
	return ferror(stdout) ? -1 : 0;
}

static const char extract_usage[] =
	"usage: corrob extract [--format auto|text|jsonl|html|warc] [PATH...]\n"
	"\n"
	"Runs the per-document stages with no store and writes one JSON line per\n"
	"article to standard output: its metadata, local entities, events and claims\n"
	"with evidence offsets into its clean text and the quoted words. Reads\n"
	"standard input when no PATH is given. A map step for parallel runs:\n"
	"    corrob extract < articles.jsonl > claims.jsonl\n";

int cmd_extract(const cli_opts *o, int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		fputs(extract_usage, stdout);
		return EXIT_OK;
	}
	const char *format = "auto";
	char **paths = cr_xcalloc((size_t)argc + 2, sizeof *paths);
	int n = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			format = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_error("extract: unknown option %s", argv[i]);
			fputs(extract_usage, stderr);
			free(paths);
			return EXIT_USAGE;
		} else {
			paths[n++] = argv[i];
		}
	}
	if (n == 0)
		paths[n++] = (char *)"-";
	sink_ctx c = {cr_extractor_new(), 0};
	if (!c.x) {
		free(paths);
		return EXIT_PARTIAL;
	}
	ingest_stats st = {0};
	cli_read_paths(paths, n, format, o, &st, emit, &c);
	cr_extractor_free((cr_extractor *)c.x);
	free(paths);
	if (fflush(stdout) != 0) {
		cli_error("extract: cannot write the output");
		return EXIT_PARTIAL;
	}
	if (!o->quiet)
		fprintf(stderr, "corrob: %zu documents extracted, %zu inputs failed\n", c.written, st.failed);
	return st.failed ? EXIT_PARTIAL : EXIT_OK;
}
