/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-frames-cache.h: a profile's frame tables, one per granularity,
 * made once by whichever view's worker needs one first and shared by the
 * page's views (a table of a large profile costs a worker ~100 ms).
 * Main thread only; workers get their own references. */
#pragma once

#include <glib-object.h>

#include "smolder-frames.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_FRAMES_CACHE (smolder_frames_cache_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFramesCache, smolder_frames_cache, SMOLDER, FRAMES_CACHE, GObject)

SmolderFramesCache *smolder_frames_cache_new    (void);
/* The table of @profile at @granularity (a new reference), or NULL. */
SmolderFrames      *smolder_frames_cache_lookup (SmolderFramesCache *self,
                                                 SmolderProfile     *profile,
                                                 SmolderGranularity  granularity);
/* Keeps @frames; the tables of another profile are dropped. */
void                smolder_frames_cache_set    (SmolderFramesCache *self,
                                                 SmolderFrames      *frames);

G_END_DECLS
