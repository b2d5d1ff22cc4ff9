/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-view.c: the flame graph of a (profile, query). The tree is
 * built by the engine on a worker (SmolderQueryView), and the search's
 * matches are found on one too (SmolderViewTask drops late results of
 * older requests). */

#include <glib/gi18n.h>

#include "smolder-flame-view.h"

struct _SmolderFlameView
{
  SmolderQueryView parent_instance;

  /* widgets */
  GtkStack *stack;
  SmolderFlameGraph *flame_graph;
  GtkWidget         *scrollbar;    /* only when the graph is deeper than the view */
  GtkLabel          *status_label; /* the focused frame and its values */
  AdwStatusPage *status_page;
  GtkSpinner *spinner;
  SmolderFlameLegend *legend;  /* the colours by package, on demand */

  /* owned */
  SmolderViewTask search_task;
  GRegex *search;

  /* state */
  double match_fraction;
  guint n_matches;
  gboolean searching;
  gboolean focus_pending;
};

enum {
  SEARCH_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SmolderFlameView, smolder_flame_view, SMOLDER_TYPE_QUERY_VIEW)

/* What a worker is given: immutable inputs only. */
typedef struct {
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderFrames *frames;  /* cached for the granularity, or NULL */
} TreeJob;

typedef struct {
  SmolderCallTree *tree;
  GRegex *regex;
} SearchJob;

static void
tree_job_free (TreeJob *job)
{
  g_clear_object (&job->profile);
  g_clear_pointer (&job->query, smolder_query_unref);
  g_clear_object (&job->frames);
  g_free (job);
}

static void
search_job_free (SearchJob *job)
{
  g_clear_object (&job->tree);
  g_clear_pointer (&job->regex, g_regex_unref);
  g_free (job);
}

static gpointer
smolder_flame_view_build_tree (gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error)
{
  TreeJob *job = data;
  g_autoptr(SmolderFrames) frames = NULL;

  if (job->frames != NULL)
    frames = g_object_ref (job->frames);
  else
    frames = smolder_frames_new (job->profile, smolder_query_get_granularity (job->query));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return smolder_call_tree_new_full (job->profile, frames, job->query,
                                     SMOLDER_CALL_TREE_TOP_DOWN, 0,
                                     cancellable, error);
}

/* A regex over every node's name: a worker's job on a large tree. */
static gpointer
smolder_flame_view_search_tree (gpointer       data,
                                GCancellable  *cancellable,
                                GError       **error)
{
  SearchJob *job = data;

  return smolder_flame_search_new (job->tree, job->regex);
}

static void
smolder_flame_view_busy_cb (SmolderFlameView *self)
{
  gboolean busy = smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
smolder_flame_view_set_searching (SmolderFlameView *self,
                                  gboolean          searching)
{
  self->searching = searching;
  smolder_query_view_set_extra_busy (SMOLDER_QUERY_VIEW (self), searching);
}

static void
smolder_flame_view_search_changed (SmolderFlameView *self)
{
  g_signal_emit (self, signals[SEARCH_CHANGED], 0);
  if (self->focus_pending && !smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (self)))
    {
      self->focus_pending = FALSE;
      smolder_flame_graph_focus_next_match (self->flame_graph);
    }
}

static void
smolder_flame_view_search_done (gpointer      owner,
                                gpointer      result,
                                const GError *error)
{
  SmolderFlameView *self = owner;
  SmolderFlameSearch *search = result;

  smolder_flame_graph_set_flame_search (self->flame_graph, search);
  self->n_matches = search != NULL ? smolder_flame_search_get_n_matches (search) : 0;
  self->match_fraction = search != NULL ? smolder_flame_search_get_fraction (search) : 0.0;
  smolder_flame_view_set_searching (self, FALSE);
  smolder_flame_view_search_changed (self);
}

/* The matches of the search in the tree shown, found on a worker. */
static void
smolder_flame_view_apply_search (SmolderFlameView *self)
{
  SmolderCallTree *tree = smolder_flame_graph_get_call_tree (self->flame_graph);
  SearchJob *job;

  /* The tree shown is an old one: searched once the new one arrives. */
  if (smolder_query_view_get_stale (SMOLDER_QUERY_VIEW (self)) && self->search != NULL)
    {
      smolder_view_task_cancel (&self->search_task);
      smolder_flame_view_set_searching (self, FALSE);
      return;
    }

  if (self->search == NULL || tree == NULL)
    {
      smolder_view_task_cancel (&self->search_task);
      smolder_flame_graph_set_flame_search (self->flame_graph, NULL);
      self->n_matches = 0;
      self->match_fraction = 0.0;
      smolder_flame_view_set_searching (self, FALSE);
      smolder_flame_view_search_changed (self);
      return;
    }

  job = g_new0 (SearchJob, 1);
  job->tree = g_object_ref (tree);
  job->regex = g_regex_ref (self->search);
  smolder_view_task_start (&self->search_task, self, smolder_flame_view_search_tree,
                           job, (GDestroyNotify) search_job_free,
                           (GDestroyNotify) smolder_flame_search_unref,
                           smolder_flame_view_search_done);
  smolder_flame_view_set_searching (self, TRUE);
}

