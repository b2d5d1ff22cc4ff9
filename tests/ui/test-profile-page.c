/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-profile-page.c: the profile page under Xvfb: the flame graph's tree
 * from its worker, search, filters as chips with undo, the jumps between
 * views, export, and merging the open tabs. Numbers are go tool pprof's
 * (Go 1.19.8) for the same fixtures. */

#include <string.h>

#include "smolder-application.h"
#include "smolder-load.h"
#include "smolder-profile-page.h"
#include "smolder-top-item.h"
#include "smolder-window.h"
#include "ui-test-page.h"

#define VIEW(page) smolder_profile_page_get_profile_view (page)
#define FILTERS(page) smolder_profile_view_get_filters (VIEW (page))

/* The regex of filter @index and its mode. */
static const char *
page_filter (SmolderProfilePage *page,
             guint               index,
             SmolderFilterMode  *out_mode)
{
  *out_mode = smolder_filter_stack_get_mode (FILTERS (page), index);
  return smolder_filter_stack_get_regex (FILTERS (page), index);
}

/* Loaded and every view computed for the current query, rows all in. */
static gboolean
page_settled (gpointer data)
{
  SmolderProfilePage *page = data;

  return !smolder_profile_page_get_busy (page)
         && smolder_page_get_profile (SMOLDER_PAGE (page)) != NULL
         && smolder_top_view_get_top (smolder_profile_view_get_top_view (VIEW (page))) != NULL;
}

static guint
default_sample_index (SmolderProfilePage *page)
{
  return smolder_profile_get_default_sample_index (smolder_page_get_profile (SMOLDER_PAGE (page)));
}

static gboolean
not_loading (gpointer data)
{
  return !smolder_page_get_loading (SMOLDER_PAGE (data));
}

/* While a file loads, a progress bar (pulsing until the decoder reports)
 * and Cancel; at the end the bar is full. */
static void
test_load_progress (void)
{
  g_autoptr(GFile) file = data_file ("leaky-service/goroutine-debug2.txt");
  SmolderProfilePage *page = g_object_ref_sink (smolder_profile_page_new (file));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *bar;
  GtkWidget *cancel;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  smolder_profile_page_load (page);
  g_assert_true (smolder_page_get_loading (SMOLDER_PAGE (page)));

  bar = find_descendant (GTK_WIDGET (page), GTK_TYPE_PROGRESS_BAR, NULL);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_is_drawable (bar) || !gtk_widget_get_mapped (window));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), ==, 0.0);
  cancel = gtk_widget_get_next_sibling (bar);
  g_assert_true (GTK_IS_BUTTON (cancel));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (cancel)), ==, "page.cancel");

  wait_until (page_settled, page);
  g_assert_nonnull (smolder_page_get_profile (SMOLDER_PAGE (page)));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), ==, 1.0);
  g_assert_false (gtk_widget_get_mapped (bar));

  /* Reload, and Cancel (the button's action) before the worker is done:
   * the tab says so, and nothing else changes. */
  smolder_profile_page_load (page);
  g_assert_true (smolder_page_get_loading (SMOLDER_PAGE (page)));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), ==, 0.0);
  g_assert_true (gtk_widget_activate_action (cancel, "page.cancel", NULL));
  wait_until (not_loading, page);
  g_assert_null (smolder_page_get_profile (SMOLDER_PAGE (page)));
  g_assert_error (smolder_page_get_error (SMOLDER_PAGE (page)), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (gtk_widget_get_mapped (bar));
  g_assert_false (gtk_widget_is_sensitive (cancel) && gtk_widget_get_mapped (cancel));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (page);
}

/* The toolbar's toggle button labelled @label, as a user finds it. */
static GtkToggleButton *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_TOGGLE_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* go tool pprof -top: 800ms total; -focus=regexp: 320ms, 40.00% of it.
 * The search "regexp" highlights 14 nodes top down and 70 inverted: the
 * distinct call paths (from the root, or from the leaf) ending in a
 * function matching it, counted from `go tool pprof -traces` by
 * tests/ui/pprof-search-nodes.py (run it with the fixture and "regexp"). */
