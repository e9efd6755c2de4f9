/*
 * html.c: main-content extraction from a saved news page.
 *
 * Algorithm (Readability's, simplified, with trafilatura's habit of cleaning
 * the body afterwards):
 *
 *  1. A cheap pre-scan of the raw bytes estimates the element nesting depth
 *     the tree builder will reach (open elements kept as it keeps them:
 *     "<div/>" opens a div, an end tag closes only an element it would
 *     reach; void elements and elements whose end tag is optional left
 *     out) and counts each tag's attributes. Deep nesting and huge
 *     attribute lists make Gumbo quadratic (200,000 attributes on one tag
 *     took 400 s, 100,000 "<div/>" 53 s), so such pages are refused up
 *     front (CR_HTML_MAX_DEPTH, CR_HTML_MAX_ATTRS), and so are pages over
 *     CR_HTML_MAX_BYTES (Gumbo's tree takes about 12 bytes a byte).
 *  2. Gumbo parses the page. Its allocations go through a list allocator
 *     owned by this call, and the whole tree is released by walking that
 *     list: Gumbo's own destructor recurses once per level of nesting.
 *  3. One pre-order walk (explicit stack, never recursion) flattens the
 *     elements into an array with parent links, marks removed subtrees
 *     (script, style, nav, aside, footer, form, hidden elements, and any
 *     element whose class or id holds a "drop" word from html-hints.tsv such
 *     as comment, related, promo, share, newsletter, ad), adds up text and
 *     link-text lengths, and collects metadata (<meta>, <link>, <title>,
 *     <h1>, <time>, JSON-LD, rel=author).
 *  4. Paragraph-like elements (p, pre, td, blockquote, li and divs without
 *     block children) of 25+ characters vote for their parent (full score),
 *     grandparent (half) and great-grandparent (sixth): 1 + commas +
 *     min(length / 100, 3). A container starts from a tag bonus plus the
 *     weights of its class and id words; its final score is multiplied by
 *     (1 - link density). The best container wins and is widened while it is
 *     an only child; its siblings join when they score close to it or are
 *     plain prose paragraphs.
 *  5. The chosen containers are flattened into paragraphs at block
 *     boundaries, skipping h1 (the title), figures, link-heavy or
 *     negatively hinted sub-blocks, link-only paragraphs, the headline or
 *     a "By ..." byline repeated in the body, datelines
 *     (html-datewords.tsv), and short paragraphs starting with a furniture
 *     phrase (html-boilerplate.tsv). The body is checked to be valid UTF-8.
 *
 * Limits: the page is taken as UTF-8 (Gumbo replaces invalid bytes with
 * U+FFFD); a page in another charset is converted before it comes here
 * (charset.c, called by read.c). One
 * article per page: a live blog comes out as one body. Dates are the
 * calendar date written in the page, not converted to UTC.
 */
#include "ingest/html.h"
#include "util/util.h"
#include "util/map.h"
#include "util/date.h"

#include <gumbo.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------- lexicons, loaded once and then read-only ---------- */

typedef struct sub_hint {
	const char *word;
	size_t len;
	int weight;
	bool drop;
} sub_hint;

typedef struct hint_tables {
	cr_lexicon *hints;       /* word -> weight, action, match */
	cr_lexicon *boiler;      /* phrase -> max length */
	cr_lexicon *datewords;   /* dateline words; "name" for months and weekdays */
	sub_hint *sub;           /* hints that also match inside longer words */
	size_t nsub;
} hint_tables;

static hint_tables g_tables;
static pthread_once_t g_tables_once = PTHREAD_ONCE_INIT;

static void tables_load(void)
{
	g_tables.hints = cr_lexicon_load(CR_DATA(lexicon_html_hints_tsv), true);
	g_tables.boiler = cr_lexicon_load(CR_DATA(lexicon_html_boilerplate_tsv), true);
	g_tables.datewords = cr_lexicon_load(CR_DATA(lexicon_html_datewords_tsv), true);
	cr_lexicon *lx = g_tables.hints;
	if (!lx)
		return;
	g_tables.sub = cr_xcalloc(lx->nrows + 1, sizeof *g_tables.sub);
	for (size_t r = 0; r < lx->nrows; r++)
		if (lx->ncols[r] >= 4 && strcmp(lx->cols[r][3], "sub") == 0)
			g_tables.sub[g_tables.nsub++] = (sub_hint){lx->cols[r][0], strlen(lx->cols[r][0]),
				atoi(lx->cols[r][1]), strcmp(lx->cols[r][2], "drop") == 0};
}

static const hint_tables *tables(void)
{
	pthread_once(&g_tables_once, tables_load);
	return &g_tables;
}

/* ---------- the error message ---------- */

static int fail(char *err, size_t errlen, size_t offset, const char *msg)
{
	if (err && errlen)
		snprintf(err, errlen, "byte %zu: %s", offset, msg);
	return -1;
}

/* ---------- 1. nesting pre-scan ---------- */

#define CR_STR_(x) #x
#define CR_STR(x) CR_STR_(x)

static bool name_in(const char *name, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && cr_ieq(name, *list, n))
			return true;
	return false;
}

static const char *const k_void[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
	"param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
	"image", "isindex", "command", "menuitem", NULL
};
/* End tag optional: an unclosed <p> or <li> is normal and not nesting. */
static const char *const k_optional_end[] = {
	"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
	"tbody", "tfoot", "colgroup", "rb", "rt", "rp", "rtc", "html", "head", "body", NULL
};
static const char *const k_raw_text[] = {
	"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
	"noframes", "plaintext", NULL
};

/* Finds needle case-insensitively in [p, end); returns end when absent. */
static const char *find_ci(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (; (size_t)(end - p) >= n; p++) {
		p = memchr(p, needle[0], (size_t)(end - p) - n + 1);
		if (!p)
			return end;
		if (cr_ieq(p, needle, n))
			return p;
	}
	return end;
}

/*
 * The open elements as the tree builder will hold them, estimated: a start
 * tag opens an element (a "/>" closes it at once only where HTML5 says so:
 * void elements and inside svg or math); an end tag closes the nearest open
 * element of its name and everything above it, but only when the tree
 * builder would: an end tag of a block (div, section, ...) looks down to a
 * scope boundary (table, template, ...), any other looks down to the first
 * special element (a block, a table, a form) and is ignored when that comes
 * first. Each element knows the nearest boundary and special element below
 * it and the next open element of its name, so every tag costs O(1).
 */
