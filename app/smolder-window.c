/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window.c: header bar, tabs (SmolderPage), the empty state with
 * recent files, the file chooser and drag-and-drop of files, and the page
 * commands of the main menu, carried out by the selected page's actions.
 * Merging is in smolder-window-merge.c. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-window-private.h"
#include "smolder-connect-dialog.h"

#define RECENT_APP_NAME "Smolder"
#define RECENT_GROUP    "smolder-profile"
#define MAX_RECENT      6

G_DEFINE_FINAL_TYPE (SmolderWindow, smolder_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
smolder_window_get_settings (SmolderWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!SMOLDER_IS_APPLICATION (app))
    return NULL;

  return smolder_application_get_settings (SMOLDER_APPLICATION (app));
}

static void smolder_window_update_recent (SmolderWindow *self);

static void
smolder_window_update_view (SmolderWindow *self)
{
  gboolean has_tabs = adw_tab_view_get_n_pages (self->tab_view) > 0;
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);

  if (!has_tabs && self->recent_stale)
    smolder_window_update_recent (self);
  gtk_stack_set_visible_child_name (self->stack, has_tabs ? "tabs" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->tab_bar), has_tabs);
  adw_window_title_set_subtitle (self->window_title,
                                 selected != NULL ? adw_tab_page_get_title (selected) : NULL);
}

static int
compare_recent_by_modified (gconstpointer a,
                            gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified (ib),
                              gtk_recent_info_get_modified (ia));
}

static void
smolder_window_recent_row_activated_cb (SmolderWindow *self,
                                        AdwActionRow  *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "smolder-uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  smolder_window_open_file (self, file);
}

/* Where @file is, for a subtitle: its folder, with ~ for the home folder,
 * or its URI when not local. */
char *
_smolder_window_describe_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent != NULL && g_file_is_native (parent))
    {
      g_autofree char *path = g_file_get_path (parent);
      const char *home = g_get_home_dir ();

      if (g_str_has_prefix (path, home) && path[strlen (home)] == '/')
        return g_strconcat ("~", path + strlen (home), NULL);
      return g_steal_pointer (&path);
    }
  return g_file_get_uri (file);
}

static GtkWidget *
smolder_window_create_recent_row (SmolderWindow *self,
                                  GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *title = g_markup_escape_text (gtk_recent_info_get_display_name (info), -1);
  g_autofree char *where = _smolder_window_describe_folder (file);
  g_autofree char *where_escaped = g_markup_escape_text (where, -1);
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where_escaped);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "smolder-uri", g_strdup (uri), g_free);
  g_signal_connect_object (row, "activated",
                           G_CALLBACK (smolder_window_recent_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  return row;
}

/* The recent rows in the order of their "smolder-rank" (newest first). */
static int
compare_recent_rows (GtkListBoxRow *a,
                     GtkListBoxRow *b,
                     gpointer       user_data)
{
  guint rank_a = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "smolder-rank"));
  guint rank_b = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "smolder-rank"));

  return rank_a < rank_b ? -1 : rank_a > rank_b;
}

