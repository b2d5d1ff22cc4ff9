/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pprof-decode.c: profile.proto decoding, on hand-built protos that
 * exercise every field and error, and on the fixtures (numbers checked by
 * hand against `go tool pprof -raw`). */

#include <string.h>

#include "smolder-decoders.h"

/* ------------------------------------------------------------------ */
/* A tiny protobuf encoder                                             */

static void
put_varint (GByteArray *b,
            guint64     v)
{
  do
    {
      guint8 byte = v & 0x7f;
      v >>= 7;
      if (v != 0)
        byte |= 0x80;
      g_byte_array_append (b, &byte, 1);
    }
  while (v != 0);
}

static void
put_tag (GByteArray *b,
         guint       field,
         guint       wire)
{
  put_varint (b, (guint64) field << 3 | wire);
}

static void
put_int (GByteArray *b,
         guint       field,
         gint64      v)
{
  put_tag (b, field, 0);
  put_varint (b, (guint64) v);   /* negative: ten bytes, as protobuf does */
}

static void
put_bytes (GByteArray *b,
           guint       field,
           const void *data,
           gsize       len)
{
  put_tag (b, field, 2);
  put_varint (b, len);
  g_byte_array_append (b, data, len);
}

static void
put_str (GByteArray *b,
         guint       field,
         const char *s)
{
  put_bytes (b, field, s, strlen (s));
}

/* Appends @m as field @field and frees it. */
static void
put_msg (GByteArray *b,
         guint       field,
         GByteArray *m)
{
  put_bytes (b, field, m->data, m->len);
  g_byte_array_unref (m);
}

static void
put_packed (GByteArray    *b,
            guint          field,
            const gint64  *v,
            guint          n)
{
  g_autoptr(GByteArray) p = g_byte_array_new ();

  for (guint i = 0; i < n; i++)
    put_varint (p, (guint64) v[i]);
  put_bytes (b, field, p->data, p->len);
}

static GByteArray *
value_type (gint64 type,
            gint64 unit)
{
  GByteArray *m = g_byte_array_new ();

  /* Out of order on purpose. */
  put_int (m, 2, unit);
  put_int (m, 1, type);
  return m;
}

static GByteArray *
function_msg (guint64 id, gint64 name, gint64 system_name, gint64 filename, gint64 start_line)
{
  GByteArray *m = g_byte_array_new ();

  put_int (m, 5, start_line);
  put_int (m, 4, filename);
  put_int (m, 3, system_name);
  put_int (m, 2, name);
  put_int (m, 1, (gint64) id);
  return m;
}

static GByteArray *
line_msg (guint64 function_id, gint64 line, gint64 column)
{
  GByteArray *m = g_byte_array_new ();

  put_int (m, 1, (gint64) function_id);
  put_int (m, 2, line);
  put_int (m, 3, column);
  return m;
}

static GByteArray *
location_msg (guint64 id, guint64 mapping_id, guint64 address, gboolean folded,
              GByteArray *line1, GByteArray *line2)
{
  GByteArray *m = g_byte_array_new ();

  put_int (m, 1, (gint64) id);
  if (line1 != NULL)
    put_msg (m, 4, line1);
  put_int (m, 3, (gint64) address);
  if (line2 != NULL)
    put_msg (m, 4, line2);
  put_int (m, 2, (gint64) mapping_id);
  if (folded)
    put_int (m, 5, 1);
  return m;
}

static GByteArray *
label_msg (gint64 key, gint64 str, gint64 num, gint64 num_unit)
{
  GByteArray *m = g_byte_array_new ();

  put_int (m, 1, key);
  if (str != 0)
    put_int (m, 2, str);
  if (num != 0)
    put_int (m, 3, num);
  if (num_unit != 0)
    put_int (m, 4, num_unit);
  return m;
}

/* A sample with packed location ids and values. */
static GByteArray *
sample_msg (const gint64 *locs, guint n_locs, const gint64 *values, guint n_values)
{
  GByteArray *m = g_byte_array_new ();

  put_packed (m, 1, locs, n_locs);
  put_packed (m, 2, values, n_values);
  return m;
}

