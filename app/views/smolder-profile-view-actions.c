/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-view-actions.c: what the view does on request: search;
 * the jumps between views; export of the flame graph on a worker. The
 * filters, their chips, undo and the frame actions are in
 * smolder-profile-view-filters.c. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-flame-export.h"
#include "smolder-profile-view-private.h"

/* --- search --- */

static void
smolder_profile_view_update_search (SmolderProfileView *self)
{
  guint n;
  double fraction;
  g_autofree char *text = NULL;

  /* Models and the stack still signal while the template is disposed. */
  if (self->flame_view == NULL || self->top_view == NULL || self->search_label == NULL)
    return;
  n = smolder_flame_view_get_n_matches (self->flame_view);
  fraction = smolder_flame_view_get_match_fraction (self->flame_view);
  if (smolder_flame_view_get_search (self->flame_view) == NULL)
    {
      gtk_label_set_text (self->search_label, "");
      return;
    }

  /* Top shows only the matching rows: say how many. */
  if (g_str_equal (smolder_profile_view_get_visible_view (self), "top"))
    {
      guint shown = g_list_model_get_n_items (smolder_top_view_get_model (self->top_view));
      guint rows = smolder_top_view_get_n_rows (self->top_view);

      text = g_strdup_printf (g_dngettext (NULL, "%u of %u row matches", "%u of %u rows match", rows),
                              shown, rows);
      gtk_label_set_text (self->search_label, text);
      return;
    }

  /* "12 frames, 34.5% of total", as the painter's legend says it. */
  text = g_strdup_printf (g_dngettext (NULL, "%u frame, %.1f%% of total",
                                       "%u frames, %.1f%% of total", n),
                          n, 100.0 * fraction);
  gtk_label_set_text (self->search_label, text);
}

static void
smolder_profile_view_search_changed_cb (SmolderProfileView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  if (text[0] == '\0')
    {
      smolder_flame_view_set_search (self->flame_view, NULL);
      smolder_top_view_set_search (self->top_view, NULL);
      return;
    }

  regex = g_regex_new (text, G_REGEX_OPTIMIZE, 0, &error);
  if (regex == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      gtk_label_set_text (self->search_label, _("Not a valid regular expression"));
      return;
    }
  smolder_flame_view_set_search (self->flame_view, regex);
  smolder_top_view_set_search (self->top_view, regex);
}

static void
smolder_profile_view_search_activate_cb (SmolderProfileView *self)
{
  /* Top already shows only the matches: Enter goes to them, not away. */
  if (g_str_equal (smolder_profile_view_get_visible_view (self), "top"))
    {
      smolder_top_view_focus_rows (self->top_view);
      return;
    }
  if (!g_str_equal (smolder_profile_view_get_visible_view (self), "flame"))
    smolder_profile_view_set_visible_view (self, "flame");
  smolder_flame_view_focus_next_match (self->flame_view);
}

static void
smolder_profile_view_search_mode_cb (SmolderProfileView *self)
{
  /* Closing the bar (Esc, its button) ends the search. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
smolder_profile_view_start_search (SmolderProfileView *self)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  if (self->profile == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
smolder_profile_view_set_search_text (SmolderProfileView *self,
                                      const char         *text)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  if (text != NULL && text[0] != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* GtkSearchEntry delays "search-changed"; callers want the result now. */
  smolder_profile_view_search_changed_cb (self);
}

static void
smolder_profile_view_search_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  smolder_profile_view_start_search (SMOLDER_PROFILE_VIEW (widget));
}

/* --- jumps between views --- */

void
smolder_profile_view_show_in_flame_graph (SmolderProfileView *self,
                                          const char         *name)
{
  g_autofree char *regex = NULL;

  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));
  g_return_if_fail (name != NULL);

  /* The frame of that printable name, and no other. */
  regex = smolder_filter_identity_regex (name);
  smolder_profile_view_set_visible_view (self, "flame");
  smolder_profile_view_set_search_text (self, regex);
  smolder_flame_view_focus_next_match (self->flame_view);
  gtk_widget_grab_focus (GTK_WIDGET (smolder_flame_view_get_flame_graph (self->flame_view)));
}

void
smolder_profile_view_show_callers (SmolderProfileView *self,
                                   const char         *name)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  smolder_callers_view_set_function (self->callers_view, name);
  smolder_profile_view_set_visible_view (self, "callers");
}

static void
smolder_profile_view_frame_activated_cb (SmolderProfileView *self,
                                         guint               frame,
                                         const char         *name)
{
  smolder_profile_view_show_in_flame_graph (self, name);
}

