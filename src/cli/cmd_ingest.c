/*
 * cmd_ingest.c: `corrob ingest PATH...` — files, folders (recursively, in
 * name order so runs are deterministic) and "-" for stdin, each read in the
 * format its content shows (or --format). Documents are stored in batches,
 * one transaction each, and count as stored once it commits; a killed
 * ingest loses at most the batch under way. A file is remembered by its
 * content hash once all of it has committed, and the next run skips a file
 * with the same content (whatever its name or date); a file that failed in
 * part is read again. Folders give only their regular files.
 */
#include "cli/cli.h"
#include "text/segment.h"
#include "ingest/read.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BATCH_DOCS 200

typedef struct ingest_ctx {
	cr_db *db;
	const cli_opts *o;
	ingest_stats *st;
	cr_diag dg;
	bool in_batch;          /* a transaction is open */
	size_t batch_docs;      /* documents put in it */
	size_t batch_stored, batch_dups;  /* counted into st when it commits */
	bool failed_db;
	const char *format;
	cr_doc_cb sink;         /* with no store: each document goes here instead */
	void *sink_ud;
} ingest_ctx;

static int begin_batch(ingest_ctx *c)
{
	if (c->in_batch)
		return 0;
	if (cr_db_begin(c->db) < 0) {
		cli_error("%s: %s", c->o->db_path, cr_db_errmsg(c->db));
		c->failed_db = true;
		return -1;
	}
	c->in_batch = true;
	return 0;
}

/* Commits the open batch; only then do its documents count as stored. */
static int flush_batch(ingest_ctx *c)
{
	if (!c->in_batch)
		return 0;
	c->in_batch = false;
	size_t n = c->batch_docs;
	c->batch_docs = 0;
	if (cr_db_commit(c->db) < 0) {
		cli_error("%s: commit failed: %s; the last %zu documents read were not stored", c->o->db_path,
		          cr_db_errmsg(c->db), n);
		cr_db_rollback(c->db);
		c->failed_db = true;
		c->batch_stored = c->batch_dups = 0;
		return -1;
	}
	c->st->stored += c->batch_stored;
	c->st->duplicates += c->batch_dups;
	c->batch_stored = c->batch_dups = 0;
	return 0;
}

/* The one warning for a document not in English: it is kept (stored and
 * searchable, or its line written), but the stages written for English
 * skip it. */
static void warn_language(ingest_ctx *c, const cr_document *d)
{
	if (cr_language_is_english(d->lang))
		return;
	char name[64];
	cr_language_name(d->lang, name, sizeof name);
	cr_diag_emit(&c->dg, CR_DIAG_WARNING, d->path ? d->path : "-", NULL,
	             "in %s (%s), not English: %s; its names and claims are not extracted (the name tagger and claim"
	             " extraction read English only)", name, d->lang, c->sink ? "passed on" : "stored and searchable");
}

/* Stores one document and its segments; opens a batch when none is open. */
static int store_doc(void *ud, cr_document *d)
{
	ingest_ctx *c = ud;
	if (c->sink) {
		warn_language(c, d);
		int rc = c->sink(c->sink_ud, d);
		if (rc >= 0)
			c->st->stored++;
		else
			c->failed_db = true;   /* the sink's output failed: stop */
		return rc;
	}
	if (c->failed_db || begin_batch(c) < 0)
		return -1;
	c->batch_docs++;
	int64_t id;
	int rc = cr_db_put_document(c->db, d, &id);
	if (rc < 0) {
		cli_error("%s: storing %s: %s", c->o->db_path, d->path ? d->path : "-", cr_db_errmsg(c->db));
		c->failed_db = true;
		return -1;
	}
	if (rc == 0) {
		c->batch_dups++;
	} else {
		warn_language(c, d);
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
		c->batch_stored++;
	}
	if (c->batch_docs >= BATCH_DOCS)
		return flush_batch(c);
	return 0;
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcasecmp(s + a - b, suf) == 0;
}

static const char *file_kind(mode_t m)
{
	return S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a device" : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket"
	                                                                                                 : "not a file";
}

/* The content hash of a regular file, read from its start; the file is
 * left at its start. 0, or -1 with errno set. */
static int hash_file(int fd, char hex[17], uint64_t *size)
{
	cr_input in;
	cr_input_fd(&in, fd);
	int rc = cr_input_drain(&in);
	if (rc == 0) {
		cr_hex64(in.hash, hex);
		*size = in.taken;
	} else {
		errno = in.err;
	}
	cr_input_free(&in);
	if (lseek(fd, 0, SEEK_SET) < 0)
		rc = -1;
	return rc;
}

/*
 * Reads one input into documents. A path named on the command line may be
 * anything that can be read (a FIFO, /dev/stdin); from inside a folder only
 * regular files are read, opened without blocking so that a FIFO swapped in
 * cannot hang the walk. A regular file is remembered by its content hash
 * once every record of it has committed (in the batch of its last
 * document), and a file with content already read is skipped.
 */
