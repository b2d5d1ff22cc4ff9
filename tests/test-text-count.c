/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The goroutine/threadcreate ?debug=1 decoder: values as pprof's
 * parseGoCount, frames named from the "#" lines, stack-less rows kept. */
#define DECODE smolder_text_count_decode
#include "test-helpers.h"

static void
test_goroutine (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("goroutine-debug1.txt");
  const SmolderValueType *vt;
  const guint32 *locs;
  guint n;

  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_GOROUTINE);
  g_assert_cmpint (smolder_profile_get_format (p), ==, SMOLDER_PROFILE_FORMAT_TEXT_COUNT);
  g_assert_cmpuint (smolder_profile_get_n_sample_types (p), ==, 1);
  vt = smolder_profile_get_sample_type (p, 0);
  g_assert_cmpstr (smolder_profile_get_string (p, vt->type), ==, "goroutine");
  g_assert_cmpstr (smolder_profile_get_string (p, vt->unit), ==, "count");
  vt = smolder_profile_get_period_type (p);
  g_assert_cmpstr (smolder_profile_get_string (p, vt->type), ==, "goroutine");
  g_assert_cmpstr (smolder_profile_get_string (p, vt->unit), ==, "count");
  g_assert_cmpint (smolder_profile_get_period (p), ==, 1);

  /* "goroutine profile: total 14344", as go tool pprof -raw. */
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 5);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 14344);
  g_assert_cmpint (smolder_profile_get_sample_values (p, 0)[0], ==, 14340);

  /* 14340 @ 0x43b336 0x407e9b 0x4079d8 0x682cf4 0x46b261: runtime frames
   * hidden by Go stay bare addresses, the rest is named. */
  locs = smolder_profile_get_sample_locations (p, 0, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmphex (smolder_profile_get_location (p, locs[0])->address, ==, 0x43b335);
  g_assert_null (sample_function (p, 0, 0));
  g_assert_cmpstr (sample_function (p, 0, 3), ==, "main.leakUploadWorker.func1");
  g_assert_cmpstr (sample_function (p, 3, 2), ==, "internal/poll.runtime_pollWait");
  g_assert_cmpstr (sample_function (p, 3, 11), ==, "net/http.ListenAndServe");
  g_assert_cmpstr (sample_function (p, 3, 12), ==, "main.main");
}

static void
test_threadcreate (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("threadcreate-debug1.txt");
  guint n;

  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_THREADCREATE);
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 0)->type), ==, "threadcreate");
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 2);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 7);

  /* "6 @": pprof rejects it; it is a valid sample without a stack. */
  g_assert_cmpint (smolder_profile_get_sample_values (p, 0)[0], ==, 6);
  smolder_profile_get_sample_locations (p, 0, &n);
  g_assert_cmpuint (n, ==, 0);

  g_assert_cmpint (smolder_profile_get_sample_values (p, 1)[0], ==, 1);
  smolder_profile_get_sample_locations (p, 1, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (sample_function (p, 1, 0), ==, "runtime.allocm");
  g_assert_cmpstr (sample_function (p, 1, 3), ==, "runtime.main");
  g_assert_null (sample_function (p, 1, 4));
}

static void
test_edge_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;
  guint n;

  /* Leading comments, CRLF, inlined "#" lines, a "---" section ends it. */
  p = decode_text ("# a comment\r\n\r\ngoroutine profile: total 3\r\n"
                   "2 @ 0x1001 0x2001\r\n"
                   "#\t0x1000\tpkg.in+0x1\ta.go:1\r\n"
                   "#\t0x1000\tpkg.out+0x1\ta.go:2\r\n"
                   "#\t0x2000\tmain.main+0x1\tm.go:3\r\n"
                   "\r\n"
                   "1 @ 0x2001\r\n"
                   "\r\n"
                   "--- Memory map: ---\r\n"
                   "garbage after the end\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 2);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 3);
  g_assert_cmpstr (sample_function (p, 0, 0), ==, "pkg.in");
  g_assert_cmpuint (smolder_profile_get_location (p, 0)->n_lines, ==, 2);
  smolder_profile_get_sample_locations (p, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (sample_function (p, 1, 0), ==, "main.main");
  g_clear_object (&p);

  p = decode_text ("goroutine profile: total 0\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 0);
  g_clear_object (&p);
}

static void
test_errors (void)
{
  assert_error ("", "line 0", "NAME profile: total N");
  assert_error ("\n\ngoroutine profile: total many\n", "line 3", "NAME profile: total N");
  assert_error ("goroutine profile: total 1\n1 @ 0x1\nx @ 0x2\n", "line 3", "COUNT @ ADDRESSES");
  assert_error ("goroutine profile: total 1\n99999999999999999999 @ 0x2\n", "line 2", "COUNT @ ADDRESSES");
  assert_error ("goroutine profile: total 1\n1 @ 0x1 0xq\n", "line 2", "hexadecimal address");
  assert_error ("goroutine profile: total 1\n1 @0x1\n", "line 2", "addresses after");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/text-count/goroutine", test_goroutine);
  g_test_add_func ("/smolder/text-count/threadcreate", test_threadcreate);
  g_test_add_func ("/smolder/text-count/edge-cases", test_edge_cases);
  g_test_add_func ("/smolder/text-count/errors", test_errors);

  return g_test_run ();
}
