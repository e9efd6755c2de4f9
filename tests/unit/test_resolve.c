/*
 * test_resolve.c: the merge rules and finding kinds of resolve/, on
 * hand-built per-document analyses (no recognizer involved), with the
 * negative cases: people who must not merge, figures that must not conflict.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "resolve/resolve.h"

#define MAXD 8

typedef struct fixture {
	cr_docinfo docs[MAXD];
	cr_analysis an[MAXD];
	size_t n;
	cr_ledger l;
} fixture;

static void doc(fixture *f, const char *outlet, const char *published)
{
	cr_docinfo *d = &f->docs[f->n];
	memset(d, 0, sizeof *d);
	d->id = (int64_t)f->n + 1;
	d->outlet = outlet;
	d->text = "Some sentence of evidence. Another sentence.";
	d->len = strlen(d->text);
	d->published.earliest = d->published.latest = CR_DAY_NONE;
	if (published)
		cr_day_parse(published, &d->published.earliest), d->published.latest = d->published.earliest;
	memset(&f->an[f->n], 0, sizeof f->an[f->n]);
	f->n++;
}

static int entity(fixture *f, uint8_t type, const char *name)
{
	cr_analysis *a = &f->an[f->n - 1];
	a->entities = cr_xrealloc(a->entities, (a->nentities + 1) * sizeof *a->entities);
	cr_lentity *e = &a->entities[a->nentities];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->name = cr_xstrdup(name);
	e->aliases = cr_xcalloc(1, sizeof *e->aliases);
	e->aliases[0] = (cr_alias){cr_xstrdup(name), 1, false, false};
	e->naliases = 1;
	e->mentions = 1;
	return (int)a->nentities++;
}

static int event(fixture *f, const char *type, const char *target, int place)
{
	cr_analysis *a = &f->an[f->n - 1];
	a->events = cr_xrealloc(a->events, (a->nevents + 1) * sizeof *a->events);
	cr_levent *e = &a->events[a->nevents];
	memset(e, 0, sizeof *e);
	e->type = cr_xstrdup(type);
	e->target = target ? cr_xstrdup(target) : NULL;
	e->place = place;
	e->who = -1;
	e->lead = true;   /* the news of its report */
	e->time.earliest = e->time.latest = CR_DAY_NONE;
	e->label = cr_xstrdup(type);
	return (int)a->nevents++;
}

static cr_claim *claim(fixture *f, uint8_t kind, int subject, const char *pred, const char *text)
{
	cr_analysis *a = &f->an[f->n - 1];
	a->claims = cr_xrealloc(a->claims, (a->nclaims + 1) * sizeof *a->claims);
	cr_claim *c = &a->claims[a->nclaims++];
	memset(c, 0, sizeof *c);
	c->subject_kind = kind;
	c->subject = subject;
	c->predicate = pred;
	c->value_text = cr_xstrdup(text);
	c->value_entity = c->value_event = c->source = -1;
	c->value_time.earliest = c->value_time.latest = CR_DAY_NONE;
	c->start = 0;
	c->end = 26;
	return c;
}

static cr_claim *figure(fixture *f, int ev, const char *pred, const char *text, double lo, double hi, bool has_lo, bool has_hi)
{
	cr_claim *c = claim(f, CR_SUBJ_EVENT, ev, pred, text);
	c->has_number = true;
	c->low = lo;
	c->high = hi;
	c->has_low = has_lo;
	c->has_high = has_hi;
	return c;
}

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

static const cr_finding *finding_for(const cr_ledger *l, const char *pred)
{
	for (size_t i = 0; i < l->nfindings; i++)
		if (strcmp(l->findings[i].predicate, pred) == 0)
			return &l->findings[i];
	return NULL;
}

static void test_people_sharing_first_name_stay_apart(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PERSON, "Sergei Bratchuk");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PERSON, "Sergei Shoigu");
	resolve(&f);
	assert_int_equal(f.l.nentities, 2);
	assert_int_not_equal(entity_named(&f.l, "Sergei Bratchuk"), entity_named(&f.l, "Sergei Shoigu"));
	teardown_fixture(&f);
}

static void test_transliteration_variants_merge(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PERSON, "Sergei Bratchuk");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PERSON, "Sergey Bratchuk");
	doc(&f, "C", NULL);
	entity(&f, CR_E_PERSON, "Olexander Scherba");
	doc(&f, "D", NULL);
	entity(&f, CR_E_PERSON, "Oleksandr Scherba");
	resolve(&f);
	assert_int_equal(f.l.nentities, 2);
	assert_int_equal(entity_named(&f.l, "Sergei Bratchuk"), entity_named(&f.l, "Sergey Bratchuk"));
	assert_int_equal(entity_named(&f.l, "Olexander Scherba"), entity_named(&f.l, "Oleksandr Scherba"));
	teardown_fixture(&f);
}

/* a slip of one letter (Wetzler / Welzler) joins with two entities of
 * context in common, never without, and never inside one document */
static void test_one_letter_slips_merge_with_shared_context(void **state)
{
	(void)state;
	for (int c = 0; c < 3; c++) {
		fixture f = {0};
		doc(&f, "A", NULL);
		entity(&f, CR_E_PERSON, "Andrew Wetzler");
		entity(&f, CR_E_ORG, "Natural Resources Defense Council");
		entity(&f, CR_E_PERSON, "Ken Salazar");
		if (c == 2)
			entity(&f, CR_E_PERSON, "Andrew Welzler");
		doc(&f, "B", NULL);
		entity(&f, CR_E_PERSON, "Andrew Welzler");
		if (c != 1) {
			entity(&f, CR_E_ORG, "Natural Resources Defense Council");
			entity(&f, CR_E_PERSON, "Ken Salazar");
		}
		resolve(&f);
		if (c == 0)
			assert_int_equal(entity_named(&f.l, "Andrew Wetzler"), entity_named(&f.l, "Andrew Welzler"));
		else
			assert_int_not_equal(entity_named(&f.l, "Andrew Wetzler"), entity_named(&f.l, "Andrew Welzler"));
		teardown_fixture(&f);
	}
	/* places: Brownsville / Browsnville, but not two short names a letter apart */
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PLACE, "Brownsville");
	entity(&f, CR_E_PLACE, "Texas");
	entity(&f, CR_E_PERSON, "Juan Ortiz");
	entity(&f, CR_E_ORG, "Lamar");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PLACE, "Browsnville");
	entity(&f, CR_E_PLACE, "Texas");
	entity(&f, CR_E_PERSON, "Juan Ortiz");
	entity(&f, CR_E_ORG, "Lamaz");
	resolve(&f);
	assert_int_equal(entity_named(&f.l, "Brownsville"), entity_named(&f.l, "Browsnville"));
	assert_int_not_equal(entity_named(&f.l, "Lamar"), entity_named(&f.l, "Lamaz"));
	teardown_fixture(&f);
}

