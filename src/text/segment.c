/*
 * segment.c: paragraphs, sentences and tokens.
 *
 * Three passes over the text, each linear:
 *
 * 1. Lines and paragraphs. A blank line always ends a paragraph. What a
 *    single newline means is decided once per document, from the lines that
 *    are followed by another non-blank line (bulleted lines aside): when there
 *    are at least 3, at least 70% are 25-100 characters long and at least half
 *    do not end with sentence punctuation, the text is hard-wrapped (Reuters,
 *    PDF extractions) and a single newline is a space; otherwise (the usual
 *    one-paragraph-per-line news page) a single newline ends a paragraph.
 *    In hard-wrapped text a newline still ends a paragraph when the next line
 *    is indented deeper than the document's usual indent, starts with a
 *    bullet, or (unless it starts with a lower-case letter, which continues a
 *    sentence) when its first word would have fitted on this line: the line
 *    was ended on purpose (a heading, a paragraph's last line). The width is
 *    the 90th percentile of line lengths in columns; it can only
 *    under-estimate the true width, so a line broken by the wrapper is never
 *    taken for a deliberate break. In one-paragraph-per-line text a newline
 *    after trailing spaces and before a lower-case letter is an errant break
 *    inside a sentence, and is a space.
 *
 * 2. Tokens. Whitespace-separated chunks; a chunk that is a URL or an e-mail
 *    address (after stripping surrounding punctuation) is one token.
 *    Otherwise: words (letters, digits, marks, with internal hyphens and
 *    apostrophes; the clitics 's 're 've 'll 'm 'd and n't split off as in
 *    CoNLL); numbers (digits with internal , . : / - between digits, and a
 *    letter suffix: "5th", "1.13bn"); "..." and ". . ." as one token; every
 *    other character as a token. A word followed by a period keeps it when it
 *    is a known abbreviation (data/lexicon/abbreviations.tsv; "No." and
 *    "Jan." only before a number; never an all-capitals word of three letters
 *    or more), a single letter (an initial), or a multi-period form of one-
 *    and two-letter pieces ("U.S.", "a.m.", "Ph.D.").
 *
 * 3. Sentences, decided at each terminal (. ? ! … ... and abbreviations with a
 *    period) after absorbing further terminals and closing quotes and
 *    brackets. A boundary needs the next token to look like a sentence start:
 *    a capital letter, a digit, an opening quote or bracket before one, a
 *    currency sign or a bullet; a lower-case word never starts one. Titles
 *    ("Mr.", "Col.") never end a sentence; "No." and "Jan." do not before a
 *    number; company-like and time abbreviations ("Co.", "a.m.") do before a
 *    capital that is not a time zone ("a.m. ET"), unless the sentence so far
 *    is a short time phrase ("At 5 a.m."); initials and "U.S." end a sentence
 *    only before a common sentence starter ("How", "The", "Did";
 *    data/lexicon/sbd-words.tsv), the rule pySBD and pragmatic_segmenter use.
 *    Spaced ellipses (". . .") never end a sentence; unspaced ones do before a
 *    capital. Without whitespace ("world.Today") a period ends a sentence only
 *    between a word or number and a capitalised word. List items: a number or
 *    letter marker ("1.", "2)", "a.", "• 9.") at a sentence start is not a
 *    boundary, and the next marker in sequence ("2." after "1.") or a bullet
 *    starts a new sentence even without a period before it.
 *
 * Limits: the rules are for English. A sentence that starts with a lower-case
 * word ("iPhone sales...") is joined to the one before; a title at a
 * sentence's end ("on Main St. The...") hides the boundary; "U.S." before a
 * capitalised word that is not a common sentence starter is read as
 * "U.S. Government". Offsets are 32-bit: texts of 4 GB or more are refused.
 */
#include "text/segment.h"
#include "util/map.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---------------------------------------------------------------- lexicons */

enum { AB_NONE = 0, AB_TITLE, AB_POST, AB_INNER, AB_NUM };
enum { W_STARTER = 1, W_PREP = 2, W_BULLET = 4, W_ZONE = 8 };

/* Loaded once per process and read-only afterwards. */
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;
static cr_lexicon *lex_abbr, *lex_words;
static uint8_t *abbr_kind, *word_kind;

static uint8_t *lex_kinds(const cr_lexicon *lx, bool words)
{
	uint8_t *k = cr_xcalloc(lx->nrows ? lx->nrows : 1, 1);
	for (size_t r = 0; r < lx->nrows; r++) {
		const char *v = lx->ncols[r] > 1 ? lx->cols[r][1] : "";
		if (!words) {
			k[r] = !strcmp(v, "title") ? AB_TITLE : !strcmp(v, "post") ? AB_POST :
			       !strcmp(v, "inner") ? AB_INNER : !strcmp(v, "num") ? AB_NUM : AB_NONE;
		} else {
			k[r] = (uint8_t)((strstr(v, "starter") ? W_STARTER : 0) |
			                 (strstr(v, "prep") ? W_PREP : 0) |
			                 (strstr(v, "bullet") ? W_BULLET : 0) |
			                 (strstr(v, "zone") ? W_ZONE : 0));
		}
	}
	return k;
}

static void lex_load(void)
{
	lex_abbr = cr_lexicon_load(CR_DATA(lexicon_abbreviations_tsv), true);
	lex_words = cr_lexicon_load(CR_DATA(lexicon_sbd_words_tsv), true);
	if (lex_abbr)
		abbr_kind = lex_kinds(lex_abbr, false);
	if (lex_words)
		word_kind = lex_kinds(lex_words, true);
}

