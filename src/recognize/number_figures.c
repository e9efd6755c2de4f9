/*
 * number_figures.c: the figure a number recognizer's token starts (see
 * number.c for the three passes): digits with their separators, decimal
 * marks, suffixes and exponents ("1,234.5", "23 000", "10k", "1e10", "90%"),
 * number words by their small grammar ("two hundred and five thousand",
 * "a dozen", "two thirds", "one and a half", "2.5 million", "point five"),
 * ratios ("five out of six") and vague magnitudes ("tens of thousands").
 */
#include "recognize/number_internal.h"

/* ---------- figures ---------- */


static bool dig(const P *p, size_t q)
{
	return q < p->len && cr_is_digit((unsigned char)p->t[q]);
}

static bool alpha(const P *p, size_t q)
{
	return q < p->len && cr_is_alpha((unsigned char)p->t[q]);
}

/* Value of the digits t[a..b) as a double. */
static double digval(const P *p, size_t a, size_t b)
{
	double v = 0;
	for (size_t i = a; i < b; i++)
		v = v * 10 + (p->t[i] - '0');
	return v;
}

#define MAX_PIECES 40

/*
 * A number in digits at q, with its separators: "1,234,567", "12,34,567.89",
 * "1.111,11", "4.800", "1,3", "23 000", ".25". Runs that are not one number
 * ("192.168.1.2", "22,24,26") yield their first piece only. nosep: read the
 * bare digits (the rest of a run already split). Sets *end, *integer, *ndig.
 */
static bool dnum(const P *p, size_t q, bool nosep, double *v, size_t *end, bool *integer, int *ndig)
{
	size_t a = q;
	*ndig = 0;
	if (p->t[q] == '.') {
		size_t b = q + 1;
		while (dig(p, b))
			b++;
		if (b - q - 1 > 20)
			return false;
		*v = digval(p, q + 1, b) / pow(10, (double)(b - q - 1));
		*end = b;
		*integer = false;
		return true;
	}
	while (dig(p, a))
		a++;
	if (a - q > 20) {
		*end = a;
		return false;
	}
	*v = digval(p, q, a);
	*end = a;
	*integer = true;
	if (nosep) {
		*ndig = (int)(a - q);
		return true;
	}
	size_t ps[MAX_PIECES + 1], pe[MAX_PIECES + 1];
	char sep[MAX_PIECES + 1];
	int np = 1;
	ps[0] = q;
	pe[0] = a;
	size_t pos = a;
	while (np <= MAX_PIECES && pos + 1 < p->len && (p->t[pos] == ',' || p->t[pos] == '.') && dig(p, pos + 1)) {
		size_t b = pos + 1;
		while (dig(p, b))
			b++;
		if (b - pos - 1 > 20)
			break;
		sep[np] = p->t[pos];
		ps[np] = pos + 1;
		pe[np] = b;
		np++;
		pos = b;
	}
	if (np > MAX_PIECES)
		return true; /* a long list: first piece only */
	if (np == 1 && a - q <= 3) {
		/* "23 000", "1 234 567", "40\u202f000" */
		while (np < MAX_PIECES) {
			size_t sl = pos < p->len ? space_len(p->t, p->len, pos) : 0;
			if (!sl || p->t[pos] == '\n' || p->t[pos] == '\t')
				break;
			size_t b = pos + sl;
			if (!(dig(p, b) && dig(p, b + 1) && dig(p, b + 2)) || dig(p, b + 3) ||
			    alpha(p, b + 3))
				break;
			sep[np] = ' ';
			ps[np] = b;
			pe[np] = b + 3;
			np++;
			pos = b + 3;
		}
		if (np > 1 && pos + 1 < p->len && p->t[pos] == '.' && dig(p, pos + 1)) {
			size_t b = pos + 1;
			while (dig(p, b) && b - pos < 20)
				b++;
			sep[np] = '.';
			ps[np] = pos + 1;
			pe[np] = b;
			np++;
		}
	}
	if (np == 1) {
		*ndig = (int)(a - q);
		return true;
	}
	/* Which separator marks the decimals, if any. */
	char last = sep[np - 1];
	int ngroup = np;      /* pieces before the decimals */
	bool dec = false;
	char gsep = 0;
	bool mixed = false;
	for (int i = 1; i < np - 1; i++)
		if (sep[i] != last)
			mixed = true;
	if (!mixed) {
		if (last == '.' && np == 2) {
			dec = true;
			ngroup = 1;
		} else if (last == '.') {
			return true;  /* "192.168.1.2": split */
		} else if (last == ' ') {
			gsep = ' ';
		} else { /* commas */
			gsep = ',';
			if (np == 2 && pe[1] - ps[1] <= 2) {
				dec = true;   /* "1,3", "5,00" */
				ngroup = 1;
			}
		}
	} else {
		dec = true;
		ngroup = np - 1;
		gsep = sep[1];
		for (int i = 1; i < ngroup; i++)
			if (sep[i] != gsep)
				return true;
		if (gsep == last)
			return true;
	}
	if (ngroup > 1) {
		/* groups: first 1-3 digits, then all 3 (western) or 2s then a 3 (Indian) */
		size_t f = pe[0] - ps[0];
		bool western = f >= 1 && f <= 3, indian = f >= 1 && f <= 2 && gsep == ',';
		for (int i = 1; i < ngroup; i++) {
			size_t g = pe[i] - ps[i];
			if (g != 3)
				western = false;
			if (i < ngroup - 1 ? g != 2 : g != 3)
				indian = false;
		}
		if (!western && !indian)
			return true; /* "22,24,26,31": split */
	}
	double x = 0;
	for (int i = 0; i < ngroup; i++)
		x = x * pow(10, (double)(pe[i] - ps[i])) + digval(p, ps[i], pe[i]);
	if (dec) {
		size_t dl = pe[ngroup] - ps[ngroup];
		x += digval(p, ps[ngroup], pe[ngroup]) / pow(10, (double)dl);
		*integer = false;
	}
	*v = x;
	*end = pe[np - 1];
	return true;
}

