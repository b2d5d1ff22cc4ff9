/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-store.c: listing, deleting and retention of recorded
 * sessions, on session folders fabricated by hand (times in session.json
 * and file mtimes), including folders that must survive. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include "smolder-session-store.h"

#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)
/* A fixed "now": 2026-12-04 12:00 UTC. */
#define NOW_MS G_GINT64_CONSTANT (1796385600000)

static char *
write_file (const char *dir,
            const char *name,
            const char *text,
            gint64      mtime_ms)
{
  char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  times.actime = times.modtime = mtime_ms / 1000;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
  return path;
}

/* A session folder as Smolder writes it: session.json whose snapshots were
 * fetched at @times_ms, one 10-byte body each; every file last written at
 * @mtime_ms. */
static char *
make_session (const char   *root,
              const char   *name,
              gint64        start_ms,
              const gint64 *times_ms,
              guint         n,
              gint64        mtime_ms)
{
  char *dir = g_build_filename (root, name, NULL);
  GString *json = g_string_new (NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_string_append_printf (json, "{\"format\":\"smolder-session\",\"version\":1,"
                          "\"endpoint\":\"http://127.0.0.1:%s/debug/pprof/\",\"start_ms\":%" G_GINT64_FORMAT
                          ",\"snapshots\":[", name, start_ms);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *file = g_strdup_printf ("heap-%04u.pb.gz", i + 1);
      g_autofree char *path = write_file (dir, file, "0123456789", mtime_ms);

      g_string_append_printf (json, "%s{\"profile\":\"heap\",\"seq\":%u,\"time_ms\":%" G_GINT64_FORMAT
                              ",\"files\":[{\"name\":\"%s\",\"query\":\"heap\",\"status\":200,\"size\":10}]}",
                              i ? "," : "", i + 1, times_ms[i], file);
    }
  g_string_append (json, "]}\n");
  g_free (write_file (dir, "session.json", json->str, mtime_ms));
  g_string_free (json, TRUE);
  return dir;
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_list (void)
{
  g_autofree char *root = g_dir_make_tmp ("smolder-store-XXXXXX", NULL);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  gint64 a_times[] = { NOW_MS - 3000, NOW_MS - 2000, NOW_MS - 1000 };
  gint64 b_times[] = { NOW_MS - 60000 };
  g_autofree char *a = make_session (root, "1111", NOW_MS - 5000, a_times, 3, NOW_MS - 1000);
  g_autofree char *b = make_session (root, "2222", NOW_MS - 90000, b_times, 1, NOW_MS - 60000);
  g_autofree char *stray = g_build_filename (root, "not-a-session", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autofree char *index_text = NULL;
  const SmolderSessionInfo *info;
  gsize index_len;

  g_assert_cmpint (g_mkdir (stray, 0755), ==, 0);
  list = smolder_session_list (root_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  /* Newest first; the figures a row shows, from what was written above. */
  info = list->pdata[0];
  g_assert_cmpstr (info->endpoint, ==, "http://127.0.0.1:1111/debug/pprof/");
  g_assert_cmpint (info->start_ms, ==, NOW_MS - 5000);
  g_assert_cmpint (info->span_ms, ==, 4000);
  g_assert_cmpuint (info->n_snapshots, ==, 3);
  index = g_build_filename (a, "session.json", NULL);
  g_assert_true (g_file_get_contents (index, &index_text, &index_len, NULL));
  g_assert_cmpuint (info->size_on_disk, ==, 3 * 10 + index_len);
  g_assert_cmpint (smolder_session_info_get_last_ms (info), ==, NOW_MS - 1000);
  info = list->pdata[1];
  g_assert_cmpstr (info->endpoint, ==, "http://127.0.0.1:2222/debug/pprof/");
  g_assert_cmpint (info->span_ms, ==, 30000);
  g_assert_cmpuint (info->n_snapshots, ==, 1);

  /* A missing root is an empty list, not an error. */
  {
    g_autoptr(GFile) none = g_file_get_child (root_file, "missing");
    g_autoptr(GPtrArray) empty = smolder_session_list (none, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (empty->len, ==, 0);
  }
}

static void
test_delete_held (void)
{
  g_autofree char *root = g_dir_make_tmp ("smolder-store-XXXXXX", NULL);
  gint64 times[] = { NOW_MS };
  g_autofree char *dir = make_session (root, "3333", NOW_MS, times, 1, NOW_MS);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFile) same = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = write_file (dir, "notes.md", "mine", NOW_MS);

  /* Held twice (a recording and a tab): both must let go. */
  smolder_session_store_hold (file);
  smolder_session_store_hold (file);
  g_assert_true (smolder_session_store_is_held (same));
  g_assert_false (smolder_session_store_delete (same, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (exists (dir, "session.json"));
  smolder_session_store_release (file);
  g_assert_false (smolder_session_store_delete (same, NULL, &error));
  g_clear_error (&error);
  smolder_session_store_release (file);
  g_assert_false (smolder_session_store_is_held (same));

  g_assert_true (smolder_session_store_delete (same, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (exists (dir, "session.json"));
  g_assert_false (exists (dir, "heap-0001.pb.gz"));
  /* The user's own file stays, and so does the folder holding it. */
  g_assert_true (exists (dir, "notes.md"));
}

static void
test_prune (void)
{
  g_autofree char *root = g_dir_make_tmp ("smolder-store-XXXXXX", NULL);
  g_autofree char *elsewhere = g_dir_make_tmp ("smolder-store-XXXXXX", NULL);
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  gint64 old[] = { NOW_MS - 40 * DAY_MS, NOW_MS - 39 * DAY_MS };
  gint64 recent[] = { NOW_MS - 2 * DAY_MS };
  gint64 edge[] = { NOW_MS - 29 * DAY_MS };
  /* Deleted: every time in it is 39+ days old. */
  g_autofree char *gone = make_session (root, "1001", NOW_MS - 40 * DAY_MS, old, 2, NOW_MS - 39 * DAY_MS);
  /* Kept: the last snapshot is recent though the session started long ago. */
  g_autofree char *fresh = make_session (root, "1002", NOW_MS - 60 * DAY_MS, recent, 1, NOW_MS - 2 * DAY_MS);
  /* Kept: 29 days is inside 30. */
  g_autofree char *inside = make_session (root, "1003", NOW_MS - 29 * DAY_MS, edge, 1, NOW_MS - 29 * DAY_MS);
  /* Kept: the index is old but a body was written yesterday (a crash
   * before the index caught up). */
  g_autofree char *lagging = make_session (root, "1004", NOW_MS - 40 * DAY_MS, old, 2, NOW_MS - 39 * DAY_MS);
  /* Kept: held (being recorded). */
  g_autofree char *recording = make_session (root, "1005", NOW_MS - 40 * DAY_MS, old, 2, NOW_MS - 39 * DAY_MS);
  g_autoptr(GFile) recording_file = g_file_new_for_path (recording);
  /* Kept: not Smolder's: old files with snapshot-like names but no index, a
   * foreign session.json, a symlink to an old session outside the root. */
  g_autofree char *foreign = g_build_filename (root, "photos", NULL);
  g_autofree char *foreign_json = g_build_filename (root, "other-app", NULL);
  g_autofree char *outside = make_session (elsewhere, "1006", NOW_MS - 40 * DAY_MS, old, 2, NOW_MS - 39 * DAY_MS);
  g_autofree char *link = g_build_filename (root, "link", NULL);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;

  g_free (write_file (lagging, "heap-0003.pb.gz", "0123456789", NOW_MS - DAY_MS));
  g_assert_cmpint (g_mkdir (foreign, 0755), ==, 0);
  g_free (write_file (foreign, "heap-0001.pb.gz", "x", NOW_MS - 400 * DAY_MS));
  g_free (write_file (foreign, "holiday.jpg", "x", NOW_MS - 400 * DAY_MS));
  g_assert_cmpint (g_mkdir (foreign_json, 0755), ==, 0);
  g_free (write_file (foreign_json, "session.json", "{\"format\":\"other\",\"version\":1,\"snapshots\":[]}",
                      NOW_MS - 400 * DAY_MS));
  g_assert_cmpint (symlink (outside, link), ==, 0);

  /* 0 keeps everything. */
  deleted = smolder_session_store_prune (root_file, 0, NOW_MS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 0);
  g_clear_pointer (&deleted, g_ptr_array_unref);
  g_assert_true (exists (gone, "session.json"));

  smolder_session_store_hold (recording_file);
  deleted = smolder_session_store_prune (root_file, 30, NOW_MS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 1);
  g_assert_cmpstr (g_file_peek_path (deleted->pdata[0]), ==, gone);
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));

  g_assert_true (exists (fresh, "session.json"));
  g_assert_true (exists (inside, "heap-0001.pb.gz"));
  g_assert_true (exists (lagging, "heap-0003.pb.gz"));
  g_assert_true (exists (recording, "heap-0002.pb.gz"));
  g_assert_true (exists (foreign, "heap-0001.pb.gz"));
  g_assert_true (exists (foreign, "holiday.jpg"));
  g_assert_true (exists (foreign_json, "session.json"));
  g_assert_true (exists (outside, "heap-0001.pb.gz"));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* Once released, the recording ages out like any other. */
  smolder_session_store_release (recording_file);
  g_clear_pointer (&deleted, g_ptr_array_unref);
  deleted = smolder_session_store_prune (root_file, 30, NOW_MS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 1);
  g_assert_false (g_file_test (recording, G_FILE_TEST_EXISTS));
  g_assert_true (exists (lagging, "session.json"));
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A missing root (a first start) prunes nothing, on a worker. */
static void
test_prune_async_missing_root (void)
{
  g_autofree char *root = g_dir_make_tmp ("smolder-store-XXXXXX", NULL);
  g_autoptr(GFile) missing = g_file_new_build_filename (root, "no", "such", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;

  smolder_session_store_prune_async (missing, 30, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  deleted = smolder_session_store_prune_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/live/session-store/list", test_list);
  g_test_add_func ("/live/session-store/delete-held", test_delete_held);
  g_test_add_func ("/live/session-store/prune", test_prune);
  g_test_add_func ("/live/session-store/prune-async-missing-root", test_prune_async_missing_root);
  return g_test_run ();
}
