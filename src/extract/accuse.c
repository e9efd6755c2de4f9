/*
 * accuse.c: who is said to be responsible for which event.
 *
 * A cue from data/lexicon/accusation.tsv ("ordered", "orchestrated",
 * "accused of", "charged with", "convicted of", "hold ... responsible",
 * "ordered by", "on the orders of") names the accused by its position: the
 * subject before it, the object after the verb ("hold X responsible",
 * "accuses him of"), or the agent after it ("ordered by X"). A participle
 * set off by a comma ("X and Y were arrested Friday, charged with killing
 * Z") is said of the sentence's subject. The events are the targets, event
 * words and acts (data/lexicon/crimes.tsv: "murdering", "arson", "setting
 * fire") that follow in the same sentence ("ordered the bombing of a
 * children's hospital, the drama theatre"): one claim per event. A cue with
 * no event word after it within a few words ("led to promotion", "charged
 * with being an accomplice") says nothing here.
 *
 * Acts stated outright are claims too: "X, 43, then shot the three
 * victims", "X killed Y": a person as the subject of a past-tense act verb
 * of the lexicon (not a passive: "X was shot" makes X the victim) with a
 * person after it; "Y fired on the orders of X" / "on X's orders" makes X
 * responsible for the act of the clause.
 *
 * Modality: the accuser of "X holds Y responsible" is the claim's source; a
 * cue's own class decides the rest — "alleged" for an accusation or a
 * charge, "asserted" for a conviction or a plea of guilty (reported when a
 * source is named), "uncertain" for a suspicion, "denied" for a denial or
 * a plea of not guilty; a hedge ("believed to have") or a denial in the
 * cue's clause wins over all of them. Cues without a class follow the
 * sentence's accusation words.
 */
#include "extract/internal.h"
#include "recognize/namekey.h"

#include <stdlib.h>
#include <string.h>

static bool accusation_word(const xdoc *d, size_t i, size_t end)
{
	size_t n;
	long r = cr_phrase_at(d, d->x->cues, i, end, &n);
	return r >= 0 && strcmp(cr_phrase_class(d->x->cues, r), "accuse") == 0;
}

/* The act of the crimes lexicon at token i: its event type, *n its length, *verb its form.
 * A force's verb ("hit", "attacked": force_verb) only for a caller that reads the form. */
static const char *crime_at(const xdoc *d, size_t i, size_t end, size_t *n, bool *verb)
{
	size_t len;
	long r = cr_phrase_at(d, d->x->crimes, i, end, &len);
	if (r < 0 || (!verb && d->x->crimes->lx->ncols[r] > 2 && strcmp(d->x->crimes->lx->cols[r][2], "force") == 0))
		return NULL;
	if (n)
		*n = len;
	if (verb)
		*verb = d->x->crimes->lx->ncols[r] > 2 && (strcmp(d->x->crimes->lx->cols[r][2], "verb") == 0 ||
		                                          strcmp(d->x->crimes->lx->cols[r][2], "force") == 0);
	return cr_phrase_class(d->x->crimes, r);
}

/* Whether the act at token i is a verb only a nation's force does as an act
 * (crimes.tsv "force": "Iraqi jets hit a tanker", not "the storm hit"). */
static bool force_verb(const xdoc *d, size_t i, size_t end)
{
	size_t len;
	long r = cr_phrase_at(d, d->x->crimes, i, end, &len);
	return r >= 0 && d->x->crimes->lx->ncols[r] > 2 && strcmp(d->x->crimes->lx->cols[r][2], "force") == 0;
}

/* An incident word ("bombing", "strike", "murdering"), not a personal event
 * ("appointed"), nor a vote or a game, which nobody is to blame for ("in
 * charge of election planning", "led the team to a 3-1 win"). */
static const char *event_word(const xdoc *d, size_t i, size_t end)
{
	const char *t = cr_trigger_type(d, i);
	if (t && cr_incident_type(t)) {
		const char *fam = cr_event_family(t);
		return strcmp(fam, "vote") == 0 || strcmp(fam, "contest") == 0 ? NULL : t;
	}
	return crime_at(d, i, end, NULL, NULL);
}