static bool currency_before(const P *p, size_t q)
{
	if (q == 0)
		return false;
	unsigned char c = (unsigned char)p->t[q - 1];
	if (c == '$')
		return true;
	if (q >= 2 && (unsigned char)p->t[q - 2] == 0xC2 && c == 0xA3) /* £ */
		return true;
	if (q >= 3 && (unsigned char)p->t[q - 3] == 0xE2 && (unsigned char)p->t[q - 2] == 0x82 && c == 0xAC) /* € */
		return true;
	return false;
}

static bool suffix_mult(const P *p, size_t a, size_t b, double *m)
{
	intptr_t x;
	if (b - a > 3 || !cr_map_get(p->c->suffix, p->t + a, b - a, &x))
		return false;
	*m = p->c->went[x].v;
	return true;
}

/* The token of a figure's digits at token i, after a minus sign ("-5",
 * "\u22120.5") when the sign is not a hyphen or a dash between words and
 * figures ("A-5", "1990 - 5"); *neg says whether there was one. -1 when no
 * figure in digits starts at i. */
static int after_sign(const P *p, int i, bool *neg)
{
	const tok *k = &p->k[i];
	*neg = false;
	if (!(is_ch(p, i, '-') || (k->e - k->s == 3 && !memcmp(p->t + k->s, "\xE2\x88\x92", 3))))
		return i;
	if (i + 1 >= p->n || p->k[i + 1].ngap > 2 || p->k[i + 1].gap > 1)
		return -1;
	int nt = i + 1;
	if (!(p->k[nt].type == T_NUM || (is_ch(p, nt, '.') && nt + 1 < p->n && p->k[nt + 1].type == T_NUM && !p->k[nt + 1].gap)))
		return -1;
	size_t b = k->s;
	while (b > 0 && cr_is_space((unsigned char)p->t[b - 1]))
		b--;
	unsigned char pc = b > 0 ? (unsigned char)p->t[b - 1] : 0;
	if (p->k[nt].gap == 0) {
		if (k->s > 0 && (cr_is_alpha((unsigned char)p->t[k->s - 1]) || cr_is_digit((unsigned char)p->t[k->s - 1])))
			return -1;
		if (cr_is_digit(pc) || pc == ')')
			return -1;
	} else if (pc && (cr_is_alpha(pc) || cr_is_digit(pc) || pc == ')' || pc == ',' || pc == '.')) {
		return -1;
	}
	*neg = true;
	return nt;
}

/* Digits start at token t: a digit run or ".25", not glued to a letter
 * before them ("A4", "COVID19"). */
static bool digits_at(const P *p, int t)
{
	size_t q0 = p->k[t].s;
	if (p->t[q0] == '.') {
		if (t + 1 >= p->n || p->k[t + 1].type != T_NUM || p->k[t + 1].gap || (q0 > 0 && cr_is_digit((unsigned char)p->t[q0 - 1])))
			return false;
	} else if (p->k[t].type != T_NUM) {
		return false;
	}
	return !(q0 > 0 && cr_is_alpha((unsigned char)p->t[q0 - 1]));
}

/* A scientific exponent at *q: "1e10", "2.5E-3"; applied to *v, *q moved past it. */
static bool e_exponent(const P *p, size_t *q, double *v)
{
	if (!(*q < p->len && (p->t[*q] == 'e' || p->t[*q] == 'E')))
		return false;
	size_t r = *q + 1;
	bool en = false;
	if (r < p->len && (p->t[r] == '+' || p->t[r] == '-'))
		en = p->t[r++] == '-';
	if (!dig(p, r))
		return false;
	size_t s = r;
	while (dig(p, r) && r - s < 4)
		r++;
	if (alpha(p, r) || dig(p, r))
		return false;
	double e = digval(p, s, r);
	*v *= pow(10, en ? -e : e);
	*q = r;
	return true;
}

