/*
 * entities.c: one entity behind every name across documents.
 *
 * Each document's local entities are nodes of a union-find. Organisations,
 * places and other names join when any of their names share a key
 * (recognize/namekey.h: case, "the", spelling variants, a leading
 * nationality adjective, a legal form); an organisation name that is the
 * same as a longer one with its last word dropped ("... Centre for Defence" /
 * "... Centre for Defence Management"), or one of its short names ("Colts" of
 * "Indianapolis Colts", "Marfin" of "Marfin Bank"), or its acronym (the
 * cluster's table of the initials of every name of an organisation or of
 * no type: "USGS"), joins it
 * when that longer name is the only one it could be. Two names the gazetteer
 * gives one place ("UAE", "United Arab Emirates") join. One name read as two
 * types is one entity of the majority type. People join when their surnames
 * agree and their given names agree (initials, middle names, nicknames, or
 * one letter apart in a name of five or more, unless one document names
 * both); a surname alone joins the one person with that surname, or the one
 * the cluster is about, and stays apart when there are several. People who
 * share only a first name never join. Transliteration and spelling variants
 * (Alishbandi / Alishvandi, Hormozgan / Hormuzgan) join only with support
 * from shared context: never two entities of one document, and their
 * documents naming two other entities in common. The merged entity keeps
 * every surface form but descriptions ("the 59-year-old") as an alias and
 * takes its fullest, most frequent form as its name.
 */
#include "resolve/resolve.h"
#include "recognize/gazetteer.h"
#include "recognize/namekey.h"
#include "util/map.h"

#include <stdlib.h>
#include <string.h>

typedef struct node {
	size_t doc;
	int local;
	char *first, *sur;      /* people: given-name and surname keys (first NULL if only a surname) */
	char *suffix;           /* "jr", "sr", "iii" or NULL */
} node;

/* The nodes and their union-find (cr_uf_find: P[i] == i for a root); each
 * group's nodes also form a ring through next, so that a rule can visit a
 * group's members without reading every node; first[d] is the first node of
 * document d (nodes are in document order; first[ndocs] == nn). */
typedef struct forest {
	node *N;
	int *P;
	int *next;
	size_t nn;
	const cr_analysis *an;
	size_t *first;
	size_t ndocs;
} forest;

static void unite(const forest *f, int a, int b)
{
	a = cr_uf_find(f->P, a);
	b = cr_uf_find(f->P, b);
	if (a == b)
		return;
	if (a < b)
		f->P[b] = a;
	else
		f->P[a] = b;
	int t = f->next[a];   /* splice the two rings */
	f->next[a] = f->next[b];
	f->next[b] = t;
}

/* Two full names of one person: given names that agree (namekey.h) and no
 * two different generational suffixes (Mark Felt Jr. is not Mark Felt Sr.). */
static bool full_names_agree(const node *x, const node *y)
{
	if (x->suffix && y->suffix && strcmp(x->suffix, y->suffix) != 0)
		return false;
	return cr_given_names_agree(x->first, y->first);
}

/* Whether the people of the roots of x and y, among the surname group m
 * (gn nodes), have no two different generational suffixes: "Mark Felt"
 * joins "Mark Felt Sr." or "Mark Felt Jr.", never both. */
static bool suffixes_fit(const node *N, int *P, const size_t *m, size_t gn, int x, int y)
{
	int rx = cr_uf_find(P, x), ry = cr_uf_find(P, y);
	const char *sx = NULL, *sy = NULL;
	for (size_t k = 0; k < gn; k++) {
		int r = cr_uf_find(P, (int)m[k]);
		if (r == rx && N[m[k]].suffix && !sx)
			sx = N[m[k]].suffix;
		if (r == ry && N[m[k]].suffix && !sy)
			sy = N[m[k]].suffix;
	}
	return !sx || !sy || strcmp(sx, sy) == 0;
}

/* Whether one of the person's nicknames is the given name: "Luis Gerardo
 * 'Jerry' Ortiz" and "Jerry Ortiz". */
static bool nickname_is_given(const cr_lentity *le, const char *given)
{
	for (size_t a = 0; a < le->naliases; a++) {
		if (!le->aliases[a].nickname || strchr(le->aliases[a].text, ' '))
			continue;
		char *k = cr_name_key(le->aliases[a].text, strlen(le->aliases[a].text), false);
		bool same = strcmp(k, given) == 0;
		free(k);
		if (same)
			return true;
	}
	return false;
}

