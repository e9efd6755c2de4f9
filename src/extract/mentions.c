/*
 * mentions.c: names in one document, and the local entities behind them.
 *
 * The tagger finds names sentence by sentence. Titles and ranks before a
 * person's name ("Col", "Mr.", "Colonel-General") are split off: they become
 * the person's role and a titled alias ("Col Mizintsev"), not part of the
 * name; a title followed by capitalised words the tagger missed is taken
 * as a person. Rules then mend what the tagger cuts, runs on or misses: a
 * quoted nickname inside a name ("Vincent 'The Chin' Gigante"), names
 * around an organisation's head word ("Centre for Civil Liberties"), "and"
 * inside a name ("Surrey Fire and Rescue"), a weekday or a glued clause run
 * into a name ("Bush Wednesday", "Gigante-that"), acronyms defined in
 * parentheses, and a name found once found everywhere it is written (one
 * sense per discourse). Types are made consistent: one name, one type in a
 * document (a title counts for a person, a company's noun after a name for
 * an organisation), and names shaped as people's (a suffix, a middle
 * initial, a surname the document gives in full) are people, and a single
 * untitled word read as a person's that the gazetteer knows as a country or
 * a large city, and no person of the document is named with, is a place.
 * Mentions then group into entities:
 *   - people by surname, with given names that agree (initials, middle
 *     names, nicknames: recognize/namekey.h); a surname alone joins the one
 *     person of the document with that surname, and stays apart when there
 *     are two; a given name alone, or clipped ("Wlad"), the one person named
 *     in full with it;
 *   - organisations, places and other names by a key that ignores case,
 *     "the", spelling variants, a leading nationality adjective and a legal
 *     form; an organisation's short name ("Colts", "Marfin") and its
 *     acronym join it.
 * Nicknames ("dubbed the 'Butcher of X'", "known as “...”", "described X
 * as ...") become aliases of the person they describe, and "known as" names
 * of the organisation or place before them. Pronouns resolve only when the
 * antecedent is unambiguous.
 */
#include "extract/internal.h"
#include "recognize/gazetteer.h"
#include "recognize/namekey.h"

#include <stdlib.h>
#include <string.h>

static uint8_t etype_of(int tagger_type)
{
	switch (tagger_type) {
	case CR_ENT_PER: return CR_E_PERSON;
	case CR_ENT_ORG: return CR_E_ORG;
	case CR_ENT_LOC: return CR_E_PLACE;
	default: return CR_E_OTHER;
	}
}

static char *name_key(const xdoc *d, const char *s, size_t n, uint8_t type)
{
	(void)d;
	return cr_name_key(s, n, type == CR_E_ORG);
}

void cr_add_alias(xdoc *d, int e, const char *s, size_t n, bool nickname)
{
	cr_lentity *en = &d->ents.items[e];
	while (n && cr_is_space((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n > 200)
		return;
	for (size_t k = 0; k < en->naliases; k++) {
		if (strlen(en->aliases[k].text) == n && memcmp(en->aliases[k].text, s, n) == 0) {
			en->aliases[k].count++;
			en->aliases[k].nickname |= nickname;
			return;
		}
	}
	en->aliases = cr_xrealloc(en->aliases, (en->naliases + 1) * sizeof *en->aliases);
	en->aliases[en->naliases++] = (cr_alias){cr_xstrndup(s, n), 1, nickname, false};
}

int cr_add_entity_text(xdoc *d, uint8_t type, const char *s, size_t n, uint32_t at)
{
	cr_lentity e = {0};
	e.type = type;
	e.first = at;
	cr_vec_push(&d->ents, e);
	int id = (int)d->ents.len - 1;
	cr_add_alias(d, id, s, n, false);
	return id;
}

int cr_entity_for_text(xdoc *d, uint8_t type, const char *s, size_t n, uint32_t at)
{
	for (size_t e = 0; e < d->ents.len; e++)
		for (size_t k = 0; d->ents.items[e].type == type && k < d->ents.items[e].naliases; k++)
			if (strlen(d->ents.items[e].aliases[k].text) == n && memcmp(d->ents.items[e].aliases[k].text, s, n) == 0)
				return (int)e;
	int id = cr_add_entity_text(d, type, s, n, at);
	d->ents.items[id].mentions = 1;
	d->ents.items[id].name = cr_xstrdup(d->ents.items[id].aliases[0].text);
	return id;
}

/* Per-entity bookkeeping kept beside the output entities. */
typedef struct ekey {
	char *key;       /* name key, or surname key for people */
	char *first;     /* given-name key for people ("w mark"), NULL when only a surname was seen */
	char *suffix;    /* "jr", "sr", ... or NULL */
	int types[4];
} ekey;
typedef CR_VEC(ekey) ekey_vec;

static size_t word_count(const char *s)
{
	size_t w = 0;
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		if (*p)
			w++;
		while (*p && *p != ' ')
			p++;
	}
	return w;
}

/* Entity src becomes part of dst: its aliases, mentions, role and types. */
static void merge_entity(xdoc *d, ekey_vec *keys, int src_id, int dst_id)
{
	cr_lentity *src = &d->ents.items[src_id], *dst = &d->ents.items[dst_id];
	for (size_t k = 0; k < src->naliases; k++)
		for (uint32_t c = 0; c < src->aliases[k].count; c++)
			cr_add_alias(d, dst_id, src->aliases[k].text, strlen(src->aliases[k].text), src->aliases[k].nickname);
	dst->mentions += src->mentions;
	if (src->first < dst->first)
		dst->first = src->first;
	if (!dst->role && src->role) {
		dst->role = src->role;
		src->role = NULL;
	}
	src->mentions = 0;
	for (int t = 0; t < 4; t++)
		keys->items[dst_id].types[t] += keys->items[src_id].types[t];
	for (size_t m = 0; m < d->ments.len; m++)
		if (d->ments.items[m].entity == src_id)
			d->ments.items[m].entity = dst_id;
}

/* Whether key g is the first word of the given names first clipped ("wlad", "wladimir klitschko"). */
static bool first_word_clipped(const char *g, const char *first)
{
	size_t l = strcspn(first, " ");
	char *w = cr_xstrndup(first, l);
	bool c = cr_name_clips(g, w);
	free(w);
	return c;
}

/* A given name alone ("Kathina", a child the report names by first name),
 * or its clipped form ("Wlad" of Wladimir), joins the one person of the
 * document named in full with that first given name, when no one of the
 * document has it as a surname. */
static void given_names_join(xdoc *d, ekey_vec *keys)
{
	for (size_t e = 0; e < keys->len; e++) {
		const cr_lentity *en = &d->ents.items[e];
		/* a place the gazetteer knows is no one's given name ("Wasilla" beside a church named after it) */
		if (en->type != CR_E_PERSON || keys->items[e].first || !en->mentions || !en->naliases ||
		    cr_is_place_name(en->aliases[0].text))
			continue;
		const char *g = keys->items[e].key;
		size_t gl = strlen(g);
		int target = -1, count = 0;
		bool surname = false;
		for (size_t f = 0; f < keys->len; f++) {
			const ekey *k = &keys->items[f];
			if (f == e || d->ents.items[f].type != CR_E_PERSON || !d->ents.items[f].mentions)
				continue;
			surname |= k->first && strcmp(k->key, g) == 0;
			if (k->first && ((strncmp(k->first, g, gl) == 0 && (k->first[gl] == 0 || k->first[gl] == ' ')) ||
			                 first_word_clipped(g, k->first))) {
				target = (int)f;
				count++;
			}
		}
		if (count == 1 && !surname)
			merge_entity(d, keys, (int)e, target);
	}
}

/* A short name of an organisation (cr_org_short_forms: "Colts" of
 * "Indianapolis Colts", "Marfin" of "Marfin Bank") or of a geographic
 * feature ("Mediterranean" of "Mediterranean Sea") joins it when it is the
 * one entity of the document with that short name; a person's full name and
 * a place the gazetteer knows never do. */
static void short_forms_join(xdoc *d, ekey_vec *keys)
{
	cr_map *owner = cr_map_new();   /* short key -> 1 + entity, or 0 when several */
	for (size_t e = 0; e < keys->len; e++) {
		const cr_lentity *en = &d->ents.items[e];
		if ((en->type != CR_E_ORG && en->type != CR_E_PLACE) || !en->mentions)
			continue;
		for (size_t a = 0; a < en->naliases; a++) {
			size_t st[4] = {0}, ln[4], n = en->type == CR_E_ORG ? cr_org_short_forms(en->aliases[a].text, st, ln, 4)
			                                                     : (ln[0] = cr_place_short_form(en->aliases[a].text)) > 0;
			for (size_t k = 0; k < n; k++) {
				char *key = cr_name_key(en->aliases[a].text + st[k], ln[k], true);
				intptr_t prev;
				bool seen = cr_map_get(owner, key, strlen(key), &prev);
				cr_map_put(owner, key, strlen(key), seen && prev != (intptr_t)e + 1 ? 0 : (intptr_t)e + 1);
				free(key);
			}
		}
	}
	for (size_t e = 0; e < keys->len && cr_map_count(owner); e++) {
		const cr_lentity *en = &d->ents.items[e];
		if ((en->type == CR_E_PERSON && keys->items[e].first) || !en->mentions || !en->naliases)
			continue;
		intptr_t to;
		if (cr_map_get(owner, keys->items[e].key, strlen(keys->items[e].key), &to) && to > 0 && to - 1 != (intptr_t)e &&
		    !(d->ents.items[to - 1].type == CR_E_ORG && cr_is_place_name(en->aliases[0].text)))
			merge_entity(d, keys, (int)e, (int)to - 1);
	}
	cr_map_free(owner);
}

/* "Mat Maid" of "Matanuska Maid", "Jags" of "Jaguars": an organisation's name
 * whose words are the other's or clippings of them (cr_name_clips) joins it,
 * when it is the one such longer name of the document. */
static void clipped_orgs_join(xdoc *d, ekey_vec *keys)
{
	for (size_t a = 0; a < keys->len; a++) {
		if (d->ents.items[a].type != CR_E_ORG || !d->ents.items[a].mentions || !keys->items[a].key)
			continue;
		int to = -1;
		for (size_t b = 0; b < keys->len && to != -2; b++)
			if (b != a && d->ents.items[b].type == CR_E_ORG && d->ents.items[b].mentions && keys->items[b].key &&
			    cr_name_clips(keys->items[a].key, keys->items[b].key))
				to = to == -1 ? (int)b : -2;
		if (to >= 0)
			merge_entity(d, keys, (int)a, to);
	}
}

/* Two given names (with their suffixes) of one person in one document: they
 * agree through initials, middle names and nicknames, not spelling
 * (namekey.h: Marian and Marion of one article are two people), and no two
 * different generational suffixes (John Smith Jr. is not John Smith Sr.). */
static bool given_agree(const char *f1, const char *s1, const char *f2, const char *s2)
{
	if (s1 && s2 && strcmp(s1, s2) != 0)
		return false;
	return cr_given_names_agree_strictly(f1, f2);
}

static int join_person(xdoc *d, ekey_vec *keys, const cr_map *families, const char *s, size_t n, uint32_t at)
{
	char *full = name_key(d, s, n, CR_E_PERSON);
	char *first, *sur, *suffix;
	cr_person_key_split(full, &first, &sur, &suffix);
	free(full);
	int found = -1, candidates = 0;
	for (size_t e = 0; e < keys->len; e++) {
		if (d->ents.items[e].type != CR_E_PERSON || strcmp(keys->items[e].key, sur) != 0)
			continue;
		const char *f = keys->items[e].first;
		if (first && f && !given_agree(first, suffix, f, keys->items[e].suffix))
			continue;
		/* in a family's story a name with a generational suffix is not the
		 * one without ("Mark Felt Jr." beside Mark Felt and Joan Felt) */
		if (first && f && !suffix != !keys->items[e].suffix && cr_map_get(families, sur, strlen(sur), NULL))
			continue;
		candidates++;
		if (found < 0 || (first && !keys->items[found].first))
			found = (int)e;
	}
	/* a surname alone that fits two people of the document joins neither */
	if (!first && candidates > 1)
		found = -1;
	if (found < 0) {
		found = cr_add_entity_text(d, CR_E_PERSON, s, n, at);
		ekey k = {sur, first, suffix, {0}};
		cr_vec_push(keys, k);
	} else {
		cr_add_alias(d, found, s, n, false);
		ekey *k = &keys->items[found];
		/* the entity keeps its fullest given names ("frederick c" over "fred") */
		if (first && (!k->first || word_count(first) > word_count(k->first) ||
		              (word_count(first) == word_count(k->first) && strlen(first) > strlen(k->first)))) {
			free(k->first);
			k->first = first;
		} else {
			free(first);
		}
		if (suffix && !k->suffix)
			k->suffix = suffix;
		else
			free(suffix);
		free(sur);
	}
	keys->items[found].types[CR_E_PERSON]++;
	return found;
}

static int join_named(xdoc *d, ekey_vec *keys, uint8_t type, const char *s, size_t n, uint32_t at)
{
	char *key = name_key(d, s, n, type);
	for (size_t e = 0; e < keys->len; e++) {
		if (d->ents.items[e].type != CR_E_PERSON && strcmp(keys->items[e].key, key) == 0) {
			cr_add_alias(d, (int)e, s, n, false);
			keys->items[e].types[type]++;
			free(key);
			return (int)e;
		}
	}
	int id = cr_add_entity_text(d, type, s, n, at);
	ekey k = {key, NULL, NULL, {0}};
	k.types[type]++;
	cr_vec_push(keys, k);
	return id;
}

/* A title at token i within [i, end): its row of data/lexicon/titles.tsv
 * and its length in tokens in *n, or -1. An abbreviated title whose full
 * stop the tokenizer kept on the word ("Mr.", "Dr.", "Sgt.") is the title
 * without it. */
static long title_at(const xdoc *d, uint32_t i, uint32_t end, size_t *n)
{
	long r = cr_phrase_at(d, d->x->titles, i, end, n);
	if (r >= 0 || i >= end || d->lowlen[i] < 3 || d->low[i][d->lowlen[i] - 1] != '.' ||
	    memchr(d->low[i], '.', d->lowlen[i] - 1))
		return r;
	r = cr_lexicon_find(d->x->titles->lx, d->low[i], d->lowlen[i] - 1);
	if (r >= 0 && n)
		*n = 1;
	return r;
}

/* Extends a mention's start back over a title ("Col", "Colonel-General", "Col. Gen.", "Deputy Prime Minister"). */
static uint32_t title_start(const xdoc *d, uint32_t tok0, uint32_t sent_first)
{
	uint32_t t = tok0;
	for (;;) {
		bool moved = false;
		for (uint32_t k = 1; k <= 3 && t >= sent_first + k; k++) {
			size_t n;
			uint32_t from = t - k;
			if (title_at(d, from, t, &n) >= 0 && n == k && cr_tok_capitalised(d, from)) {
				t = from;
				moved = true;
				break;
			}
			/* an abbreviated title's full stop may be its own token */
			if (k == 2 && tok_is(d, t - 1, ".") && cr_phrase_at(d, d->x->titles, t - 2, t - 1, &n) >= 0 &&
			    cr_tok_capitalised(d, t - 2)) {
				t -= 2;
				moved = true;
				break;
			}
		}
		if (!moved)
			return t;
	}
}

static int cmp_mention(const void *x, const void *y)
{
	const mention *a = x, *b = y;
	if (a->tok0 != b->tok0)
		return a->tok0 < b->tok0 ? -1 : 1;
	return a->tok1 < b->tok1 ? -1 : a->tok1 > b->tok1;
}

void cr_push_mention(xdoc *d, uint32_t tok0, uint32_t tok1, uint32_t title0, uint8_t type)
{
	mention m = {tok0, tok1, title0, type, -1, 0, 0};
	cr_vec_push(&d->ments, m);
	for (uint32_t i = tok0; i < tok1; i++)
		d->tok_ment[i] = (int)d->ments.len - 1;
}

/* Empties every mention that covers a token of [a, e), for a rule's name to
 * replace them; compact_mentions drops the emptied ones. */
static void clear_mentions(xdoc *d, uint32_t a, uint32_t e)
{
	for (uint32_t t = a; t < e; t++) {
		int m = d->tok_ment[t];
		if (m >= 0) {
			mention *me = &d->ments.items[m];
			for (uint32_t q = me->tok0; q < me->tok1; q++)
				d->tok_ment[q] = -1;
			me->tok1 = me->tok0;
		}
	}
}

static void compact_mentions(xdoc *d)
{
	size_t w = 0;
	for (size_t m = 0; m < d->ments.len; m++)
		if (d->ments.items[m].tok1 > d->ments.items[m].tok0)
			d->ments.items[w++] = d->ments.items[m];
	d->ments.len = w;
	for (size_t i = 0; i < d->seg.ntokens; i++)
		d->tok_ment[i] = -1;
	for (size_t m = 0; m < d->ments.len; m++)
		for (uint32_t i = d->ments.items[m].tok0; i < d->ments.items[m].tok1; i++)
			d->tok_ment[i] = (int)m;
}

bool cr_function_word(const xdoc *d, size_t i)
{
	static const char *fw[] = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "said", "is", "was", "has", "had"};
	for (size_t k = 0; k < CR_ARRAY_LEN(fw); k++)
		if (tok_is(d, i, fw[k]))
			return true;
	return false;
}

