/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-diff.c: pprof's -base / -diff_base / -normalize combination. */

#include "smolder-diff.h"
#include "smolder-profile-private.h"

#include <math.h>
#include <string.h>

static void
copy_array (GArray *dst,
            GArray *src)
{
  if (src->len > 0)
    g_array_append_vals (dst, src->data, src->len);
}

SmolderProfile *
smolder_profile_scale (SmolderProfile *self,
                       const double   *ratios,
                       const char     *label_key,
                       const char     *label_value)
{
  g_autoptr(SmolderProfile) dst = NULL;
  g_autoptr(GError) error = NULL;
  guint n_types, n_samples, n_strings;
  guint32 key_id = 0, value_id = 0;
  gboolean all_ones = TRUE;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (ratios != NULL, NULL);

  n_types = self->sample_types->len;
  n_samples = self->sample_loc_offsets->len - 1;
  n_strings = self->strings->len;
  for (guint t = 0; t < n_types; t++)
    all_ones = all_ones && ratios[t] == 1.0;

  dst = smolder_profile_new_empty (self->format);
  dst->kind = self->kind;
  /* Same string ids: the copied tables refer to them. */
  for (guint i = 0; i < n_strings; i++)
    {
      const char *s = self->strings->pdata[i];
      smolder_profile_append_string (dst, s, strlen (s));
    }
  if (label_key != NULL)
    {
      key_id = smolder_profile_append_string (dst, label_key, strlen (label_key));
      value_id = smolder_profile_append_string (dst, label_value, strlen (label_value));
    }
  copy_array (dst->sample_types, self->sample_types);
  dst->default_sample_type = self->default_sample_type;
  dst->drop_frames = self->drop_frames;
  dst->keep_frames = self->keep_frames;
  dst->doc_url = self->doc_url;
  dst->period_type = self->period_type;
  dst->period = self->period;
  dst->time_nanos = self->time_nanos;
  dst->duration_nanos = self->duration_nanos;
  copy_array (dst->comments, self->comments);
  copy_array (dst->mappings, self->mappings);
  copy_array (dst->functions, self->functions);
  copy_array (dst->locations, self->locations);
  copy_array (dst->lines, self->lines);

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
              /* Go's int64(math.Round(float64(v) * r)); Go converts
               * out-of-range floats to the minimum int64 on amd64. */
              double r = round ((double) values[t] * ratios[t]);

              out[t] = (r >= -9223372036854775808.0 && r < 9223372036854775808.0)
                       ? (gint64) r : G_MININT64;
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
