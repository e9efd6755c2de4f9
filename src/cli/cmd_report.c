/*
 * cmd_report.c: `corrob run`, `corrob report`, `corrob claims` and
 * `corrob entities` — the commands that show the ledger.
 */
#include "cli/analyze.h"
#include "report/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes b to path ("-" = stdout) through a temporary file, so a failed
 * write never leaves half a report. A path that exists and is no regular
 * file (/dev/null, a FIFO, a terminal) is written in place: renaming over
 * it would replace the device with a file. */
static int write_out(const char *path, const cr_buf *b)
{
	if (strcmp(path, "-") == 0) {
		fwrite(b->data ? b->data : "", 1, b->len, stdout);
		return fflush(stdout) == 0 ? 0 : -1;
	}
	struct stat sb;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		FILE *f = fopen(path, "wb");
		size_t n = f ? fwrite(b->data ? b->data : "", 1, b->len, f) : 0;
		if (!f || fclose(f) != 0 || n != b->len) {
			cli_error("cannot write %s: %s", path, strerror(errno));
			return -1;
		}
		return 0;
	}
	cr_buf tmp = {0};
	cr_buf_printf(&tmp, "%s.tmp", path);
	FILE *f = fopen(tmp.data, "wb");
	int rc = -1;
	if (f) {
		size_t n = fwrite(b->data ? b->data : "", 1, b->len, f);
		rc = (fclose(f) == 0 && n == b->len) ? 0 : -1;
		if (rc == 0 && rename(tmp.data, path) < 0)
			rc = -1;
		if (rc < 0)
			remove(tmp.data);
	}
	if (rc < 0)
		cli_error("cannot write %s: %s", path, strerror(errno));
	cr_buf_free(&tmp);
	return rc;
}

static int render(const cr_ledger *l, const char *format, const char *path)
{
	cr_buf b = {0};
	if (strcmp(format, "json") == 0)
		cr_report_json(&b, l);
	else if (strcmp(format, "csv") == 0)
		cr_report_csv(&b, l);
	else
		cr_report_markdown(&b, l);
	int rc = write_out(path, &b);
	cr_buf_free(&b);
	return rc;
}

static bool known_format(const char *f)
{
	return strcmp(f, "md") == 0 || strcmp(f, "markdown") == 0 || strcmp(f, "json") == 0 || strcmp(f, "csv") == 0;
}

static const char run_usage[] =
	"usage: corrob run [--format auto|text|jsonl|html|warc] [--out FILE] [--json FILE] [--csv FILE] PATH...\n"
	"\n"
	"Ingests PATHs (see corrob ingest --help), runs every stage over the whole\n"
	"store, writes the Markdown report to FILE (--out, default report.md) and,\n"
	"when asked, the JSON report (--json) and the claims as CSV (--csv), then\n"
	"prints a summary. Exit status 1 when some inputs failed (the rest are in).\n";

int cmd_run(const cli_opts *o, int argc, char **argv)
{
	const char *format = "auto", *md = "report.md", *json = NULL, *csv = NULL;
	const cli_opt opts[] = {{"--format", &format}, {"--out", &md}, {"--json", &json}, {"--csv", &csv}};
	char **paths = cr_xcalloc((size_t)argc + 1, sizeof *paths);
	int npaths = 0;
	int prc = cli_parse_args("run", run_usage, argc, argv, opts, CR_ARRAY_LEN(opts), paths, &npaths, -1);
	if (prc != 0 || npaths == 0) {
		if (prc == 0)
			fputs(run_usage, stderr);
		free(paths);
		return prc > 0 ? EXIT_OK : EXIT_USAGE;
	}
	cr_db *db = cli_open_db(o, false);
	if (!db) {
		free(paths);
		return EXIT_PARTIAL;
	}
	ingest_stats st = {0};
	cli_ingest_paths(db, paths, npaths, format, o, &st);
	free(paths);
	if (!o->quiet)
		fprintf(stderr, "corrob: %zu stored, %zu already stored, %zu skipped, %zu failed\n", st.stored,
		        st.duplicates, st.skipped, st.failed);
	cli_corpus c;
	int rc = cli_build_ledger(db, &c, true);
	cr_db_close(db);
	if (rc == 0) {
		rc |= render(&c.ledger, "md", md);
		if (json)
			rc |= render(&c.ledger, "json", json);
		if (csv)
			rc |= render(&c.ledger, "csv", csv);
		cr_buf b = {0};
		cr_report_summary(&b, &c.ledger);
		if (!o->quiet) {
			fputs(b.data, stdout);
			printf("report: %s%s%s%s%s\n", md, json ? ", " : "", json ? json : "", csv ? ", " : "", csv ? csv : "");
		}
		cr_buf_free(&b);
	}
	cli_corpus_free(&c);
	return rc || st.failed ? EXIT_PARTIAL : EXIT_OK;
}

