/*
 * html.c: the dossier as one self-contained HTML5 page — inline CSS and
 * inline SVG, no script, nothing fetched: it opens from a file on a laptop
 * or a phone and prints on paper.
 *
 * What it holds, in order: the conflicts, since that is where the work is
 * (each value with its quote, outlet and publication date, oldest report
 * first); then, per main entity (people and organisations that claims of two
 * or more documents are about, or the ones --entity names), its profile
 * (every fact with the values its sources give), the accusations against it
 * (who accuses, how firmly), its events on a timeline drawn to scale (an
 * interval as a bar as long as it is, a day as a point) and a source
 * matrix (each fact by each document: states, contradicts or silent); then
 * the documents and the notes. Every fact cites its claims as footnotes,
 * numbered in the order they are first cited, each with its quote, outlet
 * and date.
 *
 * Every piece of article text goes through cr_escape_html; a document's URL
 * becomes a link only when it is http or https. The same ledger gives the
 * same bytes: everything follows the ledger's order, and nothing depends on
 * the clock.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

typedef struct html {
	cr_buf *b;
	const cr_ledger *l;
	size_t *note;      /* per claim: its footnote number, 0 until cited */
	size_t *cited;     /* the claim of each footnote, in citation order */
	size_t ncited;
	bool *chosen;      /* per entity: has a section */
	bool *linked;      /* per event: linked to a chosen entity (scope of the conflicts) */
	bool *mine;        /* per event: linked to the entity being written */
} html;

static void esc(html *h, const char *s)
{
	if (s)
		cr_escape_html(h->b, s, strlen(s));
}

/* ASCII case ignored, the rest byte for byte. */
static bool same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (cr_lower((unsigned char)*a) != cr_lower((unsigned char)*b))
			return false;
	return *a == *b;
}

static bool is_web_url(const char *u)
{
	return u && (strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0);
}

static void cite(html *h, size_t claim)
{
	if (!h->note[claim]) {
		h->cited[h->ncited++] = claim;
		h->note[claim] = h->ncited;
	}
	cr_buf_printf(h->b, "<sup><a href=\"#n%zu\">[%zu]</a></sup>", h->note[claim], h->note[claim]);
}

/* "d2 · The Independent · 2022-03-25": which document, whose, when. */
static void doc_source(html *h, size_t doc)
{
	const cr_docinfo *d = &h->l->docs[doc];
	cr_buf_printf(h->b, "<span class=\"src\"><a href=\"#d%lld\">d%lld</a> · ", (long long)d->id, (long long)d->id);
	if (d->outlet)
		esc(h, d->outlet);
	else
		cr_buf_puts(h->b, "outlet unknown");
	cr_buf_puts(h->b, " · ");
	cr_report_day(h->b, d->published);
	if (d->inferred)
		cr_buf_puts(h->b, " (inferred)");
	cr_buf_puts(h->b, "</span>");
}

static void predicate(html *h, const char *p)
{
	for (; *p; p++)
		cr_buf_putc(h->b, *p == '_' ? ' ' : *p);
}

/* Sorts idx[0, n) by cmp (n is small: an insertion sort, stable). */
static void sort_by(size_t *idx, size_t n, const html *h, int (*cmp)(const html *, size_t, size_t))
{
	for (size_t i = 1; i < n; i++) {
		size_t x = idx[i], k = i;
		for (; k > 0 && cmp(h, idx[k - 1], x) > 0; k--)
			idx[k] = idx[k - 1];
		idx[k] = x;
	}
}

/* Claims by their document's publication date, undated last. */
static int cmp_published(const html *h, size_t a, size_t b)
{
	cr_dayrange x = h->l->docs[h->l->claims[a].doc].published, y = h->l->docs[h->l->claims[b].doc].published;
	bool kx = cr_range_known(x), ky = cr_range_known(y);
	if (kx != ky)
		return kx ? -1 : 1;
	if (kx && x.earliest != y.earliest)
		return x.earliest < y.earliest ? -1 : 1;
	if (kx && x.latest != y.latest)
		return x.latest < y.latest ? -1 : 1;
	return a < b ? -1 : a > b;
}

