/*
 * cmd_ingest.c: `corrob ingest PATH...` — files, folders (recursively, in
 * name order so runs are deterministic) and "-" for stdin, each read in the
 * format its content shows (or --format). Documents are stored in batches,
 * one transaction each; a killed ingest loses at most the batch under way
 * and the next run skips the files already stored (the sources table).
 */
#include "cli/cli.h"
#include "text/segment.h"
#include "ingest/html.h"
#include "ingest/warc.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define BATCH_DOCS 200

typedef struct ingest_ctx {
	cr_db *db;
	const cli_opts *o;
	ingest_stats *st;
	cr_diag dg;
	size_t in_batch;
	bool failed_db;
	const char *format;
	cr_doc_cb sink;         /* with no store: each document goes here instead */
	void *sink_ud;
} ingest_ctx;

static int flush_batch(ingest_ctx *c)
{
	if (c->in_batch == 0 || !c->db)
		return 0;
	c->in_batch = 0;
	if (cr_db_commit(c->db) < 0) {
		cli_error("%s: commit failed: %s", c->o->db_path, cr_db_errmsg(c->db));
		cr_db_rollback(c->db);
		c->failed_db = true;
		return -1;
	}
	return 0;
}

/* Stores one document and its segments; opens a batch when none is open. */
static int store_doc(void *ud, cr_document *d)
{
	ingest_ctx *c = ud;
	if (c->sink) {
		c->st->stored++;
		return c->sink(c->sink_ud, d);
	}
	if (c->failed_db)
		return -1;
	if (c->in_batch == 0 && cr_db_begin(c->db) < 0) {
		cli_error("%s: %s", c->o->db_path, cr_db_errmsg(c->db));
		c->failed_db = true;
		return -1;
	}
	c->in_batch++;
	int64_t id;
	int rc = cr_db_put_document(c->db, d, &id);
	if (rc < 0) {
		cli_error("%s: storing %s: %s", c->o->db_path, d->path ? d->path : "-", cr_db_errmsg(c->db));
		c->failed_db = true;
		return -1;
	}
	if (rc == 0) {
		c->st->duplicates++;
	} else {
		cr_segmentation seg;
		if (cr_segment(&seg, d->text, d->len) == 0) {
			cr_span *sp = cr_xmalloc((seg.nsentences + 1) * sizeof *sp);
			uint32_t *pa = cr_xmalloc((seg.nsentences + 1) * sizeof *pa);
			for (size_t i = 0; i < seg.nsentences; i++) {
				sp[i] = (cr_span){seg.sentences[i].start, seg.sentences[i].end};
				pa[i] = seg.sentences[i].paragraph;
			}
			rc = cr_db_put_segments(c->db, id, d->text, seg.paragraphs, seg.nparagraphs, sp, pa,
			                        seg.nsentences);
			free(sp);
			free(pa);
			cr_segmentation_free(&seg);
			if (rc < 0) {
				cli_error("%s: storing sentences: %s", c->o->db_path, cr_db_errmsg(c->db));
				c->failed_db = true;
				return -1;
			}
		}
		c->st->stored++;
	}
	if (c->in_batch >= BATCH_DOCS)
		return flush_batch(c);
	return 0;
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcasecmp(s + a - b, suf) == 0;
}

/* The format a file's first bytes show. */
static const char *sniff(const char *name, const unsigned char *p, size_t n)
{
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		return "warc";
	if (n >= 5 && memcmp(p, "WARC/", 5) == 0)
		return "warc";
	/* NUL bytes: binary, whatever it starts with; the text reader says so */
	if (memchr(p, 0, n))
		return "text";
	size_t i = 0;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && cr_is_space(p[i]))
		i++;
	if (i < n && p[i] == '{')
		return "jsonl";
	if (i < n && p[i] == '<') {
		size_t lim = n - i < 2048 ? n - i : 2048;
		for (size_t k = i; k + 5 <= i + lim; k++)
			if (cr_ieq((const char *)p + k, "<html", 5) || cr_ieq((const char *)p + k, "<body", 5) ||
			    cr_ieq((const char *)p + k, "<!doc", 5) || cr_ieq((const char *)p + k, "<head", 5) ||
			    cr_ieq((const char *)p + k, "<p>", 3) || cr_ieq((const char *)p + k, "<div", 4))
				return "html";
	}
	if (has_suffix(name, ".jsonl") || has_suffix(name, ".ndjson"))
		return "jsonl";
	if (has_suffix(name, ".html") || has_suffix(name, ".htm"))
		return "html";
	return "text";
}

