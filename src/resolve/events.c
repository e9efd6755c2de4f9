/*
 * events.c: one event behind the reports of one incident.
 *
 * Reports are candidates for one event when their types are of one family
 * (data/lexicon/event-types.tsv: a shooting and a killing, a blaze and an
 * arson) and, for what happens to a person (an arrest, a conviction, a
 * death), when it happens to the same person. Candidates join when they stay
 * compatible:
 *   - time: their day intervals overlap. An incident a dated report gives as
 *     its news (in its lead) without a date is a recent one — the two months
 *     before publication — so that two shootings years apart stay two;
 *     background and personal events undated stay open (a report of the
 *     trial recalls "his arrest" without a date);
 *   - place: the same place, or one that holds the other (a city and its
 *     country, by the gazetteer), or a place the gazetteer does not know; two
 *     different known cities or countries never join. Disasters strike
 *     regions: any place of theirs fits;
 *   - target: the same, or one report names none;
 *   - story: reports of two stories (stories.c: two groups of documents
 *     naming different people and places) join only when both are dated.
 * The merged event takes the most reported type, the most reported place
 * and the narrowest time all its reports allow; its label names the type,
 * the target or person, and the place. A day an undated report gives with
 * no year ("the Dec. 6 shooting") takes its year from the story's dated
 * reports (date_yearless), and the event's time says it was inferred.
 */
#include "resolve/resolve.h"
#include "recognize/gazetteer.h"
#include "util/map.h"

#include <stdlib.h>
#include <string.h>

typedef struct vnode {
	size_t doc;
	int local;
	int place;              /* global entity */
	int who;                /* global entity */
	cr_dayrange time;
	const cr_levent *ev;
} vnode;


/* Whether two places (global entities) can be the place of one event. */
static bool places_fit(const cr_ledger *l, int a, int b)
{
	return a < 0 || b < 0 || a == b || cr_places_fit(l->entities[a].name, l->entities[b].name);
}

/* Every place a group's reports name (a few), so that a report must fit all
 * of them, not only the first: "Stadiou Street" fits any city, Athens and
 * Oregon do not fit each other. */
#define GROUP_PLACES 6
typedef struct group_places {
	int p[GROUP_PLACES];
	int n;
} group_places;

/* How many days the event of nodes a and r may go on (event-types.tsv):
 * both types must allow it (a fire may burn two days, a shooting is of one). */
static int lasting(const vnode *n, int a, int r)
{
	return CR_MIN(cr_event_lasting(n[a].ev->type), cr_event_lasting(n[r].ev->type));
}

/* How well node a fits the group headed by root r: -1 when it cannot join
 * (times apart, two places that exclude each other, two targets), else a
 * score of what they share (target, place, a date, the type). */
static int fit(const cr_ledger *l, const vnode *n, int a, int r, const cr_dayrange *gt, const group_places *gp,
               char (*gc)[3], const char **gtg)
{
	bool region = cr_event_class_of(n[a].ev->type) == CR_EVENT_DISASTER;
	if (!cr_event_times_fit(gt[a], gt[r], lasting(n, a, r)))
		return -1;
	/* a report of another story (stories.c) joins only on its date: an
	 * undated report of a second quake on the island is not the first */
	bool personal = cr_event_class_of(n[a].ev->type) == CR_EVENT_PERSONAL;
	if (!personal && (!cr_range_known(gt[a]) || !cr_range_known(gt[r])) && cr_stories_apart(l, n[a].doc, n[r].doc))
		return -1;
	/* two countries apart; a disaster's region may cross a border */
	if (!region && n[a].ev->country[0] && gc[r][0] && strcmp(n[a].ev->country, gc[r]) != 0)
		return -1;
	bool same_place = false;
	for (int k = 0; k < gp[r].n && n[a].place >= 0; k++) {
		if (!region && !places_fit(l, n[a].place, gp[r].p[k]))
			return -1;
		same_place |= gp[r].p[k] == n[a].place;
	}
	if (gtg[a] && gtg[r] && strcmp(gtg[a], gtg[r]) != 0)
		return -1;
	int score = 0;
	if (gtg[a] && gtg[r])
		score += 4;
	if (same_place)
		score += 3;
	if (cr_range_known(n[a].time) && cr_range_known(gt[r]))
		score += 2;
	if (strcmp(n[a].ev->type, n[r].ev->type) == 0)
		score += 1;
	return score;
}

/* Node a joins the group headed by root r: the group keeps the narrowest
 * time both allow (of an event of days whose dates do not meet, the first),
 * its places, and a target when either names one. */
static void join(int *parent, int a, int r, cr_dayrange *gt, group_places *gp, char (*gc)[3], const char **gtg)
{
	parent[a] = r;
	if (!gc[r][0])
		memcpy(gc[r], gc[a], 3);
	if (cr_range_known(gt[a])) {
		if (!cr_range_known(gt[r]) || gt[a].latest < gt[r].earliest)
			gt[r] = gt[a];
		else if (gt[r].latest >= gt[a].earliest) {
			gt[r].earliest = CR_MAX(gt[r].earliest, gt[a].earliest);
			gt[r].latest = CR_MIN(gt[r].latest, gt[a].latest);
		}
	}
	for (int k = 0; k < gp[a].n; k++) {
		bool have = false;
		for (int q = 0; q < gp[r].n; q++)
			have |= gp[r].p[q] == gp[a].p[k];
		if (!have && gp[r].n < GROUP_PLACES)
			gp[r].p[gp[r].n++] = gp[a].p[k];
	}
	if (!gtg[r])
		gtg[r] = gtg[a];
}

