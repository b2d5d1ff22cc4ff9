/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-window.c: header bar, tabs of profiles, the empty state with
 * recent files, the file chooser and drag-and-drop of files, merging the
 * open profiles, and the page commands of the main menu. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-window.h"

#define RECENT_APP_NAME "Smolder"
#define MAX_RECENT      6

struct _SmolderWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  AdwTabBar *tab_bar;
  AdwTabView *tab_view;
  GtkStack *stack;
  GtkWidget *recent_box;
  GtkListBox *recent_list;

  /* owned */
  GtkFileChooserNative *chooser;
  GtkRecentManager *recent_manager;
  GCancellable *merge_cancellable;

  /* state */
  guint merging;
  gboolean recent_stale;  /* the recent list changed while tabs hid it */
};

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

static GtkWidget *
smolder_window_create_recent_row (SmolderWindow *self,
                                  GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *title = g_markup_escape_text (gtk_recent_info_get_display_name (info), -1);
  g_autofree char *where = NULL;
  g_autofree char *where_escaped = NULL;
  GtkWidget *row;

  if (parent != NULL && g_file_is_native (parent))
    {
      g_autofree char *path = g_file_get_path (parent);
      const char *home = g_get_home_dir ();

      if (g_str_has_prefix (path, home) && path[strlen (home)] == '/')
        where = g_strconcat ("~", path + strlen (home), NULL);
      else
        where = g_steal_pointer (&path);
    }
  else
    where = g_strdup (uri);
  where_escaped = g_markup_escape_text (where, -1);

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

static void
smolder_window_update_recent (SmolderWindow *self)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items;
  GtkWidget *child;
  guint shown = 0;

  /* Opening a file changes the list while tabs hide it: rebuilding its rows
   * then would cost a frame of the new tab; it is rebuilt when shown. */
  if (adw_tab_view_get_n_pages (self->tab_view) > 0)
    {
      self->recent_stale = TRUE;
      return;
    }
  self->recent_stale = FALSE;

  /* gtk_list_box_remove_all() is GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = gtk_recent_manager_get_items (self->recent_manager);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, RECENT_APP_NAME))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_recent_by_modified);
  for (guint i = 0; i < infos->len && shown < MAX_RECENT; i++, shown++)
    gtk_list_box_append (self->recent_list,
                         smolder_window_create_recent_row (self, g_ptr_array_index (infos, i)));

  gtk_widget_set_visible (self->recent_box, shown > 0);
}

static void
smolder_window_page_loaded_cb (SmolderWindow      *self,
                               SmolderProfilePage *page)
{
  GFile *file = smolder_profile_page_get_file (page);
  g_autofree char *uri = NULL;
  g_autofree char *app_exec = g_strdup_printf ("%s %%u", g_get_prgname () ? g_get_prgname () : "smolder");
  GtkRecentData data = {
    .mime_type = (char *) "application/octet-stream",
    .app_name = (char *) RECENT_APP_NAME,
    .app_exec = app_exec,
  };

  if (file == NULL)
    return;
  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (self->recent_manager, uri, &data);
}

/* A tab that failed out of sight gets a toast; the selected one shows its
 * error page already. */
static void
smolder_window_page_notify_loading_cb (SmolderWindow      *self,
                                       GParamSpec         *pspec,
                                       SmolderProfilePage *page)
{
  const GError *error = smolder_profile_page_get_error (page);
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);
  g_autofree char *title = NULL;

  if (smolder_profile_page_get_loading (page) || error == NULL
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (selected != NULL && adw_tab_page_get_child (selected) == GTK_WIDGET (page))
    return;

  title = g_strdup_printf (_("Could not open “%s”"), smolder_profile_page_get_title (page));
  smolder_window_add_toast (self, title);
}

static AdwTabPage *
smolder_window_add_page (SmolderWindow      *self,
                         SmolderProfilePage *page)
{
  AdwTabPage *tab;

  tab = adw_tab_view_append (self->tab_view, GTK_WIDGET (page));

  g_object_bind_property (page, "title", tab, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "tooltip", tab, "tooltip", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "loading", tab, "loading", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "icon", tab, "icon", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (page, "loaded",
                           G_CALLBACK (smolder_window_page_loaded_cb),
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
  smolder_window_add_page (self, page);
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
  smolder_window_add_page (self, page);

  return page;
}

/* The page of the selected tab, or NULL. */
static SmolderProfilePage *
smolder_window_get_selected_profile_page (SmolderWindow *self)
{
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);

  if (selected == NULL)
    return NULL;
  return SMOLDER_PROFILE_PAGE (adw_tab_page_get_child (selected));
}

/* --- merge --- */

typedef struct {
  GPtrArray *profiles;
  char *title;
} MergeJob;

static void
merge_job_free (MergeJob *job)
{
  g_ptr_array_unref (job->profiles);
  g_free (job->title);
  g_free (job);
}

static void
smolder_window_merge_worker (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  MergeJob *job = task_data;
  GError *error = NULL;
  SmolderProfile *merged;

  merged = smolder_profile_merge ((SmolderProfile * const *) job->profiles->pdata,
                                  job->profiles->len, &error);
  if (merged == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, merged, g_object_unref);
}

static void
smolder_window_merge_done (GObject      *source_object,
                           GAsyncResult *res,
                           gpointer      user_data)
{
  SmolderWindow *self = SMOLDER_WINDOW (source_object);
  MergeJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(SmolderProfile) merged = NULL;
  g_autoptr(GError) error = NULL;

  self->merging--;
  merged = g_task_propagate_pointer (G_TASK (res), &error);
  if (merged == NULL)
    {
      g_autofree char *title = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      title = g_strdup_printf (_("Could not merge: %s"), error->message);
      smolder_window_add_toast (self, title);
      return;
    }

  smolder_window_open_profile (self, merged, job->title);
}

/* Merges the loaded profiles of @pages (SmolderProfilePage) on a worker
 * into a new tab; returns how many it merges (0: fewer than two loaded). */
guint
smolder_window_merge_pages (SmolderWindow *self,
                            GPtrArray     *pages)
{
  g_autoptr(GTask) task = NULL;
  MergeJob *job;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), 0);

  job = g_new0 (MergeJob, 1);
  job->profiles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < pages->len; i++)
    {
      SmolderProfile *profile = smolder_profile_page_get_profile (pages->pdata[i]);

      if (profile != NULL)
        g_ptr_array_add (job->profiles, g_object_ref (profile));
    }

  if (job->profiles->len < 2)
    {
      merge_job_free (job);
      smolder_window_add_toast (self, _("Choose two or more loaded profiles of the same kind to merge them"));
      return 0;
    }

  job->title = g_strdup_printf (g_dngettext (NULL, "Merged (%u profile)", "Merged (%u profiles)",
                                             job->profiles->len),
                                job->profiles->len);
  if (self->merge_cancellable == NULL)
    self->merge_cancellable = g_cancellable_new ();

  self->merging++;
  task = g_task_new (self, self->merge_cancellable, smolder_window_merge_done, NULL);
  g_task_set_source_tag (task, smolder_window_merge_pages);
  g_task_set_task_data (task, job, (GDestroyNotify) merge_job_free);
  g_task_run_in_thread (task, smolder_window_merge_worker);

  return job->profiles->len;
}

