/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-viewer.c: the profile view as a user meets it under Xvfb: the
 * orientation (root at the top by default, remembered) and the scrollbar
 * of a graph deeper than the view. */

#include <string.h>

#include "smolder-application.h"
#include "smolder-load.h"
#include "smolder-profile-view.h"
#include "smolder-top-item.h"
#include "smolder-window.h"
#include "ui-test-page.h"

#include <gdk/x11/gdkx.h>

static SmolderFlameGraph *
graph_of (SmolderProfileView *view)
{
  return smolder_flame_view_get_flame_graph (smolder_profile_view_get_flame_view (view));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkToggleButton *
toggle_labelled (SmolderProfileView *view,
                 const char         *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (view), label);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return GTK_TOGGLE_BUTTON (button);
}

static gboolean
drawn (gpointer data)
{
  return smolder_flame_graph_get_layout (data) != NULL;
}

/* pprof's web UI puts the root at the top; a user who turns that off
 * finds it off in the next tab and the next session (GSettings). */
static void
test_orientation (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  GtkToggleButton *icicle = toggle_labelled (view, "Ic_icle");
  SmolderFlameLayout *layout;

  g_assert_true (gtk_toggle_button_get_active (icicle));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (icicle)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (toggle_labelled (view, "_Inverted"))));
  g_assert_cmpint (smolder_flame_graph_get_orientation (graph_of (view)), ==, SMOLDER_FLAME_ORIENTATION_ICICLE);
  /* The root row is the first below the toolbar, not at the bottom of an
   * empty canvas. */
  wait_until (drawn, graph_of (view));
  layout = smolder_flame_graph_get_layout (graph_of (view));
  g_assert_cmpfloat (smolder_flame_layout_get_row_y (layout, 0), ==, 0);

  gtk_toggle_button_set_active (icicle, FALSE);
  g_assert_cmpint (smolder_flame_graph_get_orientation (graph_of (view)), ==, SMOLDER_FLAME_ORIENTATION_FLAME);
  ui_test_close_view (view, window);

  view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  g_assert_false (gtk_toggle_button_get_active (toggle_labelled (view, "Ic_icle")));
  g_assert_cmpint (smolder_flame_graph_get_orientation (graph_of (view)), ==, SMOLDER_FLAME_ORIENTATION_FLAME);
  gtk_toggle_button_set_active (toggle_labelled (view, "Ic_icle"), TRUE);
  ui_test_close_view (view, window);
}

static gboolean
scrollbar_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The compiler's CPU profile is ~60 frames deep: a 400 px high window
 * shows part of it and a scrollbar; dragging it to the end shows the
 * deepest row and no longer the root. A shallow heap needs none. */
