/* Tests for src/ingest/warc.c. The WARC files are built here from strings:
 * plain, gzip per record, gzip whole file, truncated, malformed, a bomb;
 * every record's type, date and record id read. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ingest/warc.h"
#include "ingest/input.h"
#include "util/util.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char k_html[] = "<html><body><p>Hello, world.</p></body></html>";

static void add_record(cr_buf *w, const char *type, const char *uri, const char *ctype, const char *block, size_t blen)
{
	cr_buf_printf(w, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08zx-0000-0000-0000-000000000000>\r\n", type, w->len);
	if (uri)
		cr_buf_printf(w, "WARC-Target-URI: %s\r\n", uri);
	cr_buf_printf(w, "WARC-Date: 2024-05-01T12:00:00Z\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n", ctype, blen);
	cr_buf_append(w, block, blen);
	cr_buf_puts(w, "\r\n\r\n");
}

static void gzip_append(cr_buf *out, const char *p, size_t n)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (unsigned char *)(uintptr_t)p;
	zs.avail_in = (uInt)n;
	int zr;
	do {
		cr_buf_grow(out, 65536);
		zs.next_out = (unsigned char *)out->data + out->len;
		zs.avail_out = 65536;
		zr = deflate(&zs, Z_FINISH);
		out->len += 65536 - zs.avail_out;
	} while (zr == Z_OK);
	assert_int_equal(zr, Z_STREAM_END);
	deflateEnd(&zs);
}

/* warcinfo, request, response (HTTP), metadata, resource; offsets[] get each record's start. */
static void sample(cr_buf *w, size_t offsets[5], size_t ends[5])
{
	cr_buf http = {0};
	cr_buf_printf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %zu\r\n\r\n%s", strlen(k_html), k_html);
	const char *req = "GET /news/a HTTP/1.1\r\nHost: example.org\r\n\r\n";
	const char *info = "software: test\r\nformat: WARC File Format 1.1\r\n";
	const char *md = "outlinks: https://example.org/b\r\n";
	offsets[0] = w->len;
	add_record(w, "warcinfo", NULL, "application/warc-fields", info, strlen(info));
	ends[0] = w->len;
	offsets[1] = w->len;
	add_record(w, "request", "https://example.org/news/a", "application/http; msgtype=request", req, strlen(req));
	ends[1] = w->len;
	offsets[2] = w->len;
	add_record(w, "response", "https://example.org/news/a", "application/http; msgtype=response", http.data, http.len);
	ends[2] = w->len;
	offsets[3] = w->len;
	add_record(w, "metadata", "https://example.org/news/a", "application/warc-fields", md, strlen(md));
	ends[3] = w->len;
	offsets[4] = w->len;
	add_record(w, "resource", "file:///page.html", "text/html", k_html, strlen(k_html));
	ends[4] = w->len;
	cr_buf_free(&http);
}

static void check_sample(const char *data, size_t len, const size_t offsets[5])
{
	cr_input src;
	cr_input_mem(&src, (void *)(uintptr_t)data, len);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	static const char *const types[] = {"warcinfo", "request", "response", "metadata", "resource"};
	for (int i = 0; i < 5; i++) {
		int rc = cr_warc_next(r, &rec);
		if (rc != 1)
			fail_msg("record %d: rc %d %s", i, rc, cr_warc_error(r));
		assert_string_equal(rec.type, types[i]);
		assert_int_equal(rec.offset, offsets[i]);
		assert_string_equal(rec.date, "2024-05-01T12:00:00Z");
		char rid[64];   /* add_record's id, its angle brackets dropped */
		snprintf(rid, sizeof rid, "urn:uuid:%08zx-0000-0000-0000-000000000000", offsets[i]);
		assert_string_equal(rec.record_id, rid);
		if (i == 0)
			assert_null(rec.target_uri);
		if (i == 1) {
			assert_int_equal(rec.http_status, 0);
			assert_null(rec.http_content_type);
			assert_true(rec.payload_len > 4 && memcmp(rec.payload, "GET ", 4) == 0);
		}
		if (i == 2) {
			assert_string_equal(rec.target_uri, "https://example.org/news/a");
			assert_int_equal(rec.http_status, 200);
			assert_string_equal(rec.http_content_type, "text/html; charset=utf-8");
			assert_int_equal(rec.payload_len, strlen(k_html));
			assert_memory_equal(rec.payload, k_html, rec.payload_len);
		}
		if (i == 4) {
			assert_string_equal(rec.content_type, "text/html");
			assert_int_equal(rec.payload_len, strlen(k_html));
			assert_memory_equal(rec.payload, k_html, rec.payload_len);
		}
	}
	assert_int_equal(cr_warc_next(r, &rec), 0);
	assert_int_equal(cr_warc_next(r, &rec), 0);
	cr_warc_close(r);
	cr_input_free(&src);
}

