/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-sniff.c: recognise a profile by its content, never by its name. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smolder-input.h"
#include "smolder-wire.h"

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *prefix)
{
  gsize n = strlen (prefix);
  return len >= n && memcmp (data, prefix, n) == 0;
}

static gboolean
has_prefix_ci (const guint8 *data,
               gsize         len,
               const char   *prefix)
{
  gsize n = strlen (prefix);
  return len >= n && g_ascii_strncasecmp ((const char *) data, prefix, n) == 0;
}

/* A bounded memmem over the first @len bytes. */
static gboolean
contains (const guint8 *data,
          gsize         len,
          const char   *needle)
{
  gsize n = strlen (needle);

  if (n == 0 || len < n)
    return FALSE;
  for (gsize i = 0; i + n <= len; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gsize
skip_space (const guint8 *data,
            gsize         len)
{
  gsize i = 0;

  /* A UTF-8 byte order mark, then blank space. */
  if (len >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i;
}

/* The first line of @data, printable, at most 60 characters. */
static char *
first_line (const guint8 *data,
            gsize         len)
{
  GString *s = g_string_new (NULL);
  gsize i;

  for (i = 0; i < len && data[i] != '\n' && data[i] != '\r'; i++)
    {
      if (s->len >= 60)
        {
          g_string_append (s, "…");
          break;
        }
      if (data[i] == '\t')
        g_string_append_c (s, ' ');
      else if (data[i] < 0x20 || data[i] == 0x7f)
        g_string_append_printf (s, "\\x%02x", data[i]);
      else
        g_string_append_c (s, data[i]);
    }

  /* Do not cut a UTF-8 sequence in half. */
  if (!g_utf8_validate (s->str, s->len, NULL))
    {
      const char *end;
      g_utf8_validate (s->str, s->len, &end);
      g_string_truncate (s, end - s->str);
      g_string_append (s, "…");
    }

  return g_string_free (s, FALSE);
}

/* Mostly printable text in the first KiB (valid UTF-8, few controls)? */
static gboolean
looks_like_text (const guint8 *data,
                 gsize         len)
{
  gsize n = MIN (len, 1024);
  const char *end;
  gsize controls = 0;

  if (!g_utf8_validate ((const char *) data, n, &end))
    {
      /* A multi-byte character cut at the window edge is fine. */
      if ((gsize) ((const guint8 *) end - data) + 4 < n)
        return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    if ((data[i] < 0x20 && data[i] != '\n' && data[i] != '\r' && data[i] != '\t') || data[i] == 0x7f)
      controls++;
  return controls == 0;
}

/* The wire type each Profile field 1..15 uses (13 may also be packed). */
static gboolean
profile_field_ok (guint64 field,
                  guint   wire)
{
  switch (field)
    {
    case 1: case 2: case 3: case 4: case 5: case 6: case 11:
      return wire == 2;
    case 13:
      return wire == 0 || wire == 2;
    case 7: case 8: case 9: case 10: case 12: case 14: case 15:
      return wire == 0;
    default:
      return FALSE;
    }
}

/* Do the first fields read as a Profile message? The first must be a known
 * field with its wire type; the next few must be well formed and fit. */
static gboolean
looks_like_proto (const guint8 *data,
                  gsize         len)
{
  SmolderWire w = { data, len, 0 };
  guint n_fields = 0;

  while (w.pos < len && n_fields < 16)
    {
      guint64 tag, v;
      guint wire;

      if (!smolder_wire_read_varint (&w, &tag))
        return n_fields >= 2;
      wire = tag & 7;
      if (!profile_field_ok (tag >> 3, wire))
        {
          /* Unknown fields are legal later on, if well formed. */
          if (n_fields == 0 || (tag >> 3) == 0 || wire == 3 || wire == 4 || wire > 5)
            return FALSE;
        }

      switch (wire)
        {
        case 0:
          if (!smolder_wire_read_varint (&w, &v))
            return n_fields >= 1;
          break;
        case 1:
          if (len - w.pos < 8)
            return n_fields >= 1;
          w.pos += 8;
          break;
        case 5:
          if (len - w.pos < 4)
            return n_fields >= 1;
          w.pos += 4;
          break;
        case 2:
          if (!smolder_wire_read_varint (&w, &v))
            return n_fields >= 1;
          /* A truncated download still reads as a profile: let the
           * decoder say where it ends. */
          if (v > len - w.pos)
            return n_fields >= 1;
          w.pos += v;
          break;
        default:
          return FALSE;
        }
      n_fields++;
    }

  return n_fields > 0;
}

static guint64
word (const guint8 *p,
      guint         size,
      gboolean      big_endian)
{
  guint64 v = 0;

  for (guint i = 0; i < size; i++)
    {
      guint shift = big_endian ? (size - 1 - i) * 8 : i * 8;
      v |= (guint64) p[i] << shift;
    }
  return v;
}

/* Header words 0, 3, 0, period > 0, 0 (pprof's parseCPU). */
static gboolean
looks_like_legacy_cpu (const guint8 *data,
                       gsize         len)
{
  static const struct { guint size; gboolean big; } kinds[] = {
    { 4, FALSE }, { 4, TRUE }, { 8, FALSE }, { 8, TRUE },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint s = kinds[k].size;
      gboolean be = kinds[k].big;

      if (len < 5 * s)
        continue;
      if (word (data, s, be) == 0 && word (data + s, s, be) == 3 && word (data + 2 * s, s, be) == 0
          && word (data + 3 * s, s, be) > 0 && word (data + 4 * s, s, be) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "NAME profile: total N", as pprof's countStartRE. */
static gboolean
looks_like_count_header (const guint8 *data,
                         gsize         len)
{
  gsize i = 0, digits = 0;

  while (i < len && !g_ascii_isspace (data[i]))
    i++;
  if (i == 0 || !has_prefix (data + i, len - i, " profile: total "))
    return FALSE;
  i += strlen (" profile: total ");
  while (i < len && g_ascii_isdigit (data[i]))
    i++, digits++;
  return digits > 0 && (i == len || data[i] == '\n' || data[i] == '\r');
}

/* "goroutine 123 [" */
static gboolean
looks_like_goroutine_dump (const guint8 *data,
                           gsize         len)
{
  gsize i = strlen ("goroutine ");
  gsize digits = 0;

  if (!has_prefix (data, len, "goroutine "))
    return FALSE;
  while (i < len && g_ascii_isdigit (data[i]))
    i++, digits++;
  return digits > 0 && has_prefix (data + i, len - i, " [");
}

SmolderSniff
smolder_sniff (const guint8  *data,
               gsize          len,
               char         **description)
{
  const guint8 *t;
  gsize tlen, skip;
  gsize head = MIN (len, 4096);

  g_return_val_if_fail (description != NULL, SMOLDER_SNIFF_UNKNOWN);

  *description = NULL;

  if (len == 0 || data == NULL)
    {
      *description = g_strdup (_("an empty file"));
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }

  if (len >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    {
      *description = g_strdup (_("gzip data inside gzip data"));
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }

  if (looks_like_legacy_cpu (data, len))
    {
      *description = g_strdup (_("a legacy binary CPU profile (Go before 1.9)"));
      return SMOLDER_SNIFF_LEGACY_CPU;
    }

  /* Go's execution trace: "go 1.19 trace\0\0\0". */
  if (has_prefix (data, len, "go 1.") && contains (data, MIN (len, 16), " trace"))
    {
      *description = g_strdup (_("a Go execution trace (from /debug/pprof/trace), which is not a "
                                  "pprof profile: open it with “go tool trace”"));
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }

  skip = skip_space (data, head);
  t = data + skip;
  tlen = len - skip;

  if (has_prefix (t, tlen, "heap profile:"))
    {
      *description = g_strdup (_("a text heap profile"));
      return SMOLDER_SNIFF_TEXT_HEAP;
    }
  if (has_prefix (t, tlen, "--- mutex:") || has_prefix (t, tlen, "--- contention:"))
    {
      *description = g_strdup (_("a text contention profile"));
      return SMOLDER_SNIFF_TEXT_CONTENTION;
    }
  if (looks_like_count_header (t, MIN (tlen, 256)))
    {
      *description = g_strdup (_("a text count profile"));
      return SMOLDER_SNIFF_TEXT_COUNT;
    }
  if (looks_like_goroutine_dump (t, MIN (tlen, 64)))
    {
      *description = g_strdup (_("a goroutine dump"));
      return SMOLDER_SNIFF_GOROUTINE_DUMP;
    }
  /* A crash as pasted: "panic: …" (or log lines), then the dump. */
  for (gsize i = skip; i + 1 < head; i++)
    if (data[i] == '\n' && looks_like_goroutine_dump (data + i + 1, MIN (head - i - 1, 64)))
      {
        *description = g_strdup (_("a goroutine dump"));
        return SMOLDER_SNIFF_GOROUTINE_DUMP;
      }

  if (has_prefix_ci (t, tlen, "<!doctype html") || has_prefix_ci (t, tlen, "<html")
      || has_prefix_ci (t, tlen, "<head") || has_prefix_ci (t, tlen, "<body"))
    {
      if (contains (data, head, "/debug/pprof/") && contains (data, head, "Types of profiles available"))
        *description = g_strdup (_("the /debug/pprof/ index page (HTML), which lists the profiles: "
                                    "pick one of them, e.g. /debug/pprof/heap or /debug/pprof/profile?seconds=30"));
      else
        *description = g_strdup (_("an HTML page"));
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }

  if (has_prefix (t, tlen, "404 page not found"))
    {
      *description = g_strdup (_("the body of an HTTP 404 response (“404 page not found”): "
                                  "check the URL"));
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }
  if (has_prefix (t, tlen, "Unknown profile"))
    {
      *description = g_strdup (_("the body of the 404 response net/http/pprof sends for a profile "
                                  "name it does not know (“Unknown profile”)"));
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }

  if (has_prefix (t, tlen, "HTTP/1.") || has_prefix (t, tlen, "HTTP/2"))
    {
      *description = g_strdup (_("HTTP response headers: save only the body (curl -o FILE URL)"));
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }

  if (tlen > 0 && (t[0] == '{' || t[0] == '[') && looks_like_text (t, tlen))
    {
      *description = g_strdup (_("JSON data"));
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }

  /* Text is checked before protobuf: a printable first byte can read as a
   * tag, but the text signatures above are specific. */
  if (looks_like_proto (data, len) && !(looks_like_text (data, len) && len > 64))
    {
      *description = g_strdup (_("a protobuf profile"));
      return SMOLDER_SNIFF_PROTO;
    }

  if (looks_like_text (data, len))
    {
      g_autofree char *line = first_line (t, tlen);
      if (line[0] == '\0')
        *description = g_strdup (_("blank text"));
      else
        *description = g_strdup_printf (_("text starting with “%s”"), line);
      return SMOLDER_SNIFF_NOT_A_PROFILE;
    }

  {
    GString *s = g_string_new (_("binary data starting with"));
    for (gsize i = 0; i < MIN (len, 8); i++)
      g_string_append_printf (s, " %02x", data[i]);
    *description = g_string_free (s, FALSE);
  }
  return SMOLDER_SNIFF_NOT_A_PROFILE;
}
