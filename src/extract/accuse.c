/*
 * accuse.c: who is said to be responsible for which event.
 *
 * A cue from data/lexicon/accusation.tsv ("ordered", "orchestrated",
 * "accused of", "hold ... responsible", "ordered by") names the accused by
 * its position: the subject before it, the object after the verb ("hold X
 * responsible", "accuses him of"), or the agent after "by". The events are
 * the targets and event words that follow in the same sentence ("ordered
 * the bombing of a children's hospital, the drama theatre"): one claim per
 * event. A cue with no event word after it within a few words ("led to
 * promotion") says nothing here. The accuser of "X holds Y responsible" is
 * the claim's source; explicit accusation words make it "alleged", a hedge
 * in the clause ("believed to have") "uncertain".
 */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

static bool accusation_word(const xdoc *d, size_t i, size_t end)
{
	size_t n;
	long r = phrase_at(d, d->x->cues, i, end, &n);
	return r >= 0 && strcmp(phrase_class(d->x->cues, r), "accuse") == 0;
}

/* An incident word ("bombing", "strike"), not a personal event ("appointed"). */
static const char *event_word(const xdoc *d, size_t i)
{
	const char *t = trigger_type(d, i);
	return t && incident_type(t) ? t : NULL;
}

static int place_in(const xdoc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		int e = mention_entity_at(d, i);
		if (e >= 0 && d->ents.items[e].type == CR_E_PLACE)
			return e;
	}
	return -1;
}

