/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-tree-search.c: regex matches over a call tree's nodes. */

#include "smolder-tree-search.h"

struct _SmolderFlameSearch
{
  gatomicrefcount ref_count;
  SmolderCallTree *tree;
  guint8          *matched;        /* one per node */
  guint            n_matches;
  gint64           matched_total;
  gint64           root_total;
};

G_DEFINE_BOXED_TYPE (SmolderFlameSearch, smolder_flame_search,
                     smolder_flame_search_ref, smolder_flame_search_unref)

SmolderFlameSearch *
smolder_flame_search_new (SmolderCallTree *tree,
                          GRegex          *regex)
{
  SmolderFlameSearch *self;
  SmolderFrames *frames;
  const guint32 *node_frames;
  const gint64 *totals;
  g_autofree guint8 *frame_state = NULL;  /* 0 unknown, 1 no, 2 yes */
  guint n_nodes, n_frames;
  guint covered_until = 0;

  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (tree), NULL);
  g_return_val_if_fail (regex != NULL, NULL);

  self = g_new0 (SmolderFlameSearch, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->tree = g_object_ref (tree);

  n_nodes = smolder_call_tree_get_n_nodes (tree);
  self->matched = g_new0 (guint8, MAX (n_nodes, 1));
  if (n_nodes == 0)
    return self;

  frames = smolder_call_tree_get_frames (tree);
  n_frames = smolder_frames_get_n_frames (frames);
  node_frames = smolder_call_tree_get_frames_array (tree);
  totals = smolder_call_tree_get_totals (tree);
  frame_state = g_new0 (guint8, MAX (n_frames, 1));
  self->root_total = totals[0];

  /* Each frame's name is matched once, however many nodes it has. */
  for (guint n = 0; n < n_nodes; n++)
    {
      guint32 f = node_frames[n];
      gboolean hit;

      if (f == SMOLDER_NO_ID || f >= n_frames)
        hit = smolder_regex_search (regex, smolder_call_tree_get_name (tree, n));
      else
        {
          if (frame_state[f] == 0)
            frame_state[f] = smolder_regex_search (regex, smolder_frames_get_name (frames, f)) ? 2 : 1;
          hit = frame_state[f] == 2;
        }
      if (!hit)
        continue;

      self->matched[n] = 1;
      self->n_matches++;
      /* Preorder: a match inside a counted subtree is already counted. */
      if (n >= covered_until)
        {
          self->matched_total += totals[n];
          covered_until = smolder_call_tree_get_subtree_end (tree, n);
        }
    }
  return self;
}

SmolderFlameSearch *
smolder_flame_search_ref (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
smolder_flame_search_unref (SmolderFlameSearch *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->tree);
  g_free (self->matched);
  g_free (self);
}

gboolean
smolder_flame_search_matches (SmolderFlameSearch *self,
                              guint32             node)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return node < smolder_call_tree_get_n_nodes (self->tree) && self->matched[node];
}

guint
smolder_flame_search_get_n_matches (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_matches;
}

gint64
smolder_flame_search_get_matched_total (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->matched_total;
}

double
smolder_flame_search_get_fraction (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->root_total > 0 ? (double) self->matched_total / (double) self->root_total : 0.0;
}

char *
smolder_flame_search_describe (SmolderFlameSearch *self)
{
  g_autofree char *pct = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  pct = g_strdup_printf ("%.1f%%", 100.0 * smolder_flame_search_get_fraction (self));
  return g_strdup_printf (g_dngettext (NULL, "%u frame, %s of total", "%u frames, %s of total",
                                       self->n_matches),
                          self->n_matches, pct);
}

SmolderCallTree *
smolder_flame_search_get_tree (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tree;
}

guint32
smolder_flame_search_next (SmolderFlameSearch *self,
                           guint32             node)
{
  guint n_nodes;

  g_return_val_if_fail (self != NULL, SMOLDER_NO_ID);

  n_nodes = smolder_call_tree_get_n_nodes (self->tree);
  if (self->n_matches == 0 || n_nodes == 0)
    return SMOLDER_NO_ID;
  if (node >= n_nodes)
    node = n_nodes - 1;
  for (guint i = 1; i <= n_nodes; i++)
    {
      guint32 n = (node + i) % n_nodes;

      if (self->matched[n])
        return n;
    }
  return SMOLDER_NO_ID;
}
