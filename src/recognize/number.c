/*
 * number.c: numbers, quantities and ages as intervals (see number.h).
 *
 * The algorithm runs in three passes over the text, each linear:
 *
 * 1. Tokens. ASCII letter runs, digit runs, and single punctuation
 *    characters (a multi-byte code point is one token; invalid UTF-8 is one
 *    byte per token). Each token remembers the white space before it, and
 *    the number-word class and context flags of its word, looked up once in
 *    the lexicons data/lexicon/num-words.tsv and num-context.tsv (one hash
 *    per token, taken while the word is scanned, into a sparse table of
 *    their words; most words meet an empty slot at once). The flags also
 *    say whether a modifier phrase can end or start at the token, so the
 *    phrases are only looked up where one can be.
 *
 * 2. Figures. At each token a figure is tried: digits (with thousands
 *    separators, decimal marks, "23 000", "1e10", "10k", "90%", "3/4"),
 *    number words by a small grammar (group = [unit|teen|tens[-unit]|digits]
 *    [hundred [and] small]; figure = group (scale group)*, with dozens,
 *    fractions "two thirds", mixed numbers "one and a half", "2.5 million",
 *    "point five", "five out of six"), Unicode vulgar fractions, and vague
 *    magnitudes from num-vague.tsv ("tens of thousands"). A figure consumes
 *    its tokens, so the pass never goes back more than a few tokens.
 *
 * 3. Expressions. Each figure takes the longest modifier phrase before it
 *    and after it (num-modifiers.tsv: "at least", "or more"), joins the next
 *    figure into a range ("between 15 and 20", "15-20", "more than 10 and
 *    less than 40"), becomes an age ("59-year-old", "aged 60", "Name, 59,"),
 *    takes its counted noun, and is dropped when it is really a date ("March
 *    9"), a clock time ("10:30") or the pronoun "one" ("the one you ...").
 *    The interval comes from the modifier; docs/numbers.md says why.
 *
 * Limits: English only; the grammar follows common news usage, so odd word
 * orders ("one hundred one thousand fifths") are read greedily; "9/11" reads
 * as a fraction; ages need one of the cues above.
 *
 * Pass 2, the figure at a token, is number_figures.c; what the two files
 * share is number_internal.h.
 */
#include "recognize/number_internal.h"

/* ---------- lexicons ---------- */

static int class_of(const char *s)
{
	static const char *names[] = { "unit", "teen", "tens", "hundred", "scale", "dozen", "a",
				       "ord", "ords", "den", "point", "neg", "vulgar" };
	for (size_t i = 0; i < CR_ARRAY_LEN(names); i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return W_NONE;
}

static int mod_of(const char *s)
{
	static const struct { const char *n; int m; } t[] = {
		{ "at_least", CR_MOD_AT_LEAST }, { "more_than", CR_MOD_MORE_THAN },
		{ "at_most", CR_MOD_AT_MOST }, { "less_than", CR_MOD_LESS_THAN },
		{ "about", CR_MOD_ABOUT }, { "nearly", CR_MOD_NEARLY }, { "up_to", CR_MOD_UP_TO },
		{ "exactly", CR_MOD_EXACTLY }, { "or_equal", MOD_OR_EQUAL } };
	for (size_t i = 0; i < CR_ARRAY_LEN(t); i++)
		if (!strcmp(s, t[i].n))
			return t[i].m;
	return -1;
}

static uint8_t count_tokens(const char *s)
{
	uint8_t n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

/* FNV-1a over the ASCII-lower-cased bytes; never 0 (0 marks an empty slot). */
static inline uint32_t fold_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint32_t)cr_lower((unsigned char)s[i])) * 16777619u;
	return h ? h : 1;
}

/* Builds the per-token table from tokmap, at most one key in eight slots so a
 * word that is not there (most words) usually meets an empty slot at once. */
static void tok_table(cr_numbers *c)
{
	size_t cap = 64;
	while (cap < 8 * cr_map_count(c->tokmap))
		cap *= 2;
	c->thash = cr_xcalloc(cap, sizeof *c->thash);
	c->tslots = cr_xcalloc(cap, sizeof *c->tslots);
	c->tmask = (uint32_t)(cap - 1);
	size_t it = 0, kl;
	const char *key;
	intptr_t v;
	while (cr_map_next(c->tokmap, &it, &key, &kl, &v)) {
		uint32_t h = fold_hash(key, kl);
		uint32_t i = h & c->tmask;
		while (c->thash[i])
			i = (i + 1) & c->tmask;
		c->thash[i] = h;
		c->tslots[i] = (tokslot){ (uint32_t)kl, (uint32_t)v, key };
	}
}

/* The tokmap value of text [s, s+n) read case-insensitively, or 0 (as for
 * a key that maps to 0); h is fold_hash(s, n). */
static inline uint32_t tok_lookup(const cr_numbers *c, const char *s, size_t n, uint32_t h)
{
	for (uint32_t i = h & c->tmask; c->thash[i]; i = (i + 1) & c->tmask) {
		const tokslot *t = &c->tslots[i];
		if (c->thash[i] != h || t->len != n)
			continue;
		size_t q = 0;
		while (q < n && c->lower[(unsigned char)s[q]] == (unsigned char)t->key[q])
			q++;   /* keys are lower case */
		if (q == n)
			return t->val;
	}
	return 0;
}

/* num-words.tsv: word, class, value. Class "suffix" rows are the
 * case-sensitive multiplier suffixes ("k", "bn"); the others are keyed in
 * lower case. */
static void load_words(cr_numbers *c, const cr_lexicon *lw)
{
	c->went = cr_xcalloc(lw->nrows + 1, sizeof *c->went);
	for (size_t r = 0; r < lw->nrows; r++) {
		if (lw->ncols[r] < 3)
			continue;
		const char *w = lw->cols[r][0];
		wentry e = { class_of(lw->cols[r][1]), strtod(lw->cols[r][2], NULL) };
		if (!strcmp(lw->cols[r][1], "suffix")) {
			c->went[c->nwent] = e;
			cr_map_put(c->suffix, w, strlen(w), (intptr_t)c->nwent++);
			continue;
		}
		if (e.cls == W_NONE)
			continue;
		char key[64];
		size_t n = strlen(w);
		if (n >= sizeof key)
			continue;
		for (size_t i = 0; i <= n; i++)
			key[i] = (char)cr_lower((unsigned char)w[i]);
		c->went[c->nwent] = e;
		cr_map_put(c->words, key, n, (intptr_t)c->nwent++);
	}
}

/* num-modifiers.tsv: phrase, pre or post, modifier, and "cmp" for a
 * comparison. */
