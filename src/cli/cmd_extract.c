/*
 * cmd_extract.c: `corrob extract` — the per-document stages (ingest,
 * segment, recognize, extract) as a stream filter with no store:
 *
 *     corrob extract < articles.jsonl > claims.jsonl
 *
 * Each article becomes one JSON line: the document (path or URL, title,
 * outlet, the hash that identifies it, its publication interval), its local
 * entities, events and claims with evidence offsets and quotes. This is the
 * map step a cluster engine runs in parallel; resolution across documents
 * is the reduce step (`corrob run` / `corrob report`).
 *
 * With -j N the analyses run on N worker threads (workers.c) and the lines
 * are written by the main thread in input order, so the output is the same
 * bytes whatever N; at most 2N documents are held at once.
 */
#include "cli/cli.h"
#include "extract/analysis.h"
#include "report/report.h"
#include "cli/workers.h"

#include <stdlib.h>
#include <string.h>

typedef struct sink_ctx {
	const cr_extractor *x;
	cli_workers *w;
	size_t written, failed;
	bool out_failed;        /* a write failed: the rest is dropped */
} sink_ctx;

/* One article on its way: the document (moved out of the reader) and, once
 * a worker has had it, its line. */
typedef struct extract_job {
	cr_document doc;
	cr_buf line;
	bool failed;            /* the analysis failed: no line */
} extract_job;

/* A worker's part: the analysis and its JSON line. */
static void analyze_job(void *ud, void *item)
{
	const sink_ctx *c = ud;
	extract_job *j = item;
	cr_document *d = &j->doc;
	cr_analysis a;
	if (!cr_language_is_english(d->lang)) {
		/* not English (ingest warned): its line, with no names or claims */
		memset(&a, 0, sizeof a);
		a.published = d->published;
		a.published_inferred = d->published_inferred;
	} else if (cr_analyze(&a, c->x, d->text, d->len, d->published) < 0) {
		j->failed = true;
		return;
	}
	cr_report_analysis_json(&j->line, d, &a);
	cr_buf_putc(&j->line, '\n');
	cr_analysis_free(&a);
}

/* The line written, in input order; -1 when the output failed (which ends
 * the run). */
static int write_job(void *ud, void *item, bool ran)
{
	sink_ctx *c = ud;
	extract_job *j = item;
	int rc = 0;
	if (ran && !c->out_failed) {
		if (j->failed) {
			cli_error("%s: error: the analysis failed; no line written for it", j->doc.path ? j->doc.path : "-");
			c->failed++;
		} else if (fwrite(j->line.data, 1, j->line.len, stdout) != j->line.len || cli_stdout_check()) {
			c->out_failed = true;
			rc = -1;
		} else {
			c->written++;
		}
	}
	cr_document_free(&j->doc);
	cr_buf_free(&j->line);
	free(j);
	return rc;
}

/* The reader's side: the document moved into a job for the workers. */
static int emit(void *ud, cr_document *d)
{
	sink_ctx *c = ud;
	extract_job *j = cr_xcalloc(1, sizeof *j);
	j->doc = *d;
	memset(d, 0, sizeof *d);
	return cli_workers_submit(c->w, j);
}

static const char extract_usage[] =
	"usage: corrob extract [--format auto|text|jsonl|html|warc|feed] [-j N] [PATH...]\n"
	"\n"
	"Runs the per-document stages with no store and writes one JSON line per\n"
	"article to standard output: its metadata, local entities, events and claims\n"
	"with evidence offsets into its clean text and the quoted words. Reads\n"
	"standard input when no PATH is given. A map step for parallel runs:\n"
	"    corrob extract < articles.jsonl > claims.jsonl\n"
	"\n"
	"  -j N, --jobs N   analyse N documents at a time, on N threads (default: the\n"
	"                   number of cores; -j 1 reads one at a time). The output is\n"
	"                   the same whatever N: lines in input order.\n";

int cmd_extract(const cli_opts *o, int argc, char **argv)
{
	const char *format = "auto", *jobs = NULL;
	const cli_opt opts[] = {{"--format", &format}, {"-j", &jobs}, {"--jobs", &jobs}};
	char **paths = cr_xcalloc((size_t)argc + 2, sizeof *paths);
	int n = 0;
	int prc = cli_parse_args("extract", extract_usage, argc, argv, opts, CR_ARRAY_LEN(opts), paths, &n, -1);
	if (prc != 0) {
		free(paths);
		return CLI_ARGS_EXIT(prc);
	}
	if (!cli_known_format(format)) {
		cli_error("extract: unknown format '%s'", format);
		fputs(extract_usage, stderr);
		free(paths);
		return EXIT_USAGE;
	}
	int nthreads = cli_jobs("extract", jobs);
	if (nthreads < 0) {
		fputs(extract_usage, stderr);
		free(paths);
		return EXIT_USAGE;
	}
	if (n == 0)
		paths[n++] = (char *)"-";
	cr_extractor *x;
	char err[256];
	if (cr_extractor_new(&x, err, sizeof err) < 0) {
		cli_error("%s", err);
		free(paths);
		return EXIT_PARTIAL;
	}
	sink_ctx c = {.x = x};
	c.w = cli_workers_start(nthreads, analyze_job, write_job, &c);
	ingest_stats st = {0};
	cli_read_paths(paths, n, format, o, &st, emit, &c);
	cli_workers_finish(c.w);
	cr_extractor_free(x);
	free(paths);
	fflush(stdout);
	if (cli_stdout_check())
		return EXIT_PARTIAL;   /* main says why */
	if (!o->quiet)
		fprintf(stderr, "corrob: %zu documents extracted, %zu inputs failed\n", c.written, st.failed + c.failed);
	return st.failed || c.failed ? EXIT_PARTIAL : EXIT_OK;
}
