/*
 * attribution.c: who each sentence's statements come from, and how firmly.
 *
 * Quotations first: a run of quoted words belongs to the speaker named by a
 * reporting verb before the opening mark ("X said: “...") or right after
 * the closing one (“...,” she tweeted / “...” said X); a quotation that
 * opens a paragraph with no speaker continues the previous paragraph's
 * speaker. Then reported clauses: "according to X", and "X said / told /
 * estimates ..." where X is the name (or the few words, like "Ukrainian
 * authorities") before the verb, stepping over an appositive ("X, head of
 * Y, said"). A sentence without either is the outlet's own assertion.
 *
 * Modality is decided per clause: a hedge ("probably", "believed to") or a
 * denial covers the clause it stands in, not the paragraph; accusation
 * language ("accused of", "hold ... responsible", "claims") covers its
 * sentence; otherwise an attributed statement is "reported".
 */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

static char *span_text(xdoc *d, size_t a, size_t b)
{
	if (a >= b)
		return NULL;
	return cr_arena_strndup(d->arena, tok_text(d, a), d->seg.tokens[b - 1].end - d->seg.tokens[a].start);
}

/* a place's name or the full stop of its abbreviation ("Colo.") */
static bool ent_place(const xdoc *d, size_t i)
{
	int e = cr_mention_entity_at(d, i);
	return (e >= 0 && d->ents.items[e].type == CR_E_PLACE) || (tok_punct(d, i, '.') && i > 0 && cr_mention_entity_at(d, i - 1) >= 0);
}

/* "she tweeted": the person the pronoun stands for, else the subject of a
 * sentence just before (in narration), else the last speaker of the passage. */
static int pronoun_speaker(const xdoc *d, size_t sent, size_t tok)
{
	int e = cr_resolve_pronoun(d, sent, tok);
	if (e >= 0 || !(tok_is(d, tok, "he") || tok_is(d, tok, "she")))
		return e;
	size_t para = d->seg.sentences[sent].paragraph;
	for (size_t s = sent; s-- > 0 && sent - s <= 3;) {
		const cr_sentence *ps = &d->seg.sentences[s];
		if (ps->paragraph + 1 < para)
			break;
		size_t a = ps->first_token, b = a + ps->ntokens, at;
		while (a < b && d->tok_quoted[a])
			a++;
		int p = cr_subject_in(d, a, b, &at);
		if (p >= 0 && !d->tok_quoted[at])
			return p;
		if (ent_person(d, d->attr[s].source))
			return d->attr[s].source;
	}
	return -1;
}

/* A reporting verb that reports nothing: an infinitive or a conditional
 * ("difficult to say", "would say"), an adjective ("for previous reported"). */
static bool no_statement(const xdoc *d, size_t first, size_t v)
{
	static const char *const w[] = {"to", "would", "could", "should", "might", "may", "will", "can", "for",
	                                "previous", "previously", "the", "a", "an", "of"};
	return v > first && cr_tok_word_in(d, v - 1, w, CR_ARRAY_LEN(w));
}

/* "was (first) reported by X": the agent is the source; a passive without one is nobody's statement. */
static bool passive_report(const xdoc *d, size_t first, size_t v)
{
	static const char *const w[] = {"was", "were", "been", "being", "is", "are", "be"};
	static const char *const adv[] = {"first", "widely", "previously", "initially", "also", "earlier", "later"};
	size_t k = v;
	while (k > first && cr_tok_word_in(d, k - 1, adv, CR_ARRAY_LEN(adv)))
		k--;
	return k > first && cr_tok_word_in(d, k - 1, w, CR_ARRAY_LEN(w));
}

/* "reports", "estimates", "claims", "charges": a noun as often as a verb; as a verb it has a named subject */
static bool noun_like_cue(const xdoc *d, size_t v)
{
	static const char *const w[] = {"reports", "report", "estimates", "estimate", "estimated", "claims", "claim",
	                                "charge", "charges"};
	return cr_tok_word_in(d, v, w, CR_ARRAY_LEN(w));
}

