/* namekey.c: see namekey.h. */
#include "recognize/namekey.h"
#include "recognize/gazetteer.h"
#include "recognize/translit.h"
#include "util/map.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static cr_lexicon *variants, *demonyms, *nations, *nicknames, *legal_forms, *org_heads, *org_context, *place_features, *roles;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	variants = cr_lexicon_load(CR_DATA(lexicon_name_variants_tsv), true);
	demonyms = cr_lexicon_load(CR_DATA(lexicon_demonyms_tsv), true);
	nations = cr_lexicon_load(CR_DATA(gazetteer_demonyms_tsv), true);
	nicknames = cr_lexicon_load(CR_DATA(lexicon_given_name_nicknames_tsv), true);
	legal_forms = cr_lexicon_load(CR_DATA(lexicon_org_legal_forms_tsv), true);
	org_heads = cr_lexicon_load(CR_DATA(lexicon_org_heads_tsv), true);
	org_context = cr_lexicon_load(CR_DATA(lexicon_org_context_tsv), true);
	place_features = cr_lexicon_load(CR_DATA(lexicon_place_features_tsv), true);
	roles = cr_lexicon_load(CR_DATA(lexicon_roles_tsv), true);
}

bool cr_is_org_context(const char *w, size_t n)
{
	pthread_once(&once, load);
	return org_context && cr_lexicon_find(org_context, w, n) >= 0;
}

bool cr_is_demonym(const char *s, size_t n)
{
	pthread_once(&once, load);
	return (demonyms && cr_lexicon_find(demonyms, s, n) >= 0) || (nations && cr_lexicon_find(nations, s, n) >= 0);
}

/* "Ukraine's", "Russia’s": a country's name in the possessive, which may
 * lead an organisation's name ("Ukraine's Centre for Civil Liberties"). */
static bool country_possessive(const char *w, size_t n)
{
	size_t stem = n > 2 && w[n - 2] == '\'' && (w[n - 1] == 's' || w[n - 1] == 'S') ? n - 2
	            : n > 4 && memcmp(w + n - 4, "\xe2\x80\x99s", 4) == 0 ? n - 4 : 0;
	const cr_gazetteer *g = stem ? cr_gazetteer_default() : NULL;
	uint32_t e;
	if (!g || cr_gazetteer_match(g, &w, &stem, 1, 0, &e) != 1)
		return false;
	const char *x = cr_gazetteer_extra(g, e);
	return x && strncmp(x, "country:", 8) == 0;
}

static void key_word(cr_buf *b, const char *w, size_t n)
{
	char tmp[128];
	if (n >= sizeof tmp) {
		for (size_t i = 0; i < n; i++)
			cr_buf_putc(b, (char)cr_lower((unsigned char)w[i]));
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)w[i] == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
		    ((unsigned char)w[i + 2] == 0x98 || (unsigned char)w[i + 2] == 0x99)) {
			tmp[k++] = '\'';
			i += 2;
		} else if (w[i] != '.') {
			tmp[k++] = (char)cr_lower((unsigned char)w[i]);
		}
	}
	/* a plural possessive: "magistrates'" is "magistrates" */
	if (k > 2 && tmp[k - 1] == '\'' && tmp[k - 2] == 's')
		k--;
	tmp[k] = 0;
	long r = variants ? cr_lexicon_find(variants, tmp, k) : -1;
	if (r >= 0 && variants->ncols[r] > 1)
		cr_buf_puts(b, variants->cols[r][1]);
	else
		cr_buf_append(b, tmp, k);
}

static bool suffix_word(const char *w, size_t n)
{
	static const char *const sfx[] = {"jr", "sr", "ii", "iii", "iv"};
	for (size_t k = 0; k < CR_ARRAY_LEN(sfx); k++)
		if (n == strlen(sfx[k]) && memcmp(w, sfx[k], n) == 0)
			return true;
	return false;
}

