/*
 * fuzz_segment: cr_segment on arbitrary bytes, in both line modes, checking
 * the invariants of the result (spans inside the input, tokens ordered,
 * sentences made of consecutive tokens inside their paragraph). The input is
 * copied to an exact-size heap buffer so AddressSanitizer catches overreads.
 */
#include "text/segment.h"

#include <stdlib.h>
#include <string.h>

static void check(const cr_segmentation *s, size_t len)
{
	size_t next = 0;
	for (size_t i = 0; i < s->ntokens; i++) {
		const cr_token *k = &s->tokens[i];
		if (k->start >= k->end || k->end > len || (i && s->tokens[i - 1].end > k->start))
			abort();
	}
	for (size_t i = 0; i < s->nsentences; i++) {
		const cr_sentence *x = &s->sentences[i];
		if (x->first_token != next || x->ntokens == 0 || x->paragraph >= s->nparagraphs)
			abort();
		next += x->ntokens;
		if (x->start != s->tokens[x->first_token].start || x->end != s->tokens[next - 1].end)
			abort();
		const cr_span *p = &s->paragraphs[x->paragraph];
		if (x->start < p->start || x->end > p->end)
			abort();
	}
	if (next != s->ntokens)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *t = malloc(size ? size : 1);
	if (size)
		memcpy(t, data, size);
	for (int m = 0; m < 3; m++) {
		cr_segmentation s;
		cr_segment_opts o = { .wrap = (cr_wrap_mode)m };
		if (cr_segment_ex(&s, t, size, &o) != 0)
			abort();
		check(&s, size);
		cr_segmentation_free(&s);
	}
	free(t);
	return 0;
}