static size_t words(const char *s)
{
	size_t w = 0;
	bool in = false;
	for (; *s; s++) {
		bool sp = *s == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

typedef struct alias_count {
	const char *text;
	uint32_t count;
	bool nickname;
} alias_count;

static int cmp_alias(const void *a, const void *b)
{
	const alias_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* The documents of group r, as keys of a new map. */
static cr_map *group_docs(const forest *f, int r)
{
	cr_map *docs = cr_map_new();
	int i = r;
	do {
		size_t d = f->N[i].doc;
		cr_map_put(docs, (const char *)&d, sizeof d, 1);
		i = f->next[i];
	} while (i != r);
	return docs;
}

/* How many entities (roots other than ra and rb) the documents of ra and of
 * rb both name. */
static size_t shared_context(const forest *f, int ra, int rb)
{
	cr_map *docs_a = group_docs(f, ra), *docs_b = group_docs(f, rb), *in_a = cr_map_new();
	size_t shared = 0;
	for (int pass = 0; pass < 2; pass++) {
		size_t it = 0, kl;
		const char *k;
		while (cr_map_next(pass == 0 ? docs_a : docs_b, &it, &k, &kl, NULL)) {
			size_t d;
			memcpy(&d, k, sizeof d);
			for (size_t i = f->first[d]; i < f->first[d + 1]; i++) {
				int r = cr_uf_find(f->P, (int)i);
				intptr_t v;
				if (r == ra || r == rb)
					continue;
				if (pass == 0)
					cr_map_put(in_a, (const char *)&r, sizeof r, 1);
				else if (cr_map_get(in_a, (const char *)&r, sizeof r, &v) && v == 1) {
					cr_map_put(in_a, (const char *)&r, sizeof r, 2);
					shared++;
				}
			}
		}
	}
	cr_map_free(docs_a);
	cr_map_free(docs_b);
	cr_map_free(in_a);
	return shared;
}

/* Whether the roots ra and rb hold two different local entities of one document. */
static bool share_a_document(const forest *f, int ra, int rb)
{
	/* walk the smaller group (the rings in step until one closes), and each
	 * of its documents' nodes for one of the other */
	int a = ra, b = rb;
	do {
		a = f->next[a], b = f->next[b];
	} while (a != ra && b != rb);
	int small = a == ra ? ra : rb, other = small == ra ? rb : ra, i = small;
	do {
		size_t d = f->N[i].doc;
		for (size_t k = f->first[d]; k < f->first[d + 1]; k++)
			if (cr_uf_find(f->P, (int)k) == other)
				return true;
		i = f->next[i];
	} while (i != small);
	return false;
}

/* Two spellings of one name: the same skeleton (namekey.h), at most two
 * edits apart, five letters or more; or a slip of the keyboard, one edit
 * (a letter left out, added, changed, or two swapped: Wetzler and Welzler,
 * Brownsville and Browsnville), in a name of seven letters or more. */
#define TYPO_LETTERS 7
static bool spellings_meet(const char *a, const char *b)
{
	if (strcmp(a, b) == 0 || strlen(a) < 5 || strlen(b) < 5)
		return false;
	size_t dist = cr_name_distance(a, b);
	if (dist > 2)
		return false;
	if (dist == 1 && strlen(a) >= TYPO_LETTERS && strlen(b) >= TYPO_LETTERS)
		return true;
	char *x = cr_name_skeleton(a), *y = cr_name_skeleton(b);
	bool same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/*
 * Transliteration and spelling variants (Alishbandi and Alishvandi, Hormozgan
 * and Hormuzgan, Hickok and Hickock, Del Giudice and DelGiudice): people
 * whose surnames are two spellings of one (spellings_meet) and whose given
 * names agree or are themselves two spellings; other names that are two
 * spellings whole, unless the gazetteer knows both as different places. A
 * slip of one letter is found through the key with any one letter left out
 * (two keys one edit apart share such a form). Each
 * join needs support from shared context, since different people have
 * similar names: the two are never two entities of one document, and their
 * documents name at least two other entities in common.
 */
typedef struct variant_entry {
	size_t node;
	char kind;    /* 'p' a person's surname, 'f' a person's names after the first, 'n' another name */
	char *key;
} variant_entry;

static void spelling_variants(const forest *f)
{
	const node *N = f->N;
	int *P = f->P;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	/* candidates share a skeleton: a person's surname's, or, after the same
	 * first given name, the rest of the name's run together ("mehdi" +
	 * "irannejad" / "iran nejad"); another name's whole */
	CR_VEC(variant_entry) entries = {0};
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *a = &an[N[i].doc].entities[N[i].local];
		if (a->type != CR_E_PERSON) {
			cr_vec_push(&entries, ((variant_entry){i, 'n', cr_name_key(a->name, strlen(a->name), false)}));
			continue;
		}
		if (!N[i].first)
			continue;
		cr_vec_push(&entries, ((variant_entry){i, 'p', cr_xstrdup(N[i].sur)}));
		const char *sp = strchr(N[i].first, ' ');
		cr_buf rest = {0};
		cr_buf_printf(&rest, "%s %s", sp ? sp + 1 : "", N[i].sur);
		cr_vec_push(&entries, ((variant_entry){i, 'f', cr_buf_detach(&rest)}));
	}
	/* bucket keys: kind, the first given name for 'f', the skeleton */
	cr_grouping buckets = {0};
	cr_map *typo_keys = cr_map_new();   /* keys whose one-letter-less forms are filed */
	for (size_t e = 0; e < entries.len; e++) {
		variant_entry *v = &entries.items[e];
		const char *first = N[v->node].first;
		size_t fl = first ? strcspn(first, " ") : 0, kl = strlen(v->key);
		/* form 0 the skeleton; form 1 + k the key without its k-th byte, once
		 * per distinct key (a name a thousand reports give is filed once: the
		 * same names join by their keys) */
		cr_buf bk = {0};
		cr_buf_printf(&bk, "%c%.*s|", v->kind, v->kind == 'f' ? (int)fl : 0, first ? first : "");
		size_t prefix = bk.len;
		cr_buf_puts(&bk, v->key);
		bool again = !cr_map_put(typo_keys, bk.data, bk.len, 1);
		size_t forms = 1 + (kl >= TYPO_LETTERS - 1 && !again ? kl : 0);
		for (size_t form = 0; form < forms; form++) {
			bk.len = prefix;
			if (form == 0) {
				char *sk = cr_name_skeleton(v->key);
				cr_buf_puts(&bk, sk);
				free(sk);
			} else {
				cr_buf_puts(&bk, "-");
				cr_buf_append(&bk, v->key, form - 1);
				cr_buf_puts(&bk, v->key + form);
			}
			cr_grouping_add(&buckets, bk.data, bk.len, e);
		}
		cr_buf_free(&bk);
	}
	for (size_t g = 0; g < buckets.n; g++) {
		const cr_group *grp = &buckets.groups[g];
		for (size_t x = 0; x < grp->len; x++)
			for (size_t y = x + 1; y < grp->len; y++) {
				const variant_entry *u = &entries.items[grp->items[x]], *w = &entries.items[grp->items[y]];
				size_t i = u->node, j = w->node;
				int ra = cr_uf_find(P, (int)i), rb = cr_uf_find(P, (int)j);
				if (ra == rb)
					continue;
				const cr_lentity *a = &an[N[i].doc].entities[N[i].local], *b = &an[N[j].doc].entities[N[j].local];
				bool meet;
				if (u->kind == 'f') {
					meet = spellings_meet(u->key, w->key);
				} else if (u->kind == 'p') {
					bool same_sur = strcmp(N[i].sur, N[j].sur) == 0, given = cr_given_names_agree(N[i].first, N[j].first);
					meet = !(N[i].suffix && N[j].suffix && strcmp(N[i].suffix, N[j].suffix) != 0) &&
					       (same_sur || spellings_meet(N[i].sur, N[j].sur)) &&
					       (given || spellings_meet(N[i].first, N[j].first)) && !(same_sur && given);
				} else {
					meet = spellings_meet(u->key, w->key) && !(cr_is_place_name(a->name) && cr_is_place_name(b->name));
				}
				if (meet && !share_a_document(f, ra, rb) && shared_context(f, ra, rb) >= 2)
					unite(f, ra, rb);
			}
	}
	cr_grouping_free(&buckets);
	cr_map_free(typo_keys);
	for (size_t e = 0; e < entries.len; e++)
		free(entries.items[e].key);
	cr_vec_free(&entries);
}


/* Files node i under key k of an index of owners: the first node to claim
 * it (1 + node), or -1 once a node of another group claims it too. */
static void own_key(cr_map *m, const char *k, size_t kl, int *P, size_t i)
{
	intptr_t prev;
	if (!cr_map_get(m, k, kl, &prev))
		cr_map_put(m, k, kl, (intptr_t)i + 1);
	else if (prev > 0 && cr_uf_find(P, (int)prev - 1) != cr_uf_find(P, (int)i))
		cr_map_put(m, k, kl, -1);
}

/* The key of an organisation's name led by a place the gazetteer knows
 * ("Los Angeles Times", "L.A. Times"): the place's identifier, then the key
 * of the rest; NULL when no place leads it or nothing follows. */
static char *place_led_key(const char *name)
{
	const char *w = name;
	const char *ends[3];
	size_t nw = 0;
	for (const char *p = name; *p && nw < 3;) {
		while (*p && *p != ' ')
			p++;
		ends[nw++] = p;
		while (*p == ' ')
			p++;
		if (!*p)
			break;
	}
	for (size_t k = nw; k-- > 0;) {
		const char *rest = ends[k];
		while (*rest == ' ')
			rest++;
		if (!*rest)
			continue;
		const char *id = cr_gazetteer_place_id(w, (size_t)(ends[k] - w));
		if (!id)
			continue;
		char *rk = cr_name_key(rest, strlen(rest), true);
		cr_buf b = {0};
		if (*rk)
			cr_buf_printf(&b, "@%s %s", id, rk);
		free(rk);
		return b.len ? cr_buf_detach(&b) : NULL;
	}
	return NULL;
}

/* An organisation's name with its nationality left out ("defence ministry"
 * of "Russian Defence Ministry"), filed with the one name it came from, or
 * as ambiguous when two names with different nationalities give it
 * ("european central bank", "turkish central bank"). */
typedef struct bare_name {
	char *kept;   /* the key with the nationality; NULL when ambiguous */
	int node;
} bare_name;
typedef CR_VEC(bare_name) bare_vec;

static void file_bare_name(cr_map *bare, bare_vec *v, const char *k, const char *kept, int from)
{
	intptr_t at;
	/* one word left ("Telecom", "Union") names too many things */
	if (!k || !strchr(k, ' '))
		return;
	if (!cr_map_get(bare, k, strlen(k), &at)) {
		cr_map_put(bare, k, strlen(k), (intptr_t)v->len);
		cr_vec_push(v, ((bare_name){cr_xstrdup(kept), from}));
	} else if (v->items[at].kept && strcmp(v->items[at].kept, kept) != 0) {
		free(v->items[at].kept);
		v->items[at].kept = NULL;
	}
}

/* The keys of an organisation's names, each with its nationality (kept)
 * and without it (bare: NULL when it has none to lose: "central bank" of
 * "Turkish Central Bank"); computed once per local entity. */
typedef struct org_keys {
	char **kept, **bare;
	size_t n;
} org_keys;

static org_keys org_keys_of(const cr_lentity *le)
{
	org_keys o = {cr_xcalloc(le->naliases + 1, sizeof(char *)), cr_xcalloc(le->naliases + 1, sizeof(char *)), le->naliases};
	for (size_t a = 0; a < le->naliases; a++) {
		const char *text = le->aliases[a].text;
		o.kept[a] = cr_org_key_kept(text, strlen(text));
		char *k = cr_name_key(text, strlen(text), true);
		if (*k && strcmp(k, o.kept[a]) != 0)
			o.bare[a] = k;
		else
			free(k);
	}
	return o;
}

static void org_keys_free(org_keys *o)
{
	for (size_t a = 0; a < o->n; a++) {
		free(o->kept[a]);
		free(o->bare[a]);
	}
	free(o->kept);
	free(o->bare);
}

/* Whether key is one of the entity's names without its nationality: "Central
 * Bank" beside "Turkish Central Bank", filed as such, not as a key. */
static bool is_stripped(const org_keys *o, const char *key)
{
	for (size_t a = 0; a < o->n; a++)
		if (o->bare[a] && strcmp(o->bare[a], key) == 0)
			return true;
	return false;
}

/* The key with the plural ending of each word of six letters or more
 * dropped ("acquisitions" "acquisition"; not "-ss", "-us", "-is"), or NULL
 * when no word has one. */
static char *singular_words(const char *k)
{
	cr_buf b = {0};
	bool changed = false;
	for (const char *w = k; *w;) {
		size_t l = strcspn(w, " ");
		bool plural = l >= 6 && w[l - 1] == 's' && w[l - 2] != 's' && w[l - 2] != 'u' && w[l - 2] != 'i';
		if (b.len)
			cr_buf_putc(&b, ' ');
		cr_buf_append(&b, w, plural ? l - 1 : l);
		changed |= plural;
		w += l;
		while (*w == ' ')
			w++;
	}
	if (!changed) {
		cr_buf_free(&b);
		return NULL;
	}
	return cr_buf_detach(&b);
}

/* Organisations, places and other names join when any of their names share
 * a key; an organisation's name without its nationality joins the one name
 * it can come from ("Defence Ministry" and "Russian Defence Ministry"), but
 * two nationalities keep two ("British Airways", "US Airways"; "European
 * Union", "Soviet Union"). The key map (key -> node) is kept for the other
 * rules. */
static cr_map *key_unions(const forest *f)
{
	node *N = f->N;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	cr_map *keys = cr_map_new();
	cr_map *bare = cr_map_new();
	bare_vec bares = {0};
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		if (le->type == CR_E_PERSON)
			continue;
		/* every name of an organisation or place is a key, also the one it is
		 * "known as"; a person's nickname never is (several may share it) */
		bool org = le->type == CR_E_ORG;
		org_keys ok = org ? org_keys_of(le) : (org_keys){0};
		for (size_t a = 0; a < le->naliases; a++) {
			const char *text = le->aliases[a].text;
			char *k = org ? cr_xstrdup(ok.kept[a]) : cr_name_key(text, strlen(text), false);
			if (org)
				file_bare_name(bare, &bares, ok.bare[a], k, (int)i);
			if (org && is_stripped(&ok, k)) {
				free(k);
				continue;
			}
			intptr_t other;
			if (*k && cr_map_get(keys, k, strlen(k), &other))
				unite(f, (int)i, (int)other);
			else if (*k)
				cr_map_put(keys, k, strlen(k), (intptr_t)i);
			/* "National Marine Fisheries Services" is "... Service": an
			 * organisation's name of three words or more, its last word's
			 * plural ending dropped, is a key too (filed, not replacing one) */
			size_t kl = strlen(k), words = 1;
			for (size_t q = 0; q < kl; q++)
				words += k[q] == ' ';
			if (le->type == CR_E_ORG && words >= 3 && kl > 4 && k[kl - 1] == 's' && k[kl - 2] != 's' && k[kl - 2] != ' ') {
				if (cr_map_get(keys, k, kl - 1, &other))
					unite(f, (int)i, (int)other);
				else
					cr_map_put(keys, k, kl - 1, (intptr_t)i);
			}
			/* "Marketing and Acquisitions Consultants" is "Marketing and
			 * Acquisition Consultants": every long word's plural ending
			 * dropped, a key too ("News", "Times" keep theirs) */
			char *sing = le->type == CR_E_ORG && words >= 3 ? singular_words(k) : NULL;
			if (sing) {
				if (cr_map_get(keys, sing, strlen(sing), &other))
					unite(f, (int)i, (int)other);
				else
					cr_map_put(keys, sing, strlen(sing), (intptr_t)i);
				free(sing);
			}
			free(k);
			/* "L.A. Times" is the "Los Angeles Times": an organisation's name led
			 * by a place, the place's names one by the gazetteer */
			char *pk = le->type == CR_E_ORG ? place_led_key(le->aliases[a].text) : NULL;
			if (pk && cr_map_get(keys, pk, strlen(pk), &other))
				unite(f, (int)i, (int)other);
			else if (pk)
				cr_map_put(keys, pk, strlen(pk), (intptr_t)i);
			free(pk);
		}
		org_keys_free(&ok);
	}
	/* the names without their nationality, where only one name gives them */
	size_t it = 0, bl;
	const char *bk;
	intptr_t at;
	while (cr_map_next(bare, &it, &bk, &bl, &at)) {
		bare_name *b = &bares.items[at];
		intptr_t other;
		if (!b->kept)
			continue;
		if (cr_map_get(keys, bk, bl, &other))
			unite(f, b->node, (int)other);
		else
			cr_map_put(keys, bk, bl, (intptr_t)b->node);
	}
	for (size_t k = 0; k < bares.len; k++)
		free(bares.items[k].kept);
	cr_vec_free(&bares);
	cr_map_free(bare);
	return keys;
}

/* An organisation's name with its last word dropped ("... Centre for
 * Defence" / "... Centre for Defence Management") joins the one longer name
 * it could be: every key is indexed by its prefix (all words but the last),
 * then each name of three words or more is looked up. */
static void prefix_unions(const forest *f, cr_map *keys)
{
	node *N = f->N;
	int *P = f->P;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	cr_map *prefixes = cr_map_new();   /* prefix -> 1 + node, or -1 when several groups */
	size_t it = 0;
	const char *kk;
	size_t kl;
	intptr_t v;
	while (cr_map_next(keys, &it, &kk, &kl, &v)) {
		const char *sp = NULL;
		for (size_t q = kl; q-- > 0;)
			if (kk[q] == ' ') {
				sp = kk + q;
				break;
			}
		if (!sp || an[N[v].doc].entities[N[v].local].type != CR_E_ORG)
			continue;
		own_key(prefixes, kk, (size_t)(sp - kk), P, (size_t)v);
		/* "... Co-operation in Europe", "... Party of Ukraine": the name without
		 * the capitalised word after its last "in" or "of" */
		const char *name = an[N[v].doc].entities[N[v].local].name, *last = strrchr(name, ' ');
		size_t pl = (size_t)(sp - kk);
		if (last && cr_is_upper((unsigned char)last[1]) && pl >= 3 &&
		    (memcmp(kk + pl - 3, " in", 3) == 0 || memcmp(kk + pl - 3, " of", 3) == 0) && pl > 3 &&
		    memchr(kk, ' ', pl - 3))
			own_key(prefixes, kk, pl - 3, P, (size_t)v);
	}
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		if (le->type != CR_E_ORG)
			continue;
		/* with its nationality, else without ("Russian National Centre
		 * for Defence" of "National Centre for Defence Management") */
		for (int bare = 0; bare < 2; bare++) {
			char *k = bare ? cr_name_key(le->name, strlen(le->name), true) : cr_org_key_kept(le->name, strlen(le->name));
			intptr_t target;
			bool found = words(k) >= 3 && cr_map_get(prefixes, k, strlen(k), &target) && target > 0;
			if (found)
				unite(f, (int)i, (int)target - 1);
			free(k);
			if (found)
				break;
		}
	}
	cr_map_free(prefixes);
}

/* An organisation's short name ("Colts" of "Indianapolis Colts", "Marfin"
 * of "Marfin Bank": cr_org_short_forms), or a geographic feature's
 * ("Mediterranean" of "Mediterranean Sea": cr_place_short_form), joins it
 * when one entity of the cluster has that short name. */
static void short_form_unions(const forest *f)
{
	node *N = f->N;
	int *P = f->P;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	cr_map *shorts = cr_map_new();   /* short key -> 1 + node, or -1 when several groups */
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		if (le->type != CR_E_ORG && le->type != CR_E_PLACE)
			continue;
		for (size_t a = 0; a < le->naliases; a++) {
			size_t st[4] = {0}, ln[4], ns = le->type == CR_E_ORG ? cr_org_short_forms(le->aliases[a].text, st, ln, 4)
			                                                     : (ln[0] = cr_place_short_form(le->aliases[a].text)) > 0;
			for (size_t k = 0; k < ns; k++) {
				char *key = cr_name_key(le->aliases[a].text + st[k], ln[k], true);
				own_key(shorts, key, strlen(key), P, i);
				free(key);
			}
		}
	}
	for (size_t i = 0; i < nn && cr_map_count(shorts); i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		if (le->type == CR_E_PERSON && N[i].first)
			continue;
		char *k = le->type == CR_E_ORG ? cr_org_key_kept(le->name, strlen(le->name))
		                               : cr_name_key(le->name, strlen(le->name), le->type != CR_E_PERSON);
		intptr_t target;
		/* a place the gazetteer knows is no organisation's short name ("Boston", "Boston Globe") */
		if (cr_map_get(shorts, k, strlen(k), &target) && target > 0 &&
		    !(an[N[target - 1].doc].entities[N[target - 1].local].type == CR_E_ORG && cr_is_place_name(le->name)))
			unite(f, (int)i, (int)target - 1);
		free(k);
	}
	cr_map_free(shorts);
}

