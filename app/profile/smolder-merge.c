/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-merge.c: pprof's profile.Merge.
 *
 * Mappings, functions, locations and samples are deduplicated by pprof's
 * keys; samples with the same stack and labels add their values; samples
 * whose values are all zero are dropped. */

#include "smolder-profile-private.h"

#include <string.h>

typedef struct {
  SmolderProfile *src;
  guint32        *strings;    /* src string id -> dst id, lazily (NO_ID) */
  guint32        *functions;  /* src function -> dst function */
  guint32        *locations;  /* src location -> dst location */
  guint32        *mappings;   /* src mapping -> dst mapping */
  gint64         *offsets;    /* src mapping -> address offset */
} SourceMap;

typedef struct {
  SmolderProfile *dst;
  guint           n_types;
  GHashTable     *mapping_keys;    /* GBytes -> dst index + 1 */
  GHashTable     *function_keys;
  GHashTable     *location_keys;
  GHashTable     *sample_keys;     /* GBytes -> merged sample index + 1 */
  /* merged samples, before they are written */
  GArray         *loc_offsets;     /* guint32, n + 1 */
  GArray         *locs;            /* guint32 */
  GArray         *label_offsets;   /* guint32, n + 1 */
  GArray         *labels;          /* SmolderLabel (dst string ids) */
  GArray         *values;          /* gint64, n * n_types */
} Merger;

static guint32
map_string (SourceMap *sm,
            Merger    *m,
            guint32    id)
{
  if (sm->strings[id] == SMOLDER_NO_ID)
    sm->strings[id] = smolder_profile_intern (m->dst, smolder_profile_get_string (sm->src, id), -1);
  return sm->strings[id];
}

static GBytes *
key_bytes (GByteArray *key)
{
  return g_bytes_new (key->data, key->len);
}

static void
key_add (GByteArray    *key,
         gconstpointer  data,
         gsize          len)
{
  g_byte_array_append (key, data, len);
}

static guint32
lookup_or_add (GHashTable *table,
               GByteArray *key,
               guint32     candidate,
               gboolean   *added)
{
  g_autoptr(GBytes) bytes = key_bytes (key);
  gpointer found = g_hash_table_lookup (table, bytes);

  if (found != NULL)
    {
      *added = FALSE;
      return GPOINTER_TO_UINT (found) - 1;
    }
  g_hash_table_insert (table, g_steal_pointer (&bytes), GUINT_TO_POINTER (candidate + 1));
  *added = TRUE;
  return candidate;
}

static guint32
map_mapping (SourceMap *sm,
             Merger    *m,
             guint32    index)
{
  const SmolderMapping *src;
  SmolderMapping dst;
  g_autoptr(GByteArray) key = NULL;
  guint64 size;
  const char *id_or_file;
  gboolean added;
  guint32 result;

  if (index == SMOLDER_NO_ID)
    return SMOLDER_NO_ID;
  if (sm->mappings[index] != SMOLDER_NO_ID)
    return sm->mappings[index];

  src = smolder_profile_get_mapping (sm->src, index);

  /* pprof's key: size rounded up to 4 KiB, offset, build id or file. */
  size = src->memory_limit - src->memory_start;
  size = size + 0xfff;
  size = size - (size % 0x1000);
  id_or_file = smolder_profile_get_string (sm->src, src->build_id);
  if (id_or_file[0] == '\0')
    id_or_file = smolder_profile_get_string (sm->src, src->filename);
  key = g_byte_array_new ();
  key_add (key, &size, sizeof size);
  key_add (key, &src->file_offset, sizeof src->file_offset);
  key_add (key, id_or_file, strlen (id_or_file) + 1);

  result = lookup_or_add (m->mapping_keys, key, m->dst->mappings->len, &added);
  if (added)
    {
      dst = *src;
      dst.filename = map_string (sm, m, src->filename);
      dst.build_id = map_string (sm, m, src->build_id);
      g_array_append_val (m->dst->mappings, dst);
      sm->offsets[index] = 0;
    }
  else
    {
      const SmolderMapping *existing = &g_array_index (m->dst->mappings, SmolderMapping, result);
      sm->offsets[index] = (gint64) existing->memory_start - (gint64) src->memory_start;
    }
  sm->mappings[index] = result;
  return result;
}

