/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-live-poller.c: SmolderPoller against the loopback fault server: one
 * endpoint failing never stops another, the main loop never stalls, pause
 * and resume, CPU capture and its cancel. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "smolder-fetch.h"
#include "smolder-live-error.h"
#include "smolder-poller.h"

#include <libsoup/soup.h>

static const char *fault_server;
static char *base;           /* http://127.0.0.1:PORT */
static GSubprocess *server;

typedef struct {
  guint     n_snapshots;
  guint     n_failed;
  GString  *errors;
  GPtrArray *profiles;       /* of snapshots, in order */
} Counter;

static void
on_snapshot (SmolderPoller             *poller,
             const SmolderLiveSnapshot *s,
             Counter                   *c)
{
  c->n_snapshots++;
  g_ptr_array_add (c->profiles, g_strdup (s->profile));
}

static void
on_failed (SmolderPoller *poller,
           const char    *profile,
           GError        *error,
           Counter       *c)
{
  c->n_failed++;
  g_string_append_printf (c->errors, "%s\n", error->message);
}

static SmolderPoller *
make_poller (const char *path,
             GFile      *dir,
             Counter    *c)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse (url, NULL);
  g_autoptr(SmolderSession) s = NULL;
  g_autoptr(GError) error = NULL;
  SmolderPoller *p;

  g_assert_nonnull (e);
  s = smolder_session_new (e, dir, &error);
  g_assert_no_error (error);
  p = smolder_poller_new (e, s);
  smolder_poller_set_interval_ms (p, 200);
  smolder_poller_set_timeout_ms (p, 1000);
  smolder_poller_set_max_body (p, 8 * 1024 * 1024);
  c->errors = g_string_new (NULL);
  c->profiles = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (p, "snapshot-added", G_CALLBACK (on_snapshot), c);
  g_signal_connect (p, "poll-failed", G_CALLBACK (on_failed), c);
  return p;
}

static void
counter_clear (Counter *c)
{
  g_string_free (c->errors, TRUE);
  g_ptr_array_unref (c->profiles);
}

/* Runs the main loop for @ms, returning the longest gap between two ticks of
 * a 5 ms timer: how long the main loop was ever busy. */
typedef struct {
  gint64 last;
  gint64 max_gap;
  gint64 last_cpu;
  gint64 max_cpu_gap;   /* main-thread CPU time between two ticks */
} Stall;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

/* The wall-clock gap also counts time the scheduler gave to other processes
 * (2 cores shared by many builds); the main thread's own CPU time between
 * ticks is what this code spends blocking the loop. */
static gint64 last_cpu_gap;