/* within one report, a lone surname a slip from the surname of the one
 * person it names in full is that person, and two place names a slip apart
 * one place; not when another person has the surname as written, not short
 * names, not names with numbers, and not across reports without context */
static void test_slips_within_one_report_merge(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PERSON, "Vahit Halefolu");
	entity(&f, CR_E_PERSON, "Halefoglu");
	entity(&f, CR_E_PLACE, "Ouadi Doum");
	entity(&f, CR_E_PLACE, "Ouadi Doumi");
	entity(&f, CR_E_PLACE, "115th Street");
	entity(&f, CR_E_PLACE, "117th Street");
	entity(&f, CR_E_PERSON, "Anna Lamar");
	entity(&f, CR_E_PERSON, "Lamaz");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PERSON, "Oskar Dorrance");
	entity(&f, CR_E_PERSON, "Marta Dorrane");
	entity(&f, CR_E_PERSON, "Dorrane");
	doc(&f, "C", NULL);
	entity(&f, CR_E_PLACE, "Varnokville");
	doc(&f, "D", NULL);
	entity(&f, CR_E_PLACE, "Varnokvile");
	resolve(&f);
	assert_int_equal(entity_named(&f.l, "Vahit Halefolu"), entity_named(&f.l, "Halefoglu"));
	assert_int_equal(entity_named(&f.l, "Ouadi Doum"), entity_named(&f.l, "Ouadi Doumi"));
	assert_int_not_equal(entity_named(&f.l, "115th Street"), entity_named(&f.l, "117th Street"));
	assert_int_not_equal(entity_named(&f.l, "Anna Lamar"), entity_named(&f.l, "Lamaz"));
	assert_int_not_equal(entity_named(&f.l, "Oskar Dorrance"), entity_named(&f.l, "Dorrane"));
	assert_int_equal(entity_named(&f.l, "Marta Dorrane"), entity_named(&f.l, "Dorrane"));
	assert_int_not_equal(entity_named(&f.l, "Varnokville"), entity_named(&f.l, "Varnokvile"));
	teardown_fixture(&f);
}

/* a team's last word ("Sox" of "Boston Red Sox") joins the one team that
 * ends with it; two teams that do keep it apart, and a post is no short name */
static void test_team_last_word_joins_the_one_team(void **state)
{
	(void)state;
	for (int c = 0; c < 3; c++) {
		fixture f = {0};
		doc(&f, "A", NULL);
		entity(&f, CR_E_ORG, c == 2 ? "Los Angeles County Sheriff" : "Boston Red Sox");
		if (c == 1)
			entity(&f, CR_E_ORG, "Chicago White Sox");
		doc(&f, "B", NULL);
		entity(&f, CR_E_OTHER, c == 2 ? "Sheriff" : "Sox");
		resolve(&f);
		int full = entity_named(&f.l, c == 2 ? "Los Angeles County Sheriff" : "Boston Red Sox");
		int last = entity_named(&f.l, c == 2 ? "Sheriff" : "Sox");
		if (c == 0)
			assert_int_equal(full, last);
		else
			assert_int_not_equal(full, last);
		teardown_fixture(&f);
	}
}

/* the entity's name is the form most seen over all its documents, not the
 * form one document repeats */
static void test_name_is_the_form_most_seen_across_documents(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	int e = entity(&f, CR_E_PERSON, "Sam Dalembert");
	f.an[0].entities[e].aliases[0].count = 3;
	f.an[0].entities[e].mentions = 3;
	for (int k = 0; k < 4; k++) {
		doc(&f, "B", NULL);
		entity(&f, CR_E_PERSON, "Samuel Dalembert");
	}
	resolve(&f);
	assert_int_equal(f.l.nentities, 1);
	assert_string_equal(f.l.entities[0].name, "Samuel Dalembert");
	teardown_fixture(&f);
}

static void test_surname_joins_the_one_full_name(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PERSON, "Mizintsev");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PERSON, "Mikhail Mizintsev");
	resolve(&f);
	assert_int_equal(f.l.nentities, 1);
	assert_string_equal(f.l.entities[0].name, "Mikhail Mizintsev");
	assert_int_equal(f.l.entities[0].ndocs, 2);
	teardown_fixture(&f);
}

static void test_ambiguous_surname_stays_apart(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PERSON, "Johnson");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PERSON, "Boris Johnson");
	doc(&f, "C", NULL);
	entity(&f, CR_E_PERSON, "Lyndon Johnson");
	resolve(&f);
	assert_int_equal(f.l.nentities, 3);
	teardown_fixture(&f);
}

static void test_organisation_spellings_merge(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "National Centre for Defence Management");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "National Center for Defense Management");
	doc(&f, "C", NULL);
	entity(&f, CR_E_ORG, "Russian National Centre for Defence");
	resolve(&f);
	assert_int_equal(f.l.nentities, 1);
	assert_int_equal(f.l.entities[0].naliases, 3);
	teardown_fixture(&f);
}

static void test_a_plural_last_word_is_the_same_organisation(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "Northern Coastal Fisheries Services");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "Northern Coastal Fisheries Service");
	entity(&f, CR_E_ORG, "Associated Press");   /* two words, and "ss": kept apart */
	doc(&f, "C", NULL);
	entity(&f, CR_E_ORG, "Associated Pres");
	resolve(&f);
	assert_int_equal(f.l.nentities, 3);
	teardown_fixture(&f);
}

static void test_a_trade_word_closing_a_company_name_is_dropped(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "Vellmar Foods");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "Vellmar");
	doc(&f, "C", NULL);
	entity(&f, CR_E_ORG, "Vellmar Dairies");   /* no trade word of the table: another company */
	resolve(&f);
	assert_int_equal(f.l.nentities, 2);
	teardown_fixture(&f);
}

static void alias(fixture *f, int e, const char *name)
{
	cr_lentity *le = &f->an[f->n - 1].entities[e];
	le->aliases = cr_xrealloc(le->aliases, (le->naliases + 1) * sizeof *le->aliases);
	le->aliases[le->naliases++] = (cr_alias){cr_xstrdup(name), 1, false, false};
}

