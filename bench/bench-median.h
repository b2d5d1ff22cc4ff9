/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-median.h: the median of a benchmark's runs (sorts @v in place). */
#pragma once

#include <stdlib.h>

#include <glib.h>

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static inline double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), bench_compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
