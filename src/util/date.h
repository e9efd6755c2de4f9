/*
 * date.h: calendar days as integers (days since 1970-01-01, proleptic
 * Gregorian), and the day interval every date in corrob is: a publication
 * date, a time expression, a birth year. An exact date has earliest == latest.
 */
#ifndef CR_DATE_H
#define CR_DATE_H

#include <stdbool.h>
#include <stdint.h>

#define CR_DAY_NONE INT32_MIN

typedef struct cr_dayrange {
	int32_t earliest, latest;   /* CR_DAY_NONE when unknown */
} cr_dayrange;

int32_t cr_days_from_civil(int y, int m, int d);
void cr_civil_from_days(int32_t z, int *y, int *m, int *d);
int cr_days_in_month(int y, int m);
/* 0 = Monday .. 6 = Sunday */
int cr_weekday(int32_t z);
/* Writes "YYYY-MM-DD" (11 bytes with NUL). */
void cr_day_format(int32_t z, char out[11]);
/* Parses "YYYY-MM-DD" at s (exactly 10 bytes used); false when invalid. */
bool cr_day_parse(const char *s, int32_t *out);
/* The whole of a year / a month as a range. */
cr_dayrange cr_range_year(int y);
cr_dayrange cr_range_month(int y, int m);
static inline bool cr_range_known(cr_dayrange r) { return r.earliest != CR_DAY_NONE; }

#endif
