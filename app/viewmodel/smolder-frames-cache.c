/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-frames-cache.c: an array indexed by granularity, for one profile. */

#include "smolder-frames-cache.h"

#define N_GRANULARITIES (SMOLDER_GRANULARITY_ADDRESSES + 1)

struct _SmolderFramesCache
{
  GObject parent_instance;

  /* owned */
  SmolderProfile *profile;
  SmolderFrames *frames[N_GRANULARITIES];
};

G_DEFINE_FINAL_TYPE (SmolderFramesCache, smolder_frames_cache, G_TYPE_OBJECT)

static void
smolder_frames_cache_reset (SmolderFramesCache *self,
                            SmolderProfile     *profile)
{
  for (guint i = 0; i < N_GRANULARITIES; i++)
    g_clear_object (&self->frames[i]);
  g_set_object (&self->profile, profile);
}

static void
smolder_frames_cache_dispose (GObject *object)
{
  smolder_frames_cache_reset (SMOLDER_FRAMES_CACHE (object), NULL);

  G_OBJECT_CLASS (smolder_frames_cache_parent_class)->dispose (object);
}

static void
smolder_frames_cache_class_init (SmolderFramesCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = smolder_frames_cache_dispose;
}

static void
smolder_frames_cache_init (SmolderFramesCache *self)
{
}

SmolderFramesCache *
smolder_frames_cache_new (void)
{
  return g_object_new (SMOLDER_TYPE_FRAMES_CACHE, NULL);
}

SmolderFrames *
smolder_frames_cache_lookup (SmolderFramesCache *self,
                             SmolderProfile     *profile,
                             SmolderGranularity  granularity)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES_CACHE (self), NULL);

  if (profile == NULL || profile != self->profile || (guint) granularity >= N_GRANULARITIES)
    return NULL;
  return self->frames[granularity] != NULL ? g_object_ref (self->frames[granularity]) : NULL;
}

void
smolder_frames_cache_set (SmolderFramesCache *self,
                          SmolderFrames      *frames)
{
  SmolderGranularity granularity;
  SmolderProfile *profile;

  g_return_if_fail (SMOLDER_IS_FRAMES_CACHE (self));
  g_return_if_fail (SMOLDER_IS_FRAMES (frames));

  granularity = smolder_frames_get_granularity (frames);
  profile = smolder_frames_get_profile (frames);
  if ((guint) granularity >= N_GRANULARITIES)
    return;
  if (profile != self->profile)
    smolder_frames_cache_reset (self, profile);
  g_set_object (&self->frames[granularity], frames);
}
