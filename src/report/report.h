/*
 * report.h: the ledger rendered for people and programs.
 *
 * json.c      the report other programs read (docs/report-schema.json,
 *             ../shared/CONTRACT.md): stable names, deterministic order;
 * analysis_json.c  one document's analysis, what `corrob extract` writes;
 * json_parts.c     what those two share: values, dates, references and
 *             the one claim writer;
 * markdown.c  a dossier for a reader: documents, findings (conflicts
 *             first), entities with aliases, a timeline of events, claims
 *             with their quotes; and the summary for the terminal;
 * csv.c       the claims, or the findings, as one table for spreadsheets;
 * html.c      the dossier as one self-contained HTML page: conflicts first,
 *             then each main entity's profile, accusations, timeline (inline
 *             SVG) and source matrix, every fact footnoted with its quote;
 * escape.c    what each format does with the articles' text (control
 *             characters, markup, spreadsheet formulas).
 * Writers append to a cr_buf; nothing here touches the store or the server.
 */
#ifndef CR_REPORT_H
#define CR_REPORT_H

#include "ingest/document.h"
#include "resolve/resolve.h"

#define CR_REPORT_SCHEMA_VERSION 1

void cr_report_json(cr_buf *out, const cr_ledger *l);
void cr_report_markdown(cr_buf *out, const cr_ledger *l);
/* The claims as CSV, one row each: id, document, subject, predicate,
 * value (text, low, high, time), modality, source, attribution, evidence
 * offsets and quote. */
void cr_report_csv(cr_buf *out, const cr_ledger *l);
/* The findings as CSV, one row each: id, kind, subject (id and name),
 * predicate, claims and documents (ids separated by spaces), outlets,
 * originators and explanation. */
void cr_report_findings_csv(cr_buf *out, const cr_ledger *l);
/* The HTML dossier: of the main entities (people and organisations that
 * claims of two or more documents are about), or, when entity is not NULL,
 * of those that go by that name or alias (ASCII case ignored). -1, with
 * nothing written, when no entity goes by it; 0 otherwise. */
int cr_report_html(cr_buf *out, const cr_ledger *l, const char *entity);
/* One document's analysis as one compact JSON object (no newline). */
void cr_report_analysis_json(cr_buf *out, const cr_document *d, const cr_analysis *a);
/* A day interval at the precision it has: "2022-03-09", "2022-03", "2014",
 * "2016-09 – 2016-12", "2015 – 2016", else its two days; "undated". */
void cr_report_day(cr_buf *out, cr_dayrange r);
/* The dated events (of those with keep[i], all when keep is NULL) in date
 * order: by their earliest day, then the narrower first, then by index.
 * order holds l->nevents; returns how many it got. */
size_t cr_report_timeline(const cr_ledger *l, const bool *keep, size_t *order);
static inline const char *cr_subject_name(const cr_ledger *l, uint8_t kind, int s)
{
	return kind == CR_SUBJ_EVENT ? l->events[s].label : l->entities[s].name;
}
/* A few lines for the terminal: counts and the conflicts. */
void cr_report_summary(cr_buf *out, const cr_ledger *l);

/* Text for a terminal: control characters as visible escapes (\x1B,
 * \u202E); with keep_lines, line breaks and tabs kept as they are. */
void cr_escape_term(cr_buf *out, const char *s, size_t n, bool keep_lines);
/* Text for Markdown: those escapes, a line break as a space, markup
 * characters behind a backslash. */
void cr_escape_markdown(cr_buf *out, const char *s, size_t n);
/* One CSV cell: quoted, a formula neutralised by a leading apostrophe. */
void cr_escape_csv(cr_buf *out, const char *s, size_t n);
/* Text for HTML, in an element or a quoted attribute: & < > " ' as
 * character references, control characters as for a terminal (line breaks
 * and tabs kept). */
void cr_escape_html(cr_buf *out, const char *s, size_t n);

#endif
