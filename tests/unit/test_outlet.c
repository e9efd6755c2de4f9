/*
 * test_outlet.c: the outlet a URL names (src/ingest/outlet.c) — the
 * registered domain, a public suffix taking one label more, a blogging
 * platform's subdomains each their own — and the negatives: no host, a bare
 * word, a port or a user part that is not the host.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/document.h"

static void expect(const char *url, const char *outlet)
{
	char *o = cr_outlet_of_url(url);
	if (!outlet)
		assert_null(o);
	else {
		assert_non_null(o);
		assert_string_equal(o, outlet);
	}
	free(o);
}

static void test_outlet_is_the_registered_domain(void **state)
{
	(void)state;
	expect("http://news.bbc.co.uk/2/hi/middle_east/4475546.stm", "bbc.co.uk");
	expect("http://articles.latimes.com/2005/nov/28/world/fg-quake28", "latimes.com");
	expect("https://www.theguardian.com/world/2013/sep/16/x", "theguardian.com");
	expect("HTTPS://WWW.Example.ORG:8080/a", "example.org");
	expect("https://user@edition.cnn.com/2020/01/01/x", "cnn.com");
	expect("http://www.smh.com.au/news", "smh.com.au");
}

static void test_blog_platform_subdomains_are_outlets(void **state)
{
	(void)state;
	expect("http://secretdubai.blogspot.nl/2005/11/did-earth-move-for-you.html", "secretdubai.blogspot.nl");
	expect("http://druzifer.livejournal.com/208067.html", "druzifer.livejournal.com");
	expect("https://someone.blogspot.co.uk/x", "someone.blogspot.co.uk");
	/* the platform's own site is the platform */
	expect("https://www.blogspot.com/", "blogspot.com");
}

static void test_no_host_no_outlet(void **state)
{
	(void)state;
	expect(NULL, NULL);
	expect("", NULL);
	expect("localhost", NULL);
	expect("file:///tmp/a.txt", NULL);
	expect("http://203.0.113.7/path", "203.0.113.7");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_outlet_is_the_registered_domain),
		cmocka_unit_test(test_blog_platform_subdomains_are_outlets),
		cmocka_unit_test(test_no_host_no_outlet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