static void
smolder_window_update_recent (SmolderWindow *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  g_autoptr(GHashTable) old_rows = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  GList *items;
  GtkWidget *child;
  gpointer row;
  guint shown = 0;

  /* Opening a file changes the list while tabs hide it: rebuilding its rows
   * then would cost a frame of the new tab; it is rebuilt when shown. */
  if (adw_tab_view_get_n_pages (self->tab_view) > 0)
    {
      self->recent_stale = TRUE;
      return;
    }
  self->recent_stale = FALSE;

  items = gtk_recent_manager_get_items (self->recent_manager);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      /* Only profiles (not images exported from them), still there. */
      if (gtk_recent_info_has_group (info, RECENT_GROUP) && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (infos, compare_recent_by_modified);

  /* The rows of files still listed are kept and only re-ranked: new rows
   * (their styles, their text shaped) cost a frame when the last tab
   * closes (six took ~50 ms, most of the stall). */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_hash_table_insert (old_rows, g_object_get_data (G_OBJECT (child), "smolder-uri"), child);

  for (guint i = 0; i < infos->len && shown < MAX_RECENT; i++, shown++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      const char *uri = gtk_recent_info_get_uri (info);

      row = g_hash_table_lookup (old_rows, uri);
      if (row != NULL)
        {
          g_autofree char *title = g_markup_escape_text (gtk_recent_info_get_display_name (info), -1);

          g_hash_table_remove (old_rows, uri);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          g_object_set_data (G_OBJECT (row), "smolder-rank", GUINT_TO_POINTER (shown));
        }
      else
        {
          row = smolder_window_create_recent_row (self, info);
          g_object_set_data (G_OBJECT (row), "smolder-rank", GUINT_TO_POINTER (shown));
          gtk_list_box_append (self->recent_list, row);
        }
    }

  g_hash_table_iter_init (&iter, old_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    gtk_list_box_remove (self->recent_list, row);
  g_hash_table_remove_all (old_rows);
  gtk_list_box_invalidate_sort (self->recent_list);

  gtk_widget_set_visible (self->recent_box, shown > 0);
}

/* A file that loaded is a recent file. */
static void
smolder_window_page_notify_profile_cb (SmolderWindow *self,
                                       GParamSpec    *pspec,
                                       SmolderPage   *page)
{
  GFile *file = smolder_page_get_file (page);
  g_autofree char *uri = NULL;
  g_autofree char *app_exec = g_strdup_printf ("%s %%u", g_get_prgname () ? g_get_prgname () : "smolder");
  char *groups[] = { (char *) RECENT_GROUP, NULL };
  GtkRecentData data = {
    .mime_type = (char *) "application/octet-stream",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = app_exec,
    .groups = groups,
  };

  if (file == NULL || smolder_page_get_profile (page) == NULL)
    return;
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

/* A tab that failed out of sight gets a toast; the selected one shows its
 * error page already. */
static void
smolder_window_page_notify_loading_cb (SmolderWindow *self,
                                       GParamSpec    *pspec,
                                       SmolderPage   *page)
{
  const GError *error = smolder_page_get_error (page);
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);
  g_autofree char *title = NULL;

  if (smolder_page_get_loading (page) || error == NULL
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (selected != NULL && adw_tab_page_get_child (selected) == GTK_WIDGET (page))
    return;

  title = g_strdup_printf (_("Could not open “%s”"), smolder_page_get_title (page));
  smolder_window_add_toast (self, title);
}

AdwTabPage *
smolder_window_add_page (SmolderWindow *self,
                         SmolderPage   *page)
{
  AdwTabPage *tab;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (SMOLDER_IS_PAGE (page), NULL);

  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));

  g_object_bind_property (page, "title", tab, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "tooltip", tab, "tooltip", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "loading", tab, "loading", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "icon", tab, "icon", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "notify::profile",
                           G_CALLBACK (smolder_window_page_notify_profile_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::loading",
                           G_CALLBACK (smolder_window_page_notify_loading_cb),
                           self, G_CONNECT_SWAPPED);

  adw_tab_view_set_selected_page (self->tab_view, tab);
  smolder_window_update_view (self);
  return tab;
}

SmolderProfilePage *
smolder_window_open_file (SmolderWindow *self,
                          GFile         *file)
{
  SmolderProfilePage *page;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  page = smolder_profile_page_new (file);
  smolder_window_add_page (self, SMOLDER_PAGE (page));
  smolder_profile_page_load (page);

  return page;
}

SmolderProfilePage *
smolder_window_open_profile (SmolderWindow  *self,
                             SmolderProfile *profile,
                             const char     *title)
{
  SmolderProfilePage *page;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);
  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);

  page = smolder_profile_page_new_for_profile (profile, title);
  smolder_window_add_page (self, SMOLDER_PAGE (page));

  return page;
}

SmolderPage *
smolder_window_get_selected_page (SmolderWindow *self)
{
  AdwTabPage *selected;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);

  selected = adw_tab_view_get_selected_page (self->tab_view);
  return selected != NULL ? SMOLDER_PAGE (adw_tab_page_get_child (selected)) : NULL;
}

/* Page commands from the main menu and window-wide keys act on the
 * selected tab, wherever the keyboard focus is: each is the page's action
 * of that name (smolder-page.h); a page without it does nothing. */
static gboolean
smolder_window_page_command (SmolderWindow *self,
                             const char    *page_action,
                             GVariant      *param)
{
  SmolderPage *page = smolder_window_get_selected_page (self);

  if (page == NULL || smolder_page_get_profile (page) == NULL)
    return FALSE;
  return gtk_widget_activate_action_variant (GTK_WIDGET (page), page_action, param);
}

static void
smolder_window_export_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  SmolderWindow *self = SMOLDER_WINDOW (widget);

  if (!smolder_window_page_command (self, "page.export", NULL))
    smolder_window_add_toast (self, _("Open a profile first"));
}

static void
smolder_window_find_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  smolder_window_page_command (SMOLDER_WINDOW (widget), "page.search", NULL);
}

static void
smolder_window_undo_filter_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  smolder_window_page_command (SMOLDER_WINDOW (widget), "page.undo-filter", NULL);
}

static void
smolder_window_show_view_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  smolder_window_page_command (SMOLDER_WINDOW (widget), "page.show-view", param);
}

guint
smolder_window_open_file_list (SmolderWindow *self,
                               GdkFileList   *files)
{
  GSList *list;
  guint n = 0;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), 0);
  g_return_val_if_fail (files != NULL, 0);

  list = gdk_file_list_get_files (files);
  for (GSList *l = list; l != NULL; l = l->next, n++)
    smolder_window_open_file (self, G_FILE (l->data));
  if (n >= 3)
    {
      g_autoptr(GPtrArray) array = g_ptr_array_new ();

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (array, l->data);
      _smolder_window_offer_suspects (self, (GFile * const *) array->pdata, array->len);
    }
  g_slist_free (list);

  return n;
}

static gboolean
smolder_window_drop_target_drop_cb (SmolderWindow *self,
                                    const GValue  *value,
                                    double         x,
                                    double         y,
                                    GtkDropTarget *target)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  return smolder_window_open_file_list (self, g_value_get_boxed (value)) > 0;
}