/* A power at *q: "1.1^23", "3x10^8"; applied to *v, *q moved past it. */
static bool caret_power(const P *p, size_t *q, double *v)
{
	size_t q0 = *q;
	if (!(q0 < p->len && (p->t[q0] == '^' || (p->t[q0] == 'x' && q0 + 3 < p->len && !memcmp(p->t + q0 + 1, "10^", 3)))))
		return false;
	bool x10 = p->t[q0] == 'x';
	size_t r = q0 + (x10 ? 4 : 1);
	int minus = 0;
	while (r < p->len && (p->t[r] == '+' || p->t[r] == '-') && r - q0 < 8)
		minus += p->t[r++] == '-';
	if (!dig(p, r))
		return false;
	size_t s = r;
	while (dig(p, r) && r - s < 4)
		r++;
	double e = digval(p, s, r);
	if (minus & 1)
		e = -e;
	*v = x10 ? *v * pow(10, e) : pow(*v, e);
	*q = r;
	return true;
}

/* Letters glued to the digits [q0, *q): an ordinal suffix ("3rd") or a
 * multiplier ("10k", "$5m"), applied to f and *v and *q moved past them;
 * false for other letters ("29km", "1990s", "5G"), which make no figure. */
static bool glued_suffix(const P *p, size_t q0, size_t *qp, double *v, fig *f)
{
	size_t q = *qp, r = q;
	while (alpha(p, r))
		r++;
	double m;
	if (r - q == 2 && f->integer && (cr_ieq(p->t + q, "st", 2) || cr_ieq(p->t + q, "nd", 2) ||
					 cr_ieq(p->t + q, "rd", 2) || cr_ieq(p->t + q, "th", 2))) {
		f->kind = CR_NUM_ORDINAL;
	} else if (r - q == 1 && p->t[q] == 'G' && q - q0 == 1 && f->integer) {
		return false; /* "3G phones", "5G": a network generation */
	} else if (suffix_mult(p, q, r, &m) || (r - q == 1 && p->t[q] == 'm' && currency_before(p, q0) && (m = 1e6))) {
		*v *= m;
		f->scale = m;
	} else {
		return false; /* glued to a unit: "29km", "1990s" */
	}
	*qp = r;
	f->plain = false;
	f->ndig = 0;
	return true;
}

/* A multiplier after a space: "2.33 k", "1,674.5 G", "10 bln". */
static void spaced_suffix(const P *p, size_t *qp, double *v, fig *f)
{
	size_t q = *qp, r = q;
	while (r < p->len && p->t[r] == ' ' && r - q < 2)
		r++;
	if (!(r > q && alpha(p, r)))
		return;
	size_t s = r;
	while (alpha(p, r))
		r++;
	double m;
	bool ok = (r - s == 1 && strchr("kKMG", p->t[s])) || (r - s >= 2 && suffix_mult(p, s, r, &m));
	if (ok && !dig(p, r) && suffix_mult(p, s, r, &m)) {
		*v *= m;
		f->scale = m;
		*qp = r;
		f->plain = false;
		f->ndig = 0;
	}
}

/* A fraction "3/4" after the plain integer [q0, *q) of value *v. */
static void slash_fraction(const P *p, size_t q0, size_t *qp, double *v, fig *f)
{
	size_t q = *qp, s = q + 1, e = s;
	while (dig(p, e) && e - s < 10)
		e++;
	double d = digval(p, s, e);
	bool chain = (e < p->len && p->t[e] == '/' && dig(p, e + 1)) ||
		     (q0 >= 2 && p->t[q0 - 1] == '/' && cr_is_digit((unsigned char)p->t[q0 - 2]));
	/* denominators above 10 are rare in prose and "9/11" is a date */
	bool common = d <= 10 || d == 12 || d == 16 || d == 32 || d == 64 || d == 100;
	if (!chain && !alpha(p, e) && d > *v && *v > 0 && common) {
		*v /= d;
		f->kind = CR_NUM_FRACTION;
		f->plain = false;
		f->integer = false;
		*qp = e;
	}
}

