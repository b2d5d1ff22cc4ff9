/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-application.c: one instance per session; `smolder FILE` in a
 * second process opens FILE as a tab in the running window; `smolder
 * --suspects DIR` opens a Leak Suspects tab (an open with hint "suspects"),
 * and `smolder --compare BASE NEW` a tab comparing the two (app.compare);
 * `smolder URL` or `smolder host:port` connects to a live endpoint. */

#include <glib/gi18n.h>

#include "smolder-application.h"
#include "smolder-connect-dialog.h"
#include "smolder-live-page.h"
#include "smolder-session-store.h"
#include "smolder-preferences-window.h"
#include "smolder-window-private.h"

struct _SmolderApplication
{
  AdwApplication parent_instance;

  /* owned */
  GSettings *settings;

  /* state */
  char ***arguments;  /* during local_command_line: what options left */
};

G_DEFINE_FINAL_TYPE (SmolderApplication, smolder_application, ADW_TYPE_APPLICATION)

/* The installed schema first; then the one compiled in the build folder, so
 * that the app and its tests run uninstalled. Without either, no settings:
 * g_settings_new() would abort. */
static GSettings *
smolder_application_load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SMOLDER_SCHEMA_ID, TRUE);

#ifdef SMOLDER_BUILD_SCHEMA_DIR
  if (schema == NULL
      && g_file_test (SMOLDER_BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GSettingsSchemaSource) build_source = NULL;

      build_source = g_settings_schema_source_new_from_directory (SMOLDER_BUILD_SCHEMA_DIR,
                                                                  source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, SMOLDER_SCHEMA_ID, FALSE);
    }
#endif

  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static SmolderWindow *
smolder_application_get_window (SmolderApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SMOLDER_IS_WINDOW (window))
    return SMOLDER_WINDOW (window);

  return smolder_window_new (self);
}

static void
smolder_application_activate (GApplication *app)
{
  SmolderApplication *self = SMOLDER_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (smolder_application_get_window (self)));
}

/* `smolder URL`: a live page; its errors show on the page (it retries). */
static void
smolder_application_connect (SmolderApplication *self,
                             SmolderWindow      *window,
                             GFile              *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(SmolderEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  guint interval_ms = SMOLDER_POLLER_DEFAULT_INTERVAL_MS;

  if (self->settings != NULL)
    interval_ms = g_settings_get_double (self->settings, "poll-interval") * 1000 + 0.5;
  endpoint = smolder_endpoint_new_parse (uri, &error);
  if (endpoint == NULL
      || smolder_live_page_open (window, endpoint, NULL, interval_ms, &error) == NULL)
    {
      smolder_window_add_toast (window, error->message);
      return;
    }
  smolder_connect_remember_endpoint (self->settings, smolder_endpoint_get_uri (endpoint));
}

/* GApplication turns "127.0.0.1:6060" into a relative file name and
 * "localhost:6060" into a URI of scheme "localhost": an argument that is
 * host:port[/path] and no existing file becomes http://host:port[/path]. */
static void
smolder_application_rewrite_host_port (char **argv)
{
  static GRegex *host_port = NULL;

  if (host_port == NULL)
    host_port = g_regex_new ("^(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]+):[0-9]{1,5}(/.*)?$", 0, 0, NULL);
  for (int i = 1; argv[i] != NULL; i++)
    if (g_regex_match (host_port, argv[i], 0, NULL)
        && !g_file_test (argv[i], G_FILE_TEST_EXISTS))
      {
        char *url = g_strconcat ("http://", argv[i], NULL);

        g_free (argv[i]);
        argv[i] = url;
      }
}

/* `smolder DIR` of a recorded session: a folder holding session.json. One
 * stat of a file the user named, the only sync I/O of an open. */
static gboolean
smolder_application_is_session_folder (GFile *file)
{
  g_autoptr(GFile) index = g_file_get_child (file, "session.json");

  return g_file_query_file_type (index, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
}

static void
smolder_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  SmolderApplication *self = SMOLDER_APPLICATION (app);
  SmolderWindow *window = smolder_application_get_window (self);

  if (g_strcmp0 (hint, "suspects") == 0)
    smolder_window_open_suspects (window, files, n_files);
  else
    {
      for (int i = 0; i < n_files; i++)
        if (g_file_has_uri_scheme (files[i], "http") || g_file_has_uri_scheme (files[i], "https"))
          smolder_application_connect (self, window, files[i]);
        else if (smolder_application_is_session_folder (files[i]))
          smolder_window_open_session (window, files[i]);
        else
          smolder_window_open_file (window, files[i]);
      _smolder_window_offer_suspects (window, files, n_files);
    }

  gtk_window_present (GTK_WINDOW (window));
}

/* --suspects DIR: handed to the primary instance as an open. */
static int
smolder_application_handle_suspects (GApplication *app,
                                     GVariantDict *options)
{
  g_autofree const char **dirs = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, "suspects", "^a&ay", &dirs))
    return -1;
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("smolder: %s\n", error->message);
      return 1;
    }
  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; dirs[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (dirs[i]));
  g_application_open (app, (GFile **) files->pdata, files->len, "suspects");
  /* A remote instance is done; the primary runs on. */
  return g_application_get_is_remote (app) ? 0 : -1;
}

