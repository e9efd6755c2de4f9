/*
 * tagger.h: the statistical name tagger (people, organisations, places, other
 * names) — an averaged structured perceptron over hashed features with Viterbi
 * decoding over IOB2 labels. See tagger.c for the algorithm and its limits, and
 * tools/train-ner.c for training.
 *
 * Labels: 0 = O, then for each type t in PER, ORG, LOC, MISC (cr_ent_type 1..4)
 * B-t = 1 + 2*(t-1) and I-t = 2 + 2*(t-1).
 */
#ifndef CR_TAGGER_H
#define CR_TAGGER_H

#include "util/util.h"
#include "recognize/ent_type.h"

#define CR_TAGGER_NLABELS 9
#define CR_TAGGER_LABEL_B(type) ((uint8_t)(1 + 2 * ((type) - 1)))
#define CR_TAGGER_LABEL_TYPE(label) ((label) ? (cr_ent_type)(((label) + 1) / 2) : CR_ENT_NONE)
#define CR_TAGGER_LABEL_IS_I(label) ((label) && ((label) % 2) == 0)

typedef struct cr_name {
	uint32_t start, end;            /* bytes of text, from the first token's start to the last one's
	                                   end, less a possessive "'s" ("Russia's" names "Russia") */
	uint32_t first_token, ntokens;
	uint8_t type;                   /* cr_ent_type */
	float score;                    /* 0.5..1: the least confident word's confidence in its type
	                                   (logistic of the margin to the best sequence typing it
	                                   otherwise, over the model's temperature; on CoNLL dev,
	                                   names scored >= 0.95 are 98% right, 0.5-0.6 about 45%) */
} cr_name;

typedef struct cr_tagger cr_tagger;

/*
 * Loads a model from bytes (not copied: they must outlive the tagger and be
 * 2-byte aligned). Returns 0, or a negative value with a message in err (bad
 * magic, unsupported version, feature set or label count, wrong length).
 * Free with cr_tagger_free.
 */
int cr_tagger_load(cr_tagger **out, const void *model, size_t len, char *err, size_t errlen);

/* The model built into the binary (data/model/ner.bin); loaded once, read-only,
   thread-safe; never freed by the caller. NULL if absent or corrupt. */
const cr_tagger *cr_tagger_default(void);
/* Why the built-in model or its word lists (data/model/ner-titles.tsv,
   ner-words.tsv) did not load, or NULL when they did; a static string. */
const char *cr_tagger_default_error(void);

void cr_tagger_free(cr_tagger *t);

/*
 * Tags one sentence whose tokens are byte spans into text; appends the names
 * found to *out (grown with realloc; the caller frees it with free()) and
 * advances *n. Returns 0.
 */
int cr_tagger_names(cr_name **out, size_t *n, const cr_tagger *t, const char *text,
                    const cr_span *tokens, size_t ntokens);

/*
 * Tags a whole document in two passes: each sentence alone, then again with
 * document-level features (how the same capitalised word was tagged elsewhere
 * in the document), so that a story keeps its names consistent. tokens are byte
 * spans into text; sents[k] is a range of token INDICES [start, end) (sentences
 * in order, not overlapping). Appends names to *out (the caller frees it with
 * free()); first_token is an index into tokens. Returns 0, or -1 when a
 * sentence range is out of bounds.
 */
int cr_tagger_doc_names(cr_name **out, size_t *n, const cr_tagger *t, const char *text,
                        const cr_span *tokens, size_t ntokens, const cr_span *sents, size_t nsents);

/* The same over words as (pointer, length) pairs: one label per word to tags.
   emit, when not NULL, receives the final emission scores (ntokens * 9 floats). */
int cr_tagger_tag_doc(uint8_t *tags, const cr_tagger *t, const char *const *words, const size_t *lens, size_t n,
                      const cr_span *sents, size_t nsents, float *emit);

/* Lower level, for training and evaluation: words as (pointer, length) pairs;
   writes one label per word to tags (see the numbering above). Returns 0. */
int cr_tagger_tag_words(uint8_t *tags, const cr_tagger *t, const char *const *words, const size_t *lens, size_t n);

/* "O", "B-PER", "I-PER", ... ("?" when out of range). */
const char *cr_tagger_label_name(int label);

/* ---- For training and tests ---------------------------------------------- */

