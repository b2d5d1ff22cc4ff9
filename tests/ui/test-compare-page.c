/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare-page.c: the compare tab on two heap snapshots of the leaky
 * service (heap-02 vs heap-11): the diff table against `go tool pprof
 * -diff_base`, the differential flame graph's tooltip, the side-by-side
 * zoom in step, and the ways to open it ("Compare with…", --compare). */

#include "config.h"

#include <string.h>

#include "smolder-application.h"
#include "smolder-compare-page.h"
#include "smolder-load.h"
#include "smolder-units.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

#define BASE_FIXTURE "leaky-service/series/heap-02.pb.gz"
#define NEW_FIXTURE  "leaky-service/series/heap-11.pb.gz"

/* From `go tool pprof -top -unit=B -diff_base=heap-02.pb.gz heap-11.pb.gz`
 * (inuse_space, the default): main.registerSession 31840676B flat and cum;
 * and from `go tool pprof -top -unit=B` on each file alone: 7893061B in
 * heap-02, 39733737B in heap-11 (39733737 - 7893061 = 31840676). */
#define REGISTER_BASE  G_GINT64_CONSTANT (7893061)
#define REGISTER_NEW   G_GINT64_CONSTANT (39733737)
#define REGISTER_DELTA G_GINT64_CONSTANT (31840676)
/* The same command with -sample_index=inuse_objects: 7582 objects. */
#define REGISTER_DELTA_OBJECTS G_GINT64_CONSTANT (7582)

static SmolderProfile *
load_fixture (const char *name)
{
  g_autoptr(GFile) file = data_file (name);
  g_autoptr(GError) error = NULL;
  SmolderProfile *profile = smolder_profile_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return profile;
}

static gboolean
page_ready (gpointer data)
{
  return smolder_compare_page_get_ready (data) || smolder_page_get_failed (data);
}

static gboolean
graph_laid_out (gpointer data)
{
  return smolder_flame_graph_get_layout (data) != NULL;
}

/* The node of the graph's tree whose name is @name (the first in preorder). */
static guint32
find_node (SmolderFlameGraph *graph,
           const char        *name)
{
  SmolderCallTree *tree = smolder_flame_graph_get_call_tree (graph);

  for (guint i = 0; i < smolder_call_tree_get_n_nodes (tree); i++)
    if (g_strcmp0 (smolder_call_tree_get_name (tree, i), name) == 0)
      return i;
  return SMOLDER_NO_ID;
}

static GtkToggleButton *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_TOGGLE_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
show_page (SmolderPage *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  return window;
}

