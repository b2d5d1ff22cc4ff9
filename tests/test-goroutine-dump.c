/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Goroutine tracebacks (?debug=2): the counts and states one can check with
 * grep in the fixture, aggregation into a goroutine/count profile, Go 1.21+
 * "created by ... in goroutine N", and errors with line numbers. */
#define DECODE smolder_goroutine_dump_decode
#include "test-helpers.h"

static const char *
frame (SmolderProfile *p,
       guint           location,
       gint64         *line)
{
  const SmolderLocation *loc = smolder_profile_get_location (p, location);
  const SmolderLine *ln;

  g_assert_cmpuint (loc->n_lines, ==, 1);
  ln = smolder_profile_get_line (p, loc->first_line);
  if (line != NULL)
    *line = ln->line;
  return smolder_profile_get_string (p, smolder_profile_get_function (p, ln->function)->name);
}

static const char *
file_of (SmolderProfile *p,
         guint           location)
{
  const SmolderLocation *loc = smolder_profile_get_location (p, location);
  const SmolderLine *ln = smolder_profile_get_line (p, loc->first_line);

  return smolder_profile_get_string (p, smolder_profile_get_function (p, ln->function)->filename);
}

/* The string label @key of sample @sample, NULL when absent. */
static const char *
label_str (SmolderProfile *p,
           guint           sample,
           const char     *key)
{
  guint n;
  const SmolderLabel *l = smolder_profile_get_sample_labels (p, sample, &n);

  for (guint i = 0; i < n; i++)
    if (l[i].str != 0 && g_str_equal (smolder_profile_get_string (p, l[i].key), key))
      return smolder_profile_get_string (p, l[i].str);
  return NULL;
}

/* The numeric label @key (in @unit) of sample @sample, -1 when absent. */
static gint64
label_num (SmolderProfile *p,
           guint           sample,
           const char     *key,
           const char     *unit)
{
  guint n;
  const SmolderLabel *l = smolder_profile_get_sample_labels (p, sample, &n);

  for (guint i = 0; i < n; i++)
    if (l[i].str == 0 && g_str_equal (smolder_profile_get_string (p, l[i].key), key))
      {
        g_assert_cmpstr (smolder_profile_get_string (p, l[i].num_unit), ==, unit);
        return l[i].num;
      }
  return -1;
}

