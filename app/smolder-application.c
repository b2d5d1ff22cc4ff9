/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-application.c: one instance per session; `smolder FILE` in a
 * second process opens FILE as a tab in the running window. */

#include <glib/gi18n.h>

#include "smolder-application.h"
#include "smolder-window.h"
#include "smolder-connect-dialog.h"
#include "smolder-live-page.h"

struct _SmolderApplication
{
  AdwApplication parent_instance;

  /* owned */
  GSettings *settings;
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
    schema = g_settings_schema_source_lookup (source, SMOLDER_APP_ID, TRUE);

#ifdef SMOLDER_BUILD_SCHEMA_DIR
  if (schema == NULL
      && g_file_test (SMOLDER_BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GSettingsSchemaSource) build_source = NULL;

      build_source = g_settings_schema_source_new_from_directory (SMOLDER_BUILD_SCHEMA_DIR,
                                                                  source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, SMOLDER_APP_ID, FALSE);
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
static gboolean
smolder_application_local_command_line (GApplication   *app,
                                        char         ***arguments,
                                        int            *exit_status)
{
  static GRegex *host_port = NULL;
  char **argv = *arguments;

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
  return G_APPLICATION_CLASS (smolder_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static void
smolder_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  SmolderApplication *self = SMOLDER_APPLICATION (app);
  SmolderWindow *window = smolder_application_get_window (self);

  for (int i = 0; i < n_files; i++)
    if (g_file_has_uri_scheme (files[i], "http") || g_file_has_uri_scheme (files[i], "https"))
      smolder_application_connect (self, window, files[i]);
    else
      smolder_window_open_file (window, files[i]);

  gtk_window_present (GTK_WINDOW (window));
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
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "open", smolder_application_open_action },
  { "quit", smolder_application_quit_action },
  { "about", smolder_application_about_action },
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
  /* Ctrl+W (close the tab) is the window's own binding of window.close-tab. */

  self->settings = smolder_application_load_settings ();
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
  app_class->local_command_line = smolder_application_local_command_line;
}

static void
smolder_application_init (SmolderApplication *self)
{
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
