/*
 * test_store.c: the SQLite store — migration to the current schema, one row
 * per article, full-text search, refusal of a newer schema, and that a
 * batch rolled back leaves what was committed before.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"

static char path[64];

static int setup(void **state)
{
	(void)state;
	snprintf(path, sizeof path, "/tmp/corrob-test-store-%d.db", (int)getpid());
	unlink(path);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char p[80];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return 0;
}

static cr_db *open_rw(void)
{
	cr_db *db;
	char err[256];
	assert_int_equal(cr_db_open(&db, path, false, err, sizeof err), 0);
	return db;
}

static void make_doc(cr_document *d, const char *text)
{
	memset(d, 0, sizeof *d);
	d->text = (char *)text;
	d->len = strlen(text);
	d->published.earliest = d->published.latest = CR_DAY_NONE;
	cr_hex64(cr_hash64(text, d->len), d->hash);
}

static int64_t count(cr_db *db, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(cr_db_sqlite(db), sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_fresh_database_is_migrated_to_the_current_schema(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	assert_int_equal(count(db, "PRAGMA user_version"), CR_SCHEMA_VERSION);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_master WHERE name IN "
	                           "('documents','sentences','mentions','claims','entities','events','findings')"), 7);
	cr_db_close(db);
}

static void test_the_same_document_is_stored_once(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document d;
	make_doc(&d, "One article.");
	int64_t a, b;
	assert_int_equal(cr_db_put_document(db, &d, &a), 1);
	assert_int_equal(cr_db_put_document(db, &d, &b), 0);
	assert_int_equal(a, b);
	assert_int_equal(count(db, "SELECT count(*) FROM documents"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM pragma_table_info('entities') WHERE name = 'mentions'"), 1);
	cr_db_close(db);
}

static void test_sentences_are_found_by_full_text_search(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document d;
	const char *t = "The mayor resigned. A bridge collapsed in the storm.";
	make_doc(&d, t);
	int64_t id;
	assert_int_equal(cr_db_put_document(db, &d, &id), 1);
	cr_span paras[1] = {{0, (uint32_t)strlen(t)}};
	cr_span sents[2] = {{0, 19}, {20, (uint32_t)strlen(t)}};
	uint32_t sp[2] = {0, 0};
	assert_int_equal(cr_db_put_segments(db, id, t, paras, 1, sents, sp, 2), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'bridge'"), 1);
	assert_int_equal(count(db, "SELECT s.idx FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
	                           " WHERE sentences_fts MATCH 'collapse*'"), 1);
	cr_db_close(db);
}

static void test_a_newer_schema_is_refused(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	assert_int_equal(cr_db_exec(db, "PRAGMA user_version = 99"), 0);
	cr_db_close(db);
	char err[256];
	assert_int_equal(cr_db_open(&db, path, false, err, sizeof err), -1);
	assert_non_null(strstr(err, "newer"));
}

static void test_a_rolled_back_batch_keeps_what_was_committed(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document a, b;
	int64_t id;
	make_doc(&a, "Committed article.");
	make_doc(&b, "Lost article.");
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_put_document(db, &a, &id), 1);
	assert_int_equal(cr_db_commit(db), 0);
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_put_document(db, &b, &id), 1);
	cr_db_rollback(db);
	assert_int_equal(count(db, "SELECT count(*) FROM documents"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM documents WHERE text = 'Committed article.'"), 1);
	cr_db_close(db);
}

static void test_a_version_1_store_is_migrated_forward(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document d;
	int64_t id;
	make_doc(&d, "An article stored by an older corrob.");
	assert_int_equal(cr_db_put_document(db, &d, &id), 1);
	/* make it look like schema 1: no document_sources, no entity mention counts */
	assert_int_equal(cr_db_exec(db, "DROP TABLE document_sources; ALTER TABLE entities DROP COLUMN mentions;"
	                                "PRAGMA user_version = 1"), 0);
	cr_db_close(db);
	db = open_rw();
	assert_int_equal(count(db, "PRAGMA user_version"), CR_SCHEMA_VERSION);
	assert_int_equal(count(db, "SELECT count(*) FROM document_sources"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM documents"), 1);
	cr_db_close(db);
}

static void test_a_copy_from_another_outlet_is_one_document_with_two_sources(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document a, b;
	int64_t ia, ib;
	make_doc(&a, "The same wire story.");
	make_doc(&b, "The same wire story.");
	a.outlet = (char *)"Wire";
	b.outlet = (char *)"Paper";
	assert_int_equal(cr_db_put_document(db, &a, &ia), 1);
	assert_int_equal(cr_db_put_document(db, &b, &ib), 0);
	assert_int_equal(ia, ib);
	assert_int_equal(count(db, "SELECT count(*) FROM documents"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM document_sources"), 2);
	cr_db_close(db);
}

static void test_read_only_open_of_a_foreign_file_fails(void **state)
{
	(void)state;
	FILE *f = fopen(path, "w");
	fputs("not a database", f);
	fclose(f);
	cr_db *db;
	char err[256];
	assert_int_equal(cr_db_open(&db, path, true, err, sizeof err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_database_is_migrated_to_the_current_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_same_document_is_stored_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sentences_are_found_by_full_text_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_newer_schema_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_rolled_back_batch_keeps_what_was_committed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_version_1_store_is_migrated_forward, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_copy_from_another_outlet_is_one_document_with_two_sources, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_open_of_a_foreign_file_fails, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
