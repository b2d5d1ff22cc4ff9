/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text heap decoder (?debug=1): values equal `go tool pprof -raw` on the
 * same file, and every frame a "#" line names is named. */
#include "smolder-decoders.h"
#include "smolder-text-lines.h"

#include <string.h>

static SmolderProfile *
decode_text (const char           *text,
             const SmolderLimits  *limits,
             GError              **error)
{
  SmolderInput input = { 0, };

  input.data = (const guint8 *) text;
  input.len = strlen (text);
  return smolder_text_heap_decode (&input, limits, error);
}

static SmolderProfile *
decode_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (SMOLDER_TEST_DATA, "leaky-service", "series", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = smolder_input_new_for_path (path, NULL, &error);
  SmolderProfile *profile;

  g_assert_no_error (error);
  profile = smolder_text_heap_decode (input, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

static const char *
type_name (SmolderProfile *p,
           guint           i)
{
  return smolder_profile_get_string (p, smolder_profile_get_sample_type (p, i)->type);
}

static const char *
unit_name (SmolderProfile *p,
           guint           i)
{
  return smolder_profile_get_string (p, smolder_profile_get_sample_type (p, i)->unit);
}

static guint
location_by_address (SmolderProfile *p,
                     guint64         address)
{
  for (guint i = 0; i < smolder_profile_get_n_locations (p); i++)
    if (smolder_profile_get_location (p, i)->address == address)
      return i;
  g_assert_not_reached ();
}

/* "name file:line" of line @j of the location at @address. */
static char *
frame_at (SmolderProfile *p,
          guint64         address,
          guint           j)
{
  const SmolderLocation *loc = smolder_profile_get_location (p, location_by_address (p, address));
  const SmolderLine *line;
  const SmolderFunction *fn;

  g_assert_cmpuint (j, <, loc->n_lines);
  line = smolder_profile_get_line (p, loc->first_line + j);
  fn = smolder_profile_get_function (p, line->function);
  return g_strdup_printf ("%s %s:%" G_GINT64_FORMAT, smolder_profile_get_string (p, fn->name),
                          smolder_profile_get_string (p, fn->filename), line->line);
}

static guint
n_lines_at (SmolderProfile *p,
            guint64         address)
{
  return smolder_profile_get_location (p, location_by_address (p, address))->n_lines;
}

static void
test_fixture_values (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("heap-debug1-01.txt");
  const gint64 *v;
  const guint32 *locs;
  const SmolderLabel *labels;
  guint n;

  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_HEAP);
  g_assert_cmpint (smolder_profile_get_format (p), ==, SMOLDER_PROFILE_FORMAT_TEXT_HEAP);
  g_assert_cmpuint (smolder_profile_get_n_sample_types (p), ==, 4);
  g_assert_cmpstr (type_name (p, 0), ==, "alloc_objects");
  g_assert_cmpstr (unit_name (p, 0), ==, "count");
  g_assert_cmpstr (type_name (p, 1), ==, "alloc_space");
  g_assert_cmpstr (unit_name (p, 1), ==, "bytes");
  g_assert_cmpstr (type_name (p, 2), ==, "inuse_objects");
  g_assert_cmpstr (type_name (p, 3), ==, "inuse_space");
  g_assert_cmpstr (unit_name (p, 3), ==, "bytes");
  g_assert_cmpuint (smolder_profile_get_default_sample_index (p), ==, 3);
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_period_type (p)->type), ==, "space");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_period_type (p)->unit), ==, "bytes");
  g_assert_cmpint (smolder_profile_get_period (p), ==, 524288);

  /* One sample per record, zero ones included (pprof drops those only when merging). */
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 22);

  /* go tool pprof -raw: "1028 4210709 1028 4210709: 1 2 3", bytes:[4096]. */
  v = smolder_profile_get_sample_values (p, 0);
  g_assert_cmpint (v[0], ==, 1028);
  g_assert_cmpint (v[1], ==, 4210709);
  g_assert_cmpint (v[2], ==, 1028);
  g_assert_cmpint (v[3], ==, 4210709);
  locs = smolder_profile_get_sample_locations (p, 0, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmphex (smolder_profile_get_location (p, locs[0])->address, ==, 0x68278d);
  g_assert_cmphex (smolder_profile_get_location (p, locs[1])->address, ==, 0x6831bd);
  g_assert_cmphex (smolder_profile_get_location (p, locs[2])->address, ==, 0x46b260);
  labels = smolder_profile_get_sample_labels (p, 0, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (smolder_profile_get_string (p, labels[0].key), ==, "bytes");
  g_assert_cmpint (labels[0].num, ==, 4096);
  g_assert_cmpuint (labels[0].str, ==, 0);

  /* "1 924248 0 0", bytes:[663552]: alloc only, scaled. */
  v = smolder_profile_get_sample_values (p, 10);
  g_assert_cmpint (v[0], ==, 1);
  g_assert_cmpint (v[1], ==, 924248);
  g_assert_cmpint (v[2], ==, 0);
  g_assert_cmpint (v[3], ==, 0);

  /* Totals equal the sums of `go tool pprof -raw` for each sample type. */
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 587585);
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 50361571);
  g_assert_cmpint (smolder_profile_get_total (p, 2), ==, 9998);
  g_assert_cmpint (smolder_profile_get_total (p, 3), ==, 8427579);
}

