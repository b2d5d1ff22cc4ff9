/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flame-paint.c: flame layout, palette, search, golden images, export. */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "flame-fixtures.h"
#include "smolder-flame-export.h"
#include "smolder-flame-layout.h"
#include "smolder-flame-paint.h"
#include "smolder-palette.h"

/* --- layout --- */

static SmolderFlameLayout *
layout_new (SmolderCallTree         *tree,
            guint                    zoom,
            double                   width,
            double                   height,
            SmolderFlameOrientation  orientation)
{
  SmolderFlameLayoutParams params = { 0 };

  params.width = width;
  params.height = height;
  params.row_height = 18;
  params.orientation = orientation;
  return smolder_flame_layout_new (tree, zoom, &params);
}

static void
test_layout_positions (void)
{
  g_autoptr(SmolderCallTree) tree = ff_small_tree ();
  g_autoptr(SmolderFlameLayout) layout = layout_new (tree, 0, 1000, 0, SMOLDER_FLAME_ORIENTATION_FLAME);
  const SmolderFlameRect *r;

  g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==, 1000);
  g_assert_cmpuint (smolder_flame_layout_get_n_rows (layout), ==, 4);
  g_assert_cmpfloat (smolder_flame_layout_get_content_height (layout), ==, 72);

  /* Children left to right by name; x in proportion to the value. */
  r = smolder_flame_layout_lookup (layout, ff_node (tree, "main.main"));
  g_assert_nonnull (r);
  g_assert_cmpfloat (r->x, ==, 0);
  g_assert_cmpfloat (r->width, ==, 900);
  r = smolder_flame_layout_lookup (layout, ff_node (tree, "main.b"));
  g_assert_cmpfloat (r->x, ==, 600);
  g_assert_cmpfloat (r->width, ==, 299);
  r = smolder_flame_layout_lookup (layout, ff_node (tree, "main.c"));
  g_assert_cmpfloat (r->x, ==, 899);
  g_assert_cmpfloat (r->width, ==, 1);
  r = smolder_flame_layout_lookup (layout, ff_node (tree, "runtime.mallocgc"));
  g_assert_cmpfloat (r->x, ==, 900);
  g_assert_cmpuint (r->row, ==, 2);

  /* Flame: the root row at the bottom. */
  g_assert_cmpfloat (smolder_flame_layout_get_row_y (layout, 0), ==, 54);
  g_assert_cmpfloat (smolder_flame_layout_get_row_y (layout, 3), ==, 0);
}

static void
test_layout_half_pixel (void)
{
  g_autoptr(SmolderCallTree) tree = ff_small_tree ();
  guint32 c = ff_node (tree, "main.c");
  struct { double width; gboolean shown; } cases[] = {
    { 100, FALSE },   /* 0.1 px */
    { 499, FALSE },   /* 0.499 px */
    { 500, TRUE },    /* exactly half a pixel */
    { 1000, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SmolderFlameLayout) layout = layout_new (tree, 0, cases[i].width, 0, SMOLDER_FLAME_ORIENTATION_FLAME);
      guint n_rects;

      g_assert_cmpint (smolder_flame_layout_lookup (layout, c) != NULL, ==, cases[i].shown);
      smolder_flame_layout_get_rects (layout, &n_rects);
      g_assert_cmpuint (n_rects, ==, cases[i].shown ? 8 : 7);
    }

  /* A culled node takes its subtree with it: at 1 px wide only the root,
   * main.main (0.9 px) and main.a (0.6 px) are left. */
  {
    g_autoptr(SmolderFlameLayout) layout = layout_new (tree, 0, 1, 0, SMOLDER_FLAME_ORIENTATION_FLAME);
    guint n_rects;

    smolder_flame_layout_get_rects (layout, &n_rects);
    g_assert_cmpuint (n_rects, ==, 3);
    g_assert_null (smolder_flame_layout_lookup (layout, ff_node (tree, "strings.Repeat")));
    g_assert_null (smolder_flame_layout_lookup (layout, ff_node (tree, "runtime.mallocgc")));
  }
}