static int abbr_lookup(const char *s, size_t n)
{
	if (!lex_abbr || n == 0 || n > 16)
		return AB_NONE;
	long r = cr_lexicon_find(lex_abbr, s, n);
	return r < 0 ? AB_NONE : abbr_kind[r];
}

static int word_lookup(const char *s, size_t n)
{
	if (!lex_words || n == 0 || n > 32)
		return 0;
	long r = cr_lexicon_find(lex_words, s, n);
	return r < 0 ? 0 : word_kind[r];
}

/* -------------------------------------------------------------- characters */

static inline uint32_t dec(const char *t, uint32_t p, uint32_t lim, int32_t *cp)
{
	unsigned char c = (unsigned char)t[p];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t + p, (utf8proc_ssize_t)(lim - p), cp);
	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	return (uint32_t)n;
}

static inline int cat(int32_t cp)
{
	return cp < 0 ? -1 : (int)utf8proc_category(cp);
}

static inline bool is_ws(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0 && cr_is_space(cp);
	if (cp == 0x85 || cp == 0x200B || cp == 0xFEFF)
		return true;
	int c = cat(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

static inline bool cat_is_letter(int c)
{
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Letters, marks, digits and format characters (soft hyphen, joiners) make words. */
static inline bool is_wordch(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0 && (cr_is_alpha(cp) || cr_is_digit(cp));
	int c = cat(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NL) || c == UTF8PROC_CATEGORY_CF;
}

static inline bool is_letter(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0 && cr_is_alpha(cp);
	return cat_is_letter(cat(cp));
}

/* ------------------------------------------------------------------ tokens */

enum {
	TF_ABBR = 7,          /* mask: AB_* kind of an abbreviation token */
	TF_INITIAL = 8,       /* one letter and its period */
	TF_MULTI = 16,        /* U.S., a.m. */
	TF_ELLIPSIS = 32,     /* ..., …, . . . */
	TF_SPACED = 64,       /* . . . */
	TF_POSS = 128,        /* 's */
	TF_URL = 256,
};
#define TF_PERIOD_END (TF_ABBR | TF_INITIAL | TF_MULTI)

typedef struct seg {
	const char *t;
	uint32_t len;
	CR_VEC(cr_token) toks;
	CR_VEC(uint16_t) fl;
	CR_VEC(cr_span) paras;
	CR_VEC(cr_sentence) sents;
} seg;

static void emit(seg *s, uint32_t a, uint32_t b, int kind, uint16_t flags)
{
	cr_token tk = { a, b, (uint8_t)kind };
	cr_vec_push(&s->toks, tk);
	cr_vec_push(&s->fl, flags);
}

static uint32_t scan_wordch(const seg *s, uint32_t q, uint32_t b)
{
	while (q < b) {
		int32_t cp;
		uint32_t n = dec(s->t, q, b, &cp);
		if (!is_wordch(cp))
			break;
		q += n;
	}
	return q;
}

static bool is_apos(const seg *s, uint32_t q, uint32_t b, uint32_t *n)
{
	if (s->t[q] == '\'') {
		*n = 1;
		return true;
	}
	if (q + 2 < b && (unsigned char)s->t[q] == 0xE2 && (unsigned char)s->t[q + 1] == 0x80 &&
	    (unsigned char)s->t[q + 2] == 0x99) {
		*n = 3;
		return true;
	}
	return false;
}

/* An apostrophe at q (n bytes) that starts a clitic ending the word: 's 'm 'd
   're 've 'll (as CoNLL and the Penn Treebank split them). Returns the number
   of letters after the apostrophe, or 0. */
static uint32_t clitic_at(const seg *s, uint32_t q, uint32_t n, uint32_t b)
{
	uint32_t r = q + n, l = 0;
	while (r + l < b && l < 3 && cr_is_alpha((unsigned char)s->t[r + l]))
		l++;
	if (l == 0 || l == 3)
		return 0;
	if (r + l < b) {
		int32_t cp;
		dec(s->t, r + l, b, &cp);
		if (is_wordch(cp))
			return 0;
	}
	char c0 = (char)cr_lower((unsigned char)s->t[r]);
	char c1 = l == 2 ? (char)cr_lower((unsigned char)s->t[r + 1]) : 0;
	if (l == 1)
		return c0 == 's' || c0 == 'm' || c0 == 'd' ? 1 : 0;
	return (c0 == 'r' && c1 == 'e') || (c0 == 'v' && c1 == 'e') || (c0 == 'l' && c1 == 'l') ? 2 : 0;
}

/* n't ending a word ("didn't", "can't"): the apostrophe at q, then t. */
static bool nt_at(const seg *s, uint32_t a, uint32_t q, uint32_t n, uint32_t b)
{
	uint32_t r = q + n;
	if (q - a < 2 || (s->t[q - 1] != 'n' && s->t[q - 1] != 'N') || r >= b ||
	    (s->t[r] != 't' && s->t[r] != 'T'))
		return false;
	if (r + 1 < b) {
		int32_t cp;
		dec(s->t, r + 1, b, &cp);
		if (is_wordch(cp))
			return false;
	}
	return true;
}

/* "U.S.", "a.m.", "Ph.D.": pieces of 1-2 ASCII letters, each with its period.
   [a, q) is the first piece and t[q] == '.'. Sets *end after the last period. */
static bool multi_period(const seg *s, uint32_t a, uint32_t q, uint32_t b, uint32_t *end)
{
	const char *t = s->t;
	if (q - a > 2)
		return false;
	for (uint32_t i = a; i < q; i++)
		if (!cr_is_alpha((unsigned char)t[i]))
			return false;
	int pieces = 1;
	uint32_t r = q;
	for (;;) {
		uint32_t u = r + 1, l = 0;
		while (u + l < b && l < 3 && cr_is_alpha((unsigned char)t[u + l]))
			l++;
		if (l >= 1 && l <= 2 && u + l < b && t[u + l] == '.') {
			pieces++;
			r = u + l;
			continue;
		}
		break;
	}
	if (pieces < 2)
		return false;
	*end = r + 1;
	return true;
}

/* "SEC", "ART": three or more capitals are an acronym, not an abbreviation. */
static bool all_caps(const char *p, uint32_t n)
{
	if (n < 3)
		return false;
	for (uint32_t i = 0; i < n; i++)
		if (!cr_is_upper((unsigned char)p[i]))
			return false;
	return true;
}

/* A digit (or '#') after at most two spaces from q: "No. 5", "Jan. 5". */
static bool digit_follows(const seg *s, uint32_t q)
{
	for (uint32_t i = 0; i < 3 && q + i < s->len; i++) {
		unsigned char c = (unsigned char)s->t[q + i];
		if (cr_is_digit(c) || c == '#')
			return true;
		if (c != ' ')
			return false;
	}
	return false;
}

/* The word (or, with kind NUMBER, the number with a suffix) that starts at a
   and has been scanned up to q. Emits it and returns its end. */
static uint32_t word_from(seg *s, uint32_t a, uint32_t q, uint32_t b, int kind)
{
	const char *t = s->t;
	for (;;) {
		q = scan_wordch(s, q, b);
		if (q >= b)
			break;
		unsigned char c = (unsigned char)t[q];
		uint32_t n;
		int32_t cp;
		if (c == '-' || (c == 0xE2 && q + 2 < b && (unsigned char)t[q + 1] == 0x80 &&
		                 ((unsigned char)t[q + 2] == 0x90 || (unsigned char)t[q + 2] == 0x91))) {
			n = c == '-' ? 1 : 3;
			if (q + n < b) {
				dec(t, q + n, b, &cp);
				if (is_wordch(cp)) {
					q += n;
					kind = CR_TOK_WORD;
					continue;
				}
			}
			break;
		}
		if (is_apos(s, q, b, &n)) {
			if (clitic_at(s, q, n, b) || q + n >= b)
				break;
			if (nt_at(s, a, q, n, b)) {
				emit(s, a, q - 1, kind, 0);
				return q - 1;
			}
			dec(t, q + n, b, &cp);
			if (is_letter(cp)) {
				q += n;
				continue;
			}
			break;
		}
		if (c == '.' && kind == CR_TOK_WORD) {
			uint32_t end;
			if (multi_period(s, a, q, b, &end)) {
				int ab = abbr_lookup(t + a, end - 1 - a);
				emit(s, a, end, CR_TOK_WORD, (uint16_t)(TF_MULTI | ab));
				return end;
			}
			if (q + 1 < b) {
				dec(t, q + 1, b, &cp);
				if (is_wordch(cp)) {
					/* "google.com" continues; "world.Today" splits */
					if (cp < 0x80 ? cr_is_lower(cp) : cat(cp) == UTF8PROC_CATEGORY_LL) {
						q++;
						continue;
					}
					break;
				}
				if (t[q + 1] == '.')
					break;      /* "etc..." : the dots are an ellipsis */
			}
			int ab = all_caps(t + a, q - a) ? AB_NONE : abbr_lookup(t + a, q - a);
			if (ab == AB_NUM && !digit_follows(s, q + 1))
				ab = AB_NONE;   /* "said no." keeps its period apart */
			if (ab) {
				emit(s, a, q + 1, CR_TOK_WORD, (uint16_t)ab);
				return q + 1;
			}
			uint32_t l1 = dec(t, a, b, &cp);
			if (a + l1 == q && is_letter(cp)) {
				emit(s, a, q + 1, CR_TOK_WORD, TF_INITIAL);
				return q + 1;
			}
		}
		break;
	}
	emit(s, a, q, kind, 0);
	return q;
}

/* A number starting at a digit: 1,640 2.5 10:30 1986/87 2022-03-25 5th 1.13bn. */
static uint32_t number_at(seg *s, uint32_t a, uint32_t b)
{
	const char *t = s->t;
	uint32_t q = a;
	while (q < b && cr_is_digit((unsigned char)t[q]))
		q++;
	while (q + 1 < b && cr_is_digit((unsigned char)t[q + 1]) &&
	       (t[q] == '.' || t[q] == ',' || t[q] == ':' || t[q] == '/' || t[q] == '-')) {
		q++;
		while (q < b && cr_is_digit((unsigned char)t[q]))
			q++;
	}
	if (q < b) {
		int32_t cp;
		dec(t, q, b, &cp);
		if (is_wordch(cp) || t[q] == '-' || t[q] == '\'')
			return word_from(s, a, q, b, CR_TOK_NUMBER);
	}
	emit(s, a, q, CR_TOK_NUMBER, 0);
	return q;
}

static bool ascii_punct_is_symbol(unsigned char c)
{
	return c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' ||
	       c == '|' || c == '~';
}

/* Tokens of [a, b), which holds no whitespace. */
static void tokens_general(seg *s, uint32_t a, uint32_t b)
{
	const char *t = s->t;
	uint32_t p = a;
	while (p < b) {
		unsigned char c = (unsigned char)t[p];
		int32_t cp;
		uint32_t n = dec(t, p, b, &cp);
		uint32_t an;
		if (cp < 0) {
			emit(s, p, p + 1, CR_TOK_SYMBOL, 0);
			p++;
			continue;
		}
		if (cr_is_digit(c)) {
			p = number_at(s, p, b);
			continue;
		}
		uint32_t cl;
		if (is_apos(s, p, b, &an) && s->toks.len && s->toks.items[s->toks.len - 1].end == p &&
		    s->toks.items[s->toks.len - 1].kind <= CR_TOK_NUMBER && (cl = clitic_at(s, p, an, b)) > 0) {
			bool poss = cl == 1 && (t[p + an] == 's' || t[p + an] == 'S');
			emit(s, p, p + an + cl, CR_TOK_WORD, poss ? TF_POSS : 0);
			p += an + cl;
			continue;
		}
		if (is_wordch(cp)) {
			p = word_from(s, p, p, b, CR_TOK_WORD);
			continue;
		}
		if (c == '.') {
			uint32_t q = p;
			while (q < b && t[q] == '.')
				q++;
			if (q - p >= 3) {
				emit(s, p, q, CR_TOK_PUNCT, TF_ELLIPSIS);
				p = q;
			} else {
				emit(s, p, p + 1, CR_TOK_PUNCT, 0);
				p++;
			}
			continue;
		}
		if (cp == 0x2026) {
			emit(s, p, p + n, CR_TOK_PUNCT, TF_ELLIPSIS);
			p += n;
			continue;
		}
		int k;
		if (cp < 0x80)
			k = cp < 0x20 || cp == 0x7F || ascii_punct_is_symbol(c) ? CR_TOK_SYMBOL : CR_TOK_PUNCT;
		else {
			int ct = cat(cp);
			k = ct >= UTF8PROC_CATEGORY_PC && ct <= UTF8PROC_CATEGORY_PO ? CR_TOK_PUNCT : CR_TOK_SYMBOL;
		}
		emit(s, p, p + n, k, 0);
		p += n;
	}
}

/* Chunk-edge punctuation around a URL or address: ( [ < " ' “ ‘ before; . , ; : ! ? ) ] > " ' ” ’ after. */
static uint32_t lead_punct(const char *t, uint32_t p, uint32_t b)
{
	unsigned char c = (unsigned char)t[p];
	if (c == '(' || c == '[' || c == '<' || c == '"' || c == '\'')
		return 1;
	if (c == 0xE2 && p + 2 < b && (unsigned char)t[p + 1] == 0x80 &&
	    ((unsigned char)t[p + 2] == 0x9C || (unsigned char)t[p + 2] == 0x98))
		return 3;
	return 0;
}

static uint32_t trail_punct(const char *t, uint32_t a, uint32_t q)
{
	switch (t[q - 1]) {
	case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '>': case '"': case '\'':
		return 1;
	}
	if (q - a >= 3 && (unsigned char)t[q - 3] == 0xE2 && (unsigned char)t[q - 2] == 0x80 &&
	    ((unsigned char)t[q - 1] == 0x9D || (unsigned char)t[q - 1] == 0x99))
		return 3;
	return 0;
}

static bool is_url(const char *p, uint32_t n)
{
	static const char *const pre[] = { "http://", "https://", "ftp://", "www." };
	static const uint8_t plen[] = { 7, 8, 6, 4 };
	int c = cr_lower((unsigned char)p[0]);
	if (c != 'h' && c != 'f' && c != 'w')
		return false;
	for (size_t i = 0; i < CR_ARRAY_LEN(pre); i++) {
		size_t l = plen[i];
		if (n > l && cr_ieq(p, pre[i], l) &&
		    (cr_is_alpha((unsigned char)p[l]) || cr_is_digit((unsigned char)p[l])))
			return true;
	}
	return false;
}

static bool is_email(const char *p, uint32_t n)
{
	uint32_t at = n, i;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '@') {
			if (at != n)
				return false;
			at = i;
		} else if (!(cr_is_alpha(c) || cr_is_digit(c) || c == '.' || c == '-' ||
		             (at == n && (c == '_' || c == '%' || c == '+')))) {
			return false;
		}
	}
	if (at == 0 || at == n || at + 1 >= n)
		return false;
	/* the domain: labels separated by dots, the last of two or more letters */
	uint32_t dot = n;
	for (i = at + 1; i < n; i++)
		if (p[i] == '.')
			dot = i;
	if (dot == n || dot == at + 1 || n - dot - 1 < 2)
		return false;
	for (i = dot + 1; i < n; i++)
		if (!cr_is_alpha((unsigned char)p[i]))
			return false;
	return true;
}

static void tokens_chunk(seg *s, uint32_t a, uint32_t b, bool has_at)
{
	uint32_t ca = a, cb = b, k;
	if (b - a < 5) {
		tokens_general(s, a, b);
		return;
	}
	while (ca < cb && (k = lead_punct(s->t, ca, cb)) > 0)
		ca += k;
	while (cb > ca && (k = trail_punct(s->t, ca, cb)) > 0)
		cb -= k;
	if (cb > ca && (is_url(s->t + ca, cb - ca) || (has_at && is_email(s->t + ca, cb - ca)))) {
		tokens_general(s, a, ca);
		emit(s, ca, cb, CR_TOK_WORD, TF_URL);
		tokens_general(s, cb, b);
		return;
	}
	tokens_general(s, a, b);
}

/* ". . ." (single spaces) starting at p, after whitespace or at the start. */
static bool spaced_ellipsis(const seg *s, uint32_t p, uint32_t ps, uint32_t pe)
{
	const char *t = s->t;
	return (p == ps || cr_is_space((unsigned char)t[p - 1])) && p + 4 < pe && t[p + 1] == ' ' &&
	       t[p + 2] == '.' && t[p + 3] == ' ' && t[p + 4] == '.' && (p + 5 == pe || t[p + 5] != '.');
}

static void tokenize(seg *s, uint32_t ps, uint32_t pe)
{
	uint32_t p = ps;
	while (p < pe) {
		int32_t cp;
		uint32_t n = dec(s->t, p, pe, &cp);
		if (is_ws(cp)) {
			p += n;
			continue;
		}
		if (s->t[p] == '.' && spaced_ellipsis(s, p, ps, pe)) {
			emit(s, p, p + 5, CR_TOK_PUNCT, TF_ELLIPSIS | TF_SPACED);
			p += 5;
			continue;
		}
		uint32_t ce = p + n;
		bool has_at = false;
		while (ce < pe) {
			unsigned char c = (unsigned char)s->t[ce];
			if (c < 0x80) {
				if (cr_is_space(c))
					break;
				has_at |= c == '@';
				ce++;
				continue;
			}
			uint32_t m = dec(s->t, ce, pe, &cp);
			if (is_ws(cp))
				break;
			ce += m;
		}
		tokens_chunk(s, p, ce, has_at);
		p = ce;
	}
}

/* --------------------------------------------------------------- sentences */

static inline bool ws_before(const seg *s, size_t i)
{
	return s->toks.items[i].start > s->toks.items[i - 1].end;
}

static int32_t tok_cp(const seg *s, size_t i, uint32_t off, uint32_t *n)
{
	const cr_token *tk = &s->toks.items[i];
	int32_t cp;
	uint32_t l = dec(s->t, tk->start + off, tk->end, &cp);
	if (n)
		*n = l;
	return cp;
}

static bool tok_is_char(const seg *s, size_t i, char c)
{
	const cr_token *tk = &s->toks.items[i];
	return tk->end == tk->start + 1 && s->t[tk->start] == c;
}

static bool is_bullet(const seg *s, size_t i)
{
	const cr_token *tk = &s->toks.items[i];
	if (tk->kind != CR_TOK_PUNCT && tk->kind != CR_TOK_SYMBOL)
		return false;
	return (word_lookup(s->t + tk->start, tk->end - tk->start) & W_BULLET) != 0;
}

/* Punctuation that ends a sentence, one character (or an ellipsis). */
static bool is_term_punct(const seg *s, size_t i)
{
	const cr_token *tk = &s->toks.items[i];
	if (tk->kind != CR_TOK_PUNCT)
		return false;
	if (s->fl.items[i] & TF_ELLIPSIS)
		return true;
	int32_t cp = tok_cp(s, i, 0, NULL);
	return cp == '.' || cp == '?' || cp == '!' || cp == 0x203C || cp == 0x2047 || cp == 0x2048 ||
	       cp == 0x2049 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x3002;
}

static bool is_terminal(const seg *s, size_t i, size_t t0)
{
	uint16_t f = s->fl.items[i];
	if (s->toks.items[i].kind == CR_TOK_WORD)
		return (f & TF_PERIOD_END) != 0;
	if (!is_term_punct(s, i))
		return false;
	/* "[...]" and "(...)" mark an omission, not an end */
	if ((f & TF_ELLIPSIS) && i > t0 && !ws_before(s, i) && (tok_is_char(s, i - 1, '[') || tok_is_char(s, i - 1, '(')))
		return false;
	return true;
}

static bool is_closer(const seg *s, size_t i)
{
	if (s->toks.items[i].kind != CR_TOK_PUNCT)
		return false;
	int32_t cp = tok_cp(s, i, 0, NULL);
	if (cp == '"' || cp == '\'')
		return true;
	int c = cat(cp);
	return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF;
}

static bool is_opener(const seg *s, size_t i)
{
	if (s->toks.items[i].kind != CR_TOK_PUNCT)
		return false;
	int32_t cp = tok_cp(s, i, 0, NULL);
	if (cp == '"' || cp == '\'')
		return true;
	int c = cat(cp);
	return c == UTF8PROC_CATEGORY_PS || c == UTF8PROC_CATEGORY_PI;
}

enum { NX_OTHER, NX_UPPER, NX_LOWER, NX_DIGIT, NX_OPEN_UPPER, NX_CURRENCY, NX_BULLET, NX_SPACED };

static int word_case(const seg *s, size_t i)
{
	int32_t cp = tok_cp(s, i, 0, NULL);
	int c = cat(cp);
	if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LO)
		return NX_UPPER;
	if (c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LM)
		return NX_LOWER;
	return NX_OTHER;
}