static void
test_compare_page (void)
{
  g_autoptr(SmolderProfile) base = load_fixture (BASE_FIXTURE);
  g_autoptr(SmolderProfile) new = load_fixture (NEW_FIXTURE);
  SmolderComparePage *page;
  SmolderDiffTable *table;
  SmolderDiffItem *item;
  g_autoptr(SmolderDiffItem) first = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *expected = NULL;
  GtkToggleButton *toggle;
  GtkWindow *window;
  guint32 node;

  page = SMOLDER_COMPARE_PAGE (smolder_compare_page_new (base, new, "heap-02", "heap-11"));
  g_object_ref_sink (page);
  g_assert_cmpstr (smolder_page_get_title (SMOLDER_PAGE (page)), ==, "heap-02 → heap-11");
  window = show_page (SMOLDER_PAGE (page));
  wait_until (page_ready, page);
  g_assert_false (smolder_page_get_failed (SMOLDER_PAGE (page)));

  /* The table: pprof's numbers for the function that leaks. */
  table = smolder_compare_page_get_table (page);
  item = smolder_diff_table_lookup (table, "main.registerSession");
  g_assert_nonnull (item);
  g_assert_cmpint (smolder_diff_item_get_delta_flat (item), ==, REGISTER_DELTA);
  g_assert_cmpint (smolder_diff_item_get_delta_cum (item), ==, REGISTER_DELTA);
  g_assert_cmpint (smolder_diff_item_get_base (item), ==, REGISTER_BASE);
  g_assert_cmpint (smolder_diff_item_get_new (item), ==, REGISTER_NEW);

  /* Sorted by delta, the biggest growth first: main.main.func1.1 holds
   * 45953305B cum in pprof's output, the most; by flat, registerSession. */
  smolder_diff_table_sort_by (table, SMOLDER_DIFF_COLUMN_DELTA_CUM, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (smolder_diff_table_get_model (table), 0);
  g_assert_cmpstr (smolder_diff_item_get_name (first), ==, "main.main.func1.1");
  g_clear_object (&first);
  smolder_diff_table_sort_by (table, SMOLDER_DIFF_COLUMN_DELTA_FLAT, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (smolder_diff_table_get_model (table), 0);
  g_assert_cmpstr (smolder_diff_item_get_name (first), ==, "main.registerSession");
  g_clear_object (&first);

  /* The differential graph's tooltip: base → new, exact. */
  wait_until (graph_laid_out, smolder_compare_page_get_diff_graph (page));
  node = find_node (smolder_compare_page_get_diff_graph (page), "main.registerSession");
  g_assert_cmpuint (node, !=, SMOLDER_NO_ID);
  tooltip = smolder_flame_graph_describe_node (smolder_compare_page_get_diff_graph (page), node);
  expected = g_strdup_printf ("(%" G_GINT64_FORMAT " → %" G_GINT64_FORMAT " bytes)", REGISTER_BASE, REGISTER_NEW);
  g_assert_nonnull (strstr (tooltip, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("+%" G_GINT64_FORMAT " bytes", REGISTER_DELTA);
  g_assert_nonnull (strstr (tooltip, expected));
  /* 7893061 B = 7.53 MiB, 39733737 B = 37.9 MiB. */
  g_assert_nonnull (strstr (tooltip, "7.53 MiB → 37.9 MiB"));

  /* Laid out on the base: the base's tree, with the same numbers. */
  toggle = find_toggle (GTK_WIDGET (page), "Lay Out on _Base");
  g_assert_nonnull (toggle);
  g_assert_false (smolder_flame_diff_get_on_base (smolder_flame_graph_get_diff (smolder_compare_page_get_diff_graph (page))));
  gtk_toggle_button_set_active (toggle, TRUE);
  g_assert_true (smolder_flame_diff_get_on_base (smolder_flame_graph_get_diff (smolder_compare_page_get_diff_graph (page))));
  g_assert_true (smolder_flame_graph_get_call_tree (smolder_compare_page_get_diff_graph (page))
                 == smolder_flame_graph_get_call_tree (smolder_compare_page_get_base_graph (page)));
  node = find_node (smolder_compare_page_get_diff_graph (page), "main.registerSession");
  g_clear_pointer (&tooltip, g_free);
  tooltip = smolder_flame_graph_describe_node (smolder_compare_page_get_diff_graph (page), node);
  g_assert_nonnull (strstr (tooltip, expected));

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

static gboolean
graphs_laid_out (gpointer data)
{
  SmolderComparePage *page = data;

  return smolder_flame_graph_get_layout (smolder_compare_page_get_base_graph (page)) != NULL
         && smolder_flame_graph_get_layout (smolder_compare_page_get_new_graph (page)) != NULL;
}

static gboolean
graphs_searched (gpointer data)
{
  SmolderComparePage *page = data;

  return smolder_flame_graph_get_search (smolder_compare_page_get_base_graph (page)) != NULL
         && smolder_flame_graph_get_search (smolder_compare_page_get_new_graph (page)) != NULL;
}

/* SMOLDER_COMPARE_SHOT=FILE: a PNG of the side-by-side view (and
 * SMOLDER_COMPARE_SEARCH_SHOT of the differential one with a search), for
 * the README (xshot cannot click the view switcher). */
static void
save_view (SmolderComparePage *page,
           const char         *view,
           const char         *path)
{
  GtkWidget *stack = find_descendant (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, NULL);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (root));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int w, h;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), view);
  if (g_str_equal (view, "side-by-side"))
    wait_until (graphs_laid_out, page);
  else
    wait_until (graph_laid_out, smolder_compare_page_get_diff_graph (page));
  /* Drawn once before the widget paintable is taken. */
  for (gint64 end = g_get_monotonic_time () + 300000; g_get_monotonic_time () < end;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  w = gtk_widget_get_width (GTK_WIDGET (page));
  h = gtk_widget_get_height (GTK_WIDGET (page));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (page));
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 }, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Zooming one graph side by side zooms the other to the same path. */
static void
test_compare_side_by_side (void)
{
  g_autoptr(SmolderProfile) base = load_fixture (BASE_FIXTURE);
  g_autoptr(SmolderProfile) new = load_fixture (NEW_FIXTURE);
  SmolderComparePage *page;
  SmolderFlameGraph *left, *right;
  g_auto(GStrv) left_path = NULL;
  g_auto(GStrv) right_path = NULL;
  GtkWindow *window;
  guint32 node;

  page = SMOLDER_COMPARE_PAGE (smolder_compare_page_new (base, new, "heap-02", "heap-11"));
  g_object_ref_sink (page);
  window = show_page (SMOLDER_PAGE (page));
  wait_until (page_ready, page);
  left = smolder_compare_page_get_base_graph (page);
  right = smolder_compare_page_get_new_graph (page);
  if (g_getenv ("SMOLDER_COMPARE_SHOT") != NULL)
    save_view (page, "side-by-side", g_getenv ("SMOLDER_COMPARE_SHOT"));

  /* As the user does: a double click's zoom emits "zoom-changed". */
  node = find_node (left, "main.registerSession");
  g_assert_cmpuint (node, !=, SMOLDER_NO_ID);
  smolder_flame_graph_set_focus_node (left, node);
  gtk_widget_activate_action (GTK_WIDGET (left), "flame.zoom-in", NULL);
  left_path = smolder_flame_graph_get_zoom_path (left);
  g_assert_cmpuint (g_strv_length (left_path), >, 0);
  g_assert_cmpstr (left_path[g_strv_length (left_path) - 1], ==, "main.registerSession");
  right_path = smolder_flame_graph_get_zoom_path (right);
  g_assert_true (g_strv_equal ((const char * const *) left_path, (const char * const *) right_path));
  g_assert_cmpuint (smolder_flame_graph_get_zoom_root (right), !=, 0);

  /* The selected frame follows too. */
  g_clear_pointer (&right_path, g_strfreev);
  right_path = smolder_flame_graph_get_focus_path (right);
  g_assert_nonnull (right_path);
  g_assert_cmpstr (right_path[g_strv_length (right_path) - 1], ==, "main.registerSession");

  /* One search for both graphs. */
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL)),
                         "registerSession");
  wait_until (graphs_searched, page);

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