static void
test_layout_zoom (void)
{
  g_autoptr(SmolderCallTree) tree = ff_small_tree ();
  guint32 a = ff_node (tree, "main.a");
  g_autoptr(SmolderFlameLayout) layout = layout_new (tree, a, 600, 0, SMOLDER_FLAME_ORIENTATION_ICICLE);
  const SmolderFlameRect *r;
  guint n_rects;

  g_assert_cmpuint (smolder_flame_layout_get_zoom_root (layout), ==, a);
  g_assert_cmpint (smolder_flame_layout_get_zoom_total (layout), ==, 600);

  /* The ancestors stay as full-width bars in their own rows. */
  r = smolder_flame_layout_lookup (layout, 0);
  g_assert_cmpfloat (r->x, ==, 0);
  g_assert_cmpfloat (r->width, ==, 600);
  g_assert_true (smolder_flame_layout_is_ancestor (layout, 0));
  r = smolder_flame_layout_lookup (layout, ff_node (tree, "main.main"));
  g_assert_cmpfloat (r->width, ==, 600);
  g_assert_cmpuint (r->row, ==, 1);
  g_assert_true (smolder_flame_layout_is_ancestor (layout, ff_node (tree, "main.main")));
  g_assert_false (smolder_flame_layout_is_ancestor (layout, a));

  r = smolder_flame_layout_lookup (layout, a);
  g_assert_cmpfloat (r->width, ==, 600);
  r = smolder_flame_layout_lookup (layout, ff_node (tree, "strings.Repeat"));
  g_assert_cmpfloat (r->x, ==, 0);
  g_assert_cmpfloat (r->width, ==, 400);

  /* Siblings of the zoom path are not laid out. */
  g_assert_null (smolder_flame_layout_lookup (layout, ff_node (tree, "main.b")));
  g_assert_null (smolder_flame_layout_lookup (layout, ff_node (tree, "net/http.serve")));
  smolder_flame_layout_get_rects (layout, &n_rects);
  g_assert_cmpuint (n_rects, ==, 4);

  /* An out-of-range zoom root falls back to the whole tree. */
  {
    g_autoptr(SmolderFlameLayout) whole = layout_new (tree, 9999, 600, 0, SMOLDER_FLAME_ORIENTATION_FLAME);
    g_assert_cmpuint (smolder_flame_layout_get_zoom_root (whole), ==, 0);
  }
}

