/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-function-series.c: the top functions' series (see the header). */
#include "smolder-function-series.h"

#define N_KINDS 2

struct _SmolderFunctionSeries
{
  GObject        parent_instance;

  GPtrArray     *snapshots[N_KINDS];  /* const SmolderLiveSnapshot *, by time */
  GPtrArray     *pinned[N_KINDS];     /* interned names, in pin order */
  GPtrArray     *shown[N_KINDS];      /* interned names of the model's series */
  SmolderSeries *model;
};

G_DEFINE_FINAL_TYPE (SmolderFunctionSeries, smolder_function_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
smolder_function_series_finalize (GObject *object)
{
  SmolderFunctionSeries *self = SMOLDER_FUNCTION_SERIES (object);

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_ptr_array_unref (self->snapshots[k]);
      g_ptr_array_unref (self->pinned[k]);
      g_ptr_array_unref (self->shown[k]);
    }
  g_clear_object (&self->model);
  G_OBJECT_CLASS (smolder_function_series_parent_class)->finalize (object);
}

static void
smolder_function_series_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SmolderFunctionSeries *self = SMOLDER_FUNCTION_SERIES (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_function_series_class_init (SmolderFunctionSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smolder_function_series_finalize;
  object_class->get_property = smolder_function_series_get_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SMOLDER_TYPE_SERIES,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smolder_function_series_init (SmolderFunctionSeries *self)
{
  for (guint k = 0; k < N_KINDS; k++)
    {
      self->snapshots[k] = g_ptr_array_new ();
      self->pinned[k] = g_ptr_array_new ();
      self->shown[k] = g_ptr_array_new ();
    }
  self->model = smolder_series_new ();
}

SmolderFunctionSeries *
smolder_function_series_new (void)
{
  return g_object_new (SMOLDER_TYPE_FUNCTION_SERIES, NULL);
}

static gboolean
kind_of (const SmolderLiveSnapshot *snapshot,
         SmolderFunctionKind       *kind)
{
  if (snapshot->summary.functions == NULL)
    return FALSE;
  if (g_str_equal (snapshot->profile, "heap"))
    *kind = SMOLDER_FUNCTION_KIND_HEAP;
  else if (g_str_equal (snapshot->profile, "goroutine"))
    *kind = SMOLDER_FUNCTION_KIND_GOROUTINE;
  else
    return FALSE;
  return TRUE;
}

/* The functions to show for @kind: the newest snapshot's top, then the
 * pins that are not in it. */
static GPtrArray *
choose (SmolderFunctionSeries *self,
        SmolderFunctionKind    kind)
{
  GPtrArray *names = g_ptr_array_new ();
  GPtrArray *snapshots = self->snapshots[kind];

  if (snapshots->len > 0)
    {
      const SmolderLiveSnapshot *newest = g_ptr_array_index (snapshots, snapshots->len - 1);
      const GArray *functions = newest->summary.functions;

      for (guint i = 0; i < functions->len && i < SMOLDER_FUNCTION_SERIES_TOP; i++)
        g_ptr_array_add (names, (gpointer) g_array_index (functions, SmolderLiveFunction, i).name);
    }
  for (guint i = 0; i < self->pinned[kind]->len; i++)
    if (!g_ptr_array_find (names, g_ptr_array_index (self->pinned[kind], i), NULL))
      g_ptr_array_add (names, g_ptr_array_index (self->pinned[kind], i));
  return names;
}

/* The same functions, in any order: two swapping ranks keep their series
 * (and colours) rather than rebuild the model at every poll. */
static gboolean
same_names (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_ptr_array_find (b, a->pdata[i], NULL))
      return FALSE;
  return TRUE;
}

/* The series of the model for (@kind, position @i in shown[kind]). */
static guint
series_index (SmolderFunctionSeries *self,
              SmolderFunctionKind    kind,
              guint                  i)
{
  return kind == SMOLDER_FUNCTION_KIND_HEAP ? i : self->shown[SMOLDER_FUNCTION_KIND_HEAP]->len + i;
}

static void
append_points (SmolderFunctionSeries     *self,
               SmolderFunctionKind        kind,
               const SmolderLiveSnapshot *snapshot)
{
  GPtrArray *shown = self->shown[kind];

  for (guint i = 0; i < shown->len; i++)
    {
      gint64 value;

      if (smolder_live_functions_lookup (snapshot->summary.functions, snapshot->summary.functions_all,
                                         g_ptr_array_index (shown, i), &value))
        smolder_series_append (self->model, series_index (self, kind, i), snapshot->time_ms, value);
    }
}

/* The legend's name: the function without its package path
 * ("github.com/gin-gonic/gin.(*Context).Next" → "gin.(*Context).Next"). */
static char *
display_name (SmolderFunctionSeries *self,
              SmolderFunctionKind    kind,
              const char            *name)
{
  const char *slash = NULL;

  /* The last '/' before the first '(' or end (a receiver may hold none). */
  for (const char *p = name; *p != '\0' && *p != '('; p++)
    if (*p == '/')
      slash = p;
  /* A pin mark the legend shows (plain text: the engine has no catalogue). */
  return g_strconcat (g_ptr_array_find (self->pinned[kind], name, NULL) ? "\u2022 " : "",
                      slash ? slash + 1 : name, NULL);
}

static void
rebuild (SmolderFunctionSeries *self)
{
  g_autoptr(SmolderSeries) model = smolder_series_new ();

  for (guint k = 0; k < N_KINDS; k++)
    for (guint i = 0; i < self->shown[k]->len; i++)
      {
        g_autofree char *name = display_name (self, k, g_ptr_array_index (self->shown[k], i));
        guint s = smolder_series_add (model, name, k == SMOLDER_FUNCTION_KIND_HEAP
                                                     ? SMOLDER_SERIES_UNIT_BYTES
                                                     : SMOLDER_SERIES_UNIT_COUNT);

        smolder_series_set_group (model, s, k);
      }
  g_set_object (&self->model, model);
  for (guint k = 0; k < N_KINDS; k++)
    for (guint j = 0; j < self->snapshots[k]->len; j++)
      append_points (self, k, g_ptr_array_index (self->snapshots[k], j));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* Rebuilds when the functions to show changed; TRUE if it did. */
static gboolean
update_shown (SmolderFunctionSeries *self)
{
  g_autoptr(GPtrArray) heap = choose (self, SMOLDER_FUNCTION_KIND_HEAP);
  g_autoptr(GPtrArray) goroutine = choose (self, SMOLDER_FUNCTION_KIND_GOROUTINE);

  if (same_names (heap, self->shown[SMOLDER_FUNCTION_KIND_HEAP]) &&
      same_names (goroutine, self->shown[SMOLDER_FUNCTION_KIND_GOROUTINE]))
    return FALSE;
  g_ptr_array_unref (self->shown[SMOLDER_FUNCTION_KIND_HEAP]);
  g_ptr_array_unref (self->shown[SMOLDER_FUNCTION_KIND_GOROUTINE]);
  self->shown[SMOLDER_FUNCTION_KIND_HEAP] = g_steal_pointer (&heap);
  self->shown[SMOLDER_FUNCTION_KIND_GOROUTINE] = g_steal_pointer (&goroutine);
  rebuild (self);
  return TRUE;
}

static gboolean
take_snapshot (SmolderFunctionSeries     *self,
               const SmolderLiveSnapshot *snapshot,
               SmolderFunctionKind       *kind)
{
  GPtrArray *snapshots;

  if (!kind_of (snapshot, kind))
    return FALSE;
  snapshots = self->snapshots[*kind];
  /* The same snapshot given twice (a page that replays its session). */
  if (snapshots->len > 0 &&
      snapshot->time_ms <= ((const SmolderLiveSnapshot *) g_ptr_array_index (snapshots, snapshots->len - 1))->time_ms)
    return FALSE;
  g_ptr_array_add (snapshots, (gpointer) snapshot);
  return TRUE;
}

void
smolder_function_series_add_snapshot (SmolderFunctionSeries     *self,
                                      const SmolderLiveSnapshot *snapshot)
{
  SmolderFunctionKind kind;

  g_return_if_fail (SMOLDER_IS_FUNCTION_SERIES (self));
  g_return_if_fail (snapshot != NULL);

  if (!take_snapshot (self, snapshot, &kind))
    return;
  if (!update_shown (self))
    append_points (self, kind, snapshot);
}

void
smolder_function_series_add_session (SmolderFunctionSeries *self,
                                     SmolderSession        *session)
{
  SmolderFunctionKind kind;
  gboolean any = FALSE;

  g_return_if_fail (SMOLDER_IS_FUNCTION_SERIES (self));
  g_return_if_fail (SMOLDER_IS_SESSION (session));

  /* One rebuild at the end, not one per snapshot. */
  for (guint i = 0; i < smolder_session_get_n_snapshots (session); i++)
    any |= take_snapshot (self, smolder_session_get_snapshot (session, i), &kind);
  if (any && !update_shown (self))
    rebuild (self);
}

SmolderSeries *
smolder_function_series_get_model (SmolderFunctionSeries *self)
{
  g_return_val_if_fail (SMOLDER_IS_FUNCTION_SERIES (self), NULL);
  return self->model;
}

const char *
smolder_function_series_get_function (SmolderFunctionSeries *self,
                                      guint                  series,
                                      SmolderFunctionKind   *kind)
{
  guint n_heap;

  g_return_val_if_fail (SMOLDER_IS_FUNCTION_SERIES (self), NULL);

  n_heap = self->shown[SMOLDER_FUNCTION_KIND_HEAP]->len;
  if (series < n_heap)
    {
      if (kind != NULL)
        *kind = SMOLDER_FUNCTION_KIND_HEAP;
      return g_ptr_array_index (self->shown[SMOLDER_FUNCTION_KIND_HEAP], series);
    }
  if (series - n_heap < self->shown[SMOLDER_FUNCTION_KIND_GOROUTINE]->len)
    {
      if (kind != NULL)
        *kind = SMOLDER_FUNCTION_KIND_GOROUTINE;
      return g_ptr_array_index (self->shown[SMOLDER_FUNCTION_KIND_GOROUTINE], series - n_heap);
    }
  return NULL;
}

guint
smolder_function_series_find (SmolderFunctionSeries *self,
                              SmolderFunctionKind    kind,
                              const char            *name)
{
  guint i;

  g_return_val_if_fail (SMOLDER_IS_FUNCTION_SERIES (self), SMOLDER_SERIES_NONE);
  g_return_val_if_fail (kind < N_KINDS, SMOLDER_SERIES_NONE);

  if (!g_ptr_array_find (self->shown[kind], g_intern_string (name), &i))
    return SMOLDER_SERIES_NONE;
  return series_index (self, kind, i);
}

gboolean
smolder_function_series_set_pinned (SmolderFunctionSeries *self,
                                    SmolderFunctionKind    kind,
                                    const char            *name,
                                    gboolean               pinned)
{
  const char *interned;
  guint n_pinned;
  guint i;

  g_return_val_if_fail (SMOLDER_IS_FUNCTION_SERIES (self), FALSE);
  g_return_val_if_fail (kind < N_KINDS, FALSE);

  interned = g_intern_string (name);
  n_pinned = self->pinned[0]->len + self->pinned[1]->len;
  if (g_ptr_array_find (self->pinned[kind], interned, &i) == !!pinned)
    return TRUE;
  if (pinned && n_pinned >= SMOLDER_FUNCTION_SERIES_MAX_PINNED)
    return FALSE;
  if (pinned)
    g_ptr_array_add (self->pinned[kind], (gpointer) interned);
  else
    g_ptr_array_remove_index (self->pinned[kind], i);
  /* The legend marks the pinned: rebuild even when the set is the same. */
  if (!update_shown (self))
    rebuild (self);
  return TRUE;
}

gboolean
smolder_function_series_get_pinned (SmolderFunctionSeries *self,
                                    SmolderFunctionKind    kind,
                                    const char            *name)
{
  g_return_val_if_fail (SMOLDER_IS_FUNCTION_SERIES (self), FALSE);
  g_return_val_if_fail (kind < N_KINDS, FALSE);

  return g_ptr_array_find (self->pinned[kind], g_intern_string (name), NULL);
}
