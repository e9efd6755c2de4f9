/*
 * figures.c: the figures a sentence gives — casualty counts, populations
 * and magnitudes — and the event or place they belong to.
 *
 * Casualty figures. A figure is a phrase naming the people it counts: a
 * number with or without its noun ("at least 300 people", "three"), a
 * person singled out ("a deputy", "the teenager", "another", a named
 * person), several of these coordinated ("two women and a man" is 3; "a
 * judge, a court reporter and a deputy" is 3), or a negative quantifier
 * ("no one", "nobody", "no injuries": 0, denied; "anyone" under a
 * denial). A total followed by its breakdown in apposition ("three people,
 * a man and two women, were killed") keeps the total. The nouns that count
 * people are data/lexicon/person-nouns.tsv; a figure counting anything
 * else ("400 miles") is none, and neither are ages ("both 51, died"),
 * relatives ("a mother of 12"), years and rates ("each day").
 *
 * The phrase is tied to a casualty word (data/lexicon/casualty.tsv, and the
 * phrases of data/lexicon/figure-cues.tsv): one before it ("killing at
 * least three", "the deaths of two women"), one after it across
 * auxiliaries, adverbs and hedges ("300 people were reportedly killed",
 * "ten are feared dead", "two officers suffered minor injuries", "60
 * people ... after being evacuated"), or a death toll ("the death toll
 * rose to 8,000"). A casualty word followed by its own object is active:
 * what stands before it is the killer ("officers shot and killed a
 * teenager"). A hedge between the figure and its word ("feared",
 * "thought to", "presumed") makes the claim uncertain; the rest of the
 * modality is the clause's (attribution.c).
 *
 * People singled out one by one ("a deputy", "a police officer and a
 * technician", a named victim) are victims of an incident that may have
 * had more, and so is a part of the toll ("two children were among the
 * dead"): such a claim has the scope "n" and its number ("n1", "n2") and
 * is compared only with claims of that scope, never with the toll (a
 * deputy killed outside the court is one of the four the rampage killed;
 * "a pregnant woman and her baby" two of "at least three"). Each named
 * victim of a list is one claim of scope "n1".
 *
 * A figure belongs to the sentence's event (events.c decides it), to a
 * target named just before it, else to the paragraph's event ("It killed
 * 612 people": the sentence before's), the article's disaster with the
 * sentence's place as the part of the area it counts ("In Syria, 1,400
 * had died": compared only with other figures for Syria), the sentence's
 * place (not for people singled out, nor a street), or the incident the
 * article reports (its first). One person's death told without violence
 * ("Gotti died of cancer") is no incident's. A figure read before the
 * article names any incident waits for the end of the document
 * (cr_finish_figures) and goes to its first incident, or, for a death toll,
 * to an incident of its own, of the type its sentence names (a shooting or
 * a killing when it names none).
 *
 * Populations ("home to 120,000 people", "the town of 14,000", "which has
 * about 200,000 residents") go to the place the phrase describes: the name
 * it stands in apposition to, the clause's subject, or for "the town" or
 * "the island" the place last described as one. Magnitudes are read in
 * their common forms ("a 5.6-magnitude quake", "measuring 5.9", "magnitude
 * of 6.1", "5.2 on the Richter scale", "magnitudes of 6.1 and 5.8").
 */
#include "extract/internal.h"
#include "recognize/gazetteer.h"
#include "recognize/namekey.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MEMBERS 8

/* ---- lexicons ------------------------------------------------------------ */

/* The longest phrase of class cls in figure-cues.tsv at token i (before end):
 * its row, or -1; its length in *n. */
