/*
 * html_extract DIR: scores main-content extraction on saved pages.
 *
 * For every DIR/NAME.html that has a DIR/NAME.expected.txt, runs
 * cr_html_extract and compares the body with the expected text as bags of
 * whitespace-separated tokens (the measure trafilatura's evaluation uses):
 * matched = size of the multiset intersection. Precision and recall are
 * summed over all pages (micro average). Prints one line
 *   BENCH html-extract f1=.. precision=.. recall=.. pages=N
 * and, on stderr, one line per page. A page that fails to extract counts
 * as zero tokens extracted.
 */
#include "ingest/html.h"
#include "util/util.h"
#include "util/map.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds each token of s to m with count delta; returns the token count. */
static size_t bag_add(cr_map *m, const char *s, size_t n, int delta, size_t *matched)
{
	size_t count = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && cr_is_space((unsigned char)s[i]))
			i++;
		size_t st = i;
		while (i < n && !cr_is_space((unsigned char)s[i]))
			i++;
		if (i == st)
			break;
		count++;
		intptr_t c = 0;
		cr_map_get(m, s + st, i - st, &c);
		if (delta < 0 && c > 0)
			(*matched)++;
		cr_map_put(m, s + st, i - st, c + delta);
	}
	return count;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: html_extract DIR\n");
		return 2;
	}
	DIR *d = opendir(argv[1]);
	if (!d) {
		fprintf(stderr, "html_extract: cannot open %s\n", argv[1]);
		return 2;
	}
	CR_VEC(char *) names = {0};
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n > 5 && strcmp(de->d_name + n - 5, ".html") == 0)
			cr_vec_push(&names, cr_xstrndup(de->d_name, n - 5));
	}
	closedir(d);
	qsort(names.items, names.len, sizeof *names.items, cmp_str);

	size_t tot_got = 0, tot_want = 0, tot_match = 0, pages = 0;
	for (size_t k = 0; k < names.len; k++) {
		cr_buf p = {0};
		char *html = NULL, *want = NULL;
		size_t hlen, wlen;
		cr_buf_printf(&p, "%s/%s.expected.txt", argv[1], names.items[k]);
		if (cr_read_file(p.data, &want, &wlen) != 0) {
			cr_buf_free(&p);
			free(names.items[k]);
			continue;
		}
		cr_buf_reset(&p);
		cr_buf_printf(&p, "%s/%s.html", argv[1], names.items[k]);
		if (cr_read_file(p.data, &html, &hlen) != 0) {
			fprintf(stderr, "html_extract: cannot read %s\n", p.data);
			free(want);
			cr_buf_free(&p);
			free(names.items[k]);
			continue;
		}
		cr_html_doc doc;
		char err[256];
		if (cr_html_extract(&doc, html, hlen, err, sizeof err) != 0)
			fprintf(stderr, "%s: %s\n", names.items[k], err);
		cr_map *bag = cr_map_new();
		size_t matched = 0;
		size_t nwant = bag_add(bag, want, wlen, 1, &matched);
		size_t ngot = doc.text ? bag_add(bag, doc.text, doc.len, -1, &matched) : 0;
		cr_map_free(bag);
		double pr = ngot ? (double)matched / ngot : 0, rc = nwant ? (double)matched / nwant : 0;
		fprintf(stderr, "page %-28s f1=%.3f precision=%.3f recall=%.3f\n", names.items[k],
			pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0.0, pr, rc);
		tot_got += ngot;
		tot_want += nwant;
		tot_match += matched;
		pages++;
		cr_html_doc_free(&doc);
		free(html);
		free(want);
		cr_buf_free(&p);
		free(names.items[k]);
	}
	cr_vec_free(&names);
	double pr = tot_got ? (double)tot_match / tot_got : 0, rc = tot_want ? (double)tot_match / tot_want : 0;
	double f1 = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
	printf("BENCH html-extract f1=%.3f precision=%.3f recall=%.3f pages=%zu\n", f1, pr, rc, pages);
	return 0;
}