static const char *const k_block_end[] = {
	"address", "article", "aside", "blockquote", "button", "center", "details", "dialog", "dir", "div", "dl",
	"fieldset", "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol",
	"pre", "section", "summary", "ul", "form", "h1", "h2", "h3", "h4", "h5", "h6", NULL
};
static const char *const k_scope[] = {"applet", "caption", "html", "table", "td", "th", "marquee", "object",
                                      "template", "foreignobject", "desc", NULL};
static const char *const k_special[] = {
	"address", "applet", "article", "aside", "blockquote", "body", "button", "caption", "center", "colgroup",
	"details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
	"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html", "iframe", "listing", "main", "marquee",
	"menu", "nav", "noembed", "noframes", "noscript", "object", "ol", "plaintext", "pre", "section", "select",
	"summary", "table", "tbody", "template", "tfoot", "thead", "tr", "ul", "xmp", NULL
};

#define NAME_SLOTS 2048
#define NAME_MAX_KINDS 1500

typedef struct open_el {
	int16_t name;        /* its slot in the name table */
	int16_t prev_same;   /* the next open element of the same name below, or -1 */
	int16_t special;     /* the nearest special element at or below it, or -1 */
	int16_t scope;       /* the nearest scope boundary at or below it, or -1 */
	bool foreign;        /* inside svg or math (or one of them) */
} open_el;

typedef struct nest_state {
	open_el st[CR_HTML_MAX_DEPTH + 2];
	int sp;
	char names[NAME_SLOTS][16];   /* lower-case, at most 15 bytes of each */
	int16_t top[NAME_SLOTS];      /* the topmost open element of each name, or -1 */
	int kinds;
} nest_state;

/* The slot of a tag name, made when new; -1 when there are too many kinds. */
static int name_slot(nest_state *ns, const char *name, size_t n)
{
	char key[16];
	if (n > 15)
		n = 15;
	for (size_t i = 0; i < n; i++)
		key[i] = (char)cr_lower((unsigned char)name[i]);
	key[n] = 0;
	uint64_t h = cr_hash64(key, n);
	for (size_t k = 0; k < NAME_SLOTS; k++) {
		size_t i = (size_t)(h + k) & (NAME_SLOTS - 1);
		if (!ns->names[i][0]) {
			if (++ns->kinds > NAME_MAX_KINDS)
				return -1;
			memcpy(ns->names[i], key, n + 1);
			ns->top[i] = -1;
			return (int)i;
		}
		if (strcmp(ns->names[i], key) == 0)
			return (int)i;
	}
	return -1;
}

static void nest_pop_to(nest_state *ns, int k)
{
	while (ns->sp > k) {
		open_el *e = &ns->st[--ns->sp];
		ns->top[e->name] = e->prev_same;
	}
}

/* Returns 0, or -1 with *where set to the offending tag and *why to what
 * is wrong with it. */
static int check_depth(const char *s, size_t len, size_t *where, const char **why)
{
	const char *p = s, *end = s + len;
	nest_state *ns = cr_xcalloc(1, sizeof *ns);
	int rc = 0;
	while (p < end) {
		p = memchr(p, '<', (size_t)(end - p));
		if (!p)
			break;
		const char *tag = p++;
		if (p >= end)
			break;
		if (*p == '!') {
			const char *q = (end - p >= 3 && p[1] == '-' && p[2] == '-') ? find_ci(p + 3, end, "-->") : memchr(p, '>', (size_t)(end - p));
			p = q ? q + 1 : end;
			continue;
		}
		bool closing = *p == '/';
		if (closing)
			p++;
		if (p >= end || !cr_is_alpha((unsigned char)*p))
			continue;
		const char *name = p;
		while (p < end && !cr_is_space((unsigned char)*p) && *p != '>' && *p != '/')
			p++;
		size_t nlen = (size_t)(p - name);
		const char *gt;
		if (closing) {
			gt = memchr(p, '>', (size_t)(end - p));
		} else {
			/* Attributes are counted: the tree builder checks each new
			 * one against the others, quadratic in their number. A quote
			 * opens a value only after '=', as in the tokenizer. */
			const char *q = p;
			size_t nattr = 0;
			bool in_word = false, after_eq = false;
			while (q < end && *q != '>') {
				char c = *q;
				if (after_eq && (c == '"' || c == '\'')) {
					const char *cq = memchr(q + 1, c, (size_t)(end - q - 1));
					q = cq ? cq + 1 : end;
					after_eq = in_word = false;
					continue;
				}
				if (cr_is_space((unsigned char)c) || c == '/') {
					in_word = false;
				} else if (c == '=') {
					after_eq = true;
					in_word = true;
					q++;
					continue;
				} else if (!in_word) {
					in_word = true;
					if (!after_eq && ++nattr > CR_HTML_MAX_ATTRS) {
						*where = (size_t)(tag - s);
						*why = "a tag with too many attributes";
						rc = -1;
						goto done;
					}
				}
				if (!cr_is_space((unsigned char)c))
					after_eq = false;
				q++;
			}
			gt = q < end ? q : NULL;
		}
		if (!gt)
			break;
		bool self_closing = gt > p && gt[-1] == '/';
		p = gt + 1;
		if (name_in(name, nlen, k_void) || name_in(name, nlen, k_optional_end))
			continue;
		int slot = name_slot(ns, name, nlen);
		if (slot < 0) {
			*where = (size_t)(tag - s);
			*why = "a page with more kinds of element than the limit of " CR_STR(NAME_MAX_KINDS);
			rc = -1;
			goto done;
		}
		if (closing) {
			/* the nearest open element of this name, if the tree builder reaches it */
			int k = ns->top[slot];
			if (k < 0)
				continue;
			int wall = ns->sp ? (name_in(name, nlen, k_block_end) ? ns->st[ns->sp - 1].scope : ns->st[ns->sp - 1].special) : -1;
			if (ns->sp && !ns->st[ns->sp - 1].foreign && wall > k)
				continue;
			nest_pop_to(ns, k);
			continue;
		}
		if (name_in(name, nlen, k_raw_text)) {
			char close[24];
			if (nlen > 12)
				nlen = 12;
			snprintf(close, sizeof close, "</%.*s", (int)nlen, name);
			p = find_ci(p, end, close);
			continue;
		}
		bool svg_math = (nlen == 3 && cr_ieq(name, "svg", 3)) || (nlen == 4 && cr_ieq(name, "math", 4));
		bool foreign = svg_math || (ns->sp && ns->st[ns->sp - 1].foreign);
		if (self_closing && foreign)
			continue;   /* acknowledged: <path/> inside svg opens nothing */
		if (ns->sp > CR_HTML_MAX_DEPTH) {
			*where = (size_t)(tag - s);
			*why = "elements nested deeper than the limit of " CR_STR(CR_HTML_MAX_DEPTH);
			rc = -1;
			goto done;
		}
		open_el *e = &ns->st[ns->sp];
		int below = ns->sp - 1;
		e->name = (int16_t)slot;
		e->prev_same = ns->top[slot];
		e->special = name_in(name, nlen, k_special) ? (int16_t)ns->sp : below >= 0 ? ns->st[below].special : -1;
		e->scope = name_in(name, nlen, k_scope) ? (int16_t)ns->sp : below >= 0 ? ns->st[below].scope : -1;
		e->foreign = foreign;
		ns->top[slot] = (int16_t)ns->sp;
		ns->sp++;
	}
done:
	free(ns);
	return rc;
}