/* What the token at n says about a sentence starting there. */
static int next_class(const seg *s, size_t n, size_t t1)
{
	const cr_token *tk = &s->toks.items[n];
	uint16_t f = s->fl.items[n];
	if (f & TF_SPACED)
		return NX_SPACED;
	switch (tk->kind) {
	case CR_TOK_WORD:
		return (f & TF_POSS) ? NX_OTHER : word_case(s, n);
	case CR_TOK_NUMBER:
		return NX_DIGIT;
	case CR_TOK_SYMBOL:
		if (is_bullet(s, n))
			return NX_BULLET;
		return cat(tok_cp(s, n, 0, NULL)) == UTF8PROC_CATEGORY_SC ? NX_CURRENCY : NX_OTHER;
	default:
		if (is_bullet(s, n))
			return NX_BULLET;
		if (is_opener(s, n) && n + 1 < t1 && !ws_before(s, n + 1)) {
			const cr_token *nt = &s->toks.items[n + 1];
			if (nt->kind == CR_TOK_NUMBER)
				return NX_OPEN_UPPER;
			if (nt->kind == CR_TOK_WORD && word_case(s, n + 1) == NX_UPPER)
				return NX_OPEN_UPPER;
		}
		return NX_OTHER;
	}
}

/* Number of code points of token i, up to 3. */
static int tok_cps(const seg *s, size_t i)
{
	const cr_token *tk = &s->toks.items[i];
	int k = 0;
	for (uint32_t p = tk->start; p < tk->end && k < 3; k++) {
		int32_t cp;
		p += dec(s->t, p, tk->end, &cp);
	}
	return k;
}

