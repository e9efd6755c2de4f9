/*
 * words.c: the time engine's tokenizer, its word index and the readings of
 * words that every rule file shares.
 *
 * cr_tx_tokenize cuts the text into words (letters, digits, apostrophes and
 * hyphens inside a word; the dot of "Sept." but not of "year.") and
 * punctuation, each a byte range with its lower-case form, the number its
 * digits give and its calendar reading (kind and value from
 * data/lexicon/time-words.tsv). The rules then read words, never bytes,
 * except where a form glues digits and letters ("10:35am", "Dec31").
 *
 * Shared readings: lexicon rows of a kind (cr_tx_word_row), counts ("a
 * few", "twenty-four", "the couple of": cr_tx_count_at), numbers in words
 * ("nineteen hundred ninety three", "twenty third": cr_tx_spelled, from
 * data/lexicon/num-words.tsv, loaded with the word index), "1/2" and "and
 * a half" (cr_tx_half_at), and the 24-hour clock a zone follows ("1023
 * GMT": cr_tx_zoned_clock, which the year rule asks too, so that the date
 * rules need nothing of the clock rules).
 */
#include "time/internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/*
 * The word index: a speed filter in front of the calendar lexicon and the
 * plain rule starters of may_start. Most words of a text are neither, and
 * one hash of the word against a sparse open-addressed table of hashes (one
 * key in eight slots) says so at once, where a lookup in the lexicon's map
 * or a binary search of the starters costs several string calls. Built once
 * per process from the same built-in lexicon cr_timex_new loads, read-only
 * after; a calendar word still reads its row from ctx->words, so the index
 * only ever skips words the lexicon does not hold.
 */
enum { IX_CAL = 1, IX_START = 2 };

typedef struct ixent {
	const char *key;     /* lower case, in ix_lex or ix_starters */
	uint8_t len, flags;  /* IX_* */
} ixent;

static pthread_once_t ix_once = PTHREAD_ONCE_INIT;
static uint32_t *ix_h;       /* hash per slot, 0 when empty */
static ixent *ix_ent;        /* the key of each slot */
static size_t ix_mask;       /* slots - 1 */
static cr_lexicon *ix_lex;   /* kept for the keys */
static cr_lexicon *num_lx;  /* data/lexicon/num-words.tsv: "five", "forty", "third" */
/* bit min(len,31) of cr_tx_num_pair[first letter][second letter]: a number word of that shape
 * exists. Filled once with the word index, read-only after. */
uint32_t cr_tx_num_pair[26][26];
static uint8_t ix_alnum[256]; /* ASCII letters and digits, for tokenize's inner loop */

/* Plain (lower-case, non-calendar) words a rule can start at; see may_start. */
static const char *const ix_starters[] = {
	"after", "before", "beginning", "between", "black", "christmas", "coming", "current", "each", "earlier",
	"early", "earth", "easter", "end", "every", "everyday", "final", "first", "following", "for", "from",
	"half", "halloween", "in", "independence", "juneteenth", "labor", "labour", "last", "late", "later",
	"latest", "midday", "middle", "midnight", "mlk", "next", "noon", "noonish", "once", "past", "previous",
	"quarter", "quarterly", "recent", "soon", "saint", "start", "thanksgiving", "the", "this", "today", "tomorrow",
	"tonight", "twice", "weekend", "xmas", "yesterday"};

/* FNV-1a over ASCII-lower-cased bytes, a step at a time so tokenize can
 * hash a word while it copies it; a finished hash of 0 is stored as 1
 * (0 marks an empty slot). */
#define IX_BASIS 2166136261u

static inline uint32_t ix_step(uint32_t h, unsigned char c)
{
	return (h ^ (uint32_t)cr_lower(c)) * 16777619u;
}

static inline uint32_t ix_hash(const char *s, size_t n)
{
	uint32_t h = IX_BASIS;
	for (size_t i = 0; i < n; i++)
		h = ix_step(h, (unsigned char)s[i]);
	return h;
}

