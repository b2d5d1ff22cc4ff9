/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-live-compare.c: comparing two moments of a recorded session on the
 * live page. The session is made of the leaky service's heap series
 * (tests/data/leaky-service/series) as the poller writes one; a click and a
 * Shift-click on the chart choose two moments, and Compare opens a tab,
 * earlier as base, whose table equals `go tool pprof -top -diff_base=A B`
 * on the two snapshot files; so does Compare with Previous. */

#include <stdlib.h>
#include <string.h>

#include "smolder-application.h"
#include "smolder-compare-page.h"
#include "smolder-live-page.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

/* The recorded snapshots: series files, one a minute. */
static const guint series_index[] = { 3, 6, 9, 11 };
#define START_MS G_GINT64_CONSTANT (1764849600000)  /* 2025-12-04 12:00:00 UTC */
#define STEP_MS  G_GINT64_CONSTANT (60000)

static void
copy_fixture (const char *name,
              GFile      *dir,
              const char *as)
{
  g_autoptr(GFile) from = data_file (name);
  g_autoptr(GFile) to = g_file_get_child (dir, as);
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* A session folder as a poll of heap with ?debug=1 leaves it. */
static SmolderSession *
record_session (SmolderEndpoint *endpoint,
                GFile           *dir)
{
  g_autoptr(GError) error = NULL;
  SmolderSession *session = smolder_session_new (endpoint, dir, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (series_index); i++)
    {
      guint seq = i + 1;
      g_autofree char *proto = g_strdup_printf ("leaky-service/series/heap-%02u.pb.gz", series_index[i]);
      g_autofree char *text = g_strdup_printf ("leaky-service/series/heap-debug1-%02u.txt", series_index[i]);
      g_autofree char *proto_name = smolder_session_file_name ("heap", seq, FALSE);
      g_autofree char *text_name = smolder_session_file_name ("heap", seq, TRUE);
      SmolderLiveSnapshot *snapshot = smolder_live_snapshot_new ("heap", seq, START_MS + i * STEP_MS);

      copy_fixture (proto, dir, proto_name);
      copy_fixture (text, dir, text_name);
      smolder_live_snapshot_add_file (snapshot, proto_name, "heap", 200, 0);
      smolder_live_snapshot_add_file (snapshot, text_name, "heap?debug=1", 200, 0);
      g_assert_true (smolder_live_snapshot_summarise (snapshot, dir, smolder_limits_get_default (), NULL, &error));
      g_assert_no_error (error);
      smolder_session_add_snapshot (session, snapshot);
    }
  return session;
}

static gboolean
page_ready (gpointer data)
{
  return smolder_compare_page_get_ready (data) || smolder_page_get_failed (data);
}

static void
spin_briefly (void)
{
  gint64 end = g_get_monotonic_time () + 500 * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Following live: the newest snapshot shown (loads that arrived during
 * another are caught up with once it is done). */
static gboolean
shows_newest (gpointer data)
{
  const SmolderLiveSnapshot *shown = smolder_live_page_get_shown_snapshot (data);

  return shown != NULL && shown->seq == G_N_ELEMENTS (series_index)
         && !smolder_live_page_get_loading_snapshot (data);
}

/* With SMOLDER_LIVE_COMPARE_SHOT=FILE.png, the window with both moments
 * marked, for the README (xshot cannot Shift-click). */
static void
save_window (GtkWidget  *window,
             const char *path)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (gtk_widget_get_root (window)));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int w, h;

  spin_briefly ();
  w = gtk_widget_get_width (window);
  h = gtk_widget_get_height (window);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 }, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* "12:01:00 (#2)", the local time of day as the page names a snapshot. */
static char *
expected_title (guint seq)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local ((START_MS + (seq - 1) * STEP_MS) / 1000);
  g_autofree char *clock = g_date_time_format (when, "%X");

  return g_strdup_printf ("%s (#%u)", clock, seq);
}

/* Every row of `go tool pprof -top -diff_base=BASE NEW` (bytes in use)
 * against the compare page's table: delta flat and cum, name by name. */
