/*
 * events.c: events in a sentence.
 *
 * An event is found from a trigger word (data/lexicon/event-triggers.tsv:
 * "airstrike", "bombed", "siege", "fired") together with what it hit (a
 * target phrase: data/lexicon/event-targets.tsv), where (a place named in a
 * locative phrase: "in Mariupol", "the siege of Aleppo") and when (a dated
 * time expression in the sentence, except one that dates the reporting:
 * "said on Friday"). A definite back-reference ("that airstrike", "the
 * bombing", "during this period") or a sentence with figures but no trigger
 * continues the last event of the paragraph. Within a document, reports of
 * the same target at a compatible place are one event. What the sentence's
 * figures count is read by figures.c from what is decided here.
 */
#include "extract/internal.h"
#include "recognize/gazetteer.h"
#include "recognize/namekey.h"

#include <stdlib.h>
#include <string.h>

/* "Bettie Page, the pin-up whose romps with whips, garters and heels
 * titillated a generation, has died": the person who opens the sentence
 * when the event word at i follows the comma that closes an apposition
 * (with commas of its own) right after the name; else -1. */
static int opening_subject(const xdoc *d, size_t first, size_t i)
{
	size_t v = i;
	while (v > first + 2 && v + 2 > i && ANY_OF(d, v - 1, "has", "have", "had"))
		v--;
	int e = cr_mention_entity_at(d, first);
	if (v <= first + 3 || !tok_is(d, v - 1, ",") || i >= first + 60 || !ent_person(d, e))
		return -1;
	size_t k = first;
	while (k < v && cr_mention_entity_at(d, k) == e)
		k++;
	return k + 1 < v - 1 && tok_is(d, k, ",") ? e : -1;
}

/* A person named in token i's clause, or a personal pronoun there. */
static bool person_in_clause(const xdoc *d, size_t i)
{
	int sent = d->tok_sent[i];
	size_t first = d->seg.sentences[sent].first_token, end = first + d->seg.sentences[sent].ntokens;
	for (size_t k = i; k-- > first && k + 8 > i && !cr_tok_clause_break(d, k);)
		if ((cr_mention_entity_at(d, k) >= 0 && d->ents.items[cr_mention_entity_at(d, k)].type == CR_E_PERSON) ||
		    tok_is(d, k, "he") || tok_is(d, k, "she") || tok_is(d, k, "who"))
			return true;
	/* "Oskar Varnok, a former aide to the president, died": the name before
	 * an apposition set off by commas */
	if (i > first + 2 && tok_is(d, i - 1, ",")) {
		size_t k = i - 1;
		while (k-- > first && k + 20 > i && !tok_is(d, k, ",") && !cr_tok_clause_break(d, k))
			;
		int e = k > first && k < i - 1 && tok_is(d, k, ",") ? cr_mention_entity_at(d, k - 1) : -1;
		if (e >= 0 && d->ents.items[e].type == CR_E_PERSON)
			return true;
	}
	if (opening_subject(d, first, i) >= 0)
		return true;
	for (size_t k = i + 1; k < end && k < i + 8 && !cr_tok_clause_break(d, k); k++)
		if ((cr_mention_entity_at(d, k) >= 0 && d->ents.items[cr_mention_entity_at(d, k)].type == CR_E_PERSON) ||
		    tok_is(d, k, "him") || tok_is(d, k, "her"))
			return true;
	return false;
}

/* Does a target phrase of a line or a network (event-targets.tsv column 3
 * "network": a cable, a pipeline) start or end at token k? */
static bool network_word(const xdoc *d, size_t k)
{
	size_t end = d->seg.sentences[d->tok_sent[k]].first_token + d->seg.sentences[d->tok_sent[k]].ntokens;
	size_t first = d->seg.sentences[d->tok_sent[k]].first_token;
	for (size_t a = k + 1; a-- > first && a + 4 > k;) {
		size_t n;
		long r = cr_phrase_at(d, d->x->targets, a, end, &n);
		if (r >= 0 && a + n > k && d->x->targets->lx->ncols[r] > 2 &&
		    strcmp(d->x->targets->lx->cols[r][2], "network") == 0)
			return true;
	}
	return false;
}

/* A game's score in token i's sentence: a number token "20-13", each side
 * at most 200 (not "2012-13", "1986-87"). */
static bool score_in_sentence(const xdoc *d, size_t i)
{
	const cr_sentence *se = &d->seg.sentences[d->tok_sent[i]];
	for (size_t k = se->first_token; k < se->first_token + se->ntokens; k++) {
		if (d->seg.tokens[k].kind != CR_TOK_NUMBER)
			continue;
		const char *t = tok_text(d, k);
		size_t len = tok_len(d, k), a = 0;
		while (a < len && cr_is_digit((unsigned char)t[a]))
			a++;
		size_t b = a + 1;
		while (b < len && cr_is_digit((unsigned char)t[b]))
			b++;
		if (a >= 1 && a <= 3 && a < len && t[a] == '-' && b > a + 1 && b - a - 1 <= 3 && atoi(t) <= 200 &&
		    atoi(t + a + 1) <= 200)
			return true;
	}
	return false;
}

/* "stopped X in the sixth round", "won in six rounds": a bout's round within
 * a few words after token i. */
static bool round_after(const xdoc *d, size_t i)
{
	for (size_t k = i + 1; k < d->seg.ntokens && k < i + 8 && d->tok_sent[k] == d->tok_sent[i]; k++)
		if (ANY_OF(d, k, "round", "rounds"))
			return true;
	return false;
}

/* A place a capture at token i takes: "captured the air base", "recaptured
 * Faya Largeau", "the Ouadi Doum airstrip captured by troops": the taking of
 * a place by force is a battle's, not a person's capture. */
static bool place_word(const xdoc *d, size_t k)
{
	int e = cr_mention_entity_at(d, k);
	return (e >= 0 && d->ents.items[e].type == CR_E_PLACE) ||
	       ANY_OF(d, k, "base", "airstrip", "airfield", "airport", "town", "city", "village", "garrison", "outpost",
	              "oasis", "stronghold", "capital", "port", "hill", "ridge", "bridge", "border", "territory");
}

static bool captured_place(const xdoc *d, size_t i)
{
	size_t n = d->seg.ntokens;
	for (size_t k = i + 1; k < n && k < i + 6 && d->tok_sent[k] == d->tok_sent[i] && !cr_tok_clause_break(d, k) &&
	                       !ANY_OF(d, k, "by", "in", "with", "at", "near", "from", "on", ",");
	     k++)
		if (place_word(d, k))
			return true;
	/* "the airstrip captured by", "the town was captured" */
	size_t k = i;
	while (k > 0 && d->tok_sent[k - 1] == d->tok_sent[i] && k + 3 > i && ANY_OF(d, k - 1, "was", "were", "been", "had", "being"))
		k--;
	if (k > 0 && d->tok_sent[k - 1] == d->tok_sent[i] && place_word(d, k - 1))
		return true;
	return false;
}

/* Whether token k may stand inside the noun phrase an act verb takes as its
 * object ("made a 50 dlrs a share unsolicited bid", "received a surprise
 * 34 dlr-a-share bid"): no preposition, conjunction, pronoun or verb of
 * saying or being, no clause break. */
static bool inside_object(const xdoc *d, size_t k)
{
	return !cr_tok_clause_break(d, k) &&
	       !ANY_OF(d, k, "of", "for", "to", "from", "with", "by", "in", "on", "at", "that", "which", "who", "and",
	               "or", "but", "said", "says", "is", "was", "were", "has", "had", "have", "be", "been", "it", "its",
	               "he", "she", "they", "we", "his", "her", "their");
}

/* A verb of doing a report, a statement, an inquiry or an offer within three
 * words of token i in its clause ("the report, released today", "issued a
 * statement", "launched an investigation", "withdrew their offer"), or
 * before the noun phrase it closes ("made a 50 dlrs a share unsolicited
 * bid"): its token, the nearest before i first, or SIZE_MAX. */
static size_t act_verb(const xdoc *d, size_t i)
{
	static const char *const verbs[] = {"released", "published", "issued", "sent", "submitted", "filed", "launched",
	                                    "opened", "began", "begun", "started", "completed", "made", "presented",
	                                    "extended", "withdrew", "withdrawn", "ordered", "delivered", "unveiled",
	                                    "handed", "announced", "conducted", "rejected", "accepted", "received", "proposed"};
	const cr_sentence *se = &d->seg.sentences[d->tok_sent[i]];
	size_t first = se->first_token, end = first + se->ntokens;
	for (size_t k = i; k-- > first && i - k <= 8 && !cr_tok_clause_break(d, k);) {
		if (cr_tok_word_in(d, k, verbs, CR_ARRAY_LEN(verbs)))
			return k;
		if (i - k >= 3 && !inside_object(d, k))
			break;
	}
	for (size_t k = i + 1; k < end && k - i <= 3 && !cr_tok_clause_break(d, k); k++)
		if (cr_tok_word_in(d, k, verbs, CR_ARRAY_LEN(verbs)))
			return k;
	return SIZE_MAX;
}

/* What a sense test's function returns for a test it does not know. */
static const char not_mine[] = "";

/* trigger_sense: the senses of shooting, attack and fighting words; not_mine for another test. */
static const char *sense_violence(const xdoc *d, size_t i, const char *t, const char *test, bool has_prev,
                                  bool has_next)
{
	size_t n = d->seg.ntokens;
	if (strcmp(test, "fire") == 0) {
		/* "opened fire on protesters" is a shooting; "under fire", "fire on" no blaze */
		if (has_prev && ANY_OF(d, i - 1, "opened", "open", "opening", "opens", "returned", "exchanged"))
			return "shooting";
		if (has_prev && ANY_OF(d, i - 1, "under", "cease", "friendly", "ceasefire"))
			return NULL;
		return t;
	}
	if (strcmp(test, "fired") == 0) {
		/* "fired on a building", "shots were fired", "fired three rounds": shooting;
		 * "fired the coach", "was fired": a dismissal, of a person */
		if (has_next && ANY_OF(d, i + 1, "on", "at", "upon", "into", "shots", "shot", "rounds", "round", "bullets",
		                       "a", "his", "her", "their", "several", "two", "three", "weapons", "guns", "back"))
			return "shooting";
		if (has_prev && ANY_OF(d, i - 1, "shots", "shot", "rounds", "bullets", "gun", "weapon", "were", "being"))
			return "shooting";
		/* "he fired in self-defence", "fired from the roof": no object, no dismissal */
		if (has_next && ANY_OF(d, i + 1, "in", "from", "toward", "towards", "twice", "again", "repeatedly", "wildly",
		                       "indiscriminately", "first", "without") &&
		    !(has_prev && ANY_OF(d, i - 1, "was", "were", "been", "be", "is", "are", "got", "get", "gets")))
			return "shooting";
		/* "fired 11 shots"; "the bullet that killed him was fired in self-defence" */
		if (has_next && d->seg.tokens[i + 1].kind == CR_TOK_NUMBER)
			return "shooting";
		size_t first = d->seg.sentences[d->tok_sent[i]].first_token;
		for (size_t k = i; k-- > first && k + 9 > i;)
			if (ANY_OF(d, k, "bullet", "bullets", "shot", "shots", "round", "rounds", "gun", "weapon", "pistol", "rifle",
			           "canister", "canisters", "missile", "missiles", "rocket", "rockets"))
				return "shooting";
		return person_in_clause(d, i) ? t : NULL;
	}
	if (strcmp(test, "ballot") == 0)
		/* "the election of X", "his election", "X's election" are a person's */
		return (has_next && tok_is(d, i + 1, "of")) ||
		       (has_prev && ANY_OF(d, i - 1, "his", "her", "their", "'s", "re", "re-"))
		       ? NULL : t;
	if (strcmp(test, "dismissed") == 0) {
		/* "dismissed calls to quit", "dismissed claims of abuse", "dismissed by
		 * critics as a sham": a rejection ("dismissed the coach", "was dismissed
		 * as coach" stay dismissals) */
		if (has_next && ANY_OF(d, i + 1, "calls", "claims", "reports", "allegations", "accusations", "criticism",
		                       "suggestions", "speculation", "concerns", "fears", "rumours", "rumors", "talk", "demands",
		                       "charges", "appeals", "complaints"))
			return NULL;
		for (size_t k = i + 1; k + 1 < n && k < i + 7 && d->tok_sent[k] == d->tok_sent[i] && !cr_tok_clause_break(d, k); k++)
			if (tok_is(d, k, "as")) {
				size_t r = k + 1 + (k + 2 < n && ANY_OF(d, k + 1, "the", "its", "his", "her", "their", "team"));
				return cr_role_class(d, r) != ROLE_NONE ? t : NULL;
			}
		return t;
	}
	if (strcmp(test, "demanded") == 0) {
		/* "calls for his resignation", "demanded the dismissal of": asked for, not done */
		size_t first = d->seg.sentences[d->tok_sent[i]].first_token;
		for (size_t k = i; k-- > first && k + 5 > i;)
			if (ANY_OF(d, k, "calls", "call", "called", "calling", "demand", "demands", "demanded", "demanding", "urged",
			           "urging", "pressure", "refused", "rejected", "ignored"))
				return NULL;
		return t;
	}
	if (strcmp(test, "shot") == 0) {
		/* "was shot", "shot dead", "shot and killed", "police shot the man"; not "a shot" */
		if (has_prev && ANY_OF(d, i - 1, "a", "the", "another", "one", "first", "big", "parting", "mug", "long",
		                       "his", "her", "their", "photo", "free", "best"))
			return NULL;
		if (has_prev && ANY_OF(d, i - 1, "was", "were", "been", "being", "got", "fatally", "gets", "is", "are"))
			return t;
		if (has_next && ANY_OF(d, i + 1, "dead", "and", "him", "her", "them", "by", "in", "multiple", "twice",
		                       "several", "at", "to"))
			return t;
		return person_in_clause(d, i) ? t : NULL;
	}
	if (strcmp(test, "attack") == 0) {
		/* "suffered a heart attack": an illness of the one it strikes */
		if (has_prev && ANY_OF(d, i - 1, "heart", "panic", "asthma", "anxiety"))
			return "illness";
		/* words, not violence: "a scathing attack on", "attacked the plan",
		 * "attacked government red tape" */
		if (has_prev && ANY_OF(d, i - 1, "scathing", "blistering", "stinging", "withering", "verbal", "bitter",
		                       "furious", "personal", "political", "outspoken", "vitriolic", "thinly-veiled"))
			return NULL;
		for (size_t k = i + 1; k < n && k < i + 5 && d->tok_sent[k] == d->tok_sent[i] && !cr_tok_clause_break(d, k); k++)
			if (ANY_OF(d, k, "plan", "plans", "policy", "policies", "proposal", "proposals", "record", "decision",
			           "comments", "remarks", "idea", "ideas", "budget", "bill", "tape", "reforms", "strategy", "handling",
			           "stance", "approach", "claims", "report", "leadership", "spending", "tax", "taxes", "cuts"))
				return NULL;
		return t;
	}
	if (strcmp(test, "armed") == 0) {
		/* "in fighting near the air base", "the battle for Ouadi Doum", with
		 * armed men in the sentence or an armed event told of before; not "a
		 * legal battle", "fighting cancer" */
		size_t first = d->seg.sentences[d->tok_sent[i]].first_token;
		size_t last = first + d->seg.sentences[d->tok_sent[i]].ntokens;
		for (size_t k = first; k < last; k++)
			if (ANY_OF(d, k, "troops", "soldiers", "forces", "army", "armies", "rebels", "rebel", "militia", "militias",
			           "militants", "guerrillas", "guerrilla", "fighters", "insurgents", "tanks", "artillery", "garrison",
			           "military", "infantry", "paratroopers", "marines", "gunmen"))
				return t;
		/* "Following Sunday's battle": the one the report has told of */
		for (size_t k = 0; k < d->events.len; k++)
			if (strcmp(cr_event_family(d->events.items[k].type), "attack") == 0)
				return t;
		return NULL;
	}
	return not_mine;
}

