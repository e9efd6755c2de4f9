/*
 * translit.h: Russian and Ukrainian names in Latin letters, with ICU, so
 * that a name written in Cyrillic ("Михаил Мизинцев", an English article
 * giving the original spelling, a Cyrillic byline) has the key of its Latin
 * reports ("Mikhail Mizintsev"). Used by namekey.c, which makes every key.
 *
 * A name is Ukrainian when it holds a letter only Ukrainian has (і, ї, є,
 * ґ, the apostrophe ʼ) or a surname's -ський, else Russian. Russian goes through ICU's
 * Russian-Latin/BGN (BGN/PCGN 1947) and then the English-language press's
 * habits over it: the soft and hard signs and BGN's separating dots
 * dropped, -iy and -yy at a word's end as -y (Dmitry, Navalny), -ay and
 * a y before a consonant as i (Nikolai, Shoigu; a closing -ey is left to
 * the first names of data/lexicon/name-variants.tsv: Sergey, Sergei), ё as yo but e
 * after ch, sh, zh (Pyotr, Gorbachev), -iya as -ia (Yulia). Ukrainian goes
 * through this module's rules for the official Ukrainian system of 2010,
 * which the press and passports use: є ї й ю я as ye yi y yu ya at a word's
 * start and ie i i iu ia after it, г as h, ґ as g, зг as zgh, the soft sign
 * and the apostrophe dropped (Олександра Матвійчук: Oleksandra Matviichuk;
 * Володимир: Volodymyr), but a closing -ий as -yy, the form the press's
 * Zelenskyy and name-variants.tsv's key have (the 2010 system's -yi). Spellings of other systems (BGN's Matviychuk, the
 * French Mikhaïl) are not made: a key is one string, and they meet the
 * press form only where the resolver's spelling variants allow.
 *
 * The two transliterators are compiled once (ICU parses rules slowly) and
 * then only cloned, one clone per call, so nothing shared is ever written.
 */
#ifndef CR_TRANSLIT_H
#define CR_TRANSLIT_H

#include <stdbool.h>
#include <stddef.h>

/* Whether s (n bytes of UTF-8) holds a Cyrillic letter (U+0400-U+04FF). */
bool cr_has_cyrillic(const char *s, size_t n);
/* The name in Latin letters, in lower case (only keys are made from it);
 * what is not Cyrillic is passed through. NULL when s holds no Cyrillic or
 * is not valid UTF-8; the caller frees the result with free(). Out of
 * memory ends the program (util.h's policy). */
char *cr_translit_name(const char *s, size_t n);

#endif
