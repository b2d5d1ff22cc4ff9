/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-text-count.c: goroutine and threadcreate profiles with ?debug=1
 * ("goroutine profile: total N", then "COUNT @ ADDRESSES" rows), as pprof's
 * parseGoCount reads them, with frames named from the "#" lines. Unlike
 * pprof, a row without addresses ("6 @" in threadcreate) is a valid sample
 * with no location. */
#include "smolder-decoders.h"
#include "smolder-text-lines.h"

#include <string.h>

static gboolean
is_space_or_comment (const char *line,
                     gsize       len)
{
  smolder_text_trim (&line, &len);
  return len == 0 || line[0] == '#';
}

/* "NAME profile: total N", the whole line. */
static gboolean
parse_header (const char  *line,
              gsize        len,
              const char **name,
              gsize       *name_len)
{
  const char *p = line, *end = line + len, *s;
  guint64 total;

  while (p < end && !g_ascii_isspace (*p))
    p++;
  if (p == line)
    return FALSE;
  *name = line;
  *name_len = p - line;
  if ((gsize) (end - p) < strlen (" profile: total ") ||
      memcmp (p, " profile: total ", strlen (" profile: total ")) != 0)
    return FALSE;
  s = p + strlen (" profile: total ");
  return smolder_text_parse_u64 (&s, end, &total) && s == end;
}

SmolderProfile *
smolder_text_count_decode (SmolderInput         *input,
                           const SmolderLimits  *limits,
                           GError              **error)
{
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(SmolderTextSymbols) symbols = NULL;
  g_autofree char *type = NULL;
  SmolderTextLines lines;
  const char *line, *name = NULL;
  gsize len, name_len = 0;
  GError *local_error = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (input != NULL, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  smolder_text_lines_init (&lines, input, limits);

  /* Comments and blank lines may come before the header. */
  while (smolder_text_lines_next (&lines, &line, &len, &local_error))
    {
      if (is_space_or_comment (line, len))
        continue;
      found = TRUE;
      break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!found || !parse_header (line, len, &name, &name_len))
    {
      smolder_text_set_error (error, lines.line_no, found ? line : NULL, found ? len : 0,
                              "expected a header \"NAME profile: total N\"");
      return NULL;
    }

  type = g_strndup (name, name_len);
  profile = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_TEXT_COUNT);
  if (g_str_equal (type, "goroutine"))
    profile->kind = SMOLDER_PROFILE_KIND_GOROUTINE;
  else if (g_str_equal (type, "threadcreate"))
    profile->kind = SMOLDER_PROFILE_KIND_THREADCREATE;
  profile->period_type.type = smolder_profile_intern (profile, type, -1);
  profile->period_type.unit = smolder_profile_intern (profile, "count", -1);
  profile->period = 1;
  smolder_profile_add_sample_type (profile, type, "count");
  symbols = smolder_text_symbols_new (profile, limits);

  while (smolder_text_lines_next (&lines, &line, &len, &local_error))
    {
      const char *p, *end;
      gint64 n;

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
      if (len >= 3 && memcmp (line, "---", 3) == 0)
        break;

      /* "COUNT @ 0x1 0x2 ..." */
      p = line;
      end = line + len;
      if (!g_ascii_isdigit (*p) || !smolder_text_parse_i64_base0 (&p, end, &n) ||
          end - p < 2 || p[0] != ' ' || p[1] != '@')
        {
          smolder_text_set_error (error, lines.line_no, line, len,
                                  "expected a row \"COUNT @ ADDRESSES\"");
          return NULL;
        }
      p += 2;
      if (p < end && *p != ' ')
        {
          smolder_text_set_error (error, lines.line_no, line, len,
                                  "expected addresses after \"@\"");
          return NULL;
        }

      if (profile->sample_loc_offsets->len > limits->max_samples)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "line %" G_GUINT64_FORMAT ": more than %" G_GUINT64_FORMAT " rows",
                       lines.line_no, limits->max_samples);
          return NULL;
        }
      smolder_profile_begin_sample (profile);
      smolder_profile_sample_add_value (profile, n);
      if (!smolder_text_symbols_add_record (symbols, &lines, p, end - p, error))
        return NULL;
      smolder_profile_end_sample (profile);
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
