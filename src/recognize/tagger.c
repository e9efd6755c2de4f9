/*
 * tagger.c: names of people, organisations, places and other things, found by
 * an averaged structured perceptron (Collins 2002) with Viterbi decoding.
 *
 * Each word gets up to CR_TAGGER_NFEAT feature hashes from fixed templates: the
 * word (digits mapped to 0, curly quotes and dashes to ASCII, a possessive "'s"
 * and an abbreviation's stop dropped, initials "U.S." -> "US"), its lower-case
 * form, shape and short shape, prefixes and suffixes of 1-4 bytes, the words
 * and shapes two either side, word and shape bigrams, first-in-sentence and
 * headline-style (all capitals, Title Case) flags crossed with the shape,
 * gazetteer hits (type and B/I position of the longest gazetteer match over the
 * word, and its neighbours'), title words ("Mr", "General") before, at and after
 * the word, and the SCOWL class of a capitalised word (a common word, a proper
 * noun, or both). A hash picks a row of a flat weight table (feature hashing:
 * no feature dictionary, collisions tolerated); a row holds one int16 weight per
 * label. A word's emission score for label y is the scaled sum of its rows'
 * y-th weights; first-order transition scores link labels, and Viterbi finds
 * the best label sequence under the IOB2 constraint (I-t only after B-t/I-t).
 * A title word that opens a PER name is left out of it.
 *
 * Documents get a second pass (cr_tagger_doc_names): from the first pass's
 * labels, each capitalised word learns the majority type of its other
 * occurrences in the document (cr_tagger_doc_features), those rows are added to
 * the emission scores, and Viterbi runs again. Names carry a confidence from
 * max-marginals (see confidences()).
 *
 * The model file is a fixed little-endian layout read in place, without a copy
 * (see cr_tagger_load). Speed: word strings are hashed once per word, the
 * features of a whole sentence are hashed before their rows are read, and the
 * rows are prefetched so that the table lookups overlap.
 *
 * Limits: trained on 1996 Reuters newswire (CoNLL-2003), so modern names and
 * outlets rely on shape, context, gazetteers and the document pass; tokens are
 * expected roughly PTB-style (punctuation split off; "'s" may stay attached);
 * ASCII lower-casing for most features, utf8proc for other letters; a single
 * sentence of more than a few thousand tokens is tagged as one sequence.
 */
#include "recognize/tagger.h"
#include "recognize/gazetteer.h"
#include "util/map.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#define TAGGER_SSE2 1
#endif

#define NL CR_TAGGER_NLABELS
#define MODEL_MAGIC "CRNER\0\0\0"
#define MODEL_VERSION 1
#define MODEL_HEADER 512
#define MAXW 48  /* bytes of a word used for features */


#define MODEL_DOC_FEATURES CR_TAGGER_MODEL_DOC_FEATURES
#define VL 12    /* labels padded to three vectors of four lanes */

struct cr_tagger {
	const int16_t *w;
	uint32_t mask, flags;
	float scale, conf_t;
	bool finite;                  /* every transition score is finite */
	float trans[(NL + 1) * NL];
	float mtrans[(NL + 1) * NL];  /* trans with -INFINITY where IOB2 forbids */
	float vtr[(NL + 1) * VL];     /* mtrans padded: vtr[p * VL + y], -INFINITY in lanes y >= NL */
	float vtrt[NL * VL];          /* mtrans transposed and padded: vtrt[y * VL + p] for p < NL */
};

const char *cr_tagger_label_name(int label)
{
	static const char *const names[NL] = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG",
	                                      "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
	return label >= 0 && label < NL ? names[label] : "?";
}

/* ---- Words, shapes ----------------------------------------------------- */

static char shape_class(int32_t cp)
{
	if (cp < 128) {
		if (cr_is_upper(cp))
			return 'X';
		if (cr_is_lower(cp))
			return 'x';
		if (cr_is_digit(cp))
			return 'd';
		return (char)cp;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return 'X';
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
		return 'x';
	case UTF8PROC_CATEGORY_ND:
		return 'd';
	case UTF8PROC_CATEGORY_PD:
		return '-';
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
		return '\'';
	default:
		return '*';
	}
}

/* Next code point of s[0..len) at *i; invalid bytes count as one '*' each. */
static int32_t next_cp(const char *s, size_t len, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	if (c < 128) {
		(*i)++;
		return c;
	}
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + *i, (utf8proc_ssize_t)(len - *i), &cp);
	if (k <= 0) {
		(*i)++;
		return 0xFFFD;
	}
	*i += (size_t)k;
	return cp;
}

static void shape_impl(char *shape, size_t cap, const char *word, size_t len, size_t maxrun)
{
	size_t k = 0, run = 0;
	char prev = 0;
	for (size_t i = 0; i < len && k + 1 < cap;) {
		char c = shape_class(next_cp(word, len, &i));
		run = c == prev ? run + 1 : 1;
		prev = c;
		if (run <= maxrun)
			shape[k++] = c;
	}
	if (cap)
		shape[k] = 0;
}

/* Both shapes of a word in one pass over its characters (the same strings as
   cr_tagger_shape and cr_tagger_short_shape into buffers of cap bytes), with
   their lengths. */
static void shapes(char *sh, size_t *shlen, char *ss, size_t *sslen, size_t cap, const char *word, size_t len)
{
	size_t a = 0, b = 0, run = 0;
	char prev = 0;
	for (size_t i = 0; i < len && (a + 1 < cap || b + 1 < cap);) {
		char c = shape_class(next_cp(word, len, &i));
		run = c == prev ? run + 1 : 1;
		prev = c;
		if (run <= 4 && a + 1 < cap)
			sh[a++] = c;
		if (run <= 1 && b + 1 < cap)
			ss[b++] = c;
	}
	sh[a] = ss[b] = 0;
	*shlen = a;
	*sslen = b;
}

void cr_tagger_shape(char *shape, size_t cap, const char *word, size_t len)
{
	shape_impl(shape, cap, word, len, 4);
}

void cr_tagger_short_shape(char *shape, size_t cap, const char *word, size_t len)
{
	shape_impl(shape, cap, word, len, 1);
}

/* The normalised word (digits -> 0, curly quotes and dashes -> ASCII) and its
   lower-case form, each cut to MAXW bytes. */
static void normalise(char *norm, size_t *nlen, char *low, size_t *llen, const char *w, size_t len)
{
	size_t a = 0, b = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)w[i];
		if (c < 128) {
			i++;
			if (cr_is_digit(c))
				c = '0';
			if (a < MAXW)
				norm[a++] = (char)c;
			if (b < MAXW)
				low[b++] = (char)cr_lower(c);
			continue;
		}
		size_t s = i;
		int32_t cp = next_cp(w, len, &i);
		const char *rep = NULL;
		switch (cp) {
		case 0x2018: case 0x2019: case 0x201B: case 0x2032: rep = "'"; break;
		case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: rep = "\""; break;
		case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: rep = "-"; break;
		default: break;
		}
		if (rep) {
			if (a < MAXW)
				norm[a++] = rep[0];
			if (b < MAXW)
				low[b++] = rep[0];
			continue;
		}
		size_t n = i - s;
		if (a + n <= MAXW) {
			memcpy(norm + a, w + s, n);
			a += n;
		}
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
		if (m > 0 && b + (size_t)m <= MAXW) {
			memcpy(low + b, enc, (size_t)m);
			b += (size_t)m;
		}
	}
	/* Initials lose their stops in the cased word, so that "US" shares what
	   1996 Reuters taught about "U.S." (the lower-case form keeps them: "us"). */
	if (a >= 4 && a % 2 == 0) {
		bool initials = true;
		for (size_t k = 0; k < a && initials; k += 2)
			initials = cr_is_upper(norm[k]) && norm[k + 1] == '.';
		if (initials) {
			for (size_t k = 0; k < a / 2; k++)
				norm[k] = norm[2 * k];
			a /= 2;
		}
	}
	/* "Mr." and "Mr", "Corp." and "Corp" share features (the shape still differs);
	   "U.S." keeps its stop. */
	if (a > 1 && norm[a - 1] == '.' && !memchr(norm, '.', a - 1) && b > 1 && low[b - 1] == '.') {
		a--;
		b--;
	}
	*nlen = a;
	*llen = b;
}

