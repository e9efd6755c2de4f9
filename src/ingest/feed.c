/*
 * feed.c: RSS 2.0 (and 0.9x, 1.0) and Atom feeds into documents (see
 * feed.h).
 *
 * libxml2's xmlTextReader walks the feed as a stream: at each <item> (RSS)
 * or Atom <entry> the reader expands that one subtree, the fields are read
 * from it, and the reader moves past it, freeing it. Each item gives:
 *  - its link: RSS <link>, else a <guid> that is a permalink; Atom's
 *    <link href> of rel "alternate" (or no rel);
 *  - its title;
 *  - its date, to the publication date: RSS <pubDate> and Atom <published>
 *    first, then Dublin Core <dc:date>, then Atom <updated>; ISO dates read
 *    as pages' dates are (cr_html_norm_date), RFC 822 ones ("Tue, 10 Jun
 *    2003 04:00:00 GMT") as a page's date line is (cr_pubdate_read);
 *  - its content: <content:encoded> or Atom <content> first, then
 *    <description> or Atom <summary>. HTML content (RSS always; Atom of
 *    type "html", and "xhtml" serialised back) goes through the HTML
 *    reader (cr_html_extract) as a page would; Atom "text" is taken as it is.
 *
 * The feed is never given a network or a DTD: XML_PARSE_NONET, no entity
 * substitution, and an element's text is gathered from its text nodes
 * alone (an entity reference is not followed, so no "billion laughs").
 * libxml2's own limits hold (nesting depth, the size of a text node).
 * Errors come through a structured handler into a message naming the line
 * and column; nothing is printed.
 *
 * Limits: a feed is read in its declared encoding (UTF-8 when it declares
 * none; charset.c is not asked); an Atom <content src> (content kept
 * elsewhere) gives no content; enclosures and media are not read.
 */
#include "ingest/feed.h"
#include "ingest/html.h"
#include "ingest/input.h"
#include "ingest/pubdate.h"
#include "util/date.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* ---------- sniffing ---------- */

/* The first needle in s[0, n), or NULL. */
static const char *find(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (const char *p = s; (p = memchr(p, needle[0], n - (size_t)(p - s))) != NULL; p++)
		if ((size_t)(s + n - p) >= k && memcmp(p, needle, k) == 0)
			return p;
	return NULL;
}

bool cr_feed_sniff(const char *s, size_t n)
{
	size_t i = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (;;) {
		while (i < n && cr_is_space((unsigned char)s[i]))
			i++;
		if (i + 1 >= n || s[i] != '<')
			return false;
		/* the prolog: an XML declaration or processing instruction, a comment, a doctype */
		const char *close = s[i + 1] == '?' ? "?>" : n - i >= 4 && memcmp(s + i, "<!--", 4) == 0 ? "-->"
		                    : s[i + 1] == '!' ? ">" : NULL;
		if (!close)
			break;
		const char *e = find(s + i + 2, n - i - 2, close);
		const char *subset = close[0] == '>' ? find(s + i + 2, n - i - 2, "[") : NULL;
		if (e && subset && subset < e)
			e = find(subset, n - (size_t)(subset - s), "]>");   /* a doctype's internal subset */
		if (!e)
			return false;
		if (*e == ']')
			e++;
		i = (size_t)(e - s) + strlen(close);
	}
	static const char *const roots[] = {"rss", "feed", "rdf:RDF"};
	for (size_t k = 0; k < CR_ARRAY_LEN(roots); k++) {
		size_t l = strlen(roots[k]);
		if (n - i > l + 1 && memcmp(s + i + 1, roots[k], l) == 0 &&
		    (cr_is_space((unsigned char)s[i + 1 + l]) || s[i + 1 + l] == '>' || s[i + 1 + l] == '/'))
			return true;
	}
	return false;
}

/* ---------- one item ---------- */

/* A field of an item with the rank of the element it came from: a higher rank replaces it. */
typedef struct field {
	char *text;
	int rank;
} field;

/* What one item gives. */
typedef struct item {
	field title, link, date, content;
	bool html;          /* the content is HTML */
} item;

/* Frees what the item's fields hold. */
static void item_free(item *it)
{
	free(it->title.text);
	free(it->link.text);
	free(it->date.text);
	free(it->content.text);
}

