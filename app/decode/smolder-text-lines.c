/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-text-lines.c: lines, numbers, addresses and "#" frames of Go's
 * text profiles. */
#include "smolder-text-lines.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Lines                                                               */

void
smolder_text_lines_init (SmolderTextLines    *self,
                         SmolderInput        *input,
                         const SmolderLimits *limits)
{
  if (limits == NULL)
    limits = smolder_limits_get_default ();

  memset (self, 0, sizeof *self);
  self->input = input;
  self->data = (const char *) input->data;
  self->len = input->data != NULL ? input->len : 0;
  self->hold = G_MAXSIZE;
  self->max_line_bytes = limits->max_line_bytes;
  self->release_step = SMOLDER_TEXT_RELEASE_STEP;
}

void
smolder_text_lines_init_range (SmolderTextLines    *self,
                               SmolderInput        *input,
                               const SmolderLimits *limits,
                               gsize                start,
                               gsize                end,
                               gsize               *shared_done)
{
  smolder_text_lines_init (self, input, limits);
  end = MIN (end, self->len);
  start = MIN (start, end);
  self->len = end;
  self->start = start;
  self->pos = start;
  self->line_start = start;
  self->released = start;
  self->shared_done = shared_done;
  /* Two chunks hold a window each: keep their sum what one would hold. */
  if (shared_done != NULL)
    self->release_step = SMOLDER_TEXT_RELEASE_STEP / 4;
}

/* Drops the pages before @upto that this range covers. The first range goes
 * through the input (which reports the progress of a lone reader); a later
 * one must not move the input's cursor, which belongs to the first. */
static void
release_upto (SmolderTextLines *self,
              gsize             upto)
{
  gsize done;

  if (upto <= self->released)
    return;
  done = upto - self->released;

  if (self->start == 0)
    smolder_input_release_before (self->input, upto);
  else if (self->input->mapped != NULL && self->data != NULL)
    {
      long ps = sysconf (_SC_PAGESIZE);
      gsize page = ps > 0 ? (gsize) ps : 4096;
      /* Never a page holding bytes of the range before ours. */
      gsize from = MAX ((self->start + page - 1) / page * page, self->released / page * page);
      gsize to = upto / page * page;

      if (to > from)
        madvise ((void *) (self->data + from), to - from, MADV_DONTNEED);
    }
  self->released = upto;

  if (self->shared_done != NULL && self->input->progress != NULL && self->input->len > 0)
    {
      gsize total = __atomic_add_fetch (self->shared_done, done, __ATOMIC_RELAXED);

      smolder_progress_set (self->input->progress, (double) total / (double) self->input->len);
    }
}

void
smolder_text_lines_release_all (SmolderTextLines *self)
{
  release_upto (self, self->len);
}

gboolean
smolder_text_lines_next_slow (SmolderTextLines  *self,
                              const char       **line,
                              gsize             *len,
                              GError           **error)
{
  const char *start, *nl;
  gsize remaining, window, n;

  if (self->pos >= self->len)
    return FALSE;

  self->line_start = self->pos;
  self->line_no++;

  /* Pages behind us leave the resident set; a record's "#" lines may be
   * read again, so never past the start of the current record. */
  if (self->line_start - self->released >= self->release_step)
    release_upto (self, MIN (self->line_start, self->hold));

  start = self->data + self->pos;
  remaining = self->len - self->pos;
  /* Look no further than one line may be long: a file without newlines
   * costs one bounded scan, not a scan of everything. */
  window = remaining;
  if (self->max_line_bytes < G_MAXSIZE - 2 && window > self->max_line_bytes + 2)
    window = self->max_line_bytes + 2;
  nl = memchr (start, '\n', window);
  if (nl == NULL && window < remaining)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "line %" G_GUINT64_FORMAT " is longer than the limit of %" G_GUINT64_FORMAT " bytes",
                   self->line_no, self->max_line_bytes);
      return FALSE;
    }
  n = nl != NULL ? (gsize) (nl - start) : remaining;
  self->pos += n + (nl != NULL ? 1 : 0);
  if (n > 0 && start[n - 1] == '\r')
    n--;
  if (n > self->max_line_bytes)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "line %" G_GUINT64_FORMAT " is longer than the limit of %" G_GUINT64_FORMAT " bytes",
                   self->line_no, self->max_line_bytes);
      return FALSE;
    }

  *line = start;
  *len = n;
  return TRUE;
}

void
smolder_text_set_error (GError     **error,
                        guint64      line_no,
                        const char  *line,
                        gsize        len,
                        const char  *format,
                        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *escaped = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line == NULL)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "line %" G_GUINT64_FORMAT ": %s", line_no, message);
      return;
    }

  snippet = g_strndup (line, MIN (len, 60));
  escaped = g_strescape (snippet, NULL);
  g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
               "line %" G_GUINT64_FORMAT ": %s (in \"%s%s\")",
               line_no, message, escaped, len > 60 ? "…" : "");
}

gboolean
smolder_text_parse_u64 (const char **p,
                        const char  *end,
                        guint64     *out)
{
  const char *s = *p;
  guint64 v = 0;

  if (s >= end || !g_ascii_isdigit (*s))
    return FALSE;
  for (; s < end && g_ascii_isdigit (*s); s++)
    {
      guint d = *s - '0';

      if (v > (G_MAXUINT64 - d) / 10)
        return FALSE;
      v = v * 10 + d;
    }
  *p = s;
  *out = v;
  return TRUE;
}

gboolean
smolder_text_parse_i64 (const char **p,
                        const char  *end,
                        gint64      *out)
{
  const char *s = *p;
  gboolean neg = FALSE;
  guint64 v;

  if (s < end && (*s == '-' || *s == '+'))
    neg = *s++ == '-';
  if (!smolder_text_parse_u64 (&s, end, &v))
    return FALSE;
  if (neg ? v > (guint64) G_MAXINT64 + 1 : v > (guint64) G_MAXINT64)
    return FALSE;
  *out = neg ? (gint64) (0 - v) : (gint64) v;
  *p = s;
  return TRUE;
}

gboolean
smolder_text_parse_i64_base0 (const char **p,
                              const char  *end,
                              gint64      *out)
{
  const char *s = *p;
  gboolean neg = FALSE;
  guint64 v = 0;

  if (s < end && (*s == '-' || *s == '+'))
    neg = *s++ == '-';
  if (s + 1 < end && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
    {
      if (!smolder_text_parse_hex (&s, end, &v))
        return FALSE;
    }
  else if (s + 1 < end && s[0] == '0' && g_ascii_isdigit (s[1]))
    {
      for (s++; s < end && g_ascii_isdigit (*s); s++)
        {
          if (*s > '7' || v > (G_MAXUINT64 >> 3))
            return FALSE;
          v = (v << 3) | (guint64) (*s - '0');
        }
    }
  else if (!smolder_text_parse_u64 (&s, end, &v))
    return FALSE;

  if (neg ? v > (guint64) G_MAXINT64 + 1 : v > (guint64) G_MAXINT64)
    return FALSE;
  *out = neg ? (gint64) (0 - v) : (gint64) v;
  *p = s;
  return TRUE;
}
