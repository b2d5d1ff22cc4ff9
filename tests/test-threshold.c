/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-threshold.c: alert thresholds as typed, and their crossings: one
 * per rise over the threshold, not one per point while above. */
#include "smolder-threshold.h"

static void
test_parse (void)
{
  struct { const char *text; SmolderSeriesUnit unit; double value; } good[] = {
    { "512 MiB", SMOLDER_SERIES_UNIT_BYTES, 512.0 * 1024 * 1024 },
    { "512mib", SMOLDER_SERIES_UNIT_BYTES, 512.0 * 1024 * 1024 },
    { "1.5 GiB", SMOLDER_SERIES_UNIT_BYTES, 1.5 * 1024 * 1024 * 1024 },
    { "100 MB", SMOLDER_SERIES_UNIT_BYTES, 100e6 },
    { "2G", SMOLDER_SERIES_UNIT_BYTES, 2.0 * 1024 * 1024 * 1024 },
    { "64 k", SMOLDER_SERIES_UNIT_BYTES, 65536 },
    { "1000", SMOLDER_SERIES_UNIT_BYTES, 1000 },
    { " 300 B ", SMOLDER_SERIES_UNIT_BYTES, 300 },
    { "off", SMOLDER_SERIES_UNIT_BYTES, 0 },
    { "", SMOLDER_SERIES_UNIT_BYTES, 0 },
    { "1200", SMOLDER_SERIES_UNIT_COUNT, 1200 },
    { "10k", SMOLDER_SERIES_UNIT_COUNT, 10000 },
    { "1.5 K", SMOLDER_SERIES_UNIT_COUNT, 1500 },
    { "100 ms", SMOLDER_SERIES_UNIT_NANOSECONDS, 100 },
    { "50", SMOLDER_SERIES_UNIT_NANOSECONDS, 50 },
    { "0.5s", SMOLDER_SERIES_UNIT_NANOSECONDS, 500 },
    { "250 us", SMOLDER_SERIES_UNIT_NANOSECONDS, 0.25 },
    { "250 \302\265s", SMOLDER_SERIES_UNIT_NANOSECONDS, 0.25 },
  };
  struct { const char *text; SmolderSeriesUnit unit; } bad[] = {
    { "lots", SMOLDER_SERIES_UNIT_BYTES },
    { "-5 MiB", SMOLDER_SERIES_UNIT_BYTES },
    { "5 parsecs", SMOLDER_SERIES_UNIT_BYTES },
    { "inf", SMOLDER_SERIES_UNIT_BYTES },
    { "nan", SMOLDER_SERIES_UNIT_COUNT },
    { "0x10", SMOLDER_SERIES_UNIT_COUNT },
    { "2.5", SMOLDER_SERIES_UNIT_COUNT },
    { "10 MiB", SMOLDER_SERIES_UNIT_COUNT },
    { "5 min", SMOLDER_SERIES_UNIT_NANOSECONDS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -1;

      g_test_message ("%s", good[i].text);
      g_assert_true (smolder_threshold_parse (good[i].text, good[i].unit, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (v, good[i].value, 1e-9);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double v = -1;

      g_test_message ("%s", bad[i].text);
      g_assert_false (smolder_threshold_parse (bad[i].text, bad[i].unit, &v, &error));
      g_assert_error (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_INVALID);
      g_assert_cmpfloat (v, ==, -1);
    }
}

static void
test_format (void)
{
  struct { double value; SmolderSeriesUnit unit; const char *text; } cases[] = {
    { 512.0 * 1024 * 1024, SMOLDER_SERIES_UNIT_BYTES, "512 MiB" },
    { 1.5 * 1024 * 1024 * 1024, SMOLDER_SERIES_UNIT_BYTES, "1.5 GiB" },
    { 100e6, SMOLDER_SERIES_UNIT_BYTES, "100 MB" },
    { 1000, SMOLDER_SERIES_UNIT_BYTES, "1 kB" },
    { 1001, SMOLDER_SERIES_UNIT_BYTES, "1.001 kB" },
    { 123457, SMOLDER_SERIES_UNIT_BYTES, "123.457 kB" },
    { 999, SMOLDER_SERIES_UNIT_BYTES, "999 B" },
    { 0, SMOLDER_SERIES_UNIT_BYTES, "" },
    { 1200, SMOLDER_SERIES_UNIT_COUNT, "1200" },
    { 100, SMOLDER_SERIES_UNIT_NANOSECONDS, "100 ms" },
    { 1500, SMOLDER_SERIES_UNIT_NANOSECONDS, "1.5 s" },
    { 0.25, SMOLDER_SERIES_UNIT_NANOSECONDS, "0.25 ms" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = smolder_threshold_format (cases[i].value, cases[i].unit);
      double back = -1;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* What is shown reads back as the same value. */
      g_assert_true (smolder_threshold_parse (text, cases[i].unit, &back, NULL));
      g_assert_cmpfloat_with_epsilon (back, cases[i].value, 1e-9);
    }
}

static void
test_watch (void)
{
  /* Heap in use against 100: below, crossing, above for a while (no new
   * alert), back below, crossing again; exactly at it counts as reaching it. */
  static const double values[] = { 50, 90, 120, 130, 101, 99, 80, 100, 150, 40 };
  static const gboolean crossing[] = { FALSE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, FALSE };
  SmolderThresholdWatch watch;

  smolder_threshold_watch_init (&watch, 100);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpint (smolder_threshold_watch_update (&watch, values[i]), ==, crossing[i]);

  /* Starting above is a crossing at the first value. */
  smolder_threshold_watch_init (&watch, 100);
  g_assert_true (smolder_threshold_watch_update (&watch, 500));
  g_assert_false (smolder_threshold_watch_update (&watch, 600));

  /* Off never crosses. */
  smolder_threshold_watch_init (&watch, 0);
  g_assert_false (smolder_threshold_watch_update (&watch, 1e12));
}

static void
test_spans (void)
{
  g_autoptr(SmolderSeries) model = smolder_series_new ();
  guint s = smolder_series_add (model, "Goroutines", SMOLDER_SERIES_UNIT_COUNT);
  static const double values[] = { 10, 20, 1200, 1300, 900, 1000, 1100 };
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) none = NULL;
  SmolderThresholdSpan *span;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    smolder_series_append (model, s, 1000 * (i + 1), values[i]);

  spans = smolder_threshold_find_spans (model, s, 1000);
  g_assert_cmpuint (spans->len, ==, 2);
  span = &g_array_index (spans, SmolderThresholdSpan, 0);
  /* Above from t=3 s (1200) until t=5 s (900, back below). */
  g_assert_cmpint (span->start_ms, ==, 3000);
  g_assert_cmpint (span->end_ms, ==, 5000);
  /* Again at t=6 s (1000), still above at the last point (t=7 s). */
  span = &g_array_index (spans, SmolderThresholdSpan, 1);
  g_assert_cmpint (span->start_ms, ==, 6000);
  g_assert_cmpint (span->end_ms, ==, 7000);

  none = smolder_threshold_find_spans (model, s, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/smolder/threshold/parse", test_parse);
  g_test_add_func ("/smolder/threshold/format", test_format);
  g_test_add_func ("/smolder/threshold/watch", test_watch);
  g_test_add_func ("/smolder/threshold/spans", test_spans);
  return g_test_run ();
}