bool cr_is_surname_particle(const char *w, size_t n)
{
	static const char *const particles[] = {"lo", "la", "le", "de", "di", "da", "del", "della", "van", "von",
	                                        "der", "den", "du", "dos", "des"};
	for (size_t k = 0; k < CR_ARRAY_LEN(particles); k++)
		if (n == strlen(particles[k]) && memcmp(w, particles[k], n) == 0)
			return true;
	return false;
}

void cr_person_key_split(const char *key, char **given, char **surname, char **suffix)
{
	*given = *surname = *suffix = NULL;
	size_t n = strlen(key);
	while (n && key[n - 1] == ' ')
		n--;
	const char *sp = NULL;
	for (size_t i = n; i-- > 0;)
		if (key[i] == ' ') {
			sp = key + i;
			break;
		}
	/* "mark felt jr": the suffix, then the surname before it */
	if (sp && suffix_word(sp + 1, (size_t)(key + n - sp - 1))) {
		*suffix = cr_xstrndup(sp + 1, (size_t)(key + n - sp - 1));
		n = (size_t)(sp - key);
		sp = NULL;
		for (size_t i = n; i-- > 0;)
			if (key[i] == ' ') {
				sp = key + i;
				break;
			}
	}
	if (!sp) {
		*surname = cr_xstrndup(key, n);
		return;
	}
	*surname = cr_xstrndup(sp + 1, (size_t)(key + n - sp - 1));
	/* "lo presti", "van gogh": particles are no given name */
	bool particles = true;
	for (const char *p = key; p < sp && particles;) {
		size_t l = strcspn(p, " ");
		particles = cr_is_surname_particle(p, CR_MIN(l, (size_t)(sp - p)));
		p += l;
		while (p < sp && *p == ' ')
			p++;
	}
	if (!particles)
		*given = cr_xstrndup(key, (size_t)(sp - key));
}

static bool edit1(const char *a, size_t la, const char *b, size_t lb)
{
	if (la > lb + 1 || lb > la + 1)
		return false;
	size_t i = 0, j = 0, diff = 0;
	while (i < la && j < lb) {
		if (a[i] == b[j]) {
			i++, j++;
			continue;
		}
		if (++diff > 1)
			return false;
		if (la > lb)
			i++;
		else if (lb > la)
			j++;
		else
			i++, j++;
	}
	return diff + (la - i) + (lb - j) <= 1;
}

/* Whether full is one of the full names the nickname nick stands for. */
static bool nickname_of(const char *nick, size_t ln, const char *full, size_t lf)
{
	long r = nicknames ? cr_lexicon_find(nicknames, nick, ln) : -1;
	for (size_t c = 1; r >= 0 && c < nicknames->ncols[r]; c++)
		if (strlen(nicknames->cols[r][c]) == lf && memcmp(nicknames->cols[r][c], full, lf) == 0)
			return true;
	return false;
}

/* Two nicknames of one full name ("bill", "will": william). */
static bool nicknames_meet(const char *a, size_t la, const char *b, size_t lb)
{
	long r = nicknames ? cr_lexicon_find(nicknames, a, la) : -1;
	for (size_t c = 1; r >= 0 && c < nicknames->ncols[r]; c++)
		if (nickname_of(b, lb, nicknames->cols[r][c], strlen(nicknames->cols[r][c])))
			return true;
	return false;
}

static bool one_name_agrees(const char *a, size_t la, const char *b, size_t lb, bool fuzzy)
{
	if (la == lb && memcmp(a, b, la) == 0)
		return true;
	if (nickname_of(a, la, b, lb) || nickname_of(b, lb, a, la) || nicknames_meet(a, la, b, lb))
		return true;
	if ((la == 1 || lb == 1) && a[0] == b[0])
		return true;   /* an initial */
	if (fuzzy && la >= 5 && lb >= 5 && (edit1(a, la, b, lb) || memcmp(a, b, 4) == 0))
		return true;
	return false;
}