static int place_in(const xdoc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		int e = cr_mention_entity_at(d, i);
		if (e >= 0 && d->ents.items[e].type == CR_E_PLACE)
			return e;
	}
	return -1;
}

static bool violent(const char *type)
{
	static const char *const t[] = {"killing", "shooting", "stabbing", "attack"};
	for (size_t k = 0; k < CR_ARRAY_LEN(t); k++)
		if (strcmp(type, t[k]) == 0)
			return true;
	return false;
}

/* The event an act of type `type` at token k belongs to: the sentence's own
 * event, else the document's latest of that type (or, for a violent act, of
 * any violent type: "accused of murdering" reports the shooting), else a new one. */
static int act_event(xdoc *d, size_t sent, const char *type, size_t k, size_t stop)
{
	int ev = -1;
	if (d->last_event >= 0 && d->last_event_sent == (int)sent && cr_incident_type(d->events.items[d->last_event].type))
		ev = d->last_event;
	for (size_t i = d->events.len; ev < 0 && i-- > 0;)
		if (strcmp(d->events.items[i].type, type) == 0)
			ev = (int)i;
	for (size_t i = d->events.len; ev < 0 && violent(type) && i-- > 0;)
		if (violent(d->events.items[i].type))
			ev = (int)i;
	if (ev < 0)
		ev = cr_event_for_target(d, sent, type, NULL, place_in(d, k, CR_MIN(stop, k + 8)), d->seg.tokens[k].start);
	cr_event_mention(d, ev, k);
	cr_date_event_near(d, ev, sent, k);   /* "accused of murdering two women in 1967" */
	return ev;
}

/* The modality a cue of class `how` (column 3 of accusation.tsv, or "") gives its claim. */
static uint8_t cue_modality(const xdoc *d, size_t sent, size_t i, const char *how, bool explicit_accusation)
{
	uint8_t m = cr_clause_modality(d, sent, i, explicit_accusation);
	if (m == CR_MODAL_DENIED || strcmp(how, "denied") == 0)
		return CR_MODAL_DENIED;
	if (m == CR_MODAL_UNCERTAIN || strcmp(how, "uncertain") == 0)
		return CR_MODAL_UNCERTAIN;
	if (strcmp(how, "alleged") == 0)
		return CR_MODAL_ALLEGED;
	if (strcmp(how, "asserted") == 0)
		return cr_fact_modality(d, sent, i);
	return m;
}

/* "hold X (directly) responsible for", "accuses X of", "charged X with": the
 * accused after the verb; *after moves past the preposition that opens the
 * events, *acc0..*acc1 is the accuser's text. False when the pattern does not fit. */
static bool object_accused(const xdoc *d, size_t sent, size_t i, size_t *after, int *accused, int *accuser, size_t *acc0,
                           size_t *acc1)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	size_t k = *after;
	if (k < end)
		*accused = cr_mention_entity_at(d, k);
	/* "charged former oil minister Adebayo Okonkwo with": over the role words */
	for (size_t q = *after; *accused < 0 && q < end && q < *after + 5 && d->seg.tokens[q].kind == CR_TOK_WORD; q++) {
		int e = cr_mention_entity_at(d, q);
		if (ent_person(d, e)) {
			*accused = e;
			k = q;
			while (k < end && cr_mention_entity_at(d, k) == e)
				k++;
			*after = k;
		}
	}
	/* "X accused him": him is not X; look before the sentence */
	if (*accused < 0 && k < end && cr_resolve_pronoun(d, sent, k) >= 0)
		*accused = cr_recent_person(d, sent, first);
	while (k < end && k < *after + 6 && !tok_is(d, k, "responsible") && !tok_is(d, k, "of") && !tok_is(d, k, "with") &&
	       !tok_is(d, k, "for"))
		k++;
	if (k >= end || k >= *after + 6)
		return false;
	*after = k + 1 + (tok_is(d, k, "responsible") && k + 1 < end && tok_is(d, k + 1, "for"));
	/* the accuser: the words before the verb */
	size_t a = i;
	while (a > first && i - a < 5 && !tok_is(d, a - 1, ",") && !cr_tok_clause_break(d, a - 1) && !tok_is(d, a - 1, "and") &&
	       !tok_is(d, a - 1, "that"))
		a--;
	*accuser = cr_entity_after(d, a, i, ~0);
	/* "X, spokesman for Y, accused him of": the name before the comma */
	if (*accuser < 0 && a == i && a > first + 1 && tok_is(d, a - 1, ",")) {
		*accuser = cr_mention_entity_at(d, a - 2);
		a = a - 2;
		while (a > first && cr_mention_entity_at(d, a - 1) == *accuser && *accuser >= 0)
			a--;
	}
	*acc0 = a;
	*acc1 = i + 1;
	return true;
}

