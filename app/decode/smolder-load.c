/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-load.c: bytes or a file into a profile: gunzip, sniff, decode. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "smolder-decoders.h"

static SmolderProfile *
decode_input (SmolderInput         *input,
              const SmolderLimits  *limits,
              GError              **error)
{
  g_autofree char *description = NULL;
  SmolderSniff sniff;

  sniff = smolder_sniff (input->data, input->len, &description);

  switch (sniff)
    {
    case SMOLDER_SNIFF_PROTO:
      return smolder_pprof_decode (input->data, input->len, limits, error);
    case SMOLDER_SNIFF_LEGACY_CPU:
      return smolder_legacy_cpu_decode (input->data, input->len, limits, error);
    case SMOLDER_SNIFF_TEXT_HEAP:
      return smolder_text_heap_decode (input, limits, error);
    case SMOLDER_SNIFF_TEXT_COUNT:
      return smolder_text_count_decode (input, limits, error);
    case SMOLDER_SNIFF_TEXT_CONTENTION:
      return smolder_text_contention_decode (input, limits, error);
    case SMOLDER_SNIFF_GOROUTINE_DUMP:
      return smolder_goroutine_dump_decode (input, limits, error);
    case SMOLDER_SNIFF_UNKNOWN:
    case SMOLDER_SNIFF_NOT_A_PROFILE:
    default:
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_UNRECOGNIZED,
                   /* TRANSLATORS: %s is what the file holds instead, e.g. "an HTML page" */
                   input->was_gzipped ? _("not a profile: it looks like %s (after gunzip)")
                                      : _("not a profile: it looks like %s"),
                   description);
      return NULL;
    }
}

SmolderProfile *
smolder_profile_new_from_bytes (GBytes               *bytes,
                                const SmolderLimits  *limits,
                                GError              **error)
{
  g_autoptr(SmolderInput) input = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  input = smolder_input_new_for_bytes (bytes, limits, error);
  if (input == NULL)
    return NULL;

  return decode_input (input, limits, error);
}

/* Errors say what is wrong and where, without the file's name: the caller
 * knows the name as the user gave it and prints "FILE: message". */
SmolderProfile *
smolder_profile_new_from_file (GFile                *file,
                               const SmolderLimits  *limits,
                               GCancellable         *cancellable,
                               GError              **error)
{
  return smolder_profile_new_from_file_full (file, limits, NULL, cancellable, error);
}

SmolderProfile *
smolder_profile_new_from_file_full (GFile                *file,
                                    const SmolderLimits  *limits,
                                    SmolderProgress      *progress,
                                    GCancellable         *cancellable,
                                    GError              **error)
{
  g_autoptr(SmolderInput) input = NULL;
  g_autoptr(GError) local = NULL;
  SmolderProfile *profile = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_peek_path (file);

  if (path != NULL)
    {
      input = smolder_input_new_for_path (path, limits, &local);
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_load_contents (file, cancellable, &contents, &len, NULL, &local))
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
          input = smolder_input_new_for_bytes (bytes, limits, &local);
        }
    }

  if (input != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &local))
    {
      input->progress = progress;
      profile = decode_input (input, limits, &local);
    }
  if (profile != NULL && progress != NULL)
    smolder_progress_set (progress, 1.0);

  if (profile != NULL && g_cancellable_set_error_if_cancelled (cancellable, &local))
    g_clear_object (&profile);

  if (profile == NULL)
    {
      g_assert (local != NULL);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  return profile;
}

typedef struct
{
  GFile           *file;
  SmolderLimits    limits;
  SmolderProgress *progress;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->progress, smolder_progress_unref);
  g_free (data);
}

static void
smolder_profile_load_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  SmolderProfile *profile;

  profile = smolder_profile_new_from_file_full (data->file, &data->limits, data->progress,
                                                cancellable, &error);
  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, g_object_unref);
}

void
smolder_profile_load_async (GFile               *file,
                            const SmolderLimits *limits,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  smolder_profile_load_with_progress_async (file, limits, NULL, cancellable, callback, user_data);
}

void
smolder_profile_load_with_progress_async (GFile               *file,
                                          const SmolderLimits *limits,
                                          SmolderProgress     *progress,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->limits = *(limits != NULL ? limits : smolder_limits_get_default ());
  data->progress = progress != NULL ? smolder_progress_ref (progress) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, smolder_profile_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, smolder_profile_load_thread);
}

SmolderProfile *
smolder_profile_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, smolder_profile_load_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