static bool given_names_agree(const char *a, const char *b, bool fuzzy)
{
	pthread_once(&once, load);
	const char *wa[8], *wb[8];
	size_t la[8], lb[8], na = 0, nb = 0;
	for (const char *p = a; *p && na < 8;) {
		while (*p == ' ')
			p++;
		const char *q = p;
		while (*q && *q != ' ')
			q++;
		if (q > p)
			wa[na] = p, la[na++] = (size_t)(q - p);
		p = q;
	}
	for (const char *p = b; *p && nb < 8;) {
		while (*p == ' ')
			p++;
		const char *q = p;
		while (*q && *q != ' ')
			q++;
		if (q > p)
			wb[nb] = p, lb[nb++] = (size_t)(q - p);
		p = q;
	}
	if (!na || !nb)
		return false;
	/* the shorter list, in order, within the longer; the first names must
	 * meet unless the longer list starts with an initial ("W. Mark") */
	const char **s = na <= nb ? wa : wb, **l = na <= nb ? wb : wa;
	size_t *ls = na <= nb ? la : lb, *ll = na <= nb ? lb : la, ns = CR_MIN(na, nb), nl = CR_MAX(na, nb);
	size_t j = 0;
	for (size_t i = 0; i < ns; i++) {
		while (j < nl && !one_name_agrees(s[i], ls[i], l[j], ll[j], fuzzy)) {
			if (i == 0 && j == 0 && ll[0] > 1)
				return false;
			j++;
		}
		if (j == nl)
			return false;
		j++;
	}
	return true;
}

bool cr_given_names_agree(const char *a, const char *b)
{
	return given_names_agree(a, b, true);
}

bool cr_given_names_agree_strictly(const char *a, const char *b)
{
	return given_names_agree(a, b, false);
}

static const char *place_kind(const char *name);

static char *name_key(const char *s0, size_t n, bool strip_demonym, bool strip_legal);

char *cr_name_key(const char *s, size_t n, bool strip_demonym)
{
	return name_key(s, n, strip_demonym, strip_demonym);
}

char *cr_org_key_kept(const char *s, size_t n)
{
	return name_key(s, n, false, true);
}

/* One order of words for one name: "ministry of transport" is "transport
 * ministry", "department of justice" "justice department" (a portfolio of
 * one to three words, none of them "of" or "for"). Takes and returns a
 * malloc'd key. */
static char *reordered(char *k)
{
	static const char *const heads[] = {"ministry", "department"};
	/* after a nationality kept in the key: "russian ministry of defence" */
	const char *sp = strchr(k, ' ');
	size_t at = sp && cr_is_demonym(k, (size_t)(sp - k)) ? (size_t)(sp - k) + 1 : 0;
	for (size_t h = 0; h < CR_ARRAY_LEN(heads); h++) {
		size_t hl = strlen(heads[h]);
		if (strncmp(k + at, heads[h], hl) != 0 || strncmp(k + at + hl, " of ", 4) != 0)
			continue;
		const char *rest = k + at + hl + 4;
		if (strncmp(rest, "the ", 4) == 0)
			rest += 4;   /* "ministry of the interior" */
		size_t words = 1;
		bool ok = *rest != 0;
		for (const char *p = rest; *p && ok; p++)
			if (*p == ' ') {
				words++;
				ok = strncmp(p, " of ", 4) != 0 && strncmp(p, " for ", 5) != 0 && strcmp(p, " of") != 0;
			}
		if (!ok || words > 3)
			break;
		cr_buf b = {0};
		cr_buf_printf(&b, "%.*s%s %s", (int)at, k, rest, heads[h]);
		free(k);
		k = cr_buf_detach(&b);
		break;
	}
	return k;
}