/* The persons of a coordination whose last name ends at token k ("X, 20, and Y"), or just k's. */
static size_t with_coordinated(const xdoc *d, size_t first, size_t k, int e, int *out)
{
	size_t n = cr_coordinated_persons(d, first, k, out);
	if (n == 0 || out[n - 1] != e) {
		out[0] = e;
		return 1;
	}
	return n;
}

static bool adverb(const xdoc *d, size_t i);

/* "X ordered ...", "X, 24, was charged with ...", "X and Y were arrested ..., charged
 * with ...": the accused before the cue at i, into out; returns how many. */
/* A sentence opening on an indefinite person ("A man", "A 60-year-old woman")
 * who does what its cue at i says: the person a later sentence names by the
 * same noun in apposition ("The man, Gary Gomes, ..."), or -1. */
static int described_later(const xdoc *d, size_t sent, size_t first, size_t i)
{
	if (i < first + 3 || !(tok_is(d, first, "a") || tok_is(d, first, "an")))
		return -1;
	size_t w = first + 1;
	if (d->tok_num[w] >= 0 && w + 1 < i)
		w++;   /* "A 60-year-old woman" */
	if (!cr_tok_in(d, w, d->x->person_words) || cr_mention_entity_at(d, w) >= 0)
		return -1;
	for (size_t s = sent + 1; s < d->seg.nsentences && s <= sent + 6; s++) {
		const cr_sentence *se = &d->seg.sentences[s];
		size_t a = se->first_token, e = a + se->ntokens;
		for (size_t k = a; k + 3 < e; k++)
			if (tok_is(d, k, "the") && d->lowlen[k + 1] == d->lowlen[w] &&
			    memcmp(d->low[k + 1], d->low[w], d->lowlen[w]) == 0 && tok_is(d, k + 2, ",") &&
			    ent_person(d, cr_mention_entity_at(d, k + 3)))
				return cr_mention_entity_at(d, k + 3);
	}
	return -1;
}

