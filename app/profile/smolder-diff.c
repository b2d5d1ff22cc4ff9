/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-diff.c: pprof's -base / -diff_base / -normalize combination. */

#include "smolder-diff.h"
#include "smolder-profile-private.h"

#include <math.h>
#include <sys/mman.h>
#include <string.h>

static void
copy_array (GArray *dst,
            GArray *src)
{
  if (src->len > 0)
    g_array_append_vals (dst, src->data, src->len);
}

/* ScaleN of one value: Go's int64(math.Round(float64(v) * r)); Go converts
 * out-of-range floats to the minimum int64 on amd64. */
static inline gint64
scale_value (gint64 v,
             double ratio)
{
  double r = round ((double) v * ratio);

  return (r >= -9223372036854775808.0 && r < 9223372036854775808.0) ? (gint64) r : G_MININT64;
}

SmolderProfile *
smolder_profile_scale (SmolderProfile *self,
                       const double   *ratios,
                       const char     *label_key,
                       const char     *label_value)
{
  g_autoptr(SmolderProfile) dst = NULL;
  g_autoptr(GError) error = NULL;
  guint n_types, n_samples;
  guint32 key_id = 0, value_id = 0;
  gboolean all_ones = TRUE;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (ratios != NULL, NULL);

  n_types = self->sample_types->len;
  n_samples = self->sample_loc_offsets->len - 1;
  for (guint t = 0; t < n_types; t++)
    all_ones = all_ones && ratios[t] == 1.0;

  /* Same string ids: the copied tables refer to them. */
  dst = smolder_profile_new_copy_tables (self);
  if (label_key != NULL)
    {
      key_id = smolder_profile_append_string (dst, label_key, strlen (label_key));
      value_id = smolder_profile_append_string (dst, label_value, strlen (label_value));
    }

  for (guint s = 0; s < n_samples; s++)
    {
      const gint64 *values = smolder_profile_get_sample_values (self, s);
      const SmolderLabel *labels;
      guint n_locs, n_labels;
      const guint32 *locs = smolder_profile_get_sample_locations (self, s, &n_locs);
      gint64 scaled[64];
      g_autofree gint64 *heap_scaled = NULL;
      gint64 *out = scaled;
      gboolean keep = all_ones;

      if (n_types > G_N_ELEMENTS (scaled))
        out = heap_scaled = g_new (gint64, n_types);
      for (guint t = 0; t < n_types; t++)
        {
          out[t] = values[t];
          if (ratios[t] != 1.0)
            {
              out[t] = scale_value (values[t], ratios[t]);
              keep = keep || out[t] != 0;
            }
        }
      if (!keep)
        continue;

      smolder_profile_begin_sample (dst);
      for (guint i = 0; i < n_locs; i++)
        smolder_profile_sample_add_location (dst, locs[i]);
      for (guint t = 0; t < n_types; t++)
        smolder_profile_sample_add_value (dst, out[t]);
      labels = smolder_profile_get_sample_labels (self, s, &n_labels);
      for (guint i = 0; i < n_labels; i++)
        {
          /* SetLabel replaces the key's string values; numeric ones stay. */
          if (label_key != NULL && labels[i].str != 0 &&
              g_str_equal (self->strings->pdata[labels[i].key], label_key))
            continue;
          smolder_profile_sample_add_label (dst, labels[i].key, labels[i].str,
                                            labels[i].num, labels[i].num_unit);
        }
      if (label_key != NULL)
        smolder_profile_sample_add_label (dst, key_id, value_id, 0, 0);
      smolder_profile_end_sample (dst);
    }

  /* Everything refers to what the sealed source already validated. */
  if (!smolder_profile_seal (dst, NULL, &error))
    g_error ("smolder_profile_scale: a copy of a sealed profile did not seal: %s", error->message);
  return g_steal_pointer (&dst);
}