static void
test_scrollbar (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("go-toolchain/compile-nethttp-cpu.pb.gz", 1000, 400, &window);
  SmolderFlameGraph *graph = graph_of (view);
  GtkWidget *bar = find_descendant (GTK_WIDGET (smolder_profile_view_get_flame_view (view)), GTK_TYPE_SCROLLBAR, NULL);
  GtkAdjustment *adj;
  SmolderFlameLayout *layout;
  guint depth = smolder_call_tree_get_max_depth (smolder_flame_graph_get_call_tree (graph));
  double rh;

  g_assert_nonnull (bar);
  wait_until (scrollbar_shown, bar);
  wait_until (drawn, graph);
  adj = gtk_scrollbar_get_adjustment (GTK_SCROLLBAR (bar));
  rh = smolder_flame_layout_get_params (smolder_flame_graph_get_layout (graph))->row_height;
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), ==, (depth + 1) * rh);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adj), ==, gtk_widget_get_height (GTK_WIDGET (graph)));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  wait_until (drawn, graph);
  layout = smolder_flame_graph_get_layout (graph);
  g_assert_cmpfloat (smolder_flame_layout_get_row_y (layout, 0), <, 0);
  g_assert_cmpfloat (smolder_flame_layout_get_row_y (layout, depth) + rh, <=, gtk_widget_get_height (GTK_WIDGET (graph)) + 0.5);
  g_assert_cmpfloat (smolder_flame_layout_get_row_y (layout, depth), >=, 0);

  /* Flame: the deepest rows stay in view, now at the top of the bar; its
   * end shows the root at the bottom of the view. */
  gtk_toggle_button_set_active (toggle_labelled (view, "Ic_icle"), FALSE);
  wait_until (drawn, graph);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  wait_until (drawn, graph);
  layout = smolder_flame_graph_get_layout (graph);
  g_assert_cmpfloat (smolder_flame_layout_get_row_y (layout, 0) + rh, ==, gtk_widget_get_height (GTK_WIDGET (graph)));
  g_assert_cmpfloat (smolder_flame_layout_get_row_y (layout, depth), <, 0);
  gtk_toggle_button_set_active (toggle_labelled (view, "Ic_icle"), TRUE);
  ui_test_close_view (view, window);

  view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 900, &window);
  bar = find_descendant (GTK_WIDGET (smolder_profile_view_get_flame_view (view)), GTK_TYPE_SCROLLBAR, NULL);
  wait_until (drawn, graph_of (view));
  g_assert_false (gtk_widget_get_visible (bar));
  ui_test_close_view (view, window);
}

/* A delta profile of a quiet interval (heap-delta-5s: 0 samples, as
 * `go tool pprof -raw` lists them) says so, not that filters hid it. */
static void
test_empty_delta (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/heap-delta-5s.pb.gz", 1000, 700, &window);
  AdwStatusPage *status = ADW_STATUS_PAGE (find_descendant (GTK_WIDGET (smolder_profile_view_get_flame_view (view)),
                                                            ADW_TYPE_STATUS_PAGE, NULL));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "holds no samples"));
  g_assert_null (strstr (adw_status_page_get_description (status), "filter"));
  ui_test_close_view (view, window);
}

static gboolean
callees_shown (gpointer data)
{
  return !smolder_query_view_get_busy (data)
         && smolder_flame_graph_get_call_tree (smolder_callers_view_get_callees_graph (data)) != NULL;
}

/* Under a focus filter the tooltip gives both bases and the exact bytes:
 * go tool pprof -sample_index=alloc_space -focus=registerSession -unit=B
 * heap-00: 1052677 B of 9986482 B total = 10.54 %. */
static void
test_percent_bases (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  GtkDropDown *types = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL));
  SmolderFlameGraph *graph = graph_of (view);
  g_autofree char *tip = NULL;
  guint alloc_space;

  g_assert_true (smolder_profile_lookup_sample_index (smolder_profile_view_get_profile (view),
                                                      "alloc_space", &alloc_space, NULL));
  gtk_drop_down_set_selected (types, alloc_space);
  wait_until (ui_test_view_settled, view);
  tip = smolder_flame_graph_describe_node (graph, 0);
  g_assert_nonnull (strstr (tip, "\nTotal: 9.52 MiB (9,986,482 B) · 100% of total"));
  g_assert_null (strstr (tip, "of shown"));
  g_clear_pointer (&tip, g_free);

  g_assert_true (smolder_profile_view_add_filter (view, SMOLDER_FILTER_FOCUS, "registerSession", NULL));
  wait_until (ui_test_view_settled, view);
  tip = smolder_flame_graph_describe_node (graph, 0);
  if (strstr (tip, "\nTotal: 1.00 MiB (1,052,677 B) · 10.54% of total, 100% of shown (1.00 MiB)") == NULL)
    g_error ("tooltip: %s", tip);
  g_clear_pointer (&tip, g_free);

  /* Callees: shares of the function itself, by name. */
  smolder_profile_view_show_callers (view, "main.registerSession");
  wait_until (callees_shown, smolder_profile_view_get_callers_view (view));
  tip = smolder_flame_graph_describe_node (smolder_callers_view_get_callees_graph (smolder_profile_view_get_callers_view (view)), 0);
  if (strstr (tip, "100% of shown") != NULL || strstr (tip, "100% of main.registerSession (1.00 MiB)") == NULL)
    g_error ("tooltip: %s", tip);
  ui_test_close_view (view, window);
  /* Choosing alloc_space is remembered for heap profiles (last-sample-types):
   * the next tests expect pprof's default again. */
  g_settings_reset (smolder_application_get_settings (SMOLDER_APPLICATION (g_application_get_default ())),
                    "last-sample-types");
}

