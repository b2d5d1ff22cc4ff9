/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-series.c: time series in flat arrays with a min/max pyramid. */

#include "smolder-series.h"

#include <math.h>

/* Each pyramid level keeps the min and max of FANOUT items of the level
 * below (level 0: of FANOUT points). A range query reads at most
 * 2 * FANOUT items per level: a few hundred reads for 100,000 points. */
#define FANOUT 32
#define MAX_SERIES 32

typedef struct {
  char              *name;
  SmolderSeriesUnit  unit;
  guint              group;
  GArray            *times;    /* gint64, never decreasing */
  GArray            *values;   /* double */
  GPtrArray         *mins;     /* per level, GArray of double */
  GPtrArray         *maxs;
} Series;

struct _SmolderSeries
{
  GObject  parent_instance;

  /* owned */
  GPtrArray *series;           /* Series* */
  GArray    *gc;               /* SmolderGcMark, by end_ns, unique */
};

G_DEFINE_FINAL_TYPE (SmolderSeries, smolder_series, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_array_unref (s->times);
  g_array_unref (s->values);
  g_ptr_array_unref (s->mins);
  g_ptr_array_unref (s->maxs);
  g_free (s);
}

static void
smolder_series_finalize (GObject *object)
{
  SmolderSeries *self = SMOLDER_SERIES (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->gc, g_array_unref);

  G_OBJECT_CLASS (smolder_series_parent_class)->finalize (object);
}

