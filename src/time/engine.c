/*
 * engine.c: the driver of the time engine, and its rule table.
 *
 * cr_timex_find reads a text in one pass. The text is cut into words
 * (words.c); at each word that may start a rule (a number, a calendar word,
 * a capitalised or hyphenated word, or one of the plain starters of the
 * word index) the rules of the table below are tried in order and the
 * first that takes words wins: it emits its expression and the scan moves
 * past them. A day just found may carry the clock time after it ("tomorrow
 * at 8 a.m."); where no rule matched, the clock rule is tried last
 * (clock.c). Then the joins of compose.c run over what was found.
 *
 * The rule files, by family:
 *
 *   calendar.c   holidays, weeks of a month or year, dates in words or
 *                compact forms, weekday-and-date pairs, day arithmetic,
 *                the rarer durations and sets; tried first, each rule
 *                declining unless its own form is there
 *   dates.c      dates, periods, deictic and narrative expressions
 *   durations.c  durations, sets, reference words
 *   clock.c      clock times and parts of the day
 *
 * They share words.c (words, counts) and anchor.c (anchoring, tense,
 * TIMEX3 values); docdate.c infers a publication date from what is found.
 * docs/timex.md lists the forms with examples.
 *
 * A publication date known only as an interval is read at both ends and
 * each expression keeps the union of the two readings. With no publication
 * date, deictic values stay open ("XXXX-03-09", "PAST_REF").
 *
 * Limits: date ranges inside a month ("3-12 September") and time ranges
 * ("5 to 6pm") are not recognised; "may", "march" and "fall" need capitals
 * or date context; the weekday of an older story ("Tuesday" a week before
 * the anchor) cannot be told from the text's tense alone.
 */
#include "time/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cr_timex_ctx *cr_timex_new(void)
{
	cr_timex_ctx *c = cr_xcalloc(1, sizeof *c);
	c->words = cr_lexicon_load(CR_DATA(lexicon_time_words_tsv), true);
	c->tense = cr_lexicon_load(CR_DATA(lexicon_tense_words_tsv), true);
	if (!c->words || !c->tense) {
		cr_lexicon_free(c->words);
		cr_lexicon_free(c->tense);
		free(c);
		return NULL;
	}
	return c;
}

void cr_timex_free(cr_timex_ctx *ctx)
{
	if (!ctx)
		return;
	cr_lexicon_free(ctx->words);
	cr_lexicon_free(ctx->tense);
	free(ctx);
}

/*
 * Whether a rule can start at this word: a number, a calendar word, a
 * capitalised or hyphenated word, or one of the plain words of ix_starters
 * (starter, from cr_tx_tokenize). Most words are none of these and skip the
 * rules; a speed filter only.
 */
static bool may_start(const word *w, bool starter)
{
	if (starter || w->kind != K_NONE || w->num >= 0 || w->cap || cr_is_digit((unsigned char)w->low[0]))
		return true;
	for (const char *p = w->low; *p; p++)
		if (*p == '-')
			return true;
	return false;
}

/*
 * The rules in the order they are tried at a word; the first that takes
 * words wins, so a longer form comes before the shorter one it holds ("the
 * end of 2016" before "2016", "two weeks ago" before "two weeks").
 */
