/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-input.c: mapping, gunzip (members, bombs, truncation), sniffing and
 * loading by content. */

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <glib/gstdio.h>

#include "smolder-decoders.h"
#include "smolder-load.h"

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("SMOLDER_TEST_DATA");
  return g_build_filename (dir != NULL ? dir : SMOLDER_TEST_DATA, name, NULL);
}

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* One gzip member holding @len bytes of @data. */
static GByteArray *
gzip_member (const guint8 *data,
             gsize         len)
{
  GByteArray *out = g_byte_array_new ();
  z_stream zs = { 0 };
  guint8 buf[65536];
  int zr;

  g_assert_cmpint (deflateInit2 (&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
  zs.next_in = (Bytef *) data;
  zs.avail_in = len;
  do
    {
      zs.next_out = buf;
      zs.avail_out = sizeof buf;
      zr = deflate (&zs, Z_FINISH);
      g_assert_cmpint (zr, !=, Z_STREAM_ERROR);
      g_byte_array_append (out, buf, sizeof buf - zs.avail_out);
    }
  while (zr != Z_STREAM_END);
  deflateEnd (&zs);
  return out;
}

static SmolderInput *
input_for_bytes (GBytes *bytes, const SmolderLimits *limits, GError **error)
{
  return smolder_input_new_for_bytes (bytes, limits, error);
}

/* ------------------------------------------------------------------ */

typedef struct {
  const char   *file;
  SmolderSniff  expected;
  const char   *description_contains;
} SniffCase;

static const SniffCase sniff_cases[] = {
  { "leaky-service/trace-1s.bin", SMOLDER_SNIFF_NOT_A_PROFILE, "Go execution trace" },
  { "leaky-service/index.html", SMOLDER_SNIFF_NOT_A_PROFILE, "/debug/pprof/ index page" },
  { "leaky-service/not-found.txt", SMOLDER_SNIFF_NOT_A_PROFILE, "404" },
  { "leaky-service/headers-heap.txt", SMOLDER_SNIFF_NOT_A_PROFILE, "HTTP response headers" },
  { "leaky-service/series/heap-debug1-00.txt", SMOLDER_SNIFF_TEXT_HEAP, "heap" },
  { "leaky-service/goroutine-debug1.txt", SMOLDER_SNIFF_TEXT_COUNT, "count" },
  { "leaky-service/threadcreate-debug1.txt", SMOLDER_SNIFF_TEXT_COUNT, "count" },
  { "leaky-service/mutex-debug1.txt", SMOLDER_SNIFF_TEXT_CONTENTION, "contention" },
  { "leaky-service/block-debug1.txt", SMOLDER_SNIFF_TEXT_CONTENTION, "contention" },
  { "leaky-service/goroutine-debug2.txt", SMOLDER_SNIFF_GOROUTINE_DUMP, "goroutine dump" },
  { "leaky-service/heap-gc.pb.gz", SMOLDER_SNIFF_PROTO, "protobuf" },
  { "leaky-service/cpu-10s.pb.gz", SMOLDER_SNIFF_PROTO, "protobuf" },
  { "leaky-service/threadcreate.pb.gz", SMOLDER_SNIFF_PROTO, "protobuf" },
  { "leaky-service/heap-delta-5s.pb.gz", SMOLDER_SNIFF_PROTO, "protobuf" },
  { "go-toolchain/compile-nethttp-cpu.pb.gz", SMOLDER_SNIFF_PROTO, "protobuf" },
};

static void
test_sniff_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sniff_cases); i++)
    {
      const SniffCase *c = &sniff_cases[i];
      g_autofree char *path = data_path (c->file);
      g_autoptr(GError) error = NULL;
      g_autoptr(SmolderInput) input = NULL;
      g_autofree char *description = NULL;
      SmolderSniff sniff;

      input = smolder_input_new_for_path (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (input->was_gzipped, ==, g_str_has_suffix (c->file, ".gz"));

      sniff = smolder_sniff (input->data, input->len, &description);
      g_test_message ("%s: %d, %s", c->file, sniff, description);
      g_assert_cmpint (sniff, ==, c->expected);
      g_assert_nonnull (strstr (description, c->description_contains));
    }
}

