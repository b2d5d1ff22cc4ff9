/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-paint.c: the chart painter: golden images, decimation, hit tests. */

#include <math.h>
#include <string.h>

#include "smolder-chart-marks.h"
#include "smolder-chart-paint.h"

/* 2023-11-14 22:13:20 UTC: a round minute is 40 s later. */
#define T0 G_GINT64_CONSTANT (1700000000000)
#define MiB 1048576.0
#define TOLERANCE 2   /* per channel, out of 255 */

static GTimeZone *utc;

/* Heap in use 10, 20, 15, 30 MiB and goroutines 100, 150, 150, 120, a
 * point every 10 s from T0. */
static SmolderSeries *
small_model (void)
{
  SmolderSeries *m = smolder_series_new ();
  guint heap = smolder_series_add (m, "Heap in use", SMOLDER_SERIES_UNIT_BYTES);
  guint sys = smolder_series_add (m, "Sys", SMOLDER_SERIES_UNIT_BYTES);
  guint gor = smolder_series_add (m, "Goroutines", SMOLDER_SERIES_UNIT_COUNT);
  const double h[] = { 10, 20, 15, 30 }, g[] = { 100, 150, 150, 120 };

  for (guint i = 0; i < 4; i++)
    {
      smolder_series_append (m, heap, T0 + i * 10000, h[i] * MiB);
      smolder_series_append (m, sys, T0 + i * 10000, 40 * MiB);
      smolder_series_append (m, gor, T0 + i * 10000, g[i]);
    }
  return m;
}

/* 100,000 points every 100 ms: 100 + (i % 50), and one point of 1000 at
 * i = 50,017. */
#define SPIKE_INDEX 50017   /* inside a column, not its first or last point */
static SmolderSeries *
dense_model (void)
{
  SmolderSeries *m = smolder_series_new ();
  guint s = smolder_series_add (m, "Goroutines", SMOLDER_SERIES_UNIT_COUNT);

  for (guint i = 0; i < 100000; i++)
    smolder_series_append (m, s, T0 + i * 100, i == SPIKE_INDEX ? 1000 : 100 + (i % 50));
  return m;
}

static void
options_init (SmolderChartPaintOptions *options)
{
  smolder_chart_paint_options_init (options);
  options->draw_labels = FALSE;   /* fonts differ between machines */
  options->tz = utc;
}

static cairo_surface_t *
render (SmolderSeries                   *model,
        const SmolderChartPaintOptions  *options,
        int                              width,
        int                              height,
        SmolderChartLayout             **out_layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  SmolderChartLayout *layout = smolder_chart_layout_new (model, options, width, height);

  smolder_chart_paint (cr, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (out_layout != NULL)
    *out_layout = layout;
  else
    smolder_chart_layout_free (layout);
  return surface;
}

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  guchar *data = cairo_image_surface_get_data (s);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (s));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (s));
  return *(guint32 *) (data + y * cairo_image_surface_get_stride (s) + 4 * x) & 0xffffff;
}

static guint32
rgb_pixel (SmolderRgb c)
{
  return ((guint32) lround (c.red * 255) << 16) | ((guint32) lround (c.green * 255) << 8) | (guint32) lround (c.blue * 255);
}

static gboolean
close_to (guint32 a,
          guint32 b,
          int     tolerance)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

/* Compares with a golden PNG (no text in it); SMOLDER_UPDATE_GOLDEN=1
 * rewrites it. On a mismatch the actual image is left in the build dir. */
