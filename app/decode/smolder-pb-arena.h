/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-pb-arena.h: a bump arena that protobuf-c unpacks one sub-message
 * into; reset after each, so memory is one sub-message, never the tree. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint8    *buf;
  gsize      cap;
  gsize      used;
  GPtrArray *spill;       /* blocks that did not fit, freed at reset */
  gsize      spill_total;
  gsize      budget;      /* bytes one sub-message may take */
  gboolean   over_budget;
} SmolderPbArena;

/* What one sub-message may take once unpacked. protobuf-c spends ~30 bytes
 * of structs per 2-byte repeated entry, so a hostile repeat count could ask
 * for gigabytes before any limit is checked; a real one (a Sample at the
 * 65536-frame depth limit, a Location with many inlined lines) needs a few MB. */
#define ARENA_BUDGET(len) ((gsize) MIN ((guint64) (len) * 64 + (1 << 20), (guint64) 64 << 20))

/* ProtobufCAllocator callbacks; @data is the arena. */
void *smolder_pb_arena_alloc (void *data, size_t size);
void  smolder_pb_arena_free  (void *data, void *pointer);
/* Forgets everything allocated; grows so the last message fits one block. */
void  smolder_pb_arena_reset (SmolderPbArena *a);

G_END_DECLS
