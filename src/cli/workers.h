/*
 * workers.h: the per-document stages on every core, results in input order.
 *
 * The thread that reads the input submits one item per document; N worker
 * threads run `work` on the items in any order; `done` runs on the
 * submitting thread, once per item, in the order the items were submitted,
 * so whatever it writes (a JSON line, a row of the store) comes out as a
 * serial run writes it. At most 2N items are in flight: a submit blocks
 * until the oldest is done when the window is full, which bounds memory
 * whatever the input's size.
 *
 * With N = 1 there are no threads: submit runs work and done on the item
 * before it returns, which is the serial path itself.
 *
 * Stopping: once done returns -1 (its output failed), the workers skip
 * `work` on the items not yet started, submit returns -1 so that the reader
 * stops, and done is still called on every item left (it frees them) when
 * the pool is finished. No thread waits for a reader that has gone.
 */
#ifndef CR_CLI_WORKERS_H
#define CR_CLI_WORKERS_H

#include <stdbool.h>

typedef struct cli_workers cli_workers;

/* Runs on a worker thread: must touch only the item and what is shared
 * read-only. */
typedef void (*cli_work_fn)(void *ud, void *item);
/* Runs on the submitting thread, in submission order, with ran false when
 * work was skipped after a stop; the item is the callee's to free. 0, or
 * -1 to stop. */
typedef int (*cli_done_fn)(void *ud, void *item, bool ran);

/* A pool of n workers (n <= 1: none, the serial path); the caller ends it
 * with cli_workers_finish. */
cli_workers *cli_workers_start(int n, cli_work_fn work, cli_done_fn done, void *ud);
/* Hands the item over (it is done's to free, even on -1). 0, or -1 once a
 * done has returned -1. */
int cli_workers_submit(cli_workers *w, void *item);
/* Waits for every item, calls done on the rest in order, joins the
 * threads and frees the pool. 0, or -1 when a done returned -1. */
int cli_workers_finish(cli_workers *w);

/* The -j value: "" or NULL gives the number of online cores; otherwise a
 * whole number from 1 to 256. The count, or -1 (the message printed,
 * naming cmd) when s is not one. */
int cli_jobs(const char *cmd, const char *s);

#endif