static const char * const strings[] = {
  "", "samples", "count", "cpu", "nanoseconds", "main.leaf", "main.inlined", "main.go",
  "/bin/app", "buildid123", "tenant", "acme", "bytes", "size", "comment one", "comment two",
  "drop.*", "keep.*", "https://example.com/doc", "main.leaf.sys",
};

static void
put_string_table (GByteArray *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    put_str (b, 6, strings[i]);
}

/* Every field, in an order Go never uses, strings last. */
static GByteArray *
full_profile (void)
{
  GByteArray *b = g_byte_array_new ();
  GByteArray *s;
  GByteArray *m;

  /* Sample 0: packed location ids, unpacked values (one negative),
   * a string label, a numeric label with a unit, an empty label. */
  s = g_byte_array_new ();
  {
    gint64 locs[] = { 5, 9 };
    put_packed (s, 1, locs, 2);
  }
  put_int (s, 2, 3);
  put_msg (s, 3, label_msg (10, 11, 0, 0));
  put_int (s, 2, -5);
  put_msg (s, 3, label_msg (12, 0, 4096, 13));
  put_msg (s, 3, label_msg (10, 0, 0, 0));
  put_msg (b, 2, s);

  put_int (b, 100, 12345);                  /* unknown field */

  put_msg (b, 4, location_msg (5, 7, 0x401234, TRUE,
                               line_msg (1000000, 25, 7), line_msg (3, 12, 3)));
  put_msg (b, 4, location_msg (9, 0, 0x402000, FALSE, NULL, NULL));

  /* Sample 1: unpacked location id, packed values. */
  s = g_byte_array_new ();
  put_int (s, 1, 9);
  {
    gint64 values[] = { 1, 10000000 };
    put_packed (s, 2, values, 2);
  }
  put_msg (b, 2, s);

  put_msg (b, 5, function_msg (3, 5, 19, 7, 10));
  put_msg (b, 5, function_msg (1000000, 6, 6, 7, 20));

  m = g_byte_array_new ();
  put_int (m, 10, 0);                       /* has_inline_frames = false */
  put_int (m, 9, 1);
  put_int (m, 8, 1);
  put_int (m, 7, 1);
  put_int (m, 6, 9);
  put_int (m, 5, 8);
  put_int (m, 4, 0x1000);
  put_int (m, 3, 0x500000);
  put_int (m, 2, 0x400000);
  put_int (m, 1, 7);
  put_msg (b, 3, m);

  put_msg (b, 1, value_type (1, 2));
  put_msg (b, 1, value_type (3, 4));
  put_msg (b, 11, value_type (3, 4));
  put_int (b, 12, 10000000);
  put_int (b, 9, -42);                      /* negative: a 10-byte varint */
  put_int (b, 10, 2000000000);
  put_int (b, 13, 14);                      /* comment, unpacked */
  {
    gint64 comments[] = { 15 };
    put_packed (b, 13, comments, 1);        /* comment, packed */
  }
  put_int (b, 7, 16);
  put_int (b, 8, 17);
  put_int (b, 15, 18);
  put_int (b, 14, 3);
  put_str (b, 101, "unknown, skipped");     /* unknown length-delimited field */
  {
    /* Unknown fixed64 and fixed32 fields are skipped too. */
    guint8 eight[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    put_tag (b, 102, 1);
    g_byte_array_append (b, eight, 8);
    put_tag (b, 103, 5);
    g_byte_array_append (b, eight, 4);
  }
  put_string_table (b);
  return b;
}

/* SMOLDER_WRITE_PROTO=DIR writes the hand-built protos, to compare with
 * `go tool pprof -raw` by hand. */
static void
maybe_write (const char *name,
             GByteArray *b)
{
  const char *dir = g_getenv ("SMOLDER_WRITE_PROTO");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_file_set_contents (path, (const char *) b->data, b->len, NULL);
    }
}

static SmolderProfile *
decode (GByteArray *b, const SmolderLimits *limits, GError **error)
{
  return smolder_pprof_decode (b->data, b->len, limits, error);
}

