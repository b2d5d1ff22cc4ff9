/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-packages.c: packages, their colours and shares. */

#include "smolder-flame-packages.h"

#include <string.h>

static void
package_free (gpointer data)
{
  SmolderFlamePackage *p = data;

  g_free (p->name);
  g_free (p->regex);
  g_free (p);
}

/* A file name (-files, -lines) is matched by its directory anywhere; a
 * function by its package at the start, up to the '.' that ends it. */
static char *
package_regex (const char *name,
               const char *pkg,
               gsize       len)
{
  g_autofree char *quoted = NULL;

  if (len == 0)
    {
      quoted = g_regex_escape_string (name, -1);
      return g_strdup_printf ("^%s$", quoted);
    }
  quoted = g_regex_escape_string (pkg, len);
  if (pkg != name || name[0] == '/' || pkg[len] == '/')
    return g_strdup_printf ("(^|/)%s/[^/]*$", quoted);
  return g_strdup_printf ("^%s\\.", quoted);
}

static int
compare_packages (gconstpointer a,
                  gconstpointer b)
{
  const SmolderFlamePackage *pa = *(SmolderFlamePackage * const *) a;
  const SmolderFlamePackage *pb = *(SmolderFlamePackage * const *) b;

  if (pa->self != pb->self)
    return pa->self > pb->self ? -1 : 1;
  return strcmp (pa->name, pb->name);
}

GPtrArray *
smolder_flame_packages_collect (SmolderCallTree *tree,
                                gboolean         dark)
{
  SmolderFrames *frames;
  guint n_nodes, n_frames;
  const guint32 *node_frames;
  const gint64 *selves;
  g_autofree gint64 *frame_self = NULL;
  g_autofree gboolean *frame_seen = NULL;
  g_autoptr(GHashTable) by_name = NULL;
  GPtrArray *out;

  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (tree), NULL);

  out = g_ptr_array_new_with_free_func (package_free);
  frames = smolder_call_tree_get_frames (tree);
  n_nodes = smolder_call_tree_get_n_nodes (tree);
  n_frames = smolder_frames_get_n_frames (frames);
  node_frames = smolder_call_tree_get_frames_array (tree);
  selves = smolder_call_tree_get_selves (tree);

  /* Integers per node, strings per distinct frame. */
  frame_self = g_new0 (gint64, MAX (n_frames, 1));
  frame_seen = g_new0 (gboolean, MAX (n_frames, 1));
  for (guint node = 1; node < n_nodes; node++)
    {
      guint32 frame = node_frames[node];

      if (frame == SMOLDER_NO_ID || frame >= n_frames)
        continue;
      frame_self[frame] += selves[node];
      frame_seen[frame] = TRUE;
    }

  by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint frame = 0; frame < n_frames; frame++)
    {
      const char *name, *pkg;
      gsize len;
      g_autofree char *key = NULL;
      SmolderFlamePackage *p;

      if (!frame_seen[frame])
        continue;
      name = smolder_frames_get_name (frames, frame);
      len = smolder_palette_package_of (name, &pkg);
      key = len > 0 ? g_strndup (pkg, len) : g_strdup (name);
      p = g_hash_table_lookup (by_name, key);
      if (p == NULL)
        {
          p = g_new0 (SmolderFlamePackage, 1);
          p->name = g_steal_pointer (&key);
          p->regex = package_regex (name, pkg, len);
          /* The painter's colour comes from the name alone. */
          smolder_palette_color_for_name (name, dark, &p->color);
          g_hash_table_insert (by_name, p->name, p);
          g_ptr_array_add (out, p);
        }
      p->self += frame_self[frame];
    }

  g_ptr_array_sort (out, compare_packages);
  return out;
}