static char *label_of(const cr_ledger *l, const char *type, const char *target, int place, int who)
{
	cr_buf b = {0};
	const char *pn = place >= 0 ? l->entities[place].name : NULL;
	if (who >= 0)
		cr_buf_printf(&b, "%s of %s", type, l->entities[who].name);
	else if (target)
		cr_buf_printf(&b, "%s on the %s", type, target);
	else
		cr_buf_puts(&b, type);
	if (pn)
		cr_buf_printf(&b, " %s %s", !target && who < 0 && strcmp(type, "siege") == 0 ? "of" : "in", pn);
	return cr_buf_detach(&b);
}

/* The candidates' key: the family, and for a personal event its person. */
static bool candidate_key(cr_buf *k, const vnode *v)
{
	const cr_levent *le = v->ev;
	const char *family = cr_event_family(le->type);
	if (cr_event_class_of(le->type) == CR_EVENT_PERSONAL) {
		if (v->who < 0)
			return false;
		cr_buf_printf(k, "P:%s:%d", family, v->who);
	} else {
		cr_buf_printf(k, "I:%s", family);
	}
	return true;
}

/* The latest day month_day (1206 for "Dec. 6") falls on up to a week after
 * day a: an event is reported after it happens. CR_DAY_NONE when there is none. */
static int32_t day_before(unsigned month_day, int32_t a)
{
	int y, m, dd;
	cr_civil_from_days(a + 7, &y, &m, &dd);
	unsigned mo = month_day / 100, da = month_day % 100;
	for (int yy = y; yy >= y - 1; yy--)
		if ((int)da <= cr_days_in_month(yy, (int)mo)) {
			int32_t z = cr_days_from_civil(yy, (int)mo, (int)da);
			if (z <= a + 7)
				return z;
		}
	return CR_DAY_NONE;
}

/*
 * The year of a day an undated report gives without one ("the Dec. 6
 * killing"): the story's own dates say it (stories.c). Each dated report of
 * the story (a date it gives an event, or its publication) votes for the
 * latest such day up to a week after it; the day most voted for, the later
 * on a tie, dates the event, marked as inferred. A story with no dated report
 * leaves it undated.
 */
static void date_yearless(const cr_ledger *l, vnode *N, size_t nn, bool *inferred)
{
	for (size_t a = 0; a < nn; a++) {
		if (!N[a].ev->month_day || cr_range_known(N[a].time) || !l->story)
			continue;
		int story = l->story[N[a].doc];
		CR_VEC(int32_t) votes = {0};
		for (size_t b = 0; b < nn; b++)
			if (cr_range_known(N[b].time) && N[b].time.latest - N[b].time.earliest <= 31 && l->story[N[b].doc] == story) {
				int32_t z = day_before(N[a].ev->month_day, N[b].time.earliest);
				if (z != CR_DAY_NONE)
					cr_vec_push(&votes, z);
			}
		for (size_t d = 0; d < l->ndocs; d++)
			if (cr_range_known(l->docs[d].published) && l->docs[d].published.latest - l->docs[d].published.earliest <= 31 &&
			    l->story[d] == story) {
				int32_t z = day_before(N[a].ev->month_day, l->docs[d].published.latest);
				if (z != CR_DAY_NONE)
					cr_vec_push(&votes, z);
			}
		int32_t best = CR_DAY_NONE;
		size_t best_n = 0;
		for (size_t i = 0; i < votes.len; i++) {
			size_t n = 0;
			for (size_t j = 0; j < votes.len; j++)
				n += votes.items[j] == votes.items[i];
			if (n > best_n || (n == best_n && votes.items[i] > best))
				best = votes.items[i], best_n = n;
		}
		cr_vec_free(&votes);
		if (best_n) {
			N[a].time = (cr_dayrange){best, best};
			inferred[a] = true;
		}
	}
}

