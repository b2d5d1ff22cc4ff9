/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-function-chart.h: the live page's second chart: a
 * SmolderTimelineChart showing a SmolderFunctionSeries (the top functions'
 * in-use bytes and goroutines over time), whose model it follows as the set
 * of functions changes. A right click on a legend entry pins the function
 * (it stays when it leaves the top ten) or unpins it. */
#pragma once

#include <adwaita.h>

#include "smolder-function-series.h"
#include "smolder-timeline-chart.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_FUNCTION_CHART (smolder_function_chart_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFunctionChart, smolder_function_chart, SMOLDER, FUNCTION_CHART, AdwBin)

GtkWidget             *smolder_function_chart_new        (SmolderFunctionSeries *functions);
SmolderFunctionSeries *smolder_function_chart_get_functions (SmolderFunctionChart *self);
SmolderTimelineChart  *smolder_function_chart_get_chart  (SmolderFunctionChart  *self);
/* What the legend's menu does for series @series: pins or unpins its
 * function. FALSE when too many are pinned already. */
gboolean               smolder_function_chart_toggle_pin (SmolderFunctionChart  *self,
                                                          guint                  series);

G_END_DECLS
