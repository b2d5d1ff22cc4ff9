/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-graph.h: an interactive flame graph of a SmolderCallTree.
 *
 * Drawn by widgets/paint (the same painter as `smolder-cli export`); this
 * widget adds hover, tooltips, zoom, keyboard focus, search highlighting,
 * a context menu and accessibility. Actions the page must carry out
 * (filters, callers view) come out as the "frame-action" signal; a zoom by
 * the user as "zoom-changed" (another graph can follow it by path). */
#pragma once

#include <gtk/gtk.h>

#include "smolder-call-tree.h"
#include "smolder-flame-layout.h"
#include "smolder-flame-paint.h"
#include "smolder-flame-diff.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_FLAME_GRAPH (smolder_flame_graph_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFlameGraph, smolder_flame_graph, SMOLDER, FLAME_GRAPH, GtkWidget)

GtkWidget              *smolder_flame_graph_new             (void);

SmolderCallTree        *smolder_flame_graph_get_call_tree   (SmolderFlameGraph       *self);
/* Clears hover and search (a search is for one tree: the owner makes a
 * new one). Zoom and focus stay where they were by path of frame names:
 * on the same node in the new tree, or its deepest ancestor left there;
 * they reset when the trees are of different kinds (top-down, inverted,
 * callers or callees of another frame) or after
 * smolder_flame_graph_reset_view(). */
void                    smolder_flame_graph_set_call_tree   (SmolderFlameGraph       *self,
                                                             SmolderCallTree         *tree);
/* Whole tree, no focus, no scroll: call before giving the tree of another
 * profile to start it afresh. */
void                    smolder_flame_graph_reset_view      (SmolderFlameGraph       *self);

/* Tooltips give each frame's share of the root as "% of @name" (a
 * function's callers or callees); NULL: "% of shown" under filters. */
void                    smolder_flame_graph_set_base_name   (SmolderFlameGraph       *self,
                                                             const char              *name);
/* The vertical scroll for a GtkScrollbar: from the top of the content to
 * the top of the view, in pixels, whatever the orientation. */
GtkAdjustment          *smolder_flame_graph_get_vadjustment (SmolderFlameGraph       *self);
SmolderFlameOrientation smolder_flame_graph_get_orientation (SmolderFlameGraph       *self);
void                    smolder_flame_graph_set_orientation (SmolderFlameGraph       *self,
                                                             SmolderFlameOrientation  orientation);

SmolderPaletteScheme    smolder_flame_graph_get_palette     (SmolderFlameGraph       *self);
void                    smolder_flame_graph_set_palette     (SmolderFlameGraph       *self,
                                                             SmolderPaletteScheme     palette);

/* The node drawn full width (0: the whole tree). */
guint                   smolder_flame_graph_get_zoom_root   (SmolderFlameGraph       *self);
void                    smolder_flame_graph_set_zoom_root   (SmolderFlameGraph       *self,
                                                             guint                    node);

/* The zoom root as a path of frame names (smolder_call_tree_get_path():
 * empty for the whole tree; NULL without a tree); g_strfreev() it. */
char                  **smolder_flame_graph_get_zoom_path   (SmolderFlameGraph       *self);
/* Zooms to the node of @path (NULL-terminated), or its deepest ancestor in
 * this tree; returns how many names matched. For mirroring another graph:
 * it does not emit "zoom-changed". */
guint                   smolder_flame_graph_set_zoom_path   (SmolderFlameGraph       *self,
                                                             const char * const      *path);

/* The keyboard-focused frame, or SMOLDER_NO_ID. */
guint32                 smolder_flame_graph_get_focus_node  (SmolderFlameGraph       *self);
void                    smolder_flame_graph_set_focus_node  (SmolderFlameGraph       *self,
                                                             guint32                  node);
/* The same by path (NULL: no focused frame; setting NULL clears it). */
char                  **smolder_flame_graph_get_focus_path  (SmolderFlameGraph       *self);
guint                   smolder_flame_graph_set_focus_path  (SmolderFlameGraph       *self,
                                                             const char * const      *path);
/* The frame under the pointer, or SMOLDER_NO_ID. */
guint32                 smolder_flame_graph_get_hover_node  (SmolderFlameGraph       *self);

/* Highlights frames matching @regex (NULL clears) and dims the others.
 * Returns the number of matching frames; @out_fraction (may be NULL) gets
 * their share of the total, each sample counted once. */
guint                   smolder_flame_graph_set_search      (SmolderFlameGraph       *self,
                                                             GRegex                  *regex,
                                                             double                  *out_fraction);
/* The same with a search already made (smolder_flame_search_new() on a
 * worker) for the current tree; NULL clears. A search made for another
 * tree (a late result) is ignored: its node numbers mean other frames. */
void                    smolder_flame_graph_set_flame_search (SmolderFlameGraph      *self,
                                                             SmolderFlameSearch      *search);
SmolderFlameSearch     *smolder_flame_graph_get_search      (SmolderFlameGraph       *self);
/* Moves the focus to the next match (zooming out if it is not shown);
 * FALSE when nothing matches. */
gboolean                smolder_flame_graph_focus_next_match (SmolderFlameGraph      *self);

/* What the tooltip says about @node: function, file:line, self and total
 * in the profile's units, % of total and % of the zoomed root. */
char                   *smolder_flame_graph_describe_node   (SmolderFlameGraph       *self,
                                                             guint32                  node);

/* What the graph calls the frames a Go text profile (?debug=1) did not
 * print (pprof's "<unknown>"), translated. */
const char             *smolder_flame_graph_unprinted_label (void);

/* Diff mode: shows smolder_flame_diff_get_tree (@diff) with its bars
 * coloured by change (@options; NULL: the defaults) and a tooltip that adds
 * base → new and the change. NULL leaves diff mode (the tree stays); a
 * later smolder_flame_graph_set_call_tree() with another tree leaves it too.
 * Search highlighting is not drawn in diff mode. */
void                    smolder_flame_graph_set_diff        (SmolderFlameGraph             *self,
                                                             SmolderFlameDiff              *diff,
                                                             const SmolderDiffColorOptions *options);
SmolderFlameDiff       *smolder_flame_graph_get_diff        (SmolderFlameGraph             *self);

/* The current layout (NULL before the first allocation); for tests. */
SmolderFlameLayout     *smolder_flame_graph_get_layout      (SmolderFlameGraph       *self);

G_END_DECLS
