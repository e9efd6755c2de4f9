/*
 * fuzz_ner: the name tagger on arbitrary bytes. The input is split on spaces
 * into tokens and on newlines into sentences and tagged as one document with
 * the built-in model; then the same bytes are offered to cr_tagger_load as a
 * model file (which must refuse them or load something it can run).
 */
#include "recognize/tagger.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 16)
		return 0;
	const char *text = (const char *)data;
	cr_span *tok = malloc((size + 1) * sizeof *tok), *sent = malloc((size + 1) * sizeof *sent);
	size_t nt = 0, ns = 0, s0 = 0;
	for (size_t i = 0; i < size;) {
		if (text[i] == '\n') {
			if (nt > s0)
				sent[ns++] = (cr_span){(uint32_t)s0, (uint32_t)nt};
			s0 = nt;
			i++;
			continue;
		}
		if (text[i] == ' ') {
			i++;
			continue;
		}
		size_t st = i;
		while (i < size && text[i] != ' ' && text[i] != '\n')
			i++;
		tok[nt++] = (cr_span){(uint32_t)st, (uint32_t)i};
	}
	if (nt > s0)
		sent[ns++] = (cr_span){(uint32_t)s0, (uint32_t)nt};
	const cr_tagger *t = cr_tagger_default();
	if (t) {
		cr_name *names = NULL;
		size_t nn = 0;
		cr_tagger_doc_names(&names, &nn, t, text, tok, nt, sent, ns);
		for (size_t k = 0; k < nn; k++)
			if (names[k].start > names[k].end || names[k].end > size)
				abort();
		free(names);
	}
	void *copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
	cr_tagger *m;
	char err[200];
	if (cr_tagger_load(&m, copy, size, err, sizeof err) == 0) {
		uint8_t tags[4];
		const char *w[4] = {"The", "Red", "Cross", "said"};
		size_t l[4] = {3, 3, 5, 4};
		cr_tagger_tag_words(tags, m, w, l, 4);
		cr_tagger_free(m);
	}
	free(copy);
	free(tok);
	free(sent);
	return 0;
}
