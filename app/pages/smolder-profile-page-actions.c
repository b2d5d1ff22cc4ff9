/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-profile-page-actions.c: what the page does on request: filters
 * (from the context menus of the flame graphs and the Top table, or typed)
 * shown as removable chips with undo; search; the jumps between views;
 * export of the flame graph on a worker. */

#include <string.h>

#include <glib/gi18n.h>

#include "smolder-flame-export.h"
#include "smolder-profile-page-private.h"

#define MAX_UNDO 50

static const char * const mode_labels[] = {
  [SMOLDER_FILTER_FOCUS]  = N_("Focus on"),
  [SMOLDER_FILTER_IGNORE] = N_("Ignore"),
  [SMOLDER_FILTER_HIDE]   = N_("Hide"),
  [SMOLDER_FILTER_SHOW]   = N_("Show only"),
};

/* --- the filter list --- */

void
_smolder_profile_page_filter_free (SmolderPageFilter *filter)
{
  g_free (filter->regex);
  g_free (filter);
}

static SmolderPageFilter *
filter_new (SmolderFilterMode  mode,
            const char        *regex)
{
  SmolderPageFilter *filter = g_new0 (SmolderPageFilter, 1);

  filter->mode = mode;
  filter->regex = g_strdup (regex);
  return filter;
}

GPtrArray *
_smolder_profile_page_filters_copy (GPtrArray *filters)
{
  GPtrArray *copy = g_ptr_array_new_full (filters->len, (GDestroyNotify) _smolder_profile_page_filter_free);

  for (guint i = 0; i < filters->len; i++)
    {
      SmolderPageFilter *filter = g_ptr_array_index (filters, i);

      g_ptr_array_add (copy, filter_new (filter->mode, filter->regex));
    }
  return copy;
}

/* Filters of one mode become one regex "(?:a)|(?:b)": pprof takes one per
 * mode, and a sample matching any of them is what several chips mean. */
gboolean
_smolder_profile_page_apply_filters (GPtrArray     *filters,
                                     SmolderQuery  *query,
                                     GError       **error)
{
  for (guint mode = SMOLDER_FILTER_FOCUS; mode <= SMOLDER_FILTER_SHOW; mode++)
    {
      g_autoptr(GString) regex = g_string_new (NULL);
      guint n = 0;
      gboolean ok = FALSE;

      for (guint i = 0; i < filters->len; i++)
        {
          SmolderPageFilter *filter = g_ptr_array_index (filters, i);

          if (filter->mode != mode)
            continue;
          if (n++ > 0)
            g_string_append_c (regex, '|');
          g_string_append_printf (regex, "(?:%s)", filter->regex);
        }
      /* One filter is used as written, so pprof's message quotes it. */
      if (n == 1)
        {
          for (guint i = 0; i < filters->len; i++)
            {
              SmolderPageFilter *filter = g_ptr_array_index (filters, i);

              if (filter->mode == mode)
                g_string_assign (regex, filter->regex);
            }
        }

      switch (mode)
        {
        case SMOLDER_FILTER_FOCUS:
          ok = smolder_query_set_focus (query, regex->str, error);
          break;
        case SMOLDER_FILTER_IGNORE:
          ok = smolder_query_set_ignore (query, regex->str, error);
          break;
        case SMOLDER_FILTER_HIDE:
          ok = smolder_query_set_hide (query, regex->str, error);
          break;
        case SMOLDER_FILTER_SHOW:
        default:
          ok = smolder_query_set_show (query, regex->str, error);
          break;
        }
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static void
smolder_profile_page_push_undo (SmolderProfilePage *self)
{
  g_ptr_array_add (self->undo_stack, _smolder_profile_page_filters_copy (self->filters));
  if (self->undo_stack->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
}

static void
smolder_profile_page_filters_changed (SmolderProfilePage *self)
{
  _smolder_profile_page_rebuild_chips (self);
  _smolder_profile_page_update_query (self);
}

gboolean
smolder_profile_page_add_filter (SmolderProfilePage  *self,
                                 SmolderFilterMode    mode,
                                 const char          *regex,
                                 GError             **error)
{
  g_autoptr(GPtrArray) filters = NULL;
  g_autoptr(SmolderQuery) probe = smolder_query_new ();

  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), FALSE);
  g_return_val_if_fail (mode <= SMOLDER_FILTER_SHOW, FALSE);
  g_return_val_if_fail (regex != NULL, FALSE);

  if (regex[0] == '\0')
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                           _("The filter is empty"));
      return FALSE;
    }

  /* Checked on its own and with the others, before anything changes. */
  filters = _smolder_profile_page_filters_copy (self->filters);
  g_ptr_array_add (filters, filter_new (mode, regex));
  if (!_smolder_profile_page_apply_filters (filters, probe, error))
    return FALSE;

  smolder_profile_page_push_undo (self);
  g_ptr_array_add (self->filters, filter_new (mode, regex));
  smolder_profile_page_filters_changed (self);
  return TRUE;
}

