/*
 * profile.c: facts about a person — age, birth, birthplace, education,
 * posts held, sanctions. Each rule reads one sentence:
 *   age          a number the recognizer marked as an age ("X, 59,",
 *                "the 59-year-old", "aged 60"), about the person named
 *                just before it or the person the passage is about;
 *   born         "born ... in 1962": the first dated expression after "born";
 *   birthplace   the first place named after "born" (or "village of X");
 *   educated_at  the organisation after "studied at", "graduated from" ...;
 *   position     a role word (data/lexicon/roles.tsv) with its organisation
 *                ("director of X", "the X director", "head of X since 2014"),
 *                held by the person in apposition, the subject of "is/as",
 *                or the name that follows the role ("Defence Minister Y");
 *   sanctioned_by "sanctioned by X".
 */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

static bool is_punct_tok(const xdoc *d, size_t i, char c)
{
	return tok_len(d, i) == 1 && tok_text(d, i)[0] == c;
}

static bool possessive(const xdoc *d, size_t i)
{
	return i < d->seg.ntokens && (tok_is(d, i, "'s") || tok_is(d, i, "'"));
}

static int subject_person(const xdoc *d, size_t sent, size_t tok)
{
	int e = person_at_or_before(d, sent, tok);
	if (e >= 0)
		return e;
	return recent_person(d, sent, tok);
}

static int first_timex_after(const xdoc *d, size_t from, size_t end)
{
	for (size_t i = from; i < end; i++) {
		int t = d->tok_tx[i];
		if (t >= 0 && cr_range_known(d->tx[t].range) && d->tx[t].type == CR_TIMEX_DATE)
			return t;
	}
	return -1;
}

/* "Name, 69, said": a small whole number set off by commas right after a
 * person's name is an age, whatever the number recognizer called it. */
static bool apposed_age(const xdoc *d, size_t i, size_t first, size_t end, int j)
{
	const cr_number *n = &d->nums[j];
	if (n->kind != CR_NUM_CARDINAL || n->mod != 0 || !n->has_low || !n->has_high || n->low != n->high || n->low < 1 ||
	    n->low > 120 || n->low != (double)(int)n->low || i < first + 2 || i + 1 >= end)
		return false;
	if (!is_punct_tok(d, i - 1, ',') || !is_punct_tok(d, i + 1, ','))
		return false;
	int e = mention_entity_at(d, i - 2);
	return e >= 0 && d->ents.items[e].type == CR_E_PERSON;
}

static void ages(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		int j = d->tok_num[i];
		if (j < 0 || (i > first && d->tok_num[i - 1] == j))
			continue;
		if (d->nums[j].kind != CR_NUM_AGE && !apposed_age(d, i, first, end, j))
			continue;
		int who = -1;
		/* "Name, 59," */
		if (i >= first + 2 && is_punct_tok(d, i - 1, ',')) {
			int e = mention_entity_at(d, i - 2);
			if (e >= 0 && d->ents.items[e].type == CR_E_PERSON)
				who = e;
		}
		if (who < 0)
			who = subject_person(d, sent, i);
		if (who < 0)
			continue;
		const cr_number *n = &d->nums[j];
		/* "the 59-year-old" refers back to the person: an alias, never the name */
		uint32_t nend = n->noun_end > n->end ? n->noun_end : n->end;
		if (i > first && tok_is(d, i - 1, "the") && nend > n->start + 8 &&
		    memcmp(d->text + nend - 8, "year-old", 8) == 0) {
			const char *as = tok_text(d, i - 1);
			size_t al = nend - d->seg.tokens[i - 1].start;
			add_alias(d, who, as, al, false);
			cr_lentity *en = &d->ents.items[who];
			for (size_t k = 0; k < en->naliases; k++)
				if (strlen(en->aliases[k].text) == al && memcmp(en->aliases[k].text, as, al) == 0)
					en->aliases[k].titled = true;   /* a description, not a form of the name */
		}
		cr_lclaim *c = new_claim(d, sent, i, "age", CR_SUBJ_ENTITY, who);
		c->has_number = c->has_low = c->has_high = true;
		c->low = n->low;
		c->high = n->high;
		c->has_low = n->has_low;
		c->has_high = n->has_high;
		claim_set_text(c, d->text + n->start, n->end - n->start);
		c->modality = clause_modality(d, sent, i, false);
	}
}

