/*
 * cmd_docs.c: `corrob docs`, `corrob show DOC` and `corrob search QUERY`,
 * the read-only views of the store. They open it read-only, so they work
 * while an ingest writes (WAL).
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

/* "2022-03-25", "2023-01-01..2023-12-31 (inferred)" or "undated". */
static void print_date(FILE *f, cr_dayrange r, bool inferred)
{
	char e[11], l[11];
	if (r.earliest == CR_DAY_NONE) {
		fputs("undated", f);
		return;
	}
	cr_day_format(r.earliest, e);
	if (r.latest == CR_DAY_NONE || r.latest == r.earliest) {
		fputs(e, f);
	} else {
		cr_day_format(r.latest, l);
		fprintf(f, "%s..%s", e, l);
	}
	if (inferred)
		fputs(" (inferred)", f);
}

static int print_doc_line(void *ud, const cr_db_document *d)
{
	(void)ud;
	printf("d%lld\t", (long long)d->id);
	print_date(stdout, d->published, d->published_inferred);
	printf("\t%s\t%s\t%zu bytes\n", d->outlet ? d->outlet : "-", d->title ? d->title : d->path ? d->path : "-",
	       d->nchars);
	return 0;
}

int cmd_docs(const cli_opts *o, int argc, char **argv)
{
	int nop;
	int prc = cli_parse_args("docs", "usage: corrob docs\n\nLists stored documents: id, publication date, outlet, "
	                         "title or path.\n", argc, argv, NULL, 0, NULL, &nop, 0);
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	cr_db *db = cli_open_db(o, true);
	if (!db)
		return EXIT_PARTIAL;
	int rc = EXIT_OK;
	if (cr_db_each_document(db, print_doc_line, NULL) < 0) {
		cli_error("docs: %s", cr_db_errmsg(db));
		rc = EXIT_PARTIAL;
	}
	cr_db_close(db);
	return rc;
}

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

int cmd_show(const cli_opts *o, int argc, char **argv)
{
	static const char usage[] = "usage: corrob show DOC\n\nPrints a document's metadata and clean text. DOC is an "
	                            "id (d3),\na path, a URL or a hash prefix.\n";
	char *which[1];
	int nop;
	int prc = cli_parse_args("show", usage, argc, argv, NULL, 0, which, &nop, 1);
	if (prc == 0 && nop == 0) {
		fputs(usage, stderr);
		prc = -1;
	}
	if (prc != 0)
		return CLI_ARGS_EXIT(prc);
	cr_db *db = cli_open_db(o, true);
	if (!db)
		return EXIT_PARTIAL;
	int64_t id;
	cr_db_document d;
	int found = cr_db_find_document(&id, db, which[0]);
	if (found == 0)
		found = cr_db_read_document(&d, db, id);
	int rc = EXIT_OK;
	if (found == 0) {
		printf("id:        d%lld\npath:      %s\nurl:       %s\ntitle:     %s\noutlet:    %s\nbyline:    %s\n"
		       "published: ", (long long)id, or_dash(d.path), or_dash(d.url), or_dash(d.title), or_dash(d.outlet),
		       or_dash(d.byline));
		print_date(stdout, d.published, d.published_inferred);
		printf("\nhash:      %s\nsentences: %zu\n\n%s\n", d.hash ? d.hash : "", d.nsentences, d.text);
		cr_db_document_clear(&d);
	} else if (found == CR_DB_NOTFOUND) {
		cli_error("show: no document '%s' (see corrob docs)", which[0]);
		rc = EXIT_PARTIAL;
	} else {
		cli_error("show: %s", cr_db_errmsg(db));
		rc = EXIT_PARTIAL;
	}
	cr_db_close(db);
	return rc;
}

static const char search_usage[] =
	"usage: corrob search [--limit N] QUERY\n"
	"\n"
	"Full-text search over stored sentences (SQLite FTS5 syntax: words, \"phrases\",\n"
	"AND/OR/NOT, prefix*). Prints the best-ranked sentences with their document,\n"
	"date and a snippet with matches in [brackets] (bold on a terminal).\n";

static int print_hit(void *ud, const cr_db_hit *h)
{
	char day[11] = "undated";
	if (h->published != CR_DAY_NONE)
		cr_day_format(h->published, day);
	printf("d%lld s%zu  %s  %s\n    %s\n", (long long)h->doc_id, h->sentence, day, h->source ? h->source : "-",
	       h->snippet ? h->snippet : "");
	++*(size_t *)ud;
	return 0;
}

int cmd_search(const cli_opts *o, int argc, char **argv)
{
	const char *limit_arg = "20";
	const cli_opt opts[] = {{"--limit", &limit_arg}};
	char **words = cr_xcalloc((size_t)argc + 1, sizeof *words);
	int nwords = 0;
	int prc = cli_parse_args("search", search_usage, argc, argv, opts, CR_ARRAY_LEN(opts), words, &nwords, -1);
	char *end;
	long limit = strtol(limit_arg, &end, 10);
	if (prc == 0 && (*end || limit <= 0 || limit > 100000)) {
		cli_error("search: --limit wants a positive number, not '%s'", limit_arg);
		prc = -1;
	} else if (prc == 0 && nwords == 0) {
		fputs(search_usage, stderr);
		prc = -1;
	}
	if (prc != 0) {
		free(words);
		return CLI_ARGS_EXIT(prc);
	}
	cr_buf q = {0};
	for (int i = 0; i < nwords; i++)
		cr_buf_printf(&q, "%s%s", q.len ? " " : "", words[i]);
	free(words);
	cr_db *db = cli_open_db(o, true);
	if (!db) {
		cr_buf_free(&q);
		return EXIT_PARTIAL;
	}
	const char *on = o->color ? "\033[1m" : "[", *off = o->color ? "\033[0m" : "]";
	size_t n = 0;
	int rc = cr_db_search(db, q.data, on, off, (int)limit, print_hit, &n);
	int out = EXIT_OK;
	if (rc < 0) {
		cli_error("search: %s", cr_db_errmsg(db));
		/* a query refused as it runs is the user's to fix */
		out = rc == CR_DB_EQUERY ? EXIT_USAGE : EXIT_PARTIAL;
	} else if (n == 0 && !o->quiet) {
		fprintf(stderr, "corrob: no sentence matches %s\n", q.data);
	}
	cr_db_close(db);
	cr_buf_free(&q);
	return out;
}
