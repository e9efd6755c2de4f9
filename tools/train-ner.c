/*
 * train-ner: trains the name tagger's model from a CoNLL-format file.
 *
 *   train-ner TRAIN.conll OUT.bin [--epochs N] [--bits B] [--titles P] [--title-case P] [--doc 0|1] [--hide P]
 *             [--conf-t T] [--dev DEV.conll] [--seed S]
 *
 * Averaged structured perceptron (Collins 2002): for each sentence, in an order
 * shuffled each epoch by a fixed-seed generator, decode with the current
 * weights; where the best sequence differs from the gold one, add 1 to the
 * weights of the gold labels' features and transitions and subtract 1 from the
 * predicted ones'. The model written is the average of the weights over all
 * steps (kept lazily: w - u/c with u the step-weighted sum of updates), which
 * generalises far better than the last weights. --dev prints the dev F1 after
 * each epoch (it does not pick the epoch: the model is always the last one).
 * Deterministic: the same files and options give the same bytes.
 *
 * Document features (--doc 1, the default): see cr_tagger_doc_features. The
 * first-pass labels they are computed from come from a 5-fold jackknife over
 * documents; the final model sees them on all but --hide P% (25) of sentence
 * presentations, so it still works in the first pass where they are empty.
 * --conf-t (15) is stored in the model: the temperature of the confidences,
 * fitted by log-likelihood of right/wrong names on CoNLL dev for this setup.
 *
 * Title augmentation (--titles P, default 30): CoNLL-2003's Reuters text almost
 * never writes "Mr" or "General" before a name, while today's news does all
 * the time. For P% of the training sentences that hold a person's name, a copy
 * is added with a title word from data/model/ner-titles.tsv inserted before
 * the first such name (labelled O: titles are not part of the name).
 * Title Case augmentation (--title-case P, default 10): P% of the sentences get
 * a copy in headline Title Case ("Rebels Seize Town Near Border"), which CoNLL
 * lacks and many outlets use.
 */
#include "recognize/tagger.h"
#include "util/map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NL CR_TAGGER_NLABELS
#define NF CR_TAGGER_NFEAT

