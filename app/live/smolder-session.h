/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-session.h: a recording on disk: one folder of standard profile
 * files plus session.json, the index, replaced atomically. */
#pragma once

#include <gio/gio.h>

#include "smolder-endpoint.h"
#include "smolder-live-snapshot.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_SESSION (smolder_session_get_type ())
G_DECLARE_FINAL_TYPE (SmolderSession, smolder_session, SMOLDER, SESSION, GObject)

/* $XDG_DATA_HOME/smolder/sessions */
GFile          *smolder_session_get_default_root (void);

/* Creates @dir (or, when NULL, <root>/<host>-<port>-<start>) and writes an
 * empty index. The endpoint is kept without its credentials. */
SmolderSession *smolder_session_new       (SmolderEndpoint  *endpoint,
                                           GFile            *dir,
                                           GError          **error);
/* Reads session.json and picks up snapshot files the index lacks (a crash
 * between writing a body and the index), decoding them for their summary.
 * Blocking: call from a worker, or use the async form. */
SmolderSession *smolder_session_open      (GFile            *dir,
                                           GCancellable     *cancellable,
                                           GError          **error);
void            smolder_session_open_async  (GFile               *dir,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
SmolderSession *smolder_session_open_finish (GAsyncResult        *result,
                                             GError             **error);

GFile          *smolder_session_get_dir      (SmolderSession *self);
const char     *smolder_session_get_endpoint (SmolderSession *self);
gint64          smolder_session_get_start_ms (SmolderSession *self);
/* Snapshots recovered from files on open (not in the index). */
guint           smolder_session_get_n_recovered (SmolderSession *self);

guint                      smolder_session_get_n_snapshots (SmolderSession *self);
const SmolderLiveSnapshot *smolder_session_get_snapshot    (SmolderSession *self,
                                                            guint           index);
/* Takes @snapshot (its files already on disk) and saves the index soon
 * (coalesced: at most one write in flight). */
void            smolder_session_add_snapshot (SmolderSession      *self,
                                              SmolderLiveSnapshot *snapshot);
/* Writes the index now (blocking; small): on exit. */
gboolean        smolder_session_save         (SmolderSession  *self,
                                              GError         **error);
/* The next free poll number (1 for a new session). */
guint           smolder_session_next_seq     (SmolderSession *self);

/* The file name for a body: "heap-0001.pb.gz", "heap-0001.txt". */
char           *smolder_session_file_name    (const char *profile,
                                              guint       seq,
                                              gboolean    text);

/* Past sessions under @root (NULL: the default root). */
typedef struct {
  GFile  *dir;
  char   *endpoint;
  gint64  start_ms;
  gint64  span_ms;
  guint   n_snapshots;
  guint64 size_on_disk;
  gint64  last_write_ms;  /* the newest mtime of a file in the folder */
} SmolderSessionInfo;

void       smolder_session_info_free (SmolderSessionInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderSessionInfo, smolder_session_info_free)

/* The same figures for an open session. */
SmolderSessionInfo *smolder_session_get_info (SmolderSession *self);
/* A GPtrArray of SmolderSessionInfo, newest first; folders without a
 * readable session.json are skipped. Blocking. */
GPtrArray *smolder_session_list          (GFile         *root,
                                          GCancellable  *cancellable,
                                          GError       **error);
/* Deletes the snapshot files, session.json and the folder; anything else
 * in it (not Smolder's) is left and the folder kept. */
gboolean   smolder_session_delete        (GFile         *dir,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* Parses session.json bytes: for tests and the fuzzer. */
SmolderSession *smolder_session_new_from_index_data (GFile       *dir,
                                                     const char  *data,
                                                     gsize        len,
                                                     GError     **error);

G_END_DECLS