static void test_an_abbreviated_mount_or_fort_is_the_same_place(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PLACE, "Mt Varnok");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PLACE, "Mount Varnok");
	doc(&f, "C", NULL);
	entity(&f, CR_E_PLACE, "Ft. Varnok");
	doc(&f, "D", NULL);
	entity(&f, CR_E_PLACE, "Fort Varnok");
	resolve(&f);
	assert_int_equal(f.l.nentities, 2);
	assert_int_equal(entity_named(&f.l, "Mt Varnok"), entity_named(&f.l, "Mount Varnok"));
	assert_int_equal(entity_named(&f.l, "Ft. Varnok"), entity_named(&f.l, "Fort Varnok"));
	teardown_fixture(&f);
}

static void test_a_ministry_in_either_word_order_is_one(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "Ministry of Transport");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "Transport Ministry");
	doc(&f, "C", NULL);
	entity(&f, CR_E_ORG, "Ministry of the Interior");
	doc(&f, "D", NULL);
	entity(&f, CR_E_ORG, "Interior Ministry");
	doc(&f, "E", NULL);
	entity(&f, CR_E_ORG, "Varnok Air Lines");
	doc(&f, "F", NULL);
	entity(&f, CR_E_ORG, "Varnok Airlines");
	doc(&f, "G", NULL);   /* of something of something: no other order */
	entity(&f, CR_E_ORG, "Department of Health of Varnok");
	resolve(&f);
	assert_int_equal(f.l.nentities, 4);
	assert_int_equal(entity_named(&f.l, "Ministry of Transport"), entity_named(&f.l, "Transport Ministry"));
	assert_int_equal(entity_named(&f.l, "Ministry of the Interior"), entity_named(&f.l, "Interior Ministry"));
	assert_int_equal(entity_named(&f.l, "Varnok Air Lines"), entity_named(&f.l, "Varnok Airlines"));
	teardown_fixture(&f);
}

static void test_an_ambiguous_acronym_joins_the_one_of_its_report(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "Varnok Medical Association");
	entity(&f, CR_E_ORG, "VMA");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "Vellmar Medical Academy");
	doc(&f, "C", NULL);   /* both in its report: neither */
	entity(&f, CR_E_ORG, "VMA");
	entity(&f, CR_E_ORG, "Varnok Medical Association");
	entity(&f, CR_E_ORG, "Vellmar Medical Academy");
	resolve(&f);
	int vma = entity_named(&f.l, "VMA");
	assert_int_equal(vma, entity_named(&f.l, "Varnok Medical Association"));
	assert_int_not_equal(vma, entity_named(&f.l, "Vellmar Medical Academy"));
	teardown_fixture(&f);
}

static void test_a_plural_inner_word_is_the_same_organisation(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "Marketing and Acquisitions Consultants");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "Marketing and Acquisition Consultants Ltd");
	doc(&f, "C", NULL);   /* a short word keeps its ending: "News" is no "New" */
	entity(&f, CR_E_ORG, "Varnok News Service");
	doc(&f, "D", NULL);
	entity(&f, CR_E_ORG, "Varnok New Service");
	resolve(&f);
	assert_int_equal(entity_named(&f.l, "Marketing and Acquisitions Consultants"),
	                 entity_named(&f.l, "Marketing and Acquisition Consultants Ltd"));
	assert_int_not_equal(entity_named(&f.l, "Varnok News Service"), entity_named(&f.l, "Varnok New Service"));
	teardown_fixture(&f);
}

static void test_two_nationalities_keep_two_organisations(void **state)
{
	(void)state;
	fixture f = {0};
	/* each name also without its nationality, as the extractor files it */
	doc(&f, "A", NULL);
	alias(&f, entity(&f, CR_E_ORG, "Turkish Central Bank"), "Central Bank");
	doc(&f, "B", NULL);
	alias(&f, entity(&f, CR_E_ORG, "European Central Bank"), "Central Bank");
	doc(&f, "C", NULL);
	alias(&f, entity(&f, CR_E_ORG, "Soviet Union"), "Union");   /* "Union" is also a town */
	doc(&f, "D", NULL);
	alias(&f, entity(&f, CR_E_ORG, "European Union"), "Union");
	doc(&f, "E", NULL);
	entity(&f, CR_E_ORG, "Indian Airlines");
	doc(&f, "F", NULL);
	entity(&f, CR_E_ORG, "American Airlines");
	doc(&f, "G", NULL);   /* one nationality: the bare name is that organisation */
	entity(&f, CR_E_ORG, "Russian Defence Ministry");
	doc(&f, "H", NULL);
	entity(&f, CR_E_ORG, "Defence Ministry");
	resolve(&f);
	assert_int_not_equal(entity_named(&f.l, "Turkish Central Bank"), entity_named(&f.l, "European Central Bank"));
	assert_int_not_equal(entity_named(&f.l, "Soviet Union"), entity_named(&f.l, "European Union"));
	assert_int_not_equal(entity_named(&f.l, "Indian Airlines"), entity_named(&f.l, "American Airlines"));
	assert_int_equal(entity_named(&f.l, "Defence Ministry"), entity_named(&f.l, "Russian Defence Ministry"));
	assert_int_equal(f.l.nentities, 7);
	teardown_fixture(&f);
}

static void test_a_legal_form_makes_a_company_whatever_the_tagger_read(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);   /* read as a person's name in both reports */
	entity(&f, CR_E_PERSON, "Valyx Inc.");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PERSON, "Valyx Inc.");
	doc(&f, "C", NULL);
	entity(&f, CR_E_PERSON, "Maria Sa");   /* a surname, no legal form */
	resolve(&f);
	assert_int_equal(f.l.entities[entity_named(&f.l, "Maria Sa")].type, CR_E_PERSON);
	int e = entity_named(&f.l, "Valyx Inc.");
	assert_true(e >= 0);
	assert_int_equal(f.l.entities[e].type, CR_E_ORG);
	teardown_fixture(&f);
}

static void test_an_organisation_led_by_two_names_of_one_place_is_one(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "Los Angeles Times");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "L.A. Times");
	entity(&f, CR_E_ORG, "Los Angeles Lakers");   /* another rest: another organisation */
	resolve(&f);
	assert_int_equal(f.l.nentities, 2);
	assert_int_equal(entity_named(&f.l, "Los Angeles Times"), entity_named(&f.l, "L.A. Times"));
	teardown_fixture(&f);
}

static void test_a_country_in_the_possessive_leads_the_same_organisation(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "Centre for Civil Liberties");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "Ukraine\xe2\x80\x99s Centre for Civil Liberties");
	doc(&f, "C", NULL);
	entity(&f, CR_E_ORG, "McDonald's Corporation");   /* not a country: kept whole */
	entity(&f, CR_E_ORG, "Corporation");
	resolve(&f);
	assert_int_equal(f.l.nentities, 3);
	teardown_fixture(&f);
}

