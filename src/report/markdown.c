/*
 * markdown.c: the dossier a reader opens — findings first (conflicts, then
 * what several sources confirm), then a timeline of dated events, the
 * people and organisations with every name they go by, and each claim with
 * its quote and source. Also the terminal summary; the text of each goes
 * through its format's escape (escape.c).
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

/* qsort has no context argument: the ledger being sorted (one report at a time) */
static _Thread_local const cr_ledger *timeline_ledger;

static int cmp_timeline(const void *a, const void *b)
{
	const cr_gevent *x = &timeline_ledger->events[*(const size_t *)a], *y = &timeline_ledger->events[*(const size_t *)b];
	if (x->time.earliest != y->time.earliest)
		return x->time.earliest < y->time.earliest ? -1 : 1;
	if (x->time.latest != y->time.latest)
		return x->time.latest < y->time.latest ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

size_t cr_report_timeline(const cr_ledger *l, const bool *keep, size_t *order)
{
	size_t nd = 0;
	for (size_t i = 0; i < l->nevents; i++)
		if (cr_range_known(l->events[i].time) && (!keep || keep[i]))
			order[nd++] = i;
	timeline_ledger = l;
	qsort(order, nd, sizeof *order, cmp_timeline);
	return nd;
}

void cr_report_day(cr_buf *b, cr_dayrange r)
{
	char e[11], l[11];
	if (!cr_range_known(r)) {
		cr_buf_puts(b, "undated");
		return;
	}
	cr_day_format(r.earliest, e);
	cr_day_format(r.latest, l);
	int y1, m1, d1, y2, m2, d2;
	cr_civil_from_days(r.earliest, &y1, &m1, &d1);
	cr_civil_from_days(r.latest, &y2, &m2, &d2);
	bool whole_months = d1 == 1 && d2 == cr_days_in_month(y2, m2);
	bool whole_years = whole_months && m1 == 1 && m2 == 12;
	if (r.earliest == r.latest)
		cr_buf_puts(b, e);
	else if (whole_years && y1 == y2)
		cr_buf_printf(b, "%04d", y1);
	else if (whole_years)
		cr_buf_printf(b, "%04d – %04d", y1, y2);
	else if (whole_months && y1 == y2 && m1 == m2)
		cr_buf_printf(b, "%04d-%02d", y1, m1);
	else if (whole_months)
		cr_buf_printf(b, "%04d-%02d – %04d-%02d", y1, m1, y2, m2);
	else
		cr_buf_printf(b, "%s – %s", e, l);
}

static void findings_of_kind(cr_buf *b, const cr_ledger *l, uint8_t kind, const char *title)
{
	size_t n = 0;
	for (size_t i = 0; i < l->nfindings; i++)
		n += l->findings[i].kind == kind;
	if (!n)
		return;
	cr_buf_printf(b, "\n### %s (%zu)\n\n", title, n);
	for (size_t i = 0; i < l->nfindings; i++) {
		const cr_finding *f = &l->findings[i];
		if (f->kind != kind)
			continue;
		cr_buf_puts(b, "- **");
		const char *sn = cr_subject_name(l, f->subject_kind, f->subject);
		cr_escape_markdown(b, sn, strlen(sn));
		cr_buf_printf(b, "** — %s: ", f->predicate);
		cr_escape_markdown(b, f->explanation, strlen(f->explanation));
		cr_buf_printf(b, " (outlets %zu, originators %zu)\n", f->outlets, f->originators);
	}
}

void cr_report_markdown(cr_buf *b, const cr_ledger *l)
{
	cr_buf_puts(b, "# Claim ledger\n\n");
	cr_buf_printf(b, "%zu documents, %zu entities, %zu events, %zu claims, %zu findings.\n\n", l->ndocs, l->nentities,
	              l->nevents, l->nclaims, l->nfindings);
	cr_buf_puts(b, "## Documents\n\n| id | published | outlet | title or path |\n|---|---|---|---|\n");
	for (size_t i = 0; i < l->ndocs; i++) {
		const cr_docinfo *d = &l->docs[i];
		cr_buf_printf(b, "| d%lld | ", (long long)d->id);
		cr_report_day(b, d->published);
		if (d->inferred)
			cr_buf_puts(b, " (inferred)");
		cr_buf_puts(b, " | ");
		if (d->outlet)
			cr_escape_markdown(b, d->outlet, strlen(d->outlet));
		cr_buf_puts(b, " | ");
		const char *t = d->title ? d->title : d->url ? d->url : d->path ? d->path : "";
		cr_escape_markdown(b, t, strlen(t));
		cr_buf_puts(b, " |\n");
	}
	cr_buf_puts(b, "\n## Findings\n");
	findings_of_kind(b, l, CR_F_CONFLICT, "Conflicts");
	findings_of_kind(b, l, CR_F_CONSISTENT, "Consistent on reflection");
	findings_of_kind(b, l, CR_F_CORROBORATED, "Corroborated");
	findings_of_kind(b, l, CR_F_SINGLE, "Single source");

	cr_buf_puts(b, "\n## Timeline\n\n");
	/* dated events in date order (by their earliest day, then the narrower
	 * first: the day before the month it falls in), each at its precision */
	size_t *order = cr_xcalloc(l->nevents + 1, sizeof *order);
	size_t nd = cr_report_timeline(l, NULL, order);
	bool any = nd > 0;
	for (size_t oi = 0; oi < nd; oi++) {
		const cr_gevent *v = &l->events[order[oi]];
		cr_buf_puts(b, "- ");
		cr_report_day(b, v->time);
		if (v->time_inferred)
			cr_buf_puts(b, " (year inferred)");
		cr_buf_puts(b, ": ");
		cr_escape_markdown(b, v->label, strlen(v->label));
		cr_buf_printf(b, " (%zu document%s)\n", v->ndocs, v->ndocs == 1 ? "" : "s");
	}
	free(order);
	if (!any)
		cr_buf_puts(b, "No dated events.\n");

	cr_buf_puts(b, "\n## Entities\n\n");
	for (size_t i = 0; i < l->nentities; i++) {
		const cr_gentity *e = &l->entities[i];
		if (e->ndocs < 2 && e->mentions < 2)
			continue;
		cr_buf_printf(b, "- **");
		cr_escape_markdown(b, e->name, strlen(e->name));
		cr_buf_printf(b, "** (%s, e%zu, %zu document%s)", cr_etype_names[e->type], i + 1, e->ndocs, e->ndocs == 1 ? "" : "s");
		if (e->naliases > 1) {
			cr_buf_puts(b, ": also ");
			for (size_t k = 0, shown = 0; k < e->naliases; k++) {
				if (strcmp(e->aliases[k], e->name) == 0)
					continue;
				if (shown++)
					cr_buf_puts(b, "; ");
				cr_escape_markdown(b, e->aliases[k], strlen(e->aliases[k]));
			}
		}
		cr_buf_putc(b, '\n');
	}

	cr_buf_puts(b, "\n## Claims\n");
	for (size_t i = 0; i < l->nclaims; i++) {
		const cr_claim *c = &l->claims[i];
		const cr_docinfo *d = &l->docs[c->doc];
		const char *sn = cr_subject_name(l, c->subject_kind, c->subject);
		cr_buf_printf(b, "\n- c%zu **", i + 1);
		cr_escape_markdown(b, sn, strlen(sn));
		cr_buf_printf(b, "** %s ", c->predicate);
		if (c->value_text)
			cr_escape_markdown(b, c->value_text, strlen(c->value_text));
		if (c->value_event >= 0) {
			cr_buf_puts(b, " → ");
			cr_escape_markdown(b, l->events[c->value_event].label, strlen(l->events[c->value_event].label));
		}
		cr_buf_printf(b, " — *%s*", cr_modality_names[c->modality]);
		if (c->attribution) {
			cr_buf_puts(b, ", ");
			cr_escape_markdown(b, c->attribution, strlen(c->attribution));
		}
		cr_buf_printf(b, " [d%lld:%u-%u]\n  > ", (long long)d->id, c->start, c->end);
		cr_escape_markdown(b, d->text + c->start, c->end - c->start);
		cr_buf_putc(b, '\n');
	}
}

/* "  conflict: SUBJECT PREDICATE: EXPLANATION", for the terminal. */
static void summary_line(cr_buf *b, const char *kind, const cr_ledger *l, const cr_finding *f)
{
	const char *sn = cr_subject_name(l, f->subject_kind, f->subject);
	cr_buf_printf(b, "  %s: ", kind);
	cr_escape_term(b, sn, strlen(sn), false);
	cr_buf_printf(b, " %s: ", f->predicate);
	cr_escape_term(b, f->explanation, strlen(f->explanation), false);
	cr_buf_putc(b, '\n');
}

void cr_report_summary(cr_buf *b, const cr_ledger *l)
{
	size_t kinds[4] = {0};
	for (size_t i = 0; i < l->nfindings; i++)
		kinds[l->findings[i].kind]++;
	cr_buf_printf(b, "%zu documents, %zu entities, %zu events, %zu claims\n", l->ndocs, l->nentities, l->nevents,
	              l->nclaims);
	cr_buf_printf(b, "findings: %zu corroborated, %zu single-source, %zu conflicts, %zu consistent\n",
	              kinds[CR_F_CORROBORATED], kinds[CR_F_SINGLE], kinds[CR_F_CONFLICT], kinds[CR_F_CONSISTENT]);
	size_t shown = 0;
	for (size_t i = 0; i < l->nfindings && shown < 5; i++) {
		const cr_finding *f = &l->findings[i];
		if (f->kind != CR_F_CONFLICT)
			continue;
		summary_line(b, "conflict", l, f);
		shown++;
	}
	for (size_t i = 0; i < l->nfindings && shown < 8; i++) {
		const cr_finding *f = &l->findings[i];
		if (f->kind != CR_F_CONSISTENT)
			continue;
		summary_line(b, "consistent", l, f);
		shown++;
	}
}
