/*
 * common.c: what every pass of extract/ uses — phrase lists matched against
 * tokens, token tests (capitals, lexicon membership, clause breaks), and the
 * making of claims and event mentions, which take the sentence's attribution
 * and modality. Kept apart from the driver (analyze.c) so that the passes
 * (mentions, attribution, events, figures, profile, accusations) depend on
 * this file and not on the driver that calls them.
 */
#include "extract/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *cr_xstrfmt(const char *fmt, ...)
{
	cr_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	cr_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return cr_buf_detach(&b);
}

/* ---- phrases ------------------------------------------------------------- */

cr_phrases *cr_phrases_load(enum cr_data_id file)
{
	cr_phrases *p = cr_xcalloc(1, sizeof *p);
	p->lx = cr_lexicon_load(file, true);
	p->first = cr_map_new();
	size_t n = p->lx ? p->lx->nrows : 0;
	p->next = cr_xcalloc(n + 1, sizeof *p->next);
	p->words = cr_xcalloc(n + 1, sizeof *p->words);
	p->nwords = cr_xcalloc(n + 1, sizeof *p->nwords);
	/* insert in reverse so chains list rows in file order */
	for (size_t r = n; r-- > 0;) {
		char *phrase = p->lx->cols[r][0];
		size_t nw = 1;
		for (char *c = phrase; *c; c++)
			nw += *c == ' ';
		p->words[r] = cr_arena_alloc(p->lx->arena, nw * sizeof(char *));
		size_t k = 0;
		char *w = phrase;
		for (char *c = phrase;; c++) {
			if (*c == ' ' || *c == 0) {
				p->words[r][k++] = cr_arena_strndup(p->lx->arena, w, (size_t)(c - w));
				if (!*c)
					break;
				w = c + 1;
			}
		}
		p->nwords[r] = nw;
		intptr_t head = 0;
		cr_map_get(p->first, p->words[r][0], strlen(p->words[r][0]), &head);
		p->next[r] = (size_t)head;
		cr_map_put(p->first, p->words[r][0], strlen(p->words[r][0]), (intptr_t)(r + 1));
	}
	return p;
}

void cr_phrases_free(cr_phrases *p)
{
	if (!p)
		return;
	cr_lexicon_free(p->lx);
	cr_map_free(p->first);
	free(p->next);
	free(p->words);
	free(p->nwords);
	free(p);
}

long cr_phrase_at(const xdoc *d, const cr_phrases *p, size_t i, size_t end, size_t *n)
{
	intptr_t head;
	uint16_t bit = p == d->x->cues ? TB_CUES : p == d->x->accuse ? TB_ACCUSE : p == d->x->targets ? TB_TARGETS
	             : p == d->x->titles ? TB_TITLES : 0;
	if (!p->lx || i >= end || (bit && d->tok_bits && !(d->tok_bits[i] & bit)))
		return -1;
	if (!cr_map_get(p->first, d->low[i], d->lowlen[i], &head))
		return -1;
	long best = -1;
	size_t bestn = 0;
	for (size_t r1 = (size_t)head; r1; r1 = p->next[r1 - 1]) {
		size_t r = r1 - 1, k;
		if (i + p->nwords[r] > end || p->nwords[r] <= bestn)
			continue;
		for (k = 1; k < p->nwords[r]; k++)
			if (!tok_is(d, i + k, p->words[r][k]))
				break;
		if (k == p->nwords[r]) {
			best = (long)r;
			bestn = k;
		}
	}
	if (n)
		*n = bestn;
	return best;
}

const char *cr_phrase_class(const cr_phrases *p, long r)
{
	return r >= 0 && p->lx->ncols[r] > 1 ? p->lx->cols[r][1] : "";
}

bool cr_tok_capitalised(const xdoc *d, size_t i)
{
	unsigned char c = (unsigned char)tok_text(d, i)[0];
	if (cr_is_upper(c))
		return true;
	/* non-ASCII capitals (Cyrillic, accented Latin) */
	return c >= 0xC3 && d->low[i][0] != tok_text(d, i)[0];
}

