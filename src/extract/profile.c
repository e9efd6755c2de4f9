/*
 * profile.c: facts about a person — age, birth, birthplace, education,
 * posts held, sanctions. Each rule reads one sentence:
 *   age          a number the recognizer marked as an age ("X, 59,",
 *                "the 59-year-old", "aged 60"), about the person named
 *                just before it or the person the passage is about;
 *   born         "born ... in 1962": the first dated expression after "born";
 *   birthplace   the first place named after "born" (or "village of X"), or
 *                the place of "a native of X", "a Maryland native";
 *   educated_at  the organisation after "studied at", "graduated from" ...;
 *   founded      of an organisation, the date after "founded in",
 *                "established in", "begun in";
 *   position     a role word (data/lexicon/roles.tsv) with its organisation
 *                ("director of X", "the X director", "head of X since 2014"),
 *                held by the person in apposition, the subject of "is/as",
 *                or the name that follows the role ("Defence Minister Y");
 *   sanctioned_by "sanctioned by X";
 *   nickname     one set inside the name ("Kimani 'Kiki' Gray") or "known by
 *                the moniker of X" (the forms mentions.c does not read).
 */
#include "extract/internal.h"

#include <stdlib.h>
#include <string.h>

static int subject_person(const xdoc *d, size_t sent, size_t tok)
{
	int e = cr_person_at_or_before(d, sent, tok);
	if (e >= 0)
		return e;
	return cr_recent_person(d, sent, tok);
}

/* "Born in Athens, Tex., Mr. LaRue was ...", "Days before, after earning a law degree
 * at X, Felt applied": words opening the sentence with no name in them are said of
 * the name right after the comma that ends them; -1 when token i is not in such words. */
static int fronted_subject(const xdoc *d, size_t first, size_t end, size_t i)
{
	for (size_t k = first; k < i; k++)
		if (ent_person(d, cr_mention_entity_at(d, k)) || cr_tok_clause_break(d, k) || cr_tok_report_verb(d, k, i, NULL))
			return -1;
	for (size_t c = i + 1; c < end && c < i + 25; c++) {
		if (!tok_punct(d, c, ','))
			continue;
		for (size_t k = c + 1; k < end && k < c + 6; k++) {
			int e = cr_person_named(d, k);
			if (ent_person(d, e))
				return e;
			if (!(cr_tok_capitalised(d, k) || tok_punct(d, k, '.') || tok_punct(d, k, ',')))
				break;
		}
	}
	return -1;
}

/* Whom a fact of a person stated at token i is about: the name after words that
 * open the sentence, else the subject of the sentence (not a quoted nickname, not
 * an object: "Mr. X was nicknamed "Bubba" and graduated from Y"), else the nearest. */
static int fact_holder(const xdoc *d, size_t sent, size_t first, size_t end, size_t i)
{
	/* "I was born in 1938": the one who speaks, when a quotation names them; never
	 * someone else named nearby */
	for (size_t k = i; k-- > first && k + 4 > i;)
		if (tok_is(d, k, "i") || tok_is(d, k, "we")) {
			int speaker = d->tok_quoted[k] && d->attr ? d->attr[sent].source : -1;
			return ent_person(d, speaker) ? speaker : -1;
		}
	int who = fronted_subject(d, first, end, i);
	size_t at;
	if (who < 0) {
		size_t a = first;
		while (a < i && d->tok_quoted[a])
			a++;
		who = cr_subject_in(d, a, i, &at);
		if (who >= 0 && d->tok_quoted[at])
			who = -1;
	}
	return who >= 0 ? who : subject_person(d, sent, i);
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
		/* "Born In The USA", a title in capitals inside a sentence, tells of no birth */
		if (i > first && cr_tok_capitalised(d, i))
			continue;
		int who = fact_holder(d, sent, first, end, i);
		if (who < 0)
			return;
		int t = first_timex_after(d, i + 1, end);
		if (t >= 0) {
			cr_claim *c = cr_new_claim(d, sent, i, "born", CR_SUBJ_ENTITY, who);
			c->value_time = d->tx[t].range;
			c->time_value = cr_xstrdup(d->tx[t].value);
			cr_claim_set_text(c, d->text + d->tx[t].start, d->tx[t].end - d->tx[t].start);
			c->modality = cr_claim_modality(d, c, sent, i);
		}
		int place = -1;
		size_t ps = 0, pe = 0;
		for (size_t k = i + 2; k < end; k++) {
			/* a place, or a name of no type ("born in the Bronx") */
			int e = cr_mention_entity_at(d, k);
			if (e < 0 || (d->ents.items[e].type != CR_E_PLACE && d->ents.items[e].type != CR_E_OTHER) ||
			    cr_mention_entity_at(d, k - 1) == e)
				continue;
			size_t q = k;
			if (tok_is(d, q - 1, "the"))
				q--;
			bool in = tok_is(d, q - 1, "in") || (tok_is(d, q - 1, "of") && q >= 3 &&
			          (tok_is(d, q - 2, "village") || tok_is(d, q - 2, "town") || tok_is(d, q - 2, "city")));
			pe = k;
			while (pe < end && cr_mention_entity_at(d, pe) == e)
				pe++;
			if (in && !tok_possessive(d, pe)) {
				place = e;
				ps = k;
				break;
			}
		}
		if (place < 0) {
			pe = 0;
			for (size_t k = i + 1; k + 2 < end; k++)
				if ((tok_is(d, k, "village") || tok_is(d, k, "town") || tok_is(d, k, "city")) && tok_is(d, k + 1, "of") &&
				    cr_tok_capitalised(d, k + 2)) {
					ps = k + 2;
					pe = ps;
					while (pe < end && cr_tok_capitalised(d, pe))
						pe++;
					break;
				}
		}
		if (pe > ps) {
			cr_claim *c = cr_new_claim(d, sent, i, "birthplace", CR_SUBJ_ENTITY, who);
			c->value_entity = place;
			cr_claim_set_text(c, tok_text(d, ps), d->seg.tokens[pe - 1].end - d->seg.tokens[ps].start);
			c->modality = cr_claim_modality(d, c, sent, i);
		}
		return;
	}
}

static bool apposition_mark(const xdoc *d, size_t i);

/* "a native of Dubky", "a Maryland native", "the Baltimore, Md., native": the
 * place one was born in, said of the apposition's or the sentence's person. */
static void native(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first + 1; i < end; i++) {
		if (!tok_is(d, i, "native") || d->tok_quoted[i])
			continue;
		size_t ps = 0, pe = 0;
		int place = -1;
		if (i + 2 < end && tok_is(d, i + 1, "of")) {
			ps = pe = i + 2 + tok_is(d, i + 2, "the");
			place = cr_mention_entity_at(d, ps);
			while (pe < end && place >= 0 && cr_mention_entity_at(d, pe) == place)
				pe++;
		} else {
			/* back over ", Md.," to the town before it */
			size_t k = i;
			if (tok_is(d, k - 1, ",")) {   /* ", Md.," or ", Maryland," */
				size_t q = k - 1;
				if (q > first && tok_is(d, q - 1, "."))
					q--;
				int region = q > first ? cr_mention_entity_at(d, q - 1) : -1;
				while (q > first && region >= 0 && cr_mention_entity_at(d, q - 1) == region)
					q--;
				if (region < 0 || q <= first || !tok_is(d, q - 1, ","))
					continue;
				k = q - 1;
			}
			place = k > first ? cr_mention_entity_at(d, k - 1) : -1;
			ps = k;
			while (ps > first && place >= 0 && cr_mention_entity_at(d, ps - 1) == place)
				ps--;
			pe = k;
		}
		if (place < 0 || d->ents.items[place].type != CR_E_PLACE || pe <= ps)
			continue;
		/* "the Baltimore native Hasim Rahman": the name after it; "The Missouri
		 * native suffered ...", opening the sentence: the person before it */
		int who = i + 1 < end && ent_person(d, cr_mention_entity_at(d, i + 1)) ? cr_mention_entity_at(d, i + 1) : -1;
		/* "the (28-year-old) Maryland native" standing for a name: the person
		 * the article is about, else the one person named just before */
		size_t q = ps;
		if (q > first && d->tok_num[q - 1] >= 0)
			q--;
		bool definite = q > first && tok_is(d, q - 1, "the") && (q - 1 == first || !apposition_mark(d, q - 2));
		bool named_before = false;
		for (size_t k = first; k + 1 < q && !named_before; k++)
			named_before = ent_person(d, cr_mention_entity_at(d, k)) && !d->tok_quoted[k];
		if (who < 0 && definite && !named_before)
			who = d->main_person >= 0 ? d->main_person : cr_recent_person(d, sent, first);
		if (who < 0)
			who = fact_holder(d, sent, first, end, i);
		if (who < 0 || who == place)
			continue;
		cr_claim *c = cr_new_claim(d, sent, i, "birthplace", CR_SUBJ_ENTITY, who);
		c->value_entity = place;
		cr_claim_set_text(c, tok_text(d, ps), d->seg.tokens[pe - 1].end - d->seg.tokens[ps].start);
		c->modality = cr_claim_modality(d, c, sent, i);
		return;
	}
}

