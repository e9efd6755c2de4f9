/*
 * json_parts.c: values, dates, references and claims as JSON, for both
 * writers (json_parts.h).
 */
#include "report/json_parts.h"

#include <math.h>
#include <stdio.h>

json_t *cr_json_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *cr_json_num(double v)
{
	if (!isfinite(v))
		return json_null();
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		return json_integer((json_int_t)v);
	return json_real(v);
}

json_t *cr_json_day(int32_t d)
{
	if (d == CR_DAY_NONE)
		return json_null();
	char s[11];
	cr_day_format(d, s);
	return json_string(s);
}

json_t *cr_json_range(cr_dayrange r)
{
	if (!cr_range_known(r))
		return json_null();
	json_t *t = json_object();
	json_object_set_new(t, "value", r.earliest == r.latest ? cr_json_day(r.earliest) : json_null());
	json_object_set_new(t, "earliest", cr_json_day(r.earliest));
	json_object_set_new(t, "latest", cr_json_day(r.latest));
	return t;
}

json_t *cr_json_ref(char prefix, long long index)
{
	if (index < 0)
		return json_null();
	char s[32];
	snprintf(s, sizeof s, "%c%lld", prefix, index + 1);
	return json_string(s);
}

static json_t *span(const cr_claim *c, const char *text, long long doc_id)
{
	json_t *o = json_object();
	if (doc_id >= 0)
		json_object_set_new(o, "document", cr_json_ref('d', doc_id - 1));
	json_object_set_new(o, "start", json_integer(c->start));
	json_object_set_new(o, "end", json_integer(c->end));
	json_object_set_new(o, "quote", json_stringn(text + c->start, c->end - c->start));
	return o;
}

json_t *cr_json_claim(const cr_claim *c, size_t index, const char *text, long long doc_id)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", cr_json_ref('c', (long long)index));
	json_object_set_new(o, "subject", cr_json_ref(c->subject_kind == CR_SUBJ_EVENT ? 'v' : 'e', c->subject));
	json_object_set_new(o, "predicate", json_string(c->predicate));

	json_t *v = json_object();
	json_object_set_new(v, "text", cr_json_str(c->value_text));
	if (c->has_number) {
		json_t *n = json_object();
		json_object_set_new(n, "low", c->has_low ? cr_json_num(c->low) : json_null());
		json_object_set_new(n, "high", c->has_high ? cr_json_num(c->high) : json_null());
		json_object_set_new(v, "number", n);
	} else {
		json_object_set_new(v, "number", json_null());
	}
	json_object_set_new(v, "entity", cr_json_ref('e', c->value_entity));
	json_object_set_new(v, "event", cr_json_ref('v', c->value_event));
	json_t *t = cr_json_range(c->value_time);
	if (doc_id >= 0 && json_is_object(t) && c->time_value)
		json_object_set_new(t, "timex", json_string(c->time_value));
	json_object_set_new(v, "time", t);
	json_object_set_new(o, "value", v);

	json_t *a = json_object();
	json_object_set_new(a, "source", cr_json_ref('e', c->source));
	json_object_set_new(a, "text", cr_json_str(c->attribution));
	json_object_set_new(o, "attribution", a);
	json_object_set_new(o, "modality", json_string(cr_modality_names[c->modality]));

	if (doc_id >= 0) {
		json_t *ev = json_array();
		json_array_append_new(ev, span(c, text, doc_id));
		json_object_set_new(o, "evidence", ev);
	} else {
		json_object_set_new(o, "evidence", span(c, text, doc_id));
	}
	return o;
}
