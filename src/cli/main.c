/* main.c: global options and subcommand dispatch. */
#include "cli/cli.h"
#include "report/report.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
	"usage: corrob [--db FILE] [-q] COMMAND [ARGS...]\n"
	"\n"
	"Reads news articles about the same people and events and builds a claim\n"
	"ledger: facts with their evidence, who says them and how firmly, what several\n"
	"sources confirm and where they contradict each other.\n"
	"\n"
	"commands:\n"
	"  run PATH...        ingest PATHs, run every stage, write the report; -j N:\n"
	"                     the documents analysed on N threads (default: every core)\n"
	"  ingest PATH...     store articles (files, folders, - for stdin; text, JSONL, HTML, WARC, feeds)\n"
	"  docs               list stored documents\n"
	"  show DOC           print one document's clean text and metadata\n"
	"  search QUERY       ranked sentences matching QUERY (full-text)\n"
	"  report             write the report of the last analysis (--format md|json|csv|html)\n"
	"  claims             list claims (--doc D, --predicate P, --entity NAME; --predicates)\n"
	"  entities           list entities: mentions, aliases, documents (--doc D)\n"
	"  events             list events: type, date, label, place, documents\n"
	"  findings           list findings: corroborated, conflicts, ... (--kind K)\n"
	"  extract [PATH...]  the per-document stages as a stream filter: articles in\n"
	"                     (stdin by default), one JSON line of claims per article out;\n"
	"                     no store; -j N: on N threads (default: every core)\n"
	"\n"
	"options:\n"
	"  --db FILE          the store (default ./corrob.db)\n"
	"  -q, --quiet        no progress messages\n"
	"  -h, --help         this help; COMMAND --help for a command's\n"
	"  --version          print the version\n"
	"\n"
	"exit status: 0 all well; 1 some inputs failed (the rest were stored) or an\n"
	"operation failed; 2 usage error.\n";

static const struct {
	const char *name;
	cmd_fn fn;
} commands[] = {
	{"run", cmd_run},       {"ingest", cmd_ingest},   {"docs", cmd_docs},
	{"show", cmd_show},     {"search", cmd_search},   {"report", cmd_report},
	{"claims", cmd_claims}, {"entities", cmd_entities}, {"extract", cmd_extract},
	{"events", cmd_events}, {"findings", cmd_findings},
};

/* Writes "corrob: MESSAGE" to stderr, file names and quoted text in it
 * with their control characters escaped. */
static void say(const char *msg)
{
	cr_buf b = {0};
	cr_buf_puts(&b, "corrob: ");
	cr_escape_term(&b, msg, strlen(msg), false);
	cr_buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	cr_buf_free(&b);
}

void cli_error(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	say(msg);
}

void cli_diag_emit(void *ud, int severity, const char *file, const char *where, const char *msg)
{
	const cli_opts *o = ud;
	if (severity == CR_DIAG_NOTE && o && o->quiet)
		return;
	static const char *const names[] = {[CR_DIAG_WARNING] = "warning", [CR_DIAG_ERROR] = "error",
	                                    [CR_DIAG_NOTE] = "note"};
	cli_error("%s%s%s: %s: %s", file ? file : "-", where ? ":" : "", where ? where : "", names[severity], msg);
}

/* Text to stdout, control characters escaped (keep_lines: not line breaks
 * and tabs). */
void cli_print(const char *s, bool keep_lines)
{
	if (!s)
		return;
	cr_buf b = {0};
	cr_escape_term(&b, s, strlen(s), keep_lines);
	fwrite(b.data ? b.data : "", 1, b.len, stdout);
	cr_buf_free(&b);
}

/* The errno of the first failed write to stdout (a later call may change errno). */
static int stdout_errno;

int cli_stdout_check(void)
{
	if (!ferror(stdout))
		return 0;
	if (!stdout_errno)
		stdout_errno = errno ? errno : EIO;
	return 1;
}

/* Whatever went to stdout reached it: 0, or -1 with the reason said. */
static int close_stdout(void)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	int e = stdout_errno ? stdout_errno : errno ? errno : EIO;
	cli_error("cannot write the output: %s", strerror(e));
	return -1;
}

bool cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	}
	return false;
}

