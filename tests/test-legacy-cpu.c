/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-legacy-cpu.c: the binary CPU profile of Go before 1.9, generated
 * here word by word. The expected values are what `go tool pprof -raw`
 * prints for the same bytes (set SMOLDER_WRITE_LEGACY=DIR to get the files
 * and compare by hand). */

#include <string.h>

#include "smolder-decoders.h"

typedef struct {
  GByteArray *b;
  guint       size;
  gboolean    big_endian;
} Writer;

static void
put_word (Writer  *w,
          guint64  v)
{
  guint8 bytes[8];

  for (guint i = 0; i < w->size; i++)
    {
      guint shift = w->big_endian ? (w->size - 1 - i) * 8 : i * 8;
      bytes[i] = (v >> shift) & 0xff;
    }
  g_byte_array_append (w->b, bytes, w->size);
}

static void
put_sample (Writer        *w,
            guint64        count,
            const guint64 *stack,
            guint          depth)
{
  put_word (w, count);
  put_word (w, depth);
  for (guint i = 0; i < depth; i++)
    put_word (w, stack[i]);
}

static void
put_header (Writer  *w,
            guint64  period_us)
{
  put_word (w, 0);
  put_word (w, 3);
  put_word (w, 0);
  put_word (w, period_us);
  put_word (w, 0);
}

static void
put_end (Writer *w)
{
  put_word (w, 0);
  put_word (w, 1);
  put_word (w, 0);
}

static const char memory_map[] =
  "00400000-00410000 r-xp 00000000 08:01 1234 /usr/bin/app\n"
  "00410000-00420000 rw-p 00010000 08:01 1234 /usr/bin/app\n"
  "7f0000000000-7f0000100000 r-xp 00000000 08:01 99 /lib/libc.so.6\n";

/* 64-bit little endian, with a duplicated leaf and a memory map. */
static GBytes *
profile_a (void)
{
  Writer w = { g_byte_array_new (), 8, FALSE };
  const guint64 s1[] = { 0x401000, 0x402005, 0x403005 };
  const guint64 s2[] = { 0x401100, 0x402005, 0x404005 };
  const guint64 s3[] = { 0x405001, 0x405001, 0x406005 };
  const guint64 s4[] = { 0x7f0000001000 };

  put_header (&w, 10000);
  put_sample (&w, 5, s1, 3);
  put_sample (&w, 3, s2, 3);
  put_sample (&w, 2, s3, 3);
  put_sample (&w, 1, s4, 1);
  put_end (&w);
  g_byte_array_append (w.b, (const guint8 *) memory_map, strlen (memory_map));
  return g_byte_array_free_to_bytes (w.b);
}

/* 32-bit big endian, no end marker, no map; every sample's second frame is
 * the signal handler's. */
static GBytes *
profile_b (void)
{
  Writer w = { g_byte_array_new (), 4, TRUE };
  const guint64 s1[] = { 0x1000, 0x9001, 0x2001 };
  const guint64 s2[] = { 0x1100, 0x9001, 0x3001, 0x4001 };
  const guint64 s3[] = { 0x1200, 0x9001 };

  put_header (&w, 1000);
  put_sample (&w, 7, s1, 3);
  put_sample (&w, 1, s2, 4);
  put_sample (&w, 2, s3, 2);
  return g_byte_array_free_to_bytes (w.b);
}

static void
maybe_write (const char *name,
             GBytes     *bytes)
{
  const char *dir = g_getenv ("SMOLDER_WRITE_LEGACY");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
    }
}

/* The stack of sample @i as addresses. */
static char *
stack_string (SmolderProfile *p,
              guint           i)
{
  GString *s = g_string_new (NULL);
  const guint32 *locs;
  guint n;

  locs = smolder_profile_get_sample_locations (p, i, &n);
  for (guint j = 0; j < n; j++)
    g_string_append_printf (s, "%s%" G_GINT64_MODIFIER "x", j ? " " : "",
                            smolder_profile_get_location (p, locs[j])->address);
  return g_string_free (s, FALSE);
}

