/*
 * events.c: one event behind the reports of one incident.
 *
 * Reports join when they name the same target ("theatre", "maternity
 * hospital": canonical forms from data/lexicon/event-targets.tsv) at a
 * compatible place (the same entity, or one report names none) and at
 * compatible times (day intervals that overlap, or one is undated). Reports
 * with no target join when they name the same place and overlapping times
 * ("the siege of Aleppo", "airstrikes on Aleppo in 2016"); appointments and
 * dismissals join when they concern the same person. The merged event takes
 * the most reported type, the most reported place and the narrowest time
 * all its reports allow.
 */
#include "resolve/resolve.h"
#include "util/map.h"

#include <stdlib.h>
#include <string.h>

typedef struct vnode {
	size_t doc;
	int local, parent;
	int place;              /* global entity */
	cr_dayrange time;
	const cr_levent *ev;
} vnode;

static int vfind(vnode *n, int i)
{
	while (n[i].parent != i) {
		n[i].parent = n[n[i].parent].parent;
		i = n[i].parent;
	}
	return i;
}

static bool overlaps(cr_dayrange a, cr_dayrange b)
{
	return !cr_range_known(a) || !cr_range_known(b) || (a.earliest <= b.latest && b.earliest <= a.latest);
}

static bool violent(const char *t)
{
	return cr_event_is_incident(t);
}

/* Disasters (earthquakes, floods, storms ...) are named by their kind and
 * time; reports place them at different towns of the area they struck. */
static bool disaster(const char *t)
{
	static const char *kinds[] = {"earthquake", "tsunami", "flood", "fire", "landslide", "avalanche", "storm",
	                              "eruption"};
	for (size_t i = 0; i < CR_ARRAY_LEN(kinds); i++)
		if (strcmp(t, kinds[i]) == 0)
			return true;
	return false;
}

/* Joins a and b when the groups they head stay compatible (place and time). */
static void vunite(vnode *n, int a, int b, cr_dayrange *gt, int *gp)
{
	bool any_place = disaster(n[a].ev->type) && !n[a].ev->target;
	a = vfind(n, a);
	b = vfind(n, b);
	if (a == b || !overlaps(gt[a], gt[b]) || (!any_place && gp[a] >= 0 && gp[b] >= 0 && gp[a] != gp[b]))
		return;
	if (b < a) {
		int t = a;
		a = b;
		b = t;
	}
	n[b].parent = a;
	if (cr_range_known(gt[b])) {
		if (!cr_range_known(gt[a]))
			gt[a] = gt[b];
		else {
			gt[a].earliest = CR_MAX(gt[a].earliest, gt[b].earliest);
			gt[a].latest = CR_MIN(gt[a].latest, gt[b].latest);
		}
	}
	if (gp[a] < 0)
		gp[a] = gp[b];
}

static char *label_of(const cr_ledger *l, const char *type, const char *target, int place)
{
	cr_buf b = {0};
	const char *pn = place >= 0 ? l->entities[place].name : NULL;
	if (target)
		cr_buf_printf(&b, "%s on the %s", type, target);
	else
		cr_buf_puts(&b, type);
	if (pn)
		cr_buf_printf(&b, " %s %s", !target && strcmp(type, "siege") == 0 ? "of" : "in", pn);
	return cr_buf_detach(&b);
}