static gboolean
diff_graph_searched (gpointer data)
{
  return smolder_flame_graph_get_search (smolder_compare_page_get_diff_graph (data)) != NULL;
}

/* The page's search in the differential graph: the frames it matches,
 * and the matched totals in the summary, each pprof's -focus total. */
static void
test_compare_diff_search (void)
{
  g_autoptr(SmolderProfile) base = load_fixture (BASE_FIXTURE);
  g_autoptr(SmolderProfile) new = load_fixture (NEW_FIXTURE);
  g_autofree char *base_s = smolder_units_format (REGISTER_BASE, "bytes");
  g_autofree char *new_s = smolder_units_format (REGISTER_NEW, "bytes");
  g_autofree char *delta_s = smolder_units_format (REGISTER_DELTA, "bytes");
  g_autofree char *matched = g_strdup_printf ("matched %s → %s (+%s)", base_s, new_s, delta_s);
  SmolderComparePage *page;
  SmolderFlameGraph *diff_graph;
  SmolderFlameSearch *search;
  GtkEditable *entry;
  GtkWindow *window;

  page = SMOLDER_COMPARE_PAGE (smolder_compare_page_new (base, new, "heap-02", "heap-11"));
  g_object_ref_sink (page);
  window = show_page (SMOLDER_PAGE (page));
  wait_until (page_ready, page);
  diff_graph = smolder_compare_page_get_diff_graph (page);

  entry = GTK_EDITABLE (find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL));
  gtk_editable_set_text (entry, "registerSession");
  wait_until (diff_graph_searched, page);
  search = smolder_flame_graph_get_search (diff_graph);
  g_assert_true (smolder_flame_search_get_tree (search) == smolder_flame_graph_get_call_tree (diff_graph));
  g_assert_true (smolder_flame_search_matches (search, find_node (diff_graph, "main.registerSession")));
  g_assert_false (smolder_flame_search_matches (search, find_node (diff_graph, "main.cacheMetadata")));
  /* `go tool pprof -top -focus=registerSession` on each file: 7893061B
   * and 39733737B (see REGISTER_BASE). */
  g_assert_cmpint (smolder_flame_search_get_matched_total (smolder_flame_graph_get_search (smolder_compare_page_get_base_graph (page))),
                   ==, REGISTER_BASE);
  g_assert_cmpint (smolder_flame_search_get_matched_total (search), ==, REGISTER_NEW);
  g_assert_nonnull (find_label (GTK_WIDGET (page), matched));
  g_test_message ("summary: %s", gtk_label_get_text (GTK_LABEL (find_label (GTK_WIDGET (page), matched))));
  if (g_getenv ("SMOLDER_COMPARE_SEARCH_SHOT") != NULL)
    save_view (page, "differential", g_getenv ("SMOLDER_COMPARE_SEARCH_SHOT"));

  /* Laid out on the base: the base tree's search. */
  gtk_toggle_button_set_active (find_toggle (GTK_WIDGET (page), "Lay Out on _Base"), TRUE);
  search = smolder_flame_graph_get_search (diff_graph);
  g_assert_nonnull (search);
  g_assert_true (smolder_flame_search_get_tree (search) == smolder_flame_graph_get_call_tree (diff_graph));
  g_assert_cmpint (smolder_flame_search_get_matched_total (search), ==, REGISTER_BASE);

  /* Cleared: nothing dimmed, no matched total. */
  gtk_editable_set_text (entry, "");
  g_assert_null (smolder_flame_graph_get_search (diff_graph));
  g_assert_null (find_label (GTK_WIDGET (page), matched));

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

