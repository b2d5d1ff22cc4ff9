/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-callers-view.c: pprof's peek, as two flame graphs. Callers
 * grow upwards from the function (flame), callees hang below it
 * (icicle). Both trees come from one worker (SmolderQueryView), which
 * drops the trees of an older function or query. */

#include <glib/gi18n.h>

#include "smolder-callers-view.h"

struct _SmolderCallersView
{
  SmolderQueryView parent_instance;

  /* widgets */
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkLabel *callers_label;
  GtkLabel *callees_label;
  SmolderFlameGraph *callers_graph;
  SmolderFlameGraph *callees_graph;

  /* owned */
  char *function;
};

enum {
  PROP_0,
  PROP_FUNCTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SmolderCallersView, smolder_callers_view, SMOLDER_TYPE_QUERY_VIEW)

typedef struct {
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderFrames *frames;
  char *function;
} PeekJob;

typedef struct {
  SmolderFrames *frames;
  SmolderCallTree *callers;
  SmolderCallTree *callees;
} PeekResult;

static void
peek_job_free (PeekJob *job)
{
  g_clear_object (&job->profile);
  g_clear_pointer (&job->query, smolder_query_unref);
  g_clear_object (&job->frames);
  g_free (job->function);
  g_free (job);
}

static void
peek_result_free (PeekResult *result)
{
  g_clear_object (&result->frames);
  g_clear_object (&result->callers);
  g_clear_object (&result->callees);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PeekResult, peek_result_free)

static gpointer
smolder_callers_view_compute (gpointer       data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  PeekJob *job = data;
  g_autoptr(PeekResult) result = g_new0 (PeekResult, 1);
  guint frame;

  if (job->frames != NULL)
    result->frames = g_object_ref (job->frames);
  else
    result->frames = smolder_frames_new (job->profile, smolder_query_get_granularity (job->query));

  if (!smolder_frames_lookup (result->frames, job->function, &frame))
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                   _("“%s” is not a frame of this profile at this granularity"),
                   job->function);
      return NULL;
    }

  result->callers = smolder_call_tree_new_callers (result->frames, job->query, frame,
                                                   cancellable, error);
  if (result->callers == NULL)
    return NULL;
  result->callees = smolder_call_tree_new_callees (result->frames, job->query, frame,
                                                   cancellable, error);
  if (result->callees == NULL)
    return NULL;

  return g_steal_pointer (&result);
}

