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
