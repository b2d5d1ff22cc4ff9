/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-compare.h: the live page's comparison of two moments: the
 * snapshot shown (a click on the chart) and a second one (Shift- or
 * Ctrl-click), both marked on the chart; "Compare" opens a compare tab with
 * the earlier as base and the later as new, "Compare with Previous" the
 * shown snapshot against the one before it. Heap in use compares
 * absolutely, as `go tool pprof -diff_base=EARLIER LATER`; the two files
 * are read on workers by the compare page. */
#pragma once

#include <gtk/gtk.h>

#include "smolder-live-snapshot.h"
#include "smolder-page.h"
#include "smolder-timeline-chart.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_LIVE_COMPARE (smolder_live_compare_get_type ())
G_DECLARE_FINAL_TYPE (SmolderLiveCompare, smolder_live_compare, SMOLDER, LIVE_COMPARE, GtkBox)

/* Buttons for @chart's moments among @snapshots (const SmolderLiveSnapshot *
 * in time order, kept by reference: the page appends to it) whose files
 * are in @dir. */
GtkWidget  *smolder_live_compare_new        (SmolderTimelineChart *chart,
                                             GPtrArray            *snapshots,
                                             GFile                *dir);

/* The snapshot the page shows: the first moment. */
void        smolder_live_compare_set_first  (SmolderLiveCompare        *self,
                                             const SmolderLiveSnapshot *snapshot);
/* The second moment: the snapshot nearest @time_ms (what Shift-click does). */
void        smolder_live_compare_set_second (SmolderLiveCompare        *self,
                                             gint64                     time_ms);
const SmolderLiveSnapshot *smolder_live_compare_get_second (SmolderLiveCompare *self);

/* Opens the compare tab of the two moments, or of the first and the
 * snapshot before it (@with_previous), in the window holding @self; the
 * new page, or NULL when there is no such pair. */
SmolderPage *smolder_live_compare_open      (SmolderLiveCompare *self,
                                             gboolean            with_previous);

G_END_DECLS
