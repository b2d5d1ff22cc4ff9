/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-chart-paint.c: layout, decimated drawing and hit tests of the chart. */

#include "smolder-chart-paint.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "smolder-chart-raster.h"
#include "smolder-chart-ticks.h"
#include "smolder-units.h"

#define LEFT_AXIS     68.0   /* value labels */
#define RIGHT_PAD     16.0
#define TOP_PAD        8.0
#define LEGEND_H      22.0
#define LEGEND_GAP    16.0   /* between legend entries */
#define SWATCH        10.0
#define PANEL_GAP     34.0
#define GC_LANE_H     18.0
#define GC_LANE_GAP    6.0
#define TIME_AXIS_H   22.0
#define MIN_TICK_PX   90.0   /* between time labels */
#define PANEL_TICK_PX 36.0   /* between value labels */
#define DEFAULT_FONT  "Sans 9"
#define MAX_PANELS    3

typedef struct {
  guint             group;
  SmolderSeriesUnit unit;
  cairo_rectangle_t rect;
  double            step;
  double            top;
} Panel;

struct _SmolderChartLayout
{
  SmolderSeries            *model;
  SmolderChartPaintOptions  options;
  double                    width, height;
  gint64                    t0, t1;
  cairo_rectangle_t         plot;       /* panels and the GC lane */
  cairo_rectangle_t         gc_lane;
  Panel                     panels[MAX_PANELS];
  guint                     n_panels;
  guint                     panel_of[32];   /* series -> panel */
  cairo_rectangle_t         legend[32];
  guint                     legend_rows;    /* entries wrap when wider than the chart */
  gint64                    time_step;
};

struct _SmolderChartCache
{
  cairo_surface_t *layer;
};

SmolderChartCache *
smolder_chart_cache_new (void)
{
  return g_new0 (SmolderChartCache, 1);
}

void
smolder_chart_cache_free (SmolderChartCache *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->layer, cairo_surface_destroy);
  g_free (self);
}

/* A cleared ARGB32 layer of @w x @h, the cache's when it has one. */
static cairo_surface_t *
layer_get (SmolderChartCache *cache,
           int                w,
           int                h)
{
  cairo_surface_t *layer;

  if (cache == NULL)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cache->layer == NULL ||
      cairo_image_surface_get_width (cache->layer) != w ||
      cairo_image_surface_get_height (cache->layer) != h)
    {
      g_clear_pointer (&cache->layer, cairo_surface_destroy);
      cache->layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
    }
  layer = cairo_surface_reference (cache->layer);
  cairo_surface_flush (layer);
  memset (cairo_image_surface_get_data (layer), 0, (gsize) cairo_image_surface_get_stride (layer) * h);
  return layer;
}

void
smolder_chart_paint_options_init (SmolderChartPaintOptions *options)
{
  *options = (SmolderChartPaintOptions) { 0 };
  options->draw_labels = TRUE;
  options->background = TRUE;
  options->gc_warn_ns = 100 * G_GINT64_CONSTANT (1000000);
}

void
smolder_chart_series_color (guint       index,
                            gboolean    dark,
                            SmolderRgb *out)
{
  /* Okabe & Ito (2008), without yellow and black, which vanish on a light
   * or a dark background; the dark set is the same hues lifted. */
  static const SmolderRgb light[] = {
    { 0.000, 0.447, 0.698 },   /* blue */
    { 0.902, 0.624, 0.000 },   /* orange */
    { 0.000, 0.620, 0.451 },   /* bluish green */
    { 0.835, 0.369, 0.000 },   /* vermilion */
    { 0.800, 0.475, 0.655 },   /* reddish purple */
    { 0.337, 0.706, 0.914 },   /* sky blue */
    /* More for the top functions' ten lines: Tol's muted wine, teal, olive, indigo. */
    { 0.533, 0.133, 0.333 },
    { 0.267, 0.667, 0.600 },
    { 0.600, 0.600, 0.200 },
    { 0.200, 0.133, 0.533 },
  };
  static const SmolderRgb darks[] = {
    { 0.337, 0.706, 0.914 },
    { 0.949, 0.729, 0.259 },
    { 0.235, 0.788, 0.612 },
    { 0.961, 0.529, 0.259 },
    { 0.890, 0.604, 0.769 },
    { 0.596, 0.827, 0.961 },
    { 0.800, 0.400, 0.467 },
    { 0.533, 0.800, 0.933 },
    { 0.867, 0.800, 0.467 },
    { 0.667, 0.600, 0.867 },
  };

  *out = dark ? darks[index % G_N_ELEMENTS (darks)] : light[index % G_N_ELEMENTS (light)];
}

