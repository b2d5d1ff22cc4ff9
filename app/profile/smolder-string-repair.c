/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-string-repair.c: strings from files made fit to show and print. */

#include "smolder-profile-private.h"

/* A string as it can be shown and printed: bytes that are not UTF-8
 * become U+FFFD, control characters (and NUL, which would cut the name
 * short) are escaped as \xNN. NULL when @str needs no repair, the
 * common case, found with one scan. */
char *
smolder_string_repair (const char *str,
                       gsize       len)
{
  const char *p = str, *end = str + len;
  gboolean ascii = TRUE;
  GString *out;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = str[i];

      if (c < 0x20 || c == 0x7f)
        goto repair;
      ascii = ascii && c < 0x80;
    }
  if (ascii || g_utf8_validate_len (str, len, NULL))
    return NULL;

repair:
  out = g_string_sized_new (len + 8);
  while (p < end)
    {
      guchar c = *p;

      if (c < 0x20 || c == 0x7f)
        {
          g_string_append_printf (out, "\\x%02x", c);
          p++;
        }
      else if (c < 0x80)
        g_string_append_c (out, *p++);
      else
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              g_string_append (out, "\xef\xbf\xbd");  /* U+FFFD */
              p++;
            }
          else
            {
              gsize n = g_utf8_skip[c];

              g_string_append_len (out, p, n);
              p += n;
            }
        }
    }
  return g_string_free (out, FALSE);
}
