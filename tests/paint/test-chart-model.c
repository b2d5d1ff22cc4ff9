/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-model.c: the series model, GC marks, axis ticks and labels. */

#include <math.h>

#include "smolder-chart-ticks.h"
#include "smolder-series.h"

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_append (void)
{
  g_autoptr(SmolderSeries) m = smolder_series_new ();
  guint heap = smolder_series_add (m, "Heap", SMOLDER_SERIES_UNIT_BYTES);
  guint gor = smolder_series_add (m, "Goroutines", SMOLDER_SERIES_UNIT_COUNT);
  guint changed = 0;
  double v;
  gint64 t, first, last;

  g_signal_connect_swapped (m, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_cmpuint (heap, ==, 0);
  g_assert_cmpuint (gor, ==, 1);
  g_assert_cmpuint (smolder_series_get_n_series (m), ==, 2);
  g_assert_cmpstr (smolder_series_get_name (m, gor), ==, "Goroutines");
  g_assert_cmpint (smolder_series_get_unit (m, heap), ==, SMOLDER_SERIES_UNIT_BYTES);
  g_assert_false (smolder_series_get_extent (m, &first, &last));

  g_assert_true (smolder_series_append (m, heap, 1000, 10));
  g_assert_true (smolder_series_append (m, heap, 2000, 30));
  g_assert_true (smolder_series_append (m, heap, 2000, 20));   /* same time: kept */
  g_assert_false (smolder_series_append (m, heap, 1500, 5));   /* back in time */
  g_assert_false (smolder_series_append (m, heap, 3000, NAN));
  g_assert_true (smolder_series_append (m, gor, 500, 7));
  g_assert_cmpuint (smolder_series_get_n_points (m, heap), ==, 3);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (smolder_series_get_time (m, heap, 2), ==, 2000);
  g_assert_cmpfloat (smolder_series_get_value (m, heap, 1), ==, 30);

  g_assert_true (smolder_series_get_extent (m, &first, &last));
  g_assert_cmpint (first, ==, 500);
  g_assert_cmpint (last, ==, 2000);

  /* The value in force: the last point at or before the time. */
  g_assert_false (smolder_series_value_at (m, heap, 999, &v, &t));
  g_assert_true (smolder_series_value_at (m, heap, 1000, &v, &t));
  g_assert_cmpfloat (v, ==, 10);
  g_assert_cmpint (t, ==, 1000);
  g_assert_true (smolder_series_value_at (m, heap, 1999, &v, NULL));
  g_assert_cmpfloat (v, ==, 10);
  g_assert_true (smolder_series_value_at (m, heap, 99999, &v, &t));
  g_assert_cmpfloat (v, ==, 20);
  g_assert_cmpint (t, ==, 2000);

  /* Amortised growth: a million points append quickly. */
  {
    gint64 start = g_get_monotonic_time ();

    for (guint i = 0; i < 1000000; i++)
      smolder_series_append (m, gor, 1000 + i, i % 1000);
    g_assert_cmpuint (smolder_series_get_n_points (m, gor), ==, 1000001);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  }
}

static void
test_range_min_max (void)
{
  g_autoptr(SmolderSeries) m = smolder_series_new ();
  guint s = smolder_series_add (m, "x", SMOLDER_SERIES_UNIT_COUNT);
  double mn, mx;
  const guint n = 100000;
  double *values = g_new (double, n);
  GRand *rand = g_rand_new_with_seed (42);

  /* By hand: 5 3 9 1 at 0, 10, 20, 30. */
  smolder_series_append (m, s, 0, 5);
  smolder_series_append (m, s, 10, 3);
  smolder_series_append (m, s, 20, 9);
  smolder_series_append (m, s, 30, 1);
  g_assert_true (smolder_series_range_min_max (m, s, 10, 30, &mn, &mx));
  g_assert_cmpfloat (mn, ==, 3);
  g_assert_cmpfloat (mx, ==, 9);
  g_assert_true (smolder_series_range_min_max (m, s, 0, 31, &mn, &mx));
  g_assert_cmpfloat (mn, ==, 1);
  g_assert_cmpfloat (mx, ==, 9);
  g_assert_false (smolder_series_range_min_max (m, s, 11, 20, &mn, &mx));
  g_assert_false (smolder_series_range_min_max (m, s, 40, 50, &mn, &mx));

  /* 100,000 points: every range agrees with a plain scan. */
  {
    g_autoptr(SmolderSeries) big = smolder_series_new ();
    guint b = smolder_series_add (big, "big", SMOLDER_SERIES_UNIT_BYTES);

    for (guint i = 0; i < n; i++)
      {
        values[i] = g_rand_double_range (rand, -1e6, 1e6);
        smolder_series_append (big, b, i * 10, values[i]);
      }
    for (guint k = 0; k < 3000; k++)
      {
        guint lo = g_rand_int_range (rand, 0, n);
        guint hi = k < 1000 ? MIN (n, lo + (guint) g_rand_int_range (rand, 1, 100))
                            : (guint) g_rand_int_range (rand, lo + 1, n + 1);
        double emn = INFINITY, emx = -INFINITY;

        if (k == 0)
          lo = 0, hi = n;
        for (guint i = lo; i < hi; i++)
          {
            emn = MIN (emn, values[i]);
            emx = MAX (emx, values[i]);
          }
        g_assert_true (smolder_series_index_min_max (big, b, lo, hi, &mn, &mx));
        g_assert_cmpfloat (mn, ==, emn);
        g_assert_cmpfloat (mx, ==, emx);
        /* The same by time: [lo * 10, hi * 10). */
        g_assert_true (smolder_series_range_min_max (big, b, lo * 10, hi * 10, &mn, &mx));
        g_assert_cmpfloat (mn, ==, emn);
        g_assert_cmpfloat (mx, ==, emx);
      }
  }
  g_rand_free (rand);
  g_free (values);
}

/* A ring read in two polls that overlap: each pause appears once. */
static void
test_gc_dedup (void)
{
  g_autoptr(SmolderSeries) m = smolder_series_new ();
  const SmolderGcMark *marks;
  guint n;

  g_assert_true (smolder_series_add_gc (m, 1000000000, 50000));
  g_assert_true (smolder_series_add_gc (m, 2000000000, 60000));
  g_assert_true (smolder_series_add_gc (m, 3000000000, 70000));
  g_assert_false (smolder_series_add_gc (m, 0, 0));              /* an unused slot */
  /* The second poll: two known, one new. */
  g_assert_false (smolder_series_add_gc (m, 2000000000, 60000));
  g_assert_false (smolder_series_add_gc (m, 3000000000, 70000));
  g_assert_true (smolder_series_add_gc (m, 4000000000, 80000));
  /* The ring wraps: an older pause read late still goes in its place. */
  g_assert_true (smolder_series_add_gc (m, 1500000000, 55000));
  g_assert_false (smolder_series_add_gc (m, 1500000000, 55000));

  marks = smolder_series_get_gc_marks (m, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (marks[0].end_ns, ==, 1000000000);
  g_assert_cmpint (marks[1].end_ns, ==, 1500000000);
  g_assert_cmpint (marks[1].duration_ns, ==, 55000);
  g_assert_cmpint (marks[4].end_ns, ==, 4000000000);
  g_assert_cmpuint (smolder_series_gc_lower_bound (m, 2000000000), ==, 2);
  g_assert_cmpuint (smolder_series_gc_lower_bound (m, 5000000000), ==, 5);
}

static void
test_value_ticks (void)
{
  const double MiB = 1048576, GiB = 1073741824;
  struct { double max; SmolderSeriesUnit unit; guint ticks; double step, top; } cases[] = {
    /* 300 MiB / 5 = 60 MiB -> 100 MiB steps, up to 300 MiB. */
    { 300 * MiB, SMOLDER_SERIES_UNIT_BYTES, 5, 100 * MiB, 300 * MiB },
    /* 1.5 GiB / 4 = 0.375 GiB -> 0.5 GiB steps. */
    { 1.5 * GiB, SMOLDER_SERIES_UNIT_BYTES, 4, 0.5 * GiB, 1.5 * GiB },
    /* 700 KiB / 4 = 175 KiB -> 200 KiB, top 800 KiB. */
    { 700 * 1024, SMOLDER_SERIES_UNIT_BYTES, 4, 200 * 1024, 800 * 1024 },
    /* 1234 / 5 = 246.8 -> 500, top 1500. */
    { 1234, SMOLDER_SERIES_UNIT_COUNT, 5, 500, 1500 },
    /* 7 / 8 < 1: whole goroutines. */
    { 7, SMOLDER_SERIES_UNIT_COUNT, 8, 1, 7 },
    /* 120 ms / 4 = 30 ms -> 50 ms, top 150 ms. */
    { 120e6, SMOLDER_SERIES_UNIT_NANOSECONDS, 4, 50e6, 150e6 },
    /* Nothing yet: an axis all the same. */
    { 0, SMOLDER_SERIES_UNIT_COUNT, 4, 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step, top;

      smolder_chart_value_ticks (cases[i].max, cases[i].unit, cases[i].ticks, &step, &top);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, 1e-6);
      g_assert_cmpfloat_with_epsilon (top, cases[i].top, 1e-6);
    }
}

static void
test_axis_labels (void)
{
  struct { double value; SmolderSeriesUnit unit; const char *label; } cases[] = {
    { 0, SMOLDER_SERIES_UNIT_BYTES, "0 B" },
    { 100 * 1048576.0, SMOLDER_SERIES_UNIT_BYTES, "100 MiB" },
    { 512 * 1048576.0, SMOLDER_SERIES_UNIT_BYTES, "512 MiB" },
    { 1.5 * 1073741824.0, SMOLDER_SERIES_UNIT_BYTES, "1.5 GiB" },
    { 4 * 1073741824.0, SMOLDER_SERIES_UNIT_BYTES, "4 GiB" },
    { 200 * 1024.0, SMOLDER_SERIES_UNIT_BYTES, "200 KiB" },
    { 1500, SMOLDER_SERIES_UNIT_COUNT, "1500" },
    { 20000, SMOLDER_SERIES_UNIT_COUNT, "20k" },
    { 1500000, SMOLDER_SERIES_UNIT_COUNT, "1.5M" },
    { 50e6, SMOLDER_SERIES_UNIT_NANOSECONDS, "50 ms" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = smolder_chart_format_axis_value (cases[i].value, cases[i].unit);

      g_assert_cmpstr (s, ==, cases[i].label);
    }
  /* Tooltips keep three significant digits. */
  {
    g_autofree char *s = smolder_chart_format_value (1.5 * 1073741824.0, SMOLDER_SERIES_UNIT_BYTES);

    g_assert_cmpstr (s, ==, "1.50 GiB");
  }
}

static void
test_time_ticks (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) india = g_time_zone_new_identifier ("+05:30");
  /* 1700000000 s = 2023-11-14 22:13:20 UTC = 03:43:20 in +05:30. */
  const gint64 t0 = G_GINT64_CONSTANT (1700000000123);

  /* Steps: 10 min over 1000 px -> 1 min = 100 px (30 s would be 50). */
  g_assert_cmpint (smolder_chart_time_step (600000, 1000, 90), ==, 60000);
  g_assert_cmpint (smolder_chart_time_step (3600000, 800, 90), ==, 600000);
  g_assert_cmpint (smolder_chart_time_step (30000, 1000, 90), ==, 5000);
  g_assert_cmpint (smolder_chart_time_step (7 * 86400000LL, 700, 90), ==, 86400000);

  /* Ticks on the wall clock of the zone. */
  g_assert_cmpint (smolder_chart_time_first_tick (t0, 60000, utc), ==, G_GINT64_CONSTANT (1700000040000));
  g_assert_cmpint (smolder_chart_time_first_tick (t0, 900000, india), ==, G_GINT64_CONSTANT (1700000100000));
  g_assert_cmpint (smolder_chart_time_first_tick (t0, 3600000, india), ==, G_GINT64_CONSTANT (1700001000000));
  g_assert_cmpint (smolder_chart_time_first_tick (1700000040000, 60000, utc), ==, 1700000040000);

  {
    g_autofree char *a = smolder_chart_format_time (1700000040000, 60000, utc);
    g_autofree char *b = smolder_chart_format_time (1700000045000, 5000, utc);
    g_autofree char *c = smolder_chart_format_time (1700000040000, 60000, india);
    g_autofree char *d = smolder_chart_format_time (1700000040000, 86400000, utc);

    g_assert_cmpstr (a, ==, "22:14");
    g_assert_cmpstr (b, ==, "22:14:05");
    g_assert_cmpstr (c, ==, "03:44");
    g_assert_cmpstr (d, ==, "Nov 14");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/chart-model/append", test_append);
  g_test_add_func ("/smolder/chart-model/range-min-max", test_range_min_max);
  g_test_add_func ("/smolder/chart-model/gc-dedup", test_gc_dedup);
  g_test_add_func ("/smolder/chart-model/value-ticks", test_value_ticks);
  g_test_add_func ("/smolder/chart-model/axis-labels", test_axis_labels);
  g_test_add_func ("/smolder/chart-model/time-ticks", test_time_ticks);

  return g_test_run ();
}
