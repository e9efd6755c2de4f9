/*
 * internal.h: the working state of one document's analysis, shared by the
 * extract/ modules (mentions, attribution, events, profile, accusations).
 * Every index is a token index into the segmentation unless named otherwise.
 */
#ifndef CR_EXTRACT_INTERNAL_H
#define CR_EXTRACT_INTERNAL_H

#include "extract/analysis.h"
#include "recognize/number.h"
#include "recognize/tagger.h"
#include "time/timex.h"
#include "text/segment.h"
#include "util/map.h"

/* A list of multi-word phrases from a lexicon, matched against tokens. */
typedef struct cr_phrases {
	cr_lexicon *lx;
	cr_map *first;       /* first word -> 1 + index into heads */
	size_t *next;        /* row -> next row with the same first word + 1, or 0 */
	char ***words;       /* row -> words */
	size_t *nwords;
} cr_phrases;

cr_phrases *cr_phrases_load(enum cr_data_id file);
void cr_phrases_free(cr_phrases *p);

struct cr_extractor {
	cr_numbers *numbers;
	cr_timex_ctx *timex;
	const cr_tagger *tagger;
	cr_phrases *cues, *accuse, *targets, *titles;
	cr_phrases *figure_cues;   /* data/lexicon/figure-cues.tsv, read by figures.c */
	cr_phrases *crimes;         /* acts one is accused of ("murdering", "shot"): data/lexicon/crimes.tsv */
	cr_lexicon *triggers, *casualty, *person_nouns, *roles, *org_heads;
	cr_lexicon *person_words;   /* singular nouns for a person ("boy", "actress"): data/lexicon/person-words.tsv */
	cr_map *word_bits;          /* lower-case word -> the TB_* lexicons that hold it or start a phrase with it */
};

typedef struct mention {
	uint32_t tok0, tok1;    /* tokens [tok0, tok1) of the name proper (titles excluded) */
	uint32_t title0;        /* first token of a title before it (== tok0 when none) */
	uint8_t type;           /* cr_etype */
	int entity;             /* local entity */
	uint32_t nick0, nick1;  /* a quoted nickname inside the name ("Vincent 'The Chin' Gigante"):
	                           its words [nick0, nick1), the quote marks around them; 0, 0 when none */
} mention;

/* Who a sentence's statements come from. */
typedef struct sent_attr {
	int source;             /* local entity or -1 */
	char *text;             /* "Ukrainian authorities said" (arena) or NULL */
	uint32_t verb_tok;      /* the reporting verb (UINT32_MAX when none) */
	bool quoted;            /* inside a quotation */
	/* a parenthesis with a source of its own ("(the Post says three were hurt)"): its
	 * attribution (arena) and the tokens it covers, [aside_from, aside_to) */
	struct sent_attr *aside;
	uint32_t aside_from, aside_to;
} sent_attr;

/* A personal event word whose sentence names no one (events.c). */
typedef struct pending_event {
	size_t sent, tok;
	const char *type;
} pending_event;

typedef struct xdoc {
	const cr_extractor *x;
	const char *text;
	size_t len;
	cr_arena *arena;
	cr_segmentation seg;
	const char **low;       /* token -> lower-case text, curly apostrophes straightened */
	uint32_t *lowlen;
	int *tok_sent;
	int *tok_ment;          /* token -> mention or -1 */
	int *tok_num;           /* token -> number or -1 */
	int *tok_tx;            /* token -> timex or -1 */
	bool *tok_quoted;       /* token inside quotation marks */
	uint16_t *tok_bits;     /* which lexicons hold the token (or start a phrase with it): TB_* */
	cr_number *nums;
	size_t nnums;
	cr_timex *tx;
	size_t ntx;
	CR_VEC(mention) ments;
	CR_VEC(cr_lentity) ents;
	CR_VEC(cr_levent) events;
	CR_VEC(cr_claim) claims;
	CR_VEC(cr_lmention) event_mentions;
	CR_VEC(struct pending_event) pending;   /* personal events whose person is read at the end (events.c) */
	sent_attr *attr;
	cr_dayrange pub;
	int main_person;        /* the most mentioned person, or -1 */
	int last_event;         /* the last event mentioned, or -1 */
	int last_event_sent;
	int last_place;         /* the last place in a locative phrase, or -1 */
	int last_place_sent;
} xdoc;

