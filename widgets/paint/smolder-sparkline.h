/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-sparkline.h: a word-sized line chart of one series (cairo only). */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Paints @values (at @x, increasing; NULL for evenly spaced) into the
 * @width × @height box at the origin of @cr: the line in @rgba from 0 (or
 * the lowest value, when below 0) to the highest, a light fill under it
 * and a dot on the last point. Fewer than 2 values paint a dash. */
void smolder_sparkline_paint (cairo_t      *cr,
                              double        width,
                              double        height,
                              const double *x,
                              const double *values,
                              guint         n_values,
                              const double  rgba[4]);

G_END_DECLS