/* ---------- 2. Gumbo with a list allocator ---------- */

typedef struct blk {
	struct blk *prev, *next;
} blk;
_Static_assert(sizeof(blk) == 16, "the header keeps malloc's 16-byte alignment");

typedef struct blk_list {
	blk head;
} blk_list;

static void *list_alloc(void *ud, size_t n)
{
	blk_list *l = ud;
	blk *b = cr_xmalloc(sizeof(blk) + n);
	b->prev = &l->head;
	b->next = l->head.next;
	if (b->next)
		b->next->prev = b;
	l->head.next = b;
	return b + 1;
}

static void list_free(void *ud, void *p)
{
	(void)ud;
	if (!p)
		return;
	blk *b = (blk *)p - 1;
	b->prev->next = b->next;
	if (b->next)
		b->next->prev = b->prev;
	free(b);
}

static void list_release(blk_list *l)
{
	blk *b = l->head.next;
	while (b) {
		blk *n = b->next;
		free(b);
		b = n;
	}
	l->head.next = NULL;
}

/* ---------- small string helpers ---------- */

/* Appends s with runs of whitespace (ASCII and U+00A0) collapsed to one space.
 * *space says whether a space is pending; leading space is never written. */
static void put_collapsed(cr_buf *b, const char *s, size_t n, bool *space)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (cr_is_space(c)) {
			*space = true;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			i++;
			*space = true;
			continue;
		}
		if (c == 0)
			continue;
		if (*space && b->len > 0)
			cr_buf_putc(b, ' ');
		*space = false;
		cr_buf_putc(b, (char)c);
	}
}

/* A trimmed, whitespace-collapsed copy, or NULL when empty. Caller frees. */
static char *clean_dup(const char *s, size_t n)
{
	cr_buf b = {0};
	bool space = false;
	put_collapsed(&b, s, n, &space);
	if (b.len == 0) {
		cr_buf_free(&b);
		return NULL;
	}
	return cr_buf_detach(&b);
}

static void set_once(char **slot, const char *s)
{
	if (*slot || !s)
		return;
	*slot = clean_dup(s, strlen(s));
}

static const char *attr(const GumboElement *e, const char *name)
{
	const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
	return a ? a->value : NULL;
}

static bool attr_has(const GumboElement *e, const char *name, const char *value)
{
	const char *v = attr(e, name);
	return v && strlen(v) == strlen(value) && cr_ieq(v, value, strlen(value));
}

/* True when the space-separated list v contains word (case-insensitive). */
static bool list_has(const char *v, const char *word)
{
	size_t n = strlen(word);
	while (v && *v) {
		while (cr_is_space((unsigned char)*v))
			v++;
		const char *w = v;
		while (*v && !cr_is_space((unsigned char)*v))
			v++;
		if ((size_t)(v - w) == n && cr_ieq(w, word, n))
			return true;
	}
	return false;
}

int cr_html_norm_date(char out[11], const char *s)
{
	if (!s)
		return -1;
	while (cr_is_space((unsigned char)*s))
		s++;
	int f[3] = {0, 0, 0};
	const char *p = s;
	int nd = 0;
	while (cr_is_digit((unsigned char)p[nd]) && nd < 9)
		nd++;
	if (nd == 8) {
		f[0] = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		f[1] = (p[4] - '0') * 10 + (p[5] - '0');
		f[2] = (p[6] - '0') * 10 + (p[7] - '0');
	} else if (nd == 4) {
		f[0] = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		p += 4;
		char sep = *p;
		if (sep != '-' && sep != '/' && sep != '.')
			return -1;
		for (int k = 1; k < 3; k++) {
			if (*p != sep)
				return -1;
			p++;
			if (!cr_is_digit((unsigned char)*p))
				return -1;
			int v = *p++ - '0';
			if (cr_is_digit((unsigned char)*p))
				v = v * 10 + (*p++ - '0');
			if (cr_is_digit((unsigned char)*p))
				return -1;
			f[k] = v;
		}
	} else {
		return -1;
	}
	if (f[0] < 1000 || f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > cr_days_in_month(f[0], f[1]))
		return -1;
	cr_day_format(cr_days_from_civil(f[0], f[1], f[2]), out);
	return 0;
}

static void set_date_once(char **slot, const char *s)
{
	char d[11];
	if (!*slot && cr_html_norm_date(d, s) == 0)
		*slot = cr_xstrdup(d);
}

/* ---------- class and id words ---------- */

typedef struct hints {
	int weight;
	bool drop;
} hints;

