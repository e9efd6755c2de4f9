/*
 * test_names.c: the name rules across documents (resolve/entities.c,
 * recognize/namekey.c) on hand-built per-document analyses, each with the
 * negative case that would fail if the rule over-fired.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "extract/analysis.h"
#include "recognize/namekey.h"
#include "resolve/resolve.h"

#define MAXD 8

typedef struct fixture {
	cr_docinfo docs[MAXD];
	cr_analysis an[MAXD];
	size_t n;
	cr_ledger l;
} fixture;

static void doc(fixture *f)
{
	cr_docinfo *d = &f->docs[f->n];
	memset(d, 0, sizeof *d);
	d->id = (int64_t)f->n + 1;
	d->outlet = "outlet";
	d->text = "Some sentence of evidence. Another sentence.";
	d->len = strlen(d->text);
	d->published.earliest = d->published.latest = CR_DAY_NONE;
	memset(&f->an[f->n], 0, sizeof f->an[f->n]);
	f->n++;
}

/* An entity of the last document, mentioned `mentions` times under its name
 * and, when given, NULL-terminated further aliases. */
static int entity_n(fixture *f, uint8_t type, uint32_t mentions, const char *name, ...)
{
	cr_analysis *a = &f->an[f->n - 1];
	a->entities = cr_xrealloc(a->entities, (a->nentities + 1) * sizeof *a->entities);
	cr_lentity *e = &a->entities[a->nentities];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->name = cr_xstrdup(name);
	e->aliases = cr_xcalloc(1, sizeof *e->aliases);
	e->aliases[0] = (cr_alias){cr_xstrdup(name), mentions, false, false};
	e->naliases = 1;
	e->mentions = mentions;
	va_list ap;
	va_start(ap, name);
	for (const char *s; (s = va_arg(ap, const char *));) {
		e->aliases = cr_xrealloc(e->aliases, (e->naliases + 1) * sizeof *e->aliases);
		e->aliases[e->naliases++] = (cr_alias){cr_xstrdup(s), 1, false, false};
	}
	va_end(ap);
	return (int)a->nentities++;
}

#define entity(f, type, name) entity_n(f, type, 1, name, (const char *)NULL)

static void resolve(fixture *f)
{
	cr_resolve(&f->l, f->docs, f->an, f->n);
}

static void teardown_fixture(fixture *f)
{
	cr_ledger_free(&f->l);
	for (size_t i = 0; i < f->n; i++)
		cr_analysis_free(&f->an[i]);
}

static int entity_named(const cr_ledger *l, const char *alias)
{
	for (size_t i = 0; i < l->nentities; i++)
		for (size_t k = 0; k < l->entities[i].naliases; k++)
			if (strcmp(l->entities[i].aliases[k], alias) == 0)
				return (int)i;
	return -1;
}

static void assert_same(const cr_ledger *l, const char *a, const char *b)
{
	int x = entity_named(l, a), y = entity_named(l, b);
	assert_true(x >= 0 && y >= 0);
	if (x != y)
		fail_msg("'%s' and '%s' are two entities", a, b);
}

static void assert_apart(const cr_ledger *l, const char *a, const char *b)
{
	int x = entity_named(l, a), y = entity_named(l, b);
	assert_true(x >= 0 && y >= 0);
	if (x == y)
		fail_msg("'%s' and '%s' are one entity", a, b);
}

/* One document's analysis of text, undated. */
static void analyze(cr_analysis *a, const char *text)
{
	cr_extractor *x;
	char err[256];
	assert_int_equal(cr_extractor_new(&x, err, sizeof err), 0);
	cr_dayrange none = {CR_DAY_NONE, CR_DAY_NONE};
	assert_int_equal(cr_analyze(a, x, text, strlen(text), none), 0);
	cr_extractor_free(x);
}

/* The local entity with that alias, or -1. */
static int local_named(const cr_analysis *a, const char *alias)
{
	for (size_t e = 0; e < a->nentities; e++)
		for (size_t k = 0; a->entities[e].mentions && k < a->entities[e].naliases; k++)
			if (strcmp(a->entities[e].aliases[k].text, alias) == 0)
				return (int)e;
	return -1;
}

