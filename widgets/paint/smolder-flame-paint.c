/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-paint.c: cairo and pango drawing of a flame layout. */

#include "smolder-flame-paint.h"
#include "smolder-flame-label.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define LABEL_PADDING 4.0
#define MIN_LABEL_WIDTH 24.0   /* below this not even "ab…" fits */
#define DIM_AMOUNT 0.72
#define ANCESTOR_DIM 0.30

void
smolder_flame_paint_options_init (SmolderFlamePaintOptions *options)
{
  g_return_if_fail (options != NULL);
  *options = (SmolderFlamePaintOptions) {
    .dark = FALSE,
    .palette = SMOLDER_PALETTE_PACKAGE,
    .draw_labels = TRUE,
    .font = NULL,
    .search = NULL,
    .hover = SMOLDER_NO_ID,
    .focus = SMOLDER_NO_ID,
    .background = TRUE,
  };
}

static void
set_rgb (cairo_t    *cr,
         SmolderRgb  c)
{
  cairo_set_source_rgb (cr, c.red, c.green, c.blue);
}

/* The bar as drawn: snapped to whole pixels (crisp edges, and pixman's
 * fast path for aligned rectangles), at least a pixel wide, with a pixel
 * of gap on the right and at the far edge so neighbours stay apart. */
void
smolder_flame_paint_bar_box (const SmolderFlameRect *r,
                             double                  y,
                             double                  row_height,
                             double                 *bx,
                             double                 *by,
                             double                 *bw,
                             double                 *bh)
{
  double x0 = round (r->x);
  double x1 = round (r->x + r->width);

  if (x1 - x0 < 1)
    x1 = x0 + 1;
  else if (x1 - x0 >= 3)
    x1 -= 1;
  *bx = x0;
  *bw = x1 - x0;
  *by = round (y);
  *bh = row_height > 3.0 ? round (row_height) - 1.0 : row_height;
}

static void
outline (cairo_t                *cr,
         const SmolderFlameRect *r,
         double                  y,
         double                  row_height,
         SmolderRgb              color,
         double                  line_width)
{
  double bx, by, bw, bh;

  smolder_flame_paint_bar_box (r, y, row_height, &bx, &by, &bw, &bh);
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  set_rgb (cr, color);
  cairo_rectangle (cr, bx + line_width / 2, by + line_width / 2,
                   MAX (bw - line_width, 0.5), MAX (bh - line_width, 0.5));
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* --- labels --- */

/* A name shaped once by pango (itemize + shape), then drawn from its glyphs
 * at any width: cut at a cluster boundary and followed by an ellipsis when
 * it does not fit. Names pango splits into several runs (font fallback,
 * mixed scripts) go through a PangoLayout with ellipsizing instead. */
typedef struct {
  PangoFont        *font;     /* NULL: not a single run, use the layout */
  PangoGlyphString *glyphs;
  int               width;    /* pango units */
} ShapedLabel;

struct _SmolderFlameLabelCache
{
  GHashTable  *labels;        /* owned name -> ShapedLabel */
  char        *font;          /* the description the labels were shaped with */
  ShapedLabel  ellipsis;
  gboolean     has_ellipsis;
};

#define MAX_CACHED_LABELS 50000

static void
shaped_label_clear (ShapedLabel *label)
{
  g_clear_object (&label->font);
  g_clear_pointer (&label->glyphs, pango_glyph_string_free);
}

static void
shaped_label_free (gpointer data)
{
  shaped_label_clear (data);
  g_free (data);
}

SmolderFlameLabelCache *
smolder_flame_label_cache_new (void)
{
  SmolderFlameLabelCache *self = g_new0 (SmolderFlameLabelCache, 1);

  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_label_free);
  return self;
}

void
smolder_flame_label_cache_free (SmolderFlameLabelCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->labels);
  shaped_label_clear (&self->ellipsis);
  g_free (self->font);
  g_free (self);
}