char *
smolder_profile_page_name_to_regex (SmolderProfilePage *self,
                                    const char         *name)
{
  g_autofree char *function = NULL;
  g_autofree char *escaped = NULL;
  SmolderGranularity granularity = SMOLDER_GRANULARITY_FUNCTIONS;
  const char *space;

  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->query != NULL)
    granularity = smolder_query_get_granularity (self->query);

  /* Lines and addresses print "function file:line" (after an address);
   * filters match the function. */
  space = strrchr (name, ' ');
  if (granularity == SMOLDER_GRANULARITY_LINES && space != NULL)
    function = g_strndup (name, space - name);
  else if (granularity == SMOLDER_GRANULARITY_ADDRESSES && space != NULL)
    {
      const char *start = strchr (name, ' ');

      function = start < space ? g_strndup (start + 1, space - start - 1) : g_strdup (name);
    }
  else
    function = g_strdup (name);

  escaped = g_regex_escape_string (function, -1);
  return g_strdup_printf ("^%s$", escaped);
}

void
smolder_profile_page_add_name_filter (SmolderProfilePage *self,
                                      SmolderFilterMode   mode,
                                      const char         *name)
{
  g_autofree char *regex = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  regex = smolder_profile_page_name_to_regex (self, name);
  if (!smolder_profile_page_add_filter (self, mode, regex, &error))
    g_warning ("Filter on “%s”: %s", name, error->message);
}

guint
smolder_profile_page_get_n_filters (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), 0);

  return self->filters->len;
}

const char *
smolder_profile_page_get_filter (SmolderProfilePage *self,
                                 guint               index,
                                 SmolderFilterMode  *out_mode)
{
  SmolderPageFilter *filter;

  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), NULL);
  g_return_val_if_fail (index < self->filters->len, NULL);

  filter = g_ptr_array_index (self->filters, index);
  if (out_mode != NULL)
    *out_mode = filter->mode;
  return filter->regex;
}

static void
smolder_profile_page_undo_toast_cb (SmolderProfilePage *self)
{
  smolder_profile_page_undo_filter (self);
}

void
smolder_profile_page_remove_filter (SmolderProfilePage *self,
                                    guint               index)
{
  AdwToast *toast;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));
  g_return_if_fail (index < self->filters->len);

  smolder_profile_page_push_undo (self);
  g_ptr_array_remove_index (self->filters, index);
  smolder_profile_page_filters_changed (self);

  toast = adw_toast_new (_("Filter removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (smolder_profile_page_undo_toast_cb),
                           self, G_CONNECT_SWAPPED);
  _smolder_profile_page_add_toast (self, toast);
}

gboolean
smolder_profile_page_undo_filter (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  g_ptr_array_unref (self->filters);
  self->filters = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  smolder_profile_page_filters_changed (self);
  return TRUE;
}

/* --- chips --- */

static void
smolder_profile_page_chip_clicked_cb (SmolderProfilePage *self,
                                      GtkButton          *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "smolder-filter-index"));

  if (index < self->filters->len)
    smolder_profile_page_remove_filter (self, index);
}

void
_smolder_profile_page_rebuild_chips (SmolderProfilePage *self)
{
  GtkWidget *child;

  /* gtk_flow_box_remove_all() is GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chip_box))) != NULL)
    gtk_flow_box_remove (self->chip_box, child);

  for (guint i = 0; i < self->filters->len; i++)
    {
      SmolderPageFilter *filter = g_ptr_array_index (self->filters, i);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *mode = gtk_label_new (_(mode_labels[filter->mode]));
      GtkWidget *regex = gtk_label_new (filter->regex);  /* plain text, never markup */
      g_autofree char *tooltip = g_strdup_printf (_("Remove the filter “%s %s”"),
                                                  _(mode_labels[filter->mode]), filter->regex);

      gtk_widget_add_css_class (mode, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (regex), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (regex), 48);
      gtk_widget_add_css_class (regex, "monospace");
      gtk_box_append (GTK_BOX (box), mode);
      gtk_box_append (GTK_BOX (box), regex);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      gtk_widget_add_css_class (button, "smolder-chip");
      g_object_set_data (G_OBJECT (button), "smolder-filter-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked",
                               G_CALLBACK (smolder_profile_page_chip_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->chip_box, button);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->chip_box), self->filters->len > 0);
}