/* ---- Feature hashing --------------------------------------------------- */

static inline uint64_t fh_init(uint32_t tmpl)
{
	return 0xcbf29ce484222325ULL ^ ((uint64_t)(tmpl + 1) * 0x9E3779B97F4A7C15ULL);
}

static inline uint64_t fh_bytes(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;  /* separator: "ab"+"c" differs from "a"+"bc" */
}

static inline uint32_t fh_final(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (uint32_t)h == CR_TAGGER_NOFEAT ? 0 : (uint32_t)h;
}

static inline uint64_t fh_mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 31);
}

static inline uint64_t fh_str(const char *s, size_t n)
{
	return fh_bytes(0xcbf29ce484222325ULL, s, n);
}

/* A word's strings are hashed once; features combine the hashes. */
typedef struct tok {
	uint64_t hn, hl, hsh, hss;      /* normalised word, lower case, shape, short shape */
	uint64_t hpre[4], hsuf[4];      /* prefixes and suffixes of 1..4 bytes (lower case) */
	uint8_t llen, gaz, title;
	char dict;  /* dict_class of a capitalised word, '-' for others */
} tok;

static void pad_tok(tok *t, const char *s)
{
	memset(t, 0, sizeof *t);
	t->hn = t->hl = t->hsh = t->hss = fh_str(s, strlen(s));
}

/* Feature lexicons, loaded once and read-only: title words, and the SCOWL
   word classes (l: common word, c: proper noun only, b: both). */
static cr_lexicon *titles, *dict;
static pthread_once_t titles_once = PTHREAD_ONCE_INIT;
static char titles_err[64];   /* why they are missing: cr_tagger_default_error */

static void load_titles(void)
{
	titles = cr_lexicon_load(CR_DATA(model_ner_titles_tsv), true);
	if (!titles)
		snprintf(titles_err, sizeof titles_err, "data/model/ner-titles.tsv is not built in");
	dict = cr_lexicon_load(CR_DATA(model_ner_words_tsv), true);
	if (!dict && !titles)
		snprintf(titles_err, sizeof titles_err, "data/model/ner-titles.tsv and ner-words.tsv are not built in");
	else if (!dict)
		snprintf(titles_err, sizeof titles_err, "data/model/ner-words.tsv is not built in");
}

/* 'l', 'c', 'b' from the word list, 'n' when absent. */
static char dict_class(const char *low, size_t len)
{
	long r = dict && len ? cr_lexicon_find(dict, low, len) : -1;
	return r >= 0 && dict->ncols[r] > 1 ? dict->cols[r][1][0] : 'n';
}

static bool is_title(const char *low, size_t len)
{
	pthread_once(&titles_once, load_titles);
	if (len && low[len - 1] == '.')
		len--;
	return titles && len && cr_lexicon_find(titles, low, len) >= 0;
}

/* An all-capitals sentence (a headline): no word has a lower-case ASCII letter
   and at least two words have two or more capitals. */
static bool all_caps_sentence(const char *const *words, const size_t *lens, size_t n)
{
	size_t caps = 0;
	for (size_t i = 0; i < n; i++) {
		size_t u = 0;
		for (size_t j = 0; j < lens[i]; j++) {
			if (cr_is_lower(words[i][j]))
				return false;
			u += cr_is_upper(words[i][j]);
		}
		caps += u >= 2;
	}
	return caps >= 2;
}

/* A Title Case sentence (a headline in many outlets' style): at least three
   words of four or more letters, all capitalised. */
static bool title_case_sentence(const char *const *words, const size_t *lens, size_t n)
{
	size_t long_words = 0;
	for (size_t i = 0; i < n; i++) {
		if (lens[i] < 4 || !cr_is_alpha(words[i][0]))
			continue;
		size_t letters = 0;
		for (size_t j = 0; j < lens[i]; j++)
			letters += cr_is_alpha(words[i][j]);
		if (letters < 4)
			continue;
		if (!cr_is_upper(words[i][0]))
			return false;
		long_words++;
	}
	return long_words >= 3;
}

enum {
	F_BIAS, F_W, F_L, F_SH, F_SS, F_P1, F_P2, F_P3, F_P4, F_S1, F_S2, F_S3, F_S4,
	F_LM1, F_LP1, F_LM2, F_LP2, F_SSM1, F_SSP1, F_SSM2, F_SSP2, F_SS_M1_0, F_SS_0_P1,
	F_SS_M1_0_P1, F_L_M1_0, F_L_0_P1, F_FIRST_SS, F_FIRST_L, F_CAPS_SS, F_CAPS_G,
	F_G, F_GM1, F_GP1, F_G_SS, F_TM1, F_TM2, F_TM1_SS, F_WM1_SS, F_SH_M1_0, F_L_P1_P2,
	F_T0, F_TP1, F_POSS, F_DICT, F_DICT_SS, F_CAPS_DICT, F_D1, F_D2, F_D3, F_COUNT
};
_Static_assert(F_COUNT <= CR_TAGGER_NFEAT, "feature slots");
_Static_assert(F_D1 == CR_TAGGER_DOC_SLOT && F_COUNT == CR_TAGGER_DOC_SLOT + CR_TAGGER_NDOC, "document slots");

/* Bytes of a possessive ending ("'s", "’s") on a longer word, else 0. CoNLL
   splits "Russia 's"; many tokenizers keep "Russia's" whole. */
static size_t poss_len(const char *w, size_t len)
{
	if (len > 2 && (w[len - 1] == 's' || w[len - 1] == 'S')) {
		if (w[len - 2] == '\'')
			return 2;
		if (len > 4 && memcmp(w + len - 4, "\xe2\x80\x99", 3) == 0)
			return 4;
	}
	return 0;
}

/* Features of a byte-sized value (a gazetteer label, a word-list class), and
   the first step of their crossings with the short shape, for every value:
   the same hashes as F1 and F2 in cr_tagger_features. */
static struct {
	uint32_t g[256], gm1[256], gp1[256], dict[256];
	uint64_t g_ss[256], dict_ss[256];
} small_feats;
static pthread_once_t small_feats_once = PTHREAD_ONCE_INIT;

static void init_small_feats(void)
{
	for (unsigned j = 0; j < 256; j++) {
		small_feats.g[j] = fh_final(fh_mix(fh_init(F_G), j));
		small_feats.gm1[j] = fh_final(fh_mix(fh_init(F_GM1), j));
		small_feats.gp1[j] = fh_final(fh_mix(fh_init(F_GP1), j));
		small_feats.g_ss[j] = fh_mix(fh_init(F_G_SS), j);
		uint64_t d = (uint64_t)(char)j;  /* as (uint64_t)tok.dict */
		small_feats.dict[j] = fh_final(fh_mix(fh_init(F_DICT), d));
		small_feats.dict_ss[j] = fh_mix(fh_init(F_DICT_SS), d);
	}
}

/*
 * A document's words, each with its hashed strings and word-list class (all
 * functions of the word's bytes alone), so that a word repeated in a document
 * is normalised, shaped and hashed once. Title-word lookups are kept when made
 * (title: -1 not looked up). Words point into the caller's text.
 */
typedef struct wc_entry {
	const char *w;
	size_t len;
	tok t;
	int8_t title;
	bool have;
} wc_entry;