/* "Officials, who ..., said": a short noun phrase ending at token e, back to
 * `from` or a comma, as the subject of the verb at v. */
static bool noun_subject(xdoc *d, size_t from, size_t e, sent_attr *at, size_t v, size_t vlen)
{
	size_t s0 = e;
	while (s0 > from && !tok_punct(d, s0 - 1, ',') && e - s0 < 5)
		s0--;
	if (s0 == e || e - s0 > 4 || (s0 > from && !tok_punct(d, s0 - 1, ',')))
		return false;
	int src = -1;
	for (size_t i = s0; i < e; i++) {
		if (d->seg.tokens[i].kind != CR_TOK_WORD || (cr_tok_stop_word(d, i) && !tok_is(d, i, "the")))
			return false;
		int m = cr_mention_entity_at(d, i);
		if (m >= 0 && d->ents.items[m].type != CR_E_PLACE)
			src = m;
	}
	cr_buf b = {0};
	cr_buf_append(&b, tok_text(d, s0), d->seg.tokens[e - 1].end - d->seg.tokens[s0].start);
	cr_buf_putc(&b, ' ');
	cr_buf_append(&b, tok_text(d, v), d->seg.tokens[v + vlen - 1].end - d->seg.tokens[v].start);
	at->text = cr_arena_strndup(d->arena, b.data, b.len);
	cr_buf_free(&b);
	at->source = src;
	at->verb_tok = (uint32_t)v;
	return true;
}

/* The subject of a reporting verb at v, searching back to `from`. Sets the
 * source entity and the attribution text (subject words + verb). */
