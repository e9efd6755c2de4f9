/*
 * ledger.c: the results of a run as tables — entities, events, claims and
 * findings, rewritten whole by each run in one transaction, with the ids
 * the report uses ("e1", "v1", "c1", "f1"; lists of them as JSON arrays) —
 * and read back for `corrob claims` (and its predicates), `corrob
 * entities`, `corrob events` and `corrob findings`. See db.h.
 */
#include "store/internal.h"

#include <jansson.h>
#include <stdlib.h>

static json_t *id_array(char prefix, const size_t *xs, size_t n, const cr_ledger *l, bool docs)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		char s[32];
		snprintf(s, sizeof s, "%c%lld", prefix, docs ? (long long)l->docs[xs[i]].id : (long long)xs[i] + 1);
		json_array_append_new(a, json_string(s));
	}
	return a;
}

/* Binds j as compact JSON text and releases it. */
static void bind_json(sqlite3_stmt *st, int i, json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT);
	sqlite3_bind_text(st, i, s, -1, free);
	json_decref(j);
}

/* Steps an INSERT, then resets it and clears its bindings (a column left
 * unbound in the next row is NULL); 0 or db_fail. */
static int insert_row(cr_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : cr_db_fail(db);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

static int put_entities(cr_db *db, const cr_ledger *l)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "INSERT INTO entities(id, type, name, aliases, documents, mentions) VALUES (?,?,?,?,?,?)") < 0)
		return CR_DB_ERROR;
	int rc = 0;
	char id[32];
	for (size_t i = 0; rc == 0 && i < l->nentities; i++) {
		const cr_gentity *e = &l->entities[i];
		snprintf(id, sizeof id, "e%zu", i + 1);
		bind_text(st, 1, id);
		bind_text(st, 2, cr_etype_names[e->type]);
		bind_text(st, 3, e->name);
		json_t *al = json_array();
		for (size_t k = 0; k < e->naliases; k++)
			json_array_append_new(al, json_string(e->aliases[k]));
		bind_json(st, 4, al);
		bind_json(st, 5, id_array('d', e->docs, e->ndocs, l, true));
		sqlite3_bind_int64(st, 6, (sqlite3_int64)e->mentions);
		rc = insert_row(db, st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int put_events(cr_db *db, const cr_ledger *l)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?)") < 0)
		return CR_DB_ERROR;
	int rc = 0;
	char id[32], place[32];
	for (size_t i = 0; rc == 0 && i < l->nevents; i++) {
		const cr_gevent *v = &l->events[i];
		snprintf(id, sizeof id, "v%zu", i + 1);
		snprintf(place, sizeof place, "e%d", v->place + 1);
		bind_text(st, 1, id);
		bind_text(st, 2, v->type);
		bind_text(st, 3, v->label);
		bind_text(st, 4, v->place >= 0 ? place : NULL);
		if (cr_range_known(v->time) && v->time.earliest == v->time.latest)
			bind_day(st, 5, v->time.earliest);
		bind_day(st, 6, v->time.earliest);
		bind_day(st, 7, v->time.latest);
		bind_json(st, 8, id_array('d', v->docs, v->ndocs, l, true));
		rc = insert_row(db, st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int put_claims(cr_db *db, const cr_ledger *l)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") < 0)
		return CR_DB_ERROR;
	int rc = 0;
	char id[32], subj[32], val[32], src[32];
	for (size_t i = 0; rc == 0 && i < l->nclaims; i++) {
		const cr_claim *cl = &l->claims[i];
		const cr_docinfo *d = &l->docs[cl->doc];
		bool on_event = cl->subject_kind == CR_SUBJ_EVENT;
		snprintf(id, sizeof id, "c%zu", i + 1);
		snprintf(subj, sizeof subj, "%c%d", on_event ? 'v' : 'e', cl->subject + 1);
		bind_text(st, 1, id);
		sqlite3_bind_int64(st, 2, d->id);
		bind_text(st, 3, subj);
		bind_text(st, 4, on_event ? l->events[cl->subject].label : l->entities[cl->subject].name);
		bind_text(st, 5, cl->predicate);
		bind_text(st, 6, cl->value_text);
		if (cl->has_number && cl->has_low)
			sqlite3_bind_double(st, 7, cl->low);
		if (cl->has_number && cl->has_high)
			sqlite3_bind_double(st, 8, cl->high);
		if (cl->value_event >= 0)
			snprintf(val, sizeof val, "v%d", cl->value_event + 1);
		else
			snprintf(val, sizeof val, "e%d", cl->value_entity + 1);
		bind_text(st, 9, cl->value_event >= 0 || cl->value_entity >= 0 ? val : NULL);
		bind_text(st, 10, cl->time_value);
		bind_day(st, 11, cl->value_time.earliest);
		bind_day(st, 12, cl->value_time.latest);
		snprintf(src, sizeof src, "e%d", cl->source + 1);
		bind_text(st, 13, cl->source >= 0 ? src : NULL);
		bind_text(st, 14, cl->attribution);
		bind_text(st, 15, cr_modality_names[cl->modality]);
		sqlite3_bind_int64(st, 16, cl->start);
		sqlite3_bind_int64(st, 17, cl->end);
		sqlite3_bind_text(st, 18, d->text + cl->start, (int)(cl->end - cl->start), SQLITE_TRANSIENT);
		rc = insert_row(db, st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int put_findings(cr_db *db, const cr_ledger *l)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "INSERT INTO findings VALUES (?,?,?,?,?,?,?,?)") < 0)
		return CR_DB_ERROR;
	int rc = 0;
	char id[32], subj[32];
	for (size_t i = 0; rc == 0 && i < l->nfindings; i++) {
		const cr_finding *f = &l->findings[i];
		snprintf(id, sizeof id, "f%zu", i + 1);
		snprintf(subj, sizeof subj, "%c%d", f->subject_kind == CR_SUBJ_EVENT ? 'v' : 'e', f->subject + 1);
		bind_text(st, 1, id);
		bind_text(st, 2, cr_finding_kind_names[f->kind]);
		bind_text(st, 3, subj);
		bind_text(st, 4, f->predicate);
		bind_json(st, 5, id_array('c', f->claims, f->nclaims, l, false));
		sqlite3_bind_int64(st, 6, (sqlite3_int64)f->outlets);
		sqlite3_bind_int64(st, 7, (sqlite3_int64)f->originators);
		bind_text(st, 8, f->explanation);
		rc = insert_row(db, st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int put_results_of(cr_db *db, const cr_ledger *l)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st, "INSERT OR REPLACE INTO results_of(id, documents, last_document) VALUES (1, ?, ?)") < 0)
		return CR_DB_ERROR;
	int64_t last = 0;
	for (size_t i = 0; i < l->ndocs; i++)
		last = l->docs[i].id > last ? l->docs[i].id : last;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)l->ndocs);
	sqlite3_bind_int64(st, 2, last);
	int rc = insert_row(db, st);
	sqlite3_finalize(st);
	return rc;
}

