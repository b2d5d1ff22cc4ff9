/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flame-graph.c: the flame graph widget in a real window (Xvfb).
 *
 * Input goes through the widget's own controllers and key bindings: the
 * motion and click signals are emitted on its controllers, keys are looked
 * up in its shortcut controller and activated, as GTK would on an event. */

#include <stdio.h>
#include <string.h>

#include "flame-fixtures.h"
#include "smolder-flame-graph.h"

typedef struct {
  GtkWidget       *window;
  GtkWidget       *graph;
  SmolderCallTree *tree;
} Fixture;

static void
wait_until_allocated (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tree = ff_small_tree ();
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 200);
  f->graph = smolder_flame_graph_new ();
  smolder_flame_graph_set_call_tree (SMOLDER_FLAME_GRAPH (f->graph), f->tree);
  gtk_window_set_child (GTK_WINDOW (f->window), f->graph);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until_allocated (f->graph);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer tree_alive = f->tree;

  g_object_add_weak_pointer (G_OBJECT (f->tree), &tree_alive);
  g_object_unref (f->tree);
  g_object_ref (f->graph);
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  /* Nothing else holds the widget, and it let go of the tree. */
  g_assert_finalize_object (f->graph);
  g_assert_null (tree_alive);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;   /* owned by the widget */
    }
  g_assert_not_reached ();
  return NULL;
}

static void
center_of (Fixture *f,
           guint32  node,
           double  *x,
           double  *y)
{
  SmolderFlameLayout *layout = smolder_flame_graph_get_layout (SMOLDER_FLAME_GRAPH (f->graph));
  const SmolderFlameRect *r = smolder_flame_layout_lookup (layout, node);

  g_assert_nonnull (r);
  *x = r->x + r->width / 2;
  *y = smolder_flame_layout_get_row_y (layout, r->row) + 9;
}

static void
hover (Fixture *f,
       guint32  node)
{
  double x, y;

  center_of (f, node, &x, &y);
  g_signal_emit_by_name (find_controller (f->graph, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", x, y);
}

static void
click (Fixture *f,
       guint32  node)
{
  double x, y;

  center_of (f, node, &x, &y);
  g_signal_emit_by_name (find_controller (f->graph, GTK_TYPE_GESTURE_CLICK), "pressed", 1, x, y);
  drain ();
}

/* Activates what the widget's key binding for @keyval does. */
static void
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  mods)
{
  GListModel *shortcuts = G_LIST_MODEL (find_controller (widget, GTK_TYPE_SHORTCUT_CONTROLLER));

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) s = g_list_model_get_item (shortcuts, i);
      GtkShortcutTrigger *t = gtk_shortcut_get_trigger (s);

      if (GTK_IS_KEYVAL_TRIGGER (t) &&
          gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (t)) == keyval &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (t)) == mods)
        {
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (s),
                                                       GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                       widget, gtk_shortcut_get_arguments (s)));
          drain ();
          return;
        }
    }
  g_error ("no binding for %s", gdk_keyval_name (keyval));
}

static guint32
focus_of (Fixture *f)
{
  return smolder_flame_graph_get_focus_node (SMOLDER_FLAME_GRAPH (f->graph));
}

static guint
zoom_of (Fixture *f)
{
  return smolder_flame_graph_get_zoom_root (SMOLDER_FLAME_GRAPH (f->graph));
}

/* --- tests --- */

