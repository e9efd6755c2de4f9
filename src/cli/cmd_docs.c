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
	if (cli_wants_help(argc, argv) || argc > 1) {
		fputs("usage: corrob docs\n\nLists stored documents: id, publication date, outlet, title or path.\n",
		      argc > 1 && !cli_wants_help(argc, argv) ? stderr : stdout);
		return cli_wants_help(argc, argv) ? EXIT_OK : EXIT_USAGE;
	}
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
	if (cli_wants_help(argc, argv) || argc != 2) {
		fputs("usage: corrob show DOC\n\nPrints a document's metadata and clean text. DOC is an id (d3),\n"
		      "a path, a URL or a hash prefix.\n", argc == 2 ? stdout : stderr);
		return argc == 2 ? EXIT_OK : EXIT_USAGE;
	}
	cr_db *db = cli_open_db(o, true);
	if (!db)
		return EXIT_PARTIAL;
	int64_t id = find_doc(db, argv[1]);
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
		cli_error("show: no document '%s' (see corrob docs)", argv[1]);
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
	if (cli_wants_help(argc, argv)) {
		fputs(search_usage, stdout);
		return EXIT_OK;
	}
	int limit = 20, i = 1;
	if (i + 1 < argc && strcmp(argv[i], "--limit") == 0) {
		limit = atoi(argv[i + 1]);
		i += 2;
	}
	if (i >= argc || limit <= 0) {
		fputs(search_usage, stderr);
		return EXIT_USAGE;
	}
	cr_buf q = {0};
	for (; i < argc; i++)
		cr_buf_printf(&q, "%s%s", q.len ? " " : "", argv[i]);
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
		sqlite3_bind_int(st, 4, limit);
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