static bool subject_before(xdoc *d, size_t sent, size_t from, size_t v, size_t vlen, sent_attr *at)
{
	/* the subject's words: back to a comma, a quote, a clause break, a relative or
	 * subordinating word, or an "and" that joins clauses rather than names */
	static const char *const stops[] = {"that", "who", "which", "whose", "where", "when", "while", "after"};
	size_t a = v;
	while (a > from && !tok_punct(d, a - 1, ',') && !tok_quote_mark(d, a - 1) && !cr_tok_clause_break(d, a - 1) &&
	       !cr_tok_word_in(d, a - 1, stops, CR_ARRAY_LEN(stops)) &&
	       !(tok_is(d, a - 1, "and") && a >= from + 2 && cr_mention_entity_at(d, a - 2) < 0) && v - a < 8)
		a--;
	int src = -1;
	for (size_t i = a; i < v; i++) {
		int e = cr_mention_entity_at(d, i);
		if (e >= 0 && d->ents.items[e].type != CR_E_PLACE)
			src = e;
		else if (e >= 0 && src < 0)
			src = e;
	}
	if (src < 0 && v > a)
		src = pronoun_speaker(d, sent, v - 1);
	/* "the U. S. Geological Survey in Golden, Colo., said": over a place in apposition */
	if (a == v && a > from + 2 && tok_punct(d, a - 1, ',')) {
		size_t k = a - 1;
		while (k > from && ent_place(d, k - 1))
			k--;
		if (k < a - 1 && k > from + 1 && tok_punct(d, k - 1, ',') && ent_place(d, k - 2)) {
			size_t b0 = k - 1;
			while (b0 > from && !tok_punct(d, b0 - 1, ',') && !cr_tok_clause_break(d, b0 - 1) &&
			       !cr_tok_word_in(d, b0 - 1, stops, CR_ARRAY_LEN(stops)) && k - b0 < 10)
				b0--;
			int place_src = -1;
			for (size_t i = b0; i < k - 1; i++) {
				int e = cr_mention_entity_at(d, i);
				if (e >= 0 && d->ents.items[e].type != CR_E_PLACE)
					place_src = e;
			}
			if (place_src >= 0) {
				at->source = place_src;
				at->text = span_text(d, b0, v + vlen);
				at->verb_tok = (uint32_t)v;
				return true;
			}
		}
	}
	/* "X, head of Y, said": the appositive names the role, X the speaker */
	if (a == v && a > from + 1 && tok_punct(d, a - 1, ',')) {
		size_t c = a - 1;
		int before = cr_mention_entity_at(d, c - 1);
		if (before < 0 || d->ents.items[before].type != CR_E_PERSON) {
			size_t k = c;
			while (k > from && !tok_punct(d, k - 1, ',') && c - k < 15)
				k--;
			if (k > from + 1 && tok_punct(d, k - 1, ',')) {
				before = cr_mention_entity_at(d, k - 2);
				/* "X, 66, a resident of Y, said": over the apposed age */
				bool appositive = tok_is(d, k, "a") || tok_is(d, k, "an") || tok_is(d, k, "the") ||
				                  cr_role_class(d, k) != ROLE_NONE || cr_tok_capitalised(d, k);
				if (!ent_person(d, before) && appositive && k > from + 3 && d->tok_num[k - 2] >= 0 &&
				    tok_punct(d, k - 3, ',')) {
					before = cr_mention_entity_at(d, k - 4);
					if (ent_person(d, before))
						k -= 2;
				}
				if (ent_person(d, before))
					a = k;
				else if (tok_is(d, k, "who") && noun_subject(d, from, k - 1, at, v, vlen))
					return true;   /* "Officials, who may revise the count, said" */
			}
		}
		if (before >= 0 && d->ents.items[before].type == CR_E_PERSON) {
			src = before;
			size_t s0 = a - 2;
			while (s0 > from && cr_mention_entity_at(d, s0 - 1) == before)
				s0--;
			at->source = src;
			cr_buf b = {0};
			cr_buf_append(&b, tok_text(d, s0), d->seg.tokens[a - 2].end - d->seg.tokens[s0].start);
			cr_buf_putc(&b, ' ');
			cr_buf_append(&b, tok_text(d, v), d->seg.tokens[v + vlen - 1].end - d->seg.tokens[v].start);
			at->text = cr_arena_strndup(d->arena, b.data, b.len);
			cr_buf_free(&b);
			at->verb_tok = (uint32_t)v;
			return true;
		}
	}
	if (a == v && src < 0)
		return false;
	/* "unfounded reports", "asked for psychiatric reports": as a verb it follows its subject,
	 * a name or a pronoun, or people of a role closing the clause (", prosecutors charge.") */
	bool closing = v + vlen >= d->seg.ntokens || d->seg.tokens[v + vlen].kind != CR_TOK_WORD;
	bool role_subject = v > 0 && closing && (cr_role_class(d, v - 1) != ROLE_NONE || cr_tok_in(d, v - 1, d->x->person_nouns));
	if (noun_like_cue(d, v) && !role_subject &&
	    (src < 0 || (cr_mention_entity_at(d, v - 1) < 0 && !tok_is(d, v - 1, "he") && !tok_is(d, v - 1, "she") &&
	                 !tok_is(d, v - 1, "they"))))
		return false;
	at->source = src;
	at->text = span_text(d, a, v + vlen);
	at->verb_tok = (uint32_t)v;
	return true;
}

/* "said Sladkov", "said the ministry", "said Chief of Detectives X", "said
 * sheriff's spokesman X", "was reported by X": the subject after the verb, over titles. */
static bool subject_after(xdoc *d, size_t v, size_t vlen, size_t end, sent_attr *at)
{
	size_t i = v + vlen;
	if (i < end && tok_is(d, i, "by"))
		i++;
	size_t q = i;
	while (q < end && q < i + 6 && cr_mention_entity_at(d, q) < 0 && !d->tok_quoted[q] &&
	       (cr_role_class(d, q) != ROLE_NONE || cr_phrase_at(d, d->x->titles, q, end, NULL) >= 0 || tok_is(d, q, "the") ||
	        tok_possessive(d, q) || tok_is(d, q, ".") || (tok_is(d, q, "of") && q > i) ||
	        (cr_tok_capitalised(d, q) && q + 1 < end && !tok_punct(d, q + 1, ','))))
		q++;
	int e = q < end ? cr_mention_entity_at(d, q) : -1;
	if (e < 0)
		return false;
	/* "said DA spokesman X": the person after the organisation's role */
	if (!ent_person(d, e)) {
		size_t r = q;
		while (r < end && cr_mention_entity_at(d, r) == e)
			r++;
		size_t t = r;
		while (t < end && t < r + 3 && cr_role_class(d, t) != ROLE_NONE)
			t++;
		if (t > r && t < end && ent_person(d, cr_mention_entity_at(d, t))) {
			e = cr_mention_entity_at(d, t);
			q = t;
		}
	}
	size_t b = q;
	while (b < end && cr_mention_entity_at(d, b) == e)
		b++;
	at->source = e;
	at->text = span_text(d, v, b);
	at->verb_tok = (uint32_t)v;
	return true;
}

