/*
 * input.h: a byte source every reader of ingest shares — a file descriptor
 * (a file, a pipe, a terminal) or bytes in memory — read through one
 * buffer, so that the format can be sniffed from the first bytes and those
 * bytes handed on to the reader that follows: nothing is read twice and
 * nothing rewound, which a pipe could not do. The bytes taken from a
 * descriptor are hashed as they are read (cr_hash64's FNV-1a), so a file
 * read whole is identified by its content.
 *
 * Reads never block for more than they need: cr_input_fill asks for what
 * is available (one read(2)), so a slow pipe hands on each line as it
 * arrives. Lines are read with a limit checked while reading: a longer
 * line is skipped through to its end without being kept.
 *
 * A third kind of source is another input's gzip stream, inflated as it is
 * read (cr_input_gunzip), so that every reader reads a .gz file as it
 * reads the plain one.
 */
#ifndef CR_INGEST_INPUT_H
#define CR_INGEST_INPUT_H

#include "util/util.h"

/* Decompression guard: a gzip member inflating to more than
 * CR_GZIP_BOMB_BYTES at more than CR_GZIP_MAX_RATIO times its compressed
 * size is a bomb, refused. */
#define CR_GZIP_BOMB_BYTES ((uint64_t)16 << 20)
#define CR_GZIP_MAX_RATIO 1000
static inline bool cr_gzip_bomb(uint64_t out, uint64_t in)
{
	return out > CR_GZIP_BOMB_BYTES && out / (in ? in : 1) > CR_GZIP_MAX_RATIO;
}

struct cr_gunzip;

typedef struct cr_input {
	int fd;                     /* -1 for bytes in memory or a gzip stream */
	struct cr_gunzip *gz;       /* the gzip stream read, or NULL */
	const unsigned char *mem;   /* the memory source, when fd is -1 */
	unsigned char *buf;         /* buffered bytes: buf[pos, len) */
	size_t pos, len, cap;
	bool eof;                   /* the source has no more bytes */
	int err;                    /* errno of a failed read, else 0 */
	uint64_t offset;            /* bytes handed on so far */
	uint64_t hash;              /* FNV-1a of every byte taken from the source */
	uint64_t taken;             /* bytes taken from the source */
} cr_input;

/* An input on an open descriptor (not closed by cr_input_free), or on
 * mem[0, len) (which must outlive the input). */
void cr_input_fd(cr_input *in, int fd);
void cr_input_mem(cr_input *in, const void *mem, size_t len);
void cr_input_free(cr_input *in);
/*
 * An input of what the gzip stream read from src inflates to, every member
 * one after another. A damaged or truncated stream or a decompression bomb
 * is a read error (in->err) whose message, from cr_input_error, names the
 * compressed byte offset. src must outlive in; cr_input_free(in) leaves
 * src open.
 */
void cr_input_gunzip(cr_input *in, cr_input *src);
/*
 * The first bytes src's gzip stream inflates to, at most cap, into out,
 * consuming nothing of src (what the sniffer reads under the compression).
 * Returns how many: fewer than cap when the stream (or its first member)
 * ends or breaks sooner.
 */
size_t cr_input_gunzip_head(cr_input *src, unsigned char *out, size_t cap);

/*
 * Buffers more bytes: one read(2) of whatever the source has (retried on
 * EINTR). Returns the number of bytes now buffered; 0 at the end of the
 * input or on a read error (in->err says which).
 */
size_t cr_input_fill(cr_input *in);
/* Buffers until at least n bytes are, or the input ends; returns how many are. */
size_t cr_input_want(cr_input *in, size_t n);
/* The buffered bytes, not consumed. */
static inline const unsigned char *cr_input_peek(const cr_input *in, size_t *n)
{
	*n = in->len - in->pos;
	return in->buf ? in->buf + in->pos : (const unsigned char *)"";
}
/* Consumes n buffered bytes (n at most what cr_input_peek gave). */
void cr_input_skip(cr_input *in, size_t n);
/* Copies up to n bytes to dst; 0 at the end of the input or on an error. */
size_t cr_input_read(cr_input *in, void *dst, size_t n);

/*
 * Reads a line, without its "\n", into line (reset first). Returns 1 for a
 * line, 0 at the end of the input, -1 on a read error. A line over max
 * bytes is read through to its end but not kept: line is left empty and
 * *over set to its length (else 0).
 */
int cr_input_line(cr_input *in, cr_buf *line, size_t max, size_t *over);

/*
 * Appends the whole rest of the input to out, up to max bytes. 0, 1 when
 * the input holds more than max (out then holds max + 1 bytes and the rest
 * is left unread), -1 on a read error.
 */
int cr_input_slurp(cr_input *in, cr_buf *out, size_t max);

/* Reads through to the end of the input, so that in->hash covers it all.
 * 0, or -1 on a read error. */
int cr_input_drain(cr_input *in);

/* The message of a read error ("read error: Is a directory"), into msg. */
void cr_input_error(const cr_input *in, char *msg, size_t len);

#endif
