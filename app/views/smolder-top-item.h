/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top-item.h: one row of the Top table, as a list model item. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SMOLDER_TYPE_TOP_ITEM (smolder_top_item_get_type ())
G_DECLARE_FINAL_TYPE (SmolderTopItem, smolder_top_item, SMOLDER, TOP_ITEM, GObject)

/* Safe to call from a worker thread. */
SmolderTopItem *smolder_top_item_new       (guint       frame,
                                            const char *name,
                                            gint64      flat,
                                            gint64      cum);
guint           smolder_top_item_get_frame (SmolderTopItem *self);
const char     *smolder_top_item_get_name  (SmolderTopItem *self);
gint64          smolder_top_item_get_flat  (SmolderTopItem *self);
gint64          smolder_top_item_get_cum   (SmolderTopItem *self);

G_END_DECLS
