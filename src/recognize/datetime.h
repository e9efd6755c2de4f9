/*
 * datetime.h: composed date-time expressions, Recognizers-Text style.
 *
 * cr_datetime_find runs cr_timex_find and composes what it found, with the
 * text between, into the larger expressions a scheduling reader expects:
 * ranges ("from March to May", "between 4pm and 5pm", "5 to 6pm of April
 * 22"), open ranges ("since tomorrow", "2018 or later"), a date with a time
 * ("tomorrow 8:00am", "each monday at 4pm"), a time with a duration ("from
 * 2pm for 2 hours") and durations read from now ("in 5 minutes", "next 3
 * days"). Values follow the Recognizers-Text DateTimeModel conventions:
 * "(2016-01-12,2016-01-22,P10D)" for a range (start, exclusive end,
 * duration), "T17" for an undated time, "2016-11-08T08:00" for a datetime.
 * Rules and limits: datetime.c.
 */
#ifndef CR_RECOGNIZE_DATETIME_H
#define CR_RECOGNIZE_DATETIME_H

#include "recognize/timex.h"

typedef enum cr_dt_type {
	CR_DT_DATE,
	CR_DT_DATERANGE,
	CR_DT_TIME,
	CR_DT_TIMERANGE,
	CR_DT_DATETIME,
	CR_DT_DATETIMERANGE,
	CR_DT_DURATION,
	CR_DT_SET
} cr_dt_type;

/* The modifier of an open range: "since X" starts at X, "before X" ends there. */
typedef enum cr_dt_mod { CR_DT_MOD_NONE, CR_DT_MOD_SINCE, CR_DT_MOD_AFTER, CR_DT_MOD_BEFORE, CR_DT_MOD_UNTIL,
	                 CR_DT_MOD_APPROX } cr_dt_mod;

typedef struct cr_datetime {
	uint32_t start, end;  /* byte range; leading "from", "between", "since" included as the spec does */
	uint8_t type;         /* cr_dt_type */
	uint8_t mod;          /* cr_dt_mod */
	cr_dayrange range;    /* the days it covers; CR_DAY_NONE both when unresolved */
	char value[64];       /* "2016-11-08", "(T17,T18,PT1H)", "XXXX-WXX-1T16", "P3D" */
} cr_datetime;

/* Returns the type's Recognizers name ("daterange"). */
const char *cr_dt_type_name(cr_dt_type t);

/*
 * Finds composed date-time expressions in document order. pubdate may be
 * unknown (CR_DAY_NONE). *out is malloc'd; the caller frees it with free().
 * Returns 0. Linear in len (plus the expressions found); never reads past len.
 */
int cr_datetime_find(cr_datetime **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                     cr_dayrange pubdate);

/*
 * The same, with the reference time of day in seconds (0..86399) of the
 * first day of pubdate, or -1 when unknown: "in 5 minutes" and "next hour"
 * need it; without it they resolve to their day only.
 */
int cr_datetime_find_at(cr_datetime **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                        cr_dayrange pubdate, int32_t ref_second);

#endif
