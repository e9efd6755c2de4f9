/*
 * cmd_docs.c: `corrob docs`, `corrob show DOC` and `corrob search QUERY`,
 * the read-only views of the store. They open it read-only, so they work
 * while an ingest writes (WAL). What the articles hold is printed with its
 * control characters escaped (cli_print); `show` prints the clean text as
 * stored when its output is no terminal, byte for byte, so that offsets
 * into it hold.
 */
#include "cli/cli.h"
#include "report/report.h"

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
	putchar('\t');
	cli_print(d->outlet ? d->outlet : "-", false);
	putchar('\t');
	cli_print(d->title ? d->title : d->path ? d->path : "-", false);
	printf("\t%zu bytes\n", d->nchars);
	return cli_stdout_check();   /* the output failed: stop (main says why) */
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
	static const char usage[] = "usage: corrob show DOC\n\nPrints a document's metadata (with the WARC record id and date "
	                            "of one read\nfrom a crawl) and clean text. DOC is an id (d3), a path, a URL or a hash\n"
	                            "prefix.\n";
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
		const char *labels[] = {"path:      ", "url:       ", "title:     ", "outlet:    ", "byline:    "};
		const char *values[] = {d.path, d.url, d.title, d.outlet, d.byline};
		printf("id:        d%lld\n", (long long)id);
		for (size_t i = 0; i < CR_ARRAY_LEN(labels); i++) {
			fputs(labels[i], stdout);
			cli_print(or_dash(values[i]), false);
			putchar('\n');
		}
		if (d.warc_record_id || d.warc_date) {
			/* read from a crawl: the record it came from */
			fputs("warc:      ", stdout);
			cli_print(or_dash(d.warc_record_id), false);
			fputs(" at ", stdout);
			cli_print(or_dash(d.warc_date), false);
			putchar('\n');
		}
		fputs("published: ", stdout);
		print_date(stdout, d.published, d.published_inferred);
		if (d.lang) {
			char name[64];
			cr_language_name(d.lang, name, sizeof name);
			printf("\nlanguage:  %s (%s)%s", d.lang, name,
			       cr_language_is_english(d.lang) ? "" : ": names and claims not extracted");
		}
		printf("\nhash:      %s\nsentences: %zu\n\n", d.hash ? d.hash : "", d.nsentences);
		if (o->color)
			cli_print(d.text, true);
		else
			fwrite(d.text, 1, d.len, stdout);
		putchar('\n');
		cr_db_document_clear(&d);
	} else if (found == CR_DB_NOTFOUND) {
		cli_error("show: no document '%s' (see corrob docs)", which[0]);
		rc = EXIT_PARTIAL;
	} else if (found == CR_DB_AMBIGUOUS) {
		cli_error("show: %s; give more of it, or the id (see corrob docs)", cr_db_errmsg(db));
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
	"Full-text search over stored sentences. Prints the best-ranked sentences\n"
	"with their document, date and a snippet with matches in [brackets] (bold on\n"
	"a terminal). The query is read as people type it:\n"
	"\n"
	"  theatre killed        sentences with both words (case and accents ignored)\n"
	"  \"drama theatre\"       the words as a phrase (a quote left open runs to the end)\n"
	"  Mizintsev OR Shoigu   either (OR and AND in capitals; AND is implied)\n"
	"  Mizintsev -Aleppo     the first, not the second (also: Mizintsev NOT Aleppo)\n"
	"  bomb*                 words that start so\n"
	"  (siege OR strike) Mariupol   brackets group\n"
	"\n"
	"Anything else is text: punctuation (children's, col.) is read as the words\n"
	"around it, and AND, OR or NOT with nothing on one side is a word. A word\n"
	"also finds its other spellings (theatre, theater; defence, defense;\n"
	"Kiev, Kyiv: data/lexicon/name-variants.tsv). Exit status 2 when the query\n"
	"holds no word.\n";

/* The store marks matches with two bytes no stored text holds (it is
 * valid UTF-8), so that the text can be escaped and the marks still found. */
#define MARK_ON "\xFF"
#define MARK_OFF "\xFE"

typedef struct hit_ctx {
	const char *on, *off;
	size_t n;
} hit_ctx;

static int print_hit(void *ud, const cr_db_hit *h)
{
	hit_ctx *hc = ud;
	char day[11] = "undated";
	if (h->published != CR_DAY_NONE)
		cr_day_format(h->published, day);
	printf("d%lld s%zu  %s  ", (long long)h->doc_id, h->sentence, day);
	cli_print(h->source ? h->source : "-", false);
	fputs("\n    ", stdout);
	cr_buf b = {0};
	for (const char *p = h->snippet ? h->snippet : "";;) {
		size_t k = strcspn(p, MARK_ON MARK_OFF);
		cr_escape_term(&b, p, k, false);
		if (!p[k])
			break;
		cr_buf_puts(&b, p[k] == MARK_ON[0] ? hc->on : hc->off);
		p += k + 1;
	}
	cr_buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stdout);
	cr_buf_free(&b);
	hc->n++;
	return cli_stdout_check();
}

