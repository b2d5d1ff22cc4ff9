/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline-chart.c: the chart widget in a real window (Xvfb).
 *
 * Pointer input is emitted on the widget's own controllers, keys go
 * through its key bindings' actions. Data, by hand: heap in use 10, 20,
 * 15, 30 MiB, Sys 40 MiB and goroutines 100, 150, 150, 120 every 10 s
 * from 22:13:20 UTC (TZ is UTC here). */

#include <stdio.h>
#include <string.h>

#include "smolder-timeline-chart.h"

#define T0 G_GINT64_CONSTANT (1700000000000)
#define MiB 1048576.0

typedef struct {
  GtkWidget     *window;
  GtkWidget     *chart;
  SmolderSeries *model;
  GArray        *moments;   /* gint64 */
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
moment_cb (GtkWidget *chart,
           gint64     time_ms,
           Fixture   *f)
{
  g_array_append_val (f->moments, time_ms);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const double h[] = { 10, 20, 15, 30 }, g[] = { 100, 150, 150, 120 };
  guint heap, sys, gor;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  f->model = smolder_series_new ();
  heap = smolder_series_add (f->model, "Heap in use", SMOLDER_SERIES_UNIT_BYTES);
  sys = smolder_series_add (f->model, "Sys", SMOLDER_SERIES_UNIT_BYTES);
  gor = smolder_series_add (f->model, "Goroutines", SMOLDER_SERIES_UNIT_COUNT);
  for (guint i = 0; i < 4; i++)
    {
      smolder_series_append (f->model, heap, T0 + i * 10000, h[i] * MiB);
      smolder_series_append (f->model, sys, T0 + i * 10000, 40 * MiB);
      smolder_series_append (f->model, gor, T0 + i * 10000, g[i]);
    }
  f->moments = g_array_new (FALSE, FALSE, sizeof (gint64));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 400);
  f->chart = smolder_timeline_chart_new ();
  smolder_timeline_chart_set_model (SMOLDER_TIMELINE_CHART (f->chart), f->model);
  g_signal_connect (f->chart, "moment-activated", G_CALLBACK (moment_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), f->chart);
  gtk_window_present (GTK_WINDOW (f->window));
  while ((gtk_widget_get_width (f->chart) <= 0 || !gtk_widget_get_mapped (f->chart)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (f->chart), >, 0);
  drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer model_alive = f->model;

  g_object_add_weak_pointer (G_OBJECT (f->model), &model_alive);
  g_object_unref (f->model);
  g_object_ref (f->chart);
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  /* Nothing else holds the widget, and it let go of the model. */
  g_assert_finalize_object (f->chart);
  g_assert_null (model_alive);
  g_array_unref (f->moments);
}

static GtkEventController *
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) list = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (list, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return GTK_EVENT_CONTROLLER (c);   /* the widget keeps it */
    }
  g_error ("no %s on the chart", g_type_name (type));
  return NULL;
}

static SmolderChartLayout *
layout_of (Fixture *f)
{
  SmolderChartLayout *layout = smolder_timeline_chart_get_layout (SMOLDER_TIMELINE_CHART (f->chart));

  g_assert_nonnull (layout);
  return layout;
}

/* The point (x, y) in the plot at time @t, halfway down. */
static void
point_at (Fixture *f,
          gint64   t,
          double  *x,
          double  *y)
{
  SmolderChartLayout *layout = layout_of (f);
  cairo_rectangle_t plot;

  smolder_chart_layout_get_plot (layout, &plot);
  *x = smolder_chart_layout_x_for_time (layout, t);
  *y = plot.y + plot.height / 2;
}

