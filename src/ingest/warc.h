/*
 * warc.h: a streaming reader of WARC files (ISO 28500, versions 1.0 and 1.1),
 * plain or gzip-compressed (one gzip member per record, or the whole file in
 * one member, or any mix). Records come out one at a time; memory is one
 * record plus fixed buffers. See warc.c.
 */
#ifndef CR_INGEST_WARC_H
#define CR_INGEST_WARC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Default cap on a record's content block; larger records are refused. */
#define CR_WARC_MAX_RECORD ((size_t)64 << 20)
/* A gzip member or an HTTP body that inflates like a bomb is refused (cr_gzip_bomb, input.h). */

typedef struct cr_warc_record {
	/* NUL-terminated header values, NULL when the header is absent; valid until the next call. */
	const char *type, *target_uri, *date, *content_type;
	const char *record_id;   /* WARC-Record-ID without its angle brackets ("urn:uuid:..."), or NULL */
	/* For response records holding HTTP (Content-Type application/http):
	 * the HTTP body, headers stripped, chunked transfer-coding and gzip or
	 * deflate content-coding undone. For every other record: the whole
	 * content block. Valid until the next call. */
	const char *payload;
	size_t payload_len;
	int http_status;         /* 0 when the record holds no HTTP response */
	const char *http_content_type;   /* the HTTP response's Content-Type ("text/html; charset=utf-8"), or NULL */
	uint64_t offset;         /* the record's offset in the (decompressed) stream */
} cr_warc_record;

typedef struct cr_warc_reader cr_warc_reader;

struct cr_input;
/* Reads from in (input.h), which must outlive the reader. The caller frees
 * the reader with cr_warc_close. */
cr_warc_reader *cr_warc_open(struct cr_input *in);
/* Changes the record cap (bytes of content block). */
void cr_warc_set_max_record(cr_warc_reader *r, size_t bytes);
/*
 * Reads the next record: 1 = a record in *rec, 0 = end of input, negative =
 * error, with a message from cr_warc_error naming the byte offset. After a
 * malformed or oversized record the next call resynchronises at the next
 * line starting "WARC/1."; so it does after a corrupt gzip member, once the
 * next member is found; after a fatal error (truncated gzip, decompression
 * bomb, read error; cr_warc_failed is then true) every later call returns
 * the same error.
 * Every record is returned, whatever its type: the caller decides.
 */
int cr_warc_next(cr_warc_reader *r, cr_warc_record *rec);
const char *cr_warc_error(const cr_warc_reader *r);
bool cr_warc_failed(const cr_warc_reader *r);
void cr_warc_close(cr_warc_reader *r);

#endif
