/*
 * segment_speed: throughput of cr_segment. Reads every file named on the
 * command line, concatenates them in memory (a blank line between files),
 * then times cr_segment over the whole text three times (wall clock of the
 * call only) and prints the best as "BENCH segment-speed mb_per_s=X" with the
 * size and the counts found.
 *
 * usage: segment_speed FILE...
 */
#include "text/segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: segment_speed FILE...\n");
		return 2;
	}
	cr_buf all = { 0 };
	for (int i = 1; i < argc; i++) {
		char *t;
		size_t n;
		if (cr_read_file(argv[i], &t, &n) != 0) {
			fprintf(stderr, "segment_speed: cannot read %s\n", argv[i]);
			continue;
		}
		cr_buf_append(&all, t, n);
		cr_buf_puts(&all, "\n\n");
		free(t);
	}
	double best = 1e30;
	size_t ns = 0, nt = 0, np = 0;
	for (int r = 0; r < 3; r++) {
		cr_segmentation s;
		double t0 = now();
		int rc = cr_segment(&s, all.data, all.len);
		double dt = now() - t0;
		if (rc != 0) {
			fprintf(stderr, "segment_speed: cr_segment failed\n");
			return 1;
		}
		if (dt < best)
			best = dt;
		ns = s.nsentences;
		nt = s.ntokens;
		np = s.nparagraphs;
		cr_segmentation_free(&s);
	}
	printf("BENCH segment-speed mb_per_s=%.1f bytes=%zu files=%d paragraphs=%zu sentences=%zu tokens=%zu\n",
	       (double)all.len / 1e6 / best, all.len, argc - 1, np, ns, nt);
	cr_buf_free(&all);
	return 0;
}
