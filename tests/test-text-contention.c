/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The mutex/block ?debug=1 decoder: values as pprof's parseContention
 * (cycles to nanoseconds, counts times the sampling period). */
#define DECODE smolder_text_contention_decode
#include "test-helpers.h"

static void
assert_types (SmolderProfile *p)
{
  g_assert_cmpuint (smolder_profile_get_n_sample_types (p), ==, 2);
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 0)->type), ==, "contentions");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 0)->unit), ==, "count");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 1)->type), ==, "delay");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 1)->unit), ==, "nanoseconds");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_period_type (p)->type), ==, "contentions");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_period_type (p)->unit), ==, "count");
}

static void
test_mutex (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("mutex-debug1.txt");
  const gint64 *v;
  guint n;

  assert_types (p);
  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_MUTEX);
  g_assert_cmpint (smolder_profile_get_format (p), ==, SMOLDER_PROFILE_FORMAT_TEXT_CONTENTION);
  g_assert_cmpint (smolder_profile_get_period (p), ==, 5);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 1);

  /* "13855764 2 @ ..." at 2596178377 cycles/s, period 5: pprof -raw prints 10 26684922. */
  v = smolder_profile_get_sample_values (p, 0);
  g_assert_cmpint (v[0], ==, 10);
  g_assert_cmpint (v[1], ==, 26684922);
  smolder_profile_get_sample_locations (p, 0, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmphex (smolder_profile_get_location (p, 0)->address, ==, 0x471968);
  g_assert_cmpstr (sample_function (p, 0, 0), ==, "sync.(*Mutex).Unlock");
  g_assert_cmpstr (sample_function (p, 0, 4), ==, "net/http.(*conn).serve");
  g_assert_null (sample_function (p, 0, 5));
}

static void
test_block (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("block-debug1.txt");
  static const gint64 expected[][2] = {
    { 14405, 72178757018 }, { 1, 10000525722 }, { 1, 138537990 }, { 6, 11764862 }, { 36, 428019 },
  };

  assert_types (p);
  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_BLOCK);
  g_assert_cmpint (smolder_profile_get_period (p), ==, 1);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (smolder_profile_get_sample_values (p, i)[0], ==, expected[i][0]);
      g_assert_cmpint (smolder_profile_get_sample_values (p, i)[1], ==, expected[i][1]);
    }
  /* go tool pprof -top: 14449 contentions, 82.33 s. */
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 14449);
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 82330013611);
  g_assert_cmpstr (sample_function (p, 0, 0), ==, "runtime.chanrecv2");
  g_assert_cmpstr (sample_function (p, 0, 1), ==, "main.main.func1");
}

static void
test_attributes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;

  /* No cycles/second: delays stay as they are, counts are multiplied by the period. */
  p = decode_text ("--- contention:\r\nsampling period=3\r\nms since reset=2000\r\n"
                   "discarded samples=1\r\n100 2 @ 0x11\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpint (smolder_profile_get_period (p), ==, 3);
  g_assert_cmpint (smolder_profile_get_duration_nanos (p), ==, 2000000000);
  g_assert_cmpint (smolder_profile_get_sample_values (p, 0)[0], ==, 6);
  g_assert_cmpint (smolder_profile_get_sample_values (p, 0)[1], ==, 100);
  g_clear_object (&p);

  /* Header only. */
  p = decode_text ("--- mutex:\ncycles/second=1000000000\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 0);
  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_MUTEX);
}

static void
test_errors (void)
{
  assert_error ("", "line 1", "--- mutex:");
  assert_error ("--- heap:\n", "line 1", "--- mutex:");
  assert_error ("--- mutex:\ncycles/second=fast\n", "line 2", "expected an integer");
  assert_error ("--- mutex:\nformat=java\n", "line 2", "unknown attribute");
  assert_error ("--- mutex:\ncycles/second=100\n1 2 @ 0x1\n1 x @ 0x1\n", "line 4", "CYCLES COUNT @ ADDRESSES");
  assert_error ("--- mutex:\n\n1 2 @ 0x1 0x\n", "line 3", "hexadecimal address");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/text-contention/mutex", test_mutex);
  g_test_add_func ("/smolder/text-contention/block", test_block);
  g_test_add_func ("/smolder/text-contention/attributes", test_attributes);
  g_test_add_func ("/smolder/text-contention/errors", test_errors);

  return g_test_run ();
}
