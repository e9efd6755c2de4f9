/*
 * age.c: whose age a number is.
 *
 * The number recognizer marks ages ("59-year-old", "aged 60", "at the age
 * of 85", "35 years old"); a small whole number set off by commas right
 * after a name ("Reid, 33,") is one too. The person it belongs to follows
 * from the construction, never from the nearest name:
 *
 *   apposition   "X, 33,", "X, aged 24 and from Y", "X (45)": the name
 *                before the comma. A common noun there ("two sons, ages 6
 *                and 16") describes somebody unnamed: no claim. "X and Y,
 *                both 51" gives the age to each; "X and Y, aged 34 and 36"
 *                gives each person theirs, in order.
 *   before a name "61-year-old Sharron Smith", "the 36-year-old champion
 *                Klitschko", "51-year-old Senior Trooper X": the name after,
 *                over titles and descriptive words but not over a possessive
 *                ("the 33-year-old actress's rep X" is not X's age).
 *   description  "a 15-year-old boy, X," and "X, a 70-year-old pensioner":
 *                the name in apposition; "X is a 27-year-old student": the
 *                subject; any other indefinite description ("a 17-year-old
 *                son") is somebody unnamed.
 *   anaphor      "The 59-year-old is ...", "said the 29-year-old": a
 *                definite description opening its clause. It is the person
 *                of the document already given that age, else the one
 *                holding the title it names ("the 35-year-old deputy"), else
 *                the one person named before it in the sentence, else the
 *                person the passage is about. A description whose noun is
 *                not a person word ("the 30-year-old congregation") is none.
 *   decade       "X, in his 30s,", "X, in her late forties,": 30 to 39, 47 to
 *                49 (early, mid, late: the first, middle, last four years).
 *   predicate    "X was 35 years old", "X, who ..., died at 91", "X has died,
 *                aged 85": the subject of the clause, found by stepping back
 *                over appositives and relative clauses set off by commas.
 *
 * An age at a past moment is not the person's age as of publication and is
 * left out: "then-15", "from age 16 to 19", and "at the age of N" with a
 * verb other than dying ("walked away from her career at the age of 35"),
 * unless the sentence dates that moment ("in 2005, at the age of 91, X
 * told ..."): then the claim is the age as of that date (its value_time).
 */
#include "extract/internal.h"
#include "recognize/namekey.h"

#include <string.h>

/* first token at or after `from` that starts at or after byte b */
static size_t tok_at_byte(const xdoc *d, size_t from, size_t end, uint32_t b)
{
	while (from < end && d->seg.tokens[from].start < b)
		from++;
	return from;
}

static bool age_word(const xdoc *d, size_t i)
{
	static const char *const w[] = {"at", "the", "age", "of", "aged", "ages", "about", "around", "nearly", "almost"};
	return cr_tok_word_in(d, i, w, CR_ARRAY_LEN(w));
}

/* the first word of the age phrase whose figure starts at i: "at the age of 85" */
static size_t age_phrase_start(const xdoc *d, size_t first, size_t i)
{
	while (i > first && age_word(d, i - 1))
		i--;
	return i;
}

static bool small_whole(const cr_number *n)
{
	return n->has_low && n->has_high && n->low == n->high && n->low >= 1 && n->low <= 120 &&
	       n->low == (double)(int)n->low && n->mod == 0;
}

/* what may follow an apposed age: ", ; . ) :", "and", the sentence's end */
static bool appos_end(const xdoc *d, size_t i, size_t end)
{
	if (i >= end)
		return true;
	const char *t = tok_text(d, i);
	size_t n = tok_len(d, i);
	return (n == 1 && strchr(",;.):-", *t)) || tok_is(d, i, "and") || tok_is(d, i, "or") ||
	       (n == 3 && (memcmp(t, "\xE2\x80\x94", 3) == 0 || memcmp(t, "\xE2\x80\x93", 3) == 0));
}

