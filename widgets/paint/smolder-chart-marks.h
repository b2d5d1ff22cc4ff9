/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-chart-marks.h: the moments chosen on a chart (the two snapshots
 * of a comparison) drawn over it: a vertical line each, the first solid,
 * the others dashed, with a tag at the top of the plot. No GTK. */
#pragma once

#include <cairo.h>

#include "smolder-chart-paint.h"

G_BEGIN_DECLS

/* Marks outside @layout's time range are skipped. */
void smolder_chart_paint_marks (cairo_t            *cr,
                                SmolderChartLayout *layout,
                                const gint64       *times_ms,
                                guint               n_marks,
                                gboolean            dark);

G_END_DECLS