static void
test_legacy_64le (void)
{
  g_autoptr(GBytes) bytes = profile_a ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;
  g_autofree char *description = NULL;
  const SmolderMapping *m;
  static const char * const stacks[] = {
    "401000 402004 403004", "401100 402004 404004", "405001 406004", "7f0000001000",
  };
  static const gint64 counts[] = { 5, 3, 2, 1 };

  maybe_write ("legacy-64le.prof", bytes);
  g_assert_cmpint (smolder_sniff (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &description),
                   ==, SMOLDER_SNIFF_LEGACY_CPU);

  p = smolder_profile_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smolder_profile_get_format (p), ==, SMOLDER_PROFILE_FORMAT_LEGACY_CPU);
  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_CPU);

  /* pprof -raw: "PeriodType: cpu nanoseconds / Period: 10000000 /
   * samples/count cpu/nanoseconds" */
  g_assert_cmpuint (smolder_profile_get_n_sample_types (p), ==, 2);
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 0)->type), ==, "samples");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 0)->unit), ==, "count");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 1)->type), ==, "cpu");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_sample_type (p, 1)->unit), ==, "nanoseconds");
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_period_type (p)->type), ==, "cpu");
  g_assert_cmpint (smolder_profile_get_period (p), ==, 10000000);

  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *stack = stack_string (p, i);
      const gint64 *v = smolder_profile_get_sample_values (p, i);

      g_assert_cmpstr (stack, ==, stacks[i]);
      g_assert_cmpint (v[0], ==, counts[i]);
      g_assert_cmpint (v[1], ==, counts[i] * 10000000);
    }
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 110000000);

  /* pprof -raw lists 8: the duplicated leaf's location is gone. */
  g_assert_cmpuint (smolder_profile_get_n_locations (p), ==, 8);

  /* "1: 0x400000/0x410000/0x0 /usr/bin/app", "2: 0x7f0000000000/0x7f0000100000/0x0
   * /lib/libc.so.6"; the writable segment is not a mapping. */
  g_assert_cmpuint (smolder_profile_get_n_mappings (p), ==, 2);
  m = smolder_profile_get_mapping (p, 0);
  g_assert_cmpstr (smolder_profile_get_string (p, m->filename), ==, "/usr/bin/app");
  g_assert_cmphex (m->memory_start, ==, 0x400000);
  g_assert_cmphex (m->memory_limit, ==, 0x410000);
  m = smolder_profile_get_mapping (p, 1);
  g_assert_cmpstr (smolder_profile_get_string (p, m->filename), ==, "/lib/libc.so.6");
  for (guint i = 0; i < smolder_profile_get_n_locations (p); i++)
    {
      const SmolderLocation *loc = smolder_profile_get_location (p, i);
      g_assert_cmpuint (loc->mapping, ==, loc->address >= 0x7f0000000000 ? 1 : 0);
    }
}

static void
test_legacy_32be (void)
{
  g_autoptr(GBytes) bytes = profile_b ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;
  const SmolderMapping *m;
  static const char * const stacks[] = { "1000 2000", "1100 3000 4000", "1200" };

  maybe_write ("legacy-32be.prof", bytes);
  p = smolder_profile_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (smolder_profile_get_period (p), ==, 1000000);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 3);
  /* The shared second frame (0x9000) is the signal handler's: gone. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *stack = stack_string (p, i);
      g_assert_cmpstr (stack, ==, stacks[i]);
    }
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 10);
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 10000000);
  g_assert_cmpuint (smolder_profile_get_n_locations (p), ==, 6);

  /* No memory map: one fake mapping covering everything. */
  g_assert_cmpuint (smolder_profile_get_n_mappings (p), ==, 1);
  m = smolder_profile_get_mapping (p, 0);
  g_assert_cmphex (m->memory_start, ==, 0);
  g_assert_cmphex (m->memory_limit, ==, G_MAXUINT64);
}

static void
test_legacy_truncated (void)
{
  g_autoptr(GBytes) bytes = profile_a ();
  gsize len = g_bytes_get_size (bytes);

  /* Cut anywhere: a valid prefix only at a sample boundary (the end marker
   * is optional, as in pprof), else an error saying where. Header 40
   * bytes, samples of 40, 40, 40 and 24 bytes, the end marker at 184. */
  for (gsize cut = 41; cut < len; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmolderProfile) p = smolder_legacy_cpu_decode (g_bytes_get_data (bytes, NULL), cut, NULL, &error);
      gboolean boundary = cut == 80 || cut == 120 || cut == 160 || cut == 184 || cut >= 208;

      if (boundary)
        {
          g_assert_no_error (error);
          g_assert_nonnull (p);
        }
      else
        {
          g_assert_null (p);
          g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
          g_assert_nonnull (strstr (error->message, "truncated"));
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SmolderProfile) p = smolder_legacy_cpu_decode (g_bytes_get_data (bytes, NULL), 70, NULL, &error);
    g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
    g_assert_cmpstr (error->message, ==, "legacy CPU profile truncated: sample 0 at byte 40 says 3 frames, "
                                         "but only 14 bytes follow");
  }
}

static void
test_legacy_limits (void)
{
  g_autoptr(GBytes) bytes = profile_a ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;
  SmolderLimits limits = *smolder_limits_get_default ();

  limits.max_stack_depth = 2;
  p = smolder_legacy_cpu_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &limits, &error);
  g_assert_null (p);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_clear_error (&error);

  limits = *smolder_limits_get_default ();
  limits.max_samples = 3;
  p = smolder_legacy_cpu_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &limits, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/legacy-cpu/64-bit-little-endian", test_legacy_64le);
  g_test_add_func ("/smolder/legacy-cpu/32-bit-big-endian", test_legacy_32be);
  g_test_add_func ("/smolder/legacy-cpu/truncated", test_legacy_truncated);
  g_test_add_func ("/smolder/legacy-cpu/limits", test_legacy_limits);

  return g_test_run ();
}