static void
assert_equals_pprof (SmolderComparePage *page,
                     GFile              *dir,
                     guint               base_seq,
                     guint               new_seq)
{
  g_autofree char *go = g_find_program_in_path ("go");
  g_autofree char *base_name = smolder_session_file_name ("heap", base_seq, FALSE);
  g_autofree char *new_name = smolder_session_file_name ("heap", new_seq, FALSE);
  g_autoptr(GFile) base = g_file_get_child (dir, base_name);
  g_autoptr(GFile) new = g_file_get_child (dir, new_name);
  g_autofree char *base_path = g_file_get_path (base);
  g_autofree char *new_path = g_file_get_path (new);
  g_autofree char *diff_base = g_strconcat ("-diff_base=", base_path, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_rows = FALSE;
  guint n_rows = 0;
  int status;

  wait_until (page_ready, page);
  g_assert_false (smolder_page_get_failed (SMOLDER_PAGE (page)));
  if (go == NULL)
    {
      g_test_message ("no go: the table is not checked against pprof");
      return;
    }
  {
    const char *argv[] = { go, "tool", "pprof", "-top", "-nodecount=1000000", "-nodefraction=0",
                           "-edgefraction=0", "-unit=B", diff_base, new_path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      SmolderDiffItem *item;
      char *name, *inline_label;
      gint64 flat, cum;

      if (!in_rows)
        {
          in_rows = strstr (lines[i], "flat%") != NULL && strstr (lines[i], "cum%") != NULL;
          continue;
        }
      if (lines[i][0] == '\0')
        continue;
      /* "  -1024B  1.2%  1.2%  2048B  2.4%  main.f" (0 without its B):
       * five columns, a name. */
      fields = g_regex_split_simple ("^\\s*(-?[0-9]+)B?\\s+\\S+%\\s+\\S+%\\s+(-?[0-9]+)B?\\s+\\S+%\\s+",
                                     lines[i], 0, 0);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      flat = g_ascii_strtoll (fields[1], NULL, 10);
      cum = g_ascii_strtoll (fields[2], NULL, 10);
      name = fields[3];
      inline_label = g_strrstr (name, " (inline)");
      if (inline_label != NULL && inline_label[strlen (" (inline)")] == '\0')
        *inline_label = '\0';
      item = smolder_diff_table_lookup (smolder_compare_page_get_table (page), name);
      if (item == NULL)
        g_error ("pprof's %s (flat %" G_GINT64_FORMAT ") is not in the table", name, flat);
      g_assert_cmpint (smolder_diff_item_get_delta_flat (item), ==, flat);
      g_assert_cmpint (smolder_diff_item_get_delta_cum (item), ==, cum);
      n_rows++;
    }
  g_test_message ("%u rows equal pprof's for #%u → #%u", n_rows, base_seq, new_seq);
  g_assert_cmpuint (n_rows, >=, 4);
}

static void
test_compare_moments (void)
{
  g_autoptr(SmolderApplication) app = smolder_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) endpoint = smolder_endpoint_new_parse ("http://127.0.0.1:9/debug/pprof/", &error);
  g_autofree char *dir_path = g_dir_make_tmp ("smolder-live-compare-XXXXXX", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(SmolderSession) session = NULL;
  g_autoptr(SmolderPoller) poller = NULL;
  g_autofree char *title = NULL;
  g_autofree char *t1 = expected_title (1);
  g_autofree char *t2 = expected_title (2);
  g_autofree char *t3 = expected_title (3);
  SmolderTimelineChart *chart;
  SmolderLivePage *page;
  SmolderWindow *window;
  SmolderPage *compare;
  GtkWidget *compare_button, *previous_button;
  gint64 moment;

  g_assert_no_error (error);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = g_object_ref (smolder_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));

  /* A recorded session reopened: a stopped poller; the page replays the
   * snapshots the session holds. */
  session = record_session (endpoint, dir);
  poller = smolder_poller_new (endpoint, session);
  smolder_poller_stop (poller);
  page = smolder_live_page_new (poller);
  smolder_window_add_page (window, SMOLDER_PAGE (page));
  chart = smolder_live_page_get_chart (page);
  g_assert_cmpuint (smolder_series_get_n_points (smolder_live_page_get_series (page),
                                                 SMOLDER_LIVE_SERIES_HEAP_INUSE), ==, 4);

  compare_button = find_button_labelled (GTK_WIDGET (page), "Co_mpare");
  previous_button = find_button_labelled (GTK_WIDGET (page), "Compare with Pre_vious");
  g_assert_nonnull (compare_button);
  g_assert_nonnull (previous_button);
  /* One moment (the newest, following live): nothing to compare it with yet. */
  wait_until (shows_newest, page);
  g_assert_false (gtk_widget_get_sensitive (compare_button));
  g_assert_true (gtk_widget_get_sensitive (previous_button));

  /* Click #3, then Shift-click near #1: the later moment picked first,
   * yet the earlier is the base. */
  moment = START_MS + 2 * STEP_MS;
  g_signal_emit_by_name (chart, "moment-activated", moment + 700);
  g_assert_cmpuint (smolder_live_page_get_shown_snapshot (page)->seq, ==, 3);
  g_signal_emit_by_name (chart, "moment-extended", START_MS + 5000);
  g_assert_true (gtk_widget_get_sensitive (compare_button));
  if (g_getenv ("SMOLDER_LIVE_COMPARE_SHOT") != NULL)
    save_window (GTK_WIDGET (page), g_getenv ("SMOLDER_LIVE_COMPARE_SHOT"));
  g_signal_emit_by_name (compare_button, "clicked");
  compare = smolder_window_get_selected_page (window);
  g_assert_true (SMOLDER_IS_COMPARE_PAGE (compare));
  title = g_strdup_printf ("%s → %s", t1, t3);
  g_assert_cmpstr (smolder_page_get_title (compare), ==, title);
  assert_equals_pprof (SMOLDER_COMPARE_PAGE (compare), dir, 1, 3);

  /* Compare with Previous: #3 (shown) against #2. */
  g_signal_emit_by_name (previous_button, "clicked");
  compare = smolder_window_get_selected_page (window);
  g_assert_true (SMOLDER_IS_COMPARE_PAGE (compare));
  g_free (title);
  title = g_strdup_printf ("%s → %s", t2, t3);
  g_assert_cmpstr (smolder_page_get_title (compare), ==, title);
  assert_equals_pprof (SMOLDER_COMPARE_PAGE (compare), dir, 2, 3);

  /* The first snapshot has no previous one. */
  g_signal_emit_by_name (chart, "moment-activated", START_MS);
  g_assert_false (gtk_widget_get_sensitive (previous_button));
  g_assert_cmpint (adw_tab_view_get_n_pages (smolder_window_get_tab_view (window)), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_true (smolder_session_delete (dir, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-live-compare-XXXXXX");
  int status;

  if (home == NULL)
    return 0;

  g_test_add_func ("/smolder/live-compare/moments", test_compare_moments);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
