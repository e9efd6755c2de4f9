/*
 * fuzz_report.c: the report writers on a ledger built from the input —
 * documents, entities, events, claims and findings whose strings are pieces
 * of it (control characters, quotes, markup, formulas and all, repaired to
 * UTF-8 as ingest does) and whose numbers are its bytes (infinities and NaN
 * too). Every writer must finish; the JSON must parse and quote each
 * claim's evidence exactly; no control character but a line break may
 * reach the Markdown, the summary or a CSV line's cells, and no CSV cell
 * may open with a formula character.
 */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct src {
	const uint8_t *p;
	size_t n, at;
} src;

static unsigned byte(src *s)
{
	return s->at < s->n ? s->p[s->at++] : 0;
}

/* A string of the next up to 40 bytes, repaired to UTF-8; owned by the pool. */
static char *str(src *s, char ***pool, size_t *npool)
{
	size_t len = byte(s) % 41;
	if (len > s->n - s->at)
		len = s->n - s->at;
	char *out;
	size_t olen;
	cr_utf8_report rep;
	cr_utf8_repair(&out, &olen, (const char *)s->p + s->at, len, &rep);
	s->at += len;
	for (size_t i = 0; i < olen; i++)
		if (!out[i])
			out[i] = ' ';   /* strings are NUL-terminated */
	*pool = realloc(*pool, (*npool + 1) * sizeof **pool);
	(*pool)[(*npool)++] = out;
	return out;
}

static double number(src *s)
{
	switch (byte(s) % 6) {
	case 0: return INFINITY;
	case 1: return -INFINITY;
	case 2: return NAN;
	case 3: return -(double)byte(s);
	default: {
		uint64_t v = 0;
		for (int i = 0; i < 4; i++)
			v = v << 8 | byte(s);
		return (double)v / (1 + byte(s));
	}
	}
}

static bool has_control(const char *s, size_t n, bool lines_ok)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && !(lines_ok && (c == '\n' || c == '\t'))) || c == 0x7f)
			return true;
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9f)
			return true;
	}
	return false;
}

/* The start of every CSV cell must not be a formula: a cell opens after a
 * comma or a line start outside quotes. */