static void
hover_at (Fixture *f,
          gint64   t)
{
  double x, y;

  point_at (f, t, &x, &y);
  g_signal_emit_by_name (controller_of (f->chart, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", x, y);
  drain ();
}

static void
click_xy (Fixture *f,
          double   x,
          double   y)
{
  GtkEventController *click = controller_of (f->chart, GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  drain ();
}

static void
test_hover_tooltip (Fixture       *f,
                    gconstpointer  data)
{
  const char *text;

  /* 15.5 s in: the points of 10 s are in force. */
  hover_at (f, T0 + 15500);
  text = gtk_widget_get_tooltip_text (f->chart);
  g_assert_cmpstr (text, ==, "22:13:35\nHeap in use: 20.0 MiB\nSys: 40.0 MiB\nGoroutines: 150");

  /* On the last point. */
  hover_at (f, T0 + 30000);
  text = gtk_widget_get_tooltip_text (f->chart);
  g_assert_cmpstr (text, ==, "22:13:50\nHeap in use: 30.0 MiB\nSys: 40.0 MiB\nGoroutines: 120");

  /* A GC pause under the pointer joins the list. */
  smolder_series_add_gc (f->model, (T0 + 20000) * 1000000, 1500000);
  drain ();
  hover_at (f, T0 + 20000);
  text = gtk_widget_get_tooltip_text (f->chart);
  g_assert_cmpstr (text, ==, "22:13:40\nHeap in use: 15.0 MiB\nSys: 40.0 MiB\nGoroutines: 150\nGC pause: 1.50 ms");
}

static void
test_legend_toggle (Fixture       *f,
                    gconstpointer  data)
{
  SmolderTimelineChart *chart = SMOLDER_TIMELINE_CHART (f->chart);
  cairo_rectangle_t r;
  const char *text;

  g_assert_true (smolder_timeline_chart_get_series_visible (chart, 1));
  g_assert_true (smolder_chart_layout_get_legend_rect (layout_of (f), 1, &r));
  click_xy (f, r.x + r.width / 2, r.y + r.height / 2);
  g_assert_false (smolder_timeline_chart_get_series_visible (chart, 1));
  g_assert_true (smolder_timeline_chart_get_series_visible (chart, 0));
  /* A legend click is not a moment. */
  g_assert_cmpuint (f->moments->len, ==, 0);

  hover_at (f, T0 + 15500);
  text = gtk_widget_get_tooltip_text (f->chart);
  g_assert_cmpstr (text, ==, "22:13:35\nHeap in use: 20.0 MiB\nGoroutines: 150");

  /* Again: back. */
  g_assert_true (smolder_chart_layout_get_legend_rect (layout_of (f), 1, &r));
  click_xy (f, r.x + r.width / 2, r.y + r.height / 2);
  g_assert_true (smolder_timeline_chart_get_series_visible (chart, 1));
}

static void
test_click_moment (Fixture       *f,
                   gconstpointer  data)
{
  cairo_rectangle_t plot;
  gint64 t0, t1, ms_per_px, cursor;
  double x, y;

  smolder_chart_layout_get_plot (layout_of (f), &plot);
  smolder_chart_layout_get_range (layout_of (f), &t0, &t1);
  ms_per_px = (t1 - t0) / (gint64) plot.width + 1;
  point_at (f, T0 + 20000, &x, &y);
  /* A press alone (the start of a drag) is not a moment yet. */
  g_signal_emit_by_name (controller_of (f->chart, GTK_TYPE_GESTURE_CLICK), "pressed", 1, x, y);
  g_assert_cmpuint (f->moments->len, ==, 0);
  click_xy (f, x, y);
  g_assert_cmpuint (f->moments->len, ==, 1);
  g_assert_cmpint (ABS (g_array_index (f->moments, gint64, 0) - (T0 + 20000)), <=, ms_per_px);
  g_assert_true (smolder_timeline_chart_get_cursor (SMOLDER_TIMELINE_CHART (f->chart), &cursor));

  /* Outside the plot (the value axis): nothing. */
  click_xy (f, plot.x - 20, y);
  g_assert_cmpuint (f->moments->len, ==, 1);
}

static void
test_follow_live (Fixture       *f,
                  gconstpointer  data)
{
  SmolderTimelineChart *chart = SMOLDER_TIMELINE_CHART (f->chart);
  gboolean handled = FALSE;
  gint64 t0, t1, a0, a1;

  g_assert_true (smolder_timeline_chart_get_follow_live (chart));
  smolder_timeline_chart_get_range (chart, &t0, &t1);
  g_assert_cmpint (t0, ==, T0);
  g_assert_cmpint (t1, ==, T0 + 30000);

  /* A new point moves the view while following. */
  smolder_series_append (f->model, 2, T0 + 40000, 130);
  smolder_timeline_chart_get_range (chart, &t0, &t1);
  g_assert_cmpint (t1, ==, T0 + 40000);

  /* Scrolling back a step (10 % of the 40 s span) leaves follow-live. */
  g_signal_emit_by_name (controller_of (f->chart, GTK_TYPE_EVENT_CONTROLLER_SCROLL), "scroll", 0.0, -1.0, &handled);
  g_assert_true (handled);
  g_assert_false (smolder_timeline_chart_get_follow_live (chart));
  smolder_timeline_chart_get_range (chart, &a0, &a1);
  g_assert_cmpint (a0, ==, T0 - 4000);
  g_assert_cmpint (a1, ==, T0 + 36000);
  /* ... and new points no longer move it. */
  smolder_series_append (f->model, 2, T0 + 50000, 140);
  smolder_timeline_chart_get_range (chart, &a0, &a1);
  g_assert_cmpint (a1, ==, T0 + 36000);

  /* The action restores it: the same span, ending at the newest point. */
  g_assert_true (gtk_widget_activate_action (f->chart, "chart.follow-live", NULL));
  drain ();
  g_assert_true (smolder_timeline_chart_get_follow_live (chart));
  smolder_timeline_chart_get_range (chart, &a0, &a1);
  g_assert_cmpint (a1, ==, T0 + 50000);
  g_assert_cmpint (a1 - a0, ==, 40000);

  /* Dragging also leaves it. */
  g_signal_emit_by_name (controller_of (f->chart, GTK_TYPE_GESTURE_DRAG), "drag-begin", 400.0, 200.0);
  g_signal_emit_by_name (controller_of (f->chart, GTK_TYPE_GESTURE_DRAG), "drag-update", 100.0, 0.0);
  g_assert_false (smolder_timeline_chart_get_follow_live (chart));
  smolder_timeline_chart_get_range (chart, &a0, &a1);
  g_assert_cmpint (a1, <, T0 + 50000);
  smolder_timeline_chart_set_follow_live (chart, TRUE);
  smolder_timeline_chart_get_range (chart, &a0, &a1);
  g_assert_cmpint (a1, ==, T0 + 50000);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  SmolderTimelineChart *chart = SMOLDER_TIMELINE_CHART (f->chart);
  gint64 t, t0, t1, z0, z1;

  g_assert_false (smolder_timeline_chart_get_cursor (chart, &t));
  gtk_widget_activate_action (f->chart, "chart.cursor-last", NULL);
  g_assert_true (smolder_timeline_chart_get_cursor (chart, &t));
  g_assert_cmpint (t, ==, T0 + 30000);
  gtk_widget_activate_action (f->chart, "chart.cursor-previous", NULL);
  smolder_timeline_chart_get_cursor (chart, &t);
  g_assert_cmpint (t, ==, T0 + 20000);
  gtk_widget_activate_action (f->chart, "chart.cursor-first", NULL);
  smolder_timeline_chart_get_cursor (chart, &t);
  g_assert_cmpint (t, ==, T0);
  gtk_widget_activate_action (f->chart, "chart.cursor-previous", NULL);   /* already first */
  smolder_timeline_chart_get_cursor (chart, &t);
  g_assert_cmpint (t, ==, T0);
  gtk_widget_activate_action (f->chart, "chart.cursor-next", NULL);
  smolder_timeline_chart_get_cursor (chart, &t);
  g_assert_cmpint (t, ==, T0 + 10000);

  /* Between series whose points differ: the nearest of any. */
  smolder_series_append (f->model, 0, T0 + 35000, 31 * MiB);
  smolder_series_append (f->model, 2, T0 + 32000, 125);
  gtk_widget_activate_action (f->chart, "chart.cursor-last", NULL);
  smolder_timeline_chart_get_cursor (chart, &t);
  g_assert_cmpint (t, ==, T0 + 35000);
  gtk_widget_activate_action (f->chart, "chart.cursor-previous", NULL);
  smolder_timeline_chart_get_cursor (chart, &t);
  g_assert_cmpint (t, ==, T0 + 32000);
  gtk_widget_activate_action (f->chart, "chart.cursor-previous", NULL);
  gtk_widget_activate_action (f->chart, "chart.cursor-next", NULL);
  smolder_timeline_chart_get_cursor (chart, &t);
  g_assert_cmpint (t, ==, T0 + 32000);
  gtk_widget_activate_action (f->chart, "chart.cursor-first", NULL);
  gtk_widget_activate_action (f->chart, "chart.cursor-next", NULL);
  smolder_timeline_chart_get_cursor (chart, &t);
  g_assert_cmpint (t, ==, T0 + 10000);

  /* Enter activates the cursor's moment. */
  gtk_widget_activate_action (f->chart, "chart.activate-cursor", NULL);
  g_assert_cmpuint (f->moments->len, ==, 1);
  g_assert_cmpint (g_array_index (f->moments, gint64, 0), ==, T0 + 10000);

  /* + zooms in (following live: around the newest point, still following). */
  smolder_timeline_chart_get_range (chart, &t0, &t1);
  gtk_widget_activate_action (f->chart, "chart.zoom-in", NULL);
  smolder_timeline_chart_get_range (chart, &z0, &z1);
  g_assert_cmpint (z1 - z0, ==, 28000);   /* 35 s / 1.25 */
  g_assert_cmpint (z1, ==, t1);
  g_assert_true (smolder_timeline_chart_get_follow_live (chart));
  gtk_widget_activate_action (f->chart, "chart.zoom-out", NULL);
  smolder_timeline_chart_get_range (chart, &z0, &z1);
  g_assert_cmpint (z1 - z0, ==, 35000);

  /* The keys are bound to those actions. */
  {
    g_autoptr(GListModel) list = gtk_widget_observe_controllers (f->chart);
    const struct { guint key; const char *action; } expected[] = {
      { GDK_KEY_Left, "chart.cursor-previous" }, { GDK_KEY_Right, "chart.cursor-next" },
      { GDK_KEY_Home, "chart.cursor-first" }, { GDK_KEY_End, "chart.cursor-last" },
      { GDK_KEY_plus, "chart.zoom-in" }, { GDK_KEY_minus, "chart.zoom-out" },
      { GDK_KEY_Return, "chart.activate-cursor" },
    };
    GListModel *shortcuts = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (list) && shortcuts == NULL; i++)
      {
        g_autoptr(GObject) c = g_list_model_get_item (list, i);

        if (GTK_IS_SHORTCUT_CONTROLLER (c))
          shortcuts = G_LIST_MODEL (c);
      }
    g_assert_nonnull (shortcuts);
    for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
      {
        gboolean bound = FALSE;

        for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
          {
            g_autoptr(GtkShortcut) s = g_list_model_get_item (shortcuts, i);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (s);
            GtkShortcutAction *action = gtk_shortcut_get_action (s);

            if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action) &&
                gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == expected[k].key &&
                g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), expected[k].action))
              bound = TRUE;
          }
        if (!bound)
          g_error ("%s is not bound to %s", gdk_keyval_name (expected[k].key), expected[k].action);
      }
  }
}