static int ingest_html(ingest_ctx *c, const char *name, const char *url, const char *data, size_t len,
                       const char *date_hint)
{
	cr_html_doc h;
	char err[256];
	if (cr_html_extract(&h, data, len, err, sizeof err) < 0) {
		cr_diag_emit(&c->dg, CR_DIAG_ERROR, name, NULL, "%s", err);
		return -1;
	}
	cr_document d;
	int rc = cr_ingest_parts(&d, h.text, h.len, url ? url : name, url ? url : h.url, h.title, h.outlet,
	                         h.published ? h.published : date_hint, &c->dg);
	if (rc == 0 && h.byline)
		d.byline = cr_xstrdup(h.byline);
	cr_html_doc_free(&h);
	if (rc < 0)
		return -1;
	if (!d.url && url)
		d.url = cr_xstrdup(url);
	rc = store_doc(c, &d);
	cr_document_free(&d);
	return rc;
}

static int ingest_warc(ingest_ctx *c, const char *name, FILE *f)
{
	cr_warc_reader *r = cr_warc_open(f);
	cr_warc_record rec;
	int rc, bad = 0;
	size_t skipped = 0;
	char last_err[512] = "";
	for (;;) {
		rc = cr_warc_next(r, &rec);
		if (rc == 0)
			break;
		if (rc < 0) {
			/* a malformed record is skipped (the reader resynchronises); a fatal
			 * error repeats itself, and ends the file */
			const char *e = cr_warc_error(r);
			if (strcmp(e, last_err) == 0)
				break;
			snprintf(last_err, sizeof last_err, "%s", e);
			cr_diag_emit(&c->dg, CR_DIAG_ERROR, name, NULL, "%s", e);
			bad++;
			continue;
		}
		bool record_ok = rec.type && (strcmp(rec.type, "response") == 0 || strcmp(rec.type, "resource") == 0);
		bool html = rec.payload_len > 0 &&
		            ((rec.http_content_type && strstr(rec.http_content_type, "html")) ||
		             (rec.content_type && strstr(rec.content_type, "html")) ||
		             strcmp(sniff("", (const unsigned char *)rec.payload, rec.payload_len), "html") == 0);
		bool status_ok = !rec.http_status || (rec.http_status >= 200 && rec.http_status < 300);
		if (!record_ok || !html || !status_ok) {
			skipped++;
			continue;
		}
		char where[600];
		snprintf(where, sizeof where, "%s@%llu", name, (unsigned long long)rec.offset);
		if (ingest_html(c, where, rec.target_uri, rec.payload, rec.payload_len, NULL) < 0)
			bad++;
		if (c->failed_db)
			break;
	}
	c->st->skipped += skipped;
	if (!c->o->quiet && skipped)
		fprintf(stderr, "corrob: %s: %zu WARC records skipped (not HTML responses)\n", name, skipped);
	cr_warc_close(r);
	return bad ? -1 : 0;
}

