/*
 * output.c: a report written whole or not at all. A regular file (or a
 * path where nothing is yet) is written to a temporary file of its own in
 * the same folder (mkstemp, so nothing planted under a guessable name is
 * followed), synced, and renamed over the path: a reader sees the old
 * report or the new one, never half of one, and a full disk leaves the old
 * report in place. A symbolic link is followed: its target is replaced and
 * the link stays a link. Something that is no regular file is never
 * replaced by one: a FIFO or a character device (a pipe, /dev/stdout,
 * /dev/null) is written into, as a shell's '>' would; a folder, a socket
 * or a block device is refused. Every write, the sync and the close are
 * checked.
 */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = EIO;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int write_in_place(const char *path, const char *target, const char *data, size_t len)
{
	int fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || write_all(fd, data, len) < 0) {
		cli_error("cannot write %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		cli_error("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int replace_file(const char *path, const char *target, const char *data, size_t len, const struct stat *old)
{
	char *d = cr_xstrdup(target), *b = cr_xstrdup(target);
	const char *dir = dirname(d), *base = basename(b);
	cr_buf tmp = {0};
	cr_buf_printf(&tmp, "%s/.%s.XXXXXX", dir, base);
	mode_t mode;
	if (old) {
		mode = old->st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	int rc = -1;
	int fd = mkstemp(tmp.data);
	if (fd >= 0) {
		if (write_all(fd, data, len) == 0 && fchmod(fd, mode) == 0 && fsync(fd) == 0) {
			int c = close(fd);
			fd = -1;
			if (c == 0 && rename(tmp.data, target) == 0)
				rc = 0;
		}
		int e = errno;
		if (fd >= 0)
			close(fd);
		if (rc < 0)
			unlink(tmp.data);
		errno = e;
	}
	if (rc < 0) {
		cli_error("cannot write %s: %s", path, strerror(errno));
	} else {
		/* the rename itself survives a crash once the folder is synced */
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			if (fsync(dfd) < 0 && errno != EINVAL) {
				cli_error("cannot write %s: syncing its folder: %s", path, strerror(errno));
				rc = -1;
			}
			close(dfd);
		}
	}
	cr_buf_free(&tmp);
	free(d);
	free(b);
	return rc;
}

int cli_write_out(const char *path, const char *data, size_t len)
{
	if (strcmp(path, "-") == 0) {
		fflush(stdout);
		if (write_all(STDOUT_FILENO, data, len) < 0) {
			cli_error("cannot write the output: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	struct stat sb;
	char *real = NULL;
	const char *target = path;
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		real = realpath(path, NULL);
		if (!real) {
			cli_error("cannot write %s: a symbolic link to nothing (%s); not replaced", path, strerror(errno));
			return -1;
		}
		target = real;
	}
	int rc;
	if (stat(target, &sb) != 0) {
		rc = replace_file(path, target, data, len, NULL);
	} else if (S_ISREG(sb.st_mode)) {
		rc = replace_file(path, target, data, len, &sb);
	} else if (S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode)) {
		rc = write_in_place(path, target, data, len);
	} else {
		cli_error("cannot write %s: %s; not replaced", path, S_ISDIR(sb.st_mode) ? "it is a folder" : "it is no regular file");
		rc = -1;
	}
	free(real);
	return rc;
}
