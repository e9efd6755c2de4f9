/*
 * charset.h: a document's bytes in the charset its site used, into UTF-8.
 *
 * The charset is read, in this order, from a byte-order mark (UTF-8,
 * UTF-16LE, UTF-16BE), from the page's own <meta charset> or <meta
 * http-equiv="Content-Type" content="...; charset=..."> (HTML only), from
 * the Content-Type header the server sent (a WARC record's HTTP response),
 * and last from a detector (libuchardet) when the bytes are not UTF-8.
 * glibc's iconv converts. See charset.c for the rules that keep UTF-8 text
 * untouched whatever a label says.
 */
#ifndef CR_INGEST_CHARSET_H
#define CR_INGEST_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

/* What a decode found and did. */
typedef struct cr_charset_report {
	char charset[48];     /* the charset the bytes were read as (iconv's name), "" when left as they are */
	const char *from;     /* where it was read: "byte-order mark", "<meta>", "HTTP Content-Type", "detector" */
	size_t bad;           /* byte sequences that did not convert, each replaced by U+FFFD */
	size_t first_bad;     /* byte offset in the input of the first of them */
	size_t first_non_utf8; /* byte offset of the first byte that is not UTF-8 (for a detected charset) */
	char ignored[48];     /* a declared label that could not be read (unknown to iconv, or no valid UTF-8 out), passed over; "" when none */
} cr_charset_report;

/*
 * Decodes raw[0, len) into UTF-8. html: the bytes are an HTML page (its
 * <meta> is read); http_ctype: the HTTP Content-Type header that came with
 * them, or NULL. Returns 1 with *out (NUL-terminated, the caller frees it
 * with free()) and *outlen when the bytes were converted; 0 when they are
 * to be read as they are (UTF-8, plain ASCII of an ASCII-compatible
 * charset, binary data, or nothing to tell the charset by), *out then
 * NULL. *rep is filled either way. Never fails: a byte that does not
 * convert becomes U+FFFD and is counted. Deterministic; thread-safe.
 */
int cr_charset_decode(char **out, size_t *outlen, const char *raw, size_t len, bool html, const char *http_ctype,
                      cr_charset_report *rep);

#endif
