/*
 * clause.c: the shape of a clause, as far as the profile, age and
 * accusation rules need it — where a clause or an appositive begins and ends
 * (commas, dashes, brackets, clause breaks), which person is its subject,
 * and the persons of a coordination ("X and Senior Trooper Y").
 *
 * The subject of a predicate is the first person of its clause that is
 * neither the object of a preposition ("to artist X") nor a possessor ("X's
 * lawyer") nor a name modifying a noun ("a Wasilla woman"); after a
 * reporting verb ("Kroon said the church ...") the reported clause's. When the
 * predicate's clause has no subject of its own ("..., died at 91"), the
 * subject is found by stepping back over comma-delimited appositives and
 * relative clauses ("X, whose ..., died at 91") to the segment that opens
 * with a name. It is a heuristic of punctuation, not a parse: it gives no
 * answer (-1) rather than a guess when the segments do not fit.
 */
#include "extract/internal.h"

#include <string.h>



/* a word for a person: "boy", "actress", a role ("deputy") or a title */
bool cr_person_word(const xdoc *d, size_t i)
{
	if (i >= d->seg.ntokens)
		return false;
	if (cr_tok_in(d, i, d->x->person_words) || cr_role_class(d, i) == ROLE_POST)
		return true;
	/* a plural: "guards", "co-workers" */
	size_t n = d->lowlen[i];
	return n > 3 && d->low[i][n - 1] == 's' && cr_lexicon_find(d->x->person_words, d->low[i], n - 1) >= 0;
}

/* A name that only modifies the noun after it ("a Wasilla woman", "Nixon aide",
 * "the Hawaiian Gardens gang member") names nobody here. */
bool cr_name_as_modifier(const xdoc *d, size_t after)
{
	for (size_t k = after; k < d->seg.ntokens && k < after + 3; k++) {
		if (d->tok_ment[k] >= 0 || d->seg.tokens[k].kind != CR_TOK_WORD || cr_tok_stop_word(d, k))
			return false;
		if (cr_person_word(d, k))
			return true;
		if (!cr_is_lower((unsigned char)tok_text(d, k)[0]))
			return false;
	}
	return false;
}


bool cr_tok_word_in(const xdoc *d, size_t i, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (tok_is(d, i, words[k]))
			return true;
	return false;
}

size_t cr_based_token(const xdoc *d, size_t i)
{
	size_t n = tok_len(d, i);
	const char *w = tok_text(d, i);
	return n > 7 && memcmp(d->low[i] + n - 6, "-based", 6) == 0 && cr_is_upper((unsigned char)w[0]) ? n - 6 : 0;
}

bool cr_compass_word(const xdoc *d, size_t i)
{
	return ANY_OF(d, i, "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
	              "southeastern", "southwestern", "north", "south", "east", "west", "northeast", "northwest",
	              "southeast", "southwest", "north-east", "north-west", "south-east", "south-west");
}

bool cr_tok_stop_word(const xdoc *d, size_t i)
{
	static const char *const w[] = {"the", "a", "an", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with",
	                                "from", "is", "was", "are", "were", "has", "had", "have", "be", "been", "who",
	                                "which", "that", "whose", "whom", "not", "never", "also", "as", "than", "when",
	                                "where", "after", "before", "while", "will", "would", "could", "can", "did"};
	return cr_tok_word_in(d, i, w, CR_ARRAY_LEN(w));
}

static bool preposition(const xdoc *d, size_t i)
{
	static const char *const w[] = {"of", "to", "for", "with", "by", "from", "at", "in", "on", "against", "about",
	                                "like", "than", "over", "after", "before", "behind", "near", "into", "toward",
	                                "towards", "including", "between", "among", "under", "via"};
	return cr_tok_word_in(d, i, w, CR_ARRAY_LEN(w));
}

static bool relative_or_det(const xdoc *d, size_t i)
{
	static const char *const w[] = {"who", "whose", "whom", "which", "that", "where", "the", "a", "an", "one",
	                                "another", "as", "and"};
	return cr_tok_word_in(d, i, w, CR_ARRAY_LEN(w));
}

bool cr_tok_copula(const xdoc *d, size_t i)
{
	static const char *const w[] = {"is", "was", "are", "were", "be", "been", "being", "'s", "turned", "turns",
	                                "turning", "turn", "becomes", "became"};
	return cr_tok_word_in(d, i, w, CR_ARRAY_LEN(w));
}