/* The words of tokens [a, b) joined by single spaces, into out (emptied first). */
void cr_token_words(const xdoc *d, uint32_t a, uint32_t b, cr_buf *out)
{
	out->len = 0;
	for (uint32_t i = a; i < b; i++) {
		if (i > a)
			cr_buf_putc(out, ' ');
		cr_buf_append(out, tok_text(d, i), tok_len(d, i));
	}
	cr_buf_putc(out, 0);
	out->len--;
}

/* Whether tokens [a, b) name a place the gazetteer knows. */
static bool words_place(const xdoc *d, uint32_t a, uint32_t b)
{
	cr_buf w = {0};
	cr_token_words(d, a, b, &w);
	bool place = w.len && cr_is_place_name(w.data);
	cr_buf_free(&w);
	return place;
}

/* A capitalised word that may stand in an organisation's name: no function
 * word, number or time expression ("Court on Monday" is no name). */
static bool org_word(const xdoc *d, uint32_t i)
{
	return cr_tok_capitalised(d, i) && !cr_function_word(d, i) && d->seg.tokens[i].kind == CR_TOK_WORD && d->tok_tx[i] < 0 &&
	       d->tok_num[i] < 0;
}

/*
 * Organisation names built around a head word (data/lexicon/org-heads.tsv):
 * "the Russian National Centre for Defence Management", "Centre for Civil
 * Liberties". From a capitalised head word the name runs left over
 * capitalised words (not into a person's name) and right over "for/of/on"
 * and the capitalised words after. The tagger often cuts such names or
 * misses their head; the rule's name replaces the pieces it covers.
 */
static void org_names(xdoc *d)
{
	for (size_t s = 0; s < d->seg.nsentences; s++) {
		const cr_sentence *se = &d->seg.sentences[s];
		uint32_t first = se->first_token, end = first + se->ntokens;
		for (uint32_t h = first; h < end; h++) {
			if (!cr_tok_capitalised(d, h) || !cr_tok_in(d, h, d->x->org_heads) || d->seg.tokens[h].kind != CR_TOK_WORD)
				continue;
			int hm = d->tok_ment[h];
			if (hm >= 0 && d->ments.items[hm].type == CR_E_PERSON)
				continue;
			uint32_t a = h;
			/* "the Betty Ford Clinic", "the John F. Kennedy Center": a body named
			 * after a person, its head right after the name (not "Smith police") */
			static const char *const of_a_person[] = {"police", "government", "forces", "team", "firm", "club", "watch",
			                                          "command", "headquarters", "administration", "campaign", "family"};
			int pm = h > first ? d->tok_ment[h - 1] : -1;
			if (pm >= 0 && d->ments.items[pm].type == CR_E_PERSON && d->ments.items[pm].tok1 == h &&
			    d->ments.items[pm].title0 == d->ments.items[pm].tok0 && d->ments.items[pm].tok1 - d->ments.items[pm].tok0 >= 2 &&
			    !cr_tok_word_in(d, h, of_a_person, CR_ARRAY_LEN(of_a_person)))
				a = d->ments.items[pm].tok0;
			for (;;) {
				/* a plural possessive inside the name: "Magistrates' Court", "Workers' Party" */
				if (a > first + 1 && tok_is(d, a - 1, "'") && org_word(d, a - 2) && d->low[a - 2][d->lowlen[a - 2] - 1] == 's')
					a -= 2;
				else if (a > first && org_word(d, a - 1) &&
				         !(d->tok_ment[a - 1] >= 0 && d->ments.items[d->tok_ment[a - 1]].type == CR_E_PERSON))
					a--;
				else
					break;
			}
			uint32_t e = h + 1;
			if (e + 1 < end && (tok_is(d, e, "for") || tok_is(d, e, "of") || tok_is(d, e, "on")) && org_word(d, e + 1)) {
				e++;
				while (e < end && (org_word(d, e) ||
				                   ((tok_is(d, e, "and") || tok_is(d, e, "of") || tok_is(d, e, "for")) && e + 1 < end &&
				                    org_word(d, e + 1))))
					e++;
			}
			/* "the Committee to Re-Elect the President", "Committee to Protect
			 * Journalists": a purpose in capitals after a lower-case "to",
			 * outside a Title Case headline */
			if (e == h + 1 && e + 1 < end && tok_text(d, e)[0] == 't' && tok_is(d, e, "to") && org_word(d, e + 1) &&
			    !cr_title_case_sentence(d, s)) {
				e += 2;
				while (e < end && (org_word(d, e) || (tok_is(d, e, "the") && e + 1 < end && org_word(d, e + 1))))
					e++;
			}
			/* nor does it cut a name the tagger read past it ("Crimes Against
			 * Police Officers Section" holds the head "Police") */
			for (uint32_t t = a; t < e; t++) {
				int m = d->tok_ment[t];
				if (m >= 0 && d->ments.items[m].type != CR_E_PERSON) {
					a = CR_MIN(a, d->ments.items[m].tok0);
					e = CR_MAX(e, d->ments.items[m].tok1);
				}
			}
			if (e - a < 2)
				continue;   /* a lone "Centre" is no name */
			/* the rule's name replaces the tagger's pieces inside it */
			clear_mentions(d, a, e);
			cr_push_mention(d, a, e, a, CR_E_ORG);
			h = e - 1;
		}
	}
	compact_mentions(d);
}

/* "the Seattle-based Boeing Co": a name does not open with where its
 * holder is based (events.c reads that as where it is). */
static void based_prefixes(xdoc *d)
{
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		if (me->title0 == me->tok0 && cr_based_token(d, me->tok0)) {
			d->tok_ment[me->tok0] = -1;
			me->tok0 = me->title0 = me->tok0 + 1;   /* a lone "Seattle-based" is emptied */
		}
	}
	compact_mentions(d);
}

/* "News Corp Ltd of Australia": a company's name ends at its legal form; the
 * place after "of" is where it is, a name of its own. */
static void legal_form_of_place(xdoc *d)
{
	size_t n = d->ments.len;
	for (size_t m = 0; m < n; m++) {
		mention *me = &d->ments.items[m];
		if (me->type != CR_E_ORG)
			continue;
		for (uint32_t w = me->tok0 + 1; w + 2 < me->tok1; w++) {
			if (!cr_is_legal_form(tok_text(d, w), tok_len(d, w)) || !tok_is(d, w + 1, "of"))
				continue;
			cr_buf nb = {0};
			cr_token_words(d, w + 2, me->tok1, &nb);
			bool place = cr_is_place_name(nb.data);
			cr_buf_free(&nb);
			if (!place)
				break;
			uint32_t e = me->tok1;
			for (uint32_t t = w + 1; t < e; t++)
				d->tok_ment[t] = -1;
			me->tok1 = w + 1;
			cr_push_mention(d, w + 2, e, w + 2, CR_E_PLACE);
			break;
		}
	}
}

/* "As Ortiz walked in", "While Summit Entertainment said": a conjunction or
 * a preposition capitalised only because it opens the sentence is no part
 * of the name after it ("The" may be: "The Washington Post"). */
static void opening_words(xdoc *d)
{
	static const char *const words[] = {"as", "so", "with", "while", "about", "after", "although", "when", "but", "and",
	                                    "if", "since", "because", "before", "during", "without", "for", "in", "on", "at",
	                                    "by", "from", "to", "of", "though", "meanwhile", "also", "then", "now", "yet",
	                                    "until", "unless", "despite", "once", "whether", "where"};
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		uint32_t t = me->tok0;
		if (me->title0 != t || me->tok1 - t < 2 || t != d->seg.sentences[d->tok_sent[t]].first_token ||
		    !cr_tok_word_in(d, t, words, CR_ARRAY_LEN(words)) || cr_title_case_sentence(d, (size_t)d->tok_sent[t]))
			continue;
		d->tok_ment[t] = -1;
		me->tok0 = me->title0 = t + 1;
	}
	compact_mentions(d);
}

/* "Chadian troops", "Libyan forces", "Greek police": a nation's armed
 * force or police is an organisation, its name the nationality and the
 * force's noun (cr_is_force_noun; cr_name_key reads troops, army and
 * warplanes as one force), so that what it is said to have done has a doer. Soldiers are
 * people, counted; a force is not. */
static void armed_forces(xdoc *d)
{
	for (uint32_t i = 0; i + 1 < d->seg.ntokens; i++) {
		if (d->tok_sent[i + 1] != d->tok_sent[i] || !cr_tok_capitalised(d, i) ||
		    !cr_is_demonym(tok_text(d, i), tok_len(d, i)) || d->tok_ment[i + 1] >= 0 ||
		    !cr_is_force_noun(tok_text(d, i + 1), tok_len(d, i + 1)) || cr_tok_capitalised(d, i + 1))
			continue;
		int m = d->tok_ment[i];
		if (m >= 0 && (d->ments.items[m].tok0 != i || d->ments.items[m].tok1 != i + 1 || d->ments.items[m].type == CR_E_PERSON))
			continue;
		clear_mentions(d, i, i + 2);
		cr_push_mention(d, i, i + 2, i, CR_E_ORG);
		i++;
	}
	compact_mentions(d);
}

