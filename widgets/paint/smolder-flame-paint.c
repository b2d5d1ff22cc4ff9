/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-paint.c: cairo and pango drawing of a flame layout. */

#include "smolder-flame-paint.h"

#include <math.h>
#include <pango/pangocairo.h>

/* --- search --- */

struct _SmolderFlameSearch
{
  gatomicrefcount ref_count;
  SmolderCallTree *tree;
  guint8          *matched;        /* one per node */
  guint            n_matches;
  gint64           matched_total;
  gint64           root_total;
};

G_DEFINE_BOXED_TYPE (SmolderFlameSearch, smolder_flame_search,
                     smolder_flame_search_ref, smolder_flame_search_unref)

SmolderFlameSearch *
smolder_flame_search_new (SmolderCallTree *tree,
                          GRegex          *regex)
{
  SmolderFlameSearch *self;
  SmolderFrames *frames;
  const guint32 *node_frames;
  const gint64 *totals;
  g_autofree guint8 *frame_state = NULL;  /* 0 unknown, 1 no, 2 yes */
  guint n_nodes, n_frames;
  guint covered_until = 0;

  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (tree), NULL);
  g_return_val_if_fail (regex != NULL, NULL);

  self = g_new0 (SmolderFlameSearch, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->tree = g_object_ref (tree);

  n_nodes = smolder_call_tree_get_n_nodes (tree);
  self->matched = g_new0 (guint8, MAX (n_nodes, 1));
  if (n_nodes == 0)
    return self;

  frames = smolder_call_tree_get_frames (tree);
  n_frames = smolder_frames_get_n_frames (frames);
  node_frames = smolder_call_tree_get_frames_array (tree);
  totals = smolder_call_tree_get_totals (tree);
  frame_state = g_new0 (guint8, MAX (n_frames, 1));
  self->root_total = totals[0];

  /* Each frame's name is matched once, however many nodes it has. */
  for (guint n = 0; n < n_nodes; n++)
    {
      guint32 f = node_frames[n];
      gboolean hit;

      if (f == SMOLDER_NO_ID || f >= n_frames)
        hit = smolder_regex_search (regex, smolder_call_tree_get_name (tree, n));
      else
        {
          if (frame_state[f] == 0)
            frame_state[f] = smolder_regex_search (regex, smolder_frames_get_name (frames, f)) ? 2 : 1;
          hit = frame_state[f] == 2;
        }
      if (!hit)
        continue;

      self->matched[n] = 1;
      self->n_matches++;
      /* Preorder: a match inside a counted subtree is already counted. */
      if (n >= covered_until)
        {
          self->matched_total += totals[n];
          covered_until = smolder_call_tree_get_subtree_end (tree, n);
        }
    }
  return self;
}

SmolderFlameSearch *
smolder_flame_search_ref (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
smolder_flame_search_unref (SmolderFlameSearch *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->tree);
  g_free (self->matched);
  g_free (self);
}

gboolean
smolder_flame_search_matches (SmolderFlameSearch *self,
                              guint32             node)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return node < smolder_call_tree_get_n_nodes (self->tree) && self->matched[node];
}

guint
smolder_flame_search_get_n_matches (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_matches;
}

gint64
smolder_flame_search_get_matched_total (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->matched_total;
}

double
smolder_flame_search_get_fraction (SmolderFlameSearch *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->root_total > 0 ? (double) self->matched_total / (double) self->root_total : 0.0;
}

char *
smolder_flame_search_describe (SmolderFlameSearch *self)
{
  g_autofree char *pct = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  pct = g_strdup_printf ("%.1f%%", 100.0 * smolder_flame_search_get_fraction (self));
  return g_strdup_printf (g_dngettext (NULL, "%u frame, %s of total", "%u frames, %s of total",
                                       self->n_matches),
                          self->n_matches, pct);
}

guint32
smolder_flame_search_next (SmolderFlameSearch *self,
                           guint32             node)
{
  guint n_nodes;

  g_return_val_if_fail (self != NULL, SMOLDER_NO_ID);

  n_nodes = smolder_call_tree_get_n_nodes (self->tree);
  if (self->n_matches == 0 || n_nodes == 0)
    return SMOLDER_NO_ID;
  if (node >= n_nodes)
    node = n_nodes - 1;
  for (guint i = 1; i <= n_nodes; i++)
    {
      guint32 n = (node + i) % n_nodes;

      if (self->matched[n])
        return n;
    }
  return SMOLDER_NO_ID;
}

/* --- painting --- */

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

/* The bar as drawn: a pixel of gap on the right and at the far edge, so
 * neighbours stay apart; never narrower than half a pixel. */
static void
bar_box (const SmolderFlameRect *r,
         double                  y,
         double                  row_height,
         double                 *bx,
         double                 *by,
         double                 *bw,
         double                 *bh)
{
  *bx = r->x;
  *bw = r->width >= 3.0 ? r->width - 1.0 : r->width;
  *by = y;
  *bh = row_height > 3.0 ? row_height - 1.0 : row_height;
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

  bar_box (r, y, row_height, &bx, &by, &bw, &bh);
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  set_rgb (cr, color);
  cairo_rectangle (cr, bx + line_width / 2, by + line_width / 2,
                   MAX (bw - line_width, 0.5), MAX (bh - line_width, 0.5));
  cairo_stroke (cr);
  cairo_restore (cr);
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
      g_autoptr(PangoFontDescription) font =
        pango_font_description_from_string (options->font != NULL ? options->font : "Sans 9");
      int text_height;

      text = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (text, font);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (text, TRUE);
      pango_layout_set_text (text, "Mg", -1);
      pango_layout_get_pixel_size (text, NULL, &text_height);
      baseline_offset = (int) floor ((rh - 1.0 - text_height) / 2.0);
    }

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
          SmolderFrameColor color;
          SmolderRgb fill, ink;
          double bx, by, bw, bh;

          if (r->x + r->width <= clip_x1 || r->x >= clip_x2)
            continue;

          name = smolder_call_tree_get_name (tree, r->node);
          smolder_palette_color_for_name (name, options->dark, &color);
          fill = color.fill;
          ink = color.text;

          if (options->search != NULL && !smolder_flame_search_matches (options->search, r->node))
            {
              fill = smolder_rgb_mix (fill, background, DIM_AMOUNT);
              ink = smolder_rgb_mix (ink, background, 0.5);
            }
          else if (smolder_flame_layout_is_ancestor (layout, r->node))
            fill = smolder_rgb_mix (fill, background, ANCESTOR_DIM);
          if (r->node == options->hover)
            fill = smolder_rgb_mix (fill, options->dark ? (SmolderRgb) { 1, 1, 1 } : (SmolderRgb) { 1, 1, 1 }, 0.25);

          bar_box (r, y, rh, &bx, &by, &bw, &bh);
          set_rgb (cr, fill);
          cairo_rectangle (cr, bx, by, bw, bh);
          cairo_fill (cr);

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

          if (text != NULL && bw >= MIN_LABEL_WIDTH)
            {
              /* Names go in as text, never markup. */
              pango_layout_set_text (text, name, -1);
              pango_layout_set_width (text, (int) ((bw - 2 * LABEL_PADDING) * PANGO_SCALE));
              /* An ellipsis alone says nothing: leave the bar bare. */
              if (pango_layout_is_ellipsized (text) && count_glyphs (text) <= 1)
                continue;
              set_rgb (cr, ink);
              cairo_move_to (cr, bx + LABEL_PADDING, by + baseline_offset);
              pango_cairo_show_layout (cr, text);
            }
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

  cairo_restore (cr);
}