/* Whether the words of key a appear, in order, among those of key b, b
 * having more of them. */
static bool words_within(const char *a, const char *b)
{
	size_t na = words(a), nb = words(b);
	if (na >= nb)
		return false;
	const char *p = b;
	for (const char *w = a; *w;) {
		size_t l = strcspn(w, " ");
		bool found = false;
		while (*p && !found) {
			size_t m = strcspn(p, " ");
			found = m == l && memcmp(p, w, l) == 0;
			p += m;
			while (*p == ' ')
				p++;
		}
		if (!found)
			return false;
		w += l;
		while (*w == ' ')
			w++;
	}
	return true;
}

/* An organisation's name with words left out inside it ("Betty Ford Center"
 * of "Betty Ford Treatment Center", "Marfin Bank" of "Marfin Egnatia Bank"):
 * the same first and last word, the others among the longer name's in
 * order; it joins the longer name when that is the only one it could be. */
static void inner_word_unions(const forest *f)
{
	node *N = f->N;
	int *P = f->P;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	char **keys = cr_xcalloc(nn + 1, sizeof *keys);
	cr_grouping ends = {0};   /* by first and last word */
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		if (le->type != CR_E_ORG)
			continue;
		keys[i] = cr_org_key_kept(le->name, strlen(le->name));
		if (words(keys[i]) < 2)
			continue;
		const char *last = strrchr(keys[i], ' ') + 1;
		cr_buf e = {0};
		cr_buf_printf(&e, "%.*s|%s", (int)strcspn(keys[i], " "), keys[i], last);
		cr_grouping_add(&ends, e.data, e.len, i);
		cr_buf_free(&e);
	}
	for (size_t g = 0; g < ends.n; g++) {
		const cr_group *grp = &ends.groups[g];
		for (size_t x = 0; x < grp->len; x++) {
			size_t i = grp->items[x];
			int target = -1;
			bool several = false;
			for (size_t y = 0; y < grp->len && !several; y++) {
				size_t j = grp->items[y];
				if (!words_within(keys[i], keys[j]))
					continue;
				if (target >= 0 && cr_uf_find(P, target) != cr_uf_find(P, (int)j))
					several = true;
				target = (int)j;
			}
			if (target >= 0 && !several)
				unite(f, (int)i, target);
		}
	}
	cr_grouping_free(&ends);
	for (size_t i = 0; i < nn; i++)
		free(keys[i]);
	free(keys);
}

