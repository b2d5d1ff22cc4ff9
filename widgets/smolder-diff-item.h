/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-diff-item.h: one row of the diff table, as a list model item. */
#pragma once

#include <glib-object.h>

#include "smolder-diff.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_DIFF_ITEM (smolder_diff_item_get_type ())
G_DECLARE_FINAL_TYPE (SmolderDiffItem, smolder_diff_item, SMOLDER, DIFF_ITEM, GObject)

/* From a Top row of a -diff_base diff profile; safe on a worker thread. */
SmolderDiffItem  *smolder_diff_item_new            (const char          *name,
                                                    const SmolderTopRow *row);
const char       *smolder_diff_item_get_name       (SmolderDiffItem *self);
SmolderDiffStatus smolder_diff_item_get_status     (SmolderDiffItem *self);
/* Cumulative values in the base and the (normalized) new profile. */
gint64            smolder_diff_item_get_base       (SmolderDiffItem *self);
gint64            smolder_diff_item_get_new        (SmolderDiffItem *self);
/* pprof -top -diff_base's flat and cum. */
gint64            smolder_diff_item_get_delta_flat (SmolderDiffItem *self);
gint64            smolder_diff_item_get_delta_cum  (SmolderDiffItem *self);
/* The change of cum over the base's cum (infinite for new frames, -1 for
 * gone ones). */
double            smolder_diff_item_get_ratio      (SmolderDiffItem *self);

G_END_DECLS
