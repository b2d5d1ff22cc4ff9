/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-suspects-page.c: the Leak Suspects tab. The files are loaded and
 * ranked on a worker (SmolderTrendsSet, as `smolder-cli suspects`); only the
 * per-stack series come back. Choosing a suspect loads the last snapshot of
 * its kind (on a worker, once per kind) into a SmolderProfileView and zooms
 * its flame graph to the stack as soon as the graph has its tree. */
#include <string.h>

#include <glib/gi18n.h>

#include "smolder-compare-page.h"
#include "smolder-load.h"
#include "smolder-suspect-row.h"
#include "smolder-suspects-page.h"
#include "smolder-trends-set.h"
#include "smolder-units.h"
#include "smolder-window.h"

struct _SmolderSuspectsPage
{
  SmolderPage          parent_instance;

  GPtrArray           *paths;         /* char * */
  GCancellable        *cancellable;
  SmolderProgress     *progress;
  guint                progress_source;
  gboolean             busy;
  GPtrArray           *rankings;      /* SmolderTrends, finished, heap first */
  GHashTable          *lists;         /* SmolderProfileKind -> GtkListBox */

  GtkWidget           *stack;         /* "busy", "error", "done" */
  GtkWidget           *progress_bar;
  AdwStatusPage       *error_status;
  GtkWidget           *kind_stack;
  GtkWidget           *change_label;
  SmolderProfileView  *view;

  /* The profile shown below: its path, the load in flight, the zoom to
   * apply once the flame graph has a tree of it. */
  char                *view_path;
  GCancellable        *view_cancellable;
  char               **pending_zoom;
  char                *change_text;
};

G_DEFINE_FINAL_TYPE (SmolderSuspectsPage, smolder_suspects_page, SMOLDER_TYPE_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GPtrArray        *paths;      /* char *, owned */
  SmolderProgress  *progress;
} Job;

typedef struct {
  SmolderTrendsSet *set;
  GPtrArray        *rankings;   /* SmolderTrends */
} Result;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_ptr_array_unref (job->paths);
  smolder_progress_unref (job->progress);
  g_free (job);
}

static void
result_free (gpointer data)
{
  Result *result = data;

  g_clear_object (&result->set);
  g_ptr_array_unref (result->rankings);
  g_free (result);
}

