/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-prom-parse.c: reading the Prometheus HTTP API's JSON envelopes. */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "smolder-prom-parse.h"

G_DEFINE_QUARK (smolder-prom-error-quark, smolder_prom_error)

void
smolder_prom_series_free (SmolderPromSeries *series)
{
  if (series == NULL)
    return;
  g_clear_pointer (&series->labels, g_hash_table_unref);
  g_free (series->t_ms);
  g_free (series->v);
  g_free (series);
}

const char *
smolder_prom_series_label (const SmolderPromSeries *series,
                           const char              *name)
{
  return g_hash_table_lookup (series->labels, name);
}

void
smolder_prom_target_free (SmolderPromTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->job);
  g_free (target->instance);
  g_free (target->health);
  g_free (target->last_error);
  g_free (target->scrape_url);
  g_free (target);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The envelope {"status": "success"|"error", "data": …}: its data object, or
 * the server's error, or "not the Prometheus API". */
static JsonObject *
open_envelope (JsonParser  *parser,
               const char  *json,
               gsize        length,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *top, *data;
  const char *status;

  if (length > G_MAXSSIZE || !json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                   "the answer is not JSON (%s)", local_error ? local_error->message : "too large");
      return NULL;
    }
  root = json_parser_get_root (parser);
  top = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  status = member_string (top, "status");
  if (status == NULL)
    {
      g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                   "the JSON has no \"status\": not the Prometheus HTTP API");
      return NULL;
    }
  if (g_str_equal (status, "error"))
    {
      const char *type = member_string (top, "errorType");
      const char *message = member_string (top, "error");
      SmolderPromError code = SMOLDER_PROM_ERROR_FAILED;

      if (g_strcmp0 (type, "bad_data") == 0 || g_strcmp0 (type, "execution") == 0)
        code = SMOLDER_PROM_ERROR_BAD_QUERY;
      else if (g_strcmp0 (type, "timeout") == 0 || g_strcmp0 (type, "unavailable") == 0 ||
               g_strcmp0 (type, "canceled") == 0)
        code = SMOLDER_PROM_ERROR_UNAVAILABLE;
      g_set_error (error, SMOLDER_PROM_ERROR, code, "the server said %s: %s",
                   type ? type : "error", message ? message : "(no message)");
      return NULL;
    }
  data = member_object (top, "data");
  if (!g_str_equal (status, "success") || data == NULL)
    {
      g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                   "status \"%s\" without a data object: not the Prometheus HTTP API", status);
      return NULL;
    }
  return data;
}

/* [1712345678.123, "42"] */
static gboolean
read_point (JsonNode *node,
            gint64   *t_ms,
            double   *v)
{
  JsonArray *pair;
  JsonNode *t, *value;
  const char *text;
  char *end = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  pair = json_node_get_array (node);
  if (json_array_get_length (pair) != 2)
    return FALSE;
  t = json_array_get_element (pair, 0);
  value = json_array_get_element (pair, 1);
  if (JSON_NODE_TYPE (t) != JSON_NODE_VALUE || JSON_NODE_TYPE (value) != JSON_NODE_VALUE ||
      json_node_get_value_type (value) != G_TYPE_STRING)
    return FALSE;
  /* Timestamps come as JSON numbers, integral or not. */
  switch (json_node_get_value_type (t))
    {
    case G_TYPE_INT64:
      /* Seconds past year 318857 are no timestamp (and would overflow). */
      if (json_node_get_int (t) > G_GINT64_CONSTANT (10000000000000) ||
          json_node_get_int (t) < -G_GINT64_CONSTANT (10000000000000))
        return FALSE;
      *t_ms = json_node_get_int (t) * 1000;
      break;
    case G_TYPE_DOUBLE:
      if (!(fabs (json_node_get_double (t)) < 1e13))
        return FALSE;
      *t_ms = (gint64) llround (json_node_get_double (t) * 1000.0);
      break;
    default:
      return FALSE;
    }
  text = json_node_get_string (value);
  /* Go's strconv spellings of the specials, which g_ascii_strtod also reads. */
  *v = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

static SmolderPromSeries *
read_series (JsonObject *object,
             gboolean    matrix,
             GError    **error)
{
  g_autoptr(SmolderPromSeries) series = g_new0 (SmolderPromSeries, 1);
  JsonObject *metric = member_object (object, "metric");
  JsonArray *values = matrix ? member_array (object, "values") : NULL;
  JsonNode *value = matrix ? NULL : json_object_get_member (object, "value");
  guint n = matrix ? (values ? json_array_get_length (values) : 0) : 1;

  series->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (metric != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (metric);

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *v = member_string (metric, l->data);

          if (v != NULL)
            g_hash_table_insert (series->labels, g_strdup (l->data), g_strdup (v));
        }
    }
  if ((matrix && values == NULL) || (!matrix && value == NULL))
    {
      g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                   "a result without %s", matrix ? "\"values\"" : "\"value\"");
      return NULL;
    }
  series->t_ms = g_new (gint64, MAX (n, 1));
  series->v = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *point = matrix ? json_array_get_element (values, i) : value;

      if (!read_point (point, &series->t_ms[series->n], &series->v[series->n]))
        {
          g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                       "point %u of a series is not [time, \"value\"]", i);
          return NULL;
        }
      series->n++;
    }
  return g_steal_pointer (&series);
}

