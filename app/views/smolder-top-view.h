/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top-view.h: pprof's -top of a (profile, query) (see
 * SmolderQueryView) as a sortable GtkColumnView. Busy until the rows are
 * in its model. */
#pragma once

#include <adwaita.h>

#include "smolder-query-view.h"
#include "smolder-top.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_TOP_VIEW (smolder_top_view_get_type ())
G_DECLARE_FINAL_TYPE (SmolderTopView, smolder_top_view, SMOLDER, TOP_VIEW, SmolderQueryView)

GtkWidget      *smolder_top_view_new         (void);
/* One line: what is shown of what total, or why nothing is. */
const char     *smolder_top_view_get_summary (SmolderTopView *self);
const char     *smolder_top_view_get_total_summary (SmolderTopView *self);
/* The rows (SmolderTopItem) in the order shown. */
GListModel     *smolder_top_view_get_model   (SmolderTopView *self);
/* The table shown, or NULL. */
SmolderTop     *smolder_top_view_get_top     (SmolderTopView *self);
/* The printable name of the selected row, or NULL ("selected-name"). */
const char     *smolder_top_view_get_selected_name (SmolderTopView *self);
/* Only the rows whose name @regex matches, NULL: all; the model
 * (smolder_top_view_get_model()) holds those. */
void            smolder_top_view_set_search  (SmolderTopView *self,
                                              GRegex         *regex);
/* The rows of the table, whatever the search. */
guint           smolder_top_view_get_n_rows  (SmolderTopView *self);
/* Keyboard focus to the rows, the first one selected; FALSE without rows. */
gboolean        smolder_top_view_focus_rows  (SmolderTopView *self);

G_END_DECLS
