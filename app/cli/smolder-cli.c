/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli: the engine and painters without a display (info, top, export). */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "smolder-cli-common.h"
#include "smolder-cli-diff.h"
#include "smolder-cli-export.h"
#include "smolder-cli-suspects.h"
#include "smolder-cli-top-text.h"
#include "smolder-cli-live.h"
#include "smolder-profile.h"
#include "smolder-query.h"
#include "smolder-tag-root.h"
#include "smolder-top.h"
#include "smolder-units.h"

#define EXIT_USAGE SMOLDER_CLI_EXIT_USAGE

static const char *usage_text =
  "Usage: smolder-cli COMMAND [OPTION…] FILE…\n"
  "\n"
  "Commands:\n"
  "  info FILE      what a profile holds: kind, sample types, totals, MemStats\n"
  "  top FILE…      flat and cumulative values per function (files are merged)\n"
  "  export FILE…   the flame graph as SVG, PNG or PDF (files are merged)\n"
  "  diff --base=A B  base, new and the change per function (pprof -diff_base)\n"
  "  suspects FILE…|DIR  what grows across 3+ snapshots, ranked as leak suspects\n"
  "  record URL     poll a /debug/pprof/ endpoint into a session folder\n"
  "  info DIR       what a recorded session holds\n"
  "  series DIR     a session's MemStats and goroutines over time (text or tsv;\n"
  "                 --functions: the top functions' in-use bytes and goroutines)\n"
  "  fleet URL      rank the Go instances a Prometheus scrapes by leak-like growth\n"
  "  history URL    one instance's runtime series from Prometheus (as series)\n"
  "  export --base=A B  the differential flame graph (growth vermillion, shrinkage blue)\n"
  "\n"
  "Run \"smolder-cli COMMAND --help\" for a command's options.\n";

static char *
format_time (gint64 nanos)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (nanos / G_GINT64_CONSTANT (1000000000));

  if (dt == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT " ns", nanos);
  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S UTC");
}

static guint
count_unnamed_locations (SmolderProfile *profile)
{
  guint n = 0;

  for (guint i = 0; i < smolder_profile_get_n_locations (profile); i++)
    {
      const SmolderLocation *loc = smolder_profile_get_location (profile, i);
      gboolean named = FALSE;

      for (guint j = 0; j < loc->n_lines && !named; j++)
        {
          const SmolderLine *line = smolder_profile_get_line (profile, loc->first_line + j);

          named = line->function != SMOLDER_NO_ID &&
                  smolder_profile_get_string (profile,
                                              smolder_profile_get_function (profile, line->function)->name)[0] != '\0';
        }
      if (!named)
        n++;
    }
  return n;
}

static void
print_memstats (const SmolderMemStats *ms)
{
  guint64 pauses[8];
  guint n = smolder_memstats_recent_pauses (ms, pauses, G_N_ELEMENTS (pauses));
  g_autofree char *heap_alloc = smolder_units_format ((gint64) ms->heap_alloc, "bytes");
  g_autofree char *heap_inuse = smolder_units_format ((gint64) ms->heap_inuse, "bytes");
  g_autofree char *heap_sys = smolder_units_format ((gint64) ms->heap_sys, "bytes");
  g_autofree char *sys = smolder_units_format ((gint64) ms->sys, "bytes");
  g_autofree char *total_alloc = smolder_units_format ((gint64) ms->total_alloc, "bytes");
  g_autofree char *next_gc = smolder_units_format ((gint64) ms->next_gc, "bytes");
  g_autofree char *stack = smolder_units_format ((gint64) ms->stack_inuse, "bytes");

  g_print ("MemStats:\n");
  g_print ("  HeapAlloc      %s (%" G_GUINT64_FORMAT " objects)\n", heap_alloc, ms->heap_objects);
  g_print ("  HeapInuse      %s of %s from the OS\n", heap_inuse, heap_sys);
  g_print ("  Sys            %s\n", sys);
  g_print ("  TotalAlloc     %s in %" G_GUINT64_FORMAT " mallocs, %" G_GUINT64_FORMAT " frees\n",
           total_alloc, ms->mallocs, ms->frees);
  g_print ("  StackInuse     %s\n", stack);
  g_print ("  NextGC         %s\n", next_gc);
  g_print ("  NumGC          %u (%u forced), GC CPU fraction %.4f%%\n",
           ms->num_gc, ms->num_forced_gc, ms->gc_cpu_fraction * 100.0);
  if (n > 0)
    {
      g_print ("  Recent pauses ");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *p = smolder_units_format ((gint64) pauses[i], "nanoseconds");
          g_print (" %s", p);
        }
      g_print ("\n");
    }
  if (ms->has_max_rss)
    {
      g_autofree char *rss = smolder_units_format ((gint64) ms->max_rss, "bytes");
      g_print ("  MaxRSS         %s\n", rss);
    }
}

