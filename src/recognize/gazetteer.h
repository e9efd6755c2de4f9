/*
 * gazetteer.h: lists of known names (countries, subdivisions, cities, and a
 * hand-kept list of organisations and places) matched against token sequences.
 *
 * A gazetteer entry is a name split on spaces into words; a lookup finds the
 * longest entry that starts at a given token, comparing bytes exactly (proper
 * nouns are case-sensitive: "Reading" the town, not "reading"). The built-in
 * gazetteer reads data/gazetteer/{extra,countries,demonyms,subdivisions,cities}.tsv
 * (name<TAB>type<TAB>extra; the first file to list a name wins, so the hand-kept
 * list overrides the generated ones). Lookups are read-only and thread-safe.
 */
#ifndef CR_GAZETTEER_H
#define CR_GAZETTEER_H

#include "util/util.h"
#include "recognize/ent_type.h"

typedef struct cr_gazetteer cr_gazetteer;

/* An empty gazetteer. Free with cr_gazetteer_free. */
cr_gazetteer *cr_gazetteer_new(void);
void cr_gazetteer_free(cr_gazetteer *g);

/*
 * Adds one name (copied) of the given type with an optional extra string (may
 * be NULL). Returns 1 when added, 0 when the name was already present (the first
 * entry is kept), negative when the name is empty or has more than
 * CR_GAZ_MAX_WORDS words.
 */
#define CR_GAZ_MAX_WORDS 8
int cr_gazetteer_add(cr_gazetteer *g, const char *name, size_t len, cr_ent_type type, const char *extra);

/*
 * Adds every row of the TSV text data[0..len) (name<TAB>TYPE<TAB>extra; '#'
 * comments and blank lines skipped). Returns the number of names added, or a
 * negative value when a row has an unknown type (err gets a message).
 */
int cr_gazetteer_add_tsv(cr_gazetteer *g, const char *data, size_t len, char *err, size_t errlen);

/* The built-in gazetteer; loaded once, read-only; never freed by the caller. NULL
   when the data files are missing (cr_gazetteer_default_error says which). */
const cr_gazetteer *cr_gazetteer_default(void);
/* Why the built-in gazetteer did not load, or NULL when it did; a static string. */
const char *cr_gazetteer_default_error(void);

size_t cr_gazetteer_count(const cr_gazetteer *g);

/*
 * Longest entry starting at words[i] among words[0..n). Returns the number of
 * words it covers (0 when none) and sets *entry (when not NULL) to its index.
 */
size_t cr_gazetteer_match(const cr_gazetteer *g, const char *const *words, const size_t *lens,
                          size_t n, size_t i, uint32_t *entry);

/* Whether the built-in gazetteer has an entry that is the whole name (words
 * separated by spaces); its index into *entry. */
bool cr_gazetteer_whole(const char *name, size_t n, uint32_t *entry);

/* The type, name and extra string of an entry (strings owned by the gazetteer). */
cr_ent_type cr_gazetteer_type(const cr_gazetteer *g, uint32_t entry);
const char *cr_gazetteer_name(const cr_gazetteer *g, uint32_t entry);
const char *cr_gazetteer_extra(const cr_gazetteer *g, uint32_t entry);

/* What the built-in gazetteer knows of a whole place name (words separated by
 * spaces): its kind and ISO country code (cc, 3 bytes with the NUL). */
typedef enum cr_place_kind {
	CR_PLACE_UNKNOWN, CR_PLACE_CITY, CR_PLACE_SUBDIVISION, CR_PLACE_COUNTRY,
	CR_PLACE_DEMONYM   /* "Syrian": no place, but it names the country */
} cr_place_kind;
cr_place_kind cr_gazetteer_place(const char *name, size_t n, char cc[3]);
/* The gazetteer's identifier of a whole place name ("country:AE" for both
 * "UAE" and "United Arab Emirates", "subdivision:US-CA" for "Calif" and
 * "California"): a city, region or country; NULL for other names or none. */
const char *cr_gazetteer_place_id(const char *name, size_t n);
/* The population the gazetteer gives a city (0 for other names or none). */
long cr_gazetteer_population(const char *name, size_t n);
/* Whether two place names can be one event's place: not two different
 * countries, nor two different cities or regions of one country. A city or
 * region the gazetteer puts in another country is no evidence (many towns
 * share a name with a place elsewhere). */
bool cr_places_fit(const char *a, const char *b);

/*
 * Greedy left-to-right longest matching over a sentence: tags[k] is 0 for a
 * word outside any match, otherwise 1 + 2*(type-1) + (0 for the first word of
 * the match, 1 for the others) — the tagger's B-/I- label numbering.
 */
void cr_gazetteer_tag(uint8_t *tags, const cr_gazetteer *g, const char *const *words,
                      const size_t *lens, size_t n);

#endif
