/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "# runtime.MemStats" block of a text heap profile. */
#include "smolder-memstats-parse.h"
#include "smolder-profile.h"

#include <string.h>

static char *
fixture_block (void)
{
  g_autofree char *path = g_build_filename (SMOLDER_TEST_DATA, "leaky-service", "series", "heap-debug1-01.txt", NULL);
  g_autofree char *text = NULL;
  const char *start;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  start = strstr (text, "# runtime.MemStats");
  g_assert_nonnull (start);
  return g_strdup (start);
}

static void
test_fixture (void)
{
  g_autofree char *block = fixture_block ();
  g_autoptr(GError) error = NULL;
  SmolderMemStats ms;
  guint64 recent[4];

  g_assert_true (smolder_memstats_parse (block, strlen (block), &ms, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (ms.alloc, ==, 14521672);
  g_assert_cmpuint (ms.total_alloc, ==, 62294696);
  g_assert_cmpuint (ms.sys, ==, 36549896);
  g_assert_cmpuint (ms.lookups, ==, 0);
  g_assert_cmpuint (ms.mallocs, ==, 788294);
  g_assert_cmpuint (ms.frees, ==, 736924);
  g_assert_cmpuint (ms.heap_alloc, ==, 14521672);
  g_assert_cmpuint (ms.heap_sys, ==, 22315008);
  g_assert_cmpuint (ms.heap_idle, ==, 6021120);
  g_assert_cmpuint (ms.heap_inuse, ==, 16293888);
  g_assert_cmpuint (ms.heap_released, ==, 3842048);
  g_assert_cmpuint (ms.heap_objects, ==, 51370);
  g_assert_cmpuint (ms.stack_inuse, ==, 2850816);
  g_assert_cmpuint (ms.stack_sys, ==, 2850816);
  g_assert_cmpuint (ms.mspan_inuse, ==, 227088);
  g_assert_cmpuint (ms.mspan_sys, ==, 260352);
  g_assert_cmpuint (ms.mcache_inuse, ==, 2400);
  g_assert_cmpuint (ms.mcache_sys, ==, 15600);
  g_assert_cmpuint (ms.buck_hash_sys, ==, 1449586);
  g_assert_cmpuint (ms.gc_sys, ==, 8924584);
  g_assert_cmpuint (ms.other_sys, ==, 733950);
  g_assert_cmpuint (ms.next_gc, ==, 17913728);
  g_assert_cmpuint (ms.last_gc, ==, G_GUINT64_CONSTANT (1795300252318701719));
  g_assert_cmpuint (ms.pause_ns[0], ==, 131385);
  g_assert_cmpuint (ms.pause_ns[16], ==, 72978);
  g_assert_cmpuint (ms.pause_ns[17], ==, 0);
  g_assert_cmpuint (ms.pause_end[0], ==, G_GUINT64_CONSTANT (1795300246831785891));
  g_assert_cmpuint (ms.pause_end[16], ==, ms.last_gc);
  g_assert_cmpuint (ms.num_gc, ==, 17);
  g_assert_cmpuint (ms.num_forced_gc, ==, 0);
  g_assert_cmpfloat (ms.gc_cpu_fraction, ==, 0.0019598797952312392);
  g_assert_false (ms.debug_gc);
  g_assert_true (ms.has_max_rss);
  g_assert_cmpuint (ms.max_rss, ==, 26996736);

  /* The last pauses, oldest first: ring slots 13..16. */
  g_assert_cmpuint (smolder_memstats_recent_pauses (&ms, recent, 4), ==, 4);
  g_assert_cmpuint (recent[0], ==, 68872);
  g_assert_cmpuint (recent[3], ==, 72978);
}

static void
test_ring_wraps (void)
{
  GString *text = g_string_new ("# runtime.MemStats\n# PauseNs = [");
  g_autoptr(GError) error = NULL;
  SmolderMemStats ms;
  guint64 recent[300];

  for (guint i = 0; i < 256; i++)
    g_string_append_printf (text, "%s%u", i ? " " : "", i + 1000);
  /* 300 GCs: the newest pause (the 300th) is in slot 299 % 256 = 43. */
  g_string_append (text, "]\n# NumGC = 300\n# DebugGC = true\n# GCCPUFraction = 1.5e-05\n# FutureField = 7\n");
  g_assert_true (smolder_memstats_parse (text->str, text->len, &ms, &error));
  g_assert_no_error (error);
  g_assert_true (ms.debug_gc);
  g_assert_cmpfloat (ms.gc_cpu_fraction, ==, 1.5e-05);
  g_assert_false (ms.has_max_rss);
  g_assert_cmpuint (smolder_memstats_recent_pauses (&ms, recent, 300), ==, 256);
  g_assert_cmpuint (recent[255], ==, 1043);
  g_assert_cmpuint (recent[0], ==, 1044);
  g_string_free (text, TRUE);
}

static void
assert_error (const char *text,
              const char *fragment)
{
  g_autoptr(GError) error = NULL;
  SmolderMemStats ms;

  g_assert_false (smolder_memstats_parse (text, strlen (text), &ms, &error));
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
  if (strstr (error->message, fragment) == NULL)
    g_error ("\"%s\" lacks \"%s\"", error->message, fragment);
}

static void
test_errors (void)
{
  assert_error ("", "empty");
  assert_error ("# runtime.Other\n", "line 1");
  assert_error ("# runtime.MemStats\n# Alloc = -1\n", "line 2: Alloc: expected an unsigned integer");
  assert_error ("# runtime.MemStats\n# Sys = 1\n# Stack = 5\n", "line 3: Stack: expected two unsigned integers");
  assert_error ("# runtime.MemStats\n# NumGC = 4294967296\n", "line 2: NumGC");
  assert_error ("# runtime.MemStats\n# DebugGC = maybe\n", "true or false");
  assert_error ("# runtime.MemStats\n# GCCPUFraction = x\n", "expected a number");
  assert_error ("# runtime.MemStats\n# PauseNs = [1 2\n", "PauseNs");
  assert_error ("# runtime.MemStats\n# Alloc 5\n", "line 2: expected \"# Name = value\"");
}

static void
test_ring_overflow (void)
{
  GString *text = g_string_new ("# runtime.MemStats\n# PauseEnd = [");

  for (guint i = 0; i < 257; i++)
    g_string_append (text, " 1");
  g_string_append (text, "]\n");
  assert_error (text->str, "at most 256");
  g_string_free (text, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/memstats/fixture", test_fixture);
  g_test_add_func ("/smolder/memstats/ring-wraps", test_ring_wraps);
  g_test_add_func ("/smolder/memstats/errors", test_errors);
  g_test_add_func ("/smolder/memstats/ring-overflow", test_ring_overflow);

  return g_test_run ();
}