bool cr_tok_in(const xdoc *d, size_t i, const cr_lexicon *lx)
{
	const cr_extractor *x = d->x;
	uint16_t bit = lx == x->triggers ? TB_TRIGGER : lx == x->casualty ? TB_CASUALTY : lx == x->person_nouns ? TB_PERSON_NOUN
	             : lx == x->roles ? TB_ROLE : lx == x->org_heads ? TB_ORG_HEAD : 0;
	if (bit && d->tok_bits)
		return (d->tok_bits[i] & bit) != 0;
	return lx && cr_lexicon_find(lx, d->low[i], d->lowlen[i]) >= 0;
}

/* "but 18 others were unaccounted for", "but rescuers confirmed": "but"
 * opens a clause; not when it joins two states or verbs of one subject
 * ("trapped but safe", "injured but not killed", "hurt but alive"). */
static bool but_opens_clause(const xdoc *d, size_t i)
{
	if (i + 1 >= d->seg.ntokens || d->tok_sent[i + 1] != d->tok_sent[i])
		return true;
	return !ANY_OF(d, i + 1, "not", "also", "safe", "alive", "unhurt", "unharmed", "uninjured", "stable", "conscious",
	               "well", "healthy", "intact", "free", "calm", "injured", "wounded", "hurt", "shaken", "lucky");
}

bool cr_tok_clause_break(const xdoc *d, size_t i)
{
	if (i >= d->seg.ntokens)
		return true;
	const char *t = tok_text(d, i);
	size_t n = tok_len(d, i);
	if (n == 1 && (*t == ';' || *t == ':' || *t == '(' || *t == ')'))
		return true;
	if ((n == 3 && memcmp(t, "\xE2\x80\x94", 3) == 0) || (n == 3 && memcmp(t, "\xE2\x80\x93", 3) == 0))
		return true;
	if (tok_is(d, i, "but"))
		return but_opens_clause(d, i);
	return tok_is(d, i, "although") || tok_is(d, i, "while") || tok_is(d, i, "whereas") || tok_is(d, i, "though");
}

/* ---- claims ---------------------------------------------------------------- */

/* Does the sentence's attribution cover token tok? A quotation's speaker covers
 * the quoted words only; a reporting verb covers its own clause and the
 * clauses it introduces, not one beyond ", but" or ";". */
/* The attribution that applies at token tok: a parenthesis's own, or the sentence's. */
static const sent_attr *attribution_at(const xdoc *d, size_t sent, size_t tok)
{
	const sent_attr *at = &d->attr[sent];
	return at->aside && tok >= at->aside_from && tok < at->aside_to ? at->aside : at;
}

bool cr_attribution_covers(const xdoc *d, size_t sent, size_t tok)
{
	const sent_attr *at = attribution_at(d, sent, tok);
	if (at != &d->attr[sent])
		return true;
	if (!at->text)
		return false;
	if (at->quoted)
		return tok >= d->seg.ntokens || d->tok_quoted[tok] || at->verb_tok == UINT32_MAX ||
		       d->tok_sent[at->verb_tok] != (int)sent;
	if (at->verb_tok == UINT32_MAX || tok >= d->seg.ntokens)
		return true;
	size_t a = CR_MIN(tok, at->verb_tok), b = CR_MAX(tok, at->verb_tok);
	/* "Noranda said 26 reached a lunch room but 18 others were unaccounted
	 * for": a "but" with no comma before it, after the verb, goes on with
	 * what the source says; ", but" and "but" before the verb do not */
	for (size_t i = a; i < b; i++)
		if ((tok_is(d, i, "but") && but_opens_clause(d, i) &&
		     !(i > at->verb_tok && i > 0 && !tok_punct(d, i - 1, ','))) ||
		    tok_is(d, i, ";"))
			return false;
	return true;
}

/*
 * Whether token tok lies in the words that name the source of attribution
 * at: the title before its name and the words between its name and the
 * reporting verb ("UK Foreign Secretary Jack Straw has said", "Reid, 33,
 * said"), or after the verb its name and an apposition ("said Jo Dee, a
 * police spokeswoman"). What they say of the source is the outlet's
 * description of who speaks, not something the source reports.
 */
