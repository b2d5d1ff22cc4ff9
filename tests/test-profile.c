/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The model: interning, sample building, validation on seal, sample-type lookup. */
#include "smolder-profile-private.h"

static SmolderProfile *
build_two_sample_heap (void)
{
  SmolderProfile *p = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_PROTO);
  SmolderFunction fn = { 0 };
  SmolderLine line = { 0, 12, 0 };
  SmolderLocation loc = { 0x1000, SMOLDER_NO_ID, 0, 1, FALSE };

  smolder_profile_add_sample_type (p, "alloc_space", "bytes");
  smolder_profile_add_sample_type (p, "inuse_space", "bytes");
  fn.name = smolder_profile_intern (p, "main.leak", -1);
  fn.filename = smolder_profile_intern (p, "main.go", -1);
  g_array_append_val (p->functions, fn);
  g_array_append_val (p->lines, line);
  g_array_append_val (p->locations, loc);

  for (int i = 0; i < 2; i++)
    {
      smolder_profile_begin_sample (p);
      smolder_profile_sample_add_location (p, 0);
      smolder_profile_sample_add_value (p, 100 * (i + 1));
      smolder_profile_sample_add_value (p, 10 * (i + 1));
      smolder_profile_sample_add_label (p, smolder_profile_intern (p, "bytes", -1), 0, 512,
                                        smolder_profile_intern (p, "bytes", -1));
      smolder_profile_end_sample (p);
    }
  return p;
}

static void
test_intern (void)
{
  g_autoptr(SmolderProfile) p = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_PROTO);
  const char buf[] = "main.fooXYZ";
  guint32 a = smolder_profile_intern (p, "main.foo", -1);
  guint32 b = smolder_profile_intern (p, buf, 8);   /* not NUL-terminated at 8 */
  guint32 c = smolder_profile_intern (p, "main.bar", -1);

  g_assert_cmpuint (a, ==, b);
  g_assert_cmpuint (a, !=, c);
  g_assert_cmpstr (smolder_profile_get_string (p, 0), ==, "");
  g_assert_cmpstr (smolder_profile_get_string (p, a), ==, "main.foo");
  g_assert_cmpstr (smolder_profile_get_string (p, 9999), ==, "");
}

static void
test_seal_and_read (void)
{
  g_autoptr(SmolderProfile) p = build_two_sample_heap ();
  g_autoptr(GError) error = NULL;
  const SmolderLabel *labels;
  guint n, idx;

  g_assert_true (smolder_profile_seal (p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_HEAP);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 2);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 300);
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 30);
  g_assert_cmpint (smolder_profile_get_sample_values (p, 1)[1], ==, 20);
  smolder_profile_get_sample_locations (p, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  labels = smolder_profile_get_sample_labels (p, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (labels[0].num, ==, 512);
  g_assert_cmpstr (smolder_profile_get_string (p, labels[0].num_unit), ==, "bytes");

  /* pprof's default: the last type when default_sample_type is unset. */
  g_assert_cmpuint (smolder_profile_get_default_sample_index (p), ==, 1);
  g_assert_true (smolder_profile_lookup_sample_index (p, "alloc_space", &idx, NULL));
  g_assert_cmpuint (idx, ==, 0);
  g_assert_true (smolder_profile_lookup_sample_index (p, "1", &idx, NULL));
  g_assert_cmpuint (idx, ==, 1);
  g_assert_false (smolder_profile_lookup_sample_index (p, "cpu", &idx, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_assert_nonnull (strstr (error->message, "0=alloc_space, 1=inuse_space"));
  g_clear_error (&error);
  g_assert_false (smolder_profile_lookup_sample_index (p, "2", &idx, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
}

static void
test_seal_rejects_dangling_location (void)
{
  g_autoptr(SmolderProfile) p = build_two_sample_heap ();
  g_autoptr(GError) error = NULL;

  smolder_profile_begin_sample (p);
  smolder_profile_sample_add_location (p, 7);
  smolder_profile_sample_add_value (p, 1);
  smolder_profile_sample_add_value (p, 1);
  smolder_profile_end_sample (p);

  g_assert_false (smolder_profile_seal (p, NULL, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, "sample 2 refers to location 7, which does not exist");
}

static void
test_seal_rejects_value_count (void)
{
  g_autoptr(SmolderProfile) p = build_two_sample_heap ();
  g_autoptr(GError) error = NULL;

  smolder_profile_begin_sample (p);
  smolder_profile_sample_add_value (p, 1);
  smolder_profile_end_sample (p);

  g_assert_false (smolder_profile_seal (p, NULL, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "3 samples with 2 sample types need 6 values, found 5"));
}

static void
test_seal_rejects_bad_string_and_limits (void)
{
  g_autoptr(SmolderProfile) p = build_two_sample_heap ();
  g_autoptr(SmolderProfile) q = build_two_sample_heap ();
  g_autoptr(GError) error = NULL;
  SmolderLimits limits = *smolder_limits_get_default ();

  g_array_index (p->functions, SmolderFunction, 0).name = 4000;
  g_assert_false (smolder_profile_seal (p, NULL, &error));
  g_assert_nonnull (strstr (error->message, "function 0 (name) refers to string 4000"));
  g_clear_error (&error);

  limits.max_samples = 1;
  g_assert_false (smolder_profile_seal (q, &limits, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "too many samples: 2 (the limit is 1)");
}

static void
test_guess_mutex_from_unlock_leaves (void)
{
  g_autoptr(SmolderProfile) p = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_PROTO);
  SmolderFunction fn = { 0 };
  SmolderLine line = { 0, 1, 0 };
  SmolderLocation loc = { 0x10, SMOLDER_NO_ID, 0, 1, FALSE };

  smolder_profile_add_sample_type (p, "contentions", "count");
  smolder_profile_add_sample_type (p, "delay", "nanoseconds");
  fn.name = smolder_profile_intern (p, "sync.(*Mutex).Unlock", -1);
  g_array_append_val (p->functions, fn);
  g_array_append_val (p->lines, line);
  g_array_append_val (p->locations, loc);
  smolder_profile_begin_sample (p);
  smolder_profile_sample_add_location (p, 0);
  smolder_profile_sample_add_value (p, 2);
  smolder_profile_sample_add_value (p, 300);
  smolder_profile_end_sample (p);
  g_assert_true (smolder_profile_seal (p, NULL, NULL));
  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_MUTEX);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/smolder/profile/intern", test_intern);
  g_test_add_func ("/smolder/profile/seal-and-read", test_seal_and_read);
  g_test_add_func ("/smolder/profile/dangling-location", test_seal_rejects_dangling_location);
  g_test_add_func ("/smolder/profile/value-count", test_seal_rejects_value_count);
  g_test_add_func ("/smolder/profile/bad-string-and-limits", test_seal_rejects_bad_string_and_limits);
  g_test_add_func ("/smolder/profile/guess-mutex", test_guess_mutex_from_unlock_leaves);
  return g_test_run ();
}
