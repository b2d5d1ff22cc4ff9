/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "smolder-progress.h"

#define SCALE 1000000

struct _SmolderProgress
{
  gatomicrefcount ref_count;
  gint            millionths;  /* atomic */
};

G_DEFINE_BOXED_TYPE (SmolderProgress, smolder_progress, smolder_progress_ref, smolder_progress_unref)

SmolderProgress *
smolder_progress_new (void)
{
  SmolderProgress *self = g_new0 (SmolderProgress, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

SmolderProgress *
smolder_progress_ref (SmolderProgress *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
smolder_progress_unref (SmolderProgress *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

void
smolder_progress_set (SmolderProgress *self,
                      double           fraction)
{
  gint value, old;

  g_return_if_fail (self != NULL);

  value = (gint) (CLAMP (fraction, 0.0, 1.0) * SCALE);
  do
    {
      old = g_atomic_int_get (&self->millionths);
      if (value <= old)
        return;
    }
  while (!g_atomic_int_compare_and_exchange (&self->millionths, old, value));
}

double
smolder_progress_get (SmolderProgress *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return (double) g_atomic_int_get (&self->millionths) / SCALE;
}
