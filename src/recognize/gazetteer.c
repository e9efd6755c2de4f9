/*
 * gazetteer.c: longest-match lookup of multi-word names.
 *
 * Two hash maps do the work. `full` maps a whole name, its words joined by
 * single spaces, to its entry; `first` maps the first word of every name to the
 * largest word count of the names that start with it. A lookup at word i reads
 * `first` once (most words start no name and cost one probe), then tries the
 * joined keys from the longest possible length down to one word. Cost per word
 * is O(CR_GAZ_MAX_WORDS) probes at worst; memory is the names plus two maps.
 *
 * Limits: matching is exact on bytes, so "Kyiv" does not match "KYIV" or
 * "Kiev" unless the list holds those forms; names are split on spaces only, so
 * a tokenizer that splits "Bosnia-Herzegovina" into three tokens misses it.
 */
#include "recognize/gazetteer.h"
#include "util/map.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct gaz_entry {
	const char *name, *extra;
	uint8_t type;
} gaz_entry;

struct cr_gazetteer {
	bool first_byte[256];  /* some name starts with this byte: most words skip the map */
	CR_VEC(gaz_entry) entries;
	cr_map *full, *first;
	cr_arena *arena;
};

cr_gazetteer *cr_gazetteer_new(void)
{
	cr_gazetteer *g = cr_xcalloc(1, sizeof *g);
	g->full = cr_map_new();
	g->first = cr_map_new();
	g->arena = cr_arena_new();
	return g;
}

void cr_gazetteer_free(cr_gazetteer *g)
{
	if (!g)
		return;
	cr_vec_free(&g->entries);
	cr_map_free(g->full);
	cr_map_free(g->first);
	cr_arena_free(g->arena);
	free(g);
}

size_t cr_gazetteer_count(const cr_gazetteer *g)
{
	return g->entries.len;
}

int cr_gazetteer_add(cr_gazetteer *g, const char *name, size_t len, cr_ent_type type, const char *extra)
{
	/* Normalise runs of spaces so that the key is the words joined by one space. */
	char key[512];
	size_t k = 0, nwords = 0, firstlen = 0;
	for (size_t i = 0; i < len;) {
		while (i < len && name[i] == ' ')
			i++;
		if (i == len)
			break;
		if (nwords && k < sizeof key)
			key[k++] = ' ';
		while (i < len && name[i] != ' ' && k < sizeof key)
			key[k++] = name[i++];
		if (k == sizeof key)
			return -1;
		if (++nwords == 1)
			firstlen = k;
	}
	if (nwords == 0 || nwords > CR_GAZ_MAX_WORDS || type == CR_ENT_NONE)
		return -1;
	if (cr_map_get(g->full, key, k, NULL))
		return 0;
	gaz_entry e = {cr_arena_strndup(g->arena, key, k),
	               extra ? cr_arena_strndup(g->arena, extra, strlen(extra)) : "", (uint8_t)type};
	g->first_byte[(unsigned char)key[0]] = true;
	cr_map_put(g->full, key, k, (intptr_t)g->entries.len);
	cr_vec_push(&g->entries, e);
	intptr_t maxw = 0;
	cr_map_get(g->first, key, firstlen, &maxw);
	if ((intptr_t)nwords > maxw)
		cr_map_put(g->first, key, firstlen, (intptr_t)nwords);
	return 1;
}

