/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-diff-table.h: the diff of two profiles as a table, one row per
 * function (pprof -top -diff_base), sortable by delta, by % change and by
 * new/gone. */
#pragma once

#include <gtk/gtk.h>

#include "smolder-diff-item.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_DIFF_COLUMN_NAME,
  SMOLDER_DIFF_COLUMN_BASE,
  SMOLDER_DIFF_COLUMN_NEW,
  SMOLDER_DIFF_COLUMN_DELTA_FLAT,
  SMOLDER_DIFF_COLUMN_DELTA_CUM,
  SMOLDER_DIFF_COLUMN_CHANGE,   /* % change of cum */
  SMOLDER_DIFF_COLUMN_STATUS,   /* new, gone, then changed */
  SMOLDER_DIFF_N_COLUMNS
} SmolderDiffColumn;

#define SMOLDER_TYPE_DIFF_TABLE (smolder_diff_table_get_type ())
G_DECLARE_FINAL_TYPE (SmolderDiffTable, smolder_diff_table, SMOLDER, DIFF_TABLE, GtkWidget)

GtkWidget       *smolder_diff_table_new      (void);
/* @items: SmolderDiffItem rows (the table refs it); values in @unit. */
void             smolder_diff_table_set_rows (SmolderDiffTable  *self,
                                              GListModel        *items,
                                              const char        *unit);
/* Descending puts the largest growth (delta, % change) or the new frames
 * (status) first. */
void             smolder_diff_table_sort_by  (SmolderDiffTable  *self,
                                              SmolderDiffColumn  column,
                                              GtkSortType        order);
/* The rows in the order shown. */
GListModel      *smolder_diff_table_get_model (SmolderDiffTable *self);
/* The row of @name, or NULL. */
SmolderDiffItem *smolder_diff_table_lookup   (SmolderDiffTable  *self,
                                              const char        *name);

G_END_DECLS
