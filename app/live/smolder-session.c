/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-session.c: the session folder and its index. */
#include "smolder-session.h"
#include "smolder-live-error.h"
#include "smolder-session-store.h"

#include <string.h>

#define INDEX_NAME "session.json"
#define INDEX_FORMAT "smolder-session"
#define INDEX_VERSION 1

struct _SmolderSession
{
  GObject    parent_instance;

  GFile     *dir;
  char      *endpoint;     /* without credentials */
  gint64     start_ms;
  GPtrArray *snapshots;    /* SmolderLiveSnapshot, by seq then profile */
  guint      n_recovered;
  guint      max_seq;
  gboolean   held;         /* in the store's in-use set (recording or shown) */

  gboolean   saving;       /* an async write is in flight */
  gboolean   dirty;        /* and another is due after it */
  guint      save_timer;   /* a write due later (see request_save) */
  gint64     last_save;    /* monotonic µs */
  gsize      index_size;   /* bytes of the last index written */
};

/* The index is written at most once a second, and no faster than
 * SAVE_BYTES_PER_SECOND on average: at 0.2 s a 10-minute session's index
 * holds 6,000 snapshots (a few MB), which a write a second would put on the
 * disk again and again. The bodies are on disk before their snapshot joins
 * the index, so a crash in between loses nothing: reopening recovers them. */
#define SAVE_EVERY_US G_USEC_PER_SEC
#define SAVE_BYTES_PER_SECOND (1024 * 1024)
#define WRITE_CHUNK (64 * 1024)

G_DEFINE_FINAL_TYPE (SmolderSession, smolder_session, G_TYPE_OBJECT)

static void
smolder_session_finalize (GObject *object)
{
  SmolderSession *self = SMOLDER_SESSION (object);

  g_clear_handle_id (&self->save_timer, g_source_remove);
  if (self->held)
    smolder_session_store_release (self->dir);
  g_clear_object (&self->dir);
  g_free (self->endpoint);
  g_ptr_array_unref (self->snapshots);

  G_OBJECT_CLASS (smolder_session_parent_class)->finalize (object);
}

static void
smolder_session_class_init (SmolderSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_session_finalize;
}

static void
smolder_session_init (SmolderSession *self)
{
  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_live_snapshot_free);
}

GFile *
smolder_session_get_default_root (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "smolder", "sessions", NULL);
}

char *
smolder_session_file_name (const char *profile,
                           guint       seq,
                           gboolean    text)
{
  return g_strdup_printf ("%s-%04u.%s", profile, seq, text ? "txt" : "pb.gz");
}

/* "heap-0001.pb.gz" → heap, 1, FALSE. */
static gboolean
parse_file_name (const char  *name,
                 char       **profile,
                 guint       *seq,
                 gboolean    *text)
{
  const char *ext, *dash;
  guint64 v;

  if (g_str_has_suffix (name, ".pb.gz"))
    ext = name + strlen (name) - 6, *text = FALSE;
  else if (g_str_has_suffix (name, ".txt"))
    ext = name + strlen (name) - 4, *text = TRUE;
  else
    return FALSE;
  for (dash = ext; dash > name && dash[-1] != '-'; dash--)
    if (!g_ascii_isdigit (dash[-1]))
      return FALSE;
  if (dash == name || ext - dash < 4 || ext - dash > 9 || dash - 1 == name)
    return FALSE;
  v = g_ascii_strtoull (dash, NULL, 10);
  if (v == 0 || v > G_MAXUINT32)
    return FALSE;
  *profile = g_strndup (name, dash - 1 - name);
  *seq = v;
  return TRUE;
}

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b)
{
  const SmolderLiveSnapshot *x = *(SmolderLiveSnapshot * const *) a;
  const SmolderLiveSnapshot *y = *(SmolderLiveSnapshot * const *) b;

  if (x->seq != y->seq)
    return x->seq < y->seq ? -1 : 1;
  return strcmp (x->profile, y->profile);
}

/* What one index write needs, taken on the main thread: the snapshots are
 * immutable once added, and the session (held by the write) keeps them. */
typedef struct {
  SmolderSession *session;
  GFile          *index;
  char           *head;
  GPtrArray      *snapshots;   /* borrowed SmolderLiveSnapshot * */
  gsize           size;        /* written */
} IndexWrite;

static void
index_write_free (IndexWrite *w)
{
  g_clear_object (&w->session);
  g_clear_object (&w->index);
  g_free (w->head);
  g_ptr_array_unref (w->snapshots);
  g_free (w);
}

