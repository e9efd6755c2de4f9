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
 *             with their quotes;
 *             and the claims as one table for spreadsheets (CSV);
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
void cr_report_csv(cr_buf *out, const cr_ledger *l);
/* One document's analysis as one compact JSON object (no newline). */
void cr_report_analysis_json(cr_buf *out, const cr_document *d, const cr_analysis *a);
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

#endif
