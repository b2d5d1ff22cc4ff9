/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-export.c: the flame graph painter without a display. */

#include "smolder-cli-export.h"

#include "smolder-call-tree.h"
#include "smolder-cli-common.h"
#include "smolder-flame-export.h"
#include "smolder-profile.h"
#include "smolder-query.h"

#define EXIT_USAGE SMOLDER_CLI_EXIT_USAGE

typedef struct {
  SmolderCliQueryOptions query;
  char    *output;
  int      width;
  int      height;
  char    *search;
  gboolean inverted;
  gboolean icicle;
  gboolean dark;
  gboolean no_labels;
  gboolean no_title;
} ExportOptions;

static void
export_options_clear (ExportOptions *o)
{
  smolder_cli_query_options_clear (&o->query);
  g_free (o->output);
  g_free (o->search);
}

/* "heap.pb.gz, heap2.pb.gz": what the title says was exported. */
static char *
describe_sources (int    argc,
                  char **argv)
{
  g_autoptr(GString) sources = g_string_new (NULL);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);

      g_string_append_printf (sources, "%s%s", i == 1 ? "" : ", ", base);
    }
  return g_string_free (g_steal_pointer (&sources), FALSE);
}

int
smolder_cli_export (int    argc,
                    char **argv)
{
  ExportOptions o = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "Write to FILE (.svg, .png or .pdf)", "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &o.width, "Width in pixels (default 1200)", "N" },
    { "height", 0, 0, G_OPTION_ARG_INT, &o.height, "Height in pixels (default: every row)", "N" },
    { "inverted", 0, 0, G_OPTION_ARG_NONE, &o.inverted, "Leaves at the root (who allocates, then who calls)", NULL },
    { "icicle", 0, 0, G_OPTION_ARG_NONE, &o.icicle, "Root at the top instead of the bottom", NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &o.search, "Highlight frames matching RE, dim the others", "RE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &o.dark, "Use the dark palette", NULL },
    { "no-labels", 0, 0, G_OPTION_ARG_NONE, &o.no_labels, "Draw no text in the bars", NULL },
    { "no-title", 0, 0, G_OPTION_ARG_NONE, &o.no_title, "Draw no title line", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE…");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(SmolderQuery) query = NULL;
  g_autoptr(SmolderCallTree) tree = NULL;
  g_autoptr(SmolderFlameSearch) search = NULL;
  g_autofree char *title = NULL;
  SmolderFlameExportOptions options;
  SmolderFlameExportFormat format;
  int ret = 1;

  g_option_context_set_summary (context,
                                "Draw the flame graph of the profiles (merged) into an SVG, PNG or PDF file.");
  g_option_context_add_main_entries (context, entries, NULL);
  smolder_cli_query_options_add (&o.query, context);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("smolder-cli export: %s\n", error ? error->message : "expected at least one FILE");
      ret = EXIT_USAGE;
      goto out;
    }
  if (!smolder_cli_check_export_target (o.output, o.width, o.height, &format))
    {
      ret = EXIT_USAGE;
      goto out;
    }

  if (!(profile = smolder_cli_load_merged (argv + 1, argc - 1)))
    goto out;

  if (!(query = smolder_cli_query_options_build (&o.query, profile, &error)))
    {
      g_printerr ("smolder-cli export: %s\n", error->message);
      ret = error->code == SMOLDER_PROFILE_ERROR_INVALID_QUERY ? EXIT_USAGE : 1;
      goto out;
    }
  smolder_query_set_inverted (query, o.inverted);
  if (!(tree = smolder_call_tree_new (profile, query, NULL, &error)))
    {
      g_printerr ("smolder-cli: %s\n", error->message);
      goto out;
    }

  if (o.search != NULL && o.search[0] != '\0')
    {
      g_autoptr(GRegex) regex = g_regex_new (o.search, G_REGEX_OPTIMIZE, 0, &error);
      g_autofree char *summary = NULL;

      if (regex == NULL)
        {
          g_printerr ("smolder-cli export: --search: %s\n", error->message);
          ret = EXIT_USAGE;
          goto out;
        }
      search = smolder_flame_search_new (tree, regex);
      summary = smolder_flame_search_describe (search);
      g_print ("search: %s\n", summary);
    }

  smolder_flame_export_options_init (&options);
  options.width = o.width;
  options.height = o.height;
  options.orientation = o.icicle ? SMOLDER_FLAME_ORIENTATION_ICICLE : SMOLDER_FLAME_ORIENTATION_FLAME;
  options.dark = o.dark;
  options.draw_labels = !o.no_labels;
  options.search = search;
  /* The frames Go's text format did not print, as the window names them. */
  options.unprinted_label = "(frames not printed by Go)";
  if (!o.no_title)
    {
      g_autofree char *sources = describe_sources (argc, argv);

      options.title = title = smolder_flame_export_make_title (sources, tree, query, o.search);
    }

  if (!smolder_flame_export_to_file (tree, &options, format, o.output, &error))
    {
      g_printerr ("smolder-cli: %s\n", error->message);
      goto out;
    }
  ret = 0;

out:
  export_options_clear (&o);
  return ret;
}