/* "At 5 a.m." is not a sentence: a short phrase opened by a preposition. */
static bool time_fragment(const seg *s, size_t ss, size_t i)
{
	if (i - ss + 1 > 4)
		return false;
	const cr_token *tk = &s->toks.items[ss];
	return tk->kind == CR_TOK_WORD && (word_lookup(s->t + tk->start, tk->end - tk->start) & W_PREP);
}

/* Is there a sentence boundary after the terminal run i..k? n = k + 1 exists. */
static bool boundary(const seg *s, size_t ss, size_t i, size_t k, size_t t1)
{
	const cr_token *ti = &s->toks.items[i];
	uint16_t f = s->fl.items[i];
	size_t n = k + 1;
	bool plain = ti->kind == CR_TOK_PUNCT && !(f & TF_ELLIPSIS);

	if (!ws_before(s, n)) {
		/* "world.Today", "1,000.That" */
		const cr_token *tn = &s->toks.items[n];
		if (!plain || k != i || i <= ss || tn->kind != CR_TOK_WORD ||
		    (s->fl.items[n] & (TF_INITIAL | TF_MULTI | TF_URL)))
			return false;
		if (word_case(s, n) != NX_UPPER || tok_cps(s, n) < 2)
			return false;
		uint32_t l;
		tok_cp(s, n, 0, &l);
		int32_t c2 = tok_cp(s, n, l, NULL);
		if (!(c2 < 0x80 ? cr_is_lower(c2) : cat(c2) == UTF8PROC_CATEGORY_LL))
			return false;
		const cr_token *tp = &s->toks.items[i - 1];
		if (tp->kind == CR_TOK_NUMBER)
			return true;
		return tp->kind == CR_TOK_WORD && tok_cps(s, i - 1) >= 2 && !(s->fl.items[i - 1] & TF_URL) &&
		       abbr_lookup(s->t + tp->start, tp->end - tp->start) == AB_NONE;
	}

	int nx = next_class(s, n, t1);
	if (f & TF_SPACED)
		return false;
	if (f & TF_ELLIPSIS)
		return nx == NX_UPPER || nx == NX_OPEN_UPPER;
	if (nx == NX_SPACED) {
		/* "compounds. . . . The practice": the ellipsis opens the next sentence */
		return n + 1 < t1 && ws_before(s, n + 1) && next_class(s, n + 1, t1) == NX_UPPER;
	}
	if (ti->kind == CR_TOK_WORD) {
		int ab = f & TF_ABBR;
		if (ab == AB_TITLE || ab == AB_INNER)
			return false;
		if (ab == AB_POST) {
			if (nx != NX_UPPER && nx != NX_OPEN_UPPER)
				return false;
			const cr_token *tn = &s->toks.items[n];
			if (word_lookup(s->t + tn->start, tn->end - tn->start) & W_ZONE)
				return false;   /* "10 a.m. ET" */
			return !time_fragment(s, ss, i);
		}
		if (ab == AB_NUM) {
			if (nx == NX_DIGIT)
				return false;
		} else {
			/* an initial or "U.S.": only before a common sentence starter */
			if (nx != NX_UPPER || (s->fl.items[n] & (TF_INITIAL | TF_MULTI)))
				return false;
			const cr_token *tn = &s->toks.items[n];
			return (word_lookup(s->t + tn->start, tn->end - tn->start) & W_STARTER) != 0;
		}
	}
	/* "N°. 1026": a period after a symbol before a number */
	if (plain && nx == NX_DIGIT && i > ss && !ws_before(s, i) && s->toks.items[i - 1].kind == CR_TOK_SYMBOL)
		return false;
	return nx == NX_UPPER || nx == NX_DIGIT || nx == NX_OPEN_UPPER || nx == NX_CURRENCY || nx == NX_BULLET;
}

