/*
 * figures.c: the figures a sentence gives — casualty counts, populations
 * and magnitudes — and the event or place they belong to.
 *
 * Casualty figures are numbers counting people (data/lexicon/person-nouns.tsv,
 * or no noun) tied to a casualty word (data/lexicon/casualty.tsv) before the
 * figure ("killing at least three") or after it ("300 people were killed",
 * "left 300 people dead"). Rates ("each day") are not totals and are skipped;
 * so are years, ages, percentages and counts of things ("400 miles").
 * People "still inside" a place under siege are trapped. A figure belongs to
 * the sentence's event (events.c decides it), to a target named just before
 * it, else to the paragraph's last event or the sentence's place.
 */
#include "extract/internal.h"
#include "recognize/gazetteer.h"

#include <stdlib.h>
#include <string.h>

static bool person_noun(const xdoc *d, size_t i)
{
	return tok_in(d, i, d->x->person_nouns);
}

static bool auxiliary(const xdoc *d, size_t i)
{
	static const char *aux[] = {"were", "was", "had", "have", "has", "been", "are", "is", "would", "could",
	                            "may", "might", "reportedly", "still", "all", "being", "be", "also", "later"};
	for (size_t k = 0; k < CR_ARRAY_LEN(aux); k++)
		if (tok_is(d, i, aux[k]))
			return true;
	return false;
}

/* The predicate a casualty word gives, when it has the needed form. */
static const char *casualty_word(const xdoc *d, size_t i, bool figure_before)
{
	if (!(d->tok_bits[i] & TB_CASUALTY))
		return NULL;
	long r = cr_lexicon_find(d->x->casualty, d->low[i], d->lowlen[i]);
	if (r < 0 || d->x->casualty->ncols[r] < 3)
		return NULL;
	const char *form = d->x->casualty->cols[r][2];
	if (strcmp(form, "both") != 0 && strcmp(form, figure_before ? "after" : "before") != 0)
		return NULL;
	/* claims outlive the lexicon: hand out the vocabulary's own static strings */
	static const char *const vocabulary[] = {"killed", "injured", "trapped", "displaced", "missing", "sheltering"};
	for (size_t k = 0; k < CR_ARRAY_LEN(vocabulary); k++)
		if (strcmp(vocabulary[k], d->x->casualty->cols[r][1]) == 0)
			return vocabulary[k];
	return NULL;
}

/* Is number j (tokens [a, b)) a count of people? Looks at what follows. */
static bool counts_people(const xdoc *d, int j, size_t b, size_t end)
{
	const cr_number *n = &d->nums[j];
	if (n->kind == CR_NUM_AGE || n->kind == CR_NUM_PERCENT || n->kind == CR_NUM_ORDINAL || n->year_like)
		return false;
	if (b >= end)
		return true;
	for (size_t k = b; k < end && k < b + 3; k++) {
		if (person_noun(d, k))
			return true;
		if (casualty_word(d, k, true) || auxiliary(d, k) || tok_is(d, k, "and") || tok_is(d, k, ",") ||
		    tok_is(d, k, ".") || tok_is(d, k, "in") || tok_is(d, k, "during"))
			return k == b || !person_noun(d, k);
		/* adjectives before the noun: "Ukrainian people", "heavily pregnant women";
		 * "dozens of people" */
		if (!(tok_capitalised(d, k) || tok_is(d, k, "more") || tok_is(d, k, "other") || tok_is(d, k, "innocent") ||
		      tok_is(d, k, "civilian") || tok_is(d, k, "local") || tok_is(d, k, "of")))
			return false;
	}
	return false;
}

/* The ISO country code of a gazetteer name ("city:UA:481626", "country:UA",
 * "demonym:GB", "subdivision:ES-C"), copied into cc[3]; false when it has none. */
static bool gazetteer_country(const char *w, size_t n, char cc[3])
{
	const cr_gazetteer *g = cr_gazetteer_default();
	const char *words[CR_GAZ_MAX_WORDS];
	size_t lens[CR_GAZ_MAX_WORDS], nw = 0;
	for (size_t i = 0; i < n && nw < CR_GAZ_MAX_WORDS;) {
		size_t j = i;
		while (j < n && w[j] != ' ')
			j++;
		words[nw] = w + i;
		lens[nw++] = j - i;
		i = j + 1;
	}
	uint32_t e;
	if (!g || nw == 0 || cr_gazetteer_match(g, words, lens, nw, 0, &e) != nw)
		return false;
	const char *x = cr_gazetteer_extra(g, e), *colon = x ? strchr(x, ':') : NULL;
	if (!colon || !cr_is_upper((unsigned char)colon[1]) || !cr_is_upper((unsigned char)colon[2]))
		return false;
	cc[0] = colon[1], cc[1] = colon[2], cc[2] = 0;
	return strncmp(x, "city:", 5) == 0 || strncmp(x, "country:", 8) == 0 || strncmp(x, "demonym:", 8) == 0 ||
	       strncmp(x, "subdivision:", 12) == 0;
}