static void
test_sniff_raw_proto (void)
{
  g_autofree char *path = data_path ("leaky-service/heap-gc.pb.gz");
  g_autofree char *raw_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) gz = NULL;
  g_autoptr(SmolderInput) raw = NULL;
  g_autofree char *description = NULL;
  int fd;

  gz = smolder_input_new_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gz->was_gzipped);
  /* Go's heap profile starts with period_type (field 11), not field 1. */
  g_assert_cmpuint (gz->data[0], ==, (11 << 3) | 2);

  fd = g_file_open_tmp ("smolder-raw-XXXXXX.pb", &raw_path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (raw_path, (const char *) gz->data, gz->len, &error);
  g_assert_no_error (error);

  raw = smolder_input_new_for_path (raw_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (raw->was_gzipped);
  g_assert_cmpuint (raw->len, ==, gz->len);
  g_assert_cmpmem (raw->data, raw->len, gz->data, gz->len);
  g_assert_cmpint (smolder_sniff (raw->data, raw->len, &description), ==, SMOLDER_SNIFF_PROTO);
  g_unlink (raw_path);
}

typedef struct {
  const char   *text;
  SmolderSniff  expected;
  const char   *description_contains;
} TextCase;

static const TextCase text_cases[] = {
  { "", SMOLDER_SNIFF_NOT_A_PROFILE, "empty" },
  { "404 page not found\n", SMOLDER_SNIFF_NOT_A_PROFILE, "404 page not found" },
  { "{\"heap\": [1, 2, 3]}\n", SMOLDER_SNIFF_NOT_A_PROFILE, "JSON" },
  { "  \n<!DOCTYPE html><html><body>hello</body></html>", SMOLDER_SNIFF_NOT_A_PROFILE, "an HTML page" },
  { "Hello there, this is a long first line that goes on and on past sixty characters\nline 2\n",
    SMOLDER_SNIFF_NOT_A_PROFILE, "text starting with “Hello there, this is a long first line that goes on and on p…”" },
  { "heap profile: 1: 2 [3: 4] @ heap/1048576\n", SMOLDER_SNIFF_TEXT_HEAP, "heap" },
  { "goroutine profile: total 12\n", SMOLDER_SNIFF_TEXT_COUNT, "count" },
  { "threadcreate profile: total 3\n", SMOLDER_SNIFF_TEXT_COUNT, "count" },
  { "goroutine profile: total\n", SMOLDER_SNIFF_NOT_A_PROFILE, "text starting with" },
  { "--- mutex:\ncycles/second=1\n", SMOLDER_SNIFF_TEXT_CONTENTION, "contention" },
  { "--- contention:\ncycles/second=1\n", SMOLDER_SNIFF_TEXT_CONTENTION, "contention" },
  { "goroutine 1 [running]:\nmain.main()\n", SMOLDER_SNIFF_GOROUTINE_DUMP, "goroutine dump" },
  { "goroutine x [running]:\n", SMOLDER_SNIFF_NOT_A_PROFILE, "text starting with" },
  { "go 1.21 trace\0\0\0", SMOLDER_SNIFF_NOT_A_PROFILE, "Go execution trace" },
};

static void
test_sniff_texts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      const TextCase *c = &text_cases[i];
      g_autofree char *description = NULL;
      gsize len = strlen (c->text);
      SmolderSniff sniff;

      /* The trace header has NULs in it. */
      if (g_str_has_prefix (c->text, "go 1."))
        len = 16;
      sniff = smolder_sniff ((const guint8 *) c->text, len, &description);
      g_test_message ("case %u: %d, %s", i, sniff, description);
      g_assert_cmpint (sniff, ==, c->expected);
      g_assert_nonnull (strstr (description, c->description_contains));
    }
}

/* Input that is only white space: nothing is read past its end (found by
 * fuzz-profile; ASan in `make asan` checks the heap copy's bounds). */
static void
test_sniff_blank (void)
{
  static const char *blanks[] = { "\t\t", " ", "\n\n\n", "\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      gsize len = strlen (blanks[i]);
      g_autofree guint8 *copy = g_memdup2 (blanks[i], len);
      g_autofree char *description = NULL;

      g_assert_cmpint (smolder_sniff (copy, len, &description), ==, SMOLDER_SNIFF_NOT_A_PROFILE);
      g_assert_nonnull (description);
    }
}

