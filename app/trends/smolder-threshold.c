/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-threshold.c: thresholds typed by people, and their crossings. */
#include "smolder-threshold.h"

#include <math.h>
#include <string.h>

typedef struct {
  const char *suffix;
  double      factor;
} Suffix;

static const Suffix byte_suffixes[] = {
  { "", 1 }, { "b", 1 },
  { "k", 1024.0 }, { "ki", 1024.0 }, { "kib", 1024.0 }, { "kb", 1e3 },
  { "m", 1048576.0 }, { "mi", 1048576.0 }, { "mib", 1048576.0 }, { "mb", 1e6 },
  { "g", 1073741824.0 }, { "gi", 1073741824.0 }, { "gib", 1073741824.0 }, { "gb", 1e9 },
  { "t", 1099511627776.0 }, { "ti", 1099511627776.0 }, { "tib", 1099511627776.0 }, { "tb", 1e12 },
};

static const Suffix count_suffixes[] = {
  { "", 1 }, { "k", 1e3 }, { "m", 1e6 }, { "g", 1e9 },
};

/* Durations in milliseconds. */
static const Suffix ms_suffixes[] = {
  { "", 1 }, { "ns", 1e-6 }, { "us", 1e-3 }, { "\302\265s", 1e-3 }, { "ms", 1 }, { "s", 1e3 },
};

gboolean
smolder_threshold_parse (const char         *text,
                         SmolderSeriesUnit   unit,
                         double             *value,
                         GError            **error)
{
  static const char *expected[] = {
    [SMOLDER_SERIES_UNIT_BYTES] = "a size such as 512 MiB",
    [SMOLDER_SERIES_UNIT_COUNT] = "a whole number such as 1200 or 10k",
    [SMOLDER_SERIES_UNIT_NANOSECONDS] = "a duration such as 100 ms",
  };
  g_autofree char *squeezed = NULL;
  g_autofree char *lower = NULL;
  const Suffix *suffixes;
  guint n_suffixes;
  char *end = NULL;
  double number;
  GString *s;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);

  s = g_string_new (NULL);
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  squeezed = g_string_free (s, FALSE);
  lower = g_utf8_strdown (squeezed, -1);
  if (lower[0] == '\0' || g_str_equal (lower, "off"))
    {
      *value = 0;
      return TRUE;
    }

  switch (unit)
    {
    case SMOLDER_SERIES_UNIT_BYTES:
      suffixes = byte_suffixes, n_suffixes = G_N_ELEMENTS (byte_suffixes);
      break;
    case SMOLDER_SERIES_UNIT_COUNT:
      suffixes = count_suffixes, n_suffixes = G_N_ELEMENTS (count_suffixes);
      break;
    case SMOLDER_SERIES_UNIT_NANOSECONDS:
    default:
      unit = SMOLDER_SERIES_UNIT_NANOSECONDS;
      suffixes = ms_suffixes, n_suffixes = G_N_ELEMENTS (ms_suffixes);
      break;
    }

  /* A decimal number: strtod would also take "inf", "nan", "0x1p3". */
  if ((!g_ascii_isdigit (lower[0]) && lower[0] != '.') || strchr (lower, 'x') != NULL)
    goto bad;
  number = g_ascii_strtod (lower, &end);
  if (end == lower || !isfinite (number))
    goto bad;
  for (guint i = 0; i < n_suffixes; i++)
    if (g_str_equal (end, suffixes[i].suffix))
      {
        double v = number * suffixes[i].factor;

        if (unit == SMOLDER_SERIES_UNIT_COUNT && v != floor (v))
          goto bad;
        if (unit == SMOLDER_SERIES_UNIT_BYTES)
          v = round (v);
        if (v > 1e18)
          goto bad;
        *value = v;
        return TRUE;
      }

bad:
  g_set_error (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_INVALID,
               "\"%s\" is not %s (0 or off: no alert)", text, expected[unit]);
  return FALSE;
}