static guint32
map_function (SourceMap *sm,
              Merger    *m,
              guint32    index)
{
  const SmolderFunction *src;
  SmolderFunction dst;
  g_autoptr(GByteArray) key = NULL;
  gboolean added;
  guint32 result;

  if (index == SMOLDER_NO_ID)
    return SMOLDER_NO_ID;
  if (sm->functions[index] != SMOLDER_NO_ID)
    return sm->functions[index];

  src = smolder_profile_get_function (sm->src, index);
  dst.name = map_string (sm, m, src->name);
  dst.system_name = map_string (sm, m, src->system_name);
  dst.filename = map_string (sm, m, src->filename);
  dst.start_line = src->start_line;

  /* Interned ids stand for the strings themselves. */
  key = g_byte_array_new ();
  key_add (key, &dst.name, sizeof dst.name);
  key_add (key, &dst.system_name, sizeof dst.system_name);
  key_add (key, &dst.filename, sizeof dst.filename);
  key_add (key, &dst.start_line, sizeof dst.start_line);
  result = lookup_or_add (m->function_keys, key, m->dst->functions->len, &added);
  if (added)
    g_array_append_val (m->dst->functions, dst);
  sm->functions[index] = result;
  return result;
}

static guint32
map_location (SourceMap *sm,
              Merger    *m,
              guint32    index)
{
  const SmolderLocation *src;
  SmolderLocation dst;
  g_autoptr(GByteArray) key = NULL;
  g_autoptr(GArray) lines = NULL;
  guint64 key_addr;
  guint8 folded;
  gboolean added;
  guint32 result;

  if (sm->locations[index] != SMOLDER_NO_ID)
    return sm->locations[index];

  src = smolder_profile_get_location (sm->src, index);
  dst.mapping = map_mapping (sm, m, src->mapping);
  dst.address = src->address + (src->mapping != SMOLDER_NO_ID ? sm->offsets[src->mapping] : 0);
  dst.is_folded = src->is_folded;
  dst.n_lines = src->n_lines;
  dst.first_line = m->dst->lines->len;

  lines = g_array_sized_new (FALSE, FALSE, sizeof (SmolderLine), src->n_lines);
  for (guint i = 0; i < src->n_lines; i++)
    {
      SmolderLine line = *smolder_profile_get_line (sm->src, src->first_line + i);

      line.function = map_function (sm, m, line.function);
      g_array_append_val (lines, line);
    }

  /* pprof's key: address relative to the mapping, mapping, lines, folded. */
  key_addr = dst.address;
  if (dst.mapping != SMOLDER_NO_ID)
    key_addr -= g_array_index (m->dst->mappings, SmolderMapping, dst.mapping).memory_start;
  folded = !!dst.is_folded;
  key = g_byte_array_new ();
  key_add (key, &key_addr, sizeof key_addr);
  key_add (key, &dst.mapping, sizeof dst.mapping);
  key_add (key, &folded, 1);
  for (guint i = 0; i < lines->len; i++)
    {
      const SmolderLine *line = &g_array_index (lines, SmolderLine, i);

      key_add (key, &line->function, sizeof line->function);
      key_add (key, &line->line, sizeof line->line);
    }

  result = lookup_or_add (m->location_keys, key, m->dst->locations->len, &added);
  if (added)
    {
      g_array_append_vals (m->dst->lines, lines->data, lines->len);
      g_array_append_val (m->dst->locations, dst);
    }
  sm->locations[index] = result;
  return result;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  SmolderProfile *dst = user_data;
  const SmolderLabel *la = a;
  const SmolderLabel *lb = b;
  gboolean na = la->str == 0, nb = lb->str == 0;

  if (na != nb)
    return na ? 1 : -1;
  return strcmp (smolder_profile_get_string (dst, la->key), smolder_profile_get_string (dst, lb->key));
}