static size_t subject_accused(const xdoc *d, size_t sent, size_t i, size_t end, bool classed, int *out)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token;
	for (size_t k = i; k-- > first && k + 12 > i;) {
		size_t rn;
		if (cr_tok_clause_break(d, k) || tok_is(d, k, "that") || cr_tok_report_verb(d, k, end, &rn))
			break;
		int e = cr_person_named(d, k);
		if (ent_person(d, e)) {
			size_t t = k;
			while (t < i && cr_mention_entity_at(d, t + 1) == cr_mention_entity_at(d, k))
				t++;
			if (tok_possessive(d, t + 1))
				continue;   /* "Palin's home church was damaged, leading ..." */
			return with_coordinated(d, first, t, e, out);
		}
		/* "he", not "him": whoever "him" is, the sentence did something to him */
		if ((tok_is(d, k, "he") || tok_is(d, k, "she") || !classed) && (e = cr_resolve_pronoun(d, sent, k)) >= 0) {
			/* "Nichols, who argued he ...": the person named before it in the sentence */
			int before = cr_person_at_or_before(d, sent, k);
			if (before >= 0)
				e = before;
			/* "he was charged with assault on Mendes": the accused is not the one it was done to */
			for (size_t q = i; q < end; q++)
				if (cr_person_named(d, q) == e && !d->tok_quoted[q])
					return 0;
			out[0] = e;
			return 1;
		}
	}
	/* "X and Y were arrested on Friday ..., charged with killing Z": the sentence's subject */
	if (i > first && tok_is(d, i - 1, ",")) {
		size_t at;
		int e = cr_subject_in(d, first, i, &at);
		if (e >= 0 && at == first) {
			/* the end of that name */
			size_t k = at;
			while (k + 1 < i && cr_person_named(d, k) != e)
				k++;
			while (k + 1 < i && cr_mention_entity_at(d, k + 1) == cr_mention_entity_at(d, k))
				k++;
			return with_coordinated(d, first, k, e, out);
		}
	}
	/* "A man with a long history of violence has been accused of ...", named later
	 * in the report by "The man, Gary Gomes, 35, ..." */
	int later = described_later(d, sent, first, i);
	if (later >= 0) {
		out[0] = later;
		return 1;
	}
	/* with no subject named, the person the article is about, unless a common noun stands
	 * there ("the officer charged with murder", "a gang member accused of ...") */
	int e = -1;
	/* over the verb chain before the cue: "the gang is believed to have carried out" */
	static const char *const chain[] = {"believed", "thought", "said", "alleged", "reported", "suspected",
	                                    "to", "have", "has", "had", "been", "be"};
	size_t h = i;
	while (h > first && (cr_tok_copula(d, h - 1) || cr_tok_word_in(d, h - 1, chain, CR_ARRAY_LEN(chain)) || adverb(d, h - 1)))
		h--;
	bool noun_before = (i > first && d->seg.tokens[i - 1].kind == CR_TOK_WORD && cr_mention_entity_at(d, i - 1) < 0 &&
	                    !cr_tok_stop_word(d, i - 1) && !cr_tok_copula(d, i - 1)) ||
	                   (h < i && h > first && d->seg.tokens[h - 1].kind == CR_TOK_WORD && cr_mention_entity_at(d, h - 1) < 0 &&
	                    !cr_tok_stop_word(d, h - 1) && !tok_is(d, h - 1, "he") && !tok_is(d, h - 1, "she"));
	if (classed || noun_before)
		e = -1;
	else if (tok_is(d, i, "accused") || (i > first && tok_is(d, i - 1, "believed")) ||
	         (i > first + 1 && tok_is(d, i - 2, "believed")))
		e = d->main_person;
	else if (cr_person_at_or_before(d, sent, end) < 0)
		e = d->main_person;
	out[0] = e;
	return e >= 0;
}

/* One claim: the accused is responsible for event ev, named by the cue at i
 * (n words) and the words [ts, ve) of the event. */
static cr_claim *responsibility(xdoc *d, size_t sent, size_t i, size_t n, int accused, int ev, size_t ts, size_t ve,
                                 bool first_event)
{
	cr_claim *c = cr_new_claim(d, sent, i, "responsible_for", CR_SUBJ_ENTITY, accused);
	c->value_event = ev;
	/* the cue and the words that name this event: "ordered the bombing of ... drama theatre" */
	if (first_event) {
		cr_claim_set_text(c, tok_text(d, i), d->seg.tokens[ve - 1].end - d->seg.tokens[i].start);
	} else {
		size_t cue_end = d->seg.tokens[i + n - 1].end;
		if (ts > 0 && (tok_is(d, ts - 1, "the") || tok_is(d, ts - 1, "a")))
			ts--;
		cr_buf vb = {0};
		cr_buf_append(&vb, tok_text(d, i), cue_end - d->seg.tokens[i].start);
		cr_buf_puts(&vb, " … ");
		cr_buf_append(&vb, tok_text(d, ts), d->seg.tokens[ve - 1].end - d->seg.tokens[ts].start);
		free(c->value_text);
		c->value_text = cr_buf_detach(&vb);
	}
	return c;
}

/* The act of the clause before token i ("Y fired from the roof on the orders of X"). */
static int clause_act(xdoc *d, size_t sent, size_t first, size_t i, size_t end)
{
	for (size_t k = i; k-- > first && !cr_tok_clause_break(d, k);) {
		size_t n;
		const char *type = crime_at(d, k, i, &n, NULL);
		if (type)
			return act_event(d, sent, type, k, end);
	}
	if (d->last_event >= 0 && d->last_event_sent == (int)sent)
		return d->last_event;
	return -1;
}