static void
smolder_application_open_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  SmolderApplication *self = user_data;
  SmolderWindow *window = smolder_application_get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  smolder_window_show_open_dialog (window);
}

static void
smolder_application_quit_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  SmolderApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows so that they save their size; quit ends the rest. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
smolder_application_about_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  SmolderApplication *self = user_data;
  static const char *developers[] = { "The Smolder authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Smolder"),
                        "application-icon", SMOLDER_APP_ID,
                        "version", SMOLDER_VERSION,
                        "comments", _("Read Go pprof profiles: where the memory and the time go"),
                        "developer-name", _("The Smolder authors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/smolder/smolder",
                        "issue-url", "https://github.com/smolder/smolder/issues",
                        NULL);
  /* Untranslated, the msgid itself would show as a credit. */
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);
  gtk_window_present (GTK_WINDOW (about));
}

static void
smolder_application_preferences_action (GSimpleAction *action,
                                        GVariant      *param,
                                        gpointer       user_data)
{
  SmolderApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SmolderPreferencesWindow *preferences;

  /* Without the schema (an uninstalled build missing its compiled copy)
   * there is nothing to bind. */
  if (self->settings == NULL)
    {
      g_warning ("Preferences: the %s settings schema is not installed", SMOLDER_SCHEMA_ID);
      return;
    }
  preferences = smolder_preferences_window_new (parent, self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* (ss): the base's and the new file's URIs. */
static void
smolder_application_compare_action (GSimpleAction *action,
                                    GVariant      *param,
                                    gpointer       user_data)
{
  SmolderApplication *self = user_data;
  SmolderWindow *window = smolder_application_get_window (self);
  const char *base_uri, *new_uri;
  g_autoptr(GFile) base = NULL;
  g_autoptr(GFile) new = NULL;

  g_variant_get (param, "(&s&s)", &base_uri, &new_uri);
  base = g_file_new_for_uri (base_uri);
  new = g_file_new_for_uri (new_uri);
  smolder_window_compare_files (window, base, new);
  gtk_window_present (GTK_WINDOW (window));
}

static void
smolder_application_prune_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deleted = smolder_session_store_prune_finish (result, &error);

  if (deleted == NULL)
    g_warning ("Retention: cannot list the recorded sessions: %s", error->message);
  else if (deleted->len > 0)
    g_debug ("Retention: %u recorded sessions deleted", deleted->len);
}

static const GActionEntry app_actions[] = {
  { "open", smolder_application_open_action },
  { "compare", smolder_application_compare_action, "(ss)" },
  { "quit", smolder_application_quit_action },
  { "about", smolder_application_about_action },
  { "preferences", smolder_application_preferences_action },
};

static void
smolder_application_startup (GApplication *app)
{
  SmolderApplication *self = SMOLDER_APPLICATION (app);
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (smolder_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  {
    /* The window's own action: a window binding loses Ctrl+L to the
     * focused widget (the empty state's buttons). */
    static const char *connect_accels[] = { "<Control>l", NULL };

    gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.connect", connect_accels);
  }
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  {
    static const char *preferences_accels[] = { "<Control>comma", NULL };

    gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  }
  /* Ctrl+? (win.show-help-overlay) comes with gtk/help-overlay.ui in the
   * resources: GtkApplication installs it on every window. */
  /* Ctrl+W (close the tab) is the window's own binding of window.close-tab. */

  self->settings = smolder_application_load_settings ();
  /* Recorded sessions older than the retention go, on a worker. */
  if (self->settings != NULL)
    smolder_session_store_prune_async (NULL, g_settings_get_uint (self->settings, "session-retention-days"),
                                       NULL, smolder_application_prune_cb, NULL);
}

/* --compare BASE NEW: the files become app.compare, carried out here or,
 * when Smolder already runs, by that instance. */
static int
smolder_application_handle_compare (GApplication *app,
                                    GVariantDict *options)
{
  SmolderApplication *self = SMOLDER_APPLICATION (app);
  char **files = self->arguments != NULL ? *self->arguments : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = NULL;
  g_autoptr(GFile) new = NULL;
  g_autofree char *base_uri = NULL;
  g_autofree char *new_uri = NULL;

  if (!g_variant_dict_contains (options, "compare"))
    return -1;

  /* What is left of the command line: the program, then the files. */
  if (files == NULL || g_strv_length (files) != 3)
    {
      g_printerr (_("smolder: --compare takes two files, the base and the new profile\n"));
      return 1;
    }
  base = g_file_new_for_commandline_arg (files[1]);
  new = g_file_new_for_commandline_arg (files[2]);
  base_uri = g_file_get_uri (base);
  new_uri = g_file_get_uri (new);

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("smolder: %s\n", error->message);
      return 1;
    }
  g_action_group_activate_action (G_ACTION_GROUP (app), "compare",
                                  g_variant_new ("(ss)", base_uri, new_uri));
  if (g_application_get_is_remote (app))
    {
      GDBusConnection *connection = g_application_get_dbus_connection (app);

      /* The call must leave before this process does. */
      if (connection != NULL)
        g_dbus_connection_flush_sync (connection, NULL, NULL);
      return 0;
    }
  /* The files are in the compare tab: not also one tab each. */
  g_clear_pointer (&files[1], g_free);
  g_clear_pointer (&files[2], g_free);
  return -1;
}

static int
smolder_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  int status = smolder_application_handle_compare (app, options);

  if (status != -1)
    return status;
  return smolder_application_handle_suspects (app, options);
}