static void
test_flame_and_search (void)
{
  GtkWidget *window;
  SmolderProfilePage *page = ui_test_open_page ("leaky-service/cpu-10s.pb.gz", page_settled, &window);
  SmolderFlameView *flame = smolder_profile_view_get_flame_view (VIEW (page));
  SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (flame);
  SmolderCallTree *tree = smolder_flame_view_get_call_tree (flame);
  SmolderProfile *profile = smolder_page_get_profile (SMOLDER_PAGE (page));
  SmolderFlameSearch *search;

  g_assert_cmpstr (smolder_profile_view_get_visible_view (VIEW (page)), ==, "flame");
  g_assert_nonnull (tree);
  g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==,
                   smolder_profile_get_total (profile, default_sample_index (page)));
  g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==, 800 * G_TIME_SPAN_MILLISECOND * 1000);

  smolder_profile_view_set_search_text (VIEW (page), "regexp");
  /* The matches are found on a worker. */
  g_assert_true (smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (flame)));
  wait_until (page_settled, page);
  g_assert_cmpuint (smolder_flame_view_get_n_matches (flame), ==, 14);
  search = smolder_flame_graph_get_search (graph);
  g_assert_nonnull (search);
  g_assert_cmpint (smolder_flame_search_get_matched_total (search), ==, 320 * G_TIME_SPAN_MILLISECOND * 1000);
  g_assert_cmpfloat_with_epsilon (smolder_flame_view_get_match_fraction (flame), 0.40, 1e-9);

  /* Enter: the next match gets the focus, and it matches. */
  smolder_flame_view_focus_next_match (flame);
  {
    guint32 node = smolder_flame_graph_get_focus_node (graph);

    g_assert_cmpuint (node, !=, SMOLDER_NO_ID);
    g_assert_true (g_regex_match_simple ("regexp", smolder_call_tree_get_name (tree, node), 0, 0));
  }

  /* Inverted, for real (the toolbar's button): a new tree, leaves first,
   * and the search stays on it: its own matches, the same share. */
  {
    GtkToggleButton *inverted = find_toggle (GTK_WIDGET (page), "_Inverted");
    SmolderCallTree *inverted_tree;
    guint32 node;

    g_assert_nonnull (inverted);
    gtk_toggle_button_set_active (inverted, TRUE);
    g_assert_true (smolder_query_get_inverted (smolder_profile_view_get_query (VIEW (page))));
    wait_until (page_settled, page);
    inverted_tree = smolder_flame_view_get_call_tree (flame);
    g_assert_true (inverted_tree != tree);
    g_assert_cmpuint (smolder_flame_view_get_n_matches (flame), ==, 70);
    search = smolder_flame_graph_get_search (graph);
    g_assert_nonnull (search);
    g_assert_cmpuint (smolder_flame_search_get_n_matches (search), ==, 70);
    g_assert_cmpint (smolder_flame_search_get_matched_total (search), ==, 320 * G_TIME_SPAN_MILLISECOND * 1000);
    g_assert_cmpfloat_with_epsilon (smolder_flame_view_get_match_fraction (flame), 0.40, 1e-9);
    /* The highlight is on the new tree: the next match is one of its
     * nodes, and matches. */
    smolder_flame_view_focus_next_match (flame);
    node = smolder_flame_graph_get_focus_node (graph);
    g_assert_cmpuint (node, !=, SMOLDER_NO_ID);
    g_assert_cmpuint (node, <, smolder_call_tree_get_n_nodes (inverted_tree));
    g_assert_true (g_regex_match_simple ("regexp", smolder_call_tree_get_name (inverted_tree, node), 0, 0));

    gtk_toggle_button_set_active (inverted, FALSE);
    wait_until (page_settled, page);
    g_assert_cmpuint (smolder_flame_view_get_n_matches (flame), ==, 14);
    tree = smolder_flame_view_get_call_tree (flame);
  }

  /* The search clears. */
  smolder_profile_view_set_search_text (VIEW (page), "");
  g_assert_cmpuint (smolder_flame_view_get_n_matches (flame), ==, 0);
  g_assert_null (smolder_flame_graph_get_search (graph));

  /* Export what is shown, on a worker. */
  {
    g_autofree char *dir = g_dir_make_tmp ("smolder-export-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "flame.svg", NULL);
    g_autoptr(GFile) out = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    smolder_profile_view_export (VIEW (page), out);
    wait_until (ui_test_not_exporting, page);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
    g_unlink (path);
    g_rmdir (dir);
  }

  ui_test_close_page (page, window);
}

typedef struct {
  const char *name;
  gint64 flat;
  gint64 cum;
} Row;

static void
assert_top_rows (SmolderProfilePage *page,
                 const Row          *rows,
                 guint               n_rows)
{
  GListModel *model = smolder_top_view_get_model (smolder_profile_view_get_top_view (VIEW (page)));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(SmolderTopItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (smolder_top_item_get_name (item), ==, rows[i].name);
      g_assert_cmpint (smolder_top_item_get_flat (item), ==, rows[i].flat);
      g_assert_cmpint (smolder_top_item_get_cum (item), ==, rows[i].cum);
    }
}