/* trigger_sense: the senses of crash and act words, and of ground-shaking; not_mine for another test. */
static const char *sense_vehicle(const xdoc *d, size_t i, const char *t, const char *test, bool has_prev,
                                 bool has_next)
{
	/* "the plane was hit by a missile", "a hit": no crash */
	if (strcmp(test, "craft") == 0 && has_prev && ANY_OF(d, i - 1, "was", "were", "been", "being", "is", "are", "be", "a", "the"))
		return NULL;
	if (strcmp(test, "vessel") == 0 || strcmp(test, "overturned") == 0 || strcmp(test, "craft") == 0) {
		static const char *const vessels[] = {"ship", "ships", "ferry", "ferries", "boat", "boats", "vessel", "vessels",
		                                      "tanker", "freighter", "trawler", "liner", "yacht", "barge", "submarine",
		                                      "dinghy", "steamer", "bus", "car", "truck", "lorry", "coach", "train",
		                                      "vehicle", "van", "minibus", "aircraft", "plane", "airplane", "aeroplane",
		                                      "jet", "airliner", "jetliner", "helicopter"};
		static const char *const rules[] = {"rule", "regulation", "regulations", "ruling", "ban", "decision", "verdict",
		                                    "conviction", "law", "policy", "order", "sentence", "decree", "veto"};
		const cr_sentence *se = &d->seg.sentences[d->tok_sent[i]];
		size_t first = se->first_token, end = first + se->ntokens;
		bool overturned = strcmp(test, "overturned") == 0;
		for (size_t k = i + 1; overturned && k < end && k <= i + 5 && !cr_tok_clause_break(d, k); k++)
			if (cr_tok_word_in(d, k, rules, CR_ARRAY_LEN(rules)))
				return t;
		/* a vehicle is the word's subject ("the ferry capsized", "a bus
		 * overturned"); only a ship sinks or capsizes; a ship someone sank
		 * ("sank the trawler", "sinking a pirate vessel") was attacked */
		size_t nv = strcmp(test, "vessel") == 0 ? 16 : CR_ARRAY_LEN(vessels);
		for (size_t k = i; k-- > first && i - k <= 8 && !cr_tok_clause_break(d, k);)
			if (cr_tok_word_in(d, k, vessels, nv) &&
			    !(k + 1 < i && cr_is_lower((unsigned char)tok_text(d, k + 1)[0]) && !cr_tok_stop_word(d, k + 1) &&
			      !tok_ends(d, k + 1, "ed") && !tok_ends(d, k + 1, "ing")))
				return "crash";   /* not a modifier: "shares in the ferry line sank" */
		/* "the aircraft hit Mount Osutaka", "the car struck a tree": a craft
		 * that hits something crashed; what hits a craft attacked it */
		if (strcmp(test, "craft") == 0)
			return NULL;
		bool sink = ANY_OF(d, i, "sank", "sunk", "sinking");
		for (size_t k = i + 1; k < end && k <= i + 4 && !cr_tok_clause_break(d, k); k++)
			if (cr_tok_word_in(d, k, vessels, nv))
				return sink ? "attack" : "crash";
		return NULL;
	}
	if (strcmp(test, "accident") == 0)
		return (has_prev && ANY_OF(d, i - 1, "by", "happy")) || (has_next && tok_is(d, i + 1, "of")) ? NULL : t;
	if (strcmp(test, "act") == 0)
		return act_verb(d, i) != SIZE_MAX ? t : NULL;
	if (strcmp(test, "bid") == 0)
		/* an offer made ("made a bid for"), not an attempt ("in a bid to end the strike") */
		return !(i >= 2 && tok_is(d, i - 2, "in") && ANY_OF(d, i - 1, "a", "an")) && act_verb(d, i) != SIZE_MAX ? t : NULL;
	if (strcmp(test, "seismic") == 0)
		/* "market tremors", "a political earthquake": a figure of speech */
		return has_prev && ANY_OF(d, i - 1, "market", "markets", "financial", "economic", "political", "electoral",
		                          "stock", "price", "currency", "bond", "diplomatic", "cultural", "social")
		       ? NULL : t;
	if (strcmp(test, "collapse") == 0) {
		/* a building's or a bridge's, not a company's, a deal's or talks' ("the
		 * collapse of ITV Digital", "talks collapsed", "Enron collapsed") */
		size_t first = d->seg.sentences[d->tok_sent[i]].first_token;
		size_t last = first + d->seg.sentences[d->tok_sent[i]].ntokens;
		/* its clause: six words back, four on */
		size_t a = i, b = CR_MIN(last, i + 5);
		while (a > first && a + 6 > i && !cr_tok_clause_break(d, a - 1))
			a--;
		for (size_t k = a; k < b; k++) {
			if (k > i && cr_tok_clause_break(d, k))
				break;
			int e = cr_mention_entity_at(d, k);
			if ((e >= 0 && d->ents.items[e].type == CR_E_ORG) ||
			    ANY_OF(d, k, "talks", "negotiations", "plans", "plan", "deal", "deals", "agreement", "ceasefire",
			           "truce", "government", "coalition", "economy", "market", "markets", "prices", "shares",
			           "currency", "company", "firm", "bank", "business", "empire", "regime", "case", "trial", "bid",
			           "merger", "venture", "project", "debate", "hopes", "support", "sales", "demand", "confidence"))
				return NULL;
		}
		return t;
	}
	if (strcmp(test, "explosion") == 0) {
		/* a blast, not growth: "an explosion of interest in blogs", "the gadget
		 * explosion signalled the strongest growth" */
		const cr_sentence *ss = &d->seg.sentences[d->tok_sent[i]];
		for (size_t k = ss->first_token; k < ss->first_token + ss->ntokens; k++)
			if (ANY_OF(d, k, "interest", "growth", "sales", "market", "markets", "demand", "popularity", "subscribers",
			           "users", "prices", "creativity", "investment", "spending", "boom"))
				return NULL;
		return t;
	}
	if (strcmp(test, "protest") == 0)
		/* "lodged a formal protest", "resigned in protest": a complaint, no demonstration */
		return has_prev && (ANY_OF(d, i - 1, "lodge", "lodged", "lodges", "lodging", "file", "filed", "files", "formal",
		                           "official", "diplomatic", "written") ||
		                    (tok_is(d, i - 1, "in") && tok_is(d, i, "protest")))
		       ? NULL : t;
	if (strcmp(test, "away") == 0)
		return has_next && tok_is(d, i + 1, "away") ? t : NULL;
	return not_mine;
}

/* trigger_sense: the senses of personal and legal words; not_mine for another test. */
static const char *sense_legal(const xdoc *d, size_t i, const char *t, const char *test, bool has_prev,
                               bool has_next)
{
	size_t n = d->seg.ntokens;
	if (strcmp(test, "with") == 0)
		return has_next && tok_is(d, i + 1, "with") ? t : NULL;
	if (strcmp(test, "guilty") == 0) {
		/* "found a former Kraft employee guilty" */
		for (size_t k = i; k-- > 0 && k + 8 > i && d->tok_sent[k] == d->tok_sent[i];) {
			if (ANY_OF(d, k, "pleaded", "pleads", "pled", "plead", "pleading"))
				return "plea";
			if (ANY_OF(d, k, "found", "finds", "finding", "convicted", "verdict"))
				return t;
		}
		return NULL;
	}
	if (strcmp(test, "sentence") == 0)
		return has_prev && ANY_OF(d, i - 1, "death", "life", "prison", "jail", "maximum", "minimum", "year", "years")
		       ? t : NULL;
	if (strcmp(test, "trial") == 0)
		return has_prev && ANY_OF(d, i - 1, "clinical", "free", "drug", "field") ? NULL : t;
	if (strcmp(test, "escape") == 0) {
		if (has_next && ANY_OF(d, i + 1, "injury", "injuries", "unhurt", "unharmed", "unscathed", "serious", "death",
		                       "with", "the", "notice", "punishment", "harm"))
			return NULL;
		return person_in_clause(d, i) || (has_next && ANY_OF(d, i + 1, "from")) ? t : NULL;
	}
	if (strcmp(test, "person") == 0)
		return person_in_clause(d, i) ? t : NULL;
	if (strcmp(test, "passive") == 0)
		/* "was captured Monday" (of whoever the report is about), "captured X" */
		return (has_prev && ANY_OF(d, i - 1, "was", "were", "been", "being", "is", "are")) || person_in_clause(d, i)
		       ? t : NULL;
	if (strcmp(test, "place") == 0) {
		/* "surrounded Mariupol", "surrounded the eastern half of the city"; the place
		 * is its object, not one after a preposition ("surrounded by reporters in
		 * London", "surrounded in controversy") */
		for (size_t k = i + 1; k < n && k < i + 7 && d->tok_sent[k] == d->tok_sent[i] && !cr_tok_clause_break(d, k) &&
		                       !ANY_OF(d, k, "by", "in", "with", "at", "amid", "from");
		     k++) {
			int e = cr_mention_entity_at(d, k);
			if ((e >= 0 && d->ents.items[e].type == CR_E_PLACE) ||
			    ANY_OF(d, k, "city", "town", "village", "port", "area", "district", "quarter", "region", "province",
			           "neighbourhood", "neighborhood", "half", "part", "building", "house", "home", "complex",
			           "compound", "school", "hospital", "plant", "embassy", "base"))
				return t;
		}
		return NULL;
	}
	return not_mine;
}