static void
smolder_window_chooser_response_cb (SmolderWindow        *self,
                                    int                   response,
                                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          smolder_window_open_file (self, file);
        }
    }

  g_clear_object (&self->chooser);
}

void
smolder_window_show_open_dialog (SmolderWindow *self)
{
  g_autoptr(GtkFileFilter) profiles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char *patterns[] = {
    "*.pb.gz", "*.pb", "*.pprof", "*.prof", "*.gz", "*.out", "*.txt", "*.profile",
  };

  g_return_if_fail (SMOLDER_IS_WINDOW (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open Profiles"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);

  gtk_file_filter_set_name (profiles, _("Go Profiles"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (profiles, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), profiles);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (smolder_window_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
smolder_window_add_toast (SmolderWindow *self,
                          const char    *title)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (SMOLDER_IS_WINDOW (self));

  /* Titles are markup in AdwToast. */
  escaped = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

AdwTabView *
smolder_window_get_tab_view (SmolderWindow *self)
{
  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);

  return self->tab_view;
}

/* Connect to Service… (Ctrl+L): the dialog opens a live page on success. */
static void
smolder_window_connect_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  gtk_window_present (GTK_WINDOW (smolder_connect_dialog_new (SMOLDER_WINDOW (widget))));
}

static void
smolder_window_close_tab_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  SmolderWindow *self = SMOLDER_WINDOW (widget);
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);

  if (selected != NULL)
    adw_tab_view_close_page (self->tab_view, selected);
}

static gboolean
smolder_window_close_request (GtkWindow *window)
{
  SmolderWindow *self = SMOLDER_WINDOW (window);
  GSettings *settings = smolder_window_get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (smolder_window_parent_class)->close_request (window);
}

static void
smolder_window_constructed (GObject *object)
{
  SmolderWindow *self = SMOLDER_WINDOW (object);
  GSettings *settings;

  G_OBJECT_CLASS (smolder_window_parent_class)->constructed (object);

  /* A development build: libadwaita's striped header bar. */
  if (SMOLDER_DEVEL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  settings = smolder_window_get_settings (self);
  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

static void
smolder_window_dispose (GObject *object)
{
  SmolderWindow *self = SMOLDER_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->recent_manager);
  g_cancellable_cancel (self->merge_cancellable);
  g_clear_object (&self->merge_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SMOLDER_TYPE_WINDOW);

  G_OBJECT_CLASS (smolder_window_parent_class)->dispose (object);
}

static void
smolder_window_class_init (SmolderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = smolder_window_constructed;
  object_class->dispose = smolder_window_dispose;
  window_class->close_request = smolder_window_close_request;

  g_type_ensure (SMOLDER_TYPE_PROFILE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/smolder/Smolder/smolder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmolderWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SmolderWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmolderWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, SmolderWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, SmolderWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SmolderWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, SmolderWindow, recent_list);

  gtk_widget_class_install_action (widget_class, "window.close-tab", NULL,
                                   smolder_window_close_tab_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close-tab", NULL);
  gtk_widget_class_install_action (widget_class, "window.connect", NULL,
                                   smolder_window_connect_action);
  _smolder_window_class_init_merge (widget_class);
  _smolder_window_class_init_suspects (widget_class);
  _smolder_window_class_init_compare (widget_class);
  _smolder_window_class_init_sessions (widget_class);
  gtk_widget_class_install_action (widget_class, "window.export-flame-graph", NULL,
                                   smolder_window_export_action);
  gtk_widget_class_install_action (widget_class, "window.find", NULL,
                                   smolder_window_find_action);
  gtk_widget_class_install_action (widget_class, "window.undo-filter", NULL,
                                   smolder_window_undo_filter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "window.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "window.undo-filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "window.export-flame-graph", NULL);
  /* Alt+1/2/3 pick the view wherever the keyboard focus is (the header bar too). */
  gtk_widget_class_install_action (widget_class, "window.show-view", "s",
                                   smolder_window_show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "window.show-view", "s", "flame");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "window.show-view", "s", "top");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "window.show-view", "s", "callers");
}

static void
smolder_window_init (SmolderWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop",
                           G_CALLBACK (smolder_window_drop_target_drop_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  /* Alt+1/2/3 pick a page's view (page.show-view); the tab
   * view would take them to pick a tab when several are open. */
  adw_tab_view_remove_shortcuts (self->tab_view, ADW_TAB_VIEW_SHORTCUT_ALT_DIGITS);

  g_signal_connect_object (self->tab_view, "notify::n-pages",
                           G_CALLBACK (smolder_window_update_view),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (smolder_window_update_view),
                           self, G_CONNECT_SWAPPED);

  gtk_list_box_set_sort_func (self->recent_list, compare_recent_rows, NULL, NULL);
  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (smolder_window_update_recent),
                           self, G_CONNECT_SWAPPED);
  smolder_window_update_recent (self);
  smolder_window_update_view (self);
}

SmolderWindow *
smolder_window_new (SmolderApplication *application)
{
  return g_object_new (SMOLDER_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