/* ------------------------------------------------------------------ */
/* The -diff_base fast path.
 *
 * With the base labelled, no sample of one side merges with one of the
 * other; within a side, merging equal samples changes no flat, cum or
 * total as long as the side's values of each type share a sign (|a| + |b|
 * = |a + b|), and Top, the call tree and the filters read locations and
 * functions by content. So the two sides are appended into one profile
 * instead of hashed sample by sample; only mappings are matched as
 * profile.Merge matches them, so the base's addresses move into the new
 * profile's mappings. */

/* pprof's mapping key: size rounded up to 4 KiB, offset, build id or file. */
static char *
mapping_key (SmolderProfile       *p,
             const SmolderMapping *m)
{
  guint64 size = m->memory_limit - m->memory_start;
  const char *id_or_file = smolder_profile_get_string (p, m->build_id);

  size = size + 0xfff;
  size = size - (size % 0x1000);
  if (id_or_file[0] == '\0')
    id_or_file = smolder_profile_get_string (p, m->filename);
  return g_strdup_printf ("%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT "/%s", size, m->file_offset, id_or_file);
}

static gboolean
mixed_signs (SmolderProfile *p)
{
  guint n_types = p->sample_types->len;
  const gint64 *values = (const gint64 *) (gpointer) p->values->data;

  for (guint t = 0; t < n_types; t++)
    {
      gboolean pos = FALSE, neg = FALSE;

      for (gsize i = t; i < p->values->len; i += n_types)
        {
          pos = pos || values[i] > 0;
          neg = neg || values[i] < 0;
        }
      if (pos && neg)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  SmolderProfile *src;
  const double   *ratios;
  guint32         string_offset;
  guint32         function_offset;
  guint32         line_offset;
  guint32         location_offset;
  guint32        *mappings;   /* src mapping -> dst mapping */
  gint64         *shifts;     /* src mapping -> address shift */
  guint32         label_key;  /* dst string ids, 0 for no label */
  guint32         label_value;
} Side;

/* Functions, lines and locations of a side, renumbered. */
static void
append_tables (SmolderProfile *dst,
               Side           *side)
{
  SmolderProfile *src = side->src;
  guint32 so = side->string_offset;

  for (guint i = 0; i < src->functions->len; i++)
    {
      SmolderFunction f = g_array_index (src->functions, SmolderFunction, i);

      f.name += so;
      f.system_name += so;
      f.filename += so;
      g_array_append_val (dst->functions, f);
    }
  for (guint i = 0; i < src->lines->len; i++)
    {
      SmolderLine l = g_array_index (src->lines, SmolderLine, i);

      if (l.function != SMOLDER_NO_ID)
        l.function += side->function_offset;
      g_array_append_val (dst->lines, l);
    }
  for (guint i = 0; i < src->locations->len; i++)
    {
      SmolderLocation l = g_array_index (src->locations, SmolderLocation, i);

      l.first_line += side->line_offset;
      if (l.mapping != SMOLDER_NO_ID)
        {
          l.address = (guint64) ((gint64) l.address + side->shifts[l.mapping]);
          l.mapping = side->mappings[l.mapping];
        }
      g_array_append_val (dst->locations, l);
    }
}

static void
append_samples (SmolderProfile *dst,
                Side           *side)
{
  SmolderProfile *src = side->src;
  guint n_types = src->sample_types->len;
  guint n_samples = src->sample_loc_offsets->len - 1;
  gboolean all_ones = TRUE;
  guint32 so = side->string_offset;
  g_autofree gint64 *out = g_new (gint64, MAX (n_types, 1));
  const guint32 *label_offsets = (const guint32 *) (gpointer) src->sample_label_offsets->data;
  const SmolderLabel *labels = (const SmolderLabel *) (gpointer) src->labels->data;

  for (guint t = 0; t < n_types; t++)
    all_ones = all_ones && side->ratios[t] == 1.0;

  for (guint s = 0; s < n_samples; s++)
    {
      const gint64 *values = smolder_profile_get_sample_values (src, s);
      guint n_locs;
      const guint32 *locs = smolder_profile_get_sample_locations (src, s, &n_locs);
      gboolean keep = all_ones;
      guint32 *loc_out;
      guint old_len;

      for (guint t = 0; t < n_types; t++)
        {
          out[t] = values[t];
          if (side->ratios[t] != 1.0)
            {
              out[t] = scale_value (values[t], side->ratios[t]);
              keep = keep || out[t] != 0;
            }
        }
      if (!keep)
        continue;
      /* profile.Merge drops samples whose values are all zero. */
      keep = FALSE;
      for (guint t = 0; t < n_types && !keep; t++)
        keep = out[t] != 0;
      if (!keep)
        continue;

      /* Into the room reserve_room() made: no reallocation per sample. */
      old_len = dst->sample_locs->len;
      g_array_set_size (dst->sample_locs, old_len + n_locs);
      loc_out = &g_array_index (dst->sample_locs, guint32, old_len);
      for (guint i = 0; i < n_locs; i++)
        loc_out[i] = locs[i] + side->location_offset;
      g_array_append_vals (dst->values, out, n_types);
      for (guint32 i = label_offsets[s]; i < label_offsets[s + 1]; i++)
        {
          const SmolderLabel *l = &labels[i];

          /* Merge drops labels with neither a string nor a number;
           * SetLabel replaces the key's string values. */
          if (l->str == 0 && l->num == 0 && l->num_unit == 0)
            continue;
          if (side->label_key != 0 && l->str != 0 &&
              g_str_equal (src->strings->pdata[l->key], SMOLDER_DIFF_BASE_LABEL))
            continue;
          smolder_profile_sample_add_label (dst, l->key + so, l->str ? l->str + so : 0, l->num,
                                            l->num_unit ? l->num_unit + so : 0);
        }
      if (side->label_key != 0)
        smolder_profile_sample_add_label (dst, side->label_key, side->label_value, 0, 0);
      smolder_profile_end_sample (dst);
    }
}

/* Grows @array's allocation to hold @n more elements, keeping its length.
 * Large arrays ask for huge pages: filling hundreds of megabytes 4 KiB at a
 * time costs more in page faults than in copying. */
static void
reserve_room (GArray *array,
              gsize   n)
{
  guint len = array->len;
  gsize bytes = (gsize) (len + n) * g_array_get_element_size (array);

  g_array_set_size (array, len + n);
  g_array_set_size (array, len);
#ifdef MADV_HUGEPAGE
  if (bytes >= 8 * 1024 * 1024)
    {
      gsize page = 2 * 1024 * 1024;
      guintptr start = ((guintptr) array->data + page - 1) & ~(guintptr) (page - 1);
      guintptr end = ((guintptr) array->data + bytes) & ~(guintptr) (page - 1);

      if (end > start)
        madvise ((void *) start, end - start, MADV_HUGEPAGE);
    }
#endif
}

/* Whether append_samples() would copy every sample of @p unchanged (no
 * all-zero sample, no empty label), so they can be taken as they are. */
static gboolean
samples_as_merged (SmolderProfile *p)
{
  guint n_types = p->sample_types->len;
  const gint64 *values = (const gint64 *) (gpointer) p->values->data;

  for (gsize s = 0; s + 1 < p->sample_loc_offsets->len; s++)
    {
      gboolean zero = TRUE;

      for (guint t = 0; t < n_types && zero; t++)
        zero = values[s * n_types + t] == 0;
      if (zero)
        return FALSE;
    }
  for (guint i = 0; i < p->labels->len; i++)
    {
      const SmolderLabel *l = &g_array_index (p->labels, SmolderLabel, i);

      if (l->str == 0 && l->num == 0 && l->num_unit == 0)
        return FALSE;
    }
  return TRUE;
}

static void
swap_arrays (GArray **a,
             GArray **b)
{
  GArray *t = *a;

  *a = *b;
  *b = t;
}

/* NULL when the fast path does not apply (mixed signs, repeated mappings).
 * With @owned, nothing else holds @profile: its sample arrays may become
 * the result's instead of being copied. */
static SmolderProfile *
append_diff (SmolderProfile *base,
             SmolderProfile *profile,
             const double   *ratios,
             gboolean        owned)
{
  g_autoptr(SmolderProfile) dst = NULL;
  g_autoptr(GHashTable) keys = NULL;
  g_autofree double *minus = NULL;
  Side side_new = { 0, }, side_base = { 0, };
  guint n_types = profile->sample_types->len;
  guint nb_mappings = profile->mappings->len;
  guint na_mappings = base->mappings->len;

  if (mixed_signs (profile) || mixed_signs (base))
    return NULL;

  dst = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_MERGED);
  dst->kind = profile->kind;

  /* Mappings: the new profile's as they are, the base's matched by key. */
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < nb_mappings; i++)
    {
      char *key = mapping_key (profile, &g_array_index (profile->mappings, SmolderMapping, i));

      if (!g_hash_table_insert (keys, key, GUINT_TO_POINTER (i + 1)))
        return NULL;
    }
  copy_array (dst->mappings, profile->mappings);
  side_base.mappings = g_new (guint32, MAX (na_mappings, 1));
  side_base.shifts = g_new0 (gint64, MAX (na_mappings, 1));
  for (guint i = 0; i < na_mappings; i++)
    {
      SmolderMapping m = g_array_index (base->mappings, SmolderMapping, i);
      char *key = mapping_key (base, &m);
      gpointer found = g_hash_table_lookup (keys, key);

      if (found != NULL && GPOINTER_TO_UINT (found) > nb_mappings)
        {
          /* Two of the base's own mappings would merge. */
          g_free (key);
          g_free (side_base.mappings);
          g_free (side_base.shifts);
          return NULL;
        }
      if (found != NULL)
        {
          const SmolderMapping *existing = &g_array_index (profile->mappings, SmolderMapping,
                                                           GPOINTER_TO_UINT (found) - 1);

          side_base.mappings[i] = GPOINTER_TO_UINT (found) - 1;
          side_base.shifts[i] = (gint64) existing->memory_start - (gint64) m.memory_start;
          g_free (key);
        }
      else
        {
          side_base.mappings[i] = dst->mappings->len;
          g_hash_table_insert (keys, key, GUINT_TO_POINTER (dst->mappings->len + 1));
          m.filename += profile->strings->len;
          m.build_id += profile->strings->len;
          g_array_append_val (dst->mappings, m);
        }
    }

  /* Strings: the new profile's ids, then the base's, then the label. */
  for (guint i = 0; i < profile->strings->len; i++)
    {
      const char *s = profile->strings->pdata[i];
      smolder_profile_append_string (dst, s, strlen (s));
    }
  for (guint i = 0; i < base->strings->len; i++)
    {
      const char *s = base->strings->pdata[i];
      smolder_profile_append_string (dst, s, strlen (s));
    }
  side_base.label_key = smolder_profile_append_string (dst, SMOLDER_DIFF_BASE_LABEL,
                                                       strlen (SMOLDER_DIFF_BASE_LABEL));
  side_base.label_value = smolder_profile_append_string (dst, "true", 4);

  /* Headers, as profile.Merge combines them (the first profile's frames,
   * the earliest time, summed durations, the largest period). */
  copy_array (dst->sample_types, profile->sample_types);
  dst->default_sample_type = profile->default_sample_type;
  if (dst->default_sample_type == 0 && base->default_sample_type != 0)
    dst->default_sample_type = base->default_sample_type + profile->strings->len;
  dst->drop_frames = profile->drop_frames;
  dst->keep_frames = profile->keep_frames;
  dst->doc_url = profile->doc_url;
  dst->period_type = profile->period_type;
  dst->period = MAX (profile->period, base->period);
  dst->time_nanos = profile->time_nanos;
  if (dst->time_nanos == 0 || base->time_nanos < dst->time_nanos)
    dst->time_nanos = base->time_nanos;
  dst->duration_nanos = profile->duration_nanos + base->duration_nanos;
  copy_array (dst->comments, profile->comments);

  reserve_room (dst->functions, profile->functions->len + base->functions->len);
  reserve_room (dst->lines, profile->lines->len + base->lines->len);
  reserve_room (dst->locations, profile->locations->len + base->locations->len);

  side_new.src = profile;
  side_new.ratios = ratios;
  side_new.mappings = g_new (guint32, MAX (nb_mappings, 1));
  side_new.shifts = g_new0 (gint64, MAX (nb_mappings, 1));
  for (guint i = 0; i < nb_mappings; i++)
    side_new.mappings[i] = i;
  append_tables (dst, &side_new);

  for (guint t = 0; t < n_types; t++)
    owned = owned && ratios[t] == 1.0;
  if (owned && samples_as_merged (profile))
    {
      /* The new side's samples are the result's first samples, unchanged:
       * take them (growing them later moves pages rather than copies). */
      swap_arrays (&dst->sample_locs, &profile->sample_locs);
      swap_arrays (&dst->values, &profile->values);
      swap_arrays (&dst->sample_loc_offsets, &profile->sample_loc_offsets);
      swap_arrays (&dst->sample_label_offsets, &profile->sample_label_offsets);
      swap_arrays (&dst->labels, &profile->labels);
      reserve_room (dst->sample_locs, base->sample_locs->len);
      reserve_room (dst->values, base->values->len);
      reserve_room (dst->sample_loc_offsets, base->sample_loc_offsets->len);
      reserve_room (dst->sample_label_offsets, base->sample_loc_offsets->len);
      reserve_room (dst->labels, base->labels->len + base->sample_loc_offsets->len);
    }
  else
    {
      reserve_room (dst->sample_locs, profile->sample_locs->len + base->sample_locs->len);
      reserve_room (dst->values, profile->values->len + base->values->len);
      reserve_room (dst->sample_loc_offsets, profile->sample_loc_offsets->len + base->sample_loc_offsets->len);
      reserve_room (dst->sample_label_offsets, profile->sample_loc_offsets->len + base->sample_loc_offsets->len);
      reserve_room (dst->labels, profile->labels->len + base->labels->len + base->sample_loc_offsets->len);
      append_samples (dst, &side_new);
    }

  minus = g_new (double, MAX (n_types, 1));
  for (guint t = 0; t < n_types; t++)
    minus[t] = -1.0;
  side_base.src = base;
  side_base.ratios = minus;
  side_base.string_offset = profile->strings->len;
  side_base.function_offset = profile->functions->len;
  side_base.line_offset = profile->lines->len;
  side_base.location_offset = profile->locations->len;
  append_tables (dst, &side_base);
  append_samples (dst, &side_base);

  g_free (side_new.mappings);
  g_free (side_new.shifts);
  g_free (side_base.mappings);
  g_free (side_base.shifts);

  /* What smolder_profile_seal() would check was checked when the two
   * sides were sealed, and renumbering keeps every reference in range;
   * walking 20 million frames again would cost a fifth of the comparison. */
  if (dst->kind == SMOLDER_PROFILE_KIND_UNKNOWN)
    dst->kind = smolder_profile_guess_kind (dst);
  g_clear_pointer (&dst->string_index, g_hash_table_unref);
  dst->sealed = TRUE;
  return g_steal_pointer (&dst);
}

