/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-text-heap.c: heap and allocs profiles with ?debug=1.
 *
 * Values, sample types and period as pprof's parseHeap (legacy_profile.go)
 * makes them; beyond pprof, every frame is named from the "#" lines. */
#include "smolder-decoders.h"
#include "smolder-text-lines.h"

#include <string.h>

typedef struct
{
  gboolean v2;        /* un-sample with scaleHeapSample */
  gint64   period;
  gboolean has_alloc;
} HeapHeader;

static gboolean
is_memory_map_sentinel (const char *line,
                        gsize       len)
{
  return g_strstr_len (line, len, "--- Memory map: ---") != NULL ||
         g_strstr_len (line, len, "MAPPED_LIBRARIES:") != NULL;
}

/* Digits after optional spaces; returns the digits' range for the
 * textual comparisons pprof makes on the header. */
static gboolean
header_number (const char **p,
               const char  *end,
               const char **digits,
               gsize       *n_digits)
{
  const char *s = smolder_text_skip_spaces (*p, end);

  *digits = s;
  while (s < end && g_ascii_isdigit (*s))
    s++;
  *n_digits = s - *digits;
  *p = s;
  return *n_digits > 0;
}

static gboolean
expect_char (const char **p,
             const char  *end,
             char         c)
{
  const char *s = smolder_text_skip_spaces (*p, end);

  if (s == end || *s != c)
    return FALSE;
  *p = s + 1;
  return TRUE;
}

/* "heap profile: 1: 2 [3: 4] @ heap/1048576" */
static gboolean
parse_header (const char  *line,
              gsize        len,
              HeapHeader  *h,
              GError     **error)
{
  const char *p = line, *end = line + len;
  const char *d[4], *kind, *rate;
  gsize n[4], n_kind, n_rate;

  memset (h, 0, sizeof *h);
  if (len < 13 || memcmp (line, "heap profile:", 13) != 0)
    {
      smolder_text_set_error (error, 1, line, len, "expected a header \"heap profile: N: N [N: N] @ heap/RATE\"");
      return FALSE;
    }
  p += 13;
  if (!header_number (&p, end, &d[0], &n[0]) || !expect_char (&p, end, ':') ||
      !header_number (&p, end, &d[1], &n[1]) || !expect_char (&p, end, '[') ||
      !header_number (&p, end, &d[2], &n[2]) || !expect_char (&p, end, ':') ||
      !header_number (&p, end, &d[3], &n[3]) || !expect_char (&p, end, ']') ||
      !expect_char (&p, end, '@'))
    {
      smolder_text_set_error (error, 1, line, len, "expected a header \"heap profile: N: N [N: N] @ heap/RATE\"");
      return FALSE;
    }
  p = smolder_text_skip_spaces (p, end);
  kind = p;
  if (end - p < 4 || memcmp (p, "heap", 4) != 0)
    {
      smolder_text_set_error (error, 1, line, len, "expected \"@ heap/RATE\" after the totals");
      return FALSE;
    }
  for (p += 4; p < end && (*p == '_' || g_ascii_islower (*p) || g_ascii_isdigit (*p)); p++)
    ;
  n_kind = p - kind;
  if (p < end && *p == '/')
    p++;
  rate = p;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  n_rate = p - rate;

  if (n_rate > 0)
    {
      const char *r = rate;
      if (!smolder_text_parse_i64 (&r, rate + n_rate, &h->period))
        {
          smolder_text_set_error (error, 1, line, len, "the sampling rate is out of range");
          return FALSE;
        }
    }

  /* pprof compares the digits as text. */
  if ((n[2] != n[0] || memcmp (d[2], d[0], n[0]) != 0) && !(n[2] == 1 && d[2][0] == '0'))
    h->has_alloc = TRUE;
  if ((n[3] != n[1] || memcmp (d[3], d[1], n[1]) != 0) && !(n[3] == 1 && d[3][0] == '0'))
    h->has_alloc = TRUE;

#define KIND_IS(s) (n_kind == strlen (s) && memcmp (kind, s, n_kind) == 0)
  if (KIND_IS ("heapz_v2") || KIND_IS ("heap_v2"))
    h->v2 = TRUE;
  else if (KIND_IS ("heapprofile"))
    h->period = 1;
  else if (KIND_IS ("heap"))
    {
      /* Go writes 2 * MemProfileRate. */
      h->v2 = TRUE;
      h->period /= 2;
    }
  else
    {
      smolder_text_set_error (error, 1, line, len, "unknown heap profile kind \"%.*s\"",
                              (int) n_kind, kind);
      return FALSE;
    }
#undef KIND_IS
  return TRUE;
}

