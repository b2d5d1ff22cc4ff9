/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-call-tree.c: call trees, inverted trees, callers and callees. */

#include "aggregation-builder.h"
#include "smolder-call-tree.h"

/* main -> a -> c (3), main -> a (1), main -> b -> c (2), main -> b -> b (4) */
static SmolderProfile *
build_small (void)
{
  SmolderProfile *p = tb_new ("samples/count", NULL);
  guint32 main_ = tb_simple (p, "main");
  guint32 a = tb_simple (p, "a");
  guint32 b = tb_simple (p, "b");
  guint32 c = tb_simple (p, "c");

  tb_sample (p, 3, c, a, main_, END);
  tb_sample (p, 1, a, main_, END);
  tb_sample (p, 2, c, b, main_, END);
  tb_sample (p, 4, b, b, main_, END);
  tb_seal (p);
  return p;
}

static SmolderCallTree *
build_tree (SmolderProfile *p,
            SmolderQuery   *q)
{
  g_autoptr(GError) error = NULL;
  SmolderCallTree *tree = smolder_call_tree_new (p, q, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tree);
  return tree;
}

/* Writes the tree as "name:total/self" in preorder, with depth as indent. */
static char *
dump (SmolderCallTree *tree)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < smolder_call_tree_get_n_nodes (tree); i++)
    {
      for (guint d = 0; d < smolder_call_tree_get_depth (tree, i); d++)
        g_string_append_c (s, ' ');
      g_string_append_printf (s, "%s:%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "\n",
                              smolder_call_tree_get_name (tree, i),
                              smolder_call_tree_get_total (tree, i),
                              smolder_call_tree_get_self (tree, i));
    }
  return g_string_free (s, FALSE);
}

/* Checks the links agree with the preorder numbering. */
static void
check_structure (SmolderCallTree *tree)
{
  guint n = smolder_call_tree_get_n_nodes (tree);

  g_assert_cmpuint (smolder_call_tree_get_parent (tree, 0), ==, SMOLDER_NO_ID);
  g_assert_cmpuint (smolder_call_tree_get_subtree_end (tree, 0), ==, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 sum = smolder_call_tree_get_self (tree, i);
      guint32 child = smolder_call_tree_get_first_child (tree, i);

      for (; child != SMOLDER_NO_ID; child = smolder_call_tree_get_next_sibling (tree, child))
        {
          g_assert_cmpuint (smolder_call_tree_get_parent (tree, child), ==, i);
          g_assert_cmpuint (child, >, i);
          g_assert_cmpuint (smolder_call_tree_get_subtree_end (tree, child), <=,
                            smolder_call_tree_get_subtree_end (tree, i));
          g_assert_cmpuint (smolder_call_tree_get_depth (tree, child), ==,
                            smolder_call_tree_get_depth (tree, i) + 1);
          sum += smolder_call_tree_get_total (tree, child);
        }
      /* total = self + children's totals */
      g_assert_cmpint (sum, ==, smolder_call_tree_get_total (tree, i));
    }
}

static void
test_top_down (void)
{
  g_autoptr(SmolderProfile) p = build_small ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderCallTree) tree = build_tree (p, q);
  g_autofree char *text = dump (tree);

  g_assert_cmpstr (text, ==,
                   "root:10/0\n"
                   " main:10/0\n"
                   "  a:4/1\n"
                   "   c:3/3\n"
                   "  b:6/0\n"
                   "   b:4/4\n"
                   "   c:2/2\n");
  check_structure (tree);
  g_assert_cmpuint (smolder_call_tree_get_max_depth (tree), ==, 3);
  g_assert_cmpuint (smolder_call_tree_get_next_sibling (tree, 2), ==, 4);
  g_assert_cmpuint (smolder_call_tree_get_first_child (tree, 4), ==, 5);
}