/* A name blended from the starts of a given name and a surname ("LiLo",
 * "J.Lo", "A-Rod"): its two parts into p1 and p2 (lower case), or false. */
static bool blend_parts(const char *s, char *p1, char *p2, size_t cap)
{
	size_t n = strlen(s), cut = 0;
	if (n < 4 || n >= cap || !cr_is_upper((unsigned char)s[0]))
		return false;
	for (size_t i = 1; i < n; i++) {
		if (!cr_is_upper((unsigned char)s[i]))
			continue;
		if (cut)
			return false;   /* two parts, no more */
		cut = i;
	}
	size_t e1 = cut;
	if (cut >= 2 && (s[cut - 1] == '-' || s[cut - 1] == '.'))
		e1 = cut - 1;
	if (!cut || n - cut < 2)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!cr_is_alpha((unsigned char)s[i]) && i != e1)
			return false;
	for (size_t i = 0; i < e1; i++)
		p1[i] = (char)cr_lower((unsigned char)s[i]);
	p1[e1] = 0;
	for (size_t i = cut; i < n; i++)
		p2[i - cut] = (char)cr_lower((unsigned char)s[i]);
	p2[n - cut] = 0;
	return e1 >= 1 && e1 < cut + 1;
}

/* A blended name ("LiLo") joins the one person of the cluster whose given
 * name starts with its first part and surname with its second (Lindsay
 * Lohan); two such people, and it joins neither. */