void
smolder_profile_normalize_ratios (SmolderProfile *base,
                                  SmolderProfile *profile,
                                  double         *ratios)
{
  guint n_types = smolder_profile_get_n_sample_types (profile);

  g_return_if_fail (smolder_profile_get_n_sample_types (base) == n_types);

  for (guint t = 0; t < n_types; t++)
    {
      gint64 base_sum = smolder_profile_get_total (base, t);
      gint64 sum = smolder_profile_get_total (profile, t);

      ratios[t] = sum == 0 ? 0.0 : (double) base_sum / (double) sum;
    }
}

SmolderProfile *
smolder_profile_diff (SmolderProfile    *base,
                      SmolderProfile    *profile,
                      SmolderDiffFlags   flags,
                      GError           **error)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);

  return smolder_profile_diff_take (base, g_object_ref (profile), flags, error);
}

SmolderProfile *
smolder_profile_diff_take (SmolderProfile    *base,
                           SmolderProfile    *profile_owned,
                           SmolderDiffFlags   flags,
                           GError           **error)
{
  g_autoptr(SmolderProfile) profile = profile_owned;
  g_autoptr(SmolderProfile) scaled_base = NULL;
  g_autoptr(SmolderProfile) scaled = NULL;
  g_autofree double *ratios = NULL;
  SmolderProfile *both[2];
  guint n_types;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (base), NULL);
  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);

  /* Merging checks this too, but Normalize needs it first. */
  n_types = smolder_profile_get_n_sample_types (profile);
  if (smolder_profile_get_n_sample_types (base) != n_types)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                   "the base has %u sample types, the profile %u: they cannot be compared",
                   smolder_profile_get_n_sample_types (base), n_types);
      return NULL;
    }
  ratios = g_new (double, MAX (n_types, 1));

  if ((flags & SMOLDER_DIFF_LABEL_BASE) && !(flags & SMOLDER_DIFF_MERGE_ALWAYS))
    {
      SmolderProfile *fast;

      for (guint t = 0; t < n_types; t++)
        ratios[t] = 1.0;
      if (flags & SMOLDER_DIFF_NORMALIZE)
        smolder_profile_normalize_ratios (base, profile, ratios);
      if (!smolder_profile_check_compatible (profile, base, 1, error))
        return NULL;
      fast = append_diff (base, profile, ratios,
                          g_atomic_int_get (&G_OBJECT (profile)->ref_count) == 1);
      if (fast != NULL)
        return fast;
    }

  if (flags & SMOLDER_DIFF_NORMALIZE)
    {
      smolder_profile_normalize_ratios (base, profile, ratios);
      scaled = smolder_profile_scale (profile, ratios, NULL, NULL);
    }
  else
    scaled = g_object_ref (profile);

  for (guint t = 0; t < n_types; t++)
    ratios[t] = -1.0;
  scaled_base = smolder_profile_scale (base, ratios,
                                       (flags & SMOLDER_DIFF_LABEL_BASE) ? SMOLDER_DIFF_BASE_LABEL : NULL,
                                       "true");

  both[0] = scaled;
  both[1] = scaled_base;
  return smolder_profile_merge (both, 2, error);
}