static void test_a_description_is_no_alias(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity_n(&f, CR_E_PERSON, 2, "Ivan Petrenko", "The 47-year-old", "Colonel Ivan Petrenko", (const char *)NULL);
	resolve(&f);
	assert_true(entity_named(&f.l, "Ivan Petrenko") >= 0);
	assert_true(entity_named(&f.l, "Colonel Ivan Petrenko") >= 0);
	assert_int_equal(entity_named(&f.l, "The 47-year-old"), -1);
	assert_true(cr_is_description("a 33-year-old", 13));
	assert_false(cr_is_description("The Hague", 9));
	teardown_fixture(&f);
}

/* The local entity of the mention that starts where `words` first occurs in text, or -1. */
static int mention_entity(const cr_analysis *a, const char *text, const char *words)
{
	const char *p = strstr(text, words);
	for (size_t i = 0; p && i < a->nmentions; i++)
		if (a->mentions[i].kind == CR_SUBJ_ENTITY && a->mentions[i].start == (uint32_t)(p - text))
			return a->mentions[i].id;
	return -1;
}

static void test_a_nickname_mention_is_the_person(void **state)
{
	(void)state;
	static const char text[] = "Walter Brisby, the informant known as \"Night Owl\", died on Monday. "
	                           "For years Night Owl was the most famous source in the capital.";
	cr_analysis a;
	analyze(&a, text);
	int person = local_named(&a, "Walter Brisby");
	assert_true(person >= 0);
	assert_int_equal(mention_entity(&a, text, "Night Owl was"), person);
	cr_analysis_free(&a);
}

/* The type of the local entity with that alias, or -1. */
static int local_type(const cr_analysis *a, const char *alias)
{
	int e = local_named(a, alias);
	return e < 0 ? -1 : a->entities[e].type;
}

static void test_a_name_before_a_companys_noun_is_an_organisation(void **state)
{
	(void)state;
	cr_analysis a;
	analyze(&a, "A bomb threat was received by a Wells Fargo branch. Wells Fargo staff left. "
	            "Police went to the Philadelphia plant.");
	assert_int_equal(local_type(&a, "Wells Fargo"), CR_E_ORG);
	assert_int_equal(local_type(&a, "Philadelphia"), CR_E_PLACE);
	cr_analysis_free(&a);
}

static void test_a_name_ends_with_a_capitalised_word(void **state)
{
	(void)state;
	cr_analysis a;
	analyze(&a, "Workers of the Matanuska Maid corporation were laid off on Monday.");
	for (size_t e = 0; e < a.nentities; e++)
		for (size_t k = 0; k < a.entities[e].naliases; k++)
			assert_null(strstr(a.entities[e].aliases[k].text, "corporation"));
	cr_analysis_free(&a);
	char *g, *s, *x;
	cr_person_key_split("lo presti", &g, &s, &x);
	assert_null(g);
	assert_string_equal(s, "presti");
	free(s);
	cr_person_key_split("al quintero", &g, &s, &x);
	assert_string_equal(g, "al");   /* "Al" is a given name too */
	free(g), free(s);
}

static void test_given_name_nicknames_agree(void **state)
{
	(void)state;
	assert_true(cr_given_names_agree("bill", "william"));
	assert_true(cr_given_names_agree("william j", "bill"));
	assert_true(cr_given_names_agree("bill", "will"));   /* both William */
	assert_true(cr_given_names_agree("stanley", "stan"));
	assert_false(cr_given_names_agree("jerry", "jeremy"));
	assert_false(cr_given_names_agree("bill", "robert"));
}

static void test_nickname_and_full_name_are_one_person(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_PERSON, "Stanley Marsh");
	doc(&f);
	entity(&f, CR_E_PERSON, "Stan Marsh");
	doc(&f);
	entity(&f, CR_E_PERSON, "Jerry Marsh");
	doc(&f);
	entity(&f, CR_E_PERSON, "Jeremy Marsh");
	resolve(&f);
	assert_same(&f.l, "Stanley Marsh", "Stan Marsh");
	assert_apart(&f.l, "Jerry Marsh", "Jeremy Marsh");
	assert_apart(&f.l, "Stanley Marsh", "Jerry Marsh");
	teardown_fixture(&f);
}