static void birth(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		if (!tok_is(d, i, "born") || d->tok_quoted[i])
			continue;
		int who = subject_person(d, sent, i);
		if (who < 0)
			return;
		int t = first_timex_after(d, i + 1, end);
		if (t >= 0) {
			cr_lclaim *c = new_claim(d, sent, i, "born", CR_SUBJ_ENTITY, who);
			c->value_time = d->tx[t].range;
			c->time_value = cr_xstrdup(d->tx[t].value);
			claim_set_text(c, d->text + d->tx[t].start, d->tx[t].end - d->tx[t].start);
			c->modality = clause_modality(d, sent, i, false);
		}
		int place = -1;
		size_t ps = 0, pe = 0;
		for (size_t k = i + 2; k < end; k++) {
			int e = mention_entity_at(d, k);
			if (e < 0 || d->ents.items[e].type != CR_E_PLACE || mention_entity_at(d, k - 1) == e)
				continue;
			size_t q = k;
			if (tok_is(d, q - 1, "the"))
				q--;
			bool in = tok_is(d, q - 1, "in") || (tok_is(d, q - 1, "of") && q >= 3 &&
			          (tok_is(d, q - 2, "village") || tok_is(d, q - 2, "town") || tok_is(d, q - 2, "city")));
			pe = k;
			while (pe < end && mention_entity_at(d, pe) == e)
				pe++;
			if (in && !possessive(d, pe)) {
				place = e;
				ps = k;
				break;
			}
		}
		if (place < 0) {
			pe = 0;
			for (size_t k = i + 1; k + 2 < end; k++)
				if ((tok_is(d, k, "village") || tok_is(d, k, "town") || tok_is(d, k, "city")) && tok_is(d, k + 1, "of") &&
				    tok_capitalised(d, k + 2)) {
					ps = k + 2;
					pe = ps;
					while (pe < end && tok_capitalised(d, pe))
						pe++;
					break;
				}
		}
		if (pe > ps) {
			cr_lclaim *c = new_claim(d, sent, i, "birthplace", CR_SUBJ_ENTITY, who);
			c->value_entity = place;
			claim_set_text(c, tok_text(d, ps), d->seg.tokens[pe - 1].end - d->seg.tokens[ps].start);
			c->modality = clause_modality(d, sent, i, false);
		}
		return;
	}
}

static void education(xdoc *d, size_t sent, size_t first, size_t end)
{
	static const char *cues[][2] = {{"studied", "at"}, {"studying", "at"}, {"graduated", "from"},
	                                {"educated", "at"}, {"graduate", "of"}, {"trained", "at"}, {"studied", "from"}};
	for (size_t i = first; i + 2 < end; i++) {
		for (size_t k = 0; k < CR_ARRAY_LEN(cues); k++) {
			if (!tok_is(d, i, cues[k][0]))
				continue;
			size_t p = i + 1;
			while (p < end && p < i + 6 && !tok_is(d, p, cues[k][1]) && !tok_clause_break(d, p) && !tok_is(d, p, ","))
				p++;
			if (p >= end || !tok_is(d, p, cues[k][1]))
				continue;
			size_t a = p + 1;
			if (tok_is(d, a, "the"))
				a++;
			int org = mention_entity_at(d, a);
			size_t b = a;
			if (org >= 0) {
				while (b < end && mention_entity_at(d, b) == org)
					b++;
				while (b < end && tok_capitalised(d, b))
					b++;
				if (b > a && mention_entity_at(d, b - 1) != org)
					org = -1;   /* the name runs past the tagged part: keep the words */
			} else {
				while (b < end && (tok_capitalised(d, b) || ((tok_is(d, b, "of") || tok_is(d, b, "for")) && b > a)))
					b++;
			}
			if (b == a || !tok_capitalised(d, a))
				continue;
			int who = subject_person(d, sent, i);
			if (who < 0)
				return;
			cr_lclaim *c = new_claim(d, sent, i, "educated_at", CR_SUBJ_ENTITY, who);
			c->value_entity = org >= 0 && d->ents.items[org].type != CR_E_PERSON ? org : -1;
			if (c->value_entity < 0)
				c->value_entity = add_entity_text(d, CR_E_ORG, tok_text(d, a), d->seg.tokens[b - 1].end - d->seg.tokens[a].start,
				                                  d->seg.tokens[a].start);
			if (d->ents.items[c->value_entity].mentions == 0)
				d->ents.items[c->value_entity].mentions = 1;
			if (!d->ents.items[c->value_entity].name)
				d->ents.items[c->value_entity].name = cr_xstrdup(d->ents.items[c->value_entity].aliases[0].text);
			claim_set_text(c, tok_text(d, a), d->seg.tokens[b - 1].end - d->seg.tokens[a].start);
			c->modality = clause_modality(d, sent, i, false);
			i = b;
			break;
		}
	}
}

static bool function_word_p(const xdoc *d, size_t i)
{
	static const char *fw[] = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "is", "was", "has", "had",
	                           "his", "her", "their", "its", "who", "which", "that", "by", "with", "be", "been"};
	for (size_t k = 0; k < CR_ARRAY_LEN(fw); k++)
		if (tok_is(d, i, fw[k]))
			return true;
	return false;
}

