/*
 * test_figures.c: the numbers and scopes behind casualty figures
 * (src/extract/figures.c) that the golden cases, which compare words, do
 * not see — coordinated counts, a total over its breakdown, counts of one,
 * denied zeros, populations, magnitudes — and, across documents, that a
 * victim singled out is no rival of the toll.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "extract/analysis.h"
#include "resolve/resolve.h"

static cr_extractor *X;

static int setup(void **state)
{
	(void)state;
	char err[256];
	return cr_extractor_new(&X, err, sizeof err);
}

static int teardown(void **state)
{
	(void)state;
	cr_extractor_free(X);
	return 0;
}

static void analyze(cr_analysis *a, const char *text)
{
	cr_dayrange pub = {CR_DAY_NONE, CR_DAY_NONE};
	cr_day_parse("2024-03-06", &pub.earliest);
	pub.latest = pub.earliest;
	assert_int_equal(cr_analyze(a, X, text, strlen(text), pub), 0);
}

/* The claims of predicate pred, and the first of them in *first. */
static size_t claims_of(const cr_analysis *a, const char *pred, const cr_claim **first)
{
	size_t n = 0;
	*first = NULL;
	for (size_t i = 0; i < a->nclaims; i++)
		if (strcmp(a->claims[i].predicate, pred) == 0) {
			if (!n)
				*first = &a->claims[i];
			n++;
		}
	return n;
}

static void assert_count(const cr_claim *c, double low, double high, const char *scope)
{
	assert_non_null(c);
	assert_true(c->has_number && c->has_low && c->has_high);
	assert_true(c->low == low && c->high == high);
	assert_string_equal(c->scope, scope);
}

static void test_coordinated_people_add_up(void **state)
{
	(void)state;
	cr_analysis a;
	const cr_claim *c;
	analyze(&a, "A fire at a warehouse in Hull killed two women and a man on Tuesday.");
	assert_int_equal(claims_of(&a, "killed", &c), 1);
	assert_count(c, 3, 3, "");
	cr_analysis_free(&a);
}

static void test_others_besides_the_dead_may_count_them(void **state)
{
	(void)state;
	cr_analysis a;
	const cr_claim *c;
	/* the 31 others are besides the dead: 31 trapped, or 33 with the two */
	analyze(&a, "A fire at a zinc mine near Valdor killed two miners and trapped 31 others underground.");
	assert_int_equal(claims_of(&a, "trapped", &c), 1);
	assert_count(c, 31, 33, "");
	cr_analysis_free(&a);
	analyze(&a, "A fire at a zinc mine near Valdor killed two miners. Another 31 miners were trapped underground.");
	assert_int_equal(claims_of(&a, "trapped", &c), 1);
	assert_count(c, 31, 33, "");
	cr_analysis_free(&a);
	/* no others: the count as written */
	analyze(&a, "A fire at a zinc mine near Valdor killed two miners and trapped 31 workers underground.");
	assert_int_equal(claims_of(&a, "trapped", &c), 1);
	assert_count(c, 31, 31, "");
	cr_analysis_free(&a);
}

static void test_total_keeps_over_its_breakdown(void **state)
{
	(void)state;
	cr_analysis a;
	const cr_claim *c;
	analyze(&a, "Three workers, a man and two women, were killed when fire swept through a warehouse in Hull on Tuesday.");
	assert_int_equal(claims_of(&a, "killed", &c), 1);
	assert_count(c, 3, 3, "");
	cr_analysis_free(&a);
}

static void test_people_singled_out_are_an_enumeration(void **state)
{
	(void)state;
	cr_analysis a;
	const cr_claim *c;
	analyze(&a, "A bomb exploded at a bank in Salem on Friday, killing a police officer and a bomb technician.");
	assert_int_equal(claims_of(&a, "killed", &c), 1);
	assert_count(c, 2, 2, "n2");
	cr_analysis_free(&a);
	analyze(&a, "A mother of 12 was killed in a shooting in Flatbush on Friday.");
	assert_int_equal(claims_of(&a, "killed", &c), 1);
	assert_count(c, 1, 1, "n1");
	cr_analysis_free(&a);
	/* "the deputy and father to two boys" is one man; his boys are no victims */
	analyze(&a, "A deputy was shot dead in Lakewood on Friday. The 35-year-old deputy and father to two boys died at the scene.");
	assert_int_equal(claims_of(&a, "killed", &c), 2);
	for (size_t i = 0; i < a.nclaims; i++)
		if (strcmp(a.claims[i].predicate, "killed") == 0)
			assert_count(&a.claims[i], 1, 1, "n1");
	cr_analysis_free(&a);
	/* "among the dead": a part of the toll, never its rival */
	analyze(&a, "A bomb exploded in a market in Quetta on Monday, killing 20 people. Two children were among the dead.");
	assert_int_equal(claims_of(&a, "killed", &c), 2);
	assert_count(c, 20, 20, "");
	for (size_t i = 0; i < a.nclaims; i++)
		if (strcmp(a.claims[i].predicate, "killed") == 0 && &a.claims[i] != c)
			assert_count(&a.claims[i], 2, 2, "n2");
	cr_analysis_free(&a);
	/* a bare "one" is a person singled out, no toll */
	analyze(&a, "A gunman opened fire at a school in Leeds on Friday. When one is killed, all of us lose.");
	assert_int_equal(claims_of(&a, "killed", &c), 1);
	assert_count(c, 1, 1, "n1");
	cr_analysis_free(&a);
}