static void
smolder_flame_view_install (SmolderFlameView *self,
                            SmolderCallTree  *tree)
{
  SmolderFrames *frames = smolder_call_tree_get_frames (tree);

  smolder_query_view_keep_frames (SMOLDER_QUERY_VIEW (self), frames);
  smolder_flame_graph_set_call_tree (self->flame_graph, tree);
  if (smolder_call_tree_get_total (tree, 0) == 0)
    {
      SmolderProfile *profile = smolder_frames_get_profile (frames);
      const char *why;

      /* Say which: a delta profile of a quiet interval holds no samples at
       * all, and no filter would bring any back. */
      if (smolder_profile_get_n_samples (profile) == 0)
        why = _("This profile holds no samples: nothing was recorded (a delta profile of a quiet interval is empty).");
      else if (smolder_profile_get_total (profile, smolder_call_tree_get_sample_index (tree)) == 0)
        why = _("Every sample of this type is zero.");
      else
        why = _("No sample passes the filters.");
      adw_status_page_set_title (self->status_page, _("Nothing to Show"));
      adw_status_page_set_description (self->status_page, why);
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "graph");

  smolder_flame_view_apply_search (self);
}

static void
smolder_flame_view_tree_done (gpointer      owner,
                              gpointer      result,
                              const GError *error)
{
  SmolderFlameView *self = owner;
  g_autofree char *escaped = NULL;

  /* "busy" follows once the search (if any) is under way. */
  if (result != NULL)
    {
      smolder_flame_view_install (self, result);
      return;
    }

  smolder_flame_graph_set_call_tree (self->flame_graph, NULL);
  adw_status_page_set_title (self->status_page, _("Could Not Build the Flame Graph"));
  escaped = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "status");
  smolder_flame_view_apply_search (self);
}

static void
smolder_flame_view_refresh (SmolderQueryView *view,
                            SmolderProfile   *profile,
                            SmolderQuery     *query)
{
  TreeJob *job = g_new0 (TreeJob, 1);

  job->profile = g_object_ref (profile);
  job->query = smolder_query_ref (query);
  job->frames = smolder_query_view_lookup_frames (view);
  smolder_query_view_run (view, smolder_flame_view_build_tree,
                          job, (GDestroyNotify) tree_job_free, g_object_unref,
                          smolder_flame_view_tree_done);
}

static void
smolder_flame_view_clear (SmolderQueryView *view)
{
  SmolderFlameView *self = SMOLDER_FLAME_VIEW (view);

  smolder_flame_graph_set_call_tree (self->flame_graph, NULL);
  smolder_flame_view_apply_search (self);
}

static void
smolder_flame_view_dispose (GObject *object)
{
  SmolderFlameView *self = SMOLDER_FLAME_VIEW (object);

  smolder_view_task_clear (&self->search_task);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->stack = NULL;
  self->flame_graph = NULL;
  self->status_page = NULL;
  self->spinner = NULL;
  g_clear_pointer (&self->search, g_regex_unref);

  G_OBJECT_CLASS (smolder_flame_view_parent_class)->dispose (object);
}

static void
smolder_flame_view_class_init (SmolderFlameViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SmolderQueryViewClass *view_class = SMOLDER_QUERY_VIEW_CLASS (klass);

  object_class->dispose = smolder_flame_view_dispose;
  view_class->refresh = smolder_flame_view_refresh;
  view_class->clear = smolder_flame_view_clear;

  /* The search or the tree changed: new match count and fraction. */
  signals[SEARCH_CHANGED] =
    g_signal_new ("search-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "smolderflameview");
}

static void
smolder_flame_view_sync_scrollbar (SmolderFlameView *self,
                                   GtkAdjustment    *adjustment)
{
  gtk_widget_set_visible (self->scrollbar,
                          gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 0.5);
}

static void
smolder_flame_view_sync_status (SmolderFlameView *self)
{
  guint32 node = smolder_flame_graph_get_focus_node (self->flame_graph);
  g_autofree char *lines = smolder_flame_graph_describe_node (self->flame_graph, node);
  g_auto(GStrv) parts = lines != NULL ? g_strsplit (lines, "\n", -1) : NULL;
  g_autofree char *text = parts != NULL ? g_strjoinv ("  —  ", parts) : NULL;

  /* One line: "name  —  file:line  —  Self: …  —  Total: …". */
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* The legend goes with the graph, not with "Nothing to Show". */
static gboolean
smolder_flame_view_is_graph (GBinding     *binding,
                             const GValue *from,
                             GValue       *to,
                             gpointer      user_data)
{
  g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), "graph") == 0);
  return TRUE;
}