/* An age at a past moment: "then-15", "then 15", "from age 16". */
static bool past_age(const xdoc *d, const cr_number *n, size_t i0, size_t first)
{
	const char *s = d->text;
	uint32_t p = n->start;
	if (p >= 5 && memcmp(s + p - 5, "then-", 5) == 0)
		return true;
	if (i0 > first) {
		size_t k = i0 - 1;
		if (tok_is(d, k, "-") && k > first)
			k--;
		if (tok_is(d, k, "then") || tok_is(d, k, "from") || tok_is(d, k, "until") || tok_is(d, k, "since"))
			return true;
		/* an age then: "when McFadden was two years old", "by the time he was 40" */
		if ((tok_is(d, k, "was") || tok_is(d, k, "were")) && k > first) {
			for (size_t q = k; q-- > first && q + 5 > k;)
				if (tok_is(d, q, "when") || tok_is(d, q, "time") || tok_is(d, q, "until") || tok_is(d, q, "till") ||
				    tok_is(d, q, "since") || tok_is(d, q, "before") || tok_is(d, q, "after") || tok_is(d, q, "while"))
					return true;
		}
		/* an age ahead: "before he turns 35", "when she turns 18", "will turn 40" */
		if ((tok_is(d, k, "turns") || tok_is(d, k, "turn")) && k > first) {
			for (size_t q = k; q-- > first && q + 4 > k;)
				if (tok_is(d, q, "before") || tok_is(d, q, "when") || tok_is(d, q, "until") || tok_is(d, q, "once") ||
				    tok_is(d, q, "will") || tok_is(d, q, "after") || tok_is(d, q, "till") || tok_is(d, q, "if"))
					return true;
		}
	}
	size_t tl = tok_len(d, i0);
	return (tl > 5 && cr_ieq(tok_text(d, i0), "then-", 5)) || tok_is(d, i0, "from") || tok_is(d, i0, "until") ||
	       tok_is(d, i0, "since");
}

static bool death_in_clause(const xdoc *d, size_t first, size_t end, size_t tok)
{
	static const char *const w[] = {"died", "dies", "die", "dead", "death", "passed", "killed", "slain", "murdered"};
	size_t a = tok, b = tok;
	while (a > first && !cr_tok_clause_break(d, a - 1))
		a--;
	while (b < end && !cr_tok_clause_break(d, b))
		b++;
	for (size_t i = a; i < b; i++)
		if (cr_tok_word_in(d, i, w, CR_ARRAY_LEN(w)))
			return true;
	return false;
}

/* An age inside a noun phrase ("X, 33,", "33-year-old X") is the outlet's or the
 * source's description, whatever the clause's verb hedges or denies (in_np). */
static void age_claim(xdoc *d, size_t sent, size_t tok, int who, double lo, double hi, uint32_t s, uint32_t e,
                      bool in_np)
{
	cr_claim *c = cr_new_claim(d, sent, tok, "age", CR_SUBJ_ENTITY, who);
	c->has_number = c->has_low = c->has_high = true;
	c->low = lo;
	c->high = hi;
	cr_claim_set_text(c, d->text + s, e - s);
	c->modality = in_np ? (c->attribution ? CR_MODAL_REPORTED : CR_MODAL_ASSERTED) : cr_claim_modality(d, c, sent, tok);
}

/* The date of the sentence's moment an "at the age of N" is said at ("in
 * 2005, at the age of 91, X told ..."): a date before token i in its
 * sentence, no later than the report, or -1. */
static int moment_of(const xdoc *d, size_t first, size_t i)
{
	int best = -1;
	for (size_t k = first; k < i; k++) {
		int t = d->tok_tx[k];
		if (t >= 0 && d->tx[t].type == CR_TIMEX_DATE && cr_range_known(d->tx[t].range) &&
		    (!cr_range_known(d->pub) || d->tx[t].range.latest <= d->pub.latest) &&
		    d->tx[t].range.latest - d->tx[t].range.earliest <= 366)
			best = t;
	}
	return best;
}

/* "at the time of the shooting" at token k: the dated event of the report
 * of that kind, its time into *when; false when there is none. */
