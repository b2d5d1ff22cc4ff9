/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-live-capture.c: the live page's CPU capture and its top functions'
 * chart, against the real leaky-std Go service run with -burn (a goroutine
 * spinning in main.burnCPU). Capture: progress over the seconds, polling
 * goes on, cpu-NNNN.pb.gz joins the session and opens in a new tab whose
 * profile has samples; Cancel leaves nothing. Functions: the chart's value
 * of the top heap and goroutine function equals `go tool pprof -top` flat in
 * that snapshot's file; the same session reopened from disk gives the same
 * series; a pin marks the legend. Argument: the service's binary, or "none". */
#include <json-glib/json-glib.h>

#include "smolder-application.h"
#include "smolder-live-page.h"
#include "smolder-profile-page.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

#define INTERVAL_MS 400

static const char *service_exe;
static GSubprocess *service;
static char *service_url;

static void
kill_service (void)
{
  if (service != NULL)
    {
      g_subprocess_force_exit (service);
      g_subprocess_wait (service, NULL, NULL);
      g_clear_object (&service);
    }
}

static void
start_service (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;

  service = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              service_exe, "-rate", "50", "-burn", "-goroutine-every", "5",
                              "-lifetime", "5m", "-exit-on-stdin-eof", NULL);
  g_assert_no_error (error);
  atexit (kill_service);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (service));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "url "))
        service_url = g_strdup (line + 4);
    }
  g_assert_nonnull (service_url);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static SmolderApplication *
test_application_new (void)
{
  SmolderApplication *app = smolder_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  return app;
}

static guint
count_snapshots (SmolderLivePage *page,
                 const char      *profile)
{
  SmolderSession *session = smolder_poller_get_session (smolder_live_page_get_poller (page));
  guint n = 0;

  for (guint i = 0; i < smolder_session_get_n_snapshots (session); i++)
    if (g_str_equal (smolder_session_get_snapshot (session, i)->profile, profile))
      n++;
  return n;
}

typedef struct {
  SmolderLivePage *page;
  guint            n;
} SnapshotsWait;

static gboolean
has_snapshots (gpointer data)
{
  SnapshotsWait *w = data;

  return count_snapshots (w->page, "heap") >= w->n && count_snapshots (w->page, "goroutine") >= w->n;
}

static void
on_captured (SmolderCpuCapture *capture,
             GFile             *file,
             GFile            **out)
{
  g_set_object (out, file);
}

static gboolean
is_set (gpointer data)
{
  return *(GFile **) data != NULL;
}

static gboolean
page_loaded (gpointer data)
{
  return !smolder_page_get_loading (data) && smolder_page_get_profile (data) != NULL;
}