static bool adverb(const xdoc *d, size_t i)
{
	static const char *const w[] = {"then", "allegedly", "reportedly", "fatally", "later", "also", "first",
	                                "apparently", "deliberately", "repeatedly", "accidentally", "twice", "had", "still", "may", "might",
	                                "has", "have", "'d", "once", "again", "then"};
	return cr_tok_word_in(d, i, w, CR_ARRAY_LEN(w));
}

/* A nation's armed force or police (mentions.c, armed_forces: "Chadian
 * troops", "Greek police"), which may do what a person does. */
static bool force_entity(const xdoc *d, int e)
{
	if (e < 0 || d->ents.items[e].type != CR_E_ORG)
		return false;
	const char *name = d->ents.items[e].name, *sp = strrchr(name, ' ');
	return sp && cr_is_force_noun(sp + 1, strlen(sp + 1)) && cr_is_demonym(name, (size_t)(sp - name));
}

/* An organisation's entity ("Guinness may have breached company law"). */
static bool org_entity(const xdoc *d, int e)
{
	return e >= 0 && d->ents.items[e].type == CR_E_ORG;
}

/* Where the act is done: a place named, or a place's noun ("the airstrip",
 * "the town"), within a few words of [from, to): the first ones, up to a
 * comma; or, `backwards`, the last ones ("the airstrip in northern Chad
 * captured by"). */
static bool place_object(const xdoc *d, size_t from, size_t to, bool backwards)
{
	for (size_t i = 0; i < (backwards ? 8u : 6u) && from + i < to; i++) {
		size_t q = backwards ? to - 1 - i : from + i;
		if (!backwards && (tok_is(d, q, ",") || tok_is(d, q, ".") || cr_tok_clause_break(d, q)))
			return false;
		int e = cr_mention_entity_at(d, q);
		if (e >= 0 && d->ents.items[e].type == CR_E_PLACE)
			return true;
		if (!backwards && (ent_person(d, e) || cr_person_word(d, q) || cr_tok_in(d, q, d->x->person_nouns)))
			return false;   /* "captured the gunman", "captured 23 pirates": an arrest */
		if (e < 0 && ANY_OF(d, q, "town", "city", "village", "base", "airstrip", "airfield", "outpost", "garrison", "port",
		                    "stronghold", "positions", "oasis", "capital", "airport"))
			return true;
	}
	return false;
}

/* "are reported to", "is said to", "were believed to" right before token k: a hedge on the act after it. */
static bool said_to(const xdoc *d, size_t first, size_t k)
{
	return k >= first + 4 && tok_is(d, k - 1, "to") && ANY_OF(d, k - 2, "reported", "said", "believed", "thought", "alleged") &&
	       ANY_OF(d, k - 3, "is", "are", "was", "were");
}

/* "are still bombing": a gerund at token v after a form of "be" (over adverbs) is a verb. */
static bool progressive(const xdoc *d, size_t first, size_t v)
{
	if (!tok_ends(d, v, "ing"))
		return false;
	size_t k = v;
	while (k > first && adverb(d, k - 1))
		k--;
	return k > first && ANY_OF(d, k - 1, "is", "are", "was", "were");
}

/* The doer of the act verb at token v: the person (a nation's force; for a
 * wrong_doer's act, an organisation too) right before it, over adverbs, an
 * apposition (", 43,") or "who"; -1 for a passive ("was shot"). */
