/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-chart-ticks.c: 1-2-5 value steps in the unit's prefix, clock steps. */

#include "smolder-chart-ticks.h"

#include <math.h>
#include <string.h>

#include "smolder-units.h"

/* The smallest 1, 2 or 5 times a power of ten that is >= @x (> 0). */
static double
nice_ceil (double x)
{
  double p = pow (10, floor (log10 (x)));
  double f = x / p;

  /* Guard against 2.0000000001 from the division. */
  if (f <= 1 + 1e-9)
    return p;
  if (f <= 2 + 1e-9)
    return 2 * p;
  if (f <= 5 + 1e-9)
    return 5 * p;
  return 10 * p;
}

void
smolder_chart_value_ticks (double             max,
                           SmolderSeriesUnit  unit,
                           guint              max_ticks,
                           double            *step,
                           double            *top)
{
  double scale = 1, s;

  max_ticks = MAX (max_ticks, 1);
  if (!(max > 0) || !isfinite (max))
    max = 1;

  /* Bytes step in the binary prefix the maximum reads in: 256 MiB, not
   * 200 * 1048576 rounded in decimal. */
  if (unit == SMOLDER_SERIES_UNIT_BYTES)
    while (max / scale >= 1024 && scale < 1125899906842624.0)
      scale *= 1024;

  s = nice_ceil (max / scale / max_ticks) * scale;
  /* Counts and durations in whole units; bytes in whole bytes. */
  s = MAX (s, 1);
  *step = s;
  *top = ceil (max / s - 1e-9) * s;
}

/* "4.00 GiB" -> "4 GiB", "1.50k" -> "1.5k". */
static char *
strip_zeros (char *text)
{
  char *dot = strchr (text, '.');
  char *end;

  if (dot == NULL)
    return text;
  end = dot + 1;
  while (g_ascii_isdigit (*end))
    end++;
  {
    char *last = end;

    while (last > dot + 1 && last[-1] == '0')
      last--;
    if (last == dot + 1)
      last = dot;
    memmove (last, end, strlen (end) + 1);
  }
  return text;
}

char *
smolder_chart_format_value (double             value,
                            SmolderSeriesUnit  unit)
{
  gint64 v = (gint64) llround (value);

  switch (unit)
    {
    case SMOLDER_SERIES_UNIT_BYTES:
      return smolder_units_format_bytes (v);
    case SMOLDER_SERIES_UNIT_NANOSECONDS:
      return smolder_units_format_duration (v);
    case SMOLDER_SERIES_UNIT_COUNT:
    default:
      return smolder_units_format_count (v);
    }
}

char *
smolder_chart_format_axis_value (double             value,
                                 SmolderSeriesUnit  unit)
{
  return strip_zeros (smolder_chart_format_value (value, unit));
}

gint64
smolder_chart_time_step (gint64 span_ms,
                         double width_px,
                         double min_px)
{
  static const gint64 steps[] = {
    1000, 2000, 5000, 10000, 15000, 30000,
    60000, 120000, 300000, 600000, 900000, 1800000,
    3600000, 7200000, 10800000, 21600000, 43200000,
    86400000, 172800000, 604800000,
  };

  if (span_ms <= 0 || width_px <= 0)
    return steps[0];
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * width_px / span_ms >= min_px)
      return steps[i];
  /* Beyond a week a tick: whole weeks. */
  return (gint64) ceil (min_px * span_ms / width_px / steps[G_N_ELEMENTS (steps) - 1]) * steps[G_N_ELEMENTS (steps) - 1];
}

static gint64
offset_ms (gint64     t_ms,
           GTimeZone *tz)
{
  g_autoptr(GTimeZone) local = tz == NULL ? g_time_zone_new_local () : NULL;
  GTimeZone *zone = tz != NULL ? tz : local;
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, t_ms / 1000);

  return interval < 0 ? 0 : (gint64) g_time_zone_get_offset (zone, interval) * 1000;
}

gint64
smolder_chart_time_first_tick (gint64     t0_ms,
                               gint64     step_ms,
                               GTimeZone *tz)
{
  gint64 off = offset_ms (t0_ms, tz);
  gint64 local = t0_ms + off;
  gint64 q;

  g_return_val_if_fail (step_ms > 0, t0_ms);

  /* Ceiling division that also holds before 1970. */
  q = local / step_ms;
  if (q * step_ms < local)
    q++;
  return q * step_ms - off;
}

char *
smolder_chart_format_time (gint64     t_ms,
                           gint64     step_ms,
                           GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t_ms / 1000 - (t_ms % 1000 < 0 ? 1 : 0));
  g_autoptr(GTimeZone) local = tz == NULL ? g_time_zone_new_local () : NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (utc == NULL)
    return g_strdup ("");
  dt = g_date_time_to_timezone (utc, tz != NULL ? tz : local);
  if (dt == NULL)
    return g_strdup ("");
  if (step_ms < 60000)
    return g_date_time_format (dt, "%H:%M:%S");
  if (step_ms < 86400000)
    return g_date_time_format (dt, "%H:%M");
  return g_date_time_format (dt, "%b %-d");
}
