/*
 * analysis.h: what the per-document stages make of one article — its local
 * entities (people, organisations, places with every surface form), its
 * events (strikes, sieges, appointments, with target, place and time) and
 * its claims, each pointing at its evidence (a byte range of the clean
 * text), its source and its modality.
 *
 * This is the map step: a pure function of one document and its
 * publication date. Nothing here touches the database; resolve/ merges the
 * analyses of many documents.
 */
#ifndef CR_ANALYSIS_H
#define CR_ANALYSIS_H

#include "util/util.h"
#include "util/date.h"

typedef enum cr_etype { CR_E_PERSON, CR_E_ORG, CR_E_PLACE, CR_E_OTHER } cr_etype;
extern const char *const cr_etype_names[];

typedef enum cr_modality {
	CR_MODAL_ASSERTED, CR_MODAL_REPORTED, CR_MODAL_ALLEGED, CR_MODAL_UNCERTAIN, CR_MODAL_DENIED
} cr_modality;
extern const char *const cr_modality_names[];

/* A surface form of a local entity, and where it occurs. */
typedef struct cr_alias {
	char *text;
	uint32_t count;
	bool nickname;
	bool titled;           /* a title or rank before the name ("Col Mizintsev") */
} cr_alias;

typedef struct cr_lentity {
	uint8_t type;          /* cr_etype */
	char *name;            /* fullest form */
	cr_alias *aliases;
	size_t naliases;
	uint32_t mentions;     /* how often it is mentioned */
	uint32_t first;        /* byte offset of the first mention */
	char *role;            /* a title or role seen with it ("Colonel-General"), or NULL */
} cr_lentity;

typedef struct cr_levent {
	char *type;            /* airstrike, bombing, shelling, attack, siege, killing, appointment, dismissal */
	char *target;          /* canonical target ("theatre", "maternity hospital") or NULL */
	int place;             /* local entity index or -1 */
	int who;               /* the person it happens to (an arrest, a death): local entity or -1 */
	bool lead;             /* first reported in the document's lead (its first sentences): the
	                          news it reports, as opposed to background recalled later */
	char country[3];       /* ISO code of the country it happened in, "" when unknown */
	cr_dayrange time;      /* CR_DAY_NONE when undated */
	uint16_t month_day;    /* an undated report's date with no year ("Dec. 6": 1206), 0 when none;
	                          the resolver finds its year from the story's dated reports */
	char *label;
	uint32_t start, end;   /* where it is first mentioned */
} cr_levent;

typedef enum cr_subject_kind { CR_SUBJ_ENTITY, CR_SUBJ_EVENT } cr_subject_kind;

/*
 * A claim: one fact, its value and who says it, with the sentence that
 * states it. The same type serves one document's analysis, where the
 * subject, value and source are that document's entities and events and doc
 * is 0, and the ledger, where they are the ledger's and doc says whose
 * sentence the evidence is (cr_resolve maps one to the other).
 */
typedef struct cr_claim {
	size_t doc;            /* the ledger's document index; 0 in one document's analysis */
	uint8_t subject_kind;  /* cr_subject_kind */
	int subject;           /* entity or event index */
	const char *predicate; /* static string from the vocabulary */
	char *value_text;      /* the words as written */
	bool has_number, has_low, has_high;
	double low, high;
	int value_entity;      /* entity index or -1 */
	int value_event;       /* event index or -1 */
	cr_dayrange value_time;
	char *time_value;      /* TIMEX3 value of value_time, or NULL */
	int source;            /* entity index of the attributed source, or -1 */
	char *attribution;     /* "Ukrainian authorities said", or NULL */
	uint8_t modality;      /* cr_modality */
	uint32_t start, end;   /* evidence: byte range of the sentence that states it */
	char scope[4];         /* a figure counting one nationality ("41 Britons"): its ISO
	                          country code ("GB"), compared only with figures of that
	                          scope; people singled out one by one ("a deputy", "a judge
	                          and a clerk"): "n" and their number ("n1", "n2"); "" for
	                          everyone */
} cr_claim;

/* Where a local entity or event is mentioned: one of its names, or a word
 * that reports the event ("quake", "killed", "fired"). */
typedef struct cr_lmention {
	uint8_t kind;          /* cr_subject_kind */
	int id;                /* local entity or event index */
	uint32_t start, end;   /* byte range in the clean text */
} cr_lmention;

typedef struct cr_analysis {
	cr_lentity *entities;
	size_t nentities;
	cr_levent *events;
	size_t nevents;
	cr_claim *claims;
	size_t nclaims;
	cr_lmention *mentions;  /* in text order */
	size_t nmentions;
	cr_dayrange published;  /* as given, or inferred when it was not */
	bool published_inferred;
} cr_analysis;

/* The class of an event type (data/lexicon/event-types.tsv): an incident
 * (targets, victims, a place), a disaster (it strikes a region), or what
 * happens to one person (an arrest, a conviction, an appointment, a death). */
typedef enum cr_event_class { CR_EVENT_INCIDENT, CR_EVENT_DISASTER, CR_EVENT_PERSONAL, CR_EVENT_ACT } cr_event_class;
cr_event_class cr_event_class_of(const char *type);
/* The family of an event type: types of one family can name one event. */
const char *cr_event_family(const char *type);
/* True for incidents and disasters, false for what happens to a person. */
bool cr_event_is_incident(const char *type);
/* How many days after its first an event of the type may go on (column 4 of
 * event-types.tsv; 0, an event of one day, when it gives none). */
int cr_event_lasting(const char *type);
/* Whether two times can be of one event that may go on for days after its
 * first: they meet once each is allowed to run that long (an unknown time
 * fits any). */
bool cr_event_times_fit(cr_dayrange a, cr_dayrange b, int days);

typedef struct cr_extractor cr_extractor;

/* Loads the recognizers and cue lexicons into *out (read-only; share across
 * threads); the caller frees it with cr_extractor_free. 0, or -1 with a
 * message in err when a built-in model or lexicon is missing or broken. */
int cr_extractor_new(cr_extractor **out, char *err, size_t errlen);
void cr_extractor_free(cr_extractor *x);

/*
 * Runs segment → recognize → extract on one document's clean text, read as
 * of `published` (CR_DAY_NONE when unknown: then it is inferred from the
 * text when the text allows). Fills *out; the caller frees it with
 * cr_analysis_free. 0 on success.
 */
int cr_analyze(cr_analysis *out, const cr_extractor *x, const char *text, size_t len, cr_dayrange published);
void cr_analysis_free(cr_analysis *a);

#endif
