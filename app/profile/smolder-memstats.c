/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-memstats.c: reading the MemStats model (parsing is in app/decode). */
#include "smolder-memstats.h"

guint
smolder_memstats_recent_pauses (const SmolderMemStats *self,
                                guint64               *out_ns,
                                guint                  n)
{
  guint count;

  g_return_val_if_fail (self != NULL, 0);

  count = MIN (n, MIN (self->num_gc, SMOLDER_MEMSTATS_PAUSE_RING));
  for (guint k = 0; k < count; k++)
    out_ns[k] = self->pause_ns[(self->num_gc - count + k) % SMOLDER_MEMSTATS_PAUSE_RING];
  return count;
}