/* what a minister or secretary is in charge of ("oil minister") */
static bool portfolio(const xdoc *d, size_t i)
{
	static const char *words[] = {"oil", "petroleum", "finance", "foreign", "interior", "justice", "health",
	                              "education", "energy", "trade", "economy", "transport", "agriculture",
	                              "environment", "culture", "labour", "labor", "home", "state", "army", "navy",
	                              "intelligence", "security", "information", "communications", "industry", "mines"};
	for (size_t k = 0; k < CR_ARRAY_LEN(words); k++)
		if (tok_is(d, i, words[k]))
			return true;
	return false;
}

static bool role_modifier(const xdoc *d, size_t i)
{
	static const char *mods[] = {"deputy", "former", "defense", "defence", "foreign", "prime", "first", "vice",
	                             "acting", "interim", "senior", "chief", "military", "regional", "executive",
	                             "general", "press", "top", "new", "then", "current", "supreme", "lieutenant"};
	for (size_t k = 0; k < CR_ARRAY_LEN(mods); k++)
		if (tok_is(d, i, mods[k]))
			return true;
	return false;
}

static void positions(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		if (!tok_in(d, i, d->x->roles) || d->tok_ment[i] >= 0 || d->tok_quoted[i])
			continue;
		/* the role phrase: modifiers before the role word */
		size_t a = i;
		while (a > first && a + 3 > i && (role_modifier(d, a - 1) || tok_in(d, a - 1, d->x->roles)) &&
		       d->tok_ment[a - 1] < 0)
			a--;
		size_t b = i + 1;
		/* the role runs on: "lieutenant general", "prime minister" */
		while (b < end && b < i + 3 && d->tok_ment[b] < 0 && tok_in(d, b, d->x->roles))
			b++;
		int org = -1;
		size_t ob = b;
		if (b + 1 < end && (tok_is(d, b, "of") || tok_is(d, b, "for") || tok_is(d, b, "to") || tok_is(d, b, "at"))) {
			size_t k = b + 1;
			if (k < end && tok_is(d, k, "the"))
				k++;
			org = mention_entity_at(d, k);
			/* "head of Ukraine's Centre for ...": the organisation after the possessive */
			if (org >= 0 && d->ents.items[org].type == CR_E_PLACE) {
				size_t q = k;
				while (q < end && mention_entity_at(d, q) == org)
					q++;
				if (possessive(d, q) && q + 1 < end && mention_entity_at(d, q + 1) >= 0) {
					k = q + 1;
					org = mention_entity_at(d, k);
				}
			}
			if (org >= 0 && d->ents.items[org].type != CR_E_PERSON) {
				ob = k;
				while (ob < end && mention_entity_at(d, ob) == org)
					ob++;
			} else {
				org = -1;
			}
		}
		size_t ra = a;
		if (org < 0 && a > first) {
			/* "the National Centre for Defence Management director" */
			int before = mention_entity_at(d, a - 1);
			if (before >= 0 && (d->ents.items[before].type == CR_E_ORG || d->ents.items[before].type == CR_E_OTHER)) {
				org = before;
				while (ra > first && mention_entity_at(d, ra - 1) == before)
					ra--;
			}
		}
		/* who holds it */
		int who = -1;
		size_t after = org >= 0 && ob > b ? ob : b;
		int next = after < end ? mention_entity_at(d, after) : -1;
		if (next >= 0 && d->ents.items[next].type == CR_E_PERSON && org < 0)
			who = next;   /* "Defence Minister Sergei Shoigu" */
		if (who < 0 && ra > first + 1 && is_punct_tok(d, ra - 1, ',')) {
			int e = mention_entity_at(d, ra - 2);
			if (e >= 0 && d->ents.items[e].type == CR_E_PERSON)
				who = e;   /* "Name, director of X," */
		}
		if (who < 0) {
			bool copula = false;
			for (size_t k = ra; k-- > first && k + 5 > ra;)
				if (tok_is(d, k, "is") || tok_is(d, k, "as") || tok_is(d, k, "was") || tok_is(d, k, "became") ||
				    tok_is(d, k, "named") || tok_is(d, k, "appointed"))
					copula = true;
			if (copula)
				who = subject_person(d, sent, ra);
		}
		/* a role with no organisation counts when it stands before the name
		 * ("former oil minister Adebayo Okonkwo") or after "appointed" */
		bool titled = org < 0 && next >= 0 && d->ents.items[next].type == CR_E_PERSON && who == next;
		bool appointed = org < 0 && ra > first &&
		                 (tok_is(d, ra - 1, "appointed") || tok_is(d, ra - 1, "named") ||
		                  (tok_is(d, ra - 1, "as") && ra > first + 1 &&
		                   (tok_is(d, ra - 2, "appointed") || tok_is(d, ra - 2, "named") || tok_is(d, ra - 2, "serves"))));
		if (who < 0 || (org < 0 && !titled && !appointed))
			continue;
		if (org < 0) {
			/* the lower-case words of the role: "oil minister", "minister of petroleum" */
			while (ra > first && ra + 4 > i && d->tok_ment[ra - 1] < 0 &&
			       (role_modifier(d, ra - 1) || portfolio(d, ra - 1) || tok_in(d, ra - 1, d->x->roles)))
				ra--;
			if (b + 1 < end && tok_is(d, b, "of") && cr_is_lower((unsigned char)tok_text(d, b + 1)[0]) &&
			    d->seg.tokens[b + 1].kind == CR_TOK_WORD && !function_word_p(d, b + 1))
				b += 2;
			ob = b;
		}
		size_t ta = ra < a ? ra : a, tb = org >= 0 && ob > b ? ob : b;
		cr_lclaim *c = new_claim(d, sent, i, "position", CR_SUBJ_ENTITY, who);
		c->value_entity = org;
		claim_set_text(c, tok_text(d, ta), d->seg.tokens[tb - 1].end - d->seg.tokens[ta].start);
		int t = first_timex_after(d, tb, end);
		if (t < 0)
			t = first_timex_after(d, first, ta);
		if (t >= 0) {
			c->value_time = d->tx[t].range;
			c->time_value = cr_xstrdup(d->tx[t].value);
		}
		c->modality = clause_modality(d, sent, i, false);
		i = tb - 1;
	}
}