static void
print_goroutine_states (SmolderProfile *profile)
{
  g_autoptr(GHashTable) states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) keys = NULL;
  guint n = smolder_profile_get_n_goroutines (profile);

  for (guint i = 0; i < n; i++)
    {
      const char *state = smolder_profile_get_string (profile, smolder_profile_get_goroutine (profile, i)->state);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (states, state));

      g_hash_table_insert (states, (gpointer) state, GUINT_TO_POINTER (count + 1));
    }
  keys = g_list_sort (g_hash_table_get_keys (states), (GCompareFunc) g_strcmp0);
  g_print ("Goroutines:    %u\n", n);
  for (GList *l = keys; l != NULL; l = l->next)
    g_print ("  %-14s %u\n", (const char *) l->data,
             GPOINTER_TO_UINT (g_hash_table_lookup (states, l->data)));
}

static int
cmd_info (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  const SmolderValueType *period_type;
  guint n_types, def;

  g_option_context_set_summary (context, "Show what a profile holds.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("smolder-cli info: %s\n", error ? error->message : "expected one FILE");
      return EXIT_USAGE;
    }

  profile = smolder_cli_load_merged (argv + 1, 1);
  if (profile == NULL)
    return 1;

  n_types = smolder_profile_get_n_sample_types (profile);
  def = smolder_profile_get_default_sample_index (profile);
  period_type = smolder_profile_get_period_type (profile);

  g_print ("File:          %s\n", argv[1]);
  g_print ("Format:        %s\n", smolder_profile_format_to_string (smolder_profile_get_format (profile)));
  g_print ("Kind:          %s\n", smolder_profile_kind_to_string (smolder_profile_get_kind (profile)));
  g_print ("Sample types:\n");
  for (guint i = 0; i < n_types; i++)
    {
      const SmolderValueType *vt = smolder_profile_get_sample_type (profile, i);
      const char *unit = smolder_profile_get_string (profile, vt->unit);
      gint64 total = smolder_profile_get_total (profile, i);
      g_autofree char *human = smolder_units_format (total, unit);

      g_print ("  %u  %-16s %-12s total %" G_GINT64_FORMAT " (%s)%s\n", i,
               smolder_profile_get_string (profile, vt->type), unit, total, human,
               i == def ? "  [default]" : "");
    }
  if (smolder_profile_get_period (profile) != 0 || period_type->type != 0)
    g_print ("Period:        %" G_GINT64_FORMAT " %s/%s\n", smolder_profile_get_period (profile),
             smolder_profile_get_string (profile, period_type->type),
             smolder_profile_get_string (profile, period_type->unit));
  if (smolder_profile_get_time_nanos (profile) != 0)
    {
      g_autofree char *when = format_time (smolder_profile_get_time_nanos (profile));
      g_print ("Time:          %s\n", when);
    }
  if (smolder_profile_get_duration_nanos (profile) != 0)
    {
      g_autofree char *dur = smolder_units_format (smolder_profile_get_duration_nanos (profile), "nanoseconds");
      g_print ("Duration:      %s\n", dur);
    }
  g_print ("Samples:       %u\n", smolder_profile_get_n_samples (profile));
  g_print ("Locations:     %u (%u without a name)\n", smolder_profile_get_n_locations (profile),
           count_unnamed_locations (profile));
  g_print ("Functions:     %u\n", smolder_profile_get_n_functions (profile));
  g_print ("Mappings:      %u\n", smolder_profile_get_n_mappings (profile));
  for (guint i = 0; i < smolder_profile_get_n_comments (profile); i++)
    g_print ("Comment:       %s\n", smolder_profile_get_comment (profile, i));
  if (smolder_profile_get_drop_frames (profile)[0] != '\0')
    g_print ("Drop frames:   %s\n", smolder_profile_get_drop_frames (profile));
  if (smolder_profile_get_keep_frames (profile)[0] != '\0')
    g_print ("Keep frames:   %s\n", smolder_profile_get_keep_frames (profile));
  if (smolder_profile_get_doc_url (profile)[0] != '\0')
    g_print ("Doc URL:       %s\n", smolder_profile_get_doc_url (profile));
  if (smolder_profile_get_n_goroutines (profile) > 0)
    print_goroutine_states (profile);
  if (smolder_profile_get_memstats (profile) != NULL)
    print_memstats (smolder_profile_get_memstats (profile));
  return 0;
}

typedef struct {
  SmolderCliQueryOptions query;
  char *format;
  int   limit;
  char **base;
  gboolean normalize;
  gboolean group_by_state;
} TopOptions;