/* Adwaita's red, for thresholds, alerts and long GC pauses. */
static SmolderRgb
alert_color (gboolean dark)
{
  return dark ? (SmolderRgb) { 1.0, 0.482, 0.388 } : (SmolderRgb) { 0.878, 0.106, 0.141 };
}

static SmolderRgb
text_color (gboolean dark)
{
  return dark ? (SmolderRgb) { 0.78, 0.78, 0.77 } : (SmolderRgb) { 0.33, 0.33, 0.36 };
}

static SmolderRgb
foreground (gboolean dark)
{
  return dark ? (SmolderRgb) { 1, 1, 1 } : (SmolderRgb) { 0, 0, 0 };
}

static void
set_rgb (cairo_t    *cr,
         SmolderRgb  c,
         double      alpha)
{
  cairo_set_source_rgba (cr, c.red, c.green, c.blue, alpha);
}

static gboolean
is_hidden (const SmolderChartLayout *self,
           guint                     series)
{
  return series < 32 && (self->options.hidden & (1u << series)) != 0;
}

/* --- layout --- */

static PangoLayout *
text_layout_new (PangoContext *context,
                 const char   *font_name)
{
  PangoLayout *text = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name != NULL ? font_name : DEFAULT_FONT);

  pango_layout_set_font_description (text, font);
  return text;
}

static double
text_width (PangoLayout *text,
            const char  *s)
{
  int w;

  if (text == NULL)
    return 7.0 * g_utf8_strlen (s, -1);   /* labels off: a fixed, font-free estimate */
  pango_layout_set_text (text, s, -1);
  pango_layout_get_pixel_size (text, &w, NULL);
  return w;
}

static void
layout_legend (SmolderChartLayout *self)
{
  PangoContext *context = NULL;
  g_autoptr(PangoLayout) text = NULL;
  double x = LEFT_AXIS;
  guint n = smolder_series_get_n_series (self->model);
  guint row = 0;

  if (self->options.draw_labels)
    {
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      text = text_layout_new (context, self->options.font);
    }
  for (guint i = 0; i < n && i < 32; i++)
    {
      double w = SWATCH + 6 + text_width (text, smolder_series_get_name (self->model, i));

      /* Many series (the top functions' chart): wrap onto another row. */
      if (x > LEFT_AXIS && x + w > self->width - RIGHT_PAD)
        {
          row++;
          x = LEFT_AXIS;
        }
      self->legend[i] = (cairo_rectangle_t) { x - 2, TOP_PAD + row * LEGEND_H, w + 4, LEGEND_H - 4 };
      x += w + LEGEND_GAP;
    }
  self->legend_rows = row + 1;
  g_clear_object (&context);
}

static void
layout_range (SmolderChartLayout *self)
{
  gint64 first, last;

  if (self->options.t1_ms > self->options.t0_ms)
    {
      self->t0 = self->options.t0_ms;
      self->t1 = self->options.t1_ms;
      return;
    }
  if (!smolder_series_get_extent (self->model, &first, &last))
    {
      first = 0;
      last = 60000;
    }
  if (last - first < 1000)
    last = first + 1000;
  self->t0 = first;
  self->t1 = last;
}