static void
smolder_profile_page_add_typed_filter_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *param)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  guint mode = gtk_drop_down_get_selected (self->filter_mode_dropdown);
  g_autoptr(GError) error = NULL;

  if (mode > SMOLDER_FILTER_SHOW)
    mode = SMOLDER_FILTER_FOCUS;

  if (!smolder_profile_page_add_filter (self, mode, text, &error))
    {
      gtk_label_set_text (self->filter_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  gtk_popover_popdown (self->filter_popover);
}

static void
smolder_profile_page_filter_entry_activate_cb (SmolderProfilePage *self)
{
  smolder_profile_page_add_typed_filter_action (GTK_WIDGET (self), "page.add-typed-filter", NULL);
}

static void
smolder_profile_page_undo_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *param)
{
  smolder_profile_page_undo_filter (SMOLDER_PROFILE_PAGE (widget));
}

/* --- search --- */

void
_smolder_profile_page_update_search (SmolderProfilePage *self)
{
  guint n = smolder_flame_view_get_n_matches (self->flame_view);
  double fraction = smolder_flame_view_get_match_fraction (self->flame_view);
  g_autofree char *text = NULL;

  if (smolder_flame_view_get_search (self->flame_view) == NULL)
    {
      gtk_label_set_text (self->search_label, "");
      return;
    }

  /* "12 frames, 34.5% of total", as the painter's legend says it. */
  text = g_strdup_printf (g_dngettext (NULL, "%u frame, %.1f%% of total",
                                       "%u frames, %.1f%% of total", n),
                          n, 100.0 * fraction);
  gtk_label_set_text (self->search_label, text);
}

static void
smolder_profile_page_search_changed_cb (SmolderProfilePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  if (text[0] == '\0')
    {
      smolder_flame_view_set_search (self->flame_view, NULL);
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
}

static void
smolder_profile_page_search_activate_cb (SmolderProfilePage *self)
{
  if (!g_str_equal (smolder_profile_page_get_view (self), "flame"))
    smolder_profile_page_set_view (self, "flame");
  smolder_flame_view_focus_next_match (self->flame_view);
}

static void
smolder_profile_page_search_mode_cb (SmolderProfilePage *self)
{
  /* Closing the bar (Esc, its button) ends the search. */
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
smolder_profile_page_start_search (SmolderProfilePage *self)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  if (self->profile == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
smolder_profile_page_set_search_text (SmolderProfilePage *self,
                                      const char         *text)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  if (text != NULL && text[0] != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* GtkSearchEntry delays "search-changed"; callers want the result now. */
  smolder_profile_page_search_changed_cb (self);
}

static void
smolder_profile_page_search_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  smolder_profile_page_start_search (SMOLDER_PROFILE_PAGE (widget));
}

/* --- jumps between views --- */

void
smolder_profile_page_show_in_flame_graph (SmolderProfilePage *self,
                                          const char         *name)
{
  g_autofree char *regex = NULL;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));
  g_return_if_fail (name != NULL);

  regex = smolder_profile_page_name_to_regex (self, name);
  smolder_profile_page_set_view (self, "flame");
  smolder_profile_page_set_search_text (self, regex);
  smolder_flame_view_focus_next_match (self->flame_view);
  gtk_widget_grab_focus (GTK_WIDGET (smolder_flame_view_get_flame_graph (self->flame_view)));
}

void
smolder_profile_page_show_callers (SmolderProfilePage *self,
                                   const char         *name)
{
  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

  smolder_callers_view_set_function (self->callers_view, name);
  smolder_profile_page_set_view (self, "callers");
}

static void
smolder_profile_page_frame_action_cb (SmolderProfilePage *self,
                                      const char         *action,
                                      const char         *name)
{
  if (g_str_equal (action, "focus-on"))
    smolder_profile_page_add_name_filter (self, SMOLDER_FILTER_FOCUS, name);
  else if (g_str_equal (action, "ignore"))
    smolder_profile_page_add_name_filter (self, SMOLDER_FILTER_IGNORE, name);
  else if (g_str_equal (action, "hide"))
    smolder_profile_page_add_name_filter (self, SMOLDER_FILTER_HIDE, name);
  else if (g_str_equal (action, "show"))
    smolder_profile_page_add_name_filter (self, SMOLDER_FILTER_SHOW, name);
  else if (g_str_equal (action, "show-callers"))
    smolder_profile_page_show_callers (self, name);
}

static void
smolder_profile_page_frame_activated_cb (SmolderProfilePage *self,
                                         guint               frame,
                                         const char         *name)
{
  smolder_profile_page_show_in_flame_graph (self, name);
}

/* The selection (a Top row, the flame graph's focused frame) is what
 * Callers/Callees shows next. */
static void
smolder_profile_page_top_selection_cb (SmolderProfilePage *self)
{
  const char *name = smolder_top_view_get_selected_name (self->top_view);

  if (name != NULL)
    smolder_callers_view_set_function (self->callers_view, name);
}

