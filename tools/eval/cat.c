/*
 * cat.c: the ECB+ CAT XML reader and the text re-joined from its tokens
 * (cat.h says what the joining rules are and why).
 */
#include "eval/cat.h"
#include "util/util.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *xml_attr(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = cr_xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

static int int_attr(xmlNode *n, const char *name, int dflt)
{
	char *s = xml_attr(n, name);
	if (!s)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	int ok = end != s && *end == 0;
	free(s);
	return ok ? (int)v : dflt;
}

static bool is(const char *w, const char *s) { return strcmp(w, s) == 0; }

static bool word_char(unsigned char c) { return cr_is_alpha(c) || cr_is_digit(c) || c >= 0x80; }

static bool all_digits(const char *w)
{
	if (!*w)
		return false;
	for (; *w; w++)
		if (!cr_is_digit((unsigned char)*w))
			return false;
	return true;
}

static bool ends_word(const char *w) { size_t n = strlen(w); return n && word_char((unsigned char)w[n - 1]); }
static bool starts_word(const char *w) { return word_char((unsigned char)w[0]); }
static bool ends_digit(const char *w) { size_t n = strlen(w); return n && cr_is_digit((unsigned char)w[n - 1]); }

/* A clitic that follows an apostrophe split off by the ECB+ tokenizer ("Lohan ’ s"). */
static bool clitic_tail(const char *w)
{
	return is(w, "s") || is(w, "t") || is(w, "re") || is(w, "ll") || is(w, "d") || is(w, "ve") || is(w, "m");
}

/* Words that attach to the one before: closing marks and PTB clitics. */
static bool attaches_left(const char *w)
{
	static const char *const left[] = {".", ",", ";", ":", "?", "!", ")", "]", "}", "''", "%", "'s", "'S", "n't",
	                                   "N'T", "'re", "'m", "'ve", "'ll", "'d", "...", "\xE2\x80\x9D" /* ” */};
	for (size_t i = 0; i < CR_ARRAY_LEN(left); i++)
		if (is(w, left[i]))
			return true;
	return false;
}

/* Words that attach to the one after. */
static bool attaches_right(const char *w)
{
	return is(w, "(") || is(w, "[") || is(w, "{") || is(w, "``") || is(w, "$") || is(w, "#") ||
	       is(w, "\xE2\x80\x9C") /* “ */;
}

/* A word of the ECB+ part's own tokenizer that was split out of one written
 * form: "2 . 5", "50 , 000", "7 : 15", "hit - and - run", "05 / 02 / 2013". */
static bool inner_piece(const char *p, const char *w, const char *next)
{
	if (!p || !next)
		return false;
	if ((is(w, ".") || is(w, ":")) && ends_digit(p) && all_digits(next))
		return true;
	if (is(w, ",") && ends_digit(p) && all_digits(next) && strlen(next) == 3)
		return true;
	return (is(w, "-") || is(w, "/")) && ends_word(p) && starts_word(next);
}

/* Joins the words of one sentence into b, recording each token's range.
 * tight[i]: no space before word i. */