typedef struct word_cache {
	int32_t *slot;   /* power-of-two table of entry indices, -1 empty */
	size_t mask;
	wc_entry *e;     /* room for every word of the document */
	size_t ne, cap;
} word_cache;

static void wc_init(word_cache *wc, size_t n)
{
	size_t sz = 16;
	while (sz < 2 * n)
		sz *= 2;
	wc->slot = cr_xmalloc(sz * sizeof *wc->slot);
	memset(wc->slot, 0xff, sz * sizeof *wc->slot);
	wc->mask = sz - 1;
	wc->e = cr_xmalloc((n ? n : 1) * sizeof *wc->e);
	wc->ne = 0;
	wc->cap = n;
}

static void wc_free(word_cache *wc)
{
	free(wc->slot);
	free(wc->e);
}

/* The entry of w[0..len), added (have == false) when new; NULL when full. */
static wc_entry *wc_get(word_cache *wc, const char *w, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t k = 0; k < len; k++)
		h = (h ^ (unsigned char)w[k]) * 0x100000001b3ULL;
	size_t idx = (size_t)(h ^ (h >> 29)) & wc->mask;
	for (;; idx = (idx + 1) & wc->mask) {
		int32_t s = wc->slot[idx];
		if (s < 0) {
			if (wc->ne == wc->cap)
				return NULL;
			wc_entry *e = &wc->e[wc->ne];
			e->w = w;
			e->len = len;
			e->have = false;
			wc->slot[idx] = (int32_t)wc->ne++;
			return e;
		}
		wc_entry *e = &wc->e[s];
		if (e->len == len && memcmp(e->w, w, len) == 0)
			return e;
	}
}

static int features_impl(uint32_t *feats, const char *const *words, const size_t *lens0, size_t n, word_cache *wc);

int cr_tagger_features(uint32_t *feats, const char *const *words, const size_t *lens0, size_t n)
{
	return features_impl(feats, words, lens0, n, NULL);
}

/* Word lengths without a possessive ending: features see "Russia's" as
   "Russia"; poss says which words had one. */
static void strip_possessives(size_t *lens, bool *poss, const char *const *words, const size_t *lens0, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t pl = poss_len(words[i], lens0[i]);
		lens[i] = lens0[i] - pl;
		poss[i] = pl > 0;
	}
}

/* The gazetteer labels of a sentence's words (zero without a gazetteer). */
static void gazetteer_tags(uint8_t *gtags, const char *const *words, const size_t *lens, size_t n, bool caps)
{
	const cr_gazetteer *gz = cr_gazetteer_default();
	if (!gz || !n)
		return;
	if (!caps) {
		cr_gazetteer_tag(gtags, gz, words, lens, n);
		return;
	}
	/* Headlines: look the words up title-cased ("RUSSIA" -> "Russia"). */
	size_t tot = 0;
	for (size_t i = 0; i < n; i++)
		tot += lens[i];
	char *buf = cr_xmalloc(tot + 1);
	const char **tw = cr_xmalloc(n * sizeof *tw);
	size_t off = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < lens[i]; j++)
			buf[off + j] = j ? (char)cr_lower(words[i][j]) : words[i][j];
		tw[i] = buf + off;
		off += lens[i];
	}
	cr_gazetteer_tag(gtags, gz, tw, lens, n);
	free(tw);
	free(buf);
}

static inline bool capitalised(const char *w, size_t len)
{
	return len && (cr_is_upper(w[0]) || (unsigned char)w[0] >= 0xC0);
}

/* The hashed strings and word-list class of word w (cap: it is
   capitalised); with_title: whether to look it up as a title word. */
static void word_tok(tok *t, const char *w, size_t len, bool cap, bool with_title)
{
	char norm[MAXW], low[MAXW], sh[16], ss[16];
	size_t nl, ll, shl, ssl;
	normalise(norm, &nl, low, &ll, w, len);
	shapes(sh, &shl, ss, &ssl, sizeof sh, w, len);
	t->hn = fh_str(norm, nl);
	t->hsh = fh_str(sh, shl);
	t->hss = fh_str(ss, ssl);
	/* the lower-case word and its prefixes share their first bytes: fh_str(low, k)
	   is the state after k bytes, closed with the separator */
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t k = 0; k < ll; k++) {
		h = (h ^ (unsigned char)low[k]) * 0x100000001b3ULL;
		if (k < 4)
			t->hpre[k] = (h ^ 0xff) * 0x100000001b3ULL;
	}
	t->hl = (h ^ 0xff) * 0x100000001b3ULL;
	for (size_t k = 1; k <= 4 && k <= ll; k++)
		t->hsuf[k - 1] = fh_str(low + ll - k, k);
	t->llen = (uint8_t)ll;
	t->title = with_title && is_title(low, ll);
	t->dict = cap ? dict_class(low, ll) : '-';
}

/* A word seen before in the document, from its cache entry; the title-word
   lookup is made (and kept) the first time it is wanted. */
static void cached_tok(tok *t, wc_entry *ce, bool with_title)
{
	*t = ce->t;
	if (!with_title) {
		t->title = 0;
		return;
	}
	if (ce->title < 0) {
		char norm[MAXW], low[MAXW];
		size_t nl, ll;
		normalise(norm, &nl, low, &ll, ce->w, ce->len);
		ce->title = is_title(low, ll);
	}
	t->title = (uint8_t)ce->title;
}

/* The tok of every word of a sentence (lens without possessives), through
   the document's word cache wc when there is one. */
static void word_toks(tok *t, const char *const *words, const size_t *lens, const uint8_t *gtags, size_t n,
                      word_cache *wc)
{
	for (size_t i = 0; i < n; i++) {
		/* Title words matter next to a name: look up only capitalised words and
		   words before one ("striker Alan Shearer"). */
		bool cap = capitalised(words[i], lens[i]);
		bool with_title = cap || (i + 1 < n && capitalised(words[i + 1], lens[i + 1]));
		wc_entry *ce = wc ? wc_get(wc, words[i], lens[i]) : NULL;
		if (ce && ce->have) {
			cached_tok(&t[i], ce, with_title);
			t[i].gaz = gtags[i];
			continue;
		}
		word_tok(&t[i], words[i], lens[i], cap, with_title);
		t[i].gaz = gtags[i];
		if (ce) {
			ce->t = t[i];
			ce->title = with_title ? (int8_t)t[i].title : -1;
			ce->have = true;
		}
	}
}

/* The feature hashes f of word i of n, c, between m2 m1 and p1 p2 (the
   sentence pads beyond its ends); mode: the sentence's headline style;
   poss: the word had a possessive ending. */