static void
set_busy (SmolderSuspectsPage *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  smolder_page_set_loading (SMOLDER_PAGE (self), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Worker: loads and folds every file, then ranks each kind that has 3
 * snapshots or more. */
static void
rank_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SmolderTrendsSet) set = smolder_trends_set_new (NULL, NULL);
  g_autoptr(GPtrArray) rankings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) kinds = NULL;
  g_autoptr(GString) counts = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  Result *result;

  for (guint i = 0; i < job->paths->len; i++)
    {
      g_autofree char *failed = NULL;

      if (!smolder_trends_set_add_path (set, job->paths->pdata[i], job->paths->len == 1 ? job->progress : NULL,
                                        cancellable, &failed, &error))
        {
          g_prefix_error (&error, "%s: ", failed != NULL ? failed : (char *) job->paths->pdata[i]);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      smolder_progress_set (job->progress, (double) (i + 1) / job->paths->len);
    }

  kinds = smolder_trends_set_dup_kinds (set);
  for (guint i = 0; i < kinds->len; i++)
    {
      SmolderProfileKind kind = g_array_index (kinds, SmolderProfileKind, i);
      guint n = smolder_trends_set_get_n_snapshots (set, kind);
      SmolderTrends *trends;

      g_string_append_printf (counts, "%s%u %s", counts->len > 0 ? ", " : "", n,
                              smolder_profile_kind_to_string (kind));
      if (n < 3)
        continue;
      if (!(trends = smolder_trends_set_finish_kind (set, kind, &error)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (rankings, g_object_ref (trends));
    }
  if (rankings->len == 0)
    {
      g_task_return_new_error (task, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH,
                               _("Leak suspects need at least 3 snapshots of one kind (heap, allocs or goroutine); found %s"),
                               counts->len > 0 ? counts->str : _("no profiles"));
      return;
    }

  result = g_new0 (Result, 1);
  result->set = g_steal_pointer (&set);
  result->rankings = g_steal_pointer (&rankings);
  g_task_return_pointer (task, result, result_free);
}

static char *
kind_summary (SmolderTrends *trends)
{
  guint n = smolder_trends_get_n_snapshots (trends);
  guint n_suspects = smolder_trends_get_n_suspects (trends);
  guint n_steady = 0;
  g_autofree char *span = smolder_units_format_duration ((gint64) (smolder_trends_get_minutes (trends, n - 1) * 60e9));

  for (guint r = 0; r < n_suspects; r++)
    if (smolder_trends_get_suspect (trends, r)->steady)
      n_steady++;
  return g_strdup_printf (_("%s (%s), %u snapshots over %s%s: %u growing stacks, %u steadily"),
                          smolder_profile_kind_to_string (smolder_trends_get_kind (trends)),
                          smolder_trends_get_type_name (trends, 0), n, span,
                          smolder_trends_has_times (trends) ? "" : _(" (no times: taken as one minute apart)"),
                          n_suspects, n_steady);
}

static void smolder_suspects_page_row_selected_cb (SmolderSuspectsPage *self,
                                                   GtkListBoxRow       *row,
                                                   GtkListBox          *list);

static GtkWidget *
kind_page_new (SmolderSuspectsPage *self,
               SmolderTrends       *trends)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled, *list, *label;
  g_autofree char *summary = kind_summary (trends);

  label = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_box_append (GTK_BOX (box), label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (list, "rich-list");
  for (guint r = 0; r < smolder_trends_get_n_suspects (trends); r++)
    gtk_list_box_append (GTK_LIST_BOX (list), smolder_suspect_row_new (trends, r));
  label = gtk_label_new (_("Nothing grows across these snapshots."));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 24);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), label);
  g_signal_connect_object (list, "row-selected", G_CALLBACK (smolder_suspects_page_row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->lists, GINT_TO_POINTER (smolder_trends_get_kind (trends)), list);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static const char *
kind_title (SmolderProfileKind kind)
{
  switch (kind)
    {
    case SMOLDER_PROFILE_KIND_HEAP:
      return _("Heap");
    case SMOLDER_PROFILE_KIND_GOROUTINE:
      return _("Goroutines");
    case SMOLDER_PROFILE_KIND_ALLOCS:
      return _("Allocations");
    default:
      return smolder_profile_kind_to_string (kind);
    }
}

static void
smolder_suspects_page_rank_done_cb (GObject      *source,
                                    GAsyncResult *res,
                                    gpointer      user_data)
{
  SmolderSuspectsPage *self;
  g_autoptr(GError) error = NULL;
  Result *result;

  /* Only dispose cancels: the page is gone (the task holds no reference,
   * so closing the tab stops the worker at once). */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (res))))
    return;
  self = SMOLDER_SUSPECTS_PAGE (user_data);
  result = g_task_propagate_pointer (G_TASK (res), &error);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (result == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      smolder_page_set_error (SMOLDER_PAGE (self), error);
      set_busy (self, FALSE);
      return;
    }

  g_ptr_array_extend_and_steal (self->rankings, g_steal_pointer (&result->rankings));
  result->rankings = g_ptr_array_new ();
  result_free (result);
  for (guint i = 0; i < self->rankings->len; i++)
    {
      SmolderTrends *trends = self->rankings->pdata[i];
      SmolderProfileKind kind = smolder_trends_get_kind (trends);
      gtk_stack_add_titled (GTK_STACK (self->kind_stack), kind_page_new (self, trends),
                            smolder_profile_kind_to_string (kind), kind_title (kind));
    }
  smolder_page_set_progress (SMOLDER_PAGE (self), 1.0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "done");
  /* The most suspicious stack of the first kind, shown at once. */
  smolder_suspects_page_select (self, smolder_trends_get_kind (self->rankings->pdata[0]), 0);
  set_busy (self, FALSE);
}