static void blend_unions(const forest *f)
{
	node *N = f->N;
	int *P = f->P;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	/* full-named people by the initials of their given name and surname */
	cr_grouping by_initials = {0};   /* by two letters */
	for (size_t j = 0; j < nn; j++) {
		if (!N[j].first || !N[j].first[0] || !N[j].sur[0])
			continue;
		char k[2] = {N[j].first[0], N[j].sur[0]};
		cr_grouping_add(&by_initials, k, 2, j);
	}
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		char p1[32], p2[32];
		intptr_t g;
		if (N[i].first || !by_initials.index || !blend_parts(le->name, p1, p2, sizeof p1) ||
		    !cr_map_get(by_initials.index, (const char[2]){p1[0], p2[0]}, 2, &g))
			continue;
		const cr_group *people = &by_initials.groups[g - 1];
		int target = -1;
		bool several = false;
		for (size_t q = 0; q < people->len && !several; q++) {
			size_t j = people->items[q];
			if (strncmp(N[j].first, p1, strlen(p1)) != 0 || strncmp(N[j].sur, p2, strlen(p2)) != 0)
				continue;
			if (target >= 0 && cr_uf_find(P, target) != cr_uf_find(P, (int)j))
				several = true;
			target = (int)j;
		}
		if (target >= 0 && !several)
			unite(f, (int)i, target);
	}
	cr_grouping_free(&by_initials);
}

/* One name, several types: "Tara Reid" read as a place in one report is the
 * person of the others, "Vancouver" read as a person the city; the merged
 * entity takes the majority type. A person's full name meets the other
 * types' names; a surname alone only when no one in the ledger has it as a
 * full name's last word (then it is a mis-typed name, not a person's). */
static void cross_type_unions(const forest *f, cr_map *keys)
{
	node *N = f->N;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	cr_map *surnames = cr_map_new();   /* surnames of full-named people */
	for (size_t i = 0; i < nn; i++)
		if (N[i].first)
			cr_map_put(surnames, N[i].sur, strlen(N[i].sur), 1);
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		if (le->type != CR_E_PERSON || !cr_name_like(le->name))
			continue;
		char *k = cr_name_key(le->name, strlen(le->name), false);
		intptr_t other;
		if (*k && (N[i].first || !cr_map_get(surnames, k, strlen(k), NULL)) && cr_map_get(keys, k, strlen(k), &other))
			unite(f, (int)i, (int)other);
		free(k);
	}
	cr_map_free(surnames);
}

/* An acronym whose letters fit several organisations of the cluster ("AMA":
 * the American and the Alabama Medical Association) joins the one of its
 * own report that it fits, when that report has only one. */
static void acronym_in_its_document(const forest *f, size_t i, const char *acro)
{
	size_t d = f->N[i].doc;
	int found = -1;
	for (size_t j = f->first[d]; j < f->first[d + 1]; j++) {
		const cr_lentity *le = &f->an[d].entities[f->N[j].local];
		if (j == i || (le->type != CR_E_ORG && le->type != CR_E_OTHER))
			continue;
		for (size_t a = 0; a < le->naliases; a++) {
			char ini[16];
			if (le->aliases[a].nickname || cr_name_initials(le->aliases[a].text, ini, sizeof ini) < 2 || strcmp(ini, acro) != 0)
				continue;
			int r = cr_uf_find(f->P, (int)j);
			if (found >= 0 && found != r)
				return;   /* two of them in the report too */
			found = r;
		}
	}
	if (found >= 0)
		unite(f, (int)i, found);
}

