/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-filter.c: focus/ignore/hide/show/show_from/tag filters as pprof applies them.
 * Fixture values come from `go tool pprof -top ... -unit=ns|B` (Go 1.19.8):
 * its "Showing nodes accounting for X" is our kept total. */

#include "aggregation-builder.h"
#include "smolder-filter.h"

#include <string.h>

/* main -> handler -> json.Marshal -> runtime.mallocgc   (10)
 * main -> handler -> compute                            (5)
 * main -> gc.bgMark (mapping /usr/lib/libfoo.so)        (2) */
static SmolderProfile *
build_web (void)
{
  SmolderProfile *p = tb_new ("samples/count", NULL);
  guint32 lib = tb_mapping (p, "/usr/lib/libfoo.so", 0x1000, 0x2000);
  guint32 main_ = tb_simple (p, "main.main");
  guint32 handler = tb_location (p, END, 0, tb_function (p, "main.handler", "/src/app/handler.go", 0), 3, END);
  guint32 marshal = tb_location (p, END, 0, tb_function (p, "encoding/json.Marshal", "/go/src/encoding/json/encode.go", 0), 4, END);
  guint32 malloc_ = tb_simple (p, "runtime.mallocgc");
  guint32 compute = tb_simple (p, "main.compute");
  guint32 bg = tb_location (p, lib, 0x1100, tb_function (p, "gc.bgMark", "mark.c", 0), 1, END);

  tb_sample (p, 10, malloc_, marshal, handler, main_, END);
  tb_sample (p, 5, compute, handler, main_, END);
  tb_sample (p, 2, bg, main_, END);
  tb_seal (p);
  return p;
}

static void
test_focus (void)
{
  g_autoptr(SmolderProfile) p = build_web ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(SmolderTop) by_file = NULL;
  g_autoptr(SmolderTop) by_mapping = NULL;

  g_assert_true (smolder_query_set_focus (q, "json", NULL));
  top = tb_top (p, q);
  /* Only the sample through json.Marshal; the whole stack stays. */
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 10);
  g_assert_cmpint (smolder_top_get_total (top), ==, 17);  /* pprof's total is before filters */
  tb_assert_row (top, "main.main", 0, 10);
  tb_assert_row (top, "runtime.mallocgc", 10, 10);
  g_assert_null (tb_find_row (top, "main.compute"));

  /* The file name matches too. */
  g_assert_true (smolder_query_set_focus (q, "handler\\.go$", NULL));
  by_file = tb_top (p, q);
  g_assert_cmpint (smolder_top_get_kept_total (by_file), ==, 15);

  /* And the mapping's file. */
  g_assert_true (smolder_query_set_focus (q, "libfoo", NULL));
  by_mapping = tb_top (p, q);
  g_assert_cmpint (smolder_top_get_kept_total (by_mapping), ==, 2);
  tb_assert_row (by_mapping, "gc.bgMark", 2, 2);
}

static void
test_ignore (void)
{
  g_autoptr(SmolderProfile) p = build_web ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(SmolderTop) both = NULL;

  g_assert_true (smolder_query_set_ignore (q, "mallocgc", NULL));
  top = tb_top (p, q);
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 7);
  tb_assert_row (top, "main.main", 0, 7);
  g_assert_null (tb_find_row (top, "encoding/json.Marshal"));

  /* Ignore wins over focus. */
  g_assert_true (smolder_query_set_focus (q, "main\\.handler", NULL));
  both = tb_top (p, q);
  g_assert_cmpint (smolder_top_get_kept_total (both), ==, 5);
  tb_assert_row (both, "main.compute", 5, 5);
}

static void
test_hide (void)
{
  g_autoptr(SmolderProfile) p = build_web ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  g_assert_true (smolder_query_set_hide (q, "^runtime\\.|bgMark", NULL));
  top = tb_top (p, q);
  /* The hidden leaf's value becomes its caller's flat. */
  tb_assert_row (top, "encoding/json.Marshal", 10, 10);
  tb_assert_row (top, "main.main", 2, 17);
  g_assert_null (tb_find_row (top, "runtime.mallocgc"));
  g_assert_null (tb_find_row (top, "gc.bgMark"));
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 17);
}

static void
test_show (void)
{
  g_autoptr(SmolderProfile) p = build_web ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  g_assert_true (smolder_query_set_show (q, "^main\\.", NULL));
  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 3);
  tb_assert_row (top, "main.handler", 10, 15);
  tb_assert_row (top, "main.compute", 5, 5);
  tb_assert_row (top, "main.main", 2, 17);
}

