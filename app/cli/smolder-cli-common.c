/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "smolder-cli-common.h"
#include "smolder-load.h"

void
smolder_cli_query_options_add (SmolderCliQueryOptions *o,
                               GOptionContext         *context)
{
  const GOptionEntry entries[] = {
    { "sample-index", 0, 0, G_OPTION_ARG_STRING, &o->sample_index, "Sample type by index or name (default: the profile's)", "N|NAME" },
    { "granularity", 0, 0, G_OPTION_ARG_STRING, &o->granularity, "functions (default), lines, files or addresses", "G" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &o->focus, "Keep only samples with a frame matching RE", "RE" },
    { "ignore", 0, 0, G_OPTION_ARG_STRING, &o->ignore, "Drop samples with a frame matching RE", "RE" },
    { "hide", 0, 0, G_OPTION_ARG_STRING, &o->hide, "Remove frames matching RE from stacks", "RE" },
    { "show", 0, 0, G_OPTION_ARG_STRING, &o->show, "Keep only frames matching RE in stacks", "RE" },
    { "show-from", 0, 0, G_OPTION_ARG_STRING, &o->show_from, "Drop frames above the first match of RE", "RE" },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->tags, "Keep samples whose label KEY matches RE (repeatable)", "KEY=RE" },
    { "tag-ignore", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->tag_ignores, "Drop samples whose label KEY matches RE", "KEY=RE" },
    { NULL }
  };

  /* GOption copies the entries; the pointers into @o stay ours. */
  g_option_context_add_main_entries (context, entries, NULL);
}

void
smolder_cli_query_options_clear (SmolderCliQueryOptions *o)
{
  g_clear_pointer (&o->sample_index, g_free);
  g_clear_pointer (&o->granularity, g_free);
  g_clear_pointer (&o->focus, g_free);
  g_clear_pointer (&o->ignore, g_free);
  g_clear_pointer (&o->hide, g_free);
  g_clear_pointer (&o->show, g_free);
  g_clear_pointer (&o->show_from, g_free);
  g_clear_pointer (&o->tags, g_strfreev);
  g_clear_pointer (&o->tag_ignores, g_strfreev);
}

SmolderQuery *
smolder_cli_query_options_build (SmolderCliQueryOptions  *o,
                                 SmolderProfile          *profile,
                                 GError                 **error)
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

void
smolder_cli_print_error (const char *file,
                         GError     *error)
{
  if (file != NULL)
    g_printerr ("smolder-cli: %s: %s\n", file, error->message);
  else
    g_printerr ("smolder-cli: %s\n", error->message);
}

SmolderProfile *
smolder_cli_load_merged (char * const *files,
                         int           n_files)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  SmolderProfile *merged;

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      SmolderProfile *p = smolder_profile_new_from_file (file, NULL, NULL, &error);
      const char * const *warnings;

      if (p == NULL)
        {
          smolder_cli_print_error (files[i], error);
          return NULL;
        }
      warnings = smolder_profile_get_warnings (p);
      for (guint w = 0; warnings[w] != NULL; w++)
        g_printerr ("smolder-cli: %s: warning: %s\n", files[i], warnings[w]);
      g_ptr_array_add (profiles, p);
    }

  if (profiles->len == 1)
    return g_object_ref (profiles->pdata[0]);

  merged = smolder_profile_merge ((SmolderProfile * const *) profiles->pdata, profiles->len, &error);
  if (merged == NULL)
    {
      /* The engine numbers the profiles; say which file is which. */
      g_autoptr(GString) which = g_string_new (NULL);

      for (int i = 0; i < n_files; i++)
        g_string_append_printf (which, "%sprofile %d is %s", i ? ", " : "", i, files[i]);
      g_printerr ("smolder-cli: cannot merge: %s (%s)\n", error->message, which->str);
    }
  return merged;
}

gboolean
smolder_cli_check_export_target (const char               *output,
                                 int                       width,
                                 int                       height,
                                 SmolderFlameExportFormat *out_format)
{
  if (output == NULL)
    {
      g_printerr ("smolder-cli export: --output=FILE.svg|png|pdf is required\n");
      return FALSE;
    }
  if (!smolder_flame_export_format_from_path (output, out_format))
    {
      g_printerr ("smolder-cli export: %s: unknown format (the name must end in .svg, .png or .pdf)\n", output);
      return FALSE;
    }
  if (width < 0 || width > 32767 || height < 0 || height > 32767)
    {
      g_printerr ("smolder-cli export: --width and --height must be between 1 and 32767\n");
      return FALSE;
    }
  return TRUE;
}

void
smolder_cli_print_tsv_header (SmolderProfile *profile,
                              guint           sample_index,
                              gint64          total)
{
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, sample_index);

  g_print ("# sample_type %s %s\n", smolder_profile_get_string (profile, vt->type),
           smolder_profile_get_string (profile, vt->unit));
  g_print ("# total %" G_GINT64_FORMAT "\n", total);
}