int cr_gazetteer_add_tsv(cr_gazetteer *g, const char *data, size_t len, char *err, size_t errlen)
{
	int added = 0;
	size_t lineno = 0;
	for (size_t p = 0; p < len;) {
		const char *line = data + p;
		const char *nl = memchr(line, '\n', len - p);
		size_t ll = nl ? (size_t)(nl - line) : len - p;
		p += ll + 1;
		lineno++;
		if (ll && line[ll - 1] == '\r')
			ll--;
		if (ll == 0 || line[0] == '#')
			continue;
		const char *t1 = memchr(line, '\t', ll);
		if (!t1) {
			snprintf(err, errlen, "gazetteer line %zu: no type column", lineno);
			return -1;
		}
		const char *ty = t1 + 1;
		const char *t2 = memchr(ty, '\t', (size_t)(line + ll - ty));
		size_t tylen = t2 ? (size_t)(t2 - ty) : (size_t)(line + ll - ty);
		cr_ent_type type = cr_ent_type_parse(ty, tylen);
		if (type == CR_ENT_NONE) {
			snprintf(err, errlen, "gazetteer line %zu: unknown type '%.*s'", lineno, (int)tylen, ty);
			return -1;
		}
		char extra[256] = "";
		if (t2) {
			size_t el = CR_MIN((size_t)(line + ll - t2 - 1), sizeof extra - 1);
			memcpy(extra, t2 + 1, el);
			extra[el] = 0;
		}
		if (cr_gazetteer_add(g, line, (size_t)(t1 - line), type, extra) > 0)
			added++;
	}
	return added;
}

static const enum cr_data_id default_files[] = {
	CR_DATA(gazetteer_extra_tsv),        CR_DATA(gazetteer_countries_tsv), CR_DATA(gazetteer_demonyms_tsv),
	CR_DATA(gazetteer_subdivisions_tsv), CR_DATA(gazetteer_cities_tsv),
};
static cr_gazetteer *default_gaz;
static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static char default_err[300]; /* why it is missing: cr_gazetteer_default_error */

static void load_default(void)
{
	cr_gazetteer *g = cr_gazetteer_new();
	char err[200];
	for (size_t i = 0; i < CR_ARRAY_LEN(default_files); i++) {
		size_t len;
		const char *d = cr_data(default_files[i], &len);
		if (cr_gazetteer_add_tsv(g, d, len, err, sizeof err) < 0) {
			snprintf(default_err, sizeof default_err, "data/%s: %s", cr_data_name(default_files[i]), err);
			cr_gazetteer_free(g);
			return;
		}
	}
	default_gaz = g;
}

const cr_gazetteer *cr_gazetteer_default(void)
{
	pthread_once(&default_once, load_default);
	return default_gaz;
}

const char *cr_gazetteer_default_error(void)
{
	pthread_once(&default_once, load_default);
	return default_err[0] ? default_err : NULL;
}

size_t cr_gazetteer_match(const cr_gazetteer *g, const char *const *words, const size_t *lens,
                          size_t n, size_t i, uint32_t *entry)
{
	if (i >= n || lens[i] == 0 || !g->first_byte[(unsigned char)words[i][0]])
		return 0;
	intptr_t maxw;
	if (!cr_map_get(g->first, words[i], lens[i], &maxw))
		return 0;
	size_t top = CR_MIN((size_t)maxw, n - i);
	char key[512];
	for (size_t w = top; w >= 1; w--) {
		size_t k = 0;
		bool fits = true;
		for (size_t j = i; j < i + w; j++) {
			if (k + lens[j] + 1 > sizeof key) {
				fits = false;
				break;
			}
			if (j > i)
				key[k++] = ' ';
			memcpy(key + k, words[j], lens[j]);
			k += lens[j];
		}
		intptr_t v;
		if (fits && cr_map_get(g->full, key, k, &v)) {
			if (entry)
				*entry = (uint32_t)v;
			return w;
		}
	}
	return 0;
}

cr_ent_type cr_gazetteer_type(const cr_gazetteer *g, uint32_t entry)
{
	return entry < g->entries.len ? (cr_ent_type)g->entries.items[entry].type : CR_ENT_NONE;
}

const char *cr_gazetteer_name(const cr_gazetteer *g, uint32_t entry)
{
	return entry < g->entries.len ? g->entries.items[entry].name : NULL;
}

const char *cr_gazetteer_extra(const cr_gazetteer *g, uint32_t entry)
{
	return entry < g->entries.len ? g->entries.items[entry].extra : NULL;
}