static inline void word_features(uint32_t *f, const tok *c, const tok *m1, const tok *m2, const tok *p1, const tok *p2,
                                 size_t i, size_t n, int mode, bool poss)
{
	for (int k = 0; k < CR_TAGGER_NFEAT; k++)
		f[k] = CR_TAGGER_NOFEAT;
#define F1(id, a) f[id] = fh_final(fh_mix(fh_init(id), (a)))
#define F2(id, a, b) f[id] = fh_final(fh_mix(fh_mix(fh_init(id), (a)), (b)))
#define F3(id, a, b, c) f[id] = fh_final(fh_mix(fh_mix(fh_mix(fh_init(id), (a)), (b)), (c)))
	f[F_BIAS] = fh_final(fh_init(F_BIAS));
	F1(F_W, c->hn);
	F1(F_L, c->hl);
	F1(F_SH, c->hsh);
	F1(F_SS, c->hss);
	for (int k = 1; k <= 4 && k <= c->llen; k++) {
		F1(F_P1 + k - 1, c->hpre[k - 1]);
		F1(F_S1 + k - 1, c->hsuf[k - 1]);
	}
	F1(F_LM1, m1->hl);
	F1(F_LP1, p1->hl);
	F1(F_LM2, m2->hl);
	F1(F_LP2, p2->hl);
	F1(F_SSM1, m1->hss);
	F1(F_SSP1, p1->hss);
	F1(F_SSM2, m2->hss);
	F1(F_SSP2, p2->hss);
	F2(F_SS_M1_0, m1->hss, c->hss);
	F2(F_SS_0_P1, c->hss, p1->hss);
	F3(F_SS_M1_0_P1, m1->hss, c->hss, p1->hss);
	F2(F_L_M1_0, m1->hl, c->hl);
	F2(F_L_0_P1, c->hl, p1->hl);
	F2(F_SH_M1_0, m1->hsh, c->hsh);
	F2(F_L_P1_P2, p1->hl, p2->hl);
	F2(F_WM1_SS, m1->hn, c->hss);
	if (i == 0) {
		F1(F_FIRST_SS, c->hss);
		F1(F_FIRST_L, c->hl);
	}
	if (mode) {
		F2(F_CAPS_SS, (uint64_t)mode, c->hss);
		F2(F_CAPS_G, (uint64_t)mode, c->gaz);
		F2(F_CAPS_DICT, (uint64_t)mode, (uint64_t)c->dict);
	}
	f[F_G] = small_feats.g[c->gaz];
	f[F_GM1] = small_feats.gm1[i >= 1 ? m1->gaz : NL];
	f[F_GP1] = small_feats.gp1[i + 1 < n ? p1->gaz : NL];
	f[F_G_SS] = fh_final(fh_mix(small_feats.g_ss[c->gaz], c->hss));
	if (i >= 1 && m1->title) {
		F1(F_TM1, 1);
		F1(F_TM1_SS, c->hss);
	}
	if (i >= 2 && m2->title)
		F1(F_TM2, 1);
	if (c->title)
		F1(F_T0, 1);
	if (i + 1 < n && p1->title)
		F1(F_TP1, 1);
	if (poss)
		F1(F_POSS, 1);
	f[F_DICT] = small_feats.dict[(unsigned char)c->dict];
	f[F_DICT_SS] = fh_final(fh_mix(small_feats.dict_ss[(unsigned char)c->dict], c->hss));
#undef F1
#undef F2
#undef F3
}

/* cr_tagger_features; wc, when not NULL, caches the document's words (all
   the words of all calls must fit in it). */
static int features_impl(uint32_t *feats, const char *const *words, const size_t *lens0, size_t n, word_cache *wc)
{
	pthread_once(&titles_once, load_titles);
	pthread_once(&small_feats_once, init_small_feats);
	tok *t = cr_xmalloc((n ? n : 1) * sizeof *t);
	uint8_t *gtags = cr_xcalloc(n ? n : 1, 1);
	size_t *lens = cr_xmalloc((n ? n : 1) * sizeof *lens);
	bool *poss = cr_xmalloc(n ? n : 1);
	strip_possessives(lens, poss, words, lens0, n);
	bool caps = all_caps_sentence(words, lens, n);
	int mode = caps ? 1 : title_case_sentence(words, lens, n) ? 2 : 0;  /* headline styles */
	gazetteer_tags(gtags, words, lens, n, caps);
	word_toks(t, words, lens, gtags, n, wc);
	tok pad_start, pad_end;
	pad_tok(&pad_start, "<s>");
	pad_tok(&pad_end, "</s>");
	for (size_t i = 0; i < n; i++) {
		const tok *m1 = i >= 1 ? &t[i - 1] : &pad_start, *m2 = i >= 2 ? &t[i - 2] : &pad_start;
		const tok *p1 = i + 1 < n ? &t[i + 1] : &pad_end, *p2 = i + 2 < n ? &t[i + 2] : &pad_end;
		word_features(feats + i * CR_TAGGER_NFEAT, &t[i], m1, m2, p1, p2, i, n, mode, poss[i]);
	}
	free(t);
	free(gtags);
	free(lens);
	free(poss);
	return 0;
}

/*
 * Document-level features (Ratinov & Roth 2009, "extended prediction history",
 * here over the whole document): a capitalised word tends to keep one type
 * within a story ("Sullivan" after "Scott Sullivan"; "Firefox" is not a
 * person in one paragraph and a place in the next). From first-pass labels,
 * each capitalised word gets the majority type of its OTHER occurrences in the
 * document ("O" when they were never tagged), alone, crossed with its short
 * shape, and with how unanimous the others were.
 */
typedef struct doc_count {
	uint32_t c[CR_ENT_NTYPES];
} doc_count;

void cr_tagger_doc_features(uint32_t *feats, const char *const *words, const size_t *lens0, const uint8_t *labels, size_t n)
{
	size_t *lens = cr_xmalloc((n ? n : 1) * sizeof *lens);
	for (size_t i = 0; i < n; i++)
		lens[i] = lens0[i] - poss_len(words[i], lens0[i]);
	cr_map *m = cr_map_new();
	CR_VEC(doc_count) counts = {0};
	int32_t *idx = cr_xmalloc((n ? n : 1) * sizeof *idx);
	for (size_t i = 0; i < n; i++) {
		idx[i] = -1;
		unsigned char c0 = lens[i] ? (unsigned char)words[i][0] : 0;
		if (lens[i] < 2 || !(cr_is_upper(c0) || c0 >= 0xC0))
			continue;
		intptr_t v;
		if (!cr_map_get(m, words[i], lens[i], &v)) {
			doc_count z = {{0}};
			v = (intptr_t)counts.len;
			cr_vec_push(&counts, z);
			cr_map_put(m, words[i], lens[i], v);
		}
		idx[i] = (int32_t)v;
		counts.items[v].c[CR_TAGGER_LABEL_TYPE(labels[i])]++;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t *f = feats + i * CR_TAGGER_NFEAT;
		f[F_D1] = f[F_D2] = f[F_D3] = CR_TAGGER_NOFEAT;
		if (idx[i] < 0)
			continue;
		doc_count dc = counts.items[idx[i]];
		dc.c[CR_TAGGER_LABEL_TYPE(labels[i])]--;
		uint32_t total = 0;
		int maj = 0;  /* the most frequent name type among the other occurrences; O when none */
		for (int ty = 0; ty < CR_ENT_NTYPES; ty++) {
			total += dc.c[ty];
			if (ty > 0 && dc.c[ty] > 0 && (maj == 0 || dc.c[ty] > dc.c[maj]))
				maj = ty;
		}
		if (total == 0)
			continue;
		const char *mn = cr_ent_type_name(maj);
		const char *agree = dc.c[maj] == total ? "all" : 2 * dc.c[maj] >= total ? "most" : "some";
		char ss[16];
		cr_tagger_short_shape(ss, sizeof ss, words[i], lens[i]);
		f[F_D1] = fh_final(fh_bytes(fh_init(F_D1), mn, strlen(mn)));
		f[F_D2] = fh_final(fh_bytes(fh_bytes(fh_init(F_D2), mn, strlen(mn)), ss, strlen(ss)));
		f[F_D3] = fh_final(fh_bytes(fh_bytes(fh_init(F_D3), mn, strlen(mn)), agree, strlen(agree)));
	}
	free(idx);
	free(lens);
	cr_vec_free(&counts);
	cr_map_free(m);
}

/* ---- Decoding ---------------------------------------------------------- */

bool cr_tagger_allowed(int p, int y)
{
	if (!CR_TAGGER_LABEL_IS_I(y))
		return true;
	if (p == NL || p == 0)
		return false;
	return CR_TAGGER_LABEL_TYPE(p) == CR_TAGGER_LABEL_TYPE(y);
}

/* Transitions with -INFINITY where IOB2 forbids them, padded to VL lanes per
   row (vtr[p * VL + y]) and, when vtrt is not NULL, transposed (vtrt[y * VL + p]). */
