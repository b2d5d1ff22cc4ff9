/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-snapshot.h: one poll of one profile as kept in memory: its
 * files on disk and a small summary (never the profile itself). */
#pragma once

#include <json-glib/json-glib.h>

#include "smolder-limits.h"
#include "smolder-live-functions.h"
#include "smolder-profile.h"

G_BEGIN_DECLS

#define SMOLDER_LIVE_MAX_PAUSES 16

/* The strings of these records are interned (g_intern_string): never free
 * them; a new record gets them from the functions below. */
typedef struct {
  char   *type;    /* sample type, e.g. "inuse_space" (interned) */
  char   *unit;    /* interned */
  gint64  total;
} SmolderLiveTotal;

typedef struct {
  gboolean has_memstats;
  guint64  heap_inuse, heap_alloc, heap_objects, sys, next_gc;
  guint32  num_gc;
  /* The most recent GC pauses, oldest first (ns, end in ns since the epoch). */
  guint    n_pauses;
  guint64  pause_ns[SMOLDER_LIVE_MAX_PAUSES];
  guint64  pause_end[SMOLDER_LIVE_MAX_PAUSES];
  gint64   goroutines;     /* -1: not recorded */
  GArray  *totals;         /* SmolderLiveTotal */
  /* The top functions (see smolder-live-functions.h), or NULL. */
  GArray  *functions;      /* SmolderLiveFunction */
  gboolean functions_all;
} SmolderLiveSummary;

typedef struct {
  char    *name;           /* "heap-0001.pb.gz", inside the session folder */
  char    *query;          /* what was asked, relative: "heap?debug=1" (interned) */
  guint    status;         /* HTTP status; 0 when recovered from the folder */
  guint64  size;           /* bytes on disk */
} SmolderLiveFile;

typedef struct {
  char               *profile;  /* "heap", "goroutine", "goroutine-debug2", "cpu" ... (interned) */
  guint               seq;      /* the poll's number, shared by every profile of it */
  gint64              time_ms;  /* fetch time, ms since the epoch */
  GPtrArray          *files;    /* SmolderLiveFile */
  SmolderLiveSummary  summary;
} SmolderLiveSnapshot;

SmolderLiveSnapshot *smolder_live_snapshot_new  (const char *profile,
                                                 guint       seq,
                                                 gint64      time_ms);
void                 smolder_live_snapshot_free (SmolderLiveSnapshot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderLiveSnapshot, smolder_live_snapshot_free)

void smolder_live_snapshot_add_file (SmolderLiveSnapshot *self,
                                     const char          *name,
                                     const char          *query,
                                     guint                status,
                                     guint64              size);

/* Adds what @profile says (MemStats, totals per sample type, goroutines). */
void smolder_live_summary_add_profile (SmolderLiveSummary *summary,
                                       SmolderProfile     *profile);
/* The total of sample type @type, or FALSE. */
gboolean smolder_live_summary_lookup_total (const SmolderLiveSummary *summary,
                                            const char               *type,
                                            gint64                   *total);

/* Decodes each file of @self (in @dir) and fills the summary: for workers. */
gboolean smolder_live_snapshot_summarise (SmolderLiveSnapshot *self,
                                          GFile               *dir,
                                          const SmolderLimits *limits,
                                          GCancellable        *cancellable,
                                          GError             **error);

JsonNode            *smolder_live_snapshot_to_json   (const SmolderLiveSnapshot *self);
/* The same JSON as text, appended to @out (fast: for the session index). */
void                 smolder_live_snapshot_append_json (const SmolderLiveSnapshot *self,
                                                        GString                   *out);
/* @text as a JSON string, quoted and escaped. */
void                 smolder_live_json_append_string   (GString                   *out,
                                                        const char                *text);
/* NULL with @error when @node is not a snapshot this version wrote. */
SmolderLiveSnapshot *smolder_live_snapshot_from_json (JsonNode  *node,
                                                      GError   **error);

G_END_DECLS
