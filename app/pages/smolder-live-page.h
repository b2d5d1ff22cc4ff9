/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-page.h: the tab of one watched endpoint: its state, the
 * timeline chart of every snapshot's summary, and the snapshot chosen on
 * the chart (or the newest, while following live) in a SmolderProfileView. */
#pragma once

#include "smolder-live-alerts.h"
#include "smolder-cpu-capture.h"
#include "smolder-function-chart.h"
#include "smolder-page.h"
#include "smolder-poller.h"
#include "smolder-profile-view.h"
#include "smolder-timeline-chart.h"
#include "smolder-window.h"

G_BEGIN_DECLS

/* The chart's series, in this order. */
typedef enum {
  SMOLDER_LIVE_SERIES_HEAP_INUSE,
  SMOLDER_LIVE_SERIES_HEAP_ALLOC,
  SMOLDER_LIVE_SERIES_HEAP_OBJECTS,
  SMOLDER_LIVE_SERIES_SYS,
  SMOLDER_LIVE_SERIES_NEXT_GC,
  SMOLDER_LIVE_SERIES_GOROUTINES,
} SmolderLiveSeries;

/* The default of gc-pause-threshold-ms (Go's pauses are mostly < 1 ms). */
#define SMOLDER_LIVE_GC_PAUSE_THRESHOLD_NS (100 * G_GINT64_CONSTANT (1000000))

#define SMOLDER_TYPE_LIVE_PAGE (smolder_live_page_get_type ())
G_DECLARE_FINAL_TYPE (SmolderLivePage, smolder_live_page, SMOLDER, LIVE_PAGE, SmolderPage)

/* A page watching @poller (which has a session); starts it unless it is
 * stopped. The session's snapshots so far are shown first: a stopped
 * poller on a reopened session is a recorded session's page. */
SmolderLivePage      *smolder_live_page_new               (SmolderPoller   *poller);

/* What Connect does once discovery succeeded: a new session for
 * @endpoint under the default root, a poller of @profiles (NULL: heap and
 * goroutine) every @interval_ms, and its page added to @window. */
SmolderLivePage      *smolder_live_page_open              (SmolderWindow      *window,
                                                           SmolderEndpoint    *endpoint,
                                                           const char * const *profiles,
                                                           guint               interval_ms,
                                                           GError            **error);

SmolderPoller        *smolder_live_page_get_poller        (SmolderLivePage *self);
SmolderSeries        *smolder_live_page_get_series        (SmolderLivePage *self);
SmolderTimelineChart *smolder_live_page_get_chart         (SmolderLivePage *self);
SmolderProfileView   *smolder_live_page_get_profile_view  (SmolderLivePage *self);
/* The second chart: the top functions over time. */
SmolderFunctionChart *smolder_live_page_get_function_chart (SmolderLivePage *self);
SmolderCpuCapture    *smolder_live_page_get_cpu_capture   (SmolderLivePage *self);
/* The state line as shown ("Live", "Error: … retrying in 3 s"). */
const char           *smolder_live_page_get_state_text    (SmolderLivePage *self);

/* Shows the heap snapshot nearest @time_ms (what a click on the chart
 * does); leaves follow-live unless it is the newest. */
void                  smolder_live_page_show_moment       (SmolderLivePage *self,
                                                           gint64           time_ms);
/* The snapshot shown (or being loaded), or NULL. */
const SmolderLiveSnapshot *smolder_live_page_get_shown_snapshot (SmolderLivePage *self);
/* TRUE while a snapshot is being read from disk. */
gboolean              smolder_live_page_get_loading_snapshot (SmolderLivePage *self);
gboolean              smolder_live_page_get_follow_live   (SmolderLivePage *self);
void                  smolder_live_page_set_follow_live   (SmolderLivePage *self,
                                                           gboolean         follow);
/* The thresholds, their marks and the Alerts popover. */
SmolderLiveAlerts    *smolder_live_page_get_alerts        (SmolderLivePage *self);
/* GC pauses over the threshold seen so far (marked on the chart). */
guint                 smolder_live_page_get_n_gc_alerts   (SmolderLivePage *self);
/* Steady-growth alerts so far (heap in use or goroutines; see the .c). */
guint                 smolder_live_page_get_n_growth_alerts (SmolderLivePage *self);

G_END_DECLS
