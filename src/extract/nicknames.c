/*
 * nicknames.c: the other names a document gives a person, an organisation or
 * a place, and the nickname claims they make.
 *
 * A nickname is given by a cue ("dubbed", "nicknamed", "branded", "known as",
 * "referred to as", "described as", "called", "the moniker of") before a
 * quoted name, or before capitalised words when the cue is strong ("also
 * known as Turkmenbashi", "he called himself Turkmenbashi"), or inside a name
 * ("Vincent 'The Chin' Gigante"). It belongs to the person the clause
 * describes ("the Russian general known as ..." is the article's subject),
 * and becomes one of the person's aliases; "known as" after an organisation
 * or a place names it. A nickname that the tagger read as a name of its own
 * is no entity of its own (cr_drop_nickname_entities).
 */
#include "extract/internal.h"
#include "recognize/namekey.h"

#include <stdlib.h>
#include <string.h>

/* Whether the cue at token i names a thing, not a person: a common noun right
 * before it, or before the comma before it ("software dubbed Exeem", "links
 * called 'trackers'", "the operating system, known as OS/2"); a person word
 * ("a Russian general dubbed ...") or a verb's auxiliary ("was dubbed") is no
 * thing. */
static bool names_a_thing(const xdoc *d, size_t first, size_t i)
{
	size_t k = i;
	if (k > first && tok_is(d, k - 1, ","))
		k--;
	if (k <= first)
		return false;
	k--;
	static const char *const not_nouns[] = {"was", "is", "are", "were", "be", "been", "being", "also", "often",
	                                        "widely", "now", "once", "then", "later", "since", "who", "which",
	                                        "that", "he", "she", "they", "him", "her", "themselves", "himself",
	                                        "herself", "earned", "gained", "got", "has", "have", "had", "so", "better", "best",
	                                        "commonly", "popularly"};
	if (d->seg.tokens[k].kind != CR_TOK_WORD || !cr_is_lower((unsigned char)tok_text(d, k)[0]) ||
	    cr_mention_entity_at(d, k) >= 0 || cr_function_word(d, k) || cr_person_word(d, k) ||
	    cr_tok_word_in(d, k, not_nouns, CR_ARRAY_LEN(not_nouns)))
		return false;
	if (tok_ends(d, k, "ly") || tok_ends(d, k, "ed"))
		return false;
	/* a noun in apposition to a person, or in a relative clause said of one, is
	 * that person ("Walter Brisby, the informant known as ...", "Felt, who
	 * remained anonymous as the source known as ...") */
	for (size_t j = k; j > first && j + 16 > k; j--) {
		bool relative = tok_is(d, j - 1, "who") && j >= first + 2 && tok_is(d, j - 2, ",");
		if (tok_is(d, j - 1, ",") || relative) {
			size_t at = relative ? j - 2 : j - 1;
			int e = at > first ? cr_mention_entity_at(d, at - 1) : -1;
			if (e >= 0 && d->ents.items[e].type == CR_E_PERSON)
				return false;
		}
	}
	return true;
}

/* The quoted words starting at token i (an opening quote mark): [*a, *b) tokens inside. */
static bool quoted_run(const xdoc *d, size_t i, size_t end, size_t *a, size_t *b)
{
	const char *s = tok_text(d, i);
	size_t n = tok_len(d, i);
	bool open = (n == 1 && (s[0] == '"' || s[0] == '\'')) ||
	            (n == 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 || memcmp(s, "\xE2\x80\x98", 3) == 0));
	if (!open)
		return false;
	for (size_t k = i + 1; k < end && k < i + 10; k++) {
		const char *t = tok_text(d, k);
		size_t tn = tok_len(d, k);
		bool close = (tn == 1 && (t[0] == '"' || t[0] == '\'')) ||
		             (tn == 3 && (memcmp(t, "\xE2\x80\x9D", 3) == 0 || memcmp(t, "\xE2\x80\x99", 3) == 0));
		if (close) {
			*a = i + 1;
			*b = k;
			return k > i + 1;
		}
	}
	return false;
}

static void nickname_claim(xdoc *d, size_t sent, size_t cue, int e, size_t a, size_t b)
{
	if (a < b && tok_is(d, a, "the"))
		a++;
	while (b > a && (tok_is(d, b - 1, ",") || tok_is(d, b - 1, ".")))
		b--;
	if (a >= b || b - a > 8)
		return;
	const char *s = tok_text(d, a);
	size_t n = d->seg.tokens[b - 1].end - d->seg.tokens[a].start;
	cr_add_alias(d, e, s, n, true);
	cr_claim *c = cr_new_claim(d, sent, cue, "nickname", CR_SUBJ_ENTITY, e);
	cr_claim_set_text(c, s, n);
}

