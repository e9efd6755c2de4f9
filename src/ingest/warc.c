/*
 * warc.c: streaming WARC reader.
 *
 * Layers, bottom up:
 *  - a byte source: the input (input.h), or zlib inflate when it starts
 *    with the gzip magic. A gzip WARC is a series of members (usually one
 *    per record, sometimes one for the whole file); at each member's end
 *    the inflater is reset and carries on. A corrupt member is reported and
 *    skipped: the reader looks for the next gzip header (1f 8b 08) in the
 *    compressed bytes and starts again there, so only the records of the
 *    damaged member are lost. Each member is watched while it inflates:
 *    past CR_GZIP_BOMB_BYTES at more than CR_GZIP_MAX_RATIO times its
 *    compressed size it is refused as a decompression bomb (cr_gzip_bomb).
 *  - lines (header lines capped at 64 KB) and blocks (exactly
 *    Content-Length bytes, capped by the record limit).
 *  - records: "WARC/1.x" version line, "Name: value" headers (continuation
 *    lines folded in), blank line, content block, CRLF CRLF (tolerated when
 *    missing). A response record holding HTTP has its status line and
 *    headers stripped, chunked transfer-coding and gzip/deflate
 *    content-coding undone.
 *
 * Errors name the byte offset in the decompressed stream (or the compressed
 * offset for gzip errors). A malformed record is reported once, then the
 * reader scans for the next line starting "WARC/1." and carries on; so it
 * does after a corrupt gzip member; a bomb or a read error is fatal.
 *
 * Limits: digests (WARC-Block-Digest) are not checked; segmented records
 * (continuation type) are returned as they are, not joined; an HTTP body
 * with a broken chunked encoding keeps the chunks decoded so far.
 */
#include "ingest/warc.h"
#include "ingest/input.h"
#include "util/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define LINE_MAX_BYTES (64u << 10)
#define HEADER_MAX_BYTES (1u << 20)
#define IOBUF (64u << 10)

/* fill()'s and the line readers' code for a damaged gzip member that was
 * skipped: the record under way is lost, the next one is looked for */
#define DAMAGED (-2)

struct cr_warc_reader {
	cr_input *src;
	bool gz, eof_in, member_active, fatal, resync;
	z_stream zs;
	bool zinit;
	unsigned char in[IOBUF];
	unsigned char out[IOBUF];
	size_t opos, olen;
	uint64_t pos;            /* decompressed offset of out[opos] */
	uint64_t in_consumed;    /* compressed bytes handed to inflate so far */
	size_t max_record;
	char err[320];
	cr_buf line, block, body, body2, hct;
	cr_buf type, uri, date, ctype, clen, rid;
	bool has_type, has_uri, has_date, has_ctype, has_clen, has_rid;
};