#define S(p, id) smolder_profile_get_string ((p), (id))

static void
test_full (void)
{
  g_autoptr(GByteArray) b = full_profile ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;
  const SmolderLocation *loc;
  const SmolderLine *line;
  const SmolderFunction *fn;
  const SmolderMapping *map;
  const SmolderLabel *labels;
  const guint32 *locs;
  const gint64 *values;
  guint n;

  maybe_write ("every-field.pb", b);
  p = decode (b, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (smolder_profile_get_format (p), ==, SMOLDER_PROFILE_FORMAT_PROTO);
  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_CPU);
  g_assert_cmpuint (smolder_profile_get_n_strings (p), ==, G_N_ELEMENTS (strings));

  g_assert_cmpuint (smolder_profile_get_n_sample_types (p), ==, 2);
  g_assert_cmpstr (S (p, smolder_profile_get_sample_type (p, 0)->type), ==, "samples");
  g_assert_cmpstr (S (p, smolder_profile_get_sample_type (p, 0)->unit), ==, "count");
  g_assert_cmpstr (S (p, smolder_profile_get_sample_type (p, 1)->type), ==, "cpu");
  g_assert_cmpstr (S (p, smolder_profile_get_sample_type (p, 1)->unit), ==, "nanoseconds");
  g_assert_cmpuint (smolder_profile_get_default_sample_index (p), ==, 1);
  g_assert_cmpstr (S (p, smolder_profile_get_period_type (p)->type), ==, "cpu");
  g_assert_cmpint (smolder_profile_get_period (p), ==, 10000000);
  g_assert_cmpint (smolder_profile_get_time_nanos (p), ==, -42);
  g_assert_cmpint (smolder_profile_get_duration_nanos (p), ==, 2000000000);
  g_assert_cmpstr (smolder_profile_get_drop_frames (p), ==, "drop.*");
  g_assert_cmpstr (smolder_profile_get_keep_frames (p), ==, "keep.*");
  g_assert_cmpstr (smolder_profile_get_doc_url (p), ==, "https://example.com/doc");
  g_assert_cmpuint (smolder_profile_get_n_comments (p), ==, 2);
  g_assert_cmpstr (smolder_profile_get_comment (p, 0), ==, "comment one");
  g_assert_cmpstr (smolder_profile_get_comment (p, 1), ==, "comment two");

  g_assert_cmpuint (smolder_profile_get_n_mappings (p), ==, 1);
  map = smolder_profile_get_mapping (p, 0);
  g_assert_cmphex (map->memory_start, ==, 0x400000);
  g_assert_cmphex (map->memory_limit, ==, 0x500000);
  g_assert_cmphex (map->file_offset, ==, 0x1000);
  g_assert_cmpstr (S (p, map->filename), ==, "/bin/app");
  g_assert_cmpstr (S (p, map->build_id), ==, "buildid123");
  g_assert_true (map->has_functions && map->has_filenames && map->has_line_numbers);
  g_assert_false (map->has_inline_frames);

  g_assert_cmpuint (smolder_profile_get_n_functions (p), ==, 2);
  fn = smolder_profile_get_function (p, 0);
  g_assert_cmpstr (S (p, fn->name), ==, "main.leaf");
  g_assert_cmpstr (S (p, fn->system_name), ==, "main.leaf.sys");
  g_assert_cmpstr (S (p, fn->filename), ==, "main.go");
  g_assert_cmpint (fn->start_line, ==, 10);

  g_assert_cmpuint (smolder_profile_get_n_locations (p), ==, 2);
  loc = smolder_profile_get_location (p, 0);
  g_assert_cmphex (loc->address, ==, 0x401234);
  g_assert_cmpuint (loc->mapping, ==, 0);
  g_assert_true (loc->is_folded);
  g_assert_cmpuint (loc->n_lines, ==, 2);
  line = smolder_profile_get_line (p, loc->first_line);     /* innermost: inlined */
  g_assert_cmpuint (line->function, ==, 1);                 /* id 1000000, a sparse id */
  g_assert_cmpstr (S (p, smolder_profile_get_function (p, line->function)->name), ==, "main.inlined");
  g_assert_cmpint (line->line, ==, 25);
  g_assert_cmpint (line->column, ==, 7);
  line = smolder_profile_get_line (p, loc->first_line + 1);
  g_assert_cmpuint (line->function, ==, 0);
  g_assert_cmpint (line->line, ==, 12);
  g_assert_cmpint (line->column, ==, 3);
  loc = smolder_profile_get_location (p, 1);
  g_assert_cmphex (loc->address, ==, 0x402000);
  g_assert_cmpuint (loc->mapping, ==, SMOLDER_NO_ID);       /* mapping id 0: none */
  g_assert_cmpuint (loc->n_lines, ==, 0);
  g_assert_false (loc->is_folded);

  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 2);
  locs = smolder_profile_get_sample_locations (p, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (locs[0], ==, 0);
  g_assert_cmpuint (locs[1], ==, 1);
  values = smolder_profile_get_sample_values (p, 0);
  g_assert_cmpint (values[0], ==, 3);
  g_assert_cmpint (values[1], ==, -5);
  labels = smolder_profile_get_sample_labels (p, 0, &n);
  g_assert_cmpuint (n, ==, 2);   /* the label with neither string nor number goes, as in pprof */
  g_assert_cmpstr (S (p, labels[0].key), ==, "tenant");
  g_assert_cmpstr (S (p, labels[0].str), ==, "acme");
  g_assert_cmpstr (S (p, labels[1].key), ==, "bytes");
  g_assert_cmpuint (labels[1].str, ==, 0);
  g_assert_cmpint (labels[1].num, ==, 4096);
  g_assert_cmpstr (S (p, labels[1].num_unit), ==, "size");

  locs = smolder_profile_get_sample_locations (p, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (locs[0], ==, 1);
  values = smolder_profile_get_sample_values (p, 1);
  g_assert_cmpint (values[0], ==, 1);
  g_assert_cmpint (values[1], ==, 10000000);
  smolder_profile_get_sample_labels (p, 1, &n);
  g_assert_cmpuint (n, ==, 0);

  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 4);
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 9999995);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */

