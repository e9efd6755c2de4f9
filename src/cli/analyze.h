/* analyze.h: the stages after ingest, over the store (analyze.c). */
#ifndef CR_CLI_ANALYZE_H
#define CR_CLI_ANALYZE_H

#include "cli/cli.h"
#include "resolve/resolve.h"

/* Every stored document, its analysis and the resolved ledger. */
typedef struct cli_corpus {
	cr_docinfo *docs;
	cr_analysis *an;
	size_t n;
	cr_ledger ledger;
} cli_corpus;

/* Analyzes and resolves the whole store into *c, the documents analysed on
 * nthreads threads (1: one at a time; the result is the same); with store,
 * writes the results back (one transaction). Free with cli_corpus_free.
 * 0 or -1. */
int cli_build_ledger(cr_db *db, cli_corpus *c, bool store, int nthreads);
void cli_corpus_free(cli_corpus *c);

#endif
