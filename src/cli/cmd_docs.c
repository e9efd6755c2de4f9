/*
 * cmd_docs.c: `corrob docs`, `corrob show DOC` and `corrob search QUERY`,
 * the read-only views of the store. They open it read-only, so they work
 * while an ingest writes (WAL).
 */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

static const char *col(sqlite3_stmt *st, int i, const char *dflt)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : dflt;
}

/* "2022-03-25", "2023-01-01..2023-12-31 (inferred)" or "undated". */
static void print_date(FILE *f, const char *e, const char *l, int inferred)
{
	if (!e)
		fputs("undated", f);
	else if (!l || strcmp(e, l) == 0)
		fputs(e, f);
	else
		fprintf(f, "%s..%s", e, l);
	if (e && inferred)
		fputs(" (inferred)", f);
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
	sqlite3_stmt *st;
	sqlite3_prepare_v2(cr_db_sqlite(db),
	                   "SELECT id, published_earliest, published_latest, published_inferred, outlet, title, path,"
	                   " length(text) FROM documents ORDER BY id", -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		printf("d%lld\t", (long long)sqlite3_column_int64(st, 0));
		print_date(stdout, col(st, 1, NULL), col(st, 2, NULL), sqlite3_column_int(st, 3));
		printf("\t%s\t%s\t%d bytes\n", col(st, 4, "-"), col(st, 5, col(st, 6, "-")), sqlite3_column_int(st, 7));
	}
	sqlite3_finalize(st);
	cr_db_close(db);
	return EXIT_OK;
}

/* "d3" or "3" or a path/hash prefix -> row id, or -1. */
static int64_t find_doc(cr_db *db, const char *ref)
{
	const char *p = ref[0] == 'd' ? ref + 1 : ref;
	char *end;
	long long v = strtoll(p, &end, 10);
	if (*p && !*end && v > 0)
		return v;
	sqlite3_stmt *st;
	int64_t id = -1;
	sqlite3_prepare_v2(cr_db_sqlite(db),
	                   "SELECT id FROM documents WHERE path = ?1 OR url = ?1 OR hash LIKE ?1 || '%' ORDER BY id",
	                   -1, &st, NULL);
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
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
	int64_t id = find_doc(db, which[0]);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(cr_db_sqlite(db),
	                   "SELECT path, url, title, outlet, byline, published_earliest, published_latest,"
	                   " published_inferred, hash, text, (SELECT count(*) FROM sentences WHERE doc_id = ?1)"
	                   " FROM documents WHERE id = ?1", -1, &st, NULL);
	sqlite3_bind_int64(st, 1, id);
	int rc = EXIT_OK;
	if (sqlite3_step(st) == SQLITE_ROW) {
		printf("id:        d%lld\npath:      %s\nurl:       %s\ntitle:     %s\noutlet:    %s\nbyline:    %s\n"
		       "published: ", (long long)id, col(st, 0, "-"), col(st, 1, "-"), col(st, 2, "-"), col(st, 3, "-"),
		       col(st, 4, "-"));
		print_date(stdout, col(st, 5, NULL), col(st, 6, NULL), sqlite3_column_int(st, 7));
		printf("\nhash:      %s\nsentences: %d\n\n%s\n", col(st, 8, ""), sqlite3_column_int(st, 10), col(st, 9, ""));
	} else {
		cli_error("show: no document '%s' (see corrob docs)", which[0]);
		rc = EXIT_PARTIAL;
	}
	sqlite3_finalize(st);
	cr_db_close(db);
	return rc;
}

static const char search_usage[] =
	"usage: corrob search [--limit N] QUERY\n"
	"\n"
	"Full-text search over stored sentences (SQLite FTS5 syntax: words, \"phrases\",\n"
	"AND/OR/NOT, prefix*). Prints the best-ranked sentences with their document,\n"
	"date and a snippet with matches in [brackets] (bold on a terminal).\n";

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
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(cr_db_sqlite(db),
	                            "SELECT s.doc_id, s.idx, d.published_earliest, coalesce(d.outlet, d.path),"
	                            " snippet(sentences_fts, 0, ?2, ?3, '…', 40)"
	                            " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
	                            " JOIN documents d ON d.id = s.doc_id"
	                            " WHERE sentences_fts MATCH ?1 ORDER BY bm25(sentences_fts), s.id LIMIT ?4",
	                            -1, &st, NULL);
	int out = EXIT_OK;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, q.data, (int)q.len, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, on, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, off, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, (int)limit);
		int n = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			printf("d%lld s%d  %s  %s\n    %s\n", (long long)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1),
			       col(st, 2, "undated"), col(st, 3, "-"), col(st, 4, ""));
			n++;
		}
		if (rc != SQLITE_DONE) {
			cli_error("search: %s", sqlite3_errmsg(cr_db_sqlite(db)));
			out = EXIT_USAGE;
		} else if (n == 0 && !o->quiet) {
			fprintf(stderr, "corrob: no sentence matches %s\n", q.data);
		}
	} else {
		cli_error("search: %s", sqlite3_errmsg(cr_db_sqlite(db)));
		out = EXIT_PARTIAL;
	}
	sqlite3_finalize(st);
	cr_db_close(db);
	cr_buf_free(&q);
	return out;
}
