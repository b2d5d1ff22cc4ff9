/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-pprof-index.c: parsing the /debug/pprof/ index page. */
#include "smolder-pprof-index.h"
#include "smolder-live-error.h"

#include <string.h>

void
smolder_pprof_index_entry_free (SmolderPprofIndexEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->href);
  g_free (entry);
}

static const char *
find_ci (const char *p,
         const char *end,
         const char *needle)
{
  gsize n = strlen (needle);

  for (; p + n <= end; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* The last number in [start, end) outside tags: the row's count cell
 * ("<tr><td>9</td><td>" in Go ≥ 1.11, "9\t" before). */
static gint64
count_before (const char *start,
              const char *end)
{
  gint64 last = -1, cur = -1;
  gboolean in_tag = FALSE;

  for (const char *q = start; q < end; q++)
    {
      if (*q == '<')
        in_tag = TRUE;
      else if (*q == '>')
        in_tag = FALSE;
      if (!in_tag && g_ascii_isdigit (*q))
        {
          if (cur < 0)
            cur = 0;
          cur = cur > (G_MAXINT64 - 9) / 10 ? G_MAXINT64 : cur * 10 + (*q - '0');
        }
      else if (cur >= 0)
        {
          /* A number glued to letters ("6rem") is not a count. */
          if (!g_ascii_isalpha (*q))
            last = cur;
          cur = -1;
        }
    }
  return cur >= 0 ? cur : last;
}

static gboolean
is_profile_name (const char *s,
                 gsize       len)
{
  if (len == 0 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '_' && s[i] != '-' && s[i] != '.')
      return FALSE;
  return TRUE;
}

GPtrArray *
smolder_pprof_index_parse (const char  *body,
                           gsize        len,
                           GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) smolder_pprof_index_entry_free);
  const char *end = body + len;
  const char *p = body;
  const char *row_start = body;

  while ((p = find_ci (p, end, "<a")) != NULL)
    {
      const char *h, *href, *href_end, *name, *name_end, *close;
      char quote = 0;

      close = memchr (p, '>', end - p);
      if (close == NULL)
        break;
      h = find_ci (p, close, "href=");
      if (h == NULL)
        {
          p = close;
          continue;
        }
      href = h + 5;
      if (href < close && (*href == '\'' || *href == '"'))
        quote = *href++;
      href_end = href;
      while (href_end < close && (quote ? *href_end != quote : !g_ascii_isspace (*href_end)))
        href_end++;
      name = close + 1;
      name_end = find_ci (name, end, "</a>");
      if (name_end == NULL)
        break;

      /* Only links to a profile by name ("heap?debug=1" → heap); the
       * "full goroutine stack dump" link and absolute links are not rows. */
      if (is_profile_name (name, name_end - name) &&
          (gsize) (href_end - href) >= (gsize) (name_end - name) &&
          strncmp (href, name, name_end - name) == 0 &&
          (href + (name_end - name) == href_end || href[name_end - name] == '?'))
        {
          SmolderPprofIndexEntry *e = g_new0 (SmolderPprofIndexEntry, 1);

          e->name = g_strndup (name, name_end - name);
          e->href = g_strndup (href, href_end - href);
          e->count = count_before (row_start, p);
          if (smolder_pprof_index_lookup (entries, e->name) == NULL)
            g_ptr_array_add (entries, e);
          else
            smolder_pprof_index_entry_free (e);
        }
      p = row_start = name_end + 4;
    }

  if (entries->len == 0)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_NOT_PPROF,
                   "the page lists no pprof profiles");
      return NULL;
    }
  return g_steal_pointer (&entries);
}

const SmolderPprofIndexEntry *
smolder_pprof_index_lookup (GPtrArray  *entries,
                            const char *name)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const SmolderPprofIndexEntry *e = entries->pdata[i];

      if (g_str_equal (e->name, name))
        return e;
    }
  return NULL;
}

char *
smolder_describe_response (guint        status,
                           const char  *reason,
                           const char  *content_type,
                           const char  *body,
                           gsize        len)
{
  GString *s = g_string_new (NULL);
  gsize n = 0;

  g_string_append_printf (s, "status %u", status);
  if (reason != NULL && reason[0] != '\0')
    g_string_append_printf (s, " %s", reason);
  g_string_append_printf (s, ", %s", content_type && content_type[0] ? content_type : "no content type");

  /* The first non-blank line, at most 80 bytes, printable ASCII only. */
  while (n < len && g_ascii_isspace (body[n]))
    n++;
  if (n >= len)
    g_string_append (s, ", empty body");
  else
    {
      gsize start = n, i;

      g_string_append (s, ", first line “");
      for (i = start; i < len && i - start < 80 && body[i] != '\n' && body[i] != '\r'; i++)
        g_string_append_c (s, (body[i] >= 0x20 && body[i] < 0x7f) ? body[i] : '?');
      if (i - start == 80 && i < len && body[i] != '\n')
        g_string_append (s, "…");
      g_string_append (s, "”");
    }
  return g_string_free (s, FALSE);
}

GPtrArray *
smolder_pprof_index_check (guint        status,
                           const char  *reason,
                           const char  *content_type,
                           const char  *body,
                           gsize        len,
                           gboolean     had_credentials,
                           GError     **error)
{
  g_autofree char *what = smolder_describe_response (status, reason, content_type, body, len);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *entries;

  if (status == 401)
    {
      if (had_credentials)
        g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_REFUSED,
                     "the credentials were refused (%s)", what);
      else
        g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_NEEDED,
                     "credentials needed: give user:password@ in the URL or an Authorization header (%s)",
                     what);
      return NULL;
    }
  if (status == 403)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_REFUSED,
                   "access refused (%s)", what);
      return NULL;
    }
  if (status < 200 || status >= 300)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR,
                   status == 404 ? SMOLDER_LIVE_ERROR_NOT_PPROF : SMOLDER_LIVE_ERROR_HTTP,
                   "not a pprof index: %s", what);
      return NULL;
    }
  entries = smolder_pprof_index_parse (body, len, &local_error);
  if (entries == NULL)
    g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_NOT_PPROF,
                 "not a pprof index (%s): %s", local_error->message, what);
  return entries;
}
