/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-timeline-chart.h: the live charts' widget around the chart painter.
 *
 * Shows a SmolderSeries: hover for a crosshair and a tooltip with every
 * value at that moment, click a legend entry to hide or show a series,
 * Ctrl+scroll or pinch to zoom in time, drag or scroll to pan, click a
 * moment to have it activated (the live page opens the snapshot nearest
 * it). While following live the view ends at the newest point and moves
 * with new points; zooming or panning away leaves that state, and the
 * property or the "chart.follow-live" action restores it. Keys: Left and
 * Right move a cursor from point to point, Home and End, + and - zoom,
 * Enter activates the cursor's moment. Shift- or Ctrl-click (Shift+Enter)
 * picks a second moment ("moment-extended"), for a comparison. */
#pragma once

#include <gtk/gtk.h>

#include "smolder-chart-paint.h"
#include "smolder-series.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_TIMELINE_CHART (smolder_timeline_chart_get_type ())
G_DECLARE_FINAL_TYPE (SmolderTimelineChart, smolder_timeline_chart, SMOLDER, TIMELINE_CHART, GtkWidget)

GtkWidget     *smolder_timeline_chart_new             (void);

SmolderSeries *smolder_timeline_chart_get_model       (SmolderTimelineChart *self);
void           smolder_timeline_chart_set_model       (SmolderTimelineChart *self,
                                                       SmolderSeries        *model);
gboolean       smolder_timeline_chart_get_follow_live (SmolderTimelineChart *self);
void           smolder_timeline_chart_set_follow_live (SmolderTimelineChart *self,
                                                       gboolean              follow_live);

gboolean       smolder_timeline_chart_get_series_visible (SmolderTimelineChart *self,
                                                          guint                 series);
void           smolder_timeline_chart_set_series_visible (SmolderTimelineChart *self,
                                                          guint                 series,
                                                          gboolean              visible);

/* Copied; labels too. */
void           smolder_timeline_chart_set_thresholds  (SmolderTimelineChart        *self,
                                                       const SmolderChartThreshold *thresholds,
                                                       guint                        n_thresholds);
void           smolder_timeline_chart_set_alerts      (SmolderTimelineChart        *self,
                                                       const SmolderChartAlert     *alerts,
                                                       guint                        n_alerts);
/* GC pauses this long are drawn red (0: 100 ms; G_MAXINT64: none). */
void           smolder_timeline_chart_set_gc_warn_ns  (SmolderTimelineChart        *self,
                                                       gint64                       gc_warn_ns);

/* The time shown, [@t0_ms, @t1_ms]. Setting it leaves follow-live. */
void           smolder_timeline_chart_get_range       (SmolderTimelineChart *self,
                                                       gint64               *t0_ms,
                                                       gint64               *t1_ms);
void           smolder_timeline_chart_set_range       (SmolderTimelineChart *self,
                                                       gint64                t0_ms,
                                                       gint64                t1_ms);
/* The keyboard cursor's time; FALSE when there is none. */
gboolean       smolder_timeline_chart_get_cursor      (SmolderTimelineChart *self,
                                                       gint64               *time_ms);

/* Moments drawn as marks over the plot (the first solid, the others
 * dashed): the snapshots a comparison would take. Copied. */
void           smolder_timeline_chart_set_marks       (SmolderTimelineChart *self,
                                                       const gint64         *times_ms,
                                                       guint                 n_marks);

/* The layout of the last size and state, for hit tests (tests, pages). */
SmolderChartLayout *smolder_timeline_chart_get_layout (SmolderTimelineChart *self);

G_END_DECLS
