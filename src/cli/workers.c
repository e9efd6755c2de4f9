/*
 * workers.c: see workers.h. A ring of 2N slots under one mutex: `tail` is
 * the next slot to fill, `issued` the next to hand to a worker, `head` the
 * oldest not yet given to done; a slot is reused only after done has had
 * it, so the ring is the reorder queue and the bound on memory at once.
 * Workers wait on `work_cv` for a slot to run; the submitter waits on
 * `done_cv` for the head slot to finish, which a worker signals when the
 * slot it finished is the head one.
 */
#include "cli/workers.h"
#include "cli/cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct slot {
	void *item;
	bool finished, ran;
} slot;

struct cli_workers {
	cli_work_fn work;
	cli_done_fn done;
	void *ud;
	int nthreads;
	pthread_t *threads;
	pthread_mutex_t mu;
	pthread_cond_t work_cv, done_cv;
	slot *ring;
	size_t cap;
	size_t head, issued, tail;   /* absolute item numbers; slot k % cap */
	bool closing;                /* no more submits: workers leave once the ring is run */
	bool stopped;                /* a done returned -1 */
};

static void *worker_main(void *arg)
{
	cli_workers *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->issued == w->tail && !w->closing)
			pthread_cond_wait(&w->work_cv, &w->mu);
		if (w->issued == w->tail)
			break;
		size_t k = w->issued++;
		slot *s = &w->ring[k % w->cap];
		bool run = !w->stopped;
		pthread_mutex_unlock(&w->mu);
		if (run)
			w->work(w->ud, s->item);
		pthread_mutex_lock(&w->mu);
		s->ran = run;
		s->finished = true;
		if (k == w->head)
			pthread_cond_signal(&w->done_cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

cli_workers *cli_workers_start(int n, cli_work_fn work, cli_done_fn done, void *ud)
{
	cli_workers *w = cr_xcalloc(1, sizeof *w);
	w->work = work;
	w->done = done;
	w->ud = ud;
	if (n <= 1)
		return w;
	w->cap = 2 * (size_t)n;
	w->ring = cr_xcalloc(w->cap, sizeof *w->ring);
	w->threads = cr_xcalloc((size_t)n, sizeof *w->threads);
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->work_cv, NULL);
	pthread_cond_init(&w->done_cv, NULL);
	for (int i = 0; i < n; i++) {
		if (pthread_create(&w->threads[i], NULL, worker_main, w) != 0)
			break;
		w->nthreads++;
	}
	if (w->nthreads == 0)
		cli_error("cannot start worker threads; the documents are read one at a time");
	return w;
}

/* Gives done every finished item at the head; then, with `all`, waits
 * until none is left, else until a slot is free. Called with mu held. */
static void deliver(cli_workers *w, bool all)
{
	for (;;) {
		while (w->head < w->tail && w->ring[w->head % w->cap].finished) {
			slot s = w->ring[w->head % w->cap];
			w->ring[w->head % w->cap].finished = false;
			w->head++;
			pthread_mutex_unlock(&w->mu);
			int rc = w->done(w->ud, s.item, s.ran);
			pthread_mutex_lock(&w->mu);
			if (rc < 0)
				w->stopped = true;
		}
		if (all ? w->head == w->tail : w->tail - w->head < w->cap)
			return;
		pthread_cond_wait(&w->done_cv, &w->mu);
	}
}

int cli_workers_submit(cli_workers *w, void *item)
{
	if (w->nthreads == 0) {
		bool run = !w->stopped;
		if (run)
			w->work(w->ud, item);
		if (w->done(w->ud, item, run) < 0)
			w->stopped = true;
		return w->stopped ? -1 : 0;
	}
	pthread_mutex_lock(&w->mu);
	deliver(w, false);
	w->ring[w->tail % w->cap] = (slot){item, false, false};
	w->tail++;
	pthread_cond_signal(&w->work_cv);
	bool stopped = w->stopped;
	pthread_mutex_unlock(&w->mu);
	return stopped ? -1 : 0;
}

int cli_workers_finish(cli_workers *w)
{
	bool stopped = w->stopped;
	if (w->nthreads > 0) {
		pthread_mutex_lock(&w->mu);
		w->closing = true;
		pthread_cond_broadcast(&w->work_cv);
		deliver(w, true);
		stopped = w->stopped;
		pthread_mutex_unlock(&w->mu);
		for (int i = 0; i < w->nthreads; i++)
			pthread_join(w->threads[i], NULL);
	}
	if (w->ring) {
		pthread_mutex_destroy(&w->mu);
		pthread_cond_destroy(&w->work_cv);
		pthread_cond_destroy(&w->done_cv);
	}
	free(w->threads);
	free(w->ring);
	free(w);
	return stopped ? -1 : 0;
}

int cli_jobs(const char *cmd, const char *s)
{
	if (!s || !*s) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		return n < 1 ? 1 : n > 256 ? 256 : (int)n;
	}
	char *end;
	long n = strtol(s, &end, 10);
	if (*end || end == s || n < 1 || n > 256) {
		cli_error("%s: -j wants a number of threads from 1 to 256, not '%s'", cmd, s);
		return -1;
	}
	return (int)n;
}