static void load_modifiers(cr_numbers *c, const cr_lexicon *lm)
{
	c->ment = cr_xcalloc(lm->nrows + 1, sizeof *c->ment);
	for (size_t r = 0; r < lm->nrows; r++) {
		if (lm->ncols[r] < 3)
			continue;
		int m = mod_of(lm->cols[r][2]);
		if (m < 0)
			continue;
		mentry e = { (uint8_t)m, lm->ncols[r] > 3 && !strcmp(lm->cols[r][3], "cmp"),
			     count_tokens(lm->cols[r][0]) };
		if (e.ntok > MAX_PHRASE)
			continue;
		c->ment[c->nment] = e;
		bool post = !strcmp(lm->cols[r][1], "post");
		cr_map *into = post ? c->post : c->pre;
		int *mx = post ? &c->postmax : &c->premax;
		*mx = CR_MAX(*mx, (int)e.ntok);
		cr_map_put(into, lm->cols[r][0], strlen(lm->cols[r][0]), (intptr_t)c->nment++);
	}
}

/* num-vague.tsv: phrase, low, high; the phrase's first word is flagged
 * C_VFIRST. */
static void load_vague(cr_numbers *c, const cr_lexicon *lv)
{
	c->vent = cr_xcalloc(lv->nrows + 1, sizeof *c->vent);
	for (size_t r = 0; r < lv->nrows; r++) {
		if (lv->ncols[r] < 3 || count_tokens(lv->cols[r][0]) > MAX_PHRASE)
			continue;
		c->vmax = CR_MAX(c->vmax, (int)count_tokens(lv->cols[r][0]));
		c->vent[c->nvent] = (ventry){ strtod(lv->cols[r][1], NULL), strtod(lv->cols[r][2], NULL) };
		cr_map_put(c->vague, lv->cols[r][0], strlen(lv->cols[r][0]), (intptr_t)c->nvent++);
		const char *sp = strchr(lv->cols[r][0], ' ');
		size_t fl = sp ? (size_t)(sp - lv->cols[r][0]) : strlen(lv->cols[r][0]);
		intptr_t f = 0;
		cr_map_get(c->ctxw, lv->cols[r][0], fl, &f);
		cr_map_put(c->ctxw, lv->cols[r][0], fl, f | C_VFIRST);
	}
}

/* num-context.tsv: word and its context flag (month, det, agecue, age, stop). */
static void load_context(cr_numbers *c, const cr_lexicon *lc)
{
	static const struct { const char *n; int f; } fl[] = {
		{ "month", C_MONTH }, { "det", C_DET }, { "agecue", C_AGECUE },
		{ "age", C_AGE }, { "stop", C_STOP } };
	for (size_t r = 0; r < lc->nrows; r++) {
		if (lc->ncols[r] < 2)
			continue;
		intptr_t f = 0;
		cr_map_get(c->ctxw, lc->cols[r][0], strlen(lc->cols[r][0]), &f);
		for (size_t i = 0; i < CR_ARRAY_LEN(fl); i++)
			if (!strcmp(lc->cols[r][1], fl[i].n))
				f |= fl[i].f;
		cr_map_put(c->ctxw, lc->cols[r][0], strlen(lc->cols[r][0]), f);
	}
}

/* The per-token map: a word's went index + 1, its C_* flags << 16, and
 * M_PRELAST / M_POSTFIRST << 24 for the last word of a pre-modifier and the
 * first word of a post-modifier. */
static void build_tokmap(cr_numbers *c)
{
	size_t it = 0, kl;
	const char *key;
	intptr_t v;
	while (cr_map_next(c->words, &it, &key, &kl, &v))
		cr_map_put(c->tokmap, key, kl, v + 1);
	it = 0;
	while (cr_map_next(c->ctxw, &it, &key, &kl, &v)) {
		intptr_t w = 0;
		cr_map_get(c->tokmap, key, kl, &w);
		cr_map_put(c->tokmap, key, kl, w | (v << 16));
	}
	for (int post = 0; post < 2; post++) {
		it = 0;
		while (cr_map_next(post ? c->post : c->pre, &it, &key, &kl, &v)) {
			const char *piece = key;
			size_t pl = kl;
			const char *sp = post ? memchr(key, ' ', kl) : NULL;
			if (post && sp)
				pl = (size_t)(sp - key);
			for (size_t q = 0; !post && q < kl; q++)
				if (key[q] == ' ')
					piece = key + q + 1;
			if (!post)
				pl = kl - (size_t)(piece - key);
			intptr_t w = 0;
			cr_map_get(c->tokmap, piece, pl, &w);
			cr_map_put(c->tokmap, piece, pl, w | ((intptr_t)(post ? M_POSTFIRST : M_PRELAST) << 24));
		}
	}
}

cr_numbers *cr_numbers_new(void)
{
	cr_lexicon *lw = cr_lexicon_load(CR_DATA(lexicon_num_words_tsv), false);
	cr_lexicon *lm = cr_lexicon_load(CR_DATA(lexicon_num_modifiers_tsv), true);
	cr_lexicon *lv = cr_lexicon_load(CR_DATA(lexicon_num_vague_tsv), true);
	cr_lexicon *lc = cr_lexicon_load(CR_DATA(lexicon_num_context_tsv), true);
	cr_numbers *c = NULL;
	if (!lw || !lm || !lv || !lc)
		goto out;
	c = cr_xcalloc(1, sizeof *c);
	c->words = cr_map_new();
	c->suffix = cr_map_new();
	c->ctxw = cr_map_new();
	c->tokmap = cr_map_new();
	c->pre = cr_map_new();
	c->post = cr_map_new();
	c->vague = cr_map_new();
	load_words(c, lw);
	load_modifiers(c, lm);
	load_vague(c, lv);
	load_context(c, lc);
	build_tokmap(c);
	tok_table(c);
	for (int b = 0; b < 256; b++) {
		c->ccls[b] = (uint8_t)((cr_is_space(b) ? CC_SPACE : 0) | (cr_is_alpha(b) ? CC_ALPHA : 0) |
		                       (cr_is_digit(b) ? CC_DIGIT : 0));
		c->lower[b] = (uint8_t)cr_lower(b);
	}
out:
	cr_lexicon_free(lw);
	cr_lexicon_free(lm);
	cr_lexicon_free(lv);
	cr_lexicon_free(lc);
	return c;
}

void cr_numbers_free(cr_numbers *c)
{
	if (!c)
		return;
	cr_map_free(c->words);
	cr_map_free(c->suffix);
	cr_map_free(c->ctxw);
	cr_map_free(c->tokmap);
	free(c->thash);
	free(c->tslots);
	cr_map_free(c->pre);
	cr_map_free(c->post);
	cr_map_free(c->vague);
	free(c->went);
	free(c->ment);
	free(c->vent);
	free(c);
}

