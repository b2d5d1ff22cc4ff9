/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-series.h: named time series and GC pause marks, append-only.
 *
 * The data of the live charts: each series is (unix ms, value) points in a
 * unit, appended as snapshots arrive; min and max over any time range come
 * from a small pyramid of block extremes, so a chart asks them once per
 * pixel column even with 100,000 points. GC pauses (Go's PauseEnd/PauseNs
 * rings) are kept once each, by end time, however often a ring is read.
 * GLib only: the live engine fills it, the chart painter reads it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SMOLDER_SERIES_UNIT_BYTES,
  SMOLDER_SERIES_UNIT_COUNT,
  SMOLDER_SERIES_UNIT_NANOSECONDS,
} SmolderSeriesUnit;

/* One GC pause: it ended at @end_ns (unix ns, Go's PauseEnd) after
 * @duration_ns (PauseNs). */
typedef struct {
  gint64 end_ns;
  gint64 duration_ns;
} SmolderGcMark;

#define SMOLDER_SERIES_NONE G_MAXUINT

#define SMOLDER_TYPE_SERIES (smolder_series_get_type ())
G_DECLARE_FINAL_TYPE (SmolderSeries, smolder_series, SMOLDER, SERIES, GObject)

SmolderSeries    *smolder_series_new          (void);

/* Adds an empty series; returns its index (0, 1, ...). At most 32. */
guint             smolder_series_add          (SmolderSeries     *self,
                                               const char        *name,
                                               SmolderSeriesUnit  unit);
guint             smolder_series_get_n_series (SmolderSeries     *self);
const char       *smolder_series_get_name     (SmolderSeries     *self,
                                               guint              series);
SmolderSeriesUnit smolder_series_get_unit     (SmolderSeries     *self,
                                               guint              series);
/* Series of one group share a chart panel and its value axis; by default
 * the group is the unit. Counts of very different sizes (heap objects in
 * millions, goroutines in hundreds) read better in groups of their own. */
void              smolder_series_set_group    (SmolderSeries     *self,
                                               guint              series,
                                               guint              group);
guint             smolder_series_get_group    (SmolderSeries     *self,
                                               guint              series);

/* Appends a point. Times never go back: a point older than the series'
 * last one, or a NaN, is refused (FALSE) and nothing changes. Emits
 * ::changed. */
gboolean          smolder_series_append       (SmolderSeries     *self,
                                               guint              series,
                                               gint64             time_ms,
                                               double             value);
guint             smolder_series_get_n_points (SmolderSeries     *self,
                                               guint              series);
gint64            smolder_series_get_time     (SmolderSeries     *self,
                                               guint              series,
                                               guint              index);
double            smolder_series_get_value    (SmolderSeries     *self,
                                               guint              series,
                                               guint              index);

/* The points as arrays, for painters; valid until the next append. */
const gint64     *smolder_series_peek_times   (SmolderSeries     *self,
                                               guint              series,
                                               guint             *n_points);
const double     *smolder_series_peek_values  (SmolderSeries     *self,
                                               guint              series,
                                               guint             *n_points);

/* The first point at or after @time_ms (n_points when none). */
guint             smolder_series_lower_bound  (SmolderSeries     *self,
                                               guint              series,
                                               gint64             time_ms);
/* The first of @times[@from..@n) at or after @time_ms (sorted times, as
 * smolder_series_peek_times() gives them); fast when it is near @from. */
guint             smolder_series_times_lower_bound (const gint64 *times,
                                                    guint         n,
                                                    guint         from,
                                                    gint64        time_ms);
/* Min and max of the points with index in [@first, @end). FALSE when the
 * range is empty. */
gboolean          smolder_series_index_min_max (SmolderSeries    *self,
                                                guint             series,
                                                guint             first,
                                                guint             end,
                                                double           *min,
                                                double           *max);
/* Min and max of the points with @t0_ms <= time < @t1_ms. */
gboolean          smolder_series_range_min_max (SmolderSeries    *self,
                                                guint             series,
                                                gint64            t0_ms,
                                                gint64            t1_ms,
                                                double           *min,
                                                double           *max);
/* The point in force at @time_ms: the last one at or before it. FALSE
 * before the first point. */
gboolean          smolder_series_value_at     (SmolderSeries     *self,
                                               guint              series,
                                               gint64             time_ms,
                                               double            *value,
                                               gint64            *point_time_ms);

/* Earliest and latest time over every series and mark; FALSE when empty. */
gboolean          smolder_series_get_extent   (SmolderSeries     *self,
                                               gint64            *first_ms,
                                               gint64            *last_ms);

/* Adds a GC pause unless one with the same end time is known (the same
 * ring read again); returns whether it was new. A pause ending at 0 (an
 * unused ring slot) is ignored. Emits ::changed when new. */
gboolean             smolder_series_add_gc    (SmolderSeries     *self,
                                               gint64             end_ns,
                                               gint64             duration_ns);
/* Every pause, by end time. */
const SmolderGcMark *smolder_series_get_gc_marks (SmolderSeries  *self,
                                                  guint          *n_marks);
/* The first mark ending at or after @end_ns. */
guint                smolder_series_gc_lower_bound (SmolderSeries *self,
                                                    gint64         end_ns);

G_END_DECLS
