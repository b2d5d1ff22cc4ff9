/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-units.c: three significant digits, binary prefixes for bytes. */

#include "smolder-units.h"

#include <math.h>

/* @scaled >= 1: "1.50", "12.3", "123" (three significant digits). */
static char *
format_scaled (gboolean    negative,
               double      scaled,
               const char *suffix)
{
  const char *sign = negative ? "-" : "";

  /* Round first so 9.996 prints as "10.0", not "10.00". */
  if (round (scaled * 100) / 100 < 10)
    return g_strdup_printf ("%s%.2f%s", sign, scaled, suffix);
  if (round (scaled * 10) / 10 < 100)
    return g_strdup_printf ("%s%.1f%s", sign, scaled, suffix);
  return g_strdup_printf ("%s%.0f%s", sign, scaled, suffix);
}

typedef struct {
  double      factor;
  const char *suffix;
} Step;

/* Picks the largest step the value reaches; below the first, prints as is. */
static char *
format_steps (gint64        value,
              double        scale,
              const Step   *steps,
              guint         n_steps,
              const char   *base_suffix)
{
  gboolean negative = value < 0;
  double v = fabs ((double) value) * scale;

  for (guint i = n_steps; i > 0; i--)
    {
      const Step *step = &steps[i - 1];

      /* Stay on the smaller unit when rounding would show 1024 of it. */
      if (v >= step->factor * 0.9995)
        return format_scaled (negative, v / step->factor, step->suffix);
    }
  return g_strdup_printf ("%s%.0f%s", negative ? "-" : "", v, base_suffix);
}

char *
smolder_units_format_bytes (gint64 bytes)
{
  static const Step steps[] = {
    { 1024.0, " KiB" },
    { 1048576.0, " MiB" },
    { 1073741824.0, " GiB" },
    { 1099511627776.0, " TiB" },
    { 1125899906842624.0, " PiB" },
  };

  return format_steps (bytes, 1, steps, G_N_ELEMENTS (steps), " B");
}

static char *
format_duration_scaled (gint64 value,
                        double scale)
{
  static const Step steps[] = {
    { 1e3, " µs" },
    { 1e6, " ms" },
    { 1e9, " s" },
    { 60e9, " min" },
    { 3600e9, " h" },
  };

  return format_steps (value, scale, steps, G_N_ELEMENTS (steps), " ns");
}

char *
smolder_units_format_duration (gint64 nanoseconds)
{
  return format_duration_scaled (nanoseconds, 1);
}

char *
smolder_units_format_count (gint64 count)
{
  static const Step steps[] = {
    { 1e3, "k" },
    { 1e6, "M" },
    { 1e9, "G" },
    { 1e12, "T" },
  };

  /* Small counts read better whole. */
  if (count > -10000 && count < 10000)
    return g_strdup_printf ("%" G_GINT64_FORMAT, count);
  return format_steps (count, 1, steps, G_N_ELEMENTS (steps), "");
}

char *
smolder_units_format (gint64      value,
                      const char *unit)
{
  if (unit == NULL)
    return smolder_units_format_count (value);
  if (g_str_equal (unit, "bytes") || g_str_equal (unit, "byte") || g_str_equal (unit, "B"))
    return smolder_units_format_bytes (value);
  if (g_str_equal (unit, "nanoseconds") || g_str_equal (unit, "ns"))
    return smolder_units_format_duration (value);
  if (g_str_equal (unit, "microseconds") || g_str_equal (unit, "us"))
    return format_duration_scaled (value, 1e3);
  if (g_str_equal (unit, "milliseconds") || g_str_equal (unit, "ms"))
    return format_duration_scaled (value, 1e6);
  if (g_str_equal (unit, "seconds") || g_str_equal (unit, "s"))
    return format_duration_scaled (value, 1e9);
  return smolder_units_format_count (value);
}

char *
smolder_units_format_percent (gint64 value,
                              gint64 total)
{
  double ratio;

  if (total == 0)
    return g_strdup ("-");
  ratio = 100.0 * (double) value / (double) total;
  if (fabs (ratio) >= 99.995 && fabs (ratio) <= 100.005)
    return g_strdup ("100%");
  if (fabs (ratio) >= 10)
    return g_strdup_printf ("%.1f%%", ratio);
  return g_strdup_printf ("%.2f%%", ratio);
}
