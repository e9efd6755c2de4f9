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

static const char *txt(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
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
	sqlite3_stmt *st;
	sqlite3_prepare_v2(cr_db_sqlite(db),
	                   "SELECT c.id, c.doc_id, c.subject_name, c.predicate, c.value_text, c.modality,"
	                   " c.attribution_text, c.quote FROM claims c"
	                   " WHERE (?1 IS NULL OR 'd' || c.doc_id = ?1 OR c.doc_id = ?1)"
	                   " AND (?2 IS NULL OR c.predicate = ?2)"
	                   " AND (?3 IS NULL OR c.subject IN (SELECT e.id FROM entities e WHERE e.name LIKE ?3"
	                   "      OR EXISTS (SELECT 1 FROM json_each(e.aliases) WHERE value LIKE ?3))"
	                   "      OR c.value_entity IN (SELECT e.id FROM entities e WHERE e.name LIKE ?3))"
	                   " ORDER BY CAST(substr(c.id, 2) AS INTEGER)", -1, &st, NULL);
	if (doc)
		sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	if (pred)
		sqlite3_bind_text(st, 2, pred, -1, SQLITE_STATIC);
	if (!st) {
		cli_error("claims: %s", sqlite3_errmsg(cr_db_sqlite(db)));
		cr_db_close(db);
		return EXIT_PARTIAL;
	}
	if (ent)
		sqlite3_bind_text(st, 3, ent, -1, SQLITE_STATIC);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *at = (const char *)sqlite3_column_text(st, 6);
		printf("%s d%lld  %s | %s | %s | %s%s%s\n    \"%s\"\n", txt(st, 0), (long long)sqlite3_column_int64(st, 1),
		       txt(st, 2), txt(st, 3), txt(st, 4), txt(st, 5), at ? " | " : "", at ? at : "", txt(st, 7));
		n++;
	}
	sqlite3_finalize(st);
	cr_db_close(db);
	if (n == 0 && !o->quiet)
		fprintf(stderr, "corrob: no claims match (has 'corrob run' or 'corrob report' been run?)\n");
	return EXIT_OK;
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
	sqlite3_stmt *st;
	sqlite3_prepare_v2(cr_db_sqlite(db),
	                   "SELECT id, type, name, aliases, documents, mentions FROM entities"
	                   " WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM json_each(documents) WHERE value = ?1 OR value = 'd' || ?1)"
	                   " ORDER BY CAST(substr(id, 2) AS INTEGER)", -1, &st, NULL);
	if (!st) {
		cli_error("entities: %s", sqlite3_errmsg(cr_db_sqlite(db)));
		cr_db_close(db);
		return EXIT_PARTIAL;
	}
	if (doc)
		sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		printf("%s\t%s\t%s\tmentions %lld\taliases %s\tdocuments %s\n", txt(st, 0), txt(st, 1), txt(st, 2),
		       (long long)sqlite3_column_int64(st, 5), txt(st, 3), txt(st, 4));
	sqlite3_finalize(st);
	cr_db_close(db);
	return EXIT_OK;
}