static guint
n_top_rows (SmolderProfilePage *page)
{
  return g_list_model_get_n_items (smolder_top_view_get_model (smolder_profile_view_get_top_view (VIEW (page))));
}

static GtkWidget *
find_chip (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "smolder-chip"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_chip (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label below @widget whose text is exactly @text. */
static GtkWidget *
chip_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = chip_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_popover_menu (GtkWidget *parent)
{
  for (GtkWidget *c = gtk_widget_get_first_child (parent); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER_MENU (c))
      return c;
  return NULL;
}

/* The menu's items, "label action" in order, sections run together. */
static void
collect_items (GMenuModel *model,
               GString    *out)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;

      if (section != NULL)
        {
          collect_items (section, out);
          continue;
        }
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      g_string_append_printf (out, "%s %s\n", label, action);
    }
}

/* go tool pprof -top -unit=B -focus='^main\.cacheMetadata$' heap-gc.pb.gz:
 *   30912040B 30.08% 30.08%  30912040B 30.08%  main.cacheMetadata
 *           0     0% 30.08%  30912040B 30.08%  main.main.func1.1 */
static const Row focus_rows[] = {
  { "main.cacheMetadata", 30912040, 30912040 },
  { "main.main.func1.1", 0, 30912040 },
};

static void
test_filters (void)
{
  GtkWidget *window;
  SmolderProfilePage *page = ui_test_open_page ("leaky-service/heap-gc.pb.gz", page_settled, &window);
  SmolderFlameView *flame = smolder_profile_view_get_flame_view (VIEW (page));
  g_autofree char *regex = NULL;
  g_autoptr(GError) error = NULL;
  guint n_all = n_top_rows (page);
  SmolderFilterMode mode;
  GtkWidget *chip;

  g_assert_cmpuint (n_all, >, 2);

  /* Names go in escaped and anchored: main.f must not match main.foo. */
  regex = smolder_filter_identity_regex ("main.cacheMetadata");
  g_assert_cmpstr (regex, ==, "^main\\.cacheMetadata$");

  /* From the flame graph's context menu. */
  g_signal_emit_by_name (smolder_flame_view_get_flame_graph (flame), "frame-action",
                         "focus-on", "main.cacheMetadata");
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (FILTERS (page)), ==, 1);
  g_assert_cmpstr (page_filter (page, 0, &mode), ==, "^main\\.cacheMetadata$");
  g_assert_cmpint (mode, ==, SMOLDER_FILTER_FOCUS);
  /* Its chip says the function; the regex is in the tooltip. */
  chip = find_chip (GTK_WIDGET (page));
  g_assert_nonnull (chip);
  g_assert_nonnull (chip_label (chip, "main.cacheMetadata"));
  g_assert_null (chip_label (chip, "^main\\.cacheMetadata$"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (chip), "^main\\.cacheMetadata$"));
  wait_until (page_settled, page);
  assert_top_rows (page, focus_rows, G_N_ELEMENTS (focus_rows));
  /* The flame graph recomputed too. */
  g_assert_cmpint (smolder_call_tree_get_total (smolder_flame_view_get_call_tree (flame), 0), ==, 30912040);

  /* Undo restores. */
  g_assert_true (smolder_profile_view_undo_filter (VIEW (page)));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (FILTERS (page)), ==, 0);
  wait_until (page_settled, page);
  g_assert_cmpuint (n_top_rows (page), ==, n_all);

  /* Typed, from the Top table's menu, the same; a chip's close button
   * removes it, and undo brings it back. */
  g_assert_true (smolder_profile_view_add_filter (VIEW (page), SMOLDER_FILTER_FOCUS, "^main\\.cacheMetadata$", &error));
  g_assert_no_error (error);
  wait_until (page_settled, page);
  assert_top_rows (page, focus_rows, G_N_ELEMENTS (focus_rows));
  chip = find_chip (GTK_WIDGET (page));
  g_assert_nonnull (chip);
  g_assert_nonnull (chip_label (chip, "^main\\.cacheMetadata$"));  /* as typed */
  g_signal_emit_by_name (chip, "clicked");
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (FILTERS (page)), ==, 0);
  g_assert_null (find_chip (GTK_WIDGET (page)));
  wait_until (page_settled, page);
  g_assert_cmpuint (n_top_rows (page), ==, n_all);
  g_assert_true (smolder_profile_view_undo_filter (VIEW (page)));
  wait_until (page_settled, page);
  assert_top_rows (page, focus_rows, G_N_ELEMENTS (focus_rows));
  g_signal_emit_by_name (find_chip (GTK_WIDGET (page)), "clicked");
  wait_until (page_settled, page);

  /* A bad regex changes nothing. */
  g_assert_false (smolder_profile_view_add_filter (VIEW (page), SMOLDER_FILTER_IGNORE, "main.(", &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (FILTERS (page)), ==, 0);

  /* Ignore from the Top table's context menu: the row goes. */
  g_signal_emit_by_name (smolder_profile_view_get_top_view (VIEW (page)), "frame-action",
                         "ignore", "main.cacheMetadata");
  wait_until (page_settled, page);
  {
    GListModel *model = smolder_top_view_get_model (smolder_profile_view_get_top_view (VIEW (page)));

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(SmolderTopItem) item = g_list_model_get_item (model, i);

        g_assert_cmpstr (smolder_top_item_get_name (item), !=, "main.cacheMetadata");
      }
  }
  g_assert_true (smolder_profile_view_undo_filter (VIEW (page)));
  wait_until (page_settled, page);

  /* Double-click in Top: the flame graph, focused on that function. */
  g_signal_emit_by_name (smolder_profile_view_get_top_view (VIEW (page)), "frame-activated",
                         0u, "main.cacheMetadata");
  g_assert_cmpstr (smolder_profile_view_get_visible_view (VIEW (page)), ==, "flame");
  wait_until (page_settled, page);
  {
    SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (flame);
    guint32 node = smolder_flame_graph_get_focus_node (graph);

    g_assert_cmpuint (smolder_flame_view_get_n_matches (flame), >=, 1);
    g_assert_cmpuint (node, !=, SMOLDER_NO_ID);
    g_assert_cmpstr (smolder_call_tree_get_name (smolder_flame_view_get_call_tree (flame), node),
                     ==, "main.cacheMetadata");
  }

  /* Callers/Callees of it: the callers' root is the function, its total
   * pprof's cum. */
  smolder_profile_view_show_callers (VIEW (page), "main.cacheMetadata");
  g_assert_cmpstr (smolder_profile_view_get_visible_view (VIEW (page)), ==, "callers");
  wait_until (page_settled, page);
  {
    SmolderCallersView *callers = smolder_profile_view_get_callers_view (VIEW (page));
    SmolderCallTree *up = smolder_flame_graph_get_call_tree (smolder_callers_view_get_callers_graph (callers));
    SmolderCallTree *down = smolder_flame_graph_get_call_tree (smolder_callers_view_get_callees_graph (callers));

    g_assert_nonnull (up);
    g_assert_nonnull (down);
    g_assert_cmpstr (smolder_call_tree_get_name (up, 0), ==, "main.cacheMetadata");
    g_assert_cmpint (smolder_call_tree_get_total (up, 0), ==, 30912040);
    g_assert_cmpint (smolder_call_tree_get_total (down, 0), ==, 30912040);
    g_assert_cmpstr (smolder_call_tree_get_name (up, smolder_call_tree_get_first_child (up, 0)),
                     ==, "main.main.func1.1");
  }

  ui_test_close_page (page, window);
}

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_height (data) > 0;
}