static void ix_add(const char *key, uint8_t flag)
{
	size_t n = strlen(key);
	if (n >= sizeof ((word *)0)->low)
		return;   /* longer than any word can be */
	uint32_t h = ix_hash(key, n);
	h = h ? h : 1;
	size_t i = h & ix_mask;
	while (ix_h[i] && !(ix_h[i] == h && ix_ent[i].len == n && cr_ieq(ix_ent[i].key, key, n)))
		i = (i + 1) & ix_mask;
	if (!ix_h[i]) {
		ix_h[i] = h;
		ix_ent[i].key = key;
		ix_ent[i].len = (uint8_t)n;
	}
	ix_ent[i].flags |= flag;
}

static void ix_build(void)
{
	ix_lex = cr_lexicon_load(CR_DATA(lexicon_time_words_tsv), true);
	size_t rows = ix_lex ? ix_lex->nrows : 0, cap = 64;
	while (cap < 8 * (rows + CR_ARRAY_LEN(ix_starters)))
		cap *= 2;
	ix_h = cr_xcalloc(cap, sizeof *ix_h);
	ix_ent = cr_xcalloc(cap, sizeof *ix_ent);
	ix_mask = cap - 1;
	for (size_t r = 0; r < rows; r++)
		ix_add(ix_lex->cols[r][0], IX_CAL);
	for (size_t i = 0; i < CR_ARRAY_LEN(ix_starters); i++)
		ix_add(ix_starters[i], IX_START);
	for (int c = 0; c < 256; c++)
		ix_alnum[c] = cr_is_alpha(c) || cr_is_digit(c);
	num_lx = cr_lexicon_load(CR_DATA(lexicon_num_words_tsv), true);
	for (size_t r = 0; num_lx && r < num_lx->nrows; r++) {
		const char *k = num_lx->cols[r][0];
		size_t l = strlen(k);
		if (l >= 2 && k[0] >= 'a' && k[0] <= 'z' && k[1] >= 'a' && k[1] <= 'z')
			cr_tx_num_pair[k[0] - 'a'][k[1] - 'a'] |= 1u << (l < 31 ? l : 31);
	}
}

/* The IX_* flags of s[0..n) read case-insensitively, 0 when it is neither;
 * h is ix_hash(s, n). The index must be built (ix_once). */
static inline uint8_t ix_find(const char *s, size_t n, uint32_t h)
{
	h = h ? h : 1;
	for (size_t i = h & ix_mask; ix_h[i]; i = (i + 1) & ix_mask) {
		if (ix_h[i] != h || ix_ent[i].len != n)
			continue;
		size_t q = 0;
		while (q < n && (unsigned char)ix_ent[i].key[q] == cr_lower((unsigned char)s[q]))
			q++;   /* keys are lower case */
		if (q == n)
			return ix_ent[i].flags;
	}
	return 0;
}

/*
 * Number and calendar reading of a word of l bytes whose prefix hashes
 * (ix_hash of its first i bytes, i = 0..l) are in hs. Returns the index
 * flags of the lexicon key (the word less a final dot or "'s") and its
 * length in *keylen.
 */
static uint8_t classify_at(const cr_timex_ctx *ctx, word *w, size_t l, const uint32_t *hs, size_t *keylen)
{
	w->kind = K_NONE;
	w->num = -1;
	size_t digits = 0;
	while (digits < l && cr_is_digit((unsigned char)w->low[digits]))
		digits++;
	if (digits > 0 && digits <= 4) {
		const char *suf = w->low + digits;
		if (!*suf || strcmp(suf, "st") == 0 || strcmp(suf, "nd") == 0 || strcmp(suf, "rd") == 0 ||
		    strcmp(suf, "th") == 0 || strcmp(suf, "s") == 0) {
			w->num = atoi(w->low);
			w->ndigits = (uint8_t)digits;
			w->ordinal = *suf && strcmp(suf, "s") != 0;
		}
	}
	size_t kl = l;
	if (kl && w->low[kl - 1] == '.')
		kl--;
	if (kl > 2 && w->low[kl - 2] == '\'' && w->low[kl - 1] == 's')
		kl -= 2;   /* "month's" */
	*keylen = kl;
	uint8_t flags = ix_find(w->low, kl, hs[kl]);
	if (!(flags & IX_CAL))
		return flags;
	long r = cr_lexicon_find(ctx->words, w->low, kl);
	if (r < 0 || ctx->words->ncols[r] < 3)
		return flags;
	const char *k = ctx->words->cols[r][1], *v = ctx->words->cols[r][2];
	/* one compare, picked by the first letter, instead of a chain of them */
	static const struct { const char *name; uint8_t kind; } kinds[] = {
		{"month", K_MONTH}, {"weekday", K_WEEKDAY}, {"unit", K_UNIT}, {"season", K_SEASON}, {"part", K_PART},
		{"count", K_COUNT}, {"ordinal", K_ORD}, {"daypart", K_DAYPART}, {"set", K_SET}, {"future", K_FUTURE},
		{"ref", K_REF}};
	w->kind = K_NONE;
	for (size_t q = 0; q < CR_ARRAY_LEN(kinds); q++)
		if (kinds[q].name[0] == k[0] && strcmp(kinds[q].name, k) == 0) {
			w->kind = kinds[q].kind;
			break;
		}
	w->val = atoi(v);
	const char *dash = strchr(v, '-');
	w->val2 = dash ? atoi(dash + 1) : w->val;
	return flags;
}

