/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-id-map.h: profile.proto's ids (any guint64) to dense indices. */
#pragma once

#include "smolder-profile.h"

G_BEGIN_DECLS

typedef struct
{
  GArray     *ids;     /* guint64, index = dense index */
  guint32    *dense;   /* id -> index + 1, when the ids are small */
  gsize       n_dense;
  GHashTable *sparse;  /* &ids[i] -> index + 1, otherwise */
} SmolderIdMap;

void     smolder_id_map_init  (SmolderIdMap *m, guint reserve);
void     smolder_id_map_clear (SmolderIdMap *m);
/* Builds the lookup; fails on a duplicate id (and id 0, which means none);
 * @what names the table in the error. */
gboolean smolder_id_map_build (SmolderIdMap *m, const char *what, GError **error);

/* The dense index of @id, or SMOLDER_NO_ID. */
static inline guint32
smolder_id_map_lookup (const SmolderIdMap *m,
                       guint64      id)
{
  if (m->dense != NULL)
    return id < m->n_dense ? m->dense[id] - 1 : SMOLDER_NO_ID;
  if (m->sparse != NULL)
    return GPOINTER_TO_UINT (g_hash_table_lookup (m->sparse, &id)) - 1;
  return SMOLDER_NO_ID;
}

G_END_DECLS