/* Runs what @widget's key binding for @keyval with @mods does, as the
 * widget's shortcut controller would; FALSE if none is bound. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* go tool pprof -top -show='^main\.cpuWork$' cpu-10s.pb.gz:
 *      460ms 57.50% 57.50%      460ms 57.50%  main.cpuWork
 * (unfiltered its flat is 10ms: show keeps only its own frames). */
static const Row show_rows[] = {
  { "main.cpuWork", 460 * G_TIME_SPAN_MILLISECOND * 1000, 460 * G_TIME_SPAN_MILLISECOND * 1000 },
};

/* The flame graph's menu and the Top table's are one: the same items in
 * the same order. Show only on a frame adds a "show" chip; Menu or
 * Shift+F10 opens the Top table's menu on the selected row. */
static void
test_frame_menus (void)
{
  GtkWidget *window;
  SmolderProfilePage *page = ui_test_open_page ("leaky-service/cpu-10s.pb.gz", page_settled, &window);
  SmolderFlameView *flame = smolder_profile_view_get_flame_view (VIEW (page));
  SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (flame);
  SmolderCallTree *tree = smolder_flame_view_get_call_tree (flame);
  SmolderTopView *top = smolder_profile_view_get_top_view (VIEW (page));
  g_autoptr(GString) flame_items = g_string_new (NULL);
  g_autoptr(GString) top_items = g_string_new (NULL);
  g_autofree char *selected = NULL;
  g_autofree char *selected_regex = NULL;
  SmolderFilterMode mode;
  GtkWidget *popover;
  GtkWidget *column_view;
  guint32 node = SMOLDER_NO_ID;

  /* The widest main.cpuWork frame: on screen. */
  for (guint32 i = 1; i < smolder_call_tree_get_n_nodes (tree); i++)
    if (g_str_equal (smolder_call_tree_get_name (tree, i), "main.cpuWork")
        && (node == SMOLDER_NO_ID || smolder_call_tree_get_total (tree, i) > smolder_call_tree_get_total (tree, node)))
      node = i;
  g_assert_cmpuint (node, !=, SMOLDER_NO_ID);

  /* The flame graph's menu, from the keyboard on the focused frame. */
  wait_until (has_size, graph);
  smolder_flame_graph_set_focus_node (graph, node);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "flame.context-menu", NULL));
  popover = find_popover_menu (GTK_WIDGET (graph));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  collect_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), flame_items);
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_cmpstr (flame_items->str, ==,
                   "_Zoom in flame.zoom-in\n"
                   "Zoom _out flame.zoom-out\n"
                   "_Focus on flame.focus-on\n"
                   "_Ignore flame.ignore\n"
                   "_Hide flame.hide\n"
                   "_Show only flame.show\n"
                   "Show _Callers/Callees flame.show-callers\n"
                   "Copy _name flame.copy-name\n");

  /* Show only, on the frame. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "flame.show", NULL));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (FILTERS (page)), ==, 1);
  g_assert_cmpstr (page_filter (page, 0, &mode), ==, "^main\\.cpuWork$");
  g_assert_cmpint (mode, ==, SMOLDER_FILTER_SHOW);
  g_assert_nonnull (chip_label (find_chip (GTK_WIDGET (page)), "Show only"));
  g_assert_nonnull (chip_label (find_chip (GTK_WIDGET (page)), "main.cpuWork"));
  wait_until (page_settled, page);
  assert_top_rows (page, show_rows, G_N_ELEMENTS (show_rows));
  g_assert_true (smolder_profile_view_undo_filter (VIEW (page)));
  wait_until (page_settled, page);

  /* Top: the selected row's menu. */
  smolder_profile_view_set_visible_view (VIEW (page), "top");
  wait_until (page_settled, page);
  column_view = find_descendant (GTK_WIDGET (top), GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (column_view);
  g_assert_true (gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)),
                                                  1, TRUE));
  selected = g_strdup (smolder_top_view_get_selected_name (top));
  g_assert_nonnull (selected);
  selected_regex = smolder_filter_identity_regex (selected);
  g_assert_null (find_popover_menu (GTK_WIDGET (top)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (top), "top.context-menu", NULL));
  popover = find_popover_menu (GTK_WIDGET (top));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  collect_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)), top_items);
  g_assert_cmpstr (top_items->str, ==,
                   "_Focus on top.focus-on\n"
                   "_Ignore top.ignore\n"
                   "_Hide top.hide\n"
                   "_Show only top.show\n"
                   "Show _Callers/Callees top.show-callers\n"
                   "Show in Flame _Graph top.show-in-flame-graph\n"
                   "Copy _name top.copy-name\n");
  /* The menu is about the selected row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (top), "top.hide", NULL));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (FILTERS (page)), ==, 1);
  g_assert_cmpstr (page_filter (page, 0, &mode), ==, selected_regex);
  g_assert_cmpint (mode, ==, SMOLDER_FILTER_HIDE);

  /* Menu and Shift+F10 run it: the table's key bindings. */
  g_assert_true (press_key (GTK_WIDGET (top), GDK_KEY_Menu, 0));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (press_key (GTK_WIDGET (top), GDK_KEY_F10, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  wait_until (page_settled, page);
  ui_test_close_page (page, window);
}

/* At Lines a frame prints "main.cacheMetadata leaky/main.go:48"; Focus on
 * from its menu filters on the function the engine keys the frame by, not
 * on the printed text. go tool pprof -top -lines -unit=B
 * -focus='^main\.cacheMetadata$' heap-gc.pb.gz keeps 30912040B, as at
 * Functions. */
static void
test_frame_filter_lines (void)
{
  GtkWidget *window;
  SmolderProfilePage *page = ui_test_open_page ("leaky-service/heap-gc.pb.gz", page_settled, &window);
  SmolderFlameView *flame = smolder_profile_view_get_flame_view (VIEW (page));
  SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (flame);
  SmolderCallTree *tree;
  SmolderFilterMode mode;
  guint32 node = SMOLDER_NO_ID;

  smolder_profile_view_set_granularity (VIEW (page), SMOLDER_GRANULARITY_LINES);
  wait_until (page_settled, page);
  tree = smolder_flame_view_get_call_tree (flame);
  g_assert_cmpint (smolder_frames_get_granularity (smolder_call_tree_get_frames (tree)), ==,
                   SMOLDER_GRANULARITY_LINES);
  for (guint32 i = 1; i < smolder_call_tree_get_n_nodes (tree) && node == SMOLDER_NO_ID; i++)
    if (g_str_has_prefix (smolder_call_tree_get_name (tree, i), "main.cacheMetadata "))
      node = i;
  g_assert_cmpuint (node, !=, SMOLDER_NO_ID);

  wait_until (has_size, graph);
  smolder_flame_graph_set_focus_node (graph, node);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "flame.focus-on", NULL));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (FILTERS (page)), ==, 1);
  g_assert_cmpstr (page_filter (page, 0, &mode), ==, "^main\\.cacheMetadata$");
  g_assert_cmpint (mode, ==, SMOLDER_FILTER_FOCUS);
  g_assert_cmpstr (smolder_filter_stack_get_identity (FILTERS (page), 0), ==, "main.cacheMetadata");
  g_assert_nonnull (chip_label (find_chip (GTK_WIDGET (page)), "main.cacheMetadata"));
  wait_until (page_settled, page);
  g_assert_cmpint (smolder_top_get_kept_total (smolder_top_view_get_top (smolder_profile_view_get_top_view (VIEW (page)))),
                   ==, 30912040);
  g_assert_cmpint (smolder_call_tree_get_total (smolder_flame_view_get_call_tree (flame), 0), ==, 30912040);

  ui_test_close_page (page, window);
}

