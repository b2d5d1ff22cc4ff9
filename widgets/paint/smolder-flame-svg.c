/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-svg.c: the flame graph written as SVG elements by hand:
 * cairo's SVG surface turns text into glyph outlines, which no browser can
 * search and no tool can read. */

#include "smolder-flame-svg.h"
#include "smolder-flame-label.h"
#include "smolder-units.h"

#include <gio/gio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define LABEL_PADDING 4.0
#define MIN_LABEL_WIDTH 24.0
#define ELLIPSIS "\u2026"

/* Text fit for XML 1.0: valid UTF-8, no control characters (which XML
 * cannot hold even escaped), markup escaped. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *escaped = NULL;

  for (char *p = valid; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
      *p = '?';
  escaped = g_markup_escape_text (valid, -1);
  g_string_append (out, escaped);
}

static void
append_color (GString    *out,
              SmolderRgb  c)
{
  g_string_append_printf (out, "#%02x%02x%02x",
                          (int) round (CLAMP (c.red, 0, 1) * 255),
                          (int) round (CLAMP (c.green, 0, 1) * 255),
                          (int) round (CLAMP (c.blue, 0, 1) * 255));
}

/* A number in the document: "." decimals whatever the locale. */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

/* "4.02 MiB (4218880 bytes), 50.00% of total" */
static void
append_value (GString    *out,
              gint64      value,
              gint64      total,
              const char *unit)
{
  g_autofree char *human = smolder_units_format (value, unit);

  g_string_append_printf (out, "%s (%" G_GINT64_FORMAT "%s%s), ", human, value,
                          unit[0] != '\0' ? " " : "", unit);
  if (total == 0)
    g_string_append (out, "-");
  else
    {
      append_number (out, 100.0 * (double) value / (double) ABS (total));
      g_string_append_c (out, '%');
    }
  g_string_append (out, " of total");
}

typedef struct {
  PangoLayout *layout;
} Measure;

static int
measure_text (const char *text,
              gpointer    user_data)
{
  Measure *m = user_data;
  int w;

  pango_layout_set_text (m->layout, text, -1);
  pango_layout_get_size (m->layout, &w, NULL);
  return w;
}

/* The label a bar of @avail pango units shows: the name, a shorter form
 * of it (smolder-flame-label.h), or its start cut at a character and
 * followed by "…"; NULL when nothing useful fits. */
static char *
fit_label (Measure    *m,
           const char *name,
           int         avail)
{
  g_autofree char *shown = NULL;
  gboolean fits = FALSE;
  glong n_chars, lo = 0, hi;

  if (measure_text (name, m) <= avail)
    return g_strdup (name);
  shown = smolder_flame_label_fit (name, avail, measure_text, m, &fits);
  if (fits)
    return g_steal_pointer (&shown);

  /* The longest prefix (binary search on characters) that fits with "…". */
  n_chars = g_utf8_strlen (shown, -1);
  hi = n_chars;
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      const char *end = g_utf8_offset_to_pointer (shown, mid);
      g_autofree char *candidate = g_strdup_printf ("%.*s" ELLIPSIS, (int) (end - shown), shown);
      if (measure_text (candidate, m) <= avail)
        lo = mid;
      else
        hi = mid - 1;
    }
  if (lo < 2)
    return NULL;
  return g_strdup_printf ("%.*s" ELLIPSIS, (int) (g_utf8_offset_to_pointer (shown, lo) - shown), shown);
}

