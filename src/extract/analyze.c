/*
 * analyze.c: one document through segment → recognize → extract.
 *
 * The driver segments the clean text, runs the number, time and name
 * recognizers, lays their results over the tokens, groups name mentions
 * into local entities (mentions.c), decides who each sentence's statements
 * come from (attribution.c), and then reads each sentence for events and
 * casualty figures (events.c), profile facts (profile.c) and accusations
 * (accuse.c). Every claim keeps the byte range of its sentence as evidence.
 */
#include "extract/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cr_etype_names[] = {"person", "organization", "place", "other"};
const char *const cr_modality_names[] = {"asserted", "reported", "alleged", "uncertain", "denied"};

char *xstrfmt(const char *fmt, ...)
{
	cr_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	cr_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return cr_buf_detach(&b);
}

/* ---- phrases ------------------------------------------------------------- */

cr_phrases *cr_phrases_load(const char *name)
{
	cr_phrases *p = cr_xcalloc(1, sizeof *p);
	p->lx = cr_lexicon_load(name, true);
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

long phrase_at(const xdoc *d, const cr_phrases *p, size_t i, size_t end, size_t *n)
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

const char *phrase_class(const cr_phrases *p, long r)
{
	return r >= 0 && p->lx->ncols[r] > 1 ? p->lx->cols[r][1] : "";
}

bool tok_capitalised(const xdoc *d, size_t i)
{
	unsigned char c = (unsigned char)tok_text(d, i)[0];
	if (cr_is_upper(c))
		return true;
	/* non-ASCII capitals (Cyrillic, accented Latin) */
	return c >= 0xC3 && d->low[i][0] != tok_text(d, i)[0];
}

bool tok_in(const xdoc *d, size_t i, const cr_lexicon *lx)
{
	const cr_extractor *x = d->x;
	uint16_t bit = lx == x->triggers ? TB_TRIGGER : lx == x->casualty ? TB_CASUALTY : lx == x->person_nouns ? TB_PERSON_NOUN
	             : lx == x->roles ? TB_ROLE : lx == x->org_heads ? TB_ORG_HEAD : 0;
	if (bit && d->tok_bits)
		return (d->tok_bits[i] & bit) != 0;
	return lx && cr_lexicon_find(lx, d->low[i], d->lowlen[i]) >= 0;
}

bool tok_clause_break(const xdoc *d, size_t i)
{
	if (i >= d->seg.ntokens)
		return true;
	const char *t = tok_text(d, i);
	size_t n = tok_len(d, i);
	if (n == 1 && (*t == ';' || *t == ':' || *t == '(' || *t == ')'))
		return true;
	if ((n == 3 && memcmp(t, "\xE2\x80\x94", 3) == 0) || (n == 3 && memcmp(t, "\xE2\x80\x93", 3) == 0))
		return true;
	return tok_is(d, i, "but") || tok_is(d, i, "although") || tok_is(d, i, "while") ||
	       tok_is(d, i, "whereas") || tok_is(d, i, "though");
}

/* ---- extractor ------------------------------------------------------------ */

cr_extractor *cr_extractor_new(void)
{
	cr_extractor *x = cr_xcalloc(1, sizeof *x);
	x->numbers = cr_numbers_new();
	x->timex = cr_timex_new();
	x->tagger = cr_tagger_default();
	x->cues = cr_phrases_load("lexicon/cues.tsv");
	x->accuse = cr_phrases_load("lexicon/accusation.tsv");
	x->targets = cr_phrases_load("lexicon/event-targets.tsv");
	x->titles = cr_phrases_load("lexicon/titles.tsv");
	x->figure_cues = cr_phrases_load("lexicon/figure-cues.tsv");
	x->triggers = cr_lexicon_load("lexicon/event-triggers.tsv", true);
	x->casualty = cr_lexicon_load("lexicon/casualty.tsv", true);
	x->person_nouns = cr_lexicon_load("lexicon/person-nouns.tsv", true);
	x->roles = cr_lexicon_load("lexicon/roles.tsv", true);
	x->org_heads = cr_lexicon_load("lexicon/org-heads.tsv", true);
	if (!x->numbers || !x->timex || !x->tagger || !x->triggers) {
		fprintf(stderr, "corrob: a built-in recognizer could not be loaded\n");
		cr_extractor_free(x);
		return NULL;
	}
	return x;
}

void cr_extractor_free(cr_extractor *x)
{
	if (!x)
		return;
	cr_numbers_free(x->numbers);
	cr_timex_free(x->timex);
	cr_phrases_free(x->cues);
	cr_phrases_free(x->accuse);
	cr_phrases_free(x->targets);
	cr_phrases_free(x->titles);
	cr_phrases_free(x->figure_cues);
	cr_lexicon_free(x->triggers);
	cr_lexicon_free(x->casualty);
	cr_lexicon_free(x->person_nouns);
	cr_lexicon_free(x->roles);
	cr_lexicon_free(x->org_heads);
	free(x);
}

/* ---- claims ---------------------------------------------------------------- */

/* Does the sentence's attribution cover token tok? A quotation's speaker covers
 * the quoted words only; a reporting verb covers its own clause and the
 * clauses it introduces, not one beyond "but" or ";". */
bool attribution_covers(const xdoc *d, size_t sent, size_t tok)
{
	const sent_attr *at = &d->attr[sent];
	if (!at->text)
		return false;
	if (at->quoted)
		return tok >= d->seg.ntokens || d->tok_quoted[tok] || at->verb_tok == UINT32_MAX ||
		       d->tok_sent[at->verb_tok] != (int)sent;
	if (at->verb_tok == UINT32_MAX || tok >= d->seg.ntokens)
		return true;
	size_t a = CR_MIN(tok, at->verb_tok), b = CR_MAX(tok, at->verb_tok);
	for (size_t i = a; i < b; i++)
		if (tok_is(d, i, "but") || tok_is(d, i, ";"))
			return false;
	return true;
}

cr_lclaim *new_claim(xdoc *d, size_t sent, size_t tok, const char *predicate, uint8_t subject_kind, int subject)
{
	cr_lclaim c = {0};
	bool covered = attribution_covers(d, sent, tok);
	c.subject_kind = subject_kind;
	c.subject = subject;
	c.predicate = predicate;
	c.value_entity = c.value_event = -1;
	c.value_time.earliest = c.value_time.latest = CR_DAY_NONE;
	c.source = covered ? d->attr[sent].source : -1;
	c.attribution = covered ? cr_xstrdup(d->attr[sent].text) : NULL;
	c.modality = covered ? CR_MODAL_REPORTED : CR_MODAL_ASSERTED;
	c.start = d->seg.sentences[sent].start;
	c.end = d->seg.sentences[sent].end;
	cr_vec_push(&d->claims, c);
	return &d->claims.items[d->claims.len - 1];
}

void claim_set_text(cr_lclaim *c, const char *s, size_t n)
{
	free(c->value_text);
	c->value_text = cr_xstrndup(s, n);
}

/* ---- driver ----------------------------------------------------------------- */

static void overlay(xdoc *d)
{
	size_t nt = d->seg.ntokens;
	d->low = cr_arena_alloc(d->arena, (nt + 1) * sizeof *d->low);
	d->lowlen = cr_arena_alloc(d->arena, (nt + 1) * sizeof *d->lowlen);
	d->tok_sent = cr_arena_alloc(d->arena, (nt + 1) * sizeof(int));
	d->tok_ment = cr_arena_alloc(d->arena, (nt + 1) * sizeof(int));
	d->tok_num = cr_arena_alloc(d->arena, (nt + 1) * sizeof(int));
	d->tok_tx = cr_arena_alloc(d->arena, (nt + 1) * sizeof(int));
	d->tok_quoted = cr_arena_alloc(d->arena, (nt + 1) * sizeof(bool));
	d->tok_bits = NULL;
	uint16_t *bits = cr_arena_alloc(d->arena, (nt + 1) * sizeof(uint16_t));
	for (size_t i = 0; i < nt; i++) {
		const char *s = tok_text(d, i);
		size_t n = tok_len(d, i);
		char *l = cr_arena_alloc(d->arena, n + 1);
		size_t k = 0;
		for (size_t j = 0; j < n; j++) {
			if (j + 2 < n + 0 && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
			    ((unsigned char)s[j + 2] == 0x99 || (unsigned char)s[j + 2] == 0x98)) {
				l[k++] = '\'';
				j += 2;
			} else {
				l[k++] = (char)cr_lower((unsigned char)s[j]);
			}
		}
		l[k] = 0;
		d->low[i] = l;
		d->lowlen[i] = (uint32_t)k;
		/* one lookup per lexicon per token, instead of one per rule that asks */
		const cr_extractor *x = d->x;
		uint16_t b = 0;
		if (k && cr_is_alpha((unsigned char)l[0])) {
			const cr_lexicon *lx[] = {x->triggers, x->casualty, x->person_nouns, x->roles, x->org_heads};
			for (int q = 0; q < 5; q++)
				if (lx[q] && cr_lexicon_find(lx[q], l, k) >= 0)
					b |= (uint16_t)(1 << q);
			const cr_phrases *ph[] = {x->cues, x->accuse, x->targets, x->titles};
			for (int q = 0; q < 4; q++)
				if (ph[q]->lx && cr_map_get(ph[q]->first, l, k, NULL))
					b |= (uint16_t)(1 << (5 + q));
		}
		bits[i] = b;
		d->tok_ment[i] = d->tok_num[i] = d->tok_tx[i] = -1;
	}
	d->tok_bits = bits;
	for (size_t s = 0; s < d->seg.nsentences; s++) {
		const cr_sentence *se = &d->seg.sentences[s];
		for (size_t i = se->first_token; i < se->first_token + se->ntokens && i < nt; i++)
			d->tok_sent[i] = (int)s;
	}
	/* numbers and times over tokens: a token belongs to the expression that covers it */
	size_t t = 0;
	for (size_t j = 0; j < d->nnums; j++) {
		while (t < nt && d->seg.tokens[t].end <= d->nums[j].start)
			t++;
		for (size_t i = t; i < nt && d->seg.tokens[i].start < d->nums[j].end; i++)
			d->tok_num[i] = (int)j;
	}
	t = 0;
	for (size_t j = 0; j < d->ntx; j++) {
		while (t < nt && d->seg.tokens[t].end <= d->tx[j].start)
			t++;
		for (size_t i = t; i < nt && d->seg.tokens[i].start < d->tx[j].end; i++)
			d->tok_tx[i] = (int)j;
	}
	/* quotation marks: straight quotes toggle, curly and guillemets open/close */
	bool in = false;
	for (size_t i = 0; i < nt; i++) {
		const char *s = tok_text(d, i);
		size_t n = tok_len(d, i);
		bool open = (n == 3 && memcmp(s, "\xE2\x80\x9C", 3) == 0) || (n == 2 && memcmp(s, "\xC2\xAB", 2) == 0);
		bool close = (n == 3 && memcmp(s, "\xE2\x80\x9D", 3) == 0) || (n == 2 && memcmp(s, "\xC2\xBB", 2) == 0);
		bool straight = n == 1 && s[0] == '"';
		if (open || (straight && !in)) {
			in = true;
		} else if (close || (straight && in)) {
			d->tok_quoted[i] = false;
			in = false;
			continue;
		}
		d->tok_quoted[i] = in;
		/* a quote left open does not run past its paragraph... unless the next one opens again */
		if (i + 1 < nt && d->tok_sent[i + 1] != d->tok_sent[i] &&
		    d->seg.sentences[d->tok_sent[i + 1]].paragraph != d->seg.sentences[d->tok_sent[i]].paragraph)
			in = false;
	}
}

void event_mention(xdoc *d, int ev, size_t tok)
{
	if (ev < 0 || tok >= d->seg.ntokens)
		return;
	cr_lmention m = {CR_SUBJ_EVENT, ev, d->seg.tokens[tok].start, d->seg.tokens[tok].end};
	for (size_t i = d->event_mentions.len; i-- > 0;)
		if (d->event_mentions.items[i].start == m.start)
			return;
	cr_vec_push(&d->event_mentions, m);
}

static int cmp_lmention(const void *a, const void *b)
{
	const cr_lmention *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->kind > y->kind) - (x->kind < y->kind);
}

