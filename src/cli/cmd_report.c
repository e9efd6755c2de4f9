/*
 * cmd_report.c: `corrob run`, `corrob report`, `corrob claims`,
 * `corrob entities`, `corrob events` and `corrob findings` — the commands
 * that show the ledger. `run` analyses the store and keeps the results in
 * it (for claims, entities, events and findings); `report`
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
 * names whose dossier it is; findings (csv only): the findings' table, not
 * the claims'. */
static int render(const cr_ledger *l, const char *format, const char *path, const char *entity, bool findings)
{
	cr_buf b = {0};
	if (strcmp(format, "json") == 0)
		cr_report_json(&b, l);
	else if (strcmp(format, "csv") == 0 && findings)
		cr_report_findings_csv(&b, l);
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
		rc |= render(&c.ledger, "md", md, NULL, false);
		if (json)
			rc |= render(&c.ledger, "json", json, NULL, false);
		if (csv)
			rc |= render(&c.ledger, "csv", csv, NULL, false);
		if (html)
			rc |= render(&c.ledger, "html", html, NULL, false);
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
	"usage: corrob report [--format md|json|csv|html] [--entity NAME] [--findings] [--out FILE] [-j N]\n"
	"\n"
	"Runs the analysis over the stored documents and writes the report to FILE\n"
	"(default: standard output). JSON follows docs/report-schema.json. CSV is\n"
	"one row a claim or, with --findings, one row a finding (id, kind, subject,\n"
	"predicate, claims, documents, outlets, originators, explanation); a cell\n"
	"of article text that a spreadsheet would run as a formula (= + - @) opens\n"
	"with an apostrophe. HTML is a\n"
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
	bool findings = cli_take_flag(&argc, argv, "--findings");
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
	if (findings && strcmp(format, "csv") != 0) {
		cli_error("report: --findings is for --format csv (the other formats hold the findings already)");
		return EXIT_USAGE;
	}
	cr_db *db = cli_open_db(o, true);
	if (!db)
		return EXIT_PARTIAL;
	cli_corpus c;
	int rc = cli_build_ledger(db, &c, false, nthreads);
	cr_db_close(db);
	if (rc == 0)
		rc = render(&c.ledger, format, out, entity, findings);
	cli_corpus_free(&c);
	return rc ? EXIT_PARTIAL : EXIT_OK;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* What a listing walks: one of the store's readers with its arguments. */
typedef struct listing {
	const cr_db_claim_filter *filter; /* claims */
	const char *arg;                  /* entities: the document; findings: the kind */
	size_t n;                         /* rows printed */
} listing;

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
	((listing *)ud)->n++;
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

/* A listing of the stored results for cmd: the store opened read-only, the
 * results' age noted, walk run over it. The exit status; a note when
 * nothing was listed, naming what (none_what) unless NULL. */
static int list_results(const cli_opts *o, const char *cmd, int (*walk)(cr_db *, listing *), listing *ls,
                        const char *none_what)
{
	cr_db *db = cli_open_db(o, true);
	if (!db)
		return EXIT_PARTIAL;
	note_age(o, db);
	int rc = walk(db, ls);
	if (rc < 0)
		cli_error("%s: %s", cmd, cr_db_errmsg(db));
	cr_db_close(db);
	if (rc < 0)
		return EXIT_PARTIAL;
	if (ls->n == 0 && none_what && !o->quiet)
		cli_error("no %s (has 'corrob run' been run?)", none_what);
	return EXIT_OK;
}

static const char claims_usage[] =
	"usage: corrob claims [--doc D] [--predicate P] [--entity NAME] [--predicates]\n"
	"\n"
	"Lists the claims of the last run: id, document, subject, predicate, value,\n"
	"modality, source and the quote. NAME names an entity by its name or any\n"
	"alias, or a part of one that starts a word of it (Mizintsev, \"mikhail miz\",\n"
	"butcher; case ignored): the claims about it or naming it. With\n"
	"--predicates, lists instead the predicates of the claims that pass the\n"
	"other options, each with how many, the most frequent first.\n";

static int print_count(void *ud, const cr_db_count *c)
{
	printf("%s\t%lld\n", or_empty(c->name), (long long)c->n);
	((listing *)ud)->n++;
	return cli_stdout_check();
}

static int walk_claims(cr_db *db, listing *ls)
{
	return cr_db_each_claim(db, ls->filter, print_claim, ls);
}

static int walk_predicates(cr_db *db, listing *ls)
{
	return cr_db_each_claim_predicate(db, ls->filter, print_count, ls);
}

int cmd_claims(const cli_opts *o, int argc, char **argv)
{
	const char *doc = NULL, *pred = NULL, *ent = NULL;
	const cli_opt opts[] = {{"--doc", &doc}, {"--predicate", &pred}, {"--entity", &ent}};
	int nop;
	bool predicates = cli_take_flag(&argc, argv, "--predicates");
	int prc = cli_parse_args("claims", claims_usage, argc, argv, opts, CR_ARRAY_LEN(opts), NULL, &nop, 0);
	const char *empty = doc && !*doc ? "--doc" : pred && !*pred ? "--predicate" : ent && !*ent ? "--entity" : NULL;
	if (prc == 0 && empty) {
		cli_error("claims: %s wants a value", empty);
		fputs(claims_usage, stderr);
		prc = -1;
	}
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	cr_db_claim_filter f = {doc, pred, ent};
	listing ls = {&f, NULL, 0};
	int rc = list_results(o, "claims", predicates ? walk_predicates : walk_claims, &ls, "claims match");
	if (rc == EXIT_OK && ls.n == 0 && pred && !o->quiet)
		cli_error("note: 'corrob claims --predicates' lists the predicates there are");
	return rc;
}

static int print_entity(void *ud, const cr_db_entity *e)
{
	((listing *)ud)->n++;
	printf("%s\t%s\t", or_empty(e->id), or_empty(e->type));
	cli_print(or_empty(e->name), false);
	printf("\tmentions %lld\taliases ", (long long)e->mentions);
	cli_print(or_empty(e->aliases_json), false);
	printf("\tdocuments %s\n", or_empty(e->documents_json));
	return cli_stdout_check();
}

static int walk_entities(cr_db *db, listing *ls)
{
	return cr_db_each_entity(db, ls->arg, print_entity, ls);
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
	listing ls = {NULL, doc, 0};
	return list_results(o, "entities", walk_entities, &ls, NULL);
}

/* A day interval as the report writes it ("2022-03-09", "2014", "undated"). */
static void print_day(cr_dayrange r)
{
	cr_buf b = {0};
	cr_report_day(&b, r);
	fwrite(b.data, 1, b.len, stdout);
	cr_buf_free(&b);
}

static int print_event(void *ud, const cr_db_event *v)
{
	((listing *)ud)->n++;
	printf("%s\t%s\t", or_empty(v->id), or_empty(v->type));
	print_day(v->time);
	putchar('\t');
	cli_print(or_empty(v->label), false);
	fputs("\tplace ", stdout);
	cli_print(v->place ? v->place : "-", false);
	printf("\tdocuments %s\n", or_empty(v->documents_json));
	return cli_stdout_check();
}

static int walk_events(cr_db *db, listing *ls)
{
	return cr_db_each_event(db, print_event, ls);
}

int cmd_events(const cli_opts *o, int argc, char **argv)
{
	static const char usage[] = "usage: corrob events\n\nLists the events of the last run: id, type, date (as "
	                            "precise as known, or\nundated), label, place and documents.\n";
	int nop;
	int prc = cli_parse_args("events", usage, argc, argv, NULL, 0, NULL, &nop, 0);
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	listing ls = {NULL, NULL, 0};
	return list_results(o, "events", walk_events, &ls, "events");
}

static int print_finding(void *ud, const cr_db_finding *f)
{
	printf("%s\t%s\t%s\t", or_empty(f->id), or_empty(f->kind), or_empty(f->predicate));
	cli_print(or_empty(f->subject_name), false);
	printf(" (%s)\toutlets %lld\toriginators %lld\tclaims %s\n    ", or_empty(f->subject), (long long)f->outlets,
	       (long long)f->originators, or_empty(f->claims_json));
	cli_print(or_empty(f->explanation), false);
	putchar('\n');
	((listing *)ud)->n++;
	return cli_stdout_check();
}

static int walk_findings(cr_db *db, listing *ls)
{
	return cr_db_each_finding(db, ls->arg, print_finding, ls);
}

int cmd_findings(const cli_opts *o, int argc, char **argv)
{
	static const char usage[] =
		"usage: corrob findings [--kind K]\n"
		"\n"
		"Lists the findings of the last run: id, kind, predicate, subject, how many\n"
		"outlets and attributed sources are behind it, its claims, and the\n"
		"explanation. K is one of corroborated (two or more documents agree),\n"
		"single_source (one document says it), conflict (the values cannot all be\n"
		"true) and consistent (they differ but are reconciled). For a spreadsheet:\n"
		"corrob report --format csv --findings.\n";
	const char *kind = NULL;
	const cli_opt opts[] = {{"--kind", &kind}};
	int nop;
	int prc = cli_parse_args("findings", usage, argc, argv, opts, CR_ARRAY_LEN(opts), NULL, &nop, 0);
	bool known = !kind;
	for (int k = CR_F_CORROBORATED; kind && k <= CR_F_CONSISTENT; k++)
		known = known || strcmp(kind, cr_finding_kind_names[k]) == 0;
	if (prc == 0 && !known) {
		cli_error("findings: unknown kind '%s' (corroborated, single_source, conflict or consistent)", kind);
		fputs(usage, stderr);
		prc = -1;
	}
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	listing ls = {NULL, kind, 0};
	return list_results(o, "findings", walk_findings, &ls, kind ? "findings of that kind" : "findings");
}