static void test_different_organisations_stay_apart(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "Centre for Civil Liberties");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "National Centre for Defence Management");
	resolve(&f);
	assert_int_equal(f.l.nentities, 2);
	teardown_fixture(&f);
}

static void test_acronym_joins_the_one_organisation_it_abbreviates(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_ORG, "World Health Organization");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "WHO");
	doc(&f, "C", NULL);
	entity(&f, CR_E_ORG, "UN");
	entity(&f, CR_E_ORG, "United Nations");
	entity(&f, CR_E_ORG, "Union of Natives");   /* two candidates for "UN": it joins neither */
	resolve(&f);
	assert_int_equal(entity_named(&f.l, "WHO"), entity_named(&f.l, "World Health Organization"));
	assert_int_not_equal(entity_named(&f.l, "UN"), entity_named(&f.l, "United Nations"));
	teardown_fixture(&f);
}

static void test_renamed_places_merge(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PLACE, "Odesa");
	doc(&f, "B", NULL);
	entity(&f, CR_E_PLACE, "Odessa");
	doc(&f, "C", NULL);
	entity(&f, CR_E_PLACE, "Kiev");
	doc(&f, "D", NULL);
	entity(&f, CR_E_PLACE, "Kyiv");
	resolve(&f);
	assert_int_equal(f.l.nentities, 2);
	teardown_fixture(&f);
}

static void test_two_names_of_one_gazetteer_place_merge(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	entity(&f, CR_E_PLACE, "United Arab Emirates");
	entity(&f, CR_E_PLACE, "Tennessee");
	doc(&f, "B", NULL);
	entity(&f, CR_E_ORG, "UAE");       /* the tagger's type does not matter */
	entity(&f, CR_E_PLACE, "Tenn");
	entity(&f, CR_E_PLACE, "Kentucky");
	resolve(&f);
	assert_int_equal(entity_named(&f.l, "UAE"), entity_named(&f.l, "United Arab Emirates"));
	assert_int_equal(entity_named(&f.l, "Tenn"), entity_named(&f.l, "Tennessee"));
	assert_int_not_equal(entity_named(&f.l, "Kentucky"), entity_named(&f.l, "Tennessee"));
	teardown_fixture(&f);
}

static void test_same_target_reports_are_one_event(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	int p = entity(&f, CR_E_PLACE, "Mariupol");
	event(&f, "bombing", "theatre", p);
	doc(&f, "B", NULL);
	event(&f, "airstrike", "theatre", -1);
	doc(&f, "C", NULL);
	int q = entity(&f, CR_E_PLACE, "Kharkiv");
	event(&f, "bombing", "theatre", q);
	resolve(&f);
	assert_int_equal(f.l.nevents, 2);   /* the Kharkiv theatre is another incident */
	teardown_fixture(&f);
}

static void test_earthquakes_months_apart_are_two_events(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2023-02-10");
	int p = entity(&f, CR_E_PLACE, "Antakya");
	figure(&f, event(&f, "earthquake", NULL, p), "killed", "300", 300, 300, true, true);
	doc(&f, "B", "2023-09-10");
	p = entity(&f, CR_E_PLACE, "Marrakesh");
	figure(&f, event(&f, "earthquake", NULL, p), "killed", "2,000", 2000, 2000, true, true);
	doc(&f, "C", "2023-02-12");
	p = entity(&f, CR_E_PLACE, "Gaziantep");
	event(&f, "earthquake", NULL, p);
	resolve(&f);
	assert_int_equal(f.l.nevents, 2);   /* Antakya and Gaziantep in February are one */
	teardown_fixture(&f);
}

static cr_levent *last_event(fixture *f)
{
	cr_analysis *a = &f->an[f->n - 1];
	return &a->events[a->nevents - 1];
}

static void dated(fixture *f, const char *day)
{
	cr_levent *e = last_event(f);
	cr_day_parse(day, &e->time.earliest);
	e->time.latest = e->time.earliest;
}

static void test_a_fire_of_two_days_is_one_event_of_its_first(void **state)
{
	(void)state;
	fixture f = {0};
	const char *days[] = {"1991-05-01", "1991-05-02"};
	for (int k = 0; k < 2; k++) {
		doc(&f, k ? "B" : "A", days[k]);
		int p = entity(&f, CR_E_PLACE, "Valdor");
		int ev = event(&f, "fire", NULL, p);
		dated(&f, days[k]);
		cr_claim *c = claim(&f, CR_SUBJ_EVENT, ev, "occurred_on", days[k]);
		c->value_time = f.an[f.n - 1].events[ev].time;
	}
	for (int k = 0; k < 2; k++) {   /* a robbery is of one day */
		doc(&f, "C", days[k]);
		int p = entity(&f, CR_E_PLACE, "Valdor");
		event(&f, "robbery", NULL, p);
		dated(&f, days[k]);
	}
	resolve(&f);
	assert_int_equal(f.l.nevents, 3);
	int32_t first;
	cr_day_parse(days[0], &first);
	size_t fires = 0;
	for (size_t i = 0; i < f.l.nevents; i++)
		if (strcmp(f.l.events[i].type, "fire") == 0) {
			fires++;
			assert_int_equal(f.l.events[i].time.earliest, first);
			assert_int_equal(f.l.events[i].time.latest, first);
		}
	assert_int_equal(fires, 1);
	const cr_finding *k = finding_for(&f.l, "occurred_on");
	assert_non_null(k);
	assert_int_not_equal(k->kind, CR_F_CONFLICT);
	teardown_fixture(&f);
}

static void test_a_missing_count_of_one_day_is_no_running_count(void **state)
{
	(void)state;
	const char *preds[] = {"missing", "killed"};
	for (int k = 0; k < 2; k++) {
		fixture f = {0};
		doc(&f, "A", "1991-05-02");
		int p = entity(&f, CR_E_PLACE, "Valdor");
		figure(&f, event(&f, "fire", NULL, p), preds[k], "17", 17, 17, true, true);
		doc(&f, "B", "1991-05-02");
		p = entity(&f, CR_E_PLACE, "Valdor");
		figure(&f, event(&f, "fire", NULL, p), preds[k], "18", 18, 18, true, true);
		resolve(&f);
		const cr_finding *x = finding_for(&f.l, preds[k]);
		assert_non_null(x);
		/* a toll grows within a day; the missing may be found within it */
		if (k == 0)
			assert_int_equal(x->kind, CR_F_CONFLICT);
		else
			assert_int_not_equal(x->kind, CR_F_CONFLICT);
		teardown_fixture(&f);
	}
}