static void
test_inverted (void)
{
  g_autoptr(SmolderProfile) p = build_small ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderCallTree) tree = NULL;
  g_autofree char *text = NULL;

  smolder_query_set_inverted (q, TRUE);
  tree = build_tree (p, q);
  text = dump (tree);
  g_assert_true (smolder_call_tree_get_inverted (tree));
  g_assert_cmpstr (text, ==,
                   "root:10/0\n"
                   " a:1/0\n"
                   "  main:1/1\n"
                   " b:4/0\n"
                   "  b:4/0\n"
                   "   main:4/4\n"
                   " c:5/0\n"
                   "  a:3/0\n"
                   "   main:3/3\n"
                   "  b:2/0\n"
                   "   main:2/2\n");
  check_structure (tree);
}

static void
test_callers_callees (void)
{
  g_autoptr(SmolderProfile) p = build_small ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderFrames) frames = smolder_frames_new (p, SMOLDER_GRANULARITY_FUNCTIONS);
  g_autoptr(SmolderCallTree) callees = NULL;
  g_autoptr(SmolderCallTree) callers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *callees_text = NULL;
  g_autofree char *callers_text = NULL;
  guint b;

  g_assert_true (smolder_frames_lookup (frames, "b", &b));

  /* b recurses: callees start at its outermost occurrence. */
  callees = smolder_call_tree_new_callees (frames, q, b, NULL, &error);
  g_assert_no_error (error);
  callees_text = dump (callees);
  g_assert_cmpstr (callees_text, ==,
                   "b:6/0\n"
                   " b:4/4\n"
                   " c:2/2\n");
  check_structure (callees);

  /* callers start at its innermost occurrence. */
  callers = smolder_call_tree_new_callers (frames, q, b, NULL, &error);
  g_assert_no_error (error);
  callers_text = dump (callers);
  g_assert_cmpstr (callers_text, ==,
                   "b:6/0\n"
                   " b:4/0\n"
                   "  main:4/4\n"
                   " main:2/2\n");
  check_structure (callers);

  g_clear_object (&callers);
  callers = smolder_call_tree_new_callers (frames, q, 999, NULL, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_assert_null (callers);
}

static void
test_filtered (void)
{
  g_autoptr(SmolderProfile) p = build_small ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderCallTree) tree = NULL;
  g_autofree char *text = NULL;

  g_assert_true (smolder_query_set_hide (q, "^main$", NULL));
  g_assert_true (smolder_query_set_ignore (q, "^a$", NULL));
  tree = build_tree (p, q);
  text = dump (tree);
  g_assert_cmpstr (text, ==,
                   "root:6/0\n"
                   " b:6/0\n"
                   "  b:4/4\n"
                   "  c:2/2\n");
}

/* Flat and cum of a few functions of compile-nethttp-cpu.pb.gz, as printed by
 *   go tool pprof -top -unit=ns tests/data/go-toolchain/compile-nethttp-cpu.pb.gz
 * (and -top -cum for the zero-flat rows) when this test was written. */
static const struct {
  const char *name;
  gint64      flat;
  gint64      cum;
} pprof_rows[] = {
  { "runtime.scanobject", 300000000, 580000000 },
  { "runtime.findObject", 180000000, 210000000 },
  { "runtime.mallocgc", 90000000, 320000000 },
  { "runtime.heapBitsSetType", 80000000, 90000000 },
  { "runtime.mapaccess2", 40000000, 50000000 },
  { "cmd/compile/internal/ssa.deadcode", 30000000, 50000000 },
  { "cmd/compile/internal/ssa.schedule", 30000000, 40000000 },
  { "cmd/compile/internal/gc.Main", 0, 2040000000 },
  { "cmd/compile/internal/ssagen.Compile", 0, 1300000000 },
};

static guint32
find_child (SmolderCallTree *tree,
            guint32          parent,
            const char      *name)
{
  for (guint32 c = smolder_call_tree_get_first_child (tree, parent); c != SMOLDER_NO_ID;
       c = smolder_call_tree_get_next_sibling (tree, c))
    if (g_str_equal (smolder_call_tree_get_name (tree, c), name))
      return c;
  return SMOLDER_NO_ID;
}

/* On a real profile: the root is the kept total; a function's flat is its
 * first level in the inverted tree and its cum the root of its callers and
 * callees trees, all equal to what go tool pprof prints. */
