/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-view.c: the flame graph of the page's query. The tree is
 * built by the engine on a worker (GTask); each request bumps a
 * generation so that a late tree of an older query is dropped. */

#include <glib/gi18n.h>

#include "smolder-flame-view.h"

#define N_GRANULARITIES (SMOLDER_GRANULARITY_ADDRESSES + 1)

struct _SmolderFlameView
{
  AdwBin parent_instance;

  /* widgets */
  GtkStack *stack;
  SmolderFlameGraph *flame_graph;
  AdwStatusPage *status_page;
  GtkSpinner *spinner;

  /* owned */
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderFrames *frames[N_GRANULARITIES];
  GCancellable *cancellable;
  GRegex *search;

  /* state */
  double match_fraction;
  guint n_matches;
  guint generation;
  gboolean busy;
  gboolean focus_pending;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  SEARCH_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SmolderFlameView, smolder_flame_view, ADW_TYPE_BIN)

/* What the worker is given: immutable inputs only. */
typedef struct {
  GWeakRef view;
  guint generation;
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderFrames *frames;  /* cached for the granularity, or NULL */
} TreeJob;

static void
tree_job_free (TreeJob *job)
{
  g_weak_ref_clear (&job->view);
  g_clear_object (&job->profile);
  g_clear_pointer (&job->query, smolder_query_unref);
  g_clear_object (&job->frames);
  g_free (job);
}

static void
smolder_flame_view_worker (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  TreeJob *job = task_data;
  g_autoptr(SmolderFrames) frames = NULL;
  SmolderCallTree *tree;
  GError *error = NULL;

  if (job->frames != NULL)
    frames = g_object_ref (job->frames);
  else
    frames = smolder_frames_new (job->profile, smolder_query_get_granularity (job->query));

  if (g_task_return_error_if_cancelled (task))
    return;

  tree = smolder_call_tree_new_full (job->profile, frames, job->query,
                                     SMOLDER_CALL_TREE_TOP_DOWN, 0,
                                     cancellable, &error);
  if (tree == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tree, g_object_unref);
}

static void
smolder_flame_view_set_busy (SmolderFlameView *self,
                             gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
smolder_flame_view_apply_search (SmolderFlameView *self)
{
  self->n_matches = smolder_flame_graph_set_search (self->flame_graph, self->search,
                                                    &self->match_fraction);
  if (self->search == NULL)
    self->match_fraction = 0.0;
  g_signal_emit (self, signals[SEARCH_CHANGED], 0);
}

static void
smolder_flame_view_install (SmolderFlameView *self,
                            SmolderCallTree  *tree)
{
  SmolderFrames *frames = smolder_call_tree_get_frames (tree);
  SmolderGranularity granularity = smolder_frames_get_granularity (frames);

  if (granularity < N_GRANULARITIES)
    g_set_object (&self->frames[granularity], frames);

  smolder_flame_graph_set_call_tree (self->flame_graph, tree);
  if (smolder_call_tree_get_total (tree, 0) == 0)
    {
      adw_status_page_set_title (self->status_page, _("Nothing to Show"));
      adw_status_page_set_description (self->status_page,
                                       _("No sample passes the filters, or the samples are all zero."));
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "graph");

  smolder_flame_view_apply_search (self);
  if (self->focus_pending)
    {
      self->focus_pending = FALSE;
      smolder_flame_graph_focus_next_match (self->flame_graph);
    }
}

static void
smolder_flame_view_worker_done (GObject      *source_object,
                                GAsyncResult *res,
                                gpointer      user_data)
{
  GTask *task = G_TASK (res);
  TreeJob *job = g_task_get_task_data (task);
  g_autoptr(SmolderFlameView) self = g_weak_ref_get (&job->view);
  g_autoptr(SmolderCallTree) tree = NULL;
  g_autoptr(GError) error = NULL;

  tree = g_task_propagate_pointer (task, &error);

  /* Gone, or superseded by a newer query: drop it. */
  if (self == NULL || job->generation != self->generation)
    return;

  smolder_flame_view_set_busy (self, FALSE);
  if (tree == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      smolder_flame_graph_set_call_tree (self->flame_graph, NULL);
      adw_status_page_set_title (self->status_page, _("Could Not Build the Flame Graph"));
      {
        g_autofree char *escaped = g_markup_escape_text (error->message, -1);
        adw_status_page_set_description (self->status_page, escaped);
      }
      gtk_stack_set_visible_child_name (self->stack, "status");
      smolder_flame_view_apply_search (self);
      return;
    }

  smolder_flame_view_install (self, tree);
}

static void
smolder_flame_view_update (SmolderFlameView *self)
{
  g_autoptr(GTask) task = NULL;
  SmolderGranularity granularity;
  TreeJob *job;

  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->profile == NULL || self->query == NULL)
    {
      smolder_flame_graph_set_call_tree (self->flame_graph, NULL);
      smolder_flame_view_set_busy (self, FALSE);
      return;
    }

  granularity = smolder_query_get_granularity (self->query);

  job = g_new0 (TreeJob, 1);
  g_weak_ref_init (&job->view, self);
  job->generation = self->generation;
  job->profile = g_object_ref (self->profile);
  job->query = smolder_query_ref (self->query);
  if (granularity < N_GRANULARITIES && self->frames[granularity] != NULL)
    job->frames = g_object_ref (self->frames[granularity]);

  self->cancellable = g_cancellable_new ();
  /* No source object: a running worker must not keep the view alive. */
  task = g_task_new (NULL, self->cancellable, smolder_flame_view_worker_done, NULL);
  g_task_set_source_tag (task, smolder_flame_view_update);
  g_task_set_task_data (task, job, (GDestroyNotify) tree_job_free);
  g_task_run_in_thread (task, smolder_flame_view_worker);

  smolder_flame_view_set_busy (self, TRUE);
}

