/* SPDX-License-Identifier: GPL-3.0-or-later */
/* aggregation-builder.h: hand-built profiles for the aggregation tests. */
#pragma once

#include <stdarg.h>

#include "smolder-profile-private.h"
#include "smolder-load.h"
#include "smolder-query.h"
#include "smolder-top.h"

#define END G_MAXUINT32

/* A profile with the given sample types: "type/unit" strings, NULL-terminated. */
static inline SmolderProfile *
tb_new (const char *first_type, ...)
{
  SmolderProfile *p = smolder_profile_new_empty (SMOLDER_PROFILE_FORMAT_PROTO);
  va_list ap;

  smolder_profile_intern (p, "", 0);
  va_start (ap, first_type);
  for (const char *t = first_type; t != NULL; t = va_arg (ap, const char *))
    {
      g_auto(GStrv) parts = g_strsplit (t, "/", 2);
      smolder_profile_add_sample_type (p, parts[0], parts[1] ? parts[1] : "");
    }
  va_end (ap);
  return p;
}

static inline guint32
tb_function (SmolderProfile *p,
             const char     *name,
             const char     *file,
             gint64          start_line)
{
  SmolderFunction f = { 0, };

  f.name = smolder_profile_intern (p, name, -1);
  f.system_name = f.name;
  f.filename = smolder_profile_intern (p, file ? file : "", -1);
  f.start_line = start_line;
  g_array_append_val (p->functions, f);
  return p->functions->len - 1;
}

static inline guint32
tb_mapping (SmolderProfile *p,
            const char     *file,
            guint64         start,
            guint64         limit)
{
  SmolderMapping m = { 0, };

  m.memory_start = start;
  m.memory_limit = limit;
  m.filename = smolder_profile_intern (p, file, -1);
  m.has_functions = TRUE;
  g_array_append_val (p->mappings, m);
  return p->mappings->len - 1;
}

/* Lines as (function, int line) pairs, innermost first, then END. */
static inline guint32
tb_location (SmolderProfile *p,
             guint32         mapping,
             guint64         address,
             ...)
{
  SmolderLocation loc = { 0, };
  va_list ap;
  guint32 fn;

  loc.address = address;
  loc.mapping = mapping;
  loc.first_line = p->lines->len;
  va_start (ap, address);
  while ((fn = va_arg (ap, guint32)) != END)
    {
      SmolderLine line = { 0, };

      line.function = fn;
      line.line = va_arg (ap, int);
      g_array_append_val (p->lines, line);
      loc.n_lines++;
    }
  va_end (ap);
  g_array_append_val (p->locations, loc);
  return p->locations->len - 1;
}

/* A location with one line of a new function @name. */
static inline guint32
tb_simple (SmolderProfile *p,
           const char     *name)
{
  guint32 f = tb_function (p, name, "x/src.go", 0);
  return tb_location (p, END, 0, f, 1, END);
}

/* One value per sample type would be tedious: the first type gets @value,
 * the others @value * 10. Locations leaf first, then END. */
static inline void
tb_sample (SmolderProfile *p,
           gint64          value,
           ...)
{
  va_list ap;
  guint32 loc;

  smolder_profile_begin_sample (p);
  va_start (ap, value);
  while ((loc = va_arg (ap, guint32)) != END)
    smolder_profile_sample_add_location (p, loc);
  va_end (ap);
  for (guint i = 0; i < p->sample_types->len; i++)
    smolder_profile_sample_add_value (p, i == 0 ? value : value * 10);
  smolder_profile_end_sample (p);
}

static inline void
tb_label (SmolderProfile *p,
          const char     *key,
          const char     *str)
{
  smolder_profile_sample_add_label (p, smolder_profile_intern (p, key, -1),
                                    smolder_profile_intern (p, str, -1), 0, 0);
}

static inline void
tb_seal (SmolderProfile *p)
{
  g_autoptr(GError) error = NULL;

  smolder_profile_seal (p, NULL, &error);
  g_assert_no_error (error);
}

static inline SmolderProfile *
tb_load (const char *relative)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  SmolderProfile *p;
  const char *dir = g_getenv ("SMOLDER_TEST_DATA");

  path = g_build_filename (dir ? dir : SMOLDER_TEST_DATA, relative, NULL);
  file = g_file_new_for_path (path);
  p = smolder_profile_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return p;
}

/* The row named @name, or NULL. */
static inline const SmolderTopRow *
tb_find_row (SmolderTop *top,
             const char *name)
{
  SmolderFrames *frames = smolder_top_get_frames (top);

  for (guint i = 0; i < smolder_top_get_n_rows (top); i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);

      if (g_str_equal (smolder_frames_get_name (frames, row->frame), name))
        return row;
    }
  return NULL;
}

static inline void
tb_assert_row (SmolderTop *top,
               const char *name,
               gint64      flat,
               gint64      cum)
{
  const SmolderTopRow *row = tb_find_row (top, name);

  if (row == NULL)
    g_error ("no row named “%s”", name);
  g_assert_cmpint (row->flat, ==, flat);
  g_assert_cmpint (row->cum, ==, cum);
}

static inline SmolderTop *
tb_top (SmolderProfile *p,
        SmolderQuery   *q)
{
  g_autoptr(GError) error = NULL;
  SmolderTop *top = smolder_top_new (p, q, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (top);
  return top;
}