static const char css[] =
	":root{--ink:#1b1b1b;--mute:#5c5c5c;--line:#d0d0d0;--warn:#a3230f;--ok:#1d6b34;--bg:#fff}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0 auto;max-width:62rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,'Segoe UI',"
	"Roboto,sans-serif;color:var(--ink);background:var(--bg)}\n"
	"h1{font-size:1.6rem;margin:.2rem 0}h2{border-bottom:2px solid var(--ink);margin-top:2.5rem}\n"
	"h3{margin-bottom:.3rem}nav a{margin-right:.8rem}a{color:#0b4f9c}\n"
	"blockquote{margin:.3rem 0 .6rem;padding:.2rem .8rem;border-left:3px solid var(--line);color:var(--mute)}\n"
	".conflict{border:1px solid var(--warn);border-radius:6px;padding:.2rem 1rem;margin:1rem 0}\n"
	".conflict h3{color:var(--warn)}.why{font-style:italic}.src{color:var(--mute);font-size:.9em}\n"
	".kind,.modality{font-size:.8em;padding:0 .35em;border:1px solid var(--line);border-radius:3px;white-space:nowrap}\n"
	".k-conflict{color:var(--warn);border-color:var(--warn)}.k-corroborated{color:var(--ok);border-color:var(--ok)}\n"
	"table{border-collapse:collapse;width:100%;font-size:.95em}\n"
	"th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}\n"
	".scroll{overflow-x:auto}.matrix td{text-align:center;white-space:nowrap}.matrix th[scope=row]{min-width:14rem}\n"
	".st{color:var(--ok);font-weight:600}.co{color:var(--warn);font-weight:600}.si{color:#9a9a9a}\n"
	"svg.timeline{width:100%;height:auto;font-size:12px}svg .bar{fill:#0b4f9c}svg .axis{stroke:var(--mute)}\n"
	"svg text{fill:var(--ink)}svg .tick{fill:var(--mute)}\n"
	"#notes li{margin-bottom:.5rem}\n"
	"@media (max-width:40rem){body{padding:.6rem;font-size:15px}th,td{padding:.25rem}"
	".matrix th[scope=row]{min-width:9rem}svg.timeline{min-width:36rem}}\n"
	"@media print{nav{display:none}body{max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}"
	".conflict,tr,li,svg{break-inside:avoid}h2,h3{break-after:avoid}"
	"a.ext::after{content:' <' attr(href) '>';font-size:.85em}}\n";