/* "X, founded in 1931 by Y,", "X was established in August 2012", "X, a
 * farmers' cooperative begun in 1936": when an organisation came to be — the
 * date right after the word, of the organisation named before it in its
 * sentence (over a description, not over another name or a clause). */
static void founded(xdoc *d, size_t sent, size_t first, size_t end)
{
	static const char *const w[] = {"founded", "co-founded", "established", "formed", "begun", "created",
	                                "incorporated", "set"};
	for (size_t i = first + 1; i + 2 < end; i++) {
		if (!cr_tok_word_in(d, i, w, CR_ARRAY_LEN(w)) || d->tok_quoted[i])
			continue;
		size_t k = i + 1 + (tok_is(d, i, "set") && tok_is(d, i + 1, "up"));
		if (tok_is(d, i, "set") && k == i + 1)
			continue;
		if (k + 1 >= end || !(tok_is(d, k, "in") || tok_is(d, k, "on")))
			continue;
		int t = d->tok_tx[k + 1];
		if (t < 0 || d->tx[t].type != CR_TIMEX_DATE || !cr_range_known(d->tx[t].range) ||
		    (cr_range_known(d->pub) && d->tx[t].range.earliest > d->pub.latest))
			continue;
		int org = -1;
		for (size_t q = i; q-- > first && q + 12 > i;) {
			if (cr_tok_clause_break(d, q) && !cr_tok_soft_break(d, q))
				break;   /* over the commas, dashes and brackets of an aside: "(PPPT) – founded in 2012 –" */
			int e = cr_mention_entity_at(d, q);
			if (e < 0)
				continue;
			if (d->ents.items[e].type == CR_E_ORG || d->ents.items[e].type == CR_E_OTHER)
				org = e;
			break;   /* the nearest name decides: a person's or a place's is no organisation's */
		}
		if (org < 0)
			continue;
		cr_claim *c = cr_new_claim(d, sent, i, "founded", CR_SUBJ_ENTITY, org);
		c->value_time = d->tx[t].range;
		c->time_value = cr_xstrdup(d->tx[t].value);
		cr_claim_set_text(c, d->text + d->tx[t].start, d->tx[t].end - d->tx[t].start);
		c->modality = cr_claim_modality(d, c, sent, i);
		return;
	}
}

/* Whether tokens [a, b) name a school: a university, college, school, academy ... */
static bool school_name(const xdoc *d, size_t a, size_t b)
{
	static const char *const heads[] = {"university", "college", "school", "academy", "institute", "polytechnic",
	                                    "seminary", "conservatory"};
	for (size_t k = a; k < b; k++)
		if (cr_tok_capitalised(d, k) && cr_tok_word_in(d, k, heads, CR_ARRAY_LEN(heads)))
			return true;
	return false;
}

/* "a former University of Florida standout", "a Harvard Law School graduate":
 * a school's name before a word for its students; the person it describes
 * (in apposition, or the clause's). */
static void school_nouns(xdoc *d, size_t sent, size_t first, size_t end)
{
	static const char *const students[] = {"student", "graduate", "alumnus", "alumna", "standout", "dropout", "freshman",
	                                       "sophomore", "senior", "junior"};
	for (size_t i = first + 1; i < end; i++) {
		if (!cr_tok_word_in(d, i, students, CR_ARRAY_LEN(students)) || cr_tok_capitalised(d, i) || d->tok_quoted[i])
			continue;
		int org = cr_mention_entity_at(d, i - 1);
		size_t a = i;
		while (org >= 0 && a > first && cr_mention_entity_at(d, a - 1) == org)
			a--;
		if (org < 0 || ent_person(d, org) || !school_name(d, a, i))
			continue;
		int who = -1;
		/* "Ratliff, a former University of Florida standout," */
		size_t q = a;
		if (q > first && (tok_is(d, q - 1, "former") || tok_is(d, q - 1, "onetime")))
			q--;
		if (q > first && (tok_is(d, q - 1, "a") || tok_is(d, q - 1, "an") || tok_is(d, q - 1, "the")))
			q--;
		if (q > first + 1 && tok_is(d, q - 1, ","))
			who = cr_person_named(d, q - 2);
		if (who < 0 && i + 1 < end && ent_person(d, cr_mention_entity_at(d, i + 1)))
			who = cr_mention_entity_at(d, i + 1);   /* "Florida graduate Joe Smith" */
		if (!ent_person(d, who))
			continue;
		cr_claim *c = cr_new_claim(d, sent, i, "educated_at", CR_SUBJ_ENTITY, who);
		c->value_entity = org;
		cr_claim_set_text(c, tok_text(d, a), d->seg.tokens[i - 1].end - d->seg.tokens[a].start);
		c->modality = cr_claim_modality(d, c, sent, i);
	}
}

static void education(xdoc *d, size_t sent, size_t first, size_t end)
{
	/* a cue and the word before the school ("" when it follows the cue:
	 * "attended Peabody College"); from "enrolled" on, what follows must be a
	 * school's name ("attended the meeting", "a scholarship to Peabody College") */
	static const char *cues[][2] = {{"studied", "at"}, {"studying", "at"}, {"graduated", "from"},
	                                {"educated", "at"}, {"graduate", "of"}, {"trained", "at"}, {"studied", "from"},
	                                {"degree", "at"}, {"degree", "from"}, {"school", "at"}, {"enrolled", "at"},
	                                {"enrolled", "in"}, {"attended", ""}, {"attend", ""}, {"attending", ""},
	                                {"attends", ""}, {"scholarship", "to"}, {"degree", "with"}};
	const size_t need_school = 10;   /* the index of the first cue that needs one */
	school_nouns(d, sent, first, end);
	for (size_t i = first; i + 2 < end; i++) {
		for (size_t k = 0; k < CR_ARRAY_LEN(cues); k++) {
			if (!tok_is(d, i, cues[k][0]))
				continue;
			size_t p = i + 1;
			bool direct = !cues[k][1][0];
			if (direct)
				p = i;
			while (!direct && p < end && p < i + 6 && !tok_is(d, p, cues[k][1]) && !cr_tok_clause_break(d, p) && !tok_is(d, p, ","))
				p++;
			if (p >= end || (!direct && !tok_is(d, p, cues[k][1])))
				continue;
			size_t a = p + 1;
			if (tok_is(d, a, "the"))
				a++;
			int org = cr_mention_entity_at(d, a);
			size_t b = a;
			if (org >= 0) {
				while (b < end && cr_mention_entity_at(d, b) == org)
					b++;
				while (b < end && cr_tok_capitalised(d, b))
					b++;
				if (b > a && cr_mention_entity_at(d, b - 1) != org)
					org = -1;   /* the name runs past the tagged part: keep the words */
			} else {
				while (b < end && (cr_tok_capitalised(d, b) || ((tok_is(d, b, "of") || tok_is(d, b, "for")) && b > a)))
					b++;
			}
			if (b == a || !cr_tok_capitalised(d, a) || (k >= need_school && !school_name(d, a, b)))
				continue;
			int who = fact_holder(d, sent, first, end, i);
			if (who < 0)
				return;
			cr_claim *c = cr_new_claim(d, sent, i, "educated_at", CR_SUBJ_ENTITY, who);
			c->value_entity = org >= 0 && d->ents.items[org].type != CR_E_PERSON ? org : -1;
			if (c->value_entity < 0)
				c->value_entity = cr_entity_for_text(d, CR_E_ORG, tok_text(d, a), d->seg.tokens[b - 1].end - d->seg.tokens[a].start,
				                                     d->seg.tokens[a].start);
			cr_claim_set_text(c, tok_text(d, a), d->seg.tokens[b - 1].end - d->seg.tokens[a].start);
			c->modality = cr_claim_modality(d, c, sent, i);
			i = b;
			break;
		}
	}
}

