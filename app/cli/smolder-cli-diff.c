/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-diff.c: `smolder-cli diff`, per node base, new and the change,
 * with the numbers of `go tool pprof -top -diff_base=BASE NEW`. */
#include <stdio.h>

#include "smolder-cli-common.h"
#include "smolder-cli-diff.h"
#include "smolder-call-tree.h"
#include "smolder-diff.h"
#include "smolder-flame-diff.h"
#include "smolder-top.h"
#include "smolder-units.h"

static gpointer
load_base_thread (gpointer data)
{
  char * const *files = data;

  return smolder_cli_load_merged (files, g_strv_length ((char **) files));
}

SmolderProfile *
smolder_cli_load_diff (char * const *base_files,
                       char * const *files,
                       int           n_files,
                       gboolean      label_base,
                       gboolean      normalize)
{
  g_autoptr(SmolderProfile) base = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  SmolderProfile *diff;
  SmolderDiffFlags flags = SMOLDER_DIFF_NONE;

  GThread *thread;

  /* The two sides load at the same time (the engine is thread-agnostic). */
  thread = g_thread_new ("load-base", load_base_thread, (gpointer) base_files);
  profile = smolder_cli_load_merged (files, n_files);
  base = g_thread_join (thread);
  if (base == NULL || profile == NULL)
    return NULL;

  if (label_base)
    flags |= SMOLDER_DIFF_LABEL_BASE;
  if (normalize)
    flags |= SMOLDER_DIFF_NORMALIZE;
  diff = smolder_profile_diff_take (base, g_steal_pointer (&profile), flags, &error);
  if (diff == NULL)
    g_printerr ("smolder-cli: cannot compare %s with the base %s: %s\n",
                files[0], base_files[0], error->message);
  return diff;
}

typedef struct {
  SmolderCliQueryOptions query;
  char   **base;
  gboolean normalize;
  char    *format;
  int      limit;
} DiffOptions;

static void
diff_options_clear (DiffOptions *o)
{
  smolder_cli_query_options_clear (&o->query);
  g_strfreev (o->base);
  g_free (o->format);
}

static void
print_diff_tsv (SmolderTop     *top,
                SmolderProfile *profile,
                guint           n)
{
  SmolderFrames *frames = smolder_top_get_frames (top);

  smolder_cli_print_tsv_header (profile, smolder_top_get_sample_index (top), smolder_top_get_total (top));
  g_print ("# base\tnew\tdelta_flat\tdelta_cum\tname\n");
  for (guint i = 0; i < n; i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);

      g_print ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n",
               smolder_diff_row_base (row), smolder_diff_row_new (row), row->flat, row->cum,
               smolder_frames_get_name (frames, row->frame));
    }
}

/* pprof's measurement.Percentage: the magnitude. */
static double
percent (gint64 v, gint64 total)
{
  double r = total == 0 ? 0.0 : 100.0 * (double) v / (double) total;
  return r < 0 ? -r : r;
}

static void
print_diff_text (SmolderTop     *top,
                 SmolderProfile *profile,
                 guint           shown)
{
  SmolderFrames *frames = smolder_top_get_frames (top);
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, smolder_top_get_sample_index (top));
  const char *unit = smolder_profile_get_string (profile, vt->unit);
  gint64 total = smolder_top_get_total (top);
  gint64 kept = smolder_top_get_kept_total (top);
  g_autofree char *total_s = smolder_units_format (total, unit);
  g_autofree char *kept_s = smolder_units_format (kept, unit);
  gint64 sum = 0;

  g_print ("Type: %s (%s)\n", smolder_profile_get_string (profile, vt->type), unit);
  /* pprof's header: the change shown, as a share of the base's total. */
  g_print ("Showing nodes accounting for %s, %.2f%% of %s total (the base)\n",
           kept_s, percent (kept, total), total_s);
  g_print ("Showing %u of %u nodes\n", shown, smolder_top_get_n_rows (top));
  g_print ("%10s %10s %10s %8s %8s %10s %8s  %s\n", "base", "new", "delta", "delta%", "sum%",
           "delta cum", "cum%", "name");
  for (guint i = 0; i < shown; i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);
      g_autofree char *base = smolder_units_format (smolder_diff_row_base (row), unit);
      g_autofree char *new = smolder_units_format (smolder_diff_row_new (row), unit);
      g_autofree char *flat = smolder_units_format (row->flat, unit);
      g_autofree char *cum = smolder_units_format (row->cum, unit);
      SmolderDiffStatus status = smolder_diff_row_status (row);

      sum += row->flat;
      g_print ("%10s %10s %10s %7.2f%% %7.2f%% %10s %7.2f%%  %s%s%s\n", base, new, flat,
               percent (row->flat, total), percent (sum, total), cum, percent (row->cum, total),
               smolder_frames_get_name (frames, row->frame),
               status == SMOLDER_DIFF_STATUS_CHANGED ? "" : "  ",
               status == SMOLDER_DIFF_STATUS_CHANGED ? "" : smolder_diff_status_to_string (status));
    }
}

