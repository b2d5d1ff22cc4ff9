/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-view-task.c: one GTask per computation, no source object (a
 * weak reference finds the owner back), results checked by generation. */

#include "smolder-view-task.h"

typedef struct {
  GWeakRef owner;
  SmolderViewTask *slot;    /* inside the owner: valid while it lives */
  guint generation;
  SmolderViewTaskFunc func;
  SmolderViewTaskDone done;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} Job;

static void
job_free (Job *job)
{
  g_weak_ref_clear (&job->owner);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
smolder_view_task_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  result = job->func (job->data, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
smolder_view_task_done (GObject      *source_object,
                        GAsyncResult *res,
                        gpointer      user_data)
{
  GTask *task = G_TASK (res);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GObject) owner = g_weak_ref_get (&job->owner);
  g_autoptr(GError) error = NULL;
  gpointer result = g_task_propagate_pointer (task, &error);

  /* Gone, or superseded by a newer start: drop it. */
  if (owner != NULL && job->generation == job->slot->generation &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&job->slot->cancellable);
      job->done (owner, result, error);
    }

  if (result != NULL && job->result_free != NULL)
    job->result_free (result);
}

void
smolder_view_task_start (SmolderViewTask     *self,
                         gpointer             owner,
                         SmolderViewTaskFunc  func,
                         gpointer             data,
                         GDestroyNotify       data_free,
                         GDestroyNotify       result_free,
                         SmolderViewTaskDone  done)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (func != NULL && done != NULL);

  smolder_view_task_cancel (self);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->owner, owner);
  job->slot = self;
  job->generation = self->generation;
  job->func = func;
  job->done = done;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (NULL, self->cancellable, smolder_view_task_done, NULL);
  g_task_set_source_tag (task, smolder_view_task_start);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, smolder_view_task_thread);
}

void
smolder_view_task_cancel (SmolderViewTask *self)
{
  g_return_if_fail (self != NULL);

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

void
smolder_view_task_clear (SmolderViewTask *self)
{
  smolder_view_task_cancel (self);
}
