/*
 * analyze.c: one document through segment → recognize → extract.
 *
 * The driver segments the clean text, runs the number, time and name
 * recognizers, lays their results over the tokens, groups name mentions
 * into local entities (mentions.c), decides who each sentence's statements
 * come from (attribution.c), and then reads each sentence for events and
 * casualty figures (events.c), profile facts (profile.c) and accusations
 * (accuse.c). Every claim keeps the byte range of its sentence as evidence.
 * What the passes share (phrases, token tests, making claims) is common.c.
 */
#include "extract/internal.h"
#include "recognize/gazetteer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cr_etype_names[] = {"person", "organization", "place", "other"};
const char *const cr_modality_names[] = {"asserted", "reported", "alleged", "uncertain", "denied"};

/* ---- extractor ------------------------------------------------------------ */

/* Sets bit on every key of m in the word -> TB_* bits map. */
static void mark_words(cr_map *bits, const cr_map *m, uint16_t bit)
{
	size_t it = 0;
	const char *k;
	size_t kl;
	intptr_t v;
	while (m && cr_map_next(m, &it, &k, &kl, &v)) {
		intptr_t have = 0;
		cr_map_get(bits, k, kl, &have);
		cr_map_put(bits, k, kl, have | bit);
	}
}

/* One map from a lower-case word to the lexicons (TB_*) that hold it or
 * start a phrase with it: the overlay's one lookup per token. */
static cr_map *word_bits_of(const cr_extractor *x)
{
	cr_map *bits = cr_map_new();
	const cr_lexicon *lx[] = {x->triggers, x->casualty, x->person_nouns, x->roles, x->org_heads};
	for (int q = 0; q < 5; q++)
		if (lx[q])
			mark_words(bits, lx[q]->index, (uint16_t)(1 << q));
	const cr_phrases *ph[] = {x->cues, x->accuse, x->targets, x->titles};
	for (int q = 0; q < 4; q++)
		if (ph[q] && ph[q]->lx)
			mark_words(bits, ph[q]->first, (uint16_t)(1 << (5 + q)));
	return bits;
}