static void hint_word(const cr_lexicon *lx, const char *w, size_t n, hints *h)
{
	long row = cr_lexicon_find(lx, w, n);
	if (row < 0 && n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S'))
		row = cr_lexicon_find(lx, w, n - 1);
	if (row < 0)
		return;
	if (lx->ncols[row] >= 2)
		h->weight += atoi(lx->cols[row][1]);
	if (lx->ncols[row] >= 3 && strcmp(lx->cols[row][2], "drop") == 0)
		h->drop = true;
}

/* Splits an attribute value into words on punctuation, spaces, digits and
 * lower-to-upper case changes ("articleBody" -> article, body, and the
 * joined token articlebody too). */
static void hint_scan(const hint_tables *tb, const char *v, hints *h)
{
	const cr_lexicon *lx = tb->hints;
	if (!lx || !v)
		return;
	const char *p = v;
	while (*p) {
		while (*p && !cr_is_alpha((unsigned char)*p))
			p++;
		const char *tok = p;
		while (cr_is_alpha((unsigned char)*p))
			p++;
		size_t tn = (size_t)(p - tok);
		if (tn == 0)
			break;
		if (tn > 64)
			continue;
		bool camel = false;
		for (size_t i = 1; i < tn; i++)
			if (cr_is_lower((unsigned char)tok[i - 1]) && cr_is_upper((unsigned char)tok[i]))
				camel = true;
		hint_word(lx, tok, tn, h);
		char low[65];
		for (size_t i = 0; i < tn; i++)
			low[i] = (char)cr_lower((unsigned char)tok[i]);
		low[tn] = 0;
		for (size_t k = 0; k < tb->nsub; k++)
			if (tb->sub[k].len < tn && strstr(low, tb->sub[k].word)) {
				h->weight += tb->sub[k].weight;
				h->drop = h->drop || tb->sub[k].drop;
			}
		if (camel) {
			size_t s0 = 0;
			for (size_t i = 1; i <= tn; i++)
				if (i == tn || (cr_is_lower((unsigned char)tok[i - 1]) && cr_is_upper((unsigned char)tok[i]))) {
					hint_word(lx, tok + s0, i - s0, h);
					s0 = i;
				}
		}
	}
}

/* ---------- 3. the flattened tree ---------- */

typedef struct elem {
	GumboNode *node;
	int32_t parent;          /* index, -1 for the root */
	int32_t first_child, last_child, next_sib;   /* element links, -1 when none */
	bool dropped;            /* this element or an ancestor is removed */
	bool has_block_child;
	bool candidate;          /* received paragraph votes */
	int weight;              /* class/id hint weight */
	uint32_t text_len, link_len, commas;
	double score;
} elem;

typedef CR_VEC(elem) elem_vec;

typedef struct meta {
	char *og_title, *title_tag, *h1, *ld_headline, *tw_title;
	char *author_meta, *ld_author, *article_author, *rel_author, *byline_el;
	char *site_name, *ld_publisher, *app_name;
	char *canonical, *og_url, *ld_url;
	char *pub_article, *pub_ld, *pub_itemprop, *pub_meta, *pub_time;
	char *ld_body;
} meta;

static void meta_free(meta *m)
{
	char **f[] = {&m->og_title, &m->title_tag, &m->h1, &m->ld_headline, &m->tw_title,
		&m->author_meta, &m->ld_author, &m->article_author, &m->rel_author, &m->byline_el,
		&m->site_name, &m->ld_publisher, &m->app_name, &m->canonical, &m->og_url,
		&m->ld_url, &m->pub_article, &m->pub_ld, &m->pub_itemprop, &m->pub_meta,
		&m->pub_time, &m->ld_body};
	for (size_t i = 0; i < CR_ARRAY_LEN(f); i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

static bool is_tag(const GumboNode *n, GumboTag t)
{
	return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == t;
}

static bool tag_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
	case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
	case GUMBO_TAG_DD: case GUMBO_TAG_HEADER: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_BR: case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER:
		return true;
	default:
		return false;
	}
}

/* Elements removed with everything inside them, whatever their class. */
static bool tag_removed(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
	case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
	case GUMBO_TAG_CANVAS: case GUMBO_TAG_HEAD: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_MENU: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
	case GUMBO_TAG_MAP: case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
	case GUMBO_TAG_TITLE:
		return true;
	default:
		return false;
	}
}

static bool style_hidden(const char *style)
{
	if (!style)
		return false;
	cr_buf b = {0};
	for (const char *p = style; *p; p++)
		if (!cr_is_space((unsigned char)*p))
			cr_buf_putc(&b, (char)cr_lower((unsigned char)*p));
	bool hidden = b.data && (strstr(b.data, "display:none") || strstr(b.data, "visibility:hidden"));
	cr_buf_free(&b);
	return hidden;
}

/* Text of an element's subtree (for <title>, <h1>, rel=author), cleaned. */
static char *subtree_text(GumboNode *root)
{
	cr_buf b = {0};
	bool space = false;
	CR_VEC(GumboNode *) st = {0};
	cr_vec_push(&st, root);
	/* Bounded: a byline or heading is short, and nested candidates must
	 * not make the metadata pass quadratic. */
	size_t visits = 0;
	while (st.len && ++visits < 4096) {
		GumboNode *n = st.items[--st.len];
		if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
			put_collapsed(&b, n->v.text.text, strlen(n->v.text.text), &space);
			space = space || n->type == GUMBO_NODE_WHITESPACE;
		} else if (n->type == GUMBO_NODE_ELEMENT) {
			if (n != root && tag_removed(n->v.element.tag) && n->v.element.tag != GUMBO_TAG_TITLE)
				continue;
			space = true;
			const GumboVector *ch = &n->v.element.children;
			for (size_t i = ch->length; i-- > 0;)
				cr_vec_push(&st, (GumboNode *)ch->data[i]);
		}
		if (b.len > 4096)
			break;
	}
	cr_vec_free(&st);
	if (b.len == 0) {
		cr_buf_free(&b);
		return NULL;
	}
	return cr_buf_detach(&b);
}

/* ---------- JSON-LD ---------- */

static bool ld_is_article_type(const char *t)
{
	size_t n = strlen(t);
	return (n >= 7 && strcmp(t + n - 7, "Article") == 0) || strcmp(t, "BlogPosting") == 0 ||
	       strcmp(t, "LiveBlogPosting") == 0 || strcmp(t, "Report") == 0;
}

static bool ld_is_article(json_t *o)
{
	json_t *t = json_object_get(o, "@type");
	if (json_is_string(t))
		return ld_is_article_type(json_string_value(t));
	if (json_is_array(t)) {
		size_t i;
		json_t *v;
		json_array_foreach(t, i, v)
			if (json_is_string(v) && ld_is_article_type(json_string_value(v)))
				return true;
	}
	return false;
}

static const char *ld_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* "name" of a string, an object, or an array of either, joined with ", ". */
static char *ld_names(json_t *v)
{
	cr_buf b = {0};
	size_t n = json_is_array(v) ? json_array_size(v) : 1;
	for (size_t i = 0; i < n && i < 16; i++) {
		json_t *x = json_is_array(v) ? json_array_get(v, i) : v;
		const char *s = json_is_string(x) ? json_string_value(x) : json_is_object(x) ? ld_str(x, "name") : NULL;
		if (!s || !*s)
			continue;
		if (b.len)
			cr_buf_puts(&b, ", ");
		cr_buf_puts(&b, s);
	}
	char *out = b.len ? clean_dup(b.data, b.len) : NULL;
	cr_buf_free(&b);
	return out;
}

static void ld_take(meta *m, json_t *o)
{
	set_once(&m->ld_headline, ld_str(o, "headline"));
	set_date_once(&m->pub_ld, ld_str(o, "datePublished"));
	if (!m->ld_author)
		m->ld_author = ld_names(json_object_get(o, "author"));
	json_t *pub = json_object_get(o, "publisher");
	if (json_is_array(pub))
		pub = json_array_get(pub, 0);
	if (json_is_object(pub))
		set_once(&m->ld_publisher, ld_str(pub, "name"));
	set_once(&m->ld_url, ld_str(o, "url"));
	json_t *me = json_object_get(o, "mainEntityOfPage");
	if (json_is_object(me))
		set_once(&m->ld_url, ld_str(me, "@id"));
	else if (json_is_string(me))
		set_once(&m->ld_url, json_string_value(me));
	set_once(&m->ld_body, ld_str(o, "articleBody"));
}