void cr_gazetteer_tag(uint8_t *tags, const cr_gazetteer *g, const char *const *words,
                      const size_t *lens, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t e;
		size_t w = g ? cr_gazetteer_match(g, words, lens, n, i, &e) : 0;
		if (w == 0) {
			tags[i++] = 0;
			continue;
		}
		uint8_t b = (uint8_t)(1 + 2 * (cr_gazetteer_type(g, e) - 1));
		for (size_t j = 0; j < w; j++)
			tags[i + j] = (uint8_t)(b + (j > 0));
		i += w;
	}
}

bool cr_gazetteer_whole(const char *name, size_t n, uint32_t *entry)
{
	const cr_gazetteer *g = cr_gazetteer_default();
	const char *words[CR_GAZ_MAX_WORDS];
	size_t lens[CR_GAZ_MAX_WORDS], nw = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && name[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && name[j] != ' ')
			j++;
		if (j == i)
			break;
		if (nw == CR_GAZ_MAX_WORDS)
			return false;
		words[nw] = name + i;
		lens[nw++] = j - i;
		i = j;
	}
	return g && nw > 0 && cr_gazetteer_match(g, words, lens, nw, 0, entry) == nw;
}

/* The extra string of the entry that is the whole name, or NULL. */
static const char *whole_name_extra(const char *name, size_t n)
{
	uint32_t e;
	return cr_gazetteer_whole(name, n, &e) ? cr_gazetteer_extra(cr_gazetteer_default(), e) : NULL;
}

cr_place_kind cr_gazetteer_place(const char *name, size_t n, char cc[3])
{
	const char *x = whole_name_extra(name, n), *colon = x ? strchr(x, ':') : NULL;
	cc[0] = 0;
	if (!colon || !cr_is_upper((unsigned char)colon[1]) || !cr_is_upper((unsigned char)colon[2]))
		return CR_PLACE_UNKNOWN;
	cc[0] = colon[1], cc[1] = colon[2], cc[2] = 0;
	if (strncmp(x, "city:", 5) == 0)
		return CR_PLACE_CITY;
	if (strncmp(x, "country:", 8) == 0)
		return CR_PLACE_COUNTRY;
	if (strncmp(x, "subdivision:", 12) == 0)
		return CR_PLACE_SUBDIVISION;
	if (strncmp(x, "demonym:", 8) == 0)
		return CR_PLACE_DEMONYM;
	cc[0] = 0;
	return CR_PLACE_UNKNOWN;
}

const char *cr_gazetteer_place_id(const char *name, size_t n)
{
	const char *x = whole_name_extra(name, n);
	if (x && (strncmp(x, "city:", 5) == 0 || strncmp(x, "country:", 8) == 0 || strncmp(x, "subdivision:", 12) == 0))
		return x;
	return NULL;
}

long cr_gazetteer_population(const char *name, size_t n)
{
	const char *x = whole_name_extra(name, n);
	if (!x || strncmp(x, "city:", 5) != 0 || strlen(x) < 9)
		return 0;
	return strtol(x + 8, NULL, 10);
}

bool cr_places_fit(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return true;
	const char *ia = cr_gazetteer_place_id(a, strlen(a)), *ib = cr_gazetteer_place_id(b, strlen(b));
	if (ia && ib && strcmp(ia, ib) == 0)   /* two names of one place ("Calif", "California") */
		return true;
	char ca[3], cb[3];
	cr_place_kind ka = cr_gazetteer_place(a, strlen(a), ca), kb = cr_gazetteer_place(b, strlen(b), cb);
	if (ka == CR_PLACE_UNKNOWN || kb == CR_PLACE_UNKNOWN || ka == CR_PLACE_DEMONYM || kb == CR_PLACE_DEMONYM)
		return true;
	/* two different countries, or two different cities or regions of one
	 * country, are apart. A city or region of another country than the other
	 * place's is no evidence: many towns share a name with a place elsewhere
	 * (Wellington, Somerset); the event's country settles those. */
	if (ka == CR_PLACE_COUNTRY && kb == CR_PLACE_COUNTRY)
		return false;
	return !(ka == kb && strcmp(ca, cb) == 0);
}
