/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-live.c: endpoint parsing, the index page, the session folder; no network. */
#include <glib/gstdio.h>
#include <string.h>

#include "smolder-endpoint.h"
#include "smolder-live-error.h"
#include "smolder-pprof-index.h"
#include "smolder-session.h"

#define SERIES SMOLDER_TEST_DATA "/leaky-service/series/"

static void
test_endpoint_host_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse ("  localhost:6060 ", &error);
  g_autofree char *folder = NULL;
  g_autofree char *heap = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (smolder_endpoint_get_uri (e), ==, "http://localhost:6060/debug/pprof/");
  g_assert_cmpint (smolder_endpoint_get_port (e), ==, 6060);
  g_assert_false (smolder_endpoint_has_credentials (e));
  folder = smolder_endpoint_get_folder_name (e);
  g_assert_cmpstr (folder, ==, "localhost-6060");
  heap = smolder_endpoint_resolve (e, "heap?debug=1");
  g_assert_cmpstr (heap, ==, "http://localhost:6060/debug/pprof/heap?debug=1");
}

static void
test_endpoint_paths (void)
{
  struct { const char *in, *uri, *folder; } cases[] = {
    { "http://10.0.0.5:8080/admin/debug/pprof", "http://10.0.0.5:8080/admin/debug/pprof/", "10.0.0.5-8080" },
    { "https://svc.example/custom/prefix/", "https://svc.example/custom/prefix/", "svc.example-443" },
    { "http://svc.example", "http://svc.example/debug/pprof/", "svc.example-80" },
    { "[::1]:6060", "http://[::1]:6060/debug/pprof/", "__1-6060" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse (cases[i].in, &error);
      g_autofree char *folder = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (smolder_endpoint_get_uri (e), ==, cases[i].uri);
      folder = smolder_endpoint_get_folder_name (e);
      g_assert_cmpstr (folder, ==, cases[i].folder);
    }
}

static void
test_endpoint_credentials (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) e =
    smolder_endpoint_new_parse ("http://admin:s3cr%40t@127.0.0.1:8080/admin/debug/pprof/", &error);
  const char *name, *value;

  g_assert_no_error (error);
  /* The password leaves the URL: nothing shown or saved carries it. */
  g_assert_cmpstr (smolder_endpoint_get_uri (e), ==, "http://127.0.0.1:8080/admin/debug/pprof/");
  g_assert_true (smolder_endpoint_has_credentials (e));
  g_assert_cmpuint (smolder_endpoint_get_n_headers (e), ==, 1);
  smolder_endpoint_get_header (e, 0, &name, &value);
  g_assert_cmpstr (name, ==, "Authorization");
  /* base64 ("admin:s3cr@t"), computed with Python's base64 module */
  g_assert_cmpstr (value, ==, "Basic YWRtaW46czNjckB0");

  /* A header of the same name replaces it. */
  g_assert_true (smolder_endpoint_add_header (e, "authorization:  Bearer tok.en ", &error));
  g_assert_cmpuint (smolder_endpoint_get_n_headers (e), ==, 1);
  smolder_endpoint_get_header (e, 0, &name, &value);
  g_assert_cmpstr (value, ==, "Bearer tok.en");
  g_assert_true (smolder_endpoint_add_header (e, "X-Tenant: blue", &error));
  g_assert_cmpuint (smolder_endpoint_get_n_headers (e), ==, 2);

  g_assert_false (smolder_endpoint_add_header (e, "no colon here", &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_HEADER);
  g_assert_null (strstr (error->message, "no colon here"));
  g_clear_error (&error);
  g_assert_false (smolder_endpoint_add_header (e, "X-A: one\r\nX-B: two", &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_HEADER);
  g_clear_error (&error);
  g_assert_false (smolder_endpoint_add_header (e, "Bad Name: x", &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_HEADER);
}

static void
test_endpoint_invalid (void)
{
  const char *bad[] = { "", "   ", "ftp://host/", "http://", "http://:80/x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse (bad[i], &error);

      g_assert_null (e);
      g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_URL);
    }
}

static void
test_endpoint_certificate (void)
{
  g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse ("https://127.0.0.1:8443/", NULL);

  g_assert_null (smolder_endpoint_get_accepted_certificate (e));
  smolder_endpoint_set_accepted_certificate (e, "ab:cd:EF:01");
  g_assert_cmpstr (smolder_endpoint_get_accepted_certificate (e), ==, "ABCDEF01");
  g_assert_false (smolder_endpoint_accepts_certificate (e, NULL));
}

static void
test_index_real_page (void)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  /* Read off the page by hand. */
  struct { const char *name; gint64 count; } expected[] = {
    { "allocs", 9 }, { "block", 1 }, { "cmdline", 0 }, { "goroutine", 207 }, { "heap", 9 },
    { "mutex", 0 }, { "profile", 0 }, { "threadcreate", 7 }, { "trace", 0 },
  };

  g_assert_true (g_file_get_contents (SMOLDER_TEST_DATA "/leaky-service/index.html", &data, &len, NULL));
  entries = smolder_pprof_index_parse (data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SmolderPprofIndexEntry *e = smolder_pprof_index_lookup (entries, expected[i].name);

      g_assert_nonnull (e);
      g_assert_cmpint (e->count, ==, expected[i].count);
    }
  g_assert_cmpstr (smolder_pprof_index_lookup (entries, "heap")->href, ==, "heap?debug=1");
}

static void
test_index_gin_page (void)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GPtrArray) entries = NULL;

  /* ginpprof under /admin: the same page, counts read off it by hand. */
  g_assert_true (g_file_get_contents (SMOLDER_TEST_DATA "/live/gin-index.html", &data, &len, NULL));
  entries = smolder_pprof_index_parse (data, len, NULL);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 9);
  g_assert_cmpint (smolder_pprof_index_lookup (entries, "goroutine")->count, ==, 314);
  g_assert_cmpint (smolder_pprof_index_lookup (entries, "block")->count, ==, 14);
  g_assert_cmpint (smolder_pprof_index_lookup (entries, "mutex")->count, ==, 1);
}