/* A generational suffix at token i ("Jr", "Sr.", "II", "III", "IV"), with
 * its full stop; the token after it, or i when none. */
static uint32_t name_suffix_end(const xdoc *d, uint32_t i, uint32_t end)
{
	static const char *const sfx[] = {"Jr", "Sr", "II", "III", "IV"};
	if (i >= end || d->seg.tokens[i].kind != CR_TOK_WORD)
		return i;
	const char *w = tok_text(d, i);
	size_t n = tok_len(d, i);
	if (n > 1 && w[n - 1] == '.')
		n--;
	for (size_t k = 0; k < CR_ARRAY_LEN(sfx); k++)
		if (n == strlen(sfx[k]) && memcmp(w, sfx[k], n) == 0)
			return i + 1 + (i + 1 < end && n == 2 && w[n - 1] == 'r' && tok_punct(d, i + 1, '.') &&
			                d->seg.tokens[i + 1].start == d->seg.tokens[i].end);
	return i;
}

/* "Nick J. Rahall" + "II", "Martin Luther" + "King Jr.": a person's name runs
 * on over a generational suffix the tagger left after it, and a name the
 * tagger cut before a surname that carries the suffix is one name (also when
 * the surname is a title's word: "King"). */
static void name_suffixes(xdoc *d)
{
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		if (me->type != CR_E_PERSON)
			continue;
		const cr_sentence *se = &d->seg.sentences[d->tok_sent[me->tok0]];
		uint32_t end = se->first_token + se->ntokens, e = name_suffix_end(d, me->tok1, end);
		if (e > me->tok1 && d->tok_ment[me->tok1] < 0) {
			for (uint32_t t = me->tok1; t < e; t++)
				d->tok_ment[t] = (int)m;
			me->tok1 = e;
		}
		bool suffix_ahead = false;   /* the search below is for names with a suffix only */
		for (uint32_t t = me->tok1 + 1; t < end && t < me->tok1 + 4 && !suffix_ahead; t++)
			suffix_ahead = name_suffix_end(d, t, end) > t;
		int next = -1;
		for (size_t q = 0; q < d->ments.len && suffix_ahead && cr_tok_capitalised(d, me->tok1); q++)
			if (q != m && d->ments.items[q].title0 == me->tok1 && d->ments.items[q].tok1 > d->ments.items[q].tok0)
				next = (int)q;
		if (next >= 0 && d->ments.items[next].type == CR_E_PERSON &&
		    d->ments.items[next].title0 == me->tok1 && d->ments.items[next].tok1 - me->tok1 >= 2 &&
		    name_suffix_end(d, d->ments.items[next].tok1 - 1, end) == d->ments.items[next].tok1) {
			uint32_t t1 = d->ments.items[next].tok1;
			clear_mentions(d, d->ments.items[next].tok0, t1);
			for (uint32_t t = me->tok1; t < t1; t++)
				d->tok_ment[t] = (int)m;
			me->tok1 = t1;
		}
	}
	compact_mentions(d);
}

static bool gazetteer_word(const xdoc *d, uint32_t i);

/* "223rd", "42nd", "5th": an ordinal written in figures. */
static bool ordinal_figure(const xdoc *d, uint32_t i)
{
	const char *w = tok_text(d, i);
	size_t n = tok_len(d, i), k = 0;
	while (k < n && cr_is_digit((unsigned char)w[k]))
		k++;
	if (k == 0 || n - k != 2)
		return false;
	const char *sfx = d->low[i] + k;
	return memcmp(sfx, "st", 2) == 0 || memcmp(sfx, "nd", 2) == 0 || memcmp(sfx, "rd", 2) == 0 || memcmp(sfx, "th", 2) == 0;
}

/* "East 223rd Street", "West 42nd Street", "125th Avenue": a street named by
 * an ordinal in figures, with a compass word before it, is one place's name
 * (the figure cut it: "killing in East"). */
static void numbered_streets(xdoc *d)
{
	static const char *const street[] = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "lane"};
	static const char *const compass[] = {"east", "west", "north", "south"};
	bool any = false;
	for (uint32_t i = 0; i + 1 < d->seg.ntokens; i++) {
		if (!ordinal_figure(d, i) || !cr_tok_capitalised(d, i + 1) || !cr_tok_word_in(d, i + 1, street, CR_ARRAY_LEN(street)) ||
		    d->tok_sent[i + 1] != d->tok_sent[i])
			continue;
		uint32_t a = i, e = i + 2;
		if (i > 0 && d->tok_sent[i - 1] == d->tok_sent[i] && cr_tok_capitalised(d, i - 1) &&
		    cr_tok_word_in(d, i - 1, compass, CR_ARRAY_LEN(compass)))
			a = i - 1;
		if (e < d->seg.ntokens && tok_punct(d, e, '.') && d->seg.tokens[e].start == d->seg.tokens[e - 1].end &&
		    d->lowlen[e - 1] <= 4)
			e++;   /* "St." */
		clear_mentions(d, a, e);
		cr_push_mention(d, a, e, a, CR_E_PLACE);
		any = true;
		i = e - 1;
	}
	if (any)
		compact_mentions(d);
}


/* "Surrey Fire" + "and Rescue": an organisation's name of two words or more
 * that the tagger cut at "and" runs on over "and" and the capitalised words
 * after it that no one read as a name ("Surrey Fire and Rescue are ...").
 * Leftwards, "the Fish" + "and Wildlife Service": after "the", one
 * capitalised word no one read as a name, and no name the gazetteer knows,
 * before "and" and the name starts it. */
/* "Ivan F. Boesky and Co.", "Smith & Sons Ltd": a firm named after a
 * person is an organisation, its name running over the firm's word and a
 * legal form after it. */
static void firm_of_a_person(xdoc *d, mention *me, int m)
{
	uint32_t e = me->tok1, end = d->seg.sentences[d->tok_sent[me->tok0]].first_token +
	                                 d->seg.sentences[d->tok_sent[me->tok0]].ntokens;
	if (e + 1 >= end || !(tok_is(d, e, "and") || tok_is(d, e, "&")) ||
	    !ANY_OF(d, e + 1, "co", "co.", "company", "sons", "partners", "associates", "brothers"))
		return;
	e += 2;
	if (e < end && cr_is_legal_form(tok_text(d, e), tok_len(d, e)))
		e++;   /* a comma and a legal form after it: org_coordination */
	/* the tagger's pieces there ("Co." read as a place) give way */
	uint32_t t0 = me->tok0, t1 = me->tok1;
	for (uint32_t t = t1; t < e; t++)
		if (d->tok_ment[t] >= 0 && d->tok_ment[t] != m)
			clear_mentions(d, t, t + 1);
	for (uint32_t t = t0; t < e; t++)
		d->tok_ment[t] = m;
	me->tok1 = e;
	me->type = CR_E_ORG;
}

static size_t legal_form_start(const xdoc *d, const mention *me);

/* A mention of one capitalised word, not an organisation's, at token i. */
static bool one_word_name(const xdoc *d, uint32_t i)
{
	int m = d->tok_ment[i];
	if (m < 0)
		return false;
	const mention *p = &d->ments.items[m];
	return p->tok0 == i && p->tok1 == i + 1 && p->type != CR_E_ORG && cr_tok_capitalised(d, i);
}

static void org_coordination(xdoc *d)
{
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		if (me->type == CR_E_PERSON)
			firm_of_a_person(d, me, (int)m);
		if (me->type != CR_E_ORG || me->tok1 - me->tok0 < 2)
			continue;
		/* "Boesky and Co., L.P.", "Apple Computer, Inc.": the legal form after a comma */
		uint32_t f = me->tok1;
		if (f + 1 < d->seg.ntokens && d->tok_sent[f + 1] == d->tok_sent[f] && tok_is(d, f, ",") &&
		    cr_tok_capitalised(d, f + 1) && cr_is_legal_form(tok_text(d, f + 1), tok_len(d, f + 1))) {
			clear_mentions(d, f + 1, f + 2);
			d->tok_ment[f] = d->tok_ment[f + 1] = (int)m;
			me->tok1 = f + 2;
		}
		const cr_sentence *se = &d->seg.sentences[d->tok_sent[me->tok0]];
		uint32_t first = se->first_token, end = first + se->ntokens;
		uint32_t a = me->tok0;
		/* "the Fish and Wildlife Service"; "Marketing and Acquisition
		 * Consultants Ltd": a company's legal form closes the whole name */
		if (me->title0 == a && a >= first + 2 && tok_is(d, a - 1, "and") && d->tok_ment[a - 2] < 0 && org_word(d, a - 2) &&
		    !gazetteer_word(d, a - 2) &&
		    ((a >= first + 3 && tok_is(d, a - 3, "the")) ||
		     (legal_form_start(d, me) && (a == first + 2 || !cr_tok_capitalised(d, a - 3))))) {
			d->tok_ment[a - 2] = d->tok_ment[a - 1] = (int)m;
			me->tok0 = me->title0 = a - 2;
		} else if (me->title0 == a && a >= first + 2 && tok_is(d, a - 1, "and") && one_word_name(d, a - 2) &&
		           legal_form_start(d, me) && (a == first + 2 || !cr_tok_capitalised(d, a - 3))) {
			/* "Harper" + "and Row Publishers Inc", "Procter and Gamble Co":
			 * a firm named after two people, the first read alone */
			clear_mentions(d, a - 2, a - 1);
			d->tok_ment[a - 2] = d->tok_ment[a - 1] = (int)m;
			me->tok0 = me->title0 = a - 2;
		}
		uint32_t e = me->tok1;
		if (e + 1 >= end || !(tok_is(d, e, "and") || tok_is(d, e, "&")) || d->tok_ment[e + 1] >= 0 || !org_word(d, e + 1))
			continue;
		e += 2;
		while (e < end && e < me->tok1 + 5 && d->tok_ment[e] < 0 && org_word(d, e))
			e++;
		for (uint32_t t = me->tok1; t < e; t++)
			d->tok_ment[t] = (int)m;
		me->tok1 = e;
	}
	compact_mentions(d);   /* the pieces firm_of_a_person emptied */
}

/* Whether tokens [a, b) hold a capitalised organisation head word; the last
 * such token in *at. */
static bool holds_org_head(const xdoc *d, uint32_t a, uint32_t b, uint32_t *at)
{
	bool found = false;
	for (uint32_t t = a; t < b; t++)
		if (cr_tok_capitalised(d, t) && cr_tok_in(d, t, d->x->org_heads))
			*at = t, found = true;
	return found;
}

/*
 * Two organisations named together, read as one: "the U.S. Fish and Wildlife
 * Service and the National Marine Fisheries Service", "the Department of
 * Justice and the Federal Bureau of Investigation". A name of an organisation
 * split at "and" or "or" is two names when both parts hold a head word and
 * either the first part ends in its head ("... Service and ...") or the second
 * runs on from its head over "of" or "for" ("... and Bureau of Investigation").
 * "Department of Health and Human Services" (no "of" after the second head,
 * no head at the first part's end), "Food and Drug Administration" and
 * "Organization for Security and Co-operation in Europe" (one head) stay one.
 */
static void org_split_coordinated(xdoc *d)
{
	size_t n = d->ments.len;
	for (size_t m = 0; m < d->ments.len; m++) {
		mention me = d->ments.items[m];
		if (me.type != CR_E_ORG || me.nick1 != me.nick0)
			continue;
		for (uint32_t k = me.tok0 + 1; k + 2 < me.tok1; k++) {
			if (!(tok_is(d, k, "and") || tok_is(d, k, "or") || tok_is(d, k, "&")))
				continue;
			uint32_t r0 = k + 1 + (tok_is(d, k + 1, "the") ? 1 : 0), h1 = 0, h2 = 0;
			if (me.tok1 - r0 < 2 || !holds_org_head(d, me.tok0, k, &h1) || !holds_org_head(d, r0, me.tok1, &h2))
				continue;
			bool runs_on = h2 + 2 < me.tok1 && (tok_is(d, h2 + 1, "of") || tok_is(d, h2 + 1, "for"));
			if (h1 != k - 1 && !runs_on)
				continue;
			d->ments.items[m].tok1 = k;
			for (uint32_t t = k; t < me.tok1; t++)
				d->tok_ment[t] = -1;
			cr_push_mention(d, r0, me.tok1, r0, CR_E_ORG);
			break;   /* the second part is a mention of its own, looked at in turn */
		}
	}
	if (d->ments.len > n)
		qsort(d->ments.items, d->ments.len, sizeof *d->ments.items, cmp_mention);
	compact_mentions(d);
}

/* "the small town of Forks", "the village of Abu Talat": capitalised words
 * after a settlement's noun and "of" are a place's name (one to three words
 * no one read as a name; a name read there, not an organisation's, is
 * retyped). */
static const char *const settlement_nouns[] = {"town", "city", "village", "hamlet", "township", "municipality",
                                                "province", "county", "district", "region", "island", "port", "suburb",
                                                "neighbourhood", "neighborhood", "oasis", "base", "airbase", "airfield",
                                                "outpost", "garrison", "settlement", "enclave"};

