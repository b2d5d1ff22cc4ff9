/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-export.c: flame graphs through cairo's file surfaces. */

#include "smolder-flame-export.h"
#include "smolder-flame-svg.h"
#include "smolder-units.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>
#include <string.h>

#define DEFAULT_WIDTH 1200.0
#define TITLE_HEIGHT 24.0
/* Cairo's image surfaces are limited to 32767 pixels a side. */
#define MAX_SIDE 32767.0

void
smolder_flame_export_options_init (SmolderFlameExportOptions *options)
{
  g_return_if_fail (options != NULL);
  memset (options, 0, sizeof *options);
  options->orientation = SMOLDER_FLAME_ORIENTATION_FLAME;
  options->draw_labels = TRUE;
}

gboolean
smolder_flame_export_format_from_path (const char               *path,
                                       SmolderFlameExportFormat *out_format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".svg"))
    *out_format = SMOLDER_FLAME_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".png"))
    *out_format = SMOLDER_FLAME_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *out_format = SMOLDER_FLAME_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

char *
smolder_flame_export_make_title (const char         *source,
                                 SmolderCallTree    *tree,
                                 const SmolderQuery *query,
                                 const char         *search)
{
  SmolderProfile *profile = smolder_frames_get_profile (smolder_call_tree_get_frames (tree));
  const SmolderValueType *vt = smolder_profile_get_sample_type (profile, smolder_call_tree_get_sample_index (tree));
  gint64 total = smolder_call_tree_get_n_nodes (tree) > 0 ? smolder_call_tree_get_total (tree, 0) : 0;
  g_autofree char *human = smolder_units_format (total, vt != NULL ? smolder_profile_get_string (profile, vt->unit) : "");
  g_autofree char *filters = query != NULL ? smolder_query_describe_filters (query) : NULL;
  GString *title = g_string_new (NULL);

  if (source != NULL && source[0] != '\0')
    g_string_append_printf (title, "%s · ", source);
  g_string_append_printf (title, "%s · %s total",
                          vt != NULL ? smolder_profile_get_string (profile, vt->type) : "", human);
  if (smolder_call_tree_get_inverted (tree))
    g_string_append (title, " · inverted");
  if (filters != NULL && filters[0] != '\0')
    g_string_append_printf (title, " · %s", filters);
  if (search != NULL && search[0] != '\0')
    g_string_append_printf (title, " · search: %s", search);
  return g_string_free (title, FALSE);
}

double
smolder_flame_export_get_title_height (const SmolderFlameExportOptions *options)
{
  return options->title != NULL && options->title[0] != '\0' ? TITLE_HEIGHT : 0.0;
}

void
smolder_flame_export_get_size (SmolderCallTree                 *tree,
                               const SmolderFlameExportOptions *options,
                               double                          *width,
                               double                          *height)
{
  double rh = options->row_height > 0 ? options->row_height : SMOLDER_FLAME_DEFAULT_ROW_HEIGHT;
  guint rows = smolder_call_tree_get_n_nodes (tree) > 0 ? smolder_call_tree_get_max_depth (tree) + 1 : 1;

  *width = options->width > 0 ? options->width : DEFAULT_WIDTH;
  *height = options->height > 0 ? options->height : rows * rh + smolder_flame_export_get_title_height (options);
  *width = CLAMP (*width, 1.0, MAX_SIDE);
  *height = CLAMP (*height, 1.0, MAX_SIDE);
}

void
smolder_flame_export_draw (cairo_t                         *cr,
                           SmolderCallTree                 *tree,
                           const SmolderFlameExportOptions *options,
                           double                           width,
                           double                           height)
{
  SmolderFlameLayoutParams params = { 0 };
  SmolderFlamePaintOptions paint;
  g_autoptr(SmolderFlameLayout) layout = NULL;
  SmolderRgb background;
  double top = smolder_flame_export_get_title_height (options);

  smolder_palette_background (options->dark, &background);
  cairo_save (cr);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);

  if (top > 0)
    {
      g_autoptr(PangoLayout) text = pango_cairo_create_layout (cr);
      g_autoptr(PangoFontDescription) font =
        pango_font_description_from_string (options->font != NULL ? options->font : "Sans 9");
      int th;

      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (text, font);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (text, (int) ((width - 16) * PANGO_SCALE));
      pango_layout_set_text (text, options->title, -1);
      pango_layout_get_pixel_size (text, NULL, &th);
      if (options->dark)
        cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      else
        cairo_set_source_rgb (cr, 0.10, 0.10, 0.12);
      cairo_move_to (cr, 8, (top - th) / 2);
      pango_cairo_show_layout (cr, text);
    }

  params.width = width;
  params.height = height - top;
  params.row_height = options->row_height;
  params.orientation = options->orientation;
  layout = smolder_flame_layout_new (tree, options->zoom_root, &params);

  smolder_flame_paint_options_init (&paint);
  paint.dark = options->dark;
  paint.draw_labels = options->draw_labels;
  paint.font = options->font;
  paint.search = options->search;
  paint.unprinted_label = options->unprinted_label;
  paint.background = FALSE;

  cairo_translate (cr, 0, top);
  smolder_flame_paint (cr, layout, &paint);
  cairo_restore (cr);
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? G_IO_ERROR_FAILED : G_IO_ERROR_INVALID_DATA,
               "Cannot write %s: %s", path, cairo_status_to_string (status));
  return FALSE;
}

typedef struct {
  SmolderCallTree                 *tree;
  const SmolderFlameExportOptions *options;
} TreeDraw;

static void
draw_tree (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  user_data)
{
  TreeDraw *d = user_data;

  smolder_flame_export_draw (cr, d->tree, d->options, width, height);
}

gboolean
smolder_flame_export_to_file (SmolderCallTree                 *tree,
                              const SmolderFlameExportOptions *options,
                              SmolderFlameExportFormat         format,
                              const char                      *path,
                              GError                         **error)
{
  SmolderFlameExportOptions defaults;
  TreeDraw d;
  double width, height;

  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (tree), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      smolder_flame_export_options_init (&defaults);
      options = &defaults;
    }
  smolder_flame_export_get_size (tree, options, &width, &height);
  /* Frames as <g> with a <title> and real <text>: searchable, hoverable. */
  if (format == SMOLDER_FLAME_EXPORT_SVG)
    return smolder_flame_svg_write (tree, options, width, height, path, error);
  d.tree = tree;
  d.options = options;
  return smolder_flame_export_render_to_file (format, path, width, height, draw_tree, &d, error);
}

gboolean
smolder_flame_export_render_to_file (SmolderFlameExportFormat   format,
                                     const char                *path,
                                     double                     width,
                                     double                     height,
                                     SmolderFlameExportDrawFunc draw,
                                     gpointer                   user_data,
                                     GError                   **error)
{
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;

  switch (format)
    {
    case SMOLDER_FLAME_EXPORT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case SMOLDER_FLAME_EXPORT_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    case SMOLDER_FLAME_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width), (int) ceil (height));
      break;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Unknown export format %d", format);
      return FALSE;
    }
  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  draw (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == SMOLDER_FLAME_EXPORT_PNG)
        status = cairo_surface_write_to_png (surface, path);
      else
        {
          /* finish flushes the document to the file and reports errors. */
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}