static gboolean
stall_tick (gpointer user_data)
{
  Stall *st = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (st->last_cpu != 0)
    st->max_cpu_gap = MAX (st->max_cpu_gap, cpu - st->last_cpu);
  st->last_cpu = cpu;
  if (st->last != 0)
    st->max_gap = MAX (st->max_gap, now - st->last);
  if (st->last != 0 && now - st->last > 30000 && g_getenv ("STALL_DEBUG"))
    g_printerr ("stall %.1f ms at %.3f\n", (now - st->last) / 1000.0, now / 1e6);
  st->last = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_later (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gint64
run_until (guint      ms,
           gboolean (*until) (gpointer),
           gpointer   data)
{
  Stall st = { 0, };
  gboolean done = FALSE;
  guint tick = g_timeout_add (5, stall_tick, &st);
  guint timer = g_timeout_add (ms, quit_later, &done);

  while (!done && (until == NULL || !until (data)))
    g_main_context_iteration (NULL, TRUE);
  if (!done)
    g_source_remove (timer);
  g_source_remove (tick);
  last_cpu_gap = st.max_cpu_gap;
  return st.max_gap;
}

static gint64
run_for (guint ms)
{
  return run_until (ms, NULL, NULL);
}

static void
wait_idle (SmolderPoller *p)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (smolder_poller_is_busy (p) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (smolder_poller_is_busy (p));
}

static gboolean
folder_has_part (GFile *dir)
{
  g_autoptr(GFileEnumerator) en = g_file_enumerate_children (dir, "standard::name", 0, NULL, NULL);
  GFileInfo *info;

  while (g_file_enumerator_iterate (en, &info, NULL, NULL, NULL) && info != NULL)
    if (g_str_has_suffix (g_file_info_get_name (info), ".part"))
      return TRUE;
  return FALSE;
}

static gboolean
enough (gpointer data)
{
  Counter **c = data;

  return c[0]->n_snapshots >= 16 && c[1]->n_failed >= 1 &&
         strstr (c[2]->errors->str, "decompresses to more than") != NULL;
}

static void
test_isolation_and_stalls (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("smolder-poller-XXXXXX", NULL);
  g_autoptr(GFile) dir_ok = g_file_new_build_filename (tmp, "ok", NULL);
  g_autoptr(GFile) dir_slow = g_file_new_build_filename (tmp, "trickle", NULL);
  g_autoptr(GFile) dir_bomb = g_file_new_build_filename (tmp, "bomb", NULL);
  Counter ok = { 0 }, slow = { 0 }, bomb = { 0 };
  g_autoptr(SmolderPoller) p_ok = make_poller ("/ok/debug/pprof/", dir_ok, &ok);
  g_autoptr(SmolderPoller) p_slow = make_poller ("/p/trickle/debug/pprof/", dir_slow, &slow);
  g_autoptr(SmolderPoller) p_bomb = make_poller ("/p/gzipbomb/debug/pprof/", dir_bomb, &bomb);
  gint64 gap;

  /* The server makes its bomb at first use (a second or more of Python that
   * holds up its other answers): make it now. And the machine is shared:
   * the healthy endpoint gets time to answer. */
  {
    g_autoptr(SoupSession) soup = soup_session_new ();
    g_autofree char *url = g_strconcat (base, "/p/gzipbomb/debug/pprof/heap", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) body = soup_session_send_and_read (soup, msg, NULL, NULL);

    g_assert_nonnull (body);
  }
  smolder_poller_set_timeout_ms (p_ok, 5000);
  smolder_poller_set_timeout_ms (p_bomb, 10000);
  smolder_poller_start (p_ok);
  smolder_poller_start (p_slow);
  smolder_poller_start (p_bomb);
  g_assert_cmpuint (smolder_poller_get_state (p_ok), ==, SMOLDER_POLLER_STATE_CONNECTING);
  {
    Counter *all[] = { &ok, &slow, &bomb };

    /* Until each has shown what it does, or 30 s on a loaded machine. */
    gap = run_until (30000, enough, all);
  }
  g_test_message ("longest main-loop gap: %.1f ms wall, %.1f ms of main-thread CPU; healthy endpoint: %u snapshots",
                   gap / 1000.0, last_cpu_gap / 1000.0, ok.n_snapshots);

  /* The healthy one does not wait for the trickling or exploding ones. */
  g_assert_cmpuint (ok.n_snapshots, >=, 16);
  /* The fault server is one Python process: while it inflates or streams a
   * bomb its other answers can be late on a loaded machine, so an occasional
   * timeout of the healthy endpoint is the server's, not the poller's. */
  if (ok.n_failed > 0)
    g_test_message ("healthy endpoint errors: %s", ok.errors->str);
  g_assert_cmpuint (ok.n_failed, <=, 2);
  g_assert_cmpuint (smolder_poller_get_state (p_ok), ==, SMOLDER_POLLER_STATE_LIVE);
  g_assert_cmpuint (slow.n_snapshots, ==, 0);
  g_assert_cmpuint (slow.n_failed, >=, 1);
  g_assert_nonnull (strstr (slow.errors->str, "no complete answer"));
  g_assert_cmpuint (smolder_poller_get_state (p_slow), ==, SMOLDER_POLLER_STATE_ERROR);
  g_assert_nonnull (strstr (smolder_poller_get_error (p_slow), "no complete answer"));
  g_assert_cmpuint (bomb.n_snapshots, ==, 0);
  g_assert_cmpuint (bomb.n_failed, >=, 1);
  g_test_message ("gzip bomb: %s", bomb.errors->str);
  g_assert_nonnull (strstr (bomb.errors->str, "decompresses to more than"));
  /* Inflating the bomb happens on workers: the loop never spent 50 ms
   * between two ticks (CPU time: see thread_cpu_us()). */
  g_assert_cmpint (last_cpu_gap, <, 50000);

  smolder_poller_stop (p_ok);
  smolder_poller_stop (p_slow);
  smolder_poller_stop (p_bomb);
  wait_idle (p_ok);
  wait_idle (p_slow);
  wait_idle (p_bomb);
  g_assert_cmpuint (smolder_poller_get_state (p_slow), ==, SMOLDER_POLLER_STATE_STOPPED);
  g_assert_false (folder_has_part (dir_slow));
  g_assert_false (folder_has_part (dir_bomb));
  g_assert_cmpuint (smolder_session_get_n_snapshots (smolder_poller_get_session (p_ok)), ==, ok.n_snapshots);
  counter_clear (&ok);
  counter_clear (&slow);
  counter_clear (&bomb);
}

static void
test_pause_resume (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("smolder-poller-XXXXXX", NULL);
  g_autoptr(GFile) dir = g_file_new_build_filename (tmp, "s", NULL);
  Counter c = { 0 };
  g_autoptr(SmolderPoller) p = make_poller ("/ok/debug/pprof/", dir, &c);
  guint before;

  smolder_poller_start (p);
  run_for (700);
  g_assert_cmpuint (c.n_snapshots, >, 0);
  smolder_poller_pause (p);
  g_assert_cmpuint (smolder_poller_get_state (p), ==, SMOLDER_POLLER_STATE_PAUSED);
  g_assert_cmpint (smolder_poller_get_next_poll (p), ==, 0);
  wait_idle (p);
  before = c.n_snapshots;
  run_for (800);
  g_assert_cmpuint (c.n_snapshots, ==, before);
  smolder_poller_resume (p);
  g_assert_cmpuint (smolder_poller_get_state (p), !=, SMOLDER_POLLER_STATE_PAUSED);
  run_for (700);
  g_assert_cmpuint (c.n_snapshots, >, before);
  g_assert_cmpuint (smolder_poller_get_state (p), ==, SMOLDER_POLLER_STATE_LIVE);
  smolder_poller_stop (p);
  wait_idle (p);
  counter_clear (&c);
}

typedef struct {
  const SmolderLiveSnapshot *snapshot;
  GError *error;
  gboolean done;
} Capture;

static void
captured (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Capture *cap = user_data;

  cap->snapshot = smolder_poller_capture_cpu_finish (SMOLDER_POLLER (source), result, &cap->error);
  cap->done = TRUE;
}

static void
test_cpu_capture (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("smolder-poller-XXXXXX", NULL);
  g_autoptr(GFile) dir = g_file_new_build_filename (tmp, "cpu", NULL);
  g_autoptr(GFile) dir2 = g_file_new_build_filename (tmp, "cpu-cancel", NULL);
  Counter c = { 0 }, c2 = { 0 };
  g_autoptr(SmolderPoller) p = make_poller ("/ok/debug/pprof/", dir, &c);
  g_autoptr(SmolderPoller) p2 = make_poller ("/p/timeout/debug/pprof/", dir2, &c2);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  Capture cap = { 0 }, cap2 = { 0 };
  gint64 total;

  smolder_poller_capture_cpu_async (p, 1, NULL, captured, &cap);
  while (!cap.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (cap.error);
  g_assert_cmpstr (cap.snapshot->profile, ==, "cpu");
  g_assert_cmpuint (cap.snapshot->files->len, ==, 1);
  g_assert_true (g_str_has_prefix (((SmolderLiveFile *) cap.snapshot->files->pdata[0])->name, "cpu-"));
  g_assert_cmpstr (((SmolderLiveFile *) cap.snapshot->files->pdata[0])->query, ==, "profile?seconds=1");
  /* The server answers with tests/data/leaky-service/cpu-10s.pb.gz, whose
   * samples total go tool pprof -raw shows as 10 s of samples/cpu. */
  g_assert_true (smolder_live_summary_lookup_total (&cap.snapshot->summary, "samples", &total));
  g_assert_cmpint (total, >, 0);
  g_assert_cmpuint (smolder_session_get_n_snapshots (smolder_poller_get_session (p)), ==, 1);

  /* A capture that never answers, cancelled: no partial file. */
  smolder_poller_capture_cpu_async (p2, 5, cancel, captured, &cap2);
  run_for (300);
  g_assert_false (cap2.done);
  g_cancellable_cancel (cancel);
  while (!cap2.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (cap2.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cap2.error);
  g_assert_false (folder_has_part (dir2));
  counter_clear (&c);
  counter_clear (&c2);
}

static void
fetched (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A body goes to its file byte for byte, small (one write) or over the
 * 1 MiB a write takes at most (several): the server's fixtures themselves. */
static void
test_fetch_to_file (void)
{
  static const char * const cases[][2] = {
    { "allocs", "allocs.pb.gz" },                      /* 4 KB */
    { "goroutine?debug=2", "goroutine-debug2.txt" },   /* 2 MB */
  };
  g_autofree char *tmp = g_dir_make_tmp ("smolder-fetch-XXXXXX", NULL);
  g_autofree char *url = g_strconcat (base, "/ok/debug/pprof/", NULL);
  g_autofree char *live_dir = g_path_get_dirname (fault_server);
  g_autofree char *data_dir = g_build_filename (live_dir, "..", "data", "leaky-service", NULL);
  g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse (url, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("body-%u.part", i);
      g_autoptr(GFile) part = g_file_new_build_filename (tmp, name, NULL);
      g_autofree char *fixture = g_build_filename (data_dir, cases[i][1], NULL);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *want = NULL, *got = NULL;
      gsize want_len, got_len;
      const SmolderFetch *f;

      smolder_fetch_async (e, cases[i][0], part, 8 * 1024 * 1024, 20000, 5, TRUE, NULL, fetched, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      f = smolder_fetch_finish (result, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (fixture, &want, &want_len, NULL));
      g_assert_true (g_file_load_contents (part, NULL, &got, &got_len, NULL, NULL));
      g_assert_cmpuint (f->size, ==, want_len);
      g_assert_cmpmem (got, got_len, want, want_len);
      g_assert_true (g_file_delete (part, NULL, NULL));
    }

  /* Over the cap: an error, and no file left behind. */
  {
    g_autoptr(GFile) part = g_file_new_build_filename (tmp, "big.part", NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    smolder_fetch_async (e, "goroutine?debug=2", part, 1536 * 1024, 20000, 5, TRUE, NULL, fetched, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (smolder_fetch_finish (result, &error));
    g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TOO_LARGE);
    g_assert_false (g_file_query_exists (part, NULL));
  }
  g_rmdir (tmp);
}

/* A poller holds the shared SoupSession: it would otherwise die after each
 * poll, and with it the kept-alive connection. */
static void
test_poller_holds_session (void)
{
  g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse ("http://127.0.0.1:9/", NULL);
  SmolderPoller *p = smolder_poller_new (e, NULL);
  SoupSession *soup = smolder_fetch_get_soup_session ();

  g_object_add_weak_pointer (G_OBJECT (soup), (gpointer *) &soup);
  g_object_unref (soup);
  g_assert_nonnull (soup);
  g_object_unref (p);
  g_assert_null (soup);
}

static gboolean
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "python3", fault_server, "--exit-on-stdin-eof", "--lifetime", "300", NULL);
  if (server == NULL)
    return FALSE;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      if (line == NULL)
        return FALSE;
      if (g_str_has_prefix (line, "base "))
        base = g_strdup (line + 5);
      if (g_str_equal (line, "ready"))
        return base != NULL;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *python = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: test-live-poller FAULT_SERVER\n");
      return 2;
    }
  fault_server = argv[1];
  python = g_find_program_in_path ("python3");
  if (python == NULL || !start_server ())
    {
      g_print ("1..0 # SKIP the fault server does not start\n");
      return 0;
    }
  g_test_add_func ("/live/poller/isolation-and-stalls", test_isolation_and_stalls);
  g_test_add_func ("/live/poller/pause-resume", test_pause_resume);
  g_test_add_func ("/live/poller/cpu-capture", test_cpu_capture);
  g_test_add_func ("/live/fetch/to-file", test_fetch_to_file);
  g_test_add_func ("/live/poller/holds-session", test_poller_holds_session);
  ret = g_test_run ();
  g_subprocess_force_exit (server);
  g_clear_object (&server);
  return ret;
}