static bool at_the_time_of(const xdoc *d, size_t k, size_t end, cr_dayrange *when)
{
	if (k + 4 >= end || !tok_is(d, k, "at") || !tok_is(d, k + 1, "the") || !tok_is(d, k + 2, "time") ||
	    !tok_is(d, k + 3, "of"))
		return false;
	size_t t = k + 4 + (tok_is(d, k + 4, "the") || tok_is(d, k + 4, "his") || tok_is(d, k + 4, "her"));
	const char *type = t < end ? cr_trigger_type(d, t) : NULL;
	if (!type)
		return false;
	const char *fam = cr_event_family(type);
	int found = -1;
	for (size_t e = 0; e < d->events.len; e++)
		if (cr_range_known(d->events.items[e].time) && strcmp(cr_event_family(d->events.items[e].type), fam) == 0) {
			if (found >= 0 && (d->events.items[found].time.earliest != d->events.items[e].time.earliest ||
			                   d->events.items[found].time.latest != d->events.items[e].time.latest))
				return false;   /* two such events, two times */
			found = (int)e;
		}
	if (found < 0)
		return false;
	*when = d->events.items[found].time;
	return true;
}

/* An age this document already gave a person by name, or -1. */
static int holder_of_age(const xdoc *d, double v)
{
	int who = -1;
	for (size_t k = 0; k < d->claims.len; k++) {
		const cr_claim *c = &d->claims.items[k];
		if (strcmp(c->predicate, "age") != 0 || c->subject_kind != CR_SUBJ_ENTITY || c->low != v || c->high != v)
			continue;
		if (who >= 0 && who != c->subject)
			return -2;
		who = c->subject;
	}
	return who;
}

/* The person of the document with a title or role word w ("deputy"), or -1. */
static int holder_of_title(const xdoc *d, size_t w)
{
	int who = -1;
	for (size_t e = 0; e < d->ents.len; e++) {
		const cr_lentity *en = &d->ents.items[e];
		if (en->type != CR_E_PERSON || !en->mentions)
			continue;
		bool has = false;
		for (size_t k = 0; k < en->naliases && !has; k++) {
			const char *t = en->aliases[k].text;
			if (!en->aliases[k].titled)
				continue;
			for (const char *p = t; *p && !has; p++)
				has = (p == t || p[-1] == ' ') && cr_ieq(p, d->low[w], d->lowlen[w]) &&
				      (p[d->lowlen[w]] == ' ' || p[d->lowlen[w]] == '.');
		}
		if (has) {
			if (who >= 0)
				return -1;
			who = (int)e;
		}
	}
	return who;
}

/* Whether entity e is named in sentence sent or the two before it. */
static bool mentioned_near(const xdoc *d, size_t sent, int e)
{
	size_t s0 = sent >= 2 ? sent - 2 : 0;
	size_t a = d->seg.sentences[s0].first_token, b = d->seg.sentences[sent].first_token + d->seg.sentences[sent].ntokens;
	for (size_t k = a; k < b; k++)
		if (cr_mention_entity_at(d, k) == e)
			return true;
	return false;
}

/* Whether the document already gave person e an age. */
static bool has_age(const xdoc *d, int e)
{
	for (size_t k = 0; k < d->claims.len; k++)
		if (d->claims.items[k].subject == e && d->claims.items[k].subject_kind == CR_SUBJ_ENTITY &&
		    strcmp(d->claims.items[k].predicate, "age") == 0)
			return true;
	return false;
}

/* Whether the document gives person e, by name, an age other than v,
 * anywhere, before or after: "The 36-year-old champion Klitschko", "Klitschko,
 * 36,". A description of another age read before it is someone else. */
