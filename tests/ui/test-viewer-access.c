/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-viewer-access.c: the viewer reached every way a user reaches it
 * under Xvfb: in a window half a 1280 screen wide, from the keyboard alone
 * (focus after a load, after a menu), through the accessibility tree, and
 * a goroutine dump grouped by state. */

#include <string.h>

#include "smolder-application.h"
#include "smolder-diff-table.h"
#include "smolder-load.h"
#include "smolder-profile-view.h"
#include "smolder-window.h"
#include "ui-test-page.h"

static SmolderFlameGraph *
graph_of (SmolderProfileView *view)
{
  return smolder_flame_view_get_flame_graph (smolder_profile_view_get_flame_view (view));
}

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (20000);
    }
}

/* The first widget below @widget (itself included) that is a button with
 * @label, or with @icon. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label,
             const char *icon)
{
  if ((GTK_IS_BUTTON (widget) && label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
      || (GTK_IS_MENU_BUTTON (widget) && label != NULL
          && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)
      || (GTK_IS_MENU_BUTTON (widget) && icon != NULL
          && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon) == 0)
      || (GTK_IS_BUTTON (widget) && icon != NULL
          && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shown on screen: mapped, with a size, inside the window. */
static gboolean
on_screen (GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
    return FALSE;
  if (!gtk_widget_compute_bounds (widget, GTK_WIDGET (gtk_widget_get_root (widget)), &bounds))
    return FALSE;
  return bounds.origin.x >= 0
         && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (gtk_widget_get_root (widget))) + 0.5;
}

/* The view is laid out at the width the window was given (less its
 * borders). */
static gboolean
view_width_near (gpointer data)
{
  GtkWidget *view = data;
  int want = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "want-width"));

  return ABS (gtk_widget_get_width (view) - want) <= 12;
}

/* Half a 1280 screen: the window can be that narrow (its minimum width is
 * at most 640), and every control is on screen or in the view options
 * menu; wide, the toggles are in the toolbar. */