static guint
panel_for_group (SmolderChartLayout *self,
                 guint               group,
                 SmolderSeriesUnit   unit)
{
  for (guint p = 0; p < self->n_panels; p++)
    if (self->panels[p].group == group)
      return p;
  if (self->n_panels == MAX_PANELS)
    return MAX_PANELS - 1;   /* more groups than panels: the last one shares */
  self->panels[self->n_panels].group = group;
  self->panels[self->n_panels].unit = unit;
  return self->n_panels++;
}

static int
compare_group (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

static void
layout_panels (SmolderChartLayout *self)
{
  guint n = MIN (smolder_series_get_n_series (self->model), 32);
  double maxima[MAX_PANELS] = { 0 };
  guint groups[32];
  double top, avail, h;

  /* Panels top to bottom by group: bytes, counts, durations by default. */
  for (guint i = 0; i < n; i++)
    groups[i] = smolder_series_get_group (self->model, i);
  qsort (groups, n, sizeof (guint), compare_group);
  for (guint k = 0; k < n; k++)
    for (guint i = 0; i < n; i++)
      if (smolder_series_get_group (self->model, i) == groups[k])
        {
          panel_for_group (self, groups[k], smolder_series_get_unit (self->model, i));
          break;
        }
  if (self->n_panels == 0)
    panel_for_group (self, 0, SMOLDER_SERIES_UNIT_COUNT);

  for (guint i = 0; i < n; i++)
    {
      double mn, mx;
      guint p = panel_for_group (self, smolder_series_get_group (self->model, i),
                                 smolder_series_get_unit (self->model, i));
      double before;

      self->panel_of[i] = p;
      if (is_hidden (self, i))
        continue;
      if (smolder_series_range_min_max (self->model, i, self->t0, self->t1 + 1, &mn, &mx))
        maxima[p] = MAX (maxima[p], mx);
      /* The line into the view from the left counts too. */
      if (smolder_series_value_at (self->model, i, self->t0, &before, NULL))
        maxima[p] = MAX (maxima[p], before);
    }
  for (guint k = 0; k < self->options.n_thresholds; k++)
    if (self->options.thresholds[k].series < n)
      {
        guint p = self->panel_of[self->options.thresholds[k].series];

        maxima[p] = MAX (maxima[p], self->options.thresholds[k].value);
      }

  top = TOP_PAD + LEGEND_H * self->legend_rows + 6;
  self->plot = (cairo_rectangle_t) { LEFT_AXIS, top,
                                     MAX (1, floor (self->width - LEFT_AXIS - RIGHT_PAD)),
                                     MAX (1, floor (self->height - top - TIME_AXIS_H)) };
  avail = self->plot.height - GC_LANE_H - GC_LANE_GAP - PANEL_GAP * (self->n_panels - 1);
  h = MAX (1, avail / self->n_panels);
  for (guint p = 0; p < self->n_panels; p++)
    {
      Panel *panel = &self->panels[p];
      guint ticks = (guint) CLAMP (h / PANEL_TICK_PX, 1, 8);

      panel->rect = (cairo_rectangle_t) { self->plot.x, top + p * (h + PANEL_GAP), self->plot.width, h };
      smolder_chart_value_ticks (maxima[p] * 1.05, panel->unit, ticks, &panel->step, &panel->top);
    }
  self->gc_lane = (cairo_rectangle_t) { self->plot.x, self->plot.y + self->plot.height - GC_LANE_H,
                                        self->plot.width, GC_LANE_H };
  self->time_step = smolder_chart_time_step (self->t1 - self->t0, self->plot.width, MIN_TICK_PX);
}

SmolderChartLayout *
smolder_chart_layout_new (SmolderSeries                  *model,
                          const SmolderChartPaintOptions *options,
                          double                          width,
                          double                          height)
{
  SmolderChartLayout *self;

  g_return_val_if_fail (SMOLDER_IS_SERIES (model), NULL);

  self = g_new0 (SmolderChartLayout, 1);
  self->model = g_object_ref (model);
  if (options != NULL)
    self->options = *options;
  else
    smolder_chart_paint_options_init (&self->options);
  if (self->options.gc_warn_ns <= 0)
    self->options.gc_warn_ns = 100 * G_GINT64_CONSTANT (1000000);
  self->options.tz = self->options.tz != NULL ? g_time_zone_ref (self->options.tz) : g_time_zone_new_local ();
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);

  layout_range (self);
  layout_legend (self);
  layout_panels (self);
  return self;
}

