/*
 * number.h: numbers, quantities and ages in English news text, as intervals.
 *
 * cr_numbers_find reads a text and reports every number expression in it, in
 * order and without overlaps: the figure ("1,640", "two thirds", "2.5
 * million", "tens of thousands"), the modifier around it ("at least", "about",
 * "or more"), the closed interval it stands for, and the noun it counts
 * ("civilians"). Ranges ("between 15 and 20") and ages ("Mizintsev, 59,",
 * "the 59-year-old") are one expression each. Days of the month ("March 9"),
 * clock times ("10:30") and figures glued to units ("29km") are not counts
 * and are not reported; a bare year ("in 2014") is reported with year_like set.
 *
 * The interval each modifier and vague word gives is written in
 * docs/numbers.md; the words themselves are the lexicons
 * data/lexicon/num-*.tsv.
 */
#ifndef CR_RECOGNIZE_NUMBER_H
#define CR_RECOGNIZE_NUMBER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef enum cr_num_kind {
	CR_NUM_CARDINAL, CR_NUM_ORDINAL, CR_NUM_PERCENT, CR_NUM_FRACTION,
	CR_NUM_RANGE, CR_NUM_VAGUE, CR_NUM_AGE
} cr_num_kind;

typedef enum cr_num_mod {
	CR_MOD_NONE, CR_MOD_AT_LEAST, CR_MOD_MORE_THAN, CR_MOD_AT_MOST,
	CR_MOD_LESS_THAN, CR_MOD_ABOUT, CR_MOD_NEARLY, CR_MOD_UP_TO, CR_MOD_EXACTLY
} cr_num_mod;

/* Unit of an age (cr_number.age_unit). */
typedef enum cr_age_unit {
	CR_AGE_YEAR, CR_AGE_MONTH, CR_AGE_WEEK, CR_AGE_DAY,
	CR_AGE_IMPLIED /* no unit word ("aged 60", "Name, 59,"): years by convention */
} cr_age_unit;

typedef struct cr_number {
	uint32_t start, end;         /* modifier + figure (+ "or more"), byte range */
	uint32_t num_start, num_end; /* the figure alone ("1,640", "tens of thousands");
	                                for a range, the first figure */
	double value;                /* as written: "2.5 million" = 2500000, "90%" = 90,
	                                "a third" = 0.333..; a range: its first figure */
	double low, high;            /* closed interval */
	bool has_low, has_high;      /* false = unbounded on that side */
	uint8_t kind, mod;           /* cr_num_kind, cr_num_mod */
	uint32_t noun_start, noun_end; /* counted noun after it; for an age, the unit
	                                  words ("years old", "year-old"); 0,0 if none */
	bool year_like;              /* bare 4-digit 1000..2100, no noun: probably a year */
	/* Added fields. */
	uint32_t num2_start, num2_end; /* range: the second figure; else 0,0 */
	double value2;               /* range: the second figure as written */
	uint8_t mod2;                /* range built from two comparisons ("more than 10
	                                and less than 40"): the second's modifier */
	bool comparative;            /* the modifier is a comparison ("more than",
	                                "equal to", "or less", ">"), not a hedge */
	uint8_t age_unit;            /* cr_age_unit, for CR_NUM_AGE */
	bool digits;                 /* the figure is written in digits only */
	bool power;                  /* written with an exponent ("1e10", "1.1^23") */
	bool percent;                /* the figures are percentages (also for a range:
	                                "15 to 20 per cent", "15-20%") */
} cr_number;

typedef struct cr_numbers cr_numbers;

/* Loads the built-in lexicons (read-only afterwards, so one context may be
 * shared by threads). Free with cr_numbers_free. */
cr_numbers *cr_numbers_new(void);
void cr_numbers_free(cr_numbers *ctx);

/*
 * Finds every number expression in text[0..len), in order, non-overlapping.
 * *out is malloc'd (NULL when *n is 0); the caller frees it with free().
 * Returns 0 on success, -1 on bad arguments. Linear time; never reads past
 * len; invalid UTF-8 is skipped byte by byte.
 */
int cr_numbers_find(cr_number **out, size_t *n, const cr_numbers *ctx,
		    const char *text, size_t len);

/* Short names for the enums ("cardinal", "at_least"), for reports and tests. */
const char *cr_num_kind_name(int kind);
const char *cr_num_mod_name(int mod);

#endif
