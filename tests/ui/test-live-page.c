/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-live-page.c: a live page watching the real leaky-std Go service
 * (tests/go/leaky-std): the chart grows with the service's own numbers,
 * a moment on the chart opens that snapshot's flame graph, Pause stops the
 * points, and an endpoint that refuses connections shows its error while
 * another page keeps polling. Argument: the service's binary, or "none". */
#include <math.h>
#include <signal.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "smolder-application.h"
#include "smolder-connect-dialog.h"
#include "smolder-live-page.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

#define INTERVAL_MS 400

static const char *service_exe;
static GSubprocess *service;      /* plain HTTP, shared by the tests */
static GSubprocess *tls_service;  /* -tls self */
static char *service_base;        /* http://127.0.0.1:PORT */
static char *service_url;         /* its pprof index */

static void
kill_one (GSubprocess **process)
{
  if (*process != NULL)
    {
      g_subprocess_force_exit (*process);
      g_subprocess_wait (*process, NULL, NULL);
      g_clear_object (process);
    }
}

static void
kill_services (void)
{
  kill_one (&service);
  kill_one (&tls_service);
}

/* Starts leaky-std with @tls ("self") or without; it also dies with us
 * (stdin EOF) and after 5 minutes, should this process be killed before
 * kill_services(). Returns the value of each of its first @n_lines lines
 * ("listening A", "url U", "sha256 F"). */
static GSubprocess *
spawn_service (const char  *tls,
               char       **lines,
               guint        n_lines)
{
  static const char * const keys[] = { "listening ", "url ", "sha256 " };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              service_exe, "-rate", "50", "-session-bytes", "524288",
                              "-goroutine-every", "10", "-lifetime", "5m",
                              "-exit-on-stdin-eof", tls ? "-tls" : NULL, tls, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_assert_true (g_str_has_prefix (line, keys[i]));
      lines[i] = g_strdup (line + strlen (keys[i]));
    }
  return process;
}

static char *
start_service (void)
{
  char *lines[2];

  if (service != NULL)
    return g_strdup (service_url);
  atexit (kill_services);
  service = spawn_service (NULL, lines, 2);
  service_base = g_strconcat ("http://", lines[0], NULL);
  service_url = lines[1];
  g_free (lines[0]);
  return g_strdup (service_url);
}

/* GETs @path of the service: the JSON of /stats, or NULL. */
static JsonParser *
service_get (const char *path)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (service_base, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, &error);
  g_autoptr(JsonParser) parser = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  if (!g_str_equal (path, "/stats"))
    return NULL;
  parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                             g_bytes_get_size (body), &error));
  return g_steal_pointer (&parser);
}

/* The service's own runtime.MemStats.HeapInuse, now. */
static double
service_heap_inuse (void)
{
  g_autoptr(JsonParser) parser = service_get ("/stats");
  JsonObject *stats;

  stats = json_node_get_object (json_parser_get_root (parser));
  return json_object_get_int_member (json_object_get_object_member (stats, "memstats"), "HeapInuse");
}