static gboolean
smolder_suspects_page_progress_cb (gpointer user_data)
{
  SmolderSuspectsPage *self = user_data;
  double fraction = smolder_progress_get (self->progress);

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), fraction);
  smolder_page_set_progress (SMOLDER_PAGE (self), fraction > 0.0 ? fraction : -1.0);
  return G_SOURCE_CONTINUE;
}

/* The flame graph has a (new) tree: zoom to the chosen stack. */
static void
smolder_suspects_page_tree_cb (SmolderSuspectsPage *self)
{
  SmolderFlameGraph *graph = smolder_profile_view_get_flame_graph (self->view);
  guint matched;

  if (self->pending_zoom == NULL || smolder_profile_view_get_profile (self->view) == NULL)
    return;
  matched = smolder_flame_graph_set_zoom_path (graph, (const char * const *) self->pending_zoom);
  /* A tree of the previous profile may match only part: wait for the next. */
  if (matched == g_strv_length (self->pending_zoom))
    g_clear_pointer (&self->pending_zoom, g_strfreev);
}

static void
smolder_suspects_page_view_loaded_cb (GObject      *source,
                                      GAsyncResult *res,
                                      gpointer      user_data)
{
  g_autoptr(SmolderSuspectsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = smolder_profile_load_finish (res, &error);

  /* A load another choice (or closing the tab) replaced: drop it. */
  if (g_task_get_cancellable (G_TASK (res)) != self->view_cancellable ||
      g_cancellable_is_cancelled (self->view_cancellable))
    return;
  if (profile == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (GTK_LABEL (self->change_label), error->message);
      return;
    }
  smolder_profile_view_set_profile (self->view, profile);
  smolder_page_notify_profile (SMOLDER_PAGE (self));
  smolder_profile_view_set_visible_view (self->view, "flame");
  smolder_suspects_page_tree_cb (self);
}

static void
show_change (SmolderSuspectsPage *self,
             SmolderTrends       *trends,
             const SmolderSuspect *s,
             const char          *leaf)
{
  guint n = smolder_trends_get_n_snapshots (trends);
  const char *unit = smolder_trends_get_unit (trends, 0);
  g_autofree char *first = smolder_units_format (s->fit.first, unit);
  g_autofree char *last = smolder_units_format (s->fit.last, unit);
  g_autofree char *delta = smolder_units_format (s->fit.last - s->fit.first, unit);
  g_autofree char *first_name = g_path_get_basename (smolder_trends_get_name (trends, 0));
  g_autofree char *last_name = g_path_get_basename (smolder_trends_get_name (trends, n - 1));
  g_autofree char *markup = NULL;
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s: ", leaf);
  g_string_append_printf (text, _("%s %s → %s (+%s) from %s to %s"),
                          smolder_trends_get_type_name (trends, 0), first, last, delta, first_name, last_name);
  if (smolder_trends_get_n_types (trends) > 1)
    {
      const char *unit1 = smolder_trends_get_unit (trends, 1);
      g_autofree char *a = smolder_units_format (smolder_trends_get_stack_value (trends, s->series, 1, 0), unit1);
      g_autofree char *b = smolder_units_format (smolder_trends_get_stack_value (trends, s->series, 1, n - 1), unit1);

      g_string_append_printf (text, "; %s %s → %s", smolder_trends_get_type_name (trends, 1), a, b);
    }
  g_string_append_printf (text, _(". Below: %s, zoomed to this stack."), last_name);
  g_free (self->change_text);
  self->change_text = g_string_free (text, FALSE);
  /* The stack's leaf stands out; the rest reads as its caption. */
  markup = g_markup_printf_escaped ("<b>%s</b>%s", leaf, self->change_text + strlen (leaf));
  gtk_label_set_markup (GTK_LABEL (self->change_label), markup);
}

static void
smolder_suspects_page_row_selected_cb (SmolderSuspectsPage *self,
                                       GtkListBoxRow       *row,
                                       GtkListBox          *list)
{
  SmolderSuspectRow *srow;
  SmolderTrends *trends;
  const SmolderSuspect *s;
  const char *last;
  guint depth;

  if (row == NULL)
    return;
  srow = SMOLDER_SUSPECT_ROW (row);
  trends = smolder_suspect_row_get_trends (srow);
  s = smolder_trends_get_suspect (trends, smolder_suspect_row_get_rank (srow));
  depth = smolder_trends_get_stack_depth (trends, s->series);
  show_change (self, trends, s, depth > 0 ? smolder_trends_get_stack_frame (trends, s->series, 0) : _("(no stack)"));

  g_strfreev (self->pending_zoom);
  self->pending_zoom = smolder_suspect_row_dup_path (srow);
  last = smolder_trends_get_name (trends, smolder_trends_get_n_snapshots (trends) - 1);
  if (g_strcmp0 (last, self->view_path) == 0)
    {
      smolder_profile_view_set_visible_view (self->view, "flame");
      smolder_suspects_page_tree_cb (self);
      return;
    }
  g_free (self->view_path);
  self->view_path = g_strdup (last);
  g_cancellable_cancel (self->view_cancellable);
  g_clear_object (&self->view_cancellable);
  self->view_cancellable = g_cancellable_new ();
  {
    g_autoptr(GFile) file = g_file_new_for_path (last);

    smolder_profile_load_async (file, NULL, self->view_cancellable,
                                smolder_suspects_page_view_loaded_cb, g_object_ref (self));
  }
}

static void
start (SmolderSuspectsPage *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, smolder_suspects_page_rank_done_cb, self);
  Job *job = g_new0 (Job, 1);

  job->paths = g_ptr_array_ref (self->paths);
  job->progress = smolder_progress_ref (self->progress);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, job, job_free);
  set_busy (self, TRUE);
  smolder_page_set_progress (SMOLDER_PAGE (self), -1.0);
  self->progress_source = g_timeout_add (100, smolder_suspects_page_progress_cb, self);
  g_task_run_in_thread (task, rank_thread);
}

