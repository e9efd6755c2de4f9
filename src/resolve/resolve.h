/*
 * resolve.h: the reduce step — many documents' analyses become one ledger.
 *
 * entities.c  one entity behind every name of a person, organisation or
 *             place across documents;
 * events.c    one event behind the reports of one incident;
 * findings.c  claims grouped by subject and predicate and judged
 *             corroborated, single_source, conflict or consistent.
 * The ledger owns everything it holds; identifiers ("e1", "v1", "c1",
 * "f1") follow document order, so the same input gives the same ledger.
 */
#ifndef CR_RESOLVE_H
#define CR_RESOLVE_H

#include "extract/analysis.h"

typedef struct cr_docinfo {
	int64_t id;             /* the store's id: "d<id>" */
	const char *path, *url, *title, *outlet;
	const char *lang;       /* its language (ingest/lang.h) or NULL: reported when not English */
	cr_dayrange published;
	bool inferred;
	const char *text;       /* clean text: evidence offsets point into it */
	size_t len;
	/* every source that printed this text: its outlet, or "#" and its path or
	 * URL when the outlet is unknown; empty means this document alone */
	const char *const *sources;
	size_t nsources;
} cr_docinfo;

typedef struct cr_gentity {
	uint8_t type;
	char *name;
	char **aliases;
	size_t naliases;
	size_t *docs;           /* indexes into the ledger's documents, ascending */
	size_t ndocs;
	uint32_t mentions;
} cr_gentity;

typedef struct cr_gevent {
	char *type, *target, *label;
	int place;              /* global entity or -1 */
	int who;                /* the person it happens to (an appointment, an arrest): global entity or -1 */
	cr_dayrange time;
	bool time_inferred;     /* its date's year is not in its reports: found from its story's dates */
	size_t *docs;
	size_t ndocs;
} cr_gevent;

typedef enum cr_finding_kind { CR_F_CORROBORATED, CR_F_SINGLE, CR_F_CONFLICT, CR_F_CONSISTENT } cr_finding_kind;
extern const char *const cr_finding_kind_names[];

typedef struct cr_finding {
	uint8_t kind;
	uint8_t subject_kind;
	int subject;
	const char *predicate;
	size_t *claims;
	size_t nclaims;
	size_t outlets, originators;
	char *explanation;
} cr_finding;

/* Documents that are copies of one another (near-identical text). */
typedef struct cr_copy {
	size_t a, b;            /* document indexes, a < b */
	double similarity;      /* Jaccard similarity of word 5-shingles */
} cr_copy;

/* A name of an entity or a word reporting an event, in one document. */
typedef struct cr_gmention {
	size_t doc;
	uint8_t kind;           /* cr_subject_kind */
	int id;                 /* global entity or event */
	uint32_t start, end;
} cr_gmention;

typedef struct cr_ledger {
	cr_docinfo *docs;       /* borrowed: the caller keeps the strings alive */
	size_t ndocs;
	cr_gentity *entities;
	size_t nentities;
	cr_gevent *events;
	size_t nevents;
	cr_claim *claims;
	size_t nclaims;
	cr_finding *findings;
	size_t nfindings;
	cr_copy *copies;
	size_t ncopies;
	cr_gmention *mentions;  /* by kind, then id, then document and offset */
	size_t nmentions;
	int *story;             /* per document: the story it reports (stories.c), from 0 */
	size_t nstories;
} cr_ledger;

/*
 * Resolves the analyses an[0..n) of documents docs[0..n) into *out. The
 * docs array and its strings are borrowed and must outlive the ledger.
 * Free with cr_ledger_free. Returns 0.
 */
int cr_resolve(cr_ledger *out, cr_docinfo *docs, const cr_analysis *an, size_t n);
void cr_ledger_free(cr_ledger *l);

/* internal, shared by the resolve/ modules */
typedef struct cr_entity_map {
	int **local_to_global;  /* [doc][local entity] */
} cr_entity_map;
void cr_resolve_entities(cr_ledger *l, const cr_analysis *an, int **map);
void cr_resolve_stories(cr_ledger *l, const cr_analysis *an, int *const *emap);
/* Whether documents a and b report two different stories of several documents each. */
bool cr_stories_apart(const cr_ledger *l, size_t a, size_t b);
void cr_resolve_events(cr_ledger *l, const cr_analysis *an, int *const *emap, int **vmap);
void cr_resolve_findings(cr_ledger *l);
/* Whether two claims' figures can both hold, within what their
 * approximations allow ("around 300" and "at least 300" can; "at least
 * 23,000" and "at least 1,640" cannot): the test findings judge by. */
bool cr_figures_fit(const cr_claim *x, const cr_claim *y);
void cr_resolve_copies(cr_ledger *l);

#endif