static bool function_word_p(const xdoc *d, size_t i)
{
	static const char *fw[] = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "is", "was", "has", "had",
	                           "his", "her", "their", "its", "who", "which", "that", "by", "with", "be", "been",
	                           "about", "against", "over", "into", "under", "between", "among", "through", "during",
	                           "despite", "amid", "across", "around", "without", "like", "towards", "toward"};
	for (size_t k = 0; k < CR_ARRAY_LEN(fw); k++)
		if (tok_is(d, i, fw[k]))
			return true;
	return false;
}

int cr_role_class(const xdoc *d, size_t i)
{
	if (i >= d->seg.ntokens)
		return ROLE_NONE;
	const cr_lexicon *lx = d->x->roles;
	long r;
	if (!cr_tok_in(d, i, d->x->roles)) {
		/* "ex-chairman": a former post is a post */
		if (d->lowlen[i] > 3 && memcmp(d->low[i], "ex-", 3) == 0 && (r = cr_lexicon_find(lx, d->low[i] + 3, d->lowlen[i] - 3)) >= 0 &&
		    (lx->ncols[r] < 2 || strcmp(lx->cols[r][1], "post") == 0))
			return ROLE_POST;
		return ROLE_NONE;
	}
	r = cr_lexicon_find(lx, d->low[i], d->lowlen[i]);
	const char *c = r >= 0 && lx->ncols[r] > 1 ? lx->cols[r][1] : "post";
	return strcmp(c, "modifier") == 0 ? ROLE_MODIFIER : strcmp(c, "portfolio") == 0 ? ROLE_PORTFOLIO : ROLE_POST;
}

/* A post and the words around it. */
typedef struct role_span {
	size_t a, b;        /* the role words [a, b): "Assistant chief fire officer" */
	size_t ta, tb;      /* the text of the claim, with its organisation */
	int org;            /* the organisation (or place) of the post, or -1 */
	bool org_after;     /* "director of X" rather than "the X director" */
	bool owned;         /* a possessive before it: "Acme's director", "her agent" */
	int next;           /* the person named right after the phrase, or -1 */
} role_span;

static bool free_word(const xdoc *d, size_t i)
{
	return d->tok_ment[i] < 0 && !d->tok_quoted[i];
}

/* A lower-case word that may describe a post or an organisation ("external
 * affairs", "wholesale products", "telecoms company"): no function word, no
 * reporting verb, no past participle ("the murdered director"). */
static bool describing_word(const xdoc *d, size_t i)
{
	if (i >= d->seg.ntokens || !free_word(d, i) || d->seg.tokens[i].kind != CR_TOK_WORD || d->tok_num[i] >= 0 ||
	    !cr_is_lower((unsigned char)tok_text(d, i)[0]) || cr_tok_stop_word(d, i) || function_word_p(d, i) ||
	    cr_tok_report_verb(d, i, i + 1, NULL))
		return false;
	size_t n = d->lowlen[i];
	const char *w = d->low[i];
	return !(n > 4 && memcmp(w + n - 2, "ed", 2) == 0);
}

/* Up to three describing words from token k on; the token after them. */
static size_t describing_run(const xdoc *d, size_t k, size_t end)
{
	size_t q = k;
	while (q < end && q < k + 3 && describing_word(d, q))
		q++;
	return q;
}

/* A comma or a dash before or after an appositive ("X, director of Y," "X - director of Y -"). */
static bool apposition_mark(const xdoc *d, size_t i)
{
	return tok_punct(d, i, ',') || tok_punct(d, i, '-') ||
	       (cr_tok_soft_break(d, i) && !tok_punct(d, i, '(') && !tok_punct(d, i, ')'));
}

static bool possessive_pronoun(const xdoc *d, size_t i)
{
	return tok_is(d, i, "his") || tok_is(d, i, "her") || tok_is(d, i, "its") || tok_is(d, i, "their");
}

/* "director of X", "head of Ukraine's Centre for ...", "a director at telecoms company X",
 * "member of X's board of directors": the organisation after the role */
static int org_after_role(const xdoc *d, size_t b, size_t end, size_t *ob)
{
	if (b + 1 >= end || !(tok_is(d, b, "of") || tok_is(d, b, "for") || tok_is(d, b, "to") || tok_is(d, b, "at") ||
	                    tok_is(d, b, "with")))
		return -1;
	size_t k = b + 1;
	if (k < end && tok_is(d, k, "the"))
		k++;
	int org = cr_mention_entity_at(d, k);
	if (org < 0) {
		/* words that say what the organisation is: "telecoms company X" */
		size_t q = describing_run(d, k, end);
		int e = q > k && q < end ? cr_mention_entity_at(d, q) : -1;
		if (e >= 0 && d->ents.items[e].type == CR_E_ORG) {
			k = q;
			org = e;
		}
	}
	/* "director of Ukraine's Centre for ...", "of UCS's Scientific Integrity Program": the inner body */
	if (org >= 0 && d->ents.items[org].type != CR_E_PERSON) {
		size_t q = k;
		while (q < end && cr_mention_entity_at(d, q) == org)
			q++;
		if (tok_possessive(d, q) && q + 1 < end && cr_mention_entity_at(d, q + 1) >= 0 &&
		    !ent_person(d, cr_mention_entity_at(d, q + 1))) {
			k = q + 1;
			org = cr_mention_entity_at(d, k);
		}
	}
	/* "special assistant to John Mitchell": a post held for a person */
	if (org < 0 || (d->ents.items[org].type == CR_E_PERSON && !tok_is(d, b, "to")))
		return -1;
	*ob = k;
	while (*ob < end && cr_mention_entity_at(d, *ob) == org)
		(*ob)++;
	/* "X's board of directors", "X's security service": a body of the organisation */
	if (d->ents.items[org].type != CR_E_PERSON && tok_possessive(d, *ob)) {
		size_t q = describing_run(d, *ob + 1, end);
		if (q > *ob + 1 && q + 1 < end && tok_is(d, q, "of") && describing_word(d, q + 1))
			q = describing_run(d, q + 1, end);
		if (q > *ob + 1)
			*ob = q;
	}
	return org;
}

/* A capitalised word of a portfolio: free, or read as a name of no person ("Transport") */
static bool portfolio_word(const xdoc *d, size_t i)
{
	int e = cr_mention_entity_at(d, i);
	return cr_tok_capitalised(d, i) && !d->tok_quoted[i] && !ent_person(d, e);
}

/* "Minister of Communications and Information Technology X", "Chief of Detectives X":
 * a capitalised portfolio after "of" and the person named after it; -1 when none. */
static int titled_portfolio(const xdoc *d, size_t b, size_t end, size_t *q)
{
	if (b + 3 < end && tok_is(d, b, "of") && tok_is(d, b + 1, "the") && portfolio_word(d, b + 2))
		b++;   /* "Secretary of the Interior Ken Salazar" */
	if (b + 2 >= end || !(tok_is(d, b, "of") || tok_is(d, b, "the")) || !portfolio_word(d, b + 1))
		return -1;
	*q = b + 1;
	while (*q < end && *q < b + 9) {
		if (portfolio_word(d, *q))
			(*q)++;
		else if ((tok_is(d, *q, "and") || tok_is(d, *q, "&") || tok_is(d, *q, "of") || tok_is(d, *q, "for")) &&
		         *q + 1 < end && portfolio_word(d, *q + 1))
			(*q)++;
		else
			break;
	}
	int e = *q < end ? cr_mention_entity_at(d, *q) : -1;
	return e >= 0 && d->ents.items[e].type == CR_E_PERSON ? e : -1;
}

