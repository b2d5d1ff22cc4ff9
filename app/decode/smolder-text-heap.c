/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-text-heap.c: heap and allocs profiles with ?debug=1.
 *
 * Values, sample types and period as pprof's parseHeap (legacy_profile.go)
 * makes them; beyond pprof, every frame is named from the "#" lines. */
#include "smolder-decoders.h"
#include "smolder-memstats-parse.h"
#include "smolder-go-exp.h"
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

/* Inputs at least this long are read in two halves at once. */
#define SPLIT_MIN_BYTES ((gsize) 8 << 20)

typedef struct
{
  SmolderInput        *input;
  const SmolderLimits *limits;
  const HeapHeader    *h;
  guint32              bytes_key;
  SmolderTextLines     lines;
  SmolderProfile      *profile;     /* where the samples go */
  SmolderTextSymbols  *symbols;

  SmolderMemStats     *memstats;    /* owned, the first good block */
  gboolean             saw_memstats;/* met a "# runtime.MemStats" line */
  gboolean             noted;       /* added a note (which names a line) */
  gboolean             stopped;     /* met the memory map */
  GError              *error;
} Chunk;

static void
chunk_clear (Chunk *c)
{
  g_clear_pointer (&c->symbols, smolder_text_symbols_free);
  g_clear_object (&c->profile);
  g_clear_pointer (&c->memstats, g_free);
  g_clear_error (&c->error);
}

/* The records of one range of the input; its own profile's samples and
 * symbols' locations are numbered as if nothing came before. */
static gboolean
read_chunk (Chunk *c)
{
  SmolderTextLines *lines = &c->lines;
  SmolderProfile *profile = c->profile;
  SmolderTextSymbols *symbols = c->symbols;
  const SmolderLimits *limits = c->limits;
  gsize input_len = c->input->data != NULL ? c->input->len : 0;
  const char *line;
  gsize len;

  while (smolder_text_lines_next (lines, &line, &len, &c->error))
    {
      smolder_text_trim (&line, &len);

      if (len == 0)
        {
          smolder_text_symbols_end_record (symbols);
          continue;
        }
      if (line[0] == '#')
        {
          if (len == 18 && memcmp (line, "# runtime.MemStats", 18) == 0)
            c->saw_memstats = TRUE;
          if (len == 18 && memcmp (line, "# runtime.MemStats", 18) == 0 && c->memstats == NULL)
            {
              g_autofree SmolderMemStats *ms = g_new0 (SmolderMemStats, 1);
              const char *block = line;

              g_autoptr(GError) ms_error = NULL;

              smolder_text_symbols_end_record (symbols);
              if (smolder_memstats_parse (block, input_len - (block - lines->data), ms, &ms_error))
                c->memstats = g_steal_pointer (&ms);
              else
                {
                  /* pprof reads "#" lines as comments: a damaged block must not
                   * cost the profile. Say why it is missing instead. */
                  g_autofree char *note = g_strdup_printf ("runtime.MemStats block at line %" G_GUINT64_FORMAT
                                                           " ignored: %s", lines->line_no, ms_error->message);

                  smolder_text_symbols_add_note (symbols, note);
                  c->noted = TRUE;
                }
              continue;
            }
          smolder_text_symbols_add_comment (symbols, line, len);
          continue;
        }
      /* Records start with a number; only other lines can end the records. */
      if (!g_ascii_isdigit (line[0]) && line[0] != '-' && is_memory_map_sentinel (line, len))
        {
          c->stopped = TRUE;
          break;
        }

      if (profile->sample_loc_offsets->len > limits->max_samples)
        {
          g_set_error (&c->error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "line %" G_GUINT64_FORMAT ": more than %" G_GUINT64_FORMAT " records",
                       lines->line_no, limits->max_samples);
          return FALSE;
        }
      if (!parse_record (profile, symbols, lines, c->h, c->bytes_key, line, len, &c->error))
        return FALSE;
    }
  return c->error == NULL;
}

static gpointer
read_chunk_thread (gpointer data)
{
  Chunk *c = data;

  read_chunk (c);
  smolder_text_lines_release_all (&c->lines);
  return NULL;
}

/* Where the second half starts: past the middle, at a line that starts with
 * a digit (a record, whatever came before it); 0 when there is none. */
static gsize
find_split (const char *data,
            gsize       from,
            gsize       len)
{
  gsize pos = from + (len - from) / 2;

  while (pos < len)
    {
      const char *nl = memchr (data + pos, '\n', len - pos);

      if (nl == NULL || (gsize) (nl - data) + 1 >= len)
        return 0;
      pos = (nl - data) + 1;
      if (g_ascii_isdigit (data[pos]))
        return pos;
    }
  return 0;
}

