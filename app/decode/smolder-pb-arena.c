/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-pb-arena.c: the bump arena of the proto decoder. */
#include "smolder-pb-arena.h"

void *
smolder_pb_arena_alloc (void   *data,
                        size_t  size)
{
  SmolderPbArena *a = data;
  void *p;

  if (size > G_MAXSIZE - 16)
    return NULL;
  size = (size + 15) & ~(gsize) 15;

  if (size > a->budget || a->used + a->spill_total > a->budget - size)
    {
      a->over_budget = TRUE;
      return NULL;
    }

  if (a->cap - a->used >= size)
    {
      p = a->buf + a->used;
      a->used += size;
      return p;
    }

  p = g_try_malloc (size);
  if (p != NULL)
    {
      g_ptr_array_add (a->spill, p);
      a->spill_total += size;
    }
  return p;
}

void
smolder_pb_arena_free (void *data,
                       void *pointer)
{
  /* Everything goes at the next reset. */
}

void
smolder_pb_arena_reset (SmolderPbArena *a)
{
  if (a->spill->len > 0)
    {
      gsize needed = a->used + a->spill_total;

      g_ptr_array_set_size (a->spill, 0);
      a->spill_total = 0;
      /* Grow so that the next message this size fits in one block. */
      if (needed > a->cap)
        {
          gsize cap = MAX (needed + needed / 2, a->cap * 2);
          guint8 *buf = g_try_malloc (cap);

          /* Without memory the spill path still works, block by block. */
          if (buf != NULL)
            {
              g_free (a->buf);
              a->buf = buf;
              a->cap = cap;
            }
        }
    }
  a->used = 0;
  a->over_budget = FALSE;
}
