/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-tab-close.c: the longest main-loop stall while the tab of a large
 * profile closes (window.close-tab) and the page, its views, their rows,
 * trees and frame tables go. Twice: as loaded (Functions), then again at
 * Lines granularity, which makes many more Top rows. A 1 ms timeout records
 * the gaps between its runs. Target: <= 50 ms.
 *
 *   xvfb-run -a bench-tab-close FILE [FILE...]   (the first that exists) */

#include <stdio.h>

#include "smolder-application.h"
#include "smolder-profile-page-private.h"
#include "smolder-window.h"

typedef struct {
  gint64 last;
  gint64 max_gap;
  gint64 start;
} Stalls;

static gboolean
tick_cb (gpointer data)
{
  Stalls *stalls = data;
  gint64 now = g_get_monotonic_time ();

  if (stalls->start != 0 && stalls->last != 0 && now - stalls->last > 20000
      && g_getenv ("SMOLDER_BENCH_VERBOSE"))
    printf ("  gap %.1f ms at %.3f s\n", (now - stalls->last) / 1000.0, (now - stalls->start) / 1e6);
  if (stalls->last != 0 && now - stalls->last > stalls->max_gap)
    stalls->max_gap = now - stalls->last;
  stalls->last = now;
  return G_SOURCE_CONTINUE;
}

/* As tests/ui/test-profile-page.c: loaded, no view computing, Top filled. */
static gboolean
page_settled (SmolderProfilePage *page)
{
  return !smolder_profile_page_get_loading (page)
         && (smolder_profile_page_get_profile (page) == NULL
             || (!smolder_profile_page_get_busy (page)
                 && smolder_top_view_get_top (smolder_profile_page_get_top_view (page)) != NULL));
}

static void
run_for (gint64 usec)
{
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_settled (SmolderProfilePage *page)
{
  while (!page_settled (page))
    g_main_context_iteration (NULL, TRUE);
  /* The Top rows go in between frames, and the flame graph paints. */
  run_for (1000 * 1000);
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
  Stalls stalls = { 0 };
  gint64 closed_at;
  guint source;
  guint n_rows;

  /* Ticking all along: a blocking iteration could otherwise miss the
   * frame clock that starts the load. */
  source = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &stalls, NULL);
  wait_settled (page);
  if (smolder_profile_page_get_profile (page) == NULL)
    {
      fprintf (stderr, "%s\n", smolder_profile_page_get_error (page)->message);
      g_source_remove (source);
      return -1;
    }
  if (granularity != SMOLDER_GRANULARITY_FUNCTIONS)
    {
      gtk_drop_down_set_selected (page->granularity_dropdown, granularity);
      /* The Top view computes when shown. */
      smolder_profile_page_set_view (page, "top");
      run_for (100 * 1000);
      wait_settled (page);
    }
  n_rows = g_list_model_get_n_items (smolder_top_view_get_model (smolder_profile_page_get_top_view (page)));

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  stalls.start = closed_at = g_get_monotonic_time ();
  stalls.last = 0;
  stalls.max_gap = 0;
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
  run_for (1000 * 1000);
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
  g_autoptr(GError) error = NULL;
  SmolderWindow *window;
  const char *path = NULL;
  double functions, lines, worst;

  for (int i = 1; i < argc && path == NULL; i++)
    if (g_file_test (argv[i], G_FILE_TEST_EXISTS))
      path = argv[i];
  if (path == NULL)
    {
      fprintf (stderr, "usage: bench-tab-close FILE [FILE...] (none exists)\n");
      return 1;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("no display: run under xvfb-run\n");
      return 0;
    }
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);

  setvbuf (stdout, NULL, _IOLBF, 0);
  adw_init ();
  app = smolder_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  window = smolder_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  run_for (500 * 1000);

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
