/*
 * read.c: format detection and the dispatch to each format's reader (see
 * read.h). Detection looks at the first CR_SNIFF_BYTES: the gzip magic is
 * gzip, and the format is then told from what the first bytes inflate to
 * (a WARC file goes to the WARC reader compressed, which resynchronises at
 * a damaged member; anything else is read through a gzip input); "WARC/"
 * is a WARC file; NUL bytes are binary (the text reader refuses it); "{"
 * after any BOM and space is JSONL, told as soon as the first line is in;
 * a root element <rss>, <feed> or <rdf:RDF> after the XML prolog is a feed
 * (feed.c); "<" followed by an HTML tag within the window is HTML; then the
 * name's suffix (a ".gz" after it passed over; .rss, .atom and .xml are
 * feeds); else text.
 */
#include "ingest/read.h"
#include "ingest/charset.h"
#include "ingest/feed.h"
#include "ingest/html.h"
#include "ingest/warc.h"

#include <stdlib.h>
#include <string.h>

const char *const cr_read_formats[] = {"auto", "text", "jsonl", "html", "warc", "feed", NULL};

/* True when name ends in suf, or in suf and ".gz". */
static bool has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	if (a >= 3 && strcasecmp(s + a - 3, ".gz") == 0)
		a -= 3;
	return a >= b && strncasecmp(s + a - b, suf, b) == 0;
}

const char *cr_sniff_format(const char *name, const unsigned char *p, size_t n, bool eof)
{
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		return "gzip";
	if (!eof && (n == 0 || (n < 2 && p[0] == 0x1f)))
		return NULL;
	if (n >= 5 && memcmp(p, "WARC/", 5) == 0)
		return "warc";
	if (!eof && n < 5 && memcmp(p, "WARC/", n) == 0)
		return NULL;
	bool complete = eof || n >= CR_SNIFF_BYTES;
	size_t look = n < CR_SNIFF_BYTES ? n : CR_SNIFF_BYTES;
	size_t i = 0;
	if (look >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < look && cr_is_space(p[i]))
		i++;
	if (i < look && p[i] == '{') {
		/* JSONL: decided on its first line, so a pipe need not fill the window */
		const unsigned char *nl = memchr(p + i, '\n', look - i);
		if (!nl && !complete)
			return NULL;
		size_t upto = nl ? (size_t)(nl - p) : look;
		return memchr(p, 0, upto) ? "text" : "jsonl";
	}
	if (!complete)
		return NULL;
	/* NUL bytes: binary, whatever it starts with; the text reader says so */
	if (memchr(p, 0, look))
		return "text";
	if (i < look && p[i] == '<' && cr_feed_sniff((const char *)p, look))
		return "feed";
	if (i < look && p[i] == '<') {
		for (size_t k = i; k + 5 <= look; k++)
			if (cr_ieq((const char *)p + k, "<html", 5) || cr_ieq((const char *)p + k, "<body", 5) ||
			    cr_ieq((const char *)p + k, "<!doc", 5) || cr_ieq((const char *)p + k, "<head", 5) ||
			    cr_ieq((const char *)p + k, "<p>", 3) || cr_ieq((const char *)p + k, "<div", 4))
				return "html";
	}
	if (has_suffix(name, ".jsonl") || has_suffix(name, ".ndjson"))
		return "jsonl";
	if (has_suffix(name, ".html") || has_suffix(name, ".htm"))
		return "html";
	if (has_suffix(name, ".rss") || has_suffix(name, ".atom") || has_suffix(name, ".xml"))
		return "feed";
	return "text";
}

/*
 * One document's bytes in UTF-8: converted from the charset they are in
 * (charset.h; html says whether its <meta> counts, http_ctype is the
 * server's Content-Type or NULL) into *conv, which the caller frees, or
 * left as they are (*conv NULL). The charset read, a label passed over and
 * every byte that did not convert are reported through dg with the byte
 * offset.
 */