static void
test_narrow_window (gconstpointer data)
{
  SmolderApplication *app = SMOLDER_APPLICATION ((gpointer) data);
  g_autoptr(GFile) file = data_file ("leaky-service/series/heap-00.pb.gz");
  SmolderWindow *window = g_object_ref (smolder_window_new (app));
  SmolderProfileView *view;
  GtkWidget *page, *options, *inverted, *filter, *search, *bar;
  int min, nat;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_present (GTK_WINDOW (window));
  page = GTK_WIDGET (smolder_window_open_file (window, file));
  view = SMOLDER_PROFILE_VIEW (find_descendant (page, SMOLDER_TYPE_PROFILE_VIEW, NULL));
  g_assert_nonnull (view);
  wait_until (ui_test_view_settled, view);
  g_object_set_data (G_OBJECT (view), "want-width", GINT_TO_POINTER (1280));
  wait_until (view_width_near, view);
  iterate ();

  inverted = find_button (GTK_WIDGET (view), "_Inverted", NULL);
  options = find_button (GTK_WIDGET (view), NULL, "view-more-symbolic");
  bar = find_descendant (GTK_WIDGET (view), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
  g_assert_nonnull (inverted);
  g_assert_nonnull (options);
  g_assert_true (on_screen (inverted));
  g_assert_false (gtk_widget_get_mapped (options));
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("window width: minimum %d, natural %d", min, nat);
  g_assert_cmpint (min, <=, 640);

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 700);
  g_object_set_data (G_OBJECT (view), "want-width", GINT_TO_POINTER (640));
  wait_until (view_width_near, view);
  iterate ();

  /* The toggles and the granularity are in the options menu now. */
  g_assert_false (gtk_widget_get_mapped (inverted));
  g_assert_true (on_screen (options));
  filter = find_button (GTK_WIDGET (view), "_Filter…", NULL);
  search = find_button (GTK_WIDGET (view), NULL, "system-search-symbolic");
  g_assert_true (on_screen (filter));
  g_assert_true (on_screen (search));
  g_assert_true (on_screen (GTK_WIDGET (graph_of (view))));
  /* The view switcher moved to the bottom bar. */
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  g_assert_true (on_screen (find_descendant (bar, ADW_TYPE_VIEW_SWITCHER, NULL)));

  /* The menu's items do what the toggles did. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.inverted", NULL));
  g_assert_true (smolder_profile_view_get_inverted (view));
  g_assert_true (smolder_query_get_inverted (smolder_profile_view_get_query (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.icicle", NULL));
  g_assert_cmpint (smolder_flame_graph_get_orientation (graph_of (view)), ==, SMOLDER_FLAME_ORIENTATION_FLAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.granularity", "u", 1));
  g_assert_cmpint (smolder_profile_view_get_granularity (view), ==, SMOLDER_GRANULARITY_LINES);
  g_assert_cmpint (smolder_query_get_granularity (smolder_profile_view_get_query (view)), ==, SMOLDER_GRANULARITY_LINES);
  smolder_profile_view_set_icicle (view, TRUE);
  wait_until (ui_test_view_settled, view);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (window);
}

/* The root's child named @name in the flame graph's tree, or SMOLDER_NO_ID. */
static guint32
root_child (SmolderCallTree *tree,
            const char      *name)
{
  for (guint32 c = smolder_call_tree_get_first_child (tree, 0);
       c != SMOLDER_NO_ID;
       c = smolder_call_tree_get_next_sibling (tree, c))
    if (g_strcmp0 (smolder_call_tree_get_name (tree, c), name) == 0)
      return c;
  return SMOLDER_NO_ID;
}

static gboolean
grouped (gpointer data)
{
  SmolderProfileView *view = data;
  SmolderCallTree *tree = smolder_flame_graph_get_call_tree (graph_of (view));

  return ui_test_view_settled (view) && tree != NULL && root_child (tree, "chan receive") != SMOLDER_NO_ID;
}

/* panic-all.txt's goroutine headers, counted by hand: 4 [chan receive],
 * 1 [running], 1 [semacquire], 1 [sleep]; grouped by state each state is
 * a root frame with its goroutines (what pprof -tagroot=state and
 * smolder-cli top --group-by-state give). A heap has no states: no toggle. */
static void
test_group_by_state (void)
{
  static const struct { const char *state; gint64 n; } want[] = {
    { "chan receive", 4 }, { "running", 1 }, { "semacquire", 1 }, { "sleep", 1 },
  };
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  GtkWidget *toggle = find_button (GTK_WIDGET (view), "By _State", NULL);
  SmolderCallTree *tree;

  g_assert_nonnull (toggle);
  g_assert_false (gtk_widget_get_visible (toggle));
  gtk_widget_activate_action (GTK_WIDGET (view), "view.group-by-state", NULL);
  g_assert_false (smolder_profile_view_get_group_by_state (view));
  ui_test_close_view (view, window);

  view = ui_test_open_view ("goroutine-dumps/panic-all.txt", 1000, 700, &window);
  toggle = find_button (GTK_WIDGET (view), "By _State", NULL);
  g_assert_true (gtk_widget_get_visible (toggle));
  tree = smolder_flame_graph_get_call_tree (graph_of (view));
  g_assert_cmpuint (root_child (tree, "chan receive"), ==, SMOLDER_NO_ID);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.group-by-state", NULL));
  g_assert_true (smolder_profile_view_get_group_by_state (view));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  wait_until (grouped, view);
  tree = smolder_flame_graph_get_call_tree (graph_of (view));
  g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      guint32 node = root_child (tree, want[i].state);

      g_assert_cmpuint (node, !=, SMOLDER_NO_ID);
      g_assert_cmpint (smolder_call_tree_get_total (tree, node), ==, want[i].n);
    }

  /* Off again: the functions are the roots' children once more. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.group-by-state", NULL));
  wait_until (ui_test_view_settled, view);
  while (root_child (smolder_flame_graph_get_call_tree (graph_of (view)), "chan receive") != SMOLDER_NO_ID)
    wait_until (ui_test_view_settled, view), g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (root_child (smolder_flame_graph_get_call_tree (graph_of (view)), "main.worker"), !=, SMOLDER_NO_ID);
  ui_test_close_view (view, window);
}

static GtkWidget *
find_controller_widget (GtkWidget *widget,
                        GType      type,
                        GtkEventController **out)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        {
          *out = c;
          return widget;
        }
    }
  return NULL;
}

/* The hover tooltip is off while the frame's context menu (Menu key) is
 * up, so it never covers the items; it comes back after. */
static void
test_tooltip_and_menu (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  SmolderFlameGraph *graph = graph_of (view);
  GtkEventController *motion = NULL;
  GtkWidget *menu;

  iterate ();
  g_assert_nonnull (find_controller_widget (GTK_WIDGET (graph), GTK_TYPE_EVENT_CONTROLLER_MOTION, &motion));
  /* The root row, at the top (icicle). */
  g_signal_emit_by_name (motion, "motion", 40.0, 5.0);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (graph)));

  gtk_widget_grab_focus (GTK_WIDGET (graph));
  smolder_flame_graph_set_focus_node (graph, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (graph), "flame.context-menu", NULL));
  iterate ();
  menu = find_descendant (GTK_WIDGET (graph), GTK_TYPE_POPOVER_MENU, NULL);
  g_assert_true (gtk_widget_get_visible (menu));
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (graph)));
  /* The pointer moving over another frame under the menu: still none. */
  g_signal_emit_by_name (motion, "motion", 40.0, 23.0);
  g_assert_false (gtk_widget_get_has_tooltip (GTK_WIDGET (graph)));

  gtk_popover_popdown (GTK_POPOVER (menu));
  iterate ();
  g_signal_emit_by_name (motion, "motion", 40.0, 5.0);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (graph)));
  ui_test_close_view (view, window);
}