void
smolder_chart_layout_free (SmolderChartLayout *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->model);
  g_clear_pointer (&self->options.tz, g_time_zone_unref);
  g_free (self);
}

void
smolder_chart_layout_get_range (SmolderChartLayout *self,
                                gint64             *t0_ms,
                                gint64             *t1_ms)
{
  *t0_ms = self->t0;
  *t1_ms = self->t1;
}

void
smolder_chart_layout_get_plot (SmolderChartLayout *self,
                               cairo_rectangle_t  *out)
{
  *out = self->plot;
}

gboolean
smolder_chart_layout_in_plot (SmolderChartLayout *self,
                              double              x,
                              double              y)
{
  /* The right edge included: following live, the newest point is there. */
  return x >= self->plot.x && x <= self->plot.x + self->plot.width &&
         y >= self->plot.y && y < self->plot.y + self->plot.height;
}

double
smolder_chart_layout_x_for_time (SmolderChartLayout *self,
                                 gint64              t_ms)
{
  return self->plot.x + (double) (t_ms - self->t0) * self->plot.width / (double) (self->t1 - self->t0);
}

gint64
smolder_chart_layout_time_at (SmolderChartLayout *self,
                              double              x)
{
  return self->t0 + (gint64) llround ((x - self->plot.x) * (double) (self->t1 - self->t0) / self->plot.width);
}

static double
y_in_panel (const Panel *panel,
            double       value)
{
  return panel->rect.y + panel->rect.height - value / panel->top * panel->rect.height;
}

double
smolder_chart_layout_y_for_value (SmolderChartLayout *self,
                                  guint               series,
                                  double              value)
{
  g_return_val_if_fail (series < smolder_series_get_n_series (self->model) && series < 32, 0);
  return y_in_panel (&self->panels[self->panel_of[series]], value);
}

double
smolder_chart_layout_get_axis_top (SmolderChartLayout *self,
                                   guint               series)
{
  g_return_val_if_fail (series < smolder_series_get_n_series (self->model) && series < 32, 0);
  return self->panels[self->panel_of[series]].top;
}

guint
smolder_chart_layout_legend_at (SmolderChartLayout *self,
                                double              x,
                                double              y)
{
  guint n = MIN (smolder_series_get_n_series (self->model), 32);

  for (guint i = 0; i < n; i++)
    {
      const cairo_rectangle_t *r = &self->legend[i];

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return i;
    }
  return SMOLDER_SERIES_NONE;
}

gboolean
smolder_chart_layout_get_legend_rect (SmolderChartLayout *self,
                                      guint               series,
                                      cairo_rectangle_t  *out)
{
  if (series >= MIN (smolder_series_get_n_series (self->model), 32))
    return FALSE;
  *out = self->legend[series];
  return TRUE;
}

/* --- painting --- */

static void
draw_text (cairo_t     *cr,
           PangoLayout *text,
           const char  *s,
           double       x,
           double       y,
           double       xalign,   /* 0 left, 0.5 centre, 1 right of x */
           double       yalign)
{
  int w, h;

  if (text == NULL)
    return;
  pango_layout_set_text (text, s, -1);
  pango_layout_get_pixel_size (text, &w, &h);
  cairo_move_to (cr, round (x - xalign * w), round (y - yalign * h));
  pango_cairo_show_layout (cr, text);
}