/* Every name of a kept entity and every event word, in text order. */
static void collect_mentions(cr_analysis *out, xdoc *d)
{
	CR_VEC(cr_lmention) ms = {0};
	for (size_t m = 0; m < d->ments.len; m++) {
		const mention *me = &d->ments.items[m];
		if (me->entity < 0 || !d->ents.items[me->entity].mentions || me->tok1 <= me->tok0)
			continue;
		cr_lmention x = {CR_SUBJ_ENTITY, me->entity, d->seg.tokens[me->tok0].start, d->seg.tokens[me->tok1 - 1].end};
		cr_vec_push(&ms, x);
	}
	for (size_t i = 0; i < d->event_mentions.len; i++)
		cr_vec_push(&ms, d->event_mentions.items[i]);
	cr_vec_free(&d->event_mentions);
	if (ms.len > 1)
		qsort(ms.items, ms.len, sizeof *ms.items, cmp_lmention);
	out->mentions = ms.items;
	out->nmentions = ms.len;
}

int cr_analyze(cr_analysis *out, const cr_extractor *x, const char *text, size_t len, cr_dayrange published)
{
	memset(out, 0, sizeof *out);
	xdoc d = {0};
	d.x = x;
	d.text = text;
	d.len = len;
	d.arena = cr_arena_new();
	d.main_person = d.last_event = d.last_place = -1;
	d.last_event_sent = d.last_place_sent = -10;
	out->published = published;
	/* an undated document: its time expressions read without an anchor tell
	 * whether its date can be inferred; only then are they read again */
	cr_timex_find(&d.tx, &d.ntx, x->timex, text, len, published);
	if (!cr_range_known(published)) {
		cr_dayrange r;
		if (cr_docdate_from_timexes(&r, d.tx, d.ntx, text) == 1) {
			out->published = r;
			out->published_inferred = true;
			free(d.tx);
			cr_timex_find(&d.tx, &d.ntx, x->timex, text, len, r);
		}
	}
	/* "from March 1 to March 20, 2022": one interval for the claims */
	cr_timex_join_ranges(d.tx, &d.ntx, text, len);
	d.pub = out->published;
	if (cr_segment(&d.seg, text, len) < 0) {
		free(d.tx);
		cr_arena_free(d.arena);
		return -1;
	}
	cr_numbers_find(&d.nums, &d.nnums, x->numbers, text, len);
	overlay(&d);
	find_mentions(&d);
	find_attribution(&d);
	for (size_t s = 0; s < d.seg.nsentences; s++) {
		find_nicknames(&d, s);
		find_events(&d, s);
		find_profile(&d, s);
		find_accusations(&d, s);
	}
	finish_figures(&d);
	drop_nickname_entities(&d);
	collect_mentions(out, &d);
	out->entities = d.ents.items;
	out->nentities = d.ents.len;
	out->events = d.events.items;
	out->nevents = d.events.len;
	out->claims = d.claims.items;
	out->nclaims = d.claims.len;
	free(d.nums);
	free(d.tx);
	cr_vec_free(&d.ments);
	cr_segmentation_free(&d.seg);
	cr_arena_free(d.arena);
	return 0;
}

void cr_analysis_free(cr_analysis *a)
{
	for (size_t i = 0; i < a->nentities; i++) {
		cr_lentity *e = &a->entities[i];
		free(e->name);
		free(e->role);
		for (size_t k = 0; k < e->naliases; k++)
			free(e->aliases[k].text);
		free(e->aliases);
	}
	for (size_t i = 0; i < a->nevents; i++) {
		free(a->events[i].type);
		free(a->events[i].target);
		free(a->events[i].label);
	}
	for (size_t i = 0; i < a->nclaims; i++) {
		free(a->claims[i].value_text);
		free(a->claims[i].time_value);
		free(a->claims[i].attribution);
	}
	free(a->entities);
	free(a->events);
	free(a->claims);
	free(a->mentions);
	memset(a, 0, sizeof *a);
}