/* "air lines" is "airlines", before a trade word is looked for. */
static void join_air_lines(cr_buf *b, size_t *words)
{
	for (char *p = b->data ? strstr(b->data, "air lines") : NULL; p; p = strstr(p + 1, "air lines"))
		if ((p == b->data || p[-1] == ' ') && (p[9] == 0 || p[9] == ' ')) {
			memmove(p + 3, p + 4, strlen(p + 4) + 1);
			b->len--;
			(*words)--;
		}
}

/* A nation's force (namekey.h): its army, its police, its warplanes. */
static const char *const force_nouns[] = {"troops", "forces", "army", "military", "police", "navy", "warplanes",
                                          "jets", "gunboats", "warships", "helicopters", "artillery"};

bool cr_is_force_noun(const char *w, size_t n)
{
	for (size_t k = 0; k < CR_ARRAY_LEN(force_nouns); k++)
		if (n == strlen(force_nouns[k]) && cr_ieq(w, force_nouns[k], n))
			return true;
	return false;
}

/* Whether s (after a nationality) is a space and a force's noun and nothing
 * more: a nation's force, whose nationality is its name ("Chadian troops"
 * are not "Libyan troops"). */
static bool force_after(const char *s, size_t n)
{
	return n >= 2 && (s[0] == ' ' || s[0] == '-') && cr_is_force_noun(s + 1, n - 1);
}

static char *name_key(const char *s0, size_t n, bool strip_demonym, bool strip_legal)
{
	pthread_once(&once, load);
	/* a Russian or Ukrainian name in Cyrillic is keyed by its Latin form
	 * (translit.h): "Михаил Мизинцев" is "mikhail mizintsev" */
	char *latin = cr_translit_name(s0, n);
	if (latin) {
		s0 = latin;
		n = strlen(latin);
	}
	/* letters with diacritics match their bare forms: Erdoğan = Erdogan */
	utf8proc_uint8_t *folded = NULL;
	const char *s = s0;
	bool ascii = true;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)s0[i] < 0x80;
	if (!ascii) {
		utf8proc_ssize_t fl = utf8proc_map((const utf8proc_uint8_t *)s0, (utf8proc_ssize_t)n, &folded,
		                                   UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
		if (fl >= 0) {
			s = (const char *)folded;
			n = (size_t)fl;
		}
	}
	cr_buf b = {0};
	size_t i = 0, words = 0, w0 = 0, w0n = 0;   /* the first word kept */
	while (i < n) {
		while (i < n && (cr_is_space((unsigned char)s[i]) || s[i] == '-'))
			i++;
		size_t j = i;
		while (j < n && !cr_is_space((unsigned char)s[j]) && s[j] != '-')
			j++;
		if (j == i)
			break;
		bool skip = words == 0 && j - i == 3 && cr_ieq(s + i, "the", 3);
		if (words == 0 && strip_demonym && j < n &&
		    (cr_is_demonym(s + i, j - i) || country_possessive(s + i, j - i)) && !force_after(s + j, n - j))
			skip = true;
		if (!skip && words == 0)
			w0 = i, w0n = j - i;
		if (!skip) {
			if (b.len)
				cr_buf_putc(&b, ' ');
			/* "Chadian troops", "Chadian army", "Chadian warplanes": one force (its police and its navy apart) */
			if (words == 1 && force_after(s + i - 1, n - i + 1) && cr_is_demonym(s + w0, w0n) && !cr_ieq(s + i, "police", 6) &&
			    !cr_ieq(s + i, "navy", 4))
				cr_buf_puts(&b, "forces");
			else
				key_word(&b, s + i, j - i);
			words++;
		}
		i = j;
	}
	free(folded);
	free(latin);
	join_air_lines(&b, &words);
	/* "microsoft corp": a company's legal form, when a word is left before
	 * it that names no country, nationality or large city ("japan airlines"
	 * is not "japan", "indian airlines" not "indian") */
	while (strip_legal && words > 1 && legal_forms) {
		size_t sp = b.len;
		while (sp > 0 && b.data[sp - 1] != ' ')
			sp--;
		if (sp == 0 || cr_lexicon_find(legal_forms, b.data + sp, b.len - sp) < 0)
			break;
		/* the gazetteer's names are capitalised: "japan" is looked up as "Japan" */
		char *head = cr_xstrndup(b.data, sp - 1);
		for (char *w = head; *w; w++)
			if (w == head || w[-1] == ' ')
				*w = (char)(cr_is_lower((unsigned char)*w) ? *w - 32 : *w);
		const char *kind = place_kind(head);
		bool place = (kind && (strncmp(kind, "country:", 8) == 0 ||
		                       (strncmp(kind, "city:", 5) == 0 && strlen(kind) > 8 && atol(kind + 8) >= 100000))) ||
		             cr_is_demonym(head, strlen(head));
		free(head);
		if (place)
			break;
		b.len = sp - 1;
		b.data[b.len] = 0;
		words--;
	}
	return reordered(cr_buf_detach(&b));
}

