/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-top.c: pprof's -top semantics, on hand-built profiles and fixtures.
 * Expected fixture values come from `go tool pprof -top -nodecount=1000000
 * -nodefraction=0 -edgefraction=0 -unit=ns` (Go 1.19.8). */

#include "aggregation-builder.h"
#include "smolder-call-tree.h"
#include "smolder-frames.h"

static void
test_recursion (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  guint32 main_ = tb_simple (p, "main.main");
  guint32 a = tb_simple (p, "main.a");
  guint32 b = tb_simple (p, "main.b");
  guint32 c = tb_simple (p, "main.c");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  /* main -> a -> b -> a -> c, and main -> b */
  tb_sample (p, 10, c, a, b, a, main_, END);
  tb_sample (p, 5, b, main_, END);
  tb_seal (p);

  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 4);
  tb_assert_row (top, "main.c", 10, 10);
  tb_assert_row (top, "main.a", 0, 10);   /* once per sample, not twice */
  tb_assert_row (top, "main.b", 5, 15);
  tb_assert_row (top, "main.main", 0, 15);
  g_assert_cmpint (smolder_top_get_total (top), ==, 15);

  /* flat desc, then name */
  g_assert_cmpstr (smolder_frames_get_name (smolder_top_get_frames (top), smolder_top_get_row (top, 0)->frame), ==, "main.c");
  g_assert_cmpstr (smolder_frames_get_name (smolder_top_get_frames (top), smolder_top_get_row (top, 1)->frame), ==, "main.b");
  g_assert_cmpstr (smolder_frames_get_name (smolder_top_get_frames (top), smolder_top_get_row (top, 2)->frame), ==, "main.a");
  g_assert_cmpstr (smolder_frames_get_name (smolder_top_get_frames (top), smolder_top_get_row (top, 3)->frame), ==, "main.main");
}

static void
test_inline (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  guint32 index = tb_function (p, "strings.Index", "/usr/lib/go/src/strings/strings.go", 0);
  guint32 f = tb_function (p, "main.f", "/src/main.go", 0);
  guint32 main_ = tb_simple (p, "main.main");
  /* one address, two frames: strings.Index inlined into main.f */
  guint32 loc = tb_location (p, END, 0x1000, index, 10, f, 20, END);
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  tb_sample (p, 7, loc, main_, END);
  tb_seal (p);

  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 3);
  tb_assert_row (top, "strings.Index", 7, 7);  /* flat goes to the innermost frame */
  tb_assert_row (top, "main.f", 0, 7);
  tb_assert_row (top, "main.main", 0, 7);
}

static void
test_no_lines (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  guint32 libc = tb_mapping (p, "/usr/lib/x86_64-linux-gnu/libc.so.6", 0x7f0000000000, 0x7f0000100000);
  guint32 anon = tb_mapping (p, "", 0x400000, 0x500000);
  guint32 in_libc = tb_location (p, libc, 0x7f0000001234, END);
  guint32 in_libc2 = tb_location (p, libc, 0x7f0000005678, END);
  guint32 in_anon = tb_location (p, anon, 0x401000, END);
  guint32 nowhere = tb_location (p, END, 0x2000, END);
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(SmolderTop) addr = NULL;

  tb_sample (p, 3, in_libc, in_anon, END);
  tb_sample (p, 4, in_libc2, nowhere, END);
  tb_seal (p);

  /* Functions: the address is dropped, so both libc locations merge. */
  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 2);
  tb_assert_row (top, "[libc.so.6]", 7, 7);
  tb_assert_row (top, "<unknown>", 0, 7);

  smolder_query_set_granularity (q, SMOLDER_GRANULARITY_ADDRESSES);
  addr = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (addr), ==, 4);
  tb_assert_row (addr, "00007f0000001234 [libc.so.6]", 3, 3);
  tb_assert_row (addr, "00007f0000005678 [libc.so.6]", 4, 4);
  tb_assert_row (addr, "0000000000401000 <unknown>", 0, 3);
  tb_assert_row (addr, "0000000000002000 <unknown>", 0, 4);
}

static void
test_zero_values (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("alloc_objects/count", "inuse_objects/count", NULL);
  guint32 a = tb_simple (p, "main.a");
  guint32 b = tb_simple (p, "main.b");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  tb_sample (p, 2, a, END);
  /* inuse 0: must not appear at index 1, but counts at index 0 */
  smolder_profile_begin_sample (p);
  smolder_profile_sample_add_location (p, b);
  smolder_profile_sample_add_value (p, 6);
  smolder_profile_sample_add_value (p, 0);
  smolder_profile_end_sample (p);
  tb_seal (p);

  smolder_query_set_sample_index (q, 1);
  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 1);
  tb_assert_row (top, "main.a", 20, 20);
  g_assert_null (tb_find_row (top, "main.b"));
  g_clear_object (&top);

  smolder_query_set_sample_index (q, 0);
  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 2);
  tb_assert_row (top, "main.b", 6, 6);
}