static int doer_of(const xdoc *d, size_t sent, size_t first, size_t v, bool wrong_doer)
{
	size_t k = v;
	while (k > first && (adverb(d, k - 1) || tok_quote_mark(d, k - 1)))
		k--;   /* over "then", "may have", a quote mark ('Ward "breached their duty"') */
	/* "X are reported to have blown up", "X is said to have shot": X (hedged: said_to) */
	if (said_to(d, first, k))
		k -= 3;
	else if (k >= first + 2 && cr_tok_copula(d, k - 1) && tok_ends(d, v, "ing"))
		k--;   /* "are still bombing" */
	if (k == first || cr_tok_copula(d, k - 1) || tok_is(d, k - 1, "got") || tok_is(d, k - 1, "get"))
		return -1;
	/* "shot and killed": the doer of the first verb; "X allegedly produced a weapon and
	 * fired": the person opening the clause, when no auxiliary follows the name */
	if (tok_is(d, k - 1, "and") && k >= first + 2) {
		bool verb = false;
		size_t n, s0 = k - 1, at;
		if (crime_at(d, k - 2, v, &n, &verb) && verb && k - 2 + n == k - 1)
			return doer_of(d, sent, first, k - 2, wrong_doer);
		while (s0 > first && !cr_tok_segment_break(d, s0 - 1))
			s0--;
		int e = cr_subject_in(d, s0, k - 1, &at);
		size_t t = at;
		while (t < k && (cr_mention_entity_at(d, t) < 0 || !ent_person(d, cr_person_named(d, t))))
			t++;
		while (t < k && cr_person_named(d, t) == e)
			t++;
		while (t < k && (tok_punct(d, t, ',') || tok_punct(d, t, '.') || adverb(d, t)))
			t++;
		if (e >= 0 && at == s0 && t < k && !cr_tok_copula(d, t) && !cr_tok_stop_word(d, t))
			return e;
		return -1;
	}
	if (tok_is(d, k - 1, "who") && k >= first + 2 && tok_is(d, k - 2, ","))
		k -= 2;
	else if (tok_is(d, k - 1, ",")) {
		/* "Hiller, 43, then shot": over a short apposition */
		size_t c = k - 1, o = c;
		while (o > first && c - o < 6 && !tok_is(d, o - 1, ","))
			o--;
		if (o == first || c - o >= 6)
			return -1;
		for (size_t q = o; q < c; q++)
			if (tok_is(d, q, "was") || tok_is(d, q, "were") || tok_is(d, q, "who"))
				return -1;
		k = o - 1;
	}
	if (k == first)
		return -1;
	int e = cr_person_named(d, k - 1);
	if (ent_person(d, e) || force_entity(d, (e = cr_mention_entity_at(d, k - 1))) || (wrong_doer && org_entity(d, e)))
		return !tok_possessive(d, k) ? e : -1;
	/* "he stabbed his wife": a pronoun only for someone the document already holds
	 * responsible (resolved otherwise, "he" is too often the victim) */
	e = cr_resolve_pronoun(d, sent, k - 1);
	for (size_t q = 0; e >= 0 && q < d->claims.len; q++)
		if (d->claims.items[q].subject == e && d->claims.items[q].subject_kind == CR_SUBJ_ENTITY &&
		    strcmp(d->claims.items[q].predicate, "responsible_for") == 0)
			return e;
	return -1;
}

/* Whom the act at [v, v+n) is done to: a person, a pronoun or a word for people within a few words. */
static bool person_object(const xdoc *d, size_t v, size_t end)
{
	for (size_t q = v; q < end && q < v + 6; q++) {
		if (tok_is(d, q, ",") || tok_is(d, q, ".") || cr_tok_clause_break(d, q))
			return false;
		if (ent_person(d, cr_person_named(d, q)) || tok_is(d, q, "him") || tok_is(d, q, "her") || tok_is(d, q, "them") ||
		    cr_person_word(d, q) || cr_tok_in(d, q, d->x->person_nouns))
			return true;
	}
	return false;
}