/* A reporting verb at i (n words), or "put ... at N" ("the USGS put the quake's strength at 5.4"). */
static bool statement_verb(const xdoc *d, size_t i, size_t end, size_t *n)
{
	if (cr_tok_report_verb(d, i, end, n))
		return true;
	/* "X alleged that ...", "X claims that ...": an accuser speaks */
	if (i + 1 < end && ANY_OF(d, i, "alleged", "alleges", "claimed", "claims", "claim", "allege") && tok_is(d, i + 1, "that")) {
		*n = 1;
		return true;
	}
	if (!tok_is(d, i, "put") && !tok_is(d, i, "puts") && !tok_is(d, i, "putting"))
		return false;
	for (size_t k = i + 1; k + 1 < end && k < i + 7; k++)
		if (tok_is(d, k, "at") && (d->tok_num[k + 1] >= 0 || d->tok_num[CR_MIN(k + 2, end - 1)] >= 0)) {
			*n = 1;
			return true;
		}
	return false;
}

/* The aside of sentence s: attribution `in` covering tokens [from, to). */
static void set_aside(xdoc *d, size_t s, const sent_attr *in, size_t from, size_t to)
{
	sent_attr *a = cr_arena_alloc(d->arena, sizeof *a);
	*a = *in;
	d->attr[s].aside = a;
	d->attr[s].aside_from = (uint32_t)from;
	d->attr[s].aside_to = (uint32_t)to;
}

/* "X said ..., but the USGS in Golden, Colo., said it was 6.1": a clause after "but"
 * or ";" with a reporting verb and subject of its own speaks for that source. */
static void clause_attribution(xdoc *d, size_t s)
{
	const cr_sentence *se = &d->seg.sentences[s];
	size_t first = se->first_token, end = first + se->ntokens;
	if (d->attr[s].aside || !d->attr[s].text || d->attr[s].quoted || d->attr[s].verb_tok == UINT32_MAX)
		return;
	for (size_t k = d->attr[s].verb_tok + 1; k < end; k++) {
		if (!(tok_is(d, k, "but") || tok_punct(d, k, ';')) || d->tok_quoted[k])
			continue;
		size_t to = k + 1;
		while (to < end && !tok_is(d, to, "but") && !tok_punct(d, to, ';'))
			to++;
		for (size_t v = k + 1; v < to; v++) {
			size_t n;
			sent_attr in = {-1, NULL, UINT32_MAX, false, NULL, 0, 0};
			if (d->tok_quoted[v] || !statement_verb(d, v, to, &n) || no_statement(d, k + 1, v) || passive_report(d, k + 1, v) ||
			    !subject_before(d, s, k + 1, v, n, &in))
				continue;
			set_aside(d, s, &in, k + 1, to);
			return;
		}
	}
}

/* "(the Post says three people were injured)": a parenthesis whose own
 * reporting verb has a subject inside it speaks for that source. */
