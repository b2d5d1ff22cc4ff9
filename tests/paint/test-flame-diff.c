/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flame-diff.c: the differential flame graph: matching by path, the
 * change intensities and colours (expected values worked out by hand in
 * the comments), golden images without text. */

#include "flame-fixtures.h"
#include "golden.h"
#include "smolder-flame-diff.h"

/* ff_small_tree()'s profile, changed:
 *
 *   root 1000 -> 1499                        +499
 *   ├── main.main 900 -> 1399                +499
 *   │   ├── main.a 600 -> 1000               +400
 *   │   │   └── strings.Repeat 400 -> 800    +400
 *   │   ├── main.b 299 -> 99                 -200
 *   │   ├── main.c 1 -> gone                   -1
 *   │   └── main.d new -> 300                +300
 *   └── net/http.serve 100 -> 100               0
 *       └── runtime.mallocgc 100 -> 100         0
 */
static SmolderCallTree *
new_tree (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("alloc_space/bytes", NULL);
  guint32 mm = tb_simple (p, "main.main");
  guint32 a = tb_simple (p, "main.a");
  guint32 b = tb_simple (p, "main.b");
  guint32 d = tb_simple (p, "main.d");
  guint32 rep = tb_simple (p, "strings.Repeat");
  guint32 serve = tb_simple (p, "net/http.serve");
  guint32 malloc = tb_simple (p, "runtime.mallocgc");

  tb_sample (p, 800, rep, a, mm, END);
  tb_sample (p, 200, a, mm, END);
  tb_sample (p, 99, b, mm, END);
  tb_sample (p, 300, d, mm, END);
  tb_sample (p, 100, malloc, serve, END);
  tb_seal (p);
  return ff_tree_from_profile (p, FALSE);
}

static SmolderFlameDiff *
make_diff (gboolean on_base)
{
  g_autoptr(SmolderCallTree) base = ff_small_tree ();
  g_autoptr(SmolderCallTree) new = new_tree ();

  return smolder_flame_diff_new (base, new, on_base);
}

static void
assert_node (SmolderFlameDiff *diff,
             const char       *name,
             gint64            base,
             gint64            new)
{
  guint32 node = ff_node (smolder_flame_diff_get_tree (diff), name);

  g_assert_cmpint (smolder_flame_diff_get_base (diff, node), ==, base);
  g_assert_cmpint (smolder_flame_diff_get_new (diff, node), ==, new);
}

static double
intensity (SmolderFlameDiff              *diff,
           const char                    *name,
           const SmolderDiffColorOptions *options)
{
  return smolder_flame_diff_get_intensity (diff, ff_node (smolder_flame_diff_get_tree (diff), name), options);
}

static void
test_match (void)
{
  g_autoptr(SmolderFlameDiff) diff = make_diff (FALSE);
  g_autoptr(SmolderFlameDiff) on_base = make_diff (TRUE);

  assert_node (diff, "root", 1000, 1499);
  assert_node (diff, "main.main", 900, 1399);
  assert_node (diff, "main.a", 600, 1000);
  assert_node (diff, "strings.Repeat", 400, 800);
  assert_node (diff, "main.b", 299, 99);
  assert_node (diff, "main.d", 0, 300);
  assert_node (diff, "runtime.mallocgc", 100, 100);
  g_assert_cmpint (smolder_flame_diff_get_max_change (diff), ==, 499);

  /* Laid out on the base, what went away is still there. */
  assert_node (on_base, "main.c", 1, 0);
  assert_node (on_base, "main.a", 600, 1000);
  g_assert_cmpuint (smolder_call_tree_get_n_nodes (smolder_flame_diff_get_tree (on_base)), ==, 8);
}