/* Files in @dir whose names start with @prefix. */
static guint
count_files (GFile      *dir,
             const char *prefix)
{
  g_autoptr(GFileEnumerator) e = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;
  guint n = 0;

  g_assert_nonnull (e);
  while ((info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
    {
      n += g_str_has_prefix (g_file_info_get_name (info), prefix);
      g_object_unref (info);
    }
  return n;
}

static void
test_capture (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) endpoint = smolder_endpoint_new_parse (service_url, &error);
  g_autoptr(GFile) captured = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;
  SmolderWindow *window;
  SmolderLivePage *page;
  SmolderCpuCapture *capture;
  SmolderPage *tab;
  SmolderProfile *profile;
  SmolderSession *session;
  SnapshotsWait w;
  guint heap_before;
  double fraction;
  gint64 total = 0;

  g_assert_no_error (error);
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  page = smolder_live_page_open (window, endpoint, NULL, INTERVAL_MS, &error);
  g_assert_no_error (error);
  session = smolder_poller_get_session (smolder_live_page_get_poller (page));
  w.page = page;
  w.n = 1;
  wait_until (has_snapshots, &w);

  capture = smolder_live_page_get_cpu_capture (page);
  g_signal_connect (capture, "captured", G_CALLBACK (on_captured), &captured);
  heap_before = count_snapshots (page, "heap");
  smolder_cpu_capture_start (capture, 3);
  g_assert_true (smolder_cpu_capture_get_busy (capture));
  spin (1000);
  fraction = smolder_cpu_capture_get_fraction (capture);
  g_test_message ("progress after 1 s of 3: %.2f", fraction);
  g_assert_cmpfloat (fraction, >, 0.2);
  g_assert_cmpfloat (fraction, <, 0.6);
  wait_until (is_set, &captured);
  g_assert_false (smolder_cpu_capture_get_busy (capture));

  /* The heap was polled meanwhile (3 s at 0.4 s; a slow sanitizer build
   * manages fewer than the 7 of a plain one). */
  g_test_message ("heap snapshots during the capture: %u", count_snapshots (page, "heap") - heap_before);
  g_assert_cmpuint (count_snapshots (page, "heap"), >=, heap_before + 2);

  /* In the session folder, under a standard name, and in the index. */
  name = g_file_get_basename (captured);
  g_assert_true (g_regex_match_simple ("^cpu-[0-9]{4}\\.pb\\.gz$", name, 0, 0));
  parent = g_file_get_parent (captured);
  g_assert_true (g_file_equal (parent, smolder_session_get_dir (session)));
  g_assert_true (g_file_query_exists (captured, NULL));
  g_assert_cmpuint (count_snapshots (page, "cpu"), ==, 1);

  /* Opened in a new tab, with samples. */
  tab = smolder_window_get_selected_page (window);
  g_assert_true (SMOLDER_IS_PROFILE_PAGE (tab));
  g_assert_true (g_file_equal (smolder_page_get_file (tab), captured));
  wait_until (page_loaded, tab);
  profile = smolder_page_get_profile (tab);
  for (guint i = 0; i < smolder_profile_get_n_sample_types (profile); i++)
    total = MAX (total, smolder_profile_get_total (profile, i));
  g_assert_cmpint (total, >, 0);

  /* Cancel: nothing more joins the session, no file is left behind. */
  smolder_cpu_capture_start (capture, 30);
  spin (500);
  smolder_cpu_capture_cancel (capture);
  g_assert_false (smolder_cpu_capture_get_busy (capture));
  spin (1500);
  g_assert_cmpuint (count_snapshots (page, "cpu"), ==, 1);
  g_assert_cmpuint (count_files (smolder_session_get_dir (session), "cpu-"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* `go tool pprof -top` flat of @function in @file (with @options), as an
 * integer: pprof is the oracle. */
static gint64
pprof_flat (GFile      *file,
            const char *options,
            const char *function)
{
  g_autofree char *quoted = g_shell_quote (g_file_peek_path (file));
  g_autofree char *command = g_strdup_printf ("go tool pprof -top -nodecount=100000 -nodefraction=0 %s %s",
                                              options, quoted);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      guint n = g_strv_length (words);

      /* flat flat% sum% cum cum% name [(inline)]: Go function names have
       * no spaces. */
      if (n >= 6 && g_str_equal (words[n - 1], "(inline)"))
        n--;
      if (n >= 6 && g_str_equal (words[n - 1], function))
        return g_ascii_strtoll (words[0], NULL, 10);
    }
  g_error ("%s not in pprof's -top of %s:\n%s", function, g_file_peek_path (file), out);
  return -1;
}

static void
check_top_function (SmolderFunctionSeries *functions,
                    SmolderSession        *session,
                    SmolderFunctionKind    kind)
{
  SmolderSeries *model = smolder_function_series_get_model (functions);
  const char *profile = kind == SMOLDER_FUNCTION_KIND_HEAP ? "heap" : "goroutine";
  const SmolderLiveSnapshot *last = NULL;
  const char *name;
  guint s, n;
  g_autoptr(GFile) file = NULL;
  gint64 theirs;
  double ours;

  for (guint i = 0; i < smolder_session_get_n_snapshots (session); i++)
    if (g_str_equal (smolder_session_get_snapshot (session, i)->profile, profile))
      last = smolder_session_get_snapshot (session, i);
  g_assert_nonnull (last);
  /* The newest snapshot's top function has a series. */
  s = smolder_function_series_find (functions, kind,
                                    g_array_index (last->summary.functions, SmolderLiveFunction, 0).name);
  g_assert_cmpuint (s, !=, SMOLDER_SERIES_NONE);
  name = smolder_function_series_get_function (functions, s, NULL);
  n = smolder_series_get_n_points (model, s);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (smolder_series_get_time (model, s, n - 1), ==, last->time_ms);
  ours = smolder_series_get_value (model, s, n - 1);
  file = g_file_get_child (smolder_session_get_dir (session),
                           ((SmolderLiveFile *) g_ptr_array_index (last->files, 0))->name);
  theirs = pprof_flat (file, kind == SMOLDER_FUNCTION_KIND_HEAP ? "-sample_index=inuse_space -unit=B" : "",
                       name);
  g_test_message ("%s %s: chart %.0f, pprof %" G_GINT64_FORMAT, g_file_peek_path (file), name, ours, theirs);
  g_assert_cmpfloat (ours, ==, (double) theirs);
}

static void
test_functions (void)
{
  g_autoptr(SmolderApplication) app = test_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) endpoint = smolder_endpoint_new_parse (service_url, &error);
  g_autoptr(SmolderSession) reopened = NULL;
  g_autoptr(SmolderFunctionSeries) again = NULL;
  SmolderWindow *window;
  SmolderLivePage *page;
  SmolderFunctionChart *chart;
  SmolderFunctionSeries *functions;
  SmolderSeries *model, *model2;
  SmolderSession *session;
  SmolderFunctionKind kind;
  SnapshotsWait w;
  const char *name;

  g_assert_no_error (error);
  window = g_object_ref (smolder_window_new (app));
  gtk_window_present (GTK_WINDOW (window));
  page = smolder_live_page_open (window, endpoint, NULL, INTERVAL_MS, &error);
  g_assert_no_error (error);
  session = smolder_poller_get_session (smolder_live_page_get_poller (page));
  w.page = page;
  w.n = 4;
  wait_until (has_snapshots, &w);
  smolder_poller_pause (smolder_live_page_get_poller (page));
  spin (2 * INTERVAL_MS);

  chart = smolder_live_page_get_function_chart (page);
  functions = smolder_function_chart_get_functions (chart);
  model = smolder_function_series_get_model (functions);
  g_assert_true (smolder_timeline_chart_get_model (smolder_function_chart_get_chart (chart)) == model);
  g_assert_cmpuint (smolder_series_get_n_series (model), >=, 2);
  g_assert_cmpuint (smolder_series_get_n_series (model), <=, 2 * SMOLDER_FUNCTION_SERIES_TOP);
  check_top_function (functions, session, SMOLDER_FUNCTION_KIND_HEAP);
  check_top_function (functions, session, SMOLDER_FUNCTION_KIND_GOROUTINE);

  /* The recording reopened from disk draws the same series. */
  g_assert_true (smolder_session_save (session, &error));
  reopened = smolder_session_open (smolder_session_get_dir (session), NULL, &error);
  g_assert_no_error (error);
  again = smolder_function_series_new ();
  smolder_function_series_add_session (again, reopened);
  model2 = smolder_function_series_get_model (again);
  g_assert_cmpuint (smolder_series_get_n_series (model2), ==, smolder_series_get_n_series (model));
  /* The same lines; their order may differ (the live chart keeps its
   * order while functions swap ranks). */
  for (guint s = 0; s < smolder_series_get_n_series (model); s++)
    {
      const char *fn = smolder_function_series_get_function (functions, s, &kind);
      guint s2 = smolder_function_series_find (again, kind, fn);

      g_assert_cmpuint (s2, !=, SMOLDER_SERIES_NONE);
      g_assert_cmpstr (smolder_series_get_name (model2, s2), ==, smolder_series_get_name (model, s));
      g_assert_cmpuint (smolder_series_get_n_points (model2, s2), ==, smolder_series_get_n_points (model, s));
      for (guint i = 0; i < smolder_series_get_n_points (model, s); i++)
        {
          g_assert_cmpint (smolder_series_get_time (model2, s2, i), ==, smolder_series_get_time (model, s, i));
          g_assert_cmpfloat (smolder_series_get_value (model2, s2, i), ==, smolder_series_get_value (model, s, i));
        }
    }

  /* Pinning from the legend's menu marks the entry; the chart follows the new model. */
  name = smolder_function_series_get_function (functions, 1, &kind);
  g_assert_true (smolder_function_chart_toggle_pin (chart, 1));
  g_assert_true (smolder_function_series_get_pinned (functions, kind, name));
  model = smolder_function_series_get_model (functions);
  g_assert_true (smolder_timeline_chart_get_model (smolder_function_chart_get_chart (chart)) == model);
  g_assert_true (g_str_has_prefix (smolder_series_get_name (model, smolder_function_series_find (functions, kind, name)),
                                   "\u2022 "));
  g_assert_true (smolder_function_chart_toggle_pin (chart, smolder_function_series_find (functions, kind, name)));
  g_assert_false (smolder_function_series_get_pinned (functions, kind, name));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *go = g_find_program_in_path ("go");
  int status;

  if (argc < 2 || g_str_equal (argv[argc - 1], "none") || go == NULL)
    {
      printf ("1..0 # SKIP no go\n");
      return 0;
    }
  service_exe = argv[argc - 1];
  argv[--argc] = NULL;
  home = ui_test_init (&argc, &argv, "smolder-test-capture-XXXXXX");
  if (home == NULL)
    return 0;
  start_service ();

  g_test_add_func ("/smolder/live-capture/cpu", test_capture);
  g_test_add_func ("/smolder/live-capture/functions", test_functions);
  status = g_test_run ();
  kill_service ();
  return status;
}
