/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fleet.c: the Prometheus API's answers as real servers write them, and
 * the fleet ranking on series whose shape is known. No network. */
#include <math.h>

#include "smolder-fleet.h"
#include "smolder-prom-parse.h"

/* What Prometheus 2.42 answers to a query_range (values as strings, times as
 * numbers with or without a fraction) and to a query it refuses. */
static void
test_parse_matrix (void)
{
  const char *json =
    "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
    "{\"metric\":{\"__name__\":\"go_goroutines\",\"instance\":\"10.0.0.1:8080\",\"job\":\"api\"},"
    "\"values\":[[1700000000,\"12\"],[1700000001.5,\"13\"],[1700000003,\"NaN\"]]}]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = smolder_prom_parse_result (json, strlen (json), &error);
  SmolderPromSeries *s;

  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 1);
  s = g_ptr_array_index (series, 0);
  g_assert_cmpstr (smolder_prom_series_label (s, "instance"), ==, "10.0.0.1:8080");
  g_assert_cmpstr (smolder_prom_series_label (s, "job"), ==, "api");
  g_assert_cmpuint (s->n, ==, 3);
  g_assert_cmpint (s->t_ms[0], ==, G_GINT64_CONSTANT (1700000000000));
  g_assert_cmpint (s->t_ms[1], ==, G_GINT64_CONSTANT (1700000001500));
  g_assert_cmpfloat (s->v[1], ==, 13.0);
  g_assert_true (isnan (s->v[2]));
}

static void
test_parse_vector_and_scalar (void)
{
  const char *vector =
    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
    "{\"metric\":{\"instance\":\"a:1\"},\"value\":[1700000000.25,\"1.5e+06\"]}]}}";
  const char *scalar = "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000,\"7\"]}}";
  g_autoptr(GPtrArray) v = smolder_prom_parse_result (vector, strlen (vector), NULL);
  g_autoptr(GPtrArray) s = smolder_prom_parse_result (scalar, strlen (scalar), NULL);

  g_assert_nonnull (v);
  g_assert_cmpfloat (((SmolderPromSeries *) v->pdata[0])->v[0], ==, 1.5e6);
  g_assert_cmpint (((SmolderPromSeries *) v->pdata[0])->t_ms[0], ==, G_GINT64_CONSTANT (1700000000250));
  g_assert_nonnull (s);
  g_assert_cmpfloat (((SmolderPromSeries *) s->pdata[0])->v[0], ==, 7.0);
}

static void
test_parse_errors (void)
{
  const char *refused = "{\"status\":\"error\",\"errorType\":\"bad_data\","
                        "\"error\":\"invalid parameter \\\"query\\\": 1:9: parse error: unexpected <EOF>\"}";
  const char *timeout = "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}";
  const char *not_api[] = { "<html><body>Grafana</body></html>", "{\"hello\":1}", "[]",
                            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"values\":[[1,2]]}]}}",
                            "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[]}}" };
  g_autoptr(GError) error = NULL;

  g_assert_null (smolder_prom_parse_result (refused, strlen (refused), &error));
  g_assert_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_BAD_QUERY);
  g_assert_nonnull (strstr (error->message, "parse error: unexpected <EOF>"));
  g_clear_error (&error);
  g_assert_null (smolder_prom_parse_result (timeout, strlen (timeout), &error));
  g_assert_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_UNAVAILABLE);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (not_api); i++)
    {
      g_assert_null (smolder_prom_parse_result (not_api[i], strlen (not_api[i]), &error));
      g_assert_error (error, SMOLDER_PROM_ERROR, SMOLDER_PROM_ERROR_NOT_PROMETHEUS);
      g_clear_error (&error);
    }
}

static void
test_parse_targets (void)
{
  const char *json =
    "{\"status\":\"success\",\"data\":{\"activeTargets\":["
    "{\"labels\":{\"instance\":\"a:1\",\"job\":\"api\"},\"scrapeUrl\":\"https://a:1/metrics\","
    "\"lastError\":\"\",\"health\":\"up\"},"
    "{\"labels\":{\"job\":\"broken\"},\"health\":\"down\"},"
    "{\"labels\":{\"instance\":\"b:2\",\"job\":\"api\"},\"scrapeUrl\":\"http://b:2/metrics\","
    "\"lastError\":\"connection refused\",\"health\":\"down\"}],\"droppedTargets\":[]}}";
  g_autoptr(GPtrArray) t = smolder_prom_parse_targets (json, strlen (json), NULL);
  SmolderPromTarget *down;

  g_assert_nonnull (t);
  /* The one without an instance label cannot be ranked: left out. */
  g_assert_cmpuint (t->len, ==, 2);
  down = g_ptr_array_index (t, 1);
  g_assert_cmpstr (down->instance, ==, "b:2");
  g_assert_cmpstr (down->health, ==, "down");
  g_assert_cmpstr (down->last_error, ==, "connection refused");
}