/* lexicon membership of a token, looked up once per document */
enum {
	TB_TRIGGER = 1 << 0, TB_CASUALTY = 1 << 1, TB_PERSON_NOUN = 1 << 2, TB_ROLE = 1 << 3, TB_ORG_HEAD = 1 << 4,
	TB_CUES = 1 << 5, TB_ACCUSE = 1 << 6, TB_TARGETS = 1 << 7, TB_TITLES = 1 << 8
};

/* tokens */
static inline bool tok_is(const xdoc *d, size_t i, const char *w)
{
	/* the first two letters reject most words before any length is taken (both
	 * strings end in a NUL, so a one-letter word compares its end there) */
	if (i >= d->seg.ntokens)
		return false;
	const char *l = d->low[i];
	return l[0] == w[0] && (!w[0] || (l[1] == w[1] && strncmp(l, w, d->lowlen[i]) == 0 && w[d->lowlen[i]] == 0));
}
/* Whether token i, in lower case, ends in suffix after at least one more letter ("-ed", "-ly"). */
static inline bool tok_ends(const xdoc *d, size_t i, const char *suffix)
{
	size_t n = i < d->seg.ntokens ? d->lowlen[i] : 0, k = strlen(suffix);
	return n > k && memcmp(d->low[i] + n - k, suffix, k) == 0;
}
static inline const char *tok_text(const xdoc *d, size_t i) { return d->text + d->seg.tokens[i].start; }
static inline size_t tok_len(const xdoc *d, size_t i) { return d->seg.tokens[i].end - d->seg.tokens[i].start; }
static inline bool tok_punct(const xdoc *d, size_t i, char c) { return tok_len(d, i) == 1 && tok_text(d, i)[0] == c; }
/* A quotation mark: straight double, curly double, guillemet. */
static inline bool tok_quote_mark(const xdoc *d, size_t i)
{
	const char *s = tok_text(d, i);
	size_t n = tok_len(d, i);
	return (n == 1 && s[0] == '"') ||
	       (n == 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 || memcmp(s, "\xE2\x80\x9D", 3) == 0)) ||
	       (n == 2 && (memcmp(s, "\xC2\xAB", 2) == 0 || memcmp(s, "\xC2\xBB", 2) == 0));
}
bool cr_tok_capitalised(const xdoc *d, size_t i);
bool cr_tok_in(const xdoc *d, size_t i, const cr_lexicon *lx);
/* Longest phrase of p starting at token i and ending before `end`; returns the row or -1, *n its length. */
long cr_phrase_at(const xdoc *d, const cr_phrases *p, size_t i, size_t end, size_t *n);
/* The class (column 2) of phrase row r. */
const char *cr_phrase_class(const cr_phrases *p, long r);
/* Whether a token is a clause boundary (";" ":" "—" "but" ...). */
bool cr_tok_clause_break(const xdoc *d, size_t i);

/* mentions.c */
void cr_find_mentions(xdoc *d);
int cr_person_at_or_before(const xdoc *d, size_t sent, size_t before_tok);
int cr_resolve_pronoun(const xdoc *d, size_t sent, size_t tok);
/* mentions.c, for nicknames.c: a mention of type over tokens [tok0, tok1)
 * (title from title0); a function word of names ("the", "of", "said" ...);
 * the words of tokens [a, b) joined by single spaces, into out. */