/* The gazetteer's extra string for the whole name when it is a place ("sea",
 * "country:UA", "" when it has none), or NULL when it is no place. */
static const char *place_kind(const char *name)
{
	uint32_t e;
	const cr_gazetteer *g = cr_gazetteer_default();
	if (!cr_gazetteer_whole(name, strlen(name), &e) || cr_gazetteer_type(g, e) != CR_ENT_LOC)
		return NULL;
	const char *x = cr_gazetteer_extra(g, e);
	return x ? x : "";
}

bool cr_is_place_name(const char *name)
{
	return place_kind(name) != NULL;
}

bool cr_name_like(const char *s)
{
	static const char *const particles[] = {"de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la", "le",
	                                        "du", "da", "del", "di", "dos", "y"};
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ') {
			if (cr_is_digit((unsigned char)*p))
				return false;
			p++;
		}
		if (p == w)
			break;
		if (cr_is_upper((unsigned char)*w) || (unsigned char)*w >= 0x80)
			continue;
		bool particle = false;
		for (size_t k = 0; k < CR_ARRAY_LEN(particles) && !particle; k++)
			particle = (size_t)(p - w) == strlen(particles[k]) && memcmp(w, particles[k], (size_t)(p - w)) == 0;
		if (!particle)
			return false;
	}
	return true;
}

bool cr_is_description(const char *s, size_t n)
{
	bool digit = false, article = false;
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j == i)
			break;
		bool art = w == 0 && ((j - i == 3 && cr_ieq(s + i, "the", 3)) || (j - i == 1 && cr_ieq(s + i, "a", 1)) ||
		                      (j - i == 2 && cr_ieq(s + i, "an", 2)));
		article |= art;
		for (size_t k = i; k < j && !art; k++) {
			unsigned char c = (unsigned char)s[k];
			if (cr_is_upper(c) || c >= 0x80)
				return false;
			digit |= cr_is_digit(c);
		}
		w++;
		i = j;
	}
	return digit || article;
}

static bool org_head(const char *w, size_t n)
{
	char low[64];
	if (!org_heads || n >= sizeof low)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)cr_lower((unsigned char)w[i]);
	return cr_lexicon_find(org_heads, low, n) >= 0;
}