static void check_csv(const char *s, size_t n)
{
	bool quoted = false, start = true;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (start) {
			char first = c == '"' && i + 1 < n ? s[i + 1] : c;
			/* a bare negative number ("-5", "-1.5e+20") is a number, not a formula */
			bool numeric = c == '-' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9';
			for (size_t k = i + 1; numeric && k < n && s[k] != ',' && s[k] != '\n'; k++)
				numeric = strchr("0123456789.e+-", s[k]) != NULL;
			if (!numeric && (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
			                 first == '\r'))
				abort();
			start = false;
		}
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == ',' || c == '\n'))
			start = true;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	src s = {data, size, 0};
	char **pool = NULL;
	size_t np = 0;
	cr_ledger l;
	memset(&l, 0, sizeof l);
	l.ndocs = 1 + byte(&s) % 3;
	l.docs = calloc(l.ndocs, sizeof *l.docs);
	for (size_t i = 0; i < l.ndocs; i++) {
		cr_docinfo *d = &l.docs[i];
		d->id = (int64_t)i + 1;
		d->path = str(&s, &pool, &np);
		d->title = byte(&s) & 1 ? str(&s, &pool, &np) : NULL;
		d->outlet = byte(&s) & 1 ? str(&s, &pool, &np) : NULL;
		d->url = byte(&s) & 1 ? str(&s, &pool, &np) : NULL;
		d->text = str(&s, &pool, &np);
		d->len = strlen(d->text);
		int32_t day = (int32_t)(byte(&s) * 100) - 10000;
		d->published = byte(&s) & 1 ? (cr_dayrange){day, day + (int32_t)byte(&s)} : (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
		d->inferred = byte(&s) & 1;
	}
	l.nentities = 1 + byte(&s) % 4;
	l.entities = calloc(l.nentities, sizeof *l.entities);
	for (size_t i = 0; i < l.nentities; i++) {
		cr_gentity *e = &l.entities[i];
		e->type = (uint8_t)(byte(&s) % 4);
		e->name = str(&s, &pool, &np);
		e->naliases = byte(&s) % 3;
		e->aliases = calloc(e->naliases + 1, sizeof *e->aliases);
		for (size_t k = 0; k < e->naliases; k++)
			e->aliases[k] = str(&s, &pool, &np);
		e->ndocs = 1;
		e->docs = calloc(1, sizeof *e->docs);
		e->docs[0] = byte(&s) % l.ndocs;
		e->mentions = byte(&s);
	}
	l.nevents = byte(&s) % 3;
	l.events = calloc(l.nevents + 1, sizeof *l.events);
	for (size_t i = 0; i < l.nevents; i++) {
		cr_gevent *v = &l.events[i];
		v->type = str(&s, &pool, &np);
		v->label = str(&s, &pool, &np);
		v->target = byte(&s) & 1 ? str(&s, &pool, &np) : NULL;
		v->place = byte(&s) & 1 ? (int)(byte(&s) % l.nentities) : -1;
		int32_t day = (int32_t)byte(&s) * 50;
		v->time = byte(&s) & 1 ? (cr_dayrange){day, day + (int32_t)byte(&s) * 10} : (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
		v->ndocs = 1;
		v->docs = calloc(1, sizeof *v->docs);
		v->docs[0] = byte(&s) % l.ndocs;
	}
	static const char *const predicates[] = {"killed", "age", "born", "position", "nickname", "responsible_for"};
	l.nclaims = byte(&s) % 5;
	l.claims = calloc(l.nclaims + 1, sizeof *l.claims);
	for (size_t i = 0; i < l.nclaims; i++) {
		cr_claim *c = &l.claims[i];
		c->doc = byte(&s) % l.ndocs;
		c->subject_kind = l.nevents && byte(&s) & 1 ? CR_SUBJ_EVENT : CR_SUBJ_ENTITY;
		c->subject = (int)(byte(&s) % (c->subject_kind == CR_SUBJ_EVENT ? l.nevents : l.nentities));
		c->predicate = predicates[byte(&s) % 6];
		c->value_text = byte(&s) & 1 ? str(&s, &pool, &np) : NULL;
		c->has_number = byte(&s) & 1;
		c->has_low = byte(&s) & 1;
		c->has_high = byte(&s) & 1;
		c->low = number(&s);
		c->high = number(&s);
		c->value_entity = byte(&s) & 1 ? (int)(byte(&s) % l.nentities) : -1;
		c->value_event = l.nevents && byte(&s) & 1 ? (int)(byte(&s) % l.nevents) : -1;
		c->value_time = (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
		c->source = byte(&s) & 1 ? (int)(byte(&s) % l.nentities) : -1;
		c->attribution = byte(&s) & 1 ? str(&s, &pool, &np) : NULL;
		c->modality = (uint8_t)(byte(&s) % 5);
		/* evidence on character boundaries, as the tokenizer gives it */
		const cr_docinfo *d = &l.docs[c->doc];
		size_t a = d->len ? byte(&s) % (d->len + 1) : 0, b = d->len ? byte(&s) % (d->len + 1) : 0;
		if (a > b) {
			size_t t = a;
			a = b;
			b = t;
		}
		while (a > 0 && ((unsigned char)d->text[a] & 0xc0) == 0x80)
			a--;
		while (b < d->len && ((unsigned char)d->text[b] & 0xc0) == 0x80)
			b++;
		c->start = (uint32_t)a;
		c->end = (uint32_t)b;
	}
	l.nfindings = l.nclaims ? byte(&s) % 3 : 0;
	l.findings = calloc(l.nfindings + 1, sizeof *l.findings);
	for (size_t i = 0; i < l.nfindings; i++) {
		cr_finding *f = &l.findings[i];
		f->kind = (uint8_t)(byte(&s) % 4);
		const cr_claim *c = &l.claims[byte(&s) % l.nclaims];
		f->subject_kind = c->subject_kind;
		f->subject = c->subject;
		f->predicate = c->predicate;
		f->nclaims = 1 + byte(&s) % 2;
		f->claims = calloc(f->nclaims, sizeof *f->claims);
		for (size_t k = 0; k < f->nclaims; k++)
			f->claims[k] = byte(&s) % l.nclaims;
		f->outlets = byte(&s);
		f->originators = byte(&s);
		f->explanation = str(&s, &pool, &np);
	}

	cr_buf md = {0}, js = {0}, csv = {0}, fcsv = {0}, sum = {0};
	cr_report_markdown(&md, &l);
	cr_report_json(&js, &l);
	cr_report_csv(&csv, &l);
	cr_report_findings_csv(&fcsv, &l);
	cr_report_summary(&sum, &l);
	if (has_control(md.data, md.len, true) || has_control(sum.data, sum.len, true))
		abort();
	check_csv(csv.data, csv.len);
	check_csv(fcsv.data, fcsv.len);
	json_error_t err;
	json_t *root = json_loadb(js.data, js.len, 0, &err);
	if (!root)
		abort();
	json_t *claims = json_object_get(root, "claims");
	if (json_array_size(claims) != l.nclaims)
		abort();
	for (size_t i = 0; i < l.nclaims; i++) {
		const cr_claim *c = &l.claims[i];
		json_t *q = json_object_get(json_array_get(json_object_get(json_array_get(claims, i), "evidence"), 0), "quote");
		const char *qs = json_string_value(q);
		json_t *num = json_object_get(json_object_get(json_array_get(claims, i), "value"), "number");
		if (c->has_number && (!json_object_get(num, "low") || !json_object_get(num, "high")))
			abort();   /* a figure JSON cannot hold is null, not left out */
		if (!qs || strlen(qs) != c->end - c->start || memcmp(qs, l.docs[c->doc].text + c->start, c->end - c->start) != 0)
			abort();
	}
	json_decref(root);
	cr_buf_free(&md);
	cr_buf_free(&fcsv);
	cr_buf_free(&js);
	cr_buf_free(&csv);
	cr_buf_free(&sum);

	for (size_t i = 0; i < l.nentities; i++) {
		free(l.entities[i].aliases);
		free(l.entities[i].docs);
	}
	for (size_t i = 0; i < l.nevents; i++)
		free(l.events[i].docs);
	for (size_t i = 0; i < l.nfindings; i++)
		free(l.findings[i].claims);
	free(l.docs);
	free(l.entities);
	free(l.events);
	free(l.claims);
	free(l.findings);
	for (size_t i = 0; i < np; i++)
		free(pool[i]);
	free(pool);
	return 0;
}
