/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-view.h: the flame graph of a (profile, query) (see
 * SmolderQueryView); its call tree is built on a worker, and the search
 * survives new trees. */
#pragma once

#include <adwaita.h>

#include "smolder-call-tree.h"
#include "smolder-flame-graph.h"
#include "smolder-flame-legend.h"
#include "smolder-query-view.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_FLAME_VIEW (smolder_flame_view_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFlameView, smolder_flame_view, SMOLDER, FLAME_VIEW, SmolderQueryView)

GtkWidget         *smolder_flame_view_new              (void);
SmolderFlameGraph *smolder_flame_view_get_flame_graph  (SmolderFlameView *self);
/* The tree shown, or NULL. */
SmolderCallTree   *smolder_flame_view_get_call_tree    (SmolderFlameView *self);
/* The colour legend over the graph ("package-activated" asks for a search). */
SmolderFlameLegend *smolder_flame_view_get_legend     (SmolderFlameView *self);

/* Highlights frames matching @regex (NULL clears), now and on every new
 * tree; "search-changed" follows each time the matches change. */
void               smolder_flame_view_set_search       (SmolderFlameView *self,
                                                        GRegex           *regex);
GRegex            *smolder_flame_view_get_search       (SmolderFlameView *self);
guint              smolder_flame_view_get_n_matches    (SmolderFlameView *self);
double             smolder_flame_view_get_match_fraction (SmolderFlameView *self);
/* Focuses the next match; when a tree is being built, right after it
 * arrives. */
void               smolder_flame_view_focus_next_match (SmolderFlameView *self);

G_END_DECLS