static uint64_t rng_state;
static int hide_percent = 25;
static uint64_t rng(void)
{
	uint64_t x = rng_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

typedef struct model {
	unsigned bits;
	uint32_t mask;
	float *w, *trans;
	double *u, *utrans;
	double c;
} model;

/* Appends copies of sentences with a title before their first PER name. */
static void augment_titles(cr_conll *c, int percent, cr_arena *arena)
{
	cr_lexicon *lx = cr_lexicon_load(CR_DATA(model_ner_titles_tsv), true);
	if (!lx || lx->nrows == 0 || percent <= 0) {
		cr_lexicon_free(lx);
		return;
	}
	size_t nsents = c->nsents, added = 0;
	CR_VEC(const char *) words = {0};
	CR_VEC(size_t) lens = {0};
	CR_VEC(uint8_t) gold = {0};
	CR_VEC(cr_conll_sentence) sents = {0};
	for (size_t k = 0; k < c->nwords; k++) {
		cr_vec_push(&words, c->words[k]);
		cr_vec_push(&lens, c->lens[k]);
		cr_vec_push(&gold, c->gold[k]);
	}
	for (size_t s = 0; s < nsents; s++)
		cr_vec_push(&sents, c->sents[s]);
	for (size_t s = 0; s < nsents; s++) {
		cr_conll_sentence st = c->sents[s];
		size_t at = st.n;
		for (size_t i = 0; i < st.n; i++)
			if (c->gold[st.first + i] == CR_TAGGER_LABEL_B(CR_ENT_PER)) {
				at = i;
				break;
			}
		if (at == st.n || (int)(rng() % 100) >= percent)
			continue;
		const char *t = lx->cols[rng() % lx->nrows][0];
		size_t tl = strlen(t);
		char *w = cr_arena_strndup(arena, t, tl);
		if (rng() % 5) /* mostly capitalised, after hyphens too: "Colonel-General" */
			for (size_t j = 0; j < tl; j++)
				if (j == 0 || w[j - 1] == '-')
					w[j] = (char)(w[j] >= 'a' && w[j] <= 'z' ? w[j] - 32 : w[j]);
		cr_conll_sentence ns = {words.len, st.n + 1, st.doc};
		for (size_t i = 0; i < st.n; i++) {
			if (i == at) {
				cr_vec_push(&words, w);
				cr_vec_push(&lens, tl);
				cr_vec_push(&gold, 0);
			}
			cr_vec_push(&words, c->words[st.first + i]);
			cr_vec_push(&lens, c->lens[st.first + i]);
			cr_vec_push(&gold, c->gold[st.first + i]);
		}
		cr_vec_push(&sents, ns);
		added++;
	}
	free(c->words);
	free(c->lens);
	free(c->gold);
	free(c->sents);
	c->words = words.items;
	c->lens = lens.items;
	c->gold = gold.items;
	c->nwords = words.len;
	c->sents = sents.items;
	c->nsents = sents.len;
	fprintf(stderr, "train-ner: added %zu sentences with a title before a name\n", added);
	cr_lexicon_free(lx);
}

/* Appends Title Case copies of percent% of the sentences that are in neither
   all capitals nor Title Case already (headline style; labels unchanged). */
static void augment_title_case(cr_conll *c, size_t norig, int percent, cr_arena *arena)
{
	static const char *const small[] = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and",
	                                    "but", "or", "by", "with", "as", "from"};
	size_t nsents = c->nsents, added = 0;
	CR_VEC(const char *) words = {0};
	CR_VEC(size_t) lens = {0};
	CR_VEC(uint8_t) gold = {0};
	CR_VEC(cr_conll_sentence) sents = {0};
	for (size_t k = 0; k < c->nwords; k++) {
		cr_vec_push(&words, c->words[k]);
		cr_vec_push(&lens, c->lens[k]);
		cr_vec_push(&gold, c->gold[k]);
	}
	for (size_t s = 0; s < nsents; s++)
		cr_vec_push(&sents, c->sents[s]);
	for (size_t s = 0; s < norig && percent > 0; s++) {
		cr_conll_sentence st = c->sents[s];
		if (st.n < 4 || (int)(rng() % 100) >= percent)
			continue;
		bool lower_word = false;
		for (size_t i = 0; i < st.n; i++)
			lower_word |= c->lens[st.first + i] >= 4 && cr_is_lower(c->words[st.first + i][0]);
		if (!lower_word)
			continue;
		cr_conll_sentence ns = {words.len, st.n, st.doc};
		for (size_t i = 0; i < st.n; i++) {
			const char *w = c->words[st.first + i];
			size_t l = c->lens[st.first + i];
			bool keep = !cr_is_lower(w[0]);
			for (size_t k = 0; i > 0 && !keep && k < CR_ARRAY_LEN(small); k++)
				keep = strlen(small[k]) == l && memcmp(small[k], w, l) == 0;
			if (!keep) {
				char *cw = cr_arena_strndup(arena, w, l);
				cw[0] = (char)(cw[0] - 32);
				w = cw;
			}
			cr_vec_push(&words, w);
			cr_vec_push(&lens, l);
			cr_vec_push(&gold, c->gold[st.first + i]);
		}
		cr_vec_push(&sents, ns);
		added++;
	}
	free(c->words);
	free(c->lens);
	free(c->gold);
	free(c->sents);
	c->words = words.items;
	c->lens = lens.items;
	c->gold = gold.items;
	c->nwords = words.len;
	c->sents = sents.items;
	c->nsents = sents.len;
	fprintf(stderr, "train-ner: added %zu Title Case copies of sentences\n", added);
}

static uint32_t *features_of(const cr_conll *cc)
{
	uint32_t *f = cr_xmalloc((cc->nwords ? cc->nwords : 1) * NF * sizeof *f);
	for (size_t s = 0; s < cc->nsents; s++) {
		const cr_conll_sentence *st = &cc->sents[s];
		cr_tagger_features(f + st->first * NF, cc->words + st->first, cc->lens + st->first, st->n);
	}
	return f;
}

static void emissions(float *emit, const float *w, uint32_t mask, const uint32_t *f, size_t n, int k1)
{
	for (size_t i = 0; i < n; i++) {
		float acc[NL] = {0};
		for (int k = 0; k < k1; k++) {
			uint32_t h = f[i * NF + k];
			if (h == CR_TAGGER_NOFEAT)
				continue;
			const float *row = w + (size_t)(h & mask) * NL;
			for (int y = 0; y < NL; y++)
				acc[y] += row[y];
		}
		memcpy(emit + i * NL, acc, sizeof acc);
	}
}