/* The organisation named before the role words at a: "the National Centre for Defence
 * Management director", "Fulton County District Attorney X", "Woodburn's police chief",
 * "Acme's external affairs director", "Reid's representative"; a one-word name of no type
 * is a nationality ("the Greek Prime Minister"). Moves r->ta over it. */
static void org_before_role(const xdoc *d, size_t first, role_span *r)
{
	size_t a = r->a;
	/* "the Harrison County, Miss., coroner": over the region set off by commas */
	if (a > first + 4 && tok_is(d, a - 1, ",")) {
		size_t q = a - 1;
		if (tok_is(d, q - 1, "."))
			q--;
		int region = cr_mention_entity_at(d, q - 1);
		while (region >= 0 && d->ents.items[region].type == CR_E_PLACE && q > first && cr_mention_entity_at(d, q - 1) == region)
			q--;
		int body = q > first + 1 && q < a - 1 && tok_is(d, q - 1, ",") ? cr_mention_entity_at(d, q - 2) : -1;
		size_t b0 = q - 2;
		while (body >= 0 && b0 > first && cr_mention_entity_at(d, b0 - 1) == body)
			b0--;
		/* "the ... coroner", not "In Biloxi, Miss., coroner X said" */
		if (region >= 0 && body >= 0 && body != region && !ent_person(d, body) && b0 > first && tok_is(d, b0 - 1, "the")) {
			r->org = body;
			r->ta = b0;
			return;
		}
	}
	/* "external affairs director": describing words after a possessive, a name
	 * or "the", two runs of them joined by "and" ("risk management and
	 * insurance director") */
	size_t m0 = a;
	while (m0 > first && a - m0 < 5 &&
	       (describing_word(d, m0 - 1) ||
	        (tok_is(d, m0 - 1, "and") && m0 < a && m0 - 1 > first && describing_word(d, m0 - 2) &&
	         !ANY_OF(d, m0, "most", "more", "very", "best", "ardent", "close", "closest", "longtime", "old"))))
		m0--;
	int name = m0 > first ? cr_mention_entity_at(d, m0 - 1) : -1;
	size_t n0 = m0;
	while (name >= 0 && n0 > first && cr_mention_entity_at(d, n0 - 1) == name)
		n0--;
	/* "the Genovese crime family boss", "the Obama campaign manager": a body named after a person */
	bool named_body = m0 < a && name >= 0 && n0 > first && tok_is(d, n0 - 1, "the");
	if (m0 < a && m0 > first &&
	    (tok_possessive(d, m0 - 1) || tok_is(d, m0 - 1, "the") || possessive_pronoun(d, m0 - 1) || named_body ||
	     (name >= 0 && !ent_person(d, name) && d->low[m0][d->lowlen[m0] - 1] != 's')))
		r->a = r->ta = a = m0;   /* after a name, not a verb: "Acme hires new director X" */
	else
		named_body = false;
	if (a == first)
		return;
	bool poss = tok_possessive(d, a - 1) && a > first + 1;
	r->owned = poss || possessive_pronoun(d, a - 1);
	size_t m = poss ? a - 2 : a - 1;
	int before = cr_mention_entity_at(d, m);
	bool one_word = before >= 0 && cr_mention_entity_at(d, m - 1) != before;
	if (before < 0 || (d->ents.items[before].type == CR_E_PERSON && !poss && !named_body) ||
	    (d->ents.items[before].type == CR_E_OTHER && one_word && !poss))
		return;
	r->org = before;
	r->ta = m + 1;
	while (r->ta > first && cr_mention_entity_at(d, r->ta - 1) == before)
		r->ta--;
}

/* The role phrase around post word i, its organisation and the name after it. */
static void role_phrase(const xdoc *d, size_t i, size_t first, size_t end, role_span *r)
{
	size_t a = i, b = i + 1, last = i;
	while (a > first && i - a < 4 && free_word(d, a - 1) && cr_role_class(d, a - 1) != ROLE_NONE)
		a--;
	/* "Dist. Atty.": over an abbreviated modifier whose full stop is a token of its own */
	while (a > first + 1 && i - a < 4 && tok_punct(d, a - 1, '.') && d->seg.tokens[a - 1].start == d->seg.tokens[a - 2].end &&
	       free_word(d, a - 2) && cr_role_class(d, a - 2) == ROLE_MODIFIER) {
		a -= 2;
		while (a > first && i - a < 4 && free_word(d, a - 1) && cr_role_class(d, a - 1) != ROLE_NONE)
			a--;
	}
	/* the role runs on over modifiers to its last post: "chief fire officer", "prime minister" */
	for (size_t k = i + 1; k < end && k < i + 4 && free_word(d, k) && cr_role_class(d, k) != ROLE_NONE; k++)
		if (cr_role_class(d, k) == ROLE_POST)
			last = k;
	b = last + 1;
	*r = (role_span){a, b, a, b, -1, false, false, -1};
	size_t ob = b, after = b, q;
	r->org = org_after_role(d, b, end, &ob);
	if (titled_portfolio(d, b, end, &q) >= 0) {
		/* the title before a name: "Minister of Transport and Public Works X" */
		r->b = r->tb = after = q;
		if (r->org >= 0 && ob != q)
			r->org = -1;
	} else {
		if (r->org < 0 && (tok_is(d, b, "of") || tok_is(d, b, "for")) && describing_run(d, b + 1, end) > b + 1) {
			/* "minister of petroleum", "director of wholesale products at X" */
			r->tb = after = describing_run(d, b + 1, end);
			r->org = org_after_role(d, r->tb, end, &ob);
		} else if (r->org < 0 && cr_tok_capitalised(d, i) && tok_is(d, b, "of") && b + 1 < end && portfolio_word(d, b + 1) &&
		           cr_mention_entity_at(d, b + 1) < 0) {
			/* "Summit's President of Production": a capitalised post's portfolio */
			size_t w = b + 1;
			while (w < end && w < b + 4 && portfolio_word(d, w) && cr_mention_entity_at(d, w) < 0)
				w++;
			r->tb = after = w;
		}
		if (r->org >= 0) {
			r->org_after = true;
			r->tb = after = ob;
			/* "a member of the Guinness board", "of the Labour party": the body's noun after its name */
			if (ob < end && ANY_OF(d, ob, "board", "council", "committee", "party", "cabinet", "panel", "faculty", "staff"))
				r->tb = after = ob + 1;
		}
	}
	if (r->org < 0)
		org_before_role(d, first, r);
	/* "Committee Chairman Rep. Nick Rahall": over a title to the name */
	size_t tn;
	if (after < end && cr_mention_entity_at(d, after) < 0 && cr_phrase_at(d, d->x->titles, after, end, &tn) >= 0)
		after += tn + (after + tn < end && tok_is(d, after + tn, "."));
	int next = after < end ? cr_mention_entity_at(d, after) : -1;
	r->next = next >= 0 && d->ents.items[next].type == CR_E_PERSON ? next : -1;
}

/* The modality a word before a role gives it: "alleged boss" alleged, "reputed head"
 * uncertain (the cue classes of data/lexicon/cues.tsv); asserted for any other word. */
static uint8_t qualifier(const xdoc *d, size_t i)
{
	size_t n;
	long r = cr_phrase_at(d, d->x->cues, i, i + 1, &n);
	const char *cls = cr_phrase_class(d->x->cues, r);
	return r < 0 ? CR_MODAL_ASSERTED : strcmp(cls, "accuse") == 0 ? CR_MODAL_ALLEGED
	                                 : strcmp(cls, "hedge") == 0 ? CR_MODAL_UNCERTAIN : CR_MODAL_ASSERTED;
}

/* "X, the governor of Y", "X, the team's head coach", "the police chief, X,": the person
 * in apposition to a definite role phrase. */
