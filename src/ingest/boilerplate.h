/*
 * boilerplate.h: decide which lines of an article are site furniture.
 *
 * Rules, each general: a phrase list (data/lexicon/boilerplate.tsv) matched
 * against the whole line; lines with letters but no lower-case letter (promo
 * teasers and section kickers in capitals); lines that open with a pictograph
 * (video and widget captions: category So); short "By ..." bylines; captions
 * ending in a parenthesised photo credit (data/lexicon/photo-credits.tsv);
 * and repeated lines (a caption printed twice, or cut off and printed again
 * in full). Limits: a one-line article in capitals would be dropped whole;
 * the caller refuses empty results rather than storing nothing.
 */
#ifndef CR_BOILERPLATE_H
#define CR_BOILERPLATE_H

#include "util/util.h"

/*
 * lines[i] is a trimmed, non-empty line of text. Sets keep[i]. When a byline
 * is found and *byline is NULL, *byline receives a malloc'd copy of the name.
 * Returns the number of lines dropped.
 */
size_t cr_boilerplate_mark(bool *keep, char **byline, const char *text, const cr_span *lines, size_t n);

#endif
