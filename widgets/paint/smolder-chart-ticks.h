/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-chart-ticks.h: nice ticks and labels for the chart's axes.
 *
 * Value axes step by 1, 2 or 5 times a power of ten of the unit the
 * maximum reads in (KiB, MiB, GiB for bytes), so labels read "256 MiB",
 * never "268435456". The time axis steps by whole seconds, minutes, hours
 * or days of the wall clock in a time zone (the local one in the app). */
#pragma once

#include <glib.h>

#include "smolder-series.h"

G_BEGIN_DECLS

/* The step and the top of a value axis from 0 to at least @max with at
 * most @max_ticks steps: top = step * n, n <= max_ticks. */
void    smolder_chart_value_ticks  (double             max,
                                    SmolderSeriesUnit  unit,
                                    guint              max_ticks,
                                    double            *step,
                                    double            *top);
/* An axis label: "256 MiB", "1.5 GiB", "12k", "250", "50 ms" (the units
 * of smolder-units.h without trailing zeros). */
char   *smolder_chart_format_axis_value (double            value,
                                         SmolderSeriesUnit unit);
/* A value as a tooltip shows it, three significant digits: "12.3 MiB". */
char   *smolder_chart_format_value (double             value,
                                    SmolderSeriesUnit  unit);

/* The smallest wall-clock step (1 s ... 7 d, in ms) that leaves at least
 * @min_px between ticks when @span_ms spans @width_px. */
gint64  smolder_chart_time_step    (gint64             span_ms,
                                    double             width_px,
                                    double             min_px);
/* The first tick at or after @t0_ms: a multiple of @step_ms in @tz's
 * wall-clock time (NULL: local). */
gint64  smolder_chart_time_first_tick (gint64          t0_ms,
                                       gint64          step_ms,
                                       GTimeZone      *tz);
/* A tick's label: "14:03:05" under a minute's step, "14:05" under a
 * day's, a date ("Dec 4") beyond. */
char   *smolder_chart_format_time  (gint64             t_ms,
                                    gint64             step_ms,
                                    GTimeZone         *tz);

G_END_DECLS