/* The loaded pages, in tab order. */
static GPtrArray *
loaded_pages (SmolderWindow *self)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_pages = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, i));

      if (smolder_profile_page_get_profile (SMOLDER_PROFILE_PAGE (child)) != NULL)
        g_ptr_array_add (pages, g_object_ref (child));
    }
  return pages;
}

guint
smolder_window_merge_open_profiles (SmolderWindow *self)
{
  g_autoptr(GPtrArray) pages = NULL;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), 0);

  pages = loaded_pages (self);
  return smolder_window_merge_pages (self, pages);
}

static void
smolder_window_merge_dialog_response_cb (SmolderWindow    *self,
                                         const char       *response,
                                         AdwMessageDialog *dialog)
{
  GtkWidget *list = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  if (g_strcmp0 (response, "merge") != 0)
    return;

  for (GtkWidget *check = gtk_widget_get_first_child (list); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      g_ptr_array_add (chosen, g_object_get_data (G_OBJECT (check), "page"));

  smolder_window_merge_pages (self, chosen);
}

/* Asks which open profiles to merge (all checked at first); AdwTabView has
 * no multiple selection, so the choice is made here. */
AdwMessageDialog *
smolder_window_present_merge_dialog (SmolderWindow *self)
{
  g_autoptr(GPtrArray) pages = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), NULL);

  pages = loaded_pages (self);
  if (pages->len < 2)
    {
      smolder_window_add_toast (self, _("Open two or more profiles of the same kind to merge them"));
      return NULL;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Merge Profiles"),
                                                       _("The chosen profiles are added up into a new tab. "
                                                         "They must be of the same kind.")));
  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_page (self->tab_view, pages->pdata[i]);
      GtkWidget *check = gtk_check_button_new_with_label (adw_tab_page_get_title (tab));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data_full (G_OBJECT (check), "page", g_object_ref (pages->pdata[i]), g_object_unref);
      gtk_box_append (GTK_BOX (list), check);
    }
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (smolder_window_merge_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
smolder_window_get_merging (SmolderWindow *self)
{
  g_return_val_if_fail (SMOLDER_IS_WINDOW (self), FALSE);

  return self->merging > 0;
}

static void
smolder_window_merge_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  smolder_window_present_merge_dialog (SMOLDER_WINDOW (widget));
}

/* Page commands from the main menu and window-wide keys act on the
 * selected tab, wherever the keyboard focus is. */
static void
smolder_window_page_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  SmolderWindow *self = SMOLDER_WINDOW (widget);
  SmolderProfilePage *page = smolder_window_get_selected_profile_page (self);

  if (page == NULL || smolder_profile_page_get_profile (page) == NULL)
    {
      if (g_str_equal (action_name, "window.export-flame-graph"))
        smolder_window_add_toast (self, _("Open a profile first"));
      return;
    }

  if (g_str_equal (action_name, "window.export-flame-graph"))
    smolder_profile_page_show_export_dialog (page);
  else if (g_str_equal (action_name, "window.find"))
    smolder_profile_page_start_search (page);
  else if (g_str_equal (action_name, "window.undo-filter"))
    smolder_profile_page_undo_filter (page);
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
  gtk_widget_class_install_action (widget_class, "window.merge-profiles", NULL,
                                   smolder_window_merge_action);
  gtk_widget_class_install_action (widget_class, "window.export-flame-graph", NULL,
                                   smolder_window_page_action);
  gtk_widget_class_install_action (widget_class, "window.find", NULL,
                                   smolder_window_page_action);
  gtk_widget_class_install_action (widget_class, "window.undo-filter", NULL,
                                   smolder_window_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "window.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "window.undo-filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "window.export-flame-graph", NULL);
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

  g_signal_connect_object (self->tab_view, "notify::n-pages",
                           G_CALLBACK (smolder_window_update_view),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (smolder_window_update_view),
                           self, G_CONNECT_SWAPPED);

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