static gboolean
shape (PangoContext *context,
       const char   *text,
       ShapedLabel  *out)
{
  int len = strlen (text);
  GList *items = pango_itemize (context, text, 0, len, NULL, NULL);
  gboolean ok = FALSE;

  if (items != NULL && items->next == NULL)
    {
      PangoItem *item = items->data;

      if (item->analysis.font != NULL && (item->analysis.level & 1) == 0)
        {
          out->glyphs = pango_glyph_string_new ();
          pango_shape_full (text + item->offset, item->length, text, len, &item->analysis, out->glyphs);
          out->font = g_object_ref (item->analysis.font);
          out->width = pango_glyph_string_get_width (out->glyphs);
          ok = TRUE;
        }
    }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  return ok;
}

static const ShapedLabel *
lookup_label (SmolderFlameLabelCache *cache,
              PangoContext           *context,
              const char             *text)
{
  ShapedLabel *label = g_hash_table_lookup (cache->labels, text);

  if (label != NULL)
    return label;
  if (g_hash_table_size (cache->labels) >= MAX_CACHED_LABELS)
    g_hash_table_remove_all (cache->labels);
  label = g_new0 (ShapedLabel, 1);
  if (!shape (context, text, label))
    shaped_label_clear (label);
  g_hash_table_insert (cache->labels, g_strdup (text), label);
  return label;
}

/* Draws @label with its baseline at (@x, @baseline) in at most @avail
 * pango units; FALSE when only an ellipsis would fit. */
static gboolean
show_label (cairo_t                *cr,
            SmolderFlameLabelCache *cache,
            const ShapedLabel      *label,
            double                  x,
            double                  baseline,
            int                     avail)
{
  PangoGlyphString *glyphs = label->glyphs;
  int cut = 0, width = 0;

  if (label->width <= avail)
    {
      cairo_move_to (cr, x, baseline);
      pango_cairo_show_glyph_string (cr, label->font, glyphs);
      return TRUE;
    }
  if (!cache->has_ellipsis)
    return FALSE;

  /* The longest prefix that ends on a cluster boundary and leaves room
   * for the ellipsis. */
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      if (width + cache->ellipsis.width > avail)
        break;
      if (i == 0 || glyphs->log_clusters[i] != glyphs->log_clusters[i - 1])
        cut = i;
      width += glyphs->glyphs[i].geometry.width;
      if (i + 1 == glyphs->num_glyphs || glyphs->log_clusters[i + 1] != glyphs->log_clusters[i])
        if (width + cache->ellipsis.width <= avail)
          cut = i + 1;
    }
  if (cut == 0)
    return FALSE;

  {
    PangoGlyphString prefix = *glyphs;
    int prefix_width;

    prefix.num_glyphs = cut;
    prefix_width = pango_glyph_string_get_width (&prefix);
    cairo_move_to (cr, x, baseline);
    pango_cairo_show_glyph_string (cr, label->font, &prefix);
    cairo_move_to (cr, x + (double) prefix_width / PANGO_SCALE, baseline);
    pango_cairo_show_glyph_string (cr, cache->ellipsis.font, cache->ellipsis.glyphs);
  }
  return TRUE;
}

typedef struct {
  SmolderFlameLabelCache *cache;
  PangoContext           *context;
} Measure;

static int
measure_label (const char *text,
               gpointer    user_data)
{
  Measure *m = user_data;
  const ShapedLabel *label = lookup_label (m->cache, m->context, text);

  return label->font != NULL ? label->width : G_MAXINT;
}

static guint
count_glyphs (PangoLayout *text)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (text, 0);
  guint n = 0;

  for (GSList *l = line != NULL ? line->runs : NULL; l != NULL; l = l->next)
    n += ((PangoGlyphItem *) l->data)->glyphs->num_glyphs;
  return n;
}

