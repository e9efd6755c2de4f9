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
 *     char *json, err[256];
 *     if (corrob_extract(&json, x, text, len, err, sizeof err) == 0) {
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

/*
 * Reads one article as plain text (optional header lines: "date 2022-03-25",
 * "title: ...", "url: ...", "outlet: ...") and writes its analysis to *json,
 * NUL-terminated; the caller frees it with free(). Returns 0, or -1 with
 * *json NULL and a one-line message in err (empty, binary or oversized input).
 */
CORROB_API int corrob_extract(char **json, const corrob_extractor *x, const char *text, size_t len, char *err,
                              size_t errlen);

#ifdef __cplusplus
}
#endif

#endif