static bool aged_by_name(const xdoc *d, int e, double v)
{
	size_t n = d->seg.ntokens;
	for (size_t k = 0; k < n; k++) {
		int j = d->tok_num[k];
		if (j < 0 || (k > 0 && d->tok_num[k - 1] == j) || d->nums[j].low == v)
			continue;
		const cr_number *x = &d->nums[j];
		size_t e1 = tok_at_byte(d, k, n, x->noun_end > x->end ? x->noun_end : x->end);
		if (x->kind == CR_NUM_AGE) {
			/* the name after the description, past a common noun or two */
			for (size_t q = e1; q < n && q < e1 + 4 && d->tok_sent[q] == d->tok_sent[k]; q++) {
				if (cr_person_named(d, q) == e)
					return true;
				if (!cr_is_lower((unsigned char)tok_text(d, q)[0]) || cr_tok_stop_word(d, q))
					break;
			}
		} else if (small_whole(x) && k >= 2 && tok_is(d, k - 1, ",") && cr_mention_entity_at(d, k - 2) == e &&
		           e1 < n && tok_is(d, e1, ",")) {
			return true;
		}
	}
	return false;
}

/* "the 59-year-old" with no name: who it refers back to, or -1. */
static int anaphor(const xdoc *d, size_t sent, size_t det, size_t noun0, size_t noun1, double v)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token;
	/* it must open its clause (or follow a reporting verb: "said the 29-year-old") */
	size_t n;
	if (det > first && !cr_tok_segment_break(d, det - 1) && !tok_is(d, det - 1, "and") && !tok_is(d, det - 1, "that") &&
	    !tok_is(d, det - 1, "when") && !tok_is(d, det - 1, "where") && !tok_is(d, det - 1, "as") &&
	    !tok_is(d, det - 1, "after") && !tok_is(d, det - 1, "because") && !tok_quote_mark(d, det - 1) &&
	    !cr_tok_report_verb(d, det - 1, det, &n) &&
	    /* or the object of a verb or a preposition: "signing the 28-year-old
	     * Maryland native", "the third fight in a decade for the 41-year-old American" */
	    !(noun1 > noun0 && (tok_ends(d, det - 1, "ing") || ANY_OF(d, det - 1, "for", "with", "against", "to", "by", "beat", "signed"))))
		return -1;
	/* the one given that age already, when the passage still speaks of them:
	 * named in this sentence or the two before ("Hewitt is hoping ... The
	 * 23-year-old" is Hewitt, not the 23-year-old of three paragraphs up) */
	int known = holder_of_age(d, v);
	if (known >= 0 && mentioned_near(d, sent, known))
		return known;
	if (known == -2)
		return -1;
	while (noun1 > noun0 && d->seg.tokens[noun1 - 1].kind != CR_TOK_WORD)
		noun1--;   /* "the 28-year-old Maryland native.": the head noun, not the full stop */
	if (noun1 > noun0) {
		size_t h = noun1 - 1;   /* the head noun */
		if (cr_role_class(d, h) == ROLE_POST || cr_phrase_at(d, d->x->titles, h, h + 1, NULL) >= 0)
			return holder_of_title(d, h);
		bool cr_person_word = cr_tok_in(d, h, d->x->person_words) || cr_is_demonym(tok_text(d, h), tok_len(d, h));
		if (!cr_person_word)
			return -1;
	}
	/* the one person named before it in the sentence, leaving out anyone this
	 * document gave another age ("The 36-year-old Klitschko floored
	 * Thompson, and the 40-year-old American never recovered") */
	/* nor the one who speaks, when it stands in what they say ("Fogarty said
	 * the video implied that the 24-year-old pop star had attended") */
	int speaker = d->attr && d->attr[sent].verb_tok != UINT32_MAX && d->attr[sent].verb_tok < det
	              ? d->attr[sent].source : -1;
	int before = -1, others = 0, who;
	bool past_speaker = false;
	for (size_t k = first; k < det; k++) {
		int e = cr_mention_entity_at(d, k);
		if (!ent_person(d, e) || tok_possessive(d, k + 1) || e == before)
			continue;
		if (e == speaker) {
			past_speaker = true;
			continue;
		}
		if (has_age(d, e) || aged_by_name(d, e, v)) {
			others++;
			continue;
		}
		if (before >= 0)
			return -1;
		before = e;
	}
	if (before < 0 && others)
		return -1;
	who = before >= 0 ? before : cr_recent_person_ex(d, sent, past_speaker ? first : det, true);
	if (who == speaker && speaker >= 0)
		return -1;
	/* a person this document gave another age is someone else */
	return who >= 0 && has_age(d, who) ? -1 : who;
}

