/*
 * train-ner: trains the name tagger's model from a CoNLL-format file.
 *
 *   train-ner TRAIN.conll OUT.bin [--epochs N] [--bits B] [--titles P] [--dev DEV.conll] [--seed S]
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
 * Title augmentation (--titles P, default 30): CoNLL-2003's Reuters text almost
 * never writes "Mr" or "General" before a name, while today's news does all
 * the time. For P% of the training sentences that hold a person's name, a copy
 * is added with a title word from data/model/ner-titles.tsv inserted before
 * the first such name (labelled O: titles are not part of the name).
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
	cr_lexicon *lx = cr_lexicon_load("model/ner-titles.tsv", true);
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

static uint32_t *features_of(const cr_conll *cc)
{
	uint32_t *f = cr_xmalloc((cc->nwords ? cc->nwords : 1) * NF * sizeof *f);
	for (size_t s = 0; s < cc->nsents; s++) {
		const cr_conll_sentence *st = &cc->sents[s];
		cr_tagger_features(f + st->first * NF, cc->words + st->first, cc->lens + st->first, st->n);
	}
	return f;
}

static void emissions(float *emit, const float *w, uint32_t mask, const uint32_t *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		float acc[NL] = {0};
		for (int k = 0; k < NF; k++) {
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

static void average(float *aw, float *at, const model *m)
{
	size_t nw = ((size_t)1 << m->bits) * NL;
	for (size_t k = 0; k < nw; k++)
		aw[k] = (float)(m->w[k] - m->u[k] / m->c);
	for (int k = 0; k < (NL + 1) * NL; k++)
		at[k] = (float)(m->trans[k] - m->utrans[k] / m->c);
}

static double evaluate(const cr_conll *dev, const uint32_t *f, const float *aw, const float *at, uint32_t mask,
                       double *p, double *r)
{
	cr_conll_score sc = {0};
	float *emit = cr_xmalloc((dev->nwords + 1) * NL * sizeof *emit);
	uint8_t *tags = cr_xmalloc(dev->nwords + 1);
	for (size_t s = 0; s < dev->nsents; s++) {
		const cr_conll_sentence *st = &dev->sents[s];
		emissions(emit, aw, mask, f + st->first * NF, st->n);
		cr_tagger_viterbi(tags, emit, at, st->n);
		cr_conll_score_add(&sc, dev->gold + st->first, tags, st->n);
	}
	free(emit);
	free(tags);
	double f1;
	cr_conll_score_prf(&sc, p, r, &f1);
	return f1;
}

int main(int argc, char **argv)
{
	const char *train = NULL, *out = NULL, *devpath = NULL;
	int epochs = 12, titles = 30;
	unsigned bits = 18;
	uint64_t seed = 20031;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
			epochs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--bits") && i + 1 < argc)
			bits = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--dev") && i + 1 < argc)
			devpath = argv[++i];
		else if (!strcmp(argv[i], "--titles") && i + 1 < argc)
			titles = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (!train)
			train = argv[i];
		else if (!out)
			out = argv[i];
		else {
			fprintf(stderr, "train-ner: unexpected argument %s\n", argv[i]);
			return 2;
		}
	}
	if (!train || !out || epochs < 1 || bits < 10 || bits > 26) {
		fprintf(stderr, "usage: train-ner TRAIN.conll OUT.bin [--epochs N] [--bits 10..26] [--titles PERCENT] [--dev DEV.conll] [--seed S]\n");
		return 2;
	}
	char err[256];
	cr_conll tr, dev = {0};
	if (cr_conll_read(&tr, train, err, sizeof err) < 0) {
		fprintf(stderr, "train-ner: %s\n", err);
		return 1;
	}
	if (devpath && cr_conll_read(&dev, devpath, err, sizeof err) < 0) {
		fprintf(stderr, "train-ner: %s\n", err);
		return 1;
	}
	rng_state = seed ? seed : 1;
	cr_arena *arena = cr_arena_new();
	augment_titles(&tr, titles, arena);
	clock_t t0 = clock();
	uint32_t *ftr = features_of(&tr);
	uint32_t *fdev = devpath ? features_of(&dev) : NULL;
	fprintf(stderr, "train-ner: %zu sentences, %zu words, %u documents; features in %.1fs\n",
	        tr.nsents, tr.nwords, tr.ndocs, (double)(clock() - t0) / CLOCKS_PER_SEC);

	model m = {bits, (uint32_t)(((uint64_t)1 << bits) - 1), NULL, NULL, NULL, NULL, 1};
	size_t nw = ((size_t)1 << bits) * NL;
	m.w = cr_xcalloc(nw, sizeof *m.w);
	m.u = cr_xcalloc(nw, sizeof *m.u);
	m.trans = cr_xcalloc((NL + 1) * NL, sizeof *m.trans);
	m.utrans = cr_xcalloc((NL + 1) * NL, sizeof *m.utrans);
	float *aw = cr_xmalloc(nw * sizeof *aw), *at = cr_xmalloc((NL + 1) * NL * sizeof *at);

	size_t maxn = 1;
	for (size_t s = 0; s < tr.nsents; s++)
		maxn = CR_MAX(maxn, tr.sents[s].n);
	float *emit = cr_xmalloc(maxn * NL * sizeof *emit);
	uint8_t *pred = cr_xmalloc(maxn);
	size_t *order = cr_xmalloc((tr.nsents + 1) * sizeof *order);
	for (size_t s = 0; s < tr.nsents; s++)
		order[s] = s;

	for (int ep = 1; ep <= epochs; ep++) {
		for (size_t s = tr.nsents; s > 1; s--) {
			size_t j = (size_t)(rng() % s);
			size_t tmp = order[s - 1];
			order[s - 1] = order[j];
			order[j] = tmp;
		}
		size_t errors = 0;
		for (size_t k = 0; k < tr.nsents; k++) {
			const cr_conll_sentence *st = &tr.sents[order[k]];
			const uint32_t *f = ftr + st->first * NF;
			const uint8_t *gold = tr.gold + st->first;
			emissions(emit, m.w, m.mask, f, st->n);
			cr_tagger_viterbi(pred, emit, m.trans, st->n);
			if (memcmp(pred, gold, st->n) != 0) {
				errors++;
				update(&m, f, gold, st->n, 1);
				update(&m, f, pred, st->n, -1);
			}
			m.c += 1;
		}
		fprintf(stderr, "epoch %d: %zu/%zu sentences wrong (%.1fs)", ep, errors, tr.nsents,
		        (double)(clock() - t0) / CLOCKS_PER_SEC);
		if (devpath) {
			double p, r;
			average(aw, at, &m);
			double f1 = evaluate(&dev, fdev, aw, at, m.mask, &p, &r);
			fprintf(stderr, "; dev f1=%.2f p=%.2f r=%.2f", f1, p, r);
		}
		fputc('\n', stderr);
	}
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
	cr_tagger_write_model(&b, bits, at, aw);
	FILE *fo = fopen(out, "wb");
	if (!fo || fwrite(b.data, 1, b.len, fo) != b.len || fclose(fo) != 0) {
		fprintf(stderr, "train-ner: cannot write %s\n", out);
		return 1;
	}
	fprintf(stderr, "train-ner: wrote %s (%zu bytes, %zu of %zu rows used)\n", out, b.len, used, nw / NL);
	cr_buf_free(&b);
	free(ftr);
	free(fdev);
	free(m.w);
	free(m.u);
	free(m.trans);
	free(m.utrans);
	free(aw);
	free(at);
	free(emit);
	free(pred);
	free(order);
	cr_conll_free(&tr);
	cr_arena_free(arena);
	if (devpath)
		cr_conll_free(&dev);
	return 0;
}