static int apposed_holder(const xdoc *d, size_t first, size_t end, const role_span *r)
{
	size_t p = r->ta;
	if (p > first && qualifier(d, p - 1) != CR_MODAL_ASSERTED)
		p--;   /* "Lo Presti, alleged boss of ..." */
	/* "Grifo, a biodiversity expert and director of ...": the second of two
	 * descriptions in one apposition */
	if (p > first + 3 && tok_is(d, p - 1, "and")) {
		size_t q = p - 1;
		while (q > first && q + 5 > p && d->seg.tokens[q - 1].kind == CR_TOK_WORD &&
		       cr_is_lower((unsigned char)tok_text(d, q - 1)[0]) && !tok_is(d, q - 1, "a") && !tok_is(d, q - 1, "an"))
			q--;
		if (q > first + 1 && q < p - 1 && (tok_is(d, q - 1, "a") || tok_is(d, q - 1, "an")) && apposition_mark(d, q - 2))
			p = q;   /* then "a" and the mark before it, as for one description */
	}
	/* "Ward, a U.S. lawyer,", "X, a French banker,": over a place or a nationality before the post */
	int pm = p > first ? cr_mention_entity_at(d, p - 1) : -1;
	if (pm >= 0 && (d->ents.items[pm].type == CR_E_PLACE || d->ents.items[pm].type == CR_E_OTHER))
		while (p > first && cr_mention_entity_at(d, p - 1) == pm)
			p--;
	bool adverb = false;   /* "Ford, now an assistant coach to X" */
	if (p > first + 1 && (tok_is(d, p - 1, "a") || tok_is(d, p - 1, "an") || tok_is(d, p - 1, "the")) &&
	    (tok_is(d, p - 2, "now") || tok_is(d, p - 2, "then") || tok_is(d, p - 2, "currently") ||
	     tok_is(d, p - 2, "formerly") || tok_is(d, p - 2, "once") || tok_is(d, p - 2, "also")))
		p--, adverb = true;
	if (adverb)
		p--;
	else if (p > first && (tok_is(d, p - 1, "the") || tok_is(d, p - 1, "his") || tok_is(d, p - 1, "her") ||
	                       tok_is(d, p - 1, "its") || tok_is(d, p - 1, "their") ||
	                       ((tok_is(d, p - 1, "a") || tok_is(d, p - 1, "an")) &&
	                        (r->org_after || (r->tb < end && tok_punct(d, r->tb, ','))))))
		p--;
	else if (p > first + 2 && tok_possessive(d, p - 1) && tok_is(d, p - 3, "the"))
		p -= 3;   /* "the team's" */
	else if (p > first + 2 && tok_possessive(d, p - 1) && cr_tok_capitalised(d, p - 2) && !ent_person(d, cr_mention_entity_at(d, p - 2)) &&
	         apposition_mark(d, p - 3))
		p -= 2;   /* "Erik Feig, Summit's President of Production": a body's one-word name the tagger missed */
	/* a role that runs into a possessive or a name is not in apposition ("A, Sheriff's Deputy B") */
	if (p > first + 1 && apposition_mark(d, p - 1) && r->next < 0 && !tok_possessive(d, r->tb)) {
		size_t m = p - 2;
		/* "Lo Presti, 52, head of ...": over the apposed age */
		if (m > first + 1 && d->tok_num[m] >= 0 && tok_punct(d, m - 1, ','))
			m -= 2;
		/* "Rep. Nick Rahall (D) of West Virginia, the chairman of ...": over his place and party */
		int pl = cr_mention_entity_at(d, m);
		if (pl >= 0 && d->ents.items[pl].type == CR_E_PLACE) {
			size_t q = m;
			while (q > first && cr_mention_entity_at(d, q - 1) == pl)
				q--;
			if (q > first + 1 && (tok_is(d, q - 1, "of") || tok_is(d, q - 1, "from"))) {
				m = q - 2;
				if (m > first + 2 && tok_is(d, m, ")") && tok_is(d, m - 2, "("))
					m -= 3;
			}
		}
		int e = cr_person_named(d, m);
		if (ent_person(d, e))
			return e;
	}
	/* "Woodburn's police chief, X, 46,", "her agent, X,", "The member of
	 * parliament for the region, X,", "Chief executive of Varnok, X,"
	 * opening the sentence: the name after, itself set off by commas */
	size_t tb = r->tb;
	if (tb + 2 < end && tok_is(d, tb, "for")) {
		/* over "for the region", "for Gaspe" */
		size_t q = tb + 1;
		int pl = cr_mention_entity_at(d, q);
		if (pl >= 0 && d->ents.items[pl].type == CR_E_PLACE)
			while (q < end && cr_mention_entity_at(d, q) == pl)
				q++;
		else if (tok_is(d, q, "the") && q + 1 < end && describing_word(d, q + 1))
			q = describing_run(d, q + 1, end);
		if (q > tb + 1 && q < end && tok_punct(d, q, ','))
			tb = q;
	}
	if (tb + 1 < end && tok_punct(d, tb, ',') &&
	    (r->owned || (r->ta > first && tok_is(d, r->ta - 1, "the")) || r->ta == first ||
	     (r->ta == first + 1 && cr_tok_capitalised(d, first)))) {
		int e = cr_mention_entity_at(d, tb + 1);
		size_t q = tb + 1;
		while (q < end && cr_mention_entity_at(d, q) == e)
			q++;
		if (e >= 0 && d->ents.items[e].type == CR_E_PERSON && (q >= end || tok_punct(d, q, ',') || tok_punct(d, q, '.')))
			return e;
	}
	return -1;
}

/* "Former chairman and chief executive Ernest Saunders": the person a second
 * title after "and" names holds the first too; -1 when none. */
static int coordinated_title(const xdoc *d, size_t first, size_t end, const role_span *r)
{
	/* not a description set off after someone ("Haig, Nixon's chief of staff and later President Reagan's") */
	if (r->org_after || r->tb + 1 >= end || !tok_is(d, r->tb, "and") ||
	    (r->ta > first && (tok_punct(d, r->ta - 1, ',') || tok_possessive(d, r->ta - 1))))
		return -1;
	for (size_t j = r->tb + 1; j < end && j < r->tb + 4 && free_word(d, j); j++)
		if (cr_role_class(d, j) == ROLE_POST) {
			role_span r2;
			role_phrase(d, j, first, end, &r2);
			if (r2.org_after || r2.next < 0)
				return -1;
			size_t q = r2.tb;
			while (q < end && cr_mention_entity_at(d, q) < 0 && cr_tok_capitalised(d, q))
				q++;   /* over a title ("Rep."), never "of the Bayou" */
			if (q >= end || cr_mention_entity_at(d, q) != r2.next)
				return -1;
			for (size_t k = j; k < q; k++)
				if (ANY_OF(d, k, "of", "for", "at", "in", "with"))
					return -1;   /* "CEO of the Bayou La Batre ...": a post of a body, no title */
			while (q < end && cr_mention_entity_at(d, q) == r2.next)
				q++;
			return tok_possessive(d, q) ? -1 : r2.next;
		}
	return -1;
}