void
smolder_flame_paint_node_colors (SmolderFlameLayout             *layout,
                                 guint32                         node,
                                 const SmolderFlamePaintOptions *options,
                                 SmolderRgb                     *fill,
                                 SmolderRgb                     *ink)
{
  SmolderCallTree *tree = smolder_flame_layout_get_tree (layout);
  SmolderFrameColor color;
  SmolderRgb background;

  smolder_palette_background (options->dark, &background);
  /* The colour goes by the real name: the package of "<unknown>" is none. */
  if (options->palette == SMOLDER_PALETTE_CLASSIC)
    smolder_palette_color_classic (smolder_call_tree_get_name (tree, node), options->dark, &color);
  else
    smolder_palette_color_for_name (smolder_call_tree_get_name (tree, node), options->dark, &color);
  *fill = color.fill;
  *ink = color.text;

  if (options->search != NULL && !smolder_flame_search_matches (options->search, node))
    {
      *fill = smolder_rgb_mix (*fill, background, DIM_AMOUNT);
      *ink = smolder_rgb_mix (*ink, background, 0.5);
    }
  else if (smolder_flame_layout_is_ancestor (layout, node))
    *fill = smolder_rgb_mix (*fill, background, ANCESTOR_DIM);
  if (node == options->hover)
    *fill = smolder_rgb_mix (*fill, (SmolderRgb) { 1, 1, 1 }, 0.25);
}