static int ingest_stream(ingest_ctx *c, const char *name, FILE *f, const char *format)
{
	/* peek at the start to choose the reader, then hand the stream on */
	if (strcmp(format, "jsonl") == 0) {
		int bad = cr_ingest_jsonl(f, name, &c->dg, store_doc, c);
		return bad == 0 ? 0 : -1;
	}
	if (strcmp(format, "warc") == 0)
		return ingest_warc(c, name, f);
	cr_buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > CR_MAX_DOC_BYTES + 1) {
			cr_diag_emit(&c->dg, CR_DIAG_ERROR, name, NULL,
			             "over the %zu MB document limit; split it, or use JSONL for many articles",
			             CR_MAX_DOC_BYTES >> 20);
			cr_buf_free(&b);
			return -1;
		}
		cr_buf_append(&b, chunk, n);
	}
	if (ferror(f)) {
		cr_diag_emit(&c->dg, CR_DIAG_ERROR, name, NULL, "read error: %s", strerror(errno));
		cr_buf_free(&b);
		return -1;
	}
	int rc;
	if (strcmp(format, "html") == 0) {
		rc = ingest_html(c, name, NULL, b.data ? b.data : "", b.len, NULL);
	} else {
		cr_document d;
		rc = cr_ingest_text(&d, b.data ? b.data : "", b.len, name, &c->dg);
		if (rc == 0) {
			rc = store_doc(c, &d);
			cr_document_free(&d);
		}
	}
	cr_buf_free(&b);
	return rc;
}

static int ingest_file(ingest_ctx *c, const char *path, const struct stat *sb)
{
	if (sb && c->db && cr_db_source_seen(c->db, path, sb->st_size, sb->st_mtime)) {
		c->st->skipped++;
		return 0;
	}
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		cr_diag_emit(&c->dg, CR_DIAG_ERROR, path, NULL, "cannot open: %s", strerror(errno));
		return -1;
	}
	const char *format = c->format;
	if (!format || strcmp(format, "auto") == 0) {
		unsigned char head[2048];
		size_t n = fread(head, 1, sizeof head, f);
		format = sniff(path, head, n);
		/* put the peeked bytes back: reopen files; for stdin, read through a memory stream */
		if (f == stdin) {
			cr_buf all = {0};
			cr_buf_append(&all, head, n);
			char chunk[65536];
			size_t k;
			while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
				cr_buf_append(&all, chunk, k);
			FILE *m = fmemopen(all.data ? all.data : (char *)"", all.len, "rb");
			int rc = m ? ingest_stream(c, "-", m, format) : -1;
			if (m)
				fclose(m);
			cr_buf_free(&all);
			return rc;
		}
		rewind(f);
	}
	int rc = ingest_stream(c, path, f, format);
	if (f != stdin)
		fclose(f);
	if (rc == 0 && sb && c->db && !c->failed_db) {
		if (c->in_batch == 0 && cr_db_begin(c->db) == 0)
			c->in_batch = 1;
		cr_db_note_source(c->db, path, sb->st_size, sb->st_mtime, 0);
	}
	return rc;
}

static bool article_file(const char *name)
{
	static const char *exts[] = {".txt", ".text", ".md", ".jsonl", ".ndjson", ".json", ".html",
	                             ".htm", ".warc", ".warc.gz", ".gz"};
	for (size_t i = 0; i < CR_ARRAY_LEN(exts); i++)
		if (has_suffix(name, exts[i]))
			return true;
	return !strchr(name, '.');
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ingest_path(ingest_ctx *c, const char *path, int depth)
{
	if (strcmp(path, "-") == 0)
		return ingest_file(c, path, NULL);
	struct stat sb;
	if (stat(path, &sb) < 0) {
		cr_diag_emit(&c->dg, CR_DIAG_ERROR, path, NULL, "%s", strerror(errno));
		c->st->failed++;
		return -1;
	}
	struct stat lsb;
	if (depth > 0 && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode) && S_ISDIR(sb.st_mode)) {
		/* a link to a folder inside a folder walk may loop back; name it and go on */
		if (!c->o->quiet)
			fprintf(stderr, "corrob: %s: a link to a folder; skipped (name it on the command line to read it)\n", path);
		c->st->skipped++;
		return 0;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (ingest_file(c, path, &sb) < 0) {
			c->st->failed++;
			return -1;
		}
		return 0;
	}
	if (depth > 64) {
		cr_diag_emit(&c->dg, CR_DIAG_ERROR, path, NULL, "folders nested too deep; skipped");
		c->st->failed++;
		return -1;
	}
	DIR *dir = opendir(path);
	if (!dir) {
		cr_diag_emit(&c->dg, CR_DIAG_ERROR, path, NULL, "cannot open folder: %s", strerror(errno));
		c->st->failed++;
		return -1;
	}
	CR_VEC(char *) names = {0};
	struct dirent *e;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		cr_buf p = {0};
		cr_buf_printf(&p, "%s%s%s", path, has_suffix(path, "/") ? "" : "/", e->d_name);
		cr_vec_push(&names, cr_buf_detach(&p));
	}
	closedir(dir);
	if (names.len > 1)
		qsort(names.items, names.len, sizeof *names.items, cmp_str);
	int rc = 0;
	for (size_t i = 0; i < names.len; i++) {
		struct stat s2;
		const char *p = names.items[i];
		if (stat(p, &s2) == 0 && !S_ISDIR(s2.st_mode)) {
			const char *base = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
			if (!article_file(base))
				continue;
		}
		if (!c->failed_db && ingest_path(c, p, depth + 1) < 0)
			rc = -1;
	}
	for (size_t i = 0; i < names.len; i++)
		free(names.items[i]);
	cr_vec_free(&names);
	return rc;
}