GPtrArray *
smolder_prom_parse_result (const char  *json,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) out = NULL;
  JsonObject *data = open_envelope (parser, json, length, error);
  const char *type;
  JsonNode *result;

  if (data == NULL)
    return NULL;
  type = member_string (data, "resultType");
  result = json_object_get_member (data, "result");
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_prom_series_free);
  if (type == NULL || result == NULL)
    {
      g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                   "data without resultType and result: not a query answer");
      return NULL;
    }
  if (g_str_equal (type, "scalar"))
    {
      SmolderPromSeries *s = g_new0 (SmolderPromSeries, 1);

      s->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      s->t_ms = g_new (gint64, 1);
      s->v = g_new (double, 1);
      s->n = 1;
      g_ptr_array_add (out, s);
      if (!read_point (result, s->t_ms, s->v))
        {
          g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                       "a scalar result that is not [time, \"value\"]");
          return NULL;
        }
      return g_steal_pointer (&out);
    }
  if ((!g_str_equal (type, "matrix") && !g_str_equal (type, "vector")) || !JSON_NODE_HOLDS_ARRAY (result))
    {
      g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                   "result type \"%s\" is not a vector, matrix or scalar", type);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (result)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (result), i);
      SmolderPromSeries *s;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                       "result %u is not an object", i);
          return NULL;
        }
      s = read_series (json_node_get_object (item), g_str_equal (type, "matrix"), error);
      if (s == NULL)
        return NULL;
      g_ptr_array_add (out, s);
    }
  return g_steal_pointer (&out);
}

GPtrArray *
smolder_prom_parse_targets (const char  *json,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) out = NULL;
  JsonObject *data = open_envelope (parser, json, length, error);
  JsonArray *active;

  if (data == NULL)
    return NULL;
  active = member_array (data, "activeTargets");
  if (active == NULL)
    {
      g_set_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS,
                   "data without activeTargets: not a targets answer");
      return NULL;
    }
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_prom_target_free);
  for (guint i = 0; i < json_array_get_length (active); i++)
    {
      JsonNode *item = json_array_get_element (active, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      JsonObject *labels = member_object (object, "labels");
      SmolderPromTarget *t;

      /* A target without its identity is of no use to the fleet: skipped. */
      if (member_string (labels, "instance") == NULL)
        continue;
      t = g_new0 (SmolderPromTarget, 1);
      t->job = g_strdup (member_string (labels, "job") ? member_string (labels, "job") : "");
      t->instance = g_strdup (member_string (labels, "instance"));
      t->health = g_strdup (member_string (object, "health") ? member_string (object, "health") : "unknown");
      t->last_error = g_strdup (member_string (object, "lastError") ? member_string (object, "lastError") : "");
      t->scrape_url = g_strdup (member_string (object, "scrapeUrl") ? member_string (object, "scrapeUrl") : "");
      g_ptr_array_add (out, t);
    }
  return g_steal_pointer (&out);
}
