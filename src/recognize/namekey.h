/*
 * namekey.h: the key names are matched by, within a document and across
 * documents. Lower case, full stops dropped, curly apostrophes straightened
 * and a plural possessive's dropped ("Magistrates' Court"), hyphens as
 * spaces, a leading "the" dropped, each word mapped through the
 * spelling variants of data/lexicon/name-variants.tsv (Centre/Center,
 * Sergey/Sergei, Kiev/Kyiv), and, for organisations, a leading nationality
 * adjective or a country in the possessive dropped (data/lexicon/demonyms.tsv,
 * the gazetteer's countries: "Ukraine's Centre for ...") and a closing legal
 * form dropped (data/lexicon/org-legal-forms.tsv: "Microsoft Corp."): "the
 * Russian National Center for Defense" -> "national centre for defence".
 * A name in Cyrillic is keyed by its Latin form (translit.h: "Олександра
 * Матвійчук" -> "oleksandra matviichuk").
 */
#ifndef CR_NAMEKEY_H
#define CR_NAMEKEY_H

#include "util/util.h"

/* The caller frees the result with free(). strip_demonym: an organisation's
 * key, without a leading nationality adjective or country possessive
 * ("Russian Defence Ministry" is "defence ministry") or a closing legal form
 * or trade word ("Kraft Foods" is "kraft"). */
char *cr_name_key(const char *s, size_t n, bool strip_demonym);
/* An organisation's key that keeps its leading nationality ("american
 * airlines" and "indian airlines" stay two), its legal form dropped. */
char *cr_org_key_kept(const char *s, size_t n);
/*
 * A person's name key ("w mark felt jr") as given names ("w mark", NULL when
 * only a surname is written, also after particles alone: "lo presti"),
 * surname ("felt") and generational suffix ("jr", "sr", "ii", "iii", "iv";
 * NULL when none). The caller frees the three.
 */
void cr_person_key_split(const char *key, char **given, char **surname, char **suffix);
/*
 * Whether two given-name keys can name one person: the shorter list of names
 * matches, in order, some of the longer one's ("mark" and "w mark"), two
 * names matching when they are equal, one is the other's initial ("w",
 * "william"), or, both of five letters or more, they differ by one letter or
 * share their first four ("alexis", "alexandros"), or one is the other's
 * nickname or both are nicknames of one name ("fred", "frederick"; "bill",
 * "will": data/lexicon/given-name-nicknames.tsv).
 */
bool cr_given_names_agree(const char *a, const char *b);
/* The same without the spelling allowance (one letter, four first letters):
 * two names of one document that differ so are two people's. */
bool cr_given_names_agree_strictly(const char *a, const char *b);
/* True when the whole name (words separated by spaces) is a place in the
 * built-in gazetteer ("Kansas City"; not "Kansas City Chiefs"). */
bool cr_is_place_name(const char *name);
/* A name as people are named: every word capitalised (or a particle: "de",
 * "van", "al"), no digits ("the 33-year-old" is a description). */
bool cr_name_like(const char *s);
/* A description ("the 59-year-old", "a 33-year-old") rather than a name: it
 * opens with an article or holds a digit, and no word of it is capitalised. */
bool cr_is_description(const char *s, size_t n);
/*
 * The shorter names an organisation also goes by, as byte ranges of its name
 * (start[k], len[k], at most max): less a leading place the gazetteer knows
 * when the rest holds no head word of data/lexicon/org-heads.tsv
 * ("Indianapolis Colts": "Colts"; "Boston Red Sox": "Red Sox" and "Sox"; not "Kansas
 * City Police"), and less the head words that end it when what is left is no
 * place or nationality ("Marfin Bank": "Marfin"; "Staunton Police
 * Department": "Staunton Police"; not "Surrey Police"). Returns how many.
 */
size_t cr_org_short_forms(const char *name, size_t *start, size_t *len, size_t max);
/*
 * A name key's consonant skeleton, which transliterations and spellings of
 * one name share: the words run together ("iran nejad" = "irannejad", "del
 * giudice" = "delgiudice"), a leading "al"/"el" dropped, vowels other than a
 * first one dropped (Hormozgan, Hormuzgan, Hormouzgan; Dargahan, Dargehan),
 * b/v/w one letter (Alishbandi, Alishvandi), c/k/q and ck one, ph as f, an h
 * after a consonant dropped (kh, sh), a g between vowels dropped (Kougias,
 * Kouyias), doubled letters single (Hickok, Hickock). Different people share
 * skeletons too (Jon, Jan): callers ask for more. The caller frees it.
 */
char *cr_name_skeleton(const char *key);
/* Edits (insertions, deletions, substitutions, swaps of two neighbours)
 * between two keys' letters, spaces ignored; the first 64 letters of each. */
size_t cr_name_distance(const char *a, const char *b);
/* The initials of a name's capitalised words, each letter of a dotted
 * abbreviation counting ("U.S. Geological Survey": "USGS"), into out
 * (NUL-terminated, at most cap - 1 letters). Returns how many capitalised
 * words the name has. */
size_t cr_name_initials(const char *name, char *out, size_t cap);
/* Whether acr (n bytes) may abbreviate name, as an acronym defined beside
 * it is read ("Crimes Against Police Officers Section (CAPOS)"): its first
 * letter is the name's first initial and its capitals are, in order, among
 * the name's capitals. */
bool cr_acronym_of(const char *acr, size_t n, const char *name);
/* Whether name key a is name key b clipped: as many words, each equal to
 * b's or its first three letters or more, two or more letters shorter
 * ("wlad" of "wladimir", "mat maid" of "matanuska maid", "jags" of
 * "jaguars"), one at least clipped. */
bool cr_name_clips(const char *a, const char *b);
/* The length of a geographic feature's name without its closing feature
 * word ("Mediterranean Sea": "Mediterranean"; data/lexicon/place-features.tsv)
 * when what is left is no place the gazetteer knows ("Mississippi River"
 * keeps its river), else 0. */
size_t cr_place_short_form(const char *name);
/* True when the capitalised word (full stops ignored) is a company's legal
 * form or group word that closes its name ("Inc.", "Corp", "Holdings":
 * data/lexicon/org-legal-forms.tsv); one of two letters or fewer only in
 * capitals or with its full stop ("SA", "Co."; not the surname "Sa"). */
bool cr_is_legal_form(const char *w, size_t n);
/* True when the word (any case) closes a geographic feature's name ("Sea"). */
bool cr_is_place_feature(const char *w, size_t n);
/* True when the lower-case word is a noun a company's name stands before
 * ("plant", "branch", "shares": data/lexicon/org-context.tsv). */
bool cr_is_org_context(const char *w, size_t n);
/* A lower-case word that stands before a surname as part of it ("lo" of Lo
 * Presti, "van", "de"); "al" is not among them, being a given name too. */
bool cr_is_surname_particle(const char *w, size_t n);
/* True when the word (any case) is a nationality adjective. */
bool cr_is_demonym(const char *s, size_t n);
/* True when the word (any case) names a nation's armed force or police after
 * its nationality: "troops", "army", "police", "warplanes", "gunboats". */
bool cr_is_force_noun(const char *w, size_t n);

#endif