static void to_utf8(const char *name, const char **data, size_t *len, bool html, const char *http_ctype,
                    const cr_diag *dg, char **conv)
{
	cr_charset_report rep;
	size_t n;
	int rc = cr_charset_decode(conv, &n, *data, *len, html, http_ctype, &rep);
	if (rep.ignored[0])
		cr_diag_emit(dg, CR_DIAG_WARNING, name, NULL, "charset \"%s\" cannot be read here; passed over",
		             rep.ignored);
	if (rc == 0)
		return;
	char where[40];
	if (strcmp(rep.from, "detector") == 0) {
		snprintf(where, sizeof where, "byte %zu", rep.first_non_utf8);
		cr_diag_emit(dg, CR_DIAG_WARNING, name, where, "not UTF-8; read as %s, the detector's guess", rep.charset);
	} else {
		cr_diag_emit(dg, CR_DIAG_NOTE, name, NULL, "read as %s (%s)", rep.charset, rep.from);
	}
	if (rep.bad) {
		snprintf(where, sizeof where, "byte %zu", rep.first_bad);
		cr_diag_emit(dg, CR_DIAG_WARNING, name, where, "%zu byte%s not valid %s replaced by U+FFFD", rep.bad,
		             rep.bad == 1 ? "" : "s", rep.charset);
	}
	*data = *conv;
	*len = n;
}

/*
 * One HTML page into a document for cb: 0, 1 when it failed (reported), or
 * cb's negative value. rec is the WARC record it came from (its target
 * URI, HTTP Content-Type, record id and date kept), or NULL.
 */
static int read_html(const char *name, const cr_warc_record *rec, const char *data, size_t len, const cr_diag *dg,
                     cr_doc_cb cb, void *ud)
{
	cr_html_doc h;
	char err[256], *conv;
	const char *url = rec ? rec->target_uri : NULL;
	to_utf8(name, &data, &len, true, rec ? rec->http_content_type : NULL, dg, &conv);
	int failed = cr_html_extract(&h, data, len, err, sizeof err) < 0;
	free(conv);
	if (failed) {
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "%s", err);
		return 1;
	}
	cr_document d;
	int rc = cr_ingest_parts(&d, h.text, h.len, url ? url : name, url ? url : h.url, h.title, h.outlet, h.published,
	                         dg);
	if (rc == 0 && h.byline)
		d.byline = cr_xstrdup(h.byline);
	cr_html_doc_free(&h);
	if (rc < 0)
		return 1;
	if (!d.url && url)
		d.url = cr_xstrdup(url);
	if (rec && rec->record_id)
		d.warc_record_id = cr_xstrdup(rec->record_id);
	if (rec && rec->date)
		d.warc_date = cr_xstrdup(rec->date);
	rc = cb(ud, &d);
	cr_document_free(&d);
	return rc < 0 ? rc : 0;
}

static int read_warc(cr_input *in, const char *name, const cr_diag *dg, cr_doc_cb cb, void *ud, size_t *skipped)
{
	cr_warc_reader *r = cr_warc_open(in);
	cr_warc_record rec;
	int rc, bad = 0;
	size_t skip = 0;
	while ((rc = cr_warc_next(r, &rec)) != 0) {
		if (rc < 0) {
			/* a malformed record or a damaged gzip member is skipped (the
			 * reader resynchronises); a fatal error ends the file */
			cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "%s", cr_warc_error(r));
			bad++;
			if (cr_warc_failed(r))
				break;
			continue;
		}
		bool record_ok = rec.type && (strcmp(rec.type, "response") == 0 || strcmp(rec.type, "resource") == 0);
		bool html = rec.payload_len > 0 &&
		            ((rec.http_content_type && strstr(rec.http_content_type, "html")) ||
		             (rec.content_type && strstr(rec.content_type, "html")) ||
		             strcmp(cr_sniff_format("", (const unsigned char *)rec.payload, rec.payload_len, true), "html") == 0);
		bool status_ok = !rec.http_status || (rec.http_status >= 200 && rec.http_status < 300);
		if (!record_ok || !html || !status_ok) {
			skip++;
			continue;
		}
		char where[600];
		snprintf(where, sizeof where, "%s@%llu", name, (unsigned long long)rec.offset);
		int h = read_html(where, &rec, rec.payload, rec.payload_len, dg, cb, ud);
		if (h < 0) {
			cr_warc_close(r);
			return h;
		}
		bad += h;
	}
	*skipped += skip;
	if (skip) {
		char msg[64];
		snprintf(msg, sizeof msg, "%zu WARC records skipped (not HTML responses)", skip);
		cr_diag_emit(dg, CR_DIAG_NOTE, name, NULL, "%s", msg);
	}
	cr_warc_close(r);
	return bad;
}