static void head(html *h, const char *title)
{
	cr_buf_puts(h->b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                  "<meta name=\"generator\" content=\"corrob " CORROB_VERSION "\">\n<title>");
	esc(h, title);
	cr_buf_printf(h->b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", css);
	esc(h, title);
	const cr_ledger *l = h->l;
	cr_buf_printf(h->b, "</h1>\n<p>%zu documents, %zu entities, %zu events, %zu claims, %zu findings.</p>\n"
	                    "<nav><a href=\"#conflicts\">Conflicts</a>",
	              l->ndocs, l->nentities, l->nevents, l->nclaims, l->nfindings);
	for (size_t i = 0; i < l->nentities; i++)
		if (h->chosen[i]) {
			cr_buf_printf(h->b, "<a href=\"#e%zu\">", i + 1);
			esc(h, l->entities[i].name);
			cr_buf_puts(h->b, "</a>");
		}
	cr_buf_puts(h->b, "<a href=\"#documents\">Documents</a><a href=\"#notes\">Notes</a></nav>\n</header>\n<main>\n");
}

/* One value of a conflict: the words, how and by whom, the source, the quote. */
static void conflict_value(html *h, size_t ci)
{
	const cr_claim *c = &h->l->claims[ci];
	const cr_docinfo *d = &h->l->docs[c->doc];
	cr_buf_puts(h->b, "<li><strong>");
	esc(h, c->value_text ? c->value_text : "?");
	cr_buf_printf(h->b, "</strong> <span class=\"modality\">%s</span> ", cr_modality_names[c->modality]);
	if (c->attribution) {
		esc(h, c->attribution);
		cr_buf_putc(h->b, ' ');
	}
	cr_buf_puts(h->b, "— ");
	doc_source(h, c->doc);
	cite(h, ci);
	cr_buf_puts(h->b, "\n<blockquote>");
	cr_escape_html(h->b, d->text + c->start, c->end - c->start);
	cr_buf_puts(h->b, "</blockquote></li>\n");
}

static bool in_scope(const html *h, const cr_finding *f)
{
	return f->subject_kind == CR_SUBJ_EVENT ? h->linked[f->subject] : h->chosen[f->subject];
}

static void conflicts(html *h, bool all)
{
	const cr_ledger *l = h->l;
	size_t n = 0;
	for (size_t i = 0; i < l->nfindings; i++)
		n += l->findings[i].kind == CR_F_CONFLICT && (all || in_scope(h, &l->findings[i]));
	cr_buf_printf(h->b, "<section id=\"conflicts\">\n<h2>Conflicts (%zu)</h2>\n", n);
	if (!n)
		cr_buf_puts(h->b, "<p>No two sources give values that cannot both be true.</p>\n");
	for (size_t i = 0; i < l->nfindings; i++) {
		const cr_finding *f = &l->findings[i];
		if (f->kind != CR_F_CONFLICT || !(all || in_scope(h, f)))
			continue;
		cr_buf_printf(h->b, "<article class=\"conflict\" id=\"f%zu\">\n<h3>", i + 1);
		esc(h, cr_subject_name(l, f->subject_kind, f->subject));
		cr_buf_puts(h->b, " — ");
		predicate(h, f->predicate);
		cr_buf_puts(h->b, "</h3>\n<p class=\"why\">");
		esc(h, f->explanation);
		cr_buf_puts(h->b, "</p>\n<ol class=\"values\">\n");
		size_t *idx = cr_xcalloc(f->nclaims + 1, sizeof *idx);
		memcpy(idx, f->claims, f->nclaims * sizeof *idx);
		sort_by(idx, f->nclaims, h, cmp_published);
		for (size_t k = 0; k < f->nclaims; k++)
			conflict_value(h, idx[k]);
		free(idx);
		cr_buf_puts(h->b, "</ol>\n</article>\n");
	}
	cr_buf_puts(h->b, "</section>\n");
}

/* The values of a finding, each distinct wording once, with every claim that uses it cited. */
static void finding_values(html *h, const cr_finding *f)
{
	const cr_claim *cl = h->l->claims;
	for (size_t k = 0; k < f->nclaims; k++) {
		const char *v = cl[f->claims[k]].value_text ? cl[f->claims[k]].value_text : "?";
		bool seen = false;
		for (size_t j = 0; j < k && !seen; j++)
			seen = same_name(v, cl[f->claims[j]].value_text ? cl[f->claims[j]].value_text : "?");
		if (seen)
			continue;
		cr_buf_puts(h->b, k ? "; " : "");
		esc(h, v);
		for (size_t j = k; j < f->nclaims; j++)
			if (same_name(v, cl[f->claims[j]].value_text ? cl[f->claims[j]].value_text : "?"))
				cite(h, f->claims[j]);
	}
}

static void profile(html *h, size_t e)
{
	const cr_ledger *l = h->l;
	cr_buf_puts(h->b, "<h3>Profile</h3>\n<table class=\"facts\">\n<tr><th>fact</th><th>values, with their sources</th>"
	                  "<th>finding</th></tr>\n");
	size_t n = 0;
	for (size_t i = 0; i < l->nfindings; i++) {
		const cr_finding *f = &l->findings[i];
		if (f->subject_kind != CR_SUBJ_ENTITY || (size_t)f->subject != e || strcmp(f->predicate, "responsible_for") == 0)
			continue;
		cr_buf_puts(h->b, "<tr><th scope=\"row\">");
		predicate(h, f->predicate);
		cr_buf_puts(h->b, "</th><td>");
		finding_values(h, f);
		const char *k = cr_finding_kind_names[f->kind];
		cr_buf_printf(h->b, "</td><td><span class=\"kind k-%s\">%s</span></td></tr>\n", k, k);
		n++;
	}
	if (!n)
		cr_buf_puts(h->b, "<tr><td colspan=\"3\">No facts about it.</td></tr>\n");
	cr_buf_puts(h->b, "</table>\n");
}

/* Who makes an accusation: its named source, its attribution, else the outlet itself. */
static void accuser(html *h, const cr_claim *c)
{
	if (c->source >= 0)
		esc(h, h->l->entities[c->source].name);
	else if (c->attribution)
		esc(h, c->attribution);
	else
		cr_buf_puts(h->b, "the outlet");
}

static void accusations(html *h, size_t e)
{
	const cr_ledger *l = h->l;
	cr_buf_puts(h->b, "<h3>Accusations</h3>\n");
	size_t n = 0;
	for (size_t i = 0; i < l->nclaims; i++) {
		const cr_claim *c = &l->claims[i];
		if (c->subject_kind != CR_SUBJ_ENTITY || (size_t)c->subject != e || strcmp(c->predicate, "responsible_for") != 0)
			continue;
		if (!n++)
			cr_buf_puts(h->b, "<table class=\"accusations\">\n<tr><th>of</th><th>who accuses</th><th>how</th>"
			                  "<th>source</th></tr>\n");
		cr_buf_puts(h->b, "<tr><td>");
		esc(h, c->value_text ? c->value_text : "?");
		if (c->value_event >= 0) {
			cr_buf_puts(h->b, " <span class=\"src\">(");
			esc(h, l->events[c->value_event].label);
			cr_buf_puts(h->b, ")</span>");
		}
		cr_buf_puts(h->b, "</td><td>");
		accuser(h, c);
		cr_buf_printf(h->b, "</td><td><span class=\"modality\">%s</span></td><td>", cr_modality_names[c->modality]);
		doc_source(h, c->doc);
		cite(h, i);
		cr_buf_puts(h->b, "</td></tr>\n");
	}
	cr_buf_puts(h->b, n ? "</table>\n" : "<p>No accusation against it.</p>\n");
}

/* The events of entity e: those its claims name, those that happen to it or at it. */
static void mark_events(const cr_ledger *l, size_t e, bool *mark)
{
	for (size_t i = 0; i < l->nevents; i++)
		mark[i] = (size_t)l->events[i].who == e || (size_t)l->events[i].place == e;
	for (size_t i = 0; i < l->nclaims; i++) {
		const cr_claim *c = &l->claims[i];
		if (c->subject_kind == CR_SUBJ_ENTITY && (size_t)c->subject == e && c->value_event >= 0)
			mark[c->value_event] = true;
		if (c->subject_kind == CR_SUBJ_EVENT && c->value_entity >= 0 && (size_t)c->value_entity == e)
			mark[c->subject] = true;
	}
}

#define TL_W 720.0
#define TL_PAD 10.0
#define TL_ROW 30

static double tl_x(int32_t d, int32_t lo, int32_t hi)
{
	return TL_PAD + (double)(d - lo) * (TL_W - 2 * TL_PAD) / (double)(hi - lo);
}

/* The axis: a line and a tick at the start of every year (or every few years). */
static void tl_axis(html *h, int32_t lo, int32_t hi, int y)
{
	int y0, y1, m, d;
	cr_civil_from_days(lo, &y0, &m, &d);
	cr_civil_from_days(hi, &y1, &m, &d);
	int step = (y1 - y0 + 11) / 12;
	cr_buf_printf(h->b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>\n", TL_PAD, y,
	              TL_W - TL_PAD, y);
	for (int yr = y0; yr <= y1; yr += step ? step : 1) {
		double x = tl_x(cr_days_from_civil(yr, 1, 1), lo, hi);
		cr_buf_printf(h->b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, y - 4, x, y + 4);
		if (yr < y1)
			cr_buf_printf(h->b, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%d</text>\n", x + 2, y + 16, yr);
	}
}

/* The dated events order[0, n) drawn to scale over whole years. */
static void tl_svg(html *h, const size_t *order, size_t n, const char *name)
{
	const cr_ledger *l = h->l;
	int32_t lo = l->events[order[0]].time.earliest, hi = lo;
	for (size_t i = 0; i < n; i++)
		hi = CR_MAX(hi, l->events[order[i]].time.latest);
	int y, m, d, y2;
	cr_civil_from_days(lo, &y, &m, &d);
	cr_civil_from_days(hi, &y2, &m, &d);
	lo = cr_days_from_civil(y, 1, 1);
	hi = cr_days_from_civil(y2 + 1, 1, 1);
	int height = (int)n * TL_ROW + 36;
	cr_buf_printf(h->b, "<svg class=\"timeline\" viewBox=\"0 0 %.0f %d\" role=\"img\" aria-label=\"Timeline of ", TL_W,
	              height);
	esc(h, name);
	cr_buf_puts(h->b, "\">\n");
	for (size_t i = 0; i < n; i++) {
		const cr_gevent *v = &l->events[order[i]];
		int row = (int)i * TL_ROW + 14;
		double x1 = tl_x(v->time.earliest, lo, hi), x2 = tl_x(v->time.latest + 1, lo, hi);
		cr_buf_puts(h->b, "<g><title>");
		cr_report_day(h->b, v->time);
		cr_buf_puts(h->b, ": ");
		esc(h, v->label);
		cr_buf_puts(h->b, "</title>");
		if (v->time.earliest == v->time.latest)
			cr_buf_printf(h->b, "<circle class=\"bar\" cx=\"%.1f\" cy=\"%d\" r=\"5\"/>", (x1 + x2) / 2, row + 8);
		else
			cr_buf_printf(h->b, "<rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\" rx=\"2\"/>", x1,
			              row + 4, CR_MAX(x2 - x1, 2.0));
		bool left = x1 - TL_PAD > TL_W - TL_PAD - x2;   /* the label where there is more room */
		cr_buf_printf(h->b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">", left ? x2 : x1, row, left ? "end" : "start");
		cr_report_day(h->b, v->time);
		cr_buf_puts(h->b, " ");
		esc(h, v->label);
		cr_buf_puts(h->b, "</text></g>\n");
	}
	tl_axis(h, lo, hi, height - 22);
	cr_buf_puts(h->b, "</svg>\n");
}

static void timeline(html *h, size_t e)
{
	const cr_ledger *l = h->l;
	cr_buf_puts(h->b, "<h3>Timeline</h3>\n");
	size_t *order = cr_xcalloc(l->nevents + 1, sizeof *order);
	size_t n = cr_report_timeline(l, h->mine, order);
	if (n) {
		/* scrolled sideways on a phone rather than shrunk past reading */
		cr_buf_puts(h->b, "<div class=\"scroll\">");
		tl_svg(h, order, n, l->entities[e].name);
		cr_buf_puts(h->b, "</div>\n");
	}
	cr_buf_puts(h->b, "<ul class=\"events\">\n");
	for (size_t i = 0; i < n; i++) {
		const cr_gevent *v = &l->events[order[i]];
		cr_buf_puts(h->b, "<li>");
		cr_report_day(h->b, v->time);
		cr_buf_puts(h->b, v->time_inferred ? " (year inferred): " : ": ");
		esc(h, v->label);
		cr_buf_printf(h->b, " <span class=\"src\">(%zu document%s)</span></li>\n", v->ndocs, v->ndocs == 1 ? "" : "s");
	}
	for (size_t i = 0; i < l->nevents; i++)
		if (h->mine[i] && !cr_range_known(l->events[i].time)) {
			cr_buf_puts(h->b, "<li>undated: ");
			esc(h, l->events[i].label);
			cr_buf_puts(h->b, "</li>\n");
		}
	cr_buf_puts(h->b, "</ul>\n");
	free(order);
}

/* Whether two values of one fact can both hold: figures within their
 * approximations, dates that overlap, the same entity or the same words. */
static bool values_fit(const cr_claim *a, const cr_claim *b)
{
	if (a->has_number && b->has_number)
		return cr_figures_fit(a, b);
	if (cr_range_known(a->value_time) && cr_range_known(b->value_time))
		return a->value_time.earliest <= b->value_time.latest && b->value_time.earliest <= a->value_time.latest;
	if (a->value_entity >= 0 || b->value_entity >= 0)
		return a->value_entity == b->value_entity;
	return same_name(a->value_text ? a->value_text : "", b->value_text ? b->value_text : "");
}

/* Whether f is a fact of the entity being written (e), or of one of its events. */
static bool fact_of(const html *h, const cr_finding *f, size_t e)
{
	return f->subject_kind == CR_SUBJ_EVENT ? h->mine[f->subject] : (size_t)f->subject == e;
}

/* One row: the fact (rep, a claim of f, names the value of a conflict's
 * side) and what each document in cols says of it. */
static void matrix_row(html *h, const cr_finding *f, size_t rep, const bool *cols)
{
	const cr_ledger *l = h->l;
	cr_buf_puts(h->b, "<tr><th scope=\"row\">");
	if (f->subject_kind == CR_SUBJ_EVENT) {
		esc(h, l->events[f->subject].label);
		cr_buf_puts(h->b, ": ");
	}
	predicate(h, f->predicate);
	cr_buf_puts(h->b, " — ");
	esc(h, l->claims[rep].value_text ? l->claims[rep].value_text : "?");
	cr_buf_puts(h->b, "</th>");
	for (size_t d = 0; d < l->ndocs; d++) {
		if (!cols[d])
			continue;
		int says = 0;   /* 0 silent, 1 contradicts, 2 states */
		for (size_t k = 0; k < f->nclaims; k++) {
			const cr_claim *c = &l->claims[f->claims[k]];
			if (c->doc == d)
				says = CR_MAX(says, f->kind != CR_F_CONFLICT || values_fit(c, &l->claims[rep]) ? 2 : 1);
		}
		cr_buf_puts(h->b, says == 2 ? "<td class=\"st\">states</td>" : says == 1 ? "<td class=\"co\">contradicts</td>"
		                                                                          : "<td class=\"si\">silent</td>");
	}
	cr_buf_puts(h->b, "</tr>\n");
}

/* The rows of finding f: one, or for a conflict one per side (a value
 * that fits none before it). */
static void matrix_rows(html *h, const cr_finding *f, const bool *cols)
{
	for (size_t k = 0; k < f->nclaims; k++) {
		bool side = k == 0 || f->kind == CR_F_CONFLICT;
		for (size_t j = 0; j < k && side; j++)
			side = !values_fit(&h->l->claims[f->claims[k]], &h->l->claims[f->claims[j]]);
		if (side)
			matrix_row(h, f, f->claims[k], cols);
	}
}

static void matrix(html *h, size_t e)
{
	const cr_ledger *l = h->l;
	bool *cols = cr_xcalloc(l->ndocs + 1, sizeof *cols);
	size_t nrows = 0;
	for (size_t i = 0; i < l->nfindings; i++)
		if (fact_of(h, &l->findings[i], e)) {
			nrows++;
			for (size_t k = 0; k < l->findings[i].nclaims; k++)
				cols[l->claims[l->findings[i].claims[k]].doc] = true;
		}
	cr_buf_puts(h->b, "<h3>Sources</h3>\n");
	if (!nrows) {
		cr_buf_puts(h->b, "<p>No facts about it.</p>\n");
		free(cols);
		return;
	}
	cr_buf_puts(h->b, "<div class=\"scroll\"><table class=\"matrix\">\n<tr><th>fact</th>");
	for (size_t d = 0; d < l->ndocs; d++)
		if (cols[d])
			cr_buf_printf(h->b, "<th><a href=\"#d%lld\">d%lld</a></th>", (long long)l->docs[d].id,
			              (long long)l->docs[d].id);
	cr_buf_puts(h->b, "</tr>\n");
	for (size_t i = 0; i < l->nfindings; i++)
		if (fact_of(h, &l->findings[i], e))
			matrix_rows(h, &l->findings[i], cols);
	cr_buf_puts(h->b, "</table></div>\n");
	free(cols);
}

static void entity_section(html *h, size_t e)
{
	const cr_gentity *g = &h->l->entities[e];
	mark_events(h->l, e, h->mine);
	cr_buf_printf(h->b, "<section class=\"entity\" id=\"e%zu\">\n<h2>", e + 1);
	esc(h, g->name);
	cr_buf_printf(h->b, "</h2>\n<p class=\"src\">%s, e%zu, in %zu document%s", cr_etype_names[g->type], e + 1,
	              g->ndocs, g->ndocs == 1 ? "" : "s");
	for (size_t k = 0, shown = 0; k < g->naliases; k++) {
		if (strcmp(g->aliases[k], g->name) == 0)
			continue;
		cr_buf_puts(h->b, shown++ ? "; " : "; also ");
		esc(h, g->aliases[k]);
	}
	cr_buf_puts(h->b, "</p>\n");
	profile(h, e);
	accusations(h, e);
	timeline(h, e);
	matrix(h, e);
	cr_buf_puts(h->b, "</section>\n");
}

static void documents(html *h)
{
	const cr_ledger *l = h->l;
	cr_buf_puts(h->b, "<section id=\"documents\">\n<h2>Documents</h2>\n<div class=\"scroll\"><table>\n"
	                  "<tr><th>id</th><th>published</th><th>outlet</th><th>title or path</th></tr>\n");
	for (size_t i = 0; i < l->ndocs; i++) {
		const cr_docinfo *d = &l->docs[i];
		cr_buf_printf(h->b, "<tr id=\"d%lld\"><td>d%lld</td><td>", (long long)d->id, (long long)d->id);
		cr_report_day(h->b, d->published);
		cr_buf_puts(h->b, d->inferred ? " (inferred)</td><td>" : "</td><td>");
		esc(h, d->outlet);
		cr_buf_puts(h->b, "</td><td>");
		const char *t = d->title ? d->title : d->url ? d->url : d->path ? d->path : "";
		if (is_web_url(d->url)) {
			cr_buf_puts(h->b, "<a class=\"ext\" rel=\"noreferrer\" href=\"");
			esc(h, d->url);
			cr_buf_puts(h->b, "\">");
			esc(h, t);
			cr_buf_puts(h->b, "</a>");
		} else {
			esc(h, t);
		}
		cr_buf_puts(h->b, "</td></tr>\n");
	}
	cr_buf_puts(h->b, "</table></div>\n</section>\n");
}

/* The footnotes, in the order they were first cited. */
static void notes(html *h)
{
	cr_buf_puts(h->b, "<section id=\"notes\">\n<h2>Notes</h2>\n<ol>\n");
	for (size_t i = 0; i < h->ncited; i++) {
		const cr_claim *c = &h->l->claims[h->cited[i]];
		const cr_docinfo *d = &h->l->docs[c->doc];
		cr_buf_printf(h->b, "<li id=\"n%zu\">“", i + 1);
		cr_escape_html(h->b, d->text + c->start, c->end - c->start);
		cr_buf_puts(h->b, "” — ");
		doc_source(h, c->doc);
		cr_buf_printf(h->b, " <span class=\"src\">(c%zu, bytes %u–%u", h->cited[i] + 1, c->start, c->end);
		if (is_web_url(d->url)) {
			cr_buf_puts(h->b, ", <a class=\"ext\" rel=\"noreferrer\" href=\"");
			esc(h, d->url);
			cr_buf_puts(h->b, "\">the article</a>");
		}
		cr_buf_puts(h->b, ")</span></li>\n");
	}
	cr_buf_puts(h->b, "</ol>\n</section>\n");
}

/* The entities with a section: those that go by name, or the main ones. */
static size_t choose(const cr_ledger *l, const char *name, bool *chosen)
{
	size_t n = 0;
	if (name) {
		for (size_t i = 0; i < l->nentities; i++) {
			const cr_gentity *e = &l->entities[i];
			chosen[i] = same_name(e->name, name);
			for (size_t k = 0; k < e->naliases && !chosen[i]; k++)
				chosen[i] = same_name(e->aliases[k], name);
			n += chosen[i];
		}
		return n;
	}
	/* claims are in document order: a subject's documents are counted as they change */
	size_t *last = cr_xcalloc(l->nentities + 1, sizeof *last), *docs = cr_xcalloc(l->nentities + 1, sizeof *docs);
	for (size_t i = 0; i < l->nclaims; i++) {
		const cr_claim *c = &l->claims[i];
		if (c->subject_kind != CR_SUBJ_ENTITY || (docs[c->subject] && last[c->subject] == c->doc))
			continue;
		docs[c->subject]++;
		last[c->subject] = c->doc;
	}
	for (size_t i = 0; i < l->nentities; i++) {
		uint8_t t = l->entities[i].type;
		chosen[i] = docs[i] >= 2 && (t == CR_E_PERSON || t == CR_E_ORG);
		n += chosen[i];
	}
	free(last);
	free(docs);
	return n;
}

int cr_report_html(cr_buf *out, const cr_ledger *l, const char *entity)
{
	html h = {out, l, NULL, NULL, 0, NULL, NULL, NULL};
	h.chosen = cr_xcalloc(l->nentities + 1, sizeof *h.chosen);
	size_t n = choose(l, entity, h.chosen);
	if (entity && !n) {
		free(h.chosen);
		return -1;
	}
	h.note = cr_xcalloc(l->nclaims + 1, sizeof *h.note);
	h.cited = cr_xcalloc(l->nclaims + 1, sizeof *h.cited);
	h.linked = cr_xcalloc(l->nevents + 1, sizeof *h.linked);
	h.mine = cr_xcalloc(l->nevents + 1, sizeof *h.mine);
	for (size_t e = 0; e < l->nentities; e++) {
		if (!h.chosen[e])
			continue;
		mark_events(l, e, h.mine);
		for (size_t v = 0; v < l->nevents; v++)
			h.linked[v] |= h.mine[v];
	}
	cr_buf title = {0};
	cr_buf_puts(&title, "Dossier");
	for (size_t e = 0, k = 0; entity && e < l->nentities; e++)
		if (h.chosen[e])
			cr_buf_printf(&title, "%s%s", k++ ? ", " : ": ", l->entities[e].name);
	head(&h, title.data);
	conflicts(&h, !entity);
	if (!n)
		cr_buf_puts(out, "<p>No person or organisation is the subject of claims from two documents.</p>\n");
	for (size_t e = 0; e < l->nentities; e++)
		if (h.chosen[e])
			entity_section(&h, e);
	documents(&h);
	notes(&h);
	cr_buf_puts(out, "</main>\n<footer><p class=\"src\">corrob " CORROB_VERSION
	                 ": every fact cites the sentence that states it.</p></footer>\n</body>\n</html>\n");
	cr_buf_free(&title);
	free(h.chosen);
	free(h.note);
	free(h.cited);
	free(h.linked);
	free(h.mine);
	return 0;
}