static void
test_fixture (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("go-toolchain/compile-nethttp-cpu.pb.gz");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = tb_top (p, q);
  g_autoptr(SmolderCallTree) tree = build_tree (p, q);
  g_autoptr(SmolderCallTree) inverted = NULL;
  SmolderFrames *frames = smolder_top_get_frames (top);

  g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==, 2710000000);
  check_structure (tree);

  smolder_query_set_inverted (q, TRUE);
  inverted = build_tree (p, q);
  check_structure (inverted);
  g_assert_cmpint (smolder_call_tree_get_total (inverted, 0), ==, 2710000000);

  /* The inverted tree's first level is the flat column. */
  for (guint32 c = smolder_call_tree_get_first_child (inverted, 0); c != SMOLDER_NO_ID;
       c = smolder_call_tree_get_next_sibling (inverted, c))
    g_assert_cmpint (smolder_call_tree_get_total (inverted, c), ==,
                     tb_find_row (top, smolder_call_tree_get_name (inverted, c))->flat);

  smolder_query_set_inverted (q, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (pprof_rows); i++)
    {
      const char *name = pprof_rows[i].name;
      guint32 leaf = find_child (inverted, 0, name);
      g_autoptr(SmolderCallTree) callers = NULL;
      g_autoptr(SmolderCallTree) callees = NULL;
      guint frame;

      g_test_message ("%s", name);
      tb_assert_row (top, name, pprof_rows[i].flat, pprof_rows[i].cum);
      g_assert_cmpint (leaf == SMOLDER_NO_ID ? 0 : smolder_call_tree_get_total (inverted, leaf),
                       ==, pprof_rows[i].flat);
      g_assert_true (smolder_frames_lookup (frames, name, &frame));
      callers = smolder_call_tree_new_callers (frames, q, frame, NULL, NULL);
      callees = smolder_call_tree_new_callees (frames, q, frame, NULL, NULL);
      g_assert_cmpint (smolder_call_tree_get_total (callers, 0), ==, pprof_rows[i].cum);
      g_assert_cmpint (smolder_call_tree_get_total (callees, 0), ==, pprof_rows[i].cum);
    }

  /* Every other function: callers and callees agree with the top table. */
  for (guint i = 0; i < smolder_top_get_n_rows (top); i += 7)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);
      g_autoptr(SmolderCallTree) callers = smolder_call_tree_new_callers (frames, q, row->frame, NULL, NULL);
      g_autoptr(SmolderCallTree) callees = smolder_call_tree_new_callees (frames, q, row->frame, NULL, NULL);

      g_assert_cmpint (smolder_call_tree_get_total (callers, 0), ==, row->cum);
      g_assert_cmpint (smolder_call_tree_get_total (callees, 0), ==, row->cum);
    }
}

static void
test_empty (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderCallTree) tree = NULL;

  tb_seal (p);
  tree = build_tree (p, q);
  g_assert_cmpuint (smolder_call_tree_get_n_nodes (tree), ==, 1);
  g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==, 0);
  g_assert_cmpuint (smolder_call_tree_get_first_child (tree, 0), ==, SMOLDER_NO_ID);
}

/* --- paths (expected values from `go tool pprof -traces` / `-top -unit=B`
 * on tests/data/leaky-service/series/heap-11.pb.gz) --- */

static guint
sample_index_of (SmolderProfile *p,
                 const char     *type)
{
  for (guint i = 0; i < smolder_profile_get_n_sample_types (p); i++)
    if (g_str_equal (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, i)->type), type))
      return i;
  g_assert_not_reached ();
}

static SmolderCallTree *
heap_tree (SmolderProfile     *p,
           const char         *type,
           SmolderGranularity  granularity,
           gboolean            inverted,
           const char         *ignore)
{
  g_autoptr(SmolderQuery) q = smolder_query_new ();

  smolder_query_set_sample_index (q, sample_index_of (p, type));
  smolder_query_set_granularity (q, granularity);
  smolder_query_set_inverted (q, inverted);
  if (ignore != NULL)
    g_assert_true (smolder_query_set_ignore (q, ignore, NULL));
  return build_tree (p, q);
}