enum { MK_NONE, MK_NUM, MK_LOWER, MK_UPPER };

/* A list marker at i: "1." "1.)" "1)" "a." "a)" followed by whitespace. */
static bool marker_at(const seg *s, size_t i, size_t t1, int *kind, long *val, size_t *mend)
{
	const cr_token *tk = &s->toks.items[i];
	uint16_t f = s->fl.items[i];
	uint32_t len = tk->end - tk->start;
	const char *p = s->t + tk->start;
	size_t j = i;
	if (tk->kind == CR_TOK_NUMBER) {
		if (len > 3)
			return false;
		long v = 0;
		for (uint32_t q = 0; q < len; q++) {
			if (!cr_is_digit((unsigned char)p[q]))
				return false;
			v = v * 10 + (p[q] - '0');
		}
		if (j + 1 >= t1 || ws_before(s, j + 1))
			return false;
		if (tok_is_char(s, j + 1, '.')) {
			j++;
			if (j + 1 < t1 && !ws_before(s, j + 1) && tok_is_char(s, j + 1, ')'))
				j++;
		} else if (tok_is_char(s, j + 1, ')')) {
			j++;
		} else {
			return false;
		}
		*kind = MK_NUM;
		*val = v;
	} else if (tk->kind == CR_TOK_WORD && cr_is_alpha((unsigned char)p[0]) &&
	           ((f & TF_INITIAL) || len == 1)) {
		if (len == 1 && !(j + 1 < t1 && !ws_before(s, j + 1) && tok_is_char(s, j + 1, ')')))
			return false;
		if (j + 1 < t1 && !ws_before(s, j + 1) && tok_is_char(s, j + 1, ')'))
			j++;
		*kind = cr_is_lower((unsigned char)p[0]) ? MK_LOWER : MK_UPPER;
		*val = p[0];
	} else {
		return false;
	}
	if (j + 1 >= t1 || !ws_before(s, j + 1))
		return false;
	*mend = j;
	return true;
}