void find_accusations(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	for (size_t i = first; i < end; i++) {
		size_t n;
		long r = phrase_at(d, d->x->accuse, i, end, &n);
		if (r < 0)
			continue;
		const char *where = phrase_class(d->x->accuse, r);
		size_t after = i + n;
		int accused = -1, accuser = -1;
		size_t accuser_a = 0, accuser_b = 0;
		if (strcmp(where, "agent") == 0) {
			accused = entity_after(d, after, CR_MIN(end, after + 4), TYPE_BIT(CR_E_PERSON) | TYPE_BIT(CR_E_ORG));
			if (accused < 0 && after < end)
				accused = resolve_pronoun(d, sent, after);
		} else if (strcmp(where, "object") == 0) {
			/* hold X (directly) responsible for / accuses X of */
			size_t k = after;
			if (k < end)
				accused = mention_entity_at(d, k);
			/* "charged former oil minister Adebayo Okonkwo with": over the role words */
			for (size_t q = after; accused < 0 && q < end && q < after + 5 && d->seg.tokens[q].kind == CR_TOK_WORD; q++) {
				int e = mention_entity_at(d, q);
				if (e >= 0 && d->ents.items[e].type == CR_E_PERSON) {
					accused = e;
					k = q;
					while (k < end && mention_entity_at(d, k) == e)
						k++;
					after = k;
				}
			}
			/* "X accused him": him is not X; look before the sentence */
			if (accused < 0 && k < end && resolve_pronoun(d, sent, k) >= 0)
				accused = recent_person(d, sent, first);
			while (k < end && k < after + 6 && !tok_is(d, k, "responsible") && !tok_is(d, k, "of") &&
			       !tok_is(d, k, "with") && !tok_is(d, k, "for"))
				k++;
			if (k >= end || k >= after + 6)
				continue;
			after = k + 1 + (tok_is(d, k, "responsible") && k + 1 < end && tok_is(d, k + 1, "for"));
			/* the accuser: the words before the verb */
			size_t a = i;
			while (a > first && i - a < 5 && !tok_is(d, a - 1, ",") && !tok_clause_break(d, a - 1) &&
			       !tok_is(d, a - 1, "and") && !tok_is(d, a - 1, "that"))
				a--;
			accuser = entity_after(d, a, i, ~0);
			/* "X, spokesman for Y, accused him of": the name before the comma */
			if (accuser < 0 && a == i && a > first + 1 && tok_is(d, a - 1, ",")) {
				accuser = mention_entity_at(d, a - 2);
				a = a - 2;
				while (a > first && mention_entity_at(d, a - 1) == accuser && accuser >= 0)
					a--;
			}
			accuser_a = a;
			accuser_b = i + 1;
		} else {
			for (size_t k = i; k-- > first && k + 12 > i;) {
				size_t rn;
				long rr = phrase_at(d, d->x->cues, k, end, &rn);
				if (tok_clause_break(d, k) || tok_is(d, k, "that") ||
				    (rr >= 0 && strcmp(phrase_class(d->x->cues, rr), "report") == 0))
					break;
				int e = mention_entity_at(d, k);
				if (e >= 0 && d->ents.items[e].type == CR_E_PERSON) {
					accused = e;
					break;
				}
				if ((accused = resolve_pronoun(d, sent, k)) >= 0)
					break;
			}
			if (accused < 0 && (tok_is(d, i, "accused") || (i > first && tok_is(d, i - 1, "believed")) ||
			                    (i > first + 1 && tok_is(d, i - 2, "believed"))))
				accused = d->main_person;
			if (accused < 0 && person_at_or_before(d, sent, end) < 0)
				accused = d->main_person;
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
		const char *type = NULL;
		int made = 0;
		size_t last = after;
		if (strcmp(where, "agent") == 0) {
			/* "the strike on the school, believed to have been ordered by X": the
			 * event was named before the cue, as this sentence's event */
			if (d->last_event >= 0 && d->last_event_sent == (int)sent) {
				cr_lclaim *c = new_claim(d, sent, i, "responsible_for", CR_SUBJ_ENTITY, accused);
				c->value_event = d->last_event;
				claim_set_text(c, tok_text(d, i), d->seg.tokens[after - 1].end - d->seg.tokens[i].start);
				c->modality = clause_modality(d, sent, i, explicit_accusation);
				made++;
				last = after;
			}
			i = after - 1;
			continue;
		}
		for (size_t k = after; k < stop; k++) {
			size_t tn;
			long tr = phrase_at(d, d->x->targets, k, stop, &tn);
			const char *ew = event_word(d, k);
			if (ew && !type)
				type = ew;
			if (tr < 0 && !(ew && k < limit && made == 0))
				continue;
			if (tr < 0) {
				/* an event word with no target after it: "orchestrated a similar attack in Syria" */
				bool target_follows = false;
				for (size_t q = k + 1; q < stop && q < k + 6; q++)
					target_follows |= phrase_at(d, d->x->targets, q, stop, NULL) >= 0;
				if (target_follows)
					continue;
			}
			int place = place_in(d, k, CR_MIN(stop, k + 8));
			if (place < 0 && d->last_place >= 0 && (int)sent - d->last_place_sent <= 2 &&
			    d->seg.sentences[d->last_place_sent].paragraph == se->paragraph)
				place = d->last_place;
			int ev;
			if (tr >= 0) {
				ev = event_for_target(d, sent, type ? type : "attack", phrase_class(d->x->targets, tr), place,
				                      d->seg.tokens[k].start);
			} else {
				ev = event_for_target(d, sent, ew, NULL, place, d->seg.tokens[k].start);
			}
			size_t ve = tr >= 0 ? k + tn : k + 1;
			cr_lclaim *c = new_claim(d, sent, i, "responsible_for", CR_SUBJ_ENTITY, accused);
			c->value_event = ev;
			/* the cue and the words that name this event: "ordered the bombing of ... drama theatre" */
			if (made == 0) {
				claim_set_text(c, tok_text(d, i), d->seg.tokens[ve - 1].end - d->seg.tokens[i].start);
			} else {
				size_t cue_end = d->seg.tokens[i + n - 1].end, ts = k;
				if (ts > 0 && (tok_is(d, ts - 1, "the") || tok_is(d, ts - 1, "a")))
					ts--;
				cr_buf vb = {0};
				cr_buf_append(&vb, tok_text(d, i), cue_end - d->seg.tokens[i].start);
				cr_buf_puts(&vb, " … ");
				cr_buf_append(&vb, tok_text(d, ts), d->seg.tokens[ve - 1].end - d->seg.tokens[ts].start);
				free(c->value_text);
				c->value_text = cr_buf_detach(&vb);
			}
			last = ve;
			if (accuser >= 0 && !d->attr[sent].text) {
				c->source = accuser;
				free(c->attribution);
				c->attribution = cr_xstrndup(tok_text(d, accuser_a),
				                             d->seg.tokens[accuser_b - 1].end - d->seg.tokens[accuser_a].start);
			}
			c->modality = clause_modality(d, sent, i, explicit_accusation);
			if (c->modality == CR_MODAL_ASSERTED && c->attribution)
				c->modality = CR_MODAL_REPORTED;
			made++;
			k = ve - 1;
		}
		/* the cues inside what this one consumed ("accused of ordering") are not read again */
		i = (made ? last : after) - 1;
	}
}
