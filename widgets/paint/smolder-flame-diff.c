/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-diff.c: matching two call trees by path, change colours,
 * the differential painter and its legend. */

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "smolder-flame-diff.h"
#include "smolder-units.h"

struct _SmolderFlameDiff
{
  gatomicrefcount  ref_count;
  SmolderCallTree *tree;       /* laid out */
  SmolderCallTree *other;
  gboolean         on_base;
  guint32         *match;      /* tree node -> other node, or SMOLDER_NO_ID */
  gint64           max_change;
};

G_DEFINE_BOXED_TYPE (SmolderFlameDiff, smolder_flame_diff, smolder_flame_diff_ref, smolder_flame_diff_unref)

/* Okabe & Ito's colour-blind-safe vermillion and blue. */
static const SmolderRgb growth_hue = { 0xd5 / 255.0, 0x5e / 255.0, 0x00 / 255.0 };
static const SmolderRgb shrink_hue = { 0x00 / 255.0, 0x72 / 255.0, 0xb2 / 255.0 };
static const SmolderRgb neutral_light = { 0.86, 0.86, 0.86 };
static const SmolderRgb neutral_dark = { 0.30, 0.30, 0.30 };

static gint64
other_total (SmolderFlameDiff *self,
             guint             node)
{
  guint32 m = self->match[node];

  return m == SMOLDER_NO_ID ? 0 : smolder_call_tree_get_total (self->other, m);
}

SmolderFlameDiff *
smolder_flame_diff_new (SmolderCallTree *base_tree,
                        SmolderCallTree *new_tree,
                        gboolean         on_base)
{
  SmolderFlameDiff *self;
  guint n;

  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (base_tree), NULL);
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (new_tree), NULL);

  self = g_new0 (SmolderFlameDiff, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->on_base = on_base;
  self->tree = g_object_ref (on_base ? base_tree : new_tree);
  self->other = g_object_ref (on_base ? new_tree : base_tree);
  n = smolder_call_tree_get_n_nodes (self->tree);
  self->match = g_new (guint32, MAX (n, 1));
  memset (self->match, 0xff, sizeof (guint32) * MAX (n, 1));
  if (n > 0 && smolder_call_tree_get_n_nodes (self->other) > 0)
    self->match[0] = 0;

  /* Preorder: a parent is matched before its children. Children of both
   * trees are sorted by name, so each pair of child lists is a merge-join. */
  for (guint node = 0; node < n; node++)
    {
      guint32 a, b;

      if (self->match[node] == SMOLDER_NO_ID)
        continue;
      a = smolder_call_tree_get_first_child (self->tree, node);
      b = smolder_call_tree_get_first_child (self->other, self->match[node]);
      while (a != SMOLDER_NO_ID && b != SMOLDER_NO_ID)
        {
          int cmp = strcmp (smolder_call_tree_get_name (self->tree, a),
                            smolder_call_tree_get_name (self->other, b));

          if (cmp == 0)
            self->match[a] = b;
          if (cmp <= 0)
            a = smolder_call_tree_get_next_sibling (self->tree, a);
          if (cmp >= 0)
            b = smolder_call_tree_get_next_sibling (self->other, b);
        }
    }

  for (guint node = 0; node < n; node++)
    {
      gint64 change = smolder_flame_diff_get_new (self, node) - smolder_flame_diff_get_base (self, node);

      self->max_change = MAX (self->max_change, ABS (change));
    }
  return self;
}

SmolderFlameDiff *
smolder_flame_diff_ref (SmolderFlameDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
smolder_flame_diff_unref (SmolderFlameDiff *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->tree);
  g_clear_object (&self->other);
  g_free (self->match);
  g_free (self);
}

SmolderCallTree *
smolder_flame_diff_get_tree (SmolderFlameDiff *self)
{
  return self->tree;
}

gboolean
smolder_flame_diff_get_on_base (SmolderFlameDiff *self)
{
  return self->on_base;
}

gint64
smolder_flame_diff_get_base (SmolderFlameDiff *self,
                             guint             node)
{
  g_return_val_if_fail (node < smolder_call_tree_get_n_nodes (self->tree), 0);
  return self->on_base ? smolder_call_tree_get_total (self->tree, node) : other_total (self, node);
}