/* trigger_sense: the senses that read a word's setting: a facility, a court, a network, a contest, a title, a strike; not_mine for another test. */
static const char *sense_setting(const xdoc *d, size_t i, const char *t, const char *test, bool has_prev,
                                 bool has_next)
{
	size_t n = d->seg.ntokens;
	if (strcmp(test, "facility") == 0) {
		/* "checked into rehab", "checks herself into the Betty Ford Center",
		 * "was admitted to hospital", "entered a treatment facility" */
		if (i + 2 < n && ANY_OF(d, i + 1, "herself", "himself", "themselves") && ANY_OF(d, i + 2, "in", "into"))
			return t;   /* "checked herself in on Tuesday" */
		for (size_t k = i + 1; k < n && k < i + 8 && d->tok_sent[k] == d->tok_sent[i] && !cr_tok_clause_break(d, k); k++)
			if (ANY_OF(d, k, "rehab", "rehabilitation", "hospital", "clinic", "center", "centre", "facility", "treatment",
			           "hospice", "sanatorium", "detox"))
				return k <= i + 1 || ANY_OF(d, i + 1, "into", "in", "to", "herself", "himself", "a", "the") ? t : NULL;
		return NULL;
	}
	if (strcmp(test, "court") == 0) {
		/* "due to appear before Taunton Deane Magistrates' Court", "appeared in court" */
		for (size_t k = i + 1; k < n && k < i + 9 && d->tok_sent[k] == d->tok_sent[i] && !cr_tok_clause_break(d, k); k++)
			if (ANY_OF(d, k, "court", "magistrates", "magistrates'", "judge", "jury", "tribunal", "magistrate"))
				return t;
		return NULL;
	}
	if (strcmp(test, "network") == 0) {
		/* "a terrestrial fibre cut", "the cables were damaged", "a break in an
		 * undersea cable"; not "cut taxes", "damaged the hospital" */
		size_t first = d->seg.sentences[d->tok_sent[i]].first_token;
		for (size_t k = i; k-- > first && k + 5 > i && !cr_tok_clause_break(d, k);)
			if (network_word(d, k))
				return t;
		for (size_t k = i + 1; k < n && k < i + 5 && d->tok_sent[k] == d->tok_sent[i] && !cr_tok_clause_break(d, k); k++)
			if (network_word(d, k))
				return t;
		return NULL;
	}
	if (strcmp(test, "contest") == 0) {
		/* "a 20-13 win", "Colts beat Chiefs 20-13", "stopped X in the sixth
		 * round", "the title fight"; not "won the vote", "the fight against
		 * corruption", "the bus stopped", "the original title won acclaim" */
		if (has_prev && ANY_OF(d, i - 1, "title", "heavyweight", "middleweight", "welterweight", "boxing", "championship",
		                       "playoff", "rematch", "unification") &&
		    !ANY_OF(d, i, "won", "beat", "beats", "defeated"))
			return t;
		return score_in_sentence(d, i) || round_after(d, i) ? t : NULL;
	}
	if (strcmp(test, "title") == 0) {
		/* "retained his WBA, IBF and WBO heavyweight titles", "defending the belt" */
		for (size_t k = i + 1; k < n && k < i + 12 && d->tok_sent[k] == d->tok_sent[i]; k++)
			if (ANY_OF(d, k, "title", "titles", "belt", "belts", "crown", "championship"))
				return t;
		return NULL;
	}
	if (strcmp(test, "strike") == 0) {
		/* "the strike on the theatre", "a missile strike", "Russian strikes hit"; not
		 * "the actors' strike", "went on strike" or "two strikes" */
		if (has_prev && ANY_OF(d, i - 1, "on", "general", "hunger", "labor", "labour", "workers", "union", "national",
		                       "nationwide", "teachers", "actors", "writers", "rail", "transport", "'"))
			return NULL;
		if (has_prev && ANY_OF(d, i - 1, "air", "missile", "drone", "rocket", "military", "artillery", "russian",
		                       "israeli", "american", "u.s.", "nato", "deadly", "precision", "retaliatory"))
			return t;
		/* "the impact of a possible strike on Hollywood" in a sentence of unions,
		 * pay and contracts is a labour one */
		const cr_sentence *ss = &d->seg.sentences[d->tok_sent[i]];
		for (size_t k = ss->first_token; k < ss->first_token + ss->ntokens; k++)
			if (ANY_OF(d, k, "union", "unions", "guild", "workers", "walkout", "contract", "contracts", "pay", "wages",
			           "picket", "pickets", "bargaining", "studios", "employers", "staff"))
				return NULL;
		if (has_next && ANY_OF(d, i + 1, "on", "hit", "hits", "killed", "destroyed", "against"))
			return t;
		return NULL;
	}
	return not_mine;
}

/* The type a trigger word names once its sense test passes (column 3 of
 * data/lexicon/event-triggers.tsv), or NULL. */
static const char *trigger_sense(const xdoc *d, size_t i, const char *t, const char *test)
{
	static const char *(*const senses[])(const xdoc *, size_t, const char *, const char *, bool, bool) = {
		sense_violence, sense_vehicle, sense_legal, sense_setting};
	size_t n = d->seg.ntokens;
	bool has_prev = i > 0 && d->tok_sent[i - 1] == d->tok_sent[i];
	bool has_next = i + 1 < n && d->tok_sent[i + 1] == d->tok_sent[i];
	for (size_t k = 0; k < CR_ARRAY_LEN(senses); k++) {
		const char *r = senses[k](d, i, t, test, has_prev, has_next);
		if (r != not_mine)
			return r;
	}
	return t;
}

const char *cr_trigger_type(const xdoc *d, size_t i)
{
	if (!(d->tok_bits[i] & TB_TRIGGER))
		return NULL;
	/* a word of a person's or an organisation's name ("Royal Dutch Shell", "the
	 * Fire Department") names no event */
	int e = cr_mention_entity_at(d, i);
	if (e >= 0 && (d->ents.items[e].type == CR_E_PERSON || d->ents.items[e].type == CR_E_ORG))
		return NULL;
	/* "a tsunami benefit gig", "quake relief": help for the stricken, told where
	 * the help is, not the event; "riot police", "a bomb squad", "attack
	 * helicopters": who or what deals with such events */
	if (i + 1 < d->seg.ntokens && d->tok_sent[i + 1] == d->tok_sent[i] &&
	    ANY_OF(d, i + 1, "benefit", "relief", "appeal", "fund", "aid", "charity", "concert", "gig", "donations",
	           "fundraiser", "fundraising", "telethon", "police", "squad", "squads", "gear", "shield", "shields",
	           "van", "vans", "disposal", "helicopter", "helicopters", "dog", "dogs", "submarine", "submarines"))
		return NULL;
	long r = cr_lexicon_find(d->x->triggers, d->low[i], d->lowlen[i]);
	if (r < 0 || d->x->triggers->ncols[r] < 2)
		return NULL;
	/* "an expected government strike on the town", "a planned attack":
	 * what has not happened is no event */
	for (size_t k = i; k-- > 0 && k + 2 >= i && d->tok_sent[k] == d->tok_sent[i] && d->seg.tokens[k].kind == CR_TOK_WORD;)
		if (ANY_OF(d, k, "expected", "planned", "possible", "threatened", "imminent", "potential", "anticipated",
		           "proposed", "feared", "impending", "intended", "hypothetical") &&
		    !ANY_OF(d, k + 1, "to", "the", "a", "an", "its", "his", "her", "their") &&
		    !(k > 0 && ANY_OF(d, k - 1, "is", "are", "was", "were", "be", "been", "being")) &&
		    !(k > 0 && (tok_ends(d, k - 1, "ly") || tok_is(d, k - 1, "well"))))
			return NULL;   /* not "is expected to appear in court", "a meticulously planned robbery",
			                * "he proposed the takeover today" (a verb with its object) */
	const char *t = d->x->triggers->cols[r][1];
	if (strcmp(t, "capture") == 0 && captured_place(d, i))
		return "battle";
	return d->x->triggers->ncols[r] > 2 ? trigger_sense(d, i, t, d->x->triggers->cols[r][2]) : t;
}

/* Disasters strike regions: their reports name many places (resolve merges
 * them by kind and time, not place). */
bool cr_disaster_type(const char *t)
{
	return t && cr_event_class_of(t) == CR_EVENT_DISASTER;
}

/* Events that happen to a person (an appointment, a dismissal, an arrest, a
 * conviction, a death), as opposed to incidents with targets and victims. */
bool cr_incident_type(const char *type)
{
	return cr_event_is_incident(type);
}

static bool locative(const xdoc *d, size_t i)
{
	static const char *preps[] = {"in", "at", "on", "near", "outside", "of", "across", "into", "around", "over", "inside"};
	for (size_t k = 0; k < CR_ARRAY_LEN(preps); k++)
		if (tok_is(d, i, preps[k]))
			return true;
	return false;
}

/* "the Kremlin troops", "the Odessa military administration": a place name
 * used as a modifier names no location of an event. */
static bool modifier_head(const xdoc *d, size_t i)
{
	static const char *heads[] = {"troops", "forces", "army", "military", "government", "officials", "authorities",
	                              "administration", "regime", "soldiers", "police", "ministry", "leadership",
	                              "officer", "officers", "media", "embassy", "envoy", "president", "spokesman",
	                              "council", "side", "team", "company", "firm", "state", "prosecutors"};
	for (size_t k = 0; k < CR_ARRAY_LEN(heads); k++)
		if (tok_is(d, i, heads[k]))
			return true;
	return false;
}

/* A place in a locative phrase of the sentence ("in Mariupol", "city of Aleppo"). */
static int sentence_place(const xdoc *d, size_t first, size_t end, bool any, size_t trig)
{
	int fallback = -1, after_trigger = -1, locative_first = -1;
	for (size_t i = first; i < end; i++) {
		int e = cr_mention_entity_at(d, i);
		if (e < 0 || d->ents.items[e].type != CR_E_PLACE || (i > first && cr_mention_entity_at(d, i - 1) == e))
			continue;
		/* step back over "the", "city", "port city", "capital city" */
		size_t k = i;
		while (k > first && k + 4 > i &&
		       (tok_is(d, k - 1, "the") || tok_is(d, k - 1, "city") || tok_is(d, k - 1, "port") ||
		        tok_is(d, k - 1, "capital") || tok_is(d, k - 1, "town") || tok_is(d, k - 1, "village") ||
		        cr_compass_word(d, k - 1) || tok_is(d, k - 1, "besieged")))
			k--;
		size_t after = i;
		while (after < end && cr_mention_entity_at(d, after) == e)
			after++;
		bool poss = after < end && (tok_is(d, after, "'s") || tok_is(d, after, "'") || modifier_head(d, after));
		if (k > first && locative(d, k - 1) && !poss) {
			/* "a bombing campaign in Syria": the place after the event word first */
			if (trig == SIZE_MAX || i > trig)
				return e;
			if (locative_first < 0)
				locative_first = e;
			continue;
		}
		bool ok = !poss && !(k > first && (tok_is(d, k - 1, "by") || tok_is(d, k - 1, "from") || tok_is(d, k - 1, "to")));
		if (ok && fallback < 0)
			fallback = e;
		if (ok && after_trigger < 0 && trig != SIZE_MAX && i > trig)
			after_trigger = e;
	}
	if (locative_first >= 0)
		return locative_first;
	if (!any)
		return -1;
	return after_trigger >= 0 ? after_trigger : fallback;
}

/* Does a reporting verb stand within three tokens before i ("said on Friday")? */
/* A time expression that can date an event: a date, or a part of a day
 * ("Sunday night": TIMEX3 ...TNI), not a clock time, whose day is only the
 * report's. */
static bool dating_expression(const cr_timex *x)
{
	if (x->type == CR_TIMEX_DATE)
		return true;
	if (x->type != CR_TIMEX_TIME)
		return false;
	size_t n = strlen(x->value);
	return n > 3 && x->value[n - 3] == 'T' &&
	       (strcmp(x->value + n - 2, "MO") == 0 || strcmp(x->value + n - 2, "AF") == 0 ||
	        strcmp(x->value + n - 2, "EV") == 0 || strcmp(x->value + n - 2, "NI") == 0 ||
	        strcmp(x->value + n - 2, "DT") == 0);
}

static size_t timex_end(const xdoc *d, size_t i);

static bool dates_the_report(const xdoc *d, size_t first, size_t i, size_t trig)
{
	if (trig != SIZE_MAX && timex_end(d, i) == trig)
		return false;   /* "saying the 1978 repairs": the event word carries it */
	for (size_t k = i; k > first && k + 4 > i; k--) {
		size_t n;
		long r = cr_phrase_at(d, d->x->cues, k - 1, i, &n);
		if (r < 0 || strcmp(cr_phrase_class(d->x->cues, r), "report") != 0)
			continue;
		/* "said faulty repairs in 1978": the event word between them carries it */
		if (trig != SIZE_MAX && trig >= k - 1 + n && trig < i)
			return false;
		/* "Fresh riots were reported in Greece on Saturday": the event, subject
		 * of the passive report, happened that day */
		if (trig < k - 1 && k >= first + 2 && ANY_OF(d, k - 2, "was", "were", "been", "being"))
			return false;
		return true;
	}
	return false;
}

/* The token after the time expression that token i is in. */
static size_t timex_end(const xdoc *d, size_t i)
{
	int t = d->tok_tx[i];
	while (i < d->seg.ntokens && d->tok_tx[i] == t)
		i++;
	return i;
}

/* "the model whose photographs outraged Americans in the 1950s, has died":
 * is the date at [i, te), before the event word at trig, in a relative
 * clause that a comma closes before the event word? */
static bool in_relative_clause(const xdoc *d, size_t i, size_t te, size_t trig)
{
	bool comma = false;
	for (size_t k = te; k < trig && !comma; k++)
		comma = tok_is(d, k, ",");
	for (size_t k = i; comma && k-- > 0 && d->tok_sent[k] == d->tok_sent[i] && !tok_is(d, k, ",") && i - k <= 15;)
		if (ANY_OF(d, k, "who", "whose", "which", "whom", "where"))
			return true;
	return false;
}

/* "the 1950s pin-up queen", "Famous 1950s pin up star": a year or a decade
 * at [i, te) that qualifies the noun after it dates that noun's time, no
 * event; not after a preposition ("in 1992 she ...", "in the 1950s, has
 * died"), nor when that noun is the event word at trig ("her 2005 release"). */
static bool attributive_year(const xdoc *d, size_t i, size_t te, size_t trig)
{
	int t = d->tok_tx[i];
	size_t vl = t >= 0 ? strlen(d->tx[t].value) : 0;
	if (t < 0 || d->tx[t].type != CR_TIMEX_DATE || vl < 3 || vl > 4 || te == trig || te >= d->seg.ntokens ||
	    d->tok_sent[te] != d->tok_sent[i] || !cr_is_digit((unsigned char)d->text[d->tx[t].start]))
		return false;
	/* "a 1999 incident where he stabbed", "a 1998 assault conviction": the
	 * noun is an event's */
	for (size_t k = te; k < te + 4 && k < d->seg.ntokens && cr_is_lower((unsigned char)d->text[d->seg.tokens[k].start]); k++)
		if (k == trig || cr_trigger_type(d, k) || ANY_OF(d, k, "incident", "case", "episode", "affair", "event", "crime"))
			return false;
	size_t p = i;
	if (p > 0 && d->tok_sent[p - 1] == d->tok_sent[i] && tok_is(d, p - 1, "the"))
		p--;
	if (p > 0 && d->tok_sent[p - 1] == d->tok_sent[i] &&
	    ANY_OF(d, p - 1, "in", "on", "at", "since", "during", "by", "of", "from", "until", "till", "through", "before",
	           "after", "throughout", "around", "between", "and", "or", "to", "early", "late", "mid", "than"))
		return false;
	/* the word after: a noun or an adjective, no function word */
	return cr_is_lower((unsigned char)d->text[d->seg.tokens[te].start]) &&
	       !ANY_OF(d, te, "when", "and", "or", "as", "to", "until", "after", "before", "was", "were", "is", "are", "had",
	               "has", "have", "with", "for", "in", "at", "on", "by", "of", "from", "she", "he", "they", "it", "we",
	               "the", "a", "an", "his", "her", "their", "its", "that", "which", "who", "while", "but", "saw", "brought");
}

