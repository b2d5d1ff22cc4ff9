/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-functions.c: `series DIR --functions`: the live page's second
 * chart as tsv, from the same SmolderFunctionSeries the app draws. */
#include "smolder-cli-live.h"
#include "smolder-function-series.h"

/* The snapshot of @kind taken at @time_ms (the series' points carry it). */
static const SmolderLiveSnapshot *
find_snapshot (SmolderSession *session,
               const char     *profile,
               gint64          time_ms)
{
  for (guint i = 0; i < smolder_session_get_n_snapshots (session); i++)
    {
      const SmolderLiveSnapshot *s = smolder_session_get_snapshot (session, i);

      if (s->time_ms == time_ms && g_str_equal (s->profile, profile))
        return s;
    }
  return NULL;
}

int
smolder_cli_series_functions (SmolderSession *session)
{
  g_autoptr(SmolderFunctionSeries) functions = smolder_function_series_new ();
  SmolderSeries *model;

  smolder_function_series_add_session (functions, session);
  model = smolder_function_series_get_model (functions);
  g_print ("# unix_ms\tprofile\tfile\tfunction\tvalue\n");
  for (guint s = 0; s < smolder_series_get_n_series (model); s++)
    {
      SmolderFunctionKind kind;
      const char *name = smolder_function_series_get_function (functions, s, &kind);
      const char *profile = kind == SMOLDER_FUNCTION_KIND_HEAP ? "heap" : "goroutine";

      for (guint i = 0; i < smolder_series_get_n_points (model, s); i++)
        {
          gint64 t = smolder_series_get_time (model, s, i);
          const SmolderLiveSnapshot *snapshot = find_snapshot (session, profile, t);
          const char *file = snapshot != NULL && snapshot->files->len > 0
                               ? ((SmolderLiveFile *) snapshot->files->pdata[0])->name : "";

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%.0f\n", t, profile, file, name,
                   smolder_series_get_value (model, s, i));
        }
    }
  return 0;
}