static void push_sentence(seg *s, size_t a, size_t b, uint32_t para)
{
	cr_sentence st = {
		.start = s->toks.items[a].start, .end = s->toks.items[b - 1].end,
		.first_token = (uint32_t)a, .ntokens = (uint32_t)(b - a), .paragraph = para,
	};
	cr_vec_push(&s->sents, st);
}

static void split_sentences(seg *s, size_t t0, size_t t1, uint32_t para)
{
	size_t ss = t0, i = t0;
	int mk_kind = MK_NONE;
	long mk_val = 0;
	while (i < t1) {
		int k;
		long v;
		size_t mend;
		if ((i == ss || (i == ss + 1 && is_bullet(s, ss))) && marker_at(s, i, t1, &k, &v, &mend)) {
			mk_kind = k;
			mk_val = v;
			i = mend + 1;
			continue;
		}
		if (i > ss && ws_before(s, i)) {
			bool cut = is_bullet(s, i);
			if (!cut && mk_kind != MK_NONE && marker_at(s, i, t1, &k, &v, &mend) && k == mk_kind &&
			    v == mk_val + 1)
				cut = true;
			if (cut) {
				push_sentence(s, ss, i, para);
				ss = i;
				continue;
			}
		}
		if (is_terminal(s, i, t0)) {
			size_t e = i;
			while (e + 1 < t1 && !ws_before(s, e + 1) && (is_term_punct(s, e + 1) || is_closer(s, e + 1)))
				e++;
			if (e + 1 >= t1 || boundary(s, ss, i, e, t1)) {
				push_sentence(s, ss, e + 1, para);
				ss = e + 1;
			}
			i = e + 1;
			continue;
		}
		i++;
	}
	if (ss < t1)
		push_sentence(s, ss, t1, para);
}

