/*
 * cmd_report.c: `corrob run`, `corrob report`, `corrob claims` and
 * `corrob entities` — the commands that show the ledger. `run` analyses the
 * store and keeps the results in it (for claims and entities); `report`
 * analyses it again from one snapshot, read-only: it takes no lock a writer
 * needs and works on a store it cannot write.
 */
#include "cli/analyze.h"
#include "cli/workers.h"
#include "report/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes the report in format to path; entity (html only, may be NULL)
 * names whose dossier it is. */
static int render(const cr_ledger *l, const char *format, const char *path, const char *entity)
{
	cr_buf b = {0};
	if (strcmp(format, "json") == 0)
		cr_report_json(&b, l);
	else if (strcmp(format, "csv") == 0)
		cr_report_csv(&b, l);
	else if (strcmp(format, "html") == 0 && cr_report_html(&b, l, entity) < 0) {
		cli_error("report: no entity goes by '%s' (corrob entities lists them)", entity);
		cr_buf_free(&b);
		return -1;
	} else if (strcmp(format, "html") != 0)
		cr_report_markdown(&b, l);
	int rc = cli_write_out(path, b.data ? b.data : "", b.len);
	cr_buf_free(&b);
	return rc;
}

static bool known_format(const char *f)
{
	return strcmp(f, "md") == 0 || strcmp(f, "markdown") == 0 || strcmp(f, "json") == 0 || strcmp(f, "csv") == 0 ||
	       strcmp(f, "html") == 0;
}

static const char run_usage[] =
	"usage: corrob run [--format auto|text|jsonl|html|warc|feed] [--out FILE] [--json FILE] [--csv FILE]\n"
	"                  [--html FILE] [-j N] [PATH...]\n"
	"\n"
	"Ingests PATHs (see corrob ingest --help; none: what is stored), runs every\n"
	"stage over the whole store and keeps the results in it (corrob claims,\n"
	"corrob entities), writes the Markdown report to FILE (--out, default\n"
	"report.md) and, when asked, the JSON report (--json), the claims as CSV\n"
	"(--csv) and the HTML dossier (--html), then prints a summary. Exit status 1 when some inputs failed (the\n"
	"rest are in) or a report could not be written.\n"
	"\n"
	"  -j N, --jobs N   analyse N documents at a time, on N threads (default: the\n"
	"                   number of cores; -j 1: one at a time); the same results\n"
	"                   whatever N.\n";

int cmd_run(const cli_opts *o, int argc, char **argv)
{
	const char *format = "auto", *md = "report.md", *json = NULL, *csv = NULL, *html = NULL, *jobs = NULL;
	const cli_opt opts[] = {{"--format", &format}, {"--out", &md},   {"--json", &json}, {"--csv", &csv},
	                        {"--html", &html},     {"-j", &jobs},    {"--jobs", &jobs}};
	char **paths = cr_xcalloc((size_t)argc + 1, sizeof *paths);
	int npaths = 0;
	int prc = cli_parse_args("run", run_usage, argc, argv, opts, CR_ARRAY_LEN(opts), paths, &npaths, -1);
	if (prc == 0 && !cli_known_format(format)) {
		cli_error("run: unknown format '%s'", format);
		fputs(run_usage, stderr);
		prc = -1;
	}
	int nthreads = prc == 0 ? cli_jobs("run", jobs) : 0;
	if (nthreads < 0) {
		fputs(run_usage, stderr);
		prc = -1;
	}
	if (prc != 0) {
		free(paths);
		return CLI_ARGS_EXIT(prc);
	}
	if (npaths == 0 && access(o->db_path, F_OK) != 0) {
		/* nothing to read and nothing stored: no empty store made */
		cli_error("%s: no such database; name the articles to read (corrob run PATH...)", o->db_path);
		free(paths);
		return EXIT_PARTIAL;
	}
	cr_db *db = cli_open_db(o, false);
	if (!db) {
		free(paths);
		return EXIT_PARTIAL;
	}
	ingest_stats st = {0};
	cli_ingest_paths(db, paths, npaths, format, o, &st);
	free(paths);
	if (!o->quiet && npaths)
		fprintf(stderr, "corrob: %zu stored, %zu already stored, %zu skipped, %zu failed\n", st.stored,
		        st.duplicates, st.skipped, st.failed);
	cli_corpus c;
	int rc = cli_build_ledger(db, &c, true, nthreads);
	cr_db_close(db);
	if (rc == 0) {
		rc |= render(&c.ledger, "md", md, NULL);
		if (json)
			rc |= render(&c.ledger, "json", json, NULL);
		if (csv)
			rc |= render(&c.ledger, "csv", csv, NULL);
		if (html)
			rc |= render(&c.ledger, "html", html, NULL);
		cr_buf b = {0};
		cr_report_summary(&b, &c.ledger);
		if (!o->quiet) {
			fputs(b.data, stdout);
			fputs("report: ", stdout);
			const char *outs[] = {md, json, csv, html};
			for (size_t i = 0, k = 0; i < CR_ARRAY_LEN(outs); i++)
				if (outs[i]) {
					fputs(k++ ? ", " : "", stdout);
					cli_print(outs[i], false);
				}
			putchar('\n');
		}
		cr_buf_free(&b);
	}
	cli_corpus_free(&c);
	return rc || st.failed ? EXIT_PARTIAL : EXIT_OK;
}