/* Looks at the top object, a top-level array, and an @graph: no deeper. */
static void ld_parse(meta *m, const char *s)
{
	json_error_t jerr;
	json_t *root = json_loads(s, 0, &jerr);
	if (!root)
		return;
	json_t *lists[2] = {NULL, NULL};
	if (json_is_object(root)) {
		if (ld_is_article(root))
			ld_take(m, root);
		lists[0] = json_object_get(root, "@graph");
	} else if (json_is_array(root)) {
		lists[0] = root;
	}
	for (int k = 0; k < 2 && lists[k]; k++) {
		if (!json_is_array(lists[k]))
			continue;
		size_t i;
		json_t *v;
		json_array_foreach(lists[k], i, v) {
			if (!json_is_object(v))
				continue;
			if (ld_is_article(v))
				ld_take(m, v);
			json_t *g = json_object_get(v, "@graph");
			if (k == 0 && json_is_array(g) && !lists[1])
				lists[1] = g;
		}
	}
	json_decref(root);
}

/* ---------- metadata from one element ---------- */

/* in_dropped: an ancestor is removed (a "related" box), so the element's
 * <time>, <h1> or byline are not the article's own. */
static void meta_element(meta *m, GumboNode *n, bool in_dropped)
{
	const GumboElement *e = &n->v.element;
	switch (e->tag) {
	case GUMBO_TAG_META: {
		const char *content = attr(e, "content");
		if (!content)
			return;
		const char *key = attr(e, "property");
		if (!key)
			key = attr(e, "name");
		const char *ip = attr(e, "itemprop");
		if (ip && strcmp(ip, "datePublished") == 0)
			set_date_once(&m->pub_itemprop, content);
		if (!key)
			return;
		char k[48];
		size_t kn = strlen(key);
		if (kn >= sizeof k)
			return;
		for (size_t i = 0; i <= kn; i++)
			k[i] = (char)cr_lower((unsigned char)key[i]);
		if (!strcmp(k, "og:title"))
			set_once(&m->og_title, content);
		else if (!strcmp(k, "twitter:title"))
			set_once(&m->tw_title, content);
		else if (!strcmp(k, "og:site_name"))
			set_once(&m->site_name, content);
		else if (!strcmp(k, "application-name"))
			set_once(&m->app_name, content);
		else if (!strcmp(k, "og:url"))
			set_once(&m->og_url, content);
		else if (!strcmp(k, "author") || !strcmp(k, "byl") || !strcmp(k, "dc.creator") || !strcmp(k, "sailthru.author") || !strcmp(k, "parsely-author"))
			set_once(&m->author_meta, content);
		else if (!strcmp(k, "article:author")) {
			if (!strstr(content, "://"))
				set_once(&m->article_author, content);
		} else if (!strcmp(k, "article:published_time") || !strcmp(k, "og:published_time"))
			set_date_once(&m->pub_article, content);
		else if (!strcmp(k, "date") || !strcmp(k, "pubdate") || !strcmp(k, "publishdate") ||
			 !strcmp(k, "publish-date") || !strcmp(k, "publish_date") || !strcmp(k, "dc.date") ||
			 !strcmp(k, "dc.date.issued") || !strcmp(k, "dcterms.created") || !strcmp(k, "dcterms.issued") ||
			 !strcmp(k, "sailthru.date") || !strcmp(k, "parsely-pub-date") || !strcmp(k, "article.published") ||
			 !strcmp(k, "original-publish-date") || !strcmp(k, "datepublished"))
			set_date_once(&m->pub_meta, content);
		return;
	}
	case GUMBO_TAG_LINK: {
		const char *rel = attr(e, "rel");
		if (rel && list_has(rel, "canonical"))
			set_once(&m->canonical, attr(e, "href"));
		return;
	}
	case GUMBO_TAG_TITLE:
		if (!m->title_tag)
			m->title_tag = subtree_text(n);
		return;
	case GUMBO_TAG_H1:
		if (!m->h1 && !in_dropped)
			m->h1 = subtree_text(n);
		return;
	case GUMBO_TAG_TIME: {
		const char *dt = attr(e, "datetime");
		if (!dt)
			return;
		const char *ip = attr(e, "itemprop");
		if ((ip && strcmp(ip, "datePublished") == 0) || gumbo_get_attribute(&e->attributes, "pubdate"))
			set_date_once(&m->pub_itemprop, dt);
		if (!in_dropped)
			set_date_once(&m->pub_time, dt);
		return;
	}
	case GUMBO_TAG_SCRIPT: {
		const char *type = attr(e, "type");
		if (!type || !strstr(type, "ld+json") || e->children.length != 1)
			return;
		const GumboNode *t = e->children.data[0];
		if (t->type == GUMBO_NODE_TEXT || t->type == GUMBO_NODE_CDATA || t->type == GUMBO_NODE_WHITESPACE)
			ld_parse(m, t->v.text.text);
		return;
	}
	case GUMBO_TAG_A: {
		const char *rel = attr(e, "rel");
		if (rel && list_has(rel, "author") && !m->rel_author)
			m->rel_author = subtree_text(n);
		return;
	}
	default:
		break;
	}
	if (!m->byline_el && !in_dropped) {
		const char *cls = attr(e, "class");
		const char *ip = attr(e, "itemprop");
		bool byline = (cls && (list_has(cls, "byline") || list_has(cls, "author") || list_has(cls, "byline__name"))) ||
			      (ip && strcmp(ip, "author") == 0);
		if (byline) {
			char *t = subtree_text(n);
			if (t && strlen(t) < 200)
				m->byline_el = t;
			else
				free(t);
		}
	}
}

/* ---------- 3. flatten ---------- */

typedef struct walk_item {
	GumboNode *node;
	int32_t parent;
	bool dropped, in_link;
} walk_item;