typedef enum {
  BAD_NONE,
  BAD_DANGLING_LOCATION,
  BAD_DANGLING_FUNCTION,
  BAD_DANGLING_MAPPING,
  BAD_DUPLICATE_LOCATION,
  BAD_FUNCTION_STRING,
  BAD_LABEL_STRING,
  BAD_NEGATIVE_STRING,
  BAD_FIRST_STRING,
  BAD_VALUE_COUNT,
  BAD_WIRE_TYPE,
  BAD_LOCATION_ID_ZERO,
  BAD_TWO_TIMES,
  BAD_SAMPLE_BYTES,
  BAD_GROUP,
} Bad;

/* 13 samples over locations 1 and 2; @bad breaks one thing. */
static GByteArray *
small_profile (Bad bad)
{
  GByteArray *b = g_byte_array_new ();
  gint64 values[] = { 1, 2 };

  put_msg (b, 1, value_type (1, 2));
  if (bad != BAD_VALUE_COUNT)
    put_msg (b, 1, value_type (3, 4));
  put_int (b, 9, 1000);
  if (bad == BAD_TWO_TIMES)
    put_int (b, 9, 2000);
  for (guint i = 0; i < 13; i++)
    {
      gint64 locs[] = { 1, i == 12 && bad == BAD_DANGLING_LOCATION ? 40 : 2 };
      GByteArray *s = sample_msg (locs, 2, values, 2);

      if (i == 3 && bad == BAD_LABEL_STRING)
        put_msg (s, 3, label_msg (10, 99, 0, 0));
      if (i == 0 && bad == BAD_SAMPLE_BYTES)
        {
          put_tag (s, 9, 7);   /* no such wire type */
          put_varint (s, 1);
        }
      put_msg (b, 2, s);
    }
  put_msg (b, 4, location_msg (bad == BAD_LOCATION_ID_ZERO ? 0 : 1, 7, 0x1000, FALSE,
                               line_msg (bad == BAD_DANGLING_FUNCTION ? 77 : 3, 1, 0), NULL));
  put_msg (b, 4, location_msg (bad == BAD_DUPLICATE_LOCATION ? 1 : 2,
                               bad == BAD_DANGLING_MAPPING ? 8 : 7, 0x2000, FALSE, NULL, NULL));
  put_msg (b, 5, function_msg (3, bad == BAD_FUNCTION_STRING ? 99 : 5,
                               bad == BAD_NEGATIVE_STRING ? -1 : 0, 7, 1));
  {
    GByteArray *m = g_byte_array_new ();
    put_int (m, 1, 7);
    put_msg (b, 3, m);
  }
  if (bad == BAD_WIRE_TYPE)
    put_str (b, 12, "period as bytes");
  if (bad == BAD_GROUP)
    put_tag (b, 20, 3);
  if (bad == BAD_FIRST_STRING)
    put_str (b, 6, "not empty");
  put_string_table (b);
  return b;
}

