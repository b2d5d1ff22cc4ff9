/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-diff.c: pprof's -base / -diff_base / -normalize on hand-built
 * profiles; every expected value is worked out by hand in the comments. */

#include "aggregation-builder.h"
#include "smolder-diff.h"
#include "smolder-frames.h"

/* main.main -> main.a 10, main.main -> main.gone 4. */
static SmolderProfile *
make_base (void)
{
  SmolderProfile *p = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  guint32 main_ = tb_simple (p, "main.main");
  guint32 a = tb_simple (p, "main.a");
  guint32 gone = tb_simple (p, "main.gone");

  tb_sample (p, 10, a, main_, END);
  tb_sample (p, 4, gone, main_, END);
  tb_seal (p);
  return p;
}

/* main.main -> main.a 6, main.main -> main.fresh 7, main.main alone 2. */
static SmolderProfile *
make_new (void)
{
  SmolderProfile *p = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  guint32 fresh = tb_simple (p, "main.fresh");
  guint32 main_ = tb_simple (p, "main.main");
  guint32 a = tb_simple (p, "main.a");

  tb_sample (p, 6, a, main_, END);
  tb_sample (p, 7, fresh, main_, END);
  tb_sample (p, 2, main_, END);
  tb_seal (p);
  return p;
}

/* The first sample type (the profiles' default is the last). */
static SmolderQuery *
query0 (void)
{
  SmolderQuery *q = smolder_query_new ();

  smolder_query_set_sample_index (q, 0);
  return q;
}

static SmolderProfile *
diff (SmolderProfile   *base,
      SmolderProfile   *profile,
      SmolderDiffFlags  flags)
{
  g_autoptr(GError) error = NULL;
  SmolderProfile *d = smolder_profile_diff (base, profile, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static void
assert_diff_row (SmolderTop        *top,
                 const char        *name,
                 gint64             base,
                 gint64             new,
                 gint64             delta_cum,
                 SmolderDiffStatus  status)
{
  const SmolderTopRow *row = tb_find_row (top, name);

  if (row == NULL)
    g_error ("no row named “%s”", name);
  g_assert_cmpint (smolder_diff_row_base (row), ==, base);
  g_assert_cmpint (smolder_diff_row_new (row), ==, new);
  g_assert_cmpint (row->flat, ==, new - base);
  g_assert_cmpint (row->cum, ==, delta_cum);
  g_assert_cmpint (smolder_diff_row_status (row), ==, status);
}

static const char *
row_name (SmolderTop *top,
          guint       i)
{
  return smolder_frames_get_name (smolder_top_get_frames (top), smolder_top_get_row (top, i)->frame);
}

static void
test_diff_base (void)
{
  g_autoptr(SmolderProfile) base = make_base ();
  g_autoptr(SmolderProfile) new = make_new ();
  g_autoptr(SmolderProfile) d = diff (base, new, SMOLDER_DIFF_LABEL_BASE);
  g_autoptr(SmolderQuery) q = query0 ();
  g_autoptr(SmolderTop) top = NULL;

  g_assert_true (smolder_profile_has_diff_base_label (d));
  top = tb_top (d, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 4);
  /* main.a shrank 10 -> 6; main.gone 4 -> nothing; main.fresh appeared;
   * main.main's cum: (6 + 7 + 2) - (10 + 4) = 1. */
  assert_diff_row (top, "main.a", 10, 6, -4, SMOLDER_DIFF_STATUS_CHANGED);
  assert_diff_row (top, "main.gone", 4, 0, -4, SMOLDER_DIFF_STATUS_GONE);
  assert_diff_row (top, "main.fresh", 0, 7, 7, SMOLDER_DIFF_STATUS_NEW);
  assert_diff_row (top, "main.main", 0, 2, 1, SMOLDER_DIFF_STATUS_CHANGED);
  /* computeTotal: |10| + |4|, the base's samples only. */
  g_assert_cmpint (smolder_top_get_total (top), ==, 14);
  /* Kept: 7 + 2 - 4 - 4. */
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 1);
  /* |flat| descending, then name. */
  g_assert_cmpstr (row_name (top, 0), ==, "main.fresh");
  g_assert_cmpstr (row_name (top, 1), ==, "main.a");
  g_assert_cmpstr (row_name (top, 2), ==, "main.gone");
  g_assert_cmpstr (row_name (top, 3), ==, "main.main");
}

static void
test_base (void)
{
  g_autoptr(SmolderProfile) base = make_base ();
  g_autoptr(SmolderProfile) new = make_new ();
  g_autoptr(SmolderProfile) d = diff (base, new, SMOLDER_DIFF_NONE);
  g_autoptr(SmolderQuery) q = query0 ();
  g_autoptr(SmolderTop) top = NULL;

  /* -base: no label, so main.main -> main.a merges into one sample of
   * 6 - 10 = -4, and the total is of the merged samples: 4 + 4 + 7 + 2. */
  top = tb_top (d, q);
  g_assert_cmpuint (smolder_profile_get_n_samples (d), ==, 4);
  g_assert_cmpint (smolder_top_get_total (top), ==, 17);
  tb_assert_row (top, "main.a", -4, -4);
  tb_assert_row (top, "main.gone", -4, -4);
  tb_assert_row (top, "main.fresh", 7, 7);
  tb_assert_row (top, "main.main", 2, 1);
  g_assert_cmpint (tb_find_row (top, "main.a")->base_flat, ==, 0);
}

static void
test_same_profile (void)
{
  g_autoptr(SmolderProfile) base = make_base ();
  g_autoptr(SmolderProfile) d = diff (base, base, SMOLDER_DIFF_LABEL_BASE);
  g_autoptr(SmolderQuery) q = query0 ();
  g_autoptr(SmolderTop) top = tb_top (d, q);

  /* Every node nets to zero: pprof prints no rows, of a total of 14. */
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 0);
  g_assert_cmpint (smolder_top_get_total (top), ==, 14);
}

