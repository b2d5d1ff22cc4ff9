/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-session.c: `info DIR` and `series DIR` on a recorded session. */
#include <string.h>

#include "smolder-cli-common.h"
#include "smolder-cli-live.h"
#include "smolder-session.h"
#include "smolder-units.h"

/* One row per poll: the heap's MemStats and the goroutine count of that poll. */
typedef struct {
  gint64                    time_ms;
  const SmolderLiveSummary *memstats;    /* NULL: not recorded */
  gint64                    goroutines;  /* -1: not recorded */
} SeriesRow;

static GArray *
collect_rows (SmolderSession *session)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (SeriesRow));
  guint last_seq = 0;

  for (guint i = 0; i < smolder_session_get_n_snapshots (session); i++)
    {
      const SmolderLiveSnapshot *s = smolder_session_get_snapshot (session, i);
      SeriesRow *row;

      if (!s->summary.has_memstats && s->summary.goroutines < 0)
        continue;
      if (rows->len == 0 || s->seq != last_seq)
        {
          SeriesRow fresh = { s->time_ms, NULL, -1 };

          g_array_append_val (rows, fresh);
          last_seq = s->seq;
        }
      row = &g_array_index (rows, SeriesRow, rows->len - 1);
      row->time_ms = MIN (row->time_ms, s->time_ms);
      if (s->summary.has_memstats)
        row->memstats = &s->summary;
      /* The count from goroutine?debug=1/pprof wins over a debug=2 dump's. */
      if (s->summary.goroutines >= 0 && (row->goroutines < 0 || g_str_equal (s->profile, "goroutine")))
        row->goroutines = s->summary.goroutines;
    }
  return rows;
}

static SmolderSession *
open_session (const char *path)
{
  g_autoptr(GFile) dir = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  SmolderSession *session = smolder_session_open (dir, NULL, &error);

  if (session == NULL)
    smolder_cli_print_error (path, error);
  else if (smolder_session_get_n_recovered (session) > 0)
    g_printerr ("smolder-cli: %s: %u snapshots recovered from files the index lacked\n",
                path, smolder_session_get_n_recovered (session));
  return session;
}

int
smolder_cli_series (int    argc,
                    char **argv)
{
  g_autofree char *format = NULL;
  gboolean functions = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "text (default) or tsv", "FORMAT" },
    { "functions", 0, 0, G_OPTION_ARG_NONE, &functions,
      "The top functions' in-use bytes and goroutines instead (tsv: unix_ms, profile, file, function, value)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderSession) session = NULL;
  g_autoptr(GArray) rows = NULL;
  gboolean tsv;

  g_option_context_set_summary (context, "The charts' data of a recorded session, one row per poll.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("smolder-cli series: %s\n", error ? error->message : "expected one DIR");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "tsv"))
    {
      g_printerr ("smolder-cli series: --format is text or tsv\n");
      return SMOLDER_CLI_EXIT_USAGE;
    }
  tsv = format != NULL && g_str_equal (format, "tsv");

  if (!(session = open_session (argv[1])))
    return 1;
  if (functions)
    return smolder_cli_series_functions (session);
  rows = collect_rows (session);

  smolder_cli_print_series_header (tsv);
  for (guint i = 0; i < rows->len; i++)
    {
      const SeriesRow *row = &g_array_index (rows, SeriesRow, i);
      const SmolderLiveSummary *m = row->memstats;
      gint64 values[SMOLDER_CLI_SERIES_N] = { -1, -1, -1, -1, -1, -1, row->goroutines };

      if (m != NULL)
        {
          values[0] = m->heap_inuse;
          values[1] = m->heap_alloc;
          values[2] = m->heap_objects;
          values[3] = m->sys;
          values[4] = m->next_gc;
          values[5] = m->num_gc;
        }
      smolder_cli_print_series_row (tsv, row->time_ms, values);
    }
  return 0;
}

int
smolder_cli_session_info (int    argc,
                          char **argv)
{
  g_autoptr(SmolderSession) session = NULL;
  g_autoptr(SmolderSessionInfo) info = NULL;
  g_autoptr(GHashTable) per_profile = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) names = NULL;
  g_autofree char *start = NULL;
  g_autofree char *size = NULL;
  g_autofree char *span = NULL;
  const SmolderLiveSnapshot *last_heap = NULL, *last_goroutine = NULL;

  if (!(session = open_session (argv[1])))
    return 1;
  info = smolder_session_get_info (session);
  for (guint i = 0; i < smolder_session_get_n_snapshots (session); i++)
    {
      const SmolderLiveSnapshot *s = smolder_session_get_snapshot (session, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_profile, s->profile));

      g_hash_table_insert (per_profile, s->profile, GUINT_TO_POINTER (n + 1));
      if (s->summary.has_memstats)
        last_heap = s;
      if (s->summary.goroutines >= 0)
        last_goroutine = s;
    }

  start = smolder_cli_format_ms (info->start_ms, "%Y-%m-%d %H:%M:%S UTC");
  size = g_format_size (info->size_on_disk);
  span = smolder_units_format_duration (info->span_ms * G_GINT64_CONSTANT (1000000));
  g_print ("Session:       %s\n", g_file_peek_path (info->dir));
  g_print ("Endpoint:      %s\n", info->endpoint);
  g_print ("Started:       %s\n", start);
  g_print ("Span:          %s\n", span);
  g_print ("Snapshots:     %u\n", info->n_snapshots);
  names = g_list_sort (g_hash_table_get_keys (per_profile), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_print ("  %-17s %u\n", (const char *) l->data,
             GPOINTER_TO_UINT (g_hash_table_lookup (per_profile, l->data)));
  g_print ("Size on disk:  %s\n", size);

  if (last_heap != NULL)
    {
      const SmolderLiveSummary *m = &last_heap->summary;
      g_autofree char *when = smolder_cli_format_ms (last_heap->time_ms, "%Y-%m-%d %H:%M:%S UTC");
      g_autofree char *inuse = smolder_units_format_bytes (m->heap_inuse);
      g_autofree char *alloc = smolder_units_format_bytes (m->heap_alloc);
      g_autofree char *sys = smolder_units_format_bytes (m->sys);
      g_autofree char *next = smolder_units_format_bytes (m->next_gc);

      g_print ("Last MemStats (%s, %s):\n", ((SmolderLiveFile *) last_heap->files->pdata[last_heap->files->len - 1])->name, when);
      g_print ("  HeapInuse      %s\n", inuse);
      g_print ("  HeapAlloc      %s (%" G_GUINT64_FORMAT " objects)\n", alloc, m->heap_objects);
      g_print ("  Sys            %s\n", sys);
      g_print ("  NextGC         %s\n", next);
      g_print ("  NumGC          %u\n", m->num_gc);
      if (m->n_pauses > 0)
        {
          g_autofree char *p = smolder_units_format_duration (m->pause_ns[m->n_pauses - 1]);

          g_print ("  Last pause     %s\n", p);
        }
    }
  if (last_goroutine != NULL)
    g_print ("Goroutines:    %" G_GINT64_FORMAT " (%s)\n", last_goroutine->summary.goroutines,
             ((SmolderLiveFile *) last_goroutine->files->pdata[0])->name);
  return 0;
}