static void positions(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		if (cr_role_class(d, i) != ROLE_POST || !free_word(d, i))
			continue;
		role_span r;
		role_phrase(d, i, first, end, &r);
		/* who holds it */
		int who = !r.org_after ? r.next : -1;   /* "Defence Minister Sergei Shoigu" */
		if (who < 0)
			who = coordinated_title(d, first, end, &r);   /* "former chairman and chief executive X" */
		bool titled = who >= 0, apposed = false;
		if (who < 0) {
			who = apposed_holder(d, first, end, &r);
			apposed = who >= 0;
		}
		if (who < 0) {
			bool copula = false;
			size_t cop = first;
			for (size_t k = r.ta; k-- > first && k + 5 > r.ta;)
				if (tok_is(d, k, "is") || tok_is(d, k, "as") || tok_is(d, k, "was") || tok_is(d, k, "became") ||
				    tok_is(d, k, "be") || tok_is(d, k, "named") || tok_is(d, k, "appointed"))
					copula = true, cop = k;
			/* "Denmark is Europe's second largest producer": a place or a body, no person */
			int before = cop > first ? cr_mention_entity_at(d, cop - 1) : -1;
			if (copula && before >= 0 && d->ents.items[before].type != CR_E_PERSON)
				copula = false;
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
		cr_claim *c = cr_new_claim(d, sent, i, "position", CR_SUBJ_ENTITY, who);
		c->value_entity = r.org;
		cr_claim_set_text(c, tok_text(d, r.ta), d->seg.tokens[r.tb - 1].end - d->seg.tokens[r.ta].start);
		int t = first_timex_after(d, r.tb, end);
		if (t < 0)
			t = first_timex_after(d, first, r.ta);
		if (t >= 0) {
			c->value_time = d->tx[t].range;
			c->time_value = cr_xstrdup(d->tx[t].value);
		}
		/* a title or an apposition is the outlet's (or the source's) description, which the
		 * clause's hedges do not touch; "X is believed to be the head of Y" is hedged */
		c->modality = titled || apposed ? (c->attribution ? CR_MODAL_REPORTED : CR_MODAL_ASSERTED)
		                                : cr_claim_modality(d, c, sent, i);
		uint8_t q = r.ta > first ? qualifier(d, r.ta - 1) : CR_MODAL_ASSERTED;
		if (q != CR_MODAL_ASSERTED && c->modality != CR_MODAL_DENIED)
			c->modality = q;   /* "the reputed head of the family" */
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
		int who = obj < end ? cr_mention_entity_at(d, obj) : -1;
		if (who < 0 && obj < end)
			who = cr_resolve_pronoun(d, sent, obj);
		if (who < 0 || d->ents.items[who].type != CR_E_PERSON)
			continue;
		/* the sanctioning state or body: the name before the verb */
		size_t k = i;
		while (k > first && (tok_is(d, k - 1, "has") || tok_is(d, k - 1, "have") || tok_is(d, k - 1, "had") ||
		                     tok_is(d, k - 1, "also") || tok_is(d, k - 1, "already")))
			k--;
		if (k == first)
			continue;
		int by = cr_mention_entity_at(d, k - 1);
		if (by < 0 || (d->ents.items[by].type != CR_E_ORG && d->ents.items[by].type != CR_E_PLACE))
			continue;
		size_t a = k - 1;
		while (a > first && cr_mention_entity_at(d, a - 1) == by)
			a--;
		cr_claim *c = cr_new_claim(d, sent, i, "sanctioned_by", CR_SUBJ_ENTITY, who);
		c->value_entity = by;
		cr_claim_set_text(c, tok_text(d, a), d->seg.tokens[k - 1].end - d->seg.tokens[a].start);
		c->modality = cr_claim_modality(d, c, sent, i);
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
			int e = cr_mention_entity_at(d, k);
			if (e < 0 || (d->ents.items[e].type != CR_E_ORG && d->ents.items[e].type != CR_E_PLACE) ||
			    (k > i + 2 && cr_mention_entity_at(d, k - 1) == e))
				continue;
			size_t b = k;
			while (b < end && cr_mention_entity_at(d, b) == e)
				b++;
			cr_claim *c = cr_new_claim(d, sent, i, "sanctioned_by", CR_SUBJ_ENTITY, who);
			c->value_entity = e;
			cr_claim_set_text(c, tok_text(d, k), d->seg.tokens[b - 1].end - d->seg.tokens[k].start);
			c->modality = cr_claim_modality(d, c, sent, i);
			if (b >= end || cr_tok_clause_break(d, b) || tok_punct(d, b, '.'))
				break;
		}
		return;
	}
}

/* ---- nicknames ------------------------------------------------------------
 * mentions.c reads "dubbed the 'X'", "known as 'X'" and "Name, 'the X'"; two
 * more forms are read here: a nickname set inside the name ("Kimani 'Kiki'
 * Gray", "Luis (Jerry) Ortiz", "Vincent 'the Chin' Gigante"), and "known by
 * the street moniker of X", whose holder may be a description of the
 * accused ("The defendant, who ... is known by the moniker of X"). */

static void nickname_of(xdoc *d, size_t sent, size_t cue, int who, size_t a, size_t b)
{
	const char *s = tok_text(d, a);
	size_t n = d->seg.tokens[b - 1].end - d->seg.tokens[a].start;
	cr_add_alias(d, who, s, n, true);
	cr_claim *c = cr_new_claim(d, sent, cue, "nickname", CR_SUBJ_ENTITY, who);
	cr_claim_set_text(c, s, n);
	c->modality = cr_claim_modality(d, c, sent, cue);
}

static bool opening_mark(const xdoc *d, size_t i, char *close)
{
	const char *t = tok_text(d, i);
	size_t n = tok_len(d, i);
	if (n == 1 && (*t == '(' || *t == '"' || *t == '\''))
		*close = *t == '(' ? ')' : *t;
	else if (n == 3 && (memcmp(t, "\xE2\x80\x9C", 3) == 0 || memcmp(t, "\xE2\x80\x98", 3) == 0))
		*close = t[2] == '\x9C' ? 'd' : 's';   /* curly double or single */
	else
		return false;
	return true;
}

static bool closing_mark(const xdoc *d, size_t i, char close)
{
	const char *t = tok_text(d, i);
	size_t n = tok_len(d, i);
	if (close == 'd')
		return n == 3 && memcmp(t, "\xE2\x80\x9D", 3) == 0;
	if (close == 's')
		return n == 3 && memcmp(t, "\xE2\x80\x99", 3) == 0;
	return n == 1 && *t == close;
}

/* "Kimani 'Kiki' Gray": a short capitalised run in quotes or brackets between a given name and a surname. */
static void nicknames_in_names(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first + 1; i + 3 < end; i++) {
		char close;
		if (!opening_mark(d, i, &close) || !cr_tok_capitalised(d, i - 1) || d->seg.tokens[i - 1].kind != CR_TOK_WORD)
			continue;
		size_t a = i + 1, b = a;
		if (tok_is(d, b, "the"))
			b++;
		while (b < end && b < a + 3 && cr_tok_capitalised(d, b) && d->seg.tokens[b].kind == CR_TOK_WORD)
			b++;
		if (b == a || (b == a + 1 && tok_is(d, a, "the")) || b + 1 >= end || !closing_mark(d, b, close) ||
		    !cr_tok_capitalised(d, b + 1) || d->seg.tokens[b + 1].kind != CR_TOK_WORD)
			continue;
		/* the surname's entity, which the other reports share; else the given name's */
		int who = cr_person_named(d, b + 1), sur = cr_mention_entity_at(d, b + 1);
		if (!ent_person(d, who) && sur >= 0 && d->ents.items[sur].type != CR_E_PLACE && cr_mention_entity_at(d, b + 2) != sur)
			who = sur;
		if (who < 0)
			who = cr_person_named(d, i - 1);
		if (!ent_person(d, who) && !(who >= 0 && who == sur)) {
			/* the whole "Kimani 'Kiki' Gray" read as one name of another type */
			int m = cr_mention_entity_at(d, i - 1);
			who = m >= 0 && m == cr_mention_entity_at(d, b + 1) && d->ents.items[m].type != CR_E_PLACE ? m : -1;
		}
		if (who < 0)
			continue;
		if (tok_is(d, a, "the"))
			a++;
		nickname_of(d, sent, i, who, a, b);
		/* the name without its nickname is a form of the name too */
		size_t g = i - 1, s = b + 1;
		while (g > first && cr_tok_capitalised(d, g - 1) && d->seg.tokens[g - 1].kind == CR_TOK_WORD &&
		       cr_mention_entity_at(d, g - 1) >= 0)
			g--;
		while (s + 1 < end && cr_tok_capitalised(d, s + 1) && cr_mention_entity_at(d, s + 1) == cr_mention_entity_at(d, s) &&
		       cr_mention_entity_at(d, s) >= 0)
			s++;
		cr_buf nb = {0};
		cr_buf_append(&nb, tok_text(d, g), d->seg.tokens[i - 1].end - d->seg.tokens[g].start);
		cr_buf_putc(&nb, ' ');
		cr_buf_append(&nb, tok_text(d, b + 1), d->seg.tokens[s].end - d->seg.tokens[b + 1].start);
		cr_add_alias(d, who, nb.data, nb.len, false);
		cr_buf_free(&nb);
		i = b + 1;
	}
}

/* The one person this document holds responsible so far, or -1. */
static int accused_person(const xdoc *d)
{
	int who = -1;
	for (size_t k = 0; k < d->claims.len; k++) {
		const cr_claim *c = &d->claims.items[k];
		if (c->subject_kind != CR_SUBJ_ENTITY || strcmp(c->predicate, "responsible_for") != 0 || !ent_person(d, c->subject))
			continue;
		if (who >= 0 && who != c->subject)
			return -1;
		who = c->subject;
	}
	return who;
}

