/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-merge.c: smolder_profile_merge() as pprof's profile.Merge. */

#include "aggregation-builder.h"

#include <string.h>

static SmolderProfile *
build_one (gint64      time_nanos,
           gint64      period,
           const char *comment,
           gint64      value_ab,
           gint64      value_c)
{
  SmolderProfile *p = tb_new ("alloc_space/bytes", "inuse_space/bytes", NULL);
  guint32 lib = tb_mapping (p, "/bin/app", 0x400000, 0x500000);
  guint32 fa = tb_function (p, "main.a", "a.go", 1);
  guint32 fb = tb_function (p, "main.b", "b.go", 1);
  guint32 fc = tb_function (p, "main.c", "c.go", 1);
  guint32 a = tb_location (p, lib, 0x401000, fa, 10, END);
  guint32 b = tb_location (p, lib, 0x402000, fb, 20, END);
  guint32 c = tb_location (p, lib, 0x403000, fc, 30, END);
  guint32 comment_id = smolder_profile_intern (p, comment, -1);

  p->period_type.type = smolder_profile_intern (p, "space", -1);
  p->period_type.unit = smolder_profile_intern (p, "bytes", -1);
  p->period = period;
  p->time_nanos = time_nanos;
  p->duration_nanos = 1000;
  g_array_append_val (p->comments, comment_id);

  smolder_profile_begin_sample (p);
  smolder_profile_sample_add_location (p, a);
  smolder_profile_sample_add_location (p, b);
  smolder_profile_sample_add_value (p, value_ab);
  smolder_profile_sample_add_value (p, value_ab);
  tb_label (p, "tenant", "x");
  smolder_profile_end_sample (p);

  tb_sample (p, value_c, c, b, END);
  tb_seal (p);
  return p;
}

static void
test_basic (void)
{
  g_autoptr(SmolderProfile) p1 = build_one (200, 10, "first", 5, 1);
  g_autoptr(SmolderProfile) p2 = build_one (100, 30, "second", 7, 0);
  SmolderProfile *both[] = { p1, p2 };
  g_autoptr(SmolderProfile) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  merged = smolder_profile_merge (both, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merged);

  g_assert_cmpint (smolder_profile_get_format (merged), ==, SMOLDER_PROFILE_FORMAT_MERGED);
  g_assert_cmpint (smolder_profile_get_time_nanos (merged), ==, 100);   /* earliest */
  g_assert_cmpint (smolder_profile_get_duration_nanos (merged), ==, 2000); /* summed */
  g_assert_cmpint (smolder_profile_get_period (merged), ==, 30);        /* largest */
  g_assert_cmpuint (smolder_profile_get_n_comments (merged), ==, 2);
  g_assert_cmpstr (smolder_profile_get_comment (merged, 1), ==, "second");

  /* Same stack and labels: one sample with the values added. The second
   * sample of p2 is all zero and is dropped. */
  g_assert_cmpuint (smolder_profile_get_n_samples (merged), ==, 2);
  g_assert_cmpuint (smolder_profile_get_n_locations (merged), ==, 3);
  g_assert_cmpuint (smolder_profile_get_n_functions (merged), ==, 3);
  g_assert_cmpuint (smolder_profile_get_n_mappings (merged), ==, 1);
  g_assert_cmpint (smolder_profile_get_sample_values (merged, 0)[0], ==, 12);
  g_assert_cmpint (smolder_profile_get_total (merged, 1), ==, 12 + 10);

  smolder_query_set_sample_index (q, 0);
  top = tb_top (merged, q);
  tb_assert_row (top, "main.a", 12, 12);
  tb_assert_row (top, "main.b", 0, 13);
  tb_assert_row (top, "main.c", 1, 1);
}