static const char report_usage[] =
	"usage: corrob report [--format md|json|csv] [--out FILE]\n"
	"\n"
	"Runs the analysis over the stored documents and writes the report to FILE\n"
	"(default: standard output). JSON follows docs/report-schema.json.\n";

int cmd_report(const cli_opts *o, int argc, char **argv)
{
	const char *format = "md", *out = "-";
	const cli_opt opts[] = {{"--format", &format}, {"--out", &out}};
	int nop;
	int prc = cli_parse_args("report", report_usage, argc, argv, opts, CR_ARRAY_LEN(opts), NULL, &nop, 0);
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	if (!known_format(format)) {
		cli_error("report: unknown format '%s' (md, json or csv)", format);
		return EXIT_USAGE;
	}
	if (access(o->db_path, F_OK) != 0) {
		cli_error("%s: no such database; run 'corrob ingest' or 'corrob run' first", o->db_path);
		return EXIT_PARTIAL;
	}
	cr_db *db = cli_open_db(o, false);
	if (!db)
		return EXIT_PARTIAL;
	cli_corpus c;
	int rc = cli_build_ledger(db, &c, true);
	cr_db_close(db);
	if (rc == 0)
		rc = render(&c.ledger, format, out);
	cli_corpus_free(&c);
	return rc ? EXIT_PARTIAL : EXIT_OK;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static int print_claim(void *ud, const cr_db_claim *c)
{
	printf("%s d%lld  %s | %s | %s | %s%s%s\n    \"%s\"\n", or_empty(c->id), (long long)c->doc_id,
	       or_empty(c->subject_name), or_empty(c->predicate), or_empty(c->value_text), or_empty(c->modality),
	       c->attribution ? " | " : "", or_empty(c->attribution), or_empty(c->quote));
	++*(size_t *)ud;
	return 0;
}

static const char claims_usage[] =
	"usage: corrob claims [--doc D] [--predicate P] [--entity NAME]\n"
	"\n"
	"Lists the claims of the last run: id, document, subject, predicate, value,\n"
	"modality, source and the quote. NAME matches an entity's name or alias.\n";

int cmd_claims(const cli_opts *o, int argc, char **argv)
{
	const char *doc = NULL, *pred = NULL, *ent = NULL;
	const cli_opt opts[] = {{"--doc", &doc}, {"--predicate", &pred}, {"--entity", &ent}};
	int nop;
	int prc = cli_parse_args("claims", claims_usage, argc, argv, opts, CR_ARRAY_LEN(opts), NULL, &nop, 0);
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	cr_db *db = cli_open_db(o, true);
	if (!db)
		return EXIT_PARTIAL;
	cr_db_claim_filter f = {doc, pred, ent};
	size_t n = 0;
	int rc = cr_db_each_claim(db, &f, print_claim, &n);
	if (rc < 0)
		cli_error("claims: %s", cr_db_errmsg(db));
	cr_db_close(db);
	if (rc < 0)
		return EXIT_PARTIAL;
	if (n == 0 && !o->quiet)
		fprintf(stderr, "corrob: no claims match (has 'corrob run' or 'corrob report' been run?)\n");
	return EXIT_OK;
}

static int print_entity(void *ud, const cr_db_entity *e)
{
	(void)ud;
	printf("%s\t%s\t%s\tmentions %lld\taliases %s\tdocuments %s\n", or_empty(e->id), or_empty(e->type),
	       or_empty(e->name), (long long)e->mentions, or_empty(e->aliases_json), or_empty(e->documents_json));
	return 0;
}

int cmd_entities(const cli_opts *o, int argc, char **argv)
{
	static const char usage[] = "usage: corrob entities [--doc D]\n\nLists entities of the last run with their type, "
	                            "name,\nmention count, aliases and documents.\n";
	const char *doc = NULL;
	const cli_opt opts[] = {{"--doc", &doc}};
	int nop;
	int prc = cli_parse_args("entities", usage, argc, argv, opts, CR_ARRAY_LEN(opts), NULL, &nop, 0);
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	cr_db *db = cli_open_db(o, true);
	if (!db)
		return EXIT_PARTIAL;
	int rc = cr_db_each_entity(db, doc, print_entity, NULL);
	if (rc < 0)
		cli_error("entities: %s", cr_db_errmsg(db));
	cr_db_close(db);
	return rc < 0 ? EXIT_PARTIAL : EXIT_OK;
}
