/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-filter-stack.c: SmolderFilterStack: adding, removing, undo, bad
 * regexes, and the query it makes (pprof's -focus/-ignore/-hide/-show,
 * several of one mode OR-ed). Totals are worked out by hand from the
 * three samples of build_web(). */

#include "aggregation-builder.h"
#include "smolder-filter-stack.h"

/* main -> handler -> json.Marshal -> runtime.mallocgc   (10)
 * main -> handler -> compute                            (5)
 * main -> gc.bgMark                                     (2) */
static SmolderProfile *
build_web (void)
{
  SmolderProfile *p = tb_new ("samples/count", NULL);
  guint32 main_ = tb_simple (p, "main.main");
  guint32 handler = tb_location (p, END, 0, tb_function (p, "main.handler", "/src/app/handler.go", 0), 3, END);
  guint32 marshal = tb_simple (p, "encoding/json.Marshal");
  guint32 malloc_ = tb_simple (p, "runtime.mallocgc");
  guint32 compute = tb_simple (p, "main.compute");
  guint32 bg = tb_simple (p, "gc.bgMark");

  tb_sample (p, 10, malloc_, marshal, handler, main_, END);
  tb_sample (p, 5, compute, handler, main_, END);
  tb_sample (p, 2, bg, main_, END);
  tb_seal (p);
  return p;
}

typedef struct {
  guint n_changed;
} Counter;

static void
count_changed (SmolderFilterStack *stack,
               Counter            *counter)
{
  counter->n_changed++;
}

/* The kept total of @p under the stack's filters. */
static gint64
kept_total (SmolderProfile     *p,
            SmolderFilterStack *stack)
{
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (smolder_filter_stack_apply (stack, q, &error));
  g_assert_no_error (error);
  top = tb_top (p, q);
  return smolder_top_get_kept_total (top);
}

static void
test_add_remove_undo (void)
{
  g_autoptr(SmolderFilterStack) stack = smolder_filter_stack_new ();
  Counter counter = { 0 };
  g_autoptr(GError) error = NULL;

  g_signal_connect (stack, "changed", G_CALLBACK (count_changed), &counter);
  g_assert_false (smolder_filter_stack_can_undo (stack));
  g_assert_false (smolder_filter_stack_undo (stack));

  g_assert_true (smolder_filter_stack_add (stack, SMOLDER_FILTER_FOCUS, "json", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (smolder_filter_stack_add_identity (stack, SMOLDER_FILTER_HIDE, "main.handler", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counter.n_changed, ==, 2);
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (stack), ==, 2);
  g_assert_cmpint (smolder_filter_stack_get_mode (stack, 0), ==, SMOLDER_FILTER_FOCUS);
  g_assert_cmpstr (smolder_filter_stack_get_regex (stack, 0), ==, "json");
  g_assert_null (smolder_filter_stack_get_identity (stack, 0));
  /* A frame's filter: its identity, escaped and anchored. */
  g_assert_cmpint (smolder_filter_stack_get_mode (stack, 1), ==, SMOLDER_FILTER_HIDE);
  g_assert_cmpstr (smolder_filter_stack_get_regex (stack, 1), ==, "^main\\.handler$");
  g_assert_cmpstr (smolder_filter_stack_get_identity (stack, 1), ==, "main.handler");

  smolder_filter_stack_remove (stack, 0);
  g_assert_cmpuint (counter.n_changed, ==, 3);
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (stack), ==, 1);
  g_assert_cmpstr (smolder_filter_stack_get_regex (stack, 0), ==, "^main\\.handler$");

  /* Put back where it was. */
  g_assert_true (smolder_filter_stack_insert (stack, 0, SMOLDER_FILTER_FOCUS, "json", NULL, &error));
  g_assert_cmpstr (smolder_filter_stack_get_regex (stack, 0), ==, "json");
  g_assert_cmpstr (smolder_filter_stack_get_regex (stack, 1), ==, "^main\\.handler$");

  /* Undo walks back each change: insert, remove, add, add. */
  g_assert_true (smolder_filter_stack_undo (stack));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (stack), ==, 1);
  g_assert_true (smolder_filter_stack_undo (stack));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (stack), ==, 2);
  g_assert_cmpstr (smolder_filter_stack_get_regex (stack, 0), ==, "json");
  g_assert_true (smolder_filter_stack_undo (stack));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (stack), ==, 1);
  g_assert_true (smolder_filter_stack_undo (stack));
  g_assert_cmpuint (smolder_filter_stack_get_n_filters (stack), ==, 0);
  g_assert_false (smolder_filter_stack_undo (stack));
  g_assert_cmpuint (counter.n_changed, ==, 8);
}

/* A bad or empty regex is an error and changes nothing, not even the undo
 * history. */