/* Token i is a settlement's noun before "of" or "at" and a name ("the oasis
 * of", "the air base at"). */
static bool settlement_of(const xdoc *d, uint32_t i)
{
	return i + 2 < d->seg.ntokens && cr_tok_word_in(d, i, settlement_nouns, CR_ARRAY_LEN(settlement_nouns)) &&
	       !cr_tok_capitalised(d, i) && (tok_is(d, i + 1, "of") || tok_is(d, i + 1, "at")) &&
	       d->tok_sent[i + 2] == d->tok_sent[i];
}

static void named_settlements(xdoc *d)
{
	for (uint32_t i = 0; i + 2 < d->seg.ntokens; i++) {
		if (!settlement_of(d, i))
			continue;
		uint32_t a = i + 2, e = a;
		int m = d->tok_ment[a];
		if (m >= 0) {
			/* a name read there is the place's, whatever the tagger typed it ("the village of Abu Talat") */
			mention *me = &d->ments.items[m];
			if (me->tok0 == a && me->title0 == a && (me->type != CR_E_ORG || !cr_tok_in(d, me->tok1 - 1, d->x->org_heads)))
				me->type = CR_E_PLACE;
			continue;
		}
		while (e < d->seg.ntokens && e < a + 3 && d->tok_sent[e] == d->tok_sent[i] && d->tok_ment[e] < 0 && org_word(d, e))
			e++;
		if (e > a && !(e < d->seg.ntokens && d->tok_ment[e] >= 0 && d->tok_sent[e] == d->tok_sent[i]))
			cr_push_mention(d, a, e, a, CR_E_PLACE);
		i = e > a ? e - 1 : i;
	}
}

/* "Mat Maid, a farmer's cooperative begun in 1936": capitalised words no one
 * read as a name, set off by a comma before an indefinite description whose
 * head is an organisation's word, are an organisation's name (one to three
 * words, opening the sentence or after a lower-case word). */
static void apposed_org_names(xdoc *d)
{
	for (size_t s = 0; s < d->seg.nsentences; s++) {
		const cr_sentence *se = &d->seg.sentences[s];
		uint32_t first = se->first_token, end = first + se->ntokens;
		for (uint32_t c = first + 1; c + 3 < end; c++) {
			if (!tok_is(d, c, ",") || !(tok_is(d, c + 1, "a") || tok_is(d, c + 1, "an")))
				continue;
			uint32_t a = c;
			while (a > first && c - a < 3 && d->tok_ment[a - 1] < 0 && org_word(d, a - 1))
				a--;
			if (a == c || (a > first && (cr_tok_capitalised(d, a - 1) || d->tok_ment[a - 1] >= 0)))
				continue;
			/* the description: lower-case words and possessives, then the head */
			bool head = false;
			for (uint32_t k = c + 2; k < end && k < c + 7 && !head; k++) {
				if (tok_is(d, k, "'") || tok_is(d, k, "'s"))
					continue;
				if (d->seg.tokens[k].kind != CR_TOK_WORD || !cr_is_lower((unsigned char)tok_text(d, k)[0]) ||
				    cr_function_word(d, k))
					break;
				head = cr_tok_in(d, k, d->x->org_heads) && !(k + 1 < end && tok_is(d, k + 1, "of"));
			}
			if (head)
				cr_push_mention(d, a, c, a, CR_E_ORG);
		}
	}
}

/* "New Orleans" + "Saints": a team or company named after its place, which
 * the tagger read as the place with a plural name after it that it left
 * alone ("Kansas City Chiefs", "Texas Rangers"); one or two capitalised
 * words, the last a plural, no title, the next word not capitalised. */
static void place_teams(xdoc *d)
{
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		if (me->type != CR_E_PLACE || !words_place(d, me->tok0, me->tok1))
			continue;
		uint32_t end = d->seg.sentences[d->tok_sent[me->tok0]].first_token + d->seg.sentences[d->tok_sent[me->tok0]].ntokens;
		uint32_t e = me->tok1;
		size_t n;
		while (e < end && e < me->tok1 + 2 && d->tok_ment[e] < 0 && org_word(d, e) && title_at(d, e, end, &n) < 0)
			e++;
		if (e == me->tok1 || (e < end && cr_tok_capitalised(d, e) && d->seg.tokens[e].kind == CR_TOK_WORD))
			continue;
		const char *last = tok_text(d, e - 1);
		size_t ll = tok_len(d, e - 1);
		if (ll < 4 || last[ll - 1] != 's' || last[ll - 2] == '\'')
			continue;
		for (uint32_t t = me->tok1; t < e; t++)
			d->tok_ment[t] = (int)m;
		me->tok1 = e;
		me->type = CR_E_ORG;
	}
}

/* "Los Angeles Angels GM Tony Reagins": a post word the tagger read into an
 * organisation's name before a person's is the person's post, no part of the
 * name; so is a post's modifier before the post word ("County Dist. Atty."). */
static void org_role_tail(xdoc *d)
{
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		uint32_t last = me->tok1 - 1;
		if (me->type != CR_E_ORG || me->tok1 - me->tok0 < 2 || cr_role_class(d, last) != ROLE_POST ||
		    cr_tok_in(d, last, d->x->org_heads) || me->tok1 >= d->seg.ntokens || d->tok_ment[me->tok1] < 0 ||
		    d->ments.items[d->tok_ment[me->tok1]].type != CR_E_PERSON)
			continue;
		d->tok_ment[last] = -1;
		me->tok1 = last;
	}
	/* "Los Angeles County Dist. Atty. Steve Cooley": a post's modifier read into
	 * the name before the post word is the post's too */
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		uint32_t last = me->tok1 - 1, k = me->tok1;
		if (me->type == CR_E_PERSON || me->tok1 <= me->tok0 || cr_role_class(d, last) != ROLE_MODIFIER ||
		    cr_tok_in(d, last, d->x->org_heads))
			continue;
		if (k < d->seg.ntokens && tok_punct(d, k, '.'))
			k++;
		if (k < d->seg.ntokens && d->tok_ment[k] < 0 && cr_role_class(d, k) == ROLE_POST) {
			d->tok_ment[last] = -1;
			me->tok1 = last;
		}
	}
}

/* The quote mark that closes the one at token i ("'" or '"', a curly pair,
 * or a bracket), or 0. */
static uint32_t closing_quote(const xdoc *d, uint32_t i, uint32_t end)
{
	const char *s = tok_text(d, i);
	size_t n = tok_len(d, i);
	const char *want = n == 1 && (s[0] == '\'' || s[0] == '"' || s[0] == '(') ? (s[0] == '"' ? "\"" : s[0] == '(' ? ")" : "'")
	                 : n == 3 && memcmp(s, "\xE2\x80\x9C", 3) == 0 ? "\xE2\x80\x9D"
	                 : n == 3 && memcmp(s, "\xE2\x80\x98", 3) == 0 ? "\xE2\x80\x99" : NULL;
	for (uint32_t k = i + 1; want && k < end && k <= i + 5; k++)
		if (tok_len(d, k) == strlen(want) && memcmp(tok_text(d, k), want, strlen(want)) == 0)
			return k;
	return 0;
}

static bool name_word_at(const xdoc *d, uint32_t i)
{
	return d->seg.tokens[i].kind == CR_TOK_WORD && cr_tok_capitalised(d, i) && !cr_function_word(d, i);
}

/*
 * A nickname in quotation marks or brackets inside a person's name:
 * "Vincent 'The Chin' Gigante", "Anthony “Fat Tony” Salerno", "Kimani (Kiki)
 * Gray". The tagger reads the pieces as
 * separate names (often a place and a person); they are one person named
 * "Vincent Gigante" with the nickname "The Chin". One or two capitalised
 * words stand on each side, one side read as a person or neither read at
 * all, and the first is no organisation ("told CNN 'The Times' ..." is no
 * name).
 */
static void quoted_nickname_names(xdoc *d)
{
	for (size_t s = 0; s < d->seg.nsentences; s++) {
		const cr_sentence *se = &d->seg.sentences[s];
		uint32_t first = se->first_token, end = first + se->ntokens;
		for (uint32_t q = first + 1; q + 2 < end; q++) {
			uint32_t c = closing_quote(d, q, end);
			if (!c || c == q + 1 || c + 1 >= end || !name_word_at(d, q - 1) || !name_word_at(d, c + 1))
				continue;
			bool inner = true;
			for (uint32_t k = q + 1; k < c && inner; k++)
				inner = d->seg.tokens[k].kind == CR_TOK_WORD && (cr_tok_capitalised(d, k) || (k == q + 1 && tok_is(d, k, "the")));
			uint32_t a = q - 1, b = c + 2;
			if (a > first && name_word_at(d, a - 1) && d->tok_ment[a - 1] >= 0 && d->tok_ment[a - 1] == d->tok_ment[a])
				a--;
			while (b < end && b < c + 3 && name_word_at(d, b) && !(tok_is(d, b - 1, "'s")) &&
			       (d->tok_ment[b] < 0 || d->tok_ment[b] == d->tok_ment[c + 1]))
				b++;
			bool person = false, org = false;
			for (uint32_t k = a; k < b; k++) {
				int m = k > q && k <= c ? -1 : d->tok_ment[k];
				person |= m < 0 || d->ments.items[m].type == CR_E_PERSON;
				org |= m >= 0 && d->ments.items[m].type == CR_E_ORG && k < q;
			}
			if (!inner || !person || org)
				continue;
			clear_mentions(d, a, b);
			cr_push_mention(d, a, b, title_start(d, a, first), CR_E_PERSON);
			d->ments.items[d->ments.len - 1].nick0 = q + 1;
			d->ments.items[d->ments.len - 1].nick1 = c;
			q = b;
		}
	}
	compact_mentions(d);
}


/* The words the document writes in lower case (the token's lower-case form). */
static cr_map *lower_words(const xdoc *d)
{
	cr_map *m = cr_map_new();
	for (size_t k = 0; k < d->seg.ntokens; k++)
		if (d->seg.tokens[k].kind == CR_TOK_WORD && !cr_tok_capitalised(d, k))
			cr_map_put(m, d->low[k], d->lowlen[k], 1);
	return m;
}

/* One more reading of the words s as type t: a map value holds 16 bits a type. */
static void count_type(cr_map *names, const char *s, size_t n, uint8_t t)
{
	intptr_t v = 0;
	cr_map_get(names, s, n, &v);
	if ((((uint64_t)v >> (16 * t)) & 0xffff) < 0xffff)
		v = (intptr_t)((uint64_t)v + (1ull << (16 * t)));
	cr_map_put(names, s, n, v);
}

/* The type the words of a name map (count_type) hold most often, or -1 when unknown. */
static int counted_type(const cr_map *names, const char *s, size_t n)
{
	intptr_t v;
	if (!cr_map_get(names, s, n, &v))
		return -1;
	int type = CR_E_PERSON;
	for (int t = 0; t < 4; t++)
		if ((((uint64_t)v >> (16 * t)) & 0xffff) > (((uint64_t)v >> (16 * type)) & 0xffff))
			type = t;
	return type;
}

/* A name the tagger ran into a person's ("Jaguars Maurice Jones-Drew",
 * "Creighton All-American Kyle Korver" in a headline): when the first word
 * of a name of three or four words is a name of the document on its own and
 * the last two name a person, the first word is its own mention; a first
 * word read as a person's splits off only before an epithet (a given name
 * is no run-on: "Jose Luis Orozco"). */
/* A hyphenated or all-capitals word between two names: "All-American", "WR". */
static bool epithet_at(const xdoc *d, uint32_t i)
{
	const char *s = tok_text(d, i);
	size_t n = tok_len(d, i);
	bool caps = n >= 2, hyphen = false;
	for (size_t k = 0; k < n; k++) {
		caps &= cr_is_upper((unsigned char)s[k]) != 0;
		hyphen |= s[k] == '-';
	}
	return caps || hyphen;
}

static void split_run_ons(xdoc *d, const cr_map *names, cr_buf *b)
{
	size_t n = d->ments.len;
	for (size_t m = 0; m < n; m++) {
		mention *me = &d->ments.items[m];
		if (me->tok1 - me->tok0 < 3 || me->nick1 > me->nick0 || me->title0 < me->tok0)
			continue;
		cr_token_words(d, me->tok0, me->tok0 + 1, b);
		int t = counted_type(names, b->data, b->len);
		/* the person's two words at the end, a role or epithet between ("WR", "All-American") */
		uint32_t rest = me->tok1 - 2;
		if (t < 0 || rest < me->tok0 + 1 || rest > me->tok0 + 2 || !name_word_at(d, rest) || !name_word_at(d, rest + 1))
			continue;
		/* a person's name is no run-on of its first given name ("Jose Luis
		 * Orozco" beside "Jose"), unless an epithet stands between ("All-American") */
		if (t == CR_E_PERSON && !(rest == me->tok0 + 2 && epithet_at(d, me->tok0 + 1)))
			continue;
		cr_token_words(d, rest, me->tok1, b);
		if (counted_type(names, b->data, b->len) != CR_E_PERSON && me->type != CR_E_PERSON)
			continue;
		uint32_t head = me->tok0;
		me->tok0 = me->title0 = rest;
		me->type = CR_E_PERSON;
		for (uint32_t i = head; i < rest; i++)
			d->tok_ment[i] = -1;
		cr_push_mention(d, head, head + 1, head, (uint8_t)t);
	}
}