int cli_read_paths(char **paths, int npaths, const char *format, const cli_opts *o, ingest_stats *st,
                   cr_doc_cb sink, void *ud)
{
	ingest_ctx c = {.o = o, .st = st, .dg = {cli_diag_emit, NULL}, .format = format, .sink = sink, .sink_ud = ud};
	for (int i = 0; i < npaths; i++)
		ingest_path(&c, paths[i], 0);
	return (int)st->failed;
}

int cli_ingest_paths(cr_db *db, char **paths, int npaths, const char *format, const cli_opts *o,
                     ingest_stats *st)
{
	ingest_ctx c = {.db = db, .o = o, .st = st, .dg = {cli_diag_emit, NULL}, .format = format};
	for (int i = 0; i < npaths && !c.failed_db; i++)
		ingest_path(&c, paths[i], 0);
	flush_batch(&c);
	if (c.failed_db)
		st->failed++;
	return (int)st->failed;
}

static const char ingest_usage[] =
	"usage: corrob ingest [--format auto|text|jsonl|html|warc] PATH...\n"
	"\n"
	"Stores articles: files, folders (recursively) and - for stdin. The format is\n"
	"read from the content unless --format forces it. Text files may start with\n"
	"header lines (\"date 2022-03-25\", \"title: ...\", \"url: ...\", \"outlet: ...\").\n"
	"JSONL has one article per line: {\"url\", \"title\", \"outlet\", \"published\", \"text\"}.\n"
	"An article already stored (same clean text) is stored once.\n";

int cmd_ingest(const cli_opts *o, int argc, char **argv)
{
	const char *format = "auto";
	const cli_opt opts[] = {{"--format", &format}};
	char **paths = cr_xcalloc((size_t)argc + 1, sizeof *paths);
	int npaths = 0;
	int rc = cli_parse_args("ingest", ingest_usage, argc, argv, opts, CR_ARRAY_LEN(opts), paths, &npaths, -1);
	if (rc != 0) {
		free(paths);
		return CLI_ARGS_EXIT(rc);
	}
	static const char *formats[] = {"auto", "text", "jsonl", "html", "warc"};
	bool ok = false;
	for (size_t k = 0; k < CR_ARRAY_LEN(formats); k++)
		ok |= strcmp(format, formats[k]) == 0;
	if (!ok || npaths == 0) {
		if (!ok)
			cli_error("ingest: unknown format '%s'", format);
		fputs(ingest_usage, stderr);
		free(paths);
		return EXIT_USAGE;
	}
	cr_db *db = cli_open_db(o, false);
	if (!db) {
		free(paths);
		return EXIT_PARTIAL;
	}
	ingest_stats st = {0};
	cli_ingest_paths(db, paths, npaths, format, o, &st);
	free(paths);
	cr_db_close(db);
	if (!o->quiet)
		fprintf(stderr, "corrob: %zu stored, %zu already stored, %zu skipped, %zu failed\n", st.stored,
		        st.duplicates, st.skipped, st.failed);
	return st.failed ? EXIT_PARTIAL : EXIT_OK;
}