static void
smolder_profile_page_flame_focus_cb (SmolderProfilePage *self)
{
  SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (self->flame_view);
  SmolderCallTree *tree = smolder_flame_graph_get_call_tree (graph);
  guint32 node = smolder_flame_graph_get_focus_node (graph);

  if (tree != NULL && node != SMOLDER_NO_ID && node != 0
      && node < smolder_call_tree_get_n_nodes (tree))
    smolder_callers_view_set_function (self->callers_view,
                                       smolder_call_tree_get_name (tree, node));
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
smolder_profile_page_export_worker (GTask        *task,
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
smolder_profile_page_export_done (GObject      *source_object,
                                  GAsyncResult *res,
                                  gpointer      user_data)
{
  SmolderProfilePage *self = SMOLDER_PROFILE_PAGE (source_object);
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
    _smolder_profile_page_add_toast (self, adw_toast_new (escaped));
  }
}

void
smolder_profile_page_export (SmolderProfilePage *self,
                             GFile              *file)
{
  SmolderFlameGraph *graph;
  SmolderCallTree *tree;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));
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
      _smolder_profile_page_add_toast (self, adw_toast_new (escaped));
      export_job_free (job);
      return;
    }

  /* Immutable inputs only: the tree, a reference on the search, copies. */
  job->tree = g_object_ref (tree);
  job->path = g_steal_pointer (&path);
  job->title = g_strdup (self->title);
  smolder_flame_export_options_init (&job->options);
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
  task = g_task_new (self, self->export_cancellable, smolder_profile_page_export_done, NULL);
  g_task_set_source_tag (task, smolder_profile_page_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, smolder_profile_page_export_worker);
}

gboolean
smolder_profile_page_get_exporting (SmolderProfilePage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE_PAGE (self), FALSE);

  return self->pending_exports > 0;
}

static void
smolder_profile_page_export_response_cb (SmolderProfilePage   *self,
                                         int                   response,
                                         GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        smolder_profile_page_export (self, file);
    }
  g_clear_object (&self->export_chooser);
}

void
smolder_profile_page_show_export_dialog (SmolderProfilePage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  GtkRoot *root;
  char *dot;

  g_return_if_fail (SMOLDER_IS_PROFILE_PAGE (self));

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
  stem = g_strdup (self->title);
  if ((dot = strchr (stem, '.')) != NULL && dot != stem)
    *dot = '\0';
  name = g_strdup_printf ("%s-flame.svg", stem);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);

  g_signal_connect_object (self->export_chooser, "response",
                           G_CALLBACK (smolder_profile_page_export_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
smolder_profile_page_export_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  smolder_profile_page_show_export_dialog (SMOLDER_PROFILE_PAGE (widget));
}

/* --- wiring --- */

static void
smolder_profile_page_show_view_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  smolder_profile_page_set_view (SMOLDER_PROFILE_PAGE (widget), g_variant_get_string (param, NULL));
}

void
_smolder_profile_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.add-typed-filter", NULL,
                                   smolder_profile_page_add_typed_filter_action);
  gtk_widget_class_install_action (widget_class, "page.undo-filter", NULL,
                                   smolder_profile_page_undo_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL,
                                   smolder_profile_page_search_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL,
                                   smolder_profile_page_export_action);
  gtk_widget_class_install_action (widget_class, "page.show-view", "s",
                                   smolder_profile_page_show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "page.search", NULL);
  /* Alt+1, 2, 3: the views, in the switcher's order. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "page.show-view", "s", "flame");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "page.show-view", "s", "top");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "page.show-view", "s", "callers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "page.undo-filter", NULL);
}

void
_smolder_profile_page_init_actions (SmolderProfilePage *self)
{
  SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (self->flame_view);

  g_signal_connect_object (graph, "frame-action",
                           G_CALLBACK (smolder_profile_page_frame_action_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (graph, "notify::focus-node",
                           G_CALLBACK (smolder_profile_page_flame_focus_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (smolder_callers_view_get_callers_graph (self->callers_view), "frame-action",
                           G_CALLBACK (smolder_profile_page_frame_action_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (smolder_callers_view_get_callees_graph (self->callers_view), "frame-action",
                           G_CALLBACK (smolder_profile_page_frame_action_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_view, "frame-action",
                           G_CALLBACK (smolder_profile_page_frame_action_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_view, "frame-activated",
                           G_CALLBACK (smolder_profile_page_frame_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_view, "notify::selected-name",
                           G_CALLBACK (smolder_profile_page_top_selection_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->flame_view, "search-changed",
                           G_CALLBACK (_smolder_profile_page_update_search),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (smolder_profile_page_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (smolder_profile_page_search_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (smolder_profile_page_search_mode_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->filter_entry, "activate",
                           G_CALLBACK (smolder_profile_page_filter_entry_activate_cb),
                           self, G_CONNECT_SWAPPED);
}
