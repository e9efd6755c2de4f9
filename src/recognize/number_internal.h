/*
 * number_internal.h: what the two files of the number recognizer share —
 * number.c (lexicons, tokens, expressions and their intervals) and
 * number_figures.c (a figure at a token: digits, number words, fractions,
 * vague magnitudes) — and no other file uses.
 */
#ifndef CR_NUMBER_INTERNAL_H
#define CR_NUMBER_INTERNAL_H

#include "recognize/number.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "util/map.h"
#include "util/util.h"

enum { W_NONE = -1, W_UNIT, W_TEEN, W_TENS, W_HUNDRED, W_SCALE, W_DOZEN, W_A,
       W_ORD, W_ORDS, W_DEN, W_POINT, W_NEG, W_VULGAR };

enum { C_MONTH = 1, C_DET = 2, C_AGECUE = 4, C_AGE = 8, C_STOP = 16, C_VFIRST = 32 };

/* Modifier flags of a token: it ends some pre-modifier phrase, it starts
 * some post-modifier phrase (num-modifiers.tsv). Phrases are only looked up
 * around tokens that have them. */
enum { M_PRELAST = 1, M_POSTFIRST = 2 };

/* Byte classes of the tokenizer (ASCII only, as cr_is_*). */
enum { CC_SPACE = 1, CC_ALPHA = 2, CC_DIGIT = 4 };

enum { T_WORD, T_NUM, T_PUNCT };

typedef struct wentry {
	int cls;
	double v;
} wentry;

typedef struct mentry {
	uint8_t mod;     /* cr_num_mod, or MOD_OR_EQUAL */
	bool cmp;
	uint8_t ntok;
} mentry;

typedef struct ventry {
	double lo, hi;
} ventry;

/* A slot of the per-token table; key points into tokmap. */
typedef struct tokslot {
	uint32_t len, val;
	const char *key;
} tokslot;

#define MOD_OR_EQUAL 100
#define MAX_PHRASE 7

struct cr_numbers {
	cr_map *words;    /* lower-case word -> index into went */
	wentry *went;
	size_t nwent;
	cr_map *suffix;   /* case-sensitive multiplier suffix ("k", "bn") -> index into went */
	cr_map *ctxw;     /* lower-case word -> C_* flags */
	cr_map *tokmap;   /* lower-case word -> (went index + 1) | C_* << 16 | M_* << 24: one lookup per token */
	uint32_t *thash;  /* tokmap again, open-addressed by fold_hash (0: empty slot), */
	tokslot *tslots;  /* for the per-token lookup */
	uint32_t tmask;   /* slots - 1 */
	uint8_t ccls[256];  /* CC_* class of a byte, for the tokenizer */
	uint8_t lower[256]; /* ASCII lower case of a byte */
	int vmax, premax, postmax; /* longest phrase, in tokens */
	cr_map *pre, *post; /* phrase -> index into ment */
	mentry *ment;
	size_t nment;
	cr_map *vague;    /* phrase -> index into vent */
	ventry *vent;
	size_t nvent;
};

typedef struct tok {
	uint32_t s, e;
	uint8_t type;
	uint8_t gap;    /* white space before: 0 none, 1 spaces (at most one line break), 2 a blank line */
	uint8_t ngap;   /* white-space characters before, capped at 255 */
	int16_t w;      /* index into went, or -1 */
	uint8_t cf;     /* C_* flags */
	uint8_t mf;     /* M_* flags */
} tok;

typedef struct P {
	const cr_numbers *c;
	const char *t;
	size_t len;
	tok *k;
	int n;
} P;

/* Length of a white-space code point at p (ASCII space, NBSP, thin and
 * narrow no-break spaces), or 0. */
static inline size_t space_len(const char *t, size_t len, size_t p)
{
	unsigned char c = (unsigned char)t[p];
	if (c < 0x80)
		return cr_is_space(c);
	if (c == 0xC2 && p + 1 < len && (unsigned char)t[p + 1] == 0xA0)
		return 2;
	if (c == 0xE2 && p + 2 < len && (unsigned char)t[p + 1] == 0x80) {
		unsigned char d = (unsigned char)t[p + 2];
		if (d == 0xAF || d == 0x89 || d == 0x8A)
			return 3;
	}
	return 0;
}

static inline int wcls(const P *p, int i)
{
	if (i < 0 || i >= p->n || p->k[i].w < 0)
		return W_NONE;
	return p->c->went[p->k[i].w].cls;
}

static inline double wval(const P *p, int i)
{
	return p->c->went[p->k[i].w].v;
}

static inline bool is_ch(const P *p, int i, char ch)
{
	return i >= 0 && i < p->n && p->k[i].e - p->k[i].s == 1 && p->t[p->k[i].s] == ch;
}

static inline bool is_word(const P *p, int i, const char *w)
{
	if (i < 0 || i >= p->n || p->k[i].type != T_WORD)
		return false;
	size_t n = strlen(w);
	return p->k[i].e - p->k[i].s == n && cr_ieq(p->t + p->k[i].s, w, n);
}

/* Token i follows the previous one on the same line (spaces allowed). */
static inline bool near(const P *p, int i)
{
	return i < p->n && p->k[i].gap < 2;
}

/* First token starting at or after byte q, from token i on. */
static inline int tok_from(const P *p, int i, size_t q)
{
	while (i < p->n && p->k[i].s < q)
		i++;
	return i;
}

typedef struct fig {
	int t0, t1;       /* tokens [t0, t1) */
	double v;
	uint8_t kind;     /* CR_NUM_CARDINAL, _ORDINAL, _PERCENT, _FRACTION, _VAGUE */
	bool digits;      /* digits only */
	bool plain;       /* digits without suffix, exponent, fraction or percent */
	bool power;
	bool integer;     /* written as an integer */
	int ndig;         /* plain integer without separators: number of digits */
	double lo, hi;    /* vague */
	double scale;     /* the figure ends in a multiplier ("33 mln", "six million"), else 0 */
} fig;

/* Digits that may be a year: four of them, from 1000 to 2100. */
static inline bool year_digits(const fig *f)
{
	return f->digits && f->ndig == 4 && f->v >= 1000 && f->v <= 2100;
}

/* number_figures.c: the figure at token i, in digits or in words; a ratio
 * ("five out of six"); the key of the words of tokens [a, b) for a phrase
 * lexicon; a vague magnitude; the place value of a figure's last digit */
bool cr_num_fig_digits(const P *p, int i, fig *f);
double cr_num_place(double v);
bool cr_num_fig_words(const P *p, int i, fig *f);
void cr_num_ratio(const P *p, fig *f);
bool cr_num_phrase_key(const P *p, int a, int b, char *buf, size_t cap, size_t *n);
bool cr_num_vague_at(const P *p, int i, fig *f);

#endif