static void test_warc_plain_reads_every_record_type(void **state)
{
	(void)state;
	cr_buf w = {0};
	size_t off[5], end[5];
	sample(&w, off, end);
	check_sample(w.data, w.len, off);
	cr_buf_free(&w);
}

static void test_warc_gzip_member_per_record_matches_plain(void **state)
{
	(void)state;
	cr_buf w = {0}, gz = {0};
	size_t off[5], end[5];
	sample(&w, off, end);
	for (int i = 0; i < 5; i++)
		gzip_append(&gz, w.data + off[i], end[i] - off[i]);
	check_sample(gz.data, gz.len, off);
	cr_buf_free(&w);
	cr_buf_free(&gz);
}

static void test_warc_gzip_whole_file_matches_plain(void **state)
{
	(void)state;
	cr_buf w = {0}, gz = {0};
	size_t off[5], end[5];
	sample(&w, off, end);
	gzip_append(&gz, w.data, w.len);
	check_sample(gz.data, gz.len, off);
	cr_buf_free(&w);
	cr_buf_free(&gz);
}

static void test_warc_chunked_gzip_http_body_is_decoded(void **state)
{
	(void)state;
	cr_buf body = {0}, http = {0}, w = {0};
	gzip_append(&body, k_html, strlen(k_html));
	cr_buf_puts(&http, "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n");
	size_t half = body.len / 2;
	cr_buf_printf(&http, "%zx;ext=1\r\n", half);
	cr_buf_append(&http, body.data, half);
	cr_buf_printf(&http, "\r\n%zX\r\n", body.len - half);
	cr_buf_append(&http, body.data + half, body.len - half);
	cr_buf_puts(&http, "\r\n0\r\n\r\n");
	add_record(&w, "response", "https://example.org/x", "application/http;msgtype=response", http.data, http.len);
	cr_input src;
	cr_input_mem(&src, w.data, w.len);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	assert_int_equal(cr_warc_next(r, &rec), 1);
	assert_int_equal(rec.http_status, 404);
	assert_int_equal(rec.payload_len, strlen(k_html));
	assert_memory_equal(rec.payload, k_html, rec.payload_len);
	assert_int_equal(cr_warc_next(r, &rec), 0);
	cr_warc_close(r);
	cr_input_free(&src);
	cr_buf_free(&body);
	cr_buf_free(&http);
	cr_buf_free(&w);
}

static void test_warc_truncated_record_is_an_error_then_end(void **state)
{
	(void)state;
	cr_buf w = {0};
	size_t off[5], end[5];
	sample(&w, off, end);
	size_t cut = off[2] + (end[2] - off[2]) * 3 / 4;   /* inside the response's block */
	cr_input src;
	cr_input_mem(&src, w.data, cut);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	assert_int_equal(cr_warc_next(r, &rec), 1);
	assert_int_equal(cr_warc_next(r, &rec), 1);
	assert_true(cr_warc_next(r, &rec) < 0);
	assert_non_null(strstr(cr_warc_error(r), "truncated"));
	assert_non_null(strstr(cr_warc_error(r), "byte "));
	assert_int_equal(cr_warc_next(r, &rec), 0);
	cr_warc_close(r);
	cr_input_free(&src);
	cr_buf_free(&w);
}

