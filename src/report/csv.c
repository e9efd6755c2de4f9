/*
 * csv.c: the ledger as tables for spreadsheets — one row a claim, or one
 * row a finding — in RFC 4180's form (a header row, every text cell
 * quoted, a quote inside doubled; a line break inside a quoted cell is
 * part of it). Every cell of article text goes through cr_escape_csv
 * (escape.c), which opens one a spreadsheet would run as a formula (= + -
 * @, a tab, a carriage return) with an apostrophe; ids, numbers, dates
 * and predicate names are the program's own.
 */
#include "report/report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void cell(cr_buf *b, const char *s)
{
	cr_escape_csv(b, s ? s : "", s ? strlen(s) : 0);
}

void cr_report_csv(cr_buf *b, const cr_ledger *l)
{
	cr_buf_puts(b, "claim,document,subject,predicate,value,low,high,time_earliest,time_latest,modality,source,"
	               "attribution,start,end,quote\n");
	for (size_t i = 0; i < l->nclaims; i++) {
		const cr_claim *c = &l->claims[i];
		const cr_docinfo *d = &l->docs[c->doc];
		const char *sn = cr_subject_name(l, c->subject_kind, c->subject);
		cr_buf_printf(b, "c%zu,d%lld,", i + 1, (long long)d->id);
		cell(b, sn);
		cr_buf_printf(b, ",%s,", c->predicate);
		cell(b, c->value_text);
		cr_buf_putc(b, ',');
		if (c->has_number && c->has_low && isfinite(c->low))
			cr_buf_printf(b, "%.15g", c->low);
		cr_buf_putc(b, ',');
		if (c->has_number && c->has_high && isfinite(c->high))
			cr_buf_printf(b, "%.15g", c->high);
		char e[11] = "", la[11] = "";
		if (cr_range_known(c->value_time)) {
			cr_day_format(c->value_time.earliest, e);
			cr_day_format(c->value_time.latest, la);
		}
		cr_buf_printf(b, ",%s,%s,%s,", e, la, cr_modality_names[c->modality]);
		const char *src = c->source >= 0 ? l->entities[c->source].name : "";
		cell(b, src);
		cr_buf_putc(b, ',');
		cell(b, c->attribution);
		cr_buf_printf(b, ",%u,%u,", c->start, c->end);
		cr_escape_csv(b, d->text + c->start, c->end - c->start);
		cr_buf_putc(b, '\n');
	}
}

void cr_report_findings_csv(cr_buf *b, const cr_ledger *l)
{
	cr_buf_puts(b, "finding,kind,subject,subject_name,predicate,claims,documents,outlets,originators,explanation\n");
	bool *seen = cr_xcalloc(l->ndocs ? l->ndocs : 1, sizeof *seen);
	for (size_t i = 0; i < l->nfindings; i++) {
		const cr_finding *f = &l->findings[i];
		cr_buf_printf(b, "f%zu,%s,%c%d,", i + 1, cr_finding_kind_names[f->kind],
		              f->subject_kind == CR_SUBJ_EVENT ? 'v' : 'e', f->subject + 1);
		cell(b, cr_subject_name(l, f->subject_kind, f->subject));
		cr_buf_printf(b, ",%s,", f->predicate);
		/* the claims, then their documents, each list one cell of ids */
		for (size_t k = 0; k < f->nclaims; k++)
			cr_buf_printf(b, "%sc%zu", k ? " " : "", f->claims[k] + 1);
		cr_buf_putc(b, ',');
		memset(seen, 0, (l->ndocs ? l->ndocs : 1) * sizeof *seen);
		for (size_t k = 0, n = 0; k < f->nclaims; k++) {
			size_t d = l->claims[f->claims[k]].doc;
			if (!seen[d])
				cr_buf_printf(b, "%sd%lld", n++ ? " " : "", (long long)l->docs[d].id);
			seen[d] = true;
		}
		cr_buf_printf(b, ",%zu,%zu,", f->outlets, f->originators);
		cell(b, f->explanation);
		cr_buf_putc(b, '\n');
	}
	free(seen);
}