/* The node of @path, asserting it matched completely. */
static guint32
find_exact (SmolderCallTree    *tree,
            const char * const *path)
{
  guint depth = G_MAXUINT;
  guint32 node = smolder_call_tree_find_path (tree, path, g_strv_length ((char **) path), &depth);

  g_assert_cmpuint (depth, ==, g_strv_length ((char **) path));
  return node;
}

static void
test_path_across_sample_types (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("leaky-service/series/heap-11.pb.gz");
  g_autoptr(SmolderCallTree) inuse = heap_tree (p, "inuse_space", SMOLDER_GRANULARITY_FUNCTIONS, FALSE, NULL);
  g_autoptr(SmolderCallTree) alloc = heap_tree (p, "alloc_space", SMOLDER_GRANULARITY_FUNCTIONS, FALSE, NULL);
  const char * const want[] = { "main.main.func1.1", "main.registerSession", NULL };
  g_auto(GStrv) path = NULL;
  g_auto(GStrv) root_path = NULL;
  guint32 node, again, func;
  guint depth = G_MAXUINT;

  /* -traces: every registerSession stack is main.main.func1.1 ->
   * main.registerSession (a leaf): 38422722 + 786695 + 524320 B in use. */
  node = find_exact (inuse, want);
  g_assert_cmpstr (smolder_call_tree_get_name (inuse, node), ==, "main.registerSession");
  g_assert_cmpint (smolder_call_tree_get_total (inuse, node), ==, 39733737);
  path = smolder_call_tree_get_path (inuse, node);
  g_assert_cmpstrv (path, want);

  /* The same node in the alloc_space tree of the same profile: the three
   * stacks again plus 524392 + 524296 B allocated and freed since. */
  again = smolder_call_tree_find_path (alloc, (const char * const *) path, g_strv_length (path), &depth);
  g_assert_cmpuint (depth, ==, 2);
  g_assert_cmpstr (smolder_call_tree_get_name (alloc, again), ==, "main.registerSession");
  g_assert_cmpint (smolder_call_tree_get_total (alloc, again), ==, 40782425);
  g_assert_cmpint (smolder_call_tree_get_total (alloc, smolder_call_tree_get_parent (alloc, again)), ==, 430061675);

  /* The root's path is empty and finds the root; so does an unknown first name. */
  root_path = smolder_call_tree_get_path (inuse, 0);
  g_assert_cmpuint (g_strv_length (root_path), ==, 0);
  g_assert_cmpuint (smolder_call_tree_find_path (alloc, (const char * const *) root_path, 0, &depth), ==, 0);
  g_assert_cmpuint (depth, ==, 0);
  {
    const char * const nowhere[] = { "main.nosuch", "main.registerSession" };

    g_assert_cmpuint (smolder_call_tree_find_path (alloc, nowhere, 2, &depth), ==, 0);
    g_assert_cmpuint (depth, ==, 0);
  }

  /* A prefix of the path is the parent (main.main.func1.1: 59641616 B cum). */
  func = smolder_call_tree_find_path (inuse, want, 1, &depth);
  g_assert_cmpuint (depth, ==, 1);
  g_assert_cmpint (smolder_call_tree_get_total (inuse, func), ==, 59641616);
}

static void
test_path_filtered (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("leaky-service/series/heap-11.pb.gz");
  g_autoptr(SmolderCallTree) ignored = heap_tree (p, "inuse_space", SMOLDER_GRANULARITY_FUNCTIONS, FALSE,
                                                  "registerSession");
  const char * const want[] = { "main.main.func1.1", "main.registerSession", "runtime.nosuch", NULL };
  guint depth = G_MAXUINT;
  guint32 node;

  /* -ignore=registerSession drops its samples: the nearest ancestor left is
   * main.main.func1.1, with 19907879 B cum (pprof -top -ignore). */
  node = smolder_call_tree_find_path (ignored, want, 3, &depth);
  g_assert_cmpuint (depth, ==, 1);
  g_assert_cmpstr (smolder_call_tree_get_name (ignored, node), ==, "main.main.func1.1");
  g_assert_cmpint (smolder_call_tree_get_total (ignored, node), ==, 19907879);

  /* n_path bounds a vector that is not NULL-terminated at that length. */
  node = smolder_call_tree_find_path (ignored, want, 1, &depth);
  g_assert_cmpuint (depth, ==, 1);
}

