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
 */
#include "cli/cli.h"
#include "extract/analysis.h"
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

typedef struct sink_ctx {
	const cr_extractor *x;
	size_t written, failed;
} sink_ctx;

/* One article's line; -1 when the output failed (which ends the run). */
static int emit(void *ud, cr_document *d)
{
	sink_ctx *c = ud;
	cr_analysis a;
	if (!cr_language_is_english(d->lang)) {
		/* not English (ingest warned): its line, with no names or claims */
		memset(&a, 0, sizeof a);
		a.published = d->published;
		a.published_inferred = d->published_inferred;
	} else if (cr_analyze(&a, c->x, d->text, d->len, d->published) < 0) {
		cli_error("%s: error: the analysis failed; no line written for it", d->path ? d->path : "-");
		c->failed++;
		return 0;
	}
	cr_buf b = {0};
	cr_report_analysis_json(&b, d, &a);
	cr_buf_putc(&b, '\n');
	bool ok = fwrite(b.data, 1, b.len, stdout) == b.len && !cli_stdout_check();
	cr_buf_free(&b);
	cr_analysis_free(&a);
	if (!ok)
		return -1;
	c->written++;
	return 0;
}

static const char extract_usage[] =
	"usage: corrob extract [--format auto|text|jsonl|html|warc|feed] [PATH...]\n"
	"\n"
	"Runs the per-document stages with no store and writes one JSON line per\n"
	"article to standard output: its metadata, local entities, events and claims\n"
	"with evidence offsets into its clean text and the quoted words. Reads\n"
	"standard input when no PATH is given. A map step for parallel runs:\n"
	"    corrob extract < articles.jsonl > claims.jsonl\n";

int cmd_extract(const cli_opts *o, int argc, char **argv)
{
	const char *format = "auto";
	const cli_opt opts[] = {{"--format", &format}};
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
	if (n == 0)
		paths[n++] = (char *)"-";
	cr_extractor *x;
	char err[256];
	if (cr_extractor_new(&x, err, sizeof err) < 0) {
		cli_error("%s", err);
		free(paths);
		return EXIT_PARTIAL;
	}
	sink_ctx c = {x, 0, 0};
	ingest_stats st = {0};
	cli_read_paths(paths, n, format, o, &st, emit, &c);
	cr_extractor_free(x);
	free(paths);
	fflush(stdout);
	if (cli_stdout_check())
		return EXIT_PARTIAL;   /* main says why */
	if (!o->quiet)
		fprintf(stderr, "corrob: %zu documents extracted, %zu inputs failed\n", c.written, st.failed + c.failed);
	return st.failed || c.failed ? EXIT_PARTIAL : EXIT_OK;
}