/*
 * A name the tagger found once is the same name where it missed it (one
 * sense per discourse): every capitalised run of words equal to a person,
 * organisation or place name of the document, or to the surname of a person
 * it names in full, becomes a mention of the type that name has most often.
 * Not inside a number or time expression; a single word opening a sentence
 * only when the document never writes it in lower case ("Bush said", not
 * "Black smoke"). A run next to other capitalised words is part of a longer
 * name no one read.
 */
static void propagate_names(xdoc *d)
{
	cr_map *names = cr_map_new();   /* words -> how often read as each type, 16 bits a type */
	cr_buf b = {0};
	size_t longest = 1;
	for (size_t m = 0; m < d->ments.len; m++) {
		const mention *me = &d->ments.items[m];
		if (me->type == CR_E_OTHER || me->nick1 > me->nick0)
			continue;
		/* an organisation's short names: "Colts" of "Indianapolis Colts" */
		if (me->type == CR_E_ORG) {
			cr_token_words(d, me->tok0, me->tok1, &b);
			char *full = cr_xstrndup(b.data, b.len);
			size_t st[4], ln[4], ns = cr_org_short_forms(full, st, ln, 4);
			for (size_t k = 0; k < ns; k++)
				count_type(names, full + st[k], ln[k], CR_E_ORG);
			free(full);
		}
		for (int pass = 0; pass < 2; pass++) {
			uint32_t a = me->tok0;
			if (pass == 1) {
				/* a person's surname: the last word, before a suffix */
				uint32_t e = me->tok1;
				if (me->type != CR_E_PERSON || e - a < 2)
					break;
				if (tok_is(d, e - 1, "jr") || tok_is(d, e - 1, "sr") || tok_is(d, e - 1, "."))
					e--;
				if (e - a < 2 || !cr_tok_capitalised(d, e - 1) || tok_len(d, e - 1) < 3)
					break;
				cr_token_words(d, e - 1, e, &b);
			} else {
				cr_token_words(d, a, me->tok1, &b);
				longest = CR_MAX(longest, me->tok1 - a);
			}
			count_type(names, b.data, b.len, me->type);
		}
	}
	split_run_ons(d, names, &b);
	cr_map *lower = lower_words(d);
	for (size_t s = 0; s < d->seg.nsentences && cr_map_count(names); s++) {
		const cr_sentence *se = &d->seg.sentences[s];
		uint32_t first = se->first_token, end = first + se->ntokens;
		for (uint32_t i = first; i < end; i++) {
			if (d->tok_ment[i] >= 0 || !name_word_at(d, i) || d->tok_num[i] >= 0 || d->tok_tx[i] >= 0)
				continue;
			if (i > first && d->tok_ment[i - 1] < 0 && name_word_at(d, i - 1) &&
			    !(i - 1 == first && cr_map_get(lower, d->low[i - 1], d->lowlen[i - 1], NULL)))
				continue;
			for (uint32_t n = (uint32_t)CR_MIN(longest, end - i); n >= 1; n--) {
				bool free_run = true;
				for (uint32_t k = i; k < i + n && free_run; k++)
					free_run = d->tok_ment[k] < 0;
				intptr_t v;
				if (!free_run || (i + n < end && cr_tok_capitalised(d, i + n) && d->seg.tokens[i + n].kind == CR_TOK_WORD))
					continue;
				cr_token_words(d, i, i + n, &b);
				if (!cr_map_get(names, b.data, b.len, &v) || (n == 1 && i == first && cr_map_get(lower, d->low[i], d->lowlen[i], NULL)))
					continue;
				cr_push_mention(d, i, i + n, title_start(d, i, first), (uint8_t)counted_type(names, b.data, b.len));
				i += n - 1;
				break;
			}
		}
	}
	cr_map_free(lower);
	cr_buf_free(&b);
	cr_map_free(names);
}


/* Where a name glued by a hyphen to the word after it ends ("Gigante-that",
 * "Ortiz-who", "Seattle-area": a dash the text lost, or a compound), or n. */
static size_t run_on_dash(const char *s, size_t n)
{
	static const char *const glued[] = {"that", "who", "the", "which", "and", "but", "or", "was", "were", "is",
	                                    "are", "had", "has", "have", "do", "did", "said", "says", "to", "in",
	                                    "of", "on", "at", "as", "it", "he", "she", "they", "his", "her",
	                                    "even", "took", "after", "when", "while", "area", "based", "era", "born"};
	size_t h = n;
	while (h > 0 && s[h - 1] != '-' && s[h - 1] != ' ')
		h--;
	if (h < 2 || s[h - 1] != '-' || !cr_is_alpha((unsigned char)s[h - 2]))
		return n;
	for (size_t k = 0; k < CR_ARRAY_LEN(glued); k++)
		if (n - h == strlen(glued[k]) && memcmp(s + h, glued[k], n - h) == 0)
			return h - 1;
	return n;
}

/* A mention's text from token `from` (its start or its title's) to its end,
 * without the quoted nickname inside it: "Vincent Gigante". */
static void mention_name(const xdoc *d, const mention *me, uint32_t from, cr_buf *out)
{
	const cr_token *t = d->seg.tokens;
	if (me->nick1 <= me->nick0) {
		cr_buf_append(out, d->text + t[from].start, t[me->tok1 - 1].end - t[from].start);
		/* a dash the text lost between the name and the next clause: "Gigante-that";
		 * a possessive with a curly apostrophe the tokenizer left on ("Creighton’s") */
		size_t cut = run_on_dash(out->data, out->len);
		if (cut == out->len && cut > 5 && memcmp(out->data + cut - 4, "\xE2\x80\x99s", 4) == 0)
			cut -= 4;
		if (cut < out->len) {
			out->len = cut;
			out->data[cut] = 0;
		}
		return;
	}
	cr_buf_append(out, d->text + t[from].start, t[me->nick0 - 2].end - t[from].start);
	cr_buf_putc(out, ' ');
	cr_buf_append(out, d->text + t[me->nick1 + 1].start, t[me->tok1 - 1].end - t[me->nick1 + 1].start);
}

/* A single capital letter, with or without its full stop: a middle initial. */
static bool initial_at(const xdoc *d, uint32_t i)
{
	const char *s = tok_text(d, i);
	size_t n = tok_len(d, i);
	return cr_is_upper((unsigned char)s[0]) && (n == 1 || (n == 2 && s[1] == '.'));
}

/*
 * People the tagger typed otherwise ("Brian G. Nichols" read as a name of
 * no type, "Nichols" as an organisation, "Arcade Joseph Comeaux Jr." as an
 * organisation): a name shaped as people are named (cr_name_like) with no
 * organisation head word in it that has a generational suffix or a middle
 * initial (and is no place the gazetteer knows), or that is, alone or as its
 * last word, the surname of a person the document names in full (unless the
 * tagger and the gazetteer agree it is a place and a locative word stands
 * before it: "in Washington").
 */
/* Whether a mention typed otherwise may be a person's name: shaped as people
 * are named, at most five words, no organisation head word; *place when the
 * gazetteer knows it as a place, *initial when it has a middle initial. */
static bool person_shaped(const xdoc *d, const mention *me, cr_buf *nb, bool *place, bool *initial)
{
	if (me->type == CR_E_PERSON || me->tok1 - me->tok0 > 5)
		return false;
	*initial = false;
	for (uint32_t i = me->tok0; i < me->tok1; i++) {
		if (cr_tok_in(d, i, d->x->org_heads))
			return false;
		*initial |= i > me->tok0 && i + 1 < me->tok1 && initial_at(d, i);
	}
	nb->len = 0;
	mention_name(d, me, me->tok0, nb);
	char *text = cr_xstrndup(nb->data, nb->len);
	bool ok = cr_name_like(text);
	*place = ok && cr_is_place_name(text);
	free(text);
	return ok;
}

/* A preposition or verb of place before token i: "in", "to", "from", "visited" ... */
static bool locative_before(const xdoc *d, uint32_t i)
{
	static const char *const loc[] = {"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "toward",
	                                  "towards", "through", "visited", "visit", "visiting", "of", "around"};
	if (i == 0)
		return false;
	for (size_t k = 0; k < CR_ARRAY_LEN(loc); k++)
		if (tok_is(d, i - 1, loc[k]))
			return true;
	return false;
}

static void retype_people(xdoc *d)
{
	cr_buf nb = {0};
	bool place, initial;
	char *key, *given, *sur, *suffix;
	/* a suffix or a middle initial: "Arcade Joseph Comeaux Jr.", "Brian G. Nichols" */
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		if (!person_shaped(d, me, &nb, &place, &initial) || place)
			continue;
		key = cr_name_key(nb.data, nb.len, false);
		cr_person_key_split(key, &given, &sur, &suffix);
		if (given && (suffix || (initial && me->tok1 - me->tok0 <= 4)))
			me->type = CR_E_PERSON;
		free(key), free(given), free(sur), free(suffix);
	}
	/* the surname of a person named in full */
	cr_map *surnames = cr_map_new();
	for (size_t m = 0; m < d->ments.len; m++) {
		const mention *me = &d->ments.items[m];
		if (me->type != CR_E_PERSON)
			continue;
		nb.len = 0;
		mention_name(d, me, me->tok0, &nb);
		key = cr_name_key(nb.data, nb.len, false);
		cr_person_key_split(key, &given, &sur, &suffix);
		if (given)
			cr_map_put(surnames, sur, strlen(sur), 1);
		free(key), free(given), free(sur), free(suffix);
	}
	/* "Deputy Ortiz" read as an organisation beside "Luis Gerardo Ortiz": a
	 * title and a person's surname (tagger_mentions keeps titles in an
	 * organisation's name: "General Motors") */
	for (size_t m = 0; m < d->ments.len && cr_map_count(surnames); m++) {
		mention *me = &d->ments.items[m];
		size_t n;
		if (me->type != CR_E_ORG || me->nick1 > me->nick0 || title_at(d, me->tok0, me->tok1 - 1, &n) < 0 ||
		    me->tok0 + n + 1 != me->tok1 || !cr_map_get(surnames, d->low[me->tok1 - 1], d->lowlen[me->tok1 - 1], NULL))
			continue;
		me->title0 = me->tok0;
		me->tok0 = me->tok1 - 1;
		me->type = CR_E_PERSON;
	}
	for (size_t m = 0; m < d->ments.len && cr_map_count(surnames); m++) {
		mention *me = &d->ments.items[m];
		/* a place the tagger and the gazetteer agree on, after a locative
		 * preposition, stays a place ("visited Washington", "in Washington") */
		if (!person_shaped(d, me, &nb, &place, &initial) || (place && me->type == CR_E_PLACE && locative_before(d, me->title0)))
			continue;
		key = cr_name_key(nb.data, nb.len, false);
		cr_person_key_split(key, &given, &sur, &suffix);
		if (cr_map_get(surnames, sur, strlen(sur), NULL))
			me->type = CR_E_PERSON;
		free(key), free(given), free(sur), free(suffix);
	}
	cr_buf_free(&nb);
	cr_map_free(surnames);
}

/*
 * A single word read as a person's name with no title before it that the
 * gazetteer knows as a country or a city of 100,000 people or more ("between
 * Abu Talat and Marseilles") is that place, unless a person of the document
 * is named in full with it as a given name or surname ("Jordan" beside
 * "Michael Jordan", "Paris" beside "Paris Hilton").
 */
/* A mention of one word that is a country or a city of 100,000 people or more. */
static bool major_place(const xdoc *d, const mention *me)
{
	char cc[3];
	const char *w = tok_text(d, me->tok0);
	size_t n = tok_len(d, me->tok0);
	if (me->tok1 != me->tok0 + 1)
		return false;
	cr_place_kind k = cr_gazetteer_place(w, n, cc);
	return k == CR_PLACE_COUNTRY || (k == CR_PLACE_CITY && cr_gazetteer_population(w, n) >= 100000);
}

static void retype_places(xdoc *d)
{
	cr_map *words = cr_map_new();   /* the words of people's full names */
	for (size_t m = 0; m < d->ments.len; m++) {
		const mention *me = &d->ments.items[m];
		if (me->type == CR_E_PERSON && me->tok1 - me->tok0 >= 2)
			for (uint32_t i = me->tok0; i < me->tok1; i++)
				cr_map_put(words, d->low[i], d->lowlen[i], 1);
	}
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		if (me->type != CR_E_PERSON || me->tok1 != me->tok0 + 1 || me->title0 < me->tok0 ||
		    cr_map_get(words, d->low[me->tok0], d->lowlen[me->tok0], NULL))
			continue;
		if (major_place(d, me))
			me->type = CR_E_PLACE;
	}
	cr_map_free(words);
}

/* "Ford, (now) an assistant coach with the Bobcats,": a name with a post in
 * apposition, the post the head of its noun phrase (not "Toyota, the chief
 * rival"), one person's (a singular post: "the league leaders" may be a
 * team). */
