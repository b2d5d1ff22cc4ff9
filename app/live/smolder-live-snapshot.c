/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-snapshot.c: snapshot summaries and their JSON form. */
#include "smolder-live-snapshot.h"
#include "smolder-live-error.h"
#include "smolder-load.h"
#include "smolder-memstats.h"
#include "smolder-memstats-parse.h"

#include <string.h>

/* Profile names, queries, sample types and units come from a small set:
 * they are interned (never freed) rather than copied into every snapshot of
 * a session that may hold thousands. */
#define INTERN(s) ((char *) g_intern_string (s))

static void
live_file_free (SmolderLiveFile *f)
{
  g_free (f->name);
  g_free (f);
}

SmolderLiveSnapshot *
smolder_live_snapshot_new (const char *profile,
                           guint       seq,
                           gint64      time_ms)
{
  SmolderLiveSnapshot *self = g_new0 (SmolderLiveSnapshot, 1);

  self->profile = INTERN (profile);
  self->seq = seq;
  self->time_ms = time_ms;
  self->files = g_ptr_array_new_full (2, (GDestroyNotify) live_file_free);
  self->summary.goroutines = -1;
  self->summary.totals = g_array_new (FALSE, TRUE, sizeof (SmolderLiveTotal));
  return self;
}

void
smolder_live_snapshot_free (SmolderLiveSnapshot *self)
{
  if (self == NULL)
    return;
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
  f->query = INTERN (query);
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
  t.type = INTERN (type);
  t.unit = INTERN (unit);
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

static void
summary_set_memstats (SmolderLiveSummary    *summary,
                      const SmolderMemStats *ms)
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

void
smolder_live_summary_add_profile (SmolderLiveSummary *summary,
                                  SmolderProfile     *profile)
{
  const SmolderMemStats *ms = smolder_profile_get_memstats (profile);

  if (ms != NULL)
    summary_set_memstats (summary, ms);

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

/* A heap's ?debug=1 text is fetched for its "# runtime.MemStats" block:
 * its stacks are the .pb.gz's again (whose totals the summary keeps), so
 * only that block is parsed, not the ~200 KB of text before it (half the
 * CPU of polling at 0.2 s). Not a heap text with that block: an error. */
static gboolean
summarise_memstats_text (SmolderLiveSummary  *summary,
                         GFile               *file,
                         const SmolderLimits *limits,
                         GCancellable        *cancellable,
                         GError             **error)
{
  static const char marker[] = "# runtime.MemStats";
  g_autofree char *data = NULL;
  g_autofree SmolderMemStats *ms = g_new0 (SmolderMemStats, 1);
  const char *block = NULL;
  gsize len = 0;

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, error))
    return FALSE;
  if (limits != NULL && len > limits->max_input_bytes)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TOO_LARGE,
                   "%" G_GSIZE_FORMAT " bytes, more than the %" G_GUINT64_FORMAT " allowed",
                   len, limits->max_input_bytes);
      return FALSE;
    }
  /* The block ends the text: the last line starting with the marker. */
  for (const char *p = data + len; p > data && block == NULL; p--)
    if ((p - 1 == data || p[-2] == '\n') && p[-1] == '#' &&
        (gsize) (data + len - (p - 1)) >= sizeof marker - 1 &&
        memcmp (p - 1, marker, sizeof marker - 1) == 0)
      block = p - 1;
  if (block == NULL)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_DECODE,
                   "not a heap profile with ?debug=1: no \"%s\" block", marker);
      return FALSE;
    }
  if (!smolder_memstats_parse (block, data + len - block, ms, error))
    return FALSE;
  summary_set_memstats (summary, ms);
  return TRUE;
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

      if (g_str_equal (self->profile, "heap") && g_str_has_suffix (f->name, ".txt"))
        {
          if (!summarise_memstats_text (&self->summary, file, limits, cancellable, &local_error))
            {
              g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_DECODE,
                           "%s: %s", f->name, local_error->message);
              return FALSE;
            }
          continue;
        }
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
 * occur in MemStats byte counts, so gint64 carries them. Written by hand
 * rather than through a JsonBuilder tree: a long session at 0.2 s rewrites
 * thousands of these per index write. */