/* An acronym ("WHO", "USGS") joins the one organisation (or name of no type)
 * whose initials it is under any of its names ("World Health Organization", "U.S. Geological
 * Survey"): the cluster's acronym table; two candidates, and it joins the one of its own report, if any. */
static void acronym_unions(const forest *f)
{
	node *N = f->N;
	int *P = f->P;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	cr_map *initials = cr_map_new();   /* initials -> 1 + node, or -1 when ambiguous */
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		/* a name of no type is often an organisation's the tagger missed ("National Football League") */
		if (le->type != CR_E_ORG && le->type != CR_E_OTHER)
			continue;
		for (size_t a = 0; a < le->naliases; a++) {
			char ini[16];
			size_t words_seen = cr_name_initials(le->aliases[a].text, ini, sizeof ini), k = strlen(ini);
			if (words_seen < 2 || le->aliases[a].nickname)
				continue;
			own_key(initials, ini, k, P, i);
		}
	}
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		size_t l2 = strlen(le->name);
		bool acronym = l2 >= 2 && l2 <= 8;
		for (size_t k = 0; acronym && k < l2; k++)
			acronym = cr_is_upper((unsigned char)le->name[k]);
		intptr_t target;
		if (!acronym || le->type == CR_E_PERSON || !cr_map_get(initials, le->name, l2, &target))
			continue;
		if (target > 0)
			unite(f, (int)i, (int)target - 1);
		else
			acronym_in_its_document(f, i, le->name);
	}
	cr_map_free(initials);
}

/* Two names the gazetteer gives one place ("UAE" and "United Arab Emirates",
 * "Tenn" and "Tennessee") are one place, whatever type the tagger read. */
static void gazetteer_unions(const forest *f)
{
	cr_map *places = cr_map_new();   /* identifier -> 1 + node */
	for (size_t i = 0; i < f->nn; i++) {
		const cr_lentity *le = &f->an[f->N[i].doc].entities[f->N[i].local];
		if (le->type == CR_E_PERSON)
			continue;
		/* "Union" of "Soviet Union" is no town of New Jersey */
		org_keys ok = {0};
		for (size_t a = 0; a < le->naliases; a++) {
			const char *text = le->aliases[a].text;
			const char *id = le->aliases[a].nickname ? NULL : cr_gazetteer_place_id(text, strlen(text));
			intptr_t other;
			if (id && le->type == CR_E_ORG) {
				if (!ok.kept)
					ok = org_keys_of(le);
				if (is_stripped(&ok, ok.kept[a]))
					id = NULL;
			}
			if (!id)
				continue;
			if (cr_map_get(places, id, strlen(id), &other))
				unite(f, (int)i, (int)other - 1);
			else
				cr_map_put(places, id, strlen(id), (intptr_t)i + 1);
		}
		if (ok.kept)
			org_keys_free(&ok);
	}
	cr_map_free(places);
}

/* Whether two keys are one name with a slip of the keyboard in one of them
 * (a letter left out, added, changed, or two swapped) in seven letters or
 * more; not names with numbers ("115th Street", "117th Street"). */
static bool one_slip_apart(const char *a, const char *b)
{
	return strcmp(a, b) != 0 && strlen(a) >= TYPO_LETTERS && strlen(b) >= TYPO_LETTERS &&
	       !a[strcspn(a, "0123456789")] && !b[strcspn(b, "0123456789")] && cr_name_distance(a, b) == 1;
}

/* The full-named person of document d's nodes whose surname a lone surname
 * `sur` misspells, when there is exactly one and none has `sur` itself as
 * surname; -1 otherwise. */
static int misspelt_surname_of(const forest *f, size_t d, const char *sur)
{
	int found = -1;
	for (size_t k = f->first[d]; k < f->first[d + 1]; k++) {
		const node *n = &f->N[k];
		if (!n->sur || !n->first)
			continue;
		if (strcmp(n->sur, sur) == 0)
			return -1;
		if (one_slip_apart(n->sur, sur)) {
			if (found >= 0 && cr_uf_find(f->P, found) != cr_uf_find(f->P, (int)k))
				return -1;
			found = (int)k;
		}
	}
	return found;
}

/*
 * Slips within one report: a surname alone one slip from the surname of the
 * one person the report names in full ("Foreign Minister Vahit Halefolu",
 * then "Halefoglu had briefed"), and two names of one type a slip apart
 * ("Ouadi Doum", then "Ouadi Doumi"), are one entity. A report that names
 * two people or places so alike names one: across reports, spellings need
 * shared context (spelling_variants).
 */
static void slips_in_a_report(const forest *f)
{
	const cr_analysis *an = f->an;
	for (size_t d = 0; d < f->ndocs; d++) {
		size_t a0 = f->first[d], n = f->first[d + 1] - a0;
		char **keys = cr_xcalloc(n + 1, sizeof *keys);   /* other names' keys, once each */
		for (size_t i = a0; i < a0 + n; i++) {
			const node *nd = &f->N[i];
			const cr_lentity *a = &an[d].entities[nd->local];
			if (a->type == CR_E_PERSON) {
				int t = nd->sur && !nd->first ? misspelt_surname_of(f, d, nd->sur) : -1;
				if (t >= 0)
					unite(f, (int)i, t);
				continue;
			}
			keys[i - a0] = cr_name_key(a->name, strlen(a->name), false);
			for (size_t j = a0; j < i; j++) {
				const cr_lentity *b = &an[d].entities[f->N[j].local];
				if (keys[j - a0] && b->type == a->type && cr_uf_find(f->P, (int)i) != cr_uf_find(f->P, (int)j) &&
				    one_slip_apart(keys[i - a0], keys[j - a0]) &&
				    !(cr_is_place_name(a->name) && cr_is_place_name(b->name)))
					unite(f, (int)i, (int)j);
			}
		}
		for (size_t k = 0; k < n; k++)
			free(keys[k]);
		free(keys);
	}
}

/* People, grouped by surname: full names whose given names agree; a surname
 * alone joins the one full-named person with it, or the one the cluster is
 * about; then a surname read as another type joins that person. */