static void
merge_sample (SourceMap *sm,
              Merger    *m,
              guint      s)
{
  guint n_locs = 0, n_labels = 0;
  const guint32 *locs = smolder_profile_get_sample_locations (sm->src, s, &n_locs);
  const SmolderLabel *labels = smolder_profile_get_sample_labels (sm->src, s, &n_labels);
  const gint64 *values = smolder_profile_get_sample_values (sm->src, s);
  g_autoptr(GArray) mapped_locs = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_locs);
  g_autoptr(GArray) mapped_labels = g_array_sized_new (FALSE, FALSE, sizeof (SmolderLabel), n_labels);
  g_autoptr(GByteArray) key = g_byte_array_new ();
  gboolean added;
  guint32 index;

  for (guint i = 0; i < n_locs; i++)
    {
      guint32 l = map_location (sm, m, locs[i]);
      g_array_append_val (mapped_locs, l);
    }

  for (guint i = 0; i < n_labels; i++)
    {
      SmolderLabel label = labels[i];

      /* pprof drops labels with neither a string nor a number. */
      if (label.str == 0 && label.num == 0 && label.num_unit == 0)
        continue;
      label.key = map_string (sm, m, label.key);
      label.str = label.str ? map_string (sm, m, label.str) : 0;
      label.num_unit = label.num_unit ? map_string (sm, m, label.num_unit) : 0;
      g_array_append_val (mapped_labels, label);
    }
  /* Label maps are unordered across keys, ordered within a key. */
  g_array_sort_with_data (mapped_labels, compare_labels, m->dst);

  key_add (key, mapped_locs->data, mapped_locs->len * sizeof (guint32));
  key_add (key, "\xff\xff\xff\xff", 4);
  for (guint i = 0; i < mapped_labels->len; i++)
    {
      const SmolderLabel *label = &g_array_index (mapped_labels, SmolderLabel, i);

      key_add (key, &label->key, sizeof label->key);
      key_add (key, &label->str, sizeof label->str);
      if (label->str == 0)
        {
          key_add (key, &label->num, sizeof label->num);
          key_add (key, &label->num_unit, sizeof label->num_unit);
        }
    }

  index = lookup_or_add (m->sample_keys, key, m->loc_offsets->len - 1, &added);
  if (added)
    {
      guint32 end;

      g_array_append_vals (m->locs, mapped_locs->data, mapped_locs->len);
      end = m->locs->len;
      g_array_append_val (m->loc_offsets, end);
      g_array_append_vals (m->labels, mapped_labels->data, mapped_labels->len);
      end = m->labels->len;
      g_array_append_val (m->label_offsets, end);
      g_array_append_vals (m->values, values, m->n_types);
    }
  else
    {
      gint64 *sum = &g_array_index (m->values, gint64, (gsize) index * m->n_types);

      for (guint t = 0; t < m->n_types; t++)
        sum[t] = smolder_value_add (sum[t], values[t]);
    }
}

static char *
describe_types (SmolderProfile *p)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < smolder_profile_get_n_sample_types (p); i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (p, i);

      g_string_append_printf (s, "%s%s/%s", i ? " " : "",
                              smolder_profile_get_string (p, vt->type),
                              smolder_profile_get_string (p, vt->unit));
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static gboolean
same_value_type (SmolderProfile         *a,
                 const SmolderValueType *va,
                 SmolderProfile         *b,
                 const SmolderValueType *vb)
{
  return g_str_equal (smolder_profile_get_string (a, va->type), smolder_profile_get_string (b, vb->type)) &&
         g_str_equal (smolder_profile_get_string (a, va->unit), smolder_profile_get_string (b, vb->unit));
}

