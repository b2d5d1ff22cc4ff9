/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-chart-raster.c: anti-aliased vertical runs, premultiplied OVER. */

#include "smolder-chart-raster.h"

#include <math.h>

static inline guint32
over (guint32 dst,
      guint32 r,
      guint32 g,
      guint32 b,
      guint32 a)   /* coverage 0..255, colour opaque */
{
  guint32 inv = 255 - a;
  guint32 da = (dst >> 24) & 0xff, dr = (dst >> 16) & 0xff, dg = (dst >> 8) & 0xff, db = dst & 0xff;

  da = a + (da * inv + 127) / 255;
  dr = (r * a + dr * inv + 127) / 255;
  dg = (g * a + dg * inv + 127) / 255;
  db = (b * a + db * inv + 127) / 255;
  return (da << 24) | (dr << 16) | (dg << 8) | db;
}

void
smolder_chart_raster_run (cairo_surface_t *layer,
                          int              x,
                          double           top,
                          double           bottom,
                          SmolderRgb       color)
{
  int w = cairo_image_surface_get_width (layer);
  int h = cairo_image_surface_get_height (layer);
  int stride = cairo_image_surface_get_stride (layer);
  guchar *data = cairo_image_surface_get_data (layer);
  guint32 r = (guint32) (color.red * 255 + 0.5);
  guint32 g = (guint32) (color.green * 255 + 0.5);
  guint32 b = (guint32) (color.blue * 255 + 0.5);
  guint32 solid = 0xff000000 | (r << 16) | (g << 8) | b;
  guchar *column;
  int y0, y1;

  if (data == NULL || x < 0 || x >= w || !(bottom > top))
    return;
  top = MAX (top, 0);
  bottom = MIN (bottom, h);
  if (!(bottom > top))
    return;
  column = data + 4 * (gsize) x;
  y0 = (int) top;
  y1 = (int) bottom;   /* the row holding the bottom edge */
  if (y0 == y1 || (y0 + 1 == y1 && bottom == y1))
    {
      /* Inside one row. */
      guint32 *p = (guint32 *) (column + (gsize) y0 * stride);

      *p = over (*p, r, g, b, (guint32) ((bottom - top) * 255 + 0.5));
      return;
    }
  /* A partial top row, whole rows, a partial bottom row. */
  {
    guint32 *p = (guint32 *) (column + (gsize) y0 * stride);
    guint32 a = (guint32) ((y0 + 1 - top) * 255 + 0.5);

    *p = a >= 255 ? solid : over (*p, r, g, b, a);
  }
  for (int y = y0 + 1; y < y1; y++)
    *(guint32 *) (column + (gsize) y * stride) = solid;
  if (y1 < h && bottom > y1)
    {
      guint32 *p = (guint32 *) (column + (gsize) y1 * stride);

      *p = over (*p, r, g, b, (guint32) ((bottom - y1) * 255 + 0.5));
    }
}