/* Is the date at [i, te) near the event word at trig: right before it
 * ("on Monday the bombing"), or within a few words after it? */
static bool date_near(const xdoc *d, size_t i, size_t te, size_t trig)
{
	if (i > trig)
		return i - trig <= 12;
	if (te > trig || trig - te > 8)
		return false;
	/* "handed out blankets Monday to survivors of the earthquake": the day is
	 * the handing out's; the event word is a complement */
	for (size_t k = te; k < trig; k++)
		if (ANY_OF(d, k, "after", "before", "since", "until", "of", "to", "for", "from") || cr_tok_clause_break(d, k))
			return false;
	return !in_relative_clause(d, i, te, trig);
}

/* The narrowest dated time expression of the sentence that dates its event,
 * or -1. With the event word at trig, a date before it counts only when it
 * opens the sentence ("On 9 March, an airstrike ...") or stands right before
 * it; a date after it, within a few words ("bombed a hospital on March 9").
 * "Rescuers pulled a baby out on Friday, four days after the earthquake":
 * Friday dates the rescue, not the earthquake. */
/* "XXXX-12-06": a day of a month with no year (an undated report's "Dec. 6"); 1206, or 0. */
static unsigned yearless_day(const cr_timex *x)
{
	const char *v = x->value;
	if (x->type != CR_TIMEX_DATE || strlen(v) != 10 || memcmp(v, "XXXX-", 5) != 0 || v[7] != '-')
		return 0;
	for (int k = 5; k < 10; k++)
		if (k != 7 && (v[k] < '0' || v[k] > '9'))
			return 0;
	unsigned m = (unsigned)(v[5] - '0') * 10 + (unsigned)(v[6] - '0'), day = (unsigned)(v[8] - '0') * 10 + (unsigned)(v[9] - '0');
	return m >= 1 && m <= 12 && day >= 1 && day <= 31 ? m * 100 + day : 0;
}

/* Whether the time expression opening at token i (of a sentence opening at
 * first) may date an event of `family` whose word is at trig: a date, or a
 * part of a named day ("on Sunday night"), never a clock time alone ("at
 * 04:17"), which only the report's day anchors; not the report's own date. */
static bool dates_an_event(const xdoc *d, size_t first, size_t i, size_t trig, const char *family)
{
	const cr_timex *x = &d->tx[d->tok_tx[i]];
	if (!dating_expression(x) || !cr_range_known(x->range) || dates_the_report(d, first, i, trig))
		return false;
	/* "late in the fourth quarter": a game's period, no quarter of the year */
	if (strcmp(family, "contest") == 0 && strstr(x->value, "-Q"))
		return false;
	/* an incident reported has happened: a day after the report ("in the
	 * papers tomorrow") is not its day; a vote is held on a day fixed ahead */
	if (cr_range_known(d->pub) && x->range.earliest > d->pub.latest && strcmp(family, "vote") != 0 &&
	    cr_event_class_of(family) != CR_EVENT_ACT)
		return false;   /* a vote is reported before its day too, and an act planned ("the meeting will be held on May 27") */
	/* "the worst riots since 1974", "until 2010": a date that bounds a span
	 * dates no event */
	if (i > first && ANY_OF(d, i - 1, "since", "until", "till", "through", "by"))
		return false;
	/* a year at most; a range the text gives end to end ("between 2015
	 * and 2016") may run to three */
	return x->range.latest - x->range.earliest <= (strchr(x->value, '/') ? 1100 : 400);
}

/* The date of an act whose word is at trig: the one it carries ("the 1978
 * repairs", "last year's takeover"), else the first within a dozen words
 * after it in its clause ("the report, released today", "repairs made by X
 * in 1978") that no other event word carries, else one opening the sentence ("On March 3, Obama overturned");
 * -1 when none. */
static int act_time(const xdoc *d, size_t first, size_t end, size_t trig)
{
	const char *family = cr_event_family(cr_trigger_type(d, trig));
	size_t before = trig > first && tok_possessive(d, trig - 1) ? trig - 1 : trig;
	if (before > first && d->tok_tx[before - 1] >= 0) {
		size_t i = before - 1;
		while (i > first && d->tok_tx[i - 1] == d->tok_tx[before - 1])
			i--;
		if (dates_an_event(d, first, i, trig, family))
			return d->tok_tx[i];
	}
	for (size_t i = trig + 1; i < end && i <= trig + 12 && !cr_tok_clause_break(d, i); i++) {
		if (d->tok_tx[i] < 0 || d->tok_tx[i - 1] == d->tok_tx[i])
			continue;
		/* "repairs ... caused the 1985 crash": a date another event word carries is that event's */
		size_t te = timex_end(d, i);
		if (te < end && cr_trigger_type(d, te))
			continue;
		if (dates_an_event(d, first, i, trig, family))
			return d->tok_tx[i];
	}
	size_t o = first + (tok_is(d, first, "on") || tok_is(d, first, "in"));
	return d->tok_tx[o] >= 0 && o < trig && dates_an_event(d, first, o, trig, family) ? d->tok_tx[o] : -1;
}

/* The event word that carries the date opening at token i: right after it,
 * or after one modifier ("the 1967 slayings", "a 1978 landing accident");
 * SIZE_MAX when none does. */
static size_t carrier(const xdoc *d, size_t i, size_t end)
{
	size_t te = timex_end(d, i);
	if (te < end && cr_trigger_type(d, te) && cr_incident_type(cr_trigger_type(d, te)))
		return te;
	if (te + 1 < end && d->seg.tokens[te].kind == CR_TOK_WORD && cr_is_lower((unsigned char)tok_text(d, te)[0]) &&
	    !cr_tok_stop_word(d, te) && cr_trigger_type(d, te + 1) && cr_incident_type(cr_trigger_type(d, te + 1)))
		return te + 1;
	return SIZE_MAX;
}

/* The timex dating the sentence's event near its trigger; with yearless, the
 * first day of a month with no year ("Dec. 6") that an undated report gives. */
static int sentence_time_of(const xdoc *d, size_t first, size_t end, size_t trig, bool yearless);

static int sentence_time(const xdoc *d, size_t first, size_t end, size_t trig)
{
	return sentence_time_of(d, first, end, trig, false);
}

static int sentence_time_of(const xdoc *d, size_t first, size_t end, size_t trig, bool yearless)
{
	int best = -1;
	bool attached = false;   /* best is the date the event word carries: "the 2003 earthquake" */
	const char *family = trig != SIZE_MAX && cr_trigger_type(d, trig) ? cr_event_family(cr_trigger_type(d, trig)) : "";
	for (size_t i = first; i < end; i++) {
		int t = d->tok_tx[i];
		if (t < 0 || (i > first && d->tok_tx[i - 1] == t))
			continue;
		bool carried = false;
		if (trig != SIZE_MAX) {
			size_t te = i;
			while (te < end && d->tok_tx[te] == t)
				te++;
			carried = te == trig;
			/* "required after a 1978 landing accident": another event's date */
			size_t cw = carrier(d, i, end);
			if (cw != SIZE_MAX && cw != trig)
				continue;
			/* "imposed after a major earthquake on March 5": the date of the
			 * event word right before it, of another family */
			if (i >= first + 2 && i - 2 != trig && ANY_OF(d, i - 1, "on", "in", "of") && cr_trigger_type(d, i - 2) &&
			    strcmp(cr_event_family(cr_trigger_type(d, i - 2)), family) != 0)
				continue;
			bool opens = i <= first + 1 || (i <= first + 2 && tok_is(d, first, "on"));
			/* near the event word or another word of its family ("stopped X in
			 * the sixth round to retain his titles Saturday night") */
			bool near = false;
			for (size_t k = first; k < end && !near && !opens; k++)
				if (k == trig || (k > trig && cr_trigger_type(d, k) &&
				                  strcmp(cr_event_family(cr_trigger_type(d, k)), family) == 0))
					near = date_near(d, i, te, k);
			if (!opens && !near)
				continue;
		}
		if (trig != SIZE_MAX && attributive_year(d, i, timex_end(d, i), trig))
			continue;
		const cr_timex *x = &d->tx[t];
		if (yearless) {
			if (!cr_range_known(x->range) && yearless_day(x) && !(i > first && ANY_OF(d, i - 1, "since", "until", "till", "through", "by")))
				return t;
			continue;
		}
		if (!dates_an_event(d, first, i, trig, family))
			continue;
		/* a date the event word carries ("the 2003 earthquake", "the 1972 killing")
		 * is its own, whatever else the sentence dates ("On Monday he recalled ...") */
		if (carried && !attached) {
			best = t;
			attached = true;
			continue;
		}
		if (!attached &&
		    (best < 0 || x->range.latest - x->range.earliest < d->tx[best].range.latest - d->tx[best].range.earliest))
			best = t;
	}
	return best;
}

static char *event_label(const xdoc *d, const cr_levent *e)
{
	const char *place = e->place >= 0 ? d->ents.items[e->place].name : NULL;
	if (e->target)
		return place ? cr_xstrfmt("%s on the %s in %s", e->type, e->target, place) : cr_xstrfmt("%s on the %s", e->type, e->target);
	if (place)
		return cr_xstrfmt("%s %s %s", e->type, strcmp(e->type, "siege") == 0 ? "of" : "in", place);
	return cr_xstrfmt("%s", e->type);
}

static bool time_compatible(cr_dayrange a, cr_dayrange b)
{
	return cr_event_times_fit(a, b, 0);
}

/* The lead: the first sentences, where a report gives its news. */
#define LEAD_SENTENCES 4

/* The time an event of the document allows: its own date, or, for the news
 * of a dated report (an event of its lead) left undated, the two months
 * before publication (a quake "in December 2003" recalled by a 2005 report
 * is not the report's quake). Background undated stays open. */
static cr_dayrange event_window(const xdoc *d, const cr_levent *e)
{
	if (cr_range_known(e->time) || !cr_range_known(d->pub) || !e->lead)
		return e->time;
	return (cr_dayrange){d->pub.earliest - 60, d->pub.latest + 1};
}

/* The document's event a report of (type, target, place, time) continues, or
 * a new one: the latest event of the type's family whose target, place and
 * time fit. A report naming a target continues only an event with that
 * target ("the theatre bombing" is not the strike on the maternity
 * hospital); one naming none continues the latest that fits. */
static bool doc_places_fit(const xdoc *d, int a, int b);

/* A new event of the document, undated, named at byte `at`; its index. */
static int push_event(xdoc *d, const char *type, const char *target, int place, uint32_t at)
{
	cr_levent e = {0};
	e.type = cr_xstrdup(type);
	e.target = target ? cr_xstrdup(target) : NULL;
	e.place = place;
	e.who = -1;
	e.time.earliest = e.time.latest = CR_DAY_NONE;
	e.start = e.end = at;
	e.label = event_label(d, &e);
	cr_vec_push(&d->events, e);
	return (int)d->events.len - 1;
}

static int event_for(xdoc *d, const char *type, const char *target, int place, cr_dayrange time, uint32_t at)
{
	const char *family = cr_event_family(type);
	bool region = cr_disaster_type(type);
	for (size_t i = d->events.len; i-- > 0;) {
		cr_levent *e = &d->events.items[i];
		if (strcmp(cr_event_family(e->type), family) != 0 || !cr_incident_type(e->type))
			continue;
		if (target && (!e->target || strcmp(e->target, target) != 0))
			continue;
		if (!region && !doc_places_fit(d, place, e->place))
			continue;
		if (!cr_event_times_fit(event_window(d, e), time, CR_MIN(cr_event_lasting(type), cr_event_lasting(e->type))))
			continue;
		if (e->place < 0 && place >= 0) {
			e->place = place;
			free(e->label);
			e->label = event_label(d, e);
		}
		return (int)i;
	}
	int ev = push_event(d, type, target, place, at);
	for (size_t s = 0; s < d->seg.nsentences && s < LEAD_SENTENCES; s++)
		d->events.items[ev].lead |= at < d->seg.sentences[s].end;
	return ev;
}

int cr_new_event_like(xdoc *d, int like, int place, uint32_t at)
{
	return push_event(d, d->events.items[like].type, NULL, place, at);
}

int cr_event_for_target(xdoc *d, size_t sent, const char *type, const char *target, int place, uint32_t at)
{
	(void)sent;
	return event_for(d, type, target, place, (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE}, at);
}

static bool back_reference(const xdoc *d, size_t i, size_t first)
{
	if (i == first)
		return false;
	return tok_is(d, i - 1, "that") || tok_is(d, i - 1, "this") || tok_is(d, i - 1, "the") ||
	       tok_is(d, i - 1, "those") || tok_is(d, i - 1, "these");
}

/* "was appointed minister in 2019 and dismissed in March 2022": each such
 * event word of the sentence is an event of the person the sentence is
 * about, dated by the date that follows it within a few words. */
/* Event words that are nouns ("the trial of X", "X's arrest"); the others
 * are verbs ("X was arrested", "police arrested X", "X escaped"). */
static bool event_noun(const xdoc *d, size_t i)
{
	return ANY_OF(d, i, "arrest", "arrests", "trial", "conviction", "death", "sentencing", "sentence", "escape",
	              "breakout", "jailbreak", "capture", "hearing", "plea", "arraignment", "nomination", "appointment",
	              "resignation", "dismissal", "verdict", "indictment", "release", "hiring", "election");
}

#define NOT_HAPPENED (-2)   /* personal_event_person: a hypothetical, no event at all */

/* The person a personal event happens to, or -1 (or NOT_HAPPENED):
 *   "X was arrested", "X, arrested in 2019", "X was found guilty": the person
 *   before the passive; "police arrested X", "a jury convicted X": the person
 *   right after the verb (not after "of", "with", "for": "convicted of
 *   killing Y" is the convict's, not Y's); "X escaped", "X pleaded": the
 *   subject before; "the trial of X", "X's trial": the noun's person. */
