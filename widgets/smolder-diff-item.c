/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-diff-item.c: one row of the diff table. */

#include <math.h>

#include "smolder-diff-item.h"

struct _SmolderDiffItem
{
  GObject parent_instance;

  char *name;
  SmolderDiffStatus status;
  gint64 base;
  gint64 new;
  gint64 delta_flat;
  gint64 delta_cum;
};

G_DEFINE_FINAL_TYPE (SmolderDiffItem, smolder_diff_item, G_TYPE_OBJECT)

static void
smolder_diff_item_finalize (GObject *object)
{
  SmolderDiffItem *self = SMOLDER_DIFF_ITEM (object);

  g_free (self->name);

  G_OBJECT_CLASS (smolder_diff_item_parent_class)->finalize (object);
}

static void
smolder_diff_item_class_init (SmolderDiffItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_diff_item_finalize;
}

static void
smolder_diff_item_init (SmolderDiffItem *self)
{
}

SmolderDiffItem *
smolder_diff_item_new (const char          *name,
                       const SmolderTopRow *row)
{
  SmolderDiffItem *self = g_object_new (SMOLDER_TYPE_DIFF_ITEM, NULL);

  self->name = g_strdup (name);
  self->status = smolder_diff_row_status (row);
  /* The base's samples are in the diff scaled by -1. */
  self->base = -row->base_cum;
  self->new = row->cum - row->base_cum;
  self->delta_flat = row->flat;
  self->delta_cum = row->cum;
  return self;
}

const char *
smolder_diff_item_get_name (SmolderDiffItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_DIFF_ITEM (self), NULL);
  return self->name;
}

SmolderDiffStatus
smolder_diff_item_get_status (SmolderDiffItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_DIFF_ITEM (self), SMOLDER_DIFF_STATUS_CHANGED);
  return self->status;
}

gint64
smolder_diff_item_get_base (SmolderDiffItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_DIFF_ITEM (self), 0);
  return self->base;
}

gint64
smolder_diff_item_get_new (SmolderDiffItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_DIFF_ITEM (self), 0);
  return self->new;
}

gint64
smolder_diff_item_get_delta_flat (SmolderDiffItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_DIFF_ITEM (self), 0);
  return self->delta_flat;
}

gint64
smolder_diff_item_get_delta_cum (SmolderDiffItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_DIFF_ITEM (self), 0);
  return self->delta_cum;
}

double
smolder_diff_item_get_ratio (SmolderDiffItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_DIFF_ITEM (self), 0.0);

  if (self->base == 0)
    return self->new == 0 ? 0.0 : (self->new > 0 ? INFINITY : -INFINITY);
  return (double) (self->new - self->base) / (double) ABS (self->base);
}