static void surname_unions(const forest *f)
{
	node *N = f->N;
	int *P = f->P;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	cr_grouping by_sur = {0};
	for (size_t i = 0; i < nn; i++)
		if (N[i].sur)
			cr_grouping_add(&by_sur, N[i].sur, strlen(N[i].sur), i);
	/* then, per surname, the one its lone mentions and other names join: 1 + node, or 0 */
	cr_map *sur_target = cr_map_new();
	for (size_t g = 0; g < by_sur.n; g++) {
		size_t *m = by_sur.groups[g].items, gn = by_sur.groups[g].len;
		bool suffixed = false;   /* a generational suffix in the group: suffixes_fit must look */
		for (size_t x = 0; x < gn && !suffixed; x++)
			suffixed = N[m[x]].suffix != NULL;
		/* full names whose first names agree, or one's nickname is the other's
		 * given name; spelt apart (Marian, Marion) not when one document names both */
		for (size_t x = 0; x < gn; x++)
			for (size_t y = x + 1; y < gn; y++)
				/* the cheap tests first: share_a_document reads every node */
				if (N[m[x]].first && N[m[y]].first && cr_uf_find(P, (int)m[x]) != cr_uf_find(P, (int)m[y]) &&
				    (full_names_agree(&N[m[x]], &N[m[y]]) ||
				     nickname_is_given(&an[N[m[x]].doc].entities[N[m[x]].local], N[m[y]].first) ||
				     nickname_is_given(&an[N[m[y]].doc].entities[N[m[y]].local], N[m[x]].first)) &&
				    (!suffixed || suffixes_fit(N, P, m, gn, (int)m[x], (int)m[y])) &&
				    /* a name with a suffix and one without that one document keeps apart stay apart */
				    !(!N[m[x]].suffix != !N[m[y]].suffix &&
				      share_a_document(f, cr_uf_find(P, (int)m[x]), cr_uf_find(P, (int)m[y]))) &&
				    (cr_given_names_agree_strictly(N[m[x]].first, N[m[y]].first) ||
				     !share_a_document(f, cr_uf_find(P, (int)m[x]), cr_uf_find(P, (int)m[y]))))
					unite(f, (int)m[x], (int)m[y]);
		/* a surname alone: the one full-named person with it, or other lone
		 * surnames; of several such people, the one the cluster is about (named
		 * in at least twice as many reports as any other: "Gray" is Kimani Gray,
		 * not his mother Carol Gray, in reports of his shooting) */
		int target = -1;
		bool ambiguous = false;
		size_t best_docs = 0, second_docs = 0;
		for (size_t x = 0; x < gn; x++) {
			if (!N[m[x]].first)
				continue;
			int root = cr_uf_find(P, (int)m[x]);
			size_t docs = 0;
			for (size_t y = 0; y < gn; y++)
				docs += N[m[y]].first && cr_uf_find(P, (int)m[y]) == root;
			if (target >= 0 && cr_uf_find(P, target) != root) {
				ambiguous = true;
				if (docs > best_docs) {
					second_docs = best_docs;
					best_docs = docs;
					target = (int)m[x];
				} else if (docs > second_docs) {
					second_docs = docs;
				}
			} else if (target < 0) {
				target = (int)m[x];
				best_docs = docs;
			}
		}
		if (ambiguous && best_docs >= 2 && best_docs > second_docs)
			ambiguous = false;
		/* lone surnames are one person among themselves, whoever they join */
		int lone = -1;
		for (size_t x = 0; x < gn; x++) {
			if (N[m[x]].first)
				continue;
			if (target >= 0 && !ambiguous)
				unite(f, (int)m[x], target);
			else if (lone >= 0)
				unite(f, (int)m[x], lone);
			lone = (int)m[x];
		}
		cr_map_put(sur_target, N[m[0]].sur, strlen(N[m[0]].sur), target >= 0 && !ambiguous ? target + 1 : lone >= 0 ? lone + 1 : 0);
	}
	cr_grouping_free(&by_sur);
	/* a surname read as an organisation or another name ("Bush", "Felt" tagged
	 * ORG) is that person's, unless the gazetteer knows it as a place */
	for (size_t i = 0; i < nn; i++) {
		const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
		if (le->type == CR_E_PERSON || strchr(le->name, ' ') || !cr_name_like(le->name) || cr_is_place_name(le->name))
			continue;
		char *k = cr_name_key(le->name, strlen(le->name), false);
		intptr_t target;
		if (cr_map_get(sur_target, k, strlen(k), &target) && target > 0)
			unite(f, (int)i, (int)target - 1);
		free(k);
	}
	cr_map_free(sur_target);
}

/* The ledger's entities, one per root in order of first appearance (node
 * order is document order): their aliases, documents, type and name;
 * gid[i] gets node i's entity. */