/* Zoom with Ctrl leaves follow-live; a 100k-point model still draws. */
static void
test_set_range_and_big_model (Fixture       *f,
                              gconstpointer  data)
{
  SmolderTimelineChart *chart = SMOLDER_TIMELINE_CHART (f->chart);
  g_autoptr(SmolderSeries) big = smolder_series_new ();
  guint s = smolder_series_add (big, "Goroutines", SMOLDER_SERIES_UNIT_COUNT);
  g_autoptr(GdkPaintable) paintable = NULL;
  gint64 t0, t1;

  smolder_timeline_chart_set_range (chart, T0 + 5000, T0 + 25000);
  g_assert_false (smolder_timeline_chart_get_follow_live (chart));
  smolder_timeline_chart_get_range (chart, &t0, &t1);
  g_assert_cmpint (t0, ==, T0 + 5000);
  g_assert_cmpint (t1, ==, T0 + 25000);

  for (guint i = 0; i < 100000; i++)
    smolder_series_append (big, s, T0 + i * 100, i % 977);
  smolder_timeline_chart_set_model (chart, big);
  smolder_timeline_chart_set_follow_live (chart, TRUE);
  paintable = gtk_widget_paintable_new (f->chart);
  drain ();
  g_assert_nonnull (smolder_timeline_chart_get_layout (chart));
  smolder_timeline_chart_set_model (chart, f->model);
}