static void
append_int (GString *out,
            gint64   v)
{
  char buf[24], *p = buf + sizeof buf;
  guint64 u = v < 0 ? -(guint64) v : (guint64) v;

  do
    *--p = '0' + u % 10;
  while ((u /= 10) != 0);
  if (v < 0)
    *--p = '-';
  g_string_append_len (out, p, buf + sizeof buf - p);
}

void
smolder_live_json_append_string (GString    *out,
                                 const char *text)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *name,
               gint64      v)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
  append_int (out, v);
}

void
smolder_live_snapshot_append_json (const SmolderLiveSnapshot *self,
                                   GString                   *out)
{
  const SmolderLiveSummary *s = &self->summary;

  g_string_append (out, "{\"profile\":");
  smolder_live_json_append_string (out, self->profile);
  g_string_append_c (out, ',');
  append_member (out, "seq", self->seq);
  g_string_append_c (out, ',');
  append_member (out, "time_ms", self->time_ms);
  g_string_append (out, ",\"files\":[");
  for (guint i = 0; i < self->files->len; i++)
    {
      const SmolderLiveFile *f = self->files->pdata[i];

      g_string_append (out, i > 0 ? ",{\"name\":" : "{\"name\":");
      smolder_live_json_append_string (out, f->name);
      g_string_append (out, ",\"query\":");
      smolder_live_json_append_string (out, f->query);
      g_string_append_c (out, ',');
      append_member (out, "status", f->status);
      g_string_append_c (out, ',');
      append_member (out, "size", (gint64) f->size);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"summary\":{");
  if (s->has_memstats)
    {
      g_string_append (out, "\"memstats\":{");
      append_member (out, "heap_inuse", (gint64) s->heap_inuse);
      g_string_append_c (out, ',');
      append_member (out, "heap_alloc", (gint64) s->heap_alloc);
      g_string_append_c (out, ',');
      append_member (out, "heap_objects", (gint64) s->heap_objects);
      g_string_append_c (out, ',');
      append_member (out, "sys", (gint64) s->sys);
      g_string_append_c (out, ',');
      append_member (out, "next_gc", (gint64) s->next_gc);
      g_string_append_c (out, ',');
      append_member (out, "num_gc", s->num_gc);
      g_string_append (out, ",\"pauses\":[");
      for (guint i = 0; i < s->n_pauses; i++)
        {
          g_string_append (out, i > 0 ? ",[" : "[");
          append_int (out, (gint64) s->pause_end[i]);
          g_string_append_c (out, ',');
          append_int (out, (gint64) s->pause_ns[i]);
          g_string_append_c (out, ']');
        }
      g_string_append (out, "]},");
    }
  if (s->goroutines >= 0)
    {
      append_member (out, "goroutines", s->goroutines);
      g_string_append_c (out, ',');
    }
  g_string_append (out, "\"totals\":[");
  for (guint i = 0; i < s->totals->len; i++)
    {
      const SmolderLiveTotal *t = &g_array_index (s->totals, SmolderLiveTotal, i);

      g_string_append (out, i > 0 ? ",{\"type\":" : "{\"type\":");
      smolder_live_json_append_string (out, t->type);
      g_string_append (out, ",\"unit\":");
      smolder_live_json_append_string (out, t->unit);
      g_string_append_c (out, ',');
      append_member (out, "total", t->total);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  if (s->functions != NULL)
    {
      g_autoptr(JsonNode) node = smolder_live_functions_to_json (s->functions, s->functions_all);
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append (out, ",\"functions\":");
      g_string_append (out, text);
    }
  g_string_append (out, "}}");
}

JsonNode *
smolder_live_snapshot_to_json (const SmolderLiveSnapshot *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  smolder_live_snapshot_append_json (self, text);
  return json_from_string (text->str, NULL);
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
