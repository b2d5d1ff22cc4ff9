/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-desktop.c: the desktop integration under Xvfb: Preferences bound to
 * the settings both ways, the shortcuts window and the primary menu, the
 * sample type remembered per kind of profile, the flame palette setting. */

#include "smolder-application.h"
#include "smolder-flame-graph.h"
#include "smolder-flame-view.h"
#include "smolder-load.h"
#include "smolder-palette.h"
#include "smolder-preferences-window.h"
#include "smolder-profile-view.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

static SmolderApplication *app;

static GSettings *
settings (void)
{
  return smolder_application_get_settings (app);
}

/* The @n-th widget of @type below @widget, depth first (in .ui order). */
static GtkWidget *
nth_descendant (GtkWidget *widget,
                GType      type,
                guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (*n)-- == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nth_descendant (child, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkSpinButton *
spin (GtkWidget *window,
      guint      n)
{
  GtkWidget *found = nth_descendant (window, GTK_TYPE_SPIN_BUTTON, &n);

  g_assert_nonnull (found);
  return GTK_SPIN_BUTTON (found);
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
test_preferences (void)
{
  GtkWindow *window;
  GtkWidget *switch_, *combo;
  guint zero = 0;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  window = find_toplevel (SMOLDER_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);

  /* What the schema says before anything is touched. */
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (window), 0)), ==, 5.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (window), 1)), ==, 30);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (window), 4)), ==, 100.0);

  /* Rows to settings: 512 MiB is 512 × 1,048,576 = 536,870,912 bytes. */
  gtk_spin_button_set_value (spin (GTK_WIDGET (window), 0), 2.5);
  g_assert_cmpfloat (g_settings_get_double (settings (), "poll-interval"), ==, 2.5);
  gtk_spin_button_set_value (spin (GTK_WIDGET (window), 1), 7);
  g_assert_cmpuint (g_settings_get_uint (settings (), "session-retention-days"), ==, 7);
  gtk_spin_button_set_value (spin (GTK_WIDGET (window), 2), 512);
  g_assert_cmpuint (g_settings_get_uint64 (settings (), "heap-threshold"), ==, 536870912);
  gtk_spin_button_set_value (spin (GTK_WIDGET (window), 3), 10000);
  g_assert_cmpuint (g_settings_get_uint (settings (), "goroutine-threshold"), ==, 10000);
  gtk_spin_button_set_value (spin (GTK_WIDGET (window), 4), 250);
  g_assert_cmpfloat (g_settings_get_double (settings (), "gc-pause-threshold-ms"), ==, 250.0);

  combo = nth_descendant (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, &zero);
  g_assert_nonnull (combo);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  g_assert_cmpint (g_settings_get_enum (settings (), "flame-palette"), ==, SMOLDER_PALETTE_CLASSIC);

  /* Settings to rows: another window changing a key shows here at once. */
  zero = 0;
  switch_ = nth_descendant (GTK_WIDGET (window), GTK_TYPE_SWITCH, &zero);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (switch_)));
  g_settings_set_boolean (settings (), "flame-icicle", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (switch_)));
  g_settings_set_uint64 (settings (), "heap-threshold", 3 * 1024 * 1024);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (window), 2)), ==, 3);
  g_settings_set_string (settings (), "flame-palette", "package");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (window);
  for (const char *const *key = (const char *const[]) { "poll-interval", "session-retention-days",
         "heap-threshold", "goroutine-threshold", "gc-pause-threshold-ms", "flame-icicle",
         "flame-palette", NULL }; *key != NULL; key++)
    g_settings_reset (settings (), *key);
}

/* The actions of @model and its sections and submenus, into @actions. */
static void
collect_actions (GMenuModel *model,
                 GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, g_steal_pointer (&action));
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          collect_actions (link, actions);
          g_object_unref (link);
        }
    }
}

static gboolean
has_accel (const char *action,
           const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  return accels != NULL && g_strv_contains ((const char *const *) accels, accel);
}