static void
test_bad_regex (void)
{
  g_autoptr(SmolderFilterStack) stack = smolder_filter_stack_new ();
  Counter counter = { 0 };
  GError *error = NULL;

  g_signal_connect (stack, "changed", G_CALLBACK (count_changed), &counter);
  g_assert_false (smolder_filter_stack_add (stack, SMOLDER_FILTER_IGNORE, "main.(", NULL, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_clear_error (&error);
  g_assert_false (smolder_filter_stack_add (stack, SMOLDER_FILTER_FOCUS, "", NULL, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_clear_error (&error);
  g_assert_false (smolder_filter_stack_add_identity (stack, SMOLDER_FILTER_FOCUS, "", &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_clear_error (&error);

  g_assert_cmpuint (smolder_filter_stack_get_n_filters (stack), ==, 0);
  g_assert_false (smolder_filter_stack_can_undo (stack));
  g_assert_cmpuint (counter.n_changed, ==, 0);
}

/* Identities are matched literally: a '.' or '(' in a name is no regex. */
static void
test_identity_regex (void)
{
  g_autofree char *dot = smolder_filter_identity_regex ("main.f");
  g_autofree char *method = smolder_filter_identity_regex ("main.(*T).f");

  g_assert_cmpstr (dot, ==, "^main\\.f$");
  g_assert_true (g_regex_match_simple (method, "main.(*T).f", 0, 0));
  g_assert_false (g_regex_match_simple (method, "main.(*T).fg", 0, 0));
  g_assert_false (g_regex_match_simple (dot, "mainxf", 0, 0));
}

/* The query: each mode as pprof takes it; two of one mode OR-ed. */
static void
test_apply (void)
{
  g_autoptr(SmolderProfile) p = build_web ();
  g_autoptr(SmolderFilterStack) stack = smolder_filter_stack_new ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();

  g_assert_cmpint (kept_total (p, stack), ==, 17);

  /* -focus=json: the sample through json.Marshal, 10. */
  g_assert_true (smolder_filter_stack_add (stack, SMOLDER_FILTER_FOCUS, "json", NULL, NULL));
  g_assert_cmpint (kept_total (p, stack), ==, 10);
  /* OR-ed with -focus=^main\.compute$: 10 + 5. */
  g_assert_true (smolder_filter_stack_add_identity (stack, SMOLDER_FILTER_FOCUS, "main.compute", NULL));
  g_assert_cmpint (kept_total (p, stack), ==, 15);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (smolder_filter_stack_apply (stack, q, &error));
    g_assert_cmpstr (g_regex_get_pattern (smolder_query_get_focus (q)), ==,
                     "(?:json)|(?:^main\\.compute$)");
  }
  /* -ignore=mallocgc on top: the json sample goes, 5 left. */
  g_assert_true (smolder_filter_stack_add (stack, SMOLDER_FILTER_IGNORE, "mallocgc", NULL, NULL));
  g_assert_cmpint (kept_total (p, stack), ==, 5);

  /* Only -hide=^main\.handler$: no sample goes, the frame does. */
  while (smolder_filter_stack_get_n_filters (stack) > 0)
    smolder_filter_stack_remove (stack, 0);
  g_assert_true (smolder_filter_stack_add_identity (stack, SMOLDER_FILTER_HIDE, "main.handler", NULL));
  g_assert_cmpint (kept_total (p, stack), ==, 17);
  {
    g_autoptr(SmolderQuery) hq = smolder_query_new ();
    g_autoptr(SmolderTop) top = NULL;

    g_assert_true (smolder_filter_stack_apply (stack, hq, NULL));
    top = tb_top (p, hq);
    g_assert_null (tb_find_row (top, "main.handler"));
    tb_assert_row (top, "main.compute", 5, 5);
  }

  /* -show=^main\.main$: only main.main is left, flat 17 (every sample's
   * innermost shown frame). A mode without filters is cleared on the
   * query (the hide above is gone after the removal). */
  smolder_filter_stack_remove (stack, 0);
  g_assert_true (smolder_filter_stack_add_identity (stack, SMOLDER_FILTER_SHOW, "main.main", NULL));
  g_assert_true (smolder_filter_stack_apply (stack, q, NULL));
  g_assert_null (smolder_query_get_focus (q));
  g_assert_null (smolder_query_get_hide (q));
  {
    g_autoptr(SmolderTop) top = tb_top (p, q);

    tb_assert_row (top, "main.main", 17, 17);
    g_assert_null (tb_find_row (top, "main.compute"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/filter-stack/add-remove-undo", test_add_remove_undo);
  g_test_add_func ("/smolder/filter-stack/bad-regex", test_bad_regex);
  g_test_add_func ("/smolder/filter-stack/identity-regex", test_identity_regex);
  g_test_add_func ("/smolder/filter-stack/apply", test_apply);

  return g_test_run ();
}