typedef size_t (*rule_fn)(scan *s, size_t i);
static const rule_fn rules[] = {
	cr_tx_rule_calendar,       /* calendar.c: Christmas, the last week of July, May twenty nine, Oct/2 */
	cr_tx_rule_iso,            /* 2022-03-09 */
	cr_tx_rule_numeric,        /* 3/9/2022 */
	cr_tx_rule_year_span,      /* between 2015 and 2016, 2015-2016 */
	cr_tx_rule_part_hyphen,    /* mid-November, mid-1990s */
	cr_tx_rule_part,           /* late 2016, early March, the end of 2016 */
	cr_tx_rule_decade,         /* the 1990s */
	cr_tx_rule_day_month,      /* 9 March, March 9, 2022, March 9 last year */
	cr_tx_rule_month_year,     /* March 2022 */
	cr_tx_rule_quarter,        /* the third quarter of 1989, this year's first quarter */
	cr_tx_rule_deictic,        /* today, last night, this week, earlier this month */
	cr_tx_rule_relative,       /* three months ago, a week later, the next day */
	cr_tx_rule_weekday,        /* Friday, last Friday, Monday, Oct. 26 */
	cr_tx_rule_month,          /* in September, last March, last Oct. 23 */
	cr_tx_rule_year,           /* in 1962, the 1996 law, fiscal 1989 */
	cr_tx_rule_season,         /* this summer, the summer of 2016 */
	cr_tx_rule_weekend,        /* last weekend */
	cr_tx_rule_ref,            /* durations.c: now, recently, the future */
	cr_tx_rule_set,            /* durations.c: daily, weekly */
	cr_tx_rule_duration,       /* durations.c: three-month, for six years */
	cr_tx_rule_in_future,      /* will leave in two weeks */
	cr_tx_rule_bare_duration,  /* durations.c: the past two weeks, 5 1/2 hours */
	cr_tx_rule_the_period,     /* for the year, in the month, later that year */
	cr_tx_rule_every,          /* durations.c: every other Friday, Mondays, once a week */
	cr_tx_rule_recent_century, /* recent years, the 20th century */
};

static void run(cr_timex **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                cr_dayrange pubdate)
{
	scan s = {0};
	s.ctx = ctx;
	s.text = text;
	s.pub = pubdate;
	s.narrative = none();
	uint8_t *starter;
	cr_tx_tokenize(&s, text, len, &starter);
	for (size_t i = 0; i < s.n;) {
		if (s.w[i].punct || !may_start(&s.w[i], starter[i])) {
			i++;
			continue;
		}
		size_t took = 0, before = s.out.len;
		s.cur = i;
		s.fut_cache = -1;
		for (size_t r = 0; r < CR_ARRAY_LEN(rules) && !took; r++)
			took = rules[r](&s, i);
		if (took && s.out.len == before + 1)
			took += cr_tx_clock_after(&s, i, i + took, len);   /* "tomorrow at 8 a.m." */
		if (!took)
			took = cr_tx_rule_clock(&s, i, len);
		i += took ? took : 1;
	}
	cr_tx_join_period_shift(&s);
	cr_tx_join_day_offset(&s);
	cr_tx_open_since(&s);
	free(s.w);
	free(starter);
	*out = s.out.items;
	*n = s.out.len;
}

/*
 * A publication date known only as an interval: read the text as of its
 * first day and as of its last, and keep for each expression the union of
 * the two readings ("last year" read anywhere in 2023 is 2022; "in
 * September" is September 2022 or 2023). Matching does not depend on the
 * anchor, so both readings find the same expressions.
 */
int cr_timex_find(cr_timex **out, size_t *n, const cr_timex_ctx *ctx, const char *text, size_t len,
                  cr_dayrange pubdate)
{
	*out = NULL;
	*n = 0;
	if (!ctx || !text)
		return -1;
	if (!cr_range_known(pubdate) || pubdate.earliest == pubdate.latest) {
		run(out, n, ctx, text, len, pubdate);
		return 0;
	}
	cr_timex *b;
	size_t nb;
	run(out, n, ctx, text, len, (cr_dayrange){pubdate.earliest, pubdate.earliest});
	run(&b, &nb, ctx, text, len, (cr_dayrange){pubdate.latest, pubdate.latest});
	if (nb == *n) {
		for (size_t i = 0; i < nb; i++) {
			cr_timex *a = &(*out)[i];
			if (!cr_range_known(a->range) || !cr_range_known(b[i].range))
				continue;
			if (a->range.earliest != b[i].range.earliest || a->range.latest != b[i].range.latest) {
				a->range.earliest = CR_MIN(a->range.earliest, b[i].range.earliest);
				a->range.latest = CR_MAX(a->range.latest, b[i].range.latest);
				if (a->anchor != CR_ANCHOR_NONE && strcmp(a->value, b[i].value) != 0)
					snprintf(a->value, sizeof a->value, "%s", "XXXX-XX-XX");
			}
		}
	}
	free(b);
	return 0;
}