static void test_shootings_in_two_countries_are_two_events(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2007-04-10");
	event(&f, "shooting", NULL, entity(&f, CR_E_PLACE, "Detroit"));
	dated(&f, "2007-04-09");
	memcpy(last_event(&f)->country, "US", 3);
	doc(&f, "B", "2007-04-11");
	event(&f, "killing", NULL, entity(&f, CR_E_PLACE, "Michigan"));
	memcpy(last_event(&f)->country, "US", 3);
	doc(&f, "C", "2007-04-10");
	event(&f, "shooting", NULL, entity(&f, CR_E_PLACE, "Vancouver"));
	dated(&f, "2007-04-09");
	memcpy(last_event(&f)->country, "CA", 3);
	resolve(&f);
	/* a shooting in Detroit and a killing in Michigan are one; Vancouver's is another */
	assert_int_equal(f.l.nevents, 2);
	teardown_fixture(&f);
}

static void test_undated_news_of_a_dated_report_is_recent(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2008-12-20");
	event(&f, "shooting", NULL, entity(&f, CR_E_PLACE, "Brooklyn"));
	doc(&f, "B", "2013-03-12");
	event(&f, "shooting", NULL, entity(&f, CR_E_PLACE, "Brooklyn"));
	doc(&f, "C", "2013-03-14");
	event(&f, "shooting", NULL, -1);
	resolve(&f);
	assert_int_equal(f.l.nevents, 2);   /* 2008 and 2013 apart; the 2013 reports one */
	assert_int_equal(f.l.events[1].ndocs, 2);
	teardown_fixture(&f);
}

static void test_a_day_with_no_year_takes_its_storys_year(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2008-12-14");
	int p = entity(&f, CR_E_PLACE, "Athens");
	entity(&f, CR_E_PERSON, "Alexandros Grigoropoulos");
	int r = event(&f, "riot", NULL, p);
	f.an[0].events[r].time.earliest = f.an[0].events[r].time.latest = cr_days_from_civil(2008, 12, 13);
	doc(&f, "B", NULL);   /* undated: "the Dec. 6 shooting" */
	p = entity(&f, CR_E_PLACE, "Athens");
	entity(&f, CR_E_PERSON, "Alexandros Grigoropoulos");
	int v = event(&f, "shooting", NULL, p);
	f.an[1].events[v].month_day = 1206;
	doc(&f, "C", NULL);   /* undated, of a story no dated report tells */
	p = entity(&f, CR_E_PLACE, "Chicago");
	entity(&f, CR_E_PERSON, "Kimani Gray");
	v = event(&f, "earthquake", NULL, p);
	f.an[2].events[v].month_day = 309;
	resolve(&f);
	int athens = -1, chicago = -1;
	for (size_t i = 0; i < f.l.nevents; i++)
		if (strcmp(f.l.events[i].type, "riot") != 0)
			*(strcmp(f.l.events[i].type, "shooting") == 0 ? &athens : &chicago) = (int)i;
	assert_true(athens >= 0 && chicago >= 0);
	assert_int_equal(f.l.events[athens].time.earliest, cr_days_from_civil(2008, 12, 6));
	assert_true(f.l.events[athens].time_inferred);
	assert_false(cr_range_known(f.l.events[chicago].time));
	teardown_fixture(&f);
}

static void test_undated_background_event_stays_open(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2016-12-20");
	event(&f, "siege", NULL, entity(&f, CR_E_PLACE, "Aleppo"));
	dated(&f, "2016-12-01");
	doc(&f, "B", "2022-03-25");
	event(&f, "siege", NULL, entity(&f, CR_E_PLACE, "Aleppo"));
	last_event(&f)->lead = false;   /* recalled in the body of a 2022 report */
	resolve(&f);
	assert_int_equal(f.l.nevents, 1);
	teardown_fixture(&f);
}

static void test_two_regions_of_one_country_are_apart(void **state)
{
	(void)state;
	fixture f = {0};
	/* the gazetteer's Wellington is a New Zealand region: no evidence against Somerset */
	doc(&f, "A", "2013-07-21");
	event(&f, "fire", NULL, entity(&f, CR_E_PLACE, "Wellington"));
	doc(&f, "B", "2013-07-21");
	event(&f, "fire", NULL, entity(&f, CR_E_PLACE, "Somerset"));
	doc(&f, "C", "2013-07-21");
	event(&f, "fire", NULL, entity(&f, CR_E_PLACE, "Surrey"));
	resolve(&f);
	assert_int_equal(f.l.nevents, 2);   /* Surrey and Somerset are two English counties */
	teardown_fixture(&f);
}

static void test_personal_events_join_by_their_person(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2009-12-07");
	event(&f, "capture", NULL, -1);
	last_event(&f)->who = entity(&f, CR_E_PERSON, "Arcade Comeaux");
	doc(&f, "B", "2009-12-08");
	int who = entity(&f, CR_E_PERSON, "Comeaux");
	event(&f, "capture", NULL, -1);
	last_event(&f)->who = who;
	event(&f, "arrest", NULL, -1);
	last_event(&f)->who = who;
	event(&f, "capture", NULL, -1);
	last_event(&f)->who = entity(&f, CR_E_PERSON, "Brian Nichols");
	resolve(&f);
	/* Comeaux's capture is one event; his arrest another family; Nichols' capture his own */
	assert_int_equal(f.l.nevents, 3);
	assert_string_equal(f.l.events[0].label, "capture of Arcade Comeaux");
	assert_int_equal(f.l.events[0].ndocs, 2);
	teardown_fixture(&f);
}

static void test_dismissal_and_resignation_of_one_man_are_one_departure(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2023-04-27");
	event(&f, "resignation", NULL, -1);
	last_event(&f)->who = entity(&f, CR_E_PERSON, "Mikhail Mizintsev");
	doc(&f, "B", "2023-04-28");
	event(&f, "dismissal", NULL, -1);
	last_event(&f)->who = entity(&f, CR_E_PERSON, "Mizintsev");
	event(&f, "dismissal", NULL, -1);
	last_event(&f)->who = entity(&f, CR_E_PERSON, "Ivan Sorokin");
	resolve(&f);
	assert_int_equal(f.l.nevents, 2);   /* Mizintsev's departure, and Sorokin's */
	assert_int_equal(f.l.events[0].ndocs, 2);
	teardown_fixture(&f);
}

