/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-callers-view.h: who calls one function (above) and what it
 * calls (below), as two flame graphs built on a worker. */
#pragma once

#include <adwaita.h>

#include "smolder-call-tree.h"
#include "smolder-flame-graph.h"
#include "smolder-frames-cache.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_CALLERS_VIEW (smolder_callers_view_get_type ())
G_DECLARE_FINAL_TYPE (SmolderCallersView, smolder_callers_view, SMOLDER, CALLERS_VIEW, AdwBin)

GtkWidget         *smolder_callers_view_new             (void);
void               smolder_callers_view_set_profile     (SmolderCallersView *self,
                                                         SmolderProfile     *profile);
/* Frame tables shared with the page's other views (else its own). */
void smolder_callers_view_set_frames_cache (SmolderCallersView *self,
                                            SmolderFramesCache *cache);
/* The view keeps a reference: do not change @query afterwards. */
void               smolder_callers_view_set_query       (SmolderCallersView *self,
                                                         SmolderQuery       *query);
/* The function's printable name (as Top and the flame graph show it), or NULL. */
const char        *smolder_callers_view_get_function    (SmolderCallersView *self);
void               smolder_callers_view_set_function    (SmolderCallersView *self,
                                                         const char         *name);
gboolean           smolder_callers_view_get_busy        (SmolderCallersView *self);
/* An inactive (hidden) view starts no worker: a new query or function
 * only makes it stale, and it computes when made active. Active by
 * default. */
void               smolder_callers_view_set_active      (SmolderCallersView *self,
                                                         gboolean            active);
gboolean           smolder_callers_view_get_stale       (SmolderCallersView *self);
SmolderFlameGraph *smolder_callers_view_get_callers_graph (SmolderCallersView *self);
SmolderFlameGraph *smolder_callers_view_get_callees_graph (SmolderCallersView *self);

G_END_DECLS