/* Sets the number and calendar fields of a word from its low. */
void cr_tx_classify(const cr_timex_ctx *ctx, word *w)
{
	pthread_once(&ix_once, ix_build);
	uint32_t hs[sizeof w->low];
	size_t l = 0;
	hs[0] = IX_BASIS;
	while (l < sizeof w->low - 1 && w->low[l]) {
		hs[l + 1] = ix_step(hs[l], (unsigned char)w->low[l]);
		l++;
	}
	size_t kl;
	classify_at(ctx, w, l, hs, &kl);
}

/*
 * Words and punctuation of the text; a word keeps inner hyphens, apostrophes,
 * dots of abbreviations. starter[i] is set when word i is one of the plain
 * rule starters (see may_start); the caller frees it and s->w with free().
 *
 * The time engine scans raw text with this tokenizer rather than the
 * segmenter's tokens: it runs before segmentation and on its own (the
 * TempEval-3 and Recognizers-Text benchmarks give it bare strings), and its
 * rules want words the segmenter splits ("mid-2008", "a.m.", "o'clock" are one
 * word here) together with each word's class from the rule index, looked up
 * in the same pass. extract/analyze.c maps its spans onto the segmenter's
 * tokens (overlay).
 */
void cr_tx_tokenize(scan *s, const char *t, size_t len, uint8_t **starter)
{
	pthread_once(&ix_once, ix_build);
	/* about one word in five bytes of news: one allocation for most texts */
	size_t cap = len / 5 + 64;
	s->w = cr_xmalloc(cap * sizeof *s->w);
	uint8_t *st = cr_xmalloc(cap);
	uint32_t hs[sizeof s->w->low];
	hs[0] = IX_BASIS;
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)t[i];
		if (cr_is_space(c)) {
			i++;
			continue;
		}
		if (s->n == cap) {
			cap *= 2;
			s->w = cr_xrealloc(s->w, cap * sizeof *s->w);
			st = cr_xrealloc(st, cap);
		}
		word *w = &s->w[s->n];
		memset(w, 0, sizeof *w);
		st[s->n++] = 0;
		w->start = (uint32_t)i;
		if (cr_is_alpha(c) || cr_is_digit(c)) {
			size_t j = i;
			while (j < len) {
				unsigned char d = (unsigned char)t[j];
				if (ix_alnum[d]) {
					j++;
				} else if ((d == '-' || d == '\'') && j + 1 < len && ix_alnum[(unsigned char)t[j + 1]]) {
					j++;
				} else if (d == '.' && j - i <= 4 && j + 1 < len && !cr_is_alpha((unsigned char)t[j + 1]) &&
				           !cr_is_digit((unsigned char)t[j + 1]) && cr_is_alpha((unsigned char)t[i])) {
					/* "Sept." "Jan." keep the dot so the sentence end is not read as one */
					j++;
					break;
				} else {
					break;
				}
			}
			w->end = (uint32_t)j;
			w->cap = cr_is_upper(c);
			size_t k = 0;
			for (size_t p = i; p < j && k + 1 < sizeof w->low; p++) {
				unsigned char lc = (unsigned char)cr_lower((unsigned char)t[p]);
				w->low[k++] = (char)lc;
				hs[k] = ix_step(hs[k - 1], lc);
			}
			w->low[k] = 0;
			size_t kl;
			uint8_t f = classify_at(s->ctx, w, k, hs, &kl);
			/* a word ending in a dot that is not an abbreviated month or weekday gives the dot
			   back: "Sept." keeps it, "year." and "May." at a sentence end do not */
			if (j > i && t[j - 1] == '.' &&
			    ((w->kind != K_MONTH && w->kind != K_WEEKDAY) || strcmp(w->low, "may.") == 0 ||
			     strcmp(w->low, "june.") == 0 || strcmp(w->low, "july.") == 0)) {
				w->end--;
				if (k)
					w->low[--k] = 0;
				f = classify_at(s->ctx, w, k, hs, &kl);
				j--;
			}
			if (kl != k)
				f = ix_find(w->low, k, hs[k]);
			st[s->n - 1] = (f & IX_START) != 0;
			i = j;
		} else {
			size_t k = 1;
			if (c >= 0x80)
				while (i + k < len && ((unsigned char)t[i + k] & 0xC0) == 0x80)
					k++;
			w->end = (uint32_t)(i + k);
			w->punct = true;
			w->low[0] = (char)c;
			w->low[1] = 0;
			if (c == 0xE2 && k == 3 && (unsigned char)t[i + 2] == 0x99) {
				w->low[0] = '\'';   /* ’ */
				w->punct = false;
			}
			i += k;
		}
	}
	*starter = st;
}