static void
test_show_from (void)
{
  g_autoptr(SmolderProfile) p = build_web ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  g_assert_true (smolder_query_set_show_from (q, "handler", NULL));
  top = tb_top (p, q);
  /* Frames above main.handler are cut; samples without it are dropped. */
  g_assert_null (tb_find_row (top, "main.main"));
  tb_assert_row (top, "main.handler", 0, 15);
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 15);
}

/* Inlined frames: hide drops one line of a location, not the location. */
static void
test_hide_inlined (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  guint32 idx = tb_function (p, "strings.Index", "strings.go", 0);
  guint32 f = tb_function (p, "main.f", "main.go", 0);
  guint32 loc = tb_location (p, END, 0x10, idx, 1, f, 2, END);
  guint32 main_ = tb_simple (p, "main.main");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  tb_sample (p, 4, loc, main_, END);
  tb_seal (p);

  g_assert_true (smolder_query_set_hide (q, "strings", NULL));
  top = tb_top (p, q);
  tb_assert_row (top, "main.f", 4, 4);
  g_assert_null (tb_find_row (top, "strings.Index"));
}

static void
test_drop_frames (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  guint32 main_ = tb_simple (p, "main.main");
  guint32 alloc = tb_simple (p, "malloc");
  guint32 inner = tb_simple (p, "internal_alloc");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  tb_sample (p, 3, inner, alloc, main_, END);
  p->drop_frames = smolder_profile_intern (p, "malloc", -1);
  tb_seal (p);

  /* pprof's RemoveUninteresting: malloc and everything below it go. */
  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 1);
  tb_assert_row (top, "main.main", 3, 3);
}

static void
test_simplify_func (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "foo(int)", "foo" },
    { ".foo", "foo" },
    { "(anonymous namespace)::bar(int)", "(anonymous namespace)::bar" },
    { "Foo::operator()(int)", "Foo::operator()" },
    { "main.main", "main.main" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = smolder_filter_simplify_func (cases[i].in);
      g_assert_cmpstr (s, ==, cases[i].out);
    }
}

