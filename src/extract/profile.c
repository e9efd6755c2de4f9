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

int role_class(const xdoc *d, size_t i)
{
	if (i >= d->seg.ntokens || !tok_in(d, i, d->x->roles))
		return ROLE_NONE;
	const cr_lexicon *lx = d->x->roles;
	long r = cr_lexicon_find(lx, d->low[i], d->lowlen[i]);
	const char *c = r >= 0 && lx->ncols[r] > 1 ? lx->cols[r][1] : "post";
	return strcmp(c, "modifier") == 0 ? ROLE_MODIFIER : strcmp(c, "portfolio") == 0 ? ROLE_PORTFOLIO : ROLE_POST;
}

/* A post and the words around it. */
typedef struct role_span {
	size_t a, b;        /* the role words [a, b): "Assistant chief fire officer" */
	size_t ta, tb;      /* the text of the claim, with its organisation */
	int org;            /* the organisation (or place) of the post, or -1 */
	bool org_after;     /* "director of X" rather than "the X director" */
	int next;           /* the person named right after the phrase, or -1 */
} role_span;

static bool free_word(const xdoc *d, size_t i)
{
	return d->tok_ment[i] < 0 && !d->tok_quoted[i];
}

/* "director of X", "head of Ukraine's Centre for ...": the organisation after the role */
static int org_after_role(const xdoc *d, size_t b, size_t end, size_t *ob)
{
	if (b + 1 >= end || !(tok_is(d, b, "of") || tok_is(d, b, "for") || tok_is(d, b, "to") || tok_is(d, b, "at")))
		return -1;
	size_t k = b + 1;
	if (k < end && tok_is(d, k, "the"))
		k++;
	int org = mention_entity_at(d, k);
	if (org >= 0 && d->ents.items[org].type == CR_E_PLACE) {
		size_t q = k;
		while (q < end && mention_entity_at(d, q) == org)
			q++;
		if (possessive(d, q) && q + 1 < end && mention_entity_at(d, q + 1) >= 0) {
			k = q + 1;
			org = mention_entity_at(d, k);
		}
	}
	if (org < 0 || d->ents.items[org].type == CR_E_PERSON)
		return -1;
	*ob = k;
	while (*ob < end && mention_entity_at(d, *ob) == org)
		(*ob)++;
	return org;
}

/* The role phrase around post word i, its organisation and the name after it. */
static void role_phrase(const xdoc *d, size_t i, size_t first, size_t end, role_span *r)
{
	size_t a = i, b = i + 1, last = i;
	while (a > first && i - a < 4 && free_word(d, a - 1) && role_class(d, a - 1) != ROLE_NONE)
		a--;
	/* the role runs on over modifiers to its last post: "chief fire officer", "prime minister" */
	for (size_t k = i + 1; k < end && k < i + 4 && free_word(d, k) && role_class(d, k) != ROLE_NONE; k++)
		if (role_class(d, k) == ROLE_POST)
			last = k;
	b = last + 1;
	*r = (role_span){a, b, a, b, -1, false, -1};
	size_t ob = b;
	r->org = org_after_role(d, b, end, &ob);
	if (r->org >= 0) {
		r->org_after = true;
		r->tb = ob;
	} else if (b + 2 < end && tok_is(d, b, "of") && tok_capitalised(d, b + 1) && free_word(d, b + 1)) {
		/* "Chief of Detectives Charlie Beck" */
		size_t q = b + 1;
		while (q < end && q < b + 4 && tok_capitalised(d, q) && free_word(d, q))
			q++;
		int e = mention_entity_at(d, q);
		if (e >= 0 && d->ents.items[e].type == CR_E_PERSON)
			r->b = r->tb = q;
	}
	if (r->org < 0 && a > first) {
		/* "the National Centre for Defence Management director", "Fulton County District
		 * Attorney X", "Woodburn's police chief"; a one-word name of no type is a nationality
		 * ("the Greek Prime Minister") */
		size_t m = possessive(d, a - 1) && a > first + 1 ? a - 2 : a - 1;
		int before = mention_entity_at(d, m);
		bool one_word = before >= 0 && mention_entity_at(d, m - 1) != before;
		if (before >= 0 && d->ents.items[before].type != CR_E_PERSON &&
		    !(d->ents.items[before].type == CR_E_OTHER && one_word)) {
			r->org = before;
			if (m == a - 1)
				while (r->ta > first && mention_entity_at(d, r->ta - 1) == before)
					r->ta--;
		}
	}
	size_t after = r->org_after ? ob : r->b;
	int next = after < end ? mention_entity_at(d, after) : -1;
	r->next = next >= 0 && d->ents.items[next].type == CR_E_PERSON ? next : -1;
}

