/*
 * read.h: any input into documents — the format read from the first bytes
 * (or forced), then the reader of that format: plain text, JSONL, an HTML
 * page, a WARC crawl, an RSS or Atom feed, and any of them gzip-compressed. The first bytes are
 * sniffed from the input's buffer
 * and handed on to the reader (input.h): a pipe loses nothing. Text and
 * HTML are read whole up to their size limit, JSONL, WARC and feeds record
 * by record. See read.c.
 */
#ifndef CR_INGEST_READ_H
#define CR_INGEST_READ_H

#include "ingest/document.h"
#include "ingest/input.h"

/* How many first bytes the sniffer looks at, at most. */
#define CR_SNIFF_BYTES 2048

/*
 * The format the first n bytes of an input show: "text", "jsonl", "html",
 * "warc", "feed" (RSS or Atom), or "gzip" for a gzip stream (whose format cr_read_input tells from
 * what it inflates to); name's suffix (.jsonl, .html, and so .jsonl.gz)
 * breaks a tie. NULL when those
 * bytes cannot tell yet and more may come (eof false): a caller reads more
 * and asks again. A JSONL stream is told from its first line, so a slow
 * pipe is read as its lines arrive.
 */
const char *cr_sniff_format(const char *name, const unsigned char *p, size_t n, bool eof);

/* The formats --format may name, "auto" first; NULL-terminated. */
extern const char *const cr_read_formats[];

/*
 * Reads every document of in, in format (NULL or "auto": sniffed), handing
 * each to cb. name is the input's name in messages and documents. Each
 * failure (an unreadable record, a line or page over its limit, a read
 * error) is reported through dg; records left out on purpose (WARC records
 * that are no HTML response) are counted in *skipped and noted. Returns
 * the number of failures, or cb's negative value when cb stopped the
 * reading.
 */
int cr_read_input(cr_input *in, const char *name, const char *format, const cr_diag *dg, cr_doc_cb cb, void *ud,
                  size_t *skipped);

#endif
