/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-fleet-history.c: query_range per column, joined on time. */
#include <math.h>

#include "smolder-fleet-history.h"
#include "smolder-fleet.h"
#include "smolder-prom-client.h"

static const char *const metrics[SMOLDER_FLEET_N_COLUMNS] = {
  [SMOLDER_FLEET_HEAP_INUSE]   = "go_memstats_heap_inuse_bytes",
  [SMOLDER_FLEET_HEAP_ALLOC]   = "go_memstats_heap_alloc_bytes",
  [SMOLDER_FLEET_HEAP_OBJECTS] = "go_memstats_heap_objects",
  [SMOLDER_FLEET_SYS]          = "go_memstats_sys_bytes",
  [SMOLDER_FLEET_NEXT_GC]      = "go_memstats_next_gc_bytes",
  [SMOLDER_FLEET_NUM_GC]       = "go_gc_duration_seconds_count",
  [SMOLDER_FLEET_GOROUTINES]   = "go_goroutines",
};

const char *
smolder_fleet_column_metric (SmolderFleetColumn column)
{
  g_return_val_if_fail (column < SMOLDER_FLEET_N_COLUMNS, NULL);
  return metrics[column];
}

void
smolder_fleet_history_free (SmolderFleetHistory *history)
{
  if (history == NULL)
    return;
  g_free (history->t_ms);
  for (guint c = 0; c < SMOLDER_FLEET_N_COLUMNS; c++)
    g_free (history->values[c]);
  g_free (history);
}

static int
compare_ms (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Rows are the union of the answers' times. An instance restarted within
 * the range can answer two series for one column (a label changed): the
 * later one wins at a time both have. */
static SmolderFleetHistory *
join (GPtrArray *answers,
      gint64     step_ms)
{
  SmolderFleetHistory *h = g_new0 (SmolderFleetHistory, 1);
  g_autoptr(GHashTable) row_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));

  h->step_ms = step_ms;
  for (guint c = 0; c < answers->len; c++)
    {
      GPtrArray *series = g_ptr_array_index (answers, c);

      for (guint s = 0; s < series->len; s++)
        {
          const SmolderPromSeries *ps = g_ptr_array_index (series, s);

          for (guint i = 0; i < ps->n; i++)
            if (!g_hash_table_contains (row_of, &ps->t_ms[i]))
              {
                g_array_append_val (times, ps->t_ms[i]);
                g_hash_table_add (row_of, &ps->t_ms[i]);
              }
        }
    }
  g_array_sort (times, compare_ms);
  h->n_rows = times->len;
  h->t_ms = g_memdup2 (times->data, sizeof (gint64) * MAX (times->len, 1));
  g_hash_table_remove_all (row_of);
  for (guint r = 0; r < h->n_rows; r++)
    g_hash_table_insert (row_of, &h->t_ms[r], GUINT_TO_POINTER (r));
  for (guint c = 0; c < SMOLDER_FLEET_N_COLUMNS; c++)
    {
      GPtrArray *series = g_ptr_array_index (answers, c);

      h->values[c] = g_new (gint64, MAX (h->n_rows, 1));
      for (guint r = 0; r < h->n_rows; r++)
        h->values[c][r] = SMOLDER_FLEET_MISSING;
      for (guint s = 0; s < series->len; s++)
        {
          const SmolderPromSeries *ps = g_ptr_array_index (series, s);

          for (guint i = 0; i < ps->n; i++)
            if (isfinite (ps->v[i]))
              {
                guint r = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, &ps->t_ms[i]));

                h->values[c][r] = (gint64) llround (ps->v[i]);
              }
        }
    }
  return h;
}

static void
history_fetched (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) answers = smolder_prom_get_all_finish (result, &error);
  gint64 *step = g_task_get_task_data (task);

  if (answers == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, join (answers, *step), (GDestroyNotify) smolder_fleet_history_free);
}

void
smolder_fleet_history_async (SmolderEndpoint      *server,
                             const char           *instance,
                             const char           *job,
                             gint64                start_ms,
                             gint64                end_ms,
                             gint64                step_ms,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_prom_request_free);
  g_autofree char *inst = smolder_fleet_label_matcher ("instance", "=", instance);
  g_autofree char *jobm = smolder_fleet_label_matcher ("job", "=", job);
  char start[G_ASCII_DTOSTR_BUF_SIZE], end[G_ASCII_DTOSTR_BUF_SIZE], step[G_ASCII_DTOSTR_BUF_SIZE];

  g_task_set_source_tag (task, smolder_fleet_history_async);
  /* Seconds with a '.' whatever the locale. */
  g_ascii_formatd (start, sizeof start, "%.3f", start_ms / 1000.0);
  g_ascii_formatd (end, sizeof end, "%.3f", end_ms / 1000.0);
  g_ascii_formatd (step, sizeof step, "%.3f", step_ms / 1000.0);
  g_task_set_task_data (task, g_memdup2 (&step_ms, sizeof step_ms), g_free);
  for (guint c = 0; c < SMOLDER_FLEET_N_COLUMNS; c++)
    {
      g_autofree char *q = g_strdup_printf ("%s{%s%s%s}", metrics[c], inst, jobm[0] ? "," : "", jobm);

      g_ptr_array_add (requests, smolder_prom_request_new ("api/v1/query_range", SMOLDER_PROM_ANSWER_SERIES,
                                                           "query", q, "start", start, "end", end,
                                                           "step", step, NULL));
    }
  smolder_prom_get_all_async (server, requests, cancellable, history_fetched, task);
}

SmolderFleetHistory *
smolder_fleet_history_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