static void
test_small_ok (void)
{
  g_autoptr(GByteArray) b = small_profile (BAD_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode (b, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 13);
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 26);
  g_assert_cmpint (smolder_profile_get_time_nanos (p), ==, 1000);
}

/* pprof accepts a location whose mapping id does not exist (and gives it
 * no mapping); so does Smolder. */
static void
test_dangling_mapping (void)
{
  g_autoptr(GByteArray) b = small_profile (BAD_DANGLING_MAPPING);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode (b, NULL, &error);

  maybe_write ("dangling-mapping.pb", b);
  g_assert_no_error (error);
  g_assert_cmpuint (smolder_profile_get_location (p, 0)->mapping, ==, 0);
  g_assert_cmpuint (smolder_profile_get_location (p, 1)->mapping, ==, SMOLDER_NO_ID);
}

typedef struct {
  Bad         bad;
  const char *message;    /* a substring of the error */
} BadCase;

static const BadCase bad_cases[] = {
  { BAD_DANGLING_LOCATION, "sample 12 refers to location id 40, which does not exist" },
  { BAD_DANGLING_FUNCTION, "location id 1 (line 0) refers to function id 77, which does not exist" },
  { BAD_DUPLICATE_LOCATION, "two locations have id 1" },
  { BAD_FUNCTION_STRING, "function id 3 (name) refers to string 99, which does not exist (the string table has 20)" },
  { BAD_LABEL_STRING, "sample 3, label 0 refers to string 99, which does not exist" },
  { BAD_NEGATIVE_STRING, "function id 3 (system_name) refers to string -1" },
  { BAD_FIRST_STRING, "the string table must start with an empty string, not “not empty”" },
  { BAD_VALUE_COUNT, "sample 0 has 2 values, but the profile has 1 sample types" },
  { BAD_WIRE_TYPE, "field 12 (period) at byte " },
  { BAD_LOCATION_ID_ZERO, "location 0 has id 0" },
  { BAD_TWO_TIMES, "concatenated profiles" },
  { BAD_SAMPLE_BYTES, "sample 0 at byte " },
  { BAD_GROUP, "has wire type 3" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GByteArray) b = small_profile (bad_cases[i].bad);
      g_autoptr(GError) error = NULL;
      g_autoptr(SmolderProfile) p = decode (b, NULL, &error);
      g_autofree char *name = g_strdup_printf ("bad-%u.pb", bad_cases[i].bad);

      maybe_write (name, b);
      g_assert_null (p);
      g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
      g_test_message ("case %u: %s", bad_cases[i].bad, error->message);
      if (strstr (error->message, bad_cases[i].message) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", bad_cases[i].bad, error->message, bad_cases[i].message);
    }
}

