/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sessions-dialog.c: Recorded Sessions under Xvfb, on session folders
 * made from the leaky service's recorded series (tests/data/leaky-service):
 * the rows (endpoint without credentials, snapshots), Delete asks and never
 * takes a session in use, Open and `smolder DIR` reopen a session in a live
 * page whose chart holds the recorded MemStats. */
#include <string.h>

#include "smolder-application.h"
#include "smolder-live-page.h"
#include "smolder-session-store.h"
#include "smolder-sessions-dialog.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

#define SERIES SMOLDER_TEST_DATA "/leaky-service/series/"

static void
copy_fixture (const char *name,
              GFile      *dir,
              const char *as)
{
  g_autofree char *from_path = g_build_filename (SERIES, name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_get_child (dir, as);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A session of @n heap polls (fixtures heap-00, -01, ...) in <root>/@name,
 * recorded from an endpoint given with credentials. */
static SmolderSession *
make_session (const char *name,
              guint       n)
{
  g_autoptr(GFile) root = smolder_session_get_default_root ();
  g_autoptr(GFile) dir = g_file_get_child (root, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse ("http://admin:hunter2pw@127.0.0.1:9/x/", &error);
  g_autoptr(SmolderSession) session = smolder_session_new (e, dir, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *pb = g_strdup_printf ("heap-%02u.pb.gz", i);
      g_autofree char *txt = g_strdup_printf ("heap-debug1-%02u.txt", i);
      g_autofree char *pb_as = smolder_session_file_name ("heap", i + 1, FALSE);
      g_autofree char *txt_as = smolder_session_file_name ("heap", i + 1, TRUE);
      SmolderLiveSnapshot *s = smolder_live_snapshot_new ("heap", i + 1,
                                                          smolder_session_get_start_ms (session) + 1000 * (i + 1));

      copy_fixture (pb, dir, pb_as);
      copy_fixture (txt, dir, txt_as);
      smolder_live_snapshot_add_file (s, pb_as, "heap", 200, 1);
      smolder_live_snapshot_add_file (s, txt_as, "heap?debug=1", 200, 1);
      g_assert_true (smolder_live_snapshot_summarise (s, dir, NULL, NULL, &error));
      g_assert_no_error (error);
      smolder_session_add_snapshot (session, s);
    }
  g_assert_true (smolder_session_save (session, &error));
  g_assert_no_error (error);
  g_usleep (5000);  /* distinct start times: the list is newest first */
  return g_steal_pointer (&session);
}

/* "# HeapInuse = N" of a recorded ?debug=1 text: what the chart must show. */
static double
recorded_heap_inuse (guint poll)
{
  g_autofree char *path = g_strdup_printf (SERIES "heap-debug1-%02u.txt", poll);
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, "# HeapInuse = ");
  g_assert_nonnull (line);
  return g_ascii_strtod (line + strlen ("# HeapInuse = "), NULL);
}

/* The main loop for a moment: anything the last action queued runs. */
static void
spin_briefly (void)
{
  gint64 end = g_get_monotonic_time () + 200 * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static gboolean
listed (gpointer data)
{
  return !smolder_sessions_dialog_get_loading (data);
}

typedef struct {
  SmolderSessionsDialog *dialog;
  guint                  n;
} RowsWait;

static gboolean
has_rows (gpointer data)
{
  RowsWait *w = data;

  return smolder_sessions_dialog_get_n_rows (w->dialog) == w->n;
}

/* The live page of the selected tab once it shows @n heap points and the
 * newest snapshot's profile. */
typedef struct {
  SmolderWindow   *window;
  guint            n;
  SmolderLivePage *page;
} PageWait;

static gboolean
replayed (gpointer data)
{
  PageWait *w = data;
  SmolderPage *page = smolder_window_get_selected_page (w->window);
  SmolderLivePage *live = SMOLDER_IS_LIVE_PAGE (page) ? SMOLDER_LIVE_PAGE (page) : NULL;

  if (live == NULL || live == w->page
      || smolder_series_get_n_points (smolder_live_page_get_series (live), SMOLDER_LIVE_SERIES_HEAP_INUSE) != w->n
      || smolder_live_page_get_loading_snapshot (live)
      || smolder_profile_view_get_profile (smolder_live_page_get_profile_view (live)) == NULL)
    return FALSE;
  w->page = live;
  return TRUE;
}

static void
check_replay (SmolderLivePage *page,
              GFile           *dir)
{
  SmolderSeries *series = smolder_live_page_get_series (page);
  SmolderPoller *poller = smolder_live_page_get_poller (page);

  g_assert_true (g_file_equal (smolder_session_get_dir (smolder_poller_get_session (poller)), dir));
  /* Not polling again: the recording is what it was. */
  g_assert_cmpint (smolder_poller_get_state (poller), ==, SMOLDER_POLLER_STATE_STOPPED);
  g_assert_cmpfloat (smolder_series_get_value (series, SMOLDER_LIVE_SERIES_HEAP_INUSE, 0), ==, recorded_heap_inuse (0));
  g_assert_cmpfloat (smolder_series_get_value (series, SMOLDER_LIVE_SERIES_HEAP_INUSE, 1), ==, recorded_heap_inuse (1));
  g_assert_cmpuint (smolder_live_page_get_shown_snapshot (page)->seq, ==, 2);
  g_assert_true (smolder_session_store_is_held (dir));
}

static void
test_sessions (void)
{
  g_autoptr(SmolderApplication) app = smolder_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderSession) a = make_session ("a", 2);
  g_autoptr(SmolderSession) doomed = make_session ("doomed", 1);
  g_autoptr(SmolderSession) recording = make_session ("recording", 1);
  g_autoptr(GFile) a_dir = g_object_ref (smolder_session_get_dir (a));
  g_autoptr(GFile) doomed_dir = g_object_ref (smolder_session_get_dir (doomed));
  SmolderSessionsDialog *dialog;
  SmolderWindow *window;
  AdwMessageDialog *confirm;
  RowsWait rows;
  PageWait pw = { NULL, 2, NULL };
  GtkWidget *row;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Only "recording" is still in use. */
  g_clear_object (&a);
  g_clear_object (&doomed);

  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  dialog = g_object_ref (smolder_sessions_dialog_new (window, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_until (listed, dialog);
  g_assert_cmpuint (smolder_sessions_dialog_get_n_rows (dialog), ==, 3);

  /* Newest first: recording, doomed, a; the endpoint without credentials. */
  for (guint i = 0; i < 3; i++)
    {
      row = smolder_sessions_dialog_get_row (dialog, i);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "http://127.0.0.1:9/x/");
    }
  row = smolder_sessions_dialog_get_row (dialog, 2);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " 2 snapshots "));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, g_file_peek_path (a_dir));

  /* The session in use offers no Delete. */
  g_assert_null (smolder_sessions_dialog_delete (dialog, 0));
  g_assert_nonnull (find_label (smolder_sessions_dialog_get_row (dialog, 0), "In Use"));

  /* Delete asks; Cancel keeps it, Delete removes the row and the folder. */
  confirm = smolder_sessions_dialog_delete (dialog, 1);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  gtk_window_destroy (GTK_WINDOW (confirm));
  spin_briefly ();
  g_assert_cmpuint (smolder_sessions_dialog_get_n_rows (dialog), ==, 3);
  confirm = smolder_sessions_dialog_delete (dialog, 1);
  adw_message_dialog_response (confirm, "delete");
  gtk_window_destroy (GTK_WINDOW (confirm));
  rows.dialog = dialog;
  rows.n = 2;
  wait_until (has_rows, &rows);
  g_assert_false (g_file_query_exists (doomed_dir, NULL));
  g_assert_true (g_file_query_exists (a_dir, NULL));
  g_assert_true (g_file_query_exists (smolder_session_get_dir (recording), NULL));

  /* Open: a live page replaying it; the dialog closes. */
  row = smolder_sessions_dialog_get_row (dialog, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, g_file_peek_path (a_dir));
  smolder_sessions_dialog_open (dialog, 1);
  pw.window = window;
  wait_until (replayed, &pw);
  check_replay (pw.page, a_dir);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* `smolder DIR`: the same, in another tab. */
  {
    SmolderLivePage *first = pw.page;

    g_application_open (G_APPLICATION (app), &a_dir, 1, "");
    wait_until (replayed, &pw);
    g_assert_true (pw.page != first);
    check_replay (pw.page, a_dir);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-sessions-XXXXXX");

  if (home == NULL)
    return 0;
  g_test_add_func ("/smolder/sessions-dialog/list-delete-open", test_sessions);
  return g_test_run ();
}