const char *cr_num_kind_name(int kind)
{
	static const char *n[] = { "cardinal", "ordinal", "percent", "fraction", "range", "vague", "age" };
	return kind >= 0 && kind < (int)CR_ARRAY_LEN(n) ? n[kind] : "?";
}

const char *cr_num_mod_name(int mod)
{
	static const char *n[] = { "none", "at_least", "more_than", "at_most", "less_than",
				   "about", "nearly", "up_to", "exactly" };
	return mod >= 0 && mod < (int)CR_ARRAY_LEN(n) ? n[mod] : "?";
}

/* ---------- tokens ----------
 *
 * The number recognizer reads the raw text with a tokenizer of its own, not
 * the segmenter's tokens (text/segment.c), for three reasons. It is a
 * library function over any string (cr_numbers_find), run and measured on
 * the Recognizers-Text specs with no segmentation. Its grammar needs what
 * the segmenter's tokens do not keep: the white space before a token (a
 * figure never runs over a blank line, "two\n\n3" is two figures), and the
 * lexicon entry of every word, hashed in the same pass over the bytes (this
 * loop is the recognizer's inner loop). And it is a token of the figure's
 * own shape: the segmenter splits "20-13" and "$1.5bn" the way sentences and
 * the tagger need. extract/analyze.c maps its spans onto the segmenter's
 * tokens (overlay).
 */



/* Length of the valid UTF-8 sequence at p, or 1 for an invalid byte. */
static size_t utf8_len(const char *t, size_t len, size_t p)
{
	unsigned char c = (unsigned char)t[p];
	size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
	if (n == 0 || p + n > len)
		return 1;
	for (size_t i = 1; i < n; i++)
		if (((unsigned char)t[p + i] & 0xC0) != 0x80)
			return 1;
	return n;
}

static void tokenize(P *p)
{
	const cr_numbers *c = p->c;
	const char *t = p->t;
	size_t len = p->len;
	/* about one token in four bytes of news: one allocation for most texts */
	size_t cap = len / 4 + 64, nk = 0;
	tok *v = cr_xmalloc(cap * sizeof *v);
	size_t i = 0;
	int gap = 0, ngap = 0, nl = 0;
	while (i < len) {
		unsigned char ch = (unsigned char)t[i];
		uint8_t cc = c->ccls[ch];
		size_t sl = cc & CC_SPACE ? 1 : ch >= 0x80 ? space_len(t, len, i) : 0;
		if (sl) {
			/* one line break is a wrapped line; a blank line ends the paragraph */
			if (ch == '\n')
				nl++;
			gap = nl >= 2 ? 2 : 1;
			if (ngap < 255)
				ngap++;
			i += sl;
			continue;
		}
		tok k = { (uint32_t)i, 0, T_PUNCT, (uint8_t)gap, (uint8_t)ngap, -1, 0, 0 };
		uint32_t h = 0;
		if (cc & CC_ALPHA) {
			/* the word and its hash (fold_hash) in one pass */
			size_t j = i;
			h = 2166136261u;
			do
				h = (h ^ c->lower[(unsigned char)t[j]]) * 16777619u;
			while (++j < len && (c->ccls[(unsigned char)t[j]] & CC_ALPHA));
			h = h ? h : 1;
			k.type = T_WORD;
			k.e = (uint32_t)j;
		} else if (cc & CC_DIGIT) {
			size_t j = i;
			while (j < len && (c->ccls[(unsigned char)t[j]] & CC_DIGIT))
				j++;
			k.type = T_NUM;
			k.e = (uint32_t)j;
		} else {
			k.e = (uint32_t)(i + utf8_len(t, len, i));
			h = fold_hash(t + i, k.e - k.s);
		}
		size_t n = k.e - k.s;
		if (k.type != T_NUM && n < 32) {
			uint32_t x = tok_lookup(c, t + k.s, n, h);
			if (x) {
				k.w = (int16_t)((x & 0xFFFF) - 1);
				if (k.type == T_WORD)
					k.cf = (uint8_t)(x >> 16);
				k.mf = (uint8_t)(x >> 24);
			}
		}
		if (nk == cap) {
			cap *= 2;
			v = cr_xrealloc(v, cap * sizeof *v);
		}
		v[nk++] = k;
		i = k.e;
		gap = ngap = nl = 0;
	}
	p->k = v;
	p->n = (int)nk;
}





static bool is_dash(const P *p, int i)
{
	if (is_ch(p, i, '-'))
		return true;
	if (i < 0 || i >= p->n || p->k[i].e - p->k[i].s != 3)
		return false;
	const unsigned char *s = (const unsigned char *)p->t + p->k[i].s;
	return s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94);
}

/* ---------- figures (pass 2; the figure at a token is number_figures.c) ---------- */

typedef CR_VEC(fig) fig_vec;

/* The figure at token i: in digits, in words, or a vague magnitude, with the
 * ratio a cardinal starts ("five out of six"). */
static bool figure_at(const P *p, int i, fig *f)
{
	bool ok = false;
	const tok *k = &p->k[i];
	if (k->type == T_NUM || is_ch(p, i, '.') || is_ch(p, i, '-') || k->e - k->s == 3) {
		ok = cr_num_fig_digits(p, i, f);
		/* "2 million", "3 hundred": digits that a word figure goes on from */
		if (ok && f->plain && near(p, f->t1) &&
		    (wcls(p, f->t1) == W_HUNDRED || wcls(p, f->t1) == W_SCALE || wcls(p, f->t1) == W_DOZEN)) {
			fig w;
			if (cr_num_fig_words(p, i, &w) && w.t1 > f->t1)
				*f = w;
		}
	}
	/* every word figure starts at a number word (fig_words reads nothing
	   else first), so the other words skip it */
	if (!ok && k->w >= 0)
		ok = cr_num_fig_words(p, i, f);
	if (ok && f->kind == CR_NUM_CARDINAL)
		cr_num_ratio(p, f);
	if (!ok && k->type == T_WORD)
		ok = cr_num_vague_at(p, i, f);
	return ok;
}