/* "The United States sanctioned Okonkwo", "Britain imposed sanctions on X" */
static void sanctions_active(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first + 1; i + 1 < end; i++) {
		size_t obj;
		if (tok_is(d, i, "sanctioned") && !tok_is(d, i + 1, "by"))
			obj = i + 1;
		else if ((tok_is(d, i, "imposed") || tok_is(d, i, "placed")) && tok_is(d, i + 1, "sanctions") && i + 2 < end &&
		         (tok_is(d, i + 2, "on") || tok_is(d, i + 2, "against")))
			obj = i + 3;
		else
			continue;
		int who = obj < end ? mention_entity_at(d, obj) : -1;
		if (who < 0 && obj < end)
			who = resolve_pronoun(d, sent, obj);
		if (who < 0 || d->ents.items[who].type != CR_E_PERSON)
			continue;
		/* the sanctioning state or body: the name before the verb */
		size_t k = i;
		while (k > first && (tok_is(d, k - 1, "has") || tok_is(d, k - 1, "have") || tok_is(d, k - 1, "had") ||
		                     tok_is(d, k - 1, "also") || tok_is(d, k - 1, "already")))
			k--;
		if (k == first)
			continue;
		int by = mention_entity_at(d, k - 1);
		if (by < 0 || (d->ents.items[by].type != CR_E_ORG && d->ents.items[by].type != CR_E_PLACE))
			continue;
		size_t a = k - 1;
		while (a > first && mention_entity_at(d, a - 1) == by)
			a--;
		cr_lclaim *c = new_claim(d, sent, i, "sanctioned_by", CR_SUBJ_ENTITY, who);
		c->value_entity = by;
		claim_set_text(c, tok_text(d, a), d->seg.tokens[k - 1].end - d->seg.tokens[a].start);
		c->modality = clause_modality(d, sent, i, false);
	}
}

static void sanctions(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i + 2 < end; i++) {
		if (!tok_is(d, i, "sanctioned") || !tok_is(d, i + 1, "by"))
			continue;
		int who = subject_person(d, sent, i);
		if (who < 0)
			return;
		for (size_t k = i + 2; k < end && k < i + 12; k++) {
			int e = mention_entity_at(d, k);
			if (e < 0 || (d->ents.items[e].type != CR_E_ORG && d->ents.items[e].type != CR_E_PLACE) ||
			    (k > i + 2 && mention_entity_at(d, k - 1) == e))
				continue;
			size_t b = k;
			while (b < end && mention_entity_at(d, b) == e)
				b++;
			cr_lclaim *c = new_claim(d, sent, i, "sanctioned_by", CR_SUBJ_ENTITY, who);
			c->value_entity = e;
			claim_set_text(c, tok_text(d, k), d->seg.tokens[b - 1].end - d->seg.tokens[k].start);
			c->modality = clause_modality(d, sent, i, false);
			if (b >= end || tok_clause_break(d, b) || is_punct_tok(d, b, '.'))
				break;
		}
		return;
	}
}

void find_profile(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	ages(d, sent, first, end);
	birth(d, sent, first, end);
	education(d, sent, first, end);
	positions(d, sent, first, end);
	sanctions(d, sent, first, end);
	sanctions_active(d, sent, first, end);
}
