/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-legacy-cpu.c: the binary CPU profile Go wrote before 1.9.
 *
 * The layout (pprof's profile/legacy_profile.go, parseCPU) is a sequence of
 * native words, 32 or 64 bits, either byte order:
 *   header      0, 3, 0, sampling period in microseconds, 0
 *   per sample  count, depth, depth addresses (the leaf first)
 *   end marker  0, 1, 0
 * followed by the process's memory map as text (/proc/self/maps lines).
 * The model is built exactly the way pprof builds its Profile, so that the
 * numbers (and `go tool pprof -raw`) agree. */

#include <string.h>

#include "smolder-decoders.h"

typedef struct
{
  guint size;
  gboolean big_endian;
} WordKind;

static const WordKind word_kinds[] = {
  /* pprof's order of trial */
  { 4, FALSE }, { 4, TRUE }, { 8, FALSE }, { 8, TRUE },
};

static guint64
get_word (const guint8   *p,
          const WordKind *k)
{
  guint64 v = 0;

  for (guint i = 0; i < k->size; i++)
    v |= (guint64) p[i] << (k->big_endian ? (k->size - 1 - i) * 8 : i * 8);
  return v;
}

typedef struct
{
  guint64 start;
  guint64 limit;
  guint64 offset;
  char   *file;
  char   *build_id;
} Mapping;

static void
mapping_clear (gpointer data)
{
  Mapping *m = data;

  g_free (m->file);
  g_free (m->build_id);
}

/* /proc/self/maps or pprof's brief form, as pprof's parseMappingEntry. */
static gboolean
parse_mapping_line (const char *line,
                    GRegex     *proc_re,
                    GRegex     *brief_re,
                    Mapping    *out)
{
  g_autoptr(GMatchInfo) mi = NULL;
  g_autofree char *start = NULL, *end = NULL, *perm = NULL, *offset = NULL;
  g_autofree char *file = NULL, *build_id = NULL;

  if (g_regex_match (proc_re, line, 0, &mi))
    {
      start = g_match_info_fetch (mi, 1);
      end = g_match_info_fetch (mi, 2);
      perm = g_match_info_fetch (mi, 3);
      offset = g_match_info_fetch (mi, 4);
      file = g_match_info_fetch (mi, 5);
    }
  else
    {
      g_clear_pointer (&mi, g_match_info_free);
      if (!g_regex_match (brief_re, line, 0, &mi))
        return FALSE;
      start = g_match_info_fetch (mi, 1);
      end = g_match_info_fetch (mi, 2);
      perm = g_match_info_fetch (mi, 3);
      file = g_match_info_fetch (mi, 4);
      offset = g_match_info_fetch (mi, 5);
      build_id = g_match_info_fetch (mi, 6);
    }

  /* Non-executable entries are skipped. */
  if (perm != NULL && perm[0] != '\0' && strchr (perm, 'x') == NULL)
    return FALSE;

  memset (out, 0, sizeof *out);
  if (!g_ascii_string_to_unsigned (start, 16, 0, G_MAXUINT64, &out->start, NULL)
      || !g_ascii_string_to_unsigned (end, 16, 0, G_MAXUINT64, &out->limit, NULL))
    return FALSE;
  if (offset != NULL && offset[0] != '\0'
      && !g_ascii_string_to_unsigned (offset, 16, 0, G_MAXUINT64, &out->offset, NULL))
    return FALSE;
  out->file = g_strdup (file != NULL ? file : "");
  out->build_id = g_strdup (build_id != NULL ? build_id : "");
  return TRUE;
}

static GArray *
parse_memory_map (const guint8 *data,
                  gsize         len,
                  const SmolderLimits *limits)
{
  GArray *mappings = g_array_new (FALSE, TRUE, sizeof (Mapping));
  g_autoptr(GRegex) proc_re = NULL;
  g_autoptr(GRegex) brief_re = NULL;
  /* pprof's procMapsRE and briefMapsRE */
#define HEX_RANGE "^\\s*(?:0x)?([[:xdigit:]]+)[\\s-]?\\s*(?:0x)?([[:xdigit:]]+):?"
#define PERM "(?:\\s+([-rwxp]+))?"
  proc_re = g_regex_new (HEX_RANGE PERM "(?:\\s+([[:xdigit:]]+))?\\s+[[:xdigit:]]+:[[:xdigit:]]+\\s+[[:digit:]]+(?:\\s+(\\S+))?",
                         G_REGEX_OPTIMIZE, 0, NULL);
  brief_re = g_regex_new (HEX_RANGE PERM "(?:\\s+(\\S+))?(?:\\s+\\(@([[:xdigit:]]+)\\))?(?:\\s+([[:xdigit:]]+))?",
                          G_REGEX_OPTIMIZE, 0, NULL);
#undef HEX_RANGE
#undef PERM
  g_assert (proc_re != NULL && brief_re != NULL);

  g_array_set_clear_func (mappings, mapping_clear);

  for (gsize pos = 0; pos < len && mappings->len < limits->max_locations;)
    {
      const guint8 *nl = memchr (data + pos, '\n', len - pos);
      gsize end = nl != NULL ? (gsize) (nl - data) : len;
      g_autofree char *line = NULL;
      Mapping m;

      /* Lines that are not text (or absurdly long) are tolerated, skipped. */
      if (end - pos < 4096)
        {
          line = g_strndup ((const char *) data + pos, end - pos);
          if (g_utf8_validate (line, -1, NULL)
              && parse_mapping_line (line, proc_re, brief_re, &m))
            g_array_append_val (mappings, m);
        }
      pos = end + 1;
    }

  return mappings;
}

static gboolean
adjacent (const Mapping *m1,
          const Mapping *m2)
{
  if (m1->file[0] != '\0' && m2->file[0] != '\0' && strcmp (m1->file, m2->file) != 0)
    return FALSE;
  if (m1->build_id[0] != '\0' && m2->build_id[0] != '\0' && strcmp (m1->build_id, m2->build_id) != 0)
    return FALSE;
  if (m1->limit != m2->start)
    return FALSE;
  if (m1->offset != 0 && m2->offset != 0 && m1->offset + (m1->limit - m1->start) != m2->offset)
    return FALSE;
  return TRUE;
}

static gboolean
is_library (const char *file)
{
  /* pprof's libRx: `([.]so$|[.]so[._][0-9]+)` */
  const char *p = file;

  while ((p = strstr (p, ".so")) != NULL)
    {
      if (p[3] == '\0' || ((p[3] == '.' || p[3] == '_') && g_ascii_isdigit (p[4])))
        return TRUE;
      p += 3;
    }
  return FALSE;
}

/* pprof's massageMappings, before any location has a mapping. */
static void
massage_mappings (GArray *mappings)
{
  guint out = 1;

  for (guint i = 1; i < mappings->len; i++)
    {
      Mapping *lm = &g_array_index (mappings, Mapping, out - 1);
      Mapping *m = &g_array_index (mappings, Mapping, i);

      if (adjacent (lm, m))
        {
          lm->limit = m->limit;
          if (m->file[0] != '\0')
            {
              g_free (lm->file);
              lm->file = g_strdup (m->file);
            }
          if (m->build_id[0] != '\0')
            {
              g_free (lm->build_id);
              lm->build_id = g_strdup (m->build_id);
            }
          mapping_clear (m);
          continue;
        }
      if (out != i)
        {
          g_array_index (mappings, Mapping, out) = *m;
          memset (m, 0, sizeof *m);
        }
      out++;
    }
  if (mappings->len > 0)
    {
      /* The moved-from tail holds nothing to free. */
      g_array_set_clear_func (mappings, NULL);
      g_array_set_size (mappings, out);
      g_array_set_clear_func (mappings, mapping_clear);
    }

  /* The main binary goes first. */
  for (guint i = 0; i < mappings->len; i++)
    {
      Mapping *m = &g_array_index (mappings, Mapping, i);
      g_autofree char *file = NULL;
      char *deleted;

      file = g_strdup (m->file);
      while ((deleted = strstr (file, "(deleted)")) != NULL)
        memmove (deleted, deleted + 9, strlen (deleted + 9) + 1);
      g_strstrip (file);
      if (file[0] == '\0' || is_library (file) || file[0] == '[')
        continue;
      if (i != 0)
        {
          Mapping tmp = g_array_index (mappings, Mapping, 0);
          g_array_index (mappings, Mapping, 0) = *m;
          *m = tmp;
        }
      break;
    }
}

typedef struct
{
  GArray *counts;   /* guint64 */
  GArray *offsets;  /* guint32, n + 1 */
  GArray *addrs;    /* guint64 */
} Samples;

/* Removes the second frame of every sample where @pred holds. */
static void
remove_second_frame_if (Samples  *s,
                        gboolean (*pred) (const guint64 *stack, guint n, gpointer data),
                        gpointer  data)
{
  guint n_samples = s->counts->len;
  guint32 out = 0;
  guint32 start = 0;

  for (guint i = 0; i < n_samples; i++)
    {
      guint32 end = g_array_index (s->offsets, guint32, i + 1);
      guint n = end - start;
      guint64 *stack = n > 0 ? &g_array_index (s->addrs, guint64, start) : NULL;
      gboolean drop = n > 1 && pred (stack, n, data);

      g_array_index (s->offsets, guint32, i) = out;
      for (guint j = 0; j < n; j++)
        {
          if (drop && j == 1)
            continue;
          g_array_index (s->addrs, guint64, out++) = stack[j];
        }
      start = end;
    }
  g_array_index (s->offsets, guint32, n_samples) = out;
  g_array_set_size (s->addrs, out);
}

static gboolean
second_is (const guint64 *stack,
           guint          n,
           gpointer       data)
{
  return stack[1] == *(const guint64 *) data;
}

static gboolean
leaf_duplicated (const guint64 *stack,
                 guint          n,
                 gpointer       data)
{
  return stack[0] == stack[1] + 1;
}

/* If (nearly) all samples share their second frame, it was pushed by the
 * signal handler: pprof removes it, up to twice. */
static void
strip_signal_frames (Samples *s)
{
  guint n_samples = s->counts->len;
  guint margin = n_samples / 32;

  for (guint iter = 0; iter < 2; iter++)
    {
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      GHashTableIter it;
      gpointer key, value;

      for (guint i = 0; i < n_samples; i++)
        {
          guint32 start = g_array_index (s->offsets, guint32, i);
          guint32 end = g_array_index (s->offsets, guint32, i + 1);

          if (end - start > 1)
            {
              guint64 a = g_array_index (s->addrs, guint64, start + 1);
              gpointer old = g_hash_table_lookup (counts, &a);

              if (old == NULL)
                g_hash_table_insert (counts, g_memdup2 (&a, sizeof a), GUINT_TO_POINTER (1));
              else
                g_hash_table_insert (counts, g_memdup2 (&a, sizeof a), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
            }
        }

      /* At most one address can reach the threshold. */
      g_hash_table_iter_init (&it, counts);
      while (g_hash_table_iter_next (&it, &key, &value))
        {
          if (GPOINTER_TO_UINT (value) >= n_samples - margin)
            {
              guint64 a = *(guint64 *) key;
              remove_second_frame_if (s, second_is, &a);
              break;
            }
        }
    }
}

SmolderProfile *
smolder_legacy_cpu_decode (const guint8         *data,
                           gsize                 len,
                           const SmolderLimits  *limits,
                           GError              **error)
{
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GArray) addrs = NULL;
  g_autoptr(GArray) mappings = NULL;
  g_autoptr(GArray) loc_addrs = NULL;
  g_autoptr(GArray) loc_mapping = NULL;
  g_autoptr(GHashTable) loc_index = NULL;
  g_autoptr(GArray) sample_locs = NULL;
  const WordKind *k = NULL;
  Samples s;
  gsize pos;
  gint64 period = 0;
  guint32 zero32 = 0;
  gboolean have_fake = FALSE;
  gsize n_real_mappings;

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (word_kinds) && k == NULL; i++)
    {
      const WordKind *wk = &word_kinds[i];
      guint64 w[5];

      if (len < 5 * (gsize) wk->size)
        continue;
      for (guint j = 0; j < 5; j++)
        w[j] = get_word (data + j * wk->size, wk);
      if (w[0] == 0 && w[1] == 3 && w[2] == 0 && w[3] > 0 && w[4] == 0)
        {
          k = wk;
          period = (gint64) w[3];
        }
      else if (w[0] == 0 && w[1] == 3 && w[2] == 1 && w[3] > 0 && w[4] == 0)
        {
          g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_UNRECOGNIZED,
                               "a legacy Java CPU profile, which Smolder does not read");
          return NULL;
        }
    }
  if (k == NULL)
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_UNRECOGNIZED,
                           "not a legacy CPU profile: the header words are not 0, 3, 0, period, 0");
      return NULL;
    }

  /* pprof: microseconds to nanoseconds, wrapping as Go's int64 does. */
  period = (gint64) ((guint64) period * 1000);

  counts = g_array_new (FALSE, FALSE, sizeof (guint64));
  offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  addrs = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_val (offsets, zero32);

  pos = 5 * k->size;
  while (pos < len)
    {
      gsize sample_at = pos;
      guint64 count, depth;

      if (len - pos < 2 * (gsize) k->size)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                       "legacy CPU profile truncated: sample %u at byte %" G_GSIZE_FORMAT
                       " has no room for its count and depth", counts->len, sample_at);
          return NULL;
        }
      count = get_word (data + pos, k);
      depth = get_word (data + pos + k->size, k);
      pos += 2 * k->size;

      if (depth > (len - pos) / k->size)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                       "legacy CPU profile truncated: sample %u at byte %" G_GSIZE_FORMAT
                       " says %" G_GUINT64_FORMAT " frames, but only %" G_GSIZE_FORMAT " bytes follow",
                       counts->len, sample_at, depth, len - pos);
          return NULL;
        }

      /* End of data: 0, 1, 0. */
      if (count == 0 && depth == 1 && get_word (data + pos, k) == 0)
        {
          pos += k->size;
          break;
        }

      if (depth > limits->max_stack_depth)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "sample %u at byte %" G_GSIZE_FORMAT " is %" G_GUINT64_FORMAT
                       " frames deep, more than the limit of %" G_GUINT64_FORMAT,
                       counts->len, sample_at, depth, limits->max_stack_depth);
          return NULL;
        }
      if (counts->len >= limits->max_samples || (guint64) addrs->len + depth >= G_MAXUINT32)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                       "the legacy CPU profile has more than %" G_GUINT64_FORMAT " samples (the limit)",
                       MIN (limits->max_samples, (guint64) counts->len));
          return NULL;
        }

      for (guint64 i = 0; i < depth; i++)
        {
          guint64 a = get_word (data + pos, k);

          /* Return addresses point after the call: step back onto it,
           * except for the leaf, which is where the signal landed. */
          if (i > 0)
            a--;
          g_array_append_val (addrs, a);
          pos += k->size;
        }
      g_array_append_val (counts, count);
      {
        guint32 end = addrs->len;
        g_array_append_val (offsets, end);
      }
    }

  s.counts = counts;
  s.offsets = offsets;
  s.addrs = addrs;
  strip_signal_frames (&s);

  /* pprof's cleanupDuplicateLocations: the leaf seen twice, once from the
   * signal context and once (adjusted by -1) from unwinding. (pprof does
   * this after numbering locations; its -raw output, after merging, lists
   * only the locations samples use, as here.) */
  remove_second_frame_if (&s, leaf_duplicated, NULL);

  /* The memory map that follows; unparsable lines are ignored. */
  mappings = parse_memory_map (data + MIN (pos, len), len - MIN (pos, len), limits);
  massage_mappings (mappings);

  /* Locations: one per address, in order of first use (pprof's
   * remapLocationIDs). */
  loc_addrs = g_array_new (FALSE, FALSE, sizeof (guint64));
  loc_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  sample_locs = g_array_sized_new (FALSE, FALSE, sizeof (guint32), addrs->len);
  for (guint i = 0; i < addrs->len; i++)
    {
      guint64 *a = &g_array_index (addrs, guint64, i);
      gpointer found = g_hash_table_lookup (loc_index, a);
      guint32 index;

      if (found == NULL)
        {
          if (loc_addrs->len >= limits->max_locations)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                           "the legacy CPU profile has more than %" G_GUINT64_FORMAT
                           " locations (the limit)", limits->max_locations);
              return NULL;
            }
          g_array_append_val (loc_addrs, *a);
          index = loc_addrs->len - 1;
          g_hash_table_insert (loc_index, a, GUINT_TO_POINTER (index + 1));
        }
      else
        index = GPOINTER_TO_UINT (found) - 1;
      g_array_append_val (sample_locs, index);
    }

  /* pprof's remapMappingIDs. */
  if (mappings->len > 1)
    {
      Mapping *m0 = &g_array_index (mappings, Mapping, 0);
      Mapping *m1 = &g_array_index (mappings, Mapping, 1);

      if (g_str_has_prefix (m0->file, "/anon_hugepage") && m0->limit == m1->start)
        g_array_remove_index (mappings, 0);
    }
  if (mappings->len > 0)
    {
      Mapping *m0 = &g_array_index (mappings, Mapping, 0);

      if (m0->start - m0->offset == 0x400000)
        {
          m0->start = 0x400000;
          m0->offset = 0;
        }
    }
  n_real_mappings = mappings->len;

  loc_mapping = g_array_sized_new (FALSE, FALSE, sizeof (guint32), loc_addrs->len);
  for (guint i = 0; i < loc_addrs->len; i++)
    {
      guint64 a = g_array_index (loc_addrs, guint64, i);
      guint32 mi = SMOLDER_NO_ID;

      if (a != 0)
        {
          for (guint j = 0; j < n_real_mappings && mi == SMOLDER_NO_ID; j++)
            {
              Mapping *m = &g_array_index (mappings, Mapping, j);
              if (m->start <= a && a < m->limit)
                mi = j;
            }
          /* Legacy handlers dropped the first part of split mappings. */
          for (guint j = 0; j < n_real_mappings && mi == SMOLDER_NO_ID; j++)
            {
              Mapping *m = &g_array_index (mappings, Mapping, j);
              if (m->offset != 0 && m->start - m->offset <= a && a < m->start)
                {
                  m->start -= m->offset;
                  m->offset = 0;
                  mi = j;
                }
            }
          if (mi == SMOLDER_NO_ID)
            {
              /* Go's legacy handler wrote no mappings: one fake mapping. */
              if (!have_fake)
                {
                  Mapping fake = { 0, G_MAXUINT64, 0, g_strdup (""), g_strdup ("") };
                  g_array_append_val (mappings, fake);
                  have_fake = TRUE;
                }
              mi = mappings->len - 1;
            }
        }
      g_array_append_val (loc_mapping, mi);
    }

  /* The model. */
  profile = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_LEGACY_CPU);
  profile->kind = SMOLDER_PROFILE_KIND_CPU;
  smolder_profile_intern (profile, "", 0);
  smolder_profile_add_sample_type (profile, "samples", "count");
  smolder_profile_add_sample_type (profile, "cpu", "nanoseconds");
  profile->period_type.type = smolder_profile_intern (profile, "cpu", -1);
  profile->period_type.unit = smolder_profile_intern (profile, "nanoseconds", -1);
  profile->period = period;
  profile->drop_frames = smolder_profile_intern (profile,
      "ProfileData::Add|ProfileData::prof_handler|CpuProfiler::prof_handler|__pthread_sighandler|__restore", -1);

  for (guint i = 0; i < mappings->len; i++)
    {
      const Mapping *m = &g_array_index (mappings, Mapping, i);
      SmolderMapping sm = { 0 };

      sm.memory_start = m->start;
      sm.memory_limit = m->limit;
      sm.file_offset = m->offset;
      sm.filename = smolder_profile_intern (profile, m->file, -1);
      sm.build_id = smolder_profile_intern (profile, m->build_id, -1);
      g_array_append_val (profile->mappings, sm);
    }

  for (guint i = 0; i < loc_addrs->len; i++)
    {
      SmolderLocation sl = { 0 };

      sl.address = g_array_index (loc_addrs, guint64, i);
      sl.mapping = g_array_index (loc_mapping, guint32, i);
      sl.first_line = profile->lines->len;
      sl.n_lines = 0;
      g_array_append_val (profile->locations, sl);
    }

  for (guint i = 0; i < counts->len; i++)
    {
      guint32 start = g_array_index (offsets, guint32, i);
      guint32 end = g_array_index (offsets, guint32, i + 1);
      guint64 count = g_array_index (counts, guint64, i);

      smolder_profile_begin_sample (profile);
      for (guint32 j = start; j < end; j++)
        smolder_profile_sample_add_location (profile, g_array_index (sample_locs, guint32, j));
      smolder_profile_sample_add_value (profile, (gint64) count);
      smolder_profile_sample_add_value (profile, (gint64) (count * (guint64) period));
      smolder_profile_end_sample (profile);
    }

  if (!smolder_profile_seal (profile, limits, error))
    return NULL;

  return g_steal_pointer (&profile);
}
