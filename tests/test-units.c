/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-units.c: values in human units. */

#include "smolder-units.h"

typedef char *(*Formatter) (gint64 value);

static void
check (Formatter   format,
       gint64      value,
       const char *expected)
{
  g_autofree char *s = format (value);
  g_assert_cmpstr (s, ==, expected);
}

static void
test_bytes (void)
{
  check (smolder_units_format_bytes, 0, "0 B");
  check (smolder_units_format_bytes, 1023, "1023 B");
  check (smolder_units_format_bytes, 1024, "1.00 KiB");
  check (smolder_units_format_bytes, 1536, "1.50 KiB");
  check (smolder_units_format_bytes, 4096 * 1024, "4.00 MiB");
  check (smolder_units_format_bytes, 69626607, "66.4 MiB");
  check (smolder_units_format_bytes, 1048575, "1.00 MiB");   /* not "1024 KiB" */
  check (smolder_units_format_bytes, G_GINT64_CONSTANT (3) << 30, "3.00 GiB");
  check (smolder_units_format_bytes, 500 * 1048576, "500 MiB");
  check (smolder_units_format_bytes, -2048, "-2.00 KiB");
}

static void
test_duration (void)
{
  check (smolder_units_format_duration, 950, "950 ns");
  check (smolder_units_format_duration, 1500, "1.50 µs");
  check (smolder_units_format_duration, 12300000, "12.3 ms");
  check (smolder_units_format_duration, 800000000, "800 ms");
  check (smolder_units_format_duration, 2710000000, "2.71 s");
  check (smolder_units_format_duration, G_GINT64_CONSTANT (90) * 1000000000, "1.50 min");
  check (smolder_units_format_duration, G_GINT64_CONSTANT (7200) * 1000000000, "2.00 h");
  check (smolder_units_format_duration, 9996, "10.0 µs");
}

static void
test_count (void)
{
  check (smolder_units_format_count, 0, "0");
  check (smolder_units_format_count, 9999, "9999");
  check (smolder_units_format_count, 12345, "12.3k");
  check (smolder_units_format_count, 414223, "414k");
  check (smolder_units_format_count, 1230000, "1.23M");
  check (smolder_units_format_count, -12345, "-12.3k");
}

static void
test_by_unit (void)
{
  g_autofree char *b = smolder_units_format (2048, "bytes");
  g_autofree char *ns = smolder_units_format (1500, "nanoseconds");
  g_autofree char *us = smolder_units_format (1500, "microseconds");
  g_autofree char *c = smolder_units_format (42, "count");
  g_autofree char *other = smolder_units_format (42, NULL);
  g_autofree char *p = smolder_units_format_percent (1, 3);
  g_autofree char *p100 = smolder_units_format_percent (5, 5);
  g_autofree char *p0 = smolder_units_format_percent (5, 0);
  g_autofree char *p25 = smolder_units_format_percent (1, 4);

  g_assert_cmpstr (b, ==, "2.00 KiB");
  g_assert_cmpstr (ns, ==, "1.50 µs");
  g_assert_cmpstr (us, ==, "1.50 ms");
  g_assert_cmpstr (c, ==, "42");
  g_assert_cmpstr (other, ==, "42");
  g_assert_cmpstr (p, ==, "33.3%");
  g_assert_cmpstr (p100, ==, "100%");
  g_assert_cmpstr (p0, ==, "-");
  g_assert_cmpstr (p25, ==, "25.0%");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/units/bytes", test_bytes);
  g_test_add_func ("/smolder/units/duration", test_duration);
  g_test_add_func ("/smolder/units/count", test_count);
  g_test_add_func ("/smolder/units/by-unit", test_by_unit);

  return g_test_run ();
}
