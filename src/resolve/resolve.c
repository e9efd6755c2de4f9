/*
 * resolve.c: the reduce step's driver — entities, then events (whose places
 * are entities), then claims re-pointed at the global ids, then copies and
 * findings. See resolve.h.
 */
#include "resolve/resolve.h"

#include <stdlib.h>
#include <string.h>

const char *const cr_finding_kind_names[] = {"corroborated", "single_source", "conflict", "consistent"};

static int cmp_gmention(const void *a, const void *b)
{
	const cr_gmention *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return (x->start > y->start) - (x->start < y->start);
}

int cr_resolve(cr_ledger *out, cr_docinfo *docs, const cr_analysis *an, size_t n)
{
	memset(out, 0, sizeof *out);
	out->docs = docs;
	out->ndocs = n;
	int **emap = cr_xcalloc(n + 1, sizeof *emap), **vmap = cr_xcalloc(n + 1, sizeof *vmap);
	for (size_t d = 0; d < n; d++) {
		emap[d] = cr_xcalloc(an[d].nentities + 1, sizeof(int));
		vmap[d] = cr_xcalloc(an[d].nevents + 1, sizeof(int));
	}
	cr_resolve_entities(out, an, emap);
	cr_resolve_stories(out, an, emap);
	cr_resolve_events(out, an, emap, vmap);
	CR_VEC(cr_claim) claims = {0};
	for (size_t d = 0; d < n; d++) {
		for (size_t i = 0; i < an[d].nclaims; i++) {
			const cr_claim *c = &an[d].claims[i];
			cr_claim g = *c; /* the same type: the indices mapped, the strings copied */
			g.doc = d;
			g.subject = c->subject_kind == CR_SUBJ_EVENT ? vmap[d][c->subject] : emap[d][c->subject];
			if (g.subject < 0)
				continue;
			g.value_text = c->value_text ? cr_xstrdup(c->value_text) : NULL;
			g.value_entity = c->value_entity >= 0 ? emap[d][c->value_entity] : -1;
			g.value_event = c->value_event >= 0 ? vmap[d][c->value_event] : -1;
			g.time_value = c->time_value ? cr_xstrdup(c->time_value) : NULL;
			g.source = c->source >= 0 ? emap[d][c->source] : -1;
			g.attribution = c->attribution ? cr_xstrdup(c->attribution) : NULL;
			cr_vec_push(&claims, g);
		}
	}
	out->claims = claims.items;
	out->nclaims = claims.len;
	CR_VEC(cr_gmention) ms = {0};
	for (size_t d = 0; d < n; d++)
		for (size_t i = 0; i < an[d].nmentions; i++) {
			const cr_lmention *m = &an[d].mentions[i];
			int g = m->kind == CR_SUBJ_EVENT ? vmap[d][m->id] : emap[d][m->id];
			if (g >= 0)
				cr_vec_push(&ms, ((cr_gmention){d, m->kind, g, m->start, m->end}));
		}
	if (ms.len > 1)
		qsort(ms.items, ms.len, sizeof *ms.items, cmp_gmention);
	out->mentions = ms.items;
	out->nmentions = ms.len;
	for (size_t d = 0; d < n; d++) {
		free(emap[d]);
		free(vmap[d]);
	}
	free(emap);
	free(vmap);
	cr_resolve_copies(out);
	cr_resolve_findings(out);
	return 0;
}

void cr_ledger_free(cr_ledger *l)
{
	for (size_t i = 0; i < l->nentities; i++) {
		cr_gentity *e = &l->entities[i];
		free(e->name);
		for (size_t k = 0; k < e->naliases; k++)
			free(e->aliases[k]);
		free(e->aliases);
		free(e->docs);
	}
	for (size_t i = 0; i < l->nevents; i++) {
		free(l->events[i].type);
		free(l->events[i].target);
		free(l->events[i].label);
		free(l->events[i].docs);
	}
	for (size_t i = 0; i < l->nclaims; i++) {
		free(l->claims[i].value_text);
		free(l->claims[i].time_value);
		free(l->claims[i].attribution);
	}
	for (size_t i = 0; i < l->nfindings; i++) {
		free(l->findings[i].claims);
		free(l->findings[i].explanation);
	}
	free(l->entities);
	free(l->events);
	free(l->claims);
	free(l->findings);
	free(l->copies);
	free(l->mentions);
	free(l->story);
	memset(l, 0, sizeof *l);
}
