/*
 * query.c: what a person types into `corrob search`, read as an FTS5
 * expression that cannot fail to parse.
 *
 * FTS5's own syntax refuses much of what people type: an apostrophe
 * ("children's"), a full stop ("col."), a lone operator ("AND"), a hyphen
 * ("-Aleppo" reads as a column filter), an unbalanced quote or bracket, a
 * lone "*". So the query is never handed to FTS5 as written. It is read
 * into items — words, "quoted phrases", a trailing * for a prefix, a
 * leading - (or NOT) to exclude, AND / OR in capitals, brackets — and
 * written out again with every word and phrase inside double quotes (where
 * FTS5 only tokenizes), every operator between two operands and every
 * bracket paired. The rules:
 *
 *  - AND, OR and NOT are operators between two operands only; anywhere else
 *    ("AND" alone, "Mizintsev OR") they are words;
 *  - words side by side must all match (AND), OR binds looser than AND;
 *  - -word or NOT word excludes sentences with it: "Mizintsev -Aleppo" is
 *    written ("Mizintsev") NOT ("Aleppo"); a group of exclusions alone
 *    excludes from nothing and is dropped;
 *  - a quote left open runs to the end; a bracket left open closes at the
 *    end; a closing one with none open is ignored; brackets nest 12 deep
 *    (FTS5's parser has a fixed stack), deeper ones are ignored;
 *  - a word with no letter or digit ("*", "-", "(") is no word.
 *
 * Each word is also looked for in its other spellings: those of
 * data/lexicon/name-variants.tsv, the table the resolver keys names by
 * (theater/theatre, defense/defence, Kiev/Kyiv), read with the same loader.
 * A word whose row sends it to another spelling, or to which other rows
 * send theirs, is written as the OR of all of them ("theatre" OR
 * "theater"); in a phrase, each of its words (up to 16 spellings of the
 * phrase in all).
 */
#include "store/internal.h"

#include "util/map.h"

#include <stdlib.h>

enum item_kind { IT_TERM, IT_AND, IT_OR, IT_NOT, IT_OPEN, IT_CLOSE };

typedef struct item {
	enum item_kind kind;
	const char *s;  /* a term's text (a phrase without its quotes) */
	size_t n;
	bool prefix;    /* a term written with a trailing * */
	bool neg;       /* a term or a bracket written with a leading - */
} item;

#define MAX_DEPTH 12       /* brackets nested deeper are ignored */
#define MAX_SPELLINGS 16   /* the spellings of one term written at most */
#define MAX_WORD_SPELLINGS 8

static bool is_space(char c)
{
	return cr_is_space((unsigned char)c);
}

/* A byte of a word as unicode61 tokenizes: an ASCII letter or digit, or
 * any byte of a non-ASCII character (a rough cut, enough to tell a word
 * from punctuation; FTS5 tokenizes the quoted text itself). */
static bool word_byte(char c)
{
	unsigned char u = (unsigned char)c;
	return u >= 0x80 || cr_is_alpha(u) || cr_is_digit(u);
}

static enum item_kind word_kind(const char *s, size_t n)
{
	if (n == 3 && memcmp(s, "AND", 3) == 0)
		return IT_AND;
	if (n == 2 && memcmp(s, "OR", 2) == 0)
		return IT_OR;
	if (n == 3 && memcmp(s, "NOT", 3) == 0)
		return IT_NOT;
	return IT_TERM;
}

