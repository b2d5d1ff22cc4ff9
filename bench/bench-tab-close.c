/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-tab-close.c: the longest main-loop stall while the tab of a large
 * profile closes (window.close-tab) and the page, its views, their rows,
 * trees and frame tables go. Twice: as loaded (Functions), then again at
 * Lines granularity, which makes many more Top rows. A 1 ms timeout records
 * the gaps between its runs. Target: <= 50 ms.
 *
 *   xvfb-run -a bench-tab-close FILE [FILE...]   (the first that exists) */

#include <stdio.h>

#include "bench-ui.h"
#include "smolder-profile-page.h"

#define VIEW(page) smolder_profile_page_get_profile_view (page)

static void
describe_gap (gint64   gap,
              gint64   at,
              gpointer data)
{
  printf ("  gap %.1f ms at %.3f s\n", gap / 1000.0, at / 1e6);
}

static void
wait_settled (SmolderProfilePage *page)
{
  while (!bench_page_settled (page))
    g_main_context_iteration (NULL, TRUE);
  /* The Top rows go in between frames, and the flame graph paints. */
  bench_run_for (1000 * 1000);
}

/* Opens @file, settles (at @granularity), closes the tab: the longest
 * stall from the close until the page is finalized and 1 s more, in ms;
 * -1 on a load error. */
static double
measure_close (SmolderWindow      *window,
               GFile              *file,
               SmolderGranularity  granularity)
{
  SmolderProfilePage *page = smolder_window_open_file (window, file);
  BenchStalls stalls = { .describe = describe_gap };
  gint64 closed_at;
  guint source;
  guint n_rows;

  /* Ticking all along: a blocking iteration could otherwise miss the
   * frame clock that starts the load. */
  source = bench_stalls_start (&stalls);
  wait_settled (page);
  if (smolder_page_get_profile (SMOLDER_PAGE (page)) == NULL)
    {
      fprintf (stderr, "%s\n", smolder_page_get_error (SMOLDER_PAGE (page))->message);
      g_source_remove (source);
      return -1;
    }
  if (granularity != SMOLDER_GRANULARITY_FUNCTIONS)
    {
      smolder_profile_view_set_granularity (VIEW (page), granularity);
      /* The Top view computes when shown. */
      smolder_profile_view_set_visible_view (VIEW (page), "top");
      bench_run_for (100 * 1000);
      wait_settled (page);
    }
  n_rows = g_list_model_get_n_items (smolder_top_view_get_model (smolder_profile_view_get_top_view (VIEW (page))));

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  bench_stalls_reset (&stalls);
  closed_at = stalls.start;
  if (g_getenv ("SMOLDER_BENCH_VERBOSE"))
    printf ("  closing at %.6f s (monotonic)\n", closed_at / 1e6);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close-tab", NULL);
  while (page != NULL && g_get_monotonic_time () - closed_at < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  if (page != NULL)
    {
      fprintf (stderr, "the page was not finalized within 10 s\n");
      g_object_remove_weak_pointer (G_OBJECT (page), (gpointer *) &page);
    }
  bench_run_for (1000 * 1000);
  g_source_remove (source);

  printf ("%-9s %6u Top rows: longest main-loop stall %.1f ms\n",
          granularity == SMOLDER_GRANULARITY_FUNCTIONS ? "functions" : "lines",
          n_rows, stalls.max_gap / 1000.0);
  return stalls.max_gap / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SmolderApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  SmolderWindow *window;
  const char *path;
  double functions, lines, worst;
  int status;

  if (!(window = bench_window_new (argc, argv, &app, &path, &status)))
    return status;

  file = g_file_new_for_path (path);
  printf ("file: %s\n", path);
  functions = measure_close (window, file, SMOLDER_GRANULARITY_FUNCTIONS);
  lines = measure_close (window, file, SMOLDER_GRANULARITY_LINES);
  if (functions < 0 || lines < 0)
    return 1;
  worst = MAX (functions, lines);
  printf ("longest main-loop stall closing a tab: %.1f ms (target <= 50 ms) %s\n",
          worst, worst <= 50 ? "OK" : "OVER");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