static void pad_trans(float *vtr, float *vtrt, const float *trans)
{
	for (int p = 0; p <= NL; p++)
		for (int y = 0; y < VL; y++)
			vtr[p * VL + y] = y < NL && cr_tagger_allowed(p, y) ? trans[p * NL + y] : -INFINITY;
	for (int y = 0; vtrt && y < NL; y++)
		for (int p = 0; p < VL; p++)
			vtrt[y * VL + p] = p < NL ? vtr[p * VL + y] : -INFINITY;
}

#ifdef TAGGER_SSE2
#define BCAST(v, l) _mm_shuffle_ps((v), (v), _MM_SHUFFLE(l, l, l, l))
/* Keeps the candidate c where it beats the best b strictly (the scalar
   "if (s > best)" with predecessors in ascending order), and p as its argmax. */
#define VSTEP(c, b, k, pv) do { \
		__m128i m_ = _mm_castps_si128(_mm_cmpgt_ps((c), (b))); \
		(b) = _mm_max_ps((c), (b)); \
		(k) = _mm_or_si128(_mm_and_si128(m_, (pv)), _mm_andnot_si128(m_, (k))); \
	} while (0)
#endif

/*
 * Viterbi over the padded, masked transitions vtr (see pad_trans). lat, when
 * not NULL, receives the forward scores (n * NL: the best score of a sequence
 * ending in each label at each word), which are the max-plus forward pass of
 * confidences(). skip (only when every transition and emission score is
 * finite) leaves out the predecessors IOB2 forbids for I-MISC, whose scores
 * are -INFINITY and could never win. The arithmetic and the tie-breaking (the
 * lowest predecessor wins) are those of the scalar loop below.
 */
static void viterbi_impl(uint8_t *tags, const float *emit, const float *vtr, size_t n, float *lat, bool skip)
{
	if (n == 0)
		return;
#ifdef TAGGER_SSE2
	uint8_t stackback[64 * 16];
	uint8_t *back = n <= 64 ? stackback : cr_xmalloc(n * 16);
	const float *st = vtr + NL * VL;
	__m128 p0 = _mm_add_ps(_mm_loadu_ps(st), _mm_loadu_ps(emit));
	__m128 p1 = _mm_add_ps(_mm_loadu_ps(st + 4), _mm_loadu_ps(emit + 4));
	__m128 p2 = _mm_add_ps(_mm_loadu_ps(st + 8), _mm_load_ss(emit + 8));
	if (lat) {
		_mm_storeu_ps(lat, p0);
		_mm_storeu_ps(lat + 4, p1);
		_mm_store_ss(lat + 8, p2);
	}
#define T(p, j) _mm_loadu_ps(vtr + (p) * VL + 4 * (j))
	for (size_t i = 1; i < n; i++) {
		__m128 b0, b1, b2, s;
		__m128i k0, k1, k2;
		s = BCAST(p0, 0);
		b0 = _mm_add_ps(s, T(0, 0));
		b1 = _mm_add_ps(s, T(0, 1));
		k0 = k1 = _mm_setzero_si128();
		if (skip) {
			b2 = _mm_add_ps(BCAST(p1, 3), T(7, 2));
			k2 = _mm_set1_epi32(7);
		} else {
			b2 = _mm_add_ps(s, T(0, 2));
			k2 = _mm_setzero_si128();
		}
#define PRED(p, v, l, all) do { \
			__m128 s_ = BCAST(v, l); \
			__m128i pv_ = _mm_set1_epi32(p); \
			VSTEP(_mm_add_ps(s_, T(p, 0)), b0, k0, pv_); \
			VSTEP(_mm_add_ps(s_, T(p, 1)), b1, k1, pv_); \
			if (all) \
				VSTEP(_mm_add_ps(s_, T(p, 2)), b2, k2, pv_); \
		} while (0)
		PRED(1, p0, 1, !skip);
		PRED(2, p0, 2, !skip);
		PRED(3, p0, 3, !skip);
		PRED(4, p1, 0, !skip);
		PRED(5, p1, 1, !skip);
		PRED(6, p1, 2, !skip);
		PRED(7, p1, 3, !skip);
		PRED(8, p2, 0, true);
#undef PRED
		const float *e = emit + i * NL;
		p0 = _mm_add_ps(b0, _mm_loadu_ps(e));
		p1 = _mm_add_ps(b1, _mm_loadu_ps(e + 4));
		p2 = _mm_add_ps(b2, _mm_load_ss(e + 8));
		__m128i k = _mm_packus_epi16(_mm_packs_epi32(k0, k1), _mm_packs_epi32(k2, k2));
		_mm_storeu_si128((__m128i *)(void *)(back + i * 16), k);
		if (lat) {
			_mm_storeu_ps(lat + i * NL, p0);
			_mm_storeu_ps(lat + i * NL + 4, p1);
			_mm_store_ss(lat + i * NL + 8, p2);
		}
	}
#undef T
	float prev[VL];
	_mm_storeu_ps(prev, p0);
	_mm_storeu_ps(prev + 4, p1);
	_mm_storeu_ps(prev + 8, p2);
	int y = 0;
	for (int k = 1; k < NL; k++)
		if (prev[k] > prev[y])
			y = k;
	for (size_t i = n; i-- > 0;) {
		tags[i] = (uint8_t)y;
		if (i)
			y = back[i * 16 + y];
	}
	if (back != stackback)
		free(back);
#else
	(void)skip;
	uint8_t stackback[64 * NL];
	uint8_t *back = n <= 64 ? stackback : cr_xmalloc(n * NL);
	float prev[NL], cur[NL];
	for (int y = 0; y < NL; y++)
		prev[y] = vtr[NL * VL + y] + emit[y];
	if (lat)
		memcpy(lat, prev, sizeof prev);
	for (size_t i = 1; i < n; i++) {
		for (int y = 0; y < NL; y++) {
			float best = prev[0] + vtr[y];
			int bp = 0;
			for (int p = 1; p < NL; p++) {
				float s = prev[p] + vtr[p * VL + y];
				if (s > best) {
					best = s;
					bp = p;
				}
			}
			cur[y] = best + emit[i * NL + y];
			back[i * NL + y] = (uint8_t)bp;
		}
		memcpy(prev, cur, sizeof prev);
		if (lat)
			memcpy(lat + i * NL, prev, sizeof prev);
	}
	int y = 0;
	for (int k = 1; k < NL; k++)
		if (prev[k] > prev[y])
			y = k;
	for (size_t i = n; i-- > 0;) {
		tags[i] = (uint8_t)y;
		if (i)
			y = back[i * NL + y];
	}
	if (back != stackback)
		free(back);
#endif
}

void cr_tagger_viterbi(uint8_t *tags, const float *emit, const float *trans, size_t n)
{
	if (n == 0)
		return;
	float vtr[(NL + 1) * VL];
	pad_trans(vtr, NULL, trans);
	viterbi_impl(tags, emit, vtr, n, NULL, false);
}

/* Emission scores from feature slots [k0, k1); with add, added to emit. */
#ifdef TAGGER_SSE2
#define EBLK 8  /* words whose rows are looked up (and prefetched) one block ahead of their sums */
#if defined(__GNUC__)
#define EINLINE inline __attribute__((always_inline))  /* constant slot ranges: the slot loop unrolled */
#else
#define EINLINE inline
#endif

