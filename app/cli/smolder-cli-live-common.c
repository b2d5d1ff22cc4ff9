/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-live-common.c: what the commands about running services share:
 * durations as typed, times as printed, the series table's rows. */
#include <string.h>

#include "smolder-cli-live.h"
#include "smolder-units.h"

gint64
smolder_cli_parse_duration_ms (const char *text)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || v < 0 || v > 1e9)
    return -1;
  if (*end == '\0' || g_str_equal (end, "s"))
    return v * 1000;
  if (g_str_equal (end, "ms"))
    return v;
  if (g_str_equal (end, "m"))
    return v * 60000;
  if (g_str_equal (end, "h"))
    return v * 3600000;
  if (g_str_equal (end, "d"))
    return v * 86400000;
  return -1;
}

char *
smolder_cli_format_ms (gint64      ms,
                       const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr(GDateTime) t = utc ? g_date_time_add (utc, (ms % 1000) * 1000) : NULL;

  return t ? g_date_time_format (t, format) : g_strdup ("?");
}

void
smolder_cli_print_series_header (gboolean tsv)
{
  if (tsv)
    g_print ("# unix_ms\theap_inuse\theap_alloc\theap_objects\tsys\tnext_gc\tnum_gc\tgoroutines\n");
  else
    g_print ("%-23s %10s %10s %12s %10s %10s %7s %10s\n", "time (UTC)", "heap inuse", "heap alloc",
             "heap objects", "sys", "next GC", "GCs", "goroutines");
}

void
smolder_cli_print_series_row (gboolean     tsv,
                              gint64       time_ms,
                              const gint64 values[SMOLDER_CLI_SERIES_N])
{
  /* Bytes in human units in text; counts as they are. */
  static const gboolean bytes[SMOLDER_CLI_SERIES_N] = { TRUE, TRUE, FALSE, TRUE, TRUE, FALSE, FALSE };
  static const int widths[SMOLDER_CLI_SERIES_N] = { 10, 10, 12, 10, 10, 7, 10 };
  g_autoptr(GString) line = g_string_new (NULL);

  if (tsv)
    g_string_append_printf (line, "%" G_GINT64_FORMAT, time_ms);
  else
    {
      g_autofree char *when = smolder_cli_format_ms (time_ms, "%Y-%m-%d %H:%M:%S.%f");

      when[MIN (strlen (when), 23)] = '\0';
      g_string_append_printf (line, "%-23s", when);
    }
  for (guint c = 0; c < SMOLDER_CLI_SERIES_N; c++)
    {
      g_autofree char *cell = NULL;

      if (values[c] < 0)
        cell = g_strdup (tsv ? "" : "-");
      else if (!tsv && bytes[c])
        cell = smolder_units_format_bytes (values[c]);
      else
        cell = g_strdup_printf ("%" G_GINT64_FORMAT, values[c]);
      if (tsv)
        g_string_append_printf (line, "\t%s", cell);
      else
        g_string_append_printf (line, " %*s", widths[c], cell);
    }
  g_print ("%s\n", line->str);
}