/* After "the 47-year-old", a word that can only be a verb of the description:
 * "-ed", or "-s" (a description of one person has no plural noun). */
static bool verb_like(const xdoc *d, size_t i)
{
	const char *w = d->low[i];
	size_t n = d->lowlen[i];
	if (d->seg.tokens[i].kind != CR_TOK_WORD || !cr_is_lower((unsigned char)tok_text(d, i)[0]) || n < 3)
		return false;
	return (w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u');
}

/* "N-year-old ...": the name it stands before, the name in apposition, or the anaphor. */
static int described(const xdoc *d, size_t sent, size_t i0, size_t i1, double v)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	size_t q = i1;
	for (; q < end && q < i1 + 6; q++) {
		int e = cr_person_named(d, q);
		if (ent_person(d, e)) {
			size_t t = q;
			while (t < end && cr_mention_entity_at(d, t) == cr_mention_entity_at(d, q))
				t++;
			if (!cr_name_as_modifier(d, t))
				return e;
			q = t - 1;
			continue;
		}
		if (tok_possessive(d, q) || cr_tok_stop_word(d, q) || (q == i1 && verb_like(d, q)))
			break;
		/* after the description's noun only a name may follow: "the 26-year-old actress checked into X" */
		if (q > i1 && cr_person_word(d, q - 1) && cr_is_lower((unsigned char)tok_text(d, q - 1)[0]) &&
		    cr_is_lower((unsigned char)tok_text(d, q)[0]))
			break;
		if (d->seg.tokens[q].kind != CR_TOK_WORD && !(tok_is(d, q, ".") && q > i1))
			break;
	}
	size_t det = i0 > first ? i0 - 1 : SIZE_MAX;
	bool indefinite = det != SIZE_MAX && (tok_is(d, det, "a") || tok_is(d, det, "an"));
	bool definite = det != SIZE_MAX && tok_is(d, det, "the");
	/* "a 15-year-old boy, X," */
	if (q + 1 < end && tok_is(d, q, ",") && !tok_possessive(d, q)) {
		size_t k = q + 1;
		if (tok_is(d, k, "the"))
			k++;
		int e = cr_mention_entity_at(d, k);
		if (ent_person(d, e))
			return e;
	}
	/* "X, a 70-year-old pensioner" */
	if ((indefinite || definite) && det >= first + 2 && tok_is(d, det - 1, ",")) {
		int e = cr_mention_entity_at(d, det - 2);
		if (ent_person(d, e))
			return e;
	}
	/* "X is a 27-year-old student" */
	if (indefinite && det > first &&
	    (tok_is(d, det - 1, "is") || tok_is(d, det - 1, "was") || tok_is(d, det - 1, "became")))
		return cr_clause_subject(d, sent, det - 1, i1, det - 1);
	if (!definite)
		return -1;
	/* an unnamed person introduced before ("an 11-year-old girl") is who "the 11-year-old" is */
	for (size_t s = sent; s-- > 0;) {
		const cr_sentence *ps = &d->seg.sentences[s];
		for (size_t k = ps->first_token + 1; k < ps->first_token + ps->ntokens; k++) {
			int j = d->tok_num[k];
			if (j >= 0 && d->tok_num[k - 1] != j && d->nums[j].kind == CR_NUM_AGE && d->nums[j].low == v &&
			    (tok_is(d, k - 1, "a") || tok_is(d, k - 1, "an")))
				return -1;
		}
	}
	return anaphor(d, sent, det, i1, q, v);
}