static void
test_hover_tooltip (Fixture       *f,
                    gconstpointer  data)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  g_autofree char *tip = NULL;

  hover (f, ff_node (f->tree, "main.a"));
  g_assert_cmpuint (smolder_flame_graph_get_hover_node (graph), ==, ff_node (f->tree, "main.a"));
  tip = g_strdup (gtk_widget_get_tooltip_text (f->graph));
  g_assert_cmpstr (tip, ==,
                   "main.a\n"
                   "x/src.go\n"
                   "Self: 200 B · 20.00% of total\n"
                   "Total: 600 B · 60.00% of total");
  g_clear_pointer (&tip, g_free);

  hover (f, ff_node (f->tree, "runtime.mallocgc"));
  tip = g_strdup (gtk_widget_get_tooltip_text (f->graph));
  g_assert_true (g_str_has_prefix (tip, "runtime.mallocgc\n"));
  g_assert_nonnull (strstr (tip, "Self: 100 B · 10.00% of total"));
  g_clear_pointer (&tip, g_free);

  /* Zoomed: the share of the zoomed root too. */
  smolder_flame_graph_set_zoom_root (graph, ff_node (f->tree, "main.main"));
  drain ();
  hover (f, ff_node (f->tree, "main.b"));
  tip = g_strdup (gtk_widget_get_tooltip_text (f->graph));
  g_assert_nonnull (strstr (tip, "Total: 299 B · 29.90% of total, 33.22% of zoomed"));
  g_clear_pointer (&tip, g_free);

  /* Empty space: no frame, no tooltip. */
  g_signal_emit_by_name (find_controller (f->graph, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", 5.0, 2.0);
  g_assert_cmpuint (smolder_flame_graph_get_hover_node (graph), ==, SMOLDER_NO_ID);
  g_assert_null (gtk_widget_get_tooltip_text (f->graph));
}

static void
test_hover_fixture (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SmolderCallTree) tree = ff_fixture_tree ("leaky-service/cpu-10s.pb.gz");
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  g_autofree char *tip = NULL;
  guint32 node;

  smolder_flame_graph_set_call_tree (graph, tree);
  drain ();
  node = ff_node (tree, "regexp.(*Regexp).backtrack");
  /* Shown with the file and the function's line, in time units. */
  g_signal_emit_by_name (find_controller (f->graph, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", 0.0, 0.0);
  {
    double x, y;
    SmolderFlameLayout *layout = smolder_flame_graph_get_layout (graph);
    const SmolderFlameRect *r = smolder_flame_layout_lookup (layout, node);

    g_assert_nonnull (r);
    x = r->x + r->width / 2;
    y = smolder_flame_layout_get_row_y (layout, r->row) + 9;
    g_signal_emit_by_name (find_controller (f->graph, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", x, y);
  }
  tip = g_strdup (gtk_widget_get_tooltip_text (f->graph));
  g_assert_true (g_str_has_prefix (tip, "regexp.(*Regexp).backtrack\n"));
  /* Go 1.19 records no start line: the file alone. */
  if (strstr (tip, "\nregexp/backtrack.go\n") == NULL)
    g_error ("tooltip: %s", tip);
  g_assert_nonnull (strstr (tip, "Total: 310 ms (310,000,000 ns) · 38.75% of total"));
  smolder_flame_graph_set_call_tree (graph, f->tree);
}

static void
test_click_zoom (Fixture       *f,
                 gconstpointer  data)
{
  guint32 main_main = ff_node (f->tree, "main.main");
  guint32 main_a = ff_node (f->tree, "main.a");
  SmolderFlameLayout *layout;
  const SmolderFlameRect *r;

  click (f, main_a);
  g_assert_cmpuint (zoom_of (f), ==, main_a);
  g_assert_cmpuint (focus_of (f), ==, main_a);
  layout = smolder_flame_graph_get_layout (SMOLDER_FLAME_GRAPH (f->graph));
  r = smolder_flame_layout_lookup (layout, ff_node (f->tree, "strings.Repeat"));
  g_assert_cmpfloat_with_epsilon (r->width, 800.0 * 400 / 600, 1e-9);
  /* main.b is not in the zoomed subtree. */
  g_assert_null (smolder_flame_layout_lookup (layout, ff_node (f->tree, "main.b")));

  /* A deeper frame. */
  click (f, ff_node (f->tree, "strings.Repeat"));
  g_assert_cmpuint (zoom_of (f), ==, ff_node (f->tree, "strings.Repeat"));

  /* Clicking an ancestor bar zooms out to it. */
  click (f, main_main);
  g_assert_cmpuint (zoom_of (f), ==, main_main);

  /* Escape and Backspace: one level out each. */
  press_key (f->graph, GDK_KEY_Escape, 0);
  g_assert_cmpuint (zoom_of (f), ==, 0);
  click (f, main_a);
  press_key (f->graph, GDK_KEY_BackSpace, 0);
  g_assert_cmpuint (zoom_of (f), ==, main_main);
  g_assert_true (gtk_widget_activate_action (f->graph, "flame.zoom-out", NULL));
  g_assert_cmpuint (zoom_of (f), ==, 0);

  /* Clicking empty space changes nothing. */
  g_signal_emit_by_name (find_controller (f->graph, GTK_TYPE_GESTURE_CLICK), "pressed", 1, 5.0, 2.0);
  g_assert_cmpuint (zoom_of (f), ==, 0);
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  gtk_widget_grab_focus (f->graph);
  drain ();
  g_assert_true (gtk_widget_has_focus (f->graph));
  g_assert_cmpuint (focus_of (f), ==, 0);

  /* Flame: Up goes to the widest child, Down to the parent. */
  press_key (f->graph, GDK_KEY_Up, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "main.main"));
  press_key (f->graph, GDK_KEY_Up, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "main.a"));
  /* Right and Left walk the row. */
  press_key (f->graph, GDK_KEY_Right, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "main.b"));
  press_key (f->graph, GDK_KEY_Right, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "main.c"));
  press_key (f->graph, GDK_KEY_Right, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "runtime.mallocgc"));
  press_key (f->graph, GDK_KEY_Right, 0);   /* the end of the row: stays */
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "runtime.mallocgc"));
  press_key (f->graph, GDK_KEY_Down, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "net/http.serve"));
  press_key (f->graph, GDK_KEY_Left, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "main.main"));

  /* Enter zooms to the focused frame. */
  press_key (f->graph, GDK_KEY_Return, 0);
  g_assert_cmpuint (zoom_of (f), ==, ff_node (f->tree, "main.main"));

  /* Icicle: the arrows swap. */
  smolder_flame_graph_set_orientation (SMOLDER_FLAME_GRAPH (f->graph), SMOLDER_FLAME_ORIENTATION_ICICLE);
  drain ();
  press_key (f->graph, GDK_KEY_Down, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "main.a"));
  press_key (f->graph, GDK_KEY_Up, 0);
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "main.main"));
  press_key (f->graph, GDK_KEY_Up, 0);
  g_assert_cmpuint (focus_of (f), ==, 0);   /* the ancestor bar */
}

