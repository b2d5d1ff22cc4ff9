/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the window under Xvfb: files opened as a drop and from
 * the command line, a bad file's error in its own tab, the Top table. */

#include <math.h>

#include "smolder-application.h"
#include "smolder-load.h"
#include "smolder-profile-page.h"
#include "smolder-top-item.h"
#include "smolder-top-view.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

#define VIEW(page) smolder_profile_page_get_profile_view (page)

#define GOOD_FIXTURE "leaky-service/heap-gc.pb.gz"
#define BAD_FIXTURE  "leaky-service/trace-1s.bin"

static gboolean
page_settled (gpointer data)
{
  SmolderProfilePage *page = data;

  if (smolder_page_get_loading (SMOLDER_PAGE (page)))
    return FALSE;
  if (smolder_page_get_profile (SMOLDER_PAGE (page)) == NULL)
    return TRUE;  /* an error: nothing more comes */

  return !smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (smolder_profile_view_get_top_view (VIEW (page))))
         && smolder_top_view_get_top (smolder_profile_view_get_top_view (VIEW (page))) != NULL;
}

static gboolean
top_view_settled (gpointer data)
{
  return !smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (data)) && smolder_top_view_get_top (data) != NULL;
}

static SmolderProfilePage *
nth_page (SmolderWindow *window,
          guint          n)
{
  AdwTabView *tab_view = smolder_window_get_tab_view (window);

  return SMOLDER_PROFILE_PAGE (adw_tab_page_get_child (adw_tab_view_get_nth_page (tab_view, n)));
}

typedef struct {
  GtkWidget *root;
  const char *text;
} CellSearch;

static gboolean
cell_shown (gpointer data)
{
  CellSearch *search = data;

  return find_descendant (search->root, GTK_TYPE_INSCRIPTION, search->text) != NULL;
}

/* Clicks a column header, in effect: sorts by column @index. */
static void
sort_by (SmolderTopView *view,
         guint           index,
         GtkSortType     direction)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (view),
                                                                 GTK_TYPE_COLUMN_VIEW, NULL));
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_assert_nonnull (column_view);
  column = g_list_model_get_item (gtk_column_view_get_columns (column_view), index);
  gtk_column_view_sort_by_column (column_view, column, direction);
}

static SmolderQuery *
query_for_sample_type (SmolderProfile *profile,
                       const char     *name)
{
  SmolderQuery *query = smolder_query_new ();
  g_autoptr(GError) error = NULL;
  guint index = 0;

  g_assert_true (smolder_profile_lookup_sample_index (profile, name, &index, &error));
  g_assert_no_error (error);
  smolder_query_set_sample_index (query, index);
  return query;
}

static SmolderTopItem *
first_row (SmolderTopView *view)
{
  GListModel *model = smolder_top_view_get_model (view);

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

/* What a user reads first in heap-gc.pb.gz, as `go tool pprof -top` says:
 * main.registerSession, 59.52MB flat = cum, 60.72% of 98.02MB. */
static void
assert_heap_gc_top (SmolderProfilePage *page)
{
  SmolderTopView *view = smolder_profile_view_get_top_view (VIEW (page));
  g_autoptr(SmolderTopItem) item = first_row (view);
  SmolderTop *top = smolder_top_view_get_top (view);
  double pct;

  g_assert_cmpstr (smolder_top_item_get_name (item), ==, "main.registerSession");
  g_assert_cmpint (smolder_top_item_get_flat (item), ==, smolder_top_item_get_cum (item));
  pct = 100.0 * smolder_top_item_get_flat (item) / smolder_top_get_total (top);
  g_assert_cmpfloat (fabs (pct - 60.72), <, 0.005);
  g_assert_cmpuint (g_list_model_get_n_items (smolder_top_view_get_model (view)), ==, 16);
  g_assert_nonnull (strstr (smolder_top_view_get_summary (view), "16 rows"));
}

static void
assert_error_page (SmolderProfilePage *page)
{
  const GError *error = smolder_page_get_error (SMOLDER_PAGE (page));

  g_assert_null (smolder_page_get_profile (SMOLDER_PAGE (page)));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_UNRECOGNIZED);
  g_assert_nonnull (strstr (error->message, "execution trace"));
  g_assert_cmpstr (smolder_page_get_title (SMOLDER_PAGE (page)), ==, "trace-1s.bin");
}

