/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-graph-path.c: where the user was, by path of frame names.
 *
 * Node numbers mean nothing in another tree; a path of frame names does.
 * A new tree of the same kind (another sample type, filter, granularity or
 * snapshot) keeps the zoom and the focused frame on the node of the same
 * path, or on its deepest ancestor that still exists. The same paths let a
 * page make one flame graph follow another's zoom. */

#include "smolder-flame-graph-private.h"

/* Whether a path in @a means the same in @b: both top-down with the same
 * inversion, or callers (callees) of the same frame. */
static gboolean
same_kind (SmolderCallTree *a,
           SmolderCallTree *b)
{
  if (smolder_call_tree_get_kind (a) != smolder_call_tree_get_kind (b) ||
      smolder_call_tree_get_inverted (a) != smolder_call_tree_get_inverted (b))
    return FALSE;
  if (smolder_call_tree_get_kind (a) == SMOLDER_CALL_TREE_TOP_DOWN)
    return TRUE;
  return smolder_call_tree_get_n_nodes (a) > 0 && smolder_call_tree_get_n_nodes (b) > 0 &&
         g_str_equal (smolder_call_tree_get_name (a, 0), smolder_call_tree_get_name (b, 0));
}

/* The node of @old's @node in the current tree. */
static guint32
carry_node (SmolderFlameGraph *self,
            SmolderCallTree   *old,
            guint32            node)
{
  g_auto(GStrv) path = smolder_call_tree_get_path (old, node);

  return smolder_call_tree_find_path (self->tree, (const char * const *) path, g_strv_length (path), NULL);
}

void
_smolder_flame_graph_carry_view (SmolderFlameGraph *self,
                                 SmolderCallTree   *old)
{
  guint32 zoom = 0, focus = SMOLDER_NO_ID;

  if (old != NULL && self->tree != NULL && same_kind (old, self->tree))
    {
      guint n_old = smolder_call_tree_get_n_nodes (old);

      if (self->zoom_root != 0 && self->zoom_root < n_old)
        zoom = carry_node (self, old, self->zoom_root);
      if (self->focus != SMOLDER_NO_ID && self->focus < n_old)
        focus = carry_node (self, old, self->focus);
    }
  else
    self->scroll = 0;
  self->zoom_root = zoom;
  self->focus = focus;
}

void
smolder_flame_graph_reset_view (SmolderFlameGraph *self)
{
  g_return_if_fail (SMOLDER_IS_FLAME_GRAPH (self));

  smolder_flame_graph_set_zoom_root (self, 0);
  smolder_flame_graph_set_focus_node (self, SMOLDER_NO_ID);
  if (self->scroll != 0)
    {
      self->scroll = 0;
      _smolder_flame_graph_invalidate_layout (self);
    }
}

static char **
path_of (SmolderFlameGraph *self,
         guint32            node)
{
  return node_valid (self, node) ? smolder_call_tree_get_path (self->tree, node) : NULL;
}

/* The node of @path in the current tree, or @fallback without a tree or
 * path; *@depth gets how many names matched. */
static guint32
node_of (SmolderFlameGraph  *self,
         const char * const *path,
         guint32             fallback,
         guint              *depth)
{
  *depth = 0;
  if (self->tree == NULL || path == NULL)
    return fallback;
  return smolder_call_tree_find_path (self->tree, path, g_strv_length ((char **) path), depth);
}

char **
smolder_flame_graph_get_zoom_path (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), NULL);
  return path_of (self, self->zoom_root);
}

guint
smolder_flame_graph_set_zoom_path (SmolderFlameGraph  *self,
                                   const char * const *path)
{
  guint depth;

  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), 0);
  smolder_flame_graph_set_zoom_root (self, node_of (self, path, 0, &depth));
  return depth;
}

char **
smolder_flame_graph_get_focus_path (SmolderFlameGraph *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), NULL);
  return path_of (self, self->focus);
}

guint
smolder_flame_graph_set_focus_path (SmolderFlameGraph  *self,
                                    const char * const *path)
{
  guint depth;

  g_return_val_if_fail (SMOLDER_IS_FLAME_GRAPH (self), 0);
  smolder_flame_graph_set_focus_node (self, node_of (self, path, SMOLDER_NO_ID, &depth));
  return depth;
}
