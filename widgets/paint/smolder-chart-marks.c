/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-chart-marks.c: chosen moments over a chart (see the header). */

#include "smolder-chart-marks.h"

#define TAG_SIZE 6.0

void
smolder_chart_paint_marks (cairo_t            *cr,
                           SmolderChartLayout *layout,
                           const gint64       *times_ms,
                           guint               n_marks,
                           gboolean            dark)
{
  static const double dash[] = { 4.0, 3.0 };
  cairo_rectangle_t plot;
  gint64 t0, t1;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (n_marks == 0 || times_ms != NULL);

  smolder_chart_layout_get_plot (layout, &plot);
  smolder_chart_layout_get_range (layout, &t0, &t1);
  cairo_save (cr);
  /* The accent blue of the theme: apart from the series' colours and the
   * red of the alerts. */
  if (dark)
    cairo_set_source_rgb (cr, 0.47, 0.68, 0.93);
  else
    cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  cairo_set_line_width (cr, 2.0);
  for (guint i = 0; i < n_marks; i++)
    {
      double x;

      if (times_ms[i] < t0 || times_ms[i] > t1)
        continue;
      x = smolder_chart_layout_x_for_time (layout, times_ms[i]);
      cairo_set_dash (cr, dash, i == 0 ? 0 : G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.height);
      cairo_stroke (cr);
      /* A downward tag at the top: visible even where lines crowd. */
      cairo_move_to (cr, x - TAG_SIZE, plot.y);
      cairo_line_to (cr, x + TAG_SIZE, plot.y);
      cairo_line_to (cr, x, plot.y + TAG_SIZE * 1.5);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}