static IndexWrite *
index_write_new (SmolderSession *self)
{
  IndexWrite *w = g_new0 (IndexWrite, 1);
  GString *head = g_string_new ("{\"format\":\"" INDEX_FORMAT "\",\"version\":");

  g_string_append_printf (head, "%d,\"endpoint\":", INDEX_VERSION);
  smolder_live_json_append_string (head, self->endpoint);
  g_string_append_printf (head, ",\"start_ms\":%" G_GINT64_FORMAT ",\"snapshots\":[\n", self->start_ms);
  w->session = g_object_ref (self);
  w->index = g_file_get_child (self->dir, INDEX_NAME);
  w->head = g_string_free (head, FALSE);
  w->snapshots = g_ptr_array_sized_new (self->snapshots->len);
  for (guint i = 0; i < self->snapshots->len; i++)
    g_ptr_array_add (w->snapshots, self->snapshots->pdata[i]);
  return w;
}

/* Streams the index through a replace (a temporary file renamed over the
 * old index on close: readers see the old or the new one, never a mix), a
 * chunk at a time: no buffer as large as the index. */
static gboolean
index_write_run (IndexWrite    *w,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileOutputStream) out = g_file_replace (w->index, NULL, FALSE, G_FILE_CREATE_NONE,
                                                     cancellable, error);
  g_autoptr(GString) buf = g_string_sized_new (WRITE_CHUNK + 4096);

  if (out == NULL)
    return FALSE;
  g_string_append (buf, w->head);
  for (guint i = 0; i < w->snapshots->len; i++)
    {
      smolder_live_snapshot_append_json (w->snapshots->pdata[i], buf);
      g_string_append (buf, i + 1 < w->snapshots->len ? ",\n" : "\n");
      if (buf->len >= WRITE_CHUNK)
        {
          if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buf->str, buf->len, NULL, cancellable, error))
            return FALSE;
          w->size += buf->len;
          g_string_truncate (buf, 0);
        }
    }
  g_string_append (buf, "]}\n");
  w->size += buf->len;
  return g_output_stream_write_all (G_OUTPUT_STREAM (out), buf->str, buf->len, NULL, cancellable, error) &&
         g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

gboolean
smolder_session_save (SmolderSession  *self,
                      GError         **error)
{
  IndexWrite *w;
  gboolean ok;

  g_return_val_if_fail (SMOLDER_IS_SESSION (self), FALSE);

  /* An older async write finishing after this one would put stale data back. */
  while (self->saving)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&self->save_timer, g_source_remove);
  self->last_save = g_get_monotonic_time ();
  self->dirty = FALSE;

  w = index_write_new (self);
  ok = index_write_run (w, NULL, error);
  self->index_size = w->size;
  index_write_free (w);
  return ok;
}

static void save_async (SmolderSession *self);
static void request_save (SmolderSession *self);

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (index_write_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SmolderSession *self = SMOLDER_SESSION (source);
  IndexWrite *w = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  self->index_size = w->size;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Cannot write %s: %s", g_file_peek_path (w->index), error->message);
  if (self->dirty)
    {
      self->dirty = FALSE;
      request_save (self);
    }
}

static void
save_async (SmolderSession *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, save_done, NULL);

  self->saving = TRUE;
  self->dirty = FALSE;
  self->last_save = g_get_monotonic_time ();
  g_task_set_source_tag (task, save_async);
  g_task_set_task_data (task, index_write_new (self), (GDestroyNotify) index_write_free);
  g_task_run_in_thread (task, save_thread);
}

SmolderSession *
smolder_session_new (SmolderEndpoint  *endpoint,
                     GFile            *dir,
                     GError          **error)
{
  g_autoptr(SmolderSession) self = g_object_new (SMOLDER_TYPE_SESSION, NULL);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (endpoint), NULL);

  self->endpoint = g_strdup (smolder_endpoint_get_uri (endpoint));
  self->start_ms = g_get_real_time () / 1000;

  if (dir != NULL)
    {
      g_autoptr(GFile) index = g_file_get_child (dir, INDEX_NAME);

      if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "%s: ", g_file_peek_path (dir));
          return NULL;
        }
      if (g_file_query_exists (index, NULL))
        {
          g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION,
                       "%s already holds a session: choose another folder",
                       g_file_peek_path (dir));
          return NULL;
        }
      self->dir = g_object_ref (dir);
    }
  else
    {
      g_autoptr(GFile) root = smolder_session_get_default_root ();
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (self->start_ms / 1000);
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *host = smolder_endpoint_get_folder_name (endpoint);

      if (!g_file_make_directory_with_parents (root, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "%s: ", g_file_peek_path (root));
          return NULL;
        }
      for (guint n = 1; self->dir == NULL; n++)
        {
          g_autofree char *name = n == 1 ? g_strdup_printf ("%s-%s", host, stamp)
                                         : g_strdup_printf ("%s-%s-%u", host, stamp, n);
          g_autoptr(GFile) d = g_file_get_child (root, name);

          g_clear_error (&local_error);
          if (g_file_make_directory (d, NULL, &local_error))
            self->dir = g_object_ref (d);
          else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || n > 100)
            {
              g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                          "%s: ", g_file_peek_path (d));
              return NULL;
            }
        }
    }

  if (!smolder_session_save (self, error))
    return NULL;
  smolder_session_store_hold (self->dir);
  self->held = TRUE;
  return g_steal_pointer (&self);
}