static void
test_shortcuts_and_menu (void)
{
  SmolderWindow *window = g_object_ref (smolder_window_new (app));
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  GtkShortcutsWindow *overlay;
  GtkWidget *menu_button;

  gtk_window_present (GTK_WINDOW (window));

  /* Ctrl+? opens the shortcuts window GtkApplication found in the resources. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (has_accel ("win.show-help-overlay", "<Control>question"));
  g_assert_true (has_accel ("app.preferences", "<Control>comma"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"));

  /* The primary menu offers both, and About. */
  menu_button = find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);
  for (; menu_button != NULL; menu_button = gtk_widget_get_next_sibling (menu_button))
    if (GTK_IS_MENU_BUTTON (menu_button)
        && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)) != NULL)
      break;
  g_assert_nonnull (menu_button);
  collect_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), actions);
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "app.preferences", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.show-help-overlay", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "app.about", g_str_equal, NULL));

  /* The window's own action shows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

typedef struct {
  SmolderProfileView *view;
  GtkWidget *window;
} View;

static gboolean
view_settled (gpointer data)
{
  return !smolder_profile_view_get_busy (data);
}

static View
open_view (const char *fixture)
{
  g_autoptr(GFile) file = data_file (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = smolder_profile_new_from_file (file, NULL, NULL, &error);
  View v;

  g_assert_no_error (error);
  v.view = SMOLDER_PROFILE_VIEW (g_object_ref_sink (smolder_profile_view_new ()));
  v.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (v.window), 800, 500);
  gtk_window_set_child (GTK_WINDOW (v.window), GTK_WIDGET (v.view));
  gtk_window_present (GTK_WINDOW (v.window));
  smolder_profile_view_set_profile (v.view, profile);
  wait_until (view_settled, v.view);
  return v;
}

static void
close_view (View v)
{
  gtk_window_destroy (GTK_WINDOW (v.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (v.view);
}

static guint
selected_type (View v)
{
  GtkDropDown *types = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (v.view), GTK_TYPE_DROP_DOWN, NULL));

  return gtk_drop_down_get_selected (types);
}

static guint
index_of (View        v,
          const char *type)
{
  guint index;

  g_assert_true (smolder_profile_lookup_sample_index (smolder_profile_view_get_profile (v.view),
                                                      type, &index, NULL));
  return index;
}

static void
test_sample_type_remembered (void)
{
  View v = open_view ("leaky-service/series/heap-00.pb.gz");
  GtkDropDown *types = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (v.view), GTK_TYPE_DROP_DOWN, NULL));

  /* pprof's default for a heap profile: inuse_space. */
  g_assert_cmpuint (selected_type (v), ==, index_of (v, "inuse_space"));
  gtk_drop_down_set_selected (types, index_of (v, "alloc_objects"));
  wait_until (view_settled, v.view);
  close_view (v);

  /* Another heap profile opens on the type chosen last... */
  v = open_view ("leaky-service/heap-gc.pb.gz");
  g_assert_cmpuint (selected_type (v), ==, index_of (v, "alloc_objects"));
  close_view (v);
  /* ... a profile of another kind on its own default. */
  v = open_view ("leaky-service/allocs.pb.gz");
  g_assert_cmpuint (selected_type (v), ==, index_of (v, "alloc_space"));
  close_view (v);

  g_settings_reset (settings (), "last-sample-types");
}

static void
test_palette (void)
{
  View v = open_view ("leaky-service/series/heap-00.pb.gz");
  SmolderFlameGraph *graph = smolder_flame_view_get_flame_graph (smolder_profile_view_get_flame_view (v.view));
  SmolderFrameColor color;

  g_assert_cmpint (smolder_flame_graph_get_palette (graph), ==, SMOLDER_PALETTE_PACKAGE);
  g_settings_set_string (settings (), "flame-palette", "classic");
  g_assert_cmpint (smolder_flame_graph_get_palette (graph), ==, SMOLDER_PALETTE_CLASSIC);

  /* flamegraph.pl's hot range: red 205-255, green 0-230, blue 0-55 of 255. */
  smolder_palette_color_classic ("main.registerSession", FALSE, &color);
  g_assert_cmpfloat (color.fill.red, >=, 205 / 255.0);
  g_assert_cmpfloat (color.fill.green, <=, 230 / 255.0);
  g_assert_cmpfloat (color.fill.blue, <=, 55 / 255.0);

  g_settings_reset (settings (), "flame-palette");
  g_assert_cmpint (smolder_flame_graph_get_palette (graph), ==, SMOLDER_PALETTE_PACKAGE);
  close_view (v);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-desktop-XXXXXX");
  int status;

  if (home == NULL)
    return 0;
  app = smolder_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_nonnull (settings ());

  g_test_add_func ("/smolder/desktop/preferences", test_preferences);
  g_test_add_func ("/smolder/desktop/shortcuts-and-menu", test_shortcuts_and_menu);
  g_test_add_func ("/smolder/desktop/sample-type-remembered", test_sample_type_remembered);
  g_test_add_func ("/smolder/desktop/palette", test_palette);

  status = g_test_run ();
  g_clear_object (&app);
  ui_test_cleanup (home);
  return status;
}
