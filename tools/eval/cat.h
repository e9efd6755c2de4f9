/*
 * cat.h: ECB+ documents in CAT XML (Cybulska & Vossen 2014), read with
 * libxml2, and their text re-joined from tokens.
 *
 * A CAT file holds tokens (t_id, sentence, number, word; no offsets and no
 * original whitespace), markables (mentions anchored to tokens, tagged
 * ACTION_*, NEG_ACTION_*, TIME_*, LOC_*, HUMAN_PART_*, NON_HUMAN_PART*; and
 * anchor-less instance descriptors) and relations: CROSS_DOC_COREF (sources
 * point at a descriptor; the relation's note is the cross-document instance
 * id) and INTRA_DOC_COREF (a chain within the document).
 *
 * Text: each sentence on a line of its own. Sentence 0 of an *ecbplus.xml
 * file is its source URL, tokenized ("http : / / www . bbc ..."): it becomes
 * a "url:" header line and none of its tokens gets a place in the text.
 * Tokens are joined by one space except where punctuation attaches: closing
 * marks and clitics ("'s", "n't") to the word before, opening marks and "$"
 * to the word after, and, in the ECB+ part whose tokenizer split at every
 * symbol, the pieces of one written form ("2 . 5", "50 , 000", "7 : 15",
 * "hit - and - run", "05 / 02 / 2013", "Lohan ’ s"). Each token keeps the
 * byte range of its word in the text, so a span of the text maps back to the
 * tokens it covers.
 */
#ifndef CR_EVAL_CAT_H
#define CR_EVAL_CAT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define CAT_NO_OFFSET UINT32_MAX

typedef struct cat_token {
	int id;               /* t_id */
	int sentence;
	char *word;           /* as in the file (UTF-8) */
	uint32_t start, end;  /* bytes of the word in the text; CAT_NO_OFFSET for a URL token */
} cat_token;

typedef struct cat_markable {
	int id;               /* m_id */
	char *tag;            /* "ACTION_OCCURRENCE", "HUMAN_PART_PER", ... */
	int *tokens;          /* indexes into the document's tokens, ascending */
	size_t ntokens;       /* 0 for an instance descriptor */
	char *cluster;        /* gold cluster: the cross-document instance id, or
	                         "<doc>#<descriptor m_id>" for a chain within the
	                         document, or NULL for a singleton */
} cat_markable;

typedef struct cat_doc {
	char *name;           /* file name without ".xml": "20_1ecbplus" */
	int topic;            /* from the name: 20 */
	bool plus;            /* an *ecbplus.xml file */
	cat_token *tokens;
	size_t ntokens;
	cat_markable *marks;
	size_t nmarks;
	char *url;            /* sentence 0 of an ecbplus file, joined, or NULL */
	char *text;           /* the sentences, one a line, NUL-terminated */
	size_t len;
} cat_doc;

/* Reads one CAT XML file. 0 on success; -1 with a message in err. */
int cat_read(cat_doc *out, const char *path, char *err, size_t errlen);
void cat_free(cat_doc *d);

/* The corrob input for a document: a "url:" header line when it has one, a
 * blank line, then its text; the caller frees it. *body gets the offset of
 * the text in it (add it to token offsets). */
char *cat_corrob_input(const cat_doc *d, size_t *len, size_t *body);

/* The token index of t_id, or -1. */
int cat_token_index(const cat_doc *d, int t_id);

#endif