/* What pressing @key in @widget does: its class's key binding, found
 * among its shortcuts as GTK finds it. */
static void
press_key (GtkWidget  *widget,
           const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (c))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (c)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (c), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, key))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_error ("no binding for %s", key);
}

/* Roles and labels of the custom widgets, and the frame picked with the
 * arrow keys named in the flame graph's accessible description. */
static void
test_accessible (void)
{
  GtkWidget *window;
  SmolderProfileView *view = ui_test_open_view ("leaky-service/series/heap-00.pb.gz", 1000, 700, &window);
  SmolderFlameGraph *graph = graph_of (view);
  g_autofree char *description = NULL;
  g_autofree char *after = NULL;
  GtkWidget *table = smolder_diff_table_new ();

  g_object_ref_sink (table);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (graph), GTK_ACCESSIBLE_ROLE_TREE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (graph), GTK_ACCESSIBLE_PROPERTY_LABEL, "Flame graph");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (table), GTK_ACCESSIBLE_PROPERTY_LABEL, "Changes by function");
  g_assert_finalize_object (table);

  gtk_widget_grab_focus (GTK_WIDGET (graph));
  iterate ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (graph)));
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (graph), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description, "root"));
  /* Icicle: Down goes to the widest child of the root, main.main.func1.1
   * (pprof -top -cum heap-00: the largest cum below the root). */
  press_key (GTK_WIDGET (graph), "Down");
  after = gtk_test_accessible_check_property (GTK_ACCESSIBLE (graph), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (after);
  g_test_message ("description: %s", after);
  g_assert_true (g_str_has_prefix (after, "main.main.func1.1"));
  g_assert_nonnull (strstr (after, "of total"));
  ui_test_close_view (view, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(SmolderApplication) app = NULL;
  int status;

  /* GTK's test accessibility backend: the properties without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  home = ui_test_init (&argc, &argv, "smolder-test-viewer-access-XXXXXX");

  if (home == NULL)
    return 0;
  app = smolder_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_data_func ("/smolder/viewer-access/narrow-window", app, test_narrow_window);
  g_test_add_func ("/smolder/viewer-access/group-by-state", test_group_by_state);
  g_test_add_func ("/smolder/viewer-access/tooltip-and-menu", test_tooltip_and_menu);
  g_test_add_func ("/smolder/viewer-access/accessible", test_accessible);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