/* "the defendant", "the suspect": the person the document holds responsible */
static int accused_description(const xdoc *d, size_t i)
{
	if (!tok_is(d, i, "the") || !cr_tok_in(d, i + 1, d->x->person_words))
		return -1;
	long r = cr_lexicon_find(d->x->person_words, d->low[i + 1], d->lowlen[i + 1]);
	const cr_lexicon *lx = d->x->person_words;
	return r >= 0 && lx->ncols[r] > 1 && strcmp(lx->cols[r][1], "accused") == 0 ? accused_person(d) : -1;
}

/* The holder of a nickname whose cue is at i: the subject of its clause, or of
 * the clause a relative "who" hangs on. */
static int nickname_holder(const xdoc *d, size_t sent, size_t first, size_t i)
{
	size_t s0 = i, at;
	while (s0 > first && !cr_tok_segment_break(d, s0 - 1))
		s0--;
	if (tok_is(d, s0, "who") && s0 >= first + 2) {
		size_t a = s0 - 1;
		while (a > first && !cr_tok_segment_break(d, a - 1))
			a--;
		int e = accused_description(d, a);
		if (e >= 0)
			return e;
		e = cr_subject_in(d, a, s0 - 1, &at);
		return e >= 0 && at == a ? e : -1;
	}
	if (tok_is(d, s0, "he") || tok_is(d, s0, "she"))
		return cr_resolve_pronoun(d, sent, s0);
	int e = accused_description(d, s0);
	if (e >= 0)
		return e;
	e = cr_subject_in(d, s0, i, &at);
	return e >= 0 && at == s0 ? e : -1;
}

/* "known by the street moniker of Sepe", "goes by the nickname of Kiki" */
static void moniker_of(xdoc *d, size_t sent, size_t first, size_t end)
{
	static const char *const nouns[] = {"nickname", "moniker", "alias", "name", "nom"};
	for (size_t i = first + 2; i + 2 < end; i++) {
		if (!cr_tok_word_in(d, i, nouns, CR_ARRAY_LEN(nouns)) || !tok_is(d, i + 1, "of") || !cr_tok_capitalised(d, i + 2))
			continue;
		bool by = false;
		for (size_t k = i; k-- > first && k + 5 > i && !by;)
			by = (tok_is(d, k, "by") && k > first && (tok_is(d, k - 1, "known") || tok_is(d, k - 1, "goes") ||
			                                           tok_is(d, k - 1, "went") || tok_is(d, k - 1, "going"))) ||
			     tok_is(d, k, "under");
		if (!by)
			continue;
		size_t a = i + 2, b = a;
		while (b < end && b < a + 3 && cr_tok_capitalised(d, b) && d->seg.tokens[b].kind == CR_TOK_WORD)
			b++;
		int who = nickname_holder(d, sent, first, i);
		if (!ent_person(d, who))
			continue;
		nickname_of(d, sent, i, who, a, b);
		i = b;
	}
}

/* The nickname's words at token q: a quoted run ("Chin") or a capitalised one
 * (Bubba; "Oddfather-took" glued by a lost dash is cut); [*a, *b) and the text's end. */
static bool nickname_words(const xdoc *d, size_t q, size_t end, size_t *a, size_t *b, uint32_t *text_end)
{
	char close;
	if (q < end && opening_mark(d, q, &close)) {
		size_t k = q + 1;
		while (k < end && k < q + 6 && !closing_mark(d, k, close))
			k++;
		if (k >= end || k == q + 1 || k >= q + 6)
			return false;
		*a = q + 1;
		*b = k;
		while (*b > *a && (tok_punct(d, *b - 1, ',') || tok_punct(d, *b - 1, '.')))
			(*b)--;
		*text_end = d->seg.tokens[*b - 1].end;
		return *b > *a;
	}
	if (q >= end || !cr_tok_capitalised(d, q) || d->seg.tokens[q].kind != CR_TOK_WORD)
		return false;
	*a = q;
	*b = q + 1;
	while (*b < end && *b < q + 3 && cr_tok_capitalised(d, *b) && d->seg.tokens[*b].kind == CR_TOK_WORD)
		(*b)++;
	*text_end = d->seg.tokens[*b - 1].end;
	const char *t = tok_text(d, *b - 1);
	for (size_t k = 1; k + 1 < tok_len(d, *b - 1); k++)
		if (t[k] == '-' && cr_is_lower((unsigned char)t[k + 1])) {
			*text_end = d->seg.tokens[*b - 1].start + (uint32_t)k;
			break;
		}
	return true;
}

/* A nickname claim of this sentence with these words already (mentions.c's or an earlier rule's). */
static bool nickname_known(const xdoc *d, size_t sent, const char *s, size_t n)
{
	for (size_t k = d->claims.len; k-- > 0;) {
		const cr_claim *c = &d->claims.items[k];
		if (c->start != d->seg.sentences[sent].start)
			break;
		if (strcmp(c->predicate, "nickname") == 0 && c->value_text && strlen(c->value_text) == n &&
		    memcmp(c->value_text, s, n) == 0)
			return true;
	}
	return false;
}

/* "X, whose nickname was 'Chin'", "acquired the nickname Bubba", "won him the nickname Oddfather" */
static void nickname_phrases(xdoc *d, size_t sent, size_t first, size_t end)
{
	static const char *const gain[] = {"acquired", "earned", "won", "got", "gained", "given", "gave", "bore", "had"};
	for (size_t i = first + 1; i + 1 < end; i++) {
		if (!tok_is(d, i, "nickname") && !tok_is(d, i, "moniker"))
			continue;
		size_t q = i + 1, v = i, a, b;
		uint32_t te;
		if (tok_is(d, q, "was") || tok_is(d, q, "is") || tok_punct(d, q, ','))
			q++;
		while (v > first && v + 3 > i && !cr_tok_word_in(d, v - 1, gain, CR_ARRAY_LEN(gain)) && !tok_is(d, v - 1, "whose"))
			v--;
		if (v == first || v + 3 <= i || !nickname_words(d, q, end, &a, &b, &te))
			continue;
		int who = -1;
		if (tok_is(d, v - 1, "whose")) {
			if (v >= first + 3 && tok_punct(d, v - 2, ','))
				who = cr_person_named(d, v - 3);
		} else if (tok_is(d, v, "him") || tok_is(d, v, "her")) {
			who = cr_resolve_pronoun(d, sent, v);
		} else {
			who = cr_person_at_or_before(d, sent, v - 1);
			if (who < 0 && v >= first + 2 && (tok_is(d, v - 2, "he") || tok_is(d, v - 2, "she")))
				who = cr_resolve_pronoun(d, sent, v - 2);
		}
		const char *s = tok_text(d, a);
		size_t n = te - d->seg.tokens[a].start;
		if (!ent_person(d, who) || nickname_known(d, sent, s, n))
			continue;
		cr_add_alias(d, who, s, n, true);
		cr_claim *c = cr_new_claim(d, sent, i, "nickname", CR_SUBJ_ENTITY, who);
		cr_claim_set_text(c, s, n);
		c->modality = cr_claim_modality(d, c, sent, i);
		i = b;
	}
}

/* A plural of a post ("coaches", "senators"): the singular is a post of
 * data/lexicon/roles.tsv. */
static bool plural_post(const xdoc *d, size_t i)
{
	size_t n = d->lowlen[i];
	const char *w = d->low[i];
	if (n < 4 || w[n - 1] != 's' || cr_tok_in(d, i, d->x->roles) ||
	    (cr_tok_capitalised(d, i) && d->seg.sentences[d->tok_sent[i]].first_token != i))
		return false;   /* "the Chiefs" is a team; "Senators X and Y" opens a sentence */
	const cr_lexicon *lx = d->x->roles;
	for (size_t cut = 1; cut <= 2 && cut < n; cut++) {
		if (cut == 2 && w[n - 2] != 'e')
			break;
		long r = cr_lexicon_find(lx, w, n - cut);
		if (r >= 0 && (lx->ncols[r] < 2 || strcmp(lx->cols[r][1], "post") == 0))
			return true;
	}
	return false;
}

/* "Saunders and Ward remained as directors", "X and Y are directors of Z":
 * people coordinated before a copula and a plural post each hold it. */
