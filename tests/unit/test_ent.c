/*
 * test_ent.c: entities across documents through the whole pipeline (segment,
 * recognize, extract, resolve) on texts written for these tests: an older
 * English spelling of a city and the city's own name are one place, a city's
 * name the tagger read as a person's is the place, and a person named with
 * that word stays a person; an acronym joins the one name of no type it
 * abbreviates (hand-built analyses).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "extract/analysis.h"
#include "resolve/resolve.h"

#define MAXD 4

typedef struct cluster {
	cr_docinfo docs[MAXD];
	cr_analysis an[MAXD];
	size_t n;
	cr_ledger l;
} cluster;

static cr_extractor *X;

static void add_doc(cluster *c, const char *text)
{
	cr_docinfo *d = &c->docs[c->n];
	memset(d, 0, sizeof *d);
	d->id = (int64_t)c->n + 1;
	d->outlet = c->n % 2 ? "b.example" : "a.example";
	d->text = text;
	d->len = strlen(text);
	d->published.earliest = d->published.latest = CR_DAY_NONE;
	cr_dayrange none = {CR_DAY_NONE, CR_DAY_NONE};
	assert_int_equal(cr_analyze(&c->an[c->n], X, text, strlen(text), none), 0);
	c->n++;
}

static void free_cluster(cluster *c)
{
	cr_ledger_free(&c->l);
	for (size_t i = 0; i < c->n; i++)
		cr_analysis_free(&c->an[i]);
}

/* The ledger entity with this alias, or -1. */
static int entity_named(const cr_ledger *l, const char *alias)
{
	for (size_t i = 0; i < l->nentities; i++)
		for (size_t k = 0; k < l->entities[i].naliases; k++)
			if (strcmp(l->entities[i].aliases[k], alias) == 0)
				return (int)i;
	return -1;
}

static void test_old_spelling_of_a_city_is_the_city(void **state)
{
	(void)state;
	cluster c = {0};
	add_doc(&c, "The ferry line between Tunis and Marseilles was closed on Monday after a storm.\n");
	add_doc(&c, "Storm damage closed the port of the French city of Marseille, officials said.\n");
	cr_resolve(&c.l, c.docs, c.an, c.n);
	int a = entity_named(&c.l, "Marseilles"), b = entity_named(&c.l, "Marseille");
	assert_true(a >= 0 && b >= 0);
	assert_int_equal(a, b);
	assert_int_equal(c.l.entities[a].type, CR_E_PLACE);
	free_cluster(&c);
}

static void test_a_name_after_a_settlements_noun_is_a_place(void **state)
{
	(void)state;
	cluster c = {0};
	add_doc(&c, "Government troops killed 40 rebels near the air base of Tarkoum Aleb, the army said. Tarkoum Aleb was quiet.\n");
	add_doc(&c, "Rebels shelled the Tarkoum Aleb airstrip on Monday, a spokesman said.\n");
	add_doc(&c, "The hurried evacuation follows the capture of the air base at Tarkoum Aleb. Tarkoum Aleb fell on Sunday.\n");
	add_doc(&c, "The fall of Tarkoum Aleb left the rebels exposed, and Tarkoum Aleb is now held by the army.\n");
	cr_resolve(&c.l, c.docs, c.an, c.n);
	int a = entity_named(&c.l, "Tarkoum Aleb");
	assert_true(a >= 0);
	assert_int_equal(c.l.entities[a].type, CR_E_PLACE);
	free_cluster(&c);
}

/* a bearing from a name, a distance from it or a region in apposition are a place's */
static void test_a_name_with_a_bearing_or_a_distance_is_a_place(void **state)
{
	(void)state;
	cluster c = {0};
	add_doc(&c, "Rebels were seen 40 km northeast of Dorran Velk on Monday, the army said.\n");
	add_doc(&c, "Dorran Velk some 230 km (150 miles) north of the capital was quiet, a spokesman said.\n");
	add_doc(&c, "Sefra Lohm, central northern Valdor, is the site of a base. Troops camped near Kaspen Tolv.\n");
	cr_resolve(&c.l, c.docs, c.an, c.n);
	int a = entity_named(&c.l, "Dorran Velk"), b = entity_named(&c.l, "Sefra Lohm"), k = entity_named(&c.l, "Kaspen Tolv");
	assert_true(a >= 0 && b >= 0 && k >= 0);
	assert_int_equal(c.l.entities[a].type, CR_E_PLACE);
	assert_int_equal(c.l.entities[b].type, CR_E_PLACE);
	assert_int_equal(c.l.entities[k].type, CR_E_PLACE);
	free_cluster(&c);
}

/* "the island of X" and "X island" are a place's, whatever the tagger read;
 * "the Iranian island" leaves the nationality a nationality */
static void test_a_name_with_an_islands_noun_is_a_place(void **state)
{
	(void)state;
	cluster c = {0};
	add_doc(&c, "The consortium was already producing oil off the Greek island of Varnossos and would drill in the same area.\n");
	add_doc(&c, "The company had given up plans to search for oil in international waters east of Varnossos island, it said.\n");
	add_doc(&c, "An earthquake shook the Iranian island of Kestra on Sunday.\n");
	cr_resolve(&c.l, c.docs, c.an, c.n);
	int a = entity_named(&c.l, "Varnossos"), b = entity_named(&c.l, "Iranian");
	assert_true(a >= 0);
	assert_int_equal(c.l.entities[a].type, CR_E_PLACE);
	assert_true(b < 0 || c.l.entities[b].type != CR_E_PLACE);
	free_cluster(&c);
}

