/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-window-load.c: the longest main-loop stall while a large profile
 * loads in the window and its views (flame graph, Top, callers) compute.
 * Target: <= 50 ms.
 *
 *   xvfb-run -a bench-window-load FILE [FILE...]   (the first that exists) */

#include <stdio.h>

#include "bench-ui.h"

#define VIEW(page) smolder_profile_page_get_profile_view (page)

/* With SMOLDER_BENCH_VERBOSE: each gap over 20 ms and what was going on. */
static void
describe_gap (gint64   gap,
              gint64   at,
              gpointer data)
{
  SmolderProfilePage *page = data;

  printf ("  gap %.1f ms at %.2f s (loading %d, top %d, flame %d, callers %d)\n",
          gap / 1000.0, at / 1e6,
          smolder_page_get_loading (SMOLDER_PAGE (page)),
          smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (smolder_profile_view_get_top_view (VIEW (page)))),
          smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (smolder_profile_view_get_flame_view (VIEW (page)))),
          smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (smolder_profile_view_get_callers_view (VIEW (page)))));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SmolderApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  SmolderProfilePage *page;
  SmolderWindow *window;
  const char *path;
  BenchStalls stalls = { 0 };
  guint source;
  gint64 loaded_at = 0;
  int status;

  if (!(window = bench_window_new (argc, argv, &app, &path, &status)))
    return status;

  file = g_file_new_for_path (path);
  source = bench_stalls_start (&stalls);
  page = smolder_window_open_file (window, file);
  stalls.describe = describe_gap;
  stalls.describe_data = page;
  while (!bench_page_settled (page))
    {
      g_main_context_iteration (NULL, TRUE);
      if (loaded_at == 0 && !smolder_page_get_loading (SMOLDER_PAGE (page)))
        loaded_at = g_get_monotonic_time ();
    }
  /* The Top rows go in between frames, and the flame graph paints. */
  bench_run_for (1000 * 1000);
  g_source_remove (source);

  if (smolder_page_get_profile (SMOLDER_PAGE (page)) == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, smolder_page_get_error (SMOLDER_PAGE (page))->message);
      return 1;
    }

  printf ("file: %s\n", path);
  printf ("loaded in %.2f s, views computed in %.2f s more\n",
          (loaded_at - stalls.start) / 1e6, (g_get_monotonic_time () - loaded_at) / 1e6 - 1.0);
  printf ("longest main-loop stall: %.1f ms (at %.2f s; %u ticks; target <= 50 ms) %s\n",
          stalls.max_gap / 1000.0, stalls.max_gap_at / 1e6, stalls.n_ticks,
          stalls.max_gap <= 50 * 1000 ? "OK" : "OVER");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