/* A percent sign or word after a cardinal: "90 percent", "5 per cent", "five %". */
static void percent_after(const P *p, fig *f)
{
	int j = f->t1;
	if (f->kind != CR_NUM_CARDINAL || !near(p, j))
		return;
	if (is_word(p, j, "percent") || is_word(p, j, "pc")) {
		f->kind = CR_NUM_PERCENT;
		f->t1 = j + 1;
	} else if (is_word(p, j, "per") && is_word(p, j + 1, "cent")) {
		f->kind = CR_NUM_PERCENT;
		f->t1 = j + 2;
	} else if (is_ch(p, j, '%') && !f->digits) {
		f->kind = CR_NUM_PERCENT;
		f->t1 = j + 1;
	}
}

/* The token after i where no figure starts at i: the rest of a glued or
 * overlong token run is skipped with it. */
static int skip_run(const P *p, int i)
{
	i++;
	while (i < p->n && p->k[i].gap == 0 && p->k[i - 1].type != T_PUNCT && p->k[i].type != T_PUNCT &&
	       (p->k[i].type == T_NUM || p->k[i - 1].type == T_NUM))
		i++;
	return i;
}

/* Pass 2: the figures of the text in order; a figure consumes its tokens. */
static void find_figures(const P *p, fig_vec *figs)
{
	for (int i = 0; i < p->n;) {
		fig f;
		if (figure_at(p, i, &f) && f.t1 > i) {
			percent_after(p, &f);
			cr_vec_push(figs, f);
			i = f.t1;
		} else {
			i = skip_run(p, i);
		}
	}
}

/* ---------- expressions ---------- */

typedef struct expr {
	fig f;
	int s0, s1;       /* tokens of the whole expression */
	uint8_t mod, mod2;
	bool cmp;
	bool range;
	fig g;            /* range: second figure */
	bool age;
	uint8_t age_unit;
	int a0, a1;       /* age unit words */
} expr;

typedef CR_VEC(expr) expr_vec;

/* Whether a modifier phrase may end (M_PRELAST) or start (M_POSTFIRST) at
 * token i. Digits and overlong tokens were not looked up: they may. */
static bool may_have_mod(const P *p, int i, uint8_t flag)
{
	if (i < 0 || i >= p->n)
		return false;
	const tok *k = &p->k[i];
	return (k->mf & flag) || k->type == T_NUM || k->e - k->s >= 32;
}

/* Longest pre-modifier phrase ending at token e (exclusive), starting at or after lo. */
static bool pre_mod(const P *p, int e, int lo, int *start, mentry *m)
{
	char key[128];
	if (!may_have_mod(p, e - 1, M_PRELAST))
		return false;
	for (int L = p->c->premax; L >= 1; L--) {
		int a = e - L;
		if (a < lo || a < 0)
			continue;
		bool ok = true;
		for (int q = a + 1; q <= e && q < p->n; q++)
			ok &= near(p, q);
		size_t n;
		intptr_t x;
		if (!ok || !cr_num_phrase_key(p, a, e, key, sizeof key, &n) || !cr_map_get(p->c->pre, key, n, &x))
			continue;
		unsigned char c0 = (unsigned char)p->t[p->k[a].s];
		if (!cr_is_alpha(c0) && p->k[a].s > 0) {
			unsigned char b = (unsigned char)p->t[p->k[a].s - 1];
			if (b == '<' || b == '>' || b == '=')
				continue;
		}
		*start = a;
		*m = p->c->ment[x];
		return true;
	}
	return false;
}

static bool post_mod(const P *p, int s, int hi, int *end, mentry *m)
{
	char key[128];
	if (!may_have_mod(p, s, M_POSTFIRST))
		return false;
	for (int L = p->c->postmax; L >= 1; L--) {
		int b = s + L;
		if (b > hi)
			continue;
		bool ok = true;
		for (int q = s; q < b; q++)
			ok &= near(p, q);
		size_t n;
		intptr_t x;
		if (!ok || !cr_num_phrase_key(p, s, b, key, sizeof key, &n) || !cr_map_get(p->c->post, key, n, &x))
			continue;
		/* "or equal to 6000", "or greater than 190": a comparison of the next figure */
		if (b < p->n && near(p, b) && (p->k[b].type == T_NUM || wcls(p, b) != W_NONE) &&
		    (is_word(p, b - 1, "to") || is_word(p, b - 1, "than")))
			return false;
		*end = b;
		*m = p->c->ment[x];
		return true;
	}
	return false;
}

static bool lower_mod(int m) { return m == CR_MOD_MORE_THAN || m == CR_MOD_AT_LEAST; }
static bool upper_mod(int m) { return m == CR_MOD_LESS_THAN || m == CR_MOD_AT_MOST || m == CR_MOD_UP_TO; }

static bool count_like(const fig *f)
{
	return (f->kind == CR_NUM_CARDINAL || f->kind == CR_NUM_AGE) && f->integer && f->v == floor(f->v);
}

/* Half-width of "about v": half the unit of its last significant digit,
 * within 10% and 25% of v ("about 300": 50; "about 1,640": 164; "about
 * 1,000": 250). */
static double about_tol(double v)
{
	double a = fabs(v), unit = 1;
	if (a >= 1 && a == floor(a)) {
		unit = cr_num_place(a);
	} else {
		unit = 0.1;
		for (int i = 0; i < 12 && fabs(a / unit - floor(a / unit + 0.5)) > 1e-9; i++)
			unit /= 10;
	}
	/* a single significant digit would give +-50% ("about 1,000"); a
	   quarter is as loose as "about" reads */
	return CR_MAX(0.1 * a, CR_MIN(unit / 2, 0.25 * a));
}

static void interval(const expr *x, cr_number *r)
{
	const fig *f = &x->f;
	double v = f->v;
	bool cnt = count_like(f) && f->kind != CR_NUM_PERCENT;
	r->low = r->high = v;
	r->has_low = r->has_high = true;
	if (x->range) {
		double a = f->v, b = x->g.v;
		r->low = a;
		r->high = b;
		if (x->mod == CR_MOD_MORE_THAN && cnt)
			r->low = a + 1;
		if (x->mod2 == CR_MOD_LESS_THAN && count_like(&x->g))
			r->high = b - 1;
		if (f->kind == CR_NUM_VAGUE)
			r->low = f->lo;
		if (x->g.kind == CR_NUM_VAGUE)
			r->high = x->g.hi;
		if (r->low > r->high) { /* "more than 0 and up to 0.7": no whole number inside */
			r->low = a;
			r->high = b;
		}
		return;
	}
	double lo = v, hi = v;
	if (f->kind == CR_NUM_VAGUE) {
		lo = f->lo;
		hi = f->hi;
	}
	switch (x->mod) {
	case CR_MOD_AT_LEAST:
		r->low = lo;
		r->has_high = false;
		break;
	case CR_MOD_MORE_THAN:
		r->low = f->kind == CR_NUM_VAGUE ? lo : cnt ? v + 1 : v;
		r->has_high = false;
		break;
	case CR_MOD_AT_MOST:
	case CR_MOD_UP_TO:
		r->high = hi;
		r->has_low = false;
		break;
	case CR_MOD_LESS_THAN:
		r->high = f->kind == CR_NUM_VAGUE ? hi : cnt ? v - 1 : v;
		r->has_low = false;
		break;
	case CR_MOD_ABOUT:
		if (f->kind == CR_NUM_VAGUE) {
			r->low = lo;
			r->high = hi;
		} else {
			double t = about_tol(v);
			r->low = v - t;
			r->high = v + t;
			if (cnt) {
				r->low = ceil(r->low);
				r->high = floor(r->high);
			}
		}
		break;
	case CR_MOD_NEARLY:
		if (f->kind == CR_NUM_VAGUE) {
			r->low = lo;
			r->high = hi;
		} else {
			r->low = v >= 0 ? 0.9 * v : v;
			r->high = v >= 0 ? v : 0.9 * v;
			if (cnt)
				r->low = ceil(r->low);
		}
		break;
	default:
		r->low = lo;
		r->high = hi;
		break;
	}
}

