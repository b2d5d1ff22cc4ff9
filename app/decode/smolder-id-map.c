/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-id-map.c: profile.proto's ids to dense indices. */
#include "smolder-id-map.h"

void
smolder_id_map_init (SmolderIdMap *m,
                     guint         reserve)
{
  m->ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), reserve);
}

void
smolder_id_map_clear (SmolderIdMap *m)
{
  g_clear_pointer (&m->ids, g_array_unref);
  g_clear_pointer (&m->dense, g_free);
  g_clear_pointer (&m->sparse, g_hash_table_unref);
}

/* Builds the lookup; fails on a duplicate id (and id 0, which means none). */
gboolean
smolder_id_map_build (SmolderIdMap  *m,
                      const char    *what,
                      GError       **error)
{
  guint n = m->ids->len;
  guint64 max_id = 0;

  for (guint i = 0; i < n; i++)
    {
      guint64 id = g_array_index (m->ids, guint64, i);
      if (id == 0)
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                       "%s %u has id 0, which is reserved for “none”", what, i);
          return FALSE;
        }
      max_id = MAX (max_id, id);
    }

  if (max_id <= (guint64) n * 2 + 1024)
    {
      m->n_dense = (gsize) max_id + 1;
      m->dense = g_new0 (guint32, m->n_dense);
      for (guint i = 0; i < n; i++)
        {
          guint64 id = g_array_index (m->ids, guint64, i);
          if (m->dense[id] != 0)
            goto duplicate;
          m->dense[id] = i + 1;
        }
      return TRUE;
    }

  m->sparse = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n; i++)
    {
      guint64 *id = &g_array_index (m->ids, guint64, i);
      if (!g_hash_table_insert (m->sparse, id, GUINT_TO_POINTER (i + 1)))
        goto duplicate;
    }
  return TRUE;

duplicate:
  {
    /* Report the first id seen twice. */
    g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
    for (guint i = 0; i < n; i++)
      {
        guint64 *id = &g_array_index (m->ids, guint64, i);
        if (!g_hash_table_add (seen, id))
          {
            g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                         "two %ss have id %" G_GUINT64_FORMAT " (the second is %s %u)",
                         what, *id, what, i);
            return FALSE;
          }
      }
    g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                 "duplicate %s ids", what);
    return FALSE;
  }
}
