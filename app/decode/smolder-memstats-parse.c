/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-memstats-parse.c: the "# runtime.MemStats" block that Go appends to a
 * heap profile with ?debug=1 (runtime/pprof writeHeapInternal). */
#include "smolder-memstats-parse.h"
#include "smolder-profile.h"
#include "smolder-text-lines.h"

#include <string.h>

typedef enum { F_U64, F_U32, F_PAIR, F_RING, F_DOUBLE, F_BOOL, F_MAXRSS } FieldKind;

typedef struct
{
  const char *name;
  FieldKind   kind;
  gsize       offset;   /* of the (first) field */
  gsize       offset2;  /* of the second field of a "a / b" pair */
} Field;

#define OFF(f) G_STRUCT_OFFSET (SmolderMemStats, f)

static const Field fields[] = {
  { "Alloc", F_U64, OFF (alloc), 0 },
  { "TotalAlloc", F_U64, OFF (total_alloc), 0 },
  { "Sys", F_U64, OFF (sys), 0 },
  { "Lookups", F_U64, OFF (lookups), 0 },
  { "Mallocs", F_U64, OFF (mallocs), 0 },
  { "Frees", F_U64, OFF (frees), 0 },
  { "HeapAlloc", F_U64, OFF (heap_alloc), 0 },
  { "HeapSys", F_U64, OFF (heap_sys), 0 },
  { "HeapIdle", F_U64, OFF (heap_idle), 0 },
  { "HeapInuse", F_U64, OFF (heap_inuse), 0 },
  { "HeapReleased", F_U64, OFF (heap_released), 0 },
  { "HeapObjects", F_U64, OFF (heap_objects), 0 },
  { "Stack", F_PAIR, OFF (stack_inuse), OFF (stack_sys) },
  { "MSpan", F_PAIR, OFF (mspan_inuse), OFF (mspan_sys) },
  { "MCache", F_PAIR, OFF (mcache_inuse), OFF (mcache_sys) },
  { "BuckHashSys", F_U64, OFF (buck_hash_sys), 0 },
  { "GCSys", F_U64, OFF (gc_sys), 0 },
  { "OtherSys", F_U64, OFF (other_sys), 0 },
  { "NextGC", F_U64, OFF (next_gc), 0 },
  { "LastGC", F_U64, OFF (last_gc), 0 },
  { "PauseNs", F_RING, OFF (pause_ns), 0 },
  { "PauseEnd", F_RING, OFF (pause_end), 0 },
  { "NumGC", F_U32, OFF (num_gc), 0 },
  { "NumForcedGC", F_U32, OFF (num_forced_gc), 0 },
  { "GCCPUFraction", F_DOUBLE, OFF (gc_cpu_fraction), 0 },
  { "DebugGC", F_BOOL, OFF (debug_gc), 0 },
  { "MaxRSS", F_MAXRSS, OFF (max_rss), 0 },
};