/* The rows of the present features of words [i0, i1), prefetched: rows[(i - i0) * CR_TAGGER_NFEAT + c], c < cnt[i - i0]. */
static EINLINE void emission_rows(const int16_t **rows, uint8_t *cnt, const cr_tagger *t, const uint32_t *feats, size_t i0,
                          size_t i1, int k0, int k1)
{
	const int16_t *w = t->w;  /* not reloaded after each store to rows */
	const uint32_t mask = t->mask;
	for (size_t i = i0; i < i1; i++) {
		const uint32_t *f = feats + i * CR_TAGGER_NFEAT;
		const int16_t **r = rows + (i - i0) * CR_TAGGER_NFEAT, **r0 = r;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC unroll 4
#endif
		for (int k = k0; k < k1; k++) {
			if (f[k] == CR_TAGGER_NOFEAT)
				continue;
			const int16_t *row = w + (size_t)(f[k] & mask) * NL;
			__builtin_prefetch(row);
			*r++ = row;
		}
		cnt[i - i0] = (uint8_t)(r - r0);
	}
}

static EINLINE void emissions_range(float *emit, const cr_tagger *t, const uint32_t *feats, size_t n, int k0, int k1, bool add)
{
	/* The first eight weights of a row are widened to int32 in two vectors, the
	   ninth is added apart: the same integer sums as the scalar loop below. */
	const int16_t *rows[2][EBLK * CR_TAGGER_NFEAT];
	uint8_t cnt[2][EBLK];
	const __m128 sc = _mm_set1_ps(t->scale);
	emission_rows(rows[0], cnt[0], t, feats, 0, n < EBLK ? n : EBLK, k0, k1);
	for (size_t i0 = 0, blk = 0; i0 < n; i0 += EBLK, blk ^= 1) {
		size_t i1 = n - i0 < EBLK ? n : i0 + EBLK;
		if (i1 < n)
			emission_rows(rows[blk ^ 1], cnt[blk ^ 1], t, feats, i1, n - i1 < EBLK ? n : i1 + EBLK, k0, k1);
		for (size_t i = i0; i < i1; i++) {
			__m128i lo = _mm_setzero_si128(), hi = _mm_setzero_si128();
			int32_t a8 = 0;
			const int16_t *const *r = rows[blk] + (i - i0) * CR_TAGGER_NFEAT;
			for (int c = 0, nc = cnt[blk][i - i0]; c < nc; c++) {
				const int16_t *row = r[c];
				__m128i v = _mm_loadu_si128((const __m128i *)(const void *)row);
				lo = _mm_add_epi32(lo, _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
				hi = _mm_add_epi32(hi, _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
				a8 += row[8];
			}
			float *o = emit + i * NL;
			__m128 e0 = add ? _mm_loadu_ps(o) : _mm_setzero_ps(), e1 = add ? _mm_loadu_ps(o + 4) : _mm_setzero_ps();
			_mm_storeu_ps(o, _mm_add_ps(e0, _mm_mul_ps(_mm_cvtepi32_ps(lo), sc)));
			_mm_storeu_ps(o + 4, _mm_add_ps(e1, _mm_mul_ps(_mm_cvtepi32_ps(hi), sc)));
			o[8] = (add ? o[8] : 0) + (float)a8 * t->scale;
		}
	}
}
#else
static void emissions_range(float *emit, const cr_tagger *t, const uint32_t *feats, size_t n, int k0, int k1, bool add)
{
	for (size_t i = 0; i < n; i++)
		for (int k = k0; k < k1; k++)
			if (feats[i * CR_TAGGER_NFEAT + k] != CR_TAGGER_NOFEAT)
				__builtin_prefetch(t->w + (size_t)(feats[i * CR_TAGGER_NFEAT + k] & t->mask) * NL);
	for (size_t i = 0; i < n; i++) {
		int32_t acc[NL] = {0};
		const uint32_t *f = feats + i * CR_TAGGER_NFEAT;
		for (int k = k0; k < k1; k++) {
			if (f[k] == CR_TAGGER_NOFEAT)
				continue;
			const int16_t *row = t->w + (size_t)(f[k] & t->mask) * NL;
			for (int y = 0; y < NL; y++)
				acc[y] += row[y];
		}
		for (int y = 0; y < NL; y++)
			emit[i * NL + y] = (add ? emit[i * NL + y] : 0) + (float)acc[y] * t->scale;
	}
}
#endif

static void emissions(float *emit, const cr_tagger *t, const uint32_t *feats, size_t n)
{
	emissions_range(emit, t, feats, n, 0, CR_TAGGER_DOC_SLOT, false);
}

/* Titles are not part of a person's name (CoNLL's convention, and the lead's
   role mentions take them): "Mr Gates" -> "Gates". */
static void strip_titles(uint8_t *tags, const char *const *words, const size_t *lens, size_t n)
{
	const uint8_t bper = CR_TAGGER_LABEL_B(CR_ENT_PER);
	for (size_t i = 0; i + 1 < n; i++) {
		if (tags[i] != bper || tags[i + 1] != bper + 1)
			continue;
		char low[MAXW], norm[MAXW];
		size_t nl, ll;
		normalise(norm, &nl, low, &ll, words[i], lens[i]);
		if (is_title(low, ll)) {
			tags[i] = 0;
			tags[i + 1] = bper;
		}
	}
}

static void tag_impl(uint8_t *tags, float *emit_out, float *lat, const cr_tagger *t, const char *const *words,
                     const size_t *lens, size_t n)
{
	uint32_t *feats = cr_xmalloc(n * CR_TAGGER_NFEAT * sizeof *feats);
	float *emit = emit_out ? emit_out : cr_xmalloc(n * NL * sizeof *emit);
	cr_tagger_features(feats, words, lens, n);
	emissions(emit, t, feats, n);
	viterbi_impl(tags, emit, t->vtr, n, lat, t->finite);
	strip_titles(tags, words, lens, n);
	free(feats);
	if (!emit_out)
		free(emit);
}

int cr_tagger_tag_words(uint8_t *tags, const cr_tagger *t, const char *const *words, const size_t *lens, size_t n)
{
	if (n)
		tag_impl(tags, NULL, NULL, t, words, lens, n);
	return 0;
}

/*
 * Confidence of each word's type: the margin between the best sequence that
 * gives this word its type and the best sequence that gives it another (max-marginals from a
 * max-plus forward-backward pass over the Viterbi scores), squashed by the
 * logistic function. Perceptron scores are not calibrated, so this ranks names
 * by confidence; it is not a probability in the strict sense. conf[i] is for
 * tags[i], set only for words inside names (tags[i] != 0). lat holds the
 * forward pass: the forward scores of the Viterbi run that chose tags (see
 * viterbi_impl). The backward pass runs from the end of the sentence back to
 * its first name.
 */
static void confidences(float *conf, const cr_tagger *t, const float *emit, const float *lat, const uint8_t *tags,
                        size_t n)
{
	size_t i0 = 0;
	while (i0 < n && tags[i0] == 0)
		i0++;
	if (i0 == n)
		return;
	float stackb[32 * VL];
	size_t nb = n - i0;
	float *b = nb <= 32 ? stackb : cr_xmalloc(nb * VL * sizeof *b);  /* b[(i - i0) * VL + p] */
#define B(i) (b + ((i) - i0) * VL)
	for (int y = 0; y < VL; y++)
		B(n - 1)[y] = 0;
	const float *trt = t->vtrt;  /* trt[y * VL + p]: -INFINITY where IOB2 forbids p -> y */
	for (size_t i = n - 1; i-- > i0;) {
		const float *e = emit + (i + 1) * NL, *bn = B(i + 1);
		float *bo = B(i);
#ifdef TAGGER_SSE2
		__m128 n0 = _mm_add_ps(_mm_loadu_ps(e), _mm_loadu_ps(bn));
		__m128 n1 = _mm_add_ps(_mm_loadu_ps(e + 4), _mm_loadu_ps(bn + 4));
		__m128 n2 = _mm_add_ss(_mm_load_ss(e + 8), _mm_load_ss(bn + 8));
		__m128 m0, m1, m2;
		{
			__m128 s0 = BCAST(n0, 0);
			m0 = _mm_add_ps(_mm_loadu_ps(trt), s0);
			m1 = _mm_add_ps(_mm_loadu_ps(trt + 4), s0);
			m2 = _mm_add_ps(_mm_loadu_ps(trt + 8), s0);
		}
#define NEXT(y, v, l) do { \
			__m128 s_ = BCAST(v, l); \
			m0 = _mm_max_ps(_mm_add_ps(_mm_loadu_ps(trt + (y) * VL), s_), m0); \
			m1 = _mm_max_ps(_mm_add_ps(_mm_loadu_ps(trt + (y) * VL + 4), s_), m1); \
			m2 = _mm_max_ps(_mm_add_ps(_mm_loadu_ps(trt + (y) * VL + 8), s_), m2); \
		} while (0)
		NEXT(1, n0, 1);
		NEXT(2, n0, 2);
		NEXT(3, n0, 3);
		NEXT(4, n1, 0);
		NEXT(5, n1, 1);
		NEXT(6, n1, 2);
		NEXT(7, n1, 3);
		NEXT(8, n2, 0);
#undef NEXT
		_mm_storeu_ps(bo, m0);
		_mm_storeu_ps(bo + 4, m1);
		_mm_storeu_ps(bo + 8, m2);
#else
		float nx[NL];
		for (int y = 0; y < NL; y++)
			nx[y] = emit[(i + 1) * NL + y] + bn[y];
		for (int p = 0; p < NL; p++) {
			float m = trt[p] + nx[0];
			for (int y = 1; y < NL; y++) {
				float v = trt[y * VL + p] + nx[y];
				m = v > m ? v : m;
			}
			bo[p] = m;
		}
#endif
	}
	for (size_t i = i0; i < n; i++) {
		if (tags[i] == 0)
			continue;
		/* B-t and I-t count as one: the confidence is in the word's type */
		float best = -INFINITY, other = -INFINITY;
		const float *bi = B(i);
		for (int y = 0; y < NL; y++) {
			float v = lat[i * NL + y] + bi[y];
			if (CR_TAGGER_LABEL_TYPE(y) == CR_TAGGER_LABEL_TYPE(tags[i]))
				best = v > best ? v : best;
			else
				other = v > other ? v : other;
		}
		conf[i] = isfinite(other) ? 1.0f / (1.0f + expf((other - best) / t->conf_t)) : 1.0f;
	}
#undef B
	if (b != stackb)
		free(b);
}

/* Appends the names of one sentence (tokens[0..n), numbered from first); lat:
   the forward scores of the Viterbi run that chose tags. */
static void collect_names(cr_name **out, size_t *nout, const cr_tagger *t, const char *text, const cr_span *tokens,
                          size_t first, const uint8_t *tags, const float *emit, const float *lat, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += tags[i] != 0 && !(i > 0 && CR_TAGGER_LABEL_IS_I(tags[i]) &&
		                           CR_TAGGER_LABEL_TYPE(tags[i]) == CR_TAGGER_LABEL_TYPE(tags[i - 1]));
	if (!count)
		return;
	float stackprob[64];
	float *prob = n <= 64 ? stackprob : cr_xmalloc(n * sizeof *prob);
	confidences(prob, t, emit, lat, tags, n);
	*out = cr_xrealloc(*out, (*nout + count) * sizeof **out);
	for (size_t i = 0; i < n;) {
		if (tags[i] == 0) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < n && CR_TAGGER_LABEL_IS_I(tags[j]) && CR_TAGGER_LABEL_TYPE(tags[j]) == CR_TAGGER_LABEL_TYPE(tags[i]))
			j++;
		float score = 1;
		for (size_t k = i; k < j; k++)
			if (prob[k] < score)
				score = prob[k];
		uint32_t end = tokens[j - 1].end;
		if (end > tokens[j - 1].start) /* "Russia's" names "Russia" */
			end -= (uint32_t)poss_len(text + tokens[j - 1].start, end - tokens[j - 1].start);
		cr_name nm = {tokens[i].start, end, (uint32_t)(first + i), (uint32_t)(j - i),
		              (uint8_t)CR_TAGGER_LABEL_TYPE(tags[i]), score};
		(*out)[(*nout)++] = nm;
		i = j;
	}
	if (prob != stackprob)
		free(prob);
}

