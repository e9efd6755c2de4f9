/*
 * html.h: a saved news web page in, the article body and its metadata out.
 *
 * The page is parsed with Gumbo (an HTML5 parser: entities decoded, broken
 * markup repaired the way a browser would), then the main content is found
 * in the spirit of Readability: paragraphs vote for their containers, class
 * and id words (data/lexicon/html-hints.tsv) push containers up or down or
 * remove them, and the winner plus its close siblings is flattened into
 * paragraphs. Metadata comes from <meta> (Open Graph, article:*), JSON-LD
 * (NewsArticle and friends) and the page's own elements. See html.c.
 */
#ifndef CR_INGEST_HTML_H
#define CR_INGEST_HTML_H

#include <stddef.h>
#include <stdint.h>

/* Inputs larger than this are refused: Gumbo's tree takes about 12 bytes
 * for each byte of the page (190 MB for 16 MB). */
#define CR_HTML_MAX_MB 16
#define CR_HTML_MAX_BYTES ((size_t)CR_HTML_MAX_MB << 20)
/* Estimated element nesting deeper than this is refused before parsing. */
#define CR_HTML_MAX_DEPTH 1000
/* A start tag with more attributes than this is refused (Gumbo's duplicate
 * check is quadratic in them). */
#define CR_HTML_MAX_ATTRS 256

typedef struct cr_html_doc {
	char *text;              /* clean article body: paragraphs separated by "\n\n", UTF-8, NUL-terminated */
	size_t len;
	char *title, *byline, *outlet, *url, *published; /* NULL when unknown; published is "YYYY-MM-DD" */
	uint32_t *src_offsets;   /* for each paragraph i: byte offset in the HTML where its text starts */
	size_t nsrc;             /* number of paragraphs */
} cr_html_doc;

/*
 * Extracts the article from html[0, len). Returns 0 and fills *out (the
 * caller frees it with cr_html_doc_free), or a negative value with a
 * one-line message in err (naming the byte offset) when the input cannot be
 * read: over CR_HTML_MAX_BYTES, nesting deeper than CR_HTML_MAX_DEPTH, a
 * tag with over CR_HTML_MAX_ATTRS attributes, or no body text found. On
 * error *out is left empty (safe to free).
 * err may be NULL when errlen is 0. Thread-safe; deterministic.
 */
int cr_html_extract(cr_html_doc *out, const char *html, size_t len, char *err, size_t errlen);
void cr_html_doc_free(cr_html_doc *d);

/*
 * Normalises a date string as found in pages ("2022-03-25T10:00:00Z",
 * "2022/3/25", "20220325") to "YYYY-MM-DD" in out. Returns 0, or -1 when s
 * does not start with such a date.
 */
int cr_html_norm_date(char out[11], const char *s);

#endif
