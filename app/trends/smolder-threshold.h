/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-threshold.h: user-set alert thresholds on a live series: the
 * values as a person types them ("512 MiB", "10k", "50 ms"), and when a
 * series crosses one.
 *
 * A crossing is the moment a value reaches the threshold (>=) after being
 * below it, or the first value when it starts above: one alert, however
 * long the series stays above. It re-arms when a value falls below the
 * threshold again, so the next rise is a new crossing. GLib only. */
#pragma once

#include "smolder-series.h"

G_BEGIN_DECLS

/* Parses @text as a threshold in @unit: bytes take B, kB/MB/GB/TB (powers
 * of 1000) and KiB/MiB/GiB/TiB or a bare K/M/G/T (powers of 1024); counts
 * take k/M/G (powers of 1000); durations are milliseconds and take ns, us,
 * µs, ms, s. Case-insensitive, "." decimals, spaces anywhere between.
 * "", "0" and "off" are 0 (no threshold). FALSE with @error (saying what
 * was expected) for anything else or a negative value. */
gboolean  smolder_threshold_parse  (const char         *text,
                                    SmolderSeriesUnit   unit,
                                    double             *value,
                                    GError            **error);
/* The inverse, in the shortest exact form: "512 MiB", "1.5 GiB",
 * "100 MB", "1200" (counts stay whole), "100 ms", "1.5 s"; 0 is "". */
char     *smolder_threshold_format (double              value,
                                    SmolderSeriesUnit   unit);

/* One threshold followed point by point. */
typedef struct {
  double   threshold;  /* <= 0: off, never crosses */
  gboolean above;      /* the last value was at or over it */
} SmolderThresholdWatch;

void      smolder_threshold_watch_init   (SmolderThresholdWatch *watch,
                                          double                 threshold);
/* Takes the next value; TRUE when it is a crossing. */
gboolean  smolder_threshold_watch_update (SmolderThresholdWatch *watch,
                                          double                 value);

/* A time above the threshold: from the crossing to the first point back
 * below, or @end_ms == the last point's time while still above. */
typedef struct {
  gint64 start_ms;
  gint64 end_ms;
} SmolderThresholdSpan;

/* Every crossing of @series in @model, in time order (a GArray of
 * SmolderThresholdSpan); empty when @threshold <= 0. */
GArray   *smolder_threshold_find_spans  (SmolderSeries *model,
                                         guint          series,
                                         double         threshold);

G_END_DECLS