/* "the 59-year-old" refers back to the person: a description among its aliases, never its name */
static void describe_alias(xdoc *d, int who, size_t a, size_t b)
{
	const char *as = tok_text(d, a);
	size_t al = d->seg.tokens[b - 1].end - d->seg.tokens[a].start;
	cr_add_alias(d, who, as, al, false);
	cr_lentity *en = &d->ents.items[who];
	for (size_t k = 0; k < en->naliases; k++)
		if (strlen(en->aliases[k].text) == al && memcmp(en->aliases[k].text, as, al) == 0)
			en->aliases[k].titled = true;
}

static bool singular_unit(const xdoc *d, const cr_number *n)
{
	if (n->noun_end <= n->noun_start)
		return false;
	const char *u = d->text + n->noun_start;
	size_t l = n->noun_end - n->noun_start;
	return l >= 8 && (cr_ieq(u, "year-old", 8) || cr_ieq(u, "year old", 8));
}

/* "X, 33," and "X and Y, both 51," / "X and Y, aged 34 and 36". */
static bool apposed(xdoc *d, size_t sent, size_t i0, size_t i1, int j)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	size_t c = i0 - 1;
	bool both = false;
	if (singular_unit(d, &d->nums[j]))
		return false;   /* ", 46-year-old X": the name after it */
	if (tok_is(d, c, "both") || tok_is(d, c, "now")) {
		both = tok_is(d, c, "both");
		if (c == first)
			return false;
		c--;
	}
	if (c < first + 1 || !(tok_is(d, c, ",") || tok_is(d, c, "(")))
		return false;
	/* the figure is a word of its own: not "81-76", "(25-7)", "(10/1/61)" */
	const cr_number *n0 = &d->nums[j];
	size_t f = tok_at_byte(d, i0, end, n0->num_start);
	if (f >= end || d->seg.tokens[f].start != n0->num_start || d->seg.tokens[f].end != n0->num_end)
		return true;
	if (n0->kind != CR_NUM_AGE)
		i1 = f + 1;   /* a bare figure: no counted noun ("14 points") after it */
	/* the values: one, or a coordination "34 and 36" */
	int vals[CR_MAX_COORD];
	size_t nv = 0, k = i1;
	vals[nv++] = j;
	while (nv < CR_MAX_COORD && k + 1 < end && (tok_is(d, k, "and") || tok_is(d, k, ",")) && d->tok_num[k + 1] >= 0 &&
	       small_whole(&d->nums[d->tok_num[k + 1]])) {
		int j2 = d->tok_num[k + 1];
		vals[nv++] = j2;
		k = tok_at_byte(d, k + 1, end, d->nums[j2].noun_end > d->nums[j2].end ? d->nums[j2].noun_end : d->nums[j2].end);
	}
	if (!appos_end(d, k, end) || (tok_is(d, c, "(") && !tok_is(d, k, ")")))
		return true;   /* an age phrase, but not set off as an apposition: no claim */
	int who[CR_MAX_COORD];
	size_t np = both || nv > 1 ? cr_coordinated_persons(d, first, c - 1, who) : 0;
	if (!both && nv == 1) {
		who[0] = cr_person_named(d, c - 1);
		/* "The actress, 26, ...": a description in apposition refers back */
		if (who[0] < 0 && c >= first + 2 && tok_is(d, c - 2, "the") && cr_person_word(d, c - 1) &&
		    cr_is_lower((unsigned char)tok_text(d, c - 1)[0]))
			who[0] = anaphor(d, sent, c - 2, c - 1, c, d->nums[j].low);
		np = who[0] >= 0;
	}
	/* "X has died, aged 77": after a verb, no name, the clause's subject (cr_find_ages) */
	if (np == 0 && !both && nv == 1 && tok_is(d, i0, "aged") && cr_mention_entity_at(d, c - 1) < 0 &&
	    d->seg.tokens[c - 1].kind == CR_TOK_WORD && cr_is_lower((unsigned char)tok_text(d, c - 1)[0]))
		return false;
	if (np == 0 || (!both && np != nv))
		return true;
	for (size_t p = 0; p < np; p++) {
		const cr_number *n = &d->nums[vals[both ? 0 : p]];
		age_claim(d, sent, i0, who[p], n->low, n->high, n->start, n->end, true);
	}
	return true;
}