static void test_an_organisations_short_name_joins_it(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_ORG, "Portland Gulls");
	entity(&f, CR_E_ORG, "Halvorsen Bank");
	doc(&f);
	entity(&f, CR_E_ORG, "Gulls");
	entity(&f, CR_E_ORG, "Halvorsen");
	entity(&f, CR_E_PLACE, "Portland");
	resolve(&f);
	assert_same(&f.l, "Portland Gulls", "Gulls");
	assert_same(&f.l, "Halvorsen Bank", "Halvorsen");
	assert_apart(&f.l, "Portland Gulls", "Portland");
	teardown_fixture(&f);
}

static void test_a_short_name_of_two_organisations_joins_neither(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_ORG, "Portland Gulls");
	doc(&f);
	entity(&f, CR_E_ORG, "Seattle Gulls");
	doc(&f);
	entity(&f, CR_E_ORG, "Gulls");
	resolve(&f);
	assert_apart(&f.l, "Portland Gulls", "Seattle Gulls");
	assert_apart(&f.l, "Gulls", "Portland Gulls");
	assert_apart(&f.l, "Gulls", "Seattle Gulls");
	teardown_fixture(&f);
}

/* Two documents that name the same two other entities: shared context. */
static void context(fixture *f)
{
	entity(f, CR_E_PLACE, "Bandar Kavir");
	entity(f, CR_E_ORG, "Red Crescent");
}

static void test_transliterations_join_with_shared_context(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_PERSON, "Heydar Talishbandi");
	entity(&f, CR_E_PLACE, "Hormozgan");
	entity(&f, CR_E_PERSON, "Rustam Dzhumakhanov");
	context(&f);
	doc(&f);
	entity(&f, CR_E_PERSON, "Heidar Talishvandi");
	entity(&f, CR_E_PLACE, "Hormuzgan");
	entity(&f, CR_E_PERSON, "Rustam Dzhumahanov");
	context(&f);
	doc(&f);
	entity(&f, CR_E_PERSON, "Mehdi Irannejad");
	context(&f);
	doc(&f);
	entity(&f, CR_E_PERSON, "Mehdi Iran-Nejad");
	context(&f);
	resolve(&f);
	assert_same(&f.l, "Heydar Talishbandi", "Heidar Talishvandi");
	assert_same(&f.l, "Hormozgan", "Hormuzgan");
	assert_same(&f.l, "Rustam Dzhumakhanov", "Rustam Dzhumahanov");   /* Kh written kh or h */
	assert_same(&f.l, "Mehdi Irannejad", "Mehdi Iran-Nejad");
	assert_apart(&f.l, "Heydar Talishbandi", "Mehdi Irannejad");
	teardown_fixture(&f);
}

static void test_similar_names_without_shared_context_stay_apart(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_PERSON, "Philip Hickok");
	entity(&f, CR_E_PLACE, "Dargahan");
	doc(&f);
	entity(&f, CR_E_PERSON, "Philip Hickock");
	entity(&f, CR_E_PLACE, "Dargehan");
	/* one document naming both: two people, whatever the context */
	doc(&f);
	entity(&f, CR_E_PERSON, "Marian Kowalik");
	entity(&f, CR_E_PERSON, "Marion Kowalik");
	context(&f);
	doc(&f);
	entity(&f, CR_E_PERSON, "Marian Kowalik");
	context(&f);
	resolve(&f);
	assert_apart(&f.l, "Philip Hickok", "Philip Hickock");
	assert_apart(&f.l, "Dargahan", "Dargehan");
	assert_apart(&f.l, "Marian Kowalik", "Marion Kowalik");
	assert_true(cr_name_distance("brownsville", "browsnville") == 1);
	teardown_fixture(&f);
}

static void test_the_clusters_acronym_table(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_ORG, "U.S. Geological Survey");
	doc(&f);
	entity(&f, CR_E_ORG, "USGS");
	doc(&f);
	entity(&f, CR_E_ORG, "United States Geological Survey");
	/* two organisations with the initials RCA: the acronym joins neither */
	doc(&f);
	entity(&f, CR_E_ORG, "Red Cross Association");
	doc(&f);
	entity(&f, CR_E_ORG, "Regional Council of Arts");
	doc(&f);
	entity(&f, CR_E_ORG, "RCA");
	resolve(&f);
	assert_same(&f.l, "U.S. Geological Survey", "USGS");
	assert_same(&f.l, "USGS", "United States Geological Survey");
	assert_apart(&f.l, "RCA", "Red Cross Association");
	assert_apart(&f.l, "RCA", "Regional Council of Arts");
	teardown_fixture(&f);
}

