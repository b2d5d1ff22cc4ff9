/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-view-task.h: what each view does to compute on a worker. A view
 * embeds one SmolderViewTask per kind of result; starting a computation
 * cancels the one in flight and bumps a generation, so that a late result
 * of an older request is dropped, never shown, and a running worker never
 * keeps its view alive. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  GCancellable *cancellable;
  guint generation;
} SmolderViewTask;

/* Runs on the worker with the task's data; returns the result or NULL
 * and sets @error. */
typedef gpointer (*SmolderViewTaskFunc) (gpointer       data,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* Back on the main thread, only while @owner lives and for the newest
 * start: the result (owned by the task; ref what you keep) or an error.
 * A cancelled computation is not reported. */
typedef void     (*SmolderViewTaskDone) (gpointer      owner,
                                         gpointer      result,
                                         const GError *error);

void smolder_view_task_start  (SmolderViewTask     *self,
                               gpointer             owner,
                               SmolderViewTaskFunc  func,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               GDestroyNotify       result_free,
                               SmolderViewTaskDone  done);
/* Drops the computation in flight, if any (e.g. nothing left to compute). */
void smolder_view_task_cancel (SmolderViewTask     *self);
/* Cancels and frees; for dispose. */
void smolder_view_task_clear  (SmolderViewTask     *self);

G_END_DECLS