size_t cr_org_short_forms(const char *name, size_t *start, size_t *len, size_t max)
{
	pthread_once(&once, load);
	const char *w[16];
	size_t wl[16], n = 0, out = 0;
	for (const char *p = name; *p && n < 16;) {
		while (*p == ' ')
			p++;
		const char *q = p;
		while (*q && *q != ' ')
			q++;
		if (q > p)
			w[n] = p, wl[n++] = (size_t)(q - p);
		p = q;
	}
	/* an organisation's name: capitalised words, joined by "and", "of", "for" ... */
	for (size_t k = 0; k < n; k++) {
		static const char *const joins[] = {"and", "of", "for", "on", "the", "&", "in", "de"};
		bool ok = cr_is_upper((unsigned char)w[k][0]) || (unsigned char)w[k][0] >= 0x80;
		for (size_t j = 0; j < CR_ARRAY_LEN(joins) && !ok && k > 0 && k + 1 < n; j++)
			ok = wl[k] == strlen(joins[j]) && memcmp(w[k], joins[j], wl[k]) == 0;
		for (size_t c = 0; c < wl[k] && ok; c++)
			ok = !cr_is_digit((unsigned char)w[k][c]);
		if (!ok)
			return 0;
	}
	if (n < 2)
		return 0;
	/* less a leading place: the longest the gazetteer knows, the rest a name with no head word */
	for (size_t p = CR_MIN(3, n - 1); p >= 1 && out < max; p--) {
		char *lead = cr_xstrndup(w[0], (size_t)(w[p - 1] + wl[p - 1] - w[0]));
		bool place = cr_is_place_name(lead);
		free(lead);
		if (!place)
			continue;
		bool ok = cr_is_upper((unsigned char)w[p][0]);
		for (size_t k = p; k < n && ok; k++)
			ok = !org_head(w[k], wl[k]);
		if (ok) {
			start[out] = (size_t)(w[p] - name);
			len[out++] = (size_t)(w[n - 1] + wl[n - 1] - w[p]);
			/* a team's two-word name goes by its last word too ("Red Sox",
			 * "Sox"; "Trail Blazers", "Blazers"), unless that word is a post
			 * ("Los Angeles County Sheriff" is no "Sheriff") */
			if (n - p == 2 && out < max && wl[n - 1] >= 3 && cr_is_upper((unsigned char)w[n - 1][0]) &&
			    !(roles && cr_lexicon_find(roles, w[n - 1], wl[n - 1]) >= 0)) {
				start[out] = (size_t)(w[n - 1] - name);
				len[out++] = wl[n - 1];
			}
		}
		break;
	}
	/* a company's name (a legal form, then at most "of" and a place: "News
	 * Corp Ltd of Australia") goes by its first words: "Harcourt Brace" and
	 * "Harcourt" of "Harcourt Brace Jovanovich Inc", "Harper" of "Harper and
	 * Row Publishers Inc", "News Corp"; not a nationality or a place ("American" of
	 * "American Express Co"), nor a person's name ("Ivan F. Boesky and Co") */
	size_t core = n;
	for (size_t k = 1; k + 1 < n; k++)
		if (wl[k] == 2 && memcmp(w[k], "of", 2) == 0 && cr_is_legal_form(w[k - 1], wl[k - 1])) {
			char *tail = cr_xstrndup(w[k + 1], (size_t)(w[n - 1] + wl[n - 1] - w[k + 1]));
			if (cr_is_place_name(tail))
				core = k;
			free(tail);
			break;
		}
	if (core >= 2 && cr_is_legal_form(w[core - 1], wl[core - 1])) {
		bool person = false;
		for (size_t k = 0; k < core; k++)
			person |= wl[k] == 2 && w[k][1] == '.';
		size_t e = core;
		while (e > 1 && (cr_is_legal_form(w[e - 1], wl[e - 1]) || org_head(w[e - 1], wl[e - 1])))
			e--;
		if (core < n && e < core && out < max) {
			start[out] = 0;   /* "News Corp" of "News Corp Ltd of Australia" */
			len[out++] = (size_t)(w[core - 2] + wl[core - 2] - w[0]);
		}
		for (size_t p = e - 1; p >= 1 && !person && out < max; p--) {
			char *lead = cr_xstrndup(w[0], (size_t)(w[p - 1] + wl[p - 1] - w[0]));
			bool ok = cr_is_upper((unsigned char)w[p - 1][0]) && !cr_is_place_name(lead) && !cr_is_demonym(w[0], wl[0]) &&
			          !org_head(w[p - 1], wl[p - 1]);
			free(lead);
			if (ok) {
				start[out] = 0;
				len[out++] = (size_t)(w[p - 1] + wl[p - 1] - w[0]);
			}
		}
	}
	/* less its head words at the end, when what is left is no place or nationality */
	for (size_t e = n; e > 1 && out < max && org_head(w[e - 1], wl[e - 1]); e--) {
		size_t l = (size_t)(w[e - 2] + wl[e - 2] - w[0]);
		char *rest = cr_xstrndup(w[0], l);
		if (!cr_is_place_name(rest) && !(e == 2 && cr_is_demonym(w[0], wl[0])) &&
		    cr_is_upper((unsigned char)w[e - 2][0])) {
			start[out] = 0;
			len[out++] = l;
		}
		free(rest);
	}
	return out;
}