/* Emits "drop" on @widget's file-list drop target, as GTK does when files
 * are dropped on it. */
static gboolean
drop_on (GtkWidget   *widget,
         GdkFileList *files)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          const GType *types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), NULL);

          if (types != NULL && types[0] == GDK_TYPE_FILE_LIST)
            target = GTK_DROP_TARGET (controller);
        }
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);

  return handled;
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

static void
test_window_drop (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) good = data_file (GOOD_FIXTURE);
  g_autoptr(GFile) bad = data_file (BAD_FIXTURE);
  GdkFileList *files;
  g_autoptr(SmolderQuery) query = NULL;
  g_autoptr(SmolderTopItem) item = NULL;
  g_autofree char *good_uri = g_file_get_uri (good);
  SmolderWindow *window;
  SmolderProfilePage *good_page, *bad_page;
  SmolderTopView *view;
  GSList *list = NULL;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (adw_tab_view_get_n_pages (smolder_window_get_tab_view (window)), ==, 0);

  /* Two files dropped together: the window's drop target gets a file list
   * and opens two tabs. */
  list = g_slist_append (list, good);
  list = g_slist_append (list, bad);
  files = gdk_file_list_new_from_list (list);
  g_slist_free (list);
  g_assert_true (drop_on (GTK_WIDGET (window), files));
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  g_assert_cmpint (adw_tab_view_get_n_pages (smolder_window_get_tab_view (window)), ==, 2);

  good_page = nth_page (window, 0);
  bad_page = nth_page (window, 1);
  g_object_add_weak_pointer (G_OBJECT (good_page), (gpointer *) &good_page);
  g_object_add_weak_pointer (G_OBJECT (bad_page), (gpointer *) &bad_page);

  wait_until (page_settled, good_page);
  wait_until (page_settled, bad_page);

  /* The bad file's tab shows its error; the good one is untouched. */
  assert_error_page (bad_page);
  g_assert_nonnull (smolder_page_get_profile (SMOLDER_PAGE (good_page)));
  g_assert_null (smolder_page_get_error (SMOLDER_PAGE (good_page)));
  assert_heap_gc_top (good_page);

  /* What the user reads in the cells: human units. The rows get widgets
   * once the Top view is shown, in the tab shown. */
  adw_tab_view_set_selected_page (smolder_window_get_tab_view (window),
                                  adw_tab_view_get_page (smolder_window_get_tab_view (window),
                                                         GTK_WIDGET (good_page)));
  smolder_profile_view_set_visible_view (VIEW (good_page), "top");
  {
    CellSearch search = { GTK_WIDGET (good_page), "59.5 MiB" };

    wait_until (cell_shown, &search);
    search.text = "60.72%";
    g_assert_true (cell_shown (&search));
    search.text = "main.registerSession";
    g_assert_true (cell_shown (&search));
  }

  /* ... and still works: another sample type gives pprof's other table
   * (`go tool pprof -top -sample_index=alloc_space`). */
  view = smolder_profile_view_get_top_view (VIEW (good_page));
  query = query_for_sample_type (smolder_page_get_profile (SMOLDER_PAGE (good_page)), "alloc_space");
  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (view), query);
  g_assert_true (smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (view)));
  wait_until (top_view_settled, view);
  item = first_row (view);
  g_assert_cmpstr (smolder_top_item_get_name (item), ==, "regexp.(*Regexp).FindAllString.func1");

  /* A profile that loaded is a recent file. */
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), good_uri));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_null (good_page);
  g_assert_null (bad_page);
}

typedef struct {
  gboolean checked;
} CommandLineState;