void cr_find_nicknames(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t end = se->first_token + se->ntokens;
	for (size_t i = se->first_token; i < end; i++) {
		size_t cue_end = 0;
		bool strong = false;   /* "dubbed", "nicknamed": quotes not required */
		int described = -1;
		if (tok_is(d, i, "dubbed") || tok_is(d, i, "nicknamed") || tok_is(d, i, "branded")) {
			cue_end = i + 1;
			strong = true;
		} else if (tok_is(d, i, "nickname") || tok_is(d, i, "moniker")) {
			cue_end = i + 1;
			strong = true;
		} else if ((tok_is(d, i, "known") || tok_is(d, i, "referred")) && i + 1 < end &&
		           (tok_is(d, i + 1, "as") || (tok_is(d, i + 1, "to") && i + 2 < end && tok_is(d, i + 2, "as")))) {
			cue_end = i + (tok_is(d, i + 1, "as") ? 2 : 3);
			/* "X, also known as Turkmenbashi": an alias, quoted or not */
			strong = i > se->first_token && (tok_is(d, i - 1, "also") || tok_is(d, i - 1, ","));
		} else if (tok_is(d, i, "described") || tok_is(d, i, "called") || tok_is(d, i, "labelled") ||
		           tok_is(d, i, "labeled")) {
			for (size_t k = i + 1; k < end && k < i + 6; k++)
				if (tok_is(d, k, "as")) {
					described = cr_entity_after(d, i + 1, k, TYPE_BIT(CR_E_PERSON));
					cue_end = k + 1;
					break;
				}
			if (!cue_end && tok_is(d, i, "called")) {
				described = -2;
				cue_end = i + 1;
				/* "He called himself Turkmenbashi": the subject's own name for himself */
				if (i + 2 < end && (tok_is(d, i + 1, "himself") || tok_is(d, i + 1, "herself"))) {
					cue_end = i + 2;
					strong = true;
					described = i > se->first_token && (tok_is(d, i - 1, "he") || tok_is(d, i - 1, "she"))
					                ? cr_resolve_pronoun(d, sent, i - 1) : -1;
				}
			}
		}
		if (!cue_end || cue_end >= end)
			continue;
		if (described < 0 && !tok_is(d, i, "nickname") && !tok_is(d, i, "moniker") && names_a_thing(d, se->first_token, i))
			continue;
		size_t q = cue_end, a, b;
		if (tok_is(d, q, "the") || tok_is(d, q, "a"))
			q++;
		/* "known by the street moniker of Sepe" */
		if (strong && q < end && tok_is(d, q, "of"))
			q++;
		/* "the National Technical University of Athens, known as the
		 * Polytechnic": another name of the organisation or place before it */
		int named = i >= se->first_token + 2 && tok_is(d, i - 1, ",") && tok_is(d, i, "known") ? cr_mention_entity_at(d, i - 2) : -1;
		if (named >= 0 && d->ents.items[named].type != CR_E_PERSON) {
			if (!(q < end && quoted_run(d, q, end, &a, &b))) {
				for (a = b = q; b < end && b < q + 6 && cr_tok_capitalised(d, b) && d->seg.tokens[b].kind == CR_TOK_WORD;)
					b++;
			}
			if (b > a && cr_mention_entity_at(d, a) != named) {
				cr_add_alias(d, named, tok_text(d, a), d->seg.tokens[b - 1].end - d->seg.tokens[a].start, true);
				i = b;
			}
			continue;
		}
		bool quoted = q < end && quoted_run(d, q, end, &a, &b), in_quotes = quoted;
		if (!quoted && strong && q < end && cr_tok_capitalised(d, q)) {
			a = q;
			b = q;
			while (b < end && b < q + 6 && (cr_tok_capitalised(d, b) || tok_is(d, b, "of") || tok_is(d, b, "the")))
				b++;
			while (b > a && !cr_tok_capitalised(d, b - 1))
				b--;
			/* a word the tagger read as a one-word name is the nickname too ("moniker of Sepe");
			 * a name that owns what follows is what is branded ("branded Chelsea's complaint
			 * as pathetic"), no nickname */
			int ne = b > a ? cr_mention_entity_at(d, a) : -1;
			quoted = b > a && (ne < 0 || (b == a + 1 && d->ents.items[ne].naliases == 1 && !strchr(d->ents.items[ne].name, ' '))) &&
			         !(b < end && tok_possessive(d, b));
		}
		if (!quoted)
			continue;
		/* "what she called 'bullying' tactics", "described the changes as 'narrow'":
		 * quoted words in lower case after a weak cue, or a quoted word used as
		 * a modifier of the noun after it, are the writer's words, no name */
		bool opinion = tok_is(d, i, "described") || tok_is(d, i, "called") || tok_is(d, i, "labelled") ||
		               tok_is(d, i, "labeled");
		if (in_quotes && opinion && !strong && a < b && cr_is_lower((unsigned char)tok_text(d, a)[0]))
			continue;
		if (in_quotes && b + 1 < end && d->seg.tokens[b + 1].kind == CR_TOK_WORD &&
		    cr_is_lower((unsigned char)tok_text(d, b + 1)[0]) && !cr_tok_stop_word(d, b + 1) &&
		    !tok_is(d, b + 1, "because") && !tok_is(d, b + 1, "after") && d->seg.tokens[b - 1].kind == CR_TOK_WORD &&
		    !tok_ends(d, b + 1, "ed"))
			continue;
		int e = described >= 0 ? described : cr_person_at_or_before(d, sent, i);
		/* "the Russian general known as ...": the nickname is the general's, not
		 * the person named earlier in the sentence; the article's subject */
		if (described < 0 && i > se->first_token && cr_mention_entity_at(d, i - 1) < 0 && d->main_person >= 0 &&
		    !cr_tok_capitalised(d, i - 1) && d->seg.tokens[i - 1].kind == CR_TOK_WORD && !cr_function_word(d, i - 1) &&
		    !tok_is(d, i - 1, "been") && !tok_is(d, i - 1, "be") && !tok_is(d, i - 1, "also") &&
		    !tok_is(d, i - 1, "widely") && !tok_is(d, i - 1, "often") && !tok_is(d, i - 1, "now") &&
		    !tok_is(d, i - 1, "earned") && !tok_is(d, i - 1, "gained") && !tok_is(d, i - 1, "got"))
			e = d->main_person;
		/* "known as 'The Chin', Vincent Gigante ...": the name right after it; not one
		 * further on in another part of the clause ("the chief, dubbed Robocop for
		 * his style, clashed with Neil Herron") */
		if (e < 0 && described == -1)
			e = cr_entity_after(d, b + 1, CR_MIN(end, b + 4), TYPE_BIT(CR_E_PERSON));
		/* "Dubbed the 'Oddfather' for his behaviour, Gigante had ...": a phrase
		 * opening the sentence is said of the subject after its comma */
		if (e < 0 && described == -1 && i == se->first_token)
			for (size_t k = b; k + 1 < end && k < b + 12; k++)
				if (tok_is(d, k, ",")) {
					e = cr_entity_after(d, k + 1, CR_MIN(end, k + 3), TYPE_BIT(CR_E_PERSON));
					break;
				}
		if (e < 0) {
			/* "A Russian general dubbed ..." with no name: the article's subject */
			bool any_person = cr_entity_after(d, se->first_token, end, TYPE_BIT(CR_E_PERSON)) >= 0;
			if (!any_person && (strong || tok_is(d, i, "known")))
				e = d->main_person;
		}
		if (e >= 0)
			nickname_claim(d, sent, i, e, a, b);
		i = b;
	}
	/* "Vincent 'The Chin' Gigante": the nickname inside the name */
	for (size_t m = 0; m < d->ments.len; m++) {
		const mention *me = &d->ments.items[m];
		if (me->nick1 > me->nick0 && me->tok0 >= se->first_token && me->tok0 < end && me->entity >= 0)
			nickname_claim(d, sent, me->nick0, me->entity, me->nick0, me->nick1);
	}
	/* "Name, ‘the Nickname’ ..." */
	for (size_t i = se->first_token; i + 2 < end; i++) {
		int e = cr_mention_entity_at(d, i);
		if (e < 0 || d->ents.items[e].type != CR_E_PERSON || cr_mention_entity_at(d, i + 1) == e)
			continue;
		size_t a, b;
		if (tok_is(d, i + 1, ",") && quoted_run(d, i + 2, end, &a, &b) && b - a >= 2 && b - a <= 6 &&
		    (tok_is(d, a, "the") || cr_tok_capitalised(d, a)))
			nickname_claim(d, sent, i, e, a, b);
	}
}

