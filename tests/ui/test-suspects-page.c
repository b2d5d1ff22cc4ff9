/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-suspects-page.c: the Leak Suspects page under Xvfb, on the leaky
 * service's series (tests/data/README.md: a session map and a metadata cache
 * never pruned, one goroutine per request blocked forever on a channel). */
#include <string.h>

#include "smolder-application.h"
#include "smolder-compare-page.h"
#include "smolder-suspect-row.h"
#include "smolder-suspects-page.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

#define SERIES "leaky-service/series"

/* Expected values from `go tool pprof -raw` of the first and last snapshots
 * (tests/test_suspects.py's raw_stack_values: inuse_space is heap sample
 * type 3, the goroutine count type 0), summed per function stack:
 *   heap-00  main.registerSession;main.main.func1.1  1052677
 *   heap-11  main.registerSession;main.main.func1.1  39733737
 *   heap-00  main.cacheMetadata;main.main.func1.1    (absent) 0
 *   heap-11  main.cacheMetadata;main.main.func1.1    19367037
 *   goroutine-00  runtime.gopark;runtime.chanrecv;runtime.chanrecv2;main.leakUploadWorker.func1  212
 *   goroutine-11  (the same stack)                                                            11321 */
typedef struct {
  const char *leaf;
  gint64      first, last;
} Expected;

static const Expected heap_expected[] = {
  { "main.registerSession", 1052677, 39733737 },
  { "main.cacheMetadata", 0, 19367037 },
};

