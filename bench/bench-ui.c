/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "bench-ui.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

/* The calling thread's CPU time: a gap in which the main thread was mostly
 * off the CPU is the machine's load, not work done on the main thread. */
static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

#define VIEW(page) smolder_profile_page_get_profile_view (page)

static gboolean
tick_cb (gpointer data)
{
  BenchStalls *stalls = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_usec ();
  struct rusage ru;

  getrusage (RUSAGE_THREAD, &ru);
  if (stalls->last != 0)
    {
      gint64 gap = now - stalls->last;

      if (gap > 20000 && stalls->describe != NULL && g_getenv ("SMOLDER_BENCH_VERBOSE"))
        {
          stalls->describe (gap, now - stalls->start, stalls->describe_data);
          /* Voluntary switches: it waited (a lock, I/O); involuntary: it
           * was preempted (the machine's load). */
          printf ("    main thread on the CPU %.1f ms of it; %ld voluntary, %ld involuntary context switches\n",
                  (cpu - stalls->last_cpu) / 1000.0,
                  ru.ru_nvcsw - stalls->last_nvcsw, ru.ru_nivcsw - stalls->last_nivcsw);
        }
      if (gap > stalls->max_gap)
        {
          stalls->max_gap = gap;
          stalls->max_gap_at = now - stalls->start;
        }
    }
  stalls->last = now;
  stalls->last_cpu = cpu;
  stalls->last_nvcsw = ru.ru_nvcsw;
  stalls->last_nivcsw = ru.ru_nivcsw;
  stalls->n_ticks++;
  return G_SOURCE_CONTINUE;
}

guint
bench_stalls_start (BenchStalls *stalls)
{
  bench_stalls_reset (stalls);
  return g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, stalls, NULL);
}

void
bench_stalls_reset (BenchStalls *stalls)
{
  stalls->start = g_get_monotonic_time ();
  stalls->last = 0;
  stalls->max_gap = 0;
  stalls->max_gap_at = 0;
  stalls->n_ticks = 0;
}

gboolean
bench_page_settled (SmolderProfilePage *page)
{
  return !smolder_page_get_loading (SMOLDER_PAGE (page))
         && (smolder_page_get_profile (SMOLDER_PAGE (page)) == NULL
             || (!smolder_profile_page_get_busy (page)
                 && smolder_top_view_get_top (smolder_profile_view_get_top_view (VIEW (page))) != NULL));
}

void
bench_run_for (gint64 usec)
{
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

SmolderWindow *
bench_window_new (int                  argc,
                  char               **argv,
                  SmolderApplication **app,
                  const char         **path,
                  int                 *status)
{
  g_autoptr(GError) error = NULL;
  SmolderWindow *window;

  *path = NULL;
  for (int i = 1; i < argc && *path == NULL; i++)
    if (g_file_test (argv[i], G_FILE_TEST_EXISTS))
      *path = argv[i];
  if (*path == NULL)
    {
      fprintf (stderr, "usage: %s FILE [FILE...] (none exists)\n", argv[0]);
      *status = 1;
      return NULL;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("no display: run under xvfb-run\n");
      *status = 0;
      return NULL;
    }
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  setvbuf (stdout, NULL, _IOLBF, 0);

  adw_init ();
  *app = smolder_application_new ();
  g_application_set_flags (G_APPLICATION (*app),
                           g_application_get_flags (G_APPLICATION (*app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (*app), NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      *status = 1;
      return NULL;
    }

  window = smolder_window_new (*app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  /* The window's own first frames are not what is measured. */
  bench_run_for (500 * 1000);
  return window;
}