static void
smolder_callers_view_show_status (SmolderCallersView *self,
                                  const char         *title,
                                  const char         *description)
{
  g_autofree char *escaped = description ? g_markup_escape_text (description, -1) : NULL;

  smolder_flame_graph_set_call_tree (self->callers_graph, NULL);
  smolder_flame_graph_set_call_tree (self->callees_graph, NULL);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
smolder_callers_view_compute_done (gpointer      owner,
                                   gpointer      data,
                                   const GError *error)
{
  SmolderCallersView *self = owner;
  PeekResult *result = data;
  g_autofree char *callers = NULL;
  g_autofree char *callees = NULL;

  /* The name is no frame of the profile now (another granularity), or the
   * filters took away every sample through it: nothing is selected. */
  if ((result == NULL && g_error_matches (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY))
      || (result != NULL && (smolder_call_tree_get_n_nodes (result->callers) == 0
                             || smolder_call_tree_get_total (result->callers, 0) == 0)))
    {
      if (result != NULL)
        smolder_query_view_keep_frames (SMOLDER_QUERY_VIEW (self), result->frames);
      smolder_callers_view_set_function (self, NULL);
      return;
    }
  if (result == NULL)
    {
      smolder_callers_view_show_status (self, _("No Callers or Callees"), error->message);
      return;
    }

  smolder_query_view_keep_frames (SMOLDER_QUERY_VIEW (self), result->frames);

  callers = g_strdup_printf (_("Callers of %s"), self->function);
  callees = g_strdup_printf (_("Callees of %s"), self->function);
  gtk_label_set_text (self->callers_label, callers);
  gtk_label_set_text (self->callees_label, callees);
  smolder_flame_graph_set_base_name (self->callers_graph, self->function);
  smolder_flame_graph_set_base_name (self->callees_graph, self->function);
  smolder_flame_graph_set_call_tree (self->callers_graph, result->callers);
  smolder_flame_graph_set_call_tree (self->callees_graph, result->callees);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
smolder_callers_view_show_no_function (SmolderCallersView *self)
{
  smolder_callers_view_show_status (self, _("No Function Selected"),
                                    _("Select a function in Top or in the flame graph, or choose Show Callers/Callees on it."));
}

static void
smolder_callers_view_refresh (SmolderQueryView *view,
                              SmolderProfile   *profile,
                              SmolderQuery     *query)
{
  SmolderCallersView *self = SMOLDER_CALLERS_VIEW (view);
  PeekJob *job;

  if (self->function == NULL)
    {
      smolder_callers_view_show_no_function (self);
      return;
    }

  job = g_new0 (PeekJob, 1);
  job->profile = g_object_ref (profile);
  job->query = smolder_query_ref (query);
  job->function = g_strdup (self->function);
  job->frames = smolder_query_view_lookup_frames (view);
  smolder_query_view_run (view, smolder_callers_view_compute,
                          job, (GDestroyNotify) peek_job_free,
                          (GDestroyNotify) peek_result_free,
                          smolder_callers_view_compute_done);
}

static void
smolder_callers_view_clear (SmolderQueryView *view)
{
  smolder_callers_view_show_no_function (SMOLDER_CALLERS_VIEW (view));
}

/* A function's name means another frame (or none) at another granularity:
 * the choice is made again. */
static gboolean
smolder_callers_view_query_changes (SmolderQueryView   *view,
                                    const SmolderQuery *old,
                                    const SmolderQuery *query)
{
  SmolderCallersView *self = SMOLDER_CALLERS_VIEW (view);

  if (smolder_query_get_granularity (old) != smolder_query_get_granularity (query)
      && self->function != NULL)
    {
      g_clear_pointer (&self->function, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNCTION]);
    }
  return TRUE;
}

static void
smolder_callers_view_dispose (GObject *object)
{
  SmolderCallersView *self = SMOLDER_CALLERS_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  self->stack = NULL;
  self->callers_graph = NULL;
  self->callees_graph = NULL;
  g_clear_pointer (&self->function, g_free);

  G_OBJECT_CLASS (smolder_callers_view_parent_class)->dispose (object);
}

static void
smolder_callers_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SmolderCallersView *self = SMOLDER_CALLERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_FUNCTION:
      g_value_set_string (value, self->function);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_callers_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SmolderCallersView *self = SMOLDER_CALLERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_FUNCTION:
      smolder_callers_view_set_function (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_callers_view_class_init (SmolderCallersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SmolderQueryViewClass *view_class = SMOLDER_QUERY_VIEW_CLASS (klass);

  object_class->dispose = smolder_callers_view_dispose;
  object_class->get_property = smolder_callers_view_get_property;
  object_class->set_property = smolder_callers_view_set_property;
  view_class->refresh = smolder_callers_view_refresh;
  view_class->clear = smolder_callers_view_clear;
  view_class->query_changes = smolder_callers_view_query_changes;

  properties[PROP_FUNCTION] =
    g_param_spec_string ("function", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "smoldercallersview");
}

static GtkWidget *
pane_new (GtkLabel          **out_label,
          SmolderFlameGraph **out_graph)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *graph = smolder_flame_graph_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_vexpand (graph, TRUE);
  gtk_widget_set_size_request (graph, -1, 80);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), graph);

  *out_label = GTK_LABEL (label);
  *out_graph = SMOLDER_FLAME_GRAPH (graph);
  return box;
}

static void
smolder_callers_view_init (SmolderCallersView *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);

  self->stack = GTK_STACK (gtk_stack_new ());
  self->status_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status_page, "find-location-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status_page), "status");

  gtk_paned_set_start_child (GTK_PANED (paned), pane_new (&self->callers_label, &self->callers_graph));
  gtk_paned_set_end_child (GTK_PANED (paned), pane_new (&self->callees_label, &self->callees_graph));
  gtk_paned_set_wide_handle (GTK_PANED (paned), TRUE);
  /* Callers above the function, callees below it. */
  smolder_flame_graph_set_orientation (self->callers_graph, SMOLDER_FLAME_ORIENTATION_FLAME);
  smolder_flame_graph_set_orientation (self->callees_graph, SMOLDER_FLAME_ORIENTATION_ICICLE);
  gtk_stack_add_named (self->stack, paned, "content");

  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  smolder_callers_view_show_no_function (self);
}

GtkWidget *
smolder_callers_view_new (void)
{
  return g_object_new (SMOLDER_TYPE_CALLERS_VIEW, NULL);
}

const char *
smolder_callers_view_get_function (SmolderCallersView *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALLERS_VIEW (self), NULL);

  return self->function;
}

void
smolder_callers_view_set_function (SmolderCallersView *self,
                                   const char         *name)
{
  g_return_if_fail (SMOLDER_IS_CALLERS_VIEW (self));

  if (g_strcmp0 (self->function, name) == 0)
    return;
  g_free (self->function);
  self->function = g_strdup (name);
  smolder_query_view_invalidate (SMOLDER_QUERY_VIEW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNCTION]);
}

SmolderFlameGraph *
smolder_callers_view_get_callers_graph (SmolderCallersView *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALLERS_VIEW (self), NULL);

  return self->callers_graph;
}

SmolderFlameGraph *
smolder_callers_view_get_callees_graph (SmolderCallersView *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALLERS_VIEW (self), NULL);

  return self->callees_graph;
}