static void test_a_name_opened_by_mount_or_lake_is_a_place(void **state)
{
	(void)state;
	cluster c = {0};
	add_doc(&c, "The aircraft hit Mount Varnok, north of the capital. Two climbers died on Mt Sefrin.\n");
	add_doc(&c, "Doctors at Mount Tarvos Hospital treated the survivors.\n");
	cr_resolve(&c.l, c.docs, c.an, c.n);
	int a = entity_named(&c.l, "Mount Varnok"), b = entity_named(&c.l, "Mt Sefrin"), h = entity_named(&c.l, "Mount Tarvos Hospital");
	assert_true(a >= 0 && b >= 0 && h >= 0);
	assert_int_equal(c.l.entities[a].type, CR_E_PLACE);
	assert_int_equal(c.l.entities[b].type, CR_E_PLACE);
	assert_int_equal(c.l.entities[h].type, CR_E_ORG);
	free_cluster(&c);
}

static void test_a_person_named_like_a_city_stays_a_person(void **state)
{
	(void)state;
	cluster c = {0};
	add_doc(&c, "Mrs. Paris Ellwood, 31, said on Monday that she would return to the stage. Paris told reporters she had missed it.\n");
	cr_resolve(&c.l, c.docs, c.an, c.n);
	int e = entity_named(&c.l, "Paris Ellwood");
	assert_true(e >= 0);
	assert_int_equal(c.l.entities[e].type, CR_E_PERSON);
	int p = entity_named(&c.l, "Paris");
	assert_true(p < 0 || c.l.entities[p].type == CR_E_PERSON);
	free_cluster(&c);
}

/* A local entity of a hand-built analysis, named once. */
static void hand_entity(cluster *c, uint8_t type, const char *name)
{
	cr_analysis *a = &c->an[c->n - 1];
	a->entities = cr_xrealloc(a->entities, (a->nentities + 1) * sizeof *a->entities);
	cr_lentity *e = &a->entities[a->nentities++];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->name = cr_xstrdup(name);
	e->aliases = cr_xcalloc(1, sizeof *e->aliases);
	e->aliases[0] = (cr_alias){cr_xstrdup(name), 1, false, false};
	e->naliases = 1;
	e->mentions = 1;
}

static void hand_doc(cluster *c)
{
	cr_docinfo *d = &c->docs[c->n];
	memset(d, 0, sizeof *d);
	d->id = (int64_t)c->n + 1;
	d->outlet = c->n % 2 ? "b.example" : "a.example";
	d->text = "Some sentence.";
	d->len = strlen(d->text);
	d->published.earliest = d->published.latest = CR_DAY_NONE;
	memset(&c->an[c->n], 0, sizeof c->an[c->n]);
	c->n++;
}

static void test_a_name_without_its_place_and_a_spelling_of_it_join(void **state)
{
	(void)state;
	cluster c = {0};
	add_doc(&c, "The Organization for Security and Cooperation in Europe sent 40 observers to the vote.\n");
	add_doc(&c, "The Organisation for Security and Co-operation said the vote was flawed.\n");
	cr_resolve(&c.l, c.docs, c.an, c.n);
	int a = entity_named(&c.l, "Organization for Security and Cooperation in Europe");
	int b = entity_named(&c.l, "Organisation for Security and Co-operation");
	assert_true(a >= 0 && b >= 0);
	assert_int_equal(a, b);
	free_cluster(&c);
}

static void test_acronym_joins_a_name_of_no_type(void **state)
{
	(void)state;
	cluster c = {0};
	hand_doc(&c);
	hand_entity(&c, CR_E_OTHER, "Northern Rowing League");   /* the tagger gave it no type */
	hand_doc(&c);
	hand_entity(&c, CR_E_ORG, "NRL");
	hand_doc(&c);
	hand_entity(&c, CR_E_OTHER, "Baltic Cycling Union");
	hand_entity(&c, CR_E_ORG, "Baltic Coast Utilities");  /* two names it may abbreviate: "BCU" joins neither */
	hand_doc(&c);
	hand_entity(&c, CR_E_ORG, "BCU");
	cr_resolve(&c.l, c.docs, c.an, c.n);
	assert_int_equal(entity_named(&c.l, "NRL"), entity_named(&c.l, "Northern Rowing League"));
	assert_int_not_equal(entity_named(&c.l, "BCU"), entity_named(&c.l, "Baltic Cycling Union"));
	assert_int_not_equal(entity_named(&c.l, "BCU"), entity_named(&c.l, "Baltic Coast Utilities"));
	free_cluster(&c);
}

int main(void)
{
	char err[256];
	if (cr_extractor_new(&X, err, sizeof err) < 0) {
		print_error("%s\n", err);
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_old_spelling_of_a_city_is_the_city),
		cmocka_unit_test(test_a_person_named_like_a_city_stays_a_person),
		cmocka_unit_test(test_a_name_opened_by_mount_or_lake_is_a_place),
		cmocka_unit_test(test_a_name_after_a_settlements_noun_is_a_place),
		cmocka_unit_test(test_a_name_with_a_bearing_or_a_distance_is_a_place),
		cmocka_unit_test(test_a_name_with_an_islands_noun_is_a_place),
		cmocka_unit_test(test_a_name_without_its_place_and_a_spelling_of_it_join),
		cmocka_unit_test(test_acronym_joins_a_name_of_no_type),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	cr_extractor_free(X);
	return rc;
}
