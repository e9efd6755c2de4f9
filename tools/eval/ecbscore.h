/*
 * ecbscore.h: ECB+ topics converted, run through corrob and scored
 * (tools/ecbplus.c is the command; docs/ecbplus.md the mapping).
 */
#ifndef CR_EVAL_ECBSCORE_H
#define CR_EVAL_ECBSCORE_H

#include "eval/cat.h"

typedef struct ecb_options {
	const char *topics;      /* "1,3,20" or NULL */
	const char *split;       /* "dev", "train" or "all" */
	const char *corrob;      /* the corrob binary */
	const char *sentences;   /* the coreference sentences CSV, or NULL for the default */
	const char *lemmas;      /* a CoNLL-U file for the baseline's lemmas, or NULL for the default */
	const char *work;        /* folder for converted text, stores and reports, or NULL for a temporary one */
	bool keep;               /* keep a temporary work folder */
} ecb_options;

typedef struct ecb_topic {
	int topic;
	cat_doc *docs;           /* in file-name order */
	size_t ndocs;
} ecb_topic;

/* Reads every <topic>_*.xml of src/<topic>/. 0, or -1 with a message. */
int ecb_topic_read(ecb_topic *t, const char *src, int topic, char *err, size_t errlen);
void ecb_topic_free(ecb_topic *t);

/* The topic folders of src that the options select, ascending. */
int ecb_list_topics(const char *src, const ecb_options *o, int *topics, size_t *n, char *err, size_t errlen);

/* Writes outdir/<topic>/<name>.txt for each document of a topic. */
int ecb_convert_topic(const char *src, const char *outdir, int topic, char *err, size_t errlen);

/* The whole run: convert, analyse, score; prints the BENCH line. */
int ecb_score(const char *src, const ecb_options *o);

#endif