/* The widget as the window's renderer draws it: the line where its value
 * lies, and a hidden series gone. SMOLDER_CHART_SHOT=FILE keeps a PNG. */
static void
test_draws (Fixture       *f,
            gconstpointer  data)
{
  SmolderTimelineChart *chart = SMOLDER_TIMELINE_CHART (f->chart);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (f->chart));
  int w = gtk_widget_get_width (f->chart), h = gtk_widget_get_height (f->chart);
  g_autofree guint32 *shown = g_new (guint32, (gsize) w * h);
  g_autofree guint32 *hidden = g_new (guint32, (gsize) w * h);
  guint32 *buffers[2] = { shown, hidden };
  SmolderRgb blue;
  guint32 want;
  int x, y;

  /* Heap in use at its second point: 20 MiB, 10 s in. */
  x = (int) smolder_chart_layout_x_for_time (layout_of (f), T0 + 10000);
  y = (int) smolder_chart_layout_y_for_value (layout_of (f), 0, 20 * MiB);
  for (guint k = 0; k < 2; k++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      const char *shot = g_getenv ("SMOLDER_CHART_SHOT");

      smolder_timeline_chart_set_series_visible (chart, 0, k == 0);
      GTK_WIDGET_GET_CLASS (f->chart)->snapshot (f->chart, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
      gdk_texture_download (texture, (guchar *) buffers[k], 4 * (gsize) w);
      if (k == 0 && shot != NULL)
        gdk_texture_save_to_png (texture, shot);
    }
  smolder_chart_series_color (0, FALSE, &blue);
  want = ((guint32) (blue.red * 255 + 0.5) << 16) | ((guint32) (blue.green * 255 + 0.5) << 8) | (guint32) (blue.blue * 255 + 0.5);
  if ((shown[y * w + x] & 0xffffff) != want)
    g_error ("heap in use drawn as %06x at (%d, %d), expected %06x", shown[y * w + x] & 0xffffff, x, y, want);
  g_assert_cmpuint (hidden[y * w + x] & 0xffffff, !=, want);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  /* Tooltips show local time: make it UTC before GLib caches the zone. */
  g_setenv ("TZ", "UTC", TRUE);

  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/smolder/timeline-chart/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("hover-tooltip", test_hover_tooltip);
  ADD ("legend-toggle", test_legend_toggle);
  ADD ("click-moment", test_click_moment);
  ADD ("follow-live", test_follow_live);
  ADD ("keyboard", test_keyboard);
  ADD ("range-big-model", test_set_range_and_big_model);
  ADD ("draws", test_draws);
#undef ADD

  return g_test_run ();
}
