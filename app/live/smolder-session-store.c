/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-session-store.c: sessions in use, listing, deleting, retention. */
#include "smolder-session-store.h"

#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

static GMutex held_lock;
static GHashTable *held;  /* GFile → count */

void
smolder_session_store_hold (GFile *dir)
{
  g_return_if_fail (G_IS_FILE (dir));

  g_mutex_lock (&held_lock);
  if (held == NULL)
    held = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal, g_object_unref, NULL);
  if (!g_hash_table_contains (held, dir))
    g_hash_table_insert (held, g_object_ref (dir), GUINT_TO_POINTER (1));
  else
    g_hash_table_insert (held, g_object_ref (dir),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (held, dir)) + 1));
  g_mutex_unlock (&held_lock);
}

void
smolder_session_store_release (GFile *dir)
{
  guint n;

  g_return_if_fail (G_IS_FILE (dir));

  g_mutex_lock (&held_lock);
  n = held != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (held, dir)) : 0;
  if (n > 1)
    g_hash_table_insert (held, g_object_ref (dir), GUINT_TO_POINTER (n - 1));
  else if (n == 1)
    g_hash_table_remove (held, dir);
  g_mutex_unlock (&held_lock);
}

gboolean
smolder_session_store_is_held (GFile *dir)
{
  gboolean is_held;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  g_mutex_lock (&held_lock);
  is_held = held != NULL && g_hash_table_contains (held, dir);
  g_mutex_unlock (&held_lock);
  return is_held;
}

gint64
smolder_session_info_get_last_ms (const SmolderSessionInfo *info)
{
  g_return_val_if_fail (info != NULL, 0);
  return MAX (info->start_ms + info->span_ms, info->last_write_ms);
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *list = smolder_session_list (task_data, cancellable, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, (GDestroyNotify) g_ptr_array_unref);
}

void
smolder_session_store_list_async (GFile               *root,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, smolder_session_store_list_async);
  g_task_set_task_data (task, root ? g_object_ref (root) : smolder_session_get_default_root (),
                        g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
smolder_session_store_list_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
smolder_session_store_delete (GFile         *dir,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);

  if (smolder_session_store_is_held (dir))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   "%s is being recorded or shown: stop it and close its tab first",
                   g_file_peek_path (dir));
      return FALSE;
    }
  return smolder_session_delete (dir, cancellable, error);
}

static void
delete_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (smolder_session_store_delete (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
smolder_session_store_delete_async (GFile               *dir,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, smolder_session_store_delete_async);
  g_task_set_task_data (task, g_object_ref (dir), g_object_unref);
  g_task_run_in_thread (task, delete_thread);
}

gboolean
smolder_session_store_delete_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

GPtrArray *
smolder_session_store_prune (GFile         *root,
                             guint          days,
                             gint64         now_ms,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) list = NULL;
  gint64 cutoff;

  if (days == 0)
    return g_steal_pointer (&deleted);
  /* smolder_session_list() returns only folders (not symlinks) holding a
   * session.json that parses as Smolder's index: nothing else is touched. */
  list = smolder_session_list (root, cancellable, error);
  if (list == NULL)
    return NULL;
  cutoff = now_ms - (gint64) days * DAY_MS;
  for (guint i = 0; i < list->len; i++)
    {
      const SmolderSessionInfo *info = list->pdata[i];
      g_autoptr(GError) local_error = NULL;

      if (smolder_session_info_get_last_ms (info) >= cutoff)
        continue;
      if (!smolder_session_store_delete (info->dir, cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BUSY))
            g_warning ("Retention: cannot delete %s: %s", g_file_peek_path (info->dir),
                       local_error->message);
          continue;
        }
      g_ptr_array_add (deleted, g_object_ref (info->dir));
    }
  return g_steal_pointer (&deleted);
}

typedef struct {
  GFile *root;
  guint  days;
} PruneData;

static void
prune_data_free (PruneData *data)
{
  g_clear_object (&data->root);
  g_free (data);
}

static void
prune_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PruneData *data = task_data;
  GError *error = NULL;
  GPtrArray *deleted = smolder_session_store_prune (data->root, data->days, g_get_real_time () / 1000,
                                                    cancellable, &error);

  if (deleted == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, deleted, (GDestroyNotify) g_ptr_array_unref);
}

void
smolder_session_store_prune_async (GFile               *root,
                                   guint                days,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  PruneData *data = g_new0 (PruneData, 1);

  data->root = root ? g_object_ref (root) : NULL;
  data->days = days;
  g_task_set_source_tag (task, smolder_session_store_prune_async);
  g_task_set_task_data (task, data, (GDestroyNotify) prune_data_free);
  g_task_run_in_thread (task, prune_thread);
}

GPtrArray *
smolder_session_store_prune_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