static bool is_option(const char *a)
{
	return strcmp(a, "-h") == 0 || strncmp(a, "--", 2) == 0;
}

/* The arguments reordered for cli_parse_args: the options (those of two
 * dashes, -h) first, then "--" and the words of the query, so that an
 * unquoted -word ("corrob search Mizintsev -Aleppo") is a word that leaves
 * one out, not an unknown option. The caller frees the array. */
static char **query_last(int argc, char **argv, int *out_argc)
{
	char **v = cr_xcalloc((size_t)argc + 2, sizeof *v);
	int k = 0, end = argc;   /* the index of a "--", or argc */
	v[k++] = argv[0];
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			end = i;
			break;
		}
		if (strcmp(argv[i], "--limit") == 0 && i + 1 == argc) {
			/* no value: left as it is for cli_parse_args to say so */
			memcpy(v, argv, (size_t)argc * sizeof *v);
			*out_argc = argc;
			return v;
		}
		if (is_option(argv[i])) {
			v[k++] = argv[i];
			if (strcmp(argv[i], "--limit") == 0)
				v[k++] = argv[++i];
		}
	}
	v[k++] = (char *)"--";
	for (int i = 1; i < end; i++) {
		if (is_option(argv[i]))
			i += strcmp(argv[i], "--limit") == 0;
		else
			v[k++] = argv[i];
	}
	for (int i = end + 1; i < argc; i++)
		v[k++] = argv[i];
	*out_argc = k;
	return v;
}

int cmd_search(const cli_opts *o, int argc, char **argv)
{
	const char *limit_arg = "20";
	const cli_opt opts[] = {{"--limit", &limit_arg}};
	char **words = cr_xcalloc((size_t)argc + 1, sizeof *words);
	int nwords = 0, nargs;
	char **args = query_last(argc, argv, &nargs);
	int prc = cli_parse_args("search", search_usage, nargs, args, opts, CR_ARRAY_LEN(opts), words, &nwords, -1);
	free(args);
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
	hit_ctx hc = {o->color ? "\033[1m" : "[", o->color ? "\033[0m" : "]", 0};
	int rc = cr_db_search(db, q.data, MARK_ON, MARK_OFF, (int)limit, print_hit, &hc);
	size_t n = hc.n;
	int out = EXIT_OK;
	if (rc < 0) {
		cli_error("search: %s", cr_db_errmsg(db));
		/* a query refused as it runs is the user's to fix */
		out = rc == CR_DB_EQUERY ? EXIT_USAGE : EXIT_PARTIAL;
	} else if (n == 0 && !o->quiet) {
		cli_error("no sentence matches %s", q.data);
	}
	cr_db_close(db);
	cr_buf_free(&q);
	return out;
}