static void
test_truncated (void)
{
  g_autoptr(GByteArray) b = full_profile ();

  /* Cut anywhere: always an error (or, at a field boundary, a valid
   * prefix that fails validation), never a crash. */
  for (guint cut = 1; cut < b->len; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmolderProfile) p = smolder_pprof_decode (b->data, cut, NULL, &error);

      if (p == NULL)
        g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
    }

  /* Inside the first sample: the message names the field and byte. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SmolderProfile) p = smolder_pprof_decode (b->data, 10, NULL, &error);
    g_assert_null (p);
    g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "field 2 at byte 0"));
    g_assert_nonnull (strstr (error->message, "truncated"));
  }
}

static void
test_limits (void)
{
  g_autoptr(GByteArray) b = small_profile (BAD_NONE);
  SmolderLimits limits = *smolder_limits_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;

  limits.max_samples = 12;
  p = decode (b, &limits, &error);
  g_assert_null (p);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "13 samples"));
  g_clear_error (&error);

  limits = *smolder_limits_get_default ();
  limits.max_stack_depth = 1;
  p = decode (b, &limits, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "sample 0 is 2 frames deep"));
  g_clear_error (&error);

  limits = *smolder_limits_get_default ();
  limits.max_strings = 19;
  p = decode (b, &limits, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
  g_clear_error (&error);

  limits = *smolder_limits_get_default ();
  limits.max_locations = 1;
  p = decode (b, &limits, &error);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
}

static void
test_empty_string_table (void)
{
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;

  /* Only a period: nothing refers to a string, none is needed. */
  put_int (b, 12, 7);
  p = decode (b, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smolder_profile_get_period (p), ==, 7);
  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 0);
  g_assert_cmpstr (smolder_profile_get_string (p, 0), ==, "");
}

/* ------------------------------------------------------------------ */
/* Fixtures                                                            */

static SmolderProfile *
load_fixture (const char *name)
{
  const char *dir = g_getenv ("SMOLDER_TEST_DATA");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : SMOLDER_TEST_DATA, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = smolder_input_new_for_path (path, NULL, &error);
  SmolderProfile *p;

  g_assert_no_error (error);
  p = smolder_pprof_decode (input->data, input->len, NULL, &error);
  g_assert_no_error (error);
  return p;
}

typedef struct {
  const char *file;
  guint       n_samples;
  guint       n_locations;
  gint64      totals[4];
} FixtureCase;

/* Counts and per-type sums as `go tool pprof -raw` lists them. */
static const FixtureCase fixture_cases[] = {
  { "go-toolchain/compile-nethttp-cpu.pb.gz", 240, 1008, { 271, 2710000000 } },
  { "go-toolchain/regexp-bench-cpu.pb.gz", 1082, 858, { 1881, 18810000000 } },
  { "leaky-service/cpu-10s.pb.gz", 73, 216, { 80, 800000000 } },
  { "leaky-service/block.pb.gz", 5, 18, { 14415, 82139728358 } },
  { "leaky-service/mutex.pb.gz", 1, 5, { 10, 26684922 } },
  { "leaky-service/heap-gc.pb.gz", 74, 122, { 8725029, 721617025, 82231, 102782789 } },
  { "labels/cpu-labels.pb.gz", 197, 189, { 214, 2140000000 } },
};

static void
test_fixtures (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture_cases); i++)
    {
      const FixtureCase *c = &fixture_cases[i];
      g_autoptr(SmolderProfile) p = load_fixture (c->file);

      g_test_message ("%s", c->file);
      g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, c->n_samples);
      g_assert_cmpuint (smolder_profile_get_n_locations (p), ==, c->n_locations);
      for (guint t = 0; t < smolder_profile_get_n_sample_types (p); t++)
        g_assert_cmpint (smolder_profile_get_total (p, t), ==, c->totals[t]);
    }
}