static void
test_layout_hit_test (void)
{
  g_autoptr(SmolderCallTree) tree = ff_small_tree ();
  /* 100 px tall, 4 rows of 18 px: a flame leaves 28 px empty at the top. */
  g_autoptr(SmolderFlameLayout) flame = layout_new (tree, 0, 1000, 100, SMOLDER_FLAME_ORIENTATION_FLAME);
  g_autoptr(SmolderFlameLayout) icicle = layout_new (tree, 0, 1000, 100, SMOLDER_FLAME_ORIENTATION_ICICLE);

  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 950, 99), ==, 0);
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 950, 82), ==, 0);
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 950, 81.9), ==, ff_node (tree, "net/http.serve"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 10, 70), ==, ff_node (tree, "main.main"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 10, 50), ==, ff_node (tree, "main.a"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 599.9, 50), ==, ff_node (tree, "main.a"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 600, 50), ==, ff_node (tree, "main.b"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 899.5, 50), ==, ff_node (tree, "main.c"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 950, 50), ==, ff_node (tree, "runtime.mallocgc"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 10, 30), ==, ff_node (tree, "strings.Repeat"));
  /* Above the deepest row, past main.a's children, outside the widget. */
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 10, 10), ==, SMOLDER_NO_ID);
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 500, 30), ==, SMOLDER_NO_ID);
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, -1, 90), ==, SMOLDER_NO_ID);
  g_assert_cmpuint (smolder_flame_layout_hit_test (flame, 1000, 90), ==, SMOLDER_NO_ID);

  g_assert_cmpuint (smolder_flame_layout_hit_test (icicle, 950, 0), ==, 0);
  g_assert_cmpuint (smolder_flame_layout_hit_test (icicle, 950, 18), ==, ff_node (tree, "net/http.serve"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (icicle, 10, 60), ==, ff_node (tree, "strings.Repeat"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (icicle, 10, 80), ==, SMOLDER_NO_ID);

  /* Every rectangle hit at its centre returns its own node. */
  {
    g_autoptr(SmolderCallTree) big = ff_fixture_tree ("go-toolchain/regexp-bench-cpu.pb.gz");
    g_autoptr(SmolderFlameLayout) layout = layout_new (big, 0, 1280, 0, SMOLDER_FLAME_ORIENTATION_FLAME);
    const SmolderFlameRect *rects;
    guint n;

    rects = smolder_flame_layout_get_rects (layout, &n);
    g_assert_cmpuint (n, >, 100);
    for (guint i = 0; i < n; i++)
      {
        double y = smolder_flame_layout_get_row_y (layout, rects[i].row) + 9;

        g_assert_cmpuint (smolder_flame_layout_hit_test (layout, rects[i].x + rects[i].width / 2, y), ==, rects[i].node);
        g_assert_true (smolder_flame_layout_lookup (layout, rects[i].node) == &rects[i]);
        g_assert_cmpfloat (rects[i].width, >=, 0.5);
      }
  }
}

static void
test_layout_viewport (void)
{
  g_autoptr(SmolderCallTree) tree = ff_small_tree ();
  SmolderFlameLayoutParams params = { .width = 1000, .height = 36, .row_height = 18,
                                      .orientation = SMOLDER_FLAME_ORIENTATION_FLAME };
  g_autoptr(SmolderFlameLayout) bottom = smolder_flame_layout_new (tree, 0, &params);
  g_autoptr(SmolderFlameLayout) top = NULL;
  guint n;

  /* Only the two bottom rows fit: the rows above are not laid out. */
  g_assert_nonnull (smolder_flame_layout_lookup (bottom, ff_node (tree, "main.main")));
  g_assert_null (smolder_flame_layout_lookup (bottom, ff_node (tree, "main.a")));
  g_assert_null (smolder_flame_layout_get_row_rects (bottom, 3, &n));
  g_assert_cmpuint (n, ==, 0);

  /* Scrolled two rows toward the leaves. */
  params.scroll = 36;
  top = smolder_flame_layout_new (tree, 0, &params);
  g_assert_null (smolder_flame_layout_lookup (top, 0));
  g_assert_nonnull (smolder_flame_layout_lookup (top, ff_node (tree, "strings.Repeat")));
  g_assert_cmpuint (smolder_flame_layout_hit_test (top, 10, 5), ==, ff_node (tree, "strings.Repeat"));
  g_assert_cmpuint (smolder_flame_layout_hit_test (top, 10, 30), ==, ff_node (tree, "main.a"));
}

static void
test_layout_empty (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  g_autoptr(SmolderCallTree) tree = NULL;
  g_autoptr(SmolderFlameLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 50, 50);
  cairo_t *cr = cairo_create (surface);

  tb_seal (p);
  tree = ff_tree_from_profile (p, FALSE);
  layout = layout_new (tree, 0, 100, 50, SMOLDER_FLAME_ORIENTATION_FLAME);
  g_assert_cmpuint (smolder_flame_layout_hit_test (layout, 10, 45), ==, smolder_call_tree_get_n_nodes (tree) > 0 ? 0 : SMOLDER_NO_ID);
  smolder_flame_paint (cr, layout, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* --- palette --- */

static double
rel_luminance (SmolderRgb c)
{
  double v[3] = { c.red, c.green, c.blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (SmolderRgb a,
          SmolderRgb b)
{
  double la = rel_luminance (a), lb = rel_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static double
saturation (SmolderRgb c)
{
  double mx = MAX (c.red, MAX (c.green, c.blue)), mn = MIN (c.red, MIN (c.green, c.blue));

  return mx - mn;
}

static void
test_palette_packages (void)
{
  struct { const char *name, *package; SmolderPackageClass klass; } cases[] = {
    { "runtime.mallocgc", "runtime", SMOLDER_PACKAGE_CLASS_RUNTIME },
    { "runtime/internal/atomic.Load", "runtime/internal/atomic", SMOLDER_PACKAGE_CLASS_RUNTIME },
    { "internal/poll.(*FD).Read", "internal/poll", SMOLDER_PACKAGE_CLASS_RUNTIME },
    { "net/http.(*conn).serve", "net/http", SMOLDER_PACKAGE_CLASS_STDLIB },
    { "go/types.(*Checker).rawExpr", "go/types", SMOLDER_PACKAGE_CLASS_STDLIB },
    { "regexp.(*Regexp).doExecute", "regexp", SMOLDER_PACKAGE_CLASS_STDLIB },
    { "main.main", "main", SMOLDER_PACKAGE_CLASS_USER },
    { "main.(*server).handle.func1", "main", SMOLDER_PACKAGE_CLASS_USER },
    { "github.com/acme/leaky/cache.(*Cache).Put", "github.com/acme/leaky/cache", SMOLDER_PACKAGE_CLASS_USER },
    { "leaky/internal/store.New", "leaky/internal/store", SMOLDER_PACKAGE_CLASS_USER },
    { "example.com/x.Map[...]", "example.com/x", SMOLDER_PACKAGE_CLASS_USER },
    /* -lines and -files granularities */
    { "runtime.mallocgc /usr/lib/go-1.19/src/runtime/malloc.go:1060", "runtime", SMOLDER_PACKAGE_CLASS_RUNTIME },
    { "/usr/lib/go-1.19/src/net/http/server.go", "net/http", SMOLDER_PACKAGE_CLASS_STDLIB },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *start;
      gsize len = smolder_palette_package_of (cases[i].name, &start);
      g_autofree char *pkg = g_strndup (start, len);

      g_assert_cmpstr (pkg, ==, cases[i].package);
      g_assert_cmpint (smolder_palette_classify (cases[i].name), ==, cases[i].klass);
    }
  g_assert_cmpint (smolder_palette_classify ("root"), ==, SMOLDER_PACKAGE_CLASS_NONE);
  g_assert_cmpint (smolder_palette_classify (""), ==, SMOLDER_PACKAGE_CLASS_NONE);
}

static void
test_palette_colors (void)
{
  const char *names[] = {
    "runtime.mallocgc", "runtime.gcBgMarkWorker", "internal/poll.(*FD).Read",
    "net/http.(*conn).serve", "go/types.(*Checker).expr", "bufio.NewReader", "encoding/json.Marshal",
    "main.main", "github.com/acme/leaky/cache.(*Cache).Put", "leaky/store.New", "example.org/z.F",
    "root",
  };

  for (guint d = 0; d < 2; d++)
    {
      gboolean dark = d == 1;
      SmolderRgb bg;

      smolder_palette_background (dark, &bg);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          SmolderFrameColor c, again, other_style;
          SmolderPackageClass klass = smolder_palette_classify (names[i]);

          smolder_palette_color_for_name (names[i], dark, &c);
          smolder_palette_color_for_name (names[i], dark, &again);
          smolder_palette_color_for_name (names[i], !dark, &other_style);
          /* Stable, different per style, and the label readable (WCAG AA). */
          g_assert_true (memcmp (&c, &again, sizeof c) == 0);
          g_assert_true (memcmp (&c.fill, &other_style.fill, sizeof c.fill) != 0);
          if (contrast (c.fill, c.text) < 4.5)
            g_error ("%s (%s): label contrast %.2f", names[i], dark ? "dark" : "light", contrast (c.fill, c.text));
          /* Bars stand out from the background. */
          g_assert_cmpfloat (contrast (c.fill, bg), >, 1.15);

          /* Muted vs vivid. */
          if (klass == SMOLDER_PACKAGE_CLASS_RUNTIME)
            g_assert_cmpfloat (saturation (c.fill), <, 0.1);
          else if (klass == SMOLDER_PACKAGE_CLASS_STDLIB)
            g_assert_cmpfloat (saturation (c.fill), <, 0.3);
          else if (klass == SMOLDER_PACKAGE_CLASS_USER)
            g_assert_cmpfloat (saturation (c.fill), >, 0.45);
        }
    }

  /* Every hue the hash can pick stays readable: a sweep of packages. */
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *user = g_strdup_printf ("example.com/p%u.F", i);
      g_autofree char *std = g_strdup_printf ("%s/p%u.F", i % 2 ? "net" : "go", i);
      const char *names2[] = { user, std };

      for (guint k = 0; k < G_N_ELEMENTS (names2); k++)
        for (guint d = 0; d < 2; d++)
          {
            SmolderFrameColor c;

            smolder_palette_color_for_name (names2[k], d == 1, &c);
            if (contrast (c.fill, c.text) < 4.5)
              g_error ("%s (%s): label contrast %.2f", names2[k], d ? "dark" : "light", contrast (c.fill, c.text));
          }
    }

  /* Same package, same colour; the function does not matter. */
  {
    SmolderFrameColor a, b, c;

    smolder_palette_color_for_name ("net/http.(*conn).serve", FALSE, &a);
    smolder_palette_color_for_name ("net/http.HandlerFunc.ServeHTTP", FALSE, &b);
    smolder_palette_color_for_name ("net/url.Parse", FALSE, &c);
    g_assert_true (memcmp (&a, &b, sizeof a) == 0);
    g_assert_true (memcmp (&a.fill, &c.fill, sizeof a.fill) != 0);
  }
}

/* --- search --- */

static void
test_search (void)
{
  g_autoptr(SmolderCallTree) tree = ff_small_tree ();
  g_autoptr(GRegex) mains = g_regex_new ("^main\\.", 0, 0, NULL);
  g_autoptr(GRegex) leaves = g_regex_new ("mallocgc|serve", 0, 0, NULL);
  g_autoptr(GRegex) none = g_regex_new ("nothing", 0, 0, NULL);
  g_autoptr(SmolderFlameSearch) s1 = smolder_flame_search_new (tree, mains);
  g_autoptr(SmolderFlameSearch) s2 = smolder_flame_search_new (tree, leaves);
  g_autoptr(SmolderFlameSearch) s3 = smolder_flame_search_new (tree, none);
  g_autofree char *d1 = smolder_flame_search_describe (s1);
  g_autofree char *d2 = smolder_flame_search_describe (s2);

  /* main.main, main.a, main.b, main.c; nested matches counted once: 900. */
  g_assert_cmpuint (smolder_flame_search_get_n_matches (s1), ==, 4);
  g_assert_cmpint (smolder_flame_search_get_matched_total (s1), ==, 900);
  g_assert_cmpfloat_with_epsilon (smolder_flame_search_get_fraction (s1), 0.9, 1e-9);
  g_assert_cmpstr (d1, ==, "4 frames, 90.0% of total");
  g_assert_true (smolder_flame_search_matches (s1, ff_node (tree, "main.b")));
  g_assert_false (smolder_flame_search_matches (s1, ff_node (tree, "strings.Repeat")));

  g_assert_cmpuint (smolder_flame_search_get_n_matches (s2), ==, 2);
  g_assert_cmpint (smolder_flame_search_get_matched_total (s2), ==, 100);
  g_assert_cmpstr (d2, ==, "2 frames, 10.0% of total");

  g_assert_cmpuint (smolder_flame_search_get_n_matches (s3), ==, 0);
  g_assert_cmpuint (smolder_flame_search_next (s3, 0), ==, SMOLDER_NO_ID);

  /* next: preorder, wrapping. */
  g_assert_cmpuint (smolder_flame_search_next (s2, 0), ==, ff_node (tree, "net/http.serve"));
  g_assert_cmpuint (smolder_flame_search_next (s2, ff_node (tree, "net/http.serve")), ==, ff_node (tree, "runtime.mallocgc"));
  g_assert_cmpuint (smolder_flame_search_next (s2, ff_node (tree, "runtime.mallocgc")), ==, ff_node (tree, "net/http.serve"));
}

/* The share pprof reports for -focus=regexp on a real CPU profile:
 * `go tool pprof -top -focus=regexp cpu-10s.pb.gz` says 320ms of 800ms. */
static void
test_search_fixture (void)
{
  g_autoptr(SmolderCallTree) tree = ff_fixture_tree ("leaky-service/cpu-10s.pb.gz");
  g_autoptr(GRegex) regex = g_regex_new ("regexp", 0, 0, NULL);
  g_autoptr(SmolderFlameSearch) search = smolder_flame_search_new (tree, regex);

  g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==, 800000000);
  g_assert_cmpint (smolder_flame_search_get_matched_total (search), ==, 320000000);
}

/* --- golden images --- */

#include "golden.h"

static cairo_surface_t *
render (SmolderCallTree                *tree,
        guint                           zoom,
        int                             width,
        int                             height,
        SmolderFlameOrientation         orientation,
        const SmolderFlamePaintOptions *extra)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SmolderFlameLayout) layout = layout_new (tree, zoom, width, height, orientation);
  SmolderFlamePaintOptions options;

  if (extra != NULL)
    options = *extra;
  else
    smolder_flame_paint_options_init (&options);
  options.draw_labels = FALSE;   /* fonts differ between machines */
  smolder_flame_paint (cr, layout, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_golden_small (void)
{
  g_autoptr(SmolderCallTree) tree = ff_small_tree ();
  cairo_surface_t *s = render (tree, 0, 400, 90, SMOLDER_FLAME_ORIENTATION_FLAME, NULL);

  check_golden (s, "small-flame");
  cairo_surface_destroy (s);
}

static void
test_golden_small_states (void)
{
  g_autoptr(SmolderCallTree) tree = ff_small_tree ();
  g_autoptr(GRegex) regex = g_regex_new ("^main\\.(b|c)$", 0, 0, NULL);
  g_autoptr(SmolderFlameSearch) search = smolder_flame_search_new (tree, regex);
  SmolderFlamePaintOptions options;
  cairo_surface_t *s;

  /* Zoomed on main.a, icicle, dark, hover and focus outlines. */
  smolder_flame_paint_options_init (&options);
  options.dark = TRUE;
  options.hover = ff_node (tree, "strings.Repeat");
  options.focus = ff_node (tree, "main.main");
  s = render (tree, ff_node (tree, "main.a"), 400, 90, SMOLDER_FLAME_ORIENTATION_ICICLE, &options);
  check_golden (s, "small-zoom-icicle-dark");
  cairo_surface_destroy (s);

  /* Search: main.b and main.c highlighted, the rest dimmed. */
  smolder_flame_paint_options_init (&options);
  options.search = search;
  s = render (tree, 0, 400, 90, SMOLDER_FLAME_ORIENTATION_FLAME, &options);
  check_golden (s, "small-search");
  cairo_surface_destroy (s);
}

static void
test_golden_fixture (void)
{
  g_autoptr(SmolderCallTree) tree = ff_fixture_tree ("go-toolchain/regexp-bench-cpu.pb.gz");
  cairo_surface_t *s = render (tree, 0, 800, 400, SMOLDER_FLAME_ORIENTATION_FLAME, NULL);

  check_golden (s, "regexp-bench-cpu");
  cairo_surface_destroy (s);
}

/* The painter is tested here, the comparison too: a changed image must fail. */
static void
test_golden_detects_change (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SmolderCallTree) tree = ff_small_tree ();
      cairo_surface_t *s = render (tree, ff_node (tree, "main.main"), 400, 90, SMOLDER_FLAME_ORIENTATION_FLAME, NULL);

      g_unsetenv ("SMOLDER_UPDATE_GOLDEN");
      check_golden (s, "small-flame");
      cairo_surface_destroy (s);
      return;
    }
  if (g_strcmp0 (g_getenv ("SMOLDER_UPDATE_GOLDEN"), "1") == 0)
    {
      g_test_skip ("updating goldens");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*small-flame*pixels differ*");
}

/* Labels: plain text, never markup; nothing fails for odd names. */
static void
test_labels_plain_text (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  g_autoptr(SmolderCallTree) tree = NULL;
  g_autoptr(SmolderFlameLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 60);
  cairo_t *cr = cairo_create (surface);
  guint32 odd = tb_simple (p, "main.<b>bold</b> & \"quotes\" <span");
  guint32 bad = tb_simple (p, "main.\xff\xfe invalid utf8");

  tb_sample (p, 10, odd, END);
  tb_sample (p, 10, bad, END);
  tb_seal (p);
  tree = ff_tree_from_profile (p, FALSE);
  layout = layout_new (tree, 0, 300, 60, SMOLDER_FLAME_ORIENTATION_FLAME);
  smolder_flame_paint (cr, layout, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* --- export --- */

static void
test_export_formats (void)
{
  g_autoptr(SmolderCallTree) tree = ff_fixture_tree ("leaky-service/cpu-10s.pb.gz");
  g_autofree char *dir = g_dir_make_tmp ("smolder-export-XXXXXX", NULL);
  struct { const char *file, *magic; SmolderFlameExportFormat format; } cases[] = {
    { "a.svg", "<?xml", SMOLDER_FLAME_EXPORT_SVG },
    { "a.PNG", "\x89PNG", SMOLDER_FLAME_EXPORT_PNG },
    { "a.pdf", "%PDF", SMOLDER_FLAME_EXPORT_PDF },
  };
  SmolderFlameExportOptions options;
  SmolderFlameExportFormat format;

  g_assert_false (smolder_flame_export_format_from_path ("a.jpg", &format));
  smolder_flame_export_options_init (&options);
  options.width = 640;
  options.title = "cpu · 800 ms";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].file, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      g_assert_true (smolder_flame_export_format_from_path (path, &format));
      g_assert_cmpint (format, ==, cases[i].format);
      g_assert_true (smolder_flame_export_to_file (tree, &options, format, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
      g_assert_true (g_str_has_prefix (contents, cases[i].magic));
      if (format == SMOLDER_FLAME_EXPORT_PNG)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);
          double w, h;

          smolder_flame_export_get_size (tree, &options, &w, &h);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 640);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) h);
          g_assert_cmpfloat (h, ==, (smolder_call_tree_get_max_depth (tree) + 1) * 18.0 + 24.0);
          cairo_surface_destroy (png);
        }
      g_unlink (path);
    }

  /* A folder that does not exist: an error naming the file, no crash. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (smolder_flame_export_to_file (tree, &options, SMOLDER_FLAME_EXPORT_PNG,
                                                  "/nonexistent/dir/x.png", &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "/nonexistent/dir/x.png"));
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/flame-layout/positions", test_layout_positions);
  g_test_add_func ("/smolder/flame-layout/half-pixel", test_layout_half_pixel);
  g_test_add_func ("/smolder/flame-layout/zoom-ancestors", test_layout_zoom);
  g_test_add_func ("/smolder/flame-layout/hit-test", test_layout_hit_test);
  g_test_add_func ("/smolder/flame-layout/viewport", test_layout_viewport);
  g_test_add_func ("/smolder/flame-layout/empty", test_layout_empty);
  g_test_add_func ("/smolder/palette/packages", test_palette_packages);
  g_test_add_func ("/smolder/palette/colors", test_palette_colors);
  g_test_add_func ("/smolder/flame-search/small", test_search);
  g_test_add_func ("/smolder/flame-search/fixture", test_search_fixture);
  g_test_add_func ("/smolder/flame-paint/golden-small", test_golden_small);
  g_test_add_func ("/smolder/flame-paint/golden-states", test_golden_small_states);
  g_test_add_func ("/smolder/flame-paint/golden-fixture", test_golden_fixture);
  g_test_add_func ("/smolder/flame-paint/golden-detects-change", test_golden_detects_change);
  g_test_add_func ("/smolder/flame-paint/labels-plain-text", test_labels_plain_text);
  g_test_add_func ("/smolder/flame-export/formats", test_export_formats);

  return g_test_run ();
}