static SmolderProfile *
smolder_suspects_page_get_page_profile (SmolderPage *page)
{
  return smolder_profile_view_get_profile (SMOLDER_SUSPECTS_PAGE (page)->view);
}

static void
smolder_suspects_page_dispose (GObject *object)
{
  SmolderSuspectsPage *self = SMOLDER_SUSPECTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->view_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  G_OBJECT_CLASS (smolder_suspects_page_parent_class)->dispose (object);
}

static void
smolder_suspects_page_finalize (GObject *object)
{
  SmolderSuspectsPage *self = SMOLDER_SUSPECTS_PAGE (object);

  g_ptr_array_unref (self->paths);
  g_ptr_array_unref (self->rankings);
  g_hash_table_unref (self->lists);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->view_cancellable);
  smolder_progress_unref (self->progress);
  g_free (self->view_path);
  g_strfreev (self->pending_zoom);
  g_free (self->change_text);
  G_OBJECT_CLASS (smolder_suspects_page_parent_class)->finalize (object);
}

static void
smolder_suspects_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SmolderSuspectsPage *self = SMOLDER_SUSPECTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_suspects_page_class_init (SmolderSuspectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SmolderPageClass *page_class = SMOLDER_PAGE_CLASS (klass);

  object_class->dispose = smolder_suspects_page_dispose;
  object_class->finalize = smolder_suspects_page_finalize;
  object_class->get_property = smolder_suspects_page_get_property;
  page_class->get_profile = smolder_suspects_page_get_page_profile;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
build_busy (SmolderSuspectsPage *self)
{
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Looking for Leak Suspects…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Reading the snapshots and ranking what grows"));
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  self->progress_bar = gtk_progress_bar_new ();
  gtk_widget_set_size_request (self->progress_bar, 240, -1);
  gtk_widget_set_halign (self->progress_bar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), self->progress_bar);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  return status;
}

