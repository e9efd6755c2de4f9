/*
 * ner_speed: throughput of the built-in name tagger on raw news text.
 *
 *   ner_speed FILE...        prints  BENCH ner-speed mb_per_s=.. names=.. mb=..
 *   ner_speed --print FILE   prints each name found (TYPE score text) instead
 *   ner_speed --model M.bin  uses the model file M.bin instead of the built-in one
 *
 * A deliberately simple tokenizer stands in for the segmenter: words are runs
 * of letters, digits and non-ASCII bytes (with inner '.', '-', '\'' kept, so
 * "U.S." and "Colonel-General" stay whole), every other non-space byte is a
 * token, and a sentence ends after '.', '!' or '?' followed by a space, or at a
 * line break. The time covers tokenizing and tagging (files are read first),
 * on one core. Each file is tagged as one document (cr_tagger_doc_names: a
 * sentence pass and a document-level pass).
 */
#include "recognize/tagger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool wordch(unsigned char c)
{
	return c >= 128 || cr_is_alpha(c) || cr_is_digit(c);
}

static bool print_names;

/* Tokenizes one file into tokens and sentences, then tags it as one document. */
static size_t tag_text(const cr_tagger *t, const char *s, size_t len, cr_name **names, size_t *nnames)
{
	CR_VEC(cr_span) toks = {0};
	CR_VEC(cr_span) sents = {0};
	size_t sent_start = 0;
#define END_SENTENCE() do { \
		if (toks.len > sent_start) { \
			cr_span ss = {(uint32_t)sent_start, (uint32_t)toks.len}; \
			cr_vec_push(&sents, ss); \
			sent_start = toks.len; \
		} \
	} while (0)
	for (size_t i = 0; i < len;) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			i++;
			continue;
		}
		if (s[i] == '\n') {
			END_SENTENCE();
			i++;
			continue;
		}
		size_t st = i;
		if (wordch((unsigned char)s[i])) {
			while (i < len && (wordch((unsigned char)s[i]) ||
			                   ((s[i] == '.' || s[i] == '-' || s[i] == '\'') && i + 1 < len &&
			                    wordch((unsigned char)s[i + 1]))))
				i++;
			/* keep an abbreviation's final full stop: "U.S." "Mr." */
			if (i < len && s[i] == '.' && i - st <= 3 && cr_is_upper((unsigned char)s[st]))
				i++;
		} else {
			i++;
		}
		cr_span sp = {(uint32_t)st, (uint32_t)i};
		cr_vec_push(&toks, sp);
		bool stop = (s[st] == '.' || s[st] == '!' || s[st] == '?') && i - st == 1 &&
		            (i == len || s[i] == ' ' || s[i] == '\n');
		if (stop || toks.len - sent_start >= 200)
			END_SENTENCE();
	}
	END_SENTENCE();
#undef END_SENTENCE
	*nnames = 0;
	cr_tagger_doc_names(names, nnames, t, s, toks.items, toks.len, sents.items, sents.len);
	for (size_t k = 0; print_names && k < *nnames; k++)
		printf("%-4s %.2f %.*s\n", cr_ent_type_name((*names)[k].type), (*names)[k].score,
		       (int)((*names)[k].end - (*names)[k].start), s + (*names)[k].start);
	cr_vec_free(&toks);
	cr_vec_free(&sents);
	return *nnames;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: ner_speed FILE...\n");
		return 2;
	}
	const cr_tagger *t = NULL;
	cr_tagger *own = NULL;
	char *model = NULL;
	for (int i = 1; i + 1 < argc; i++) {
		if (strcmp(argv[i], "--model") != 0)
			continue;
		size_t ml;
		char err[256];
		if (cr_read_file(argv[i + 1], &model, &ml) < 0 || cr_tagger_load(&own, model, ml, err, sizeof err) < 0) {
			fprintf(stderr, "ner_speed: %s: %s\n", argv[i + 1], model ? err : "cannot read");
			return 1;
		}
		t = own;
		argv[i][0] = argv[i + 1][0] = 0;  /* not input files */
	}
	if (!t)
		t = cr_tagger_default();
	if (!t)
		return 1;
	char **texts = cr_xmalloc((size_t)argc * sizeof *texts);
	size_t *lens = cr_xmalloc((size_t)argc * sizeof *lens), total = 0;
	int nf = 0;
	for (int i = 1; i < argc; i++) {
		if (!argv[i][0])
			continue;
		if (!strcmp(argv[i], "--print")) {
			print_names = true;
			continue;
		}
		if (cr_read_file(argv[i], &texts[nf], &lens[nf]) < 0) {
			fprintf(stderr, "ner_speed: cannot read %s\n", argv[i]);
			continue;
		}
		total += lens[nf++];
	}
	if (total > (size_t)UINT32_MAX / 2) {
		fprintf(stderr, "ner_speed: input too large\n");
		return 1;
	}
	cr_name *names = NULL;
	size_t nnames = 0, found = 0;
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (int i = 0; i < nf; i++)
		found += tag_text(t, texts[i], lens[i], &names, &nnames);
	clock_gettime(CLOCK_MONOTONIC, &b);
	double sec = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	double mb = (double)total / 1e6;
	if (!print_names)
		printf("BENCH ner-speed mb_per_s=%.2f names=%zu mb=%.2f\n", sec > 0 ? mb / sec : 0, found, mb);
	free(names);
	for (int i = 0; i < nf; i++)
		free(texts[i]);
	free(texts);
	free(lens);
	cr_tagger_free(own);
	free(model);
	return 0;
}
