/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-text-lines.h: shared helpers of the Go text decoders (engine-private).
 *
 * - SmolderTextLines walks the lines of a SmolderInput without copying,
 *   strips a trailing '\r', caps the length of a line and releases the pages
 *   already read every ~64 MB, so a 1.4 GB heap text costs little RSS.
 *   It may cover a range of the input only (a chunk parsed on its own
 *   thread), and then releases that range's pages itself.
 * - SmolderTextSymbols turns the "@ 0x..." address lists of the legacy text
 *   profiles into locations (one per distinct address, address - 1 as pprof
 *   does) and names them from the "#\t0xPC\tfunc+0xoff\tfile:line" comment
 *   lines Go prints after each record, which pprof ignores.
 *
 *   A SmolderTextSymbols reads one range of the input; the naming is done
 *   when it finishes, from the few "#" groups that can change a PC's frames,
 *   so that two halves of a file can be read at once and named as if read
 *   in one go (see smolder_text_symbols_finish_chunks()). */
#pragma once

#include "smolder-input.h"
#include "smolder-profile-private.h"

#include <string.h>

G_BEGIN_DECLS

typedef struct
{
  SmolderInput *input;
  const char   *data;
  gsize         len;
  gsize         pos;            /* offset of the next line */
  gsize         line_start;     /* offset of the current line */
  guint64       line_no;        /* 1-based number of the current line */
  gsize         hold;           /* never release at or after this offset */
  gsize         released;       /* released up to here */
  guint64       max_line_bytes;
  gsize         release_step;
  gsize         start;          /* the range read: [start, len) */
  gsize        *shared_done;    /* bytes released by all chunks (atomic), or NULL */
} SmolderTextLines;

void     smolder_text_lines_init (SmolderTextLines    *self,
                                  SmolderInput        *input,
                                  const SmolderLimits *limits);
/* Reads only [start, end) of the input, @start at the beginning of a line.
 * Unless @start is 0 the pages are released here, not through the input;
 * @shared_done (atomic, may be NULL) adds up what every chunk released, for
 * the progress. */
void     smolder_text_lines_init_range (SmolderTextLines    *self,
                                        SmolderInput        *input,
                                        const SmolderLimits *limits,
                                        gsize                start,
                                        gsize                end,
                                        gsize               *shared_done);
/* Releases every page of the range read (the chunk is done with it). */
void     smolder_text_lines_release_all (SmolderTextLines *self);

/* The next line without its '\n' (and '\r'). FALSE at the end (error unset)
 * or when a line is longer than limits->max_line_bytes (error set). */
gboolean smolder_text_lines_next_slow (SmolderTextLines  *self,
                                       const char       **line,
                                       gsize             *len,
                                       GError           **error);

#define SMOLDER_TEXT_RELEASE_STEP ((gsize) 64 << 20)

/* Inline: a 1.4 GB heap text has 12 million lines. */
static inline gboolean
smolder_text_lines_next (SmolderTextLines  *self,
                         const char       **line,
                         gsize             *len,
                         GError           **error)
{
  const char *start, *nl;
  gsize remaining, window, n, next;

  if (G_UNLIKELY (self->pos >= self->len ||
                  self->pos - self->released >= self->release_step))
    return smolder_text_lines_next_slow (self, line, len, error);

  start = self->data + self->pos;
  remaining = self->len - self->pos;
  window = remaining - 1 <= self->max_line_bytes ? remaining : (gsize) self->max_line_bytes + 2;
  nl = (const char *) memchr (start, '\n', window);
  if (G_UNLIKELY (nl == NULL && window < remaining))
    return smolder_text_lines_next_slow (self, line, len, error);
  n = nl != NULL ? (gsize) (nl - start) : remaining;
  next = self->pos + n + (nl != NULL ? 1 : 0);
  if (n > 0 && start[n - 1] == '\r')
    n--;
  if (G_UNLIKELY (n > self->max_line_bytes))
    return smolder_text_lines_next_slow (self, line, len, error);

  self->line_start = self->pos;
  self->line_no++;
  self->pos = next;
  *line = start;
  *len = n;
  return TRUE;
}