/* Where the tagger missed a nickname of two words or more that one entity
 * of the document has ("with the help of Deep Throat"), the words are a
 * mention of that entity; nick maps nickname keys to 1 + entity (0 when
 * several have it). */
static void nickname_mentions(xdoc *d, const cr_map *nick)
{
	size_t it = 0;
	const char *k;
	size_t kl;
	intptr_t who;
	cr_buf w = {0};
	while (cr_map_next(nick, &it, &k, &kl, &who)) {
		size_t nw = 1;
		for (size_t i = 0; i < kl; i++)
			nw += k[i] == ' ';
		if (who <= 0 || nw < 2 || nw > 6 || !d->ents.items[who - 1].mentions)
			continue;
		for (uint32_t i = 0; i + nw <= d->seg.ntokens; i++) {
			if (d->tok_ment[i] >= 0 || !cr_tok_capitalised(d, i) || d->tok_sent[i] != d->tok_sent[i + nw - 1])
				continue;
			bool free_run = true;
			for (uint32_t t = i; t < i + nw && free_run; t++)
				free_run = d->tok_ment[t] < 0 && d->seg.tokens[t].kind == CR_TOK_WORD;
			if (!free_run)
				continue;
			cr_token_words(d, i, i + (uint32_t)nw, &w);
			char *key = cr_name_key(w.data, w.len, false);
			bool same = strlen(key) == kl && memcmp(key, k, kl) == 0;
			free(key);
			if (!same)
				continue;
			cr_push_mention(d, i, i + (uint32_t)nw, i, d->ents.items[who - 1].type);
			d->ments.items[d->ments.len - 1].entity = (int)who - 1;
			d->ents.items[who - 1].mentions++;
			i += (uint32_t)nw - 1;
		}
	}
	cr_buf_free(&w);
}