/*
 * The nationality a casualty figure is restricted to: "41 Britons", "three
 * British nationals", "12 Ukrainian soldiers" — a demonym (plural or adjective)
 * among the words after the figure, before its clause goes on. Its country
 * code goes to cc; false for "41 people". A figure whose nationality is the
 * country of the event's place ("300 Ukrainian civilians" of a strike in
 * Mariupol) counts everyone there and is not restricted.
 */
static bool figure_scope(const xdoc *d, size_t b, size_t end, int place, char cc[3])
{
	for (size_t k = b; k < end && k < b + 3; k++) {
		if (tok_clause_break(d, k) || casualty_word(d, k, true) || auxiliary(d, k) || !tok_capitalised(d, k))
			break;
		const cr_token *t = &d->seg.tokens[k];
		size_t n = t->end - t->start;
		const char *w = d->text + t->start;
		if (!gazetteer_country(w, n, cc) && !(n > 3 && w[n - 1] == 's' && gazetteer_country(w, n - 1, cc)))
			continue;
		char pc[3];
		const char *pn = place >= 0 ? d->ents.items[place].name : NULL;
		return !(pn && gazetteer_country(pn, strlen(pn), pc) && strcmp(pc, cc) == 0);
	}
	return false;
}

static bool in_rate_clause(const xdoc *d, size_t first, size_t end, size_t at)
{
	for (size_t i = first; i < end; i++) {
		size_t n;
		long r = phrase_at(d, d->x->cues, i, end, &n);
		if (r >= 0 && strcmp(phrase_class(d->x->cues, r), "rate") == 0) {
			bool crosses = false;
			for (size_t k = CR_MIN(i, at); k < CR_MAX(i, at); k++)
				crosses |= tok_clause_break(d, k);
			if (!crosses)
				return true;
		}
	}
	return false;
}

/* "a magnitude 7.8 earthquake", "the 7.8-magnitude quake", "of magnitude 7.5":
 * a magnitude next to the sentence's event word is that event's. */
static void magnitude(xdoc *d, size_t sent, size_t first, size_t end, int ev, size_t trig)
{
	for (size_t i = first; i < end; i++) {
		const char *t = tok_text(d, i);
		size_t n = tok_len(d, i), numtok = SIZE_MAX;
		char buf[32];
		if (tok_is(d, i, "magnitude")) {
			if (i + 1 < end && d->seg.tokens[i + 1].kind == CR_TOK_NUMBER)
				numtok = i + 1;
			else if (i > first && d->seg.tokens[i - 1].kind == CR_TOK_NUMBER)
				numtok = i - 1;
		} else if (n > 10 && n < sizeof buf && cr_is_digit((unsigned char)t[0]) &&
		           memcmp(t + n - 10, "-magnitude", 10) == 0) {
			numtok = i;
		}
		if (numtok == SIZE_MAX || (i > trig ? i - trig : trig - i) > 4)
			continue;
		const char *nt = tok_text(d, numtok);
		size_t nl = tok_len(d, numtok);
		if (nl >= sizeof buf)
			continue;
		memcpy(buf, nt, nl);
		buf[nl] = 0;
		char *endp;
		double v = strtod(buf, &endp);
		if (endp == buf || v <= 0 || v >= 11)
			continue;
		cr_lclaim *c = new_claim(d, sent, i, "magnitude", CR_SUBJ_EVENT, ev);
		c->has_number = c->has_low = c->has_high = true;
		c->low = c->high = v;
		claim_set_text(c, buf, (size_t)(endp - buf));
		c->modality = clause_modality(d, sent, i, false);
		return;
	}
}