/* -------------------------------------------------------------- paragraphs */

typedef struct line {
	uint32_t cs, ce;        /* content, trimmed of ASCII whitespace */
	uint32_t indent;        /* leading whitespace bytes */
	uint32_t cplen;         /* code points of the content */
	uint32_t first_word;    /* code points of the first word */
	bool trail_ws;          /* spaces or tabs before the newline */
	bool term;              /* ends with sentence punctuation (closers skipped) */
	bool lower_start;       /* starts with an ASCII lower-case letter or '(' */
	bool bullet_start;
} line;

static bool line_ends_term(const char *t, uint32_t cs, uint32_t ce)
{
	uint32_t q = ce;
	while (q > cs) {
		unsigned char c = (unsigned char)t[q - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']') {
			q--;
			continue;
		}
		if (q - cs >= 3 && (unsigned char)t[q - 3] == 0xE2 && (unsigned char)t[q - 2] == 0x80 &&
		    ((unsigned char)t[q - 1] == 0x9D || (unsigned char)t[q - 1] == 0x99)) {
			q -= 3;
			continue;
		}
		break;
	}
	if (q == cs)
		return false;
	unsigned char c = (unsigned char)t[q - 1];
	if (c == '.' || c == '?' || c == '!')
		return true;
	return q - cs >= 3 && (unsigned char)t[q - 3] == 0xE2 && (unsigned char)t[q - 2] == 0x80 &&
	       (unsigned char)t[q - 1] == 0xA6;
}