/* A mixed number "2  1/4" after the plain integer ending at *q. */
static void mixed_fraction(const P *p, size_t *qp, double *v, fig *f)
{
	size_t q = *qp, s = q;
	while (s < p->len && p->t[s] == ' ' && s - q < 3)
		s++;
	if (!(s > q && dig(p, s)))
		return;
	size_t a = s;
	while (dig(p, a) && a - s < 4)
		a++;
	if (!(a < p->len && p->t[a] == '/' && dig(p, a + 1)))
		return;
	size_t b = a + 1;
	while (dig(p, b) && b - a < 5)
		b++;
	double nn = digval(p, s, a), dd = digval(p, a + 1, b);
	if (nn < dd && nn > 0 && !(b < p->len && p->t[b] == '/') && !alpha(p, b)) {
		*v += nn / dd;
		f->kind = CR_NUM_FRACTION;
		f->plain = false;
		f->integer = false;
		*qp = b;
	}
}

/* What may follow plain digits [q0, *q): a percent sign ("90%", "90 %"), a
 * fraction ("3/4") or a mixed number ("2 1/4"). */
static void after_plain(const P *p, size_t q0, size_t *qp, double *v, fig *f)
{
	size_t q = *qp;
	if (!(f->plain && q < p->len))
		return;
	size_t r = q + (p->t[q] == ' ' ? 1 : 0);
	if (r < p->len && p->t[r] == '%') {
		f->kind = CR_NUM_PERCENT;
		f->plain = false;
		*qp = r + 1;
	} else if (p->t[q] == '/' && f->integer && f->ndig && dig(p, q + 1)) {
		slash_fraction(p, q0, qp, v, f);
	} else if (f->integer && f->ndig) {
		mixed_fraction(p, qp, v, f);
	}
}

/* A figure in digits at token i (maybe after a sign). */
bool cr_num_fig_digits(const P *p, int i, fig *f)
{
	bool neg;
	int t = after_sign(p, i, &neg);
	if (t < 0 || !digits_at(p, t))
		return false;
	size_t q0 = p->k[t].s;
	bool nosep = q0 >= 2 && (p->t[q0 - 1] == '.' || p->t[q0 - 1] == ',') && cr_is_digit((unsigned char)p->t[q0 - 2]);
	double v;
	size_t q;
	bool integer;
	int ndig;
	if (!dnum(p, q0, nosep, &v, &q, &integer, &ndig))
		return false;
	memset(f, 0, sizeof *f);
	f->kind = CR_NUM_CARDINAL;
	f->digits = true;
	f->plain = true;
	f->integer = integer;
	f->ndig = ndig;
	/* f->integer and f->ndig stay dnum's until a suffix or an exponent is read */
	if (e_exponent(p, &q, &v) || caret_power(p, &q, &v)) {
		f->power = true;
		f->plain = false;
		f->integer = false;
		f->ndig = 0;
	} else if (alpha(p, q)) {
		if (!glued_suffix(p, q0, &q, &v, f))
			return false;
	} else {
		spaced_suffix(p, &q, &v, f);
	}
	after_plain(p, q0, &q, &v, f);
	f->v = neg ? -v : v;
	f->t0 = i;
	f->t1 = tok_from(p, t, q);
	if (neg)
		f->ndig = 0;
	return true;
}

/* ----- number words ----- */

typedef struct card {
	double v;
	int end;
	bool words, digits;
	int tens_tok;        /* a trailing tens word not after "and", or -1 */
	double tens_v;
	double last_scale;   /* the smallest scale applied, 0 if none */
	bool scale_last;     /* the figure ends with its scale word */
} card;

/* A small number at i: unit, teen, tens[-unit], or plain digits. */
static bool small_at(const P *p, int i, double *v, int *j, bool *word, int *tens_tok)
{
	*tens_tok = -1;
	if (i >= p->n)
		return false;
	int c = wcls(p, i);
	if (c == W_UNIT || c == W_TEEN) {
		*v = wval(p, i);
		*j = i + 1;
		*word = true;
		return true;
	}
	if (c == W_TENS) {
		*v = wval(p, i);
		*j = i + 1;
		*word = true;
		int k = i + 1;
		if (is_ch(p, k, '-') && near(p, k) && p->k[k].ngap <= 1 && wcls(p, k + 1) == W_UNIT &&
		    wval(p, k + 1) > 0 && near(p, k + 1) && p->k[k + 1].ngap <= 1) {
			*v += wval(p, k + 1);
			*j = k + 2;
		} else if (wcls(p, k) == W_UNIT && wval(p, k) > 0 && p->k[k].gap == 1) {
			*v += wval(p, k);
			*j = k + 1;
		} else {
			*tens_tok = i;
		}
		return true;
	}
	if (p->k[i].type == T_NUM) {
		fig f;
		if (!cr_num_fig_digits(p, i, &f) || !f.plain || f.kind != CR_NUM_CARDINAL)
			return false;
		*v = f.v;
		*j = f.t1;
		*word = false;
		return true;
	}
	return false;
}

static bool is_denom(const P *p, int i)
{
	int c = wcls(p, i);
	return c == W_ORD || c == W_ORDS || c == W_DEN;
}