static void
test_sniff_binary (void)
{
  static const guint8 junk[] = { 0xff, 0x00, 0x13, 0x37, 0x42, 0x00, 0x00, 0x01, 0x02 };
  static const guint8 legacy32[] = { 0,0,0,0, 3,0,0,0, 0,0,0,0, 0x10,0x27,0,0, 0,0,0,0 };
  static const guint8 legacy64be[] = {
    0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,3, 0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0x27,0x10, 0,0,0,0,0,0,0,0 };
  g_autofree char *d1 = NULL, *d2 = NULL, *d3 = NULL, *d4 = NULL;
  g_autoptr(GByteArray) gz = gzip_member ((const guint8 *) "x", 1);

  g_assert_cmpint (smolder_sniff (junk, sizeof junk, &d1), ==, SMOLDER_SNIFF_NOT_A_PROFILE);
  g_assert_cmpstr (d1, ==, "binary data starting with ff 00 13 37 42 00 00 01");
  g_assert_cmpint (smolder_sniff (legacy32, sizeof legacy32, &d2), ==, SMOLDER_SNIFF_LEGACY_CPU);
  g_assert_cmpint (smolder_sniff (legacy64be, sizeof legacy64be, &d3), ==, SMOLDER_SNIFF_LEGACY_CPU);
  /* What is left gzipped after gunzip is gzip inside gzip. */
  g_assert_cmpint (smolder_sniff (gz->data, gz->len, &d4), ==, SMOLDER_SNIFF_NOT_A_PROFILE);
  g_assert_nonnull (strstr (d4, "gzip"));
}

/* ------------------------------------------------------------------ */

static void
test_gzip_concatenated (void)
{
  g_autoptr(GBytes) fixture = read_data ("leaky-service/cpu-10s.pb.gz");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) whole = NULL;
  g_autoptr(SmolderInput) joined = NULL;
  g_autoptr(GByteArray) cat = NULL;
  g_autoptr(GByteArray) m2 = NULL;
  g_autoptr(GByteArray) m3 = NULL;
  g_autoptr(GBytes) cat_bytes = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  gsize third;

  whole = input_for_bytes (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (whole->len, ==, 12286);

  /* The same raw proto as three gzip members, the middle one empty. */
  third = whole->len / 3;
  cat = gzip_member (whole->data, third);
  m2 = gzip_member (whole->data, 0);
  m3 = gzip_member (whole->data + third, whole->len - third);
  g_byte_array_append (cat, m2->data, m2->len);
  g_byte_array_append (cat, m3->data, m3->len);
  /* Trailing garbage after the last member is ignored, as gzip(1) does. */
  g_byte_array_append (cat, (const guint8 *) "\0\0\0\0", 4);
  cat_bytes = g_bytes_new (cat->data, cat->len);

  joined = input_for_bytes (cat_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (joined->was_gzipped);
  g_assert_cmpmem (joined->data, joined->len, whole->data, whole->len);

  profile = smolder_profile_new_from_bytes (cat_bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (profile), ==, 73);
  g_assert_cmpint (smolder_profile_get_total (profile, 1), ==, 800000000);
}

static void
test_gzip_bomb (void)
{
  const gsize chunk = 64 << 20;
  g_autofree guint8 *zeros = g_malloc0 (chunk);
  g_autoptr(GByteArray) member = gzip_member (zeros, chunk);
  g_autoptr(GByteArray) bomb = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = NULL;
  SmolderLimits limits = *smolder_limits_get_default ();

  /* 2 GiB of zeros in 32 members, about 2 MB on disk. */
  for (guint i = 0; i < 32; i++)
    g_byte_array_append (bomb, member->data, member->len);
  g_test_message ("bomb: %u bytes compressed, 2 GiB inflated", bomb->len);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&bomb));

  limits.max_decompressed_bytes = 100 << 20;
  input = input_for_bytes (bytes, &limits, &error);
  g_assert_null (input);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "more than 104857600 bytes"));
  g_clear_error (&error);

  /* Right at the limit is fine. */
  limits.max_decompressed_bytes = chunk;
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (member->data, member->len);
  input = input_for_bytes (bytes, &limits, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (input->len, ==, chunk);
  limits.max_decompressed_bytes = chunk - 1;
  g_clear_pointer (&input, smolder_input_free);
  input = input_for_bytes (bytes, &limits, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
}

static void
test_gzip_truncated (void)
{
  g_autoptr(GBytes) fixture = read_data ("go-toolchain/compile-nethttp-cpu.pb.gz");
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (fixture, 0, g_bytes_get_size (fixture) / 2);
  g_autoptr(GBytes) headonly = g_bytes_new_from_bytes (fixture, 0, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autofree char *expected = g_strdup_printf ("ends at byte %" G_GSIZE_FORMAT, g_bytes_get_size (cut));

  input = input_for_bytes (cut, NULL, &error);
  g_assert_null (input);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "truncated gzip"));
  g_assert_nonnull (strstr (error->message, expected));
  g_clear_error (&error);

  input = input_for_bytes (headonly, NULL, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Through the loader, the message is the same. */
  profile = smolder_profile_new_from_bytes (cut, NULL, &error);
  g_assert_null (profile);
  g_assert_nonnull (strstr (error->message, "truncated gzip"));
}

static void
test_gzip_corrupt (void)
{
  g_autoptr(GBytes) fixture = read_data ("go-toolchain/compile-nethttp-cpu.pb.gz");
  gsize len = g_bytes_get_size (fixture);
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (fixture, NULL), len);
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = NULL;

  /* A wrecked block header early on, or failing the CRC at the end. */
  memset (copy + 20, 0xff, 16);
  bad = g_bytes_new (copy, len);
  input = input_for_bytes (bad, NULL, &error);
  g_assert_null (input);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "corrupt gzip data at byte "));
}

