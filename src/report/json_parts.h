/*
 * json_parts.h: the pieces the two JSON writers share — the report
 * (json.c) and one document's analysis (analysis_json.c) write their values,
 * dates and claims through these, so that a claim reads the same in both.
 */
#ifndef CR_JSON_PARTS_H
#define CR_JSON_PARTS_H

#include "extract/analysis.h"

#include <jansson.h>

/* A string, or null for NULL. */
json_t *cr_json_str(const char *s);
/* A figure as a JSON number: an integer when it is one; null for one JSON
 * cannot hold (an infinity or NaN, which jansson refuses). */
json_t *cr_json_num(double v);
/* "2022-03-25", or null for CR_DAY_NONE. */
json_t *cr_json_day(int32_t d);
/* {"value", "earliest", "latest"}: value only when the range is one day;
 * null when nothing of the range is known. */
json_t *cr_json_range(cr_dayrange r);
/* "e1" for index 0 with prefix 'e'; null for a negative index. */
json_t *cr_json_ref(char prefix, long long index);

/*
 * One claim, the index-th, as the contract's claim object. text is the
 * text of the claim's document. For the report (doc_id >= 0, the document's
 * stored id) the evidence is a list of spans naming their document and the
 * value's time carries its TIMEX3 value; for one document's analysis
 * (doc_id < 0) the evidence is one span of that document.
 */
json_t *cr_json_claim(const cr_claim *c, size_t index, const char *text, long long doc_id);

#endif