/* Keeps text (which it takes) in f when rank beats what f holds; frees it otherwise. */
static bool offer(field *f, char *text, int rank)
{
	if (!text || !*text || (f->text && f->rank >= rank)) {
		free(text);
		return false;
	}
	free(f->text);
	f->text = text;
	f->rank = rank;
	return true;
}

/* The text of n's subtree, its text and CDATA nodes in order (entity references not followed). The caller frees it. */
static char *node_text(xmlNode *n)
{
	cr_buf b = {0};
	for (xmlNode *c = n->children; c;) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			cr_buf_puts(&b, (const char *)c->content);
		if (c->type == XML_ELEMENT_NODE && c->children) {
			c = c->children;
			continue;
		}
		while (c != n && !c->next)
			c = c->parent;
		c = c == n ? NULL : c->next;
	}
	return b.data ? cr_buf_detach(&b) : cr_xstrdup("");
}

/* s with its runs of white space made one space and its ends trimmed, in place. */
static char *squash(char *s)
{
	size_t k = 0;
	bool space = false;
	for (size_t i = 0; s && s[i]; i++) {
		if (cr_is_space((unsigned char)s[i])) {
			space = k > 0;
			continue;
		}
		if (space)
			s[k++] = ' ';
		space = false;
		s[k++] = s[i];
	}
	if (s)
		s[k] = 0;
	return s;
}

/* An attribute of n, or NULL; the caller frees it. */
static char *attr(xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* True when n is in the namespace uri. */
static bool ns_is(const xmlNode *n, const char *uri)
{
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, uri) == 0;
}

/* An Atom <content> or <summary>: its text, HTML or XHTML (serialised back to markup). */
static void atom_text(item *it, xmlNode *n, int rank)
{
	char *type = attr(n, "type"), *src = attr(n, "src");
	bool xhtml = type && strcmp(type, "xhtml") == 0;
	bool html = xhtml || (type && strstr(type, "html"));
	char *text = NULL;   /* none when the content is elsewhere (src) */
	if (!src && xhtml) {
		xmlBuffer *buf = xmlBufferCreate();
		if (!buf)
			cr_oom();
		for (xmlNode *c = n->children; c; c = c->next)
			xmlNodeDump(buf, n->doc, c, 0, 0);
		const xmlChar *markup = xmlBufferContent(buf);
		text = cr_xstrdup(markup ? (const char *)markup : "");
		xmlBufferFree(buf);
	} else if (!src) {
		text = node_text(n);
	}
	if (offer(&it->content, text, rank))
		it->html = html;
	xmlFree(type);
	xmlFree(src);
}

/* An Atom <link>: the alternate one (or one with no rel) is the item's link. */
static void atom_link(item *it, xmlNode *n)
{
	char *rel = attr(n, "rel"), *href = attr(n, "href");
	if (href && (!rel || strcmp(rel, "alternate") == 0))
		offer(&it->link, cr_xstrdup(href), 2);
	xmlFree(rel);
	xmlFree(href);
}

/* One child element of an item into the fields it fills. */
static void read_field(item *it, xmlNode *c)
{
	const char *name = (const char *)c->name;
	bool atom = ns_is(c, NS_ATOM);
	if (strcmp(name, "title") == 0) {
		offer(&it->title, squash(node_text(c)), 1);
	} else if (strcmp(name, "link") == 0) {
		if (atom)
			atom_link(it, c);
		else
			offer(&it->link, squash(node_text(c)), 2);
	} else if (strcmp(name, "guid") == 0) {
		char *perma = attr(c, "isPermaLink");
		char *g = squash(node_text(c));
		if ((!perma || strcmp(perma, "false") != 0) && strncmp(g, "http", 4) == 0)
			offer(&it->link, g, 1);
		else
			free(g);
		xmlFree(perma);
	} else if (strcmp(name, "pubDate") == 0 || (atom && strcmp(name, "published") == 0)) {
		offer(&it->date, squash(node_text(c)), 3);
	} else if (ns_is(c, NS_DC) && strcmp(name, "date") == 0) {
		offer(&it->date, squash(node_text(c)), 2);
	} else if (atom && strcmp(name, "updated") == 0) {
		offer(&it->date, squash(node_text(c)), 1);
	} else if (ns_is(c, NS_CONTENT) && strcmp(name, "encoded") == 0) {
		if (offer(&it->content, node_text(c), 2))
			it->html = true;
	} else if (atom && (strcmp(name, "content") == 0 || strcmp(name, "summary") == 0)) {
		atom_text(it, c, name[1] == 'o' ? 2 : 1);
	} else if (!atom && strcmp(name, "description") == 0) {
		if (offer(&it->content, node_text(c), 1))
			it->html = true;
	}
}

