/* SPDX-License-Identifier: GPL-3.0-or-later */
/* golden.h: comparing a painted surface with a golden PNG; SMOLDER_UPDATE_GOLDEN=1
 * rewrites the golden. Text-free images are fully determined by cairo's
 * rasteriser: every pixel within 2/255 per channel (the house style), none over.
 * On a mismatch the actual image and a diff image go to SMOLDER_TEST_OUTPUT. */
#pragma once

#include <cairo.h>
#include <glib.h>

#define TOLERANCE 2            /* per channel */
#define MAX_BAD_FRACTION 0.0   /* of the pixels */

static inline char *
golden_path (const char *name,
             const char *suffix)
{
  g_autofree char *file = g_strconcat (name, suffix, NULL);

  return g_build_filename (SMOLDER_GOLDEN_DIR, file, NULL);
}

static inline void
write_png (cairo_surface_t *surface,
           const char      *path)
{
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static inline void
check_golden (cairo_surface_t *actual,
              const char      *name)
{
  g_autofree char *path = golden_path (name, ".png");
  cairo_surface_t *golden;
  int w, h, bad = 0, worst = 0;

  cairo_surface_flush (actual);
  if (g_strcmp0 (g_getenv ("SMOLDER_UPDATE_GOLDEN"), "1") == 0)
    {
      write_png (actual, path);
      g_test_message ("wrote %s", path);
      return;
    }

  golden = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (golden) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (golden);
      g_error ("cannot read golden %s (run with SMOLDER_UPDATE_GOLDEN=1 to make it)", path);
    }

  w = cairo_image_surface_get_width (actual);
  h = cairo_image_surface_get_height (actual);
  if (cairo_image_surface_get_width (golden) != w || cairo_image_surface_get_height (golden) != h)
    bad = w * h;
  else
    {
      cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      guchar *a = cairo_image_surface_get_data (actual);
      guchar *g = cairo_image_surface_get_data (golden);
      guchar *d = cairo_image_surface_get_data (diff);
      int sa = cairo_image_surface_get_stride (actual);
      int sg = cairo_image_surface_get_stride (golden);
      int sd = cairo_image_surface_get_stride (diff);

      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 pa = *(guint32 *) (a + y * sa + 4 * x);
            guint32 pg = *(guint32 *) (g + y * sg + 4 * x);
            int delta = 0;

            for (int shift = 0; shift < 24; shift += 8)
              delta = MAX (delta, ABS ((int) ((pa >> shift) & 0xff) - (int) ((pg >> shift) & 0xff)));
            worst = MAX (worst, delta);
            if (delta > TOLERANCE)
              bad++;
            /* The diff image: the golden faded, mismatches in red. */
            *(guint32 *) (d + y * sd + 4 * x) = delta > TOLERANCE ? 0xffff0000
                                                : 0xff000000 | (((pg >> 2) & 0x3f3f3f) + 0xa0a0a0);
          }
      cairo_surface_mark_dirty (diff);
      if (bad > w * h * MAX_BAD_FRACTION)
        {
          g_autofree char *actual_path = g_build_filename (SMOLDER_TEST_OUTPUT, name, NULL);
          g_autofree char *a_png = g_strconcat (actual_path, ".actual.png", NULL);
          g_autofree char *d_png = g_strconcat (actual_path, ".diff.png", NULL);

          write_png (actual, a_png);
          write_png (diff, d_png);
          g_test_message ("wrote %s and %s", a_png, d_png);
        }
      cairo_surface_destroy (diff);
    }
  cairo_surface_destroy (golden);

  if (bad > w * h * MAX_BAD_FRACTION)
    g_error ("%s: %d of %d pixels differ by more than %d (worst %d)", name, bad, w * h, TOLERANCE, worst);
  g_test_message ("%s: %d pixels over tolerance, worst delta %d", name, bad, worst);
}