static void update(model *m, const uint32_t *f, const uint8_t *tags, size_t n, float d)
{
	double cd = m->c * d;
	for (size_t i = 0; i < n; i++) {
		int p = i ? tags[i - 1] : NL;
		m->trans[p * NL + tags[i]] += d;
		m->utrans[p * NL + tags[i]] += cd;
		for (int k = 0; k < NF; k++) {
			uint32_t h = f[i * NF + k];
			if (h == CR_TAGGER_NOFEAT)
				continue;
			size_t r = (size_t)(h & m->mask) * NL + tags[i];
			m->w[r] += d;
			m->u[r] += cd;
		}
	}
}

static void model_init(model *m, unsigned bits)
{
	size_t nw = ((size_t)1 << bits) * NL;
	m->bits = bits;
	m->mask = (uint32_t)(((uint64_t)1 << bits) - 1);
	m->w = cr_xcalloc(nw, sizeof *m->w);
	m->u = cr_xcalloc(nw, sizeof *m->u);
	m->trans = cr_xcalloc((NL + 1) * NL, sizeof *m->trans);
	m->utrans = cr_xcalloc((NL + 1) * NL, sizeof *m->utrans);
	m->c = 1;
}

static void model_free(model *m)
{
	free(m->w);
	free(m->u);
	free(m->trans);
	free(m->utrans);
}

static void average(float *aw, float *at, const model *m)
{
	size_t nw = ((size_t)1 << m->bits) * NL;
	for (size_t k = 0; k < nw; k++)
		aw[k] = (float)(m->w[k] - m->u[k] / m->c);
	for (int k = 0; k < (NL + 1) * NL; k++)
		at[k] = (float)(m->trans[k] - m->utrans[k] / m->c);
}

/* Token range [first, end) of each document's sentences (they are contiguous). */
static void doc_ranges(size_t *first, size_t *end, const cr_conll *c, size_t nsents)
{
	for (uint32_t d = 0; d < c->ndocs; d++)
		first[d] = end[d] = 0;
	for (size_t s = nsents; s-- > 0;)
		first[c->sents[s].doc] = c->sents[s].first;
	for (size_t s = 0; s < nsents; s++)
		end[c->sents[s].doc] = c->sents[s].first + c->sents[s].n;
}

/*
 * Tags the original sentences of the documents d with d % folds == fold (all
 * when folds == 0) as the runtime does: one pass without the document slots,
 * then, with usedoc, the document features from those labels and a second pass.
 * f's document slots are overwritten.
 */
static void tag_docs(uint8_t *out, const cr_conll *c, size_t nsents, uint32_t *f, const float *aw, const float *at,
                     uint32_t mask, bool usedoc, uint32_t folds, uint32_t fold)
{
	size_t *first = cr_xmalloc((c->ndocs + 1) * sizeof *first), *end = cr_xmalloc((c->ndocs + 1) * sizeof *end);
	doc_ranges(first, end, c, nsents);
	float *emit = cr_xmalloc((c->nwords + 1) * NL * sizeof *emit);
	for (int pass = 0; pass < (usedoc ? 2 : 1); pass++) {
		if (pass == 1)
			for (uint32_t d = 0; d < c->ndocs; d++)
				if (!folds || d % folds == fold)
					cr_tagger_doc_features(f + first[d] * NF, c->words + first[d], c->lens + first[d],
					                       out + first[d], end[d] - first[d]);
		for (size_t s = 0; s < nsents; s++) {
			const cr_conll_sentence *st = &c->sents[s];
			if (folds && st->doc % folds != fold)
				continue;
			emissions(emit, aw, mask, f + st->first * NF, st->n, pass ? NF : CR_TAGGER_DOC_SLOT);
			cr_tagger_viterbi(out + st->first, emit, at, st->n);
		}
	}
	free(emit);
	free(first);
	free(end);
}

static double score(const cr_conll *c, const uint8_t *pred, double *p, double *r)
{
	cr_conll_score sc = {0};
	for (size_t s = 0; s < c->nsents; s++)
		cr_conll_score_add(&sc, c->gold + c->sents[s].first, pred + c->sents[s].first, c->sents[s].n);
	double f1;
	cr_conll_score_prf(&sc, p, r, &f1);
	return f1;
}

typedef struct trainer {
	const cr_conll *tr;
	uint32_t *f;
	size_t *order, maxn;
	float *emit;
	uint8_t *pred;
	uint32_t *scratch;
} trainer;

/*
 * Epochs of perceptron training on the sentences of documents d with
 * d % folds != fold (all when folds == 0). With hide_doc, each sentence's
 * document slots are hidden half the time, so the model also works in the
 * first pass, where they are empty.
 */