static void test_undated_reports_of_two_stories_stay_apart(void **state)
{
	(void)state;
	fixture f = {0};
	/* two stories of two reports each: one names Smith and Harbor Street, the
	 * other Jones and Mill Road; both have a shooting, none a date */
	const char *people[] = {"Ann Smith", "Ann Smith", "Bo Jones", "Bo Jones"};
	const char *streets[] = {"Harbor Street", "Harbor Street", "Mill Road", "Mill Road"};
	for (int i = 0; i < 4; i++) {
		doc(&f, i < 2 ? "A" : "B", NULL);
		entity(&f, CR_E_PERSON, people[i]);
		entity(&f, CR_E_ORG, i < 2 ? "Harbor Police" : "Mill County Sheriff");
		event(&f, "shooting", NULL, entity(&f, CR_E_PLACE, streets[i]));
	}
	/* a fifth report naming neither joins whichever shooting: one document is no story */
	doc(&f, "C", NULL);
	event(&f, "shooting", NULL, -1);
	resolve(&f);
	assert_int_equal(f.l.nstories, 3);
	assert_int_equal(f.l.nevents, 2);
	teardown_fixture(&f);
}

static void test_every_pair_of_copies_is_found(void **state)
{
	(void)state;
	fixture f = {0};
	const char *story = "The council voted on Tuesday to close the old bridge over the river for repairs that "
	                    "will take most of the coming year, the mayor told reporters at the town hall.";
	for (int i = 0; i < 3; i++) {
		doc(&f, i == 0 ? "Wire" : i == 1 ? "Paper" : "Radio", NULL);
		f.docs[i].text = story;
		f.docs[i].len = strlen(story);
	}
	doc(&f, "Other", NULL);
	f.docs[3].text = "A different story about a football match that ended in a draw after a late goal from the visitors.";
	f.docs[3].len = strlen(f.docs[3].text);
	resolve(&f);
	assert_int_equal(f.l.ncopies, 3);   /* (1,2), (1,3) and (2,3); not the football match */
	for (size_t i = 0; i < f.l.ncopies; i++)
		assert_true(f.l.copies[i].b < 3);
	teardown_fixture(&f);
}

static void test_disjoint_lower_bounds_conflict(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	int p = entity(&f, CR_E_PLACE, "Aleppo");
	figure(&f, event(&f, "siege", NULL, p), "killed", "at least 23,000", 23000, 0, true, false);
	doc(&f, "B", NULL);
	p = entity(&f, CR_E_PLACE, "Aleppo");
	figure(&f, event(&f, "siege", NULL, p), "killed", "at least 1,640", 1640, 0, true, false);
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "killed");
	assert_non_null(k);
	assert_int_equal(k->kind, CR_F_CONFLICT);
	assert_int_equal(k->nclaims, 2);
	assert_non_null(strstr(k->explanation, "23,000"));
	/* [23000, inf) and [1640, inf) overlap as written: the explanation may not say otherwise */
	assert_null(strstr(k->explanation, "do not overlap"));
	assert_non_null(strstr(k->explanation, "three times"));
	teardown_fixture(&f);
}

static void test_closed_figures_apart_do_not_overlap(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	int p = entity(&f, CR_E_PLACE, "Aleppo");
	figure(&f, event(&f, "siege", NULL, p), "killed", "23,000", 23000, 23000, true, true);
	doc(&f, "B", NULL);
	p = entity(&f, CR_E_PLACE, "Aleppo");
	figure(&f, event(&f, "siege", NULL, p), "killed", "1,640", 1640, 1640, true, true);
	figure(&f, 0, "killed", "about 1,700", 1600, 1800, true, true);
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "killed");
	assert_non_null(k);
	assert_int_equal(k->kind, CR_F_CONFLICT);
	/* one pair of runs: 23,000 against the agreeing 1,640 and about 1,700 */
	assert_string_equal(k->explanation, "23,000 (d1) vs about 1,700 (d2) and 1,640 (d2): the ranges do not overlap");
	teardown_fixture(&f);
}

static void test_a_wide_figure_between_two_runs_names_the_pair_apart(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	int p = entity(&f, CR_E_PLACE, "Aleppo");
	figure(&f, event(&f, "siege", NULL, p), "killed", "540", 540, 540, true, true);
	doc(&f, "B", NULL);
	p = entity(&f, CR_E_PLACE, "Aleppo");
	figure(&f, event(&f, "siege", NULL, p), "killed", "about 600", 540, 660, true, true);
	doc(&f, "C", NULL);
	p = entity(&f, CR_E_PLACE, "Aleppo");
	figure(&f, event(&f, "siege", NULL, p), "killed", "560", 560, 560, true, true);
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "killed");
	assert_non_null(k);
	assert_int_equal(k->kind, CR_F_CONFLICT);
	/* about 600 fits both: the runs are apart because 540 and 560 are, and the
	 * explanation may not say that no figure of one fits the other */
	assert_non_null(strstr(k->explanation, "560 and 540 do not overlap"));
	assert_null(strstr(k->explanation, "the ranges do not overlap"));
	assert_null(strstr(k->explanation, "three times"));
	teardown_fixture(&f);
}

static void test_a_figure_for_one_nationality_is_not_compared_with_totals(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	figure(&f, event(&f, "avalanche", "ski resort", -1), "killed", "41 Britons", 41, 41, true, true);
	figure(&f, event(&f, "avalanche", "ski resort", -1), "killed", "60", 60, 60, true, true);
	memcpy(f.an[0].claims[0].scope, "GB", 3);
	doc(&f, "B", NULL);
	figure(&f, event(&f, "avalanche", "ski resort", -1), "killed", "about 60", 55, 65, true, true);
	resolve(&f);
	size_t nkilled = 0;
	for (size_t i = 0; i < f.l.nfindings; i++) {
		const cr_finding *k = &f.l.findings[i];
		if (strcmp(k->predicate, "killed") != 0)
			continue;
		nkilled++;
		assert_int_not_equal(k->kind, CR_F_CONFLICT);
		assert_int_equal(k->nclaims, strstr(k->explanation, "Britons") ? 1 : 2);
	}
	assert_int_equal(nkilled, 2);
	teardown_fixture(&f);
}