static void
check_golden (cairo_surface_t *actual,
              const char      *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (SMOLDER_GOLDEN_DIR, file, NULL);
  cairo_surface_t *golden;
  int w = cairo_image_surface_get_width (actual), h = cairo_image_surface_get_height (actual);
  int bad = 0, worst = 0;

  if (g_strcmp0 (g_getenv ("SMOLDER_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, path), ==, CAIRO_STATUS_SUCCESS);
      return;
    }
  golden = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    g_error ("cannot read golden %s (SMOLDER_UPDATE_GOLDEN=1 makes it)", path);
  if (cairo_image_surface_get_width (golden) != w || cairo_image_surface_get_height (golden) != h)
    bad = w * h;
  else
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++)
        {
          guint32 a = pixel (actual, x, y), g = pixel (golden, x, y);

          for (int shift = 0; shift < 24; shift += 8)
            worst = MAX (worst, ABS ((int) ((a >> shift) & 0xff) - (int) ((g >> shift) & 0xff)));
          if (!close_to (a, g, TOLERANCE))
            bad++;
        }
  cairo_surface_destroy (golden);
  if (bad > 0)
    {
      g_autofree char *out = g_build_filename (SMOLDER_TEST_OUTPUT, file, NULL);
      g_autofree char *actual_png = g_strconcat (out, ".actual.png", NULL);

      cairo_surface_write_to_png (actual, actual_png);
      g_error ("%s: %d of %d pixels differ by more than %d (worst %d); see %s",
               name, bad, w * h, TOLERANCE, worst, actual_png);
    }
}

static void
test_golden_plain (void)
{
  g_autoptr(SmolderSeries) m = small_model ();
  SmolderChartPaintOptions options;
  cairo_surface_t *s;

  options_init (&options);
  s = render (m, &options, 400, 240, NULL);
  check_golden (s, "chart-plain");
  cairo_surface_destroy (s);

  /* Dark, with the crosshair at the third point. */
  options.dark = TRUE;
  options.show_cursor = TRUE;
  options.cursor_ms = T0 + 20000;
  s = render (m, &options, 400, 240, NULL);
  check_golden (s, "chart-plain-dark-cursor");
  cairo_surface_destroy (s);
}

/* 100,000 points in 532 columns: the one-point spike survives. */
static void
test_decimated_spike (void)
{
  g_autoptr(SmolderSeries) m = dense_model ();
  g_autoptr(SmolderChartLayout) layout = NULL;
  SmolderChartPaintOptions options;
  cairo_surface_t *s;
  SmolderRgb color, bg;
  double x, y_spike, y_noise;
  int col;
  gboolean found = FALSE;

  options_init (&options);
  s = render (m, &options, 600, 200, &layout);

  smolder_chart_series_color (0, FALSE, &color);
  smolder_palette_background (FALSE, &bg);
  /* The axis reaches above the spike, not only the noise. */
  g_assert_cmpfloat (smolder_chart_layout_get_axis_top (layout, 0), >=, 1000);
  x = smolder_chart_layout_x_for_time (layout, T0 + SPIKE_INDEX * 100);
  y_spike = smolder_chart_layout_y_for_value (layout, 0, 1000);
  y_noise = smolder_chart_layout_y_for_value (layout, 0, 150);
  g_assert_cmpfloat (y_noise - y_spike, >, 40);
  col = (int) floor (x);

  /* Just under the spike's top, its column is drawn in the series colour. */
  for (int dx = -1; dx <= 1; dx++)
    if (close_to (pixel (s, col + dx, (int) y_spike + 3), rgb_pixel (color), 40))
      found = TRUE;
  g_assert_true (found);
  /* Halfway down too: a line from 150 up to 1000, not a dot. */
  found = FALSE;
  for (int dx = -1; dx <= 1; dx++)
    if (close_to (pixel (s, col + dx, (int) ((y_spike + y_noise) / 2)), rgb_pixel (color), 40))
      found = TRUE;
  g_assert_true (found);
  /* Ten columns away nothing reaches that height. */
  g_assert_true (close_to (pixel (s, col + 10, (int) y_spike + 3), rgb_pixel (bg), 2));
  g_assert_true (close_to (pixel (s, col - 10, (int) y_spike + 3), rgb_pixel (bg), 2));
  check_golden (s, "chart-decimated");
  cairo_surface_destroy (s);
}

static void
test_golden_threshold_alert (void)
{
  g_autoptr(SmolderSeries) m = small_model ();
  g_autoptr(SmolderChartLayout) layout = NULL;
  SmolderChartThreshold thresholds[] = {
    { 0, 25 * MiB, "Heap limit" },
    { 2, 140, NULL },
  };
  SmolderChartAlert alerts[] = {
    { T0 + 25000, T0 + 25000 },   /* a marker where heap crosses 25 MiB */
    { T0 + 8000, T0 + 22000 },    /* a band while goroutines were above 140 */
  };
  SmolderChartPaintOptions options;
  cairo_surface_t *s;
  SmolderRgb red = { 0.878, 0.106, 0.141 };
  double y, x;
  cairo_rectangle_t plot;

  options_init (&options);
  options.thresholds = thresholds;
  options.n_thresholds = G_N_ELEMENTS (thresholds);
  options.alerts = alerts;
  options.n_alerts = G_N_ELEMENTS (alerts);
  s = render (m, &options, 400, 240, &layout);

  /* The threshold line is red at its value, in the bytes panel. */
  y = round (smolder_chart_layout_y_for_value (layout, 0, 25 * MiB));
  smolder_chart_layout_get_plot (layout, &plot);
  g_assert_true (close_to (pixel (s, (int) plot.x + 2, (int) y), rgb_pixel (red), 60));
  /* The marker runs top to bottom at its time. */
  x = round (smolder_chart_layout_x_for_time (layout, T0 + 25000));
  g_assert_true (close_to (pixel (s, (int) x, (int) plot.y + 20), rgb_pixel (red), 60));
  check_golden (s, "chart-threshold");
  cairo_surface_destroy (s);
}

static void
test_golden_gc (void)
{
  g_autoptr(SmolderSeries) m = small_model ();
  g_autoptr(SmolderChartLayout) layout = NULL;
  SmolderChartPaintOptions options;
  cairo_surface_t *s;
  cairo_rectangle_t plot;
  SmolderRgb red = { 0.878, 0.106, 0.141 };
  const gint64 ms = 1000000;

  /* 50 µs, 1 ms, 5 ms and one of 150 ms (past the 100 ms alert). */
  smolder_series_add_gc (m, (T0 + 5000) * ms, 50000);
  smolder_series_add_gc (m, (T0 + 12000) * ms, 1 * ms);
  smolder_series_add_gc (m, (T0 + 18000) * ms, 5 * ms);
  smolder_series_add_gc (m, (T0 + 26000) * ms, 150 * ms);
  options_init (&options);
  s = render (m, &options, 400, 240, &layout);

  /* The long pause stands in red at the bottom of the plot. */
  smolder_chart_layout_get_plot (layout, &plot);
  g_assert_true (close_to (pixel (s, (int) floor (smolder_chart_layout_x_for_time (layout, T0 + 26000)) - 1,
                                  (int) (plot.y + plot.height) - 3),
                           rgb_pixel (red), 30));
  check_golden (s, "chart-gc");
  cairo_surface_destroy (s);
}

/* Legend entries are where they are drawn; a hidden series is not drawn. */
static void
test_legend_hidden (void)
{
  g_autoptr(SmolderSeries) m = small_model ();
  g_autoptr(SmolderChartLayout) layout = NULL;
  SmolderChartPaintOptions options;
  cairo_rectangle_t r0, r1;
  cairo_surface_t *shown, *hidden;
  SmolderRgb blue;
  double x, y;

  options_init (&options);
  shown = render (m, &options, 400, 240, &layout);
  g_assert_true (smolder_chart_layout_get_legend_rect (layout, 0, &r0));
  g_assert_true (smolder_chart_layout_get_legend_rect (layout, 1, &r1));
  g_assert_false (smolder_chart_layout_get_legend_rect (layout, 3, &r0));
  g_assert_true (smolder_chart_layout_get_legend_rect (layout, 0, &r0));
  g_assert_cmpfloat (r1.x, >, r0.x + r0.width);
  g_assert_cmpuint (smolder_chart_layout_legend_at (layout, r0.x + 3, r0.y + r0.height / 2), ==, 0);
  g_assert_cmpuint (smolder_chart_layout_legend_at (layout, r1.x + 3, r1.y + r1.height / 2), ==, 1);
  g_assert_cmpuint (smolder_chart_layout_legend_at (layout, r0.x + 3, 200), ==, SMOLDER_SERIES_NONE);

  /* Heap in use at its second point (20 MiB, blue) vanishes when hidden. */
  smolder_chart_series_color (0, FALSE, &blue);
  x = smolder_chart_layout_x_for_time (layout, T0 + 10000);
  y = smolder_chart_layout_y_for_value (layout, 0, 20 * MiB);
  g_assert_true (close_to (pixel (shown, (int) x, (int) y), rgb_pixel (blue), 40));
  options.hidden = 1u << 0;
  hidden = render (m, &options, 400, 240, NULL);
  g_assert_false (close_to (pixel (hidden, (int) x, (int) y), rgb_pixel (blue), 40));
  cairo_surface_destroy (shown);
  cairo_surface_destroy (hidden);
}

/* At scale 2 the lines are drawn in device pixels: a 1.6 px line is
 * about 3 device pixels tall, not an upscaled blur twice that. */
static void
test_hidpi (void)
{
  g_autoptr(SmolderSeries) m = small_model ();
  g_autoptr(SmolderChartLayout) layout = NULL;
  SmolderChartPaintOptions options;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 480);
  cairo_t *cr;
  SmolderRgb blue;
  double x, y;

  cairo_surface_set_device_scale (s, 2, 2);
  cr = cairo_create (s);
  options_init (&options);
  options.scale = 2;
  layout = smolder_chart_layout_new (m, &options, 400, 240);
  smolder_chart_paint (cr, layout);
  cairo_destroy (cr);
  cairo_surface_flush (s);

  smolder_chart_series_color (0, FALSE, &blue);
  /* Heap in use at 10 s, 20 MiB: a local peak, the line flat there. */
  x = smolder_chart_layout_x_for_time (layout, T0 + 10000);
  y = smolder_chart_layout_y_for_value (layout, 0, 20 * MiB);
  g_assert_true (close_to (pixel (s, (int) (2 * x), (int) (2 * y)), rgb_pixel (blue), 8));
  g_assert_false (close_to (pixel (s, (int) (2 * x), (int) (2 * y) - 4), rgb_pixel (blue), 60));
  cairo_surface_destroy (s);
}