static void
smolder_flame_view_dispose (GObject *object)
{
  SmolderFlameView *self = SMOLDER_FLAME_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->stack = NULL;
  self->flame_graph = NULL;
  self->status_page = NULL;
  self->spinner = NULL;
  for (guint i = 0; i < N_GRANULARITIES; i++)
    g_clear_object (&self->frames[i]);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->query, smolder_query_unref);
  g_clear_pointer (&self->search, g_regex_unref);

  G_OBJECT_CLASS (smolder_flame_view_parent_class)->dispose (object);
}

static void
smolder_flame_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SmolderFlameView *self = SMOLDER_FLAME_VIEW (object);

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
smolder_flame_view_class_init (SmolderFlameViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smolder_flame_view_dispose;
  object_class->get_property = smolder_flame_view_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The search or the tree changed: new match count and fraction. */
  signals[SEARCH_CHANGED] =
    g_signal_new ("search-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "smolderflameview");
}

static void
smolder_flame_view_init (SmolderFlameView *self)
{
  GtkWidget *overlay = gtk_overlay_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  self->flame_graph = SMOLDER_FLAME_GRAPH (smolder_flame_graph_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->flame_graph), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->flame_graph), TRUE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->flame_graph), "graph");

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

  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->stack));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->spinner));
  adw_bin_set_child (ADW_BIN (self), overlay);
}

GtkWidget *
smolder_flame_view_new (void)
{
  return g_object_new (SMOLDER_TYPE_FLAME_VIEW, NULL);
}

SmolderProfile *
smolder_flame_view_get_profile (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), NULL);

  return self->profile;
}

void
smolder_flame_view_set_profile (SmolderFlameView *self,
                                SmolderProfile   *profile)
{
  g_return_if_fail (SMOLDER_IS_FLAME_VIEW (self));
  g_return_if_fail (!profile || SMOLDER_IS_PROFILE (profile));

  if (!g_set_object (&self->profile, profile))
    return;

  /* Frame tables belong to the old profile. */
  for (guint i = 0; i < N_GRANULARITIES; i++)
    g_clear_object (&self->frames[i]);
  smolder_flame_view_update (self);
}

SmolderQuery *
smolder_flame_view_get_query (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), NULL);

  return self->query;
}

void
smolder_flame_view_set_query (SmolderFlameView *self,
                              SmolderQuery     *query)
{
  g_return_if_fail (SMOLDER_IS_FLAME_VIEW (self));

  if (self->query == query)
    return;

  if (query != NULL)
    smolder_query_ref (query);
  g_clear_pointer (&self->query, smolder_query_unref);
  self->query = query;
  smolder_flame_view_update (self);
}

gboolean
smolder_flame_view_get_busy (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), FALSE);

  return self->busy;
}

SmolderFlameGraph *
smolder_flame_view_get_flame_graph (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), NULL);

  return self->flame_graph;
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

  if (self->busy)
    {
      self->focus_pending = TRUE;
      return;
    }
  smolder_flame_graph_focus_next_match (self->flame_graph);
}