/* A real click (xdotool, through the X server) on the title of column
 * @title; FALSE without xdotool. */
static gboolean
click_column_title (GtkWidget  *column_view,
                    const char *title)
{
  GType title_type = g_type_from_name ("GtkColumnViewTitle");
  GtkWidget *target = NULL;
  GtkNative *native = gtk_widget_get_native (column_view);
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *command = NULL;
  graphene_point_t p;
  double sx, sy;
  int x, y;

  if (xdotool == NULL)
    return FALSE;
  for (GtkWidget *w = find_descendant (column_view, title_type, NULL); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (find_label (w, title) != NULL && g_str_equal (gtk_label_get_text (GTK_LABEL (find_label (w, title))), title))
      target = w;
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_compute_point (target, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (target) / 2.0,
                                                                 gtk_widget_get_height (target) / 2.0), &p));
  gtk_native_get_surface_transform (native, &sx, &sy);
  x = (int) (p.x + sx);
  y = (int) (p.y + sy);
  command = g_strdup_printf ("%s mousemove --sync --window %lu %d %d click 1", xdotool,
                             (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native)), x, y);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  return TRUE;
}

static gboolean
sorted_by_cum (gpointer data)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (data));
  g_autoptr(SmolderTopItem) first = g_list_model_get_item (model, 0);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  return first != NULL && g_str_equal (smolder_top_item_get_name (first), "main.main.func1.1");
}

static gboolean
scrollable (gpointer data)
{
  return gtk_adjustment_get_upper (data) > gtk_adjustment_get_page_size (data) + 1;
}

/* The table back at its top: the view scrolls there once the sorted rows
 * are laid out, which a loaded machine may take a few frames to do. GTK
 * 4.8's list places rows by estimated heights until it has measured them;
 * on a loaded machine the first row can end a few pixels under the
 * header (5 px seen): still the first row in view, less than half a row
 * (22 px) off. */
static gboolean
at_top (gpointer data)
{
  return gtk_adjustment_get_value (data) < 11;
}

static gboolean
top_filled (gpointer data)
{
  return find_descendant (data, GTK_TYPE_INSCRIPTION, "83.44%") != NULL;
}

/* Top as `go tool pprof -top -unit=B heap-00`: sum% runs 33.24%, 50.32%,
 * 66.88%, 83.44%, 100%; the first click on Cum puts the largest cum first
 * (main.main.func1.1, pprof -top -cum) and the list back at its top. */
