/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-trend-fit.c: how steadily one series grows over time. */
#include "smolder-trend-fit.h"

#include <math.h>
#include <string.h>

/* Steadiness answers "is this still leaking?" and must put a bounded cache
 * that fills then stays flat, and large buffers that come and go, below a
 * steady leak of any size. Three terms, each 0–1 and blind to the size:
 *
 *  - r2, the fit of a rising line: buffers that come and go fit badly;
 *  - rose, the share of intervals in which the value rose: a step (one buffer
 *    that happened to be alive in the last snapshots) rises once, a leak in
 *    most intervals;
 *  - persistence, whether it still grows at the end: the square root of the
 *    slope over the later half of the time span against the slope over all
 *    of it (capped at 1). A cache that filled early and went flat scores ~0
 *    even though its line fits fairly and its early intervals all rose; a
 *    leak whose rate halved with the load keeps 0.71 (the root softens that).
 *
 * steadiness = persistence × (0.7 r2 + 0.3 rose). The fit and the rises
 * average, the fit weighing more: a heap profile samples (by default one
 * object per 512 KiB), so a real leak shows as steps that rise in only half
 * of the intervals yet fit a line well; a single step fits half-well and
 * rises once. Persistence multiplies: growth that stopped is not a leak
 * however well it fitted. Linear growth scores 1. */
static double
least_squares_slope (const double *minutes,
                     const gint64 *values,
                     guint         n)
{
  double mt = 0, my = 0, sxx = 0, sxy = 0;

  for (guint i = 0; i < n; i++)
    {
      mt += minutes[i];
      my += (double) values[i];
    }
  mt /= n;
  my /= n;
  for (guint i = 0; i < n; i++)
    {
      sxx += (minutes[i] - mt) * (minutes[i] - mt);
      sxy += (minutes[i] - mt) * ((double) values[i] - my);
    }
  return sxx > 0 ? sxy / sxx : 0.0;
}

void
smolder_trend_fit (const double    *minutes,
                   const gint64    *values,
                   guint            n,
                   SmolderTrendFit *out)
{
  double mt = 0, my = 0, sxx = 0, sxy = 0, syy = 0;
  double span, mid, total, late_slope;
  guint rises = 0, late = 0;

  memset (out, 0, sizeof *out);
  if (n == 0)
    return;
  out->first = values[0];
  out->last = values[n - 1];
  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      mt += minutes[i];
      my += (double) values[i];
    }
  mt /= n;
  my /= n;
  for (guint i = 0; i < n; i++)
    {
      double dt = minutes[i] - mt, dy = (double) values[i] - my;

      sxx += dt * dt;
      sxy += dt * dy;
      syy += dy * dy;
      if (i > 0 && values[i] > values[i - 1])
        rises++;
    }
  out->slope = sxx > 0 ? sxy / sxx : 0.0;
  out->r2 = (out->slope > 0 && syy > 0) ? CLAMP (sxy * sxy / (sxx * syy), 0.0, 1.0) : 0.0;
  out->rose = (double) rises / (n - 1);

  /* The least-squares slope of the later half of the span, against the
   * slope of the whole: noise in a sampled heap moves single points, less so
   * a fit over half of them. */
  span = minutes[n - 1] - minutes[0];
  total = (double) out->last - (double) out->first;
  mid = minutes[0] + span / 2.0;
  while (late < n - 2 && minutes[late] < mid)
    late++;
  late_slope = least_squares_slope (minutes + late, values + late, n - late);
  out->persistence = out->slope > 0 && total > 0 ? sqrt (CLAMP (late_slope / out->slope, 0.0, 1.0)) : 0.0;

  if (out->slope > 0 && total > 0)
    out->steadiness = out->persistence * (0.7 * out->r2 + 0.3 * out->rose);
}