static void
test_bad_regex (void)
{
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (smolder_query_set_focus (q, "ok", NULL));
  g_assert_false (smolder_query_set_focus (q, "(unclosed", &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_assert_nonnull (strstr (error->message, "focus"));
  /* The old value stays. */
  g_assert_nonnull (smolder_query_get_focus (q));
  g_clear_error (&error);

  g_assert_false (smolder_query_add_tag_focus (q, "key=[", &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_clear_error (&error);
  g_assert_false (smolder_query_add_tag_focus (q, "", &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY);
  g_assert_cmpuint (smolder_query_get_n_tag_focus (q), ==, 0);
}

static void
test_warnings (void)
{
  g_autoptr(SmolderProfile) p = build_web ();
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  const char * const *warnings;

  g_assert_true (smolder_query_set_focus (q, "no-such-function", NULL));
  top = tb_top (p, q);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 0);
  warnings = smolder_top_get_warnings (top);
  g_assert_nonnull (warnings);
  g_assert_cmpstr (warnings[0], ==, "Focus expression matched no samples");
}

static void
test_tags_built (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("samples/count", NULL);
  guint32 a = tb_simple (p, "main.a");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  smolder_profile_begin_sample (p);
  smolder_profile_sample_add_location (p, a);
  smolder_profile_sample_add_value (p, 1);
  tb_label (p, "tenant", "alpha");
  smolder_profile_sample_add_label (p, smolder_profile_intern (p, "bytes", -1), 0, 4096, 0);
  smolder_profile_end_sample (p);

  smolder_profile_begin_sample (p);
  smolder_profile_sample_add_location (p, a);
  smolder_profile_sample_add_value (p, 2);
  tb_label (p, "tenant", "beta");
  smolder_profile_sample_add_label (p, smolder_profile_intern (p, "bytes", -1), 0, 64, 0);
  smolder_profile_end_sample (p);

  smolder_profile_begin_sample (p);
  smolder_profile_sample_add_location (p, a);
  smolder_profile_sample_add_value (p, 4);
  smolder_profile_end_sample (p);
  tb_seal (p);

#define KEPT(filter, expected)                                            \
  G_STMT_START {                                                          \
    g_autoptr(SmolderQuery) _q = smolder_query_new ();                    \
    g_autoptr(SmolderTop) _t = NULL;                                      \
    g_assert_true (smolder_query_add_tag_focus (_q, filter, NULL));       \
    _t = tb_top (p, _q);                                                  \
    g_assert_cmpint (smolder_top_get_kept_total (_t), ==, expected);      \
  } G_STMT_END

  KEPT ("tenant=alpha", 1);
  KEPT ("tenant=alpha,beta", 3);
  KEPT ("tenant=^b", 2);
  KEPT ("tenant:beta", 2);        /* no key: "key:value" */
  KEPT ("bytes=4kb", 1);          /* numeric: "bytes" has unit bytes */
  KEPT ("bytes=4096b", 1);
  KEPT ("bytes=4096", 0);         /* no unit: pprof matches nothing */
  KEPT ("bytes=1kb:", 1);
  KEPT ("bytes=:1kb", 2);
  KEPT ("bytes=32b:8kb", 3);
  KEPT ("64b", 2);                /* a range over any numeric label */
#undef KEPT

  g_assert_true (smolder_query_add_tag_ignore (q, "tenant=alpha", NULL));
  top = tb_top (p, q);
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 6);
}

static gint64
fixture_kept (SmolderProfile *p,
              guint           sample_index,
              const char     *tag_focus,
              const char     *tag_ignore)
{
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  smolder_query_set_sample_index (q, sample_index);
  if (tag_focus)
    g_assert_true (smolder_query_add_tag_focus (q, tag_focus, NULL));
  if (tag_ignore)
    g_assert_true (smolder_query_add_tag_ignore (q, tag_ignore, NULL));
  top = tb_top (p, q);
  return smolder_top_get_kept_total (top);
}

static void
test_tags_fixture (void)
{
  g_autoptr(SmolderProfile) cpu = tb_load ("labels/cpu-labels.pb.gz");
  g_autoptr(SmolderProfile) heap = tb_load ("leaky-service/series/heap-11.pb.gz");

  g_assert_cmpint (fixture_kept (cpu, 1, "tenant=beta", NULL), ==, 1440000000);
  g_assert_cmpint (fixture_kept (cpu, 1, "tenant=alpha,beta", NULL), ==, 2140000000);
  g_assert_cmpint (fixture_kept (cpu, 1, "worker:hash", NULL), ==, 1420000000);
  g_assert_cmpint (fixture_kept (cpu, 1, "beta,hash", NULL), ==, 720000000);
  g_assert_cmpint (fixture_kept (cpu, 1, "tenant=^alp", NULL), ==, 700000000);
  g_assert_cmpint (fixture_kept (cpu, 1, NULL, "worker=hash"), ==, 720000000);

  /* inuse_space (3) with the runtime's "bytes" numeric label */
  g_assert_cmpint (fixture_kept (heap, 3, "4kb", NULL), ==, 38422722);
  g_assert_cmpint (fixture_kept (heap, 3, "bytes=2kb:8kb", NULL), ==, 56813151);
  g_assert_cmpint (fixture_kept (heap, 3, "bytes=:64b", NULL), ==, 524320);
  g_assert_cmpint (fixture_kept (heap, 3, "bytes=4096", NULL), ==, 0);
  g_assert_cmpint (fixture_kept (heap, 3, "1mb:", NULL), ==, 0);
}

static void
test_names_fixture (void)
{
  g_autoptr(SmolderProfile) p = tb_load ("go-toolchain/compile-nethttp-cpu.pb.gz");
  g_autoptr(SmolderQuery) q = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;

  g_assert_true (smolder_query_set_focus (q, "ssa\\.Compile", NULL));
  g_assert_true (smolder_query_set_hide (q, "^runtime\\.", NULL));
  top = tb_top (p, q);
  g_assert_cmpint (smolder_top_get_total (top), ==, 2710000000);
  g_assert_cmpint (smolder_top_get_kept_total (top), ==, 680000000);
  g_assert_cmpuint (smolder_top_get_n_rows (top), ==, 107);
  tb_assert_row (top, "cmd/compile/internal/ssa.Compile", 10000000, 680000000);
  tb_assert_row (top, "cmd/compile/internal/ssagen.buildssa", 0, 680000000);
  tb_assert_row (top, "cmd/compile/internal/ssa.schedule", 40000000, 40000000);
  tb_assert_row (top, "cmd/compile/internal/ssa.(*regAllocState).regalloc", 30000000, 60000000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/filter/focus", test_focus);
  g_test_add_func ("/smolder/filter/ignore", test_ignore);
  g_test_add_func ("/smolder/filter/hide", test_hide);
  g_test_add_func ("/smolder/filter/show", test_show);
  g_test_add_func ("/smolder/filter/show-from", test_show_from);
  g_test_add_func ("/smolder/filter/hide-inlined", test_hide_inlined);
  g_test_add_func ("/smolder/filter/drop-frames", test_drop_frames);
  g_test_add_func ("/smolder/filter/simplify-func", test_simplify_func);
  g_test_add_func ("/smolder/filter/bad-regex", test_bad_regex);
  g_test_add_func ("/smolder/filter/warnings", test_warnings);
  g_test_add_func ("/smolder/filter/tags", test_tags_built);
  g_test_add_func ("/smolder/filter/tags-fixture", test_tags_fixture);
  g_test_add_func ("/smolder/filter/names-fixture", test_names_fixture);

  return g_test_run ();
}
