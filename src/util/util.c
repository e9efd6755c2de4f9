/* util.c: allocation policy, buffers, arena, files, hashing. */
#include "util/util.h"

#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The one out-of-memory policy: say so and end with status 1, the status of
 * any failed operation (README), without running exit handlers that might
 * allocate. Nothing committed is at risk: an open transaction is rolled
 * back when the store is next opened. */
_Noreturn void cr_oom(void)
{
	static const char msg[] = "corrob: out of memory\n";
	if (write(2, msg, sizeof msg - 1) < 0)
		_exit(1);
	_exit(1);
}

void *cr_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		cr_oom();
	return p;
}

void *cr_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		cr_oom();
	return p;
}

void *cr_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		cr_oom();
	return q;
}

char *cr_xstrndup(const char *s, size_t n)
{
	char *p = cr_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *cr_xstrdup(const char *s)
{
	return cr_xstrndup(s, strlen(s));
}

void cr_buf_grow(cr_buf *b, size_t extra)
{
	if (extra > SIZE_MAX / 2 - b->len)
		cr_oom();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = cr_xrealloc(b->data, cap);
	b->cap = cap;
}

void cr_buf_append(cr_buf *b, const void *p, size_t n)
{
	cr_buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = 0;
}

void cr_buf_puts(cr_buf *b, const char *s) { cr_buf_append(b, s, strlen(s)); }
void cr_buf_putc(cr_buf *b, char c) { cr_buf_append(b, &c, 1); }

void cr_buf_vprintf(cr_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	cr_buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void cr_buf_printf(cr_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cr_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void cr_buf_reset(cr_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = 0;
}

void cr_buf_free(cr_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *cr_buf_detach(cr_buf *b)
{
	char *p = b->data ? b->data : cr_xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

/* Arena: a chain of blocks; big requests get a block of their own. */
struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(16) unsigned char mem[];
};

struct cr_arena {
	struct arena_block *head;
#ifdef CORROB_ARENA_DEBUG
	CR_VEC(void *) ptrs;
#endif
};

cr_arena *cr_arena_new(void)
{
	return cr_xcalloc(1, sizeof(cr_arena));
}

void *cr_arena_alloc(cr_arena *a, size_t n)
{
#ifdef CORROB_ARENA_DEBUG
	void *p = cr_xcalloc(1, n);
	cr_vec_push(&a->ptrs, p);
	return p;
#else
	n = (n + 15) & ~(size_t)15;
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = n > 16384 ? n : 65536;
		b = cr_xmalloc(sizeof(*b) + size);
		b->used = 0;
		b->size = size;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->mem + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
#endif
}

char *cr_arena_strndup(cr_arena *a, const char *s, size_t n)
{
	char *p = cr_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

void cr_arena_free(cr_arena *a)
{
	if (!a)
		return;
#ifdef CORROB_ARENA_DEBUG
	for (size_t i = 0; i < a->ptrs.len; i++)
		free(a->ptrs.items[i]);
	cr_vec_free(&a->ptrs);
#endif
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

int cr_read_file(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	cr_buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		cr_buf_append(&b, chunk, n);
	int err = ferror(f) ? errno : 0;
	fclose(f);
	if (err) {
		cr_buf_free(&b);
		errno = err;
		return -1;
	}
	*len = b.len;
	*out = cr_buf_detach(&b);
	return 0;
}

struct embedded_file {
	const char *name;
	const char *data;
	uint64_t size;
};
extern const struct embedded_file cr_embedded_files[];

const char *cr_data(enum cr_data_id id, size_t *len)
{
	const struct embedded_file *f = &cr_embedded_files[id];
	if (len)
		*len = (size_t)f->size;
	return f->data;
}

const char *cr_data_name(enum cr_data_id id)
{
	return cr_embedded_files[id].name;
}

const char *cr_data_file(const char *name, size_t *len)
{
	for (const struct embedded_file *f = cr_embedded_files; f->name; f++) {
		if (strcmp(f->name, name) == 0) {
			if (len)
				*len = (size_t)f->size;
			return f->data;
		}
	}
	return NULL;
}

uint64_t cr_hash64(const void *p, size_t n)
{
	return cr_hash64_more(CR_HASH64_INIT, p, n);
}

uint64_t cr_hash64_more(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void cr_sha256_hex(const void *p, size_t n, char out[CR_SHA256_HEX])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, n, p);
	sha256_digest(&ctx, sizeof d, d);
	for (size_t i = 0; i < sizeof d; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * sizeof d] = 0;
}

void cr_hex64(uint64_t h, char out[17])
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 15; i >= 0; i--) {
		out[i] = hex[h & 15];
		h >>= 4;
	}
	out[16] = 0;
}

bool cr_ieq(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cr_lower((unsigned char)a[i]) != cr_lower((unsigned char)b[i]))
			return false;
	return true;
}