/* A matrix series of @n points a second apart ending at @end_ms. */
static SmolderPromSeries *
make_series (const char *instance,
             gint64      end_ms,
             guint       n,
             double    (*shape) (guint i))
{
  SmolderPromSeries *s = g_new0 (SmolderPromSeries, 1);

  s->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (s->labels, g_strdup ("instance"), g_strdup (instance));
  g_hash_table_insert (s->labels, g_strdup ("job"), g_strdup ("api"));
  s->n = n;
  s->t_ms = g_new (gint64, n);
  s->v = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      s->t_ms[i] = end_ms - (gint64) (n - 1 - i) * 1000;
      s->v[i] = shape (i);
    }
  return s;
}

/* 120 s of data: the first 60 the baseline, the last 60 the range ranked. */
static double leak (guint i) { return 50e6 + (i >= 60 ? (i - 60) * 1e6 : 0); }
static double saw (guint i) { return 40e6 + (i % 10) * 3e6; }
static double flat (guint i) { return 30e6; }
static double big_flat (guint i) { return 900e6; }

static void
test_rank (void)
{
  const gint64 end = G_GINT64_CONSTANT (1700000120000);
  g_autoptr(GPtrArray) heap = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_prom_series_free);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(SmolderFleetRanking) r = NULL;
  SmolderPromTarget dead = { "api", "d:4", "down", "refused", "http://d:4/metrics" };
  SmolderFleetInstance *first, *last;

  g_ptr_array_add (heap, make_series ("big:1", end, 120, big_flat));
  g_ptr_array_add (heap, make_series ("saw:2", end, 120, saw));
  g_ptr_array_add (heap, make_series ("leak:3", end, 120, leak));
  g_ptr_array_add (heap, make_series ("flat:5", end, 120, flat));
  g_ptr_array_add (targets, &dead);
  r = smolder_fleet_rank (targets, heap, NULL, NULL, NULL, NULL, NULL, end - 59000, end);

  g_assert_cmpuint (r->instances->len, ==, 5);
  first = g_ptr_array_index (r->instances, 0);
  last = g_ptr_array_index (r->instances, 4);
  /* The leak first though the largest heap is another's; the sawtooth and the
   * flat heaps are no steady growers; the target that is down comes last. */
  g_assert_cmpstr (first->instance, ==, "leak:3");
  g_assert_true (first->steady);
  g_assert_cmpfloat_with_epsilon (first->heap_growth, 60e6, 1e3);
  g_assert_cmpint (first->heap_inuse, ==, 109000000);
  g_assert_true (first->above_baseline);
  for (guint i = 1; i < 4; i++)
    {
      SmolderFleetInstance *other = g_ptr_array_index (r->instances, i);

      g_assert_false (other->steady);
      g_assert_false (other->above_baseline);
    }
  g_assert_cmpstr (last->instance, ==, "d:4");
  g_assert_cmpstr (last->health, ==, "down");
  g_assert_cmpstr (last->pprof_url, ==, "http://d:4/debug/pprof/");
  g_assert_cmpint (last->heap_inuse, ==, -1);
}

static void
test_matcher_and_step (void)
{
  g_autofree char *m = smolder_fleet_label_matcher ("instance", "=", "a\"b\\c");

  g_assert_cmpstr (m, ==, "instance=\"a\\\"b\\\\c\"");
  /* ≥ 1 s, whole seconds, and never more points than asked for. */
  g_assert_cmpint (smolder_fleet_step_ms (60000, 500), ==, 1000);
  g_assert_cmpint (smolder_fleet_step_ms (7 * 86400000LL, 11000), ==, 55000);
  g_assert_cmpint (7 * 86400000LL / smolder_fleet_step_ms (7 * 86400000LL, 11000), <=, 11000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fleet/parse/matrix", test_parse_matrix);
  g_test_add_func ("/fleet/parse/vector-scalar", test_parse_vector_and_scalar);
  g_test_add_func ("/fleet/parse/errors", test_parse_errors);
  g_test_add_func ("/fleet/parse/targets", test_parse_targets);
  g_test_add_func ("/fleet/rank", test_rank);
  g_test_add_func ("/fleet/matcher-step", test_matcher_and_step);
  return g_test_run ();
}