/* pprof's scaleHeapSample: divide by the probability 1 - exp(-size/rate)
 * that a sample of this size was recorded, in the same float operations. */
static void
scale_heap_sample (gint64 *count,
                   gint64 *size,
                   gint64  rate)
{
  double avg, scale, c, s;

  if (*count == 0 || *size == 0)
    {
      *count = 0;
      *size = 0;
      return;
    }
  if (rate <= 1)
    return;

  avg = (double) *size / (double) *count;
  scale = 1.0 / (1.0 - smolder_go_exp (-avg / (double) rate));
  c = (double) *count * scale;
  s = (double) *size * scale;
  /* Go's float to int64 conversion (CVTTSD2SQ) gives INT64_MIN when out of range. */
  *count = (c > -9223372036854775808.0 && c < 9223372036854775808.0) ? (gint64) c : G_MININT64;
  *size = (s > -9223372036854775808.0 && s < 9223372036854775808.0) ? (gint64) s : G_MININT64;
}

static gboolean
add_values (gint64              count,
            gint64              size,
            const char         *label,
            const HeapHeader   *h,
            gint64             *values,
            gint64             *blocksize,
            SmolderTextLines   *lines,
            const char         *line,
            gsize               len,
            GError            **error)
{
  if (count == 0 && size != 0)
    {
      smolder_text_set_error (error, lines->line_no, line, len,
                              "%s count was 0 but %s bytes was %" G_GINT64_FORMAT,
                              label, label, size);
      return FALSE;
    }
  if (count != 0)
    {
      /* Go's int64 division; INT64_MIN / -1 wraps there. */
      *blocksize = (count == -1) ? (gint64) (0 - (guint64) size) : size / count;
      if (h->v2)
        scale_heap_sample (&count, &size, h->period);
    }
  values[0] = count;
  values[1] = size;
  return TRUE;
}

/* "1: 4096 [2: 8192] @ 0x1 0x2" */
static gboolean
parse_record (SmolderProfile     *profile,
              SmolderTextSymbols *symbols,
              SmolderTextLines   *lines,
              const HeapHeader   *h,
              guint32             bytes_key,
              const char         *line,
              gsize               len,
              GError            **error)
{
  const char *p = line, *end = line + len;
  gint64 inuse_count, inuse_size, alloc_count, alloc_size;
  gint64 values[4], blocksize = 0;
  guint n_values = 0;

  if (!smolder_text_parse_i64 (&p, end, &inuse_count) || !expect_char (&p, end, ':') ||
      (p = smolder_text_skip_spaces (p, end), !smolder_text_parse_i64 (&p, end, &inuse_size)) ||
      !expect_char (&p, end, '[') ||
      (p = smolder_text_skip_spaces (p, end), !smolder_text_parse_i64 (&p, end, &alloc_count)) ||
      alloc_count < 0 || !expect_char (&p, end, ':') ||
      (p = smolder_text_skip_spaces (p, end), !smolder_text_parse_i64 (&p, end, &alloc_size)) ||
      alloc_size < 0 || !expect_char (&p, end, ']') || !expect_char (&p, end, '@'))
    {
      smolder_text_set_error (error, lines->line_no, line, len,
                              "expected a record \"INUSE_COUNT: INUSE_BYTES [ALLOC_COUNT: ALLOC_BYTES] @ ADDRESSES\"");
      return FALSE;
    }

  if (h->has_alloc)
    {
      if (!add_values (alloc_count, alloc_size, "allocation", h, values, &blocksize,
                       lines, line, len, error))
        return FALSE;
      n_values = 2;
    }
  if (!add_values (inuse_count, inuse_size, "inuse", h, values + n_values, &blocksize,
                   lines, line, len, error))
    return FALSE;
  n_values += 2;

  smolder_profile_begin_sample (profile);
  for (guint i = 0; i < n_values; i++)
    smolder_profile_sample_add_value (profile, values[i]);
  if (!smolder_text_symbols_add_record (symbols, lines, p, end - p, error))
    return FALSE;
  /* pprof sets no unit on this label. */
  smolder_profile_sample_add_label (profile, bytes_key, 0, blocksize, 0);
  smolder_profile_end_sample (profile);
  return TRUE;
}