static void
test_top_table (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 260, &window);
  SmolderTopView *top = smolder_profile_view_get_top_view (view);
  GtkWidget *column_view;
  GtkAdjustment *vadj;
  g_autoptr(SmolderTopItem) first = NULL;
  GtkSelectionModel *model;

  smolder_profile_view_set_visible_view (view, "top");
  wait_until (ui_test_view_settled, view);
  wait_until (top_filled, top);
  g_assert_nonnull (find_descendant (GTK_WIDGET (top), GTK_TYPE_INSCRIPTION, "50.32%"));
  /* Inverted and Icicle change nothing here. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (toggle_labelled (view, "_Inverted"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (toggle_labelled (view, "Ic_icle"))));
  g_assert_nonnull (find_descendant (GTK_WIDGET (top), GTK_TYPE_INSCRIPTION, "33.24%"));

  column_view = find_descendant (GTK_WIDGET (top), GTK_TYPE_COLUMN_VIEW, NULL);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  wait_until (scrollable, vadj);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);

  if (!click_column_title (column_view, "Cum"))
    {
      g_test_skip ("no xdotool");
      ui_test_close_view (view, window);
      return;
    }
  wait_until (sorted_by_cum, column_view);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (smolder_top_item_get_name (first), ==, "main.main.func1.1");
  wait_until (at_top, vadj);

  /* Search: 6 of pprof's 15 rows name a regexp function; Enter stays in
   * Top and goes to them. */
  smolder_profile_view_set_search_text (view, "regexp");
  wait_until (ui_test_view_settled, view);
  g_assert_cmpuint (g_list_model_get_n_items (smolder_top_view_get_model (top)), ==, 6);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "6 of 15 rows match"));
  /* The user reads the rows before pressing Enter. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_emit_by_name (find_descendant (find_descendant (GTK_WIDGET (view), GTK_TYPE_SEARCH_BAR, NULL),
                                          GTK_TYPE_SEARCH_ENTRY, NULL), "activate");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (smolder_profile_view_get_visible_view (view), ==, "top");
  if (!gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), column_view))
    g_error ("focus on %s", G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))));
  smolder_profile_view_set_search_text (view, "");
  g_assert_cmpuint (g_list_model_get_n_items (smolder_top_view_get_model (top)), ==, 15);
  ui_test_close_view (view, window);
}

/* The row menu (Menu key) closed with Esc gives the focus back to the row
 * it was opened on, so the next Enter acts there, not on whatever button
 * GTK would pick. */
static void
test_menu_focus (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  SmolderTopView *top = smolder_profile_view_get_top_view (view);
  GtkWidget *column_view, *focus, *popover;

  smolder_profile_view_set_visible_view (view, "top");
  wait_until (top_filled, top);
  column_view = find_descendant (GTK_WIDGET (top), GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_true (smolder_top_view_focus_rows (top));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, column_view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (top), "top.context-menu", NULL));
  popover = find_descendant (GTK_WIDGET (top), GTK_TYPE_POPOVER_MENU, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), popover));
  /* What Esc does in a popover. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (gtk_root_get_focus (GTK_ROOT (window)) != focus)
    g_error ("focus on %s", gtk_root_get_focus (GTK_ROOT (window)) != NULL
                            ? G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))) : "nothing");
  ui_test_close_view (view, window);
}

static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Filter… opens on its text entry; Enter adds the filter. */
static void
test_filter_entry (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  GtkWidget *button = find_menu_button (GTK_WIDGET (view), "_Filter…");
  GtkPopover *popover;
  GtkWidget *focus;

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_ENTRY (gtk_widget_get_parent (focus)));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)));

  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_parent (focus)), "registerSession");
  g_signal_emit_by_name (gtk_widget_get_parent (focus), "activate");
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (smolder_profile_view_get_filters (view)), ==, 1);
  g_assert_cmpstr (smolder_filter_stack_get_regex (smolder_profile_view_get_filters (view), 0), ==, "registerSession");
  wait_until (ui_test_view_settled, view);

  /* Ctrl+Z takes it away, Ctrl+Shift+Z (view.redo-filter) brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.undo-filter", NULL));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (smolder_profile_view_get_filters (view)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.redo-filter", NULL));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (smolder_profile_view_get_filters (view)), ==, 1);
  g_assert_cmpstr (smolder_filter_stack_get_regex (smolder_profile_view_get_filters (view), 0), ==, "registerSession");
  g_assert_false (smolder_filter_stack_can_redo (smolder_profile_view_get_filters (view)));
  /* A new change after an undo: nothing left to redo. */
  g_assert_true (smolder_filter_stack_undo (smolder_profile_view_get_filters (view)));
  g_assert_true (smolder_profile_view_add_filter (view, SMOLDER_FILTER_IGNORE, "cpuWork", NULL));
  g_assert_false (smolder_filter_stack_can_redo (smolder_profile_view_get_filters (view)));
  wait_until (ui_test_view_settled, view);
  ui_test_close_view (view, window);
}