void cr_resolve_events(cr_ledger *l, const cr_analysis *an, int *const *emap, int **vmap)
{
	CR_VEC(vnode) nodes = {0};
	for (size_t d = 0; d < l->ndocs; d++)
		for (size_t e = 0; e < an[d].nevents; e++) {
			const cr_levent *le = &an[d].events[e];
			vnode v = {d, (int)e, (int)nodes.len, le->place >= 0 ? emap[d][le->place] : -1, le->time, le};
			cr_vec_push(&nodes, v);
		}
	vnode *N = nodes.items;
	size_t nn = nodes.len;
	cr_dayrange *gt = cr_xcalloc(nn + 1, sizeof *gt);
	int *gp = cr_xcalloc(nn + 1, sizeof *gp);
	for (size_t i = 0; i < nn; i++) {
		gt[i] = N[i].time;
		gp[i] = N[i].place;
		/* an undated disaster in a dated report is a recent one: the month before
		 * publication (two earthquakes months apart are two events) */
		cr_dayrange pub = l->docs[N[i].doc].published;
		if (!cr_range_known(gt[i]) && disaster(N[i].ev->type) && cr_range_known(pub))
			gt[i] = (cr_dayrange){pub.earliest - 30, pub.latest};
	}
	/* candidates share a key: the target, or the place (no target), or the label (appointments) */
	cr_map *bykey = cr_map_new();
	CR_VEC(size_t) *groups = NULL;
	size_t ngroups = 0;
	for (size_t i = 0; i < nn; i++) {
		const cr_levent *le = N[i].ev;
		cr_buf k = {0};
		if (!violent(le->type))
			cr_buf_printf(&k, "L:%s", le->label);
		else if (disaster(le->type) && !le->target)
			cr_buf_printf(&k, "D:%s", le->type);
		else if (le->target)
			cr_buf_printf(&k, "T:%s", le->target);
		else if (N[i].place >= 0)
			cr_buf_printf(&k, "P:%d", N[i].place);
		else {
			cr_buf_free(&k);
			continue;
		}
		intptr_t g;
		if (!cr_map_get(bykey, k.data, k.len, &g)) {
			groups = cr_xrealloc(groups, (ngroups + 1) * sizeof *groups);
			memset(&groups[ngroups], 0, sizeof *groups);
			g = (intptr_t)++ngroups;
			cr_map_put(bykey, k.data, k.len, g);
		}
		cr_vec_push(&groups[g - 1], i);
		cr_buf_free(&k);
	}
	for (size_t g = 0; g < ngroups; g++) {
		/* places first: reports that name the place join before undated/unplaced ones pick a side */
		for (int pass = 0; pass < 2; pass++)
			for (size_t x = 0; x < groups[g].len; x++)
				for (size_t y = x + 1; y < groups[g].len; y++) {
					int a = (int)groups[g].items[x], b = (int)groups[g].items[y];
					if (pass == 0 && (N[a].place < 0 || N[b].place < 0) && !disaster(N[a].ev->type))
						continue;
					vunite(N, a, b, gt, gp);
				}
		cr_vec_free(&groups[g]);
	}
	free(groups);
	cr_map_free(bykey);

	int *gid = cr_xcalloc(nn + 1, sizeof(int));
	CR_VEC(cr_gevent) evs = {0};
	for (size_t i = 0; i < nn; i++) {
		int r = vfind(N, (int)i);
		if ((size_t)r == i) {
			gid[i] = (int)evs.len;
			cr_gevent g = {0};
			g.place = gp[r];
			g.time = gt[r];
			cr_vec_push(&evs, g);
		} else {
			gid[i] = gid[r];
		}
	}
	/* type: most reported (ties: first seen); target: any; documents */
	size_t *start = cr_xcalloc(evs.len + 2, sizeof *start), *order = cr_xcalloc(nn + 1, sizeof *order);
	size_t *fill = cr_xcalloc(evs.len + 1, sizeof *fill);
	for (size_t i = 0; i < nn; i++)
		start[gid[i] + 1]++;
	for (size_t g = 0; g < evs.len; g++)
		start[g + 1] += start[g];
	for (size_t i = 0; i < nn; i++)
		order[start[gid[i]] + fill[gid[i]]++] = i;
	free(fill);
	CR_VEC(const char *) types = {0};
	for (size_t g = 0; g < evs.len; g++) {
		cr_gevent *ge = &evs.items[g];
		types.len = 0;
		CR_VEC(size_t) docs = {0};
		for (size_t oi = start[g]; oi < start[g + 1]; oi++) {
			size_t i = order[oi];
			cr_vec_push(&types, N[i].ev->type);
			if (!ge->target && N[i].ev->target)
				ge->target = cr_xstrdup(N[i].ev->target);
			if (!docs.len || docs.items[docs.len - 1] != N[i].doc)
				cr_vec_push(&docs, N[i].doc);
			if (!violent(N[i].ev->type) && !ge->label)
				ge->label = cr_xstrdup(N[i].ev->label);
		}
		const char *best = types.items[0];
		size_t bestc = 0;
		for (size_t a = 0; a < types.len; a++) {
			size_t c = 0;
			for (size_t b = 0; b < types.len; b++)
				c += strcmp(types.items[a], types.items[b]) == 0;
			/* a specific type beats the generic "attack" on a tie */
			if (c > bestc || (c == bestc && strcmp(best, "attack") == 0))
				best = types.items[a], bestc = c;
		}
		ge->type = cr_xstrdup(best);
		if (!ge->label)
			ge->label = label_of(l, ge->type, ge->target, ge->place);
		ge->docs = docs.items;
		ge->ndocs = docs.len;
	}
	cr_vec_free(&types);
	for (size_t i = 0; i < nn; i++)
		vmap[N[i].doc][N[i].local] = gid[i];
	free(gid);
	free(start);
	free(order);
	free(gt);
	free(gp);
	cr_vec_free(&nodes);
	l->events = evs.items;
	l->nevents = evs.len;
}