static int personal_event_person(const xdoc *d, size_t sent, size_t first, size_t end, size_t i)
{
	if (event_noun(d, i)) {
		/* "the trial of X", "the arrest of X" */
		if (i + 2 < end && tok_is(d, i + 1, "of")) {
			int e = cr_entity_after(d, i + 2, CR_MIN(end, i + 5), TYPE_BIT(CR_E_PERSON));
			if (e >= 0)
				return e;
		}
		/* "X's trial", "Nichols' arrest" (a word or two between: "X's murder trial") */
		for (size_t k = i; k-- > first && k + 4 > i;) {
			if (tok_is(d, k, "'s") || tok_is(d, k, "'")) {
				int e = k > first ? cr_mention_entity_at(d, k - 1) : -1;
				if (e >= 0 && d->ents.items[e].type == CR_E_PERSON)
					return e;
			}
			if (cr_tok_clause_break(d, k))
				break;
		}
		/* "his arrest", "her trial": the person the document is about, else the
		 * one the sentence is about ("he said the reasons for his resignation
		 * remain unclear": the reporter speaks of the minister's) */
		if (i > first && (tok_is(d, i - 1, "his") || tok_is(d, i - 1, "her")))
			return d->main_person >= 0 ? d->main_person : cr_recent_person(d, sent, i);
		return -1;
	}
	bool passive = i > first && ANY_OF(d, i - 1, "was", "were", "been", "is", "are", "be", "being", "got", ",", "and",
	                                   "who", "later", "since", "then", "also");
	bool by = i + 1 < end && tok_is(d, i + 1, "by");
	bool linked = i + 1 < end && ANY_OF(d, i + 1, "of", "with", "for", "in", "on", "to", "after", "from", "at");
	if (!passive && !by && !linked) {
		/* an object right after the verb: "arrested X", "sentenced Mr X", "fired
		 * coach X" (a title or a common noun or two before the name) */
		for (size_t k = i + 1; k < end && k < i + 4; k++) {
			int e = cr_mention_entity_at(d, k);
			if (e >= 0 && d->ents.items[e].type == CR_E_PERSON)
				return e;
			if (e >= 0)
				break;
			bool noun = d->seg.tokens[k].kind == CR_TOK_WORD && cr_is_lower((unsigned char)tok_text(d, k)[0]) &&
			            !ANY_OF(d, k, "on", "in", "at", "for", "after", "and", "to", "from", "with", "as", "by", "before",
			                    "into", "over", "under", "about", "against", "near", "outside", "inside", "of", "the");
			if (!noun && !(d->tok_bits[k] & (TB_TITLES | TB_ROLE)))
				break;
		}
	}
	/* "until he or she died", "if X is arrested": what has not happened, no event */
	for (size_t k = i; k-- > first && k + 6 > i && !cr_tok_clause_break(d, k);)
		if (ANY_OF(d, k, "until", "unless", "if", "whether", "lest"))
			return NOT_HAPPENED;
	int who = opening_subject(d, first, i);
	if (who >= 0)
		return who;
	who = cr_person_at_or_before(d, sent, i);
	if (who >= 0) {
		size_t at = i;
		while (at-- > first && cr_mention_entity_at(d, at) != who)
			;
		/* "X said his grandfather died": the one who speaks is not the one it
		 * befalls; the one person the report has it befall already, if any */
		size_t rn;
		for (size_t k = at + 1; k < i; k++)
			if (cr_tok_report_verb(d, k, i, &rn)) {
				const char *type = cr_trigger_type(d, i), *fam = type ? cr_event_family(type) : NULL;
				int known = -1;
				for (size_t e = 0; fam && e < d->events.len; e++) {
					const cr_levent *ev = &d->events.items[e];
					if (ev->who < 0 || strcmp(cr_event_family(ev->type), fam) != 0)
						continue;
					if (known >= 0 && known != ev->who)
						return -1;
					known = ev->who;
				}
				return known;
			}
		/* "Fred LaRue, Nixon administration aide, dies", "Felt, the official who
		 * helped bring down President Nixon, has died": the name the apposition
		 * or the relative clause set off by commas right before the verb describes */
		size_t a = at, b = at;
		while (a > first && !tok_is(d, a - 1, ",") && at - a < 40)
			a--;
		while (b < i && !tok_is(d, b, ","))
			b++;
		bool described = (a < at && (cr_is_lower((unsigned char)tok_text(d, a)[0]) || ANY_OF(d, a, "the", "a", "an"))) ||
		                 (cr_title_case_sentence(d, sent) && a > first + 1 && /* "Fred LaRue, Watergate Figure, Dies" */
		                  cr_mention_entity_at(d, first) == cr_mention_entity_at(d, a - 2));
		if (a > first + 1 && tok_is(d, a - 1, ",") && b < i && b + 3 >= i && b > at &&
		    (described || (b > at + 1 && cr_is_lower((unsigned char)tok_text(d, b - 1)[0])))) {
			int head = cr_mention_entity_at(d, a - 2);
			if (ent_person(d, head))
				return head;
		}
		return who;
	}
	/* "He was arrested": the person the pronoun stands for */
	for (size_t k = i; k-- > first && k + 4 > i;)
		if (tok_is(d, k, "he") || tok_is(d, k, "she"))
			return cr_resolve_pronoun(d, sent, k);
	return -1;
}

/* A word that says someone was killed ("killed", "murdered", "slain", "shot
 * dead", "the killing of", "the fatal shooting of"). */
static bool killing_word(const xdoc *d, size_t i)
{
	if (ANY_OF(d, i, "killed", "murdered", "slain", "assassinated", "killing", "murder", "slaying", "assassination"))
		return true;
	/* "the fatal shooting of X" */
	if (ANY_OF(d, i, "shooting", "stabbing", "beating") && i > 0 && tok_is(d, i - 1, "fatal"))
		return true;
	/* "was found dead" */
	if (tok_is(d, i, "dead") && i > 0 && tok_is(d, i - 1, "found"))
		return true;
	/* "shot dead", "fatally shot", "shot and killed" */
	return tok_is(d, i, "shot") && ((i + 1 < d->seg.ntokens && ANY_OF(d, i + 1, "dead", "and")) ||
	                                (i > 0 && ANY_OF(d, i - 1, "fatally")));
}

/* The named person a killing word says was killed, or -1: the subject right
 * before a passive ("Zurana Horton, 34, was killed", "Kimani Gray was shot
 * dead"), the object right after an active verb ("killed Anna Reyes"), the
 * noun's ("the killing of X", "X's murder"). Stricter than a personal event's
 * person: "ten were killed, Governor X said" is no death of the governor. */
static int killed_person(const xdoc *d, size_t first, size_t end, size_t i)
{
	if (ANY_OF(d, i, "killing", "murder", "slaying", "assassination", "shooting", "stabbing", "beating")) {
		if (i + 2 < end && tok_is(d, i + 1, "of"))
			return cr_entity_after(d, i + 2, CR_MIN(end, i + 5), TYPE_BIT(CR_E_PERSON));
		if (i >= first + 2 && (tok_is(d, i - 1, "'s") || tok_is(d, i - 1, "'"))) {
			int e = cr_mention_entity_at(d, i - 2);
			return e >= 0 && d->ents.items[e].type == CR_E_PERSON ? e : -1;
		}
		return -1;
	}
	size_t k = i;
	while (k > first && ANY_OF(d, k - 1, "fatally", "was", "were", "been", "had", "has", "being", "allegedly",
	                           "reportedly", "brutally", "found"))
		k--;
	bool passive = k < i && ANY_OF(d, k, "was", "were", "been", "being");
	if (passive) {
		/* back over appositions: "Horton, 34,", "Gray, a 16-year-old,",
		 * "Ortiz, 35, with the Gang Enforcement Unit," */
		size_t j = k;   /* the subject ends before j */
		int e = j > first ? cr_mention_entity_at(d, j - 1) : -1;
		if (e < 0 && j > first && tok_is(d, j - 1, ",")) {
			/* c: the comma closing an apposition; its opening comma closes the
			 * one before; the first person met before one is the subject */
			size_t c = j - 1;
			for (int hops = 0; hops < 3 && e < 0; hops++) {
				size_t q = c;
				while (q > first && q + 8 > c && !tok_is(d, q - 1, ","))
					q--;
				if (!(q > first && tok_is(d, q - 1, ",")))
					break;
				c = q - 1;
				e = c > first ? cr_mention_entity_at(d, c - 1) : -1;
			}
		}
		return e >= 0 && d->ents.items[e].type == CR_E_PERSON ? e : -1;
	}
	/* an object: "killed Anna Reyes", "shot and killed Kimani Gray" */
	for (size_t q = i + 1; q < end && q < i + 3; q++) {
		int e = cr_mention_entity_at(d, q);
		if (e >= 0)
			return d->ents.items[e].type == CR_E_PERSON ? e : -1;
		if (!ANY_OF(d, q, "the", "a", "16-year-old", "teenager", "officer", "deputy"))
			break;
	}
	return -1;
}

/* The personal event of type for person who that token i of sentence sent
 * reports, dated by the first date after the event word in its clause (or
 * just before it); one event per person and family unless dates tell two
 * apart ("appointed lieutenant general in 2014" and "deputy minister in
 * September"). */
static int personal_event_at(xdoc *d, size_t sent, size_t i, const char *type, int who)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	/* "convicted of murder in 2005": a date past the crime a conviction, a
	 * charge or a sentence is for is the crime's, not theirs */
	const char *fam = cr_event_family(type);
	bool judicial = strcmp(fam, "conviction") == 0 || strcmp(fam, "charge") == 0 || strcmp(fam, "sentencing") == 0 ||
	                strcmp(fam, "plea") == 0 || strcmp(fam, "trial") == 0 || strcmp(fam, "arrest") == 0;
	int t = -1;
	for (size_t k = i + 1; k < end && k < i + 14; k++) {
		/* "resigned as chairman and chief executive in January": an "and"
		 * between two posts joins no clause */
		bool posts = tok_is(d, k, "and") && k + 1 < end && cr_role_class(d, k - 1) != ROLE_NONE &&
		             cr_role_class(d, k + 1) != ROLE_NONE;
		if (cr_tok_clause_break(d, k) || (tok_is(d, k, "and") && !posts) || (k > i + 1 && cr_trigger_type(d, k)))
			break;
		if (judicial && ANY_OF(d, k, "of", "for", "with"))
			break;
		int x = d->tok_tx[k];
		if (x >= 0 && dating_expression(&d->tx[x]) && cr_range_known(d->tx[x].range) && !attributive_year(d, k, timex_end(d, k), i)) {
			t = x;
			break;
		}
	}
	/* or just before it, in its clause: "Only in September was X appointed",
	 * "a judge today found the former employee guilty" */
	for (size_t k = i; t < 0 && k-- > first && k + 10 > i;) {
		if (cr_tok_clause_break(d, k) || (k + 1 < i && cr_trigger_type(d, k)))
			break;
		int x = d->tok_tx[k];
		if (x >= 0 && dating_expression(&d->tx[x]) && cr_range_known(d->tx[x].range) &&
		    (k == first || d->tok_tx[k - 1] != x) && !in_relative_clause(d, k, timex_end(d, k), i) &&
		    !attributive_year(d, k, timex_end(d, k), i))
			t = x;
	}
	int ev = -1;
	for (size_t k = 0; k < d->events.len; k++) {
		const cr_levent *e = &d->events.items[k];
		if (e->who != who || strcmp(cr_event_family(e->type), cr_event_family(type)) != 0)
			continue;
		if (t >= 0 && cr_range_known(e->time) &&
		    (d->tx[t].range.latest < e->time.earliest || e->time.latest < d->tx[t].range.earliest))
			continue;
		ev = (int)k;
	}
	if (ev < 0) {
		cr_levent e = {0};
		e.type = cr_xstrdup(type);
		e.place = -1;
		e.who = who;
		e.time.earliest = e.time.latest = CR_DAY_NONE;
		e.start = e.end = d->seg.tokens[i].start;
		e.label = cr_xstrfmt("%s of %s", type, d->ents.items[who].name);
		cr_vec_push(&d->events, e);
		ev = (int)d->events.len - 1;
	}
	/* "was found guilty", "found dead": the verb reports it */
	cr_event_mention(d, ev, i > first && ANY_OF(d, i, "guilty", "dead") && tok_is(d, i - 1, "found") ? i - 1 : i);
	if (t < 0)
		return ev;
	cr_levent *e = &d->events.items[ev];
	if (!cr_range_known(e->time) ||
	    d->tx[t].range.latest - d->tx[t].range.earliest < e->time.latest - e->time.earliest) {
		e->time = d->tx[t].range;
		cr_claim *c = cr_new_claim(d, sent, i, "occurred_on", CR_SUBJ_EVENT, ev);
		c->value_time = d->tx[t].range;
		c->time_value = cr_xstrdup(d->tx[t].value);
		cr_claim_set_text(c, d->text + d->tx[t].start, d->tx[t].end - d->tx[t].start);
		c->modality = cr_clause_modality(d, sent, i, false);
	}
	return ev;
}

/*
 * Who did it, for what happens to a person: the subject of an active verb
 * ("Stefanski fired Cheeks", "Korkoneas killed Grigoropoulos": the nearest
 * person or organisation named before the verb in its clause) or the agent
 * of a passive ("was arrested by the Highway Patrol"); -1 when none is named.
 */