static bool is_unit_word(const P *p, int i, uint8_t *unit)
{
	static const struct { const char *w; uint8_t u; } t[] = {
		{ "year", CR_AGE_YEAR }, { "years", CR_AGE_YEAR }, { "month", CR_AGE_MONTH },
		{ "months", CR_AGE_MONTH }, { "week", CR_AGE_WEEK }, { "weeks", CR_AGE_WEEK },
		{ "day", CR_AGE_DAY }, { "days", CR_AGE_DAY } };
	for (size_t q = 0; q < CR_ARRAY_LEN(t); q++)
		if (is_word(p, i, t[q].w)) {
			*unit = t[q].u;
			return true;
		}
	return false;
}

/* Age unit words after token j: "-year-old", " years old", " years of age", " yo". */
static bool age_after(const P *p, int j, int *a0, int *a1, uint8_t *unit)
{
	int k = j;
	if (is_ch(p, k, '-') && near(p, k))
		k++;
	if (!near(p, k))
		return false;
	if (is_word(p, k, "yo") || (is_word(p, k, "yrs") && is_word(p, k + 1, "old"))) {
		*a0 = k;
		*a1 = is_word(p, k, "yo") ? k + 1 : k + 2;
		*unit = CR_AGE_YEAR;
		return true;
	}
	uint8_t u;
	if (!is_unit_word(p, k, &u))
		return false;
	int m = k + 1;
	if (is_ch(p, m, '-') && near(p, m))
		m++;
	if (is_word(p, m, "old") && near(p, m)) {
		*a0 = k;
		*a1 = m + 1;
		*unit = u;
		return true;
	}
	if (is_word(p, m, "of") && is_word(p, m + 1, "age") && near(p, m) && near(p, m + 1)) {
		*a0 = k;
		*a1 = m + 2;
		*unit = u;
		return true;
	}
	return false;
}

/* A figure in digits that is part of an ISO date "2022-03-25" (digits glued
 * by hyphens). */
static bool iso_date(const P *p, const fig *f)
{
	int i = f->t0;
	if (!f->digits)
		return false;
	for (int s = i - 4; s <= i; s += 2) {
		if (s < 0 || s + 4 >= p->n)
			continue;
		const tok *k = &p->k[s];
		if (k->type != T_NUM || k->e - k->s != 4 || !is_ch(p, s + 1, '-') || !is_ch(p, s + 3, '-') ||
		    p->k[s + 2].type != T_NUM || p->k[s + 4].type != T_NUM || p->k[s + 2].e - p->k[s + 2].s != 2 ||
		    p->k[s + 4].e - p->k[s + 4].s != 2)
			continue;
		bool glued = true;
		for (int q = s + 1; q <= s + 4; q++)
			glued &= p->k[q].gap == 0;
		if (glued && (s + 5 >= p->n || p->k[s + 5].gap || p->k[s + 5].type == T_PUNCT))
			return true;
	}
	return false;
}

/* A four-digit figure after a word that introduces a year ("in 2014",
 * "August 10, 2014"): it takes no counted noun. */
static bool year_context(const P *p, const fig *f)
{
	static const char *w[] = { "in", "since", "until", "till", "by", "from", "during", "of", "before",
				   "after", "early", "late", "mid", "to", "and", "between", "through" };
	if (!year_digits(f) || f->t0 == 0)
		return false;
	int b = f->t0 - 1;
	if (p->k[b].cf & C_MONTH)
		return true;
	if (is_ch(p, b, ',') && b > 0 && p->k[b - 1].type == T_NUM)
		return true;
	for (size_t i = 0; i < CR_ARRAY_LEN(w); i++)
		if (is_word(p, b, w[i]))
			return true;
	return false;
}

/* A lower-case plural-looking word ("civilians", "people"): the noun after a
 * capitalised adjective, not a verb ("3 Reuters said"). */
static bool plural_noun(const P *p, int i)
{
	const tok *k = &p->k[i];
	size_t n = k->e - k->s;
	const char *s = p->t + k->s;
	if (!cr_is_lower((unsigned char)s[0]) || (k->cf & C_STOP))
		return false;
	if (is_word(p, i, "people") || is_word(p, i, "children") || is_word(p, i, "men") || is_word(p, i, "women"))
		return true;
	return n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != 'u';
}

static bool is_capitalised(const P *p, int i)
{
	return i >= 0 && p->k[i].type == T_WORD && cr_is_upper((unsigned char)p->t[p->k[i].s]);
}

/* ----- figures that are not quantities: dates, clock times, a pronoun ----- */

/* A day of the month: "March 9", "9 March". */
static bool day_of_month(const P *p, const fig *f)
{
	if (!(f->digits && f->integer && f->v >= 1 && f->v <= 31))
		return false;
	int b = f->t0 - 1, a = f->t1;
	bool after_month = f->t0 > 0 && (p->k[b].cf & C_MONTH) && near(p, f->t0) && p->k[b].type == T_WORD;
	bool before_month = a < p->n && (p->k[a].cf & C_MONTH) && near(p, a) && cr_is_upper((unsigned char)p->t[p->k[a].s]);
	return after_month || before_month;
}

/* The minutes of a clock time: "10:30". */
static bool clock_minutes(const P *p, const fig *f)
{
	return f->digits && f->t0 > 0 && is_ch(p, f->t0 - 1, ':') && p->k[f->t0 - 1].gap == 0 && p->k[f->t0].gap == 0 &&
	       p->k[f->t0 - 2 >= 0 ? f->t0 - 2 : 0].type == T_NUM;
}

