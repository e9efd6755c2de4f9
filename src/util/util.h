/*
 * util.h: the small pieces every stage uses — out-of-memory policy, growable
 * byte buffers, vectors, an arena, spans and the data files built into the
 * binary. Nothing here knows about the pipeline.
 *
 * Out of memory: cr_xmalloc and friends print a message and abort. Nothing in
 * corrob half-handles NULL from an allocator (one policy, as cmark and Redis).
 */
#ifndef CR_UTIL_H
#define CR_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

#include "cr_data_ids.h"

#define CR_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define CR_MIN(a, b) ((a) < (b) ? (a) : (b))
#define CR_MAX(a, b) ((a) > (b) ? (a) : (b))

/* A byte range [start, end) into a document's clean text. */
typedef struct cr_span {
	uint32_t start, end;
} cr_span;

void *cr_xmalloc(size_t n);
void *cr_xcalloc(size_t n, size_t size);
void *cr_xrealloc(void *p, size_t n);
/* Copies; the caller frees with free(). */
char *cr_xstrdup(const char *s);
char *cr_xstrndup(const char *s, size_t n);
_Noreturn void cr_oom(void);

/* A growable byte buffer, always NUL-terminated when len > 0 or after any append. */
typedef struct cr_buf {
	char *data;
	size_t len, cap;
} cr_buf;

void cr_buf_grow(cr_buf *b, size_t extra);
void cr_buf_append(cr_buf *b, const void *p, size_t n);
void cr_buf_puts(cr_buf *b, const char *s);
void cr_buf_putc(cr_buf *b, char c);
void cr_buf_printf(cr_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cr_buf_vprintf(cr_buf *b, const char *fmt, va_list ap);
void cr_buf_reset(cr_buf *b);
void cr_buf_free(cr_buf *b);
/* Hands the bytes to the caller (who frees them with free()) and resets b. */
char *cr_buf_detach(cr_buf *b);

/* Type-generic vector: declare `CR_VEC(int) v = {0};` */
#define CR_VEC(T) struct { T *items; size_t len, cap; }
#define cr_vec_push(v, x) do { \
		if ((v)->len == (v)->cap) { \
			(v)->cap = (v)->cap ? (v)->cap * 2 : 8; \
			(v)->items = cr_xrealloc((v)->items, (v)->cap * sizeof(*(v)->items)); \
		} \
		(v)->items[(v)->len++] = (x); \
	} while (0)
#define cr_vec_free(v) do { free((v)->items); (v)->items = NULL; (v)->len = (v)->cap = 0; } while (0)

/*
 * Arena: many small allocations freed in one call (one per document).
 * With CORROB_ARENA_DEBUG each allocation goes to malloc so that
 * AddressSanitizer and valgrind see every block.
 */
typedef struct cr_arena cr_arena;
cr_arena *cr_arena_new(void);
void *cr_arena_alloc(cr_arena *a, size_t n);        /* zeroed, 16-byte aligned */
char *cr_arena_strndup(cr_arena *a, const char *s, size_t n);
void cr_arena_free(cr_arena *a);

/* Reads a whole file. Returns 0, or -1 with errno set. The caller frees *out. */
int cr_read_file(const char *path, char **out, size_t *len);

/*
 * The data files under data/ are built into the binary, each with an id in
 * the generated cr_data_ids.h: CR_DATA(lexicon_cues_tsv) is data/lexicon/cues.tsv,
 * so a file that is not there is a compile error, not a NULL at run time.
 * cr_data returns its bytes (NUL-terminated, read-only, never freed) and its
 * length; cr_data_name its name ("lexicon/cues.tsv").
 */
#define CR_DATA(id) CR_DATA_##id
const char *cr_data(enum cr_data_id id, size_t *len);
const char *cr_data_name(enum cr_data_id id);
/* The same by a name made at run time ("store/migrate-004.sql"); NULL when
 * no such file is built in. */
const char *cr_data_file(const char *name, size_t *len);

/* FNV-1a 64-bit hash, and the hex string of a 64-bit value (17 bytes with NUL).
 * cr_hash64_more goes on from h over more bytes: cr_hash64(p, n) is
 * cr_hash64_more(CR_HASH64_INIT, p, n), piece by piece in any cut. */
#define CR_HASH64_INIT 0xcbf29ce484222325ULL
uint64_t cr_hash64(const void *p, size_t n);
uint64_t cr_hash64_more(uint64_t h, const void *p, size_t n);
void cr_hex64(uint64_t h, char out[17]);

/* SHA-256 (Nettle's) of n bytes as 64 lower-case hex digits and a NUL: the
 * identity of a document's clean text, where FNV-1a could be made to collide. */
#define CR_SHA256_HEX 65
void cr_sha256_hex(const void *p, size_t n, char out[CR_SHA256_HEX]);

/* ASCII helpers that do not depend on the locale. */
static inline bool cr_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool cr_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool cr_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool cr_is_alpha(int c) { return cr_is_upper(c) || cr_is_lower(c); }
static inline bool cr_is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline int cr_lower(int c) { return cr_is_upper(c) ? c + 32 : c; }
/* The number written by the digits at t[p..end) (at most 9 of them; 0 when
 * none): for text with no NUL at its end, where atoi would read on. */
static inline int cr_digits_val(const char *t, size_t p, size_t end)
{
	int v = 0;
	for (size_t i = p; i < end && i - p < 9 && cr_is_digit((unsigned char)t[i]); i++)
		v = v * 10 + (t[i] - '0');
	return v;
}
/* Union-find over indexes: parent[i] == i for a root. The root of i, with
 * the path halved on the way (the caller owns the array). */
static inline int cr_uf_find(int *parent, int i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* Case-insensitive ASCII comparison of n bytes. */
bool cr_ieq(const char *a, const char *b, size_t n);

#endif