static void flatten(elem_vec *ev, meta *m, GumboNode *root, const hint_tables *tb)
{
	CR_VEC(walk_item) st = {0};
	cr_vec_push(&st, ((walk_item){root, -1, false, false}));
	while (st.len) {
		walk_item it = st.items[--st.len];
		GumboNode *n = it.node;
		if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
			if (it.dropped || it.parent < 0)
				continue;
			const char *t = n->v.text.text;
			uint32_t tl = 0, commas = 0;
			for (const char *p = t; *p; p++) {
				if (!cr_is_space((unsigned char)*p))
					tl++;
				commas += *p == ',';
			}
			elem *pe = &ev->items[it.parent];
			pe->text_len += tl;
			pe->commas += commas;
			if (it.in_link)
				pe->link_len += tl;
			continue;
		}
		if (n->type != GUMBO_NODE_ELEMENT)
			continue;
		GumboElement *e = &n->v.element;
		meta_element(m, n, it.dropped);
		bool dropped = it.dropped || tag_removed(e->tag);
		hints h = {0, false};
		hint_scan(tb, attr(e, "class"), &h);
		hint_scan(tb, attr(e, "id"), &h);
		if (h.drop && e->tag != GUMBO_TAG_HTML && e->tag != GUMBO_TAG_BODY && e->tag != GUMBO_TAG_MAIN && e->tag != GUMBO_TAG_ARTICLE)
			dropped = true;
		if (gumbo_get_attribute(&e->attributes, "hidden") || attr_has(e, "aria-hidden", "true") || style_hidden(attr(e, "style")))
			dropped = true;
		const char *role = attr(e, "role");
		if (role && (list_has(role, "navigation") || list_has(role, "complementary") || list_has(role, "contentinfo") || list_has(role, "banner")))
			dropped = true;
		int32_t idx = (int32_t)ev->len;
		elem x = {n, it.parent, -1, -1, -1, dropped, false, false, h.weight, 0, 0, 0, 0};
		cr_vec_push(ev, x);
		if (it.parent >= 0) {
			elem *pe = &ev->items[it.parent];
			if (tag_block(e->tag) && e->tag != GUMBO_TAG_BR && e->tag != GUMBO_TAG_HR)
				pe->has_block_child = true;
			if (pe->last_child >= 0)
				ev->items[pe->last_child].next_sib = idx;
			else
				pe->first_child = idx;
			pe->last_child = idx;
		}
		bool in_link = it.in_link || e->tag == GUMBO_TAG_A;
		const GumboVector *ch = &e->children;
		for (size_t i = ch->length; i-- > 0;)
			cr_vec_push(&st, ((walk_item){(GumboNode *)ch->data[i], idx, dropped, in_link}));
	}
	cr_vec_free(&st);
	/* Children come after their parents: add subtree totals bottom-up. */
	for (size_t i = ev->len; i-- > 1;) {
		elem *x = &ev->items[i];
		if (x->parent < 0 || x->dropped)
			continue;
		elem *p = &ev->items[x->parent];
		p->text_len += x->text_len;
		p->link_len += x->link_len;
		p->commas += x->commas;
	}
}

/* ---------- 4. scoring ---------- */

static double link_density(const elem *x)
{
	return x->text_len ? (double)x->link_len / x->text_len : 0.0;
}

static int tag_bonus(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_ARTICLE: return 10;
	case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN: return 5;
	case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
	case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
	default: return 0;
	}
}

static bool paragraph_like(const elem *x)
{
	switch (x->node->v.element.tag) {
	case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_LI:
		return true;
	case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
		return !x->has_block_child;
	default:
		return false;
	}
}

static void make_candidate(elem *x)
{
	if (x->candidate)
		return;
	x->candidate = true;
	x->score = tag_bonus(x->node->v.element.tag) + x->weight;
}

/* Returns the index of the best container, or -1. */
static int32_t score_containers(elem_vec *ev)
{
	for (size_t i = 0; i < ev->len; i++) {
		elem *x = &ev->items[i];
		if (x->dropped || !paragraph_like(x) || x->text_len < 25)
			continue;
		double s = 1.0 + x->commas + CR_MIN(x->text_len / 100, 3u);
		int32_t a = x->parent;
		for (int level = 0; a >= 0 && level < 3; level++, a = ev->items[a].parent) {
			elem *anc = &ev->items[a];
			GumboTag t = anc->node->v.element.tag;
			if (t == GUMBO_TAG_HTML)
				break;
			make_candidate(anc);
			anc->score += s / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
		}
	}
	int32_t best = -1;
	double best_score = 0;
	for (size_t i = 0; i < ev->len; i++) {
		elem *x = &ev->items[i];
		if (!x->candidate || x->dropped)
			continue;
		x->score *= 1.0 - link_density(x);
		if (best < 0 || x->score > best_score) {
			best = (int32_t)i;
			best_score = x->score;
		}
	}
	return best;
}

/* Children of ev[i] that make it more than a wrapper: elements count one,
 * loose text counts two (so a container with its own text is never "an only
 * child's parent" to widen into). */
static size_t count_element_children(const elem_vec *ev, int32_t i)
{
	size_t n = 0;
	const GumboVector *ch = &ev->items[i].node->v.element.children;
	for (size_t k = 0; k < ch->length; k++) {
		const GumboNode *c = ch->data[k];
		if (c->type == GUMBO_NODE_ELEMENT)
			n++;
		else if (c->type == GUMBO_NODE_TEXT)
			n += 2; /* loose text: not an only child */
	}
	return n;
}

/* ---------- 5. flatten the winner into paragraphs ---------- */

typedef struct emitter {
	cr_buf text;             /* the body so far */
	cr_buf para;             /* the paragraph being built */
	bool space;
	uint32_t para_src;
	bool para_has_src;
	uint32_t para_link;      /* link bytes in para */
	CR_VEC(uint32_t) offs;
	const cr_lexicon *boiler;
	const cr_lexicon *datewords;
	const char *titles[4];   /* headline candidates: a body line equal to one is dropped */
} emitter;

/* True when p is the page's headline repeated in the body, or one
 * " - " / " | " separated part of the <title>. */
static bool is_headline(const emitter *em, const char *p, size_t n)
{
	for (size_t i = 0; i < CR_ARRAY_LEN(em->titles); i++) {
		const char *t = em->titles[i];
		if (!t)
			continue;
		size_t tn = strlen(t);
		if (tn == n && memcmp(t, p, n) == 0)
			return true;
		if (tn > n + 3 && memcmp(t + tn - n, p, n) == 0 && (memcmp(t + tn - n - 3, " - ", 3) == 0 || memcmp(t + tn - n - 3, " | ", 3) == 0))
			return true;
		if (tn > n + 3 && memcmp(t, p, n) == 0 && (memcmp(t + n, " - ", 3) == 0 || memcmp(t + n, " | ", 3) == 0))
			return true;
	}
	return false;
}

/* "Saturday, 4 March 2017": only numbers and dateline words, one of them
 * a month or weekday name. A bare "23:55" (a live-blog stamp) is kept. */