SmolderSession *
smolder_session_new_from_index_data (GFile       *dir,
                                     const char  *data,
                                     gsize        len,
                                     GError     **error)
{
  g_autoptr(SmolderSession) self = g_object_new (SMOLDER_TYPE_SESSION, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *root, *n;
  JsonObject *o;
  JsonArray *snapshots;
  const char *where = dir ? g_file_peek_path (dir) : "session";

  self->dir = dir ? g_object_ref (dir) : NULL;
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION,
                   "%s/" INDEX_NAME ": not JSON (%s)", where, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (o == NULL || (n = json_object_get_member (o, "format")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (n) || g_strcmp0 (json_node_get_string (n), INDEX_FORMAT) != 0)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION,
                   "%s/" INDEX_NAME ": not a Smolder session index", where);
      return NULL;
    }
  if ((n = json_object_get_member (o, "version")) == NULL || !JSON_NODE_HOLDS_VALUE (n) ||
      json_node_get_value_type (n) != G_TYPE_INT64 || json_node_get_int (n) != INDEX_VERSION)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION,
                   "%s/" INDEX_NAME ": a session format this version cannot read", where);
      return NULL;
    }
  n = json_object_get_member (o, "endpoint");
  self->endpoint = g_strdup (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
                             ? json_node_get_string (n) : "");
  n = json_object_get_member (o, "start_ms");
  self->start_ms = n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64
                   ? json_node_get_int (n) : 0;
  n = json_object_get_member (o, "snapshots");
  snapshots = n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
  if (snapshots == NULL)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION,
                   "%s/" INDEX_NAME ": no snapshot list", where);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (snapshots); i++)
    {
      SmolderLiveSnapshot *s = smolder_live_snapshot_from_json (json_array_get_element (snapshots, i),
                                                                &local_error);
      g_autofree char *key = NULL;

      if (s == NULL)
        {
          g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION,
                       "%s/" INDEX_NAME ": snapshot %u: %s", where, i + 1, local_error->message);
          return NULL;
        }
      key = g_strdup_printf ("%s/%u", s->profile, s->seq);
      if (g_hash_table_contains (seen, key))
        {
          smolder_live_snapshot_free (s);
          continue;
        }
      g_hash_table_add (seen, g_steal_pointer (&key));
      self->max_seq = MAX (self->max_seq, s->seq);
      g_ptr_array_add (self->snapshots, s);
    }
  g_ptr_array_sort (self->snapshots, compare_snapshots);
  return g_steal_pointer (&self);
}

/* Files of snapshots the index does not name: bodies written before a crash
 * stopped the index write. Each is decoded for its summary. */
