/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top-item.c: an immutable row (frame, name, flat, cum). The
 * percentages and units are the view's business. */

#include "smolder-top-item.h"

struct _SmolderTopItem
{
  GObject parent_instance;

  /* owned */
  char *name;

  /* state */
  guint frame;
  gint64 flat;
  gint64 cum;
};

G_DEFINE_FINAL_TYPE (SmolderTopItem, smolder_top_item, G_TYPE_OBJECT)

static void
smolder_top_item_finalize (GObject *object)
{
  SmolderTopItem *self = SMOLDER_TOP_ITEM (object);

  g_free (self->name);

  G_OBJECT_CLASS (smolder_top_item_parent_class)->finalize (object);
}

static void
smolder_top_item_class_init (SmolderTopItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_top_item_finalize;
}

static void
smolder_top_item_init (SmolderTopItem *self)
{
}

SmolderTopItem *
smolder_top_item_new (guint       frame,
                      const char *name,
                      gint64      flat,
                      gint64      cum)
{
  SmolderTopItem *self = g_object_new (SMOLDER_TYPE_TOP_ITEM, NULL);

  self->frame = frame;
  self->name = g_strdup (name != NULL ? name : "");
  self->flat = flat;
  self->cum = cum;

  return self;
}

guint
smolder_top_item_get_frame (SmolderTopItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_ITEM (self), 0);

  return self->frame;
}

const char *
smolder_top_item_get_name (SmolderTopItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_ITEM (self), NULL);

  return self->name;
}

gint64
smolder_top_item_get_flat (SmolderTopItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_ITEM (self), 0);

  return self->flat;
}

gint64
smolder_top_item_get_cum (SmolderTopItem *self)
{
  g_return_val_if_fail (SMOLDER_IS_TOP_ITEM (self), 0);

  return self->cum;
}