/* The first year of a decade of life written at token i ("30s", "30's",
 * "thirties"), or -1. */
static int decade_of_life(const xdoc *d, size_t i)
{
	static const char *const words[] = {"teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
	                                    "eighties", "nineties"};
	for (size_t k = 0; k < CR_ARRAY_LEN(words); k++)
		if (tok_is(d, i, words[k]))
			return k == 0 ? 13 : (int)(k + 1) * 10;
	const char *t = tok_text(d, i);
	size_t n = tok_len(d, i);
	if (n > 4 && memcmp(t, "mid-", 4) == 0)
		t += 4, n -= 4;   /* "mid-40s" */
	if ((n == 3 || (n == 4 && t[2] == '\'')) && cr_is_digit((unsigned char)t[0]) && t[0] != '0' && t[1] == '0' &&
	    t[n - 1] == 's')
		return (t[0] - '0') * 10;
	return -1;
}

/* "X, in his 30s,", "X, in her late forties,": a decade of life in
 * apposition to a name, an age from its first year to its last (early: the
 * first four, mid: the middle four, late: the last four). */
static void decade_ages(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t c = first + 1; c + 3 < end; c++) {
		if (!tok_is(d, c, ",") || !tok_is(d, c + 1, "in") || !ANY_OF(d, c + 2, "his", "her"))
			continue;
		size_t k = c + 3;
		int part = tok_is(d, k, "early") ? 1 : tok_is(d, k, "mid") ? 2 : tok_is(d, k, "late") ? 3 : 0;
		k += part != 0;
		if (part && k < end && tok_is(d, k, "-"))
			k++;   /* "mid-40s" as three tokens */
		if (!part && k < end && tok_len(d, k) > 4 && memcmp(tok_text(d, k), "mid-", 4) == 0)
			part = 2;
		int base = k < end ? decade_of_life(d, k) : -1;
		if (base < 0 || !appos_end(d, k + 1, end))
			continue;
		int who = cr_person_named(d, c - 1);
		if (!ent_person(d, who))
			continue;
		int top = base == 13 ? 19 : base + 9;
		double lo = part <= 1 ? base : part == 2 ? base + 3 : top - 3;
		double hi = part == 0 || part == 3 ? top : part == 1 ? base + 3 : base + 6;
		age_claim(d, sent, c + 1, who, lo, hi, d->seg.tokens[c + 1].start, d->seg.tokens[k].end, true);
	}
}