static void
top_options_clear (TopOptions *o)
{
  smolder_cli_query_options_clear (&o->query);
  g_free (o->format);
  g_strfreev (o->base);
}

static void
print_top_tsv (SmolderTop     *top,
               SmolderProfile *profile,
               int             limit)
{
  SmolderFrames *frames = smolder_top_get_frames (top);
  guint n = smolder_top_get_n_rows (top);

  smolder_cli_print_tsv_header (profile, smolder_top_get_sample_index (top), smolder_top_get_total (top));
  if (limit > 0 && (guint) limit < n)
    n = limit;
  for (guint i = 0; i < n; i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);

      g_print ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n", row->flat, row->cum,
               smolder_frames_get_name (frames, row->frame));
    }
}

static int
cmd_top (int    argc,
         char **argv)
{
  TopOptions o = { 0 };
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, "text (default) or tsv: flat<TAB>cum<TAB>name", "FORMAT" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &o.limit, "Print at most N rows", "N" },
    { "base", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.base, "Subtract this profile first (pprof -base; repeatable)", "FILE" },
    { "normalize", 0, 0, G_OPTION_ARG_NONE, &o.normalize, "With --base: scale to the base's total first", NULL },
    { "group-by-state", 0, 0, G_OPTION_ARG_NONE, &o.group_by_state, "Goroutine dumps: the state as the root frame (pprof -tagroot=state)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE…");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(SmolderQuery) query = NULL;
  g_autoptr(SmolderTop) top = NULL;
  const char * const *warnings;
  gboolean tsv = FALSE;
  int ret = 1;

  g_option_context_set_summary (context, "Flat and cumulative values per node, as go tool pprof -top.");
  smolder_cli_query_options_add (&o.query, context);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("smolder-cli top: %s\n", error ? error->message : "expected at least one FILE");
      ret = EXIT_USAGE;
      goto out;
    }
  if (o.format != NULL && !g_str_equal (o.format, "text") && !(tsv = g_str_equal (o.format, "tsv")))
    {
      g_printerr ("smolder-cli top: unknown format \"%s\" (use text or tsv)\n", o.format);
      ret = EXIT_USAGE;
      goto out;
    }

  if (o.base != NULL)
    profile = smolder_cli_load_diff (o.base, argv + 1, argc - 1, FALSE, o.normalize);
  else
    profile = smolder_cli_load_merged (argv + 1, argc - 1);
  if (profile == NULL)
    goto out;
  if (o.group_by_state)
    {
      SmolderProfile *grouped = smolder_profile_new_tag_root (profile, "state", &error);

      if (grouped == NULL)
        {
          smolder_cli_print_error (argc == 2 ? argv[1] : NULL, error);
          goto out;
        }
      g_object_unref (profile);
      profile = grouped;
    }

  if (!(query = smolder_cli_query_options_build (&o.query, profile, &error)))
    {
      smolder_cli_print_error (argc == 2 ? argv[1] : NULL, error);
      ret = error->code == SMOLDER_PROFILE_ERROR_INVALID_QUERY ? EXIT_USAGE : 1;
      goto out;
    }

  if (!(top = smolder_top_new (profile, query, NULL, &error)))
    {
      smolder_cli_print_error (argc == 2 ? argv[1] : NULL, error);
      goto out;
    }

  warnings = smolder_top_get_warnings (top);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("smolder-cli: warning: %s\n", warnings[i]);

  if (tsv)
    print_top_tsv (top, profile, o.limit);
  else
    smolder_cli_print_top_text (top, profile, query, &o.query, o.limit);
  ret = 0;

out:
  top_options_clear (&o);
  return ret;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Numbers stay "2.71 s", never "2,71 s": the text and tsv outputs are read
   * by scripts and compared with go tool pprof, whatever the user's locale. */
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      (argc < 2 ? g_printerr : g_print) ("%s", usage_text);
      return argc < 2 ? EXIT_USAGE : 0;
    }

  if (g_str_equal (argv[1], "info") && argc == 3 && g_file_test (argv[2], G_FILE_TEST_IS_DIR))
    return smolder_cli_session_info (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "record"))
    return smolder_cli_record (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "series"))
    return smolder_cli_series (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "fleet"))
    return smolder_cli_fleet (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "history"))
    return smolder_cli_history (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "info"))
    return cmd_info (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "top"))
    return cmd_top (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "export"))
    return smolder_cli_wants_base (argc - 1, argv + 1) ? smolder_cli_export_diff (argc - 1, argv + 1)
                                                       : smolder_cli_export (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "diff"))
    return smolder_cli_diff (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "suspects"))
    return smolder_cli_suspects (argc - 1, argv + 1);

  g_printerr ("smolder-cli: unknown command \"%s\"\n\n%s", argv[1], usage_text);
  return EXIT_USAGE;
}