static void
test_focus_scrolls (Fixture       *f,
                    gconstpointer  data)
{
  /* The regexp benchmark is deeper than a 200 px window: focusing the
   * deepest frame scrolls it into view. */
  g_autoptr(SmolderCallTree) tree = ff_fixture_tree ("go-toolchain/compile-nethttp-cpu.pb.gz");
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  SmolderFlameLayout *layout;
  const SmolderFlameRect *r;
  guint32 deepest = 0;
  double y;

  smolder_flame_graph_set_call_tree (graph, tree);
  drain ();
  g_assert_cmpfloat ((smolder_call_tree_get_max_depth (tree) + 1) * 18.0, >, gtk_widget_get_height (f->graph));
  for (guint n = 0; n < smolder_call_tree_get_n_nodes (tree); n++)
    if (smolder_call_tree_get_depth (tree, n) > smolder_call_tree_get_depth (tree, deepest) &&
        smolder_call_tree_get_total (tree, n) * 800.0 / smolder_call_tree_get_total (tree, 0) >= 2)
      deepest = n;

  smolder_flame_graph_set_focus_node (graph, deepest);
  layout = smolder_flame_graph_get_layout (graph);
  r = smolder_flame_layout_lookup (layout, deepest);
  g_assert_nonnull (r);
  y = smolder_flame_layout_get_row_y (layout, r->row);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y + 18, <=, gtk_widget_get_height (f->graph));
  smolder_flame_graph_set_call_tree (graph, f->tree);
}