gboolean
smolder_profile_check_compatible (SmolderProfile  *a,
                                  SmolderProfile  *b,
                                  guint            index,
                                  GError         **error)
{
  const SmolderValueType *pa = smolder_profile_get_period_type (a);
  const SmolderValueType *pb = smolder_profile_get_period_type (b);
  gboolean types_ok;

  if (!same_value_type (a, pa, b, pb))
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                   "profile %u has period type %s/%s, profile 0 has %s/%s",
                   index, smolder_profile_get_string (b, pb->type), smolder_profile_get_string (b, pb->unit),
                   smolder_profile_get_string (a, pa->type), smolder_profile_get_string (a, pa->unit));
      return FALSE;
    }

  types_ok = smolder_profile_get_n_sample_types (a) == smolder_profile_get_n_sample_types (b);
  for (guint i = 0; types_ok && i < smolder_profile_get_n_sample_types (a); i++)
    types_ok = same_value_type (a, smolder_profile_get_sample_type (a, i),
                                b, smolder_profile_get_sample_type (b, i));
  if (!types_ok)
    {
      g_autofree char *ta = describe_types (a);
      g_autofree char *tb = describe_types (b);

      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                   "profile %u has sample types %s, profile 0 has %s", index, tb, ta);
      return FALSE;
    }
  return TRUE;
}