static void
test_intensity (void)
{
  g_autoptr(SmolderFlameDiff) diff = make_diff (FALSE);
  g_autoptr(SmolderFlameDiff) on_base = make_diff (TRUE);
  SmolderDiffColorOptions o;

  /* Absolute: the change over the largest change, 499. */
  smolder_diff_color_options_init (&o);
  g_assert_cmpfloat_with_epsilon (intensity (diff, "main.a", &o), 400.0 / 499.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (intensity (diff, "main.b", &o), -200.0 / 499.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (intensity (diff, "main.d", &o), 300.0 / 499.0, 1e-12);
  g_assert_cmpfloat (intensity (diff, "root", &o), ==, 1.0);
  g_assert_cmpfloat (intensity (diff, "runtime.mallocgc", &o), ==, 0.0);
  /* main.c's -1 is below 0.5% of 1499 (7.495): neutral. */
  g_assert_cmpfloat (intensity (on_base, "main.c", &o), ==, 0.0);
  /* A 15% threshold (224.85) keeps main.b's -200 neutral too. */
  o.threshold = 0.15;
  g_assert_cmpfloat (intensity (diff, "main.b", &o), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (intensity (diff, "main.d", &o), 300.0 / 499.0, 1e-12);

  /* Relative: the change over the node's base; new and gone are +-1. */
  o.mode = SMOLDER_DIFF_COLOR_RELATIVE;
  o.threshold = 0.05;
  g_assert_cmpfloat_with_epsilon (intensity (diff, "main.a", &o), 400.0 / 600.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (intensity (diff, "main.b", &o), -200.0 / 299.0, 1e-12);
  g_assert_cmpfloat (intensity (diff, "strings.Repeat", &o), ==, 1.0);
  g_assert_cmpfloat (intensity (diff, "main.d", &o), ==, 1.0);
  g_assert_cmpfloat (intensity (on_base, "main.c", &o), ==, -1.0);
  /* 499 / 1000 */
  g_assert_cmpfloat_with_epsilon (intensity (diff, "root", &o), 0.499, 1e-12);
  o.threshold = 0.5;
  g_assert_cmpfloat (intensity (diff, "root", &o), ==, 0.0);
}

static void
test_palette (void)
{
  SmolderFrameColor c;

  /* Full growth is Okabe-Ito vermillion, full shrinkage their blue. */
  smolder_diff_palette_color (1.0, FALSE, &c);
  g_assert_cmpfloat_with_epsilon (c.fill.red, 0xd5 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.fill.green, 0x5e / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.fill.blue, 0.0, 1e-9);
  smolder_diff_palette_color (-1.0, FALSE, &c);
  g_assert_cmpfloat_with_epsilon (c.fill.red, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.fill.green, 0x72 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.fill.blue, 0xb2 / 255.0, 1e-9);
  /* Neutral is grey, with dark text in the light style. */
  smolder_diff_palette_color (0.0, FALSE, &c);
  g_assert_cmpfloat (c.fill.red, ==, c.fill.green);
  g_assert_cmpfloat (c.fill.green, ==, c.fill.blue);
  g_assert_cmpfloat (c.text.red, ==, 0.0);
  /* A small change past the threshold is already a quarter of the hue:
   * red = 0.86 + (0xd5/255 - 0.86) * (0.25 + 0.75 * 0.01). */
  smolder_diff_palette_color (0.01, FALSE, &c);
  g_assert_cmpfloat_with_epsilon (c.fill.red, 0.86 + (0xd5 / 255.0 - 0.86) * 0.2575, 1e-9);
  g_assert_cmpfloat_with_epsilon (c.fill.blue, 0.86 - 0.86 * 0.2575, 1e-9);
}

static cairo_surface_t *
render (SmolderFlameDiff              *diff,
        const SmolderDiffColorOptions *options,
        int                            width,
        int                            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  SmolderFlameLayoutParams params = { .width = width, .height = height - 24 };
  g_autoptr(SmolderFlameLayout) layout = smolder_flame_layout_new (smolder_flame_diff_get_tree (diff), 0, &params);

  cairo_set_source_rgb (cr, options->dark ? 0.1 : 1, options->dark ? 0.1 : 1, options->dark ? 0.1 : 1);
  cairo_paint (cr);
  smolder_flame_diff_paint (cr, layout, diff, options, FALSE, NULL);
  /* The legend below, without text (fonts vary between machines). */
  smolder_flame_diff_paint_legend (cr, diff, options, "bytes", 10, height - 18, width - 20, 12, FALSE, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_golden (void)
{
  g_autoptr(SmolderFlameDiff) diff = make_diff (FALSE);
  g_autoptr(SmolderFlameDiff) on_base = make_diff (TRUE);
  SmolderDiffColorOptions o;
  cairo_surface_t *s;

  smolder_diff_color_options_init (&o);
  s = render (diff, &o, 400, 120);
  check_golden (s, "diff-flame");
  cairo_surface_destroy (s);

  o.mode = SMOLDER_DIFF_COLOR_RELATIVE;
  o.threshold = 0.05;
  o.dark = TRUE;
  s = render (on_base, &o, 400, 120);
  check_golden (s, "diff-flame-base-relative-dark");
  cairo_surface_destroy (s);
}

static guint32
pixel_at (cairo_surface_t *s,
          int              x,
          int              y)
{
  guchar *data = cairo_image_surface_get_data (s);

  cairo_surface_flush (s);
  return *(guint32 *) (data + y * cairo_image_surface_get_stride (s) + 4 * x) & 0xffffff;
}

static int
brightness (guint32 rgb)
{
  return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
}

/* The middle of @name's bar in render()'s layout. */
static void
bar_middle (SmolderFlameDiff *diff,
            const char       *name,
            int              *x,
            int              *y)
{
  SmolderFlameLayoutParams params = { .width = 400, .height = 120 - 24 };
  g_autoptr(SmolderFlameLayout) layout = smolder_flame_layout_new (smolder_flame_diff_get_tree (diff), 0, &params);
  const SmolderFlameRect *r = smolder_flame_layout_lookup (layout, ff_node (smolder_flame_diff_get_tree (diff), name));

  g_assert_nonnull (r);
  *x = (int) (r->x + r->width / 2);
  *y = (int) (smolder_flame_layout_get_row_y (layout, r->row) + SMOLDER_FLAME_DEFAULT_ROW_HEIGHT / 2);
}

/* A search keeps the colours of the frames it matches (growth, shrinkage,
 * neutral alike) and fades the others toward the background, as the flame
 * graph does. */
static void
test_search (void)
{
  g_autoptr(SmolderFlameDiff) diff = make_diff (FALSE);
  g_autoptr(GRegex) regex = g_regex_new ("^main\\.(a|b)$|mallocgc", 0, 0, NULL);
  g_autoptr(SmolderFlameSearch) search = smolder_flame_search_new (smolder_flame_diff_get_tree (diff), regex);
  const char *matched[] = { "main.a", "main.b", "runtime.mallocgc" };
  const char *dimmed[] = { "main.main", "strings.Repeat", "main.d", "net/http.serve" };
  SmolderDiffColorOptions o;
  cairo_surface_t *plain, *searched;

  smolder_diff_color_options_init (&o);
  plain = render (diff, &o, 400, 120);
  o.search = search;
  searched = render (diff, &o, 400, 120);
  for (guint i = 0; i < G_N_ELEMENTS (matched); i++)
    {
      int x, y;

      bar_middle (diff, matched[i], &x, &y);
      g_assert_cmphex (pixel_at (searched, x, y), ==, pixel_at (plain, x, y));
    }
  for (guint i = 0; i < G_N_ELEMENTS (dimmed); i++)
    {
      int x, y;

      bar_middle (diff, dimmed[i], &x, &y);
      /* 72 % of the way to white: much brighter than before. */
      g_assert_cmpint (brightness (pixel_at (searched, x, y)), >, brightness (pixel_at (plain, x, y)) + 60);
    }
  cairo_surface_destroy (plain);
  cairo_surface_destroy (searched);
}

static void
test_labels_draw (void)
{
  g_autoptr(SmolderFlameDiff) diff = make_diff (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 140);
  cairo_t *cr = cairo_create (surface);
  SmolderFlameLayoutParams params = { .width = 400, .height = 100 };
  g_autoptr(SmolderFlameLayout) layout = smolder_flame_layout_new (smolder_flame_diff_get_tree (diff), 0, &params);
  SmolderDiffColorOptions o;

  /* Labels are not compared (fonts vary); they must draw without error. */
  smolder_diff_color_options_init (&o);
  smolder_flame_diff_paint (cr, layout, diff, &o, TRUE, NULL);
  smolder_flame_diff_paint_legend (cr, diff, &o, "bytes", 10, 104, 380, 30, TRUE, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_export (void)
{
  g_autoptr(SmolderFlameDiff) diff = make_diff (FALSE);
  g_autofree char *path = g_build_filename (SMOLDER_TEST_OUTPUT, "diff-export.png", NULL);
  g_autoptr(GError) error = NULL;
  SmolderFlameExportOptions options;
  SmolderDiffColorOptions colors;
  cairo_surface_t *png;

  smolder_flame_export_options_init (&options);
  smolder_diff_color_options_init (&colors);
  options.width = 400;
  options.title = "alloc_space";
  g_assert_true (smolder_flame_diff_export_to_file (diff, &colors, &options, "bytes",
                                                    SMOLDER_FLAME_EXPORT_PNG, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  /* Four rows of 18 px (root, main.main, main.a, strings.Repeat), the
   * 24 px title and the 36 px legend. */
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 4 * 18 + 24 + 36);
  cairo_surface_destroy (png);

  g_assert_false (smolder_flame_diff_export_to_file (diff, &colors, &options, "bytes",
                                                     SMOLDER_FLAME_EXPORT_PNG, "/nonexistent/dir/x.png", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flame-diff/match", test_match);
  g_test_add_func ("/flame-diff/intensity", test_intensity);
  g_test_add_func ("/flame-diff/palette", test_palette);
  g_test_add_func ("/flame-diff/golden", test_golden);
  g_test_add_func ("/flame-diff/labels", test_labels_draw);
  g_test_add_func ("/flame-diff/search", test_search);
  g_test_add_func ("/flame-diff/export", test_export);

  return g_test_run ();
}
