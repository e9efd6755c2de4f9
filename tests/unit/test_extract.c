/*
 * test_extract.c: runs the golden cases of tests/data/extract-cases*.txt
 * through the whole per-document pipeline (segment, recognize, extract) and
 * checks each expectation. One cmocka test per case, named by the case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/analysis.h"

typedef struct tcase {
	char name[2048];
	cr_buf text;
	cr_dayrange pub;
	CR_VEC(char *) expect;
} tcase;

static cr_extractor *X;

static bool contains(const char *hay, const char *needle)
{
	if (!*needle)
		return true;
	if (!hay)
		return false;
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (strncasecmp(p, needle, n) == 0)
			return true;
	return false;
}

static void trim(char *s)
{
	char *e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\n'))
		*--e = 0;
	char *b = s;
	while (*b == ' ')
		b++;
	memmove(s, b, strlen(b) + 1);
}

/* Splits "a | b | c" into up to 5 trimmed fields. */
static int fields(char *s, char *f[5])
{
	int n = 0;
	for (int i = 0; i < 5; i++)
		f[i] = (char *)"";
	char *p = s;
	while (n < 5) {
		char *bar = strchr(p, '|');
		if (bar)
			*bar = 0;
		trim(p);
		f[n++] = p;
		if (!bar)
			break;
		p = bar + 1;
	}
	return n;
}

static const char *subject_name(const cr_analysis *a, const cr_claim *c)
{
	return c->subject_kind == CR_SUBJ_EVENT ? a->events[c->subject].label : a->entities[c->subject].name;
}

static const char *value_words(const cr_analysis *a, const cr_claim *c, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s %s", c->value_text ? c->value_text : "",
	         c->value_event >= 0 ? a->events[c->value_event].label : "");
	return buf;
}

static void run_case(void **state)
{
	tcase *t = *state;
	cr_analysis a;
	assert_int_equal(cr_analyze(&a, X, t->text.data, t->text.len, t->pub), 0);
	bool failed = false;
	for (size_t i = 0; i < t->expect.len; i++) {
		char line[512];
		snprintf(line, sizeof line, "%s", t->expect.items[i] + 2);
		char *f[5];
		fields(line, f);
		char kind = t->expect.items[i][0];
		if (kind == 'E' || kind == 'N') {
			/* entity expectations: does one local entity hold both names? */
			bool both = false, has0 = false, has1 = false;
			for (size_t e = 0; e < a.nentities; e++) {
				const cr_lentity *en = &a.entities[e];
				if (en->mentions == 0)
					continue;
				bool h0 = false, h1 = false;
				for (size_t k = 0; k < en->naliases; k++) {
					h0 |= strcmp(en->aliases[k].text, f[0]) == 0;
					h1 |= strcmp(en->aliases[k].text, f[1]) == 0;
				}
				both |= h0 && h1;
				has0 |= h0;
				has1 |= h1;
			}
			bool ok = kind == 'E' ? both : (!both && has0 && has1);
			if (!ok) {
				print_error("case \"%s\": %s\n", t->name, t->expect.items[i]);
				for (size_t e = 0; e < a.nentities; e++) {
					print_error("  entity %zu (%u mentions):", e, a.entities[e].mentions);
					for (size_t k = 0; k < a.entities[e].naliases; k++)
						print_error(" |%s", a.entities[e].aliases[k].text);
					print_error("\n");
				}
				failed = true;
			}
			continue;
		}
		if (kind == 'V') {
			/* event words: each word of f[1] is a mention of an event whose label holds f[0] */
			char words[512];
			snprintf(words, sizeof words, "%s", f[1]);
			for (char *w = strtok(words, " "); w; w = strtok(NULL, " ")) {
				bool seen = false;
				for (size_t k = 0; k < a.nmentions && !seen; k++) {
					const cr_lmention *m = &a.mentions[k];
					seen = m->kind == CR_SUBJ_EVENT && m->id >= 0 && contains(a.events[m->id].label, f[0]) &&
					       m->end - m->start == strlen(w) && memcmp(t->text.data + m->start, w, strlen(w)) == 0;
				}
				if (!seen) {
					print_error("case \"%s\": %s: no mention '%s'\n", t->name, t->expect.items[i], w);
					for (size_t k = 0; k < a.nmentions; k++)
						if (a.mentions[k].kind == CR_SUBJ_EVENT)
							print_error("  have: %s: '%.*s'\n", a.events[a.mentions[k].id].label,
							            (int)(a.mentions[k].end - a.mentions[k].start), t->text.data + a.mentions[k].start);
					failed = true;
				}
			}
			continue;
		}
		bool want = t->expect.items[i][0] == '=';
		bool found = false;
		for (size_t k = 0; k < a.nclaims && !found; k++) {
			const cr_claim *c = &a.claims[k];
			char vb[512];
			found = strcmp(c->predicate, f[0]) == 0 && contains(subject_name(&a, c), f[1]) &&
			        contains(value_words(&a, c, vb, sizeof vb), f[2]) &&
			        (!*f[3] || strcmp(cr_modality_names[c->modality], f[3]) == 0) &&
			        (!*f[4] || contains(c->attribution, f[4]));
		}
		if (found != want) {
			print_error("case \"%s\": %s\n", t->name, t->expect.items[i]);
			failed = true;
		}
	}
	if (failed) {
		for (size_t k = 0; k < a.nclaims; k++) {
			char vb[512];
			const cr_claim *c = &a.claims[k];
			print_error("  have: %s | %s | %s | %s | %s\n", c->predicate, subject_name(&a, c),
			            value_words(&a, c, vb, sizeof vb), cr_modality_names[c->modality],
			            c->attribution ? c->attribution : "");
		}
	}
	cr_analysis_free(&a);
	assert_false(failed);
}