static int ingest_file(ingest_ctx *c, const char *path, bool named)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | (named ? 0 : O_NONBLOCK));
	if (fd < 0) {
		cr_diag_emit(&c->dg, CR_DIAG_ERROR, path, NULL, "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat sb;
	bool regular = !is_stdin && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
	if (!is_stdin && !named && !regular) {
		cr_diag_emit(&c->dg, CR_DIAG_NOTE, path, NULL, "not a regular file (%s); skipped",
		             fstat(fd, &sb) == 0 ? file_kind(sb.st_mode) : "unknown");
		c->st->skipped++;
		close(fd);
		return 0;
	}
	if (!named)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	bool remember = regular && c->db;
	if (remember && cr_db_file_size_known(c->db, (int64_t)sb.st_size)) {
		/* a file of this size was read before: the same content is skipped */
		char hex[17];
		uint64_t size = 0;
		if (hash_file(fd, hex, &size) < 0) {
			cr_diag_emit(&c->dg, CR_DIAG_ERROR, path, NULL, "read error: %s", strerror(errno));
			close(fd);
			return -1;
		}
		if (cr_db_file_seen(c->db, hex, (int64_t)size) > 0) {
			c->st->skipped++;
			close(fd);
			return 0;
		}
	}
	cr_input in;
	cr_input_fd(&in, fd);
	int rc = cr_read_input(&in, path, c->format, &c->dg, store_doc, c, &c->st->skipped);
	if (rc == 0 && remember && !c->failed_db) {
		char msg[256], hex[17];
		if (cr_input_drain(&in) < 0) {
			cr_input_error(&in, msg, sizeof msg);
			cr_diag_emit(&c->dg, CR_DIAG_ERROR, path, NULL, "%s", msg);
			rc = 1;
		} else {
			cr_hex64(in.hash, hex);
			if (begin_batch(c) < 0 || cr_db_note_file(c->db, hex, (int64_t)in.taken, path) < 0) {
				if (!c->failed_db)
					cli_error("%s: %s", c->o->db_path, cr_db_errmsg(c->db));
				c->failed_db = true;
				rc = -1;
			}
		}
	}
	cr_input_free(&in);
	if (!is_stdin)
		close(fd);
	return rc == 0 ? 0 : -1;
}

static bool article_file(const char *name)
{
	static const char *exts[] = {".txt", ".text", ".md", ".jsonl", ".ndjson", ".json", ".html",
	                             ".htm", ".warc", ".warc.gz", ".gz", ".rss", ".atom", ".xml"};
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
	if (strcmp(path, "-") == 0) {
		if (ingest_file(c, path, true) < 0) {
			c->st->failed++;
			return -1;
		}
		return 0;
	}
	struct stat sb;
	if (stat(path, &sb) < 0) {
		cr_diag_emit(&c->dg, CR_DIAG_ERROR, path, NULL, "%s", strerror(errno));
		c->st->failed++;
		return -1;
	}
	struct stat lsb;
	if (depth > 0 && lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode) && S_ISDIR(sb.st_mode)) {
		/* a link to a folder inside a folder walk may loop back; name it and go on */
		cr_diag_emit(&c->dg, CR_DIAG_NOTE, path, NULL,
		             "a link to a folder; skipped (name it on the command line to read it)");
		c->st->skipped++;
		return 0;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (ingest_file(c, path, depth == 0) < 0) {
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
	ingest_ctx c = {.o = o, .st = st, .dg = {cli_diag_emit, (void *)o}, .format = format, .sink = sink, .sink_ud = ud};
	for (int i = 0; i < npaths && !c.failed_db; i++)
		ingest_path(&c, paths[i], 0);
	return (int)st->failed;
}

int cli_ingest_paths(cr_db *db, char **paths, int npaths, const char *format, const cli_opts *o,
                     ingest_stats *st)
{
	ingest_ctx c = {.db = db, .o = o, .st = st, .dg = {cli_diag_emit, (void *)o}, .format = format};
	for (int i = 0; i < npaths && !c.failed_db; i++)
		ingest_path(&c, paths[i], 0);
	flush_batch(&c);
	if (c.failed_db && !st->failed)
		st->failed++;   /* the store failed after every input was read */
	return (int)st->failed;
}

bool cli_known_format(const char *format)
{
	for (size_t k = 0; cr_read_formats[k]; k++)
		if (strcmp(format, cr_read_formats[k]) == 0)
			return true;
	return false;
}

static const char ingest_usage[] =
	"usage: corrob ingest [--format auto|text|jsonl|html|warc|feed] PATH...\n"
	"\n"
	"Stores articles: files, folders (recursively) and - for stdin. The format is\n"
	"read from the content unless --format forces it; a gzip file is read as what\n"
	"it holds (JSONL, HTML, text or WARC). Text files may start with\n"
	"header lines (\"date 2022-03-25\", \"title: ...\", \"url: ...\", \"outlet: ...\").\n"
	"JSONL has one article per line: {\"url\", \"title\", \"outlet\", \"published\", \"text\"}.\n"
	"An RSS or Atom feed gives one article per item: its link, title, date, content.\n"
	"Text and HTML in another charset are converted to UTF-8: the charset is read\n"
	"from a byte-order mark, <meta charset>, a WARC record's HTTP Content-Type, or\n"
	"guessed (with a warning); a byte that does not convert becomes U+FFFD, named.\n"
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
	bool ok = cli_known_format(format);
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