/* A feed's date as "YYYY-MM-DD" in out: ISO 8601 or RFC 822. */
static bool feed_date(const char *s, char out[11])
{
	if (cr_html_norm_date(out, s) == 0)
		return true;
	cr_dayrange r = {CR_DAY_NONE, CR_DAY_NONE};
	cr_span line = {0, (uint32_t)strlen(s)};
	if (cr_pubdate_read(&r, s, &line, 1, NULL, NULL, NULL) == CR_PUBDATE_NONE || r.earliest != r.latest)
		return false;
	cr_day_format(r.earliest, out);
	return true;
}

/* The item's content as text: HTML through the HTML reader. 0 with *text (the caller frees it), or -1 with err. */
static int item_body(const item *it, char **text, size_t *len, char *err, size_t errlen)
{
	if (!it->html) {
		*text = cr_xstrdup(it->content.text);
		*len = strlen(*text);
		return 0;
	}
	cr_html_doc h;
	if (cr_html_extract(&h, it->content.text, strlen(it->content.text), err, errlen) < 0) {
		cr_html_doc_free(&h);
		return -1;
	}
	*text = h.text;
	*len = h.len;
	h.text = NULL;
	cr_html_doc_free(&h);
	return 0;
}

/* Item number no (at line) into a document for cb: 0, 1 when it failed (reported), or cb's negative value. */
static int item_doc(const item *it, const char *name, size_t no, long line, const cr_diag *dg, cr_doc_cb cb,
                    void *ud, size_t *skipped)
{
	char docname[600], where[64], day[11], err[256];
	snprintf(docname, sizeof docname, "%s:%zu", name, no);
	snprintf(where, sizeof where, "item %zu, line %ld", no, line);
	if (!it->content.text) {
		cr_diag_emit(dg, CR_DIAG_NOTE, name, where, "no content in the feed (only a title or a link); skipped");
		(*skipped)++;
		return 0;
	}
	const char *published = NULL;
	if (it->date.text && feed_date(it->date.text, day))
		published = day;
	else if (it->date.text)
		cr_diag_emit(dg, CR_DIAG_WARNING, name, where, "date \"%.40s\" not read; ignored", it->date.text);
	char *text;
	size_t len;
	if (item_body(it, &text, &len, err, sizeof err) < 0) {
		cr_diag_emit(dg, CR_DIAG_ERROR, name, where, "%s", err);
		return 1;
	}
	cr_document d;
	int rc = cr_ingest_parts(&d, text, len, docname, it->link.text, it->title.text, NULL, published, dg);
	free(text);
	if (rc < 0)
		return 1;
	rc = cb(ud, &d);
	cr_document_free(&d);
	return rc < 0 ? rc : 0;
}

/* ---------- the stream ---------- */

/* What the reader's callbacks share: the input and the first error. */
typedef struct feed_ctx {
	cr_input *in;
	int line, col;
	char msg[256];      /* the first error libxml2 reported, "" when none */
} feed_ctx;

/* libxml2's read callback: the next bytes of the input; -1 on a read error. */
static int feed_read(void *ud, char *buf, int len)
{
	feed_ctx *c = ud;
	size_t n = cr_input_read(c->in, buf, (size_t)len);
	return n == 0 && c->in->err ? -1 : (int)n;
}

/* libxml2's errors: the first one is kept with its place; warnings are not errors. */
static void on_error(void *ud, xmlErrorPtr e)
{
	feed_ctx *c = ud;
	if (!e || e->level < XML_ERR_ERROR || c->msg[0])
		return;
	c->line = e->line;
	c->col = e->int2;
	snprintf(c->msg, sizeof c->msg, "%s", e->message ? e->message : "XML error");
	size_t n = strlen(c->msg);
	while (n && (c->msg[n - 1] == '\n' || c->msg[n - 1] == ' '))
		c->msg[--n] = 0;
}