static guint
count_highlighted (Fixture *f)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  SmolderFlameLayout *layout = smolder_flame_graph_get_layout (graph);
  SmolderFlameSearch *search = smolder_flame_graph_get_search (graph);
  const SmolderFlameRect *rects;
  guint n, hits = 0;

  rects = smolder_flame_layout_get_rects (layout, &n);
  for (guint i = 0; i < n; i++)
    hits += smolder_flame_search_matches (search, rects[i].node);
  return hits;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  g_autoptr(GRegex) regex = g_regex_new ("^main\\.", 0, 0, NULL);
  double fraction = -1;
  guint n;

  n = smolder_flame_graph_set_search (graph, regex, &fraction);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat_with_epsilon (fraction, 0.9, 1e-9);
  drain ();
  g_assert_cmpuint (count_highlighted (f), ==, 4);

  /* Zoomed on main.a: main.main (ancestor bar) and main.a show. */
  smolder_flame_graph_set_zoom_root (graph, ff_node (f->tree, "main.a"));
  g_assert_cmpuint (count_highlighted (f), ==, 2);

  /* Enter in the search: the next match, zooming out when it is not shown. */
  smolder_flame_graph_set_focus_node (graph, ff_node (f->tree, "main.a"));
  g_assert_true (smolder_flame_graph_focus_next_match (graph));
  g_assert_cmpuint (focus_of (f), ==, ff_node (f->tree, "main.b"));
  g_assert_cmpuint (zoom_of (f), ==, 0);

  n = smolder_flame_graph_set_search (graph, NULL, &fraction);
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (smolder_flame_graph_get_search (graph));
  g_assert_false (smolder_flame_graph_focus_next_match (graph));
}

static void
frame_action_cb (SmolderFlameGraph *graph,
                 const char        *action,
                 const char        *name,
                 GPtrArray         *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%s %s", action, name));
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  const char *actions[] = { "focus-on", "ignore", "hide", "show", "show-callers" };
  GdkContentProvider *content;
  GValue value = G_VALUE_INIT;

  g_signal_connect (graph, "frame-action", G_CALLBACK (frame_action_cb), log);

  /* Nothing focused: the frame actions are off. */
  g_assert_false (gtk_widget_activate_action (f->graph, "flame.ignore", NULL) && log->len > 0);
  g_assert_cmpuint (log->len, ==, 0);

  smolder_flame_graph_set_focus_node (graph, ff_node (f->tree, "net/http.serve"));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *action = g_strconcat ("flame.", actions[i], NULL);
      g_autofree char *expected = g_strconcat (actions[i], " net/http.serve", NULL);

      g_assert_true (gtk_widget_activate_action (f->graph, action, NULL));
      g_assert_cmpuint (log->len, ==, i + 1);
      g_assert_cmpstr (log->pdata[i], ==, expected);
    }

  /* Copy Name puts the plain name on the clipboard. */
  g_assert_true (gtk_widget_activate_action (f->graph, "flame.copy-name", NULL));
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (f->graph));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, "net/http.serve");
  g_value_unset (&value);

  /* The context menu, from the keyboard, on the focused frame. */
  gtk_widget_grab_focus (f->graph);
  press_key (f->graph, GDK_KEY_Menu, 0);
  {
    GtkWidget *popover = NULL;

    for (GtkWidget *c = gtk_widget_get_first_child (f->graph); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_POPOVER_MENU (c))
        popover = c;
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    gtk_popover_popdown (GTK_POPOVER (popover));
    drain ();
  }
}