static void train(model *m, trainer *T, int epochs, uint32_t folds, uint32_t fold, bool hide_doc,
                  const cr_conll *dev, uint32_t *fdev, bool usedoc, clock_t t0)
{
	const cr_conll *tr = T->tr;
	for (size_t s = 0; s < tr->nsents; s++)
		T->order[s] = s;
	size_t nw = ((size_t)1 << m->bits) * NL;
	for (int ep = 1; ep <= epochs; ep++) {
		for (size_t s = tr->nsents; s > 1; s--) {
			size_t j = (size_t)(rng() % s);
			size_t tmp = T->order[s - 1];
			T->order[s - 1] = T->order[j];
			T->order[j] = tmp;
		}
		size_t errors = 0, seen = 0;
		for (size_t k = 0; k < tr->nsents; k++) {
			const cr_conll_sentence *st = &tr->sents[T->order[k]];
			if (folds && st->doc % folds == fold)
				continue;
			const uint32_t *f = T->f + st->first * NF;
			if (hide_doc && (int)(rng() % 100) < hide_percent) {
				memcpy(T->scratch, f, st->n * NF * sizeof *f);
				for (size_t i = 0; i < st->n; i++)
					for (int q = 0; q < CR_TAGGER_NDOC; q++)
						T->scratch[i * NF + CR_TAGGER_DOC_SLOT + q] = CR_TAGGER_NOFEAT;
				f = T->scratch;
			}
			const uint8_t *gold = tr->gold + st->first;
			emissions(T->emit, m->w, m->mask, f, st->n, NF);
			cr_tagger_viterbi(T->pred, T->emit, m->trans, st->n);
			seen++;
			if (memcmp(T->pred, gold, st->n) != 0) {
				errors++;
				update(m, f, gold, st->n, 1);
				update(m, f, T->pred, st->n, -1);
			}
			m->c += 1;
		}
		if (folds)
			continue;
		fprintf(stderr, "epoch %d: %zu/%zu sentences wrong (%.1fs)", ep, errors, seen,
		        (double)(clock() - t0) / CLOCKS_PER_SEC);
		if (dev) {
			float *aw = cr_xmalloc(nw * sizeof *aw), at[(NL + 1) * NL];
			uint8_t *pred = cr_xcalloc(dev->nwords + 1, 1);
			double p, r, f1;
			average(aw, at, m);
			tag_docs(pred, dev, dev->nsents, fdev, aw, at, m->mask, false, 0, 0);
			f1 = score(dev, pred, &p, &r);
			fprintf(stderr, "; dev f1=%.2f p=%.2f r=%.2f", f1, p, r);
			if (usedoc) {
				tag_docs(pred, dev, dev->nsents, fdev, aw, at, m->mask, true, 0, 0);
				f1 = score(dev, pred, &p, &r);
				fprintf(stderr, "; two-pass f1=%.2f p=%.2f r=%.2f", f1, p, r);
			}
			free(aw);
			free(pred);
		}
		fputc('\n', stderr);
	}
}

