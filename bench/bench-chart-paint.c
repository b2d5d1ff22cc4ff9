/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-chart-paint.c: one 1920x1080 chart frame of 6 series x 100,000 points.
 *
 * The data look like a leaking Go service polled every 0.2 s for 5.5 hours:
 * heap in use as a GC sawtooth on a slow climb, heap alloc, Sys and the next
 * GC goal in steps, heap objects, goroutines leaking in steps, and a GC mark
 * per cycle. Prints the median of N frames (layout + paint with labels;
 * goal <= 8 ms). `--png FILE` also writes a 1200x640 picture of the last
 * hour (data/screenshots/chart-demo.png), `--dark` in the dark style. */

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "smolder-chart-paint.h"

#define N_POINTS 100000
#define STEP_MS 200
#define T_START G_GINT64_CONSTANT (1764856800000)   /* 2025-12-04 14:00 UTC */

static SmolderSeries *
demo_model (void)
{
  SmolderSeries *m = smolder_series_new ();
  guint inuse = smolder_series_add (m, "Heap in use", SMOLDER_SERIES_UNIT_BYTES);
  guint alloc = smolder_series_add (m, "Heap alloc", SMOLDER_SERIES_UNIT_BYTES);
  guint sys = smolder_series_add (m, "Sys", SMOLDER_SERIES_UNIT_BYTES);
  guint goal = smolder_series_add (m, "Next GC", SMOLDER_SERIES_UNIT_BYTES);
  guint objects = smolder_series_add (m, "Heap objects", SMOLDER_SERIES_UNIT_COUNT);
  guint gor = smolder_series_add (m, "Goroutines", SMOLDER_SERIES_UNIT_COUNT);

  /* Millions of objects and thousands of goroutines: one panel each. */
  smolder_series_set_group (m, gor, SMOLDER_SERIES_UNIT_NANOSECONDS + 1);
  const double MiB = 1048576;
  GRand *rand = g_rand_new_with_seed (7);
  double live = 40 * MiB, heap = live, next_gc = 2 * live, sys_bytes = 96 * MiB;
  double goroutines = 40;

  for (guint i = 0; i < N_POINTS; i++)
    {
      gint64 t = T_START + (gint64) i * STEP_MS;

      /* The leak: live data grow ~6 KiB a second, goroutines in bursts. */
      live += 1200 + g_rand_double_range (rand, -300, 300);
      heap += g_rand_double_range (rand, 0.2, 1.0) * MiB * 0.6;
      if (heap >= next_gc)
        {
          gint64 pause = (gint64) (g_rand_double_range (rand, 0.05, 1.5) * 1e6);

          /* A rare long pause, past the 100 ms alert. */
          if (g_rand_int_range (rand, 0, 400) == 0)
            pause = 140 * 1000000;
          smolder_series_add_gc (m, t * 1000000, pause);
          heap = live;
          next_gc = 2 * live;
        }
      sys_bytes = MAX (sys_bytes, ceil (next_gc * 1.15 / (8 * MiB)) * 8 * MiB);
      if (g_rand_int_range (rand, 0, 1500) == 0)
        goroutines += g_rand_int_range (rand, 20, 120);
      smolder_series_append (m, inuse, t, heap);
      smolder_series_append (m, alloc, t, heap * 1.04 + 2 * MiB);
      smolder_series_append (m, sys, t, sys_bytes);
      smolder_series_append (m, goal, t, next_gc);
      smolder_series_append (m, objects, t, heap / 96);
      smolder_series_append (m, gor, t, goroutines + g_rand_int_range (rand, 0, 8));
    }
  g_rand_free (rand);
  return m;
}