static void
test_tag_sees_base_label (void)
{
  g_autoptr(SmolderProfile) base = make_base ();
  g_autoptr(SmolderProfile) new = make_new ();
  g_autoptr(SmolderProfile) d = diff (base, new, SMOLDER_DIFF_LABEL_BASE);
  g_autoptr(SmolderQuery) q = query0 ();
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(GError) error = NULL;

  /* pprof filters the combined profile before dropping the label. */
  smolder_query_add_tag_focus (q, "pprof::base=true", &error);
  g_assert_no_error (error);
  top = tb_top (d, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 3);
  assert_diff_row (top, "main.a", 10, 0, -10, SMOLDER_DIFF_STATUS_GONE);
  assert_diff_row (top, "main.gone", 4, 0, -4, SMOLDER_DIFF_STATUS_GONE);
  assert_diff_row (top, "main.main", 0, 0, -14, SMOLDER_DIFF_STATUS_GONE);
}

static void
test_normalize_rounding (void)
{
  g_autoptr(SmolderProfile) base = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  g_autoptr(SmolderProfile) new = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  g_autoptr(SmolderProfile) d = NULL;
  g_autoptr(SmolderQuery) q = query0 ();
  g_autoptr(SmolderTop) top = NULL;
  double ratios[2];
  guint32 a, b, c, e;

  a = tb_simple (base, "main.a");
  tb_sample (base, 5, a, END);
  tb_seal (base);

  a = tb_simple (new, "main.a");
  b = tb_simple (new, "main.b");
  c = tb_simple (new, "main.c");
  e = tb_simple (new, "main.e");
  tb_sample (new, 5, a, END);
  tb_sample (new, 3, b, END);
  tb_sample (new, 1, c, END);
  tb_sample (new, 1, e, END);
  tb_seal (new);

  /* Base totals 5 and 50, new 10 and 100: both ratios are 0.5. */
  smolder_profile_normalize_ratios (base, new, ratios);
  g_assert_cmpfloat (ratios[0], ==, 0.5);
  g_assert_cmpfloat (ratios[1], ==, 0.5);

  /* math.Round: 2.5 -> 3, 1.5 -> 2, 0.5 -> 1 (half away from zero, not to
   * even), so the normalized new profile sums to 7, not to the base's 5. */
  d = diff (base, new, SMOLDER_DIFF_LABEL_BASE | SMOLDER_DIFF_NORMALIZE);
  top = tb_top (d, q);
  assert_diff_row (top, "main.a", 5, 3, -2, SMOLDER_DIFF_STATUS_CHANGED);
  assert_diff_row (top, "main.b", 0, 2, 2, SMOLDER_DIFF_STATUS_NEW);
  assert_diff_row (top, "main.c", 0, 1, 1, SMOLDER_DIFF_STATUS_NEW);
  assert_diff_row (top, "main.e", 0, 1, 1, SMOLDER_DIFF_STATUS_NEW);
  g_assert_cmpint (smolder_top_get_total (top), ==, 5);
  g_clear_object (&top);

  /* The second sample type: 50 -> 25, 30 -> 15, 10 -> 5. */
  smolder_query_set_sample_index (q, 1);
  top = tb_top (d, q);
  assert_diff_row (top, "main.a", 50, 25, -25, SMOLDER_DIFF_STATUS_CHANGED);
  assert_diff_row (top, "main.b", 0, 15, 15, SMOLDER_DIFF_STATUS_NEW);
  g_assert_cmpint (smolder_top_get_total (top), ==, 50);
}