static void
test_describe (void)
{
  g_autoptr(SmolderSeries) m = small_model ();
  g_autofree char *at_15s = NULL, *before = NULL, *hidden = NULL, *gc = NULL;

  /* 15 s in: the points of 10 s are in force (20 MiB, 150). */
  at_15s = smolder_chart_describe_at (m, T0 + 15000, 0, 0, utc);
  g_assert_cmpstr (at_15s, ==, "22:13:35\nHeap in use: 20.0 MiB\nSys: 40.0 MiB\nGoroutines: 150");
  before = smolder_chart_describe_at (m, T0 - 1000, 0, 0, utc);
  g_assert_cmpstr (before, ==, "22:13:19");
  hidden = smolder_chart_describe_at (m, T0 + 30000, 1u << 1, 0, utc);
  g_assert_cmpstr (hidden, ==, "22:13:50\nHeap in use: 30.0 MiB\nGoroutines: 120");
  smolder_series_add_gc (m, (T0 + 31000) * 1000000, 2500000);
  gc = smolder_chart_describe_at (m, T0 + 30000, 0x7, 2000, utc);
  g_assert_cmpstr (gc, ==, "22:13:50\nGC pause: 2.50 ms");
}

/* Mapping time and value both ways; all data when no range is given. */
static void
test_layout_mapping (void)
{
  g_autoptr(SmolderSeries) m = small_model ();
  g_autoptr(SmolderChartLayout) layout = NULL;
  SmolderChartPaintOptions options;
  cairo_rectangle_t plot;
  gint64 t0, t1;

  options_init (&options);
  layout = smolder_chart_layout_new (m, &options, 500, 300);
  smolder_chart_layout_get_range (layout, &t0, &t1);
  g_assert_cmpint (t0, ==, T0);
  g_assert_cmpint (t1, ==, T0 + 30000);
  smolder_chart_layout_get_plot (layout, &plot);
  g_assert_cmpfloat (smolder_chart_layout_x_for_time (layout, T0), ==, plot.x);
  g_assert_cmpfloat (smolder_chart_layout_x_for_time (layout, T0 + 30000), ==, plot.x + plot.width);
  g_assert_cmpint (smolder_chart_layout_time_at (layout, plot.x + plot.width / 2), ==, T0 + 15000);
  g_assert_true (smolder_chart_layout_in_plot (layout, plot.x + 1, plot.y + 1));
  g_assert_false (smolder_chart_layout_in_plot (layout, plot.x - 1, plot.y + 1));
  /* Two panels of 102 px hold 2 value steps of >= 36 px each. Bytes: Sys
   * 40 MiB + 5 % = 42 MiB / 2 = 21 -> 50 MiB steps; goroutines 157.5 / 2
   * -> 100, up to 200. */
  g_assert_cmpfloat (smolder_chart_layout_get_axis_top (layout, 0), ==, 50 * MiB);
  g_assert_cmpfloat (smolder_chart_layout_get_axis_top (layout, 2), ==, 200);
  /* Bytes on top, counts below. */
  g_assert_cmpfloat (smolder_chart_layout_y_for_value (layout, 0, 0), <, smolder_chart_layout_y_for_value (layout, 2, 200));

  /* An empty model paints without trouble. */
  {
    g_autoptr(SmolderSeries) empty = smolder_series_new ();
    cairo_surface_t *s = render (empty, &options, 100, 80, NULL);

    cairo_surface_destroy (s);
  }
  /* With labels, nothing fails either. */
  {
    cairo_surface_t *s;

    options.draw_labels = TRUE;
    s = render (m, &options, 640, 300, NULL);
    cairo_surface_destroy (s);
  }
}