/* A group below a thousand: "three hundred and two", "322 hundred", "a hundred". */
static bool group_at(const P *p, int i, card *g)
{
	double s;
	int j;
	bool word;
	int tt;
	memset(g, 0, sizeof *g);
	g->tens_tok = -1;
	if (wcls(p, i) == W_A && near(p, i + 1) &&
	    (wcls(p, i + 1) == W_HUNDRED || wcls(p, i + 1) == W_SCALE || wcls(p, i + 1) == W_DOZEN)) {
		s = 1;
		j = i + 1;
		word = true;
		tt = -1;
	} else if (!small_at(p, i, &s, &j, &word, &tt)) {
		return false;
	}
	g->words = word;
	g->digits = !word;
	g->tens_tok = tt;
	g->tens_v = tt >= 0 ? wval(p, tt) : 0;
	if (wcls(p, j) == W_HUNDRED && near(p, j)) {
		s *= 100;
		j++;
		g->words = true;
		g->tens_tok = -1;
		int k = j;
		bool and_ = is_word(p, k, "and") && near(p, k);
		if (and_)
			k++;
		double w;
		int e, t2;
		bool wd;
		if (near(p, k) && small_at(p, k, &w, &e, &wd, &t2) && w > 0 && w < 100 && (and_ || wd) &&
		    wcls(p, e) != W_HUNDRED && wcls(p, e) != W_POINT) {
			bool proper_frac = and_ && (is_denom(p, e) || (is_ch(p, e, '-') && is_denom(p, e + 1)));
			if (proper_frac) {
				int d = is_denom(p, e) ? e : e + 1;
				proper_frac = w < wval(p, d);
			}
			if (!proper_frac) {
				if (wcls(p, e) == W_DOZEN) {
					w *= 12;
					e++;
				}
				s += w;
				j = e;
				g->tens_tok = and_ ? -1 : t2;
				g->tens_v = t2 >= 0 ? wval(p, t2) : 0;
			}
		}
	}
	g->v = s;
	g->end = j;
	return true;
}

/* A cardinal from words, digits and scales: "two hundred and two thousand",
 * "4 thousand 3 hundred and 21", "2.5 million", "three lakh crore". */
static bool cardinal(const P *p, int i, card *out)
{
	card g;
	if (!group_at(p, i, &g))
		return false;
	double total = 0, last_scale = 1e300;
	card r = g;
	r.last_scale = 0;
	r.scale_last = false;
	for (int guard = 0; guard < 16; guard++) {
		int j = g.end;
		double gv = g.v;
		if (wcls(p, j) == W_DOZEN && near(p, j)) {
			gv *= 12;
			j++;
			r.words = true;
			r.tens_tok = -1;
		}
		if (wcls(p, j) == W_SCALE && near(p, j) && wval(p, j) < last_scale) {
			double sc = wval(p, j);
			gv *= sc;
			j++;
			while (wcls(p, j) == W_SCALE && near(p, j) && wval(p, j) > sc) {
				gv *= wval(p, j);
				sc = wval(p, j);
				j++;
			}
			total += gv;
			last_scale = sc;
			r.last_scale = sc;
			r.scale_last = true;
			r.words = true;
			r.tens_tok = -1;
			r.end = j;
			int k = j;
			bool and_ = is_word(p, k, "and") && near(p, k);
			if (and_)
				k++;
			card g2;
			if (near(p, k) && group_at(p, k, &g2) && g2.v > 0 && g2.v < sc &&
			    !(wcls(p, g2.end) == W_SCALE && wval(p, g2.end) >= sc) &&
			    !(and_ && (is_denom(p, g2.end) || (is_ch(p, g2.end, '-') && is_denom(p, g2.end + 1))))) {
				g = g2;
				r.scale_last = false;
				r.words |= g2.words;
				r.digits |= g2.digits;
				continue;
			}
			break;
		}
		total += gv;
		r.end = j;
		if (g.end == j) {
			r.tens_tok = g.tens_tok;
			r.tens_v = g.tens_v;
		}
		break;
	}
	r.v = total;
	*out = r;
	return true;
}

/* Value of a denominator starting at i ("fifths", "twenty-first", "hundredth"),
 * its end, whether plural. */
static bool denom_at(const P *p, int i, double *d, int *end, bool *plural)
{
	if (!near(p, i) || !is_denom(p, i))
		return false;
	*d = wval(p, i);
	*plural = wcls(p, i) == W_ORDS;
	*end = i + 1;
	return true;
}

/* A simple fraction for a mixed number: "a half", "one fourth", "three
 * quarters", "fifty-four hundredths"; proper (< 1). */
