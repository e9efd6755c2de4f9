/*
 * input.c: one buffered byte source for every reader (see input.h). The
 * buffer grows only when a caller wants more bytes at once than it holds
 * (the format sniffer's head, a line being kept); otherwise it is refilled
 * from its start.
 */
#include "ingest/input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK ((size_t)64 << 10)

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

void cr_input_free(cr_input *in)
{
	if (!in->mem)
		free(in->buf);
	memset(in, 0, sizeof *in);
	in->fd = -1;
}

size_t cr_input_fill(cr_input *in)
{
	if (in->fd < 0 || in->eof || in->err)
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
		n = read(in->fd, in->buf + in->len, in->cap - in->len);
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
	snprintf(msg, len, "read error at byte %llu: %s", (unsigned long long)in->offset,
	         strerror(in->err ? in->err : EIO));
}
