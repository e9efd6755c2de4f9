/*
 * tagger_conll.c: reading CoNLL-format files and scoring entity spans the way
 * conlleval does (exact match of type and both ends, micro-averaged).
 *
 * A CoNLL file has one word per line, the word first and the NER tag last,
 * blank lines between sentences and "-DOCSTART-" lines between documents.
 * CoNLL-2003 uses IOB1 (B- only between two adjacent names of one type); labels
 * are converted to IOB2 on reading: I-t after anything but B-t/I-t opens a name.
 */
#include "recognize/tagger.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_tag(const char *s, size_t n, int prev)
{
	if (n == 1 && s[0] == 'O')
		return 0;
	if (n < 3 || s[1] != '-' || (s[0] != 'B' && s[0] != 'I'))
		return -1;
	cr_ent_type t = cr_ent_type_parse(s + 2, n - 2);
	if (t == CR_ENT_NONE)
		return -1;
	int b = CR_TAGGER_LABEL_B(t);
	if (s[0] == 'I' && prev > 0 && CR_TAGGER_LABEL_TYPE(prev) == t)
		return b + 1;
	return b;
}

int cr_conll_read(cr_conll *c, const char *path, char *err, size_t errlen)
{
	memset(c, 0, sizeof *c);
	size_t len;
	if (cr_read_file(path, &c->text, &len) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	CR_VEC(const char *) words = {0};
	CR_VEC(size_t) lens = {0};
	CR_VEC(uint8_t) gold = {0};
	CR_VEC(cr_conll_sentence) sents = {0};
	cr_conll_sentence cur = {0, 0, 0};
	bool seen_doc = false;
	int prev = 0;
	size_t lineno = 0;
	char *p = c->text, *end = c->text + len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *le = nl ? nl : end;
		lineno++;
		char *line = p;
		p = nl ? nl + 1 : end;
		while (le > line && (le[-1] == '\r' || le[-1] == ' ' || le[-1] == '\t'))
			le--;
		if (le == line || strncmp(line, "-DOCSTART-", 10) == 0) {
			if (cur.n)
				cr_vec_push(&sents, cur);
			if (le != line) {
				if (seen_doc)
					c->ndocs++;
				seen_doc = true;
			}
			cur.first = words.len;
			cur.n = 0;
			cur.doc = c->ndocs;
			prev = 0;
			continue;
		}
		char *sp = memchr(line, ' ', (size_t)(le - line));
		char *tab = memchr(line, '\t', (size_t)(le - line));
		char *wend = sp && (!tab || sp < tab) ? sp : tab;
		char *tag = le;
		while (tag > line && tag[-1] != ' ' && tag[-1] != '\t')
			tag--;
		if (!wend || tag <= line) {
			snprintf(err, errlen, "%s:%zu: expected a word and a tag", path, lineno);
			goto fail;
		}
		int lab = parse_tag(tag, (size_t)(le - tag), prev);
		if (lab < 0) {
			snprintf(err, errlen, "%s:%zu: unknown tag '%.*s'", path, lineno, (int)(le - tag), tag);
			goto fail;
		}
		*wend = 0;
		cr_vec_push(&words, line);
		cr_vec_push(&lens, (size_t)(wend - line));
		cr_vec_push(&gold, (uint8_t)lab);
		cur.n++;
		prev = lab;
	}
	if (cur.n)
		cr_vec_push(&sents, cur);
	c->words = words.items;
	c->lens = lens.items;
	c->gold = gold.items;
	c->nwords = words.len;
	c->sents = sents.items;
	c->nsents = sents.len;
	c->ndocs++;
	return 0;
fail:
	cr_vec_free(&words);
	cr_vec_free(&lens);
	cr_vec_free(&gold);
	cr_vec_free(&sents);
	free(c->text);
	memset(c, 0, sizeof *c);
	return -1;
}

void cr_conll_free(cr_conll *c)
{
	free(c->text);
	free(c->words);
	free(c->lens);
	free(c->gold);
	free(c->sents);
	memset(c, 0, sizeof *c);
}

/* Next span at or after *i: [start, end) and type; false when none. */
static bool next_span(const uint8_t *tags, size_t n, size_t *i, size_t *s, size_t *e, int *type)
{
	while (*i < n && tags[*i] == 0)
		(*i)++;
	if (*i >= n)
		return false;
	*s = *i;
	*type = CR_TAGGER_LABEL_TYPE(tags[*i]);
	(*i)++;
	while (*i < n && CR_TAGGER_LABEL_IS_I(tags[*i]) && (int)CR_TAGGER_LABEL_TYPE(tags[*i]) == *type)
		(*i)++;
	*e = *i;
	return true;
}

void cr_conll_score_add(cr_conll_score *sc, const uint8_t *gold, const uint8_t *pred, size_t n)
{
	size_t gi = 0, pi = 0, gs = 0, ge = 0, ps = 0, pe = 0;
	int gt = 0, pt = 0;
	bool hg = next_span(gold, n, &gi, &gs, &ge, &gt);
	bool hp = next_span(pred, n, &pi, &ps, &pe, &pt);
	while (hg || hp) {
		if (hg && hp && gs == ps) {
			sc->gold++;
			sc->pred++;
			sc->correct += ge == pe && gt == pt;
			hg = next_span(gold, n, &gi, &gs, &ge, &gt);
			hp = next_span(pred, n, &pi, &ps, &pe, &pt);
		} else if (hg && (!hp || gs < ps)) {
			sc->gold++;
			hg = next_span(gold, n, &gi, &gs, &ge, &gt);
		} else {
			sc->pred++;
			hp = next_span(pred, n, &pi, &ps, &pe, &pt);
		}
	}
}

void cr_conll_score_prf(const cr_conll_score *s, double *p, double *r, double *f1)
{
	*p = s->pred ? 100.0 * (double)s->correct / (double)s->pred : 0;
	*r = s->gold ? 100.0 * (double)s->correct / (double)s->gold : 0;
	*f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}