bool cr_tok_report_verb(const xdoc *d, size_t i, size_t end, size_t *n)
{
	/* after a determiner it is a noun: "the charge", "a report", "their estimates" */
	static const char *const det[] = {"the", "a", "an", "his", "her", "their", "its", "this", "these", "those"};
	if (i > 0 && d->tok_sent[i - 1] == d->tok_sent[i] && cr_tok_word_in(d, i - 1, det, CR_ARRAY_LEN(det)))
		return false;
	long r = cr_phrase_at(d, d->x->cues, i, end, n);
	return r >= 0 && strcmp(cr_phrase_class(d->x->cues, r), "report") == 0;
}

/* a comma, a dash or a bracket: what sets off an appositive or a relative clause */
bool cr_tok_soft_break(const xdoc *d, size_t i)
{
	const char *t = tok_text(d, i);
	size_t n = tok_len(d, i);
	return (n == 1 && (*t == ',' || *t == '(' || *t == ')')) ||
	       (n == 3 && (memcmp(t, "\xE2\x80\x94", 3) == 0 || memcmp(t, "\xE2\x80\x93", 3) == 0));
}

bool cr_tok_segment_break(const xdoc *d, size_t i)
{
	return cr_tok_soft_break(d, i) || cr_tok_clause_break(d, i);
}

/* The person a name at token m stands for. The tagger sometimes types a
 * surname as an organisation ("Orozco, 27,", "Sheriff Deputy Ortiz, 35,"):
 * a name that is a surname, after titles, of exactly one person of the
 * document is that person. */
int cr_person_named(const xdoc *d, size_t m)
{
	int e = cr_mention_entity_at(d, m);
	if (e < 0 || ent_person(d, e))
		return e;
	if (d->ents.items[e].type == CR_E_PLACE || cr_mention_entity_at(d, m + 1) == e)
		return -1;
	for (size_t a = m; a > 0 && cr_mention_entity_at(d, a - 1) == e; a--)
		if (cr_role_class(d, a - 1) == ROLE_NONE && cr_phrase_at(d, d->x->titles, a - 1, m, NULL) < 0)
			return -1;
	int who = -1;
	for (size_t p = 0; p < d->ents.len; p++) {
		const cr_lentity *en = &d->ents.items[p];
		if (en->type != CR_E_PERSON || !en->mentions || !en->name)
			continue;
		const char *sp = strrchr(en->name, ' ');
		const char *sur = sp ? sp + 1 : en->name;
		if (strlen(sur) != d->lowlen[m] || !cr_ieq(sur, d->low[m], d->lowlen[m]))
			continue;
		if (who >= 0)
			return -1;
		who = (int)p;
	}
	return who;
}

/* The first person of [a, b) standing as a subject: not the object of a
 * preposition ("to artist X"), not a possessor ("X's lawyer"). *at is where
 * its name starts (titles included). */
int cr_subject_in(const xdoc *d, size_t a, size_t b, size_t *at)
{
	for (size_t k = a; k < b; k++) {
		int e = cr_person_named(d, k), m = cr_mention_entity_at(d, k);
		if (!ent_person(d, e))
			continue;
		size_t s = k, t = k;
		while (t < b && cr_mention_entity_at(d, t) == m)
			t++;
		k = t - 1;
		if (tok_possessive(d, t) || cr_name_as_modifier(d, t))
			continue;
		size_t p = s;
		for (int steps = 0; p > a && steps < 5 && d->seg.tokens[p - 1].kind == CR_TOK_WORD && !cr_tok_stop_word(d, p - 1);
		     steps++)
			p--;
		if (p > a && preposition(d, p - 1))
			continue;
		*at = p;
		return e;
	}
	return -1;
}

/* Only names, quotation marks and "the" in [a, b): 'Vincent "the Chin" Gigante' */
static bool name_words(const xdoc *d, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (!(cr_tok_capitalised(d, k) || tok_quote_mark(d, k) || tok_is(d, k, "'") || tok_is(d, k, "the")))
			return false;
	return true;
}

bool cr_title_case_sentence(const xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t long_words = 0;
	for (size_t k = se->first_token; k < se->first_token + se->ntokens; k++) {
		if (d->seg.tokens[k].kind != CR_TOK_WORD || d->lowlen[k] < 4)
			continue;
		if (!cr_tok_capitalised(d, k))
			return false;
		long_words++;
	}
	return long_words >= 3;
}

