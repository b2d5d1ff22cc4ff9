/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top-view.h: pprof's -top as a sortable GtkColumnView. */
#pragma once

#include <adwaita.h>

#include "smolder-frames-cache.h"
#include "smolder-query.h"
#include "smolder-top.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_TOP_VIEW (smolder_top_view_get_type ())
G_DECLARE_FINAL_TYPE (SmolderTopView, smolder_top_view, SMOLDER, TOP_VIEW, AdwBin)

GtkWidget      *smolder_top_view_new         (void);
SmolderProfile *smolder_top_view_get_profile (SmolderTopView *self);
void            smolder_top_view_set_profile (SmolderTopView *self,
                                              SmolderProfile *profile);
/* Frame tables shared with the page's other views (else its own). */
void smolder_top_view_set_frames_cache (SmolderTopView *self,
                                        SmolderFramesCache *cache);
/* The view keeps a reference: do not change @query afterwards. */
SmolderQuery   *smolder_top_view_get_query   (SmolderTopView *self);
void            smolder_top_view_set_query   (SmolderTopView *self,
                                              SmolderQuery   *query);
/* TRUE while a worker computes the table for the current query. */
gboolean        smolder_top_view_get_busy    (SmolderTopView *self);
/* One line: what is shown of what total, or why nothing is. */
const char     *smolder_top_view_get_summary (SmolderTopView *self);
const char     *smolder_top_view_get_total_summary (SmolderTopView *self);
/* The rows (SmolderTopItem) in the order shown. */
GListModel     *smolder_top_view_get_model   (SmolderTopView *self);
/* The table shown, or NULL. */
SmolderTop     *smolder_top_view_get_top     (SmolderTopView *self);
/* The printable name of the selected row, or NULL ("selected-name"). */
const char     *smolder_top_view_get_selected_name (SmolderTopView *self);

G_END_DECLS