int main(void)
{
	const char *src = getenv("CORROB_SOURCE_DIR");
	char pattern[1024];
	snprintf(pattern, sizeof pattern, "%s/tests/data/extract-cases*.txt", src ? src : ".");
	glob_t files;
	if (glob(pattern, 0, NULL, &files) != 0 || files.gl_pathc == 0) {
		fprintf(stderr, "test_extract: no case files match %s\n", pattern);
		return 1;
	}
	char err[256];
	if (cr_extractor_new(&X, err, sizeof err) < 0) {
		fprintf(stderr, "test_extract: %s\n", err);
		return 1;
	}
	CR_VEC(tcase *) cases = {0};
	/* every file of cases, in name order: extract-cases.txt, extract-cases-dates.txt, ... */
	for (size_t fi = 0; fi < files.gl_pathc; fi++) {
		FILE *f = fopen(files.gl_pathv[fi], "r");
		if (!f) {
			fprintf(stderr, "test_extract: cannot open %s\n", files.gl_pathv[fi]);
			return 1;
		}
		char line[2048];
		tcase *cur = NULL;
		while (fgets(line, sizeof line, f)) {
			if (strncmp(line, "## ", 3) == 0) {
				cur = cr_xcalloc(1, sizeof *cur);
				snprintf(cur->name, sizeof cur->name, "%s", line + 3);
				trim(cur->name);
				cur->pub.earliest = cur->pub.latest = CR_DAY_NONE;
				cr_vec_push(&cases, cur);
			} else if (cur && strncmp(line, "> ", 2) == 0) {
				if (cur->text.len)
					cr_buf_puts(&cur->text, "\n\n");
				trim(line + 2);
				cr_buf_puts(&cur->text, line + 2);
			} else if (cur && strncmp(line, "@ ", 2) == 0) {
				int32_t d;
				if (cr_day_parse(line + 2, &d))
					cur->pub.earliest = cur->pub.latest = d;
			} else if (cur && line[0] && strchr("=!ENV", line[0]) && line[1] == ' ') {
				trim(line);
				cr_vec_push(&cur->expect, cr_xstrdup(line));
			}
		}
		fclose(f);
	}
	globfree(&files);
	struct CMUnitTest *tests = cr_xcalloc(cases.len + 1, sizeof *tests);
	for (size_t i = 0; i < cases.len; i++) {
		tests[i].name = cases.items[i]->name;
		tests[i].test_func = run_case;
		tests[i].initial_state = cases.items[i];
	}
	int rc = _cmocka_run_group_tests("extract-cases", tests, cases.len, NULL, NULL);
	for (size_t i = 0; i < cases.len; i++) {
		for (size_t k = 0; k < cases.items[i]->expect.len; k++)
			free(cases.items[i]->expect.items[k]);
		cr_vec_free(&cases.items[i]->expect);
		cr_buf_free(&cases.items[i]->text);
		free(cases.items[i]);
	}
	cr_vec_free(&cases);
	free(tests);
	cr_extractor_free(X);
	return rc;
}