/* The hour of a clock time: "10:30". */
static bool clock_hour(const P *p, const fig *f)
{
	return f->digits && is_ch(p, f->t1, ':') && p->k[f->t1].gap == 0 && f->t1 + 1 < p->n &&
	       p->k[f->t1 + 1].type == T_NUM && p->k[f->t1 + 1].gap == 0;
}

/* An hour before "am" or "pm": "9pm", "10.30 am", "7 a.m." */
static bool clock_am_pm(const P *p, const fig *f)
{
	int a = f->t1;
	return f->digits && f->v < 13 && f->v >= 0 && near(p, a) &&
	       (is_word(p, a, "am") || is_word(p, a, "pm") ||
	        ((is_word(p, a, "a") || is_word(p, a, "p")) && is_ch(p, a + 1, '.') && is_word(p, a + 2, "m")));
}

/* A time of day before its zone: "1430 GMT". */
static bool clock_zone(const P *p, const fig *f)
{
	static const char *const zones[] = { "GMT", "BST", "UTC", "EST", "EDT", "CET", "hrs" };
	if (!(f->digits && f->integer && f->ndig == 4 && near(p, f->t1)))
		return false;
	for (size_t i = 0; i < CR_ARRAY_LEN(zones); i++)
		if (is_word(p, f->t1, zones[i]))
			return true;
	return false;
}

/* The pronoun "one" after a determiner: "the one you ...". */
static bool pronoun_one(const P *p, const fig *f)
{
	return f->t1 - f->t0 == 1 && is_word(p, f->t0, "one") && f->t0 > 0 && (p->k[f->t0 - 1].cf & C_DET);
}

/* A figure that any of these rules matches is left out. */
static bool (*const not_a_count[])(const P *, const fig *) = {
	day_of_month, clock_minutes, clock_hour, clock_am_pm, clock_zone, pronoun_one, iso_date,
};

static bool is_not_a_count(const P *p, const fig *f)
{
	for (size_t r = 0; r < CR_ARRAY_LEN(not_a_count); r++)
		if (not_a_count[r](p, f))
			return true;
	return false;
}

/* ----- modifiers and ages ----- */

/* The pre-modifier of x's figure ("at least 300"), starting at or after
 * token prev_end; "the" may stand between a comparison and an ordinal. */
static void take_pre_mod(const P *p, expr *x, int prev_end)
{
	const fig *f = &x->f;
	mentry m;
	int ms;
	int e0 = f->t0;
	if (f->kind == CR_NUM_ORDINAL && is_word(p, e0 - 1, "the"))
		e0--;
	/* an ordinal takes only "... than" ("higher than the tenth"); "over the
	   first two days" is a preposition */
	if (pre_mod(p, e0, prev_end, &ms, &m) && m.mod != MOD_OR_EQUAL &&
	    (f->kind != CR_NUM_ORDINAL || is_word(p, e0 - 1, "than"))) {
		x->mod = m.mod;
		x->cmp = m.cmp;
		x->s0 = ms;
	}
}

/* The modifier of a figure with pre-modifier pre and post-modifier post, or
 * -1 when the two do not go together: "or equal" makes "more than" and "less
 * than" inclusive; after no modifier, a hedge or "exactly", the
 * post-modifier is the figure's. */
static int with_post_mod(int pre, int post)
{
	if (post == MOD_OR_EQUAL)
		return pre == CR_MOD_MORE_THAN ? CR_MOD_AT_LEAST : pre == CR_MOD_LESS_THAN ? CR_MOD_AT_MOST : -1;
	if (pre == CR_MOD_NONE || pre == CR_MOD_EXACTLY || pre == CR_MOD_ABOUT || pre == CR_MOD_NEARLY)
		return post;
	return -1;
}

/* The post-modifier of x's figure ("300 or more"), ending at or before token hi. */
static void take_post_mod(const P *p, expr *x, int hi)
{
	mentry m;
	int pe;
	if (!post_mod(p, x->f.t1, hi, &pe, &m))
		return;
	int nm = with_post_mod(x->mod, m.mod);
	if (nm < 0)
		return;
	if (x->mod == CR_MOD_ABOUT || x->mod == CR_MOD_NEARLY)
		x->s0 = x->f.t0; /* the hedge gives way, and leaves the span */
	x->mod = (uint8_t)nm;
	x->cmp = true;
	x->s1 = pe;
}

/* An age cue before a cardinal of 1 to 120 with no modifier: "aged 59" (the
 * cue, at or after token prev_end, joins the span: *s0), "at the age of 59",
 * "Name, 59,", "died at 59". */
static bool age_cue_before(const P *p, const expr *x, int prev_end, int *s0)
{
	const fig *f = &x->f;
	int b = f->t0 - 1;
	if (!(f->kind == CR_NUM_CARDINAL && f->integer && f->v > 0 && f->v <= 120 && x->mod == CR_MOD_NONE))
		return false;
	if (b >= prev_end && b >= 0 && (p->k[b].cf & C_AGE) && near(p, f->t0)) {
		*s0 = b;
		return true;
	}
	if (b >= 1 && is_word(p, b, "of") && is_word(p, b - 1, "age"))
		return true;
	if (b >= 1 && is_ch(p, b, ',') && is_capitalised(p, b - 1) && is_ch(p, f->t1, ',') && f->digits &&
	    !(p->k[b - 1].cf & C_MONTH))
		return true;
	return b >= 1 && is_word(p, b, "at") && (p->k[b - 1].cf & C_AGECUE);
}

/* Whether x's figure is an age: by its unit words ("59-year-old") or a cue. */
static void take_age(const P *p, expr *x, int prev_end)
{
	const fig *f = &x->f;
	int a0, a1;
	uint8_t au;
	if (f->kind == CR_NUM_CARDINAL && f->v > 0 && f->v < 1000 && age_after(p, f->t1, &a0, &a1, &au)) {
		x->age = true;
		x->age_unit = au;
		x->a0 = a0;
		x->a1 = a1;
	} else if (age_cue_before(p, x, prev_end, &x->s0)) {
		x->age = true;
		x->age_unit = CR_AGE_IMPLIED;
	}
}

/* Pass 3, first part: each figure that is a quantity, with its modifiers
 * and whether it is an age. A modifier never reaches into a neighbour. */