void cr_push_mention(xdoc *d, uint32_t tok0, uint32_t tok1, uint32_t title0, uint8_t type);
bool cr_function_word(const xdoc *d, size_t i);
void cr_token_words(const xdoc *d, uint32_t a, uint32_t b, cr_buf *out);
/* The person a sentence is about at tok: named before it in the sentence, else the unambiguous one nearby. */
int cr_recent_person(const xdoc *d, size_t sent, size_t tok);
/* The same for a description that stands for a name ("The 81-year-old"):
 * with skip_speakers, the speaker of an earlier sentence's quotation is passed over. */
int cr_recent_person_ex(const xdoc *d, size_t sent, size_t tok, bool skip_speakers);
int cr_mention_entity_at(const xdoc *d, size_t tok);
int cr_entity_after(const xdoc *d, size_t from, size_t end, int type_mask);
int cr_add_entity_text(xdoc *d, uint8_t type, const char *s, size_t n, uint32_t at);
/* After the mentions: the entity of that type with that name, or a new one named so, at byte at. */
int cr_entity_for_text(xdoc *d, uint8_t type, const char *s, size_t n, uint32_t at);
void cr_add_alias(xdoc *d, int e, const char *s, size_t n, bool nickname);
void cr_find_nicknames(xdoc *d, size_t sent);
void cr_drop_nickname_entities(xdoc *d);
/* attribution.c */
void cr_find_attribution(xdoc *d);
uint8_t cr_clause_modality(const xdoc *d, size_t sent, size_t tok, bool accusation);
/* The modality of a fact about a person (an age, a post): reported when attributed, uncertain or
 * denied by a hedge or denial in its own clause; accusation words elsewhere do not make it alleged. */
uint8_t cr_fact_modality(const xdoc *d, size_t sent, size_t tok);
/* The same for claim c, reported only when c is attributed (cr_new_claim leaves
 * out what the words naming a speaker say of the speaker). */
uint8_t cr_claim_modality(const xdoc *d, const cr_claim *c, size_t sent, size_t tok);
/* cr_clause_modality for claim c, reported only when c is attributed. */
uint8_t cr_claim_clause_modality(const xdoc *d, const cr_claim *c, size_t sent, size_t tok);
bool cr_attribution_covers(const xdoc *d, size_t sent, size_t tok);
/* events.c */
void cr_find_events(xdoc *d, size_t sent);
/* Once every sentence is read: the country each event happened in, and the
 * person of the personal events whose sentence named no one. */
void cr_event_countries(xdoc *d);
void cr_pending_personal_events(xdoc *d);
/* Disasters (earthquakes, floods, storms ...): they strike regions, not targets. */
bool cr_disaster_type(const char *type);
/* What cr_find_events learned of a sentence, for the figures in it. */
typedef struct sent_events {
	size_t first, end;          /* the sentence's tokens */
	int ev;                     /* its event; -1 none; -2 a target named without a trigger, decided by a figure */
	const char *type, *target;  /* the trigger's type and the target it goes with, or NULL */
	size_t trig_tok, target_tok;
	const char *targets[8];     /* every target phrase of the sentence */
	size_t target_toks[8], ntargets;
	int place;
	bool siege, same_para_event;
} sent_events;
/* figures.c */
void cr_find_figures(xdoc *d, size_t sent, sent_events *se);
/* After the last sentence: figures read before any incident was named go to one. */
void cr_finish_figures(xdoc *d);
/* The event type a token names ("bombed" -> bombing), or NULL. */
const char *cr_trigger_type(const xdoc *d, size_t i);
/* True for incidents (strikes, sieges, disasters), false for what happens to a
 * person (appointments, dismissals, arrests, resignations, elections). */
bool cr_incident_type(const char *type);
/* profile.c */
void cr_find_profile(xdoc *d, size_t sent);
/* The class of a word of data/lexicon/roles.tsv: a post ("director"), a word that qualifies
 * one ("district", "police") or a minister's portfolio ("oil"); ROLE_NONE for other words. */