static void test_a_plural_possessive_is_the_same_name(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_ORG, "Wellbrook Magistrates' Court");
	doc(&f);
	entity(&f, CR_E_ORG, "Wellbrook Magistrates Court");
	doc(&f);
	entity(&f, CR_E_ORG, "Vexcor Corp.");
	doc(&f);
	entity(&f, CR_E_ORG, "Vexcor");
	resolve(&f);
	assert_same(&f.l, "Wellbrook Magistrates' Court", "Wellbrook Magistrates Court");
	assert_same(&f.l, "Vexcor Corp.", "Vexcor");
	teardown_fixture(&f);
}

static void test_another_name_of_an_organisation_is_a_key(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	int u = entity(&f, CR_E_ORG, "National Technical University of Athens");
	f.an[0].entities[u].aliases = cr_xrealloc(f.an[0].entities[u].aliases, 2 * sizeof(cr_alias));
	f.an[0].entities[u].aliases[1] = (cr_alias){cr_xstrdup("Polytechnic"), 1, true, false};
	f.an[0].entities[u].naliases = 2;
	doc(&f);
	entity(&f, CR_E_ORG, "Polytechnic");
	/* a person's nickname is no key: two people may be called it */
	doc(&f);
	int p = entity(&f, CR_E_PERSON, "Ivan Petrenko");
	f.an[2].entities[p].aliases = cr_xrealloc(f.an[2].entities[p].aliases, 2 * sizeof(cr_alias));
	f.an[2].entities[p].aliases[1] = (cr_alias){cr_xstrdup("The Hammer"), 1, true, false};
	f.an[2].entities[p].naliases = 2;
	doc(&f);
	entity(&f, CR_E_ORG, "The Hammer");
	resolve(&f);
	assert_same(&f.l, "National Technical University of Athens", "Polytechnic");
	/* the person and the organisation: two entities, whatever alias they share */
	size_t people = 0, orgs = 0;
	for (size_t i = 0; i < f.l.nentities; i++) {
		people += f.l.entities[i].type == CR_E_PERSON;
		orgs += strcmp(f.l.entities[i].name, "The Hammer") == 0;
	}
	assert_int_equal(people, 1);
	assert_int_equal(orgs, 1);
	teardown_fixture(&f);
}

static void test_words_left_out_inside_an_organisations_name(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_ORG, "Betty Ford Treatment Center");
	doc(&f);
	entity(&f, CR_E_ORG, "Betty Ford Center");
	/* two longer names it could be: it joins neither */
	doc(&f);
	entity(&f, CR_E_ORG, "Harbor Savings Bank");
	doc(&f);
	entity(&f, CR_E_ORG, "Harbor Trust Bank");
	doc(&f);
	entity(&f, CR_E_ORG, "Harbor Bank");
	resolve(&f);
	assert_same(&f.l, "Betty Ford Treatment Center", "Betty Ford Center");
	assert_apart(&f.l, "Harbor Bank", "Harbor Savings Bank");
	assert_apart(&f.l, "Harbor Bank", "Harbor Trust Bank");
	teardown_fixture(&f);
}

static void test_a_blended_name_is_the_one_person_it_blends(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_PERSON, "Lindsay Lohan");
	doc(&f);
	entity(&f, CR_E_PERSON, "LiLo");
	/* KaMo fits two people: it joins neither */
	doc(&f);
	entity(&f, CR_E_PERSON, "Karen Morrow");
	doc(&f);
	entity(&f, CR_E_PERSON, "Kate Moss");
	doc(&f);
	entity(&f, CR_E_PERSON, "KaMo");
	resolve(&f);
	assert_same(&f.l, "Lindsay Lohan", "LiLo");
	assert_apart(&f.l, "KaMo", "Karen Morrow");
	assert_apart(&f.l, "KaMo", "Kate Moss");
	teardown_fixture(&f);
}