static void
smolder_series_class_init (SmolderSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smolder_series_finalize;

  /**
   * SmolderSeries::changed:
   *
   * Points or GC marks were added.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
smolder_series_init (SmolderSeries *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->gc = g_array_new (FALSE, FALSE, sizeof (SmolderGcMark));
}

SmolderSeries *
smolder_series_new (void)
{
  return g_object_new (SMOLDER_TYPE_SERIES, NULL);
}

static Series *
get_series (SmolderSeries *self,
            guint          series)
{
  g_return_val_if_fail (SMOLDER_IS_SERIES (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  return g_ptr_array_index (self->series, series);
}

guint
smolder_series_add (SmolderSeries     *self,
                    const char        *name,
                    SmolderSeriesUnit  unit)
{
  Series *s;

  g_return_val_if_fail (SMOLDER_IS_SERIES (self), SMOLDER_SERIES_NONE);
  g_return_val_if_fail (name != NULL, SMOLDER_SERIES_NONE);
  g_return_val_if_fail (self->series->len < MAX_SERIES, SMOLDER_SERIES_NONE);

  s = g_new0 (Series, 1);
  s->name = g_strdup (name);
  s->unit = unit;
  s->group = unit;
  s->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->values = g_array_new (FALSE, FALSE, sizeof (double));
  s->mins = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  s->maxs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_ptr_array_add (self->series, s);
  return self->series->len - 1;
}

guint
smolder_series_get_n_series (SmolderSeries *self)
{
  g_return_val_if_fail (SMOLDER_IS_SERIES (self), 0);
  return self->series->len;
}

const char *
smolder_series_get_name (SmolderSeries *self,
                         guint          series)
{
  Series *s = get_series (self, series);

  return s != NULL ? s->name : NULL;
}

SmolderSeriesUnit
smolder_series_get_unit (SmolderSeries *self,
                         guint          series)
{
  Series *s = get_series (self, series);

  return s != NULL ? s->unit : SMOLDER_SERIES_UNIT_COUNT;
}

void
smolder_series_set_group (SmolderSeries *self,
                          guint          series,
                          guint          group)
{
  Series *s = get_series (self, series);

  if (s != NULL)
    s->group = group;
}

guint
smolder_series_get_group (SmolderSeries *self,
                          guint          series)
{
  Series *s = get_series (self, series);

  return s != NULL ? s->group : 0;
}

/* Folds @value, the newest item of the level below, into @level. */
static void
pyramid_add (Series *s,
             guint   level,
             guint   item,
             double  min,
             double  max)
{
  for (;;)
    {
      guint block = item / FANOUT;
      GArray *mins, *maxs;

      if (level == s->mins->len)
        {
          g_ptr_array_add (s->mins, g_array_new (FALSE, FALSE, sizeof (double)));
          g_ptr_array_add (s->maxs, g_array_new (FALSE, FALSE, sizeof (double)));
        }
      mins = g_ptr_array_index (s->mins, level);
      maxs = g_ptr_array_index (s->maxs, level);
      if (block == mins->len)
        {
          g_array_append_val (mins, min);
          g_array_append_val (maxs, max);
        }
      else
        {
          double *bmin = &g_array_index (mins, double, block);
          double *bmax = &g_array_index (maxs, double, block);

          *bmin = MIN (*bmin, min);
          *bmax = MAX (*bmax, max);
        }
      /* A level of one block needs nothing above it yet; the level above
       * starts when the second block does, from both blocks. */
      if (mins->len < 2)
        return;
      if (mins->len == 2 && level + 1 == s->mins->len)
        {
          pyramid_add (s, level + 1, 0, g_array_index (mins, double, 0), g_array_index (maxs, double, 0));
          min = g_array_index (mins, double, 1);
          max = g_array_index (maxs, double, 1);
        }
      else
        {
          min = g_array_index (mins, double, block);
          max = g_array_index (maxs, double, block);
        }
      item = block;
      level++;
    }
}

gboolean
smolder_series_append (SmolderSeries *self,
                       guint          series,
                       gint64         time_ms,
                       double         value)
{
  Series *s = get_series (self, series);

  if (s == NULL)
    return FALSE;
  if (isnan (value))
    return FALSE;
  if (s->times->len > 0 && time_ms < g_array_index (s->times, gint64, s->times->len - 1))
    return FALSE;

  g_array_append_val (s->times, time_ms);
  g_array_append_val (s->values, value);
  pyramid_add (s, 0, s->times->len - 1, value, value);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

guint
smolder_series_get_n_points (SmolderSeries *self,
                             guint          series)
{
  Series *s = get_series (self, series);

  return s != NULL ? s->times->len : 0;
}

gint64
smolder_series_get_time (SmolderSeries *self,
                         guint          series,
                         guint          index)
{
  Series *s = get_series (self, series);

  g_return_val_if_fail (s != NULL && index < s->times->len, 0);
  return g_array_index (s->times, gint64, index);
}

double
smolder_series_get_value (SmolderSeries *self,
                          guint          series,
                          guint          index)
{
  Series *s = get_series (self, series);

  g_return_val_if_fail (s != NULL && index < s->values->len, 0);
  return g_array_index (s->values, double, index);
}

const gint64 *
smolder_series_peek_times (SmolderSeries *self,
                           guint          series,
                           guint         *n_points)
{
  Series *s = get_series (self, series);

  if (n_points != NULL)
    *n_points = s != NULL ? s->times->len : 0;
  return s != NULL ? (const gint64 *) s->times->data : NULL;
}

const double *
smolder_series_peek_values (SmolderSeries *self,
                            guint          series,
                            guint         *n_points)
{
  Series *s = get_series (self, series);

  if (n_points != NULL)
    *n_points = s != NULL ? s->values->len : 0;
  return s != NULL ? (const double *) s->values->data : NULL;
}

guint
smolder_series_times_lower_bound (const gint64 *times,
                                  guint         n,
                                  guint         from,
                                  gint64        time_ms)
{
  guint lo = from, hi = from, step = 1;

  /* Gallop: callers walking forward find the answer a few points on. */
  while (hi < n && times[hi] < time_ms)
    {
      lo = hi + 1;
      hi = from + step;
      step *= 2;
    }
  hi = MIN (hi, n);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (times[mid] < time_ms)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
smolder_series_lower_bound (SmolderSeries *self,
                            guint          series,
                            gint64         time_ms)
{
  Series *s = get_series (self, series);

  if (s == NULL)
    return 0;
  return smolder_series_times_lower_bound ((const gint64 *) s->times->data, s->times->len, 0, time_ms);
}

static inline void
take (const double *mins,
      const double *maxs,
      guint         i,
      double       *min,
      double       *max)
{
  *min = MIN (*min, mins[i]);
  *max = MAX (*max, maxs[i]);
}

/* Items [@lo, @hi) of @level (-1: the points): the unaligned ends one by
 * one, the aligned middle from the level above. */
static void
range_level (Series *s,
             int     level,
             guint   lo,
             guint   hi,
             double *min,
             double *max)
{
  for (;;)
    {
      const double *mins, *maxs;

      if (level < 0)
        mins = maxs = (const double *) s->values->data;
      else
        {
          mins = (const double *) ((GArray *) g_ptr_array_index (s->mins, level))->data;
          maxs = (const double *) ((GArray *) g_ptr_array_index (s->maxs, level))->data;
        }

      if ((guint) (level + 1) >= s->mins->len)
        {
          for (guint i = lo; i < hi; i++)
            take (mins, maxs, i, min, max);
          return;
        }
      while (lo < hi && lo % FANOUT != 0)
        take (mins, maxs, lo++, min, max);
      while (hi > lo && hi % FANOUT != 0)
        take (mins, maxs, --hi, min, max);
      if (lo == hi)
        return;
      lo /= FANOUT;
      hi /= FANOUT;
      level++;
    }
}

gboolean
smolder_series_index_min_max (SmolderSeries *self,
                              guint          series,
                              guint          first,
                              guint          end,
                              double        *min,
                              double        *max)
{
  Series *s = get_series (self, series);
  double mn = INFINITY, mx = -INFINITY;

  if (s == NULL)
    return FALSE;
  end = MIN (end, s->values->len);
  if (first >= end)
    return FALSE;
  range_level (s, -1, first, end, &mn, &mx);
  if (min != NULL)
    *min = mn;
  if (max != NULL)
    *max = mx;
  return TRUE;
}

gboolean
smolder_series_range_min_max (SmolderSeries *self,
                              guint          series,
                              gint64         t0_ms,
                              gint64         t1_ms,
                              double        *min,
                              double        *max)
{
  guint first = smolder_series_lower_bound (self, series, t0_ms);
  guint end = smolder_series_lower_bound (self, series, t1_ms);

  return smolder_series_index_min_max (self, series, first, end, min, max);
}

gboolean
smolder_series_value_at (SmolderSeries *self,
                         guint          series,
                         gint64         time_ms,
                         double        *value,
                         gint64        *point_time_ms)
{
  Series *s = get_series (self, series);
  guint after;

  if (s == NULL)
    return FALSE;
  /* The first point after @time_ms; the one before it is in force. */
  after = time_ms == G_MAXINT64 ? s->times->len : smolder_series_lower_bound (self, series, time_ms + 1);
  if (after == 0)
    return FALSE;
  if (value != NULL)
    *value = g_array_index (s->values, double, after - 1);
  if (point_time_ms != NULL)
    *point_time_ms = g_array_index (s->times, gint64, after - 1);
  return TRUE;
}

gboolean
smolder_series_get_extent (SmolderSeries *self,
                           gint64        *first_ms,
                           gint64        *last_ms)
{
  gint64 first = G_MAXINT64, last = G_MININT64;

  g_return_val_if_fail (SMOLDER_IS_SERIES (self), FALSE);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      if (s->times->len == 0)
        continue;
      first = MIN (first, g_array_index (s->times, gint64, 0));
      last = MAX (last, g_array_index (s->times, gint64, s->times->len - 1));
    }
  if (self->gc->len > 0)
    {
      const SmolderGcMark *m = (const SmolderGcMark *) self->gc->data;

      first = MIN (first, (m[0].end_ns - m[0].duration_ns) / 1000000);
      last = MAX (last, m[self->gc->len - 1].end_ns / 1000000);
    }
  if (first > last)
    return FALSE;
  if (first_ms != NULL)
    *first_ms = first;
  if (last_ms != NULL)
    *last_ms = last;
  return TRUE;
}

guint
smolder_series_gc_lower_bound (SmolderSeries *self,
                               gint64         end_ns)
{
  const SmolderGcMark *marks;
  guint lo = 0, hi;

  g_return_val_if_fail (SMOLDER_IS_SERIES (self), 0);

  marks = (const SmolderGcMark *) self->gc->data;
  hi = self->gc->len;
  /* Rings are read oldest first: most additions land at the end. */
  if (hi > 0 && marks[hi - 1].end_ns < end_ns)
    return hi;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (marks[mid].end_ns < end_ns)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
smolder_series_add_gc (SmolderSeries *self,
                       gint64         end_ns,
                       gint64         duration_ns)
{
  SmolderGcMark mark = { end_ns, MAX (duration_ns, 0) };
  guint at;

  g_return_val_if_fail (SMOLDER_IS_SERIES (self), FALSE);

  if (end_ns <= 0)
    return FALSE;
  at = smolder_series_gc_lower_bound (self, end_ns);
  if (at < self->gc->len && g_array_index (self->gc, SmolderGcMark, at).end_ns == end_ns)
    return FALSE;
  g_array_insert_val (self->gc, at, mark);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

const SmolderGcMark *
smolder_series_get_gc_marks (SmolderSeries *self,
                             guint         *n_marks)
{
  g_return_val_if_fail (SMOLDER_IS_SERIES (self), NULL);

  if (n_marks != NULL)
    *n_marks = self->gc->len;
  return (const SmolderGcMark *) self->gc->data;
}