static void
test_fixture_cpu (void)
{
  g_autoptr(SmolderProfile) p = load_fixture ("go-toolchain/compile-nethttp-cpu.pb.gz");
  const SmolderLocation *loc = NULL;
  const SmolderLine *line;
  const SmolderMapping *map;

  g_assert_cmpint (smolder_profile_get_kind (p), ==, SMOLDER_PROFILE_KIND_CPU);
  g_assert_cmpint (smolder_profile_get_period (p), ==, 10000000);
  g_assert_cmpstr (smolder_profile_get_string (p, smolder_profile_get_period_type (p)->unit), ==, "nanoseconds");

  /* pprof -raw: "0x455fd0 M=1 runtime.gostringnocopy string.go:566 /
   * runtime.funcname symtab.go:978": an inlined call. */
  for (guint i = 0; i < smolder_profile_get_n_locations (p); i++)
    if (smolder_profile_get_location (p, i)->address == 0x455fd0)
      loc = smolder_profile_get_location (p, i);
  g_assert_nonnull (loc);
  g_assert_cmpuint (loc->n_lines, ==, 2);
  line = smolder_profile_get_line (p, loc->first_line);
  g_assert_cmpstr (S (p, smolder_profile_get_function (p, line->function)->name), ==, "runtime.gostringnocopy");
  g_assert_cmpint (line->line, ==, 566);
  line = smolder_profile_get_line (p, loc->first_line + 1);
  g_assert_cmpstr (S (p, smolder_profile_get_function (p, line->function)->name), ==, "runtime.funcname");
  g_assert_cmpint (line->line, ==, 978);
  g_assert_cmpstr (S (p, smolder_profile_get_function (p, line->function)->filename), ==,
                   "/usr/lib/go-1.19/src/runtime/symtab.go");

  map = smolder_profile_get_mapping (p, loc->mapping);
  g_assert_cmphex (map->memory_start, ==, 0x400000);
  g_assert_cmphex (map->memory_limit, ==, 0xc78000);
  g_assert_cmpstr (S (p, map->filename), ==, "/usr/lib/go-1.19/pkg/tool/linux_amd64/compile");
  g_assert_true (map->has_functions);
}

static void
test_fixture_labels (void)
{
  g_autoptr(SmolderProfile) p = load_fixture ("labels/cpu-labels.pb.gz");
  const SmolderLabel *labels;
  guint n;

  /* pprof -raw, first sample: "tenant:[beta] worker:[hash]" */
  labels = smolder_profile_get_sample_labels (p, 0, &n);
  g_assert_cmpuint (n, ==, 2);
  for (guint i = 0; i < n; i++)
    {
      const char *key = S (p, labels[i].key);
      const char *value = S (p, labels[i].str);

      if (g_str_equal (key, "tenant"))
        g_assert_cmpstr (value, ==, "beta");
      else
        {
          g_assert_cmpstr (key, ==, "worker");
          g_assert_cmpstr (value, ==, "hash");
        }
    }
}

/* The largest fixture: 72455 samples in the file. `go tool pprof -raw`
 * lists 72397: it merges samples with the same stack and labels, drops
 * those whose values are all zero, and does not print the one sample with
 * an empty stack (1 object, 32 bytes), which its -top totals still count. */