static SmolderApplication *
test_application_new_unregistered (void)
{
  SmolderApplication *app = smolder_application_new ();

  /* Never hand our URLs to a Smolder the developer has running. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  return app;
}

static SmolderApplication *
test_application_new (void)
{
  SmolderApplication *app = test_application_new_unregistered ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

typedef struct {
  SmolderLivePage *page;
  guint            n;
} PointsWait;

static guint
n_heap_points (SmolderLivePage *page)
{
  return smolder_series_get_n_points (smolder_live_page_get_series (page),
                                      SMOLDER_LIVE_SERIES_HEAP_INUSE);
}

static gboolean
has_points (gpointer data)
{
  PointsWait *w = data;

  return n_heap_points (w->page) >= w->n;
}

static gboolean
shows_flame_graph (gpointer data)
{
  SmolderLivePage *page = data;
  SmolderProfileView *view = smolder_live_page_get_profile_view (page);
  SmolderFlameGraph *graph = smolder_profile_view_get_flame_graph (view);

  return !smolder_live_page_get_loading_snapshot (page)
         && smolder_profile_view_get_profile (view) != NULL
         && !smolder_profile_view_get_busy (view)
         && smolder_flame_graph_get_call_tree (graph) != NULL;
}

static gboolean
in_error (gpointer data)
{
  SmolderLivePage *page = data;

  return smolder_poller_get_state (smolder_live_page_get_poller (page)) == SMOLDER_POLLER_STATE_ERROR;
}

/* In the error state and saying when the next try is. */
static gboolean
shows_retry (gpointer data)
{
  return in_error (data)
         && strstr (smolder_live_page_get_state_text (data), "Retrying in") != NULL;
}

static gboolean
poller_idle (gpointer data)
{
  return !smolder_poller_is_busy (smolder_live_page_get_poller (data));
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_CHECK_BUTTON (widget)
      && g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) ?: "", prefix))
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A port nothing listens on: bound, then closed. */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static void
test_live_page (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = start_service ();
  g_autoptr(SmolderEndpoint) endpoint = smolder_endpoint_new_parse (url, &error);
  SmolderWindow *window;
  SmolderLivePage *page, *bad_page;
  SmolderSeries *series;
  SmolderProfileView *view;
  SmolderCallTree *tree;
  const SmolderLiveSnapshot *shown;
  PointsWait w;
  guint n, n_main = 0;
  double ours, theirs, lo, hi;
  gint64 start = g_get_monotonic_time ();
  gint64 clicked_ms, profile_ms;
  g_autofree char *bad_url = NULL;
  g_autoptr(SmolderEndpoint) bad_endpoint = NULL;
  GtkWidget *pause;
  g_autoptr(JsonParser) parser = NULL;

  g_assert_no_error (error);
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));

  /* What the Connect dialog calls once discovery succeeded. */
  page = smolder_live_page_open (window, endpoint, NULL, INTERVAL_MS, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  series = smolder_live_page_get_series (page);
  g_assert_true (SMOLDER_SERIES (smolder_timeline_chart_get_model (smolder_live_page_get_chart (page))) == series);

  /* Three snapshots: three points. Then the service stops leaking (its
   * load to 0 requests/s) and, while three more points come, the test
   * reads the service's own HeapInuse (/stats) every 50 ms. Serving pprof
   * allocates too, and a GC can come at any time, so one reading may be a
   * GC away from the poll's: each new point must lie within the range of
   * the readings around it, widened by 5 % of it. */
  w.page = page;
  w.n = 3;
  wait_until (has_points, &w);
  g_clear_pointer (&parser, g_object_unref);
  parser = service_get ("/control/rate?n=0");
  n = n_heap_points (page);
  spin (50);
  lo = hi = service_heap_inuse ();
  while (n_heap_points (page) < n + 4)
    {
      theirs = service_heap_inuse ();
      lo = MIN (lo, theirs);
      hi = MAX (hi, theirs);
      spin (50);
      g_assert_cmpint (g_get_monotonic_time (), <, start + 60 * G_USEC_PER_SEC);
    }
  theirs = service_heap_inuse ();
  lo = MIN (lo, theirs);
  hi = MAX (hi, theirs);
  g_test_message ("/stats HeapInuse %.0f..%.0f", lo, hi);
  /* The first new point may have been fetched before the first reading. */
  for (guint i = n + 1; i < n_heap_points (page); i++)
    {
      ours = smolder_series_get_value (series, SMOLDER_LIVE_SERIES_HEAP_INUSE, i);
      g_test_message ("heap in use: chart %.0f", ours);
      g_assert_cmpfloat (ours, >, 1e6);
      g_assert_cmpfloat (ours, >=, 0.95 * lo);
      g_assert_cmpfloat (ours, <=, 1.05 * hi);
    }
  g_assert_cmpuint (smolder_series_get_n_points (series, SMOLDER_LIVE_SERIES_GOROUTINES), >=, 2);
  g_assert_true (g_str_has_prefix (smolder_live_page_get_state_text (page), "Live"));

  /* Following live (the default): the view shows one of the newest heap
   * snapshots (a load may still be catching up by one). */
  g_assert_true (smolder_live_page_get_follow_live (page));
  shown = smolder_live_page_get_shown_snapshot (page);
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->time_ms, >=,
                   smolder_series_get_time (series, SMOLDER_LIVE_SERIES_HEAP_INUSE, n_heap_points (page) - 3));

  /* A moment on the chart (a middle point: the service's heap profile is
   * as of its last GC, so the first snapshots may not show the leak yet):
   * that snapshot in the view,
   * following live left. The profile's own time stamp (Go's TimeNanos,
   * set when the service wrote it) is nearer that moment than any other
   * snapshot's. */
  clicked_ms = smolder_series_get_time (series, SMOLDER_LIVE_SERIES_HEAP_INUSE, n_heap_points (page) / 2);
  g_signal_emit_by_name (smolder_live_page_get_chart (page), "moment-activated", clicked_ms + 20);
  g_assert_false (smolder_live_page_get_follow_live (page));
  shown = smolder_live_page_get_shown_snapshot (page);
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->time_ms, ==, clicked_ms);
  wait_until (shows_flame_graph, page);
  view = smolder_live_page_get_profile_view (page);
  g_assert_true (smolder_page_get_profile (SMOLDER_PAGE (page)) == smolder_profile_view_get_profile (view));
  profile_ms = smolder_profile_get_time_nanos (smolder_profile_view_get_profile (view)) / 1000000;
  g_test_message ("clicked %" G_GINT64_FORMAT ", profile written %" G_GINT64_FORMAT, clicked_ms, profile_ms);
  for (guint i = 0; i < n_heap_points (page); i++)
    {
      gint64 t = smolder_series_get_time (series, SMOLDER_LIVE_SERIES_HEAP_INUSE, i);

      if (t != clicked_ms)
        g_assert_cmpint (ABS (profile_ms - clicked_ms), <, ABS (profile_ms - t));
    }
  tree = smolder_flame_graph_get_call_tree (smolder_profile_view_get_flame_graph (view));
  for (guint32 i = 1; i < smolder_call_tree_get_n_nodes (tree); i++)
    if (g_str_has_prefix (smolder_call_tree_get_name (tree, i), "main."))
      n_main++;
  g_assert_cmpuint (n_main, >, 0);
  /* New snapshots leave the chosen one shown. */
  w.n = n_heap_points (page) + 2;
  wait_until (has_points, &w);
  g_assert_true (smolder_live_page_get_shown_snapshot (page) == shown);

  /* Pause (the button): no new points; Resume: they come again. */
  pause = find_button (GTK_WIDGET (page), "_Pause");
  g_assert_nonnull (pause);
  g_signal_emit_by_name (pause, "clicked");
  g_assert_true (g_str_has_prefix (smolder_live_page_get_state_text (page), "Paused"));
  wait_until (poller_idle, page);
  spin (100);
  n = n_heap_points (page);
  spin (5 * INTERVAL_MS);
  g_assert_cmpuint (n_heap_points (page), ==, n);
  g_assert_true (g_str_equal (gtk_button_get_label (GTK_BUTTON (pause)), "_Resume"));
  g_signal_emit_by_name (pause, "clicked");
  w.n = n + 1;
  wait_until (has_points, &w);

  /* An endpoint that refuses connections: its page shows the error and
   * when it retries, while the first page keeps polling. */
  bad_url = g_strdup_printf ("127.0.0.1:%u", closed_port ());
  bad_endpoint = smolder_endpoint_new_parse (bad_url, &error);
  g_assert_no_error (error);
  bad_page = smolder_live_page_open (window, bad_endpoint, NULL, INTERVAL_MS, &error);
  g_assert_no_error (error);
  n = n_heap_points (page);
  wait_until (shows_retry, bad_page);
  g_test_message ("error page: %s", smolder_live_page_get_state_text (bad_page));
  g_assert_true (g_str_has_prefix (smolder_live_page_get_state_text (bad_page), "Error: "));
  g_assert_nonnull (strstr (smolder_live_page_get_state_text (bad_page), bad_url));
  g_assert_nonnull (strstr (smolder_live_page_get_state_text (bad_page), "Retrying in"));
  w.n = n + 3;
  wait_until (has_points, &w);
  g_assert_true (in_error (bad_page));
  g_assert_true (g_str_has_prefix (smolder_live_page_get_state_text (page), "Live"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static guint
n_tabs (SmolderWindow *window)
{
  return adw_tab_view_get_n_pages (smolder_window_get_tab_view (window));
}

static gboolean
has_two_tabs (gpointer data)
{
  return n_tabs (data) == 2;
}

/* Connects @url in a new dialog; returns its error (or NULL: the dialog
 * closed and a page opened). */
static char *
connect_with_dialog (SmolderWindow *window,
                     const char    *url)
{
  g_autoptr(SmolderConnectDialog) dialog = g_object_ref (smolder_connect_dialog_new (window));
  guint n = n_tabs (window);

  gtk_window_present (GTK_WINDOW (dialog));
  smolder_connect_dialog_set_url (dialog, url);
  smolder_connect_dialog_connect (dialog);
  while (smolder_connect_dialog_get_error (dialog) == NULL && n_tabs (window) == n)
    g_main_context_iteration (NULL, TRUE);
  if (n_tabs (window) > n)
    {
      g_assert_null (smolder_connect_dialog_get_error (dialog));
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
      return NULL;
    }
  return g_strdup (smolder_connect_dialog_get_error (dialog));
}

/* The dialog: discovery errors stay in it (refused, not a pprof index);
 * host:port means /debug/pprof/; credentials never reach GSettings or the
 * session folder. */
static void
test_connect_dialog (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autofree char *url = start_service ();
  g_autofree char *host_port = g_strndup (service_base + strlen ("http://"), strlen (service_base) - strlen ("http://"));
  g_autofree char *refused = g_strdup_printf ("127.0.0.1:%u", closed_port ());
  g_autofree char *stats = g_strconcat (service_base, "/stats", NULL);
  g_autofree char *with_password = g_strdup_printf ("http://admin:s3cr3t@%s/debug/pprof/", host_port);
  g_autofree char *error_text = NULL;
  g_autofree char *index = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) recent = NULL;
  SmolderWindow *window = g_object_ref (smolder_window_new (app));
  GSettings *settings = smolder_application_get_settings (app);
  SmolderLivePage *page;

  gtk_window_present (GTK_WINDOW (window));

  /* Ctrl+L and the menu's action open the dialog. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.connect");
    GList *toplevels;
    GtkWindow *found = NULL;

    g_assert_nonnull (accels);
    g_assert_cmpstr (accels[0], ==, "<Control>l");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.connect", NULL));
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (SMOLDER_IS_CONNECT_DIALOG (l->data))
        found = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (found);
    gtk_window_destroy (found);
  }

  error_text = connect_with_dialog (window, refused);
  g_test_message ("refused: %s", error_text);
  g_assert_nonnull (strstr (error_text, "refused"));
  g_assert_cmpuint (n_tabs (window), ==, 0);
  g_clear_pointer (&error_text, g_free);

  /* A base where the service has no pprof index (/stats/: net/http's
   * 404): the error says what came back. */
  error_text = connect_with_dialog (window, stats);
  g_test_message ("not pprof: %s", error_text);
  g_assert_nonnull (strstr (error_text, "not a pprof index"));
  g_assert_nonnull (strstr (error_text, "404"));
  g_assert_nonnull (strstr (error_text, "404 page not found"));
  g_assert_cmpuint (n_tabs (window), ==, 0);
  g_clear_pointer (&error_text, g_free);

  /* host:port: the default path; a page opens and the dialog closes. */
  g_assert_null (connect_with_dialog (window, host_port));
  g_assert_cmpuint (n_tabs (window), ==, 1);
  page = SMOLDER_LIVE_PAGE (smolder_window_get_selected_page (window));
  g_assert_cmpstr (smolder_endpoint_get_uri (smolder_poller_get_endpoint (smolder_live_page_get_poller (page))),
                   ==, url);

  /* Credentials in the URL: used, never saved. */
  g_assert_null (connect_with_dialog (window, with_password));
  wait_until (has_two_tabs, window);
  page = SMOLDER_LIVE_PAGE (smolder_window_get_selected_page (window));
  recent = g_settings_get_strv (settings, "recent-endpoints");
  g_assert_cmpstr (recent[0], ==, url);
  for (guint i = 0; recent[i] != NULL; i++)
    g_assert_null (strstr (recent[i], "s3cr3t"));
  {
    SmolderSession *session = smolder_poller_get_session (smolder_live_page_get_poller (page));
    g_autoptr(GFile) file = g_file_get_child (smolder_session_get_dir (session), "session.json");

    g_assert_true (smolder_session_save (session, NULL));
    g_assert_true (g_file_load_contents (file, NULL, &json, NULL, NULL, NULL));
    g_assert_nonnull (strstr (json, host_port));
    g_assert_null (strstr (json, "s3cr3t"));
    g_assert_null (strstr (json, "YWRtaW46czNjcjN0"));  /* base64 of admin:s3cr3t */
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* A self-signed certificate: refused with its fingerprint shown; the
 * explicit trust choice then connects. */
static void
test_connect_tls (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  SmolderWindow *window = g_object_ref (smolder_window_new (app));
  g_autoptr(SmolderConnectDialog) dialog = NULL;
  char *lines[3];
  g_autofree char *url = NULL;
  g_autofree char *fingerprint = NULL;
  GtkWidget *trust;

  atexit (kill_services);
  tls_service = spawn_service ("self", lines, 3);
  g_free (lines[0]);
  url = lines[1];
  fingerprint = lines[2];
  g_assert_true (g_str_has_prefix (url, "https://"));
  gtk_window_present (GTK_WINDOW (window));

  dialog = g_object_ref (smolder_connect_dialog_new (window));
  gtk_window_present (GTK_WINDOW (dialog));
  smolder_connect_dialog_set_url (dialog, url);
  smolder_connect_dialog_connect (dialog);
  while (smolder_connect_dialog_get_error (dialog) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("tls: %s", smolder_connect_dialog_get_error (dialog));
  g_assert_nonnull (strstr (smolder_connect_dialog_get_error (dialog), fingerprint));
  g_assert_cmpuint (n_tabs (window), ==, 0);

  /* The choice names the certificate; unticked, nothing changes. */
  trust = GTK_WIDGET (find_check (GTK_WIDGET (dialog), "Trust this certificate"));
  g_assert_nonnull (trust);
  g_assert_true (gtk_widget_get_visible (trust));
  g_assert_nonnull (strstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (trust)), fingerprint));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (trust), TRUE);
  smolder_connect_dialog_connect (dialog);
  while (smolder_connect_dialog_get_error (dialog) == NULL && n_tabs (window) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (smolder_connect_dialog_get_error (dialog));
  g_assert_cmpuint (n_tabs (window), ==, 1);
  {
    SmolderLivePage *page = SMOLDER_LIVE_PAGE (smolder_window_get_selected_page (window));
    PointsWait w = { page, 2 };

    wait_until (has_points, &w);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  kill_one (&tls_service);
}

static SmolderLiveSnapshot *
heap_snapshot (guint   seq,
               gint64  time_ms,
               guint64 heap_inuse,
               gint64  pause_end_ms,
               gint64  pause_ms)
{
  SmolderLiveSnapshot *snapshot = smolder_live_snapshot_new ("heap", seq, time_ms);

  snapshot->summary.has_memstats = TRUE;
  snapshot->summary.heap_inuse = heap_inuse;
  snapshot->summary.heap_alloc = heap_inuse;
  snapshot->summary.sys = 2 * heap_inuse;
  snapshot->summary.next_gc = 2 * heap_inuse;
  snapshot->summary.n_pauses = 1;
  snapshot->summary.pause_end[0] = pause_end_ms * 1000000;
  snapshot->summary.pause_ns[0] = pause_ms * 1000000;
  return snapshot;
}

/* Alerts, from snapshots handed to the page as the poller hands them: a
 * GC pause of 100 ms or more is one alert however often its ring slot is
 * read again; heap in use rising for two minutes, troughs above the
 * earlier peaks, is one steady-growth alert per episode. */
static void
test_alerts (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = g_strdup_printf ("127.0.0.1:%u", closed_port ());
  g_autoptr(SmolderEndpoint) endpoint = smolder_endpoint_new_parse (refused, &error);
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_live_snapshot_free);
  SmolderWindow *window = g_object_ref (smolder_window_new (app));
  SmolderLivePage *page;
  SmolderPoller *poller;
  gint64 t0 = g_get_real_time () / 1000;
  guint seq = 1;

  g_assert_no_error (error);
  page = smolder_live_page_open (window, endpoint, NULL, 60 * 1000, &error);
  g_assert_no_error (error);
  poller = smolder_live_page_get_poller (page);
  smolder_poller_stop (poller);

#define FEED(dt_s, heap, pause_end_s, pause_ms) G_STMT_START { \
    SmolderLiveSnapshot *s_ = heap_snapshot (seq++, t0 + (dt_s) * 1000, heap, \
                                             t0 + (pause_end_s) * 1000, pause_ms); \
    g_ptr_array_add (snapshots, s_); \
    g_signal_emit_by_name (poller, "snapshot-added", s_); \
  } G_STMT_END

  FEED (0, 10e6, -1, 2);
  g_assert_cmpuint (smolder_live_page_get_n_gc_alerts (page), ==, 0);
  FEED (10, 9e6, 5, 150);      /* a 150 ms pause */
  g_assert_cmpuint (smolder_live_page_get_n_gc_alerts (page), ==, 1);
  FEED (20, 11e6, 5, 150);     /* the same pause read again */
  g_assert_cmpuint (smolder_live_page_get_n_gc_alerts (page), ==, 1);
  FEED (30, 10e6, 25, 99);     /* under the threshold */
  g_assert_cmpuint (smolder_live_page_get_n_gc_alerts (page), ==, 1);
  FEED (40, 10e6, 35, 100);    /* at it */
  g_assert_cmpuint (smolder_live_page_get_n_gc_alerts (page), ==, 2);
  g_assert_cmpuint (smolder_live_page_get_n_growth_alerts (page), ==, 0);

  /* Saw-tooth around a level for three minutes: no growth alert. */
  for (int i = 5; i < 23; i++)
    FEED (i * 10, (i % 2 ? 9e6 : 11e6), 35, 1);
  g_assert_cmpuint (smolder_live_page_get_n_growth_alerts (page), ==, 0);
  /* A leak under the saw-tooth: +2 MB every 10 s; the alert comes once
   * the later minute's troughs are above the earlier minute's peaks, and
   * once only while it lasts. */
  for (int i = 23; i < 23 + 24; i++)
    FEED (i * 10, 10e6 + (i - 22) * 2e6 + (i % 2 ? -1.5e6 : 1.5e6), 35, 1);
  g_assert_cmpuint (smolder_live_page_get_n_growth_alerts (page), ==, 1);
  /* Released (back to 10 MB), then leaking again: a second episode. */
  for (int i = 47; i < 47 + 6; i++)
    FEED (i * 10, 10e6, 35, 1);
  g_assert_cmpuint (smolder_live_page_get_n_growth_alerts (page), ==, 1);
  for (int i = 53; i < 53 + 24; i++)
    FEED (i * 10, 10e6 + (i - 52) * 2e6, 35, 1);
  g_assert_cmpuint (smolder_live_page_get_n_growth_alerts (page), ==, 2);
#undef FEED

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static gboolean
has_goroutine_points (gpointer data)
{
  PointsWait *w = data;

  return smolder_series_get_n_points (smolder_live_page_get_series (w->page),
                                      SMOLDER_LIVE_SERIES_GOROUTINES) >= w->n;
}

/* The entry of the Alerts popover's row @label. */
static GtkWidget *
alerts_entry (SmolderLiveAlerts *alerts,
              const char        *label)
{
  GtkWidget *button = smolder_live_alerts_get_button (alerts);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  GtkWidget *row = find_label (popover, label);

  g_assert_nonnull (row);
  return gtk_label_get_mnemonic_widget (GTK_LABEL (row));
}

/* User-set thresholds against the real service. A goroutine threshold of
 * 1 set before the first poll: the first point crosses it, one alert, and
 * no more while it stays above. A heap threshold typed in the Alerts
 * popover ("N KiB") below the service's heap in use (its own /stats) and
 * below every point so far: stored in the settings, one crossing marked
 * at the first point, none sent (that history is on screen), still one
 * after more polls; a threshold above everything marks nothing. */
static void
test_thresholds (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = start_service ();
  g_autoptr(SmolderEndpoint) endpoint = smolder_endpoint_new_parse (url, &error);
  GSettings *settings = smolder_application_get_settings (app);
  g_autofree char *typed = NULL;
  SmolderWindow *window;
  SmolderLivePage *page;
  SmolderLiveAlerts *alerts;
  SmolderSeries *series;
  GtkWidget *entry;
  PointsWait w;
  double lo, hi, theirs;
  guint64 kib;

  g_assert_no_error (error);
  g_assert_nonnull (settings);
  g_settings_set_uint (settings, "goroutine-threshold", 1);
  g_settings_set_uint64 (settings, "heap-threshold", 0);
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  page = smolder_live_page_open (window, endpoint, NULL, INTERVAL_MS, &error);
  g_assert_no_error (error);
  alerts = smolder_live_page_get_alerts (page);
  series = smolder_live_page_get_series (page);
  g_assert_cmpfloat (smolder_live_alerts_get_threshold (alerts, SMOLDER_LIVE_ALERT_GOROUTINES), ==, 1);

  w.page = page;
  w.n = 3;
  wait_until (has_goroutine_points, &w);
  wait_until (has_points, &w);
  g_assert_cmpuint (smolder_live_alerts_get_n_marks (alerts, SMOLDER_LIVE_ALERT_GOROUTINES), ==, 1);
  g_assert_cmpuint (smolder_live_alerts_get_n_sent (alerts, SMOLDER_LIVE_ALERT_GOROUTINES), ==, 1);
  g_assert_cmpuint (smolder_live_alerts_get_n_marks (alerts, SMOLDER_LIVE_ALERT_HEAP), ==, 0);

  /* Half of the lowest of the service's heap now and every point so far. */
  theirs = service_heap_inuse ();
  g_assert_true (smolder_series_index_min_max (series, SMOLDER_LIVE_SERIES_HEAP_INUSE, 0,
                                               smolder_series_get_n_points (series, SMOLDER_LIVE_SERIES_HEAP_INUSE),
                                               &lo, &hi));
  kib = (guint64) (MIN (lo, theirs) / 2 / 1024);
  g_assert_cmpuint (kib, >, 0);
  typed = g_strdup_printf ("%" G_GUINT64_FORMAT " KiB", kib);

  gtk_menu_button_popup (GTK_MENU_BUTTON (smolder_live_alerts_get_button (alerts)));
  entry = alerts_entry (alerts, "Heap in use");
  /* Not a size: refused, said so, nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "lots");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpuint (g_settings_get_uint64 (settings, "heap-threshold"), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpuint (g_settings_get_uint64 (settings, "heap-threshold"), ==, kib * 1024);
  g_assert_cmpfloat (smolder_live_alerts_get_threshold (alerts, SMOLDER_LIVE_ALERT_HEAP), ==, kib * 1024.0);
  g_assert_cmpuint (smolder_live_alerts_get_n_marks (alerts, SMOLDER_LIVE_ALERT_HEAP), ==, 1);
  g_assert_cmpuint (smolder_live_alerts_get_n_sent (alerts, SMOLDER_LIVE_ALERT_HEAP), ==, 0);

  w.n = smolder_series_get_n_points (series, SMOLDER_LIVE_SERIES_HEAP_INUSE) + 2;
  wait_until (has_points, &w);
  g_assert_cmpuint (smolder_live_alerts_get_n_marks (alerts, SMOLDER_LIVE_ALERT_HEAP), ==, 1);
  g_assert_cmpuint (smolder_live_alerts_get_n_sent (alerts, SMOLDER_LIVE_ALERT_HEAP), ==, 0);
  g_assert_cmpuint (smolder_live_alerts_get_n_sent (alerts, SMOLDER_LIVE_ALERT_GOROUTINES), ==, 1);

  /* Far above everything (the settings, as the Preferences window sets them). */
  g_settings_set_uint64 (settings, "heap-threshold", G_GUINT64_CONSTANT (1) << 50);
  g_assert_cmpuint (smolder_live_alerts_get_n_marks (alerts, SMOLDER_LIVE_ALERT_HEAP), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1024 TiB");

  g_settings_reset (settings, "heap-threshold");
  g_settings_reset (settings, "goroutine-threshold");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

typedef struct {
  gboolean checked;
} CommandLineState;

static void
check_command_line (GApplication  *app,
                    GFile        **files,
                    int            n_files,
                    const char    *hint,
                    gpointer       user_data)
{
  CommandLineState *state = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  SmolderPage *page = smolder_window_get_selected_page (SMOLDER_WINDOW (active));
  PointsWait w = { SMOLDER_LIVE_PAGE (page), 1 };

  g_assert_true (SMOLDER_IS_LIVE_PAGE (page));
  g_assert_cmpstr (smolder_endpoint_get_uri (smolder_poller_get_endpoint (smolder_live_page_get_poller (w.page))),
                   ==, service_url);
  wait_until (has_points, &w);
  state->checked = TRUE;
  gtk_window_destroy (active);
}

/* `smolder 127.0.0.1:PORT` opens a live page (not a file of that name). */
static void
test_command_line (void)
{
  g_autoptr(SmolderApplication) app = test_application_new_unregistered ();
  g_autofree char *url = start_service ();
  g_autofree char *host_port = g_strdup (service_base + strlen ("http://"));
  char *argv[] = { (char *) "smolder", host_port, NULL };
  CommandLineState state = { FALSE };

  g_signal_connect_after (app, "open", G_CALLBACK (check_command_line), &state);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (state.checked);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  if (argc < 2 || g_str_equal (argv[argc - 1], "none"))
    {
      printf ("1..0 # SKIP no go\n");
      return 0;
    }
  service_exe = argv[argc - 1];
  argv[--argc] = NULL;
  home = ui_test_init (&argc, &argv, "smolder-test-live-XXXXXX");
  if (home == NULL)
    return 0;

  g_test_add_func ("/smolder/live-page/watch", test_live_page);
  g_test_add_func ("/smolder/live-page/connect-dialog", test_connect_dialog);
  g_test_add_func ("/smolder/live-page/connect-tls", test_connect_tls);
  g_test_add_func ("/smolder/live-page/alerts", test_alerts);
  g_test_add_func ("/smolder/live-page/thresholds", test_thresholds);
  g_test_add_func ("/smolder/live-page/command-line", test_command_line);
  status = g_test_run ();
  kill_services ();
  return status;
}