static void
test_scale_drops (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  g_autoptr(SmolderProfile) s = NULL;
  const double quarter[2] = { 0.25, 0.25 };
  const double mixed[2] = { 1.0, 0.25 };
  const double minus[2] = { -0.5, -0.5 };
  guint32 a = tb_simple (p, "main.a");
  guint32 b = tb_simple (p, "main.b");

  tb_sample (p, 1, a, END);   /* values 1 and 10 */
  tb_sample (p, 7, b, END);   /* values 7 and 70 */
  tb_seal (p);

  /* 1 * 0.25 and 10 * 0.25 round to 0 and 3: kept; 7 -> 2, 70 -> 18. */
  s = smolder_profile_scale (p, quarter, NULL, NULL);
  g_assert_cmpuint (smolder_profile_get_n_samples (s), ==, 2);
  g_assert_cmpint (smolder_profile_get_sample_values (s, 0)[0], ==, 0);
  g_assert_cmpint (smolder_profile_get_sample_values (s, 0)[1], ==, 3);
  g_assert_cmpint (smolder_profile_get_sample_values (s, 1)[0], ==, 2);
  g_assert_cmpint (smolder_profile_get_sample_values (s, 1)[1], ==, 18);
  g_clear_object (&s);

  /* ScaleN keeps a sample only when a value it scaled is non-zero: with
   * ratios {1, 0.25}, (1, 10) -> (1, 3) stays; and -0.5 rounds -3.5 to -4. */
  s = smolder_profile_scale (p, mixed, NULL, NULL);
  g_assert_cmpuint (smolder_profile_get_n_samples (s), ==, 2);
  g_clear_object (&s);
  s = smolder_profile_scale (p, minus, "k", "v");
  g_assert_cmpint (smolder_profile_get_sample_values (s, 0)[0], ==, -1);  /* -0.5 -> -1 */
  g_assert_cmpint (smolder_profile_get_sample_values (s, 1)[0], ==, -4);  /* -3.5 -> -4 */
  g_assert_cmpint (smolder_profile_get_sample_values (s, 1)[1], ==, -35);
  g_clear_object (&s);
}

static void
test_scale_drops_zero (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  g_autoptr(SmolderProfile) s = NULL;
  const double mixed[2] = { 1.0, 0.01 };
  guint32 a = tb_simple (p, "main.a");

  tb_sample (p, 1, a, END);   /* values 1 and 10 */
  tb_seal (p);

  /* 10 * 0.01 rounds to 0, and the unscaled 1 does not count: dropped. */
  s = smolder_profile_scale (p, mixed, NULL, NULL);
  g_assert_cmpuint (smolder_profile_get_n_samples (s), ==, 0);
}

