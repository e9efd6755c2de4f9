/*
 * text.c: plain-text and already-parsed articles into documents.
 *
 * The raw bytes are checked (empty, binary, oversized are refused; invalid
 * UTF-8 is repaired with a warning naming the byte offset), header lines at
 * the top are read as metadata, the body is split into lines, furniture is
 * dropped (boilerplate.c), and the kept lines are joined into the clean text,
 * one paragraph per line separated by a blank line. A map records where each
 * kept line sits in the (repaired) source.
 */
#include "ingest/document.h"
#include "ingest/boilerplate.h"
#include "ingest/pubdate.h"
#include "util/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cr_diag_emit(const cr_diag *dg, int severity, const char *file, const char *where, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (dg && dg->emit)
		dg->emit(dg->ud, severity, file, where, msg);
}

void cr_document_free(cr_document *d)
{
	if (!d)
		return;
	free(d->path);
	free(d->url);
	free(d->title);
	free(d->outlet);
	free(d->byline);
	free(d->warc_record_id);
	free(d->warc_date);
	free(d->text);
	free(d->map);
	memset(d, 0, sizeof *d);
}

bool cr_parse_published(const char *s, cr_dayrange *out)
{
	int32_t day;
	if (!s || strlen(s) < 10 || !cr_day_parse(s, &day))
		return false;
	if (s[10] && s[10] != 'T' && s[10] != ' ' && s[10] != 't')
		return false;
	out->earliest = out->latest = day;
	return true;
}

static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!cr_is_space((unsigned char)s[i]))
			return false;
	return true;
}

/* Splits text into trimmed, non-empty lines. */
typedef CR_VEC(cr_span) span_vec;

static void split_lines(span_vec *out, const char *t, size_t n)
{
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - t) : n;
		size_t a = i, b = e;
		while (a < b && cr_is_space((unsigned char)t[a]))
			a++;
		while (b > a && cr_is_space((unsigned char)t[b - 1]))
			b--;
		if (b > a)
			cr_vec_push(out, ((cr_span){(uint32_t)a, (uint32_t)b}));
		i = e + 1;
	}
}

/* Past a clock time after a header date ("published: 2012-04-04 11:47:35"): it is no body text. */
static size_t skip_clock(const char *t, size_t i, size_t n)
{
	size_t k = i;
	while (k < n && (t[k] == ' ' || t[k] == '\t'))
		k++;
	size_t a = k;
	while (k < n && k - a < 2 && cr_is_digit((unsigned char)t[k]))
		k++;
	if (k == a)
		return i;
	for (int part = 0; part < 2; part++) {
		if (k + 2 >= n || t[k] != ':' || !cr_is_digit((unsigned char)t[k + 1]) || !cr_is_digit((unsigned char)t[k + 2]))
			break;
		k += 3;
	}
	if (k - a < 4 || (k < n && !cr_is_space((unsigned char)t[k])))
		return i;   /* no "HH:MM" */
	return k;
}

/* Metadata header lines: "date 2022-03-25 Body starts here", "title: ...". */
static size_t read_header(cr_document *d, const char *t, size_t n)
{
	size_t i = 0;
	for (;;) {
		while (i < n && cr_is_space((unsigned char)t[i]))
			i++;
		static const char *keys[] = {"date", "published", "title", "url", "outlet", "source"};
		size_t k, kl = 0;
		for (k = 0; k < CR_ARRAY_LEN(keys); k++) {
			kl = strlen(keys[k]);
			if (n - i > kl + 1 && memcmp(t + i, keys[k], kl) == 0 &&
			    (t[i + kl] == ' ' || t[i + kl] == ':' || t[i + kl] == '\t'))
				break;
		}
		if (k == CR_ARRAY_LEN(keys))
			return i;
		size_t v = i + kl + (t[i + kl] == ':');
		while (v < n && (t[v] == ' ' || t[v] == '\t'))
			v++;
		if (k <= 1) {
			cr_dayrange r;
			char buf[11] = {0};
			if (n - v < 10)
				return i;
			memcpy(buf, t + v, 10);
			if (!cr_parse_published(buf, &r) || (v + 10 < n && !cr_is_space((unsigned char)t[v + 10])))
				return i;
			d->published = r;
			i = skip_clock(t, v + 10, n);
			continue;
		}
		const char *nl = memchr(t + v, '\n', n - v);
		size_t e = nl ? (size_t)(nl - t) : n;
		if (t[i + kl] != ':')   /* free-text keys need "key:" to be a header */
			return i;
		size_t b = e;
		while (b > v && cr_is_space((unsigned char)t[b - 1]))
			b--;
		char **slot = k == 2 ? &d->title : k == 3 ? &d->url : &d->outlet;
		if (!*slot && b > v)
			*slot = cr_xstrndup(t + v, b - v);
		i = e;
	}
}

