/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-label.c: the part of a name a narrow bar shows. */

#include <string.h>

#include "smolder-flame-label.h"
#include "smolder-palette.h"

#define ELLIPSIS "\u2026"

/* @name's candidates, longest first (see the header). */
static GPtrArray *
candidates (const char *name)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *pkg;
  gsize len = smolder_palette_package_of (name, &pkg);
  const char *after = pkg + len;   /* the '.' that ends a Go package */
  const char *slash = len > 0 ? g_strrstr_len (pkg, len, "/") : NULL;

  g_ptr_array_add (out, g_strdup (name));
  if (slash != NULL && slash[1] != '\0')
    g_ptr_array_add (out, g_strdup (slash + 1));
  /* File names (-files) have a directory, not a package, before the rest. */
  if (len == 0 || pkg != name || *after != '.' || after[1] == '\0')
    return out;
  g_ptr_array_add (out, g_strconcat (ELLIPSIS, after + 1, NULL));

  /* A method: "(*T).M" or "(T).M". */
  if (after[1] == '(')
    {
      const char *close = strstr (after + 1, ").");

      if (close != NULL && close[2] != '\0')
        g_ptr_array_add (out, g_strconcat (ELLIPSIS, close + 2, NULL));
    }
  return out;
}

char *
smolder_flame_label_fit (const char          *name,
                         int                  avail,
                         SmolderLabelMeasure  measure,
                         gpointer             user_data,
                         gboolean            *fits)
{
  g_autoptr(GPtrArray) texts = NULL;
  const char *fallback;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  texts = candidates (name);
  for (guint i = 0; i < texts->len; i++)
    if (measure (g_ptr_array_index (texts, i), user_data) <= avail)
      {
        if (fits != NULL)
          *fits = TRUE;
        return g_strdup (g_ptr_array_index (texts, i));
      }

  if (fits != NULL)
    *fits = FALSE;
  fallback = texts->len > 1 && !g_str_has_prefix (g_ptr_array_index (texts, 1), ELLIPSIS)
             ? g_ptr_array_index (texts, 1) : g_ptr_array_index (texts, 0);
  return g_strdup (fallback);
}

gboolean
smolder_flame_node_is_unprinted (SmolderCallTree *tree,
                                 guint32          node)
{
  SmolderFrames *frames = smolder_call_tree_get_frames (tree);
  guint32 frame = smolder_call_tree_get_frame (tree, node);

  if (frame == SMOLDER_NO_ID || node == 0)
    return FALSE;
  switch (smolder_profile_get_format (smolder_frames_get_profile (frames)))
    {
    case SMOLDER_PROFILE_FORMAT_TEXT_HEAP:
    case SMOLDER_PROFILE_FORMAT_TEXT_COUNT:
    case SMOLDER_PROFILE_FORMAT_TEXT_CONTENTION:
      break;
    default:
      return FALSE;
    }
  return smolder_frames_get_function (frames, frame)[0] == '\0' &&
         smolder_frames_get_file (frames, frame)[0] == '\0' &&
         smolder_frames_get_objfile (frames, frame)[0] == '\0';
}

const char *
smolder_flame_node_label (SmolderCallTree *tree,
                          guint32          node,
                          const char      *unprinted_label)
{
  if (unprinted_label != NULL && smolder_flame_node_is_unprinted (tree, node))
    return unprinted_label;
  return smolder_call_tree_get_name (tree, node);
}
