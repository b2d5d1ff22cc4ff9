/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-ui.h: what the window benchmarks share: a main-loop stall recorder,
 * "the page has settled", and setting up a window under Xvfb. */
#pragma once

#include "smolder-application.h"
#include "smolder-profile-page.h"
#include "smolder-window.h"

G_BEGIN_DECLS

/* A 1 ms high-priority timeout; a gap between its runs is time the main
 * thread spent on something else. */
typedef struct {
  gint64 start;       /* gaps are reported relative to this */
  gint64 last;
  gint64 max_gap;
  gint64 max_gap_at;  /* since start */
  guint  n_ticks;
  /* Called for each gap over 20 ms when SMOLDER_BENCH_VERBOSE is set. */
  void   (*describe) (gint64 gap, gint64 at, gpointer data);
  gpointer describe_data;
  gint64 last_cpu;    /* the main thread's CPU time at the last tick, µs */
  long   last_nvcsw;  /* its context switches at the last tick */
  long   last_nivcsw;
} BenchStalls;

guint    bench_stalls_start (BenchStalls *stalls);
/* Forgets what was recorded and measures from now on. */
void     bench_stalls_reset (BenchStalls *stalls);

/* Loaded, no view computing, the Top table filled (as the ui tests wait). */
gboolean bench_page_settled (SmolderProfilePage *page);
/* Spins the main loop for @usec. */
void     bench_run_for      (gint64 usec);

/* Picks the first of argv[1..] that exists into @path and presents a
 * 1280x800 window. Returns NULL (with the exit status in @status) when
 * there is nothing to do: no such file (1) or no display (0). */
SmolderWindow *bench_window_new (int                  argc,
                                 char               **argv,
                                 SmolderApplication **app,
                                 const char         **path,
                                 int                 *status);

G_END_DECLS