static void
test_new_tree_resets (Fixture       *f,
                      gconstpointer  data)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  SmolderProfile *profile = smolder_frames_get_profile (smolder_call_tree_get_frames (f->tree));
  g_autoptr(SmolderCallTree) other = ff_small_tree ();
  g_autoptr(SmolderCallTree) inverted = ff_tree_from_profile (profile, TRUE);
  g_autoptr(GRegex) regex = g_regex_new ("main", 0, 0, NULL);
  g_autoptr(SmolderFlameSearch) stale = smolder_flame_search_new (f->tree, regex);

  /* A tree of another kind (inverted): a path means something else there. */
  smolder_flame_graph_set_zoom_root (graph, ff_node (f->tree, "main.a"));
  smolder_flame_graph_set_focus_node (graph, ff_node (f->tree, "main.a"));
  smolder_flame_graph_set_search (graph, regex, NULL);
  g_object_set (graph, "call-tree", inverted, NULL);
  g_assert_true (smolder_flame_graph_get_call_tree (graph) == inverted);
  g_assert_cmpuint (zoom_of (f), ==, 0);
  g_assert_cmpuint (focus_of (f), ==, SMOLDER_NO_ID);
  g_assert_null (smolder_flame_graph_get_search (graph));

  /* reset_view() before another profile's tree: it starts whole. */
  smolder_flame_graph_set_call_tree (graph, f->tree);
  smolder_flame_graph_set_zoom_root (graph, ff_node (f->tree, "main.a"));
  smolder_flame_graph_set_focus_node (graph, ff_node (f->tree, "strings.Repeat"));
  smolder_flame_graph_reset_view (graph);
  smolder_flame_graph_set_call_tree (graph, other);
  g_assert_cmpuint (zoom_of (f), ==, 0);
  g_assert_cmpuint (focus_of (f), ==, SMOLDER_NO_ID);

  /* A late search made for the previous tree is never applied. */
  smolder_flame_graph_set_flame_search (graph, stale);
  g_assert_null (smolder_flame_graph_get_search (graph));

  /* Out-of-range nodes are refused, not stored. */
  smolder_flame_graph_set_zoom_root (graph, 12345);
  g_assert_cmpuint (zoom_of (f), ==, 0);
  smolder_flame_graph_set_call_tree (graph, f->tree);
  drain ();
}

/* --- where the user was, across trees (values by hand from `go tool pprof
 * -traces` / `-top -unit=B` on leaky-service/series/heap-{02,11}.pb.gz) --- */

static SmolderCallTree *
heap_tree (SmolderProfile     *p,
           const char         *type,
           SmolderGranularity  granularity,
           const char         *ignore)
{
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(GError) error = NULL;
  SmolderCallTree *tree;
  guint index = G_MAXUINT;

  for (guint i = 0; i < smolder_profile_get_n_sample_types (p); i++)
    if (g_str_equal (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, i)->type), type))
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);
  smolder_query_set_sample_index (q, index);
  smolder_query_set_granularity (q, granularity);
  if (ignore != NULL)
    g_assert_true (smolder_query_set_ignore (q, ignore, NULL));
  tree = smolder_call_tree_new (p, q, NULL, &error);
  g_assert_no_error (error);
  return tree;
}

static const char *
zoom_name (SmolderFlameGraph *graph)
{
  return smolder_call_tree_get_name (smolder_flame_graph_get_call_tree (graph),
                                     smolder_flame_graph_get_zoom_root (graph));
}

static gint64
zoom_total (SmolderFlameGraph *graph)
{
  return smolder_call_tree_get_total (smolder_flame_graph_get_call_tree (graph),
                                      smolder_flame_graph_get_zoom_root (graph));
}

