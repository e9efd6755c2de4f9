/*
 * lang_cld2.h: the one C entry into Debian's libcld2 (Compact Language
 * Detector 2, C++), compiled into the library from lang_cld2.cc. Only
 * lang.c calls it; see lang.h for what the rest of corrob uses.
 */
#ifndef CR_LANG_CLD2_H
#define CR_LANG_CLD2_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Scores valid UTF-8 plain text. Writes the best language's code ("en",
 * "ru", "uk", "zh-Hant"; "un" when none) into code (cap bytes, truncated,
 * NUL-terminated), its share of the
 * text in percent, and CLD2's own verdict on whether the text was enough.
 * Returns 0, or -1 when the library ran out of memory (std::bad_alloc:
 * the one exception it throws; nothing is thrown past this function). */
int cr_cld2_detect(const char *text, size_t len, char *code, size_t cap, int *percent, bool *reliable);
/* The English name CLD2 gives the language of a code ("ru": "RUSSIAN";
 * "Unknown" for a code it does not know) into name (cap bytes). */
void cr_cld2_name(const char *code, char *name, size_t cap);

#ifdef __cplusplus
}
#endif

#endif