/* The query as items. The caller frees the array; *n is their number. */
static item *lex(const char *q, size_t *n)
{
	size_t len = strlen(q), k = 0;
	item *it = cr_xcalloc(len + 1, sizeof *it);
	for (size_t i = 0; i < len;) {
		if (is_space(q[i])) {
			i++;
			continue;
		}
		item x = {IT_TERM, NULL, 0, false, false};
		if (q[i] == '-' && i + 1 < len && !is_space(q[i + 1]) && q[i + 1] != '-') {
			x.neg = true;
			i++;
		}
		if (q[i] == '(' || q[i] == ')') {
			x.kind = q[i] == '(' ? IT_OPEN : IT_CLOSE;
			x.neg = x.neg && x.kind == IT_OPEN;
			i++;
		} else if (q[i] == '"') {
			const char *close = memchr(q + i + 1, '"', len - i - 1);
			size_t end = close ? (size_t)(close - q) : len;
			x.s = q + i + 1;
			x.n = end - i - 1;
			i = close ? end + 1 : len;
			for (; i < len && q[i] == '*'; i++)
				x.prefix = true;
		} else {
			size_t j = i;
			while (j < len && !is_space(q[j]) && q[j] != '"' && q[j] != '(' && q[j] != ')')
				j++;
			size_t e = j;
			for (; e > i && q[e - 1] == '*'; e--)
				x.prefix = true;
			x.s = q + i;
			x.n = e - i;
			if (!x.neg && !x.prefix)
				x.kind = word_kind(x.s, x.n);
			i = j;
		}
		it[k++] = x;
	}
	/* An operator stands between two operands, else it is a word. Decided
	 * from the right, so that "a AND NOT b" keeps both. */
	for (size_t i = k; i-- > 0;) {
		enum item_kind c = it[i].kind;
		if (c != IT_AND && c != IT_OR && c != IT_NOT)
			continue;
		bool after = i > 0 && (it[i - 1].kind == IT_TERM || it[i - 1].kind == IT_CLOSE ||
		                       (c == IT_NOT && it[i - 1].kind == IT_AND && i > 1 &&
		                        (it[i - 2].kind == IT_TERM || it[i - 2].kind == IT_CLOSE)));
		bool before = i + 1 < k && (it[i + 1].kind == IT_TERM || it[i + 1].kind == IT_OPEN ||
		                            (c != IT_NOT && it[i + 1].kind == IT_NOT));
		if (!after || !before)
			it[i].kind = IT_TERM;
	}
	*n = k;
	return it;
}

typedef struct parser {
	const item *it;
	size_t n, i;
	int depth;           /* brackets open */
	int ignored;         /* opening brackets past MAX_DEPTH, whose closing ones are ignored too */
	const cr_lexicon *variants;
} parser;

/* The spellings of one lower-case word, itself first, into out (at most
 * max, each NUL-terminated in the lexicon or in w); returns how many. */
static size_t spellings(const cr_lexicon *lx, const char *w, const char **out, size_t max)
{
	size_t k = 0;
	out[k++] = w;
	long r = cr_lexicon_find(lx, w, strlen(w));
	const char *canon = r >= 0 && lx->ncols[r] > 1 ? lx->cols[r][1] : w;
	if (canon != w)
		out[k++] = canon;
	for (size_t row = 0; row < lx->nrows && k < max; row++) {
		if (lx->ncols[row] < 2 || strcmp(lx->cols[row][1], canon) != 0)
			continue;
		bool seen = false;
		for (size_t j = 0; j < k && !seen; j++)
			seen = strcmp(out[j], lx->cols[row][0]) == 0;
		if (!seen)
			out[k++] = lx->cols[row][0];
	}
	return k;
}

/* Text inside a quoted FTS5 string: a quote doubled. */
static void put_quoted(cr_buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '"')
			cr_buf_putc(out, '"');
		cr_buf_putc(out, *s);
	}
}

/* Writes a term (a word or a phrase) as the OR of its spellings, each a
 * quoted string; false, with nothing written, when it holds no word. */