static gboolean
view_settled (gpointer data)
{
  SmolderProfileView *view = data;

  return !smolder_profile_view_get_busy (view)
         && smolder_top_view_get_top (smolder_profile_view_get_top_view (view)) != NULL;
}

static SmolderProfile *
load_fixture (const char *name)
{
  g_autoptr(GFile) file = data_file (name);
  g_autoptr(GError) error = NULL;
  SmolderProfile *profile = smolder_profile_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return profile;
}

/* A live page swaps in each new profile of the same kind: what the user
 * chose stays. go tool pprof -top -sample_index=alloc_space -unit=B
 * -focus=registerSession: 1052677B of 9986482B for heap-00, 4210709B of
 * 50361571B for heap-01. */
static void
test_view_set_profile (void)
{
  g_autoptr(SmolderProfile) first = load_fixture ("leaky-service/series/heap-00.pb.gz");
  g_autoptr(SmolderProfile) second = load_fixture ("leaky-service/series/heap-01.pb.gz");
  SmolderProfileView *view = SMOLDER_PROFILE_VIEW (g_object_ref_sink (smolder_profile_view_new ()));
  GtkWidget *window = gtk_window_new ();
  GtkDropDown *types = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL));
  SmolderTop *top;
  guint alloc_space;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  smolder_profile_view_set_profile (view, first);
  wait_until (view_settled, view);

  /* The user's choices: alloc_space, a filter, a search, Top. */
  g_assert_true (smolder_profile_lookup_sample_index (first, "alloc_space", &alloc_space, NULL));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (types)), ==, "Sample type");
  gtk_drop_down_set_selected (types, alloc_space);
  g_assert_true (smolder_profile_view_add_filter (view, SMOLDER_FILTER_FOCUS, "registerSession", NULL));
  smolder_profile_view_set_search_text (view, "main\\.");
  smolder_profile_view_set_visible_view (view, "top");
  wait_until (view_settled, view);
  top = smolder_top_view_get_top (smolder_profile_view_get_top_view (view));
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 1052677);
  g_assert_cmpint (smolder_top_get_total (top), ==, 9986482);

  smolder_profile_view_set_profile (view, second);
  g_assert_true (smolder_profile_view_get_profile (view) == second);
  wait_until (view_settled, view);
  top = smolder_top_view_get_top (smolder_profile_view_get_top_view (view));
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 4210709);
  g_assert_cmpint (smolder_top_get_total (top), ==, 50361571);
  g_assert_cmpstr (smolder_profile_view_get_visible_view (view), ==, "top");
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (smolder_profile_view_get_filters (view)), ==, 1);
  g_assert_nonnull (smolder_flame_view_get_search (smolder_profile_view_get_flame_view (view)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (view);
}

typedef struct {
  SmolderWindow *window;
  guint n_pages;
} MergeWait;

static gboolean
tabs_settled (gpointer data)
{
  MergeWait *wait = data;
  AdwTabView *tab_view = smolder_window_get_tab_view (wait->window);

  if (smolder_window_get_merging (wait->window))
    return FALSE;
  if (adw_tab_view_get_n_pages (tab_view) != (int) wait->n_pages)
    return FALSE;
  for (guint i = 0; i < wait->n_pages; i++)
    if (!page_settled (adw_tab_page_get_child (adw_tab_view_get_nth_page (tab_view, i))))
      return FALSE;
  return TRUE;
}

/* go tool pprof -top -unit=B heap-00 heap-01 (merged): 11594290B total
 * (3166711B + 8427579B). A CPU profile is open too: the dialog lists all
 * three, the user unchecks the CPU one and merges the heaps. */
static void
test_merge (void)
{
  g_autoptr(SmolderApplication) app = smolder_application_new ();
  g_autoptr(GFile) a = data_file ("leaky-service/series/heap-00.pb.gz");
  g_autoptr(GFile) b = data_file ("leaky-service/series/heap-01.pb.gz");
  g_autoptr(GFile) cpu = data_file ("leaky-service/cpu-10s.pb.gz");
  AdwMessageDialog *dialog;
  GtkWidget *check;
  guint n_checks = 0;
  g_autoptr(GError) error = NULL;
  SmolderProfilePage *merged;
  SmolderProfile *profile;
  MergeWait wait;
  guint index;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  wait.window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (wait.window));

  smolder_window_open_file (wait.window, a);
  smolder_window_open_file (wait.window, b);
  smolder_window_open_file (wait.window, cpu);
  wait.n_pages = 3;
  wait_until (tabs_settled, &wait);

  /* All three would not merge (heap and CPU): a toast names the file, no tab. */
  g_assert_cmpuint (smolder_window_merge_open_profiles (wait.window), ==, 0);
  wait_until (tabs_settled, &wait);
  g_assert_cmpint (adw_tab_view_get_n_pages (smolder_window_get_tab_view (wait.window)), ==, 3);
  g_assert_nonnull (find_label (GTK_WIDGET (wait.window), "“cpu-10s.pb.gz”: Another kind of profile: "
                                "period cpu/nanoseconds, “heap-00.pb.gz” has space/bytes"));

  /* The dialog matches the others against the current tab: the heap. */
  adw_tab_view_set_selected_page (smolder_window_get_tab_view (wait.window),
                                  adw_tab_view_get_nth_page (smolder_window_get_tab_view (wait.window), 1));
  gtk_widget_activate_action (GTK_WIDGET (wait.window), "window.merge-profiles", NULL);
  dialog = NULL;
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  for (check = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog)); check != NULL;
       check = gtk_widget_get_next_sibling (check), n_checks++)
    {
      SmolderProfilePage *page = g_object_get_data (G_OBJECT (check), "page");
      gboolean is_cpu = g_str_equal (smolder_page_get_title (SMOLDER_PAGE (page)), "cpu-10s.pb.gz");

      /* The CPU profile is shown, off and unchangeable, with the reason
       * (pprof's Merge: the period types differ). */
      g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)), ==, !is_cpu);
      g_assert_cmpint (gtk_widget_get_sensitive (check), ==, !is_cpu);
      g_assert_cmpint (find_label (check, "“heap-01.pb.gz” has space/bytes") != NULL, ==, is_cpu);
      /* Each row says where its file is, too. */
      {
        g_autoptr(GFile) folder = g_file_get_parent (smolder_page_get_file (SMOLDER_PAGE (page)));
        g_autofree char *name = g_file_get_basename (folder);
        g_autofree char *suffix = g_strconcat ("/", name, NULL);

        g_assert_nonnull (find_label (check, suffix));
      }
    }
  g_assert_cmpuint (n_checks, ==, 3);
  /* Enter merges: the Merge button has the focus. */
  g_assert_true (GTK_IS_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog)))), ==, "_Merge");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));
  adw_message_dialog_response (dialog, "merge");
  wait.n_pages = 4;
  wait_until (tabs_settled, &wait);

  merged = SMOLDER_PROFILE_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (smolder_window_get_tab_view (wait.window), 3)));
  profile = smolder_page_get_profile (SMOLDER_PAGE (merged));
  g_assert_nonnull (profile);
  g_assert_null (smolder_page_get_file (SMOLDER_PAGE (merged)));
  g_assert_true (smolder_profile_lookup_sample_index (profile, "inuse_space", &index, NULL));
  g_assert_cmpint (smolder_profile_get_total (profile, index), ==, 11594290);
  g_assert_cmpint (smolder_call_tree_get_total (smolder_flame_view_get_call_tree (smolder_profile_view_get_flame_view (VIEW (merged))), 0),
                   ==, smolder_profile_get_total (profile, default_sample_index (merged)));

  /* A second dialog: the merged tab (no file) starts unchecked, the files
   * checked; with one row checked, Merge is off. */
  dialog = smolder_window_present_merge_dialog (wait.window);
  g_assert_nonnull (dialog);
  n_checks = 0;
  for (check = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog)); check != NULL;
       check = gtk_widget_get_next_sibling (check), n_checks++)
    {
      SmolderProfilePage *page = g_object_get_data (G_OBJECT (check), "page");

      g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)),
                       ==, smolder_page_get_file (SMOLDER_PAGE (page)) != NULL
                           && gtk_widget_get_sensitive (check));
      if (page != merged)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    }
  g_assert_cmpuint (n_checks, ==, 4);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "merge"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (wait.window));
  g_object_unref (wait.window);
}

