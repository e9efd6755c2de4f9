/*
 * conll_eval: scores the built-in name tagger on a CoNLL-format file.
 *
 *   conll_eval FILE [NAME]     prints  BENCH NAME f1=.. precision=.. recall=..
 *
 * Each -DOCSTART- document is tagged as a whole (cr_tagger_tag_doc: sentence
 * pass, then the document-level pass); the sentence-at-a-time figure
 * (cr_tagger_tag_words) goes to stderr.
 *
 * Entity-level exact-match scoring as conlleval does it (type and both ends must
 * match; micro-averaged over PER, ORG, LOC, MISC); IOB1 gold labels are turned
 * into spans properly. NAME defaults to conll2003-dev. Per-type figures go to stderr.
 */
#include "recognize/tagger.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: conll_eval FILE [NAME]\n");
		return 2;
	}
	const char *name = argc > 2 ? argv[2] : "conll2003-dev";
	const cr_tagger *t = cr_tagger_default();
	if (!t)
		return 1;
	cr_conll c;
	char err[256];
	if (cr_conll_read(&c, argv[1], err, sizeof err) < 0) {
		fprintf(stderr, "conll_eval: %s\n", err);
		return 1;
	}
	uint8_t *pred = cr_xmalloc(c.nwords + 1);
	cr_conll_score all = {0}, bytype[CR_ENT_NTYPES] = {{0}};
	uint8_t *g1 = cr_xmalloc(c.nwords + 1), *p1 = cr_xmalloc(c.nwords + 1);
	cr_conll_score single = {0};
	for (size_t s = 0; s < c.nsents; s++) {
		const cr_conll_sentence *st = &c.sents[s];
		cr_tagger_tag_words(pred + st->first, t, c.words + st->first, c.lens + st->first, st->n);
		cr_conll_score_add(&single, c.gold + st->first, pred + st->first, st->n);
	}
	cr_span *sents = cr_xmalloc((c.nsents + 1) * sizeof *sents);
	for (size_t s = 0; s < c.nsents;) {
		size_t e = s, base = c.sents[s].first;
		while (e < c.nsents && c.sents[e].doc == c.sents[s].doc) {
			sents[e - s].start = (uint32_t)(c.sents[e].first - base);
			sents[e - s].end = (uint32_t)(c.sents[e].first + c.sents[e].n - base);
			e++;
		}
		size_t n = c.sents[e - 1].first + c.sents[e - 1].n - base;
		cr_tagger_tag_doc(pred + base, t, c.words + base, c.lens + base, n, sents, e - s, NULL);
		s = e;
	}
	free(sents);
	for (size_t s = 0; s < c.nsents; s++) {
		const cr_conll_sentence *st = &c.sents[s];
		cr_conll_score_add(&all, c.gold + st->first, pred + st->first, st->n);
		for (int ty = 1; ty < CR_ENT_NTYPES; ty++) {
			for (size_t i = 0; i < st->n; i++) {
				uint8_t g = c.gold[st->first + i], p = pred[st->first + i];
				g1[i] = (int)CR_TAGGER_LABEL_TYPE(g) == ty ? g : 0;
				p1[i] = (int)CR_TAGGER_LABEL_TYPE(p) == ty ? p : 0;
			}
			cr_conll_score_add(&bytype[ty], g1, p1, st->n);
		}
	}
	double p, r, f1;
	for (int ty = 1; ty < CR_ENT_NTYPES; ty++) {
		cr_conll_score_prf(&bytype[ty], &p, &r, &f1);
		fprintf(stderr, "%-4s f1=%.2f precision=%.2f recall=%.2f gold=%zu pred=%zu\n", cr_ent_type_name(ty), f1, p, r,
		        bytype[ty].gold, bytype[ty].pred);
	}
	cr_conll_score_prf(&single, &p, &r, &f1);
	fprintf(stderr, "sentence at a time: f1=%.2f precision=%.2f recall=%.2f\n", f1, p, r);
	cr_conll_score_prf(&all, &p, &r, &f1);
	printf("BENCH %s f1=%.2f precision=%.2f recall=%.2f\n", name, f1, p, r);
	free(pred);
	free(g1);
	free(p1);
	cr_conll_free(&c);
	return 0;
}