/* @x with up to three decimals, trailing zeros dropped; NULL unless that is exact. */
static char *
exact_decimal (double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot;
  size_t len;

  if (fabs (x * 1000 - round (x * 1000)) > 1e-6 * MAX (1.0, fabs (x)))
    return NULL;
  g_ascii_formatd (buf, sizeof buf, "%.3f", x);
  if ((dot = strchr (buf, '.')) != NULL)
    {
      for (len = strlen (buf); buf[len - 1] == '0'; len--)
        buf[len - 1] = '\0';
      if (buf[len - 1] == '.')
        buf[len - 1] = '\0';
    }
  return g_strdup (buf);
}

/* The shortest exact "x unit" over @steps (largest first, each used when
 * the value reaches it), or NULL. */
static char *
shortest (double        value,
          const Suffix *steps,
          guint         n_steps)
{
  char *best = NULL;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *number = NULL;
      char *text;

      if (value < steps[i].factor)
        continue;
      number = exact_decimal (value / steps[i].factor);
      if (number == NULL)
        continue;
      text = g_strdup_printf ("%s %s", number, steps[i].suffix);
      if (best == NULL || strlen (text) < strlen (best))
        g_free (g_steal_pointer (&best)), best = text;
      else
        g_free (text);
    }
  return best;
}

char *
smolder_threshold_format (double            value,
                          SmolderSeriesUnit unit)
{
  static const Suffix byte_steps[] = {
    { "TiB", 1099511627776.0 }, { "GiB", 1073741824.0 }, { "MiB", 1048576.0 }, { "KiB", 1024.0 },
    { "TB", 1e12 }, { "GB", 1e9 }, { "MB", 1e6 }, { "kB", 1e3 },
  };
  static const Suffix ms_steps[] = { { "s", 1e3 } };
  char *text;

  if (!(value > 0) || !isfinite (value))
    return g_strdup ("");
  switch (unit)
    {
    case SMOLDER_SERIES_UNIT_BYTES:
      text = shortest (value, byte_steps, G_N_ELEMENTS (byte_steps));
      return text ? text : g_strdup_printf ("%.0f B", round (value));
    case SMOLDER_SERIES_UNIT_COUNT:
      return g_strdup_printf ("%.0f", round (value));
    case SMOLDER_SERIES_UNIT_NANOSECONDS:
    default:
      text = shortest (value, ms_steps, G_N_ELEMENTS (ms_steps));
      if (text == NULL)
        {
          g_autofree char *number = exact_decimal (value);

          text = g_strdup_printf ("%s ms", number ? number : "0.001");
        }
      return text;
    }
}

void
smolder_threshold_watch_init (SmolderThresholdWatch *watch,
                              double                 threshold)
{
  g_return_if_fail (watch != NULL);

  watch->threshold = threshold;
  watch->above = FALSE;
}

gboolean
smolder_threshold_watch_update (SmolderThresholdWatch *watch,
                                double                 value)
{
  gboolean was_above;

  g_return_val_if_fail (watch != NULL, FALSE);

  if (!(watch->threshold > 0))
    return FALSE;
  was_above = watch->above;
  watch->above = value >= watch->threshold;
  return watch->above && !was_above;
}

GArray *
smolder_threshold_find_spans (SmolderSeries *model,
                              guint          series,
                              double         threshold)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (SmolderThresholdSpan));
  SmolderThresholdWatch watch;
  const gint64 *times;
  const double *values;
  guint n;

  g_return_val_if_fail (SMOLDER_IS_SERIES (model), spans);

  smolder_threshold_watch_init (&watch, threshold);
  times = smolder_series_peek_times (model, series, &n);
  values = smolder_series_peek_values (model, series, &n);
  for (guint i = 0; i < n; i++)
    {
      gboolean was_above = watch.above;

      if (smolder_threshold_watch_update (&watch, values[i]))
        {
          SmolderThresholdSpan span = { times[i], times[i] };

          g_array_append_val (spans, span);
        }
      else if (was_above)
        g_array_index (spans, SmolderThresholdSpan, spans->len - 1).end_ms = times[i];
    }
  return spans;
}