void
smolder_flame_paint (cairo_t                        *cr,
                     SmolderFlameLayout             *layout,
                     const SmolderFlamePaintOptions *options)
{
  SmolderFlamePaintOptions defaults;
  const SmolderFlameLayoutParams *params;
  SmolderCallTree *tree;
  g_autoptr(PangoLayout) text = NULL;
  SmolderRgb background, highlight;
  double clip_x1, clip_y1, clip_x2, clip_y2;
  double rh;
  guint n_rows;
  int baseline_offset = 0;
  double baseline = 0;
  PangoContext *context = NULL;
  SmolderFlameLabelCache *labels = NULL;
  SmolderFlameLabelCache *own_labels = NULL;
  const SmolderFlameRect *hover_rect = NULL, *focus_rect = NULL;
  double hover_y = 0, focus_y = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  if (options == NULL)
    {
      smolder_flame_paint_options_init (&defaults);
      options = &defaults;
    }

  params = smolder_flame_layout_get_params (layout);
  tree = smolder_flame_layout_get_tree (layout);
  rh = params->row_height;
  n_rows = smolder_flame_layout_get_n_rows (layout);
  smolder_palette_background (options->dark, &background);
  smolder_palette_highlight (options->dark, &highlight);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, params->width, params->height);
  cairo_clip (cr);
  cairo_clip_extents (cr, &clip_x1, &clip_y1, &clip_x2, &clip_y2);

  if (options->background)
    {
      set_rgb (cr, background);
      cairo_paint (cr);
    }

  if (options->draw_labels)
    {
      const char *font_name = options->font != NULL ? options->font : "Sans 9";
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);
      int text_height;

      text = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (text, font);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (text, TRUE);
      pango_layout_set_text (text, "Mg", -1);
      pango_layout_get_pixel_size (text, NULL, &text_height);
      baseline_offset = (int) floor ((rh - 1.0 - text_height) / 2.0);
      baseline = (double) pango_layout_get_baseline (text) / PANGO_SCALE;
      /* Itemizing uses the context's font, not the layout's. */
      context = pango_layout_get_context (text);
      pango_context_set_font_description (context, font);

      labels = options->label_cache;
      if (labels == NULL)
        labels = own_labels = smolder_flame_label_cache_new ();
      if (g_strcmp0 (labels->font, font_name) != 0)
        {
          g_hash_table_remove_all (labels->labels);
          shaped_label_clear (&labels->ellipsis);
          g_free (labels->font);
          labels->font = g_strdup (font_name);
          labels->has_ellipsis = shape (context, "\u2026", &labels->ellipsis);
        }
    }

  /* Two passes: every bar first, with neighbours of one colour filled as
   * one path (far fewer fills), then the labels over them. */
  for (guint pass = 0; pass < (text != NULL ? 2 : 1); pass++)
    {
      SmolderRgb pending = { -1, -1, -1 };
      gboolean have_path = FALSE;

      for (guint row = 0; row < n_rows; row++)
        {
          double y = smolder_flame_layout_get_row_y (layout, row);
          const SmolderFlameRect *rects;
          guint n;

          if (y + rh <= clip_y1 || y >= clip_y2)
            continue;
          rects = smolder_flame_layout_get_row_rects (layout, row, &n);

          for (guint i = 0; i < n; i++)
            {
              const SmolderFlameRect *r = &rects[i];
              const char *name;
              SmolderRgb fill, ink;
              double bx, by, bw, bh;

              if (r->x + r->width <= clip_x1 || r->x >= clip_x2)
                continue;
              if (pass == 1 && r->width < MIN_LABEL_WIDTH)
                continue;

              name = smolder_flame_node_label (tree, r->node, options->unprinted_label);
              smolder_flame_paint_node_colors (layout, r->node, options, &fill, &ink);

              smolder_flame_paint_bar_box (r, y, rh, &bx, &by, &bw, &bh);

              if (pass == 0)
                {
                  if (have_path && memcmp (&fill, &pending, sizeof fill) != 0)
                    {
                      set_rgb (cr, pending);
                      cairo_fill (cr);
                      have_path = FALSE;
                    }
                  cairo_rectangle (cr, bx, by, bw, bh);
                  pending = fill;
                  have_path = TRUE;

                  if (r->node == options->hover)
                    {
                      hover_rect = r;
                      hover_y = y;
                    }
                  if (r->node == options->focus)
                    {
                      focus_rect = r;
                      focus_y = y;
                    }
                  continue;
                }

              if (bw >= MIN_LABEL_WIDTH)
                {
                  g_autofree char *valid = NULL;
                  const ShapedLabel *label;
                  int avail = (int) ((bw - 2 * LABEL_PADDING) * PANGO_SCALE);

                  /* Names go in as text, never markup; strings from a profile
                   * may be any bytes, and pango takes UTF-8 only. */
                  if (!g_utf8_validate (name, -1, NULL))
                    name = valid = g_utf8_make_valid (name, -1);
                  set_rgb (cr, ink);
                  label = lookup_label (labels, context, name);
                  /* Too long: drop the package's directories, then the
                   * package, then the receiver: the end of a Go name says
                   * the most ("…(*digest).Write", not "sha256.(*di…"). */
                  if (label->font != NULL && label->width > avail)
                    {
                      Measure m = { labels, context };
                      g_autofree char *shown = smolder_flame_label_fit (name, avail, measure_label, &m, NULL);
                      const ShapedLabel *shorter = lookup_label (labels, context, shown);

                      /* A lookup may empty the cache: look the name up again. */
                      label = shorter->font != NULL ? shorter : lookup_label (labels, context, name);
                    }
                  if (label->font != NULL)
                    {
                      show_label (cr, labels, label, bx + LABEL_PADDING, by + baseline_offset + baseline, avail);
                      continue;
                    }

                  pango_layout_set_text (text, name, -1);
                  pango_layout_set_width (text, avail);
                  /* An ellipsis alone says nothing: leave the bar bare. */
                  if (pango_layout_is_ellipsized (text) && count_glyphs (text) <= 1)
                    continue;
                  cairo_move_to (cr, bx + LABEL_PADDING, by + baseline_offset);
                  pango_cairo_show_layout (cr, text);
                }
            }
        }
      if (have_path)
        {
          set_rgb (cr, pending);
          cairo_fill (cr);
        }
    }

  if (hover_rect != NULL)
    outline (cr, hover_rect, hover_y, rh, highlight, 1.0);
  if (focus_rect != NULL)
    {
      SmolderRgb accent = options->dark ? (SmolderRgb) { 0.47, 0.68, 0.93 }
                                        : (SmolderRgb) { 0.11, 0.44, 0.85 };

      outline (cr, focus_rect, focus_y, rh, accent, 2.0);
    }

  smolder_flame_label_cache_free (own_labels);
  cairo_restore (cr);
}
