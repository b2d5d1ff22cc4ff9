/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-sparkline.c: a word-sized line chart of one series. */
#include <math.h>

#include "smolder-sparkline.h"

#define DOT_RADIUS 2.0

void
smolder_sparkline_paint (cairo_t      *cr,
                         double        width,
                         double        height,
                         const double *x,
                         const double *values,
                         guint         n_values,
                         const double  rgba[4])
{
  double lo = 0, hi = 0, x0, x1, left, right, top, bottom;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (rgba != NULL);

  cairo_save (cr);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (n_values < 2 || values == NULL || width <= 2 * DOT_RADIUS || height <= 2 * DOT_RADIUS)
    {
      cairo_move_to (cr, width * 0.25, height / 2);
      cairo_line_to (cr, width * 0.75, height / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < n_values; i++)
    {
      lo = MIN (lo, values[i]);
      hi = MAX (hi, values[i]);
    }
  if (hi <= lo)
    hi = lo + 1;
  x0 = x != NULL ? x[0] : 0;
  x1 = x != NULL ? x[n_values - 1] : n_values - 1;
  if (x1 <= x0)
    x1 = x0 + 1;
  /* Room for the dot and the line's width inside the box. */
  left = DOT_RADIUS;
  right = width - DOT_RADIUS;
  top = DOT_RADIUS;
  bottom = height - DOT_RADIUS;

#define PX(i) (left + ((x != NULL ? x[i] : (double) (i)) - x0) / (x1 - x0) * (right - left))
#define PY(i) (bottom - (values[i] - lo) / (hi - lo) * (bottom - top))
  cairo_move_to (cr, PX (0), PY (0));
  for (guint i = 1; i < n_values; i++)
    cairo_line_to (cr, PX (i), PY (i));
  cairo_stroke_preserve (cr);
  cairo_line_to (cr, PX (n_values - 1), bottom);
  cairo_line_to (cr, PX (0), bottom);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * 0.18);
  cairo_fill (cr);

  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
  cairo_arc (cr, PX (n_values - 1), PY (n_values - 1), DOT_RADIUS, 0, 2 * G_PI);
  cairo_fill (cr);
#undef PX
#undef PY
  cairo_restore (cr);
}
