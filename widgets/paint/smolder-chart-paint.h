/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-chart-paint.h: draw time series, GC pauses and alerts on any cairo_t.
 *
 * Small multiples: one panel per group of series (by default per unit:
 * bytes, counts, durations; see smolder_series_set_group()), stacked on one shared wall-clock time axis, each with its own value axis
 * from 0. Two y axes on one panel would let the eye compare a byte line with
 * a count line whose relative height is an accident of two scales; stacked
 * panels keep each scale honest and every moment at the same x. GC pauses
 * sit in a lane under the panels at their real times, taller and red as
 * they get longer. A series is drawn with per-pixel-column min/max, so
 * 100,000 points cost about as much as the plot is wide, and a one-point
 * spike still reaches its height. No GTK: used by the widget, the tests and
 * the benchmark headless. */
#pragma once

#include <cairo.h>

#include "smolder-palette.h"
#include "smolder-series.h"

G_BEGIN_DECLS

/* A horizontal line at @value on @series' axis. */
typedef struct {
  guint              series;
  double             value;
  const char        *label;     /* "Heap limit"; NULL: the value only */
} SmolderChartThreshold;

/* A crossing: a marker at @start_ms, or a band to @end_ms when later. */
typedef struct {
  gint64             start_ms;
  gint64             end_ms;
} SmolderChartAlert;

/* Buffers reused from one paint to the next (the widget keeps one, so a
 * frame does not fault in a fresh plot-sized layer); one per thread. */
typedef struct _SmolderChartCache SmolderChartCache;

SmolderChartCache *smolder_chart_cache_new  (void);
void               smolder_chart_cache_free (SmolderChartCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderChartCache, smolder_chart_cache_free)

typedef struct {
  gboolean    dark;          /* the dark-style palette */
  gboolean    draw_labels;   /* FALSE for golden images (fonts vary) */
  const char *font;          /* a Pango font description; NULL: "Sans 9" */
  gboolean    background;    /* fill the whole area first */
  gint64      t0_ms;         /* the time shown; t1_ms <= t0_ms: all data */
  gint64      t1_ms;
  guint32     hidden;        /* bit i set: series i is not drawn */
  gboolean    show_cursor;   /* a crosshair at cursor_ms */
  gint64      cursor_ms;
  const SmolderChartThreshold *thresholds;  /* borrowed; outlive the layout */
  guint       n_thresholds;
  const SmolderChartAlert     *alerts;
  guint       n_alerts;
  gint64      gc_warn_ns;    /* pauses this long are marked as alerts; 0: 100 ms */
  GTimeZone  *tz;            /* time labels' zone; NULL: local */
  SmolderChartCache *cache;  /* NULL: new buffers this time */
  double      scale;         /* device pixels per unit (2 on HiDPI); 0: 1 */
} SmolderChartPaintOptions;

void smolder_chart_paint_options_init (SmolderChartPaintOptions *options);

/* Where everything goes for one size, one time range and one set of
 * visible series; also answers hit tests. Keeps a ref on @model. */
typedef struct _SmolderChartLayout SmolderChartLayout;

SmolderChartLayout *smolder_chart_layout_new  (SmolderSeries                  *model,
                                               const SmolderChartPaintOptions *options,
                                               double                          width,
                                               double                          height);
void                smolder_chart_layout_free (SmolderChartLayout             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderChartLayout, smolder_chart_layout_free)

/* The time range drawn (the options' or the data's extent). */
void     smolder_chart_layout_get_range   (SmolderChartLayout *self,
                                           gint64             *t0_ms,
                                           gint64             *t1_ms);
/* The area of the panels and the GC lane, left to right in time. */
void     smolder_chart_layout_get_plot    (SmolderChartLayout *self,
                                           cairo_rectangle_t  *out);
gboolean smolder_chart_layout_in_plot     (SmolderChartLayout *self,
                                           double              x,
                                           double              y);
double   smolder_chart_layout_x_for_time  (SmolderChartLayout *self,
                                           gint64              t_ms);
gint64   smolder_chart_layout_time_at     (SmolderChartLayout *self,
                                           double              x);
/* The y of @value on the axis of @series' panel. */
double   smolder_chart_layout_y_for_value (SmolderChartLayout *self,
                                           guint               series,
                                           double              value);
/* The top of @series' panel's value axis (a nice value >= its maximum). */
double   smolder_chart_layout_get_axis_top (SmolderChartLayout *self,
                                            guint               series);
/* The legend entry under (@x, @y), or SMOLDER_SERIES_NONE. */
guint    smolder_chart_layout_legend_at   (SmolderChartLayout *self,
                                           double              x,
                                           double              y);
gboolean smolder_chart_layout_get_legend_rect (SmolderChartLayout *self,
                                               guint               series,
                                               cairo_rectangle_t  *out);

void     smolder_chart_paint              (cairo_t            *cr,
                                           SmolderChartLayout *layout);

/* Series @index's colour: the Okabe-Ito set (told apart with any colour
 * vision), lightened for the dark style. */
void     smolder_chart_series_color       (guint               index,
                                           gboolean            dark,
                                           SmolderRgb         *out);

/* Every visible value in force at @t_ms, one line each, after the time:
 * "14:03:05\nHeap in use: 12.3 MiB\nGoroutines: 1200", and GC pauses
 * ending within @gc_window_ms of it ("GC pause: 1.20 ms"). */
char    *smolder_chart_describe_at        (SmolderSeries      *model,
                                           gint64              t_ms,
                                           guint32             hidden,
                                           gint64              gc_window_ms,
                                           GTimeZone          *tz);

G_END_DECLS