static void
test_sample_index (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  guint32 a = tb_simple (p, "main.a");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(GError) error = NULL;

  tb_sample (p, 1, a, END);
  tb_seal (p);

  /* The default is the last type. */
  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_sample_index (top), ==, 1);
  tb_assert_row (top, "main.a", 10, 10);
  g_clear_object (&top);

  smolder_query_set_sample_index (q, 2);
  top = smolder_top_new (p, q, NULL, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_assert_null (top);
}

static void
test_lines_and_files (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  guint32 f = tb_function (p, "main.f", "/proc/self/cwd/./pkg//x.go", 0);
  guint32 g = tb_function (p, "main.g", "/src/a/../b/y.go", 0);
  guint32 h = tb_function (p, "main.h", "/src/b/y.go", 0);
  guint32 f10 = tb_location (p, END, 0, f, 10, END);
  guint32 f11 = tb_location (p, END, 0, f, 11, END);
  guint32 g5 = tb_location (p, END, 0, g, 5, END);
  guint32 h7 = tb_location (p, END, 0, h, 7, END);
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) lines = NULL;
  g_autoptr(SmolderTop) files = NULL;
  g_autoptr(SmolderTop) functions = NULL;

  tb_sample (p, 1, f10, g5, END);
  tb_sample (p, 2, f11, h7, END);
  tb_seal (p);

  smolder_query_set_granularity (q, SMOLDER_GRANULARITY_LINES);
  lines = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (lines), ==, 4);
  tb_assert_row (lines, "main.f pkg/x.go:10", 1, 1);   /* /proc/self/cwd/ trimmed, path cleaned */
  tb_assert_row (lines, "main.f pkg/x.go:11", 2, 2);
  tb_assert_row (lines, "main.g /src/b/y.go:5", 0, 1);
  tb_assert_row (lines, "main.h /src/b/y.go:7", 0, 2);

  smolder_query_set_granularity (q, SMOLDER_GRANULARITY_FILES);
  files = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (files), ==, 2);
  tb_assert_row (files, "pkg/x.go", 3, 3);
  tb_assert_row (files, "/src/b/y.go", 0, 3);

  smolder_query_set_granularity (q, SMOLDER_GRANULARITY_FUNCTIONS);
  functions = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (functions), ==, 3);
  tb_assert_row (functions, "main.f", 3, 3);
}

/* At files granularity pprof keeps the start line in the node key, so two
 * functions of one file with different start lines are two rows. */
static void
test_files_start_line (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  guint32 f = tb_function (p, "main.f", "x.go", 10);
  guint32 g = tb_function (p, "main.g", "x.go", 20);
  guint32 lf = tb_location (p, END, 0, f, 12, END);
  guint32 lg = tb_location (p, END, 0, g, 22, END);
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  SmolderFrames *frames;

  tb_sample (p, 1, lf, END);
  tb_sample (p, 2, lg, END);
  tb_seal (p);

  smolder_query_set_granularity (q, SMOLDER_GRANULARITY_FILES);
  top = tb_top (p, q);
  frames = smolder_top_get_frames (top);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 2);
  g_assert_cmpstr (smolder_frames_get_name (frames, smolder_top_get_row (top, 0)->frame), ==, "x.go");
  g_assert_cmpstr (smolder_frames_get_name (frames, smolder_top_get_row (top, 1)->frame), ==, "x.go");
  g_assert_cmpint (smolder_top_get_row (top, 0)->flat, ==, 2);
  g_assert_cmpint (smolder_frames_get_start_line (frames, smolder_top_get_row (top, 0)->frame), ==, 20);
}

static void
test_duplicate_strings (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  SmolderFunction fn = { 0, };
  guint32 l1, l2;
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  /* A proto string table may repeat a string: one node all the same. */
  for (guint i = 0; i < 2; i++)
    {
      fn.name = smolder_profile_append_string (p, "main.f", 6);
      g_array_append_val (p->functions, fn);
    }
  l1 = tb_location (p, END, 0, 0, 1, END);
  l2 = tb_location (p, END, 0, 1, 2, END);
  tb_sample (p, 1, l1, END);
  tb_sample (p, 2, l2, END);
  tb_seal (p);

  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 1);
  tb_assert_row (top, "main.f", 3, 3);
}

static void
test_negative (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("inuse_space/bytes", NULL);
  guint32 a = tb_simple (p, "main.a");
  guint32 b = tb_simple (p, "main.b");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  tb_sample (p, -50, a, END);
  tb_sample (p, 20, b, END);
  tb_seal (p);

  top = tb_top (p, q);
  /* sorted by |flat|; the total sums |value| as pprof's does */
  g_assert_cmpint (smolder_top_get_row (top, 0)->flat, ==, -50);
  g_assert_cmpint (smolder_top_get_total (top), ==, 70);
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, -30);
}