/* The selection (a Top row, the flame graph's focused frame) is what
 * Callers/Callees shows next. */
static void
smolder_profile_view_top_selection_cb (SmolderProfileView *self)
{
  const char *name = smolder_top_view_get_selected_name (self->top_view);

  if (name != NULL)
    smolder_callers_view_set_function (self->callers_view, name);
}

static void
smolder_profile_view_flame_focus_cb (SmolderProfileView *self)
{
  SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (self->flame_view);
  SmolderCallTree *tree = smolder_flame_graph_get_call_tree (graph);
  guint32 node = smolder_flame_graph_get_focus_node (graph);

  if (tree != NULL && node != SMOLDER_NO_ID && node != 0
      && node < smolder_call_tree_get_n_nodes (tree))
    smolder_callers_view_set_function (self->callers_view,
                                       smolder_call_tree_get_name (tree, node));
}

/* A package picked in the colour legend: its frames highlighted. */
static void
smolder_profile_view_legend_activated_cb (SmolderProfileView *self,
                                          const char         *name,
                                          const char         *regex)
{
  smolder_profile_view_set_search_text (self, regex);
  gtk_widget_grab_focus (GTK_WIDGET (smolder_flame_view_get_flame_graph (self->flame_view)));
}

/* --- export --- */

typedef struct {
  SmolderCallTree *tree;
  SmolderFlameSearch *search;
  SmolderFlameExportOptions options;
  SmolderFlameExportFormat format;
  char *path;
  char *title;
  char *display_name;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->tree);
  g_clear_pointer (&job->search, smolder_flame_search_unref);
  g_free (job->path);
  g_free (job->title);
  g_free (job->display_name);
  g_free (job);
}

static void
smolder_profile_view_export_worker (GTask        *task,
                                    gpointer      source_object,
                                    gpointer      task_data,
                                    GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (!smolder_flame_export_to_file (job->tree, &job->options, job->format, job->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
smolder_profile_view_export_done (GObject      *source_object,
                                  GAsyncResult *res,
                                  gpointer      user_data)
{
  SmolderProfileView *self = SMOLDER_PROFILE_VIEW (source_object);
  ExportJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  self->pending_exports--;
  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      title = g_strdup_printf (_("Could not export “%s”: %s"), job->display_name, error->message);
    }
  else
    title = g_strdup_printf (_("Exported “%s”"), job->display_name);

  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    _smolder_profile_view_add_toast (self, adw_toast_new (escaped));
  }
}

void
smolder_profile_view_export (SmolderProfileView *self,
                             GFile              *file)
{
  SmolderFlameGraph *graph;
  SmolderCallTree *tree;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  graph = smolder_flame_view_get_flame_graph (self->flame_view);
  tree = smolder_flame_graph_get_call_tree (graph);
  path = g_file_get_path (file);

  job = g_new0 (ExportJob, 1);
  job->display_name = g_file_get_basename (file);
  if (tree == NULL || path == NULL
      || !smolder_flame_export_format_from_path (path, &job->format))
    {
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;

      if (tree == NULL)
        title = g_strdup (_("Nothing to export yet"));
      else if (path == NULL)
        title = g_strdup_printf (_("Could not export “%s”: not a local file"), job->display_name);
      else
        title = g_strdup_printf (_("Could not export “%s”: use .svg, .png or .pdf"), job->display_name);
      escaped = g_markup_escape_text (title, -1);
      _smolder_profile_view_add_toast (self, adw_toast_new (escaped));
      export_job_free (job);
      return;
    }

  /* Immutable inputs only: the tree, a reference on the search, copies. */
  job->tree = g_object_ref (tree);
  job->path = g_steal_pointer (&path);
  /* "heap.pb.gz — last 30 s · inuse_space · 8 MiB total · focus=^main\. ·
   * search: Ticker": the image says what it shows. */
  {
    g_autofree char *source = NULL;
    const char *search = smolder_flame_graph_get_search (graph) != NULL
                         ? gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) : NULL;

    if (self->description != NULL && self->title != NULL)
      source = g_strdup_printf ("%s — %s", self->title, self->description);
    else
      source = g_strdup (self->title != NULL ? self->title : self->description);
    job->title = smolder_flame_export_make_title (source, tree, self->query, search);
  }
  smolder_flame_export_options_init (&job->options);
  job->options.unprinted_label = smolder_flame_graph_unprinted_label ();
  job->options.orientation = smolder_flame_graph_get_orientation (graph);
  job->options.zoom_root = smolder_flame_graph_get_zoom_root (graph);
  job->options.draw_labels = TRUE;
  job->options.title = job->title;
  if (smolder_flame_graph_get_search (graph) != NULL)
    {
      job->search = smolder_flame_search_ref (smolder_flame_graph_get_search (graph));
      job->options.search = job->search;
    }

  if (self->export_cancellable == NULL)
    self->export_cancellable = g_cancellable_new ();

  self->pending_exports++;
  task = g_task_new (self, self->export_cancellable, smolder_profile_view_export_done, NULL);
  g_task_set_source_tag (task, smolder_profile_view_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, smolder_profile_view_export_worker);
}