/* Twelve long names in 500 px: the legend wraps, every entry stays inside
 * the chart, and the panels start below the last legend row. */
static void
test_legend_wraps (void)
{
  g_autoptr(SmolderSeries) m = smolder_series_new ();
  g_autoptr(SmolderChartLayout) layout = NULL;
  SmolderChartPaintOptions options;
  cairo_rectangle_t first, r, plot;
  double bottom = 0;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("github.com/example/pkg.(*Type).Method%u", i);
      guint s = smolder_series_add (m, name, SMOLDER_SERIES_UNIT_BYTES);

      smolder_series_append (m, s, 1000, i);
      smolder_series_append (m, s, 2000, 2 * i);
    }
  smolder_chart_paint_options_init (&options);
  options.tz = utc;
  layout = smolder_chart_layout_new (m, &options, 500, 400);
  g_assert_true (smolder_chart_layout_get_legend_rect (layout, 0, &first));
  for (guint i = 0; i < 12; i++)
    {
      g_assert_true (smolder_chart_layout_get_legend_rect (layout, i, &r));
      g_assert_cmpfloat (r.x + r.width, <=, 500);
      bottom = MAX (bottom, r.y + r.height);
    }
  g_assert_cmpfloat (r.y, >, first.y);
  smolder_chart_layout_get_plot (layout, &plot);
  g_assert_cmpfloat (plot.y, >, bottom);
  /* A click on a wrapped entry finds it. */
  g_assert_cmpuint (smolder_chart_layout_legend_at (layout, r.x + 2, r.y + 2), ==, 11);
}