static bool apposed_post(const xdoc *d, const mention *me)
{
	uint32_t k = me->tok1, nt = (uint32_t)d->seg.ntokens;
	/* "Ford, now an assistant coach" */
	if (k + 4 < nt && tok_is(d, k, ",") && (tok_is(d, k + 1, "now") || tok_is(d, k + 1, "then") || tok_is(d, k + 1, "currently") ||
	                                     tok_is(d, k + 1, "formerly") || tok_is(d, k + 1, "once") || tok_is(d, k + 1, "also")))
		k++;
	if (k + 3 >= nt || !tok_is(d, me->tok1, ",") || !(tok_is(d, k + 1, "a") || tok_is(d, k + 1, "an") || tok_is(d, k + 1, "the")))
		return false;
	uint32_t q = k + 2, last = 0;
	for (; q < nt && q < k + 6 && d->tok_ment[q] < 0 && !cr_tok_capitalised(d, q) && d->seg.tokens[q].kind == CR_TOK_WORD; q++) {
		int c = cr_role_class(d, q);
		if (c == ROLE_POST)
			last = q;
		else if (c == ROLE_NONE)
			break;
	}
	if (!last || last + 1 != q || q >= nt)
		return false;
	const char *w = d->low[last];
	size_t n = d->lowlen[last];
	if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's')
		return false;
	return tok_punct(d, q, ',') || tok_punct(d, q, '.') || tok_is(d, q, "with") || tok_is(d, q, "of") ||
	       tok_is(d, q, "at") || tok_is(d, q, "for") || tok_is(d, q, "who") || tok_is(d, q, "to");
}

/* The token of the legal form closing the mention's name ("Qualys Inc.",
 * "Acme SA", "Ford Motor Co."; cr_is_legal_form), 0 when none. */
static size_t legal_form_start(const xdoc *d, const mention *me)
{
	if (me->tok1 - me->tok0 < 2)
		return 0;
	uint32_t w = me->tok1 - 1;
	bool dot = tok_punct(d, w, '.') && w > me->tok0;
	if (dot)
		w--;
	if (w == me->tok0)
		return 0;
	/* the full stop as a token of its own: "Co" "." */
	size_t n = dot ? d->seg.tokens[w + 1].end - d->seg.tokens[w].start : tok_len(d, w);
	return cr_is_legal_form(tok_text(d, w), n) ? w : 0;
}

/* Words around a name that only a place has: a bearing from it ("145 km
 * northeast of Faya", "north of X"), "near X" or "outside X" (not "outside
 * X's house"), or after it a region in apposition ("Ouadi Doumi, central
 * northern Chad,") or a distance ("Ouadi Doum, 145 kms (90 miles) from",
 * "Faya Largeau some 230 km north of"). */
static bool locative_cue(const xdoc *d, const mention *me)
{
	uint32_t a = me->title0, e = me->tok1;
	size_t nt = d->seg.ntokens;
	if (a != me->tok0)
		return false;
	if (a >= 2 && tok_is(d, a - 1, "of") && cr_compass_word(d, a - 2) && !cr_tok_capitalised(d, a - 2))
		return true;
	if (a >= 1 && ANY_OF(d, a - 1, "near", "outside") && !cr_tok_capitalised(d, a - 1) && !tok_possessive(d, e))
		return true;
	if (e + 1 < nt && tok_is(d, e, ",") && cr_compass_word(d, e + 1) && !cr_tok_capitalised(d, e + 1))
		return true;
	uint32_t k = e + (e < nt && tok_is(d, e, ","));
	k += k < nt && ANY_OF(d, k, "some", "about", "around", "nearly", "roughly");
	return k + 1 < nt && d->tok_sent[k + 1] == d->tok_sent[a] && d->seg.tokens[k].kind == CR_TOK_NUMBER &&
	       ANY_OF(d, k + 1, "km", "kms", "kilometres", "kilometers", "miles", "mile", "kilometre", "kilometer");
}

/* One name, one type in a document: every mention of a name takes the type
 * the tagger and the rules gave it most often ("Marfin Bank" read twice as
 * an organisation and once as a person is an organisation), a titled
 * person's mention counting three, a name before a company's noun
 * (cr_is_org_context) read as an organisation, a country's or a large
 * city's one-word name read as a place counting two, one after a
 * settlement's noun ("the oasis of Fada") or with a place's bearing or
 * distance (locative_cue) three (the tagger's
 * organisation in "the butcher of Mariupol", "today's Mariupol" is the
 * city of "the siege of Mariupol"; a club's name, read as an organisation
 * throughout, stays one) and winning a tie; on other ties, the type of
 * its first mention. */
static void unify_types(xdoc *d)
{
	cr_map *seen = cr_map_new();   /* name key -> 1 + index into counts */
	CR_VEC(uint32_t) counts = {0};  /* 5 a name: four types, then the first one */
	size_t *slot = cr_xcalloc(d->ments.len + 1, sizeof *slot);
	cr_buf nb = {0};
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		nb.len = 0;
		mention_name(d, me, me->tok0, &nb);
		/* a title before a name is the strongest sign of a person ("President
		 * Obama"); a company's noun after it of an organisation ("the Kraft
		 * Foods plant", "a Wells Fargo branch"), unless it is a known place */
		uint8_t t = me->type;
		bool strong = me->title0 < me->tok0;   /* a sign that outweighs the tagger's readings */
		/* three words or more closed by an organisation's head word are an
		 * organisation's, whatever the tagger read ("Wasilla Bible Church";
		 * "Charlotte Church" may be a person's) */
		if (t == CR_E_PERSON && me->title0 == me->tok0 && me->tok1 - me->tok0 >= 3 && cr_tok_in(d, me->tok1 - 1, d->x->org_heads))
			t = CR_E_ORG;
		/* a name closed by a geographic feature's word is a place's ("Mediterranean Sea") */
		if (t == CR_E_OTHER && me->tok1 - me->tok0 >= 2 && cr_is_place_feature(tok_text(d, me->tok1 - 1), tok_len(d, me->tok1 - 1)))
			t = CR_E_PLACE;
		/* and one opened by a mountain's, a lake's or a cape's ("Mount Osutaka",
		 * "Lake Tahoe"), unless an organisation's word closes it ("Mount Sinai
		 * Hospital") */
		if (t != CR_E_PLACE && me->title0 == me->tok0 && me->tok1 - me->tok0 >= 2 &&
		    ANY_OF(d, me->tok0, "mount", "mt", "lake", "cape") && cr_tok_capitalised(d, me->tok0) &&
		    !cr_tok_in(d, me->tok1 - 1, d->x->org_heads))
			t = CR_E_PLACE, strong = true;
		if (t != CR_E_ORG && me->title0 == me->tok0 && me->tok1 < d->seg.ntokens &&
		    d->tok_sent[me->tok1] == d->tok_sent[me->tok0] && cr_is_org_context(d->low[me->tok1], d->lowlen[me->tok1]) &&
		    !cr_is_place_name(nb.data))
			t = CR_E_ORG;
		/* "Matanuska Maid, a farmers' cooperative", "Creighton, the team": an
		 * organisation's noun in apposition */
		if (t != CR_E_ORG && me->tok1 + 2 < d->seg.ntokens && tok_is(d, me->tok1, ",") &&
		    (tok_is(d, me->tok1 + 1, "a") || tok_is(d, me->tok1 + 1, "an") || tok_is(d, me->tok1 + 1, "the")) &&
		    !cr_is_place_name(nb.data)) {
			for (uint32_t k = me->tok1 + 2; k < d->seg.ntokens && k < me->tok1 + 6 &&
			                                d->tok_sent[k] == d->tok_sent[me->tok0] && d->tok_ment[k] < 0; k++) {
				/* the apposition's own head: not past a preposition or a person's word
				 * ("a member of the council", "the head of the company") */
				bool owner = k + 1 < d->seg.ntokens && (tok_is(d, k + 1, "'") || tok_is(d, k + 1, "'s"));
				if (tok_is(d, k, "'") || tok_is(d, k, "'s") || owner)
					continue;   /* "a farmers' cooperative", "the teachers' union" */
				if (cr_tok_capitalised(d, k) || tok_is(d, k, ",") || cr_function_word(d, k) || cr_role_class(d, k) != ROLE_NONE ||
				    cr_tok_in(d, k, d->x->person_nouns))
					break;
				if (cr_tok_in(d, k, d->x->org_heads) && !(k + 1 < d->seg.ntokens && tok_is(d, k + 1, "of"))) {
					t = CR_E_ORG;
					break;
				}
			}
		}
		if (t != CR_E_PERSON && !cr_is_place_name(nb.data) && apposed_post(d, me))
			t = CR_E_PERSON, strong = true;
		/* "the air base of Ouadi Doum", "the oasis of Fada": a place, the
		 * tagger's person elsewhere in the report notwithstanding */
		/* "the Greek island of Thassos", "east of Thasos island": a place, the
		 * tagger's organisation notwithstanding, unless an organisation's word
		 * closes the name ("the city of London Corporation") */
		bool org_closed = cr_tok_in(d, me->tok1 - 1, d->x->org_heads);
		char cc[3];
		if ((t != CR_E_ORG || !org_closed) && me->title0 == me->tok0 && me->tok0 >= 2 && settlement_of(d, me->tok0 - 2))
			t = CR_E_PLACE, strong = true;
		if (!org_closed && me->title0 == me->tok0 && me->tok1 < d->seg.ntokens && d->tok_sent[me->tok1] == d->tok_sent[me->tok0] &&
		    !cr_tok_capitalised(d, me->tok1) && cr_is_place_feature(tok_text(d, me->tok1), tok_len(d, me->tok1)) &&
		    cr_gazetteer_place(nb.data, nb.len, cc) != CR_PLACE_DEMONYM)   /* not "the Iranian island" */
			t = CR_E_PLACE, strong = true;
		if (t != CR_E_ORG && locative_cue(d, me))
			t = CR_E_PLACE, strong = true;
		/* "the Ouadi Doum airstrip", "Ouadi Doum air base": a place's facility */
		uint32_t f = me->tok1;
		if (t != CR_E_ORG && me->title0 == me->tok0 && f + 1 < d->seg.ntokens && d->tok_sent[f] == d->tok_sent[me->tok0] &&
		    (ANY_OF(d, f, "airstrip", "airfield", "airbase", "oasis") ||
		     (tok_is(d, f, "air") && (tok_is(d, f + 1, "base") || tok_is(d, f + 1, "field")))))
			t = CR_E_PLACE, strong = true;
		/* "Qualys Inc.", "Kraft Foods": a name closed by a legal form is a company's,
		 * and so is the name without it ("Qualys") */
		size_t legal = legal_form_start(d, me);
		if (legal)
			t = CR_E_ORG;
		char *key = cr_name_key(nb.data, nb.len, false);
		intptr_t v;
		if (!cr_map_get(seen, key, strlen(key), &v)) {
			v = (intptr_t)counts.len / 5 + 1;
			cr_map_put(seen, key, strlen(key), v);
			for (int k = 0; k < 5; k++)
				cr_vec_push(&counts, k == 4 ? t : 0u);
		}
		counts.items[(size_t)(v - 1) * 5 + t] += strong && (t == CR_E_PERSON || t == CR_E_PLACE) ? 3
		                                       : t == CR_E_PLACE && major_place(d, me) ? 2 : 1;
		slot[m] = (size_t)(v - 1) * 5;
		free(key);
		if (legal) {
			mention_name(d, me, me->tok0, &nb);
			size_t cut = d->seg.tokens[legal - 1].end - d->seg.tokens[me->tok0].start;
			char *k2 = cut < nb.len ? cr_name_key(nb.data, cut, false) : NULL;
			if (k2 && !cr_map_get(seen, k2, strlen(k2), &v)) {
				v = (intptr_t)counts.len / 5 + 1;
				cr_map_put(seen, k2, strlen(k2), v);
				for (int k = 0; k < 5; k++)
					cr_vec_push(&counts, k == 4 ? CR_E_ORG : 0u);
			}
			if (k2)
				counts.items[(size_t)(v - 1) * 5 + CR_E_ORG] += 3;
			free(k2);
		}
	}
	for (size_t m = 0; m < d->ments.len; m++) {
		const uint32_t *c = &counts.items[slot[m]];
		uint8_t best = (uint8_t)c[4];
		for (uint8_t t = 0; t < 4; t++)
			if (c[t] > c[best])
				best = t;
		if (best != CR_E_PLACE && c[CR_E_PLACE] == c[best] && major_place(d, &d->ments.items[m]))
			best = CR_E_PLACE;
		d->ments.items[m].type = best;
	}
	cr_buf_free(&nb);
	free(slot);
	cr_vec_free(&counts);
	cr_map_free(seen);
}

/* An acronym's shape: two to eight letters, the first and at least two capitals ("USGS", "DoD"). */
static bool acronym_at(const xdoc *d, uint32_t i)
{
	const char *s = tok_text(d, i);
	size_t n = tok_len(d, i), caps = 0;
	if (n < 2 || n > 8 || !cr_is_upper((unsigned char)s[0]))
		return false;
	for (size_t k = 0; k < n; k++) {
		if (!cr_is_alpha((unsigned char)s[k]))
			return false;
		caps += cr_is_upper((unsigned char)s[k]) != 0;
	}
	return caps >= 2;
}