/* The lexicon row of p[0..l) when its kind is `kind`, or -1. */
long cr_tx_word_row(const scan *s, const char *p, size_t l, const char *kind)
{
	long r = cr_lexicon_find(s->ctx->words, p, l);
	if (r < 0 || s->ctx->words->ncols[r] < 3 || strcmp(s->ctx->words->cols[r][1], kind) != 0)
		return -1;
	return r;
}

/* Whether word i is a 24-hour clock time in digits that a time zone follows ("1023 GMT", "0800 UTC"). */
bool cr_tx_zoned_clock(const scan *s, size_t i)
{
	if (i + 1 >= s->n || s->w[i].num < 0 || (s->w[i].ndigits != 3 && s->w[i].ndigits != 4) ||
	    s->w[i].low[s->w[i].ndigits] != 0 || s->w[i].num % 100 >= 60 || s->w[i].num / 100 > 23)
		return false;
	const word *z = &s->w[i + 1];
	size_t zl = strlen(z->low);
	return !z->punct && z->cap && zl <= 4 && cr_tx_word_row(s, z->low, zl, "zone") >= 0;
}

/* "a few", "several", "many": counts that give no figure */
bool cr_tx_vague_count(const scan *s, size_t i)
{
	return is(s, i, "few") || is(s, i, "several") || is(s, i, "many") ||
	       ((is(s, i, "a") || is(s, i, "the")) && (is(s, i + 1, "few") || is(s, i + 1, "couple")));
}

/* The value of a count word of the lexicon ("twenty"), or 0. */
static int count_word(const cr_timex_ctx *ctx, const char *w, size_t len)
{
	long r = cr_lexicon_find(ctx->words, w, len);
	if (r < 0 || ctx->words->ncols[r] < 3 || strcmp(ctx->words->cols[r][1], "count") != 0)
		return 0;
	return atoi(ctx->words->cols[r][2]);
}

/* "twenty four", "twenty-four": a tens word and a digit word; 0 when word i starts none. */
static int compound_count(const scan *s, size_t i, size_t *used)
{
	const word *w = &s->w[i];
	if (w->kind == K_COUNT) {
		if (w->val >= 20 && w->val % 10 == 0 && i + 1 < s->n && s->w[i + 1].kind == K_COUNT &&
		    s->w[i + 1].val >= 1 && s->w[i + 1].val <= 9 && !is(s, i + 1, "a") && !is(s, i + 1, "an") &&
		    !cr_tx_vague_count(s, i + 1)) {
			*used = 2;
			return w->val + s->w[i + 1].val;
		}
		return 0;
	}
	const char *dash = NULL;
	for (size_t k = 5; k < 8 && !dash; k++) {
		if (!w->low[k - 1])
			return 0;   /* shorter than a tens word */
		if (w->low[k] == '-')
			dash = w->low + k;
	}
	if (!dash)
		return 0;
	int tens = count_word(s->ctx, w->low, (size_t)(dash - w->low));
	int ones = count_word(s->ctx, dash + 1, strlen(dash + 1));
	if (tens >= 20 && tens % 10 == 0 && ones >= 1 && ones <= 9 && dash[1] != 'a') {
		*used = 1;
		return tens + ones;
	}
	return 0;
}