int cr_clause_subject(const xdoc *d, size_t sent, size_t tok, size_t after, size_t phrase0)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	size_t s0 = tok, at;
	while (s0 > first && !cr_tok_segment_break(d, s0 - 1))
		s0--;
	/* "Authorities said X ...": the clause after the reporting verb */
	for (size_t k = s0; k < tok; k++) {
		size_t n;
		if (cr_tok_report_verb(d, k, tok, &n) || tok_is(d, k, "that"))
			s0 = k + (tok_is(d, k, "that") ? 1 : n);
	}
	int e = cr_subject_in(d, s0, tok, &at);
	if (e >= 0)
		return e;
	if (s0 < tok && (tok_is(d, s0, "he") || tok_is(d, s0, "she")))
		return cr_resolve_pronoun(d, sent, s0);
	bool only_age = phrase0 <= s0;
	if (s0 < tok && !only_age && !cr_is_lower((unsigned char)tok_text(d, s0)[0]) &&
	    !cr_title_case_sentence(d, sent))
		return -1;   /* the clause has a subject of its own, and it is nobody named; not the verb of a headline */
	/* ", at the age of 91, Felt told ...": a fronted phrase, the subject follows */
	if (only_age && after < end && tok_is(d, after, ",")) {
		for (size_t k = after + 1; k < end && k < after + 4; k++) {
			int f = cr_mention_entity_at(d, k);
			if (ent_person(d, f))
				return f;
			if (!tok_is(d, k, "of") && cr_role_class(d, k) == ROLE_NONE && cr_phrase_at(d, d->x->titles, k, end, NULL) < 0)
				break;
		}
	}
	/* "X, whose ..., died at 91": step back over appositives and relative clauses */
	size_t k = s0;
	for (int steps = 0; steps < 8 && k > first; steps++) {
		if (!cr_tok_soft_break(d, k - 1))
			return -1;
		size_t b = k - 1, a = b;
		while (a > first && !cr_tok_segment_break(d, a - 1))
			a--;
		k = a;
		if (a == b)
			continue;
		bool has_person = false;
		for (size_t q = a; q < b && !has_person; q++)
			has_person = ent_person(d, cr_mention_entity_at(d, q));
		if (!has_person)
			continue;
		if (relative_or_det(d, a) || cr_is_lower((unsigned char)tok_text(d, a)[0]))
			continue;
		size_t c = a;
		for (size_t q = a; q < b; q++) {
			size_t n;
			if (cr_tok_report_verb(d, q, b, &n))
				c = q + n;
		}
		e = cr_subject_in(d, c, b, &at);
		if (e >= 0 && d->tok_quoted[at] && !d->tok_quoted[tok])
			continue;   /* a name in a quoted title ("Jupiter's Darling") */
		if (e >= 0 && (at == c || name_words(d, c, at)))
			return e;
		if (c > a)
			return -1;   /* "X said the church ...": a subject that is nobody named */
	}
	return -1;
}

size_t cr_coordinated_persons(const xdoc *d, size_t first, size_t last, int *out)
{
	int rev[CR_MAX_COORD];
	size_t n = 0;
	size_t k = last + 1;
	while (n < CR_MAX_COORD && k > first) {
		int e = cr_mention_entity_at(d, k - 1);
		if (!ent_person(d, e))
			break;
		rev[n++] = e;
		while (k > first && cr_mention_entity_at(d, k - 1) == e)
			k--;
		/* the title before this name: "Senior Trooper", "Capt." */
		size_t t = k;
		while (t > first && t + 4 > k && cr_mention_entity_at(d, t - 1) < 0 &&
		       (d->seg.tokens[t - 1].kind == CR_TOK_WORD || tok_is(d, t - 1, ".")) && !tok_is(d, t - 1, "and"))
			t--;
		if (t > first && (tok_is(d, t - 1, "and") || tok_is(d, t - 1, ",")))
			k = t - 1;
		else
			break;
		/* "X, 20, and Y": over the first one's apposed age */
		if (k >= first + 3 && tok_is(d, k, "and") && tok_is(d, k - 1, ",") && d->tok_num[k - 2] >= 0 &&
		    tok_is(d, k - 3, ","))
			k -= 3;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	return n;
}