/* GApplication parses the options, then hands handle_local_options the
 * options only: the files left on the command line are kept here for it. */
static gboolean
smolder_application_local_command_line (GApplication   *app,
                                        char         ***arguments,
                                        int            *exit_status)
{
  SmolderApplication *self = SMOLDER_APPLICATION (app);
  gboolean handled;

  smolder_application_rewrite_host_port (*arguments);
  self->arguments = arguments;
  handled = G_APPLICATION_CLASS (smolder_application_parent_class)->local_command_line (app, arguments, exit_status);
  self->arguments = NULL;
  return handled;
}

static void
smolder_application_dispose (GObject *object)
{
  SmolderApplication *self = SMOLDER_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (smolder_application_parent_class)->dispose (object);
}

static void
smolder_application_class_init (SmolderApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = smolder_application_dispose;

  app_class->startup = smolder_application_startup;
  app_class->activate = smolder_application_activate;
  app_class->open = smolder_application_open;
  app_class->handle_local_options = smolder_application_handle_local_options;
  app_class->local_command_line = smolder_application_local_command_line;
}

static const GOptionEntry option_entries[] = {
  { "compare", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Compare two profiles: BASE NEW"), NULL },
  { "suspects", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Find leak suspects across the snapshots in DIR (or files)"), N_("DIR") },
  { NULL }
};

static void
smolder_application_init (SmolderApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

SmolderApplication *
smolder_application_new (void)
{
  return g_object_new (SMOLDER_TYPE_APPLICATION,
                       "application-id", SMOLDER_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/smolder/Smolder",
                       NULL);
}

GSettings *
smolder_application_get_settings (SmolderApplication *self)
{
  g_return_val_if_fail (SMOLDER_IS_APPLICATION (self), NULL);

  return self->settings;
}

char *
smolder_application_dup_sample_type (SmolderApplication *self,
                                     const char         *kind)
{
  g_autoptr(GVariant) types = NULL;
  char *type = NULL;

  g_return_val_if_fail (SMOLDER_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (self->settings == NULL)
    return NULL;
  types = g_settings_get_value (self->settings, "last-sample-types");
  g_variant_lookup (types, kind, "s", &type);
  return type;
}

void
smolder_application_remember_sample_type (SmolderApplication *self,
                                          const char         *kind,
                                          const char         *sample_type)
{
  g_autoptr(GVariant) types = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  g_return_if_fail (SMOLDER_IS_APPLICATION (self));
  g_return_if_fail (kind != NULL && sample_type != NULL);

  if (self->settings == NULL)
    return;
  types = g_settings_get_value (self->settings, "last-sample-types");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, types);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, kind))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", kind, sample_type);
  g_settings_set_value (self->settings, "last-sample-types", g_variant_builder_end (&builder));
}