/* Whether the word at token i is a name of the gazetteer, of any type. */
static bool gazetteer_word(const xdoc *d, uint32_t i)
{
	const cr_gazetteer *g = cr_gazetteer_default();
	const char *w = tok_text(d, i);
	size_t n = tok_len(d, i);
	return g && cr_gazetteer_match(g, &w, &n, 1, 0, NULL) == 1;
}

/* Whether the name of the mention at token m (no person's) may be abbreviated
 * by the word at token acr. */
static bool abbreviates(const xdoc *d, uint32_t acr, int m)
{
	if (m < 0 || d->ments.items[m].type == CR_E_PERSON || !acronym_at(d, acr))
		return false;
	cr_buf w = {0};
	cr_token_words(d, d->ments.items[m].tok0, d->ments.items[m].tok1, &w);
	bool ok = cr_acronym_of(tok_text(d, acr), tok_len(d, acr), w.data);
	cr_buf_free(&w);
	return ok;
}

/* A dash at token i ("--", "-" "-", an em or an en dash): its length in tokens, or 0. */
static size_t dash_at(const xdoc *d, uint32_t i)
{
	if (tok_is(d, i, "\xe2\x80\x94") || tok_is(d, i, "\xe2\x80\x93") || tok_is(d, i, "--"))
		return 1;
	return i + 1 < d->seg.ntokens && tok_is(d, i, "-") && tok_is(d, i + 1, "-") ? 2 : 0;
}

/* A name and its acronym beside it, at token at: in parentheses ("U.S.
 * Geological Survey (USGS)", "USGS (U.S. Geological Survey)") or in
 * apposition ("the U.S. Geological Survey, or USGS, said", "the USGS, the
 * U.S. Geological Survey, said", "GUNT -- the Transitional Government of
 * National Unity --"), when the acronym may abbreviate the name
 * (cr_acronym_of). *name_tok and *acr_tok get a token of each. */
static bool acronym_definition(const xdoc *d, uint32_t at, uint32_t *name_tok, uint32_t *acr_tok)
{
	size_t nt = d->seg.ntokens;
	if (at == 0 || at + 2 >= nt || d->tok_sent[at - 1] != d->tok_sent[at])
		return false;
	bool paren = tok_is(d, at, "(");
	size_t dash = dash_at(d, at);   /* "GUNT -- the Transitional Government ..." */
	if (!paren && !dash && !tok_is(d, at, ","))
		return false;
	/* what closes the aside: ")" for parentheses, "," or "." or a dash for apposition */
	uint32_t k = at + (dash ? (uint32_t)dash : 1);
	if (!paren && k + 1 < nt && (tok_is(d, k, "or") || tok_is(d, k, "the")))
		k++;
	uint32_t close = k;
	while (close < nt && close < k + 10 &&
	       !(paren ? tok_is(d, close, ")") : tok_is(d, close, ",") || tok_is(d, close, ".") || dash_at(d, close)))
		close++;
	if (close >= nt || close == k || d->tok_sent[close] != d->tok_sent[at] || !(paren ? tok_is(d, close, ")") : true))
		return false;
	int before = d->tok_ment[at - 1], inside = d->tok_ment[k];
	/* in brackets right after a formal name of three words or more, an acronym
	 * whose letters need not follow it: one of another language ("Central
	 * Election and Referendum Commission (TsKVPR)"), never a name the
	 * gazetteer knows ("(AP)", "(US)") */
	bool formal = paren && close == k + 1 && before >= 0 && d->ments.items[before].type == CR_E_ORG &&
	              d->ments.items[before].tok1 == at && d->ments.items[before].tok1 - d->ments.items[before].tok0 >= 3 &&
	              acronym_at(d, k) && !gazetteer_word(d, k);
	if (close == k + 1 && (paren || tok_is(d, at + 1, "or")) && (formal || abbreviates(d, k, before))) {
		*name_tok = at - 1, *acr_tok = k;
		return true;
	}
	/* "GUNT -- the Transitional Government of National Unity --": after a dash,
	 * a formal name of three words or more, whose letters need not follow it */
	bool formal_after = dash && inside >= 0 && d->ments.items[inside].type == CR_E_ORG &&
	                    d->ments.items[inside].tok1 - d->ments.items[inside].tok0 >= 3 && acronym_at(d, at - 1) &&
	                    !gazetteer_word(d, at - 1) && (before < 0 || d->ments.items[before].type != CR_E_PERSON);
	if (inside >= 0 && d->ments.items[inside].tok0 == k && d->ments.items[inside].tok1 == close &&
	    (paren || tok_is(d, at + (dash ? (uint32_t)dash : 1), "the")) && (formal_after || abbreviates(d, at - 1, inside))) {
		*name_tok = k, *acr_tok = at - 1;
		return true;
	}
	return false;
}

/* An acronym the tagger left beside the name it is defined for becomes a
 * mention, so that it joins the name (acronyms_join). */
static void acronym_mentions(xdoc *d)
{
	for (uint32_t i = 1; i + 2 < d->seg.ntokens; i++) {
		uint32_t name, acr;
		if (acronym_definition(d, i, &name, &acr) && d->tok_ment[acr] < 0)
			cr_push_mention(d, acr, acr + 1, acr, CR_E_ORG);
	}
}

/* The acronym defined beside a name is that name's entity, and so is every
 * other mention of the acronym in the document. */
static void acronyms_join(xdoc *d, ekey_vec *keys)
{
	for (uint32_t i = 1; i + 2 < d->seg.ntokens; i++) {
		uint32_t name, acr;
		if (!acronym_definition(d, i, &name, &acr) || d->tok_ment[acr] < 0)
			continue;
		int to = d->ments.items[d->tok_ment[name]].entity, from = d->ments.items[d->tok_ment[acr]].entity;
		if (to >= 0 && from >= 0 && to != from && d->ents.items[from].mentions && d->ents.items[from].type != CR_E_PERSON)
			merge_entity(d, keys, from, to);
	}
}

