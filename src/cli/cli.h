/*
 * cli.h: the corrob command line. main.c parses the global options and hands
 * the rest to one subcommand; each lives in its own cmd_*.c. Only this
 * folder wires the pipeline's stages together.
 *
 * Exit codes: 0 all well; 1 some inputs failed (the rest were stored) or
 * the operation failed; 2 usage error.
 */
#ifndef CR_CLI_H
#define CR_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "ingest/document.h"
#include "store/db.h"

enum { EXIT_OK = 0, EXIT_PARTIAL = 1, EXIT_USAGE = 2 };

typedef struct cli_opts {
	const char *db_path;
	bool quiet;
	bool color;
} cli_opts;

typedef int (*cmd_fn)(const cli_opts *o, int argc, char **argv);

int cmd_ingest(const cli_opts *o, int argc, char **argv);
int cmd_docs(const cli_opts *o, int argc, char **argv);
int cmd_show(const cli_opts *o, int argc, char **argv);
int cmd_search(const cli_opts *o, int argc, char **argv);
int cmd_run(const cli_opts *o, int argc, char **argv);
int cmd_report(const cli_opts *o, int argc, char **argv);
int cmd_claims(const cli_opts *o, int argc, char **argv);
int cmd_entities(const cli_opts *o, int argc, char **argv);
int cmd_events(const cli_opts *o, int argc, char **argv);
int cmd_findings(const cli_opts *o, int argc, char **argv);

/* Messages: "corrob: FILE:WHERE: warning: ..." on stderr (ud: the
 * cli_opts, whose quiet leaves notes out). */
void cli_diag_emit(void *ud, int severity, const char *file, const char *where, const char *msg);
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Article text to stdout with its control characters escaped (with
 * keep_lines, line breaks and tabs kept), so it cannot drive the terminal. */
void cli_print(const char *s, bool keep_lines);
/* 0 while stdout is fine; 1 once a write to it failed (the reason kept for
 * the message main prints at the end): a listing stops on 1. */
int cli_stdout_check(void);
/* Writes data to path ("-": stdout) whole or not at all (output.c); a
 * FIFO or a device is written into, never replaced. 0, or -1 with the
 * reason said. */
int cli_write_out(const char *path, const char *data, size_t len);
/* Opens the store named by the options, printing the error. */
cr_db *cli_open_db(const cli_opts *o, bool readonly);
/* True when argv[i] is -h or --help. */
bool cli_wants_help(int argc, char **argv);

/* An option taking a value: "--name VALUE" or "--name=VALUE". */
typedef struct cli_opt {
	const char *name;    /* "--format" */
	const char **value;  /* set to the value given; left alone otherwise */
} cli_opt;

/*
 * The arguments of subcommand cmd: the options in opts, "--" ending them,
 * the rest operands, stored in order into operands (room for argc
 * entries) and counted in *noperands; at most max_operands of them
 * (-1: any number). -h/--help prints usage_text on stdout and returns 1; an
 * unknown option, a missing value or too many operands prints the problem
 * and usage_text on stderr and returns -1; else 0.
 */
int cli_parse_args(const char *cmd, const char *usage_text, int argc, char **argv, const cli_opt *opts, size_t nopts,
                   char **operands, int *noperands, int max_operands);
/* Removes every flag (an option without a value, "--predicates") from
 * argv before a "--", and says whether there was one: call it before
 * cli_parse_args. */
bool cli_take_flag(int *argc, char **argv, const char *flag);
/* cli_parse_args's result as the subcommand's exit status, for 1 and -1. */
#define CLI_ARGS_EXIT(rc) ((rc) > 0 ? EXIT_OK : EXIT_USAGE)

/* Ingest: the inputs named by paths (files, folders, "-"), stored in batches.
 * Returns the number of inputs that failed; st counts documents. */
typedef struct ingest_stats {
	size_t stored, duplicates, failed, skipped;
} ingest_stats;
int cli_ingest_paths(cr_db *db, char **paths, int npaths, const char *format, const cli_opts *o,
                     ingest_stats *st);

/* The same readers with no store: each document is handed to sink (which
 * must not keep it). Returns the number of inputs that failed. */
int cli_read_paths(char **paths, int npaths, const char *format, const cli_opts *o, ingest_stats *st,
                   cr_doc_cb sink, void *ud);
int cmd_extract(const cli_opts *o, int argc, char **argv);
/* True for a --format the readers know ("auto", "text", ...). */
bool cli_known_format(const char *format);

#endif