static void
test_fixture_big_heap (void)
{
  g_autoptr(SmolderProfile) p = load_fixture ("go-toolchain/gotypes-stdlib-heap.pb.gz");
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_types = smolder_profile_get_n_sample_types (p);
  guint n_empty = 0, n_zero = 0;
  const SmolderLabel *labels;
  guint n;

  g_assert_cmpuint (smolder_profile_get_n_samples (p), ==, 72455);
  g_assert_cmpuint (smolder_profile_get_n_locations (p), ==, 2030);
  g_assert_cmpuint (n_types, ==, 4);
  g_assert_cmpstr (S (p, smolder_profile_get_sample_type (p, 1)->type), ==, "alloc_space");
  g_assert_cmpuint (smolder_profile_get_default_sample_index (p), ==, 1);
  g_assert_cmpint (smolder_profile_get_total (p, 0), ==, 2239665 + 1);
  g_assert_cmpint (smolder_profile_get_total (p, 1), ==, 198907232 + 32);
  g_assert_cmpint (smolder_profile_get_total (p, 2), ==, 106814 + 1);
  g_assert_cmpint (smolder_profile_get_total (p, 3), ==, 9242408 + 32);

  for (guint i = 0; i < smolder_profile_get_n_samples (p); i++)
    {
      const gint64 *v = smolder_profile_get_sample_values (p, i);
      const guint32 *locs = smolder_profile_get_sample_locations (p, i, &n);
      gboolean zero = TRUE;
      GString *key;

      for (guint t = 0; t < n_types; t++)
        zero = zero && v[t] == 0;
      if (zero)
        {
          n_zero++;
          continue;
        }
      if (n == 0)
        {
          n_empty++;
          continue;
        }
      key = g_string_new (NULL);
      for (guint j = 0; j < n; j++)
        g_string_append_printf (key, "%u,", locs[j]);
      labels = smolder_profile_get_sample_labels (p, i, &n);
      for (guint j = 0; j < n; j++)
        g_string_append_printf (key, "|%u=%u/%" G_GINT64_FORMAT, labels[j].key, labels[j].str, labels[j].num);
      g_hash_table_add (keys, g_string_free (key, FALSE));
    }
  g_assert_cmpuint (n_zero, ==, 3);
  g_assert_cmpuint (n_empty, ==, 1);
  g_assert_cmpuint (g_hash_table_size (keys), ==, 72397);

  /* pprof -raw, first sample: "1 96 1 96: ... bytes:[96]"; the three
   * samples before it in the file are all zero. */
  g_assert_cmpint (smolder_profile_get_sample_values (p, 3)[1], ==, 96);
  labels = smolder_profile_get_sample_labels (p, 3, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (S (p, labels[0].key), ==, "bytes");
  g_assert_cmpint (labels[0].num, ==, 96);
}

/* Function names that are not valid UTF-8, hold an escape sequence or a
 * NUL: shown with U+FFFD and \xNN escapes, never cut short or <unknown>. */
static void
test_bad_names (void)
{
  static const struct { const char *raw; gsize len; const char *shown; } names[] = {
#define RAW(s) s, sizeof s - 1
    { RAW ("main.\x1b[31mred"), "main.\\x1b[31mred" },
    { RAW ("bad\xff\xfe.name"), "bad\xef\xbf\xbd\xef\xbf\xbd.name" },
    { RAW ("\0hidden"), "\\x00hidden" },
    { RAW ("caf\xc3\xa9.ok"), "caf\xc3\xa9.ok" },  /* valid UTF-8 stays */
#undef RAW
  };
  g_autoptr(GByteArray) b = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = NULL;
  gint64 values[] = { 1 };

  put_msg (b, 1, value_type (1, 2));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 locs[] = { i + 1 };

      put_msg (b, 2, sample_msg (locs, 1, values, 1));
      put_msg (b, 4, location_msg (i + 1, 0, 0x1000 + i, FALSE, line_msg (i + 1, 1, 0), NULL));
      put_msg (b, 5, function_msg (i + 1, 3 + i, 3 + i, 0, 0));
    }
  put_str (b, 6, "");
  put_str (b, 6, "samples");
  put_str (b, 6, "count");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    put_bytes (b, 6, names[i].raw, names[i].len);

  p = decode (b, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const SmolderFunction *f = smolder_profile_get_function (p, i);

      g_assert_cmpstr (smolder_profile_get_string (p, f->name), ==, names[i].shown);
      g_assert_true (g_utf8_validate (smolder_profile_get_string (p, f->name), -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/pprof-decode/every-field", test_full);
  g_test_add_func ("/smolder/pprof-decode/small", test_small_ok);
  g_test_add_func ("/smolder/pprof-decode/errors", test_errors);
  g_test_add_func ("/smolder/pprof-decode/dangling-mapping", test_dangling_mapping);
  g_test_add_func ("/smolder/pprof-decode/truncated", test_truncated);
  g_test_add_func ("/smolder/pprof-decode/limits", test_limits);
  g_test_add_func ("/smolder/pprof-decode/empty-string-table", test_empty_string_table);
  g_test_add_func ("/smolder/pprof-decode/fixtures", test_fixtures);
  g_test_add_func ("/smolder/pprof-decode/fixture-cpu", test_fixture_cpu);
  g_test_add_func ("/smolder/pprof-decode/fixture-labels", test_fixture_labels);
  g_test_add_func ("/smolder/pprof-decode/fixture-big-heap", test_fixture_big_heap);
  g_test_add_func ("/smolder/pprof-decode/bad-names", test_bad_names);

  return g_test_run ();
}