/* "X, the governor of Y", "X, the team's head coach", "the police chief, X,": the person
 * in apposition to a definite role phrase. */
static int apposed_holder(const xdoc *d, size_t first, size_t end, const role_span *r)
{
	size_t p = r->ta;
	if (p > first && (tok_is(d, p - 1, "the") || tok_is(d, p - 1, "his") || tok_is(d, p - 1, "her") ||
	                  tok_is(d, p - 1, "its") || tok_is(d, p - 1, "their")))
		p--;
	else if (p > first + 2 && possessive(d, p - 1) && tok_is(d, p - 3, "the"))
		p -= 3;   /* "the team's" */
	/* a role that runs into a possessive or a name is not in apposition ("A, Sheriff's Deputy B") */
	if (p > first + 1 && tok_punct(d, p - 1, ',') && r->next < 0 && !possessive(d, r->tb)) {
		int e = mention_entity_at(d, p - 2);
		if (e >= 0 && d->ents.items[e].type == CR_E_PERSON)
			return e;
	}
	/* "Woodburn's police chief, X, 46,": the name after, itself set off by commas */
	if (r->tb + 1 < end && tok_punct(d, r->tb, ',') && r->ta > first &&
	    (possessive(d, r->ta - 1) || tok_is(d, r->ta - 1, "the"))) {
		int e = mention_entity_at(d, r->tb + 1);
		size_t q = r->tb + 1;
		while (q < end && mention_entity_at(d, q) == e)
			q++;
		if (e >= 0 && d->ents.items[e].type == CR_E_PERSON && (q >= end || tok_punct(d, q, ',') || tok_punct(d, q, '.')))
			return e;
	}
	return -1;
}

static void positions(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		if (role_class(d, i) != ROLE_POST || !free_word(d, i))
			continue;
		role_span r;
		role_phrase(d, i, first, end, &r);
		/* who holds it */
		int who = !r.org_after ? r.next : -1;   /* "Defence Minister Sergei Shoigu" */
		bool titled = who >= 0, apposed = false;
		if (who < 0) {
			who = apposed_holder(d, first, end, &r);
			apposed = who >= 0;
		}
		if (who < 0) {
			bool copula = false;
			for (size_t k = r.ta; k-- > first && k + 5 > r.ta;)
				if (tok_is(d, k, "is") || tok_is(d, k, "as") || tok_is(d, k, "was") || tok_is(d, k, "became") ||
				    tok_is(d, k, "named") || tok_is(d, k, "appointed"))
					copula = true;
			if (copula)
				who = subject_person(d, sent, r.ta);
		}
		/* a role with no organisation counts before or beside the name, or after "appointed" */
		size_t ra = r.ta;
		bool appointed = ra > first &&
		                 (tok_is(d, ra - 1, "appointed") || tok_is(d, ra - 1, "named") ||
		                  (tok_is(d, ra - 1, "as") && ra > first + 1 &&
		                   (tok_is(d, ra - 2, "appointed") || tok_is(d, ra - 2, "named") || tok_is(d, ra - 2, "serves"))));
		if (who < 0 || (r.org < 0 && !titled && !appointed && !apposed))
			continue;
		if (r.org < 0 && r.b + 1 < end && tok_is(d, r.b, "of") && cr_is_lower((unsigned char)tok_text(d, r.b + 1)[0]) &&
		    d->seg.tokens[r.b + 1].kind == CR_TOK_WORD && !function_word_p(d, r.b + 1))
			r.tb = r.b + 2;   /* "minister of petroleum" */
		cr_lclaim *c = new_claim(d, sent, i, "position", CR_SUBJ_ENTITY, who);
		c->value_entity = r.org;
		claim_set_text(c, tok_text(d, r.ta), d->seg.tokens[r.tb - 1].end - d->seg.tokens[r.ta].start);
		int t = first_timex_after(d, r.tb, end);
		if (t < 0)
			t = first_timex_after(d, first, r.ta);
		if (t >= 0) {
			c->value_time = d->tx[t].range;
			c->time_value = cr_xstrdup(d->tx[t].value);
		}
		c->modality = fact_modality(d, sent, i);
		i = r.tb - 1;
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
			if (b >= end || tok_clause_break(d, b) || tok_punct(d, b, '.'))
				break;
		}
		return;
	}
}

void find_profile(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	find_ages(d, sent);
	birth(d, sent, first, end);
	education(d, sent, first, end);
	positions(d, sent, first, end);
	sanctions(d, sent, first, end);
	sanctions_active(d, sent, first, end);
}
