/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-snapshot.c: snapshot summaries and their JSON form. */
#include "smolder-live-snapshot.h"
#include "smolder-live-error.h"
#include "smolder-load.h"
#include "smolder-memstats.h"

#include <string.h>

static void
live_file_free (SmolderLiveFile *f)
{
  g_free (f->name);
  g_free (f->query);
  g_free (f);
}

static void
live_total_clear (SmolderLiveTotal *t)
{
  g_free (t->type);
  g_free (t->unit);
}

SmolderLiveSnapshot *
smolder_live_snapshot_new (const char *profile,
                           guint       seq,
                           gint64      time_ms)
{
  SmolderLiveSnapshot *self = g_new0 (SmolderLiveSnapshot, 1);

  self->profile = g_strdup (profile);
  self->seq = seq;
  self->time_ms = time_ms;
  self->files = g_ptr_array_new_with_free_func ((GDestroyNotify) live_file_free);
  self->summary.goroutines = -1;
  self->summary.totals = g_array_new (FALSE, TRUE, sizeof (SmolderLiveTotal));
  g_array_set_clear_func (self->summary.totals, (GDestroyNotify) live_total_clear);
  return self;
}

void
smolder_live_snapshot_free (SmolderLiveSnapshot *self)
{
  if (self == NULL)
    return;
  g_free (self->profile);
  g_ptr_array_unref (self->files);
  g_array_unref (self->summary.totals);
  g_clear_pointer (&self->summary.functions, g_array_unref);
  g_free (self);
}

void
smolder_live_snapshot_add_file (SmolderLiveSnapshot *self,
                                const char          *name,
                                const char          *query,
                                guint                status,
                                guint64              size)
{
  SmolderLiveFile *f = g_new0 (SmolderLiveFile, 1);

  f->name = g_strdup (name);
  f->query = g_strdup (query);
  f->status = status;
  f->size = size;
  g_ptr_array_add (self->files, f);
}

static void
summary_set_total (SmolderLiveSummary *summary,
                   const char         *type,
                   const char         *unit,
                   gint64              total)
{
  SmolderLiveTotal t;

  for (guint i = 0; i < summary->totals->len; i++)
    {
      SmolderLiveTotal *old = &g_array_index (summary->totals, SmolderLiveTotal, i);

      if (g_str_equal (old->type, type))
        {
          old->total = total;
          return;
        }
    }
  t.type = g_strdup (type);
  t.unit = g_strdup (unit);
  t.total = total;
  g_array_append_val (summary->totals, t);
}

gboolean
smolder_live_summary_lookup_total (const SmolderLiveSummary *summary,
                                   const char               *type,
                                   gint64                   *total)
{
  for (guint i = 0; i < summary->totals->len; i++)
    {
      const SmolderLiveTotal *t = &g_array_index (summary->totals, SmolderLiveTotal, i);

      if (g_str_equal (t->type, type))
        {
          *total = t->total;
          return TRUE;
        }
    }
  return FALSE;
}

void
smolder_live_summary_add_profile (SmolderLiveSummary *summary,
                                  SmolderProfile     *profile)
{
  const SmolderMemStats *ms = smolder_profile_get_memstats (profile);

  if (ms != NULL)
    {
      guint n = MIN (MIN (ms->num_gc, SMOLDER_MEMSTATS_PAUSE_RING), SMOLDER_LIVE_MAX_PAUSES);

      summary->has_memstats = TRUE;
      summary->heap_inuse = ms->heap_inuse;
      summary->heap_alloc = ms->heap_alloc;
      summary->heap_objects = ms->heap_objects;
      summary->sys = ms->sys;
      summary->next_gc = ms->next_gc;
      summary->num_gc = ms->num_gc;
      /* Go's rings: the pause of GC number k (1-based) is at (k - 1) % 256. */
      summary->n_pauses = n;
      for (guint i = 0; i < n; i++)
        {
          guint idx = (ms->num_gc - n + i) % SMOLDER_MEMSTATS_PAUSE_RING;

          summary->pause_ns[i] = ms->pause_ns[idx];
          summary->pause_end[i] = ms->pause_end[idx];
        }
    }

  if (smolder_profile_get_kind (profile) == SMOLDER_PROFILE_KIND_GOROUTINE)
    {
      if (smolder_profile_get_n_goroutines (profile) > 0)
        summary->goroutines = smolder_profile_get_n_goroutines (profile);
      else if (smolder_profile_get_n_sample_types (profile) > 0)
        summary->goroutines = smolder_profile_get_total (profile, 0);
    }

  /* The first file of a snapshot is its proto (heap before heap?debug=1). */
  if (summary->functions == NULL)
    summary->functions = smolder_live_functions_compute (profile, &summary->functions_all);

  for (guint i = 0; i < smolder_profile_get_n_sample_types (profile); i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (profile, i);

      summary_set_total (summary,
                         smolder_profile_get_string (profile, vt->type),
                         smolder_profile_get_string (profile, vt->unit),
                         smolder_profile_get_total (profile, i));
    }
}