static void
test_keeps_place (Fixture       *f,
                  gconstpointer  data)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  g_autoptr(SmolderProfile) p = tb_load ("leaky-service/series/heap-11.pb.gz");
  g_autoptr(SmolderCallTree) inuse = heap_tree (p, "inuse_space", SMOLDER_GRANULARITY_FUNCTIONS, NULL);
  g_autoptr(SmolderCallTree) alloc = heap_tree (p, "alloc_space", SMOLDER_GRANULARITY_FUNCTIONS, NULL);
  g_autoptr(SmolderCallTree) ignored = heap_tree (p, "inuse_space", SMOLDER_GRANULARITY_FUNCTIONS, "registerSession");
  g_autoptr(SmolderCallTree) lines = heap_tree (p, "inuse_space", SMOLDER_GRANULARITY_LINES, NULL);
  const char * const session[] = { "main.main.func1.1", "main.registerSession", NULL };
  g_auto(GStrv) path = NULL;
  g_autofree char *tip = NULL;
  guint32 node;

  smolder_flame_graph_set_call_tree (graph, inuse);
  drain ();

  /* The user zooms into main.registerSession (38422722 + 786695 + 524320 B
   * in use, all under main.main.func1.1) and points at it. */
  node = smolder_call_tree_find_path (inuse, session, 2, NULL);
  click (f, node);
  g_assert_cmpuint (zoom_of (f), ==, node);
  hover (f, node);
  tip = g_strdup (gtk_widget_get_tooltip_text (f->graph));
  g_assert_true (g_str_has_prefix (tip, "main.registerSession\n"));
  /* 39733737 B = 37.9 MiB, of 66459896 B in use: 59.79%. */
  g_assert_nonnull (strstr (tip, "\nSelf: 37.9 MiB (39,733,737 B) · 59.79% of total\nTotal: 37.9 MiB (39,733,737 B) · 59.79% of total, 100% of zoomed"));
  g_clear_pointer (&tip, g_free);

  /* inuse_space -> alloc_space: still there (+ 524392 + 524296 B freed). */
  smolder_flame_graph_set_call_tree (graph, alloc);
  g_assert_cmpstr (zoom_name (graph), ==, "main.registerSession");
  g_assert_cmpint (zoom_total (graph), ==, 40782425);
  g_assert_cmpuint (focus_of (f), ==, zoom_of (f));
  path = smolder_flame_graph_get_zoom_path (graph);
  g_assert_cmpstrv (path, session);
  g_clear_pointer (&path, g_strfreev);
  /* Hover is another tree's node: cleared with its tooltip. */
  g_assert_cmpuint (smolder_flame_graph_get_hover_node (graph), ==, SMOLDER_NO_ID);
  g_assert_null (gtk_widget_get_tooltip_text (f->graph));
  drain ();
  g_assert_nonnull (smolder_flame_layout_lookup (smolder_flame_graph_get_layout (graph), zoom_of (f)));

  /* A filter that removes it (-ignore=registerSession): the nearest
   * ancestor left, main.main.func1.1 with 19907879 B. */
  smolder_flame_graph_set_call_tree (graph, inuse);
  smolder_flame_graph_set_call_tree (graph, ignored);
  g_assert_cmpstr (zoom_name (graph), ==, "main.main.func1.1");
  g_assert_cmpint (zoom_total (graph), ==, 19907879);
  g_assert_cmpstr (smolder_call_tree_get_name (ignored, focus_of (f)), ==, "main.main.func1.1");

  /* Functions -> Lines: registerSession is called from main.go:99 only; its
   * heavier line is main.go:38 (38422722 + 524320 B). */
  smolder_flame_graph_set_call_tree (graph, inuse);
  g_assert_cmpuint (smolder_flame_graph_set_zoom_path (graph, session), ==, 2);
  smolder_flame_graph_set_call_tree (graph, lines);
  g_assert_cmpstr (zoom_name (graph), ==, "main.registerSession leaky/main.go:38");
  g_assert_cmpint (zoom_total (graph), ==, 38947042);
  path = smolder_flame_graph_get_zoom_path (graph);
  g_assert_cmpstr (path[0], ==, "main.main.func1.1 leaky/main.go:99");
  g_clear_pointer (&path, g_strfreev);
  /* ... and back to Functions. */
  smolder_flame_graph_set_call_tree (graph, inuse);
  g_assert_cmpstr (zoom_name (graph), ==, "main.registerSession");

  smolder_flame_graph_set_call_tree (graph, f->tree);
  drain ();
}

static void
follow_zoom_cb (SmolderFlameGraph *leader,
                SmolderFlameGraph *follower)
{
  g_auto(GStrv) path = smolder_flame_graph_get_zoom_path (leader);

  smolder_flame_graph_set_zoom_path (follower, (const char * const *) path);
}

static void
follow_focus_cb (SmolderFlameGraph *leader,
                 GParamSpec        *pspec,
                 SmolderFlameGraph *follower)
{
  g_auto(GStrv) path = smolder_flame_graph_get_focus_path (leader);

  smolder_flame_graph_set_focus_path (follower, (const char * const *) path);
}

static void
count_cb (SmolderFlameGraph *graph,
          guint             *count)
{
  (*count)++;
}

/* Two snapshots of the leak side by side: the second graph follows the
 * first's zoom through "zoom-changed" and the paths of frame names. */