/* True when what a gzip input inflates to starts as a WARC file (nothing of it consumed). */
static bool warc_under_gzip(cr_input *in, const char *name)
{
	unsigned char head[CR_SNIFF_BYTES];
	size_t n = cr_input_gunzip_head(in, head, sizeof head);
	return strcmp(cr_sniff_format(name, head, n, true), "warc") == 0;
}

/*
 * Reads a gzip input: a WARC file goes to the WARC reader as it is (it
 * inflates member by member itself), anything else is read, in format or
 * sniffed, through a gzip input.
 */
static int read_gzip(cr_input *in, const char *name, const char *format, const cr_diag *dg, cr_doc_cb cb, void *ud,
                     size_t *skipped)
{
	if (format ? strcmp(format, "warc") == 0 : warc_under_gzip(in, name))
		return read_warc(in, name, dg, cb, ud, skipped);
	cr_input gz;
	cr_input_gunzip(&gz, in);
	int rc = cr_read_input(&gz, name, format, dg, cb, ud, skipped);
	cr_input_free(&gz);
	return rc;
}

int cr_read_input(cr_input *in, const char *name, const char *format, const cr_diag *dg, cr_doc_cb cb, void *ud,
                  size_t *skipped)
{
	char msg[256];
	bool gzip = false;
	if (!in->gz) {
		size_t n;
		const unsigned char *p = cr_input_peek(in, &n);
		if (n < 2 && cr_input_want(in, 2) >= 2)
			p = cr_input_peek(in, &n);
		gzip = n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
	}
	if (gzip)
		return read_gzip(in, name, format && strcmp(format, "auto") != 0 ? format : NULL, dg, cb, ud, skipped);
	if (!format || strcmp(format, "auto") == 0) {
		/* read only as much as it takes to tell; those bytes stay buffered for the reader */
		size_t n;
		const unsigned char *p = cr_input_peek(in, &n);
		while (!(format = cr_sniff_format(name, p, n, in->eof || in->err != 0))) {
			cr_input_fill(in);
			p = cr_input_peek(in, &n);
		}
		if (strcmp(format, "gzip") == 0)
			format = "text";   /* gzip in gzip: the text reader refuses it as binary */
	}
	if (strcmp(format, "jsonl") == 0)
		return cr_ingest_jsonl(in, name, dg, cb, ud);
	if (strcmp(format, "feed") == 0)
		return cr_ingest_feed(in, name, dg, cb, ud, skipped);
	if (strcmp(format, "warc") == 0)
		return read_warc(in, name, dg, cb, ud, skipped);
	bool html = strcmp(format, "html") == 0;
	size_t max = html ? CR_HTML_MAX_BYTES : CR_MAX_DOC_BYTES;
	cr_buf b = {0};
	int rc = cr_input_slurp(in, &b, max);
	if (rc != 0) {
		if (rc > 0)
			snprintf(msg, sizeof msg, html ? "over the %zu MB limit for an HTML page"
			                               : "over the %zu MB document limit; split it, or use JSONL for many articles",
			         max >> 20);
		else
			cr_input_error(in, msg, sizeof msg);
		cr_diag_emit(dg, CR_DIAG_ERROR, name, NULL, "%s", msg);
		cr_buf_free(&b);
		return 1;
	}
	const char *data = b.data ? b.data : "";
	if (html) {
		rc = read_html(name, NULL, data, b.len, dg, cb, ud);
	} else {
		cr_document d;
		char *conv;
		size_t len = b.len;
		to_utf8(name, &data, &len, false, NULL, dg, &conv);
		rc = 1;
		int got = cr_ingest_text(&d, data, len, name, dg);
		free(conv);
		if (got == 0) {
			rc = cb(ud, &d);
			rc = rc < 0 ? rc : 0;
			cr_document_free(&d);
		}
	}
	cr_buf_free(&b);
	return rc;
}