static void join_sentence(cr_buf *b, cat_token *t, size_t n, bool plus)
{
	bool *tight = cr_xcalloc(n + 1, sizeof *tight);
	bool dq_open = false, sq_open = false;
	for (size_t i = 0; i < n; i++) {
		const char *w = t[i].word, *p = i ? t[i - 1].word : NULL, *next = i + 1 < n ? t[i + 1].word : NULL;
		const char *out = w;
		if (i == 0 || attaches_left(w))
			tight[i] = true;
		if (attaches_right(w))
			tight[i + 1] = true;
		if (is(w, "``") || is(w, "''")) {
			out = "\"";   /* PTB quotes are written as straight quotes */
			dq_open = is(w, "``");
		} else if (is(w, "\"")) {
			tight[dq_open ? i : i + 1] = true;
			dq_open = !dq_open;
		} else if (plus && is(w, "\xE2\x80\x99") && next && clitic_tail(next)) {
			tight[i] = tight[i + 1] = true;   /* Lohan ’ s */
		} else if (is(w, "'") || is(w, "\xE2\x80\x98") || is(w, "\xE2\x80\x99")) {
			/* a single quote opens before a word unless one is open, or it
			 * follows a plural ("the Pictures ' offer") */
			bool opening = is(w, "\xE2\x80\x98") ||
			               (!is(w, "\xE2\x80\x99") && !sq_open && next && starts_word(next) &&
			                !(p && ends_word(p) && p[strlen(p) - 1] == 's'));
			tight[opening ? i + 1 : i] = true;
			sq_open = opening;
		} else if (plus && inner_piece(p, w, next)) {
			tight[i] = tight[i + 1] = true;
		}
		if (!tight[i])
			cr_buf_putc(b, ' ');
		t[i].start = (uint32_t)b->len;
		cr_buf_puts(b, out);
		t[i].end = (uint32_t)b->len;
	}
	free(tight);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

int cat_token_index(const cat_doc *d, int t_id)
{
	/* tokens are stored in t_id order */
	size_t lo = 0, hi = d->ntokens;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->tokens[mid].id < t_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->ntokens && d->tokens[lo].id == t_id ? (int)lo : -1;
}

static int cmp_token(const void *a, const void *b)
{
	const cat_token *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static cat_markable *mark_by_id(cat_doc *d, int id)
{
	for (size_t i = 0; i < d->nmarks; i++)
		if (d->marks[i].id == id)
			return &d->marks[i];
	return NULL;
}

static void read_markables(cat_doc *d, xmlNode *parent)
{
	CR_VEC(cat_markable) ms = {0};
	for (xmlNode *n = parent->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		cat_markable m = {0};
		m.id = int_attr(n, "m_id", -1);
		m.tag = cr_xstrdup((const char *)n->name);
		CR_VEC(int) toks = {0};
		for (xmlNode *a = n->children; a; a = a->next) {
			if (a->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, "token_anchor") != 0)
				continue;
			int ti = cat_token_index(d, int_attr(a, "t_id", -1));
			if (ti >= 0)
				cr_vec_push(&toks, ti);
		}
		if (toks.len)
			qsort(toks.items, toks.len, sizeof(int), cmp_int);
		m.tokens = toks.items;
		m.ntokens = toks.len;
		cr_vec_push(&ms, m);
	}
	d->marks = ms.items;
	d->nmarks = ms.len;
}

static void read_relations(cat_doc *d, xmlNode *parent)
{
	for (xmlNode *n = parent->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		bool cross = strcmp((const char *)n->name, "CROSS_DOC_COREF") == 0;
		bool intra = strcmp((const char *)n->name, "INTRA_DOC_COREF") == 0;
		if (!cross && !intra)
			continue;
		int target = -1;
		for (xmlNode *a = n->children; a; a = a->next)
			if (a->type == XML_ELEMENT_NODE && strcmp((const char *)a->name, "target") == 0)
				target = int_attr(a, "m_id", -1);
		char *note = cross ? xml_attr(n, "note") : NULL;
		cr_buf id = {0};
		if (note && *note)
			cr_buf_puts(&id, note);
		else
			cr_buf_printf(&id, "%s#%d", d->name, target);
		free(note);
		for (xmlNode *a = n->children; a; a = a->next) {
			if (a->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, "source") != 0)
				continue;
			cat_markable *m = mark_by_id(d, int_attr(a, "m_id", -1));
			/* a cross-document instance wins over a chain within the document */
			if (m && (!m->cluster || cross)) {
				free(m->cluster);
				m->cluster = cr_xstrdup(id.data);
			}
		}
		cr_buf_free(&id);
	}
}