/* Sets a SMOLDER_PROFILE_ERROR_CORRUPT error "line N: <message> (in "<line>")". */
void     smolder_text_set_error  (GError     **error,
                                  guint64      line_no,
                                  const char  *line,
                                  gsize        len,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (5, 6);

/* Number parsing on (pointer, end) ranges: they advance *p past what they
 * read and return FALSE when there is no number or it overflows. */
gboolean smolder_text_parse_u64 (const char **p, const char *end, guint64 *out);
gboolean smolder_text_parse_i64 (const char **p, const char *end, gint64 *out);
/* Like Go's strconv.ParseInt (s, 0, 64) for the forms Go writes: decimal,
 * 0x hex, leading-0 octal, with an optional sign. */
gboolean smolder_text_parse_i64_base0 (const char **p, const char *end, gint64 *out);
/* "0x" followed by hex digits. */
/* Inline: the addresses of a 1.4 GB heap text are millions. */
static const guint8 smolder_text_hex_value[256] = {
  ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5, ['5'] = 6, ['6'] = 7,
  ['7'] = 8, ['8'] = 9, ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13,
  ['d'] = 14, ['e'] = 15, ['f'] = 16, ['A'] = 11, ['B'] = 12, ['C'] = 13,
  ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

static inline gboolean
smolder_text_parse_hex (const char **p,
                        const char  *end,
                        guint64     *out)
{
  const char *s = *p, *digits, *significant;
  guint64 v = 0;

  if (end - s < 3 || s[0] != '0' || s[1] != 'x')
    return FALSE;
  s += 2;
  digits = s;
  while (s < end && *s == '0')
    s++;
  significant = s;
  for (; s < end; s++)
    {
      guint d = smolder_text_hex_value[(guint8) *s];

      if (d == 0)
        break;
      v = (v << 4) | (d - 1);
    }
  /* Checked once: more than 16 significant digits overflow 64 bits. */
  if (s == digits || s - significant > 16)
    return FALSE;
  *p = s;
  *out = v;
  return TRUE;
}

/* Whether the line (@line, @len, not NUL-terminated) starts with / is @text. */
static inline gboolean
smolder_text_has_prefix (const char *line,
                         gsize       len,
                         const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (line, prefix, n) == 0;
}

static inline gboolean
smolder_text_equals (const char *line,
                     gsize       len,
                     const char *text)
{
  return len == strlen (text) && memcmp (line, text, len) == 0;
}

static inline const char *
smolder_text_skip_spaces (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* Trims what Go's strings.TrimSpace trims (ASCII white space). */
static inline void
smolder_text_trim (const char **line,
                   gsize       *len)
{
  const char *p = *line;
  gsize n = *len;

  while (n > 0 && g_ascii_isspace (*p))
    p++, n--;
  while (n > 0 && g_ascii_isspace (p[n - 1]))
    n--;
  *line = p;
  *len = n;
}

/* Mixes the bits of an address for open addressing. */
static inline gsize
smolder_u64_hash (guint64 key)
{
  key ^= key >> 29;
  key *= G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return (gsize) (key ^ (key >> 32));
}

/* An open-addressing map from guint64 to guint32 (values < G_MAXUINT32). */
typedef struct
{
  struct SmolderU64Slot { guint64 key; guint32 value; guint32 used; } *slots;
  gsize mask;
  gsize n_items;
} SmolderU64Map;

void     smolder_u64_map_init   (SmolderU64Map *self, gsize expected);
void     smolder_u64_map_clear  (SmolderU64Map *self);
/* Returns the value of @key, or inserts @value and returns it. */
guint32  smolder_u64_map_lookup_or_insert (SmolderU64Map *self, guint64 key, guint32 value, gboolean *inserted);
guint32  smolder_u64_map_lookup (const SmolderU64Map *self, guint64 key); /* G_MAXUINT32 if absent */

typedef struct _SmolderTextSymbols SmolderTextSymbols;

SmolderTextSymbols *smolder_text_symbols_new  (SmolderProfile      *profile,
                                               const SmolderLimits *limits);
/* A chunk of @profile read apart (on another thread): it touches neither the
 * profile nor anything shared until finished, and appends its samples'
 * locations to @sample_locs, numbered within the chunk. */
SmolderTextSymbols *smolder_text_symbols_new_chunk (SmolderProfile      *profile,
                                                    GArray              *sample_locs,
                                                    const SmolderLimits *limits);
void                smolder_text_symbols_free (SmolderTextSymbols  *self);

/* Starts a record: parses the hex addresses in @addrs (" 0x1 0x2 ..."),
 * appends one location per address (address - 1) to the current sample and
 * remembers them to align the "#" lines that follow. The locations exist in
 * the profile once finished; until then their numbers are the chunk's. */
gboolean smolder_text_symbols_add_record (SmolderTextSymbols  *self,
                                          SmolderTextLines    *lines,
                                          const char          *addrs,
                                          gsize                len,
                                          GError             **error);

/* Feeds a comment line; lines that are not "#\t0x..." frames are ignored.
 * The line must point into the input (it is kept until the record ends). */
void     smolder_text_symbols_add_comment (SmolderTextSymbols *self,
                                           const char         *line,
                                           gsize               len);

/* Any other line (blank, a new record, the end) ends the frame group. */
void     smolder_text_symbols_end_record  (SmolderTextSymbols *self);

/* A comment of the profile (interned, appended to profile->comments) at
 * this point of the naming, so that string ids come out in reading order. */
void     smolder_text_symbols_add_note (SmolderTextSymbols *self,
                                        const char         *note);

/* Makes the locations and gives every location its lines from the frames
 * seen in any record. */
gboolean smolder_text_symbols_finish (SmolderTextSymbols  *self,
                                      GError             **error);

/* The same for consecutive chunks of one input, @chunks[0] made with
 * smolder_text_symbols_new() and the others with _new_chunk(): the profile
 * comes out as if the input had been read in one go. The other chunks'
 * sample_locs are renumbered in place to the profile's locations (the caller
 * appends them). Sets *@redo and returns FALSE, with no error, when a limit
 * is crossed only by the chunks together: reading in one go says where. */
gboolean smolder_text_symbols_finish_chunks (SmolderTextSymbols **chunks,
                                             guint                n_chunks,
                                             gboolean            *redo,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderTextSymbols, smolder_text_symbols_free)

G_END_DECLS
