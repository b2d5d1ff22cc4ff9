/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-functions.c: a snapshot's top functions and their JSON form. */
#include "smolder-live-functions.h"

#include "smolder-top.h"

gboolean
smolder_live_functions_sample_index (SmolderProfile *profile,
                                     guint          *index)
{
  if (smolder_profile_get_kind (profile) == SMOLDER_PROFILE_KIND_GOROUTINE)
    {
      *index = 0;
      return smolder_profile_get_n_sample_types (profile) > 0;
    }
  return smolder_profile_lookup_sample_index (profile, "inuse_space", index, NULL);
}

GArray *
smolder_live_functions_compute (SmolderProfile *profile,
                                gboolean       *all)
{
  g_autoptr(SmolderQuery) query = NULL;
  g_autoptr(SmolderTop) top = NULL;
  SmolderFrames *frames;
  GArray *functions;
  guint index, n_nonzero = 0;

  if (!smolder_live_functions_sample_index (profile, &index))
    return NULL;
  query = smolder_query_new ();
  smolder_query_set_sample_index (query, index);
  smolder_query_set_granularity (query, SMOLDER_GRANULARITY_FUNCTIONS);
  top = smolder_top_new (profile, query, NULL, NULL);
  if (top == NULL)
    return NULL;
  frames = smolder_top_get_frames (top);
  functions = g_array_new (FALSE, FALSE, sizeof (SmolderLiveFunction));
  /* Rows come sorted by |flat|, largest first: the zeros are at the end. */
  for (guint i = 0; i < smolder_top_get_n_rows (top); i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);
      SmolderLiveFunction f;

      if (row->flat == 0)
        break;
      n_nonzero++;
      if (functions->len == SMOLDER_LIVE_MAX_FUNCTIONS)
        continue;
      f.name = g_intern_string (smolder_frames_get_name (frames, row->frame));
      f.value = row->flat;
      g_array_append_val (functions, f);
    }
  *all = n_nonzero <= SMOLDER_LIVE_MAX_FUNCTIONS;
  return functions;
}

gboolean
smolder_live_functions_lookup (const GArray *functions,
                               gboolean      all,
                               const char   *name,
                               gint64       *value)
{
  const char *interned = g_intern_string (name);

  for (guint i = 0; functions != NULL && i < functions->len; i++)
    {
      const SmolderLiveFunction *f = &g_array_index (functions, SmolderLiveFunction, i);

      if (f->name == interned)
        {
          *value = f->value;
          return TRUE;
        }
    }
  *value = 0;
  return functions != NULL && all;
}

JsonNode *
smolder_live_functions_to_json (const GArray *functions,
                                gboolean      all)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "all");
  json_builder_add_boolean_value (b, all);
  json_builder_set_member_name (b, "top");
  json_builder_begin_array (b);
  for (guint i = 0; i < functions->len; i++)
    {
      const SmolderLiveFunction *f = &g_array_index (functions, SmolderLiveFunction, i);

      json_builder_begin_array (b);
      json_builder_add_string_value (b, f->name);
      json_builder_add_int_value (b, f->value);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Read defensively: session.json comes from disk and may be edited. */
GArray *
smolder_live_functions_from_json (JsonNode *node,
                                  gboolean *all)
{
  g_autoptr(GArray) functions = NULL;
  JsonObject *o;
  JsonNode *all_node, *top_node;
  JsonArray *top;

  o = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (o == NULL)
    return NULL;
  all_node = json_object_get_member (o, "all");
  top_node = json_object_get_member (o, "top");
  if (all_node == NULL || !JSON_NODE_HOLDS_VALUE (all_node) ||
      json_node_get_value_type (all_node) != G_TYPE_BOOLEAN ||
      top_node == NULL || !JSON_NODE_HOLDS_ARRAY (top_node))
    return NULL;
  top = json_node_get_array (top_node);
  if (json_array_get_length (top) > SMOLDER_LIVE_MAX_FUNCTIONS)
    return NULL;
  functions = g_array_new (FALSE, FALSE, sizeof (SmolderLiveFunction));
  for (guint i = 0; i < json_array_get_length (top); i++)
    {
      JsonNode *p = json_array_get_element (top, i);
      JsonArray *pair = JSON_NODE_HOLDS_ARRAY (p) ? json_node_get_array (p) : NULL;
      JsonNode *name, *value;
      SmolderLiveFunction f;

      if (pair == NULL || json_array_get_length (pair) != 2)
        return NULL;
      name = json_array_get_element (pair, 0);
      value = json_array_get_element (pair, 1);
      if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING ||
          !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
        return NULL;
      f.name = g_intern_string (json_node_get_string (name));
      f.value = json_node_get_int (value);
      g_array_append_val (functions, f);
    }
  *all = json_node_get_boolean (all_node);
  return g_steal_pointer (&functions);
}