int main(int argc, char **argv)
{
	const char *trainpath = NULL, *out = NULL, *devpath = NULL;
	int epochs = 12, titles = 30, usedoc = 1, title_case = 10;
	unsigned bits = 17;
	uint64_t seed = 20031;
	float conf_t = 15;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
			epochs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--bits") && i + 1 < argc)
			bits = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--dev") && i + 1 < argc)
			devpath = argv[++i];
		else if (!strcmp(argv[i], "--titles") && i + 1 < argc)
			titles = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--title-case") && i + 1 < argc)
			title_case = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--conf-t") && i + 1 < argc)
			conf_t = strtof(argv[++i], NULL);
		else if (!strcmp(argv[i], "--hide") && i + 1 < argc)
			hide_percent = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--doc") && i + 1 < argc)
			usedoc = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (!trainpath)
			trainpath = argv[i];
		else if (!out)
			out = argv[i];
		else {
			fprintf(stderr, "train-ner: unexpected argument %s\n", argv[i]);
			return 2;
		}
	}
	if (!trainpath || !out || epochs < 1 || bits < 10 || bits > 26) {
		fprintf(stderr, "usage: train-ner TRAIN.conll OUT.bin [--epochs N] [--bits 10..26] [--titles PERCENT] "
		                "[--title-case PERCENT] [--doc 0|1] [--hide PERCENT] [--conf-t T] [--dev DEV.conll] [--seed S]\n");
		return 2;
	}
	char err[256];
	cr_conll tr, dev = {0};
	if (cr_conll_read(&tr, trainpath, err, sizeof err) < 0) {
		fprintf(stderr, "train-ner: %s\n", err);
		return 1;
	}
	if (devpath && cr_conll_read(&dev, devpath, err, sizeof err) < 0) {
		fprintf(stderr, "train-ner: %s\n", err);
		return 1;
	}
	rng_state = seed ? seed : 1;
	size_t norig = tr.nsents;
	cr_arena *arena = cr_arena_new();
	augment_titles(&tr, titles, arena);
	augment_title_case(&tr, norig, title_case, arena);
	clock_t t0 = clock();
	uint32_t *ftr = features_of(&tr);
	uint32_t *fdev = devpath ? features_of(&dev) : NULL;
	fprintf(stderr, "train-ner: %zu sentences, %zu words, %u documents; features in %.1fs\n",
	        tr.nsents, tr.nwords, tr.ndocs, (double)(clock() - t0) / CLOCKS_PER_SEC);

	trainer T = {&tr, ftr, NULL, 1, NULL, NULL, NULL};
	for (size_t s = 0; s < tr.nsents; s++)
		T.maxn = CR_MAX(T.maxn, tr.sents[s].n);
	T.order = cr_xmalloc((tr.nsents + 1) * sizeof *T.order);
	T.emit = cr_xmalloc(T.maxn * NL * sizeof *T.emit);
	T.pred = cr_xmalloc(T.maxn);
	T.scratch = cr_xmalloc(T.maxn * NF * sizeof *T.scratch);
	size_t nw = ((size_t)1 << bits) * NL;
	float *aw = cr_xmalloc(nw * sizeof *aw), *at = cr_xmalloc((NL + 1) * NL * sizeof *at);

	if (usedoc) {
		/* First-pass labels for the training documents, each predicted by a model
		   that did not see it (5-fold jackknife), so that the document features
		   are as noisy in training as at run time. */
		const uint32_t folds = 5;
		uint8_t *pass1 = cr_xcalloc(tr.nwords + 1, 1);
		for (uint32_t fold = 0; fold < folds; fold++) {
			model fm;
			model_init(&fm, bits);
			train(&fm, &T, epochs, folds, fold, false, NULL, NULL, false, t0);
			average(aw, at, &fm);
			tag_docs(pass1, &tr, norig, ftr, aw, at, fm.mask, false, folds, fold);
			model_free(&fm);
		}
		size_t *first = cr_xmalloc((tr.ndocs + 1) * sizeof *first), *end = cr_xmalloc((tr.ndocs + 1) * sizeof *end);
		doc_ranges(first, end, &tr, norig);
		for (uint32_t d = 0; d < tr.ndocs; d++)
			cr_tagger_doc_features(ftr + first[d] * NF, tr.words + first[d], tr.lens + first[d], pass1 + first[d],
			                       end[d] - first[d]);
		double p, r;
		double f1 = score(&(cr_conll){.gold = tr.gold, .sents = tr.sents, .nsents = norig}, pass1, &p, &r);
		fprintf(stderr, "train-ner: jackknifed first pass on train: f1=%.2f (%.1fs)\n", f1,
		        (double)(clock() - t0) / CLOCKS_PER_SEC);
		free(first);
		free(end);
		free(pass1);
	}
	model m;
	model_init(&m, bits);
	train(&m, &T, epochs, 0, 0, usedoc != 0, devpath ? &dev : NULL, fdev, usedoc != 0, t0);
	average(aw, at, &m);
	size_t used = 0;
	for (size_t r = 0; r < nw / NL; r++) {
		for (int y = 0; y < NL; y++)
			if (aw[r * NL + y] != 0) {
				used++;
				break;
			}
	}
	cr_buf b = {0};
	cr_tagger_write_model(&b, bits, usedoc ? CR_TAGGER_MODEL_DOC_FEATURES : 0, conf_t, at, aw);
	FILE *fo = fopen(out, "wb");
	if (!fo || fwrite(b.data, 1, b.len, fo) != b.len || fclose(fo) != 0) {
		fprintf(stderr, "train-ner: cannot write %s\n", out);
		return 1;
	}
	fprintf(stderr, "train-ner: wrote %s (%zu bytes, %zu of %zu rows used)\n", out, b.len, used, nw / NL);
	cr_buf_free(&b);
	free(ftr);
	free(fdev);
	model_free(&m);
	free(aw);
	free(at);
	free(T.order);
	free(T.emit);
	free(T.pred);
	free(T.scratch);
	cr_conll_free(&tr);
	cr_arena_free(arena);
	if (devpath)
		cr_conll_free(&dev);
	return 0;
}