static void
check_command_line_window (SmolderApplication  *app,
                           GFile              **files,
                           int                  n_files,
                           const char          *hint,
                           CommandLineState    *state)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  SmolderWindow *window;
  SmolderProfilePage *page;

  g_assert_cmpint (n_files, ==, 2);
  g_assert_true (SMOLDER_IS_WINDOW (active));
  window = SMOLDER_WINDOW (active);

  /* Both files went to the one window, a tab each. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpint (adw_tab_view_get_n_pages (smolder_window_get_tab_view (window)), ==, 2);

  page = nth_page (window, 0);
  wait_until (page_settled, page);
  assert_error_page (page);

  page = nth_page (window, 1);
  wait_until (page_settled, page);
  assert_heap_gc_top (page);
  g_assert_true (adw_tab_view_get_selected_page (smolder_window_get_tab_view (window))
                 == adw_tab_view_get_nth_page (smolder_window_get_tab_view (window), 1));

  /* The About window opens (its properties exist in libadwaita 1.2). */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  {
    GList *toplevels = gtk_window_list_toplevels ();
    GtkWindow *about = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_ABOUT_WINDOW (l->data))
        about = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (about);
    g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Smolder");
    gtk_window_destroy (about);
  }

  state->checked = TRUE;
  gtk_window_destroy (active);
}

static void
test_window_command_line (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autofree char *bad = data_path (BAD_FIXTURE);
  g_autofree char *good = data_path (GOOD_FIXTURE);
  char *argv[] = { (char *) "smolder", bad, good, NULL };
  CommandLineState state = { FALSE };
  int status;

  /* Check once the files are opened (and the window presented). */
  g_signal_connect_after (app, "open", G_CALLBACK (check_command_line_window), &state);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (state.checked);
}

/* A kind of page the window has never heard of: it counts the commands it
 * gets and shows a profile it is given. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, SmolderPage)

struct _TestPage
{
  SmolderPage parent_instance;
  SmolderProfile *profile;
  GString *commands;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, SMOLDER_TYPE_PAGE)

static SmolderProfile *
test_page_get_profile (SmolderPage *page)
{
  return TEST_PAGE (page)->profile;
}

static void
test_page_command (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TestPage *self = TEST_PAGE (widget);

  g_string_append_printf (self->commands, "%s%s%s;", action_name, param != NULL ? " " : "",
                          param != NULL ? g_variant_get_string (param, NULL) : "");
}

static void
test_page_finalize (GObject *object)
{
  TestPage *self = TEST_PAGE (object);

  g_clear_object (&self->profile);
  g_string_free (self->commands, TRUE);
  G_OBJECT_CLASS (test_page_parent_class)->finalize (object);
}

static void
test_page_class_init (TestPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_page_finalize;
  SMOLDER_PAGE_CLASS (klass)->get_profile = test_page_get_profile;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "page.search", NULL, test_page_command);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "page.show-view", "s", test_page_command);
}

static void
test_page_init (TestPage *self)
{
  self->commands = g_string_new (NULL);
}

/* The window talks to pages only through SmolderPage: a new kind binds
 * its tab (title, loading, icon), gets the menu's commands as its actions
 * (those it offers), and its profile goes into Merge Profiles…. */