static void test_no_one_is_a_denied_zero(void **state)
{
	(void)state;
	cr_analysis a;
	const cr_claim *c;
	analyze(&a, "A fire destroyed a supermarket in Banbury on Friday. No-one was injured in the fire.");
	assert_int_equal(claims_of(&a, "injured", &c), 1);
	assert_count(c, 0, 0, "");
	assert_int_equal(c->modality, CR_MODAL_DENIED);
	cr_analysis_free(&a);
	/* "no one" that counts no one's casualty is no figure */
	analyze(&a, "A fire destroyed a supermarket in Banbury on Friday. No one believed the story.");
	assert_int_equal(claims_of(&a, "injured", &c), 0);
	assert_int_equal(claims_of(&a, "killed", &c), 0);
	cr_analysis_free(&a);
}

static void test_age_after_names_is_no_toll(void **state)
{
	(void)state;
	cr_analysis a;
	const cr_claim *c;
	analyze(&a, "A bomb exploded at a bank in Salem on Friday. Officer Tom Reed and Officer Bill Hart, both 51, died at the scene.");
	assert_int_equal(claims_of(&a, "killed", &c), 2);
	for (size_t i = 0; i < a.nclaims; i++)
		if (strcmp(a.claims[i].predicate, "killed") == 0)
			assert_count(&a.claims[i], 1, 1, "n1");
	cr_analysis_free(&a);
}

/* "In Syria, 1,400 had died" of a quake that struck Turkey and Syria: the
 * quake's figure for Syria, compared only with figures for Syria. */
static void test_figure_for_part_of_a_disaster_area(void **state)
{
	(void)state;
	cr_analysis a;
	const cr_claim *c;
	analyze(&a, "A powerful earthquake struck southern Turkey and northern Syria on Monday, killing more than 5,000 people."
	            "\n\nIn Syria, the health ministry said at least 1,400 people had died.");
	assert_int_equal(claims_of(&a, "killed", &c), 2);
	const cr_claim *syria = NULL;
	for (size_t i = 0; i < a.nclaims; i++)
		if (strcmp(a.claims[i].predicate, "killed") == 0 && &a.claims[i] != c)
			syria = &a.claims[i];
	assert_int_equal(c->value_entity, -1);
	assert_int_equal(syria->subject_kind, CR_SUBJ_EVENT);
	assert_int_equal(syria->subject, c->subject);
	assert_true(syria->value_entity >= 0);
	assert_string_equal(a.entities[syria->value_entity].name, "Syria");
	cr_analysis_free(&a);
}

static void test_population_and_magnitude_values(void **state)
{
	(void)state;
	cr_analysis a;
	const cr_claim *c;
	analyze(&a, "The earthquake struck Gotland island, home to 60,000 people, and the city of Kalmar, officials said.");
	assert_int_equal(claims_of(&a, "population", &c), 1);
	assert_count(c, 60000, 60000, "");
	assert_int_equal(c->subject_kind, CR_SUBJ_ENTITY);
	assert_string_equal(a.entities[c->subject].name, "Gotland");
	cr_analysis_free(&a);
	analyze(&a, "Two earthquakes with magnitudes of 6.1 and 5.8 struck the coast of Chile on Monday.");
	assert_int_equal(claims_of(&a, "magnitude", &c), 2);
	assert_count(c, 6.1, 6.1, "");
	for (size_t i = 0; i < a.nclaims; i++)
		if (strcmp(a.claims[i].predicate, "magnitude") == 0 && &a.claims[i] != c)
			assert_count(&a.claims[i], 5.8, 5.8, "");
	cr_analysis_free(&a);
}

/* Two reports of one rampage: the toll (four) and one victim singled out
 * (a deputy) agree; the ledger has no conflict over what was killed. */
static void test_victim_singled_out_is_no_rival_of_the_toll(void **state)
{
	(void)state;
	static const char *texts[] = {
		"A gunman killed four people in a shooting at the courthouse in Atlanta on Friday.",
		"Outside the courthouse in Atlanta, the gunman shot and killed a deputy during the shooting on Friday.",
	};
	cr_analysis an[2];
	cr_docinfo docs[2];
	memset(docs, 0, sizeof docs);
	for (size_t i = 0; i < 2; i++) {
		analyze(&an[i], texts[i]);
		docs[i].id = (int64_t)i + 1;
		docs[i].outlet = i ? "B" : "A";
		docs[i].text = texts[i];
		docs[i].len = strlen(texts[i]);
		docs[i].published = an[i].published;
	}
	cr_ledger l;
	cr_resolve(&l, docs, an, 2);
	size_t killed = 0;
	int subject = -1;
	for (size_t i = 0; i < l.nclaims; i++)
		if (strcmp(l.claims[i].predicate, "killed") == 0) {
			/* one event behind both reports, so the claims are compared */
			assert_true(subject < 0 || subject == l.claims[i].subject);
			subject = l.claims[i].subject;
			killed++;
		}
	assert_int_equal(killed, 2);
	for (size_t i = 0; i < l.nfindings; i++)
		assert_false(strcmp(l.findings[i].predicate, "killed") == 0 && l.findings[i].kind == CR_F_CONFLICT);
	cr_ledger_free(&l);
	for (size_t i = 0; i < 2; i++)
		cr_analysis_free(&an[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coordinated_people_add_up),
		cmocka_unit_test(test_others_besides_the_dead_may_count_them),
		cmocka_unit_test(test_total_keeps_over_its_breakdown),
		cmocka_unit_test(test_people_singled_out_are_an_enumeration),
		cmocka_unit_test(test_no_one_is_a_denied_zero),
		cmocka_unit_test(test_age_after_names_is_no_toll),
		cmocka_unit_test(test_figure_for_part_of_a_disaster_area),
		cmocka_unit_test(test_population_and_magnitude_values),
		cmocka_unit_test(test_victim_singled_out_is_no_rival_of_the_toll),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
