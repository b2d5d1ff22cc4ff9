/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-text-contention.c: mutex and block profiles with ?debug=1
 * ("--- mutex:" / "--- contention:", "cycles/second=", "sampling period=",
 * then "CYCLES COUNT @ ADDRESSES" rows), as pprof's parseContention reads
 * them, with frames named from the "#" lines. */
#include "smolder-decoders.h"
#include "smolder-text-lines.h"

#include <string.h>

/* "attribute = value" before the rows; returns FALSE (error set) for what
 * pprof rejects. */
static gboolean
parse_attribute (SmolderProfile    *profile,
                 SmolderTextLines  *lines,
                 const char        *line,
                 gsize              len,
                 const char        *eq,
                 gint64            *cpu_hz,
                 GError           **error)
{
  const char *key = line, *val = eq + 1, *p;
  gsize key_len = eq - line, val_len = line + len - val;
  gint64 v;

  smolder_text_trim (&key, &key_len);
  smolder_text_trim (&val, &val_len);
  p = val;

  if (smolder_text_equals (key, key_len, "discarded samples"))
    return TRUE;
  if (!smolder_text_equals (key, key_len, "cycles/second") && !smolder_text_equals (key, key_len, "sampling period") &&
      !smolder_text_equals (key, key_len, "ms since reset"))
    {
      smolder_text_set_error (error, lines->line_no, line, len,
                              "unknown attribute \"%.*s\" (expected cycles/second, sampling period or ms since reset)",
                              (int) MIN (key_len, 40), key);
      return FALSE;
    }
  if (!smolder_text_parse_i64_base0 (&p, val + val_len, &v) || p != val + val_len)
    {
      smolder_text_set_error (error, lines->line_no, line, len,
                              "expected an integer after \"%.*s=\"", (int) key_len, key);
      return FALSE;
    }
  if (smolder_text_equals (key, key_len, "cycles/second"))
    *cpu_hz = v;
  else if (smolder_text_equals (key, key_len, "sampling period"))
    profile->period = v;
  else
    profile->duration_nanos = (gint64) ((guint64) v * 1000 * 1000);
  return TRUE;
}

static gboolean
parse_row (SmolderProfile      *profile,
           SmolderTextSymbols  *symbols,
           SmolderTextLines    *lines,
           gint64               cpu_hz,
           const char          *line,
           gsize                len,
           GError             **error)
{
  const char *p = line, *end = line + len;
  gint64 v1, v2;

  if (!smolder_text_parse_i64 (&p, end, &v1) || v1 < 0 ||
      (p = smolder_text_skip_spaces (p, end), !smolder_text_parse_i64 (&p, end, &v2)) || v2 < 0 ||
      (p = smolder_text_skip_spaces (p, end), p == end || *p != '@'))
    {
      smolder_text_set_error (error, lines->line_no, line, len,
                              "expected a row \"CYCLES COUNT @ ADDRESSES\"");
      return FALSE;
    }
  p++;

  /* pprof un-samples: delays in cycles to nanoseconds, counts by the period. */
  if (profile->period > 0)
    {
      if (cpu_hz > 0)
        {
          double cpu_ghz = (double) cpu_hz / 1e9;
          double d = (double) v1 * (double) profile->period / cpu_ghz;

          v1 = (d > -9223372036854775808.0 && d < 9223372036854775808.0) ? (gint64) d : G_MININT64;
        }
      v2 = (gint64) ((guint64) v2 * (guint64) profile->period);
    }

  smolder_profile_begin_sample (profile);
  smolder_profile_sample_add_value (profile, v2);
  smolder_profile_sample_add_value (profile, v1);
  if (!smolder_text_symbols_add_record (symbols, lines, p, end - p, error))
    return FALSE;
  smolder_profile_end_sample (profile);
  return TRUE;
}

SmolderProfile *
smolder_text_contention_decode (SmolderInput         *input,
                                const SmolderLimits  *limits,
                                GError              **error)
{
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(SmolderTextSymbols) symbols = NULL;
  SmolderTextLines lines;
  const char *line;
  gsize len;
  gint64 cpu_hz = 0;
  gboolean in_rows = FALSE;
  GError *local_error = NULL;

  g_return_val_if_fail (input != NULL, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  smolder_text_lines_init (&lines, input, limits);
  if (!smolder_text_lines_next (&lines, &line, &len, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                             "line 1: expected \"--- mutex:\" or \"--- contention:\", found nothing");
      return NULL;
    }

  profile = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_TEXT_CONTENTION);
  if (smolder_text_has_prefix (line, len, "--- mutex:"))
    profile->kind = SMOLDER_PROFILE_KIND_MUTEX;
  else if (smolder_text_has_prefix (line, len, "--- contention:") || smolder_text_has_prefix (line, len, "--- contentionz "))
    profile->kind = SMOLDER_PROFILE_KIND_BLOCK;
  else
    {
      smolder_text_set_error (error, 1, line, len, "expected \"--- mutex:\" or \"--- contention:\"");
      return NULL;
    }
  profile->period_type.type = smolder_profile_intern (profile, "contentions", -1);
  profile->period_type.unit = smolder_profile_intern (profile, "count", -1);
  profile->period = 1;
  smolder_profile_add_sample_type (profile, "contentions", "count");
  smolder_profile_add_sample_type (profile, "delay", "nanoseconds");
  symbols = smolder_text_symbols_new (profile, limits);

  while (smolder_text_lines_next (&lines, &line, &len, &local_error))
    {
      const char *eq;

      smolder_text_trim (&line, &len);
      if (len == 0)
        {
          smolder_text_symbols_end_record (symbols);
          continue;
        }
      if (line[0] == '#')
        {
          smolder_text_symbols_add_comment (symbols, line, len);
          continue;
        }
      if (smolder_text_has_prefix (line, len, "---"))
        break;

      /* Attributes until the first line without '='. */
      if (!in_rows && (eq = memchr (line, '=', len)) != NULL)
        {
          if (!parse_attribute (profile, &lines, line, len, eq, &cpu_hz, error))
            return NULL;
          continue;
        }
      in_rows = TRUE;

      if (profile->sample_loc_offsets->len > limits->max_samples)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "line %" G_GUINT64_FORMAT ": more than %" G_GUINT64_FORMAT " rows",
                       lines.line_no, limits->max_samples);
          return NULL;
        }
      if (!parse_row (profile, symbols, &lines, cpu_hz, line, len, error))
        return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (!smolder_text_symbols_finish (symbols, error) ||
      !smolder_profile_seal (profile, limits, error))
    return NULL;

  return g_steal_pointer (&profile);
}
