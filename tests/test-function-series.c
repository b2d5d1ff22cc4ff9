/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-function-series.c: the live page's top functions: each snapshot's
 * summary (values from `go tool pprof -top -nodefraction=0`, written down by
 * hand below), its JSON in session.json, and the series chosen from them
 * (top ten of the newest, pins, points left out where a value is unknown). */
#include "smolder-function-series.h"
#include "smolder-live-error.h"
#include "smolder-load.h"

static SmolderProfile *
load (const char *name)
{
  g_autofree char *path = g_build_filename (SMOLDER_TEST_DATA, "live", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SmolderProfile *profile = smolder_profile_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return profile;
}

static void
assert_function (const GArray *functions,
                 guint         i,
                 const char   *name,
                 gint64        value)
{
  const SmolderLiveFunction *f = &g_array_index (functions, SmolderLiveFunction, i);

  g_assert_cmpstr (f->name, ==, name);
  g_assert_true (f->name == g_intern_string (name));
  g_assert_cmpint (f->value, ==, value);
}

/* go tool pprof -top -nodefraction=0 -sample_index=inuse_space -unit=B gin-heap.pb.gz:
 * five functions with a flat value; go tool pprof -top gin-goroutine.pb.gz: three. */
static void
test_compute (void)
{
  g_autoptr(SmolderProfile) heap = load ("gin-heap.pb.gz");
  g_autoptr(SmolderProfile) goroutine = load ("gin-goroutine.pb.gz");
  g_autoptr(GArray) h = NULL;
  g_autoptr(GArray) g = NULL;
  gboolean all = FALSE;
  gint64 v;

  h = smolder_live_functions_compute (heap, &all);
  g_assert_nonnull (h);
  g_assert_true (all);
  g_assert_cmpuint (h->len, ==, 5);
  assert_function (h, 0, "regexp.makeOnePass.func1", 1048608);
  assert_function (h, 1, "regexp.onePassCopy", 533557);
  assert_function (h, 2, "main.(*Leaker).Login", 532522);
  assert_function (h, 3, "runtime.allocm", 524800);
  assert_function (h, 4, "text/template/parse.(*Tree).newList", 524312);
  /* Listed: its value; missing from a complete list: 0. */
  g_assert_true (smolder_live_functions_lookup (h, TRUE, "runtime.allocm", &v));
  g_assert_cmpint (v, ==, 524800);
  g_assert_true (smolder_live_functions_lookup (h, TRUE, "main.main", &v));
  g_assert_cmpint (v, ==, 0);
  /* Missing from a cut list: unknown. */
  g_assert_false (smolder_live_functions_lookup (h, FALSE, "main.main", &v));

  all = FALSE;
  g = smolder_live_functions_compute (goroutine, &all);
  g_assert_true (all);
  g_assert_cmpuint (g->len, ==, 3);
  assert_function (g, 0, "runtime.gopark", 311);
  assert_function (g, 1, "syscall.Syscall", 2);
  assert_function (g, 2, "runtime.goroutineProfileWithLabels", 1);
}

static void
test_json (void)
{
  g_autoptr(SmolderLiveSnapshot) s = smolder_live_snapshot_new ("heap", 3, 1000);
  g_autoptr(SmolderLiveSnapshot) back = NULL;
  g_autoptr(SmolderProfile) heap = load ("gin-heap.pb.gz");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const char * const bad[] = {
    "{\"profile\":\"heap\",\"seq\":1,\"time_ms\":1,\"files\":[],\"summary\":{\"functions\":{\"all\":true,\"top\":[[\"f\",\"x\"]]}}}",
    "{\"profile\":\"heap\",\"seq\":1,\"time_ms\":1,\"files\":[],\"summary\":{\"functions\":{\"all\":1,\"top\":[]}}}",
    "{\"profile\":\"heap\",\"seq\":1,\"time_ms\":1,\"files\":[],\"summary\":{\"functions\":{\"all\":true,\"top\":[[\"f\"]]}}}",
    "{\"profile\":\"heap\",\"seq\":1,\"time_ms\":1,\"files\":[],\"summary\":{\"functions\":[]}}",
  };

  smolder_live_summary_add_profile (&s->summary, heap);
  node = smolder_live_snapshot_to_json (s);
  back = smolder_live_snapshot_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back->summary.functions);
  g_assert_true (back->summary.functions_all);
  g_assert_cmpuint (back->summary.functions->len, ==, 5);
  assert_function (back->summary.functions, 2, "main.(*Leaker).Login", 532522);

  /* A session.json edited by hand: an error, never a crash. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SmolderLiveSnapshot) none = NULL;

      g_assert_true (json_parser_load_from_data (parser, bad[i], -1, NULL));
      none = smolder_live_snapshot_from_json (json_parser_get_root (parser), &error);
      g_assert_null (none);
      g_assert_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION);
      g_clear_error (&error);
    }
}

/* A snapshot of @profile at @time_ms with functions f<first>..f<first+n-1>
 * valued (100 - index) * 10. */
static SmolderLiveSnapshot *
fake (const char *profile,
      gint64      time_ms,
      guint       first,
      guint       n,
      gboolean    all)
{
  SmolderLiveSnapshot *s = smolder_live_snapshot_new (profile, time_ms / 1000, time_ms);

  s->summary.functions = g_array_new (FALSE, FALSE, sizeof (SmolderLiveFunction));
  s->summary.functions_all = all;
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *name = g_strdup_printf ("main.f%u", i);
      SmolderLiveFunction f = { g_intern_string (name), (100 - i) * 10 };

      g_array_append_val (s->summary.functions, f);
    }
  return s;
}

