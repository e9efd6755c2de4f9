/*
 * calendar_words.h: the built-in word lists the time recognizers share,
 * loaded once per process and read-only after (never freed by callers).
 * data/lexicon/time-words.tsv (months, weekdays, units, ...; see
 * docs/timex.md) and data/lexicon/num-words.tsv ("five", "forty"). NULL
 * when a list is missing from the build.
 */
#ifndef CR_RECOGNIZE_CALENDAR_WORDS_H
#define CR_RECOGNIZE_CALENDAR_WORDS_H

#include "util/map.h"

const cr_lexicon *tx_time_words(void);     /* timex.c */
const cr_lexicon *tx_number_words(void);   /* timex_calendar.c */

#endif