static void
test_window_page_contract (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) good = data_file (GOOD_FIXTURE);
  g_autoptr(GIcon) icon = g_themed_icon_new ("media-record-symbolic");
  SmolderWindow *window;
  SmolderProfilePage *file_page;
  TestPage *page;
  AdwTabPage *tab;
  AdwTabView *tab_view;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  tab_view = smolder_window_get_tab_view (window);

  /* No tab: export says what to do first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.export-flame-graph", NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Open a profile first"));

  file_page = smolder_window_open_file (window, good);
  wait_until (page_settled, file_page);

  page = g_object_new (TEST_TYPE_PAGE, "title", "Live", NULL);
  tab = smolder_window_add_page (window, SMOLDER_PAGE (page));
  g_assert_true (smolder_window_get_selected_page (window) == SMOLDER_PAGE (page));
  g_assert_cmpstr (adw_tab_page_get_title (tab), ==, "Live");
  smolder_page_set_title (SMOLDER_PAGE (page), "Live: heap");
  g_assert_cmpstr (adw_tab_page_get_title (tab), ==, "Live: heap");
  smolder_page_set_loading (SMOLDER_PAGE (page), TRUE);
  g_assert_true (adw_tab_page_get_loading (tab));
  smolder_page_set_loading (SMOLDER_PAGE (page), FALSE);
  smolder_page_set_icon (SMOLDER_PAGE (page), icon);
  g_assert_true (adw_tab_page_get_icon (tab) == icon);

  /* Without a profile the page gets no commands; with one, those it offers
   * (and not export, which it does not). */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.find", NULL);
  g_assert_cmpstr (page->commands->str, ==, "");
  page->profile = g_object_ref (smolder_page_get_profile (SMOLDER_PAGE (file_page)));
  smolder_page_notify_profile (SMOLDER_PAGE (page));
  gtk_widget_activate_action (GTK_WIDGET (window), "window.find", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-view", "s", "top");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.undo-filter", NULL);
  g_assert_cmpstr (page->commands->str, ==, "page.search;page.show-view top;");

  /* The profile page's view gets them when it is selected. */
  adw_tab_view_set_selected_page (tab_view, adw_tab_view_get_page (tab_view, GTK_WIDGET (file_page)));
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-view", "s", "callers");
  g_assert_cmpstr (smolder_profile_view_get_visible_view (VIEW (file_page)), ==, "callers");
  g_assert_cmpstr (page->commands->str, ==, "page.search;page.show-view top;");

  /* Both profiles are offered for merging. */
  {
    AdwMessageDialog *dialog = smolder_window_present_merge_dialog (window);
    guint n_rows = 0;

    g_assert_nonnull (dialog);
    for (GtkWidget *check = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
         check != NULL; check = gtk_widget_get_next_sibling (check))
      n_rows++;
    g_assert_cmpuint (n_rows, ==, 2);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A text heap profile large enough that its load runs for a while (about
 * 30 MB: a second or more here), written into @dir. */
static GFile *
write_large_heap (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "large-heap.txt", NULL);
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  fprintf (out, "heap profile: 1: 64 [1: 64] @ heap/1048576\n");
  for (guint i = 0; i < 90000; i++)
    {
      fprintf (out, "1: 64 [1: 64] @");
      for (guint k = 0; k < 6; k++)
        fprintf (out, " 0x%x", 0x400000 + i * 64 + k);
      fprintf (out, "\n");
      for (guint k = 0; k < 6; k++)
        fprintf (out, "#\t0x%x\tmain.f%u+0x1d\t\tleaky/main.go:%u\n",
                 0x400000 + i * 64 + k - 1, (i * 7 + k) % 5000, k + 10);
      fprintf (out, "\n");
    }
  g_assert_cmpint (fclose (out), ==, 0);
  return g_file_new_for_path (path);
}

typedef struct {
  SmolderPage *page;
  guint painted;  /* frames painted since the load was asked for */
} LoadWatch;

static void
count_paint (GdkFrameClock *clock,
             LoadWatch     *watch)
{
  watch->painted++;
}

/* The page starts its worker right after the next paint (its handler
 * runs before this test's); two frames later, the worker has been at it
 * for a while, and it must still be at it. */
static gboolean
load_running (gpointer data)
{
  LoadWatch *watch = data;

  g_assert_true (smolder_page_get_loading (watch->page));
  g_assert_null (smolder_page_get_profile (watch->page));
  return watch->painted >= 3;
}