enum { ROLE_NONE, ROLE_POST, ROLE_MODIFIER, ROLE_PORTFOLIO };
int cr_role_class(const xdoc *d, size_t i);
/* clause.c: clause structure for the profile, age and accusation rules */
#define CR_MAX_COORD 4
static inline bool ent_person(const xdoc *d, int e) { return e >= 0 && d->ents.items[e].type == CR_E_PERSON; }
static inline bool tok_possessive(const xdoc *d, size_t i)
{
	return i < d->seg.ntokens && (tok_is(d, i, "'s") || tok_is(d, i, "'"));
}
bool cr_tok_word_in(const xdoc *d, size_t i, const char *const *words, size_t n);
/* ANY_OF(d, i, "a", "b", ...): whether token i is one of the words */
#define ANY_OF(d, i, ...) cr_tok_word_in(d, i, (const char *const[]){__VA_ARGS__}, \
                                     sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
/* "Seattle-based": the length of the place's name a token of that form opens with, else 0 */
size_t cr_based_token(const xdoc *d, size_t i);
/* "northern", "south-east": a compass word ("in northern Egypt", "45 km north of") */
bool cr_compass_word(const xdoc *d, size_t i);
/* function words, auxiliaries and conjunctions ("the", "was", "and", "who") */
bool cr_tok_stop_word(const xdoc *d, size_t i);
bool cr_tok_copula(const xdoc *d, size_t i);
bool cr_tok_report_verb(const xdoc *d, size_t i, size_t end, size_t *n);
/* a comma, a dash or a bracket; with the clause breaks, a segment break */
bool cr_tok_soft_break(const xdoc *d, size_t i);
bool cr_tok_segment_break(const xdoc *d, size_t i);
/* a singular word for a person ("boy", "actress") or a post ("deputy") */
bool cr_person_word(const xdoc *d, size_t i);
/* a name right before token `after` that only modifies a person word ("a Wasilla woman") */
bool cr_name_as_modifier(const xdoc *d, size_t after);
/* The person the name at token m stands for: a person's name, or a surname the tagger typed otherwise. */
int cr_person_named(const xdoc *d, size_t m);
/* The first person of [a, b) standing as a subject; *at is where its phrase starts. */
int cr_subject_in(const xdoc *d, size_t a, size_t b, size_t *at);
/* The subject of the clause of a predicate phrase [phrase0 .. after) whose head is at tok, or -1. */
int cr_clause_subject(const xdoc *d, size_t sent, size_t tok, size_t after, size_t phrase0);
/* Whether sentence sent is a headline in Title Case ("Fred LaRue, Watergate
 * Figure, Dies at 75"): three words of four letters or more, every one
 * capitalised; there a capital starts no name. */
bool cr_title_case_sentence(const xdoc *d, size_t sent);
/* The persons of a coordination ending at token last ("Capt. X and Senior Trooper Y"), in order. */
size_t cr_coordinated_persons(const xdoc *d, size_t first, size_t last, int *out);
/* age.c: the age claims of a sentence, each given to the person its construction describes */
void cr_find_ages(xdoc *d, size_t sent);
/* accuse.c */
void cr_find_accusations(xdoc *d, size_t sent);

/* claims */
/* A claim of sentence sent, made at token tok (which decides whether a quotation's speaker or a
 * reporting verb in another clause applies). */
cr_claim *cr_new_claim(xdoc *d, size_t sent, size_t tok, const char *predicate, uint8_t subject_kind, int subject);
void cr_claim_set_text(cr_claim *c, const char *s, size_t n);
int cr_event_for_target(xdoc *d, size_t sent, const char *type, const char *target, int place, uint32_t at);
/* Dates event ev by its sentence's time expression near token tok (a toll's
 * casualty word, an accusation's act) when that narrows its time. */
void cr_date_event_near(xdoc *d, int ev, size_t sent, size_t tok);
/* A new event of the type of event `like`, at place (or -1), first reported at byte at. */
int cr_new_event_like(xdoc *d, int like, int place, uint32_t at);
/* Token tok reports event ev. */
void cr_event_mention(xdoc *d, int ev, size_t tok);
char *cr_xstrfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define TYPE_BIT(t) (1 << (t))

#endif