/* The first GtkLabel below @widget whose text holds @text. */
static GtkWidget *
find_text (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static SmolderApplication *
test_application_new (void)
{
  SmolderApplication *app = smolder_application_new ();
  g_autoptr(GError) error = NULL;

  /* Never hand our files to a Smolder the developer has running. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

/* Opens a suspects page on @path in a new window and waits until it is done;
 * asserts it was busy first while the main loop ran (a worker computes). */
static SmolderSuspectsPage *
open_page (SmolderWindow *window,
           const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SmolderSuspectsPage *page = SMOLDER_SUSPECTS_PAGE (smolder_window_open_suspects (window, &file, 1));
  guint iterations = 0;

  g_assert_true (smolder_suspects_page_get_busy (page));
  g_assert_true (smolder_page_get_loading (SMOLDER_PAGE (page)));
  while (smolder_suspects_page_get_busy (page))
    {
      g_main_context_iteration (NULL, TRUE);
      iterations++;
    }
  /* The main loop went on (drawing, the progress timer) while ranking. */
  g_assert_cmpuint (iterations, >, 1);
  g_assert_false (smolder_page_get_loading (SMOLDER_PAGE (page)));
  return page;
}

static SmolderWindow *
window_new (SmolderApplication *app)
{
  SmolderWindow *window = smolder_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The first frame of @series' stack that is not the runtime's. */
static const char *
user_leaf (SmolderTrends *trends,
           guint          series)
{
  for (guint d = 0; d < smolder_trends_get_stack_depth (trends, series); d++)
    {
      const char *frame = smolder_trends_get_stack_frame (trends, series, d);

      if (!g_str_has_prefix (frame, "runtime."))
        return frame;
    }
  return NULL;
}

static void
test_ranking (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  SmolderWindow *window = window_new (app);
  g_autofree char *series = data_path (SERIES);
  SmolderSuspectsPage *page = open_page (window, series);
  SmolderTrends *heap, *goroutine;
  const SmolderSuspect *s;
  GtkListBox *list;
  guint n;

  g_assert_false (smolder_page_get_failed (SMOLDER_PAGE (page)));

  /* Heap: the session map and the metadata cache first, in that order (the
   * sessions grow twice as fast), both unbounded collections. */
  heap = smolder_suspects_page_get_trends (page, SMOLDER_PROFILE_KIND_HEAP);
  g_assert_nonnull (heap);
  n = smolder_trends_get_n_snapshots (heap);
  g_assert_cmpuint (n, ==, 12);
  g_assert_cmpuint (smolder_trends_get_n_suspects (heap), >=, 2);
  for (guint r = 0; r < G_N_ELEMENTS (heap_expected); r++)
    {
      s = smolder_trends_get_suspect (heap, r);
      g_assert_cmpstr (smolder_trends_get_stack_frame (heap, s->series, 0), ==, heap_expected[r].leaf);
      g_assert_cmpstr (s->pattern->id, ==, "unbounded-collection");
      g_assert_true (s->steady);
      g_assert_cmpint (smolder_trends_get_stack_value (heap, s->series, 0, 0), ==, heap_expected[r].first);
      g_assert_cmpint (smolder_trends_get_stack_value (heap, s->series, 0, n - 1), ==, heap_expected[r].last);
    }

  /* The list shows them, in rank order, with what a user reads. */
  list = smolder_suspects_page_get_list (page, SMOLDER_PROFILE_KIND_HEAP);
  g_assert_nonnull (list);
  {
    SmolderSuspectRow *row = SMOLDER_SUSPECT_ROW (gtk_list_box_get_row_at_index (list, 0));

    g_assert_nonnull (row);
    g_assert_cmpuint (smolder_suspect_row_get_rank (row), ==, 0);
    /* 39733737 − 1052677 bytes = 36.9 MiB, over the 56 s the series spans. */
    g_assert_cmpstr (smolder_suspect_row_get_summary (row), ==, "grew 36.9 MiB in 56.0 s");
    g_assert_nonnull (find_text (GTK_WIDGET (row), "unbounded-collection"));
    g_assert_nonnull (find_text (GTK_WIDGET (row), "main.registerSession\nmain.main.func1.1"));
    g_assert_null (gtk_list_box_get_row_at_index (list, smolder_trends_get_n_suspects (heap)));
  }

  /* Goroutines: the workers parked on a channel nobody sends to. */
  goroutine = smolder_suspects_page_get_trends (page, SMOLDER_PROFILE_KIND_GOROUTINE);
  g_assert_nonnull (goroutine);
  n = smolder_trends_get_n_snapshots (goroutine);
  s = smolder_trends_get_suspect (goroutine, 0);
  g_assert_cmpstr (user_leaf (goroutine, s->series), ==, "main.leakUploadWorker.func1");
  g_assert_cmpstr (s->pattern->id, ==, "blocked-goroutine");
  g_assert_cmpint (smolder_trends_get_stack_value (goroutine, s->series, 0, 0), ==, 212);
  g_assert_cmpint (smolder_trends_get_stack_value (goroutine, s->series, 0, n - 1), ==, 11321);
  g_assert_nonnull (smolder_suspects_page_get_list (page, SMOLDER_PROFILE_KIND_GOROUTINE));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  SmolderFlameGraph  *graph;
  const char * const *path;
} ZoomWait;

static gboolean
zoomed_to (gpointer data)
{
  ZoomWait *w = data;
  g_auto(GStrv) path = smolder_flame_graph_get_zoom_path (w->graph);

  return path != NULL && g_strv_equal ((const char * const *) path, w->path);
}

static void
test_select (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  SmolderWindow *window = window_new (app);
  g_autofree char *series = data_path (SERIES);
  SmolderSuspectsPage *page = open_page (window, series);
  SmolderProfileView *view = smolder_suspects_page_get_profile_view (page);
  /* Root first, as the flame graph's zoom path. */
  const char *session[] = { "main.main.func1.1", "main.registerSession", NULL };
  const char *cache[] = { "main.main.func1.1", "main.cacheMetadata", NULL };
  ZoomWait w = { smolder_profile_view_get_flame_graph (view), session };

  /* The first suspect: the last snapshot, zoomed to its stack. */
  g_assert_true (smolder_suspects_page_select (page, SMOLDER_PROFILE_KIND_HEAP, 0));
  wait_until (zoomed_to, &w);
  g_assert_cmpstr (smolder_profile_view_get_visible_view (view), ==, "flame");
  g_assert_true (strstr (smolder_suspects_page_get_change_text (page),
                         "main.registerSession: inuse_space 1.00 MiB → 37.9 MiB") != NULL);
  g_assert_true (strstr (smolder_suspects_page_get_change_text (page), "heap-11.pb.gz") != NULL);

  /* The second: the same profile, zoomed elsewhere. */
  g_assert_true (smolder_suspects_page_select (page, SMOLDER_PROFILE_KIND_HEAP, 1));
  w.path = cache;
  wait_until (zoomed_to, &w);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
compare_ready (gpointer data)
{
  return smolder_compare_page_get_ready (data) || smolder_page_get_failed (data);
}

/* "Compare First → Last": heap-00 against heap-11 in a compare tab, the
 * whole growth; `go tool pprof -top -unit=B -diff_base=heap-00.pb.gz
 * heap-11.pb.gz` says main.registerSession +38681060B and
 * main.cacheMetadata +19367037B (flat and cum). */
static void
test_first_last (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  SmolderWindow *window = window_new (app);
  g_autofree char *series = data_path (SERIES);
  SmolderSuspectsPage *page = open_page (window, series);
  GtkWidget *button = find_button_labelled (GTK_WIDGET (page), "Compare _First → Last");
  SmolderDiffTable *table;
  SmolderPage *compare;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  compare = smolder_window_get_selected_page (window);
  g_assert_true (SMOLDER_IS_COMPARE_PAGE (compare));
  g_assert_cmpstr (smolder_page_get_title (compare), ==, "heap-00.pb.gz → heap-11.pb.gz");
  wait_until (compare_ready, compare);
  g_assert_false (smolder_page_get_failed (compare));
  table = smolder_compare_page_get_table (SMOLDER_COMPARE_PAGE (compare));
  g_assert_cmpint (smolder_diff_item_get_delta_cum (smolder_diff_table_lookup (table, "main.registerSession")),
                   ==, 38681060);
  g_assert_cmpint (smolder_diff_item_get_delta_flat (smolder_diff_table_lookup (table, "main.cacheMetadata")),
                   ==, 19367037);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new folder with copies of the series' @names, and @extra (a name, then
 * its text) when not NULL. */
static char *
make_folder (const char * const *names,
             const char         *extra,
             const char         *extra_text)
{
  char *dir = g_dir_make_tmp ("smolder-suspects-XXXXXX", NULL);

  g_assert_nonnull (dir);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_build_filename (SERIES, names[i], NULL);
      g_autofree char *from = data_path (name);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
  if (extra != NULL)
    {
      g_autofree char *to = g_build_filename (dir, extra, NULL);

      g_assert_true (g_file_set_contents (to, extra_text, -1, NULL));
    }
  return dir;
}

static void
remove_folder (char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static void
test_too_few (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  SmolderWindow *window = window_new (app);
  const char *names[] = { "heap-00.pb.gz", "heap-01.pb.gz", NULL };
  char *dir = make_folder (names, NULL, NULL);
  SmolderSuspectsPage *page;
  const GError *error;

  page = open_page (window, dir);
  g_assert_true (smolder_page_get_failed (SMOLDER_PAGE (page)));
  error = smolder_page_get_error (SMOLDER_PAGE (page));
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "at least 3 snapshots") != NULL);
  g_assert_true (strstr (error->message, "2 heap") != NULL);
  /* Said on the page itself, not only in a toast. */
  g_assert_nonnull (find_text (GTK_WIDGET (page), "found 2 heap"));
  g_assert_null (smolder_suspects_page_get_trends (page, SMOLDER_PROFILE_KIND_HEAP));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

/* A live session's folder: its session.json index is passed over. */
static void
test_session_folder (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  SmolderWindow *window = window_new (app);
  const char *names[] = { "heap-00.pb.gz", "heap-01.pb.gz", "heap-02.pb.gz", NULL };
  char *dir = make_folder (names, "session.json", "{\"version\": 1, \"snapshots\": []}\n");
  SmolderSuspectsPage *page = open_page (window, dir);
  SmolderTrends *heap = smolder_suspects_page_get_trends (page, SMOLDER_PROFILE_KIND_HEAP);
  const SmolderSuspect *s;

  g_assert_false (smolder_page_get_failed (SMOLDER_PAGE (page)));
  g_assert_nonnull (heap);
  g_assert_cmpuint (smolder_trends_get_n_snapshots (heap), ==, 3);
  s = smolder_trends_get_suspect (heap, 0);
  g_assert_cmpstr (smolder_trends_get_stack_frame (heap, s->series, 0), ==, "main.registerSession");
  /* The first value is heap-00's, as pprof -raw gives it. */
  g_assert_cmpint (smolder_trends_get_stack_value (heap, s->series, 0, 0), ==, 1052677);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

static void
test_offer (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  SmolderWindow *window = window_new (app);
  GSList *list = NULL;
  GdkFileList *files;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf (SERIES "/heap-%02u.pb.gz", i);

      list = g_slist_append (list, data_file (name));
    }
  files = gdk_file_list_new_from_list (list);
  /* Three profiles dropped together: three tabs and the offer. */
  g_assert_cmpuint (smolder_window_open_file_list (window, files), ==, 3);
  g_assert_nonnull (find_text (GTK_WIDGET (window), "3 profiles opened: look for what grows across them?"));

  /* And the main menu's way in: the window offers the action it names. */
  {
    gboolean found = FALSE;
    const char *name;
    const GVariantType *param;
    const char *property;
    GType owner;

    for (guint i = 0;
         gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name, &param, &property);
         i++)
      found |= g_str_equal (name, "window.find-suspects") && param == NULL;
    g_assert_true (found);
  }

  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  g_slist_free_full (list, g_object_unref);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Goroutine ?debug=2 dumps lend their state and wait to the suspect: in
 * tests/data/patterns/blocked-goroutine the leaked goroutines are
 * "[chan send, 1 minutes]" at most in the first dump holding them (0007) and
 * "[chan send, 2 minutes]" in the last (0015), by zcat | grep. */
static void
test_states (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  SmolderWindow *window = window_new (app);
  g_autofree char *dir = data_path ("patterns/blocked-goroutine");
  SmolderSuspectsPage *page = open_page (window, dir);
  GtkListBox *list = smolder_suspects_page_get_list (page, SMOLDER_PROFILE_KIND_GOROUTINE);
  GtkListBoxRow *row;

  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (find_text (GTK_WIDGET (row), "blocked-goroutine"));
  g_assert_nonnull (find_text (GTK_WIDGET (row), "state chan send, waiting 1 → 2 minutes, rising"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A page alone: done, a suspect chosen, then finalized (no leak, no cycle);
 * and one dropped while it ranks (a tab closed) goes at once, its worker
 * cancelled. */
static void
test_finalize (void)
{
  g_autoptr(GFile) series = data_file (SERIES);
  SmolderSuspectsPage *page = SMOLDER_SUSPECTS_PAGE (g_object_ref_sink (smolder_suspects_page_new (&series, 1)));
  const char *session[] = { "main.main.func1.1", "main.registerSession", NULL };
  ZoomWait w = { NULL, session };

  while (smolder_suspects_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);
  w.graph = smolder_profile_view_get_flame_graph (smolder_suspects_page_get_profile_view (page));
  wait_until (zoomed_to, &w);
  g_assert_finalize_object (page);

  page = SMOLDER_SUSPECTS_PAGE (g_object_ref_sink (smolder_suspects_page_new (&series, 1)));
  g_assert_true (smolder_suspects_page_get_busy (page));
  g_assert_finalize_object (page);
  /* Its worker's end finds nothing to touch. */
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
}

/* `smolder --suspects DIR` reaches the primary instance as an open with
 * the hint "suspects": a Leak Suspects tab, not a tab per file. */
static void
test_command_line (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GFile) series = data_file (SERIES);
  GtkWindow *window;
  SmolderPage *page;

  g_application_open (G_APPLICATION (app), &series, 1, "suspects");
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SMOLDER_IS_WINDOW (window));
  g_assert_cmpint (adw_tab_view_get_n_pages (smolder_window_get_tab_view (SMOLDER_WINDOW (window))), ==, 1);
  page = smolder_window_get_selected_page (SMOLDER_WINDOW (window));
  g_assert_true (SMOLDER_IS_SUSPECTS_PAGE (page));
  while (smolder_suspects_page_get_busy (SMOLDER_SUSPECTS_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (smolder_suspects_page_get_trends (SMOLDER_SUSPECTS_PAGE (page), SMOLDER_PROFILE_KIND_HEAP));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-suspects-XXXXXX");
  int status;

  if (home == NULL)
    return 0;

  g_test_add_func ("/smolder/suspects-page/ranking", test_ranking);
  g_test_add_func ("/smolder/suspects-page/select", test_select);
  g_test_add_func ("/smolder/suspects-page/first-last", test_first_last);
  g_test_add_func ("/smolder/suspects-page/too-few", test_too_few);
  g_test_add_func ("/smolder/suspects-page/session-folder", test_session_folder);
  g_test_add_func ("/smolder/suspects-page/offer", test_offer);
  g_test_add_func ("/smolder/suspects-page/command-line", test_command_line);
  g_test_add_func ("/smolder/suspects-page/states", test_states);
  g_test_add_func ("/smolder/suspects-page/finalize", test_finalize);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