gboolean
smolder_live_snapshot_summarise (SmolderLiveSnapshot *self,
                                 GFile               *dir,
                                 const SmolderLimits *limits,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  for (guint i = 0; i < self->files->len; i++)
    {
      SmolderLiveFile *f = self->files->pdata[i];
      g_autoptr(GFile) file = g_file_get_child (dir, f->name);
      g_autoptr(SmolderProfile) profile = NULL;
      g_autoptr(GError) local_error = NULL;

      profile = smolder_profile_new_from_file (file, limits, cancellable, &local_error);
      if (profile == NULL)
        {
          g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_DECODE,
                       "%s: %s", f->name, local_error->message);
          return FALSE;
        }
      smolder_live_summary_add_profile (&self->summary, profile);
    }
  return TRUE;
}

/* JSON: integers are written as numbers; guint64 values above 2^63 do not
 * occur in MemStats byte counts, so gint64 carries them. */

JsonNode *
smolder_live_snapshot_to_json (const SmolderLiveSnapshot *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const SmolderLiveSummary *s = &self->summary;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "profile");
  json_builder_add_string_value (b, self->profile);
  json_builder_set_member_name (b, "seq");
  json_builder_add_int_value (b, self->seq);
  json_builder_set_member_name (b, "time_ms");
  json_builder_add_int_value (b, self->time_ms);

  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->files->len; i++)
    {
      const SmolderLiveFile *f = self->files->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, f->name);
      json_builder_set_member_name (b, "query");
      json_builder_add_string_value (b, f->query);
      json_builder_set_member_name (b, "status");
      json_builder_add_int_value (b, f->status);
      json_builder_set_member_name (b, "size");
      json_builder_add_int_value (b, (gint64) f->size);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  if (s->has_memstats)
    {
      json_builder_set_member_name (b, "memstats");
      json_builder_begin_object (b);
#define INT_MEMBER(field) \
      json_builder_set_member_name (b, #field); \
      json_builder_add_int_value (b, (gint64) s->field);
      INT_MEMBER (heap_inuse)
      INT_MEMBER (heap_alloc)
      INT_MEMBER (heap_objects)
      INT_MEMBER (sys)
      INT_MEMBER (next_gc)
      INT_MEMBER (num_gc)
#undef INT_MEMBER
      json_builder_set_member_name (b, "pauses");
      json_builder_begin_array (b);
      for (guint i = 0; i < s->n_pauses; i++)
        {
          json_builder_begin_array (b);
          json_builder_add_int_value (b, (gint64) s->pause_end[i]);
          json_builder_add_int_value (b, (gint64) s->pause_ns[i]);
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  if (s->goroutines >= 0)
    {
      json_builder_set_member_name (b, "goroutines");
      json_builder_add_int_value (b, s->goroutines);
    }
  json_builder_set_member_name (b, "totals");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->totals->len; i++)
    {
      const SmolderLiveTotal *t = &g_array_index (s->totals, SmolderLiveTotal, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, t->type);
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, t->unit);
      json_builder_set_member_name (b, "total");
      json_builder_add_int_value (b, t->total);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (s->functions != NULL)
    {
      json_builder_set_member_name (b, "functions");
      json_builder_add_value (b, smolder_live_functions_to_json (s->functions, s->functions_all));
    }
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Members read defensively: session.json comes from disk and may be edited
 * or cut short; a wrong type is an error, never a crash. */

static gboolean
get_int (JsonObject *o,
         const char *name,
         gint64      min,
         gint64     *out)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (n);
  return *out >= min;
}

static const char *
get_string (JsonObject *o,
            const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static JsonObject *
get_object (JsonObject *o,
            const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
get_array (JsonObject *o,
           const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* A file name written by Smolder: no path separators, not "." or "..". */
static gboolean
is_plain_name (const char *name)
{
  return name != NULL && name[0] != '\0' && name[0] != '.' &&
         strchr (name, '/') == NULL && strchr (name, '\\') == NULL;
}

static gboolean
read_memstats (SmolderLiveSummary *s,
               JsonObject         *m)
{
  gint64 v[6];
  JsonArray *pauses;

  if (!get_int (m, "heap_inuse", 0, &v[0]) || !get_int (m, "heap_alloc", 0, &v[1]) ||
      !get_int (m, "heap_objects", 0, &v[2]) || !get_int (m, "sys", 0, &v[3]) ||
      !get_int (m, "next_gc", 0, &v[4]) || !get_int (m, "num_gc", 0, &v[5]) || v[5] > G_MAXUINT32)
    return FALSE;
  s->has_memstats = TRUE;
  s->heap_inuse = v[0];
  s->heap_alloc = v[1];
  s->heap_objects = v[2];
  s->sys = v[3];
  s->next_gc = v[4];
  s->num_gc = v[5];
  pauses = get_array (m, "pauses");
  for (guint i = 0; pauses != NULL && i < json_array_get_length (pauses) && s->n_pauses < SMOLDER_LIVE_MAX_PAUSES; i++)
    {
      JsonNode *p = json_array_get_element (pauses, i);
      JsonArray *pair = JSON_NODE_HOLDS_ARRAY (p) ? json_node_get_array (p) : NULL;

      if (pair == NULL || json_array_get_length (pair) != 2 ||
          !JSON_NODE_HOLDS_VALUE (json_array_get_element (pair, 0)) ||
          !JSON_NODE_HOLDS_VALUE (json_array_get_element (pair, 1)) ||
          json_node_get_value_type (json_array_get_element (pair, 0)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (pair, 1)) != G_TYPE_INT64)
        return FALSE;
      s->pause_end[s->n_pauses] = json_array_get_int_element (pair, 0);
      s->pause_ns[s->n_pauses] = json_array_get_int_element (pair, 1);
      s->n_pauses++;
    }
  return TRUE;
}

SmolderLiveSnapshot *
smolder_live_snapshot_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(SmolderLiveSnapshot) self = NULL;
  JsonObject *o, *summary, *m;
  JsonArray *files, *totals;
  const char *profile;
  gint64 seq, time_ms, v;

  o = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (o == NULL || (profile = get_string (o, "profile")) == NULL || !is_plain_name (profile) ||
      !get_int (o, "seq", 0, &seq) || seq > G_MAXUINT32 || !get_int (o, "time_ms", 0, &time_ms) ||
      (files = get_array (o, "files")) == NULL)
    goto bad;

  self = smolder_live_snapshot_new (profile, seq, time_ms);
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *fn = json_array_get_element (files, i);
      JsonObject *f = JSON_NODE_HOLDS_OBJECT (fn) ? json_node_get_object (fn) : NULL;
      const char *name, *query;
      gint64 status, size;

      if (f == NULL || !is_plain_name (name = get_string (f, "name")) ||
          (query = get_string (f, "query")) == NULL ||
          !get_int (f, "status", 0, &status) || status > 999 || !get_int (f, "size", 0, &size))
        goto bad;
      smolder_live_snapshot_add_file (self, name, query, status, size);
    }

  if ((summary = get_object (o, "summary")) != NULL)
    {
      if ((m = get_object (summary, "memstats")) != NULL && !read_memstats (&self->summary, m))
        goto bad;
      if (get_int (summary, "goroutines", 0, &v))
        self->summary.goroutines = v;
      totals = get_array (summary, "totals");
      for (guint i = 0; totals != NULL && i < json_array_get_length (totals); i++)
        {
          JsonNode *tn = json_array_get_element (totals, i);
          JsonObject *t = JSON_NODE_HOLDS_OBJECT (tn) ? json_node_get_object (tn) : NULL;
          const char *type, *unit;

          if (t == NULL || (type = get_string (t, "type")) == NULL ||
              (unit = get_string (t, "unit")) == NULL ||
              !get_int (t, "total", G_MININT64, &v))
            goto bad;
          summary_set_total (&self->summary, type, unit, v);
        }
      if (json_object_has_member (summary, "functions") &&
          (self->summary.functions =
             smolder_live_functions_from_json (json_object_get_member (summary, "functions"),
                                               &self->summary.functions_all)) == NULL)
        goto bad;
    }
  return g_steal_pointer (&self);

bad:
  g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION,
               "a snapshot entry is malformed");
  return NULL;
}
