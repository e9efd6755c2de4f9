/*
 * fuzz_read.c: format detection and file reading — the input as a file of
 * unknown format, read by cr_read_input through the same buffer the CLI
 * uses: from memory, and (when it fits a pipe's buffer) from a pipe, one
 * read(2) at a time. Both must give the same documents; each document is
 * valid UTF-8 with its hash of its text; the sniffer, asked again with more
 * bytes, never changes its mind about a prefix it had decided; the line
 * reader keeps no line over its limit.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct docs {
	uint64_t sum;     /* of the documents' hashes, in order */
	size_t n;
} docs;

static int take(void *ud, cr_document *d)
{
	docs *c = ud;
	char hex[CR_SHA256_HEX];
	cr_sha256_hex(d->text, d->len, hex);
	if (strcmp(hex, d->hash) != 0 || strlen(d->text) != d->len)
		abort();
	c->sum = c->sum * 31 + cr_hash64(d->text, d->len);
	c->n++;
	return 0;
}

static int read_all(cr_input *in, docs *c)
{
	size_t skipped = 0;
	return cr_read_input(in, "fuzz.dat", NULL, NULL, take, c, &skipped);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a decision made on a prefix stands when more bytes come */
	const char *early = NULL;
	size_t at = 0;
	for (size_t n = 0; n <= size && n <= CR_SNIFF_BYTES && !early; n += 1 + n / 4) {
		early = cr_sniff_format("fuzz.dat", data, n, false);
		at = n;
	}
	const char *last = cr_sniff_format("fuzz.dat", data, size, true);
	if (early && at <= size && strcmp(early, last) != 0 && size <= CR_SNIFF_BYTES)
		abort();

	cr_input in;
	cr_input_mem(&in, data, size);
	docs a = {0, 0};
	int ra = read_all(&in, &a);
	cr_input_free(&in);

	int fds[2];
	if (size <= 60000 && pipe(fds) == 0) {
		size_t off = 0;
		while (off < size) {
			ssize_t k = write(fds[1], data + off, size - off);
			if (k <= 0)
				abort();
			off += (size_t)k;
		}
		close(fds[1]);
		cr_input_fd(&in, fds[0]);
		docs b = {0, 0};
		int rb = read_all(&in, &b);
		if (cr_input_drain(&in) < 0 || in.hash != cr_hash64(data, size) || in.taken != size)
			abort();
		cr_input_free(&in);
		close(fds[0]);
		if (ra != rb || a.n != b.n || a.sum != b.sum)
			abort();
	}

	/* lines, with a small limit */
	cr_input_mem(&in, data, size);
	cr_buf line = {0};
	size_t over;
	while (cr_input_line(&in, &line, 64, &over) > 0)
		if (line.len > 64 || (over && line.len) || memchr(line.data ? line.data : "", '\n', line.len))
			abort();
	cr_buf_free(&line);
	cr_input_free(&in);
	return 0;
}
