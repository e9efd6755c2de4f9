/*
 * sbd_ud: sentence boundaries of cr_segment against a Universal Dependencies
 * treebank (CoNLL-U, e.g. UD English EWT). The "# text" lines are joined
 * into one text: sentences of a paragraph with one space, paragraphs and
 * documents ("# newpar", "# newdoc") with a blank line. A predicted boundary
 * is correct when a gold sentence ends at the same byte. Prints precision,
 * recall and F1 of sentence ends, counting only ends inside paragraphs
 * (paragraph ends are given away by the blank lines) in "inner_*".
 *
 * usage: sbd_ud [-v] FILE.conllu   (-v: each missed and each wrong boundary on stderr)
 */
#include "text/segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	bool verbose = argc > 2 && !strcmp(argv[1], "-v");
	if (verbose) {
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: sbd_ud [-v] FILE.conllu\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	cr_buf text = { 0 };
	CR_VEC(uint32_t) gold = { 0 };     /* end offsets */
	CR_VEC(uint8_t) inner = { 0 };     /* 1 when another sentence of the paragraph follows */
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	bool newpar = true;
	while ((got = getline(&line, &cap, f)) > 0) {
		if (!strncmp(line, "# newdoc", 8) || !strncmp(line, "# newpar", 8)) {
			newpar = true;
			continue;
		}
		if (strncmp(line, "# text = ", 9))
			continue;
		size_t n = (size_t)got - 9;
		while (n && (line[9 + n - 1] == '\n' || line[9 + n - 1] == '\r'))
			n--;
		if (text.len) {
			if (newpar && inner.len)
				inner.items[inner.len - 1] = 0;
			cr_buf_puts(&text, newpar ? "\n\n" : " ");
		}
		newpar = false;
		cr_buf_append(&text, line + 9, n);
		cr_vec_push(&gold, (uint32_t)text.len);
		cr_vec_push(&inner, 1);
	}
	if (inner.len)
		inner.items[inner.len - 1] = 0;
	free(line);
	fclose(f);
	if (!gold.len) {
		fprintf(stderr, "sbd_ud: no sentences in %s\n", argv[1]);
		return 0;
	}
	cr_segmentation s;
	cr_segment(&s, text.data, text.len);
	/* both lists are sorted: merge */
	size_t tp = 0, tp_in = 0, pred_in = 0, gold_in = 0, g = 0;
	for (size_t i = 0; i < gold.len; i++)
		gold_in += inner.items[i];
	for (size_t i = 0; i < s.nsentences; i++) {
		uint32_t e = s.sentences[i].end;
		bool para_end = i + 1 == s.nsentences || s.sentences[i + 1].paragraph != s.sentences[i].paragraph;
		while (g < gold.len && gold.items[g] < e)
			g++;
		bool hit = g < gold.len && gold.items[g] == e;
		tp += hit;
		if (verbose && !hit && !para_end)
			fprintf(stderr, "WRONG  %.*s|%.30s\n", (int)CR_MIN(e, 50), text.data + e - CR_MIN(e, 50),
			        text.data + e);
		if (!para_end) {
			pred_in++;
			tp_in += hit && inner.items[g];
		}
	}
	if (verbose) {
		size_t j = 0;
		for (size_t i = 0; i < gold.len; i++) {
			uint32_t e = gold.items[i];
			while (j < s.nsentences && s.sentences[j].end < e)
				j++;
			if (inner.items[i] && !(j < s.nsentences && s.sentences[j].end == e))
				fprintf(stderr, "MISSED %.*s|%.30s\n", (int)CR_MIN(e, 50), text.data + e - CR_MIN(e, 50),
				        text.data + e);
		}
	}
	double p = (double)tp / (double)s.nsentences, r = (double)tp / (double)gold.len;
	double pi = pred_in ? (double)tp_in / (double)pred_in : 0, ri = gold_in ? (double)tp_in / (double)gold_in : 0;
	printf("BENCH sbd-ud-ewt f1=%.3f precision=%.3f recall=%.3f inner_f1=%.3f inner_precision=%.3f "
	       "inner_recall=%.3f sentences=%zu\n",
	       2 * p * r / (p + r), p, r, pi + ri > 0 ? 2 * pi * ri / (pi + ri) : 0, pi, ri, gold.len);
	cr_segmentation_free(&s);
	cr_buf_free(&text);
	cr_vec_free(&gold);
	cr_vec_free(&inner);
	return 0;
}
