/*
 * lang_cld2.cc: see lang_cld2.h. The only C++ in corrob: libcld2 has a C++
 * interface alone. Its tables are compiled into the library (no data file
 * read at run time, no initialisation step), and an allocation it cannot
 * make surfaces as std::bad_alloc, caught here and returned as -1 so that
 * the C side applies corrob's one out-of-memory policy.
 */
#include <cstdio>   /* compact_lang_det.h uses FILE without including it */
#include <cstring>
#include <new>

#include <cld2/public/compact_lang_det.h>

#include "ingest/lang_cld2.h"

static void copy_out(char *dst, size_t cap, const char *src)
{
	size_t n = std::strlen(src);
	if (n >= cap)
		n = cap - 1;
	std::memcpy(dst, src, n);
	dst[n] = 0;
}

extern "C" int cr_cld2_detect(const char *text, size_t len, char *code, size_t cap, int *percent, bool *reliable)
{
	copy_out(code, cap, "un");
	*percent = 0;
	*reliable = false;
	/* CLD2 takes an int length; the first 1 MiB decides as well as the whole */
	int n = len > (1u << 20) ? (1 << 20) : (int)len;
	try {
		CLD2::Language top3[3];
		int pct3[3], text_bytes = 0;
		bool rel = false;
		CLD2::Language l = CLD2::DetectLanguageSummary(text, n, true, top3, pct3, &text_bytes, &rel);
		copy_out(code, cap, CLD2::LanguageCode(l));
		*percent = top3[0] == l ? pct3[0] : 0;
		*reliable = rel;
	} catch (const std::bad_alloc &) {
		return -1;
	} catch (...) {
		/* nothing else is thrown by CLD2; a surprise is an unknown language */
		return 0;
	}
	return 0;
}

extern "C" void cr_cld2_name(const char *code, char *name, size_t cap)
{
	/* a table lookup: nothing is allocated, nothing thrown */
	copy_out(name, cap, CLD2::LanguageName(CLD2::GetLanguageFromName(code)));
}