static bool is_dateline(const cr_lexicon *lx, const char *p, size_t n)
{
	if (!lx || n > 60)
		return false;
	bool named = false;
	size_t i = 0;
	while (i < n) {
		while (i < n && (cr_is_space((unsigned char)p[i]) || p[i] == ',' || p[i] == '|' || p[i] == '-' || p[i] == '(' || p[i] == ')'))
			i++;
		size_t st = i;
		while (i < n && !cr_is_space((unsigned char)p[i]) && p[i] != ',' && p[i] != '|' && p[i] != '(' && p[i] != ')')
			i++;
		if (i == st)
			break;
		size_t e = i;
		while (e > st && (p[e - 1] == '.' || p[e - 1] == ':'))
			e--;
		bool numeric = e > st;
		for (size_t k = st; k < e; k++)
			if (!cr_is_digit((unsigned char)p[k]) && p[k] != ':' && p[k] != '/' && p[k] != '.')
				numeric = false;
		if (numeric)
			continue;
		/* "4th", "21st" */
		size_t d = st;
		while (d < e && cr_is_digit((unsigned char)p[d]))
			d++;
		long row = cr_lexicon_find(lx, p + d, e - d);
		if (row < 0 && e - st > 1)
			row = cr_lexicon_find(lx, p + st, e - st);
		if (row < 0)
			return false;
		if (lx->ncols[row] >= 2 && strcmp(lx->cols[row][1], "name") == 0)
			named = true;
	}
	return named;
}

/* "By Name, Staff Writer": short, capitalised after "By", no sentence end. */
static bool is_byline(const char *p, size_t n)
{
	if (n < 5 || n > 100 || !cr_ieq(p, "by ", 3) || !cr_is_upper((unsigned char)p[3]))
		return false;
	char last = p[n - 1];
	return last != '.' && last != '!' && last != '?' && last != '"';
}

static bool furniture(const cr_lexicon *lx, const char *s, size_t n)
{
	if (!lx)
		return false;
	for (size_t r = 0; r < lx->nrows; r++) {
		const char *ph = lx->cols[r][0];
		size_t pn = strlen(ph);
		size_t limit = lx->ncols[r] >= 2 ? (size_t)atol(lx->cols[r][1]) : 80;
		if (n >= pn && n <= limit && cr_ieq(s, ph, pn))
			return true;
	}
	return false;
}

static void flush(emitter *em)
{
	cr_buf *p = &em->para;
	bool keep = p->len > 0;
	if (keep && em->para_link * 10 > p->len * 6)
		keep = false;        /* a link list or "Read more: <link>" line */
	if (keep && (furniture(em->boiler, p->data, p->len) || is_headline(em, p->data, p->len) || is_byline(p->data, p->len) ||
		     is_dateline(em->datewords, p->data, p->len)))
		keep = false;
	if (keep) {
		if (em->text.len)
			cr_buf_puts(&em->text, "\n\n");
		cr_buf_append(&em->text, p->data, p->len);
		cr_vec_push(&em->offs, em->para_src);
	}
	cr_buf_reset(p);
	em->space = false;
	em->para_has_src = false;
	em->para_link = 0;
}

static void emit_text(emitter *em, const GumboNode *n, bool in_link)
{
	size_t before = em->para.len;
	put_collapsed(&em->para, n->v.text.text, strlen(n->v.text.text), &em->space);
	if (em->para.len > before && !em->para_has_src) {
		em->para_has_src = true;
		em->para_src = (uint32_t)n->v.text.start_pos.offset;
	}
	if (in_link)
		em->para_link += (uint32_t)(em->para.len - before);
}

/* Sub-blocks of the winner skipped when flattening. */
static bool skip_inside(const elem *x)
{
	GumboTag t = x->node->v.element.tag;
	if (t == GUMBO_TAG_H1 || x->weight < 0)
		return true;
	bool block = t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL ||
		     t == GUMBO_TAG_TABLE || t == GUMBO_TAG_DL || t == GUMBO_TAG_HEADER;
	if (!block)
		return false;
	return x->text_len > 0 && link_density(x) > 0.5 && x->commas < 10;
}

typedef struct emit_item {
	int32_t elem;            /* index into ev, or -1 for a text node */
	const GumboNode *node;
	bool exit, in_link;
} emit_item;

static void emit_container(emitter *em, const elem_vec *ev, int32_t root)
{
	CR_VEC(emit_item) st = {0};
	cr_vec_push(&st, ((emit_item){root, NULL, false, false}));
	while (st.len) {
		emit_item it = st.items[--st.len];
		if (it.elem < 0) {
			emit_text(em, it.node, it.in_link);
			continue;
		}
		const elem *x = &ev->items[it.elem];
		GumboTag t = x->node->v.element.tag;
		if (it.exit) {
			if (tag_block(t))
				flush(em);
			continue;
		}
		if (x->dropped || (it.elem != root && skip_inside(x)))
			continue;
		if (tag_block(t))
			flush(em);
		if (t == GUMBO_TAG_BR || t == GUMBO_TAG_IMG)
			continue;
		bool in_link = it.in_link || t == GUMBO_TAG_A;
		cr_vec_push(&st, ((emit_item){it.elem, NULL, true, in_link}));
		/* Children in reverse; element children pair up in order with
		 * the flattened element links. */
		const GumboVector *ch = &x->node->v.element.children;
		size_t nel = 0;
		for (int32_t c = x->first_child; c >= 0; c = ev->items[c].next_sib)
			nel++;
		int32_t *kids = nel ? cr_xmalloc(nel * sizeof *kids) : NULL;
		size_t kn = 0;
		for (int32_t c = x->first_child; c >= 0; c = ev->items[c].next_sib)
			kids[kn++] = c;
		for (size_t k = ch->length; k-- > 0;) {
			const GumboNode *c = ch->data[k];
			if (c->type == GUMBO_NODE_ELEMENT) {
				if (kn)
					cr_vec_push(&st, ((emit_item){kids[--kn], NULL, false, in_link}));
			} else if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE) {
				cr_vec_push(&st, ((emit_item){-1, c, false, in_link}));
			}
		}
		free(kids);
	}
	flush(em);
	cr_vec_free(&st);
}

/* ---------- UTF-8 ---------- */

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	if (c < 0x80)
		return 1;
	size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
	if (len == 0 || c > 0xF4 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
		return 0;
	return len;
}

/* Gumbo writes decoded code points, so this should never change anything;
 * it makes "the body is valid UTF-8" a guarantee of this module rather than
 * of the parser's version. Invalid bytes become U+FFFD. */