static void
test_input_limit (void)
{
  g_autoptr(GBytes) fixture = read_data ("leaky-service/mutex-debug1.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = NULL;
  SmolderLimits limits = *smolder_limits_get_default ();

  limits.max_input_bytes = 100;
  input = input_for_bytes (fixture, &limits, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "453 bytes"));
}

/* The resident size of the mapping that contains @addr, from smaps. */
static gint64
mapping_rss_kb (gconstpointer addr)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in = FALSE;

  if (!g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL))
    return -1;
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint64 start, end;

      if (sscanf (lines[i], "%" G_GINT64_MODIFIER "x-%" G_GINT64_MODIFIER "x ", &start, &end) == 2)
        in = (guint64) (gsize) addr >= start && (guint64) (gsize) addr < end;
      else if (in && g_str_has_prefix (lines[i], "Rss:"))
        return g_ascii_strtoll (lines[i] + 4, NULL, 10);
    }
  return -1;
}

static void
test_release_before (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = NULL;
  g_autofree char *contents = g_malloc (32 << 20);
  gint64 rss_before, rss_after;
  guint64 sum = 0;
  int fd;

  for (gsize i = 0; i < (32 << 20); i++)
    contents[i] = 'a' + i % 26;
  fd = g_file_open_tmp ("smolder-release-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, 32 << 20, &error);
  g_assert_no_error (error);

  input = smolder_input_new_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (input->mapped);
  for (gsize i = 0; i < input->len; i += 4096)
    sum += input->data[i];

  rss_before = mapping_rss_kb (input->data);
  smolder_input_release_before (input, 1000);          /* less than a page: nothing */
  g_assert_cmpuint (input->released, ==, 0);
  smolder_input_release_before (input, 24 << 20);
  g_assert_cmpuint (input->released, ==, 24 << 20);
  rss_after = mapping_rss_kb (input->data);
  g_test_message ("mapping RSS %" G_GINT64_FORMAT " kB -> %" G_GINT64_FORMAT " kB", rss_before, rss_after);
  if (rss_before >= 0)
    {
      g_assert_cmpint (rss_before, >=, 30 * 1024);
      g_assert_cmpint (rss_after, <=, 9 * 1024);
    }

  /* The bytes are still there: the pages come back from the file. */
  g_assert_cmpint (input->data[0], ==, 'a');
  g_assert_cmpint (input->data[(24 << 20) - 1], ==, 'a' + ((24 << 20) - 1) % 26);
  smolder_input_release_before (input, G_MAXSIZE);
  g_assert_cmpuint (input->released, ==, 32 << 20);
  g_assert_cmpuint (sum, >, 0);
  g_unlink (path);
}

/* ------------------------------------------------------------------ */

static void
test_load_not_a_profile (void)
{
  static const struct { const char *file; const char *message; } cases[] = {
    { "leaky-service/trace-1s.bin", "not a profile: it looks like a Go execution trace" },
    { "leaky-service/index.html", "not a profile: it looks like the /debug/pprof/ index page" },
    { "leaky-service/not-found.txt", "not a profile: it looks like the body of the 404" },
  };

  /* No file name in the message: the caller prints "FILE: message". */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path (cases[i].file);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SmolderProfile) profile = NULL;

      profile = smolder_profile_new_from_file (file, NULL, NULL, &error);
      g_assert_null (profile);
      g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_UNRECOGNIZED);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

