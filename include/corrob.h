/*
 * corrob.h: corrob as a library.
 *
 * The per-document stages (ingest, segment, recognize, extract) as one call:
 * an article in, its entities, events and claims out as a JSON object — the
 * same object `corrob extract` writes a line of (docs/report.md). The
 * extractor holds the built-in lexicons and the name model; make one, share it
 * between threads (it is read-only), free it at the end.
 *
 *     corrob_extractor *x = corrob_extractor_new();
 *     corrob_options opt = CORROB_OPTIONS_INIT;
 *     opt.published = "2022-03-25";
 *     opt.url = "https://www.bbc.co.uk/news/world-europe-60871489";
 *     char *json, err[256];
 *     if (corrob_extract(&json, x, text, len, &opt, err, sizeof err) == CORROB_OK) {
 *             puts(json);
 *             free(json);
 *     }
 *     corrob_extractor_free(x);
 *
 * Resolution across documents, the store and the reports are the corrob
 * program's (`corrob run`, `corrob report`).
 */
#ifndef CORROB_H
#define CORROB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* what the shared library exports (built with the rest hidden) */
#if defined(__GNUC__)
#define CORROB_API __attribute__((visibility("default")))
#else
#define CORROB_API
#endif

/* "corrob 0.1.0" */
CORROB_API const char *corrob_version(void);

typedef struct corrob_extractor corrob_extractor;

/* Loads the built-in lexicons and model. NULL when they cannot be loaded.
 * Free with corrob_extractor_free. */
CORROB_API corrob_extractor *corrob_extractor_new(void);
CORROB_API void corrob_extractor_free(corrob_extractor *x);

/* What corrob_extract returns; a message in err says more. */
typedef enum corrob_status {
	CORROB_OK = 0,
	CORROB_ERR_ARGUMENT = -1, /* no extractor, no text, or options of a version this library does not know */
	CORROB_ERR_OPTION = -2,   /* an option's value is not valid: a publication date that is not YYYY-MM-DD */
	CORROB_ERR_INPUT = -3,    /* the text is empty, binary or over the size limit (64 MiB) */
	CORROB_ERR_ANALYSIS = -4  /* the text could not be analysed */
} corrob_status;

/* "ok", "bad argument", ...: a constant string for any value. */
CORROB_API const char *corrob_status_name(corrob_status s);

/*
 * What is known of an article besides its text. Start from
 * CORROB_OPTIONS_INIT, which sets the version this header describes; a
 * library reads the fields of the versions it knows and refuses later ones.
 * Every field may be NULL.
 */
#define CORROB_OPTIONS_VERSION 1
typedef struct corrob_options {
	int version;           /* CORROB_OPTIONS_VERSION */
	const char *published; /* the publication day, "YYYY-MM-DD" (a time after it, "T12:00:00Z", is ignored) */
	const char *url;       /* where it was published; its site is the outlet when outlet is NULL */
	const char *outlet;    /* "BBC News" */
	const char *title;
} corrob_options;
#define CORROB_OPTIONS_INIT {CORROB_OPTIONS_VERSION, NULL, NULL, NULL, NULL}

/*
 * Analyses one article and writes its analysis to *json, NUL-terminated; the
 * caller frees it with free().
 *
 * With options, text is the article's body, taken whole, and its metadata
 * are the options'. With opt NULL, text is read as corrob reads a text file:
 * header lines at its top ("date 2022-03-25", "title: ...", "url: ...",
 * "outlet: ...") give the metadata.
 *
 * An article not in English (identified with libcld2) gets its language in
 * the result's document ("language": "ru") and no entities, events or
 * claims: those stages read English only. A text too short to tell is read
 * as English.
 *
 * Returns CORROB_OK, or another status with *json NULL and a one-line message
 * in err (when errlen > 0).
 */
CORROB_API corrob_status corrob_extract(char **json, const corrob_extractor *x, const char *text, size_t len,
                                        const corrob_options *opt, char *err, size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
