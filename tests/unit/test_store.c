/*
 * test_store.c: the SQLite store — migration to the current schema, one row
 * per article, full-text search, refusal of a newer schema, that a batch
 * rolled back leaves what was committed before, documents read back and
 * found by reference, and a ledger stored and read back; that several
 * processes creating one store at once all succeed, another program's
 * database is left alone, files are known by their content, a source with
 * no outlet is one source; that a batch's sentences, indexed at its commit
 * (schema 8), are found by a search inside it and after. The test looks at
 * the file through a connection of its own: the store hands none out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

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
	cr_sha256_hex(text, d->len, d->hash);
}

/* The first column of the first row of sql, read from the file directly. */
static int64_t count(const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* Runs sql on a new file of another program. */
static void exec_raw_create(const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

/* Runs sql on the file directly, with the store closed (to fake old stores). */
static void exec_raw(const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static void test_fresh_database_is_migrated_to_the_current_schema(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	assert_int_equal(count("PRAGMA user_version"), CR_SCHEMA_VERSION);
	assert_int_equal(count("SELECT count(*) FROM sqlite_master WHERE name IN "
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
	assert_int_equal(count("SELECT count(*) FROM documents"), 1);
	assert_int_equal(count("SELECT count(*) FROM pragma_table_info('entities') WHERE name = 'mentions'"), 1);
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
	assert_int_equal(count("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'bridge'"), 1);
	assert_int_equal(count("SELECT s.idx FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
	                           " WHERE sentences_fts MATCH 'collapse*'"), 1);
	cr_db_close(db);
}

static void test_a_newer_schema_is_refused(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_db_close(db);
	exec_raw("PRAGMA user_version = 99");
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
	assert_int_equal(count("SELECT count(*) FROM documents"), 1);
	assert_int_equal(count("SELECT count(*) FROM documents WHERE text = 'Committed article.'"), 1);
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
	cr_db_close(db);
	/* make it look like schema 1: no document_sources, no entity mention counts */
	exec_raw("DROP TABLE document_sources; ALTER TABLE entities DROP COLUMN mentions; DROP TABLE files_read;"
	         " ALTER TABLE documents DROP COLUMN warc_record_id; ALTER TABLE documents DROP COLUMN warc_date;"
	         " DROP TABLE results_of; CREATE TABLE sources(path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,"
	         " doc_id INTEGER); PRAGMA user_version = 1; PRAGMA application_id = 0");
	db = open_rw();
	assert_int_equal(count("PRAGMA user_version"), CR_SCHEMA_VERSION);
	assert_int_equal(count("SELECT count(*) FROM document_sources"), 1);
	assert_int_equal(count("SELECT count(*) FROM documents"), 1);
	cr_db_close(db);
}

static void test_a_version_4_store_gains_warc_provenance(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document d;
	int64_t id, id2;
	make_doc(&d, "An article stored before WARC provenance was kept.");
	assert_int_equal(cr_db_put_document(db, &d, &id), 1);
	cr_db_close(db);
	exec_raw("ALTER TABLE documents DROP COLUMN warc_record_id; ALTER TABLE documents DROP COLUMN warc_date;"
	         " ALTER TABLE document_sources DROP COLUMN warc_record_id;"
	         " ALTER TABLE document_sources DROP COLUMN warc_date; PRAGMA user_version = 4");
	db = open_rw();
	assert_int_equal(count("PRAGMA user_version"), CR_SCHEMA_VERSION);
	assert_int_equal(count("SELECT count(*) FROM documents WHERE warc_record_id IS NULL AND warc_date IS NULL"), 1);
	/* a document read from a crawl keeps its record, with the document and its source */
	make_doc(&d, "An article read from a WARC record.");
	d.warc_record_id = (char *)"urn:uuid:0b4c2f3e-0000-4000-8000-000000000001";
	d.warc_date = (char *)"2024-02-01T10:00:00Z";
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_put_document(db, &d, &id2), 1);
	assert_int_equal(cr_db_commit(db), 0);
	cr_db_document got;
	assert_int_equal(cr_db_read_document(&got, db, id2), 0);
	assert_string_equal(got.warc_record_id, d.warc_record_id);
	assert_string_equal(got.warc_date, "2024-02-01T10:00:00Z");
	cr_db_document_clear(&got);
	assert_int_equal(cr_db_read_document(&got, db, id), 0);
	assert_null(got.warc_record_id);
	cr_db_document_clear(&got);
	assert_int_equal(count("SELECT count(*) FROM document_sources WHERE warc_record_id LIKE 'urn:uuid:0b4c%'"), 1);
	cr_db_close(db);
}

/* A genuine schema-5 store: migrations 1 to 5 run on a new file, one
 * document stored as corrob 0.x did (FNV-1a hash), with a source and a
 * sentence that refer to it. */
static void make_schema_5_store(const char *text)
{
	for (int v = 1; v <= 5; v++) {
		char name[64];
		snprintf(name, sizeof name, "store/migrate-%03d.sql", v);
		const char *sql = cr_data_file(name, NULL);
		assert_non_null(sql);
		exec_raw_create(sql);
	}
	char hex[17], sql[1024];
	cr_hex64(cr_hash64(text, strlen(text)), hex);
	snprintf(sql, sizeof sql,
	         "PRAGMA foreign_keys=ON; INSERT INTO documents(id, hash, path, text) VALUES (7, '%s', 'old.txt', '%s');"
	         " INSERT INTO document_sources(doc_id, path) VALUES (7, 'old.txt');"
	         " INSERT INTO sentences(doc_id, idx, paragraph, start, \"end\", text) VALUES (7, 0, 0, 0, %zu, '%s');"
	         " PRAGMA user_version = 5",
	         hex, text, strlen(text), text);
	exec_raw(sql);
}

static void test_a_version_5_store_is_rehashed_by_sha256_and_keeps_its_rows(void **state)
{
	(void)state;
	const char *text = "An article stored while documents were known by FNV-1a.";
	make_schema_5_store(text);
	cr_db *db = open_rw();
	assert_int_equal(count("PRAGMA user_version"), CR_SCHEMA_VERSION);
	cr_document d;
	make_doc(&d, text);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM documents WHERE id = 7 AND hash = '%s'", d.hash);
	assert_int_equal(count(sql), 1);
	/* the rebuilt table dropped nothing that refers to the document */
	assert_int_equal(count("SELECT count(*) FROM document_sources WHERE doc_id = 7"), 1);
	assert_int_equal(count("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'FNV'"), 1);
	assert_int_equal(count("SELECT count(*) FROM pragma_index_list('documents') WHERE \"unique\""), 0);
	int64_t id;
	d.path = (char *)"again.txt";
	assert_int_equal(cr_db_put_document(db, &d, &id), 0);
	assert_int_equal(id, 7);
	cr_db_close(db);
}

/* A store made before languages (schema 5, and so 6): its documents are
 * identified as it is migrated, from their stored texts; a new document
 * carries the language ingest found. */
static void test_an_old_store_gains_each_documents_language(void **state)
{
	(void)state;
	make_schema_5_store("An article stored before languages: the general was dismissed from his post in the "
	                    "ministry of defence, officials said on Friday, and a successor was named.");
	exec_raw("INSERT INTO documents(id, hash, path, text) VALUES (8, 'x', 'ru.txt', 'Генерал Михаил Мизинцев "
	         "освобождён от должности заместителя министра обороны, сообщили в ведомстве в пятницу вечером.');"
	         " INSERT INTO documents(id, hash, path, text) VALUES (9, 'y', 'short.txt', 'Die Welt');");
	cr_db *db = open_rw();
	assert_int_equal(count("PRAGMA user_version"), CR_SCHEMA_VERSION);
	assert_int_equal(count("SELECT count(*) FROM documents WHERE id = 7 AND lang = 'en'"), 1);
	assert_int_equal(count("SELECT count(*) FROM documents WHERE id = 8 AND lang = 'ru'"), 1);
	assert_int_equal(count("SELECT count(*) FROM documents WHERE id = 9 AND lang = 'und'"), 1);
	cr_document d;
	make_doc(&d, "Новая статья.");
	strcpy(d.lang, "uk");
	int64_t id;
	assert_int_equal(cr_db_put_document(db, &d, &id), 1);
	cr_db_document back;
	assert_int_equal(cr_db_read_document(&back, db, id), 0);
	assert_string_equal(back.lang, "uk");
	cr_db_document_clear(&back);
	assert_int_equal(cr_db_read_document(&back, db, 8), 0);
	assert_string_equal(back.lang, "ru");
	cr_db_document_clear(&back);
	cr_db_close(db);
}

static void test_a_different_text_with_the_same_hash_is_a_new_document(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document a, b;
	int64_t ia, ib, again;
	make_doc(&a, "The original article, printed by the Wire.");
	make_doc(&b, "A crafted article that claims the original's hash.");
	memcpy(b.hash, a.hash, sizeof b.hash);
	a.outlet = (char *)"Wire";
	b.outlet = (char *)"Forger";
	assert_int_equal(cr_db_put_document(db, &a, &ia), 1);
	assert_int_equal(cr_db_put_document(db, &b, &ib), 1);
	assert_true(ib != ia);
	assert_int_equal(cr_db_put_document(db, &b, &again), 0);
	assert_int_equal(again, ib);
	assert_int_equal(count("SELECT count(*) FROM documents"), 2);
	/* the forger is not credited as a printer of the original */
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM document_sources WHERE doc_id = %lld", (long long)ia);
	assert_int_equal(count(sql), 1);
	assert_int_equal(count("SELECT length(hash) FROM documents LIMIT 1"), 64);
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
	assert_int_equal(count("SELECT count(*) FROM documents"), 1);
	assert_int_equal(count("SELECT count(*) FROM document_sources"), 2);
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

static void test_four_processes_creating_one_store_at_once_all_succeed(void **state)
{
	(void)state;
	for (int round = 0; round < 5; round++) {
		teardown(NULL);
		pid_t kids[4];
		for (int k = 0; k < 4; k++) {
			kids[k] = fork();
			assert_true(kids[k] >= 0);
			if (kids[k] == 0) {
				cr_db *db;
				char err[256];
				if (cr_db_open(&db, path, false, err, sizeof err) < 0) {
					fprintf(stderr, "child %d: %s\n", k, err);
					_exit(1);
				}
				cr_document d;
				int64_t id;
				char text[64];
				snprintf(text, sizeof text, "Article %d of a process.", k);
				make_doc(&d, text);
				int rc = cr_db_begin(db) == 0 && cr_db_put_document(db, &d, &id) == 1 && cr_db_commit(db) == 0;
				cr_db_close(db);
				_exit(rc ? 0 : 2);
			}
		}
		for (int k = 0; k < 4; k++) {
			int status;
			assert_int_equal(waitpid(kids[k], &status, 0), kids[k]);
			assert_true(WIFEXITED(status));
			assert_int_equal(WEXITSTATUS(status), 0);
		}
		assert_int_equal(count("SELECT count(*) FROM documents"), 4);
		assert_int_equal(count("PRAGMA user_version"), CR_SCHEMA_VERSION);
	}
}

static void test_another_programs_database_is_left_alone(void **state)
{
	(void)state;
	exec_raw_create("CREATE TABLE accounts(id, balance)");
	cr_db *db;
	char err[256];
	assert_int_equal(cr_db_open(&db, path, false, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a corrob database"));
	assert_int_equal(count("SELECT count(*) FROM sqlite_master"), 1);
	assert_int_equal(cr_db_open(&db, path, true, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a corrob database"));
	/* nor one that keeps nothing */
	assert_int_equal(cr_db_open(&db, ":memory:", false, err, sizeof err), -1);
	assert_int_equal(cr_db_open(&db, "", false, err, sizeof err), -1);
}

static void test_a_file_is_known_by_its_content(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	assert_int_equal(cr_db_file_size_known(db, 120), 0);
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_note_file(db, "0123456789abcdef", 120, "a.txt"), 0);
	assert_int_equal(cr_db_commit(db), 0);
	assert_int_equal(cr_db_file_size_known(db, 120), 1);
	assert_int_equal(cr_db_file_seen(db, "0123456789abcdef", 120), 1);
	assert_int_equal(cr_db_file_seen(db, "0123456789abcdee", 120), 0);   /* rewritten, same size */
	assert_int_equal(cr_db_file_seen(db, "0123456789abcdef", 121), 0);
	/* noted in a batch that is rolled back: not read */
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_note_file(db, "fedcba9876543210", 7, "b.txt"), 0);
	cr_db_rollback(db);
	assert_int_equal(cr_db_file_seen(db, "fedcba9876543210", 7), 0);
	cr_db_close(db);
}

static void test_a_source_with_no_outlet_is_one_source(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document d;
	int64_t id;
	make_doc(&d, "An article with no outlet and no URL.");
	d.path = (char *)"-";
	assert_int_equal(cr_db_put_document(db, &d, &id), 1);
	assert_int_equal(cr_db_put_document(db, &d, &id), 0);
	assert_int_equal(cr_db_put_document(db, &d, &id), 0);
	assert_int_equal(count("SELECT count(*) FROM document_sources"), 1);
	cr_db_close(db);
}

static void test_a_reference_names_one_document_or_is_refused(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document a, b;
	int64_t ia, ib, id;
	/* two texts whose hashes share their first hex digit, a letter */
	char ta[64], tb[64], ha[CR_SHA256_HEX];
	int i = 0;
	for (;; i++) {
		snprintf(ta, sizeof ta, "Article %d.", i);
		cr_sha256_hex(ta, strlen(ta), ha);
		if (ha[0] >= 'a')
			break;
	}
	for (int k = i + 1;; k++) {
		char hb[CR_SHA256_HEX];
		snprintf(tb, sizeof tb, "Article %d.", k);
		cr_sha256_hex(tb, strlen(tb), hb);
		if (hb[0] == ha[0])
			break;
	}
	make_doc(&a, ta);
	make_doc(&b, tb);
	a.path = (char *)"a.txt";
	b.path = (char *)"b.txt";
	assert_int_equal(cr_db_put_document(db, &a, &ia), 1);
	assert_int_equal(cr_db_put_document(db, &b, &ib), 1);
	char one[2] = {ha[0], 0};
	assert_int_equal(cr_db_find_document(&id, db, one), CR_DB_AMBIGUOUS);
	assert_non_null(strstr(cr_db_errmsg(db), "d1, d2"));
	assert_int_equal(cr_db_find_document(&id, db, a.hash), 0);
	assert_int_equal(id, ia);
	assert_int_equal(cr_db_find_document(&id, db, "b.txt"), 0);
	assert_int_equal(id, ib);
	const char *none[] = {"", "%", "_", "a%", "zz", "d0", "3"};
	for (size_t k = 0; k < CR_ARRAY_LEN(none); k++)
		assert_int_equal(cr_db_find_document(&id, db, none[k]), CR_DB_NOTFOUND);
	cr_db_close(db);
}

static int32_t day(const char *s)
{
	int32_t d;
	assert_true(cr_day_parse(s, &d));
	return d;
}

/* Two documents, the second with two sentences; returns the second's id. */
static int64_t put_two(cr_db *db, cr_document *a, cr_document *b)
{
	const char *t = "The mayor resigned. A bridge collapsed in the storm.";
	make_doc(a, "An earlier article.");
	make_doc(b, t);
	a->path = (char *)"one.txt";
	b->path = (char *)"two.txt";
	b->outlet = (char *)"Paper";
	b->published.earliest = b->published.latest = day("2022-03-25");
	int64_t ia, ib;
	assert_int_equal(cr_db_put_document(db, a, &ia), 1);
	assert_int_equal(cr_db_put_document(db, b, &ib), 1);
	cr_span paras[1] = {{0, (uint32_t)strlen(t)}};
	cr_span sents[2] = {{0, 19}, {20, (uint32_t)strlen(t)}};
	uint32_t sp[2] = {0, 0};
	assert_int_equal(cr_db_put_segments(db, ib, t, paras, 1, sents, sp, 2), 0);
	return ib;
}

typedef struct seen {
	int64_t ids[4];
	size_t nsent[4];
	int n;
} seen;

static int note_document(void *ud, const cr_db_document *d)
{
	seen *s = ud;
	s->ids[s->n] = d->id;
	s->nsent[s->n] = d->nsentences;
	assert_int_equal(d->len, strlen(d->text));
	return ++s->n == 4;
}

static void test_documents_are_read_back_in_id_order_and_found_by_reference(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document a, b;
	int64_t ib = put_two(db, &a, &b);
	seen s = {0};
	assert_int_equal(cr_db_each_document(db, note_document, &s), 0);
	assert_int_equal(s.n, 2);
	assert_true(s.ids[0] < s.ids[1]);
	assert_int_equal(s.nsent[0], 0);
	assert_int_equal(s.nsent[1], 2);

	int64_t id;
	char ref[32];
	snprintf(ref, sizeof ref, "d%lld", (long long)ib);
	assert_int_equal(cr_db_find_document(&id, db, ref), 0);
	assert_int_equal(id, ib);
	assert_int_equal(cr_db_find_document(&id, db, "two.txt"), 0);
	assert_int_equal(id, ib);
	char prefix[16]; /* a prefix of digits alone would be read as an id */
	snprintf(prefix, sizeof prefix, "%.15s", b.hash);
	assert_int_equal(cr_db_find_document(&id, db, prefix), 0);
	assert_int_equal(id, ib);
	assert_int_equal(cr_db_find_document(&id, db, "d99"), CR_DB_NOTFOUND);
	assert_int_equal(cr_db_find_document(&id, db, "three.txt"), CR_DB_NOTFOUND);

	cr_db_document d;
	assert_int_equal(cr_db_read_document(&d, db, ib), 0);
	assert_string_equal(d.path, "two.txt");
	assert_string_equal(d.outlet, "Paper");
	assert_null(d.url);
	assert_string_equal(d.text, b.text);
	assert_int_equal(d.published.earliest, day("2022-03-25"));
	assert_false(d.published_inferred);
	assert_int_equal(d.nsentences, 2);
	cr_db_document_clear(&d);
	assert_int_equal(cr_db_read_document(&d, db, 99), CR_DB_NOTFOUND);
	cr_db_close(db);
}

typedef struct hits {
	int n;
	int64_t doc;
	size_t sentence;
	char snippet[128];
} hits;

static int note_hit(void *ud, const cr_db_hit *h)
{
	hits *x = ud;
	x->n++;
	x->doc = h->doc_id;
	x->sentence = h->sentence;
	snprintf(x->snippet, sizeof x->snippet, "%s", h->snippet);
	return 0;
}

static void test_search_hands_on_marked_hits_and_refuses_a_query_with_no_word(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document a, b;
	int64_t ib = put_two(db, &a, &b);
	hits x = {0};
	assert_int_equal(cr_db_search(db, "bridge", "<", ">", 10, note_hit, &x), 0);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.doc, ib);
	assert_int_equal(x.sentence, 1);
	assert_non_null(strstr(x.snippet, "<bridge>"));
	memset(&x, 0, sizeof x);
	assert_int_equal(cr_db_search(db, "*", "<", ">", 10, note_hit, &x), CR_DB_EQUERY);
	assert_int_equal(x.n, 0);
	assert_true(cr_db_errmsg(db)[0] != 0);
	cr_db_close(db);
}

/* The full-text index agrees with the sentences, row for row (FTS5's own
 * check against its content table), through a connection of the test's. */
static void assert_index_matches_sentences(void)
{
	exec_raw("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)");
	assert_int_equal(count("SELECT count(*) FROM sentences_fts_docsize"), count("SELECT count(*) FROM sentences"));
}

/* Two sentences of t stored for document id (spans as in put_two). */
static void put_sentences(cr_db *db, int64_t id, const char *t, uint32_t first_end)
{
	cr_span paras[1] = {{0, (uint32_t)strlen(t)}};
	cr_span sents[2] = {{0, first_end}, {first_end + 1, (uint32_t)strlen(t)}};
	uint32_t sp[2] = {0, 0};
	assert_int_equal(cr_db_put_segments(db, id, t, paras, 1, sents, sp, 2), 0);
}

/* Schema 8 indexes a batch's sentences once, at its commit: a search inside
 * the batch still finds them, a document's sentences replaced inside the
 * batch leave no stale terms, a batch rolled back leaves none, and other
 * connections find the batch once it commits. */
static void test_a_batch_is_searchable_before_and_after_its_commit(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	assert_int_equal(count("SELECT count(*) FROM sqlite_master WHERE name = 'sentences_ai'"), 0);
	cr_document a, b, c;
	const char *ta = "The mayor resigned. A bridge collapsed in the storm.";
	const char *tb = "Floods closed the harbour. The ferry was cancelled.";
	make_doc(&a, ta);
	make_doc(&b, tb);
	int64_t ia, ib, ic;
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_put_document(db, &a, &ia), 1);
	put_sentences(db, ia, ta, 19);
	hits x = {0};
	assert_int_equal(cr_db_search(db, "bridge", "<", ">", 10, note_hit, &x), 0);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.doc, ia);
	/* written after the search, and stored twice: indexed once, at commit */
	assert_int_equal(cr_db_put_document(db, &b, &ib), 1);
	put_sentences(db, ib, tb, 26);
	put_sentences(db, ib, tb, 26);
	memset(&x, 0, sizeof x);
	assert_int_equal(cr_db_search(db, "ferry", "<", ">", 10, note_hit, &x), 0);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.doc, ib);
	assert_int_equal(x.sentence, 1);
	assert_int_equal(cr_db_commit(db), 0);
	assert_int_equal(count("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'harbour OR bridge'"), 2);
	assert_index_matches_sentences();
	/* a batch rolled back takes its sentences and leaves the index as it was */
	make_doc(&c, "Lost words vanished. Nothing remained here.");
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_put_document(db, &c, &ic), 1);
	put_sentences(db, ic, c.text, 20);
	cr_db_rollback(db);
	assert_int_equal(count("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'vanished'"), 0);
	/* the next batch indexes from its own first sentence on */
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_put_document(db, &c, &ic), 1);
	put_sentences(db, ic, c.text, 20);
	assert_int_equal(cr_db_commit(db), 0);
	assert_int_equal(count("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'vanished'"), 1);
	assert_index_matches_sentences();
	cr_db_close(db);
}

/* A schema-7 store (sentences indexed by a trigger as they were inserted)
 * loses the trigger and keeps its index; what is stored after is indexed
 * by batch. */
static void test_a_version_7_store_keeps_its_index_and_indexes_by_batch(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_db_close(db);
	exec_raw("CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN"
	         " INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END;"
	         " INSERT INTO documents(id, hash, path, text) VALUES (3, 'h', 'old.txt', 'An old quake report.');"
	         " INSERT INTO sentences(doc_id, idx, paragraph, start, \"end\", text)"
	         " VALUES (3, 0, 0, 0, 20, 'An old quake report.'); PRAGMA user_version = 7");
	assert_int_equal(count("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'quake'"), 1);
	db = open_rw();
	assert_int_equal(count("PRAGMA user_version"), CR_SCHEMA_VERSION);
	assert_int_equal(count("SELECT count(*) FROM sqlite_master WHERE name = 'sentences_ai'"), 0);
	cr_document d;
	const char *t = "A new quake struck. The town was evacuated.";
	make_doc(&d, t);
	int64_t id;
	assert_int_equal(cr_db_begin(db), 0);
	assert_int_equal(cr_db_put_document(db, &d, &id), 1);
	put_sentences(db, id, t, 19);
	assert_int_equal(cr_db_commit(db), 0);
	hits x = {0};
	assert_int_equal(cr_db_search(db, "quake", "<", ">", 10, note_hit, &x), 0);
	assert_int_equal(x.n, 2);
	cr_db_close(db);
	assert_index_matches_sentences();
}

typedef struct rows {
	int n;
	char line[256];
} rows;

static int note_claim(void *ud, const cr_db_claim *c)
{
	rows *r = ud;
	r->n++;
	snprintf(r->line, sizeof r->line, "%s|%s|%s|%s|%s|%s", c->id, c->subject_name, c->predicate, c->value_text,
	         c->modality, c->quote);
	return 0;
}

static int note_entity(void *ud, const cr_db_entity *e)
{
	rows *r = ud;
	r->n++;
	snprintf(r->line, sizeof r->line, "%s|%s|%s|%s|%s|%lld", e->id, e->type, e->name, e->aliases_json,
	         e->documents_json, (long long)e->mentions);
	return 0;
}

static void test_a_ledger_is_stored_and_read_back(void **state)
{
	(void)state;
	cr_db *db = open_rw();
	cr_document a, b;
	int64_t ib = put_two(db, &a, &b);
	cr_docinfo docs[1] = {{.id = ib, .text = b.text, .len = b.len, .inferred = true,
	                       .published = {day("2022-03-25"), day("2022-03-31")}}};
	char *aliases[1] = {(char *)"the mayor"};
	size_t edocs[1] = {0};
	cr_gentity ents[1] = {{.type = CR_E_PERSON, .name = (char *)"Mayor", .aliases = aliases, .naliases = 1,
	                       .docs = edocs, .ndocs = 1, .mentions = 2}};
	cr_claim claims[1] = {{.doc = 0, .subject_kind = CR_SUBJ_ENTITY, .subject = 0, .predicate = "resigned",
	                        .value_text = (char *)"yes", .value_entity = -1, .value_event = -1,
	                        .value_time = {CR_DAY_NONE, CR_DAY_NONE}, .source = -1,
	                        .modality = CR_MODAL_ASSERTED, .start = 0, .end = 19}};
	cr_ledger l = {.docs = docs, .ndocs = 1, .entities = ents, .nentities = 1, .claims = claims, .nclaims = 1};
	assert_int_equal(cr_db_store_ledger(db, &l), 0);
	/* a second run replaces the first */
	assert_int_equal(cr_db_store_ledger(db, &l), 0);

	rows r = {0};
	assert_int_equal(cr_db_each_entity(db, NULL, note_entity, &r), 0);
	assert_int_equal(r.n, 1);
	char want[128];
	snprintf(want, sizeof want, "e1|person|Mayor|[\"the mayor\"]|[\"d%lld\"]|2", (long long)ib);
	assert_string_equal(r.line, want);
	memset(&r, 0, sizeof r);
	assert_int_equal(cr_db_each_entity(db, "d99", note_entity, &r), 0);
	assert_int_equal(r.n, 0);

	cr_db_claim_filter f = {.entity = "the mayor"};
	memset(&r, 0, sizeof r);
	assert_int_equal(cr_db_each_claim(db, &f, note_claim, &r), 0);
	assert_int_equal(r.n, 1);
	assert_string_equal(r.line, "c1|Mayor|resigned|yes|asserted|The mayor resigned.");
	f = (cr_db_claim_filter){.predicate = "killed"};
	memset(&r, 0, sizeof r);
	assert_int_equal(cr_db_each_claim(db, &f, note_claim, &r), 0);
	assert_int_equal(r.n, 0);

	/* the inferred publication date is recorded as inferred */
	cr_db_document d;
	assert_int_equal(cr_db_read_document(&d, db, ib), 0);
	assert_int_equal(d.published.earliest, day("2022-03-25"));
	assert_int_equal(d.published.latest, day("2022-03-31"));
	assert_true(d.published_inferred);
	cr_db_document_clear(&d);
	cr_db_close(db);
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
		cmocka_unit_test_setup_teardown(test_a_version_4_store_gains_warc_provenance, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_version_5_store_is_rehashed_by_sha256_and_keeps_its_rows, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_an_old_store_gains_each_documents_language, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_different_text_with_the_same_hash_is_a_new_document, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_copy_from_another_outlet_is_one_document_with_two_sources, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_only_open_of_a_foreign_file_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_documents_are_read_back_in_id_order_and_found_by_reference, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_search_hands_on_marked_hits_and_refuses_a_query_with_no_word, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_batch_is_searchable_before_and_after_its_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_version_7_store_keeps_its_index_and_indexes_by_batch, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_a_ledger_is_stored_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_four_processes_creating_one_store_at_once_all_succeed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_another_programs_database_is_left_alone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_file_is_known_by_its_content, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_source_with_no_outlet_is_one_source, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_reference_names_one_document_or_is_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