gint64
smolder_flame_diff_get_new (SmolderFlameDiff *self,
                            guint             node)
{
  g_return_val_if_fail (node < smolder_call_tree_get_n_nodes (self->tree), 0);
  return self->on_base ? other_total (self, node) : smolder_call_tree_get_total (self->tree, node);
}

gint64
smolder_flame_diff_get_max_change (SmolderFlameDiff *self)
{
  return self->max_change;
}

void
smolder_diff_color_options_init (SmolderDiffColorOptions *options)
{
  memset (options, 0, sizeof *options);
  options->mode = SMOLDER_DIFF_COLOR_ABSOLUTE;
  options->threshold = 0.005;
}

static gint64
reference_total (SmolderFlameDiff *self)
{
  gint64 a = smolder_call_tree_get_n_nodes (self->tree) > 0 ? smolder_call_tree_get_total (self->tree, 0) : 0;
  gint64 b = smolder_call_tree_get_n_nodes (self->other) > 0 ? smolder_call_tree_get_total (self->other, 0) : 0;

  return MAX (ABS (a), ABS (b));
}

double
smolder_flame_diff_get_intensity (SmolderFlameDiff              *self,
                                  guint                          node,
                                  const SmolderDiffColorOptions *options)
{
  gint64 base = smolder_flame_diff_get_base (self, node);
  gint64 change = smolder_flame_diff_get_new (self, node) - base;
  double r;

  if (change == 0)
    return 0.0;
  if (options->mode == SMOLDER_DIFF_COLOR_RELATIVE)
    {
      if (base == 0)
        return change > 0 ? 1.0 : -1.0;
      r = (double) change / (double) ABS (base);
      if (fabs (r) < options->threshold)
        return 0.0;
      return CLAMP (r, -1.0, 1.0);
    }
  if ((double) ABS (change) < options->threshold * (double) reference_total (self))
    return 0.0;
  return CLAMP ((double) change / (double) self->max_change, -1.0, 1.0);
}

/* WCAG relative luminance, to pick black or white text. */
static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

void
smolder_diff_palette_color (double             intensity,
                            gboolean           dark,
                            SmolderFrameColor *out)
{
  SmolderRgb neutral = dark ? neutral_dark : neutral_light;
  double l;

  out->fill = neutral;
  if (intensity != 0.0)
    {
      /* Anything past the threshold is visibly tinted, the most at 1. */
      double t = 0.25 + 0.75 * MIN (fabs (intensity), 1.0);

      out->fill = smolder_rgb_mix (neutral, intensity > 0 ? growth_hue : shrink_hue, t);
    }
  l = 0.2126 * channel (out->fill.red) + 0.7152 * channel (out->fill.green) + 0.0722 * channel (out->fill.blue);
  /* Contrast against black (0) and white (1). */
  if ((l + 0.05) / 0.05 >= 1.05 / (l + 0.05))
    out->text = (SmolderRgb) { 0, 0, 0 };
  else
    out->text = (SmolderRgb) { 1, 1, 1 };
}

static void
set_rgb (cairo_t    *cr,
         SmolderRgb  c)
{
  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
}

#define LABEL_PADDING 4.0
#define MIN_LABEL_WIDTH 24.0
/* How far a frame the search does not match fades toward the background:
 * the flame painter's amount, so both graphs read alike. */
#define SEARCH_DIM 0.72

static void
draw_label (cairo_t     *cr,
            PangoLayout *layout,
            const char  *text,
            double       x,
            double       y,
            double       width,
            double       height,
            SmolderRgb   color)
{
  int lw, lh;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) ((width - 2 * LABEL_PADDING) * PANGO_SCALE));
  pango_layout_get_pixel_size (layout, &lw, &lh);
  set_rgb (cr, color);
  cairo_move_to (cr, x + LABEL_PADDING, y + (height - lh) / 2);
  pango_cairo_show_layout (cr, layout);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font ? font : "Sans 9");

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (desc);
  return layout;
}