SmolderProfile *
smolder_text_heap_decode (SmolderInput         *input,
                          const SmolderLimits  *limits,
                          GError              **error)
{
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(SmolderTextSymbols) symbols = NULL;
  SmolderTextLines lines;
  HeapHeader h;
  const char *line;
  gsize len;
  guint32 bytes_key;
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
                             "line 1: expected a header \"heap profile: ...\", found nothing");
      return NULL;
    }
  if (!parse_header (line, len, &h, error))
    return NULL;

  profile = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_TEXT_HEAP);
  profile->kind = SMOLDER_PROFILE_KIND_HEAP;
  profile->period_type.type = smolder_profile_intern (profile, "space", -1);
  profile->period_type.unit = smolder_profile_intern (profile, "bytes", -1);
  profile->period = h.period;
  if (h.has_alloc)
    {
      /* alloc before inuse, so that the default (the last) is inuse_space. */
      smolder_profile_add_sample_type (profile, "alloc_objects", "count");
      smolder_profile_add_sample_type (profile, "alloc_space", "bytes");
      smolder_profile_add_sample_type (profile, "inuse_objects", "count");
      smolder_profile_add_sample_type (profile, "inuse_space", "bytes");
    }
  else
    {
      smolder_profile_add_sample_type (profile, "objects", "count");
      smolder_profile_add_sample_type (profile, "space", "bytes");
    }
  bytes_key = smolder_profile_intern (profile, "bytes", -1);
  symbols = smolder_text_symbols_new (profile, limits);

  while (smolder_text_lines_next (&lines, &line, &len, &local_error))
    {
      smolder_text_trim (&line, &len);

      if (len == 0)
        {
          smolder_text_symbols_end_record (symbols);
          continue;
        }
      if (line[0] == '#')
        {
          if (len == 18 && memcmp (line, "# runtime.MemStats", 18) == 0 && profile->memstats == NULL)
            {
              g_autofree SmolderMemStats *ms = g_new0 (SmolderMemStats, 1);
              const char *block = line;

              g_autoptr(GError) ms_error = NULL;

              smolder_text_symbols_end_record (symbols);
              if (smolder_memstats_parse (block, lines.len - (block - lines.data), ms, &ms_error))
                profile->memstats = g_steal_pointer (&ms);
              else
                {
                  /* pprof reads "#" lines as comments: a damaged block must not
                   * cost the profile. Say why it is missing instead. */
                  g_autofree char *note = g_strdup_printf ("runtime.MemStats block at line %" G_GUINT64_FORMAT
                                                           " ignored: %s", lines.line_no, ms_error->message);
                  guint32 id = smolder_profile_intern (profile, note, -1);

                  g_array_append_val (profile->comments, id);
                }
              continue;
            }
          smolder_text_symbols_add_comment (symbols, line, len);
          continue;
        }
      /* Records start with a number; only other lines can end the records. */
      if (!g_ascii_isdigit (line[0]) && line[0] != '-' && is_memory_map_sentinel (line, len))
        break;

      if (profile->sample_loc_offsets->len > limits->max_samples)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "line %" G_GUINT64_FORMAT ": more than %" G_GUINT64_FORMAT " records",
                       lines.line_no, limits->max_samples);
          return NULL;
        }
      if (!parse_record (profile, symbols, &lines, &h, bytes_key, line, len, error))
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
