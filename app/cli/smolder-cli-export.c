/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-export.c: the flame graph painter without a display. */

#include "smolder-cli-export.h"

#include "smolder-call-tree.h"
#include "smolder-flame-export.h"
#include "smolder-profile.h"
#include "smolder-query.h"
#include "smolder-units.h"

#define EXIT_USAGE 2

typedef struct {
  char    *output;
  int      width;
  int      height;
  char    *sample_index;
  char    *granularity;
  char    *focus, *ignore, *hide, *show, *show_from, *search;
  char   **tags, **tag_ignores;
  gboolean inverted;
  gboolean icicle;
  gboolean dark;
  gboolean no_labels;
  gboolean no_title;
} ExportOptions;

static void
export_options_clear (ExportOptions *o)
{
  g_free (o->output);
  g_free (o->sample_index);
  g_free (o->granularity);
  g_free (o->focus);
  g_free (o->ignore);
  g_free (o->hide);
  g_free (o->show);
  g_free (o->show_from);
  g_free (o->search);
  g_strfreev (o->tags);
  g_strfreev (o->tag_ignores);
}

static SmolderQuery *
build_query (ExportOptions   *o,
             SmolderProfile  *profile,
             GError         **error)
{
  g_autoptr(SmolderQuery) query = smolder_query_new ();
  SmolderGranularity granularity = SMOLDER_GRANULARITY_FUNCTIONS;
  guint index;

  if (!smolder_profile_lookup_sample_index (profile, o->sample_index, &index, error))
    return NULL;
  smolder_query_set_sample_index (query, index);
  if (o->granularity != NULL && !smolder_granularity_from_string (o->granularity, &granularity, error))
    return NULL;
  smolder_query_set_granularity (query, granularity);
  smolder_query_set_inverted (query, o->inverted);
  if (!smolder_query_set_focus (query, o->focus, error) ||
      !smolder_query_set_ignore (query, o->ignore, error) ||
      !smolder_query_set_hide (query, o->hide, error) ||
      !smolder_query_set_show (query, o->show, error) ||
      !smolder_query_set_show_from (query, o->show_from, error))
    return NULL;
  for (guint i = 0; o->tags != NULL && o->tags[i] != NULL; i++)
    if (!smolder_query_add_tag_focus (query, o->tags[i], error))
      return NULL;
  for (guint i = 0; o->tag_ignores != NULL && o->tag_ignores[i] != NULL; i++)
    if (!smolder_query_add_tag_ignore (query, o->tag_ignores[i], error))
      return NULL;
  return g_steal_pointer (&query);
}

/* "inuse_space · 1.23 GiB total · heap.pb.gz" */
static char *
make_title (SmolderProfile  *profile,
            SmolderCallTree *tree,
            int              argc,
            char           **argv)
{
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, smolder_call_tree_get_sample_index (tree));
  const char *unit = smolder_profile_get_string (profile, vt->unit);
  gint64 total = smolder_call_tree_get_n_nodes (tree) > 0 ? smolder_call_tree_get_total (tree, 0) : 0;
  g_autofree char *human = smolder_units_format (total, unit);
  g_autoptr(GString) title = g_string_new (NULL);

  g_string_append_printf (title, "%s · %s total", smolder_profile_get_string (profile, vt->type), human);
  if (smolder_call_tree_get_inverted (tree))
    g_string_append (title, " · inverted");
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);

      g_string_append_printf (title, "%s%s", i == 1 ? " · " : ", ", base);
    }
  return g_string_free (g_steal_pointer (&title), FALSE);
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
    { "sample-index", 0, 0, G_OPTION_ARG_STRING, &o.sample_index, "Sample type by index or name (default: the profile's)", "N|NAME" },
    { "granularity", 0, 0, G_OPTION_ARG_STRING, &o.granularity, "functions (default), lines, files or addresses", "G" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &o.focus, "Keep only samples with a frame matching RE", "RE" },
    { "ignore", 0, 0, G_OPTION_ARG_STRING, &o.ignore, "Drop samples with a frame matching RE", "RE" },
    { "hide", 0, 0, G_OPTION_ARG_STRING, &o.hide, "Remove frames matching RE from stacks", "RE" },
    { "show", 0, 0, G_OPTION_ARG_STRING, &o.show, "Keep only frames matching RE in stacks", "RE" },
    { "show-from", 0, 0, G_OPTION_ARG_STRING, &o.show_from, "Drop frames above the first match of RE", "RE" },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.tags, "Keep samples whose label KEY matches RE (repeatable)", "KEY=RE" },
    { "tag-ignore", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.tag_ignores, "Drop samples whose label KEY matches RE", "KEY=RE" },
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
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
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
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("smolder-cli export: %s\n", error ? error->message : "expected at least one FILE");
      ret = EXIT_USAGE;
      goto out;
    }
  if (o.output == NULL)
    {
      g_printerr ("smolder-cli export: --output=FILE.svg|png|pdf is required\n");
      ret = EXIT_USAGE;
      goto out;
    }
  if (!smolder_flame_export_format_from_path (o.output, &format))
    {
      g_printerr ("smolder-cli export: %s: unknown format (the name must end in .svg, .png or .pdf)\n", o.output);
      ret = EXIT_USAGE;
      goto out;
    }
  if (o.width < 0 || o.width > 32767 || o.height < 0 || o.height > 32767)
    {
      g_printerr ("smolder-cli export: --width and --height must be between 1 and 32767\n");
      ret = EXIT_USAGE;
      goto out;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      SmolderProfile *p = smolder_profile_new_from_file (file, NULL, NULL, &error);

      if (p == NULL)
        {
          g_printerr ("smolder-cli: %s: %s\n", argv[i], error->message);
          goto out;
        }
      g_ptr_array_add (profiles, p);
    }
  if (profiles->len == 1)
    profile = g_object_ref (profiles->pdata[0]);
  else if (!(profile = smolder_profile_merge ((SmolderProfile * const *) profiles->pdata, profiles->len, &error)))
    {
      g_printerr ("smolder-cli: %s\n", error->message);
      goto out;
    }

  if (!(query = build_query (&o, profile, &error)))
    {
      g_printerr ("smolder-cli export: %s\n", error->message);
      ret = error->code == SMOLDER_PROFILE_ERROR_INVALID_QUERY ? EXIT_USAGE : 1;
      goto out;
    }
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
  if (!o.no_title)
    options.title = title = make_title (profile, tree, argc, argv);

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