static void test_warc_truncated_gzip_is_fatal(void **state)
{
	(void)state;
	cr_buf w = {0}, gz = {0};
	size_t off[5], end[5];
	sample(&w, off, end);
	gzip_append(&gz, w.data, w.len);
	cr_input src;
	cr_input_mem(&src, gz.data, gz.len - 12);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	int rc, n = 0;
	while ((rc = cr_warc_next(r, &rec)) == 1)
		n++;
	assert_true(rc < 0);
	assert_true(n < 5);
	assert_non_null(strstr(cr_warc_error(r), "compressed byte"));
	assert_true(cr_warc_next(r, &rec) < 0);   /* fatal: stays failed */
	cr_warc_close(r);
	cr_input_free(&src);
	cr_buf_free(&w);
	cr_buf_free(&gz);
}

static void test_warc_corrupt_gzip_member_loses_only_its_record(void **state)
{
	(void)state;
	cr_buf w = {0}, gz = {0};
	size_t off[5], end[5], cut[6];
	sample(&w, off, end);
	/* one member per record; the third record's member is damaged inside */
	for (int i = 0; i < 5; i++) {
		cut[i] = gz.len;
		gzip_append(&gz, w.data + off[i], end[i] - off[i]);
	}
	cut[5] = gz.len;
	for (size_t k = cut[2] + 12; k + 8 < cut[3]; k++)
		gz.data[k] ^= 0x5a;
	cr_input src;
	cr_input_mem(&src, gz.data, gz.len);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	int rc, good = 0, bad = 0;
	char types[5][16] = {{0}};
	while ((rc = cr_warc_next(r, &rec)) != 0) {
		if (rc < 0) {
			bad++;
			assert_false(cr_warc_failed(r));
			continue;
		}
		if (good < 5)
			snprintf(types[good], sizeof types[good], "%s", rec.type);
		good++;
	}
	assert_true(bad >= 1);
	assert_int_equal(good, 4);
	assert_string_equal(types[2], "metadata");   /* the records after the damage are read */
	assert_string_equal(types[3], "resource");
	cr_warc_close(r);
	cr_input_free(&src);
	cr_buf_free(&w);
	cr_buf_free(&gz);
}

static void test_warc_gzip_bomb_is_refused_not_inflated(void **state)
{
	(void)state;
	size_t n = (size_t)40 << 20;   /* under the record cap, over the bomb threshold */
	cr_buf w = {0};
	cr_buf_printf(&w, "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n\r\n", n);
	char *zeros = calloc(n, 1);
	assert_non_null(zeros);
	cr_buf_append(&w, zeros, n);
	free(zeros);
	cr_buf gz = {0};
	gzip_append(&gz, w.data, w.len);
	cr_buf_free(&w);
	assert_true(gz.len * 1000 < n);
	cr_input src;
	cr_input_mem(&src, gz.data, gz.len);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	assert_true(cr_warc_next(r, &rec) < 0);
	assert_non_null(strstr(cr_warc_error(r), "bomb"));
	cr_warc_close(r);
	cr_input_free(&src);
	cr_buf_free(&gz);
}

static void test_warc_malformed_header_resyncs_at_next_record(void **state)
{
	(void)state;
	cr_buf w = {0};
	cr_buf_puts(&w, "WARC/1.1\r\nWARC-Type: response\r\nthis line has no colon\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n");
	size_t good = w.len;
	add_record(&w, "resource", "https://example.org/ok", "text/html", k_html, strlen(k_html));
	cr_input src;
	cr_input_mem(&src, w.data, w.len);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	assert_true(cr_warc_next(r, &rec) < 0);
	assert_non_null(strstr(cr_warc_error(r), "malformed header"));
	assert_int_equal(cr_warc_next(r, &rec), 1);
	assert_int_equal(rec.offset, good);
	assert_string_equal(rec.target_uri, "https://example.org/ok");
	assert_int_equal(cr_warc_next(r, &rec), 0);
	cr_warc_close(r);
	cr_input_free(&src);
	cr_buf_free(&w);
}