static void
test_fixture (void)
{
  g_autoptr(SmolderProfile) p = decode_fixture ("goroutine-debug2.txt");
  guint n_chan = 0, n_chan_1min = 0, n_io = 0, n_running = 0, n_locked = 0, n_leaky = 0;
  guint leak_sample = G_MAXUINT;
  const SmolderGoroutine *g;
  const guint32 *locs;
  gint64 line;
  guint n;

  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_GOROUTINE);
  g_assert_cmpint (smolder_profile_get_format (p), ==, SMOLDER_PROFILE_FORMAT_GOROUTINE_DUMP);
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 0)->type), ==, "goroutine");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 0)->unit), ==, "count");

  /* grep -c '^goroutine ' goroutine-debug2.txt */
  g_assert_cmpuint (smolder_profile_get_n_goroutines (p), ==, 14368);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 14368);

  for (guint i = 0; i < smolder_profile_get_n_goroutines (p); i++)
    {
      const char *state;

      g = smolder_profile_get_goroutine (p, i);
      state = smolder_profile_get_string (p, g->state);
      if (g_str_equal (state, "chan receive") && g->wait_minutes == -1)
        n_chan++;
      else if (g_str_equal (state, "chan receive") && g->wait_minutes == 1)
        n_chan_1min++;
      else if (g_str_equal (state, "IO wait"))
        n_io++;
      else if (g_str_equal (state, "running"))
        n_running++;
      if (g->locked_to_thread)
        n_locked++;
      g_assert_cmpint (g->created_by_id, ==, -1);  /* Go 1.19 does not say */
      g_assert_false (g->frames_elided);
      locs = smolder_profile_get_sample_locations (p, g->sample, &n);
      if (n == 1 && g_str_equal (frame (p, locs[0], NULL), "main.leakUploadWorker.func1"))
        {
          n_leaky++;
          leak_sample = g->sample;
          g_assert_cmpstr (frame (p, g->created_by_location, NULL), ==, "main.leakUploadWorker");
        }
    }
  /* grep -c '^goroutine [0-9]* \[chan receive\]:' and so on. */
  g_assert_cmpuint (n_chan, ==, 11714);
  g_assert_cmpuint (n_chan_1min, ==, 2651);
  g_assert_cmpuint (n_io, ==, 2);
  g_assert_cmpuint (n_running, ==, 1);
  g_assert_cmpuint (n_locked, ==, 0);
  /* grep -c '^main.leakUploadWorker.func1()': the leak, one sample. */
  g_assert_cmpuint (n_leaky, ==, 14364);
  /* The leak's stack is two samples: the labels differ by the wait
   * (grep -c '^goroutine [0-9]* \[chan receive, 1 minutes\]:' is 2651). */
  {
    gint64 leak_total = 0, leak_waited = 0;

    for (guint i = 0; i < smolder_profile_get_n_samples (p); i++)
      {
        locs = smolder_profile_get_sample_locations (p, i, &n);
        if (n == 1 && g_str_equal (frame (p, locs[0], NULL), "main.leakUploadWorker.func1"))
          {
            leak_total += smolder_profile_get_sample_values (p, i)[0];
            g_assert_cmpstr (label_str (p, i, "state"), ==, "chan receive");
            g_assert_cmpstr (label_str (p, i, "created_by"), ==, "main.leakUploadWorker");
            if (label_num (p, i, "wait", "minutes") == 1)
              leak_waited += smolder_profile_get_sample_values (p, i)[0];
          }
      }
    g_assert_cmpint (leak_total, ==, 14364);
    g_assert_cmpint (leak_waited, ==, 2651);
  }
  g_assert_cmpint (smolder_profile_get_sample_values (p, leak_sample)[0], <, 14364);

  /* The first goroutine: goroutine 28814 [running], leaf first. */
  g = smolder_profile_get_goroutine (p, 0);
  g_assert_cmpint (g->id, ==, 28814);
  g_assert_cmpint (g->wait_minutes, ==, -1);
  locs = smolder_profile_get_sample_locations (p, g->sample, &n);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpstr (frame (p, locs[0], &line), ==, "runtime/pprof.writeGoroutineStacks");
  g_assert_cmpint (line, ==, 692);
  g_assert_cmpstr (file_of (p, locs[0]), ==, "runtime/pprof/pprof.go");
  g_assert_cmpstr (frame (p, locs[2], NULL), ==, "runtime/pprof.(*Profile).WriteTo");
  g_assert_cmpstr (frame (p, locs[8], NULL), ==, "net/http.(*conn).serve");
  g_assert_cmpstr (frame (p, g->created_by_location, &line), ==, "net/http.(*Server).Serve");
  g_assert_cmpint (line, ==, 3102);

  /* goroutine 1 [IO wait]: the inlined frame without +0x keeps its line. */
  g = smolder_profile_get_goroutine (p, 1);
  g_assert_cmpint (g->id, ==, 1);
  g_assert_cmpuint (g->created_by_location, ==, SMOLDER_NO_ID);
  locs = smolder_profile_get_sample_locations (p, g->sample, &n);
  g_assert_cmpuint (n, ==, 11);
  g_assert_cmpstr (frame (p, locs[2], &line), ==, "internal/poll.(*pollDesc).waitRead");
  g_assert_cmpint (line, ==, 89);
  g_assert_cmpstr (frame (p, locs[10], NULL), ==, "main.main");

  /* Five distinct stacks in all, the leak's in two waits. */
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 6);
}