gboolean
smolder_profile_view_get_exporting (SmolderProfileView *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_VIEW (self), FALSE);

  return self->pending_exports > 0;
}

static void
smolder_profile_view_export_response_cb (SmolderProfileView   *self,
                                         int                   response,
                                         GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        smolder_profile_view_export (self, file);
    }
  g_clear_object (&self->export_chooser);
}

void
smolder_profile_view_show_export_dialog (SmolderProfileView *self)
{
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  GtkRoot *root;
  char *dot;

  g_return_if_fail (SMOLDER_IS_PROFILE_VIEW (self));

  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->export_chooser = gtk_file_chooser_native_new (_("Export Flame Graph"),
                                                      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);

  /* "heap.pb.gz" -> "heap-flame.svg" */
  stem = g_strdup (self->title != NULL ? self->title : _("profile"));
  if ((dot = strchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  name = g_strdup_printf ("%s-flame.svg", stem);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);

  g_signal_connect_object (self->export_chooser, "response",
                           G_CALLBACK (smolder_profile_view_export_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
smolder_profile_view_export_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  smolder_profile_view_show_export_dialog (SMOLDER_PROFILE_VIEW (widget));
}

/* --- wiring --- */

static void
smolder_profile_view_show_view_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  SmolderProfileView *self = SMOLDER_PROFILE_VIEW (widget);
  const char *name = g_variant_get_string (param, NULL);

  smolder_profile_view_set_visible_view (self, name);
  /* Alt+1/2/3 take the keyboard along: the next arrow key moves in the
   * view, not in the toolbar. */
  if (g_str_equal (name, "flame"))
    gtk_widget_grab_focus (GTK_WIDGET (smolder_flame_view_get_flame_graph (self->flame_view)));
  else if (g_str_equal (name, "top"))
    smolder_top_view_focus_rows (self->top_view);
  else
    gtk_widget_child_focus (GTK_WIDGET (self->callers_view), GTK_DIR_TAB_FORWARD);
}

void
_smolder_profile_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.search", NULL,
                                   smolder_profile_view_search_action);
  gtk_widget_class_install_action (widget_class, "view.export", NULL,
                                   smolder_profile_view_export_action);
  gtk_widget_class_install_action (widget_class, "view.show-view", "s",
                                   smolder_profile_view_show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "view.search", NULL);
  /* Alt+1, 2, 3: the views, in the switcher's order. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "view.show-view", "s", "flame");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "view.show-view", "s", "top");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "view.show-view", "s", "callers");
}

/* Only the view shown computes: a hidden one keeps its last result and
 * catches up when it is shown (Top always computes: the summary line is
 * its, in every view). */
static void
smolder_profile_view_sync_active_views (SmolderProfileView *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

  smolder_query_view_set_active (SMOLDER_QUERY_VIEW (self->flame_view), child == GTK_WIDGET (self->flame_view));
  smolder_query_view_set_active (SMOLDER_QUERY_VIEW (self->callers_view), child == GTK_WIDGET (self->callers_view));
}

void
_smolder_profile_view_init_actions (SmolderProfileView *self)
{
  SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (self->flame_view);

  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (smolder_profile_view_sync_active_views),
                           self, G_CONNECT_SWAPPED);
  smolder_profile_view_sync_active_views (self);

  g_signal_connect_object (graph, "notify::focus-node",
                           G_CALLBACK (smolder_profile_view_flame_focus_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (smolder_flame_view_get_legend (self->flame_view), "package-activated",
                           G_CALLBACK (smolder_profile_view_legend_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_view, "frame-activated",
                           G_CALLBACK (smolder_profile_view_frame_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_view, "notify::selected-name",
                           G_CALLBACK (smolder_profile_view_top_selection_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->flame_view, "search-changed",
                           G_CALLBACK (smolder_profile_view_update_search),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (smolder_top_view_get_model (self->top_view), "items-changed",
                           G_CALLBACK (smolder_profile_view_update_search),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (smolder_profile_view_update_search),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (smolder_profile_view_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (smolder_profile_view_search_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (smolder_profile_view_search_mode_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

void
_smolder_profile_view_dispose_actions (SmolderProfileView *self)
{
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
}
