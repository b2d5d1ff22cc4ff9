/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-flame-paint.c: the flame graph painter on the largest fixture.
 *
 * Figures: layout + paint of a 1920x1080 frame with labels (the widget's
 * cache-miss path), paint alone, and the re-layout a zoom costs; medians
 * of N runs. Targets: a frame <= 8 ms, a zoom re-layout <= 16 ms. */

#include <stdio.h>
#include <stdlib.h>

#include "bench-median.h"
#include "smolder-call-tree.h"
#include "smolder-load.h"
#include "smolder-flame-layout.h"
#include "smolder-flame-paint.h"

#define WIDTH 1920
#define HEIGHT 1080

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  const char *path = argc > 1 ? argv[1] : NULL;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 31;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(SmolderQuery) query = smolder_query_new ();
  g_autoptr(SmolderCallTree) tree = NULL;
  SmolderFlameLayoutParams params = { .width = WIDTH, .height = HEIGHT };
  SmolderFlamePaintOptions options;
  cairo_surface_t *surface;
  g_autofree double *frame = NULL, *paint = NULL, *relayout = NULL, *bare = NULL, *cold = NULL;
  g_autoptr(SmolderFlameLabelCache) labels = smolder_flame_label_cache_new ();
  g_autofree guint32 *zooms = NULL;
  guint n_zooms = 0, n_rects = 0;
  double t0, frame_ms, paint_ms, zoom_ms;

  if (path == NULL || runs == 0)
    {
      g_printerr ("usage: bench-flame-paint PROFILE [RUNS]\n");
      return 2;
    }
  file = g_file_new_for_path (path);
  t0 = now_ms ();
  if (!(profile = smolder_profile_new_from_file (file, NULL, NULL, &error)) ||
      !(tree = smolder_call_tree_new (profile, query, NULL, &error)))
    {
      g_printerr ("bench-flame-paint: %s: %s\n", path, error->message);
      return 1;
    }
  g_print ("%s: %u nodes, depth %u (load + call tree %.0f ms)\n", path,
           smolder_call_tree_get_n_nodes (tree), smolder_call_tree_get_max_depth (tree) + 1,
           now_ms () - t0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  smolder_flame_paint_options_init (&options);
  frame = g_new (double, runs);
  paint = g_new (double, runs);
  relayout = g_new (double, runs);
  bare = g_new (double, runs);
  cold = g_new (double, runs);

  /* Zoom targets: the root and its widest descendants down a hot path, as
   * a user clicking into the graph would go. */
  zooms = g_new (guint32, 16);
  for (guint32 node = 0; node != SMOLDER_NO_ID && n_zooms < 16;)
    {
      guint32 best = SMOLDER_NO_ID;

      zooms[n_zooms++] = node;
      for (guint32 c = smolder_call_tree_get_first_child (tree, node); c != SMOLDER_NO_ID;
           c = smolder_call_tree_get_next_sibling (tree, c))
        if (best == SMOLDER_NO_ID || smolder_call_tree_get_total (tree, c) > smolder_call_tree_get_total (tree, best))
          best = c;
      node = best;
    }

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(SmolderFlameLayout) layout = NULL;
      g_autoptr(SmolderFlameLabelCache) fresh = smolder_flame_label_cache_new ();
      SmolderFlamePaintOptions o = options;
      cairo_t *cr;
      double t1, t2, t3;

      /* Cold: a new layout, every label shaped (the first frame of a tree). */
      cr = cairo_create (surface);
      o.label_cache = fresh;
      t1 = now_ms ();
      layout = smolder_flame_layout_new (tree, 0, &params);
      t2 = now_ms ();
      smolder_flame_paint (cr, layout, &o);
      cairo_surface_flush (surface);
      t3 = now_ms ();
      cairo_destroy (cr);
      cold[i] = t3 - t1;
      smolder_flame_layout_get_rects (layout, &n_rects);

      /* Warm: layout + paint with the label cache the widget keeps, as
       * after a resize, search or zoom back to a seen view. */
      cr = cairo_create (surface);
      o.label_cache = labels;
      t1 = now_ms ();
      g_clear_pointer (&layout, smolder_flame_layout_unref);
      layout = smolder_flame_layout_new (tree, 0, &params);
      t2 = now_ms ();
      smolder_flame_paint (cr, layout, &o);
      cairo_surface_flush (surface);
      t3 = now_ms ();
      cairo_destroy (cr);
      frame[i] = t3 - t1;
      paint[i] = t3 - t2;

      /* Without labels: what the bars alone cost. */
      cr = cairo_create (surface);
      o.draw_labels = FALSE;
      t1 = now_ms ();
      smolder_flame_paint (cr, layout, &o);
      cairo_surface_flush (surface);
      bare[i] = now_ms () - t1;
      cairo_destroy (cr);

      /* A zoom: a new layout for another root along the hot path. */
      {
        g_autoptr(SmolderFlameLayout) zoomed = NULL;
        guint32 root = n_zooms > 1 ? zooms[1 + i % (n_zooms - 1)] : 0;

        t1 = now_ms ();
        zoomed = smolder_flame_layout_new (tree, root, &params);
        relayout[i] = now_ms () - t1;
      }
    }

  frame_ms = median (frame, runs);
  paint_ms = median (paint, runs);
  zoom_ms = median (relayout, runs);
  g_print ("rectangles laid out at %dx%d: %u\n", WIDTH, HEIGHT, n_rects);
  g_print ("frame (layout + paint, labels, warm label cache): median %.2f ms over %u runs (target <= 8 ms: %s)\n",
           frame_ms, runs, frame_ms <= 8.0 ? "met" : "MISSED");
  g_print ("  paint alone:                          median %.2f ms\n", paint_ms);
  g_print ("  paint without labels:                 median %.2f ms\n", median (bare, runs));
  g_print ("first frame (cold label cache):          median %.2f ms\n", median (cold, runs));
  g_print ("zoom re-layout:                          median %.2f ms (target <= 16 ms: %s)\n",
           zoom_ms, zoom_ms <= 16.0 ? "met" : "MISSED");

  cairo_surface_destroy (surface);
  return 0;
}