/* Appends the samples of a later chunk (their locations already renumbered). */
static void
append_samples (SmolderProfile *profile,
                SmolderProfile *part)
{
  guint32 loc_base = profile->sample_locs->len;
  guint32 label_base = profile->labels->len;

  for (guint i = 1; i < part->sample_loc_offsets->len; i++)
    {
      guint32 off = loc_base + g_array_index (part->sample_loc_offsets, guint32, i);

      g_array_append_val (profile->sample_loc_offsets, off);
    }
  for (guint i = 1; i < part->sample_label_offsets->len; i++)
    {
      guint32 off = label_base + g_array_index (part->sample_label_offsets, guint32, i);

      g_array_append_val (profile->sample_label_offsets, off);
    }
  g_array_append_vals (profile->sample_locs, part->sample_locs->data, part->sample_locs->len);
  g_array_set_size (part->sample_locs, 0);
  g_array_append_vals (profile->values, part->values->data, part->values->len);
  g_array_set_size (part->values, 0);
  g_array_append_vals (profile->labels, part->labels->data, part->labels->len);
}

static SmolderProfile *
decode (SmolderInput         *input,
        const SmolderLimits  *limits,
        gsize                 split_min,
        GError              **error)
{
  g_autoptr(SmolderProfile) profile = NULL;
  Chunk a = { 0, }, b = { 0, };
  SmolderTextSymbols *chunks[2];
  HeapHeader h;
  const char *line;
  gsize len, input_len, split = 0, shared_done = 0;
  guint32 bytes_key;
  GThread *thread = NULL;
  gboolean redo = FALSE, ok = FALSE;

  input_len = input->data != NULL ? input->len : 0;
  smolder_text_lines_init (&a.lines, input, limits);
  if (!smolder_text_lines_next (&a.lines, &line, &len, &a.error))
    {
      if (a.error != NULL)
        g_propagate_error (error, g_steal_pointer (&a.error));
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

  a.input = b.input = input;
  a.limits = b.limits = limits;
  a.h = b.h = &h;
  a.bytes_key = b.bytes_key = bytes_key;
  a.profile = g_object_ref (profile);
  a.symbols = smolder_text_symbols_new (profile, limits);

  /* Two halves at once (the machine has cores to spare, and the reading is
   * most of a load); naming them in order gives the same profile. */
  if (input_len - a.lines.pos >= split_min)
    split = find_split (a.lines.data, a.lines.pos, input_len);
  if (split > 0)
    {
      g_autoptr(GError) thread_error = NULL;

      a.lines.len = split;
      a.lines.shared_done = &shared_done;
      a.lines.release_step = SMOLDER_TEXT_RELEASE_STEP / 4;
      smolder_text_lines_init_range (&b.lines, input, limits, split, input_len, &shared_done);
      b.profile = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_TEXT_HEAP);
      b.symbols = smolder_text_symbols_new_chunk (profile, b.profile->sample_locs, limits);
      thread = g_thread_try_new ("smolder-heap", read_chunk_thread, &b, &thread_error);
    }

  read_chunk (&a);
  if (split > 0)
    {
      smolder_text_lines_release_all (&a.lines);
      if (thread != NULL)
        g_thread_join (thread);
      else if (a.error == NULL && !a.stopped)
        read_chunk_thread (&b);
    }

  /* The first half's error is the one a single reader meets first. */
  if (a.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&a.error));
      goto out;
    }
  chunks[0] = a.symbols;
  chunks[1] = b.symbols;
  if (split > 0 && !a.stopped)
    {
      /* The second half was read knowing nothing of the first: its errors
       * and notes (their line numbers count from its start), a MemStats line
       * after the first half's block, or limits that the halves cross
       * together need a reader that knows everything. */
      if (b.error != NULL || b.noted || (a.memstats != NULL && b.saw_memstats) ||
          (guint64) (profile->sample_loc_offsets->len - 1) + (b.profile->sample_loc_offsets->len - 1) >
          limits->max_samples)
        {
          redo = TRUE;
          goto out;
        }
      if (!smolder_text_symbols_finish_chunks (chunks, 2, &redo, error))
        goto out;
      append_samples (profile, b.profile);
      if (a.memstats == NULL)
        a.memstats = g_steal_pointer (&b.memstats);
    }
  else if (!smolder_text_symbols_finish_chunks (chunks, 1, &redo, error))
    goto out;

  profile->memstats = g_steal_pointer (&a.memstats);
  ok = smolder_profile_seal (profile, limits, error);

out:
  chunk_clear (&a);
  chunk_clear (&b);
  if (redo)
    {
      g_clear_object (&profile);
      return decode (input, limits, G_MAXSIZE, error);
    }
  return ok ? g_steal_pointer (&profile) : NULL;
}

SmolderProfile *
smolder_text_heap_decode (SmolderInput         *input,
                          const SmolderLimits  *limits,
                          GError              **error)
{
  const char *env;
  gsize split_min = SPLIT_MIN_BYTES;

  g_return_val_if_fail (input != NULL, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();
  /* For tests: split small inputs too. */
  env = g_getenv ("SMOLDER_TEXT_SPLIT_BYTES");
  if (env != NULL && *env != '\0')
    split_min = g_ascii_strtoull (env, NULL, 10);

  return decode (input, limits, split_min, error);
}