static char *
first_name (SmolderDiffTable *table)
{
  g_autoptr(SmolderDiffItem) item = g_list_model_get_item (smolder_diff_table_get_model (table), 0);

  return g_strdup (smolder_diff_item_get_name (item));
}

/* The sorts a fixture pair without new or gone frames cannot show: rows
 * made by hand as a -diff_base diff has them (the base scaled by -1). */
static void
test_compare_table_sorts (void)
{
  /* frame, flat, cum, base_flat, base_cum */
  const SmolderTopRow grown = { 0, 50, 50, -100, -100 };   /* 100 -> 150: +50%  */
  const SmolderTopRow born = { 0, 10, 10, 0, 0 };          /* 0 -> 10: new      */
  const SmolderTopRow died = { 0, -80, -80, -80, -80 };    /* 80 -> 0: gone     */
  const SmolderTopRow doubled = { 0, 20, 20, -20, -20 };   /* 20 -> 40: +100%   */
  g_autoptr(GListStore) store = g_list_store_new (SMOLDER_TYPE_DIFF_ITEM);
  SmolderDiffTable *table = SMOLDER_DIFF_TABLE (smolder_diff_table_new ());
  g_autofree char *name = NULL;

  g_object_ref_sink (table);
  {
    g_autoptr(SmolderDiffItem) a = smolder_diff_item_new ("grown", &grown);
    g_autoptr(SmolderDiffItem) b = smolder_diff_item_new ("born", &born);
    g_autoptr(SmolderDiffItem) c = smolder_diff_item_new ("died", &died);
    g_autoptr(SmolderDiffItem) d = smolder_diff_item_new ("doubled", &doubled);

    g_list_store_append (store, a);
    g_list_store_append (store, b);
    g_list_store_append (store, c);
    g_list_store_append (store, d);
  }
  smolder_diff_table_set_rows (table, G_LIST_MODEL (store), "bytes");

  smolder_diff_table_sort_by (table, SMOLDER_DIFF_COLUMN_DELTA_CUM, GTK_SORT_DESCENDING);
  name = first_name (table);
  g_assert_cmpstr (name, ==, "grown");
  g_clear_pointer (&name, g_free);
  smolder_diff_table_sort_by (table, SMOLDER_DIFF_COLUMN_DELTA_CUM, GTK_SORT_ASCENDING);
  name = first_name (table);
  g_assert_cmpstr (name, ==, "died");
  g_clear_pointer (&name, g_free);
  /* % change: new (no base) above +100% above +50%. */
  smolder_diff_table_sort_by (table, SMOLDER_DIFF_COLUMN_CHANGE, GTK_SORT_DESCENDING);
  name = first_name (table);
  g_assert_cmpstr (name, ==, "born");
  g_clear_pointer (&name, g_free);
  {
    g_autoptr(SmolderDiffItem) second = g_list_model_get_item (smolder_diff_table_get_model (table), 1);

    g_assert_cmpstr (smolder_diff_item_get_name (second), ==, "doubled");
  }
  /* Status: new first, then gone. */
  smolder_diff_table_sort_by (table, SMOLDER_DIFF_COLUMN_STATUS, GTK_SORT_DESCENDING);
  name = first_name (table);
  g_assert_cmpstr (name, ==, "born");
  g_clear_pointer (&name, g_free);
  {
    g_autoptr(SmolderDiffItem) second = g_list_model_get_item (smolder_diff_table_get_model (table), 1);

    g_assert_cmpstr (smolder_diff_item_get_name (second), ==, "died");
    g_assert_cmpint (smolder_diff_item_get_status (second), ==, SMOLDER_DIFF_STATUS_GONE);
    g_assert_cmpint (smolder_diff_item_get_base (second), ==, 80);
    g_assert_cmpint (smolder_diff_item_get_new (second), ==, 0);
  }

  g_assert_finalize_object (table);
}