SmolderProfile *
smolder_profile_merge (SmolderProfile * const *profiles,
                       guint                   n_profiles,
                       GError                **error)
{
  g_autoptr(SmolderProfile) dst = NULL;
  SmolderProfile *first;
  Merger m = { 0, };
  gint64 time_nanos = 0, duration = 0, period = 0;
  guint32 zero = 0;
  g_autoptr(GHashTable) seen_comments = NULL;

  if (n_profiles == 0)
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                           "no profiles to merge");
      return NULL;
    }
  for (guint i = 0; i < n_profiles; i++)
    g_return_val_if_fail (SMOLDER_IS_PROFILE (profiles[i]), NULL);

  first = profiles[0];
  for (guint i = 1; i < n_profiles; i++)
    if (!smolder_profile_check_compatible (first, profiles[i], i, error))
      return NULL;

  dst = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_MERGED);
  dst->kind = first->kind;
  smolder_profile_intern (dst, "", 0);

  /* Headers, as pprof's combineHeaders. */
  seen_comments = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_profiles; i++)
    {
      SmolderProfile *p = profiles[i];

      if (time_nanos == 0 || p->time_nanos < time_nanos)
        time_nanos = p->time_nanos;
      duration += p->duration_nanos;
      if (period == 0 || period < p->period)
        period = p->period;
      for (guint c = 0; c < smolder_profile_get_n_comments (p); c++)
        {
          const char *comment = smolder_profile_get_comment (p, c);

          if (!g_hash_table_contains (seen_comments, comment))
            {
              guint32 id = smolder_profile_intern (dst, comment, -1);

              g_hash_table_add (seen_comments, (gpointer) comment);
              g_array_append_val (dst->comments, id);
            }
        }
      if (dst->default_sample_type == 0 && p->default_sample_type != 0)
        dst->default_sample_type = smolder_profile_intern (dst, smolder_profile_get_string (p, p->default_sample_type), -1);
    }
  dst->time_nanos = time_nanos;
  dst->duration_nanos = duration;
  dst->period = period;
  dst->period_type.type = smolder_profile_intern (dst, smolder_profile_get_string (first, first->period_type.type), -1);
  dst->period_type.unit = smolder_profile_intern (dst, smolder_profile_get_string (first, first->period_type.unit), -1);
  dst->drop_frames = smolder_profile_intern (dst, smolder_profile_get_drop_frames (first), -1);
  dst->keep_frames = smolder_profile_intern (dst, smolder_profile_get_keep_frames (first), -1);
  dst->doc_url = smolder_profile_intern (dst, smolder_profile_get_doc_url (first), -1);
  for (guint i = 0; i < smolder_profile_get_n_sample_types (first); i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (first, i);

      smolder_profile_add_sample_type (dst, smolder_profile_get_string (first, vt->type),
                                       smolder_profile_get_string (first, vt->unit));
    }

  m.dst = dst;
  m.n_types = smolder_profile_get_n_sample_types (first);
  m.mapping_keys = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  m.function_keys = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  m.location_keys = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  m.sample_keys = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  m.loc_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  m.locs = g_array_new (FALSE, FALSE, sizeof (guint32));
  m.label_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  m.labels = g_array_new (FALSE, FALSE, sizeof (SmolderLabel));
  m.values = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (m.loc_offsets, zero);
  g_array_append_val (m.label_offsets, zero);

  for (guint i = 0; i < n_profiles; i++)
    {
      SmolderProfile *p = profiles[i];
      guint n_strings = smolder_profile_get_n_strings (p);
      guint n_functions = smolder_profile_get_n_functions (p);
      guint n_locations = smolder_profile_get_n_locations (p);
      guint n_mappings = smolder_profile_get_n_mappings (p);
      SourceMap sm = { p, };

      sm.strings = g_new (guint32, MAX (n_strings, 1));
      sm.functions = g_new (guint32, MAX (n_functions, 1));
      sm.locations = g_new (guint32, MAX (n_locations, 1));
      sm.mappings = g_new (guint32, MAX (n_mappings, 1));
      sm.offsets = g_new0 (gint64, MAX (n_mappings, 1));
      memset (sm.strings, 0xff, sizeof (guint32) * MAX (n_strings, 1));
      memset (sm.functions, 0xff, sizeof (guint32) * MAX (n_functions, 1));
      memset (sm.locations, 0xff, sizeof (guint32) * MAX (n_locations, 1));
      memset (sm.mappings, 0xff, sizeof (guint32) * MAX (n_mappings, 1));

      /* The first mapping is the main binary: keep it first. */
      if (dst->mappings->len == 0 && n_mappings > 0)
        map_mapping (&sm, &m, 0);

      for (guint s = 0; s < smolder_profile_get_n_samples (p); s++)
        {
          const gint64 *values = smolder_profile_get_sample_values (p, s);
          gboolean all_zero = TRUE;

          for (guint t = 0; t < m.n_types && all_zero; t++)
            all_zero = values[t] == 0;
          if (!all_zero)
            merge_sample (&sm, &m, s);
        }

      g_free (sm.strings);
      g_free (sm.functions);
      g_free (sm.locations);
      g_free (sm.mappings);
      g_free (sm.offsets);
    }

  /* Write the merged samples; sums that cancelled out are dropped. */
  for (guint s = 0; s + 1 < m.loc_offsets->len; s++)
    {
      const gint64 *values = &g_array_index (m.values, gint64, (gsize) s * m.n_types);
      guint32 l0 = g_array_index (m.loc_offsets, guint32, s);
      guint32 l1 = g_array_index (m.loc_offsets, guint32, s + 1);
      guint32 b0 = g_array_index (m.label_offsets, guint32, s);
      guint32 b1 = g_array_index (m.label_offsets, guint32, s + 1);
      gboolean all_zero = TRUE;

      for (guint t = 0; t < m.n_types && all_zero; t++)
        all_zero = values[t] == 0;
      if (all_zero)
        continue;

      smolder_profile_begin_sample (dst);
      for (guint32 i = l0; i < l1; i++)
        smolder_profile_sample_add_location (dst, g_array_index (m.locs, guint32, i));
      for (guint t = 0; t < m.n_types; t++)
        smolder_profile_sample_add_value (dst, values[t]);
      for (guint32 i = b0; i < b1; i++)
        {
          const SmolderLabel *label = &g_array_index (m.labels, SmolderLabel, i);
          smolder_profile_sample_add_label (dst, label->key, label->str, label->num, label->num_unit);
        }
      smolder_profile_end_sample (dst);
    }

  g_hash_table_unref (m.mapping_keys);
  g_hash_table_unref (m.function_keys);
  g_hash_table_unref (m.location_keys);
  g_hash_table_unref (m.sample_keys);
  g_array_unref (m.loc_offsets);
  g_array_unref (m.locs);
  g_array_unref (m.label_offsets);
  g_array_unref (m.labels);
  g_array_unref (m.values);

  if (!smolder_profile_seal (dst, NULL, error))
    return NULL;

  return g_steal_pointer (&dst);
}
