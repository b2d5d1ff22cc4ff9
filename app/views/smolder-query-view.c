/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-query-view.c: the plumbing the views share: input, frame
 * tables, worker, busy, and going stale while hidden. */

#include "smolder-query-view.h"

typedef struct
{
  SmolderProfile *profile;
  SmolderQuery *query;
  SmolderFramesCache *frames_cache;
  SmolderViewTask task;
  SmolderViewTaskDone done;  /* the subclass's, for the task in flight */

  gboolean computing;
  gboolean extra_busy;
  gboolean busy;
  gboolean active;  /* shown (or standalone): computes on every change */
  gboolean stale;   /* hidden since its input changed: computes when shown */
} SmolderQueryViewPrivate;

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_QUERY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SmolderQueryView, smolder_query_view, ADW_TYPE_BIN)

#define PRIV(self) ((SmolderQueryViewPrivate *) smolder_query_view_get_instance_private (self))

static void
smolder_query_view_sync_busy (SmolderQueryView *self)
{
  SmolderQueryViewPrivate *priv = PRIV (self);
  gboolean busy = priv->computing || priv->extra_busy;

  if (priv->busy == busy)
    return;
  priv->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
smolder_query_view_stop (SmolderQueryView *self)
{
  SmolderQueryViewPrivate *priv = PRIV (self);

  smolder_view_task_cancel (&priv->task);
  priv->computing = FALSE;
}

void
smolder_query_view_invalidate (SmolderQueryView *self)
{
  SmolderQueryViewPrivate *priv = PRIV (self);

  g_return_if_fail (SMOLDER_IS_QUERY_VIEW (self));

  smolder_query_view_stop (self);
  if (priv->profile == NULL || priv->query == NULL)
    {
      priv->stale = FALSE;
      SMOLDER_QUERY_VIEW_GET_CLASS (self)->clear (self);
    }
  else if (!priv->active)
    /* Hidden: no worker for what nobody sees; computed when shown. */
    priv->stale = TRUE;
  else
    {
      priv->stale = FALSE;
      SMOLDER_QUERY_VIEW_GET_CLASS (self)->refresh (self, priv->profile, priv->query);
    }
  smolder_query_view_sync_busy (self);
}

static void
smolder_query_view_done (gpointer      owner,
                         gpointer      result,
                         const GError *error)
{
  SmolderQueryView *self = owner;
  SmolderQueryViewPrivate *priv = PRIV (self);

  /* "busy" follows once the subclass has shown the result (and started
   * whatever more it does with it). */
  priv->computing = FALSE;
  priv->done (self, result, error);
  smolder_query_view_sync_busy (self);
}

void
smolder_query_view_run (SmolderQueryView    *self,
                        SmolderViewTaskFunc  func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        GDestroyNotify       result_free,
                        SmolderViewTaskDone  done)
{
  SmolderQueryViewPrivate *priv = PRIV (self);

  g_return_if_fail (SMOLDER_IS_QUERY_VIEW (self));

  priv->done = done;
  priv->computing = TRUE;
  smolder_view_task_start (&priv->task, self, func, data, data_free, result_free,
                           smolder_query_view_done);
  smolder_query_view_sync_busy (self);
}

void
smolder_query_view_set_extra_busy (SmolderQueryView *self,
                                   gboolean          busy)
{
  g_return_if_fail (SMOLDER_IS_QUERY_VIEW (self));

  PRIV (self)->extra_busy = !!busy;
  smolder_query_view_sync_busy (self);
}

SmolderFrames *
smolder_query_view_lookup_frames (SmolderQueryView *self)
{
  SmolderQueryViewPrivate *priv = PRIV (self);

  g_return_val_if_fail (SMOLDER_IS_QUERY_VIEW (self), NULL);

  if (priv->profile == NULL || priv->query == NULL)
    return NULL;
  return smolder_frames_cache_lookup (priv->frames_cache, priv->profile,
                                      smolder_query_get_granularity (priv->query));
}

void
smolder_query_view_keep_frames (SmolderQueryView *self,
                                SmolderFrames    *frames)
{
  g_return_if_fail (SMOLDER_IS_QUERY_VIEW (self));

  smolder_frames_cache_set (PRIV (self)->frames_cache, frames);
}

static gboolean
smolder_query_view_real_query_changes (SmolderQueryView   *self,
                                       const SmolderQuery *old,
                                       const SmolderQuery *query)
{
  return TRUE;
}

static void
smolder_query_view_dispose (GObject *object)
{
  SmolderQueryView *self = SMOLDER_QUERY_VIEW (object);
  SmolderQueryViewPrivate *priv = PRIV (self);

  smolder_view_task_clear (&priv->task);
  g_clear_object (&priv->frames_cache);
  g_clear_object (&priv->profile);
  g_clear_pointer (&priv->query, smolder_query_unref);

  G_OBJECT_CLASS (smolder_query_view_parent_class)->dispose (object);
}

static void
smolder_query_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SmolderQueryView *self = SMOLDER_QUERY_VIEW (object);
  SmolderQueryViewPrivate *priv = PRIV (self);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, priv->profile);
      break;
    case PROP_QUERY:
      g_value_set_boxed (value, priv->query);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, priv->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_query_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SmolderQueryView *self = SMOLDER_QUERY_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      smolder_query_view_set_profile (self, g_value_get_object (value));
      break;
    case PROP_QUERY:
      smolder_query_view_set_query (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_query_view_class_init (SmolderQueryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smolder_query_view_dispose;
  object_class->get_property = smolder_query_view_get_property;
  object_class->set_property = smolder_query_view_set_property;
  klass->query_changes = smolder_query_view_real_query_changes;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, SMOLDER_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, SMOLDER_TYPE_QUERY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smolder_query_view_init (SmolderQueryView *self)
{
  SmolderQueryViewPrivate *priv = PRIV (self);

  priv->frames_cache = smolder_frames_cache_new ();
  priv->active = TRUE;
}

SmolderProfile *
smolder_query_view_get_profile (SmolderQueryView *self)
{
  g_return_val_if_fail (SMOLDER_IS_QUERY_VIEW (self), NULL);

  return PRIV (self)->profile;
}

void
smolder_query_view_set_profile (SmolderQueryView *self,
                                SmolderProfile   *profile)
{
  g_return_if_fail (SMOLDER_IS_QUERY_VIEW (self));
  g_return_if_fail (profile == NULL || SMOLDER_IS_PROFILE (profile));

  if (!g_set_object (&PRIV (self)->profile, profile))
    return;
  smolder_query_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

SmolderQuery *
smolder_query_view_get_query (SmolderQueryView *self)
{
  g_return_val_if_fail (SMOLDER_IS_QUERY_VIEW (self), NULL);

  return PRIV (self)->query;
}

void
smolder_query_view_set_query (SmolderQueryView *self,
                              SmolderQuery     *query)
{
  SmolderQueryViewPrivate *priv = PRIV (self);
  g_autoptr(SmolderQuery) old = NULL;
  gboolean changes;

  g_return_if_fail (SMOLDER_IS_QUERY_VIEW (self));

  if (priv->query == query)
    return;

  old = g_steal_pointer (&priv->query);
  priv->query = query != NULL ? smolder_query_ref (query) : NULL;
  changes = old == NULL || query == NULL
            || SMOLDER_QUERY_VIEW_GET_CLASS (self)->query_changes (self, old, query);
  if (changes)
    smolder_query_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

void
smolder_query_view_set_frames_cache (SmolderQueryView   *self,
                                     SmolderFramesCache *cache)
{
  g_return_if_fail (SMOLDER_IS_QUERY_VIEW (self));
  g_return_if_fail (SMOLDER_IS_FRAMES_CACHE (cache));

  g_set_object (&PRIV (self)->frames_cache, cache);
}

gboolean
smolder_query_view_get_busy (SmolderQueryView *self)
{
  g_return_val_if_fail (SMOLDER_IS_QUERY_VIEW (self), FALSE);

  return PRIV (self)->busy;
}

void
smolder_query_view_set_active (SmolderQueryView *self,
                               gboolean          active)
{
  SmolderQueryViewPrivate *priv = PRIV (self);

  g_return_if_fail (SMOLDER_IS_QUERY_VIEW (self));

  active = !!active;
  if (priv->active == active)
    return;
  priv->active = active;
  if (active && priv->stale)
    smolder_query_view_invalidate (self);
  else if (!active && priv->computing)
    {
      /* Hidden before its result came: the worker stops, and computes
       * again when shown. */
      smolder_query_view_stop (self);
      priv->stale = TRUE;
      smolder_query_view_sync_busy (self);
    }
}

gboolean
smolder_query_view_get_active (SmolderQueryView *self)
{
  g_return_val_if_fail (SMOLDER_IS_QUERY_VIEW (self), FALSE);

  return PRIV (self)->active;
}

gboolean
smolder_query_view_get_stale (SmolderQueryView *self)
{
  g_return_val_if_fail (SMOLDER_IS_QUERY_VIEW (self), FALSE);

  return PRIV (self)->stale;
}