static gboolean
tab_bar_height_is (gpointer data)
{
  GtkWidget *bar = data;
  int want = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (bar), "want-shown"));

  return want ? gtk_widget_get_height (bar) > 0 : gtk_widget_get_height (bar) == 0;
}

static gboolean
laid_out (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_height (data) > 0;
}

/* The tab bar shows with two tabs, not one, as in other GNOME apps. */
static void
test_tab_bar (gconstpointer data)
{
  SmolderApplication *app = SMOLDER_APPLICATION ((gpointer) data);
  g_autoptr(GFile) a = data_file ("leaky-service/series/heap-00.pb.gz");
  g_autoptr(GFile) b = data_file ("leaky-service/series/heap-01.pb.gz");
  SmolderWindow *window = g_object_ref (smolder_window_new (app));
  GtkWidget *bar, *page;

  gtk_window_present (GTK_WINDOW (window));
  page = GTK_WIDGET (smolder_window_open_file (window, a));
  bar = find_descendant (GTK_WIDGET (window), ADW_TYPE_TAB_BAR, NULL);
  /* Laid out with its one tab: no bar. */
  wait_until (laid_out, page);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (gtk_widget_get_height (bar), ==, 0);
  smolder_window_open_file (window, b);
  g_object_set_data (G_OBJECT (bar), "want-shown", GINT_TO_POINTER (TRUE));
  wait_until (tab_bar_height_is, bar);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (window);
}

/* Alt+2 and Alt+1 (the view's key bindings) put the keyboard in the view. */
static void
test_view_keys (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  GtkWidget *column_view = find_descendant (GTK_WIDGET (smolder_profile_view_get_top_view (view)),
                                            GTK_TYPE_COLUMN_VIEW, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (toggle_labelled (view, "_Inverted")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.show-view", "s", "top"));
  wait_until (top_filled, smolder_profile_view_get_top_view (view));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), column_view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.show-view", "s", "flame"));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (graph_of (view)));
  ui_test_close_view (view, window);
}

/* The frame picked with the arrow keys is named with its values under
 * the graph (root: 3166711 B, pprof -top -unit=B heap-00's total). */
static void
test_focus_status (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  SmolderFlameGraph *graph = graph_of (view);
  GtkWidget *flame = GTK_WIDGET (smolder_profile_view_get_flame_view (view));

  g_assert_null (find_label (flame, "of total"));
  smolder_flame_graph_set_focus_node (graph, 0);
  g_assert_nonnull (find_label (flame, "Total: 3.02 MiB (3,166,711 B) · 100% of total"));
  g_assert_true (gtk_widget_get_visible (find_label (flame, "100% of total")));
  smolder_flame_graph_set_focus_node (graph, SMOLDER_NO_ID);
  g_assert_null (find_label (flame, "of total"));
  ui_test_close_view (view, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-viewer-XXXXXX");
  g_autoptr(SmolderApplication) app = NULL;
  int status;

  if (home == NULL)
    return 0;
  /* The settings the views remember their choices in. */
  app = smolder_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_nonnull (smolder_application_get_settings (app));

  g_test_add_func ("/smolder/viewer/orientation", test_orientation);
  g_test_add_func ("/smolder/viewer/scrollbar", test_scrollbar);
  g_test_add_func ("/smolder/viewer/empty-delta", test_empty_delta);
  g_test_add_func ("/smolder/viewer/percent-bases", test_percent_bases);
  g_test_add_func ("/smolder/viewer/top-table", test_top_table);
  g_test_add_func ("/smolder/viewer/menu-focus", test_menu_focus);
  g_test_add_func ("/smolder/viewer/filter-entry", test_filter_entry);
  g_test_add_data_func ("/smolder/viewer/tab-bar", app, test_tab_bar);
  g_test_add_func ("/smolder/viewer/view-keys", test_view_keys);
  g_test_add_func ("/smolder/viewer/focus-status", test_focus_status);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