static void
test_newer_formats (void)
{
  static const char text[] =
    "goroutine profile: total 4\r\n"
    "goroutine 7 [select, 12 minutes, locked to thread]:\r\n"
    "main.(*Server[...]).loop(0xc000010000, {0x1, 0x2})\r\n"
    "\tC:/work/main.go:40 +0x1f fp=0xc000 sp=0xc000 pc=0x1\r\n"
    "...additional frames elided...\r\n"
    "created by main.main in goroutine 1\r\n"
    "\t/src/main.go:12 +0x25\r\n"
    "\r\n"
    "goroutine 8 [running]:\r\n"
    "goroutine running on other thread; stack unavailable\r\n"
    "created by main.main in goroutine 1\r\n"
    "\t/src/main.go:13 +0x25\r\n"
    "\r\n"
    "goroutine 9 [select, 12 minutes, locked to thread]:\r\n"
    "main.(*Server[...]).loop(0xc000010008, {0x3, 0x4})\r\n"
    "\tC:/work/main.go:40 +0x1f\r\n"
    "created by main.main in goroutine 1\r\n"
    "\t/src/main.go:14 +0x25\r\n"
    "\r\n"
    "goroutine 10 [sleep]:\n"
    "time.Sleep(0x3b9aca00)\n"
    "\truntime/time.go:195 +0x135\n"
    "main.main()\n"
    "\t/src/main.go:20 +0x65\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text (text, &error);
  const SmolderGoroutine *g;
  const guint32 *locs;
  gint64 line;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_goroutines (p), ==, 4);
  /* 7 and 9 share a stack; 8 has none. */
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 3);

  g = smolder_profile_get_goroutine (p, 0);
  g_assert_cmpint (g->id, ==, 7);
  g_assert_cmpstr (smolder_profile_get_string (p, g->state), ==, "select");
  g_assert_cmpint (g->wait_minutes, ==, 12);
  g_assert_true (g->locked_to_thread);
  g_assert_true (g->frames_elided);
  g_assert_cmpint (g->created_by_id, ==, 1);
  g_assert_cmpstr (frame (p, g->created_by_location, &line), ==, "main.main");
  g_assert_cmpint (line, ==, 12);
  locs = smolder_profile_get_sample_locations (p, g->sample, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (frame (p, locs[0], &line), ==, "main.(*Server[...]).loop");
  g_assert_cmpint (line, ==, 40);
  g_assert_cmpstr (file_of (p, locs[0]), ==, "C:/work/main.go");
  g_assert_cmpint (smolder_profile_get_sample_values (p, g->sample)[0], ==, 2);
  g_assert_cmpuint (smolder_profile_get_goroutine (p, 2)->sample, ==, g->sample);
  g_assert_cmpstr (label_str (p, g->sample, "state"), ==, "select");
  g_assert_cmpint (label_num (p, g->sample, "wait", "minutes"), ==, 12);
  g_assert_cmpstr (label_str (p, g->sample, "locked_to_thread"), ==, "true");
  g_assert_cmpstr (label_str (p, g->sample, "created_by"), ==, "main.main");

  g = smolder_profile_get_goroutine (p, 1);
  g_assert_cmpstr (smolder_profile_get_string (p, g->state), ==, "running");
  smolder_profile_get_sample_locations (p, g->sample, &n);
  g_assert_cmpuint (n, ==, 0);

  g = smolder_profile_get_goroutine (p, 3);
  g_assert_cmpint (g->id, ==, 10);
  g_assert_cmpint (g->created_by_id, ==, -1);
  locs = smolder_profile_get_sample_locations (p, g->sample, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (frame (p, locs[0], NULL), ==, "time.Sleep");
  g_assert_cmpstr (frame (p, locs[1], NULL), ==, "main.main");
}

static void
test_errors (void)
{
  /* Only a file without a goroutine is an error. */
  assert_error ("", "line 1", "goroutine ID [STATE]:");
  assert_error ("hello\n", "line 2", "goroutine ID [STATE]:");
  assert_error ("goroutine 1 running:\n", "line 2", "goroutine ID [STATE]:");
}

/* A dump of tests/data/goroutine-dumps (see its README). */
static SmolderProfile *
decode_dump (const char *name)
{
  g_autofree char *path = g_build_filename (SMOLDER_TEST_DATA, "goroutine-dumps", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = smolder_input_new_for_path (path, NULL, &error);
  SmolderProfile *profile;

  g_assert_no_error (error);
  profile = DECODE (input, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

static guint
n_warnings (SmolderProfile *p)
{
  return g_strv_length ((char **) smolder_profile_get_warnings (p));
}

/* Where goroutine @id counts: its stack's leaf and depth. */
static const char *
goroutine_leaf (SmolderProfile *p,
                gint64          id,
                guint          *depth)
{
  for (guint i = 0; i < smolder_profile_get_n_goroutines (p); i++)
    {
      const SmolderGoroutine *g = smolder_profile_get_goroutine (p, i);
      const guint32 *locs;

      if (g->id != id)
        continue;
      locs = smolder_profile_get_sample_locations (p, g->sample, depth);
      return *depth > 0 ? frame (p, locs[0], NULL) : NULL;
    }
  g_assert_not_reached ();
}

/* Damaged lines are skipped and counted; the rest of the dump is kept. */
static void
test_skipped_lines (void)
{
  static const char text[] =
    "goroutine 1 [running]:\n"
    "main.main()\n"
    "\tmain.go:1 +0x1\n"
    "rubbish here\n"
    "main.f()\n"
    "main.g()\n"
    "\tmain.go:7 +0x1\n"
    "\n"
    "goroutine 2 [select]:\n"
    "created by main.f in goroutine x\n"
    "\n"
    "goroutine 3 [select]:\n"
    "main.h()\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text (text, &error);
  const char * const *warnings;
  guint depth;

  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_goroutines (p), ==, 3);
  warnings = smolder_profile_get_warnings (p);
  g_assert_cmpuint (n_warnings (p), ==, 2);
  /* main.h has no file line: the input ends inside goroutine 3. */
  g_assert_nonnull (strstr (warnings[0], "goroutine 3"));
  g_assert_nonnull (strstr (warnings[0], "main.h"));
  /* "rubbish here", "main.f()" without its file line, and "in goroutine x";
   * main.g() after main.f() is kept. */
  g_assert_nonnull (strstr (warnings[1], "skipped 3 lines"));
  g_assert_nonnull (strstr (warnings[1], "line 4: “rubbish here”"));
  g_assert_cmpstr (goroutine_leaf (p, 1, &depth), ==, "main.main");
  g_assert_cmpuint (depth, ==, 2);
  g_assert_null (goroutine_leaf (p, 3, &depth));
}

/* go run of tests/data/goroutine-dumps/main.go with GOTRACEBACK=all: the
 * panic's message, seven goroutines, and go run's "exit status 2". */
static void
test_panic (void)
{
  g_autoptr(SmolderProfile) p = decode_dump ("panic-all.txt");
  guint depth;

  /* grep -c '^goroutine ' panic-all.txt */
  g_assert_cmpuint (smolder_profile_get_n_goroutines (p), ==, 7);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 7);
  g_assert_cmpuint (smolder_profile_get_n_comments (p), ==, 1);
  g_assert_cmpstr (smolder_profile_get_comment (p, 0), ==, "panic: assignment to entry in nil map");
  g_assert_cmpuint (n_warnings (p), ==, 1);
  g_assert_nonnull (strstr (smolder_profile_get_warnings (p)[0], "“exit status 2”"));
  g_assert_cmpstr (goroutine_leaf (p, 1, &depth), ==, "main.main");
  g_assert_cmpstr (goroutine_leaf (p, 12, &depth), ==, "sync.runtime_SemacquireMutex");
  g_assert_cmpuint (depth, ==, 4);
}

/* The same with GODEBUG=tracebackancestors=5: the ancestors' stacks are not
 * part of a goroutine's own stack. */
static void
test_ancestors (void)
{
  g_autoptr(SmolderProfile) p = decode_dump ("ancestors.txt");
  guint depth;

  g_assert_cmpuint (smolder_profile_get_n_goroutines (p), ==, 7);
  g_assert_cmpuint (n_warnings (p), ==, 0);
  g_assert_cmpstr (goroutine_leaf (p, 7, &depth), ==, "main.worker");
  g_assert_cmpuint (depth, ==, 1);
  g_assert_cmpstr (goroutine_leaf (p, 11, &depth), ==, "time.Sleep");
  g_assert_cmpuint (depth, ==, 2);
}

/* panic-all.txt cut after 1000 bytes (head -c), in a file line of goroutine 12. */
static void
test_cut (void)
{
  g_autoptr(SmolderProfile) p = decode_dump ("cut.txt");
  guint depth;

  g_assert_cmpuint (smolder_profile_get_n_goroutines (p), ==, 7);
  g_assert_cmpuint (n_warnings (p), ==, 1);
  /* The frame before the cut, and the cut line "\t/usr/lib/go-1.19/src". */
  g_assert_nonnull (strstr (smolder_profile_get_warnings (p)[0], "skipped 2 lines"));
  g_assert_nonnull (strstr (smolder_profile_get_warnings (p)[0], "line 42: “sync.(*Mutex).lockSlow”"));
  /* Its first frame is whole; the second lost its file line. */
  g_assert_cmpstr (goroutine_leaf (p, 12, &depth), ==, "sync.runtime_SemacquireMutex");
  g_assert_cmpuint (depth, ==, 1);
}

/* Hand-written from Go 1.21's traceback.go format: "in goroutine N",
 * Windows paths (with a space), cgo frames, elided frames, CRLF. */
static void
test_go121_windows (void)
{
  g_autoptr(SmolderProfile) p = decode_dump ("go121-windows.txt");
  const SmolderGoroutine *g;
  guint depth;

  g_assert_cmpuint (smolder_profile_get_n_goroutines (p), ==, 4);
  g_assert_cmpuint (n_warnings (p), ==, 0);
  g = smolder_profile_get_goroutine (p, 1);
  g_assert_cmpint (g->id, ==, 7);
  g_assert_cmpint (g->created_by_id, ==, 6);
  g_assert_cmpint (g->wait_minutes, ==, 3);
  g = smolder_profile_get_goroutine (p, 2);
  g_assert_true (g->locked_to_thread);
  g_assert_cmpstr (goroutine_leaf (p, 8, &depth), ==, "runtime.cgocall");
  g_assert_cmpuint (depth, ==, 3);
  {
    const guint32 *locs = smolder_profile_get_sample_locations (p, g->sample, &depth);

    g_assert_cmpstr (file_of (p, locs[0]), ==, "C:/Program Files/Go/src/runtime/cgocall.go");
    g_assert_cmpstr (file_of (p, locs[1]), ==, "_cgo_gotypes.go");
  }
  g = smolder_profile_get_goroutine (p, 3);
  g_assert_true (g->frames_elided);
  g_assert_cmpstr (label_str (p, g->sample, "created_by"), ==, "main.main");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/goroutine-dump/fixture", test_fixture);
  g_test_add_func ("/smolder/goroutine-dump/newer-formats", test_newer_formats);
  g_test_add_func ("/smolder/goroutine-dump/errors", test_errors);
  g_test_add_func ("/smolder/goroutine-dump/skipped-lines", test_skipped_lines);
  g_test_add_func ("/smolder/goroutine-dump/panic", test_panic);
  g_test_add_func ("/smolder/goroutine-dump/ancestors", test_ancestors);
  g_test_add_func ("/smolder/goroutine-dump/cut", test_cut);
  g_test_add_func ("/smolder/goroutine-dump/go121-windows", test_go121_windows);

  return g_test_run ();
}