gboolean
smolder_profile_has_diff_base_label (SmolderProfile *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), FALSE);

  if (self->labels->len == 0)
    return FALSE;
  for (guint i = 0; i < self->strings->len; i++)
    if (g_str_equal (self->strings->pdata[i], SMOLDER_DIFF_BASE_LABEL))
      return TRUE;
  return FALSE;
}

gboolean
smolder_profile_is_diff_base_sample (SmolderProfile *self,
                                     guint           sample)
{
  const SmolderLabel *labels;
  guint n_labels;

  labels = smolder_profile_get_sample_labels (self, sample, &n_labels);
  for (guint i = 0; i < n_labels; i++)
    if (labels[i].str != 0 &&
        g_str_equal (self->strings->pdata[labels[i].key], SMOLDER_DIFF_BASE_LABEL) &&
        g_str_equal (self->strings->pdata[labels[i].str], "true"))
      return TRUE;
  return FALSE;
}

SmolderDiffStatus
smolder_diff_row_status (const SmolderTopRow *row)
{
  gint64 new_cum = (gint64) ((guint64) row->cum - (guint64) row->base_cum);

  if (row->base_cum == 0 && new_cum != 0)
    return SMOLDER_DIFF_STATUS_NEW;
  if (new_cum == 0 && row->base_cum != 0)
    return SMOLDER_DIFF_STATUS_GONE;
  return SMOLDER_DIFF_STATUS_CHANGED;
}

const char *
smolder_diff_status_to_string (SmolderDiffStatus status)
{
  switch (status)
    {
    case SMOLDER_DIFF_STATUS_NEW:
      return "new";
    case SMOLDER_DIFF_STATUS_GONE:
      return "gone";
    case SMOLDER_DIFF_STATUS_CHANGED:
    default:
      return "changed";
    }
}