static void test_warc_garbage_before_records_is_reported_and_skipped(void **state)
{
	(void)state;
	cr_buf w = {0};
	cr_buf_puts(&w, "this is not a warc file\nat all\n");
	add_record(&w, "resource", "https://example.org/ok", "text/html", k_html, strlen(k_html));
	cr_input src;
	cr_input_mem(&src, w.data, w.len);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	assert_true(cr_warc_next(r, &rec) < 0);
	assert_non_null(strstr(cr_warc_error(r), "byte 0: expected a WARC/1.x version line"));
	assert_int_equal(cr_warc_next(r, &rec), 1);
	assert_string_equal(rec.type, "resource");
	assert_int_equal(cr_warc_next(r, &rec), 0);
	cr_warc_close(r);
	cr_input_free(&src);
	cr_buf_free(&w);
}

static void test_warc_record_over_the_cap_is_refused_and_skipped(void **state)
{
	(void)state;
	cr_buf w = {0};
	char big[500];
	memset(big, 'x', sizeof big);
	add_record(&w, "resource", "https://example.org/big", "text/plain", big, sizeof big);
	add_record(&w, "resource", "https://example.org/small", "text/html", k_html, strlen(k_html));
	cr_input src;
	cr_input_mem(&src, w.data, w.len);
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_set_max_record(r, 100);
	cr_warc_record rec;
	assert_true(cr_warc_next(r, &rec) < 0);
	assert_non_null(strstr(cr_warc_error(r), "limit"));
	assert_int_equal(cr_warc_next(r, &rec), 1);
	assert_string_equal(rec.target_uri, "https://example.org/small");
	assert_int_equal(cr_warc_next(r, &rec), 0);
	cr_warc_close(r);
	cr_input_free(&src);
	cr_buf_free(&w);
}

static void test_warc_bad_content_length_and_empty_input(void **state)
{
	(void)state;
	const char *bad = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n";
	cr_input src;
	cr_input_mem(&src, (void *)(uintptr_t)bad, strlen(bad));
	cr_warc_reader *r = cr_warc_open(&src);
	cr_warc_record rec;
	assert_true(cr_warc_next(r, &rec) < 0);
	assert_non_null(strstr(cr_warc_error(r), "Content-Length"));
	assert_int_equal(cr_warc_next(r, &rec), 0);
	cr_warc_close(r);
	cr_input_free(&src);
	int fd = open("/dev/null", O_RDONLY);
	cr_input_fd(&src, fd);
	r = cr_warc_open(&src);
	assert_int_equal(cr_warc_next(r, &rec), 0);
	cr_warc_close(r);
	cr_input_free(&src);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warc_plain_reads_every_record_type),
		cmocka_unit_test(test_warc_gzip_member_per_record_matches_plain),
		cmocka_unit_test(test_warc_gzip_whole_file_matches_plain),
		cmocka_unit_test(test_warc_chunked_gzip_http_body_is_decoded),
		cmocka_unit_test(test_warc_truncated_record_is_an_error_then_end),
		cmocka_unit_test(test_warc_truncated_gzip_is_fatal),
		cmocka_unit_test(test_warc_corrupt_gzip_member_loses_only_its_record),
		cmocka_unit_test(test_warc_gzip_bomb_is_refused_not_inflated),
		cmocka_unit_test(test_warc_malformed_header_resyncs_at_next_record),
		cmocka_unit_test(test_warc_garbage_before_records_is_reported_and_skipped),
		cmocka_unit_test(test_warc_record_over_the_cap_is_refused_and_skipped),
		cmocka_unit_test(test_warc_bad_content_length_and_empty_input),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
