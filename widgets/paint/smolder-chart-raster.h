/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-chart-raster.h: vertical runs blended into an ARGB32 layer.
 *
 * A chart line, one pixel column at a time: each column is a run from the
 * line's top to its bottom within that column, with fractional coverage at
 * both ends (the anti-aliasing). Writing runs straight into an image and
 * compositing it once is ~50x cheaper than cairo stroking a polyline of
 * thousands of joints; a 1920-column line costs about 2,000 short runs. */
#pragma once

#include <cairo.h>

#include "smolder-palette.h"

G_BEGIN_DECLS

/* Blends @color over column @x of @layer (an ARGB32 image surface), rows
 * @top to @bottom (fractional; clipped to the surface). Call
 * cairo_surface_flush() before and cairo_surface_mark_dirty() after a
 * batch of runs. */
void smolder_chart_raster_run (cairo_surface_t *layer,
                               int              x,
                               double           top,
                               double           bottom,
                               SmolderRgb       color);

G_END_DECLS