int cr_extractor_new(cr_extractor **out, char *err, size_t errlen)
{
	*out = NULL;
	cr_extractor *x = cr_xcalloc(1, sizeof *x);
	x->numbers = cr_numbers_new();
	x->timex = cr_timex_new();
	x->tagger = cr_tagger_default();
	x->cues = cr_phrases_load(CR_DATA(lexicon_cues_tsv));
	x->accuse = cr_phrases_load(CR_DATA(lexicon_accusation_tsv));
	x->targets = cr_phrases_load(CR_DATA(lexicon_event_targets_tsv));
	x->titles = cr_phrases_load(CR_DATA(lexicon_titles_tsv));
	x->figure_cues = cr_phrases_load(CR_DATA(lexicon_figure_cues_tsv));
	x->crimes = cr_phrases_load(CR_DATA(lexicon_crimes_tsv));
	x->triggers = cr_lexicon_load(CR_DATA(lexicon_event_triggers_tsv), true);
	x->casualty = cr_lexicon_load(CR_DATA(lexicon_casualty_tsv), true);
	x->person_nouns = cr_lexicon_load(CR_DATA(lexicon_person_nouns_tsv), true);
	x->roles = cr_lexicon_load(CR_DATA(lexicon_roles_tsv), true);
	x->org_heads = cr_lexicon_load(CR_DATA(lexicon_org_heads_tsv), true);
	x->person_words = cr_lexicon_load(CR_DATA(lexicon_person_words_tsv), true);
	x->word_bits = word_bits_of(x);
	if (!x->numbers || !x->timex || !x->tagger || !x->triggers) {
		const char *why = cr_tagger_default_error();
		snprintf(err, errlen, "a built-in recognizer could not be loaded%s%s", why ? ": " : "", why ? why : "");
		cr_extractor_free(x);
		return -1;
	}
	/* the tagger's word lists and the gazetteer, loaded on first use; a
	 * binary without them would run and quietly find less */
	const char *why = cr_tagger_default_error();
	if (!why && !cr_gazetteer_default())
		why = cr_gazetteer_default_error();
	if (why) {
		snprintf(err, errlen, "%s", why);
		cr_extractor_free(x);
		return -1;
	}
	*out = x;
	return 0;
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
	cr_phrases_free(x->crimes);
	cr_lexicon_free(x->triggers);
	cr_lexicon_free(x->casualty);
	cr_lexicon_free(x->person_nouns);
	cr_lexicon_free(x->roles);
	cr_lexicon_free(x->org_heads);
	cr_lexicon_free(x->person_words);
	cr_map_free(x->word_bits);
	free(x);
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
		/* one lookup per token for every lexicon, instead of one per rule that asks */
		const cr_extractor *x = d->x;
		uint16_t b = 0;
		intptr_t v;
		if (k && cr_is_alpha((unsigned char)l[0]) && cr_map_get(x->word_bits, l, k, &v))
			b = (uint16_t)v;
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
	/* quotation marks: straight quotes toggle, curly and guillemets open/close;
	 * the wire's two apostrophes or backticks ('' ``) are a straight quote */
	bool in = false;
	for (size_t i = 0; i < nt; i++) {
		const char *s = tok_text(d, i);
		size_t n = tok_len(d, i);
		bool open = (n == 3 && memcmp(s, "\xE2\x80\x9C", 3) == 0) || (n == 2 && memcmp(s, "\xC2\xAB", 2) == 0);
		bool close = (n == 3 && memcmp(s, "\xE2\x80\x9D", 3) == 0) || (n == 2 && memcmp(s, "\xC2\xBB", 2) == 0);
		bool straight = n == 1 && s[0] == '"';
		size_t first = i;
		if (n == 1 && (s[0] == '\'' || s[0] == '`') && i + 1 < nt && tok_len(d, i + 1) == 1 && tok_text(d, i + 1)[0] == s[0] &&
		    d->seg.tokens[i + 1].start == d->seg.tokens[i].end) {
			i++;   /* the pair is one mark */
			straight = true;
		}
		/* a straight quote before "said" closes a quotation that opened in an
		 * earlier paragraph ('... biodiversity, "said Grifo'): it opens none */
		static const char *const says[] = {"said", "says", "added", "adds", "told", "asked", "wrote", "explained"};
		if (straight && !in && i + 1 < nt && cr_tok_word_in(d, i + 1, says, CR_ARRAY_LEN(says)) &&
		    d->seg.tokens[i].start == d->seg.tokens[i + 1].start - 1) {
			d->tok_quoted[first] = d->tok_quoted[i] = false;
			continue;
		}
		if (open || (straight && !in)) {
			in = true;
		} else if (close || (straight && in)) {
			for (size_t k = first; k <= i; k++)
				d->tok_quoted[k] = false;
			in = false;
			continue;
		}
		d->tok_quoted[first] = in;
		d->tok_quoted[i] = in;
		/* a quote left open does not run past its paragraph... unless the next one opens again */
		if (i + 1 < nt && d->tok_sent[i + 1] != d->tok_sent[i] &&
		    d->seg.sentences[d->tok_sent[i + 1]].paragraph != d->seg.sentences[d->tok_sent[i]].paragraph)
			in = false;
	}
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
	cr_find_mentions(&d);
	cr_find_attribution(&d);
	for (size_t s = 0; s < d.seg.nsentences; s++) {
		cr_find_nicknames(&d, s);
		cr_find_events(&d, s);
		cr_find_profile(&d, s);
		cr_find_accusations(&d, s);
	}
	cr_finish_figures(&d);
	cr_drop_nickname_entities(&d);
	cr_pending_personal_events(&d);
	cr_event_countries(&d);
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
