/*
 * input.c: one buffered byte source for every reader (see input.h). The
 * buffer grows only when a caller wants more bytes at once than it holds
 * (the format sniffer's head, a line being kept); otherwise it is refilled
 * from its start.
 *
 * A gzip source inflates its source input's buffered bytes in place (zlib
 * reads them where they lie, and only what it took is consumed), member
 * after member, each watched for a decompression bomb.
 */
#include "ingest/input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define CHUNK ((size_t)64 << 10)

/* The state of a gzip source. */
struct cr_gunzip {
	cr_input *src;
	z_stream zs;
	bool member;        /* inside a member: its end is still to come */
	char why[160];      /* the message of a failure, "" while all is well */
};

void cr_input_fd(cr_input *in, int fd)
{
	memset(in, 0, sizeof *in);
	in->fd = fd;
	in->hash = CR_HASH64_INIT;
}

void cr_input_mem(cr_input *in, const void *mem, size_t len)
{
	cr_input_fd(in, -1);
	in->mem = mem;
	in->buf = (unsigned char *)(uintptr_t)mem;
	in->len = len;
	in->eof = true;
	in->hash = cr_hash64_more(in->hash, mem, len);
	in->taken = len;
}

void cr_input_gunzip(cr_input *in, cr_input *src)
{
	cr_input_fd(in, -1);
	in->gz = cr_xcalloc(1, sizeof *in->gz);
	in->gz->src = src;
	if (inflateInit2(&in->gz->zs, 15 + 16) != Z_OK)
		cr_oom();
}

void cr_input_free(cr_input *in)
{
	if (!in->mem)
		free(in->buf);
	if (in->gz) {
		inflateEnd(&in->gz->zs);
		free(in->gz);
	}
	memset(in, 0, sizeof *in);
	in->fd = -1;
}

/* A gzip source's failure: errno EIO and a message naming the compressed byte; returns -1. */
static ssize_t gz_fail(struct cr_gunzip *g, const char *why)
{
	snprintf(g->why, sizeof g->why, "compressed byte %llu: %s", (unsigned long long)g->src->offset, why);
	errno = EIO;
	return -1;
}

/*
 * Inflates into dst[0, cap) what the source's next buffered bytes give:
 * the number of bytes made, 0 at the end of the last member, -1 on a
 * failure (a read error of the source, a damaged or truncated member, a
 * bomb).
 */
static ssize_t gz_read(struct cr_gunzip *g, unsigned char *dst, size_t cap)
{
	for (;;) {
		size_t n;
		const unsigned char *p = cr_input_peek(g->src, &n);
		if (n == 0 && (n = cr_input_fill(g->src)) > 0)
			p = cr_input_peek(g->src, &n);
		if (n == 0) {
			if (g->src->err)
				return gz_fail(g, strerror(g->src->err));
			return g->member ? gz_fail(g, "truncated gzip member") : 0;
		}
		g->zs.next_in = (unsigned char *)(uintptr_t)p;
		g->zs.avail_in = (uInt)CR_MIN(n, (size_t)UINT32_MAX);
		g->zs.next_out = dst;
		g->zs.avail_out = (uInt)CR_MIN(cap, (size_t)UINT32_MAX);
		g->member = true;
		int zr = inflate(&g->zs, Z_NO_FLUSH);
		size_t made = cap - g->zs.avail_out, took = n - g->zs.avail_in;
		cr_input_skip(g->src, took);
		if (zr == Z_MEM_ERROR)
			cr_oom();
		if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
			return gz_fail(g, g->zs.msg ? g->zs.msg : "corrupt gzip data");
		if (cr_gzip_bomb(g->zs.total_out, g->zs.total_in))
			return gz_fail(g, "gzip member inflates more than 1000 times its size (decompression bomb); refused");
		if (zr == Z_STREAM_END) {
			inflateReset(&g->zs);
			g->member = false;
		}
		if (made)
			return (ssize_t)made;
		if (!took && zr != Z_STREAM_END)
			return gz_fail(g, "corrupt gzip data");   /* no progress: never spin */
	}
}