static bool vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

char *cr_name_skeleton(const char *key)
{
	/* the letters, words run together, a leading "al"/"el" article dropped */
	cr_buf l = {0};
	const char *p = key;
	while (*p == ' ')
		p++;
	if ((strncmp(p, "al ", 3) == 0 || strncmp(p, "el ", 3) == 0) && p[3])
		p += 3;
	for (; *p; p++)
		if (cr_is_alpha((unsigned char)*p))
			cr_buf_putc(&l, *p);
	cr_buf out = {0};
	char last = 0;
	for (size_t i = 0; i < l.len; i++) {
		char c = l.data[i], n = i + 1 < l.len ? l.data[i + 1] : 0;
		if (vowel(c) && i > 0)
			continue;   /* vowels alternate; a first vowel stays, as one class */
		if (vowel(c))
			c = 'a';
		else if (c == 'p' && n == 'h')
			c = 'f', i++;
		else if (c == 'c' && n == 'k')
			c = 'k', i++;
		else if (c == 'k' && n == 'h')
			c = 'h', i++;   /* Kh, one letter written kh or h: Mukhamedov, Muhamedov */
		else if (c == 'c' || c == 'q')
			c = 'k';
		else if (c == 'v' || c == 'w')
			c = 'b';
		else if (c == 'g' && i > 0 && vowel(l.data[i - 1]) && vowel(n))
			continue;   /* Greek gamma before a vowel: Kougias, Kouyias */
		else if (c == 'h' && i > 0 && !vowel(l.data[i - 1]))
			continue;   /* kh, gh, th, dh, sh: the h is a transliteration's */
		if (c == last)
			continue;   /* doubled letters */
		cr_buf_putc(&out, c);
		last = c;
	}
	cr_buf_free(&l);
	return cr_buf_detach(&out);
}

size_t cr_name_distance(const char *a, const char *b)
{
	/* letters only, so "iran nejad" and "irannejad" are 0 apart */
	char x[64], y[64];
	size_t n = 0, m = 0;
	for (; *a && n < sizeof x; a++)
		if (*a != ' ')
			x[n++] = *a;
	for (; *b && m < sizeof y; b++)
		if (*b != ' ')
			y[m++] = *b;
	/* optimal string alignment: insertions, deletions, substitutions, adjacent transpositions */
	size_t d[65][65];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t c = x[i - 1] == y[j - 1] ? 0 : 1;
			size_t v = CR_MIN(CR_MIN(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + c);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
				v = CR_MIN(v, d[i - 2][j - 2] + 1);
			d[i][j] = v;
		}
	return d[n][m];
}

size_t cr_name_initials(const char *name, char *out, size_t cap)
{
	size_t k = 0, words = 0;
	for (const char *p = name; *p && k + 1 < cap;) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		if (p == w || !cr_is_upper((unsigned char)*w))
			continue;
		words++;
		/* "U.S.": each letter of a dotted abbreviation */
		bool dotted = p - w >= 4 && w[1] == '.';
		for (const char *q = w; dotted && q < p; q++)
			if (cr_is_alpha((unsigned char)*q) && !(q + 1 < p && q[1] == '.'))
				dotted = false;
		if (dotted) {
			for (const char *q = w; q < p && k + 1 < cap; q += 2)
				out[k++] = *q;
		} else {
			out[k++] = *w;
		}
	}
	out[k] = 0;
	return words;
}