/* True when the reader is at an item: RSS <item> (no namespace or RSS 1.0's) or Atom <entry>, below the root. */
static bool is_item(xmlTextReader *r)
{
	const char *ln = (const char *)xmlTextReaderConstLocalName(r);
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
	if (!ln || xmlTextReaderDepth(r) < 1)
		return false;
	return (strcmp(ln, "item") == 0 && (!ns || strcmp(ns, NS_ATOM) != 0)) ||
	       (strcmp(ln, "entry") == 0 && ns && strcmp(ns, NS_ATOM) == 0);
}

/* The root element names a feed: <rss>, Atom's <feed>, RSS 1.0's <rdf:RDF>. */
static bool is_root(xmlTextReader *r)
{
	const char *ln = (const char *)xmlTextReaderConstLocalName(r);
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
	return ln && (strcmp(ln, "rss") == 0 || strcmp(ln, "RDF") == 0 ||
	              (strcmp(ln, "feed") == 0 && ns && strcmp(ns, NS_ATOM) == 0));
}

/* take_item's value when libxml2 could not expand the item (its XML is broken) */
#define EXPAND_FAILED INT_MIN

/* Reads the item the reader is at into a document: 0, 1 failed, cb's negative value, or EXPAND_FAILED. */
static int take_item(xmlTextReader *r, const char *name, size_t no, const cr_diag *dg, cr_doc_cb cb, void *ud,
                     size_t *skipped)
{
	long line = xmlTextReaderGetParserLineNumber(r);
	xmlNode *n = xmlTextReaderExpand(r);
	if (!n)
		return EXPAND_FAILED;
	item it = {0};
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			read_field(&it, c);   /* (xmlTextReaderCurrentDoc would keep the whole document alive) */
	int rc = item_doc(&it, name, no, line, dg, cb, ud, skipped);
	item_free(&it);
	return rc;
}

/* The error that ended a feed after `read` items, reported: a read error of the input or libxml2's first. */
static void report_end(const feed_ctx *c, const char *name, size_t read, const cr_diag *dg)
{
	char where[64], msg[256];
	if (c->in->err) {
		cr_input_error(c->in, msg, sizeof msg);
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "%s", msg);
		return;
	}
	snprintf(where, sizeof where, "line %d, column %d", c->line, c->col);
	cr_diag_emit(dg, CR_DIAG_ERROR, name, where, "not well-formed XML: %s (%zu item%s read before it)",
	             c->msg[0] ? c->msg : "the feed ends early", read, read == 1 ? "" : "s");
}

static pthread_once_t g_xml_once = PTHREAD_ONCE_INIT;

/* libxml2's global set-up, once per process (it asks for it before threads use the parser). */
static void xml_init(void)
{
	xmlInitParser();
}

int cr_ingest_feed(cr_input *in, const char *name, const cr_diag *dg, cr_doc_cb cb, void *ud, size_t *skipped)
{
	pthread_once(&g_xml_once, xml_init);
	feed_ctx c = {.in = in};
	xmlSetStructuredErrorFunc(&c, on_error);
	xmlTextReader *r = xmlReaderForIO(feed_read, NULL, &c, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (!r)
		cr_oom();
	xmlTextReaderSetStructuredErrorHandler(r, on_error, &c);
	int bad = 0, stop = 0, ret = xmlTextReaderRead(r);
	size_t no = 0;
	bool rooted = false;
	while (ret == 1) {
		if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT && !rooted) {
			if (!is_root(r)) {
				cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "not an RSS or Atom feed: its root element is <%.40s>",
				             (const char *)xmlTextReaderConstName(r));
				bad++;
				break;
			}
			rooted = true;
		} else if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT && is_item(r)) {
			int rc = take_item(r, name, ++no, dg, cb, ud, skipped);
			if (rc == EXPAND_FAILED) {
				no--;   /* not read */
				ret = -1;
				break;
			}
			if (rc < 0) {
				stop = rc;
				break;
			}
			bad += rc;
			ret = xmlTextReaderNext(r);
			continue;
		}
		ret = xmlTextReaderRead(r);
	}
	if (stop == 0 && (ret < 0 || (ret == 0 && !rooted && !bad))) {
		report_end(&c, name, no, dg);
		bad++;
	}
	xmlFreeTextReader(r);
	xmlSetStructuredErrorFunc(NULL, NULL);
	return stop < 0 ? stop : bad;
}
