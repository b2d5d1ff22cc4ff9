/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top-view-private.h: shared by smolder-top-view.c (the table, its
 * worker and the rows' fill) and smolder-top-view-columns.c (columns,
 * cells, row menu). */
#pragma once

#include "smolder-top-view.h"

G_BEGIN_DECLS

typedef enum {
  COLUMN_FLAT,
  COLUMN_FLAT_PERCENT,
  COLUMN_SUM_PERCENT,
  COLUMN_CUM,
  COLUMN_CUM_PERCENT,
  COLUMN_NAME,
} Column;

struct _SmolderTopView
{
  SmolderQueryView parent_instance;

  /* widgets */
  GtkColumnView *column_view;
  GtkWidget *context_menu;

  /* owned */
  SmolderTop *top;
  GListStore *store;
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;  /* the sorted rows the search matches */
  GRegex *search;       /* NULL: every row */
  char *summary;
  char *total_summary;  /* the summary without the rows, for other views */
  char *unit;
  char *menu_name;      /* the row the context menu is about */
  GtkSingleSelection *selection;
  GtkSliceListModel *slice;  /* the sorted rows the column view shows so far */
  GPtrArray *pending;   /* rows of the current table not yet in the store */
  GArray *sum_flat;     /* gint64 running sums of flat in the sorted order, or NULL: stale */

  /* state */
  gint64 total;
  gint64 fill_max_usec;
  guint fill_source;
  guint scroll_source;  /* back to the top after a new sort */
  guint focus_source;   /* focus to the rows once they are laid out */
};

/* smolder-top-view.c */
void                 _smolder_top_view_emit_frame_activated (SmolderTopView *self,
                                                             guint           frame,
                                                             const char     *name);
void                 _smolder_top_view_emit_frame_action    (SmolderTopView *self,
                                                             const char     *action,
                                                             const char     *name);

/* smolder-top-view-columns.c */
GtkColumnViewColumn *_smolder_top_view_add_columns          (SmolderTopView *self);
void                 _smolder_top_view_class_init_menu      (GtkWidgetClass *widget_class);
/* The sorted rows changed: sum% is worked out again when next shown. */
void                 _smolder_top_view_invalidate_sums      (SmolderTopView *self);

G_END_DECLS