static guint
find (SmolderFunctionSeries *fs,
      const char            *name)
{
  return smolder_function_series_find (fs, SMOLDER_FUNCTION_KIND_HEAP, name);
}

static void
test_series (void)
{
  g_autoptr(SmolderFunctionSeries) fs = smolder_function_series_new ();
  g_autoptr(SmolderLiveSnapshot) a = fake ("heap", 1000, 0, 15, TRUE);
  g_autoptr(SmolderLiveSnapshot) b = fake ("heap", 2000, 2, 12, FALSE);
  g_autoptr(SmolderLiveSnapshot) c = fake ("heap", 3000, 2, 5, TRUE);
  g_autoptr(SmolderLiveSnapshot) g = fake ("goroutine", 1500, 40, 3, TRUE);
  g_autoptr(SmolderLiveSnapshot) cpu = fake ("cpu", 1700, 0, 3, TRUE);
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_live_snapshot_free);
  SmolderSeries *model;
  SmolderFunctionKind kind;
  guint s;

  smolder_function_series_add_snapshot (fs, a);
  model = smolder_function_series_get_model (fs);
  /* The ten largest of the newest snapshot, largest first. */
  g_assert_cmpuint (smolder_series_get_n_series (model), ==, SMOLDER_FUNCTION_SERIES_TOP);
  g_assert_cmpuint (find (fs, "main.f0"), ==, 0);
  g_assert_cmpuint (find (fs, "main.f9"), ==, 9);
  g_assert_cmpuint (find (fs, "main.f10"), ==, SMOLDER_SERIES_NONE);
  g_assert_cmpfloat (smolder_series_get_value (model, 9, 0), ==, 910);
  g_assert_cmpuint (smolder_series_get_unit (model, 0), ==, SMOLDER_SERIES_UNIT_BYTES);

  /* Pinned beyond the top: its history is there at once. */
  g_assert_true (smolder_function_series_set_pinned (fs, SMOLDER_FUNCTION_KIND_HEAP, "main.f12", TRUE));
  model = smolder_function_series_get_model (fs);
  s = find (fs, "main.f12");
  g_assert_cmpuint (s, ==, 10);
  g_assert_cmpstr (smolder_series_get_name (model, s), ==, "\u2022 main.f12");
  g_assert_cmpuint (smolder_series_get_n_points (model, s), ==, 1);
  g_assert_cmpfloat (smolder_series_get_value (model, s, 0), ==, 880);

  /* Goroutines: a panel of their own, after the heap's series; a CPU
   * snapshot is not charted. */
  smolder_function_series_add_snapshot (fs, g);
  smolder_function_series_add_snapshot (fs, cpu);
  model = smolder_function_series_get_model (fs);
  s = smolder_function_series_find (fs, SMOLDER_FUNCTION_KIND_GOROUTINE, "main.f40");
  g_assert_cmpuint (s, ==, 11);
  g_assert_cmpstr (smolder_function_series_get_function (fs, s, &kind), ==, "main.f40");
  g_assert_cmpint (kind, ==, SMOLDER_FUNCTION_KIND_GOROUTINE);
  g_assert_cmpuint (smolder_series_get_unit (model, s), ==, SMOLDER_SERIES_UNIT_COUNT);
  g_assert_cmpuint (smolder_series_get_group (model, s), !=, smolder_series_get_group (model, 0));
  g_assert_cmpuint (smolder_series_get_n_series (model), ==, 14);

  /* b: f2..f13 of a longer list. f0 and f1 leave the top (not pinned:
   * gone); f12 is listed; f14 is below b's cut. */
  smolder_function_series_add_snapshot (fs, b);
  model = smolder_function_series_get_model (fs);
  g_assert_cmpuint (find (fs, "main.f0"), ==, SMOLDER_SERIES_NONE);
  g_assert_cmpuint (find (fs, "main.f2"), ==, 0);
  s = find (fs, "main.f12");
  g_assert_cmpuint (smolder_series_get_n_points (model, s), ==, 2);
  g_assert_cmpfloat (smolder_series_get_value (model, s, 1), ==, 880);
  /* f2 was in a (complete) and b: two points. */
  g_assert_cmpuint (smolder_series_get_n_points (model, 0), ==, 2);

  /* c: a complete list of f2..f6: f7 (in the top of b? no: the top is c's
   * now) and pinned f12 are 0 there, not left out. */
  smolder_function_series_add_snapshot (fs, c);
  model = smolder_function_series_get_model (fs);
  g_assert_cmpuint (smolder_series_get_n_series (model), ==, 5 + 1 + 3);
  s = find (fs, "main.f12");
  g_assert_cmpuint (smolder_series_get_n_points (model, s), ==, 3);
  g_assert_cmpfloat (smolder_series_get_value (model, s, 2), ==, 0);

  /* Two functions swapping ranks: the same series, one more point each. */
  {
    SmolderLiveSnapshot *d = fake ("heap", 4000, 2, 5, TRUE);
    SmolderLiveFunction *f = (SmolderLiveFunction *) d->summary.functions->data;
    SmolderLiveFunction first = f[0];

    f[0] = f[1];
    f[1] = first;
    f[1].value = 1;
    g_ptr_array_add (extra, d);
    smolder_function_series_add_snapshot (fs, d);
    g_assert_true (smolder_function_series_get_model (fs) == model);
    g_assert_cmpuint (find (fs, "main.f2"), ==, 0);
    g_assert_cmpuint (smolder_series_get_n_points (model, 0), ==, 4);
    g_assert_cmpfloat (smolder_series_get_value (model, 0, 3), ==, 1);
  }

  /* The same snapshot again (a page replaying its session): ignored. */
  smolder_function_series_add_snapshot (fs, c);
  g_assert_cmpuint (smolder_series_get_n_points (smolder_function_series_get_model (fs), s), ==, 4);

  /* At most SMOLDER_FUNCTION_SERIES_MAX_PINNED pins. */
  for (guint i = 0; i < SMOLDER_FUNCTION_SERIES_MAX_PINNED - 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("main.f%u", 60 + i);

      g_assert_true (smolder_function_series_set_pinned (fs, SMOLDER_FUNCTION_KIND_HEAP, name, TRUE));
    }
  g_assert_false (smolder_function_series_set_pinned (fs, SMOLDER_FUNCTION_KIND_GOROUTINE, "main.f99", TRUE));
  g_assert_true (smolder_function_series_set_pinned (fs, SMOLDER_FUNCTION_KIND_HEAP, "main.f12", FALSE));
  g_assert_cmpuint (find (fs, "main.f12"), ==, SMOLDER_SERIES_NONE);
  g_assert_cmpuint (smolder_series_get_n_series (smolder_function_series_get_model (fs)), <=, 32);
}