/* A name that is only a person's nickname ("Butcher of X" tagged as an
 * organisation), or another name an organisation is known by ("known as the
 * Polytechnic"), is not an entity of its own: its mentions are the entity's
 * when one entity of the document has that name as a nickname, else dropped. */
void cr_drop_nickname_entities(xdoc *d)
{
	cr_map *nick = cr_map_new();   /* nickname key -> 1 + entity, or 0 when several have it */
	for (size_t e = 0; e < d->ents.len; e++) {
		const cr_lentity *en = &d->ents.items[e];
		if (!en->mentions)
			continue;
		for (size_t k = 0; k < en->naliases; k++)
			if (en->aliases[k].nickname) {
				char *key = cr_name_key(en->aliases[k].text, strlen(en->aliases[k].text), false);
				intptr_t prev;
				bool seen = cr_map_get(nick, key, strlen(key), &prev);
				cr_map_put(nick, key, strlen(key), seen && prev != (intptr_t)e + 1 ? 0 : (intptr_t)e + 1);
				free(key);
			}
	}
	/* a nationality adjective alone ("Russian", "Ukrainians") names no entity:
	 * it stays in the words of an attribution ("Ukrainian authorities said") */
	for (size_t e = 0; e < d->ents.len; e++) {
		cr_lentity *en = &d->ents.items[e];
		if (en->type != CR_E_OTHER || !en->name || strchr(en->name, ' '))
			continue;
		size_t l = strlen(en->name);
		if (cr_is_demonym(en->name, l) || (l > 1 && en->name[l - 1] == 's' && cr_is_demonym(en->name, l - 1)))
			en->mentions = 0;
	}
	for (size_t e = 0; e < d->ents.len && cr_map_count(nick); e++) {
		cr_lentity *en = &d->ents.items[e];
		/* a one-word person may be another's nickname ("the street moniker of Sepe") */
		if (!en->name || !en->mentions || (en->type == CR_E_PERSON && (strchr(en->name, ' ') || en->naliases > 1)))
			continue;
		char *key = cr_name_key(en->name, strlen(en->name), false);
		intptr_t who;
		if (cr_map_get(nick, key, strlen(key), &who) && who - 1 != (intptr_t)e) {
			for (size_t m = 0; m < d->ments.len && who > 0; m++)
				if (d->ments.items[m].entity == (int)e)
					d->ments.items[m].entity = (int)who - 1;
			if (who > 0)
				d->ents.items[who - 1].mentions += en->mentions;
			en->mentions = 0;
		}
		free(key);
	}
	nickname_mentions(d, nick);
	cr_map_free(nick);
}