static GtkWidget *
build_done (SmolderSuspectsPage *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->kind_stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->kind_stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->kind_stack));
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (switcher, TRUE);
  {
    GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *compare = gtk_button_new_with_mnemonic (_("Compare _First → Last"));

    /* The whole growth in one picture: the first and the last snapshot
     * of the kind shown, in a compare tab. */
    gtk_widget_set_tooltip_text (compare, _("Compare the first snapshot with the last in a new tab"));
    g_signal_connect_swapped (compare, "clicked", G_CALLBACK (smolder_suspects_page_compare_first_last), self);
    gtk_widget_set_margin_top (header, 6);
    gtk_widget_set_margin_end (compare, 12);
    gtk_box_append (GTK_BOX (header), switcher);
    gtk_box_append (GTK_BOX (header), compare);
    gtk_box_append (GTK_BOX (top), header);
  }
  gtk_widget_set_vexpand (self->kind_stack, TRUE);
  gtk_box_append (GTK_BOX (top), self->kind_stack);

  self->change_label = gtk_label_new (_("Choose a suspect to see its stack in the last snapshot."));
  gtk_label_set_xalign (GTK_LABEL (self->change_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->change_label), TRUE);
  gtk_widget_set_margin_start (self->change_label, 12);
  gtk_widget_set_margin_end (self->change_label, 12);
  gtk_widget_set_margin_top (self->change_label, 6);
  gtk_box_append (GTK_BOX (bottom), self->change_label);
  self->view = SMOLDER_PROFILE_VIEW (smolder_profile_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->view));
  g_signal_connect_object (smolder_profile_view_get_flame_graph (self->view), "notify::call-tree",
                           G_CALLBACK (smolder_suspects_page_tree_cb), self, G_CONNECT_SWAPPED);

  gtk_paned_set_start_child (GTK_PANED (paned), top);
  gtk_paned_set_end_child (GTK_PANED (paned), bottom);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 400);
  return paned;
}

static void
smolder_suspects_page_init (SmolderSuspectsPage *self)
{
  self->paths = g_ptr_array_new_with_free_func (g_free);
  self->rankings = g_ptr_array_new_with_free_func (g_object_unref);
  self->lists = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();
  self->progress = smolder_progress_new ();
  self->change_text = g_strdup ("");

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), build_busy (self), "busy");
  self->error_status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_status, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_status, _("No Leak Suspects"));
  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->error_status), "error");
  gtk_stack_add_named (GTK_STACK (self->stack), build_done (self), "done");
  adw_bin_set_child (ADW_BIN (self), self->stack);
}

SmolderPage *
smolder_suspects_page_new (GFile * const *files,
                           guint          n_files)
{
  SmolderSuspectsPage *self;
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autofree char *title = NULL;

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  self = g_object_new (SMOLDER_TYPE_SUSPECTS_PAGE, NULL);
  for (guint i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);
      g_autofree char *escaped = NULL;

      if (path == NULL)
        path = g_file_get_uri (files[i]);
      g_ptr_array_add (self->paths, path);
      escaped = g_markup_escape_text (path, -1);
      g_string_append_printf (tooltip, "%s%s", i > 0 ? "\n" : "", escaped);
    }
  if (n_files == 1)
    {
      g_autofree char *base = g_file_get_basename (files[0]);

      title = g_strdup_printf (_("Leak Suspects: %s"), base);
      smolder_page_set_file (SMOLDER_PAGE (self), files[0]);
    }
  else
    title = g_strdup_printf (_("Leak Suspects (%u files)"), n_files);
  smolder_page_set_title (SMOLDER_PAGE (self), title);
  smolder_page_set_tooltip (SMOLDER_PAGE (self), tooltip->str);
  start (self);
  return SMOLDER_PAGE (self);
}