static SmolderApplication *
test_application_new (void)
{
  SmolderApplication *app = smolder_application_new ();

  /* Never hand our files to a Smolder the developer has running. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  return app;
}

static gboolean
profile_page_loaded (gpointer data)
{
  return !smolder_page_get_loading (data) && smolder_page_get_profile (data) != NULL;
}

/* The table's number for the leak, as pprof prints it. */
static void
assert_register_delta (SmolderComparePage *page)
{
  SmolderDiffItem *item;

  wait_until (page_ready, page);
  g_assert_false (smolder_page_get_failed (SMOLDER_PAGE (page)));
  item = smolder_diff_table_lookup (smolder_compare_page_get_table (page), "main.registerSession");
  g_assert_nonnull (item);
  g_assert_cmpint (smolder_diff_item_get_delta_cum (item), ==, REGISTER_DELTA);
}

/* "Compare With…" on the selected tab offers the other tab of its kind
 * (not a goroutine profile) and opens "base → new". */
static void
test_compare_with (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = data_file (BASE_FIXTURE);
  g_autoptr(GFile) new = data_file (NEW_FIXTURE);
  g_autoptr(GFile) goroutines = data_file ("leaky-service/series/goroutine-02.pb.gz");
  SmolderProfilePage *base_page, *new_page, *other_page;
  AdwMessageDialog *dialog;
  SmolderWindow *window;
  SmolderPage *page;
  GtkWidget *list;
  guint n_rows = 0;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));

  base_page = smolder_window_open_file (window, base);
  new_page = smolder_window_open_file (window, new);
  other_page = smolder_window_open_file (window, goroutines);
  wait_until (profile_page_loaded, base_page);
  wait_until (profile_page_loaded, new_page);
  wait_until (profile_page_loaded, other_page);

  adw_tab_view_set_selected_page (smolder_window_get_tab_view (window),
                                  adw_tab_view_get_page (smolder_window_get_tab_view (window),
                                                         GTK_WIDGET (base_page)));
  dialog = smolder_window_present_compare_dialog (window);
  g_assert_nonnull (dialog);
  list = adw_message_dialog_get_extra_child (dialog);
  for (GtkWidget *check = gtk_widget_get_first_child (list); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      g_assert_true (g_object_get_data (G_OBJECT (check), "page") == new_page);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 1);
  adw_message_dialog_response (dialog, "compare");
  gtk_window_destroy (GTK_WINDOW (dialog));

  page = smolder_window_get_selected_page (window);
  g_assert_true (SMOLDER_IS_COMPARE_PAGE (page));
  g_assert_cmpstr (smolder_page_get_title (page), ==, "heap-02.pb.gz → heap-11.pb.gz");
  assert_register_delta (SMOLDER_COMPARE_PAGE (page));
  g_assert_cmpint (adw_tab_view_get_n_pages (smolder_window_get_tab_view (window)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

typedef struct {
  gboolean checked;
} CommandLineState;

static void
check_compare_window (SmolderApplication *app,
                      CommandLineState   *state)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  SmolderWindow *window;
  SmolderPage *page;

  g_assert_true (SMOLDER_IS_WINDOW (active));
  window = SMOLDER_WINDOW (active);
  /* One compare tab, not a tab per file. */
  g_assert_cmpint (adw_tab_view_get_n_pages (smolder_window_get_tab_view (window)), ==, 1);
  page = smolder_window_get_selected_page (window);
  g_assert_true (SMOLDER_IS_COMPARE_PAGE (page));
  g_assert_cmpstr (smolder_page_get_title (page), ==, "heap-02.pb.gz → heap-11.pb.gz");
  assert_register_delta (SMOLDER_COMPARE_PAGE (page));
  state->checked = TRUE;
  gtk_window_destroy (active);
}

static void
check_compare_window_open (SmolderApplication  *app,
                           GFile              **files,
                           int                  n_files,
                           const char          *hint,
                           CommandLineState    *state)
{
  check_compare_window (app, state);
}

/* `smolder --compare A B` through the application. */
static void
test_compare_command_line (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autofree char *base = data_path (BASE_FIXTURE);
  g_autofree char *new = data_path (NEW_FIXTURE);
  char *argv[] = { (char *) "smolder", (char *) "--compare", base, new, NULL };
  CommandLineState state = { FALSE };
  int status;

  g_signal_connect_after (app, "activate", G_CALLBACK (check_compare_window), &state);
  /* Were the files opened as tabs too, the check fails there. */
  g_signal_connect_after (app, "open", G_CALLBACK (check_compare_window_open), &state);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (state.checked);
}

/* A file that is no profile: the page says which and why. */
static void
test_compare_load_error (void)
{
  g_autoptr(GFile) bad = data_file ("leaky-service/trace-1s.bin");
  g_autoptr(GFile) new = data_file (NEW_FIXTURE);
  SmolderPage *page = smolder_compare_page_new_for_files (bad, new);
  GtkWindow *window;

  g_object_ref_sink (page);
  window = show_page (page);
  wait_until (page_ready, page);
  g_assert_true (smolder_page_get_failed (page));
  g_assert_nonnull (strstr (smolder_page_get_error (page)->message, "trace-1s.bin"));
  g_assert_nonnull (find_label (GTK_WIDGET (page), smolder_page_get_error (page)->message));

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-compare-XXXXXX");
  int status;

  if (home == NULL)
    return 0;

  g_test_add_func ("/smolder/compare/page", test_compare_page);
  g_test_add_func ("/smolder/compare/side-by-side", test_compare_side_by_side);
  g_test_add_func ("/smolder/compare/diff-search", test_compare_diff_search);
  g_test_add_func ("/smolder/compare/table-sorts", test_compare_table_sorts);
  g_test_add_func ("/smolder/compare/compare-with", test_compare_with);
  g_test_add_func ("/smolder/compare/command-line", test_compare_command_line);
  g_test_add_func ("/smolder/compare/load-error", test_compare_load_error);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
