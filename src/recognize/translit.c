/* translit.c: see translit.h. */
#include "recognize/translit.h"
#include "util/util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

/* The press's habits over BGN's Russian (lower case by then). Input is
 * padded with a space at each end, so "a word's end" is a following
 * non-letter. */
static const char russian_rules[] =
	"::Russian-Latin/BGN ;\n"
	"::Lower ;\n"
	"$c = [bcdfghjklmnpqrstvwxz] ;\n"
	"$end = [^[:L:]] ;\n"
	"[\\u02B9\\u02BA\\u00B7\\u2019] > ;\n"
	"iy } $end > y ;\n"
	"yy } $end > y ;\n"
	"iya } $end > ia ;\n"
	"ay } $end > ai ;\n"
	"ey } $c > ei ;\n"
	"ay } $c > ai ;\n"
	"oy } $c > oi ;\n"
	"[{ch}{sh}{zh}] { \\u00EB > e ;\n"
	"y \\u00EB > yo ;\n"
	"\\u00EB > yo ;\n";

/* The official Ukrainian system (2010), on lower-case Cyrillic; the
 * Russian letters a Ukrainian name may still hold after it. */
static const char ukrainian_rules[] =
	"::Lower ;\n"
	"$w = [[:L:][:M:]\\u02BC'\\u2019] ;\n"
	"$end = [^[:L:][:M:]] ;\n"
	"ий } $end > yy ;\n"
	"$w { є > ie ; є > ye ;\n"
	"$w { ї > i ; ї > yi ;\n"
	"$w { й > i ; й > y ;\n"
	"$w { ю > iu ; ю > yu ;\n"
	"$w { я > ia ; я > ya ;\n"
	"зг > zgh ;\n"
	"а > a ; б > b ; в > v ; г > h ; ґ > g ; д > d ; е > e ; ж > zh ; з > z ; и > y ; і > i ;\n"
	"к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ;\n"
	"х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ;\n"
	"ы > y ; э > e ; ё > io ;\n"
	"[ьъ\\u02BC'\\u2019] > ;\n";

static UTransliterator *russian, *ukrainian;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static UTransliterator *compile(const char *id, const char *rules)
{
	UErrorCode e = U_ZERO_ERROR;
	UChar uid[32], *ur = cr_xmalloc((strlen(rules) + 1) * sizeof(UChar));
	int32_t n = 0;
	u_uastrcpy(uid, id);
	u_strFromUTF8(ur, (int32_t)strlen(rules) + 1, &n, rules, -1, &e);
	UParseError pe;
	UTransliterator *t = U_SUCCESS(e) ? utrans_openU(uid, -1, UTRANS_FORWARD, ur, n, &pe, &e) : NULL;
	free(ur);
	if (e == U_MEMORY_ALLOCATION_ERROR)
		cr_oom();
	return U_SUCCESS(e) ? t : NULL;
}

static void load(void)
{
	russian = compile("corrob-Russian-Latin", russian_rules);
	ukrainian = compile("corrob-Ukrainian-Latin", ukrainian_rules);
}

bool cr_has_cyrillic(const char *s, size_t n)
{
	/* U+0400-U+04FF: lead bytes 0xD0-0xD3 */
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] >= 0xD0 && (unsigned char)s[i] <= 0xD3 && ((unsigned char)s[i + 1] & 0xC0) == 0x80)
			return true;
	return false;
}

/* Whether the name holds a letter only Ukrainian writes: і ї є ґ (either
 * case) or the apostrophe ʼ; or a surname's ending only Ukrainian spells
 * with a soft sign (-ський, -цький, -зький: Зеленський, Russian Зеленский). */
static bool ukrainian_letters(const char *s, size_t n)
{
	static const char *const marks[] = {"і", "І", "ї", "Ї", "є", "Є", "ґ", "Ґ", "\xCA\xBC", "ськ", "цьк", "зьк"};
	for (size_t k = 0; k < CR_ARRAY_LEN(marks); k++) {
		size_t l = strlen(marks[k]);
		for (size_t i = 0; i + l <= n; i++)
			if (memcmp(s + i, marks[k], l) == 0)
				return true;
	}
	return false;
}

char *cr_translit_name(const char *s, size_t n)
{
	if (!cr_has_cyrillic(s, n) || n > 4096)
		return NULL;
	pthread_once(&once, load);
	const UTransliterator *tmpl = ukrainian_letters(s, n) ? ukrainian : russian;
	if (!tmpl)
		return NULL;
	UErrorCode e = U_ZERO_ERROR;
	UTransliterator *t = utrans_clone(tmpl, &e);
	/* padded with a space each side: rules see a word's ends */
	int32_t cap = (int32_t)n * 4 + 16, len = 0;
	UChar *u = cr_xmalloc((size_t)cap * sizeof(UChar));
	u[0] = ' ';
	if (U_SUCCESS(e))
		u_strFromUTF8(u + 1, cap - 2, &len, s, (int32_t)n, &e);
	char *out = NULL;
	if (U_SUCCESS(e)) {
		u[++len] = ' ';
		len++;
		int32_t limit = len;
		utrans_transUChars(t, u, &len, cap, 0, &limit, &e);
	}
	if (U_SUCCESS(e) && len >= 2) {
		int32_t bytes = 0;
		UErrorCode e2 = U_ZERO_ERROR;
		u_strToUTF8(NULL, 0, &bytes, u + 1, len - 2, &e2);
		out = cr_xmalloc((size_t)bytes + 1);
		u_strToUTF8(out, bytes + 1, NULL, u + 1, len - 2, &e);
		if (U_FAILURE(e)) {
			free(out);
			out = NULL;
		}
	}
	if (e == U_MEMORY_ALLOCATION_ERROR)
		cr_oom();
	utrans_close(t);
	free(u);
	return out;
}
