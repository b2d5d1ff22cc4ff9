/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-wire.h: a small protobuf wire-format reader (no allocation), for
 * walking a Profile's top level and recognising one by its first bytes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} SmolderWire;

typedef struct
{
  guint32       field;
  guint         wire_type;
  gsize         offset;   /* of the tag, for messages */
  guint64       varint;   /* wire types 0, 1, 5 */
  const guint8 *sub;      /* wire type 2 */
  gsize         sub_len;
} SmolderWireField;

/* Ten bytes at most: a negative int64 takes all ten. */
static inline gboolean
smolder_wire_read_varint (SmolderWire *w,
                          guint64     *out)
{
  guint64 v = 0;

  for (guint i = 0; i < 10 && w->pos < w->len; i++)
    {
      guint8 b = w->data[w->pos++];

      v |= (guint64) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0)
        {
          *out = v;
          return TRUE;
        }
    }
  return FALSE;
}

/* Reads the next field of @w; FALSE at the end (without error) or on error
 * (set when @error is not NULL). */
gboolean smolder_wire_next (SmolderWire      *w,
                            SmolderWireField *f,
                            GError          **error);

G_END_DECLS