#define SPEAKER_TITLE_WORDS 6
#define SPEAKER_APPOSITION_WORDS 12
static bool names_speaker(const xdoc *d, size_t sent, size_t tok, const sent_attr *at)
{
	if (at->source < 0 || at->quoted || at->verb_tok == UINT32_MAX || tok >= d->seg.ntokens || d->tok_quoted[tok] ||
	    d->tok_sent[at->verb_tok] != (int)sent)
		return false;
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens, v = at->verb_tok;
	/* the source's name nearest the verb */
	size_t name = SIZE_MAX;
	for (size_t k = first; k < end; k++)
		if (cr_mention_entity_at(d, k) == at->source &&
		    (name == SIZE_MAX || (k > v ? k - v : v - k) < (name > v ? name - v : v - name)))
			name = k;
	if (name == SIZE_MAX)
		return false;
	size_t lo, hi;
	if (name < v) {
		lo = name >= first + SPEAKER_TITLE_WORDS ? name - SPEAKER_TITLE_WORDS : first;
		hi = v;
	} else {
		lo = v;
		hi = CR_MIN(end, name + SPEAKER_APPOSITION_WORDS);
	}
	if (tok < lo || tok >= hi)
		return false;
	/* after the verb, a name that goes on into a clause is what is said, not who
	 * says it ("reports said Gary Ross would not return") */
	if (name > v) {
		size_t e = name;
		while (e < end && cr_mention_entity_at(d, e) == at->source)
			e++;
		if (e < end && d->seg.tokens[e].kind == CR_TOK_WORD && !tok_is(d, e, "of") && !tok_is(d, e, "from") &&
		    !tok_is(d, e, "in") && !tok_is(d, e, "at") && !tok_is(d, e, "for") && !tok_is(d, e, "and"))
			return false;
	}
	/* and nothing between it and the name that ends a clause */
	for (size_t i = CR_MIN(tok, name); i < CR_MAX(tok, name); i++)
		if (cr_tok_clause_break(d, i) || d->tok_quoted[i])
			return false;
	return true;
}

cr_claim *cr_new_claim(xdoc *d, size_t sent, size_t tok, const char *predicate, uint8_t subject_kind, int subject)
{
	cr_claim c = {0};
	bool covered = cr_attribution_covers(d, sent, tok);
	if (covered && subject_kind == CR_SUBJ_ENTITY && subject >= 0 &&
	    attribution_at(d, sent, tok)->source == subject && names_speaker(d, sent, tok, attribution_at(d, sent, tok)))
		covered = false;
	c.subject_kind = subject_kind;
	c.subject = subject;
	c.predicate = predicate;
	c.value_entity = c.value_event = -1;
	c.value_time.earliest = c.value_time.latest = CR_DAY_NONE;
	c.source = covered ? attribution_at(d, sent, tok)->source : -1;
	c.attribution = covered ? cr_xstrdup(attribution_at(d, sent, tok)->text) : NULL;
	c.modality = covered ? CR_MODAL_REPORTED : CR_MODAL_ASSERTED;
	c.start = d->seg.sentences[sent].start;
	c.end = d->seg.sentences[sent].end;
	cr_vec_push(&d->claims, c);
	return &d->claims.items[d->claims.len - 1];
}

void cr_claim_set_text(cr_claim *c, const char *s, size_t n)
{
	free(c->value_text);
	c->value_text = cr_xstrndup(s, n);
}

void cr_event_mention(xdoc *d, int ev, size_t tok)
{
	if (ev < 0 || tok >= d->seg.ntokens)
		return;
	cr_lmention m = {CR_SUBJ_EVENT, ev, d->seg.tokens[tok].start, d->seg.tokens[tok].end};
	for (size_t i = d->event_mentions.len; i-- > 0;)
		if (d->event_mentions.items[i].start == m.start)
			return;
	cr_vec_push(&d->event_mentions, m);
}
