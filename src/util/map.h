/*
 * map.h: a string-keyed hash map (open addressing, linear probing), items
 * grouped by a key on top of it, and the
 * lexicon loader that fills one from a TSV file under data/.
 *
 * Keys are copied into the map's own arena; values are opaque 64-bit
 * integers or pointers the caller owns. Lookups take (pointer, length) so a
 * token in a document can be looked up without copying it.
 */
#ifndef CR_MAP_H
#define CR_MAP_H

#include "util/util.h"

typedef struct cr_map cr_map;

cr_map *cr_map_new(void);
void cr_map_free(cr_map *m);
/* Inserts or replaces. Returns true when the key was new. */
bool cr_map_put(cr_map *m, const char *key, size_t klen, intptr_t value);
/* Returns true and sets *value when found; value may be NULL. */
bool cr_map_get(const cr_map *m, const char *key, size_t klen, intptr_t *value);
size_t cr_map_count(const cr_map *m);
/* Iteration: i runs from 0 while cr_map_next returns true. */
bool cr_map_next(const cr_map *m, size_t *i, const char **key, size_t *klen, intptr_t *value);

/*
 * Items (indices) grouped by a key: groups numbered from 0 in the order their
 * first item came, each holding its items in the order added. Start from
 * {0}; cr_grouping_free frees the groups and the index.
 */
typedef CR_VEC(size_t) cr_group;
typedef struct cr_grouping {
	cr_map *index;      /* key -> 1 + group */
	cr_group *groups;
	size_t n;
} cr_grouping;
void cr_grouping_add(cr_grouping *g, const char *key, size_t klen, size_t item);
void cr_grouping_free(cr_grouping *g);

/*
 * A lexicon: the lines of data/NAME, '#' comments and blank lines skipped,
 * each split on tabs. Row r has ncols[r] columns in cols[r][0..]; all strings
 * are NUL-terminated copies owned by the lexicon. With fold_key, the first
 * column is lower-cased (ASCII) for case-insensitive lookup, and `index`
 * maps it to the row number.
 */
typedef struct cr_lexicon {
	size_t nrows;
	char ***cols;
	size_t *ncols;
	cr_map *index;
	cr_arena *arena;
	bool folded;
} cr_lexicon;

/* A built-in data file (CR_DATA(lexicon_cues_tsv)) as a lexicon. Free with
 * cr_lexicon_free. */
cr_lexicon *cr_lexicon_load(enum cr_data_id file, bool fold_key);
void cr_lexicon_free(cr_lexicon *lx);
/* Row of key (case-folded when the lexicon was), or -1. */
long cr_lexicon_find(const cr_lexicon *lx, const char *key, size_t klen);

#endif