static void
test_mismatch (void)
{
  g_autoptr(SmolderProfile) base = make_base ();
  g_autoptr(SmolderProfile) other = tb_new ("goroutine/count", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) d = NULL;

  tb_seal (other);
  d = smolder_profile_diff (base, other, SMOLDER_DIFF_LABEL_BASE, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH);
  g_assert_null (d);
}

/* The -diff_base fast path (sides appended) must read exactly as the
 * profile.Merge of the two sides, whatever the granularity. */
static void
assert_same_rows (SmolderProfile *fast,
                  SmolderProfile *merged)
{
  const SmolderGranularity granularities[] = {
    SMOLDER_GRANULARITY_FUNCTIONS, SMOLDER_GRANULARITY_LINES, SMOLDER_GRANULARITY_ADDRESSES,
  };

  for (guint t = 0; t < smolder_profile_get_n_sample_types (fast); t++)
    for (guint g = 0; g < G_N_ELEMENTS (granularities); g++)
      {
        g_autoptr(SmolderQuery) q = smolder_query_new ();
        g_autoptr(SmolderTop) t1 = NULL;
        g_autoptr(SmolderTop) t2 = NULL;

        smolder_query_set_sample_index (q, t);
        smolder_query_set_granularity (q, granularities[g]);
        t1 = tb_top (fast, q);
        t2 = tb_top (merged, q);
        g_assert_cmpint (smolder_top_get_total (t1), ==, smolder_top_get_total (t2));
        g_assert_cmpint (smolder_top_get_kept_total (t1), ==, smolder_top_get_kept_total (t2));
        g_assert_cmpuint (smolder_top_get_n_rows (t1), ==, smolder_top_get_n_rows (t2));
        for (guint i = 0; i < smolder_top_get_n_rows (t1); i++)
          {
            const SmolderTopRow *r1 = smolder_top_get_row (t1, i);
            const SmolderTopRow *r2 = smolder_top_get_row (t2, i);

            g_assert_cmpstr (row_name (t1, i), ==, row_name (t2, i));
            g_assert_cmpint (r1->flat, ==, r2->flat);
            g_assert_cmpint (r1->cum, ==, r2->cum);
            g_assert_cmpint (r1->base_flat, ==, r2->base_flat);
            g_assert_cmpint (r1->base_cum, ==, r2->base_cum);
          }
      }
}

static void
assert_same_tops (SmolderProfile *a,
                  SmolderProfile *b,
                  SmolderDiffFlags flags)
{
  g_autoptr(SmolderProfile) fast = diff (a, b, flags);
  g_autoptr(SmolderProfile) merged = diff (a, b, flags | SMOLDER_DIFF_MERGE_ALWAYS);

  assert_same_rows (fast, merged);
}

static void
test_fast_path (void)
{
  g_autoptr(SmolderProfile) h0 = tb_load ("leaky-service/series/heap-00.pb.gz");
  g_autoptr(SmolderProfile) h11 = tb_load ("leaky-service/series/heap-11.pb.gz");
  g_autoptr(SmolderProfile) cpu = tb_load ("leaky-service/cpu-10s.pb.gz");
  g_autoptr(SmolderProfile) regexp = tb_load ("go-toolchain/regexp-bench-cpu.pb.gz");

  assert_same_tops (h0, h11, SMOLDER_DIFF_LABEL_BASE);
  assert_same_tops (h11, h0, SMOLDER_DIFF_LABEL_BASE | SMOLDER_DIFF_NORMALIZE);
  assert_same_tops (cpu, regexp, SMOLDER_DIFF_LABEL_BASE);
}

static void
test_take_one (const char *base_path,
               const char *new_path,
               guint       n_samples)
{
  g_autoptr(SmolderProfile) a = tb_load (base_path);
  g_autoptr(SmolderProfile) b = tb_load (new_path);
  g_autoptr(SmolderProfile) merged = diff (a, b, SMOLDER_DIFF_LABEL_BASE | SMOLDER_DIFF_MERGE_ALWAYS);
  g_autoptr(SmolderProfile) taken = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing else holds the new profile: its samples are taken, not copied
   * (when it has no all-zero sample, as these). */
  taken = smolder_profile_diff_take (a, tb_load (new_path), SMOLDER_DIFF_LABEL_BASE, &error);
  g_assert_no_error (error);
  assert_same_rows (taken, merged);
  /* Something else holds it: it must come out unchanged. */
  g_clear_object (&taken);
  taken = smolder_profile_diff_take (a, g_object_ref (b), SMOLDER_DIFF_LABEL_BASE, &error);
  g_assert_no_error (error);
  assert_same_rows (taken, merged);
  g_assert_cmpuint (smolder_profile_get_n_samples (b), ==, n_samples);  /* smolder-cli info */
}