static void test_a_nickname_may_stand_for_the_given_name(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	int p = entity(&f, CR_E_PERSON, "Luis Gerardo Ortega");
	f.an[0].entities[p].aliases = cr_xrealloc(f.an[0].entities[p].aliases, 2 * sizeof(cr_alias));
	f.an[0].entities[p].aliases[1] = (cr_alias){cr_xstrdup("Jerry"), 1, true, false};
	f.an[0].entities[p].naliases = 2;
	doc(&f);
	entity(&f, CR_E_PERSON, "Jerry Ortega");
	doc(&f);
	entity(&f, CR_E_PERSON, "Carla Ortega");
	resolve(&f);
	assert_same(&f.l, "Luis Gerardo Ortega", "Jerry Ortega");
	assert_apart(&f.l, "Luis Gerardo Ortega", "Carla Ortega");
	teardown_fixture(&f);
}

static void test_a_name_without_suffix_joins_one_generation_only(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_PERSON, "Mark Felton Sr.");
	doc(&f);
	entity(&f, CR_E_PERSON, "Mark Felton");
	doc(&f);
	entity(&f, CR_E_PERSON, "Mark Felton Jr.");
	resolve(&f);
	assert_same(&f.l, "Mark Felton Sr.", "Mark Felton");
	assert_apart(&f.l, "Mark Felton Sr.", "Mark Felton Jr.");
	teardown_fixture(&f);
}

static void test_a_nickname_the_tagger_missed_is_a_mention(void **state)
{
	(void)state;
	static const char text[] = "Walter Brisby, the informant known as \"Night Owl\", died on Monday. "
	                           "Reporters worked with the help of Night Owl for years.";
	cr_analysis a;
	analyze(&a, text);
	int person = local_named(&a, "Walter Brisby");
	assert_true(person >= 0);
	assert_int_equal(mention_entity(&a, text, "Night Owl for"), person);
	cr_analysis_free(&a);
}

static void test_a_person_named_in_full_outweighs_a_surname_of_no_type(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity_n(&f, CR_E_PERSON, 2, "George W. Busk", "Busk", (const char *)NULL);
	for (int k = 0; k < 3; k++) {
		doc(&f);
		entity_n(&f, CR_E_OTHER, 2, "Busk", (const char *)NULL);
	}
	resolve(&f);
	int e = entity_named(&f.l, "George W. Busk");
	assert_true(e >= 0);
	assert_int_equal(entity_named(&f.l, "Busk"), e);
	assert_int_equal(f.l.entities[e].type, CR_E_PERSON);
	teardown_fixture(&f);
}

static void test_one_document_keeps_a_suffix_apart(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f);
	entity(&f, CR_E_PERSON, "Mark Fenwick");
	entity(&f, CR_E_PERSON, "Mark Fenwick Jr.");
	doc(&f);
	entity(&f, CR_E_PERSON, "Mark Fenwick");
	resolve(&f);
	assert_apart(&f.l, "Mark Fenwick Jr.", "Mark Fenwick");
	teardown_fixture(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_description_is_no_alias),
		cmocka_unit_test(test_a_nickname_mention_is_the_person),
		cmocka_unit_test(test_a_name_before_a_companys_noun_is_an_organisation),
		cmocka_unit_test(test_a_name_ends_with_a_capitalised_word),
		cmocka_unit_test(test_given_name_nicknames_agree),
		cmocka_unit_test(test_nickname_and_full_name_are_one_person),
		cmocka_unit_test(test_an_organisations_short_name_joins_it),
		cmocka_unit_test(test_a_short_name_of_two_organisations_joins_neither),
		cmocka_unit_test(test_transliterations_join_with_shared_context),
		cmocka_unit_test(test_the_clusters_acronym_table),
		cmocka_unit_test(test_one_document_keeps_a_suffix_apart),
		cmocka_unit_test(test_a_person_named_in_full_outweighs_a_surname_of_no_type),
		cmocka_unit_test(test_a_name_without_suffix_joins_one_generation_only),
		cmocka_unit_test(test_a_nickname_the_tagger_missed_is_a_mention),
		cmocka_unit_test(test_a_nickname_may_stand_for_the_given_name),
		cmocka_unit_test(test_words_left_out_inside_an_organisations_name),
		cmocka_unit_test(test_a_blended_name_is_the_one_person_it_blends),
		cmocka_unit_test(test_another_name_of_an_organisation_is_a_key),
		cmocka_unit_test(test_a_plural_possessive_is_the_same_name),
		cmocka_unit_test(test_similar_names_without_shared_context_stay_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