/* The first line is the title when it reads like a headline. */
static void guess_title(cr_document *d, const char *t, cr_span first)
{
	size_t n = first.end - first.start;
	const char *s = t + first.start;
	if (d->title || n < 10 || n > 200 || s[n - 1] == '.' || s[n - 1] == ':')
		return;
	d->title = cr_xstrndup(s, n);
}

static int build(cr_document *out, const char *raw, size_t len, const char *name, const cr_diag *dg,
                 bool read_headers)
{
	if (len == 0 || is_blank(raw, len)) {
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "empty input: no text to ingest");
		return -1;
	}
	if (len > CR_MAX_DOC_BYTES) {
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL,
		             "document of %zu bytes is over the %zu MB limit; split it or use JSONL", len,
		             CR_MAX_DOC_BYTES >> 20);
		return -1;
	}
	char *text;
	size_t tlen;
	cr_utf8_report rep;
	cr_utf8_repair(&text, &tlen, raw, len, &rep);
	if (rep.nul_bytes || rep.control_bytes * 20 > len || rep.invalid * 10 > len) {
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL,
		             "binary data, not text (%zu NUL, %zu control bytes, %zu invalid UTF-8 sequences)",
		             rep.nul_bytes, rep.control_bytes, rep.invalid);
		free(text);
		return -1;
	}
	if (rep.invalid) {
		char where[40];
		snprintf(where, sizeof where, "byte %zu", rep.first_invalid);
		cr_diag_emit(dg, CR_DIAG_WARNING, name, where,
		             "invalid UTF-8 replaced by U+FFFD (%zu sequence%s)", rep.invalid, rep.invalid == 1 ? "" : "s");
	}
	size_t body = read_headers ? read_header(out, text, tlen) : 0;

	span_vec lines = {0};
	split_lines(&lines, text + body, tlen - body);
	for (size_t i = 0; i < lines.len; i++) {
		lines.items[i].start += (uint32_t)body;
		lines.items[i].end += (uint32_t)body;
	}
	/* no date in the header or the metadata: the one printed on the page or in its URL */
	if (!cr_range_known(out->published))
		cr_pubdate_read(&out->published, text, lines.items, lines.len, out->url, dg, name);
	bool *keep = cr_xcalloc(lines.len ? lines.len : 1, sizeof *keep);
	out->dropped_lines = cr_boilerplate_mark(keep, &out->byline, text, lines.items, lines.len);

	cr_buf b = {0};
	CR_VEC(cr_srcmap) map = {0};
	bool first = true;
	for (size_t i = 0; i < lines.len; i++) {
		if (!keep[i])
			continue;
		if (first)
			guess_title(out, text, lines.items[i]);
		if (!first)
			cr_buf_puts(&b, "\n\n");
		first = false;
		cr_srcmap m = {(uint32_t)b.len, lines.items[i].start, lines.items[i].end - lines.items[i].start};
		cr_vec_push(&map, m);
		cr_buf_append(&b, text + lines.items[i].start, m.len);
	}
	free(keep);
	cr_vec_free(&lines);
	free(text);
	if (b.len == 0) {
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "no article text left after removing site furniture");
		cr_buf_free(&b);
		cr_vec_free(&map);
		return -1;
	}
	out->len = b.len;
	out->text = cr_buf_detach(&b);
	out->map = map.items;
	out->nmap = map.len;
	cr_sha256_hex(out->text, out->len, out->hash);
	cr_language_of(out->text, out->len, out->lang);
	if (name && !out->path)
		out->path = cr_xstrdup(name);
	return 0;
}

int cr_ingest_text(cr_document *out, const char *raw, size_t len, const char *name, const cr_diag *dg)
{
	memset(out, 0, sizeof *out);
	out->published.earliest = out->published.latest = CR_DAY_NONE;
	if (build(out, raw, len, name, dg, true) < 0) {
		cr_document_free(out);
		return -1;
	}
	return 0;
}

int cr_ingest_parts(cr_document *out, const char *body, size_t len, const char *name, const char *url,
                    const char *title, const char *outlet, const char *published, const cr_diag *dg)
{
	memset(out, 0, sizeof *out);
	if (url)
		out->url = cr_xstrdup(url);
	if (title && *title)
		out->title = cr_xstrdup(title);
	if (outlet && *outlet)
		out->outlet = cr_xstrdup(outlet);
	out->published.earliest = out->published.latest = CR_DAY_NONE;
	if (published && *published && !cr_parse_published(published, &out->published))
		cr_diag_emit(dg, CR_DIAG_WARNING, name, NULL, "published date \"%.40s\" is not YYYY-MM-DD; ignored",
		             published);
	if (build(out, body, len, name, dg, false) < 0) {
		cr_document_free(out);
		return -1;
	}
	return 0;
}
