/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-diff.c: a -diff_base comparison of two large profiles against the
 * time to load them.
 *
 * Usage: bench-diff BASE NEW [RUNS]. Per run: load BASE and NEW one after
 * the other, then combine them (smolder_profile_diff) and compute Top of
 * the default sample type: what `smolder-cli diff` does. Prints medians of
 * wall and CPU time; target: load + combine + Top <= 1.5 x load. */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-median.h"
#include "smolder-diff.h"
#include "smolder-load.h"
#include "smolder-top.h"

#define TARGET 1.5

typedef struct {
  double wall;
  double cpu;
} Stamp;

static Stamp
now (void)
{
  struct timespec ts;
  Stamp s;

  s.wall = g_get_monotonic_time () / 1e6;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  s.cpu = ts.tv_sec + ts.tv_nsec / 1e9;
  return s;
}

static SmolderProfile *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  SmolderProfile *p = smolder_profile_new_from_file (file, NULL, NULL, &error);

  if (p == NULL)
    {
      g_printerr ("bench-diff: %s: %s\n", path, error->message);
      exit (1);
    }
  return p;
}

static gpointer
load_thread (gpointer data)
{
  return load (data);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 3 ? (guint) atoi (argv[3]) : 5;
  g_autofree double *load_wall = NULL, *load_cpu = NULL, *diff_wall = NULL, *diff_cpu = NULL;
  g_autofree double *combine_wall = NULL, *top_wall = NULL, *combine_cpu = NULL, *top_cpu = NULL;
  g_autofree double *par_wall = NULL, *cli_wall = NULL;
  double lw, lc, dw, dc;
  guint rows = 0;

  if (argc < 3 || runs == 0)
    {
      g_printerr ("usage: bench-diff BASE NEW [RUNS]\n");
      return 2;
    }
  load_wall = g_new (double, runs);
  load_cpu = g_new (double, runs);
  diff_wall = g_new (double, runs);
  diff_cpu = g_new (double, runs);
  combine_wall = g_new (double, runs);
  top_wall = g_new (double, runs);
  par_wall = g_new (double, runs);
  cli_wall = g_new (double, runs);
  combine_cpu = g_new (double, runs);
  top_cpu = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(SmolderProfile) base = NULL;
      g_autoptr(SmolderProfile) profile = NULL;
      g_autoptr(SmolderProfile) diff = NULL;
      g_autoptr(SmolderQuery) query = smolder_query_new ();
      g_autoptr(SmolderTop) top = NULL;
      g_autoptr(GError) error = NULL;
      Stamp t0, t1, t2, t3, p0, p1;
      GThread *thread;

      t0 = now ();
      base = load (argv[1]);
      profile = load (argv[2]);
      t1 = now ();
      /* As the CLI does: the new profile is the diff's to take. */
      diff = smolder_profile_diff_take (base, g_steal_pointer (&profile), SMOLDER_DIFF_LABEL_BASE, &error);
      g_assert_no_error (error);
      g_clear_object (&base);
      t2 = now ();
      top = smolder_top_new (diff, query, NULL, &error);
      g_assert_no_error (error);
      t3 = now ();

      /* What smolder-cli diff does: the two sides load on two threads. */
      g_clear_object (&top);
      g_clear_object (&diff);
      p0 = now ();
      thread = g_thread_new ("load-base", load_thread, argv[1]);
      profile = load (argv[2]);
      base = g_thread_join (thread);
      p1 = now ();
      diff = smolder_profile_diff_take (base, g_steal_pointer (&profile), SMOLDER_DIFF_LABEL_BASE, &error);
      g_assert_no_error (error);
      g_clear_object (&base);
      top = smolder_top_new (diff, query, NULL, &error);
      g_assert_no_error (error);
      par_wall[r] = p1.wall - p0.wall;
      cli_wall[r] = now ().wall - p0.wall;

      rows = smolder_top_get_n_rows (top);
      load_wall[r] = t1.wall - t0.wall;
      load_cpu[r] = t1.cpu - t0.cpu;
      combine_wall[r] = t2.wall - t1.wall;
      top_wall[r] = t3.wall - t2.wall;
      combine_cpu[r] = t2.cpu - t1.cpu;
      top_cpu[r] = t3.cpu - t2.cpu;
      diff_wall[r] = t3.wall - t0.wall;
      diff_cpu[r] = t3.cpu - t0.cpu;
    }

  lw = median (load_wall, runs);
  lc = median (load_cpu, runs);
  dw = median (diff_wall, runs);
  dc = median (diff_cpu, runs);
  printf ("bench-diff: %s minus %s, %u Top rows, medians of %u runs\n", argv[2], argv[1], rows, runs);
  printf ("  load both              %8.3f s wall  %8.3f s CPU\n", lw, lc);
  printf ("  combine                %8.3f s wall  %8.3f s CPU\n", median (combine_wall, runs),
          median (combine_cpu, runs));
  printf ("  Top                    %8.3f s wall  %8.3f s CPU\n", median (top_wall, runs),
          median (top_cpu, runs));
  printf ("  load + combine + Top   %8.3f s wall  %8.3f s CPU\n", dw, dc);
  printf ("  diff / load: %.2fx wall, %.2fx CPU (target <= %.1fx: %s)\n", dw / lw, dc / lc, TARGET,
          dc / lc <= TARGET ? "met" : "MISSED");
  printf ("  as smolder-cli diff does it, loading on two threads:\n");
  printf ("  load both in parallel  %8.3f s wall\n", median (par_wall, runs));
  printf ("  load + combine + Top   %8.3f s wall: %.2fx the sequential load (target <= %.1fx: %s)\n",
          median (cli_wall, runs), median (cli_wall, runs) / lw, TARGET,
          median (cli_wall, runs) / lw <= TARGET ? "met" : "MISSED");
  return 0;
}
