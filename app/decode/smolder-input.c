/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-input.c: the bytes of one input, mapped or in memory, gunzipped. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>

#include "smolder-input.h"
#include "smolder-profile.h"

/* zlib counts in uInt: feed it at most this much at a time. */
#define INFLATE_CHUNK ((gsize) 1 << 30)

static gboolean
is_gzip (const guint8 *data,
         gsize         len)
{
  return len >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

/* The first guess at the output size: the ISIZE trailer of the last member
 * (size mod 2^32) when it is plausible, else a multiple of the input. */
static gsize
initial_capacity (const guint8 *data,
                  gsize         len,
                  guint64       limit)
{
  guint64 guess = (guint64) len * 4;

  if (len >= 18)
    {
      const guint8 *t = data + len - 4;
      guint64 isize = (guint64) t[0] | (guint64) t[1] << 8 | (guint64) t[2] << 16 | (guint64) t[3] << 24;

      if (isize >= len / 2)
        guess = isize + 64;
    }

  /* Trust the trailer only so far: it is 4 bytes anyone can write. */
  guess = MIN (guess, (guint64) 256 << 20);
  guess = MAX (guess, 4096);
  guess = MIN (guess, limit + 1);
  return (gsize) MIN (guess, (guint64) G_MAXSIZE / 2);
}

/* Inflates every gzip member of @data into a new buffer. */
static guint8 *
gunzip (const guint8         *data,
        gsize                 len,
        const SmolderLimits  *limits,
        gsize                *out_len,
        GError              **error)
{
  z_stream zs = { 0 };
  guint8 *out;
  gsize cap, used = 0;
  gsize pos = 0;          /* input consumed so far */
  guint64 limit = limits->max_decompressed_bytes;
  int zr;

  if (inflateInit2 (&zs, 16 + MAX_WBITS) != Z_OK)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   _("cannot start gzip decompression: %s"), zs.msg ? zs.msg : "zlib error");
      return NULL;
    }

  cap = initial_capacity (data, len, limit);
  out = g_try_malloc (cap);
  if (out == NULL)
    {
      inflateEnd (&zs);
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "cannot allocate %" G_GSIZE_FORMAT " bytes for the decompressed data", cap);
      return NULL;
    }

  for (;;)
    {
      gsize in_chunk, out_chunk;
      gsize before_in, before_out;

      if (used == cap)
        {
          guint8 *grown;
          gsize new_cap;

          if ((guint64) used > limit)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                           "gzip data decompresses to more than %" G_GUINT64_FORMAT
                           " bytes (the limit; a gzip bomb?), stopped at input byte %" G_GSIZE_FORMAT,
                           limit, pos);
              goto fail;
            }
          new_cap = cap < G_MAXSIZE / 2 ? cap * 2 : G_MAXSIZE;
          if ((guint64) new_cap > limit + 1)
            new_cap = (gsize) (limit + 1);
          grown = g_try_realloc (out, new_cap);
          if (grown == NULL)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                           "cannot allocate %" G_GSIZE_FORMAT " bytes for the decompressed data",
                           new_cap);
              goto fail;
            }
          out = grown;
          cap = new_cap;
        }

      in_chunk = MIN (len - pos, INFLATE_CHUNK);
      out_chunk = MIN (cap - used, INFLATE_CHUNK);
      zs.next_in = (Bytef *) data + pos;
      zs.avail_in = (uInt) in_chunk;
      zs.next_out = out + used;
      zs.avail_out = (uInt) out_chunk;
      before_in = zs.avail_in;
      before_out = zs.avail_out;

      zr = inflate (&zs, Z_NO_FLUSH);

      pos += before_in - zs.avail_in;
      used += before_out - zs.avail_out;

      if (zr == Z_STREAM_END)
        {
          /* Another member follows (gzip files may be concatenated); anything
           * else after the last member is ignored, as gzip(1) warns and does. */
          if (is_gzip (data + pos, len - pos))
            {
              inflateReset (&zs);
              continue;
            }
          break;
        }

      if (zr == Z_OK)
        continue;

      if (zr == Z_BUF_ERROR)
        {
          /* No progress possible: either the output is full (grow it above)
           * or the input ended inside the stream. */
          if (zs.avail_out == 0)
            continue;
          if (pos >= len)
            {
              g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                           "truncated gzip data: the input ends at byte %" G_GSIZE_FORMAT
                           " inside a compressed stream (%" G_GSIZE_FORMAT " bytes decompressed)",
                           pos, used);
              goto fail;
            }
          continue;
        }

      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "corrupt gzip data at byte %" G_GSIZE_FORMAT ": %s",
                   pos, zs.msg ? zs.msg : "inflate failed");
      goto fail;
    }

  if ((guint64) used > limit)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "gzip data decompresses to more than %" G_GUINT64_FORMAT
                   " bytes (the limit; a gzip bomb?)", limit);
      goto fail;
    }

  inflateEnd (&zs);

  /* Give back the slack of an overestimate. */
  if (cap - used > 65536)
    {
      guint8 *shrunk = g_try_realloc (out, MAX (used, 1));
      if (shrunk != NULL)
        out = shrunk;
    }

  *out_len = used;
  return out;