static int set_err(cr_warc_reader *r, uint64_t where, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int set_err(cr_warc_reader *r, uint64_t where, const char *fmt, ...)
{
	int n = snprintf(r->err, sizeof r->err, "byte %llu: ", (unsigned long long)where);
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof r->err)
		vsnprintf(r->err + n, sizeof r->err - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int set_fatal(cr_warc_reader *r, const char *msg)
{
	uint64_t at = r->in_consumed - (r->zinit ? r->zs.avail_in : 0);
	snprintf(r->err, sizeof r->err, "compressed byte %llu: %s", (unsigned long long)at, msg);
	r->fatal = true;
	return -1;
}

cr_warc_reader *cr_warc_open(cr_input *src)
{
	cr_warc_reader *r = cr_xcalloc(1, sizeof *r);
	r->src = src;
	r->max_record = CR_WARC_MAX_RECORD;
	cr_input_want(src, 2);
	size_t n = cr_input_read(src, r->in, sizeof r->in);
	if (src->err) {
		snprintf(r->err, sizeof r->err, "byte 0: read error: %s", strerror(src->err));
		r->fatal = true;
	}
	if (n >= 2 && r->in[0] == 0x1f && r->in[1] == 0x8b) {
		r->gz = true;
		if (inflateInit2(&r->zs, 15 + 16) != Z_OK) {
			snprintf(r->err, sizeof r->err, "byte 0: cannot start the gzip decoder");
			r->fatal = true;
		} else {
			r->zinit = true;
			r->zs.next_in = r->in;
			r->zs.avail_in = (uInt)n;
			r->in_consumed = n;
		}
	} else {
		memcpy(r->out, r->in, n);
		r->olen = n;
	}
	if (n == 0)
		r->eof_in = true;
	return r;
}

void cr_warc_set_max_record(cr_warc_reader *r, size_t bytes)
{
	r->max_record = bytes;
}

const char *cr_warc_error(const cr_warc_reader *r)
{
	return r->err;
}

bool cr_warc_failed(const cr_warc_reader *r)
{
	return r->fatal;
}

void cr_warc_close(cr_warc_reader *r)
{
	if (!r)
		return;
	if (r->zinit)
		inflateEnd(&r->zs);
	cr_buf *bufs[] = {&r->line, &r->block, &r->body, &r->body2, &r->hct, &r->type, &r->uri, &r->date, &r->ctype, &r->clen,
	                  &r->rid};
	for (size_t i = 0; i < CR_ARRAY_LEN(bufs); i++)
		cr_buf_free(bufs[i]);
	free(r);
}

/* ---------- the byte source ---------- */

/*
 * After a corrupt gzip member: the compressed bytes are searched for the
 * next member's header (at least one byte on, so the search always moves)
 * and inflating starts again there. Records the error; returns DAMAGED.
 */
static int skip_member(cr_warc_reader *r, const char *why)
{
	uint64_t at = r->in_consumed - r->zs.avail_in;
	size_t skip = 1;
	for (;;) {
		unsigned char *p = r->zs.next_in;
		size_t n = r->zs.avail_in, i = skip;
		for (; i + 3 <= n; i++)
			if (p[i] == 0x1f && p[i + 1] == 0x8b && p[i + 2] == 8)
				break;
		if (i + 3 <= n) {
			r->zs.next_in = p + i;
			r->zs.avail_in = (uInt)(n - i);
			break;
		}
		/* keep the last two bytes, which may start a header, and read on */
		size_t keep = n < 2 ? n : 2;
		memmove(r->in, p + n - keep, keep);
		size_t got = r->eof_in ? 0 : cr_input_read(r->src, r->in + keep, sizeof r->in - keep);
		r->zs.next_in = r->in;
		r->zs.avail_in = (uInt)keep;
		if (got == 0) {
			r->eof_in = true;
			r->zs.avail_in = 0;
			inflateReset(&r->zs);
			r->member_active = false;
			if (r->src->err)
				return set_fatal(r, "read error");
			snprintf(r->err, sizeof r->err, "compressed byte %llu: %s; no gzip member follows",
			         (unsigned long long)at, why);
			return DAMAGED;
		}
		r->in_consumed += got;
		r->zs.avail_in = (uInt)(keep + got);
		skip = 0;
	}
	inflateReset(&r->zs);
	r->member_active = false;
	snprintf(r->err, sizeof r->err, "compressed byte %llu: %s; skipped to the gzip member at compressed byte %llu",
	         (unsigned long long)at, why, (unsigned long long)(r->in_consumed - r->zs.avail_in));
	return DAMAGED;
}

/* 1 = bytes available in out, 0 = end of input, DAMAGED = a corrupt gzip
 * member was skipped, -1 = fatal error. */
static int fill(cr_warc_reader *r)
{
	if (r->opos < r->olen)
		return 1;
	if (r->fatal)
		return -1;
	r->opos = r->olen = 0;
	if (!r->gz) {
		if (r->eof_in)
			return 0;
		size_t n = cr_input_read(r->src, r->out, sizeof r->out);
		if (n == 0) {
			r->eof_in = true;
			if (r->src->err) {
				set_err(r, r->pos, "read error: %s", strerror(r->src->err));
				r->fatal = true;
				return -1;
			}
			return 0;
		}
		r->olen = n;
		return 1;
	}
	for (;;) {
		if (r->zs.avail_in == 0 && !r->eof_in) {
			size_t n = cr_input_read(r->src, r->in, sizeof r->in);
			if (n == 0) {
				r->eof_in = true;
				if (r->src->err)
					return set_fatal(r, "read error");
			} else {
				r->zs.next_in = r->in;
				r->zs.avail_in = (uInt)n;
				r->in_consumed += n;
			}
		}
		if (r->zs.avail_in == 0 && r->eof_in) {
			if (r->member_active)
				return set_fatal(r, "truncated gzip member");
			return 0;
		}
		r->member_active = true;
		r->zs.next_out = r->out;
		r->zs.avail_out = sizeof r->out;
		int zr = inflate(&r->zs, Z_NO_FLUSH);
		size_t got = sizeof r->out - r->zs.avail_out;
		if (zr == Z_MEM_ERROR)
			return set_fatal(r, "out of memory");
		if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
			return skip_member(r, r->zs.msg ? r->zs.msg : "corrupt gzip data");
		if (cr_gzip_bomb(r->zs.total_out, r->zs.total_in))
			return set_fatal(r, "gzip member inflates more than 1000 times its size (decompression bomb); refused");
		if (zr == Z_STREAM_END) {
			inflateReset(&r->zs);
			r->member_active = false;
		}
		if (got) {
			r->olen = got;
			return 1;
		}
	}
}

static void consume(cr_warc_reader *r, size_t n)
{
	r->opos += n;
	r->pos += n;
}

/* Reads one line into line (without its CR LF). 1 = a line, 0 = end of
 * input before any byte, -1 = fatal. A line over max is consumed but not
 * stored, and *too_long is set. */
static int read_line(cr_warc_reader *r, cr_buf *line, size_t max, bool *too_long)
{
	cr_buf_reset(line);
	cr_buf_grow(line, 1);
	line->data[0] = 0;
	*too_long = false;
	bool any = false;
	for (;;) {
		int f = fill(r);
		if (f < 0)
			return f;
		if (f == 0)
			return any ? 1 : 0;
		const unsigned char *s = r->out + r->opos;
		size_t n = r->olen - r->opos;
		const unsigned char *nl = memchr(s, '\n', n);
		size_t take = nl ? (size_t)(nl - s) + 1 : n;
		size_t store = nl ? take - 1 : take;
		any = true;
		if (!*too_long) {
			if (line->len + store > max)
				*too_long = true;
			else
				cr_buf_append(line, s, store);
		}
		consume(r, take);
		if (nl) {
			if (line->len && line->data[line->len - 1] == '\r')
				line->data[--line->len] = 0;
			return 1;
		}
	}
}

/* Appends exactly n bytes to dst. 1 = done, 0 = input ended early, -1 = fatal. */
static int read_block(cr_warc_reader *r, cr_buf *dst, uint64_t n)
{
	while (n > 0) {
		int f = fill(r);
		if (f <= 0)
			return f;
		size_t avail = r->olen - r->opos;
		size_t take = avail < n ? avail : (size_t)n;
		cr_buf_append(dst, r->out + r->opos, take);
		consume(r, take);
		n -= take;
	}
	return 1;
}

/* ---------- HTTP payloads ---------- */

static bool header_is(const char *line, size_t n, const char *name, const char **value, size_t *vlen)
{
	size_t nn = strlen(name);
	if (n <= nn || line[nn] != ':' || !cr_ieq(line, name, nn))
		return false;
	const char *v = line + nn + 1, *end = line + n;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && cr_is_space((unsigned char)end[-1]))
		end--;
	*value = v;
	*vlen = (size_t)(end - v);
	return true;
}

static bool value_has(const char *v, size_t n, const char *word)
{
	size_t wn = strlen(word);
	for (size_t i = 0; i + wn <= n; i++)
		if (cr_ieq(v + i, word, wn))
			return true;
	return false;
}

/* Decodes a chunked body; stops quietly at the first malformed chunk. */
static void dechunk(cr_buf *out, const char *p, size_t n)
{
	const char *end = p + n;
	while (p < end) {
		uint64_t size = 0;
		int digits = 0;
		while (p < end) {
			int c = (unsigned char)*p, v;
			if (cr_is_digit(c))
				v = c - '0';
			else if (c >= 'a' && c <= 'f')
				v = c - 'a' + 10;
			else if (c >= 'A' && c <= 'F')
				v = c - 'A' + 10;
			else
				break;
			if (size > (UINT64_MAX >> 4))
				return;
			size = size * 16 + (uint64_t)v;
			digits++;
			p++;
		}
		if (!digits)
			return;
		const char *nl = memchr(p, '\n', (size_t)(end - p));   /* chunk extensions skipped */
		if (!nl)
			return;
		p = nl + 1;
		if (size == 0)
			return;
		if (size > (uint64_t)(end - p))
			size = (uint64_t)(end - p);   /* truncated last chunk: keep what is there */
		cr_buf_append(out, p, (size_t)size);
		p += size;
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
	}
}

/* Inflates gzip or zlib/raw deflate content-coding. 0, or -1 with *why. */
static int decode_content(cr_buf *out, const char *p, size_t n, bool gzip, size_t cap, const char **why)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	/* gzip: 16+15; "deflate" is zlib-wrapped in the spec but raw in practice. */
	bool zlib_wrapped = !gzip && n >= 2 && (((unsigned char)p[0] << 8) | (unsigned char)p[1]) % 31 == 0 && (p[0] & 0x0f) == 8;
	if (inflateInit2(&zs, gzip ? 15 + 32 : zlib_wrapped ? 15 : -15) != Z_OK) {
		*why = "cannot start the decoder";
		return -1;
	}
	zs.next_in = (unsigned char *)(uintptr_t)p;
	zs.avail_in = (uInt)CR_MIN(n, (size_t)UINT32_MAX);
	int rc = 0;
	for (;;) {
		cr_buf_grow(out, IOBUF);
		zs.next_out = (unsigned char *)out->data + out->len;
		zs.avail_out = IOBUF;
		int zr = inflate(&zs, Z_NO_FLUSH);
		out->len += IOBUF - zs.avail_out;
		out->data[out->len] = 0;
		if (zr == Z_STREAM_END)
			break;
		if (zr != Z_OK) {
			if (zr == Z_BUF_ERROR && zs.avail_in == 0)
				break;   /* truncated body: keep what inflated */
			*why = "corrupt compressed body";
			rc = -1;
			break;
		}
		if (out->len > cap) {
			*why = "HTTP body inflates over the record size limit";
			rc = -1;
			break;
		}
		if (cr_gzip_bomb(out->len, zs.total_in)) {
			*why = "HTTP body inflates more than 1000 times its size (decompression bomb); refused";
			rc = -1;
			break;
		}
	}
	inflateEnd(&zs);
	return rc;
}