bool cr_acronym_of(const char *acr, size_t n, const char *name)
{
	if (n < 2 || !cr_is_upper((unsigned char)acr[0]))
		return false;
	char ini[32];
	if (cr_name_initials(name, ini, sizeof ini) < 2 || ini[0] != acr[0])
		return false;
	/* the acronym's capitals, in order, among the name's capitals */
	const char *p = name;
	for (size_t i = 0; i < n; i++) {
		if (!cr_is_upper((unsigned char)acr[i]))
			continue;
		while (*p && *p != acr[i])
			p++;
		if (!*p)
			return false;
		p++;
	}
	return true;
}

bool cr_is_place_feature(const char *w, size_t n)
{
	pthread_once(&once, load);
	char low[32];
	if (n >= sizeof low || !place_features)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)cr_lower((unsigned char)w[i]);
	return cr_lexicon_find(place_features, low, n) >= 0;
}

bool cr_is_legal_form(const char *w, size_t n)
{
	pthread_once(&once, load);
	char low[32];
	size_t k = 0;
	bool caps = true, dot = false;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '.') {
			dot = true;
			continue;
		}
		if (k + 1 >= sizeof low)
			return false;
		caps &= cr_is_upper((unsigned char)w[i]) != 0;
		low[k++] = (char)cr_lower((unsigned char)w[i]);
	}
	/* a short form in capitals or with its full stop: "SA", "Co."; "Sa" is a surname */
	if (k == 0 || !cr_is_upper((unsigned char)w[0]) || (k <= 2 && !caps && !dot))
		return false;
	return legal_forms && cr_lexicon_find(legal_forms, low, k) >= 0;
}

size_t cr_place_short_form(const char *name)
{
	size_t n = strlen(name), sp = n;
	while (sp > 0 && name[sp - 1] != ' ')
		sp--;
	if (sp < 2 || !cr_is_place_feature(name + sp, n - sp))
		return 0;
	char *rest = cr_xstrndup(name, sp - 1);
	/* "Mediterranean" the gazetteer knows as a sea is the Mediterranean Sea */
	const char *kind = place_kind(rest);
	bool ok = cr_name_like(rest) && (!kind || (strlen(kind) == n - sp && cr_ieq(kind, name + sp, n - sp)));
	free(rest);
	return ok ? sp - 1 : 0;
}

/* Whether word a (al bytes) is word b (bl bytes) or a clipping of it: its
 * first three letters or more, two or more letters shorter ("wlad" of
 * "wladimir", "mat" of "matanuska"), or so with a plural "s" on both ("jags"
 * of "jaguars"). */
static bool word_clips(const char *a, size_t al, const char *b, size_t bl, bool *clipped)
{
	if (al == bl && memcmp(a, b, al) == 0)
		return true;
	if (al > 3 && bl > 3 && a[al - 1] == 's' && b[bl - 1] == 's')
		al--, bl--;
	for (size_t k = 0; k < al; k++)
		if (!cr_is_alpha((unsigned char)a[k]))
			return false;
	*clipped = al >= 3 && al + 2 <= bl && memcmp(a, b, al) == 0;
	return *clipped;
}

bool cr_name_clips(const char *a, const char *b)
{
	bool clipped = false;
	const char *p = a, *q = b;
	while (*p && *q) {
		size_t l = strcspn(p, " "), m = strcspn(q, " ");
		bool c = false;
		if (!word_clips(p, l, q, m, &c))
			return false;
		clipped |= c;
		p += l, q += m;
		while (*p == ' ')
			p++;
		while (*q == ' ')
			q++;
	}
	return clipped && !*p && !*q;
}