/* Feature set version written in the model; a model with another is rejected. */
#define CR_TAGGER_FEATURE_VERSION 5
/* Every word gets exactly this many feature slots; an absent feature is CR_TAGGER_NOFEAT. */
#define CR_TAGGER_NFEAT 52
#define CR_TAGGER_NOFEAT 0xffffffffu
/* Slots [CR_TAGGER_DOC_SLOT, +CR_TAGGER_NDOC) hold the document-level features,
   left empty by cr_tagger_features and filled by cr_tagger_doc_features. */
#define CR_TAGGER_DOC_SLOT 46
#define CR_TAGGER_NDOC 3
#define CR_TAGGER_MODEL_DOC_FEATURES 1u

/*
 * Feature hashes of a sentence: feats[i * CR_TAGGER_NFEAT + k] for word i.
 * A model with 2^bits rows uses hash & (2^bits - 1) as the weight row.
 * Uses the built-in gazetteer and title-word list. Returns 0.
 */
int cr_tagger_features(uint32_t *feats, const char *const *words, const size_t *lens, size_t n);

/* Fills the document slots of feats (n words of one document, in order) from
   first-pass labels. */
void cr_tagger_doc_features(uint32_t *feats, const char *const *words, const size_t *lens, const uint8_t *labels, size_t n);

/* Word shape ("Xxxx", "X.X.", "dd-dd": runs longer than 4 are cut to 4) and short
   shape (runs collapsed: "Xx", "X.X.", "d-d"); NUL-terminated, at most cap-1 bytes. */
void cr_tagger_shape(char *shape, size_t cap, const char *word, size_t len);
void cr_tagger_short_shape(char *shape, size_t cap, const char *word, size_t len);

/*
 * Viterbi over n words: emit[i * CR_TAGGER_NLABELS + y] are emission scores,
 * trans[p * CR_TAGGER_NLABELS + y] transition scores from label p (row
 * CR_TAGGER_NLABELS is the start of the sentence). IOB2 constraints are hard: I-t
 * follows only B-t or I-t. Writes the best labels to tags.
 */
void cr_tagger_viterbi(uint8_t *tags, const float *emit, const float *trans, size_t n);

/* True when label y may follow label p (p == CR_TAGGER_NLABELS: sentence start). */
bool cr_tagger_allowed(int p, int y);

/*
 * Serialises a model (flags: CR_TAGGER_MODEL_DOC_FEATURES when trained with the
 * document slots filled; conf_t: the temperature that divides margins in the
 * confidences of cr_name.score): transitions ((CR_TAGGER_NLABELS+1) * CR_TAGGER_NLABELS
 * floats) and weights (2^bits * CR_TAGGER_NLABELS floats, row-major), quantised
 * to int16 with one scale. Appends the bytes to out.
 */
void cr_tagger_write_model(cr_buf *out, unsigned bits, unsigned flags, float conf_t, const float *trans,
                           const float *weights);

/* ---- CoNLL files (tagger_conll.c) ----------------------------------------- */

typedef struct cr_conll_sentence {
	size_t first, n;        /* words[first .. first+n) */
	uint32_t doc;           /* index of the -DOCSTART- document, 0-based */
} cr_conll_sentence;

typedef struct cr_conll {
	char *text;             /* the file; words point into it */
	const char **words;
	size_t *lens;
	uint8_t *gold;          /* IOB2 labels (converted from IOB1 or IOB2 input) */
	size_t nwords;
	cr_conll_sentence *sents;
	size_t nsents;
	uint32_t ndocs;
} cr_conll;

/* Reads a CoNLL file (word first column, NER tag last; IOB1 or IOB2; -DOCSTART-
   lines and extra blank lines tolerated). 0, or negative with a message in err.
   Free with cr_conll_free. */
int cr_conll_read(cr_conll *c, const char *path, char *err, size_t errlen);
void cr_conll_free(cr_conll *c);

/* Entity-level exact-match counts (conlleval): spans in gold, predicted, and correct. */
typedef struct cr_conll_score {
	size_t gold, pred, correct;
} cr_conll_score;

/* Adds the span counts of one sentence's gold and predicted IOB2 labels to s. */
void cr_conll_score_add(cr_conll_score *s, const uint8_t *gold, const uint8_t *pred, size_t n);
/* Micro-averaged precision, recall, F1 in percent (0 when undefined). */
void cr_conll_score_prf(const cr_conll_score *s, double *p, double *r, double *f1);

#endif
