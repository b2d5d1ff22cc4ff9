/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-trend-fit.h: how steadily one series grows over time (slope per
 * minute, fit, share of rises, whether it still grows): the leak score. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a series fits a rise over time. */
typedef struct {
  double slope;        /* least-squares growth per minute, in the sample unit */
  double r2;           /* fit of the line, 0–1 (0 when it falls or is flat) */
  double rose;         /* share of intervals in which the value rose, 0–1 */
  double persistence;  /* still growing at the end: slope of the later half / slope of all, 0–1 */
  double steadiness;   /* the combination: see smolder_trend_fit() */
  gint64 first;
  gint64 last;
} SmolderTrendFit;

/* A series with a steadiness at least this high and a growth that matters
 * ranks as a steady grower. */
#define SMOLDER_TRENDS_STEADY 0.5

/* Fits @values at @minutes (n >= 2, minutes increasing). */
void smolder_trend_fit (const double    *minutes,
                        const gint64    *values,
                        guint            n,
                        SmolderTrendFit *out);

G_END_DECLS