static void find_exprs(const P *p, const fig_vec *figs, expr_vec *xs)
{
	int prev_end = 0;
	for (size_t fi = 0; fi < figs->len; fi++) {
		expr x;
		memset(&x, 0, sizeof x);
		x.f = figs->items[fi];
		x.s0 = x.f.t0;
		x.s1 = x.f.t1;
		if (is_not_a_count(p, &x.f)) {
			prev_end = x.f.t1;
			continue;
		}
		take_pre_mod(p, &x, prev_end);
		take_post_mod(p, &x, fi + 1 < figs->len ? figs->items[fi + 1].t0 : p->n);
		take_age(p, &x, prev_end);
		cr_vec_push(xs, x);
		prev_end = x.s1;
	}
}

/* ----- ranges ----- */

/* How two neighbouring expressions join into a range: a plain range ("15
 * to 20"), a lower bound then an upper ("more than 10 and less than 40"),
 * an upper bound then a lower ("less than 40 but more than 10"). */
enum { J_NONE, J_PLAIN, J_LOW_HIGH, J_HIGH_LOW };

/* "15 to 20 per cent", "15-20%": the first figure shares the sign. */
static bool percent_pair(const expr *x, const expr *y)
{
	return x->f.kind == CR_NUM_CARDINAL && y->f.kind == CR_NUM_PERCENT && x->mod == CR_MOD_NONE;
}

/* "1994-2014", "between 1983 and 1992" are time spans (timex's); "in 2003 to
 * 106,000" is a year next to a count. */
static bool year_pair(const fig *f, const fig *g)
{
	bool fy = year_digits(f), gy = year_digits(g);
	return (fy && gy) || (fy && !(g->digits && g->ndig == 4));
}

/* Figures f and g on either side of the dash or word at token c that are
 * not the ends of a range: a dash between words ("five-six"); "03-04", a
 * code or a date; digits glued to a sign or a slash ("+1-2", "1-2-3"). */
static bool not_range_ends(const P *p, const fig *f, const fig *g, int c)
{
	const char *text = p->t;
	if (is_dash(p, c) && (!f->digits || !g->digits))
		return true;
	if ((f->digits && text[p->k[f->t0].s] == '0' && f->v >= 1) ||
	    (g->digits && text[p->k[g->t0].s] == '0' && g->v >= 1))
		return true;
	if (!f->digits)
		return false;
	size_t a = p->k[f->t0].s;
	if (a > 0 && (text[a - 1] == '+' || text[a - 1] == '-' || text[a - 1] == '/'))
		return true;
	size_t b = p->k[g->t1 - 1].e;
	return b + 1 < p->len && (text[b] == '-' || text[b] == '/') && cr_is_digit((unsigned char)text[b + 1]);
}

/* A plain range of x and y, by the words around them: "between 15 and 20",
 * "between the first and the third", "from 15 to 20", "15-20", "15 to 20",
 * "15 through 20"; *lo_start is where the range starts (a hedge before it
 * is left out). J_PLAIN or J_NONE. */
static int plain_join(const P *p, const expr *x, const expr *y, int *lo_start)
{
	const fig *f = &x->f, *g = &y->f;
	if (x->mod == CR_MOD_ABOUT || x->mod == CR_MOD_NEARLY)
		*lo_start = f->t0;
	int c = x->s1;
	int gt = g->t0;
	if (f->kind == CR_NUM_ORDINAL && is_word(p, gt - 1, "the"))
		gt--;
	bool between = x->s0 > 0 && is_word(p, x->s0 - 1, "between") && near(p, x->s0) && is_word(p, c, "and") &&
		       c + 1 == gt;
	bool between_the = !between && f->kind == CR_NUM_ORDINAL && x->s0 > 1 && is_word(p, x->s0 - 1, "the") &&
			   is_word(p, x->s0 - 2, "between") && is_word(p, c, "and") && c + 1 == gt;
	bool from = x->s0 > 0 && is_word(p, x->s0 - 1, "from") && (is_word(p, c, "to") || is_word(p, c, "through")) &&
		    c + 1 == gt;
	bool conn = c + 1 == gt && near(p, c) && near(p, gt) &&
		    (is_dash(p, c) || is_ch(p, c, '~') || is_word(p, c, "to") || is_word(p, c, "through")) &&
		    !not_range_ends(p, f, g, c);
	if (year_pair(f, g))
		return J_NONE;
	if (between || between_the) {
		*lo_start = x->s0 - (between_the ? 2 : 1);
		return J_PLAIN;
	}
	if (from) {
		*lo_start = x->s0 - 1;
		return J_PLAIN;
	}
	return conn ? J_PLAIN : J_NONE;
}

/* Two comparisons that bound one range, joined by "and", "but" or a comma. */
static int comparison_join(const P *p, const expr *x, const expr *y)
{
	const fig *f = &x->f, *g = &y->f;
	int c = x->s1;
	bool adj = (c == y->s0 - 1 && (is_word(p, c, "and") || is_word(p, c, "but") || is_ch(p, c, ','))) ||
		   (c == y->s0 - 2 && is_ch(p, c, ',') && is_word(p, c + 1, "and"));
	if (adj && lower_mod(x->mod) && upper_mod(y->mod) && f->v < g->v)
		return J_LOW_HIGH;
	if (adj && upper_mod(x->mod) && lower_mod(y->mod) && g->v < f->v)
		return J_HIGH_LOW;
	return J_NONE;
}

/* How x joins the next expression y into a range (J_*), and where the
 * range starts. */
static int join_kind(const P *p, const expr *x, const expr *y, int *lo_start)
{
	const fig *f = &x->f, *g = &y->f;
	bool pct_pair = percent_pair(x, y);
	bool num_ok = ((f->kind == CR_NUM_CARDINAL || f->kind == CR_NUM_FRACTION || f->kind == CR_NUM_PERCENT ||
			f->kind == CR_NUM_ORDINAL) && f->kind == g->kind) || pct_pair;
	bool hedge = x->mod == CR_MOD_ABOUT || x->mod == CR_MOD_NEARLY;
	int join = J_NONE;
	*lo_start = x->s0;
	if (num_ok && (x->mod == CR_MOD_NONE || hedge) && y->mod == CR_MOD_NONE && f->v < g->v && !y->age)
		join = plain_join(p, x, y, lo_start);
	else if (num_ok && x->cmp && y->cmp && !y->age)
		join = comparison_join(p, x, y);
	return pct_pair && join != J_PLAIN ? J_NONE : join;
}