static void scan_lines(const seg *s, line **out, size_t *nout)
{
	CR_VEC(line) v = { 0 };
	const char *t = s->t;
	uint32_t p = 0;
	for (;;) {
		const char *nl = memchr(t + p, '\n', s->len - p);
		uint32_t e = nl ? (uint32_t)(nl - t) : s->len;
		line ln = { 0 };
		uint32_t cs = p, ce = e;
		while (cs < e && cr_is_space((unsigned char)t[cs]))
			cs++;
		while (ce > cs && cr_is_space((unsigned char)t[ce - 1]))
			ce--;
		ln.cs = cs;
		ln.ce = ce;
		ln.indent = cs - p;
		for (uint32_t q = ce; q < e; q++)
			if (t[q] == ' ' || t[q] == '\t')
				ln.trail_ws = true;
		uint32_t cpl = 0, fw = 0;
		bool in_first = true;
		for (uint32_t q = cs; q < ce; q++) {
			unsigned char c = (unsigned char)t[q];
			if ((c & 0xC0) != 0x80) {
				cpl++;
				if (in_first && cr_is_space(c))
					in_first = false;
				if (in_first)
					fw++;
			}
		}
		ln.cplen = cpl;
		ln.first_word = fw;
		if (cs < ce) {
			unsigned char c = (unsigned char)t[cs];
			ln.term = line_ends_term(t, cs, ce);
			ln.lower_start = cr_is_lower(c) || c == '(';
			int32_t cp;
			uint32_t n = dec(t, cs, ce, &cp);
			uint32_t after = cs + n;
			ln.bullet_start = (word_lookup(t + cs, n) & W_BULLET) ||
			                  ((c == '-' || c == '*') && after < ce && t[after] == ' ');
		}
		cr_vec_push(&v, ln);
		if (!nl)
			break;
		p = e + 1;
	}
	*out = v.items;
	*nout = v.len;
}

static bool line_blank(const line *l)
{
	return l->cs >= l->ce;
}

static void paragraphs(seg *s, cr_wrap_mode mode, bool *wrapped_out)
{
	line *L;
	size_t nl;
	scan_lines(s, &L, &nl);

	/* the statistic: lines followed by another non-blank line */
	size_t n = 0, nlen = 0, nnoterm = 0;
	uint32_t hist[257] = { 0 }, indents[17] = { 0 };
	for (size_t i = 0; i < nl; i++) {
		if (line_blank(&L[i]))
			continue;
		indents[CR_MIN(L[i].indent, 16u)]++;
		if (i + 1 >= nl || line_blank(&L[i + 1]) || L[i].bullet_start || L[i + 1].bullet_start)
			continue;   /* list items say nothing about wrapping */
		n++;
		nlen += L[i].cplen >= 25 && L[i].cplen <= 100;
		nnoterm += !L[i].term;
		hist[CR_MIN(L[i].indent + L[i].cplen, 256u)]++;
	}
	bool wrapped = mode == CR_WRAP_HARD ||
	               (mode == CR_WRAP_AUTO && n >= 3 && nlen * 10 >= n * 7 && nnoterm * 2 >= n);
	*wrapped_out = wrapped;
	uint32_t width = 0, base_indent = 0;
	if (wrapped) {
		size_t acc = 0;
		for (uint32_t w = 0; w <= 256; w++) {
			acc += hist[w];
			if (acc * 10 >= n * 9) {
				width = w;
				break;
			}
		}
		for (uint32_t d = 1; d <= 16; d++)
			if (indents[d] > indents[base_indent])
				base_indent = d;
	}

	size_t i = 0;
	while (i < nl) {
		if (line_blank(&L[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j + 1 < nl && !line_blank(&L[j + 1])) {
			const line *a = &L[j], *b = &L[j + 1];
			bool join;
			if (wrapped)
				join = b->indent <= base_indent && !b->bullet_start &&
				       (b->lower_start || a->indent + a->cplen + 1 + b->first_word > width);
			else
				join = a->trail_ws && b->lower_start;
			if (!join)
				break;
			j++;
		}
		size_t t0 = s->toks.len;
		tokenize(s, L[i].cs, L[j].ce);
		size_t t1 = s->toks.len;
		if (t1 > t0) {
			cr_span sp = { s->toks.items[t0].start, s->toks.items[t1 - 1].end };
			uint32_t para = (uint32_t)s->paras.len;
			cr_vec_push(&s->paras, sp);
			split_sentences(s, t0, t1, para);
		}
		i = j + 1;
	}
	free(L);
}

/* ------------------------------------------------------------------ public */

int cr_segment_ex(cr_segmentation *out, const char *text, size_t len, const cr_segment_opts *opts)
{
	memset(out, 0, sizeof *out);
	if (len >= UINT32_MAX)
		return -1;
	pthread_once(&lex_once, lex_load);
	if (len == 0)
		return 0;
	seg s = { .t = text, .len = (uint32_t)len };
	/* news text has a token per 5-6 bytes: reserve once instead of regrowing */
	s.toks.cap = s.fl.cap = len / 5 + 16;
	s.toks.items = cr_xmalloc(s.toks.cap * sizeof *s.toks.items);
	s.fl.items = cr_xmalloc(s.fl.cap * sizeof *s.fl.items);
	bool wrapped = false;
	paragraphs(&s, opts ? opts->wrap : CR_WRAP_AUTO, &wrapped);
	free(s.fl.items);
	out->paragraphs = s.paras.items;
	out->nparagraphs = s.paras.len;
	out->sentences = s.sents.items;
	out->nsentences = s.sents.len;
	out->tokens = s.toks.items;
	out->ntokens = s.toks.len;
	out->hard_wrapped = wrapped;
	return 0;
}

int cr_segment(cr_segmentation *out, const char *text, size_t len)
{
	return cr_segment_ex(out, text, len, NULL);
}

void cr_segmentation_free(cr_segmentation *s)
{
	if (!s)
		return;
	free(s->paragraphs);
	free(s->sentences);
	free(s->tokens);
	memset(s, 0, sizeof *s);
}