static int event_agent(const xdoc *d, size_t first, size_t end, size_t i, int who)
{
	bool passive = i > first && ANY_OF(d, i - 1, "was", "were", "been", "being", "is", "are", "be", "got");
	if (passive || event_noun(d, i)) {
		for (size_t k = i + 1; k + 1 < end && k < i + 4; k++)
			if (tok_is(d, k, "by")) {
				int e = cr_entity_after(d, k + 1, CR_MIN(end, k + 5), TYPE_BIT(CR_E_PERSON) | TYPE_BIT(CR_E_ORG));
				return e != who ? e : -1;
			}
		return -1;
	}
	for (size_t k = i; k-- > first && k + 10 > i;) {
		if (cr_tok_clause_break(d, k) || tok_is(d, k, "who") || tok_is(d, k, "whose") || tok_is(d, k, "whom") ||
		    tok_is(d, k, "which") || tok_is(d, k, "that") || tok_is(d, k, "said"))
			break;
		int e = cr_mention_entity_at(d, k);
		if (e < 0 || e == who)
			continue;
		uint8_t t = d->ents.items[e].type;
		if (t != CR_E_PERSON && t != CR_E_ORG)
			return -1;
		/* "Putin's decision to fire X": a possessive modifies, it is no subject */
		if (k + 1 < end && (tok_is(d, k + 1, "'s") || tok_is(d, k + 1, "'")))
			return -1;
		return e;
	}
	return -1;
}

/* The place a personal event's clause names after its word, in a locative
 * phrase ("in Biloxi", "at a motel in Biloxi", "near Houston"), or -1. */
static void place_claim(xdoc *d, size_t sent, size_t tok, uint8_t kind, int subject, int e, size_t first, size_t end);

static int personal_place(const xdoc *d, size_t first, size_t end, size_t i)
{
	(void)first;
	for (size_t k = i + 1; k < end && k < i + 12; k++) {
		if (cr_tok_clause_break(d, k) || (k > i + 1 && cr_trigger_type(d, k)))
			break;
		int e = cr_mention_entity_at(d, k);
		if (e < 0 || d->ents.items[e].type != CR_E_PLACE)
			continue;
		/* the preposition before the place, past "the", "northeast", "downtown" */
		size_t q = k;
		while (q > i + 1 && q + 3 > k && cr_is_lower((unsigned char)tok_text(d, q - 1)[0]) &&
		       !ANY_OF(d, q - 1, "in", "at", "near", "outside", "inside"))
			q--;
		return q > i && ANY_OF(d, q - 1, "in", "at", "near", "outside", "inside") ? e : -1;
	}
	return -1;
}

/* responsible_for: the agent carried out what happened to the person. */
static void agent_claim(xdoc *d, size_t sent, size_t i, int agent, int ev)
{
	cr_claim *c = cr_new_claim(d, sent, i, "responsible_for", CR_SUBJ_ENTITY, agent);
	c->value_event = ev;
	if (ev >= 0)
		cr_claim_set_text(c, d->events.items[ev].label, strlen(d->events.items[ev].label));
	c->modality = cr_clause_modality(d, sent, i, false);
}

static void personal_events(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		const char *type = cr_trigger_type(d, i);
		int who;
		if (d->tok_quoted[i])
			continue;
		if (killing_word(d, i) && (who = killed_person(d, first, end, i)) >= 0) {
			type = "death";   /* "X was killed": X's death, beside the incident it was part of */
		} else {
			if (!type || cr_event_class_of(type) != CR_EVENT_PERSONAL)
				continue;   /* an incident's, or an act's (act_events) */
			who = personal_event_person(d, sent, first, end, i);
		}
		if (who >= 0) {
			int ev = personal_event_at(d, sent, i, type, who);
			/* "died at his home in Santa Rosa", "was captured in northeast Houston" */
			int where = personal_place(d, first, end, i);
			if (where >= 0)
				place_claim(d, sent, i, CR_SUBJ_EVENT, ev, where, i + 1, end);
			/* who did it: not for what befalls one by itself (a death, an escape, a plea) */
			const char *fam = cr_event_family(type);
			/* "was found dead" has a finder, not a killer */
			bool done_to = strcmp(fam, "death") != 0 || (killing_word(d, i) && !tok_is(d, i, "dead"));
			done_to &= strcmp(fam, "escape") != 0 && strcmp(fam, "plea") != 0 && strcmp(fam, "admission") != 0 &&
			           strcmp(fam, "departure") != 0 && strcmp(fam, "hearing") != 0 && strcmp(fam, "trial") != 0;
			if (strcmp(type, "dismissal") == 0)
				done_to = true;   /* fired, not resigned */
			int agent = done_to ? event_agent(d, first, end, i, who) : -1;
			if (agent >= 0)
				agent_claim(d, sent, i, agent, ev);
		} else if (who != NOT_HAPPENED && d->pending.len < 64) {
			/* "a gang member was convicted Tuesday": whose, once the whole report is read */
			pending_event p = {sent, i, type};
			cr_vec_push(&d->pending, p);
		}
	}
}

/*
 * Personal events whose sentence names no one ("a former employee was found
 * guilty today", "a convicted sex offender was captured Monday") are the
 * person's the report has the same kind of event of, when it has one such
 * person; else the report's main person, unless the report has him or her
 * die (a victim is not the one convicted).
 */
void cr_pending_personal_events(xdoc *d)
{
	for (size_t k = 0; k < d->pending.len; k++) {
		const pending_event *p = &d->pending.items[k];
		int who = -1;
		bool several = false;
		for (size_t e = 0; e < d->events.len; e++) {
			const cr_levent *ev = &d->events.items[e];
			if (ev->who < 0 || strcmp(cr_event_family(ev->type), cr_event_family(p->type)) != 0)
				continue;
			several |= who >= 0 && who != ev->who;
			who = ev->who;
		}
		if (several)
			continue;
		/* "the death occurred July 24": the one death the report tells of; a
		 * death no one in it dies is left alone */
		if (who < 0 && strcmp(p->type, "death") == 0)
			continue;
		if (who < 0 && d->main_person >= 0) {
			bool victim = false;
			for (size_t e = 0; e < d->events.len; e++)
				victim |= d->events.items[e].who == d->main_person && strcmp(d->events.items[e].type, "death") == 0;
			who = victim ? -1 : d->main_person;
		}
		if (who >= 0) {
			int ev = personal_event_at(d, p->sent, p->tok, p->type, who);
			/* "X said his grandfather died at his home in Santa Rosa": where, too */
			const cr_sentence *se = &d->seg.sentences[p->sent];
			int where = personal_place(d, se->first_token, se->first_token + se->ntokens, p->tok);
			if (where >= 0)
				place_claim(d, p->sent, p->tok, CR_SUBJ_EVENT, ev, where, p->tok + 1, se->first_token + se->ntokens);
		}
	}
	cr_vec_free(&d->pending);
}

/* Is the target phrase at [i, i + n) what an event hit? It must be linked to
 * it: after a preposition or a verb of hitting ("on the theatre", "hit a
 * hospital", "the bombing of the school"), or before the event word ("the
 * theatre bombing"). A school merely named in the sentence is no target. */
static bool target_linked(const xdoc *d, size_t first, size_t end, size_t i, size_t n)
{
	size_t k = i;
	while (k > first && k + 3 > i && ANY_OF(d, k - 1, "the", "a", "an", "its", "their", "his", "her", "local", "city's",
	                                         "main", "regional", "drama", "crowded"))
		k--;
	if (k > first && ANY_OF(d, k - 1, "on", "at", "of", "into", "near", "outside", "inside", "against", "hit", "hitting",
	                        "struck", "targeted", "targeting", "destroyed", "shelled", "bombed", "attacked", "damaged",
	                        "raided", "stormed", "through", "devastated", "levelled", "leveled", "flattened", "razed",
	                        "gutted", "engulfed", "ravaged", "torched", "burned", "burnt"))
		return true;
	return i + n < end && cr_trigger_type(d, i + n) != NULL;
}

/* The first token of place e's mention in [first, end), or SIZE_MAX. */
static size_t place_token(const xdoc *d, int e, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++)
		if (cr_mention_entity_at(d, i) == e)
			return i;
	return SIZE_MAX;
}

/* A located_in claim: subject (an event or an entity) is in place e, the
 * value's words those of e's mention in the sentence. */
static void place_claim(xdoc *d, size_t sent, size_t tok, uint8_t kind, int subject, int e, size_t first, size_t end)
{
	size_t a = place_token(d, e, first, end), b = a;
	if (a == SIZE_MAX)
		return;
	while (b + 1 < end && cr_mention_entity_at(d, b + 1) == e)
		b++;
	cr_claim *c = cr_new_claim(d, sent, tok, "located_in", kind, subject);
	c->value_entity = e;
	cr_claim_set_text(c, tok_text(d, a), d->seg.tokens[b].end - d->seg.tokens[a].start);
	c->modality = cr_claim_clause_modality(d, c, sent, tok);   /* "X of Y in Z said": who speaks, not what */
}

/* Where the place that holds a place or a site named right before token k
 * starts, or SIZE_MAX: "Banstead, Surrey", "Banstead in Surrey", "Alexandria
 * in northern Egypt", "Abu Talat (Egypt)", and an apposition of a common noun
 * that says where it is ("Hillcrest House, a treatment centre in Dover"). */
static size_t place_holder_at(const xdoc *d, size_t k, size_t end)
{
	if (k + 1 >= end)
		return SIZE_MAX;
	if (tok_punct(d, k, '(')) {
		int b = cr_mention_entity_at(d, k + 1);
		size_t q = k + 1;
		while (b >= 0 && q < end && cr_mention_entity_at(d, q) == b)
			q++;
		return b >= 0 && q < end && tok_punct(d, q, ')') ? k + 1 : SIZE_MAX;
	}
	if (tok_is(d, k, "in")) {
		size_t q = k + 1;
		if (q + 1 < end && cr_compass_word(d, q) && cr_mention_entity_at(d, q) < 0)
			q++;
		return q;
	}
	if (!tok_is(d, k, ","))
		return SIZE_MAX;
	/* "Ashgabat, Turkmenistan's capital": the place whose capital or city it is */
	int own = cr_mention_entity_at(d, k + 1);
	if (own >= 0) {
		size_t q = k + 1;
		while (q < end && cr_mention_entity_at(d, q) == own)
			q++;
		if (q + 1 < end && tok_possessive(d, q) && ANY_OF(d, q + 1, "capital", "city", "port", "largest", "second", "third"))
			return k + 1;
	}
	if (k + 3 < end && ANY_OF(d, k + 1, "a", "an", "the")) {
		/* the apposition: a few common nouns and modifiers, then "in" */
		for (size_t q = k + 2; q < end && q < k + 7; q++) {
			if (tok_is(d, q, "in"))
				return q > k + 2 ? place_holder_at(d, q, end) : SIZE_MAX;
			/* "Ashgabat, the capital of Turkmenistan" */
			if (tok_is(d, q, "of") && q > k + 2 && q + 1 < end && ANY_OF(d, q - 1, "capital", "city", "port") &&
			    cr_mention_entity_at(d, q + 1) >= 0)
				return q + 1;
			if (d->seg.tokens[q].kind != CR_TOK_WORD || !cr_is_lower((unsigned char)tok_text(d, q)[0]) ||
			    cr_mention_entity_at(d, q) >= 0)
				return SIZE_MAX;
		}
		return SIZE_MAX;
	}
	return k + 1;
}

/* "Banstead, Surrey", "Springfield, Mo.", "Wellington in Somerset", "the
 * Carlton hotel in Cannes": a town and the region or country it lies in, a
 * building, an organisation's site or a quarter the gazetteer does not know
 * and the city it is in, as the sentence says. */
/* "Boeing, based in Seattle,", "Noranda, headquartered in Toronto", "Valdor
 * is based in London", "Boeing's headquarters in Seattle": the organisation
 * is located in the place named after "in". */
static void seated_orgs(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i + 3 < end; i++) {
		int org = cr_mention_entity_at(d, i);
		if (org < 0 || d->ents.items[org].type != CR_E_ORG || cr_mention_entity_at(d, i + 1) == org)
			continue;
		size_t k = i + 1;
		bool poss = tok_possessive(d, k);
		if (tok_punct(d, k, ',') || poss || ANY_OF(d, k, "is", "was", "are", "were"))
			k++;
		/* "Kessler Mills headquarters in Dover" is places_within's (a name, its noun, "in") */
		if (k + 2 >= end || !(ANY_OF(d, k, "based", "headquartered") || (poss && tok_is(d, k, "headquarters"))) ||
		    !tok_is(d, k + 1, "in"))
			continue;
		int place = cr_mention_entity_at(d, k + 2);
		if (place < 0 || d->ents.items[place].type != CR_E_PLACE)
			continue;
		size_t b = k + 2;
		while (b + 1 < end && cr_mention_entity_at(d, b + 1) == place)
			b++;
		cr_claim *c = cr_new_claim(d, sent, i, "located_in", CR_SUBJ_ENTITY, org);
		c->value_entity = place;
		cr_claim_set_text(c, tok_text(d, k + 2), d->seg.tokens[b].end - d->seg.tokens[k + 2].start);
		c->modality = cr_claim_clause_modality(d, c, sent, i);
		i = b;
	}
}

/* "the Seattle-based Boeing Co": the organisation named after the token is
 * located in the place the token opens with, when the gazetteer or the
 * document knows it as a place. */
static void based_orgs(xdoc *d, size_t sent, size_t first, size_t end)
{
	seated_orgs(d, sent, first, end);
	for (size_t i = first; i + 1 < end; i++) {
		size_t n = cr_based_token(d, i);
		int org = n ? cr_mention_entity_at(d, i + 1) : -1;
		if (org < 0 || d->ents.items[org].type != CR_E_ORG)
			continue;
		char *name = cr_xstrndup(tok_text(d, i), n);
		int place = -1;
		for (size_t e = 0; e < d->ents.len && place < 0; e++)
			if (d->ents.items[e].type == CR_E_PLACE && d->ents.items[e].name && strcmp(d->ents.items[e].name, name) == 0)
				place = (int)e;
		if (place < 0 && cr_is_place_name(name))
			place = cr_entity_for_text(d, CR_E_PLACE, tok_text(d, i), n, d->seg.tokens[i].start);
		free(name);
		if (place < 0)
			continue;
		cr_claim *c = cr_new_claim(d, sent, i, "located_in", CR_SUBJ_ENTITY, org);
		c->value_entity = place;
		cr_claim_set_text(c, tok_text(d, i), n);
		c->modality = cr_claim_clause_modality(d, c, sent, i);
	}
}

