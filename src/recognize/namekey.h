/*
 * namekey.h: the key names are matched by, within a document and across
 * documents. Lower case, full stops dropped, curly apostrophes straightened,
 * hyphens as spaces, a leading "the" dropped, each word mapped through the
 * spelling variants of data/lexicon/name-variants.tsv (Centre/Center,
 * Sergey/Sergei, Kiev/Kyiv), and, for organisations, a leading nationality
 * adjective or a country in the possessive dropped (data/lexicon/demonyms.tsv,
 * the gazetteer's countries: "Ukraine's Centre for ..."): "the Russian National
 * Center for Defense" -> "national centre for defence".
 */
#ifndef CR_NAMEKEY_H
#define CR_NAMEKEY_H

#include "util/util.h"

/* The caller frees the result with free(). */
char *cr_name_key(const char *s, size_t n, bool strip_demonym);
/* True when the word (any case) is a nationality adjective. */
bool cr_is_demonym(const char *s, size_t n);

#endif