static void words_of(const char **words, size_t *lens, const char *text, const cr_span *tokens, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		words[i] = text + tokens[i].start;
		lens[i] = tokens[i].end > tokens[i].start ? tokens[i].end - tokens[i].start : 0;
	}
}

int cr_tagger_names(cr_name **out, size_t *nout, const cr_tagger *t, const char *text,
                    const cr_span *tokens, size_t n)
{
	if (n == 0)
		return 0;
	const char **words = cr_xmalloc(n * sizeof *words);
	size_t *lens = cr_xmalloc(n * sizeof *lens);
	uint8_t *tags = cr_xmalloc(n);
	float *emit = cr_xmalloc(2 * n * NL * sizeof *emit), *lat = emit + n * NL;
	words_of(words, lens, text, tokens, n);
	tag_impl(tags, emit, lat, t, words, lens, n);
	collect_names(out, nout, t, text, tokens, 0, tags, emit, lat, n);
	free(words);
	free(lens);
	free(tags);
	free(emit);
	return 0;
}

/* cr_tagger_tag_doc; lat, when not NULL, receives the forward scores of the
   final Viterbi pass (n * NL, see viterbi_impl). */
static int tag_doc_impl(uint8_t *tags, const cr_tagger *t, const char *const *words, const size_t *lens, size_t n,
                        const cr_span *sents, size_t nsents, float *emit_out, float *lat)
{
	if (n == 0)
		return 0;
	for (size_t s = 0; s < nsents; s++)
		if (sents[s].start > sents[s].end || sents[s].end > n)
			return -1;
	uint32_t *feats = cr_xmalloc(n * CR_TAGGER_NFEAT * sizeof *feats);
	float *emit = emit_out ? emit_out : cr_xmalloc(n * NL * sizeof *emit);
	memset(tags, 0, n);
	word_cache wc;
	wc_init(&wc, n);  /* sentences should not overlap; when they do, words beyond n are not cached */
	for (size_t s = 0; s < nsents; s++) {
		size_t a = sents[s].start, m = sents[s].end - sents[s].start;
		if (!m)
			continue;
		features_impl(feats + a * CR_TAGGER_NFEAT, words + a, lens + a, m, &wc);
		emissions(emit + a * NL, t, feats + a * CR_TAGGER_NFEAT, m);
		viterbi_impl(tags + a, emit + a * NL, t->vtr, m, lat ? lat + a * NL : NULL, t->finite);
	}
	if (t->flags & MODEL_DOC_FEATURES) {
		cr_tagger_doc_features(feats, words, lens, tags, n);
		emissions_range(emit, t, feats, n, CR_TAGGER_DOC_SLOT, CR_TAGGER_DOC_SLOT + CR_TAGGER_NDOC, true);
		for (size_t s = 0; s < nsents; s++) {
			/* A sentence without document features keeps its emission scores
			   (x + 0 == x), hence its first-pass labels and forward scores. */
			bool changed = false;
			for (size_t i = sents[s].start; i < sents[s].end && !changed; i++) {
				const uint32_t *f = feats + i * CR_TAGGER_NFEAT;
				for (int k = CR_TAGGER_DOC_SLOT; k < CR_TAGGER_DOC_SLOT + CR_TAGGER_NDOC; k++)
					changed |= f[k] != CR_TAGGER_NOFEAT;
			}
			if (changed)
				viterbi_impl(tags + sents[s].start, emit + sents[s].start * NL, t->vtr,
				             sents[s].end - sents[s].start, lat ? lat + sents[s].start * NL : NULL, t->finite);
		}
	}
	for (size_t s = 0; s < nsents; s++)
		strip_titles(tags + sents[s].start, words + sents[s].start, lens + sents[s].start,
		             sents[s].end - sents[s].start);
	wc_free(&wc);
	free(feats);
	if (!emit_out)
		free(emit);
	return 0;
}