int
smolder_cli_diff (int    argc,
                  char **argv)
{
  DiffOptions o = { 0 };
  GOptionEntry entries[] = {
    { "base", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.base, "The profile to compare with (repeat to merge several)", "FILE" },
    { "normalize", 0, 0, G_OPTION_ARG_NONE, &o.normalize, "First scale the new profile to the base's total (pprof -normalize)", NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, "text (default) or tsv: base<TAB>new<TAB>delta_flat<TAB>delta_cum<TAB>name", "FORMAT" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &o.limit, "Print at most N rows", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE…");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(SmolderQuery) query = NULL;
  g_autoptr(SmolderTop) top = NULL;
  const char * const *warnings;
  gboolean tsv = FALSE;
  guint n;
  int ret = 1;

  g_option_context_set_summary (context,
    "Per node: the flat value in the base (base), in FILE (new), and the change of\n"
    "flat and cum, as go tool pprof -top -diff_base=BASE FILE prints them (percentages\n"
    "are of the base's total). Several FILEs are merged first.");
  smolder_cli_query_options_add (&o.query, context);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || o.base == NULL)
    {
      g_printerr ("smolder-cli diff: %s\n", error ? error->message :
                  o.base == NULL ? "expected --base=FILE" : "expected at least one FILE");
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }
  if (o.format != NULL && !g_str_equal (o.format, "text") && !(tsv = g_str_equal (o.format, "tsv")))
    {
      g_printerr ("smolder-cli diff: unknown format \"%s\" (use text or tsv)\n", o.format);
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }

  if (!(profile = smolder_cli_load_diff (o.base, argv + 1, argc - 1, TRUE, o.normalize)))
    goto out;

  if (!(query = smolder_cli_query_options_build (&o.query, profile, &error)))
    {
      smolder_cli_print_error (NULL, error);
      ret = error->code == SMOLDER_PROFILE_ERROR_INVALID_QUERY ? SMOLDER_CLI_EXIT_USAGE : 1;
      goto out;
    }
  if (!(top = smolder_top_new (profile, query, NULL, &error)))
    {
      smolder_cli_print_error (NULL, error);
      goto out;
    }

  warnings = smolder_top_get_warnings (top);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("smolder-cli: warning: %s\n", warnings[i]);

  n = smolder_top_get_n_rows (top);
  if (o.limit > 0 && (guint) o.limit < n)
    n = o.limit;
  if (tsv)
    print_diff_tsv (top, profile, n);
  else
    print_diff_text (top, profile, n);
  ret = 0;

out:
  diff_options_clear (&o);
  return ret;
}

/* --- export --base: the differential flame graph --- */

typedef struct {
  SmolderCliQueryOptions query;
  char   **base;
  char    *output;
  char    *threshold;
  int      width, height;
  gboolean normalize, on_base, relative, icicle, dark, no_labels, no_title;
} ExportDiffOptions;

static void
export_diff_options_clear (ExportDiffOptions *o)
{
  smolder_cli_query_options_clear (&o->query);
  g_strfreev (o->base);
  g_free (o->output);
  g_free (o->threshold);
}

static SmolderCallTree *
tree_for (SmolderProfile  *profile,
          SmolderQuery    *query,
          const char      *file)
{
  g_autoptr(GError) error = NULL;
  SmolderCallTree *tree = smolder_call_tree_new (profile, query, NULL, &error);

  if (tree == NULL)
    smolder_cli_print_error (file, error);
  return tree;
}

gboolean
smolder_cli_wants_base (int    argc,
                        char **argv)
{
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--base") || g_str_has_prefix (argv[i], "--base="))
      return TRUE;
  return FALSE;
}

int
smolder_cli_export_diff (int    argc,
                         char **argv)
{
  ExportDiffOptions o = { 0 };
  GOptionEntry entries[] = {
    { "base", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.base, "The profile to compare with (repeat to merge several)", "FILE" },
    { "normalize", 0, 0, G_OPTION_ARG_NONE, &o.normalize, "First scale FILE to the base's total (pprof -normalize)", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "Write to FILE (.svg, .png or .pdf)", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &o.width, "Width in pixels (default 1200)", "N" },
    { "height", 0, 0, G_OPTION_ARG_INT, &o.height, "Height in pixels (default: every row)", "N" },
    { "on-base", 0, 0, G_OPTION_ARG_NONE, &o.on_base, "Widths from the base (what went away still shows)", NULL },
    { "relative", 0, 0, G_OPTION_ARG_NONE, &o.relative, "Colour by change relative to the base value", NULL },
    { "threshold", 0, 0, G_OPTION_ARG_STRING, &o.threshold, "Changes below this fraction stay grey (default 0.005, relative 0.05)", "F" },
    { "icicle", 0, 0, G_OPTION_ARG_NONE, &o.icicle, "Root at the top instead of the bottom", NULL },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &o.dark, "Use the dark palette", NULL },
    { "no-labels", 0, 0, G_OPTION_ARG_NONE, &o.no_labels, "Draw no text", NULL },
    { "no-title", 0, 0, G_OPTION_ARG_NONE, &o.no_title, "Draw no title line", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("--base=BASE FILE…");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) base = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(SmolderQuery) query = NULL;
  g_autoptr(SmolderCallTree) base_tree = NULL;
  g_autoptr(SmolderCallTree) new_tree = NULL;
  g_autoptr(SmolderFlameDiff) diff = NULL;
  g_autofree char *title = NULL;
  SmolderFlameExportOptions options;
  SmolderDiffColorOptions colors;
  SmolderFlameExportFormat format;
  const SmolderValueType *vt;
  int ret = 1;

  g_option_context_set_summary (context,
    "The differential flame graph of FILE against BASE: widths from FILE (or the base with\n"
    "--on-base), growth in vermillion, shrinkage in blue, grey below the threshold.");
  g_option_context_add_main_entries (context, entries, NULL);
  smolder_cli_query_options_add (&o.query, context);
  smolder_diff_color_options_init (&colors);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("smolder-cli export: %s\n", error ? error->message : "expected at least one FILE");
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }
  if (!smolder_cli_check_export_target (o.output, o.width, o.height, &format))
    {
      ret = SMOLDER_CLI_EXIT_USAGE;
      goto out;
    }
  if (o.relative)
    {
      colors.mode = SMOLDER_DIFF_COLOR_RELATIVE;
      colors.threshold = 0.05;
    }
  if (o.threshold != NULL)
    {
      char *end = NULL;
      double t = g_ascii_strtod (o.threshold, &end);

      if (end == o.threshold || *end != '\0' || !(t >= 0.0 && t <= 1.0))
        {
          g_printerr ("smolder-cli export: --threshold must be a fraction between 0 and 1, not \"%s\"\n", o.threshold);
          ret = SMOLDER_CLI_EXIT_USAGE;
          goto out;
        }
      colors.threshold = t;
    }

  if (!(base = smolder_cli_load_merged (o.base, g_strv_length (o.base))) ||
      !(profile = smolder_cli_load_merged (argv + 1, argc - 1)))
    goto out;
  if (o.normalize)
    {
      g_autofree double *ratios = g_new (double, MAX (smolder_profile_get_n_sample_types (profile), 1));
      SmolderProfile *scaled;

      if (smolder_profile_get_n_sample_types (base) != smolder_profile_get_n_sample_types (profile))
        {
          g_printerr ("smolder-cli: cannot compare %s with the base %s: their sample types differ\n",
                      argv[1], o.base[0]);
          goto out;
        }
      smolder_profile_normalize_ratios (base, profile, ratios);
      scaled = smolder_profile_scale (profile, ratios, NULL, NULL);
      g_object_unref (profile);
      profile = scaled;
    }
  if (!(query = smolder_cli_query_options_build (&o.query, profile, &error)))
    {
      smolder_cli_print_error (NULL, error);
      ret = error->code == SMOLDER_PROFILE_ERROR_INVALID_QUERY ? SMOLDER_CLI_EXIT_USAGE : 1;
      goto out;
    }
  if (!(base_tree = tree_for (base, query, o.base[0])) || !(new_tree = tree_for (profile, query, argv[1])))
    goto out;

  diff = smolder_flame_diff_new (base_tree, new_tree, o.on_base);
  vt = smolder_profile_get_sample_type (profile, smolder_call_tree_get_sample_index (new_tree));
  smolder_flame_export_options_init (&options);
  options.width = o.width;
  options.height = o.height;
  options.orientation = o.icicle ? SMOLDER_FLAME_ORIENTATION_ICICLE : SMOLDER_FLAME_ORIENTATION_FLAME;
  options.dark = o.dark;
  options.draw_labels = !o.no_labels;
  if (!o.no_title)
    {
      const char *unit = smolder_profile_get_string (profile, vt->unit);
      g_autofree char *from = smolder_units_format (smolder_call_tree_get_total (base_tree, 0), unit);
      g_autofree char *to = smolder_units_format (smolder_call_tree_get_total (new_tree, 0), unit);
      g_autofree char *a = g_path_get_basename (o.base[0]);
      g_autofree char *b = g_path_get_basename (argv[1]);

      options.title = title = g_strdup_printf ("%s · %s → %s · %s against %s%s%s",
                                               smolder_profile_get_string (profile, vt->type), from, to, b, a,
                                               o.on_base ? " · widths from the base" : "",
                                               o.relative ? " · relative change" : "");
    }
  if (!smolder_flame_diff_export_to_file (diff, &colors, &options, smolder_profile_get_string (profile, vt->unit),
                                          format, o.output, &error))
    {
      smolder_cli_print_error (NULL, error);
      goto out;
    }
  ret = 0;

out:
  export_diff_options_clear (&o);
  return ret;
}