/* A word with no capital letter ("corporation"; not "al-Qaeda", "eBay"). */
static bool lower_word(const xdoc *d, uint32_t i)
{
	const char *s = tok_text(d, i);
	for (size_t k = 0; k < tok_len(d, i); k++)
		if (cr_is_upper((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80)
			return false;
	return true;
}

static bool weekday_at(const xdoc *d, uint32_t i)
{
	static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
	for (size_t k = 0; k < CR_ARRAY_LEN(days); k++)
		if (tok_is(d, i, days[k]))
			return true;
	return false;
}

/* The tagger's names, less the titles and weekdays it ran into them, with
 * the titles before them. */
static void tagger_mentions(xdoc *d)
{
	/* the tagger reads the whole document, so a name keeps its type throughout */
	cr_span *toks = cr_xcalloc(d->seg.ntokens + 1, sizeof *toks);
	cr_span *sents = cr_xcalloc(d->seg.nsentences + 1, sizeof *sents);
	for (size_t i = 0; i < d->seg.ntokens; i++)
		toks[i] = (cr_span){d->seg.tokens[i].start, d->seg.tokens[i].end};
	for (size_t s = 0; s < d->seg.nsentences; s++)
		sents[s] = (cr_span){d->seg.sentences[s].first_token,
		                     d->seg.sentences[s].first_token + d->seg.sentences[s].ntokens};
	cr_name *names = NULL;
	size_t nn = 0;
	if (d->x->tagger && d->seg.ntokens)
		cr_tagger_doc_names(&names, &nn, d->x->tagger, d->text, toks, d->seg.ntokens, sents, d->seg.nsentences);
	free(toks);
	free(sents);
	for (size_t k = 0; k < nn; k++) {
		uint32_t t0 = names[k].first_token;
		uint32_t t1 = t0 + names[k].ntokens;
		if (t1 > d->seg.ntokens || t0 >= t1)
			continue;
		/* a name neither starts nor ends with a quote mark or other punctuation */
		while (t0 < t1 && d->seg.tokens[t0].kind != CR_TOK_WORD && d->seg.tokens[t0].kind != CR_TOK_NUMBER)
			t0++;
		while (t1 > t0 && d->seg.tokens[t1 - 1].kind != CR_TOK_WORD && d->seg.tokens[t1 - 1].kind != CR_TOK_NUMBER)
			t1--;
		if (t0 >= t1)
			continue;
		const cr_sentence *se = &d->seg.sentences[d->tok_sent[t0]];
		uint8_t type = etype_of(names[k].type);
		/* drop titles the tagger took into a name, but not into an
		 * organisation's ("General Motors", "General Electric") */
		size_t n;
		while (type != CR_E_ORG && t0 + 1 < t1 && title_at(d, t0, t1 - 1, &n) >= 0 && t0 + n < t1) {
			t0 += (uint32_t)n;
			if (t0 < t1 && tok_is(d, t0, "."))
				t0++;
			if (type == CR_E_OTHER || type == CR_E_ORG)
				type = CR_E_PERSON;
		}
		/* a weekday the tagger ran a name into ("Bush Wednesday") is no part of
		 * it, nor a common noun after it ("Matanuska Maid corporation") */
		while (t1 - t0 > 1 && (weekday_at(d, t1 - 1) || (d->seg.tokens[t1 - 1].kind == CR_TOK_WORD && lower_word(d, t1 - 1))))
			t1--;
		while (t1 - t0 > 1 && weekday_at(d, t0))
			t0++;
		if (t0 >= t1)
			continue;
		/* a capitalised particle the tagger left before a person's surname ("Lo" + "Presti") */
		if (type == CR_E_PERSON && t0 > se->first_token && cr_tok_capitalised(d, t0 - 1) &&
		    cr_is_surname_particle(d->low[t0 - 1], d->lowlen[t0 - 1]) && !(t0 >= 2 && cr_tok_capitalised(d, t0 - 2) &&
		    d->seg.tokens[t0 - 2].kind == CR_TOK_WORD && t0 - 2 >= se->first_token))
			t0--;
		uint32_t ti = title_start(d, t0, se->first_token);
		if (ti < t0 && type != CR_E_PERSON && t1 - t0 <= 3)
			type = CR_E_PERSON;
		cr_push_mention(d, t0, t1, ti, type);
	}
	free(names);
}

/* A title followed by capitalised words the tagger left alone is a person. */
static void titled_mentions(xdoc *d)
{
	for (size_t s = 0; s < d->seg.nsentences; s++) {
		const cr_sentence *se = &d->seg.sentences[s];
		uint32_t end = se->first_token + se->ntokens;
		for (uint32_t i = se->first_token; i < end; i++) {
			size_t n;
			if (d->tok_ment[i] >= 0 || title_at(d, i, end, &n) < 0 || !cr_tok_capitalised(d, i))
				continue;
			uint32_t j = i + (uint32_t)n;
			if (j < end && tok_is(d, j, "."))
				j++;
			uint32_t k = j;
			while (k < end && k < j + 3 && d->tok_ment[k] < 0 && cr_tok_capitalised(d, k) && !cr_function_word(d, k) &&
			       d->seg.tokens[k].kind == CR_TOK_WORD)
				k++;
			if (k > j && j > i && (k == end || !cr_tok_capitalised(d, k)))
				cr_push_mention(d, j, k, i, CR_E_PERSON);
			i = k > i ? k - 1 : i;
		}
	}
}

/* Mentions in document order, with names the tagger cut in two rejoined:
 * "Russian" + "National Centre ..." (a nationality before an organisation),
 * "Centre" + "for" + "Civil Liberties", "Devon" + "and" + "Somerset Fire and
 * Rescue". */
static void rejoin_cut_names(xdoc *d)
{
	if (d->ments.len > 1)
		qsort(d->ments.items, d->ments.len, sizeof *d->ments.items, cmp_mention);
	size_t w = 0;
	for (size_t r = 0; r < d->ments.len; r++) {
		mention *cur = &d->ments.items[r];
		if (cur->tok1 <= cur->tok0)
			continue;
		if (w > 0) {
			mention *prev = &d->ments.items[w - 1];
			bool same_sent = d->tok_sent[prev->tok0] == d->tok_sent[cur->tok0];
			bool adjacent = prev->tok1 == cur->tok0 && prev->type == CR_E_OTHER && cur->type == CR_E_ORG;
			bool linked = prev->tok1 + 1 == cur->tok0 && prev->type == CR_E_ORG &&
			              (cur->type == CR_E_ORG || cur->type == CR_E_OTHER) &&
			              (tok_is(d, prev->tok1, "for") || tok_is(d, prev->tok1, "of"));
			/* "Devon and Somerset Fire and Rescue": two places before one organisation */
			bool coordinated = prev->tok1 + 1 == cur->tok0 && tok_is(d, prev->tok1, "and") && cur->type == CR_E_ORG &&
			                   cur->tok1 - cur->tok0 >= 2 && prev->nick1 == prev->nick0 && words_place(d, prev->tok0, prev->tok1) &&
			                   words_place(d, cur->tok0, cur->tok0 + 1);
			/* "Jack" + "Del Rio": a surname opening with its particle, cut from the given name */
			bool particle = prev->tok1 == cur->tok0 && prev->type == CR_E_PERSON && cur->title0 == cur->tok0 &&
			                cur->tok1 - cur->tok0 >= 2 && cr_tok_capitalised(d, cur->tok0) &&
			                cr_is_surname_particle(d->low[cur->tok0], d->lowlen[cur->tok0]);
			if (same_sent && (adjacent || linked || coordinated || particle)) {
				prev->tok1 = cur->tok1;
				prev->type = particle ? CR_E_PERSON : CR_E_ORG;
				continue;
			}
		}
		d->ments.items[w++] = *cur;
	}
	d->ments.len = w;
	/* the joins below mark each mention's tokens as it gets its entity */
	for (size_t i = 0; i < d->seg.ntokens; i++)
		d->tok_ment[i] = -1;
}

/* Whether two given-name keys share a name of two letters or more ("joseph",
 * "arcade joseph"), or either is a nickname the other's agrees with. */
static bool share_a_given_name(const char *a, const char *b)
{
	if (cr_given_names_agree_strictly(a, b))
		return true;
	for (const char *p = a; *p;) {
		size_t l = strcspn(p, " ");
		for (const char *q = b; l > 1 && *q;) {
			size_t m = strcspn(q, " ");
			if (m == l && memcmp(p, q, l) == 0)
				return true;
			q += m;
			while (*q == ' ')
				q++;
		}
		p += l;
		while (*p == ' ')
			p++;
	}
	return false;
}

/* The surnames two or more people of the document have with given names
 * that share no name (Mark Felt, Joan Felt): a family's story, where a
 * generational suffix tells two people apart. */
static cr_map *family_surnames(const xdoc *d)
{
	cr_map *first_of = cr_map_new(), *families = cr_map_new();
	CR_VEC(char *) owned = {0};
	cr_buf nb = {0};
	for (size_t m = 0; m < d->ments.len; m++) {
		const mention *me = &d->ments.items[m];
		if (me->type != CR_E_PERSON)
			continue;
		nb.len = 0;
		mention_name(d, me, me->tok0, &nb);
		char *key = cr_name_key(nb.data, nb.len, false), *given, *sur, *suffix;
		cr_person_key_split(key, &given, &sur, &suffix);
		intptr_t v;
		if (given) {
			if (!cr_map_get(first_of, sur, strlen(sur), &v)) {
				cr_vec_push(&owned, cr_xstrdup(given));
				cr_map_put(first_of, sur, strlen(sur), (intptr_t)owned.len);
			} else if (!share_a_given_name(owned.items[v - 1], given)) {
				cr_map_put(families, sur, strlen(sur), 1);
			}
		}
		free(key), free(given), free(sur), free(suffix);
	}
	cr_buf_free(&nb);
	for (size_t k = 0; k < owned.len; k++)
		free(owned.items[k]);
	cr_vec_free(&owned);
	cr_map_free(first_of);
	return families;
}

/* Each mention joins the local entity its name fits (join_person,
 * join_named) or makes one; a titled mention adds its titled alias and role. */
static void join_mentions(xdoc *d, ekey_vec *keys)
{
	cr_map *families = family_surnames(d);
	for (size_t m = 0; m < d->ments.len; m++) {
		mention *me = &d->ments.items[m];
		/* the name as written, less a quoted nickname inside it */
		cr_buf nb = {0};
		mention_name(d, me, me->tok0, &nb);
		uint32_t at = d->seg.tokens[me->tok0].start;
		me->entity = me->type == CR_E_PERSON ? join_person(d, keys, families, nb.data, nb.len, at)
		                                     : join_named(d, keys, me->type, nb.data, nb.len, at);
		cr_lentity *e = &d->ents.items[me->entity];
		e->mentions++;
		if (me->title0 < me->tok0) {
			nb.len = 0;
			mention_name(d, me, me->title0, &nb);
			cr_add_alias(d, me->entity, nb.data, nb.len, false);
			cr_lentity *te = &d->ents.items[me->entity];
			for (size_t k = 0; k < te->naliases; k++)
				if (strlen(te->aliases[k].text) == nb.len && memcmp(te->aliases[k].text, nb.data, nb.len) == 0)
					te->aliases[k].titled = true;
			if (!e->role)
				e->role = cr_xstrndup(tok_text(d, me->title0), d->seg.tokens[me->tok0 - 1].end - d->seg.tokens[me->title0].start);
		}
		cr_buf_free(&nb);
		for (uint32_t i = me->tok0; i < me->tok1; i++)
			d->tok_ment[i] = (int)m;
	}
	cr_map_free(families);
}

/* A surname seen before the full name joins the one full-named person with it. */
static void surnames_join(xdoc *d, ekey_vec *keys)
{
	for (size_t e = 0; e < keys->len; e++) {
		if (d->ents.items[e].type != CR_E_PERSON || keys->items[e].first || d->ents.items[e].mentions == 0)
			continue;
		int target = -1, count = 0;
		for (size_t f = 0; f < keys->len; f++)
			if (f != e && d->ents.items[f].type == CR_E_PERSON && keys->items[f].first &&
			    strcmp(keys->items[f].key, keys->items[e].key) == 0 && d->ents.items[f].mentions) {
				target = (int)f;
				count++;
			}
		if (count != 1)
			continue;
		merge_entity(d, keys, (int)e, target);
	}
}

/* Each entity's type is its names' majority (a person stays one), its name
 * the fullest, most frequent form; an organisation named with a nationality
 * adjective is also named without it. Frees the keys. */
static void finish_entities(xdoc *d, ekey_vec *keys)
{
	for (size_t e = 0; e < keys->len; e++) {
		cr_lentity *en = &d->ents.items[e];
		int best = en->type;
		for (int t = 0; t < 4; t++)
			if (keys->items[e].types[t] > keys->items[e].types[best])
				best = t;
		if (en->type != CR_E_PERSON)
			en->type = (uint8_t)best;
		size_t bi = 0;
		for (size_t k = 1; k < en->naliases; k++) {
			cr_alias *a = &en->aliases[k], *b = &en->aliases[bi];
			if (a->nickname || a->titled)
				continue;
			size_t wa = word_count(a->text), wb = word_count(b->text);
			if (b->nickname || b->titled || wa > wb || (wa == wb && a->count > b->count))
				bi = k;
		}
		en->name = en->naliases ? cr_xstrdup(en->aliases[bi].text) : cr_xstrdup("");
		/* an organisation named with a nationality adjective is also named
		 * without it, when a name is left ("Defence Ministry", not "troops") */
		if (en->type == CR_E_ORG) {
			size_t na = en->naliases;
			for (size_t k = 0; k < na; k++) {
				const char *t = en->aliases[k].text;
				const char *sp = strchr(t, ' ');
				if (sp && cr_is_demonym(t, (size_t)(sp - t)) && cr_is_upper((unsigned char)sp[1]))
					cr_add_alias(d, (int)e, sp + 1, strlen(sp + 1), false);
			}
		}
		free(keys->items[e].key);
		free(keys->items[e].first);
		free(keys->items[e].suffix);
	}
	cr_vec_free(keys);
}

void cr_find_mentions(xdoc *d)
{
	tagger_mentions(d);
	titled_mentions(d);
	quoted_nickname_names(d);
	name_suffixes(d);
	numbered_streets(d);
	org_names(d);
	based_prefixes(d);
	opening_words(d);
	legal_form_of_place(d);
	armed_forces(d);
	org_coordination(d);
	place_teams(d);
	org_role_tail(d);
	named_settlements(d);
	apposed_org_names(d);
	propagate_names(d);
	acronym_mentions(d);
	org_split_coordinated(d);
	rejoin_cut_names(d);
	retype_people(d);
	retype_places(d);
	unify_types(d);
	ekey_vec keys = {0};
	join_mentions(d, &keys);
	surnames_join(d, &keys);
	given_names_join(d, &keys);
	short_forms_join(d, &keys);
	clipped_orgs_join(d, &keys);
	acronyms_join(d, &keys);
	finish_entities(d, &keys);
	for (size_t m = 0; m < d->ments.len; m++)
		for (uint32_t i = d->ments.items[m].tok0; i < d->ments.items[m].tok1; i++)
			d->tok_ment[i] = (int)m;
	/* the document's main person: most mentions, earliest on a tie */
	for (size_t e = 0; e < d->ents.len; e++) {
		cr_lentity *en = &d->ents.items[e];
		if (en->type == CR_E_PERSON && en->mentions &&
		    (d->main_person < 0 || en->mentions > d->ents.items[d->main_person].mentions))
			d->main_person = (int)e;
	}
	if (d->main_person >= 0 && d->ents.items[d->main_person].mentions < 2)
		d->main_person = -1;}

int cr_mention_entity_at(const xdoc *d, size_t tok)
{
	if (tok >= d->seg.ntokens || d->tok_ment[tok] < 0)
		return -1;
	int e = d->ments.items[d->tok_ment[tok]].entity;
	return d->ents.items[e].mentions ? e : e;
}

/* A name followed by a possessive ("Putin's trusted men") is a modifier, not
 * the person a clause is about. */
static bool possessive_after(const xdoc *d, size_t i)
{
	return i + 1 < d->seg.ntokens && (tok_is(d, i + 1, "'s") || tok_is(d, i + 1, "'"));
}

int cr_person_at_or_before(const xdoc *d, size_t sent, size_t before_tok)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	for (size_t i = before_tok; i-- > se->first_token;) {
		int e = cr_mention_entity_at(d, i);
		if (e >= 0 && d->ents.items[e].type == CR_E_PERSON && !possessive_after(d, i))
			return e;
	}
	return -1;
}

int cr_entity_after(const xdoc *d, size_t from, size_t end, int type_mask)
{
	for (size_t i = from; i < end && i < d->seg.ntokens; i++) {
		int e = cr_mention_entity_at(d, i);
		if (e >= 0 && (type_mask & TYPE_BIT(d->ents.items[e].type)))
			return e;
	}
	return -1;
}

static bool is_pronoun(const xdoc *d, size_t tok)
{
	return tok_is(d, tok, "he") || tok_is(d, tok, "she") || tok_is(d, tok, "him") || tok_is(d, tok, "his") ||
	       tok_is(d, tok, "her");
}

/* he/she: the one person of the nearest sentence that names people, when
 * that sentence names one (or the first-named is the document's main person). */
int cr_resolve_pronoun(const xdoc *d, size_t sent, size_t tok)
{
	if (!is_pronoun(d, tok))
		return -1;
	return cr_recent_person(d, sent, tok);
}

int cr_recent_person(const xdoc *d, size_t sent, size_t tok)
{
	return cr_recent_person_ex(d, sent, tok, false);
}

int cr_recent_person_ex(const xdoc *d, size_t sent, size_t tok, bool skip_speakers)
{
	/* in a quotation, "he" is not the one speaking */
	int speaker = tok < d->seg.ntokens && d->tok_quoted[tok] && d->attr ? d->attr[sent].source : -1;
	bool narration = tok < d->seg.ntokens && !d->tok_quoted[tok];
	const cr_sentence *cs = &d->seg.sentences[sent];
	for (size_t i = tok; i-- > cs->first_token;) {
		int x = cr_mention_entity_at(d, i);
		if (x >= 0 && d->ents.items[x].type == CR_E_PERSON && !possessive_after(d, i) && x != speaker &&
		    !(narration && d->tok_quoted[i]))
			return x;
	}
	bool passed_speaker = false;   /* a quotation's speaker was left out on the way back */
	for (size_t s = sent; s-- > 0 && sent - s <= 4;) {
		const cr_sentence *se = &d->seg.sentences[s];
		int first = -1;
		bool several = false;
		/* a quotation's speaker ("... ," said Amoss) is who speaks, seldom who a
		 * description that follows stands for */
		int quoting = -1;
		if (skip_speakers && d->attr)
			for (size_t i = se->first_token; i < se->first_token + se->ntokens && quoting < 0; i++)
				if (d->tok_quoted[i])
					quoting = d->attr[s].source;
		bool subject = false;   /* the first of them opens the sentence: its subject */
		for (size_t i = se->first_token; i < se->first_token + se->ntokens; i++) {
			int x = cr_mention_entity_at(d, i);
			passed_speaker |= x >= 0 && x == quoting;
			if (x < 0 || d->ents.items[x].type != CR_E_PERSON || x == speaker || x == quoting || possessive_after(d, i) ||
			    (narration && d->tok_quoted[i]))
				continue;
			if (first < 0) {
				first = x;
				/* "On the undercard, former champion Riddick Bowe made ...": the
				 * subject after an opening phrase set off by a comma, too */
				size_t t0 = d->ments.items[d->tok_ment[i]].title0, c = t0;
				while (c > se->first_token && t0 - c < 4 && !tok_is(d, c - 1, ",") && !cr_tok_stop_word(d, c - 1) &&
				       cr_is_lower((unsigned char)tok_text(d, c - 1)[0]))
					c--;
				subject = t0 == se->first_token || (c > se->first_token + 1 && tok_is(d, c - 1, ",") && c - 1 < se->first_token + 8);
			} else if (x != first) {
				several = true;
			}
		}
		/* of several, the article's subject, or for a description the sentence's */
		if (first >= 0)
			return !several || first == d->main_person || (skip_speakers && subject) ? first : -1;
	}
	/* not the article's main person when the passage quoted someone else
	 * ("... winning them," Federer said. The 23-year-old ...": no one) */
	if (passed_speaker)
		return -1;
	return d->main_person != speaker ? d->main_person : -1;
}