static void build_entities(const forest *f, int *gid, cr_ledger *l)
{
	node *N = f->N;
	int *P = f->P;
	size_t nn = f->nn;
	const cr_analysis *an = f->an;
	for (size_t i = 0; i < nn; i++)
		gid[i] = -1;
	CR_VEC(cr_gentity) ents = {0};
	for (size_t i = 0; i < nn; i++) {
		int r = cr_uf_find(P, (int)i);
		if (gid[r] < 0) {
			cr_gentity g = {0};
			gid[r] = (int)ents.len;
			cr_vec_push(&ents, g);
		}
		gid[i] = gid[r];
	}
	/* the nodes of each entity, in node order (counting sort by entity) */
	size_t *start = cr_xcalloc(ents.len + 2, sizeof *start), *order = cr_xcalloc(nn + 1, sizeof *order);
	for (size_t i = 0; i < nn; i++)
		start[gid[i] + 1]++;
	for (size_t g = 0; g < ents.len; g++)
		start[g + 1] += start[g];
	size_t *fill = cr_xcalloc(ents.len + 1, sizeof *fill);
	for (size_t i = 0; i < nn; i++)
		order[start[gid[i]] + fill[gid[i]]++] = i;
	free(fill);
	for (size_t g = 0; g < ents.len; g++) {
		cr_gentity *ge = &ents.items[g];
		CR_VEC(alias_count) al = {0};
		CR_VEC(size_t) docs = {0};
		uint32_t typew[4] = {0}, named_boost = 0;
		const char *best = NULL;
		size_t best_words = 0;
		uint32_t best_count = 0;
		for (size_t oi = start[g]; oi < start[g + 1]; oi++) {
			size_t i = order[oi];
			const cr_lentity *le = &an[N[i].doc].entities[N[i].local];
			/* a person named in full, or with a title, outweighs a surname read
			 * as no type ("President Bush" and "Bush" read as a name of no type) */
			bool titled = false;
			for (size_t a = 0; a < le->naliases && le->type == CR_E_PERSON; a++)
				titled |= le->aliases[a].titled;
			typew[le->type] += le->mentions * (le->type == CR_E_PERSON && (N[i].first || titled) ? 3 : 1);
			if (le->type == CR_E_PERSON && N[i].first && !titled)
				named_boost += 2 * le->mentions;
			ge->mentions += le->mentions;
			if (!docs.len || docs.items[docs.len - 1] != N[i].doc)
				cr_vec_push(&docs, N[i].doc);
			for (size_t a = 0; a < le->naliases; a++) {
				/* "the 59-year-old" refers to the person but is no name of it */
				if (cr_is_description(le->aliases[a].text, strlen(le->aliases[a].text)))
					continue;
				size_t k;
				for (k = 0; k < al.len; k++)
					if (strcmp(al.items[k].text, le->aliases[a].text) == 0)
						break;
				if (k == al.len)
					cr_vec_push(&al, ((alias_count){le->aliases[a].text, 0, false}));
				al.items[k].count += le->aliases[a].count;
				al.items[k].nickname |= le->aliases[a].nickname;
			}
		}
		/* the name: most words among the local names, then most often seen over
		 * all the documents (Wetzler in four, a slip Welzler in one) */
		for (size_t oi = start[g]; oi < start[g + 1]; oi++) {
			const cr_lentity *le = &an[N[order[oi]].doc].entities[N[order[oi]].local];
			size_t w = words(le->name);
			uint32_t c = 0;
			for (size_t k = 0; k < al.len; k++)
				if (strcmp(al.items[k].text, le->name) == 0)
					c = al.items[k].count;
			if (!best || w > best_words || (w == best_words && c > best_count) ||
			    (w == best_words && c == best_count && strcmp(le->name, best) < 0)) {
				best = le->name;
				best_words = w;
				best_count = c;
			}
		}
		/* a name the gazetteer knows as a place gets a place's vote */
		for (size_t k = 0; k < al.len; k++)
			if (!al.items[k].nickname && cr_is_place_name(al.items[k].text)) {
				typew[CR_E_PLACE] += 1;
				break;
			}
		/* a name closed by a legal form ("Qualys Inc.") is a company's, whatever the
		 * tagger read it or its short name as */
		for (size_t k = 0; k < al.len; k++) {
			const char *txt = al.items[k].text, *sp = strrchr(txt, ' ');
			if (!al.items[k].nickname && sp && cr_is_legal_form(sp + 1, strlen(sp + 1))) {
				typew[CR_E_ORG] = typew[CR_E_PERSON] + typew[CR_E_PLACE] + typew[CR_E_OTHER] + 1;
				break;
			}
		}
		int t = 0;
		for (int k = 1; k < 4; k++)
			if (typew[k] > typew[t])
				t = k;
		/* two words read as a person's name in full outweigh a surname of no
		 * type, not the reports that read them as a place ("the air base of
		 * Ouadi Doum", read as a person's name in another report) */
		if (t == CR_E_PERSON && typew[CR_E_PLACE] > typew[CR_E_PERSON] - named_boost)
			t = CR_E_PLACE;
		ge->type = (uint8_t)t;
		ge->name = cr_xstrdup(best ? best : "");
		if (al.len > 1)
			qsort(al.items, al.len, sizeof *al.items, cmp_alias);
		ge->aliases = cr_xcalloc(al.len + 1, sizeof(char *));
		for (size_t k = 0; k < al.len; k++)
			ge->aliases[ge->naliases++] = cr_xstrdup(al.items[k].text);
		if (docs.len > 1)
			qsort(docs.items, docs.len, sizeof *docs.items, cmp_size);
		size_t u = 0;
		for (size_t k = 0; k < docs.len; k++)
			if (!u || docs.items[u - 1] != docs.items[k])
				docs.items[u++] = docs.items[k];
		ge->docs = docs.items;
		ge->ndocs = u;
		cr_vec_free(&al);
	}
	free(start);
	free(order);
	l->entities = ents.items;
	l->nentities = ents.len;
}

void cr_resolve_entities(cr_ledger *l, const cr_analysis *an, int **map)
{
	CR_VEC(node) nodes = {0};
	int **idx = cr_xcalloc(l->ndocs + 1, sizeof *idx);
	for (size_t d = 0; d < l->ndocs; d++) {
		idx[d] = cr_xcalloc(an[d].nentities + 1, sizeof(int));
		for (size_t e = 0; e < an[d].nentities; e++) {
			const cr_lentity *le = &an[d].entities[e];
			idx[d][e] = -1;
			if (le->mentions == 0 || le->naliases == 0)
				continue;
			node n = {d, (int)e, NULL, NULL, NULL};
			if (le->type == CR_E_PERSON) {
				char *k = cr_name_key(le->name, strlen(le->name), false);
				cr_person_key_split(k, &n.first, &n.sur, &n.suffix);
				free(k);
			}
			idx[d][e] = (int)nodes.len;
			cr_vec_push(&nodes, n);
		}
	}
	forest f = {nodes.items, cr_xcalloc(nodes.len + 1, sizeof(int)), cr_xcalloc(nodes.len + 1, sizeof(int)),
	            nodes.len, an, cr_xcalloc(l->ndocs + 2, sizeof(size_t)), l->ndocs};
	for (size_t i = 0; i < f.nn; i++)
		f.P[i] = f.next[i] = (int)i;
	for (size_t i = f.nn, d = l->ndocs + 1; d-- > 0;) {   /* first[d]: the first node of document d or after */
		while (i > 0 && f.N[i - 1].doc >= d)
			i--;
		f.first[d] = i;
	}
	cr_map *keys = key_unions(&f);
	prefix_unions(&f, keys);
	short_form_unions(&f);
	inner_word_unions(&f);
	cross_type_unions(&f, keys);
	cr_map_free(keys);
	acronym_unions(&f);
	gazetteer_unions(&f);
	slips_in_a_report(&f);
	surname_unions(&f);
	blend_unions(&f);
	spelling_variants(&f);
	int *gid = cr_xcalloc(f.nn + 1, sizeof(int));
	build_entities(&f, gid, l);
	for (size_t d = 0; d < l->ndocs; d++) {
		for (size_t e = 0; e < an[d].nentities; e++)
			map[d][e] = idx[d][e] >= 0 ? gid[idx[d][e]] : -1;
		free(idx[d]);
	}
	for (size_t i = 0; i < f.nn; i++) {
		free(f.N[i].first);
		free(f.N[i].sur);
		free(f.N[i].suffix);
	}
	free(idx);
	free(f.P);
	free(f.next);
	free(f.first);
	free(gid);
	cr_vec_free(&nodes);
}