/* "X, 43, then shot the three victims", "X killed Y", "Y fired on X's orders". */
static void find_acts(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	for (size_t v = first; v < end; v++) {
		size_t n;
		bool verb = false;
		const char *type = crime_at(d, v, end, &n, &verb);
		int who = -1;
		size_t cue = v, cn = n;
		if (type && !verb && progressive(d, first, v))
			verb = true;   /* "are still bombing the airstrip" */
		if (type && verb && v + n + 1 < end && tok_is(d, v + n, "by")) {
			/* the agent of a passive: "the airstrip ... captured by Chadian troops" */
			size_t a = v + n + 1 + (tok_is(d, v + n + 1, "the") && v + n + 2 < end);
			int e = cr_mention_entity_at(d, a);
			if ((force_entity(d, e) || (ent_person(d, e) && !force_verb(d, v, end))) &&
			    (strcmp(type, "battle") != 0 || place_object(d, first, v, true)))
				who = e;
		} else if (type && verb) {
			bool fire = strcmp(type, "fire") == 0 || strcmp(type, "bombing") == 0 || strcmp(type, "shelling") == 0;
			bool by_force = force_verb(d, v, end);
			/* a wrong done to no one in particular: "breached their duty", "shredded the files" */
			bool wrong = strcmp(cr_event_family(type), "fraud") == 0 || strcmp(cr_event_family(type), "obstruction") == 0;
			if (strcmp(type, "battle") == 0 ? place_object(d, v + n, end, false)
			                                : fire || by_force || wrong || person_object(d, v + n, end))
				who = doer_of(d, sent, first, v, wrong);
			if (by_force && !force_entity(d, who))
				who = -1;
		} else if (tok_is(d, v, "on") && v + 3 < end && (who = cr_person_named(d, v + 1)) >= 0) {
			/* "on Carrasquillo's orders", "on Carl Meer's instructions": the one who gave them */
			size_t k = v + 1;
			while (k + 1 < end && cr_mention_entity_at(d, k + 1) == cr_mention_entity_at(d, v + 1) && cr_mention_entity_at(d, k) >= 0)
				k++;
			if (k + 2 < end && tok_possessive(d, k + 1) &&
			    (tok_is(d, k + 2, "orders") || tok_is(d, k + 2, "order") || tok_is(d, k + 2, "instructions"))) {
				cn = k + 3 - v;
				type = NULL;
			} else {
				who = -1;
			}
		}
		if (!ent_person(d, who) && !force_entity(d, who) && !org_entity(d, who))
			continue;
		int ev = type ? act_event(d, sent, type, v, end) : clause_act(d, sent, first, v, end);
		if (ev < 0)
			continue;
		size_t ve = CR_MIN(end, cue + cn);
		cr_claim *c = responsibility(d, sent, cue, cn, who, ev, cue, ve, true);
		c->modality = cr_clause_modality(d, sent, v, false);
		size_t h = v;
		while (h > first && adverb(d, h - 1))
			h--;
		if (said_to(d, first, h) && c->modality == CR_MODAL_ASSERTED)
			c->modality = CR_MODAL_UNCERTAIN;
		/* "Saunders and Ward breached their duty": each of them */
		size_t q = v;
		while (q > first && q + 8 > v && cr_mention_entity_at(d, q - 1) != who)
			q--;
		int also[CR_MAX_COORD];
		size_t na = q > first && ent_person(d, who) ? with_coordinated(d, first, q - 1, who, also) : 0;
		for (size_t k = 0; k < na; k++)
			if (also[k] != who) {
				cr_claim *o = responsibility(d, sent, cue, cn, also[k], ev, cue, ve, true);
				o->modality = c->modality;
			}
		if (!type)
			v = ve - 1;   /* an act's words are read again: "fired on X's orders" */
	}
}