static void plural_posts_after(xdoc *d, size_t sent, size_t first, size_t i)
{
	size_t k = i;
	if (k > first && tok_is(d, k - 1, "as"))
		k--;
	if (k < first + 3 || !ANY_OF(d, k - 1, "are", "were", "remain", "remained", "remains", "became", "become", "serve",
	                            "served", "serving", "stayed", "stay", "stays"))
		return;
	int who[CR_MAX_COORD];
	size_t nw = cr_coordinated_persons(d, first, k - 2, who);
	for (size_t q = 0; q < nw && nw > 1; q++) {
		cr_claim *c = cr_new_claim(d, sent, i, "position", CR_SUBJ_ENTITY, who[q]);
		cr_claim_set_text(c, tok_text(d, i), tok_len(d, i));
		c->modality = cr_claim_modality(d, c, sent, i);
	}
}

/* "coaches Romeo Crennel and offensive coordinator Brian Daboll", "senators
 * John Kerry and John McCain": a plural post right before names is the post of
 * each name that has none of its own. */
static void plural_posts(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i + 1 < end; i++) {
		if (!free_word(d, i) || !plural_post(d, i))
			continue;
		if (!ent_person(d, cr_mention_entity_at(d, i + 1))) {
			plural_posts_after(d, sent, first, i);
			continue;
		}
		int who[CR_MAX_COORD];
		size_t k = i + 1, nw = 0;
		while (k < end && nw < CR_MAX_COORD) {
			int e = cr_mention_entity_at(d, k);
			if (!ent_person(d, e))
				break;
			who[nw++] = e;
			while (k < end && cr_mention_entity_at(d, k) == e)
				k++;
			/* ", Y" or "and Y", a name with no post of its own */
			if (k + 1 < end && (tok_punct(d, k, ',') || tok_is(d, k, "and")) && ent_person(d, cr_mention_entity_at(d, k + 1)))
				k++;
			else if (k + 2 < end && tok_punct(d, k, ',') && tok_is(d, k + 1, "and") &&
			         ent_person(d, cr_mention_entity_at(d, k + 2)))
				k += 2;
			else
				break;
		}
		for (size_t q = 0; q < nw; q++) {
			cr_claim *c = cr_new_claim(d, sent, i, "position", CR_SUBJ_ENTITY, who[q]);
			cr_claim_set_text(c, tok_text(d, i), tok_len(d, i));
			c->modality = cr_claim_modality(d, c, sent, i);
		}
		i = k;
	}
}

/* "X has been hired to direct the sequel", "X will direct New Moon", "X is
 * expected to direct it", "X will not helm the adaptation", "I have decided
 * not to direct Catching Fire": a post named by the verb of the work it is,
 * after "to" or "will". The words are the verb and its object; "not" before
 * it denies, "expected", "likely", "set", "in talks" or "negotiations"
 * hedge. The holder is the clause's subject; "I" in a quotation its speaker. */
static void post_verbs(xdoc *d, size_t sent, size_t first, size_t end)
{
	static const char *const verbs[] = {"direct", "helm", "coach", "chair", "captain", "manage", "head", "lead"};
	static const char *const hedges[] = {"expected", "likely", "set", "poised", "tipped", "negotiations", "talks",
	                                     "negotiating", "could", "may", "might", "reportedly"};
	for (size_t i = first + 2; i + 1 < end; i++) {
		if (!cr_tok_word_in(d, i, verbs, CR_ARRAY_LEN(verbs)) || cr_tok_capitalised(d, i))
			continue;
		size_t k = i - 1;   /* "to" or "will", with "not" between or before */
		bool not_ = false;
		if (tok_is(d, k, "not"))
			k--, not_ = true;
		if (!(tok_is(d, k, "to") || tok_is(d, k, "will") || tok_is(d, k, "'ll")))
			continue;
		if (!not_ && k > first && tok_is(d, k - 1, "not"))
			not_ = true;   /* "decided not to direct" */
		/* "head to Paris", "lead to a crash": a motion or a cause, no post */
		if (tok_is(d, i + 1, "to") || tok_is(d, i + 1, "for") || tok_is(d, i + 1, "home") || tok_is(d, i + 1, "back") ||
		    tok_is(d, i + 1, "up") || tok_is(d, i + 1, "off") || tok_is(d, i + 1, "out") || tok_is(d, i + 1, "into"))
			continue;
		size_t o = i + 1;
		while (o < end && o < i + 9 && !cr_tok_clause_break(d, o) && !tok_punct(d, o, ',') && !tok_punct(d, o, '.'))
			o++;
		if (o == i + 1)
			continue;
		/* the object is a work or a body: a name, a quoted title or "the ..." */
		if (!(cr_tok_capitalised(d, i + 1) || tok_quote_mark(d, i + 1) || tok_is(d, i + 1, "the") || tok_is(d, i + 1, "a")))
			continue;
		int who = -1;
		for (size_t q = k; q-- > first && q + 8 > k && who < 0;)
			if (tok_is(d, q, "i") && d->tok_quoted[q] && d->attr && d->attr[sent].source >= 0)
				who = d->attr[sent].source;   /* "I have decided not to direct X," Ross said */
		if (who < 0)
			who = fact_holder(d, sent, first, end, k);
		if (!ent_person(d, who))
			continue;
		bool hedged = false;
		for (size_t q = first; q < k && !hedged; q++)
			hedged = cr_tok_word_in(d, q, hedges, CR_ARRAY_LEN(hedges)) && q + 6 > k;
		cr_claim *c = cr_new_claim(d, sent, i, "position", CR_SUBJ_ENTITY, who);
		cr_claim_set_text(c, tok_text(d, i), d->seg.tokens[o - 1].end - d->seg.tokens[i].start);
		c->modality = not_ ? CR_MODAL_DENIED : hedged ? CR_MODAL_UNCERTAIN : cr_claim_modality(d, c, sent, i);
		i = o;
	}
}

/* "Saunders retained his position on the board", "kept her seat on the
 * council": the subject holds that seat. */
static void board_seats(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first + 1; i + 5 < end; i++) {
		if (!ANY_OF(d, i, "retained", "retains", "kept", "keeps", "holds", "held", "keeping", "retaining") ||
		    !ANY_OF(d, i + 1, "his", "her", "their", "a") || !ANY_OF(d, i + 2, "seat", "seats", "position", "place") ||
		    !tok_is(d, i + 3, "on") || !(tok_is(d, i + 4, "the") || tok_is(d, i + 4, "its")))
			continue;
		size_t b = i + 5;
		while (b < end && b < i + 8 && !ANY_OF(d, b, "board", "council", "committee", "panel", "cabinet") &&
		       cr_mention_entity_at(d, b) >= 0)
			b++;   /* "on the Guinness board" */
		if (b >= end || !ANY_OF(d, b, "board", "council", "committee", "panel", "cabinet"))
			continue;
		/* the subject right before the verb, over "also" or "has": never a guess */
		size_t k = i;
		while (k > first + 1 && ANY_OF(d, k - 1, "also", "has", "had", "still"))
			k--;
		int who = cr_person_named(d, k - 1);
		/* "Saunders resigned ... but retained his position": the sentence's subject, named first */
		if (!ent_person(d, who) && ANY_OF(d, k - 1, "but", "and"))
			who = cr_person_named(d, first);
		if (!ent_person(d, who))
			continue;
		cr_claim *c = cr_new_claim(d, sent, i + 2, "position", CR_SUBJ_ENTITY, who);
		cr_claim_set_text(c, tok_text(d, i + 2), d->seg.tokens[b].end - d->seg.tokens[i + 2].start);
		c->modality = cr_claim_modality(d, c, sent, i);
		i = b;
	}
}

void cr_find_profile(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	cr_find_ages(d, sent);
	birth(d, sent, first, end);
	native(d, sent, first, end);
	education(d, sent, first, end);
	founded(d, sent, first, end);
	positions(d, sent, first, end);
	plural_posts(d, sent, first, end);
	post_verbs(d, sent, first, end);
	board_seats(d, sent, first, end);
	sanctions(d, sent, first, end);
	sanctions_active(d, sent, first, end);
	nicknames_in_names(d, sent, first, end);
	moniker_of(d, sent, first, end);
	nickname_phrases(d, sent, first, end);
}