static void utf8_repair(cr_buf *b)
{
	const unsigned char *p = (const unsigned char *)b->data;
	size_t i = 0;
	while (i < b->len) {
		size_t k = utf8_seq(p + i, b->len - i);
		if (k == 0)
			break;
		i += k;
	}
	if (i >= b->len)
		return;
	cr_buf out = {0};
	cr_buf_append(&out, b->data, i);
	while (i < b->len) {
		size_t k = utf8_seq(p + i, b->len - i);
		if (k == 0) {
			cr_buf_puts(&out, "\xEF\xBF\xBD");
			i++;
		} else {
			cr_buf_append(&out, p + i, k);
			i += k;
		}
	}
	cr_buf_free(b);
	*b = out;
}

/* ---------- the title, tidied ---------- */

/* "Headline | Outlet" -> "Headline" when the tail is the outlet's name. */
static void strip_outlet_suffix(char *title, const char *outlet)
{
	if (!title || !outlet)
		return;
	size_t tn = strlen(title), on = strlen(outlet);
	static const char *const seps[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: ", NULL};
	for (const char *const *s = seps; *s; s++) {
		size_t sn = strlen(*s);
		if (tn > on + sn && cr_ieq(title + tn - on, outlet, on) && memcmp(title + tn - on - sn, *s, sn) == 0) {
			title[tn - on - sn] = 0;
			return;
		}
	}
}

static char *first_of(char **a, char **b, char **c, char **d, char **e)
{
	char **opts[] = {a, b, c, d, e};
	for (size_t i = 0; i < 5; i++)
		if (opts[i] && *opts[i]) {
			char *s = *opts[i];
			*opts[i] = NULL;
			return s;
		}
	return NULL;
}

static char *strip_by(char *s)
{
	if (!s)
		return s;
	if (strlen(s) > 3 && cr_ieq(s, "by ", 3))
		memmove(s, s + 3, strlen(s + 3) + 1);
	return s;
}

/* ---------- the entry point ---------- */

void cr_html_doc_free(cr_html_doc *d)
{
	if (!d)
		return;
	free(d->text);
	free(d->title);
	free(d->byline);
	free(d->outlet);
	free(d->url);
	free(d->published);
	free(d->src_offsets);
	memset(d, 0, sizeof *d);
}

int cr_html_extract(cr_html_doc *out, const char *html, size_t len, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (len > CR_HTML_MAX_BYTES)
		return fail(err, errlen, CR_HTML_MAX_BYTES, "page is larger than the " CR_STR(CR_HTML_MAX_MB) " MB limit");
	size_t where = 0;
	const char *why = NULL;
	if (check_depth(html, len, &where, &why) < 0)
		return fail(err, errlen, where, why);
	const hint_tables *tb = tables();

	blk_list blocks = {{NULL, NULL}};
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = list_alloc;
	opt.deallocator = list_free;
	opt.userdata = &blocks;
	opt.max_errors = 0;
	GumboOutput *g = gumbo_parse_with_options(&opt, html, len);

	elem_vec ev = {0};
	meta m = {0};
	flatten(&ev, &m, g->root, tb);

	int32_t best = score_containers(&ev);
	/* Widen an only child: the real container is its parent. */
	while (best > 0 && ev.items[best].parent >= 0 && count_element_children(&ev, ev.items[best].parent) == 1 &&
	       ev.items[ev.items[best].parent].node->v.element.tag != GUMBO_TAG_BODY &&
	       ev.items[ev.items[best].parent].node->v.element.tag != GUMBO_TAG_HTML)
		best = ev.items[best].parent;
	if (best < 0)
		for (size_t i = 0; i < ev.len; i++)
			if (is_tag(ev.items[i].node, GUMBO_TAG_BODY)) {
				best = (int32_t)i;
				break;
			}

	emitter em = {.boiler = tb->boiler, .datewords = tb->datewords, .titles = {m.og_title, m.title_tag, m.h1, m.ld_headline}};
	if (best >= 0) {
		const elem *top = &ev.items[best];
		int32_t par = top->parent;
		double threshold = CR_MAX(10.0, top->score * 0.2);
		const char *top_class = attr(&top->node->v.element, "class");
		int32_t first = par < 0 ? best : ev.items[par].first_child;
		for (int32_t j = first; j >= 0; j = par < 0 ? -1 : ev.items[j].next_sib) {
			const elem *s = &ev.items[j];
			if (s->dropped || (j != best && s->weight < 0))
				continue;
			bool take = j == best;
			if (!take && s->candidate) {
				double bonus = 0;
				const char *cls = attr(&s->node->v.element, "class");
				if (top_class && cls && *cls && strcmp(cls, top_class) == 0)
					bonus = top->score * 0.2;
				take = s->score + bonus >= threshold;
			}
			if (!take && is_tag(s->node, GUMBO_TAG_P)) {
				double ld = link_density(s);
				take = (s->text_len > 80 && ld < 0.25) || (s->text_len > 0 && ld == 0 && s->commas > 0);
			}
			if (take)
				emit_container(&em, &ev, j);
		}
	}

	int rc = 0;
	if (em.text.len == 0 && m.ld_body) {
		/* The page's own structured copy of the body, when the markup gave none. */
		bool space = false;
		put_collapsed(&em.text, m.ld_body, strlen(m.ld_body), &space);
		if (em.text.len)
			cr_vec_push(&em.offs, 0);
	}
	if (em.text.len == 0) {
		rc = fail(err, errlen, 0, "no article body text found");
	} else {
		utf8_repair(&em.text);
		out->text = cr_buf_detach(&em.text);
		out->len = strlen(out->text);
		out->nsrc = em.offs.len;
		out->src_offsets = em.offs.items;
		em.offs.items = NULL;
		out->outlet = first_of(&m.site_name, &m.ld_publisher, &m.app_name, NULL, NULL);
		out->title = first_of(&m.og_title, &m.ld_headline, &m.tw_title, &m.title_tag, &m.h1);
		strip_outlet_suffix(out->title, out->outlet);
		out->byline = strip_by(first_of(&m.author_meta, &m.ld_author, &m.article_author, &m.rel_author, &m.byline_el));
		out->url = first_of(&m.canonical, &m.og_url, &m.ld_url, NULL, NULL);
		out->published = first_of(&m.pub_article, &m.pub_ld, &m.pub_itemprop, &m.pub_meta, &m.pub_time);
	}
	cr_buf_free(&em.text);
	cr_buf_free(&em.para);
	cr_vec_free(&em.offs);
	meta_free(&m);
	cr_vec_free(&ev);
	list_release(&blocks);
	return rc;
}
