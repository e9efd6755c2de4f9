/*
 * sbd_golden: scores cr_segment on the English "Golden Rules" of
 * pragmatic_segmenter (a JSONL file: text, expected sentences, rule number,
 * options). A rule passes when the segmenter's sentences, each with its
 * whitespace runs collapsed to one space and trimmed, equal the expected ones
 * (rules 40 and 41 expect an errant newline inside a sentence to become a
 * space). Rule 40 carries doc_type "pdf", which is honoured as hard-wrapped
 * text. Prints "BENCH sbd-golden pass=N total=M"; with -v also each failing
 * rule with the sentences found.
 *
 * usage: sbd_golden [-v] FILE.jsonl
 */
#include "text/segment.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *collapse(const char *p, size_t n)
{
	char *o = malloc(n + 1), *w = o;
	bool sp = false;
	for (size_t i = 0; i < n; i++) {
		if (cr_is_space((unsigned char)p[i])) {
			sp = w != o;
			continue;
		}
		if (sp)
			*w++ = ' ';
		sp = false;
		*w++ = p[i];
	}
	*w = 0;
	return o;
}

int main(int argc, char **argv)
{
	bool verbose = false;
	int ai = 1;
	if (ai < argc && !strcmp(argv[ai], "-v")) {
		verbose = true;
		ai++;
	}
	if (ai >= argc) {
		fprintf(stderr, "usage: sbd_golden [-v] FILE.jsonl\n");
		return 2;
	}
	FILE *f = fopen(argv[ai], "r");
	if (!f) {
		perror(argv[ai]);
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int pass = 0, total = 0;
	cr_buf failed = { 0 };
	while ((got = getline(&line, &cap, f)) > 0) {
		json_error_t err;
		json_t *o = json_loadb(line, (size_t)got, 0, &err);
		if (!o)
			continue;
		const char *text = json_string_value(json_object_get(o, "text"));
		json_t *exp = json_object_get(o, "sentences");
		int rule = (int)json_integer_value(json_object_get(o, "rule"));
		json_t *opt = json_object_get(o, "options");
		const char *dt = opt ? json_string_value(json_object_get(opt, "doc_type")) : NULL;
		if (!text || !json_is_array(exp)) {
			json_decref(o);
			continue;
		}
		total++;
		cr_segment_opts so = { .wrap = dt && !strcmp(dt, "pdf") ? CR_WRAP_HARD : CR_WRAP_AUTO };
		cr_segmentation sg;
		size_t tl = json_string_length(json_object_get(o, "text"));
		bool ok = cr_segment_ex(&sg, text, tl, &so) == 0 && sg.nsentences == json_array_size(exp);
		for (size_t i = 0; ok && i < sg.nsentences; i++) {
			char *a = collapse(text + sg.sentences[i].start, sg.sentences[i].end - sg.sentences[i].start);
			const char *e = json_string_value(json_array_get(exp, i));
			char *b = collapse(e, strlen(e));
			ok = !strcmp(a, b);
			free(a);
			free(b);
		}
		if (ok) {
			pass++;
		} else {
			cr_buf_printf(&failed, "%s%d", failed.len ? "," : "", rule);
			if (verbose) {
				fprintf(stderr, "FAIL rule %d: %s\n", rule, json_string_value(json_object_get(o, "name")));
				for (size_t i = 0; i < sg.nsentences; i++)
					fprintf(stderr, "  got [%.*s]\n", (int)(sg.sentences[i].end - sg.sentences[i].start),
					        text + sg.sentences[i].start);
				for (size_t i = 0; i < json_array_size(exp); i++)
					fprintf(stderr, "  exp [%s]\n", json_string_value(json_array_get(exp, i)));
			}
		}
		cr_segmentation_free(&sg);
		json_decref(o);
	}
	free(line);
	fclose(f);
	printf("BENCH sbd-golden pass=%d total=%d\n", pass, total);
	if (failed.len)
		fprintf(stderr, "sbd-golden: failing rules %s\n", failed.data);
	cr_buf_free(&failed);
	return 0;
}