void
smolder_flame_diff_paint (cairo_t                       *cr,
                          SmolderFlameLayout            *layout,
                          SmolderFlameDiff              *diff,
                          const SmolderDiffColorOptions *options,
                          gboolean                       draw_labels,
                          const char                    *font)
{
  const SmolderFlameLayoutParams *params = smolder_flame_layout_get_params (layout);
  double rh = params->row_height > 0 ? params->row_height : SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
  double bar_h = rh > 3.0 ? round (rh) - 1.0 : rh;
  g_autoptr(PangoLayout) text = NULL;
  SmolderCallTree *tree = smolder_flame_diff_get_tree (diff);
  SmolderRgb background;

  g_return_if_fail (smolder_flame_layout_get_tree (layout) == tree);
  /* A search of another tree would match the wrong nodes. */
  g_return_if_fail (options->search == NULL || smolder_flame_search_get_tree (options->search) == tree);
  smolder_palette_background (options->dark, &background);

  if (draw_labels)
    text = make_layout (cr, font);

  for (guint row = 0; row < smolder_flame_layout_get_n_rows (layout); row++)
    {
      guint n_rects;
      const SmolderFlameRect *rects = smolder_flame_layout_get_row_rects (layout, row, &n_rects);
      double y = round (smolder_flame_layout_get_row_y (layout, row));

      for (guint i = 0; i < n_rects; i++)
        {
          const SmolderFlameRect *r = &rects[i];
          double x0 = round (r->x), x1 = round (r->x + r->width);
          SmolderFrameColor color;

          /* Whole pixels and a pixel of gap, as the flame painter draws. */
          if (x1 - x0 < 1)
            x1 = x0 + 1;
          else if (x1 - x0 >= 3)
            x1 -= 1;
          smolder_diff_palette_color (smolder_flame_diff_get_intensity (diff, r->node, options),
                                      options->dark, &color);
          if (options->search != NULL && !smolder_flame_search_matches (options->search, r->node))
            {
              color.fill = smolder_rgb_mix (color.fill, background, SEARCH_DIM);
              color.text = smolder_rgb_mix (color.text, background, 0.5);
            }
          set_rgb (cr, color.fill);
          cairo_rectangle (cr, x0, y, x1 - x0, bar_h);
          cairo_fill (cr);
          if (text != NULL && x1 - x0 >= MIN_LABEL_WIDTH)
            draw_label (cr, text, smolder_call_tree_get_name (tree, r->node), x0, y, x1 - x0, bar_h,
                        color.text);
        }
    }
}

void
smolder_flame_diff_paint_legend (cairo_t                       *cr,
                                 SmolderFlameDiff              *diff,
                                 const SmolderDiffColorOptions *options,
                                 const char                    *unit,
                                 double                         x,
                                 double                         y,
                                 double                         width,
                                 double                         height,
                                 gboolean                       draw_labels,
                                 const char                    *font)
{
  const guint steps = 41;
  double bar_h = draw_labels ? height * 0.5 : height;
  double neutral;
  double step_w = width / steps;

  /* The neutral band, in intensity units. */
  if (options->mode == SMOLDER_DIFF_COLOR_RELATIVE)
    neutral = options->threshold;
  else
    neutral = diff->max_change > 0
              ? options->threshold * (double) reference_total (diff) / (double) diff->max_change : 1.0;

  for (guint i = 0; i < steps; i++)
    {
      /* The middle of step i, from -1 to 1. */
      double v = -1.0 + (2.0 * i + 1.0) / steps;
      SmolderFrameColor color;

      smolder_diff_palette_color (fabs (v) < neutral ? 0.0 : v, options->dark, &color);
      set_rgb (cr, color.fill);
      cairo_rectangle (cr, round (x + i * step_w), y, round (x + (i + 1) * step_w) - round (x + i * step_w), bar_h);
      cairo_fill (cr);
    }

  if (draw_labels)
    {
      g_autoptr(PangoLayout) text = make_layout (cr, font);
      g_autofree char *low = NULL, *high = NULL;
      SmolderRgb ink = options->dark ? (SmolderRgb) { 1, 1, 1 } : (SmolderRgb) { 0, 0, 0 };
      int lw, lh;

      if (options->mode == SMOLDER_DIFF_COLOR_RELATIVE)
        {
          low = g_strdup ("−100%");
          high = g_strdup ("+100%");
        }
      else
        {
          g_autofree char *m = smolder_units_format (diff->max_change, unit ? unit : "");
          low = g_strdup_printf ("−%s", m);
          high = g_strdup_printf ("+%s", m);
        }
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_NONE);
      set_rgb (cr, ink);
      pango_layout_set_text (text, low, -1);
      cairo_move_to (cr, x, y + bar_h + 2);
      pango_cairo_show_layout (cr, text);
      pango_layout_set_text (text, "0", -1);
      pango_layout_get_pixel_size (text, &lw, &lh);
      cairo_move_to (cr, x + (width - lw) / 2, y + bar_h + 2);
      pango_cairo_show_layout (cr, text);
      pango_layout_set_text (text, high, -1);
      pango_layout_get_pixel_size (text, &lw, &lh);
      cairo_move_to (cr, x + width - lw, y + bar_h + 2);
      pango_cairo_show_layout (cr, text);
    }
}