static void
smolder_flame_view_init (SmolderFlameView *self)
{
  GtkWidget *overlay = gtk_overlay_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  self->flame_graph = SMOLDER_FLAME_GRAPH (smolder_flame_graph_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->flame_graph), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->flame_graph), TRUE);
  /* The graph scrolls itself (wheel, keys); the bar shows where and how
   * much is left, only when the graph is deeper than the view. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkAdjustment *adjustment = smolder_flame_graph_get_vadjustment (self->flame_graph);

    self->scrollbar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, adjustment);
    gtk_widget_set_visible (self->scrollbar, FALSE);
    g_signal_connect_object (adjustment, "changed",
                             G_CALLBACK (smolder_flame_view_sync_scrollbar), self, G_CONNECT_SWAPPED);
    GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->flame_graph));
    gtk_box_append (GTK_BOX (box), self->scrollbar);
    gtk_box_append (GTK_BOX (page), box);
    /* The frame picked with the keys, in words: the outline alone is easy
     * to lose, and its values are what the user came for. */
    self->status_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->status_label, 0);
    gtk_label_set_ellipsize (self->status_label, PANGO_ELLIPSIZE_MIDDLE);
    gtk_label_set_selectable (self->status_label, FALSE);
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "caption");
    gtk_widget_set_margin_start (GTK_WIDGET (self->status_label), 6);
    gtk_widget_set_margin_end (GTK_WIDGET (self->status_label), 6);
    gtk_widget_set_margin_top (GTK_WIDGET (self->status_label), 3);
    gtk_widget_set_margin_bottom (GTK_WIDGET (self->status_label), 3);
    gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
    gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->status_label));
    g_signal_connect_object (self->flame_graph, "notify::focus-node",
                             G_CALLBACK (smolder_flame_view_sync_status), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->flame_graph, "notify::call-tree",
                             G_CALLBACK (smolder_flame_view_sync_status), self, G_CONNECT_SWAPPED);
    gtk_stack_add_named (self->stack, page, "graph");
  }

  self->status_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status_page, "edit-find-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status_page), "status");
  gtk_stack_set_visible_child_name (self->stack, "graph");

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->spinner), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->spinner), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->spinner), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (self->spinner), FALSE);

  self->legend = SMOLDER_FLAME_LEGEND (smolder_flame_legend_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->legend), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->legend), GTK_ALIGN_END);
  gtk_widget_set_margin_end (GTK_WIDGET (self->legend), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->legend), 30);
  g_object_bind_property (self->flame_graph, "call-tree", self->legend, "call-tree", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->stack, "visible-child-name", self->legend, "visible",
                               G_BINDING_SYNC_CREATE, smolder_flame_view_is_graph, NULL, NULL, NULL);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->stack));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->legend));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->spinner));
  adw_bin_set_child (ADW_BIN (self), overlay);

  g_signal_connect (self, "notify::busy", G_CALLBACK (smolder_flame_view_busy_cb), NULL);
}

GtkWidget *
smolder_flame_view_new (void)
{
  return g_object_new (SMOLDER_TYPE_FLAME_VIEW, NULL);
}

SmolderFlameGraph *
smolder_flame_view_get_flame_graph (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), NULL);

  return self->flame_graph;
}

SmolderFlameLegend *
smolder_flame_view_get_legend (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), NULL);

  return self->legend;
}

SmolderCallTree *
smolder_flame_view_get_call_tree (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), NULL);

  return smolder_flame_graph_get_call_tree (self->flame_graph);
}

void
smolder_flame_view_set_search (SmolderFlameView *self,
                               GRegex           *regex)
{
  g_return_if_fail (SMOLDER_IS_FLAME_VIEW (self));

  if (self->search == regex)
    return;

  if (regex != NULL)
    g_regex_ref (regex);
  g_clear_pointer (&self->search, g_regex_unref);
  self->search = regex;
  self->focus_pending = FALSE;
  smolder_flame_view_apply_search (self);
}

GRegex *
smolder_flame_view_get_search (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), NULL);

  return self->search;
}

guint
smolder_flame_view_get_n_matches (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), 0);

  return self->n_matches;
}

double
smolder_flame_view_get_match_fraction (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), 0.0);

  return self->match_fraction;
}

void
smolder_flame_view_focus_next_match (SmolderFlameView *self)
{
  g_return_if_fail (SMOLDER_IS_FLAME_VIEW (self));

  if (smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (self))
      || smolder_query_view_get_stale (SMOLDER_QUERY_VIEW (self)))
    {
      self->focus_pending = TRUE;
      return;
    }
  smolder_flame_graph_focus_next_match (self->flame_graph);
}