static void places_within(xdoc *d, size_t sent, size_t first, size_t end)
{
	based_orgs(d, sent, first, end);
	for (size_t i = first; i + 2 < end; i++) {
		int a = cr_mention_entity_at(d, i);
		if (a < 0 || (d->ents.items[a].type != CR_E_PLACE && d->ents.items[a].type != CR_E_ORG) ||
		    cr_mention_entity_at(d, i + 1) == a)
			continue;
		size_t k = i + 1;
		/* "the Carlton hotel in Cannes": a common noun of the name before "in"
		 * makes it a building's, whatever town the gazetteer knows by it */
		bool building = false;
		if (k + 2 < end && tok_is(d, k + 1, "in") && d->seg.tokens[k].kind == CR_TOK_WORD &&
		    cr_is_lower((unsigned char)tok_text(d, k)[0]) && !cr_tok_clause_break(d, k)) {
			k++;
			building = true;
		}
		size_t bt = place_holder_at(d, k, end);
		if (bt == SIZE_MAX)
			continue;
		int b = cr_mention_entity_at(d, bt);
		if (b < 0 || b == a)
			continue;
		char ca[3], cb[3];
		const char *na = d->ents.items[a].name, *nb = d->ents.items[b].name;
		cr_place_kind ka = building ? CR_PLACE_UNKNOWN : cr_gazetteer_place(na, strlen(na), ca);
		cr_place_kind kb = cr_gazetteer_place(nb, strlen(nb), cb);
		/* "in Malibu, California": a town the gazetteer does not know, placed
		 * by the region or country after it, is a town */
		if (kb == CR_PLACE_UNKNOWN && d->ents.items[b].type == CR_E_PLACE) {
			size_t q = bt;
			while (q < end && cr_mention_entity_at(d, q) == b)
				q++;
			int c = q + 1 < end && tok_is(d, q, ",") ? cr_mention_entity_at(d, q + 1) : -1;
			char cc[3];
			cr_place_kind kc = c >= 0 && c != b ? cr_gazetteer_place(d->ents.items[c].name, strlen(d->ents.items[c].name), cc)
			                                    : CR_PLACE_UNKNOWN;
			/* "Promises Treatment Center in Malibu": an organisation's site, right
			 * before "in", in what the tagger read as a place */
			if (kc == CR_PLACE_SUBDIVISION || kc == CR_PLACE_COUNTRY ||
			    (d->ents.items[a].type == CR_E_ORG && !building && tok_is(d, i + 1, "in")))
				kb = CR_PLACE_CITY;
		}
		/* the holder a place, or a name the gazetteer knows as one ("Surrey" read as an organisation) */
		if (d->ents.items[b].type != CR_E_PLACE && (kb == CR_PLACE_UNKNOWN || kb == CR_PLACE_DEMONYM))
			continue;
		/* the second a city, region or country that can hold the first */
		bool holds = ka == CR_PLACE_UNKNOWN ? kb != CR_PLACE_UNKNOWN && kb != CR_PLACE_DEMONYM
		           : ka == CR_PLACE_CITY     ? kb == CR_PLACE_SUBDIVISION || kb == CR_PLACE_COUNTRY
		           : ka == CR_PLACE_SUBDIVISION ? kb == CR_PLACE_COUNTRY
		                                        : false;
		/* "Birmingham, Ala.": a name the gazetteer knows as a region of another
		 * country, set in a region, is a town of that region's */
		if (!holds && ka == CR_PLACE_SUBDIVISION && kb == CR_PLACE_SUBDIVISION && ca[0] && cb[0] && memcmp(ca, cb, 2) != 0)
			holds = true;
		if (!holds)
			continue;
		/* "in" after a place is where it is only right after the name ("Banstead in Surrey") */
		place_claim(d, sent, i, CR_SUBJ_ENTITY, a, b, bt, end);
	}
}

/* "another robbery", "a second attack", "a separate shooting", "an earlier
 * quake": the event word names one more event of its kind, not the last. */
static bool another(const xdoc *d, size_t first, size_t trig)
{
	for (size_t k = trig; k-- > first && k + 4 > trig;) {
		if (ANY_OF(d, k, "another", "second", "third", "separate", "similar", "earlier", "previous", "prior",
		           "different", "unrelated"))
			return true;
		if (!(cr_is_lower((unsigned char)tok_text(d, k)[0]) && d->seg.tokens[k].kind == CR_TOK_WORD))
			break;
		if (ANY_OF(d, k, "the", "this", "that"))
			break;
	}
	return false;
}

/* Dates event ev by the time expression t of sentence sent (its word at
 * token tok, or none: SIZE_MAX) when it fits and narrows what the event had:
 * its time and an occurred_on claim. With no t, an undated report's day with
 * no year ("Dec. 6") is kept for the resolver (yearless: the sentence names
 * the event's type). */
/* Is time expression t a span from a day on ("since January 2")? */
static bool since_span(const xdoc *d, int t)
{
	size_t ts = d->tx[t].start;
	return (ts + 6 <= d->len && cr_ieq(d->text + ts, "since ", 6)) || (ts >= 6 && cr_ieq(d->text + ts - 6, "since ", 6));
}

/* The days time expression t gives an event: "since January 2, when ...":
 * the day the span starts, else its range. */
static cr_dayrange event_range(const xdoc *d, int t)
{
	cr_dayrange r = d->tx[t].range;
	if (since_span(d, t))
		r.latest = r.earliest;
	return r;
}

static void date_event(xdoc *d, int ev, size_t sent, size_t tok, int t, bool yearless)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens, at = tok < end ? tok : first;
	cr_levent *e = &d->events.items[ev];
	if (t < 0 && yearless && !cr_range_known(d->pub) && !e->month_day && !cr_range_known(e->time)) {
		int y = sentence_time_of(d, first, end, tok, true);
		if (y >= 0)
			e->month_day = (uint16_t)yearless_day(&d->tx[y]);
	}
	if (t < 0)
		return;
	bool since = since_span(d, t);
	cr_dayrange r = event_range(d, t);
	if (!cr_event_times_fit(e->time, r, cr_event_lasting(e->type)))
		return;
	/* an event of days is dated by its first ("broke out last night" before
	 * "trapped today"); else the narrowest date that fits */
	if (cr_range_known(e->time) && time_compatible(e->time, r) && r.latest - r.earliest >= e->time.latest - e->time.earliest)
		return;
	if (cr_range_known(e->time) && !time_compatible(e->time, r) && r.earliest > e->time.earliest)
		return;
	e->time = r;
	cr_claim *c = cr_new_claim(d, sent, at, "occurred_on", CR_SUBJ_EVENT, ev);
	c->value_time = r;
	char day[11];
	if (since)
		cr_day_format(r.earliest, day);
	c->time_value = cr_xstrdup(since ? day : d->tx[t].value);
	cr_claim_set_text(c, d->text + d->tx[t].start, d->tx[t].end - d->tx[t].start);
	/* an act's date is a fact ("blamed" elsewhere in its clause accuses, not
	 * dates), uncertain when it is still to come */
	c->modality = cr_event_class_of(e->type) == CR_EVENT_ACT ? cr_fact_modality(d, sent, at) : cr_clause_modality(d, sent, at, false);
	if (cr_event_class_of(e->type) == CR_EVENT_ACT && cr_range_known(d->pub) && r.earliest > d->pub.latest)
		c->modality = CR_MODAL_UNCERTAIN;
}

/* An incident a figure or an accusation stands for (figures.c: a toll told
 * before any event word; accuse.c: the act a person is accused of) dated by
 * its sentence, near the word at tok: "Two women were killed in 1967", "X is
 * accused of murdering two women in 1967". */
void cr_date_event_near(xdoc *d, int ev, size_t sent, size_t tok)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	date_event(d, ev, sent, tok, sentence_time(d, se->first_token, se->first_token + se->ntokens, tok), false);
}

/* The document's event of the type at a time fitting `time`, or a new one
 * named at byte at: an undated event of the type is not taken to be it. */
static int dated_event_for(xdoc *d, const char *type, cr_dayrange time, uint32_t at)
{
	for (size_t k = d->events.len; k-- > 0;)
		if (strcmp(d->events.items[k].type, type) == 0 && cr_range_known(d->events.items[k].time) &&
		    time_compatible(d->events.items[k].time, time))
			return (int)k;
	return push_event(d, type, NULL, -1, at);
}

/* Acts (event-types.tsv class "act": a report released, a takeover, a
 * repair, a filing, a meeting): each act word the sentence dates near it
 * (act_time) is an event of its type, one per type and date in a
 * document; an undated one is none. Acts take no figures and no place. */
static void act_events(xdoc *d, size_t sent, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		const char *t = cr_trigger_type(d, i);
		if (!t || d->tok_quoted[i] || cr_event_class_of(t) != CR_EVENT_ACT)
			continue;
		int when = act_time(d, first, end, i);
		/* who did it: the one it came from ("an offer from Harcourt", "a bid
		 * from investor Theodore Cross"), else the subject of the act's verb, the word itself ("the
		 * Angels withdrew") or the verb before it ("Microsoft issued a patch"),
		 * but not of one that receives it */
		size_t v = tok_ends(d, i, "ed") || ANY_OF(d, i, "met", "withdrew") ? i : act_verb(d, i);
		int agent = i + 2 < end && tok_is(d, i + 1, "from")
		            ? cr_entity_after(d, i + 2, CR_MIN(end, i + 5), TYPE_BIT(CR_E_PERSON) | TYPE_BIT(CR_E_ORG))
		            : v <= i && !ANY_OF(d, v, "received", "rejected", "accepted") ? event_agent(d, first, end, v, -1) : -1;
		int ev;
		if (when >= 0) {
			ev = dated_event_for(d, t, d->tx[when].range, d->seg.tokens[i].start);
			date_event(d, ev, sent, i, when, false);
		} else if (sent < 2 && v != SIZE_MAX && agent >= 0) {
			/* the headline's or the lead's act, done by someone ("Microsoft
			 * releases emergency patch"), is the report's story though undated */
			ev = -1;
			for (size_t k = 0; k < d->events.len && ev < 0; k++)
				if (strcmp(d->events.items[k].type, t) == 0)
					ev = (int)k;
			if (ev < 0)
				ev = push_event(d, t, NULL, -1, d->seg.tokens[i].start);
		} else {
			continue;
		}
		cr_event_mention(d, ev, i);
		/* "Microsoft released a patch": the verb reports the act too */
		if (v != i && v < end && !d->tok_quoted[v])
			cr_event_mention(d, ev, v);
		if (agent >= 0)
			agent_claim(d, sent, v, agent, ev);
	}
}

/* "January 2, when Chadian troops overran ...": the incident word of the
 * "when" clause right after the date opening at token i; SIZE_MAX when none. */
static size_t when_clause(const xdoc *d, size_t i, size_t end)
{
	size_t te = timex_end(d, i);
	if (te + 2 >= end || !tok_punct(d, te, ',') || !tok_is(d, te + 1, "when"))
		return SIZE_MAX;
	for (size_t k = te + 2; k < end && k < te + 12 && !cr_tok_clause_break(d, k) && !tok_punct(d, k, ','); k++)
		if (cr_trigger_type(d, k) && cr_incident_type(cr_trigger_type(d, k)))
			return k;
	return SIZE_MAX;
}

/* The date whose "when" clause holds the event word at trig ("the highest
 * toll since January 2, when Chadian troops overran a garrison"): it dates
 * that word's event, though a bare "since January 2" would date none; -1
 * when there is none. */
static int when_dated(const xdoc *d, size_t first, size_t end, size_t trig)
{
	for (size_t i = first; trig != SIZE_MAX && i < trig; i++) {
		if (d->tok_tx[i] < 0 || (i > first && d->tok_tx[i - 1] == d->tok_tx[i]) || when_clause(d, i, end) != trig)
			continue;
		const cr_timex *x = &d->tx[d->tok_tx[i]];
		if (dating_expression(x) && cr_range_known(x->range) && x->range.latest - x->range.earliest <= 400)
			return d->tok_tx[i];
	}
	return -1;
}

/* Earlier events a sentence recalls in passing, each dated by its own
 * words ("the repairs were required after a 1978 landing accident", "the
 * 1967 slayings of two women", "since January 2, when troops overran"): an
 * incident word other than the sentence's own (at trig) that carries a date,
 * or opens the "when" clause after one, is an event of that date, joining the
 * document's event of its kind at that date or starting one; the
 * sentence's figures stay with its own event. */
static void background_events(xdoc *d, size_t sent, size_t first, size_t end, size_t trig)
{
	for (size_t i = first; i < end; i++) {
		if (d->tok_tx[i] < 0 || (i > first && d->tok_tx[i - 1] == d->tok_tx[i]))
			continue;
		size_t wh = when_clause(d, i, end);
		if (wh != SIZE_MAX && wh != trig) {
			/* "since January 2, when Chadian troops overran a garrison": the
			 * sentence's own event, or another */
			const cr_timex *x = &d->tx[d->tok_tx[i]];
			if (dating_expression(x) && cr_range_known(x->range) && x->range.latest - x->range.earliest <= 400) {
				int ev = dated_event_for(d, cr_trigger_type(d, wh), x->range, d->seg.tokens[wh].start);
				cr_event_mention(d, ev, wh);
				date_event(d, ev, sent, wh, d->tok_tx[i], false);
			}
			continue;
		}
		size_t w = carrier(d, i, end);
		if (w == SIZE_MAX || w == trig || d->tok_quoted[w])
			continue;
		const char *t = cr_trigger_type(d, w);
		if (!dates_an_event(d, first, i, w, cr_event_family(t)))
			continue;
		int ev = event_for(d, t, NULL, -1, d->tx[d->tok_tx[i]].range, d->seg.tokens[w].start);
		cr_event_mention(d, ev, w);
		date_event(d, ev, sent, w, d->tok_tx[i], false);
	}
}