static void
test_take (void)
{
  test_take_one ("leaky-service/series/goroutine-00.pb.gz", "leaky-service/series/goroutine-11.pb.gz", 5);
  /* heap-11 has all-zero samples, which the merge drops: copied instead. */
  test_take_one ("leaky-service/series/heap-00.pb.gz", "leaky-service/series/heap-11.pb.gz", 56);
}

static void
test_mixed_signs (void)
{
  g_autoptr(SmolderProfile) base = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  g_autoptr(SmolderProfile) new = make_new ();
  g_autoptr(SmolderProfile) d = NULL;
  g_autoptr(SmolderQuery) q = query0 ();
  g_autoptr(SmolderTop) top = NULL;
  guint32 a = tb_simple (base, "main.a");

  /* A base that is itself a difference: its samples of 5 and -5 merge into
   * nothing, so no sample is the base's and computeTotal falls back to
   * all samples: |6| + |7| + |2|. */
  tb_sample (base, 5, a, END);
  tb_sample (base, -5, a, END);
  tb_seal (base);
  d = diff (base, new, SMOLDER_DIFF_LABEL_BASE);
  top = tb_top (d, q);
  g_assert_cmpint (smolder_top_get_total (top), ==, 15);
  assert_diff_row (top, "main.a", 0, 6, 6, SMOLDER_DIFF_STATUS_NEW);
  assert_same_tops (base, new, SMOLDER_DIFF_LABEL_BASE);
}

static void
test_mapping_shift (void)
{
  g_autoptr(SmolderProfile) base = tb_new ("samples/count", NULL);
  g_autoptr(SmolderProfile) new = tb_new ("samples/count", NULL);
  g_autoptr(SmolderProfile) d = NULL;
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  guint32 mb = tb_mapping (base, "/srv/app", 0x400000, 0x500000);
  guint32 mn = tb_mapping (new, "/srv/app", 0x800000, 0x900000);

  /* The same binary loaded elsewhere: profile.Merge moves the base's
   * addresses into the new mapping, so 0x401000 is 0x801000. */
  tb_sample (base, 3, tb_location (base, mb, 0x401000, END), END);
  tb_seal (base);
  tb_sample (new, 5, tb_location (new, mn, 0x801000, END), END);
  tb_seal (new);

  smolder_query_set_granularity (q, SMOLDER_GRANULARITY_ADDRESSES);
  d = diff (base, new, SMOLDER_DIFF_LABEL_BASE);
  top = tb_top (d, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 1);
  g_assert_cmpint (smolder_top_get_row (top, 0)->flat, ==, 2);
  g_assert_cmpint (smolder_diff_row_base (smolder_top_get_row (top, 0)), ==, 3);
  assert_same_tops (base, new, SMOLDER_DIFF_LABEL_BASE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/diff-base", test_diff_base);
  g_test_add_func ("/diff/base", test_base);
  g_test_add_func ("/diff/same-profile", test_same_profile);
  g_test_add_func ("/diff/tag-sees-base-label", test_tag_sees_base_label);
  g_test_add_func ("/diff/normalize-rounding", test_normalize_rounding);
  g_test_add_func ("/diff/scale", test_scale_drops);
  g_test_add_func ("/diff/scale-drops-zero", test_scale_drops_zero);
  g_test_add_func ("/diff/mismatch", test_mismatch);
  g_test_add_func ("/diff/fast-path", test_fast_path);
  g_test_add_func ("/diff/take", test_take);
  g_test_add_func ("/diff/mixed-signs", test_mixed_signs);
  g_test_add_func ("/diff/mapping-shift", test_mapping_shift);

  return g_test_run ();
}