static void parenthesis_attribution(xdoc *d, size_t s)
{
	const cr_sentence *se = &d->seg.sentences[s];
	size_t first = se->first_token, end = first + se->ntokens;
	for (size_t o = first; o < end; o++) {
		if (!tok_punct(d, o, '(') || d->tok_quoted[o])
			continue;
		size_t c = o + 1;
		while (c < end && !tok_punct(d, c, ')') && !tok_punct(d, c, '('))
			c++;
		if (c >= end || !tok_punct(d, c, ')'))
			return;
		for (size_t v = o + 1; v < c; v++) {
			size_t n;
			sent_attr in = {-1, NULL, UINT32_MAX, false, NULL, 0, 0};
			if (!cr_tok_report_verb(d, v, c, &n) || no_statement(d, o + 1, v) || !subject_before(d, s, o + 1, v, n, &in) ||
			    in.verb_tok == (uint32_t)d->attr[s].verb_tok)
				continue;
			set_aside(d, s, &in, o + 1, c);
			return;
		}
		o = c;
	}
}

static void sentence_attribution(xdoc *d, size_t s)
{
	const cr_sentence *se = &d->seg.sentences[s];
	size_t first = se->first_token, end = first + se->ntokens;
	sent_attr *at = &d->attr[s];
	for (size_t i = first; i < end; i++) {
		if (d->tok_quoted[i])
			continue;
		size_t n;
		if (tok_is(d, i, "according") && i + 1 < end && tok_is(d, i + 1, "to")) {
			size_t b = i + 2;
			while (b < end && !tok_punct(d, b, ',') && !tok_punct(d, b, '-') && !cr_tok_clause_break(d, b) && b < i + 12)
				b++;
			while (b > i + 2 && (tok_punct(d, b - 1, '.') || tok_punct(d, b - 1, ':') || tok_punct(d, b - 1, ';')))
				b--;
			at->source = cr_entity_after(d, i + 2, b, TYPE_BIT(CR_E_PERSON) | TYPE_BIT(CR_E_ORG) | TYPE_BIT(CR_E_OTHER) |
			                                           TYPE_BIT(CR_E_PLACE));
			at->text = span_text(d, i, b);
			at->verb_tok = (uint32_t)i;
			return;
		}
		if (!statement_verb(d, i, end, &n) || no_statement(d, first, i))
			continue;
		/* "(as) reported by X": the agent */
		if (i + n < end && tok_is(d, i + n, "by")) {
			if (subject_after(d, i, n, end, at))
				return;
			continue;
		}
		if (passive_report(d, first, i))
			continue;
		/* a bare "state"/"report" noun is no verb: need a subject or a complement */
		if (subject_before(d, s, first, i, n, at) || subject_after(d, i, n, end, at))
			return;
	}
}

/* The speaker of the quotation whose marks are at tokens open..close. */
static bool quote_speaker(xdoc *d, size_t open, size_t close, sent_attr *at)
{
	size_t so = (size_t)d->tok_sent[open];
	const cr_sentence *se = &d->seg.sentences[so];
	size_t n;
	/* before: "X said: “...", "X, head of Y, tweeted a photo and said: “..." (the
	 * first reporting verb of the clause carries the subject) */
	size_t from = open;
	while (from > se->first_token && !d->tok_quoted[from - 1])
		from--;
	for (size_t i = from; i < open; i++) {
		if (cr_tok_report_verb(d, i, open, &n) && subject_before(d, so, from, i, n, at))
			return true;
	}
	/* after: “...,” she tweeted / “...” said X / “...” X told ... */
	if (close < d->seg.ntokens) {
		size_t sc = (size_t)d->tok_sent[close];
		const cr_sentence *sce = &d->seg.sentences[sc];
		size_t end = sce->first_token + sce->ntokens;
		/* the speaker may also open the next sentence: “...” He said. */
		if (close + 1 >= end && sc + 1 < d->seg.nsentences &&
		    d->seg.sentences[sc + 1].paragraph == sce->paragraph) {
			sc++;
			sce = &d->seg.sentences[sc];
			end = sce->first_token + sce->ntokens;
		}
		for (size_t i = close + 1; i < end && i < close + 8; i++) {
			if (d->tok_quoted[i] || tok_quote_mark(d, i))
				break;
			if (cr_tok_report_verb(d, i, end, &n) &&
			    (subject_before(d, sc, close + 1, i, n, at) || subject_after(d, i, n, end, at)))
				return true;
		}
	}
	return false;
}

