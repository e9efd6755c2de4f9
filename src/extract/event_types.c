/*
 * event_types.c: what kind of event a type is (data/lexicon/event-types.tsv):
 * its class — an incident with targets and victims, a disaster that strikes
 * a region, something that happens to one person, or an act someone does (a
 * report released, a takeover) — and its family, the
 * types that can name one event (a shooting reported as a killing); and how
 * many days after its first it may go on (a fire, a flood, a siege).
 * Loaded once, read-only.
 */
#include "extract/analysis.h"
#include "util/map.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static cr_lexicon *types;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	types = cr_lexicon_load(CR_DATA(lexicon_event_types_tsv), true);
}

static const char *column(const char *type, size_t col)
{
	pthread_once(&once, load);
	if (!type || !types)
		return NULL;
	long r = cr_lexicon_find(types, type, strlen(type));
	return r >= 0 && types->ncols[r] > col ? types->cols[r][col] : NULL;
}

cr_event_class cr_event_class_of(const char *type)
{
	const char *c = column(type, 1);
	if (c && strcmp(c, "personal") == 0)
		return CR_EVENT_PERSONAL;
	if (c && strcmp(c, "disaster") == 0)
		return CR_EVENT_DISASTER;
	if (c && strcmp(c, "act") == 0)
		return CR_EVENT_ACT;
	return CR_EVENT_INCIDENT;
}

const char *cr_event_family(const char *type)
{
	const char *f = column(type, 2);
	return f ? f : type;
}

bool cr_event_is_incident(const char *type)
{
	cr_event_class c = type ? cr_event_class_of(type) : CR_EVENT_PERSONAL;
	return c == CR_EVENT_INCIDENT || c == CR_EVENT_DISASTER;
}

int cr_event_lasting(const char *type)
{
	const char *c = column(type, 3);
	return c ? atoi(c) : 0;
}

bool cr_event_times_fit(cr_dayrange a, cr_dayrange b, int days)
{
	return !cr_range_known(a) || !cr_range_known(b) ||
	       (a.earliest <= b.latest + days && b.earliest <= a.latest + days);
}