static const char report_usage[] =
	"usage: corrob report [--format md|json|csv|html] [--entity NAME] [--out FILE] [-j N]\n"
	"\n"
	"Runs the analysis over the stored documents and writes the report to FILE\n"
	"(default: standard output). JSON follows docs/report-schema.json. HTML is a\n"
	"self-contained dossier (docs/report.md): the conflicts, then each main\n"
	"person's or organisation's facts, accusations, timeline and sources, or,\n"
	"with --entity, those of the entity going by NAME (any alias, case ignored;\n"
	"exit status 1 when none does). The store\n"
	"is only read (from one snapshot: an ingest writing meanwhile is not waited\n"
	"for, and what it has not committed is not in the report); the results are\n"
	"kept for corrob claims by corrob run. -j N (--jobs N) analyses N documents at\n"
	"a time, on N threads (default: the number of cores); the report is the same.\n";

int cmd_report(const cli_opts *o, int argc, char **argv)
{
	const char *format = "md", *out = "-", *entity = NULL, *jobs = NULL;
	const cli_opt opts[] = {{"--format", &format}, {"--out", &out}, {"--entity", &entity}, {"-j", &jobs}, {"--jobs", &jobs}};
	int nop;
	int prc = cli_parse_args("report", report_usage, argc, argv, opts, CR_ARRAY_LEN(opts), NULL, &nop, 0);
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	int nthreads = cli_jobs("report", jobs);
	if (nthreads < 0) {
		fputs(report_usage, stderr);
		return EXIT_USAGE;
	}
	if (!known_format(format)) {
		cli_error("report: unknown format '%s' (md, json, csv or html)", format);
		return EXIT_USAGE;
	}
	if (entity && strcmp(format, "html") != 0) {
		cli_error("report: --entity is for --format html");
		return EXIT_USAGE;
	}
	cr_db *db = cli_open_db(o, true);
	if (!db)
		return EXIT_PARTIAL;
	cli_corpus c;
	int rc = cli_build_ledger(db, &c, false, nthreads);
	cr_db_close(db);
	if (rc == 0)
		rc = render(&c.ledger, format, out, entity);
	cli_corpus_free(&c);
	return rc ? EXIT_PARTIAL : EXIT_OK;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static int print_claim(void *ud, const cr_db_claim *c)
{
	printf("%s d%lld  ", or_empty(c->id), (long long)c->doc_id);
	const char *fields[] = {c->subject_name, c->predicate, c->value_text, c->modality, c->attribution};
	for (size_t i = 0; i < CR_ARRAY_LEN(fields); i++) {
		if (i == 4 && !c->attribution)
			break;
		fputs(i ? " | " : "", stdout);
		cli_print(or_empty(fields[i]), false);
	}
	fputs("\n    \"", stdout);
	cli_print(or_empty(c->quote), false);
	fputs("\"\n", stdout);
	++*(size_t *)ud;
	return cli_stdout_check();   /* the output failed: stop (main says why) */
}

/* A note when the stored results are of fewer documents than are stored. */
static void note_age(const cli_opts *o, cr_db *db)
{
	int64_t of, now;
	if (o->quiet || cr_db_results_age(db, &of, &now) < 0 || of < 0 || of == now)
		return;
	cli_error("note: these results are of the %lld documents stored when 'corrob run' last ran; %lld are stored now"
	          " ('corrob run' with no paths brings them up to date)", (long long)of, (long long)now);
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
	note_age(o, db);
	int rc = cr_db_each_claim(db, &f, print_claim, &n);
	if (rc < 0)
		cli_error("claims: %s", cr_db_errmsg(db));
	cr_db_close(db);
	if (rc < 0)
		return EXIT_PARTIAL;
	if (n == 0 && !o->quiet)
		fprintf(stderr, "corrob: no claims match (has 'corrob run' been run?)\n");
	return EXIT_OK;
}

static int print_entity(void *ud, const cr_db_entity *e)
{
	(void)ud;
	printf("%s\t%s\t", or_empty(e->id), or_empty(e->type));
	cli_print(or_empty(e->name), false);
	printf("\tmentions %lld\taliases ", (long long)e->mentions);
	cli_print(or_empty(e->aliases_json), false);
	printf("\tdocuments %s\n", or_empty(e->documents_json));
	return cli_stdout_check();
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
	note_age(o, db);
	int rc = cr_db_each_entity(db, doc, print_entity, NULL);
	if (rc < 0)
		cli_error("entities: %s", cr_db_errmsg(db));
	cr_db_close(db);
	return rc < 0 ? EXIT_PARTIAL : EXIT_OK;
}
