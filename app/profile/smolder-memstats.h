/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-memstats.h: the "# runtime.MemStats" block of a text heap profile. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SMOLDER_MEMSTATS_PAUSE_RING 256

typedef struct {
  guint64 alloc;
  guint64 total_alloc;
  guint64 sys;
  guint64 lookups;
  guint64 mallocs;
  guint64 frees;
  guint64 heap_alloc;
  guint64 heap_sys;
  guint64 heap_idle;
  guint64 heap_inuse;
  guint64 heap_released;
  guint64 heap_objects;
  guint64 stack_inuse;
  guint64 stack_sys;
  guint64 mspan_inuse;
  guint64 mspan_sys;
  guint64 mcache_inuse;
  guint64 mcache_sys;
  guint64 buck_hash_sys;
  guint64 gc_sys;
  guint64 other_sys;
  guint64 next_gc;
  guint64 last_gc;          /* ns since the Unix epoch */
  /* Rings as Go keeps them: the most recent pause is at (num_gc + 255) % 256. */
  guint64 pause_ns[SMOLDER_MEMSTATS_PAUSE_RING];
  guint64 pause_end[SMOLDER_MEMSTATS_PAUSE_RING];
  guint32 num_gc;
  guint32 num_forced_gc;
  double  gc_cpu_fraction;
  gboolean debug_gc;
  guint64 max_rss;          /* 0 when the runtime does not print it */
  gboolean has_max_rss;
} SmolderMemStats;

/* The last @n pauses, oldest first, in ns; returns how many were written. */
guint    smolder_memstats_recent_pauses (const SmolderMemStats *self,
                                         guint64               *out_ns,
                                         guint                  n);

G_END_DECLS