int cat_read(cat_doc *out, const char *path, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	xmlDoc *x = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!x) {
		const xmlError *e = xmlGetLastError();
		snprintf(err, errlen, "%s: not readable as XML%s%s", path, e && e->message ? ": " : "",
		         e && e->message ? e->message : "");
		if (errlen && strlen(err) && err[strlen(err) - 1] == '\n')
			err[strlen(err) - 1] = 0;
		return -1;
	}
	xmlNode *root = xmlDocGetRootElement(x);
	if (!root || strcmp((const char *)root->name, "Document") != 0) {
		snprintf(err, errlen, "%s: not a CAT document (no <Document> root)", path);
		xmlFreeDoc(x);
		return -1;
	}
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t bl = strlen(base);
	if (bl > 4 && strcmp(base + bl - 4, ".xml") == 0)
		bl -= 4;
	out->name = cr_xstrndup(base, bl);
	out->topic = atoi(out->name);
	out->plus = strstr(out->name, "ecbplus") != NULL;
	CR_VEC(cat_token) toks = {0};
	xmlNode *marks = NULL, *rels = NULL;
	for (xmlNode *n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "token") == 0) {
			cat_token t = {0};
			t.id = int_attr(n, "t_id", -1);
			t.sentence = int_attr(n, "sentence", -1);
			xmlChar *w = xmlNodeGetContent(n);
			t.word = cr_xstrdup(w ? (const char *)w : "");
			xmlFree(w);
			for (char *c = t.word; *c; c++)   /* one line a sentence */
				if (*c == '\n' || *c == '\r' || *c == '\t')
					*c = ' ';
			t.start = t.end = CAT_NO_OFFSET;
			if (t.id < 0 || t.sentence < 0 || !*t.word) {
				free(t.word);
				continue;
			}
			cr_vec_push(&toks, t);
		} else if (strcmp((const char *)n->name, "Markables") == 0) {
			marks = n;
		} else if (strcmp((const char *)n->name, "Relations") == 0) {
			rels = n;
		}
	}
	out->tokens = toks.items;
	out->ntokens = toks.len;
	/* markables and relations refer to tokens by t_id: read them once the tokens are sorted */
	qsort(out->tokens, out->ntokens, sizeof *out->tokens, cmp_token);
	if (marks)
		read_markables(out, marks);
	if (rels)
		read_relations(out, rels);
	xmlFreeDoc(x);

	/* the text: sentence 0 of an ecbplus file is its URL */
	cr_buf b = {0};
	size_t i = 0;
	if (out->plus && out->ntokens && out->tokens[0].sentence == 0 &&
	    (strncmp(out->tokens[0].word, "http", 4) == 0 || strncmp(out->tokens[0].word, "www", 3) == 0)) {
		cr_buf u = {0};
		for (; i < out->ntokens && out->tokens[i].sentence == 0; i++)
			cr_buf_puts(&u, out->tokens[i].word);
		out->url = cr_buf_detach(&u);
	}
	while (i < out->ntokens) {
		size_t j = i;
		while (j < out->ntokens && out->tokens[j].sentence == out->tokens[i].sentence)
			j++;
		if (b.len)
			cr_buf_putc(&b, '\n');
		join_sentence(&b, out->tokens + i, j - i, out->plus);
		i = j;
	}
	cr_buf_putc(&b, '\n');
	out->len = b.len;
	out->text = cr_buf_detach(&b);
	return 0;
}

void cat_free(cat_doc *d)
{
	for (size_t i = 0; i < d->ntokens; i++)
		free(d->tokens[i].word);
	for (size_t i = 0; i < d->nmarks; i++) {
		free(d->marks[i].tag);
		free(d->marks[i].tokens);
		free(d->marks[i].cluster);
	}
	free(d->tokens);
	free(d->marks);
	free(d->name);
	free(d->url);
	free(d->text);
	memset(d, 0, sizeof *d);
}

char *cat_corrob_input(const cat_doc *d, size_t *len, size_t *body)
{
	cr_buf b = {0};
	if (d->url)
		cr_buf_printf(&b, "url: %s\n\n", d->url);
	*body = b.len;
	cr_buf_append(&b, d->text, d->len);
	*len = b.len;
	return cr_buf_detach(&b);
}