static void test_head_and_director_of_one_organisation_are_one_post(void **state)
{
	(void)state;
	fixture f = {0};
	const char *org[] = {"National Centre for Defence Management", "National Center for Defense Management",
	                     "National Centre for Defence Management"};
	const char *post[] = {"the National Centre for Defence Management director",
	                      "head of the National Center for Defense Management",
	                      "deputy head of the National Centre for Defence Management"};
	for (int d = 0; d < 3; d++) {
		doc(&f, d == 0 ? "A" : d == 1 ? "B" : "C", NULL);
		int p = entity(&f, CR_E_PERSON, "Anna Berg");
		int o = entity(&f, CR_E_ORG, org[d]);
		claim(&f, CR_SUBJ_ENTITY, p, "position", post[d])->value_entity = o;
	}
	resolve(&f);
	size_t posts = 0;
	for (size_t i = 0; i < f.l.nfindings; i++) {
		const cr_finding *k = &f.l.findings[i];
		if (strcmp(k->predicate, "position") != 0)
			continue;
		posts++;
		/* director and head corroborate; the deputy's post is another */
		assert_int_equal(k->nclaims, strstr(k->explanation, "deputy") ? 1 : 2);
		assert_int_equal(k->kind, strstr(k->explanation, "deputy") ? CR_F_SINGLE : CR_F_CORROBORATED);
	}
	assert_int_equal(posts, 2);
	teardown_fixture(&f);
}

static void test_overlapping_figures_corroborate(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	figure(&f, event(&f, "bombing", "theatre", -1), "killed", "about 300", 270, 330, true, true);
	doc(&f, "B", NULL);
	figure(&f, event(&f, "bombing", "theatre", -1), "killed", "at least 300", 300, 0, true, false);
	doc(&f, "C", "2023-04-01");
	figure(&f, event(&f, "bombing", "theatre", -1), "killed", "300", 300, 300, true, true);
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "killed");
	assert_int_equal(k->kind, CR_F_CORROBORATED);
	assert_int_equal(k->outlets, 3);
	teardown_fixture(&f);
}

static void test_running_count_is_an_update_not_a_conflict(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2022-03-10");
	figure(&f, event(&f, "siege", "theatre", -1), "killed", "at least 10", 10, 0, true, false);
	doc(&f, "B", "2022-04-20");
	figure(&f, event(&f, "siege", "theatre", -1), "killed", "about 300", 270, 330, true, true);
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "killed");
	assert_int_equal(k->kind, CR_F_CONSISTENT);
	assert_non_null(strstr(k->explanation, "running count"));
	teardown_fixture(&f);
}

static void test_same_day_reports_may_count_up(void **state)
{
	(void)state;
	fixture f = {0};
	/* 12 injured at 1:41 pm, 18 that evening: the same day, in either order */
	doc(&f, "A", "2010-05-05");
	figure(&f, event(&f, "riot", NULL, -1), "injured", "12", 12, 12, true, true);
	doc(&f, "B", "2010-05-05");
	figure(&f, event(&f, "riot", NULL, -1), "injured", "18", 18, 18, true, true);
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "injured");
	assert_int_equal(k->kind, CR_F_CONSISTENT);
	teardown_fixture(&f);
}

static void test_one_report_that_contradicts_itself_is_a_conflict(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2013-03-12");
	int v = event(&f, "riot", NULL, -1);
	figure(&f, v, "injured", "no", 0, 0, true, true);
	figure(&f, v, "injured", "three", 3, 3, true, true);
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "injured");
	assert_int_equal(k->kind, CR_F_CONFLICT);
	teardown_fixture(&f);
}

static void test_a_wide_figure_does_not_bridge_two_that_exclude_each_other(void **state)
{
	(void)state;
	fixture f = {0};
	int p;
	doc(&f, "A", "2005-11-27");
	p = entity(&f, CR_E_PLACE, "Qeshm");
	claim(&f, CR_SUBJ_ENTITY, p, "population", "120,000")->has_number = true;
	f.an[f.n - 1].claims[0].low = f.an[f.n - 1].claims[0].high = 120000;
	f.an[f.n - 1].claims[0].has_low = f.an[f.n - 1].claims[0].has_high = true;
	doc(&f, "B", "2005-11-27");
	p = entity(&f, CR_E_PLACE, "Qeshm");
	cr_claim *c = claim(&f, CR_SUBJ_ENTITY, p, "population", "more than 100,000");
	c->has_number = c->has_low = true;
	c->low = 100001;
	doc(&f, "C", "2005-11-27");
	p = entity(&f, CR_E_PLACE, "Qeshm");
	c = claim(&f, CR_SUBJ_ENTITY, p, "population", "200,000");
	c->has_number = c->has_low = c->has_high = true;
	c->low = c->high = 200000;
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "population");
	assert_int_equal(k->kind, CR_F_CONFLICT);
	assert_non_null(strstr(k->explanation, "200,000 (d3) vs"));
	teardown_fixture(&f);
}

static void test_falling_count_is_a_conflict(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2022-03-10");
	figure(&f, event(&f, "siege", "theatre", -1), "killed", "about 300", 270, 330, true, true);
	doc(&f, "B", "2022-04-20");
	figure(&f, event(&f, "siege", "theatre", -1), "killed", "at least 10", 10, 0, true, false);
	resolve(&f);
	assert_int_equal(finding_for(&f.l, "killed")->kind, CR_F_CONFLICT);
	teardown_fixture(&f);
}

static void test_ages_a_year_apart_fit_one_birth_year(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2022-03-25");
	int e = entity(&f, CR_E_PERSON, "Mikhail Mizintsev");
	cr_claim *c = claim(&f, CR_SUBJ_ENTITY, e, "age", "59");
	c->has_number = c->has_low = c->has_high = true;
	c->low = c->high = 59;
	doc(&f, "B", "2023-04-15");
	e = entity(&f, CR_E_PERSON, "Mikhail Mizintsev");
	c = claim(&f, CR_SUBJ_ENTITY, e, "age", "60");
	c->has_number = c->has_low = c->has_high = true;
	c->low = c->high = 60;
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "age");
	assert_int_equal(k->kind, CR_F_CONSISTENT);
	assert_non_null(strstr(k->explanation, "birth"));
	teardown_fixture(&f);
}

static void test_ages_that_no_birth_date_fits_conflict(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2022-03-25");
	int e = entity(&f, CR_E_PERSON, "Mikhail Mizintsev");
	cr_claim *c = claim(&f, CR_SUBJ_ENTITY, e, "age", "59");
	c->has_number = c->has_low = c->has_high = true;
	c->low = c->high = 59;
	doc(&f, "B", "2022-04-15");
	e = entity(&f, CR_E_PERSON, "Mikhail Mizintsev");
	c = claim(&f, CR_SUBJ_ENTITY, e, "age", "64");
	c->has_number = c->has_low = c->has_high = true;
	c->low = c->high = 64;
	resolve(&f);
	assert_int_equal(finding_for(&f.l, "age")->kind, CR_F_CONFLICT);
	teardown_fixture(&f);
}