static void
paint_grid (cairo_t            *cr,
            SmolderChartLayout *self,
            PangoLayout        *text)
{
  gboolean dark = self->options.dark;
  SmolderRgb fg = foreground (dark), label = text_color (dark);

  cairo_set_line_width (cr, 1);
  for (guint p = 0; p < self->n_panels; p++)
    {
      const Panel *panel = &self->panels[p];

      for (double v = 0; v <= panel->top + panel->step / 2; v += panel->step)
        {
          double y = round (y_in_panel (panel, v)) + 0.5;

          set_rgb (cr, fg, v == 0 ? 0.22 : 0.08);
          cairo_move_to (cr, panel->rect.x, y);
          cairo_line_to (cr, panel->rect.x + panel->rect.width, y);
          cairo_stroke (cr);
          if (text != NULL)
            {
              g_autofree char *s = smolder_chart_format_axis_value (v, panel->unit);

              set_rgb (cr, label, 1);
              draw_text (cr, text, s, panel->rect.x - 8, y, 1, 0.5);
            }
        }
    }

  /* Time: a faint line per tick through every panel, its label below. */
  for (gint64 t = smolder_chart_time_first_tick (self->t0, self->time_step, self->options.tz);
       t <= self->t1; t += self->time_step)
    {
      double x = round (smolder_chart_layout_x_for_time (self, t)) + 0.5;

      set_rgb (cr, fg, 0.06);
      cairo_move_to (cr, x, self->plot.y);
      cairo_line_to (cr, x, self->plot.y + self->plot.height);
      cairo_stroke (cr);
      if (text != NULL)
        {
          g_autofree char *s = smolder_chart_format_time (t, self->time_step, self->options.tz);
          int w;

          /* Centred on its tick, but never cut by the edge. */
          pango_layout_set_text (text, s, -1);
          pango_layout_get_pixel_size (text, &w, NULL);
          set_rgb (cr, label, 1);
          draw_text (cr, text, s, CLAMP (x - w / 2.0, 2, self->width - w - 2),
                     self->plot.y + self->plot.height + 5, 0, 0);
        }
    }
}

/* The value of the polyline at time @t (between points: interpolated);
 * @after is the first point at or after @t. */
static double
line_value_at (const gint64 *times,
               const double *values,
               guint         n,
               guint         after,
               double        t)
{
  if (after >= n)
    return values[n - 1];
  if (after == 0 || times[after] <= t || times[after] == times[after - 1])
    return values[after];
  return values[after - 1] + (values[after] - values[after - 1]) * (t - times[after - 1]) / (double) (times[after] - times[after - 1]);
}

/* One series, one pixel column at a time: the column's run spans the line
 * where it enters and leaves the column and every point inside it (their
 * min and max from the series' pyramid), so 60 points in a column cost one
 * run, and a spike of one point still reaches its height. The runs go
 * into @layer (the plot's size, at the plot's origin). */
#define LINE_WIDTH 1.6

static void
paint_series (cairo_surface_t    *layer,
              SmolderChartLayout *self,
              guint               series,
              double              scale)   /* device pixels a unit */
{
  SmolderSeries *m = self->model;
  const Panel *panel = &self->panels[self->panel_of[series]];
  guint n;
  const gint64 *times = smolder_series_peek_times (m, series, &n);
  const double *values = smolder_series_peek_values (m, series, NULL);
  double ms_per_px = (double) (self->t1 - self->t0) / (self->plot.width * scale);
  double clip_top = (panel->rect.y - self->plot.y - 1) * scale;
  double clip_bottom = (panel->rect.y + panel->rect.height - self->plot.y + 1) * scale;
  double y_scale = panel->rect.height / panel->top * scale;
  double y_base = (panel->rect.y + panel->rect.height - self->plot.y) * scale;
  double half_line = LINE_WIDTH / 2 * scale;
  int width = cairo_image_surface_get_width (layer);
  int c0, c1;
  guint idx;
  SmolderRgb color;

  if (n == 0)
    return;
  smolder_chart_series_color (series, self->options.dark, &color);
  /* The columns the line crosses. */
  c0 = (int) MAX (0, floor ((times[0] - self->t0) / ms_per_px));
  c1 = (int) MIN (width - 1, floor ((times[n - 1] - self->t0) / ms_per_px));
  if (c0 > c1)
    return;

  idx = smolder_series_times_lower_bound (times, n, 0, self->t0 + (gint64) floor (c0 * ms_per_px));
  for (int c = c0; c <= c1; c++)
    {
      double left_t = MAX (self->t0 + c * ms_per_px, times[0]);
      double right_t = MIN (self->t0 + (c + 1) * ms_per_px, times[n - 1]);
      guint end = smolder_series_times_lower_bound (times, n, idx, (gint64) ceil (self->t0 + (c + 1) * ms_per_px));
      double hi, lo, mn, mx;

      /* Where the line enters and leaves the column, and what lies in it. */
      hi = lo = line_value_at (times, values, n, idx, left_t);
      {
        double v = line_value_at (times, values, n, end, right_t);

        hi = MAX (hi, v);
        lo = MIN (lo, v);
      }
      if (end > idx + 2 && smolder_series_index_min_max (m, series, idx, end, &mn, &mx))
        {
          hi = MAX (hi, mx);
          lo = MIN (lo, mn);
        }
      else
        for (guint i = idx; i < end; i++)
          {
            hi = MAX (hi, values[i]);
            lo = MIN (lo, values[i]);
          }
      smolder_chart_raster_run (layer, c,
                                MAX (y_base - hi * y_scale - half_line, clip_top),
                                MIN (y_base - lo * y_scale + half_line, clip_bottom),
                                color);
      idx = end;
    }
}

