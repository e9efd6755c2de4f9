/*
 * coref.h: coreference metrics over predicted mentions — MUC (Vilain et al.
 * 1995), B-cubed (Bagga and Baldwin 1998), CEAF-e (Luo 2005, entity
 * similarity phi4) and their mean, the CoNLL F1 — as Pradhan et al. (2014,
 * "Scoring Coreference Partitions of Predicted Mentions: A Reference
 * Implementation") define them for a key and a response whose mention sets
 * differ.
 *
 * A partition is a list of (mention, cluster) pairs. A mention is the same
 * mention in key and response when its id is equal (the caller decides what
 * matches: corrob's ECB+ mapping uses exact token spans). A mention listed
 * twice in one partition counts once (the first listing), as the reference
 * scorer's de-duplication does. Singletons count.
 *
 *   MUC   recall    = sum over key clusters K of (|K| - |p(K)|) / (|K| - 1),
 *                     p(K) the parts the response cuts K into, each key
 *                     mention missing from the response a part of its own;
 *         precision = the same with key and response swapped.
 *   B3    recall    = sum over mentions m of the key of |K(m) & R(m)| / |K(m)|,
 *                     divided by the number of key mentions (0 for a mention
 *                     the response lacks); precision swapped.
 *   CEAFe recall    = max over one-to-one alignments of key and response
 *                     clusters of the sum of phi4(K, R) = 2|K & R| / (|K| + |R|),
 *                     divided by the number of key clusters; precision by the
 *                     number of response clusters. The alignment is solved
 *                     exactly (Kuhn-Munkres) on each connected group of
 *                     overlapping clusters.
 */
#ifndef CR_EVAL_COREF_H
#define CR_EVAL_COREF_H

#include <stddef.h>
#include <stdint.h>

typedef struct coref_item {
	uint64_t mention, cluster;
} coref_item;

/* recall = rn / rd, precision = pn / pd (0 when a denominator is 0) */
typedef struct coref_score {
	double rn, rd, pn, pd;
} coref_score;

double coref_recall(coref_score s);
double coref_precision(coref_score s);
double coref_f1(coref_score s);

typedef struct coref_result {
	coref_score muc, b3, ceafe;
	double conll;            /* mean of the three F1 */
	size_t key_mentions, response_mentions, matched_mentions;
} coref_result;

/* Scores a response against a key. */
void coref_evaluate(coref_result *out, const coref_item *key, size_t nkey, const coref_item *rsp, size_t nrsp);

#endif
