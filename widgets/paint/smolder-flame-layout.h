/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-layout.h: where each frame of a call tree goes.
 *
 * A layout is computed from an immutable SmolderCallTree, a zoom root and a
 * viewport. Only nodes at least half a pixel wide, in rows that intersect
 * the viewport, get a rectangle; a node's row is its depth, so the zoom
 * root's ancestors keep their rows as full-width bars. Rectangles are kept
 * per row in left-to-right order (which is also preorder, i.e. node order),
 * so hit-testing is a row lookup and a binary search. Immutable once built;
 * reference counted. */
#pragma once

#include "smolder-call-tree.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_FLAME_ORIENTATION_FLAME,   /* root at the bottom */
  SMOLDER_FLAME_ORIENTATION_ICICLE,  /* root at the top */
} SmolderFlameOrientation;

typedef struct {
  double                  width;       /* viewport, pixels */
  double                  height;      /* viewport; <= 0 means the whole content */
  double                  row_height;  /* <= 0 means SMOLDER_FLAME_DEFAULT_ROW_HEIGHT */
  double                  scroll;      /* pixels scrolled from the root toward the leaves */
  SmolderFlameOrientation orientation;
} SmolderFlameLayoutParams;

#define SMOLDER_FLAME_DEFAULT_ROW_HEIGHT 18.0

typedef struct {
  guint32 node;
  guint32 row;
  double  x;
  double  width;
} SmolderFlameRect;

typedef struct _SmolderFlameLayout SmolderFlameLayout;

#define SMOLDER_TYPE_FLAME_LAYOUT (smolder_flame_layout_get_type ())
GType smolder_flame_layout_get_type (void) G_GNUC_CONST;

/* @zoom_root is a node of @tree (0 for the whole tree); an out-of-range
 * node falls back to 0. */
SmolderFlameLayout *smolder_flame_layout_new   (SmolderCallTree                *tree,
                                                guint                           zoom_root,
                                                const SmolderFlameLayoutParams *params);
SmolderFlameLayout *smolder_flame_layout_ref   (SmolderFlameLayout *self);
void                smolder_flame_layout_unref (SmolderFlameLayout *self);

SmolderCallTree    *smolder_flame_layout_get_tree      (SmolderFlameLayout *self);
guint               smolder_flame_layout_get_zoom_root (SmolderFlameLayout *self);
const SmolderFlameLayoutParams *
                    smolder_flame_layout_get_params    (SmolderFlameLayout *self);
/* The value the full width stands for: the zoom root's total. */
gint64              smolder_flame_layout_get_zoom_total (SmolderFlameLayout *self);

/* Height of the whole graph (every row), whatever the viewport. */
double              smolder_flame_layout_get_content_height (SmolderFlameLayout *self);
guint               smolder_flame_layout_get_n_rows    (SmolderFlameLayout *self);
/* The top edge of @row in viewport coordinates (may be off screen). */
double              smolder_flame_layout_get_row_y     (SmolderFlameLayout *self,
                                                        guint               row);
/* The rectangles of @row, left to right; NULL with *n_rects = 0 when the
 * row is off screen or empty. */
const SmolderFlameRect *
                    smolder_flame_layout_get_row_rects (SmolderFlameLayout *self,
                                                        guint               row,
                                                        guint              *n_rects);
/* Every rectangle, row by row. */
const SmolderFlameRect *
                    smolder_flame_layout_get_rects     (SmolderFlameLayout *self,
                                                        guint              *n_rects);

/* The node under (@x, @y), or SMOLDER_NO_ID. */
guint32             smolder_flame_layout_hit_test      (SmolderFlameLayout *self,
                                                        double              x,
                                                        double              y);
/* The rectangle of @node, or NULL when it was not laid out. */
const SmolderFlameRect *
                    smolder_flame_layout_lookup        (SmolderFlameLayout *self,
                                                        guint32             node);
/* Whether @node is drawn as a full-width ancestor of the zoom root. */
gboolean            smolder_flame_layout_is_ancestor   (SmolderFlameLayout *self,
                                                        guint32             node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFlameLayout, smolder_flame_layout_unref)

G_END_DECLS