int cr_db_results_age(cr_db *db, int64_t *of, int64_t *now)
{
	*of = -1;
	*now = 0;
	sqlite3_stmt *st;
	const char *sql = db->version >= 4 ? "SELECT (SELECT documents FROM results_of), (SELECT count(*) FROM documents)"
	                                   : "SELECT NULL, (SELECT count(*) FROM documents)";
	if (db_prepare(db, &st, sql) < 0)
		return CR_DB_ERROR;
	int rc = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			*of = sqlite3_column_int64(st, 0);
		*now = sqlite3_column_int64(st, 1);
	} else {
		rc = cr_db_fail(db);
	}
	sqlite3_finalize(st);
	return rc;
}

int cr_db_store_ledger(cr_db *db, const cr_ledger *l)
{
	if (cr_db_begin(db) < 0)
		return CR_DB_ERROR;
	int rc = cr_db_exec(db, "DELETE FROM entities; DELETE FROM events; DELETE FROM claims; DELETE FROM findings;");
	for (size_t i = 0; rc == 0 && i < l->ndocs; i++)
		if (l->docs[i].inferred)
			rc = cr_db_set_published(db, l->docs[i].id, l->docs[i].published, true);
	if (rc == 0)
		rc = put_entities(db, l);
	if (rc == 0)
		rc = put_events(db, l);
	if (rc == 0)
		rc = put_claims(db, l);
	if (rc == 0)
		rc = put_findings(db, l);
	if (rc == 0)
		rc = put_results_of(db, l);
	if (rc == 0)
		rc = cr_db_commit(db);
	if (rc < 0) {
		cr_db_rollback(db);
		return CR_DB_ERROR;
	}
	return 0;
}

/* The claims a cr_db_claim_filter passes, bound as ?1 (doc), ?2
 * (predicate) and ?3 (the entity's LIKE pattern, entity_pattern): the
 * entities whose name or an alias (hyphens as spaces) has a word that
 * starts what was asked, and the claims about them or naming them. */
#define CLAIM_FILTER_SQL                                                                                     \
	"WITH m(id) AS (SELECT e.id FROM entities e WHERE ?3 IS NOT NULL"                                    \
	"  AND (' ' || replace(e.name, '-', ' ') LIKE ?3 ESCAPE '\\'"                                        \
	"       OR EXISTS (SELECT 1 FROM json_each(e.aliases)"                                               \
	"                  WHERE ' ' || replace(value, '-', ' ') LIKE ?3 ESCAPE '\\')))"                     \
	" SELECT %s FROM claims c"                                                                           \
	" WHERE (?1 IS NULL OR 'd' || c.doc_id = ?1 OR c.doc_id = ?1)"                                       \
	" AND (?2 IS NULL OR c.predicate = ?2)"                                                              \
	" AND (?3 IS NULL OR c.subject IN (SELECT id FROM m) OR c.value_entity IN (SELECT id FROM m)) %s"