char *
smolder_flame_svg_render (SmolderCallTree                 *tree,
                          const SmolderFlameExportOptions *options,
                          double                           width,
                          double                           height)
{
  SmolderFlameLayoutParams params = { 0 };
  SmolderFlamePaintOptions paint;
  g_autoptr(SmolderFlameLayout) layout = NULL;
  SmolderProfile *profile = smolder_frames_get_profile (smolder_call_tree_get_frames (tree));
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, smolder_call_tree_get_sample_index (tree));
  const char *unit = vt != NULL ? smolder_profile_get_string (profile, vt->unit) : "";
  gint64 profile_total = smolder_profile_get_total (profile, smolder_call_tree_get_sample_index (tree));
  double top = smolder_flame_export_get_title_height (options);
  const char *font_name = options->font != NULL ? options->font : "Sans 9";
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);
  double font_px = pango_font_description_get_size (font) / (double) PANGO_SCALE * 96.0 / 72.0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  Measure m = { pango_cairo_create_layout (cr) };
  SmolderRgb background, title_ink;
  const SmolderFlameRect *rects;
  guint n_rects;
  double rh;
  GString *out = g_string_new (NULL);

  pango_layout_set_font_description (m.layout, font);
  smolder_palette_background (options->dark, &background);
  title_ink = options->dark ? (SmolderRgb) { 0.92, 0.92, 0.92 } : (SmolderRgb) { 0.10, 0.10, 0.12 };

  params.width = width;
  params.height = height - top;
  params.row_height = options->row_height;
  params.orientation = options->orientation;
  layout = smolder_flame_layout_new (tree, options->zoom_root, &params);
  rh = smolder_flame_layout_get_params (layout)->row_height;

  smolder_flame_paint_options_init (&paint);
  paint.dark = options->dark;
  paint.search = options->search;

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
  append_number (out, width);
  g_string_append (out, "\" height=\"");
  append_number (out, height);
  g_string_append (out, "\" font-family=\"");
  append_escaped (out, pango_font_description_get_family (font) != NULL
                       ? pango_font_description_get_family (font) : "sans-serif");
  g_string_append (out, ", sans-serif\" font-size=\"");
  append_number (out, font_px);
  g_string_append (out, "px\">\n");
  if (options->title != NULL && options->title[0] != '\0')
    {
      g_string_append (out, "<title>");
      append_escaped (out, options->title);
      g_string_append (out, "</title>\n");
    }
  g_string_append (out, "<rect width=\"100%\" height=\"100%\" fill=\"");
  append_color (out, background);
  g_string_append (out, "\"/>\n");
  if (top > 0)
    {
      g_string_append (out, "<text class=\"title\" x=\"8\" y=\"");
      append_number (out, top / 2);
      g_string_append (out, "\" dominant-baseline=\"central\" font-weight=\"bold\" fill=\"");
      append_color (out, title_ink);
      g_string_append (out, "\">");
      append_escaped (out, options->title);
      g_string_append (out, "</text>\n");
    }

  g_string_append (out, "<g transform=\"translate(0 ");
  append_number (out, top);
  g_string_append (out, ")\">\n");
  rects = smolder_flame_layout_get_rects (layout, &n_rects);
  for (guint i = 0; i < n_rects; i++)
    {
      const SmolderFlameRect *r = &rects[i];
      const char *label = smolder_flame_node_label (tree, r->node, options->unprinted_label);
      double y = smolder_flame_layout_get_row_y (layout, r->row);
      double bx, by, bw, bh;
      SmolderRgb fill, ink;

      smolder_flame_paint_bar_box (r, y, rh, &bx, &by, &bw, &bh);
      smolder_flame_paint_node_colors (layout, r->node, &paint, &fill, &ink);

      g_string_append (out, "<g class=\"frame\"><title>");
      append_escaped (out, label);
      if (label != smolder_call_tree_get_name (tree, r->node))
        {
          g_string_append (out, " (");
          append_escaped (out, smolder_call_tree_get_name (tree, r->node));
          g_string_append (out, ")");
        }
      g_string_append (out, "\nTotal: ");
      append_value (out, smolder_call_tree_get_total (tree, r->node), profile_total, unit);
      g_string_append (out, "\nSelf: ");
      append_value (out, smolder_call_tree_get_self (tree, r->node), profile_total, unit);
      g_string_append (out, "</title><rect x=\"");
      append_number (out, bx);
      g_string_append (out, "\" y=\"");
      append_number (out, by);
      g_string_append (out, "\" width=\"");
      append_number (out, bw);
      g_string_append (out, "\" height=\"");
      append_number (out, bh);
      g_string_append (out, "\" fill=\"");
      append_color (out, fill);
      g_string_append (out, "\"/>");

      if (options->draw_labels && bw >= MIN_LABEL_WIDTH)
        {
          int avail = (int) ((bw - 2 * LABEL_PADDING) * PANGO_SCALE);
          g_autofree char *valid = g_utf8_make_valid (label, -1);
          g_autofree char *shown = fit_label (&m, valid, avail);

          if (shown != NULL)
            {
              g_string_append (out, "<text x=\"");
              append_number (out, bx + LABEL_PADDING);
              g_string_append (out, "\" y=\"");
              append_number (out, by + bh / 2);
              g_string_append (out, "\" dominant-baseline=\"central\" fill=\"");
              append_color (out, ink);
              g_string_append (out, "\">");
              append_escaped (out, shown);
              g_string_append (out, "</text>");
            }
        }
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n</svg>\n");

  g_object_unref (m.layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_string_free (out, FALSE);
}

gboolean
smolder_flame_svg_write (SmolderCallTree                 *tree,
                         const SmolderFlameExportOptions *options,
                         double                           width,
                         double                           height,
                         const char                      *path,
                         GError                         **error)
{
  g_autofree char *svg = smolder_flame_svg_render (tree, options, width, height);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, svg, -1, &local_error))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   "Cannot write %s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