/* Whether the incident word at i names what someone is charged with, tried
 * or convicted for: "charged with murder", "guilty of murder", "arrested
 * for the killing", "murder charges", "a murder trial". */
static bool charged_with(const xdoc *d, size_t i, size_t first, size_t end)
{
	size_t p = i > first && ANY_OF(d, i - 1, "the", "a", "an") ? i - 1 : i;
	return (p > first && ANY_OF(d, p - 1, "with", "of", "for")) ||
	       (i + 1 < end && ANY_OF(d, i + 1, "charge", "charges", "charged", "trial", "case", "suspect", "conviction"));
}

void cr_find_events(xdoc *d, size_t sent)
{
	const cr_sentence *se = &d->seg.sentences[sent];
	size_t first = se->first_token, end = first + se->ntokens;
	/* target, trigger, place, time */
	const char *target = NULL, *type = NULL;
	size_t target_tok = SIZE_MAX, trig_tok = SIZE_MAX;
	bool backref = false, siege = false;
	const char *targets[8];
	size_t target_toks[8], ntargets = 0;
	for (size_t i = first; i < end; i++) {
		size_t n;
		long r;
		if ((r = cr_phrase_at(d, d->x->targets, i, end, &n)) >= 0 && target_linked(d, first, end, i, n)) {
			if (ntargets < 8) {
				targets[ntargets] = cr_phrase_class(d->x->targets, r);
				target_toks[ntargets++] = i;
			}
			if (!target) {
				target = cr_phrase_class(d->x->targets, r);
				target_tok = i;
			}
			i += n - 1;
			continue;
		}
		const char *t = cr_trigger_type(d, i);
		if (t && cr_event_class_of(t) == CR_EVENT_ACT)
			t = NULL;   /* act_events */
		/* the trigger that goes with the target: the nearest one before it (or
		 * just after it: "the theatre bombing"), else the first */
		if (t && !d->tok_quoted[i]) {
			/* "the battle to retake the city lasted four years, when forces
			 * surrounded it": a battle yields to a named kind of incident */
			/* and what befalls a person yields to an incident ("14 were injured
			 * and many arrested in clashes": the clashes), not to one it is
			 * charged with ("was charged with murder in a campus shooting") */
			bool better = !type || (strcmp(type, "battle") == 0 && strcmp(t, "battle") != 0 && cr_incident_type(t)) ||
			              (!cr_incident_type(type) && cr_incident_type(t) && !charged_with(d, i, first, end));
			if (type && target && i <= target_tok + 3) {
				size_t di = i > target_tok ? i - target_tok : target_tok - i;
				size_t dt = trig_tok > target_tok ? trig_tok - target_tok : target_tok - trig_tok;
				better = di < dt;
			}
			if (better) {
				type = t;
				trig_tok = i;
				backref |= back_reference(d, i, first);
			}
		}
		if (t && strcmp(t, "siege") == 0)
			siege = true;
		if ((tok_is(d, i, "this") || tok_is(d, i, "that")) && i + 1 < end &&
		    (tok_is(d, i + 1, "period") || tok_is(d, i + 1, "time")))
			backref = true;
	}
	/* the target nearest after the trigger (or just before it: "the theatre bombing") */
	if (type && ntargets > 1) {
		size_t best = SIZE_MAX;
		for (size_t k = 0; k < ntargets; k++) {
			size_t t = target_toks[k];
			size_t dist = t > trig_tok ? t - trig_tok : (trig_tok - t) * 4;
			if (dist < best) {
				best = dist;
				target = targets[k];
				target_tok = t;
			}
		}
	}
	/* a target far from the trigger is not what it hit ("the destruction of a
	 * hospital ... also accused of orchestrating a bombing campaign"); a
	 * disaster has no target, it strikes a region */
	if (target && type && (target_tok > trig_tok ? target_tok - trig_tok > 12 : trig_tok - target_tok > 3))
		target = NULL;
	if (target && type && cr_disaster_type(type))
		target = NULL;
	int place = sentence_place(d, first, end, type != NULL, trig_tok), own_place = place;
	/* a place named in the sentence or two before, in the same paragraph */
	if (place < 0 && type && d->last_place >= 0 && (int)sent - d->last_place_sent <= 2 &&
	    d->seg.sentences[d->last_place_sent].paragraph == se->paragraph)
		place = d->last_place;
	int ev = -1;
	bool same_para_event = d->last_event >= 0 && d->last_event_sent >= 0 &&
	                       d->seg.sentences[d->last_event_sent].paragraph == se->paragraph;
	int when = type ? sentence_time(d, first, end, trig_tok) : -1;
	if (type && when_dated(d, first, end, trig_tok) >= 0)
		when = when_dated(d, first, end, trig_tok);   /* "since January 2, when troops overran ..." */
	cr_dayrange wr = when >= 0 ? event_range(d, when) : (cr_dayrange){CR_DAY_NONE, CR_DAY_NONE};
	/* what happens to people, and what people do, whatever incident the sentence reports */
	personal_events(d, sent, first, end);
	act_events(d, sent, first, end);
	places_within(d, sent, first, end);
	if (type && !cr_incident_type(type)) {
		/* personal only */
	} else if (target && (type || backref)) {
		ev = event_for(d, type ? type : "attack", target, place, wr, d->seg.tokens[target_tok].start);
	} else if (backref && d->last_event >= 0 && doc_places_fit(d, place, d->events.items[d->last_event].place) &&
	           cr_event_times_fit(event_window(d, &d->events.items[d->last_event]), wr,
	                              cr_event_lasting(d->events.items[d->last_event].type))) {
		/* "that airstrike", "during this period": the event just reported, when
		 * the sentence's place and date fit it */
		ev = d->last_event;
	} else if (type && another(d, first, trig_tok)) {
		/* "another dramatic robbery on Sunday night": a second event of the kind */
		ev = push_event(d, type, NULL, place, d->seg.tokens[trig_tok].start);
	} else if (type) {
		/* a report with no target continues the latest event it fits, or starts one */
		ev = event_for(d, type, NULL, place, wr, d->seg.tokens[trig_tok].start);
	} else if (target) {
		ev = -2;   /* decided below, only when a figure needs it */
	}
	if (ev >= 0) {
		if (trig_tok < end) {
			cr_event_mention(d, ev, trig_tok);
			/* the sentence's other words for it: "opened fire ... killing two
			 * ... in a shooting that left a third dead" (a victim's named death
			 * has its mention already) */
			const char *fam = cr_event_family(d->events.items[ev].type);
			for (size_t k = first; k < end; k++) {
				if (k == trig_tok || d->tok_quoted[k])
					continue;
				const char *kt = cr_trigger_type(d, k);
				if (killing_word(d, k) || ANY_OF(d, k, "dead", "died") || (kt && strcmp(cr_event_family(kt), fam) == 0))
					cr_event_mention(d, ev, k);
			}
		}
		/* "the robbery in Paris": where the sentence says it happened */
		if (own_place >= 0 && d->events.items[ev].place == own_place)
			place_claim(d, sent, trig_tok < end ? trig_tok : first, CR_SUBJ_EVENT, ev, own_place, first, end);
		date_event(d, ev, sent, trig_tok, when, type != NULL);
		cr_levent *e = &d->events.items[ev];
		if (cr_incident_type(e->type)) {
			d->last_event = ev;
			d->last_event_sent = (int)sent;
		}
	}
	background_events(d, sent, first, end, trig_tok);
	if (place >= 0 && sentence_place(d, first, end, false, SIZE_MAX) >= 0) {
		d->last_place = place;
		d->last_place_sent = (int)sent;
	}
	sent_events fx = {first, end, ev, type, target, trig_tok, target_tok, {0}, {0}, ntargets, place, siege, same_para_event};
	memcpy(fx.targets, targets, sizeof targets);
	memcpy(fx.target_toks, target_toks, sizeof target_toks);
	cr_find_figures(d, sent, &fx);
}

/* A city large enough that no namesake of it is likely to be meant
 * (Aleppo, Athens; not Portland, which is also a parish of Jamaica). */
#define WELL_KNOWN_CITY 500000

/*
 * The document's own country, into home ("" when it has none): a country it
 * names or a nationality it speaks of counts 3, a region or a city of the
 * gazetteer 1 (many are namesakes of places elsewhere: Portland, West Coast),
 * a well-known city 2, each times its mentions; the country with the most
 * weight is home when it has a country, a nationality or two places of its
 * own and twice the weight of the next.
 */
static void home_country(const xdoc *d, char home[3])
{
	char codes[32][3];
	int weight[32], strong[32], ncodes = 0;
	home[0] = 0;
	for (size_t e = 0; e < d->ents.len; e++) {
		const cr_lentity *en = &d->ents.items[e];
		char cc[3];
		if ((en->type != CR_E_PLACE && en->type != CR_E_OTHER) || !en->name)
			continue;
		size_t nl = strlen(en->name);
		cr_place_kind k = cr_gazetteer_place(en->name, nl, cc);
		if (k == CR_PLACE_UNKNOWN || (k != CR_PLACE_DEMONYM && (en->type != CR_E_PLACE || !en->mentions)))
			continue;
		bool big = k == CR_PLACE_CITY && cr_gazetteer_population(en->name, nl) >= WELL_KNOWN_CITY;
		int w = k == CR_PLACE_COUNTRY || k == CR_PLACE_DEMONYM ? 3 : big ? 2 : 1, c;
		for (c = 0; c < ncodes && strcmp(codes[c], cc) != 0; c++)
			;
		if (c == ncodes && ncodes < 32) {
			memcpy(codes[ncodes], cc, 3);
			weight[ncodes] = strong[ncodes] = 0;
			ncodes++;
		}
		if (c == ncodes)
			continue;
		weight[c] += w * (int)CR_MAX(en->mentions, 1);
		strong[c] += w >= 2 ? 2 : 1;   /* a country, a nationality, a big city; or one more place */
	}
	int best = -1, second = 0;
	for (int c = 0; c < ncodes; c++) {
		if (best < 0 || weight[c] > weight[best]) {
			if (best >= 0)
				second = CR_MAX(second, weight[best]);
			best = c;
		} else {
			second = CR_MAX(second, weight[c]);
		}
	}
	if (best >= 0 && strong[best] >= 2 && weight[best] >= 2 * second)
		memcpy(home, codes[best], 3);
}

/*
 * The country a place of the document lies in, into cc ("" unknown), and its
 * kind. A country is itself. A city or region in the document's own country,
 * or in a country the document also names or whose people it speaks of
 * (Aleppo in a report about Ukraine that speaks of Syrian forces), is there.
 * One the gazetteer puts in a country the document never mentions, in a
 * document about another country, is a namesake there (Wellington,
 * Somerset, in a British report). With no country of its own to go by, only
 * a well-known city is placed.
 */
static cr_place_kind place_country(const xdoc *d, int place, const char *home, char cc[3])
{
	const char *name = d->ents.items[place].name;
	size_t nl = strlen(name);
	cr_place_kind k = cr_gazetteer_place(name, nl, cc);
	if (k == CR_PLACE_UNKNOWN || k == CR_PLACE_COUNTRY || k == CR_PLACE_DEMONYM || (home[0] && strcmp(cc, home) == 0))
		return k;
	for (size_t e = 0; e < d->ents.len; e++) {
		const cr_lentity *en = &d->ents.items[e];
		char oc[3];
		if ((int)e == place || !en->name || (en->type != CR_E_PLACE && en->type != CR_E_OTHER))
			continue;
		cr_place_kind ok = cr_gazetteer_place(en->name, strlen(en->name), oc);
		if ((ok == CR_PLACE_COUNTRY || ok == CR_PLACE_DEMONYM) && strcmp(oc, cc) == 0)
			return k;
	}
	if (home[0])
		memcpy(cc, home, 3);
	else if (!(k == CR_PLACE_CITY && cr_gazetteer_population(name, nl) >= WELL_KNOWN_CITY))
		cc[0] = 0;
	return k;
}

/* Whether two places of the document can be one event's place: not in two
 * countries, not two different cities or regions of one country. */
static bool doc_places_fit(const xdoc *d, int a, int b)
{
	if (a < 0 || b < 0 || a == b)
		return true;
	char home[3], ca[3], cb[3];
	home_country(d, home);
	cr_place_kind ka = place_country(d, a, home, ca), kb = place_country(d, b, home, cb);
	if (ka == CR_PLACE_UNKNOWN || kb == CR_PLACE_UNKNOWN || ka == CR_PLACE_DEMONYM || kb == CR_PLACE_DEMONYM)
		return true;
	if (strcmp(ca, cb) != 0)
		return false;
	return ka != kb || strcmp(d->ents.items[a].name, d->ents.items[b].name) == 0;
}

/* Once every sentence is read: the country each event happened in — its
 * place's (place_country), else the document's own. */
void cr_event_countries(xdoc *d)
{
	char home[3];
	home_country(d, home);
	for (size_t i = 0; i < d->events.len; i++) {
		cr_levent *ev = &d->events.items[i];
		char cc[3] = "";
		cr_place_kind k = ev->place >= 0 ? place_country(d, ev->place, home, cc) : CR_PLACE_UNKNOWN;
		if (k == CR_PLACE_UNKNOWN || k == CR_PLACE_DEMONYM)
			memcpy(cc, home, 3);
		memcpy(ev->country, cc, 3);
	}
}
