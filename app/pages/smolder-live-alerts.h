/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-alerts.h: a live page's user-set alerts: heap in use,
 * goroutines and GC pause thresholds (the settings keys heap-threshold,
 * goroutine-threshold, gc-pause-threshold-ms), their lines and crossing
 * marks on the chart, the "Alerts" popover that sets them, and one ::alert
 * per crossing for the page to send as a notification. */
#pragma once

#include <adwaita.h>

#include "smolder-series.h"
#include "smolder-timeline-chart.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_LIVE_ALERT_HEAP,
  SMOLDER_LIVE_ALERT_GOROUTINES,
  SMOLDER_LIVE_ALERT_GC_PAUSE,
  SMOLDER_LIVE_N_ALERTS
} SmolderLiveAlertKind;

#define SMOLDER_TYPE_LIVE_ALERTS (smolder_live_alerts_get_type ())
G_DECLARE_FINAL_TYPE (SmolderLiveAlerts, smolder_live_alerts, SMOLDER, LIVE_ALERTS, GObject)

/* Watches @heap_series and @goroutine_series of @chart's model and its GC
 * marks; draws on @chart. Thresholds come from the application's settings
 * (kept in memory when there are none) and follow their changes. */
SmolderLiveAlerts *smolder_live_alerts_new           (SmolderTimelineChart *chart,
                                                      guint                 heap_series,
                                                      guint                 goroutine_series);
/* The "Alerts" menu button with its popover (owned by the alerts). */
GtkWidget         *smolder_live_alerts_get_button    (SmolderLiveAlerts    *self);

/* Takes the points and GC marks added since the last call: marks the
 * chart at each crossing and, when @notify, emits ::alert for it (GC
 * pauses: one for the batch). A recorded session replays with @notify
 * FALSE. */
void               smolder_live_alerts_update        (SmolderLiveAlerts    *self,
                                                      gboolean              notify);

/* Bytes, goroutines, or milliseconds; 0: off. */
double             smolder_live_alerts_get_threshold (SmolderLiveAlerts    *self,
                                                      SmolderLiveAlertKind  kind);
/* Sets it for this page (and in the settings, when there are any). */
void               smolder_live_alerts_set_threshold (SmolderLiveAlerts    *self,
                                                      SmolderLiveAlertKind  kind,
                                                      double                value);
/* Crossings marked on the chart (GC: pauses at or over the threshold). */
guint              smolder_live_alerts_get_n_marks   (SmolderLiveAlerts    *self,
                                                      SmolderLiveAlertKind  kind);
/* ::alert emitted so far. */
guint              smolder_live_alerts_get_n_sent    (SmolderLiveAlerts    *self,
                                                      SmolderLiveAlertKind  kind);

G_END_DECLS