/* The range of x and y, joined as join says, starting at token lo_start. */
static expr make_range(const P *p, const expr *x, const expr *y, int join, int lo_start)
{
	const fig *g = &y->f;
	expr r = *x;
	r.range = true;
	r.s0 = lo_start;
	r.s1 = y->s1;
	if (percent_pair(x, y))
		r.f.kind = CR_NUM_PERCENT;
	/* "32 to 33 mln", "between five and six million": the scale is shared */
	if (join == J_PLAIN && g->scale > 1 && x->f.scale == 0 && x->f.v * g->scale <= g->v)
		r.f.v *= g->scale;
	if (join == J_PLAIN) {
		if (lo_start > 0 && (p->k[lo_start - 1].cf & C_AGE) && near(p, lo_start)) {
			r.age = true; /* "aged between 18 and 25" */
			r.age_unit = CR_AGE_IMPLIED;
			r.s0 = lo_start - 1;
		}
		r.mod = CR_MOD_NONE;
		r.mod2 = CR_MOD_NONE;
		r.cmp = false;
		r.g = *g;
	} else if (join == J_LOW_HIGH) {
		r.mod2 = y->mod;
		r.g = *g;
	} else {
		r.f = *g;
		r.g = x->f;
		r.mod = y->mod;
		r.mod2 = x->mod;
	}
	/* "40 - 50 years old" */
	int a0, a1;
	uint8_t au;
	if (join == J_PLAIN && age_after(p, g->t1, &a0, &a1, &au)) {
		r.age = true;
		r.age_unit = au;
		r.a0 = a0;
		r.a1 = a1;
	}
	return r;
}

/* Pass 3, second part: neighbouring expressions joined into ranges. */
static void join_ranges(const P *p, const expr_vec *xs, expr_vec *ys)
{
	for (size_t xi = 0; xi < xs->len; xi++) {
		const expr *x = &xs->items[xi];
		bool cue_age = x->age && x->age_unit == CR_AGE_IMPLIED && x->s0 < x->f.t0; /* "aged 18 to 25" */
		int join = J_NONE, lo_start = 0;
		if (xi + 1 < xs->len && (!x->age || cue_age))
			join = join_kind(p, x, &xs->items[xi + 1], &lo_start);
		if (join == J_NONE) {
			cr_vec_push(ys, *x);
			continue;
		}
		expr r = make_range(p, x, &xs->items[xi + 1], join, lo_start);
		cr_vec_push(ys, r);
		xi++;
	}
}

/* ----- results ----- */

/* The token of the noun a figure counts ("300 civilians", "300 Ukrainian
 * civilians", "thousands of people"), the figure's expression ending before
 * token after; -1 when there is none. */
static int counted_noun(const P *p, const fig *f, int after)
{
	const char *text = p->t;
	/* a year; a model number ("F-16 jets") */
	if (year_context(p, f) || (f->digits && f->t0 > 1 && is_ch(p, f->t0 - 1, '-') && p->k[f->t0].gap == 0 &&
				   p->k[f->t0 - 1].gap == 0 && p->k[f->t0 - 2].type == T_WORD))
		return -1;
	if (!(after < p->n && near(p, after) && p->k[after].gap == 1 && p->k[after].type == T_WORD))
		return -1;
	int w = after;
	bool of = is_word(p, w, "of");
	if (of && (f->kind == CR_NUM_VAGUE || f->kind == CR_NUM_PERCENT || f->kind == CR_NUM_FRACTION) &&
	    near(p, w + 1) && w + 1 < p->n && p->k[w + 1].gap == 1)
		w++;
	else if (f->kind == CR_NUM_VAGUE)
		return -1; /* "thousands fled": a vague word counts only "of" something */
	/* "300 Ukrainian civilians": the noun after a capitalised adjective */
	if (w + 1 < p->n && f->kind != CR_NUM_VAGUE && cr_is_upper((unsigned char)text[p->k[w].s]) &&
	    p->k[w].type == T_WORD && !(p->k[w].cf & C_MONTH) && p->k[w + 1].type == T_WORD &&
	    p->k[w + 1].gap == 1 && !(f->digits && f->ndig == 4) && plural_noun(p, w + 1))
		w++;
	const tok *k = &p->k[w];
	if (k->type == T_WORD && cr_is_lower((unsigned char)text[k->s]) && !(k->cf & (C_STOP | C_MONTH | C_DET)) &&
	    k->w < 0 && !cr_map_get(p->c->pre, text + k->s, k->e - k->s, NULL))
		return w;
	return -1;
}

/* The number of expression x: its spans, values, interval and counted noun. */
static void to_number(const P *p, const expr *x, cr_number *r)
{
	const fig *f = &x->f;
	r->start = p->k[x->s0].s;
	r->end = p->k[x->s1 - 1].e;
	r->num_start = p->k[f->t0].s;
	r->num_end = p->k[f->t1 - 1].e;
	r->value = f->v;
	r->kind = f->kind;
	r->percent = f->kind == CR_NUM_PERCENT;
	r->mod = x->mod;
	r->comparative = x->cmp;
	r->digits = f->digits;
	r->power = f->power;
	if (x->range) {
		r->kind = CR_NUM_RANGE;
		r->num2_start = p->k[x->g.t0].s;
		r->num2_end = p->k[x->g.t1 - 1].e;
		r->value2 = x->g.v;
		r->mod2 = x->mod2;
	}
	interval(x, r);
	if (x->age) {
		r->kind = CR_NUM_AGE;
		r->age_unit = x->age_unit;
		if (x->a1 > x->a0) {
			r->noun_start = p->k[x->a0].s;
			r->noun_end = p->k[x->a1 - 1].e;
		}
	} else {
		int w = counted_noun(p, f, x->s1);
		if (w >= 0) {
			r->noun_start = p->k[w].s;
			r->noun_end = p->k[w].e;
		}
	}
	r->year_like = year_digits(f) && r->noun_end == 0 && x->mod == CR_MOD_NONE && r->kind == CR_NUM_CARDINAL;
}

int cr_numbers_find(cr_number **out, size_t *n, const cr_numbers *ctx, const char *text, size_t len)
{
	if (!out || !n || !ctx || (!text && len))
		return -1;
	*out = NULL;
	*n = 0;
	if (len > UINT32_MAX)
		return -1;
	P p = { ctx, text, len, NULL, 0 };
	tokenize(&p);
	fig_vec figs = { 0 };
	expr_vec xs = { 0 }, ys = { 0 };
	find_figures(&p, &figs);
	find_exprs(&p, &figs, &xs);
	join_ranges(&p, &xs, &ys);
	cr_number *res = ys.len ? cr_xcalloc(ys.len, sizeof *res) : NULL;
	for (size_t yi = 0; yi < ys.len; yi++)
		to_number(&p, &ys.items[yi], &res[yi]);
	*out = res;
	*n = ys.len;
	free(p.k);
	cr_vec_free(&figs);
	cr_vec_free(&xs);
	cr_vec_free(&ys);
	return 0;
}
