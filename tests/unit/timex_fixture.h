/*
 * timex_fixture.h: what the time-expression tests share: one recognizer
 * context for a test file (cmocka group setup/teardown) and days written
 * in ISO form. Include after <cmocka.h>.
 */
#ifndef CR_TEST_TIMEX_FIXTURE_H
#define CR_TEST_TIMEX_FIXTURE_H

#include "time/timex.h"

static cr_timex_ctx *ctx;

static int setup(void **state)
{
	(void)state;
	ctx = cr_timex_new();
	return ctx ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	cr_timex_free(ctx);
	return 0;
}

/* The one day written "YYYY-MM-DD". */
static inline cr_dayrange day(const char *iso)
{
	int32_t z;
	assert_true(cr_day_parse(iso, &z));
	return (cr_dayrange){z, z};
}

#endif
