/*
 * test_profile.c: the profile, accusation and attribution rules seen across
 * documents: texts run through the extractor (cr_analyze) and the resolver
 * (cr_resolve), then the ledger's claims and findings checked — a tweet
 * reprinted by a second outlet under "she tweeted" is one originator, two
 * speakers are two; an age goes to the person the apposition describes in
 * every document, never to the name next to it.
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

static cr_extractor *x;

typedef struct fixture {
	cr_docinfo docs[MAXD];
	cr_analysis an[MAXD];
	size_t n;
	cr_ledger l;
} fixture;

static int setup(void **state)
{
	(void)state;
	char err[256];
	return cr_extractor_new(&x, err, sizeof err);
}

static int teardown(void **state)
{
	(void)state;
	cr_extractor_free(x);
	return 0;
}

static void doc(fixture *f, const char *outlet, const char *text)
{
	cr_docinfo *d = &f->docs[f->n];
	memset(d, 0, sizeof *d);
	d->id = (int64_t)f->n + 1;
	d->outlet = outlet;
	d->text = text;
	d->len = strlen(text);
	cr_day_parse("2023-05-02", &d->published.earliest);
	d->published.latest = d->published.earliest;
	assert_int_equal(cr_analyze(&f->an[f->n], x, text, d->len, d->published), 0);
	f->n++;
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

/* The ledger entity with this alias, or -1. */
static int entity_named(const cr_ledger *l, const char *alias)
{
	for (size_t i = 0; i < l->nentities; i++)
		for (size_t k = 0; k < l->entities[i].naliases; k++)
			if (strcmp(l->entities[i].aliases[k], alias) == 0)
				return (int)i;
	return -1;
}

/* The finding on predicate pred about entity e, or NULL. */
static const cr_finding *finding_about(const cr_ledger *l, const char *pred, int e)
{
	for (size_t i = 0; i < l->nfindings; i++)
		if (strcmp(l->findings[i].predicate, pred) == 0 && l->findings[i].subject_kind == CR_SUBJ_ENTITY &&
		    l->findings[i].subject == e)
			return &l->findings[i];
	return NULL;
}

/* How many claims of pred the ledger holds about entity e. */
static size_t claims_about(const cr_ledger *l, const char *pred, int e)
{
	size_t n = 0;
	for (size_t i = 0; i < l->nclaims; i++)
		n += strcmp(l->claims[i].predicate, pred) == 0 && l->claims[i].subject_kind == CR_SUBJ_ENTITY &&
		     l->claims[i].subject == e;
	return n;
}

/* Two outlets print one tweet: the first names its author, the second writes "she tweeted". */
static const char tweet_a[] =
	"The rights group has collected testimony from the port city for a year. Its head wrote on Tuesday.\n"
	"\"Remember him. This is Otto Brandt. He ordered the shelling of the maternity hospital,\" Gina Ross tweeted.\n"
	"The army did not respond to a request for comment on the allegation.\n";
static const char tweet_b[] =
	"Gina Ross, head of the Harbor Rights Group, also called for General Otto Brandt to face trial in The Hague.\n"
	"\"He ordered the shelling of the maternity hospital and he must face justice,\" she tweeted on Wednesday.\n"
	"Brandt, who commands the northern front, has not commented.\n";
/* Another speaker says it in his own words. */
static const char other_speaker[] =
	"Mark Lind, a lawyer for the families, spoke to reporters in the capital on Tuesday.\n"
	"\"Otto Brandt gave the order. He ordered the shelling of the maternity hospital himself,\" Mark Lind said.\n";

static void test_reprinted_tweet_is_one_originator(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "Daily Post", tweet_a);
	doc(&f, "Evening Star", tweet_b);
	resolve(&f);
	int brandt = entity_named(&f.l, "Otto Brandt");
	assert_true(brandt >= 0);
	const cr_finding *k = finding_about(&f.l, "responsible_for", brandt);
	assert_non_null(k);
	assert_int_equal(k->outlets, 2);
	assert_int_equal(k->originators, 1);
	teardown_fixture(&f);
}

static void test_two_speakers_are_two_originators(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "Daily Post", tweet_b);
	doc(&f, "Evening Star", other_speaker);
	resolve(&f);
	const cr_finding *k = finding_about(&f.l, "responsible_for", entity_named(&f.l, "Otto Brandt"));
	assert_non_null(k);
	assert_int_equal(k->originators, 2);
	teardown_fixture(&f);
}

static void test_age_goes_to_the_described_person_in_every_document(void **state)
{
	(void)state;
	fixture f = {0};
	doc(&f, "Daily Post", "Police questioned the son of Pavel Dorn, Marek Dorn, 24, on Monday.\n");
	doc(&f, "Evening Star", "Marek Dorn, 24, was questioned by police. His father Pavel Dorn, 51, was not.\n");
	resolve(&f);
	int son = entity_named(&f.l, "Marek Dorn"), father = entity_named(&f.l, "Pavel Dorn");
	assert_true(son >= 0 && father >= 0 && son != father);
	const cr_finding *k = finding_about(&f.l, "age", son);
	assert_non_null(k);
	assert_int_equal(k->kind, CR_F_CORROBORATED);
	assert_int_equal(k->outlets, 2);
	/* the father's only age is his own, 51: no conflict made of his son's */
	k = finding_about(&f.l, "age", father);
	assert_non_null(k);
	assert_int_equal(k->kind, CR_F_SINGLE);
	assert_int_equal(claims_about(&f.l, "age", father), 1);
	teardown_fixture(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reprinted_tweet_is_one_originator),
		cmocka_unit_test(test_two_speakers_are_two_originators),
		cmocka_unit_test(test_age_goes_to_the_described_person_in_every_document),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
