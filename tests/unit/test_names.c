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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_given_name_nicknames_agree),
		cmocka_unit_test(test_nickname_and_full_name_are_one_person),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