void cr_resolve_events(cr_ledger *l, const cr_analysis *an, int *const *emap, int **vmap)
{
	CR_VEC(vnode) nodes = {0};
	for (size_t d = 0; d < l->ndocs; d++)
		for (size_t e = 0; e < an[d].nevents; e++) {
			const cr_levent *le = &an[d].events[e];
			vnode v = {d, (int)e, le->place >= 0 ? emap[d][le->place] : -1,
			           le->who >= 0 ? emap[d][le->who] : -1, le->time, le};
			cr_vec_push(&nodes, v);
		}
	vnode *N = nodes.items;
	size_t nn = nodes.len;
	bool *inferred = cr_xcalloc(nn + 1, sizeof *inferred);
	date_yearless(l, N, nn, inferred);
	int *parent = cr_xcalloc(nn + 1, sizeof *parent);
	for (size_t i = 0; i < nn; i++)
		parent[i] = (int)i;
	cr_dayrange *gt = cr_xcalloc(nn + 1, sizeof *gt);
	group_places *gp = cr_xcalloc(nn + 1, sizeof *gp);
	char (*gc)[3] = cr_xcalloc(nn + 1, sizeof *gc);   /* per root: the country, "" unknown */
	const char **gtg = cr_xcalloc(nn + 1, sizeof *gtg);
	for (size_t i = 0; i < nn; i++) {
		gt[i] = N[i].time;
		memcpy(gc[i], N[i].ev->country, 3);
		if (N[i].place >= 0)
			gp[i].p[gp[i].n++] = N[i].place;
		gtg[i] = N[i].ev->target;
		/* an incident a dated report gives as its news (in its lead) and leaves
		 * undated is a recent one */
		cr_dayrange pub = l->docs[N[i].doc].published;
		if (!cr_range_known(gt[i]) && cr_event_class_of(N[i].ev->type) != CR_EVENT_PERSONAL && cr_range_known(pub) &&
		    N[i].ev->lead)
			gt[i] = (cr_dayrange){pub.earliest - 60, pub.latest + 1};
	}
	cr_grouping bykey = {0};
	for (size_t i = 0; i < nn; i++) {
		cr_buf k = {0};
		if (!candidate_key(&k, &N[i])) {
			cr_buf_free(&k);
			continue;
		}
		cr_grouping_add(&bykey, k.data, k.len, i);
		cr_buf_free(&k);
	}
	for (size_t g = 0; g < bykey.n; g++) {
		/* the reports that say most first (dated and placed, then dated or
		 * placed, then the rest), each joining the group it fits best, so that
		 * an undated or unplaced report does not pick a side for a group */
		size_t *m = bykey.groups[g].items, gn = bykey.groups[g].len;
		CR_VEC(int) roots = {0};
		for (int pass = 0; pass < 3; pass++)
			for (size_t x = 0; x < gn; x++) {
				int a = (int)m[x];
				int strength = (cr_range_known(N[a].time) ? 1 : 0) + (N[a].place >= 0 ? 1 : 0);
				if (strength != 2 - pass)
					continue;
				int best = -1, best_score = -1;
				for (size_t k = 0; k < roots.len; k++) {
					int sc = fit(l, N, a, roots.items[k], gt, gp, gc, gtg);
					if (sc > best_score) {
						best = roots.items[k];
						best_score = sc;
					}
				}
				if (best >= 0)
					join(parent, a, best, gt, gp, gc, gtg);
				else
					cr_vec_push(&roots, a);
			}
		cr_vec_free(&roots);
	}
	cr_grouping_free(&bykey);

	/* one event per group, in order of its first report */
	int *gid = cr_xcalloc(nn + 1, sizeof(int)), *root_gid = cr_xcalloc(nn + 1, sizeof(int));
	for (size_t i = 0; i < nn; i++)
		root_gid[i] = -1;
	CR_VEC(cr_gevent) evs = {0};
	for (size_t i = 0; i < nn; i++) {
		int r = cr_uf_find(parent, (int)i);
		if (root_gid[r] < 0) {
			root_gid[r] = (int)evs.len;
			cr_gevent g = {0};
			g.place = gp[r].n ? gp[r].p[0] : -1;
			/* only dates its reports give, not the window an undated one implies */
			g.time.earliest = g.time.latest = CR_DAY_NONE;
			cr_vec_push(&evs, g);
		}
		gid[i] = root_gid[r];
	}
	free(root_gid);
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
		int who = -1;
		for (size_t oi = start[g]; oi < start[g + 1]; oi++) {
			size_t i = order[oi];
			cr_vec_push(&types, N[i].ev->type);
			if (!ge->target && N[i].ev->target)
				ge->target = cr_xstrdup(N[i].ev->target);
			if (!docs.len || docs.items[docs.len - 1] != N[i].doc)
				cr_vec_push(&docs, N[i].doc);
			if (who < 0)
				who = N[i].who;
			/* the narrowest date the reports give, or of an event of days
			 * whose dates do not meet, the first; one they give in full beats
			 * one inferred from a day with no year */
			cr_dayrange t = N[i].time;
			bool take = cr_range_known(t);
			if (take && cr_range_known(ge->time))
				take = ge->time_inferred != inferred[i] ? !inferred[i]
				     : t.latest < ge->time.earliest ? true
				     : ge->time.latest < t.earliest ? false
				     : t.latest - t.earliest < ge->time.latest - ge->time.earliest;
			if (take) {
				ge->time = t;
				ge->time_inferred = inferred[i];
			}
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
		ge->who = cr_event_class_of(best) == CR_EVENT_PERSONAL ? who : -1;
		ge->label = label_of(l, ge->type, ge->target, ge->place, ge->who);
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
	free(gtg);
	free(gc);
	free(parent);
	free(inferred);
	cr_vec_free(&nodes);
	l->events = evs.items;
	l->nevents = evs.len;
}