/* --- export --- */

#define EXPORT_TITLE_HEIGHT 24.0
#define EXPORT_LEGEND_HEIGHT 36.0

typedef struct {
  SmolderFlameDiff                *diff;
  SmolderDiffColorOptions          colors;
  const SmolderFlameExportOptions *options;
  const char                      *unit;
  double                           row_height;
} DiffDraw;

static void
draw_diff (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  user_data)
{
  DiffDraw *d = user_data;
  const SmolderFlameExportOptions *o = d->options;
  double top = o->title != NULL && o->title[0] != '\0' ? EXPORT_TITLE_HEIGHT : 0.0;
  SmolderFlameLayoutParams params = { 0, };
  g_autoptr(SmolderFlameLayout) layout = NULL;
  double ink = o->dark ? 1.0 : 0.0;

  cairo_set_source_rgb (cr, o->dark ? 0.12 : 1.0, o->dark ? 0.12 : 1.0, o->dark ? 0.12 : 1.0);
  cairo_paint (cr);
  if (top > 0 && o->draw_labels)
    {
      g_autoptr(PangoLayout) text = make_layout (cr, o->font);

      pango_layout_set_text (text, o->title, -1);
      pango_layout_set_width (text, (int) ((width - 8) * PANGO_SCALE));
      cairo_set_source_rgb (cr, ink, ink, ink);
      cairo_move_to (cr, 4, 4);
      pango_cairo_show_layout (cr, text);
    }

  params.width = width;
  params.height = height - top - EXPORT_LEGEND_HEIGHT;
  params.row_height = d->row_height;
  params.orientation = o->orientation;
  layout = smolder_flame_layout_new (smolder_flame_diff_get_tree (d->diff), 0, &params);
  cairo_save (cr);
  cairo_translate (cr, 0, top);
  cairo_rectangle (cr, 0, 0, params.width, params.height);
  cairo_clip (cr);
  smolder_flame_diff_paint (cr, layout, d->diff, &d->colors, o->draw_labels, o->font);
  cairo_restore (cr);
  smolder_flame_diff_paint_legend (cr, d->diff, &d->colors, d->unit, 8, height - EXPORT_LEGEND_HEIGHT + 6,
                                   MIN (width - 16, 480), EXPORT_LEGEND_HEIGHT - 10, o->draw_labels, o->font);
}

gboolean
smolder_flame_diff_export_to_file (SmolderFlameDiff                *diff,
                                   const SmolderDiffColorOptions   *colors,
                                   const SmolderFlameExportOptions *options,
                                   const char                      *unit,
                                   SmolderFlameExportFormat         format,
                                   const char                      *path,
                                   GError                         **error)
{
  DiffDraw d = { diff, *colors, options, unit, 0 };
  SmolderCallTree *tree = smolder_flame_diff_get_tree (diff);
  double width = options->width > 0 ? options->width : 1200;
  double height;

  g_return_val_if_fail (path != NULL, FALSE);

  d.colors.dark = options->dark;
  d.row_height = options->row_height > 0 ? options->row_height : SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
  height = options->height > 0 ? options->height
           : (smolder_call_tree_get_max_depth (tree) + 1) * d.row_height + EXPORT_LEGEND_HEIGHT +
             (options->title != NULL && options->title[0] != '\0' ? EXPORT_TITLE_HEIGHT : 0.0);
  return smolder_flame_export_render_to_file (format, path, width, height, draw_diff, &d, error);
}