static void
test_labels_keep_apart (void)
{
  g_autoptr(SmolderProfile) p1 = tb_new ("samples/count", NULL);
  g_autoptr(SmolderProfile) merged = NULL;
  guint32 a = tb_simple (p1, "main.a");

  for (guint i = 0; i < 2; i++)
    {
      smolder_profile_begin_sample (p1);
      smolder_profile_sample_add_location (p1, a);
      smolder_profile_sample_add_value (p1, 1);
      tb_label (p1, "k", i == 0 ? "x" : "y");
      smolder_profile_end_sample (p1);
    }
  tb_seal (p1);

  /* Merging a profile with itself: same keys add up, different labels stay apart. */
  {
    SmolderProfile *twice[] = { p1, p1 };
    g_autoptr(GError) error = NULL;

    merged = smolder_profile_merge (twice, 2, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (smolder_profile_get_n_samples (merged), ==, 2);
  g_assert_cmpint (smolder_profile_get_sample_values (merged, 0)[0], ==, 2);
  g_assert_cmpint (smolder_profile_get_sample_values (merged, 1)[0], ==, 2);
  {
    guint n = 0;
    const SmolderLabel *labels = smolder_profile_get_sample_labels (merged, 1, &n);

    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpstr (smolder_profile_get_string (merged, labels[0].str), ==, "y");
  }
}

static void
test_mismatch (void)
{
  g_autoptr(SmolderProfile) heap = build_one (1, 1, "c", 1, 1);
  g_autoptr(SmolderProfile) cpu = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  g_autoptr(SmolderProfile) merged = NULL;
  g_autoptr(GError) error = NULL;
  SmolderProfile *pair[] = { heap, cpu };

  cpu->period_type.type = smolder_profile_intern (cpu, "space", -1);
  cpu->period_type.unit = smolder_profile_intern (cpu, "bytes", -1);
  tb_seal (cpu);

  merged = smolder_profile_merge (pair, 2, &error);
  g_assert_null (merged);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "samples/count cpu/nanoseconds"));
  g_assert_nonnull (strstr (error->message, "alloc_space/bytes inuse_space/bytes"));
  g_clear_error (&error);

  merged = smolder_profile_merge (pair, 0, &error);
  g_assert_null (merged);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH);
}

static void
test_period_mismatch (void)
{
  g_autoptr(SmolderProfile) a = tb_new ("samples/count", NULL);
  g_autoptr(SmolderProfile) b = tb_new ("samples/count", NULL);
  g_autoptr(SmolderProfile) merged = NULL;
  g_autoptr(GError) error = NULL;
  SmolderProfile *pair[] = { a, b };

  a->period_type.type = smolder_profile_intern (a, "cpu", -1);
  b->period_type.type = smolder_profile_intern (b, "wall", -1);
  tb_seal (a);
  tb_seal (b);
  merged = smolder_profile_merge (pair, 2, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "period type"));
}

/* go tool pprof -top -sample_index=inuse_space -unit=B heap-00.pb.gz heap-11.pb.gz */
static void
test_fixture (void)
{
  g_autoptr(SmolderProfile) h0 = tb_load ("leaky-service/series/heap-00.pb.gz");
  g_autoptr(SmolderProfile) h11 = tb_load ("leaky-service/series/heap-11.pb.gz");
  SmolderProfile *pair[] = { h0, h11 };
  g_autoptr(SmolderProfile) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  merged = smolder_profile_merge (pair, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smolder_profile_get_kind (merged), ==, SMOLDER_PROFILE_KIND_HEAP);
  for (guint t = 0; t < 4; t++)
    g_assert_cmpint (smolder_profile_get_total (merged, t), ==,
                     smolder_profile_get_total (h0, t) + smolder_profile_get_total (h11, t));

  smolder_query_set_sample_index (q, 3);
  top = tb_top (merged, q);
  g_assert_cmpint (smolder_top_get_total (top), ==, 69626607);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 16);
  tb_assert_row (top, "main.registerSession", 40786414, 40786414);
  tb_assert_row (top, "main.cacheMetadata", 19367037, 19367037);
  tb_assert_row (top, "runtime.malg", 6818448, 6818448);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/merge/basic", test_basic);
  g_test_add_func ("/smolder/merge/labels", test_labels_keep_apart);
  g_test_add_func ("/smolder/merge/mismatch", test_mismatch);
  g_test_add_func ("/smolder/merge/period-mismatch", test_period_mismatch);
  g_test_add_func ("/smolder/merge/fixture", test_fixture);

  return g_test_run ();
}