size_t cr_input_gunzip_head(cr_input *src, unsigned char *out, size_t cap)
{
	size_t n;
	cr_input_want(src, CHUNK);
	const unsigned char *p = cr_input_peek(src, &n);
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	if (inflateInit2(&zs, 15 + 16) != Z_OK)
		cr_oom();
	zs.next_in = (unsigned char *)(uintptr_t)p;
	zs.avail_in = (uInt)n;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	inflate(&zs, Z_SYNC_FLUSH);
	size_t made = cap - zs.avail_out;
	inflateEnd(&zs);
	return made;
}

size_t cr_input_fill(cr_input *in)
{
	if ((in->fd < 0 && !in->gz) || in->eof || in->err)
		return in->len - in->pos;
	if (in->pos == in->len) {
		in->pos = in->len = 0;
	} else if (in->pos > 0 && in->cap - in->len < CHUNK) {
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->len -= in->pos;
		in->pos = 0;
	}
	if (in->cap - in->len < CHUNK) {
		in->cap = in->len + CHUNK;
		in->buf = cr_xrealloc(in->buf, in->cap);
	}
	ssize_t n;
	do
		n = in->gz ? gz_read(in->gz, in->buf + in->len, in->cap - in->len)
		           : read(in->fd, in->buf + in->len, in->cap - in->len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		in->err = errno;
	else if (n == 0)
		in->eof = true;
	else {
		in->hash = cr_hash64_more(in->hash, in->buf + in->len, (size_t)n);
		in->taken += (size_t)n;
		in->len += (size_t)n;
	}
	return in->len - in->pos;
}

size_t cr_input_want(cr_input *in, size_t n)
{
	size_t have = in->len - in->pos;
	while (have < n && !in->eof && !in->err) {
		size_t before = have;
		have = cr_input_fill(in);
		if (have == before && (in->eof || in->err))
			break;
	}
	return have;
}

void cr_input_skip(cr_input *in, size_t n)
{
	in->pos += n;
	in->offset += n;
}

size_t cr_input_read(cr_input *in, void *dst, size_t n)
{
	size_t have = in->len - in->pos;
	if (have == 0)
		have = cr_input_fill(in);
	if (have == 0)
		return 0;
	size_t k = have < n ? have : n;
	memcpy(dst, in->buf + in->pos, k);
	cr_input_skip(in, k);
	return k;
}

int cr_input_line(cr_input *in, cr_buf *line, size_t max, size_t *over)
{
	cr_buf_reset(line);
	*over = 0;
	size_t seen = 0;
	bool any = false;
	for (;;) {
		size_t have = in->len - in->pos;
		if (have == 0)
			have = cr_input_fill(in);
		if (have == 0)
			break;
		any = true;
		const unsigned char *p = in->buf + in->pos;
		const unsigned char *nl = memchr(p, '\n', have);
		size_t take = nl ? (size_t)(nl - p) : have;
		if (seen + take > max) {
			if (!*over)
				cr_buf_free(line);   /* its memory goes back at once */
			*over = 1;
		} else {
			cr_buf_append(line, p, take);
		}
		seen += take;
		cr_input_skip(in, take + (nl ? 1 : 0));
		if (nl) {
			if (*over)
				*over = seen;
			return 1;
		}
	}
	if (in->err)
		return -1;
	if (*over)
		*over = seen;
	return any ? 1 : 0;
}

int cr_input_slurp(cr_input *in, cr_buf *out, size_t max)
{
	for (;;) {
		size_t have = in->len - in->pos;
		if (have == 0)
			have = cr_input_fill(in);
		if (have == 0)
			return in->err ? -1 : 0;
		size_t room = max + 1 - out->len;
		size_t k = have < room ? have : room;
		cr_buf_append(out, in->buf + in->pos, k);
		cr_input_skip(in, k);
		if (out->len > max)
			return 1;
	}
}

int cr_input_drain(cr_input *in)
{
	for (;;) {
		size_t have = in->len - in->pos;
		if (have == 0)
			have = cr_input_fill(in);
		if (have == 0)
			return in->err ? -1 : 0;
		cr_input_skip(in, have);
	}
}

void cr_input_error(const cr_input *in, char *msg, size_t len)
{
	if (in->gz && in->gz->why[0]) {
		snprintf(msg, len, "%s", in->gz->why);
		return;
	}
	snprintf(msg, len, "read error at byte %llu: %s", (unsigned long long)in->offset,
	         strerror(in->err ? in->err : EIO));
}