/* Every visible series through one layer composited once, in device
 * pixels (sharp lines on a HiDPI screen). */
static void
paint_all_series (cairo_t            *cr,
                  SmolderChartLayout *self)
{
  double scale = MAX (self->options.scale, 1);
  int w = (int) ceil (self->plot.width * scale), h = (int) ceil (self->plot.height * scale);
  cairo_surface_t *layer = layer_get (self->options.cache, w, h);
  guint n = MIN (smolder_series_get_n_series (self->model), 32);

  for (guint i = 0; i < n; i++)
    if (!is_hidden (self, i))
      paint_series (layer, self, i, scale);
  cairo_surface_mark_dirty (layer);
  cairo_surface_set_device_scale (layer, scale, scale);
  cairo_set_source_surface (cr, layer, self->plot.x, self->plot.y);
  cairo_rectangle (cr, self->plot.x, self->plot.y, w / scale, h / scale);
  cairo_fill (cr);
  cairo_surface_destroy (layer);
}

static void
paint_thresholds (cairo_t            *cr,
                  SmolderChartLayout *self,
                  PangoLayout        *text)
{
  SmolderRgb red = alert_color (self->options.dark);
  static const double dash[] = { 6, 4 };
  guint n = MIN (smolder_series_get_n_series (self->model), 32);

  for (guint k = 0; k < self->options.n_thresholds; k++)
    {
      const SmolderChartThreshold *th = &self->options.thresholds[k];
      const Panel *panel;
      double y;

      if (th->series >= n)
        continue;
      panel = &self->panels[self->panel_of[th->series]];
      y = round (y_in_panel (panel, th->value)) + 0.5;
      set_rgb (cr, red, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, panel->rect.x, y);
      cairo_line_to (cr, panel->rect.x + panel->rect.width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      if (text != NULL)
        {
          g_autofree char *value = smolder_chart_format_value (th->value, panel->unit);
          g_autofree char *s = th->label != NULL ? g_strdup_printf ("%s · %s", th->label, value)
                                                 : g_steal_pointer (&value);

          draw_text (cr, text, s, panel->rect.x + panel->rect.width - 4, y - 2, 1, 1);
        }
    }
}

static void
paint_alerts (cairo_t            *cr,
              SmolderChartLayout *self)
{
  SmolderRgb red = alert_color (self->options.dark);
  double top = self->plot.y, bottom = self->gc_lane.y - GC_LANE_GAP;

  for (guint k = 0; k < self->options.n_alerts; k++)
    {
      const SmolderChartAlert *al = &self->options.alerts[k];
      double x0 = smolder_chart_layout_x_for_time (self, al->start_ms);

      if (al->end_ms > al->start_ms)
        {
          double x1 = smolder_chart_layout_x_for_time (self, al->end_ms);

          set_rgb (cr, red, 0.12);
          cairo_rectangle (cr, x0, top, MAX (x1 - x0, 1), bottom - top);
          cairo_fill (cr);
        }
      /* The crossing itself: a line and a small triangle on top. */
      set_rgb (cr, red, 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, round (x0) + 0.5, top);
      cairo_line_to (cr, round (x0) + 0.5, bottom);
      cairo_stroke (cr);
      cairo_move_to (cr, round (x0) + 0.5 - 5, top);
      cairo_line_to (cr, round (x0) + 0.5 + 5, top);
      cairo_line_to (cr, round (x0) + 0.5, top + 7);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

/* GC pauses in their lane: 10 µs a stub, 100 ms and more the full height,
 * on a log scale; the long ones red. A pause shorter than a pixel is a
 * 1 px tick at its end time. */
static void
paint_gc (cairo_t            *cr,
          SmolderChartLayout *self,
          PangoLayout        *text)
{
  const SmolderGcMark *marks;
  guint n, i;
  SmolderRgb normal = text_color (self->options.dark), red = alert_color (self->options.dark);
  const cairo_rectangle_t *lane = &self->gc_lane;
  double ms_per_px = (double) (self->t1 - self->t0) / self->plot.width;

  set_rgb (cr, foreground (self->options.dark), 0.04);
  cairo_rectangle (cr, lane->x, lane->y, lane->width, lane->height);
  cairo_fill (cr);
  if (text != NULL)
    {
      set_rgb (cr, text_color (self->options.dark), 1);
      draw_text (cr, text, _("GC"), lane->x - 8, lane->y + lane->height / 2, 1, 0.5);
    }

  marks = smolder_series_get_gc_marks (self->model, &n);
  i = smolder_series_gc_lower_bound (self->model, self->t0 * 1000000);
  for (; i < n && marks[i].end_ns - marks[i].duration_ns <= self->t1 * 1000000; i++)
    {
      double end_x = smolder_chart_layout_x_for_time (self, marks[i].end_ns / 1000000);
      double w = MAX (1, marks[i].duration_ns / 1e6 / ms_per_px);
      double f = CLAMP (log10 (MAX (marks[i].duration_ns, 1) / 1e4) / 4.0, 0, 1);  /* 10 µs .. 100 ms */
      double h = 4 + f * (lane->height - 4);
      gboolean warn = marks[i].duration_ns >= self->options.gc_warn_ns;

      set_rgb (cr, warn ? red : normal, warn ? 1 : 0.75);
      cairo_rectangle (cr, floor (end_x - w), lane->y + lane->height - h, ceil (w), h);
      cairo_fill (cr);
    }
}

static void
paint_cursor (cairo_t            *cr,
              SmolderChartLayout *self)
{
  double x = round (smolder_chart_layout_x_for_time (self, self->options.cursor_ms)) + 0.5;
  SmolderRgb fg = foreground (self->options.dark);
  SmolderRgb bg;
  guint n = MIN (smolder_series_get_n_series (self->model), 32);

  if (x < self->plot.x || x > self->plot.x + self->plot.width)
    return;
  set_rgb (cr, fg, 0.45);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, self->plot.y);
  cairo_line_to (cr, x, self->plot.y + self->plot.height);
  cairo_stroke (cr);

  smolder_palette_background (self->options.dark, &bg);
  for (guint i = 0; i < n; i++)
    {
      double v;
      SmolderRgb color;

      if (is_hidden (self, i) || !smolder_series_value_at (self->model, i, self->options.cursor_ms, &v, NULL))
        continue;
      smolder_chart_series_color (i, self->options.dark, &color);
      cairo_arc (cr, x, y_in_panel (&self->panels[self->panel_of[i]], v), 4, 0, 2 * G_PI);
      set_rgb (cr, color, 1);
      cairo_fill_preserve (cr);
      set_rgb (cr, bg, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
}

static void
paint_legend (cairo_t            *cr,
              SmolderChartLayout *self,
              PangoLayout        *text)
{
  guint n = MIN (smolder_series_get_n_series (self->model), 32);

  for (guint i = 0; i < n; i++)
    {
      const cairo_rectangle_t *r = &self->legend[i];
      double sx = r->x + 2, sy = r->y + (r->height - SWATCH) / 2;
      gboolean hidden = is_hidden (self, i);
      SmolderRgb color;

      smolder_chart_series_color (i, self->options.dark, &color);
      cairo_new_sub_path (cr);
      cairo_arc (cr, sx + 2, sy + 2, 2, G_PI, 1.5 * G_PI);
      cairo_arc (cr, sx + SWATCH - 2, sy + 2, 2, 1.5 * G_PI, 2 * G_PI);
      cairo_arc (cr, sx + SWATCH - 2, sy + SWATCH - 2, 2, 0, 0.5 * G_PI);
      cairo_arc (cr, sx + 2, sy + SWATCH - 2, 2, 0.5 * G_PI, G_PI);
      cairo_close_path (cr);
      set_rgb (cr, color, 1);
      if (hidden)
        {
          /* Off: a hollow swatch and a dimmed name. */
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      if (text != NULL)
        {
          set_rgb (cr, text_color (self->options.dark), hidden ? 0.45 : 1);
          draw_text (cr, text, smolder_series_get_name (self->model, i),
                     sx + SWATCH + 6, r->y + r->height / 2, 0, 0.5);
        }
    }
}

void
smolder_chart_paint (cairo_t            *cr,
                     SmolderChartLayout *layout)
{
  SmolderChartLayout *self = layout;
  g_autoptr(PangoLayout) text = NULL;

  g_return_if_fail (cr != NULL && layout != NULL);

  cairo_save (cr);
  if (self->options.background)
    {
      SmolderRgb bg;

      smolder_palette_background (self->options.dark, &bg);
      set_rgb (cr, bg, 1);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }
  if (self->options.draw_labels)
    {
      g_autoptr(PangoFontDescription) font =
        pango_font_description_from_string (self->options.font != NULL ? self->options.font : DEFAULT_FONT);

      text = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (text, font);
    }

  paint_grid (cr, self, text);
  paint_alerts (cr, self);
  paint_gc (cr, self, text);

  paint_all_series (cr, self);
  paint_thresholds (cr, self, text);
  paint_legend (cr, self, text);
  if (self->options.show_cursor)
    paint_cursor (cr, self);
  cairo_restore (cr);
}

char *
smolder_chart_describe_at (SmolderSeries *model,
                           gint64         t_ms,
                           guint32        hidden,
                           gint64         gc_window_ms,
                           GTimeZone     *tz)
{
  GString *out = g_string_new (NULL);
  g_autofree char *time = smolder_chart_format_time (t_ms, 1000, tz);
  guint n = MIN (smolder_series_get_n_series (model), 32);
  const SmolderGcMark *marks;
  guint n_marks;

  g_string_append (out, time);
  for (guint i = 0; i < n; i++)
    {
      double v;
      g_autofree char *value = NULL;

      if ((hidden & (1u << i)) != 0 || !smolder_series_value_at (model, i, t_ms, &v, NULL))
        continue;
      value = smolder_chart_format_value (v, smolder_series_get_unit (model, i));
      g_string_append_printf (out, "\n%s: %s", smolder_series_get_name (model, i), value);
    }

  marks = smolder_series_get_gc_marks (model, &n_marks);
  for (guint i = smolder_series_gc_lower_bound (model, (t_ms - gc_window_ms) * 1000000);
       i < n_marks && marks[i].end_ns <= (t_ms + gc_window_ms) * 1000000; i++)
    {
      g_autofree char *pause = smolder_units_format_duration (marks[i].duration_ns);

      /* Translators: a garbage collection's stop-the-world pause and its length */
      g_string_append_printf (out, "\n%s %s", _("GC pause:"), pause);
    }
  return g_string_free (out, FALSE);
}