static void
test_zoom_in_step (Fixture       *f,
                   gconstpointer  data)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  g_autoptr(SmolderProfile) p02 = tb_load ("leaky-service/series/heap-02.pb.gz");
  g_autoptr(SmolderProfile) p11 = tb_load ("leaky-service/series/heap-11.pb.gz");
  g_autoptr(SmolderCallTree) early = heap_tree (p02, "inuse_space", SMOLDER_GRANULARITY_FUNCTIONS, NULL);
  g_autoptr(SmolderCallTree) late = heap_tree (p11, "inuse_space", SMOLDER_GRANULARITY_FUNCTIONS, NULL);
  const char * const session[] = { "main.main.func1.1", "main.registerSession", NULL };
  GtkWidget *window = gtk_window_new ();
  SmolderFlameGraph *other = SMOLDER_FLAME_GRAPH (smolder_flame_graph_new ());
  g_auto(GStrv) path = NULL;
  guint leader_zooms = 0, follower_zooms = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (other));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_allocated (GTK_WIDGET (other));
  smolder_flame_graph_set_call_tree (graph, late);
  smolder_flame_graph_set_call_tree (other, early);
  drain ();

  g_signal_connect (graph, "zoom-changed", G_CALLBACK (follow_zoom_cb), other);
  g_signal_connect (graph, "notify::focus-node", G_CALLBACK (follow_focus_cb), other);
  g_signal_connect (graph, "zoom-changed", G_CALLBACK (count_cb), &leader_zooms);
  g_signal_connect (other, "zoom-changed", G_CALLBACK (count_cb), &follower_zooms);

  /* A click on main.registerSession in heap-11: heap-02 zooms to its own
   * (7893061 B there, pprof -top). */
  click (f, smolder_call_tree_find_path (late, session, 2, NULL));
  g_assert_cmpuint (leader_zooms, ==, 1);
  g_assert_cmpstr (zoom_name (other), ==, "main.registerSession");
  g_assert_cmpint (zoom_total (other), ==, 7893061);
  path = smolder_flame_graph_get_zoom_path (other);
  g_assert_cmpstrv (path, session);
  g_clear_pointer (&path, g_strfreev);
  path = smolder_flame_graph_get_focus_path (other);
  g_assert_cmpstrv (path, session);
  g_clear_pointer (&path, g_strfreev);

  /* A key: Escape zooms out one level, in both. */
  press_key (f->graph, GDK_KEY_Escape, 0);
  g_assert_cmpuint (leader_zooms, ==, 2);
  g_assert_cmpstr (zoom_name (other), ==, "main.main.func1.1");
  g_assert_cmpint (zoom_total (other), ==, 13688311);

  /* The next search match outside the zoom zooms out, in both. */
  {
    g_autoptr(GRegex) regex = g_regex_new ("^runtime\\.malg$", 0, 0, NULL);

    smolder_flame_graph_set_search (graph, regex, NULL);
    g_assert_true (smolder_flame_graph_focus_next_match (graph));
    g_assert_cmpuint (leader_zooms, ==, 3);
    g_assert_cmpuint (smolder_flame_graph_get_zoom_root (other), ==, 0);
  }

  /* Following is not zooming: the follower never echoes. */
  g_assert_cmpuint (follower_zooms, ==, 0);

  g_signal_handlers_disconnect_by_data (graph, other);
  g_signal_handlers_disconnect_by_data (graph, &leader_zooms);
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
  smolder_flame_graph_set_call_tree (graph, f->tree);
  drain ();
}

static GskRenderNode *
first_cairo_node (GskRenderNode *node)
{
  if (node == NULL)
    return NULL;
  if (gsk_render_node_get_node_type (node) == GSK_CAIRO_NODE)
    return node;
  if (gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      {
        GskRenderNode *found = first_cairo_node (gsk_container_node_get_child (node, i));

        if (found != NULL)
          return found;
      }
  return NULL;
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The pixel at (@x, @y) of @node rendered by the window's renderer. */
static guint32
pixel_at (GtkWidget     *widget,
          GskRenderNode *node,
          int            x,
          int            y)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_autofree guchar *data = g_malloc (4 * w * h);

  gdk_texture_download (texture, data, 4 * w);
  return *(guint32 *) (data + 4 * (y * w + x)) & 0xffffff;
}

static guint32
expected_fill (const char *name)
{
  SmolderFrameColor c;

  smolder_palette_color_for_name (name, FALSE, &c);
  return ((guint32) (c.fill.red * 255 + 0.5) << 16) | ((guint32) (c.fill.green * 255 + 0.5) << 8) |
         (guint32) (c.fill.blue * 255 + 0.5);
}

static gboolean
close_rgb (guint32 a,
           guint32 b)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 2)
      return FALSE;
  return TRUE;
}