static void
test_fixture_totals_late (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("heap-debug1-11.txt");

  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 58);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 5806850);
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 480757257);
  g_assert_cmpint (smolder_profile_get_total (p, 2), ==, 47254);
  g_assert_cmpint (smolder_profile_get_total (p, 3), ==, 66459896);
}

static void
test_fixture_names (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("heap-debug1-11.txt");
  g_autofree char *f1 = NULL, *f2 = NULL, *f3 = NULL;
  guint unnamed = 0;

  f1 = frame_at (p, 0x68278d, 0);
  g_assert_cmpstr (f1, ==, "main.registerSession leaky/main.go:38");
  f2 = frame_at (p, 0x443467, 0);
  g_assert_cmpstr (f2, ==, "runtime.malg runtime/proc.go:4076");
  f3 = frame_at (p, 0x64ec0e, 0);
  g_assert_cmpstr (f3, ==, "regexp.(*bitState).reset regexp/backtrack.go:91");

  /* Every address that a "#" line of any record names is named; the others
   * (leading runtime frames Go hid everywhere, runtime.goexit) are bare. */
  {
    g_autofree char *path = g_build_filename (SMOLDER_TEST_DATA, "leaky-service", "series",
                                              "heap-debug1-11.txt", NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    for (guint i = 0; i < smolder_profile_get_n_locations (p); i++)
      {
        const SmolderLocation *loc = smolder_profile_get_location (p, i);
        g_autofree char *needle = g_strdup_printf ("#\t%#" G_GINT64_MODIFIER "x\t", loc->address);
        gboolean named_in_file = strstr (text, needle) != NULL;

        g_assert_cmpint (named_in_file, ==, loc->n_lines > 0);
        if (loc->n_lines == 0)
          unnamed++;
      }
  }
  /* runtime.goexit and the hidden map-growth frames 0x40faad 0x411378 0x414506. */
  g_assert_cmpuint (unnamed, >=, 4);
  g_assert_cmpuint (n_lines_at (p, 0x46b260), ==, 0);
  g_assert_cmpuint (n_lines_at (p, 0x40faad), ==, 0);

  /* One function per (name, file). */
  for (guint i = 0; i < smolder_profile_get_n_functions (p); i++)
    for (guint j = i + 1; j < smolder_profile_get_n_functions (p); j++)
      {
        const SmolderFunction *a = smolder_profile_get_function (p, i);
        const SmolderFunction *b = smolder_profile_get_function (p, j);

        g_assert_false (a->name == b->name && a->filename == b->filename);
      }
}

static void
test_fixture_memstats (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("heap-debug1-01.txt");
  const SmolderMemStats *ms = smolder_profile_get_memstats (p);

  g_assert_nonnull (ms);
  g_assert_cmpuint (ms->alloc, ==, 14521672);
  g_assert_cmpuint (ms->heap_objects, ==, 51370);
  g_assert_cmpuint (ms->stack_inuse, ==, 2850816);
  g_assert_cmpuint (ms->mspan_sys, ==, 260352);
  g_assert_cmpuint (ms->num_gc, ==, 17);
  g_assert_cmpuint (ms->pause_ns[16], ==, 72978);
  g_assert_true (ms->has_max_rss);
  g_assert_cmpuint (ms->max_rss, ==, 26996736);
}

static void
test_crlf (void)
{
  g_autofree char *path = g_build_filename (SMOLDER_TEST_DATA, "leaky-service", "series", "heap-debug1-01.txt", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *crlf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;
  g_autoptr(SmolderProfile) ref = decode_fixture ("heap-debug1-01.txt");
  g_autofree char *f1 = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  crlf = g_strjoinv ("\r\n", lines);
  p = decode_text (crlf, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, smolder_profile_get_n_samples (ref));
  g_assert_cmpuint (smolder_profile_get_n_locations (p), ==, smolder_profile_get_n_locations (ref));
  for (guint t = 0; t < 4; t++)
    g_assert_cmpint (smolder_profile_get_total (p, t), ==, smolder_profile_get_total (ref, t));
  f1 = frame_at (p, 0x6831bd, 0);
  g_assert_cmpstr (f1, ==, "main.main.func1.1 leaky/main.go:99");
  g_assert_nonnull (smolder_profile_get_memstats (p));
  g_assert_cmpuint (smolder_profile_get_memstats (p)->max_rss, ==, 26996736);
}

/* Values `go tool pprof -raw` prints for this file (Go 1.19.8): scaling,
 * negative in-use values, a zero alloc pair. */
static void
test_scaling (void)
{
  static const char text[] =
    "heap profile: 18: 1001308 [25: 123526790] @ heap/1048576\n"
    "3: 300 [7: 70000] @ 0x1001\n"
    "1: 1 [1: 1] @ 0x2001\n"
    "2: 1000000 [5: 123456789] @ 0x3001\n"
    "10: 7 [10: 7] @ 0x4001\n"
    "-1: -64 [2: 128] @ 0x5001\n"
    "3: 999 [0: 0] @ 0x6001\n";
  static const gint64 expected[][5] = {
    /* alloc_objects alloc_space inuse_objects inuse_space bytes */
    { 370, 3705127, 15730, 1573014, 100 },
    { 524288, 524288, 524288, 524288, 1 },
    { 5, 123456789, 3, 1626869, 500000 },
    { 7489833, 5242883, 7489833, 5242883, 0 },
    { 16385, 1048640, -8192, -524320, 64 },
    { 0, 0, 4724, 1573363, 333 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const gint64 *v = smolder_profile_get_sample_values (p, i);
      const SmolderLabel *labels;
      guint n;

      for (guint t = 0; t < 4; t++)
        g_assert_cmpint (v[t], ==, expected[i][t]);
      labels = smolder_profile_get_sample_labels (p, i, &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpint (labels[0].num, ==, expected[i][4]);
    }
}

static void
test_header_variants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) empty = NULL;
  g_autoptr(SmolderProfile) same = NULL;
  g_autoptr(SmolderProfile) v2 = NULL;
  g_autoptr(SmolderProfile) plain = NULL;

  /* Header only: in-use equals alloc, so pprof makes objects/space. */
  empty = decode_text ("heap profile: 0: 0 [0: 0] @ heap/1048576\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (empty), ==, 0);
  g_assert_cmpuint (smolder_profile_get_n_sample_types (empty), ==, 2);
  g_assert_cmpstr (type_name (empty, 0), ==, "objects");
  g_assert_cmpstr (type_name (empty, 1), ==, "space");
  g_assert_cmpint (smolder_profile_get_period (empty), ==, 524288);
  g_assert_cmpint (smolder_profile_get_kind (empty), ==, SMOLDER_PROFILE_KIND_HEAP);

  /* No alloc columns: values are the in-use pair, scaled. */
  same = decode_text ("heap profile: 1: 2 [1: 2] @ heap/2\n1: 2 [1: 2] @ 0x11\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_sample_types (same), ==, 2);
  g_assert_cmpint (smolder_profile_get_period (same), ==, 1);
  g_assert_cmpint (smolder_profile_get_sample_values (same, 0)[0], ==, 1);
  g_assert_cmpint (smolder_profile_get_sample_values (same, 0)[1], ==, 2);

  /* heap_v2/RATE keeps the rate as it is. */
  v2 = decode_text ("heap profile: 1: 2 [3: 4] @ heap_v2/524288\n1: 2 [3: 4] @ 0x11\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smolder_profile_get_period (v2), ==, 524288);
  g_assert_cmpint (smolder_profile_get_sample_values (v2, 0)[0], ==, 1179649);
  g_assert_cmpint (smolder_profile_get_sample_values (v2, 0)[3], ==, 524289);

  /* heapprofile: no scaling, period 1. */
  plain = decode_text ("heap profile: 1: 2 [3: 4] @ heapprofile\n1: 2 [3: 4] @ 0x11\n", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smolder_profile_get_period (plain), ==, 1);
  g_assert_cmpint (smolder_profile_get_sample_values (plain, 0)[0], ==, 3);
  g_assert_cmpint (smolder_profile_get_sample_values (plain, 0)[3], ==, 2);
}

static void
test_inlined_lines (void)
{
  static const char text[] =
    "heap profile: 1: 8 [1: 8] @ heap/1\n"
    "1: 8 [1: 8] @ 0x1001 0x2001 0x3001\n"
    "#\t0x1000\tpkg.inner+0x10\t\tpkg/a.go:3\n"
    "#\t0x1000\tpkg.outer+0x40\t\tpkg/a.go:10\n"
    "#\t0x2000\tmain.main+0x20\t\tmain.go:5\n"
    "\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text (text, NULL, &error);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_locations (p), ==, 3);
  g_assert_cmpuint (n_lines_at (p, 0x1000), ==, 2);
  a = frame_at (p, 0x1000, 0);
  b = frame_at (p, 0x1000, 1);
  c = frame_at (p, 0x2000, 0);
  g_assert_cmpstr (a, ==, "pkg.inner pkg/a.go:3");
  g_assert_cmpstr (b, ==, "pkg.outer pkg/a.go:10");
  g_assert_cmpstr (c, ==, "main.main main.go:5");
  /* runtime.goexit has no "#" line anywhere: address only. */
  g_assert_cmpuint (n_lines_at (p, 0x3000), ==, 0);
  g_assert_cmpuint (smolder_profile_get_n_functions (p), ==, 3);
}

/* Go hides leading runtime frames: an address named only in another record
 * still gets its name, and a partly hidden inline group gets all of it. */
static void
test_missing_lines (void)
{
  static const char text[] =
    "heap profile: 2: 16 [2: 16] @ heap/1\n"
    "1: 8 [1: 8] @ 0x1001 0x2001 0x5001\n"
    "#\t0x2000\tmain.f+0x20\t\tmain.go:5\n"
    "\n"
    "1: 8 [1: 8] @ 0x3001 0x1001 0x2001 0x5001\n"
    "#\t0x3000\tmain.g+0x1\t\tmain.go:1\n"
    "#\t0x1000\truntime.mallocgc+0x10\t\truntime/malloc.go:100\n"
    "#\t0x2000\truntime.inlined+0x20\t\truntime/x.go:9\n"
    "#\t0x2000\tmain.f+0x20\t\tmain.go:5\n"
    "\n"
    "1: 8 [1: 8] @ 0x2001 0x5001\n"
    "#\t0x2000\tmain.f+0x20\t\tmain.go:5\n"
    "\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text (text, NULL, &error);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  const guint32 *locs;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_locations (p), ==, 4);
  a = frame_at (p, 0x1000, 0);
  g_assert_cmpstr (a, ==, "runtime.mallocgc runtime/malloc.go:100");
  g_assert_cmpuint (n_lines_at (p, 0x2000), ==, 2);
  b = frame_at (p, 0x2000, 0);
  c = frame_at (p, 0x2000, 1);
  g_assert_cmpstr (b, ==, "runtime.inlined runtime/x.go:9");
  g_assert_cmpstr (c, ==, "main.f main.go:5");
  /* The same location in every sample. */
  locs = smolder_profile_get_sample_locations (p, 0, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmphex (smolder_profile_get_location (p, locs[0])->address, ==, 0x1000);
  g_assert_cmpuint (n_lines_at (p, 0x5000), ==, 0);
}

/* A function calling itself from one call site prints the same PC several
 * times in a row: that is recursion, not inlining. */
static void
test_recursion (void)
{
  static const char text[] =
    "heap profile: 2: 16 [2: 16] @ heap/1\n"
    "1: 8 [1: 8] @ 0x1001 0x1001 0x1001 0x2001\n"
    "#\t0x1000\tmain.walk+0x10\t\tmain.go:3\n"
    "#\t0x1000\tmain.walk+0x10\t\tmain.go:3\n"
    "#\t0x1000\tmain.walk+0x10\t\tmain.go:3\n"
    "#\t0x2000\tmain.main+0x20\t\tmain.go:9\n"
    "\n"
    "1: 8 [1: 8] @ 0x3001 0x3001 0x2001\n"
    "#\t0x3000\tmain.leaf+0x1\t\tmain.go:20\n"
    "#\t0x3000\tmain.rec+0x1\t\tmain.go:30\n"
    "#\t0x3000\tmain.leaf+0x1\t\tmain.go:20\n"
    "#\t0x3000\tmain.rec+0x1\t\tmain.go:30\n"
    "#\t0x2000\tmain.main+0x20\t\tmain.go:9\n"
    "\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text (text, NULL, &error);
  g_autofree char *a = NULL, *b = NULL;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (n_lines_at (p, 0x1000), ==, 1);
  g_assert_cmpuint (n_lines_at (p, 0x2000), ==, 1);
  g_assert_cmpuint (n_lines_at (p, 0x3000), ==, 2);
  a = frame_at (p, 0x3000, 0);
  b = frame_at (p, 0x3000, 1);
  g_assert_cmpstr (a, ==, "main.leaf main.go:20");
  g_assert_cmpstr (b, ==, "main.rec main.go:30");
  smolder_profile_get_sample_locations (p, 0, &n);
  g_assert_cmpuint (n, ==, 4);
}

static void
assert_error (const char *text,
              const char *fragment_1,
              const char *fragment_2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text (text, NULL, &error);

  g_assert_null (p);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
  if (strstr (error->message, fragment_1) == NULL || strstr (error->message, fragment_2) == NULL)
    g_error ("\"%s\" lacks \"%s\" or \"%s\"", error->message, fragment_1, fragment_2);
}

static void
test_errors (void)
{
  assert_error ("", "line 1", "heap profile");
  assert_error ("heap profile: x: 1 [1: 1] @ heap/2\n", "line 1", "heap profile: N");
  assert_error ("heap profile: 1: 1 [2: 2] @ growthz\n", "line 1", "@ heap/RATE");
  assert_error ("heap profile: 1: 1 [2: 2] @ heap/99999999999999999999\n", "line 1", "out of range");
  assert_error ("heap profile: 1: 1 [2: 2] @ heap/2\n1: x [1: 1] @ 0x1\n", "line 2", "expected a record");
  assert_error ("heap profile: 1: 1 [2: 2] @ heap/2\n\n1: 99999999999999999999 [1: 1] @ 0x1\n",
                "line 3", "expected a record");
  /* As pprof: a zero count with a non-zero size is an error. */
  assert_error ("heap profile: 1: 1 [2: 2] @ heap/2\n0: 5 [1: 5] @ 0x1\n",
                "line 2", "inuse count was 0 but inuse bytes was 5");
  assert_error ("heap profile: 1: 1 [2: 2] @ heap/2\n1: 5 [0: 5] @ 0x1\n",
                "line 2", "allocation count was 0 but allocation bytes was 5");
  assert_error ("heap profile: 1: 1 [2: 2] @ heap/2\n1: 5 [1: 5] @ 0x1 zz\n", "line 2", "hexadecimal address");
  assert_error ("heap profile: 1: 1 [2: 2] @ heap/2\n1: 5 [1: 5] @ 0x11111111111111111\n", "line 2", "hexadecimal");
}

/* pprof reads the MemStats block as comments: a damaged one loses only
 * itself, and a comment says why. */
static void
test_bad_memstats (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text ("heap profile: 1: 1 [2: 2] @ heap/2\n1: 5 [1: 5] @ 0x1\n\n"
                                             "# runtime.MemStats\n# Alloc = many\n", NULL, &error);
  const char *comment;

  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 1);
  g_assert_null (smolder_profile_get_memstats (p));
  g_assert_cmpuint (smolder_profile_get_n_comments (p), ==, 1);
  comment = smolder_profile_get_comment (p, 0);
  g_assert_nonnull (strstr (comment, "line 4"));
  g_assert_nonnull (strstr (comment, "Alloc: expected an unsigned integer"));
}

static void
test_limits (void)
{
  SmolderLimits limits = *smolder_limits_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;

  limits.max_line_bytes = 40;
  p = decode_text ("heap profile: 1: 1 [2: 2] @ heap/2\n1: 5 [1: 5] @ 0x1 0x2 0x3 0x4 0x5 0x6 0x7\n",
                   &limits, &error);
  g_assert_null (p);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);

  limits = *smolder_limits_get_default ();
  limits.max_stack_depth = 3;
  p = decode_text ("heap profile: 1: 1 [2: 2] @ heap/2\n1: 5 [1: 5] @ 0x1 0x2 0x3 0x4\n", &limits, &error);
  g_assert_null (p);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "deeper"));
}

static void
assert_same_array (GArray *a,
                   GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpuint (g_array_get_element_size (a), ==, g_array_get_element_size (b));
  if (a->len > 0)
    g_assert_cmpmem (a->data, (gsize) a->len * g_array_get_element_size (a),
                     b->data, (gsize) b->len * g_array_get_element_size (b));
}

/* Field by field: the structs have padding. */
static void
assert_same_tables (SmolderProfile *a,
                    SmolderProfile *b)
{
  g_assert_cmpuint (a->functions->len, ==, b->functions->len);
  for (guint i = 0; i < a->functions->len; i++)
    {
      const SmolderFunction *x = &g_array_index (a->functions, SmolderFunction, i);
      const SmolderFunction *y = &g_array_index (b->functions, SmolderFunction, i);
      g_assert_cmpuint (x->name, ==, y->name);
      g_assert_cmpuint (x->system_name, ==, y->system_name);
      g_assert_cmpuint (x->filename, ==, y->filename);
      g_assert_cmpint (x->start_line, ==, y->start_line);
    }
  g_assert_cmpuint (a->locations->len, ==, b->locations->len);
  for (guint i = 0; i < a->locations->len; i++)
    {
      const SmolderLocation *x = &g_array_index (a->locations, SmolderLocation, i);
      const SmolderLocation *y = &g_array_index (b->locations, SmolderLocation, i);
      g_assert_cmpuint (x->address, ==, y->address);
      g_assert_cmpuint (x->mapping, ==, y->mapping);
      g_assert_cmpuint (x->first_line, ==, y->first_line);
      g_assert_cmpuint (x->n_lines, ==, y->n_lines);
    }
  g_assert_cmpuint (a->lines->len, ==, b->lines->len);
  for (guint i = 0; i < a->lines->len; i++)
    {
      const SmolderLine *x = &g_array_index (a->lines, SmolderLine, i);
      const SmolderLine *y = &g_array_index (b->lines, SmolderLine, i);
      g_assert_cmpuint (x->function, ==, y->function);
      g_assert_cmpint (x->line, ==, y->line);
      g_assert_cmpint (x->column, ==, y->column);
    }
  g_assert_cmpuint (a->labels->len, ==, b->labels->len);
  for (guint i = 0; i < a->labels->len; i++)
    {
      const SmolderLabel *x = &g_array_index (a->labels, SmolderLabel, i);
      const SmolderLabel *y = &g_array_index (b->labels, SmolderLabel, i);
      g_assert_cmpuint (x->key, ==, y->key);
      g_assert_cmpuint (x->str, ==, y->str);
      g_assert_cmpuint (x->num_unit, ==, y->num_unit);
      g_assert_cmpint (x->num, ==, y->num);
    }
}

/* Large inputs are read as two halves on two threads and merged; the result
 * must be the very model a single pass makes: same ids, same order. */
static void
test_split_equals_one_pass (void)
{
  for (guint n = 0; n < 12; n++)
    {
      g_autofree char *name = g_strdup_printf ("heap-debug1-%02u.txt", n);
      g_autoptr(SmolderProfile) whole = NULL;
      g_autoptr(SmolderProfile) split = NULL;

      /* "" means the default threshold (8 MB: these files are read in one pass). */
      g_setenv ("SMOLDER_TEXT_SPLIT_BYTES", "", TRUE);
      whole = decode_fixture (name);
      g_setenv ("SMOLDER_TEXT_SPLIT_BYTES", "1", TRUE);
      split = decode_fixture (name);
      g_setenv ("SMOLDER_TEXT_SPLIT_BYTES", "", TRUE);

      g_assert_cmpuint (whole->strings->len, ==, split->strings->len);
      for (guint i = 0; i < whole->strings->len; i++)
        g_assert_cmpstr (whole->strings->pdata[i], ==, split->strings->pdata[i]);
      assert_same_array (whole->sample_types, split->sample_types);
      assert_same_tables (whole, split);
      assert_same_array (whole->sample_loc_offsets, split->sample_loc_offsets);
      assert_same_array (whole->sample_locs, split->sample_locs);
      assert_same_array (whole->values, split->values);
      assert_same_array (whole->sample_label_offsets, split->sample_label_offsets);
      g_assert_nonnull (whole->memstats);
      g_assert_nonnull (split->memstats);
      g_assert_cmpuint (whole->memstats->heap_alloc, ==, split->memstats->heap_alloc);
      g_assert_cmpmem (whole->memstats->pause_ns, sizeof whole->memstats->pause_ns,
                       split->memstats->pause_ns, sizeof split->memstats->pause_ns);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/text-heap/fixture-values", test_fixture_values);
  g_test_add_func ("/smolder/text-heap/fixture-totals-late", test_fixture_totals_late);
  g_test_add_func ("/smolder/text-heap/fixture-names", test_fixture_names);
  g_test_add_func ("/smolder/text-heap/fixture-memstats", test_fixture_memstats);
  g_test_add_func ("/smolder/text-heap/crlf", test_crlf);
  g_test_add_func ("/smolder/text-heap/scaling", test_scaling);
  g_test_add_func ("/smolder/text-heap/header-variants", test_header_variants);
  g_test_add_func ("/smolder/text-heap/inlined-lines", test_inlined_lines);
  g_test_add_func ("/smolder/text-heap/missing-lines", test_missing_lines);
  g_test_add_func ("/smolder/text-heap/recursion", test_recursion);
  g_test_add_func ("/smolder/text-heap/errors", test_errors);
  g_test_add_func ("/smolder/text-heap/bad-memstats", test_bad_memstats);
  g_test_add_func ("/smolder/text-heap/limits", test_limits);
  g_test_add_func ("/smolder/text-heap/split-equals-one-pass", test_split_equals_one_pass);

  return g_test_run ();
}