static void
test_path_inverted (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("leaky-service/series/heap-11.pb.gz");
  g_autoptr(SmolderCallTree) inuse = heap_tree (p, "inuse_space", SMOLDER_GRANULARITY_FUNCTIONS, TRUE, NULL);
  g_autoptr(SmolderCallTree) alloc = heap_tree (p, "alloc_space", SMOLDER_GRANULARITY_FUNCTIONS, TRUE, NULL);
  const char * const want[] = { "main.registerSession", "main.main.func1.1", NULL };
  g_auto(GStrv) path = NULL;
  guint32 node;

  /* Inverted, the leaf comes first: registerSession is always the leaf of
   * its stacks, so its first-level total is its flat, then its caller. */
  node = find_exact (inuse, want);
  g_assert_cmpint (smolder_call_tree_get_total (inuse, node), ==, 39733737);
  g_assert_cmpint (smolder_call_tree_get_total (inuse, smolder_call_tree_get_parent (inuse, node)), ==, 39733737);
  path = smolder_call_tree_get_path (inuse, node);
  g_assert_cmpstrv (path, want);

  node = find_exact (alloc, (const char * const *) path);
  g_assert_cmpint (smolder_call_tree_get_total (alloc, node), ==, 40782425);
}

static void
test_path_granularity (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("leaky-service/series/heap-11.pb.gz");
  g_autoptr(SmolderCallTree) functions = heap_tree (p, "inuse_space", SMOLDER_GRANULARITY_FUNCTIONS, FALSE, NULL);
  g_autoptr(SmolderCallTree) lines = heap_tree (p, "inuse_space", SMOLDER_GRANULARITY_LINES, FALSE, NULL);
  const char * const want[] = { "main.main.func1.1", "main.registerSession", NULL };
  g_auto(GStrv) lines_path = NULL;
  guint depth = G_MAXUINT;
  guint32 node, back;

  /* -lines -traces: registerSession is called from leaky/main.go:99 only,
   * and allocates at main.go:38 (38422722 + 524320 + 0 B) and main.go:40
   * (786695 + 0 B); the heavier line wins. */
  node = smolder_call_tree_find_path (lines, want, 2, &depth);
  g_assert_cmpuint (depth, ==, 2);
  g_assert_cmpstr (smolder_call_tree_get_name (lines, node), ==, "main.registerSession leaky/main.go:38");
  g_assert_cmpint (smolder_call_tree_get_total (lines, node), ==, 38947042);
  lines_path = smolder_call_tree_get_path (lines, node);
  g_assert_cmpstr (lines_path[0], ==, "main.main.func1.1 leaky/main.go:99");

  /* And back: a line's path finds its function at Functions granularity. */
  back = find_exact (functions, (const char * const *) lines_path);
  g_assert_cmpuint (back, ==, find_exact (functions, want));

  /* Only the exact name, not a longer function sharing a prefix. */
  {
    const char * const prefix[] = { "main.main", NULL };

    g_assert_cmpuint (smolder_call_tree_find_path (functions, prefix, 1, &depth), ==, 0);
    g_assert_cmpuint (depth, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/call-tree/top-down", test_top_down);
  g_test_add_func ("/smolder/call-tree/inverted", test_inverted);
  g_test_add_func ("/smolder/call-tree/callers-callees", test_callers_callees);
  g_test_add_func ("/smolder/call-tree/filtered", test_filtered);
  g_test_add_func ("/smolder/call-tree/fixture", test_fixture);
  g_test_add_func ("/smolder/call-tree/empty", test_empty);
  g_test_add_func ("/smolder/call-tree/path/sample-types", test_path_across_sample_types);
  g_test_add_func ("/smolder/call-tree/path/filtered", test_path_filtered);
  g_test_add_func ("/smolder/call-tree/path/inverted", test_path_inverted);
  g_test_add_func ("/smolder/call-tree/path/granularity", test_path_granularity);

  return g_test_run ();
}