static bool simple_frac(const P *p, int i, double *v, int *end)
{
	double d;
	bool pl;
	int e;
	if (wcls(p, i) == W_A && near(p, i)) {
		int k = i + 1;
		double tens = 0;
		if (wcls(p, k) == W_TENS && near(p, k) && is_ch(p, k + 1, '-') && wcls(p, k + 2) == W_ORD && wval(p, k + 2) < 10) {
			tens = wval(p, k);
			k += 2;
		}
		if (denom_at(p, k, &d, &e, &pl) && !pl && (tens > 0 || d > 2 || wcls(p, k) == W_DEN)) {
			*v = 1 / (d + tens);
			*end = e;
			return true;
		}
		return false;
	}
	card c;
	if (!cardinal(p, i, &c) || !c.words || c.digits)
		return false;
	int k = c.end;
	if (is_ch(p, k, '-'))
		k++;
	if (!denom_at(p, k, &d, &e, &pl) || (!pl && c.v != 1) || c.v >= d || (!pl && d <= 2 && wcls(p, k) != W_DEN))
		return false;
	*v = c.v / d;
	*end = e;
	return true;
}

/* Digits after "point": "zero three", "seventy-one", "nought four". */
static bool point_digits(const P *p, int i, double *frac, int *end)
{
	char buf[24];
	int n = 0, j = i;
	while (j < p->n && n < 18 && near(p, j)) {
		int c = wcls(p, j);
		if (c == W_UNIT) {
			buf[n++] = (char)('0' + (int)wval(p, j));
			j++;
		} else if (c == W_TEEN || c == W_TENS) {
			double v;
			int e, tt;
			bool w;
			small_at(p, j, &v, &e, &w, &tt);
			int iv = (int)v;
			buf[n++] = (char)('0' + iv / 10);
			buf[n++] = (char)('0' + iv % 10);
			j = e;
		} else {
			break;
		}
	}
	if (!n)
		return false;
	double x = 0;
	for (int q = n - 1; q >= 0; q--)
		x = (x + (buf[q] - '0')) / 10;
	*frac = x;
	*end = j;
	return true;
}

/* Place value of the last nonzero digit of an integer-valued v (20 -> 10). */
double cr_num_place(double v)
{
	double pl = 1;
	v = fabs(v);
	if (v < 1 || v != floor(v))
		return 0;
	while (pl < 1e15 && fmod(v, pl * 10) == 0)
		pl *= 10;
	return pl;
}

/* "of a million", "a dozen", "million" after a fraction. */
static bool frac_mult(const P *p, int j, double *m, int *end)
{
	int k = j;
	if (is_word(p, k, "of") && near(p, k))
		k++;
	if (wcls(p, k) == W_A && near(p, k))
		k++;
	if ((wcls(p, k) == W_SCALE || wcls(p, k) == W_DOZEN) && near(p, k) &&
	    (k == j || wcls(p, k - 1) == W_A)) {
		*m = wval(p, k);
		*end = k + 1;
		return true;
	}
	return false;
}

/* After "a" at s: an ordinal word ("sixth", "twenty-first") followed by a
 * lower-case content word, so the ordinal modifies a noun. */
static bool e_is_noun(const P *p, int s)
{
	int k = s + 1;
	if (wcls(p, k) == W_TENS && is_ch(p, k + 1, '-') && wcls(p, k + 2) == W_ORD)
		k += 2;
	if (wcls(p, k) != W_ORD)
		return false;
	int e = k + 1;
	return e < p->n && near(p, e) && p->k[e].type == T_WORD && cr_is_lower((unsigned char)p->t[p->k[e].s]) &&
	       !(p->k[e].cf & C_STOP) && wcls(p, e) == W_NONE;
}

/* What a figure in words has read so far: its value, the token after it,
 * whether it is a fraction. */
typedef struct wread {
	double v;
	int j;
	bool frac;
} wread;

/* 1. A denominator right after cardinal c: "two thirds", "one hundred
 * thirty fifths", and the ordinal "twenty-first". False when none follows
 * (or c has digits). */
static bool denominator_after(const P *p, const card *c, fig *f, wread *w)
{
	int j = w->j, k = j;
	if (is_ch(p, k, '-') && near(p, k))
		k++;
	double d;
	int e;
	bool pl;
	if (!denom_at(p, k, &d, &e, &pl) || c->digits)
		return false;
	double num = w->v, den = d;
	/* "one hundred thirty fifths" is 100/35: a trailing tens word joins the denominator */
	if (c->tens_tok >= 0 && c->tens_tok == j - 1 && d < 10 && wcls(p, k) == W_ORD + (pl ? 1 : 0) &&
	    w->v - c->tens_v > 0) {
		num = w->v - c->tens_v;
		den = c->tens_v + d;
	}
	bool ok = pl ? true : (num == 1 && (d > 2 || wcls(p, k) == W_DEN || den != d));
	if (ok && !(wcls(p, k) == W_ORD && d == 2 && den == 2)) {
		w->v = num / den;
		w->j = e;
		w->frac = true;
	} else if (!pl && wcls(p, k) == W_ORD && c->tens_tok >= 0 && w->v == c->tens_v && d < 10) {
		w->v += d;
		w->j = e;
		f->kind = CR_NUM_ORDINAL;
	}
	/* otherwise the cardinal stays ("hundredth"-style compounds are rare) */
	return true;
}