gboolean
smolder_suspects_page_get_busy (SmolderSuspectsPage *self)
{
  g_return_val_if_fail (SMOLDER_IS_SUSPECTS_PAGE (self), FALSE);

  return self->busy;
}

SmolderTrends *
smolder_suspects_page_get_trends (SmolderSuspectsPage *self,
                                  SmolderProfileKind   kind)
{
  g_return_val_if_fail (SMOLDER_IS_SUSPECTS_PAGE (self), NULL);

  for (guint i = 0; i < self->rankings->len; i++)
    if (smolder_trends_get_kind (self->rankings->pdata[i]) == kind)
      return self->rankings->pdata[i];
  return NULL;
}

GtkListBox *
smolder_suspects_page_get_list (SmolderSuspectsPage *self,
                                SmolderProfileKind   kind)
{
  g_return_val_if_fail (SMOLDER_IS_SUSPECTS_PAGE (self), NULL);

  return g_hash_table_lookup (self->lists, GINT_TO_POINTER (kind));
}

gboolean
smolder_suspects_page_select (SmolderSuspectsPage *self,
                              SmolderProfileKind   kind,
                              guint                rank)
{
  GtkListBox *list;
  GtkListBoxRow *row;

  g_return_val_if_fail (SMOLDER_IS_SUSPECTS_PAGE (self), FALSE);

  list = smolder_suspects_page_get_list (self, kind);
  if (list == NULL || (row = gtk_list_box_get_row_at_index (list, rank)) == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (GTK_STACK (self->kind_stack), smolder_profile_kind_to_string (kind));
  gtk_list_box_select_row (list, row);
  return TRUE;
}

SmolderProfileView *
smolder_suspects_page_get_profile_view (SmolderSuspectsPage *self)
{
  g_return_val_if_fail (SMOLDER_IS_SUSPECTS_PAGE (self), NULL);

  return self->view;
}

const char *
smolder_suspects_page_get_change_text (SmolderSuspectsPage *self)
{
  g_return_val_if_fail (SMOLDER_IS_SUSPECTS_PAGE (self), NULL);

  return self->change_text;
}

SmolderPage *
smolder_suspects_page_compare_first_last (SmolderSuspectsPage *self)
{
  const char *visible;
  SmolderTrends *trends = NULL;
  GtkRoot *root;
  SmolderPage *page;
  guint n;

  g_return_val_if_fail (SMOLDER_IS_SUSPECTS_PAGE (self), NULL);

  visible = self->kind_stack != NULL ? gtk_stack_get_visible_child_name (GTK_STACK (self->kind_stack)) : NULL;
  for (guint i = 0; i < self->rankings->len && visible != NULL; i++)
    if (g_strcmp0 (smolder_profile_kind_to_string (smolder_trends_get_kind (self->rankings->pdata[i])), visible) == 0)
      trends = self->rankings->pdata[i];
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (trends == NULL || (n = smolder_trends_get_n_snapshots (trends)) < 2 || !SMOLDER_IS_WINDOW (root))
    return NULL;
  {
    g_autoptr(GFile) first = g_file_new_for_path (smolder_trends_get_name (trends, 0));
    g_autoptr(GFile) last = g_file_new_for_path (smolder_trends_get_name (trends, n - 1));

    /* Heap in use and goroutines compare absolutely: -diff_base=FIRST LAST. */
    page = smolder_compare_page_new_for_files (first, last);
  }
  smolder_window_add_page (SMOLDER_WINDOW (root), page);
  return page;
}