static gboolean
recover_files (SmolderSession  *self,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_live_snapshot_free);
  g_autoptr(GFileEnumerator) en = NULL;

  for (guint i = 0; i < self->snapshots->len; i++)
    {
      SmolderLiveSnapshot *s = self->snapshots->pdata[i];

      for (guint j = 0; j < s->files->len; j++)
        g_hash_table_add (known, ((SmolderLiveFile *) s->files->pdata[j])->name);
    }

  en = g_file_enumerate_children (self->dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                  G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                  G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                  G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                  G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (en == NULL)
    return FALSE;
  for (;;)
    {
      GFileInfo *info;
      g_autofree char *profile = NULL;
      g_autofree char *key = NULL;
      g_autofree char *query = NULL;
      const char *name;
      guint seq;
      gboolean text;
      SmolderLiveSnapshot *s;

      if (!g_file_enumerator_iterate (en, &info, NULL, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;
      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          g_hash_table_contains (known, name) ||
          !parse_file_name (name, &profile, &seq, &text))
        continue;

      key = g_strdup_printf ("%s/%u", profile, seq);
      s = g_hash_table_lookup (found, key);
      if (s == NULL)
        {
          s = smolder_live_snapshot_new (profile, seq,
                                         g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * 1000);
          g_hash_table_insert (found, g_steal_pointer (&key), s);
          g_ptr_array_add (pending, s);
        }
      /* The query as the poller asks it. */
      if (g_str_equal (profile, "goroutine-debug2"))
        query = g_strdup ("goroutine?debug=2");
      else
        query = text ? g_strconcat (profile, "?debug=1", NULL) : g_strdup (profile);
      smolder_live_snapshot_add_file (s, name, query, 0, g_file_info_get_size (info));
    }

  for (guint i = 0; i < pending->len; i++)
    {
      SmolderLiveSnapshot *s = pending->pdata[i];
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      /* A body that does not decode is left on disk, out of the index. */
      if (!smolder_live_snapshot_summarise (s, self->dir, NULL, cancellable, &local_error))
        {
          g_warning ("%s: not recovered: %s", g_file_peek_path (self->dir), local_error->message);
          continue;
        }
      pending->pdata[i] = NULL;
      self->max_seq = MAX (self->max_seq, s->seq);
      g_ptr_array_add (self->snapshots, s);
      self->n_recovered++;
    }
  g_ptr_array_sort (self->snapshots, compare_snapshots);
  return TRUE;
}

SmolderSession *
smolder_session_open (GFile         *dir,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) index = g_file_get_child (dir, INDEX_NAME);
  g_autoptr(SmolderSession) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_load_contents (index, cancellable, &data, &len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION,
                     "%s is not a session folder (no " INDEX_NAME ")", g_file_peek_path (dir));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self = smolder_session_new_from_index_data (dir, data, len, error);
  if (self == NULL || !recover_files (self, cancellable, error))
    return NULL;
  /* The index catches up with the files (best effort: a read-only folder still opens). */
  if (self->n_recovered > 0)
    {
      IndexWrite *w = index_write_new (self);

      if (!index_write_run (w, cancellable, &local_error))
        g_debug ("%s: index not updated: %s", g_file_peek_path (dir), local_error->message);
      index_write_free (w);
    }
  smolder_session_store_hold (dir);
  self->held = TRUE;
  return g_steal_pointer (&self);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SmolderSession *self = smolder_session_open (task_data, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
smolder_session_open_async (GFile               *dir,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, smolder_session_open_async);
  g_task_set_task_data (task, g_object_ref (dir), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

SmolderSession *
smolder_session_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
smolder_session_get_dir (SmolderSession *self)
{
  g_return_val_if_fail (SMOLDER_IS_SESSION (self), NULL);
  return self->dir;
}

const char *
smolder_session_get_endpoint (SmolderSession *self)
{
  g_return_val_if_fail (SMOLDER_IS_SESSION (self), NULL);
  return self->endpoint;
}

gint64
smolder_session_get_start_ms (SmolderSession *self)
{
  g_return_val_if_fail (SMOLDER_IS_SESSION (self), 0);
  return self->start_ms;
}

guint
smolder_session_get_n_recovered (SmolderSession *self)
{
  g_return_val_if_fail (SMOLDER_IS_SESSION (self), 0);
  return self->n_recovered;
}

guint
smolder_session_get_n_snapshots (SmolderSession *self)
{
  g_return_val_if_fail (SMOLDER_IS_SESSION (self), 0);
  return self->snapshots->len;
}

const SmolderLiveSnapshot *
smolder_session_get_snapshot (SmolderSession *self,
                              guint           index)
{
  g_return_val_if_fail (SMOLDER_IS_SESSION (self), NULL);
  g_return_val_if_fail (index < self->snapshots->len, NULL);
  return self->snapshots->pdata[index];
}

guint
smolder_session_next_seq (SmolderSession *self)
{
  g_return_val_if_fail (SMOLDER_IS_SESSION (self), 1);
  return self->max_seq + 1;
}

static gboolean
save_due (gpointer user_data)
{
  SmolderSession *self = user_data;

  self->save_timer = 0;
  if (self->saving)
    self->dirty = TRUE;
  else
    save_async (self);
  return G_SOURCE_REMOVE;
}

/* One write in flight at most, spaced as SAVE_EVERY_US and
 * SAVE_BYTES_PER_SECOND say. */
static void
request_save (SmolderSession *self)
{
  gint64 since = g_get_monotonic_time () - self->last_save;
  gint64 gap = MAX (SAVE_EVERY_US, (gint64) self->index_size * G_USEC_PER_SEC / SAVE_BYTES_PER_SECOND);

  if (self->saving)
    self->dirty = TRUE;
  else if (self->save_timer != 0)
    return;
  else if (since >= gap)
    save_async (self);
  else
    self->save_timer = g_timeout_add ((gap - since) / 1000 + 1, save_due, self);
}

void
smolder_session_add_snapshot (SmolderSession      *self,
                              SmolderLiveSnapshot *snapshot)
{
  g_return_if_fail (SMOLDER_IS_SESSION (self));

  self->max_seq = MAX (self->max_seq, snapshot->seq);
  g_ptr_array_add (self->snapshots, snapshot);
  /* Polls finish out of order across profiles; keep seq order. */
  if (self->snapshots->len > 1 &&
      compare_snapshots (&self->snapshots->pdata[self->snapshots->len - 2],
                         &self->snapshots->pdata[self->snapshots->len - 1]) > 0)
    g_ptr_array_sort (self->snapshots, compare_snapshots);
  request_save (self);
}

/* The bytes of the folder's files and the newest of their mtimes. */
static guint64
folder_size (GFile        *dir,
             gint64       *last_write_ms,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) en = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                             G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                             G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                             G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                             cancellable, NULL);
  guint64 size = 0;
  GFileInfo *info;

  *last_write_ms = 0;
  while (en != NULL && g_file_enumerator_iterate (en, &info, NULL, cancellable, NULL) && info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
      {
        gint64 mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * 1000;

        size += g_file_info_get_size (info);
        *last_write_ms = MAX (*last_write_ms, mtime);
      }
  return size;
}

void
smolder_session_info_free (SmolderSessionInfo *info)
{
  if (info == NULL)
    return;
  g_clear_object (&info->dir);
  g_free (info->endpoint);
  g_free (info);
}

SmolderSessionInfo *
smolder_session_get_info (SmolderSession *self)
{
  SmolderSessionInfo *info = g_new0 (SmolderSessionInfo, 1);
  gint64 last = self->start_ms;

  info->dir = g_object_ref (self->dir);
  info->endpoint = g_strdup (self->endpoint);
  info->start_ms = self->start_ms;
  info->n_snapshots = self->snapshots->len;
  for (guint i = 0; i < self->snapshots->len; i++)
    last = MAX (last, ((SmolderLiveSnapshot *) self->snapshots->pdata[i])->time_ms);
  info->span_ms = last - self->start_ms;
  info->size_on_disk = folder_size (self->dir, &info->last_write_ms, NULL);
  return info;
}

static int
compare_info_newest_first (gconstpointer a,
                           gconstpointer b)
{
  const SmolderSessionInfo *x = *(SmolderSessionInfo * const *) a;
  const SmolderSessionInfo *y = *(SmolderSessionInfo * const *) b;

  return x->start_ms < y->start_ms ? 1 : x->start_ms > y->start_ms ? -1 : 0;
}

GPtrArray *
smolder_session_list (GFile         *root,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_session_info_free);
  g_autoptr(GFile) default_root = NULL;
  g_autoptr(GFileEnumerator) en = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;
  GFile *child;

  if (root == NULL)
    root = default_root = smolder_session_get_default_root ();
  en = g_file_enumerate_children (root, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
  if (en == NULL)
    {
      /* No sessions yet is not an error. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&list);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (;;)
    {
      g_autoptr(GFile) index = NULL;
      g_autoptr(SmolderSession) session = NULL;
      g_autofree char *data = NULL;
      gsize len;

      if (!g_file_enumerator_iterate (en, &info, &child, cancellable, error))
        return NULL;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
        continue;
      index = g_file_get_child (child, INDEX_NAME);
      if (!g_file_load_contents (index, cancellable, &data, &len, NULL, NULL))
        continue;
      session = smolder_session_new_from_index_data (child, data, len, NULL);
      if (session != NULL)
        g_ptr_array_add (list, smolder_session_get_info (session));
    }
  g_ptr_array_sort (list, compare_info_newest_first);
  return g_steal_pointer (&list);
}

gboolean
smolder_session_delete (GFile         *dir,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileEnumerator) en = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;
  GFile *child;

  en = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (en == NULL)
    return FALSE;
  for (;;)
    {
      g_autofree char *profile = NULL;
      const char *name;
      guint seq;
      gboolean text;

      if (!g_file_enumerator_iterate (en, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;
      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;
      /* Only what Smolder writes: bodies, their partial downloads, the index. */
      if (g_str_equal (name, INDEX_NAME) || g_str_has_suffix (name, ".part") ||
          g_str_has_prefix (name, ".goutputstream-") ||
          parse_file_name (name, &profile, &seq, &text))
        if (!g_file_delete (child, cancellable, error))
          return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!g_file_delete (dir, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