/* 2. A second number forming the denominator: "one twenty-fifth". */
static void denominator_number(const P *p, wread *w)
{
	int j = w->j, cj = wcls(p, j);
	card c2;
	if (!((cj == W_UNIT || cj == W_TENS || cj == W_TEEN) && cardinal(p, j, &c2) && c2.words && !c2.digits))
		return;
	int k2 = c2.end;
	if ((is_ch(p, k2, '-') || is_word(p, k2, "and")) && near(p, k2))
		k2++;
	double d;
	int e;
	bool pl;
	if (denom_at(p, k2, &d, &e, &pl) && wcls(p, k2) != W_DEN && (pl || w->v == 1)) {
		w->v = w->v / (c2.v + d);
		w->j = e;
		w->frac = true;
	}
}

/* 3. Mixed numbers ("one and a half", "two million and a half", "one and a
 * half million") and "and" continuations of cardinal c by a smaller word number. */
static void and_continuation(const P *p, const card *c, wread *w)
{
	for (int guard = 0; !w->frac && guard < 4; guard++) {
		int j = w->j;
		if (!(is_word(p, j, "and") && near(p, j)))
			break;
		double fv;
		int e;
		if (near(p, j + 1) && simple_frac(p, j + 1, &fv, &e)) {
			double base = w->v;
			bool next_scale = wcls(p, e) == W_SCALE && near(p, e);
			if (c->scale_last && !next_scale)
				fv *= c->last_scale;
			if (next_scale) {
				double s2 = wval(p, e);
				if (c->last_scale > s2)
					w->v = base + fv * s2;
				else
					w->v = (base + fv) * s2;
				e++;
			} else {
				w->v = base + fv;
			}
			w->j = e;
			w->frac = true;
			break;
		}
		double x;
		int e2, tt;
		bool wd;
		double pl = cr_num_place(w->v);
		if (c->words && near(p, j + 1) && small_at(p, j + 1, &x, &e2, &wd, &tt) && wd && x > 0 && x < pl &&
		    wcls(p, e2) != W_HUNDRED && wcls(p, e2) != W_SCALE) {
			w->v += x;
			w->j = e2;
			continue;
		}
		break;
	}
}

/* 4. Decimals in words, "two point five"; else whether the value is whole. */
static void point_decimals(const P *p, const card *c, fig *f, wread *w)
{
	double fr;
	int e;
	if (w->frac)
		return;
	if (c->words && wcls(p, w->j) == W_POINT && near(p, w->j) && point_digits(p, w->j + 1, &fr, &e)) {
		w->v += fr;
		w->j = e;
		f->integer = false;
	} else {
		f->integer = w->v == floor(w->v);
	}
}

/* A figure from cardinal c and what follows it (steps 1 to 4). */
static void words_from_cardinal(const P *p, const card *c, fig *f, wread *w)
{
	*w = (wread){ c->v, c->end, false };
	f->digits = !c->words;
	f->scale = c->scale_last ? c->last_scale : 0;
	if (c->words && !denominator_after(p, c, f, w) && near(p, w->j))
		denominator_number(p, w);
	and_continuation(p, c, w);
	point_decimals(p, c, f, w);
}

/* A figure from a number word at s that starts no cardinal: a fraction
 * after "a" ("a third", not "a third term"), "half", "quarter million", an
 * ordinal ("fifth"; "second" only after "the"). */
static bool words_other(const P *p, int s, bool neg, fig *f, wread *w)
{
	int c0 = wcls(p, s);
	if (c0 == W_A && near(p, s + 1)) {
		double fv;
		int e;
		/* "a sixth promise", "a third term": an ordinal before a noun */
		if (e_is_noun(p, s) || !simple_frac(p, s, &fv, &e))
			return false;
		*w = (wread){ fv, e, true };
		return true;
	}
	if (c0 == W_DEN && wval(p, s) == 2) {
		if (s > 0 && (wcls(p, s - 1) == W_ORD || is_word(p, s - 1, "other")))
			return false; /* "the first half of 2022", "the other half" */
		if ((s > 0 && is_ch(p, s - 1, '-') && p->k[s].gap == 0) || (is_ch(p, s + 1, '-') && p->k[s + 1].gap == 0))
			return false; /* "fly-half", "half-time" */
		*w = (wread){ 0.5, s + 1, true }; /* "half" */
		return true;
	}
	if (c0 == W_DEN && wval(p, s) == 4 && wcls(p, s + 1) == W_SCALE && near(p, s + 1)) {
		*w = (wread){ 0.25, s + 1, true };
		return true;
	}
	if (c0 == W_ORD && !neg) {
		if (wval(p, s) == 2 && !is_word(p, s - 1, "the"))
			return false;
		*w = (wread){ wval(p, s), s + 1, false };
		f->kind = CR_NUM_ORDINAL;
		return true;
	}
	return false;
}

