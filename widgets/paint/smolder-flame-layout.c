/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-layout.c: visible rectangles of a call tree. */

#include "smolder-flame-layout.h"

#include <math.h>
#include <string.h>

struct _SmolderFlameLayout
{
  gatomicrefcount ref_count;

  /* owned */
  SmolderCallTree  *tree;
  SmolderFlameRect *rects;
  guint            *row_start;   /* n_rows + 1 offsets into rects */

  /* state */
  SmolderFlameLayoutParams params;
  guint    zoom_root;
  guint    zoom_depth;
  gint64   zoom_total;
  guint    n_rows;
  guint    n_rects;
};

G_DEFINE_BOXED_TYPE (SmolderFlameLayout, smolder_flame_layout,
                     smolder_flame_layout_ref, smolder_flame_layout_unref)

typedef struct {
  guint32 node;
  gint64  offset;  /* value to the left of the node, from the zoom root's start */
} Pending;

static gboolean
row_visible (SmolderFlameLayout *self,
             guint               row)
{
  double y = smolder_flame_layout_get_row_y (self, row);

  return y + self->params.row_height > 0 && y < self->params.height;
}

SmolderFlameLayout *
smolder_flame_layout_new (SmolderCallTree                *tree,
                          guint                           zoom_root,
                          const SmolderFlameLayoutParams *params)
{
  g_autoptr(GArray) rows = NULL;   /* GArray of GArray* (SmolderFlameRect), one per row */
  g_autoptr(GArray) pending = NULL;
  SmolderFlameLayout *self;
  const gint64 *totals;
  guint n_nodes;
  double scale;
  guint32 anc;

  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (tree), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  n_nodes = smolder_call_tree_get_n_nodes (tree);
  if (zoom_root >= n_nodes)
    zoom_root = 0;

  self = g_new0 (SmolderFlameLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->tree = g_object_ref (tree);
  self->params = *params;
  if (self->params.row_height <= 0)
    self->params.row_height = SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
  if (self->params.width < 0)
    self->params.width = 0;
  self->n_rows = n_nodes > 0 ? smolder_call_tree_get_max_depth (tree) + 1 : 0;
  if (self->params.height <= 0)
    self->params.height = smolder_flame_layout_get_content_height (self);
  self->zoom_root = zoom_root;

  if (n_nodes == 0)
    {
      self->row_start = g_new0 (guint, 1);
      return self;
    }

  totals = smolder_call_tree_get_totals (tree);
  self->zoom_depth = smolder_call_tree_get_depth (tree, zoom_root);
  self->zoom_total = MAX (totals[zoom_root], 0);
  scale = self->zoom_total > 0 ? self->params.width / (double) self->zoom_total : 0.0;

  rows = g_array_sized_new (FALSE, TRUE, sizeof (GArray *), self->n_rows);
  g_array_set_size (rows, self->n_rows);

  /* The zoom root and its ancestors: full-width bars. */
  anc = zoom_root;
  while (anc != SMOLDER_NO_ID)
    {
      guint row = smolder_call_tree_get_depth (tree, anc);

      if (row_visible (self, row))
        {
          SmolderFlameRect r = { anc, row, 0.0, self->params.width };
          GArray **slot = &g_array_index (rows, GArray *, row);

          *slot = g_array_new (FALSE, FALSE, sizeof (SmolderFlameRect));
          g_array_append_val (*slot, r);
        }
      anc = smolder_call_tree_get_parent (tree, anc);
    }

  /* Descendants, depth first in preorder, so each row fills left to right.
   * A node narrower than half a pixel is skipped with its whole subtree. */
  pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  {
    Pending p = { zoom_root, 0 };
    g_array_append_val (pending, p);
  }
  while (pending->len > 0)
    {
      Pending p = g_array_index (pending, Pending, pending->len - 1);
      gint64 child_offset = p.offset;
      guint first = pending->len - 1;
      guint32 child;

      g_array_set_size (pending, first);

      if (p.node != zoom_root)
        {
          guint row = smolder_call_tree_get_depth (tree, p.node);

          if (row_visible (self, row))
            {
              SmolderFlameRect r = { p.node, row, (double) p.offset * scale,
                                     (double) totals[p.node] * scale };
              GArray **slot = &g_array_index (rows, GArray *, row);

              if (*slot == NULL)
                *slot = g_array_new (FALSE, FALSE, sizeof (SmolderFlameRect));
              g_array_append_val (*slot, r);
            }
        }

      /* Children are pushed in order, then reversed so the leftmost pops first. */
      for (child = smolder_call_tree_get_first_child (tree, p.node);
           child != SMOLDER_NO_ID;
           child = smolder_call_tree_get_next_sibling (tree, child))
        {
          gint64 t = MAX (totals[child], 0);

          if ((double) t * scale >= 0.5)
            {
              Pending c = { child, child_offset };
              g_array_append_val (pending, c);
            }
          child_offset += t;
        }
      for (guint i = first, j = pending->len; j > 0 && i < j - 1; i++, j--)
        {
          Pending tmp = g_array_index (pending, Pending, i);

          g_array_index (pending, Pending, i) = g_array_index (pending, Pending, j - 1);
          g_array_index (pending, Pending, j - 1) = tmp;
        }
    }

  /* Flatten the rows. */
  self->row_start = g_new0 (guint, self->n_rows + 1);
  for (guint r = 0; r < self->n_rows; r++)
    {
      GArray *row = g_array_index (rows, GArray *, r);

      self->row_start[r + 1] = self->row_start[r] + (row != NULL ? row->len : 0);
    }
  self->n_rects = self->row_start[self->n_rows];
  self->rects = g_new (SmolderFlameRect, MAX (self->n_rects, 1));
  for (guint r = 0; r < self->n_rows; r++)
    {
      GArray *row = g_array_index (rows, GArray *, r);

      if (row != NULL)
        {
          memcpy (self->rects + self->row_start[r], row->data, row->len * sizeof (SmolderFlameRect));
          g_array_unref (row);
        }
    }

  return self;
}

SmolderFlameLayout *
smolder_flame_layout_ref (SmolderFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
smolder_flame_layout_unref (SmolderFlameLayout *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->tree);
  g_free (self->rects);
  g_free (self->row_start);
  g_free (self);
}

SmolderCallTree *
smolder_flame_layout_get_tree (SmolderFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tree;
}

guint
smolder_flame_layout_get_zoom_root (SmolderFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->zoom_root;
}

const SmolderFlameLayoutParams *
smolder_flame_layout_get_params (SmolderFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->params;
}

gint64
smolder_flame_layout_get_zoom_total (SmolderFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->zoom_total;
}

double
smolder_flame_layout_get_content_height (SmolderFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows * self->params.row_height;
}

guint
smolder_flame_layout_get_n_rows (SmolderFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

double
smolder_flame_layout_get_row_y (SmolderFlameLayout *self,
                                guint               row)
{
  const SmolderFlameLayoutParams *p;

  g_return_val_if_fail (self != NULL, 0);
  p = &self->params;
  if (p->orientation == SMOLDER_FLAME_ORIENTATION_ICICLE)
    return row * p->row_height - p->scroll;
  return p->height - (row + 1) * p->row_height + p->scroll;
}

const SmolderFlameRect *
smolder_flame_layout_get_row_rects (SmolderFlameLayout *self,
                                    guint               row,
                                    guint              *n_rects)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_rects != NULL, NULL);

  if (row >= self->n_rows || self->row_start[row] == self->row_start[row + 1])
    {
      *n_rects = 0;
      return NULL;
    }
  *n_rects = self->row_start[row + 1] - self->row_start[row];
  return self->rects + self->row_start[row];
}