/* A sentence that is only "According to X" gives its source to the
 * sentence it introduces ("According to local media:" / a line without a
 * full stop) or, ending in a full stop ("That's according to police."), to
 * the one before, when that sentence names no source of its own. */
static void attribution_across(xdoc *d, size_t s)
{
	const cr_sentence *se = &d->seg.sentences[s];
	size_t first = se->first_token, end = first + se->ntokens;
	size_t k = first;
	if (k + 2 < end && (tok_is(d, k, "that's") || tok_is(d, k, "that") || tok_is(d, k, "this"))) {
		k++;
		if (tok_is(d, k, "'s") || tok_is(d, k, "is"))
			k++;
	}
	if (k + 2 >= end || !tok_is(d, k, "according") || !tok_is(d, k + 1, "to") || d->tok_quoted[k])
		return;
	size_t last = end - 1;
	bool stop = tok_is(d, last, ".");
	bool colon = tok_is(d, last, ":");
	for (size_t i = k + 2; i < end - (stop || colon); i++)
		if (tok_punct(d, i, ',') || cr_tok_clause_break(d, i))
			return;   /* "According to X, ...": the sentence's own clause */
	bool back = stop;
	size_t t = back ? s - 1 : s + 1;
	if ((back && s == 0) || t >= d->seg.nsentences)
		return;
	size_t pa = d->seg.sentences[t].paragraph, pb = se->paragraph;
	if ((pa > pb ? pa - pb : pb - pa) > 1 || d->attr[t].text)
		return;
	d->attr[t] = d->attr[s];
	d->attr[t].verb_tok = UINT32_MAX;   /* the whole sentence */
	d->attr[t].aside = NULL;
}

void cr_find_attribution(xdoc *d)
{
	size_t ns = d->seg.nsentences;
	d->attr = cr_arena_alloc(d->arena, (ns + 1) * sizeof *d->attr);
	for (size_t s = 0; s < ns; s++) {
		d->attr[s].source = -1;
		d->attr[s].verb_tok = UINT32_MAX;
	}
	for (size_t s = 0; s < ns; s++) {
		sentence_attribution(d, s);
		parenthesis_attribution(d, s);
		clause_attribution(d, s);
	}
	for (size_t s = 0; s < ns; s++)
		if (d->attr[s].text)
			attribution_across(d, s);
	/* quotations override: their words are the speaker's */
	sent_attr prev = {-1, NULL, UINT32_MAX, false, NULL, 0, 0};
	size_t prev_para = SIZE_MAX;
	size_t nt = d->seg.ntokens;
	for (size_t i = 0; i < nt; i++) {
		if (!d->tok_quoted[i] || (i > 0 && d->tok_quoted[i - 1]))
			continue;
		size_t open = i, close = i;
		while (close < nt && d->tok_quoted[close])
			close++;
		if (close - i < 4)   /* a scare quote or a nickname, not speech */
			continue;
		sent_attr at = {-1, NULL, UINT32_MAX, true, NULL, 0, 0};
		size_t para = d->seg.sentences[d->tok_sent[i]].paragraph;
		if (!quote_speaker(d, open, close, &at)) {
			if (prev.text && prev_para != SIZE_MAX && para <= prev_para + 1)
				at = prev;
			else
				continue;
		}
		at.quoted = true;
		for (size_t s = (size_t)d->tok_sent[i]; s < ns && d->seg.sentences[s].first_token < close; s++)
			d->attr[s] = at;
		prev = at;
		prev_para = d->seg.sentences[d->tok_sent[close < nt ? close : nt - 1]].paragraph;
		i = close;
	}
}

/* ", and ..." / ", while ...": a comma that opens a new clause */
static bool comma_clause(const xdoc *d, size_t i, size_t end)
{
	return i + 1 < end && tok_punct(d, i, ',') &&
	       (tok_is(d, i + 1, "and") || tok_is(d, i + 1, "while") || tok_is(d, i + 1, "whereas"));
}