/* Splits an HTTP response in r->block into status and body. 0 or -1. */
static int http_payload(cr_warc_reader *r, cr_warc_record *rec)
{
	const char *p = r->block.data, *end = p + r->block.len;
	rec->payload = p;
	rec->payload_len = r->block.len;
	if (r->block.len < 12 || memcmp(p, "HTTP/", 5) != 0)
		return 0;
	const char *sp = memchr(p, ' ', (size_t)(end - p));
	if (sp && end - sp >= 4 && cr_is_digit((unsigned char)sp[1]) && cr_is_digit((unsigned char)sp[2]) && cr_is_digit((unsigned char)sp[3]))
		rec->http_status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
	bool chunked = false, gzip = false, deflate = false;
	const char *q = memchr(p, '\n', (size_t)(end - p));
	q = q ? q + 1 : end;
	for (;;) {
		if (q >= end) {
			rec->payload = q;
			rec->payload_len = 0;
			return 0;   /* headers with no body */
		}
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		const char *le = nl ? nl : end;
		size_t n = (size_t)(le - q);
		if (n && q[n - 1] == '\r')
			n--;
		if (n == 0) {
			q = nl ? nl + 1 : end;
			break;
		}
		const char *v;
		size_t vn;
		if (header_is(q, n, "Transfer-Encoding", &v, &vn) && value_has(v, vn, "chunked"))
			chunked = true;
		if (header_is(q, n, "Content-Type", &v, &vn) && !rec->http_content_type) {
			cr_buf_reset(&r->hct);
			cr_buf_append(&r->hct, v, vn);
			if (!r->hct.data)
				cr_buf_grow(&r->hct, 1), r->hct.data[0] = 0;
			rec->http_content_type = r->hct.data;
		}
		if (header_is(q, n, "Content-Encoding", &v, &vn)) {
			gzip = value_has(v, vn, "gzip");
			deflate = !gzip && value_has(v, vn, "deflate");
		}
		q = nl ? nl + 1 : end;
	}
	const char *body = q;
	size_t blen = (size_t)(end - q);
	if (chunked) {
		cr_buf_reset(&r->body);
		dechunk(&r->body, body, blen);
		body = r->body.data ? r->body.data : "";
		blen = r->body.len;
	}
	if ((gzip || deflate) && blen > 0) {
		const char *why = NULL;
		cr_buf_reset(&r->body2);
		if (decode_content(&r->body2, body, blen, gzip, r->max_record, &why) < 0)
			return set_err(r, rec->offset, "%s", why);
		body = r->body2.data ? r->body2.data : "";
		blen = r->body2.len;
	}
	rec->payload = body;
	rec->payload_len = blen;
	return 0;
}

