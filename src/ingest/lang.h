/*
 * lang.h: a document's language, identified from its clean text with
 * Debian's libcld2 (lang_cld2.cc), as an ISO 639-1 code ("en", "ru", "uk",
 * "de", "fr"; CLD2's own for the rest, "zh-Hant"), or "und" when it cannot
 * be told.
 *
 * A short text is "und": below CR_LANG_MIN_LETTERS letters (about a
 * paragraph) n-gram scores are noise, and a headline's proper names ("Die
 * Welt", "Kyiv") outweigh its words. So is a text CLD2 itself calls
 * unreliable, or whose best language holds under half of it. "und" is read
 * as English, the language corrob's later stages know, so a one-line
 * English headline is analysed as before; only a document that is, beyond
 * doubt, in another language has its English-only stages (the name tagger,
 * claim extraction) skipped.
 */
#ifndef CR_LANG_H
#define CR_LANG_H

#include <stdbool.h>
#include <stddef.h>

#define CR_LANG_LEN 8           /* a code and its NUL: "zh-Hant" */
#define CR_LANG_MIN_LETTERS 100

/* The language of valid UTF-8 text into code ("en", "ru", "und"). Out of
 * memory ends the program (util.h's policy). */
void cr_language_of(const char *text, size_t len, char code[CR_LANG_LEN]);
/* The English name of a language code ("ru": "Russian"; "und":
 * "undetermined"; a code CLD2 does not know: the code) into name. */
void cr_language_name(const char *code, char *name, size_t cap);
/* Whether the stages written for English run on a document of this
 * language: "en", "und", and NULL or "" (a store made before languages). */
bool cr_language_is_english(const char *code);

#endif