static void
test_index_old_go (void)
{
  /* Go before 1.11: "count\t<a href=...>" rows, unquoted links. */
  const char *page = "<html><body>/debug/pprof/<br><br>profiles:<br><table>\n"
                     "<tr><td align=right>12<td><a href=goroutine?debug=1>goroutine</a>\n"
                     "<tr><td align=right>3<td><a href=heap?debug=1>heap</a>\n"
                     "</table><br><a href=goroutine?debug=2>full goroutine stack dump</a><br>";
  g_autoptr(GPtrArray) entries = smolder_pprof_index_parse (page, strlen (page), NULL);

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (smolder_pprof_index_lookup (entries, "goroutine")->count, ==, 12);
  g_assert_cmpint (smolder_pprof_index_lookup (entries, "heap")->count, ==, 3);
}

static void
test_index_errors (void)
{
  g_autoptr(GError) error = NULL;
  const char *notfound = "404 page not found\n";
  const char *html = "<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body>Hi</body></html>";

  g_assert_null (smolder_pprof_index_check (404, "Not Found", "text/plain", notfound, strlen (notfound), FALSE, &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_NOT_PPROF);
  g_assert_nonnull (strstr (error->message, "404"));
  g_assert_nonnull (strstr (error->message, "text/plain"));
  g_assert_nonnull (strstr (error->message, "“404 page not found”"));
  g_clear_error (&error);

  g_assert_null (smolder_pprof_index_check (200, "OK", "text/html", html, strlen (html), FALSE, &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_NOT_PPROF);
  g_assert_nonnull (strstr (error->message, "text/html"));
  g_assert_nonnull (strstr (error->message, "<!DOCTYPE html>"));
  g_clear_error (&error);

  g_assert_null (smolder_pprof_index_check (401, "Unauthorized", NULL, "", 0, FALSE, &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_NEEDED);
  g_clear_error (&error);
  g_assert_null (smolder_pprof_index_check (401, "Unauthorized", NULL, "", 0, TRUE, &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_REFUSED);
  g_clear_error (&error);
  g_assert_null (smolder_pprof_index_check (403, "Forbidden", "text/plain", "no", 2, TRUE, &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_REFUSED);
  g_clear_error (&error);
  g_assert_null (smolder_pprof_index_check (500, "Internal Server Error", "text/plain", "boom\nmore", 9, FALSE, &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "“boom”"));
}

static void
copy_fixture (const char *from,
              GFile      *dir,
              const char *to)
{
  g_autofree char *data = NULL;
  g_autofree char *path = g_build_filename (SERIES, from, NULL);
  g_autoptr(GFile) dest = g_file_get_child (dir, to);
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_file_replace_contents (dest, data, len, NULL, FALSE, 0, NULL, NULL, NULL));
}

/* "# Name = value" read straight from the fixture. */
static guint64
memstats_field (const char *fixture,
                const char *name)
{
  g_autofree char *data = NULL;
  g_autofree char *path = g_build_filename (SERIES, fixture, NULL);
  g_autofree char *needle = g_strdup_printf ("\n# %s = ", name);
  const char *p;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  p = strstr (data, needle);
  g_assert_nonnull (p);
  return g_ascii_strtoull (p + strlen (needle), NULL, 10);
}

static gboolean
folder_contains (GFile      *dir,
                 const char *needle)
{
  g_autoptr(GFileEnumerator) en = g_file_enumerate_children (dir, "standard::name", 0, NULL, NULL);
  GFileInfo *info;
  GFile *child;

  while (g_file_enumerator_iterate (en, &info, &child, NULL, NULL) && info != NULL)
    {
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_load_contents (child, NULL, &data, &len, NULL, NULL));
      if (g_strstr_len (data, len, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_session_reopen_lagging (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("smolder-live-XXXXXX", NULL);
  g_autoptr(GFile) dir = g_file_new_build_filename (tmp, "s", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderEndpoint) e = smolder_endpoint_new_parse ("http://admin:hunter2pw@127.0.0.1:9/x/", NULL);
  g_autoptr(SmolderSession) session = smolder_session_new (e, dir, &error);
  g_autoptr(SmolderSession) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SmolderLiveSnapshot *s;
  const SmolderLiveSnapshot *r;

  g_assert_no_error (error);
  g_assert_cmpuint (smolder_session_next_seq (session), ==, 1);

  /* Poll 1, indexed. */
  copy_fixture ("heap-00.pb.gz", dir, "heap-0001.pb.gz");
  copy_fixture ("heap-debug1-00.txt", dir, "heap-0001.txt");
  s = smolder_live_snapshot_new ("heap", 1, 1000);
  smolder_live_snapshot_add_file (s, "heap-0001.pb.gz", "heap", 200, 1);
  smolder_live_snapshot_add_file (s, "heap-0001.txt", "heap?debug=1", 200, 1);
  g_assert_true (smolder_live_snapshot_summarise (s, dir, NULL, NULL, &error));
  g_assert_no_error (error);
  smolder_session_add_snapshot (session, s);
  g_assert_true (smolder_session_save (session, &error));

  /* Poll 2: bodies written, then a kill -9 before the index; and a body cut
   * off mid-download (.part), which is not a snapshot. */
  copy_fixture ("heap-01.pb.gz", dir, "heap-0002.pb.gz");
  copy_fixture ("heap-debug1-01.txt", dir, "heap-0002.txt");
  copy_fixture ("goroutine-01.pb.gz", dir, "goroutine-0002.pb.gz");
  copy_fixture ("goroutine-02.pb.gz", dir, "goroutine-0003.pb.gz.part");

  again = smolder_session_open (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (smolder_session_get_endpoint (again), ==, "http://127.0.0.1:9/x/");
  g_assert_cmpuint (smolder_session_get_n_recovered (again), ==, 2);
  g_assert_cmpuint (smolder_session_get_n_snapshots (again), ==, 3);
  g_assert_cmpuint (smolder_session_next_seq (again), ==, 3);

  r = smolder_session_get_snapshot (again, 0);
  g_assert_cmpuint (r->seq, ==, 1);
  g_assert_true (r->summary.has_memstats);
  g_assert_cmpuint (r->summary.heap_inuse, ==, memstats_field ("heap-debug1-00.txt", "HeapInuse"));
  g_assert_cmpuint (r->summary.num_gc, ==, memstats_field ("heap-debug1-00.txt", "NumGC"));

  /* Sorted by poll, then profile: goroutine-0002, heap-0002. */
  r = smolder_session_get_snapshot (again, 1);
  g_assert_cmpstr (r->profile, ==, "goroutine");
  g_assert_cmpuint (r->seq, ==, 2);
  /* go tool pprof -top goroutine-01.pb.gz: "of 1226 total" */
  g_assert_cmpint (r->summary.goroutines, ==, 1226);
  r = smolder_session_get_snapshot (again, 2);
  g_assert_cmpstr (r->profile, ==, "heap");
  g_assert_cmpuint (r->files->len, ==, 2);
  g_assert_cmpuint (r->summary.heap_inuse, ==, memstats_field ("heap-debug1-01.txt", "HeapInuse"));
  g_assert_cmpuint (r->summary.heap_alloc, ==, memstats_field ("heap-debug1-01.txt", "HeapAlloc"));
  g_assert_cmpuint (r->summary.sys, ==, memstats_field ("heap-debug1-01.txt", "Sys"));
  g_assert_cmpuint (r->summary.next_gc, ==, memstats_field ("heap-debug1-01.txt", "NextGC"));
  g_assert_cmpuint (r->summary.n_pauses, >, 0);

  /* The index caught up: a third open (async, on a worker) recovers nothing more. */
  g_clear_object (&again);
  {
    g_autoptr(GAsyncResult) result = NULL;

    smolder_session_open_async (dir, NULL, store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    again = smolder_session_open_finish (result, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_session_get_n_recovered (again), ==, 0);
  g_assert_cmpuint (smolder_session_get_n_snapshots (again), ==, 3);

  /* Neither the password nor its base64 anywhere. */
  g_assert_false (folder_contains (dir, "hunter2pw"));
  g_assert_false (folder_contains (dir, "YWRtaW46aHVudGVyMnB3"));

  list = smolder_session_list (g_file_get_parent (dir), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((SmolderSessionInfo *) list->pdata[0])->n_snapshots, ==, 3);
  g_assert_cmpuint (((SmolderSessionInfo *) list->pdata[0])->size_on_disk, >, 0);

  g_assert_true (smolder_session_delete (dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (dir, NULL));
  g_rmdir (tmp);
}

/* A heap poll's summary: MemStats from the ?debug=1 text (only its block is
 * read), totals from the .pb.gz; a text without the block is no heap text. */
static void
test_snapshot_heap_summary (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("smolder-live-XXXXXX", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(SmolderLiveSnapshot) s = smolder_live_snapshot_new ("heap", 1, 1000);
  g_autoptr(SmolderLiveSnapshot) cut = smolder_live_snapshot_new ("heap", 2, 2000);
  g_autoptr(GFile) cut_file = g_file_get_child (dir, "heap-0002.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 total = 0;
  gsize len;

  copy_fixture ("heap-00.pb.gz", dir, "heap-0001.pb.gz");
  copy_fixture ("heap-debug1-00.txt", dir, "heap-0001.txt");
  smolder_live_snapshot_add_file (s, "heap-0001.pb.gz", "heap", 200, 1);
  smolder_live_snapshot_add_file (s, "heap-0001.txt", "heap?debug=1", 200, 1);
  g_assert_true (smolder_live_snapshot_summarise (s, dir, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (s->summary.has_memstats);
  g_assert_cmpuint (s->summary.heap_inuse, ==, memstats_field ("heap-debug1-00.txt", "HeapInuse"));
  g_assert_cmpuint (s->summary.heap_objects, ==, memstats_field ("heap-debug1-00.txt", "HeapObjects"));
  g_assert_cmpuint (s->summary.next_gc, ==, memstats_field ("heap-debug1-00.txt", "NextGC"));
  /* "# NumGC = 5", "# PauseNs = [131385 78205 90974 74621 28853 0 ...]". */
  g_assert_cmpuint (s->summary.num_gc, ==, 5);
  g_assert_cmpuint (s->summary.n_pauses, ==, 5);
  g_assert_cmpuint (s->summary.pause_ns[0], ==, 131385);
  g_assert_cmpuint (s->summary.pause_ns[4], ==, 28853);
  /* go tool pprof -top -unit=B -sample_index=inuse_space heap-00.pb.gz: "of 3166711B total";
   * -sample_index=inuse_objects: "of 11364 total". */
  g_assert_true (smolder_live_summary_lookup_total (&s->summary, "inuse_space", &total));
  g_assert_cmpint (total, ==, 3166711);
  g_assert_true (smolder_live_summary_lookup_total (&s->summary, "inuse_objects", &total));
  g_assert_cmpint (total, ==, 11364);

  /* The text cut off before its MemStats block. */
  {
    g_autofree char *path = g_build_filename (SERIES, "heap-debug1-00.txt", NULL);

    g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  }
  g_assert_nonnull (strstr (text, "\n# runtime.MemStats"));
  g_assert_true (g_file_replace_contents (cut_file, text, strstr (text, "\n# runtime.MemStats") - text,
                                          NULL, FALSE, 0, NULL, NULL, NULL));
  smolder_live_snapshot_add_file (cut, "heap-0002.txt", "heap?debug=1", 200, 1);
  g_assert_false (smolder_live_snapshot_summarise (cut, dir, NULL, NULL, &error));
  g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_DECODE);
  g_assert_nonnull (strstr (error->message, "heap-0002.txt"));
  g_assert_nonnull (strstr (error->message, "runtime.MemStats"));

  g_assert_true (smolder_session_delete (dir, NULL, NULL));
}

/* The index's hand-written JSON reads back as written, odd strings too. */
static void
test_snapshot_json_round_trip (void)
{
  g_autoptr(SmolderLiveSnapshot) s = smolder_live_snapshot_new ("heap", 42, 1780000000123);
  g_autoptr(SmolderLiveSnapshot) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  smolder_live_snapshot_add_file (s, "heap-0042.pb.gz", "heap?gc=1&x=\"q\"\\\t\xc3\xa9", 200, 8446);
  s->summary.has_memstats = TRUE;
  s->summary.heap_inuse = G_GUINT64_CONSTANT (9007199254740993);  /* 2^53 + 1: no double on the way */
  s->summary.heap_alloc = 1;
  s->summary.heap_objects = 0;
  s->summary.sys = 123456789;
  s->summary.next_gc = 4194304;
  s->summary.num_gc = 4000000000u;
  s->summary.n_pauses = 2;
  s->summary.pause_end[0] = G_GUINT64_CONSTANT (1780000000000000000);
  s->summary.pause_ns[0] = 28853;
  s->summary.pause_end[1] = G_GUINT64_CONSTANT (1780000000500000000);
  s->summary.pause_ns[1] = 0;
  s->summary.goroutines = 1226;
  smolder_live_snapshot_append_json (s, text);
  node = json_from_string (text->str, &error);
  g_assert_no_error (error);
  back = smolder_live_snapshot_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->profile, ==, "heap");
  g_assert_cmpuint (back->seq, ==, 42);
  g_assert_cmpint (back->time_ms, ==, 1780000000123);
  g_assert_cmpuint (back->files->len, ==, 1);
  g_assert_cmpstr (((SmolderLiveFile *) back->files->pdata[0])->query, ==, "heap?gc=1&x=\"q\"\\\t\xc3\xa9");
  g_assert_cmpuint (((SmolderLiveFile *) back->files->pdata[0])->size, ==, 8446);
  g_assert_cmpuint (back->summary.heap_inuse, ==, G_GUINT64_CONSTANT (9007199254740993));
  g_assert_cmpuint (back->summary.num_gc, ==, 4000000000u);
  g_assert_cmpuint (back->summary.n_pauses, ==, 2);
  g_assert_cmpuint (back->summary.pause_end[1], ==, G_GUINT64_CONSTANT (1780000000500000000));
  g_assert_cmpuint (back->summary.pause_ns[0], ==, 28853);
  g_assert_cmpint (back->summary.goroutines, ==, 1226);
}

static void
test_session_bad_index (void)
{
  const char *bad[] = {
    "", "[]", "{\"format\":\"other\"}",
    "{\"format\":\"smolder-session\",\"version\":99,\"snapshots\":[]}",
    "{\"format\":\"smolder-session\",\"version\":1,\"snapshots\":[{\"profile\":\"heap\",\"seq\":1,\"time_ms\":1,"
      "\"files\":[{\"name\":\"../../etc/passwd\",\"query\":\"heap\",\"status\":200,\"size\":1}]}]}",
    "{\"format\":\"smolder-session\",\"version\":1,\"snapshots\":[{\"profile\":\"heap\",\"seq\":\"x\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmolderSession) s = smolder_session_new_from_index_data (NULL, bad[i], strlen (bad[i]), &error);

      g_assert_null (s);
      g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/live/endpoint/host-port", test_endpoint_host_port);
  g_test_add_func ("/live/endpoint/paths", test_endpoint_paths);
  g_test_add_func ("/live/endpoint/credentials", test_endpoint_credentials);
  g_test_add_func ("/live/endpoint/invalid", test_endpoint_invalid);
  g_test_add_func ("/live/endpoint/certificate", test_endpoint_certificate);
  g_test_add_func ("/live/index/real-page", test_index_real_page);
  g_test_add_func ("/live/index/gin-page", test_index_gin_page);
  g_test_add_func ("/live/index/old-go", test_index_old_go);
  g_test_add_func ("/live/index/errors", test_index_errors);
  g_test_add_func ("/live/session/reopen-lagging", test_session_reopen_lagging);
  g_test_add_func ("/live/session/bad-index", test_session_bad_index);
  g_test_add_func ("/live/snapshot/heap-summary", test_snapshot_heap_summary);
  g_test_add_func ("/live/snapshot/json-round-trip", test_snapshot_json_round_trip);
  return g_test_run ();
}
