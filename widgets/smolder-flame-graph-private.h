/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-graph-private.h: shared by smolder-flame-graph.c (caches,
 * tooltips, zoom, focus, search, properties, drawing),
 * smolder-flame-graph-actions.c (pointer and keyboard input, actions and
 * their keys, the context menu) and smolder-flame-graph-path.c (zoom and
 * focus kept by path across trees). */
#pragma once

#include "smolder-flame-graph.h"

G_BEGIN_DECLS

struct _SmolderFlameGraph
{
  GtkWidget parent_instance;

  /* owned */
  SmolderCallTree    *tree;
  SmolderFlameLayout *layout;       /* for the current size, zoom and scroll */
  SmolderFlameSearch *search;
  GskRenderNode      *frame_node;   /* the drawn bars, reused until invalid */
  GtkWidget          *context_menu;
  GHashTable         *functions;    /* name -> SmolderFunction of the tree's profile, on demand */
  SmolderFlameLabelCache *labels;   /* shaped names, kept across repaints */
  SmolderFlameDiff   *diff;         /* diff mode: colours by change (tree is its tree) */
  SmolderDiffColorOptions diff_options;
  GtkAdjustment      *vadjustment;  /* self->scroll for a scrollbar */
  char               *base_name;    /* what the root stands for in tooltips, or NULL */

  /* state */
  SmolderFlameOrientation orientation;
  guint    zoom_root;
  guint32  hover;
  guint32  focus;
  double   scroll;
  gboolean dark;
  SmolderPaletteScheme palette;
  gboolean frame_dark;              /* the style frame_node was drawn in */
  gboolean syncing_vadjustment;     /* our own change, not the user's */
};

static inline gboolean
node_valid (SmolderFlameGraph *self,
            guint32            node)
{
  return self->tree != NULL && node < smolder_call_tree_get_n_nodes (self->tree);
}

/* smolder-flame-graph.c */
SmolderFlameLayout *_smolder_flame_graph_ensure_layout      (SmolderFlameGraph *self);
double              _smolder_flame_graph_max_scroll         (SmolderFlameGraph *self);
void                _smolder_flame_graph_invalidate_layout  (SmolderFlameGraph *self);
void                _smolder_flame_graph_set_hover          (SmolderFlameGraph *self,
                                                             guint32            node);
/* The user zooms to @node, or out to it when it is the zoom root's
 * ancestor: "zoom-changed" follows if the zoom moved. */
void                _smolder_flame_graph_zoom_to            (SmolderFlameGraph *self,
                                                             guint32            node);
void                _smolder_flame_graph_emit_frame_action  (SmolderFlameGraph *self,
                                                             const char        *action);

/* smolder-flame-graph-path.c */
/* Sets the zoom root and focus for the new self->tree from where they were
 * in @old (NULL: none), or resets them (and the scroll) when the trees are
 * of different kinds. Fields only: the caller notifies. */
void                _smolder_flame_graph_carry_view         (SmolderFlameGraph *self,
                                                             SmolderCallTree   *old);

/* smolder-flame-graph-actions.c */
void                _smolder_flame_graph_update_actions     (SmolderFlameGraph *self);
void                _smolder_flame_graph_class_init_actions (GtkWidgetClass    *widget_class);
void                _smolder_flame_graph_init_input         (SmolderFlameGraph *self);

G_END_DECLS
