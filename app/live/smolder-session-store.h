/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-session-store.h: the recorded sessions as a whole: which are in
 * use in this process, listing and deleting them on workers, and the
 * retention that deletes old ones at start-up. */
#pragma once

#include <gio/gio.h>

#include "smolder-session.h"

G_BEGIN_DECLS

/* Sessions this process records or shows are held: never deleted, by
 * hand or by retention. Counted; thread-safe. SmolderSession holds its
 * folder while it lives (created, or opened with smolder_session_open). */
void       smolder_session_store_hold     (GFile *dir);
void       smolder_session_store_release  (GFile *dir);
gboolean   smolder_session_store_is_held  (GFile *dir);

/* When the session last changed: its last snapshot, or a file written
 * later (an index lagging behind its bodies), whichever is newer. */
gint64     smolder_session_info_get_last_ms (const SmolderSessionInfo *info);

/* smolder_session_list() on a worker. */
void       smolder_session_store_list_async  (GFile               *root,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *smolder_session_store_list_finish (GAsyncResult        *result,
                                              GError             **error);

/* smolder_session_delete(), refusing a held session. */
gboolean   smolder_session_store_delete        (GFile               *dir,
                                                GCancellable        *cancellable,
                                                GError             **error);
void       smolder_session_store_delete_async  (GFile               *dir,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean   smolder_session_store_delete_finish (GAsyncResult        *result,
                                                GError             **error);

/* Retention: deletes the sessions under @root (NULL: the default root)
 * whose last change (smolder_session_info_get_last_ms()) is more than
 * @days days before @now_ms. Only folders with a Smolder session index
 * are considered, held ones never, and in each only Smolder's files go
 * (see smolder_session_delete()). @days 0 keeps everything. Returns the
 * deleted folders (GFile); a folder that cannot be deleted is a warning,
 * not an error. Blocking. */
GPtrArray *smolder_session_store_prune        (GFile               *root,
                                               guint                days,
                                               gint64               now_ms,
                                               GCancellable        *cancellable,
                                               GError             **error);
void       smolder_session_store_prune_async  (GFile               *root,
                                               guint                days,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray *smolder_session_store_prune_finish (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