int cr_tx_count_at(const scan *s, size_t i, size_t *used)
{
	if (i >= s->n)
		return 0;
	const word *w = &s->w[i];
	if (w->num > 0 && w->ndigits <= 3 && !w->ordinal) {
		*used = 1;
		return w->num;
	}
	if (w->kind == K_NONE) {
		/* only a tens word ("twenty-", "forty-", "sixty-", "eighty-", "ninety-") can start a count here */
		char c0 = w->low[0], c1 = w->low[1];
		if ((c0 == 't' && (c1 == 'w' || c1 == 'h')) || (c0 == 'f' && (c1 == 'o' || c1 == 'i')) ||
		    (c0 == 's' && (c1 == 'i' || c1 == 'e')) || (c0 == 'e' && c1 == 'i') || (c0 == 'n' && c1 == 'i'))
			return compound_count(s, i, used);
		return 0;
	}
	if (w->kind == K_COUNT) {
		if (w->val >= 20) {
			int c = compound_count(s, i, used);
			if (c)
				return c;
		}
		*used = 1;
		if ((is(s, i, "a") || is(s, i, "the")) && i + 1 < s->n && (is(s, i + 1, "few") || is(s, i + 1, "couple"))) {
			*used = 2 + is(s, i + 2, "of");
			return s->w[i + 1].val;
		}
		return w->val;
	}
	return 0;
}

/* "1/2" or "and a half" at i: the words it takes, or 0. */
size_t cr_tx_half_at(const scan *s, size_t i)
{
	if (i + 2 < s->n && s->w[i].num == 1 && is(s, i + 1, "/") && s->w[i + 2].num == 2 &&
	    s->w[i + 1].start == s->w[i].end && s->w[i + 2].start == s->w[i + 1].end)
		return 3;
	if (is(s, i, "and") && is(s, i + 1, "a") && is(s, i + 2, "half"))
		return 3;
	return 0;
}

/* ---- number words (data/lexicon/num-words.tsv) ------------------------------- */

enum { NW_NONE, NW_UNIT, NW_TEEN, NW_TENS, NW_HUNDRED, NW_THOUSAND, NW_ORD };

/* The class of a number word ("twenty": tens 20, "third": ord 3). */
static int numword(const char *w, size_t l, int *val)
{
	if (!num_lx || l < 2 || w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z' ||
	    !(cr_tx_num_pair[w[0] - 'a'][w[1] - 'a'] & (1u << (l < 31 ? l : 31))))
		return NW_NONE;
	long r = cr_lexicon_find(num_lx, w, l);
	if (r < 0 || num_lx->ncols[r] < 3)
		return NW_NONE;
	const char *c = num_lx->cols[r][1];
	long long v = atoll(num_lx->cols[r][2]);
	*val = (int)(v > 100000 ? 100000 : v);
	if (strcmp(c, "unit") == 0)
		return NW_UNIT;
	if (strcmp(c, "teen") == 0)
		return NW_TEEN;
	if (strcmp(c, "tens") == 0)
		return NW_TENS;
	if (strcmp(c, "hundred") == 0)
		return NW_HUNDRED;
	if (strcmp(c, "scale") == 0 && v == 1000)
		return NW_THOUSAND;
	if (strcmp(c, "ord") == 0 && v <= 90)
		return NW_ORD;
	return NW_NONE;
}

/*
 * A number written in words at word i: "twenty four", "twenty-four",
 * "twenty and four", "nineteen hundred ninety three", "two thousand and
 * thirty two"; with ord_ok it may end in an ordinal ("twenty third",
 * "thirty-first") and *ord says so. Returns the value and sets *end to the
 * word after it, or returns -1. A word is taken whole or not at all.
 */
