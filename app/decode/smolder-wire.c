/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "smolder-wire.h"

#include <string.h>

#include "smolder-profile.h"

/* Reads the next field of @w; FALSE at the end (without error) or on error. */
gboolean
smolder_wire_next (SmolderWire      *w,
                   SmolderWireField *f,
                   GError          **error)
{
  guint64 tag;

  if (w->pos >= w->len)
    return FALSE;

  f->offset = w->pos;
  if (!smolder_wire_read_varint (w, &tag))
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "truncated or malformed field tag at byte %" G_GSIZE_FORMAT, f->offset);
      return FALSE;
    }
  if ((tag >> 3) == 0 || (tag >> 3) > G_MAXINT32)
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "invalid field number %" G_GUINT64_FORMAT " at byte %" G_GSIZE_FORMAT,
                   tag >> 3, f->offset);
      return FALSE;
    }
  f->field = (guint32) (tag >> 3);
  f->wire_type = tag & 7;
  f->sub = NULL;
  f->sub_len = 0;
  f->varint = 0;

  switch (f->wire_type)
    {
    case 0:
      if (!smolder_wire_read_varint (w, &f->varint))
        goto truncated;
      return TRUE;

    case 1:
      if (w->len - w->pos < 8)
        goto truncated;
      memcpy (&f->varint, w->data + w->pos, 8);
      f->varint = GUINT64_FROM_LE (f->varint);
      w->pos += 8;
      return TRUE;

    case 5:
      {
        guint32 v32;
        if (w->len - w->pos < 4)
          goto truncated;
        memcpy (&v32, w->data + w->pos, 4);
        f->varint = GUINT32_FROM_LE (v32);
        w->pos += 4;
        return TRUE;
      }

    case 2:
      {
        guint64 n;
        if (!smolder_wire_read_varint (w, &n))
          goto truncated;
        if (n > w->len - w->pos)
          {
            g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                         "field %u at byte %" G_GSIZE_FORMAT " says it is %" G_GUINT64_FORMAT
                         " bytes long, but only %" G_GSIZE_FORMAT " bytes follow (truncated file?)",
                         f->field, f->offset, n, w->len - w->pos);
            return FALSE;
          }
        f->sub = w->data + w->pos;
        f->sub_len = (gsize) n;
        w->pos += (gsize) n;
        return TRUE;
      }

    default:
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
                   "field %u at byte %" G_GSIZE_FORMAT " has wire type %u, which a profile "
                   "never uses (not a profile, or corrupt)",
                   f->field, f->offset, f->wire_type);
      return FALSE;
    }

truncated:
  g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT,
               "field %u at byte %" G_GSIZE_FORMAT " is truncated", f->field, f->offset);
  return FALSE;
}