void cr_find_ages(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	decade_ages(d, sent, first, end);
	for (size_t i = first; i < end; i++) {
		int j = d->tok_num[i];
		if (j < 0 || (i > first && d->tok_num[i - 1] == j))
			continue;
		const cr_number *n = &d->nums[j];
		bool age = n->kind == CR_NUM_AGE;
		if (!age && !(n->kind == CR_NUM_CARDINAL && small_whole(n) && i > first &&
		              (tok_is(d, i - 1, ",") || tok_is(d, i - 1, "(") || tok_is(d, i - 1, "both") ||
		               tok_is(d, i - 1, "now") || cr_tok_copula(d, i - 1))))
			continue;
		if (age && n->age_unit != CR_AGE_YEAR && n->age_unit != CR_AGE_IMPLIED)
			continue;
		if (!n->has_low || !n->has_high || n->low < 0 || n->high > 125 || past_age(d, n, i, first))
			continue;
		size_t i1 = tok_at_byte(d, i, end, n->noun_end > n->end ? n->noun_end : n->end);
		if (i > first && apposed(d, sent, i, i1, j))
			continue;
		if (!age) {
			/* "He was 95.", "LaRue was 75, the Sun Herald reported" */
			size_t after = tok_at_byte(d, i, end, n->end);
			/* "He was 95 and lived in Santa Rosa": an "and" only before a verb, not another figure */
			bool and_verb = after + 1 < end && tok_is(d, after, "and") && d->seg.tokens[after + 1].kind == CR_TOK_WORD &&
			                cr_is_lower((unsigned char)tok_text(d, after + 1)[0]);
			/* "X, who was 18 at the time of the shooting": the age then */
			cr_dayrange then;
			if (i >= first + 2 && cr_tok_copula(d, i - 1) && after < end && at_the_time_of(d, after, end, &then)) {
				int who = tok_is(d, i - 2, "who") ? cr_clause_subject(d, sent, i, after, i - 2) : cr_person_named(d, i - 2);
				if (ent_person(d, who)) {
					age_claim(d, sent, i, who, n->low, n->high, n->start, n->end, false);
					d->claims.items[d->claims.len - 1].value_time = then;
				}
				continue;
			}
			if (i >= first + 2 && cr_tok_copula(d, i - 1) && (after >= end || appos_end(d, after, end)) &&
			    !(after < end && (tok_is(d, after, "-") || tok_is(d, after, "or") || (tok_is(d, after, "and") && !and_verb)))) {
				int who = tok_is(d, i - 2, "he") || tok_is(d, i - 2, "she") ? cr_resolve_pronoun(d, sent, i - 2)
				                                                              : cr_person_named(d, i - 2);
				if (ent_person(d, who) && !tok_possessive(d, i - 1))
					age_claim(d, sent, i, who, n->low, n->high, n->start, n->end, false);
			}
			continue;
		}
		int who;
		bool in_np = singular_unit(d, n);
		if (in_np) {
			who = described(d, sent, i, i1, n->low);
		} else {
			bool at_age = tok_is(d, i, "age") || (i > first && (tok_is(d, i - 1, "at") || tok_is(d, i - 1, "of")));
			if (at_age && !death_in_clause(d, first, end, i)) {
				/* an age at a dated moment is an age as of that moment */
				int t = moment_of(d, first, age_phrase_start(d, first, i));
				if (t < 0)
					continue;
				who = cr_clause_subject(d, sent, i, i1, age_phrase_start(d, first, i));
				if (!ent_person(d, who) && i1 + 1 < end && tok_is(d, i1, ","))
					who = cr_person_named(d, i1 + 1);   /* "at the age of 91, Felt told" */
				if (!ent_person(d, who))
					continue;
				age_claim(d, sent, i, who, n->low, n->high, n->start, n->end, false);
				cr_claim *c = &d->claims.items[d->claims.len - 1];
				c->value_time = d->tx[t].range;
				c->time_value = cr_xstrdup(d->tx[t].value);
				continue;
			}
			/* "X was 35 years old": the figure follows a copula */
			/* "X, who turned 68 on Saturday": the birthday's figure, too, but
			 * not one of long ago ("turned 18 in 1962") */
			bool turned = tok_is(d, i, "turned"), long_ago = false;
			for (size_t k = i1; turned && k < end && k < i1 + 3; k++) {
				int t = d->tok_tx[k];
				long_ago |= t >= 0 && cr_range_known(d->tx[t].range) && cr_range_known(d->pub) &&
				            d->tx[t].range.latest + 366 < d->pub.earliest;
			}
			if (long_ago)
				continue;
			if (!at_age && !tok_is(d, i, "aged") && !turned && !(i > first && cr_tok_copula(d, i - 1)))
				continue;
			who = cr_clause_subject(d, sent, i, i1, age_phrase_start(d, first, i));
			/* "to trainer Emanuel Steward, who turned 68": the name the relative clause follows */
			if (turned && i >= first + 3 && tok_is(d, i - 1, "who") && tok_is(d, i - 2, ","))
				who = cr_person_named(d, i - 3);
		}
		if (!ent_person(d, who))
			continue;
		age_claim(d, sent, i, who, n->low, n->high, n->start, n->end, in_np);
		if (in_np && i > first && tok_is(d, i - 1, "the") && i1 < end && !ent_person(d, cr_mention_entity_at(d, i1)))
			describe_alias(d, who, i - 1, i1);
	}
}