static void test_an_age_as_of_an_earlier_date_fits_a_later_one(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", "2008-12-19");
	int e = entity(&f, CR_E_PERSON, "Mark Felt");
	cr_claim *c = claim(&f, CR_SUBJ_ENTITY, e, "age", "95");
	c->has_number = c->has_low = c->has_high = true;
	c->low = c->high = 95;
	c = claim(&f, CR_SUBJ_ENTITY, e, "age", "91");   /* "in 2005, at the age of 91" */
	c->has_number = c->has_low = c->has_high = true;
	c->low = c->high = 91;
	cr_day_parse("2005-01-01", &c->value_time.earliest);
	cr_day_parse("2005-12-31", &c->value_time.latest);
	doc(&f, "B", "2008-12-20");
	e = entity(&f, CR_E_PERSON, "Mark Felt");
	c = claim(&f, CR_SUBJ_ENTITY, e, "age", "95");
	c->has_number = c->has_low = c->has_high = true;
	c->low = c->high = 95;
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "age");
	assert_non_null(k);
	assert_int_equal(k->kind, CR_F_CONSISTENT);
	assert_non_null(strstr(k->explanation, "as of 2005"));
	teardown_fixture(&f);
}

static void test_one_document_is_single_source(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	figure(&f, event(&f, "airstrike", "school", -1), "injured", "17", 17, 17, true, true);
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "injured");
	assert_int_equal(k->kind, CR_F_SINGLE);
	assert_int_equal(k->outlets, 1);
	assert_int_equal(k->originators, 1);
	teardown_fixture(&f);
}

static void test_same_named_source_is_one_originator(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "A", NULL);
	int s = entity(&f, CR_E_ORG, "Syrian Network for Human Rights");
	cr_claim *c = figure(&f, event(&f, "airstrike", "hospital", -1), "killed", "1,640", 1640, 1640, true, true);
	c->source = s;
	doc(&f, "B", NULL);
	s = entity(&f, CR_E_ORG, "Syrian Network for Human Rights");
	c = figure(&f, event(&f, "airstrike", "hospital", -1), "killed", "1640", 1640, 1640, true, true);
	c->source = s;
	resolve(&f);
	const cr_finding *k = finding_for(&f.l, "killed");
	assert_int_equal(k->outlets, 2);
	assert_int_equal(k->originators, 1);
	teardown_fixture(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_people_sharing_first_name_stay_apart),
		cmocka_unit_test(test_transliteration_variants_merge),
		cmocka_unit_test(test_surname_joins_the_one_full_name),
		cmocka_unit_test(test_ambiguous_surname_stays_apart),
		cmocka_unit_test(test_organisation_spellings_merge),
		cmocka_unit_test(test_one_letter_slips_merge_with_shared_context),
		cmocka_unit_test(test_slips_within_one_report_merge),
		cmocka_unit_test(test_team_last_word_joins_the_one_team),
		cmocka_unit_test(test_name_is_the_form_most_seen_across_documents),
		cmocka_unit_test(test_a_plural_last_word_is_the_same_organisation),
		cmocka_unit_test(test_a_trade_word_closing_a_company_name_is_dropped),
		cmocka_unit_test(test_two_nationalities_keep_two_organisations),
		cmocka_unit_test(test_a_plural_inner_word_is_the_same_organisation),
		cmocka_unit_test(test_an_ambiguous_acronym_joins_the_one_of_its_report),
		cmocka_unit_test(test_a_ministry_in_either_word_order_is_one),
		cmocka_unit_test(test_an_abbreviated_mount_or_fort_is_the_same_place),
		cmocka_unit_test(test_a_legal_form_makes_a_company_whatever_the_tagger_read),
		cmocka_unit_test(test_an_organisation_led_by_two_names_of_one_place_is_one),
		cmocka_unit_test(test_a_country_in_the_possessive_leads_the_same_organisation),
		cmocka_unit_test(test_different_organisations_stay_apart),
		cmocka_unit_test(test_acronym_joins_the_one_organisation_it_abbreviates),
		cmocka_unit_test(test_two_names_of_one_gazetteer_place_merge),
		cmocka_unit_test(test_renamed_places_merge),
		cmocka_unit_test(test_same_target_reports_are_one_event),
		cmocka_unit_test(test_earthquakes_months_apart_are_two_events),
		cmocka_unit_test(test_shootings_in_two_countries_are_two_events),
		cmocka_unit_test(test_a_missing_count_of_one_day_is_no_running_count),
		cmocka_unit_test(test_a_fire_of_two_days_is_one_event_of_its_first),
		cmocka_unit_test(test_undated_news_of_a_dated_report_is_recent),
		cmocka_unit_test(test_a_day_with_no_year_takes_its_storys_year),
		cmocka_unit_test(test_undated_background_event_stays_open),
		cmocka_unit_test(test_two_regions_of_one_country_are_apart),
		cmocka_unit_test(test_personal_events_join_by_their_person),
		cmocka_unit_test(test_dismissal_and_resignation_of_one_man_are_one_departure),
		cmocka_unit_test(test_undated_reports_of_two_stories_stay_apart),
		cmocka_unit_test(test_every_pair_of_copies_is_found),
		cmocka_unit_test(test_disjoint_lower_bounds_conflict),
		cmocka_unit_test(test_closed_figures_apart_do_not_overlap),
		cmocka_unit_test(test_a_wide_figure_between_two_runs_names_the_pair_apart),
		cmocka_unit_test(test_a_figure_for_one_nationality_is_not_compared_with_totals),
		cmocka_unit_test(test_head_and_director_of_one_organisation_are_one_post),
		cmocka_unit_test(test_overlapping_figures_corroborate),
		cmocka_unit_test(test_running_count_is_an_update_not_a_conflict),
		cmocka_unit_test(test_falling_count_is_a_conflict),
		cmocka_unit_test(test_same_day_reports_may_count_up),
		cmocka_unit_test(test_one_report_that_contradicts_itself_is_a_conflict),
		cmocka_unit_test(test_a_wide_figure_does_not_bridge_two_that_exclude_each_other),
		cmocka_unit_test(test_ages_a_year_apart_fit_one_birth_year),
		cmocka_unit_test(test_ages_that_no_birth_date_fits_conflict),
		cmocka_unit_test(test_an_age_as_of_an_earlier_date_fits_a_later_one),
		cmocka_unit_test(test_one_document_is_single_source),
		cmocka_unit_test(test_same_named_source_is_one_originator),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