static void
test_load_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/heap.pb.gz");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;

  profile = smolder_profile_new_from_file (file, NULL, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  /* The caller names the file ("smolder-cli: FILE: no such file"). */
  g_assert_cmpstr (error->message, ==, "no such file");
  g_clear_error (&error);

  /* A folder is not mappable (ENODEV) but deserves its own words. */
  g_clear_object (&file);
  file = g_file_new_for_path (SMOLDER_TEST_DATA);
  g_assert_null (smolder_profile_new_from_file (file, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_cmpstr (error->message, ==, "a folder, not a profile");
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static void
test_load_async (void)
{
  g_autofree char *path = data_path ("leaky-service/heap-gc.pb.gz");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) cancelled_result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;

  smolder_profile_load_async (file, NULL, NULL, load_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  profile = smolder_profile_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (profile), ==, 74);
  g_assert_cmpint (smolder_profile_get_kind (profile), ==, SMOLDER_PROFILE_KIND_HEAP);
  g_assert_cmpint (smolder_profile_get_format (profile), ==, SMOLDER_PROFILE_FORMAT_PROTO);

  g_cancellable_cancel (cancellable);
  smolder_profile_load_async (file, NULL, cancellable, load_cb, &cancelled_result);
  while (cancelled_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (smolder_profile_load_finish (cancelled_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_load_progress (void)
{
  g_autofree char *path = data_path ("leaky-service/goroutine-debug2.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SmolderProgress) progress = smolder_progress_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("goroutine profile: total 0\n", 27);
  g_autoptr(SmolderInput) input = smolder_input_new_for_bytes (bytes, NULL, NULL);
  g_autoptr(SmolderProgress) partial = smolder_progress_new ();

  /* A streaming decoder's position reaches the progress, which never goes back. */
  input->progress = partial;
  smolder_input_release_before (input, 9);
  g_assert_cmpfloat_with_epsilon (smolder_progress_get (partial), 9.0 / 27.0, 1e-6);
  smolder_input_release_before (input, 3);
  g_assert_cmpfloat_with_epsilon (smolder_progress_get (partial), 9.0 / 27.0, 1e-6);

  g_assert_cmpfloat (smolder_progress_get (progress), ==, 0.0);
  smolder_profile_load_with_progress_async (file, NULL, progress, NULL, load_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  profile = smolder_profile_load_finish (result, NULL);
  g_assert_nonnull (profile);
  g_assert_cmpuint (smolder_profile_get_n_goroutines (profile), ==, 14368);
  g_assert_cmpfloat (smolder_progress_get (progress), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/input/sniff/fixtures", test_sniff_fixtures);
  g_test_add_func ("/smolder/input/sniff/raw-proto", test_sniff_raw_proto);
  g_test_add_func ("/smolder/input/sniff/texts", test_sniff_texts);
  g_test_add_func ("/smolder/input/sniff/blank", test_sniff_blank);
  g_test_add_func ("/smolder/input/sniff/binary", test_sniff_binary);
  g_test_add_func ("/smolder/input/gzip/concatenated", test_gzip_concatenated);
  g_test_add_func ("/smolder/input/gzip/bomb", test_gzip_bomb);
  g_test_add_func ("/smolder/input/gzip/truncated", test_gzip_truncated);
  g_test_add_func ("/smolder/input/gzip/corrupt", test_gzip_corrupt);
  g_test_add_func ("/smolder/input/limit", test_input_limit);
  g_test_add_func ("/smolder/input/release-before", test_release_before);
  g_test_add_func ("/smolder/input/load/not-a-profile", test_load_not_a_profile);
  g_test_add_func ("/smolder/input/load/missing", test_load_missing);
  g_test_add_func ("/smolder/input/load/async", test_load_async);
  g_test_add_func ("/smolder/input/load/progress", test_load_progress);

  return g_test_run ();
}