fail:
  inflateEnd (&zs);
  g_free (out);
  return NULL;
}

/* Replaces the raw bytes of @self by their gunzipped form when gzipped. */
static gboolean
smolder_input_maybe_gunzip (SmolderInput         *self,
                            const SmolderLimits  *limits,
                            GError              **error)
{
  guint8 *out;
  gsize out_len = 0;

  if (!is_gzip (self->data, self->len))
    return TRUE;

  out = gunzip (self->data, self->len, limits, &out_len, error);
  if (out == NULL)
    return FALSE;

  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_bytes_new_take (out, out_len);
  self->data = g_bytes_get_data (self->bytes, &self->len);
  self->was_gzipped = TRUE;
  self->released = 0;
  return TRUE;
}

static gboolean
check_input_size (gsize                 len,
                  const SmolderLimits  *limits,
                  GError              **error)
{
  if ((guint64) len > limits->max_input_bytes)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT,
                   "the input is %" G_GSIZE_FORMAT " bytes, more than the limit of %"
                   G_GUINT64_FORMAT, len, limits->max_input_bytes);
      return FALSE;
    }
  return TRUE;
}

SmolderInput *
smolder_input_new_for_path (const char           *path,
                            const SmolderLimits  *limits,
                            GError              **error)
{
  g_autoptr(SmolderInput) self = NULL;
  g_autoptr(GError) map_error = NULL;
  GMappedFile *mapped;

  g_return_val_if_fail (path != NULL, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  self = g_new0 (SmolderInput, 1);

  mapped = g_mapped_file_new (path, FALSE, &map_error);
  if (mapped != NULL)
    {
      self->mapped = mapped;
      self->len = g_mapped_file_get_length (mapped);
      self->data = (const guint8 *) g_mapped_file_get_contents (mapped);
      if (self->data == NULL)
        self->len = 0;
    }
  else
    {
      /* Not mappable (a pipe, /dev/stdin): read it instead. */
      g_autofree char *contents = NULL;
      gsize len = 0;

      /* GLib's messages repeat the path, which the caller prints already. */
      if (g_error_matches (map_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("no such file"));
          return NULL;
        }
      if (g_error_matches (map_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_ACCES, _("permission denied"));
          return NULL;
        }
      /* mmap() of a directory fails with ENODEV, not EISDIR. */
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("a folder, not a profile"));
          return NULL;
        }
      if (!g_file_get_contents (path, &contents, &len, NULL))
        {
          g_propagate_error (error, g_steal_pointer (&map_error));
          return NULL;
        }
      self->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
      self->data = g_bytes_get_data (self->bytes, &self->len);
    }

  if (!check_input_size (self->len, limits, error))
    return NULL;
  if (!smolder_input_maybe_gunzip (self, limits, error))
    return NULL;

  return g_steal_pointer (&self);
}

SmolderInput *
smolder_input_new_for_bytes (GBytes               *bytes,
                             const SmolderLimits  *limits,
                             GError              **error)
{
  g_autoptr(SmolderInput) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (limits == NULL)
    limits = smolder_limits_get_default ();

  self = g_new0 (SmolderInput, 1);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->len);
  if (self->data == NULL)
    self->len = 0;

  if (!check_input_size (self->len, limits, error))
    return NULL;
  if (!smolder_input_maybe_gunzip (self, limits, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
smolder_input_free (SmolderInput *input)
{
  if (input == NULL)
    return;

  g_clear_pointer (&input->mapped, g_mapped_file_unref);
  g_clear_pointer (&input->bytes, g_bytes_unref);
  g_free (input);
}

void
smolder_input_release_before (SmolderInput *input,
                              gsize         offset)
{
  static gsize page_size;
  gsize end;

  g_return_if_fail (input != NULL);

  if (input->progress != NULL && input->len > 0)
    smolder_progress_set (input->progress, (double) MIN (offset, input->len) / input->len);

  /* Only a read-only file mapping can drop pages safely: they are read
   * back from the file if touched again. */
  if (input->mapped == NULL || input->data == NULL)
    return;

  if (page_size == 0)
    {
      long ps = sysconf (_SC_PAGESIZE);
      page_size = ps > 0 ? (gsize) ps : 4096;
    }

  offset = MIN (offset, input->len);
  end = offset - offset % page_size;

  if (end <= input->released)
    return;
  /* Batch the calls: one madvise per 8 MB is plenty, except at the end. */
  if (end - input->released < 8 * 1024 * 1024 && offset < input->len)
    return;

  if (madvise ((void *) (input->data + input->released), end - input->released, MADV_DONTNEED) == 0)
    input->released = end;
}