void cr_find_accusations(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	for (size_t i = first; i < end; i++) {
		size_t n;
		long r = cr_phrase_at(d, d->x->accuse, i, end, &n);
		if (r < 0)
			continue;
		const char *where = cr_phrase_class(d->x->accuse, r);
		const char *how = d->x->accuse->lx->ncols[r] > 2 ? d->x->accuse->lx->cols[r][2] : "";
		size_t after = i + n;
		int accused = -1, accuser = -1, also[CR_MAX_COORD];
		size_t accuser_a = 0, accuser_b = 0, nalso = 0;
		if (strcmp(where, "agent") == 0) {
			accused = cr_entity_after(d, after, CR_MIN(end, after + 4), TYPE_BIT(CR_E_PERSON) | TYPE_BIT(CR_E_ORG));
			if (accused < 0 && after < end)
				accused = cr_resolve_pronoun(d, sent, after);
		} else if (strcmp(where, "object") == 0) {
			if (!object_accused(d, sent, i, &after, &accused, &accuser, &accuser_a, &accuser_b))
				continue;
		} else {
			size_t na = subject_accused(d, sent, i, end, *how != 0, also);
			accused = na ? also[na - 1] : -1;
			nalso = na ? na - 1 : 0;   /* the others of "X and Y were charged" */
		}
		if (accused < 0 || d->ents.items[accused].type == CR_E_PLACE)
			continue;
		/* the events named after the cue */
		bool explicit_accusation = accusation_word(d, i, end) || (i > first && accusation_word(d, i - 1, end)) ||
		                           strcmp(where, "object") == 0;
		size_t stop = end;
		for (size_t k = after; k < end; k++)
			if (tok_is(d, k, ";") || (tok_is(d, k, ".") && k + 1 < end)) {
				stop = k;
				break;
			}
		size_t limit = CR_MIN(stop, after + 6);
		if (strcmp(where, "agent") == 0) {
			/* "the strike on the school, believed to have been ordered by X", "Y fired on the
			 * orders of X": the event was named before the cue */
			int ev = clause_act(d, sent, first, i, end);
			if (ev >= 0) {
				cr_claim *c = responsibility(d, sent, i, n, accused, ev, after, after, true);
				c->modality = cue_modality(d, sent, i, how, explicit_accusation);
			}
			i = after - 1;
			continue;
		}
		const char *type = NULL;
		int made = 0;
		size_t last = after;
		for (size_t k = after; k < stop; k++) {
			size_t tn, cn = 1;
			long tr = cr_phrase_at(d, d->x->targets, k, stop, &tn);
			const char *ew = event_word(d, k, stop);
			bool crime = ew && crime_at(d, k, stop, &cn, NULL) && !(cr_trigger_type(d, k) && cr_incident_type(cr_trigger_type(d, k)));
			if (ew && !type)
				type = ew;
			if (tr < 0 && !(ew && k < limit && made == 0))
				continue;
			if (tr >= 0 && !type)
				continue;   /* "sent to hospital": a place, no act */
			if (tr < 0) {
				/* an event word with no target after it: "orchestrated a similar attack in Syria" */
				bool target_follows = false;
				for (size_t q = k + 1; q < stop && q < k + 6; q++)
					target_follows |= cr_phrase_at(d, d->x->targets, q, stop, NULL) >= 0;
				if (target_follows)
					continue;
			}
			int place = place_in(d, k, CR_MIN(stop, k + 8));
			if (place < 0 && d->last_place >= 0 && (int)sent - d->last_place_sent <= 2 &&
			    d->seg.sentences[d->last_place_sent].paragraph == se->paragraph)
				place = d->last_place;
			int ev;
			if (tr >= 0)
				ev = cr_event_for_target(d, sent, type ? type : "attack", cr_phrase_class(d->x->targets, tr), place,
				                      d->seg.tokens[k].start);
			else if (crime)
				ev = act_event(d, sent, ew, k, stop);
			else
				ev = cr_event_for_target(d, sent, ew, NULL, place, d->seg.tokens[k].start);
			size_t ve = tr >= 0 ? k + tn : k + (crime ? cn : 1);
			cr_claim *c = responsibility(d, sent, i, n, accused, ev, k, ve, made == 0);
			last = ve;
			if (accuser >= 0 && !d->attr[sent].text) {
				c->source = accuser;
				free(c->attribution);
				c->attribution = cr_xstrndup(tok_text(d, accuser_a),
				                             d->seg.tokens[accuser_b - 1].end - d->seg.tokens[accuser_a].start);
			}
			c->modality = cue_modality(d, sent, i, how, explicit_accusation);
			if (c->modality == CR_MODAL_ASSERTED && c->attribution)
				c->modality = CR_MODAL_REPORTED;
			for (size_t q = 0; q < nalso; q++) {
				cr_claim *o = responsibility(d, sent, i, n, also[q], ev, k, ve, made == 0);
				o->modality = d->claims.items[d->claims.len - 2].modality;
			}
			made++;
			k = ve - 1;
		}
		/* the cues inside what this one consumed ("accused of ordering") are not read again */
		i = (made ? last : after) - 1;
	}
	find_acts(d, sent);
}