/* The moments chosen for a comparison: a line from the top of the plot
 * to its bottom, in the accent blue, at each mark's time. */
static void
test_marks (void)
{
  g_autoptr(SmolderSeries) m = small_model ();
  SmolderChartLayout *layout = NULL;
  SmolderChartPaintOptions options;
  const gint64 marks[] = { T0 + 10000, T0 + 20000, T0 + 90000 /* outside: skipped */ };
  const guint32 accent = 0x1c70d9;  /* 0.11, 0.44, 0.85 */
  cairo_surface_t *surface;
  cairo_rectangle_t plot;
  cairo_t *cr;

  options_init (&options);
  surface = render (m, &options, 500, 300, &layout);
  smolder_chart_layout_get_plot (layout, &plot);
  for (guint i = 0; i < 2; i++)
    g_assert_false (close_to (pixel (surface, (int) smolder_chart_layout_x_for_time (layout, marks[i]),
                                     (int) (plot.y + 2)), accent, 40));
  cr = cairo_create (surface);
  smolder_chart_paint_marks (cr, layout, marks, G_N_ELEMENTS (marks), FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint i = 0; i < 2; i++)
    {
      int x = (int) floor (smolder_chart_layout_x_for_time (layout, marks[i]));

      /* The tag at the top, and the first (solid) line all the way down. */
      g_assert_true (close_to (pixel (surface, x, (int) (plot.y + 2)), accent, 40));
      if (i == 0)
        for (double y = plot.y + 12; y < plot.y + plot.height - 1; y += 7)
          g_assert_true (close_to (pixel (surface, x, (int) y), accent, 40));
    }
  smolder_chart_layout_free (layout);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  utc = g_time_zone_new_utc ();

  g_test_add_func ("/smolder/chart-paint/golden-plain", test_golden_plain);
  g_test_add_func ("/smolder/chart-paint/decimated-spike", test_decimated_spike);
  g_test_add_func ("/smolder/chart-paint/threshold-alert", test_golden_threshold_alert);
  g_test_add_func ("/smolder/chart-paint/gc-marks", test_golden_gc);
  g_test_add_func ("/smolder/chart-paint/legend-hidden", test_legend_hidden);
  g_test_add_func ("/smolder/chart-paint/hidpi", test_hidpi);
  g_test_add_func ("/smolder/chart-paint/legend-wraps", test_legend_wraps);
  g_test_add_func ("/smolder/chart-paint/describe", test_describe);
  g_test_add_func ("/smolder/chart-paint/layout-mapping", test_layout_mapping);
  g_test_add_func ("/smolder/chart-paint/marks", test_marks);

  ret = g_test_run ();
  g_time_zone_unref (utc);
  return ret;
}