/* ---------- records ---------- */

static bool is_version_line(const cr_buf *l)
{
	return l->len >= 7 && memcmp(l->data, "WARC/", 5) == 0 && cr_is_digit((unsigned char)l->data[5]) && l->data[6] == '.';
}

/* Skips to the next line starting "WARC/1."; 1 found (in r->line), 0 end,
 * DAMAGED or -1 (fatal). */
static int resync(cr_warc_reader *r, uint64_t *line_start)
{
	bool too_long;
	for (;;) {
		*line_start = r->pos;
		int rc = read_line(r, &r->line, LINE_MAX_BYTES, &too_long);
		if (rc <= 0)
			return rc;
		if (!too_long && r->line.len >= 7 && memcmp(r->line.data, "WARC/1.", 7) == 0)
			return 1;
	}
}

/* A header value written as "<uri>" (WARC-Target-URI in WARC 1.0, WARC-Record-ID) without its brackets. */
static void unbracket(cr_buf *b)
{
	if (b->len >= 2 && b->data[0] == '<' && b->data[b->len - 1] == '>') {
		memmove(b->data, b->data + 1, b->len - 2);
		b->len -= 2;
		b->data[b->len] = 0;
	}
}

static int next_record(cr_warc_reader *r, cr_warc_record *rec)
{
	if (r->fatal)
		return -1;
	bool too_long = false;
	uint64_t start = r->pos;
	int rc;
	if (r->resync) {
		rc = resync(r, &start);
		r->resync = false;
		if (rc <= 0)
			return rc;
	} else {
		for (;;) {
			start = r->pos;
			rc = read_line(r, &r->line, LINE_MAX_BYTES, &too_long);
			if (rc <= 0)
				return rc;
			if (r->line.len > 0 || too_long)
				break;
		}
		if (too_long || !is_version_line(&r->line)) {
			r->resync = true;
			return set_err(r, start, "expected a WARC/1.x version line, found \"%.40s\"", too_long ? "(a very long line)" : r->line.data);
		}
	}
	rec->offset = start;

	cr_buf *fields[] = {&r->type, &r->uri, &r->date, &r->ctype, &r->clen, &r->rid};
	bool *has[] = {&r->has_type, &r->has_uri, &r->has_date, &r->has_ctype, &r->has_clen, &r->has_rid};
	static const char *const names[] = {"WARC-Type", "WARC-Target-URI", "WARC-Date", "Content-Type", "Content-Length",
	                                    "WARC-Record-ID"};
	for (size_t i = 0; i < CR_ARRAY_LEN(fields); i++) {
		cr_buf_reset(fields[i]);
		*has[i] = false;
	}
	cr_buf *last = NULL;
	size_t header_bytes = 0;
	for (;;) {
		uint64_t at = r->pos;
		rc = read_line(r, &r->line, LINE_MAX_BYTES, &too_long);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			r->resync = true;
			return set_err(r, at, "input ends inside the headers of the record at byte %llu", (unsigned long long)start);
		}
		if (too_long || (header_bytes += r->line.len) > HEADER_MAX_BYTES) {
			r->resync = true;
			return set_err(r, at, "header longer than the limit in the record at byte %llu", (unsigned long long)start);
		}
		if (r->line.len == 0)
			break;
		const char *l = r->line.data;
		if (l[0] == ' ' || l[0] == '\t') {
			if (last) {
				cr_buf_putc(last, ' ');
				size_t k = 0;
				while (k < r->line.len && (l[k] == ' ' || l[k] == '\t'))
					k++;
				cr_buf_append(last, l + k, r->line.len - k);
			}
			continue;
		}
		const char *colon = memchr(l, ':', r->line.len);
		if (!colon || colon == l) {
			r->resync = true;
			return set_err(r, at, "malformed header line \"%.40s\"", l);
		}
		last = NULL;
		size_t nlen = (size_t)(colon - l);
		for (size_t i = 0; i < CR_ARRAY_LEN(fields); i++) {
			if (strlen(names[i]) != nlen || !cr_ieq(l, names[i], nlen))
				continue;
			const char *v = colon + 1, *e = l + r->line.len;
			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			cr_buf_reset(fields[i]);
			cr_buf_append(fields[i], v, (size_t)(e - v));
			*has[i] = true;
			last = fields[i];
		}
	}
	if (!r->has_clen) {
		r->resync = true;
		return set_err(r, start, "record without Content-Length");
	}
	uint64_t clen = 0;
	for (size_t i = 0; i < r->clen.len; i++) {
		char c = r->clen.data[i];
		if (!cr_is_digit((unsigned char)c) || clen > (UINT64_MAX - 9) / 10) {
			r->resync = true;
			return set_err(r, start, "bad Content-Length \"%.30s\"", r->clen.data);
		}
		clen = clen * 10 + (uint64_t)(c - '0');
	}
	if (r->clen.len == 0) {
		r->resync = true;
		return set_err(r, start, "empty Content-Length");
	}
	if (clen > r->max_record) {
		r->resync = true;
		return set_err(r, start, "record of %llu bytes is over the %zu-byte limit", (unsigned long long)clen, r->max_record);
	}
	cr_buf_reset(&r->block);
	cr_buf_grow(&r->block, 1);
	r->block.data[0] = 0;
	rc = read_block(r, &r->block, clen);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		r->resync = true;
		return set_err(r, r->pos, "truncated record at byte %llu: %zu of %llu content bytes", (unsigned long long)start,
			       r->block.len, (unsigned long long)clen);
	}

	unbracket(&r->uri);
	unbracket(&r->rid);
	for (size_t i = 0; i < CR_ARRAY_LEN(fields); i++)
		if (*has[i] && !fields[i]->data)
			cr_buf_grow(fields[i], 1), fields[i]->data[0] = 0;
	rec->type = r->has_type ? r->type.data : NULL;
	rec->target_uri = r->has_uri ? r->uri.data : NULL;
	rec->date = r->has_date ? r->date.data : NULL;
	rec->content_type = r->has_ctype ? r->ctype.data : NULL;
	rec->record_id = r->has_rid ? r->rid.data : NULL;
	rec->payload = r->block.data;
	rec->payload_len = r->block.len;
	if (rec->type && strcmp(rec->type, "response") == 0 && rec->content_type &&
	    strlen(rec->content_type) >= 16 && cr_ieq(rec->content_type, "application/http", 16)) {
		if (http_payload(r, rec) < 0) {
			memset(rec, 0, sizeof *rec);
			return -1;
		}
	}
	return 1;
}

int cr_warc_next(cr_warc_reader *r, cr_warc_record *rec)
{
	memset(rec, 0, sizeof *rec);
	int rc = next_record(r, rec);
	if (rc == DAMAGED) {
		/* the record under way is lost with its member; look for the next */
		memset(rec, 0, sizeof *rec);
		r->resync = true;
		return -1;
	}
	return rc;
}