static int
compare_ms (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
write_demo (SmolderSeries *m,
            const char    *path,
            gboolean       dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 640);
  cairo_t *cr = cairo_create (surface);
  SmolderChartPaintOptions options;
  gint64 first, last;
  SmolderChartThreshold thresholds[] = {
    { 5, 0, "Goroutines alert" },
  };
  SmolderChartAlert alerts[1];
  g_autoptr(SmolderChartLayout) layout = NULL;

  smolder_series_get_extent (m, &first, &last);
  /* An alert level the goroutines cross twenty minutes before the end. */
  smolder_series_value_at (m, 5, last - 20 * 60000, &thresholds[0].value, NULL);
  thresholds[0].value = floor (thresholds[0].value / 100) * 100 + 50;
  smolder_chart_paint_options_init (&options);
  options.dark = dark;
  options.t0_ms = last - 60 * 60000;
  options.t1_ms = last;
  options.show_cursor = TRUE;
  options.cursor_ms = last - 12 * 60000;
  options.thresholds = thresholds;
  options.n_thresholds = G_N_ELEMENTS (thresholds);
  /* The goroutine count's first snapshot above the threshold. */
  alerts[0].start_ms = alerts[0].end_ms = 0;
  for (guint i = smolder_series_lower_bound (m, 5, options.t0_ms); i < smolder_series_get_n_points (m, 5); i++)
    if (smolder_series_get_value (m, 5, i) >= thresholds[0].value)
      {
        alerts[0].start_ms = alerts[0].end_ms = smolder_series_get_time (m, 5, i);
        break;
      }
  options.alerts = alerts;
  options.n_alerts = alerts[0].start_ms != 0 ? 1 : 0;
  options.hidden = 1u << 1;   /* heap alloc toggled off in the legend */
  layout = smolder_chart_layout_new (m, &options, 1200, 640);
  smolder_chart_paint (cr, layout);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    g_printerr ("bench-chart-paint: cannot write %s\n", path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = 31;
  const char *png = NULL;
  gboolean dark = FALSE;
  g_autoptr(SmolderSeries) m = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(SmolderChartCache) cache = smolder_chart_cache_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  SmolderChartPaintOptions options;
  double build_ms, start;
  guint n_marks;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--png") && i + 1 < argc)
        png = argv[++i];
      else if (g_str_equal (argv[i], "--dark"))
        dark = TRUE;
      else if (atoi (argv[i]) > 0)
        runs = (guint) atoi (argv[i]);
      else
        {
          g_printerr ("usage: bench-chart-paint [RUNS] [--png FILE] [--dark]\n");
          return 2;
        }
    }

  start = g_get_monotonic_time () / 1000.0;
  m = demo_model ();
  build_ms = g_get_monotonic_time () / 1000.0 - start;
  smolder_series_get_gc_marks (m, &n_marks);
  g_print ("6 series x %u points, %u GC marks (built in %.0f ms)\n", N_POINTS, n_marks, build_ms);
  if (png != NULL)
    write_demo (m, png, dark);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cr = cairo_create (surface);
  smolder_chart_paint_options_init (&options);
  options.dark = dark;
  options.show_cursor = TRUE;
  options.cursor_ms = T_START + N_POINTS / 2 * STEP_MS;
  options.cache = cache;   /* as the widget paints */
  for (guint r = 0; r < runs + 1; r++)
    {
      double t0 = g_get_monotonic_time () / 1000.0, c0 = cpu_ms (), ms, cms;
      SmolderChartLayout *layout = smolder_chart_layout_new (m, &options, 1920, 1080);

      smolder_chart_paint (cr, layout);
      cairo_surface_flush (surface);
      smolder_chart_layout_free (layout);
      ms = g_get_monotonic_time () / 1000.0 - t0;
      cms = cpu_ms () - c0;
      if (r > 0)   /* the first warms up fonts and caches */
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu, cms);
        }
    }
  g_array_sort (times, compare_ms);
  g_array_sort (cpu, compare_ms);
  /* CPU time too: on a loaded machine the wall clock counts other work. */
  g_print ("chart frame 1920x1080, 6 x 100,000 points, labels on: median %.2f ms wall, %.2f ms CPU, of %u (goal <= 8 ms)\n",
           g_array_index (times, double, times->len / 2), g_array_index (cpu, double, cpu->len / 2), times->len);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