static void
test_cached_frame (Fixture       *f,
                   gconstpointer  data)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  g_autoptr(GskRenderNode) first = snapshot_widget (f->graph);
  g_autoptr(GskRenderNode) hovered = NULL;
  g_autoptr(GskRenderNode) searched = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^main\\.b$", 0, 0, NULL);
  double x, y;
  guint32 px;

  /* The bars as painted: main.b in its package colour. */
  center_of (f, ff_node (f->tree, "main.b"), &x, &y);
  px = pixel_at (f->graph, first, (int) x, (int) y);
  if (!close_rgb (px, expected_fill ("main.b")))
    g_error ("main.b drawn as %06x, expected %06x", px, expected_fill ("main.b"));

  /* Hover draws on top of the same cached frame. */
  hover (f, ff_node (f->tree, "main.b"));
  hovered = snapshot_widget (f->graph);
  g_assert_nonnull (first_cairo_node (first));
  g_assert_true (first_cairo_node (hovered) == first_cairo_node (first));
  g_assert_false (close_rgb (pixel_at (f->graph, hovered, (int) x, (int) y), px));

  /* A search repaints: main.b keeps its colour, main.a is dimmed. */
  smolder_flame_graph_set_search (graph, regex, NULL);
  searched = snapshot_widget (f->graph);
  g_assert_true (first_cairo_node (searched) != first_cairo_node (first));
  center_of (f, ff_node (f->tree, "main.a"), &x, &y);
  g_assert_false (close_rgb (pixel_at (f->graph, searched, (int) x, (int) y), expected_fill ("main.a")));
}

/* Enter in the search entry moves the current frame while the entry keeps
 * the keyboard: the new frame is outlined all the same. */
static void
test_next_match_shown (Fixture       *f,
                       gconstpointer  data)
{
  SmolderFlameGraph *graph = SMOLDER_FLAME_GRAPH (f->graph);
  g_autoptr(GRegex) regex = g_regex_new ("^main\\.b$", 0, 0, NULL);
  g_autoptr(GskRenderNode) before = NULL;
  g_autoptr(GskRenderNode) after = NULL;
  SmolderFlameLayout *layout;
  const SmolderFlameRect *r;
  guint32 b = ff_node (f->tree, "main.b");
  int x, y;

  /* The keyboard is elsewhere (the search entry, in the app). */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  drain ();
  g_assert_false (gtk_widget_has_focus (f->graph));
  smolder_flame_graph_set_search (graph, regex, NULL);
  before = snapshot_widget (f->graph);

  g_assert_true (smolder_flame_graph_focus_next_match (graph));
  g_assert_cmpuint (focus_of (f), ==, b);
  after = snapshot_widget (f->graph);

  /* A pixel on main.b's outline, its left edge mid-row. */
  layout = smolder_flame_graph_get_layout (graph);
  r = smolder_flame_layout_lookup (layout, b);
  g_assert_nonnull (r);
  x = (int) r->x;
  y = (int) smolder_flame_layout_get_row_y (layout, r->row) + 9;
  g_assert_false (close_rgb (pixel_at (f->graph, after, x, y), pixel_at (f->graph, before, x, y)));
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

  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/smolder/flame-graph/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("hover-tooltip", test_hover_tooltip);
  ADD ("hover-fixture", test_hover_fixture);
  ADD ("click-zoom", test_click_zoom);
  ADD ("keyboard", test_keyboard);
  ADD ("focus-scrolls", test_focus_scrolls);
  ADD ("search", test_search);
  ADD ("actions", test_actions);
  ADD ("new-tree-resets", test_new_tree_resets);
  ADD ("keeps-place", test_keeps_place);
  ADD ("zoom-in-step", test_zoom_in_step);
  ADD ("cached-frame", test_cached_frame);
  ADD ("next-match-shown", test_next_match_shown);
#undef ADD

  return g_test_run ();
}