bool cr_num_fig_words(const P *p, int i, fig *f)
{
	memset(f, 0, sizeof *f);
	f->t0 = i;
	f->kind = CR_NUM_CARDINAL;
	int s = i;
	bool neg = false;
	if (wcls(p, i) == W_NEG) {
		neg = true;
		s = i + 1;
		if (!near(p, s))
			return false;
	}
	wread w;
	card c;
	if (wcls(p, s) == W_VULGAR)
		w = (wread){ wval(p, s), s + 1, true };
	else if (cardinal(p, s, &c))
		words_from_cardinal(p, &c, f, &w);
	else if (!words_other(p, s, neg, f, &w))
		return false;
	if (w.frac) {
		double m;
		int e;
		f->kind = CR_NUM_FRACTION;
		if (frac_mult(p, w.j, &m, &e)) {
			w.v *= m;
			w.j = e;
		}
	}
	f->v = neg ? -w.v : w.v;
	f->t1 = w.j;
	return true;
}

/* "one over three", "five out of six", "1 in twenty-one". */
void cr_num_ratio(const P *p, fig *f)
{
	int j = f->t1;
	if (f->kind != CR_NUM_CARDINAL || f->v == 0 || !near(p, j))
		return;
	int k;
	int form;
	if (is_word(p, j, "out") && is_word(p, j + 1, "of") && near(p, j + 1)) {
		k = j + 2;
		form = 0;
	} else if (is_word(p, j, "in")) {
		k = j + 1;
		form = 1;
	} else if (is_word(p, j, "over")) {
		k = j + 1;
		form = 2;
	} else {
		return;
	}
	if (!near(p, k))
		return;
	fig g;
	bool ok = p->k[k].type == T_NUM ? cr_num_fig_digits(p, k, &g) : cr_num_fig_words(p, k, &g);
	if (!ok || g.kind != CR_NUM_CARDINAL || g.v <= 0 || !(g.plain || !g.digits))
		return;
	if (form != 2 && g.v <= fabs(f->v))
		return;
	if (form == 1 && year_digits(&g))
		return;
	if (form == 2) {
		if (currency_before(p, p->k[f->t0].s))
			return;
		if (g.t1 < p->n && p->k[g.t1].type == T_WORD)
			return;
	}
	f->v /= g.v;
	f->kind = CR_NUM_FRACTION;
	f->t1 = g.t1;
	f->plain = false;
	f->integer = false;
	f->ndig = 0;
}

/* Lower-cased key of tokens [a, b) joined by single spaces; false if too long. */
bool cr_num_phrase_key(const P *p, int a, int b, char *buf, size_t cap, size_t *n)
{
	size_t m = 0;
	for (int i = a; i < b; i++) {
		size_t l = p->k[i].e - p->k[i].s;
		if (m + l + 1 >= cap)
			return false;
		if (i > a)
			buf[m++] = ' ';
		for (size_t q = 0; q < l; q++)
			buf[m++] = (char)cr_lower((unsigned char)p->t[p->k[i].s + q]);
	}
	*n = m;
	return true;
}

bool cr_num_vague_at(const P *p, int i, fig *f)
{
	if (!(p->k[i].cf & C_VFIRST))
		return false;
	char key[96];
	for (int L = p->c->vmax; L >= 1; L--) {
		if (i + L > p->n)
			continue;
		bool ok = true;
		for (int q = i + 1; q < i + L; q++)
			ok &= near(p, q) && p->k[q].type == T_WORD;
		size_t n;
		intptr_t x;
		if (!ok || !cr_num_phrase_key(p, i, i + L, key, sizeof key, &n) || !cr_map_get(p->c->vague, key, n, &x))
			continue;
		memset(f, 0, sizeof *f);
		f->t0 = i;
		f->t1 = i + L;
		f->kind = CR_NUM_VAGUE;
		f->lo = p->c->vent[x].lo;
		f->hi = p->c->vent[x].hi;
		f->v = f->lo;
		/* "several hundred", "a few thousand" */
		int j = f->t1;
		if ((wcls(p, j) == W_HUNDRED || wcls(p, j) == W_SCALE) && near(p, j) && f->hi < 100) {
			f->lo *= wval(p, j);
			f->hi *= wval(p, j);
			f->t1 = j + 1;
		}
		return true;
	}
	return false;
}