/* Asks @page to load (through @load) and returns once its worker runs. */
static void
start_load_and_wait (SmolderProfilePage *page,
                     void              (*load) (SmolderProfilePage *page))
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (page));
  LoadWatch watch = { SMOLDER_PAGE (page), 0 };
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &watch);
  load (page);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  while (!load_running (&watch))
    {
      /* Frames keep coming while the progress bar pulses. */
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
not_loading (gpointer data)
{
  return !smolder_page_get_loading (data);
}

/* Cancel (Escape's action) and closing the tab stop a load that is
 * running: its worker started frames ago and has not finished. Cancelled, the tab
 * says so and keeps no profile; closed, the page is gone at once (the
 * worker holds no reference), and the window opens files as before. */
static void
test_window_close_while_loading (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smolder-large-XXXXXX", NULL);
  g_autoptr(GFile) large = write_large_heap (dir);
  g_autoptr(GFile) good = data_file (GOOD_FIXTURE);
  SmolderWindow *window;
  SmolderProfilePage *page;
  AdwTabView *tab_view;


  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  tab_view = smolder_window_get_tab_view (window);

  /* A page of the window, the file set but not loading yet. */
  page = smolder_profile_page_new (large);
  smolder_window_add_page (window, SMOLDER_PAGE (page));
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  while (gtk_widget_get_frame_clock (GTK_WIDGET (page)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  start_load_and_wait (page, smolder_profile_page_load);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.cancel", NULL));
  wait_until (not_loading, page);
  g_assert_error (smolder_page_get_error (SMOLDER_PAGE (page)), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (smolder_page_get_profile (SMOLDER_PAGE (page)));

  /* Again, and the tab closes while it runs. */
  start_load_and_wait (page, smolder_profile_page_load);
  g_assert_false (smolder_page_get_failed (SMOLDER_PAGE (page)));
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close-tab", NULL);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 0);
  g_assert_null (page);

  /* The window still works: a file opens and loads. */
  page = smolder_window_open_file (window, good);
  wait_until (page_settled, page);
  g_assert_nonnull (smolder_page_get_profile (SMOLDER_PAGE (page)));
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    g_assert_true (g_file_delete (large, NULL, NULL));
    g_assert_true (g_file_delete (folder, NULL, NULL));
  }
}

/* Closed before its worker even starts (the load waits for a paint). */
static void
test_window_empty_state (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) good = data_file (GOOD_FIXTURE);
  SmolderWindow *window;
  SmolderProfilePage *page;
  AdwTabView *tab_view;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  tab_view = smolder_window_get_tab_view (window);

  /* Closing the last tab while it loads cancels it; the empty state returns. */
  page = smolder_window_open_file (window, good);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_assert_true (smolder_page_get_loading (SMOLDER_PAGE (page)));
  gtk_widget_activate_action (GTK_WIDGET (window), "window.close-tab", NULL);
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 0);
  g_assert_null (page);

  /* The load finishes into nothing: no crash, no tab. */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_cmpint (adw_tab_view_get_n_pages (tab_view), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A tab that fails while another is selected says so in a toast. */
static void
test_window_background_error_toast (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) good = data_file (GOOD_FIXTURE);
  g_autoptr(GFile) bad = data_file (BAD_FIXTURE);
  SmolderWindow *window;
  SmolderProfilePage *bad_page, *good_page;
  AdwTabView *tab_view;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  tab_view = smolder_window_get_tab_view (window);

  bad_page = smolder_window_open_file (window, bad);
  good_page = smolder_window_open_file (window, good);
  g_assert_true (adw_tab_view_get_selected_page (tab_view)
                 == adw_tab_view_get_page (tab_view, GTK_WIDGET (good_page)));
  g_assert_null (find_label (GTK_WIDGET (window), "Could not open “trace-1s.bin”"));
  /* Alt+1/2/3 are the page's views, not tabs. */
  g_assert_false (adw_tab_view_get_shortcuts (tab_view) & ADW_TAB_VIEW_SHORTCUT_ALT_DIGITS);

  wait_until (page_settled, bad_page);
  wait_until (page_settled, good_page);
  assert_error_page (bad_page);
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Could not open “trace-1s.bin”"));

  /* The window's Alt+2 action reaches the selected page wherever the focus is. */
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-view", "s", "top");
  g_assert_cmpstr (smolder_profile_view_get_visible_view (VIEW (good_page)), ==, "top");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A late result of an older query never replaces a newer one. */
static void
test_top_view_stale (void)
{
  g_autoptr(GFile) good = data_file (GOOD_FIXTURE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = smolder_profile_new_from_file (good, NULL, NULL, &error);
  g_autoptr(SmolderQuery) alloc_space = NULL;
  g_autoptr(SmolderQuery) inuse_space = NULL;
  g_autoptr(SmolderTopItem) item = NULL;
  SmolderTopView *view;

  g_assert_no_error (error);
  alloc_space = query_for_sample_type (profile, "alloc_space");
  inuse_space = query_for_sample_type (profile, "inuse_space");

  view = g_object_ref_sink (SMOLDER_TOP_VIEW (smolder_top_view_new ()));
  smolder_query_view_set_profile (SMOLDER_QUERY_VIEW (view), profile);
  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (view), alloc_space);
  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (view), inuse_space);
  wait_until (top_view_settled, view);

  g_assert_cmpuint (smolder_top_get_sample_index (smolder_top_view_get_top (view)), ==,
                    smolder_query_get_sample_index (inuse_space));
  item = first_row (view);
  g_assert_cmpstr (smolder_top_item_get_name (item), ==, "main.registerSession");
  g_clear_object (&item);

  /* Sortable: by cum (pprof -top -cum's first row; numbers sort largest
   * first in GTK's first, "ascending" order), and by name. */
  sort_by (view, 3, GTK_SORT_ASCENDING);
  item = first_row (view);
  g_assert_cmpstr (smolder_top_item_get_name (item), ==, "main.main.func1.1");
  g_clear_object (&item);
  sort_by (view, 5, GTK_SORT_ASCENDING);
  item = first_row (view);
  g_assert_cmpstr (smolder_top_item_get_name (item), ==, "main.cacheMetadata");
  g_clear_object (&item);

  /* Disposed while a worker runs: the worker must not keep it alive. */
  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (view), alloc_space);
  g_assert_true (smolder_query_view_get_busy (SMOLDER_QUERY_VIEW (view)));
  g_assert_finalize_object (view);
}

/* A table larger than what goes in at once: all rows arrive, in pprof's
 * order, and a new query replaces them all. */
static void
test_top_view_large_table (void)
{
  g_autoptr(GFile) file = data_file ("go-toolchain/compile-nethttp-cpu.pb.gz");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = smolder_profile_new_from_file (file, NULL, NULL, &error);
  g_autoptr(SmolderQuery) functions = smolder_query_new ();
  g_autoptr(SmolderQuery) lines = smolder_query_new ();
  g_autoptr(SmolderTopItem) item = NULL;
  SmolderTopView *view;
  SmolderTop *top;
  GListModel *model;

  g_assert_no_error (error);
  smolder_query_set_granularity (lines, SMOLDER_GRANULARITY_LINES);

  view = g_object_ref_sink (SMOLDER_TOP_VIEW (smolder_top_view_new ()));
  model = smolder_top_view_get_model (view);
  smolder_query_view_set_profile (SMOLDER_QUERY_VIEW (view), profile);
  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (view), functions);
  wait_until (top_view_settled, view);

  top = smolder_top_view_get_top (view);
  g_assert_cmpuint (smolder_top_get_n_rows (top), >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, smolder_top_get_n_rows (top));
  item = first_row (view);
  /* `go tool pprof -top`: runtime.scanobject 300ms first. */
  g_assert_cmpstr (smolder_top_item_get_name (item), ==, "runtime.scanobject");
  g_clear_object (&item);

  smolder_query_view_set_query (SMOLDER_QUERY_VIEW (view), lines);
  wait_until (top_view_settled, view);
  top = smolder_top_view_get_top (view);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, smolder_top_get_n_rows (top));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmolderTopItem) row = g_list_model_get_item (model, i);

      /* Every row is of the lines table: "name file:line". */
      g_assert_nonnull (strchr (smolder_top_item_get_name (row), ':'));
    }

  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-window-XXXXXX");
  int status;

  if (home == NULL)
    return 0;

  g_test_add_func ("/smolder/top-view/stale-results", test_top_view_stale);
  g_test_add_func ("/smolder/top-view/large-table", test_top_view_large_table);
  g_test_add_func ("/smolder/window/drop", test_window_drop);
  g_test_add_func ("/smolder/window/command-line", test_window_command_line);
  g_test_add_func ("/smolder/window/page-contract", test_window_page_contract);
  g_test_add_func ("/smolder/window/close-before-load-starts", test_window_empty_state);
  g_test_add_func ("/smolder/window/close-while-loading", test_window_close_while_loading);
  g_test_add_func ("/smolder/window/background-error-toast", test_window_background_error_toast);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
