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

/* Analyzes and resolves the whole store into *c; with store, writes the
 * results back (one transaction). Free with cli_corpus_free. 0 or -1. */
int cli_build_ledger(cr_db *db, cli_corpus *c, bool store);
void cli_corpus_free(cli_corpus *c);

#endif