int cr_tx_spelled(const scan *s, size_t i, size_t *end, bool ord_ok, bool *ord)
{
	int total = 0, cur = 0, last = NW_NONE;
	bool any = false, is_ord = false;
	size_t k = i, good_end = i;
	int good_val = -1;
	bool good_ord = false;
	while (k < s->n && !is_ord) {
		const word *w = &s->w[k];
		if (w->punct)
			break;
		if (any && is(s, k, "and") && (last == NW_HUNDRED || last == NW_THOUSAND || last == NW_TENS)) {
			k++;
			continue;
		}
		/* the parts of a hyphenated word */
		const char *p = w->low;
		bool ok = true;
		int nparts = 0;
		while (*p && ok) {
			size_t l = strcspn(p, "-");
			int v = 0, c = numword(p, l, &v);
			nparts++;
			if (c == NW_ORD && !ord_ok)
				c = NW_NONE;
			if (c == NW_ORD) {
				int oc = v < 10 ? NW_UNIT : v < 20 ? NW_TEEN : NW_TENS;
				if ((oc == NW_UNIT && (last == NW_UNIT || last == NW_TEEN)) ||
				    (oc != NW_UNIT && (last == NW_UNIT || last == NW_TEEN || last == NW_TENS)))
					ok = false;
				else
					cur += v, is_ord = true, last = oc;
			} else if (c == NW_UNIT || c == NW_TEEN || c == NW_TENS) {
				if (is_ord || (c == NW_UNIT && (last == NW_UNIT || last == NW_TEEN)) ||
				    (c != NW_UNIT && (last == NW_UNIT || last == NW_TEEN || last == NW_TENS)))
					ok = false;
				else
					cur += v, last = c;
			} else if (c == NW_HUNDRED) {
				if (is_ord || !(last == NW_UNIT || last == NW_TEEN) || cur >= 100)
					ok = false;
				else
					cur *= 100, last = c;
			} else if (c == NW_THOUSAND) {
				if (is_ord || last == NW_NONE || last == NW_THOUSAND || total)
					ok = false;
				else
					total = cur * 1000, cur = 0, last = c;
			} else {
				ok = false;
			}
			p += l;
			if (*p == '-')
				p++;
		}
		if (!ok || nparts == 0)
			break;
		any = true;
		k++;
		good_end = k;
		good_val = total + cur;
		good_ord = is_ord;
	}
	if (good_val < 0 || good_end == i)
		return -1;
	*end = good_end;
	if (ord)
		*ord = good_ord;
	else if (good_ord)
		return -1;
	return good_val;
}

/* A year in words: "nineteen eighty six", "two thousand and twenty", "seventeen hundred thirty three". */
int cr_tx_spelled_year(const scan *s, size_t i, size_t *end)
{
	size_t e;
	int v = cr_tx_spelled(s, i, &e, false, NULL);
	if (v >= 1000 && v <= 2100) {
		*end = e;
		return v;
	}
	if (v >= 11 && v <= 20 && e < s->n) {
		size_t e2;
		int v2 = cr_tx_spelled(s, e, &e2, false, NULL);
		if (v2 >= 10 && v2 <= 99) {
			*end = e2;
			return v * 100 + v2;
		}
	}
	return -1;
}

/* Whether h[0..l) is a number word of num-words.tsv (the tail of cr_tx_maybe_numword). */
bool cr_tx_is_numword(const char *h, size_t l)
{
	int v;
	return numword(h, l, &v) != NW_NONE;
}

/* A count at i: digits, "a", "two", "twenty four". */
int cr_tx_count_words(const scan *s, size_t i, size_t *end)
{
	size_t used = 0;
	int n = cr_tx_count_at(s, i, &used);
	size_t e;
	int v = cr_tx_spelled(s, i, &e, false, NULL);
	if (v > 0 && e > i + used)
		return *end = e, v;
	if (n > 0)
		*end = i + used;
	return n;
}

/* The word that ends at byte e, counting from i; s->n when none does. */
size_t cr_tx_word_ending_at(const scan *s, size_t i, uint32_t e)
{
	size_t k = i;
	while (k < s->n && s->w[k].end < e)
		k++;
	return k < s->n && s->w[k].end == e ? k : s->n;
}