/* "% " and the name with LIKE's % _ and \ behind a backslash and hyphens as
 * spaces, then "%": a name that a word of the entity's starts. The
 * caller frees it; NULL for NULL. */
static char *entity_pattern(const char *name)
{
	if (!name)
		return NULL;
	cr_buf b = {0};
	cr_buf_puts(&b, "% ");
	for (const char *p = name; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			cr_buf_putc(&b, '\\');
		cr_buf_putc(&b, *p == '-' ? ' ' : *p);
	}
	cr_buf_putc(&b, '%');
	return cr_buf_detach(&b);
}

/* Prepares "SELECT columns" over the claims f passes, then tail (ORDER
 * BY, GROUP BY), bound; 0 or CR_DB_ERROR. */
static int prepare_claims(cr_db *db, sqlite3_stmt **st, const char *columns, const char *tail,
                          const cr_db_claim_filter *f)
{
	cr_buf sql = {0};
	cr_buf_printf(&sql, CLAIM_FILTER_SQL, columns, tail);
	int rc = db_prepare(db, st, sql.data);
	cr_buf_free(&sql);
	if (rc < 0)
		return CR_DB_ERROR;
	char *pattern = entity_pattern(f ? f->entity : NULL);
	bind_text(*st, 1, f ? f->doc : NULL);
	bind_text(*st, 2, f ? f->predicate : NULL);
	bind_text(*st, 3, pattern);
	free(pattern);
	return 0;
}

int cr_db_each_claim(cr_db *db, const cr_db_claim_filter *f, cr_db_claim_cb cb, void *ud)
{
	sqlite3_stmt *st;
	if (prepare_claims(db, &st,
	                   "c.id, c.doc_id, c.subject_name, c.predicate, c.value_text, c.modality,"
	                   " c.attribution_text, c.quote",
	                   "ORDER BY CAST(substr(c.id, 2) AS INTEGER)", f) < 0)
		return CR_DB_ERROR;
	int step = SQLITE_DONE, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		cr_db_claim c = {col_text(st, 0), sqlite3_column_int64(st, 1), col_text(st, 2), col_text(st, 3),
		                 col_text(st, 4), col_text(st, 5), col_text(st, 6), col_text(st, 7)};
		rc = cb(ud, &c);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}

int cr_db_each_claim_predicate(cr_db *db, const cr_db_claim_filter *f, cr_db_count_cb cb, void *ud)
{
	sqlite3_stmt *st;
	if (prepare_claims(db, &st, "c.predicate, count(*)", "GROUP BY c.predicate ORDER BY count(*) DESC, c.predicate",
	                   f) < 0)
		return CR_DB_ERROR;
	int step = SQLITE_DONE, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		cr_db_count c = {col_text(st, 0), sqlite3_column_int64(st, 1)};
		rc = cb(ud, &c);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}

int cr_db_each_entity(cr_db *db, const char *doc, cr_db_entity_cb cb, void *ud)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st,
	               "SELECT id, type, name, aliases, documents, mentions FROM entities"
	               " WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM json_each(documents) WHERE value = ?1 OR value = 'd' || ?1)"
	               " ORDER BY CAST(substr(id, 2) AS INTEGER)") < 0)
		return CR_DB_ERROR;
	bind_text(st, 1, doc);
	int step = SQLITE_DONE, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		cr_db_entity e = {col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3), col_text(st, 4),
		                  sqlite3_column_int64(st, 5)};
		rc = cb(ud, &e);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}

int cr_db_each_event(cr_db *db, cr_db_event_cb cb, void *ud)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st,
	               "SELECT v.id, v.type, v.label, (SELECT e.name FROM entities e WHERE e.id = v.place),"
	               " v.time_earliest, v.time_latest, v.documents FROM events v"
	               " ORDER BY CAST(substr(v.id, 2) AS INTEGER)") < 0)
		return CR_DB_ERROR;
	int step = SQLITE_DONE, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		cr_db_event v = {col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3),
		                 {col_day(st, 4), col_day(st, 5)}, col_text(st, 6)};
		rc = cb(ud, &v);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}

int cr_db_each_finding(cr_db *db, const char *kind, cr_db_finding_cb cb, void *ud)
{
	sqlite3_stmt *st;
	if (db_prepare(db, &st,
	               "SELECT f.id, f.kind, f.subject, coalesce((SELECT v.label FROM events v WHERE v.id = f.subject),"
	               " (SELECT e.name FROM entities e WHERE e.id = f.subject)), f.predicate, f.claims, f.outlets,"
	               " f.originators, f.explanation FROM findings f WHERE ?1 IS NULL OR f.kind = ?1"
	               " ORDER BY CAST(substr(f.id, 2) AS INTEGER)") < 0)
		return CR_DB_ERROR;
	bind_text(st, 1, kind);
	int step = SQLITE_DONE, rc = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		cr_db_finding f = {col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3), col_text(st, 4),
		                   col_text(st, 5), sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7),
		                   col_text(st, 8)};
		rc = cb(ud, &f);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = cr_db_fail(db);
	sqlite3_finalize(st);
	return rc;
}