const SmolderFlameRect *
smolder_flame_layout_get_rects (SmolderFlameLayout *self,
                                guint              *n_rects)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_rects != NULL, NULL);
  *n_rects = self->n_rects;
  return self->rects;
}

guint32
smolder_flame_layout_hit_test (SmolderFlameLayout *self,
                               double              x,
                               double              y)
{
  const SmolderFlameRect *rects;
  const SmolderFlameLayoutParams *p;
  double rowf;
  guint row, n, lo, hi;

  g_return_val_if_fail (self != NULL, SMOLDER_NO_ID);

  p = &self->params;
  if (self->n_rows == 0 || x < 0 || x >= p->width || y < 0 || y >= p->height)
    return SMOLDER_NO_ID;
  /* Row r covers [r, r + 1) rows from its edge: the root's edge is the top
   * for an icicle and the bottom for a flame. */
  if (p->orientation == SMOLDER_FLAME_ORIENTATION_ICICLE)
    rowf = floor ((y + p->scroll) / p->row_height);
  else
    rowf = ceil ((p->height + p->scroll - y) / p->row_height) - 1.0;
  if (rowf < 0 || rowf >= self->n_rows)
    return SMOLDER_NO_ID;
  row = (guint) rowf;
  if (row >= self->n_rows)
    return SMOLDER_NO_ID;

  rects = smolder_flame_layout_get_row_rects (self, row, &n);
  /* The last rectangle starting at or before x. */
  lo = 0;
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rects[mid].x <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return SMOLDER_NO_ID;
  if (x < rects[lo - 1].x + rects[lo - 1].width)
    return rects[lo - 1].node;
  return SMOLDER_NO_ID;
}

const SmolderFlameRect *
smolder_flame_layout_lookup (SmolderFlameLayout *self,
                             guint32             node)
{
  const SmolderFlameRect *rects;
  guint row, n, lo, hi;

  g_return_val_if_fail (self != NULL, NULL);

  if (node >= smolder_call_tree_get_n_nodes (self->tree))
    return NULL;
  row = smolder_call_tree_get_depth (self->tree, node);
  rects = smolder_flame_layout_get_row_rects (self, row, &n);
  /* Within a row, preorder numbering grows left to right. */
  lo = 0;
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (rects[mid].node < node)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && rects[lo].node == node ? &rects[lo] : NULL;
}

gboolean
smolder_flame_layout_is_ancestor (SmolderFlameLayout *self,
                                  guint32             node)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (node >= smolder_call_tree_get_n_nodes (self->tree) ||
      smolder_call_tree_get_depth (self->tree, node) >= self->zoom_depth)
    return FALSE;
  /* An ancestor's subtree holds the zoom root. */
  return node < self->zoom_root && smolder_call_tree_get_subtree_end (self->tree, node) > self->zoom_root;
}