/* The clause around tok: [*a, *b). */
static void clause_of(const xdoc *d, size_t sent, size_t tok, size_t *a, size_t *b)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	*a = *b = tok;
	while (*a > first && !cr_tok_clause_break(d, *a - 1) && !comma_clause(d, *a - 1, end))
		(*a)--;
	while (*b < end && !cr_tok_clause_break(d, *b) && !comma_clause(d, *b, end))
		(*b)++;
}

/* The relative clause set off by commas around token i (", who denies it,"):
 * [*a, *b), or false when i stands in none. */
static bool relative_clause(const xdoc *d, size_t first, size_t end, size_t i, size_t *a, size_t *b)
{
	static const char *const rel[] = {"who", "which", "whose", "whom"};
	size_t p = i, q = i;
	while (p > first && !tok_punct(d, p - 1, ','))
		p--;
	while (q < end && !tok_punct(d, q, ','))
		q++;
	if (p == first || !cr_tok_word_in(d, p, rel, CR_ARRAY_LEN(rel)))
		return false;
	*a = p;
	*b = q;
	return true;
}

/* "The quake claimed 300 lives", "claimed the lives of": a toll, no claim
 * anyone makes. */
static bool claimed_lives(const xdoc *d, size_t i, size_t end)
{
	if (!ANY_OF(d, i, "claimed", "claims", "claim", "claiming"))
		return false;
	for (size_t k = i + 1; k < end && k <= i + 5; k++)
		if (ANY_OF(d, k, "lives", "life", "victims"))
			return true;
	return false;
}

/* Hedges and denials count in tok's clause, but not from inside a relative
 * clause tok is not in ("X, who denies it, was convicted"); accusation
 * words, when accusation_spreads, anywhere in the sentence. */
/* covered: whether the claim is attributed, or -1 for the sentence's attribution to decide */
static uint8_t modality_at(const xdoc *d, size_t sent, size_t tok, bool accusation, bool accusation_spreads, int covered)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	size_t a, b;
	clause_of(d, sent, tok, &a, &b);
	bool hedge = false, deny = false, accuse = accusation;
	for (size_t i = first; i < end; i++) {
		size_t n;
		long r = cr_phrase_at(d, d->x->cues, i, end, &n);
		if (r < 0)
			continue;
		const char *cls = cr_phrase_class(d->x->cues, r);
		size_t ra, rb;
		bool in_clause = i >= a && i < b && !(relative_clause(d, first, end, i, &ra, &rb) && (tok < ra || tok >= rb));
		if (strcmp(cls, "hedge") == 0 && in_clause)
			hedge = true;
		else if (strcmp(cls, "deny") == 0 && in_clause)
			deny = true;
		else if (strcmp(cls, "accuse") == 0 && accusation_spreads && !claimed_lives(d, i, end))
			accuse = true;
	}
	if (deny)
		return CR_MODAL_DENIED;
	if (hedge)
		return CR_MODAL_UNCERTAIN;
	if (accuse)
		return CR_MODAL_ALLEGED;
	if (covered < 0)
		covered = cr_attribution_covers(d, sent, tok);
	return covered ? CR_MODAL_REPORTED : CR_MODAL_ASSERTED;
}

uint8_t cr_clause_modality(const xdoc *d, size_t sent, size_t tok, bool accusation)
{
	return modality_at(d, sent, tok, accusation, true, -1);
}

uint8_t cr_fact_modality(const xdoc *d, size_t sent, size_t tok)
{
	return modality_at(d, sent, tok, false, false, -1);
}

uint8_t cr_claim_modality(const xdoc *d, const cr_claim *c, size_t sent, size_t tok)
{
	return modality_at(d, sent, tok, false, false, c->attribution != NULL);
}

uint8_t cr_claim_clause_modality(const xdoc *d, const cr_claim *c, size_t sent, size_t tok)
{
	return modality_at(d, sent, tok, false, true, c->attribution != NULL);
}