static gboolean
parse_value (const Field     *field,
             const char      *p,
             const char      *end,
             SmolderMemStats *out,
             const char     **expected)
{
  guint8 *base = (guint8 *) out;
  guint64 v, v2;

  switch (field->kind)
    {
    case F_U64:
    case F_MAXRSS:
      *expected = "an unsigned integer";
      if (!smolder_text_parse_u64 (&p, end, &v) || p != end)
        return FALSE;
      memcpy (base + field->offset, &v, sizeof v);
      if (field->kind == F_MAXRSS)
        out->has_max_rss = TRUE;
      return TRUE;

    case F_U32:
      *expected = "an unsigned 32-bit integer";
      if (!smolder_text_parse_u64 (&p, end, &v) || p != end || v > G_MAXUINT32)
        return FALSE;
      {
        guint32 v32 = (guint32) v;
        memcpy (base + field->offset, &v32, sizeof v32);
      }
      return TRUE;

    case F_PAIR:
      *expected = "two unsigned integers as \"inuse / sys\"";
      if (!smolder_text_parse_u64 (&p, end, &v))
        return FALSE;
      p = smolder_text_skip_spaces (p, end);
      if (p == end || *p != '/')
        return FALSE;
      p = smolder_text_skip_spaces (p + 1, end);
      if (!smolder_text_parse_u64 (&p, end, &v2) || p != end)
        return FALSE;
      memcpy (base + field->offset, &v, sizeof v);
      memcpy (base + field->offset2, &v2, sizeof v2);
      return TRUE;

    case F_RING:
      {
        guint64 *ring = (guint64 *) (base + field->offset);
        guint n = 0;

        *expected = "a list of at most 256 unsigned integers in [ ]";
        if (p == end || *p != '[')
          return FALSE;
        p++;
        for (;;)
          {
            p = smolder_text_skip_spaces (p, end);
            if (p < end && *p == ']')
              break;
            if (n == SMOLDER_MEMSTATS_PAUSE_RING || !smolder_text_parse_u64 (&p, end, &v))
              return FALSE;
            ring[n++] = v;
          }
        return p + 1 == end;
      }

    case F_DOUBLE:
      {
        g_autofree char *copy = g_strndup (p, end - p);
        char *stop = NULL;
        double d;

        *expected = "a number";
        if (p == end)
          return FALSE;
        d = g_ascii_strtod (copy, &stop);
        if (stop == copy || *stop != '\0')
          return FALSE;
        out->gc_cpu_fraction = d;
        return TRUE;
      }

    case F_BOOL:
      *expected = "true or false";
      if (end - p == 4 && memcmp (p, "true", 4) == 0)
        out->debug_gc = TRUE;
      else if (end - p == 5 && memcmp (p, "false", 5) == 0)
        out->debug_gc = FALSE;
      else
        return FALSE;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

gboolean
smolder_memstats_parse (const char       *text,
                        gsize             len,
                        SmolderMemStats  *out,
                        GError          **error)
{
  const char *p = text, *end = text + len;
  guint line_no = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line = p, *key, *key_end, *value;
      gsize n = nl != NULL ? (gsize) (nl - p) : (gsize) (end - p);
      const char *expected = NULL;

      p = nl != NULL ? nl + 1 : end;
      line_no++;
      smolder_text_trim (&line, &n);

      if (line_no == 1)
        {
          if (n != strlen ("# runtime.MemStats") || memcmp (line, "# runtime.MemStats", n) != 0)
            {
              smolder_text_set_error (error, line_no, line, n,
                                      "expected \"# runtime.MemStats\" to start the block");
              g_prefix_error (error, "MemStats ");
              return FALSE;
            }
          continue;
        }
      /* The block ends at the first line that is not a comment. */
      if (n == 0 || line[0] != '#')
        break;

      key = smolder_text_skip_spaces (line + 1, line + n);
      for (key_end = key; key_end < line + n && *key_end != ' ' && *key_end != '='; key_end++)
        ;
      value = smolder_text_skip_spaces (key_end, line + n);
      if (key == key_end || value == line + n || *value != '=')
        {
          smolder_text_set_error (error, line_no, line, n, "expected \"# Name = value\"");
          g_prefix_error (error, "MemStats ");
          return FALSE;
        }
      value = smolder_text_skip_spaces (value + 1, line + n);

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const Field *field = &fields[i];

          if (strlen (field->name) != (gsize) (key_end - key) ||
              memcmp (field->name, key, key_end - key) != 0)
            continue;
          if (!parse_value (field, value, line + n, out, &expected))
            {
              smolder_text_set_error (error, line_no, line, n, "%s: expected %s",
                                      field->name, expected);
              g_prefix_error (error, "MemStats ");
              return FALSE;
            }
          break;
        }
      /* Unknown names: newer runtimes add fields; ignore them. */
    }

  if (line_no == 0)
    {
      g_set_error_literal (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "MemStats: the block is empty");
      return FALSE;
    }
  return TRUE;
}
