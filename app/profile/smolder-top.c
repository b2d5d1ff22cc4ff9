/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top.c: pprof's newGraph node values and -top order. */

#include "smolder-top.h"
#include "smolder-diff.h"
#include "smolder-filter.h"
#include "smolder-profile-private.h"

#include <string.h>

struct _SmolderTop
{
  GObject parent_instance;

  /* owned */
  SmolderFrames *frames;
  GArray        *rows;      /* SmolderTopRow */
  char         **warnings;

  /* state */
  guint          sample_index;
  gint64         total;
  gint64         kept_total;
};

G_DEFINE_FINAL_TYPE (SmolderTop, smolder_top, G_TYPE_OBJECT)

static void
smolder_top_finalize (GObject *object)
{
  SmolderTop *self = (SmolderTop *) object;

  g_clear_object (&self->frames);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->warnings, g_strfreev);

  G_OBJECT_CLASS (smolder_top_parent_class)->finalize (object);
}

static void
smolder_top_class_init (SmolderTopClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_top_finalize;
}

static void
smolder_top_init (SmolderTop *self)
{
}

/* pprof's FlatNameOrder. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  SmolderFrames *frames = user_data;
  const SmolderTopRow *l = a;
  const SmolderTopRow *r = b;
  gint64 lv, rv;
  int cmp;

  lv = smolder_value_abs (l->flat);
  rv = smolder_value_abs (r->flat);
  if (lv != rv)
    return lv > rv ? -1 : 1;
  cmp = strcmp (smolder_frames_get_name (frames, l->frame), smolder_frames_get_name (frames, r->frame));
  if (cmp != 0)
    return cmp;
  lv = smolder_value_abs (l->cum);
  rv = smolder_value_abs (r->cum);
  if (lv != rv)
    return lv > rv ? -1 : 1;
  return smolder_frames_compare_info (frames, l->frame, r->frame);
}

SmolderTop *
smolder_top_new_for_frames (SmolderFrames  *frames,
                            SmolderQuery   *query,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(SmolderTop) self = NULL;
  g_autoptr(SmolderFilterView) view = NULL;
  g_autoptr(GArray) stack = NULL;
  g_autofree gint64 *flat = NULL;
  g_autofree gint64 *cum = NULL;
  g_autofree gint64 *base_flat = NULL;
  g_autofree gint64 *base_cum = NULL;
  gint64 base_total = 0;
  gboolean has_base;
  g_autofree guint32 *stamp = NULL;
  SmolderProfile *profile;
  guint n_frames, n_samples;
  guint32 generation = 0;

  g_return_val_if_fail (SMOLDER_IS_FRAMES (frames), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  profile = smolder_frames_get_profile (frames);
  if (smolder_frames_get_granularity (frames) != smolder_query_get_granularity (query))
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                   "frame table is for granularity %s, the query asks for %s",
                   smolder_granularity_to_string (smolder_frames_get_granularity (frames)),
                   smolder_granularity_to_string (smolder_query_get_granularity (query)));
      return NULL;
    }

  self = g_object_new (SMOLDER_TYPE_TOP, NULL);
  self->frames = g_object_ref (frames);
  if (!smolder_query_resolve_sample_index (query, profile, &self->sample_index, error))
    return NULL;

  view = smolder_filter_view_new (profile, query);
  self->warnings = smolder_filter_view_get_warnings (view);

  n_frames = smolder_frames_get_n_frames (frames);
  n_samples = smolder_profile_get_n_samples (profile);
  flat = g_new0 (gint64, MAX (n_frames, 1));
  cum = g_new0 (gint64, MAX (n_frames, 1));
  stamp = g_new0 (guint32, MAX (n_frames, 1));
  stack = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 256);
  has_base = smolder_profile_has_diff_base_label (profile);
  if (has_base)
    {
      base_flat = g_new0 (gint64, MAX (n_frames, 1));
      base_cum = g_new0 (gint64, MAX (n_frames, 1));
    }

  for (guint s = 0; s < n_samples; s++)
    {
      gint64 w = smolder_profile_get_sample_values (profile, s)[self->sample_index];
      const guint32 *ids;
      gboolean is_base;

      if ((s & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      is_base = has_base && smolder_profile_is_diff_base_sample (profile, s);
      self->total = smolder_value_add (self->total, smolder_value_abs (w));
      if (is_base)
        base_total = smolder_value_add (base_total, smolder_value_abs (w));
      if (w == 0 || !smolder_filter_view_get_stack (view, frames, s, stack))
        continue;
      self->kept_total = smolder_value_add (self->kept_total, w);
      if (stack->len == 0)
        continue;

      /* Cum once per sample, however often a frame recurs. */
      if (++generation == 0)
        {
          memset (stamp, 0, sizeof (guint32) * n_frames);
          generation = 1;
        }
      ids = (const guint32 *) stack->data;
      for (guint i = 0; i < stack->len; i++)
        {
          if (stamp[ids[i]] != generation)
            {
              stamp[ids[i]] = generation;
              cum[ids[i]] = smolder_value_add (cum[ids[i]], w);
              if (is_base)
                base_cum[ids[i]] = smolder_value_add (base_cum[ids[i]], w);
            }
        }
      flat[ids[stack->len - 1]] = smolder_value_add (flat[ids[stack->len - 1]], w);
      if (is_base)
        base_flat[ids[stack->len - 1]] = smolder_value_add (base_flat[ids[stack->len - 1]], w);
    }
  /* computeTotal: a diff's percentages are of the base alone. */
  if (base_total > 0)
    self->total = base_total;

  self->rows = g_array_new (FALSE, FALSE, sizeof (SmolderTopRow));
  for (guint f = 0; f < n_frames; f++)
    {
      SmolderTopRow row = { f, flat[f], cum[f], 0, 0 };

      if (base_flat != NULL)
        {
          row.base_flat = base_flat[f];
          row.base_cum = base_cum[f];
        }

      if (row.flat == 0 && row.cum == 0)
        continue;
      g_array_append_val (self->rows, row);
    }
  g_array_sort_with_data (self->rows, compare_rows, frames);

  return g_steal_pointer (&self);
}

SmolderTop *
smolder_top_new (SmolderProfile  *profile,
                 SmolderQuery    *query,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(SmolderFrames) frames = NULL;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  frames = smolder_frames_new (profile, smolder_query_get_granularity (query));
  return smolder_top_new_for_frames (frames, query, cancellable, error);
}

SmolderFrames *
smolder_top_get_frames (SmolderTop *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP (self), NULL);
  return self->frames;
}

guint
smolder_top_get_sample_index (SmolderTop *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP (self), 0);
  return self->sample_index;
}

guint
smolder_top_get_n_rows (SmolderTop *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP (self), 0);
  return self->rows->len;
}

const SmolderTopRow *
smolder_top_get_row (SmolderTop *self,
                     guint       index)
{
  g_return_val_if_fail (SMOLDER_IS_TOP (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, SmolderTopRow, index);
}

gint64
smolder_top_get_total (SmolderTop *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP (self), 0);
  return self->total;
}

gint64
smolder_top_get_kept_total (SmolderTop *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP (self), 0);
  return self->kept_total;
}

const char * const *
smolder_top_get_warnings (SmolderTop *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP (self), NULL);
  return (const char * const *) self->warnings;
}