static long cue_at(const xdoc *d, size_t i, size_t end, const char *cls, size_t *n)
{
	const cr_phrases *p = d->x->figure_cues;
	intptr_t head;
	if (!p || !p->lx || i >= end || !cr_map_get(p->first, d->low[i], d->lowlen[i], &head))
		return -1;
	long best = -1;
	size_t bestn = 0;
	for (size_t r1 = (size_t)head; r1; r1 = p->next[r1 - 1]) {
		size_t r = r1 - 1, k;
		if (i + p->nwords[r] > end || p->nwords[r] <= bestn || strcmp(cr_phrase_class(p, (long)r), cls) != 0)
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

static bool cue(const xdoc *d, size_t i, size_t end, const char *cls)
{
	return cue_at(d, i, end, cls, NULL) >= 0;
}

/* Is the last word of a name a one-word phrase of class cls ("Qeshm
 * Island": settlement; "High Street": street)? */
static bool last_word_is(const xdoc *d, const char *name, const char *cls)
{
	const char *sp = strrchr(name, ' '), *w = sp ? sp + 1 : name;
	const cr_phrases *p = d->x->figure_cues;
	char low[32];
	size_t n = strlen(w);
	intptr_t head;
	if (!p || !p->lx || n >= sizeof low)
		return false;
	for (size_t k = 0; k < n; k++)
		low[k] = (char)cr_lower((unsigned char)w[k]);
	if (!cr_map_get(p->first, low, n, &head))
		return false;
	for (size_t r1 = (size_t)head; r1; r1 = p->next[r1 - 1])
		if (p->nwords[r1 - 1] == 1 && strcmp(cr_phrase_class(p, (long)(r1 - 1)), cls) == 0)
			return true;
	return false;
}

/* 1 for a singular person noun at token i ("deputy"), 2 for a plural or
 * collective one ("people"), 0 for none. A word glued to what follows by a
 * dash ("workers-two") is read by its first part. */
static int person_noun(const xdoc *d, size_t i)
{
	const cr_lexicon *lx = d->x->person_nouns;
	long r = (d->tok_bits[i] & TB_PERSON_NOUN) ? cr_lexicon_find(lx, d->low[i], d->lowlen[i]) : -1;
	if (r < 0) {
		const char *dash = memchr(d->low[i], '-', d->lowlen[i]);
		if (!dash || dash == d->low[i])
			return 0;
		r = cr_lexicon_find(lx, d->low[i], (size_t)(dash - d->low[i]));
		if (r < 0)
			return 0;
	}
	return lx->ncols[r] > 1 && strcmp(lx->cols[r][1], "one") == 0 ? 1 : 2;
}

/* A word that ends in a dash glued to the next word ("workers-two"): the
 * dash opens an apposition the tokenizer did not split off. */
static bool dash_tail(const xdoc *d, size_t i)
{
	const char *dash = memchr(d->low[i], '-', d->lowlen[i]);
	return dash && dash != d->low[i] && person_noun(d, i) && !(d->tok_bits[i] & TB_PERSON_NOUN);
}

/* What a casualty word or phrase at token i gives. */
typedef struct casualty {
	const char *pred;   /* a predicate of the vocabulary (static) */
	size_t len;         /* tokens */
	bool before, after, of;
	bool death;         /* a death not said to be violent: "died" */
	bool noun;          /* counts only a number: "300 lives" */
} casualty;

static bool has_form(const char *forms, const char *f)
{
	size_t n = strlen(f);
	for (const char *p = forms; *p;) {
		const char *c = strchr(p, ',');
		size_t len = c ? (size_t)(c - p) : strlen(p);
		if ((len == n && memcmp(p, f, n) == 0) ||
		    (len == 4 && memcmp(p, "both", 4) == 0 && (strcmp(f, "before") == 0 || strcmp(f, "after") == 0)))
			return true;
		p += len + (c != NULL);
	}
	return false;
}

static bool casualty_at(const xdoc *d, size_t i, size_t end, casualty *c)
{
	/* claims outlive the lexicon: hand out the vocabulary's own static strings */
	static const char *const vocabulary[] = {"killed", "injured", "trapped", "displaced", "missing", "sheltering"};
	if (i >= end)
		return false;
	size_t n = 1;
	const char *pred = NULL, *forms = NULL, *flags = "";
	long r = cue_at(d, i, end, "casualty", &n);
	const cr_lexicon *fx = d->x->figure_cues ? d->x->figure_cues->lx : NULL;
	if (r >= 0 && fx->ncols[r] >= 4) {
		pred = fx->cols[r][2];
		forms = fx->cols[r][3];
		flags = fx->ncols[r] >= 5 ? fx->cols[r][4] : "";
	} else if (d->tok_bits[i] & TB_CASUALTY) {
		const cr_lexicon *lx = d->x->casualty;
		long q = cr_lexicon_find(lx, d->low[i], d->lowlen[i]);
		if (q < 0 || lx->ncols[q] < 3)
			return false;
		pred = lx->cols[q][1];
		forms = lx->cols[q][2];
		flags = lx->ncols[q] >= 4 ? lx->cols[q][3] : "";
		n = 1;
	} else {
		return false;
	}
	c->death = has_form(flags, "death");
	c->noun = has_form(flags, "noun");
	c->pred = NULL;
	for (size_t k = 0; k < CR_ARRAY_LEN(vocabulary); k++)
		if (strcmp(vocabulary[k], pred) == 0)
			c->pred = vocabulary[k];
	c->len = n;
	c->before = has_form(forms, "before");
	c->after = has_form(forms, "after");
	c->of = has_form(forms, "of");
	return c->pred != NULL;
}

/* How a figure stands to its casualty word. */
typedef struct how {
	bool hedged;        /* "ten are feared dead", "thought to be missing" */
	bool part;          /* "two children were among the dead": part of a toll */
} how;

static bool any_casualty(const xdoc *d, size_t i, size_t end)
{
	casualty c;
	return casualty_at(d, i, end, &c);
}

/* Words between a figure and the casualty word after it: auxiliaries,
 * hedges, injury adjectives (figure-cues.tsv "gap") and adverbs in -ly
 * ("critically"), but not "nearly killed" or "almost died". */
static bool gap_word(const xdoc *d, size_t i, size_t end)
{
	/* "to" only of "thought to be", "had to be": "lost two players to injuries" */
	if (tok_is(d, i, "to"))
		return i + 1 < end && (tok_is(d, i + 1, "be") || tok_is(d, i + 1, "have") || tok_is(d, i + 1, "been"));
	if (cue(d, i, end, "gap"))
		return true;
	size_t n = d->lowlen[i];
	const char *w = d->low[i];
	return n > 4 && memcmp(w + n - 2, "ly", 2) == 0 && !cr_tok_capitalised(d, i) && !person_noun(d, i) &&
	       !cue(d, i, end, "kin") && !tok_is(d, i, "nearly") && !tok_is(d, i, "only");
}

static bool is_age(const xdoc *d, size_t i)
{
	int j = d->tok_num[i];
	return j >= 0 && d->nums[j].kind == CR_NUM_AGE;
}

/* Words that end a noun phrase before its head: prepositions, conjunctions,
 * relatives and punctuation other than the possessive. */
static bool phrase_stop(const xdoc *d, size_t i)
{
	static const char *stops[] = {"in", "at", "on", "of", "by", "from", "with", "for", "to", "into", "during",
	                              "after", "before", "near", "inside", "outside", "as", "than", "over", "under",
	                              "about", "across", "including", "and", "or", "but", "nor", "who", "whom",
	                              "whose", "which", "that", "what", "when", "where", "while", "because", "if",
	                              "the", "a", "an", "he", "she", "they", "it", "his", "her", "their", "its",
	                              "not", "no", "said", "says", "say", "told"};
	const cr_token *t = &d->seg.tokens[i];
	if (t->kind != CR_TOK_WORD)
		return !(tok_is(d, i, "'s") || tok_is(d, i, "'"));
	for (size_t k = 0; k < CR_ARRAY_LEN(stops); k++)
		if (tok_is(d, i, stops[k]))
			return true;
	return false;
}

/* ---- the people a figure counts ----------------------------------------- */

/* One member of a list of victims: "at least 300 people", "a deputy", a
 * named person, "no one". */
typedef struct member {
	size_t a, b;            /* tokens [a, b) */
	double low, high;
	bool has_low, has_high;
	int num;                /* the number that gives the count, or -1 */
	int named;              /* the person named, or -1 */
	bool one;               /* one person singled out: "a deputy", "another" */
	bool zero;              /* "no one", "nobody", "no injuries" */
	bool headed;            /* ends in a person noun, an age or a name */
	bool bare;              /* a number or pronoun alone: "three", "another" */
	const char *noun_pred;  /* "no injuries": the predicate its noun gives */
} member;

/* "Tennant and Hakim, both 51, died", "two half-brothers, 17 and 22,":
 * a bare number set off by commas after people is their age. */
static bool apposed_age(const xdoc *d, size_t first, size_t a, size_t b, size_t end)
{
	bool closes = b >= end || tok_is(d, b, ",") || tok_is(d, b, ")") ||
	              (tok_is(d, b, "and") && b + 1 < end && d->tok_num[b + 1] >= 0);
	if (!closes || a <= first)
		return false;
	if (tok_is(d, a - 1, "both") || tok_is(d, a - 1, "all") || tok_is(d, a - 1, "each") || tok_is(d, a - 1, "aged"))
		return true;
	if (!tok_is(d, a - 1, ",") || a < first + 2)
		return false;
	if (person_noun(d, a - 2) || cr_mention_entity_at(d, a - 2) >= 0)
		return true;
	/* "The England international, 24, was hurt": after a description opened by
	 * an article, whatever its noun */
	if (d->seg.tokens[a - 2].kind != CR_TOK_WORD || !cr_is_lower((unsigned char)tok_text(d, a - 2)[0]))
		return false;
	for (size_t k = a - 2; k-- > first && k + 5 > a - 2;) {
		if (tok_is(d, k, "the") || tok_is(d, k, "a") || tok_is(d, k, "an"))
			return true;
		if (tok_is(d, k, ",") || d->tok_num[k] >= 0 || cr_tok_clause_break(d, k))
			break;
	}
	return false;
}

/* A person noun that heads a phrase: not one inside another kind of name
 * ("Oregon State Police bomb technician": the technician). */
static int head_noun(const xdoc *d, size_t k)
{
	int e = cr_mention_entity_at(d, k);
	/* "the loss of 700 Libyan troops": the men of a nation's force */
	if (e >= 0 && d->ents.items[e].type != CR_E_PERSON &&
	    (!cr_is_force_noun(tok_text(d, k), tok_len(d, k)) ||
	     (k + 1 < d->seg.ntokens && cr_mention_entity_at(d, k + 1) == e)))
		return 0;
	return person_noun(d, k);
}

/* Can token k stand among the modifiers before a head? */
static bool modifier(const xdoc *d, size_t k, size_t end)
{
	int j = d->tok_num[k];
	if (j >= 0)
		return d->nums[j].kind == CR_NUM_AGE || d->nums[j].kind == CR_NUM_ORDINAL;   /* "the second deputy" */
	return !(phrase_stop(d, k) || any_casualty(d, k, end) || cue(d, k, end, "gap"));
}

/* The head of a noun phrase from token k: modifiers (adjectives, names used
 * as modifiers, ages, possessives) then a person noun, a run of them
 * ("police officer"), a later one a few modifiers on when its number agrees
 * with the determiner's (want: 1 singular, 2 plural, 0 either; "state
 * police bomb squad technician"), a name after it ("agent David Wilhelm"),
 * or a name alone. Sets m->b past it, m->named and the noun's number (1 or
 * 2) in *number; false when no such head stands within seven words. A bare
 * age ("a 16-year-old") is the head itself. */
static bool read_head(const xdoc *d, size_t k, size_t end, member *m, int want, int *number, bool *mods)
{
	size_t last_age = SIZE_MAX;
	*mods = false;
	for (size_t steps = 0; k < end && steps < 7; steps++) {
		int e = cr_mention_entity_at(d, k);
		if (e >= 0 && d->ents.items[e].type == CR_E_PERSON) {
			while (k < end && cr_mention_entity_at(d, k) == e)
				k++;
			m->named = e;
			m->b = k;
			*number = 1;
			return true;
		}
		int pn = head_noun(d, k);
		if (pn) {
			for (;;) {
				while (k + 1 < end && head_noun(d, k + 1) && !dash_tail(d, k))
					pn = head_noun(d, ++k);
				size_t q = k + 1;
				while (q < end && q < k + 4 && !head_noun(d, q) && modifier(d, q, end) && !dash_tail(d, k) &&
				       cr_mention_entity_at(d, q) < 0)
					q++;
				if (q < end && q < k + 4 && head_noun(d, q) && !dash_tail(d, k) && (!want || head_noun(d, q) == want)) {
					k = q;
					pn = head_noun(d, q);
					continue;
				}
				break;
			}
			m->b = k + 1;
			*number = pn;
			/* "agent David Wilhelm": the name after the noun */
			int e2 = cr_mention_entity_at(d, k + 1);
			if (e2 >= 0 && d->ents.items[e2].type == CR_E_PERSON && !dash_tail(d, k)) {
				size_t q = k + 1;
				while (q < end && cr_mention_entity_at(d, q) == e2)
					q++;
				m->named = e2;
				m->b = q;
				*number = 1;
			}
			/* "a mother of 12": her children are no victims */
			if (cue(d, k, end, "kin") && k + 2 < end && tok_is(d, k + 1, "of") && d->tok_num[k + 2] >= 0) {
				size_t q = k + 2;
				while (q < end && d->tok_num[q] == d->tok_num[k + 2])
					q++;
				m->b = q;
			}
			return true;
		}
		if (!modifier(d, k, end))
			break;
		if (is_age(d, k))
			last_age = k;
		*mods = true;
		k++;
	}
	if (last_age != SIZE_MAX && last_age + 1 == k) {
		m->b = k;
		*number = 1;
		return true;
	}
	return false;
}

/* A negative quantifier at i: "no one", "nobody", "none of the ...", "no
 * (reported) injuries", "no reports of injuries", "no civilians"; "anyone"
 * when the clause denies. */
static bool read_zero(const xdoc *d, size_t sent, size_t i, size_t end, member *m)
{
	size_t n;
	if (cue_at(d, i, end, "zero", &n) >= 0) {
		m->b = i + n;
		if (tok_is(d, i, "none") && m->b < end && tok_is(d, m->b, "of")) {
			int number;
			bool mods;
			member h = *m;
			size_t q = m->b + 1;   /* "none of the passengers" */
			if (q < end && (tok_is(d, q, "the") || tok_is(d, q, "those") || tok_is(d, q, "its") || tok_is(d, q, "their")))
				q++;
			if (!read_head(d, q, end, &h, 0, &number, &mods) && !(m->b + 1 < end && tok_is(d, m->b + 1, "them")))
				return false;
			m->b = h.b > m->b ? h.b : m->b + 2;
		}
	} else if (cue_at(d, i, end, "anyone", &n) >= 0 && cr_clause_modality(d, sent, i, false) == CR_MODAL_DENIED) {
		m->b = i + n;
	} else if (tok_is(d, i, "no")) {
		size_t k = i + 1;
		while (k < end && k < i + 3 && (tok_is(d, k, "reported") || tok_is(d, k, "serious") || tok_is(d, k, "immediate") ||
		                                tok_is(d, k, "known") || tok_is(d, k, "confirmed")))
			k++;
		/* "no reports of injuries", "no word of casualties" */
		if (k + 1 < end && (tok_is(d, k, "reports") || tok_is(d, k, "report") || tok_is(d, k, "word")) && tok_is(d, k + 1, "of"))
			k += 2;
		casualty c;
		if (k < end && casualty_at(d, k, end, &c) && c.after && !tok_is(d, k, "dead")) {
			m->noun_pred = c.pred;
			m->b = k + c.len;
		} else if (k < end && person_noun(d, k) == 2) {
			m->b = k + 1;
		} else {
			return false;
		}
	} else {
		return false;
	}
	m->zero = m->headed = true;
	m->has_low = m->has_high = true;
	m->low = m->high = 0;
	return true;
}

/* One member of a list of victims at token i; in_list after the list's
 * "and" or comma, where a bare singular counts ("a police officer and OSP
 * bomb technician"). */
static bool read_member(const xdoc *d, size_t sent, size_t first, size_t i, size_t end, bool in_list, member *m)
{
	memset(m, 0, sizeof *m);
	m->a = i;
	m->num = m->named = -1;
	if (i >= end)
		return false;   /* a list's comma at the sentence's end: no member after it */
	if (read_zero(d, sent, i, end, m))
		return true;
	int number = 0;
	bool mods = false;
	size_t n;
	int j = d->tok_num[i];
	if (cue_at(d, i, end, "one", &n) >= 0) {
		/* "another", "a third", "another man": one more person */
		m->one = true;
		if (read_head(d, i + n, end, m, 1, &number, &mods) && number == 1)
			m->headed = true;
		else
			m->b = i + n, m->bare = true;
		m->low = m->high = 1;
		m->has_low = m->has_high = true;
		return true;
	}
	if (j >= 0 && (i == first || d->tok_num[i - 1] != j) && !is_age(d, i)) {
		const cr_number *x = &d->nums[j];
		if (x->kind == CR_NUM_PERCENT || x->kind == CR_NUM_ORDINAL || x->kind == CR_NUM_FRACTION || x->year_like)
			return false;
		/* "a mother of 12", "father to two boys" */
		if (i >= first + 2 && (tok_is(d, i - 1, "of") || tok_is(d, i - 1, "to")) && cue(d, i - 2, end, "kin"))
			return false;
		/* a number glued behind a word ("workers-two") opens an apposition */
		if (x->start > d->seg.tokens[i].start)
			return false;
		size_t b = i;
		while (b < end && d->tok_num[b] == j)
			b++;
		m->num = j;
		m->low = x->low;
		m->high = x->high;
		m->has_low = x->has_low;
		m->has_high = x->has_high;
		m->b = b;
		size_t k = b;
		while (k < end && (tok_is(d, k, "more") || tok_is(d, k, "other") || tok_is(d, k, "additional")))
			k++;
		member h = *m;
		/* "dozens of people", "hundreds of residents" */
		if (k + 1 < end && tok_is(d, k, "of") && read_head(d, k + 1, end, &h, 2, &number, &mods) && !mods) {
			m->b = h.b;
			m->headed = true;
			return true;
		}
		if (read_head(d, k, end, &h, 0, &number, &mods)) {
			m->b = h.b;
			m->named = h.named;
			m->headed = true;
			return true;
		}
		/* "400 miles": a count of something else; "41 Britons" counts people */
		for (size_t q = k; q < end && q < k + 3 && !phrase_stop(d, q) && !any_casualty(d, q, end) &&
		                   !gap_word(d, q, end) && d->tok_num[q] < 0;
		     q++)
			if (!cr_tok_capitalised(d, q))
				return false;
		if (apposed_age(d, first, i, k, end))
			return false;
		m->b = k;
		m->bare = true;
		/* "two of them"; but "one of her four cats", "30 of the 80" count no one */
		if (cue_at(d, k, end, "partitive", &n) >= 0)
			m->b = k + n;
		else if (k < end && tok_is(d, k, "of"))
			return false;
		/* "when one is killed": a bare "one" is a person singled out */
		m->one = x->has_low && x->has_high && x->low == 1 && x->high == 1 && m->b == b;
		if (m->one)
			m->num = -1;
		return true;
	}
	/* a person singled out: "a deputy", "the teenager", "her daughter",
	 * "both women"; or a person named */
	bool article = tok_is(d, i, "a") || tok_is(d, i, "an");
	bool definite = tok_is(d, i, "the") || tok_is(d, i, "his") || tok_is(d, i, "her") || tok_is(d, i, "their");
	bool both = tok_is(d, i, "both");
	size_t k = article || definite || both ? i + 1 : i;
	if (!read_head(d, k, end, m, article ? 1 : both ? 2 : 0, &number, &mods))
		return false;
	/* "Alice McMeekin, 58,": a bare age is a person only after "a" or "the" */
	if (is_age(d, m->b - 1) && !article && !definite)
		return false;
	m->headed = true;
	if (both && number == 2 && m->named < 0) {
		m->low = m->high = 2;
	} else if (number == 1 && (article || definite || m->named >= 0 || (in_list && !cue(d, m->b - 1, end, "kin")))) {
		/* "the deputy and father of two" is one man */
		m->one = true;
		m->low = m->high = 1;
	} else {
		return false;
	}
	m->has_low = m->has_high = true;
	return true;
}

/* The people a casualty figure counts: members coordinated by "and" (and
 * commas before it), with a breakdown in apposition skipped. */
typedef struct victims {
	member m[MAX_MEMBERS];
	size_t n;
	size_t a, b;            /* the list: tokens [a, b) */
	size_t next;            /* after the list and any breakdown of it */
	double low, high;
	bool has_low, has_high;
	bool named;             /* some member is named */
} victims;

static bool opens_apposition(const xdoc *d, size_t i)
{
	return tok_is(d, i, ",") || tok_is(d, i, "(") || tok_is(d, i, "-") || tok_is(d, i, "\xE2\x80\x94") ||
	       tok_is(d, i, "\xE2\x80\x93") || tok_is(d, i, "including");
}

static void sum_members(victims *v)
{
	v->low = v->high = 0;
	v->has_low = v->has_high = true;
	v->named = false;
	for (size_t k = 0; k < v->n; k++) {
		const member *m = &v->m[k];
		v->has_low &= m->has_low;
		v->has_high &= m->has_high;
		v->low += m->has_low ? m->low : 0;
		v->high += m->has_high ? m->high : 0;
		v->named |= m->named >= 0;
	}
	v->a = v->m[0].a;
	v->b = v->next = v->m[v->n - 1].b;
}

/* ", 58,", ", both 51,": ages set off after people, at token k; the token
 * of the closing comma, or k. */
static size_t age_apposition(const xdoc *d, size_t k, size_t end)
{
	if (k + 2 >= end || !tok_is(d, k, ","))
		return k;
	size_t q = k + 1;
	if (tok_is(d, q, "both") || tok_is(d, q, "all") || tok_is(d, q, "each") || tok_is(d, q, "aged"))
		q++;
	int j = q < end ? d->tok_num[q] : -1;
	if (j < 0 || !(is_age(d, q) || q > k + 1))
		return k;
	while (q < end && d->tok_num[q] == j)
		q++;
	/* "aged 34 and 36" */
	if (q + 1 < end && tok_is(d, q, "and") && d->tok_num[q + 1] >= 0) {
		j = d->tok_num[++q];
		while (q < end && d->tok_num[q] == j)
			q++;
	}
	return q < end && tok_is(d, q, ",") ? q : k;
}

/* After member m: ", 58," (an age: skipped), ", Alice McMeekin," (the
 * name of a person the member describes: "his mother, Alice McMeekin,")
 * and "and father of two" (the same person again). Returns the token of
 * the comma that closes them, or m->b. */
static size_t member_apposition(const xdoc *d, size_t end, member *m, bool *apposed)
{
	size_t k = m->b;
	*apposed = false;
	if (m->headed && k + 3 < end && tok_is(d, k, "and") && cue(d, k + 1, end, "kin") &&
	    (tok_is(d, k + 2, "of") || tok_is(d, k + 2, "to")) && d->tok_num[k + 3] >= 0) {
		size_t q = k + 3;
		while (q < end && d->tok_num[q] == d->tok_num[k + 3])
			q++;
		if (q < end && person_noun(d, q))
			q++;
		m->b = k = q;
	}
	for (int round = 0; round < 2; round++) {
		size_t q0 = k;
		k = age_apposition(d, k, end);
		*apposed |= k != q0;
		int e = k + 1 < end && tok_is(d, k, ",") ? cr_mention_entity_at(d, k + 1) : -1;
		if (m->named >= 0 || !m->headed || e < 0 || d->ents.items[e].type != CR_E_PERSON)
			break;
		size_t q = k + 1;
		while (q < end && cr_mention_entity_at(d, q) == e)
			q++;
		if (q >= end || !tok_is(d, q, ","))
			break;
		m->named = e;
		m->b = k = q;
		*apposed = true;
	}
	return k;
}

static bool read_list(const xdoc *d, size_t sent, size_t first, size_t i, size_t end, victims *v)
{
	v->n = 0;
	if (!read_member(d, sent, first, i, end, false, &v->m[0]))
		return false;
	v->n = 1;
	size_t committed = 1, after = v->m[0].b, committed_after = SIZE_MAX;
	bool comma_after_first = false, apposed = false, first_apposed = false;
	while (!v->m[0].zero && v->n < MAX_MEMBERS) {
		member *last = &v->m[v->n - 1];
		size_t k = member_apposition(d, end, last, &apposed);
		if (v->n == 1) {
			after = k;
			first_apposed = apposed;
			comma_after_first = k < end && tok_is(d, k, ",");
		}
		bool comma = k < end && tok_is(d, k, ",");
		bool conj = k < end && tok_is(d, k, "and");
		if (comma && k + 1 < end && tok_is(d, k + 1, "and"))
			conj = true, k++;
		if (!(comma || conj) || !last->headed)
			break;
		member next;
		if (!read_member(d, sent, first, k + 1, end, true, &next) || !next.headed || next.zero)
			break;
		/* "replacing injured Alonso, and Benitez said": who speaks opens a clause of its own */
		size_t rv;
		if (next.b < end && cr_tok_report_verb(d, next.b, end, &rv))
			break;
		v->m[v->n++] = next;
		if (conj) {
			committed_after = member_apposition(d, end, &v->m[v->n - 1], &apposed);
			committed = v->n;
			break;
		}
	}
	/* "three workers, a man and two women": a total and its breakdown */
	if (committed > 1 && comma_after_first && v->m[0].num >= 0 && v->m[0].has_low) {
		double rest = 0;
		for (size_t k = 1; k < committed; k++)
			rest += v->m[k].low;
		if (rest <= v->m[0].low)
			committed = 1;
	}
	/* commas with no "and" to close the list: an apposition, not a list */
	v->n = committed;
	sum_members(v);
	v->next = committed == 1 ? after : committed_after;
	/* past the comma that closes an apposition after the list */
	if ((committed == 1 ? first_apposed : apposed) && v->next < end && tok_is(d, v->next, ","))
		v->next++;
	return true;
}

/* "three people, a man and two women, were killed", "three bank workers a
 * man and two women died", "Three people, one of them a pregnant woman,
 * were": a breakdown of a total is skipped; the total stands. */
static void skip_breakdown(const xdoc *d, size_t sent, size_t first, size_t end, victims *v)
{
	if (v->n != 1 || v->m[0].num < 0)
		return;
	size_t k = v->b;
	if (k > first && dash_tail(d, k - 1)) {
		/* "workers-two women and a man-were": up to the closing glued dash */
		for (size_t q = k; q < end && q < k + 8 && !cr_tok_clause_break(d, q); q++)
			if (memchr(d->low[q], '-', d->lowlen[q]) && d->low[q][0] != '-') {
				v->next = q + 1;
				return;
			}
		return;
	}
	bool opened = k < end && opens_apposition(d, k);
	size_t s = opened ? k + 1 : k;
	if (opened && s < end && (tok_is(d, s, "including") || tok_is(d, s, "mostly") || tok_is(d, s, "mainly")))
		s++;   /* "Eleven people, including four children, were" */
	victims w;
	if (s >= end || !read_list(d, sent, first, s, end, &w))
		return;
	size_t e = w.b;
	member extra;
	/* "one of them a pregnant woman" */
	if (e < end && !opens_apposition(d, e) && read_member(d, sent, first, e, end, false, &extra) && extra.headed)
		e = extra.b;
	if (!opened && !(w.has_high && v->has_low && w.high <= v->low && w.n > 1))
		return;
	if (w.has_low && v->has_high && w.low > v->high)
		return;
	if (opened && e < end && (opens_apposition(d, e) || tok_is(d, e, ")")))
		e++;
	else if (opened && !(e < end && (gap_word(d, e, end) || any_casualty(d, e, end))))
		return;
	v->next = e;
}

/* ---- what a figure counts ---------------------------------------------- */

/* "tried to kill", "attempted murder of": no one was killed. */
static bool intended(const xdoc *d, size_t first, size_t s, size_t end)
{
	return s > first && cue(d, s - 1, end, "intent");
}

/* The casualty word or phrase that ends right before token a and takes
 * its figure after it ("killing", "the deaths of", "took the lives of"),
 * into *c. */
static bool word_before(const xdoc *d, size_t first, size_t a, size_t end, casualty *c)
{
	for (size_t s = a; s-- > first && s + 4 >= a;)
		if (casualty_at(d, s, end, c) && s + c->len == a && c->before)
			return !intended(d, first, s, end);
	if (a >= first + 2 && tok_is(d, a - 1, "of") && casualty_at(d, a - 2, end, c) && c->len == 1 && c->of)
		return !intended(d, first, a - 2, end);
	return false;
}

/* Does what stands at i read as the object of a verb before it? */
static bool object_at(const xdoc *d, size_t sent, size_t first, size_t i, size_t end)
{
	member m;
	return i < end && read_member(d, sent, first, i, end, false, &m) && (m.headed || m.num >= 0);
}

/* A word that may qualify a noun that counts only numbers ("300 lives"): a
 * nationality ("Libyan"), or a lower-case adjective ("innocent", "civilian"). */
static bool lives_modifier(const xdoc *d, size_t i)
{
	int e = cr_mention_entity_at(d, i);
	if (e >= 0)
		return d->ents.items[e].type == CR_E_OTHER && cr_is_demonym(tok_text(d, i), tok_len(d, i));
	return d->seg.tokens[i].kind == CR_TOK_WORD && cr_is_lower((unsigned char)tok_text(d, i)[0]) &&
	       !cr_tok_stop_word(d, i) && !tok_ends(d, i, "ed") && !tok_ends(d, i, "ing") && !tok_ends(d, i, "s") &&
	       !tok_ends(d, i, "ly");
}

/* The casualty word after the list, across gap words, one relative
 * ("who were reported to be missing") and one participle phrase ("a deputy
 * working with a unit was killed"), into *c; a hedge on the way sets
 * h->hedged, "among the" ("were among the dead") h->part. None when the
 * word is active ("officers shot and killed a teenager": the officers are
 * no victims) or counts only numbers. */
static bool word_after(const xdoc *d, size_t sent, size_t first, size_t k, size_t end, bool numeral, casualty *c,
                       how *h)
{
	bool relative = false, participle = false, gapped = false;
	/* "cost 1,269 Libyan lives", "12 innocent lives": a word or two qualify the noun */
	for (size_t q = k; numeral && q < end && q < k + 2 && lives_modifier(d, q); q++)
		if (q + 1 < end && casualty_at(d, q + 1, end, c) && c->noun && c->after)
			return true;
	for (size_t steps = 0; k < end && steps < 12; steps++) {
		if (casualty_at(d, k, end, c)) {
			if (!c->after || (c->noun && !numeral))
				return false;
			/* "killed" with an object of its own is active; so is one right
			 * after a name with no "by" ("whom LaRue shot and killed") */
			if (c->before && (object_at(d, sent, first, k + c->len, end) ||
			                  (!gapped && !numeral && !(k + c->len < end && tok_is(d, k + c->len, "by")))))
				return false;
			return true;
		}
		if (gap_word(d, k, end)) {
			gapped = true;
			h->hedged |= cue(d, k, end, "hedge");
			k++;
			continue;
		}
		if (gapped && !h->part && tok_is(d, k, "among") && k + 1 < end && (tok_is(d, k + 1, "the") || tok_is(d, k + 1, "those"))) {
			h->part = true;
			k += 2;
			continue;
		}
		if (!relative && (tok_is(d, k, "who") || tok_is(d, k, "that")) && k + 1 < end && gap_word(d, k + 1, end)) {
			relative = gapped = true;
			k++;
			continue;
		}
		size_t n = d->lowlen[k];
		if (!participle && n > 4 && memcmp(d->low[k] + n - 3, "ing", 3) == 0 && !cr_tok_capitalised(d, k)) {
			size_t q = k + 1;
			while (q < end && q < k + 7 && !cr_tok_clause_break(d, q) && !tok_is(d, q, ",") && d->tok_num[q] < 0 &&
			       !(tok_is(d, q, "was") || tok_is(d, q, "were")))
				q++;
			if (q < end && (tok_is(d, q, "was") || tok_is(d, q, "were"))) {
				participle = gapped = true;
				k = q;
				continue;
			}
		}
		break;
	}
	return false;
}

/* "60 people spent the night in a church after being evacuated": the
 * subject of a clause whose "after being" phrase is a casualty word. */
static bool after_being(const xdoc *d, size_t k, size_t end, casualty *c)
{
	for (size_t q = k; q + 2 < end && q < k + 14; q++) {
		if (cr_tok_clause_break(d, q) || d->tok_num[q] >= 0)
			return false;
		if (tok_is(d, q, "after") && tok_is(d, q + 1, "being") && casualty_at(d, q + 2, end, c) && c->after && !c->noun)
			return true;
	}
	return false;
}

/* "the death toll rose to 10", "the death toll from Monday's earthquake
 * has risen to nearly 8,000", "a death toll of 3": words of figure-cues.tsv
 * "toll" from "death toll" (or "the number of dead", or the end of a phrase
 * after them) to the figure at token a: the predicate they give. "The new
 * death toll came after two more bodies were found" gives none. */
static const char *toll_before(const xdoc *d, size_t first, size_t a, size_t end)
{
	for (size_t t = a; t-- > first + 1 && t + 18 > a;) {
		if (cr_tok_clause_break(d, t) || (d->tok_num[t] >= 0 && t + 1 < a))
			return NULL;
		/* "the death toll", "the number of dead", "the number of injured" */
		const char *pred = NULL;
		casualty c;
		if (tok_is(d, t, "toll") && tok_is(d, t - 1, "death"))
			pred = "killed";
		else if (t >= first + 2 && tok_is(d, t - 1, "of") && tok_is(d, t - 2, "number") && casualty_at(d, t, end, &c) &&
		         c.len == 1 && c.after)
			pred = c.pred;
		if (!pred)
			continue;
		size_t k = t + 1;
		/* "from Monday's earthquake in Turkey and Syria": up to its verb */
		if (k < a && (tok_is(d, k, "from") || tok_is(d, k, "in") || tok_is(d, k, "of") || tok_is(d, k, "for"))) {
			size_t q = k + 1;
			while (q < a && !(cue(d, q, end, "toll") && !tok_is(d, q, "of") && !tok_is(d, q, "at") && !tok_is(d, q, "to")))
				q++;
			if (q < a)
				k = q;
		}
		while (k < a && cue(d, k, end, "toll"))
			k++;
		return k == a && k > t + 1 ? pred : NULL;
	}
	return NULL;
}

static bool in_rate_clause(const xdoc *d, size_t first, size_t end, size_t at)
{
	for (size_t i = first; i < end; i++) {
		size_t n;
		long r = cr_phrase_at(d, d->x->cues, i, end, &n);
		/* "every day since the death of": a duration, no rate */
		/* "trapped for nearly a day", "within a week": a duration, no rate */
		bool lasting = i > first && tok_is(d, i, "a") &&
		               ANY_OF(d, i - 1, "for", "nearly", "almost", "about", "around", "in", "within", "than", "over",
		                      "after", "under", "just", "only", "barely", "half", "least", "up");
		if (r >= 0 && strcmp(cr_phrase_class(d->x->cues, r), "rate") == 0 && !lasting &&
		    !(i + n < end && (tok_is(d, i + n, "since") || tok_is(d, i + n, "for")))) {
			bool crosses = false;
			for (size_t k = CR_MIN(i, at); k < CR_MAX(i, at); k++)
				crosses |= cr_tok_clause_break(d, k);
			if (!crosses)
				return true;
		}
	}
	return false;
}

/* ---- whom a figure belongs to -------------------------------------------- */

/* The ISO country code of a gazetteer name ("city:UA:481626", "country:UA",
 * "demonym:GB", "subdivision:ES-C"), copied into cc[3]; false when it has none. */
static bool gazetteer_country(const char *w, size_t n, char cc[3])
{
	return cr_gazetteer_place(w, n, cc) != CR_PLACE_UNKNOWN;
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
		if (cr_tok_clause_break(d, k) || any_casualty(d, k, end) || gap_word(d, k, end) || !cr_tok_capitalised(d, k))
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

/* The article's incident when the sentence names none: the only one, else
 * the first (the one its lead reports); -2 when there is none yet. */
static int article_incident(const xdoc *d)
{
	for (size_t k = 0; k < d->events.len; k++)
		if (cr_incident_type(d->events.items[k].type))
			return (int)k;
	return -2;
}

/* "High Street", "East 223rd Street": a place too small to hold figures of
 * its own, so a figure there is the incident's. */
static bool street(const xdoc *d, int e)
{
	return strchr(d->ents.items[e].name, ' ') && last_word_is(d, d->ents.items[e].name, "street");
}

/* "Twenty-one thousand people lost their lives in the catastrophes", "the
 * disasters of 2004": a sentence with no event word of its own that counts
 * over several disasters gives a total of no one event. */
static bool several_disasters(const xdoc *d, const sent_events *se)
{
	for (size_t k = se->first; k < se->end; k++)
		if (ANY_OF(d, k, "disasters", "catastrophes", "tragedies", "calamities"))
			return true;
	return false;
}

/* The event (or place, *kind) a figure at token i belongs to; -1 for none,
 * -2 when the article has named no incident yet (decided at its end). */
static int figure_subject(xdoc *d, size_t sent, sent_events *se, size_t i, const char *pred, bool individual,
                          uint8_t *kind, int *part)
{
	*kind = CR_SUBJ_EVENT;
	*part = -1;
	/* a target named without a trigger is hit by an incident of its own when
	 * people were killed or hurt there, but not where people went
	 * ("evacuated to a nearby church", "took shelter in schools") */
	if (se->ev == -2 && strcmp(pred, "killed") != 0 && strcmp(pred, "injured") != 0)
		se->ev = -1;
	for (size_t k = se->target_tok; se->ev == -2 && k-- > se->first && k + 4 > se->target_tok;) {
		casualty c;
		if (tok_is(d, k, "to") || tok_is(d, k, "into") || tok_is(d, k, "towards") ||
		    (casualty_at(d, k, se->end, &c) && k + c.len > se->target_tok))   /* "treated at a hospital" */
			se->ev = -1;
	}
	if (se->ev == -2) {
		se->ev = cr_event_for_target(d, sent, "attack", se->target, se->place, d->seg.tokens[se->target_tok].start);
		d->last_event = se->ev;
		d->last_event_sent = (int)sent;
	}
	int subject = se->ev;
	if (subject < 0 && several_disasters(d, se))
		return -1;
	/* a figure belongs to the target named just before it, when that is not
	 * the sentence's own ("the strikes on schools and the theatre that
	 * sheltered 1,000 civilians": the theatre's) */
	for (size_t k = se->ntargets; k-- > 0;) {
		size_t tt = se->target_toks[k];
		if (tt >= i || i - tt > 10)
			continue;
		bool crosses = false;
		for (size_t q = tt; q < i && !crosses; q++)
			crosses = cr_tok_clause_break(d, q);
		if (!crosses && (!se->target || strcmp(se->targets[k], se->target) != 0 || tt != se->target_tok) &&
		    (se->ev < 0 || !d->events.items[se->ev].target || strcmp(d->events.items[se->ev].target, se->targets[k]) != 0)) {
			subject = cr_event_for_target(d, sent, se->type && cr_incident_type(se->type) ? se->type : "attack", se->targets[k],
			                           se->place, d->seg.tokens[tt].start);
		}
		break;
	}
	if (subject < 0 && se->same_para_event && (int)sent - d->last_event_sent <= 2)
		subject = d->last_event;
	/* "It killed 612 people": the event of the sentence before */
	if (subject < 0 && tok_is(d, se->first, "it") && d->last_event >= 0 && d->last_event_sent + 1 == (int)sent)
		subject = d->last_event;
	/* "In Syria, 1,400 people had died": a figure for one place the article's
	 * disaster struck is part of its toll; of other incidents, a place's own */
	int incident = article_incident(d);
	if (subject < 0 && se->place >= 0 && incident >= 0 && cr_disaster_type(d->events.items[incident].type)) {
		if (se->place != d->events.items[incident].place && !street(d, se->place))
			*part = se->place;
		return incident;
	}
	if (subject < 0 && se->place >= 0 && !individual && !street(d, se->place)) {
		*kind = CR_SUBJ_ENTITY;
		return se->place;
	}
	/* "Dozens were injured, according to the Kenya Red Cross": with no event or
	 * place in sight, the incident the article reports */
	if (subject < 0)
		subject = incident;
	return subject;
}

/* ---- claims ------------------------------------------------------------------ */

static void set_number(cr_claim *c, bool has_low, double low, bool has_high, double high)
{
	c->has_number = true;
	c->has_low = has_low;
	c->has_high = has_high;
	c->low = low;
	c->high = high;
}

static void set_words(xdoc *d, cr_claim *c, size_t a, size_t b)
{
	cr_claim_set_text(c, d->text + d->seg.tokens[a].start, d->seg.tokens[b - 1].end - d->seg.tokens[a].start);
}

/* "The earthquake in 2004 killed 170,000 people": a sentence dated more
 * than a year before its event (or, when the event is undated, before the
 * report) tells of an earlier one, whatever event word it took up. */
static bool dated_before(const xdoc *d, size_t first, size_t end, int ev)
{
	cr_dayrange ref = ev >= 0 && cr_range_known(d->events.items[ev].time) ? d->events.items[ev].time : d->pub;
	if (!cr_range_known(ref))
		return false;
	for (size_t i = first; i < end; i++) {
		int t = d->tok_tx[i];
		if (t < 0 || (i > first && d->tok_tx[i - 1] == t))
			continue;
		const cr_timex *x = &d->tx[t];
		if (x->type == CR_TIMEX_DATE && cr_range_known(x->range) && x->range.latest + 365 < ref.earliest)
			return true;
	}
	return false;
}

/* "more than 30,000 in Sri Lanka": the one place of a disaster that struck
 * several named right after a figure ending before token b, when it is not
 * the event's own; "across Turkey and Syria" names two, so no one place. */
static int figure_place(const xdoc *d, int ev, size_t b, size_t end)
{
	int where = -1, places = 0;
	for (size_t q = b; q < end && q < b + 8 && !cr_tok_clause_break(d, q); q++) {
		int e = cr_mention_entity_at(d, q);
		if (e < 0 || d->ents.items[e].type != CR_E_PLACE || (q > b && cr_mention_entity_at(d, q - 1) == e))
			continue;
		if (e != where)
			places++;
		where = e;
	}
	return places == 1 && where != d->events.items[ev].place ? where : -1;
}

/* "41 Britons": a figure for one nationality says so in its scope and its words. */
static void nationality(xdoc *d, cr_claim *c, const member *m, size_t end, int place)
{
	const cr_number *n = &d->nums[m->num];
	size_t q = m->a;
	while (q < end && d->tok_num[q] == m->num)
		q++;
	char cc[3];
	if (!figure_scope(d, q, end, place, cc))
		return;
	memcpy(c->scope, cc, 3);
	size_t last = q - 1;
	while (last + 1 < end && last < q + 1 && cr_tok_capitalised(d, last + 1) && !cr_tok_clause_break(d, last + 1))
		last++;
	if (last + 1 < end && person_noun(d, last + 1))
		last++;
	cr_claim_set_text(c, d->text + n->start, d->seg.tokens[last].end - n->start);
}

/* Do the members single people out one by one ("a deputy", "a police
 * officer and a technician"), with no number among them? */
static bool enumeration(const victims *v)
{
	for (size_t k = 0; k < v->n; k++)
		if (!v->m[k].one)
			return false;
	return true;
}

/* "n2": the scope of a claim that counts people singled out one by one,
 * compared only with claims that single out as many. */
static void enumeration_scope(cr_claim *c, size_t count)
{
	snprintf(c->scope, sizeof c->scope, "n%zu", count < 99 ? count : (size_t)99);
}

/* The claims of one list of victims, tied to predicate pred. A list that
 * names people is one claim of one for each; one that singles people out
 * unnamed ("a police officer and a technician") one claim of their number;
 * a part of the toll ("two children were among the dead") one claim of it;
 * all with the scope of enumerations ("n1", "n2"). Anything else ("two
 * women and a man", "300 people") is a total. */
/* The interval a figure plausibly means (as findings.c reads it: "at least
 * N" seldom exceeds 3N). */
static void plausible_range(bool has_low, double low, bool has_high, double high, double *lo, double *hi)
{
	*lo = has_low ? low : has_high ? high / 3 : 0;
	*hi = has_high ? high : has_low ? low * 3 : INFINITY;
}

/*
 * One report does not contradict itself: a toll more than three times apart
 * from one it has already given for the event ("Ten dead in the quake" ...
 * "Bam was destroyed by a quake which killed tens of thousands") counts
 * another, recalled event of its kind, in the sentence's place. A sentence
 * with no event word of its own keeps the event (a toll that "rose to").
 */
static int recalled_event(xdoc *d, const sent_events *se, int subject, const char *pred, const victims *v)
{
	if (subject < 0 || !se->type || se->trig_tok == SIZE_MAX)
		return subject;
	double lo, hi;
	plausible_range(v->has_low, v->low, v->has_high, v->high, &lo, &hi);
	for (size_t k = 0; k < d->claims.len; k++) {
		const cr_claim *c = &d->claims.items[k];
		if (c->subject_kind != CR_SUBJ_EVENT || c->subject != subject || strcmp(c->predicate, pred) != 0 || !c->has_number ||
		    c->scope[0])
			continue;
		double clo, chi;
		plausible_range(c->has_low, c->low, c->has_high, c->high, &clo, &chi);
		if (lo > 3 * chi || 3 * hi < clo)
			return cr_new_event_like(d, subject, se->place, d->seg.tokens[se->trig_tok].start);
	}
	return subject;
}

/* Whether the sentence opens with a period it counts over ("Over the past 30
 * years, 3,000 people have died", "Since 2001, ...", "Between 1990 and 2004,
 * ..."): a tally of many events, no toll of the one it reports. A period
 * elsewhere is often the event's own ("the worst riots since 1974, in which
 * two died", "two years after the death of"). */
static bool counts_a_period(const xdoc *d, size_t first, size_t end)
{
	for (size_t k = first; k < end && k < first + 4; k++) {
		int x = d->tok_tx[k];
		if (x < 0 || (k > first && d->tok_tx[k - 1] == x))
			continue;
		size_t e = k;
		while (e < end && d->tok_tx[e] == x)
			e++;
		if (e >= end || !tok_is(d, e, ","))
			return false;   /* "In the past 30 years, ..." closes with a comma */
		const char *v = d->tx[x].value;
		bool lead = k > first && (tok_is(d, k - 1, "since") || tok_is(d, k - 1, "between") || tok_is(d, k - 1, "over") ||
		                          tok_is(d, k - 1, "during") || tok_is(d, k - 1, "throughout") || tok_is(d, k - 1, "in"));
		/* a span of months, years or decades, or a date a span starts from */
		bool span = v[0] == 'P' && v[1] != 'T' && (strchr(v, 'Y') || strchr(v, 'M') || strstr(v, "DE"));
		return lead && (span || tok_is(d, k - 1, "since") || tok_is(d, k - 1, "between"));
	}
	return false;
}

static void emit_victims(xdoc *d, size_t sent, sent_events *se, const victims *v, const char *pred, const how *h)
{
	if (counts_a_period(d, se->first, se->end))
		return;
	uint8_t kind;
	bool singles = v->named, listed = !singles && (enumeration(v) || h->part);
	int part;
	int subject = figure_subject(d, sent, se, v->a, pred, singles || listed, &kind, &part);
	if (subject == -1)
		return;
	if (subject == -2)
		subject = -1;   /* decided by cr_finish_figures */
	if (kind == CR_SUBJ_EVENT && subject >= 0 && se->ev == subject && dated_before(d, se->first, se->end, subject))
		return;
	if (kind == CR_SUBJ_EVENT && !singles && !listed)
		subject = recalled_event(d, se, subject, pred, v);
	uint8_t modality = cr_clause_modality(d, sent, v->a, false);
	if (v->m[0].zero)
		modality = CR_MODAL_DENIED;
	else if (h->hedged && (modality == CR_MODAL_ASSERTED || modality == CR_MODAL_REPORTED))
		modality = CR_MODAL_UNCERTAIN;
	for (size_t k = 0; k < (singles ? v->n : 1); k++) {
		const member *m = &v->m[k];
		cr_claim *c = cr_new_claim(d, sent, m->a, pred, kind, subject);
		c->modality = modality;
		if (listed && h->part) {
			/* "two children were among the dead": a part, as many as it says */
			set_number(c, v->has_low, v->low, v->has_high, v->high);
			enumeration_scope(c, v->has_low && v->low >= 0 ? (size_t)v->low : 0);
			set_words(d, c, v->a, v->b);
			continue;
		}
		if ((singles && m->num < 0) || listed) {
			size_t count = listed ? v->n : 1;
			set_number(c, true, (double)count, true, (double)count);
			enumeration_scope(c, count);
			set_words(d, c, listed ? v->a : m->a, listed ? v->b : m->b);
			continue;
		}
		bool numeral = m->num >= 0 && (singles || v->n == 1);
		if (singles)
			set_number(c, m->has_low, m->low, m->has_high, m->high);
		else
			set_number(c, v->has_low, v->low, v->has_high, v->high);
		if (numeral)
			cr_claim_set_text(c, d->text + d->nums[m->num].start, d->nums[m->num].end - d->nums[m->num].start);
		else
			set_words(d, c, v->a, v->b);
		if (subject < 0)
			continue;
		if (kind == CR_SUBJ_EVENT && cr_disaster_type(d->events.items[subject].type))
			c->value_entity = part >= 0 ? part : figure_place(d, subject, singles ? m->b : v->b, se->end);
		int where = kind == CR_SUBJ_EVENT ? d->events.items[subject].place : subject;
		if (numeral)
			nationality(d, c, m, se->end, c->value_entity >= 0 ? c->value_entity : where);
	}
}

/* Does the sentence tell of a violent death: an incident's word, a
 * shooting, a killing that happened (or *violent, an incident in sight),
 * and no natural cause ("Gotti died of cancer", "died after a heart
 * attack", "conspiring to kill")? */
static bool violent_sentence(const xdoc *d, size_t first, size_t end, bool violent)
{
	for (size_t k = first; k < end; k++) {
		if (cue(d, k, end, "natural"))
			return false;
		const char *t = cr_trigger_type(d, k);
		casualty c;
		violent |= (t && cr_incident_type(t)) || cue(d, k, end, "shooting") ||
		           (casualty_at(d, k, end, &c) && strcmp(c.pred, "killed") == 0 && !c.death && !intended(d, first, k, end));
	}
	return violent;
}

/* The casualty word a list of victims is tied to (into *c), or false; how
 * they stand to it in *h. */
static bool victims_word(const xdoc *d, size_t sent, const sent_events *se, const victims *v, casualty *c, how *h)
{
	size_t first = se->first, end = se->end;
	const member *m0 = &v->m[0];
	memset(c, 0, sizeof *c);
	if (m0->noun_pred) {
		c->pred = m0->noun_pred;
		return true;
	}
	/* "wounding other 70", "killing some 300" */
	size_t a = v->a;
	while (m0->num >= 0 && a > first &&
	       (tok_is(d, a - 1, "other") || tok_is(d, a - 1, "another") || tok_is(d, a - 1, "some") ||
	        tok_is(d, a - 1, "the") || tok_is(d, a - 1, "a") || tok_is(d, a - 1, "up") || tok_is(d, a - 1, "to")))
		a--;
	bool numeral = m0->num >= 0 || m0->zero || m0->bare;
	/* "A deputy — a recently married father of two — died": past the aside;
	 * "The victims, a man and his son, died": past the apposition's comma */
	size_t next = v->next;
	if (next < end && tok_is(d, next, ",") && v->a > first && tok_is(d, v->a - 1, ",") && next > v->b - 1)
		next++;
	bool dash = next < end && (tok_is(d, next, "\xE2\x80\x94") || tok_is(d, next, "\xE2\x80\x93") || tok_is(d, next, "("));
	for (size_t k = next + 1; dash && k < end && k < next + 16; k++)
		if (tok_is(d, k, tok_is(d, next, "(") ? ")" : d->low[next])) {
			next = k + 1;
			break;
		}
	bool found = word_before(d, first, a, end, c);
	const char *toll = !found && m0->num >= 0 && v->n == 1 ? toll_before(d, first, v->a, end) : NULL;
	if (toll) {
		memset(c, 0, sizeof *c);
		c->pred = toll;
		found = true;
	}
	found = found || word_after(d, sent, first, next, end, numeral, c, h) || after_being(d, next, end, c);
	/* "could save 65 lives a year", "five million lives could have been
	 * saved": lives saved or spared are no toll */
	if (found && c->noun) {
		static const char *const saving[] = {"save", "saves", "saved", "saving", "spare", "spares", "spared", "sparing"};
		for (size_t k = v->a; k-- > first && k + 4 > v->a;)
			if (cr_tok_word_in(d, k, saving, CR_ARRAY_LEN(saving)))
				return false;
		for (size_t k = v->b; k < end && k < v->b + 6 && !cr_tok_clause_break(d, k); k++)
			if (cr_tok_word_in(d, k, saving, CR_ARRAY_LEN(saving)))
				return false;
	}
	/* people "still inside" a place under siege are trapped */
	if (!found && se->siege && m0->num >= 0 && v->b + 2 < end)
		for (size_t k = v->b; k < end && k < v->b + 6 && !found; k++)
			if (tok_is(d, k, "inside") || tok_is(d, k, "within")) {
				memset(c, 0, sizeof *c);
				c->pred = "trapped";
				found = true;
			}
	/* one person's death is an incident's only when the sentence, or its
	 * event or the sentence before it, tells of one */
	if (found && c->death && (v->named || m0->one)) {
		bool before = se->ev >= 0 || (d->last_event >= 0 && d->last_event_sent + 1 >= (int)sent);
		if (!before && sent > 0) {
			const cr_sentence *p = &d->seg.sentences[sent - 1];
			before = violent_sentence(d, p->first_token, p->first_token + p->ntokens, false);
		}
		if (!violent_sentence(d, first, end, before))
			return false;
	}
	/* a hedge before the figure in its clause: "it is feared that ten died" */
	for (size_t k = v->a; found && k-- > first && !cr_tok_clause_break(d, k) && !tok_is(d, k, ",");)
		h->hedged |= cue(d, k, end, "hedge");
	return found;
}

/* ---- populations ------------------------------------------------------------- */

static bool settlement_word(const xdoc *d, size_t i, size_t end)
{
	return i < end && cue(d, i, end, "settlement");
}

/* How a place mention at [a, b) is described: 2 as a settlement of the kind
 * at token kind_tok ("Qeshm island", "the town of Zarand", "Zarand, a town
 * of"), 1 as another settlement, 0 not at all. */
static int described_as(const xdoc *d, size_t a, size_t b, size_t kind_tok)
{
	size_t end = d->seg.ntokens;
	size_t cands[5], nc = 0;
	cands[nc++] = b - 1;   /* "Qeshm Island" named with its kind */
	if (b < end)
		cands[nc++] = b;
	if (a >= 2 && tok_is(d, a - 1, "of"))
		cands[nc++] = a - 2;
	if (b + 1 < end && tok_is(d, b, ","))
		for (size_t k = b + 1; k < end && k < b + 5 && nc < 5; k++)
			if (settlement_word(d, k, end)) {
				cands[nc++] = k;
				break;
			}
	int best = 0;
	for (size_t k = 0; k < nc; k++) {
		if (!settlement_word(d, cands[k], end))
			continue;
		bool same = kind_tok < end && d->lowlen[cands[k]] == d->lowlen[kind_tok] &&
		            memcmp(d->low[cands[k]], d->low[kind_tok], d->lowlen[kind_tok]) == 0;
		best = CR_MAX(best, same ? 2 : 1);
	}
	return best;
}

/* "the island", "the town": the place last described as one, in the
 * sentences before token at (a place of the same kind first). */
static int settlement_antecedent(const xdoc *d, size_t at, size_t kind_tok)
{
	size_t sent = (size_t)d->tok_sent[at];
	size_t from = d->seg.sentences[sent >= 4 ? sent - 4 : 0].first_token;
	int best = -1, best_score = 0;
	for (size_t k = at; k-- > from;) {
		/* a name described as a town is a place, whatever the tagger typed it */
		int e = cr_mention_entity_at(d, k);
		if (e < 0 || (k > 0 && cr_mention_entity_at(d, k - 1) == e))
			continue;
		size_t b = k;
		while (b < at && cr_mention_entity_at(d, b) == e)
			b++;
		int score = described_as(d, k, b, kind_tok);
		if (score > best_score) {
			best = e;
			best_score = score;
			if (score == 2)
				break;
		}
	}
	return best;
}

/* The place a noun phrase ending before token b names: "Qeshm island",
 * "Bandar Abbas", "the island" (its antecedent). */
static int place_before(const xdoc *d, size_t first, size_t b)
{
	if (b <= first)
		return -1;
	size_t k = b - 1;
	size_t end = d->seg.ntokens;
	if (settlement_word(d, k, end)) {
		int e = k > first ? cr_mention_entity_at(d, k - 1) : -1;
		if (e >= 0)
			return e;
		if (k > first && tok_is(d, k - 1, "the"))
			return settlement_antecedent(d, k - 1, k);
		return -1;
	}
	int e = cr_mention_entity_at(d, k);
	return e >= 0 && d->ents.items[e].type == CR_E_PLACE ? e : -1;
}

/* "Qeshm Island" is the place the article also calls "Qeshm": a name
 * ending in a settlement word stands for the bare name when that is one
 * of the article's places. */
static int bare_name(const xdoc *d, int e)
{
	const char *name = d->ents.items[e].name, *sp = strrchr(name, ' ');
	if (!sp || !last_word_is(d, name, "settlement"))
		return e;
	size_t n = (size_t)(sp - name);
	for (size_t k = 0; k < d->ents.len; k++)
		if (d->ents.items[k].type == CR_E_PLACE && strlen(d->ents.items[k].name) == n &&
		    memcmp(d->ents.items[k].name, name, n) == 0)
			return (int)k;
	return e;
}

/* The subject of the sentence, when it is a place: "Qeshm, a ... island
 * ..., has a population of", "The island is home to". */
static int subject_place(const xdoc *d, size_t first, size_t end)
{
	size_t k = first;
	if (k < end && tok_is(d, k, "the") && settlement_word(d, k + 1, end))
		return settlement_antecedent(d, k, k + 1);
	int e = cr_mention_entity_at(d, k);
	if (e < 0 && k + 1 < end && tok_is(d, k, "the"))
		e = cr_mention_entity_at(d, ++k);
	return e >= 0 && d->ents.items[e].type == CR_E_PLACE ? e : -1;
}

/*
 * A population figure: "a population of N",
 * "home to N", "a town of N (people)", "has N residents" (number j at token
 * i). The place is the
 * name the phrase is in apposition to ("Qeshm island, home to 120,000
 * people"; "Bandar Abbas, a city of 500,000"; "the island, which has about
 * 200,000 residents"), else the sentence's subject; "The town of 14,000"
 * is the town last described. Returns true when it was one (claimed or
 * not: a population is no casualty figure).
 */
static bool population(xdoc *d, size_t sent, size_t first, size_t end, int j, size_t i)
{
	size_t b = i;
	while (b < end && d->tok_num[b] == j)
		b++;
	size_t p = SIZE_MAX;    /* where the population phrase starts */
	size_t kind_tok = SIZE_MAX;
	if (i >= first + 2 && tok_is(d, i - 1, "of") && tok_is(d, i - 2, "population"))
		p = i - 2;
	else if (i >= first + 1 && tok_is(d, i - 1, "population"))
		p = i - 1;
	else if (i >= first + 2 && tok_is(d, i - 1, "to") && tok_is(d, i - 2, "home"))
		p = i - 2;
	else if (i >= first + 2 && tok_is(d, i - 1, "of") && settlement_word(d, i - 2, end))
		p = i - 2, kind_tok = i - 2;
	else if (i > first && (tok_is(d, i - 1, "has") || tok_is(d, i - 1, "have") || tok_is(d, i - 1, "with")) && b < end &&
	         (tok_is(d, b, "residents") || tok_is(d, b, "inhabitants") || tok_is(d, b, "people")) &&
	         !(b + 1 < end && (any_casualty(d, b + 1, end) || gap_word(d, b + 1, end))))
		p = i - 1;
	if (p == SIZE_MAX)
		return false;
	/* step back over the words of the phrase: "a pre-war population of",
	 * "which is home to", "with a population of" */
	size_t s = p;
	while (s > first && s + 6 > p && !tok_is(d, s - 1, ",") && !cr_tok_clause_break(d, s - 1) &&
	       cr_mention_entity_at(d, s - 1) < 0 && !(tok_is(d, s - 1, "the") && kind_tok == s))
		s--;
	int where = -1;
	bool its = false;
	for (size_t k = s; k < p; k++)
		its |= tok_is(d, k, "its");
	if (its) {
		/* "a city where half of its pre-war population of 450,000 has fled" */
		for (size_t k = s; k-- > first && where < 0;) {
			int e = cr_mention_entity_at(d, k);
			if (e >= 0 && d->ents.items[e].type == CR_E_PLACE)
				where = e;
		}
	} else if (kind_tok != SIZE_MAX && s == kind_tok && s > first && tok_is(d, s - 1, "the")) {
		where = settlement_antecedent(d, s - 1, kind_tok);   /* "The town of 14,000" */
	} else if (s > first && tok_is(d, s - 1, ",") &&
	           !(tok_is(d, s, "has") || tok_is(d, s, "have") || tok_is(d, s, "had") || tok_is(d, s, "is"))) {
		where = place_before(d, first, s - 1);               /* "X, home to N" */
		/* "in the Persian Gulf, with a population of": the clause's subject */
		size_t q = s - 1;
		while (where >= 0 && q > first && cr_mention_entity_at(d, q - 1) == where)
			q--;
		if (where >= 0 && tok_is(d, s, "with") && q >= first + 2 && tok_is(d, q - 1, "the") && tok_is(d, q - 2, "in"))
			where = subject_place(d, first, end);
	} else {
		/* "X has a population of N": the sentence's subject, or the noun
		 * a "which" clause hangs on */
		size_t w = p;
		while (w > first && w + 20 > p && !cr_tok_clause_break(d, w - 1) && !tok_is(d, w - 1, "which"))
			w--;
		if (w > first + 1 && tok_is(d, w - 1, "which") && tok_is(d, w - 2, ","))
			where = place_before(d, first, w - 2);
		else
			where = subject_place(d, first, end);
	}
	if (where < 0)
		return true;
	where = bare_name(d, where);
	const cr_number *n = &d->nums[j];
	cr_claim *c = cr_new_claim(d, sent, i, "population", CR_SUBJ_ENTITY, where);
	set_number(c, n->has_low, n->low, n->has_high, n->high);
	cr_claim_set_text(c, d->text + n->start, n->end - n->start);
	c->modality = cr_clause_modality(d, sent, i, false);
	return true;
}

/* ---- magnitudes ------------------------------------------------------------- */

static bool has_word(const xdoc *d, size_t i, const char *w)
{
	size_t n = strlen(w);
	for (size_t k = 0; k + n <= d->lowlen[i]; k++)
		if (memcmp(d->low[i] + k, w, n) == 0)
			return true;
	return false;
}

/* Is number j at tokens [i, b) a magnitude? "5.6-magnitude", "magnitude-5.9",
 * "a 5.6 magnitude quake", "magnitude of (at least) 6.1", "puts the
 * magnitude at 6.1", "measuring 5.9", "5.2 on the Richter scale", "a 6.7
 * degree quake", "6.7-strength". */
static bool is_magnitude(const xdoc *d, size_t first, size_t end, size_t i, size_t b)
{
	if (has_word(d, i, "magnitude") || has_word(d, i, "-strength"))
		return true;
	for (size_t k = b; k < end && k < b + 2; k++)
		if (tok_is(d, k, "magnitude") || tok_is(d, k, "-magnitude") || tok_is(d, k, "-strength") ||
		    (tok_is(d, k, "on") && k + 2 < end && tok_is(d, k + 2, "richter")) ||
		    (tok_is(d, k, "degree") && k + 1 < end && cr_trigger_type(d, k + 1)))
			return true;
		else if (!tok_is(d, k, "-"))
			break;
	for (size_t k = i; k-- > first && k + 5 > i;) {
		if (tok_is(d, k, "magnitude") || tok_is(d, k, "magnitudes") || tok_is(d, k, "measuring") ||
		    tok_is(d, k, "measured") || tok_is(d, k, "registering") || tok_is(d, k, "registered"))
			return true;
		if (!(tok_is(d, k, "of") || tok_is(d, k, "at") || tok_is(d, k, "was") || tok_is(d, k, "is") ||
		      tok_is(d, k, "a") || tok_is(d, k, "an") || tok_is(d, k, "the") || tok_is(d, k, "quake's") ||
		      tok_is(d, k, "'s") || tok_is(d, k, "strength") || tok_is(d, k, "force") || cr_trigger_type(d, k)))
			return false;
	}
	return false;
}

/* "was followed by a second quake of magnitude 7.5", "aftershocks of
 * magnitude 4": the nearest event word to a magnitude at token i names
 * another quake than the sentence's. */
static bool another_quake(const xdoc *d, size_t first, size_t end, size_t i)
{
	size_t best = SIZE_MAX, dist = SIZE_MAX;
	for (size_t k = i > first + 6 ? i - 6 : first; k < end && k < i + 6; k++) {
		size_t dk = k > i ? k - i : i - k;
		if ((cr_trigger_type(d, k) || tok_is(d, k, "aftershocks")) && dk < dist) {
			best = k;
			dist = dk;
		}
	}
	if (best == SIZE_MAX)
		return false;
	if (tok_is(d, best, "aftershock") || tok_is(d, best, "aftershocks"))
		return true;
	for (size_t k = best; k-- > first && k + 3 > best;)
		if (tok_is(d, k, "second") || tok_is(d, k, "another") || tok_is(d, k, "third"))
			return true;
	return false;
}

/* "magnitudes of 6.1 and 5.8", "put it at 5.9, but the USGS said it was
 * 6.1": a decimal after "and", "was" or "at" in a sentence that has given a
 * magnitude is another. */
static bool another_magnitude(const xdoc *d, size_t first, size_t i)
{
	if (i == first || !(tok_is(d, i - 1, "and") || tok_is(d, i - 1, "or") || tok_is(d, i - 1, "was") ||
	                     tok_is(d, i - 1, "at") || tok_is(d, i - 1, "of")))
		return false;
	const char *t = tok_text(d, i);
	size_t n = tok_len(d, i);
	return n == 3 && cr_is_digit((unsigned char)t[0]) && t[1] == '.' && cr_is_digit((unsigned char)t[2]);
}

static int magnitude_subject(const xdoc *d, const sent_events *se, size_t sent)
{
	if (se->ev >= 0)
		return se->ev;
	if (se->same_para_event && (int)sent - d->last_event_sent <= 2)
		return d->last_event;
	int quake = -1, count = 0;
	for (size_t k = 0; k < d->events.len; k++)
		if (strcmp(d->events.items[k].type, "earthquake") == 0) {
			quake = (int)k;
			count++;
		}
	return count == 1 ? quake : count == 0 ? -2 : -1;
}

static void magnitudes(xdoc *d, size_t sent, const sent_events *se)
{
	size_t first = se->first, end = se->end;
	/* "A magnitude 6 quake can cause severe damage": no event's */
	for (size_t i = first; i < end; i++)
		if (tok_is(d, i, "can"))
			return;
	if (se->trig_tok < end && (tok_is(d, se->trig_tok, "aftershock") || tok_is(d, se->trig_tok, "aftershocks")))
		return;
	bool seen = false;
	for (size_t i = first; i < end; i++) {
		int j = d->tok_num[i];
		if (j < 0 || (i > first && d->tok_num[i - 1] == j))
			continue;
		const cr_number *n = &d->nums[j];
		size_t b = i;
		while (b < end && d->tok_num[b] == j)
			b++;
		/* the figure's own token: "at least magnitude-5.9" */
		size_t ft = i;
		while (ft + 1 < b && d->seg.tokens[ft].end <= n->num_start)
			ft++;
		if (n->kind != CR_NUM_CARDINAL || n->value <= 0 || n->value >= 10.5 ||
		    !(is_magnitude(d, first, end, ft, b) || (seen && another_magnitude(d, first, ft))))
			continue;
		seen = true;
		if (another_quake(d, first, end, ft))
			continue;
		int subject = magnitude_subject(d, se, sent);
		if (subject == -1 || (subject >= 0 && dated_before(d, first, end, subject)))
			continue;
		cr_claim *c = cr_new_claim(d, sent, i, "magnitude", CR_SUBJ_EVENT, subject < 0 ? -1 : subject);
		set_number(c, n->has_low, n->low, n->has_high, n->high);
		cr_claim_set_text(c, d->text + n->num_start, n->num_end - n->num_start);
		c->modality = cr_clause_modality(d, sent, i, false);
		i = b - 1;
	}
}

/* ---- the sentence ---------------------------------------------------------- */

/* Can a list of victims start at token i? A number, a determiner, a
 * negative quantifier, a name, or whatever follows a casualty word. */
static bool may_start(const xdoc *d, size_t first, size_t i, size_t end, bool casualties)
{
	if (d->tok_num[i] >= 0 || cr_mention_entity_at(d, i) >= 0 || is_age(d, i))
		return true;
	static const char *dets[] = {"a", "an", "the", "his", "her", "their", "both", "another", "no", "one"};
	for (size_t k = 0; k < CR_ARRAY_LEN(dets); k++)
		if (tok_is(d, i, dets[k]))
			return true;
	casualty c;
	return casualties && (cue(d, i, end, "zero") || cue(d, i, end, "anyone") || word_before(d, first, i, end, &c));
}

/* "killed one miner and trapped 56 others", "a fire killed one miner.
 * Another 56 were trapped": the others are besides the dead, so the trapped
 * were 56 or, the dead among them, 57; a count of others after a toll of
 * its sentence or the one before reaches that far. The claims [before, len)
 * are the ones the list v of sentence sent just gave. */
static void others_besides(xdoc *d, size_t sent, size_t before, const victims *v)
{
	bool others = v->a > 0 && tok_is(d, v->a - 1, "another");
	for (size_t k = v->a; k < v->b && !others; k++)
		others = tok_is(d, k, "others") || tok_is(d, k, "other") || tok_is(d, k, "another");
	uint32_t here = d->seg.sentences[sent].start, prev = sent ? d->seg.sentences[sent - 1].start : here;
	for (size_t k = before; others && k < d->claims.len; k++) {
		cr_claim *c = &d->claims.items[k];
		if (!c->has_number || !c->has_high || strcmp(c->predicate, "killed") == 0)
			continue;
		for (size_t j = before; j-- > 0;) {
			const cr_claim *t = &d->claims.items[j];
			if (t->start != here && t->start != prev)
				break;
			if (strcmp(t->predicate, "killed") == 0 && t->subject == c->subject && t->subject_kind == c->subject_kind &&
			    t->has_number && t->has_high) {
				c->high += t->high;
				break;
			}
		}
	}
}

void cr_find_figures(xdoc *d, size_t sent, sent_events *se)
{
	size_t first = se->first, end = se->end;
	magnitudes(d, sent, se);
	/* victims need a casualty word, a toll or a siege (victims_word); a
	 * population needs a number: a sentence with neither is passed over */
	bool casualties = se->siege, numbers = false;
	for (size_t t = first; t < end && !casualties; t++)
		casualties = any_casualty(d, t, end) || tok_is(d, t, "toll");
	for (size_t t = first; t < end && !numbers; t++)
		numbers = d->tok_num[t] >= 0;
	if (!casualties && !numbers)
		return;
	for (size_t i = first; i < end; i++) {
		if (!may_start(d, first, i, end, casualties))
			continue;
		victims v;
		if (!read_list(d, sent, first, i, end, &v))
			continue;
		const member *m0 = &v.m[0];
		if (m0->num >= 0 && v.n == 1 && population(d, sent, first, end, m0->num, i)) {
			i = v.b - 1;
			continue;
		}
		skip_breakdown(d, sent, first, end, &v);
		how h = {false, false};
		casualty c;
		if (!casualties || !victims_word(d, sent, se, &v, &c, &h)) {
			/* a name or a noun phrase may still hold a figure: "Nichols, 37," */
			if (m0->num >= 0)
				i = v.b - 1;
			continue;
		}
		if (!in_rate_clause(d, first, end, i)) {
			size_t before = d->claims.len;
			emit_victims(d, sent, se, &v, c.pred, &h);
			others_besides(d, sent, before, &v);
		}
		i = v.next - 1;
	}
}

/* The first sentence whose text starts at byte offset start. */
static size_t sentence_at(const xdoc *d, uint32_t start)
{
	for (size_t s = 0; s < d->seg.nsentences; s++)
		if (d->seg.sentences[s].start == start)
			return s;
	return 0;
}

/* The incident a death toll told before any was named stands for: of the
 * type its sentence names, else a shooting when it tells of shots, else a
 * killing; at the sentence's first place. */
static int toll_incident(xdoc *d, const cr_claim *c)
{
	size_t s = sentence_at(d, c->start);
	const cr_sentence *se = &d->seg.sentences[s];
	size_t first = se->first_token, end = first + se->ntokens;
	const char *type = NULL;
	for (size_t t = first; t < end && !type; t++) {
		const char *tt = cr_trigger_type(d, t);
		if (tt && cr_incident_type(tt))
			type = tt;
	}
	int place = -1;
	for (size_t t = first; t < end; t++) {
		int e = cr_mention_entity_at(d, t);
		if (!type && cue(d, t, end, "shooting"))
			type = "shooting";
		if (place < 0 && e >= 0 && d->ents.items[e].type == CR_E_PLACE)
			place = e;
	}
	int ev = cr_event_for_target(d, s, type ? type : "killing", NULL, place, c->start);
	if (ev >= 0) {
		size_t tok = SIZE_MAX;   /* the casualty word: "killed" */
		for (size_t t = first; t < end && tok == SIZE_MAX; t++)
			if (d->tok_bits[t] & TB_CASUALTY)
				tok = t;
		cr_date_event_near(d, ev, s, tok);
	}
	return ev;
}

void cr_finish_figures(xdoc *d)
{
	int first_incident = -1, first_quake = -1;
	for (size_t k = 0; k < d->events.len; k++) {
		if (first_incident < 0 && cr_incident_type(d->events.items[k].type))
			first_incident = (int)k;
		if (first_quake < 0 && strcmp(d->events.items[k].type, "earthquake") == 0)
			first_quake = (int)k;
	}
	/* a death toll before any incident is named stands for one */
	for (size_t k = 0; k < d->claims.len && first_incident < 0; k++) {
		const cr_claim *c = &d->claims.items[k];
		if (c->subject < 0 && c->subject_kind == CR_SUBJ_EVENT && strcmp(c->predicate, "killed") == 0)
			first_incident = toll_incident(d, c);
	}
	size_t w = 0;
	for (size_t k = 0; k < d->claims.len; k++) {
		cr_claim *c = &d->claims.items[k];
		if (c->subject < 0 && c->subject_kind == CR_SUBJ_EVENT) {
			bool quake = strcmp(c->predicate, "magnitude") == 0;
			c->subject = quake && first_quake >= 0 ? first_quake : first_incident;
			if (c->subject < 0) {
				free(c->value_text);
				free(c->time_value);
				free(c->attribution);
				continue;
			}
		}
		d->claims.items[w++] = d->claims.items[k];
	}
	d->claims.len = w;
}