/* A 10-minute watch at 0.2 s: 3,000 heap snapshots of 50 functions each.
 * Rebuilding the chart (what a new function in the top ten costs the main
 * thread) is timed and printed; the points must all be there. */
static void
test_rebuild_cost (void)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_live_snapshot_free);
  g_autoptr(SmolderFunctionSeries) fs = smolder_function_series_new ();
  gint64 t0;
  double ms;

  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (snapshots, fake ("heap", 1000 + 200 * (gint64) i, 0, 50, FALSE));
  for (guint i = 0; i < snapshots->len; i++)
    smolder_function_series_add_snapshot (fs, g_ptr_array_index (snapshots, i));
  t0 = g_get_monotonic_time ();
  g_assert_true (smolder_function_series_set_pinned (fs, SMOLDER_FUNCTION_KIND_HEAP, "main.f40", TRUE));
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_test_message ("rebuild of %u series over 3000 snapshots: %.1f ms",
                  smolder_series_get_n_series (smolder_function_series_get_model (fs)), ms);
  g_assert_cmpuint (smolder_series_get_n_points (smolder_function_series_get_model (fs),
                                                 find (fs, "main.f40")), ==, 3000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/live/functions/compute", test_compute);
  g_test_add_func ("/live/functions/json", test_json);
  g_test_add_func ("/live/functions/series", test_series);
  g_test_add_func ("/live/functions/rebuild-cost", test_rebuild_cost);
  return g_test_run ();
}