static bool put_term(const parser *p, cr_buf *out, const item *x)
{
	enum { MAX_WORDS = 64 };
	char *words[MAX_WORDS];
	const char *alt[MAX_WORDS][MAX_WORD_SPELLINGS];
	size_t nalt[MAX_WORDS], nw = 0, combos = 1;
	cr_buf all = {0};   /* the words past MAX_WORDS, as written */
	for (size_t i = 0; i < x->n;) {
		if (!word_byte(x->s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < x->n && word_byte(x->s[j]))
			j++;
		if (nw < MAX_WORDS) {
			words[nw] = cr_xstrndup(x->s + i, j - i);
			for (char *c = words[nw]; *c; c++)
				*c = (char)cr_lower((unsigned char)*c);
			nalt[nw] = spellings(p->variants, words[nw], alt[nw], MAX_WORD_SPELLINGS);
			combos = combos * nalt[nw] > MAX_SPELLINGS ? MAX_SPELLINGS + 1 : combos * nalt[nw];
			nw++;
		} else {
			cr_buf_putc(&all, ' ');
			cr_buf_append(&all, x->s + i, j - i);
		}
		i = j;
	}
	if (nw == 0)
		return false;
	if (combos > MAX_SPELLINGS || all.len) {
		/* too many to write: the spellings as typed */
		for (size_t w = 0; w < nw; w++)
			nalt[w] = 1;
		combos = 1;
	}
	if (combos > 1)
		cr_buf_putc(out, '(');
	for (size_t c = 0; c < combos; c++) {
		/* the c-th spelling: word w's choice is a digit of c in base nalt */
		cr_buf_puts(out, c ? " OR \"" : "\"");
		for (size_t w = 0, rest = c; w < nw; w++) {
			cr_buf_puts(out, w ? " " : "");
			put_quoted(out, alt[w][rest % nalt[w]]);
			rest /= nalt[w];
		}
		if (all.len)
			cr_buf_append(out, all.data, all.len);
		cr_buf_puts(out, x->prefix ? "\"*" : "\"");
	}
	if (combos > 1)
		cr_buf_putc(out, ')');
	for (size_t w = 0; w < nw; w++)
		free(words[w]);
	cr_buf_free(&all);
	return true;
}

static bool parse_or(parser *p, cr_buf *out);

static bool at_group_end(const parser *p)
{
	const item *x = &p->it[p->i];
	return p->i >= p->n || x->kind == IT_OR || (x->kind == IT_CLOSE && p->depth > 0 && p->ignored == 0);
}

/* One operand (a term or a bracketed group) into out; false when it holds
 * no word. */
static bool parse_operand(parser *p, cr_buf *out)
{
	const item *x = &p->it[p->i++];
	if (x->kind == IT_TERM)
		return put_term(p, out, x);
	/* an opening bracket */
	if (p->depth >= MAX_DEPTH) {
		p->ignored++;
		return false;
	}
	p->depth++;
	cr_buf sub = {0};
	bool any = parse_or(p, &sub);
	if (p->i < p->n && p->it[p->i].kind == IT_CLOSE)
		p->i++;
	p->depth--;
	if (any) {
		cr_buf_putc(out, '(');
		cr_buf_append(out, sub.data, sub.len);
		cr_buf_putc(out, ')');
	}
	cr_buf_free(&sub);
	return any;
}

/* Operands side by side (or joined by AND), those excluded apart:
 * (a AND b) NOT (c OR d). False when no operand is left to match. */
static bool parse_and(parser *p, cr_buf *out)
{
	cr_buf pos = {0}, neg = {0};
	bool negate = false;
	while (!at_group_end(p)) {
		const item *x = &p->it[p->i];
		if (x->kind == IT_CLOSE) {
			/* with none open, or one of a bracket past MAX_DEPTH */
			if (p->ignored > 0)
				p->ignored--;
			p->i++;
			continue;
		}
		if (x->kind == IT_AND || x->kind == IT_NOT) {
			negate = negate || x->kind == IT_NOT;
			p->i++;
			continue;
		}
		cr_buf one = {0};
		bool excluded = negate || x->neg;
		if (parse_operand(p, &one)) {
			cr_buf *to = excluded ? &neg : &pos;
			cr_buf_puts(to, to->len ? (excluded ? " OR " : " AND ") : "");
			cr_buf_append(to, one.data, one.len);
		}
		cr_buf_free(&one);
		negate = false;
	}
	bool any = pos.len > 0;
	if (any) {
		cr_buf_putc(out, '(');
		cr_buf_append(out, pos.data, pos.len);
		cr_buf_putc(out, ')');
		if (neg.len) {
			cr_buf_puts(out, " NOT (");
			cr_buf_append(out, neg.data, neg.len);
			cr_buf_putc(out, ')');
		}
	}
	cr_buf_free(&pos);
	cr_buf_free(&neg);
	return any;
}

/* Groups joined by OR. */
static bool parse_or(parser *p, cr_buf *out)
{
	bool any = false;
	for (;;) {
		cr_buf one = {0};
		if (parse_and(p, &one)) {
			cr_buf_puts(out, any ? " OR " : "");
			cr_buf_append(out, one.data, one.len);
			any = true;
		}
		cr_buf_free(&one);
		if (p->i < p->n && p->it[p->i].kind == IT_OR)
			p->i++;
		else
			return any;
	}
}

int cr_db_search_expression(cr_buf *out, const char *query)
{
	size_t n;
	item *it = lex(query, &n);
	cr_lexicon *lx = cr_lexicon_load(CR_DATA(lexicon_name_variants_tsv), true);
	parser p = {it, n, 0, 0, 0, lx};
	bool any = parse_or(&p, out);
	cr_lexicon_free(lx);
	free(it);
	return any ? 0 : CR_DB_EQUERY;
}