bool cli_take_flag(int *argc, char **argv, const char *flag)
{
	bool found = false;
	int k = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			/* operands from here on: kept as they are */
			while (i < *argc)
				argv[k++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], flag) == 0)
			found = true;
		else
			argv[k++] = argv[i];
	}
	*argc = k;
	argv[k] = NULL;
	return found;
}

int cli_parse_args(const char *cmd, const char *usage_text, int argc, char **argv, const cli_opt *opts, size_t nopts,
                   char **operands, int *noperands, int max_operands)
{
	if (cli_wants_help(argc, argv)) {
		fputs(usage_text, stdout);
		return 1;
	}
	*noperands = 0;
	bool only_operands = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_operands || a[0] != '-' || !a[1]) {
			if (max_operands >= 0 && *noperands >= max_operands) {
				cli_error("%s: unexpected argument '%s'", cmd, a);
				goto usage;
			}
			operands[(*noperands)++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_operands = true;
			continue;
		}
		size_t k = 0, l = 0;
		for (; k < nopts; k++) {
			l = strlen(opts[k].name);
			/* a short option takes its value glued on too: -j4 */
			bool short_opt = l == 2 && opts[k].name[1] != '-';
			if (strncmp(a, opts[k].name, l) == 0 && (a[l] == 0 || a[l] == '=' || short_opt))
				break;
		}
		if (k == nopts) {
			cli_error("%s: unknown option '%s'", cmd, a);
			goto usage;
		}
		if (a[l] == '=') {
			*opts[k].value = a + l + 1;
		} else if (a[l]) {
			*opts[k].value = a + l;
		} else if (i + 1 < argc) {
			*opts[k].value = argv[++i];
		} else {
			cli_error("%s: option '%s' needs a value", cmd, a);
			goto usage;
		}
	}
	return 0;
usage:
	fputs(usage_text, stderr);
	return -1;
}

cr_db *cli_open_db(const cli_opts *o, bool readonly)
{
	cr_db *db;
	char err[1024];
	struct stat sb;
	if (readonly && stat(o->db_path, &sb) != 0) {
		if (errno == ENOENT)
			cli_error("%s: no such database; run 'corrob ingest' or 'corrob run' first", o->db_path);
		else
			cli_error("%s: %s", o->db_path, strerror(errno));
		return NULL;
	}
	if (cr_db_open(&db, o->db_path, readonly, err, sizeof err) < 0) {
		cli_error("%s", err);
		return NULL;
	}
	return db;
}

/* jansson's allocations follow the one out-of-memory policy: a failed one
 * ends the run (cr_oom) instead of leaving a key out of a report. */
static void *json_alloc(size_t n)
{
	return cr_xmalloc(n);
}

int main(int argc, char **argv)
{
	json_set_alloc_funcs(json_alloc, free);
	/* jansson seeds its hash function on first use; seeded here, before any
	 * worker thread starts, no two threads race to do it */
	json_object_seed(0);
	cli_opts o = {.db_path = "corrob.db", .color = isatty(1)};
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		if ((strcmp(a, "--db") == 0 && i + 1 < argc) || strncmp(a, "--db=", 5) == 0) {
			o.db_path = a[4] == '=' ? a + 5 : argv[++i];
			if (!*o.db_path || strcmp(o.db_path, ":memory:") == 0) {
				cli_error("--db wants a file to keep the store in, not '%s'", o.db_path);
				return EXIT_USAGE;
			}
		} else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o.quiet = true;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage, stdout);
			return EXIT_OK;
		} else if (strcmp(a, "--version") == 0) {
			puts("corrob " CORROB_VERSION);
			return EXIT_OK;
		} else {
			cli_error("unknown option %s (see corrob --help)", a);
			return EXIT_USAGE;
		}
	}
	if (i == argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	for (size_t c = 0; c < CR_ARRAY_LEN(commands); c++)
		if (strcmp(argv[i], commands[c].name) == 0) {
			int rc = commands[c].fn(&o, argc - i, argv + i);
			if (close_stdout() < 0 && rc == EXIT_OK)
				rc = EXIT_PARTIAL;
			return rc;
		}
	cli_error("unknown command '%s' (see corrob --help)", argv[i]);
	return EXIT_USAGE;
}
