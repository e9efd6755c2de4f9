/*
 * outlet.c: the outlet a URL names — its registered domain, lower case and
 * without "www." ("http://news.bbc.co.uk/2/hi/..." is bbc.co.uk,
 * "articles.latimes.com" latimes.com), by data/lexicon/outlet-hosts.tsv: a
 * public suffix ("co.uk") takes one label more, and a blogging platform's
 * subdomains are outlets of their own ("secretdubai.blogspot.nl"). Two
 * articles of one site are one outlet, so they never corroborate each other.
 */
#include "ingest/document.h"
#include "util/map.h"

#include <pthread.h>
#include <string.h>

static cr_lexicon *hosts;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	hosts = cr_lexicon_load(CR_DATA(lexicon_outlet_hosts_tsv), true);
}

static const char *rule_of(const char *d, size_t n)
{
	long r = hosts ? cr_lexicon_find(hosts, d, n) : -1;
	return r >= 0 && hosts->ncols[r] > 1 ? hosts->cols[r][1] : NULL;
}

/* Where the label that starts the last k labels of host[0..n) begins, or n when fewer. */
static size_t last_labels(const char *h, size_t n, int k)
{
	for (size_t i = n; i-- > 0;)
		if (h[i] == '.' && --k == 0)
			return i + 1;
	return k == 1 ? 0 : n;
}

char *cr_outlet_of_url(const char *url)
{
	pthread_once(&once, load);
	if (!url)
		return NULL;
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	const char *end = p;
	while (*end && *end != '/' && *end != '?' && *end != '#')
		end++;
	const char *at = memchr(p, '@', (size_t)(end - p));
	if (at)
		p = at + 1;
	const char *colon = memchr(p, ':', (size_t)(end - p));
	if (colon)
		end = colon;
	char host[256];
	size_t n = 0;
	for (const char *q = p; q < end && n + 1 < sizeof host; q++)
		host[n++] = (char)cr_lower((unsigned char)*q);
	while (n && host[n - 1] == '.')
		n--;
	host[n] = 0;
	if (n == 0 || !memchr(host, '.', n))
		return NULL;
	/* a numeric host is its own outlet */
	bool numeric = true;
	for (size_t i = 0; i < n && numeric; i++)
		numeric = cr_is_digit((unsigned char)host[i]) || host[i] == '.';
	if (numeric)
		return cr_xstrndup(host, n);
	size_t two = last_labels(host, n, 2), three = last_labels(host, n, 3), four = last_labels(host, n, 4);
	const char *r2 = rule_of(host + two, n - two), *r3 = three < two ? rule_of(host + three, n - three) : NULL;
	size_t from = two;
	if (r2 && strcmp(r2, "suffix") == 0)
		from = three;
	if (r3 && strcmp(r3, "platform") == 0)
		from = four;
	else if (r2 && strcmp(r2, "platform") == 0)
		from = three;
	if (from < n && strncmp(host + from, "www.", 4) == 0)
		from += 4;
	return cr_xstrndup(host + from, n - from);
}
