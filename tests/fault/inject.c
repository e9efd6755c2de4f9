/*
 * inject.c: a fault-injection shim, loaded with LD_PRELOAD, in the manner of
 * SQLite's malloc and I/O error tests: one call of a family fails, chosen by
 * its number or by its call site, and the run must end in a clear error and
 * exit status 1 with nothing committed lost. tests/fault_injection.sh drives
 * it over every call in turn.
 *
 *   CORROB_FAULT=malloc|write|fsync   the family (malloc, calloc, realloc;
 *                                     write, pwrite, pwrite64 on any
 *                                     descriptor but stderr; fsync, fdatasync)
 *   CORROB_FAULT_NTH=N                fail its N-th call (1-based; 0: none)
 *   CORROB_FAULT_SITE=K               or: fail the first call made from the
 *                                     K-th distinct caller (return address)
 *   CORROB_FAULT_COUNT=FILE           at exit, write "CALLS SITES" there
 *
 * A failed write fails every later write too (a full disk stays full), with
 * ENOSPC; a failed fsync says EIO once; a failed allocation returns NULL
 * with ENOMEM once. Built with CORROB_INJECT_IO_ONLY (for a sanitized
 * build, whose runtime owns malloc) it interposes writes and syncs only.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

enum { F_NONE, F_MALLOC, F_WRITE, F_FSYNC };

#define MAX_SITES 8192

static struct {
	int inited, family, failing;
	long nth, site, calls;
	const char *count_file;
	void *sites[MAX_SITES];
	long nsites;
} S;

static void init(void)
{
	if (S.inited)
		return;
	S.inited = 1;
	const char *f = getenv("CORROB_FAULT");
	S.family = !f ? F_NONE : !strcmp(f, "malloc") ? F_MALLOC : !strcmp(f, "write") ? F_WRITE : !strcmp(f, "fsync") ? F_FSYNC : F_NONE;
	const char *n = getenv("CORROB_FAULT_NTH"), *k = getenv("CORROB_FAULT_SITE");
	S.nth = n ? atol(n) : 0;
	S.site = k ? atol(k) : 0;
	S.count_file = getenv("CORROB_FAULT_COUNT");
}

/* Whether this call of family fails; caller is its return address. */
static int should_fail(int family, void *caller)
{
	init();
	if (S.family != family)
		return 0;
	if (S.failing && family == F_WRITE)
		return 1;
	S.calls++;
	long i = 0;
	for (; i < S.nsites && S.sites[i] != caller; i++)
		;
	int new_site = i == S.nsites;
	if (new_site && S.nsites < MAX_SITES)
		S.sites[S.nsites++] = caller;
	if ((S.nth && S.calls == S.nth) || (S.site && new_site && S.nsites == S.site)) {
		S.failing = 1;
		return 1;
	}
	return 0;
}

__attribute__((destructor)) static void report_counts(void)
{
	if (!S.count_file)
		return;
	FILE *f = fopen(S.count_file, "w");
	if (f) {
		fprintf(f, "%ld %ld\n", S.calls, S.nsites);
		fclose(f);
	}
}

#ifndef CORROB_INJECT_IO_ONLY
void *malloc(size_t n)
{
	if (should_fail(F_MALLOC, __builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	if (should_fail(F_MALLOC, __builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	if (n && should_fail(F_MALLOC, __builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}
#endif

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef int (*sync_fn)(int);

/* The next definition of name (libc's), found once. */
#define REAL(name, type) \
	static type real_##name; \
	if (!real_##name) \
		real_##name = (type)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *p, size_t n)
{
	REAL(write, write_fn);
	if (fd != 2 && should_fail(F_WRITE, __builtin_return_address(0))) {
		errno = ENOSPC;
		return -1;
	}
	return real_write(fd, p, n);
}

ssize_t pwrite(int fd, const void *p, size_t n, off_t off)
{
	REAL(pwrite, pwrite_fn);
	if (fd != 2 && should_fail(F_WRITE, __builtin_return_address(0))) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite(fd, p, n, off);
}

ssize_t pwrite64(int fd, const void *p, size_t n, off_t off)
{
	REAL(pwrite64, pwrite_fn);
	if (fd != 2 && should_fail(F_WRITE, __builtin_return_address(0))) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite64(fd, p, n, off);
}

int fsync(int fd)
{
	REAL(fsync, sync_fn);
	if (should_fail(F_FSYNC, __builtin_return_address(0))) {
		errno = EIO;
		return -1;
	}
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(fdatasync, sync_fn);
	if (should_fail(F_FSYNC, __builtin_return_address(0))) {
		errno = EIO;
		return -1;
	}
	return real_fdatasync(fd);
}