static void
test_go_path (void)
{
  static const struct { const char *in, *clean, *base; } cases[] = {
    { "", ".", "." },
    { "/", "/", "/" },
    { "a/b/../c", "a/c", "c" },
    { "/a//b/./c/", "/a/b/c", "c" },
    { "../../x", "../../x", "x" },
    { "/../x", "/x", "x" },
    { "./", ".", "." },
    { "a/b/", "a/b", "b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = smolder_go_path_clean (cases[i].in);
      g_autofree char *base = smolder_go_path_base (cases[i].in);

      g_assert_cmpstr (clean, ==, cases[i].clean);
      g_assert_cmpstr (base, ==, cases[i].base);
    }
}

static void
test_fixture_cpu (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("leaky-service/cpu-10s.pb.gz");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = tb_top (p, q);
  SmolderFrames *frames = smolder_top_get_frames (top);

  g_assert_cmpint (smolder_top_get_total (top), ==, 800000000);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 159);
  g_assert_cmpstr (smolder_frames_get_name (frames, smolder_top_get_row (top, 0)->frame), ==,
                   "regexp.(*Regexp).tryBacktrack");
  tb_assert_row (top, "regexp.(*Regexp).tryBacktrack", 90000000, 210000000);
  tb_assert_row (top, "crypto/sha256.block", 70000000, 80000000);
  tb_assert_row (top, "regexp.(*bitState).shouldVisit", 60000000, 60000000);
}

static void
test_fixture_granularities (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("go-toolchain/compile-nethttp-cpu.pb.gz");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) functions = NULL;
  g_autoptr(SmolderTop) lines = NULL;
  g_autoptr(SmolderTop) files = NULL;

  functions = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (functions), ==, 677);
  tb_assert_row (functions, "runtime.mallocgc", 90000000, 320000000);
  tb_assert_row (functions, "cmd/compile/internal/gc.Main", 0, 2040000000);

  smolder_query_set_granularity (q, SMOLDER_GRANULARITY_LINES);
  lines = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (lines), ==, 1081);
  tb_assert_row (lines, "runtime.scanobject /usr/lib/go-1.19/src/runtime/mgcmark.go:1324", 230000000, 230000000);
  tb_assert_row (lines, "runtime.findObject /usr/lib/go-1.19/src/runtime/mbitmap.go:408", 120000000, 120000000);

  smolder_query_set_granularity (q, SMOLDER_GRANULARITY_FILES);
  files = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (files), ==, 190);
  tb_assert_row (files, "/usr/lib/go-1.19/src/runtime/mbitmap.go", 350000000, 420000000);
  tb_assert_row (files, "/usr/lib/go-1.19/src/runtime/mgcmark.go", 320000000, 610000000);
}

static void
test_cancel (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("leaky-service/cpu-10s.pb.gz");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderTop) top = NULL;

  g_cancellable_cancel (cancellable);
  top = smolder_top_new (p, q, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (top);
}

static void
test_granularity_names (void)
{
  SmolderGranularity g;
  g_autoptr(GError) error = NULL;

  g_assert_true (smolder_granularity_from_string ("lines", &g, NULL));
  g_assert_cmpint (g, ==, SMOLDER_GRANULARITY_LINES);
  g_assert_cmpstr (smolder_granularity_to_string (SMOLDER_GRANULARITY_FILES), ==, "files");
  g_assert_false (smolder_granularity_from_string ("functionz", &g, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
}

/* Values near the int64 limits wrap as Go's int64 sums in pprof do; under
 * UBSan (make asan) an overflow in C would stop this test. */
static void
test_overflow_wraps (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("space/bytes", NULL);
  guint32 a = tb_simple (p, "main.a");
  guint32 b = tb_simple (p, "main.b");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(SmolderCallTree) tree = NULL;
  const gint64 big = G_GINT64_CONSTANT (0x6000000000000000);
  const gint64 wrapped = (gint64) ((guint64) big * 2);

  tb_sample (p, big, a, END);
  tb_sample (p, big, a, b, END);
  tb_sample (p, G_MININT64, b, END);
  tb_seal (p);

  top = tb_top (p, q);
  tb_assert_row (top, "main.a", wrapped, wrapped);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, (gint64) ((guint64) wrapped + (guint64) G_MININT64));

  tree = smolder_call_tree_new (p, q, NULL, NULL);
  g_assert_nonnull (tree);
  g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==, smolder_profile_get_total (p, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/top/recursion", test_recursion);
  g_test_add_func ("/smolder/top/overflow-wraps", test_overflow_wraps);
  g_test_add_func ("/smolder/top/inline", test_inline);
  g_test_add_func ("/smolder/top/no-lines", test_no_lines);
  g_test_add_func ("/smolder/top/zero-values", test_zero_values);
  g_test_add_func ("/smolder/top/sample-index", test_sample_index);
  g_test_add_func ("/smolder/top/lines-and-files", test_lines_and_files);
  g_test_add_func ("/smolder/top/files-start-line", test_files_start_line);
  g_test_add_func ("/smolder/top/duplicate-strings", test_duplicate_strings);
  g_test_add_func ("/smolder/top/negative", test_negative);
  g_test_add_func ("/smolder/top/go-path", test_go_path);
  g_test_add_func ("/smolder/top/granularity-names", test_granularity_names);
  g_test_add_func ("/smolder/top/fixture-cpu", test_fixture_cpu);
  g_test_add_func ("/smolder/top/fixture-granularities", test_fixture_granularities);
  g_test_add_func ("/smolder/top/cancel", test_cancel);

  return g_test_run ();
}
