/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-view.h: the page's flame graph; its call tree is built on a
 * worker for each (profile, query), and the search survives new trees. */
#pragma once

#include <adwaita.h>

#include "smolder-call-tree.h"
#include "smolder-flame-graph.h"
#include "smolder-frames-cache.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_FLAME_VIEW (smolder_flame_view_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFlameView, smolder_flame_view, SMOLDER, FLAME_VIEW, AdwBin)

GtkWidget         *smolder_flame_view_new              (void);
SmolderProfile    *smolder_flame_view_get_profile      (SmolderFlameView *self);
void               smolder_flame_view_set_profile      (SmolderFlameView *self,
                                                        SmolderProfile   *profile);
/* Frame tables shared with the page's other views (else its own). */
void               smolder_flame_view_set_frames_cache (SmolderFlameView   *self,
                                                        SmolderFramesCache *cache);
/* The view keeps a reference: do not change @query afterwards. */
SmolderQuery      *smolder_flame_view_get_query        (SmolderFlameView *self);
void               smolder_flame_view_set_query        (SmolderFlameView *self,
                                                        SmolderQuery     *query);
/* TRUE while a worker builds the tree for the current query or searches it. */
gboolean           smolder_flame_view_get_busy         (SmolderFlameView *self);
/* An inactive (hidden) view starts no worker: a new profile or query only
 * makes it stale (the tree shown is an older one), and it builds when made
 * active again. Active by default. */
void               smolder_flame_view_set_active       (SmolderFlameView *self,
                                                        gboolean          active);
gboolean           smolder_flame_view_get_active       (SmolderFlameView *self);
gboolean           smolder_flame_view_get_stale        (SmolderFlameView *self);
SmolderFlameGraph *smolder_flame_view_get_flame_graph  (SmolderFlameView *self);
/* The tree shown, or NULL. */
SmolderCallTree   *smolder_flame_view_get_call_tree    (SmolderFlameView *self);

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
