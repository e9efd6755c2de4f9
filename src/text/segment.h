/*
 * segment.h: paragraphs, sentences and tokens of a document's clean text.
 *
 * Every span is a byte range [start, end) into the text that was segmented;
 * nothing is copied. Paragraphs hold sentences, sentences hold tokens, and
 * every token belongs to exactly one sentence. The rules and their limits are
 * described at the top of segment.c.
 */
#ifndef CR_TEXT_SEGMENT_H
#define CR_TEXT_SEGMENT_H

#include "util/util.h"

typedef enum cr_tok_kind { CR_TOK_WORD, CR_TOK_NUMBER, CR_TOK_PUNCT, CR_TOK_SYMBOL } cr_tok_kind;

/* Words keep internal hyphens and apostrophes ("O'Brien"); a possessive 's / ’s
   and the clitics 're 've 'll 'm 'd n't are WORD tokens of their own (CoNLL);
   abbreviations ("Mr.", "U.S.", initials "J.") keep their period; URLs and
   e-mail addresses are one WORD token; numbers keep their separators ("1,640",
   "2.5", "10:30", "5th", "1.13bn"); "..." and ". . ." are one PUNCT token;
   every other punctuation or symbol character is a token of its own. */
typedef struct cr_token {
	uint32_t start, end;
	uint8_t kind;                     /* cr_tok_kind */
} cr_token;

typedef struct cr_sentence {
	uint32_t start, end;              /* byte range, trimmed of surrounding whitespace */
	uint32_t first_token, ntokens;    /* into cr_segmentation.tokens */
	uint32_t paragraph;               /* index into paragraphs */
} cr_sentence;

typedef struct cr_segmentation {
	cr_span *paragraphs; size_t nparagraphs;
	cr_sentence *sentences; size_t nsentences;
	cr_token *tokens; size_t ntokens;
	bool hard_wrapped;                /* the line-wrap rule chose "hard-wrapped" */
} cr_segmentation;

/*
 * Segments text (UTF-8, may contain U+FFFD or even invalid bytes; never reads
 * past len). Returns 0 on success, -1 when len does not fit 32-bit offsets
 * (out is then empty). The caller frees with cr_segmentation_free. Linear time.
 */
int cr_segment(cr_segmentation *out, const char *text, size_t len);
void cr_segmentation_free(cr_segmentation *s);

/* How single newlines are read. AUTO decides per document (see segment.c). */
typedef enum cr_wrap_mode {
	CR_WRAP_AUTO = 0,
	CR_WRAP_LINES,      /* a single newline ends a paragraph (one paragraph per line) */
	CR_WRAP_HARD        /* hard-wrapped text (PDF, Reuters): a single newline is a space */
} cr_wrap_mode;

typedef struct cr_segment_opts {
	cr_wrap_mode wrap;
} cr_segment_opts;

/* As cr_segment, with options (NULL means the defaults). */
int cr_segment_ex(cr_segmentation *out, const char *text, size_t len, const cr_segment_opts *opts);

#endif
