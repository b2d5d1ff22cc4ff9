/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-trends.c: the leak-suspect fit, ranking and patterns on hand-built
 * series whose slopes and scores are worked out by hand in the comments. */

#include "aggregation-builder.h"
#include "smolder-trends.h"

#include <math.h>

#define N_OF(a) G_N_ELEMENTS (a)

static void
test_fit_linear (void)
{
  /* y = 100 t + 100: slope 100/min, a perfect line, every interval rising. */
  double t[] = { 0, 1, 2, 3, 4 };
  gint64 y[] = { 100, 200, 300, 400, 500 };
  SmolderTrendFit fit;

  smolder_trend_fit (t, y, N_OF (t), &fit);
  g_assert_cmpfloat_with_epsilon (fit.slope, 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fit.r2, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fit.rose, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fit.persistence, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (fit.steadiness, 1.0, 1e-9);
  g_assert_cmpint (fit.first, ==, 100);
  g_assert_cmpint (fit.last, ==, 500);
}

static void
test_fit_uneven_times (void)
{
  /* t = 0, 0.5, 2, 3 (mean 1.375), y = 0, 10, 20, 60 (mean 22.5):
   * Sxx = 1.890625 + 0.765625 + 0.390625 + 2.640625 = 5.6875
   * Sxy = 30.9375 + 10.9375 - 1.5625 + 60.9375 = 101.25
   * slope = 101.25 / 5.6875 = 17.802197... per minute. */
  double t[] = { 0, 0.5, 2, 3 };
  gint64 y[] = { 0, 10, 20, 60 };
  SmolderTrendFit fit;

  smolder_trend_fit (t, y, N_OF (t), &fit);
  g_assert_cmpfloat_with_epsilon (fit.slope, 101.25 / 5.6875, 1e-9);
  g_assert_cmpfloat_with_epsilon (fit.rose, 1.0, 1e-9);
}

static void
test_fit_flat (void)
{
  double t[] = { 0, 1, 2, 3 };
  gint64 y[] = { 5, 5, 5, 5 };
  SmolderTrendFit fit;

  smolder_trend_fit (t, y, N_OF (t), &fit);
  g_assert_cmpfloat (fit.slope, ==, 0.0);
  g_assert_cmpint (fit.last - fit.first, ==, 0);
  g_assert_cmpfloat (fit.steadiness, ==, 0.0);
}

static void
test_fit_fill_then_flat (void)
{
  /* A cache filling for 4 minutes, flat for 7: the later half (t >= 5.5)
   * has slope 0, so persistence 0 and steadiness 0, though its line fits
   * fairly and it rose in 4 of 11 intervals. The same growth spread evenly
   * scores 1. */
  double t[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
  gint64 fill[] = { 0, 100, 200, 300, 400, 400, 400, 400, 400, 400, 400, 400 };
  gint64 line[] = { 0, 36, 73, 109, 145, 182, 218, 255, 291, 327, 364, 400 };
  SmolderTrendFit a, b;

  smolder_trend_fit (t, fill, N_OF (t), &a);
  smolder_trend_fit (t, line, N_OF (t), &b);
  g_assert_cmpfloat (a.slope, >, 0.0);
  g_assert_cmpfloat (a.r2, >, 0.5);
  g_assert_cmpfloat_with_epsilon (a.rose, 4.0 / 11.0, 1e-9);
  g_assert_cmpfloat (a.persistence, ==, 0.0);
  g_assert_cmpfloat (a.steadiness, <, SMOLDER_TRENDS_STEADY);
  g_assert_cmpfloat (b.steadiness, >, 0.99);
  g_assert_cmpfloat (a.steadiness, <, b.steadiness);
}

static void
test_fit_come_and_go (void)
{
  /* Large buffers present in some snapshots only: rose in 4 of 11
   * intervals, a poor line. */
  double t[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
  gint64 y[] = { 0, 1000, 0, 0, 1000, 0, 1000, 0, 0, 1000, 0, 1000 };
  SmolderTrendFit fit;

  smolder_trend_fit (t, y, N_OF (t), &fit);
  g_assert_cmpfloat (fit.r2, <, 0.2);
  g_assert_cmpfloat (fit.steadiness, <, SMOLDER_TRENDS_STEADY);
}

static void
test_fit_slow_leak (void)
{
  /* A leak too slow to rise in every interval: 0,0,1,1,2,2,3,3,4,4 rises in
   * 4 of 9 intervals but fits well (r2 = 0.9697) and still grows at the end:
   * steadiness = 0.7 * 0.9697 + 0.3 * 4/9 = 0.812. */
  double t[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  gint64 y[] = { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4 };
  SmolderTrendFit fit;

  smolder_trend_fit (t, y, N_OF (t), &fit);
  g_assert_cmpfloat_with_epsilon (fit.r2, 0.96970, 1e-4);
  g_assert_cmpfloat_with_epsilon (fit.steadiness, 0.7 * 0.96970 + 0.3 * 4.0 / 9.0, 1e-4);
  g_assert_cmpfloat (fit.steadiness, >=, SMOLDER_TRENDS_STEADY);
}

/* A heap snapshot at @minute with three stacks under main.main: a leak
 * growing 1000 bytes a minute, a cache that fills by minute 1, and a buffer
 * of 50000 bytes present every other snapshot. tb_sample gives the first
 * type (inuse_objects) the value and inuse_space ten times it. */
static SmolderProfile *
heap_snapshot (int minute)
{
  SmolderProfile *p = tb_new ("inuse_objects/count", "inuse_space/bytes", NULL);
  guint32 main_fn = tb_simple (p, "main.main");
  guint32 leak = tb_simple (p, "main.leak");
  guint32 cache = tb_simple (p, "main.cache");
  guint32 buf = tb_simple (p, "runtime.makeslice");
  guint32 bufcaller = tb_simple (p, "main.buffers");

  p->time_nanos = G_GINT64_CONSTANT (1700000000000000000) + (gint64) minute * 60 * G_GINT64_CONSTANT (1000000000);
  tb_sample (p, 100 * minute + 10, leak, main_fn, END);
  tb_sample (p, minute >= 1 ? 3000 : 0, cache, main_fn, END);
  tb_sample (p, minute % 2 ? 5000 : 0, buf, bufcaller, main_fn, END);
  /* The same function stack again (another object size): merged. */
  tb_sample (p, 5, leak, main_fn, END);
  tb_seal (p);
  return p;
}

static SmolderTrends *
heap_trends (guint n)
{
  SmolderTrends *trends = smolder_trends_new (NULL);
  g_autoptr(GError) error = NULL;

  /* Added out of order: the times order them. */
  for (guint i = 0; i < n; i++)
    {
      int minute = (int) ((i * 7) % n);
      g_autoptr(SmolderProfile) p = heap_snapshot (minute);
      g_autofree char *name = g_strdup_printf ("z-%u", i);

      g_assert_true (smolder_trends_add (trends, p, name, &error));
      g_assert_no_error (error);
    }
  g_assert_true (smolder_trends_finish (trends, NULL, &error));
  g_assert_no_error (error);
  return trends;
}

static guint
find_stack (SmolderTrends *trends,
            const char    *stack)
{
  for (guint i = 0; i < smolder_trends_get_n_stacks (trends); i++)
    {
      g_autofree char *s = smolder_trends_dup_stack_string (trends, i);

      if (g_str_equal (s, stack))
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

static guint
find_function (SmolderTrends *trends,
               const char    *name)
{
  for (guint i = 0; i < smolder_trends_get_n_functions (trends); i++)
    if (g_str_equal (smolder_trends_get_function_name (trends, i), name))
      return i;
  g_assert_not_reached ();
  return 0;
}

static void
test_rank_heap (void)
{
  g_autoptr(SmolderTrends) trends = heap_trends (10);
  const SmolderSuspect *first;
  guint leak = find_stack (trends, "main.leak;main.main");
  guint main_fn = find_function (trends, "main.main");
  guint leak_fn = find_function (trends, "main.leak");

  g_assert_cmpint (smolder_trends_get_kind (trends), ==, SMOLDER_PROFILE_KIND_HEAP);
  g_assert_true (smolder_trends_has_times (trends));
  g_assert_cmpuint (smolder_trends_get_n_snapshots (trends), ==, 10);
  g_assert_cmpfloat_with_epsilon (smolder_trends_get_minutes (trends, 9), 9.0, 1e-9);
  g_assert_cmpstr (smolder_trends_get_type_name (trends, 0), ==, "inuse_space");
  g_assert_cmpstr (smolder_trends_get_type_name (trends, 1), ==, "inuse_objects");

  /* Merged: (100 m + 10 + 5) objects, ten times as many bytes. */
  for (guint s = 0; s < 10; s++)
    {
      g_assert_cmpint (smolder_trends_get_stack_value (trends, leak, 0, s), ==, (gint64) (1000 * s + 150));
      g_assert_cmpint (smolder_trends_get_stack_value (trends, leak, 1, s), ==, (gint64) (100 * s + 15));
      g_assert_cmpint (smolder_trends_get_function_value (trends, leak_fn, FALSE, 0, s), ==, (gint64) (1000 * s + 150));
      /* main.main: never a leaf; cum is everything. */
      g_assert_cmpint (smolder_trends_get_function_value (trends, main_fn, FALSE, 0, s), ==, 0);
      g_assert_cmpint (smolder_trends_get_function_value (trends, main_fn, TRUE, 0, s), ==,
                       (gint64) (1000 * s + 150 + (s >= 1 ? 30000 : 0) + (s % 2 ? 50000 : 0)));
    }

  /* The leak is 1000 bytes a minute, far smaller than the cache (30000) and
   * the buffers (50000), and ranks first; they are not steady. */
  first = smolder_trends_get_suspect (trends, 0);
  g_assert_cmpuint (first->series, ==, leak);
  g_assert_true (first->steady);
  g_assert_cmpfloat_with_epsilon (first->fit.slope, 1000.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (first->fit.steadiness, 1.0, 1e-9);
  g_assert_cmpstr (first->pattern->id, ==, "unbounded-collection");
  for (guint r = 1; r < smolder_trends_get_n_suspects (trends); r++)
    {
      const SmolderSuspect *s = smolder_trends_get_suspect (trends, r);

      g_assert_false (s->steady);
      g_assert_cmpstr (s->pattern->id, ==, "-");
    }
  /* By function: main.leak is the steady grower; main.main (cum) too. */
  g_assert_true (smolder_trends_get_function_suspect (trends, 0)->steady);
}

static void
test_untimed_by_name (void)
{
  g_autoptr(SmolderTrends) trends = smolder_trends_new ("inuse_objects");
  g_autoptr(GError) error = NULL;
  const char *names[] = { "heap-10", "heap-9", "heap-2", "heap-1" };
  int minutes[] = { 3, 2, 1, 0 };

  for (guint i = 0; i < N_OF (names); i++)
    {
      g_autoptr(SmolderProfile) p = heap_snapshot (minutes[i]);

      p->time_nanos = 0;
      g_assert_true (smolder_trends_add (trends, p, names[i], &error));
    }
  g_assert_true (smolder_trends_finish (trends, NULL, &error));
  g_assert_false (smolder_trends_has_times (trends));
  /* Natural order of names, one minute apart. */
  g_assert_cmpstr (smolder_trends_get_name (trends, 0), ==, "heap-1");
  g_assert_cmpstr (smolder_trends_get_name (trends, 3), ==, "heap-10");
  g_assert_cmpfloat (smolder_trends_get_minutes (trends, 3), ==, 3.0);
  g_assert_cmpstr (smolder_trends_get_type_name (trends, 0), ==, "inuse_objects");
  /* inuse_objects of the leak: 115, 215, 315, 415: 100 a minute. */
  g_assert_cmpfloat_with_epsilon (smolder_trends_get_suspect (trends, 0)->fit.slope, 100.0, 1e-6);
}

static void
test_errors (void)
{
  g_autoptr(SmolderTrends) trends = smolder_trends_new (NULL);
  g_autoptr(SmolderProfile) a = heap_snapshot (0);
  g_autoptr(SmolderProfile) b = heap_snapshot (1);
  g_autoptr(SmolderProfile) cpu = tb_new ("samples/count", "cpu/nanoseconds", NULL);
  g_autoptr(SmolderTrends) other = smolder_trends_new ("nosuchtype");
  g_autoptr(GError) error = NULL;

  tb_seal (cpu);
  g_assert_true (smolder_trends_add (trends, a, "a", NULL));
  g_assert_true (smolder_trends_add (trends, b, "b", NULL));
  g_assert_false (smolder_trends_add (trends, cpu, "cpu.pb.gz", &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "cpu.pb.gz"));
  g_clear_error (&error);
  g_assert_false (smolder_trends_finish (trends, NULL, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "at least 3"));
  g_clear_error (&error);

  g_assert_false (smolder_trends_add (other, a, "a", &error));
  g_assert_nonnull (error);
}

static void
test_patterns (void)
{
  static const struct {
    SmolderProfileKind kind;
    const char *stack;
    const char *state;
    const char *expected;
  } cases[] = {
    { SMOLDER_PROFILE_KIND_HEAP, "bufio.NewReaderSize;net/http.(*Transport).dialConn;net/http.(*Transport).dialConnFor", NULL, "unclosed-response-body" },
    { SMOLDER_PROFILE_KIND_GOROUTINE, "runtime.gopark;runtime.selectgo;net/http.(*persistConn).writeLoop", NULL, "unclosed-response-body" },
    { SMOLDER_PROFILE_KIND_HEAP, "time.NewTicker;main.poll", NULL, "unstopped-ticker" },
    { SMOLDER_PROFILE_KIND_HEAP, "runtime.makechan;time.NewTimer;main.retry", NULL, "unstopped-ticker" },
    { SMOLDER_PROFILE_KIND_GOROUTINE, "runtime.gopark;runtime.chanrecv;runtime.chanrecv1;main.worker", NULL, "blocked-goroutine" },
    { SMOLDER_PROFILE_KIND_GOROUTINE, "runtime.gopark;runtime.selectgo;main.wait", NULL, "blocked-goroutine" },
    { SMOLDER_PROFILE_KIND_GOROUTINE, "main.wait.func1", "chan send", "blocked-goroutine" },
    { SMOLDER_PROFILE_KIND_GOROUTINE, "runtime.gopark;runtime.netpollblock;internal/poll.runtime_pollWait", NULL, "-" },
    { SMOLDER_PROFILE_KIND_HEAP, "runtime.mapassign_faststr;main.store", NULL, "unbounded-collection" },
    { SMOLDER_PROFILE_KIND_HEAP, "main.registerSession;main.handle", NULL, "unbounded-collection" },
    { SMOLDER_PROFILE_KIND_HEAP, "os.newFile;os.openFileNolog;os.OpenFile;main.open", NULL, "unclosed-file" },
    { SMOLDER_PROFILE_KIND_CPU, "main.spin", NULL, "-" },
  };

  for (guint i = 0; i < N_OF (cases); i++)
    {
      g_auto(GStrv) frames = g_strsplit (cases[i].stack, ";", -1);
      SmolderLeakContext ctx = { cases[i].state, NULL };
      const SmolderLeakPattern *p = smolder_leak_pattern_match (cases[i].kind, (const char * const *) frames,
                                                                g_strv_length (frames), &ctx);

      g_test_message ("%s", cases[i].stack);
      g_assert_cmpstr (p->id, ==, cases[i].expected);
      g_assert_true (p->explanation[0] != '\0' && p->fix[0] != '\0');
    }

  /* A goroutine ranging over the channel of a ticker made by main.poll. */
  {
    const char *frames[] = { "runtime.gopark", "runtime.chanrecv", "runtime.chanrecv2", "main.poll.func1" };
    const char *ticker_frames[] = { "runtime.makechan", "time.NewTicker", "main.poll", "main.main" };
    const char *creators[] = { NULL, NULL };
    SmolderLeakContext ctx = { NULL, creators };

    creators[0] = smolder_leak_pattern_ticker_creator (ticker_frames, N_OF (ticker_frames));
    g_assert_cmpstr (creators[0], ==, "main.poll");
    g_assert_cmpstr (smolder_leak_pattern_match (SMOLDER_PROFILE_KIND_GOROUTINE, frames, N_OF (frames), &ctx)->id,
                     ==, "unstopped-ticker");
    ctx.ticker_creators = NULL;
    g_assert_cmpstr (smolder_leak_pattern_match (SMOLDER_PROFILE_KIND_GOROUTINE, frames, N_OF (frames), &ctx)->id,
                     ==, "blocked-goroutine");
  }
}

/* Goroutine states from real ?debug=2 dumps of the blocked-goroutine series:
 * 300 goroutines in chan send at the end, waiting 1 then 2 minutes. */
static void
test_dump_states (void)
{
  g_autoptr(SmolderTrends) trends = smolder_trends_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *dumps[] = { "goroutine-debug2-0015.txt.gz", "goroutine-debug2-0000.txt.gz", "goroutine-debug2-0007.txt.gz" };
  const SmolderSuspect *first;
  const SmolderTrendStates *st;

  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("patterns/blocked-goroutine/goroutine-%04u.pb.gz", i);
      g_autoptr(SmolderProfile) p = tb_load (name);

      g_assert_true (smolder_trends_add (trends, p, name, &error));
    }
  for (guint i = 0; i < N_OF (dumps); i++)
    {
      g_autofree char *name = g_strdup_printf ("patterns/blocked-goroutine/%s", dumps[i]);
      g_autoptr(SmolderProfile) p = tb_load (name);

      g_assert_true (smolder_trends_add_states (trends, p, name, &error));
      g_assert_no_error (error);
    }
  g_assert_true (smolder_trends_finish (trends, NULL, &error));
  first = smolder_trends_get_suspect (trends, 0);
  g_assert_cmpstr (smolder_trends_get_stack_frame (trends, first->series, 3), ==, "main.handleRequest.func1");
  g_assert_cmpstr (first->pattern->id, ==, "blocked-goroutine");
  st = smolder_trends_get_stack_states (trends, first->series);
  g_assert_nonnull (st);
  g_assert_cmpstr (st->state, ==, "chan send");
  g_assert_cmpuint (st->n_dumps, ==, 2);
  g_assert_cmpint (st->count_last, ==, 300);
  g_assert_cmpint (st->wait_first, ==, 1);
  g_assert_cmpint (st->wait_last, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/smolder/trends/fit-linear", test_fit_linear);
  g_test_add_func ("/smolder/trends/fit-uneven-times", test_fit_uneven_times);
  g_test_add_func ("/smolder/trends/fit-flat", test_fit_flat);
  g_test_add_func ("/smolder/trends/fit-fill-then-flat", test_fit_fill_then_flat);
  g_test_add_func ("/smolder/trends/fit-come-and-go", test_fit_come_and_go);
  g_test_add_func ("/smolder/trends/fit-slow-leak", test_fit_slow_leak);
  g_test_add_func ("/smolder/trends/rank-heap", test_rank_heap);
  g_test_add_func ("/smolder/trends/untimed-by-name", test_untimed_by_name);
  g_test_add_func ("/smolder/trends/errors", test_errors);
  g_test_add_func ("/smolder/trends/patterns", test_patterns);
  g_test_add_func ("/smolder/trends/dump-states", test_dump_states);
  return g_test_run ();
}