/* Only the view shown computes. With Top shown, a new query (pprof -focus=regexp:
 * 320ms of 800ms) starts no flame graph worker: the flame view is stale and
 * keeps its old tree until shown, then builds the right one. The same for
 * Callers/Callees given a function while hidden. */
static void
test_hidden_views (void)
{
  GtkWidget *window;
  SmolderProfilePage *page = ui_test_open_page ("leaky-service/cpu-10s.pb.gz", page_settled, &window);
  SmolderFlameView *flame = smolder_profile_view_get_flame_view (VIEW (page));
  SmolderCallersView *callers = smolder_profile_view_get_callers_view (VIEW (page));
  SmolderCallTree *old_tree = smolder_flame_view_get_call_tree (flame);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_nonnull (old_tree);
  g_assert_false (smolder_query_view_get_stale (SMOLDER_QUERY_VIEW (flame)));

  smolder_profile_view_set_visible_view (VIEW (page), "top");
  g_assert_true (smolder_profile_view_add_filter (VIEW (page), SMOLDER_FILTER_FOCUS, "regexp", &error));
  g_assert_no_error (error);
  g_assert_true (smolder_query_view_get_stale (SMOLDER_QUERY_VIEW (flame)));
  g_assert_false (smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (flame)));

  /* Settled once Top is: nothing waits for the hidden views. */
  wait_until (page_settled, page);
  g_assert_true (smolder_query_view_get_stale (SMOLDER_QUERY_VIEW (flame)));
  g_assert_true (smolder_flame_view_get_call_tree (flame) == old_tree);
  g_assert_cmpint (smolder_call_tree_get_total (old_tree, 0), ==, 800 * G_TIME_SPAN_MILLISECOND * 1000);

  /* A function of the focused table, for the hidden Callers view. */
  {
    GListModel *model = smolder_top_view_get_model (smolder_profile_view_get_top_view (VIEW (page)));
    g_autoptr(SmolderTopItem) item = g_list_model_get_item (model, 0);

    g_assert_nonnull (item);
    name = g_strdup (smolder_top_item_get_name (item));
  }
  smolder_callers_view_set_function (callers, name);
  g_assert_true (smolder_query_view_get_stale (SMOLDER_QUERY_VIEW (callers)));
  g_assert_false (smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (callers)));

  /* Shown: built for the current query. */
  smolder_profile_view_set_visible_view (VIEW (page), "flame");
  g_assert_false (smolder_query_view_get_stale (SMOLDER_QUERY_VIEW (flame)));
  g_assert_true (smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (flame)));
  g_assert_true (smolder_profile_page_get_busy (page));
  wait_until (page_settled, page);
  g_assert_cmpint (smolder_call_tree_get_total (smolder_flame_view_get_call_tree (flame), 0),
                   ==, 320 * G_TIME_SPAN_MILLISECOND * 1000);

  smolder_profile_view_set_visible_view (VIEW (page), "callers");
  g_assert_false (smolder_query_view_get_stale (SMOLDER_QUERY_VIEW (callers)));
  wait_until (page_settled, page);
  {
    SmolderCallTree *up = smolder_flame_graph_get_call_tree (smolder_callers_view_get_callers_graph (callers));

    g_assert_nonnull (up);
    g_assert_cmpstr (smolder_call_tree_get_name (up, 0), ==, name);
  }

  ui_test_close_page (page, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-page-XXXXXX");
  int status;

  if (home == NULL)
    return 0;

  g_test_add_func ("/smolder/profile-page/load-progress", test_load_progress);
  g_test_add_func ("/smolder/profile-page/flame-and-search", test_flame_and_search);
  g_test_add_func ("/smolder/profile-page/filters", test_filters);
  g_test_add_func ("/smolder/profile-page/frame-menus", test_frame_menus);
  g_test_add_func ("/smolder/profile-page/frame-filter-lines", test_frame_filter_lines);
  g_test_add_func ("/smolder/profile-page/merge", test_merge);
  g_test_add_func ("/smolder/profile-view/set-profile", test_view_set_profile);
  g_test_add_func ("/smolder/profile-page/hidden-views", test_hidden_views);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
