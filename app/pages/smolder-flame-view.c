/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-view.c: the flame graph of the page's query. The tree is
 * built by the engine on a worker, and the search's matches are found on
 * one too (SmolderViewTask drops late results of older requests). */

#include <glib/gi18n.h>

#include "smolder-flame-view.h"
#include "smolder-view-task.h"

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
  SmolderFramesCache *frames_cache;
  SmolderViewTask tree_task;
  SmolderViewTask search_task;
  GRegex *search;

  /* state */
  double match_fraction;
  guint n_matches;
  gboolean building;
  gboolean searching;
  gboolean busy;
  gboolean focus_pending;
  gboolean active;  /* shown (or standalone): computes on every change */
  gboolean stale;   /* hidden since the query changed: builds when shown */
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
smolder_flame_view_sync_busy (SmolderFlameView *self)
{
  gboolean busy = self->building || self->searching;

  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
smolder_flame_view_search_changed (SmolderFlameView *self)
{
  g_signal_emit (self, signals[SEARCH_CHANGED], 0);
  if (self->focus_pending && !self->busy)
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

  self->searching = FALSE;
  smolder_flame_graph_set_flame_search (self->flame_graph, search);
  self->n_matches = search != NULL ? smolder_flame_search_get_n_matches (search) : 0;
  self->match_fraction = search != NULL ? smolder_flame_search_get_fraction (search) : 0.0;
  smolder_flame_view_sync_busy (self);
  smolder_flame_view_search_changed (self);
}

/* The matches of the search in the tree shown, found on a worker. */
static void
smolder_flame_view_apply_search (SmolderFlameView *self)
{
  SmolderCallTree *tree = smolder_flame_graph_get_call_tree (self->flame_graph);
  SearchJob *job;

  /* The tree shown is an old one: searched once the new one arrives. */
  if (self->stale && self->search != NULL)
    {
      smolder_view_task_cancel (&self->search_task);
      self->searching = FALSE;
      smolder_flame_view_sync_busy (self);
      return;
    }

  if (self->search == NULL || tree == NULL)
    {
      smolder_view_task_cancel (&self->search_task);
      self->searching = FALSE;
      smolder_flame_graph_set_flame_search (self->flame_graph, NULL);
      self->n_matches = 0;
      self->match_fraction = 0.0;
      smolder_flame_view_sync_busy (self);
      smolder_flame_view_search_changed (self);
      return;
    }

  job = g_new0 (SearchJob, 1);
  job->tree = g_object_ref (tree);
  job->regex = g_regex_ref (self->search);
  self->searching = TRUE;
  smolder_view_task_start (&self->search_task, self, smolder_flame_view_search_tree,
                           job, (GDestroyNotify) search_job_free,
                           (GDestroyNotify) smolder_flame_search_unref,
                           smolder_flame_view_search_done);
  smolder_flame_view_sync_busy (self);
}

static void
smolder_flame_view_install (SmolderFlameView *self,
                            SmolderCallTree  *tree)
{
  SmolderFrames *frames = smolder_call_tree_get_frames (tree);

  smolder_frames_cache_set (self->frames_cache, frames);
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
}

static void
smolder_flame_view_tree_done (gpointer      owner,
                              gpointer      result,
                              const GError *error)
{
  SmolderFlameView *self = owner;
  g_autofree char *escaped = NULL;

  /* "busy" follows once the search (if any) is under way. */
  self->building = FALSE;
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
smolder_flame_view_update (SmolderFlameView *self)
{
  TreeJob *job;

  if (self->profile == NULL || self->query == NULL)
    {
      smolder_view_task_cancel (&self->tree_task);
      self->building = FALSE;
      self->stale = FALSE;
      smolder_flame_graph_set_call_tree (self->flame_graph, NULL);
      smolder_flame_view_apply_search (self);
      return;
    }

  /* Hidden: no worker for a tree nobody sees; built when shown. */
  if (!self->active)
    {
      smolder_view_task_cancel (&self->tree_task);
      self->building = FALSE;
      self->stale = TRUE;
      smolder_flame_view_sync_busy (self);
      return;
    }

  self->stale = FALSE;
  job = g_new0 (TreeJob, 1);
  job->profile = g_object_ref (self->profile);
  job->query = smolder_query_ref (self->query);
  job->frames = smolder_frames_cache_lookup (self->frames_cache, self->profile,
                                             smolder_query_get_granularity (self->query));
  self->building = TRUE;
  smolder_view_task_start (&self->tree_task, self, smolder_flame_view_build_tree,
                           job, (GDestroyNotify) tree_job_free, g_object_unref,
                           smolder_flame_view_tree_done);
  smolder_flame_view_sync_busy (self);
}

static void
smolder_flame_view_dispose (GObject *object)
{
  SmolderFlameView *self = SMOLDER_FLAME_VIEW (object);

  smolder_view_task_clear (&self->tree_task);
  smolder_view_task_clear (&self->search_task);
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->stack = NULL;
  self->flame_graph = NULL;
  self->status_page = NULL;
  self->spinner = NULL;
  g_clear_object (&self->frames_cache);
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

  self->frames_cache = smolder_frames_cache_new ();
  self->active = TRUE;

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

  smolder_flame_view_update (self);
}

void
smolder_flame_view_set_frames_cache (SmolderFlameView   *self,
                                     SmolderFramesCache *cache)
{
  g_return_if_fail (SMOLDER_IS_FLAME_VIEW (self));
  g_return_if_fail (SMOLDER_IS_FRAMES_CACHE (cache));

  g_set_object (&self->frames_cache, cache);
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

void
smolder_flame_view_set_active (SmolderFlameView *self,
                               gboolean          active)
{
  g_return_if_fail (SMOLDER_IS_FLAME_VIEW (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  if (active && self->stale)
    smolder_flame_view_update (self);
  else if (!active && self->building)
    {
      /* Hidden before its tree came: the worker stops, the tree is built
       * when shown again. */
      smolder_view_task_cancel (&self->tree_task);
      self->building = FALSE;
      self->stale = TRUE;
      smolder_flame_view_sync_busy (self);
    }
}

gboolean
smolder_flame_view_get_active (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), FALSE);

  return self->active;
}

gboolean
smolder_flame_view_get_stale (SmolderFlameView *self)
{
  g_return_val_if_fail (SMOLDER_IS_FLAME_VIEW (self), FALSE);

  return self->stale;
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

  if (self->busy || self->stale)
    {
      self->focus_pending = TRUE;
      return;
    }
  smolder_flame_graph_focus_next_match (self->flame_graph);
}
