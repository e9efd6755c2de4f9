/* boilerplate.c: see boilerplate.h for the rules. */
#include "ingest/boilerplate.h"
#include "util/map.h"
#include "util/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static cr_lexicon *phrases, *credits;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	phrases = cr_lexicon_load(CR_DATA(lexicon_boilerplate_tsv), false);
	credits = cr_lexicon_load(CR_DATA(lexicon_photo_credits_tsv), true);
}

/* Lower-cased ASCII letters, digits, spaces and apostrophes of a line, other
 * bytes dropped, ends trimmed: the form phrases are compared in. */
static size_t fold(char *out, size_t cap, const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (cr_is_alpha(c) || cr_is_digit(c) || c == ':')
			out[k++] = (char)cr_lower(c);
		else if ((c == ' ' || c == '\t' || c == '-') && k && out[k - 1] != ' ')
			out[k++] = ' ';
	}
	while (k && (out[k - 1] == ' ' || out[k - 1] == ':'))
		k--;
	out[k] = 0;
	return k;
}

static bool ends_sentence(const char *s, size_t n);

static bool phrase_match(const char *s, size_t n)
{
	if (!phrases)
		return false;
	char f[160];
	if (n > 120)
		return false;
	size_t k = fold(f, sizeof f, s, n);
	for (size_t r = 0; r < phrases->nrows; r++) {
		if (phrases->ncols[r] < 2)
			continue;
		const char *how = phrases->cols[r][0], *p = phrases->cols[r][1];
		size_t pl = strlen(p);
		if (strcmp(how, "exact") == 0 && pl == k && memcmp(f, p, k) == 0)
			return true;
		if (strcmp(how, "prefix") == 0 && k >= pl && memcmp(f, p, pl) == 0 && n <= 100)
			return true;
		if (strcmp(how, "label") == 0 && k >= pl && memcmp(f, p, pl) == 0 && (k == pl || f[pl] == ' ') &&
		    n <= 120 && !ends_sentence(s, n))
			return true;
	}
	return false;
}

/* Capitals only: letters with case, none lower-case. Scripts without case
 * (Arabic, Hebrew, Chinese) never look like shouting. */
static bool all_capitals(const char *s, size_t n)
{
	size_t upper = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)cr_utf8_decode(s + i, n - i, &cp);
		if (cp < 0 || !cr_cp_is_letter(cp))
			continue;
		if (cr_cp_is_upper(cp))
			upper++;
		else
			return false;   /* lower-case, or a letter without case */
	}
	return upper >= 4;
}

static bool opens_with_pictograph(const char *s, size_t n)
{
	int32_t cp;
	cr_utf8_decode(s, n, &cp);
	return cp > 0x7f && utf8proc_category(cp) == UTF8PROC_CATEGORY_SO;
}

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool sp = cr_is_space((unsigned char)s[i]);
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static bool ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || (unsigned char)s[n - 1] >= 0x80)) {
		/* skip closing quotes, straight or curly (UTF-8 continuation bytes) */
		if ((unsigned char)s[n - 1] >= 0x80) {
			size_t k = n - 1;
			while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			int32_t cp;
			cr_utf8_decode(s + k, n - k, &cp);
			if (cp != 0x201D && cp != 0x2019 && cp != 0xBB)
				break;
			n = k;
		} else {
			n--;
		}
	}
	return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* "By Jane Smith" / "by time news": short, no sentence end. */
static bool is_byline(const char *s, size_t n)
{
	if (n < 4 || n > 80 || !cr_ieq(s, "by ", 3) || ends_sentence(s, n))
		return false;
	size_t w = count_words(s, n);
	return w >= 2 && w <= 6;
}

/* A caption ends with "(... credit ...)". */
static bool has_photo_credit(const char *s, size_t n)
{
	if (!credits || n < 3 || s[n - 1] != ')')
		return false;
	size_t open = n - 1;
	while (open > 0 && s[open] != '(')
		open--;
	if (s[open] != '(' || n - open > 80)
		return false;
	/* each word (and each two-word run) of the parenthesis against the list */
	const char *p = s + open + 1, *e = s + n - 1;
	const char *prev = NULL;
	while (p < e) {
		while (p < e && !cr_is_alpha((unsigned char)*p))
			p++;
		const char *w = p;
		while (p < e && cr_is_alpha((unsigned char)*p))
			p++;
		if (p == w)
			break;
		if (cr_lexicon_find(credits, w, (size_t)(p - w)) >= 0)
			return true;
		if (prev) {
			char two[64];
			size_t tl = (size_t)(p - prev);
			if (tl < sizeof two) {
				memcpy(two, prev, tl);
				for (size_t i = 0; i < tl; i++)
					if (!cr_is_alpha((unsigned char)two[i]))
						two[i] = ' ';
				if (cr_lexicon_find(credits, two, tl) >= 0)
					return true;
			}
		}
		prev = w;
	}
	return false;
}

size_t cr_boilerplate_mark(bool *keep, char **byline, const char *text, const cr_span *lines, size_t n)
{
	pthread_once(&once, load);
	size_t dropped = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = text + lines[i].start;
		size_t len = lines[i].end - lines[i].start;
		bool drop = phrase_match(s, len) || all_capitals(s, len) || opens_with_pictograph(s, len) ||
		            has_photo_credit(s, len);
		if (!drop && is_byline(s, len)) {
			drop = true;
			if (byline && !*byline)
				*byline = cr_xstrndup(s + 3, len - 3);
		}
		keep[i] = !drop;
	}
	/* Repeats: a line equal to an earlier kept one, or the cut-off start of the next. */
	cr_map *seen = cr_map_new();
	for (size_t i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		const char *s = text + lines[i].start;
		size_t len = lines[i].end - lines[i].start;
		if (len < 20)
			continue;
		for (size_t j = i + 1; j < n && j <= i + 3; j++) {
			const char *t = text + lines[j].start;
			size_t tl = lines[j].end - lines[j].start;
			if (tl > len && len >= 40 && memcmp(s, t, len) == 0) {
				keep[i] = false;
				break;
			}
		}
		if (!keep[i])
			continue;
		if (!cr_map_put(seen, s, len, 1))
			keep[i] = false;
	}
	cr_map_free(seen);
	for (size_t i = 0; i < n; i++)
		dropped += !keep[i];
	return dropped;
}
