/*
 * ecbplus: ECB+ (Cybulska & Vossen 2014) as corrob input, and corrob's
 * cross-document coreference scored against it.
 *
 *   ecbplus convert ECB+DIR OUTDIR [--topics 1,3,20]
 *       writes OUTDIR/<topic>/<file>.txt for every <topic>/<file>.xml: the
 *       text re-joined from the tokens (tools/eval/cat.h), the URL of
 *       sentence 0 as a "url:" header. File names are kept, so document
 *       paths and gold ids stay stable.
 *
 *   ecbplus score ECB+DIR [--corrob BIN] [--sentences CSV] [--topics LIST]
 *                 [--work DIR] [--split dev|train|all]
 *       converts, runs `corrob run` on each topic (the documents of both
 *       sub-clusters together, as a user would give them), maps corrob's
 *       entity and event mentions onto the ECB+ tokens and scores them with
 *       MUC, B-cubed, CEAF-e and their mean, the CoNLL F1 (tools/eval/coref.h),
 *       beside the same-head-lemma baseline over the same mentions. Prints one
 *       line "BENCH ecbplus-<split> ...". docs/ecbplus.md describes the mapping.
 */
#include "eval/cat.h"
#include "eval/ecbscore.h"
#include "util/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: ecbplus convert ECB+DIR OUTDIR [--topics LIST]\n"
	"       ecbplus score ECB+DIR [--corrob BIN] [--sentences CSV] [--topics LIST] [--work DIR]\n"
	"                     [--split dev|train|all] [--lemmas CONLLU] [--keep]\n"
	"\n"
	"convert  writes OUTDIR/<topic>/<file>.txt, corrob input re-joined from the CAT tokens\n"
	"score    converts, runs corrob on each topic and scores its cross-document coreference\n"
	"         (MUC, B3, CEAF-e, CoNLL F1) beside the same-head-lemma baseline\n"
	"\n"
	"LIST is topics by number (1,3,20). --split picks the common split's topics\n"
	"(dev: 2 5 12 18 21 23 34 35; train: the other topics up to 35; all: every\n"
	"topic folder, the default). --sentences defaults to\n"
	"ECB+DIR/../ECBplus_coreference_sentences.csv; without it every sentence counts.\n"
	"--lemmas (the baseline's lemmas) to ECB+DIR/../../ud-ewt/en_ewt-ud-train.conllu.\n"
	"--work keeps the converted text, the stores and the JSON reports (json/<topic>.json).\n";

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	ecb_options o = {0};
	o.split = "all";
	o.corrob = "build/corrob";
	const char *pos[2] = {NULL, NULL};
	int npos = 0;
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		if (strcmp(a, "--topics") == 0)
			slot = &o.topics;
		else if (strcmp(a, "--corrob") == 0)
			slot = &o.corrob;
		else if (strcmp(a, "--sentences") == 0)
			slot = &o.sentences;
		else if (strcmp(a, "--work") == 0)
			slot = &o.work;
		else if (strcmp(a, "--lemmas") == 0)
			slot = &o.lemmas;
		else if (strcmp(a, "--split") == 0)
			slot = &o.split;
		else if (strcmp(a, "--keep") == 0) {
			o.keep = true;
			continue;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "ecbplus: unknown option %s\n%s", a, usage);
			return 2;
		} else if (npos < 2) {
			pos[npos++] = a;
			continue;
		} else {
			fprintf(stderr, "ecbplus: too many arguments\n%s", usage);
			return 2;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "ecbplus: %s needs a value\n", a);
			return 2;
		}
		*slot = argv[++i];
	}
	if (strcmp(o.split, "all") != 0 && strcmp(o.split, "dev") != 0 && strcmp(o.split, "train") != 0) {
		fprintf(stderr, "ecbplus: --split is dev, train or all, not %s\n", o.split);
		return 2;
	}
	char err[1024];
	int topics[128];
	size_t ntopics;
	if (strcmp(argv[1], "convert") == 0) {
		if (npos != 2) {
			fputs(usage, stderr);
			return 2;
		}
		if (ecb_list_topics(pos[0], &o, topics, &ntopics, err, sizeof err) < 0) {
			fprintf(stderr, "ecbplus: %s\n", err);
			return 1;
		}
		for (size_t i = 0; i < ntopics; i++)
			if (ecb_convert_topic(pos[0], pos[1], topics[i], err, sizeof err) < 0) {
				fprintf(stderr, "ecbplus: %s\n", err);
				return 1;
			}
		return 0;
	}
	if (strcmp(argv[1], "score") == 0) {
		if (npos != 1) {
			fputs(usage, stderr);
			return 2;
		}
		return ecb_score(pos[0], &o) < 0 ? 1 : 0;
	}
	fprintf(stderr, "ecbplus: unknown command %s\n%s", argv[1], usage);
	return 2;
}
