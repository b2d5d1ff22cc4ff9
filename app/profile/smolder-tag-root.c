/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-tag-root.c: pprof's -tagroot, one label key at a time. */

#include "smolder-tag-root.h"
#include "smolder-profile-private.h"

#include <string.h>

/* The location of the pseudo frame for @value, made once per value. */
static guint32
root_location (SmolderProfile *dst,
               GHashTable     *made,
               const char     *value)
{
  gpointer found = g_hash_table_lookup (made, value);
  SmolderFunction f = { 0, };
  SmolderLocation l = { 0, };
  SmolderLine ln = { 0, };

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  f.name = f.system_name = smolder_profile_append_string (dst, value, strlen (value));
  ln.function = dst->functions->len;
  g_array_append_val (dst->functions, f);
  l.mapping = SMOLDER_NO_ID;
  l.first_line = dst->lines->len;
  l.n_lines = 1;
  g_array_append_val (dst->lines, ln);
  g_array_append_val (dst->locations, l);
  g_hash_table_insert (made, g_strdup (value), GUINT_TO_POINTER (dst->locations->len));
  return dst->locations->len - 1;
}

SmolderProfile *
smolder_profile_new_tag_root (SmolderProfile  *profile,
                              const char      *key,
                              GError         **error)
{
  g_autoptr(SmolderProfile) dst = NULL;
  g_autoptr(GHashTable) made = NULL;
  guint n_types;

  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  dst = smolder_profile_new_copy_tables (profile);
  made = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_array_append_vals (dst->goroutines, profile->goroutines->data, profile->goroutines->len);

  n_types = profile->sample_types->len;
  for (guint s = 0; s < smolder_profile_get_n_samples (profile); s++)
    {
      guint n_locs, n_labels;
      const guint32 *locs = smolder_profile_get_sample_locations (profile, s, &n_locs);
      const SmolderLabel *labels = smolder_profile_get_sample_labels (profile, s, &n_labels);
      const gint64 *values = smolder_profile_get_sample_values (profile, s);
      g_autofree char *value = NULL;

      for (guint i = 0; i < n_labels && value == NULL; i++)
        {
          if (!g_str_equal (profile->strings->pdata[labels[i].key], key))
            continue;
          if (labels[i].str != 0)
            value = g_strdup (profile->strings->pdata[labels[i].str]);
          else
            value = g_strdup_printf ("%" G_GINT64_FORMAT "%s%s", labels[i].num,
                                     labels[i].num_unit != 0 ? " " : "",
                                     (const char *) profile->strings->pdata[labels[i].num_unit]);
        }

      smolder_profile_begin_sample (dst);
      for (guint i = 0; i < n_locs; i++)
        smolder_profile_sample_add_location (dst, locs[i]);
      if (value != NULL)
        smolder_profile_sample_add_location (dst, root_location (dst, made, value));
      for (guint t = 0; t < n_types; t++)
        smolder_profile_sample_add_value (dst, values[t]);
      for (guint i = 0; i < n_labels; i++)
        smolder_profile_sample_add_label (dst, labels[i].key, labels[i].str, labels[i].num,
                                          labels[i].num_unit);
      smolder_profile_end_sample (dst);
    }

  if (!smolder_profile_seal (dst, NULL, error))
    return NULL;
  return g_steal_pointer (&dst);
}