void find_figures(xdoc *d, size_t sent, sent_events *se)
{
	size_t first = se->first, end = se->end;
	if (se->ev >= 0 && se->trig_tok != SIZE_MAX)
		magnitude(d, sent, first, end, se->ev, se->trig_tok);
	/* casualty figures */
	for (size_t i = first; i < end; i++) {
		int j = d->tok_num[i];
		if (j < 0 || (i > first && d->tok_num[i - 1] == j))
			continue;
		size_t b = i;
		while (b < end && d->tok_num[b] == j)
			b++;
		if (!counts_people(d, j, b, end))
			continue;
		const char *pred = NULL;
		for (size_t k = i; k-- > first && k + 4 > i;) {
			if ((pred = casualty_word(d, k, false)))
				break;
			if (!(tok_is(d, k, "a") || tok_is(d, k, "the") || tok_is(d, k, "up") || tok_is(d, k, "to")))
				break;
		}
		/* "the death toll from Monday's earthquake has risen to nearly 8,000" */
		for (size_t k = i; !pred && k-- > first && k + 16 > i;) {
			if (tok_clause_break(d, k) || (d->tok_num[k] >= 0 && d->tok_num[k] != j))
				break;
			if (tok_is(d, k, "toll") && k > first && tok_is(d, k - 1, "death"))
				pred = "killed";
		}
		for (size_t k = b; !pred && k < end && k < b + 8; k++) {
			if (tok_clause_break(d, k) || (d->tok_num[k] >= 0 && d->tok_num[k] != j) || tok_is(d, k, "who") ||
			    tok_is(d, k, "that"))
				break;
			pred = casualty_word(d, k, true);
		}
		if (!pred && se->siege && b + 2 < end) {
			for (size_t k = b; k < end && k < b + 6; k++)
				if (tok_is(d, k, "inside") || tok_is(d, k, "within")) {
					pred = "trapped";
					break;
				}
		}
		/* "a pre-war population of about 450,000", "home to about 400,000 people":
		 * the size of a se->place, not people who fled or died */
		for (size_t k = i; k-- > first && k + 5 > i;)
			if (tok_is(d, k, "population") || (tok_is(d, k, "home") && k + 1 < i && tok_is(d, k + 1, "to"))) {
				int where = se->place >= 0 ? se->place : d->last_place;
				if (where >= 0) {
					const cr_number *pn = &d->nums[j];
					cr_lclaim *pc = new_claim(d, sent, i, "population", CR_SUBJ_ENTITY, where);
					pc->has_number = true;
					pc->has_low = pn->has_low;
					pc->has_high = pn->has_high;
					pc->low = pn->low;
					pc->high = pn->high;
					claim_set_text(pc, d->text + pn->start, pn->end - pn->start);
					pc->modality = clause_modality(d, sent, i, false);
				}
				pred = NULL;
				break;
			}
		if (!pred || in_rate_clause(d, first, end, i))
			continue;
		if (se->ev == -2) {
			se->ev = event_for_target(d, sent, "attack", se->target, se->place, d->seg.tokens[se->target_tok].start);
			d->last_event = se->ev;
			d->last_event_sent = (int)sent;
		}
		int subject = se->ev;
		/* a figure belongs to the se->target named just before it, when that is not
		 * the sentence's own ("the strikes on schools and the theatre that
		 * sheltered 1,000 civilians": the theatre's) */
		for (size_t k = se->ntargets; k-- > 0;) {
			size_t tt = se->target_toks[k];
			if (tt >= i || i - tt > 10)
				continue;
			bool crosses = false;
			for (size_t q = tt; q < i && !crosses; q++)
				crosses = tok_clause_break(d, q);
			if (!crosses && (!se->target || strcmp(se->targets[k], se->target) != 0 || tt != se->target_tok) &&
			    (se->ev < 0 || !d->events.items[se->ev].target || strcmp(d->events.items[se->ev].target, se->targets[k]) != 0)) {
				subject = event_for_target(d, sent, se->type && incident_type(se->type) ? se->type : "attack", se->targets[k], se->place,
				                           d->seg.tokens[tt].start);
			}
			break;
		}
		uint8_t kind = CR_SUBJ_EVENT;
		if (subject < 0 && se->same_para_event && (int)sent - d->last_event_sent <= 2)
			subject = d->last_event;
		if (subject < 0 && se->place >= 0) {
			subject = se->place;
			kind = CR_SUBJ_ENTITY;
		}
		/* "Dozens were injured, according to the Red Cross": with no event or
		 * se->place in sight, the one incident the article has reported so far */
		if (subject < 0) {
			int only = -1, count = 0;
			for (size_t k = 0; k < d->events.len; k++)
				if (incident_type(d->events.items[k].type)) {
					only = (int)k;
					count++;
				}
			if (count == 1)
				subject = only;
		}
		if (subject < 0)
			continue;
		const cr_number *n = &d->nums[j];
		cr_lclaim *c = new_claim(d, sent, i, pred, kind, subject);
		/* a figure for one se->place of a disaster that struck several ("more than
		 * 30,000 in Sri Lanka"): the se->place it counts, as the claim's entity */
		if (kind == CR_SUBJ_EVENT && disaster_type(d->events.items[subject].type)) {
			/* the one se->place named right after the figure ("30,000 people in Sri
			 * Lanka"); "across Turkey and Syria" names two, so no one se->place */
			int where = -1, places = 0;
			for (size_t k = b; k < end && k < b + 8 && !tok_clause_break(d, k); k++) {
				int e = mention_entity_at(d, k);
				if (e < 0 || d->ents.items[e].type != CR_E_PLACE || (k > b && mention_entity_at(d, k - 1) == e))
					continue;
				if (e != where)
					places++;
				where = e;
			}
			if (places == 1 && where != d->events.items[subject].place)
				c->value_entity = where;
		}
		c->has_number = true;
		c->has_low = n->has_low;
		c->has_high = n->has_high;
		c->low = n->low;
		c->high = n->high;
		claim_set_text(c, d->text + n->start, n->end - n->start);
		char cc[3];
		int where = kind == CR_SUBJ_EVENT ? d->events.items[subject].place : subject;
		if (figure_scope(d, b, end, c->value_entity >= 0 ? c->value_entity : where, cc)) {
			memcpy(c->scope, cc, 3);
			/* the words say whom it counts: "41 Britons" */
			size_t k = b;
			while (k + 1 < end && k < b + 2 && tok_capitalised(d, k + 1) && !tok_clause_break(d, k + 1))
				k++;
			if (k + 1 < end && person_noun(d, k + 1))
				k++;
			claim_set_text(c, d->text + n->start, d->seg.tokens[k].end - n->start);
		}
		c->modality = clause_modality(d, sent, i, false);
		i = b - 1;
	}
}