int cr_tagger_tag_doc(uint8_t *tags, const cr_tagger *t, const char *const *words, const size_t *lens, size_t n,
                      const cr_span *sents, size_t nsents, float *emit_out)
{
	return tag_doc_impl(tags, t, words, lens, n, sents, nsents, emit_out, NULL);
}

int cr_tagger_doc_names(cr_name **out, size_t *nout, const cr_tagger *t, const char *text,
                        const cr_span *tokens, size_t n, const cr_span *sents, size_t nsents)
{
	if (n == 0)
		return 0;
	const char **words = cr_xmalloc(n * sizeof *words);
	size_t *lens = cr_xmalloc(n * sizeof *lens);
	uint8_t *tags = cr_xmalloc(n);
	float *emit = cr_xmalloc(2 * n * NL * sizeof *emit), *lat = emit + n * NL;
	words_of(words, lens, text, tokens, n);
	int rc = tag_doc_impl(tags, t, words, lens, n, sents, nsents, emit, lat);
	for (size_t s = 0; rc == 0 && s < nsents; s++)
		if (sents[s].end > sents[s].start)
			collect_names(out, nout, t, text, tokens + sents[s].start, sents[s].start, tags + sents[s].start,
			              emit + sents[s].start * NL, lat + sents[s].start * NL, sents[s].end - sents[s].start);
	free(words);
	free(lens);
	free(tags);
	free(emit);
	return rc;
}

/* ---- Model file ---------------------------------------------------------- */
/*
 * Layout (little-endian):
 *   0  "CRNER\0\0\0"        8  u32 format version     12 u32 labels (9)
 *  16  u32 bits (rows = 2^bits)  20 u32 feature set version  24 f32 scale
 *  28  u32 flags (1: trained with document features)   32  f32 transitions[(9+1)*9]
 * 392  f32 confidence temperature (margins are divided by it; <= 0 reads as 1)
 * 512  int16 weights[rows*9], row-major.   Length is exactly 512 + rows*9*2.
 */
static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static float rdf(const unsigned char *p)
{
	uint32_t u = rd32(p);
	float f;
	memcpy(&f, &u, 4);
	return f;
}

static void wr32(cr_buf *b, uint32_t v)
{
	unsigned char p[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), (unsigned char)(v >> 24)};
	cr_buf_append(b, p, 4);
}

static void wrf(cr_buf *b, float f)
{
	uint32_t u;
	memcpy(&u, &f, 4);
	wr32(b, u);
}

int cr_tagger_load(cr_tagger **out, const void *model, size_t len, char *err, size_t errlen)
{
	const unsigned char *p = model;
	*out = NULL;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
	snprintf(err, errlen, "ner model: big-endian hosts are not supported");
	return -1;
#endif
	if (!p || len < MODEL_HEADER || memcmp(p, MODEL_MAGIC, 8) != 0) {
		snprintf(err, errlen, "ner model: not a CRNER model (bad magic or shorter than its header)");
		return -1;
	}
	uint32_t version = rd32(p + 8), labels = rd32(p + 12), bits = rd32(p + 16), fv = rd32(p + 20);
	if (version != MODEL_VERSION) {
		snprintf(err, errlen, "ner model: format version %u, this build reads %u", version, MODEL_VERSION);
		return -2;
	}
	if (labels != NL || fv != CR_TAGGER_FEATURE_VERSION || bits < 1 || bits > 28) {
		snprintf(err, errlen, "ner model: %u labels, feature set %u, %u bits; this build wants %d labels, feature set %d",
		         labels, fv, bits, NL, CR_TAGGER_FEATURE_VERSION);
		return -3;
	}
	size_t want = MODEL_HEADER + ((size_t)1 << bits) * NL * sizeof(int16_t);
	if (len != want) {
		snprintf(err, errlen, "ner model: %zu bytes, expected %zu (truncated or corrupt)", len, want);
		return -4;
	}
	if ((uintptr_t)(p + MODEL_HEADER) % _Alignof(int16_t)) {
		snprintf(err, errlen, "ner model: bytes are not 2-byte aligned");
		return -5;
	}
	float scale = rdf(p + 24);
	if (!(scale > 0) || !isfinite(scale)) {
		snprintf(err, errlen, "ner model: bad weight scale");
		return -4;
	}
	cr_tagger *t = cr_xcalloc(1, sizeof *t);
	t->w = (const int16_t *)(const void *)(p + MODEL_HEADER);
	t->mask = (uint32_t)(((uint64_t)1 << bits) - 1);
	t->scale = scale;
	t->flags = rd32(p + 28);
	t->conf_t = rdf(p + 32 + 4 * (NL + 1) * NL);
	if (!(t->conf_t > 0) || !isfinite(t->conf_t))
		t->conf_t = 1;
	t->finite = true;
	for (int k = 0; k < (NL + 1) * NL; k++) {
		t->trans[k] = rdf(p + 32 + 4 * k);
		t->mtrans[k] = cr_tagger_allowed(k / NL, k % NL) ? t->trans[k] : -INFINITY;
		t->finite = t->finite && isfinite(t->trans[k]);
	}
	pad_trans(t->vtr, t->vtrt, t->trans);
	*out = t;
	return 0;
}

void cr_tagger_free(cr_tagger *t)
{
	free(t);
}

void cr_tagger_write_model(cr_buf *out, unsigned bits, unsigned flags, float conf_t, const float *trans,
                           const float *weights)
{
	size_t nw = ((size_t)1 << bits) * NL;
	float mx = 0;
	for (size_t k = 0; k < nw; k++)
		if (fabsf(weights[k]) > mx)
			mx = fabsf(weights[k]);
	float scale = mx > 0 ? mx / 32767.0f : 1.0f;
	size_t base = out->len;
	cr_buf_append(out, MODEL_MAGIC, 8);
	wr32(out, MODEL_VERSION);
	wr32(out, NL);
	wr32(out, bits);
	wr32(out, CR_TAGGER_FEATURE_VERSION);
	wrf(out, scale);
	wr32(out, flags);
	for (int k = 0; k < (NL + 1) * NL; k++)
		wrf(out, trans[k]);
	wrf(out, conf_t);
	while (out->len - base < MODEL_HEADER)
		cr_buf_putc(out, 0);
	for (size_t k = 0; k < nw; k++) {
		long q = lroundf(weights[k] / scale);
		q = q > 32767 ? 32767 : q < -32767 ? -32767 : q;
		uint16_t u = (uint16_t)(int16_t)q;
		unsigned char b[2] = {(unsigned char)u, (unsigned char)(u >> 8)};
		cr_buf_append(out, b, 2);
	}
}

static cr_tagger *default_tagger;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static char default_err[300]; /* why it is missing: cr_tagger_default_error */

static void load_default(void)
{
	size_t len;
	const char *d = cr_data(CR_DATA(model_ner_bin), &len);
	char err[256];
	if (cr_tagger_load(&default_tagger, d, len, err, sizeof err) < 0)
		snprintf(default_err, sizeof default_err, "data/model/ner.bin: %s", err);
}

const cr_tagger *cr_tagger_default(void)
{
	pthread_once(&default_once, load_default);
	return default_tagger;
}

const char *cr_tagger_default_error(void)
{
	pthread_once(&default_once, load_default);
	pthread_once(&titles_once, load_titles);
	return default_err[0] ? default_err : titles_err[0] ? titles_err : NULL;
}
